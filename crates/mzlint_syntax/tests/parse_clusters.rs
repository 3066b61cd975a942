//! Clusters and replicas (§3.8): AST snapshots of the valid examples,
//! Materialize's messages, and the option tables.

mod common;

use common::{example, message, parse_err, parse_ok};
use mzlint_syntax::ast::*;
use mzlint_syntax::parse;

#[test]
fn valid_cluster_examples() {
    for id in ["V53", "V54", "V55", "V56"] {
        snapshot!(format!("valid_{id}"), example(id));
    }
}

#[test]
fn cluster_forms() {
    snapshot!(
        "create_cluster_all_options",
        "CREATE CLUSTER c (SIZE 'M.1-small', REPLICATION FACTOR 2, MANAGED, AVAILABILITY ZONES ('use1-az1'), \
         INTROSPECTION INTERVAL '1s', INTROSPECTION DEBUGGING = true, DISK false, \
         SCHEDULE = ON REFRESH (HYDRATION TIME ESTIMATE = INTERVAL '1 hour'), WORKLOAD CLASS 'production') \
         FEATURES (ENABLE EAGER DELTA JOINS = true);"
    );
    snapshot!(
        "create_cluster_replicas",
        "CREATE CLUSTER u (MANAGED = false, REPLICAS = (r1 (SIZE '25cc', AVAILABILITY ZONE 'use1-az1', \
         INTERNAL, BILLED AS 'free', WORKERS 2, DISK), r2 (STORAGECTL ADDRESSES ['a:1'], \
         COMPUTECTL ADDRESSES ['b:2'], STORAGE ADDRESSES ['c:3'], COMPUTE ADDRESSES ['d:4'])));"
    );
    snapshot!(
        "create_cluster_replica",
        "CREATE CLUSTER REPLICA c.r1 SIZE = 'M.1-small', INTROSPECTION INTERVAL 0;"
    );
    snapshot!(
        "alter_cluster_reset",
        "ALTER CLUSTER IF EXISTS c RESET (SIZE, REPLICATION FACTOR, SCHEDULE);"
    );
    snapshot!(
        "alter_cluster_wait_for",
        "ALTER CLUSTER c SET (SIZE 'M.1-large') WITH (WAIT FOR '5m');"
    );
    snapshot!("alter_cluster_swap", "ALTER CLUSTER a SWAP WITH b;");
    snapshot!("alter_cluster_rename", "ALTER CLUSTER a RENAME TO b;");
    snapshot!("alter_cluster_owner", "ALTER CLUSTER a OWNER TO r;");
}

#[test]
fn cluster_option_names() {
    let StatementKind::CreateCluster(c) = parse_ok(
        "CREATE CLUSTER c (SIZE 'x', REPLICATION FACTOR 1, MANAGED, SCHEDULE MANUAL, SIZ 'y')",
    )
    .kind
    else {
        panic!("not a cluster");
    };
    let names: Vec<OptionName> = c.options.options.iter().map(|o| o.name.clone()).collect();
    assert_eq!(
        names,
        [
            OptionName::Size,
            OptionName::ReplicationFactor,
            OptionName::Managed,
            OptionName::Schedule,
            // Unknown words are kept for MZ100.
            OptionName::Unknown("SIZ".into()),
        ]
    );
    assert!(c.options.options[2].value.is_none());
    assert!(matches!(c.options.options[3].value, Some(Value::Opaque(_))));
}

#[test]
fn create_cluster_replica_closing_parenthesis_is_optional() {
    // As in Materialize: `(` without `)` is accepted.
    let StatementKind::CreateClusterReplica(r) =
        parse_ok("CREATE CLUSTER REPLICA c.r (SIZE 'x'").kind
    else {
        panic!("not a replica");
    };
    assert!(r.options.parenthesized);
    assert_eq!(
        (r.cluster.value.as_str(), r.replica.value.as_str()),
        ("c", "r")
    );
}

#[test]
fn x29_cluster_without_options() {
    let expected = "Expected one of AVAILABILITY or DISK or INTROSPECTION or MANAGED or REPLICAS or REPLICATION or SIZE or SCHEDULE or WORKLOAD";
    assert_eq!(
        parse_err(&example("X29")),
        (format!("{expected}, found semicolon"), ";".into())
    );
    assert_eq!(
        parse_err("CREATE CLUSTER c"),
        (format!("{expected}, found EOF"), "c".into())
    );
    assert_eq!(
        message("CREATE CLUSTER c ();"),
        format!("{expected}, found right parenthesis")
    );
    assert_eq!(
        message("ALTER CLUSTER c SET (SIZE 'x',);"),
        format!("{expected}, found right parenthesis")
    );
    assert_eq!(
        message("ALTER CLUSTER c RESET (SIZE, 'x');"),
        format!("{expected}, found string literal")
    );
}

#[test]
fn cluster_errors() {
    for (sql, expected) in [
        (
            "CREATE CLUSTER REPLICA c r (SIZE 'x');",
            "Expected dot, found identifier \"r\"",
        ),
        (
            "CREATE CLUSTER REPLICA c.r;",
            "Expected one of AVAILABILITY or BILLED or COMPUTE or COMPUTECTL or DISK or INTERNAL or INTROSPECTION or SIZE or STORAGE or STORAGECTL or WORKERS, found semicolon",
        ),
        (
            "CREATE CLUSTER c (REPLICAS (r1));",
            "Expected left parenthesis, found right parenthesis",
        ),
        (
            "CREATE CLUSTER c (REPLICAS r1 (SIZE 'x'));",
            "Expected left parenthesis, found identifier \"r1\"",
        ),
        (
            "CREATE CLUSTER c (SCHEDULE 'manual');",
            "Expected one of MANUAL or ON, found string literal",
        ),
        (
            "CREATE CLUSTER c (SCHEDULE ON COMMIT);",
            "Expected REFRESH, found COMMIT",
        ),
        (
            "CREATE CLUSTER c (SIZE 'x') FEATURES ();",
            "Expected one of ENABLE or REOPTIMIZE, found right parenthesis",
        ),
        (
            "ALTER CLUSTER c;",
            "Expected one of OWNER or RENAME or RESET or SET or SWAP, found semicolon",
        ),
        (
            "ALTER CLUSTER c SET SIZE 'x';",
            "Expected left parenthesis, found SIZE",
        ),
        (
            "ALTER CLUSTER c SET (SIZE 'x') WITH (WAIT '5m');",
            "Expected one of FOR or UNTIL, found string literal",
        ),
        (
            "ALTER CLUSTER c SET (SIZE 'x') WITH (WAIT UNTIL READY (TIMEOUT '1m', '2m'));",
            "Expected one of TIMEOUT or ON, found string literal",
        ),
        ("ALTER CLUSTER c SWAP d;", "Expected WITH, found identifier \"d\""),
        (
            "ALTER CLUSTER c RENAME TO a.b;",
            "Expected end of statement, found dot",
        ),
        (
            "CREATE CLUSTER a.b (SIZE 'x');",
            "Expected one of AVAILABILITY or DISK or INTROSPECTION or MANAGED or REPLICAS or REPLICATION or SIZE or SCHEDULE or WORKLOAD, found dot",
        ),
    ] {
        assert_eq!(message(sql), expected, "{sql}");
    }
}

#[test]
fn plan_invalid_cluster_examples_parse() {
    for id in ["X97", "X98"] {
        assert!(matches!(
            parse_ok(&example(id)).kind,
            StatementKind::CreateCluster(_)
        ));
    }
}

#[test]
fn cluster_head_registered_on_error() {
    let parsed = parse("CREATE CLUSTER ingest (SIZE 'x',);\nCREATE CLUSTER b (SIZE 'y');");
    assert_eq!(parsed.errors.len(), 1);
    let StatementKind::Error(e) = &parsed.statements[0].kind else {
        panic!("not an error");
    };
    let head = e.head.as_ref().expect("head");
    assert_eq!(
        (head.object_type, head.name.joined()),
        (ObjectType::Cluster, "ingest".into())
    );
    assert!(matches!(
        parsed.statements[1].kind,
        StatementKind::CreateCluster(_)
    ));
}

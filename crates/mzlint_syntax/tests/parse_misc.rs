//! DROP (§3.9), SET, shallow CREATE statements, ALTER SINK, removed forms
//! and statements mzlint keeps opaque (rules.md §1.5).

mod common;

use common::{example, message, messages, parse_err, parse_ok};
use mzlint_syntax::ast::*;
use mzlint_syntax::parse;
use proptest::prelude::*;
use proptest::strategy::Strategy;

// ---------------------------------------------------------------------------
// DROP

#[test]
fn valid_drop_examples() {
    for id in ["V51", "V52", "V57"] {
        snapshot!(format!("valid_{id}"), example(id));
    }
}

#[test]
fn drop_forms() {
    snapshot!(
        "drop_cluster_replicas",
        "DROP CLUSTER REPLICA IF EXISTS c.r1, \"C\".r2;"
    );
    snapshot!("drop_database_default_cascade", "DROP DATABASE d;");
    let drop = |sql: &str| match parse_ok(sql).kind {
        StatementKind::Drop(d) => d,
        other => panic!("not a drop: {other:?}"),
    };
    for (sql, object_type, cascade) in [
        ("DROP TABLE t", ObjectType::Table, false),
        ("DROP VIEW v CASCADE", ObjectType::View, true),
        (
            "DROP MATERIALIZED VIEW db.s.mv",
            ObjectType::MaterializedView,
            false,
        ),
        ("DROP SOURCE s RESTRICT", ObjectType::Source, false),
        ("DROP SINK s", ObjectType::Sink, false),
        ("DROP INDEX i", ObjectType::Index, false),
        ("DROP TYPE t", ObjectType::Type, false),
        ("DROP ROLE a, b", ObjectType::Role, false),
        ("DROP USER a", ObjectType::Role, false),
        ("DROP CLUSTER a, b CASCADE", ObjectType::Cluster, true),
        ("DROP SECRET IF EXISTS s", ObjectType::Secret, false),
        ("DROP CONNECTION c", ObjectType::Connection, false),
        ("DROP DATABASE d RESTRICT", ObjectType::Database, false),
        ("DROP SCHEMA db.s CASCADE", ObjectType::Schema, true),
        ("DROP CONTINUAL TASK ct", ObjectType::Other, false),
        ("DROP NETWORK POLICY p", ObjectType::Other, false),
    ] {
        let d = drop(sql);
        assert_eq!((d.object_type, d.cascade), (object_type, cascade), "{sql}");
    }
    let d = drop("DROP CLUSTER REPLICA c.r");
    assert_eq!(d.object_type, ObjectType::ClusterReplica);
    assert_eq!(d.names[0].joined(), "c.r");
    assert!(matches!(
        parse_ok("DROP OWNED BY r CASCADE").kind,
        StatementKind::Opaque(_)
    ));
}

/// rules.md reassigns X26 to MZ701: `DROP SUBSOURCE` parses, recorded as
/// removed syntax on the SUBSOURCE keyword.
#[test]
fn x26_drop_subsource_is_recovered() {
    let sql = example("X26");
    let statement = parse_ok(&sql);
    let StatementKind::Drop(d) = &statement.kind else {
        panic!("not a drop");
    };
    assert_eq!(d.object_type, ObjectType::Subsource);
    assert_eq!(d.names[0].joined(), "app_users");
    assert_eq!(statement.removed.len(), 1);
    assert_eq!(statement.removed[0].form, RemovedForm::DropSubsource);
    assert_eq!(&sql[statement.removed[0].span.range()], "SUBSOURCE");
    snapshot!("invalid_X26_recovered", sql);
}

#[test]
fn x26_unknown_object_type() {
    assert_eq!(
        parse_err("DROP SUBSCRIPTION s;"),
        (
            "Expected one of TABLE or VIEW or MATERIALIZED or SOURCE or SINK or INDEX or TYPE or ROLE or USER or CLUSTER or SECRET or CONNECTION or DATABASE or SCHEMA or FUNCTION or CONTINUAL or NETWORK, found identifier \"subscription\"".into(),
            "SUBSCRIPTION".into()
        )
    );
}

#[test]
fn x27_cascade_and_restrict() {
    assert_eq!(
        parse_err(&example("X27")),
        (
            "Cannot specify both CASCADE and RESTRICT in DROP".into(),
            "RESTRICT".into()
        )
    );
    assert_eq!(
        message("DROP CLUSTER c RESTRICT CASCADE"),
        "Cannot specify both RESTRICT and CASCADE in DROP"
    );
}

#[test]
fn drop_errors() {
    for (sql, expected) in [
        (
            "DROP MATERIALIZED mv;",
            "Expected VIEW, found identifier \"mv\"",
        ),
        ("DROP FUNCTION f;", "Unsupported DROP on FUNCTION"),
        ("DROP CONTINUAL t;", "Expected TASK, found identifier \"t\""),
        ("DROP NETWORK p;", "Expected POLICY, found identifier \"p\""),
        (
            "DROP CLUSTER REPLICA c.r CASCADE;",
            "Expected end of statement, found CASCADE",
        ),
        ("DROP CLUSTER REPLICA r;", "Expected dot, found semicolon"),
        (
            "DROP ROLE r CASCADE;",
            "Expected end of statement, found CASCADE",
        ),
        ("DROP CLUSTER a.b;", "Expected end of statement, found dot"),
        (
            "DROP DATABASE a, b;",
            "Expected end of statement, found comma",
        ),
        ("DROP SOURCE;", "Expected identifier, found semicolon"),
        (
            "DROP SOURCE IF s;",
            "Expected EXISTS, found identifier \"s\"",
        ),
        (
            "DROP SOURCE 's';",
            "Expected identifier, found string literal",
        ),
    ] {
        assert_eq!(message(sql), expected, "{sql}");
    }
}

// ---------------------------------------------------------------------------
// SET

#[test]
fn set_variables() {
    let set = |sql: &str| match parse_ok(sql).kind {
        StatementKind::Set(s) => {
            let values: Vec<String> = s.values.iter().map(|(_, v)| v.clone()).collect();
            (s.variable.value, values)
        }
        other => panic!("not a SET: {other:?}"),
    };
    let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        set("SET cluster = ingest"),
        ("cluster".into(), strings(&["ingest"]))
    );
    assert_eq!(
        set("SET CLUSTER TO 'Ingest'"),
        ("cluster".into(), strings(&["Ingest"]))
    );
    assert_eq!(
        set("SET SESSION search_path TO Public, \"Mixed\", 'lit'"),
        ("search_path".into(), strings(&["public", "Mixed", "lit"]))
    );
    assert_eq!(
        set("SET LOCAL database = materialize"),
        ("database".into(), strings(&["materialize"]))
    );
    assert_eq!(
        set("SET schema 'billing'"),
        ("schema".into(), strings(&["billing"]))
    );
    assert_eq!(
        set("SET SCHEMA = billing"),
        ("schema".into(), strings(&["billing"]))
    );
    assert_eq!(set("SET cluster TO DEFAULT"), ("cluster".into(), vec![]));
    assert_eq!(
        set("SET TIME ZONE 'UTC'"),
        ("timezone".into(), strings(&["UTC"]))
    );
    assert_eq!(
        set("SET NAMES 'UTF8'"),
        ("client_encoding".into(), strings(&["UTF8"]))
    );
    assert_eq!(
        set("SET x = 1, -2, true, NULL"),
        ("x".into(), strings(&["1", "-2", "true", "null"]))
    );
    snapshot!("set_search_path", "SET search_path = app, public;");
    for sql in [
        "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE",
        "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE",
    ] {
        assert!(
            matches!(parse_ok(sql).kind, StatementKind::Opaque(_)),
            "{sql}"
        );
    }
}

#[test]
fn set_errors() {
    for (sql, expected) in [
        (
            "SET cluster ingest;",
            "Expected equals sign or TO, found identifier \"ingest\"",
        ),
        (
            "SET cluster;",
            "Expected equals sign or TO, found semicolon",
        ),
        (
            "SET cluster = ;",
            "Expected variable value, found semicolon",
        ),
        (
            "SET cluster = (a);",
            "Expected variable value, found left parenthesis",
        ),
        (
            "SET search_path = a.b;",
            "Expected end of statement, found dot",
        ),
        ("SET;", "Expected identifier, found semicolon"),
    ] {
        assert_eq!(message(sql), expected, "{sql}");
    }
}

// ---------------------------------------------------------------------------
// Shallow CREATE statements

#[test]
fn shallow_statements() {
    snapshot!(
        "create_view",
        "CREATE OR REPLACE TEMPORARY VIEW v (a, b) AS SELECT 1, 2;"
    );
    snapshot!(
        "create_materialized_view",
        "CREATE MATERIALIZED VIEW IF NOT EXISTS db.s.mv (a) IN CLUSTER compute WITH (RETAIN HISTORY FOR '1h') AS SELECT * FROM t;"
    );
    snapshot!(
        "create_materialized_view_replace",
        "CREATE OR REPLACE MATERIALIZED VIEW mv IN CLUSTER [u1] AS SELECT 1;"
    );
    snapshot!(
        "create_index",
        "CREATE INDEX IF NOT EXISTS i IN CLUSTER serving ON db.s.v (a, b + 1);"
    );
    snapshot!(
        "create_default_index",
        "CREATE DEFAULT INDEX IN CLUSTER c ON v;"
    );
    snapshot!(
        "create_sink",
        "CREATE SINK IF NOT EXISTS s IN CLUSTER sinks FROM mv INTO KAFKA CONNECTION kafka_prod (TOPIC 't') \
         FORMAT AVRO USING CONFLUENT SCHEMA REGISTRY CONNECTION csr ENVELOPE DEBEZIUM;"
    );
    snapshot!(
        "create_sink_nameless_iceberg",
        "CREATE SINK IN CLUSTER c FROM mv INTO ICEBERG CATALOG CONNECTION ice (NAMESPACE 'n', TABLE 't') USING AWS CONNECTION aws KEY (id);"
    );
    snapshot!(
        "create_table",
        "CREATE TEMP TABLE IF NOT EXISTS t (id int NOT NULL, name text);"
    );
}

#[test]
fn shallow_errors() {
    for (sql, expected) in [
        ("CREATE VIEW v SELECT 1;", "Expected AS, found SELECT"),
        (
            "CREATE INDEX IF NOT EXISTS ON v (a);",
            "Expected index name, found ON",
        ),
        ("CREATE INDEX i v (a);", "Expected ON, found identifier \"v\""),
        (
            "CREATE SINK s FROM mv INTO S3 CONNECTION c;",
            "Expected one of KAFKA or ICEBERG, found identifier \"s3\"",
        ),
        (
            "CREATE SINK s FROM mv INTO ICEBERG CONNECTION c;",
            "Expected CATALOG, found CONNECTION",
        ),
        (
            "CREATE TABLE t AS SELECT 1;",
            "Expected a list of columns in parentheses, found AS",
        ),
        (
            "CREATE MATERIALIZED VIEW mv IN CLUSTER AS SELECT 1;",
            "Expected AS, found SELECT",
        ),
        (
            "CREATE SUBSCRIPTION s;",
            "Expected DATABASE, SCHEMA, ROLE, TYPE, INDEX, SINK, SOURCE, [TEMPORARY] TABLE, SECRET, [OR REPLACE] [TEMPORARY] VIEW, or [OR REPLACE] MATERIALIZED VIEW after CREATE, found identifier \"subscription\"",
        ),
        (
            "CREATE OR REPLACE SOURCE s;",
            "Expected [TEMPORARY] VIEW, or MATERIALIZED VIEW after CREATE OR REPLACE, found SOURCE",
        ),
        (
            "CREATE TEMP SOURCE s;",
            "Expected TABLE, or VIEW after CREATE TEMPORARY, found SOURCE",
        ),
        (
            "CREATE OR REPLACE TEMP TABLE t (a int);",
            "Expected VIEW after CREATE OR REPLACE TEMPORARY, found TABLE",
        ),
    ] {
        assert_eq!(message(sql), expected, "{sql}");
    }
}

#[test]
fn shallow_head_registered_on_error() {
    let StatementKind::Error(e) = parse("CREATE VIEW v SELECT 1").statements.remove(0).kind else {
        panic!("not an error");
    };
    let head = e.head.expect("head");
    assert_eq!(
        (head.object_type, head.name.joined()),
        (ObjectType::View, "v".into())
    );
}

#[test]
fn opaque_create_kinds() {
    for (sql, keyword) in [
        ("CREATE ROLE r WITH LOGIN PASSWORD 'x'", "CREATE ROLE"),
        ("CREATE USER u", "CREATE USER"),
        ("CREATE DATABASE d", "CREATE DATABASE"),
        ("CREATE SCHEMA IF NOT EXISTS s", "CREATE SCHEMA"),
        ("CREATE TYPE t AS LIST (ELEMENT TYPE = int4)", "CREATE TYPE"),
        (
            "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$",
            "CREATE FUNCTION",
        ),
        (
            "CREATE OR REPLACE FUNCTION f() RETURNS int AS 'x'",
            "CREATE FUNCTION",
        ),
        (
            "CREATE NETWORK POLICY p (RULES ())",
            "CREATE NETWORK POLICY",
        ),
        (
            "CREATE CONTINUAL TASK ct ON INPUT t AS (INSERT INTO ct SELECT 1)",
            "CREATE CONTINUAL TASK",
        ),
    ] {
        match parse_ok(sql).kind {
            StatementKind::Opaque(o) => assert_eq!(o.keyword, keyword),
            other => panic!("{sql}: {other:?}"),
        }
    }
}

#[test]
fn removed_create_views_from_source() {
    let sql = "CREATE VIEWS FROM SOURCE legacy_src (a AS b);";
    let statement = parse_ok(sql);
    assert!(matches!(statement.kind, StatementKind::Opaque(_)));
    assert_eq!(statement.removed.len(), 1);
    assert_eq!(
        statement.removed[0].form,
        RemovedForm::CreateViewsFromSource
    );
    assert_eq!(
        &sql[statement.removed[0].span.range()],
        "CREATE VIEWS FROM SOURCE"
    );
}

/// SIZE on sinks was removed (MZ700): recorded on the option, no error.
#[test]
fn removed_sink_size() {
    for (sql, spans) in [
        ("ALTER SINK s SET (SIZE = 'small');", vec!["SIZE = 'small'"]),
        ("ALTER SINK IF EXISTS db.s.k RESET (SIZE);", vec!["SIZE"]),
        (
            "ALTER SINK s SET (SNAPSHOT = false, SIZE 'x', VERSION (1, 2));",
            vec!["SIZE 'x'"],
        ),
        (
            "CREATE SINK s FROM mv INTO KAFKA CONNECTION k (TOPIC 't') FORMAT JSON ENVELOPE DEBEZIUM WITH (SIZE = '3xsmall', SNAPSHOT = false);",
            vec!["SIZE = '3xsmall'"],
        ),
        ("ALTER SINK s SET CLUSTER c;", vec![]),
        ("ALTER SINK s SET (SNAPSHOT = false);", vec![]),
        ("ALTER SINK s RENAME TO t;", vec![]),
        (
            "CREATE SINK s FROM mv INTO KAFKA CONNECTION k (TOPIC 't', SIZE 1) FORMAT JSON ENVELOPE DEBEZIUM;",
            vec![],
        ),
    ] {
        let statement = parse_ok(sql);
        let found: Vec<&str> = statement
            .removed
            .iter()
            .map(|r| {
                assert_eq!(r.form, RemovedForm::SourceSize);
                &sql[r.span.range()]
            })
            .collect();
        assert_eq!(found, spans, "{sql}");
    }
}

// ---------------------------------------------------------------------------
// Other statements

#[test]
fn opaque_statements() {
    for sql in [
        "SELECT 1",
        "(SELECT 1)",
        "WITH a AS (SELECT 1) SELECT * FROM a",
        "VALUES (1)",
        "TABLE t",
        "INSERT INTO t VALUES (1)",
        "UPDATE t SET a = 1",
        "DELETE FROM t",
        "SHOW SOURCES",
        "EXPLAIN SELECT 1",
        "COMMENT ON TABLE t IS 'x'",
        "GRANT SELECT ON t TO r",
        "REVOKE SELECT ON t FROM r",
        "BEGIN",
        "START TRANSACTION",
        "COMMIT",
        "ROLLBACK",
        "COPY t FROM STDIN",
        "SUBSCRIBE TO t",
        "TAIL t",
        "DECLARE c CURSOR FOR SELECT 1",
        "FETCH c",
        "CLOSE c",
        "PREPARE p AS SELECT 1",
        "EXECUTE p",
        "DEALLOCATE p",
        "DISCARD ALL",
        "RESET cluster",
        "TRUNCATE t",
        "INSPECT SHARD 'u1'",
        "REASSIGN OWNED BY a TO b",
        "RAISE NOTICE 'x'",
        "ALTER ROLE r WITH LOGIN",
    ] {
        assert!(
            matches!(parse_ok(sql).kind, StatementKind::Opaque(_)),
            "{sql}"
        );
    }
}

#[test]
fn statement_start_errors() {
    for (sql, expected, at) in [
        (
            "FOO bar;",
            "Expected a keyword at the beginning of a statement, found identifier \"foo\"",
            "FOO",
        ),
        (
            "\"quoted\" x;",
            "Expected a keyword at the beginning of a statement, found identifier \"quoted\"",
            "\"quoted\"",
        ),
        (
            "'str';",
            "Expected a keyword at the beginning of a statement, found string literal",
            "'str'",
        ),
        (
            "42;",
            "Expected a keyword at the beginning of a statement, found number \"42\"",
            "42",
        ),
        (
            ", x;",
            "Expected a keyword at the beginning of a statement, found comma",
            ",",
        ),
        (
            "SOURCE s;",
            "Unexpected keyword SOURCE at the beginning of a statement",
            "SOURCE",
        ),
        (
            "connection c;",
            "Unexpected keyword CONNECTION at the beginning of a statement",
            "connection",
        ),
        (
            "VALIDATE SOURCE s;",
            "Expected CONNECTION, found SOURCE",
            "SOURCE",
        ),
    ] {
        assert_eq!(
            parse_err(sql),
            (expected.to_string(), at.to_string()),
            "{sql}"
        );
    }
}

#[test]
fn errors_stay_in_their_statement() {
    let parsed = parse(
        "FOO;\nDROP SOURCE s CASCADE RESTRICT;\nSET cluster = ingest;\nCREATE SECRET s AS;\nDROP SECRET s;\nCREATE CLUSTER c;\nSELECT 1",
    );
    assert_eq!(parsed.statements.len(), 7);
    assert_eq!(
        messages(&parsed),
        [
            "Expected a keyword at the beginning of a statement, found identifier \"foo\"",
            "Cannot specify both CASCADE and RESTRICT in DROP",
            "Expected an expression, found semicolon",
            "Expected one of AVAILABILITY or DISK or INTROSPECTION or MANAGED or REPLICAS or REPLICATION or SIZE or SCHEDULE or WORKLOAD, found semicolon",
        ]
    );
    let statements: Vec<usize> = parsed.errors.iter().map(|e| e.statement).collect();
    assert_eq!(statements, [0, 1, 3, 5]);
    assert!(matches!(parsed.statements[2].kind, StatementKind::Set(_)));
    assert!(matches!(parsed.statements[4].kind, StatementKind::Drop(_)));
    assert!(matches!(
        parsed.statements[6].kind,
        StatementKind::Opaque(_)
    ));
}

// ---------------------------------------------------------------------------
// Never panic: token soup over this area's vocabulary.

fn word() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "CREATE",
        "ALTER",
        "DROP",
        "SET",
        "VALIDATE",
        "SECRET",
        "CONNECTION",
        "CONNECTOR",
        "CLUSTER",
        "REPLICA",
        "REPLICAS",
        "TO",
        "FOR",
        "AS",
        "WITH",
        "IF",
        "NOT",
        "EXISTS",
        "OR",
        "REPLACE",
        "TEMP",
        "VIEW",
        "VIEWS",
        "MATERIALIZED",
        "INDEX",
        "DEFAULT",
        "ON",
        "IN",
        "SINK",
        "FROM",
        "INTO",
        "KAFKA",
        "ICEBERG",
        "CATALOG",
        "POSTGRES",
        "AWS",
        "PRIVATELINK",
        "SSH",
        "TUNNEL",
        "SQL",
        "SERVER",
        "YUGABYTE",
        "HOST",
        "PASSWORD",
        "PORT",
        "PUBLIC",
        "KEY",
        "1",
        "BROKER",
        "BROKERS",
        "USING",
        "ROLE",
        "ARN",
        "ROTATE",
        "KEYS",
        "RESET",
        "RENAME",
        "OWNER",
        "SWAP",
        "SIZE",
        "SCHEDULE",
        "MANUAL",
        "REFRESH",
        "WAIT",
        "UNTIL",
        "READY",
        "TIMEOUT",
        "FEATURES",
        "CASCADE",
        "RESTRICT",
        "SUBSOURCE",
        "TABLE",
        "SESSION",
        "TIME",
        "ZONE",
        "CASE",
        "END",
        "decode",
        "x",
        "\"q\"",
        "'s'",
        "$$d$$",
        "E'e'",
        "42",
        "-",
        "||",
        "::",
        "(",
        ")",
        "[",
        "]",
        ",",
        ".",
        "=",
        "=>",
        ";",
        ":'v'",
        "<p>",
        "MAP",
        "ARRAY",
        "IS",
        "NULL",
        "AND",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 20_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn token_soup_never_panics(words in proptest::collection::vec(word(), 0..24)) {
        let source = words.join(" ");
        let parsed = parse(&source);
        for error in &parsed.errors {
            prop_assert!(error.span.end as usize <= source.len());
            prop_assert!(error.statement < parsed.statements.len());
        }
    }
}

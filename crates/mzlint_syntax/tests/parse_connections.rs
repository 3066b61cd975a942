//! Secrets (§3.1) and connections (§3.2–§3.4): AST snapshots of the valid
//! examples of `materialize-ddl.md` §7.1, Materialize's messages for the
//! parse-invalid ones (§7.2), the inputs rules.md hands to precise rules, the
//! plan-invalid examples (§7.3, must parse), recovery and the secrets policy.

mod common;

use common::{example, message, parse_err, parse_ok};
use mzlint_syntax::ast::*;
use mzlint_syntax::parse;

// ---------------------------------------------------------------------------
// Valid examples (§7.1)

#[test]
fn valid_secret_examples() {
    for id in ["V01", "V02", "V03", "V04", "V05", "V58"] {
        snapshot!(format!("valid_{id}"), example(id));
    }
}

#[test]
fn valid_connection_examples() {
    for id in [
        "V06", "V07", "V08", "V09", "V10", "V11", "V12", "V13", "V14", "V15", "V16", "V17", "V18",
        "V19", "V20", "V21", "V22", "V23", "V24", "V59",
    ] {
        snapshot!(format!("valid_{id}"), example(id));
    }
}

#[test]
fn secret_forms() {
    snapshot!(
        "secret_alter_owner_if_exists",
        "ALTER SECRET IF EXISTS s OWNER TO admin;"
    );
    snapshot!(
        "secret_cast_and_concat",
        "CREATE SECRET s AS '\\x41'::bytea || E'\\n' || $$tail$$;"
    );
    snapshot!("secret_psql_interpolation", "CREATE SECRET s AS :'pw';");
}

#[test]
fn secret_literals_exclude_decode_encoding_and_psql_variables() {
    let literals = |sql: &str| match parse_ok(sql).kind {
        StatementKind::CreateSecret(s) => s
            .value
            .literals
            .iter()
            .map(|l| l.value.clone())
            .collect::<Vec<_>>(),
        StatementKind::AlterSecret(AlterSecret {
            action: AlterSecretAction::Value(v),
            ..
        }) => v.literals.iter().map(|l| l.value.clone()).collect(),
        other => panic!("not a secret value: {other:?}"),
    };
    assert_eq!(
        literals("CREATE SECRET s AS decode('c2VjcmV0', 'base64');"),
        ["c2VjcmV0"]
    );
    assert_eq!(
        literals("CREATE SECRET s AS DECODE(upper('a'), 'hex') || 'b';"),
        ["a", "b"]
    );
    assert_eq!(
        literals("CREATE SECRET s AS convert_from(decode('x', 'base64'), 'UTF8');"),
        ["x", "UTF8"]
    );
    assert_eq!(literals("CREATE SECRET s AS :'pw';"), Vec::<String>::new());
    assert_eq!(literals("ALTER SECRET s AS 'new' || :'suffix';"), ["new"]);
    assert_eq!(
        literals("CREATE SECRET s AS $pem$-----BEGIN-----$pem$;"),
        ["-----BEGIN-----"]
    );
}

#[test]
fn secret_expressions_the_skimmer_accepts() {
    for sql in [
        "CREATE SECRET s AS 'a' || 'b' || 'c';",
        "CREATE SECRET s AS -1;",
        "CREATE SECRET s AS NOT true;",
        "CREATE SECRET s AS (SELECT 'x');",
        "CREATE SECRET s AS CASE WHEN true THEN 'a' ELSE 'b' END;",
        "CREATE SECRET s AS 'x' AT TIME ZONE 'UTC';",
        "CREATE SECRET s AS 'x'::text COLLATE \"C\";",
        "CREATE SECRET s AS CAST('x' AS bytea);",
        "CREATE SECRET s AS bytea '\\x00';",
        "CREATE SECRET s AS '1'::double precision;",
        "CREATE SECRET s AS ARRAY['a', 'b'][1];",
        "CREATE SECRET s AS 'a' IS NOT NULL AND 'b' NOT LIKE 'c%';",
        "CREATE SECRET s AS 'a' BETWEEN 'a' AND 'z';",
        "CREATE SECRET s AS 'a' IN ('a', 'b');",
        "CREATE SECRET s AS INTERVAL '1' DAY;",
        "CREATE SECRET s AS $1;",
        "CREATE SECRET s AS <password>;",
        "CREATE SECRET s AS pg_catalog.decode('eA==', 'base64');",
    ] {
        parse_ok(sql);
    }
}

#[test]
fn removed_create_connector() {
    let sql = "CREATE CONNECTOR k FOR KAFKA BROKER 'k:9092';";
    let statement = parse_ok(sql);
    assert_eq!(statement.removed.len(), 1);
    assert_eq!(statement.removed[0].form, RemovedForm::CreateConnector);
    assert_eq!(&sql[statement.removed[0].span.range()], "CREATE CONNECTOR");
    snapshot!("removed_create_connector", sql);
}

#[test]
fn removed_yugabyte() {
    let sql = "CREATE CONNECTION y TO YUGABYTE (HOST 'h', DATABASE 'd', USER 'u');";
    let statement = parse_ok(sql);
    assert_eq!(statement.removed[0].form, RemovedForm::Yugabyte);
    assert_eq!(&sql[statement.removed[0].span.range()], "YUGABYTE");
    snapshot!("removed_yugabyte", sql);
}

#[test]
fn removed_role_arn() {
    let sql =
        "CREATE CONNECTION a TO AWS (ROLE ARN = 'arn:aws:iam::1:role/r', REGION 'us-east-1');";
    let statement = parse_ok(sql);
    assert_eq!(statement.removed.len(), 1);
    assert_eq!(statement.removed[0].form, RemovedForm::RoleArn);
    assert_eq!(&sql[statement.removed[0].span.range()], "ROLE ARN");
    snapshot!("removed_role_arn", sql);

    let sql = "ALTER CONNECTION a SET (ROLE ARN 'x'), DROP (ROLE ARN);";
    let statement = parse_ok(sql);
    let spans: Vec<&str> = statement
        .removed
        .iter()
        .map(|r| {
            assert_eq!(r.form, RemovedForm::RoleArn);
            &sql[r.span.range()]
        })
        .collect();
    assert_eq!(spans, ["ROLE ARN", "ROLE ARN"]);
}

#[test]
fn legacy_for_form() {
    let sql = "CREATE CONNECTION bastion FOR SSH TUNNEL HOST 'b', USER 'mz', PORT 22 WITH (VALIDATE false);";
    let StatementKind::CreateConnection(c) = parse_ok(sql).kind else {
        panic!("not a connection");
    };
    assert_eq!(c.connection_type, ConnectionType::SshTunnel);
    assert_eq!(
        &sql[c.legacy_for.expect("legacy").range()],
        "FOR SSH TUNNEL"
    );
    assert!(!c.options.parenthesized);
    assert_eq!(c.options.options.len(), 3);
    assert!(c.with_options.is_some());
    snapshot!("legacy_for_with", sql);
}

#[test]
fn alter_connection_forms() {
    snapshot!(
        "alter_connection_reset_drop_with",
        "ALTER CONNECTION IF EXISTS k SET (BROKERS ('a:9092', 'b:9092')), DROP (BROKER), RESET (SSL CERTIFICATE AUTHORITY) WITH (VALIDATE);"
    );
    snapshot!(
        "alter_connection_owner",
        "ALTER CONNECTION k OWNER TO admin;"
    );
    // DROP/RESET take a name only; unknown words are kept for MZ100.
    let StatementKind::AlterConnection(AlterConnection {
        action: AlterConnectionAction::Actions { actions, .. },
        ..
    }) = parse_ok("ALTER CONNECTION c RESET (PUBLIC KEY 2), DROP (SSL MODUS);").kind
    else {
        panic!("not an action list");
    };
    let names: Vec<(OptionName, bool)> = actions
        .iter()
        .map(|a| match &a.kind {
            AlterConnectionItemKind::Reset { option, .. } => {
                (option.name.clone(), option.value.is_none())
            }
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        names,
        [
            (OptionName::PublicKey2, true),
            (OptionName::Unknown("SSL MODUS".into()), true)
        ]
    );
}

#[test]
fn unknown_option_words_are_kept() {
    let StatementKind::CreateConnection(c) =
        parse_ok("CREATE CONNECTION pg TO POSTGRES (HOSTNAME 'h', DBNAME = 'd', ROLE 'r');").kind
    else {
        panic!("not a connection");
    };
    let names: Vec<OptionName> = c.options.options.iter().map(|o| o.name.clone()).collect();
    assert_eq!(
        names,
        [
            OptionName::Unknown("HOSTNAME".into()),
            OptionName::Unknown("DBNAME".into()),
            OptionName::Unknown("ROLE".into()),
        ]
    );
}

// ---------------------------------------------------------------------------
// Parse-invalid examples (§7.2)

#[test]
fn x01_to_without_parentheses() {
    assert_eq!(
        parse_err(&example("X01")),
        (
            "Expected left parenthesis, found HOST".into(),
            "HOST".into()
        )
    );
}

#[test]
fn x02_unknown_connection_type() {
    assert_eq!(
        parse_err(&example("X02")),
        (
            "Expected one of AWS or KAFKA or CONFLUENT or POSTGRES or SSH or SQL or MYSQL or ICEBERG, found identifier \"redis\"".into(),
            "REDIS".into()
        )
    );
}

#[test]
fn x03_trailing_comma() {
    assert_eq!(
        parse_err(&example("X03")),
        (
            "Expected one of ACCESS or ASSUME or AVAILABILITY or AWS or BROKER or BROKERS or CATALOG or CREDENTIAL or DATABASE or ENDPOINT or HOST or PASSWORD or PORT or PUBLIC or PROGRESS or REGION or ROLE or SASL or SCOPE or SECRET or SECURITY or SERVICE or SESSION or SSH or SSL or URL or USER or USERNAME or WAREHOUSE, found right parenthesis".into(),
            ")".into()
        )
    );
}

/// rules.md reassigns X04 and X05 to MZ106 and X06 to MZ107: they parse, and
/// the offending value is kept.
#[test]
fn x04_x05_x06_parse_with_the_value_kept() {
    let option = |id: &str, name: OptionName| -> Value {
        let StatementKind::CreateConnection(c) = parse_ok(&example(id)).kind else {
            panic!("{id}: not a connection");
        };
        c.options
            .get(name)
            .and_then(|o| o.value.clone())
            .expect("value kept")
    };
    match option("X04", OptionName::Broker) {
        Value::Broker(b) => {
            assert!(matches!(*b.address, Value::Ident(ref i) if i.value == "kafka1"))
        }
        other => panic!("X04: {other:?}"),
    }
    assert!(matches!(
        option("X05", OptionName::SshTunnel),
        Value::String(_)
    ));
    match option("X06", OptionName::AwsPrivatelink) {
        Value::PrivateLink(pl) => {
            let (_, port) = pl.port.expect("port kept");
            assert!(matches!(*port, Value::Number { ref text, .. } if text == "70000"));
        }
        other => panic!("X06: {other:?}"),
    }
    snapshot!("invalid_X04_kept", example("X04"));
    snapshot!("invalid_X05_kept", example("X05"));
    snapshot!("invalid_X06_kept", example("X06"));
}

#[test]
fn x07_public_key_digit() {
    assert_eq!(
        parse_err(&example("X07")),
        (
            "Expected 1 or 2 after PUBLIC KEY, found number \"3\"".into(),
            "3".into()
        )
    );
    assert_eq!(
        message("ALTER CONNECTION t RESET (PUBLIC KEY);"),
        "Expected 1 or 2 after PUBLIC KEY, found right parenthesis"
    );
}

#[test]
fn x08_confluent_without_schema() {
    assert_eq!(
        parse_err(&example("X08")),
        ("Expected SCHEMA, found REGISTRY".into(), "REGISTRY".into())
    );
}

#[test]
fn x09_one_option_per_set() {
    assert_eq!(
        parse_err(&example("X09")),
        ("Expected right parenthesis, found comma".into(), ",".into())
    );
}

#[test]
fn x10_drop_takes_a_name_only() {
    // rules.md §2: a string token is described without its content.
    assert_eq!(
        parse_err(&example("X10")),
        (
            "Expected right parenthesis, found string literal".into(),
            "'a'".into()
        )
    );
}

#[test]
fn x28_empty_secret_expression() {
    assert_eq!(
        parse_err(&example("X28")),
        ("Expected an expression, found semicolon".into(), ";".into())
    );
    // Without `;` the error is at the last character of the input.
    assert_eq!(
        parse_err("CREATE SECRET s AS"),
        ("Unexpected EOF".into(), "S".into())
    );
    assert_eq!(
        parse_err("ALTER SECRET s AS  -- nothing\n;"),
        ("Expected an expression, found semicolon".into(), ";".into())
    );
}

#[test]
fn x32_empty_quoted_name() {
    assert_eq!(
        parse_err(&example("X32")),
        ("zero-length delimited identifier".into(), "\"\"".into())
    );
}

#[test]
fn x33_rename_to_one_identifier() {
    assert_eq!(
        parse_err(&example("X33")),
        ("Expected end of statement, found dot".into(), ".".into())
    );
}

#[test]
fn other_connection_errors() {
    for (sql, expected) in [
        (
            "CREATE CONNECTION c (HOST 'h');",
            "Expected one of FOR or TO, found left parenthesis",
        ),
        (
            "CREATE CONNECTION c TO SQL (HOST 'h');",
            "Expected SERVER, found left parenthesis",
        ),
        (
            "CREATE CONNECTION c TO SSH (HOST 'h');",
            "Expected TUNNEL, found left parenthesis",
        ),
        (
            "CREATE CONNECTION c TO ICEBERG (URL 'u');",
            "Expected CATALOG, found left parenthesis",
        ),
        (
            "CREATE CONNECTION c TO POSTGRES ();",
            "Expected one of ACCESS or ASSUME or AVAILABILITY or AWS or BROKER or BROKERS or CATALOG or CREDENTIAL or DATABASE or ENDPOINT or HOST or PASSWORD or PORT or PUBLIC or PROGRESS or REGION or ROLE or SASL or SCOPE or SECRET or SECURITY or SERVICE or SESSION or SSH or SSL or URL or USER or USERNAME or WAREHOUSE, found right parenthesis",
        ),
        (
            "CREATE CONNECTION c TO POSTGRES (HOST 'h'",
            "Expected right parenthesis, found EOF",
        ),
        (
            "CREATE CONNECTION c TO POSTGRES (HOST 'h') WITH VALIDATE;",
            "Expected left parenthesis, found VALIDATE",
        ),
        (
            "ALTER CONNECTION c;",
            "Expected one of RENAME or OWNER or ROTATE or SET or RESET or DROP, found semicolon",
        ),
        (
            "ALTER CONNECTION c ROTATE;",
            "Expected KEYS, found semicolon",
        ),
        (
            "ALTER CONNECTION c SET HOST 'h';",
            "Expected left parenthesis, found HOST",
        ),
        (
            "ALTER CONNECTION c ROTATE KEYS, RENAME TO d;",
            "Expected one of ROTATE or SET or RESET or DROP, found RENAME",
        ),
        (
            "ALTER SECRET s TO x;",
            "Expected one of AS or RENAME or OWNER, found TO",
        ),
        (
            "ALTER SECRET s RENAME x;",
            "Expected TO, found identifier \"x\"",
        ),
        ("VALIDATE c;", "Expected CONNECTION, found identifier \"c\""),
        (
            "VALIDATE CONNECTION 'c';",
            "Expected identifier, found string literal",
        ),
        (
            "CREATE SECRET s AS )",
            "Expected an expression, found right parenthesis",
        ),
        (
            "CREATE SECRET s AS 'a' ||;",
            "Expected an expression, found semicolon",
        ),
        ("CREATE SECRET s AS 'a' ||", "Unexpected EOF"),
    ] {
        assert_eq!(message(sql), expected, "{sql}");
    }
}

/// The head `CREATE CONNECTION name TO TYPE` registers the object even when
/// the rest fails (rules.md MZ000 recovery).
#[test]
fn partial_head_after_the_type() {
    let head = |sql: &str| match parse(sql).statements.remove(0).kind {
        StatementKind::Error(e) => e.head,
        other => panic!("not an error: {other:?}"),
    };
    let h = head(&example("X01")).expect("head");
    assert_eq!(h.object_type, ObjectType::Connection);
    assert_eq!(h.name.joined(), "pg");
    assert_eq!(h.connection_type, Some(ConnectionType::Postgres));
    assert!(head(&example("X02")).is_none());
    assert!(head(&example("X08")).is_none());
    let h = head(&example("X28")).expect("secret head");
    assert_eq!(
        (h.object_type, h.name.joined()),
        (ObjectType::Secret, "s".into())
    );
}

// ---------------------------------------------------------------------------
// Plan-invalid examples (§7.3): the parser accepts them.

#[test]
fn plan_invalid_connection_examples_parse() {
    for n in 36..=74 {
        let id = format!("X{n}");
        let statement = parse_ok(&example(&id));
        assert!(
            matches!(
                statement.kind,
                StatementKind::CreateConnection(_) | StatementKind::AlterConnection(_)
            ),
            "{id}: {:?}",
            statement.kind
        );
    }
}

// ---------------------------------------------------------------------------
// Recovery

#[test]
fn an_error_leaves_the_next_statement_parsed() {
    let sql = "CREATE CONNECTION pg TO POSTGRES HOST 'h';\n\
               CREATE SECRET pw AS 'x';\n\
               ALTER CONNECTION pg SET (HOST 'a', PORT 1);\n\
               CREATE CONNECTION pg2 TO POSTGRES (HOST 'h', PASSWORD SECRET pw);\n\
               CREATE SECRET s AS;\n\
               VALIDATE CONNECTION pg2";
    let parsed = parse(sql);
    assert_eq!(parsed.statements.len(), 6);
    let errors: Vec<(usize, &str)> = parsed
        .errors
        .iter()
        .map(|e| (e.statement, e.message.as_str()))
        .collect();
    assert_eq!(
        errors,
        [
            (0, "Expected left parenthesis, found HOST"),
            (2, "Expected right parenthesis, found comma"),
            (4, "Expected an expression, found semicolon"),
        ]
    );
    assert!(matches!(
        parsed.statements[1].kind,
        StatementKind::CreateSecret(_)
    ));
    assert!(matches!(
        parsed.statements[3].kind,
        StatementKind::CreateConnection(_)
    ));
    assert!(matches!(
        parsed.statements[5].kind,
        StatementKind::ValidateConnection(_)
    ));
}

#[test]
fn missing_semicolon_between_statements() {
    assert_eq!(
        message("VALIDATE CONNECTION a VALIDATE CONNECTION b"),
        "Expected end of statement, found VALIDATE"
    );
}

// ---------------------------------------------------------------------------
// Secrets policy (rules.md §2)

const CANARY: &str = "mzlint-canary-9c1e7f";
const CANARY_WORD: &str = "mzlint_canary_9c1e7f";

fn assert_no_canary(sql: &str) -> mzlint_syntax::ParsedFile {
    let parsed = parse(sql);
    for error in &parsed.errors {
        assert!(
            !error.message.contains("9c1e7f"),
            "canary in message {:?} for\n{sql}",
            error.message
        );
    }
    parsed
}

#[test]
fn errors_never_show_secret_values() {
    for sql in [
        format!("CREATE SECRET s AS '{CANARY}' x;"),
        format!("CREATE SECRET s AS '{CANARY}' '{CANARY}';"),
        format!("CREATE SECRET s AS {CANARY_WORD} x;"),
        format!("CREATE SECRET s AS x {CANARY_WORD};"),
        format!("CREATE SECRET s AS x {CANARY_WORD}"),
        format!("CREATE SECRET s AS '{CANARY}' ||"),
        format!("CREATE SECRET s AS '{CANARY}' || ;"),
        format!("CREATE SECRET s AS SELECT {CANARY_WORD};"),
        format!("CREATE SECRET s AS decode('{CANARY}', 'base64') {CANARY_WORD};"),
        format!("CREATE SECRET s AS ('{CANARY}' {CANARY_WORD};"),
        format!("CREATE SECRET s AS '{CANARY}'::{CANARY_WORD}.;"),
        format!("CREATE SECRET s AS E'{CANARY}\\x41';"),
        format!("CREATE SECRET s AS '{CANARY};"),
        format!("ALTER SECRET s AS '{CANARY}' {CANARY_WORD};"),
        format!("ALTER SECRET s AS {CANARY_WORD} = = 1;"),
        format!("CREATE CONNECTION pg TO POSTGRES (PASSWORD my {CANARY_WORD});"),
        format!("CREATE CONNECTION pg TO POSTGRES (PASSWORD '{CANARY}' {CANARY_WORD});"),
        format!("CREATE CONNECTION pg TO POSTGRES (PASSWORD = ({CANARY_WORD} {CANARY_WORD}));"),
        format!("CREATE CONNECTION pg FOR POSTGRES PASSWORD pw {CANARY_WORD};"),
        format!("CREATE CONNECTION k TO KAFKA (SASL PASSWORD pw {CANARY_WORD}, BROKER 'b');"),
        format!("ALTER CONNECTION k SET (SASL PASSWORD = pw {CANARY_WORD});"),
        format!("CREATE CONNECTION a TO AWS (SECRET ACCESS KEY '{CANARY}' x);"),
        format!("CREATE CONNECTION a TO AWS (ACCESS KEY ID {CANARY_WORD} x, REGION 'r');"),
        format!("CREATE CONNECTION a TO AWS (SESSION TOKEN = MAP['{CANARY}' {CANARY_WORD}]);"),
        format!(
            "CREATE CONNECTION i TO ICEBERG CATALOG (CREDENTIAL [{CANARY_WORD} {CANARY_WORD}]);"
        ),
        format!("CREATE CONNECTION pg TO POSTGRES (SSL KEY '{CANARY}' {CANARY_WORD});"),
        format!("CREATE CONNECTION pg TO POSTGRES (HOST '{CANARY}' x);"),
    ] {
        let parsed = assert_no_canary(&sql);
        assert_eq!(
            parsed.errors.len(),
            1,
            "one error for\n{sql}: {:?}",
            parsed.errors
        );
    }
}

#[test]
fn secret_errors_are_redacted() {
    assert_eq!(
        message(&format!("CREATE SECRET s AS '{CANARY}' x;")),
        "Expected end of statement, found a token (redacted)"
    );
    assert_eq!(
        message(&format!("CREATE SECRET s AS SELECT {CANARY_WORD};")),
        "expected expression, but found reserved keyword: a token (redacted)"
    );
    assert_eq!(
        message(&format!(
            "CREATE CONNECTION pg TO POSTGRES (PASSWORD my {CANARY_WORD});"
        )),
        "Expected right parenthesis, found a token (redacted)"
    );
    assert_eq!(
        message(&format!(
            "CREATE CONNECTION pg FOR POSTGRES PASSWORD pw {CANARY_WORD};"
        )),
        "Expected end of statement, found a token (redacted)"
    );
    // Punctuation is still named; a non-secret option is not redacted.
    assert_eq!(
        message("CREATE CONNECTION pg TO POSTGRES (PASSWORD SECRET pw,);"),
        message("CREATE CONNECTION pg TO POSTGRES (HOST 'h',);")
    );
    assert_eq!(
        message("CREATE CONNECTION pg TO POSTGRES (HOST 'h' x);"),
        "Expected right parenthesis, found identifier \"x\""
    );
}

/// `Debug` of the AST never shows a string literal's content.
#[test]
fn ast_debug_never_shows_string_contents() {
    let mut sources = vec![
        format!("CREATE SECRET s AS '{CANARY}';"),
        format!("CREATE SECRET s AS decode('{CANARY}', 'base64') || E'{CANARY}' || $x${CANARY}$x$;"),
        format!("ALTER SECRET s AS '{CANARY}';"),
        format!(
            "CREATE CONNECTION k TO KAFKA (BROKERS ('{CANARY}' USING AWS PRIVATELINK pl (AVAILABILITY ZONE '{CANARY}', PORT 1)), \
             SASL USERNAME '{CANARY}', SASL PASSWORD '{CANARY}', SSL KEY '{CANARY}', PROGRESS TOPIC = '{CANARY}') WITH (VALIDATE '{CANARY}');"
        ),
        format!("ALTER CONNECTION pg SET (PASSWORD = '{CANARY}'), SET (SSH TUNNEL '{CANARY}');"),
        format!("CREATE CONNECTION pl TO AWS PRIVATELINK (AVAILABILITY ZONES ['{CANARY}', '{CANARY}'], SERVICE NAME MAP['{CANARY}' => '{CANARY}']);"),
        format!("CREATE CONNECTION pg FOR POSTGRES HOST '{CANARY}', PASSWORD '{CANARY}';"),
        format!("CREATE CONNECTION pg TO POSTGRES (UNKNOWN OPTION '{CANARY}');"),
    ];
    // Every §7 example of this area, with each string's content checked.
    for id in (1..=24)
        .map(|n| format!("V{n:02}"))
        .chain(["V58".into(), "V59".into()])
    {
        sources.push(example(&id));
    }
    for n in 36..=74 {
        sources.push(example(&format!("X{n}")));
    }
    for sql in &sources {
        let parsed = parse(sql);
        assert!(parsed.errors.is_empty(), "{sql}: {:?}", parsed.errors);
        let debug = format!("{:?} {:#?}", parsed.statements, parsed.statements);
        let lexed = mzlint_syntax::lexer::lex(sql);
        for token in lexed.tokens.iter().filter(|t| t.kind.is_string()) {
            let text = token.text(sql);
            let content = mzlint_syntax::lexer::string_value(token.kind, text);
            if content.len() >= 4 {
                assert!(
                    !debug.contains(content.as_ref()),
                    "string content {content:?} in Debug output of\n{sql}"
                );
            }
        }
    }
}

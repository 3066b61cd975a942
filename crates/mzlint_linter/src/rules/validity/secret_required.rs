use super::values_common::{article, connection_options, redacted_kind};
use crate::prelude::*;

declare_rule! {
/// ## What it does
///
/// Reports any value other than `SECRET <name>` — a string literal of any kind, an identifier, a
/// number, a hex string, or no value at all — for the options that take only a secret: PASSWORD
/// (every connection type), SASL PASSWORD, SSL KEY and SECRET ACCESS KEY, in `CREATE CONNECTION`
/// (both forms) and `ALTER CONNECTION … SET`.
///
/// Options that accept either a string or a secret (USER, SASL USERNAME, SSL CERTIFICATE, SSL
/// CERTIFICATE AUTHORITY, ACCESS KEY ID, SESSION TOKEN, CREDENTIAL) are not reported.
///
/// The message names the option and the kind of value only — `SASL PASSWORD must be a SECRET
/// reference, not a string literal (redacted)`; without a value, `PASSWORD requires a value:
/// SECRET <secret_name>`. It never contains the value: the span (the value) is shown as
/// `'********'`.
///
/// ## Why is this bad?
///
/// Materialize rejects it (`invalid SASL PASSWORD: must provide a secret value`), and the
/// credential has already been committed to version control.
///
/// ## Example
///
/// ```sql
/// CREATE CONNECTION kafka TO KAFKA (BROKER 'b1.internal:9092', SASL MECHANISMS = 'PLAIN', SASL USERNAME = 'mz', SASL PASSWORD = 'not-a-real-password');
/// ```
///
/// Use instead:
///
/// ```sql
/// CREATE CONNECTION kafka TO KAFKA (BROKER 'b1.internal:9092', SASL MECHANISMS = 'PLAIN', SASL USERNAME = 'mz', SASL PASSWORD = SECRET kafka_pw);
/// ```
///
/// ## Fix
///
/// None: any edit would display the removed value. Store the value with `CREATE SECRET` outside
/// version control, reference it with `SECRET <name>`, and rotate the leaked credential.
    pub(crate) static RULE = {
        code: "MZ105",
        name: "secret-required",
        severity: Error,
        scope: Statement,
        fix: None,
        fix_summary: "none",
        summary: "Literal where only `SECRET <name>` is accepted",
        check: Statement(check),
    }
}

/// The options that take only `SECRET <name>`.
const SECRET_ONLY: &[OptionName] = &[
    OptionName::Password,
    OptionName::SaslPassword,
    OptionName::SslKey,
    OptionName::SecretAccessKey,
];

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    for conn in connection_options(ctx) {
        let Some(name) = conn.name.as_ref().filter(|n| SECRET_ONLY.contains(n)) else {
            continue;
        };
        let help = format!(
            "store the value with CREATE SECRET, outside version control, and write {name} = SECRET <secret_name>"
        );
        let diagnostic = match &conn.option.value {
            Some(Value::Secret { name: Some(_), .. }) => continue,
            // `<password>` or a psql variable: what will be filled in is
            // unknown (MZ706 reports unfilled placeholders).
            Some(Value::Placeholder(_)) => continue,
            // No value, or a bare `SECRET` with no name.
            None | Some(Value::Secret { name: None, .. }) => ctx
                .diagnostic(
                    &RULE,
                    conn.option.span,
                    format!("{name} requires a value: SECRET <secret_name>"),
                )
                .with_help(help),
            Some(value) => {
                let kind = match value {
                    Value::Redacted { kind, .. } => redacted_kind(kind),
                    other => redacted_kind(other.kind_description()),
                };
                ctx.diagnostic(
                    &RULE,
                    value.span(),
                    format!(
                        "{name} must be a SECRET reference, not {} {kind} (redacted)",
                        article(kind)
                    ),
                )
                .with_help(help)
            }
        };
        out.push(diagnostic);
    }
}

#[cfg(test)]
mod tests {
    use super::super::values_common::test_util::*;
    use crate::testing::lint_project;

    const BAD: &str = "CREATE CONNECTION kafka TO KAFKA (BROKER 'b1.internal:9092', SASL MECHANISMS = 'PLAIN', SASL USERNAME = 'mz', SASL PASSWORD = 'not-a-real-password');";
    const GOOD: &str = "CREATE CONNECTION kafka TO KAFKA (BROKER 'b1.internal:9092', SASL MECHANISMS = 'PLAIN', SASL USERNAME = 'mz', SASL PASSWORD = SECRET kafka_pw);";

    #[test]
    fn bad_example() {
        let d = assert_bad_example("MZ105", BAD, "SASL PASSWORD must be a SECRET reference, not a string literal (redacted)", "'not-a-real-password'", "store the value with CREATE SECRET, outside version control, and write SASL PASSWORD = SECRET <secret_name>");
        assert!(d.fix.is_none());
    }

    #[test]
    fn good_example() {
        assert_clean(GOOD);
    }

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(render(BAD));
    }

    #[test]
    fn every_secret_only_option_and_value_kind() {
        let cases = [
            ("CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', PASSWORD 'hunter2');", "PASSWORD must be a SECRET reference, not a string literal (redacted)", "'hunter2'"),
            ("CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', PASSWORD = E'hunter\\t2');", "PASSWORD must be a SECRET reference, not a string literal (redacted)", "E'hunter\\t2'"),
            ("CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', PASSWORD $$hunter2$$);", "PASSWORD must be a SECRET reference, not a string literal (redacted)", "$$hunter2$$"),
            ("CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', PASSWORD hunter2);", "PASSWORD must be a SECRET reference, not an identifier (redacted)", "hunter2"),
            ("CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', PASSWORD 12345);", "PASSWORD must be a SECRET reference, not a number (redacted)", "12345"),
            ("CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', PASSWORD X'00ff');", "PASSWORD must be a SECRET reference, not a string literal (redacted)", "X'00ff'"),
            ("CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', SSL CERTIFICATE SECRET crt, SSL KEY 'k');", "SSL KEY must be a SECRET reference, not a string literal (redacted)", "'k'"),
            ("CREATE CONNECTION s3 TO AWS (ACCESS KEY ID SECRET kid, SECRET ACCESS KEY 'abc');", "SECRET ACCESS KEY must be a SECRET reference, not a string literal (redacted)", "'abc'"),
            ("CREATE CONNECTION csr TO CONFLUENT SCHEMA REGISTRY (URL 'https://r.example.com', USER 'u', PASSWORD 'p');", "PASSWORD must be a SECRET reference, not a string literal (redacted)", "'p'"),
            ("CREATE CONNECTION my TO MYSQL (HOST 'h', USER 'u', PASSWORD \"Hunter2\");", "PASSWORD must be a SECRET reference, not an identifier (redacted)", "\"Hunter2\""),
        ];
        for (sql, message, span) in cases {
            assert_eq!(
                findings_of("MZ105", sql),
                vec![(message.to_string(), span.to_string())],
                "{sql}"
            );
        }
    }

    #[test]
    fn no_value() {
        for sql in [
            "CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', PASSWORD);",
            "CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', PASSWORD SECRET);",
            // `secret` alone is the keyword SECRET without a name.
            "CREATE CONNECTION my TO MYSQL (HOST 'h', USER 'u', PASSWORD secret);",
        ] {
            let d = only("MZ105", sql);
            assert_eq!(d.message, "PASSWORD requires a value: SECRET <secret_name>");
            assert!(sql[d.span.range()].starts_with("PASSWORD"));
        }
    }

    #[test]
    fn not_on_options_accepting_either_form() {
        for sql in [
            "CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', PASSWORD SECRET pw, SSL CERTIFICATE 'crt', SSL KEY SECRET key, SSL CERTIFICATE AUTHORITY 'ca');",
            "CREATE CONNECTION k TO KAFKA (BROKER 'b:9092', SASL MECHANISMS 'PLAIN', SASL USERNAME 'u', SASL PASSWORD SECRET pw);",
            "CREATE CONNECTION s3 TO AWS (ACCESS KEY ID 'AKIAEXAMPLE', SECRET ACCESS KEY SECRET sk, SESSION TOKEN 'tok');",
            "CREATE CONNECTION ice TO ICEBERG CATALOG (CATALOG TYPE 'rest', URL 'https://c.example.com', CREDENTIAL 'id:secret');",
            "CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', PASSWORD SECRET materialize.public.pw);",
        ] {
            assert_silent("MZ105", sql);
        }
    }

    #[test]
    fn placeholders() {
        // A template string is still a string literal: Materialize rejects it.
        assert_eq!(
            findings_of("MZ105", "CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', PASSWORD '${PG_PASSWORD}');").len(),
            1
        );
        // A `<word>` or psql variable may become `SECRET name`: left to MZ706.
        assert_silent("MZ105", "CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', PASSWORD <password>);");
        assert_silent(
            "MZ105",
            "CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', PASSWORD :pw);",
        );
    }

    #[test]
    fn variants() {
        // Mixed case, comments inside the option name, CRLF, non-ASCII text.
        let sql = "-- Zugangsdaten für Kafka\r\ncreate connection kafka to kafka (broker 'b1.internal:9092',\r\n  sasl mechanisms 'PLAIN', sasl /* user */ username 'mz', sasl\r\n  password = 'ü-not-a-password');\r\n";
        assert_eq!(
            findings_of("MZ105", sql),
            vec![(
                "SASL PASSWORD must be a SECRET reference, not a string literal (redacted)"
                    .to_string(),
                "'ü-not-a-password'".to_string()
            )]
        );
        // Legacy FOR form; quoted and qualified names.
        let sql = "CREATE CONNECTION \"Pg\".pg FOR POSTGRES HOST 'h', DATABASE 'd', USER 'u', PASSWORD 'x';";
        assert_eq!(findings_of("MZ105", sql).len(), 1);
        // PASS is an alias of PASSWORD (rules.md §1.8).
        let sql = "CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', PASS 'x');";
        assert_eq!(
            findings_of("MZ105", sql),
            vec![(
                "PASSWORD must be a SECRET reference, not a string literal (redacted)".to_string(),
                "'x'".to_string()
            )]
        );
    }

    #[test]
    fn alter_connection_set() {
        let sql = "ALTER CONNECTION pg SET (PASSWORD = 'x'), SET (HOST 'h2');";
        assert_eq!(findings_of("MZ105", sql).len(), 1);
        let files = [
            ("a.sql", "CREATE CONNECTION k TO KAFKA (BROKER 'b:9092', SASL MECHANISMS 'PLAIN', SASL USERNAME 'u', SASL PASSWORD SECRET pw);"),
            ("b.sql", "ALTER CONNECTION k SET (SASL PASSWORD 'rotated');"),
        ];
        let found: Vec<_> = lint_project(&files, None)
            .into_iter()
            .filter(|(_, d)| d.code() == "MZ105")
            .map(|(p, d)| (p, d.message))
            .collect();
        assert_eq!(
            found,
            vec![(
                "b.sql".to_string(),
                "SASL PASSWORD must be a SECRET reference, not a string literal (redacted)"
                    .to_string()
            )]
        );
    }

    #[test]
    fn suppressed() {
        assert_silent("MZ105", &format!("{BAD} -- mzlint: ignore[MZ105]"));
    }

    #[test]
    fn canary_never_leaks() {
        for sql in [
            format!("CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', PASSWORD '{CANARY}');"),
            format!("CREATE CONNECTION k TO KAFKA (BROKER 'b:9092', SASL MECHANISMS 'PLAIN', SASL USERNAME 'u', SASL PASSWORD = E'{CANARY}');"),
            format!("CREATE CONNECTION s3 TO AWS (ACCESS KEY ID SECRET k, SECRET ACCESS KEY $x${CANARY}$x$);"),
            format!("CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', SSL KEY \"{CANARY}\");"),
            format!("CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', PASS '{CANARY}');"),
            format!("ALTER CONNECTION pg SET (PASSWORD '{CANARY}');"),
        ] {
            assert_eq!(findings_of("MZ105", &sql).len(), 1, "{sql}");
            assert_absent(CANARY, &sql);
        }
    }
}

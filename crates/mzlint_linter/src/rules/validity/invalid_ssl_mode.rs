use super::values_common::{connection_options, is_placeholder, written};
use crate::options;
use crate::prelude::*;

declare_rule! {
/// ## What it does
///
/// Reports an SSL MODE value the connection type rejects, in `CREATE CONNECTION` (both the
/// `TO <TYPE> (…)` and the legacy `FOR <TYPE>` forms) and `ALTER CONNECTION … SET` (the type comes
/// from the project model; unknown types are skipped). An unquoted identifier is folded to lower
/// case first: `SSL MODE REQUIRE` means `'require'`. Accepted values (`materialize-ddl.md` §4.3):
///
/// | Type | Default | Accepted values | Matching |
/// |---|---|---|---|
/// | POSTGRES | disable | disable, require, required, verify_ca, verify-ca, verify_full, verify-full | exact (case-sensitive) |
/// | MYSQL | disabled | disabled, required, require, verify_ca, verify-ca, verify_identity, verify-identity | ignores case |
/// | SQL SERVER | disabled | disabled, required, verify, verify_ca | ignores case |
/// | KAFKA, CSR, SSH, AWS, PRIVATELINK, ICEBERG | — | not allowed (MZ100) | — |
///
/// Not reported: accepted but non-canonical spellings (MZ704), a missing or `SECRET` value (MZ106),
/// placeholders (`'${SSL_MODE}'`).
///
/// The message is ``unknown SSL MODE 'prefer' for POSTGRES connection `pg` ``, or for a quoted
/// value that differs from an accepted one only in case ``unknown SSL MODE 'REQUIRE' for POSTGRES
/// connection `pg`: quoted values are case-sensitive``. The span is the value.
///
/// ## Why is this bad?
///
/// Materialize rejects the connection (`invalid CONNECTION: unknown SSL MODE "prefer"`), and the
/// PostgreSQL and MySQL vocabularies (`prefer`, `disabled`, `verify_identity`, …) are easily mixed
/// up. `prefer` and `allow` are not supported at all because they fall back to plaintext.
///
/// ## Example
///
/// ```sql
/// CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'prefer');
/// ```
///
/// Use instead:
///
/// ```sql
/// CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');
/// ```
///
/// ## Fix
///
/// Safe, when the intended mode is unambiguous; the value becomes the quoted canonical value.
/// POSTGRES: case-only differences → canonical (`'REQUIRE'` → `'require'`); `disabled` →
/// `'disable'`; `verify_identity`/`verify-identity` → `'verify_full'`. MYSQL: `disable` →
/// `'disabled'`; `verify_full`/`verify-full` → `'verify_identity'`. SQL SERVER: `disable` →
/// `'disabled'`; `require` → `'required'`. No fix otherwise (`prefer`, `preferred`, `allow`, …).
    pub(crate) static RULE = {
        code: "MZ104",
        name: "invalid-ssl-mode",
        severity: Error,
        scope: Statement,
        fix: Safe,
        fix_summary: "safe (unambiguous)",
        summary: "SSL MODE value the type rejects",
        check: Statement(check),
    }
}

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    for conn in connection_options(ctx) {
        if !conn.is(&OptionName::SslMode) {
            continue;
        }
        let Some(connection_type) = conn.connection_type else {
            continue;
        };
        if !matches!(
            connection_type,
            ConnectionType::Postgres | ConnectionType::MySql | ConnectionType::SqlServer
        ) {
            continue; // SSL MODE on other types is MZ100's
        }
        let Some(value) = &conn.option.value else {
            continue; // MZ106
        };
        if is_placeholder(ctx, value) {
            continue;
        }
        let (text, quoted) = match value {
            Value::String(s) => (s.value.as_str(), true),
            Value::Ident(i) => (i.value.as_str(), i.quoted),
            _ => continue, // wrong kind of value: MZ106
        };
        let Some((accepted, ignore_case)) = options::ssl_modes(connection_type) else {
            continue;
        };
        let is_accepted = accepted.iter().any(|a| {
            if ignore_case {
                a.eq_ignore_ascii_case(text)
            } else {
                *a == text
            }
        });
        if is_accepted {
            continue; // possibly non-canonical: MZ704
        }
        let type_name = connection_type.as_str();
        let connection = written(ctx, conn.connection_name.span);
        let lower = text.to_ascii_lowercase();
        let case_only = !ignore_case && accepted.contains(&lower.as_str());
        let diagnostic = if case_only {
            let canonical = canonical_mode(connection_type, &lower).unwrap_or(&lower);
            let canonical = canonical.to_string();
            let note = if quoted {
                ": quoted values are case-sensitive"
            } else {
                ""
            };
            ctx.diagnostic(
                &RULE,
                value.span(),
                format!(
                    "unknown SSL MODE '{text}' for {type_name} connection `{connection}`{note}"
                ),
            )
            .with_help(format!("use '{canonical}'"))
            .with_fix(Fix::safe(
                format!("Replace with '{canonical}'"),
                vec![Edit::replace(value.span(), format!("'{canonical}'"))],
            ))
        } else {
            let diagnostic = ctx.diagnostic(
                &RULE,
                value.span(),
                format!("unknown SSL MODE '{text}' for {type_name} connection `{connection}`"),
            );
            match fix_target(connection_type, &lower) {
                Some(target) => diagnostic
                    .with_help(format!(
                        "{type_name} calls this mode '{target}'; accepted: {}",
                        options::canonical_ssl_modes(connection_type).join(", ")
                    ))
                    .with_fix(Fix::safe(
                        format!("Replace with '{target}'"),
                        vec![Edit::replace(value.span(), format!("'{target}'"))],
                    )),
                None => diagnostic.with_help(accepted_help(connection_type)),
            }
        };
        out.push(diagnostic);
    }
}

/// The canonical spelling of an accepted value (`required` → `require`).
fn canonical_mode(connection_type: ConnectionType, lower: &str) -> Option<&'static str> {
    let canonical = options::canonical_ssl_modes(connection_type);
    let normalized = lower.replace('-', "_");
    let normalized = match (connection_type, normalized.as_str()) {
        (ConnectionType::Postgres, "required") => "require".to_string(),
        (ConnectionType::MySql, "require") => "required".to_string(),
        _ => normalized,
    };
    canonical.iter().copied().find(|c| *c == normalized)
}

/// The unambiguous mode another vocabulary's value means (the safe fixes).
fn fix_target(connection_type: ConnectionType, lower: &str) -> Option<&'static str> {
    Some(match (connection_type, lower) {
        (ConnectionType::Postgres, "disabled") => "disable",
        (ConnectionType::Postgres, "verify_identity" | "verify-identity") => "verify_full",
        (ConnectionType::MySql, "disable") => "disabled",
        (ConnectionType::MySql, "verify_full" | "verify-full") => "verify_identity",
        (ConnectionType::SqlServer, "disable") => "disabled",
        (ConnectionType::SqlServer, "require") => "required",
        _ => return None,
    })
}

fn accepted_help(connection_type: ConnectionType) -> String {
    let accepted = options::canonical_ssl_modes(connection_type).join(", ");
    match connection_type {
        ConnectionType::Postgres => format!(
            "accepted: {accepted}; prefer and allow are not supported because they fall back to plaintext"
        ),
        ConnectionType::MySql => format!(
            "accepted: {accepted}; preferred is not supported because it falls back to plaintext"
        ),
        _ => format!("accepted: {accepted}"),
    }
}

#[cfg(test)]
mod tests {
    use super::super::values_common::test_util::*;
    use crate::testing::lint_project;

    const BAD: &str = "CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'prefer');";
    const GOOD: &str = "CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');";

    fn pg(ssl_mode: &str) -> String {
        format!("CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE {ssl_mode});")
    }

    fn mysql(ssl_mode: &str) -> String {
        format!("CREATE CONNECTION shop TO MYSQL (HOST 'mysql.internal', USER 'mz', PASSWORD SECRET my_pw, SSL MODE {ssl_mode});")
    }

    fn mssql(ssl_mode: &str) -> String {
        format!("CREATE CONNECTION ms TO SQL SERVER (HOST 'sql.internal', DATABASE 'sales', USER 'mz', PASSWORD SECRET ms_pw, SSL MODE {ssl_mode});")
    }

    #[test]
    fn bad_example() {
        let d = assert_bad_example("MZ104", BAD, "unknown SSL MODE 'prefer' for POSTGRES connection `pg`", "'prefer'", "accepted: disable, require, verify_ca, verify_full; prefer and allow are not supported because they fall back to plaintext");
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
    fn postgres_is_case_sensitive() {
        let sql = pg("'REQUIRE'");
        let d = only("MZ104", &sql);
        assert_eq!(
            d.message,
            "unknown SSL MODE 'REQUIRE' for POSTGRES connection `pg`: quoted values are case-sensitive"
        );
        assert_eq!(d.help.as_deref(), Some("use 'require'"));
        assert_eq!(&sql[d.span.range()], "'REQUIRE'");
        assert_eq!(fixed("MZ104", &sql), pg("'require'"));
        // Non-canonical case-only differences go to the canonical spelling.
        assert_eq!(fixed("MZ104", &pg("'Verify-Full'")), pg("'verify_full'"));
        assert_eq!(fixed("MZ104", &pg("'REQUIRED'")), pg("'require'"));
    }

    #[test]
    fn unquoted_identifiers_are_folded() {
        // `REQUIRE` folds to 'require': accepted.
        assert_silent("MZ104", &pg("REQUIRE"));
        assert_silent("MZ104", &pg("Verify_Full"));
        assert_eq!(
            findings_of("MZ104", &pg("PREFER")),
            vec![(
                "unknown SSL MODE 'prefer' for POSTGRES connection `pg`".to_string(),
                "PREFER".to_string()
            )]
        );
        // A quoted identifier keeps its case.
        let d = only("MZ104", &pg("\"REQUIRE\""));
        assert!(d.message.ends_with(": quoted values are case-sensitive"));
    }

    #[test]
    fn accepted_spellings_are_left_to_mz704() {
        for mode in [
            "'disable'",
            "'require'",
            "'required'",
            "'verify_ca'",
            "'verify-ca'",
            "'verify_full'",
            "'verify-full'",
        ] {
            assert_silent("MZ104", &pg(mode));
        }
        for mode in [
            "'disabled'",
            "'REQUIRED'",
            "'require'",
            "'Verify_CA'",
            "'verify-ca'",
            "'VERIFY_IDENTITY'",
            "'verify-identity'",
        ] {
            assert_silent("MZ104", &mysql(mode));
        }
        for mode in ["'disabled'", "'Required'", "'VERIFY'", "'verify_ca'"] {
            assert_silent("MZ104", &mssql(mode));
        }
    }

    #[test]
    fn vocabulary_mix_ups_are_fixed() {
        let cases = [
            (pg("'disabled'"), pg("'disable'")),
            (pg("'verify_identity'"), pg("'verify_full'")),
            (pg("'verify-identity'"), pg("'verify_full'")),
            (mysql("'disable'"), mysql("'disabled'")),
            (mysql("'verify_full'"), mysql("'verify_identity'")),
            (mysql("'VERIFY-FULL'"), mysql("'verify_identity'")),
            (mssql("'disable'"), mssql("'disabled'")),
            (mssql("'require'"), mssql("'required'")),
            (mssql("DISABLE"), mssql("'disabled'")),
        ];
        for (bad, good) in cases {
            let d = only("MZ104", &bad);
            assert_eq!(
                d.fix.as_ref().unwrap().applicability,
                crate::Applicability::Safe
            );
            assert_eq!(fixed("MZ104", &bad), good, "{bad}");
        }
        let d = only("MZ104", &mysql("'verify_full'"));
        assert_eq!(
            d.message,
            "unknown SSL MODE 'verify_full' for MYSQL connection `shop`"
        );
        assert_eq!(
            d.help.as_deref(),
            Some("MYSQL calls this mode 'verify_identity'; accepted: disabled, required, verify_ca, verify_identity")
        );
    }

    #[test]
    fn unknown_modes_have_no_fix() {
        for bad in [
            pg("'allow'"),
            mysql("'preferred'"),
            mssql("'verify_full'"),
            mssql("'verify-ca'"),
        ] {
            let d = only("MZ104", &bad);
            assert!(d.fix.is_none(), "{bad}");
        }
        let d = only("MZ104", &mysql("'preferred'"));
        assert_eq!(
            d.message,
            "unknown SSL MODE 'preferred' for MYSQL connection `shop`"
        );
        assert_eq!(
            d.help.as_deref(),
            Some("accepted: disabled, required, verify_ca, verify_identity; preferred is not supported because it falls back to plaintext")
        );
        let d = only("MZ104", &mssql("'verify_full'"));
        assert_eq!(
            d.message,
            "unknown SSL MODE 'verify_full' for SQL SERVER connection `ms`"
        );
        assert_eq!(
            d.help.as_deref(),
            Some("accepted: disabled, required, verify, verify_ca")
        );
    }

    #[test]
    fn not_on_missing_secret_or_other_types() {
        // Missing or SECRET values are MZ106's.
        assert_silent(
            "MZ104",
            "CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', SSL MODE);",
        );
        assert_silent("MZ104", &pg("SECRET ssl_mode"));
        assert_silent("MZ104", &pg("1"));
        // SSL MODE on KAFKA is MZ100's.
        assert_silent(
            "MZ104",
            "CREATE CONNECTION k TO KAFKA (BROKER 'b1.internal:9092', SSL MODE 'prefer');",
        );
    }

    #[test]
    fn placeholders_are_skipped() {
        assert_silent("MZ104", &pg("'${SSL_MODE}'"));
        assert_silent("MZ104", &pg("'<ssl mode>'"));
        assert_silent("MZ104", &pg("'{{ ssl_mode }}'"));
        assert_silent("MZ104", &pg(":'ssl_mode'"));
    }

    #[test]
    fn spelling_and_layout_variants() {
        // Mixed-case keywords, a comment between the words of the option.
        let sql = "create connection pg to postgres (host 'pg.internal', database 'shop', user 'mz', ssl /* tls */ Mode = 'prefer');";
        assert_eq!(
            findings_of("MZ104", sql),
            vec![(
                "unknown SSL MODE 'prefer' for POSTGRES connection `pg`".to_string(),
                "'prefer'".to_string()
            )]
        );
        // Quoted and qualified connection names are shown as written.
        let sql = "CREATE CONNECTION \"Orders PG\" TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', SSL MODE 'prefer');";
        assert_eq!(
            only("MZ104", sql).message,
            "unknown SSL MODE 'prefer' for POSTGRES connection `\"Orders PG\"`"
        );
        let sql = "CREATE CONNECTION materialize.public.pg TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', SSL MODE 'prefer');";
        assert_eq!(
            only("MZ104", sql).message,
            "unknown SSL MODE 'prefer' for POSTGRES connection `materialize.public.pg`"
        );
        // CRLF line endings and non-ASCII text before the span.
        let sql = "-- Verbindung für das Lager\r\nCREATE CONNECTION pg TO POSTGRES (\r\n    HOST 'lager-ü.internal', DATABASE 'shop', USER 'mz',\r\n    SSL MODE 'REQUIRE');\r\n";
        let d = only("MZ104", sql);
        assert_eq!(&sql[d.span.range()], "'REQUIRE'");
        assert_eq!(fixed("MZ104", sql), sql.replace("'REQUIRE'", "'require'"));
        // Legacy FOR form.
        let sql = "CREATE CONNECTION pg FOR POSTGRES HOST 'pg.internal', DATABASE 'shop', USER 'mz', SSL MODE 'prefer';";
        assert_eq!(findings_of("MZ104", sql).len(), 1);
        // An unknown word MZ100 maps to SSL MODE counts as SSL MODE.
        let sql = "CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', SSLMODE 'prefer');";
        assert_eq!(findings_of("MZ104", sql).len(), 1);
    }

    #[test]
    fn suppressed() {
        let sql = format!("{} -- mzlint: ignore[MZ104] migration pending", BAD);
        assert_silent("MZ104", &sql);
        assert_silent("MZ002", &sql);
        let sql = format!("-- mzlint: ignore[invalid-ssl-mode]\n{BAD}");
        assert_silent("MZ104", &sql);
    }

    #[test]
    fn alter_connection_uses_the_project_type() {
        let files = [
            ("a.sql", GOOD),
            ("b.sql", "ALTER CONNECTION pg SET (SSL MODE = 'Require');"),
        ];
        let found: Vec<_> = lint_project(&files, None)
            .into_iter()
            .filter(|(_, d)| d.code() == "MZ104")
            .map(|(path, d)| (path, d.message))
            .collect();
        assert_eq!(
            found,
            vec![(
                "b.sql".to_string(),
                "unknown SSL MODE 'Require' for POSTGRES connection `pg`: quoted values are case-sensitive".to_string()
            )]
        );
        // MySQL ignores case; unknown connections are skipped.
        let create = mysql("'required'");
        let files = [
            ("a.sql", create.as_str()),
            (
                "b.sql",
                "ALTER CONNECTION shop SET (SSL MODE = 'Required'), SET (HOST 'x');",
            ),
        ];
        assert!(lint_project(&files, None)
            .iter()
            .all(|(_, d)| d.code() != "MZ104"));
        assert_silent(
            "MZ104",
            "ALTER CONNECTION elsewhere SET (SSL MODE 'prefer');",
        );
    }
}

use super::common::{name_as_written, text_value, Subject};
use crate::prelude::*;
use crate::rules::security::common::effective_connection_option;

declare_rule! {
/// ## What it does
///
/// Reports, on a connection whose route is public, an `SSL MODE` (in
/// `CREATE CONNECTION`, or `ALTER CONNECTION … SET`) whose value after
/// folding
///
/// * turns TLS off: POSTGRES `disable`, MYSQL and SQL SERVER `disabled`; or
/// * does not verify the server: POSTGRES `require`/`required`, MYSQL
///   `required`/`require`, SQL SERVER `required` (trusts any certificate).
///
/// A route is private when the connection uses `SSH TUNNEL` or
/// connection-level `AWS PRIVATELINK`, or its HOST matches
/// `security.private-hosts`; otherwise it is public. A placeholder HOST
/// (`'${PG_HOST}'`) does not make it private. For `ALTER CONNECTION` the
/// effective definition is judged; without the connection's `CREATE
/// CONNECTION` in the project the rule is silent on the ALTER.
///
/// Not reported on private routes, verifying modes (`verify_ca`,
/// `verify_full`, `verify_identity`, `verify`), invalid values (MZ104), or a
/// placeholder SSL MODE value.
///
/// ## Why is this bad?
///
/// `require` authenticates nothing: anyone on the path can present a
/// certificate and read the traffic, credentials included. Documentation
/// examples use it and get copied. Verifying modes need the CA when it is
/// not in the system store (`test/pg-cdc/pg-cdc-ssl.td`;
/// `create_connection.yml`).
///
/// ## Example
///
/// ```sql
/// CREATE CONNECTION shop TO MYSQL (HOST 'shop.c1x2y3z4w5v6.us-east-1.rds.amazonaws.com', USER 'mz', PASSWORD SECRET my_pw, SSL MODE 'required');
/// ```
///
/// reports, on the SSL MODE option, ``SSL MODE 'required' on connection
/// `shop` encrypts but does not verify the server at public host
/// 'shop.c1x2y3z4w5v6.us-east-1.rds.amazonaws.com'; a man-in-the-middle can
/// impersonate it``. With TLS off: ``SSL MODE 'disable' turns TLS off for
/// connection `pg` to public host '…'``. Use instead:
///
/// ```sql
/// CREATE CONNECTION shop TO MYSQL (HOST 'shop.c1x2y3z4w5v6.us-east-1.rds.amazonaws.com', USER 'mz', PASSWORD SECRET my_pw, SSL MODE 'verify_identity', SSL CERTIFICATE AUTHORITY SECRET rds_ca);
/// ```
///
/// ## Fix
///
/// None: the CA certificate must be supplied by a person.
    pub(crate) static RULE = {
        code: "MZ201",
        name: "weak-ssl-mode",
        severity: Warning,
        scope: Statement,
        fix: None,
        fix_summary: "none",
        summary: "SSL MODE off or unverified for a public host",
        check: Statement(check),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Weakness {
    TlsOff,
    Unverified,
}

/// How weak an SSL MODE value is, as the type reads it (POSTGRES matches
/// exactly, MYSQL and SQL SERVER ignore case). Verifying and invalid values
/// are `None`.
fn weakness(connection_type: ConnectionType, mode: &str) -> Option<Weakness> {
    match connection_type {
        ConnectionType::Postgres => match mode {
            "disable" => Some(Weakness::TlsOff),
            "require" | "required" => Some(Weakness::Unverified),
            _ => None,
        },
        ConnectionType::MySql => match mode.to_ascii_lowercase().as_str() {
            "disabled" => Some(Weakness::TlsOff),
            "required" | "require" => Some(Weakness::Unverified),
            _ => None,
        },
        ConnectionType::SqlServer => match mode.to_ascii_lowercase().as_str() {
            "disabled" => Some(Weakness::TlsOff),
            "required" => Some(Weakness::Unverified),
            _ => None,
        },
        _ => None,
    }
}

fn help(connection_type: ConnectionType) -> &'static str {
    match connection_type {
        ConnectionType::MySql => {
            "use SSL MODE 'verify_identity' with SSL CERTIFICATE AUTHORITY SECRET <ca>"
        }
        ConnectionType::SqlServer => {
            "use SSL MODE 'verify_ca' with SSL CERTIFICATE AUTHORITY SECRET <ca>, or 'verify' \
             when the server's certificate is publicly trusted"
        }
        _ => "use SSL MODE 'verify_full' with SSL CERTIFICATE AUTHORITY SECRET <ca>",
    }
}

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(subject) = Subject::of(ctx.statement) else {
        return;
    };
    let Some(def) = subject.definition(ctx) else {
        return;
    };
    let connection_type = def.connection_type;
    let mut route = None;
    for option in subject.written_options() {
        if effective_connection_option(connection_type, &option.name) != OptionName::SslMode {
            continue;
        }
        let Some(mode) = option.value.as_ref().and_then(|v| text_value(ctx, v)) else {
            continue;
        };
        let Some(weakness) = weakness(connection_type, mode) else {
            continue;
        };
        let route = route.get_or_insert_with(|| def.route(ctx));
        if route.private.is_some() {
            return;
        }
        let Some((host, _)) = &route.host else {
            return; // no HOST to judge (MZ103 reports it)
        };
        let name = name_as_written(ctx, subject.name());
        let message = match weakness {
            Weakness::TlsOff => format!(
                "SSL MODE '{mode}' turns TLS off for connection `{name}` to public host '{host}'"
            ),
            Weakness::Unverified => format!(
                "SSL MODE '{mode}' on connection `{name}` encrypts but does not verify the server \
                 at public host '{host}'; a man-in-the-middle can impersonate it"
            ),
        };
        out.push(
            ctx.diagnostic(&RULE, option.span, message)
                .with_help(help(connection_type)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::common::test_support::*;
    use crate::diagnostic::Severity;
    use crate::testing::{lint_project, render_concise, render_sql};

    const BAD: &str = "CREATE CONNECTION shop TO MYSQL (HOST 'shop.c1x2y3z4w5v6.us-east-1.rds.amazonaws.com', USER 'mz', PASSWORD SECRET my_pw, SSL MODE 'required');";
    const GOOD: &str = "CREATE CONNECTION shop TO MYSQL (HOST 'shop.c1x2y3z4w5v6.us-east-1.rds.amazonaws.com', USER 'mz', PASSWORD SECRET my_pw, SSL MODE 'verify_identity', SSL CERTIFICATE AUTHORITY SECRET rds_ca);";
    const HOST: &str = "shop.c1x2y3z4w5v6.us-east-1.rds.amazonaws.com";

    fn postgres(mode: &str, extra: &str) -> String {
        format!("CREATE CONNECTION pg TO POSTGRES (HOST 'db.example.com', DATABASE 'shop', USER 'mz', SSL MODE {mode}{extra});")
    }

    #[test]
    fn bad_example() {
        let d = only_finding(BAD, None, "MZ201");
        assert_eq!(
            d.message,
            format!("SSL MODE 'required' on connection `shop` encrypts but does not verify the server at public host '{HOST}'; a man-in-the-middle can impersonate it")
        );
        assert_eq!(span_text(BAD, &d), "SSL MODE 'required'");
        assert_eq!(d.severity, Severity::Warning);
        assert_eq!(
            d.help.as_deref(),
            Some("use SSL MODE 'verify_identity' with SSL CERTIFICATE AUTHORITY SECRET <ca>")
        );
        assert!(d.fix.is_none());
    }

    #[test]
    fn good_example() {
        assert_clean(GOOD, None);
    }

    #[test]
    fn tls_off_form() {
        let sql = postgres("'disable'", "");
        let d = only_finding(&sql, None, "MZ201");
        assert_eq!(
            d.message,
            "SSL MODE 'disable' turns TLS off for connection `pg` to public host 'db.example.com'"
        );
        assert_eq!(span_text(&sql, &d), "SSL MODE 'disable'");
        assert_eq!(
            d.help.as_deref(),
            Some("use SSL MODE 'verify_full' with SSL CERTIFICATE AUTHORITY SECRET <ca>")
        );
        let sql = "CREATE CONNECTION shop TO MYSQL (HOST 'mysql.example.com', USER 'mz', SSL MODE 'DISABLED');";
        let d = &findings(sql, None, "MZ201")[0];
        assert!(
            d.message.starts_with("SSL MODE 'DISABLED' turns TLS off"),
            "{}",
            d.message
        );
        let sql = "CREATE CONNECTION sales TO SQL SERVER (HOST 'sql.example.com', DATABASE 'sales', USER 'mz', PASSWORD SECRET p, SSL MODE 'disabled');";
        assert_eq!(findings(sql, None, "MZ201").len(), 1);
    }

    #[test]
    fn every_weak_value_by_type() {
        // POSTGRES matches exactly; an unquoted identifier is folded first.
        for mode in [
            "'require'",
            "'required'",
            "'disable'",
            "require",
            "REQUIRE",
            "Disable",
        ] {
            assert_eq!(
                findings(&postgres(mode, ""), None, "MZ201").len(),
                1,
                "{mode}"
            );
        }
        // Verifying modes, and values POSTGRES rejects (MZ104's): silent.
        for mode in [
            "'verify_ca'",
            "'verify-full'",
            "'verify_full'",
            "'REQUIRE'",
            "'prefer'",
            "'disabled'",
        ] {
            assert_none(&postgres(mode, ""), None, "MZ201");
        }
        let mysql = |mode: &str| {
            format!("CREATE CONNECTION shop TO MYSQL (HOST 'mysql.example.com', USER 'mz', SSL MODE {mode});")
        };
        for mode in [
            "'required'",
            "'require'",
            "'REQUIRED'",
            "required",
            "'disabled'",
        ] {
            assert_eq!(findings(&mysql(mode), None, "MZ201").len(), 1, "{mode}");
        }
        for mode in [
            "'verify_identity'",
            "'VERIFY_CA'",
            "'verify-identity'",
            "'preferred'",
            "'disable'",
        ] {
            assert_none(&mysql(mode), None, "MZ201");
        }
        let sql_server = |mode: &str| {
            format!("CREATE CONNECTION s TO SQL SERVER (HOST 'sql.example.com', DATABASE 'd', USER 'mz', PASSWORD SECRET p, SSL MODE {mode});")
        };
        for mode in ["'required'", "'Required'", "'disabled'"] {
            assert_eq!(
                findings(&sql_server(mode), None, "MZ201").len(),
                1,
                "{mode}"
            );
        }
        for mode in ["'verify'", "'verify_ca'", "'require'"] {
            assert_none(&sql_server(mode), None, "MZ201");
        }
        let d = &findings(&sql_server("'required'"), None, "MZ201")[0];
        assert_eq!(
            d.help.as_deref(),
            Some("use SSL MODE 'verify_ca' with SSL CERTIFICATE AUTHORITY SECRET <ca>, or 'verify' when the server's certificate is publicly trusted")
        );
    }

    #[test]
    fn private_routes_are_not_reported() {
        for sql in [
            "CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', SSL MODE 'require');".to_string(),
            "CREATE CONNECTION pg TO POSTGRES (HOST '192.168.1.20', DATABASE 'shop', USER 'mz', SSL MODE 'require');".to_string(),
            "CREATE CONNECTION pg TO POSTGRES (HOST 'postgres', DATABASE 'shop', USER 'mz', SSL MODE 'disable');".to_string(),
            postgres("'require'", ", SSH TUNNEL bastion"),
            postgres("'disable'", ", AWS PRIVATELINK pl"),
        ] {
            assert_none(&sql, None, "MZ201");
        }
    }

    #[test]
    fn placeholders() {
        // A placeholder SSL MODE is skipped …
        assert_none(&postgres("'${PG_SSL_MODE}'", ""), None, "MZ201");
        assert_none(&postgres("'{{ ssl_mode }}'", ""), None, "MZ201");
        // … a placeholder HOST does not exempt the connection.
        let sql = "CREATE CONNECTION pg TO POSTGRES (HOST '${PG_HOST}', DATABASE 'shop', USER 'mz', SSL MODE 'require');";
        let d = only_finding(sql, None, "MZ201");
        assert!(
            d.message
                .ends_with("at public host '${PG_HOST}'; a man-in-the-middle can impersonate it"),
            "{}",
            d.message
        );
        let sql = "CREATE CONNECTION pg TO POSTGRES (HOST '<host>', DATABASE 'shop', USER 'mz', SSL MODE 'require');";
        assert_eq!(findings(sql, None, "MZ201").len(), 1);
        let sql = "CREATE CONNECTION pg TO POSTGRES (HOST :'pg_host', DATABASE 'shop', USER 'mz', SSL MODE 'require');";
        let d = &findings(sql, None, "MZ201")[0];
        assert!(
            d.message.contains("at public host ':'pg_host''"),
            "{}",
            d.message
        );
    }

    #[test]
    fn aliases_case_comments_quoting_legacy() {
        // SSLMODE counts as SSL MODE (rules.md §1.8); its span is the option.
        let sql = postgres("'require'", "").replace("SSL MODE", "SSLMODE");
        let d = &findings(&sql, None, "MZ201")[0];
        assert_eq!(span_text(&sql, d), "SSLMODE 'require'");

        let sql = "create connection \"Shop DB\" to mysql (host 'mysql.example.com', user 'mz', ssl /* mode */ mode = 'required');";
        let d = only_finding(sql, None, "MZ201");
        assert_eq!(span_text(sql, &d), "ssl /* mode */ mode = 'required'");
        assert!(
            d.message.contains("on connection `\"Shop DB\"` encrypts"),
            "{}",
            d.message
        );

        let sql = "CREATE CONNECTION pg FOR POSTGRES HOST 'db.example.com', DATABASE 'shop', USER 'mz', SSL MODE 'require';";
        let d = &findings(sql, None, "MZ201")[0];
        assert_eq!(span_text(sql, d), "SSL MODE 'require'");
    }

    #[test]
    fn crlf_non_ascii_and_suppression() {
        let sql = "-- Zugang über das Internet\r\nCREATE CONNECTION pg TO POSTGRES (HOST 'db.example.com',\r\n  DATABASE 'shop', USER 'mz',\r\n  SSL MODE 'require');\r\n";
        let d = only_finding(sql, None, "MZ201");
        assert_eq!(span_text(sql, &d), "SSL MODE 'require'");
        let suppressed = sql.replace(
            "SSL MODE 'require');",
            "SSL MODE 'require'); -- mzlint: ignore[weak-ssl-mode]",
        );
        assert_clean(&suppressed, None);
    }

    #[test]
    fn alter_set_is_judged_on_the_effective_definition() {
        let create = "CREATE CONNECTION pg TO POSTGRES (HOST 'db.example.com', DATABASE 'shop', USER 'mz', SSL MODE 'verify_full');\n";
        let sql = format!("{create}ALTER CONNECTION pg SET (SSL MODE = 'require');");
        let diagnostics = findings(&sql, None, "MZ201");
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(span_text(&sql, &diagnostics[0]), "SSL MODE = 'require'");
        assert!(diagnostics[0]
            .message
            .contains("at public host 'db.example.com'"));
        // The same ALTER moves the connection to a private host.
        let sql = format!(
            "{create}ALTER CONNECTION pg SET (HOST 'pg.internal'), SET (SSL MODE = 'require');"
        );
        assert_none(&sql, None, "MZ201");
        // … or to a public one: the new host is named.
        let private = create.replace("db.example.com", "pg.internal");
        let sql = format!("{private}ALTER CONNECTION pg SET (HOST 'db2.example.com'), SET (SSL MODE = 'disable');");
        let d = &findings(&sql, None, "MZ201")[0];
        assert!(
            d.message.ends_with("to public host 'db2.example.com'"),
            "{}",
            d.message
        );
        // Unknown connection: silent.
        assert_none(
            "ALTER CONNECTION pg SET (SSL MODE = 'require');",
            None,
            "MZ201",
        );
        // Across files.
        let files = [
            ("a.sql", create),
            ("b.sql", "ALTER CONNECTION pg SET (SSL MODE 'disable');"),
        ];
        let rendered = render_concise(&files, &lint_project(&files, None));
        assert!(rendered.contains("b.sql:1:26: warning[MZ201] SSL MODE 'disable' turns TLS off for connection `pg` to public host 'db.example.com'"), "{rendered}");
    }

    #[test]
    fn snapshot() {
        insta::assert_snapshot!("bad_example", render_sql(BAD, &lint(BAD, None)));
    }
}

use super::common::{alter_actions, name_as_written, ConnDef, ConnOption};
use crate::prelude::*;
use crate::rules::security::common::effective_connection_option;
use crate::semantic::PrivateRoute;

declare_rule! {
/// ## What it does
///
/// Reports a `CREATE CONNECTION … TO POSTGRES | MYSQL | SQL SERVER` (or the
/// legacy `FOR` form) that sets no `SSL MODE`, and an `ALTER CONNECTION …
/// RESET|DROP (SSL MODE)` on such a connection without a `SET (SSL MODE …)`
/// in the same statement. The default is `disable` (POSTGRES) or `disabled`
/// (MYSQL, SQL SERVER): no TLS at all.
///
/// Not reported for other connection types (Kafka: MZ204), or when SSL MODE
/// is present with any value (MZ201 and MZ104 judge the value).
///
/// When the connection's route is private — it uses `SSH TUNNEL` or
/// connection-level `AWS PRIVATELINK`, or its HOST matches
/// `security.private-hosts` — the finding is reported as **info**, with a
/// note giving the reason. For `ALTER CONNECTION` the effective definition
/// is judged; without the connection's `CREATE CONNECTION` in the project the
/// rule is silent on the ALTER.
///
/// ## Why is this bad?
///
/// All traffic, authentication included, crosses the network unencrypted.
/// The documented default is `disable`/`disabled`
/// (`doc/user/data/examples/create_connection.yml`).
///
/// ## Example
///
/// ```sql
/// CREATE CONNECTION pg TO POSTGRES (HOST 'orders.c1x2y3z4w5v6.eu-west-1.rds.amazonaws.com', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw);
/// ```
///
/// reports ``connection `pg` to POSTGRES sets no SSL MODE, so it defaults to
/// 'disable' (plaintext)`` on the connection's name (on the action for an
/// ALTER). Use instead:
///
/// ```sql
/// CREATE CONNECTION pg TO POSTGRES (HOST 'orders.c1x2y3z4w5v6.eu-west-1.rds.amazonaws.com', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'verify_full', SSL CERTIFICATE AUTHORITY SECRET rds_ca);
/// ```
///
/// ## Fix (unsafe)
///
/// "Add SSL MODE 'require'": inserts `, SSL MODE 'require'` (POSTGRES) or
/// `, SSL MODE 'required'` (MYSQL, SQL SERVER) after the last option. It is
/// unsafe because a server without TLS then refuses the connection, and
/// `require` encrypts without verifying the server (MZ201 then asks for a
/// verifying mode on public hosts). No fix for ALTER.
    pub(crate) static RULE = {
        code: "MZ200",
        name: "missing-ssl-mode",
        severity: Warning,
        scope: Statement,
        fix: Unsafe,
        fix_summary: "unsafe",
        summary: "Postgres/MySQL/SQL Server connection without SSL MODE (plaintext)",
        check: Statement(check),
    }
}

/// What MZ200 says about a type that has SSL MODE: its default, the value
/// the fix writes, and the help.
struct TlsType {
    default: &'static str,
    require: &'static str,
    help: &'static str,
}

fn tls_type(connection_type: ConnectionType) -> Option<TlsType> {
    match connection_type {
        ConnectionType::Postgres => Some(TlsType {
            default: "disable",
            require: "require",
            help:
                "add SSL MODE 'verify_full', with SSL CERTIFICATE AUTHORITY SECRET <ca> when the \
                   server's CA is not publicly trusted (Amazon RDS); 'require' encrypts without \
                   verifying the server",
        }),
        ConnectionType::MySql => Some(TlsType {
            default: "disabled",
            require: "required",
            help:
                "add SSL MODE 'verify_identity', with SSL CERTIFICATE AUTHORITY SECRET <ca> when \
                   the server's CA is not publicly trusted (Amazon RDS); 'required' encrypts \
                   without verifying the server",
        }),
        ConnectionType::SqlServer => Some(TlsType {
            default: "disabled",
            require: "required",
            help:
                "add SSL MODE 'verify', or 'verify_ca' with SSL CERTIFICATE AUTHORITY SECRET <ca> \
                   when the server's CA is not publicly trusted (Amazon RDS); 'required' encrypts \
                   without verifying the server",
        }),
        _ => None,
    }
}

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    match &ctx.statement.kind {
        StatementKind::CreateConnection(create) => check_create(ctx, create, out),
        StatementKind::AlterConnection(alter) => check_alter(ctx, alter, out),
        _ => {}
    }
}

fn check_create(ctx: &StatementContext<'_>, create: &CreateConnection, out: &mut Vec<Diagnostic>) {
    let Some(tls) = tls_type(create.connection_type) else {
        return;
    };
    let def = ConnDef::of_create(create);
    if def.has(&OptionName::SslMode) {
        return;
    }
    let insertion = match create.options.options.last() {
        Some(last) => Edit::insert(last.span.end, format!(", SSL MODE '{}'", tls.require)),
        None if create.options.parenthesized => Edit::insert(
            create.options.span.start + 1,
            format!("SSL MODE '{}'", tls.require),
        ),
        None => return,
    };
    let diagnostic = report(
        ctx,
        create.name.span,
        &create.name,
        create.connection_type,
        &tls,
        &def,
    )
    .with_fix(Fix::unsafe_(
        format!("Add SSL MODE '{}'", tls.require),
        vec![insertion],
    ));
    out.push(diagnostic);
}

fn check_alter(ctx: &StatementContext<'_>, alter: &AlterConnection, out: &mut Vec<Diagnostic>) {
    let actions = alter_actions(alter);
    if actions.is_empty() {
        return;
    }
    let Some(def) = ConnDef::of_alter(ctx, alter) else {
        return;
    };
    let Some(tls) = tls_type(def.connection_type) else {
        return;
    };
    let counts_as_ssl_mode = |option: &SqlOption| {
        effective_connection_option(def.connection_type, &option.name) == OptionName::SslMode
    };
    let sets_ssl_mode = actions.iter().any(
        |a| matches!(&a.kind, AlterConnectionItemKind::Set(option) if counts_as_ssl_mode(option)),
    );
    if sets_ssl_mode {
        return;
    }
    let Some(reset) = actions.iter().find(|a| {
        matches!(&a.kind, AlterConnectionItemKind::Reset { option, .. } if counts_as_ssl_mode(option))
    }) else {
        return;
    };
    out.push(report(
        ctx,
        reset.span,
        &alter.name,
        def.connection_type,
        &tls,
        &def,
    ));
}

fn report(
    ctx: &StatementContext<'_>,
    span: Span,
    name: &ItemName,
    connection_type: ConnectionType,
    tls: &TlsType,
    def: &ConnDef<'_>,
) -> Diagnostic {
    let message = format!(
        "connection `{}` to {} sets no SSL MODE, so it defaults to '{}' (plaintext)",
        name_as_written(ctx, name),
        connection_type.as_str(),
        tls.default
    );
    let diagnostic = ctx.diagnostic(&RULE, span, message).with_help(tls.help);
    match def.route(ctx).private {
        Some((reason, option)) => with_reason(ctx, diagnostic, &reason, &option).as_info(),
        None => diagnostic,
    }
}

/// The note giving why the finding is info: at the option that makes the
/// route private when this statement wrote it, else without a location.
fn with_reason(
    ctx: &StatementContext<'_>,
    diagnostic: Diagnostic,
    reason: &PrivateRoute,
    option: &ConnOption<'_>,
) -> Diagnostic {
    let note = format!("reported as info: {}", reason.reason());
    if option.here {
        diagnostic.with_related(ctx.file_id(), option.option.span, note)
    } else {
        diagnostic.with_note(note)
    }
}

#[cfg(test)]
mod tests {
    use super::super::common::test_support::*;
    use crate::diagnostic::{Applicability, Severity};
    use crate::testing::{assert_fixes_converge, lint_project, render_concise, render_sql};

    const BAD: &str = "CREATE CONNECTION pg TO POSTGRES (HOST 'orders.c1x2y3z4w5v6.eu-west-1.rds.amazonaws.com', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw);";
    const GOOD: &str = "CREATE CONNECTION pg TO POSTGRES (HOST 'orders.c1x2y3z4w5v6.eu-west-1.rds.amazonaws.com', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'verify_full', SSL CERTIFICATE AUTHORITY SECRET rds_ca);";
    const POSTGRES_HELP: &str = "add SSL MODE 'verify_full', with SSL CERTIFICATE AUTHORITY SECRET <ca> when the server's CA is not publicly trusted (Amazon RDS); 'require' encrypts without verifying the server";

    #[test]
    fn bad_example() {
        let d = only_finding(BAD, None, "MZ200");
        assert_eq!(
            d.message,
            "connection `pg` to POSTGRES sets no SSL MODE, so it defaults to 'disable' (plaintext)"
        );
        assert_eq!(span_text(BAD, &d), "pg");
        assert_eq!(d.severity, Severity::Warning);
        assert_eq!(d.help.as_deref(), Some(POSTGRES_HELP));
        assert!(d.related.is_empty() && d.notes.is_empty());
        let fix = d.fix.as_ref().expect("a fix");
        assert_eq!(fix.applicability, Applicability::Unsafe);
        assert_eq!(fix.message, "Add SSL MODE 'require'");
    }

    #[test]
    fn good_example() {
        assert_clean(GOOD, None);
    }

    #[test]
    fn fix_adds_require_after_the_last_option() {
        let fixed = assert_fixes_converge(BAD, None);
        assert_eq!(
            fixed,
            BAD.replace("SECRET pg_pw);", "SECRET pg_pw, SSL MODE 'require');")
        );
        assert_none(&fixed, None, "MZ200");
    }

    #[test]
    fn mysql_and_sql_server_default_to_disabled() {
        let sql = "CREATE CONNECTION shop TO MYSQL (HOST 'mysql.example.com', USER 'mz', PASSWORD SECRET my_pw);";
        let d = only_finding(sql, None, "MZ200");
        assert_eq!(
            d.message,
            "connection `shop` to MYSQL sets no SSL MODE, so it defaults to 'disabled' (plaintext)"
        );
        assert!(d
            .help
            .as_deref()
            .unwrap()
            .starts_with("add SSL MODE 'verify_identity'"));
        assert_eq!(d.fix.as_ref().unwrap().message, "Add SSL MODE 'required'");
        let fixed = assert_fixes_converge(sql, None);
        assert!(
            fixed.ends_with("SECRET my_pw, SSL MODE 'required');"),
            "{fixed}"
        );

        let sql = "CREATE CONNECTION sales TO SQL SERVER (HOST 'sql.example.com', DATABASE 'sales', USER 'mz', PASSWORD SECRET mssql_pw);";
        let d = only_finding(sql, None, "MZ200");
        assert_eq!(
            d.message,
            "connection `sales` to SQL SERVER sets no SSL MODE, so it defaults to 'disabled' (plaintext)"
        );
        assert!(d
            .help
            .as_deref()
            .unwrap()
            .starts_with("add SSL MODE 'verify'"));
        let fixed = assert_fixes_converge(sql, None);
        assert!(
            fixed.ends_with("SECRET mssql_pw, SSL MODE 'required');"),
            "{fixed}"
        );
    }

    #[test]
    fn other_types_and_present_ssl_modes_are_not_reported() {
        for sql in [
            "CREATE CONNECTION kafka TO KAFKA (BROKER 'b1.example.com:9092');",
            "CREATE CONNECTION bastion TO SSH TUNNEL (HOST 'bastion.example.com', USER 'mz', PORT 22);",
            "CREATE CONNECTION csr TO CONFLUENT SCHEMA REGISTRY (URL 'https://csr.example.com');",
            "CREATE CONNECTION pg TO POSTGRES (HOST 'db.example.com', DATABASE 'shop', USER 'mz', SSL MODE 'prefer');",
            "CREATE CONNECTION pg TO POSTGRES (HOST 'db.example.com', DATABASE 'shop', USER 'mz', SSL MODE verify_full);",
            "CREATE CONNECTION pg TO POSTGRES (HOST 'db.example.com', DATABASE 'shop', USER 'mz', SSL MODE);",
            "CREATE CONNECTION pg TO POSTGRES (HOST 'db.example.com', DATABASE 'shop', USER 'mz', SSL MODE '${PG_SSL_MODE}');",
        ] {
            assert_none(sql, None, "MZ200");
        }
    }

    #[test]
    fn an_alias_of_ssl_mode_counts_as_ssl_mode() {
        // MZ100 renames SSLMODE (and the misspelling SSL MDOE); MZ200 must not
        // report the same defect again (rules.md §1.8).
        for sql in [
            "CREATE CONNECTION pg TO POSTGRES (HOST 'db.example.com', DATABASE 'shop', USER 'mz', SSLMODE 'verify_full');",
            "CREATE CONNECTION pg TO POSTGRES (HOST 'db.example.com', DATABASE 'shop', USER 'mz', SSL_MODE 'verify_full');",
            "CREATE CONNECTION pg TO POSTGRES (HOST 'db.example.com', DATABASE 'shop', USER 'mz', SSL MDOE 'verify_full');",
        ] {
            assert_none(sql, None, "MZ200");
        }
    }

    #[test]
    fn private_routes_are_info_with_the_reason() {
        // The MZ003 example: reached through an SSH tunnel.
        let sql = "CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSH TUNNEL bastion);";
        let d = only_finding(sql, Some(ELSEWHERE), "MZ200");
        assert_eq!(d.severity, Severity::Info);
        assert_eq!(d.related.len(), 1);
        assert_eq!(
            d.related[0].message,
            "reported as info: the connection uses SSH TUNNEL `bastion`"
        );
        assert_eq!(&sql[d.related[0].span.range()], "SSH TUNNEL bastion");

        let sql = "CREATE CONNECTION pg_pl TO POSTGRES (HOST 'db.example.com', DATABASE 'app', USER 'replicator', PASSWORD SECRET pg_pass, AWS PRIVATELINK pl_svc);";
        let d = only_finding(sql, Some(ELSEWHERE), "MZ200");
        assert_eq!(d.severity, Severity::Info);
        assert_eq!(
            d.related[0].message,
            "reported as info: the connection uses AWS PRIVATELINK `pl_svc`"
        );

        let sql =
            "CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz');";
        let d = only_finding(sql, None, "MZ200");
        assert_eq!(d.severity, Severity::Info);
        assert_eq!(
            d.related[0].message,
            "reported as info: host 'pg.internal' matches security.private-hosts"
        );
        assert_eq!(&sql[d.related[0].span.range()], "HOST 'pg.internal'");
        // The fix is offered on private routes too.
        assert!(d.fix.is_some());

        // A private IP, and a configured private host.
        let sql = "CREATE CONNECTION pg TO POSTGRES (HOST '10.0.3.7', DATABASE 'shop', USER 'mz');";
        assert_eq!(only_finding(sql, None, "MZ200").severity, Severity::Info);
        let sql = "CREATE CONNECTION pg TO POSTGRES (HOST 'db.corp.example', DATABASE 'shop', USER 'mz');";
        assert_eq!(only_finding(sql, None, "MZ200").severity, Severity::Warning);
        let config = "[security]\nprivate-hosts = [\"*.corp.example\"]\n";
        assert_eq!(
            only_finding(sql, Some(config), "MZ200").severity,
            Severity::Info
        );
    }

    #[test]
    fn info_stays_info_whatever_the_configured_severity() {
        let sql =
            "CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz');";
        let config = "[lint.severity]\nMZ200 = \"error\"\n";
        let diagnostics = lint(sql, Some(config));
        let d = &of("MZ200", &diagnostics)[0];
        assert_eq!(d.severity, Severity::Info);
        let public =
            "CREATE CONNECTION pg TO POSTGRES (HOST 'db.example.com', DATABASE 'shop', USER 'mz');";
        assert_eq!(
            findings(public, Some(config), "MZ200")[0].severity,
            Severity::Error
        );
    }

    #[test]
    fn placeholder_hosts_are_public() {
        for host in ["${PG_HOST}", "{{ pg_host }}"] {
            let sql = format!(
                "CREATE CONNECTION pg TO POSTGRES (HOST '{host}', DATABASE 'shop', USER 'mz');"
            );
            let d = only_finding(&sql, None, "MZ200");
            assert_eq!(d.severity, Severity::Warning, "{host}");
        }
        // psql interpolations and `<word>` values are placeholders too: never
        // private, although they look like dotless host names.
        for host in [":pg_host", ":'pg_host'", "<pg_host>"] {
            let sql = format!(
                "CREATE CONNECTION pg TO POSTGRES (HOST {host}, DATABASE 'shop', USER 'mz');"
            );
            let d = &findings(&sql, None, "MZ200")[0];
            assert_eq!(d.severity, Severity::Warning, "{host}");
        }
        // An unfilled placeholder is MZ706's; MZ200 still judges the mode.
        let sql = "CREATE CONNECTION pg TO POSTGRES (HOST '<host>', DATABASE 'shop', USER 'mz');";
        let d = &findings(sql, None, "MZ200")[0];
        assert_eq!(d.severity, Severity::Warning);
    }

    #[test]
    fn legacy_for_form() {
        let sql = "CREATE CONNECTION pg FOR POSTGRES HOST 'db.example.com', DATABASE 'shop', USER 'mz' WITH (VALIDATE = false);";
        let d = &findings(sql, None, "MZ200")[0];
        assert_eq!(span_text(sql, d), "pg");
        assert_eq!(
            d.message,
            "connection `pg` to POSTGRES sets no SSL MODE, so it defaults to 'disable' (plaintext)"
        );
        let fixed = assert_fixes_converge(sql, None);
        assert!(
            fixed.contains("USER 'mz', SSL MODE 'require'")
                || fixed.contains("USER 'mz', SSL MODE 'require')"),
            "{fixed}"
        );
        assert_none(&fixed, None, "MZ200");
        let legacy_with_mode = "CREATE CONNECTION pg FOR POSTGRES HOST 'db.example.com', DATABASE 'shop', USER 'mz', SSL MODE 'verify_full';";
        assert_none(legacy_with_mode, None, "MZ200");
    }

    #[test]
    fn names_case_comments_and_quoting() {
        let sql =
            "create connection PG to postgres (host 'db.example.com', database 'shop', user 'mz');";
        let d = only_finding(sql, None, "MZ200");
        assert_eq!(span_text(sql, &d), "PG");
        assert!(
            d.message.starts_with("connection `PG` to POSTGRES"),
            "{}",
            d.message
        );

        let sql = "CREATE /* c */ CONNECTION materialize.public.\"Orders PG\" TO POSTGRES (HOST 'db.example.com', DATABASE 'shop', USER 'mz');";
        let d = only_finding(sql, None, "MZ200");
        assert_eq!(span_text(sql, &d), "materialize.public.\"Orders PG\"");
        assert!(d
            .message
            .starts_with("connection `materialize.public.\"Orders PG\"` to POSTGRES"));

        let sql = "CREATE CONNECTION pg TO POSTGRES (HOST 'db.example.com', DATABASE 'shop', USER 'mz', SSL /* tls */ MODE -- on\n 'verify_full');";
        assert_none(sql, None, "MZ200");
    }

    #[test]
    fn crlf_and_non_ascii_text() {
        let sql = "-- Verbindung für das Lager — ünïcödé\r\nCREATE CONNECTION pg TO POSTGRES (\r\n    HOST 'db.example.com',\r\n    DATABASE 'shop',\r\n    USER 'mz'\r\n);\r\n";
        let d = only_finding(sql, None, "MZ200");
        assert_eq!(span_text(sql, &d), "pg");
        let fixed = assert_fixes_converge(sql, None);
        assert!(
            fixed.contains("USER 'mz', SSL MODE 'require'\r\n);"),
            "{fixed:?}"
        );
    }

    #[test]
    fn suppression_comments_silence_it() {
        let sql = format!("{BAD} -- mzlint: ignore[MZ200] TLS terminated by a proxy");
        assert_clean(&sql, None);
        let sql = format!("-- mzlint: ignore[missing-ssl-mode]\n{BAD}");
        assert_clean(&sql, None);
    }

    #[test]
    fn alter_reset_on_a_known_connection() {
        let create = "CREATE CONNECTION pg TO POSTGRES (HOST 'db.example.com', DATABASE 'shop', USER 'mz', SSL MODE 'verify_full');\n";
        let sql = format!("{create}ALTER CONNECTION pg RESET (SSL MODE);");
        let diagnostics = findings(&sql, None, "MZ200");
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        let d = &diagnostics[0];
        assert_eq!(span_text(&sql, d), "RESET (SSL MODE)");
        assert_eq!(
            d.message,
            "connection `pg` to POSTGRES sets no SSL MODE, so it defaults to 'disable' (plaintext)"
        );
        assert_eq!(d.severity, Severity::Warning);
        assert!(d.fix.is_none(), "no fix for ALTER");

        let sql =
            format!("{create}ALTER CONNECTION pg SET (HOST = 'db2.example.com'), DROP (SSL MODE);");
        let d = &findings(&sql, None, "MZ200")[0];
        assert_eq!(span_text(&sql, d), "DROP (SSL MODE)");

        // Reset and set again in one statement: MZ201 judges the new value.
        let sql =
            format!("{create}ALTER CONNECTION pg RESET (SSL MODE), SET (SSL MODE 'verify_full');");
        assert_none(&sql, None, "MZ200");
        // Unknown connection: silent.
        assert_none("ALTER CONNECTION pg RESET (SSL MODE);", None, "MZ200");
        // Another type: silent (MZ100 reports SSL MODE on Kafka).
        let sql = "CREATE CONNECTION k TO KAFKA (BROKER 'k.example.com:9092');\nALTER CONNECTION k RESET (SSL MODE);";
        assert_none(sql, None, "MZ200");
    }

    #[test]
    fn alter_on_a_private_route_is_info_with_a_note() {
        let sql = "CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', SSL MODE 'require', SSH TUNNEL bastion);\nALTER CONNECTION pg RESET (SSL MODE);";
        let d = &findings(sql, None, "MZ200")[0];
        assert_eq!(d.severity, Severity::Info);
        assert_eq!(
            d.notes,
            vec!["reported as info: the connection uses SSH TUNNEL `bastion`".to_string()]
        );
        // The ALTER also drops the tunnel: public.
        let sql = "CREATE CONNECTION pg TO POSTGRES (HOST 'db.example.com', DATABASE 'shop', USER 'mz', SSL MODE 'require', SSH TUNNEL bastion);\nALTER CONNECTION pg RESET (SSL MODE), RESET (SSH TUNNEL);";
        assert_eq!(findings(sql, None, "MZ200")[0].severity, Severity::Warning);
    }

    #[test]
    fn alter_across_files_uses_the_project_definition() {
        let files = [
            ("a_connections.sql", "CREATE CONNECTION pg TO MYSQL (HOST 'db.example.com', USER 'mz', SSL MODE 'verify_identity');"),
            ("b_rotate.sql", "ALTER CONNECTION pg DROP (SSL MODE);"),
        ];
        let diagnostics = lint_project(&files, None);
        let rendered = render_concise(&files, &diagnostics);
        assert!(
            rendered.contains("b_rotate.sql:1:21: warning[MZ200] connection `pg` to MYSQL sets no SSL MODE, so it defaults to 'disabled' (plaintext)"),
            "{rendered}"
        );
    }

    #[test]
    fn snapshot() {
        let diagnostics = lint(BAD, None);
        insta::assert_snapshot!("bad_example", render_sql(BAD, &diagnostics));
        let private = "CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSH TUNNEL bastion);";
        insta::assert_snapshot!(
            "private_route",
            render_sql(private, &lint(private, Some(ELSEWHERE)))
        );
    }
}

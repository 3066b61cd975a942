use super::common::name_as_written;
use crate::prelude::*;
use mzlint_syntax::upstream::{
    AlterRoleAction, MySqlAccount, MySqlUsers, Password, PasswordKind, RoleOption, RoleOptionKind,
    RoleSpec, UpstreamKind, UpstreamStatement,
};
use mzlint_syntax::TokenKind;

declare_rule! {
/// ## What it does
///
/// Reports a secret written into SQL:
///
/// * `CREATE SECRET … AS <expr>` and `ALTER SECRET … AS <expr>` whose
///   expression contains a string or bytea literal of any kind: `'…'`,
///   `E'…'`, `$$…$$`, `decode('…', 'base64')` (only the first argument is the
///   value; the encoding name is not), `'\x…'::bytea`, `X'…'`;
/// * upstream PostgreSQL `CREATE|ALTER ROLE|USER … [ENCRYPTED] PASSWORD '…'`
///   (hashed `SCRAM-SHA-256$…`/`md5…` values too: they allow offline
///   guessing); upstream MySQL `CREATE|ALTER USER … IDENTIFIED [WITH <plugin>]
///   BY '…'` and `SET PASSWORD … = '…'`.
///
/// Not reported when every literal matches `security.placeholder-patterns`
/// (`'${PG_PASSWORD}'`), on psql variables (`AS :'pw'`, `PASSWORD :'pw'`),
/// `PASSWORD NULL`, the empty string, values matching
/// `security.unfilled-placeholder-patterns` (MZ706 reports those), or
/// literals given to connection options (MZ105).
///
/// The message never shows the value: it is described as `a string literal
/// (redacted)`, and code frames show `'********'` in its place.
///
/// ## Why is this bad?
///
/// `CREATE SECRET` takes its value inline
/// (`doc/user/data/examples/create_secret.yml`), so DDL kept in git leaks
/// credentials to everyone who can read the repository, forever — as real
/// projects do (`MaterializeInc/freshmart` `mz_connection_setup.sql`).
///
/// ## Example
///
/// ```sql
/// CREATE SECRET pg_pw AS 'S3cr3t-example-only';
/// ```
///
/// reports ``CREATE SECRET `pg_pw` embeds a string literal (redacted) in
/// version-controlled SQL`` on the value. Render the value at deploy time
/// instead:
///
/// ```sql
/// CREATE SECRET pg_pw AS '${PG_PASSWORD}';
/// ```
///
/// Upstream form: `role mz_repl is given a password as a string literal
/// (redacted) in version-controlled SQL`.
///
/// ## Fix
///
/// None: any edit would display the removed value.
    pub(crate) static RULE = {
        code: "MZ202",
        name: "secret-literal-committed",
        severity: Warning,
        scope: Statement,
        fix: None,
        fix_summary: "none",
        summary: "Secret value written into SQL",
        check: Statement(check),
    }
}

const HELP: &str = "render the value at deploy time (AS '${PG_PASSWORD}' with envsubst, or a dbt \
                    env_var), or create the secret outside the repository";

const POSTGRES_HELP: &str = "set the password outside the repository (\\password in psql), or \
                             render it at deploy time (PASSWORD :'pw' with psql -v pw=…)";
const MYSQL_HELP: &str = "set the password outside the repository, or render it at deploy time \
                          (IDENTIFIED BY '${MZ_PASSWORD}' with envsubst)";

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    let (verb, name, expr) = match &ctx.statement.kind {
        StatementKind::CreateSecret(create) => ("CREATE SECRET", &create.name, &create.value),
        StatementKind::AlterSecret(AlterSecret {
            name,
            action: AlterSecretAction::Value(expr),
            ..
        }) => ("ALTER SECRET", name, expr),
        StatementKind::Upstream(statement) => return check_upstream(ctx, statement, out),
        _ => return,
    };
    if !embeds_literal(ctx, expr) {
        return;
    }
    let message = format!(
        "{verb} `{}` embeds a string literal (redacted) in version-controlled SQL",
        name_as_written(ctx, name)
    );
    out.push(ctx.diagnostic(&RULE, expr.span, message).with_help(HELP));
}

/// Does the expression hold a literal that is a real value: not empty, not a
/// placeholder (rules.md §1.6; unfilled placeholders are MZ706's)?
fn embeds_literal(ctx: &StatementContext<'_>, expr: &SecretExpr) -> bool {
    let is_value =
        |content: &str| !content.is_empty() && !ctx.settings().security.is_placeholder(content);
    if expr.literals.iter().any(|literal| is_value(&literal.value)) {
        return true;
    }
    // `X'…'` bytea literals are not string literals for the grammar, so the
    // parser does not list them; find them among the expression's tokens.
    let source = ctx.source();
    ctx.file
        .file
        .parsed
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::HexString && expr.span.contains_span(t.span))
        .any(|t| {
            let text = t.text(source);
            let content = text
                .get(2..text.len().saturating_sub(1))
                .unwrap_or_default();
            is_value(content)
        })
}

/// Upstream passwords: PostgreSQL `CREATE|ALTER ROLE|USER … PASSWORD '…'`,
/// MySQL `CREATE|ALTER USER … IDENTIFIED … BY '…'` and `SET PASSWORD`.
fn check_upstream(
    ctx: &StatementContext<'_>,
    statement: &UpstreamStatement,
    out: &mut Vec<Diagnostic>,
) {
    let mut found: Vec<(String, Password)> = Vec::new();
    let mut help = POSTGRES_HELP;
    let role_passwords = |who: String, options: &[RoleOption], found: &mut Vec<_>| {
        for option in options {
            if let RoleOptionKind::Password(password) = option.kind {
                found.push((who.clone(), password));
            }
        }
    };
    match &statement.kind {
        UpstreamKind::CreateRole(create) => role_passwords(
            format!("role {}", create.name.value),
            &create.options,
            &mut found,
        ),
        UpstreamKind::AlterRole(alter) => {
            if let AlterRoleAction::Options(options) = &alter.action {
                let who = match &alter.role {
                    RoleSpec::Name(name) => format!("role {}", name.value),
                    other => format!("role {}", ctx.text(other.span()).to_ascii_uppercase()),
                };
                role_passwords(who, options, &mut found);
            }
        }
        UpstreamKind::MySqlCreateUser(users) | UpstreamKind::MySqlAlterUser(users) => {
            help = MYSQL_HELP;
            mysql_passwords(users, &mut found)
        }
        UpstreamKind::SetPassword(set) => {
            help = MYSQL_HELP;
            let who = set
                .account
                .as_ref()
                .map_or_else(|| "the current user".to_string(), account_description);
            for password in [set.password, set.replace].into_iter().flatten() {
                found.push((who.clone(), password));
            }
        }
        _ => {}
    }
    for (who, password) in found {
        if !is_committed(ctx, &password) {
            continue;
        }
        let message = format!(
            "{who} is given a password as a string literal (redacted) in version-controlled SQL"
        );
        out.push(
            ctx.diagnostic(&RULE, password.span, message)
                .with_help(help),
        );
    }
}

fn mysql_passwords(users: &MySqlUsers, found: &mut Vec<(String, Password)>) {
    for user in &users.users {
        let who = account_description(&user.account);
        for auth in &user.auth {
            for password in [auth.password, auth.replace].into_iter().flatten() {
                found.push((who.clone(), password));
            }
        }
    }
}

fn account_description(account: &MySqlAccount) -> String {
    format!("user {}", account.user)
}

/// A non-empty literal that is not a placeholder (psql variables, `NULL`
/// and `''` are not values; unfilled placeholders are MZ706's). Hashes
/// (`SCRAM-SHA-256$…`, `md5…`) count: they allow offline guessing.
fn is_committed(ctx: &StatementContext<'_>, password: &Password) -> bool {
    if !matches!(password.kind, PasswordKind::Literal(_)) {
        return false;
    }
    match password.value(ctx.source()) {
        Some(value) => !value.is_empty() && !ctx.settings().security.is_placeholder(&value),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::common::test_support::*;
    use crate::diagnostic::Severity;
    use crate::testing::{lint_project, render_concise, render_sql};

    const BAD: &str = "CREATE SECRET pg_pw AS 'S3cr3t-example-only';";
    const GOOD: &str = "CREATE SECRET pg_pw AS '${PG_PASSWORD}';";
    const HELP: &str = "render the value at deploy time (AS '${PG_PASSWORD}' with envsubst, or a dbt env_var), or create the secret outside the repository";

    #[test]
    fn bad_example() {
        let d = only_finding(BAD, None, "MZ202");
        assert_eq!(
            d.message,
            "CREATE SECRET `pg_pw` embeds a string literal (redacted) in version-controlled SQL"
        );
        assert_eq!(span_text(BAD, &d), "'S3cr3t-example-only'");
        assert_eq!(d.severity, Severity::Warning);
        assert_eq!(d.help.as_deref(), Some(HELP));
        assert!(d.fix.is_none());
        assert!(!everything_said(&d).contains("S3cr3t"));
    }

    #[test]
    fn good_example() {
        assert_clean(GOOD, None);
    }

    #[test]
    fn every_literal_form() {
        for (expr, span) in [
            ("E'rotated\\tvalue'", "E'rotated\\tvalue'"),
            (
                "$pem$-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----$pem$",
                "$pem$-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----$pem$",
            ),
            ("$$value$$", "$$value$$"),
            (
                "decode('c2VjcmV0', 'base64')",
                "decode('c2VjcmV0', 'base64')",
            ),
            ("'\\x736563726574'::bytea", "'\\x736563726574'::bytea"),
            ("X'736563726574'", "X'736563726574'"),
            ("'${PREFIX}' || 'real-value'", "'${PREFIX}' || 'real-value'"),
            ("convert_to('value', 'UTF8')", "convert_to('value', 'UTF8')"),
        ] {
            let sql = format!("CREATE SECRET s AS {expr};");
            let diagnostics = findings(&sql, None, "MZ202");
            assert_eq!(diagnostics.len(), 1, "{expr}");
            assert_eq!(span_text(&sql, &diagnostics[0]), span, "{expr}");
        }
    }

    #[test]
    fn not_reported() {
        for expr in [
            "'${PG_PASSWORD}'",
            "'{{ env_var(\"PG_PASSWORD\") }}'",
            "decode('${PG_PASSWORD_B64}', 'base64')",
            "'${A}' || '${B}'",
            "''",
            "E''",
            ":'pg_password'",
            ":pg_password",
            // Unfilled placeholders are MZ706's.
            "'<password>'",
            "'changeme'",
            "'********'",
            "'...'",
        ] {
            let sql = format!("CREATE SECRET s AS {expr};");
            assert_none(&sql, None, "MZ202");
        }
        // Only decode's first argument is the value.
        assert_none("CREATE SECRET s AS decode('', 'base64');", None, "MZ202");
        // Renames and owner changes carry no value.
        assert_none("ALTER SECRET pg_pass RENAME TO pg_password;", None, "MZ202");
        assert_none("ALTER SECRET pg_pass OWNER TO admin;", None, "MZ202");
        // A literal given to a connection option is MZ105's.
        let sql = "CREATE CONNECTION k TO KAFKA (BROKER 'b.internal:9092', SASL MECHANISMS = 'PLAIN', SASL USERNAME = 'mz', SASL PASSWORD = 'not-a-real-password');";
        assert_none(sql, None, "MZ202");
    }

    #[test]
    fn alter_secret() {
        let sql = "ALTER SECRET IF EXISTS materialize.public.pg_pass AS E'rotated\\tvalue';";
        let d = only_finding(sql, None, "MZ202");
        assert_eq!(
            d.message,
            "ALTER SECRET `materialize.public.pg_pass` embeds a string literal (redacted) in version-controlled SQL"
        );
        assert_eq!(span_text(sql, &d), "E'rotated\\tvalue'");
    }

    #[test]
    fn names_case_comments_crlf() {
        let sql = "create secret \"Ops Secret\" as /* rotated yearly */ 'hunter2-hunter2';";
        let d = only_finding(sql, None, "MZ202");
        assert_eq!(
            d.message,
            "CREATE SECRET `\"Ops Secret\"` embeds a string literal (redacted) in version-controlled SQL"
        );
        assert_eq!(span_text(sql, &d), "'hunter2-hunter2'");

        let sql = "-- Geheimnis für die Verbindung\r\nCREATE SECRET IF NOT EXISTS pg_pw\r\n  AS 'multi'\r\n  || 'part';\r\n";
        let d = only_finding(sql, None, "MZ202");
        assert_eq!(span_text(sql, &d), "'multi'\r\n  || 'part'");
    }

    #[test]
    fn custom_placeholder_patterns() {
        let sql = "CREATE SECRET pg_pw AS 'vault:secret/pg#password';";
        assert_eq!(findings(sql, None, "MZ202").len(), 1);
        let config = "[security]\nplaceholder-patterns = [\"vault:*\"]\n";
        assert_none(sql, Some(config), "MZ202");
    }

    #[test]
    fn suppression() {
        assert_clean(&format!("{BAD} -- mzlint: ignore[MZ202] demo value"), None);
        assert_clean(
            &format!("/* mzlint: ignore[secret-literal-committed] */\n{BAD}"),
            None,
        );
    }

    #[test]
    fn the_canary_never_leaks() {
        for sql in [
            format!("CREATE SECRET pg_pw AS '{CANARY}';"),
            format!("CREATE SECRET pg_pw AS decode('{CANARY}', 'base64');"),
            format!("ALTER SECRET pg_pw AS E'{CANARY}\\n' || $x${CANARY}$x$;"),
            format!("CREATE SECRET \"{CANARY}\" AS '{CANARY}';"),
        ] {
            let diagnostics = lint(&sql, None);
            assert_eq!(of("MZ202", &diagnostics).len(), 1, "{sql}");
            assert_no_canary(&sql, &diagnostics);
        }
    }

    #[test]
    fn upstream_postgres_roles() {
        let upstream = "CREATE ROLE mz_repl WITH LOGIN REPLICATION PASSWORD 'repl-pass-123';\n\
                        ALTER ROLE mz_repl WITH ENCRYPTED PASSWORD 'SCRAM-SHA-256$4096:c2FsdA==$c3RvcmVk:c2VydmVy';\n\
                        CREATE USER app PASSWORD 'md5a3556571e93b0d20722ba62be61e8c2d';\n\
                        ALTER USER CURRENT_USER PASSWORD E'esc\\'aped';\n\
                        CREATE ROLE r1 PASSWORD NULL;\n\
                        CREATE ROLE r2 PASSWORD '';\n\
                        CREATE ROLE r3 PASSWORD :'pw';\n\
                        CREATE ROLE r4 PASSWORD '${REPL_PASSWORD}';\n\
                        CREATE ROLE r5 PASSWORD '<password>';\n";
        let files = [("upstream/roles.sql", upstream)];
        let config = "[files]\nupstream = [\"upstream/**\"]\n";
        let diagnostics: Vec<_> = lint_project(&files, Some(config))
            .into_iter()
            .filter(|(_, d)| d.rule.code == "MZ202")
            .collect();
        insta::assert_snapshot!("upstream_postgres", render_concise(&files, &diagnostics));
        assert_eq!(diagnostics.len(), 4);
        let d = &diagnostics[0].1;
        assert_eq!(
            d.message,
            "role mz_repl is given a password as a string literal (redacted) in version-controlled SQL"
        );
        assert_eq!(&upstream[d.span.range()], "'repl-pass-123'");
        assert!(diagnostics[3]
            .1
            .message
            .starts_with("role CURRENT_USER is given"));
    }

    #[test]
    fn upstream_detected_by_content() {
        // A file holding only role statements is upstream SQL (interfaces.md §6).
        let sql = "CREATE ROLE mz_repl WITH LOGIN REPLICATION PASSWORD 'repl-pass-123';\nGRANT SELECT ON ALL TABLES IN SCHEMA public TO mz_repl;\n";
        let d = only_finding(sql, None, "MZ202");
        assert_eq!(span_text(sql, &d), "'repl-pass-123'");
    }

    #[test]
    fn upstream_mysql_users() {
        let upstream = "CREATE USER 'mz'@'%' IDENTIFIED BY 'mysql-pass-1';\n\
                        ALTER USER 'mz'@'%' IDENTIFIED WITH caching_sha2_password BY 'mysql-pass-2';\n\
                        CREATE USER `other`@`localhost` IDENTIFIED WITH mysql_native_password AS '*6C8989366EAF75BB670AD8EA7A7FC1176A95CEF4';\n\
                        SET PASSWORD FOR 'mz'@'%' = 'mysql-pass-3';\n\
                        SET PASSWORD = 'mysql-pass-4';\n\
                        CREATE USER 'r'@'%' IDENTIFIED BY RANDOM PASSWORD;\n\
                        CREATE USER 't'@'%' IDENTIFIED BY '${MYSQL_PASSWORD}';\n\
                        CREATE USER 'u'@'%' IDENTIFIED BY '';\n";
        let files = [("upstream/mysql.sql", upstream)];
        let config = "[files]\nupstream = [\"upstream/**\"]\n";
        let diagnostics: Vec<_> = lint_project(&files, Some(config))
            .into_iter()
            .filter(|(_, d)| d.rule.code == "MZ202")
            .collect();
        insta::assert_snapshot!("upstream_mysql", render_concise(&files, &diagnostics));
        assert_eq!(diagnostics.len(), 5);
        assert_eq!(&upstream[diagnostics[0].1.span.range()], "'mysql-pass-1'");
        assert_eq!(
            diagnostics[0].1.message,
            "user mz is given a password as a string literal (redacted) in version-controlled SQL"
        );
    }

    #[test]
    fn upstream_canary() {
        let upstream = format!(
            "CREATE ROLE mz_repl LOGIN PASSWORD '{CANARY}';\nCREATE USER 'mz'@'%' IDENTIFIED BY '{CANARY}';\n"
        );
        let files = [("upstream/roles.sql", upstream.as_str())];
        let config = "[files]\nupstream = [\"upstream/**\"]\n";
        let diagnostics = lint_project(&files, Some(config));
        assert!(!diagnostics.is_empty());
        assert!(!render_concise(&files, &diagnostics).contains(CANARY));
        for (_, d) in &diagnostics {
            assert!(!everything_said(d).contains(CANARY));
        }
    }

    #[test]
    fn snapshot() {
        insta::assert_snapshot!("bad_example", render_sql(BAD, &lint(BAD, None)));
    }
}

use super::common::name_as_written;
use crate::prelude::*;
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

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    let (verb, name, expr) = match &ctx.statement.kind {
        StatementKind::CreateSecret(create) => ("CREATE SECRET", &create.name, &create.value),
        StatementKind::AlterSecret(AlterSecret {
            name,
            action: AlterSecretAction::Value(expr),
            ..
        }) => ("ALTER SECRET", name, expr),
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

use crate::prelude::*;

declare_rule! {
/// * **Detects** accepted spellings that are not canonical: option `USERNAME` (→ `USER`); `IGNORE COLUMNS`
///   (→ `EXCLUDE COLUMNS`); `INTO` in FOR TABLES / ADD SUBSOURCE entries (→ `AS`); POSTGRES SSL MODE
///   `'required'` (→ `'require'`), `'verify-ca'`, `'verify-full'` (→ underscores); MYSQL `'require'`
///   (→ `'required'`), `'verify-ca'`, `'verify-identity'` (→ underscores); MYSQL and SQL SERVER SSL MODE in
///   upper or mixed case (→ lower case); SSL MODE as an unquoted identifier (→ quoted lower case);
///   SECURITY PROTOCOL and SASL MECHANISMS in lower or mixed case (→ upper case).
/// * **Not** on rejected values (MZ104, MZ108) or placeholders.
/// * **Message** (span: the option name or value): `'verify-full' is accepted, but the canonical spelling
///   is 'verify_full'`; `USERNAME is a synonym; the canonical option name is USER`.
/// * **Why**: Materialize accepts both (`connection.rs`) and prints the canonical form; generated SQL uses
///   hyphens (`MaterializeInc/terraform-provider-materialize` `pkg/materialize/connection_postgres_test.go`),
///   so repositories mix styles.
/// * **Fix (safe)**: replace with the canonical spelling.
/// * **Bad** `CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USERNAME 'mz', PASSWORD SECRET pg_pw, SSL MODE 'verify-full');`
/// * **Good** `CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'verify_full');`
    pub(crate) static RULE = {
        code: "MZ704",
        name: "noncanonical-spelling",
        severity: Info,
        scope: Statement,
        fix: Safe,
        fix_summary: "safe",
        summary: "Accepted but non-canonical spelling",
        check: Statement(check),
    }
}

fn check(_ctx: &StatementContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

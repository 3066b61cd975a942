use crate::prelude::*;

declare_rule! {
/// * **Detects** a secret written into SQL: `CREATE|ALTER SECRET … AS <expr>` whose expression contains a
///   string or bytea literal of any kind (`'…'`, `E'…'`, `$$…$$`, `decode('…', 'base64')`,
///   `'\x…'::bytea`); upstream PostgreSQL `CREATE|ALTER ROLE|USER … [ENCRYPTED] PASSWORD '…'` (hashed
///   `SCRAM-SHA-256$…`/`md5…` values too: they allow offline guessing); upstream MySQL
///   `CREATE|ALTER USER … IDENTIFIED [WITH <plugin>] BY '…'` and `SET PASSWORD … = '…'`.
/// * **Not** when every literal matches `security.placeholder-patterns`, on psql variables
///   (`PASSWORD :'pw'`), `PASSWORD NULL`, the empty string, values matching
///   `security.unfilled-placeholder-patterns` (MZ706), or connection-option literals (MZ105).
/// * **Message** (span: the value, shown as `'********'`): ``CREATE SECRET `pg_pw` embeds a string
///   literal (redacted) in version-controlled SQL`` — help: `render the value at deploy time (AS
///   '${PG_PASSWORD}' with envsubst, or a dbt env_var), or create the secret outside the repository`.
///   Upstream form: `role mz_repl is given a password as a string literal (redacted) in
///   version-controlled SQL`.
/// * **Why**: `CREATE SECRET` takes its value inline (`doc/user/data/examples/create_secret.yml`), so DDL
///   kept in git leaks credentials, as real projects do (`MaterializeInc/freshmart`
///   `mz_connection_setup.sql`).
/// * **Bad** `CREATE SECRET pg_pw AS 'S3cr3t-example-only';`
/// * **Good** `CREATE SECRET pg_pw AS '${PG_PASSWORD}';`
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

fn check(_ctx: &StatementContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

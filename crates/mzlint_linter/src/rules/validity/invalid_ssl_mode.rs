use crate::prelude::*;

declare_rule! {
/// * **Detects** an SSL MODE value the type rejects, in `CREATE CONNECTION` and `ALTER CONNECTION … SET`.
///   An unquoted identifier is folded to lower case first (`SSL MODE REQUIRE` is `'require'`). Accepted
///   values (`materialize-ddl.md` §4.3):
///
///   | Type | Default | Accepted values | Matching |
///   |---|---|---|---|
///   | POSTGRES | disable | disable, require, required, verify_ca, verify-ca, verify_full, verify-full | exact (case-sensitive) |
///   | MYSQL | disabled | disabled, required, require, verify_ca, verify-ca, verify_identity, verify-identity | ignores case |
///   | SQL SERVER | disabled | disabled, required, verify, verify_ca | ignores case |
///   | KAFKA, CSR, SSH, AWS, PRIVATELINK, ICEBERG | — | not allowed (MZ100) | — |
/// * **Not** on accepted non-canonical spellings (MZ704), a missing or SECRET value (MZ106), placeholders.
/// * **Message** (span: the value): ``unknown SSL MODE 'prefer' for POSTGRES connection `pg` `` — help:
///   `accepted: disable, require, verify_ca, verify_full; prefer and allow are not supported because they
///   fall back to plaintext`. Case form: ``unknown SSL MODE 'REQUIRE' for POSTGRES connection `pg`: quoted
///   values are case-sensitive`` — help `use 'require'`.
/// * **Why**: `invalid CONNECTION: unknown SSL MODE "prefer"` (`test/pg-cdc/pg-cdc-ssl.td`); PostgreSQL
///   and MySQL vocabularies get mixed up.
/// * **Fix (safe)**, quoted canonical value: POSTGRES case-only differences → canonical; `disabled` →
///   `'disable'`; `verify_identity`/`verify-identity` → `'verify_full'`. MYSQL `disable` → `'disabled'`;
///   `verify_full`/`verify-full` → `'verify_identity'`. SQL SERVER `disable` → `'disabled'`; `require` →
///   `'required'`. Otherwise (`prefer`, `preferred`, `allow`, …) none.
/// * **Bad** `CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'prefer');`
/// * **Good** `CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');`
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

fn check(_ctx: &StatementContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

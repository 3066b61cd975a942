use crate::prelude::*;

declare_rule! {
/// * **Detects** the same option twice in one list (connection, source, `WITH`, cluster, replica,
///   per-broker PrivateLink options); synonyms count as one (`USER`/`USERNAME`, `EXCLUDE`/`IGNORE
///   COLUMNS`). In `ALTER CONNECTION`: the same option in two `SET` actions, or in two `RESET`/`DROP`.
/// * **Not** on SET plus RESET of one option (MZ102), repeated brokers, AZs (MZ301) or column entries
///   (MZ110).
/// * **Message** (span: each later occurrence; note at the first): `HOST specified more than once`
///   (Materialize's text, `materialize-ddl.md` §1.8).
/// * **Why**: Materialize rejects it; with different values, the intended one is unknowable.
/// * **Fix (safe)** when the later value is identical (same token kind and text after folding; lists
///   element-wise; secrets compared, never shown): delete the later occurrence. Otherwise none.
/// * **Bad** `CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', HOST 'pg-replica.internal', PASSWORD SECRET pg_pw, SSL MODE 'require');`
/// * **Good** `CREATE CONNECTION pg TO POSTGRES (HOST 'pg-replica.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');`
    pub(crate) static RULE = {
        code: "MZ101",
        name: "duplicate-option",
        severity: Error,
        scope: Statement,
        fix: Safe,
        fix_summary: "safe (same value)",
        summary: "Same option twice in one list",
        check: Statement(check),
    }
}

fn check(_ctx: &StatementContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

use crate::prelude::*;

declare_rule! {
/// * **Detects** `CREATE CONNECTION x FOR <TYPE> opt, …` (2022 form, no parentheses) and `BROKERS [ … ]`.
/// * **Message** (span: `FOR <TYPE>`, or the brackets): ``connection `bastion` uses the legacy form FOR SSH
///   TUNNEL …; write TO SSH TUNNEL ( … )``; `BROKERS [ … ] is the legacy form; write BROKERS ( … )`.
/// * **Why**: documentation uses `TO <TYPE> (…)` and `BROKERS (…)`; `FOR` survives for compatibility
///   (`materialize-ddl.md` §6.2; older `test/ssh-connection/ssh-connections.td`).
/// * **Fix (safe)**: `FOR` → `TO` and parenthesise the option list (before any `WITH`); brackets →
///   parentheses.
/// * **Bad** `CREATE CONNECTION bastion FOR SSH TUNNEL HOST 'bastion.acme-corp.net', USER 'mz', PORT 22;`
/// * **Good** `CREATE CONNECTION bastion TO SSH TUNNEL (HOST 'bastion.acme-corp.net', USER 'mz', PORT 22);`
    pub(crate) static RULE = {
        code: "MZ703",
        name: "legacy-connection-syntax",
        severity: Warning,
        scope: Statement,
        fix: Safe,
        fix_summary: "safe",
        summary: "`CREATE CONNECTION … FOR <TYPE>`, `BROKERS [ … ]`",
        check: Statement(check),
    }
}

fn check(_ctx: &StatementContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

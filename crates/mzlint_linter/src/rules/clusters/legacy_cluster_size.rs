use crate::prelude::*;

declare_rule! {
/// * **Detects** a legacy SIZE in `CREATE CLUSTER`, `ALTER CLUSTER … SET`, a `REPLICAS (…)` replica or
///   `CREATE CLUSTER REPLICA`: `3xsmall`, `2xsmall`, `xsmall`, `small`, `medium`, `large`, `xlarge`,
///   `2xlarge` … `6xlarge` (ignoring case), `<digits>cc`, `<digits>C`.
/// * **Not** on `M.1-…` sizes, any other value (self-managed sizes are custom), placeholders.
/// * **Message** (span: the value): `cluster size 'xsmall' is a legacy size` — help: `use an M.1 size such
///   as 'M.1-small'; regions opened after April 2024 have no t-shirt sizes and cc sizes are superseded
///   (see Materialize's M.1 sizing page for equivalents)`.
/// * **Why**: "you should not use legacy sizes … recommend M.1 sizes for all new clusters"
///   (MaterializeInc/agent-skills `skills/materialize-docs/sql/create-cluster/index.md`).
/// * **Bad** `CREATE CLUSTER ingest (SIZE = 'xsmall');`
/// * **Good** `CREATE CLUSTER ingest (SIZE = 'M.1-small');`
    pub(crate) static RULE = {
        code: "MZ602",
        name: "legacy-cluster-size",
        severity: Info,
        scope: Statement,
        fix: None,
        fix_summary: "none",
        summary: "Legacy t-shirt or `cc` cluster size",
        check: Statement(check),
    }
}

fn check(_ctx: &StatementContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

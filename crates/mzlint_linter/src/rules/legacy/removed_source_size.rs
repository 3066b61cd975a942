use crate::prelude::*;

declare_rule! {
/// * **Detects** SIZE in the `WITH (…)` of `CREATE SOURCE` or `CREATE SINK`, and in `ALTER SOURCE|SINK …
///   SET (…)` / `RESET (…)` (parser recovery, MZ000 table).
/// * **Message** (span: the SIZE option): ``SIZE on sources was removed: source `src` runs on the cluster
///   named by IN CLUSTER`` — help: `remove SIZE = '3xsmall' and size the cluster instead (CREATE CLUSTER
///   ingest (SIZE = 'M.1-small'))`.
/// * **Why**: source and sink sizes were replaced by clusters, then removed; Materialize answers `Expected
///   one of TIMESTAMP or RETAIN, found SIZE` (MaterializeInc/terraform-provider-materialize#437; PR 24099).
///   Still common in examples (`MaterializeInc/demos`).
/// * **Fix (unsafe)**: delete SIZE (and an emptied `WITH (…)`); without IN CLUSTER and with
///   `clusters.default-ingest-cluster` set, also insert IN CLUSTER as MZ600 does. Capacity and placement
///   change.
/// * **Bad** `CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders) WITH (SIZE = '3xsmall');`
/// * **Good** `CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders);`
    pub(crate) static RULE = {
        code: "MZ700",
        name: "removed-source-size",
        severity: Error,
        scope: Statement,
        fix: Unsafe,
        fix_summary: "unsafe",
        summary: "SIZE on a source or sink (removed)",
        check: Statement(check),
    }
}

fn check(_ctx: &StatementContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

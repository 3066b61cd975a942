use crate::prelude::*;

declare_rule! {
/// * **Detects** `CREATE SOURCE` (any kind, webhooks included) without `IN CLUSTER`.
/// * **Not** after a `SET cluster = …` earlier in the file, or on `CREATE TABLE … FROM SOURCE` (it runs on
///   its source's cluster).
/// * **Message** (span: the name span): ``source `src` has no IN CLUSTER, so it is created in whatever
///   cluster the session uses`` — help: `add IN CLUSTER <cluster> after the name; use a cluster dedicated
///   to ingestion`.
/// * **Why**: "If omitted, the source is created in the current cluster"
///   (`doc/user/data/examples/ingest_data/postgres/create_source_cloud.yml`); production guidance is a
///   dedicated source cluster (MaterializeInc/agent-skills
///   `skills/materialize-docs/manage/operational-guidelines/index.md`).
/// * **Fix (safe)**: insert ` IN CLUSTER <default-ingest-cluster>` after the name (after a column list),
///   quoting the name if needed.
/// * **Bad** `CREATE SOURCE src FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders);`
/// * **Good** `CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders);`
    pub(crate) static RULE = {
        code: "MZ600",
        name: "source-without-cluster",
        severity: Warning,
        scope: Statement,
        fix: Safe,
        fix_summary: "safe (when configured)",
        summary: "CREATE SOURCE without IN CLUSTER",
        check: Statement(check),
    }
}

fn check(_ctx: &StatementContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

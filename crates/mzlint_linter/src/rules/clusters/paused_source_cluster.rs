use crate::prelude::*;

declare_rule! {
/// * **Detects** `REPLICATION FACTOR = 0` (CREATE or ALTER CLUSTER) or `REPLICAS ()` for a cluster hosting
///   a source or sink anywhere in the project; each such statement.
/// * **Message** (span: the option; note at a hosted source): ``cluster `ingest` gets REPLICATION FACTOR 0
///   but hosts source `src`: ingestion stops and the upstream replication slot keeps growing`` — help:
///   `keep REPLICATION FACTOR 1 or more on clusters with sources or sinks`.
/// * **Why**: with factor 0 "sources, and sinks on the cluster will cease to make progress" (create-cluster
///   docs); a stalled Postgres source retains WAL upstream (`doc/user/content/sql/create-source/postgres.md`).
/// * **Bad** `ALTER CLUSTER ingest SET (REPLICATION FACTOR = 0);` in a project with `CREATE SOURCE src IN CLUSTER ingest …`
/// * **Good** `ALTER CLUSTER ingest SET (REPLICATION FACTOR = 1);`
    pub(crate) static RULE = {
        code: "MZ603",
        name: "paused-source-cluster",
        severity: Warning,
        scope: Project,
        fix: None,
        fix_summary: "none",
        summary: "REPLICATION FACTOR 0 on a cluster with sources or sinks",
        check: Project(check),
    }
}

fn check(_ctx: &ProjectContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

use crate::prelude::*;

declare_rule! {
/// * **Detects** a source whose cluster is in `clusters.shared-clusters`, or also hosts a materialized
///   view, index or sink anywhere in the project; once per source.
/// * **Not** when the cluster is unknown, or for other sources (sources may share an ingestion cluster).
/// * **Message** (span: the source's `IN CLUSTER`; notes at up to 3 co-located objects): ``source `src`
///   shares cluster `app` with materialized view `order_totals` `` — help: `run sources on a dedicated
///   ingestion cluster; compute and queries on the same cluster compete with ingestion for memory and CPU`.
///   Other forms: ``… shares cluster `app` with sink `orders_sink` ``; ``source `src` runs on the shared
///   cluster `quickstart` ``.
/// * **Why**: "use a dedicated cluster for sources … avoid putting sources on the same cluster that hosts
///   compute objects, sinks, and/or serves queries" (operational guidelines, above).
/// * **Bad**
///   ```sql
///   CREATE SOURCE src IN CLUSTER app FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders);
///   CREATE MATERIALIZED VIEW order_totals IN CLUSTER app AS SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id;
///   ```
/// * **Good**
///   ```sql
///   CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders);
///   CREATE MATERIALIZED VIEW order_totals IN CLUSTER transform AS SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id;
///   ```
    pub(crate) static RULE = {
        code: "MZ601",
        name: "shared-source-cluster",
        severity: Warning,
        scope: Project,
        fix: None,
        fix_summary: "none",
        summary: "Source shares its cluster with compute, sinks or queries",
        check: Project(check),
    }
}

fn check(_ctx: &ProjectContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

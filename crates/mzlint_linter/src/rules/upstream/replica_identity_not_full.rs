use crate::prelude::*;

declare_rule! {
/// * **Detects**, for a covered source, each table of `I(S)` whose final replica identity is not `FULL`
///   (`DEFAULT`, `NOTHING`, `USING INDEX`, or unknown because the project never sets it). Leaf partitions
///   are checked one by one: FULL on a partitioned parent does not reach its partitions.
/// * **Message** (span: the reference or FOR clause; note at the `CREATE TABLE`): ``public.orders is
///   ingested by source `src` but has REPLICA IDENTITY DEFAULT upstream; Materialize requires REPLICA
///   IDENTITY FULL`` — help: `add upstream: ALTER TABLE public.orders REPLICA IDENTITY FULL;`. Unknown form:
///   ``… but the upstream SQL never sets its REPLICA IDENTITY to FULL``; aggregated form: ``2 tables
///   ingested by source `src` lack REPLICA IDENTITY FULL upstream: public.orders, public.customers``.
/// * **Why**: `referenced items not tables with REPLICA IDENTITY FULL` (`src/sql/src/pure/postgres.rs`;
///   `test/pg-cdc/pg-cdc.td`; issue 15890); it "does not cascade" to partitions
///   (`doc/user/content/ingest-data/postgres/partitioned-tables.md`).
/// * **Bad** — upstream:
///   ```sql
///   CREATE TABLE public.orders (id bigint PRIMARY KEY, total numeric(12,2));
///   CREATE PUBLICATION mz_pub FOR TABLE public.orders;
///   ```
///   Materialize: `CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders);`
/// * **Good** — upstream adds `ALTER TABLE public.orders REPLICA IDENTITY FULL;`; same source.
    pub(crate) static RULE = {
        code: "MZ404",
        name: "replica-identity-not-full",
        severity: Error,
        scope: Project,
        fix: None,
        fix_summary: "none",
        summary: "Ingested table lacks REPLICA IDENTITY FULL",
        check: Project(check),
    }
}

fn check(_ctx: &ProjectContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

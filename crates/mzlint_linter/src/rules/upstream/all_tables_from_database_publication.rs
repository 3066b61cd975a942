use crate::prelude::*;

declare_rule! {
/// * **Detects** a covered source with legacy `FOR ALL TABLES` over a publication that is `FOR ALL TABLES`
///   upstream. **Not** when either side is scoped.
/// * **Message** (span: `FOR ALL TABLES`): ``source `src` takes FOR ALL TABLES of publication 'mz_pub',
///   which is FOR ALL TABLES upstream: every table of the database is ingested, including tables created
///   later`` — help: `publish only the tables you need (CREATE PUBLICATION mz_pub FOR TABLE …) and list
///   them here with FOR TABLES (…)`.
/// * **Why**: the setup guide says to publish only the needed tables; any one table without REPLICA
///   IDENTITY FULL, with an unsupported type or a clashing name then breaks the source
///   (`test/pg-cdc/subsource-resolution-duplicates.td`; issue 26466).
/// * **Bad** — upstream:
///   ```sql
///   CREATE TABLE public.orders (id bigint PRIMARY KEY, total numeric(12,2));
///   ALTER TABLE public.orders REPLICA IDENTITY FULL;
///   CREATE PUBLICATION mz_pub FOR ALL TABLES;
///   ```
///   Materialize: `CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR ALL TABLES;`
/// * **Good** — upstream ends with `CREATE PUBLICATION mz_pub FOR TABLE public.orders;`; Materialize:
///   `CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders);`
    pub(crate) static RULE = {
        code: "MZ402",
        name: "all-tables-from-database-publication",
        severity: Warning,
        scope: Project,
        fix: None,
        fix_summary: "none",
        summary: "FOR ALL TABLES over a FOR ALL TABLES publication",
        check: Project(check),
    }
}

fn check(_ctx: &ProjectContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

use crate::prelude::*;

declare_rule! {
/// * **Detects** a publication used by a covered source, some of whose known members are in no covered
///   source's `I(S)` (tables of a FOR SCHEMAS schema count as ingested).
/// * **Not** when a source on it uses `FOR ALL TABLES` (MZ402), or for publications no source uses.
/// * **Message** (span: the publication name in its defining `CREATE PUBLICATION`; note at a source):
///   `publication mz_pub publishes 1 table that no Materialize source ingests: public.customers` (at most
///   10 names, then `and N more`) — help: `ALTER PUBLICATION mz_pub DROP TABLE public.customers;`.
/// * **Why**: published tables stream their changes even if unused; Materialize ingests and discards them
///   (`doc/user/layouts/shortcodes/postgres-direct/create-a-publication-other.html`); an unrelated table
///   has broken sources before (issue 15889).
/// * **Fix (display-only)**: remove the unused tables from the defining statement's FOR TABLE list when
///   they are listed there and one table remains.
/// * **Bad** (running example) `CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders);`
/// * **Good** — upstream publication `CREATE PUBLICATION mz_pub FOR TABLE public.orders;` with the same
///   source.
    pub(crate) static RULE = {
        code: "MZ403",
        name: "unused-publication-tables",
        severity: Info,
        scope: Project,
        fix: DisplayOnly,
        fix_summary: "display-only",
        summary: "Published tables no source ingests",
        check: Project(check),
    }
}

fn check(_ctx: &ProjectContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

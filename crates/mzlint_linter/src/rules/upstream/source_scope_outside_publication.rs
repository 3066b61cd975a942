use crate::prelude::*;

declare_rule! {
/// * **Detects**, for a covered source, a FOR TABLES entry, ALTER SOURCE … ADD entry or REFERENCE that
///   resolves to no member of `T(p)`, and a FOR SCHEMAS entry naming a schema neither listed in `p` nor
///   holding a member.
/// * **Not** on references assumed present, or ambiguous ones (MZ407).
/// * **Message** (span: the entry): `public.refunds is not in publication 'mz_pub' (FOR TABLE
///   public.orders, public.customers)` — help: `add it upstream (ALTER PUBLICATION mz_pub ADD TABLE
///   public.refunds;) or remove it here`. Schema form: `schema 'billing' has no tables in publication
///   'mz_pub'`.
/// * **Why**: Materialize resolves references against the publication only (`reference to public.refunds
///   not found in source`; `no tables found in referenced schemas`: `src/sql/src/pure/error.rs`; issue
///   29504).
/// * **Bad** (running example) `CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders, public.customers, public.refunds);`
/// * **Good** `CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders, public.customers);`
    pub(crate) static RULE = {
        code: "MZ401",
        name: "source-scope-outside-publication",
        severity: Error,
        scope: Project,
        fix: None,
        fix_summary: "none",
        summary: "Table or schema asked for is not in the publication",
        check: Project(check),
    }
}

fn check(_ctx: &ProjectContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

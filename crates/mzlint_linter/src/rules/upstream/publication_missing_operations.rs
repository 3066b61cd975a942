use crate::prelude::*;

declare_rule! {
/// * **Detects** a publication used by a covered source whose final `publish` list (comma-separated,
///   trimmed, ignoring case) lacks `insert`, `update` or `delete`. **Not** on a missing `truncate`.
/// * **Message** (span: the `publish` option of the statement that set it; note at a source):
///   `publication mz_pub publishes only insert; Materialize needs insert, update and delete` — help:
///   `remove the publish option (the default publishes every operation)`.
/// * **Why**: Materialize then sees changes to rows it never saw, or misses them: "Invalid data in source,
///   saw retractions (1) for row that does not exist" (`test/pg-cdc/publication-with-publish-option.td`).
/// * **Fix (unsafe)**: delete the option, and the `WITH (…)` when emptied (other subscribers then see every
///   operation).
/// * **Bad** — running example with `CREATE PUBLICATION mz_pub FOR TABLE public.orders, public.customers WITH (publish = 'insert');`
/// * **Good** — `CREATE PUBLICATION mz_pub FOR TABLE public.orders, public.customers;` (source `src` in
///   both).
    pub(crate) static RULE = {
        code: "MZ405",
        name: "publication-missing-operations",
        severity: Error,
        scope: Project,
        fix: Unsafe,
        fix_summary: "unsafe",
        summary: "Publication omits insert, update or delete",
        check: Project(check),
    }
}

fn check(_ctx: &ProjectContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

use crate::prelude::*;

declare_rule! {
/// * **Detects** a TEXT / EXCLUDE / IGNORE COLUMNS entry naming a column the upstream table lacks in its
///   final state (after ADD, DROP, RENAME COLUMN). Legacy entries are qualified; those of `CREATE TABLE …
///   FROM SOURCE … WITH` are qualified by its REFERENCE. Applies to covered Postgres sources and to MySQL
///   sources, when the table's `CREATE TABLE` is in the respective model.
/// * **Not** when the `CREATE TABLE` is not in the project, or on dangling entries (MZ110).
/// * **Message** (span: the entry): `column public.orders.internal_note does not exist upstream` — help:
///   `did you mean internal_notes? columns of public.orders: id, customer_id, status, total, internal_notes`
///   (at most 20 listed).
/// * **Why**: `invalid TEXT COLUMNS option value: column "orders.internal_note" does not exist` (issue
///   29586; `src/sql/src/pure/postgres.rs`).
/// * **Fix (unsafe)**: when exactly one column is within edit distance 2, replace the entry's last part.
/// * **Bad** (running example) `CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub', EXCLUDE COLUMNS (public.orders.internal_note)) FOR TABLES (public.orders, public.customers);`
/// * **Good** `CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub', EXCLUDE COLUMNS (public.orders.internal_notes)) FOR TABLES (public.orders, public.customers);`
    pub(crate) static RULE = {
        code: "MZ409",
        name: "unknown-upstream-column",
        severity: Error,
        scope: Project,
        fix: Unsafe,
        fix_summary: "unsafe",
        summary: "TEXT/EXCLUDE COLUMNS names a missing upstream column",
        check: Project(check),
    }
}

fn check(_ctx: &ProjectContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

use crate::prelude::*;

declare_rule! {
/// * **Detects** `TRUNCATE [TABLE] [ONLY] t, …` in upstream SQL where `t` (or a leaf of `t`) is in a covered
///   source's `I(S)`.
/// * **Message** (span: the table name; note at the source): ``TRUNCATE of public.orders, which source
///   `src` ingests: Materialize cannot replicate a truncate and the source becomes unusable`` — help:
///   `use DELETE FROM public.orders; instead`.
/// * **Why**: "Upstream tables replicated into Materialize should not be truncated … use an unqualified
///   DELETE" (`doc/user/shared-content/postgres-considerations.md`).
/// * **Fix (display-only)**: for one table without CASCADE or RESTART IDENTITY, replace the statement with
///   `DELETE FROM <table>`.
/// * **Bad** — running example, source `src`, and `upstream/cleanup.sql`: `TRUNCATE public.orders;`
/// * **Good** — `upstream/cleanup.sql`: `DELETE FROM public.orders;`
    pub(crate) static RULE = {
        code: "MZ412",
        name: "truncate-replicated-table",
        severity: Warning,
        scope: Project,
        fix: DisplayOnly,
        fix_summary: "display-only",
        summary: "Upstream SQL truncates an ingested table",
        check: Project(check),
    }
}

fn check(_ctx: &ProjectContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

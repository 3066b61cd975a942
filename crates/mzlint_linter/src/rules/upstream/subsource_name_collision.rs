use crate::prelude::*;

declare_rule! {
/// * **Detects**
///   1. two FOR TABLES (or ADD SUBSOURCE) entries creating subsources of one name — the `AS`/`INTO` alias,
///      else the last part of the upstream name (`multiple subsources would be named events`);
///   2. one upstream table listed twice (`multiple subsources refer to table public.orders`);
///   3. covered sources: FOR ALL TABLES or FOR SCHEMAS expanding to same-named tables of different schemas;
///   4. covered sources: a reference resolving to several members (`reference to events is ambiguous,
///      consider specifying an additional layer of qualification`).
///
///   Cases 1–2 are decided from the statement alone and reported even without upstream SQL — the one
///   exception to this section's silence rule, since Materialize rejects them whatever upstream holds.
/// * **Not** on names chosen by `CREATE TABLE … FROM SOURCE` (MZ502).
/// * **Message** (span: the second colliding entry, or the FOR clause): `multiple subsources would be
///   named events: public.events and audit.events` — help: `Specify target table names using FOR TABLES
///   (public.events AS events, audit.events AS audit_events), or limit the upstream tables using FOR
///   SCHEMAS (…)`.
/// * **Why**: purification rejects these (`test/pg-cdc/subsource-resolution-duplicates.td`;
///   `materialize-ddl.md` §5.3).
/// * **Bad** — upstream:
///   ```sql
///   CREATE TABLE public.events (id bigint PRIMARY KEY, kind text);
///   CREATE TABLE audit.events (id bigint PRIMARY KEY, actor text);
///   ALTER TABLE public.events REPLICA IDENTITY FULL;
///   ALTER TABLE audit.events REPLICA IDENTITY FULL;
///   CREATE PUBLICATION mz_events FOR TABLES IN SCHEMA public, audit;
///   ```
///   Materialize: `CREATE SOURCE ev IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_events') FOR SCHEMAS (public, audit);`
/// * **Good** `CREATE SOURCE ev IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_events') FOR TABLES (public.events AS events, audit.events AS audit_events);`
    pub(crate) static RULE = {
        code: "MZ407",
        name: "subsource-name-collision",
        severity: Error,
        scope: Project,
        fix: None,
        fix_summary: "none",
        summary: "Two subsources get one name, or a reference is ambiguous",
        check: Project(check),
    }
}

fn check(_ctx: &ProjectContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

use crate::prelude::*;

declare_rule! {
/// * **Detects** a publication used by a covered source whose final `publish_via_partition_root` is true
///   (`true`, `on`, `1`, `yes`, or no value).
/// * **Message** (span: the option; note at a source): `publication mz_events sets
///   publish_via_partition_root = true, which Materialize does not support` — help: `remove it; Materialize
///   ingests each leaf partition, and with the option results can be wrong after partitions are attached,
///   detached or truncated`.
/// * **Why**: "Do not create a publication with publish_via_partition_root = true for a Materialize
///   source" (`doc/user/content/ingest-data/postgres/partitioned-tables.md`).
/// * **Fix (display-only)**: delete the option (and an emptied `WITH (…)`).
/// * **Bad** — upstream:
///   ```sql
///   CREATE TABLE public.events (id bigint, created_at timestamptz) PARTITION BY RANGE (created_at);
///   CREATE TABLE public.events_2026_01 PARTITION OF public.events FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
///   ALTER TABLE public.events_2026_01 REPLICA IDENTITY FULL;
///   CREATE PUBLICATION mz_events FOR TABLE public.events WITH (publish_via_partition_root = true);
///   ```
///   Materialize: `CREATE SOURCE ev IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_events') FOR TABLES (public.events_2026_01);`
/// * **Good** — the same with `CREATE PUBLICATION mz_events FOR TABLE public.events;`.
    pub(crate) static RULE = {
        code: "MZ406",
        name: "publish-via-partition-root",
        severity: Error,
        scope: Project,
        fix: DisplayOnly,
        fix_summary: "display-only",
        summary: "Publication uses `publish_via_partition_root`",
        check: Project(check),
    }
}

fn check(_ctx: &ProjectContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

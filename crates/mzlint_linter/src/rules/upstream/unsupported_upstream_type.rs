use crate::prelude::*;

declare_rule! {
/// * **Detects**, for a covered Postgres source, a column of a table of `I(S)` (with its `CREATE TABLE` in
///   the model) whose type Materialize cannot ingest natively, not named by a TEXT COLUMNS or EXCLUDE
///   COLUMNS option applying to that table (the legacy statement adding it, or the table's `WITH`).
///   * **Supported** after resolving aliases: `bool`, `bpchar`, `bytea`, `"char"`, `date`, `daterange`,
///     `float4`, `float8`, `int2`, `int2vector`, `int4`, `int4range`, `int8`, `int8range`, `interval`,
///     `json`, `jsonb`, `numeric`, `numrange`, `oid`, `text`, `time`, `timestamp`, `timestamptz`,
///     `tsrange`, `tstzrange`, `uuid`, `varchar`, and arrays of these (`T[]`, `T[n]`, `T ARRAY`, any
///     dimension).
///   * **Aliases**: `boolean`→bool; `smallint`, `smallserial`→int2; `integer`, `int`, `serial`→int4;
///     `bigint`, `bigserial`→int8; `real`, `float(1–24)`→float4; `double precision`, `float`,
///     `float(25–53)`→float8; `decimal`→numeric; `character varying`→varchar; `character`, unquoted
///     `char`→bpchar; `timestamp [without time zone]`→timestamp; `timestamp with time zone`→timestamptz;
///     `time [without time zone]`→time. Modifiers (`(n)`, `(p,s)`) and a `pg_catalog.` prefix are ignored;
///     a domain resolves to its base type.
///   * **Everything else is unsupported**: enums, composite and user range types, `time with time zone`,
///     `money`, `inet`, `cidr`, `macaddr`, `bit`, `varbit`, `xml`, `tsvector`, geometric types, `name`,
///     extension types (`citext`, `hstore`, `geometry`), …. MySQL sources are not checked.
/// * **Message** (span: the reference or FOR clause; note at the column): `column public.orders.status
///   has type order_status (an enum), which Materialize cannot ingest natively` — help: `add TEXT COLUMNS
///   (public.orders.status) to ingest it as text, or EXCLUDE COLUMNS to skip it`.
/// * **Why**: `referenced tables use unsupported types`, with the hint to use TEXT COLUMNS
///   (`test/pg-cdc/pg-cdc.td`; list in `doc/user/shared-content/postgres-considerations.md`).
/// * **Fix (unsafe)**: legacy `CREATE SOURCE` / `ALTER SOURCE … ADD`: append `schema.table.column` to an
///   existing TEXT COLUMNS list, else insert `, TEXT COLUMNS (…)` after the last source option (for ADD,
///   `WITH (TEXT COLUMNS (…))`); `CREATE TABLE … FROM SOURCE`: extend or add `WITH (TEXT COLUMNS (column))`.
/// * **Bad** — upstream:
///   ```sql
///   CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');
///   CREATE TABLE public.orders (id bigint PRIMARY KEY, status order_status, total numeric(12,2));
///   ALTER TABLE public.orders REPLICA IDENTITY FULL;
///   CREATE PUBLICATION mz_pub FOR TABLE public.orders;
///   ```
///   Materialize: `CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders);`
/// * **Good** `CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub', TEXT COLUMNS (public.orders.status)) FOR TABLES (public.orders);`
    pub(crate) static RULE = {
        code: "MZ410",
        name: "unsupported-upstream-type",
        severity: Error,
        scope: Project,
        fix: Unsafe,
        fix_summary: "unsafe",
        summary: "Ingested column of an unsupported type",
        check: Project(check),
    }
}

fn check(_ctx: &ProjectContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

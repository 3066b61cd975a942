use crate::prelude::*;

declare_rule! {
/// TABLES
///
/// * **Detects** legacy multi-output syntax that Materialize rejects under `force_source_table_syntax`:
///   `FOR ALL TABLES`, `FOR TABLES`, `FOR SCHEMAS` on `CREATE SOURCE`; `ALTER SOURCE … ADD SUBSOURCE|
///   TABLE`; TEXT/EXCLUDE COLUMNS in `CREATE SOURCE` options; FORMAT, ENVELOPE, INCLUDE, a column list or
///   `EXPOSE PROGRESS` on `CREATE SOURCE` (Kafka, load generators).
/// * **Message** (span: the clause): `FOR TABLES creates legacy subsources; create the source alone and add
///   each table with CREATE TABLE … FROM SOURCE` — help: `CREATE TABLE orders FROM SOURCE src (REFERENCE
///   public.orders);`.
/// * **Why**: the source-table model is the documented syntax from v26 (`doc/user/content/sql/create-source/postgres-v2.md`);
///   under `force_source_table_syntax` the clauses fail with `<clause> not supported; use CREATE TABLE ..
///   FROM SOURCE instead`.
/// * **Fix (display-only)** for FOR TABLES: the statement without FOR clause and TEXT/EXCLUDE COLUMNS,
///   then per entry `CREATE TABLE <alias or table> FROM SOURCE <source> (REFERENCE <upstream name>)`,
///   carrying its columns unqualified in `WITH (TEXT COLUMNS (…))` / `WITH (EXCLUDE COLUMNS (…))`.
/// * **Bad** (MZ702 enabled) `CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders);`
/// * **Good**
///   ```sql
///   CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub');
///   CREATE TABLE orders FROM SOURCE src (REFERENCE public.orders);
///   ```
    pub(crate) static RULE = {
        code: "MZ702",
        name: "legacy-subsource-syntax",
        severity: Info,
        enabled_by_default: false,
        scope: Statement,
        fix: DisplayOnly,
        fix_summary: "display-only (FOR TABLES)",
        summary: "Legacy subsource syntax; suggests CREATE TABLE … FROM SOURCE",
        check: Statement(check),
    }
}

fn check(_ctx: &StatementContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

use crate::prelude::*;

declare_rule! {
/// **Fix** safe for cases 2 and 5
///
/// * **Detects**, in TEXT / EXCLUDE / IGNORE COLUMNS lists:
///   1. in `CREATE SOURCE` and `ALTER SOURCE … ADD … WITH` (qualified context): a POSTGRES entry with one
///      part (`column name 'kind' must have at least a table qualification`); a MYSQL or SQL SERVER entry
///      with fewer than three (`schema.table.column`);
///   2. in `CREATE TABLE … FROM SOURCE … WITH` (unqualified context): an entry with more than one part;
///   3. qualified context: an entry whose table the statement does not add (`TEXT COLUMNS refers to table
///      not currently being added`) — added tables are the FOR TABLES entries, tables of FOR SCHEMAS
///      schemas, the ADD list; names match from the right (table names equal, and each further part
///      present on both sides equal); skipped under FOR ALL TABLES;
///   4. `CREATE SOURCE` with TEXT/EXCLUDE COLUMNS and no FOR clause (`TEXT COLUMNS option is unnecessary
///      when no tables are added`);
///   5. one entry twice in a list, after folding (`unexpected multiple references to …`).
/// * **Message** (span: the entry; case 4, the option): `TEXT COLUMNS refers to table public.users, which
///   this statement does not add` — help: `add public.users to FOR TABLES, or remove the column`. Case 2:
///   `TEXT COLUMNS of CREATE TABLE … FROM SOURCE takes unqualified column names`. Case 4 help: `move the
///   column to CREATE TABLE … FROM SOURCE … WITH (TEXT COLUMNS (column))`.
/// * **Why**: rejected during purification (`src/sql/src/pure/postgres.rs`, `src/sql/src/pure/error.rs`;
///   `materialize-ddl.md` §7.3 X77–X79).
/// * **Fix**: case 2 (*safe*) drop the qualifier when it equals the statement's REFERENCE table (and
///   schema, if written); case 5 (*safe*) delete the repeat.
/// * **Bad** `CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub', TEXT COLUMNS (public.users.kind)) FOR TABLES (public.orders);`
/// * **Good** `CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub', TEXT COLUMNS (public.orders.status)) FOR TABLES (public.orders);`
    pub(crate) static RULE = {
        code: "MZ110",
        name: "column-option-reference-invalid",
        severity: Error,
        scope: Statement,
        fix: Safe,
        fix_summary: "safe (some cases)",
        summary: "TEXT/EXCLUDE COLUMNS entry mis-qualified, dangling, pointless or repeated",
        check: Statement(check),
    }
}

fn check(_ctx: &StatementContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

use crate::prelude::*;

declare_rule! {
/// **Fix** unsafe when upstream SQL pins the schema
///
/// * **Detects** a one-part upstream name (before `AS`/`INTO`) in `FOR TABLES` of a `CREATE SOURCE … FROM
///   MYSQL CONNECTION`, or in `ALTER SOURCE s ADD SUBSOURCE|TABLE` when `s` is a MySQL source.
/// * **Not** on FOR SCHEMAS entries, `REFERENCE` of `CREATE TABLE … FROM SOURCE`, or Postgres and SQL
///   Server sources.
/// * **Message** (span: the entry): `Invalid MySQL table reference: orders` — help: `Specify tables names
///   as SCHEMA_NAME.TABLE_NAME (the MySQL database is the schema), e.g. shop.orders`.
/// * **Why**: rejected in purification (`MySqlSourcePurificationError::InvalidTableReference`,
///   `src/sql/src/pure/error.rs`); MySQL has no level above schemas.
/// * **Fix (unsafe)**: when the MySQL upstream model (§5.4) has exactly one table of that name, prefix
///   its schema.
/// * **Bad** `CREATE SOURCE shop_src IN CLUSTER ingest FROM MYSQL CONNECTION shop FOR TABLES (orders, shop.customers);`
/// * **Good** `CREATE SOURCE shop_src IN CLUSTER ingest FROM MYSQL CONNECTION shop FOR TABLES (shop.orders, shop.customers);`
    pub(crate) static RULE = {
        code: "MZ111",
        name: "mysql-table-reference-unqualified",
        severity: Error,
        scope: Statement,
        fix: Unsafe,
        fix_summary: "unsafe",
        summary: "MySQL table reference without schema",
        check: Statement(check),
    }
}

fn check(_ctx: &StatementContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

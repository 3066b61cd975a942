use crate::prelude::*;

declare_rule! {
/// ## What it does
///
/// Reports a one-part upstream table name (the name before `AS`/`INTO`) in `FOR TABLES` of a
/// `CREATE SOURCE … FROM MYSQL CONNECTION`, or in `ALTER SOURCE s ADD SUBSOURCE|TABLE` when the
/// project defines `s` as a MySQL source. FOR SCHEMAS entries, the `REFERENCE` of `CREATE TABLE …
/// FROM SOURCE`, and Postgres and SQL Server sources are not reported.
///
/// The message is `Invalid MySQL table reference: orders` (Materialize's text); the span is the
/// entry.
///
/// ## Why is this bad?
///
/// MySQL has no level above schemas — the MySQL "database" is the schema — so Materialize needs
/// `schema.table` and rejects the source during purification
/// (`MySqlSourcePurificationError::InvalidTableReference`).
///
/// ## Example
///
/// ```sql
/// CREATE SOURCE shop_src IN CLUSTER ingest FROM MYSQL CONNECTION shop FOR TABLES (orders, shop.customers);
/// ```
///
/// Use instead:
///
/// ```sql
/// CREATE SOURCE shop_src IN CLUSTER ingest FROM MYSQL CONNECTION shop FOR TABLES (shop.orders, shop.customers);
/// ```
///
/// ## Fix
///
/// Unsafe, when the project's upstream MySQL SQL defines exactly one table of that name: prefix its
/// schema. (Not offered yet: the project model does not hold the MySQL upstream tables.)
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

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    let refs: Vec<&ExternalRef> = match &ctx.statement.kind {
        StatementKind::CreateSource(source) => {
            let SourceBody::Connection(conn) = &source.body else {
                return;
            };
            if conn.kind != SourceKind::MySql {
                return;
            }
            match conn.external_refs.as_ref().map(|r| &r.kind) {
                Some(ExternalRefsKind::Tables(refs)) => refs.iter().collect(),
                _ => return,
            }
        }
        StatementKind::AlterSource(alter) => {
            let AlterSourceAction::AddSubsources { refs, .. } = &alter.action else {
                return;
            };
            if ctx.project().source_kind(ctx.location(), &alter.name) != Some(SourceKind::MySql) {
                return;
            }
            refs.iter().collect()
        }
        _ => return,
    };
    // A schema to show in the example: the one the other entries use, when
    // they agree on one.
    let mut schemas: Vec<&str> = refs
        .iter()
        .filter(|r| r.upstream.parts.len() >= 2)
        .map(|r| r.upstream.parts[r.upstream.parts.len() - 2].value.as_str())
        .collect();
    schemas.sort_unstable();
    schemas.dedup();
    let schema = match schemas.as_slice() {
        [one] => *one,
        _ => "schema_name",
    };
    for r in refs {
        let name = &r.upstream;
        if name.parts.len() != 1 || name.is_placeholder() {
            continue;
        }
        let table = &name.parts[0].value;
        out.push(
            ctx.diagnostic(
                &RULE,
                r.span,
                format!("Invalid MySQL table reference: {table}"),
            )
            .with_help(format!(
                "Specify tables names as SCHEMA_NAME.TABLE_NAME (the MySQL database is the schema), e.g. {schema}.{table}"
            )),
        );
    }
}

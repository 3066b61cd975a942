use crate::prelude::*;
use crate::rules::common::quote_ident;

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
/// schema.
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
        // The fix: when the MySQL upstream SQL has exactly one table of that
        // name, prefix its schema.
        let pinned = ctx.project().upstream.mysql_schemas_of_table(table);
        let fix = match pinned.as_slice() {
            [only] => Some(Fix::unsafe_(
                format!("Qualify as {only}.{table}"),
                vec![Edit::insert(
                    name.span.start,
                    format!("{}.", quote_ident(only)),
                )],
            )),
            _ => None,
        };
        let example = match pinned.as_slice() {
            [only] => only.as_str(),
            _ => schema,
        };
        out.push(
            ctx.diagnostic(
                &RULE,
                r.span,
                format!("Invalid MySQL table reference: {table}"),
            )
            .with_help(format!(
                "Specify tables names as SCHEMA_NAME.TABLE_NAME (the MySQL database is the schema), e.g. {example}.{table}"
            ))
            .with_fix_opt(fix),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::values_common::test_util::*;
    use crate::testing::lint_project;

    const BAD: &str = "CREATE SOURCE shop_src IN CLUSTER ingest FROM MYSQL CONNECTION shop FOR TABLES (orders, shop.customers);";
    const GOOD: &str = "CREATE SOURCE shop_src IN CLUSTER ingest FROM MYSQL CONNECTION shop FOR TABLES (shop.orders, shop.customers);";

    #[test]
    fn fix_prefixes_the_schema_the_mysql_upstream_sql_pins() {
        let files = [
            (
                "upstream/shop.sql",
                "USE shop;\nCREATE TABLE `orders` (id INT PRIMARY KEY AUTO_INCREMENT);\n",
            ),
            ("mz.sql", BAD),
        ];
        let diagnostics = lint_project(&files, None);
        let (_, d) = diagnostics
            .iter()
            .find(|(_, d)| d.rule.code == "MZ111")
            .expect("MZ111 reported");
        let fix = d.fix.as_ref().expect("a fix when upstream pins the schema");
        assert_eq!(fix.message, "Qualify as shop.orders");
        assert_eq!(fix.edits[0].content, "shop.");
    }

    #[test]
    fn bad_example() {
        let d = assert_bad_example("MZ111", BAD, "Invalid MySQL table reference: orders", "orders", "Specify tables names as SCHEMA_NAME.TABLE_NAME (the MySQL database is the schema), e.g. shop.orders");
        assert!(d.fix.is_none());
    }

    #[test]
    fn good_example() {
        assert_clean(GOOD);
    }

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(render(BAD));
    }

    #[test]
    fn entries_with_aliases_and_no_schema_hint() {
        let sql = "CREATE SOURCE s FROM MYSQL CONNECTION shop FOR TABLES (orders AS o, \"Items\" INTO items, a.b);";
        let found = findings_of("MZ111", sql);
        assert_eq!(
            found,
            vec![
                (
                    "Invalid MySQL table reference: orders".to_string(),
                    "orders AS o".to_string()
                ),
                (
                    "Invalid MySQL table reference: Items".to_string(),
                    "\"Items\" INTO items".to_string()
                ),
            ]
        );
        let d = only(
            "MZ111",
            "CREATE SOURCE s FROM MYSQL CONNECTION shop FOR TABLES (orders);",
        );
        assert!(d.help.unwrap().ends_with("e.g. schema_name.orders"));
    }

    #[test]
    fn not_reported() {
        for sql in [
            "CREATE SOURCE s FROM MYSQL CONNECTION shop FOR SCHEMAS (shop);",
            "CREATE SOURCE s FROM MYSQL CONNECTION shop FOR ALL TABLES;",
            "CREATE SOURCE s FROM POSTGRES CONNECTION pg (PUBLICATION 'p') FOR TABLES (orders);",
            "CREATE SOURCE s FROM SQL SERVER CONNECTION ms FOR TABLES (orders);",
            "CREATE TABLE orders FROM SOURCE mysql_src (REFERENCE orders);",
            "CREATE SOURCE s FROM MYSQL CONNECTION shop FOR TABLES (<table>);",
            "ALTER SOURCE unknown_src ADD SUBSOURCE orders;",
        ] {
            assert_silent("MZ111", sql);
        }
    }

    #[test]
    fn alter_source_of_a_mysql_source() {
        let files = [
            (
                "a.sql",
                "CREATE SOURCE shop_src IN CLUSTER ingest FROM MYSQL CONNECTION shop;",
            ),
            (
                "b.sql",
                "ALTER SOURCE shop_src ADD TABLE shop.items, orders;",
            ),
        ];
        let found: Vec<_> = lint_project(&files, None)
            .into_iter()
            .filter(|(_, d)| d.code() == "MZ111")
            .map(|(p, d)| (p, d.message))
            .collect();
        assert_eq!(
            found,
            vec![(
                "b.sql".to_string(),
                "Invalid MySQL table reference: orders".to_string()
            )]
        );
        let files = [
            ("a.sql", "CREATE SOURCE pg_src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'p');"),
            ("b.sql", "ALTER SOURCE pg_src ADD SUBSOURCE orders;"),
        ];
        assert!(lint_project(&files, None)
            .iter()
            .all(|(_, d)| d.code() != "MZ111"));
    }

    #[test]
    fn variants() {
        let sql = "-- Bestellungen für den Shop\r\ncreate source \"Shop\".src from mysql connection shop\r\n  for /* legacy */ tables (\r\n    ORDERS);\r\n";
        assert_eq!(
            findings_of("MZ111", sql),
            vec![(
                "Invalid MySQL table reference: orders".to_string(),
                "ORDERS".to_string()
            )]
        );
    }

    #[test]
    fn suppressed() {
        assert_silent(
            "MZ111",
            &format!("{BAD} -- mzlint: ignore[mysql-table-reference-unqualified]"),
        );
    }
}

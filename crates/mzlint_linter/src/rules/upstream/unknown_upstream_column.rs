use super::common::pg_ident;
use crate::options::damerau_levenshtein;
use crate::prelude::*;
use crate::upstream_model::{list_with_more, ColumnEntry, EntryTarget, IngestClause, Site};

declare_rule! {
/// ## What it does
///
/// Reports a `TEXT COLUMNS` / `EXCLUDE COLUMNS` (or `IGNORE COLUMNS`) entry naming a column the
/// upstream table lacks in its final state (after `ADD`, `DROP` and `RENAME COLUMN`). Entries
/// of `CREATE SOURCE` and `ALTER SOURCE … ADD` are qualified (`schema.table.column`); those of
/// `CREATE TABLE … FROM SOURCE … WITH` are qualified by its `REFERENCE`. It applies to covered
/// Postgres sources and to MySQL sources, when the table's `CREATE TABLE` is in the project's
/// upstream SQL.
///
/// It does not report when the table's `CREATE TABLE` is not in the project, or entries naming
/// a table the statement does not add (MZ110).
///
/// ## Why is this bad?
///
/// `invalid TEXT COLUMNS option value: column "orders.internal_note" does not exist` (issue
/// 29586; `src/sql/src/pure/postgres.rs`).
///
/// ## Example
///
/// With the upstream file of rules.md §5.4 (`public.orders` has a column `internal_notes`):
///
/// ```sql
/// -- Bad: column public.orders.internal_note does not exist upstream
/// CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub', EXCLUDE COLUMNS (public.orders.internal_note)) FOR TABLES (public.orders, public.customers);
/// -- Good
/// CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub', EXCLUDE COLUMNS (public.orders.internal_notes)) FOR TABLES (public.orders, public.customers);
/// ```
///
/// ## Fix (unsafe)
///
/// When exactly one column of the table is within edit distance 2, replace the entry's last
/// part with it.
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

fn check(ctx: &ProjectContext<'_>, out: &mut Vec<Diagnostic>) {
    let model = &ctx.project.upstream;
    for source in &model.sources {
        let postgres = source.kind == SourceKind::Postgres;
        if postgres && !source.covered {
            continue;
        }
        for clause in &source.clauses {
            for entry in &clause.columns {
                let EntryTarget::Table(table) = entry.target else {
                    continue;
                };
                let (display, columns, create): (String, Vec<&str>, Option<Site>) = if postgres {
                    let owner = model.pg.column_owner(table);
                    let Some(columns) = model.pg.columns_of(table) else {
                        continue;
                    };
                    (
                        model.pg.tables[table].name.to_string(),
                        columns.iter().map(|c| c.name.as_str()).collect(),
                        model.pg.tables[owner].create,
                    )
                } else {
                    let t = &model.mysql.tables[table];
                    (
                        t.display(),
                        t.columns.iter().map(|c| c.name.as_str()).collect(),
                        Some(t.create),
                    )
                };
                let Some(create) = create else { continue };
                let column = entry.column();
                let exists = if postgres {
                    columns.contains(&column)
                } else {
                    columns.iter().any(|c| c.eq_ignore_ascii_case(column))
                };
                if exists {
                    continue;
                }
                out.push(report(clause, entry, &display, &columns, create));
            }
        }
    }
}

fn report(
    clause: &IngestClause,
    entry: &ColumnEntry,
    table: &str,
    columns: &[&str],
    create: Site,
) -> Diagnostic {
    let column = entry.column();
    let near: Vec<&str> = columns
        .iter()
        .copied()
        .filter(|c| damerau_levenshtein(&c.to_lowercase(), &column.to_lowercase()) <= 2)
        .collect();
    let listed: Vec<String> = columns.iter().map(|c| c.to_string()).collect();
    let list = format!("columns of {table}: {}", list_with_more(&listed, 20));
    let help = match near.as_slice() {
        [one] => format!("did you mean {one}? {list}"),
        _ => list,
    };
    let mut diagnostic = Diagnostic::new(
        &RULE,
        clause.location.file,
        entry.span,
        format!("column {table}.{column} does not exist upstream"),
    )
    .with_help(help)
    .with_related(
        create.location.file,
        create.span,
        format!("{table} is created here"),
    );
    if let [one] = near.as_slice() {
        diagnostic = diagnostic.with_fix(Fix::unsafe_(
            format!("Replace with {one}"),
            vec![Edit::replace(entry.column_span, pg_ident(one))],
        ));
    }
    diagnostic
}

#[cfg(test)]
mod tests {
    use super::super::common::testing::*;
    use crate::diagnostic::Applicability;

    const BAD: &str = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub', EXCLUDE COLUMNS (public.orders.internal_note)) FOR TABLES (public.orders, public.customers);";
    const GOOD: &str = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub', EXCLUDE COLUMNS (public.orders.internal_notes)) FOR TABLES (public.orders, public.customers);";

    #[test]
    fn bad_example() {
        let files = [("upstream/setup.sql", RUNNING_EXAMPLE), ("src.sql", BAD)];
        let found = lint_all(&files);
        assert_eq!(found.len(), 1, "{found:#?}");
        let f = &found[0];
        assert_eq!(f.code, "MZ409");
        assert_eq!(
            f.message,
            "column public.orders.internal_note does not exist upstream"
        );
        assert_eq!(f.text, "public.orders.internal_note");
        assert_eq!(
            f.help,
            "did you mean internal_notes? columns of public.orders: id, customer_id, status, total, internal_notes"
        );
        assert_eq!(
            f.related,
            ["upstream/setup.sql:1:14 public.orders is created here"]
        );
        assert_eq!(
            f.fix,
            Some((Applicability::Unsafe, "Replace with internal_notes".into()))
        );
        insta::assert_snapshot!(render(&files, "MZ409"));
        assert_fix(&files, "MZ409", "src.sql", Applicability::Unsafe, GOOD);
    }

    #[test]
    fn good_example() {
        assert_eq!(
            lint_all(&[("upstream/setup.sql", RUNNING_EXAMPLE), ("src.sql", GOOD)]),
            []
        );
    }

    #[test]
    fn final_state_after_alters_in_another_file() {
        let files = [
            ("upstream/a.sql", RUNNING_EXAMPLE),
            (
                "upstream/b.sql",
                "ALTER TABLE public.orders RENAME COLUMN internal_notes TO internal_note;",
            ),
            ("src.sql", BAD),
        ];
        assert!(lint_code(&files, "MZ409").is_empty());
        let files = [
            ("upstream/a.sql", RUNNING_EXAMPLE),
            (
                "upstream/b.sql",
                "ALTER TABLE public.orders DROP COLUMN internal_notes, ADD COLUMN notes text;",
            ),
            ("src.sql", GOOD),
        ];
        let found = lint_code(&files, "MZ409");
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].help,
            "columns of public.orders: id, customer_id, status, total, notes"
        );
        assert_eq!(found[0].fix, None);
    }

    #[test]
    fn table_from_source_and_alter_add() {
        let source = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub');\n\
CREATE TABLE orders FROM SOURCE src (REFERENCE public.orders) WITH (TEXT COLUMNS (Statuss));\n\
ALTER SOURCE src ADD SUBSOURCE public.customers WITH (TEXT COLUMNS (customers.nme));\n";
        let files = [("upstream/setup.sql", RUNNING_EXAMPLE), ("src.sql", source)];
        let found = lint_code(&files, "MZ409");
        let got: Vec<(&str, &str)> = found
            .iter()
            .map(|f| (f.text.as_str(), f.message.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "Statuss",
                    "column public.orders.statuss does not exist upstream"
                ),
                (
                    "customers.nme",
                    "column public.customers.nme does not exist upstream"
                ),
            ]
        );
        let fixed = source
            .replace("(Statuss)", "(status)")
            .replace("customers.nme", "customers.name");
        assert_fix(&files, "MZ409", "src.sql", Applicability::Unsafe, &fixed);
    }

    #[test]
    fn not_without_create_table_or_on_dangling_entries() {
        // The table is only listed by the publication.
        let upstream = "ALTER TABLE public.orders REPLICA IDENTITY FULL;\nCREATE PUBLICATION mz_pub FOR TABLE public.orders;\n";
        let source = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub', TEXT COLUMNS (public.orders.x)) FOR TABLES (public.orders);";
        assert!(lint_code(
            &[("upstream/setup.sql", upstream), ("src.sql", source)],
            "MZ409"
        )
        .is_empty());
        // The statement does not add public.customers (MZ110's).
        let source = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub', TEXT COLUMNS (public.customers.x)) FOR TABLES (public.orders);";
        assert!(lint_code(
            &[("upstream/setup.sql", RUNNING_EXAMPLE), ("src.sql", source)],
            "MZ409"
        )
        .is_empty());
        // Without upstream SQL.
        assert!(lint_code(&[("src.sql", BAD)], "MZ409").is_empty());
    }

    #[test]
    fn mysql_sources() {
        let upstream = "USE shop;\nCREATE TABLE `Orders` (`id` int AUTO_INCREMENT PRIMARY KEY, `Status` varchar(20)) ENGINE=InnoDB;\nALTER TABLE Orders CHANGE Status state varchar(20);\n";
        let source = "CREATE SOURCE shop_src IN CLUSTER ingest FROM MYSQL CONNECTION shop (TEXT COLUMNS (shop.orders.status, shop.orders.STATE)) FOR TABLES (shop.orders);";
        let files = [("upstream/mysql.sql", upstream), ("src.sql", source)];
        let found = lint_code(&files, "MZ409");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(
            found[0].message,
            "column shop.Orders.status does not exist upstream"
        );
        assert_eq!(
            found[0].help,
            "did you mean state? columns of shop.Orders: id, state"
        );
        // CREATE TABLE … FROM SOURCE with a REFERENCE.
        let source = "CREATE SOURCE shop_src IN CLUSTER ingest FROM MYSQL CONNECTION shop;\nCREATE TABLE orders FROM SOURCE shop_src (REFERENCE shop.orders) WITH (EXCLUDE COLUMNS (stat));";
        let found = lint_code(
            &[("upstream/mysql.sql", upstream), ("src.sql", source)],
            "MZ409",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, "stat");
        assert_eq!(
            found[0].help,
            "did you mean state? columns of shop.Orders: id, state"
        );
    }

    #[test]
    fn layout_variants_and_suppression() {
        let source = "-- ñ\r\ncreate source src in cluster ingest from postgres connection pg (publication 'mz_pub',\r\n  exclude /* legacy */ columns (PUBLIC.ORDERS.Internal_Note))\r\n  for tables (public.orders, public.customers);\r\n";
        let files = [("upstream/setup.sql", RUNNING_EXAMPLE), ("src.sql", source)];
        let found = lint_code(&files, "MZ409");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, "PUBLIC.ORDERS.Internal_Note");
        assert_fix(
            &files,
            "MZ409",
            "src.sql",
            Applicability::Unsafe,
            &source.replace("Internal_Note", "internal_notes"),
        );
        let suppressed = source.replace("-- ñ", "-- mzlint: file-ignore[unknown-upstream-column]");
        assert!(lint_code(
            &[
                ("upstream/setup.sql", RUNNING_EXAMPLE),
                ("src.sql", &suppressed)
            ],
            "MZ409"
        )
        .is_empty());
    }
}

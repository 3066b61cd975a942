use crate::prelude::*;
use crate::upstream_model::{
    list_with_more, ClauseScope, Identity, IngestSource, TableId, UpstreamModel,
};

declare_rule! {
/// ## What it does
///
/// For a covered Postgres source, reports each ingested upstream table whose final replica
/// identity is not `FULL`: `DEFAULT` (a table's identity when created), `NOTHING`, `USING
/// INDEX`, or unknown because the project never creates the table nor sets its identity. Leaf
/// partitions are checked one by one: `REPLICA IDENTITY FULL` on a partitioned parent does not
/// reach its partitions.
///
/// The finding is on the reference (`FOR TABLES` entry, `ADD` entry, `REFERENCE`), or on the
/// `FOR ALL TABLES` / `FOR SCHEMAS` clause with the tables aggregated, with a note at the
/// table's `CREATE TABLE`.
///
/// ## Why is this bad?
///
/// Materialize needs the old row values of updates and deletes: `referenced items not tables
/// with REPLICA IDENTITY FULL` (`src/sql/src/pure/postgres.rs`; `test/pg-cdc/pg-cdc.td`; issue
/// 15890). The setting "does not cascade" to partitions
/// (`doc/user/content/ingest-data/postgres/partitioned-tables.md`).
///
/// ## Example
///
/// Upstream:
///
/// ```sql
/// CREATE TABLE public.orders (id bigint PRIMARY KEY, total numeric(12,2));
/// CREATE PUBLICATION mz_pub FOR TABLE public.orders;
/// ```
///
/// ```sql
/// -- Bad: public.orders is ingested by source `src` but has REPLICA IDENTITY DEFAULT upstream
/// CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders);
/// ```
///
/// Good: upstream adds `ALTER TABLE public.orders REPLICA IDENTITY FULL;`.
///
/// ## Fix
///
/// None in the Materialize file: add `ALTER TABLE … REPLICA IDENTITY FULL;` upstream.
    pub(crate) static RULE = {
        code: "MZ404",
        name: "replica-identity-not-full",
        severity: Error,
        scope: Project,
        fix: None,
        fix_summary: "none",
        summary: "Ingested table lacks REPLICA IDENTITY FULL",
        check: Project(check),
    }
}

fn check(ctx: &ProjectContext<'_>, out: &mut Vec<Diagnostic>) {
    let model = &ctx.project.upstream;
    for (_, source) in model.covered_sources() {
        for (c, clause) in source.clauses.iter().enumerate() {
            let failing: Vec<_> = source
                .ingested
                .iter()
                .filter(|i| i.clause == c && model.pg.tables[i.table].identity != Identity::Full)
                .collect();
            if failing.is_empty() {
                continue;
            }
            match clause.scope {
                ClauseScope::Refs(_) => {
                    for ingested in failing {
                        let (location, span) = source.report_span(ingested);
                        out.push(single(model, source, ingested.table, location.file, span));
                    }
                }
                ClauseScope::All | ClauseScope::Schemas(_) => {
                    let mut tables: Vec<TableId> = failing.iter().map(|i| i.table).collect();
                    tables.dedup();
                    if let [table] = tables.as_slice() {
                        out.push(single(
                            model,
                            source,
                            *table,
                            clause.location.file,
                            clause.span,
                        ));
                        continue;
                    }
                    let names: Vec<String> = tables
                        .iter()
                        .map(|&t| model.pg.tables[t].name.to_string())
                        .collect();
                    let help: Vec<String> = names
                        .iter()
                        .map(|n| format!("ALTER TABLE {n} REPLICA IDENTITY FULL;"))
                        .collect();
                    let mut diagnostic = Diagnostic::new(
                        &RULE,
                        clause.location.file,
                        clause.span,
                        format!(
                            "{} tables ingested by source `{}` lack REPLICA IDENTITY FULL upstream: {}",
                            tables.len(),
                            source.name,
                            list_with_more(&names, 10)
                        ),
                    )
                    .with_help(format!("add upstream: {}", help.join(" ")));
                    for &table in tables.iter().take(3) {
                        diagnostic = with_table_notes(model, diagnostic, table);
                    }
                    out.push(diagnostic);
                }
            }
        }
    }
}

fn single(
    model: &UpstreamModel,
    source: &IngestSource,
    table: TableId,
    file: FileId,
    span: Span,
) -> Diagnostic {
    let t = &model.pg.tables[table];
    let name = &t.name;
    let what = match &t.identity {
        Identity::Unknown => None,
        Identity::Default => Some("DEFAULT".to_string()),
        Identity::Nothing => Some("NOTHING".to_string()),
        Identity::UsingIndex(index) => Some(format!("USING INDEX {index}")),
        Identity::Full => Some("FULL".to_string()),
    };
    let message = match what {
        Some(what) => format!(
            "{name} is ingested by source `{}` but has REPLICA IDENTITY {what} upstream; Materialize requires REPLICA IDENTITY FULL",
            source.name
        ),
        None => format!(
            "{name} is ingested by source `{}` but the upstream SQL never sets its REPLICA IDENTITY to FULL",
            source.name
        ),
    };
    let mut help = format!("add upstream: ALTER TABLE {name} REPLICA IDENTITY FULL;");
    if let Some(parent) = t.parent {
        let parent = &model.pg.tables[parent];
        if parent.identity == Identity::Full {
            help.push_str(&format!(
                " (REPLICA IDENTITY FULL on the partitioned table {} does not reach its partitions)",
                parent.name
            ));
        }
    }
    let diagnostic = Diagnostic::new(&RULE, file, span, message).with_help(help);
    with_table_notes(model, diagnostic, table)
}

/// Notes at the table's CREATE TABLE and at an explicit non-FULL identity.
fn with_table_notes(
    model: &UpstreamModel,
    mut diagnostic: Diagnostic,
    table: TableId,
) -> Diagnostic {
    let t = &model.pg.tables[table];
    if let Some(create) = t.create {
        diagnostic = diagnostic.with_related(
            create.location.file,
            create.span,
            format!("{} is created here", t.name),
        );
    }
    if let Some(site) = t.identity_site {
        diagnostic = diagnostic.with_related(
            site.location.file,
            site.span,
            format!("{} gets its replica identity here", t.name),
        );
    }
    diagnostic
}

use crate::source::FileId;

#[cfg(test)]
mod tests {
    use super::super::common::testing::*;

    const UPSTREAM: &str = "\
CREATE TABLE public.orders (id bigint PRIMARY KEY, total numeric(12,2));
CREATE PUBLICATION mz_pub FOR TABLE public.orders;
";
    const SOURCE: &str = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders);";

    #[test]
    fn bad_example() {
        let files = [("upstream/setup.sql", UPSTREAM), ("src.sql", SOURCE)];
        let found = lint_all(&files);
        assert_eq!(found.len(), 1, "{found:#?}");
        let f = &found[0];
        assert_eq!(f.code, "MZ404");
        assert_eq!(
            f.message,
            "public.orders is ingested by source `src` but has REPLICA IDENTITY DEFAULT upstream; Materialize requires REPLICA IDENTITY FULL"
        );
        assert_eq!(f.text, "public.orders");
        assert_eq!(
            f.help,
            "add upstream: ALTER TABLE public.orders REPLICA IDENTITY FULL;"
        );
        assert_eq!(
            f.related,
            ["upstream/setup.sql:1:14 public.orders is created here"]
        );
        insta::assert_snapshot!(render(&files, "MZ404"));
    }

    #[test]
    fn good_example() {
        let upstream = format!("{UPSTREAM}ALTER TABLE public.orders REPLICA IDENTITY FULL;\n");
        assert_eq!(
            lint_all(&[("upstream/setup.sql", &upstream), ("src.sql", SOURCE)]),
            []
        );
    }

    #[test]
    fn nothing_using_index_and_unknown() {
        let upstream = format!("{UPSTREAM}ALTER TABLE public.orders REPLICA IDENTITY FULL;\nALTER TABLE ONLY public.orders REPLICA IDENTITY USING INDEX orders_pkey;\n");
        let found = lint_code(
            &[("upstream/setup.sql", &upstream), ("src.sql", SOURCE)],
            "MZ404",
        );
        assert_eq!(found.len(), 1);
        assert!(found[0]
            .message
            .contains("has REPLICA IDENTITY USING INDEX orders_pkey upstream"));
        assert_eq!(found[0].related.len(), 2);
        let upstream = format!("{UPSTREAM}ALTER TABLE public.orders REPLICA IDENTITY NOTHING;\n");
        let found = lint_code(
            &[("upstream/setup.sql", &upstream), ("src.sql", SOURCE)],
            "MZ404",
        );
        assert!(found[0]
            .message
            .contains("has REPLICA IDENTITY NOTHING upstream"));
        // Listed but never created nor altered: unknown.
        let upstream = "CREATE PUBLICATION mz_pub FOR TABLE public.orders;\n";
        let found = lint_code(
            &[("upstream/setup.sql", upstream), ("src.sql", SOURCE)],
            "MZ404",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "public.orders is ingested by source `src` but the upstream SQL never sets its REPLICA IDENTITY to FULL"
        );
        assert!(found[0].related.is_empty());
        // Altered (in a Materialize file) but never created: known, FULL.
        let files = [
            ("upstream/setup.sql", upstream),
            (
                "replica.sql",
                "ALTER TABLE public.orders REPLICA IDENTITY FULL;",
            ),
            ("src.sql", SOURCE),
        ];
        assert!(lint_code(&files, "MZ404").is_empty());
    }

    #[test]
    fn project_order() {
        // The ALTER runs before the CREATE in path order: the CREATE resets it.
        let files = [
            (
                "upstream/01_replica.sql",
                "ALTER TABLE public.orders REPLICA IDENTITY FULL;",
            ),
            ("upstream/02_schema.sql", UPSTREAM),
            ("src.sql", SOURCE),
        ];
        assert_eq!(lint_code(&files, "MZ404").len(), 1);
        // Dropped and re-created: DEFAULT again (and, as in PostgreSQL, the
        // DROP took it out of the publication).
        let upstream = format!("{UPSTREAM}ALTER TABLE public.orders REPLICA IDENTITY FULL;\nDROP TABLE public.orders;\nCREATE TABLE public.orders (id bigint);\nALTER PUBLICATION mz_pub ADD TABLE public.orders;\n");
        assert_eq!(
            lint_code(
                &[("upstream/setup.sql", &upstream), ("src.sql", SOURCE)],
                "MZ404"
            )
            .len(),
            1
        );
        let upstream = format!("{UPSTREAM}ALTER TABLE public.orders REPLICA IDENTITY FULL;\nDROP TABLE public.orders;\nCREATE TABLE public.orders (id bigint);\n");
        assert_eq!(
            codes(&[("upstream/setup.sql", &upstream), ("src.sql", SOURCE)]),
            ["src.sql MZ401"]
        );
        // Renamed after the ALTER: the identity follows the table.
        let upstream = "CREATE TABLE public.old (id bigint);\nALTER TABLE public.old REPLICA IDENTITY FULL;\nALTER TABLE public.old RENAME TO orders;\nCREATE PUBLICATION mz_pub FOR TABLE public.orders;\n";
        assert!(lint_code(
            &[("upstream/setup.sql", upstream), ("src.sql", SOURCE)],
            "MZ404"
        )
        .is_empty());
    }

    #[test]
    fn aggregated_for_clauses() {
        let upstream = "CREATE TABLE public.orders (id bigint);\nCREATE TABLE public.customers (id bigint);\nCREATE PUBLICATION mz_pub FOR ALL TABLES;\n";
        let source = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR SCHEMAS (public);";
        let found = lint_code(
            &[("upstream/setup.sql", upstream), ("src.sql", source)],
            "MZ404",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "2 tables ingested by source `src` lack REPLICA IDENTITY FULL upstream: public.orders, public.customers"
        );
        assert_eq!(found[0].text, "FOR SCHEMAS (public)");
        assert_eq!(
            found[0].help,
            "add upstream: ALTER TABLE public.orders REPLICA IDENTITY FULL; ALTER TABLE public.customers REPLICA IDENTITY FULL;"
        );
        // One table under FOR ALL TABLES: the single form on the clause.
        let upstream =
            "CREATE TABLE public.orders (id bigint);\nCREATE PUBLICATION mz_pub FOR ALL TABLES;\n";
        let source = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR ALL TABLES;";
        let found = lint_code(
            &[("upstream/setup.sql", upstream), ("src.sql", source)],
            "MZ404",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, "FOR ALL TABLES");
        assert!(found[0].message.starts_with(
            "public.orders is ingested by source `src` but has REPLICA IDENTITY DEFAULT"
        ));
    }

    #[test]
    fn leaf_partitions_one_by_one() {
        let upstream = "CREATE TABLE public.events (id bigint, created_at timestamptz) PARTITION BY RANGE (created_at);\n\
CREATE TABLE public.events_2026_01 PARTITION OF public.events FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');\n\
CREATE TABLE public.events_2026_02 PARTITION OF public.events FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');\n\
ALTER TABLE public.events REPLICA IDENTITY FULL;\n\
ALTER TABLE public.events_2026_01 REPLICA IDENTITY FULL;\n\
CREATE PUBLICATION mz_events FOR TABLE public.events;\n";
        let source = "CREATE SOURCE ev IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_events') FOR TABLES (public.events_2026_01, public.events_2026_02);";
        let found = lint_code(
            &[("upstream/setup.sql", upstream), ("src.sql", source)],
            "MZ404",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].text, "public.events_2026_02");
        assert_eq!(
            found[0].help,
            "add upstream: ALTER TABLE public.events_2026_02 REPLICA IDENTITY FULL; (REPLICA IDENTITY FULL on the partitioned table public.events does not reach its partitions)"
        );
    }

    #[test]
    fn table_from_source_and_alter_add() {
        let source = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub');\nCREATE TABLE orders FROM SOURCE src (REFERENCE orders);\n";
        let found = lint_code(
            &[("upstream/setup.sql", UPSTREAM), ("src.sql", source)],
            "MZ404",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, "orders");
        let source = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub');\nALTER SOURCE src ADD TABLE public.orders AS o;\n";
        let found = lint_code(
            &[("upstream/setup.sql", UPSTREAM), ("src.sql", source)],
            "MZ404",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, "public.orders");
    }

    #[test]
    fn silent_without_coverage_and_when_suppressed() {
        assert!(lint_code(&[("src.sql", SOURCE)], "MZ404").is_empty());
        let suppressed = format!("{SOURCE} -- mzlint: ignore[MZ404]");
        assert!(lint_code(
            &[("upstream/setup.sql", UPSTREAM), ("src.sql", &suppressed)],
            "MZ404"
        )
        .is_empty());
        // CRLF, comments, mixed case, non-ASCII.
        let source = "-- 注释\r\ncreate SOURCE src in CLUSTER ingest from POSTGRES connection pg (PUBLICATION 'mz_pub')\r\n  FOR /* x */ TABLES (Public.Orders);\r\n";
        let found = lint_code(
            &[("upstream/setup.sql", UPSTREAM), ("src.sql", source)],
            "MZ404",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, "Public.Orders");
    }
}

use super::common::{pg_ident, quote_string};
use crate::prelude::*;
use crate::upstream_model::ClauseScope;

declare_rule! {
/// ## What it does
///
/// Reports a covered Postgres source using the legacy `FOR ALL TABLES` over a publication that
/// is itself `FOR ALL TABLES` upstream. It does not report when either side is scoped (`FOR
/// TABLES`, `FOR SCHEMAS`, or a publication `FOR TABLE …` / `TABLES IN SCHEMA …`).
///
/// ## Why is this bad?
///
/// Every table of the upstream database is then ingested, including tables created later. The
/// setup guide says to publish only the needed tables: any one table without REPLICA IDENTITY
/// FULL, with an unsupported type or a clashing name then breaks the source
/// (`test/pg-cdc/subsource-resolution-duplicates.td`; issue 26466).
///
/// ## Example
///
/// Upstream:
///
/// ```sql
/// CREATE TABLE public.orders (id bigint PRIMARY KEY, total numeric(12,2));
/// ALTER TABLE public.orders REPLICA IDENTITY FULL;
/// CREATE PUBLICATION mz_pub FOR ALL TABLES;
/// ```
///
/// ```sql
/// -- Bad
/// CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR ALL TABLES;
/// ```
///
/// Good: publish `FOR TABLE public.orders` upstream and write
/// `CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders);`.
///
/// ## Fix
///
/// None: publish only the tables you need and list them with `FOR TABLES (…)`.
    pub(crate) static RULE = {
        code: "MZ402",
        name: "all-tables-from-database-publication",
        severity: Warning,
        scope: Project,
        fix: None,
        fix_summary: "none",
        summary: "FOR ALL TABLES over a FOR ALL TABLES publication",
        check: Project(check),
    }
}

fn check(ctx: &ProjectContext<'_>, out: &mut Vec<Diagnostic>) {
    let model = &ctx.project.upstream;
    for (_, source) in model.covered_sources() {
        let Some(publication) = model.publication_of(source) else {
            continue;
        };
        let Some(all_tables) = publication.all_tables else {
            continue;
        };
        for clause in &source.clauses {
            if !matches!(clause.scope, ClauseScope::All) {
                continue;
            }
            out.push(
                Diagnostic::new(
                    &RULE,
                    clause.location.file,
                    clause.span,
                    format!(
                        "source `{}` takes FOR ALL TABLES of publication {}, which is FOR ALL TABLES upstream: every table of the database is ingested, including tables created later",
                        source.name,
                        quote_string(&publication.name)
                    ),
                )
                .with_help(format!(
                    "publish only the tables you need (CREATE PUBLICATION {} FOR TABLE …) and list them here with FOR TABLES (…)",
                    pg_ident(&publication.name)
                ))
                .with_related(
                    all_tables.location.file,
                    all_tables.span,
                    format!("publication {} publishes FOR ALL TABLES here", publication.name),
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::common::testing::*;

    const UPSTREAM: &str = "\
CREATE TABLE public.orders (id bigint PRIMARY KEY, total numeric(12,2));
ALTER TABLE public.orders REPLICA IDENTITY FULL;
CREATE PUBLICATION mz_pub FOR ALL TABLES;
";
    const BAD: &str = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR ALL TABLES;";
    const GOOD: &str = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders);";

    #[test]
    fn bad_example() {
        let files = [("upstream/setup.sql", UPSTREAM), ("src.sql", BAD)];
        let found = lint_all(&files);
        assert_eq!(found.len(), 1, "{found:#?}");
        let f = &found[0];
        assert_eq!(f.code, "MZ402");
        assert_eq!(
            f.message,
            "source `src` takes FOR ALL TABLES of publication 'mz_pub', which is FOR ALL TABLES upstream: every table of the database is ingested, including tables created later"
        );
        assert_eq!(f.text, "FOR ALL TABLES");
        assert_eq!(
            f.help,
            "publish only the tables you need (CREATE PUBLICATION mz_pub FOR TABLE …) and list them here with FOR TABLES (…)"
        );
        assert_eq!(
            f.related,
            ["upstream/setup.sql:3:27 publication mz_pub publishes FOR ALL TABLES here"]
        );
        insta::assert_snapshot!(render(&files, "MZ402"));
    }

    #[test]
    fn good_example() {
        let upstream = UPSTREAM.replace("FOR ALL TABLES", "FOR TABLE public.orders");
        assert_eq!(
            lint_all(&[("upstream/setup.sql", &upstream), ("src.sql", GOOD)]),
            []
        );
    }

    #[test]
    fn either_side_scoped() {
        assert!(lint_code(
            &[("upstream/setup.sql", UPSTREAM), ("src.sql", GOOD)],
            "MZ402"
        )
        .is_empty());
        let upstream = UPSTREAM.replace("FOR ALL TABLES", "FOR TABLE public.orders");
        assert!(lint_code(
            &[("upstream/setup.sql", &upstream), ("src.sql", BAD)],
            "MZ402"
        )
        .is_empty());
        let upstream = UPSTREAM.replace("FOR ALL TABLES", "FOR TABLES IN SCHEMA public");
        assert!(lint_code(
            &[("upstream/setup.sql", &upstream), ("src.sql", BAD)],
            "MZ402"
        )
        .is_empty());
    }

    #[test]
    fn project_order_and_coverage() {
        // Re-created scoped after a DROP: the final state is scoped.
        let files = [
            ("upstream/a.sql", UPSTREAM),
            (
                "upstream/b.sql",
                "DROP PUBLICATION mz_pub;\nCREATE PUBLICATION mz_pub FOR TABLE public.orders;",
            ),
            ("src.sql", BAD),
        ];
        assert!(lint_code(&files, "MZ402").is_empty());
        // No upstream SQL (standard input): silent.
        assert!(lint_code(&[("src.sql", BAD)], "MZ402").is_empty());
    }

    #[test]
    fn layout_variants() {
        let source = "-- ⚠ legacy\r\nCREATE SOURCE \"Src\" IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION mz_pub)\r\n  for /* every */ all tables;\r\n";
        let found = lint_code(
            &[("upstream/setup.sql", UPSTREAM), ("src.sql", source)],
            "MZ402",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, "for /* every */ all tables");
        assert!(found[0]
            .message
            .starts_with("source `\"Src\"` takes FOR ALL TABLES"));
        let suppressed = format!("-- mzlint: ignore[all-tables-from-database-publication]\n{BAD}");
        assert!(lint_code(
            &[("upstream/setup.sql", UPSTREAM), ("src.sql", &suppressed)],
            "MZ402"
        )
        .is_empty());
    }
}

use std::collections::HashMap;

use crate::prelude::*;
use crate::upstream_model::{IngestSource, TableId};

declare_rule! {
/// ## What it does
///
/// Reports `TRUNCATE [TABLE] [ONLY] t, …` in upstream SQL where `t` (or a leaf partition of `t`)
/// is ingested by a covered Postgres source. The finding is on the table name, with a note at
/// the source.
///
/// ## Why is this bad?
///
/// "Upstream tables replicated into Materialize should not be truncated … use an unqualified
/// DELETE" (`doc/user/shared-content/postgres-considerations.md`): Materialize cannot
/// replicate a truncate, and the source becomes unusable.
///
/// ## Example
///
/// With the running example of rules.md §5.4 and a source `src` ingesting `public.orders`:
///
/// ```sql
/// -- upstream/cleanup.sql — Bad
/// TRUNCATE public.orders;
/// -- Good
/// DELETE FROM public.orders;
/// ```
///
/// ## Fix (display-only)
///
/// For one table without `CASCADE` or `RESTART IDENTITY`, replace the statement with `DELETE
/// FROM <table>`.
    pub(crate) static RULE = {
        code: "MZ412",
        name: "truncate-replicated-table",
        severity: Warning,
        scope: Project,
        fix: DisplayOnly,
        fix_summary: "display-only",
        summary: "Upstream SQL truncates an ingested table",
        check: Project(check),
    }
}

fn check(ctx: &ProjectContext<'_>, out: &mut Vec<Diagnostic>) {
    let model = &ctx.project.upstream;
    let pg = &model.pg;
    if pg.truncates.is_empty() {
        return;
    }
    // Covered sources by the tables they ingest.
    let mut ingested_by: HashMap<TableId, Vec<&IngestSource>> = HashMap::new();
    for (_, source) in model.covered_sources() {
        for table in source.ingested_tables() {
            ingested_by.entry(table).or_default().push(source);
        }
    }
    for fact in &pg.truncates {
        for truncated in &fact.tables {
            let id = match truncated.id {
                Some(id) if pg.tables[id].live => Some(id),
                _ => pg.table(&truncated.name),
            };
            let Some(id) = id else { continue };
            let mut sources: Vec<&IngestSource> = Vec::new();
            for leaf in pg.leaves_of(id) {
                for source in ingested_by.get(&leaf).into_iter().flatten() {
                    if !sources.iter().any(|s| s.location == source.location) {
                        sources.push(source);
                    }
                }
            }
            let Some(first) = sources.first() else {
                continue;
            };
            let name = &truncated.name;
            let mut diagnostic = Diagnostic::new(
                &RULE,
                fact.site.location.file,
                truncated.name_span,
                format!(
                    "TRUNCATE of {name}, which source `{}` ingests: Materialize cannot replicate a truncate and the source becomes unusable",
                    first.name
                ),
            )
            .with_help(format!("use DELETE FROM {name}; instead"));
            for source in sources.iter().take(3) {
                diagnostic = diagnostic.with_related(
                    source.location.file,
                    source.name_span,
                    format!("source `{}` ingests {name}", source.name),
                );
            }
            if fact.tables.len() == 1 && !fact.cascade && !fact.restart_identity {
                let text = ctx.text(fact.site.location.file, truncated.name_span);
                let only = if truncated.only { "ONLY " } else { "" };
                diagnostic = diagnostic.with_fix(Fix::display_only(
                    format!("Replace with DELETE FROM {only}{text}"),
                    vec![Edit::replace(
                        fact.site.span,
                        format!("DELETE FROM {only}{text}"),
                    )],
                ));
            }
            out.push(diagnostic);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::common::testing::*;
    use crate::diagnostic::Applicability;

    #[test]
    fn bad_example() {
        let files = [
            ("upstream/cleanup.sql", "TRUNCATE public.orders;"),
            ("upstream/setup.sql", RUNNING_EXAMPLE),
            ("src.sql", GOOD_SOURCE),
        ];
        let found = lint_all(&files);
        assert_eq!(found.len(), 1, "{found:#?}");
        let f = &found[0];
        assert_eq!(f.code, "MZ412");
        assert_eq!(f.path, "upstream/cleanup.sql");
        assert_eq!(
            f.message,
            "TRUNCATE of public.orders, which source `src` ingests: Materialize cannot replicate a truncate and the source becomes unusable"
        );
        assert_eq!(f.text, "public.orders");
        assert_eq!(f.help, "use DELETE FROM public.orders; instead");
        assert_eq!(
            f.related,
            ["src.sql:1:15 source `src` ingests public.orders"]
        );
        assert_eq!(
            f.fix,
            Some((
                Applicability::DisplayOnly,
                "Replace with DELETE FROM public.orders".into()
            ))
        );
        insta::assert_snapshot!(render(&files, "MZ412"));
        assert_fix(
            &files,
            "MZ412",
            "upstream/cleanup.sql",
            Applicability::DisplayOnly,
            "DELETE FROM public.orders;",
        );
    }

    #[test]
    fn good_example() {
        let files = [
            ("upstream/cleanup.sql", "DELETE FROM public.orders;"),
            ("upstream/setup.sql", RUNNING_EXAMPLE),
            ("src.sql", GOOD_SOURCE),
        ];
        assert_eq!(lint_all(&files), []);
    }

    #[test]
    fn several_tables_cascade_and_partitions() {
        let files = [
            (
                "upstream/cleanup.sql",
                "TRUNCATE TABLE ONLY public.orders, customers RESTART IDENTITY CASCADE;",
            ),
            ("upstream/setup.sql", RUNNING_EXAMPLE),
            ("src.sql", GOOD_SOURCE),
        ];
        let found = lint_code(&files, "MZ412");
        let texts: Vec<&str> = found.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(texts, ["public.orders", "customers"]);
        assert!(found.iter().all(|f| f.fix.is_none()));
        // A partitioned parent whose leaf is ingested.
        let upstream = "CREATE TABLE public.events (id bigint, d date) PARTITION BY RANGE (d);\n\
CREATE TABLE public.events_1 PARTITION OF public.events FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');\n\
ALTER TABLE public.events_1 REPLICA IDENTITY FULL;\nCREATE PUBLICATION p FOR TABLE public.events;\nTRUNCATE public.events;\n";
        let source = "CREATE SOURCE ev IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'p') FOR TABLES (public.events_1);";
        let found = lint_code(
            &[("upstream/setup.sql", upstream), ("src.sql", source)],
            "MZ412",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].message, "TRUNCATE of public.events, which source `ev` ingests: Materialize cannot replicate a truncate and the source becomes unusable");
    }

    #[test]
    fn not_for_tables_no_covered_source_ingests() {
        let source = GOOD_SOURCE.replace("public.orders, public.customers", "public.customers");
        let files = [
            ("upstream/cleanup.sql", "TRUNCATE public.orders;"),
            ("upstream/setup.sql", RUNNING_EXAMPLE),
            ("src.sql", source.as_str()),
        ];
        assert!(lint_code(&files, "MZ412").is_empty());
        assert!(lint_code(
            &[("upstream/cleanup.sql", "TRUNCATE public.orders;")],
            "MZ412"
        )
        .is_empty());
    }

    #[test]
    fn layout_and_suppression() {
        let files = [
            (
                "upstream/cleanup.sql",
                "-- nettoyage é\r\ntruncate /* all */ table Public.Orders;\r\n",
            ),
            ("upstream/setup.sql", RUNNING_EXAMPLE),
            ("src.sql", GOOD_SOURCE),
        ];
        let found = lint_code(&files, "MZ412");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, "Public.Orders");
        assert_fix(
            &files,
            "MZ412",
            "upstream/cleanup.sql",
            Applicability::DisplayOnly,
            "-- nettoyage é\r\nDELETE FROM Public.Orders;\r\n",
        );
        let files = [
            (
                "upstream/cleanup.sql",
                "TRUNCATE public.orders; -- mzlint: ignore[MZ412]\n",
            ),
            ("upstream/setup.sql", RUNNING_EXAMPLE),
            ("src.sql", GOOD_SOURCE),
        ];
        assert!(lint_code(&files, "MZ412").is_empty());
    }
}

use super::common::{pg_ident, with_publication_note};
use crate::prelude::*;
use crate::upstream_model::{
    describe_scope, ClauseScope, Publication, Resolution, TableName, UpstreamModel,
};

declare_rule! {
/// ## What it does
///
/// For a covered Postgres source (its publication is defined in the project's upstream SQL),
/// reports a `FOR TABLES` entry, an `ALTER SOURCE … ADD SUBSOURCE|TABLE` entry or a `CREATE
/// TABLE … FROM SOURCE (REFERENCE …)` that names no table of the publication, and a `FOR
/// SCHEMAS` entry naming a schema that is neither listed in the publication nor holds one of
/// its tables.
///
/// References the publication may still hold are assumed present and not reported: any
/// reference into a `FOR ALL TABLES` publication, or into a schema the publication lists with
/// `TABLES IN SCHEMA`. Ambiguous references are MZ407's.
///
/// A partitioned table is published as its leaf partitions, so a reference to the parent
/// itself is not found either; the help names the partitions to reference instead.
///
/// ## Why is this bad?
///
/// Materialize resolves references against the publication only: `reference to public.refunds
/// not found in source`, `no tables found in referenced schemas` (`src/sql/src/pure/error.rs`;
/// issue 29504).
///
/// ## Example
///
/// With the upstream file of rules.md §5.4 (`CREATE PUBLICATION mz_pub FOR TABLE
/// public.orders, public.customers;`):
///
/// ```sql
/// -- Bad: public.refunds is not in publication 'mz_pub' (FOR TABLE public.orders, public.customers)
/// CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders, public.customers, public.refunds);
/// -- Good
/// CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders, public.customers);
/// ```
///
/// ## Fix
///
/// None: add the table to the publication upstream (`ALTER PUBLICATION mz_pub ADD TABLE
/// public.refunds;`) or remove the reference.
    pub(crate) static RULE = {
        code: "MZ401",
        name: "source-scope-outside-publication",
        severity: Error,
        scope: Project,
        fix: None,
        fix_summary: "none",
        summary: "Table or schema asked for is not in the publication",
        check: Project(check),
    }
}

/// `(FOR TABLE public.orders, public.customers)`: the publication's final
/// scope, at most 10 tables.
pub(crate) fn scope_of(model: &UpstreamModel, publication: &Publication) -> String {
    if publication.publishes_all_tables() {
        return "FOR ALL TABLES".to_string();
    }
    let tables: Vec<String> = publication
        .tables
        .iter()
        .map(|t| match t.id {
            Some(id) => model.pg.tables[id].name.to_string(),
            None => t.name.to_string(),
        })
        .collect();
    let schemas: Vec<String> = publication.schemas.iter().map(|s| s.name.clone()).collect();
    describe_scope(&tables, &schemas, 10)
}

fn check(ctx: &ProjectContext<'_>, out: &mut Vec<Diagnostic>) {
    let model = &ctx.project.upstream;
    for (_, source) in model.covered_sources() {
        let Some(publication) = model.publication_of(source) else {
            continue;
        };
        let quoted = super::common::quote_string(&publication.name);
        for clause in &source.clauses {
            match &clause.scope {
                ClauseScope::Refs(refs) => {
                    for entry in refs.iter().filter(|e| e.resolution == Resolution::Missing) {
                        let written = entry.written();
                        let n = entry.parts.len();
                        let add = entry.parts[n.saturating_sub(2)..].join(".");
                        let help = partition_help(model, publication, &entry.parts).unwrap_or_else(|| {
                            format!(
                                "add it upstream (ALTER PUBLICATION {} ADD TABLE {add};) or remove it here",
                                pg_ident(&publication.name)
                            )
                        });
                        let diagnostic = Diagnostic::new(
                            &RULE,
                            clause.location.file,
                            entry.span,
                            format!(
                                "{written} is not in publication {quoted} ({})",
                                scope_of(model, publication)
                            ),
                        )
                        .with_help(help);
                        out.push(with_publication_note(diagnostic, publication));
                    }
                }
                ClauseScope::Schemas(schemas) => {
                    for schema in schemas.iter().filter(|s| !s.found) {
                        let diagnostic = Diagnostic::new(
                            &RULE,
                            clause.location.file,
                            schema.span,
                            format!(
                                "schema '{}' has no tables in publication {quoted}",
                                schema.name
                            ),
                        )
                        .with_help(format!(
                            "add its tables upstream (ALTER PUBLICATION {} ADD TABLES IN SCHEMA {};) or remove it here",
                            pg_ident(&publication.name),
                            pg_ident(&schema.name)
                        ));
                        out.push(with_publication_note(diagnostic, publication));
                    }
                }
                ClauseScope::All => {}
            }
        }
    }
}

/// When the reference names a partitioned table whose leaves the
/// publication holds: reference the leaves instead.
fn partition_help(
    model: &UpstreamModel,
    publication: &Publication,
    parts: &[String],
) -> Option<String> {
    let n = parts.len();
    let name = TableName {
        schema: if n >= 2 {
            parts[n - 2].clone()
        } else {
            "public".to_string()
        },
        name: parts[n - 1].clone(),
    };
    let id = model.pg.table(&name)?;
    if !model.pg.tables[id].partitioned {
        return None;
    }
    let leaves: Vec<String> = model
        .pg
        .leaves_of(id)
        .into_iter()
        .filter(|leaf| *leaf != id && publication.members.contains(leaf))
        .map(|leaf| model.pg.tables[leaf].name.to_string())
        .collect();
    if leaves.is_empty() {
        return None;
    }
    Some(format!(
        "{name} is partitioned and PostgreSQL publishes its leaf partitions, not the parent: reference {} instead",
        crate::upstream_model::list_with_more(&leaves, 10)
    ))
}

#[cfg(test)]
mod tests {
    use super::super::common::testing::*;

    const BAD: &str = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders, public.customers, public.refunds);";

    #[test]
    fn bad_example() {
        let files = [("upstream/setup.sql", RUNNING_EXAMPLE), ("src.sql", BAD)];
        let found = lint_all(&files);
        assert_eq!(found.len(), 1, "{found:#?}");
        let f = &found[0];
        assert_eq!(f.code, "MZ401");
        assert_eq!(
            f.message,
            "public.refunds is not in publication 'mz_pub' (FOR TABLE public.orders, public.customers)"
        );
        assert_eq!(f.text, "public.refunds");
        assert_eq!(
            f.help,
            "add it upstream (ALTER PUBLICATION mz_pub ADD TABLE public.refunds;) or remove it here"
        );
        assert_eq!(
            f.related,
            ["upstream/setup.sql:6:20 publication mz_pub is defined here"]
        );
        insta::assert_snapshot!(render(&files, "MZ401"));
    }

    #[test]
    fn good_example() {
        let files = [
            ("upstream/setup.sql", RUNNING_EXAMPLE),
            ("src.sql", GOOD_SOURCE),
        ];
        assert_eq!(lint_all(&files), []);
    }

    #[test]
    fn schema_form() {
        let source = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR SCHEMAS (public, billing);";
        let files = [("upstream/setup.sql", RUNNING_EXAMPLE), ("src.sql", source)];
        let found = lint_code(&files, "MZ401");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(
            found[0].message,
            "schema 'billing' has no tables in publication 'mz_pub'"
        );
        assert_eq!(found[0].text, "billing");
        assert_eq!(
            found[0].help,
            "add its tables upstream (ALTER PUBLICATION mz_pub ADD TABLES IN SCHEMA billing;) or remove it here"
        );
        // A schema the publication lists counts even without known tables.
        let upstream =
            format!("{RUNNING_EXAMPLE}ALTER PUBLICATION mz_pub ADD TABLES IN SCHEMA billing;\n");
        assert!(lint_code(
            &[("upstream/setup.sql", &upstream), ("src.sql", source)],
            "MZ401"
        )
        .is_empty());
    }

    #[test]
    fn alter_source_add_and_table_from_source() {
        let source = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub');\n\
ALTER SOURCE src ADD SUBSOURCE public.orders, public.refunds AS refunds;\n\
CREATE TABLE payments FROM SOURCE src (REFERENCE \"public\".payments);\n\
CREATE TABLE customers FROM SOURCE src (REFERENCE customers);\n";
        let files = [("upstream/setup.sql", RUNNING_EXAMPLE), ("src.sql", source)];
        let found = lint_code(&files, "MZ401");
        let texts: Vec<(&str, &str)> = found
            .iter()
            .map(|f| (f.text.as_str(), f.message.as_str()))
            .collect();
        assert_eq!(
            texts,
            [
                ("public.refunds AS refunds", "public.refunds is not in publication 'mz_pub' (FOR TABLE public.orders, public.customers)"),
                ("\"public\".payments", "public.payments is not in publication 'mz_pub' (FOR TABLE public.orders, public.customers)"),
            ]
        );
    }

    #[test]
    fn assumed_present() {
        // FOR ALL TABLES publications, listed schemas: no finding.
        let upstream =
            "CREATE TABLE public.orders (id bigint);\nCREATE PUBLICATION mz_pub FOR ALL TABLES;\n";
        assert!(lint_code(
            &[("upstream/setup.sql", upstream), ("src.sql", BAD)],
            "MZ401"
        )
        .is_empty());
        let upstream = "CREATE TABLE public.orders (id bigint);\nCREATE PUBLICATION mz_pub FOR TABLES IN SCHEMA public;\n";
        assert!(lint_code(
            &[("upstream/setup.sql", upstream), ("src.sql", BAD)],
            "MZ401"
        )
        .is_empty());
    }

    #[test]
    fn project_order() {
        // Added in a later file: present. Dropped later: missing.
        let files = [
            ("upstream/a.sql", RUNNING_EXAMPLE),
            (
                "upstream/b.sql",
                "ALTER PUBLICATION mz_pub ADD TABLE public.refunds;",
            ),
            ("src.sql", BAD),
        ];
        assert!(lint_code(&files, "MZ401").is_empty());
        let files = [
            ("upstream/a.sql", RUNNING_EXAMPLE),
            (
                "upstream/b.sql",
                "ALTER PUBLICATION mz_pub DROP TABLE public.customers;",
            ),
            ("src.sql", GOOD_SOURCE),
        ];
        let found = lint_code(&files, "MZ401");
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "public.customers is not in publication 'mz_pub' (FOR TABLE public.orders)"
        );
        // SET TABLE replaces the list; the source before ALTER in path order still sees the final state.
        let files = [
            ("a.sql", GOOD_SOURCE),
            ("upstream/a.sql", RUNNING_EXAMPLE),
            (
                "upstream/b.sql",
                "SET search_path TO public;\nALTER PUBLICATION mz_pub SET TABLE orders;",
            ),
        ];
        assert_eq!(lint_code(&files, "MZ401").len(), 1);
    }

    #[test]
    fn database_part_must_match_the_connection() {
        let connection = "CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');\n";
        let good = format!("{connection}CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (shop.public.orders);");
        assert!(lint_code(
            &[("upstream/setup.sql", RUNNING_EXAMPLE), ("src.sql", &good)],
            "MZ401"
        )
        .is_empty());
        let bad = good.replace("shop.public", "other.public");
        let found = lint_code(
            &[("upstream/setup.sql", RUNNING_EXAMPLE), ("src.sql", &bad)],
            "MZ401",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, "other.public.orders");
    }

    #[test]
    fn partitioned_parent_is_not_a_member() {
        let upstream = "CREATE TABLE public.events (id bigint, created_at timestamptz) PARTITION BY RANGE (created_at);\n\
CREATE TABLE public.events_2026_01 PARTITION OF public.events FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');\n\
ALTER TABLE public.events_2026_01 REPLICA IDENTITY FULL;\n\
CREATE PUBLICATION mz_events FOR TABLE public.events;\n";
        let source = "CREATE SOURCE ev IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_events') FOR TABLES (public.events);";
        let found = lint_code(
            &[("upstream/setup.sql", upstream), ("src.sql", source)],
            "MZ401",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].help,
            "public.events is partitioned and PostgreSQL publishes its leaf partitions, not the parent: reference public.events_2026_01 instead"
        );
    }

    #[test]
    fn silent_without_coverage() {
        assert!(lint_code(&[("src.sql", BAD)], "MZ401").is_empty());
        let upstream = RUNNING_EXAMPLE.replace("mz_pub", "other_pub");
        assert!(lint_code(
            &[("upstream/setup.sql", &upstream), ("src.sql", BAD)],
            "MZ401"
        )
        .is_empty());
    }

    #[test]
    fn layout_variants() {
        let source = "/* ümlaut */ create source src in cluster ingest from postgres connection pg (publication 'mz_pub')\r\n for tables (public.orders, -- keep\r\n PUBLIC.Refunds);\r\n";
        let found = lint_code(
            &[("upstream/setup.sql", RUNNING_EXAMPLE), ("src.sql", source)],
            "MZ401",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].text, "PUBLIC.Refunds");
        assert!(found[0]
            .message
            .starts_with("public.refunds is not in publication"));
        let suppressed = source.replace(
            "PUBLIC.Refunds);",
            "PUBLIC.Refunds); -- mzlint: ignore[MZ401]",
        );
        let found = lint_code(
            &[
                ("upstream/setup.sql", RUNNING_EXAMPLE),
                ("src.sql", &suppressed),
            ],
            "MZ401",
        );
        assert!(found.is_empty(), "{found:#?}");
    }
}

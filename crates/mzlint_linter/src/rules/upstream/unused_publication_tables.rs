use std::collections::{HashMap, HashSet};

use mzlint_syntax::upstream as up;

use super::common::{list_elements_deletion, pg_ident, upstream_statement, with_source_note};
use crate::prelude::*;
use crate::upstream_model::{list_with_more, ClauseScope, IngestSource, TableId};

declare_rule! {
/// ## What it does
///
/// Reports a publication used by a covered Postgres source when some of its tables are
/// ingested by no covered source (tables of a `FOR SCHEMAS` schema count as ingested). The
/// finding is on the publication's name in its defining `CREATE PUBLICATION`, with a note at a
/// source using it; at most 10 tables are named, then `and N more`.
///
/// It does not report a publication that a source takes `FOR ALL TABLES` of (MZ402's concern),
/// or a publication no source uses.
///
/// ## Why is this bad?
///
/// Published tables stream their changes even when unused: Materialize ingests and discards
/// them, and an unrelated table has broken sources before (issue 15889;
/// `doc/user/layouts/shortcodes/postgres-direct/create-a-publication-other.html`).
///
/// ## Example
///
/// With the upstream file of rules.md §5.4 (`CREATE PUBLICATION mz_pub FOR TABLE
/// public.orders, public.customers;`):
///
/// ```sql
/// -- Bad: publication mz_pub publishes 1 table that no Materialize source ingests: public.customers
/// CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders);
/// ```
///
/// Good: `CREATE PUBLICATION mz_pub FOR TABLE public.orders;` upstream, with the same source.
///
/// ## Fix (display-only)
///
/// Remove the unused tables from the defining statement's `FOR TABLE` list, when they are
/// listed there and one table remains.
    pub(crate) static RULE = {
        code: "MZ403",
        name: "unused-publication-tables",
        severity: Info,
        scope: Project,
        fix: DisplayOnly,
        fix_summary: "display-only",
        summary: "Published tables no source ingests",
        check: Project(check),
    }
}

fn check(ctx: &ProjectContext<'_>, out: &mut Vec<Diagnostic>) {
    let model = &ctx.project.upstream;
    // Covered sources per publication, project order.
    let mut users: HashMap<&str, Vec<&IngestSource>> = HashMap::new();
    for (_, source) in model.covered_sources() {
        if let Some(publication) = model.publication_of(source) {
            users
                .entry(publication.name.as_str())
                .or_default()
                .push(source);
        }
    }
    for publication in model.pg.publications() {
        let Some(sources) = users.get(publication.name.as_str()) else {
            continue;
        };
        let takes_all = sources.iter().any(|s| {
            s.clauses
                .iter()
                .any(|c| matches!(c.scope, ClauseScope::All))
        });
        if takes_all {
            continue;
        }
        let ingested: HashSet<TableId> = sources
            .iter()
            .flat_map(|s| s.ingested.iter().map(|i| i.table))
            .collect();
        let unused: Vec<TableId> = publication
            .members
            .iter()
            .copied()
            .filter(|t| !ingested.contains(t))
            .collect();
        if unused.is_empty() {
            continue;
        }
        let names: Vec<String> = unused
            .iter()
            .map(|&t| model.pg.tables[t].name.to_string())
            .collect();
        let listed: HashSet<TableId> = publication.tables.iter().filter_map(|t| t.id).collect();
        let help = if unused.iter().all(|t| listed.contains(t)) {
            format!(
                "ALTER PUBLICATION {} DROP TABLE {};",
                pg_ident(&publication.name),
                names.join(", ")
            )
        } else {
            let keep: Vec<String> = publication
                .members
                .iter()
                .filter(|t| ingested.contains(t))
                .map(|&t| model.pg.tables[t].name.to_string())
                .collect();
            format!(
                "publish only the tables sources ingest: ALTER PUBLICATION {} SET TABLE {};",
                pg_ident(&publication.name),
                keep.join(", ")
            )
        };
        let count = unused.len();
        let diagnostic = Diagnostic::new(
            &RULE,
            publication.name_site.location.file,
            publication.name_site.span,
            format!(
                "publication {} publishes {count} {} that no Materialize source ingests: {}",
                publication.name,
                if count == 1 { "table" } else { "tables" },
                list_with_more(&names, 10)
            ),
        )
        .with_help(help);
        let fix = removal_fix(ctx, publication, &unused, &names);
        out.push(with_source_note(diagnostic, sources[0], &publication.name).with_fix_opt(fix));
    }
}

/// Delete the unused tables from the defining `CREATE PUBLICATION … FOR
/// TABLE` list: only when every unused table is listed there, one table
/// remains, and the list is a plain comma list.
fn removal_fix(
    ctx: &ProjectContext<'_>,
    publication: &crate::upstream_model::Publication,
    unused: &[TableId],
    names: &[String],
) -> Option<Fix> {
    let location = publication.name_site.location;
    let statement = upstream_statement(ctx, location)?;
    let up::UpstreamKind::CreatePublication(create) = &statement.kind else {
        return None;
    };
    let up::PublicationScope::Objects { objects, .. } = &create.scope else {
        return None;
    };
    if !objects
        .iter()
        .all(|o| matches!(o, up::PublicationObject::Table(_)))
    {
        return None;
    }
    let source = &ctx.file(location.file).text;
    let spans: Vec<Span> = objects.iter().map(|o| o.span()).collect();
    let plain = spans.windows(2).all(|w| {
        source
            .get(w[0].end as usize..w[1].start as usize)
            .is_some_and(|t| t.trim() == ",")
    });
    if !plain {
        return None;
    }
    // Listed tables of this statement that are unused, by their name span.
    let unused_spans: HashSet<Span> = publication
        .tables
        .iter()
        .filter(|t| t.site.location == location && t.id.is_some_and(|id| unused.contains(&id)))
        .map(|t| t.site.span)
        .collect();
    if unused_spans.len() != unused.len() {
        return None;
    }
    let remove: Vec<usize> = objects
        .iter()
        .enumerate()
        .filter(|(_, o)| match o {
            up::PublicationObject::Table(t) => unused_spans.contains(&t.name.span),
            _ => false,
        })
        .map(|(i, _)| i)
        .collect();
    let edits = list_elements_deletion(source, &spans, &remove)?;
    Some(Fix::display_only(
        format!("Remove {} from the publication", list_with_more(names, 10)),
        edits,
    ))
}

#[cfg(test)]
mod tests {
    use super::super::common::testing::*;
    use crate::diagnostic::Applicability;

    const BAD: &str = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders);";

    #[test]
    fn bad_example() {
        let files = [("upstream/setup.sql", RUNNING_EXAMPLE), ("src.sql", BAD)];
        let found = lint_all(&files);
        assert_eq!(found.len(), 1, "{found:#?}");
        let f = &found[0];
        assert_eq!(f.code, "MZ403");
        assert_eq!(f.path, "upstream/setup.sql");
        assert_eq!(
            f.message,
            "publication mz_pub publishes 1 table that no Materialize source ingests: public.customers"
        );
        assert_eq!(f.text, "mz_pub");
        assert_eq!(
            f.help,
            "ALTER PUBLICATION mz_pub DROP TABLE public.customers;"
        );
        assert_eq!(
            f.related,
            ["src.sql:1:78 source `src` uses publication 'mz_pub' here"]
        );
        assert_eq!(
            f.fix,
            Some((
                Applicability::DisplayOnly,
                "Remove public.customers from the publication".into()
            ))
        );
        insta::assert_snapshot!(render(&files, "MZ403"));
    }

    #[test]
    fn good_example() {
        let upstream = RUNNING_EXAMPLE.replace(
            "FOR TABLE public.orders, public.customers",
            "FOR TABLE public.orders",
        );
        assert_eq!(
            lint_all(&[("upstream/setup.sql", &upstream), ("src.sql", BAD)]),
            []
        );
    }

    #[test]
    fn display_only_fix_applies_cleanly() {
        let files = [("upstream/setup.sql", RUNNING_EXAMPLE), ("src.sql", BAD)];
        let expected = RUNNING_EXAMPLE.replace(
            "FOR TABLE public.orders, public.customers",
            "FOR TABLE public.orders",
        );
        assert_fix(
            &files,
            "MZ403",
            "upstream/setup.sql",
            Applicability::DisplayOnly,
            &expected,
        );
        // Removing the first table takes the comma after it.
        let other = BAD.replace("public.orders", "public.customers");
        let files = [
            ("upstream/setup.sql", RUNNING_EXAMPLE),
            ("src.sql", other.as_str()),
        ];
        let expected = RUNNING_EXAMPLE.replace(
            "FOR TABLE public.orders, public.customers",
            "FOR TABLE public.customers",
        );
        assert_fix(
            &files,
            "MZ403",
            "upstream/setup.sql",
            Applicability::DisplayOnly,
            &expected,
        );
    }

    #[test]
    fn several_sources_and_limits() {
        let mut upstream = String::new();
        let mut listed = Vec::new();
        for i in 0..13 {
            upstream.push_str(&format!("CREATE TABLE public.t{i:02} (id int);\nALTER TABLE public.t{i:02} REPLICA IDENTITY FULL;\n"));
            listed.push(format!("public.t{i:02}"));
        }
        upstream.push_str(&format!(
            "CREATE PUBLICATION p FOR TABLE {};\n",
            listed.join(", ")
        ));
        let a = "CREATE SOURCE a IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'p') FOR TABLES (public.t00);";
        let b = "CREATE SOURCE b IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'p');\nCREATE TABLE t01 FROM SOURCE b (REFERENCE public.t01);";
        let found = lint_code(
            &[
                ("upstream/setup.sql", &upstream),
                ("a.sql", a),
                ("b.sql", b),
            ],
            "MZ403",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "publication p publishes 11 tables that no Materialize source ingests: public.t02, public.t03, public.t04, public.t05, public.t06, public.t07, public.t08, public.t09, public.t10, public.t11 and 1 more"
        );
    }

    #[test]
    fn not_with_for_all_tables_or_unused_publications() {
        let all = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR ALL TABLES;";
        assert!(lint_code(
            &[("upstream/setup.sql", RUNNING_EXAMPLE), ("src.sql", all)],
            "MZ403"
        )
        .is_empty());
        let other = "CREATE PUBLICATION other FOR TABLE public.orders;\n";
        let upstream = format!("{RUNNING_EXAMPLE}{other}");
        let found = lint_code(
            &[("upstream/setup.sql", &upstream), ("src.sql", GOOD_SOURCE)],
            "MZ403",
        );
        assert!(found.is_empty(), "{found:#?}");
        // No coverage: silent.
        assert!(lint_code(&[("src.sql", BAD)], "MZ403").is_empty());
    }

    #[test]
    fn schemas_count_as_ingested() {
        let upstream = "CREATE TABLE public.a (id int);\nCREATE TABLE public.b (id int);\nCREATE TABLE audit.c (id int);\n\
ALTER TABLE public.a REPLICA IDENTITY FULL;\nALTER TABLE public.b REPLICA IDENTITY FULL;\nALTER TABLE audit.c REPLICA IDENTITY FULL;\n\
CREATE PUBLICATION p FOR TABLES IN SCHEMA public, audit;\n";
        let source = "CREATE SOURCE s IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'p') FOR SCHEMAS (public);";
        let found = lint_code(
            &[("upstream/setup.sql", upstream), ("src.sql", source)],
            "MZ403",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "publication p publishes 1 table that no Materialize source ingests: audit.c"
        );
        assert_eq!(found[0].help, "publish only the tables sources ingest: ALTER PUBLICATION p SET TABLE public.a, public.b;");
        assert_eq!(found[0].fix, None);
    }

    #[test]
    fn publication_altered_in_another_file() {
        // Created in one file, tables added in another: the added table is
        // reported at the CREATE, with no fix (it is not listed there).
        let files = [
            ("upstream/a.sql", RUNNING_EXAMPLE),
            ("upstream/b.sql", "CREATE TABLE public.refunds (id int);\nALTER PUBLICATION mz_pub ADD TABLE public.refunds;"),
            ("src.sql", GOOD_SOURCE),
        ];
        let found = lint_code(&files, "MZ403");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].path, "upstream/a.sql");
        assert_eq!(found[0].message, "publication mz_pub publishes 1 table that no Materialize source ingests: public.refunds");
        assert_eq!(found[0].fix, None);
    }

    #[test]
    fn suppressed_upstream() {
        let upstream = RUNNING_EXAMPLE.replace(
            "CREATE PUBLICATION mz_pub",
            "-- mzlint: ignore[MZ403]\nCREATE PUBLICATION mz_pub",
        );
        assert!(lint_code(
            &[("upstream/setup.sql", &upstream), ("src.sql", BAD)],
            "MZ403"
        )
        .is_empty());
    }
}

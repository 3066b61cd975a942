use super::common::{
    delete_publication_option, sources_by_publication, upstream_statement, with_source_note,
};
use crate::prelude::*;

declare_rule! {
/// ## What it does
///
/// Reports a publication used by a covered Postgres source whose final `publish` list
/// (comma-separated, trimmed, ignoring case) lacks `insert`, `update` or `delete`. A missing
/// `truncate` is not reported. The finding is on the `publish` option of the statement that
/// set it (`CREATE PUBLICATION … WITH` or `ALTER PUBLICATION … SET`), with a note at a source.
///
/// ## Why is this bad?
///
/// Materialize then sees changes to rows it never saw, or misses them: "Invalid data in source,
/// saw retractions (1) for row that does not exist"
/// (`test/pg-cdc/publication-with-publish-option.td`).
///
/// ## Example
///
/// ```sql
/// -- Bad (upstream): publication mz_pub publishes only insert
/// CREATE PUBLICATION mz_pub FOR TABLE public.orders, public.customers WITH (publish = 'insert');
/// -- Good
/// CREATE PUBLICATION mz_pub FOR TABLE public.orders, public.customers;
/// ```
///
/// with `CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub')
/// FOR TABLES (public.orders, public.customers);` in both cases.
///
/// ## Fix (unsafe)
///
/// Delete the option, and the `WITH (…)` when it is emptied. Unsafe because other subscribers of
/// the publication then see every operation. No fix when the option is the only one of `ALTER
/// PUBLICATION … SET (…)`.
    pub(crate) static RULE = {
        code: "MZ405",
        name: "publication-missing-operations",
        severity: Error,
        scope: Project,
        fix: Unsafe,
        fix_summary: "unsafe",
        summary: "Publication omits insert, update or delete",
        check: Project(check),
    }
}

fn check(ctx: &ProjectContext<'_>, out: &mut Vec<Diagnostic>) {
    let model = &ctx.project.upstream;
    let users = sources_by_publication(model);
    for publication in model.pg.publications() {
        let Some(sources) = users.get(publication.name.as_str()) else {
            continue;
        };
        let Some(setting) = &publication.publish else {
            continue;
        };
        let ops = &setting.value;
        let complete = ["insert", "update", "delete"]
            .iter()
            .all(|needed| ops.iter().any(|op| op == needed));
        if complete {
            continue;
        }
        let what = if ops.is_empty() {
            "no operations".to_string()
        } else {
            format!("only {}", ops.join(", "))
        };
        let site = setting.site;
        let fix = upstream_statement(ctx, site.location).and_then(|statement| {
            delete_publication_option(&ctx.file(site.location.file).text, statement, site.span)
        });
        let diagnostic = Diagnostic::new(
            &RULE,
            site.location.file,
            site.span,
            format!(
                "publication {} publishes {what}; Materialize needs insert, update and delete",
                publication.name
            ),
        )
        .with_help("remove the publish option (the default publishes every operation)")
        .with_fix_opt(fix.map(|edits| Fix::unsafe_("Remove the publish option", edits)));
        out.push(with_source_note(diagnostic, sources[0], &publication.name));
    }
}

#[cfg(test)]
mod tests {
    use super::super::common::testing::*;
    use crate::diagnostic::Applicability;

    fn upstream(publication: &str) -> String {
        RUNNING_EXAMPLE.replace(
            "CREATE PUBLICATION mz_pub FOR TABLE public.orders, public.customers;",
            publication,
        )
    }

    #[test]
    fn bad_example() {
        let up = upstream("CREATE PUBLICATION mz_pub FOR TABLE public.orders, public.customers WITH (publish = 'insert');");
        let files = [
            ("upstream/setup.sql", up.as_str()),
            ("src.sql", GOOD_SOURCE),
        ];
        let found = lint_all(&files);
        assert_eq!(found.len(), 1, "{found:#?}");
        let f = &found[0];
        assert_eq!(f.code, "MZ405");
        assert_eq!(f.path, "upstream/setup.sql");
        assert_eq!(
            f.message,
            "publication mz_pub publishes only insert; Materialize needs insert, update and delete"
        );
        assert_eq!(f.text, "publish = 'insert'");
        assert_eq!(
            f.help,
            "remove the publish option (the default publishes every operation)"
        );
        assert_eq!(
            f.related,
            ["src.sql:1:78 source `src` uses publication 'mz_pub' here"]
        );
        assert_eq!(
            f.fix,
            Some((Applicability::Unsafe, "Remove the publish option".into()))
        );
        insta::assert_snapshot!(render(&files, "MZ405"));
        assert_fix(
            &files,
            "MZ405",
            "upstream/setup.sql",
            Applicability::Unsafe,
            RUNNING_EXAMPLE,
        );
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
    fn truncate_missing_is_fine_and_case_is_ignored() {
        let up = upstream("CREATE PUBLICATION mz_pub FOR TABLE public.orders, public.customers WITH (publish = ' Insert,UPDATE , delete');");
        assert!(lint_code(
            &[("upstream/setup.sql", &up), ("src.sql", GOOD_SOURCE)],
            "MZ405"
        )
        .is_empty());
        let up = upstream("CREATE PUBLICATION mz_pub FOR TABLE public.orders, public.customers WITH (publish = '');");
        let found = lint_code(
            &[("upstream/setup.sql", &up), ("src.sql", GOOD_SOURCE)],
            "MZ405",
        );
        assert_eq!(found[0].message, "publication mz_pub publishes no operations; Materialize needs insert, update and delete");
    }

    #[test]
    fn other_options_stay() {
        let up = upstream("CREATE PUBLICATION mz_pub FOR TABLE public.orders, public.customers WITH (publish_via_partition_root = false, publish = 'insert, update');");
        let files = [
            ("upstream/setup.sql", up.as_str()),
            ("src.sql", GOOD_SOURCE),
        ];
        let found = lint_code(&files, "MZ405");
        assert_eq!(found[0].message, "publication mz_pub publishes only insert, update; Materialize needs insert, update and delete");
        let expected = upstream("CREATE PUBLICATION mz_pub FOR TABLE public.orders, public.customers WITH (publish_via_partition_root = false);");
        assert_fix(
            &files,
            "MZ405",
            "upstream/setup.sql",
            Applicability::Unsafe,
            &expected,
        );
    }

    #[test]
    fn set_by_alter_in_another_file() {
        // ALTER … SET changes the publish list later in project order: the
        // finding is on the ALTER; with no other option there is no fix.
        let files = [
            ("upstream/a.sql", RUNNING_EXAMPLE),
            (
                "upstream/b.sql",
                "ALTER PUBLICATION mz_pub SET (publish = 'insert, update');",
            ),
            ("src.sql", GOOD_SOURCE),
        ];
        let found = lint_code(&files, "MZ405");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].path, "upstream/b.sql");
        assert_eq!(found[0].text, "publish = 'insert, update'");
        assert_eq!(found[0].fix, None);
        // A later ALTER fixing it silences the CREATE's option.
        let up = upstream("CREATE PUBLICATION mz_pub FOR TABLE public.orders, public.customers WITH (publish = 'insert');");
        let files = [
            ("upstream/a.sql", up.as_str()),
            (
                "upstream/b.sql",
                "ALTER PUBLICATION mz_pub SET (publish = 'insert, update, delete');",
            ),
            ("src.sql", GOOD_SOURCE),
        ];
        assert!(lint_code(&files, "MZ405").is_empty());
    }

    #[test]
    fn silent_without_a_covered_source() {
        let up = upstream("CREATE PUBLICATION mz_pub FOR TABLE public.orders, public.customers WITH (publish = 'insert');");
        assert!(lint_code(&[("upstream/setup.sql", &up)], "MZ405").is_empty());
        let other = GOOD_SOURCE.replace("'mz_pub'", "'other'");
        assert!(lint_code(&[("upstream/setup.sql", &up), ("src.sql", &other)], "MZ405").is_empty());
    }

    #[test]
    fn layout_variants() {
        // Materialize file holding the publication, CRLF, comments, mixed case.
        let publication = "-- ✓ publication\r\nCreate Publication MZ_PUB for table public.orders, public.customers\r\n  with (PUBLISH /* ops */ = 'insert');\r\n";
        let tables = RUNNING_EXAMPLE.replace(
            "CREATE PUBLICATION mz_pub FOR TABLE public.orders, public.customers;\n",
            "",
        );
        let files = [
            ("upstream/setup.sql", tables.as_str()),
            ("pub.sql", publication),
            ("src.sql", GOOD_SOURCE),
        ];
        let found = lint_code(&files, "MZ405");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].text, "PUBLISH /* ops */ = 'insert'");
        assert_fix(
            &files,
            "MZ405",
            "pub.sql",
            Applicability::Unsafe,
            "-- ✓ publication\r\nCreate Publication MZ_PUB for table public.orders, public.customers;\r\n",
        );
        let suppressed = publication.replace("-- ✓ publication", "-- mzlint: ignore[MZ405]");
        let files = [files[0], ("pub.sql", suppressed.as_str()), files[2]];
        assert!(lint_code(&files, "MZ405").is_empty());
    }
}

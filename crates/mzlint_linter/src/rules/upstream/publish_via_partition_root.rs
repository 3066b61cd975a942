use super::common::{
    delete_publication_option, sources_by_publication, upstream_statement, with_source_note,
};
use crate::prelude::*;

declare_rule! {
/// ## What it does
///
/// Reports a publication used by a covered Postgres source whose final
/// `publish_via_partition_root` is true (`true`, `on`, `1`, `yes`, or no value). The finding is
/// on the option of the statement that set it, with a note at a source.
///
/// ## Why is this bad?
///
/// "Do not create a publication with publish_via_partition_root = true for a Materialize
/// source" (`doc/user/content/ingest-data/postgres/partitioned-tables.md`): Materialize ingests
/// each leaf partition, and with the option results can be wrong after partitions are
/// attached, detached or truncated. PostgreSQL accepts it, so nothing fails at first.
///
/// ## Example
///
/// Upstream:
///
/// ```sql
/// CREATE TABLE public.events (id bigint, created_at timestamptz) PARTITION BY RANGE (created_at);
/// CREATE TABLE public.events_2026_01 PARTITION OF public.events FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
/// ALTER TABLE public.events_2026_01 REPLICA IDENTITY FULL;
/// -- Bad
/// CREATE PUBLICATION mz_events FOR TABLE public.events WITH (publish_via_partition_root = true);
/// -- Good
/// CREATE PUBLICATION mz_events FOR TABLE public.events;
/// ```
///
/// with `CREATE SOURCE ev IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION
/// 'mz_events') FOR TABLES (public.events_2026_01);`.
///
/// ## Fix (display-only)
///
/// Delete the option, and the `WITH (…)` when it is emptied.
    pub(crate) static RULE = {
        code: "MZ406",
        name: "publish-via-partition-root",
        severity: Error,
        scope: Project,
        fix: DisplayOnly,
        fix_summary: "display-only",
        summary: "Publication uses `publish_via_partition_root`",
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
        let Some(setting) = publication.via_root.as_ref().filter(|s| s.value) else {
            continue;
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
                "publication {} sets publish_via_partition_root = true, which Materialize does not support",
                publication.name
            ),
        )
        .with_help("remove it; Materialize ingests each leaf partition, and with the option results can be wrong after partitions are attached, detached or truncated")
        .with_fix_opt(fix.map(|edits| Fix::display_only("Remove publish_via_partition_root", edits)));
        out.push(with_source_note(diagnostic, sources[0], &publication.name));
    }
}

#[cfg(test)]
mod tests {
    use super::super::common::testing::*;
    use crate::diagnostic::Applicability;

    const TABLES: &str = "\
CREATE TABLE public.events (id bigint, created_at timestamptz) PARTITION BY RANGE (created_at);
CREATE TABLE public.events_2026_01 PARTITION OF public.events FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
ALTER TABLE public.events_2026_01 REPLICA IDENTITY FULL;
";
    const SOURCE: &str = "CREATE SOURCE ev IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_events') FOR TABLES (public.events_2026_01);";

    fn upstream(publication: &str) -> String {
        format!("{TABLES}{publication}\n")
    }

    #[test]
    fn bad_example() {
        let up = upstream("CREATE PUBLICATION mz_events FOR TABLE public.events WITH (publish_via_partition_root = true);");
        let files = [("upstream/setup.sql", up.as_str()), ("src.sql", SOURCE)];
        let found = lint_all(&files);
        assert_eq!(found.len(), 1, "{found:#?}");
        let f = &found[0];
        assert_eq!(f.code, "MZ406");
        assert_eq!(
            f.message,
            "publication mz_events sets publish_via_partition_root = true, which Materialize does not support"
        );
        assert_eq!(f.text, "publish_via_partition_root = true");
        assert_eq!(
            f.help,
            "remove it; Materialize ingests each leaf partition, and with the option results can be wrong after partitions are attached, detached or truncated"
        );
        assert_eq!(
            f.fix,
            Some((
                Applicability::DisplayOnly,
                "Remove publish_via_partition_root".into()
            ))
        );
        insta::assert_snapshot!(render(&files, "MZ406"));
        let expected = upstream("CREATE PUBLICATION mz_events FOR TABLE public.events;");
        assert_fix(
            &files,
            "MZ406",
            "upstream/setup.sql",
            Applicability::DisplayOnly,
            &expected,
        );
    }

    #[test]
    fn good_example() {
        let up = upstream("CREATE PUBLICATION mz_events FOR TABLE public.events;");
        assert_eq!(
            lint_all(&[("upstream/setup.sql", &up), ("src.sql", SOURCE)]),
            []
        );
    }

    #[test]
    fn truthy_spellings() {
        for value in ["", " = on", " = '1'", " = yes", " = TRUE"] {
            let up = upstream(&format!("CREATE PUBLICATION mz_events FOR TABLE public.events WITH (publish_via_partition_root{value});"));
            assert_eq!(
                lint_code(&[("upstream/setup.sql", &up), ("src.sql", SOURCE)], "MZ406").len(),
                1,
                "{value}"
            );
        }
        for value in [" = false", " = off", " = 0"] {
            let up = upstream(&format!("CREATE PUBLICATION mz_events FOR TABLE public.events WITH (publish_via_partition_root{value});"));
            assert!(
                lint_code(&[("upstream/setup.sql", &up), ("src.sql", SOURCE)], "MZ406").is_empty(),
                "{value}"
            );
        }
    }

    #[test]
    fn alter_set_in_another_file_and_other_options() {
        let base = upstream("CREATE PUBLICATION mz_events FOR TABLE public.events;");
        let files = [
            ("upstream/a.sql", base.as_str()),
            ("upstream/b.sql", "ALTER PUBLICATION mz_events SET (publish = 'insert, update, delete', publish_via_partition_root);"),
            ("src.sql", SOURCE),
        ];
        let found = lint_code(&files, "MZ406");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].path, "upstream/b.sql");
        assert_eq!(found[0].text, "publish_via_partition_root");
        assert_fix(
            &files,
            "MZ406",
            "upstream/b.sql",
            Applicability::DisplayOnly,
            "ALTER PUBLICATION mz_events SET (publish = 'insert, update, delete');",
        );
        // Turned off later: silent.
        let up = upstream("CREATE PUBLICATION mz_events FOR TABLE public.events WITH (publish_via_partition_root = true);\nALTER PUBLICATION mz_events SET (publish_via_partition_root = false);");
        assert!(lint_code(&[("upstream/setup.sql", &up), ("src.sql", SOURCE)], "MZ406").is_empty());
    }

    #[test]
    fn silent_without_coverage_and_when_suppressed() {
        let up = upstream("CREATE PUBLICATION mz_events FOR TABLE public.events WITH (publish_via_partition_root = true);");
        assert!(lint_code(&[("upstream/setup.sql", &up)], "MZ406").is_empty());
        let suppressed = up.replace(
            "CREATE PUBLICATION",
            "-- mzlint: ignore[publish-via-partition-root]\nCREATE PUBLICATION",
        );
        assert!(lint_code(
            &[("upstream/setup.sql", &suppressed), ("src.sql", SOURCE)],
            "MZ406"
        )
        .is_empty());
        // CRLF and mixed case.
        let crlf = up.replace('\n', "\r\n").replace(
            "WITH (publish_via_partition_root",
            "with ( Publish_Via_Partition_Root",
        );
        let found = lint_code(
            &[("upstream/setup.sql", &crlf), ("src.sql", SOURCE)],
            "MZ406",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, "Publish_Via_Partition_Root = true");
    }
}

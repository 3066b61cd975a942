use super::common::path_line;
use crate::prelude::*;

declare_rule! {
/// ## What it does
///
/// Reports a `CREATE PUBLICATION` of a name that an earlier `CREATE PUBLICATION` in project
/// order already created, with no `DROP PUBLICATION` of it between them, when the two differ in
/// scope (`FOR ALL TABLES`, listed tables, listed schemas, after name resolution) or `WITH`
/// options (after defaults). Identical re-definitions (scripts for fresh databases) and
/// re-creations after a `DROP` are not reported. The later definition is the final state the
/// other rules read.
///
/// ## Why is this bad?
///
/// The scope checks of the other MZ4xx rules, and the database, then depend on which script
/// ran last; a real project defines one publication `FOR TABLE …` in a SQL file and `FOR ALL
/// TABLES` in a shell script (`MaterializeInc/freshmart` `base_tables.sql`,
/// `setup_database.sh`).
///
/// ## Example
///
/// ```sql
/// -- upstream/base.sql
/// CREATE PUBLICATION mz_pub FOR TABLE public.orders, public.customers;
/// -- upstream/setup.sql — Bad
/// CREATE PUBLICATION mz_pub FOR ALL TABLES;
/// -- upstream/setup.sql — Good
/// ALTER PUBLICATION mz_pub ADD TABLE public.refunds;
/// ```
///
/// ## Fix
///
/// None: keep one `CREATE PUBLICATION` and change it with `ALTER PUBLICATION`.
    pub(crate) static RULE = {
        code: "MZ408",
        name: "conflicting-publication-definitions",
        severity: Warning,
        scope: Project,
        fix: None,
        fix_summary: "none",
        summary: "Publication created twice, differently",
        check: Project(check),
    }
}

fn check(ctx: &ProjectContext<'_>, out: &mut Vec<Diagnostic>) {
    let pg = &ctx.project.upstream.pg;
    for &(earlier, later) in &pg.redefinitions {
        let (earlier, later) = (&pg.creations[earlier], &pg.creations[later]);
        if earlier.definition.same_as(&later.definition) {
            continue;
        }
        out.push(
            Diagnostic::new(
                &RULE,
                later.name_site.location.file,
                later.name_site.span,
                format!(
                    "publication {} is created again with a different definition: {} here, {} at {}",
                    later.name,
                    later.definition.describe(),
                    earlier.definition.describe(),
                    path_line(ctx, earlier.name_site)
                ),
            )
            .with_help("keep one CREATE PUBLICATION and change it with ALTER PUBLICATION; otherwise the live definition depends on which script ran")
            .with_related(
                earlier.name_site.location.file,
                earlier.name_site.span,
                format!("publication {} is first created here", earlier.name),
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::common::testing::*;

    const BASE: &str = "CREATE PUBLICATION mz_pub FOR TABLE public.orders, public.customers;";

    #[test]
    fn bad_example() {
        let files = [
            ("upstream/base.sql", BASE),
            (
                "upstream/setup.sql",
                "CREATE PUBLICATION mz_pub FOR ALL TABLES;",
            ),
        ];
        let found = lint_all(&files);
        assert_eq!(found.len(), 1, "{found:#?}");
        let f = &found[0];
        assert_eq!(f.code, "MZ408");
        assert_eq!(f.path, "upstream/setup.sql");
        assert_eq!(
            f.message,
            "publication mz_pub is created again with a different definition: FOR ALL TABLES here, FOR TABLE public.orders, public.customers at upstream/base.sql:1"
        );
        assert_eq!(f.text, "mz_pub");
        assert_eq!(
            f.help,
            "keep one CREATE PUBLICATION and change it with ALTER PUBLICATION; otherwise the live definition depends on which script ran"
        );
        assert_eq!(
            f.related,
            ["upstream/base.sql:1:20 publication mz_pub is first created here"]
        );
        insta::assert_snapshot!(render(&files, "MZ408"));
    }

    #[test]
    fn good_example() {
        let files = [
            ("upstream/base.sql", BASE),
            (
                "upstream/setup.sql",
                "ALTER PUBLICATION mz_pub ADD TABLE public.refunds;",
            ),
        ];
        assert_eq!(lint_all(&files), []);
    }

    #[test]
    fn identical_and_dropped_redefinitions() {
        // Same scope in another order, another spelling, explicit defaults.
        let files = [
            ("upstream/base.sql", BASE),
            ("upstream/setup.sql", "SET search_path TO public;\nCREATE PUBLICATION MZ_PUB FOR TABLE customers, \"orders\" WITH (publish = 'insert, update, delete, truncate', publish_via_partition_root = false);"),
        ];
        assert!(lint_code(&files, "MZ408").is_empty());
        // Re-created after a DROP.
        let files = [
            ("upstream/base.sql", BASE),
            (
                "upstream/setup.sql",
                "DROP PUBLICATION IF EXISTS mz_pub;\nCREATE PUBLICATION mz_pub FOR ALL TABLES;",
            ),
        ];
        assert!(lint_code(&files, "MZ408").is_empty());
    }

    #[test]
    fn options_differ() {
        let files = [
            ("upstream/base.sql", BASE),
            ("upstream/setup.sql", "CREATE PUBLICATION mz_pub FOR TABLE public.orders, public.customers WITH (publish = 'insert');"),
        ];
        let found = lint_code(&files, "MZ408");
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "publication mz_pub is created again with a different definition: FOR TABLE public.orders, public.customers WITH (publish = 'insert') here, FOR TABLE public.orders, public.customers at upstream/base.sql:1"
        );
        // Schemas, within one Materialize file, CRLF.
        let files = [(
            "pubs.sql",
            "-- été\r\nCREATE PUBLICATION p FOR TABLES IN SCHEMA public;\r\ncreate publication P for table public.t, tables in schema audit;\r\n",
        )];
        let found = lint_code(&files, "MZ408");
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "publication p is created again with a different definition: FOR TABLE public.t, TABLES IN SCHEMA audit here, FOR TABLES IN SCHEMA public at pubs.sql:2"
        );
        assert_eq!(found[0].text, "P");
        let suppressed = files[0].1.replace(
            "create publication P",
            "create publication P -- mzlint: ignore[MZ408]\r\n",
        );
        assert!(lint_code(&[("pubs.sql", &suppressed)], "MZ408").is_empty());
    }
}

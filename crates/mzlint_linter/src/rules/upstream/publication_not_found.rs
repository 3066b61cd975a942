use super::common::{path_line, quote_string};
use crate::options::{damerau_levenshtein, within_two_edits_quick};
use crate::prelude::*;

declare_rule! {
/// ## What it does
///
/// Reports a Postgres source whose `PUBLICATION` is not defined in the project's upstream
/// PostgreSQL SQL, when that SQL defines at least one publication (the project keeps its
/// publications in SQL). A publication dropped and not re-created counts as absent.
///
/// It does not report a source without `PUBLICATION` (MZ103), a project whose upstream SQL
/// defines no publication, or a placeholder value (`'${PUBLICATION}'`).
///
/// When the name differs from a defined publication only by case, the message says so:
/// PostgreSQL folds unquoted names to lower case, so `CREATE PUBLICATION MzPub` creates `mzpub`.
///
/// ## Why is this bad?
///
/// Purification cannot open the replication stream of a publication that does not exist, and
/// `CREATE SOURCE` fails (`test/pg-cdc/pg-cdc.td`, source `no_such_publication`).
///
/// ## Example
///
/// With the upstream file `upstream/setup.sql` of rules.md §5.4 (`CREATE PUBLICATION mz_pub
/// FOR TABLE public.orders, public.customers;`):
///
/// ```sql
/// -- Bad: publication 'mz_pubs' is not defined in the project's upstream SQL
/// CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pubs') FOR TABLES (public.orders, public.customers);
/// -- Good
/// CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders, public.customers);
/// ```
///
/// ## Fix (unsafe)
///
/// When exactly one upstream publication is equal ignoring case or within edit distance 2,
/// replace the value with it, quoted.
    pub(crate) static RULE = {
        code: "MZ400",
        name: "publication-not-found",
        severity: Warning,
        scope: Project,
        fix: Unsafe,
        fix_summary: "unsafe",
        summary: "Publication not defined in the upstream SQL",
        check: Project(check),
    }
}

fn check(ctx: &ProjectContext<'_>, out: &mut Vec<Diagnostic>) {
    let model = &ctx.project.upstream;
    if !model.pg.has_publications() {
        return;
    }
    let live = model.pg.publications();
    for source in &model.sources {
        if source.kind != SourceKind::Postgres || !ctx.in_focus(source.location.file) {
            continue;
        }
        let Some(publication) = &source.publication else {
            continue;
        };
        if publication.placeholder || model.pg.publication(&publication.value).is_some() {
            continue;
        }
        let wanted = &publication.value;
        let wanted_lower = wanted.to_lowercase();
        // Publications differing only in case, and (at most two: only a
        // single one is suggested) within edit distance 2; cheap length and
        // position checks first, so sources × publications stays fast.
        let same_case: Vec<_> = live
            .iter()
            .filter(|p| p.name.len() == wanted.len() && p.name.to_lowercase() == wanted_lower)
            .collect();
        let near: Vec<_> = live
            .iter()
            .filter(|p| {
                p.name.len().abs_diff(wanted.len()) <= 2
                    && within_two_edits_quick(&p.name.to_lowercase(), &wanted_lower)
                    && (p.name.to_lowercase() == wanted_lower
                        || damerau_levenshtein(&p.name, wanted) <= 2)
            })
            .take(2)
            .collect();
        let mut diagnostic = if let [p] = same_case.as_slice() {
            Diagnostic::new(
                &RULE,
                source.location.file,
                publication.span,
                format!(
                    "publication {} is not defined upstream, but {} is: PostgreSQL folds unquoted names to lower case",
                    quote_string(wanted),
                    quote_string(&p.name)
                ),
            )
            .with_help(format!(
                "write PUBLICATION {}, or quote the name upstream",
                quote_string(&p.name)
            ))
        } else {
            let diagnostic = Diagnostic::new(
                &RULE,
                source.location.file,
                publication.span,
                format!(
                    "publication {} is not defined in the project's upstream SQL",
                    quote_string(wanted)
                ),
            );
            match near.as_slice() {
                [p] => diagnostic.with_help(format!(
                    "did you mean {} ({})?",
                    quote_string(&p.name),
                    path_line(ctx, p.name_site)
                )),
                _ if !live.is_empty() => {
                    let names: Vec<String> = live.iter().map(|p| quote_string(&p.name)).collect();
                    diagnostic.with_help(format!(
                        "define it upstream (CREATE PUBLICATION …), or use one the upstream SQL defines: {}",
                        crate::upstream_model::list_with_more(&names, 10)
                    ))
                }
                _ => diagnostic.with_help(
                    "define it upstream (CREATE PUBLICATION …); the upstream SQL drops every publication it creates",
                ),
            }
        };
        if let [p] = near.as_slice() {
            diagnostic = diagnostic
                .with_related(
                    p.name_site.location.file,
                    p.name_site.span,
                    format!("publication {} is defined here", p.name),
                )
                .with_fix(Fix::unsafe_(
                    format!("Use publication {}", quote_string(&p.name)),
                    vec![Edit::replace(publication.span, quote_string(&p.name))],
                ));
        }
        out.push(diagnostic);
    }
}

#[cfg(test)]
mod tests {
    use super::super::common::testing::*;
    use crate::diagnostic::Applicability;

    const BAD: &str = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pubs') FOR TABLES (public.orders, public.customers);";

    #[test]
    fn bad_example() {
        let files = [("upstream/setup.sql", RUNNING_EXAMPLE), ("src.sql", BAD)];
        let found = lint_all(&files);
        assert_eq!(found.len(), 1, "{found:#?}");
        let f = &found[0];
        assert_eq!(f.code, "MZ400");
        assert_eq!(f.path, "src.sql");
        assert_eq!(
            f.message,
            "publication 'mz_pubs' is not defined in the project's upstream SQL"
        );
        assert_eq!(f.text, "'mz_pubs'");
        // The catalog writes `:5` (the fifth statement); mzlint prints the line,
        // 6 in the running example, whose first CREATE TABLE spans two lines.
        assert_eq!(f.help, "did you mean 'mz_pub' (upstream/setup.sql:6)?");
        assert_eq!(
            f.related,
            ["upstream/setup.sql:6:20 publication mz_pub is defined here"]
        );
        assert_eq!(
            f.fix,
            Some((Applicability::Unsafe, "Use publication 'mz_pub'".into()))
        );
        insta::assert_snapshot!(render(&files, "MZ400"));
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
    fn fix_replaces_the_value() {
        let files = [("upstream/setup.sql", RUNNING_EXAMPLE), ("src.sql", BAD)];
        assert_fix(
            &files,
            "MZ400",
            "src.sql",
            Applicability::Unsafe,
            GOOD_SOURCE,
        );
    }

    #[test]
    fn case_only_difference() {
        let upstream = "CREATE TABLE t (id int);\nALTER TABLE t REPLICA IDENTITY FULL;\nCREATE PUBLICATION MzPub FOR TABLE t;\n";
        let source = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'MzPub') FOR TABLES (t);";
        let files = [("upstream/setup.sql", upstream), ("src.sql", source)];
        let found = lint_code(&files, "MZ400");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(
            found[0].message,
            "publication 'MzPub' is not defined upstream, but 'mzpub' is: PostgreSQL folds unquoted names to lower case"
        );
        assert_eq!(
            found[0].help,
            "write PUBLICATION 'mzpub', or quote the name upstream"
        );
        assert_eq!(found[0].text, "'MzPub'");
        assert_fix(
            &files,
            "MZ400",
            "src.sql",
            Applicability::Unsafe,
            &source.replace("'MzPub'", "'mzpub'"),
        );
        // A quoted name keeps its case upstream: then it matches.
        let quoted = upstream.replace("MzPub", "\"MzPub\"");
        assert!(lint_code(
            &[("upstream/setup.sql", &quoted), ("src.sql", source)],
            "MZ400"
        )
        .is_empty());
    }

    #[test]
    fn no_suggestion_lists_the_publications() {
        let source = BAD.replace("mz_pubs", "inventory");
        let files = [
            ("upstream/setup.sql", RUNNING_EXAMPLE),
            ("src.sql", source.as_str()),
        ];
        let found = lint_code(&files, "MZ400");
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].help,
            "define it upstream (CREATE PUBLICATION …), or use one the upstream SQL defines: 'mz_pub'"
        );
        assert_eq!(found[0].fix, None);
    }

    #[test]
    fn dropped_publication_is_absent() {
        let upstream = format!("{RUNNING_EXAMPLE}DROP PUBLICATION mz_pub;\n");
        let files = [
            ("upstream/setup.sql", upstream.as_str()),
            ("src.sql", GOOD_SOURCE),
        ];
        let found = lint_code(&files, "MZ400");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(
            found[0].message,
            "publication 'mz_pub' is not defined in the project's upstream SQL"
        );
        // Re-created in a later file: present again.
        let files = [
            ("upstream/setup.sql", upstream.as_str()),
            (
                "upstream/zz.sql",
                "CREATE PUBLICATION mz_pub FOR TABLE public.orders, public.customers;",
            ),
            ("src.sql", GOOD_SOURCE),
        ];
        assert!(lint_code(&files, "MZ400").is_empty());
    }

    #[test]
    fn silent_without_publications_in_the_project() {
        // A single file (standard input) or a project without upstream SQL.
        assert!(lint_code(&[("src.sql", BAD)], "MZ400").is_empty());
        let upstream = "CREATE TABLE public.orders (id bigint);\n";
        assert!(lint_code(
            &[("upstream/setup.sql", upstream), ("src.sql", BAD)],
            "MZ400"
        )
        .is_empty());
    }

    #[test]
    fn placeholders_are_skipped() {
        for value in ["'${PUBLICATION}'", "'<publication>'", "'{{ pub }}'"] {
            let source = BAD.replace("'mz_pubs'", value);
            let files = [
                ("upstream/setup.sql", RUNNING_EXAMPLE),
                ("src.sql", source.as_str()),
            ];
            assert!(lint_code(&files, "MZ400").is_empty(), "{value}");
        }
    }

    #[test]
    fn identifier_values_and_aliases() {
        // An unquoted identifier folds; PUBLICATIONS counts as PUBLICATION (rules.md §1.8).
        let source = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION MZ_PUB) FOR TABLES (public.orders, public.customers);";
        let files = [("upstream/setup.sql", RUNNING_EXAMPLE), ("src.sql", source)];
        assert!(lint_code(&files, "MZ400").is_empty());
        let source = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATIONS 'mz_pubs') FOR TABLES (public.orders, public.customers);";
        let files = [("upstream/setup.sql", RUNNING_EXAMPLE), ("src.sql", source)];
        let found = lint_code(&files, "MZ400");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, "'mz_pubs'");
    }

    #[test]
    fn layout_variants() {
        // Mixed case, comments between the words, CRLF, non-ASCII before.
        let source = "-- Ünïcödé 🚀\r\ncreate source SRC in cluster ingest\r\n  from postgres connection pg (publication /* the pub */ 'mz_pubs')\r\n  for tables (public.orders, public.customers);\r\n";
        let files = [("upstream/setup.sql", RUNNING_EXAMPLE), ("src.sql", source)];
        let found = lint_code(&files, "MZ400");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].text, "'mz_pubs'");
        assert_fix(
            &files,
            "MZ400",
            "src.sql",
            Applicability::Unsafe,
            &source.replace("'mz_pubs'", "'mz_pub'"),
        );
    }

    #[test]
    fn publication_in_a_materialize_file() {
        // CREATE PUBLICATION found in a Materialize file feeds the model.
        let files = [
            (
                "a.sql",
                "CREATE PUBLICATION mz_pub FOR TABLE public.orders;",
            ),
            ("b.sql", BAD),
        ];
        let found = lint_code(&files, "MZ400");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].help, "did you mean 'mz_pub' (a.sql:1)?");
    }

    #[test]
    fn secrets_never_shown() {
        // The removed inline connection string is secret-bearing as a whole.
        let source = format!("CREATE SOURCE src FROM POSTGRES CONNECTION 'host=pg.internal user=mz password={CANARY}' PUBLICATION 'mz_pubs';");
        let files = [
            ("upstream/setup.sql", RUNNING_EXAMPLE),
            ("src.sql", source.as_str()),
        ];
        let found = lint_code(&files, "MZ400");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].text, "'mz_pubs'");
        assert_no_canary(&files);
    }

    #[test]
    fn suppressed() {
        let source = format!("-- mzlint: ignore[MZ400]\n{BAD}");
        let files = [
            ("upstream/setup.sql", RUNNING_EXAMPLE),
            ("src.sql", source.as_str()),
        ];
        assert!(lint_all(&files).is_empty());
    }
}

use crate::prelude::*;
use crate::project::{DefKind, Definition};
use mzlint_syntax::TokenKind;

declare_rule! {
/// * **Detects** two definitions of one fully qualified name in one namespace (items — secrets,
///   connections, sources, subsources, tables, views, materialized views, sinks — share one per schema;
///   clusters have their own), with no `DROP` of the name between them in project order, when neither
///   uses `IF NOT EXISTS`, or the later does but differs (token sequences compared ignoring whitespace,
///   comments and identifier case).
/// * **Not** on an identical later `IF NOT EXISTS` definition, or across a DROP.
/// * **Message** (span: the later name; note at the earlier): ``secret `pg_pw` is already created at
///   secrets/a.sql:1`` — help: `Materialize fails with "already exists"; keep one definition and change it
///   with ALTER, or drop it first`. IF NOT EXISTS form: ``connection `pg` is created again with IF NOT
///   EXISTS but a different definition; Materialize silently keeps the first``.
/// * **Why**: `<item type> "<name>" already exists` (`src/sql/src/plan/error.rs`); `IF NOT EXISTS` checks
///   the name only (Materialize docs, CREATE TABLE).
/// * **Bad** — `secrets/a.sql`: `CREATE SECRET pg_pw AS '${PG_PASSWORD_A}';` and `secrets/b.sql`:
///   `CREATE SECRET pg_pw AS '${PG_PASSWORD_B}';`
/// * **Good** — the same `a.sql`, and `secrets/b.sql`: `ALTER SECRET pg_pw AS '${PG_PASSWORD_B}';`
    pub(crate) static RULE = {
        code: "MZ502",
        name: "duplicate-definition",
        severity: Warning,
        scope: Project,
        fix: None,
        fix_summary: "none",
        summary: "Object created twice",
        check: Project(check),
    }
}

fn check(ctx: &ProjectContext<'_>, out: &mut Vec<Diagnostic>) {
    let mut findings: Vec<Diagnostic> = Vec::new();
    for definitions in ctx.project.repeated_names() {
        let namespace = definitions[0].kind.namespace();
        let name = &definitions[0].name;
        for pair in definitions.windows(2) {
            let (earlier, later) = (pair[0], pair[1]);
            if !ctx.in_focus(later.location.file) {
                continue;
            }
            let dropped_between =
                ctx.project
                    .dropped_between(namespace, name, earlier.location, later.location);
            if dropped_between {
                continue;
            }
            if earlier.location == later.location && earlier.kind == DefKind::Subsource {
                continue; // the same FOR TABLES entry twice is MZ407's
            }
            let earlier_file = ctx.file(earlier.location.file);
            let later_file = ctx.file(later.location.file);
            let written = later_file.text.get(later.name_span.range()).unwrap_or("");
            let noun = later.kind.noun();
            let (line, _) = earlier_file.row_col(earlier.name_span.start);
            let at = format!("{}:{line}", earlier_file.display_path());
            let diagnostic = if later.if_not_exists {
                if same_definition(ctx, earlier, later) {
                    continue;
                }
                Diagnostic::new(
                    &RULE,
                    later.location.file,
                    later.name_span,
                    format!("{noun} `{written}` is created again with IF NOT EXISTS but a different definition; Materialize silently keeps the first"),
                )
                .with_help(format!("keep one definition (the first is at {at}) and change it with ALTER, or drop it first"))
            } else {
                Diagnostic::new(
                    &RULE,
                    later.location.file,
                    later.name_span,
                    format!("{noun} `{written}` is already created at {at}"),
                )
                .with_help("Materialize fails with \"already exists\"; keep one definition and change it with ALTER, or drop it first")
            };
            findings.push(diagnostic.with_related(
                earlier.location.file,
                earlier.name_span,
                "first created here",
            ));
        }
    }
    findings.sort_by_key(|d| (d.file, d.span.start));
    out.extend(findings);
}

/// Token sequences equal ignoring whitespace, comments, identifier case and
/// `IF NOT EXISTS`.
fn same_definition(ctx: &ProjectContext<'_>, a: &Definition, b: &Definition) -> bool {
    let tokens = |definition: &Definition| -> Vec<String> {
        let file = ctx.file(definition.location.file);
        let Some(statement) = file.parsed.statements.get(definition.location.statement) else {
            return Vec::new();
        };
        // Tokens are sorted: find the statement's by binary search rather
        // than scanning the whole file for every definition.
        let tokens = &file.parsed.tokens;
        let first = tokens.partition_point(|t| t.span.start < statement.span.start);
        let last = tokens.partition_point(|t| t.span.end <= statement.span.end);
        let words: Vec<String> = tokens[first..last.max(first)]
            .iter()
            .filter(|t| !t.kind.is_trivia() && statement.span.contains_span(t.span))
            .map(|t| {
                let text = t.text(&file.text);
                if t.kind == TokenKind::Word {
                    text.to_lowercase()
                } else {
                    text.to_string()
                }
            })
            .collect();
        let mut out = Vec::with_capacity(words.len());
        let mut i = 0;
        while i < words.len() {
            if words[i] == "if"
                && words.get(i + 1).map(String::as_str) == Some("not")
                && words.get(i + 2).map(String::as_str) == Some("exists")
            {
                i += 3;
                continue;
            }
            out.push(words[i].clone());
            i += 1;
        }
        out
    };
    tokens(a) == tokens(b)
}

#[cfg(test)]
mod tests {
    use crate::testing_support::lint_project_codes;

    #[test]
    fn bad_example_across_files() {
        let found = lint_project_codes(
            &[
                (
                    "secrets/a.sql",
                    "CREATE SECRET pg_pw AS '${PG_PASSWORD_A}';",
                ),
                (
                    "secrets/b.sql",
                    "CREATE SECRET pg_pw AS '${PG_PASSWORD_B}';",
                ),
            ],
            "MZ502",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "secrets/b.sql");
        assert_eq!(
            found[0].1,
            "secret `pg_pw` is already created at secrets/a.sql:1"
        );
        assert_eq!(found[0].2, "pg_pw");
    }

    #[test]
    fn good_example_alter_instead() {
        let found = lint_project_codes(
            &[
                (
                    "secrets/a.sql",
                    "CREATE SECRET pg_pw AS '${PG_PASSWORD_A}';",
                ),
                ("secrets/b.sql", "ALTER SECRET pg_pw AS '${PG_PASSWORD_B}';"),
            ],
            "MZ502",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn if_not_exists_identical_is_fine_but_different_is_reported() {
        let same = "CREATE CONNECTION pg TO POSTGRES (HOST 'h.internal', DATABASE 'd', USER 'u', SSL MODE 'require');\n\
                    -- again\ncreate connection if not exists PG to postgres (HOST 'h.internal', DATABASE 'd', USER 'u', SSL MODE 'require');";
        assert!(lint_project_codes(&[("a.sql", same)], "MZ502").is_empty());
        let different = "CREATE CONNECTION pg TO POSTGRES (HOST 'h.internal', DATABASE 'd', USER 'u', SSL MODE 'require');\n\
                         CREATE CONNECTION IF NOT EXISTS pg TO POSTGRES (HOST 'other.internal', DATABASE 'd', USER 'u', SSL MODE 'require');";
        let found = lint_project_codes(&[("a.sql", different)], "MZ502");
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].1,
            "connection `pg` is created again with IF NOT EXISTS but a different definition; Materialize silently keeps the first"
        );
    }

    #[test]
    fn a_drop_between_allows_recreation_and_clusters_have_their_own_namespace() {
        let sql = "CREATE SECRET s AS '${A}';\nDROP SECRET s;\nCREATE SECRET s AS '${B}';\nCREATE CLUSTER s (SIZE = 'M.1-small');";
        assert!(lint_project_codes(&[("a.sql", sql)], "MZ502").is_empty());
    }

    #[test]
    fn items_share_one_namespace_per_schema() {
        let sql = "CREATE SECRET orders AS '${A}';\nCREATE TABLE orders FROM SOURCE src (REFERENCE public.orders);\nCREATE SECRET other.orders AS '${B}';";
        let found = lint_project_codes(&[("a.sql", sql)], "MZ502");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "table `orders` is already created at a.sql:1");
    }
}

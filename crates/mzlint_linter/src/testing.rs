//! Helpers for rule tests and the CLI's tests. Not a stable API.
//!
//! ```ignore
//! use mzlint_linter::testing::*;
//! let diagnostics = lint_sql("CREATE CONNECTION pg TO POSTGRES (HOST 'h');");
//! insta::assert_snapshot!(render_sql("CREATE …", &diagnostics));
//! let fixed = assert_fixes_converge("CREATE …", None);
//! ```

use std::path::{Path, PathBuf};

use mzlint_syntax::LineIndex;

use crate::config::settings_from_str;
use crate::diagnostic::{Applicability, Diagnostic};
use crate::fix::{self, FixMode};
use crate::load;
use crate::settings::Settings;
use crate::source::{FileId, SourceFile};

/// The path single-file helpers give their file.
pub const TEST_PATH: &str = "test.sql";

/// Settings from a configuration text (as if `mzlint.toml` in the working
/// directory), or the defaults. Panics on a configuration error.
pub fn test_settings(config_toml: Option<&str>) -> Settings {
    match config_toml {
        Some(text) => settings_from_str(text, Path::new("mzlint.toml"))
            .unwrap_or_else(|e| panic!("invalid test configuration: {e}")),
        None => Settings::default(),
    }
}

/// One file (`test.sql`) parsed like the CLI would.
pub fn test_file(sql: &str, settings: &Settings) -> SourceFile {
    let path = PathBuf::from(TEST_PATH);
    let upstream = load::upstream_for(settings, &path);
    load::load_text(FileId(0), path, sql.to_string(), upstream)
}

/// Lint `sql` as one file with the default settings.
pub fn lint_sql(sql: &str) -> Vec<Diagnostic> {
    lint_sql_with_settings(sql, &Settings::default())
}

/// Lint `sql` as one file with a configuration (`mzlint.toml` text).
pub fn lint_sql_with(sql: &str, config_toml: &str) -> Vec<Diagnostic> {
    lint_sql_with_settings(sql, &test_settings(Some(config_toml)))
}

pub fn lint_sql_with_settings(sql: &str, settings: &Settings) -> Vec<Diagnostic> {
    let file = test_file(sql, settings);
    crate::lint::lint_files(std::slice::from_ref(&file), &[settings])
        .pop()
        .unwrap_or_default()
}

/// Lint `sql` as one file with an optional configuration (`mzlint.toml`
/// text).
pub fn lint_sql_config(sql: &str, config_toml: Option<&str>) -> Vec<Diagnostic> {
    lint_sql_with_settings(sql, &test_settings(config_toml))
}

/// Lint `sql` and expect exactly one diagnostic in all, of `code`: the rule
/// fires and no other rule does.
pub fn only_diagnostic(sql: &str, config_toml: Option<&str>, code: &str) -> Diagnostic {
    let diagnostics = lint_sql_config(sql, config_toml);
    assert_eq!(
        diagnostics.len(),
        1,
        "expected exactly one {code}, got:\n{}",
        render_sql(sql, &diagnostics)
    );
    assert_eq!(diagnostics[0].rule.code, code);
    diagnostics.into_iter().next().unwrap()
}

/// Lint `sql` and expect no diagnostic of any rule.
pub fn assert_no_diagnostics(sql: &str, config_toml: Option<&str>) {
    let diagnostics = lint_sql_config(sql, config_toml);
    assert!(
        diagnostics.is_empty(),
        "expected no diagnostic, got:\n{}",
        render_sql(sql, &diagnostics)
    );
}

/// The diagnostics of one rule.
pub fn of_code(diagnostics: &[Diagnostic], code: &str) -> Vec<Diagnostic> {
    diagnostics
        .iter()
        .filter(|d| d.rule.code == code)
        .cloned()
        .collect()
}

/// `(code, message, flagged text)` of each diagnostic of `sql`, in order.
pub fn code_message_text(sql: &str, diagnostics: &[Diagnostic]) -> Vec<(String, String, String)> {
    diagnostics
        .iter()
        .map(|d| {
            (
                d.rule.code.to_string(),
                d.message.clone(),
                sql[d.span.range()].to_string(),
            )
        })
        .collect()
}

/// The unique value secrets tests plant in secret-bearing values: nothing
/// mzlint says may contain it (rules.md §2).
pub const CANARY: &str = "mzlint-canary-9c1e7f";

/// Everything a diagnostic says: message, help, notes, related notes, fix
/// title and edits, one a line.
pub fn everything_said(diagnostic: &Diagnostic) -> String {
    let mut text = diagnostic.message.clone();
    text.extend(diagnostic.help.iter().map(|h| format!("\n{h}")));
    text.extend(diagnostic.notes.iter().map(|n| format!("\n{n}")));
    text.extend(
        diagnostic
            .related
            .iter()
            .map(|r| format!("\n{}", r.message)),
    );
    if let Some(fix) = &diagnostic.fix {
        text.push_str(&format!("\n{}", fix.message));
        text.extend(fix.edits.iter().map(|e| format!("\n{}", e.content)));
    }
    text
}

/// `needle` (a secret, such as [`CANARY`]) appears in nothing the
/// diagnostics of `sql` say, nor in their concise rendering.
pub fn assert_never_said(needle: &str, sql: &str, diagnostics: &[Diagnostic]) {
    for diagnostic in diagnostics {
        assert!(
            !everything_said(diagnostic).contains(needle),
            "{} leaks {needle:?}: {diagnostic:?}",
            diagnostic.rule.code
        );
    }
    let rendered = render_sql(sql, diagnostics);
    assert!(!rendered.contains(needle), "{rendered}");
}

/// Lint several files as one project. Files are numbered in path order
/// (project order); the result is each diagnostic with its file's path, in
/// that order.
pub fn lint_project(
    files: &[(&str, &str)],
    config_toml: Option<&str>,
) -> Vec<(String, Diagnostic)> {
    let settings = test_settings(config_toml);
    let sorted = sorted_files(files);
    let sources: Vec<SourceFile> = sorted
        .iter()
        .enumerate()
        .map(|(i, (path, text))| {
            let path = PathBuf::from(path);
            let upstream = load::upstream_for(&settings, &path);
            load::load_text(FileId(i as u32), path, text.to_string(), upstream)
        })
        .collect();
    let per_file: Vec<&Settings> = sources.iter().map(|_| &settings).collect();
    crate::lint::lint_files(&sources, &per_file)
        .into_iter()
        .enumerate()
        .flat_map(|(i, diagnostics)| {
            let path = sorted[i].0.to_string();
            diagnostics.into_iter().map(move |d| (path.clone(), d))
        })
        .collect()
}

fn sorted_files<'a>(files: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut sorted = files.to_vec();
    sorted.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    sorted
}

/// `path:row:col: severity[CODE] message (name)`, then indented `help:`,
/// `note:` and `fix (applicability):` lines — for snapshots. `files` and
/// `diagnostics` as given to and returned by [`lint_project`].
pub fn render_concise(files: &[(&str, &str)], diagnostics: &[(String, Diagnostic)]) -> String {
    let sorted = sorted_files(files);
    let indexes: Vec<LineIndex> = sorted.iter().map(|(_, t)| LineIndex::new(t)).collect();
    let position = |file: usize, offset: u32| -> (usize, usize) {
        match (sorted.get(file), indexes.get(file)) {
            (Some((_, text)), Some(index)) => index.row_col(text, offset),
            _ => (1, 1),
        }
    };
    let mut out = String::new();
    for (path, d) in diagnostics {
        let file = sorted
            .iter()
            .position(|(p, _)| p == path)
            .unwrap_or(d.file.0 as usize);
        let (row, col) = position(file, d.span.start);
        out.push_str(&format!(
            "{path}:{row}:{col}: {}[{}] {} ({})\n",
            d.severity.as_str(),
            d.rule.code,
            d.message,
            d.rule.name
        ));
        if let Some(help) = &d.help {
            out.push_str(&format!("  help: {help}\n"));
        }
        for note in &d.notes {
            out.push_str(&format!("  note: {note}\n"));
        }
        for related in &d.related {
            let index = related.file.0 as usize;
            let (row, col) = position(index, related.span.start);
            let related_path = sorted.get(index).map_or("?", |(p, _)| p);
            out.push_str(&format!(
                "  note: {related_path}:{row}:{col}: {}\n",
                related.message
            ));
        }
        if let Some(fix) = &d.fix {
            out.push_str(&format!(
                "  fix ({}): {}\n",
                fix.applicability.as_str(),
                fix.message
            ));
        }
    }
    out
}

/// [`render_concise`] for one file (`test.sql`).
pub fn render_sql(sql: &str, diagnostics: &[Diagnostic]) -> String {
    let tagged: Vec<(String, Diagnostic)> = diagnostics
        .iter()
        .map(|d| (TEST_PATH.to_string(), d.clone()))
        .collect();
    render_concise(&[(TEST_PATH, sql)], &tagged)
}

/// Lint and render in one go (one file, `test.sql`).
pub fn check_sql(sql: &str, config_toml: Option<&str>) -> String {
    let settings = test_settings(config_toml);
    render_sql(sql, &lint_sql_with_settings(sql, &settings))
}

/// Check every fix `sql` gets, and return the text `--fix --unsafe-fixes`
/// makes of it:
/// * each safe or unsafe fix alone re-parses with no new MZ000 and clears
///   its diagnostic (one diagnostic with that code and message fewer);
/// * all of them together through [`fix::fix_file`] leave no new MZ000;
/// * a second `fix_file` on the result changes nothing.
///
/// Display-only fixes are never applied and not checked.
pub fn assert_fixes_converge(sql: &str, config_toml: Option<&str>) -> String {
    let settings = test_settings(config_toml);
    assert_fixes_converge_using(sql, &settings, |f| fix::lint_alone(f, &settings))
}

/// [`assert_fixes_converge`] with a given linter (the file as the test
/// helpers parse it → its diagnostics).
pub fn assert_fixes_converge_using<F>(sql: &str, settings: &Settings, lint: F) -> String
where
    F: Fn(&SourceFile) -> Vec<Diagnostic>,
{
    let file = test_file(sql, settings);
    let baseline_errors = file.parsed.errors.len();
    let diagnostics = lint(&file);
    let count_of = |list: &[Diagnostic], d: &Diagnostic| {
        list.iter()
            .filter(|o| o.rule.code == d.rule.code && o.message == d.message)
            .count()
    };
    for d in &diagnostics {
        let Some(f) = &d.fix else { continue };
        if f.applicability == Applicability::DisplayOnly {
            continue;
        }
        let (text, applied) = fix::apply_fixes_in(&file, std::slice::from_ref(d), FixMode::Unsafe);
        assert_eq!(
            applied, 1,
            "the fix of {} ({}) at {:?} could not be applied on its own: {:?}",
            d.rule.code, d.message, d.span, f
        );
        let fixed = test_file(&text, settings);
        assert!(
            fixed.parsed.errors.len() <= baseline_errors,
            "the fix of {} ({}) makes the file parse worse:\n{text}\nerrors: {:?}",
            d.rule.code,
            d.message,
            fixed.parsed.errors
        );
        let after = lint(&fixed);
        assert!(
            count_of(&after, d) < count_of(&diagnostics, d),
            "the fix of {} ({}) does not clear its diagnostic; fixed text:\n{text}",
            d.rule.code,
            d.message
        );
    }
    let outcome = fix::fix_file_with(&file, diagnostics, FixMode::Unsafe, &lint);
    let fixed = test_file(&outcome.text, settings);
    assert!(
        fixed.parsed.errors.len() <= baseline_errors,
        "fixing everything makes the file parse worse:\n{}",
        outcome.text
    );
    let again = fix::fix_file_with(&fixed, lint(&fixed), FixMode::Unsafe, &lint);
    assert_eq!(
        again.fixes_applied, 0,
        "fixes did not converge: a second --fix changed\n{}\ninto\n{}",
        outcome.text, again.text
    );
    assert_eq!(again.text, outcome.text);
    outcome.text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Edit, Fix};
    use mzlint_syntax::Span;

    #[test]
    fn projects_are_numbered_in_path_order() {
        let files = [
            ("b/z.sql", "-- mzlint: ignore[MZ600]\nSELECT 1;\n"),
            ("a.sql", "SELECT 1; -- mzlint: ignore[bogus]\n"),
        ];
        let diagnostics = lint_project(&files, None);
        assert_eq!(diagnostics[0].1.file, FileId(0));
        assert_eq!(diagnostics[1].1.file, FileId(1));
        insta::assert_snapshot!(render_concise(&files, &diagnostics), @r"
        a.sql:1:29: warning[MZ003] unknown rule name 'bogus' in suppression comment (invalid-suppression)
        b/z.sql:1:19: warning[MZ002] unused suppression: MZ600 (source-without-cluster) reported nothing here (unused-suppression)
          fix (safe): Remove unused suppression comment
        ");
        let quiet = lint_project(&files, Some("[lint]\nignore = [\"MZ0\"]\n"));
        assert!(quiet.is_empty());
    }

    #[test]
    fn render_shows_help_notes_related_and_fixes() {
        let rule = crate::registry::find("MZ502").unwrap();
        let files = [("a.sql", "SELECT 1;\n"), ("b.sql", "\nSELECT 2;\n")];
        let d = Diagnostic::new(rule, FileId(1), Span::new(1, 7), "object `x` created twice")
            .with_help("drop one")
            .with_note("a note")
            .with_related(FileId(0), Span::new(0, 6), "first defined here")
            .with_fix(Fix::display_only("Remove it", vec![]));
        insta::assert_snapshot!(render_concise(&files, &[("b.sql".to_string(), d)]), @r"
        b.sql:2:1: warning[MZ502] object `x` created twice (duplicate-definition)
          help: drop one
          note: a note
          note: a.sql:1:1: first defined here
          fix (display-only): Remove it
        ");
    }

    fn fake(fix: impl Fn(&SourceFile) -> Option<Fix>) -> impl Fn(&SourceFile) -> Vec<Diagnostic> {
        let rule = crate::registry::find("MZ704").unwrap();
        move |f: &SourceFile| {
            fix(f)
                .map(|x| Diagnostic::new(rule, f.id, Span::empty(0), "finding").with_fix(x))
                .into_iter()
                .collect()
        }
    }

    #[test]
    fn a_good_fix_converges() {
        let lint = fake(|f| {
            f.text.find("select").map(|at| {
                Fix::safe(
                    "Upper-case",
                    vec![Edit::replace(Span::new(at as u32, at as u32 + 6), "SELECT")],
                )
            })
        });
        let fixed = assert_fixes_converge_using("select 1;\n", &Settings::default(), lint);
        assert_eq!(fixed, "SELECT 1;\n");
    }

    #[test]
    #[should_panic(expected = "does not clear its diagnostic")]
    fn a_fix_that_does_not_clear_its_diagnostic_fails() {
        let lint = fake(|_| Some(Fix::safe("Noop", vec![Edit::insert(0, " ")])));
        assert_fixes_converge_using("SELECT 1;\n", &Settings::default(), lint);
    }

    #[test]
    #[should_panic(expected = "makes the file parse worse")]
    fn a_fix_that_breaks_the_parse_fails() {
        let lint = fake(|f| {
            f.text.starts_with("SELECT").then(|| {
                Fix::safe(
                    "Break",
                    vec![Edit::replace(
                        Span::new(0, 9),
                        "CREATE CONNECTION pg TO POSTGRES HOST 'x';",
                    )],
                )
            })
        });
        assert_fixes_converge_using("SELECT 1;\n", &Settings::default(), lint);
    }
}

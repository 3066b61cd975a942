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
    let file = test_file(sql, &settings);
    let baseline_errors = file.parsed.errors.len();
    let diagnostics = fix::lint_alone(&file, &settings);
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
        let fixed = test_file(&text, &settings);
        assert!(
            fixed.parsed.errors.len() <= baseline_errors,
            "the fix of {} ({}) makes the file parse worse:\n{text}\nerrors: {:?}",
            d.rule.code,
            d.message,
            fixed.parsed.errors
        );
        let after = fix::lint_alone(&fixed, &settings);
        assert!(
            count_of(&after, d) < count_of(&diagnostics, d),
            "the fix of {} ({}) does not clear its diagnostic; fixed text:\n{text}",
            d.rule.code,
            d.message
        );
    }
    let outcome = fix::fix_file(&file, &settings, diagnostics, FixMode::Unsafe);
    let fixed = test_file(&outcome.text, &settings);
    assert!(
        fixed.parsed.errors.len() <= baseline_errors,
        "fixing everything makes the file parse worse:\n{}",
        outcome.text
    );
    let again_diagnostics = fix::lint_alone(&fixed, &settings);
    let again = fix::fix_file(&fixed, &settings, again_diagnostics, FixMode::Unsafe);
    assert_eq!(
        again.fixes_applied, 0,
        "fixes did not converge: a second --fix changed\n{}\ninto\n{}",
        outcome.text, again.text
    );
    assert_eq!(again.text, outcome.text);
    outcome.text
}

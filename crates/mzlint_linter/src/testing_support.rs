//! Small helpers for the project rules' unit tests (the full harness is
//! `testing.rs`).

use std::path::PathBuf;

use crate::diagnostic::{Applicability, Diagnostic};
use crate::settings::Settings;
use crate::source::{FileId, SourceFile};

/// Lint files (numbered in path order) with default settings and `config`
/// applied by `configure`.
pub(crate) fn lint_files_with(
    files: &[(&str, &str)],
    configure: impl Fn(&mut Settings),
) -> (Vec<SourceFile>, Vec<Vec<Diagnostic>>) {
    let mut sorted: Vec<(&str, &str)> = files.to_vec();
    sorted.sort_by(|a, b| a.0.cmp(b.0));
    let sources: Vec<SourceFile> = sorted
        .iter()
        .enumerate()
        .map(|(i, (path, text))| {
            let upstream = path.starts_with("upstream/").then_some(true);
            SourceFile::new(
                FileId(i as u32),
                PathBuf::from(path),
                text.to_string(),
                upstream,
            )
        })
        .collect();
    let mut settings = Settings::default();
    configure(&mut settings);
    let refs: Vec<&Settings> = sources.iter().map(|_| &settings).collect();
    let diagnostics = crate::lint::lint_files(&sources, &refs);
    (sources, diagnostics)
}

/// `(path, message, flagged text, help)` of every diagnostic with `code`.
pub(crate) fn lint_project_codes(
    files: &[(&str, &str)],
    code: &str,
) -> Vec<(String, String, String, String)> {
    lint_project_codes_with(files, code, |_| {})
}

pub(crate) fn lint_project_codes_with(
    files: &[(&str, &str)],
    code: &str,
    configure: impl Fn(&mut Settings),
) -> Vec<(String, String, String, String)> {
    let (sources, diagnostics) = lint_files_with(files, configure);
    let mut out = Vec::new();
    for (file, list) in sources.iter().zip(diagnostics) {
        for d in list.into_iter().filter(|d| d.rule.code == code) {
            out.push((
                file.display_path(),
                d.message.clone(),
                file.text[d.span.range()].to_string(),
                d.help.clone().unwrap_or_default(),
            ));
        }
    }
    out
}

/// Apply every applicable fix of `code` in a one-file project; return the text.
pub(crate) fn apply_all_fixes(sql: &str, code: &str) -> String {
    let (sources, diagnostics) = lint_files_with(&[("a.sql", sql)], |_| {});
    let mut edits: Vec<_> = diagnostics[0]
        .iter()
        .filter(|d| d.rule.code == code)
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| f.applicability != Applicability::DisplayOnly)
        .flat_map(|f| f.edits.iter().cloned())
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
    let mut text = sources[0].text.clone();
    for edit in edits {
        text.replace_range(edit.span.range(), &edit.content);
    }
    text
}

//! `--fix` and `--diff` over a whole run (interfaces.md §5), on the
//! engine's fix loop ([`fix::fix_file_with`]).
//!
//! Fixing is done in project rounds, because a fix in one file can make or
//! unmake a finding in another (cross-file rules see every file):
//!
//! 1. lint the whole project (every file of the run, `files.project`
//!    extras included);
//! 2. for each file that is fixed (a checked file with an applicable fix),
//!    run [`fix::fix_file_with`]; its re-lint lints the file *within the
//!    project as it stands*: the file's project summary is recomputed and
//!    merged with the others', so files fixed earlier in the round are seen
//!    fixed. A file whose findings may have gone stale (an earlier file
//!    changed this round) is re-linted before its fixes are chosen;
//! 3. repeat until a round changes nothing, at most [`fix::MAX_ROUNDS`]
//!    rounds.
//!
//! The engine never applies a fix that touches a statement with a syntax
//! error (MZ000) nor keeps a round that makes the file parse worse; files
//! that could not be read (MZ001) are never fixed. The diagnostics returned
//! come from a whole-project lint of the final texts.

use mzlint_linter::fix::{self, FixMode, MAX_ROUNDS};
use mzlint_linter::lint::lint_one_file;
use mzlint_linter::project::{FileSummary, Project};
use mzlint_linter::{lint_with_project, Diagnostic, LoadError, Settings, SourceFile};
use mzlint_syntax::Span;
use rayon::prelude::*;

/// What fixing a run did.
pub struct Fixed {
    /// The diagnostics of the final texts, indexed like the files.
    pub diagnostics: Vec<Vec<Diagnostic>>,
    /// How many fixes were applied to each file.
    pub applied: Vec<usize>,
}

/// Fix the files whose `fixable` flag is set; `files` holds the fixed texts
/// afterwards (re-parsed, with their ids, paths, kinds and BOMs).
pub fn fix_project(
    files: &mut [SourceFile],
    settings: &[&Settings],
    fixable: &[bool],
    mode: FixMode,
) -> Fixed {
    let mut applied = vec![0usize; files.len()];
    let mut summaries: Vec<FileSummary> = files
        .par_iter()
        .zip(settings.par_iter())
        .map(|(file, settings)| FileSummary::of(file, settings))
        .collect();
    let mut diagnostics = lint_with_project(
        files,
        settings,
        &Project::from_summaries(&summaries).with_upstream(files, settings),
    );
    for _ in 0..MAX_ROUNDS {
        let mut round_changed = false;
        for i in 0..files.len() {
            if !fixable[i]
                || files[i].load_error.is_some()
                || !has_applicable_fix(&diagnostics[i], mode)
            {
                continue;
            }
            if round_changed {
                // An earlier file changed this round: these findings may be stale.
                let project = Project::from_summaries(&summaries).with_upstream(files, settings);
                diagnostics[i] = lint_one_file(files, settings, &project, files[i].id);
                if !has_applicable_fix(&diagnostics[i], mode) {
                    continue;
                }
            }
            // Take the file out so that the re-lint can put each candidate
            // text in its place.
            let placeholder = placeholder_for(&files[i]);
            let file = std::mem::replace(&mut files[i], placeholder);
            let outcome =
                fix::fix_file_with(&file, std::mem::take(&mut diagnostics[i]), mode, |next| {
                    files[i] = reparse(next);
                    summaries[i] = FileSummary::of(next, settings[i]);
                    let project =
                        Project::from_summaries(&summaries).with_upstream(files, settings);
                    lint_one_file(files, settings, &project, next.id)
                });
            diagnostics[i] = outcome.diagnostics;
            match outcome.file {
                Some(fixed) => {
                    files[i] = fixed;
                    applied[i] += outcome.fixes_applied;
                    round_changed = true;
                }
                None => files[i] = file,
            }
        }
        if !round_changed {
            break;
        }
        diagnostics = lint_with_project(
            files,
            settings,
            &Project::from_summaries(&summaries).with_upstream(files, settings),
        );
    }
    Fixed {
        diagnostics,
        applied,
    }
}

/// Does `--fix` (in `mode`) have something to apply among `diagnostics`?
fn has_applicable_fix(diagnostics: &[Diagnostic], mode: FixMode) -> bool {
    diagnostics.iter().any(|d| {
        d.fix
            .as_ref()
            .is_some_and(|f| mode.applies(f.applicability) && !f.edits.is_empty())
    })
}

/// A copy of `file` (`SourceFile` is not `Clone`: its syntax tree is
/// re-parsed), for the project's file list while the engine keeps `file`.
fn reparse(file: &SourceFile) -> SourceFile {
    let mut copy = SourceFile::new(
        file.id,
        file.path.clone(),
        file.text.clone(),
        Some(file.kind.is_upstream()),
    );
    copy.has_bom = file.has_bom;
    copy
}

/// An empty stand-in while a file is being fixed (never linted: the
/// re-lint puts the candidate text in its place first).
fn placeholder_for(file: &SourceFile) -> SourceFile {
    SourceFile::unreadable(
        file.id,
        file.path.clone(),
        String::new(),
        LoadError {
            message: String::new(),
            span: Span::empty(0),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use mzlint_linter::{lint_files, FileId};
    use std::path::PathBuf;

    fn file(id: u32, name: &str, text: &str) -> SourceFile {
        SourceFile::new(FileId(id), PathBuf::from(name), text.to_string(), None)
    }

    fn codes(diagnostics: &[Diagnostic]) -> Vec<&'static str> {
        diagnostics.iter().map(|d| d.rule.code).collect()
    }

    #[test]
    fn safe_fixes_only_without_unsafe_mode() {
        let settings = Settings::default();
        let text = "CREATE CONNECTION pg TO POSTGRES (HOST 'pg.example.com', USER 'mz', PASSWORD SECRET pw);\n";
        let mut files = vec![file(0, "a.sql", text)];
        let fixed = fix_project(&mut files, &[&settings], &[true], FixMode::Safe);
        assert_eq!(files[0].text, text);
        assert_eq!(fixed.applied, [0]);
        assert!(codes(&fixed.diagnostics[0]).contains(&"MZ200"));
        let fixed = fix_project(&mut files, &[&settings], &[true], FixMode::Unsafe);
        assert_ne!(files[0].text, text);
        assert!(files[0].text.contains("SSL MODE"), "{}", files[0].text);
        assert!(fixed.applied[0] >= 1);
        assert!(!codes(&fixed.diagnostics[0]).contains(&"MZ200"));
    }

    #[test]
    fn unfixable_files_are_left_alone_and_the_result_is_a_whole_lint() {
        let settings = Settings::default();
        let text = "CREATE CONNECTION pg TO POSTGRES (HOST 'pg.example.com', USER 'mz', PASSWORD SECRET pw);\n";
        let mut files = vec![file(0, "a.sql", text), file(1, "b.sql", text)];
        let fixed = fix_project(
            &mut files,
            &[&settings, &settings],
            &[false, true],
            FixMode::Unsafe,
        );
        assert_eq!(files[0].text, text);
        assert_ne!(files[1].text, text);
        assert_eq!(fixed.applied[0], 0);
        let relinted = lint_files(&files, &[&settings, &settings]);
        assert_eq!(
            fixed
                .diagnostics
                .iter()
                .map(|d| codes(d))
                .collect::<Vec<_>>(),
            relinted.iter().map(|d| codes(d)).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_statement_with_a_syntax_error_is_never_edited() {
        let settings = Settings::default();
        let broken = "CREATE CONNECTION pg TO POSTGRES (HOST 'h' PORT 5432 ,, );\n";
        let text = format!(
            "{broken}CREATE CONNECTION ok TO POSTGRES (HOST 'pg.example.com', USER 'mz', PASSWORD SECRET pw);\n"
        );
        let mut files = vec![file(0, "a.sql", &text)];
        let fixed = fix_project(&mut files, &[&settings], &[true], FixMode::Unsafe);
        assert!(files[0].text.starts_with(broken), "{}", files[0].text);
        assert!(codes(&fixed.diagnostics[0]).contains(&"MZ000"));
    }
}

//! Reporters: one module per `--output-format` (interfaces.md §2.2–§2.5).
//!
//! Every reporter reads a [`Report`]: the diagnostics of the checked files,
//! sorted by filename, position and code, with their 1-based character
//! positions computed once. Code frames (only `full` shows source) go
//! through [`frames`], which masks secret-bearing values.

use std::io::{self, Write};

use mzlint_linter::{Applicability, Diagnostic, RuleMeta, Severity, SourceFile};

use crate::cli::OutputFormat;

pub mod concise;
pub mod fingerprint;
pub mod frames;
pub mod full;
pub mod github;
pub mod gitlab;
pub mod json;
pub mod json_lines;
pub mod junit;
pub mod sarif;
pub mod statistics;

#[cfg(test)]
mod reporter_tests;

/// What every reporter reads.
pub struct Report<'a> {
    /// Every file of the run, indexed by id (files that only feed the
    /// project model included: related locations may point at them).
    pub files: &'a [SourceFile],
    /// The files that were checked, sorted by display path.
    pub checked: Vec<&'a SourceFile>,
    /// Sorted by filename, position, code.
    pub entries: Vec<Entry<'a>>,
    /// The rules enabled for at least one file of the run, by code.
    pub rules: Vec<&'static RuleMeta>,
    /// `--unsafe-fixes`: unsafe fixes count as fixable.
    pub unsafe_fixes: bool,
    /// Set after `--fix`: how many fixes were applied, in how many files.
    pub fixed: Option<(usize, usize)>,
}

/// One diagnostic with its positions.
pub struct Entry<'a> {
    pub diagnostic: &'a Diagnostic,
    pub file: &'a SourceFile,
    pub path: String,
    /// 1-based row and character column.
    pub start: (usize, usize),
    /// End exclusive.
    pub end: (usize, usize),
}

impl<'a> Report<'a> {
    /// `diagnostics[i]` belongs to `files[i]`; only files whose id is in
    /// `checked` are reported.
    pub fn new(
        files: &'a [SourceFile],
        checked: &[usize],
        diagnostics: &'a [Vec<Diagnostic>],
        rules: Vec<&'static RuleMeta>,
        unsafe_fixes: bool,
    ) -> Report<'a> {
        let mut checked_files: Vec<&SourceFile> = checked.iter().map(|&i| &files[i]).collect();
        checked_files.sort_by_cached_key(|f| (f.display_path(), f.id));
        let mut entries = Vec::new();
        for &i in checked {
            let file = &files[i];
            let path = file.display_path();
            for diagnostic in diagnostics.get(i).into_iter().flatten() {
                entries.push(Entry {
                    diagnostic,
                    file,
                    path: path.clone(),
                    start: file.row_col(diagnostic.span.start),
                    end: file.row_col(diagnostic.span.end),
                });
            }
        }
        entries.sort_by(|a, b| {
            (
                &a.path,
                a.start,
                a.diagnostic.code(),
                a.end,
                &a.diagnostic.message,
            )
                .cmp(&(
                    &b.path,
                    b.start,
                    b.diagnostic.code(),
                    b.end,
                    &b.diagnostic.message,
                ))
        });
        Report {
            files,
            checked: checked_files,
            entries,
            rules,
            unsafe_fixes,
            fixed: None,
        }
    }

    /// Would `--fix` (with the run's `--unsafe-fixes`) apply this fix?
    pub fn is_fixable(&self, diagnostic: &Diagnostic) -> bool {
        diagnostic.fix.as_ref().is_some_and(|fix| {
            fix.applicability == Applicability::Safe
                || (self.unsafe_fixes && fix.applicability == Applicability::Unsafe)
        })
    }

    pub fn summary(&self) -> Summary {
        let mut summary = Summary {
            files: self.checked.len(),
            ..Summary::default()
        };
        let mut last_path: Option<&str> = None;
        for entry in &self.entries {
            match entry.diagnostic.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
            }
            if last_path != Some(entry.path.as_str()) {
                summary.files_with_problems += 1;
                last_path = Some(entry.path.as_str());
            }
            if self.is_fixable(entry.diagnostic) {
                summary.fixable += 1;
            } else if entry
                .diagnostic
                .fix
                .as_ref()
                .is_some_and(|f| f.applicability == Applicability::Unsafe)
            {
                summary.unsafe_hidden += 1;
            }
        }
        summary
    }

    pub fn file(&self, id: mzlint_linter::FileId) -> Option<&'a SourceFile> {
        self.files.get(id.0 as usize)
    }
}

/// Counts for summary lines and the JSON envelope.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Files checked.
    pub files: usize,
    pub files_with_problems: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Diagnostics whose fix `--fix` applies with the run's flags.
    pub fixable: usize,
    /// Diagnostics with an unsafe fix that needs `--unsafe-fixes`.
    pub unsafe_hidden: usize,
}

impl Summary {
    pub fn problems(&self) -> usize {
        self.errors + self.warnings + self.infos
    }

    /// The closing line of `full` and `concise`:
    /// `Found 3 problems (1 error, 2 warnings) in 2 files; 1 fixable with --fix.`
    /// or `All checks passed (12 files).`
    pub fn line(&self) -> String {
        if self.problems() == 0 {
            return format!(
                "All checks passed ({}).",
                plural(self.files, "file", "files")
            );
        }
        let mut kinds = Vec::new();
        if self.errors > 0 {
            kinds.push(plural(self.errors, "error", "errors"));
        }
        if self.warnings > 0 {
            kinds.push(plural(self.warnings, "warning", "warnings"));
        }
        if self.infos > 0 {
            kinds.push(plural(self.infos, "info", "infos"));
        }
        let mut line = format!(
            "Found {} ({}) in {}",
            plural(self.problems(), "problem", "problems"),
            kinds.join(", "),
            plural(self.files_with_problems, "file", "files"),
        );
        match (self.fixable, self.unsafe_hidden) {
            (0, 0) => {}
            (0, hidden) => line.push_str(&format!("; {hidden} fixable with --fix --unsafe-fixes")),
            (fixable, 0) => line.push_str(&format!("; {fixable} fixable with --fix")),
            (fixable, hidden) => line.push_str(&format!(
                "; {fixable} fixable with --fix ({hidden} more with --unsafe-fixes)"
            )),
        }
        line.push('.');
        line
    }
}

/// `1 file`, `2 files`.
pub fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// The line printed after `--fix` applied something.
pub fn fixed_line(fixes: usize, files: usize) -> String {
    format!(
        "Fixed {} in {}.",
        plural(fixes, "problem", "problems"),
        plural(files, "file", "files")
    )
}

/// How to print.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// ANSI colour (only `full` and `concise` use it).
    pub color: bool,
    /// No summary line.
    pub quiet: bool,
}

/// Write `report` in `format`.
pub fn write(
    format: OutputFormat,
    report: &Report<'_>,
    out: &mut dyn Write,
    options: Options,
) -> io::Result<()> {
    match format {
        OutputFormat::Full => full::write(report, out, options),
        OutputFormat::Concise => concise::write(report, out, options),
        OutputFormat::Json => json::write(report, out),
        OutputFormat::JsonLines => json_lines::write(report, out),
        OutputFormat::Sarif => sarif::write(report, out),
        OutputFormat::Github => github::write(report, out),
        OutputFormat::Gitlab => gitlab::write(report, out),
        OutputFormat::Junit => junit::write(report, out),
    }
}

/// The summary lines of the text formats (`Fixed …`, then `Found …`).
pub fn write_summary(report: &Report<'_>, out: &mut dyn Write, options: Options) -> io::Result<()> {
    if options.quiet {
        return Ok(());
    }
    if let Some((fixes, files)) = report.fixed {
        if fixes > 0 {
            writeln!(out, "{}", fixed_line(fixes, files))?;
        }
    }
    writeln!(out, "{}", report.summary().line())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_lines() {
        let clean = Summary {
            files: 12,
            ..Summary::default()
        };
        assert_eq!(clean.line(), "All checks passed (12 files).");
        let one = Summary {
            files: 1,
            ..Summary::default()
        };
        assert_eq!(one.line(), "All checks passed (1 file).");
        let found = Summary {
            files: 5,
            files_with_problems: 2,
            errors: 1,
            warnings: 2,
            fixable: 1,
            ..Summary::default()
        };
        assert_eq!(
            found.line(),
            "Found 3 problems (1 error, 2 warnings) in 2 files; 1 fixable with --fix."
        );
        let single = Summary {
            files: 1,
            files_with_problems: 1,
            infos: 1,
            unsafe_hidden: 1,
            ..Summary::default()
        };
        assert_eq!(
            single.line(),
            "Found 1 problem (1 info) in 1 file; 1 fixable with --fix --unsafe-fixes."
        );
        let both = Summary {
            files: 1,
            files_with_problems: 1,
            infos: 2,
            warnings: 1,
            fixable: 1,
            unsafe_hidden: 2,
            ..Summary::default()
        };
        assert_eq!(
            both.line(),
            "Found 3 problems (1 warning, 2 infos) in 1 file; 1 fixable with --fix (2 more with --unsafe-fixes)."
        );
    }
}

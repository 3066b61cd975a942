//! The driver: run every enabled rule over the files of a run.
//!
//! 1. build the project model from all files;
//! 2. per file, in parallel: MZ000/MZ001 from the parse, statement rules,
//!    file rules;
//! 3. project rules, once, their findings distributed to files;
//! 4. per file: configuration (enabled rules, per-file ignores, severities),
//!    suppression comments (MZ002, MZ003), the secrets guard, sorting.

use rayon::prelude::*;

use crate::context::{FileContext, ProjectContext, StatementContext};
use crate::diagnostic::Diagnostic;
use crate::project::Project;
use crate::registry::{self, engine};
use crate::rule::Check;
use crate::secrets;
use crate::settings::Settings;
use crate::source::SourceFile;
use crate::suppression;
use mzlint_syntax::ast::StatementKind;

/// Lint `files` (their ids must be their indices) with each file's settings.
/// Returns the diagnostics of each file, indexed like `files`, sorted.
pub fn lint_files(files: &[SourceFile], settings: &[&Settings]) -> Vec<Vec<Diagnostic>> {
    debug_assert!(files.iter().enumerate().all(|(i, f)| f.id.0 as usize == i));
    let project = Project::build(files, settings);
    lint_with_project(files, settings, &project)
}

/// Like [`lint_files`] with a project model built by the caller (the
/// language server keeps one across edits).
pub fn lint_with_project(
    files: &[SourceFile],
    settings: &[&Settings],
    project: &Project,
) -> Vec<Vec<Diagnostic>> {
    let mut per_file: Vec<Vec<Diagnostic>> = files
        .par_iter()
        .zip(settings.par_iter())
        .map(|(file, settings)| {
            let ctx = FileContext {
                file,
                files,
                settings,
                project,
            };
            check_file(&ctx)
        })
        .collect();

    let project_ctx = ProjectContext {
        files,
        settings,
        project,
        focus: None,
    };
    let project_findings: Vec<Diagnostic> = registry::RULES
        .par_iter()
        .filter(|rule| settings.iter().any(|s| s.rules.is_enabled(rule)))
        .flat_map_iter(|rule| {
            let mut out = Vec::new();
            if let Check::Project(check) = rule.check {
                let start = std::time::Instant::now();
                check(&project_ctx, &mut out);
                if std::env::var_os("MZLINT_PROFILE").is_some() {
                    eprintln!("{} {:?}", rule.code, start.elapsed());
                }
            }
            out
        })
        .collect();
    for diagnostic in project_findings {
        if let Some(list) = per_file.get_mut(diagnostic.file.0 as usize) {
            list.push(diagnostic);
        }
    }

    per_file
        .into_par_iter()
        .zip(files.par_iter())
        .zip(settings.par_iter())
        .map(|((diagnostics, file), settings)| finish_file(file, settings, diagnostics))
        .collect()
}

/// Diagnostics of one file of the run, for an editor re-linting the file the
/// user is typing in: its statement and file rules, plus the project rules'
/// findings located in it. Other files are not re-checked.
pub fn lint_one_file(
    files: &[SourceFile],
    settings: &[&Settings],
    project: &Project,
    id: crate::source::FileId,
) -> Vec<Diagnostic> {
    let index = id.0 as usize;
    let (Some(file), Some(file_settings)) = (files.get(index), settings.get(index)) else {
        return Vec::new();
    };
    let ctx = FileContext {
        file,
        files,
        settings: file_settings,
        project,
    };
    let mut diagnostics = check_file(&ctx);
    let project_ctx = ProjectContext {
        files,
        settings,
        project,
        focus: Some(id),
    };
    for rule in registry::RULES
        .iter()
        .filter(|r| file_settings.rules.is_enabled(r))
    {
        if let Check::Project(check) = rule.check {
            let mut out = Vec::new();
            check(&project_ctx, &mut out);
            diagnostics.extend(out.into_iter().filter(|d| d.file == id));
        }
    }
    finish_file(file, file_settings, diagnostics)
}

/// Statement and file rules for one file, plus its syntax errors.
fn check_file(ctx: &FileContext<'_>) -> Vec<Diagnostic> {
    let file = ctx.file;
    let mut out = Vec::new();
    if let Some(error) = &file.load_error {
        out.push(Diagnostic::new(
            engine::IO_ERROR,
            file.id,
            error.span,
            error.message.clone(),
        ));
        return out;
    }
    for error in &file.parsed.errors {
        out.push(Diagnostic::new(
            engine::SYNTAX_ERROR,
            file.id,
            error.span,
            error.message.clone(),
        ));
    }
    let mask = ctx.settings.enabled_rules_for(&file.path);
    let enabled: Vec<_> = registry::RULES
        .iter()
        .filter(|rule| mask.contains(rule))
        .collect();
    for (index, statement) in file.parsed.statements.iter().enumerate() {
        if matches!(statement.kind, StatementKind::Error(_)) {
            continue; // rules do not run on statements that did not parse
        }
        let statement_ctx = StatementContext {
            file: ctx,
            statement,
            index,
        };
        for rule in &enabled {
            if let Check::Statement(check) = rule.check {
                check(&statement_ctx, &mut out);
            }
        }
    }
    for rule in &enabled {
        if let Check::File(check) = rule.check {
            check(ctx, &mut out);
        }
    }
    out
}

/// Configuration, suppressions, the secrets guard, order.
fn finish_file(
    file: &SourceFile,
    settings: &Settings,
    diagnostics: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let mask = settings.enabled_rules_for(&file.path);
    let mut kept: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(|d| d.file == file.id)
        .filter(|d| {
            // MZ001 cannot be turned off by comments, but configuration may.
            mask.contains(d.rule)
        })
        .map(|mut d| {
            let configured = settings.rules.severity(d.rule);
            d.severity = d.fixed_severity.unwrap_or(configured);
            d
        })
        .collect();
    if file.load_error.is_none() {
        kept = suppression::apply(file, settings, kept);
    }
    let redaction = secrets::Redaction::of(file);
    for diagnostic in &mut kept {
        redaction.guard(&file.text, diagnostic);
    }
    kept.sort_by(|a, b| {
        (a.span.start, a.span.end, a.rule.code).cmp(&(b.span.start, b.span.end, b.rule.code))
    });
    kept.dedup_by(|a, b| a.rule.code == b.rule.code && a.span == b.span && a.message == b.message);
    kept
}

/// Like [`lint_with_project`], but statement and file rules run only on the
/// files in `selected` (project rules still see the whole project), and only
/// their diagnostics are returned, in the order of `selected`. The language
/// server uses it to re-lint the open documents of a large workspace without
/// linting every indexed file on each keystroke.
pub fn lint_selected(
    files: &[SourceFile],
    settings: &[&Settings],
    project: &Project,
    selected: &[crate::source::FileId],
) -> Vec<Vec<Diagnostic>> {
    let mut per_file: Vec<Vec<Diagnostic>> = selected
        .par_iter()
        .map(
            |id| match (files.get(id.0 as usize), settings.get(id.0 as usize)) {
                (Some(file), Some(settings)) => check_file(&FileContext {
                    file,
                    files,
                    settings,
                    project,
                }),
                _ => Vec::new(),
            },
        )
        .collect();

    let project_ctx = ProjectContext {
        files,
        settings,
        project,
        // One open document: project rules may skip the other files.
        focus: match selected {
            [one] => Some(*one),
            _ => None,
        },
    };
    let project_findings: Vec<Diagnostic> = registry::RULES
        .par_iter()
        .filter(|rule| settings.iter().any(|s| s.rules.is_enabled(rule)))
        .flat_map_iter(|rule| {
            let mut out = Vec::new();
            if let Check::Project(check) = rule.check {
                check(&project_ctx, &mut out);
            }
            out
        })
        .collect();
    for diagnostic in project_findings {
        if let Some(i) = selected.iter().position(|id| *id == diagnostic.file) {
            per_file[i].push(diagnostic);
        }
    }

    per_file
        .into_par_iter()
        .zip(selected.par_iter())
        .map(
            |(diagnostics, id)| match (files.get(id.0 as usize), settings.get(id.0 as usize)) {
                (Some(file), Some(settings)) => finish_file(file, settings, diagnostics),
                _ => Vec::new(),
            },
        )
        .collect()
}

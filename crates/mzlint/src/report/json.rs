//! `json`: one pretty-printed document (interfaces.md §2.3).

use std::io::{self, Write};

use mzlint_linter::{Diagnostic, SourceFile};
use serde::Serialize;

use super::{Entry, Report};

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    tool: Tool,
    summary: JsonSummary,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Serialize)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

impl Tool {
    pub fn mzlint() -> Tool {
        Tool {
            name: "mzlint",
            version: env!("CARGO_PKG_VERSION"),
        }
    }
}

#[derive(Serialize)]
struct JsonSummary {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
    fixable: usize,
}

#[derive(Serialize, Clone, Copy)]
pub struct Location {
    pub row: usize,
    pub column: usize,
}

impl From<(usize, usize)> for Location {
    fn from((row, column): (usize, usize)) -> Self {
        Location { row, column }
    }
}

/// One diagnostic, as `json` and `json-lines` print it.
#[derive(Serialize)]
pub struct JsonDiagnostic<'a> {
    code: &'static str,
    name: &'static str,
    severity: &'static str,
    message: &'a str,
    filename: &'a str,
    location: Location,
    end_location: Location,
    fix: Option<JsonFix<'a>>,
    related: Vec<JsonRelated<'a>>,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    applicability: &'static str,
    message: &'a str,
    edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    content: &'a str,
    location: Location,
    end_location: Location,
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    filename: String,
    location: Location,
    end_location: Location,
    message: &'a str,
}

impl<'a> JsonDiagnostic<'a> {
    pub fn new(report: &Report<'a>, entry: &'a Entry<'a>) -> JsonDiagnostic<'a> {
        let diagnostic: &'a Diagnostic = entry.diagnostic;
        let file: &'a SourceFile = entry.file;
        JsonDiagnostic {
            code: diagnostic.rule.code,
            name: diagnostic.rule.name,
            severity: diagnostic.severity.as_str(),
            message: &diagnostic.message,
            filename: &entry.path,
            location: entry.start.into(),
            end_location: entry.end.into(),
            fix: diagnostic.fix.as_ref().map(|fix| JsonFix {
                applicability: fix.applicability.as_str(),
                message: &fix.message,
                edits: fix
                    .edits
                    .iter()
                    .map(|edit| JsonEdit {
                        content: &edit.content,
                        location: file.row_col(edit.span.start).into(),
                        end_location: file.row_col(edit.span.end).into(),
                    })
                    .collect(),
            }),
            related: diagnostic
                .related
                .iter()
                .filter_map(|related| {
                    let other = report.file(related.file)?;
                    Some(JsonRelated {
                        filename: other.display_path(),
                        location: other.row_col(related.span.start).into(),
                        end_location: other.row_col(related.span.end).into(),
                        message: &related.message,
                    })
                })
                .collect(),
        }
    }
}

pub fn write(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let summary = report.summary();
    let document = Document {
        version: 1,
        tool: Tool::mzlint(),
        summary: JsonSummary {
            files: summary.files,
            errors: summary.errors,
            warnings: summary.warnings,
            infos: summary.infos,
            fixable: summary.fixable,
        },
        diagnostics: report
            .entries
            .iter()
            .map(|entry| JsonDiagnostic::new(report, entry))
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}

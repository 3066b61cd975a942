//! Offsets ↔ LSP positions in the negotiated encoding, paths ↔ URIs, and
//! mzlint diagnostics → LSP diagnostics.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use mzlint_linter::{Diagnostic, Severity, SourceFile};
use mzlint_syntax::{LineCol, LineIndex, PositionEncoding, Span};
use serde_json::json;
use tower_lsp_server::ls_types::{
    self as lsp, CodeDescription, DiagnosticRelatedInformation, DiagnosticTag, NumberOrString,
    Position, Range, Uri,
};

/// A text with its line index.
#[derive(Clone, Copy)]
pub struct TextRef<'a> {
    pub text: &'a str,
    pub index: &'a LineIndex,
}

impl<'a> TextRef<'a> {
    pub fn of(file: &'a SourceFile) -> Self {
        TextRef {
            text: &file.text,
            index: &file.line_index,
        }
    }

    pub fn position(self, offset: u32, encoding: PositionEncoding) -> Position {
        let lc = self.index.line_col(self.text, offset, encoding);
        Position::new(lc.line, lc.col)
    }

    pub fn range(self, span: Span, encoding: PositionEncoding) -> Range {
        Range::new(
            self.position(span.start, encoding),
            self.position(span.end, encoding),
        )
    }

    /// The byte offset of an LSP position; out-of-range positions clamp.
    pub fn offset(self, position: Position, encoding: PositionEncoding) -> u32 {
        self.index.offset(
            self.text,
            LineCol {
                line: position.line,
                col: position.character,
            },
            encoding,
        )
    }

    pub fn span(self, range: Range, encoding: PositionEncoding) -> Span {
        let a = self.offset(range.start, encoding);
        let b = self.offset(range.end, encoding);
        Span::new(a.min(b), a.max(b))
    }
}

pub fn line_col(position: Position) -> LineCol {
    LineCol {
        line: position.line,
        col: position.character,
    }
}

/// The path a document URI stands for. Non-file URIs (`untitled:`) get a
/// path made from the URI so they can still be linted (settings then come
/// from the working directory).
pub fn uri_to_path(uri: &Uri) -> PathBuf {
    if uri.scheme().as_str().eq_ignore_ascii_case("file") {
        if let Some(path) = uri.to_file_path() {
            return path.into_owned();
        }
    }
    PathBuf::from(uri.as_str())
}

pub fn path_to_uri(path: &Path) -> Option<Uri> {
    if path.is_absolute() {
        Uri::from_file_path(path)
    } else {
        Uri::from_str(&path.to_string_lossy()).ok()
    }
}

pub fn severity(severity: Severity) -> lsp::DiagnosticSeverity {
    match severity {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
    }
}

/// Convert one diagnostic of `file`. `file_of` gives the other files of the
/// run (for related locations) as `(uri, text)`.
pub fn diagnostic<'a>(
    d: &Diagnostic,
    file: TextRef<'_>,
    encoding: PositionEncoding,
    file_of: impl Fn(mzlint_linter::FileId) -> Option<(Uri, TextRef<'a>)>,
) -> lsp::Diagnostic {
    let related: Vec<DiagnosticRelatedInformation> = d
        .related
        .iter()
        .filter_map(|r| {
            let (uri, text) = file_of(r.file)?;
            Some(DiagnosticRelatedInformation {
                location: lsp::Location::new(uri, text.range(r.span, encoding)),
                message: r.message.clone(),
            })
        })
        .collect();
    let fix = d.fix.as_ref().map(|fix| {
        json!({
            "applicability": fix.applicability.as_str(),
            "message": fix.message,
            "edits": fix.edits.iter().map(|e| json!({
                "range": file.range(e.span, encoding),
                "newText": e.content,
            })).collect::<Vec<_>>(),
        })
    });
    let mut tags = Vec::new();
    if d.rule.code == "MZ002" {
        tags.push(DiagnosticTag::UNNECESSARY);
    }
    lsp::Diagnostic {
        range: file.range(d.span, encoding),
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.rule.code.to_string())),
        code_description: Uri::from_str(&d.rule.url())
            .ok()
            .map(|href| CodeDescription { href }),
        source: Some("mzlint".to_string()),
        message: d.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        tags: (!tags.is_empty()).then_some(tags),
        data: Some(json!({
            "name": d.rule.name,
            "help": d.help,
            "fix": fix,
        })),
    }
}

/// Does an LSP diagnostic sent back by the client stand for `d`?
pub fn same_diagnostic(
    lsp: &lsp::Diagnostic,
    d: &Diagnostic,
    file: TextRef<'_>,
    encoding: PositionEncoding,
) -> bool {
    let code_matches = matches!(&lsp.code, Some(NumberOrString::String(c)) if c == d.rule.code);
    code_matches && lsp.range == file.range(d.span, encoding)
}

/// The diagnostics of lint results as `publishDiagnostics` wants them:
/// `(uri, diagnostics, version)` per file. `uri_of` names files as the
/// client knows them.
pub fn publishable(
    ws: &crate::workspace::Workspace,
    results: Vec<crate::workspace::FileDiagnostics>,
    encoding: PositionEncoding,
    uri_of: impl Fn(&Path) -> Option<Uri>,
) -> Vec<(Uri, Vec<lsp::Diagnostic>, Option<i32>)> {
    let mut out = Vec::with_capacity(results.len());
    for result in results {
        let (Some(uri), Some(file)) = (uri_of(&result.path), ws.file(&result.path)) else {
            continue;
        };
        let text = TextRef::of(file);
        let diagnostics = result
            .diagnostics
            .iter()
            .map(|d| {
                diagnostic(d, text, encoding, |id| {
                    let other = ws.file_by_id(id)?;
                    Some((uri_of(&other.path)?, TextRef::of(other)))
                })
            })
            .collect();
        out.push((uri, diagnostics, result.version));
    }
    out
}

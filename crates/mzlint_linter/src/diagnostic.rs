//! Diagnostics and fixes: what rules produce and every reporter consumes.

use mzlint_syntax::Span;

use crate::rule::RuleMeta;
use crate::source::FileId;

/// Ordered: `Info < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(text: &str) -> Option<Severity> {
        match text {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

/// How safely a fix may be applied (rules.md §1.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Applicability {
    /// Shown, never applied.
    DisplayOnly,
    /// Applied with `--fix --unsafe-fixes`.
    Unsafe,
    /// Applied by `--fix`.
    Safe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
            Applicability::DisplayOnly => "display-only",
        }
    }
}

/// Replace `span` of the diagnostic's file with `content`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub content: String,
}

impl Edit {
    pub fn replace(span: Span, content: impl Into<String>) -> Self {
        Edit {
            span,
            content: content.into(),
        }
    }

    pub fn insert(offset: u32, content: impl Into<String>) -> Self {
        Edit::replace(Span::empty(offset), content)
    }

    pub fn delete(span: Span) -> Self {
        Edit::replace(span, "")
    }
}

/// A set of edits to the file of the primary span. Never contains a
/// secret-bearing value (rules.md §2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub applicability: Applicability,
    /// Imperative title: `Add SSL MODE 'require'`.
    pub message: String,
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn new(applicability: Applicability, message: impl Into<String>, edits: Vec<Edit>) -> Self {
        let mut edits = edits;
        edits.sort_by_key(|e| (e.span.start, e.span.end));
        Fix {
            applicability,
            message: message.into(),
            edits,
        }
    }

    pub fn safe(message: impl Into<String>, edits: Vec<Edit>) -> Self {
        Fix::new(Applicability::Safe, message, edits)
    }

    pub fn unsafe_(message: impl Into<String>, edits: Vec<Edit>) -> Self {
        Fix::new(Applicability::Unsafe, message, edits)
    }

    pub fn display_only(message: impl Into<String>, edits: Vec<Edit>) -> Self {
        Fix::new(Applicability::DisplayOnly, message, edits)
    }
}

/// A secondary location (`note:` in text formats, `related` in machine ones).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    pub file: FileId,
    pub span: Span,
    pub message: String,
}

#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub rule: &'static RuleMeta,
    pub file: FileId,
    /// The primary span.
    pub span: Span,
    pub message: String,
    /// Set by the driver from configuration; see [`Diagnostic::fixed_severity`].
    pub severity: Severity,
    /// Some findings are info whatever the rule's configured severity (MZ200
    /// on private routes, MZ302 with an unknown region).
    pub fixed_severity: Option<Severity>,
    pub help: Option<String>,
    /// Notes without a location.
    pub notes: Vec<String>,
    pub related: Vec<Related>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    pub fn new(
        rule: &'static RuleMeta,
        file: FileId,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            rule,
            file,
            span,
            message: message.into(),
            severity: rule.severity,
            fixed_severity: None,
            help: None,
            notes: Vec::new(),
            related: Vec::new(),
            fix: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    pub fn with_related(mut self, file: FileId, span: Span, message: impl Into<String>) -> Self {
        self.related.push(Related {
            file,
            span,
            message: message.into(),
        });
        self
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    pub fn with_fix_opt(mut self, fix: Option<Fix>) -> Self {
        self.fix = fix;
        self
    }

    /// Report as info whatever the configured severity (unless the rule is off).
    pub fn as_info(mut self) -> Self {
        self.fixed_severity = Some(Severity::Info);
        self
    }

    pub fn code(&self) -> &'static str {
        self.rule.code
    }
}

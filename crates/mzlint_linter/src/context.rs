//! What a rule sees: the statement, its file, the file's settings and the
//! project model.

use mzlint_syntax::ast::Statement;
use mzlint_syntax::Span;

use crate::diagnostic::Diagnostic;
use crate::project::Project;
use crate::rule::RuleMeta;
use crate::settings::Settings;
use crate::source::{FileId, SourceFile};

/// One file of the run, as a file-scope rule sees it.
pub struct FileContext<'a> {
    pub file: &'a SourceFile,
    /// Every file of the run (indexed by [`FileId`]), for project lookups.
    pub files: &'a [SourceFile],
    pub settings: &'a Settings,
    pub project: &'a Project,
}

impl<'a> FileContext<'a> {
    pub fn id(&self) -> FileId {
        self.file.id
    }

    pub fn source(&self) -> &'a str {
        &self.file.text
    }

    /// The source text of `span`.
    pub fn text(&self, span: Span) -> &'a str {
        self.file.text.get(span.range()).unwrap_or("")
    }

    pub fn diagnostic(
        &self,
        rule: &'static RuleMeta,
        span: Span,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::new(rule, self.file.id, span, message)
    }

    /// The statement at a project location, in any file of the run.
    pub fn statement_at(&self, location: crate::project::Location) -> Option<&'a Statement> {
        self.files
            .get(location.file.0 as usize)
            .and_then(|f| f.parsed.statements.get(location.statement))
    }

    /// Statements with their index, in file order.
    pub fn statements(&self) -> impl Iterator<Item = StatementContext<'_>> {
        self.file
            .parsed
            .statements
            .iter()
            .enumerate()
            .map(move |(index, statement)| StatementContext {
                file: self,
                statement,
                index,
            })
    }
}

/// One statement, as a statement-scope rule sees it.
pub struct StatementContext<'a> {
    pub file: &'a FileContext<'a>,
    pub statement: &'a Statement,
    /// Index of the statement in its file.
    pub index: usize,
}

impl<'a> StatementContext<'a> {
    pub fn settings(&self) -> &'a Settings {
        self.file.settings
    }

    pub fn project(&self) -> &'a Project {
        self.file.project
    }

    pub fn file_id(&self) -> FileId {
        self.file.file.id
    }

    pub fn source(&self) -> &'a str {
        &self.file.file.text
    }

    pub fn text(&self, span: Span) -> &'a str {
        self.file.file.text.get(span.range()).unwrap_or("")
    }

    pub fn diagnostic(
        &self,
        rule: &'static RuleMeta,
        span: Span,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::new(rule, self.file.file.id, span, message)
    }

    /// The statement at a project location, in any file of the run.
    pub fn statement_at(&self, location: crate::project::Location) -> Option<&'a Statement> {
        self.file.statement_at(location)
    }

    /// Where this statement is, for project-order lookups.
    pub fn location(&self) -> crate::project::Location {
        crate::project::Location {
            file: self.file.file.id,
            statement: self.index,
        }
    }
}

/// The whole run, as a project-scope rule sees it.
pub struct ProjectContext<'a> {
    pub files: &'a [SourceFile],
    /// Settings per file, indexed like `files`.
    pub settings: &'a [&'a Settings],
    pub project: &'a Project,
    /// When an editor re-lints one file, only findings in it are wanted:
    /// rules may skip statements of other files (they must still read them).
    pub focus: Option<FileId>,
}

impl<'a> ProjectContext<'a> {
    /// Should findings located in `file` be produced?
    pub fn in_focus(&self, file: FileId) -> bool {
        self.focus.is_none_or(|f| f == file)
    }

    pub fn file(&self, id: FileId) -> &'a SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn settings_of(&self, id: FileId) -> &'a Settings {
        self.settings[id.0 as usize]
    }

    pub fn text(&self, id: FileId, span: Span) -> &'a str {
        self.file(id).text.get(span.range()).unwrap_or("")
    }

    /// The statement at a project location.
    pub fn statement_at(&self, location: crate::project::Location) -> Option<&'a Statement> {
        self.files
            .get(location.file.0 as usize)
            .and_then(|f| f.parsed.statements.get(location.statement))
    }
}

//! A file of the run: its text, its parse and its line index.

use std::path::PathBuf;

use mzlint_syntax::{parse_with, Dialect, LineIndex, ParsedFile};

/// Index of a file in the run ([`crate::Project`] and reports refer to files by it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub u32);

/// Which language a file holds (interfaces.md §6).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Materialize,
    /// Upstream PostgreSQL.
    UpstreamPostgres,
    /// Upstream MySQL.
    UpstreamMySql,
}

impl FileKind {
    pub fn is_upstream(self) -> bool {
        !matches!(self, FileKind::Materialize)
    }
}

pub struct SourceFile {
    pub id: FileId,
    /// The path as given on the command line or by the editor (reports print it).
    pub path: PathBuf,
    pub text: String,
    pub kind: FileKind,
    pub parsed: ParsedFile,
    pub line_index: LineIndex,
    /// Why the file could not be linted (MZ001); no rule runs on it.
    pub load_error: Option<LoadError>,
    /// The file on disk starts with a UTF-8 byte order mark, which `text`
    /// does not hold: offsets into `text` are the file's byte offsets minus
    /// 3. Writing the file back (`--fix`) restores it.
    pub has_bom: bool,
}

/// A file that could not be read, decoded or is too large (MZ001).
#[derive(Clone, Debug)]
pub struct LoadError {
    pub message: String,
    /// Line 1 column 1, or the first invalid byte.
    pub span: mzlint_syntax::Span,
}

impl SourceFile {
    /// Parse `text`. `upstream` forces the upstream dialect (`files.upstream`
    /// matched); otherwise a file whose statements are all upstream-only is
    /// re-read as upstream SQL (interfaces.md §6).
    pub fn new(id: FileId, path: PathBuf, text: String, upstream: Option<bool>) -> Self {
        let line_index = LineIndex::new(&text);
        let (kind, parsed) = match upstream {
            Some(true) => {
                let parsed = parse_with(&text, Dialect::Upstream);
                (upstream_kind(&text), parsed)
            }
            Some(false) => (
                FileKind::Materialize,
                parse_with(&text, Dialect::Materialize),
            ),
            None => {
                let parsed = parse_with(&text, Dialect::Materialize);
                if crate::classify::is_upstream_only(&parsed, &text) {
                    (upstream_kind(&text), parse_with(&text, Dialect::Upstream))
                } else {
                    (FileKind::Materialize, parsed)
                }
            }
        };
        SourceFile {
            id,
            path,
            text,
            kind,
            parsed,
            line_index,
            load_error: None,
            has_bom: false,
        }
    }

    /// A file that could not be linted. `text` is what can be shown of it
    /// (the valid prefix of a non-UTF-8 file, lossily decoded).
    pub fn unreadable(id: FileId, path: PathBuf, text: String, error: LoadError) -> Self {
        SourceFile {
            id,
            path,
            line_index: LineIndex::new(&text),
            text,
            kind: FileKind::Materialize,
            parsed: ParsedFile::default(),
            load_error: Some(error),
            has_bom: false,
        }
    }

    /// The path for reports, with `/` separators.
    pub fn display_path(&self) -> String {
        let path = self.path.to_string_lossy();
        if std::path::MAIN_SEPARATOR == '\\' {
            path.replace('\\', "/")
        } else {
            path.into_owned()
        }
    }

    /// 1-based row and character column of a byte offset.
    pub fn row_col(&self, offset: u32) -> (usize, usize) {
        self.line_index.row_col(&self.text, offset)
    }
}

fn upstream_kind(text: &str) -> FileKind {
    if mzlint_syntax::upstream::detect_mysql(text) {
        FileKind::UpstreamMySql
    } else {
        FileKind::UpstreamPostgres
    }
}

//! Reading files from disk into [`SourceFile`]s (MZ001 on failure).
//!
//! PLACEHOLDER, being implemented.

use std::path::Path;

use crate::source::{FileId, LoadError, SourceFile};

/// Files over this size are not read (rules.md MZ001).
pub const MAX_FILE_SIZE: u64 = 10 * 1024 * 1024;

/// Read and parse a file; a read failure becomes an unreadable file whose
/// [`SourceFile::load_error`] is the MZ001 message.
pub fn load_file(id: FileId, path: &Path, upstream: Option<bool>) -> SourceFile {
    match std::fs::read_to_string(path) {
        Ok(text) => SourceFile::new(id, path.to_path_buf(), text, upstream),
        Err(e) => SourceFile::unreadable(
            id,
            path.to_path_buf(),
            String::new(),
            LoadError {
                message: format!("cannot read file: {e}"),
                span: mzlint_syntax::Span::empty(0),
            },
        ),
    }
}

//! Reading files into [`SourceFile`]s, with MZ001 `io-error` on failure
//! (rules.md MZ001).
//!
//! A file that cannot be linted still becomes a [`SourceFile`], with
//! [`SourceFile::load_error`] set: the driver reports it as MZ001 at
//! [`LoadError::span`] and runs no rule on it, and the run goes on.
//!
//! # Byte order marks
//!
//! A leading UTF-8 BOM (`EF BB BF`) is accepted and stripped:
//! [`SourceFile::text`] never holds it, so every span is an offset into the
//! text *after* the BOM (the file's byte offset minus 3) and columns are
//! unaffected. [`SourceFile::has_bom`] records it, and
//! [`crate::fix::write_fixed`] writes it back. Byte offsets printed in
//! MZ001 messages are offsets into the file on disk, BOM included.

use std::io::Read;
use std::path::{Path, PathBuf};

use mzlint_syntax::Span;

use crate::settings::Settings;
use crate::source::{FileId, LoadError, SourceFile};

/// Files over this size are not read (rules.md MZ001).
pub const MAX_FILE_SIZE: u64 = 10 * 1024 * 1024;

/// The UTF-8 byte order mark.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Read and parse a file; a failure becomes an unreadable file whose
/// [`SourceFile::load_error`] is the MZ001 message. Never panics, never
/// blocks on a file larger than the limit.
pub fn load_file(id: FileId, path: &Path, upstream: Option<bool>) -> SourceFile {
    match read_limited(path) {
        Ok(bytes) => load_bytes(id, path.to_path_buf(), bytes, upstream),
        Err(error) => SourceFile::unreadable(id, path.to_path_buf(), String::new(), error),
    }
}

/// Like [`load_file`] for content already read (standard input): decoding,
/// BOM, binary and size checks are the same.
pub fn load_bytes(id: FileId, path: PathBuf, bytes: Vec<u8>, upstream: Option<bool>) -> SourceFile {
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return too_large(id, path, bytes.len() as u64);
    }
    let has_bom = bytes.starts_with(UTF8_BOM);
    let bom_len = if has_bom { UTF8_BOM.len() } else { 0 };
    let mut content = bytes;
    content.drain(..bom_len);
    match String::from_utf8(content) {
        Ok(text) => {
            if let Some(nul) = text.find('\0') {
                return binary(id, path, nul + bom_len);
            }
            let mut file = SourceFile::new(id, path, text, upstream);
            file.has_bom = has_bom;
            file
        }
        Err(error) => {
            let valid = error.utf8_error().valid_up_to();
            let content = error.into_bytes();
            if let Some(nul) = content[..valid].iter().position(|&b| b == 0) {
                return binary(id, path, nul + bom_len);
            }
            let byte = content[valid];
            let message = format!(
                "file is not valid UTF-8: invalid byte 0x{byte:02X} at byte offset {}; re-save it as UTF-8",
                valid + bom_len
            );
            // The lossy decoding keeps the valid prefix byte for byte, so the
            // span (and its column) lands on the replacement character.
            let text = String::from_utf8_lossy(&content).into_owned();
            let span = Span::new(
                valid as u32,
                (valid + char::REPLACEMENT_CHARACTER.len_utf8()) as u32,
            );
            let mut file = SourceFile::unreadable(id, path, text, LoadError { message, span });
            // Tokens only, so that reporters can redact secret-bearing
            // values in the code frame; no statement, so no rule runs.
            file.parsed.tokens = mzlint_syntax::lexer::lex(&file.text).tokens;
            file.has_bom = has_bom;
            file
        }
    }
}

/// Like [`load_file`] for text that is already a string (an editor buffer).
/// A leading U+FEFF is stripped and recorded as a BOM.
pub fn load_text(id: FileId, path: PathBuf, text: String, upstream: Option<bool>) -> SourceFile {
    if text.len() as u64 > MAX_FILE_SIZE {
        return too_large(id, path, text.len() as u64);
    }
    let (text, has_bom) = match text.strip_prefix('\u{FEFF}') {
        Some(rest) => (rest.to_string(), true),
        None => (text, false),
    };
    if let Some(nul) = text.find('\0') {
        return binary(id, path, nul + if has_bom { UTF8_BOM.len() } else { 0 });
    }
    let mut file = SourceFile::new(id, path, text, upstream);
    file.has_bom = has_bom;
    file
}

/// Whether `path` holds upstream SQL, for [`SourceFile::new`]: `None` (decide
/// from the statements) when `files.upstream` is not set; otherwise
/// `Some(true)` when one of its globs matches and `Some(false)` when none
/// does, so that projects mixing both kinds in one folder are read as the
/// configuration says (interfaces.md §6).
pub fn upstream_for(settings: &Settings, path: &Path) -> Option<bool> {
    if settings.files.upstream.is_empty() {
        return None;
    }
    Some(settings.path_matches(&settings.files.upstream, path))
}

/// An I/O error in MZ001's words: lower case, no OS error code.
pub fn describe_io_error(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => "not found".to_string(),
        ErrorKind::PermissionDenied => "permission denied".to_string(),
        ErrorKind::IsADirectory => "is a directory".to_string(),
        ErrorKind::InvalidData => "invalid data".to_string(),
        ErrorKind::Interrupted => "interrupted".to_string(),
        ErrorKind::Other => "I/O error".to_string(),
        kind => {
            let text = kind.to_string();
            if text.contains("error") || text.is_empty() {
                "I/O error".to_string()
            } else {
                text
            }
        }
    }
}

fn cannot_read(error: &std::io::Error) -> LoadError {
    LoadError {
        message: format!("cannot read file: {}", describe_io_error(error)),
        span: Span::empty(0),
    }
}

/// `14.2 MiB`.
fn mebibytes(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

fn too_large_error(size: Option<u64>) -> LoadError {
    let limit = MAX_FILE_SIZE / (1024 * 1024);
    let message = match size {
        Some(size) => format!(
            "file is {}, over the {limit} MiB limit; not linted",
            mebibytes(size)
        ),
        None => format!("file is over the {limit} MiB limit; not linted"),
    };
    LoadError {
        message,
        span: Span::empty(0),
    }
}

fn too_large(id: FileId, path: PathBuf, size: u64) -> SourceFile {
    SourceFile::unreadable(id, path, String::new(), too_large_error(Some(size)))
}

fn binary(id: FileId, path: PathBuf, offset: usize) -> SourceFile {
    let error = LoadError {
        message: format!("file looks binary (NUL byte at byte offset {offset}); not linted"),
        span: Span::empty(0),
    };
    SourceFile::unreadable(id, path, String::new(), error)
}

/// Read at most [`MAX_FILE_SIZE`] bytes; a larger file is not read at all
/// (its size comes from its metadata), and a stream that turns out larger
/// (a pipe, a file that grew) is cut off and reported.
fn read_limited(path: &Path) -> Result<Vec<u8>, LoadError> {
    let metadata = std::fs::metadata(path).map_err(|e| cannot_read(&e))?;
    if metadata.is_dir() {
        return Err(LoadError {
            message: "cannot read file: is a directory".to_string(),
            span: Span::empty(0),
        });
    }
    if metadata.is_file() && metadata.len() > MAX_FILE_SIZE {
        return Err(too_large_error(Some(metadata.len())));
    }
    let file = std::fs::File::open(path).map_err(|e| cannot_read(&e))?;
    let mut bytes = Vec::with_capacity(if metadata.is_file() {
        metadata.len() as usize
    } else {
        0
    });
    file.take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| cannot_read(&e))?;
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(too_large_error(None));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests;

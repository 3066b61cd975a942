//! codespan-reporting's [`Files`] over secret-masked text (rules.md §2).
//!
//! Code frames show each file's text with every secret-bearing value
//! replaced by `'********'`, while the header location (`┌─ path:row:col`)
//! and the line numbers in the gutter are those of the ORIGINAL file: a
//! multi-line secret shrinks to one line in the masked text, and a masked
//! value has another width than the original, so both are mapped back
//! through [`RedactedText::unmap_offset`].

use std::cell::Cell;
use std::ops::Range;

use codespan_reporting::files::{Error, Files, Location};
use mzlint_linter::secrets::{RedactedText, Redaction};
use mzlint_linter::SourceFile;
use mzlint_syntax::{LineIndex, Span};

/// The masked text of one file and how to map it back.
pub struct FrameFile {
    name: String,
    original: String,
    original_index: LineIndex,
    masked: RedactedText,
    masked_index: LineIndex,
}

/// The secret-bearing values of a file. A file that could not be parsed
/// (MZ001 shows the valid prefix of a non-UTF-8 file) is lexed here, so
/// its secrets are masked too.
pub fn redaction_of(file: &SourceFile) -> Redaction {
    if file.parsed.tokens.is_empty() && !file.text.is_empty() {
        redaction_of_text(&file.text)
    } else {
        Redaction::of(file)
    }
}

/// The secret-bearing values of any text (used for fixed text and diffs).
pub fn redaction_of_text(text: &str) -> Redaction {
    let lexed = mzlint_syntax::lexer::lex(text);
    Redaction::of_source(text, &lexed.tokens)
}

/// `text` with every secret-bearing value masked.
pub fn masked_text(text: &str) -> String {
    redaction_of_text(text).redact_text(text).text
}

impl FrameFile {
    pub fn new(file: &SourceFile) -> FrameFile {
        FrameFile::from_parts(file.display_path(), file.text.clone(), &redaction_of(file))
    }

    pub fn from_parts(name: String, original: String, redaction: &Redaction) -> FrameFile {
        let masked = redaction.redact_text(&original);
        FrameFile {
            name,
            original_index: LineIndex::new(&original),
            masked_index: LineIndex::new(&masked.text),
            original,
            masked,
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The text frames show.
    pub fn masked(&self) -> &str {
        &self.masked.text
    }

    /// An original span as a byte range of the masked text.
    pub fn map_span(&self, span: Span) -> Range<usize> {
        let len = self.original.len() as u32;
        let span = Span::new(
            span.start.min(len),
            span.end.min(len).max(span.start.min(len)),
        );
        self.masked.map_span(span).range()
    }

    fn original_offset(&self, masked_offset: usize) -> u32 {
        let offset = masked_offset.min(self.masked.text.len()) as u32;
        self.masked
            .unmap_offset(offset)
            .min(self.original.len() as u32)
    }

    /// 1-based original row of a masked line.
    fn original_row(&self, masked_line: usize) -> usize {
        let start = self
            .masked_index
            .line_start(masked_line as u32)
            .unwrap_or(self.masked.text.len() as u32);
        let original = self.original_offset(start as usize);
        self.original_index.line_of(original) as usize + 1
    }

    /// 1-based original row and character column of a masked offset.
    fn original_location(&self, masked_offset: usize) -> Location {
        let original = self.original_offset(masked_offset);
        let (row, col) = self.original_index.row_col(&self.original, original);
        Location {
            line_number: row,
            column_number: col,
        }
    }
}

/// Every file a report may show, indexed by [`mzlint_linter::FileId`].
#[derive(Default)]
pub struct FrameFiles {
    files: Vec<Option<FrameFile>>,
    /// `(file, masked offset, original offset)`: the header location of the
    /// diagnostic being rendered, when its span starts inside a masked value
    /// (the masked offset is then the mask's start, which would otherwise
    /// report the value's start).
    pin: Cell<Option<(usize, usize, u32)>>,
}

impl FrameFiles {
    pub fn new() -> FrameFiles {
        FrameFiles::default()
    }

    /// Make `file` available under its id (idempotent).
    pub fn add(&mut self, file: &SourceFile) {
        let id = file.id.0 as usize;
        if self.files.len() <= id {
            self.files.resize_with(id + 1, || None);
        }
        if self.files[id].is_none() {
            self.files[id] = Some(FrameFile::new(file));
        }
    }

    /// Add a file built elsewhere (tests).
    pub fn insert(&mut self, id: usize, file: FrameFile) {
        if self.files.len() <= id {
            self.files.resize_with(id + 1, || None);
        }
        self.files[id] = Some(file);
    }

    /// Report the location at `masked_offset` of file `id` as the original
    /// `original_offset`, until [`FrameFiles::unpin`].
    pub fn pin(&self, id: usize, masked_offset: usize, original_offset: u32) {
        self.pin.set(Some((id, masked_offset, original_offset)));
    }

    pub fn unpin(&self) {
        self.pin.set(None);
    }

    fn pinned(&self, id: usize, masked_offset: usize) -> Option<Location> {
        let (pin_id, pin_offset, original) = self.pin.get()?;
        if pin_id != id || pin_offset != masked_offset {
            return None;
        }
        let file = self.get(id).ok()?;
        let original = original.min(file.original.len() as u32);
        let (row, col) = file.original_index.row_col(&file.original, original);
        Some(Location {
            line_number: row,
            column_number: col,
        })
    }

    pub fn get(&self, id: usize) -> Result<&FrameFile, Error> {
        self.files
            .get(id)
            .and_then(Option::as_ref)
            .ok_or(Error::FileMissing)
    }
}

impl<'a> Files<'a> for FrameFiles {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<&'a str, Error> {
        Ok(self.get(id)?.name())
    }

    fn source(&'a self, id: usize) -> Result<&'a str, Error> {
        Ok(self.get(id)?.masked())
    }

    fn line_index(&'a self, id: usize, byte_index: usize) -> Result<usize, Error> {
        let file = self.get(id)?;
        let offset = byte_index.min(file.masked.text.len()) as u32;
        Ok(file.masked_index.line_of(offset) as usize)
    }

    fn line_number(&'a self, id: usize, line_index: usize) -> Result<usize, Error> {
        Ok(self.get(id)?.original_row(line_index))
    }

    fn column_number(
        &'a self,
        id: usize,
        _line_index: usize,
        byte_index: usize,
    ) -> Result<usize, Error> {
        Ok(self.location(id, byte_index)?.column_number)
    }

    fn location(&'a self, id: usize, byte_index: usize) -> Result<Location, Error> {
        if let Some(location) = self.pinned(id, byte_index) {
            return Ok(location);
        }
        Ok(self.get(id)?.original_location(byte_index))
    }

    fn line_range(&'a self, id: usize, line_index: usize) -> Result<Range<usize>, Error> {
        let file = self.get(id)?;
        let count = file.masked_index.line_count();
        if line_index >= count {
            return Err(Error::LineTooLarge {
                given: line_index,
                max: count - 1,
            });
        }
        let range = file
            .masked_index
            .line_range(&file.masked.text, line_index as u32);
        // codespan expects the line ending in the range; the renderer trims it.
        let next = file
            .masked_index
            .line_start(line_index as u32 + 1)
            .map_or(file.masked.text.len(), |s| s as usize);
        Ok(range.start..next.max(range.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(text: &str) -> FrameFile {
        FrameFile::from_parts("t.sql".into(), text.into(), &redaction_of_text(text))
    }

    #[test]
    fn a_multiline_secret_keeps_original_rows() {
        let text = "CREATE SECRET k AS '-----BEGIN PRIVATE KEY-----\nAAAA\nBBBB\n-----END PRIVATE KEY-----';\n\nCREATE CONNECTION c TO KAFKA (BROKER 'x');\n";
        let frame = frame(text);
        assert!(!frame.masked().contains("AAAA"));
        assert!(frame.masked().contains("'********'"));
        let mut files = FrameFiles::new();
        files.insert(0, frame);
        let target = text.find("CREATE CONNECTION").unwrap() as u32;
        let range = files
            .get(0)
            .unwrap()
            .map_span(Span::new(target, target + 6));
        let location = files.location(0, range.start).unwrap();
        // The original row (6), though the masked text has it on row 3.
        assert_eq!(location.line_number, 6);
        assert_eq!(location.column_number, 1);
        let line = files.line_index(0, range.start).unwrap();
        assert_eq!(line, 2);
        assert_eq!(files.line_number(0, line).unwrap(), 6);
        let source = files.source(0).unwrap();
        let line_range = files.line_range(0, line).unwrap();
        assert!(source[line_range].starts_with("CREATE CONNECTION"));
    }

    #[test]
    fn columns_after_a_mask_are_original() {
        let text = "CREATE SECRET s AS 'a-much-longer-secret-value'; CREATE CLUSTER x;\n";
        let mut files = FrameFiles::new();
        files.insert(0, frame(text));
        let target = text.find("CREATE CLUSTER").unwrap() as u32;
        let range = files.get(0).unwrap().map_span(Span::empty(target));
        let location = files.location(0, range.start).unwrap();
        assert_eq!(location.column_number, target as usize + 1);
        // A span inside the value points at the value's original start.
        let inside = text.find("longer").unwrap() as u32;
        let range = files
            .get(0)
            .unwrap()
            .map_span(Span::new(inside, inside + 3));
        assert_eq!(&files.source(0).unwrap()[range.clone()], "'********'");
        let location = files.location(0, range.start).unwrap();
        assert_eq!(location.column_number, text.find('\'').unwrap() + 1);
    }

    #[test]
    fn a_pinned_location_inside_a_mask_is_the_original() {
        let text = "CREATE SECRET s AS 'first' 'second-value';\n";
        let mut files = FrameFiles::new();
        files.insert(0, frame(text));
        let second = text.find("'second").unwrap() as u32;
        let range = files
            .get(0)
            .unwrap()
            .map_span(Span::new(second, second + 14));
        // Unpinned, a span inside the masked expression reports its start.
        assert_eq!(files.location(0, range.start).unwrap().column_number, 20);
        files.pin(0, range.start, second);
        let location = files.location(0, range.start).unwrap();
        assert_eq!(location.column_number, second as usize + 1);
        files.unpin();
        assert_eq!(files.location(0, range.start).unwrap().column_number, 20);
    }

    #[test]
    fn crlf_and_non_ascii() {
        let text = "-- für\r\nCREATE SECRET s AS 'x-y-z-w';\r\nCREATE CLUSTER ü;\r\n";
        let mut files = FrameFiles::new();
        files.insert(0, frame(text));
        let target = text.rfind('ü').unwrap() as u32;
        let range = files.get(0).unwrap().map_span(Span::empty(target));
        let location = files.location(0, range.start).unwrap();
        assert_eq!((location.line_number, location.column_number), (3, 16));
    }
}

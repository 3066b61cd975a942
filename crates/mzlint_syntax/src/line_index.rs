//! Byte offsets ↔ rows and columns.
//!
//! Reports use 1-based rows and columns counted in characters (Unicode scalar
//! values); the language server uses 0-based positions in the negotiated
//! encoding (UTF-16 by default). Lines end at `\n`, `\r\n` or a lone `\r`.

/// How a column is counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum PositionEncoding {
    /// Bytes of UTF-8.
    Utf8,
    /// UTF-16 code units (the LSP default).
    #[default]
    Utf16,
    /// Unicode scalar values (what human and machine reports use).
    Utf32,
}

/// A 0-based line and column, the column in the encoding it was asked in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset at which each line starts; always begins with 0.
    line_starts: Vec<u32>,
    len: u32,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i as u32 + 1),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    line_starts.push(i as u32 + 2);
                    i += 1;
                }
                b'\r' => line_starts.push(i as u32 + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex {
            line_starts,
            len: text.len() as u32,
        }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Byte offset where `line` (0-based) starts, if it exists.
    pub fn line_start(&self, line: u32) -> Option<u32> {
        self.line_starts.get(line as usize).copied()
    }

    /// The 0-based line holding `offset`.
    pub fn line_of(&self, offset: u32) -> u32 {
        let offset = offset.min(self.len);
        (self.line_starts.partition_point(|&start| start <= offset) - 1) as u32
    }

    /// Byte range of a line's content, without its line ending.
    pub fn line_range(&self, text: &str, line: u32) -> std::ops::Range<usize> {
        let start = self.line_starts[line as usize] as usize;
        let mut end = self
            .line_starts
            .get(line as usize + 1)
            .map_or(text.len(), |&next| next as usize);
        let bytes = text.as_bytes();
        if end > start && bytes.get(end - 1) == Some(&b'\n') {
            end -= 1;
        }
        if end > start && bytes.get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        start..end
    }

    /// 0-based line and column of `offset`, the column in `encoding`.
    /// An offset inside a character counts as that character's start.
    pub fn line_col(&self, text: &str, offset: u32, encoding: PositionEncoding) -> LineCol {
        let offset = floor_char_boundary(text, offset.min(self.len) as usize);
        let line = self.line_of(offset as u32);
        let start = self.line_starts[line as usize] as usize;
        let prefix = &text[start..offset];
        LineCol {
            line,
            col: measure(prefix, encoding),
        }
    }

    /// 1-based row and character column, as every report prints them.
    pub fn row_col(&self, text: &str, offset: u32) -> (usize, usize) {
        let lc = self.line_col(text, offset, PositionEncoding::Utf32);
        (lc.line as usize + 1, lc.col as usize + 1)
    }

    /// Byte offset of a 0-based line and column in `encoding`. Positions past
    /// the end of a line clamp to its end, lines past the end to the text's
    /// end, and a column inside a character to that character's start.
    pub fn offset(&self, text: &str, pos: LineCol, encoding: PositionEncoding) -> u32 {
        let Some(&start) = self.line_starts.get(pos.line as usize) else {
            return self.len;
        };
        let range = self.line_range(text, pos.line);
        let line = &text[range.clone()];
        let mut units = 0u32;
        for (i, ch) in line.char_indices() {
            let width = char_width(ch, encoding);
            if units + width > pos.col {
                return start + i as u32;
            }
            units += width;
        }
        range.end as u32
    }
}

fn char_width(ch: char, encoding: PositionEncoding) -> u32 {
    match encoding {
        PositionEncoding::Utf8 => ch.len_utf8() as u32,
        PositionEncoding::Utf16 => ch.len_utf16() as u32,
        PositionEncoding::Utf32 => 1,
    }
}

fn measure(s: &str, encoding: PositionEncoding) -> u32 {
    match encoding {
        PositionEncoding::Utf8 => s.len() as u32,
        PositionEncoding::Utf16 if s.is_ascii() => s.len() as u32,
        PositionEncoding::Utf16 => s.chars().map(|c| c.len_utf16() as u32).sum(),
        PositionEncoding::Utf32 if s.is_ascii() => s.len() as u32,
        PositionEncoding::Utf32 => s.chars().count() as u32,
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings() {
        let text = "a\r\nbb\rc\nd";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        assert_eq!(index.row_col(text, 3), (2, 1));
        assert_eq!(index.row_col(text, 6), (3, 1));
        assert_eq!(index.row_col(text, 8), (4, 1));
        assert_eq!(index.line_range(text, 0), 0..1);
        assert_eq!(index.line_range(text, 1), 3..5);
    }

    #[test]
    fn encodings_round_trip() {
        let text = "-- für 😀 x\nnext";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap() as u32;
        let utf16 = index.line_col(text, x, PositionEncoding::Utf16);
        assert_eq!(utf16, LineCol { line: 0, col: 10 });
        let utf8 = index.line_col(text, x, PositionEncoding::Utf8);
        assert_eq!(utf8.col, x);
        assert_eq!(index.line_col(text, x, PositionEncoding::Utf32).col, 9);
        for enc in [
            PositionEncoding::Utf8,
            PositionEncoding::Utf16,
            PositionEncoding::Utf32,
        ] {
            let lc = index.line_col(text, x, enc);
            assert_eq!(index.offset(text, lc, enc), x);
        }
        // Past the end of a line clamps to the line end; past the last line to EOF.
        assert_eq!(
            index.offset(text, LineCol { line: 0, col: 99 }, PositionEncoding::Utf16),
            text.find('\n').unwrap() as u32
        );
        assert_eq!(
            index.offset(text, LineCol { line: 9, col: 0 }, PositionEncoding::Utf16),
            text.len() as u32
        );
    }
}

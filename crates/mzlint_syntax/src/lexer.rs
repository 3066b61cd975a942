//! The lexer: `materialize-ddl.md` §1, byte by byte, in one pass.
//!
//! The output tiles the source exactly: every byte belongs to exactly one
//! token, trivia (whitespace and comments) included. Fixes, suppression
//! comments and the language server rely on that. A construct the lexer
//! rejects still becomes a token (usually [`TokenKind::Error`], or the token
//! it almost was) plus an entry in [`Lexed::errors`]; lexing always continues,
//! so one bad string costs one statement, not the file.

use std::borrow::Cow;

use crate::span::Span;
use crate::token::{Token, TokenKind};

/// Identifiers longer than this many bytes are rejected (§1.2).
pub const MAX_IDENTIFIER_BYTES: usize = 255;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexError {
    /// Materialize's text, e.g. `unterminated quoted string`.
    pub message: &'static str,
    pub span: Span,
}

#[derive(Debug, Default)]
pub struct Lexed {
    pub tokens: Vec<Token>,
    pub errors: Vec<LexError>,
}

/// Lex `source` into tokens that tile it, trivia included.
pub fn lex(source: &str) -> Lexed {
    let mut lexer = Lexer {
        src: source.as_bytes(),
        pos: 0,
        out: Lexed {
            // Roughly one token per five bytes of DDL; avoids regrowth.
            tokens: Vec::with_capacity(source.len() / 5 + 4),
            errors: Vec::new(),
        },
    };
    lexer.run();
    lexer.out
}

struct Lexer<'a> {
    src: &'a [u8],
    pos: usize,
    out: Lexed,
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || b >= 0x80
}

fn is_ident_continue(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b >= 0x80
}

fn is_operator_char(b: u8) -> bool {
    matches!(
        b,
        b'+' | b'-'
            | b'*'
            | b'/'
            | b'<'
            | b'>'
            | b'='
            | b'~'
            | b'!'
            | b'@'
            | b'#'
            | b'%'
            | b'^'
            | b'&'
            | b'|'
            | b'`'
            | b'?'
            | b'\\'
    )
}

impl Lexer<'_> {
    fn peek(&self, ahead: usize) -> Option<u8> {
        self.src.get(self.pos + ahead).copied()
    }

    fn push(&mut self, kind: TokenKind, start: usize) {
        self.out.tokens.push(Token {
            kind,
            span: Span::new(start as u32, self.pos as u32),
        });
    }

    fn error(&mut self, message: &'static str, start: usize, end: usize) {
        self.out.errors.push(LexError {
            message,
            span: Span::new(start as u32, end as u32),
        });
    }

    fn run(&mut self) {
        while let Some(b) = self.peek(0) {
            let start = self.pos;
            match b {
                b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c' => {
                    self.pos += 1;
                    while matches!(
                        self.peek(0),
                        Some(b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
                    ) {
                        self.pos += 1;
                    }
                    self.push(TokenKind::Whitespace, start);
                }
                b'-' if self.peek(1) == Some(b'-') => self.line_comment(),
                b'/' if self.peek(1) == Some(b'*') => self.block_comment(),
                b'\'' => self.quoted_string(TokenKind::String, start, start),
                b'e' | b'E' if self.peek(1) == Some(b'\'') => {
                    self.quoted_string(TokenKind::EscapeString, start, start + 1)
                }
                b'x' | b'X' if self.peek(1) == Some(b'\'') => self.hex_string(),
                b'"' => self.quoted_ident(),
                b'$' => self.dollar(),
                b'0'..=b'9' => self.number(),
                b'.' if matches!(self.peek(1), Some(b'0'..=b'9')) => self.number(),
                _ if is_ident_start(b) => self.word(),
                b'(' => self.single(TokenKind::LParen),
                b')' => self.single(TokenKind::RParen),
                b'[' => self.single(TokenKind::LBracket),
                b']' => self.single(TokenKind::RBracket),
                b',' => self.single(TokenKind::Comma),
                b'.' => self.single(TokenKind::Dot),
                b';' => self.single(TokenKind::Semicolon),
                b':' if self.peek(1) == Some(b':') => {
                    self.pos += 2;
                    self.push(TokenKind::DoubleColon, start);
                }
                b':' => self.single(TokenKind::Colon),
                _ if is_operator_char(b) => self.operator(),
                _ => {
                    // One character, whole (it may be multi-byte only if >= 0x80,
                    // which is an identifier start, so this is one ASCII byte).
                    self.pos += 1;
                    self.push(TokenKind::Error, start);
                    self.error("unexpected character in input", start, self.pos);
                }
            }
        }
    }

    fn single(&mut self, kind: TokenKind) {
        let start = self.pos;
        self.pos += 1;
        self.push(kind, start);
    }

    fn line_comment(&mut self) {
        let start = self.pos;
        self.pos += 2;
        while let Some(b) = self.peek(0) {
            if b == b'\n' {
                break;
            }
            self.pos += 1;
        }
        self.push(TokenKind::LineComment, start);
    }

    fn block_comment(&mut self) {
        let start = self.pos;
        self.pos += 2;
        let mut depth = 1usize;
        while depth > 0 {
            match (self.peek(0), self.peek(1)) {
                (Some(b'/'), Some(b'*')) => {
                    depth += 1;
                    self.pos += 2;
                }
                (Some(b'*'), Some(b'/')) => {
                    depth -= 1;
                    self.pos += 2;
                }
                (Some(_), _) => self.pos += 1,
                (None, _) => {
                    self.push(TokenKind::Error, start);
                    self.error("unterminated multiline comment", start, self.pos);
                    return;
                }
            }
        }
        self.push(TokenKind::BlockComment, start);
    }

    /// `'…'` or `E'…'`, plus continuation segments separated by whitespace
    /// that contains a newline (§1.3). `quote` is the offset of the first `'`.
    fn quoted_string(&mut self, kind: TokenKind, start: usize, quote: usize) {
        self.pos = quote;
        if !self.string_segment(kind == TokenKind::EscapeString) {
            self.pos = self.src.len();
            self.push(TokenKind::Error, start);
            self.error("unterminated quoted string", start, self.pos);
            return;
        }
        // Continuations: whitespace with at least one newline, then `'`.
        loop {
            let mut probe = self.pos;
            let mut newline = false;
            while let Some(&b) = self.src.get(probe) {
                match b {
                    b'\n' => newline = true,
                    b' ' | b'\t' | b'\r' | b'\x0b' | b'\x0c' => {}
                    _ => break,
                }
                probe += 1;
            }
            if !newline || self.src.get(probe) != Some(&b'\'') {
                break;
            }
            let end_of_last = self.pos;
            let errors_before = self.out.errors.len();
            self.pos = probe;
            if !self.string_segment(kind == TokenKind::EscapeString) {
                self.out.errors.truncate(errors_before);
                // The segments so far are fine: end the token there; the main
                // loop then reports the broken continuation on its own.
                self.pos = end_of_last;
                break;
            }
        }
        self.push(kind, start);
    }

    /// Consume one `'…'` segment starting at the quote. Returns false when it
    /// is unterminated. Escape errors are recorded but do not end the string.
    fn string_segment(&mut self, escapes: bool) -> bool {
        debug_assert_eq!(self.peek(0), Some(b'\''));
        self.pos += 1;
        loop {
            match self.peek(0) {
                None => return false,
                Some(b'\'') => {
                    if self.peek(1) == Some(b'\'') {
                        self.pos += 2;
                    } else {
                        self.pos += 1;
                        return true;
                    }
                }
                Some(b'\\') if escapes => {
                    let at = self.pos;
                    match self.peek(1) {
                        None => {
                            self.pos += 1;
                            return false;
                        }
                        Some(b'0'..=b'7') => {
                            self.pos += 2;
                            self.error("octal escapes are not supported", at, self.pos);
                        }
                        Some(b'x') => {
                            self.pos += 2;
                            self.error("hexadecimal escapes are not supported", at, self.pos);
                        }
                        Some(b'u') => self.unicode_escape(at, 4),
                        Some(b'U') => self.unicode_escape(at, 8),
                        Some(_) => {
                            // `\<char>` is that char; skip it whole (may be multi-byte,
                            // but continuation bytes are never `'` or `\`).
                            self.pos += 2;
                        }
                    }
                }
                Some(_) => self.pos += 1,
            }
        }
    }

    fn unicode_escape(&mut self, at: usize, digits: usize) {
        self.pos += 2;
        let hex_end = self.pos + digits;
        let ok = hex_end <= self.src.len()
            && self.src[self.pos..hex_end]
                .iter()
                .all(u8::is_ascii_hexdigit)
            && {
                let text = std::str::from_utf8(&self.src[self.pos..hex_end]).unwrap_or("0");
                u32::from_str_radix(text, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .is_some()
            };
        if ok {
            self.pos = hex_end;
        } else {
            // Consume the hex digits that are there so lexing stays in step.
            while self.pos < hex_end && self.peek(0).is_some_and(|b| b.is_ascii_hexdigit()) {
                self.pos += 1;
            }
            self.error("invalid unicode escape", at, self.pos);
        }
    }

    fn hex_string(&mut self) {
        let start = self.pos;
        self.pos += 1;
        if self.string_segment(false) {
            self.push(TokenKind::HexString, start);
        } else {
            self.pos = self.src.len();
            self.push(TokenKind::Error, start);
            self.error("unterminated quoted string", start, self.pos);
        }
    }

    fn quoted_ident(&mut self) {
        let start = self.pos;
        self.pos += 1;
        loop {
            match self.peek(0) {
                None => {
                    self.push(TokenKind::Error, start);
                    self.error("unterminated quoted identifier", start, self.pos);
                    return;
                }
                Some(b'"') if self.peek(1) == Some(b'"') => self.pos += 2,
                Some(b'"') => {
                    self.pos += 1;
                    break;
                }
                Some(0) => {
                    let at = self.pos;
                    self.pos += 1;
                    self.error("null character in quoted identifier", at, self.pos);
                }
                Some(_) => self.pos += 1,
            }
        }
        self.push(TokenKind::QuotedIdent, start);
        // The limit applies to the identifier's value, i.e. without quotes and
        // with `""` unescaped; counting the raw inner bytes over-counts only
        // when `""` appears, so check precisely only near the limit.
        let inner = self.pos - start - 2;
        if inner > MAX_IDENTIFIER_BYTES {
            let text = std::str::from_utf8(&self.src[start..self.pos]).unwrap_or("");
            if quoted_ident_value(text).len() > MAX_IDENTIFIER_BYTES {
                self.error("identifier length exceeds 255 bytes", start, self.pos);
            }
        }
    }

    /// `$1` (parameter) or `$tag$…$tag$` (dollar-quoted string).
    fn dollar(&mut self) {
        let start = self.pos;
        if matches!(self.peek(1), Some(b'0'..=b'9')) {
            self.pos += 1;
            while matches!(self.peek(0), Some(b'0'..=b'9')) {
                self.pos += 1;
            }
            self.push(TokenKind::Parameter, start);
            return;
        }
        // Opening delimiter: `$`, an optional tag (identifier chars, no `$`), `$`.
        let mut tag_end = self.pos + 1;
        while let Some(&b) = self.src.get(tag_end) {
            if b == b'$' {
                break;
            }
            let first = tag_end == self.pos + 1;
            if (first && !is_ident_start(b)) || (!first && !is_ident_continue(b)) {
                break;
            }
            tag_end += 1;
        }
        if self.src.get(tag_end) != Some(&b'$') {
            // A lone `$` or `$word` without a closing `$`: not a dollar quote.
            // Template syntax such as `${VAR}` ends up here.
            self.pos += 1;
            self.push(TokenKind::Error, start);
            self.error("unexpected character in input", start, self.pos);
            return;
        }
        let delimiter = &self.src[start..=tag_end];
        let body = tag_end + 1;
        match find(&self.src[body..], delimiter) {
            Some(found) => {
                self.pos = body + found + delimiter.len();
                self.push(TokenKind::DollarString, start);
            }
            None => {
                self.pos = self.src.len();
                self.push(TokenKind::Error, start);
                self.error("unterminated dollar-quoted string", start, self.pos);
            }
        }
    }

    fn number(&mut self) {
        let start = self.pos;
        while matches!(self.peek(0), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        if self.peek(0) == Some(b'.') {
            self.pos += 1;
            while matches!(self.peek(0), Some(b'0'..=b'9')) {
                self.pos += 1;
            }
        }
        if matches!(self.peek(0), Some(b'e' | b'E')) {
            match (self.peek(1), self.peek(2)) {
                (Some(b'0'..=b'9'), _) => {
                    self.pos += 1;
                }
                (Some(b'+' | b'-'), Some(b'0'..=b'9')) => {
                    self.pos += 2;
                }
                (Some(b'+' | b'-'), _) => {
                    self.pos += 2;
                    self.push(TokenKind::Error, start);
                    self.error("missing required exponent", start, self.pos);
                    return;
                }
                // A lone `e` is given back to the input.
                _ => {
                    self.push(TokenKind::Number, start);
                    return;
                }
            }
            while matches!(self.peek(0), Some(b'0'..=b'9')) {
                self.pos += 1;
            }
        }
        self.push(TokenKind::Number, start);
    }

    fn word(&mut self) {
        let start = self.pos;
        self.pos += 1;
        while self.peek(0).is_some_and(is_ident_continue) {
            self.pos += 1;
        }
        self.push(TokenKind::Word, start);
        if self.pos - start > MAX_IDENTIFIER_BYTES {
            self.error("identifier length exceeds 255 bytes", start, self.pos);
        }
    }

    fn operator(&mut self) {
        let start = self.pos;
        let mut end = self.pos;
        while let Some(&b) = self.src.get(end) {
            if !is_operator_char(b) {
                break;
            }
            // `--` and `/*` start a comment even inside an operator (§1.1).
            let next = self.src.get(end + 1).copied();
            if end > start
                && ((b == b'-' && next == Some(b'-')) || (b == b'/' && next == Some(b'*')))
            {
                break;
            }
            end += 1;
        }
        // PostgreSQL's rule: a multi-character operator cannot end in `+` or
        // `-` unless it contains one of ~ ! @ # % ^ & | ` ? (so `=-5` is `=`, `-5`).
        let op = &self.src[start..end];
        let mut len = op.len();
        if len > 1 && !op.iter().any(|b| b"~!@#%^&|`?".contains(b)) {
            while len > 1 && matches!(op[len - 1], b'+' | b'-') {
                len -= 1;
            }
        }
        self.pos = start + len;
        let kind = match &self.src[start..self.pos] {
            b"=" => TokenKind::Eq,
            b"*" => TokenKind::Star,
            _ => TokenKind::Op,
        };
        self.push(kind, start);
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    let first = needle[0];
    let mut i = 0;
    while i + needle.len() <= haystack.len() {
        match haystack[i..=haystack.len() - needle.len()]
            .iter()
            .position(|&b| b == first)
        {
            None => return None,
            Some(offset) => {
                i += offset;
                if &haystack[i..i + needle.len()] == needle {
                    return Some(i);
                }
                i += 1;
            }
        }
    }
    None
}

/// The value of a quoted identifier token's text (`"a""b"` → `a"b`).
pub fn quoted_ident_value(text: &str) -> Cow<'_, str> {
    let inner = text
        .strip_prefix('"')
        .map(|t| t.strip_suffix('"').unwrap_or(t))
        .unwrap_or(text);
    if inner.contains("\"\"") {
        Cow::Owned(inner.replace("\"\"", "\""))
    } else {
        Cow::Borrowed(inner)
    }
}

/// The value of a string token's text: standard, escape (with its `E`
/// prefix) or dollar-quoted, continuation segments joined. Escape errors were
/// reported by the lexer; here invalid escapes are dropped.
pub fn string_value(kind: TokenKind, text: &str) -> Cow<'_, str> {
    match kind {
        TokenKind::DollarString => {
            let open = text[1..].find('$').map_or(text.len(), |i| i + 2);
            let close = text.len().saturating_sub(open).max(open);
            Cow::Borrowed(&text[open..close])
        }
        TokenKind::EscapeString => Cow::Owned(join_segments(&text[1..], true)),
        TokenKind::HexString => Cow::Owned(join_segments(&text[1..], false)),
        _ => {
            // Fast path: one segment without doubled quotes.
            let inner = &text[1..text.len().saturating_sub(1).max(1)];
            if !inner.contains('\'') {
                Cow::Borrowed(inner)
            } else {
                Cow::Owned(join_segments(text, false))
            }
        }
    }
}

fn join_segments(text: &str, escapes: bool) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut in_string = false;
    while i < bytes.len() {
        let b = bytes[i];
        if !in_string {
            if b == b'\'' {
                in_string = true;
            }
            i += 1;
            continue;
        }
        match b {
            b'\'' if bytes.get(i + 1) == Some(&b'\'') => {
                out.push('\'');
                i += 2;
            }
            b'\'' => {
                in_string = false;
                i += 1;
            }
            b'\\' if escapes && i + 1 < bytes.len() => {
                let (ch, used) = decode_escape(&text[i + 1..]);
                if let Some(ch) = ch {
                    out.push(ch);
                }
                i += 1 + used;
            }
            _ => {
                let ch_len = utf8_len(b);
                out.push_str(&text[i..(i + ch_len).min(text.len())]);
                i += ch_len;
            }
        }
    }
    out
}

fn utf8_len(first: u8) -> usize {
    match first {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

/// Decode the escape after a backslash; returns the char and bytes consumed.
fn decode_escape(rest: &str) -> (Option<char>, usize) {
    let mut chars = rest.chars();
    let Some(c) = chars.next() else {
        return (None, 0);
    };
    let hex = |n: usize| -> (Option<char>, usize) {
        let digits = rest.get(1..1 + n).unwrap_or("");
        let value = u32::from_str_radix(digits, 16)
            .ok()
            .and_then(char::from_u32);
        (value, 1 + digits.len())
    };
    match c {
        'b' => (Some('\u{8}'), 1),
        'f' => (Some('\u{c}'), 1),
        'n' => (Some('\n'), 1),
        'r' => (Some('\r'), 1),
        't' => (Some('\t'), 1),
        'u' => hex(4),
        'U' => hex(8),
        '0'..='7' | 'x' => (None, 1),
        other => (Some(other), other.len_utf8()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<(TokenKind, &str)> {
        lex(src)
            .tokens
            .iter()
            .filter(|t| !t.kind.is_trivia())
            .map(|t| (t.kind, t.text(src)))
            .collect()
    }

    fn errors(src: &str) -> Vec<&'static str> {
        lex(src).errors.iter().map(|e| e.message).collect()
    }

    #[test]
    fn nested_block_comments() {
        let src = "a /* x /* y */ z */ b";
        assert_eq!(
            kinds(src),
            vec![(TokenKind::Word, "a"), (TokenKind::Word, "b")]
        );
        assert_eq!(
            errors("/* a /* b */"),
            vec!["unterminated multiline comment"]
        );
    }

    #[test]
    fn strings_and_continuations() {
        let src = "'a''b' 'c'\n  'd' E'\\n' $$x$$ $t$y$t$ X'ff'";
        let k = kinds(src);
        assert_eq!(k[0], (TokenKind::String, "'a''b'"));
        assert_eq!(k[1], (TokenKind::String, "'c'\n  'd'"));
        assert_eq!(k[2], (TokenKind::EscapeString, "E'\\n'"));
        assert_eq!(k[3], (TokenKind::DollarString, "$$x$$"));
        assert_eq!(k[4], (TokenKind::DollarString, "$t$y$t$"));
        assert_eq!(k[5], (TokenKind::HexString, "X'ff'"));
        assert_eq!(string_value(TokenKind::String, "'a''b'"), "a'b");
        assert_eq!(string_value(TokenKind::String, "'c'\n  'd'"), "cd");
        assert_eq!(string_value(TokenKind::EscapeString, "E'\\n\\'x'"), "\n'x");
        assert_eq!(string_value(TokenKind::DollarString, "$t$y$t$"), "y");
        assert_eq!(string_value(TokenKind::DollarString, "$$$$"), "");
    }

    #[test]
    fn adjacent_strings_on_one_line_are_separate() {
        let k = kinds("'a' 'b'");
        assert_eq!(k.len(), 2);
    }

    #[test]
    fn lexer_errors() {
        assert_eq!(errors("'oops"), vec!["unterminated quoted string"]);
        assert_eq!(
            errors("E'\\x41'"),
            vec!["hexadecimal escapes are not supported"]
        );
        assert_eq!(errors("E'\\101'"), vec!["octal escapes are not supported"]);
        assert_eq!(errors("E'\\uZZZZ'"), vec!["invalid unicode escape"]);
        assert_eq!(errors("$a$ xx"), vec!["unterminated dollar-quoted string"]);
        assert_eq!(errors("\"abc"), vec!["unterminated quoted identifier"]);
        assert_eq!(errors("1e-"), vec!["missing required exponent"]);
        let long = "a".repeat(256);
        assert_eq!(errors(&long), vec!["identifier length exceeds 255 bytes"]);
        assert!(errors(&"a".repeat(255)).is_empty());
    }

    #[test]
    fn numbers_operators_params() {
        let k = kinds("1.5e3 .5 1e x $1 -3 => <> != :: : = *");
        let texts: Vec<_> = k.iter().map(|(_, t)| *t).collect();
        assert_eq!(
            texts,
            vec![
                "1.5e3", ".5", "1", "e", "x", "$1", "-", "3", "=>", "<>", "!=", "::", ":", "=", "*"
            ]
        );
        assert_eq!(k[0].0, TokenKind::Number);
        assert_eq!(k[5].0, TokenKind::Parameter);
        assert_eq!(k[6].0, TokenKind::Op);
        assert_eq!(k[11].0, TokenKind::DoubleColon);
        assert_eq!(k[12].0, TokenKind::Colon);
        assert_eq!(k[13].0, TokenKind::Eq);
        assert_eq!(k[14].0, TokenKind::Star);
    }

    #[test]
    fn operator_cannot_end_in_minus() {
        let k = kinds("PORT=-5");
        assert_eq!(
            k,
            vec![
                (TokenKind::Word, "PORT"),
                (TokenKind::Eq, "="),
                (TokenKind::Op, "-"),
                (TokenKind::Number, "5")
            ]
        );
    }

    #[test]
    fn comment_inside_operator() {
        let k = kinds("a =-- c\nb");
        assert_eq!(
            k,
            vec![
                (TokenKind::Word, "a"),
                (TokenKind::Eq, "="),
                (TokenKind::Word, "b")
            ]
        );
    }

    #[test]
    fn tokens_tile_source() {
        let src = "CREATE /* c */ SECRET \"Ops\"\"x\" AS E'\\x' ; -- end\n€ {";
        let lexed = lex(src);
        let mut at = 0;
        for t in &lexed.tokens {
            assert_eq!(t.span.start, at);
            at = t.span.end;
        }
        assert_eq!(at as usize, src.len());
    }
}

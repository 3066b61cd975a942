//! A small MySQL lexer producing the crate's [`Token`]s.
//!
//! Used for MySQL files (`parse_upstream_file(…, true)`) and for single
//! statements whose PostgreSQL tokens show MySQL syntax (a backquote, a `#`
//! comment line). Differences from the PostgreSQL lexer: `` `…` `` is a
//! quoted identifier ([`TokenKind::QuotedIdent`], text keeps the backquotes);
//! `'…'` and `"…"` are strings with backslash escapes ([`TokenKind::String`]);
//! `#` and `-- ` start line comments; block comments do not nest (MySQL's
//! executable comments `/*! … */` are comments here). Only significant tokens
//! are produced. One pass, no allocation besides the output vector.

use std::borrow::Cow;

use crate::span::Span;
use crate::token::{Token, TokenKind};

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b >= 0x80
}

/// Lex `source[range]` (byte offsets into `source`, on char boundaries) into
/// significant tokens with spans relative to `source`.
pub(crate) fn lex_significant(source: &str, start: usize, end: usize) -> Vec<Token> {
    let src = &source.as_bytes()[..end];
    let mut out = Vec::with_capacity((end - start) / 5 + 4);
    let mut pos = start;
    let push = |out: &mut Vec<Token>, kind, from: usize, to: usize| {
        out.push(Token {
            kind,
            span: Span::new(from as u32, to as u32),
        })
    };
    while pos < end {
        let b = src[pos];
        let from = pos;
        match b {
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c' => pos += 1,
            b'#' => pos = line_end(src, pos),
            b'-' if src.get(pos + 1) == Some(&b'-')
                && src
                    .get(pos + 2)
                    .is_none_or(|c| c.is_ascii_whitespace() || *c < 0x20) =>
            {
                pos = line_end(src, pos)
            }
            b'/' if src.get(pos + 1) == Some(&b'*') => {
                pos = match find(&src[pos + 2..], b"*/") {
                    Some(i) => pos + 2 + i + 2,
                    None => end,
                };
            }
            b'\'' | b'"' => {
                let kind;
                (pos, kind) = match quoted(src, pos, b, true) {
                    Some(to) => (to, TokenKind::String),
                    None => (end, TokenKind::Error),
                };
                push(&mut out, kind, from, pos);
            }
            b'`' => {
                let kind;
                (pos, kind) = match quoted(src, pos, b'`', false) {
                    Some(to) => (to, TokenKind::QuotedIdent),
                    None => (end, TokenKind::Error),
                };
                push(&mut out, kind, from, pos);
            }
            b'0'..=b'9' => {
                pos = number_end(src, pos);
                if src.get(pos).is_some_and(|c| is_word_byte(*c)) {
                    // `1abc` is an identifier in MySQL.
                    while src.get(pos).is_some_and(|c| is_word_byte(*c)) {
                        pos += 1;
                    }
                    push(&mut out, TokenKind::Word, from, pos);
                } else {
                    push(&mut out, TokenKind::Number, from, pos);
                }
            }
            _ if is_word_byte(b) => {
                while pos < end && is_word_byte(src[pos]) {
                    pos += 1;
                }
                push(&mut out, TokenKind::Word, from, pos);
            }
            _ => {
                let (kind, len) = match b {
                    b'(' => (TokenKind::LParen, 1),
                    b')' => (TokenKind::RParen, 1),
                    b'[' => (TokenKind::LBracket, 1),
                    b']' => (TokenKind::RBracket, 1),
                    b',' => (TokenKind::Comma, 1),
                    b'.' => (TokenKind::Dot, 1),
                    b';' => (TokenKind::Semicolon, 1),
                    b'=' => (TokenKind::Eq, 1),
                    b'*' => (TokenKind::Star, 1),
                    b':' if src.get(pos + 1) == Some(&b':') => (TokenKind::DoubleColon, 2),
                    b':' => (TokenKind::Colon, 1),
                    b'+' | b'-' | b'/' | b'<' | b'>' | b'~' | b'!' | b'@' | b'%' | b'^' | b'&'
                    | b'|' | b'?' | b'\\' => (TokenKind::Op, 1),
                    _ => (TokenKind::Error, 1),
                };
                pos += len;
                push(&mut out, kind, from, pos);
            }
        }
    }
    out
}

fn line_end(src: &[u8], pos: usize) -> usize {
    src[pos..]
        .iter()
        .position(|&c| c == b'\n')
        .map_or(src.len(), |i| pos + i)
}

/// End (exclusive) of the quoted token opening at `pos`, or `None` when it
/// is unterminated. A doubled quote stands for one; with `escapes`, a
/// backslash escapes the next byte.
fn quoted(src: &[u8], pos: usize, quote: u8, escapes: bool) -> Option<usize> {
    let mut i = pos + 1;
    while i < src.len() {
        let c = src[i];
        if escapes && c == b'\\' {
            i += 2;
        } else if c == quote {
            if src.get(i + 1) == Some(&quote) {
                i += 2;
            } else {
                return Some(i + 1);
            }
        } else {
            i += 1;
        }
    }
    None
}

fn number_end(src: &[u8], mut pos: usize) -> usize {
    while src.get(pos).is_some_and(u8::is_ascii_digit) {
        pos += 1;
    }
    if src.get(pos) == Some(&b'.') && src.get(pos + 1).is_some_and(u8::is_ascii_digit) {
        pos += 1;
        while src.get(pos).is_some_and(u8::is_ascii_digit) {
            pos += 1;
        }
    }
    if matches!(src.get(pos), Some(b'e' | b'E')) {
        let digits_at = match src.get(pos + 1) {
            Some(b'+' | b'-') => pos + 2,
            _ => pos + 1,
        };
        if src.get(digits_at).is_some_and(u8::is_ascii_digit) {
            pos = digits_at;
            while src.get(pos).is_some_and(u8::is_ascii_digit) {
                pos += 1;
            }
        }
    }
    pos
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The value of a MySQL string literal's text (`'…'` or `"…"`): quotes
/// removed, doubled quotes and backslash escapes decoded.
pub(crate) fn mysql_string_value(text: &str) -> Cow<'_, str> {
    let Some(quote) = text.chars().next().filter(|c| *c == '\'' || *c == '"') else {
        return Cow::Borrowed(text);
    };
    let inner = &text[1..];
    let inner = inner.strip_suffix(quote).unwrap_or(inner);
    if !inner.contains('\\') && !inner.contains(quote) {
        return Cow::Borrowed(inner);
    }
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('0') => out.push('\0'),
                Some('b') => out.push('\u{8}'),
                Some('n') => out.push('\n'),
                Some('r') => out.push('\r'),
                Some('t') => out.push('\t'),
                Some('Z') => out.push('\u{1a}'),
                // `\%` and `\_` keep their backslash (MySQL: for LIKE patterns).
                Some(c @ ('%' | '_')) => {
                    out.push('\\');
                    out.push(c);
                }
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else if c == quote {
            // A doubled quote: keep one, skip the other.
            out.push(c);
            chars.next();
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The value of a backquoted identifier's text (`` `a``b` `` → ``a`b``).
pub(crate) fn backquoted_value(text: &str) -> Cow<'_, str> {
    let inner = text.strip_prefix('`').unwrap_or(text);
    let inner = inner.strip_suffix('`').unwrap_or(inner);
    if inner.contains("``") {
        Cow::Owned(inner.replace("``", "`"))
    } else {
        Cow::Borrowed(inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<(TokenKind, &str)> {
        lex_significant(src, 0, src.len())
            .into_iter()
            .map(|t| (t.kind, t.text(src)))
            .collect()
    }

    #[test]
    fn mysql_tokens() {
        let src =
            "# c\nCREATE TABLE `a``b`.t (x int) -- c\n/*!40101 x */ 'it\\'s' \"q\" 1e5 1abc @;";
        assert_eq!(
            kinds(src),
            vec![
                (TokenKind::Word, "CREATE"),
                (TokenKind::Word, "TABLE"),
                (TokenKind::QuotedIdent, "`a``b`"),
                (TokenKind::Dot, "."),
                (TokenKind::Word, "t"),
                (TokenKind::LParen, "("),
                (TokenKind::Word, "x"),
                (TokenKind::Word, "int"),
                (TokenKind::RParen, ")"),
                (TokenKind::String, "'it\\'s'"),
                (TokenKind::String, "\"q\""),
                (TokenKind::Number, "1e5"),
                (TokenKind::Word, "1abc"),
                (TokenKind::Op, "@"),
                (TokenKind::Semicolon, ";"),
            ]
        );
        assert_eq!(mysql_string_value("'it\\'s'"), "it's");
        assert_eq!(mysql_string_value("'a''b'"), "a'b");
        assert_eq!(mysql_string_value("\"x\\n\""), "x\n");
        assert_eq!(backquoted_value("`a``b`"), "a`b");
    }

    #[test]
    fn unterminated() {
        assert_eq!(kinds("'abc"), vec![(TokenKind::Error, "'abc")]);
        assert_eq!(kinds("`abc"), vec![(TokenKind::Error, "`abc")]);
        assert_eq!(kinds("a /* b"), vec![(TokenKind::Word, "a")]);
        assert_eq!(kinds("'\\"), vec![(TokenKind::Error, "'\\")]);
    }
}

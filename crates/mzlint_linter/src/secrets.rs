//! The secrets policy (rules.md §2), enforced in one place.
//!
//! [`Redaction::of`] finds every secret-bearing value of a file from its
//! tokens, so it works on statements that failed to parse too. Reporters
//! show code through [`Redaction::redact_text`], which puts `'********'` in
//! place of each value; and the driver passes every diagnostic through
//! [`Redaction::guard`], a last line of defence that scrubs a value a rule
//! might have let slip into a message, note or fix.

use mzlint_syntax::{Span, Token, TokenKind};

use crate::diagnostic::Diagnostic;
use crate::source::SourceFile;

/// What code frames show in place of a secret-bearing value.
pub const MASK: &str = "'********'";

/// The options whose non-`SECRET` values are secret-bearing (rules.md §2.2).
const SECRET_OPTIONS: &[&[&str]] = &[
    &["PASSWORD"],
    &["SSL", "KEY"],
    &["SECRET", "ACCESS", "KEY"],
    &["SESSION", "TOKEN"],
    &["ACCESS", "KEY", "ID"],
    &["CREDENTIAL"],
];

#[derive(Clone, Debug, Default)]
pub struct Redaction {
    /// Sorted, non-overlapping.
    spans: Vec<Span>,
    /// What [`Redaction::guard`] looks for, computed once per file (a file
    /// with thousands of diagnostics and secrets stays linear).
    needles: std::sync::OnceLock<Needles>,
}

/// The guard's search texts and the first three bytes of each, so that text
/// holding none of them is passed over in one scan.
#[derive(Clone, Debug, Default)]
struct Needles {
    texts: Vec<String>,
    starts: std::collections::HashSet<[u8; 3]>,
}

impl Needles {
    fn new(texts: Vec<String>) -> Needles {
        let starts = texts
            .iter()
            .filter_map(|t| t.as_bytes().get(..3))
            .map(|b| [b[0], b[1], b[2]])
            .collect();
        Needles { texts, starts }
    }

    /// Could `text` contain a needle? (Every needle is 3 bytes or longer.)
    fn may_occur_in(&self, text: &str) -> bool {
        text.as_bytes()
            .windows(3)
            .any(|w| self.starts.contains(&[w[0], w[1], w[2]]))
    }
}

impl Redaction {
    /// The secret-bearing values of a file.
    pub fn of(file: &SourceFile) -> Redaction {
        Redaction::of_source(&file.text, &file.parsed.tokens)
    }

    /// The secret-bearing values of `source`, from its tokens (trivia included
    /// or not).
    pub fn of_source(source: &str, tokens: &[Token]) -> Redaction {
        let significant: Vec<Token> = tokens
            .iter()
            .copied()
            .filter(|t| !t.kind.is_trivia())
            .collect();
        let mut spans = Vec::new();
        let mut start = 0;
        for (i, token) in significant.iter().enumerate() {
            if token.kind == TokenKind::Semicolon {
                scan_statement(source, &significant[start..i], &mut spans);
                start = i + 1;
            }
        }
        scan_statement(source, &significant[start..], &mut spans);
        spans.sort();
        let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
        for span in spans {
            match merged.last_mut() {
                Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
                _ => merged.push(span),
            }
        }
        Redaction {
            spans: merged,
            needles: std::sync::OnceLock::new(),
        }
    }

    pub fn spans(&self) -> &[Span] {
        &self.spans
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Does `span` overlap a secret-bearing value?
    pub fn overlaps(&self, span: Span) -> bool {
        self.spans
            .iter()
            .any(|s| s.start < span.end.max(span.start + 1) && span.start < s.end)
    }

    /// `text` with every value replaced by [`MASK`], and the offset map.
    pub fn redact_text(&self, text: &str) -> RedactedText {
        let mut out = String::with_capacity(text.len());
        let mut segments = Vec::with_capacity(self.spans.len());
        let mut at = 0usize;
        for span in &self.spans {
            let (start, end) = (span.start as usize, (span.end as usize).min(text.len()));
            if start < at || start > text.len() {
                continue;
            }
            out.push_str(&text[at..start]);
            let new_start = out.len() as u32;
            out.push_str(MASK);
            segments.push(Segment {
                original: Span::new(start as u32, end as u32),
                redacted: Span::new(new_start, out.len() as u32),
            });
            at = end;
        }
        out.push_str(&text[at.min(text.len())..]);
        RedactedText {
            text: out,
            segments,
        }
    }

    /// Scrub secret values out of everything a diagnostic says. A fix whose
    /// edits would write a secret is dropped.
    pub fn guard(&self, text: &str, diagnostic: &mut Diagnostic) {
        if self.spans.is_empty() {
            return;
        }
        let needles = self
            .needles
            .get_or_init(|| Needles::new(self.needles(text)));
        if needles.texts.is_empty() {
            return;
        }
        let scrub = |s: &mut String| {
            if !needles.may_occur_in(s) {
                return;
            }
            for needle in &needles.texts {
                if s.contains(needle.as_str()) {
                    *s = s.replace(needle.as_str(), "(redacted)");
                }
            }
        };
        scrub(&mut diagnostic.message);
        if let Some(help) = &mut diagnostic.help {
            scrub(help);
        }
        for note in &mut diagnostic.notes {
            scrub(note);
        }
        for related in &mut diagnostic.related {
            scrub(&mut related.message);
        }
        if let Some(fix) = &mut diagnostic.fix {
            scrub(&mut fix.message);
            let leaks = fix.edits.iter().any(|e| {
                needles.may_occur_in(&e.content)
                    && needles.texts.iter().any(|n| e.content.contains(n.as_str()))
            });
            if leaks {
                diagnostic.fix = None;
            }
        }
    }

    /// The texts to look for: each value as written, and the content of a
    /// quoted value when it is long enough not to match ordinary words.
    fn needles(&self, text: &str) -> Vec<String> {
        let mut needles = Vec::new();
        for span in &self.spans {
            let Some(raw) = text.get(span.range()) else {
                continue;
            };
            let raw = raw.trim();
            if raw.len() >= 3 {
                needles.push(raw.to_string());
            }
            let inner = raw
                .trim_start_matches(['E', 'e'])
                .trim_matches('\'')
                .trim_matches('$')
                .trim();
            if inner.len() >= 4 && inner != raw {
                needles.push(inner.to_string());
            }
            for line in raw.lines() {
                let line = line.trim().trim_matches('\'');
                if line.len() >= 8 {
                    needles.push(line.to_string());
                }
            }
        }
        needles.sort_by_key(|n| std::cmp::Reverse(n.len()));
        needles.dedup();
        needles
    }
}

#[derive(Clone, Copy, Debug)]
struct Segment {
    original: Span,
    redacted: Span,
}

/// A file's text with secrets masked, and how offsets move.
#[derive(Clone, Debug)]
pub struct RedactedText {
    pub text: String,
    segments: Vec<Segment>,
}

impl RedactedText {
    /// Where an original offset lands in the redacted text. Offsets inside a
    /// masked value map to the mask's start.
    pub fn map_offset(&self, offset: u32) -> u32 {
        let mut delta: i64 = 0;
        for seg in &self.segments {
            if offset < seg.original.start {
                break;
            }
            if offset < seg.original.end {
                return seg.redacted.start;
            }
            delta = seg.redacted.end as i64 - seg.original.end as i64;
        }
        (offset as i64 + delta).max(0) as u32
    }

    /// A span in redacted coordinates; one touching a masked value covers the
    /// whole mask.
    pub fn map_span(&self, span: Span) -> Span {
        let mut start = self.map_offset(span.start);
        let mut end = self.map_offset(span.end).max(start);
        for seg in &self.segments {
            let overlaps =
                seg.original.start < span.end.max(span.start + 1) && span.start < seg.original.end;
            if overlaps {
                start = start.min(seg.redacted.start);
                end = end.max(seg.redacted.end);
            }
        }
        Span::new(start, end)
    }

    /// Where a redacted offset came from (the mask maps to its value's start).
    pub fn unmap_offset(&self, offset: u32) -> u32 {
        let mut delta: i64 = 0;
        for seg in &self.segments {
            if offset < seg.redacted.start {
                break;
            }
            if offset < seg.redacted.end {
                return seg.original.start;
            }
            delta = seg.original.end as i64 - seg.redacted.end as i64;
        }
        (offset as i64 + delta).max(0) as u32
    }
}

fn word_is(source: &str, token: Token, word: &str) -> bool {
    token.kind == TokenKind::Word && token.text(source).eq_ignore_ascii_case(word)
}

fn words_at(source: &str, tokens: &[Token], at: usize, words: &[&str]) -> bool {
    words
        .iter()
        .enumerate()
        .all(|(k, w)| tokens.get(at + k).is_some_and(|t| word_is(source, *t, w)))
}

/// Find the secret-bearing values of one statement.
fn scan_statement(source: &str, tokens: &[Token], out: &mut Vec<Span>) {
    let Some(first) = tokens.first() else {
        return;
    };
    // 1. CREATE|ALTER SECRET … AS <expr>: the whole expression.
    let secret_statement = (word_is(source, *first, "CREATE") || word_is(source, *first, "ALTER"))
        && tokens.iter().take(6).any(|t| word_is(source, *t, "SECRET"));
    if secret_statement {
        if let Some(as_index) = tokens.iter().position(|t| word_is(source, *t, "AS")) {
            if let (Some(start), Some(end)) = (tokens.get(as_index + 1), tokens.last()) {
                out.push(Span::new(start.span.start, end.span.end));
            }
        }
    }
    let set_password = word_is(source, *first, "SET")
        && tokens
            .get(1)
            .is_some_and(|t| word_is(source, *t, "PASSWORD"));
    let mut i = 0;
    while i < tokens.len() {
        let token = tokens[i];
        // 5. any string literal holding a private key.
        if token.kind.is_string() && token.text(source).contains("PRIVATE KEY-----") {
            out.push(token.span);
        }
        // 2./3. secret-bearing option names, and upstream PASSWORD '…'.
        if let Some(words) = SECRET_OPTIONS
            .iter()
            .find(|w| words_at(source, tokens, i, w))
        {
            let value_at = i + words.len();
            if !set_password {
                mark_value(source, tokens, value_at, out);
            }
            i = value_at;
            continue;
        }
        // 3. MySQL IDENTIFIED [WITH plugin] BY '…'.
        if word_is(source, token, "IDENTIFIED") {
            let mut j = i + 1;
            while j < tokens.len() && j < i + 4 && !word_is(source, tokens[j], "BY") {
                j += 1;
            }
            if j < tokens.len() && word_is(source, tokens[j], "BY") {
                mark_value(source, tokens, j + 1, out);
            }
        }
        // 4. FROM POSTGRES CONNECTION '<libpq string>'.
        if words_at(source, tokens, i, &["POSTGRES", "CONNECTION"]) {
            if let Some(next) = tokens.get(i + 2) {
                if next.kind.is_string() {
                    out.push(next.span);
                }
            }
        }
        i += 1;
    }
    // 3. MySQL SET PASSWORD [FOR u] = '…': every string after `=`.
    if set_password {
        if let Some(eq) = tokens.iter().position(|t| t.kind == TokenKind::Eq) {
            for t in &tokens[eq + 1..] {
                if t.kind.is_string() {
                    out.push(t.span);
                }
            }
        }
    }
}

/// Mark the value starting at `at` (after an optional `=`), unless it is a
/// `SECRET name` reference or absent.
fn mark_value(source: &str, tokens: &[Token], mut at: usize, out: &mut Vec<Span>) {
    if tokens.get(at).is_some_and(|t| t.kind == TokenKind::Eq) {
        at += 1;
    }
    let Some(&value) = tokens.get(at) else {
        return;
    };
    match value.kind {
        TokenKind::Comma | TokenKind::RParen | TokenKind::Semicolon => {}
        TokenKind::Word if word_is(source, value, "SECRET") => {}
        TokenKind::Word if word_is(source, value, "NULL") => {}
        TokenKind::LParen | TokenKind::LBracket => {
            let mut depth = 0;
            for t in &tokens[at..] {
                match t.kind {
                    TokenKind::LParen | TokenKind::LBracket => depth += 1,
                    TokenKind::RParen | TokenKind::RBracket => {
                        depth -= 1;
                        if depth == 0 {
                            out.push(Span::new(value.span.start, t.span.end));
                            return;
                        }
                    }
                    _ => {}
                }
            }
            out.push(Span::new(
                value.span.start,
                tokens.last().map_or(value.span.end, |t| t.span.end),
            ));
        }
        TokenKind::Op if value.text(source) == "-" => {
            let end = tokens.get(at + 1).map_or(value.span.end, |t| t.span.end);
            out.push(Span::new(value.span.start, end));
        }
        // A psql variable (`:'pw'`) is a placeholder, not a value; masking it
        // does no harm and keeps the rule simple.
        _ => out.push(value.span),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mzlint_syntax::lexer::lex;

    fn masked(src: &str) -> String {
        let tokens = lex(src).tokens;
        Redaction::of_source(src, &tokens).redact_text(src).text
    }

    #[test]
    fn masks_every_secret_bearing_form() {
        assert_eq!(
            masked("CREATE SECRET s AS 'canary';"),
            "CREATE SECRET s AS '********';"
        );
        assert_eq!(
            masked("CREATE SECRET s AS decode('Y2FuYXJ5', 'base64');"),
            "CREATE SECRET s AS '********';"
        );
        assert_eq!(
            masked("CREATE CONNECTION k TO KAFKA (BROKER 'b:9092', SASL PASSWORD = 'canary', SSL KEY SECRET k)"),
            "CREATE CONNECTION k TO KAFKA (BROKER 'b:9092', SASL PASSWORD = '********', SSL KEY SECRET k)"
        );
        assert_eq!(
            masked("CREATE ROLE r LOGIN PASSWORD 'canary';"),
            "CREATE ROLE r LOGIN PASSWORD '********';"
        );
        assert_eq!(
            masked("CREATE USER u IDENTIFIED WITH mysql_native_password BY 'canary';"),
            "CREATE USER u IDENTIFIED WITH mysql_native_password BY '********';"
        );
        assert_eq!(
            masked("SET PASSWORD FOR u = 'canary';"),
            "SET PASSWORD FOR u = '********';"
        );
        assert_eq!(
            masked("CREATE SOURCE s FROM POSTGRES CONNECTION 'host=h password=canary' PUBLICATION 'p';"),
            "CREATE SOURCE s FROM POSTGRES CONNECTION '********' PUBLICATION 'p';"
        );
        assert_eq!(
            masked("CREATE CONNECTION c TO SSH TUNNEL (HOST 'h', USER 'u');"),
            "CREATE CONNECTION c TO SSH TUNNEL (HOST 'h', USER 'u');"
        );
    }

    #[test]
    fn offsets_map_both_ways() {
        let src = "CREATE SECRET s AS 'a-long-secret'; SELECT 1;";
        let tokens = lex(src).tokens;
        let redacted = Redaction::of_source(src, &tokens).redact_text(src);
        let select = src.find("SELECT").unwrap() as u32;
        let mapped = redacted.map_offset(select);
        assert_eq!(
            &redacted.text[mapped as usize..mapped as usize + 6],
            "SELECT"
        );
        assert_eq!(redacted.unmap_offset(mapped), select);
        let secret = Span::new(
            src.find('\'').unwrap() as u32,
            src.find(';').unwrap() as u32,
        );
        assert_eq!(redacted.map_span(secret).text(&redacted.text), MASK);
    }
}

//! Stable fingerprints for SARIF (`partialFingerprints`) and GitLab.
//!
//! A fingerprint must survive edits elsewhere in the file (lines shifting),
//! so it hashes no position: it hashes the rule code, the file path, the
//! whitespace-normalised text of the statement holding the primary span and
//! the normalised text of the span itself, both taken from the
//! secret-masked text (a hash of a secret is a leak too, rules.md §2).
//! Identical findings in one file are told apart by an occurrence number,
//! in file order: `<32 hex digits>:<n>`.

use std::collections::HashMap;

use mzlint_linter::secrets::RedactedText;
use mzlint_linter::SourceFile;
use mzlint_syntax::Span;

use super::frames::redaction_of;
use super::Report;

/// One fingerprint per entry of `report`, in the same order.
pub fn fingerprints(report: &Report<'_>) -> Vec<String> {
    let mut masked: HashMap<u32, RedactedText> = HashMap::new();
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    report
        .entries
        .iter()
        .map(|entry| {
            let file = entry.file;
            let redacted = masked
                .entry(file.id.0)
                .or_insert_with(|| redaction_of(file).redact_text(&file.text));
            let diagnostic = entry.diagnostic;
            let (context, flagged) = if file.load_error.is_some() {
                (String::new(), diagnostic.message.clone())
            } else {
                let context = context_span(file, diagnostic.span);
                (
                    normalise(slice(redacted, context)),
                    normalise(slice(redacted, diagnostic.span)),
                )
            };
            let hash = hash128(&[diagnostic.rule.code, &entry.path, &context, &flagged]);
            let occurrence = seen
                .entry((entry.path.clone(), hash.clone()))
                .and_modify(|n| *n += 1)
                .or_insert(1);
            format!("{hash}:{occurrence}")
        })
        .collect()
}

/// The statement holding `span`, or its line when no statement does
/// (comments, text between statements).
fn context_span(file: &SourceFile, span: Span) -> Span {
    if let Some(statement) = file
        .parsed
        .statements
        .iter()
        .find(|s| s.span.touches(span.start))
    {
        return statement.span;
    }
    let line = file.line_index.line_of(span.start);
    let range = file.line_index.line_range(&file.text, line);
    Span::from_range(range)
}

fn slice(redacted: &RedactedText, span: Span) -> &str {
    let range = redacted.map_span(span).range();
    redacted.text.get(range).unwrap_or("")
}

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Two FNV-1a 64-bit hashes with different offset bases: stable across
/// Rust versions and platforms (std's hasher is not).
pub fn hash128(parts: &[&str]) -> String {
    let mut a: u64 = 0xcbf2_9ce4_8422_2325;
    let mut b: u64 = 0x6c62_272e_07bb_0142;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    for part in parts {
        for &byte in part.as_bytes().iter().chain(std::iter::once(&0xff)) {
            a = (a ^ byte as u64).wrapping_mul(PRIME);
            b = (b ^ (byte.rotate_left(3) as u64)).wrapping_mul(PRIME);
        }
    }
    format!("{a:016x}{b:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable() {
        assert_eq!(hash128(&["MZ200", "a.sql"]), hash128(&["MZ200", "a.sql"]));
        assert_ne!(hash128(&["MZ200", "a.sql"]), hash128(&["MZ20", "0a.sql"]));
        assert_eq!(hash128(&[]).len(), 32);
    }

    #[test]
    fn whitespace_is_normalised() {
        assert_eq!(normalise("CREATE\r\n  SECRET\ts"), "CREATE SECRET s");
    }
}

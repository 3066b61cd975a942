//! Helpers for the tests of the legacy (MZ7xx), cluster (MZ600, MZ602,
//! MZ604, MZ605) and MZ503 rules, on top of [`crate::testing`].

use crate::diagnostic::Diagnostic;
use crate::testing::{lint_sql_with_settings, render_sql, test_settings};

/// `mzlint.toml` enabling the opt-in MZ702.
pub(crate) const WITH_MZ702: &str = "[lint]\nextend-select = [\"MZ702\"]\n";

/// `mzlint.toml` setting `clusters.default-ingest-cluster = "ingest"`.
pub(crate) const INGEST: &str = "[clusters]\ndefault-ingest-cluster = \"ingest\"\n";

/// The unique value secrets tests hide (rules.md §2).
pub(crate) const CANARY: &str = "mzlint-canary-9c1e7f";

/// Lint `sql` as one file with an optional configuration.
pub(crate) fn lint(sql: &str, config: Option<&str>) -> Vec<Diagnostic> {
    lint_sql_with_settings(sql, &test_settings(config))
}

/// `(code, message, flagged text)` of every diagnostic, in order.
pub(crate) fn found(sql: &str, config: Option<&str>) -> Vec<(String, String, String)> {
    lint(sql, config)
        .into_iter()
        .map(|d| {
            (
                d.rule.code.to_string(),
                d.message.clone(),
                sql[d.span.range()].to_string(),
            )
        })
        .collect()
}

/// `(message, flagged text)` of the diagnostics of `code`.
pub(crate) fn of(sql: &str, code: &str, config: Option<&str>) -> Vec<(String, String)> {
    found(sql, config)
        .into_iter()
        .filter(|(c, _, _)| c == code)
        .map(|(_, message, text)| (message, text))
        .collect()
}

/// The diagnostics of `code`.
pub(crate) fn diagnostics_of(sql: &str, code: &str, config: Option<&str>) -> Vec<Diagnostic> {
    lint(sql, config)
        .into_iter()
        .filter(|d| d.rule.code == code)
        .collect()
}

/// Exactly one diagnostic of `code`, with this message and flagged text.
pub(crate) fn assert_one(sql: &str, code: &str, message: &str, text: &str, config: Option<&str>) {
    assert_eq!(
        of(sql, code, config),
        vec![(message.to_string(), text.to_string())],
        "{sql}"
    );
}

/// No diagnostic of `code`.
pub(crate) fn assert_none(sql: &str, code: &str, config: Option<&str>) {
    let list = of(sql, code, config);
    assert!(list.is_empty(), "unexpected {code} on {sql}: {list:?}");
}

/// No diagnostic at all (a catalog Good example).
pub(crate) fn assert_clean(sql: &str, config: Option<&str>) {
    let list = found(sql, config);
    assert!(list.is_empty(), "unexpected diagnostics on {sql}: {list:?}");
}

/// The concise rendering (for snapshots).
pub(crate) fn render(sql: &str, config: Option<&str>) -> String {
    render_sql(sql, &lint(sql, config))
}

/// Nothing any diagnostic says or would write contains [`CANARY`].
pub(crate) fn assert_no_canary(sql: &str, config: Option<&str>) {
    assert!(sql.contains(CANARY), "the test input must hold the canary");
    let diagnostics = lint(sql, config);
    assert!(!diagnostics.is_empty(), "expected diagnostics on {sql}");
    for d in &diagnostics {
        let mut texts = vec![d.message.clone()];
        texts.extend(d.help.clone());
        texts.extend(d.notes.iter().cloned());
        texts.extend(d.related.iter().map(|r| r.message.clone()));
        if let Some(fix) = &d.fix {
            texts.push(fix.message.clone());
            texts.extend(fix.edits.iter().map(|e| e.content.clone()));
        }
        for text in texts {
            assert!(
                !text.contains(CANARY),
                "{} leaks the canary: {text}",
                d.rule.code
            );
        }
    }
    assert!(!render(sql, config).contains(CANARY));
}

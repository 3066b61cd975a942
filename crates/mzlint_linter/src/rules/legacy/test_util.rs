//! Helpers for the tests of the legacy (MZ7xx), cluster (MZ600, MZ602,
//! MZ604, MZ605) and MZ503 rules, on top of [`crate::testing`].

use crate::diagnostic::Diagnostic;
pub(crate) use crate::testing::CANARY;
use crate::testing::{assert_never_said, code_message_text, lint_sql_config, of_code, render_sql};

/// `mzlint.toml` enabling the opt-in MZ702.
pub(crate) const WITH_MZ702: &str = "[lint]\nextend-select = [\"MZ702\"]\n";

/// `mzlint.toml` setting `clusters.default-ingest-cluster = "ingest"`.
pub(crate) const INGEST: &str = "[clusters]\ndefault-ingest-cluster = \"ingest\"\n";

/// Lint `sql` as one file with an optional configuration.
pub(crate) fn lint(sql: &str, config: Option<&str>) -> Vec<Diagnostic> {
    lint_sql_config(sql, config)
}

/// `(code, message, flagged text)` of every diagnostic, in order.
pub(crate) fn found(sql: &str, config: Option<&str>) -> Vec<(String, String, String)> {
    code_message_text(sql, &lint(sql, config))
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
    of_code(&lint(sql, config), code)
}

/// Exactly one diagnostic of `code`, with this message and flagged text.
pub(crate) fn assert_one(sql: &str, code: &str, message: &str, text: &str, config: Option<&str>) {
    assert_eq!(
        of(sql, code, config),
        vec![(message.to_string(), text.to_string())],
        "{sql}"
    );
}

/// A catalog Bad example: `sql` has exactly one diagnostic, a `code` with
/// this message, flagged text and help. Returned for the fix checks.
pub(crate) fn assert_bad_example(
    sql: &str,
    config: Option<&str>,
    code: &str,
    message: &str,
    text: &str,
    help: &str,
) -> Diagnostic {
    assert_eq!(
        found(sql, config),
        vec![(code.to_string(), message.to_string(), text.to_string())]
    );
    let d = diagnostics_of(sql, code, config).remove(0);
    assert_eq!(d.help.as_deref(), Some(help));
    d
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
    assert_never_said(CANARY, sql, &diagnostics);
}

//! Suppression comments. Rules do not run on opaque statements (`SELECT`,
//! `INSERT`), so these tests place made-up findings of real rules on them
//! and run the driver's last step (configuration, then [`apply`]); they do
//! not depend on which rules or statements the parser supports.

use super::*;
use crate::fix::{self, FixMode};
use crate::testing::{lint_sql, lint_sql_with, render_sql, test_file, test_settings};

/// A made-up finding: `(code, marker)`, where the marker is text of the
/// file, optionally `@n` for its n-th occurrence (1-based).
type Finding<'a> = (&'a str, &'a str);

fn span_of(sql: &str, marker: &str) -> Span {
    let (needle, nth) = match marker.rsplit_once('@') {
        Some((needle, n)) if n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty() => {
            (needle, n.parse::<usize>().unwrap())
        }
        _ => (marker, 1),
    };
    let start = sql
        .match_indices(needle)
        .nth(nth - 1)
        .unwrap_or_else(|| panic!("marker {marker:?} not found"))
        .0;
    Span::new(start as u32, (start + needle.len()) as u32)
}

/// Configuration, suppressions and order, as the driver does them.
fn run(sql: &str, findings: &[Finding<'_>], config: Option<&str>) -> (SourceFile, Vec<Diagnostic>) {
    let settings = test_settings(config);
    let file = test_file(sql, &settings);
    let mut diagnostics: Vec<Diagnostic> = file
        .parsed
        .errors
        .iter()
        .map(|e| Diagnostic::new(engine::SYNTAX_ERROR, file.id, e.span, e.message.clone()))
        .collect();
    for (code, marker) in findings {
        let rule = registry::find(code).unwrap();
        let span = span_of(sql, marker);
        diagnostics.push(Diagnostic::new(
            rule,
            file.id,
            span,
            format!("finding at `{}`", span.text(sql)),
        ));
    }
    let diagnostics: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(|d| settings.is_enabled_for(d.rule, &file.path))
        .map(|mut d| {
            d.severity = settings.rules.severity(d.rule);
            d
        })
        .collect();
    let mut out = apply(&file, &settings, diagnostics);
    out.sort_by_key(|d| (d.span.start, d.span.end, d.rule.code));
    (file, out)
}

/// The report, then the text after applying the safe fixes once.
fn check(sql: &str, findings: &[Finding<'_>], config: Option<&str>) -> String {
    let (file, diagnostics) = run(sql, findings, config);
    let mut out = render_sql(sql, &diagnostics);
    let (fixed, count) = fix::apply_fixes_in(&file, &diagnostics, FixMode::Safe);
    if count > 0 {
        out.push_str(&format!("--- after {count} safe fix(es) ---\n{fixed}"));
    }
    out
}

fn codes(diagnostics: &[Diagnostic]) -> Vec<&'static str> {
    diagnostics.iter().map(|d| d.rule.code).collect()
}

#[test]
fn trailing_ignore_covers_its_line() {
    let sql = "SELECT 1; -- mzlint: ignore[MZ200] reason\nSELECT 2;\n";
    let (_, out) = run(
        sql,
        &[("MZ200", "1;"), ("MZ200", "2;"), ("MZ201", "SELECT@1")],
        None,
    );
    assert_eq!(codes(&out), vec!["MZ201", "MZ200"]);
    assert_eq!(out[1].span, span_of(sql, "2;"));
}

#[test]
fn trailing_ignore_covers_spans_starting_on_its_line_only() {
    let sql = "INSERT INTO t -- mzlint: ignore[MZ600]\nVALUES (1);\n";
    let (_, out) = run(sql, &[("MZ600", "INSERT"), ("MZ600", "VALUES")], None);
    assert_eq!(codes(&out), vec!["MZ600"]);
    assert_eq!(out[0].span, span_of(sql, "VALUES"));
}

#[test]
fn own_line_ignore_covers_the_next_statement() {
    let sql = "-- mzlint: ignore[MZ600, weak-ssl-mode] reviewed\n\n-- another comment\nINSERT INTO t\n  VALUES (1);\nSELECT 1;\n";
    let (_, out) = run(
        sql,
        &[
            ("MZ600", "INSERT"),
            ("MZ201", "VALUES"),
            ("MZ600", ";@1"),
            ("MZ600", "SELECT"),
        ],
        None,
    );
    assert_eq!(codes(&out), vec!["MZ600"]);
    assert_eq!(out[0].span, span_of(sql, "SELECT"));
}

#[test]
fn own_line_ignore_inside_a_statement_covers_the_rest_of_it() {
    let sql = "INSERT INTO t\n  -- mzlint: ignore[MZ600]\n  VALUES (1);\nSELECT 1;\n";
    let (_, out) = run(
        sql,
        &[
            ("MZ600", "INSERT"),
            ("MZ600", "VALUES"),
            ("MZ600", "SELECT"),
        ],
        None,
    );
    let spans: Vec<Span> = out.iter().map(|d| d.span).collect();
    assert_eq!(spans, vec![span_of(sql, "INSERT"), span_of(sql, "SELECT")]);
}

#[test]
fn file_ignore_anywhere() {
    let sql = "SELECT 1;\nSELECT 2;\n/* mzlint: file-ignore[MZ600] legacy file */\n";
    let (_, out) = run(
        sql,
        &[("MZ600", "1;"), ("MZ600", "2;"), ("MZ201", "2;")],
        None,
    );
    assert_eq!(codes(&out), vec!["MZ201"]);
}

#[test]
fn disable_enable_range() {
    let sql = "SELECT 1;\n-- mzlint: disable[MZ600]\nSELECT 2;\nSELECT 3;\n-- mzlint: enable[source-without-cluster]\nSELECT 4;\n";
    let (_, out) = run(
        sql,
        &[
            ("MZ600", "1;"),
            ("MZ600", "2;"),
            ("MZ600", "3;"),
            ("MZ600", "4;"),
            ("MZ201", "3;"),
        ],
        None,
    );
    let found: Vec<(&str, &str)> = out
        .iter()
        .map(|d| (d.rule.code, d.span.text(sql)))
        .collect();
    assert_eq!(
        found,
        vec![("MZ600", "1;"), ("MZ201", "3;"), ("MZ600", "4;")]
    );
}

#[test]
fn disable_never_closed_applies_to_the_end() {
    let sql = "-- mzlint: disable[MZ600]\nSELECT 1;\nSELECT 2;\n";
    insta::assert_snapshot!(check(sql, &[("MZ600", "1;"), ("MZ600", "2;")], None), @r"
    test.sql:1:20: warning[MZ003] disable[MZ600] is never closed by enable[MZ600] (invalid-suppression)
      help: it applies to the end of the file; add the matching enable comment
    ");
}

#[test]
fn enable_without_disable() {
    let sql = "SELECT 1;\n-- mzlint: enable[MZ600]\n";
    insta::assert_snapshot!(check(sql, &[], None), @"test.sql:2:19: warning[MZ003] enable[MZ600] without an open disable[MZ600] (invalid-suppression)");
}

#[test]
fn disable_twice() {
    let sql = "-- mzlint: disable[MZ600]\n-- mzlint: disable[source-without-cluster]\nSELECT 1;\n-- mzlint: enable[MZ600]\n";
    let (_, out) = run(sql, &[("MZ600", "1;")], None);
    assert_eq!(codes(&out), vec!["MZ003"]);
    assert_eq!(
        out[0].message,
        "disable[source-without-cluster] repeats the disable[MZ600] still open since line 1"
    );
}

#[test]
fn block_comments() {
    let sql = "SELECT 1; /* mzlint: ignore[MZ600] */ SELECT 2;\n/*\n  mzlint: ignore[MZ201] multi-line\n*/\nSELECT 3;\n/* MzLint: file-ignore[MZ604] */\n";
    let (_, out) = run(
        sql,
        &[
            ("MZ600", "1;"),
            ("MZ600", "2;"),
            ("MZ201", "3;"),
            ("MZ604", "SELECT@1"),
        ],
        None,
    );
    assert!(out.is_empty(), "{}", render_sql(sql, &out));
}

#[test]
fn any_case_and_spacing() {
    let sql = "SELECT 1; --MZLINT:IGNORE[mz600]\nSELECT 2; --   mzlint:   Ignore [ MZ600 ]\nSELECT 3;\t/*mzlint: ignore[MZ600,MZ201]*/\n";
    let (_, out) = run(
        sql,
        &[
            ("MZ600", "1;"),
            ("MZ600", "2;"),
            ("MZ600", "3;"),
            ("MZ201", "3;"),
        ],
        None,
    );
    assert!(out.is_empty(), "{}", render_sql(sql, &out));
}

#[test]
fn other_comments_are_not_directives() {
    let sql = "SELECT 1; -- noqa: MZ600\nSELECT 2; -- see mzlint: ignore[MZ600]\nSELECT 3; -- mzlint ignore[MZ600]\n";
    let (_, out) = run(
        sql,
        &[("MZ600", "1;"), ("MZ600", "2;"), ("MZ600", "3;")],
        None,
    );
    assert_eq!(codes(&out), vec!["MZ600", "MZ600", "MZ600"]);
}

#[test]
fn invalid_suppressions() {
    let sql = "\
SELECT 1; -- mzlint: ignroe[MZ600]
SELECT 2; -- mzlint: ignore MZ600
SELECT 3; -- mzlint: ignore[MZ600
SELECT 4; -- mzlint: ignore[MZ600]]
SELECT 5; -- mzlint: ignore[[MZ600]
SELECT 6; -- mzlint: ignore[] nothing
SELECT 7; -- mzlint: ignore[MZ999, MZ600]
SELECT 8; -- mzlint: ignore[missing-sll-mode]
SELECT 9; -- mzlint: ignore[ALL]
SELECT 10; -- mzlint: ignore[MZ2]
SELECT 11; -- mzlint: ignore[MZ001]
SELECT 12; -- mzlint:
";
    let findings: Vec<(&str, String)> = (1..=12)
        .map(|n| ("MZ600", format!("SELECT {n};")))
        .collect();
    let findings: Vec<Finding<'_>> = findings.iter().map(|(c, m)| (*c, m.as_str())).collect();
    insta::assert_snapshot!(check(sql, &findings, None));
}

#[test]
fn did_you_mean_only_when_one_rule_is_close() {
    let sql = "SELECT 1; -- mzlint: ignore[weak-ssl-mod, MZ20]\n";
    let (_, out) = run(sql, &[], None);
    assert_eq!(out.len(), 2);
    assert_eq!(
        out[0].help.as_deref(),
        Some("did you mean 'weak-ssl-mode' (MZ201)?")
    );
    assert_eq!(
        out[1].message,
        "unknown rule code MZ20 in suppression comment"
    );
    assert_eq!(
        out[1].help.as_deref(),
        Some("suppression comments take full rule codes or names; MZ20 is a prefix")
    );
}

#[test]
fn unused_suppressions_one_per_code_and_their_fixes() {
    let sql = "SELECT 1; -- mzlint: ignore[MZ200, weak-ssl-mode, MZ600] reviewed\nSELECT 2;\n";
    insta::assert_snapshot!(check(sql, &[("MZ201", "1;")], None), @r"
    test.sql:1:29: warning[MZ002] unused suppression: MZ200 (missing-ssl-mode) reported nothing here (unused-suppression)
      fix (safe): Remove unused suppression MZ200
    test.sql:1:51: warning[MZ002] unused suppression: MZ600 (source-without-cluster) reported nothing here (unused-suppression)
      fix (safe): Remove unused suppression MZ600
    --- after 2 safe fix(es) ---
    SELECT 1; -- mzlint: ignore[weak-ssl-mode] reviewed
    SELECT 2;
    ");
}

#[test]
fn unused_whole_comments_are_removed() {
    let sql = "-- mzlint: ignore[MZ201] reached over VPN\nSELECT 1;\nSELECT 2;   -- mzlint: ignore[MZ200, MZ600]\n  /* mzlint: file-ignore[MZ604] */\nSELECT 3;/* mzlint: ignore[MZ605] */ SELECT 4;\n";
    insta::assert_snapshot!(check(sql, &[], None), @r"
    test.sql:1:19: warning[MZ002] unused suppression: MZ201 (weak-ssl-mode) reported nothing here (unused-suppression)
      fix (safe): Remove unused suppression comment
    test.sql:3:31: warning[MZ002] unused suppression: MZ200 (missing-ssl-mode) reported nothing here (unused-suppression)
      fix (safe): Remove unused suppression comment
    test.sql:3:38: warning[MZ002] unused suppression: MZ600 (source-without-cluster) reported nothing here (unused-suppression)
      fix (safe): Remove unused suppression comment
    test.sql:4:26: warning[MZ002] unused suppression: MZ604 (connection-validation-disabled) reported nothing here (unused-suppression)
      fix (safe): Remove unused suppression comment
    test.sql:5:28: warning[MZ002] unused suppression: MZ605 (unmanaged-cluster) reported nothing here (unused-suppression)
      fix (safe): Remove unused suppression comment
    --- after 4 safe fix(es) ---
    SELECT 1;
    SELECT 2;
    SELECT 3; SELECT 4;
    ");
}

#[test]
fn unused_disable_enable_pairs_are_removed_together() {
    let sql = "-- mzlint: disable[MZ600, MZ201]\nSELECT 1;\n-- mzlint: enable[MZ201]\n-- mzlint: enable[MZ600]\nSELECT 2;\n";
    insta::assert_snapshot!(check(sql, &[("MZ201", "1;")], None), @r"
    test.sql:1:20: warning[MZ002] unused suppression: MZ600 (source-without-cluster) reported nothing here (unused-suppression)
      fix (safe): Remove unused suppression MZ600
    --- after 1 safe fix(es) ---
    -- mzlint: disable[MZ201]
    SELECT 1;
    -- mzlint: enable[MZ201]
    SELECT 2;
    ");
    let sql =
        "-- mzlint: disable[MZ600, MZ201]\nSELECT 1;\n-- mzlint: enable[MZ201, MZ600]\nSELECT 2;\n";
    insta::assert_snapshot!(check(sql, &[], None), @r"
    test.sql:1:20: warning[MZ002] unused suppression: MZ600 (source-without-cluster) reported nothing here (unused-suppression)
      fix (safe): Remove unused suppression comment
    test.sql:1:27: warning[MZ002] unused suppression: MZ201 (weak-ssl-mode) reported nothing here (unused-suppression)
      fix (safe): Remove unused suppression comment
    --- after 1 safe fix(es) ---
    SELECT 1;
    SELECT 2;
    ");
}

#[test]
fn no_unused_report_for_disabled_rules_failed_statements_or_mz002() {
    let sql = "SELECT 1; -- mzlint: ignore[MZ600, MZ002]\n-- mzlint: ignore[MZ201]\nCREATE CONNECTION pg TO POSTGRES HOST 'x';\nSELECT 2; -- mzlint: ignore[MZ702]\n";
    let (_, out) = run(sql, &[], Some("[lint]\nignore = [\"MZ600\"]\n"));
    assert_eq!(codes(&out), vec!["MZ000"], "{}", render_sql(sql, &out));
    // Enabled, MZ702 is judged like any other rule.
    let (_, out) = run(
        sql,
        &[],
        Some("[lint]\nextend-select = [\"MZ702\"]\nignore = [\"MZ600\"]\n"),
    );
    assert_eq!(codes(&out), vec!["MZ000", "MZ002"]);
    assert_eq!(out[1].span, span_of(sql, "MZ702"));
    // A trailing ignore on a line of a failed statement is not judged either.
    let sql = "CREATE CONNECTION pg TO POSTGRES HOST 'x'; -- mzlint: ignore[MZ200]\n";
    let (_, out) = run(sql, &[], None);
    assert_eq!(codes(&out), vec!["MZ000"]);
}

#[test]
fn mz002_and_mz003_follow_configuration_and_file_ignore() {
    let sql = "SELECT 1; -- mzlint: ignore[MZ600, bogus]\n";
    let (_, out) = run(sql, &[], None);
    assert_eq!(codes(&out), vec!["MZ002", "MZ003"]);
    let (_, out) = run(sql, &[], Some("[lint]\nignore = [\"MZ002\", \"MZ003\"]\n"));
    assert!(out.is_empty());
    let (_, out) = run(
        sql,
        &[],
        Some("[lint.severity]\nMZ003 = \"error\"\nMZ002 = \"info\"\n"),
    );
    assert_eq!(out[0].severity, crate::Severity::Info);
    assert_eq!(out[1].severity, crate::Severity::Error);
    let with_file_ignore = format!("{sql}-- mzlint: file-ignore[MZ002, MZ003]\n");
    let (_, out) = run(&with_file_ignore, &[], None);
    assert!(out.is_empty(), "{}", render_sql(&with_file_ignore, &out));
    // A line ignore does not silence MZ003.
    let sql = "SELECT 1; -- mzlint: ignore[MZ003, bogus]\n";
    let (_, out) = run(sql, &[], None);
    assert_eq!(codes(&out), vec!["MZ002", "MZ003"]);
}

#[test]
fn crlf_files_and_non_ascii_before_the_comment() {
    let sql = "SELECT 'ü😀'; -- mzlint: ignore[MZ600, weak-ssl-mod]\r\n-- mzlint: ignore[MZ201]\r\nSELECT 2;\r\n";
    let out = check(sql, &[], None);
    insta::assert_snapshot!(out.replace('\r', "␍"), @r"
    test.sql:1:32: warning[MZ002] unused suppression: MZ600 (source-without-cluster) reported nothing here (unused-suppression)
      fix (safe): Remove unused suppression MZ600
    test.sql:1:39: warning[MZ003] unknown rule name 'weak-ssl-mod' in suppression comment (invalid-suppression)
      help: did you mean 'weak-ssl-mode' (MZ201)?
    test.sql:2:19: warning[MZ002] unused suppression: MZ201 (weak-ssl-mode) reported nothing here (unused-suppression)
      fix (safe): Remove unused suppression comment
    --- after 2 safe fix(es) ---
    SELECT 'ü😀'; -- mzlint: ignore[weak-ssl-mod]␍
    SELECT 2;␍
    ");
    // A trailing comment is removed without its line ending.
    let sql = "SELECT 1; -- mzlint: ignore[MZ600]\r\nSELECT 2;\r\n";
    let (file, out) = run(sql, &[], None);
    let (fixed, _) = fix::apply_fixes_in(&file, &out, FixMode::Safe);
    assert_eq!(fixed, "SELECT 1;\r\nSELECT 2;\r\n");
}

#[test]
fn suppressed_diagnostics_mark_every_covering_entry_used() {
    let sql = "-- mzlint: file-ignore[MZ600]\nSELECT 1; -- mzlint: ignore[MZ600]\n";
    let (_, out) = run(sql, &[("MZ600", "1;")], None);
    assert!(out.is_empty(), "{}", render_sql(sql, &out));
}

#[test]
fn directives_are_exposed_for_the_language_server() {
    let sql =
        "SELECT 1; -- mzlint: ignore[MZ600, nope] why\n/* mzlint: file-ignore[weak-ssl-mode] */\n";
    let file = test_file(sql, &Settings::default());
    let found = directives(&file);
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].verb, Verb::Ignore);
    assert!(found[0].trailing);
    assert_eq!(found[0].entries[0].span, span_of(sql, "MZ600"));
    assert_eq!(found[0].entries[0].rule.map(|r| r.code), Some("MZ600"));
    assert!(found[0].entries[1].rule.is_none());
    assert_eq!(found[1].verb, Verb::FileIgnore);
    assert!(found[1].block);
    assert_eq!(found[1].entries[0].rule.map(|r| r.code), Some("MZ201"));
}

// End to end: the real driver, the real fixer.

#[test]
fn end_to_end_unused_suppression_is_reported_and_fixed() {
    let sql = "-- mzlint: ignore[MZ201] reached over VPN\nSELECT 1;\n";
    let diagnostics = lint_sql(sql);
    insta::assert_snapshot!(render_sql(sql, &diagnostics), @r"
    test.sql:1:19: warning[MZ002] unused suppression: MZ201 (weak-ssl-mode) reported nothing here (unused-suppression)
      fix (safe): Remove unused suppression comment
    ");
    let fixed = crate::testing::assert_fixes_converge(sql, None);
    assert_eq!(fixed, "SELECT 1;\n");
    assert!(lint_sql_with(sql, "[lint]\nignore = [\"MZ002\"]\n").is_empty());
}

#[test]
fn end_to_end_invalid_suppression() {
    let sql = "-- mzlint: ignore[missing-sll-mode] bastion-only network\nSELECT 1;\n";
    insta::assert_snapshot!(render_sql(sql, &lint_sql(sql)), @r"
    test.sql:1:19: warning[MZ003] unknown rule name 'missing-sll-mode' in suppression comment (invalid-suppression)
      help: did you mean 'missing-ssl-mode' (MZ200)?
    ");
}

#[test]
fn end_to_end_partial_fixes_converge() {
    let sql = "SELECT 1; -- mzlint: ignore[MZ200, MZ201, MZ600] a\n-- mzlint: disable[MZ600]\nSELECT 2;\n-- mzlint: enable[MZ600]\n";
    let fixed = crate::testing::assert_fixes_converge(sql, None);
    assert_eq!(fixed, "SELECT 1;\nSELECT 2;\n");
}

#[test]
fn code_action_edits() {
    let rule = registry::find("MZ600").unwrap();
    let other = registry::find("MZ201").unwrap();
    let edit_text = |sql: &str, marker: &str, r: &RuleMeta, scope| -> Option<String> {
        let file = test_file(sql, &Settings::default());
        suppress_edit(&file, r, span_of(sql, marker), scope)
            .map(|e| crate::fix::apply_edits(sql, &[e]))
    };
    use SuppressScope::*;
    let sql = "SELECT 1;\n  INSERT INTO t\n  VALUES (1);\n";
    assert_eq!(
        edit_text(sql, "VALUES", rule, Line).unwrap(),
        "SELECT 1;\n  INSERT INTO t\n  VALUES (1);  -- mzlint: ignore[MZ600]\n"
    );
    assert_eq!(
        edit_text(sql, "VALUES", rule, Statement).unwrap(),
        "SELECT 1;\n  -- mzlint: ignore[MZ600]\n  INSERT INTO t\n  VALUES (1);\n"
    );
    assert_eq!(
        edit_text(sql, "VALUES", rule, File).unwrap(),
        "-- mzlint: file-ignore[MZ600]\nSELECT 1;\n  INSERT INTO t\n  VALUES (1);\n"
    );
    // Existing directives grow; a rule already there needs nothing.
    let sql = "-- mzlint: file-ignore[MZ201]\n-- mzlint: ignore[MZ201]\nSELECT 1; -- mzlint: ignore[MZ201] why\n";
    assert_eq!(
        edit_text(sql, "1;", rule, Line).unwrap(),
        "-- mzlint: file-ignore[MZ201]\n-- mzlint: ignore[MZ201]\nSELECT 1; -- mzlint: ignore[MZ201, MZ600] why\n"
    );
    assert_eq!(
        edit_text(sql, "1;", rule, Statement).unwrap(),
        "-- mzlint: file-ignore[MZ201]\n-- mzlint: ignore[MZ201, MZ600]\nSELECT 1; -- mzlint: ignore[MZ201] why\n"
    );
    assert_eq!(
        edit_text(sql, "1;", rule, File).unwrap(),
        "-- mzlint: file-ignore[MZ201, MZ600]\n-- mzlint: ignore[MZ201]\nSELECT 1; -- mzlint: ignore[MZ201] why\n"
    );
    assert_eq!(edit_text(sql, "1;", other, Line), None);
    // An ordinary trailing comment becomes the reason.
    assert_eq!(
        edit_text("SELECT 1; -- note\n", "1;", rule, Line).unwrap(),
        "SELECT 1; -- mzlint: ignore[MZ600] note\n"
    );
    // CRLF files get CRLF.
    assert_eq!(
        edit_text("SELECT 1;\r\n", "1;", rule, Statement).unwrap(),
        "-- mzlint: ignore[MZ600]\r\nSELECT 1;\r\n"
    );
    // Nowhere to put it.
    assert_eq!(edit_text("SELECT 'a\nb';\n", "SELECT", rule, Line), None);
    assert_eq!(
        edit_text("SELECT 1; SELECT 2;\n", "2;", rule, Statement),
        None
    );
    // Each edit really suppresses.
    for scope in [Line, Statement, File] {
        let sql = "SELECT 1;\nINSERT INTO t VALUES (1);\n";
        let fixed = edit_text(sql, "INSERT", rule, scope).unwrap();
        let (_, out) = run(&fixed, &[("MZ600", "INSERT")], None);
        assert!(out.is_empty(), "{scope:?}: {}", render_sql(&fixed, &out));
    }
}

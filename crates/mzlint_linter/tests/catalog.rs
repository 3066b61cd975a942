//! The registry against the rule catalog (`../shared/spec/rules.md` §4):
//! every rule exists with its code, name, default severity, scope and
//! enablement, and carries documentation.

use mzlint_linter::registry::RULES;
use mzlint_linter::rule::Check;

#[test]
fn every_rule_is_documented_and_runs() {
    assert_eq!(RULES.len(), 59);
    for rule in RULES {
        assert!(
            rule.explanation.len() > 200,
            "{} has no real documentation",
            rule.code
        );
        assert!(!rule.summary.is_empty());
        let engine = matches!(rule.code, "MZ000" | "MZ001" | "MZ002" | "MZ003");
        assert_eq!(
            matches!(rule.check, Check::Engine),
            engine,
            "{} check kind",
            rule.code
        );
        assert!(rule
            .markdown()
            .starts_with(&format!("# {} {}", rule.code, rule.name)));
        // The space after `///` is not part of the markdown.
        let explanation = rule.explanation_markdown();
        assert!(
            explanation.starts_with(['#', '*']) && !explanation.contains("\n ## "),
            "{} explanation is indented",
            rule.code
        );
    }
}

#[test]
fn registry_matches_the_catalog_summary_table() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/spec/rules.md");
    let Ok(catalog) = std::fs::read_to_string(path) else {
        eprintln!("note: {path} not found; catalog comparison skipped");
        return;
    };
    let mut rows = 0;
    for line in catalog.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() < 7 || !cells[1].starts_with("MZ") || cells[1].len() != 5 {
            continue;
        }
        rows += 1;
        let rule = RULES
            .iter()
            .find(|r| r.code == cells[1])
            .unwrap_or_else(|| panic!("{} missing from the registry", cells[1]));
        assert_eq!(rule.name, cells[2], "{} name", rule.code);
        assert!(
            cells[3].starts_with(rule.severity.as_str()),
            "{} severity {}",
            rule.code,
            cells[3]
        );
        assert_eq!(
            rule.enabled_by_default,
            !cells[3].contains("off by default"),
            "{}",
            rule.code
        );
        assert_eq!(rule.scope.as_str(), cells[4], "{} scope", rule.code);
    }
    assert_eq!(rows, RULES.len());
}

#[test]
fn readme_lists_every_rule() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md")).unwrap();
    for rule in RULES {
        let row = format!("| {} | `{}` |", rule.code, rule.name);
        assert!(
            readme.contains(&row),
            "README rule table lacks {}",
            rule.code
        );
    }
}

//! `sarif`: SARIF 2.1.0, one run (interfaces.md §2.4).
//!
//! Columns are Unicode code points (`columnKind`), as in every other
//! format. Artifact URIs are relative to the working directory with
//! `uriBaseId` `%SRCROOT%`; a path outside it becomes an absolute `file:`
//! URI. Fingerprints: [`super::fingerprint`].

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use mzlint_linter::{RuleMeta, Severity, SourceFile};
use serde_json::{json, Value};

use super::fingerprint::fingerprints;
use super::Report;

pub const INFORMATION_URI: &str = "https://github.com/mzlint/mzlint";

pub fn write(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let rules: Vec<Value> = report.rules.iter().map(|rule| rule_object(rule)).collect();
    let fingerprints = fingerprints(report);
    let results: Vec<Value> = report
        .entries
        .iter()
        .zip(&fingerprints)
        .map(|(entry, fingerprint)| {
            let diagnostic = entry.diagnostic;
            let mut result = json!({
                "ruleId": diagnostic.rule.code,
                "level": level(diagnostic.severity),
                "message": {"text": diagnostic.message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": artifact(&entry.path, &cwd),
                        "region": region(entry.start, entry.end),
                    }
                }],
                "partialFingerprints": {"mzlint/v1": fingerprint},
            });
            if let Some(index) = report
                .rules
                .iter()
                .position(|r| r.code == diagnostic.rule.code)
            {
                result["ruleIndex"] = json!(index);
            }
            let related: Vec<Value> = diagnostic
                .related
                .iter()
                .filter_map(|related| {
                    let file = report.file(related.file)?;
                    Some((file, related))
                })
                .enumerate()
                .map(|(id, (file, related))| {
                    json!({
                        "id": id,
                        "message": {"text": related.message},
                        "physicalLocation": {
                            "artifactLocation": artifact(&file.display_path(), &cwd),
                            "region": span_region(file, related.span),
                        }
                    })
                })
                .collect();
            if !related.is_empty() {
                result["relatedLocations"] = Value::Array(related);
            }
            if let Some(fix) = &diagnostic.fix {
                let replacements: Vec<Value> = fix
                    .edits
                    .iter()
                    .map(|edit| {
                        json!({
                            "deletedRegion": span_region(entry.file, edit.span),
                            "insertedContent": {"text": edit.content},
                        })
                    })
                    .collect();
                result["fixes"] = json!([{
                    "description": {"text": fix.message},
                    "artifactChanges": [{
                        "artifactLocation": artifact(&entry.path, &cwd),
                        "replacements": replacements,
                    }],
                    "properties": {"applicability": fix.applicability.as_str()},
                }]);
            }
            result
        })
        .collect();
    let document = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "mzlint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "informationUri": INFORMATION_URI,
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The rule's category, from its code's hundreds digit (rules.md §5).
pub fn category(rule: &RuleMeta) -> &'static str {
    match rule.code.as_bytes().get(2) {
        Some(b'0') => "meta",
        Some(b'1') => "validity",
        Some(b'2') => "security",
        Some(b'3') => "network",
        Some(b'4') => "upstream",
        Some(b'5') => "references",
        Some(b'6') => "clusters",
        Some(b'7') => "legacy",
        _ => "other",
    }
}

fn rule_object(rule: &RuleMeta) -> Value {
    // MZ2xx's category is `security`, the tag code scanning looks for.
    let tags = [category(rule), rule.scope.as_str()];
    // `Summary. Why…` for a sentence, `Summary: why…` for a fragment.
    let full = match why(rule.explanation) {
        Some(why) if why.starts_with(char::is_uppercase) => format!("{}. {why}", rule.summary),
        Some(why) => format!("{}: {why}", rule.summary),
        None => rule.summary.to_string(),
    };
    json!({
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": full},
        "help": {"text": rule.summary, "markdown": rule.markdown()},
        "helpUri": rule.url(),
        "defaultConfiguration": {
            "enabled": rule.enabled_by_default,
            "level": level(rule.severity),
        },
        "properties": {"tags": tags},
    })
}

/// Why the rule matters, for `fullDescription`: the first paragraph under
/// the `## Why is this bad?` heading of a rule's documentation, or the
/// `* **Why**:` bullet of the rules written in the catalog's bullet style.
fn why(explanation: &str) -> Option<String> {
    let mut lines = explanation.lines().map(str::trim);
    let mut text = String::new();
    loop {
        let line = lines.next()?;
        if line.starts_with('#') && line.trim_start_matches('#').trim() == "Why is this bad?" {
            // The paragraph: skip blank lines, stop at the next blank line.
            for line in lines.by_ref().skip_while(|l| l.is_empty()) {
                if line.is_empty() || line.starts_with('#') {
                    break;
                }
                push_word(&mut text, line);
            }
            break;
        }
        if let Some((_, rest)) = line.split_once("**Why**") {
            push_word(&mut text, rest.trim_start_matches(':').trim());
            for line in lines.by_ref() {
                if line.is_empty() || line.starts_with("* ") || line.starts_with('#') {
                    break;
                }
                push_word(&mut text, line);
            }
            break;
        }
    }
    (!text.is_empty()).then_some(text)
}

fn push_word(text: &mut String, line: &str) {
    if !text.is_empty() && !line.is_empty() {
        text.push(' ');
    }
    text.push_str(line);
}

fn region(start: (usize, usize), end: (usize, usize)) -> Value {
    json!({
        "startLine": start.0,
        "startColumn": start.1,
        "endLine": end.0,
        "endColumn": end.1,
    })
}

fn span_region(file: &SourceFile, span: mzlint_syntax::Span) -> Value {
    region(file.row_col(span.start), file.row_col(span.end))
}

/// `artifactLocation` for a reported path.
fn artifact(path: &str, cwd: &Path) -> Value {
    let as_path = Path::new(path);
    if as_path.is_absolute() {
        return match as_path.strip_prefix(cwd) {
            Ok(relative) => relative_artifact(&relative.to_string_lossy().replace('\\', "/")),
            Err(_) => json!({"uri": format!("file://{}", encode(&path.replace('\\', "/")))}),
        };
    }
    relative_artifact(path.strip_prefix("./").unwrap_or(path))
}

fn relative_artifact(path: &str) -> Value {
    json!({"uri": encode(path), "uriBaseId": "%SRCROOT%"})
}

/// Percent-encode what a URI path may not hold.
pub fn encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'.'
            | b'_'
            | b'~'
            | b'/'
            | b'!'
            | b'$'
            | b'&'
            | b'\''
            | b'('
            | b')'
            | b'*'
            | b'+'
            | b','
            | b';'
            | b'='
            | b':'
            | b'@' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris() {
        assert_eq!(
            encode("dir with space/ü.sql"),
            "dir%20with%20space/%C3%BC.sql"
        );
        let cwd = Path::new("/repo");
        assert_eq!(
            artifact("./a.sql", cwd),
            json!({"uri": "a.sql", "uriBaseId": "%SRCROOT%"})
        );
        assert_eq!(
            artifact("/repo/sql/a.sql", cwd),
            json!({"uri": "sql/a.sql", "uriBaseId": "%SRCROOT%"})
        );
        assert_eq!(
            artifact("/elsewhere/a.sql", cwd),
            json!({"uri": "file:///elsewhere/a.sql"})
        );
    }

    #[test]
    fn security_rules_are_tagged() {
        let rule = mzlint_linter::registry::find("MZ200").unwrap();
        let object = rule_object(rule);
        assert_eq!(object["properties"]["tags"][0], "security");
        assert_eq!(
            object["fullDescription"]["text"],
            "Postgres/MySQL/SQL Server connection without SSL MODE (plaintext). \
             All traffic, authentication included, crosses the network unencrypted. \
             The documented default is `disable`/`disabled` \
             (`doc/user/data/examples/create_connection.yml`)."
        );
    }

    #[test]
    fn every_rule_says_why() {
        for rule in mzlint_linter::registry::RULES {
            let why = why(rule.explanation);
            assert!(why.is_some(), "{}: no reason found", rule.code);
            let why = why.unwrap();
            assert!(
                !why.contains('\n') && !why.starts_with(' '),
                "{}",
                rule.code
            );
        }
        let bullets = " * **Detects** x.\n * **Why**: because\n   it breaks.\n * **Bad** y\n";
        assert_eq!(why(bullets).unwrap(), "because it breaks.");
    }
}

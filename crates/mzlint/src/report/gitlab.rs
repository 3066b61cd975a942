//! `gitlab`: GitLab Code Quality JSON (an array of issues).

use std::io::{self, Write};

use mzlint_linter::Severity;
use serde::Serialize;

use super::fingerprint::{fingerprints, hash128};
use super::Report;

#[derive(Serialize)]
struct Issue<'a> {
    description: String,
    check_name: &'static str,
    fingerprint: String,
    severity: &'static str,
    location: IssueLocation<'a>,
}

#[derive(Serialize)]
struct IssueLocation<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
    end: usize,
}

pub fn write(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let issues: Vec<Issue<'_>> = report
        .entries
        .iter()
        .zip(fingerprints(report))
        .map(|(entry, fingerprint)| Issue {
            description: format!(
                "{} {}: {}",
                entry.diagnostic.rule.code, entry.diagnostic.rule.name, entry.diagnostic.message
            ),
            check_name: entry.diagnostic.rule.code,
            // Code Quality wants one opaque string; hash the SARIF one
            // (occurrence included) so the two never look alike.
            fingerprint: hash128(&["gitlab", &fingerprint]),
            severity: match entry.diagnostic.severity {
                Severity::Error => "major",
                Severity::Warning => "minor",
                Severity::Info => "info",
            },
            location: IssueLocation {
                path: entry.path.strip_prefix("./").unwrap_or(&entry.path),
                lines: Lines {
                    begin: entry.start.0,
                    end: entry.end.0,
                },
            },
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &issues)?;
    writeln!(out)
}

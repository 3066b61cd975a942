//! The valid statements of `materialize-ddl.md` §7.1
//! (`fixtures/spec-examples/valid.sql`), linted together as one file: which
//! security (MZ2xx) and network (MZ300–MZ305) findings the spec intends for
//! each example, and that none of these rules reports anything else.
//!
//! "Valid" means Materialize accepts the statement, not that it is safe:
//! secrets written inline (V01–V03, V05, V58) are MZ202, a Postgres
//! connection without SSL MODE is MZ200 — as info, since both V08 (SSH
//! TUNNEL) and V10 (AWS PRIVATELINK) have private routes — and V13's
//! `SSL MODE required` to a public host is MZ201.

use std::collections::BTreeSet;

use mzlint_linter::testing::{lint_sql, lint_sql_with};
use mzlint_linter::{Diagnostic, Severity};

const VALID: &str = include_str!("../../../fixtures/spec-examples/valid.sql");

/// The codes this file judges.
const CODES: &[&str] = &[
    "MZ200", "MZ201", "MZ202", "MZ203", "MZ204", "MZ300", "MZ301", "MZ302", "MZ303", "MZ304",
    "MZ305",
];

/// (example, code, severity) the spec intends.
const EXPECTED: &[(&str, &str, Severity)] = &[
    ("V01", "MZ202", Severity::Warning),
    ("V02", "MZ202", Severity::Warning),
    ("V03", "MZ202", Severity::Warning),
    ("V05", "MZ202", Severity::Warning),
    ("V08", "MZ200", Severity::Info),
    ("V10", "MZ200", Severity::Info),
    ("V13", "MZ201", Severity::Warning),
    ("V58", "MZ202", Severity::Warning),
];

/// The example (`V07`) a byte offset belongs to: the last `-- [Vnn]` label
/// before it.
fn example_at(offset: usize) -> String {
    let before = &VALID[..offset];
    let at = before.rfind("-- [V").expect("every statement is labelled");
    VALID[at + 4..].split(']').next().unwrap().to_string()
}

fn security_findings(
    diagnostics: &[Diagnostic],
) -> Vec<(String, &'static str, Severity, &Diagnostic)> {
    diagnostics
        .iter()
        .filter(|d| CODES.contains(&d.rule.code))
        .map(|d| {
            (
                example_at(d.span.start as usize),
                d.rule.code,
                d.severity,
                d,
            )
        })
        .collect()
}

fn assert_expected(diagnostics: &[Diagnostic]) {
    let found = security_findings(diagnostics);
    let got: BTreeSet<(String, &str, Severity)> = found
        .iter()
        .map(|(id, code, severity, _)| (id.clone(), *code, *severity))
        .collect();
    let want: BTreeSet<(String, &str, Severity)> = EXPECTED
        .iter()
        .map(|(id, code, severity)| (id.to_string(), *code, *severity))
        .collect();
    assert_eq!(got, want);
    assert_eq!(found.len(), EXPECTED.len(), "one finding per example");
}

#[test]
fn valid_examples_default_configuration() {
    let diagnostics = lint_sql(VALID);
    assert!(
        diagnostics.iter().all(|d| d.rule.code != "MZ000"),
        "the valid examples parse"
    );
    assert_expected(&diagnostics);
}

#[test]
fn valid_examples_with_the_region_set() {
    // V09 and V16 use us-east-1 zone IDs and service: still nothing.
    let diagnostics = lint_sql_with(VALID, "[materialize]\nregion = \"aws/us-east-1\"\n");
    assert_expected(&diagnostics);
}

#[test]
fn messages_of_the_intended_findings() {
    let diagnostics = lint_sql(VALID);
    let found = security_findings(&diagnostics);
    let message = |id: &str| {
        found
            .iter()
            .find(|(example, ..)| example == id)
            .map(|(.., d)| d.message.as_str())
            .unwrap()
    };
    assert_eq!(
        message("V01"),
        "CREATE SECRET `pg_pass` embeds a string literal (redacted) in version-controlled SQL"
    );
    assert_eq!(
        message("V02"),
        "CREATE SECRET `materialize.public.kafka_client_key` embeds a string literal (redacted) in version-controlled SQL"
    );
    assert_eq!(
        message("V03"),
        "ALTER SECRET `pg_pass` embeds a string literal (redacted) in version-controlled SQL"
    );
    assert_eq!(
        message("V05"),
        "CREATE SECRET `\"Ops Secret\"` embeds a string literal (redacted) in version-controlled SQL"
    );
    assert_eq!(
        message("V08"),
        "connection `pg_via_ssh` to POSTGRES sets no SSL MODE, so it defaults to 'disable' (plaintext)"
    );
    assert_eq!(
        message("V10"),
        "connection `pg_pl` to POSTGRES sets no SSL MODE, so it defaults to 'disable' (plaintext)"
    );
    assert_eq!(
        message("V13"),
        "SSL MODE 'required' on connection `mysql_iam` encrypts but does not verify the server at public host 'aurora.example.com'; a man-in-the-middle can impersonate it"
    );
    assert_eq!(
        message("V58"),
        "CREATE SECRET `source` embeds a string literal (redacted) in version-controlled SQL"
    );
    // The reasons for info.
    let v08 = found.iter().find(|(id, ..)| id == "V08").unwrap().3;
    assert_eq!(
        v08.related[0].message,
        "reported as info: the connection uses SSH TUNNEL `bastion`"
    );
    let v10 = found.iter().find(|(id, ..)| id == "V10").unwrap().3;
    assert_eq!(
        v10.related[0].message,
        "reported as info: the connection uses AWS PRIVATELINK `pl_svc`"
    );
    // No secret value reaches a message.
    for (.., d) in &found {
        for value in [
            "correct-horse-battery",
            "MIIEvQIBADAN",
            "rotated",
            "c2VjcmV0",
        ] {
            assert!(!d.message.contains(value));
        }
    }
}

/// The example projects under `fixtures/`: the clean one has no security or
/// network finding; the one with mistakes has exactly its committed
/// password, its connection without SSL MODE and its two AZ names.
#[test]
fn fixture_projects() {
    use mzlint_linter::testing::lint_project;

    fn project(name: &str) -> Vec<(String, &'static str, String)> {
        let root = format!("{}/../../fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
        let config = std::fs::read_to_string(format!("{root}/mzlint.toml")).unwrap();
        let mut texts = Vec::new();
        for dir in ["materialize", "upstream"] {
            let mut entries: Vec<_> = std::fs::read_dir(format!("{root}/{dir}"))
                .unwrap()
                .map(|e| e.unwrap().path())
                .collect();
            entries.sort();
            for path in entries {
                let file = path.file_name().unwrap().to_string_lossy().to_string();
                texts.push((
                    format!("{dir}/{file}"),
                    std::fs::read_to_string(&path).unwrap(),
                ));
            }
        }
        let files: Vec<(&str, &str)> = texts
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        lint_project(&files, Some(&config))
            .into_iter()
            .filter(|(_, d)| CODES.contains(&d.rule.code))
            .map(|(path, d)| (path, d.rule.code, d.message.clone()))
            .collect()
    }

    assert_eq!(project("rds-postgres"), vec![]);
    let mistakes = project("rds-postgres-mistakes");
    let summary: Vec<(&str, &str)> = mistakes.iter().map(|(p, c, _)| (p.as_str(), *c)).collect();
    assert_eq!(
        summary,
        vec![
            ("materialize/01_connections.sql", "MZ202"),
            ("materialize/01_connections.sql", "MZ200"),
            ("materialize/01_connections.sql", "MZ300"),
            ("materialize/01_connections.sql", "MZ300"),
        ]
    );
    assert_eq!(
        mistakes[1].2,
        "connection `pg_connection` to POSTGRES sets no SSL MODE, so it defaults to 'disable' (plaintext)"
    );
}

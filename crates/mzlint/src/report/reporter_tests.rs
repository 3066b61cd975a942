//! Reporter tests on hand-made diagnostics: what rules will produce once
//! they land (help, fixes of every applicability, notes, related locations
//! in another file, info severity), over a file whose secret spans lines
//! before the flagged statement.

use mzlint_linter::registry::find;
use mzlint_linter::{Diagnostic, Edit, FileId, Fix, Severity, SourceFile};
use mzlint_syntax::Span;

use super::*;

const CONNECTIONS: &str = "\
CREATE SECRET key AS '-----BEGIN PRIVATE KEY-----
mzlint-canary-9c1e7f
-----END PRIVATE KEY-----';
-- für
CREATE CONNECTION pg_conn TO POSTGRES (HOST 'db.example.com', PASSWORD 'mzlint-canary-9c1e7f');
";

const PUBLICATION: &str = "CREATE PUBLICATION mz_source FOR TABLE public.orders;\n";

fn files() -> Vec<SourceFile> {
    vec![
        SourceFile::new(
            FileId(0),
            "sql/connections.sql".into(),
            CONNECTIONS.into(),
            None,
        ),
        SourceFile::new(
            FileId(1),
            "upstream/publication.sql".into(),
            PUBLICATION.into(),
            Some(true),
        ),
    ]
}

fn span_of(text: &str, needle: &str) -> Span {
    let start = text.find(needle).unwrap() as u32;
    Span::new(start, start + needle.len() as u32)
}

fn diagnostics() -> Vec<Vec<Diagnostic>> {
    let name = span_of(CONNECTIONS, "pg_conn");
    let close = CONNECTIONS.find(");").unwrap() as u32;
    let mut mz200 = Diagnostic::new(
        find("MZ200").unwrap(),
        FileId(0),
        name,
        "connection `pg_conn` to POSTGRES sets no SSL MODE, so it defaults to 'disable' (plaintext)",
    )
    .with_help("add SSL MODE 'verify_full'")
    .with_fix(Fix::unsafe_(
        "Add SSL MODE 'require'",
        vec![Edit::insert(close, ", SSL MODE 'require'")],
    ))
    .with_related(FileId(1), span_of(PUBLICATION, "mz_source"), "publication defined here");
    mz200.severity = Severity::Warning;
    let mut mz105 = Diagnostic::new(
        find("MZ105").unwrap(),
        FileId(0),
        span_of(CONNECTIONS, "PASSWORD 'mzlint-canary-9c1e7f'"),
        "PASSWORD of connection `pg_conn` is a string literal (redacted); it must be SECRET <name>",
    )
    .with_fix(Fix::display_only(
        "Use PASSWORD SECRET <name>",
        vec![Edit::replace(
            span_of(CONNECTIONS, "'mzlint-canary-9c1e7f');"),
            "SECRET pg_pw",
        )],
    ));
    mz105.severity = Severity::Error;
    let mut mz002 = Diagnostic::new(
        find("MZ002").unwrap(),
        FileId(0),
        span_of(CONNECTIONS, "für"),
        "unused suppression: MZ201 (weak-ssl-mode) reported nothing here",
    )
    .with_note("a note without a location")
    .with_fix(Fix::safe(
        "Remove the unused suppression",
        vec![Edit::delete(span_of(CONNECTIONS, "-- für\n"))],
    ));
    mz002.severity = Severity::Info;
    vec![vec![mz002, mz200, mz105], vec![]]
}

fn render(format: OutputFormat, unsafe_fixes: bool) -> String {
    let files = files();
    let diagnostics = diagnostics();
    let rules = vec![
        find("MZ002").unwrap(),
        find("MZ105").unwrap(),
        find("MZ200").unwrap(),
    ];
    let report = Report::new(&files, &[0, 1], &diagnostics, rules, unsafe_fixes);
    let mut out = Vec::new();
    write(format, &report, &mut out, Options::default()).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(
        !text.contains("9c1e7f"),
        "{format:?} leaked the canary:\n{text}"
    );
    text.replace(
        &format!("\"{}\"", env!("CARGO_PKG_VERSION")),
        "\"[VERSION]\"",
    )
}

#[test]
fn full() {
    let text = render(OutputFormat::Full, false);
    // The header keeps the original row (5) though the masked key shrank
    // to one line, and the column counts characters.
    assert!(text.contains("┌─ sql/connections.sql:5:19"), "{text}");
    assert!(text.contains("info[MZ002]"));
    insta::assert_snapshot!(text);
}

#[test]
fn full_with_unsafe_fixes() {
    let text = render(OutputFormat::Full, true);
    assert!(text.contains("(unsafe fix)"));
    assert!(text.ends_with("2 fixable with --fix.\n"), "{text}");
}

#[test]
fn concise() {
    insta::assert_snapshot!(render(OutputFormat::Concise, false));
}

#[test]
fn json() {
    insta::assert_snapshot!(render(OutputFormat::Json, false));
}

#[test]
fn sarif() {
    let text = render(OutputFormat::Sarif, false);
    let mut document: serde_json::Value = serde_json::from_str(&text).unwrap();
    for rule in document["runs"][0]["tool"]["driver"]["rules"]
        .as_array_mut()
        .unwrap()
    {
        rule["help"]["markdown"] = "[rule markdown]".into();
    }
    insta::assert_snapshot!(serde_json::to_string_pretty(&document).unwrap());
}

#[test]
fn github_gitlab_junit() {
    insta::assert_snapshot!("github", render(OutputFormat::Github, false));
    insta::assert_snapshot!("gitlab", render(OutputFormat::Gitlab, false));
    insta::assert_snapshot!("junit", render(OutputFormat::Junit, false));
}

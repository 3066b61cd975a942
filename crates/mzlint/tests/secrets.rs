//! The secrets policy (rules.md §2) through the CLI: a canary in every
//! form of secret-bearing value must appear in no output of any format,
//! nor in `--diff`, `--statistics`, `--fix` or standard-input runs.

mod common;

use common::{fixture_copy, fixtures, run_in, Run, CANARY};

const FORMATS: &[&str] = &[
    "full",
    "concise",
    "json",
    "json-lines",
    "sarif",
    "github",
    "gitlab",
    "junit",
];

/// Canary forms: CREATE SECRET, PASSWORD, SASL PASSWORD, a libpq string,
/// a private key, statements with syntax errors, upstream passwords.
const CANARY_SQL: &str = "\
CREATE SECRET s AS 'mzlint-canary-9c1e7f';
CREATE SECRET s2 AS decode('mzlint-canary-9c1e7f', 'base64');
CREATE CONNECTION pg TO POSTGRES (HOST 'pg.example.com', USER 'mz', PASSWORD 'mzlint-canary-9c1e7f');
CREATE CONNECTION k TO KAFKA (BROKER 'b.example.com:9092', SASL MECHANISMS = 'PLAIN', SASL USERNAME = 'u', SASL PASSWORD = 'mzlint-canary-9c1e7f');
CREATE CONNECTION aws TO AWS (ACCESS KEY ID = 'mzlint-canary-9c1e7f', SECRET ACCESS KEY = 'mzlint-canary-9c1e7f');
CREATE SOURCE legacy FROM POSTGRES CONNECTION 'host=pg.example.com password=mzlint-canary-9c1e7f' PUBLICATION 'p';
CREATE SECRET key AS '-----BEGIN PRIVATE KEY-----
mzlint-canary-9c1e7f
-----END PRIVATE KEY-----';
CREATE CONNECTION broken TO POSTGRES (HOST 'h' PASSWORD 'mzlint-canary-9c1e7f' ,, );
CREATE SECRET broken AS 'mzlint-canary-9c1e7f' 'mzlint-canary-9c1e7f' (;
CREATE SECRET unterminated AS 'mzlint-canary-9c1e7f
";

fn assert_no_canary(run: &Run, what: &str) {
    assert!(
        !run.stdout.contains(CANARY) && !run.stderr.contains(CANARY),
        "{what} leaked the canary:\n{}",
        run.all()
    );
    // Not even a fragment of it.
    assert!(
        !run.all().contains("9c1e7f"),
        "{what} leaked part of the canary"
    );
}

fn canary_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("canary.sql"), CANARY_SQL).unwrap();
    std::fs::write(
        dir.path().join("upstream.sql"),
        "CREATE ROLE mz_repl LOGIN REPLICATION PASSWORD 'mzlint-canary-9c1e7f';\n\
         CREATE USER u IDENTIFIED WITH mysql_native_password BY 'mzlint-canary-9c1e7f';\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("crlf.sql"),
        CANARY_SQL.replace('\n', "\r\n"),
    )
    .unwrap();
    dir
}

/// The rules that handle secret-bearing values do fire on the canary, so
/// the tests below are not vacuous.
#[test]
fn the_canary_is_flagged() {
    let dir = canary_dir();
    let run = run_in(dir.path(), &["--output-format", "json"], None);
    let document: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let codes: Vec<(&str, &str)> = document["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["filename"].as_str().unwrap(), d["code"].as_str().unwrap()))
        .collect();
    for file in ["canary.sql", "crlf.sql"] {
        for code in ["MZ000", "MZ105", "MZ202", "MZ701"] {
            assert!(
                codes.contains(&(file, code)),
                "{file}: no {code}: {codes:?}"
            );
        }
    }
    assert!(codes.contains(&("upstream.sql", "MZ202")), "{codes:?}");
    assert_no_canary(&run, "json");
}

#[test]
fn no_format_prints_the_canary() {
    let dir = canary_dir();
    for format in FORMATS {
        for extra in [&[][..], &["--color", "always"], &["--statistics"]] {
            let mut args = vec!["--output-format", format];
            args.extend_from_slice(extra);
            let run = run_in(dir.path(), &args, None);
            assert_ne!(run.code, 2, "{format}: {}", run.stderr);
            assert_no_canary(&run, &format!("{format} {extra:?}"));
        }
    }
}

#[test]
fn the_shared_fixtures_leak_nothing() {
    for format in FORMATS {
        let run = run_in(&fixtures(), &["--output-format", format], None);
        assert!(!run.stdout.is_empty());
        assert_no_canary(&run, format);
    }
}

#[test]
fn full_frames_show_the_mask() {
    let dir = canary_dir();
    let run = run_in(dir.path(), &["canary.sql"], None);
    assert!(run.stdout.contains("'********'"), "{}", run.stdout);
}

#[test]
fn diff_fix_and_stdin_leak_nothing() {
    let dir = canary_dir();
    for args in [
        &["--diff"][..],
        &["--diff", "--unsafe-fixes"],
        &["--statistics", "--output-format", "json"],
    ] {
        let run = run_in(dir.path(), args, None);
        assert_no_canary(&run, &format!("{args:?}"));
    }
    // The unsafe diff edits a statement holding a canary (MZ200 adds SSL
    // MODE next to a literal PASSWORD): both sides show the mask.
    let run = run_in(dir.path(), &["--diff", "--unsafe-fixes"], None);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(
        run.stdout.contains(
            "-CREATE CONNECTION pg TO POSTGRES (HOST 'pg.example.com', USER 'mz', PASSWORD '********');"
        ),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains(
        "+CREATE CONNECTION pg TO POSTGRES (HOST 'pg.example.com', USER 'mz', PASSWORD '********', SSL MODE 'require');"
    ));
    // `--fix` writes files (its report must not leak); use a copy.
    let copy = fixture_copy();
    std::fs::write(copy.path().join("canary.sql"), CANARY_SQL).unwrap();
    let run = run_in(copy.path(), &["--fix", "--unsafe-fixes"], None);
    assert_no_canary(&run, "--fix");
    assert!(run.stdout.contains("Fixed "), "{}", run.stdout);
    // The fix kept the canary's statement as it was, SSL MODE added.
    assert!(std::fs::read_to_string(copy.path().join("canary.sql"))
        .unwrap()
        .contains("PASSWORD 'mzlint-canary-9c1e7f', SSL MODE 'require');"));
    for args in [
        &["--fix", "--unsafe-fixes", "--statistics"][..],
        &["--fix", "--output-format", "sarif"],
    ] {
        let run = run_in(copy.path(), args, None);
        assert_no_canary(&run, &format!("{args:?}"));
    }
    for format in FORMATS {
        let run = run_in(
            dir.path(),
            &["--output-format", format, "--stdin-filename", "s.sql", "-"],
            Some(CANARY_SQL.as_bytes()),
        );
        assert_no_canary(&run, &format!("stdin {format}"));
        // `--fix` on stdin echoes the text (canary included) on stdout, by
        // design; the report on stderr must not leak.
        let run = run_in(
            dir.path(),
            &["--fix", "--output-format", format, "-"],
            Some(CANARY_SQL.as_bytes()),
        );
        assert_eq!(run.stdout, CANARY_SQL);
        assert!(!run.stderr.contains("9c1e7f"), "stdin --fix {format}");
    }
}

#[test]
fn invalid_utf8_files_leak_nothing() {
    // A non-UTF-8 file is MZ001; its valid prefix is shown, masked.
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"CREATE SECRET s AS 'mzlint-canary-9c1e7f'; -- f".to_vec();
    bytes.extend_from_slice(b"\xfcr\n");
    std::fs::write(dir.path().join("latin1.sql"), &bytes).unwrap();
    for format in FORMATS {
        let run = run_in(dir.path(), &["--output-format", format], None);
        assert_no_canary(&run, &format!("latin1 {format}"));
        let stdin = run_in(dir.path(), &["--output-format", format, "-"], Some(&bytes));
        assert_no_canary(&stdin, &format!("latin1 stdin {format}"));
    }
}

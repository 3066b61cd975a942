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
    // `--fix` writes files (its report must not leak); use a copy.
    let copy = fixture_copy();
    std::fs::write(copy.path().join("canary.sql"), CANARY_SQL).unwrap();
    let run = run_in(copy.path(), &["--fix", "--unsafe-fixes"], None);
    assert_no_canary(&run, "--fix");
    for format in FORMATS {
        let run = run_in(
            dir.path(),
            &["--output-format", format, "--stdin-filename", "s.sql", "-"],
            Some(CANARY_SQL.as_bytes()),
        );
        assert_no_canary(&run, &format!("stdin {format}"));
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

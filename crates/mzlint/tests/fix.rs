//! `--fix` and `--diff` end to end (interfaces.md §5): what is applied,
//! how files are written, and what is never touched.

mod common;

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;

use common::{fixture_copy, fixtures, mzlint, run_in};
use insta::assert_snapshot;

/// MZ301 (duplicate AZ) and MZ704 (USERNAME, 'verify-full'): safe fixes,
/// in a CRLF file.
const SAFE: &str = "\
CREATE SECRET pg_pw AS '${PG_PASSWORD}';\r
CREATE CONNECTION pl TO AWS PRIVATELINK (\r
    SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890',\r
    AVAILABILITY ZONES ('use1-az1', 'use1-az1', 'use1-az2')\r
);\r
CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USERNAME 'mz', PASSWORD SECRET pg_pw, SSL MODE 'verify-full');\r
";

const SAFE_FIXED: &str = "\
CREATE SECRET pg_pw AS '${PG_PASSWORD}';\r
CREATE CONNECTION pl TO AWS PRIVATELINK (\r
    SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890',\r
    AVAILABILITY ZONES ('use1-az1', 'use1-az2')\r
);\r
CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'verify_full');\r
";

/// MZ200: only an unsafe fix (adds SSL MODE 'require').
const UNSAFE: &str = "\
CREATE SECRET pg_pw AS '${PG_PASSWORD}';
CREATE CONNECTION pg TO POSTGRES (
    HOST 'orders.c1x2y3z4w5v6.eu-west-1.rds.amazonaws.com',
    DATABASE 'shop',
    USER 'mz',
    PASSWORD SECRET pg_pw
);
";

/// A file none of whose findings has a fix.
const UNFIXABLE: &str = "CREATE CLUSTER c (SIZE = 'xsmall');\n";

fn write(dir: &Path, name: &str, text: &str, mode: u32) {
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(mode)).unwrap();
}

fn read(dir: &Path, name: &str) -> String {
    fs::read_to_string(dir.join(name)).unwrap()
}

fn inode(dir: &Path, name: &str) -> u64 {
    fs::metadata(dir.join(name)).unwrap().ino()
}

fn mode(dir: &Path, name: &str) -> u32 {
    fs::metadata(dir.join(name)).unwrap().permissions().mode() & 0o777
}

/// No temporary file of an atomic write is left behind.
fn assert_no_leftovers(dir: &Path) {
    let leftovers: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".mzlint-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn fix_applies_safe_fixes_atomically_keeping_crlf_and_permissions() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "safe.sql", SAFE, 0o640);
    write(dir.path(), "unfixable.sql", UNFIXABLE, 0o600);
    let (safe_inode, unfixable_inode) = (
        inode(dir.path(), "safe.sql"),
        inode(dir.path(), "unfixable.sql"),
    );

    let run = run_in(dir.path(), &["--fix", "--output-format", "concise"], None);
    assert_snapshot!("fix_safe", run.snapshot());

    assert_eq!(read(dir.path(), "safe.sql"), SAFE_FIXED);
    let bytes = fs::read(dir.path().join("safe.sql")).unwrap();
    let bare_lf = bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\n' && (i == 0 || bytes[i - 1] != b'\r'))
        .count();
    assert_eq!(bare_lf, 0, "line endings stay CRLF");
    assert_eq!(mode(dir.path(), "safe.sql"), 0o640, "permissions kept");
    // Written by rename: a new file took the old one's place.
    assert_ne!(inode(dir.path(), "safe.sql"), safe_inode);
    // A file without an applicable fix is not rewritten at all.
    assert_eq!(read(dir.path(), "unfixable.sql"), UNFIXABLE);
    assert_eq!(inode(dir.path(), "unfixable.sql"), unfixable_inode);
    assert_eq!(mode(dir.path(), "unfixable.sql"), 0o600);
    assert_no_leftovers(dir.path());

    // A second run has nothing left to fix and writes nothing.
    let fixed_inode = inode(dir.path(), "safe.sql");
    let again = run_in(dir.path(), &["--fix", "-q", "safe.sql"], None);
    assert_eq!((again.code, again.stdout.as_str()), (0, ""));
    assert_eq!(inode(dir.path(), "safe.sql"), fixed_inode);
}

#[test]
fn fix_keeps_a_byte_order_mark_and_writes_through_a_symlink() {
    let dir = tempfile::tempdir().unwrap();
    let with_bom = format!("\u{feff}{}", SAFE.replace('\r', ""));
    write(dir.path(), "bom.sql", &with_bom, 0o644);
    std::os::unix::fs::symlink("bom.sql", dir.path().join("link.sql")).unwrap();
    let run = run_in(dir.path(), &["--fix", "-q", "link.sql"], None);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{}", run.stdout);
    assert!(fs::symlink_metadata(dir.path().join("link.sql"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(
        read(dir.path(), "bom.sql"),
        format!("\u{feff}{}", SAFE_FIXED.replace('\r', ""))
    );
    assert_no_leftovers(dir.path());
}

#[test]
fn unsafe_fixes_need_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "pg.sql", UNSAFE, 0o644);

    // Without --unsafe-fixes: nothing is written, the fix is announced.
    let run = run_in(dir.path(), &["--fix", "--output-format", "concise"], None);
    assert_eq!(run.code, 1);
    assert_eq!(read(dir.path(), "pg.sql"), UNSAFE);
    assert!(
        run.stdout
            .ends_with("; 1 fixable with --fix --unsafe-fixes.\n"),
        "{}",
        run.stdout
    );

    // With it: SSL MODE 'require' is added, and what remains is reported
    // (MZ201 asks for a verifying mode on a public host).
    let run = run_in(
        dir.path(),
        &["--fix", "--unsafe-fixes", "--output-format", "concise"],
        None,
    );
    assert_snapshot!("fix_unsafe", run.snapshot());
    assert_eq!(
        read(dir.path(), "pg.sql"),
        UNSAFE.replace(
            "PASSWORD SECRET pg_pw\n",
            "PASSWORD SECRET pg_pw, SSL MODE 'require'\n"
        )
    );
}

#[test]
fn diff_prints_a_unified_diff_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "safe.sql", &SAFE.replace('\r', ""), 0o644);
    write(dir.path(), "pg.sql", UNSAFE, 0o644);
    let before = (inode(dir.path(), "safe.sql"), inode(dir.path(), "pg.sql"));

    let run = run_in(dir.path(), &["--diff"], None);
    assert_snapshot!("diff_safe", run.snapshot());
    let run = run_in(dir.path(), &["--diff", "--unsafe-fixes"], None);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("--- pg.sql\n+++ pg.sql\n"),
        "{}",
        run.stdout
    );
    assert!(run
        .stdout
        .contains("+    PASSWORD SECRET pg_pw, SSL MODE 'require'\n"));
    assert_eq!(run.stderr, "Would fix 4 problems in 2 files.\n");

    // Nothing was written.
    assert_eq!(read(dir.path(), "safe.sql"), SAFE.replace('\r', ""));
    assert_eq!(read(dir.path(), "pg.sql"), UNSAFE);
    assert_eq!(
        before,
        (inode(dir.path(), "safe.sql"), inode(dir.path(), "pg.sql"))
    );
    assert_no_leftovers(dir.path());

    // Exit 0 when there is no diff, or with --exit-zero.
    assert_eq!(run_in(dir.path(), &["--diff", "pg.sql"], None).code, 0);
    let exit_zero = run_in(dir.path(), &["--diff", "--exit-zero"], None);
    assert_eq!(exit_zero.code, 0);
    assert!(!exit_zero.stdout.is_empty());
    // -o writes the diff there.
    let out = dir.path().join("fixes.diff");
    let to_file = run_in(dir.path(), &["--diff", "-o", out.to_str().unwrap()], None);
    assert_eq!((to_file.code, to_file.stdout.as_str()), (1, ""));
    assert!(fs::read_to_string(&out)
        .unwrap()
        .starts_with("--- safe.sql\n"));
}

#[test]
fn diff_on_the_shared_fixtures() {
    let run = mzlint(&["--diff"]);
    assert_snapshot!("diff_none", run.snapshot());
    let run = mzlint(&["--diff", "--unsafe-fixes"]);
    assert_snapshot!("diff_unsafe", run.snapshot());
}

#[test]
fn a_statement_with_a_syntax_error_is_never_edited() {
    // The broken statement would have MZ704 and MZ301 fixes if it parsed;
    // its neighbours, one on the same line, are fixed.
    let broken = "CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890', AVAILABILITY ZONES ('use1-az1', 'use1-az1') ,, );";
    let text = format!(
        "CREATE CONNECTION a TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USERNAME 'mz', PASSWORD SECRET pw, SSL MODE 'verify_full');\n\
         {broken} CREATE CONNECTION b TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pw, SSL MODE 'verify-full');\n\
         CREATE CONNECTION c TO POSTGRES (HOST 'pg.internal' DATABASE 'shop', USERNAME 'mz', SSL MODE 'verify-full');\n"
    );
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "broken.sql", &text, 0o644);
    let run = run_in(
        dir.path(),
        &["--fix", "--unsafe-fixes", "--output-format", "concise"],
        None,
    );
    assert_snapshot!("fix_syntax_error", run.snapshot());
    let fixed = read(dir.path(), "broken.sql");
    let lines: Vec<&str> = fixed.lines().collect();
    assert!(lines[0].contains("USER 'mz'"), "{fixed}");
    assert!(lines[1].starts_with(broken), "{fixed}");
    assert!(lines[1].ends_with("SSL MODE 'verify_full');"), "{fixed}");
    // The third statement has a syntax error too: untouched.
    assert_eq!(lines[2], text.lines().nth(2).unwrap());
}

#[test]
fn fix_uses_project_extras_without_writing_them() {
    // `files.project` brings in the secret's definition: MZ500's
    // did-you-mean fix needs it, and the extra file, though it has a fix
    // of its own, is not checked and so not written.
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("defs")).unwrap();
    write(
        dir.path(),
        "mzlint.toml",
        "[files]\nproject = [\"defs/*.sql\"]\n",
        0o644,
    );
    let defs = "CREATE SECRET pg_pw AS '${PG_PASSWORD}';\n\
                CREATE CONNECTION other TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USERNAME 'mz', PASSWORD SECRET pg_pw, SSL MODE 'verify_full');\n";
    write(dir.path(), "defs/secrets.sql", defs, 0o644);
    let app = "CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pww, SSL MODE 'verify_full');\n";
    write(dir.path(), "app.sql", app, 0o644);
    let run = run_in(
        dir.path(),
        &[
            "--fix",
            "--unsafe-fixes",
            "--output-format",
            "concise",
            "app.sql",
        ],
        None,
    );
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (
            0,
            "Fixed 1 problem in 1 file.\nAll checks passed (1 file).\n"
        )
    );
    assert_eq!(read(dir.path(), "app.sql"), app.replace("pg_pww", "pg_pw"));
    assert_eq!(read(dir.path(), "defs/secrets.sql"), defs);
}

#[test]
fn fix_on_stdin_prints_the_fixed_text() {
    let run = run_in(
        &fixtures(),
        &["--fix", "--stdin-filename", "s.sql", "-"],
        Some(SAFE.as_bytes()),
    );
    assert_eq!(run.stdout, SAFE_FIXED);
    assert_eq!(
        run.stderr,
        "Fixed 3 problems in 1 file.\nAll checks passed (1 file).\n"
    );
    assert_eq!(run.code, 0);
    // Nothing to fix: the input comes back byte for byte, BOM included.
    let input = "\u{feff}SELECT 1;\n";
    let run = run_in(&fixtures(), &["--fix", "-"], Some(input.as_bytes()));
    assert_eq!(run.stdout, input);
    assert_eq!(run.stderr, "All checks passed (1 file).\n");
    // A fixed text keeps its BOM.
    let input = format!("\u{feff}{}", SAFE);
    let run = run_in(&fixtures(), &["--fix", "-q", "-"], Some(input.as_bytes()));
    assert_eq!(run.stdout, format!("\u{feff}{SAFE_FIXED}"));
}

#[test]
fn fix_on_the_shared_fixtures() {
    // Safe mode: the fixtures have only unsafe fixes; nothing is written.
    let dir = fixture_copy();
    let before = fs::read(dir.path().join("connections.sql")).unwrap();
    let run = run_in(dir.path(), &["--fix", "--output-format", "concise"], None);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, mzlint(&["--output-format", "concise"]).stdout);
    assert_eq!(
        fs::read(dir.path().join("connections.sql")).unwrap(),
        before
    );
    // Unsafe mode: MZ200's fixes are applied; the rest is reported.
    let run = run_in(
        dir.path(),
        &["--fix", "--unsafe-fixes", "--output-format", "concise"],
        None,
    );
    assert_snapshot!("fix_fixtures_unsafe", run.snapshot());
    assert!(read(dir.path(), "crlf.sql").contains("SSL MODE 'require');\r\n"));
    assert_no_leftovers(dir.path());
}

use super::*;
use crate::secrets::Redaction;
use std::fs;

fn load(path: &Path) -> SourceFile {
    load_file(FileId(0), path, None)
}

fn error_of(file: &SourceFile) -> (&str, Span) {
    let error = file.load_error.as_ref().expect("an MZ001");
    (&error.message, error.span)
}

/// The MZ001 diagnostic the driver makes of a file.
fn lint_one(file: &SourceFile) -> Vec<crate::Diagnostic> {
    let settings = Settings::default();
    crate::lint::lint_files(std::slice::from_ref(file), &[&settings])
        .pop()
        .unwrap()
}

#[test]
fn a_valid_file_loads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ok.sql");
    fs::write(&path, "-- für\nSELECT 1;\n").unwrap();
    let file = load(&path);
    assert!(file.load_error.is_none());
    assert!(!file.has_bom);
    assert_eq!(file.text, "-- für\nSELECT 1;\n");
    assert_eq!(file.path, path);
    assert!(lint_one(&file).is_empty());
}

#[test]
fn invalid_utf8_names_the_byte_and_its_offset() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.sql");
    fs::write(&path, b"-- Verbindung f\xFCr das Lager\nSELECT 1;\n").unwrap();
    let file = load(&path);
    let (message, span) = error_of(&file);
    assert_eq!(
        message,
        "file is not valid UTF-8: invalid byte 0xFC at byte offset 15; re-save it as UTF-8"
    );
    assert_eq!(span.start, 15);
    assert_eq!(file.row_col(span.start), (1, 16));
    // The text is the lossy decoding: the rest of the file is shown as is.
    assert!(file
        .text
        .starts_with("-- Verbindung f\u{FFFD}r das Lager\n"));
    let diagnostics = lint_one(&file);
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0].rule.code, "MZ001");
    assert_eq!(diagnostics[0].span, span);
}

#[test]
fn invalid_utf8_column_counts_characters_on_its_line() {
    let file = load_bytes(
        FileId(0),
        "x.sql".into(),
        "-- é\n-- ü😀 ".bytes().chain([0xC3, 0x28]).collect(),
        None,
    );
    let (message, span) = error_of(&file);
    let offset = "-- é\n-- ü😀 ".len();
    assert_eq!(
        message,
        format!(
            "file is not valid UTF-8: invalid byte 0xC3 at byte offset {offset}; re-save it as UTF-8"
        )
    );
    assert_eq!(file.row_col(span.start), (2, 7)); // `-- ü😀 ` is 6 characters
}

#[test]
fn a_bom_is_accepted_and_stripped() {
    let file = load_bytes(
        FileId(0),
        "bom.sql".into(),
        b"\xEF\xBB\xBFSELECT 1;\n".to_vec(),
        None,
    );
    assert!(file.load_error.is_none());
    assert!(file.has_bom);
    assert_eq!(file.text, "SELECT 1;\n");
    assert_eq!(file.row_col(0), (1, 1));

    // Offsets in MZ001 messages are the file's, BOM included; spans the text's.
    let file = load_bytes(
        FileId(0),
        "bom.sql".into(),
        b"\xEF\xBB\xBF-- \xFF".to_vec(),
        None,
    );
    let (message, span) = error_of(&file);
    assert_eq!(
        message,
        "file is not valid UTF-8: invalid byte 0xFF at byte offset 6; re-save it as UTF-8"
    );
    assert_eq!(span.start, 3);
    assert_eq!(file.row_col(span.start), (1, 4));

    let file = load_text(
        FileId(0),
        "buf.sql".into(),
        "\u{FEFF}SELECT 1;".into(),
        None,
    );
    assert!(file.has_bom);
    assert_eq!(file.text, "SELECT 1;");
}

#[test]
fn utf16_is_not_utf8() {
    let file = load_bytes(
        FileId(0),
        "u16.sql".into(),
        b"\xFF\xFES\x00E\x00".to_vec(),
        None,
    );
    let (message, span) = error_of(&file);
    assert_eq!(
        message,
        "file is not valid UTF-8: invalid byte 0xFF at byte offset 0; re-save it as UTF-8"
    );
    assert_eq!(span.start, 0);
}

#[test]
fn binary_files() {
    let file = load_bytes(
        FileId(0),
        "b.sql".into(),
        b"\x7FELF\x02\x01\x01\x00\x00".to_vec(),
        None,
    );
    let (message, span) = error_of(&file);
    assert_eq!(
        message,
        "file looks binary (NUL byte at byte offset 7); not linted"
    );
    assert_eq!(span, Span::empty(0));
    assert_eq!(file.text, "");

    let file = load_text(FileId(0), "b.sql".into(), "SELECT\0".into(), None);
    assert_eq!(
        error_of(&file).0,
        "file looks binary (NUL byte at byte offset 6); not linted"
    );
}

#[test]
fn unreadable_paths() {
    let dir = tempfile::tempdir().unwrap();
    let missing = load(&dir.path().join("missing.sql"));
    assert_eq!(
        error_of(&missing),
        ("cannot read file: not found", Span::empty(0))
    );
    assert_eq!(missing.path, dir.path().join("missing.sql"));

    let directory = load(dir.path());
    assert_eq!(error_of(&directory).0, "cannot read file: is a directory");
    let diagnostics = lint_one(&directory);
    assert_eq!(diagnostics[0].message, "cannot read file: is a directory");
    assert_eq!(diagnostics[0].span, Span::empty(0));
}

#[cfg(unix)]
#[test]
fn permission_denied() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("secret.sql");
    fs::write(&path, "SELECT 1;").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&path).is_ok() {
        return; // running as root: permissions are not enforced
    }
    let file = load(&path);
    assert_eq!(error_of(&file).0, "cannot read file: permission denied");
}

#[test]
fn files_over_the_limit_are_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.sql");
    let f = fs::File::create(&path).unwrap();
    f.set_len(11 * 1024 * 1024).unwrap(); // sparse
    drop(f);
    let file = load(&path);
    assert_eq!(
        error_of(&file),
        (
            "file is 11.0 MiB, over the 10 MiB limit; not linted",
            Span::empty(0)
        )
    );
    assert_eq!(file.text, "");

    let f = fs::File::create(&path).unwrap();
    f.set_len(14_889_779).unwrap();
    drop(f);
    assert_eq!(
        error_of(&load(&path)).0,
        "file is 14.2 MiB, over the 10 MiB limit; not linted"
    );

    // Exactly at the limit is fine (and zeros are binary, not too large).
    let f = fs::File::create(&path).unwrap();
    f.set_len(MAX_FILE_SIZE).unwrap();
    drop(f);
    assert!(error_of(&load(&path)).0.starts_with("file looks binary"));

    let big = vec![b' '; MAX_FILE_SIZE as usize + 1];
    let file = load_bytes(FileId(0), "stdin".into(), big, None);
    assert_eq!(
        error_of(&file).0,
        "file is 10.0 MiB, over the 10 MiB limit; not linted"
    );
}

#[test]
fn comments_cannot_suppress_mz001() {
    let file = load_bytes(
        FileId(0),
        "x.sql".into(),
        b"-- mzlint: file-ignore[MZ001]\n-- \xFC\n".to_vec(),
        None,
    );
    let diagnostics = lint_one(&file);
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0].rule.code, "MZ001");
    assert_eq!(file.row_col(diagnostics[0].span.start), (2, 4));
}

#[test]
fn unreadable_text_is_still_redacted() {
    let file = load_bytes(
        FileId(0),
        "x.sql".into(),
        b"CREATE SECRET s AS 'mzlint-canary-9c1e7f';\n-- \xFC\n".to_vec(),
        None,
    );
    assert!(file.load_error.is_some());
    let redacted = Redaction::of(&file).redact_text(&file.text);
    assert!(!redacted.text.contains("mzlint-canary-9c1e7f"));
    assert!(redacted.text.contains("'********'"));
}

#[test]
fn upstream_globs() {
    let settings = crate::config::settings_from_str(
        "[files]\nupstream = [\"upstream/**/*.sql\"]\n",
        Path::new("/p/mzlint.toml"),
    )
    .unwrap();
    assert_eq!(
        upstream_for(&settings, Path::new("/p/upstream/pg/a.sql")),
        Some(true)
    );
    assert_eq!(
        upstream_for(&settings, Path::new("/p/sql/a.sql")),
        Some(false)
    );
    assert_eq!(
        upstream_for(&Settings::default(), Path::new("/p/upstream/a.sql")),
        None
    );
}

#[test]
fn io_errors_in_plain_words() {
    use std::io::{Error, ErrorKind};
    let describe = |kind| describe_io_error(&Error::from(kind));
    assert_eq!(describe(ErrorKind::PermissionDenied), "permission denied");
    assert_eq!(describe(ErrorKind::NotFound), "not found");
    assert_eq!(describe(ErrorKind::IsADirectory), "is a directory");
    assert_eq!(describe(ErrorKind::Other), "I/O error");
    // No OS error codes.
    let os = Error::from_raw_os_error(13);
    assert_eq!(describe_io_error(&os), "permission denied");
    assert!(!describe_io_error(&Error::from_raw_os_error(5)).contains("os error"));
}

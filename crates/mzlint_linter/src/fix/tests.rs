use super::*;
use crate::registry::engine;
use crate::testing::{test_file, test_settings};

fn with_fix(file: FileId, fix: Fix) -> Diagnostic {
    let rule = crate::registry::find("MZ704").unwrap();
    Diagnostic::new(rule, file, Span::empty(0), "finding").with_fix(fix)
}

fn edit(start: u32, end: u32, content: &str) -> Edit {
    Edit::replace(Span::new(start, end), content)
}

fn safe(edits: Vec<Edit>) -> Diagnostic {
    with_fix(FileId(0), Fix::safe("fix", edits))
}

#[test]
fn overlapping_fixes_are_skipped_in_diagnostic_order() {
    let text = "abcdef";
    let diagnostics = vec![
        safe(vec![edit(1, 3, "X")]),
        safe(vec![edit(2, 4, "Y")]), // overlaps the first
        safe(vec![edit(4, 4, "Z")]),
        safe(vec![edit(4, 4, "W")]), // same insertion point
        safe(vec![edit(4, 5, "")]),  // touches the insertion: fine
        safe(vec![edit(5, 5, "1"), edit(2, 2, "2")]), // inside the first fix's range
        safe(vec![edit(6, 6, "!")]),
    ];
    let (fixed, count) = apply_fixes(text, &diagnostics, FixMode::Safe);
    assert_eq!(fixed, "aXdZf!");
    assert_eq!(count, 4);
}

#[test]
fn applicability_and_mode() {
    let text = "abc";
    let diagnostics = vec![
        with_fix(FileId(0), Fix::unsafe_("u", vec![edit(0, 1, "U")])),
        with_fix(FileId(0), Fix::display_only("d", vec![edit(1, 2, "D")])),
        with_fix(FileId(0), Fix::safe("s", vec![edit(2, 3, "S")])),
    ];
    assert_eq!(
        apply_fixes(text, &diagnostics, FixMode::Safe),
        ("abS".to_string(), 1)
    );
    assert_eq!(
        apply_fixes(text, &diagnostics, FixMode::Unsafe),
        ("UbS".to_string(), 2)
    );
}

#[test]
fn invalid_edits_are_ignored() {
    let text = "aé";
    let diagnostics = vec![
        safe(vec![edit(2, 2, "x")]), // inside `é`
        safe(vec![edit(3, 9, "x")]), // past the end
        safe(vec![edit(0, 1, "b")]),
    ];
    assert_eq!(
        apply_fixes(text, &diagnostics, FixMode::Safe),
        ("bé".to_string(), 1)
    );
}

#[test]
fn crlf_files_stay_crlf() {
    let text = "SELECT 1;\r\nSELECT 2;\r\n";
    let diagnostics = vec![safe(vec![edit(11, 11, "-- a\n-- b\r\n")])];
    let (fixed, _) = apply_fixes(text, &diagnostics, FixMode::Safe);
    assert_eq!(fixed, "SELECT 1;\r\n-- a\r\n-- b\r\nSELECT 2;\r\n");
    // LF files keep LF.
    let text = "SELECT 1;\nSELECT 2;\n";
    let diagnostics = vec![safe(vec![edit(10, 10, "-- a\n")])];
    assert_eq!(
        apply_fixes(text, &diagnostics, FixMode::Safe).0,
        "SELECT 1;\n-- a\nSELECT 2;\n"
    );
    assert!(uses_crlf("a\r\nb\n"));
    assert!(!uses_crlf("a\nb\r\n"));
}

#[test]
fn never_inside_a_statement_that_did_not_parse() {
    let sql = "SELECT 1;\nCREATE CONNECTION pg TO POSTGRES HOST 'x';\nSELECT 2;\n";
    let file = test_file(sql, &Settings::default());
    assert!(
        !file.parsed.errors.is_empty(),
        "needs a statement with MZ000"
    );
    let bad = sql.find("HOST").unwrap() as u32;
    let second = sql.rfind("2").unwrap() as u32;
    let diagnostics = vec![
        safe(vec![edit(bad, bad + 4, "(HOST")]),
        safe(vec![edit(7, 8, "3")]),
        safe(vec![edit(second, second + 1, "4")]),
        with_fix(
            FileId(1),
            Fix::safe("other file", vec![edit(0, 6, "select")]),
        ),
    ];
    let (fixed, count) = apply_fixes_in(&file, &diagnostics, FixMode::Safe);
    assert_eq!(count, 2);
    assert_eq!(
        fixed,
        "SELECT 3;\nCREATE CONNECTION pg TO POSTGRES HOST 'x';\nSELECT 4;\n"
    );
    let (edits, count) = fix_edits(&file, &diagnostics, FixMode::Safe);
    assert_eq!(count, 2);
    assert_eq!(edits, vec![edit(7, 8, "3"), edit(second, second + 1, "4")]);
}

#[test]
fn the_loop_repeats_until_nothing_changes() {
    let file = test_file("SELECT 1; -- xxx\n", &Settings::default());
    // A made-up rule: one fix per round deleting the first `x`.
    let relint = |f: &SourceFile| -> Vec<Diagnostic> {
        match f.text.find('x') {
            Some(at) => vec![safe(vec![edit(at as u32, at as u32 + 1, "")])],
            None => Vec::new(),
        }
    };
    let initial = relint(&file);
    let outcome = fix_file_with(&file, initial, FixMode::Safe, relint);
    assert_eq!(outcome.text, "SELECT 1; -- \n");
    assert_eq!(outcome.fixes_applied, 3);
    assert_eq!(outcome.rounds, 3);
    assert!(outcome.diagnostics.is_empty());
    assert!(outcome.changed());
    assert_eq!(outcome.file.as_ref().unwrap().text, outcome.text);
}

#[test]
fn the_loop_stops_after_ten_rounds() {
    let file = test_file("SELECT 1;\n", &Settings::default());
    let relint = |_: &SourceFile| vec![safe(vec![edit(0, 0, "-- y\n")])];
    let outcome = fix_file_with(&file, relint(&file), FixMode::Safe, relint);
    assert_eq!(outcome.rounds, MAX_ROUNDS);
    assert_eq!(outcome.fixes_applied, MAX_ROUNDS);
    assert_eq!(outcome.text.matches("-- y").count(), MAX_ROUNDS);
}

#[test]
fn the_loop_stops_on_a_cycle() {
    let file = test_file("SELECT 1;\n", &Settings::default());
    let relint = |f: &SourceFile| {
        let replacement = if f.text.contains('1') { "2" } else { "1" };
        vec![safe(vec![edit(7, 8, replacement)])]
    };
    let outcome = fix_file_with(&file, relint(&file), FixMode::Safe, relint);
    assert_eq!(outcome.text, "SELECT 2;\n");
    assert_eq!(outcome.rounds, 1);
}

#[test]
fn never_leaves_a_file_that_parses_worse() {
    let sql = "SELECT 1;\nSELECT 2;\n";
    let file = test_file(sql, &Settings::default());
    assert!(file.parsed.errors.is_empty());
    let breaking = safe(vec![edit(
        0,
        9,
        "CREATE CONNECTION pg TO POSTGRES HOST 'x';",
    )]);
    let fine = safe(vec![edit(17, 18, "3")]);
    let outcome = fix_file_with(&file, vec![breaking, fine], FixMode::Safe, |_| Vec::new());
    assert_eq!(outcome.text, "SELECT 1;\nSELECT 3;\n");
    assert_eq!(outcome.fixes_applied, 1);

    let only_breaking = safe(vec![edit(
        0,
        9,
        "CREATE CONNECTION pg TO POSTGRES HOST 'x';",
    )]);
    let outcome = fix_file_with(&file, vec![only_breaking], FixMode::Safe, |_| Vec::new());
    assert_eq!(outcome.text, sql);
    assert_eq!(outcome.fixes_applied, 0);
    assert!(!outcome.changed());
}

#[test]
fn fix_file_relints_the_file_alone() {
    let settings = test_settings(None);
    let sql = "-- mzlint: ignore[MZ201]\nSELECT 1; -- mzlint: ignore[MZ200, MZ600]\n";
    let mut file = test_file(sql, &settings);
    file.id = FileId(3); // its place in a larger run
    let diagnostics = lint_alone(&file, &settings);
    assert_eq!(diagnostics.len(), 3);
    assert!(diagnostics.iter().all(|d| d.file == FileId(3)));
    assert!(diagnostics
        .iter()
        .all(|d| d.rule.code == engine::UNUSED_SUPPRESSION.code));
    let outcome = fix_file(&file, &settings, diagnostics, FixMode::Safe);
    assert_eq!(outcome.text, "SELECT 1;\n");
    assert_eq!(outcome.fixes_applied, 2);
    assert!(outcome.diagnostics.is_empty());
    assert_eq!(outcome.file.as_ref().unwrap().id, FileId(3));
}

#[test]
fn diff_output() {
    let old = "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n";
    let new = "one\ntwo\nthree\nfour\nFIVE\nsix\nseven\neight\nnine\nten\neleven\n";
    insta::assert_snapshot!(unified_diff("sql/a.sql", old, new), @r"
    --- sql/a.sql
    +++ sql/a.sql
    @@ -2,9 +2,10 @@
     two
     three
     four
    -five
    +FIVE
     six
     seven
     eight
     nine
     ten
    +eleven
    ");
    assert_eq!(unified_diff("a.sql", old, old), "");
}

#[test]
fn diff_output_masks_secrets() {
    let old = "CREATE SECRET s AS 'mzlint-canary-9c1e7f';\nCREATE CONNECTION k TO KAFKA (BROKER 'b:9092', SASL PASSWORD 'mzlint-canary-9c1e7f', SSL MODE 'x');\nSELECT 1;\n";
    let new = "CREATE SECRET s AS 'mzlint-canary-9c1e7f';\nSELECT 1;\n";
    let diff = redacted_diff("a.sql", old, new);
    assert!(!diff.contains("mzlint-canary"), "{diff}");
    insta::assert_snapshot!(diff, @r"
    --- a.sql
    +++ a.sql
    @@ -1,3 +1,2 @@
     CREATE SECRET s AS '********';
    -CREATE CONNECTION k TO KAFKA (BROKER 'b:9092', SASL PASSWORD '********', SSL MODE 'x');
     SELECT 1;
    ");
}

#[cfg(unix)]
#[test]
fn atomic_write_keeps_permissions_and_leaves_no_temporary_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.sql");
    std::fs::write(&path, "old").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    write_atomic(&path, b"new contents").unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "new contents");
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("a.sql")]);

    // A read-only file stays read-only.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    write_atomic(&path, b"again").unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "again");
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o444
    );

    // A symbolic link is kept; its target is replaced.
    let link = dir.path().join("link.sql");
    std::os::unix::fs::symlink(&path, &link).unwrap();
    write_atomic(&link, b"through the link").unwrap();
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "through the link");
}

#[test]
fn atomic_write_failure_leaves_the_original_untouched() {
    let dir = tempfile::tempdir().unwrap();
    // The target is a directory: the rename fails.
    let target = dir.path().join("dir.sql");
    std::fs::create_dir(&target).unwrap();
    std::fs::write(target.join("inside"), "x").unwrap();
    assert!(write_atomic(&target, b"contents").is_err());
    assert!(target.is_dir());
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names,
        vec![std::ffi::OsString::from("dir.sql")],
        "no temporary file left"
    );
    // A missing directory: nothing is created.
    assert!(write_atomic(&dir.path().join("missing/a.sql"), b"x").is_err());
}

#[test]
fn write_fixed_restores_the_bom() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.sql");
    std::fs::write(
        &path,
        b"\xEF\xBB\xBF-- mzlint: ignore[MZ600]\r\nSELECT 1;\r\n",
    )
    .unwrap();
    let settings = Settings::default();
    let file = crate::load::load_file(FileId(0), &path, None);
    assert!(file.has_bom);
    let diagnostics = lint_alone(&file, &settings);
    let outcome = fix_file(&file, &settings, diagnostics, FixMode::Safe);
    assert_eq!(outcome.text, "SELECT 1;\r\n");
    write_fixed(&file, &outcome.text).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"\xEF\xBB\xBFSELECT 1;\r\n");
}

#[test]
fn list_element_deletion_takes_one_comma() {
    let remove = |source: &str, names: &[&str], indices: &[usize]| -> String {
        let elements: Vec<Span> = names
            .iter()
            .map(|n| {
                let at = source.find(n).unwrap();
                Span::new(at as u32, (at + n.len()) as u32)
            })
            .collect();
        let edits: Vec<Edit> = list_deletions(source, &elements, indices)
            .into_iter()
            .map(Edit::delete)
            .collect();
        apply_edits(source, &edits)
    };
    let list = "(HOST 'h', PORT 5432, USER 'u')";
    let names = ["HOST 'h'", "PORT 5432", "USER 'u'"];
    assert_eq!(remove(list, &names, &[0]), "(PORT 5432, USER 'u')");
    assert_eq!(remove(list, &names, &[1]), "(HOST 'h', USER 'u')");
    assert_eq!(remove(list, &names, &[2]), "(HOST 'h', PORT 5432)");
    assert_eq!(remove(list, &names, &[0, 1]), "(USER 'u')");
    assert_eq!(remove(list, &names, &[1, 2]), "(HOST 'h')");
    assert_eq!(remove(list, &names, &[0, 2]), "(PORT 5432)");
    assert_eq!(remove(list, &names, &[0, 1, 2]), "()");
    let multi = "(\n  HOST 'h' ,\n  -- the port\n  PORT 5432\n)";
    assert_eq!(
        remove(multi, &["HOST 'h'", "PORT 5432"], &[0]),
        "(\n  -- the port\n  PORT 5432\n)"
    );
    assert_eq!(
        remove(multi, &["HOST 'h'", "PORT 5432"], &[1]),
        "(\n  HOST 'h'\n)"
    );
}

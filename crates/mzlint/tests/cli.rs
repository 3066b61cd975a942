//! End-to-end tests of the `mzlint` binary over the shared fixture set
//! `tests/fixtures/report/` (run with it as the working directory, so
//! every path is relative).
//!
//! The fixtures hold syntax errors (MZ000), unreadable files (MZ001) and
//! what the rules flag (MZ200, MZ202, MZ105, …). `--fix` and `--diff` are
//! tested in `fix.rs`.

mod common;

use common::{fixtures, mzlint, run_in};
use insta::assert_snapshot;
use serde_json::Value;

// ---------------------------------------------------------------- formats

#[test]
fn format_full() {
    assert_snapshot!("full", mzlint(&[]).snapshot());
}

#[test]
fn format_concise() {
    assert_snapshot!(
        "concise",
        mzlint(&["check", "--output-format", "concise"]).snapshot()
    );
}

#[test]
fn format_json() {
    let run = mzlint(&["--output-format", "json"]);
    assert_snapshot!("json", run.snapshot());
    let document: Value = serde_json::from_str(&run.stdout).unwrap();
    let diagnostics = document["diagnostics"].as_array().unwrap();
    let keys: Vec<(String, u64, u64, String)> = diagnostics
        .iter()
        .map(|d| {
            (
                d["filename"].as_str().unwrap().to_string(),
                d["location"]["row"].as_u64().unwrap(),
                d["location"]["column"].as_u64().unwrap(),
                d["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "sorted by filename, position, code");
    let summary = &document["summary"];
    let count = |key: &str| summary[key].as_u64().unwrap() as usize;
    assert_eq!(
        count("errors") + count("warnings") + count("infos"),
        diagnostics.len()
    );
    for diagnostic in diagnostics {
        // `fix` is null or a fix; `related` is always an array.
        let fix = &diagnostic["fix"];
        assert!(fix.is_null() || fix["edits"].is_array(), "{fix}");
        assert!(diagnostic["related"].is_array());
    }
    // Without --unsafe-fixes, the MZ200 fixes (unsafe) are not "fixable".
    assert_eq!(count("fixable"), 0);
    assert!(diagnostics
        .iter()
        .any(|d| d["code"] == "MZ200" && d["fix"]["applicability"] == "unsafe"));
    let with_unsafe: Value =
        serde_json::from_str(&mzlint(&["--output-format", "json", "--unsafe-fixes"]).stdout)
            .unwrap();
    assert_eq!(with_unsafe["summary"]["fixable"], 4);
}

#[test]
fn format_json_lines() {
    let run = mzlint(&["--output-format", "json-lines"]);
    assert_snapshot!("json_lines", run.snapshot());
    let json: Value = serde_json::from_str(&mzlint(&["--output-format", "json"]).stdout).unwrap();
    let lines: Vec<Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(&lines, json["diagnostics"].as_array().unwrap());
}

#[test]
fn format_sarif() {
    let run = mzlint(&["--output-format", "sarif"]);
    assert_eq!(run.code, 1);
    let mut document: Value = serde_json::from_str(&run.stdout).unwrap();
    let driver = &mut document["runs"][0]["tool"]["driver"];
    assert_eq!(driver["name"], "mzlint");
    let rules = driver["rules"].as_array_mut().unwrap();
    // Every enabled rule (all but the opt-in MZ702), each with its full
    // documentation; the markdown is checked here and elided from the
    // snapshot, which would otherwise repeat the whole catalog.
    assert_eq!(rules.len(), mzlint_linter::registry::RULES.len() - 1);
    for rule in rules.iter_mut() {
        let meta = mzlint_linter::registry::find(rule["id"].as_str().unwrap()).unwrap();
        assert_eq!(rule["help"]["markdown"], meta.markdown());
        rule["help"]["markdown"] = Value::String("[rule markdown]".into());
        let tags = rule["properties"]["tags"].as_array().unwrap();
        assert_eq!(
            tags.contains(&Value::String("security".into())),
            meta.code.starts_with("MZ2")
        );
    }
    let results = document["runs"][0]["results"].as_array().unwrap();
    for result in results {
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert!(result["partialFingerprints"]["mzlint/v1"].is_string());
    }
    let pretty = serde_json::to_string_pretty(&document).unwrap();
    assert_snapshot!(
        "sarif",
        format!(
            "exit: {}\n----- stdout (rules' help.markdown elided) -----\n{}\n----- stderr -----\n{}",
            run.code,
            common::normalise_version(&pretty),
            run.stderr
        )
    );
}

#[test]
fn format_github() {
    assert_snapshot!("github", mzlint(&["--output-format", "github"]).snapshot());
}

#[test]
fn format_gitlab() {
    let run = mzlint(&["--output-format", "gitlab"]);
    assert_snapshot!("gitlab", run.snapshot());
    let issues: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    let mut fingerprints: Vec<&str> = issues
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    fingerprints.sort();
    fingerprints.dedup();
    assert_eq!(fingerprints.len(), issues.len(), "fingerprints are unique");
}

#[test]
fn format_junit() {
    assert_snapshot!("junit", mzlint(&["--output-format", "junit"]).snapshot());
}

#[test]
fn bad_output_format_is_exit_2() {
    let run = mzlint(&["--output-format", "xml"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("invalid value 'xml'"), "{}", run.stderr);
}

// ---------------------------------------------------------------- inputs

#[test]
fn walking_skips_hidden_target_node_modules_and_gitignored() {
    let run = mzlint(&["--output-format", "concise"]);
    for skipped in [
        ".hidden/",
        "target/",
        "node_modules/",
        "ignored.sql",
        "notes.txt",
    ] {
        assert!(!run.stdout.contains(skipped), "{skipped} linted");
    }
    // A directory named dir.sql is walked; a symlink to it is MZ001.
    assert!(run.stdout.contains("dir.sql/nested.sql:2:38:"));
    assert!(run.stdout.contains("linked-dir.sql:1:1: error[MZ001]"));
    assert!(run.stdout.contains("broken-link.sql:1:1: error[MZ001]"));
}

#[test]
fn a_named_file_is_linted_whatever_its_extension() {
    let run = mzlint(&["--output-format", "concise", "notes.txt", "ignored.sql"]);
    assert_snapshot!("named_files", run.snapshot());
}

#[test]
fn paths_are_reported_as_given() {
    let run = mzlint(&["--output-format", "concise", "./unicode.sql", "dir.sql"]);
    assert_snapshot!("paths_as_given", run.snapshot());
    let absolute = fixtures().join("unicode.sql");
    let run = mzlint(&["--output-format", "concise", absolute.to_str().unwrap()]);
    assert!(run
        .stdout
        .starts_with(&format!("{}:2:35: ", absolute.display())));
}

#[test]
fn a_file_named_twice_is_linted_once() {
    let once = mzlint(&["--output-format", "concise", "unicode.sql"]);
    let twice = mzlint(&[
        "--output-format",
        "concise",
        "unicode.sql",
        ".",
        "./unicode.sql",
    ]);
    assert_eq!(twice.stdout.matches("unicode.sql:3:46").count(), 1);
    assert_eq!(twice.stdout.matches("unicode.sql:2:35").count(), 1);
    // Two findings and the summary.
    assert_eq!(once.stdout.lines().count(), 3);
}

#[test]
fn default_subcommand_and_default_path() {
    let explicit = mzlint(&["check", "."]);
    assert_eq!(mzlint(&[]).stdout, explicit.stdout);
    assert_eq!(mzlint(&["."]).stdout, explicit.stdout);
    assert_eq!(mzlint(&["check"]).stdout, explicit.stdout);
}

#[test]
fn nonexistent_path_is_exit_2() {
    let run = mzlint(&["clean.sql", "no-such-file.sql"]);
    assert_snapshot!("nonexistent_path", run.snapshot());
}

#[test]
fn unreadable_files_are_mz001_and_the_run_goes_on() {
    let run = mzlint(&[
        "--output-format",
        "concise",
        "latin1.sql",
        "linked-dir.sql",
        "broken-link.sql",
        "unicode.sql",
    ]);
    assert_snapshot!("unreadable", run.snapshot());
}

#[test]
fn stdin_with_a_name() {
    let text = std::fs::read(fixtures().join("unicode.sql")).unwrap();
    let run = run_in(
        &fixtures(),
        &[
            "--output-format",
            "concise",
            "--stdin-filename",
            "sql/from-stdin.sql",
            "-",
        ],
        Some(&text),
    );
    assert_snapshot!("stdin_named", run.snapshot());
    // `--stdin-filename` alone reads standard input too.
    let alone = run_in(
        &fixtures(),
        &[
            "--output-format",
            "concise",
            "--stdin-filename",
            "sql/from-stdin.sql",
        ],
        Some(&text),
    );
    assert_eq!(alone.stdout, run.stdout);
}

#[test]
fn stdin_without_a_name_and_invalid_utf8() {
    let run = run_in(
        &fixtures(),
        &["--output-format", "concise", "-"],
        Some(b"-- f\xfcr\nSELECT 1;\n"),
    );
    assert_snapshot!("stdin_invalid_utf8", run.snapshot());
}

// ---------------------------------------------------------------- flags

#[test]
fn exit_status_and_fail_on() {
    // The fixture has errors: 1 at the default level, and at every level
    // but `never`.
    assert_eq!(mzlint(&["-q"]).code, 1);
    for (level, code) in [("error", 1), ("warning", 1), ("info", 1), ("never", 0)] {
        assert_eq!(mzlint(&["-q", "--fail-on", level]).code, code, "{level}");
    }
    assert_eq!(mzlint(&["-q", "--exit-zero"]).code, 0);
    assert_eq!(mzlint(&["-q", "--fail-on", "sometimes"]).code, 2);
    assert_eq!(mzlint(&["upstream/publication.sql"]).code, 0);
}

#[test]
fn clean_run() {
    assert_snapshot!(
        "clean_run",
        mzlint(&["upstream/publication.sql"]).snapshot()
    );
}

#[test]
fn quiet_has_no_summary() {
    let run = mzlint(&["-q", "--output-format", "concise"]);
    assert!(!run.stdout.contains("Found "));
    assert_eq!(
        run.stdout.lines().count() + 1,
        mzlint(&["--output-format", "concise"])
            .stdout
            .lines()
            .count()
    );
    let clean = mzlint(&["--quiet", "upstream/publication.sql"]);
    assert_eq!(clean.stdout, "");
}

#[test]
fn output_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.json");
    let run = mzlint(&["--output-format", "json", "-o", path.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(written, mzlint(&["--output-format", "json"]).stdout);
    let long = mzlint(&[
        "--output-file",
        path.to_str().unwrap(),
        "--output-format",
        "concise",
        "--color",
        "auto",
    ]);
    assert_eq!(long.stdout, "");
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(!written.contains('\x1b'));
    assert!(
        written.ends_with("in 9 files; 4 fixable with --fix --unsafe-fixes.\n"),
        "{written}"
    );
    let unwritable = mzlint(&["-o", "/nonexistent-dir/report.txt"]);
    assert_eq!(unwritable.code, 2);
    assert!(unwritable
        .stderr
        .starts_with("error: cannot write the report"));
}

#[test]
fn color() {
    for format in ["full", "concise"] {
        let always = mzlint(&["--output-format", format, "--color", "always"]);
        assert!(always.stdout.contains("\x1b["), "{format}: no colour");
        let never = mzlint(&["--output-format", format, "--color", "never"]);
        assert!(!never.stdout.contains('\x1b'));
        // Not a terminal: auto means no colour.
        let auto = mzlint(&["--output-format", format]);
        assert_eq!(auto.stdout, never.stdout);
    }
    // Machine formats never have colour.
    let json = mzlint(&["--output-format", "json", "--color", "always"]);
    assert!(!json.stdout.contains('\x1b'));
    assert_eq!(mzlint(&["--color", "sometimes"]).code, 2);
}

#[test]
fn statistics() {
    assert_snapshot!("statistics", mzlint(&["--statistics"]).snapshot());
    assert_snapshot!(
        "statistics_json",
        mzlint(&["--statistics", "--output-format", "json"]).snapshot()
    );
}

#[test]
fn jobs() {
    let default = mzlint(&["--output-format", "json"]);
    for jobs in ["1", "2", "8"] {
        let run = mzlint(&["--output-format", "json", "--jobs", jobs]);
        assert_eq!(run.stdout, default.stdout, "--jobs {jobs}");
    }
    assert_eq!(mzlint(&["--jobs", "0"]).code, 2);
    assert_eq!(mzlint(&["--jobs", "many"]).code, 2);
}

#[test]
fn selectors_are_validated() {
    for flag in ["--select", "--ignore", "--extend-select"] {
        let run = mzlint(&[flag, "MZ200,NOPE"]);
        assert_eq!(run.code, 2, "{flag}");
        assert_eq!(
            run.stderr,
            format!("error: {flag}: unknown rule code, prefix or name 'NOPE'\n")
        );
        let run = mzlint(&["-q", flag, "MZ2,MZ30,missing-ssl-mode,ALL", "clean.sql"]);
        assert_ne!(run.code, 2, "{flag}: {}", run.stderr);
    }
}

/// The flags reach the resolver as `CliOverrides`, applied after each
/// file's configuration.
#[test]
fn select_and_ignore_filter_rules() {
    let run = mzlint(&["--output-format", "concise", "--select", "MZ001"]);
    assert!(run
        .stdout
        .lines()
        .filter(|l| l.contains("[MZ"))
        .all(|l| l.contains("[MZ001]")));
    let run = mzlint(&["--output-format", "concise", "--ignore", "MZ000,io-error"]);
    assert!(!run.stdout.contains("[MZ000]") && !run.stdout.contains("[MZ001]"));
    let run = mzlint(&[
        "--output-format",
        "concise",
        "--select",
        "MZ001",
        "--extend-select",
        "syntax-error",
    ]);
    assert!(run.stdout.contains("[MZ000]") && run.stdout.contains("[MZ001]"));
}

#[test]
fn config_flags() {
    let missing = mzlint(&["--config", "no-such.toml"]);
    assert_eq!(missing.code, 2);
    assert_eq!(
        missing.stderr,
        "error: configuration file no-such.toml does not exist\n"
    );
    let conflict = mzlint(&["--config", "clean.sql", "--isolated"]);
    assert_eq!(conflict.code, 2);
    assert!(conflict.stderr.contains("cannot be used with"));
    assert_eq!(mzlint(&["--isolated"]).stdout, mzlint(&[]).stdout);
}

#[test]
fn sarif_fingerprints_survive_line_shifts() {
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::read_to_string(fixtures().join("syntax_error.sql")).unwrap();
    let fingerprints = |text: &str| -> Vec<String> {
        std::fs::write(dir.path().join("x.sql"), text).unwrap();
        let run = run_in(dir.path(), &["--output-format", "sarif"], None);
        let document: Value = serde_json::from_str(&run.stdout).unwrap();
        document["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                r["partialFingerprints"]["mzlint/v1"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect()
    };
    let before = fingerprints(&original);
    assert!(!before.is_empty());
    let shifted = fingerprints(&format!("-- a new comment\n\n\n{original}"));
    assert_eq!(before, shifted);
    let mut unique = before.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), before.len());
}

// ---------------------------------------------------------------- other commands

#[test]
fn rule_markdown() {
    let run = mzlint(&["rule", "MZ200"]);
    assert_snapshot!("rule_mz200", run.snapshot());
    assert_eq!(mzlint(&["rule", "missing-ssl-mode"]).stdout, run.stdout);
    assert_eq!(mzlint(&["rule", "mz200"]).stdout, run.stdout);
    let all = mzlint(&["rule", "--all"]);
    assert_eq!(all.code, 0);
    assert_eq!(all.stdout.matches("\n# MZ").count() + 1, 59);
}

#[test]
fn rule_json() {
    let run = mzlint(&["rule", "--all", "--output-format", "json"]);
    assert_eq!(run.code, 0);
    let rules: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(rules.len(), mzlint_linter::registry::RULES.len());
    for rule in &rules {
        let mut keys: Vec<&str> = rule
            .as_object()
            .unwrap()
            .keys()
            .map(|k| k.as_str())
            .collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                "code",
                "enabled_by_default",
                "explanation",
                "fix",
                "name",
                "scope",
                "severity",
                "summary",
            ]
        );
    }
    let mz702 = rules.iter().find(|r| r["code"] == "MZ702").unwrap();
    assert_eq!(mz702["enabled_by_default"], false);
    let one = mzlint(&["rule", "MZ200", "--output-format", "json"]);
    let one: Value = serde_json::from_str(&one.stdout).unwrap();
    assert_eq!(one["name"], "missing-ssl-mode");
    assert_eq!(one["fix"], "unsafe");
}

#[test]
fn rule_errors() {
    let unknown = mzlint(&["rule", "MZ999"]);
    assert_eq!(unknown.code, 2);
    assert_eq!(unknown.stderr, "error: unknown rule code or name 'MZ999'\n");
    assert_eq!(mzlint(&["rule"]).code, 2);
    assert_eq!(mzlint(&["rule", "MZ200", "--all"]).code, 2);
}

#[test]
fn server_runs_the_language_server() {
    use std::io::Write;
    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }
    for args in [&["server"][..], &["server", "--stdio"]] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_mzlint"))
            .args(args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("start mzlint server");
        let mut stdin = child.stdin.take().unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let init =
            frame(r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#);
        stdin.write_all(init.as_bytes()).unwrap();
        stdin.flush().unwrap();
        // Wait for the initialize response before shutting down.
        let mut seen = Vec::new();
        let mut buf = [0u8; 4096];
        while !String::from_utf8_lossy(&seen).contains("\"capabilities\"") {
            use std::io::Read;
            let n = stdout.read(&mut buf).unwrap();
            assert!(
                n > 0,
                "server closed stdout: {}",
                String::from_utf8_lossy(&seen)
            );
            seen.extend_from_slice(&buf[..n]);
        }
        let rest = [
            frame(r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#),
            frame(r#"{"jsonrpc":"2.0","id":2,"method":"shutdown","params":null}"#),
        ]
        .concat();
        stdin.write_all(rest.as_bytes()).unwrap();
        stdin.flush().unwrap();
        while !String::from_utf8_lossy(&seen).contains("\"id\":2") {
            use std::io::Read;
            let n = stdout.read(&mut buf).unwrap();
            assert!(
                n > 0,
                "server closed stdout: {}",
                String::from_utf8_lossy(&seen)
            );
            seen.extend_from_slice(&buf[..n]);
        }
        let exit = frame(r#"{"jsonrpc":"2.0","method":"exit","params":null}"#);
        stdin.write_all(exit.as_bytes()).unwrap();
        drop(stdin);
        let output = child.wait_with_output().unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "shutdown then exit ends with 0"
        );
    }
}

#[test]
fn version_and_help() {
    let run = mzlint(&["--version"]);
    assert_eq!((run.code, run.stdout.as_str()), (0, "mzlint 0.1.0\n"));
    let help = mzlint(&["--help"]);
    assert_eq!(help.code, 0);
    assert!(help.stdout.contains("check"));
    let check_help = mzlint(&["check", "--help"]);
    for flag in [
        "--output-format",
        "--output-file",
        "--select",
        "--ignore",
        "--extend-select",
        "--fix",
        "--unsafe-fixes",
        "--diff",
        "--fail-on",
        "--exit-zero",
        "--config",
        "--isolated",
        "--statistics",
        "--jobs",
        "--color",
        "--quiet",
        "--stdin-filename",
    ] {
        assert!(check_help.stdout.contains(flag), "{flag} missing from help");
    }
    assert_eq!(mzlint(&["--no-such-flag"]).code, 2);
}

#[test]
fn the_project_model_spans_every_linted_file() {
    // Project order is by path, whatever the order on the command line;
    // the cross-file finding points at the other file in `related`.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.sql"),
        "CREATE SECRET pg_pw AS '${PG_PASSWORD}';\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.sql"),
        "\n\nCREATE SECRET pg_pw AS '${PG_PASSWORD}';\n",
    )
    .unwrap();
    let run = run_in(
        dir.path(),
        &["--output-format", "json", "b.sql", "a.sql"],
        None,
    );
    let document: Value = serde_json::from_str(&run.stdout).unwrap();
    let diagnostics = document["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1, "{}", run.stdout);
    assert_eq!(diagnostics[0]["code"], "MZ502");
    assert_eq!(diagnostics[0]["filename"], "b.sql");
    assert_eq!(diagnostics[0]["related"][0]["filename"], "a.sql");
    // Linted alone, b.sql has nothing to collide with.
    let alone = run_in(dir.path(), &["-q", "b.sql"], None);
    assert_eq!((alone.code, alone.stdout.as_str()), (0, ""));
}

#[test]
fn file_globs_are_read_as_the_language_server_reads_them() {
    // `files.exclude` skips walked files (a pattern without `/` at any
    // depth) but not named ones; with `files.upstream` set, a file it does
    // not match is Materialize SQL even if its statements are upstream-only.
    let dir = tempfile::tempdir().unwrap();
    let role = "CREATE ROLE mz_repl LOGIN REPLICATION PASSWORD 'S3cr3t-example';\n";
    for sub in ["upstream", "vendor/deep"] {
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
    }
    std::fs::write(dir.path().join("role.sql"), role).unwrap();
    std::fs::write(dir.path().join("upstream/role.sql"), role).unwrap();
    std::fs::write(
        dir.path().join("vendor/deep/bad.sql"),
        "CREATE CONNECTION c TO POSTGRES HOST 'x';\n",
    )
    .unwrap();
    let concise = ["--output-format", "concise"];
    let without = run_in(dir.path(), &concise, None);
    assert!(without.stdout.starts_with("role.sql:1:48: warning[MZ202]"));
    assert!(without.stdout.contains("vendor/deep/bad.sql:1:"));
    std::fs::write(
        dir.path().join("mzlint.toml"),
        "[files]\nupstream = [\"upstream/**/*.sql\"]\nexclude = [\"vendor\"]\n",
    )
    .unwrap();
    let with = run_in(dir.path(), &concise, None);
    assert_eq!(
        with.stdout,
        "upstream/role.sql:1:48: warning[MZ202] role mz_repl is given a password as a string literal (redacted) in version-controlled SQL (secret-literal-committed)\n\
         Found 1 problem (1 warning) in 1 file.\n"
    );
    let named = run_in(dir.path(), &["-q", "vendor/deep/bad.sql"], None);
    assert_eq!(named.code, 1);
}

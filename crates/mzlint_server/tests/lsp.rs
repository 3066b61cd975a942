//! End-to-end tests: the real server binary over stdio, driven like an
//! editor. Expected diagnostics are computed with `lint_files` on the same
//! text and configuration, so these tests follow the rules and the parser
//! as they grow.

mod common;

use common::*;
use mzlint_linter::config::CliOverrides;
use mzlint_linter::fix::{apply_fixes, FixMode};
use mzlint_linter::Applicability;
use mzlint_syntax::PositionEncoding;
use serde_json::{json, Value};

const UTF16: PositionEncoding = PositionEncoding::Utf16;
const UTF8: PositionEncoding = PositionEncoding::Utf8;

/// A statement that does not parse, whatever the state of the parser.
const BROKEN: &str = "CREATE CONNECTION c TO POSTGRES (HOST 'h' PORT 1);";

fn labels(result: &Value) -> Vec<String> {
    let items = if result.is_array() {
        result.as_array().cloned().unwrap_or_default()
    } else {
        result["items"].as_array().cloned().unwrap_or_default()
    };
    items
        .iter()
        .map(|i| i["label"].as_str().unwrap_or_default().to_string())
        .collect()
}

fn offset_of(text: &str, needle: &str) -> usize {
    text.find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {text:?}"))
}

fn pos_params(uri: &str, text: &str, offset: usize, encoding: PositionEncoding) -> Value {
    json!({"textDocument": {"uri": uri}, "position": position(text, offset, encoding)})
}

#[test]
fn negotiates_the_position_encoding() {
    let mut client = Client::spawn(&[]);
    let result = client.initialize(None, &["utf-16"], Value::Null);
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(result["serverInfo"]["name"], "mzlint");
    // Incremental sync.
    assert_eq!(result["capabilities"]["textDocumentSync"]["change"], 2);
    assert!(client.shutdown_and_exit().success());

    let mut client = Client::spawn(&["--stdio"]);
    let result = client.initialize(None, &["utf-32", "utf-8", "utf-16"], Value::Null);
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
    assert!(client.shutdown_and_exit().success());

    let mut client = Client::spawn(&[]);
    let result = client.initialize(None, &[], Value::Null);
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-16");
    assert!(client.shutdown_and_exit().success());
}

#[test]
fn diagnostics_equal_lint_files_on_open_and_incremental_changes() {
    let ws = workspace(&[]);
    let path = ws.path().join("doc.sql");
    let uri = file_uri(&path);
    let mut client = Client::spawn(&[]);
    client.initialize(Some(ws.path()), &["utf-16"], Value::Null);

    let mut text = String::from("SELECT 1;\n");
    client.open(&uri, &text, 1);
    let params = client.diagnostics(&uri, Some(1));
    let want = lint_text(&path, &text, CliOverrides::default());
    assert_eq!(published(&params), expected(&text, &want, UTF16));

    // Insert a broken statement on a new line (incremental change).
    let insert = format!("-- für 😀\n{BROKEN}\n");
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": range(&text, text.len(), text.len(), UTF16), "text": insert}],
        }),
    );
    text.push_str(&insert);
    let params = client.diagnostics(&uri, Some(2));
    let want = lint_text(&path, &text, CliOverrides::default());
    assert!(!want.is_empty(), "the broken statement must be reported");
    assert_eq!(published(&params), expected(&text, &want, UTF16));
    for (d, w) in params["diagnostics"].as_array().unwrap().iter().zip(&want) {
        assert_eq!(d["source"], "mzlint");
        assert_eq!(d["code"], w.rule.code);
        assert_eq!(d["codeDescription"]["href"], w.rule.url());
        let severity = match w.severity {
            mzlint_linter::Severity::Error => 1,
            mzlint_linter::Severity::Warning => 2,
            mzlint_linter::Severity::Info => 3,
        };
        assert_eq!(d["severity"], severity);
        assert_eq!(d["data"]["name"], w.rule.name);
    }

    // Several changes in one notification, applied in order; the last
    // replaces a word after the emoji.
    let first = offset_of(&text, "SELECT");
    let mut next = text.clone();
    next.replace_range(first..first + 6, "select");
    let at = offset_of(&next, "PORT");
    let mut last = next.clone();
    last.replace_range(at..at + 4, "PORTE");
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri, "version": 3},
            "contentChanges": [
                {"range": range(&text, first, first + 6, UTF16), "text": "select"},
                {"range": range(&next, at, at + 4, UTF16), "text": "PORTE"},
            ],
        }),
    );
    let params = client.diagnostics(&uri, Some(3));
    let want = lint_text(&path, &last, CliOverrides::default());
    assert_eq!(published(&params), expected(&last, &want, UTF16));

    // A full-text change.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 4}, "contentChanges": [{"text": "SELECT 2;\n"}]}),
    );
    let params = client.diagnostics(&uri, Some(4));
    let want = lint_text(&path, "SELECT 2;\n", CliOverrides::default());
    assert_eq!(published(&params), expected("SELECT 2;\n", &want, UTF16));

    // Closing clears the document's diagnostics.
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    client.diagnostics_matching(&uri, None, &[]);
    assert!(client.shutdown_and_exit().success());
}

/// Non-ASCII text before a finding on the same line, in both encodings.
#[test]
fn positions_are_right_after_non_ascii_text() {
    let text = format!("/* é 😀 */ {BROKEN}\n-- ünïcödé 😀😀\n{BROKEN}\n");
    for (encoding, name) in [(UTF16, "utf-16"), (UTF8, "utf-8")] {
        let ws = workspace(&[]);
        let path = ws.path().join("unicode.sql");
        let uri = file_uri(&path);
        let mut client = Client::spawn(&[]);
        client.initialize(Some(ws.path()), &[name], Value::Null);
        client.open(&uri, &text, 7);
        let params = client.diagnostics(&uri, Some(7));
        let want = lint_text(&path, &text, CliOverrides::default());
        let got = published(&params);
        assert_eq!(got, expected(&text, &want, encoding), "{name}");
        // The first finding really sits after the non-ASCII characters.
        let first = want.first().expect("a finding");
        assert!(first.span.start as usize > text.find('😀').unwrap());
        let column = got[0].1["start"]["character"].as_u64().unwrap() as usize;
        let prefix = &text[..first.span.start as usize];
        let want_column = match encoding {
            PositionEncoding::Utf8 => prefix.len(),
            _ => prefix.encode_utf16().count(),
        };
        assert_eq!(column, want_column, "{name}");
        assert!(client.shutdown_and_exit().success());
    }
}

fn code_actions(
    client: &mut Client,
    uri: &str,
    text: &str,
    diagnostic: &Value,
    only: Option<Vec<&str>>,
) -> Vec<Value> {
    let mut context = json!({"diagnostics": [diagnostic]});
    if let Some(only) = only {
        context["only"] = json!(only);
    }
    let _ = text;
    let result = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": diagnostic["range"], "context": context}),
    );
    result.as_array().cloned().unwrap_or_default()
}

fn edits_of(action: &Value, uri: &str) -> Vec<Value> {
    action["edit"]["changes"][uri]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[test]
fn code_actions_fix_and_disable() {
    let text = format!("SELECT 1;\n  {BROKEN}\n");
    let ws = workspace(&[]);
    let path = ws.path().join("actions.sql");
    let uri = file_uri(&path);
    let mut client = Client::spawn(&[]);
    client.initialize(Some(ws.path()), &["utf-16"], Value::Null);
    client.open(&uri, &text, 1);
    let params = client.diagnostics(&uri, Some(1));
    let want = lint_text(&path, &text, CliOverrides::default());
    let published = params["diagnostics"].as_array().unwrap().clone();
    assert_eq!(published.len(), want.len());
    assert!(!want.is_empty());

    for (diagnostic, d) in published.iter().zip(&want) {
        let code = d.rule.code;
        let actions = code_actions(&mut client, &uri, &text, diagnostic, None);
        let find = |title: &str| {
            actions
                .iter()
                .find(|a| a["title"] == title)
                .unwrap_or_else(|| panic!("no action {title:?} in {actions:#?}"))
                .clone()
        };
        // The rule's own fix, when it has one.
        if let Some(fix) = &d.fix {
            let title = match fix.applicability {
                Applicability::Safe => fix.message.clone(),
                Applicability::Unsafe => format!("{} (unsafe)", fix.message),
                Applicability::DisplayOnly => format!("{} (display only)", fix.message),
            };
            let action = find(&title);
            assert_eq!(action["kind"], "quickfix");
            assert_eq!(
                action["isPreferred"] == json!(true),
                fix.applicability == Applicability::Safe
            );
            if fix.applicability == Applicability::DisplayOnly {
                assert!(action["disabled"]["reason"].is_string());
            } else {
                let mut fixed = text.clone();
                let mut edits = fix.edits.clone();
                edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
                for e in edits {
                    fixed.replace_range(e.span.range(), &e.content);
                }
                assert_eq!(apply_edits(&text, &edits_of(&action, &uri), UTF16), fixed);
            }
        }
        let line = d.span.start as usize;
        let line_no = text[..line].matches('\n').count();
        let action = find(&format!("Disable {code} for this line"));
        assert_eq!(action["kind"], "quickfix");
        let fixed = apply_edits(&text, &edits_of(&action, &uri), UTF16);
        let fixed_line = fixed.lines().nth(line_no).unwrap();
        assert!(
            fixed_line.ends_with(&format!(" -- mzlint: ignore[{code}]")),
            "{fixed_line}"
        );

        let action = find(&format!("Disable {code} for this statement"));
        let fixed = apply_edits(&text, &edits_of(&action, &uri), UTF16);
        assert_eq!(
            fixed,
            format!("SELECT 1;\n  -- mzlint: ignore[{code}]\n  {BROKEN}\n")
        );

        let action = find(&format!("Disable {code} for this file"));
        let fixed = apply_edits(&text, &edits_of(&action, &uri), UTF16);
        assert_eq!(fixed, format!("-- mzlint: file-ignore[{code}]\n{text}"));
    }

    // Fix-all: exactly the safe fixes `apply_fixes` applies.
    let all = code_actions(
        &mut client,
        &uri,
        &text,
        &published[0],
        Some(vec!["source.fixAll"]),
    );
    let (fixed, count) = apply_fixes(&text, &want, FixMode::Safe);
    let fix_all: Vec<&Value> = all
        .iter()
        .filter(|a| a["kind"] == "source.fixAll.mzlint")
        .collect();
    assert!(
        all.iter().all(|a| a["kind"] != "quickfix"),
        "only source actions were asked for"
    );
    if count == 0 {
        assert!(fix_all.is_empty());
    } else {
        assert_eq!(
            apply_edits(&text, &edits_of(fix_all[0], &uri), UTF16),
            fixed
        );
    }
    assert!(client.shutdown_and_exit().success());
}

/// The rules' fixes as quick fixes and fix-all, once rules with fixes exist.
#[test]

fn code_actions_offer_rule_fixes() {
    let text = "CREATE SECRET pw AS 'x';\nCREATE CONNECTION pg TO POSTGRES (HOST 'db.example.com', USER 'u', PASSWORD SECRET pw);\n-- mzlint: ignore[MZ105]\nSELECT 1;\n";
    let ws = workspace(&[]);
    let path = ws.path().join("fixes.sql");
    let uri = file_uri(&path);
    let mut client = Client::spawn(&[]);
    client.initialize(Some(ws.path()), &["utf-16"], Value::Null);
    client.open(&uri, text, 1);
    let params = client.diagnostics(&uri, Some(1));
    let diagnostics = params["diagnostics"].as_array().unwrap().clone();
    let mz200 = diagnostics
        .iter()
        .find(|d| d["code"] == "MZ200")
        .expect("MZ200");
    let actions = code_actions(&mut client, &uri, text, mz200, None);
    let fix = actions
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with("Add SSL MODE"))
        .expect("MZ200's fix");
    assert_ne!(fix["isPreferred"], true, "an unsafe fix is not preferred");
    let fixed = apply_edits(text, &edits_of(fix, &uri), UTF16);
    assert!(fixed.contains("SSL MODE 'require'"));
    let mz002 = diagnostics
        .iter()
        .find(|d| d["code"] == "MZ002")
        .expect("MZ002");
    let all = code_actions(
        &mut client,
        &uri,
        text,
        mz002,
        Some(vec!["source.fixAll.mzlint"]),
    );
    let fixed = apply_edits(text, &edits_of(&all[0], &uri), UTF16);
    assert!(!fixed.contains("ignore[MZ105]"));
    assert!(client.shutdown_and_exit().success());
}

const SECRETS: &str = "CREATE SECRET pgpass AS 'hunter2-canary-value';\nCREATE SECRET other_secret AS 'another-canary';\n";

#[test]
fn hover_on_option_object_and_rule_code() {
    let ws = workspace(&[("secrets.sql", SECRETS)]);
    let path = ws.path().join("conn.sql");
    let uri = file_uri(&path);
    let text = "CREATE CONNECTION pg TO POSTGRES (\n    HOST 'h',\n    SSL MODE 'require',\n    PASSWORD SECRET pgpass\n);\n-- mzlint: ignore[MZ200]\nSELECT 1;\n";
    let mut client = Client::spawn(&[]);
    client.initialize(Some(ws.path()), &["utf-16"], Value::Null);
    client.open(&uri, text, 1);

    let hover = client.request(
        "textDocument/hover",
        pos_params(&uri, text, offset_of(text, "MODE") + 1, UTF16),
    );
    let value = hover["contents"]["value"].as_str().expect("markdown");
    assert!(value.contains("SSL MODE"), "{value}");
    assert!(value.contains("POSTGRES"), "{value}");
    assert!(value.contains("'verify_full'"), "{value}");
    assert_eq!(
        hover["range"],
        range(
            text,
            offset_of(text, "SSL MODE"),
            offset_of(text, "SSL MODE") + 8,
            UTF16
        )
    );

    let at = offset_of(text, "pgpass");
    let hover = client.request("textDocument/hover", pos_params(&uri, text, at + 2, UTF16));
    let value = hover["contents"]["value"].as_str().expect("markdown");
    assert!(value.contains("secret"), "{value}");
    assert!(value.contains("pgpass"), "{value}");
    assert!(value.contains("secrets.sql:1"), "{value}");
    assert!(value.contains("'********'"), "the value is masked: {value}");
    assert!(
        !value.contains("hunter2"),
        "a secret leaked into a hover: {value}"
    );
    assert_eq!(hover["range"], range(text, at, at + 6, UTF16));

    let hover = client.request(
        "textDocument/hover",
        pos_params(&uri, text, offset_of(text, "MZ200") + 2, UTF16),
    );
    let value = hover["contents"]["value"].as_str().expect("markdown");
    assert!(value.contains("missing-ssl-mode"), "{value}");

    // Nothing to say on a string.
    let hover = client.request(
        "textDocument/hover",
        pos_params(&uri, text, offset_of(text, "'h'") + 1, UTF16),
    );
    assert_eq!(hover, Value::Null);
    assert!(client.shutdown_and_exit().success());
}

#[test]
fn completion_of_options_values_and_names() {
    let defs = format!(
        "{SECRETS}CREATE CONNECTION bastion TO SSH TUNNEL (HOST 'b', USER 'u');\nCREATE CONNECTION kafka TO KAFKA (BROKER 'k:9092');\nCREATE CLUSTER ingest (SIZE = '100cc');\nCREATE SOURCE pg_src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'p');\n"
    );
    let ws = workspace(&[("defs.sql", &defs)]);
    let path = ws.path().join("edit.sql");
    let uri = file_uri(&path);
    let mut client = Client::spawn(&[]);
    client.initialize(Some(ws.path()), &["utf-16"], Value::Null);
    client.open(&uri, "", 1);
    let mut version = 1;
    let mut complete = |client: &mut Client, text: &str| {
        version += 1;
        client.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
        );
        let result = client.request(
            "textDocument/completion",
            pos_params(&uri, text, text.len(), UTF16),
        );
        (labels(&result), result)
    };

    let (got, _) = complete(&mut client, "");
    assert!(got.iter().any(|l| l == "CREATE SECRET"), "{got:?}");
    assert!(got.iter().any(|l| l.contains("TO POSTGRES")), "{got:?}");

    let (got, _) = complete(&mut client, "CREATE CONNECTION pg TO POSTGRES (");
    for want in ["HOST", "PORT", "SSL MODE", "PASSWORD", "SSH TUNNEL"] {
        assert!(got.iter().any(|l| l == want), "{want} missing from {got:?}");
    }
    assert!(!got.iter().any(|l| l == "BROKER"), "{got:?}");

    let (got, _) = complete(
        &mut client,
        "CREATE CONNECTION pg TO POSTGRES (HOST 'h', SSL M",
    );
    assert_eq!(got, vec!["SSL MODE"]);

    let (got, result) = complete(
        &mut client,
        "CREATE CONNECTION pg TO POSTGRES (HOST 'h', SSL MODE ",
    );
    assert_eq!(got, vec!["disable", "require", "verify_ca", "verify_full"]);
    assert_eq!(result["items"][3]["textEdit"]["newText"], "'verify_full'");

    let (got, _) = complete(
        &mut client,
        "CREATE CONNECTION m TO MYSQL (HOST 'h', SSL MODE = ",
    );
    assert_eq!(
        got,
        vec!["disabled", "required", "verify_ca", "verify_identity"]
    );

    let (got, _) = complete(
        &mut client,
        "CREATE CONNECTION k TO KAFKA (BROKER 'b', SECURITY PROTOCOL ",
    );
    assert!(got.contains(&"SASL_SSL".to_string()), "{got:?}");
    let (got, _) = complete(
        &mut client,
        "CREATE CONNECTION k TO KAFKA (BROKER 'b', SASL MECHANISMS = ",
    );
    assert!(got.contains(&"SCRAM-SHA-512".to_string()), "{got:?}");

    let (got, _) = complete(
        &mut client,
        "CREATE CONNECTION pg TO POSTGRES (HOST 'h', PASSWORD SECRET ",
    );
    assert_eq!(got, vec!["pgpass", "other_secret"]);
    let (got, _) = complete(
        &mut client,
        "CREATE CONNECTION pg TO POSTGRES (HOST 'h', PASSWORD SECRET pg",
    );
    assert!(got.contains(&"pgpass".to_string()), "{got:?}");

    let (got, _) = complete(
        &mut client,
        "CREATE CONNECTION pg TO POSTGRES (HOST 'h', SSH TUNNEL ",
    );
    assert_eq!(got, vec!["bastion"]);
    let (got, _) = complete(&mut client, "CREATE SOURCE s IN CLUSTER ");
    assert_eq!(got, vec!["ingest"]);
    let (got, _) = complete(&mut client, "CREATE TABLE t FROM SOURCE ");
    assert_eq!(got, vec!["pg_src"]);
    let (got, _) = complete(&mut client, "CREATE SOURCE s FROM KAFKA CONNECTION ");
    assert_eq!(got, vec!["kafka"]);

    let (got, _) = complete(
        &mut client,
        "CREATE SOURCE s IN CLUSTER ingest FROM POSTGRES CONNECTION pg (",
    );
    assert_eq!(got, vec!["PUBLICATION", "TEXT COLUMNS", "EXCLUDE COLUMNS"]);
    let (got, _) = complete(&mut client, "CREATE CONNECTION k TO KAFKA (BROKER 'b', ");
    assert!(got.contains(&"SECURITY PROTOCOL".to_string()), "{got:?}");
    assert!(
        !got.contains(&"BROKER".to_string()),
        "already written: {got:?}"
    );
    assert!(!got.contains(&"HOST".to_string()), "{got:?}");
    let (got, _) = complete(
        &mut client,
        "CREATE CONNECTION pg TO POSTGRES (HOST 'h', PASSWORD ",
    );
    assert!(got.contains(&"SECRET pgpass".to_string()), "{got:?}");

    let (got, _) = complete(&mut client, "SELECT 1; -- mzlint: ignore[MZ20");
    assert!(got.contains(&"MZ200".to_string()), "{got:?}");
    assert!(got.iter().all(|l| l.starts_with("MZ20")), "{got:?}");
    assert!(client.shutdown_and_exit().success());
}

/// Definitions and references across files that are indexed at start-up
/// and never opened.
#[test]
fn definition_and_references_across_files() {
    let connections =
        format!("{SECRETS}CREATE CONNECTION pg TO POSTGRES (HOST 'h', PASSWORD SECRET pgpass);\n");
    let clusters = "CREATE CLUSTER ingest (SIZE = '100cc');\n";
    let publication = "CREATE PUBLICATION mz_source FOR TABLE public.orders;\n";
    let ws = workspace(&[
        (".gitignore", "ignored/\n"),
        ("mz/connections.sql", &connections),
        ("mz/clusters.sql", clusters),
        ("upstream/publication.sql", publication),
        (
            "ignored/other.sql",
            "CREATE CONNECTION pg TO POSTGRES (HOST 'x');\n",
        ),
    ]);
    let source_path = ws.path().join("mz/source.sql");
    let text = "CREATE SOURCE src\n    IN CLUSTER ingest\n    FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_source');\nCREATE TABLE orders FROM SOURCE src (REFERENCE public.orders);\n";
    std::fs::write(&source_path, text).unwrap();
    let uri = file_uri(&source_path);
    let connections_uri = file_uri(&ws.path().join("mz/connections.sql"));
    let mut client = Client::spawn(&[]);
    client.initialize(Some(ws.path()), &["utf-16"], Value::Null);
    client.open(&uri, text, 1);

    let definition = |client: &mut Client, offset: usize| {
        client.request(
            "textDocument/definition",
            pos_params(&uri, text, offset, UTF16),
        )
    };
    let pg = offset_of(text, "pg (");
    let result = definition(&mut client, pg + 1);
    assert_eq!(result["uri"], connections_uri.as_str());
    let at = offset_of(&connections, "pg TO");
    assert_eq!(result["range"], range(&connections, at, at + 2, UTF16));

    let result = definition(&mut client, offset_of(text, "ingest") + 3);
    assert_eq!(
        result["uri"],
        file_uri(&ws.path().join("mz/clusters.sql")).as_str()
    );
    assert_eq!(result["range"], range(clusters, 15, 21, UTF16));

    let result = definition(&mut client, offset_of(text, "'mz_source'") + 2);
    assert_eq!(
        result["uri"],
        file_uri(&ws.path().join("upstream/publication.sql")).as_str()
    );
    assert_eq!(result["range"], range(publication, 19, 28, UTF16));

    let src = offset_of(text, "FROM SOURCE src") + 12;
    let result = definition(&mut client, src + 1);
    assert_eq!(result["uri"], uri.as_str());
    assert_eq!(result["range"], range(text, 14, 17, UTF16));

    // References of the connection: its definition and the source's use.
    let result = client.request(
        "textDocument/references",
        json!({"textDocument": {"uri": uri}, "position": position(text, pg, UTF16), "context": {"includeDeclaration": true}}),
    );
    let mut found: Vec<(String, Value)> = result
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["uri"].as_str().unwrap().to_string(), l["range"].clone()))
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        found,
        vec![
            (
                connections_uri.clone(),
                range(&connections, at, at + 2, UTF16)
            ),
            (uri.clone(), range(text, pg, pg + 2, UTF16)),
        ],
        "the git-ignored file is not indexed"
    );
    // Without the declaration.
    let result = client.request(
        "textDocument/references",
        json!({"textDocument": {"uri": uri}, "position": position(text, pg, UTF16), "context": {"includeDeclaration": false}}),
    );
    assert_eq!(result.as_array().unwrap().len(), 1);

    // From the secret's use in the unopened file, through the definition
    // request on an unopened file's URI.
    let secret_use = offset_of(&connections, "SECRET pgpass") + 7;
    let result = client.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": connections_uri}, "position": position(&connections, secret_use, UTF16)}),
    );
    assert_eq!(result["range"], range(&connections, 14, 20, UTF16));
    assert!(client.shutdown_and_exit().success());
}

#[test]
fn document_symbols_list_defined_objects() {
    let ws = workspace(&[]);
    let path = ws.path().join("symbols.sql");
    let uri = file_uri(&path);
    let text = "CREATE SECRET s AS 'x';\nCREATE CONNECTION c TO POSTGRES (HOST 'h', PASSWORD SECRET s);\nCREATE CLUSTER ingest (SIZE = '100cc');\nCREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION c (PUBLICATION 'p');\nSELECT 1;\n";
    let mut client = Client::spawn(&[]);
    client.initialize(Some(ws.path()), &["utf-16"], Value::Null);
    client.open(&uri, text, 1);
    let result = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
    );
    let symbols: Vec<(String, u64, String)> = result
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap().to_string(),
                s["kind"].as_u64().unwrap(),
                s["detail"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert_eq!(
        symbols,
        vec![
            ("s".to_string(), 20, "secret".to_string()),
            ("c".to_string(), 11, "connection · POSTGRES".to_string()),
            ("ingest".to_string(), 3, "cluster".to_string()),
            ("src".to_string(), 24, "source · POSTGRES".to_string()),
        ]
    );
    let first = &result[0];
    assert_eq!(first["range"], range(text, 0, 23, UTF16));
    assert_eq!(first["selectionRange"], range(text, 14, 15, UTF16));
    assert!(client.shutdown_and_exit().success());
}

#[test]
fn configuration_changes_relint_open_documents() {
    let ws = workspace(&[]);
    let path = ws.path().join("cfg.sql");
    let uri = file_uri(&path);
    let text = format!("{BROKEN}\n");
    let mut client = Client::spawn(&[]);
    client.initialize(
        Some(ws.path()),
        &["utf-16"],
        json!({"mzlint": {"configPath": null}}),
    );
    client.open(&uri, &text, 1);
    let params = client.diagnostics(&uri, Some(1));
    assert_eq!(
        published(&params),
        expected(
            &text,
            &lint_text(&path, &text, CliOverrides::default()),
            UTF16
        )
    );

    // The editor's settings: re-linted with them, as the CLI would.
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"mzlint": {"ignore": ["MZ000"], "select": ["ALL"]}}}),
    );
    let overrides = CliOverrides {
        ignore: vec!["MZ000".into()],
        select: Some(vec!["ALL".into()]),
        ..CliOverrides::default()
    };
    let want = expected(&text, &lint_text(&path, &text, overrides), UTF16);
    client.diagnostics_matching(&uri, Some(1), &want);

    // `settings: null` is ignored.
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": null}),
    );

    // A new mzlint.toml, reported by the watcher: re-linted with it.
    let config = "[lint]\nignore = [\"MZ000\"]\n";
    std::fs::write(ws.path().join("mzlint.toml"), config).unwrap();
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"mzlint": {"ignore": [], "select": null}}}),
    );
    let _ = client.diagnostics(&uri, Some(1));
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&ws.path().join("mzlint.toml")), "type": 1}]}),
    );
    let want = expected(
        &text,
        &lint_text(&path, &text, CliOverrides::default()),
        UTF16,
    );
    client.diagnostics_matching(&uri, Some(1), &want);
    // The server registered its file watchers with the client.
    assert!(client
        .seen
        .iter()
        .any(|m| m["method"] == "client/registerCapability"
            && m["params"]["registrations"][0]["method"] == "workspace/didChangeWatchedFiles"));
    assert!(client.shutdown_and_exit().success());
}

/// What configuration does once the resolver reads `mzlint.toml`.
#[test]

fn configuration_is_applied() {
    let ws = workspace(&[("mzlint.toml", "[lint]\nignore = [\"MZ000\"]\n")]);
    let path = ws.path().join("cfg.sql");
    let uri = file_uri(&path);
    let mut client = Client::spawn(&[]);
    client.initialize(Some(ws.path()), &["utf-16"], Value::Null);
    client.open(&uri, &format!("{BROKEN}\n"), 1);
    let params = client.diagnostics(&uri, Some(1));
    assert_eq!(params["diagnostics"], json!([]));
    assert!(client.shutdown_and_exit().success());
}

#[test]
fn bad_input_is_answered_and_the_server_keeps_serving() {
    let ws = workspace(&[]);
    let path = ws.path().join("robust.sql");
    let uri = file_uri(&path);
    let mut client = Client::spawn(&["--test-hooks"]);
    client.initialize(Some(ws.path()), &["utf-16"], Value::Null);

    // Malformed JSON.
    client.send_raw(b"Content-Length: 9\r\n\r\n{not json");
    let error = client
        .wait_for(TIMEOUT, |m| m["error"]["code"] == -32700)
        .expect("a parse error response");
    assert_eq!(error["id"], Value::Null);
    // JSON that is not a JSON-RPC message.
    client.send(&json!({"jsonrpc": "2.0", "id": 99}));
    let error = client
        .wait_for(TIMEOUT, |m| m["error"]["code"] == -32600)
        .expect("an invalid request response");
    assert_eq!(error["id"], 99);
    // A header block without Content-Length.
    client.send_raw(b"Content-Type: application/json\r\n\r\n");
    assert!(client
        .wait_for(TIMEOUT, |m| m["error"]["code"] == -32700)
        .is_some());

    // Unknown method.
    let id = client.send_request("mzlint/noSuchMethod", json!({}));
    let response = client.response(id);
    assert_eq!(response["error"]["code"], -32601);
    // Unknown notification: ignored.
    client.notify("mzlint/noSuchNotification", json!({}));

    // Huge, out-of-range positions.
    let text = format!("{BROKEN}\n");
    client.open(&uri, &text, 1);
    client.diagnostics(&uri, Some(1));
    let far = json!({"line": 4_000_000_000u64, "character": 4_000_000_000u64});
    for method in [
        "textDocument/hover",
        "textDocument/completion",
        "textDocument/definition",
    ] {
        let id = client.send_request(
            method,
            json!({"textDocument": {"uri": uri}, "position": far}),
        );
        let response = client.response(id);
        assert!(response.get("error").is_none(), "{method}: {response}");
    }
    let id = client.send_request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": {"start": far, "end": far}, "context": {"diagnostics": []}}),
    );
    assert!(client.response(id).get("error").is_none());
    // An edit past the end clamps to the end.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"range": {"start": far, "end": far}, "text": "SELECT 1;\n"}]}),
    );
    let params = client.diagnostics(&uri, Some(2));
    let clamped = format!("{text}SELECT 1;\n");
    assert_eq!(
        published(&params),
        expected(
            &clamped,
            &lint_text(&path, &clamped, CliOverrides::default()),
            UTF16
        )
    );
    // Requests on unknown documents.
    let id = client.send_request(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///nowhere/x.sql"}, "position": {"line": 0, "character": 0}}),
    );
    assert!(client.response(id).get("error").is_none());
    // Wrong parameters.
    let id = client.send_request("textDocument/hover", json!({"nonsense": true}));
    assert_eq!(client.response(id)["error"]["code"], -32602);

    // A panic inside a handler is an error response, not the end.
    let id = client.send_request("mzlint/testPanic", json!({}));
    let response = client.response(id);
    assert_eq!(response["error"]["code"], -32603);
    let hover = client.request(
        "textDocument/hover",
        pos_params(&uri, &clamped, offset_of(&clamped, "HOST") + 1, UTF16),
    );
    assert!(hover["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("HOST"));
    assert!(client.shutdown_and_exit().success());
}

#[test]
fn exit_status_follows_shutdown() {
    let mut client = Client::spawn(&[]);
    client.initialize(None, &["utf-16"], Value::Null);
    client.notify("exit", Value::Null);
    let status = client.wait_exit();
    assert_eq!(status.code(), Some(1), "exit without shutdown");

    let mut client = Client::spawn(&[]);
    client.initialize(None, &["utf-16"], Value::Null);
    let status = client.shutdown_and_exit();
    assert_eq!(status.code(), Some(0));

    // End of input without exit: the server stops too.
    let mut client = Client::spawn(&[]);
    client.initialize(None, &["utf-16"], Value::Null);
    drop(client.stdin_take());
    let _ = client.wait_exit();
}

/// Documents without a file (`untitled:`) are linted too, under their URI.
#[test]
fn untitled_documents_are_linted() {
    let mut client = Client::spawn(&[]);
    client.initialize(None, &["utf-16"], Value::Null);
    let uri = "untitled:Untitled-1";
    let text = format!("{BROKEN}\n");
    client.open(uri, &text, 3);
    let params = client.diagnostics(uri, Some(3));
    let want = lint_text(std::path::Path::new(uri), &text, CliOverrides::default());
    assert_eq!(published(&params), expected(&text, &want, UTF16));
    let hover = client.request(
        "textDocument/hover",
        pos_params(uri, &text, offset_of(&text, "HOST") + 1, UTF16),
    );
    assert!(hover["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("HOST"));
    assert!(client.shutdown_and_exit().success());
}

/// Files created, changed and deleted on disk after start-up, as the
/// watcher reports them.
#[test]
fn watched_file_changes_update_the_index() {
    let ws = workspace(&[(".gitignore", "build/\n")]);
    let path = ws.path().join("conn.sql");
    let uri = file_uri(&path);
    let text = "CREATE CONNECTION pg TO POSTGRES (HOST 'h', PASSWORD SECRET late);\n";
    let mut client = Client::spawn(&[]);
    client.initialize(Some(ws.path()), &["utf-16"], Value::Null);
    client.open(&uri, text, 1);
    let at = offset_of(text, "late") + 1;
    let definition = |client: &mut Client| {
        client.request("textDocument/definition", pos_params(&uri, text, at, UTF16))
    };
    assert_eq!(definition(&mut client), Value::Null);

    let created = ws.path().join("secrets/late.sql");
    std::fs::create_dir_all(created.parent().unwrap()).unwrap();
    std::fs::write(&created, "-- new\nCREATE SECRET late AS 'x';\n").unwrap();
    let ignored = ws.path().join("build/late.sql");
    std::fs::create_dir_all(ignored.parent().unwrap()).unwrap();
    std::fs::write(&ignored, "CREATE SECRET late AS 'x';\n").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [
            {"uri": file_uri(&ignored), "type": 1},
            {"uri": file_uri(&created), "type": 1},
        ]}),
    );
    let result = definition(&mut client);
    assert_eq!(result["uri"], file_uri(&created).as_str());
    assert_eq!(result["range"]["start"]["line"], 1);

    std::fs::write(&created, "\n\n\nCREATE SECRET late AS 'x';\n").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&created), "type": 2}]}),
    );
    assert_eq!(definition(&mut client)["range"]["start"]["line"], 3);

    std::fs::remove_file(&created).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&created), "type": 3}]}),
    );
    assert_eq!(
        definition(&mut client),
        Value::Null,
        "the git-ignored copy is not indexed"
    );
    assert!(client.shutdown_and_exit().success());
}

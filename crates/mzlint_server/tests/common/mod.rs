//! A small LSP client driving the real server binary over stdio, the way an
//! editor does: Content-Length framing, request ids, answers to the
//! server's own requests, and waiting for notifications with a timeout.

#![allow(dead_code)]

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use mzlint_linter::config::{CliOverrides, ConfigResolver};
use mzlint_linter::{lint_files, Diagnostic, FileId, SourceFile};
use mzlint_syntax::{LineIndex, PositionEncoding};
use serde_json::{json, Value};

pub const TIMEOUT: Duration = Duration::from_secs(30);

pub struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    messages: Receiver<Value>,
    buffered: VecDeque<Value>,
    next_id: i64,
    /// Every notification seen, in order (for assertions on logs).
    pub seen: Vec<Value>,
}

impl Client {
    /// Start the test binary of this crate.
    pub fn spawn(args: &[&str]) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_mzlint-server-test"))
            .args(args)
            .env("MZLINT_SERVER_DEBOUNCE_MS", "40")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start the server binary");
        let stdout = child.stdout.take().expect("stdout");
        let stderr = child.stderr.take().expect("stderr");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    match reader.read_line(&mut line) {
                        Ok(0) | Err(_) => return,
                        Ok(_) => {}
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(value) = line.strip_prefix("Content-Length:") {
                        length = value.trim().parse::<usize>().ok();
                    }
                }
                let Some(length) = length else { continue };
                let mut body = vec![0; length];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                let value: Value = serde_json::from_slice(&body).expect("server sent JSON");
                if tx.send(value).is_err() {
                    return;
                }
            }
        });
        // Drain stderr so the server never blocks on it.
        std::thread::spawn(move || {
            let mut sink = Vec::new();
            let _ = BufReader::new(stderr).read_to_end(&mut sink);
        });
        Client {
            stdin: child.stdin.take(),
            child,
            messages: rx,
            buffered: VecDeque::new(),
            next_id: 1,
            seen: Vec::new(),
        }
    }

    pub fn send_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        stdin.write_all(bytes).expect("write to server");
        stdin.flush().expect("flush");
    }

    pub fn send(&mut self, message: &Value) {
        let body = serde_json::to_vec(message).expect("serialize");
        let mut frame = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        frame.extend_from_slice(&body);
        self.send_raw(&frame);
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Send a request; returns its id.
    pub fn send_request(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    /// The next message from the server, answering its requests on the way
    /// (registerCapability, workspace/configuration, …).
    fn next_message(&mut self, deadline: Instant) -> Option<Value> {
        if let Some(message) = self.buffered.pop_front() {
            return Some(message);
        }
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.messages.recv_timeout(left) {
                Ok(message) => {
                    if message.get("method").is_some() && message.get("id").is_some() {
                        let id = message["id"].clone();
                        self.send(&json!({"jsonrpc": "2.0", "id": id, "result": null}));
                        self.seen.push(message);
                        continue;
                    }
                    return Some(message);
                }
                Err(RecvTimeoutError::Timeout) | Err(RecvTimeoutError::Disconnected) => {
                    return None
                }
            }
        }
    }

    /// Wait for the response to request `id`.
    pub fn response(&mut self, id: i64) -> Value {
        let deadline = Instant::now() + TIMEOUT;
        let mut others = Vec::new();
        let found = loop {
            let Some(message) = self.next_message(deadline) else {
                panic!("no response to request {id} within {TIMEOUT:?}");
            };
            if message.get("id") == Some(&json!(id)) && message.get("method").is_none() {
                break message;
            }
            others.push(message);
        };
        for m in others.into_iter().rev() {
            self.buffered.push_front(m);
        }
        found
    }

    /// Send a request and return its `result` (panics on an error response).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.send_request(method, params);
        let response = self.response(id);
        assert!(
            response.get("error").is_none(),
            "{method} failed: {response}"
        );
        response["result"].clone()
    }

    /// Wait for a notification matching `pred`; other messages stay queued.
    pub fn wait_for(&mut self, timeout: Duration, pred: impl Fn(&Value) -> bool) -> Option<Value> {
        let deadline = Instant::now() + timeout;
        let mut others = Vec::new();
        let found = loop {
            let Some(message) = self.next_message(deadline) else {
                break None;
            };
            if message.get("method").is_some() {
                self.seen.push(message.clone());
            }
            if pred(&message) {
                break Some(message);
            }
            others.push(message);
        };
        for m in others.into_iter().rev() {
            if m.get("method").and_then(Value::as_str) != Some("textDocument/publishDiagnostics") {
                self.buffered.push_front(m);
            }
        }
        found
    }

    /// The next `publishDiagnostics` for `uri` (with `version` when given).
    pub fn diagnostics(&mut self, uri: &str, version: Option<i64>) -> Value {
        let message = self
            .wait_for(TIMEOUT, |m| {
                m["method"] == "textDocument/publishDiagnostics"
                    && m["params"]["uri"] == uri
                    && version.is_none_or(|v| m["params"]["version"] == v)
            })
            .unwrap_or_else(|| panic!("no diagnostics for {uri} (version {version:?})"));
        message["params"].clone()
    }

    /// Wait until a `publishDiagnostics` for `uri` at `version` equals
    /// `want` (earlier runs may still be in flight); returns the last seen.
    pub fn diagnostics_matching(
        &mut self,
        uri: &str,
        version: Option<i64>,
        want: &[(String, Value, String)],
    ) -> Value {
        let deadline = Instant::now() + TIMEOUT;
        let mut last = Value::Null;
        while Instant::now() < deadline {
            let left = deadline.saturating_duration_since(Instant::now());
            let Some(message) = self.wait_for(left, |m| {
                m["method"] == "textDocument/publishDiagnostics"
                    && m["params"]["uri"] == uri
                    && version.is_none_or(|v| m["params"]["version"] == v)
            }) else {
                break;
            };
            last = message["params"].clone();
            if published(&last) == want {
                return last;
            }
        }
        assert_eq!(
            published(&last),
            want,
            "diagnostics for {uri} never matched"
        );
        last
    }

    pub fn stdin_take(&mut self) -> Option<ChildStdin> {
        self.stdin.take()
    }

    /// `initialize` + `initialized`, with `encodings` offered.
    pub fn initialize(&mut self, root: Option<&Path>, encodings: &[&str], options: Value) -> Value {
        let folders = root.map(|r| json!([{"uri": file_uri(r), "name": "ws"}]));
        let result = self.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": root.map(file_uri),
                "workspaceFolders": folders,
                "initializationOptions": options,
                "capabilities": {
                    "general": {"positionEncodings": encodings},
                    "textDocument": {
                        "completion": {"completionItem": {"snippetSupport": true}},
                        "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix", "source.fixAll"]}}},
                        "publishDiagnostics": {"relatedInformation": true, "versionSupport": true}
                    },
                    "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}, "workspaceFolders": true}
                }
            }),
        );
        self.notify("initialized", json!({}));
        // Indexing is done when the first log line about it arrives.
        let indexed = self.wait_for(TIMEOUT, |m| {
            m["method"] == "window/logMessage"
                && m["params"]["message"]
                    .as_str()
                    .is_some_and(|s| s.contains("indexed"))
        });
        assert!(indexed.is_some(), "the server never reported indexing");
        result
    }

    pub fn open(&mut self, uri: &str, text: &str, version: i64) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "sql", "version": version, "text": text}}),
        );
    }

    /// `shutdown` then `exit`; the process status.
    pub fn shutdown_and_exit(mut self) -> ExitStatus {
        let result = self.request("shutdown", Value::Null);
        assert_eq!(result, Value::Null);
        self.notify("exit", Value::Null);
        self.wait_exit()
    }

    pub fn wait_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("the server did not exit");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

pub fn file_uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// A temporary workspace (not under a hidden directory: the walk skips those).
pub fn workspace(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::Builder::new()
        .prefix("mzlint-lsp-test")
        .tempdir()
        .expect("temp dir");
    for (path, text) in files {
        let full = dir.path().join(path);
        std::fs::create_dir_all(full.parent().expect("parent")).expect("mkdir");
        std::fs::write(full, text).expect("write");
    }
    dir
}

/// What `mzlint check` reports for `text` at `path`, through the same
/// resolver and driver (a one-file run).
pub fn lint_text(path: &Path, text: &str, overrides: CliOverrides) -> Vec<Diagnostic> {
    let resolver = ConfigResolver::new(overrides);
    let settings = resolver.settings_for(path).expect("valid config");
    let file = SourceFile::new(FileId(0), path.to_path_buf(), text.to_string(), None);
    lint_files(&[file], &[&settings]).remove(0)
}

/// An LSP position computed independently of the server's line index.
pub fn position(text: &str, offset: usize, encoding: PositionEncoding) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let prefix = &text[line_start..offset];
    let character = match encoding {
        PositionEncoding::Utf8 => prefix.len(),
        PositionEncoding::Utf16 => prefix.encode_utf16().count(),
        PositionEncoding::Utf32 => prefix.chars().count(),
    };
    json!({"line": line, "character": character})
}

pub fn range(text: &str, start: usize, end: usize, encoding: PositionEncoding) -> Value {
    json!({"start": position(text, start, encoding), "end": position(text, end, encoding)})
}

/// `(code, range, message)` of each diagnostic, as the server must publish
/// them.
pub fn expected(
    text: &str,
    diagnostics: &[Diagnostic],
    encoding: PositionEncoding,
) -> Vec<(String, Value, String)> {
    let _ = LineIndex::new(text);
    diagnostics
        .iter()
        .map(|d| {
            (
                d.rule.code.to_string(),
                range(text, d.span.start as usize, d.span.end as usize, encoding),
                d.message.clone(),
            )
        })
        .collect()
}

pub fn published(params: &Value) -> Vec<(String, Value, String)> {
    params["diagnostics"]
        .as_array()
        .expect("diagnostics array")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default().to_string(),
                d["range"].clone(),
                d["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// Apply LSP text edits (given in `encoding`) to `text`.
pub fn apply_edits(text: &str, edits: &[Value], encoding: PositionEncoding) -> String {
    let index = LineIndex::new(text);
    let offset = |p: &Value| {
        index.offset(
            text,
            mzlint_syntax::LineCol {
                line: p["line"].as_u64().unwrap() as u32,
                col: p["character"].as_u64().unwrap() as u32,
            },
            encoding,
        ) as usize
    };
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse((s.0, s.1)));
    let mut out = text.to_string();
    for (start, end, new_text) in spans {
        out.replace_range(start..end, &new_text);
    }
    out
}

pub fn temp_path(dir: &Path, name: &str) -> PathBuf {
    dir.join(name)
}

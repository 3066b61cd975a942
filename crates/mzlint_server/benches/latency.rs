//! Latency of the language server's edit → diagnostics and completion paths,
//! in process, through the same functions the LSP handlers call
//! (`Workspace::change`, `prepare`, `lint`, `publishable`, `complete`). The
//! JSON-RPC framing and the debounce (120 ms of quiet after the last edit by
//! default) are not included: the figures are the work one keystroke costs.
//!
//! `cargo bench -p mzlint_server --bench latency` (release build). Prints
//! p50/p95 in milliseconds for:
//! - one 1 MB file (about 9,000 statements), open and edited;
//! - a generated 10,000-file workspace, indexed, with one file open and edited.
//!
//! `MZLINT_BENCH_ITERATIONS` sets the number of samples (default 40).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use mzlint_linter::config::CliOverrides;
use mzlint_server::engine::{complete, path_to_uri, publishable, Loader, TextChange, Workspace};
use mzlint_syntax::{LineIndex, PositionEncoding};

const ENCODING: PositionEncoding = PositionEncoding::Utf16;

fn statements(prefix: &str, count: usize) -> String {
    let mut out = String::new();
    for i in 0..count {
        match i % 4 {
            0 => out.push_str(&format!(
                "CREATE SECRET {prefix}_pw_{i} AS '${{PASSWORD_{i}}}';\n"
            )),
            1 => out.push_str(&format!(
                "CREATE CONNECTION {prefix}_pg_{i} TO POSTGRES (\n    HOST 'db{i}.example.com',\n    PORT 5432,\n    USER 'materialize',\n    PASSWORD SECRET {prefix}_pw_{prev},\n    SSL MODE 'verify_full',\n    DATABASE 'shop'\n);\n",
                prev = i - 1
            )),
            2 => out.push_str(&format!(
                "CREATE SOURCE {prefix}_src_{i}\n    IN CLUSTER ingest\n    FROM POSTGRES CONNECTION {prefix}_pg_{prev} (PUBLICATION 'mz_source');\n",
                prev = i - 1
            )),
            _ => out.push_str(&format!(
                "CREATE TABLE {prefix}_t_{i} FROM SOURCE {prefix}_src_{prev} (REFERENCE public.orders);\n",
                prev = i - 1
            )),
        }
    }
    out
}

struct Stats(Vec<Duration>);

impl Stats {
    fn ms(&self, quantile: f64) -> f64 {
        let mut sorted = self.0.clone();
        sorted.sort();
        let index = ((sorted.len() as f64 - 1.0) * quantile).round() as usize;
        sorted[index].as_secs_f64() * 1000.0
    }

    fn report(&self, label: &str) {
        println!(
            "{label:<58} p50 {:>8.2} ms   p95 {:>8.2} ms   (n={})",
            self.ms(0.5),
            self.ms(0.95),
            self.0.len()
        );
    }
}

/// Insert a character at `at`, or delete the one inserted last time: the
/// text alternates between two versions, like typing and backspacing.
fn keystroke(ws: &mut Workspace, path: &Path, version: i32, insert: bool, at: u32) {
    let text = ws.text(path).expect("open").to_string();
    let index = LineIndex::new(&text);
    let start = index.line_col(&text, at, ENCODING);
    let (end, new_text) = if insert {
        (start, "x".to_string())
    } else {
        (index.line_col(&text, at + 1, ENCODING), String::new())
    };
    ws.change(
        path,
        version,
        vec![TextChange {
            range: Some((start, end)),
            text: new_text,
        }],
        ENCODING,
    );
}

/// Edit → diagnostics ready to publish, `iterations` times. Also returns
/// the parts: edit + parse + project model, lint, conversion.
fn edit_to_diagnostics(
    ws: &mut Workspace,
    path: &Path,
    at: u32,
    iterations: usize,
) -> (Stats, [Stats; 3]) {
    let mut samples = Vec::with_capacity(iterations);
    let mut parts = [Vec::new(), Vec::new(), Vec::new()];
    for i in 0..iterations {
        let started = Instant::now();
        keystroke(ws, path, i as i32 + 2, i % 2 == 0, at);
        ws.prepare_lint();
        let prepared = started.elapsed();
        let open = ws.open_paths();
        let results = ws.lint(&open);
        let linted = started.elapsed();
        let batch = publishable(ws, results, ENCODING, path_to_uri);
        std::hint::black_box(&batch);
        let total = started.elapsed();
        samples.push(total);
        parts[0].push(prepared);
        parts[1].push(linted - prepared);
        parts[2].push(total - linted);
    }
    let [a, b, c] = parts;
    (Stats(samples), [Stats(a), Stats(b), Stats(c)])
}

fn report_parts(parts: &[Stats; 3]) {
    parts[0].report("    of which edit + parse + project model");
    parts[1].report("    of which lint (the shared driver)");
    parts[2].report("    of which conversion to LSP diagnostics");
}

/// Edit → completion items, `iterations` times, at the end of the text.
fn edit_to_completion(
    ws: &mut Workspace,
    path: &Path,
    at: u32,
    iterations: usize,
) -> (Stats, usize) {
    let mut samples = Vec::with_capacity(iterations);
    let mut count = 0;
    for i in 0..iterations {
        let started = Instant::now();
        keystroke(ws, path, 1000 + i as i32, i % 2 == 0, at);
        ws.prepare();
        let offset = ws.text(path).expect("open").len() as u32;
        let completion = complete(ws, path, offset, true);
        count = completion.items.len();
        let items = completion.items;
        std::hint::black_box(&items);
        samples.push(started.elapsed());
    }
    (Stats(samples), count)
}

fn one_big_file(dir: &Path, iterations: usize) {
    let path = dir.join("big.sql");
    let mut text = statements("big", 1);
    let mut n = 1;
    while text.len() < 1024 * 1024 {
        text = statements("big", n * 2);
        n *= 2;
    }
    // Cut at a statement boundary close to 1 MB.
    let cut = text[..1024 * 1024]
        .rfind(";\n")
        .map_or(text.len(), |i| i + 2);
    text.truncate(cut);
    let count = text.matches(";\n").count();
    // The cursor: a half-typed option value at the end.
    text.push_str("CREATE CONNECTION big_new TO POSTGRES (HOST 'h', PASSWORD SECRET ");
    println!(
        "\n1 MB file: {} bytes, {count} statements, {} lines",
        text.len(),
        LineIndex::new(&text).line_count()
    );

    // The parse alone (`SourceFile::new`), which every edit of this file pays.
    let mut parses = Vec::new();
    for _ in 0..iterations.clamp(1, 10) {
        let started = Instant::now();
        let file = mzlint_linter::SourceFile::new(
            mzlint_linter::FileId(0),
            path.clone(),
            text.clone(),
            None,
        );
        std::hint::black_box(&file);
        parses.push(started.elapsed());
    }
    Stats(parses).report("1 MB file: parse alone (SourceFile::new)");

    let mut ws = Workspace::new(CliOverrides::default(), vec![dir.to_path_buf()]);
    let started = Instant::now();
    ws.open(path.clone(), text.clone(), 1);
    ws.prepare_lint();
    let prepared = started.elapsed();
    let results = ws.lint(std::slice::from_ref(&path));
    let linted = started.elapsed();
    let diagnostics = results.first().map_or(0, |r| r.diagnostics.len());
    let batch = publishable(&ws, results, ENCODING, path_to_uri);
    std::hint::black_box(&batch);
    println!(
        "open + first lint: {:.1} ms (parse + project model {:.1} ms, lint {:.1} ms, to LSP {:.1} ms; {diagnostics} diagnostics)",
        started.elapsed().as_secs_f64() * 1000.0,
        prepared.as_secs_f64() * 1000.0,
        (linted - prepared).as_secs_f64() * 1000.0,
        (started.elapsed() - linted).as_secs_f64() * 1000.0,
    );
    let middle = text.len() as u32 / 2;
    let middle = text[..middle as usize]
        .rfind('\n')
        .map_or(0, |i| i as u32 + 1);
    edit_to_diagnostics(&mut ws, &path, middle, 3); // warm-up
    let (stats, parts) = edit_to_diagnostics(&mut ws, &path, middle, iterations);
    stats.report("1 MB file: edit → diagnostics");
    report_parts(&parts);
    let (stats, items) = edit_to_completion(&mut ws, &path, middle, iterations);
    stats.report(&format!(
        "1 MB file: edit → completion ({items} secrets offered)"
    ));
}

fn ten_thousand_files(dir: &Path, iterations: usize) {
    let root = dir.join("workspace");
    for i in 0..10_000 {
        let sub = root.join(format!("d{:02}", i % 100));
        if i < 100 {
            std::fs::create_dir_all(&sub).expect("mkdir");
        }
        std::fs::write(
            sub.join(format!("f{i:05}.sql")),
            statements(&format!("f{i}"), 8),
        )
        .expect("write");
    }
    let started = Instant::now();
    let mut loader = Loader::new(CliOverrides::default());
    let paths = loader.discover(std::slice::from_ref(&root));
    let discovered = started.elapsed();
    let loaded = loader.load(paths);
    let count = loaded.len();
    let mut ws = Workspace::new(CliOverrides::default(), vec![root.clone()]);
    ws.add_loaded(loaded);
    ws.prepare();
    println!(
        "\n10,000-file workspace: indexed {count} files in {:.0} ms (walk {:.0} ms), project + symbols built",
        started.elapsed().as_secs_f64() * 1000.0,
        discovered.as_secs_f64() * 1000.0
    );

    let path: PathBuf = root.join("d42/f05042.sql");
    let mut text = std::fs::read_to_string(&path).expect("read");
    text.push_str("CREATE CONNECTION edited TO POSTGRES (HOST 'h', PASSWORD SECRET ");
    ws.open(path.clone(), text.clone(), 1);
    let at = text.find("CREATE CONNECTION").expect("a connection") as u32;
    edit_to_diagnostics(&mut ws, &path, at, 3); // warm-up
    let (stats, parts) = edit_to_diagnostics(&mut ws, &path, at, iterations);
    stats.report("10,000 files: edit → diagnostics (one open file)");
    report_parts(&parts);
    let (stats, items) = edit_to_completion(&mut ws, &path, at, iterations);
    stats.report(&format!(
        "10,000 files: edit → completion ({items} secrets offered)"
    ));

    // Hover and definition-type lookups scan the index.
    let started = Instant::now();
    let offset = text.find("PASSWORD SECRET").expect("a reference") as u32 + 17;
    let hover = mzlint_server::engine::hover(&ws, &path, offset);
    println!(
        "10,000 files: one hover on a secret reference: {:.2} ms ({})",
        started.elapsed().as_secs_f64() * 1000.0,
        if hover.is_some() { "found" } else { "none" }
    );
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` runs us too:
    // then do a quick smoke run only.
    let smoke = !std::env::args().any(|a| a == "--bench");
    let only_big = std::env::var("MZLINT_BENCH_ONLY_BIG").is_ok();
    let iterations = std::env::var("MZLINT_BENCH_ITERATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if smoke { 2 } else { 40 });
    let dir = tempfile::Builder::new()
        .prefix("mzlint-bench")
        .tempdir()
        .expect("temp dir");
    println!(
        "mzlint language server latency (in process, same code path as the LSP handlers; debounce excluded), {} samples",
        iterations
    );
    one_big_file(dir.path(), iterations);
    if smoke || only_big {
        return;
    }
    ten_thousand_files(dir.path(), iterations);
}

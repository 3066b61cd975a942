//! The project model at scale: a generated project of 10,000 files.
//!
//! `cargo bench -p mzlint_linter --bench project` prints the time of a full
//! build (parse every file, summarise, merge, lint everything) and of a
//! one-file update the way the language server does it (re-parse the edited
//! file, re-summarise it, merge the summaries, lint that file with the
//! project rules). Figures are in the README.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use mzlint_linter::lint::{lint_files, lint_one_file};
use mzlint_linter::project::{FileSummary, Project};
use mzlint_linter::{FileId, Settings, SourceFile};

/// File `i` defines a secret, a connection using the previous file's SSH
/// tunnel, a tunnel, a source, two tables and a view; every 10th file is
/// upstream SQL with a table, its replica identity and a publication.
fn generate(i: usize) -> (String, String) {
    if i % 10 == 9 {
        let text = format!(
            "CREATE TABLE public.t{i} (id bigint PRIMARY KEY, name text, amount numeric(12,2));\n\
             ALTER TABLE public.t{i} REPLICA IDENTITY FULL;\n\
             CREATE PUBLICATION pub_{i} FOR TABLE public.t{i};\n"
        );
        return (format!("upstream/u{i:05}.sql"), text);
    }
    // The previous Materialize file's tunnel (every 10th file is upstream).
    let prev = match i.checked_sub(1) {
        Some(p) if p % 10 == 9 => p.saturating_sub(1),
        Some(p) => p,
        None => 0,
    };
    let text = format!(
        "CREATE SECRET pw_{i} AS '${{PG_PASSWORD}}';\n\
         CREATE CONNECTION tunnel_{i} TO SSH TUNNEL (HOST 'bastion{i}.internal', USER 'mz', PORT 22);\n\
         CREATE CONNECTION pg_{i} TO POSTGRES (HOST 'db{i}.internal', DATABASE 'shop', USER 'mz',\n    PASSWORD SECRET pw_{i}, SSL MODE 'verify_full', SSH TUNNEL tunnel_{prev});\n\
         CREATE SOURCE src_{i} IN CLUSTER ingest FROM POSTGRES CONNECTION pg_{i} (PUBLICATION 'pub_{i}');\n\
         CREATE TABLE orders_{i} FROM SOURCE src_{i} (REFERENCE public.orders);\n\
         CREATE TABLE items_{i} FROM SOURCE src_{i} (REFERENCE public.items);\n\
         CREATE VIEW v_{i} AS SELECT * FROM orders_{i};\n"
    );
    (format!("materialize/m{i:05}.sql"), text)
}

fn main() {
    let quick = !std::env::args().any(|a| a == "--bench");
    let count = if quick {
        std::env::var("BENCH_FILES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(500)
    } else {
        10_000
    };
    let mut inputs: Vec<(String, String)> = (0..count).map(generate).collect();
    inputs.push((
        "materialize/cluster.sql".into(),
        "CREATE CLUSTER ingest (SIZE = 'M.1-small');\n".into(),
    ));
    inputs.sort();
    let bytes: usize = inputs.iter().map(|(_, t)| t.len()).sum();
    let settings = Settings::default();

    let load = |inputs: &[(String, String)]| -> Vec<SourceFile> {
        use rayon::prelude::*;
        inputs
            .par_iter()
            .enumerate()
            .map(|(i, (path, text))| {
                let upstream = path.starts_with("upstream/");
                SourceFile::new(
                    FileId(i as u32),
                    PathBuf::from(path),
                    text.clone(),
                    Some(upstream),
                )
            })
            .collect()
    };

    let mut best_full = Duration::MAX;
    let mut files = Vec::new();
    for _ in 0..if quick { 1 } else { 3 } {
        let start = Instant::now();
        files = load(&inputs);
        let refs: Vec<&Settings> = files.iter().map(|_| &settings).collect();
        let diagnostics = lint_files(&files, &refs);
        best_full = best_full.min(start.elapsed());
        std::hint::black_box(diagnostics);
    }
    println!(
        "full build: {} files, {:.1} MB: {:.0} ms (parse, model, lint)",
        files.len(),
        bytes as f64 / 1e6,
        best_full.as_secs_f64() * 1e3
    );

    // One-file update: the server keeps the summaries and re-summarises
    // only the edited file.
    let refs: Vec<&Settings> = files.iter().map(|_| &settings).collect();
    let mut summaries: Vec<FileSummary> = files
        .iter()
        .map(|f| FileSummary::of(f, &settings))
        .collect();
    let target = files.len() / 2;
    let mut times = Vec::new();
    for round in 0..if quick { 5 } else { 30 } {
        let start = Instant::now();
        let mut text = files[target].text.clone();
        text.push_str(&format!(
            "-- edit {round}\nCREATE SECRET extra_{round} AS '${{X}}';\n"
        ));
        let edited = SourceFile::new(
            FileId(target as u32),
            files[target].path.clone(),
            text,
            Some(false),
        );
        summaries[target] = FileSummary::of(&edited, &settings);
        files[target] = edited;
        let project = Project::from_summaries(summaries.iter()).with_upstream(&files, &refs);
        let diagnostics = lint_one_file(&files, &refs, &project, FileId(target as u32));
        times.push(start.elapsed());
        std::hint::black_box(diagnostics);
    }
    times.sort();
    let p50 = times[times.len() / 2];
    let p95 = times[(times.len() * 95 / 100).min(times.len() - 1)];
    println!(
        "one-file update in a {}-file project: p50 {:.1} ms, p95 {:.1} ms",
        files.len(),
        p50.as_secs_f64() * 1e3,
        p95.as_secs_f64() * 1e3
    );
}

//! Lexing and parsing throughput on a generated multi-megabyte corpus, with
//! `sqlparser`'s tokenizer on the same input for reference.
//!
//! `cargo bench -p mzlint_syntax --bench parse` prints MB/s (best of several
//! runs, one core). Figures are in the README.

use std::hint::black_box;
use std::time::{Duration, Instant};

use mzlint_syntax::lexer::lex;
use mzlint_syntax::parse;
use sqlparser::dialect::PostgreSqlDialect;
use sqlparser::tokenizer::Tokenizer;

/// The valid spec examples, repeated with fresh names up to `target` bytes.
fn corpus(target: usize) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/spec-examples");
    let base = std::fs::read_to_string(format!("{dir}/valid.sql")).expect("corpus");
    let plan = std::fs::read_to_string(format!("{dir}/plan-invalid.sql")).expect("corpus");
    let mut out = String::with_capacity(target + base.len());
    let mut round = 0;
    while out.len() < target {
        let chunk = if round % 2 == 0 { &base } else { &plan };
        out.push_str(&chunk.replace("pg_main", &format!("pg_main_{round}")));
        out.push('\n');
        round += 1;
    }
    out
}

fn measure(name: &str, bytes: usize, runs: usize, mut f: impl FnMut()) -> f64 {
    let mut best = Duration::MAX;
    for _ in 0..runs {
        let start = Instant::now();
        f();
        best = best.min(start.elapsed());
    }
    let mbps = bytes as f64 / 1e6 / best.as_secs_f64();
    println!(
        "{name:<28} {mbps:>9.1} MB/s   ({:.2} ms for {:.1} MB)",
        best.as_secs_f64() * 1e3,
        bytes as f64 / 1e6
    );
    mbps
}

fn main() {
    // `cargo test --benches` runs this with `--bench` absent: keep it quick.
    let quick = !std::env::args().any(|a| a == "--bench");
    let size = if quick { 200_000 } else { 8_000_000 };
    let runs = if quick { 1 } else { 7 };
    let text = corpus(size);
    println!(
        "corpus: {:.1} MB of Materialize DDL",
        text.len() as f64 / 1e6
    );
    measure("mzlint lexer", text.len(), runs, || {
        black_box(lex(black_box(&text)));
    });
    measure("mzlint lexer + parser", text.len(), runs, || {
        black_box(parse(black_box(&text)));
    });
    let dialect = PostgreSqlDialect {};
    measure("sqlparser tokenizer", text.len(), runs.min(3), || {
        let tokens = Tokenizer::new(&dialect, black_box(&text)).tokenize_with_location();
        let _ = black_box(tokens);
    });
}

//! False-positive guard and coverage for MZ100–MZ103 on the example corpus
//! of `materialize-ddl.md` §7 (`fixtures/spec-examples/`): no valid example
//! triggers them, and each plan-invalid example produces exactly the
//! validity codes expected of it (none for examples other rules own).

use std::collections::BTreeSet;

use mzlint_linter::testing::{lint_project, lint_sql};

const CODES: &[&str] = &["MZ100", "MZ101", "MZ102", "MZ103"];

fn corpus(file: &str) -> String {
    let path = format!(
        "{}/../../fixtures/spec-examples/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).expect("corpus file")
}

/// `(id, statement text)` of each `-- [ID] …` block.
fn examples(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("-- [") {
            let (id, _) = rest.split_once(']').expect("-- [ID] label");
            out.push((id.to_string(), String::new()));
        } else if let Some(last) = out.last_mut() {
            last.1.push_str(line);
            last.1.push('\n');
        }
    }
    out
}

/// The example id whose block holds byte `offset` of `text`.
fn example_at(text: &str, offset: usize) -> String {
    text[..offset]
        .rmatch_indices("-- [")
        .next()
        .map(|(at, _)| text[at + 4..].split(']').next().unwrap_or("?").to_string())
        .unwrap_or_else(|| "?".to_string())
}

#[test]
fn valid_examples_trigger_no_validity_rule() {
    let text = corpus("valid.sql");
    let found: Vec<String> = lint_sql(&text)
        .into_iter()
        .filter(|d| CODES.contains(&d.rule.code))
        .map(|d| {
            format!(
                "[{}] {} {} at {:?}",
                example_at(&text, d.span.start as usize),
                d.rule.code,
                d.message,
                &text[d.span.range()]
            )
        })
        .collect();
    assert!(found.is_empty(), "{found:#?}");
}

/// The validity codes each plan-invalid example must produce; every other
/// example must produce none of them.
fn expected(id: &str) -> &'static [&'static str] {
    match id {
        "X36" | "X49" | "X51" | "X52" | "X55" | "X59" | "X62" | "X64" | "X65" | "X69" | "X75"
        | "X83" | "X97" => &["MZ103"],
        "X42" | "X47" | "X58" | "X72" | "X84" | "X87" | "X88" | "X90" | "X91" | "X92" | "X95" => {
            &["MZ100"]
        }
        "X43" => &["MZ101"],
        "X48" | "X53" | "X63" | "X73" | "X74" | "X85" => &["MZ102"],
        "X98" => &["MZ100", "MZ103"],
        // X40: SSH TUNNEL with AWS PRIVATELINK is MZ305's, not MZ102's.
        _ => &[],
    }
}

#[test]
fn plan_invalid_examples_produce_the_expected_validity_codes() {
    let valid = corpus("valid.sql");
    let mut failures = Vec::new();
    let all = examples(&corpus("plan-invalid.sql"));
    assert!(all.len() >= 60, "the corpus has the §7.3 examples");
    for (id, sql) in all {
        // The valid examples define the objects the invalid ones name
        // (pg_main, kafka_prod, pg_src, …); they come first in project order.
        let files = [
            ("a_valid.sql", valid.as_str()),
            ("b_invalid.sql", sql.as_str()),
        ];
        let got: BTreeSet<&str> = lint_project(&files, None)
            .into_iter()
            .filter(|(path, d)| path == "b_invalid.sql" && CODES.contains(&d.rule.code))
            .map(|(_, d)| d.rule.code)
            .collect();
        let want: BTreeSet<&str> = expected(&id).iter().copied().collect();
        if got != want {
            failures.push(format!("[{id}] expected {want:?}, got {got:?}\n{sql}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

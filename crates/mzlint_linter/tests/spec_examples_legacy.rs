//! The spec's example corpus (`materialize-ddl.md` §7, `fixtures/spec-examples/`)
//! through the legacy, cluster and MZ503 rules: which of MZ503, MZ600, MZ602,
//! MZ604, MZ605 and MZ700–MZ706 each example gets, and nothing else of them.

use std::collections::BTreeMap;

use mzlint_linter::testing::{lint_sql, lint_sql_with};

/// The codes this corpus test is about.
const CODES: &[&str] = &[
    "MZ503", "MZ600", "MZ602", "MZ604", "MZ605", "MZ700", "MZ701", "MZ702", "MZ703", "MZ704",
    "MZ705", "MZ706",
];

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/../../fixtures/spec-examples/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The example id (`V07`) of each `-- [V07] …` marker, with its offset.
fn markers(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix("-- [") {
            if let Some(end) = rest.find(']') {
                out.push((offset, rest[..end].to_string()));
            }
        }
        offset += line.len();
    }
    out
}

/// Example id → sorted codes of this test's rules, for `text` linted as one
/// file.
fn codes_by_example(
    text: &str,
    diagnostics: &[mzlint_linter::Diagnostic],
) -> BTreeMap<String, Vec<String>> {
    let markers = markers(text);
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for d in diagnostics {
        if !CODES.contains(&d.rule.code) {
            continue;
        }
        let start = d.span.start as usize;
        let id = markers
            .iter()
            .rev()
            .find(|(offset, _)| *offset <= start)
            .map_or_else(|| "?".to_string(), |(_, id)| id.clone());
        out.entry(id).or_default().push(d.rule.code.to_string());
    }
    for codes in out.values_mut() {
        codes.sort();
    }
    out
}

fn expected(rows: &[(&str, &[&str])]) -> BTreeMap<String, Vec<String>> {
    rows.iter()
        .map(|(id, codes)| {
            let mut codes: Vec<String> = codes.iter().map(|c| c.to_string()).collect();
            codes.sort();
            (id.to_string(), codes)
        })
        .collect()
}

/// What the valid examples get by default (MZ702 off). Every example not
/// listed gets none of these codes:
/// * V07 `WITH (VALIDATE = false)` on POSTGRES: MZ604;
/// * V11 MySQL `'VERIFY_IDENTITY'`, V13 `SSL MODE required` unquoted,
///   V17 `SECURITY PROTOCOL = 'plaintext'`, V18 `USERNAME`, V33 `INTO`,
///   V34 `IGNORE COLUMNS`: MZ704;
/// * V17 `BROKERS [ … ]`, V20 the `FOR KAFKA` form: MZ703;
/// * sources without IN CLUSTER (V29–V31, V33, V34, V40, V41, V44): MZ600;
/// * V55 unmanaged cluster: MZ605, and its replica's `'25cc'`: MZ602.
const DEFAULT: &[(&str, &[&str])] = &[
    ("V07", &["MZ604"]),
    ("V11", &["MZ704"]),
    ("V13", &["MZ704"]),
    ("V17", &["MZ703", "MZ704"]),
    ("V18", &["MZ704"]),
    ("V20", &["MZ703"]),
    ("V29", &["MZ600"]),
    ("V30", &["MZ600"]),
    ("V31", &["MZ600"]),
    ("V33", &["MZ600", "MZ704"]),
    ("V34", &["MZ600", "MZ704"]),
    ("V40", &["MZ600"]),
    ("V41", &["MZ600"]),
    ("V44", &["MZ600"]),
    ("V55", &["MZ602", "MZ605"]),
];

#[test]
fn valid_examples_by_default() {
    let text = fixture("valid.sql");
    let diagnostics = lint_sql(&text);
    assert!(
        diagnostics.iter().all(|d| d.rule.code != "MZ000"),
        "valid examples must parse"
    );
    assert_eq!(codes_by_example(&text, &diagnostics), expected(DEFAULT));
}

#[test]
fn valid_legacy_examples_with_mz702() {
    let text = fixture("valid.sql");
    let diagnostics = lint_sql_with(&text, "[lint]\nextend-select = [\"MZ702\"]\n");
    // MZ702 on each valid-legacy example, once per legacy clause:
    // V28 TEXT COLUMNS, FOR TABLES, EXPOSE PROGRESS; V29 FOR SCHEMAS;
    // V30 FOR ALL TABLES; V33 TEXT COLUMNS, EXCLUDE COLUMNS, FOR TABLES;
    // V34 IGNORE COLUMNS, FOR TABLES; V40 FORMAT, INCLUDE, ENVELOPE;
    // V41 FORMAT; V44 FOR ALL TABLES; V47 ADD SUBSOURCE.
    let mut rows: BTreeMap<&str, Vec<&str>> = DEFAULT
        .iter()
        .map(|(id, codes)| (*id, codes.to_vec()))
        .collect();
    for (id, count) in [
        ("V28", 3),
        ("V29", 1),
        ("V30", 1),
        ("V33", 3),
        ("V34", 2),
        ("V40", 3),
        ("V41", 1),
        ("V44", 1),
        ("V47", 1),
    ] {
        rows.entry(id)
            .or_default()
            .extend(std::iter::repeat_n("MZ702", count));
    }
    let rows: Vec<(&str, &[&str])> = rows.iter().map(|(id, c)| (*id, c.as_slice())).collect();
    assert_eq!(codes_by_example(&text, &diagnostics), expected(&rows));
}

/// The removed forms of `parse-invalid.sql`: each statement alone, with MZ702
/// enabled (it adds nothing here). None is MZ000: MZ700/MZ701 report them.
#[test]
fn parse_invalid_removed_forms() {
    let text = fixture("parse-invalid.sql");
    let markers = markers(&text);
    let statement = |id: &str| -> String {
        let index = markers.iter().position(|(_, m)| m == id).expect(id);
        let start = markers[index].0;
        let end = markers.get(index + 1).map_or(text.len(), |(o, _)| *o);
        text[start..end].to_string()
    };
    let cases: &[(&str, &[&str])] = &[
        // `FROM KAFKA CONNECTION c TOPIC 't'`, no IN CLUSTER.
        ("X12", &["MZ600", "MZ701"]),
        // `FROM POSTGRES CONNECTION c PUBLICATION 'p'`, no IN CLUSTER.
        ("X13", &["MZ600", "MZ701"]),
        // Source `WITH (SIZE = 'xsmall')`.
        ("X15", &["MZ700"]),
        // SQL Server `CAPTURE INSTANCE`, no IN CLUSTER.
        ("X18", &["MZ600", "MZ701"]),
        // `DROP SUBSOURCE`.
        ("X26", &["MZ701"]),
    ];
    for (id, codes) in cases {
        let sql = statement(id);
        let diagnostics = lint_sql_with(&sql, "[lint]\nextend-select = [\"MZ702\"]\n");
        assert!(
            diagnostics.iter().all(|d| d.rule.code != "MZ000"),
            "{id} must be recovered, not MZ000: {sql}"
        );
        let mut found: Vec<&str> = diagnostics
            .iter()
            .map(|d| d.rule.code)
            .filter(|c| CODES.contains(c))
            .collect();
        found.sort();
        assert_eq!(&found, codes, "{id}: {sql}");
    }
}

//! The spec's example corpus (`materialize-ddl.md` §7) against the value
//! rules MZ104–MZ112: every valid example is clean of them, and each
//! invalid example in their area is reported by the rule the catalog's
//! precedence (rules.md §1.7) gives it — and by no other of them.

use std::collections::BTreeSet;
use std::path::PathBuf;

use mzlint_linter::testing::lint_sql;

/// The codes of the value rules.
const VALUE_RULES: &[&str] = &[
    "MZ104", "MZ105", "MZ106", "MZ107", "MZ108", "MZ109", "MZ110", "MZ111", "MZ112",
];

/// Which value rule reports each invalid example, as settled against the
/// catalog; `None` when the defect belongs to another rule (named in the
/// comment) and no value rule may report it.
const EXPECTED: &[(&str, Option<&str>)] = &[
    // §7.2, parse errors rules.md hands to a precise rule (MZ000 table).
    ("X04", Some("MZ106")), // bare word where a broker string is required (case 10)
    ("X05", Some("MZ106")), // string where a connection name is required (case 9)
    ("X06", Some("MZ107")), // AWS PRIVATELINK pl (PORT 70000)
    ("X07", None),          // PUBLIC KEY 3: MZ000
    // §7.3.
    ("X36", None),          // missing DATABASE: MZ103
    ("X37", Some("MZ104")), // SSL MODE 'prefer'
    ("X38", Some("MZ104")), // POSTGRES SSL MODE 'REQUIRE' (case-sensitive)
    ("X39", Some("MZ105")), // PASSWORD 'hunter2'
    ("X40", None),          // SSH TUNNEL with AWS PRIVATELINK: MZ305
    ("X41", None),          // POSTGRES AWS PRIVATELINK (PORT 5432): MZ305; 5432 is in range
    ("X42", None),          // BROKER on POSTGRES: MZ100
    ("X43", None),          // HOST twice: MZ101
    ("X44", Some("MZ107")), // PORT 70000
    ("X45", Some("MZ106")), // PORT '5432' (case 1; not MZ107)
    ("X46", Some("MZ106")), // DATABASE app.main (case 5)
    ("X47", None),          // DATABASE on MYSQL: MZ100
    ("X48", None),          // AWS CONNECTION with PASSWORD: MZ102
    ("X49", None),          // AWS CONNECTION without SSL MODE: MZ103
    ("X50", Some("MZ104")), // MYSQL SSL MODE 'preferred'
    ("X51", None),          // SQL SERVER without PASSWORD: MZ103
    ("X52", None),          // SQL SERVER verify_ca without CA: MZ103 (the mode itself is valid)
    ("X53", None),          // BROKER with BROKERS: MZ102
    ("X54", Some("MZ108")), // comma in a BROKER string (case 1)
    ("X55", None),          // SASL PASSWORD missing: MZ103
    ("X56", Some("MZ108")), // SSL CERTIFICATE AUTHORITY with PLAINTEXT (case 5)
    ("X57", Some("MZ108")), // SECURITY PROTOCOL 'tls' (case 3)
    ("X58", None),          // SSL MODE on KAFKA: MZ100, not MZ104 (rules.md §1.7)
    ("X59", None),          // SSL CERTIFICATE without SSL KEY: MZ103
    ("X60", Some("MZ106")), // PROGRESS TOPIC REPLICATION FACTOR 0 (case 11)
    ("X61", None),          // CSR URL with a path: no catalog rule checks URL paths
    ("X62", None),          // ACCESS KEY ID without SECRET ACCESS KEY: MZ103
    ("X63", None),          // ACCESS KEY ID with ASSUME ROLE ARN: MZ102
    ("X64", None),          // neither AWS method: MZ103
    ("X65", None),          // AVAILABILITY ZONES missing: MZ103
    ("X66", Some("MZ106")), // AVAILABILITY ZONES 'use1-az1' (case 4)
    ("X67", None),          // AZ name: MZ300
    ("X68", Some("MZ106")), // SSH USER SECRET (case 6)
    ("X69", None),          // CATALOG TYPE missing: MZ103
    ("X70", Some("MZ106")), // VALIDATE = 'yes' (case 3)
    ("X71", None),          // ROTATE KEYS on POSTGRES: MZ501
    ("X72", None),          // ALTER PROGRESS TOPIC: MZ100
    ("X73", None),          // SET and DROP HOST: MZ102
    ("X74", None),          // ROTATE KEYS with SET: MZ102
    ("X75", None),          // no PUBLICATION: MZ103
    ("X76", Some("MZ112")), // DETAILS
    ("X77", Some("MZ110")), // TEXT COLUMNS without a FOR clause (case 4)
    ("X78", Some("MZ110")), // TEXT COLUMNS of a table not added (case 3)
    ("X79", Some("MZ110")), // one-part TEXT COLUMNS entry (case 1)
    ("X80", None),          // FOR ALL TABLES in the forced regime: MZ702 (opt-in)
    ("X81", None),          // legacy regime without FOR: not checked
    ("X82", None),          // REPLICA IDENTITY: MZ404 (upstream)
    ("X83", None),          // no TOPIC: MZ103
    ("X84", None),          // FOR ALL TABLES on KAFKA: MZ100
    ("X85", None),          // START OFFSET with START TIMESTAMP: MZ102
    ("X86", Some("MZ109")), // ENVELOPE UPSERT without a key format (case 1)
    ("X87", None),          // INCLUDE on POSTGRES: MZ100
    ("X88", None),          // SCALE FACTOR on AUCTION: MZ100
    ("X89", None),          // UP TO below AS OF: no catalog rule
    ("X90", None),          // FOR ALL TABLES on COUNTER: MZ100
    ("X91", None),          // column definitions: MZ100
    ("X92", None),          // column names for a Postgres source: MZ100 (kind known)
    ("X93", None),          // reference not found upstream: MZ401 (upstream)
    ("X94", None),          // ALTER SOURCE … DROP SUBSOURCE: MZ701
    ("X95", None),          // ALTER SOURCE SET TIMESTAMP INTERVAL: MZ100
    ("X96", None),          // ADD SUBSOURCE on a Kafka source: MZ501
    ("X97", None),          // managed cluster without SIZE: MZ103
    ("X98", None),          // unmanaged cluster with SIZE: MZ100
    ("X99", None),          // legacy regime: not checked
];

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/spec-examples")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The labelled examples of a fixture: `(label, statement text)`, each
/// statement running from its `-- [Xnn]` comment to the next one.
fn examples(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("-- [") {
            let label = rest.split(']').next().unwrap_or_default().to_string();
            out.push((label, String::new()));
        } else if let Some((_, statement)) = out.last_mut() {
            statement.push_str(line);
            statement.push('\n');
        }
    }
    out
}

fn value_codes(sql: &str) -> BTreeSet<String> {
    lint_sql(sql)
        .into_iter()
        .map(|d| d.code().to_string())
        .filter(|code| VALUE_RULES.contains(&code.as_str()))
        .collect()
}

#[test]
fn valid_examples_are_clean_of_value_rules() {
    let text = fixture("valid.sql");
    let diagnostics = lint_sql(&text);
    let reported: Vec<String> = diagnostics
        .iter()
        .filter(|d| VALUE_RULES.contains(&d.code()))
        .map(|d| format!("{} {} at {:?}", d.code(), d.message, &text[d.span.range()]))
        .collect();
    assert!(reported.is_empty(), "{reported:#?}");
    // The file was linted (it parses): nothing is hidden behind MZ000.
    assert!(diagnostics.iter().all(|d| d.code() != "MZ000"));
}

#[test]
fn every_valid_example_alone_is_clean_of_value_rules() {
    for (label, sql) in examples(&fixture("valid.sql")) {
        assert!(
            value_codes(&sql).is_empty(),
            "{label}: {:?}",
            value_codes(&sql)
        );
    }
}

#[test]
fn invalid_examples_are_reported_by_the_expected_rule() {
    let mut corpus = examples(&fixture("parse-invalid.sql"));
    corpus.extend(examples(&fixture("plan-invalid.sql")));
    let mut checked = 0;
    for (label, expected) in EXPECTED {
        let (_, sql) = corpus
            .iter()
            .find(|(l, _)| l == label)
            .unwrap_or_else(|| panic!("{label} is not in the corpus"));
        let want: BTreeSet<String> = expected.iter().map(|c| c.to_string()).collect();
        assert_eq!(value_codes(sql), want, "{label}: {sql}");
        checked += 1;
    }
    // Every §7.3 example has a settled mapping.
    let plan: Vec<String> = examples(&fixture("plan-invalid.sql"))
        .into_iter()
        .map(|(l, _)| l)
        .collect();
    for label in &plan {
        assert!(
            EXPECTED.iter().any(|(l, _)| l == label),
            "{label} has no mapping"
        );
    }
    assert!(checked >= plan.len());
}

#[test]
fn invalid_examples_in_one_file() {
    // Linted together (the project then knows `pg_main`, `kafka_src`, …),
    // each expected code still appears, on its own example.
    let text = fixture("plan-invalid.sql");
    let diagnostics = lint_sql(&text);
    let examples = examples(&text);
    for (label, expected) in EXPECTED {
        let Some(code) = expected else { continue };
        let Some((_, sql)) = examples.iter().find(|(l, _)| l == label) else {
            continue; // a §7.2 example
        };
        let start = text.find(sql.as_str()).expect("example text") as u32;
        let end = start + sql.len() as u32;
        assert!(
            diagnostics
                .iter()
                .any(|d| d.code() == *code && start <= d.span.start && d.span.end <= end),
            "{label}: no {code} in the whole-file run"
        );
    }
}

#[test]
fn canary_never_leaks_from_value_rules() {
    // Secret-bearing values next to findings of several value rules.
    const CANARY: &str = "mzlint-canary-9c1e7f";
    let sql = format!(
        "CREATE CONNECTION pg TO POSTGRES (HOST 'h', PORT '70000', DATABASE a.b, USER 'u', PASSWORD '{CANARY}', SSL KEY E'{CANARY}', SSL MODE 'prefer');\n\
         CREATE CONNECTION k TO KAFKA (BROKER 'a:1,b:99999', SECURITY PROTOCOL 'SSL', SASL MECHANISMS 'SCRAM', SASL USERNAME 'u', SASL PASSWORD $${CANARY}$$);\n\
         CREATE CONNECTION s3 TO AWS (ACCESS KEY ID \"{CANARY}\".x, SECRET ACCESS KEY '{CANARY}', SESSION TOKEN ('{CANARY}'));\n\
         ALTER CONNECTION pg SET (PASSWORD = '{CANARY}');\n"
    );
    let diagnostics = lint_sql(&sql);
    let ours: Vec<_> = diagnostics
        .iter()
        .filter(|d| VALUE_RULES.contains(&d.code()))
        .collect();
    let codes: BTreeSet<&str> = ours.iter().map(|d| d.code()).collect();
    for code in ["MZ104", "MZ105", "MZ106", "MZ108"] {
        assert!(codes.contains(code), "{code} missing: {codes:?}");
    }
    for d in &ours {
        let mut texts = vec![d.message.clone(), format!("{d:?}")];
        texts.extend(d.help.clone());
        texts.extend(d.notes.clone());
        texts.extend(d.related.iter().map(|r| r.message.clone()));
        if let Some(fix) = &d.fix {
            texts.push(fix.message.clone());
            texts.extend(fix.edits.iter().map(|e| e.content.clone()));
        }
        for text in texts {
            assert!(!text.contains(CANARY), "{}: {text}", d.code());
        }
    }
    let rendered = mzlint_linter::testing::render_sql(&sql, &diagnostics);
    assert!(!rendered.contains(CANARY));
}

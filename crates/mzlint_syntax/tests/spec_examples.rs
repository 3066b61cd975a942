//! Every example statement of `materialize-ddl.md` §7 (copied verbatim into
//! `fixtures/spec-examples/`), checked against its expected outcome:
//! valid and plan-invalid statements parse without a syntax error; parse-
//! invalid ones fail with Materialize's message at the failing token — except
//! where rules.md hands the input to a precise rule (MZ000's recovery table),
//! in which case they must parse.

use mzlint_syntax::parse;

/// Split a corpus file into `(id, label line, statement text)`.
fn examples(file: &str) -> Vec<(String, String, String)> {
    let path = format!(
        "{}/../../fixtures/spec-examples/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect("corpus file");
    let mut out: Vec<(String, String, String)> = Vec::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("-- [") {
            let (id, label) = rest.split_once(']').expect("-- [ID] label");
            out.push((id.to_string(), label.trim().to_string(), String::new()));
        } else if let Some(last) = out.last_mut() {
            last.2.push_str(line);
            last.2.push('\n');
        }
    }
    assert!(!out.is_empty(), "no examples in {file}");
    out
}

fn errors_of(sql: &str) -> Vec<(String, String)> {
    let parsed = parse(sql);
    parsed
        .errors
        .iter()
        .map(|e| (e.message.clone(), sql[e.span.range()].to_string()))
        .collect()
}

#[test]
fn valid_examples_parse_without_errors() {
    for (id, label, sql) in examples("valid.sql") {
        let errors = errors_of(&sql);
        assert!(
            errors.is_empty(),
            "[{id}] {label}: unexpected errors {errors:?}\n{sql}"
        );
        let parsed = parse(&sql);
        assert_eq!(parsed.statements.len(), 1, "[{id}] one statement");
    }
}

#[test]
fn plan_invalid_examples_parse_without_errors() {
    for (id, label, sql) in examples("plan-invalid.sql") {
        let errors = errors_of(&sql);
        assert!(
            errors.is_empty(),
            "[{id}] {label}: unexpected errors {errors:?}\n{sql}"
        );
    }
}

/// What each parse-invalid example must produce.
enum Expect {
    /// MZ000 with exactly this message.
    Message(&'static str),
    /// MZ000 whose message starts with this text.
    Prefix(&'static str),
    /// No MZ000: rules.md reassigns the input to the named rule.
    Reassigned(&'static str),
}

fn expectation(id: &str) -> Expect {
    use Expect::*;
    match id {
        "X01" => Message("Expected left parenthesis, found HOST"),
        "X02" => Message(
            "Expected one of AWS or KAFKA or CONFLUENT or POSTGRES or SSH or SQL or MYSQL or ICEBERG, found identifier \"redis\"",
        ),
        "X03" => Prefix("Expected one of ACCESS or ASSUME or "),
        "X04" | "X05" => Reassigned("MZ106"),
        "X06" => Reassigned("MZ107"),
        "X07" => Message("Expected 1 or 2 after PUBLIC KEY, found number \"3\""),
        "X08" => Message("Expected SCHEMA, found REGISTRY"),
        "X09" => Message("Expected right parenthesis, found comma"),
        // rules.md §2: a string token is described without its content.
        "X10" => Message("Expected right parenthesis, found string literal"),
        "X11" => Message("Expected end of statement, found IN"),
        "X12" | "X13" | "X18" | "X26" => Reassigned("MZ701"),
        "X14" => Reassigned("MZ100"),
        "X15" => Reassigned("MZ700"),
        "X16" => Message("Expected identifier, found right parenthesis"),
        "X17" => Message("Expected left parenthesis, found identifier \"app\""),
        "X19" => Message(
            "Expected one of CLOCK or COUNTER or MARKETING or AUCTION or TPCH or DATUMS or KEY, found identifier \"widgets\"",
        ),
        "X20" => Message("Expected one of JSON or TEXT or BYTES, found CSV"),
        "X21" => Message("Expected end of statement, found WITH"),
        "X22" => Message("Expected end of statement, found REFERENCE"),
        "X23" => Prefix(""),
        "X24" => Message("Expected TABLE, found TEMP"),
        "X25" => Message("Expected one of SUBSOURCE or TABLE, found COLUMN"),
        "X27" => Message("Cannot specify both CASCADE and RESTRICT in DROP"),
        "X28" => Message("Expected an expression, found semicolon"),
        "X29" => Message(
            "Expected one of AVAILABILITY or DISK or INTROSPECTION or MANAGED or REPLICAS or REPLICATION or SIZE or SCHEDULE or WORKLOAD, found semicolon",
        ),
        "X30" => Message("Multiple key constraints not allowed"),
        "X31" => Message("hexadecimal escapes are not supported"),
        "X32" => Message("zero-length delimited identifier"),
        "X33" => Message("Expected end of statement, found dot"),
        "X34" => Prefix("Expected a 32-bit integer"),
        "X35" => Message("unterminated quoted string"),
        other => panic!("no expectation for {other}"),
    }
}

#[test]
fn parse_invalid_examples_fail_as_materialize_does() {
    for (id, label, sql) in examples("parse-invalid.sql") {
        let errors = errors_of(&sql);
        match expectation(&id) {
            Expect::Reassigned(rule) => assert!(
                errors.is_empty(),
                "[{id}] {label}: must parse (reported by {rule}), got {errors:?}"
            ),
            Expect::Message(message) => {
                assert_eq!(errors.len(), 1, "[{id}] {label}: one error, got {errors:?}");
                assert_eq!(errors[0].0, message, "[{id}] {label}");
            }
            Expect::Prefix(prefix) => {
                assert_eq!(errors.len(), 1, "[{id}] {label}: one error, got {errors:?}");
                assert!(
                    errors[0].0.starts_with(prefix),
                    "[{id}] {label}: {:?}",
                    errors[0].0
                );
            }
        }
        // `found <KEYWORD>` errors point at that keyword.
        if let Some((message, text)) = errors.first() {
            if let Some(found) = message.rsplit("found ").next() {
                if found.chars().all(|c| c.is_ascii_uppercase())
                    && !found.is_empty()
                    && found != "EOF"
                {
                    assert!(
                        text.eq_ignore_ascii_case(found),
                        "[{id}] span {text:?} for {message:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn examples_parse_together_as_one_file() {
    // The whole corpus as one batch: errors stay confined to their statement.
    for file in ["valid.sql", "plan-invalid.sql"] {
        let path = format!(
            "{}/../../fixtures/spec-examples/{file}",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(path).unwrap();
        let parsed = parse(&text);
        assert!(parsed.errors.is_empty(), "{file}: {:?}", parsed.errors);
        assert_eq!(parsed.statements.len(), examples(file).len());
    }
}

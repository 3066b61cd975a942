//! Helpers shared by the parser test files.
#![allow(dead_code)]

use mzlint_syntax::ast::{Statement, StatementKind};
use mzlint_syntax::{parse, ParsedFile};

/// The statement of a `materialize-ddl.md` §7 example, by ID, from the
/// corpus in `fixtures/spec-examples/` (`valid.sql`, `parse-invalid.sql`,
/// `plan-invalid.sql`).
pub fn example(id: &str) -> String {
    for file in ["valid.sql", "parse-invalid.sql", "plan-invalid.sql"] {
        let path = format!(
            "{}/../../fixtures/spec-examples/{file}",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(&path).expect("corpus file");
        let mut found = false;
        let mut sql = String::new();
        for line in text.lines() {
            if let Some(rest) = line.strip_prefix("-- [") {
                if found {
                    break;
                }
                found = rest.starts_with(&format!("{id}]"));
            } else if found {
                sql.push_str(line);
                sql.push('\n');
            }
        }
        if found {
            return sql;
        }
    }
    panic!("no example {id}");
}

/// Parse one statement that must have no syntax error.
pub fn parse_ok(sql: &str) -> Statement {
    let parsed = parse(sql);
    assert!(
        parsed.errors.is_empty(),
        "unexpected errors {:?} in\n{sql}",
        parsed.errors
    );
    assert_eq!(parsed.statements.len(), 1, "one statement in\n{sql}");
    parsed.statements.into_iter().next().expect("one statement")
}

/// Parse one statement that must fail: its single error's message and the
/// source text the error points at.
pub fn parse_err(sql: &str) -> (String, String) {
    let parsed = parse(sql);
    assert_eq!(
        parsed.errors.len(),
        1,
        "one error in\n{sql}: {:?}",
        parsed.errors
    );
    assert_eq!(parsed.statements.len(), 1, "one statement in\n{sql}");
    assert!(
        matches!(parsed.statements[0].kind, StatementKind::Error(_)),
        "an error statement"
    );
    let error = &parsed.errors[0];
    (error.message.clone(), sql[error.span.range()].to_string())
}

/// The message of a statement's single error.
pub fn message(sql: &str) -> String {
    parse_err(sql).0
}

/// Every error message of a file.
pub fn messages(parsed: &ParsedFile) -> Vec<String> {
    parsed.errors.iter().map(|e| e.message.clone()).collect()
}

/// `sql` with the content of every string literal replaced by `*` (byte for
/// byte, so spans in a snapshot still line up with the description), so
/// that snapshots hold no string content (rules.md §2).
pub fn masked(sql: &str) -> String {
    use mzlint_syntax::TokenKind;
    let mut out = String::with_capacity(sql.len());
    for token in mzlint_syntax::lexer::lex(sql).tokens {
        let text = token.text(sql);
        let (open, close) = match token.kind {
            TokenKind::String => (1, 1),
            TokenKind::EscapeString | TokenKind::HexString => (2, 1),
            TokenKind::DollarString => {
                let tag = text[1..].find('$').map_or(1, |i| i + 2);
                (tag, tag)
            }
            _ => {
                out.push_str(text);
                continue;
            }
        };
        if text.len() < open + close {
            out.push_str(text);
            continue;
        }
        out.push_str(&text[..open]);
        for c in text[open..text.len() - close].chars() {
            if c == '\n' {
                out.push(c);
            } else {
                out.extend(std::iter::repeat_n('*', c.len_utf8()));
            }
        }
        out.push_str(&text[text.len() - close..]);
    }
    out
}

/// Snapshot the AST of a statement that must parse, with its SQL (string
/// contents masked) as the snapshot's description.
#[macro_export]
macro_rules! snapshot {
    ($name:expr, $sql:expr) => {{
        let sql: &str = &$sql;
        let statement = common::parse_ok(sql);
        let description = common::masked(sql.trim());
        insta::with_settings!({ description => description, omit_expression => true }, {
            insta::assert_debug_snapshot!($name, statement);
        });
    }};
}

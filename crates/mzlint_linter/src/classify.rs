//! Deciding whether a file holds upstream SQL (interfaces.md §6). Which
//! upstream dialect is `mzlint_syntax::upstream::detect_mysql`'s call.

use mzlint_syntax::ast::{ObjectType, StatementKind};
use mzlint_syntax::ParsedFile;

/// True when every statement of a file parsed as Materialize DDL is one an
/// upstream PostgreSQL/MySQL script would hold and a Materialize project
/// would not: publications, replica identity, `CREATE TABLE` with column
/// definitions, `CREATE TYPE … AS ENUM`, `GRANT`, roles and users,
/// `TRUNCATE`, `ALTER SYSTEM`. An empty file is not upstream.
pub fn is_upstream_only(parsed: &ParsedFile, text: &str) -> bool {
    let mut any = false;
    for statement in &parsed.statements {
        any = true;
        let first_words = first_words(text, statement.span.range());
        let upstream = match &statement.kind {
            StatementKind::Upstream(_) => true,
            StatementKind::Shallow(s) if s.object_type == ObjectType::Table => true,
            StatementKind::Opaque(_) | StatementKind::Error(_) => {
                matches!(
                    first_words.as_slice(),
                    // `USE db` exists only in MySQL.
                    [a, ..] if a == "GRANT" || a == "TRUNCATE" || a == "REVOKE" || a == "USE"
                ) || matches!(
                    first_words.as_slice(),
                    // A CREATE TABLE Materialize cannot parse (MySQL backquotes,
                    // ENGINE=…) is upstream DDL.
                    [a, b, ..] if a == "CREATE" && b == "TABLE"
                ) || matches!(
                    first_words.as_slice(),
                    [a, b, ..] if (a == "CREATE" || a == "ALTER")
                        && (b == "ROLE" || b == "USER" || b == "TYPE" || b == "SYSTEM" || b == "SCHEMA")
                ) || matches!(first_words.as_slice(), [a, b, ..] if a == "SET" && b == "SEARCH_PATH")
                    || matches!(first_words.as_slice(), [a, b, ..] if a == "ALTER" && b == "DEFAULT")
            }
            _ => false,
        };
        if !upstream {
            return false;
        }
    }
    any
}

fn first_words(text: &str, range: std::ops::Range<usize>) -> Vec<String> {
    text.get(range)
        .unwrap_or("")
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
        .filter(|w| !w.is_empty())
        .take(2)
        .map(|w| w.to_ascii_uppercase())
        .collect()
}

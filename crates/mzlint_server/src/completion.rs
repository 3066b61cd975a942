//! `textDocument/completion`, decided from the tokens before the cursor in
//! the current statement: statement starts, option names for the list the
//! cursor is in, option values, names of defined objects of the kind the
//! position expects, and rule codes in suppression comments.

use std::path::Path;

use mzlint_linter::options::{self, ValueKind};
use mzlint_linter::registry;
use mzlint_syntax::ast::OptionName;
use mzlint_syntax::{Span, Token, TokenKind};

use crate::context::{
    enclosing_list, option_at, option_values, reference_expectation, statement_tokens, ListOwner,
};
use crate::hover::{display_location, option_markdown};
use crate::symbols::{is_kw, kws_at, Expect, SymKind, SymbolIndex};
use crate::workspace::Workspace;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    Keyword,
    Snippet,
    Option,
    Value,
    Object(SymKind),
    Rule,
}

#[derive(Clone, Debug)]
pub struct Item {
    pub label: String,
    pub kind: ItemKind,
    pub detail: Option<String>,
    /// Markdown.
    pub documentation: Option<String>,
    /// What to insert in place of `replace`.
    pub insert: String,
    /// `insert` is an LSP snippet (`${1:name}`).
    pub snippet: bool,
    pub replace: Span,
}

/// At most this many object names per answer; the answer is then marked
/// incomplete and the client asks again as the user types.
pub const MAX_OBJECT_ITEMS: usize = 1000;

/// A completion answer.
#[derive(Clone, Debug, Default)]
pub struct Completion {
    pub items: Vec<Item>,
    /// More items exist than were sent: ask again after the next keystroke.
    pub incomplete: bool,
}

/// Completion at `offset` of the file at `path`. The workspace must be
/// prepared. `snippets`: the client accepts snippet syntax.
pub fn complete(ws: &Workspace, path: &Path, offset: u32, snippets: bool) -> Completion {
    let Some(file) = ws.file(path) else {
        return Completion::default();
    };
    let mut incomplete = false;
    let items = items_at(ws, file, offset, snippets, &mut incomplete);
    Completion { items, incomplete }
}

fn items_at(
    ws: &Workspace,
    file: &mzlint_linter::SourceFile,
    offset: u32,
    snippets: bool,
    incomplete: &mut bool,
) -> Vec<Item> {
    let offset = offset.min(file.text.len() as u32);
    let source = file.text.as_str();
    let tokens = &file.parsed.tokens;
    // The token the cursor is in or at the end of.
    let i = tokens.partition_point(|t| t.span.end < offset);
    let current = tokens
        .get(i)
        .copied()
        .filter(|t| t.span.start < offset && offset <= t.span.end);
    let mut prefix_start = offset;
    let mut in_string = None;
    if let Some(token) = current {
        match token.kind {
            TokenKind::LineComment | TokenKind::BlockComment => {
                let closed_block = token.kind == TokenKind::BlockComment
                    && token.text(source).ends_with("*/")
                    && offset == token.span.end;
                if closed_block {
                    return Vec::new();
                }
                return suppression_completion(source, token, offset);
            }
            TokenKind::String | TokenKind::EscapeString => {
                let text = token.text(source);
                let closed = text.len() >= 2 && text.ends_with('\'') && offset == token.span.end;
                if !closed {
                    in_string = Some(token);
                    prefix_start = token.span.start;
                }
            }
            TokenKind::Word | TokenKind::QuotedIdent | TokenKind::Number => {
                prefix_start = token.span.start;
            }
            _ => {}
        }
    }
    let before: Vec<Token> = statement_tokens(file, offset)
        .into_iter()
        .filter(|t| t.span.end <= prefix_start)
        .collect();
    let replace = Span::new(prefix_start, offset);
    let symbols = ws.symbols();

    if let Some(string) = in_string {
        let content_start = (string.span.start + 1).min(offset);
        let replace = Span::new(content_start, offset);
        return value_items(source, &before, symbols, replace, false);
    }
    if before.is_empty() {
        return statement_starts(replace, snippets);
    }
    if let Some(items) = head_keywords(source, &before, replace) {
        return items;
    }
    if let Some(expect) = reference_expectation(source, &before) {
        let partial = source
            .get(prefix_start as usize..offset as usize)
            .unwrap_or("");
        return object_items(ws, symbols, expect, replace, partial, incomplete);
    }
    let values = value_items(source, &before, symbols, replace, true);
    if !values.is_empty() {
        return values;
    }
    let partial = source
        .get(prefix_start as usize..offset as usize)
        .unwrap_or("");
    option_items(source, &before, symbols, partial, offset)
}

/// Options of the list the cursor is in, completing the words typed so far.
fn option_items(
    source: &str,
    before: &[Token],
    symbols: Option<&SymbolIndex>,
    partial: &str,
    offset: u32,
) -> Vec<Item> {
    let Some((owner, item_start)) = enclosing_list(source, before, before.len(), symbols) else {
        return Vec::new();
    };
    let typed = &before[item_start..];
    if !typed.iter().all(|t| t.kind == TokenKind::Word) {
        return Vec::new();
    }
    let typed_words: Vec<String> = typed
        .iter()
        .map(|t| t.text(source).to_ascii_uppercase())
        .collect();
    let partial = partial.to_ascii_uppercase();
    let replace_start = typed
        .first()
        .map_or(offset - partial.len() as u32, |t| t.span.start);
    // The options already written in this list are not offered again.
    let present = present_options(source, before, item_start);
    let mut items = Vec::new();
    for name in owner.options() {
        if present.contains(&name) {
            continue;
        }
        let words: Vec<&str> = name.as_str().split(' ').collect();
        let matches = typed_words.len() < words.len()
            && typed_words.iter().zip(&words).all(|(a, b)| a == b)
            && words[typed_words.len()].starts_with(partial.as_str());
        if !matches {
            continue;
        }
        let doc = option_markdown(owner, &name);
        let detail = options::connection_option_doc(&name)
            .map(|d| d.doc.to_string())
            .or_else(|| options::source_option_doc(&name).map(str::to_string));
        items.push(Item {
            label: name.as_str().to_string(),
            kind: ItemKind::Option,
            detail,
            documentation: Some(doc),
            insert: format!("{} ", name.as_str()),
            snippet: false,
            replace: Span::new(replace_start, offset),
        });
    }
    items
}

/// Option names already written in the list holding `before[item_start..]`.
fn present_options(source: &str, before: &[Token], item_start: usize) -> Vec<OptionName> {
    let Some(open) = crate::context::open_paren(before, item_start) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut depth = 0;
    let mut start = open + 1;
    for k in open + 1..item_start {
        match before[k].kind {
            TokenKind::LParen | TokenKind::LBracket => depth += 1,
            TokenKind::RParen | TokenKind::RBracket => depth -= 1,
            TokenKind::Comma if depth == 0 => {
                if let Some((name, _)) = option_at(source, before, start) {
                    out.push(name);
                }
                start = k + 1;
            }
            _ => {}
        }
    }
    out
}

/// Values of the option just written (`SSL MODE |`, `SSL MODE = '|`).
fn value_items(
    source: &str,
    before: &[Token],
    symbols: Option<&SymbolIndex>,
    replace: Span,
    quote: bool,
) -> Vec<Item> {
    let Some((owner, item_start)) = enclosing_list(source, before, before.len(), symbols) else {
        return Vec::new();
    };
    let Some((name, len)) = option_at(source, before, item_start) else {
        return Vec::new();
    };
    let rest = &before[item_start + len..];
    let at_value = rest.is_empty() || (rest.len() == 1 && rest[0].kind == TokenKind::Eq);
    if !at_value {
        return Vec::new();
    }
    let mut items = Vec::new();
    if let Some((values, quoted)) = option_values(owner, &name) {
        for value in values {
            let insert = if quoted && quote {
                format!("'{value}'")
            } else {
                value.to_string()
            };
            items.push(Item {
                label: value.to_string(),
                kind: ItemKind::Value,
                detail: Some(format!("{} value", name.as_str())),
                documentation: None,
                insert,
                snippet: false,
                replace,
            });
        }
    }
    if quote {
        let kind = match owner {
            ListOwner::Connection(t) => options::connection_value_kind(t, &name),
            _ => None,
        };
        if matches!(kind, Some(ValueKind::Secret | ValueKind::StringOrSecret)) {
            // `PASSWORD |`: SECRET <name> for each defined secret.
            if let Some(symbols) = symbols {
                for symbol in symbols.candidates(Expect::Secret) {
                    items.push(Item {
                        label: format!("SECRET {}", symbol_text(symbols, symbol)),
                        kind: ItemKind::Object(SymKind::Secret),
                        detail: Some("secret".into()),
                        documentation: None,
                        insert: format!("SECRET {}", symbol_text(symbols, symbol)),
                        snippet: false,
                        replace,
                    });
                }
            }
            items.push(keyword_item("SECRET", replace));
        }
    }
    items
}

/// The name of a symbol as its definition writes it.
fn symbol_text(_symbols: &SymbolIndex, symbol: &crate::symbols::Symbol) -> String {
    // Qualified only when outside the default schema.
    if symbol.name.schema.is_empty()
        || (symbol.name.database == "materialize" && symbol.name.schema == "public")
    {
        quote_ident(&symbol.name.name)
    } else {
        format!(
            "{}.{}",
            quote_ident(&symbol.name.schema),
            quote_ident(&symbol.name.name)
        )
    }
}

/// Quote a name that would not survive unquoted (upper case, spaces).
fn quote_ident(name: &str) -> String {
    let plain = name
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && name.chars().next().is_some_and(|c| !c.is_ascii_digit());
    if plain {
        name.to_string()
    } else {
        format!("\"{}\"", name.replace('"', "\"\""))
    }
}

/// Names of defined objects a position expects, those containing the
/// `partial` word typed so far (any case), at most [`MAX_OBJECT_ITEMS`].
fn object_items(
    ws: &Workspace,
    symbols: Option<&SymbolIndex>,
    expect: Expect,
    replace: Span,
    partial: &str,
    incomplete: &mut bool,
) -> Vec<Item> {
    let Some(symbols) = symbols else {
        return Vec::new();
    };
    let partial = partial.trim_start_matches('"').to_lowercase();
    let mut candidates: Vec<_> = symbols
        .candidates(expect)
        .into_iter()
        .filter(|s| partial.is_empty() || s.name.name.to_lowercase().contains(&partial))
        .collect();
    if candidates.len() > MAX_OBJECT_ITEMS {
        candidates.truncate(MAX_OBJECT_ITEMS);
        *incomplete = true;
    }
    candidates
        .into_iter()
        .map(|symbol| {
            let name = symbol_text(symbols, symbol);
            let mut detail = symbol.kind.noun().to_string();
            if let Some(label) = symbol.kind.type_label() {
                detail.push_str(&format!(" · {label}"));
            }
            if let Some(file) = ws.file_by_id(symbol.location.file) {
                detail.push_str(&format!(
                    " — {}",
                    display_location(ws, file, symbol.name_span.start)
                ));
            }
            Item {
                label: name.clone(),
                kind: ItemKind::Object(symbol.kind),
                detail: Some(detail),
                documentation: None,
                insert: name,
                snippet: false,
                replace,
            }
        })
        .collect()
}

fn keyword_item(word: &str, replace: Span) -> Item {
    Item {
        label: word.to_string(),
        kind: ItemKind::Keyword,
        detail: None,
        documentation: None,
        insert: format!("{word} "),
        snippet: false,
        replace,
    }
}

/// Keywords right after a statement head: `CREATE |`, `… TO |`, `FROM |`.
fn head_keywords(source: &str, before: &[Token], replace: Span) -> Option<Vec<Item>> {
    let n = before.len();
    let words = |list: &[&str]| {
        list.iter()
            .map(|w| keyword_item(w, replace))
            .collect::<Vec<_>>()
    };
    if n == 1 && is_kw(source, before.first(), "CREATE") {
        return Some(words(&[
            "SECRET",
            "CONNECTION",
            "SOURCE",
            "TABLE",
            "CLUSTER",
            "CLUSTER REPLICA",
            "MATERIALIZED VIEW",
            "VIEW",
            "INDEX",
            "SINK",
        ]));
    }
    if n == 1 && (is_kw(source, before.first(), "ALTER") || is_kw(source, before.first(), "DROP")) {
        return Some(words(&[
            "SECRET",
            "CONNECTION",
            "SOURCE",
            "TABLE",
            "CLUSTER",
            "SINK",
            "VIEW",
        ]));
    }
    let create_connection = kws_at(source, before, 0, &["CREATE", "CONNECTION"])
        || kws_at(
            source,
            before,
            0,
            &["CREATE", "OR", "REPLACE", "CONNECTION"],
        );
    if create_connection && is_kw(source, before.last(), "TO") && open_parens(before) == 0 {
        return Some(words(&[
            "POSTGRES",
            "MYSQL",
            "SQL SERVER",
            "KAFKA",
            "CONFLUENT SCHEMA REGISTRY",
            "AWS",
            "AWS PRIVATELINK",
            "SSH TUNNEL",
            "ICEBERG CATALOG",
        ]));
    }
    let create_source = kws_at(source, before, 0, &["CREATE", "SOURCE"]);
    if create_source && is_kw(source, before.last(), "FROM") && open_parens(before) == 0 {
        return Some(words(&[
            "POSTGRES CONNECTION",
            "MYSQL CONNECTION",
            "SQL SERVER CONNECTION",
            "KAFKA CONNECTION",
            "LOAD GENERATOR",
            "WEBHOOK",
        ]));
    }
    None
}

fn open_parens(tokens: &[Token]) -> i32 {
    tokens.iter().fold(0, |depth, t| match t.kind {
        TokenKind::LParen => depth + 1,
        TokenKind::RParen => depth - 1,
        _ => depth,
    })
}

const STARTS: &[(&str, &str, &str)] = &[
    ("CREATE SECRET", "a secret", "CREATE SECRET ${1:name} AS '${2:value}';"),
    (
        "CREATE CONNECTION … TO POSTGRES",
        "a PostgreSQL connection",
        "CREATE CONNECTION ${1:pg_connection} TO POSTGRES (\n    HOST '${2:host}',\n    PORT 5432,\n    USER '${3:user}',\n    PASSWORD SECRET ${4:pg_password},\n    SSL MODE 'verify_full',\n    DATABASE '${5:database}'\n);",
    ),
    (
        "CREATE CONNECTION … TO MYSQL",
        "a MySQL connection",
        "CREATE CONNECTION ${1:mysql_connection} TO MYSQL (\n    HOST '${2:host}',\n    USER '${3:user}',\n    PASSWORD SECRET ${4:mysql_password},\n    SSL MODE 'verify_identity'\n);",
    ),
    (
        "CREATE CONNECTION … TO KAFKA",
        "a Kafka connection",
        "CREATE CONNECTION ${1:kafka_connection} TO KAFKA (\n    BROKER '${2:broker:9092}',\n    SASL MECHANISMS = 'SCRAM-SHA-512',\n    SASL USERNAME = '${3:user}',\n    SASL PASSWORD = SECRET ${4:kafka_password}\n);",
    ),
    (
        "CREATE CONNECTION … TO CONFLUENT SCHEMA REGISTRY",
        "a schema registry connection",
        "CREATE CONNECTION ${1:csr_connection} TO CONFLUENT SCHEMA REGISTRY (\n    URL '${2:https://registry:8081}'\n);",
    ),
    (
        "CREATE CONNECTION … TO SSH TUNNEL",
        "an SSH tunnel",
        "CREATE CONNECTION ${1:ssh_connection} TO SSH TUNNEL (\n    HOST '${2:bastion}',\n    PORT 22,\n    USER '${3:materialize}'\n);",
    ),
    (
        "CREATE CONNECTION … TO AWS PRIVATELINK",
        "an AWS PrivateLink connection",
        "CREATE CONNECTION ${1:privatelink_connection} TO AWS PRIVATELINK (\n    SERVICE NAME '${2:com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0}',\n    AVAILABILITY ZONES ('${3:use1-az1}')\n);",
    ),
    (
        "CREATE SOURCE … FROM POSTGRES",
        "a PostgreSQL source",
        "CREATE SOURCE ${1:pg_source}\n    IN CLUSTER ${2:ingest}\n    FROM POSTGRES CONNECTION ${3:pg_connection} (PUBLICATION '${4:mz_source}');",
    ),
    (
        "CREATE SOURCE … FROM MYSQL",
        "a MySQL source",
        "CREATE SOURCE ${1:mysql_source}\n    IN CLUSTER ${2:ingest}\n    FROM MYSQL CONNECTION ${3:mysql_connection};",
    ),
    (
        "CREATE SOURCE … FROM KAFKA",
        "a Kafka source",
        "CREATE SOURCE ${1:kafka_source}\n    IN CLUSTER ${2:ingest}\n    FROM KAFKA CONNECTION ${3:kafka_connection} (TOPIC '${4:topic}');",
    ),
    (
        "CREATE TABLE … FROM SOURCE",
        "a table fed by a source",
        "CREATE TABLE ${1:name} FROM SOURCE ${2:source} (REFERENCE ${3:public.table});",
    ),
    (
        "CREATE CLUSTER",
        "a managed cluster",
        "CREATE CLUSTER ${1:name} (SIZE = '${2:100cc}');",
    ),
];

fn statement_starts(replace: Span, snippets: bool) -> Vec<Item> {
    let mut items: Vec<Item> = STARTS
        .iter()
        .map(|(label, detail, body)| Item {
            label: label.to_string(),
            kind: ItemKind::Snippet,
            detail: Some(format!("Create {detail}")),
            documentation: Some(format!("```sql\n{}\n```", strip_snippet(body))),
            insert: if snippets {
                body.to_string()
            } else {
                strip_snippet(body)
            },
            snippet: snippets,
            replace,
        })
        .collect();
    for word in ["CREATE", "ALTER", "DROP", "SET", "VALIDATE CONNECTION"] {
        items.push(keyword_item(word, replace));
    }
    items
}

/// `${1:name}` → `name`, `$0` → nothing.
pub fn strip_snippet(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '$' {
            if chars.peek() == Some(&'{') {
                chars.next();
                while chars.peek().is_some_and(|c| c.is_ascii_digit()) {
                    chars.next();
                }
                if chars.peek() == Some(&':') {
                    chars.next();
                }
                for d in chars.by_ref() {
                    if d == '}' {
                        break;
                    }
                    out.push(d);
                }
                continue;
            }
            if chars.peek().is_some_and(|c| c.is_ascii_digit()) {
                while chars.peek().is_some_and(|c| c.is_ascii_digit()) {
                    chars.next();
                }
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Rule codes after `mzlint: ignore[` or a `,` in its list.
fn suppression_completion(source: &str, token: Token, offset: u32) -> Vec<Item> {
    let text = token.text(source);
    let upto = (offset - token.span.start) as usize;
    let Some(head) = text.get(..upto) else {
        return Vec::new();
    };
    let Some(directive) = head.find("mzlint:") else {
        return Vec::new();
    };
    let Some(open) = head[directive..].find('[').map(|i| i + directive) else {
        return Vec::new();
    };
    if head[open..].contains(']') {
        return Vec::new();
    }
    let item_start = head.rfind([',', '[']).map_or(open + 1, |i| i + 1);
    let typed = head[item_start..].trim_start();
    let start = token.span.start + (upto - typed.len()) as u32;
    let replace = Span::new(start, offset);
    registry::RULES
        .iter()
        .filter(|r| {
            r.code
                .to_ascii_lowercase()
                .starts_with(&typed.to_ascii_lowercase())
                || r.name.starts_with(&typed.to_ascii_lowercase())
        })
        .map(|r| Item {
            label: r.code.to_string(),
            kind: ItemKind::Rule,
            detail: Some(format!("{} — {}", r.name, r.summary)),
            documentation: Some(r.markdown()),
            insert: r.code.to_string(),
            snippet: false,
            replace,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_snippets() {
        assert_eq!(strip_snippet("A ${1:name} B $0"), "A name B ");
        assert_eq!(strip_snippet("'${2:value}';"), "'value';");
    }
}

//! Helpers shared by the legacy (MZ7xx) rules and the cluster rules written
//! alongside them (MZ600): names as written, value text, list-element
//! deletion (rules.md §1.3) and `IN CLUSTER` insertion.

use mzlint_syntax::{Token, TokenKind};

use crate::prelude::*;
use crate::rules::common::{self, double_quoted};

/// An item name as written: each part's source text, joined with `.`
/// (comments or spaces around the dots dropped).
pub(crate) fn name_as_written(source: &str, name: &ItemName) -> String {
    name.parts
        .iter()
        .map(|part| part.span.text(source))
        .collect::<Vec<_>>()
        .join(".")
}

/// The text of `span` with every run of whitespace (and comments) collapsed
/// to one space, for quoting a clause in a message.
pub(crate) fn collapsed_text(tokens: &[Token], source: &str, span: Span) -> String {
    let mut out = String::new();
    let mut pending_space = false;
    for token in tokens_in(tokens, span) {
        if token.kind.is_trivia() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push_str(token.span.text(source));
    }
    out
}

/// How Materialize prints an identifier: bare when it matches
/// `[a-z_][a-z0-9_]*` and is not a sometimes-reserved word, else quoted
/// (`materialize-ddl.md` §1.2).
pub(crate) fn quote_ident(name: &str) -> String {
    const RESERVED: &[&str] = &[
        "with",
        "select",
        "from",
        "where",
        "group",
        "having",
        "qualify",
        "window",
        "order",
        "limit",
        "offset",
        "fetch",
        "options",
        "returning",
        "union",
        "except",
        "intersect",
        "case",
        "on",
        "join",
        "inner",
        "cross",
        "full",
        "left",
        "right",
        "natural",
        "using",
        "set",
        "outer",
        "year",
        "month",
        "day",
        "hour",
        "minute",
        "second",
    ];
    if RESERVED.contains(&name) {
        double_quoted(name)
    } else {
        common::quote_ident(name)
    }
}

/// The fix edit inserting ` IN CLUSTER <default-ingest-cluster>` into a
/// `CREATE SOURCE` without one: after the column list if there is one, else
/// after the name. `None` when the setting is unset.
pub(crate) fn insert_in_cluster(ctx: &StatementContext<'_>, source: &CreateSource) -> Option<Edit> {
    let cluster = ctx.settings().clusters.default_ingest_cluster.as_deref()?;
    let at = match &source.columns {
        Some(columns) => columns.span.end,
        None => source.name.span.end,
    };
    Some(Edit::insert(
        at,
        format!(" IN CLUSTER {}", quote_ident(cluster)),
    ))
}

/// The tokens (trivia included) inside `span`.
pub(crate) fn tokens_in(tokens: &[Token], span: Span) -> impl Iterator<Item = &Token> {
    let first = tokens.partition_point(|t| t.span.end <= span.start);
    tokens[first..]
        .iter()
        .take_while(move |t| t.span.start < span.end)
}

/// Where the whitespace before `offset` starts: deleting from there keeps
/// comments before a deleted clause but not the blank it leaves.
pub(crate) fn whitespace_before(tokens: &[Token], offset: u32) -> u32 {
    let mut index = tokens.partition_point(|t| t.span.start < offset);
    let mut start = offset;
    while index > 0 && tokens[index - 1].kind == TokenKind::Whitespace {
        index -= 1;
        start = tokens[index].span.start;
    }
    start
}

/// A bracketed, comma-separated list as the tokens show it.
#[derive(Debug)]
pub(crate) struct TokenList {
    /// The opening `(` or `[`.
    pub open: Span,
    /// The closing `)` or `]`.
    pub close: Span,
    /// Each element, from its first to its last significant token.
    pub elements: Vec<Span>,
    /// The comma after each element but the last.
    pub commas: Vec<Span>,
}

impl TokenList {
    /// The index of the element containing `span`.
    pub(crate) fn index_of(&self, span: Span) -> Option<usize> {
        self.elements.iter().position(|e| e.contains_span(span))
    }
}

/// The innermost bracketed list whose element contains `span`.
pub(crate) fn enclosing_list(tokens: &[Token], span: Span) -> Option<TokenList> {
    let first = tokens.partition_point(|t| t.span.end <= span.start);
    // Walk back to the unmatched opening bracket.
    let mut depth = 0usize;
    let mut open_index = None;
    for index in (0..first).rev() {
        match tokens[index].kind {
            TokenKind::RParen | TokenKind::RBracket => depth += 1,
            TokenKind::LParen | TokenKind::LBracket => {
                if depth == 0 {
                    open_index = Some(index);
                    break;
                }
                depth -= 1;
            }
            TokenKind::Semicolon => return None,
            _ => {}
        }
    }
    let open_index = open_index?;
    let mut list = TokenList {
        open: tokens[open_index].span,
        close: Span::default(),
        elements: Vec::new(),
        commas: Vec::new(),
    };
    let mut depth = 0usize;
    let mut current: Option<Span> = None;
    for token in &tokens[open_index + 1..] {
        if token.kind.is_trivia() {
            continue;
        }
        match token.kind {
            TokenKind::LParen | TokenKind::LBracket => depth += 1,
            TokenKind::RParen | TokenKind::RBracket if depth == 0 => {
                list.elements.extend(current.take());
                list.close = token.span;
                return list.index_of(span).map(|_| list);
            }
            TokenKind::RParen | TokenKind::RBracket => depth -= 1,
            TokenKind::Comma if depth == 0 => {
                list.elements.extend(current.take());
                list.commas.push(token.span);
                continue;
            }
            TokenKind::Semicolon => return None,
            _ => {}
        }
        current = Some(match current {
            Some(c) => c.cover(token.span),
            None => token.span,
        });
    }
    None
}

/// Delete element `index` of `list` with one adjacent comma (rules.md §1.3,
/// [`crate::fix::list_deletions`]). `None` for a lone element: the caller
/// removes the whole list or clause.
pub(crate) fn delete_element(source: &str, list: &TokenList, index: usize) -> Option<Edit> {
    if list.elements.len() < 2 || index >= list.elements.len() {
        return None;
    }
    delete_elements(source, list, &[index]).into_iter().next()
}

/// Delete the elements at `indexes` of `list`; nothing when that would
/// leave the list empty (the caller removes the whole list or clause).
pub(crate) fn delete_elements(source: &str, list: &TokenList, indexes: &[usize]) -> Vec<Edit> {
    if (0..list.elements.len()).all(|i| indexes.contains(&i)) {
        return Vec::new();
    }
    crate::fix::list_deletions(source, &list.elements, indexes)
        .into_iter()
        .map(Edit::delete)
        .collect()
}

/// Delete a whole clause `span` (`WITH ( … )`, `( … )`) with the whitespace
/// before it.
pub(crate) fn delete_clause(tokens: &[Token], span: Span) -> Edit {
    Edit::delete(Span::new(whitespace_before(tokens, span.start), span.end))
}

/// The keyword token right before `offset` (skipping trivia), when it is
/// the word `keyword` (any case).
pub(crate) fn keyword_before(
    tokens: &[Token],
    source: &str,
    offset: u32,
    keyword: &str,
) -> Option<Span> {
    let index = tokens.partition_point(|t| t.span.start < offset);
    tokens[..index]
        .iter()
        .rev()
        .find(|t| !t.kind.is_trivia())
        .filter(|t| t.kind == TokenKind::Word && t.span.text(source).eq_ignore_ascii_case(keyword))
        .map(|t| t.span)
}

/// Apply `edits` (inside `base`) to the text of `base`.
pub(crate) fn apply_within(source: &str, base: Span, edits: &[Edit]) -> String {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::new();
    let mut at = base.start as usize;
    for edit in sorted {
        let (start, end) = (edit.span.start as usize, edit.span.end as usize);
        if start < at || end > base.end as usize {
            continue;
        }
        out.push_str(&source[at..start]);
        out.push_str(&edit.content);
        at = end;
    }
    out.push_str(&source[at..base.end as usize]);
    out
}

/// The text a secret-bearing (redacted) value would give a string option:
/// a string literal's content or an identifier's value. Read from the
/// token at `span`; only for matching placeholders, never for output.
pub(crate) fn redacted_text(tokens: &[Token], source: &str, span: Span) -> Option<String> {
    let mut inside = tokens_in(tokens, span).filter(|t| !t.kind.is_trivia());
    let token = inside.next()?;
    if inside.next().is_some() || token.span != span {
        return None;
    }
    let text = token.span.text(source);
    match token.kind {
        TokenKind::String | TokenKind::EscapeString | TokenKind::DollarString => {
            Some(mzlint_syntax::lexer::string_value(token.kind, text).into_owned())
        }
        TokenKind::QuotedIdent => Some(mzlint_syntax::lexer::quoted_ident_value(text).into_owned()),
        TokenKind::Word => Some(text.to_lowercase()),
        _ => None,
    }
}

/// Is a string option's value shown in messages? Values of secret-bearing
/// options never are (rules.md §2).
pub(crate) fn is_secret_bearing(name: &OptionName) -> bool {
    matches!(
        name,
        OptionName::Password
            | OptionName::SaslPassword
            | OptionName::SslKey
            | OptionName::SecretAccessKey
            | OptionName::SessionToken
            | OptionName::AccessKeyId
            | OptionName::Credential
    )
}

/// Is `form` a removed option of a source `WITH`, `SET` or `RESET` list
/// (MZ700's SIZE, MZ701's REMOTE, DISK, TIMELINE, IGNORE KEYS, …)?
fn is_removed_with_option(form: &RemovedForm) -> bool {
    matches!(
        form,
        RemovedForm::SourceSize | RemovedForm::RemovedSourceOption(_)
    )
}

/// The edit deleting the removed option at `span` (MZ700, MZ701) from its
/// `WITH (…)`, `SET (…)` or `RESET (…)` list: the element with its comma,
/// or the whole `WITH (…)` when nothing but removed options is left in it.
/// `None` when an `ALTER … SET|RESET` list would be left empty.
pub(crate) fn removed_option_deletion(ctx: &StatementContext<'_>, span: Span) -> Option<Edit> {
    let tokens = &ctx.file.file.parsed.tokens;
    let list = enclosing_list(tokens, span)?;
    let index = list.index_of(span)?;
    let removed: Vec<usize> = ctx
        .statement
        .removed
        .iter()
        .filter(|r| is_removed_with_option(&r.form))
        .filter_map(|r| list.index_of(r.span))
        .collect();
    if (0..list.elements.len()).all(|i| removed.contains(&i)) {
        let with = keyword_before(tokens, ctx.source(), list.open.start, "WITH")?;
        return Some(delete_clause(tokens, Span::new(with.start, list.close.end)));
    }
    delete_element(ctx.source(), &list, index)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(quote_ident("ingest"), "ingest");
        assert_eq!(quote_ident("Ingest"), "\"Ingest\"");
        assert_eq!(quote_ident("my-cluster"), "\"my-cluster\"");
        assert_eq!(quote_ident("select"), "\"select\"");
        assert_eq!(quote_ident("a\"b"), "\"a\"\"b\"");
    }

    fn list_of(sql: &str, needle: &str) -> (Vec<Token>, TokenList, Span) {
        let tokens = mzlint_syntax::lexer::lex(sql).tokens;
        let at = sql.find(needle).expect("needle") as u32;
        let span = Span::new(at, at + needle.len() as u32);
        let list = enclosing_list(&tokens, span).expect("a list");
        (tokens, list, span)
    }

    #[test]
    fn element_deletion() {
        let sql = "WITH (SIZE = 'x', RETAIN HISTORY FOR '1h')";
        let (_, list, span) = list_of(sql, "SIZE = 'x'");
        assert_eq!(list.elements.len(), 2);
        let edit = delete_element(sql, &list, list.index_of(span).unwrap()).unwrap();
        assert_eq!(
            apply_within(sql, Span::new(0, sql.len() as u32), &[edit]),
            "WITH (RETAIN HISTORY FOR '1h')"
        );
        let (_, list, span) = list_of(sql, "RETAIN HISTORY FOR '1h'");
        let edit = delete_element(sql, &list, list.index_of(span).unwrap()).unwrap();
        assert_eq!(
            apply_within(sql, Span::new(0, sql.len() as u32), &[edit]),
            "WITH (SIZE = 'x')"
        );
    }

    #[test]
    fn run_deletion() {
        let sql = "(a 1, b (2, 3), c 3, d 4)";
        let (_, list, _) = list_of(sql, "a 1");
        assert_eq!(list.elements.len(), 4);
        let whole = Span::new(0, sql.len() as u32);
        let edits = delete_elements(sql, &list, &[0, 1]);
        assert_eq!(apply_within(sql, whole, &edits), "(c 3, d 4)");
        let edits = delete_elements(sql, &list, &[1, 3]);
        assert_eq!(apply_within(sql, whole, &edits), "(a 1, c 3)");
        let edits = delete_elements(sql, &list, &[2, 3]);
        assert_eq!(apply_within(sql, whole, &edits), "(a 1, b (2, 3))");
        assert!(delete_elements(sql, &list, &[0, 1, 2, 3]).is_empty());
    }
}

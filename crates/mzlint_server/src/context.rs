//! Where the cursor is, decided from the token stream: the statement around
//! it, the option list it is in and what that list belongs to (a connection
//! of some type, a source of some kind, a cluster, a `WITH` list). Works on
//! half-typed statements, which is what an editor mostly sees.

use mzlint_linter::options;
use mzlint_linter::SourceFile;
use mzlint_syntax::ast::{ConnectionType, OptionName, SourceKind};
use mzlint_syntax::{Token, TokenKind};

use crate::symbols::{
    connection_type_at, is_kw, kws_at, name_at, source_kind_at, Expect, SymKind, SymbolIndex,
};

/// The significant tokens of the statement around `offset`: from after the
/// last `;` that ends at or before `offset` to the next `;`.
pub fn statement_tokens(file: &SourceFile, offset: u32) -> Vec<Token> {
    let significant = file.parsed.tokens.iter().filter(|t| !t.kind.is_trivia());
    let mut current = Vec::new();
    for token in significant {
        if token.kind == TokenKind::Semicolon {
            if token.span.end <= offset {
                current.clear();
                continue;
            }
            break;
        }
        current.push(*token);
    }
    current
}

/// The token (trivia included) containing `offset`, preferring the one that
/// ends at it when the cursor sits between two tokens and the next is
/// whitespace.
pub fn token_at(file: &SourceFile, offset: u32) -> Option<Token> {
    let tokens = &file.parsed.tokens;
    let i = tokens.partition_point(|t| t.span.end < offset);
    let token = *tokens.get(i)?;
    if token.span.end == offset {
        if let Some(next) = tokens.get(i + 1) {
            if next.span.start == offset && !next.kind.is_trivia() && token.kind.is_trivia() {
                return Some(*next);
            }
        }
    }
    Some(token)
}

/// What an option list belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListOwner {
    Connection(ConnectionType),
    Source(SourceKind),
    /// `WITH (…)` of a connection.
    ConnectionWith,
    /// `WITH (…)` of a source.
    SourceWith,
    Cluster,
    Other,
}

impl ListOwner {
    /// The options this list accepts, in the order the tables give.
    pub fn options(self) -> Vec<OptionName> {
        use OptionName::*;
        match self {
            ListOwner::Connection(t) => options::connection_options(t).to_vec(),
            ListOwner::Source(k) => options::source_options(k).to_vec(),
            ListOwner::ConnectionWith => vec![Validate],
            ListOwner::SourceWith => vec![TimestampInterval, RetainHistory],
            ListOwner::Cluster => vec![
                Size,
                ReplicationFactor,
                Managed,
                Replicas,
                AvailabilityZones,
                IntrospectionInterval,
                IntrospectionDebugging,
                Schedule,
            ],
            ListOwner::Other => Vec::new(),
        }
    }

    /// How hover and completion name the context: `POSTGRES connection`.
    pub fn label(self) -> String {
        match self {
            ListOwner::Connection(t) => format!("{} connection", t.as_str()),
            ListOwner::Source(k) => format!("{} source", k.as_str()),
            ListOwner::ConnectionWith => "connection WITH option".into(),
            ListOwner::SourceWith => "source WITH option".into(),
            ListOwner::Cluster => "cluster".into(),
            ListOwner::Other => "option".into(),
        }
    }
}

/// The type of the connection a `CREATE CONNECTION` statement creates, or
/// that an `ALTER CONNECTION` statement alters (from the index).
pub fn statement_connection_type(
    source: &str,
    tokens: &[Token],
    symbols: Option<&SymbolIndex>,
) -> Option<ConnectionType> {
    let mut i = 1;
    if kws_at(source, tokens, i, &["OR", "REPLACE"]) {
        i += 2;
    }
    let create =
        is_kw(source, tokens.first(), "CREATE") && is_kw(source, tokens.get(i), "CONNECTION");
    if create {
        // TO <type> or the legacy FOR <type>, after the name.
        for k in i + 1..tokens.len() {
            if is_kw(source, tokens.get(k), "TO") || is_kw(source, tokens.get(k), "FOR") {
                if let Some((t, _)) = connection_type_at(source, tokens, k + 1) {
                    return Some(t);
                }
            }
            if tokens[k].kind == TokenKind::LParen {
                break;
            }
        }
        return None;
    }
    if kws_at(source, tokens, 0, &["ALTER", "CONNECTION"]) {
        let mut at = 2;
        if kws_at(source, tokens, at, &["IF", "EXISTS"]) {
            at += 2;
        }
        let (name, _) = name_at(source, tokens, at)?;
        let symbols = symbols?;
        return connection_named(symbols, &name.joined());
    }
    None
}

/// The type of a connection by (joined, unresolved) name, when one
/// definition of that name exists.
fn connection_named(symbols: &SymbolIndex, joined: &str) -> Option<ConnectionType> {
    symbols.symbols().find_map(|s| match s.kind {
        SymKind::Connection(Some(t))
            if s.name.name == joined || s.name.to_string().ends_with(joined) =>
        {
            Some(t)
        }
        _ => None,
    })
}

/// What owns the list opened by the `(` at `open` in `tokens`.
pub fn list_owner(
    source: &str,
    tokens: &[Token],
    open: usize,
    symbols: Option<&SymbolIndex>,
) -> ListOwner {
    let word = |k: usize| {
        tokens
            .get(k)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.text(source).to_ascii_uppercase())
    };
    let before = |n: usize| open.checked_sub(n).and_then(word);
    // TO <type> (
    for len in 1..=3 {
        if let Some(at) = open.checked_sub(len) {
            if let Some((t, l)) = connection_type_at(source, tokens, at) {
                if l == len && (is_kw(source, tokens.get(at.wrapping_sub(1)), "TO")) {
                    return ListOwner::Connection(t);
                }
            }
        }
    }
    match before(1).as_deref() {
        Some("WITH") => {
            let connection = is_kw(source, tokens.first(), "CREATE")
                && tokens.iter().take(open).any(|t| {
                    t.kind == TokenKind::Word && t.text(source).eq_ignore_ascii_case("CONNECTION")
                })
                && !tokens.iter().take(open).any(|t| {
                    t.kind == TokenKind::Word && t.text(source).eq_ignore_ascii_case("SOURCE")
                });
            let alter_connection = kws_at(source, tokens, 0, &["ALTER", "CONNECTION"]);
            return if connection || alter_connection {
                ListOwner::ConnectionWith
            } else {
                ListOwner::SourceWith
            };
        }
        Some("SET") | Some("DROP") | Some("RESET") => {
            if let Some(t) = statement_connection_type(source, tokens, symbols) {
                return ListOwner::Connection(t);
            }
        }
        _ => {}
    }
    // FROM <kind> CONNECTION name (   |   FROM LOAD GENERATOR <gen> (
    for (k, token) in tokens.iter().enumerate().take(open) {
        if token.kind == TokenKind::Word && token.text(source).eq_ignore_ascii_case("FROM") {
            if let Some((kind, len)) = source_kind_at(source, tokens, k + 1) {
                let after = k + 1 + len;
                if matches!(kind, SourceKind::LoadGenerator(_)) {
                    if after == open {
                        return ListOwner::Source(kind);
                    }
                } else if is_kw(source, tokens.get(after), "CONNECTION") {
                    if let Some((_, end)) = name_at(source, tokens, after + 1) {
                        if end == open {
                            return ListOwner::Source(kind);
                        }
                    }
                }
            }
        }
    }
    // CREATE CLUSTER name (
    if kws_at(source, tokens, 0, &["CREATE", "CLUSTER"]) && open == 3 {
        return ListOwner::Cluster;
    }
    ListOwner::Other
}

/// The innermost `(` still open at token index `end` (exclusive).
pub fn open_paren(tokens: &[Token], end: usize) -> Option<usize> {
    let mut stack = Vec::new();
    for (k, token) in tokens.iter().enumerate().take(end) {
        match token.kind {
            TokenKind::LParen | TokenKind::LBracket => stack.push(k),
            TokenKind::RParen | TokenKind::RBracket => {
                stack.pop();
            }
            _ => {}
        }
    }
    stack.pop()
}

/// The owner of the list holding token index `at`, and where the current
/// list item starts (after the last `(` or `,` at that depth). Legacy
/// `CREATE CONNECTION … FOR <TYPE> opt …` has no parentheses: its items
/// start after the type words.
pub fn enclosing_list(
    source: &str,
    tokens: &[Token],
    at: usize,
    symbols: Option<&SymbolIndex>,
) -> Option<(ListOwner, usize)> {
    let item_start = |open: usize| {
        let mut start = open + 1;
        let mut depth = 0i32;
        for (k, token) in tokens.iter().enumerate().take(at).skip(open + 1) {
            match token.kind {
                TokenKind::LParen | TokenKind::LBracket => depth += 1,
                TokenKind::RParen | TokenKind::RBracket => depth -= 1,
                TokenKind::Comma if depth == 0 => start = k + 1,
                _ => {}
            }
        }
        start
    };
    if let Some(open) = open_paren(tokens, at) {
        let owner = list_owner(source, tokens, open, symbols);
        return Some((owner, item_start(open)));
    }
    // Legacy FOR <TYPE> without parentheses.
    if kws_at(source, tokens, 0, &["CREATE", "CONNECTION"]) {
        for k in 2..at.min(tokens.len()) {
            if is_kw(source, tokens.get(k), "FOR") {
                if let Some((t, len)) = connection_type_at(source, tokens, k + 1) {
                    let first = k + 1 + len;
                    if first <= at {
                        let mut start = first;
                        for (j, token) in tokens.iter().enumerate().take(at).skip(first) {
                            if token.kind == TokenKind::Comma {
                                start = j + 1;
                            }
                        }
                        return Some((ListOwner::Connection(t), start));
                    }
                }
            }
        }
    }
    None
}

/// Every option name's words, for matching what was written.
fn all_option_names() -> impl Iterator<Item = OptionName> {
    OptionName::ALL.iter().cloned()
}

/// The longest option name written at `tokens[at..]` (words only):
/// (name, token count). `USERNAME` is USER.
pub fn option_at(source: &str, tokens: &[Token], at: usize) -> Option<(OptionName, usize)> {
    let mut best: Option<(OptionName, usize)> = None;
    for name in all_option_names().chain([OptionName::User]) {
        let canonical = name.as_str().to_string();
        let words: Vec<&str> = canonical.split(' ').collect();
        if kws_at(source, tokens, at, &words) && best.as_ref().is_none_or(|(_, n)| words.len() > *n)
        {
            best = Some((name.clone(), words.len()));
        }
    }
    if best.is_none() && is_kw(source, tokens.get(at), "USERNAME") {
        best = Some((OptionName::User, 1));
    }
    best
}

/// Accepted values of an option in a list, for hover and completion:
/// (values, how to write them: quoted strings or bare words).
pub fn option_values(owner: ListOwner, name: &OptionName) -> Option<(Vec<&'static str>, bool)> {
    match (owner, name) {
        (ListOwner::Connection(t), OptionName::SslMode) => {
            let modes = options::canonical_ssl_modes(t);
            (!modes.is_empty()).then(|| (modes.to_vec(), true))
        }
        (_, OptionName::SecurityProtocol) => Some((options::SECURITY_PROTOCOLS.to_vec(), true)),
        (_, OptionName::SaslMechanisms) => Some((options::SASL_MECHANISMS.to_vec(), true)),
        (_, OptionName::CatalogType) => Some((options::CATALOG_TYPES.to_vec(), true)),
        (ListOwner::ConnectionWith, OptionName::Validate) => Some((vec!["true", "false"], false)),
        _ => None,
    }
}

/// What a name position right before the cursor expects: the keywords that
/// precede a reference (`SECRET`, `SSH TUNNEL`, `IN CLUSTER`, …).
pub fn reference_expectation(source: &str, tokens: &[Token]) -> Option<Expect> {
    let mut end = tokens.len();
    if end > 0 && matches!(tokens[end - 1].kind, TokenKind::Eq) {
        end -= 1;
    }
    let t = &tokens[..end];
    let n = t.len();
    let last_is = |words: &[&str]| n >= words.len() && kws_at(source, t, n - words.len(), words);
    let before_is = |k: usize, word: &str| n > k && is_kw(source, t.get(n - 1 - k), word);
    if last_is(&["SECRET"]) {
        // `CREATE SECRET |` names a new secret; `ALTER|DROP SECRET |` and
        // `PASSWORD SECRET |` name an existing one.
        let create = n == 2 && is_kw(source, t.first(), "CREATE");
        return (!create).then_some(Expect::Secret);
    }
    if last_is(&["SSH", "TUNNEL"]) && !before_is(2, "TO") && !before_is(2, "FOR") {
        return Some(Expect::Connection(Some(ConnectionType::SshTunnel)));
    }
    if last_is(&["AWS", "PRIVATELINK"]) && !before_is(2, "TO") && !before_is(2, "FOR") {
        return Some(Expect::Connection(Some(ConnectionType::AwsPrivatelink)));
    }
    if last_is(&["CONNECTION"]) {
        if n >= 2 {
            let previous = t[n - 2].text(source).to_ascii_uppercase();
            let expect = match previous.as_str() {
                "POSTGRES" => Some(ConnectionType::Postgres),
                "MYSQL" => Some(ConnectionType::MySql),
                "SERVER" => Some(ConnectionType::SqlServer),
                "KAFKA" => Some(ConnectionType::Kafka),
                "REGISTRY" => Some(ConnectionType::ConfluentSchemaRegistry),
                "AWS" => Some(ConnectionType::Aws),
                "CATALOG" => Some(ConnectionType::IcebergCatalog),
                "ALTER" | "VALIDATE" | "DROP" => return Some(Expect::Connection(None)),
                _ => return None,
            };
            return Some(Expect::Connection(expect));
        }
        return None;
    }
    if last_is(&["IN", "CLUSTER"])
        || last_is(&["SET", "CLUSTER"])
        || last_is(&["SET", "CLUSTER", "TO"])
    {
        return Some(Expect::Cluster);
    }
    if n == 2 && (last_is(&["ALTER", "CLUSTER"]) || last_is(&["DROP", "CLUSTER"])) {
        return Some(Expect::Cluster);
    }
    if last_is(&["FROM", "SOURCE"]) || last_is(&["OF", "SOURCE"]) {
        return Some(Expect::Source);
    }
    if n == 2 && (last_is(&["ALTER", "SOURCE"]) || last_is(&["DROP", "SOURCE"])) {
        return Some(Expect::Source);
    }
    None
}

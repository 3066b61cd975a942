//! `textDocument/hover`: rule documentation on codes in suppression
//! comments, definitions of object names (their statement, secrets
//! masked), and the meaning and accepted values of option names.

use std::path::Path;

use mzlint_linter::options::{self, ValueKind};
use mzlint_linter::secrets::{Redaction, MASK};
use mzlint_linter::{registry, SourceFile};
use mzlint_syntax::ast::OptionName;
use mzlint_syntax::{Span, Token, TokenKind};

use crate::context::{
    enclosing_list, option_at, option_values, statement_tokens, token_at, ListOwner,
};
use crate::symbols::{connection_type_at, is_kw, Symbol, SymbolIndex};
use crate::workspace::Workspace;

pub struct HoverResult {
    pub markdown: String,
    pub span: Span,
}

/// Hover at `offset` of the file at `path`. The workspace must be prepared.
pub fn hover(ws: &Workspace, path: &Path, offset: u32) -> Option<HoverResult> {
    let file = ws.file(path)?;
    let token = token_at(file, offset)?;
    if token.kind.is_comment() {
        return suppression_hover(&file.text, token, offset);
    }
    let symbols = ws.symbols();
    if let Some(symbols) = symbols {
        if let Some(occurrence) = symbols.occurrence_at(file.id, offset) {
            let markdown = match symbols.resolve(occurrence) {
                Some(symbol) => object_markdown(ws, symbols, symbol),
                None => format!(
                    "**{}** `{}`\n\nNot defined in the workspace.",
                    occurrence.expect_noun(),
                    occurrence_text(file, occurrence.span)
                ),
            };
            return Some(HoverResult {
                markdown,
                span: occurrence.span,
            });
        }
    }
    if token.kind != TokenKind::Word {
        return None;
    }
    option_hover(file, token, offset, symbols)
}

fn occurrence_text(file: &SourceFile, span: Span) -> String {
    file.text.get(span.range()).unwrap_or("").to_string()
}

trait ExpectNoun {
    fn expect_noun(&self) -> &'static str;
}

impl ExpectNoun for crate::symbols::Occurrence {
    fn expect_noun(&self) -> &'static str {
        use crate::symbols::Expect;
        match self.expect {
            Expect::Secret => "secret",
            Expect::Connection(_) => "connection",
            Expect::Cluster => "cluster",
            Expect::Source => "source",
            Expect::Item => "object",
            Expect::Publication => "publication",
        }
    }
}

/// `path:line` relative to the workspace root that holds it.
pub fn display_location(ws: &Workspace, file: &SourceFile, offset: u32) -> String {
    let path = ws
        .roots()
        .iter()
        .find_map(|root| file.path.strip_prefix(root).ok())
        .unwrap_or(&file.path);
    let (row, _) = file.row_col(offset);
    format!("{}:{}", path.to_string_lossy().replace('\\', "/"), row)
}

/// The text of `span` with every secret-bearing value masked.
pub fn redacted_snippet(file: &SourceFile, span: Span) -> String {
    let redaction = Redaction::of(file);
    let mut out = String::new();
    let mut at = span.start as usize;
    let end = (span.end as usize).min(file.text.len());
    for secret in redaction.spans() {
        let (s, e) = (secret.start as usize, secret.end as usize);
        if e <= at || s >= end {
            continue;
        }
        if s > at {
            out.push_str(file.text.get(at..s).unwrap_or(""));
        }
        out.push_str(MASK);
        at = e.max(at);
    }
    if at < end {
        out.push_str(file.text.get(at..end).unwrap_or(""));
    }
    // Long statements: the first lines are enough.
    const MAX_LINES: usize = 25;
    let lines: Vec<&str> = out.lines().collect();
    if lines.len() > MAX_LINES {
        let mut short = lines[..MAX_LINES].join("\n");
        short.push_str("\n…");
        return short;
    }
    out
}

fn object_markdown(ws: &Workspace, symbols: &SymbolIndex, symbol: &Symbol) -> String {
    let Some(file) = ws.file_by_id(symbol.location.file) else {
        return format!("**{}** `{}`", symbol.kind.noun(), symbol.name.name);
    };
    let written = occurrence_text(file, symbol.name_span);
    let mut out = format!("**{}** `{}`", symbol.kind.noun(), written);
    if let Some(label) = symbol.kind.type_label() {
        out.push_str(&format!(" · {label}"));
    }
    if symbol.ns == crate::symbols::Ns::Item {
        out.push_str(&format!("\n\n`{}`", symbol.name));
    }
    out.push_str(&format!(
        "\n\nDefined in `{}`",
        display_location(ws, file, symbol.name_span.start)
    ));
    let others = symbols.definitions_of(symbol.ns, &symbol.name).count();
    if others > 1 {
        out.push_str(&format!(" ({others} definitions in the workspace)"));
    }
    let snippet = redacted_snippet(file, symbol.statement_span);
    out.push_str("\n\n```sql\n");
    out.push_str(&snippet);
    out.push_str(";\n```");
    out
}

/// Hover on a rule code or name inside `-- mzlint: ignore[…]`.
fn suppression_hover(source: &str, token: Token, offset: u32) -> Option<HoverResult> {
    let text = token.text(source);
    let directive = text.find("mzlint:")?;
    let open = directive + text[directive..].find('[')?;
    let close = open + text[open..].find(']').unwrap_or(text.len() - open);
    let base = token.span.start as usize;
    let mut start = open + 1;
    for part in text[open + 1..close].split(',') {
        let end = start + part.len();
        let trimmed_start = start + (part.len() - part.trim_start().len());
        let trimmed_end = end - (part.len() - part.trim_end().len());
        let span = Span::new((base + trimmed_start) as u32, (base + trimmed_end) as u32);
        if span.touches(offset) && !span.is_empty() {
            let rule = registry::find(part.trim())?;
            return Some(HoverResult {
                markdown: format!("{}\n[Documentation]({})", rule.markdown(), rule.url()),
                span,
            });
        }
        start = end + 1;
    }
    None
}

fn value_kind_text(kind: ValueKind) -> &'static str {
    match kind {
        ValueKind::String => "a string ('…') or an identifier",
        ValueKind::StringOrSecret => "a string, or SECRET <name>",
        ValueKind::Secret => "SECRET <name> only",
        ValueKind::Integer => "an integer",
        ValueKind::Boolean => "TRUE, FALSE or nothing",
        ValueKind::StringList => "a list of strings: ('…', …)",
        ValueKind::IntegerList => "a list of integers: (…)",
        ValueKind::Name => "a connection name",
        ValueKind::Broker => "a broker string 'host:port', optionally USING …",
        ValueKind::BrokerList => "a list of brokers: ('host:port', …)",
        ValueKind::Interval => "an interval: INTERVAL '…', '1s', or a number",
        ValueKind::ColumnList => "a list of columns: (…)",
        ValueKind::Any => "any value",
    }
}

/// Documentation of an option in a list: markdown.
pub fn option_markdown(owner: ListOwner, name: &OptionName) -> String {
    let mut out = format!("**{}** — {}", name.as_str(), owner.label());
    let (doc, kind) = match owner {
        ListOwner::Connection(t) => (
            options::connection_option_doc(name).map(|d| d.doc),
            options::connection_value_kind(t, name),
        ),
        ListOwner::Source(_) | ListOwner::SourceWith => {
            (options::source_option_doc(name), options::source_value_kind(name))
        }
        ListOwner::ConnectionWith if *name == OptionName::Validate => (
            Some("Whether Materialize checks the connection when it is created (TRUE by default for POSTGRES, MYSQL, SQL SERVER, KAFKA and CONFLUENT SCHEMA REGISTRY)."),
            Some(ValueKind::Boolean),
        ),
        _ => (
            options::connection_option_doc(name).map(|d| d.doc).or_else(|| options::source_option_doc(name)),
            None,
        ),
    };
    if let Some(doc) = doc {
        out.push_str("\n\n");
        out.push_str(doc);
    }
    if let Some(kind) = kind {
        out.push_str(&format!("\n\nValue: {}", value_kind_text(kind)));
    }
    if let Some((values, quoted)) = option_values(owner, name) {
        let list: Vec<String> = values
            .iter()
            .map(|v| {
                if quoted {
                    format!("`'{v}'`")
                } else {
                    format!("`{v}`")
                }
            })
            .collect();
        out.push_str(&format!("\n\nAccepted values: {}", list.join(", ")));
        if let (ListOwner::Connection(t), OptionName::SslMode) = (owner, name) {
            if let Some(default) = options::default_ssl_mode(t) {
                out.push_str(&format!(" (default `'{default}'`: no TLS)"));
            }
        }
    }
    let accepted = owner.options();
    if !accepted.is_empty() && !accepted.contains(name) {
        let internal = matches!(name, OptionName::PublicKey1 | OptionName::PublicKey2);
        if !internal {
            out.push_str(&format!(
                "\n\n⚠ Not accepted by a {} (MZ100).",
                owner.label()
            ));
        }
    }
    out
}

fn option_hover(
    file: &SourceFile,
    token: Token,
    offset: u32,
    symbols: Option<&SymbolIndex>,
) -> Option<HoverResult> {
    let source = file.text.as_str();
    let tokens = statement_tokens(file, offset);
    let at = tokens.iter().position(|t| t.span == token.span)?;
    // A connection type keyword: TO POSTGRES.
    for back in 0..3 {
        let Some(start) = at.checked_sub(back) else {
            break;
        };
        let after_to = start > 0
            && (is_kw(source, tokens.get(start - 1), "TO")
                || is_kw(source, tokens.get(start - 1), "FOR"));
        if after_to {
            if let Some((t, len)) = connection_type_at(source, &tokens, start) {
                if at < start + len {
                    let names: Vec<String> = mzlint_linter::options::connection_options(t)
                        .iter()
                        .map(|n| format!("`{}`", n.as_str()))
                        .collect();
                    let span =
                        Span::new(tokens[start].span.start, tokens[start + len - 1].span.end);
                    return Some(HoverResult {
                        markdown: format!(
                            "**{}** connection\n\nOptions: {}",
                            t.as_str(),
                            names.join(", ")
                        ),
                        span,
                    });
                }
            }
        }
    }
    let (owner, item_start) = enclosing_list(source, &tokens, at, symbols)?;
    let (name, len) = option_at(source, &tokens, item_start)?;
    if at < item_start || at >= item_start + len {
        return None;
    }
    let span = Span::new(
        tokens[item_start].span.start,
        tokens[item_start + len - 1].span.end,
    );
    Some(HoverResult {
        markdown: option_markdown(owner, &name),
        span,
    })
}

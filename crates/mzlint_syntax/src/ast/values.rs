//! Option values (`materialize-ddl.md` §1.8, §8.2).

use super::{Ident, ItemName, SqlOption};
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StringKind {
    /// `'…'`
    Standard,
    /// `E'…'`
    Escape,
    /// `$tag$…$tag$`
    Dollar,
}

/// A string literal with its decoded value. `Debug` never shows the value:
/// it may be a credential (rules.md §2).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct StringLit {
    pub span: Span,
    pub kind: StringKind,
    pub value: String,
}

impl std::fmt::Debug for StringLit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "StringLit({:?} @ {:?})", self.kind, self.span)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Bracket {
    Paren,
    Square,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    String(StringLit),
    /// `X'…'`: accepted as a generic value, never where `string_lit` is required.
    HexString(Span),
    /// A number, `-` included when written (`-3600000`); `text` as written.
    Number {
        span: Span,
        text: String,
    },
    Bool {
        span: Span,
        value: bool,
    },
    Null(Span),
    /// `INTERVAL '…' [unit]`.
    Interval(Span),
    /// One unquoted or quoted identifier (a keyword counts). String-typed
    /// options take its folded value as text (`SSL MODE require`).
    Ident(Ident),
    /// A dotted name (two or more parts) in a generic value position, or any
    /// name (one part too) where the grammar requires a name (`SSH TUNNEL x`,
    /// `AWS CONNECTION x`), or the resolved bracket form.
    Name(ItemName),
    /// `SECRET name`. `name` is `None` for a bare `SECRET`, which Materialize
    /// then reads as the identifier `secret`.
    Secret {
        span: Span,
        name: Option<ItemName>,
    },
    /// `( v, … )` or `[ v, … ]`; may be empty.
    List {
        span: Span,
        bracket: Bracket,
        items: Vec<Value>,
    },
    /// `MAP[ 'k' => v, … ]`.
    Map {
        span: Span,
        entries: Vec<MapEntry>,
    },
    /// One broker of `BROKER` / `BROKERS` (address must be a string; a bare
    /// word is kept as `Value::Ident` in `address` for MZ106).
    Broker(Broker),
    /// `AWS PRIVATELINK name [(PORT n)]` as a connection option value.
    PrivateLink(PrivateLinkRef),
    /// `RETAIN HISTORY [=] FOR <literal>`.
    RetainHistory {
        span: Span,
        value: Box<Value>,
    },
    /// Cluster `REPLICAS (r1 (SIZE …), …)`.
    Replicas {
        span: Span,
        replicas: Vec<ReplicaDef>,
    },
    /// A value the grammar allows but mzlint does not model (cluster
    /// SCHEDULE, `WAIT UNTIL READY (…)`, `PARTITION BY` expressions, …).
    Opaque(Span),
    /// The value of a secret-bearing option (PASSWORD, SASL PASSWORD, SSL
    /// KEY, …) written as anything but `SECRET name`: only its span and what
    /// kind of value it was (`string literal`, `identifier`, …) are kept, so
    /// the credential cannot leak through the AST. Read the source text at
    /// `span` when a rule must match it (placeholders).
    Redacted {
        span: Span,
        kind: &'static str,
    },
    /// `<word>` in a value or name position, or a psql interpolation
    /// (`:name`, `:'name'`, `:"name"`): a placeholder (rules.md §1.6).
    Placeholder(Span),
}

impl Value {
    pub fn span(&self) -> Span {
        match self {
            Value::String(s) => s.span,
            Value::Ident(i) => i.span,
            Value::Name(n) => n.span,
            Value::Broker(b) => b.span,
            Value::PrivateLink(p) => p.span,
            Value::HexString(span)
            | Value::Number { span, .. }
            | Value::Bool { span, .. }
            | Value::Null(span)
            | Value::Interval(span)
            | Value::Secret { span, .. }
            | Value::List { span, .. }
            | Value::Map { span, .. }
            | Value::RetainHistory { span, .. }
            | Value::Replicas { span, .. }
            | Value::Opaque(span)
            | Value::Redacted { span, .. }
            | Value::Placeholder(span) => *span,
        }
    }

    /// The text a string-typed option receives: a string literal's value or
    /// an unqualified identifier's folded value.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(&s.value),
            Value::Ident(i) => Some(&i.value),
            _ => None,
        }
    }

    /// A short description of the value's kind for messages
    /// (`string literal`, `number`, `identifier`, …).
    pub fn kind_description(&self) -> &'static str {
        match self {
            Value::String(_) => "string literal",
            Value::HexString(_) => "hex string",
            Value::Number { .. } => "number",
            Value::Bool { .. } => "boolean",
            Value::Null(_) => "NULL",
            Value::Interval(_) => "interval",
            Value::Ident(_) => "identifier",
            Value::Name(_) => "qualified name",
            Value::Secret { .. } => "secret reference",
            Value::List { .. } => "list",
            Value::Map { .. } => "map",
            Value::Broker(_) => "broker",
            Value::PrivateLink(_) => "AWS PRIVATELINK reference",
            Value::RetainHistory { .. } => "RETAIN HISTORY value",
            Value::Replicas { .. } => "replica list",
            Value::Opaque(_) => "value",
            Value::Placeholder(_) => "placeholder",
            Value::Redacted { kind, .. } => kind,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct MapEntry {
    pub span: Span,
    pub key: StringLit,
    pub value: Value,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Broker {
    pub span: Span,
    /// Normally `Value::String`; anything else is reported by MZ106.
    pub address: Box<Value>,
    pub tunnel: Option<BrokerTunnel>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct BrokerTunnel {
    /// From `USING` to the end of the tunnel clause.
    pub span: Span,
    pub kind: BrokerTunnelKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum BrokerTunnelKind {
    /// `USING AWS PRIVATELINK name [(AVAILABILITY ZONE 'az', PORT n)]`.
    PrivateLink {
        name: ItemName,
        options: Option<super::OptionList>,
    },
    /// `USING SSH TUNNEL name`.
    SshTunnel { name: ItemName },
}

/// `AWS PRIVATELINK name [(PORT n)]`.
#[derive(Clone, Debug, PartialEq)]
pub struct PrivateLinkRef {
    pub span: Span,
    /// Normally `Value::Ident`/`Value::Name`; a string is kept for MZ106.
    pub name: Box<Value>,
    /// The `(PORT n)` group: its span and the port value.
    pub port: Option<(Span, Box<Value>)>,
}

/// One replica of `REPLICAS (…)`: `name (options)`.
#[derive(Clone, Debug, PartialEq)]
pub struct ReplicaDef {
    pub span: Span,
    pub name: Ident,
    pub options: Vec<SqlOption>,
}

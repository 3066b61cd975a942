//! Helpers shared by the value rules (MZ104–MZ112): the connection options a
//! statement sets (CREATE, or ALTER … SET with the type from the project
//! model), effective option names (rules.md §1.8), placeholders (§1.6),
//! quoting, string-literal offsets and list-element deletion (§1.3).

use crate::options;
use crate::prelude::*;
use crate::rules::common::{altered_connection_type, connection_option_name};

/// One connection option a statement writes: every option of `CREATE
/// CONNECTION`, or the option of each `ALTER CONNECTION … SET (…)`.
pub(crate) struct ConnOption<'a> {
    pub option: &'a SqlOption,
    /// The option it counts as: its own name, or for an unknown word the
    /// option MZ100 maps it to (rules.md §1.8). `None`: an unknown word
    /// MZ100 cannot map.
    pub name: Option<OptionName>,
    /// `None` for an ALTER of a connection the project does not define.
    pub connection_type: Option<ConnectionType>,
    /// The connection's name as written.
    pub connection_name: &'a ItemName,
}

impl ConnOption<'_> {
    /// Does the (known) type accept the option? True when the type is
    /// unknown: MZ100 is silent then, and value rules run.
    pub fn type_accepts(&self) -> bool {
        match (&self.name, self.connection_type) {
            (Some(name), Some(t)) => options::connection_accepts(t, name),
            _ => true,
        }
    }

    pub fn is(&self, name: &OptionName) -> bool {
        self.name.as_ref() == Some(name)
    }
}

/// The connection options the statement writes (empty for other statements).
pub(crate) fn connection_options<'a>(ctx: &StatementContext<'a>) -> Vec<ConnOption<'a>> {
    match &ctx.statement.kind {
        StatementKind::CreateConnection(create) => create
            .options
            .options
            .iter()
            .map(|option| ConnOption {
                option,
                name: connection_option_name(&option.name, Some(create.connection_type)),
                connection_type: Some(create.connection_type),
                connection_name: &create.name,
            })
            .collect(),
        StatementKind::AlterConnection(alter) => {
            let AlterConnectionAction::Actions { actions, .. } = &alter.action else {
                return Vec::new();
            };
            let connection_type = altered_connection_type(ctx, alter);
            actions
                .iter()
                .filter_map(|action| match &action.kind {
                    AlterConnectionItemKind::Set(option) => Some(ConnOption {
                        option,
                        name: connection_option_name(&option.name, connection_type),
                        connection_type,
                        connection_name: &alter.name,
                    }),
                    _ => None,
                })
                .collect()
        }
        _ => Vec::new(),
    }
}

/// Is `value` a placeholder (rules.md §1.6)? Value-shape checks skip these.
pub(crate) fn is_placeholder(ctx: &StatementContext<'_>, value: &Value) -> bool {
    let security = &ctx.settings().security;
    match value {
        Value::Placeholder(_) => true,
        Value::String(s) => security.is_placeholder(&s.value),
        Value::Ident(i) => i.is_placeholder() || security.is_placeholder(&i.value),
        Value::Broker(b) => is_placeholder(ctx, &b.address),
        Value::PrivateLink(p) => is_placeholder(ctx, &p.name),
        Value::Redacted { span, .. } => {
            let text = ctx.text(*span);
            security.is_placeholder(unquote_raw(text))
        }
        _ => false,
    }
}

/// The content of a raw string literal's text, approximately (only used to
/// match placeholders of redacted values): quotes and an `E` prefix removed.
fn unquote_raw(text: &str) -> &str {
    let text = text
        .strip_prefix('E')
        .or_else(|| text.strip_prefix('e'))
        .unwrap_or(text);
    text.strip_prefix('\'')
        .and_then(|t| t.strip_suffix('\''))
        .unwrap_or(text)
}

/// `'text'` with single quotes doubled: a standard string literal.
pub(crate) fn quote_string(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// Is `text` an integer literal (`-?[0-9]+`)?
pub(crate) fn is_integer_text(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// The value of an integer literal; saturates for huge ones (they are out
/// of every range mzlint checks).
pub(crate) fn integer_value(text: &str) -> Option<i128> {
    if !is_integer_text(text) {
        return None;
    }
    let (negative, digits) = match text.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, text),
    };
    let magnitude = digits.parse::<i128>().unwrap_or(i128::MAX / 2);
    Some(if negative { -magnitude } else { magnitude })
}

/// The source span of `len` bytes at byte `offset` of a string literal's
/// decoded value, when the literal's source text holds the value verbatim
/// (no `''`, no escapes). `None` otherwise: callers then use the literal's
/// whole span.
pub(crate) fn string_subspan(
    source: &str,
    lit: &StringLit,
    offset: usize,
    len: usize,
) -> Option<Span> {
    let raw = source.get(lit.span.range())?;
    let prefix = match lit.kind {
        StringKind::Standard => 1,
        StringKind::Escape => 2,
        StringKind::Dollar => raw[1..].find('$')? + 2,
    };
    let suffix = match lit.kind {
        StringKind::Dollar => prefix,
        _ => 1,
    };
    if raw.len() < prefix + suffix {
        return None;
    }
    let content = &raw[prefix..raw.len() - suffix];
    if content != lit.value {
        return None;
    }
    let start = lit.span.start + (prefix + offset) as u32;
    Some(Span::new(start, start + len as u32))
}

/// The text of a name as written (its source text).
pub(crate) fn written<'a>(ctx: &StatementContext<'a>, span: Span) -> &'a str {
    ctx.text(span)
}

/// Describe a non-secret value for a message: its kind and its text as
/// written (`string literal '5432'`, `identifier kafka1`, `number 5432.0`).
pub(crate) fn describe_value(ctx: &StatementContext<'_>, value: &Value) -> String {
    match value {
        Value::String(s) => format!("string literal {}", quote_string(&s.value)),
        Value::Ident(i) => format!("identifier {}", ctx.text(i.span)),
        Value::Name(n) => format!("qualified name {}", ctx.text(n.span)),
        Value::Number { text, .. } => format!("number {text}"),
        Value::HexString(span) => format!("hex string {}", ctx.text(*span)),
        Value::Bool { value, .. } => if *value { "TRUE" } else { "FALSE" }.to_string(),
        Value::Null(_) => "NULL".to_string(),
        Value::Interval(span) => format!("interval {}", ctx.text(*span)),
        Value::Secret { span, .. } => ctx.text(*span).to_string(),
        Value::List { .. } => "a list".to_string(),
        Value::Map { .. } => "a map".to_string(),
        Value::Redacted { kind, .. } => format!("{} (redacted)", redacted_kind(kind)),
        other => other.kind_description().to_string(),
    }
}

/// How §2 lets messages describe a secret-bearing value: `string literal`,
/// `identifier`, `number` or `expression`.
pub(crate) fn redacted_kind(kind: &str) -> &'static str {
    match kind {
        "string literal" | "hex string" => "string literal",
        "identifier" | "qualified name" => "identifier",
        "number" => "number",
        _ => "expression",
    }
}

/// `a` or `an` for a redacted kind.
pub(crate) fn article(word: &str) -> &'static str {
    match word.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u') => "an",
        _ => "a",
    }
}

/// The tables a column entry's qualifier names, and column entries of a
/// TEXT/EXCLUDE COLUMNS list, as parts (folded values).
pub(crate) fn entry_parts(value: &Value) -> Option<(Vec<&Ident>, Span)> {
    match value {
        Value::Ident(i) => Some((vec![i], i.span)),
        Value::Name(n) => Some((n.parts.iter().collect(), n.span)),
        _ => None,
    }
}

/// The friendly product name of a connection type for help texts
/// (`the usual PostgreSQL port is 5432`).
pub(crate) fn product_name(connection_type: ConnectionType) -> Option<&'static str> {
    Some(match connection_type {
        ConnectionType::Postgres => "PostgreSQL",
        ConnectionType::MySql => "MySQL",
        ConnectionType::SqlServer => "SQL Server",
        ConnectionType::SshTunnel => "SSH",
        ConnectionType::Kafka => "Kafka broker",
        _ => return None,
    })
}

#[cfg(test)]
pub(crate) mod test_util {
    //! Assertions the value rules' tests share (on top of `crate::testing`).

    use crate::diagnostic::Diagnostic;
    pub use crate::testing::CANARY;
    use crate::testing::{
        assert_fixes_converge, assert_never_said, code_message_text, lint_sql, of_code, render_sql,
    };

    /// `(code, message, flagged text)` of every diagnostic of `sql`.
    pub fn findings(sql: &str) -> Vec<(String, String, String)> {
        code_message_text(sql, &lint_sql(sql))
    }

    /// `(message, flagged text)` of the diagnostics of one rule.
    pub fn findings_of(code: &str, sql: &str) -> Vec<(String, String)> {
        findings(sql)
            .into_iter()
            .filter(|(c, _, _)| c == code)
            .map(|(_, m, t)| (m, t))
            .collect()
    }

    /// The single diagnostic of `code` in `sql` (panics otherwise).
    pub fn only(code: &str, sql: &str) -> Diagnostic {
        let mut of = of_code(&lint_sql(sql), code);
        assert_eq!(of.len(), 1, "expected one {code} in {sql}: {of:#?}");
        of.remove(0)
    }

    /// A catalog Bad example: `sql` has exactly one diagnostic, a `code`
    /// with this message, flagged text and help. Returned for the fix checks.
    pub fn assert_bad_example(
        code: &str,
        sql: &str,
        message: &str,
        text: &str,
        help: &str,
    ) -> Diagnostic {
        assert_eq!(
            findings(sql),
            vec![(code.to_string(), message.to_string(), text.to_string())]
        );
        let d = only(code, sql);
        assert_eq!(d.help.as_deref(), Some(help));
        d
    }

    /// No diagnostic of any rule.
    pub fn assert_clean(sql: &str) {
        let all = findings(sql);
        assert!(
            all.is_empty(),
            "expected no diagnostics for\n{sql}\ngot {all:#?}"
        );
    }

    /// No diagnostic of `code`.
    pub fn assert_silent(code: &str, sql: &str) {
        let of = findings_of(code, sql);
        assert!(of.is_empty(), "expected no {code} for\n{sql}\ngot {of:#?}");
    }

    /// [`assert_fixes_converge`] with only `code` enabled (other rules'
    /// fixes, such as MZ500's renames, stay out of the way): the text
    /// `--fix --unsafe-fixes` makes of `sql`.
    pub fn fixed(code: &str, sql: &str) -> String {
        assert_fixes_converge(sql, Some(&format!("[lint]\nselect = [\"{code}\"]\n")))
    }

    /// The concise rendering of every diagnostic of `sql`.
    pub fn render(sql: &str) -> String {
        render_sql(sql, &lint_sql(sql))
    }

    /// `needle` appears in no message, help, note, related note, fix title or
    /// fix edit, nor in their debug or concise renderings.
    pub fn assert_absent(needle: &str, sql: &str) {
        let diagnostics = lint_sql(sql);
        assert!(!diagnostics.is_empty(), "nothing reported for {sql}");
        assert_never_said(needle, sql, &diagnostics);
        assert!(!format!("{diagnostics:?}").contains(needle));
    }
}

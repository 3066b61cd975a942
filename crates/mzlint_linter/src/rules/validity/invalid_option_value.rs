use super::values_common::{
    connection_options, describe_value, effective_source_option_name, integer_value,
    is_integer_text, is_placeholder, quote_ident, quote_string, redacted_kind, written,
};
use crate::options::{self, ValueKind};
use crate::prelude::*;

declare_rule! {
/// ## What it does
///
/// Reports an option value of the wrong kind, or outside its set. Value kinds
/// (`materialize-ddl.md` §1.8, §4.1):
///
/// | Kind | Options | Accepts |
/// |---|---|---|
/// | string | HOST, DATABASE, SSL MODE, PROGRESS TOPIC, SECURITY PROTOCOL, SASL MECHANISMS, URL, ASSUME ROLE ARN, ASSUME ROLE SESSION NAME, REGION, ENDPOINT, SERVICE NAME, CATALOG TYPE, WAREHOUSE, SCOPE, PUBLICATION, TOPIC, GROUP ID PREFIX, SSH TUNNEL's USER, cluster SIZE | string literal or unqualified identifier (folded) |
/// | string or secret | USER (other types), SSL CERTIFICATE, SSL CERTIFICATE AUTHORITY, SASL USERNAME, ACCESS KEY ID, SESSION TOKEN, CREDENTIAL | the above or `SECRET <name>` |
/// | integer | PORT, PROGRESS TOPIC REPLICATION FACTOR, START TIMESTAMP, cluster REPLICATION FACTOR | number, optionally negative |
/// | boolean | VALIDATE, MANAGED, INTROSPECTION DEBUGGING | `TRUE`, `FALSE`, or no value (true) |
/// | list | AVAILABILITY ZONES (strings), START OFFSET (integers) | `(…)` or `[…]` |
/// | name | SSH TUNNEL, AWS PRIVATELINK, AWS CONNECTION | identifier or dotted name |
/// | broker | BROKER, BROKERS elements | string literal |
///
/// Reported, with the value as span:
///
/// 1. a string for an integer (`PORT '5432'`);
/// 2. a non-integer number for an integer (`PORT 5432.0`);
/// 3. a string or number for a boolean (`VALIDATE = 'false'`);
/// 4. a scalar where a list is required (`AVAILABILITY ZONES 'use1-az1'`, `START OFFSET 0`);
/// 5. a qualified name for a string (`DATABASE app.main`: `cannot convert object names to text`);
/// 6. `SECRET x` for a string-only option (`HOST SECRET h`; SSH TUNNEL `USER SECRET u`);
/// 7. a number or hex string (or another literal) for a string option;
/// 8. no value for a string, integer, list or name option (span: the option);
/// 9. a string where a connection name is required (`SSH TUNNEL 'bastion'`);
/// 10. a bare word where a broker string is required (`BROKER kafka1`);
/// 11. out-of-set values: CATALOG TYPE not `s3tablesrest` or `rest` (ignoring case); PROGRESS TOPIC
///     REPLICATION FACTOR below 1; a negative START OFFSET element; TOPIC METADATA REFRESH INTERVAL
///     over 1 hour; a negative cluster REPLICATION FACTOR.
///
/// Checked in connection options (CREATE, ALTER … SET, per-broker PrivateLink options, `WITH
/// (VALIDATE …)`), source options, TEXT/EXCLUDE COLUMNS lists (missing value only), and cluster and
/// replica options.
///
/// Not reported: ports out of range (MZ107); SSL MODE, SECURITY PROTOCOL and SASL MECHANISMS values
/// outside their sets (MZ104, MZ108); secret-only options (MZ105); options the connection type or
/// source kind does not accept (MZ100); placeholders; a connection string after `FROM POSTGRES
/// CONNECTION` (MZ701).
///
/// The message is `invalid <OPTION>: expected <kind>, found <value>`, e.g. `invalid PORT: expected a
/// number, found string literal '5432'`. Secret-bearing values are described by kind only.
///
/// ## Why is this bad?
///
/// Materialize rejects the statement during option extraction (`invalid PORT: cannot use value as
/// number`, `invalid AVAILABILITY ZONES: cannot use value as array`).
///
/// ## Example
///
/// ```sql
/// CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', PORT '5432', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');
/// ```
///
/// Use instead:
///
/// ```sql
/// CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', PORT 5432, DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');
/// ```
///
/// ## Fix
///
/// Safe, for: case 1, unquote when the content is an integer; case 3, bare `TRUE`/`FALSE` when the
/// content is true or false in any case; case 4, wrap the value in parentheses; case 9, write the
/// name as an identifier (bare if it matches `[a-z_][a-z0-9_]*`, else double-quoted); case 10,
/// quote the broker. No fix otherwise.
    pub(crate) static RULE = {
        code: "MZ106",
        name: "invalid-option-value",
        severity: Error,
        scope: Statement,
        fix: Safe,
        fix_summary: "safe (some cases)",
        summary: "Value of the wrong kind or outside its set",
        check: Statement(check),
    }
}

/// What a value must look like, for this rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// String literal or unqualified identifier.
    String,
    /// CATALOG TYPE: a string, `s3tablesrest` or `rest`.
    CatalogType,
    /// USER of SSH TUNNEL connections: a string, never a secret.
    SshUser,
    /// A string or `SECRET <name>`.
    StringOrSecret,
    Integer(IntegerRule),
    Boolean,
    StringList,
    /// START OFFSET: nonnegative integers.
    OffsetList,
    /// A connection name.
    Name,
    /// BROKER's value.
    Broker,
    /// BROKERS' value.
    BrokerList,
    /// TEXT/EXCLUDE COLUMNS: only a missing value is checked here (MZ110
    /// judges the entries).
    ColumnList,
    /// TOPIC METADATA REFRESH INTERVAL: at most 1 hour.
    RefreshInterval,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum IntegerRule {
    /// Range checked by MZ107.
    Port,
    /// PROGRESS TOPIC REPLICATION FACTOR: 1 or more.
    Positive,
    /// Cluster REPLICATION FACTOR: 0 or more.
    NonNegative,
    Any,
}

impl Kind {
    /// How the message names what was expected.
    fn expected(self) -> &'static str {
        match self {
            Kind::String | Kind::SshUser => "a string",
            Kind::CatalogType => "'s3tablesrest' or 'rest'",
            Kind::StringOrSecret => "a string or SECRET reference",
            Kind::Integer(_) => "a number",
            Kind::Boolean => "TRUE or FALSE",
            Kind::StringList => "a list such as ('use1-az1')",
            Kind::OffsetList => "a list such as (0)",
            Kind::Name => "a connection name",
            Kind::Broker | Kind::BrokerList => "a string literal such as 'b1.internal:9092'",
            Kind::ColumnList => "a list of columns",
            Kind::RefreshInterval => "an interval",
        }
    }

    /// An option of this kind written without a value is rejected (case 8).
    fn requires_value(self) -> bool {
        !matches!(self, Kind::Boolean | Kind::RefreshInterval)
    }
}

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    let mut checker = Checker { ctx, out };
    match &ctx.statement.kind {
        StatementKind::CreateConnection(create) => {
            checker.connection_options();
            if let Some(with) = &create.with_options {
                checker.validate_options(with);
            }
        }
        StatementKind::AlterConnection(alter) => {
            checker.connection_options();
            if let AlterConnectionAction::Actions {
                with_options: Some(with),
                ..
            } = &alter.action
            {
                checker.validate_options(with);
            }
        }
        StatementKind::CreateSource(source) => {
            if let SourceBody::Connection(conn) = &source.body {
                if let Some(list) = &conn.options {
                    checker.source_options(conn.kind, list);
                }
            }
        }
        StatementKind::CreateTableFromSource(table) => {
            if let Some(list) = &table.with_options {
                checker.column_list_options(list);
            }
        }
        StatementKind::AlterSource(alter) => {
            if let AlterSourceAction::AddSubsources {
                with_options: Some(list),
                ..
            } = &alter.action
            {
                checker.column_list_options(list);
            }
        }
        StatementKind::CreateCluster(cluster) => checker.cluster_options(&cluster.options.options),
        StatementKind::AlterCluster(AlterCluster {
            action: AlterClusterAction::Set { options, .. },
            ..
        }) => checker.cluster_options(&options.options),
        StatementKind::CreateClusterReplica(replica) => {
            checker.replica_options(&replica.options.options)
        }
        _ => {}
    }
}

struct Checker<'c, 'a> {
    ctx: &'c StatementContext<'a>,
    out: &'c mut Vec<Diagnostic>,
}

impl Checker<'_, '_> {
    // -- where values are ---------------------------------------------------

    fn connection_options(&mut self) {
        for conn in connection_options(self.ctx) {
            let Some(name) = &conn.name else { continue };
            if !conn.type_accepts() {
                continue; // MZ100
            }
            let value_kind = match conn.connection_type {
                Some(t) => options::connection_value_kind(t, name),
                None => options::connection_option_doc(name).map(|d| d.kind),
            };
            let kind = match (value_kind, name) {
                (Some(ValueKind::String), OptionName::CatalogType) => Kind::CatalogType,
                (Some(ValueKind::String), OptionName::User) => Kind::SshUser,
                (Some(ValueKind::String), _) => Kind::String,
                (Some(ValueKind::StringOrSecret), _) => Kind::StringOrSecret,
                (Some(ValueKind::Integer), OptionName::Port) => Kind::Integer(IntegerRule::Port),
                (Some(ValueKind::Integer), OptionName::ProgressTopicReplicationFactor) => {
                    Kind::Integer(IntegerRule::Positive)
                }
                (Some(ValueKind::Integer), _) => Kind::Integer(IntegerRule::Any),
                (Some(ValueKind::StringList), _) => Kind::StringList,
                (Some(ValueKind::Name), _) => Kind::Name,
                (Some(ValueKind::Broker), _) => Kind::Broker,
                (Some(ValueKind::BrokerList), _) => Kind::BrokerList,
                // Secret-only options are MZ105's.
                _ => continue,
            };
            self.option(name.as_str(), kind, conn.option);
        }
    }

    fn validate_options(&mut self, list: &OptionList) {
        for option in list.all(OptionName::Validate) {
            self.option("VALIDATE", Kind::Boolean, option);
        }
    }

    fn source_options(&mut self, source_kind: SourceKind, list: &OptionList) {
        if matches!(source_kind, SourceKind::Removed(_) | SourceKind::Yugabyte) {
            return;
        }
        for option in &list.options {
            let Some(name) = effective_source_option_name(&option.name, source_kind) else {
                continue;
            };
            if !options::source_options(source_kind).contains(&name) {
                continue; // MZ100
            }
            let kind = match name {
                OptionName::Publication | OptionName::Topic | OptionName::GroupIdPrefix => {
                    Kind::String
                }
                OptionName::StartOffset => Kind::OffsetList,
                OptionName::StartTimestamp => Kind::Integer(IntegerRule::Any),
                OptionName::TopicMetadataRefreshInterval => Kind::RefreshInterval,
                OptionName::TextColumns | OptionName::ExcludeColumns => Kind::ColumnList,
                _ => continue,
            };
            self.option(name.as_str(), kind, option);
        }
    }

    fn column_list_options(&mut self, list: &OptionList) {
        for option in &list.options {
            if matches!(
                option.name,
                OptionName::TextColumns | OptionName::ExcludeColumns
            ) {
                self.option(option.name.as_str(), Kind::ColumnList, option);
            }
        }
    }

    fn cluster_options(&mut self, options: &[SqlOption]) {
        for option in options {
            let kind = match option.name {
                OptionName::Size => Kind::String,
                OptionName::ReplicationFactor => Kind::Integer(IntegerRule::NonNegative),
                OptionName::Managed | OptionName::IntrospectionDebugging => Kind::Boolean,
                OptionName::AvailabilityZones => Kind::StringList,
                OptionName::Replicas => {
                    if let Some(Value::Replicas { replicas, .. }) = &option.value {
                        for replica in replicas {
                            self.replica_options(&replica.options);
                        }
                    }
                    continue;
                }
                _ => continue,
            };
            self.option(option.name.as_str(), kind, option);
        }
    }

    fn replica_options(&mut self, options: &[SqlOption]) {
        for option in options {
            let kind = match option.name {
                OptionName::Size => Kind::String,
                OptionName::IntrospectionDebugging => Kind::Boolean,
                _ => continue,
            };
            self.option(option.name.as_str(), kind, option);
        }
    }

    // -- checks ---------------------------------------------------------------

    fn option(&mut self, name: &str, kind: Kind, option: &SqlOption) {
        let Some(value) = &option.value else {
            if kind.requires_value() {
                let diagnostic = self
                    .ctx
                    .diagnostic(
                        &RULE,
                        option.span,
                        format!("invalid {name}: expected {}, found no value", kind.expected()),
                    )
                    .with_help(format!(
                        "Materialize rejects an option written without its value; give {name} a value or remove it"
                    ));
                self.out.push(diagnostic);
            }
            return;
        };
        self.value(name, kind, value);
    }

    fn value(&mut self, name: &str, kind: Kind, value: &Value) {
        if is_placeholder(self.ctx, value) {
            return;
        }
        match kind {
            Kind::String | Kind::CatalogType | Kind::SshUser | Kind::StringOrSecret => {
                self.string(name, kind, value)
            }
            Kind::Integer(rule) => self.integer(name, rule, value),
            Kind::Boolean => self.boolean(name, value),
            Kind::StringList | Kind::OffsetList => self.list(name, kind, value),
            Kind::Name => self.name(name, value),
            Kind::Broker => self.broker(name, value),
            Kind::BrokerList => match value {
                Value::List { items, .. } => {
                    for item in items {
                        self.broker(name, item);
                    }
                }
                other => self.wrong_kind(name, kind, other),
            },
            Kind::ColumnList => {}
            Kind::RefreshInterval => self.refresh_interval(name, value),
        }
    }

    fn string(&mut self, name: &str, kind: Kind, value: &Value) {
        let ctx = self.ctx;
        match value {
            Value::String(_) | Value::Ident(_) => {
                if kind == Kind::CatalogType {
                    let text = value.as_text().unwrap_or_default();
                    if !options::CATALOG_TYPES
                        .iter()
                        .any(|t| t.eq_ignore_ascii_case(text))
                    {
                        let found = describe_value(ctx, value);
                        self.push(
                            value.span(),
                            format!("invalid {name}: expected {}, found {found}", kind.expected()),
                            "use 's3tablesrest' for AWS S3 Tables or 'rest' for an Iceberg REST catalog".to_string(),
                            None,
                        );
                    }
                }
            }
            Value::Secret { .. } if kind == Kind::StringOrSecret => {}
            Value::Redacted { kind: redacted, .. } => {
                // A secret-bearing option (ACCESS KEY ID, SESSION TOKEN,
                // CREDENTIAL): describe the value by its kind only.
                let what = redacted_kind(redacted);
                if matches!(*redacted, "string literal" | "identifier") {
                    return;
                }
                let help = if *redacted == "qualified name" {
                    format!("Materialize cannot convert object names to text; write {name} as a string literal or SECRET <name>")
                } else {
                    format!("write {name} as a string literal or SECRET <name>")
                };
                self.push(
                    value.span(),
                    format!(
                        "invalid {name}: expected {}, found {what} (redacted)",
                        kind.expected()
                    ),
                    help,
                    None,
                );
            }
            Value::Secret { .. } => {
                let found = describe_value(ctx, value);
                let help = if kind == Kind::SshUser {
                    "SSH connections do not support supplying USER value as SECRET; write USER as a string literal".to_string()
                } else {
                    format!("{name} does not accept secrets (cannot convert secrets to text); write it as a string literal")
                };
                self.push(
                    value.span(),
                    format!(
                        "invalid {name}: expected {}, found {found}",
                        kind.expected()
                    ),
                    help,
                    None,
                );
            }
            Value::Name(_) => {
                let found = describe_value(ctx, value);
                self.push(
                    value.span(),
                    format!(
                        "invalid {name}: expected {}, found {found}",
                        kind.expected()
                    ),
                    format!(
                        "Materialize cannot convert object names to text; write {name} {}",
                        quote_string(ctx.text(value.span()))
                    ),
                    None,
                );
            }
            other => self.wrong_kind(name, kind, other),
        }
    }

    fn integer(&mut self, name: &str, rule: IntegerRule, value: &Value) {
        let kind = Kind::Integer(rule);
        match value {
            Value::Number { text, span } => {
                let Some(number) = integer_value(text) else {
                    self.push(
                        *span,
                        format!("invalid {name}: expected a whole number, found number {text}"),
                        format!("write {name} as an integer"),
                        None,
                    );
                    return;
                };
                let (bad, expected, help) = match rule {
                    IntegerRule::Positive => (
                        number < 1,
                        "a number greater than 0",
                        format!(
                            "{name} must be greater than 0; omit it to use the broker's default"
                        ),
                    ),
                    IntegerRule::NonNegative => (
                        number < 0,
                        "a nonnegative integer",
                        format!("{name} must be 0 or more"),
                    ),
                    IntegerRule::Port | IntegerRule::Any => return,
                };
                if bad {
                    self.push(
                        *span,
                        format!("invalid {name}: expected {expected}, found {text}"),
                        help,
                        None,
                    );
                }
            }
            Value::String(s) => {
                let content = s.value.as_str();
                let found = describe_value(self.ctx, value);
                let message = format!("invalid {name}: expected a number, found {found}");
                if is_integer_text(content) {
                    self.push(
                        s.span,
                        message,
                        format!("write {name} {content} without quotes"),
                        Some(Fix::safe(
                            "Remove the quotes",
                            vec![Edit::replace(s.span, content)],
                        )),
                    );
                } else {
                    self.push(s.span, message, format!("write {name} as a number"), None);
                }
            }
            other => self.wrong_kind(name, kind, other),
        }
    }

    fn boolean(&mut self, name: &str, value: &Value) {
        match value {
            Value::Bool { .. } => {}
            Value::String(s) => {
                let found = describe_value(self.ctx, value);
                let message = format!("invalid {name}: expected TRUE or FALSE, found {found}");
                let literal = if s.value.eq_ignore_ascii_case("true") {
                    Some("TRUE")
                } else if s.value.eq_ignore_ascii_case("false") {
                    Some("FALSE")
                } else {
                    None
                };
                match literal {
                    Some(literal) => self.push(
                        s.span,
                        message,
                        format!("write {name} = {literal} without quotes"),
                        Some(Fix::safe(
                            format!("Replace with {literal}"),
                            vec![Edit::replace(s.span, literal)],
                        )),
                    ),
                    None => self.push(
                        s.span,
                        message,
                        format!("write {name} = TRUE or {name} = FALSE"),
                        None,
                    ),
                }
            }
            other => self.wrong_kind(name, Kind::Boolean, other),
        }
    }

    fn list(&mut self, name: &str, kind: Kind, value: &Value) {
        match value {
            Value::List { items, .. } => {
                for item in items {
                    if is_placeholder(self.ctx, item) {
                        continue;
                    }
                    if kind == Kind::StringList {
                        match item {
                            Value::String(_) | Value::Ident(_) => {}
                            other => self.wrong_kind(name, Kind::String, other),
                        }
                    } else {
                        self.offset(name, item);
                    }
                }
            }
            Value::String(_) | Value::Ident(_) | Value::Number { .. } => {
                let span = value.span();
                let single = match value {
                    Value::Number { .. } => "a single number",
                    _ => "a single string",
                };
                let text = self.ctx.text(span);
                self.push(
                    span,
                    format!(
                        "invalid {name}: expected {}, found {single}",
                        kind.expected()
                    ),
                    format!("write {name} ({text})"),
                    Some(Fix::safe(
                        "Wrap the value in parentheses",
                        vec![Edit::insert(span.start, "("), Edit::insert(span.end, ")")],
                    )),
                );
            }
            other => self.wrong_kind(name, kind, other),
        }
    }

    /// One START OFFSET element: a nonnegative integer.
    fn offset(&mut self, name: &str, item: &Value) {
        match item {
            Value::Number { text, span } => match integer_value(text) {
                None => self.push(
                    *span,
                    format!("invalid {name}: expected a whole number, found number {text}"),
                    format!("write each {name} element as an integer"),
                    None,
                ),
                Some(n) if n < 0 => self.push(
                    *span,
                    format!("invalid {name}: expected a nonnegative integer, found {text}"),
                    "START OFFSET must be a nonnegative integer: one offset per partition"
                        .to_string(),
                    None,
                ),
                Some(_) => {}
            },
            other => self.integer(name, IntegerRule::Any, other),
        }
    }

    fn name(&mut self, name: &str, value: &Value) {
        match value {
            Value::Name(_) | Value::Ident(_) => {}
            Value::PrivateLink(pl) => {
                if !is_placeholder(self.ctx, &pl.name) {
                    self.name(name, &pl.name);
                }
                if let Some((_, port)) = &pl.port {
                    self.integer("PORT", IntegerRule::Port, port);
                }
            }
            Value::String(s) => {
                let found = describe_value(self.ctx, value);
                let message = format!("invalid {name}: expected a connection name, found {found}");
                if s.value.is_empty() {
                    self.push(
                        s.span,
                        message,
                        format!("write {name} <connection name>"),
                        None,
                    );
                    return;
                }
                let ident = quote_ident(&s.value);
                self.push(
                    s.span,
                    message,
                    format!("write {name} {ident} without quotes"),
                    Some(Fix::safe(
                        format!("Write {ident} as an identifier"),
                        vec![Edit::replace(s.span, ident.clone())],
                    )),
                );
            }
            other => self.wrong_kind(name, Kind::Name, other),
        }
    }

    fn broker(&mut self, name: &str, value: &Value) {
        let Value::Broker(broker) = value else {
            self.wrong_kind(name, Kind::Broker, value);
            return;
        };
        let address = &*broker.address;
        if !is_placeholder(self.ctx, address) {
            match address {
                Value::String(_) => {}
                Value::Ident(_) | Value::Name(_) => {
                    let span = address.span();
                    let text = bare_word_text(self.ctx, address);
                    let quoted = quote_string(&text);
                    let found = describe_value(self.ctx, address);
                    self.push(
                        span,
                        format!(
                            "invalid {name}: expected {}, found {found}",
                            Kind::Broker.expected()
                        ),
                        format!("write {name} {quoted}"),
                        Some(Fix::safe(
                            format!("Quote the broker as {quoted}"),
                            vec![Edit::replace(span, quoted.clone())],
                        )),
                    );
                }
                other => self.wrong_kind(name, Kind::Broker, other),
            }
        }
        if let Some(BrokerTunnel {
            kind:
                BrokerTunnelKind::PrivateLink {
                    options: Some(list),
                    ..
                },
            ..
        }) = &broker.tunnel
        {
            for option in &list.options {
                let kind = match option.name {
                    OptionName::AvailabilityZone => Kind::String,
                    OptionName::Port => Kind::Integer(IntegerRule::Port),
                    _ => continue,
                };
                self.option(option.name.as_str(), kind, option);
            }
        }
    }

    fn refresh_interval(&mut self, name: &str, value: &Value) {
        let Some(ms) = interval_ms(self.ctx, value) else {
            return;
        };
        if ms > 3_600_000.0 {
            let found = match value {
                Value::String(s) => quote_string(&s.value),
                other => self.ctx.text(other.span()).to_string(),
            };
            self.push(
                value.span(),
                format!("invalid {name}: expected at most 1 hour, found {found}"),
                format!("{name} cannot be greater than 1 hour"),
                None,
            );
        }
    }

    /// A value of the wrong kind with no more specific case (7 and others).
    fn wrong_kind(&mut self, name: &str, kind: Kind, value: &Value) {
        let found = describe_value(self.ctx, value);
        let help = match kind {
            Kind::String | Kind::SshUser | Kind::CatalogType => {
                format!("write {name} as a string literal")
            }
            Kind::StringOrSecret => format!("write {name} as a string literal or SECRET <name>"),
            Kind::Integer(_) => format!("write {name} as a number"),
            Kind::Boolean => format!("write {name} = TRUE or {name} = FALSE"),
            Kind::StringList | Kind::OffsetList => format!("write {name} as a parenthesized list"),
            Kind::Name => format!("write {name} followed by a connection name"),
            Kind::Broker | Kind::BrokerList => format!("write {name} as a quoted 'host:port'"),
            Kind::ColumnList | Kind::RefreshInterval => format!("check the value of {name}"),
        };
        self.push(
            value.span(),
            format!(
                "invalid {name}: expected {}, found {found}",
                kind.expected()
            ),
            help,
            None,
        );
    }

    fn push(&mut self, span: Span, message: String, help: String, fix: Option<Fix>) {
        let diagnostic = self
            .ctx
            .diagnostic(&RULE, span, message)
            .with_help(help)
            .with_fix_opt(fix);
        self.out.push(diagnostic);
    }
}

/// The text a bare broker word stands for: as written when unquoted (a host
/// name's case does not matter), the identifiers' values otherwise.
fn bare_word_text(ctx: &StatementContext<'_>, value: &Value) -> String {
    match value {
        Value::Ident(i) if !i.quoted => written(ctx, i.span).to_string(),
        Value::Ident(i) => i.value.clone(),
        Value::Name(n) if n.parts.iter().all(|p| !p.quoted) => written(ctx, n.span).to_string(),
        Value::Name(n) => n.joined(),
        other => written(ctx, other.span()).to_string(),
    }
}

/// An interval option's length in milliseconds, when mzlint can read it: a
/// string such as `'30s'`, `'1h 30m'` or `'01:00:00'`, an `INTERVAL '…'
/// [unit]` literal, or a number (seconds).
fn interval_ms(ctx: &StatementContext<'_>, value: &Value) -> Option<f64> {
    match value {
        Value::String(s) => parse_interval(&s.value, None),
        Value::Number { text, .. } => text.parse::<f64>().ok().map(|s| s * 1000.0),
        Value::Interval(span) => {
            let text = ctx.text(*span);
            let open = text.find('\'')?;
            let close = open + 1 + text[open + 1..].find('\'')?;
            let unit = text[close + 1..].split_whitespace().next();
            parse_interval(&text[open + 1..close], unit)
        }
        _ => None,
    }
}

fn unit_ms(unit: &str) -> Option<f64> {
    Some(match unit.to_ascii_lowercase().as_str() {
        "ms" | "msec" | "msecs" | "millisecond" | "milliseconds" => 1.0,
        "s" | "sec" | "secs" | "second" | "seconds" => 1_000.0,
        "m" | "min" | "mins" | "minute" | "minutes" => 60_000.0,
        "h" | "hr" | "hrs" | "hour" | "hours" => 3_600_000.0,
        "d" | "day" | "days" => 86_400_000.0,
        "w" | "week" | "weeks" => 604_800_000.0,
        _ => return None,
    })
}

/// Parse `'30s'`, `'1 hour'`, `'1h 30m'`, `'01:00:00'`; a bare number is in
/// `default_unit` (an `INTERVAL '2' HOUR` unit), else seconds.
fn parse_interval(text: &str, default_unit: Option<&str>) -> Option<f64> {
    let text = text.trim();
    if text.contains(':') {
        let parts: Vec<f64> = text
            .split(':')
            .map(|p| p.trim().parse::<f64>().ok())
            .collect::<Option<_>>()?;
        let (h, m, s) = match parts.as_slice() {
            [h, m] => (*h, *m, 0.0),
            [h, m, s] => (*h, *m, *s),
            _ => return None,
        };
        return Some(((h * 60.0 + m) * 60.0 + s) * 1000.0);
    }
    let default = match default_unit {
        Some(unit) => unit_ms(unit)?,
        None => 1_000.0,
    };
    let mut total = 0.0;
    let mut rest = text;
    let mut any = false;
    while !rest.is_empty() {
        let number_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        if number_len == 0 {
            return None;
        }
        let number: f64 = rest[..number_len].parse().ok()?;
        rest = rest[number_len..].trim_start();
        let unit_len = rest
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        let factor = if unit_len == 0 {
            default
        } else {
            unit_ms(&rest[..unit_len])?
        };
        rest = rest[unit_len..].trim_start();
        total += number * factor;
        any = true;
    }
    any.then_some(total)
}

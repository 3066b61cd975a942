use super::values_common::{
    connection_options, describe_value, integer_value, is_integer_text, is_placeholder,
    quote_string, redacted_kind, written,
};
use crate::options::{self, ValueKind};
use crate::prelude::*;
use crate::rules::common::{quote_ident, source_option_name};

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
            let Some(name) = source_option_name(&option.name, source_kind) else {
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

#[cfg(test)]
mod tests {
    use super::super::values_common::test_util::*;
    use crate::testing::lint_project;
    use crate::Applicability;

    const BAD: &str = "CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', PORT '5432', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');";
    const GOOD: &str = "CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', PORT 5432, DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');";

    fn pg(option: &str) -> String {
        format!("CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', {option});")
    }

    /// `(message, flagged text)` of the one MZ106 of `sql`.
    fn one(sql: &str) -> (String, String) {
        let mut found = findings_of("MZ106", sql);
        assert_eq!(found.len(), 1, "{sql}: {found:#?}");
        found.remove(0)
    }

    #[test]
    fn bad_example() {
        let d = assert_bad_example(
            "MZ106",
            BAD,
            "invalid PORT: expected a number, found string literal '5432'",
            "'5432'",
            "write PORT 5432 without quotes",
        );
        assert_eq!(d.fix.as_ref().unwrap().applicability, Applicability::Safe);
        assert_eq!(fixed("MZ106", BAD), GOOD);
    }

    #[test]
    fn good_example() {
        assert_clean(GOOD);
    }

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(render(BAD));
    }

    #[test]
    fn case_1_string_for_integer() {
        let sql = "CREATE CONNECTION k TO KAFKA (BROKER 'b:9092', PROGRESS TOPIC REPLICATION FACTOR '3');";
        assert_eq!(
            one(sql),
            (
                "invalid PROGRESS TOPIC REPLICATION FACTOR: expected a number, found string literal '3'".to_string(),
                "'3'".to_string()
            )
        );
        assert_eq!(fixed("MZ106", sql), sql.replace("'3'", "3"));
        // Not an integer inside: no fix.
        let sql = pg("PORT 'fivefourthreetwo'");
        assert!(only("MZ106", &sql).fix.is_none());
        // START OFFSET elements.
        let sql = "CREATE SOURCE s IN CLUSTER ingest FROM KAFKA CONNECTION k (TOPIC 't', START OFFSET ('0', 5));";
        assert_eq!(one(sql).1, "'0'");
        assert_eq!(fixed("MZ106", sql), sql.replace("'0'", "0"));
    }

    #[test]
    fn case_2_non_integer_number() {
        assert_eq!(
            one(&pg("PORT 5432.0")),
            (
                "invalid PORT: expected a whole number, found number 5432.0".to_string(),
                "5432.0".to_string()
            )
        );
        assert!(only("MZ106", &pg("PORT 5432.0")).fix.is_none());
        assert_eq!(one(&pg("PORT 1e3")).1, "1e3");
        // Out of range is MZ107's, not MZ106's.
        assert_silent("MZ106", &pg("PORT 70000"));
    }

    #[test]
    fn case_3_string_or_number_for_boolean() {
        let sql = format!(
            "{} WITH (VALIDATE = 'false');",
            &pg("PASSWORD SECRET pw")[..pg("PASSWORD SECRET pw").len() - 1]
        );
        let d = only("MZ106", &sql);
        assert_eq!(
            d.message,
            "invalid VALIDATE: expected TRUE or FALSE, found string literal 'false'"
        );
        assert_eq!(
            d.help.as_deref(),
            Some("write VALIDATE = FALSE without quotes")
        );
        assert!(fixed("MZ106", &sql).ends_with("WITH (VALIDATE = FALSE);"));
        let sql = "ALTER CONNECTION pg SET (HOST 'h') WITH (VALIDATE 'TRUE');";
        assert!(fixed("MZ106", sql).ends_with("WITH (VALIDATE TRUE);"));
        // No fix when the content is not true/false, or for a number.
        for sql in [
            "CREATE CONNECTION ssh_y TO SSH TUNNEL (HOST 'h', USER 'u') WITH (VALIDATE = 'yes');",
            "CREATE CONNECTION ssh_y TO SSH TUNNEL (HOST 'h', USER 'u') WITH (VALIDATE = 1);",
        ] {
            assert!(only("MZ106", sql).fix.is_none(), "{sql}");
        }
        assert_eq!(
            one("CREATE CLUSTER c (SIZE 'M.1-small', INTROSPECTION DEBUGGING 'on');").0,
            "invalid INTROSPECTION DEBUGGING: expected TRUE or FALSE, found string literal 'on'"
        );
        assert_eq!(
            fixed(
                "MZ106",
                "CREATE CLUSTER c (MANAGED = 'True', SIZE 'M.1-small');"
            ),
            "CREATE CLUSTER c (MANAGED = TRUE, SIZE 'M.1-small');"
        );
        // No value means true.
        assert_silent(
            "MZ106",
            "CREATE CONNECTION ssh_y TO SSH TUNNEL (HOST 'h', USER 'u') WITH (VALIDATE);",
        );
    }

    #[test]
    fn case_4_scalar_for_list() {
        let sql = "CREATE CONNECTION pl_x TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0', AVAILABILITY ZONES 'use1-az1');";
        let d = only("MZ106", sql);
        assert_eq!(
            d.message,
            "invalid AVAILABILITY ZONES: expected a list such as ('use1-az1'), found a single string"
        );
        assert_eq!(&sql[d.span.range()], "'use1-az1'");
        assert_eq!(
            fixed("MZ106", sql),
            sql.replace("'use1-az1'", "('use1-az1')")
        );
        let sql = "CREATE SOURCE s IN CLUSTER ingest FROM KAFKA CONNECTION k (TOPIC 't', START OFFSET 0);";
        assert_eq!(
            one(sql).0,
            "invalid START OFFSET: expected a list such as (0), found a single number"
        );
        assert_eq!(fixed("MZ106", sql), sql.replace("OFFSET 0", "OFFSET (0)"));
    }

    #[test]
    fn case_5_qualified_name_for_string() {
        let sql = "CREATE CONNECTION pg_x TO POSTGRES (HOST 'h', DATABASE app.main, USER 'u');";
        let d = only("MZ106", sql);
        assert_eq!(
            d.message,
            "invalid DATABASE: expected a string, found qualified name app.main"
        );
        assert_eq!(&sql[d.span.range()], "app.main");
        assert_eq!(
            d.help.as_deref(),
            Some("Materialize cannot convert object names to text; write DATABASE 'app.main'")
        );
        assert!(d.fix.is_none());
    }

    #[test]
    fn case_6_secret_for_string_only() {
        assert_eq!(
            one(&pg("PASSWORD SECRET pw, SSL MODE SECRET mode")),
            (
                "invalid SSL MODE: expected a string, found SECRET mode".to_string(),
                "SECRET mode".to_string()
            )
        );
        let sql = "CREATE CONNECTION ssh_x TO SSH TUNNEL (HOST 'h', USER SECRET pg_pass);";
        let d = only("MZ106", sql);
        assert_eq!(
            d.message,
            "invalid USER: expected a string, found SECRET pg_pass"
        );
        assert_eq!(
            d.help.as_deref(),
            Some("SSH connections do not support supplying USER value as SECRET; write USER as a string literal")
        );
        // USER of other types accepts secrets.
        assert_silent("MZ106", &pg("PASSWORD SECRET pw, USERNAME SECRET u"));
        assert_eq!(
            one("CREATE CONNECTION pg TO POSTGRES (HOST SECRET h, DATABASE 'd', USER 'u');").1,
            "SECRET h"
        );
    }

    #[test]
    fn case_7_number_or_hex_for_string() {
        assert_eq!(
            one("CREATE CONNECTION pg TO POSTGRES (HOST 10, DATABASE 'd', USER 'u');"),
            (
                "invalid HOST: expected a string, found number 10".to_string(),
                "10".to_string()
            )
        );
        assert_eq!(
            one("CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE X'0a', USER 'u');").0,
            "invalid DATABASE: expected a string, found hex string X'0a'"
        );
        assert_eq!(
            one("CREATE CLUSTER c (SIZE 25);").0,
            "invalid SIZE: expected a string, found number 25"
        );
        // Secret-bearing string-or-secret options describe the kind only.
        let sql = "CREATE CONNECTION s3 TO AWS (ACCESS KEY ID 12345, SECRET ACCESS KEY SECRET sk);";
        assert_eq!(
            one(sql),
            (
                "invalid ACCESS KEY ID: expected a string or SECRET reference, found number (redacted)".to_string(),
                "12345".to_string()
            )
        );
    }

    #[test]
    fn case_8_no_value() {
        let cases = [
            ("CREATE CONNECTION pg TO POSTGRES (HOST, DATABASE 'd', USER 'u');", "invalid HOST: expected a string, found no value", "HOST"),
            (&pg("PORT") as &str, "invalid PORT: expected a number, found no value", "PORT"),
            ("CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', SSH TUNNEL);", "invalid SSH TUNNEL: expected a connection name, found no value", "SSH TUNNEL"),
            ("CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0', AVAILABILITY ZONES);", "invalid AVAILABILITY ZONES: expected a list such as ('use1-az1'), found no value", "AVAILABILITY ZONES"),
            ("CREATE SOURCE s IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION);", "invalid PUBLICATION: expected a string, found no value", "PUBLICATION"),
            ("CREATE TABLE t FROM SOURCE s (REFERENCE public.t) WITH (TEXT COLUMNS);", "invalid TEXT COLUMNS: expected a list of columns, found no value", "TEXT COLUMNS"),
            ("CREATE CONNECTION k TO KAFKA (BROKER);", "invalid BROKER: expected a string literal such as 'b1.internal:9092', found no value", "BROKER"),
        ];
        for (sql, message, span) in cases {
            assert_eq!(one(sql), (message.to_string(), span.to_string()), "{sql}");
        }
        // SSL MODE without a value is MZ106's too (not MZ104's).
        assert_eq!(
            one(&pg("SSL MODE")).0,
            "invalid SSL MODE: expected a string, found no value"
        );
    }

    #[test]
    fn case_9_string_for_name() {
        let sql = pg("SSH TUNNEL 'bastion'");
        let d = only("MZ106", &sql);
        assert_eq!(
            d.message,
            "invalid SSH TUNNEL: expected a connection name, found string literal 'bastion'"
        );
        assert_eq!(
            d.help.as_deref(),
            Some("write SSH TUNNEL bastion without quotes")
        );
        assert_eq!(fixed("MZ106", &sql), pg("SSH TUNNEL bastion"));
        // Names that need quotes are double-quoted.
        assert_eq!(
            fixed("MZ106", &pg("SSH TUNNEL 'Bastion-1'")),
            pg("SSH TUNNEL \"Bastion-1\"")
        );
        assert_eq!(
            fixed("MZ106", &pg("AWS PRIVATELINK = 'pl'")),
            pg("AWS PRIVATELINK = pl")
        );
        let sql = "CREATE CONNECTION my TO MYSQL (HOST 'h', USER 'u', AWS CONNECTION 'aws_role', SSL MODE 'required');";
        assert_eq!(fixed("MZ106", sql), sql.replace("'aws_role'", "aws_role"));
    }

    #[test]
    fn case_10_bare_broker() {
        let sql = "CREATE CONNECTION k TO KAFKA (BROKER kafka1);";
        let d = only("MZ106", sql);
        assert_eq!(
            d.message,
            "invalid BROKER: expected a string literal such as 'b1.internal:9092', found identifier kafka1"
        );
        assert_eq!(
            fixed("MZ106", sql),
            "CREATE CONNECTION k TO KAFKA (BROKER 'kafka1');"
        );
        let sql = "CREATE CONNECTION k TO KAFKA (BROKERS ('b1:9092', Kafka2.Internal USING SSH TUNNEL t));";
        assert_eq!(
            fixed("MZ106", sql),
            "CREATE CONNECTION k TO KAFKA (BROKERS ('b1:9092', 'Kafka2.Internal' USING SSH TUNNEL t));"
        );
    }

    #[test]
    fn case_11_out_of_set() {
        assert_eq!(
            one("CREATE CONNECTION ice TO ICEBERG CATALOG (CATALOG TYPE 'glue', URL 'https://c.example.com');").0,
            "invalid CATALOG TYPE: expected 's3tablesrest' or 'rest', found string literal 'glue'"
        );
        assert_silent("MZ106", "CREATE CONNECTION ice TO ICEBERG CATALOG (CATALOG TYPE 'REST', URL 'https://c.example.com', CREDENTIAL SECRET c);");
        assert_eq!(
            one("CREATE CONNECTION k_x TO KAFKA (BROKER 'a:9092', PROGRESS TOPIC REPLICATION FACTOR 0);"),
            (
                "invalid PROGRESS TOPIC REPLICATION FACTOR: expected a number greater than 0, found 0".to_string(),
                "0".to_string()
            )
        );
        assert_eq!(
            one("CREATE SOURCE s IN CLUSTER ingest FROM KAFKA CONNECTION k (TOPIC 't', START OFFSET (0, -1));"),
            (
                "invalid START OFFSET: expected a nonnegative integer, found -1".to_string(),
                "-1".to_string()
            )
        );
        for interval in [
            "'2h'",
            "'61 minutes'",
            "'01:00:01'",
            "INTERVAL '2' HOUR",
            "7200",
        ] {
            let sql = format!("CREATE SOURCE s IN CLUSTER ingest FROM KAFKA CONNECTION k (TOPIC 't', TOPIC METADATA REFRESH INTERVAL {interval});");
            assert!(
                one(&sql).0.starts_with(
                    "invalid TOPIC METADATA REFRESH INTERVAL: expected at most 1 hour, found "
                ),
                "{sql}"
            );
        }
        for interval in [
            "'30s'",
            "'1h'",
            "'1 hour'",
            "INTERVAL '59 minutes'",
            "3600",
            "'unparseable'",
        ] {
            let sql = format!("CREATE SOURCE s IN CLUSTER ingest FROM KAFKA CONNECTION k (TOPIC 't', TOPIC METADATA REFRESH INTERVAL {interval});");
            assert_silent("MZ106", &sql);
        }
        assert_eq!(
            one("ALTER CLUSTER c SET (REPLICATION FACTOR -1);").0,
            "invalid REPLICATION FACTOR: expected a nonnegative integer, found -1"
        );
        assert_silent("MZ106", "ALTER CLUSTER c SET (REPLICATION FACTOR 0);");
        // START TIMESTAMP may be negative.
        assert_silent("MZ106", "CREATE SOURCE s IN CLUSTER ingest FROM KAFKA CONNECTION k (TOPIC 't', START TIMESTAMP -3600000);");
    }

    #[test]
    fn precedence() {
        // SSL MODE, SECURITY PROTOCOL and SASL MECHANISMS values are MZ104's and MZ108's.
        assert_silent("MZ106", &pg("SSL MODE 'prefer'"));
        assert_silent("MZ106", "CREATE CONNECTION k TO KAFKA (BROKER 'b:9092', SECURITY PROTOCOL 'TLS', SASL MECHANISMS 'GSSAPI');");
        // Secret-only options are MZ105's.
        assert_silent("MZ106", &pg("PASSWORD 5432"));
        // Options the type does not accept are MZ100's.
        assert_silent(
            "MZ106",
            "CREATE CONNECTION k TO KAFKA (BROKER 'b:9092', PORT '9092');",
        );
        assert_silent(
            "MZ106",
            "CREATE SOURCE s IN CLUSTER ingest FROM MYSQL CONNECTION my (PUBLICATION 5);",
        );
        // A libpq connection string is MZ701's.
        assert_silent("MZ106", "CREATE SOURCE s FROM POSTGRES CONNECTION 'host=pg port=5432' PUBLICATION 'p' FOR ALL TABLES;");
        // Placeholders.
        for value in ["'${PORT}'", "'<port>'", "'{{ port }}'", ":port", "<port>"] {
            assert_silent("MZ106", &pg(&format!("PORT {value}")));
        }
        assert_silent("MZ106", &pg("SSH TUNNEL '${TUNNEL}'"));
        assert_silent("MZ106", "CREATE CONNECTION k TO KAFKA (BROKER <broker>);");
    }

    #[test]
    fn variants() {
        // Mixed case, comments inside the option name, CRLF, non-ASCII before.
        let sql = "-- Lager: Größe\r\ncreate connection pg to postgres (host 'lager.internal',\r\n  port /* tcp */ = '6543', database 'shop', user 'mz');\r\n";
        let d = only("MZ106", sql);
        assert_eq!(&sql[d.span.range()], "'6543'");
        assert_eq!(fixed("MZ106", sql), sql.replace("'6543'", "6543"));
        // Legacy FOR form.
        let sql =
            "CREATE CONNECTION bastion FOR SSH TUNNEL HOST 'b.example.com', USER 'mz', PORT '22';";
        assert_eq!(one(sql).1, "'22'");
        // Quoted and qualified connection names do not matter.
        let sql = "CREATE CONNECTION materialize.\"Ops\".pg TO POSTGRES (HOST 'h', PORT '5432', DATABASE 'd', USER 'u');";
        assert_eq!(one(sql).1, "'5432'");
        // DBNAME is an alias of DATABASE (rules.md §1.8).
        assert_eq!(
            one("CREATE CONNECTION pg TO POSTGRES (HOST 'h', DBNAME = app.main, USER 'u');").0,
            "invalid DATABASE: expected a string, found qualified name app.main"
        );
        // Per-broker PrivateLink options and replica options.
        let sql = "CREATE CONNECTION k TO KAFKA (BROKERS ('b1:9092' USING AWS PRIVATELINK pl (AVAILABILITY ZONE 1, PORT '9001')));";
        assert_eq!(findings_of("MZ106", sql).len(), 2);
        assert_eq!(
            one("CREATE CLUSTER c (MANAGED = false, REPLICAS (r1 (SIZE 25)));").0,
            "invalid SIZE: expected a string, found number 25"
        );
    }

    #[test]
    fn alter_connection() {
        let files = [
            (
                "a.sql",
                "CREATE CONNECTION bastion TO SSH TUNNEL (HOST 'h', USER 'u');",
            ),
            (
                "b.sql",
                "ALTER CONNECTION bastion SET (USER = SECRET u), SET (PORT '2222');",
            ),
        ];
        let found: Vec<_> = lint_project(&files, None)
            .into_iter()
            .filter(|(_, d)| d.code() == "MZ106")
            .map(|(p, d)| (p, d.message))
            .collect();
        assert_eq!(
            found,
            vec![
                (
                    "b.sql".to_string(),
                    "invalid USER: expected a string, found SECRET u".to_string()
                ),
                (
                    "b.sql".to_string(),
                    "invalid PORT: expected a number, found string literal '2222'".to_string()
                ),
            ]
        );
        // Unknown connection: USER may be a secret for most types.
        assert_silent("MZ106", "ALTER CONNECTION elsewhere SET (USER = SECRET u);");
        assert_eq!(one("ALTER CONNECTION elsewhere SET (PORT '1');").1, "'1'");
    }

    #[test]
    fn suppressed() {
        assert_silent("MZ106", &format!("-- mzlint: ignore[MZ106]\n{BAD}"));
    }

    #[test]
    fn canary_never_leaks() {
        for sql in [
            format!("CREATE CONNECTION s3 TO AWS (ACCESS KEY ID \"{CANARY}\".x, SECRET ACCESS KEY SECRET sk);"),
            format!("CREATE CONNECTION ice TO ICEBERG CATALOG (CATALOG TYPE 'rest', URL 'https://c.example.com', CREDENTIAL \"{CANARY}\".\"{CANARY}\");"),
            format!("CREATE CONNECTION s3 TO AWS (ACCESS KEY ID SECRET k, SECRET ACCESS KEY SECRET sk, SESSION TOKEN ('{CANARY}'));"),
        ] {
            assert_eq!(findings_of("MZ106", &sql).len(), 1, "{sql}");
            assert_absent(CANARY, &sql);
        }
    }
}

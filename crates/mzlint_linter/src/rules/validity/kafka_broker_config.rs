use super::port_out_of_range::address_port;
use super::values_common::{
    altered_connection_type, connection_options, effective_connection_option_name, is_placeholder,
    quote_string,
};
use crate::options::{did_you_mean, SASL_MECHANISMS, SECURITY_PROTOCOLS};
use crate::prelude::*;
use crate::semantic::effective_connection;

declare_rule! {
/// ## What it does
///
/// Reports, in KAFKA connections (CREATE, and `ALTER CONNECTION … SET` checked against the effective
/// definition):
///
/// 1. a comma in one BROKER string or BROKERS element (`cannot specify multiple Kafka broker
///    addresses in one string`);
/// 2. a broker string that is empty, contains whitespace, or has a non-numeric port;
/// 3. a SECURITY PROTOCOL other than `PLAINTEXT`, `SSL`, `SASL_PLAINTEXT`, `SASL_SSL`, ignoring case
///    (`unknown security protocol: TLS`);
/// 4. a SASL MECHANISMS value other than `PLAIN`, `SCRAM-SHA-256`, `SCRAM-SHA-512`, ignoring case;
/// 5. an option that does not fit the effective protocol (the one given, else `SASL_SSL` when a SASL
///    option or AWS CONNECTION is present, else `SSL`): SASL options with `PLAINTEXT`/`SSL`; SSL
///    CERTIFICATE AUTHORITY, SSL CERTIFICATE or SSL KEY with `PLAINTEXT`/`SASL_PLAINTEXT`; AWS
///    CONNECTION with `PLAINTEXT`/`SSL`.
///
/// Not reported: a broker without a port, lower-case protocol names (MZ704), placeholders.
///
/// Messages (span: the string, value or option): `BROKER 'b1.internal:9092,b2.internal:9092' lists
/// several brokers in one string`; `unknown security protocol: TLS`; `unsupported SASL MECHANISMS
/// 'SCRAM-SHA256'`; `option SASL USERNAME not supported with SECURITY PROTOCOL 'SSL'`. For an ALTER,
/// a conflict with an option of the connection's definition is reported at the ALTER's option, with
/// a note at the other option when it is in the `CREATE CONNECTION`.
///
/// ## Why is this bad?
///
/// Materialize rejects the connection at plan time (`plan_kafka_security`: `option SASL USERNAME not
/// supported with this configuration`; `unknown security protocol: TLS`), and a comma-separated
/// bootstrap list — librdkafka's own syntax — is not accepted in one string.
///
/// ## Example
///
/// ```sql
/// CREATE CONNECTION kafka TO KAFKA (BROKER 'b1.internal:9092,b2.internal:9092');
/// ```
///
/// Use instead:
///
/// ```sql
/// CREATE CONNECTION kafka TO KAFKA (BROKERS ('b1.internal:9092', 'b2.internal:9092'));
/// ```
///
/// ## Fix
///
/// Comma (safe): `BROKER 'a,b'` becomes `BROKERS ('a', 'b')` (parts trimmed, empty parts dropped;
/// not when the broker has a `USING` clause); a BROKERS element without `USING` is split into
/// elements. A protocol or mechanism with a single likely meaning (`SASL-SSL` → `'SASL_SSL'`,
/// `SCRAM-SHA256` → `'SCRAM-SHA-256'`): unsafe replacement. No fix otherwise.
    pub(crate) static RULE = {
        code: "MZ108",
        name: "kafka-broker-config",
        severity: Error,
        scope: Statement,
        fix: Sometimes,
        fix_summary: "safe / unsafe",
        summary: "Bad broker string, protocol, SASL mechanism, or option unfit for the protocol",
        check: Statement(check),
    }
}

const SASL_OPTIONS: &[OptionName] = &[
    OptionName::SaslMechanisms,
    OptionName::SaslUsername,
    OptionName::SaslPassword,
];

const SSL_OPTIONS: &[OptionName] = &[
    OptionName::SslCertificateAuthority,
    OptionName::SslCertificate,
    OptionName::SslKey,
];

/// Options only KAFKA connections have: an ALTER setting one of these is
/// checked even when the project does not define the connection.
const KAFKA_ONLY: &[OptionName] = &[
    OptionName::Broker,
    OptionName::Brokers,
    OptionName::SecurityProtocol,
    OptionName::SaslMechanisms,
];

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    match &ctx.statement.kind {
        StatementKind::CreateConnection(create) => {
            if create.connection_type != ConnectionType::Kafka {
                return;
            }
            let written: Vec<(OptionName, &SqlOption)> =
                named(create.options.options.iter(), Some(ConnectionType::Kafka));
            for (name, option) in &written {
                check_value(ctx, out, name, option);
            }
            check_protocol_fit(ctx, out, &written, &written, None);
        }
        StatementKind::AlterConnection(alter) => {
            let set: Vec<&SqlOption> = connection_options(ctx).iter().map(|c| c.option).collect();
            match altered_connection_type(ctx, alter) {
                Some(ConnectionType::Kafka) => {
                    let written = named(set.iter().copied(), Some(ConnectionType::Kafka));
                    for (name, option) in &written {
                        check_value(ctx, out, name, option);
                    }
                    let Some(mut effective) = effective_connection(ctx, &alter.name) else {
                        return;
                    };
                    effective.apply(alter);
                    let all = named(
                        effective.options.iter().copied(),
                        Some(ConnectionType::Kafka),
                    );
                    let create_file = effective.create_location.file;
                    check_protocol_fit(
                        ctx,
                        out,
                        &all,
                        &written,
                        Some((create_file, &effective.create.options.options)),
                    );
                }
                Some(_) => {}
                None => {
                    for (name, option) in named(set.iter().copied(), None) {
                        if KAFKA_ONLY.contains(&name) {
                            check_value(ctx, out, &name, option);
                        }
                    }
                }
            }
        }
        _ => {}
    }
}

/// Options with the names they count as (unmappable unknown words dropped).
fn named<'a>(
    options: impl Iterator<Item = &'a SqlOption>,
    connection_type: Option<ConnectionType>,
) -> Vec<(OptionName, &'a SqlOption)> {
    options
        .filter_map(|o| {
            Some((
                effective_connection_option_name(&o.name, connection_type)?,
                o,
            ))
        })
        .collect()
}

/// Cases 1–4 on one option written by this statement.
fn check_value(
    ctx: &StatementContext<'_>,
    out: &mut Vec<Diagnostic>,
    name: &OptionName,
    option: &SqlOption,
) {
    let Some(value) = &option.value else { return };
    if is_placeholder(ctx, value) {
        return;
    }
    match (name, value) {
        (OptionName::Broker, Value::Broker(broker)) => {
            check_broker(ctx, out, "BROKER", broker, Some(option));
        }
        (OptionName::Brokers, Value::List { items, .. }) => {
            for item in items {
                if let Value::Broker(broker) = item {
                    check_broker(ctx, out, "BROKERS element", broker, None);
                }
            }
        }
        (OptionName::SecurityProtocol, Value::String(_) | Value::Ident(_)) => {
            let text = value.as_text().unwrap_or_default();
            let upper = text.to_ascii_uppercase();
            if SECURITY_PROTOCOLS.contains(&upper.as_str()) {
                return;
            }
            let normalized = upper.replace(['-', ' '], "_");
            let suggestion = SECURITY_PROTOCOLS
                .iter()
                .copied()
                .find(|p| *p == normalized)
                .or_else(|| did_you_mean(&normalized, SECURITY_PROTOCOLS.iter().copied()));
            let diagnostic = ctx.diagnostic(
                &RULE,
                value.span(),
                format!("unknown security protocol: {upper}"),
            );
            out.push(with_suggestion(
                diagnostic,
                value.span(),
                suggestion,
                "accepted: PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL",
            ));
        }
        (OptionName::SaslMechanisms, Value::String(_) | Value::Ident(_)) => {
            let text = value.as_text().unwrap_or_default();
            let upper = text.to_ascii_uppercase();
            if SASL_MECHANISMS.contains(&upper.as_str()) {
                return;
            }
            let normalized = upper.replace(['_', ' '], "-");
            let suggestion = SASL_MECHANISMS
                .iter()
                .copied()
                .find(|m| *m == normalized)
                .or_else(|| did_you_mean(&normalized, SASL_MECHANISMS.iter().copied()));
            let diagnostic = ctx.diagnostic(
                &RULE,
                value.span(),
                format!("unsupported SASL MECHANISMS '{text}'"),
            );
            out.push(with_suggestion(
                diagnostic,
                value.span(),
                suggestion,
                "accepted: PLAIN, SCRAM-SHA-256, SCRAM-SHA-512",
            ));
        }
        _ => {}
    }
}

fn with_suggestion(
    diagnostic: Diagnostic,
    span: Span,
    suggestion: Option<&str>,
    accepted: &str,
) -> Diagnostic {
    match suggestion {
        Some(suggestion) => diagnostic
            .with_help(format!("did you mean '{suggestion}'?"))
            .with_fix(Fix::unsafe_(
                format!("Replace with '{suggestion}'"),
                vec![Edit::replace(span, format!("'{suggestion}'"))],
            )),
        None => diagnostic.with_help(accepted),
    }
}

/// Cases 1 and 2 on one broker. `option` is the BROKER option (for the
/// BROKERS rewrite); `None` for a BROKERS element.
fn check_broker(
    ctx: &StatementContext<'_>,
    out: &mut Vec<Diagnostic>,
    what: &str,
    broker: &Broker,
    option: Option<&SqlOption>,
) {
    let Value::String(address) = &*broker.address else {
        return; // a bare word is MZ106's
    };
    if ctx.settings().security.is_placeholder(&address.value) {
        return;
    }
    let text = &address.value;
    let shown = quote_string(text);
    if text.contains(',') {
        let parts: Vec<String> = text
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(quote_string)
            .collect();
        let joined = parts.join(", ");
        let mut diagnostic = ctx.diagnostic(
            &RULE,
            address.span,
            format!("{what} {shown} lists several brokers in one string"),
        );
        let fix = if parts.is_empty() || broker.tunnel.is_some() {
            None
        } else if let Some(option) = option {
            Some(Fix::safe(
                "Split into BROKERS",
                vec![Edit::replace(option.span, format!("BROKERS ({joined})"))],
            ))
        } else {
            Some(Fix::safe(
                "Split into one element per broker",
                vec![Edit::replace(address.span, joined.clone())],
            ))
        };
        diagnostic = diagnostic.with_help(if option.is_some() {
            format!("write BROKERS ({joined})")
        } else {
            format!("write one element per broker: {joined}")
        });
        out.push(diagnostic.with_fix_opt(fix));
        return;
    }
    let help = "write the broker as 'host:port', e.g. 'b1.internal:9092'";
    let message = if text.is_empty() {
        format!("{what} {shown} is empty")
    } else if text.chars().any(char::is_whitespace) {
        format!("{what} {shown} contains whitespace")
    } else {
        match address_port(text) {
            Some((_, "")) => format!("{what} {shown} has an empty port"),
            Some((_, port)) if !port.bytes().all(|b| b.is_ascii_digit()) => {
                format!("{what} {shown} has a non-numeric port '{port}'")
            }
            _ => return,
        }
    };
    out.push(ctx.diagnostic(&RULE, address.span, message).with_help(help));
}

/// Case 5: options that do not fit the effective protocol. `all` is the
/// connection's options (the effective definition for an ALTER), `written`
/// those this statement writes; only pairs involving a written option are
/// reported. `create` locates options of the CREATE for notes.
fn check_protocol_fit(
    ctx: &StatementContext<'_>,
    out: &mut Vec<Diagnostic>,
    all: &[(OptionName, &SqlOption)],
    written: &[(OptionName, &SqlOption)],
    create: Option<(crate::source::FileId, &[SqlOption])>,
) {
    let Some((_, protocol_option)) = all
        .iter()
        .find(|(name, _)| *name == OptionName::SecurityProtocol)
    else {
        return; // the default protocol fits every option
    };
    let Some(value) = &protocol_option.value else {
        return;
    };
    if is_placeholder(ctx, value) {
        return;
    }
    let Some(text) = value.as_text() else { return };
    let protocol = text.to_ascii_uppercase();
    if !SECURITY_PROTOCOLS.contains(&protocol.as_str()) {
        return; // case 3
    }
    let is_written = |option: &SqlOption| written.iter().any(|(_, w)| std::ptr::eq(*w, option));
    let protocol_written = is_written(protocol_option);
    for (name, option) in all {
        let help = if SASL_OPTIONS.contains(name) {
            if !matches!(protocol.as_str(), "PLAINTEXT" | "SSL") {
                continue;
            }
            "use 'SASL_SSL', or remove the SASL options"
        } else if SSL_OPTIONS.contains(name) {
            match protocol.as_str() {
                "PLAINTEXT" => "use 'SSL', or remove the SSL options",
                "SASL_PLAINTEXT" => "use 'SASL_SSL', or remove the SSL options",
                _ => continue,
            }
        } else if *name == OptionName::AwsConnection {
            if !matches!(protocol.as_str(), "PLAINTEXT" | "SSL") {
                continue;
            }
            "use 'SASL_SSL' for IAM authentication, or remove AWS CONNECTION"
        } else {
            continue;
        };
        let option_written = is_written(option);
        if !option_written && !protocol_written {
            continue;
        }
        let span = if option_written {
            option.span
        } else {
            protocol_option.span
        };
        let mut diagnostic = ctx
            .diagnostic(
                &RULE,
                span,
                format!("option {name} not supported with SECURITY PROTOCOL '{protocol}'"),
            )
            .with_help(help);
        // The side of the pair that is not in this statement, when it is in
        // the CREATE CONNECTION.
        let (other, other_name) = if option_written {
            (*protocol_option, &OptionName::SecurityProtocol)
        } else {
            (*option, name)
        };
        if !is_written(other) {
            if let Some((file, create_options)) = create {
                if create_options.iter().any(|o| std::ptr::eq(o, other)) {
                    diagnostic = diagnostic.with_related(
                        file,
                        other.span,
                        format!("{other_name} is set here"),
                    );
                }
            }
        }
        out.push(diagnostic);
    }
}

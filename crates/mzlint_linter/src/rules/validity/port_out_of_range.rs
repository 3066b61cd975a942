use super::values_common::{
    connection_options, integer_value, is_placeholder, product_name, string_subspan,
};
use crate::prelude::*;

declare_rule! {
/// ## What it does
///
/// Reports an integer port outside 1–65535 (0 and negative numbers included), wherever a port is
/// written: the `PORT` option of any connection (CREATE and `ALTER … SET`); `AWS PRIVATELINK <name>
/// (PORT n)`; a per-broker `USING AWS PRIVATELINK … (PORT n)`; the port of a `BROKER` string or
/// `BROKERS` element (`host:port`, `[ipv6]:port`); the port of a CONFLUENT SCHEMA REGISTRY or ICEBERG
/// CATALOG `URL`.
///
/// Not reported: quoted ports (`PORT '5432'`, MZ106), non-numeric broker ports (MZ108),
/// placeholders, addresses without a port, options the connection type does not accept (MZ100).
///
/// The message is `PORT 65540 is out of range: TCP ports are 1–65535`; the span is the number, or
/// the digits inside the string. The help gives the type's usual port when it has one (5432, 3306,
/// 1433, 22; 9092 for Kafka brokers).
///
/// ## Why is this bad?
///
/// Ports are 16-bit: Materialize rejects larger numbers (`invalid PORT: … number too large to fit in
/// target type`; PrivateLink: `Could not parse value into port`), and port 0 cannot be connected to.
///
/// ## Example
///
/// ```sql
/// CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', PORT 65540, DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');
/// ```
///
/// Use instead:
///
/// ```sql
/// CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', PORT 6543, DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');
/// ```
///
/// ## Fix
///
/// None: the intended port cannot be known.
    pub(crate) static RULE = {
        code: "MZ107",
        name: "port-out-of-range",
        severity: Error,
        scope: Statement,
        fix: None,
        fix_summary: "none",
        summary: "Port outside 1–65535",
        check: Statement(check),
    }
}

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    for conn in connection_options(ctx) {
        let Some(name) = &conn.name else { continue };
        if !conn.type_accepts() {
            continue; // MZ100
        }
        let Some(value) = &conn.option.value else {
            continue;
        };
        if is_placeholder(ctx, value) {
            continue;
        }
        let default = conn
            .connection_type
            .and_then(|t| Some((product_name(t)?, crate::options::default_port(t)?)));
        match (name, value) {
            (OptionName::Port, Value::Number { span, text }) => {
                number_port(ctx, out, *span, text, default);
            }
            (OptionName::AwsPrivatelink, Value::PrivateLink(pl)) => {
                if let Some((_, port)) = &pl.port {
                    if let Value::Number { span, text } = &**port {
                        number_port(ctx, out, *span, text, default);
                    }
                }
            }
            (OptionName::Broker, Value::Broker(broker)) => broker_ports(ctx, out, broker),
            (OptionName::Brokers, Value::List { items, .. }) => {
                for item in items {
                    if let Value::Broker(broker) = item {
                        broker_ports(ctx, out, broker);
                    }
                }
            }
            (OptionName::Url, Value::String(url))
                if matches!(
                    conn.connection_type,
                    Some(ConnectionType::ConfluentSchemaRegistry | ConnectionType::IcebergCatalog)
                        | None
                ) =>
            {
                url_port(ctx, out, url);
            }
            _ => {}
        }
    }
}

const KAFKA: Option<(&str, u16)> = Some(("Kafka broker", 9092));

fn message(port: &str) -> String {
    format!("PORT {port} is out of range: TCP ports are 1–65535")
}

fn report(
    ctx: &StatementContext<'_>,
    out: &mut Vec<Diagnostic>,
    span: Span,
    port: &str,
    default: Option<(&str, u16)>,
) {
    let mut diagnostic = ctx.diagnostic(&RULE, span, message(port));
    if let Some((product, default)) = default {
        diagnostic = diagnostic.with_help(format!("the usual {product} port is {default}"));
    }
    out.push(diagnostic);
}

/// A `PORT n` number: non-integers are MZ106's.
fn number_port(
    ctx: &StatementContext<'_>,
    out: &mut Vec<Diagnostic>,
    span: Span,
    text: &str,
    default: Option<(&str, u16)>,
) {
    if let Some(port) = integer_value(text) {
        if !(1..=65535).contains(&port) {
            report(ctx, out, span, text, default);
        }
    }
}

/// The port of a broker string and of its per-broker PrivateLink options.
fn broker_ports(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>, broker: &Broker) {
    if let Value::String(address) = &*broker.address {
        // Several brokers in one string are MZ108's; placeholders are skipped.
        if !address.value.contains(',') && !ctx.settings().security.is_placeholder(&address.value) {
            if let Some((offset, digits)) = address_port(&address.value) {
                string_port(ctx, out, address, offset, digits, KAFKA);
            }
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
        for option in list.all(OptionName::Port) {
            if let Some(Value::Number { span, text }) = &option.value {
                number_port(ctx, out, *span, text, KAFKA);
            }
        }
    }
}

/// A port written inside a string literal: report its digits.
fn string_port(
    ctx: &StatementContext<'_>,
    out: &mut Vec<Diagnostic>,
    lit: &StringLit,
    offset: usize,
    digits: &str,
    default: Option<(&str, u16)>,
) {
    if !digits.bytes().all(|b| b.is_ascii_digit()) || digits.is_empty() {
        return; // non-numeric: MZ108 (brokers) or not a port
    }
    let Some(port) = integer_value(digits) else {
        return;
    };
    if (1..=65535).contains(&port) {
        return;
    }
    let span = string_subspan(ctx.source(), lit, offset, digits.len()).unwrap_or(lit.span);
    report(ctx, out, span, digits, default);
}

/// The port of a broker address `host:port` / `[v6]:port`: its byte offset
/// in the address and its text. `None` without a port.
pub(crate) fn address_port(address: &str) -> Option<(usize, &str)> {
    if address.starts_with('[') {
        let close = address.find(']')?;
        let rest = &address[close + 1..];
        let digits = rest.strip_prefix(':')?;
        return Some((close + 2, digits));
    }
    let colon = address.rfind(':')?;
    if address[..colon].contains(':') {
        return None; // a bare IPv6 address: no port
    }
    Some((colon + 1, &address[colon + 1..]))
}

/// The port of a `scheme://[user@]host[:port][/path]` URL.
fn url_port(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>, url: &StringLit) {
    if ctx.settings().security.is_placeholder(&url.value) {
        return;
    }
    let Some(scheme_end) = url.value.find("://") else {
        return;
    };
    let authority_start = scheme_end + 3;
    let rest = &url.value[authority_start..];
    let authority_len = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..authority_len];
    let host_start = authority.rfind('@').map_or(0, |at| at + 1);
    let host_port = &authority[host_start..];
    if let Some((offset, digits)) = address_port(host_port) {
        string_port(
            ctx,
            out,
            url,
            authority_start + host_start + offset,
            digits,
            None,
        );
    }
}

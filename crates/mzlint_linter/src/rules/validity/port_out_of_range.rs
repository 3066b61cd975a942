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

#[cfg(test)]
mod tests {
    use super::super::values_common::test_util::*;
    use crate::testing::lint_project;

    const BAD: &str = "CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', PORT 65540, DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');";
    const GOOD: &str = "CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', PORT 6543, DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');";

    fn one(sql: &str) -> (String, String, Option<String>) {
        let d = only("MZ107", sql);
        (d.message, sql[d.span.range()].to_string(), d.help)
    }

    #[test]
    fn bad_example() {
        let d = assert_bad_example(
            "MZ107",
            BAD,
            "PORT 65540 is out of range: TCP ports are 1–65535",
            "65540",
            "the usual PostgreSQL port is 5432",
        );
        assert!(d.fix.is_none());
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
    fn connection_ports_and_defaults() {
        let cases = [
            ("CREATE CONNECTION my TO MYSQL (HOST 'h', USER 'u', PORT 0);", "PORT 0 is out of range: TCP ports are 1–65535", "0", Some("the usual MySQL port is 3306")),
            ("CREATE CONNECTION ms TO SQL SERVER (HOST 'h', DATABASE 'd', USER 'u', PASSWORD SECRET p, PORT -1433);", "PORT -1433 is out of range: TCP ports are 1–65535", "-1433", Some("the usual SQL Server port is 1433")),
            ("CREATE CONNECTION b TO SSH TUNNEL (HOST 'h', USER 'u', PORT 99999999999999999999999);", "PORT 99999999999999999999999 is out of range: TCP ports are 1–65535", "99999999999999999999999", Some("the usual SSH port is 22")),
            ("CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0', AVAILABILITY ZONES ('use1-az1'), PORT 65536);", "PORT 65536 is out of range: TCP ports are 1–65535", "65536", None),
        ];
        for (sql, message, span, help) in cases {
            assert_eq!(
                one(sql),
                (
                    message.to_string(),
                    span.to_string(),
                    help.map(str::to_string)
                ),
                "{sql}"
            );
        }
        for port in ["1", "65535", "5432"] {
            assert_silent("MZ107", &BAD.replace("65540", port));
        }
    }

    #[test]
    fn privatelink_ports() {
        let sql = "CREATE CONNECTION k TO KAFKA (AWS PRIVATELINK pl (PORT 70000));";
        assert_eq!(
            one(sql),
            (
                "PORT 70000 is out of range: TCP ports are 1–65535".to_string(),
                "70000".to_string(),
                Some("the usual Kafka broker port is 9092".to_string())
            )
        );
        let sql = "CREATE CONNECTION k TO KAFKA (BROKERS ('b1.internal:9092' USING AWS PRIVATELINK pl (AVAILABILITY ZONE 'use1-az1', PORT 0)));";
        assert_eq!(one(sql).1, "0");
    }

    #[test]
    fn broker_string_ports() {
        let sql = "CREATE CONNECTION k TO KAFKA (BROKER 'b1.internal:90920');";
        assert_eq!(
            one(sql),
            (
                "PORT 90920 is out of range: TCP ports are 1–65535".to_string(),
                "90920".to_string(),
                Some("the usual Kafka broker port is 9092".to_string())
            )
        );
        let sql = "CREATE CONNECTION k TO KAFKA (BROKERS ('[2001:db8::1]:0', 'b2.internal:9092', '[::1]:70000' USING SSH TUNNEL t));";
        let found: Vec<String> = findings_of("MZ107", sql)
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        assert_eq!(found, vec!["0", "70000"]);
        // No port, an IPv6 address without brackets, a non-numeric port, several brokers.
        for broker in [
            "'b1.internal'",
            "'2001:db8::1'",
            "'b1:kafka'",
            "'b1:99999,b2:9092'",
            "'b1:'",
        ] {
            assert_silent(
                "MZ107",
                &format!("CREATE CONNECTION k TO KAFKA (BROKER {broker});"),
            );
        }
        // Escapes: the span falls back to the whole literal.
        let sql = "CREATE CONNECTION k TO KAFKA (BROKER 'it''s:99999');";
        assert_eq!(one(sql).1, "'it''s:99999'");
        let sql = "CREATE CONNECTION k TO KAFKA (BROKER E'b1:99999');";
        assert_eq!(one(sql).1, "99999");
        let sql = "CREATE CONNECTION k TO KAFKA (BROKER $b$b1:99999$b$);";
        assert_eq!(one(sql).1, "99999");
    }

    #[test]
    fn url_ports() {
        let sql = "CREATE CONNECTION csr TO CONFLUENT SCHEMA REGISTRY (URL 'https://user@registry.example.com:80810/');";
        assert_eq!(
            one(sql),
            (
                "PORT 80810 is out of range: TCP ports are 1–65535".to_string(),
                "80810".to_string(),
                None
            )
        );
        let sql = "CREATE CONNECTION ice TO ICEBERG CATALOG (CATALOG TYPE 'rest', URL 'http://[fd00::1]:0/catalog', CREDENTIAL SECRET c);";
        assert_eq!(one(sql).1, "0");
        assert_silent("MZ107", "CREATE CONNECTION csr TO CONFLUENT SCHEMA REGISTRY (URL 'https://registry.example.com:8081');");
        assert_silent("MZ107", "CREATE CONNECTION csr TO CONFLUENT SCHEMA REGISTRY (URL 'https://registry.example.com/');");
    }

    #[test]
    fn precedence_and_placeholders() {
        // Quoted ports are MZ106's; non-integers too.
        assert_silent("MZ107", &BAD.replace("65540", "'65540'"));
        assert_silent("MZ107", &BAD.replace("65540", "65540.5"));
        // PORT on a type without it is MZ100's.
        assert_silent(
            "MZ107",
            "CREATE CONNECTION s3 TO AWS (ASSUME ROLE ARN 'arn', PORT 0);",
        );
        // Placeholders.
        assert_silent(
            "MZ107",
            "CREATE CONNECTION k TO KAFKA (BROKER '${BROKER}:99999');",
        );
        assert_silent(
            "MZ107",
            "CREATE CONNECTION k TO KAFKA (BROKER '<broker>:99999');",
        );
        assert_silent(
            "MZ107",
            "CREATE CONNECTION csr TO CONFLUENT SCHEMA REGISTRY (URL 'https://{{ host }}:99999');",
        );
        assert_silent("MZ107", &BAD.replace("65540", "<port>"));
    }

    #[test]
    fn variants() {
        // Mixed case, comments in the name, CRLF, non-ASCII before the span.
        let sql = "-- Größe\r\ncreate connection pg to postgres (host 'ü.internal',\r\n  Port /* tcp */ = 65540, database 'd', user 'u');\r\n";
        assert_eq!(one(sql).1, "65540");
        let sql = "CREATE CONNECTION k TO KAFKA (BROKER 'bröker.internal:99999');";
        assert_eq!(one(sql).1, "99999");
        // Legacy FOR form, quoted names.
        let sql = "CREATE CONNECTION \"Bastion\" FOR SSH TUNNEL HOST 'h', USER 'u', PORT 0;";
        assert_eq!(one(sql).1, "0");
        // POTR is PORT by did-you-mean (rules.md §1.8).
        let sql = "CREATE CONNECTION b TO SSH TUNNEL (HOST 'h', USER 'u', POTR 0);";
        assert_eq!(one(sql).1, "0");
    }

    #[test]
    fn alter_connection() {
        let files = [
            ("a.sql", GOOD),
            ("b.sql", "ALTER CONNECTION pg SET (PORT = 65540);"),
        ];
        let found: Vec<_> = lint_project(&files, None)
            .into_iter()
            .filter(|(_, d)| d.code() == "MZ107")
            .map(|(p, d)| (p, d.help))
            .collect();
        assert_eq!(
            found,
            vec![(
                "b.sql".to_string(),
                Some("the usual PostgreSQL port is 5432".to_string())
            )]
        );
        // Unknown connection: reported, without a default port.
        let d = only("MZ107", "ALTER CONNECTION elsewhere SET (BROKER 'b:0');");
        assert_eq!(
            d.help.as_deref(),
            Some("the usual Kafka broker port is 9092")
        );
        assert!(only("MZ107", "ALTER CONNECTION elsewhere SET (PORT 0);")
            .help
            .is_none());
    }

    #[test]
    fn suppressed() {
        assert_silent(
            "MZ107",
            &format!("{BAD} -- mzlint: ignore[port-out-of-range]"),
        );
    }
}

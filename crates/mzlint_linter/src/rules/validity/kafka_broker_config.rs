use super::port_out_of_range::address_port;
use super::values_common::{connection_options, is_placeholder, quote_string};
use crate::options::{did_you_mean, SASL_MECHANISMS, SECURITY_PROTOCOLS};
use crate::prelude::*;
use crate::rules::common::{altered_connection_type, connection_option_name};
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
        .filter_map(|o| Some((connection_option_name(&o.name, connection_type)?, o)))
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

#[cfg(test)]
mod tests {
    use super::super::values_common::test_util::*;
    use crate::testing::lint_project;
    use crate::Applicability;

    const BAD: &str =
        "CREATE CONNECTION kafka TO KAFKA (BROKER 'b1.internal:9092,b2.internal:9092');";
    const GOOD: &str =
        "CREATE CONNECTION kafka TO KAFKA (BROKERS ('b1.internal:9092', 'b2.internal:9092'));";

    fn kafka(options: &str) -> String {
        format!("CREATE CONNECTION kafka TO KAFKA (BROKER 'b1.internal:9092', {options});")
    }

    #[test]
    fn bad_example() {
        let d = assert_bad_example(
            "MZ108",
            BAD,
            "BROKER 'b1.internal:9092,b2.internal:9092' lists several brokers in one string",
            "'b1.internal:9092,b2.internal:9092'",
            "write BROKERS ('b1.internal:9092', 'b2.internal:9092')",
        );
        assert_eq!(d.fix.as_ref().unwrap().applicability, Applicability::Safe);
        assert_eq!(fixed("MZ108", BAD), GOOD);
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
    fn case_1_commas() {
        // Parts trimmed, empty parts dropped; `=` and a trailing comma.
        let sql = "CREATE CONNECTION kafka TO KAFKA (BROKER = ' b1:9092 , ,b2:9092,');";
        assert_eq!(
            fixed("MZ108", sql),
            "CREATE CONNECTION kafka TO KAFKA (BROKERS ('b1:9092', 'b2:9092'));"
        );
        // A BROKERS element is split into elements.
        let sql = "CREATE CONNECTION kafka TO KAFKA (BROKERS ('b1:9092,b2:9092', 'b3:9092' USING SSH TUNNEL t));";
        let d = only("MZ108", sql);
        assert_eq!(
            d.message,
            "BROKERS element 'b1:9092,b2:9092' lists several brokers in one string"
        );
        assert_eq!(
            d.help.as_deref(),
            Some("write one element per broker: 'b1:9092', 'b2:9092'")
        );
        assert_eq!(
            fixed("MZ108", sql),
            "CREATE CONNECTION kafka TO KAFKA (BROKERS ('b1:9092', 'b2:9092', 'b3:9092' USING SSH TUNNEL t));"
        );
        // With a USING clause there is no fix.
        for sql in [
            "CREATE CONNECTION kafka TO KAFKA (BROKER 'b1:9092,b2:9092' USING SSH TUNNEL t);",
            "CREATE CONNECTION kafka TO KAFKA (BROKERS ['b1:9092,b2:9092' USING SSH TUNNEL t]);",
        ] {
            assert!(only("MZ108", sql).fix.is_none(), "{sql}");
        }
        // Legacy FOR form; ALTER SET.
        let sql = "CREATE CONNECTION kafka FOR KAFKA BROKER 'b1:9092,b2:9092';";
        assert_eq!(
            fixed("MZ108", sql),
            "CREATE CONNECTION kafka FOR KAFKA BROKERS ('b1:9092', 'b2:9092');"
        );
        let sql = "ALTER CONNECTION kafka SET (BROKER 'b1:9092,b2:9092');";
        assert_eq!(
            fixed("MZ108", sql),
            "ALTER CONNECTION kafka SET (BROKERS ('b1:9092', 'b2:9092'));"
        );
    }

    #[test]
    fn case_2_malformed_brokers() {
        let cases = [
            ("''", "BROKER '' is empty"),
            (
                "'b1.internal :9092'",
                "BROKER 'b1.internal :9092' contains whitespace",
            ),
            (
                "'b1.internal:kafka'",
                "BROKER 'b1.internal:kafka' has a non-numeric port 'kafka'",
            ),
            ("'b1.internal:'", "BROKER 'b1.internal:' has an empty port"),
            ("'[::1]:x'", "BROKER '[::1]:x' has a non-numeric port 'x'"),
        ];
        for (broker, message) in cases {
            let sql = format!("CREATE CONNECTION kafka TO KAFKA (BROKER {broker});");
            let d = only("MZ108", &sql);
            assert_eq!(d.message, message);
            assert_eq!(&sql[d.span.range()], broker);
            assert!(d.fix.is_none());
        }
        // Without a port, IPv6 without brackets: fine.
        for broker in ["'b1.internal'", "'[::1]'", "'[::1]:9092'", "'2001:db8::1'"] {
            assert_silent(
                "MZ108",
                &format!("CREATE CONNECTION kafka TO KAFKA (BROKER {broker});"),
            );
        }
    }

    #[test]
    fn case_3_security_protocol() {
        let sql = kafka("SECURITY PROTOCOL 'tls'");
        let d = only("MZ108", &sql);
        assert_eq!(d.message, "unknown security protocol: TLS");
        assert_eq!(
            d.help.as_deref(),
            Some("accepted: PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL")
        );
        assert!(d.fix.is_none());
        let sql = kafka("SASL MECHANISMS 'PLAIN', SASL USERNAME 'u', SASL PASSWORD SECRET p, SECURITY PROTOCOL = 'SASL-SSL'");
        let d = only("MZ108", &sql);
        assert_eq!(d.message, "unknown security protocol: SASL-SSL");
        assert_eq!(d.help.as_deref(), Some("did you mean 'SASL_SSL'?"));
        assert_eq!(d.fix.as_ref().unwrap().applicability, Applicability::Unsafe);
        assert_eq!(
            fixed("MZ108", &sql),
            sql.replace("'SASL-SSL'", "'SASL_SSL'")
        );
        let sql = kafka("SECURITY PROTOCOL SASL_SLL");
        assert_eq!(
            only("MZ108", &sql).help.as_deref(),
            Some("did you mean 'SASL_SSL'?")
        );
        // Lower case is accepted (MZ704's).
        for protocol in ["'plaintext'", "'Ssl'", "sasl_plaintext", "'SASL_SSL'"] {
            assert_silent("MZ108", &kafka(&format!("SECURITY PROTOCOL {protocol}")));
        }
    }

    #[test]
    fn case_4_sasl_mechanisms() {
        let sql =
            kafka("SASL MECHANISMS 'SCRAM-SHA256', SASL USERNAME 'u', SASL PASSWORD SECRET p");
        let d = only("MZ108", &sql);
        assert_eq!(d.message, "unsupported SASL MECHANISMS 'SCRAM-SHA256'");
        assert_eq!(d.help.as_deref(), Some("did you mean 'SCRAM-SHA-256'?"));
        assert_eq!(
            fixed("MZ108", &sql),
            sql.replace("'SCRAM-SHA256'", "'SCRAM-SHA-256'")
        );
        let sql =
            kafka("SASL MECHANISMS 'scram_sha_512', SASL USERNAME 'u', SASL PASSWORD SECRET p");
        assert_eq!(
            fixed("MZ108", &sql),
            sql.replace("'scram_sha_512'", "'SCRAM-SHA-512'")
        );
        let sql = kafka("SASL MECHANISMS 'GSSAPI', SASL USERNAME 'u', SASL PASSWORD SECRET p");
        let d = only("MZ108", &sql);
        assert_eq!(
            d.help.as_deref(),
            Some("accepted: PLAIN, SCRAM-SHA-256, SCRAM-SHA-512")
        );
        assert!(d.fix.is_none());
        assert_silent(
            "MZ108",
            &kafka("SASL MECHANISMS 'scram-sha-256', SASL USERNAME 'u', SASL PASSWORD SECRET p"),
        );
    }

    #[test]
    fn case_5_protocol_fit() {
        let sql = kafka("SECURITY PROTOCOL 'SSL', SASL MECHANISMS 'PLAIN', SASL USERNAME 'mz', SASL PASSWORD SECRET p");
        let found = findings_of("MZ108", &sql);
        assert_eq!(
            found,
            vec![
                (
                    "option SASL MECHANISMS not supported with SECURITY PROTOCOL 'SSL'".to_string(),
                    "SASL MECHANISMS 'PLAIN'".to_string()
                ),
                (
                    "option SASL USERNAME not supported with SECURITY PROTOCOL 'SSL'".to_string(),
                    "SASL USERNAME 'mz'".to_string()
                ),
                (
                    "option SASL PASSWORD not supported with SECURITY PROTOCOL 'SSL'".to_string(),
                    "SASL PASSWORD SECRET p".to_string()
                ),
            ]
        );
        let d = &crate::testing::lint_sql(&sql)[0];
        assert_eq!(
            d.help.as_deref(),
            Some("use 'SASL_SSL', or remove the SASL options")
        );
        let sql = "CREATE CONNECTION k_x TO KAFKA (BROKER 'a:9092', SECURITY PROTOCOL 'PLAINTEXT', SSL CERTIFICATE AUTHORITY 'pem');";
        let d = only("MZ108", sql);
        assert_eq!(
            d.message,
            "option SSL CERTIFICATE AUTHORITY not supported with SECURITY PROTOCOL 'PLAINTEXT'"
        );
        assert_eq!(
            d.help.as_deref(),
            Some("use 'SSL', or remove the SSL options")
        );
        let sql = kafka("SECURITY PROTOCOL 'sasl_plaintext', SASL MECHANISMS 'PLAIN', SASL USERNAME 'u', SASL PASSWORD SECRET p, SSL KEY SECRET k, SSL CERTIFICATE 'c'");
        assert_eq!(findings_of("MZ108", &sql).len(), 2);
        let sql = kafka("SECURITY PROTOCOL 'SSL', AWS CONNECTION aws");
        assert_eq!(
            only("MZ108", &sql).message,
            "option AWS CONNECTION not supported with SECURITY PROTOCOL 'SSL'"
        );
        // Fitting combinations and the default protocol.
        for options in [
            "SASL MECHANISMS 'PLAIN', SASL USERNAME 'u', SASL PASSWORD SECRET p",
            "SSL CERTIFICATE AUTHORITY SECRET ca",
            "SECURITY PROTOCOL 'SASL_SSL', SSL CERTIFICATE AUTHORITY SECRET ca, SASL MECHANISMS 'PLAIN', SASL USERNAME 'u', SASL PASSWORD SECRET p",
            "SECURITY PROTOCOL 'SASL_PLAINTEXT', SASL MECHANISMS 'PLAIN', SASL USERNAME 'u', SASL PASSWORD SECRET p",
            "AWS CONNECTION aws",
            "SECURITY PROTOCOL 'SASL_SSL', AWS CONNECTION aws",
            // An unknown protocol is case 3 only; a placeholder is skipped.
            "SECURITY PROTOCOL '${PROTOCOL}', SASL MECHANISMS 'PLAIN', SASL USERNAME 'u', SASL PASSWORD SECRET p",
        ] {
            assert_silent("MZ108", &kafka(options));
        }
        assert_eq!(
            findings_of(
                "MZ108",
                &kafka("SECURITY PROTOCOL 'TLS', SASL USERNAME 'u'")
            )
            .len(),
            1
        );
    }

    #[test]
    fn alter_is_checked_against_the_effective_definition() {
        let files = [
            ("a.sql", "CREATE CONNECTION kafka TO KAFKA (BROKER 'b1.internal:9092', SASL MECHANISMS 'PLAIN', SASL USERNAME 'mz', SASL PASSWORD SECRET p);"),
            ("b.sql", "ALTER CONNECTION kafka SET (SECURITY PROTOCOL = 'SSL');"),
        ];
        let diagnostics = lint_project(&files, None);
        let found: Vec<_> = diagnostics
            .iter()
            .filter(|(_, d)| d.code() == "MZ108")
            .map(|(p, d)| (p.clone(), d.message.clone(), d.related.len()))
            .collect();
        assert_eq!(
            found,
            vec![
                (
                    "b.sql".to_string(),
                    "option SASL MECHANISMS not supported with SECURITY PROTOCOL 'SSL'".to_string(),
                    1
                ),
                (
                    "b.sql".to_string(),
                    "option SASL USERNAME not supported with SECURITY PROTOCOL 'SSL'".to_string(),
                    1
                ),
                (
                    "b.sql".to_string(),
                    "option SASL PASSWORD not supported with SECURITY PROTOCOL 'SSL'".to_string(),
                    1
                ),
            ]
        );
        insta::assert_snapshot!(crate::testing::render_concise(
            &files,
            &diagnostics
                .into_iter()
                .filter(|(_, d)| d.code() == "MZ108")
                .take(1)
                .collect::<Vec<_>>()
        ));
        // The reverse: SASL set on a connection that says SSL.
        let files = [
            ("a.sql", "CREATE CONNECTION kafka TO KAFKA (BROKER 'b1.internal:9092', SECURITY PROTOCOL 'SSL');"),
            ("b.sql", "ALTER CONNECTION kafka SET (SASL USERNAME 'mz');"),
        ];
        let found: Vec<_> = lint_project(&files, None)
            .into_iter()
            .filter(|(_, d)| d.code() == "MZ108")
            .map(|(p, d)| (p, d.message, d.related[0].message.clone()))
            .collect();
        assert_eq!(
            found,
            vec![(
                "b.sql".to_string(),
                "option SASL USERNAME not supported with SECURITY PROTOCOL 'SSL'".to_string(),
                "SECURITY PROTOCOL is set here".to_string()
            )]
        );
        // Findings of the CREATE alone are not repeated on an unrelated ALTER.
        let files = [
            ("a.sql", "CREATE CONNECTION kafka TO KAFKA (BROKER 'b1.internal:9092', SECURITY PROTOCOL 'SSL', SASL USERNAME 'u');"),
            ("b.sql", "ALTER CONNECTION kafka SET (BROKER 'b2.internal:9092');"),
        ];
        let found: Vec<_> = lint_project(&files, None)
            .into_iter()
            .filter(|(_, d)| d.code() == "MZ108")
            .map(|(p, _)| p)
            .collect();
        assert_eq!(found, vec!["a.sql".to_string()]);
        // Unknown connection: value checks of Kafka-only options only.
        assert_eq!(
            findings_of(
                "MZ108",
                "ALTER CONNECTION elsewhere SET (SECURITY PROTOCOL 'TLS');"
            )
            .len(),
            1
        );
        assert_silent(
            "MZ108",
            "ALTER CONNECTION elsewhere SET (SASL USERNAME 'u');",
        );
        // Another type: MZ100's business.
        let files = [
            (
                "a.sql",
                "CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u');",
            ),
            ("b.sql", "ALTER CONNECTION pg SET (BROKER 'a,b');"),
        ];
        assert!(lint_project(&files, None)
            .iter()
            .all(|(_, d)| d.code() != "MZ108"));
    }

    #[test]
    fn variants_and_placeholders() {
        // Mixed case, comments between words, CRLF, non-ASCII before the span.
        let sql = "-- Brökers\r\ncreate connection kafka to kafka (\r\n  broker 'b1:9092',\r\n  security /* tls? */ protocol 'tls');\r\n";
        let d = only("MZ108", sql);
        assert_eq!(&sql[d.span.range()], "'tls'");
        // Quoted, qualified names.
        let sql = "CREATE CONNECTION materialize.public.\"Kafka\" TO KAFKA (BROKER 'a:1,b:2');";
        assert_eq!(findings_of("MZ108", sql).len(), 1);
        // SECURITY_PROTOCOL is an alias (rules.md §1.8).
        assert_eq!(
            findings_of("MZ108", &kafka("SECURITY_PROTOCOL 'TLS'")).len(),
            1
        );
        for sql in [
            "CREATE CONNECTION kafka TO KAFKA (BROKER '${BROKERS}');".to_string(),
            "CREATE CONNECTION kafka TO KAFKA (BROKER '<broker>,<broker2>');".to_string(),
            "CREATE CONNECTION kafka TO KAFKA (BROKER '{{ a }},{{ b }}');".to_string(),
            kafka("SECURITY PROTOCOL '<protocol>'"),
            kafka("SASL MECHANISMS '${MECH}', SASL USERNAME 'u', SASL PASSWORD SECRET p"),
        ] {
            assert_silent("MZ108", &sql);
        }
    }

    #[test]
    fn suppressed() {
        assert_silent("MZ108", &format!("-- mzlint: ignore[MZ108]\n{BAD}"));
        assert_silent("MZ002", &format!("-- mzlint: ignore[MZ108]\n{BAD}"));
    }
}

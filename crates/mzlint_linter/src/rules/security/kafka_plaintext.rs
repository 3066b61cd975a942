use super::common::{name_as_written, text_value, ConnDef, Subject};
use crate::prelude::*;
use crate::rules::security::common::effective_connection_option;
use crate::semantic::broker_host;

declare_rule! {
/// ## What it does
///
/// Reports a KAFKA connection with `SECURITY PROTOCOL` `PLAINTEXT` or
/// `SASL_PLAINTEXT` (ignoring case) where at least one broker has a public
/// route; also `ALTER CONNECTION … SET (SECURITY PROTOCOL …)` on such a
/// connection (judged on its effective definition; silent when the project
/// does not define it).
///
/// A broker's route is private when the connection has a connection-level
/// `SSH TUNNEL` or `AWS PRIVATELINK`, when the broker has a `USING` clause,
/// or when its host matches `security.private-hosts`; otherwise it is public
/// (a placeholder host too).
///
/// Not reported when the protocol is `SSL`, `SASL_SSL` or omitted (TLS by
/// default), a placeholder, or when every broker is private.
///
/// ## Why is this bad?
///
/// The Kafka connection docs call PLAINTEXT and SASL_PLAINTEXT insecure
/// unless tunnelled (MaterializeInc/agent-skills
/// `skills/materialize-docs/sql/create-connection/index.md`): SASL
/// credentials and every record cross the network in clear text.
///
/// ## Example
///
/// ```sql
/// CREATE CONNECTION kafka TO KAFKA (BROKER 'b-1.events.a1b2c3.c2.kafka.us-east-1.amazonaws.com:9096', SECURITY PROTOCOL = 'SASL_PLAINTEXT', SASL MECHANISMS = 'SCRAM-SHA-512', SASL USERNAME = 'mz', SASL PASSWORD = SECRET kafka_pw);
/// ```
///
/// reports, on the SECURITY PROTOCOL option, ``KAFKA connection `kafka` uses
/// SECURITY PROTOCOL 'SASL_PLAINTEXT' to public broker
/// 'b-1.events.a1b2c3.c2.kafka.us-east-1.amazonaws.com:9096': credentials
/// and records cross the network unencrypted`` (naming the first public
/// broker). Use instead:
///
/// ```sql
/// CREATE CONNECTION kafka TO KAFKA (BROKER 'b-1.events.a1b2c3.c2.kafka.us-east-1.amazonaws.com:9096', SECURITY PROTOCOL = 'SASL_SSL', SASL MECHANISMS = 'SCRAM-SHA-512', SASL USERNAME = 'mz', SASL PASSWORD = SECRET kafka_pw);
/// ```
///
/// ## Fix
///
/// None: switching to TLS needs the brokers' TLS listener (often another
/// port).
    pub(crate) static RULE = {
        code: "MZ204",
        name: "kafka-plaintext",
        severity: Warning,
        scope: Statement,
        fix: None,
        fix_summary: "none",
        summary: "Kafka (SASL_)PLAINTEXT to public brokers",
        check: Statement(check),
    }
}

const HELP: &str =
    "use 'SASL_SSL' (or 'SSL'), or route the brokers through SSH TUNNEL or AWS PRIVATELINK";

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(subject) = Subject::of(ctx.statement) else {
        return;
    };
    let Some(def) = subject.definition(ctx) else {
        return;
    };
    if def.connection_type != ConnectionType::Kafka {
        return;
    }
    let Some(option) = subject.written_options().into_iter().rev().find(|option| {
        effective_connection_option(def.connection_type, &option.name)
            == OptionName::SecurityProtocol
    }) else {
        return;
    };
    let Some(protocol) = option.value.as_ref().and_then(|v| text_value(ctx, v)) else {
        return;
    };
    if !protocol.eq_ignore_ascii_case("PLAINTEXT")
        && !protocol.eq_ignore_ascii_case("SASL_PLAINTEXT")
    {
        return;
    }
    let Some(broker) = first_public_broker(ctx, &def) else {
        return;
    };
    let message = format!(
        "KAFKA connection `{}` uses SECURITY PROTOCOL '{protocol}' to public broker '{broker}': \
         credentials and records cross the network unencrypted",
        name_as_written(ctx, subject.name())
    );
    out.push(ctx.diagnostic(&RULE, option.span, message).with_help(HELP));
}

/// The address of the first broker whose route is public, if any.
fn first_public_broker<'a>(
    ctx: &StatementContext<'a>,
    def: &ConnDef<'a>,
) -> Option<std::borrow::Cow<'a, str>> {
    let tunnelled = def.options.iter().any(|o| {
        matches!(o.name, OptionName::SshTunnel | OptionName::AwsPrivatelink)
            && o.option.value.is_some()
    });
    if tunnelled {
        return None;
    }
    let security = &ctx.settings().security;
    for option in &def.options {
        if !matches!(option.name, OptionName::Broker | OptionName::Brokers) {
            continue;
        }
        let Some(value) = &option.option.value else {
            continue;
        };
        for broker in brokers(value).into_iter().filter(|b| b.tunnel.is_none()) {
            match broker.address.as_ref() {
                // A placeholder host is public (rules.md §5.2).
                Value::Placeholder(span) if option.here => return Some(ctx.text(*span).into()),
                Value::Placeholder(_) => return Some("…".into()),
                address => {
                    if let Some(address) = address.as_text() {
                        if !security.is_private_host(broker_host(address)) {
                            return Some(address.into());
                        }
                    }
                }
            }
        }
    }
    None
}

/// The brokers of a BROKER or BROKERS value.
fn brokers(value: &Value) -> Vec<&Broker> {
    match value {
        Value::Broker(broker) => vec![broker],
        Value::List { items, .. } => items
            .iter()
            .filter_map(|item| match item {
                Value::Broker(broker) => Some(broker),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::common::test_support::*;
    use crate::diagnostic::Severity;
    use crate::testing::render_sql;

    const BAD: &str = "CREATE CONNECTION kafka TO KAFKA (BROKER 'b-1.events.a1b2c3.c2.kafka.us-east-1.amazonaws.com:9096', SECURITY PROTOCOL = 'SASL_PLAINTEXT', SASL MECHANISMS = 'SCRAM-SHA-512', SASL USERNAME = 'mz', SASL PASSWORD = SECRET kafka_pw);";
    const GOOD: &str = "CREATE CONNECTION kafka TO KAFKA (BROKER 'b-1.events.a1b2c3.c2.kafka.us-east-1.amazonaws.com:9096', SECURITY PROTOCOL = 'SASL_SSL', SASL MECHANISMS = 'SCRAM-SHA-512', SASL USERNAME = 'mz', SASL PASSWORD = SECRET kafka_pw);";

    #[test]
    fn bad_example() {
        let d = only_finding(BAD, None, "MZ204");
        assert_eq!(
            d.message,
            "KAFKA connection `kafka` uses SECURITY PROTOCOL 'SASL_PLAINTEXT' to public broker 'b-1.events.a1b2c3.c2.kafka.us-east-1.amazonaws.com:9096': credentials and records cross the network unencrypted"
        );
        assert_eq!(span_text(BAD, &d), "SECURITY PROTOCOL = 'SASL_PLAINTEXT'");
        assert_eq!(d.severity, Severity::Warning);
        assert_eq!(
            d.help.as_deref(),
            Some("use 'SASL_SSL' (or 'SSL'), or route the brokers through SSH TUNNEL or AWS PRIVATELINK")
        );
        assert!(d.fix.is_none());
    }

    #[test]
    fn good_example() {
        assert_clean(GOOD, None);
    }

    #[test]
    fn protocols() {
        let with = |protocol: &str| {
            format!("CREATE CONNECTION kafka TO KAFKA (BROKER 'kafka.example.com:9092', SECURITY PROTOCOL {protocol});")
        };
        for protocol in [
            "'PLAINTEXT'",
            "'plaintext'",
            "'Sasl_Plaintext'",
            "plaintext",
        ] {
            assert_eq!(
                findings(&with(protocol), Some(ELSEWHERE), "MZ204").len(),
                1,
                "{protocol}"
            );
        }
        for protocol in [
            "'SSL'",
            "'SASL_SSL'",
            "'ssl'",
            "'TLS'",
            "'${KAFKA_PROTOCOL}'",
        ] {
            assert_none(&with(protocol), Some(ELSEWHERE), "MZ204");
        }
        // Omitted: TLS by default.
        assert_none(
            "CREATE CONNECTION kafka TO KAFKA (BROKER 'kafka.example.com:9092');",
            None,
            "MZ204",
        );
    }

    #[test]
    fn per_broker_routes() {
        // V17: every broker private (a dotless host, an SSH tunnel).
        let v17 = "CREATE CONNECTION kafka_dev TO KAFKA (BROKERS ['k1:9092', 'k2:9092' USING SSH TUNNEL bastion],\n    SECURITY PROTOCOL = 'plaintext');";
        assert_none(v17, Some(ELSEWHERE), "MZ204");
        // The first public broker is named.
        let sql = "CREATE CONNECTION k TO KAFKA (BROKERS ('b1.internal:9092', 'b2.example.com:9092' USING AWS PRIVATELINK pl, 'b3.example.com:9092', 'b4.example.com:9092'), SECURITY PROTOCOL 'PLAINTEXT');";
        let d = only_finding(sql, Some(ELSEWHERE), "MZ204");
        assert!(
            d.message.contains("to public broker 'b3.example.com:9092'"),
            "{}",
            d.message
        );
        // IPv6 and private IPs.
        let sql = "CREATE CONNECTION k TO KAFKA (BROKERS ('[::1]:9092', '10.1.2.3:9092'), SECURITY PROTOCOL 'PLAINTEXT');";
        assert_none(sql, None, "MZ204");
        // A placeholder broker is public.
        let sql = "CREATE CONNECTION k TO KAFKA (BROKER '${KAFKA_BROKER}', SECURITY PROTOCOL 'PLAINTEXT');";
        let d = only_finding(sql, None, "MZ204");
        assert!(d.message.contains("to public broker '${KAFKA_BROKER}'"));
        // Connection-level tunnels make every broker private.
        for tunnel in ["SSH TUNNEL bastion", "AWS PRIVATELINK pl (PORT 9092)"] {
            let sql = format!("CREATE CONNECTION k TO KAFKA (BROKER 'b.example.com:9092', SECURITY PROTOCOL 'PLAINTEXT', {tunnel});");
            assert_none(&sql, Some(ELSEWHERE), "MZ204");
        }
    }

    #[test]
    fn aliases_case_comments_legacy_crlf() {
        let sql = "create connection \"Events\" to kafka (broker 'kafka.example.com:9092', security_protocol = 'plaintext');";
        let d = &findings(sql, None, "MZ204")[0];
        assert_eq!(span_text(sql, d), "security_protocol = 'plaintext'");
        assert!(d
            .message
            .starts_with("KAFKA connection `\"Events\"` uses SECURITY PROTOCOL 'plaintext'"));

        let sql = "CREATE CONNECTION k FOR KAFKA BROKER 'kafka.example.com:9092', SECURITY /* ! */ PROTOCOL 'PLAINTEXT';";
        let d = &findings(sql, None, "MZ204")[0];
        assert_eq!(span_text(sql, d), "SECURITY /* ! */ PROTOCOL 'PLAINTEXT'");

        let sql = "-- Ereignisse über Kafka\r\nCREATE CONNECTION k TO KAFKA (\r\n  BROKER 'kafka.example.com:9092',\r\n  SECURITY PROTOCOL 'PLAINTEXT'\r\n);\r\n";
        let d = only_finding(sql, None, "MZ204");
        assert_eq!(span_text(sql, &d), "SECURITY PROTOCOL 'PLAINTEXT'");
    }

    #[test]
    fn suppression() {
        assert_clean(
            &format!("-- mzlint: ignore[MZ204] lab cluster\n{BAD}"),
            None,
        );
    }

    #[test]
    fn alter_set_security_protocol() {
        let create = "CREATE CONNECTION kafka TO KAFKA (BROKERS ('b1.example.com:9092', 'b2.example.com:9092'));\n";
        let sql = format!("{create}ALTER CONNECTION kafka SET (SECURITY PROTOCOL = 'PLAINTEXT');");
        let d = only_finding(&sql, None, "MZ204");
        assert_eq!(span_text(&sql, &d), "SECURITY PROTOCOL = 'PLAINTEXT'");
        assert!(d.message.contains("public broker 'b1.example.com:9092'"));
        // The same ALTER moves the brokers behind a tunnel.
        let sql = format!("{create}ALTER CONNECTION kafka SET (SSH TUNNEL bastion), SET (SECURITY PROTOCOL = 'PLAINTEXT');");
        assert_none(&sql, Some(ELSEWHERE), "MZ204");
        // … or replaces them (SET BROKER drops BROKERS).
        let sql = format!("{create}ALTER CONNECTION kafka SET (BROKER 'kafka.internal:9092'), SET (SECURITY PROTOCOL = 'PLAINTEXT');");
        assert_none(&sql, None, "MZ204");
        // Unknown connection: silent.
        assert_none(
            "ALTER CONNECTION kafka SET (SECURITY PROTOCOL = 'PLAINTEXT');",
            None,
            "MZ204",
        );
    }

    #[test]
    fn snapshot() {
        insta::assert_snapshot!("bad_example", render_sql(BAD, &lint(BAD, None)));
    }
}

use super::common::{name_as_written, text_value, ConnDef, Subject};
use crate::options::effective_connection_option;
use crate::prelude::*;
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
fn first_public_broker<'a>(ctx: &StatementContext<'_>, def: &ConnDef<'a>) -> Option<&'a str> {
    let tunnelled = def.options.iter().any(|o| {
        matches!(o.name, OptionName::SshTunnel | OptionName::AwsPrivatelink)
            && o.option.value.is_some()
    });
    if tunnelled {
        return None;
    }
    let security = &ctx.settings().security;
    def.options
        .iter()
        .filter(|o| matches!(o.name, OptionName::Broker | OptionName::Brokers))
        .filter_map(|o| o.option.value.as_ref())
        .flat_map(brokers)
        .filter(|broker| broker.tunnel.is_none())
        .filter_map(|broker| broker.address.as_text())
        .find(|address| !security.is_private_host(broker_host(address)))
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

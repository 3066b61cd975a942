use crate::prelude::*;

declare_rule! {
/// * **Detects** a KAFKA connection with SECURITY PROTOCOL `PLAINTEXT` or `SASL_PLAINTEXT` (ignoring case)
///   where at least one broker has a public route (no connection-level SSH TUNNEL or AWS PRIVATELINK, no
///   `USING` clause, host not private); also `ALTER CONNECTION … SET (SECURITY PROTOCOL …)` on one.
/// * **Not** when the protocol is `SSL`, `SASL_SSL` or omitted (TLS by default), or every broker is private.
/// * **Message** (span: the SECURITY PROTOCOL option): ``KAFKA connection `kafka` uses SECURITY PROTOCOL
///   'SASL_PLAINTEXT' to public broker 'b-1.events.a1b2c3.c2.kafka.us-east-1.amazonaws.com:9096':
///   credentials and records cross the network unencrypted`` — help: `use 'SASL_SSL' (or 'SSL'), or route
///   the brokers through SSH TUNNEL or AWS PRIVATELINK`.
/// * **Why**: the Kafka connection docs call PLAINTEXT and SASL_PLAINTEXT insecure unless tunnelled
///   (MaterializeInc/agent-skills `skills/materialize-docs/sql/create-connection/index.md`).
/// * **Bad** `CREATE CONNECTION kafka TO KAFKA (BROKER 'b-1.events.a1b2c3.c2.kafka.us-east-1.amazonaws.com:9096', SECURITY PROTOCOL = 'SASL_PLAINTEXT', SASL MECHANISMS = 'SCRAM-SHA-512', SASL USERNAME = 'mz', SASL PASSWORD = SECRET kafka_pw);`
/// * **Good** `CREATE CONNECTION kafka TO KAFKA (BROKER 'b-1.events.a1b2c3.c2.kafka.us-east-1.amazonaws.com:9096', SECURITY PROTOCOL = 'SASL_SSL', SASL MECHANISMS = 'SCRAM-SHA-512', SASL USERNAME = 'mz', SASL PASSWORD = SECRET kafka_pw);`
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

fn check(_ctx: &StatementContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

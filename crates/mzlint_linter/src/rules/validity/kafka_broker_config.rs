use crate::prelude::*;

declare_rule! {
/// * **Detects** in KAFKA connections:
///   1. a comma in one BROKER string or BROKERS element (`cannot specify multiple Kafka broker addresses
///      in one string`);
///   2. a broker string that is empty, contains whitespace, or has a non-numeric port;
///   3. a SECURITY PROTOCOL other than `PLAINTEXT`, `SSL`, `SASL_PLAINTEXT`, `SASL_SSL`, ignoring case
///      (`unknown security protocol: TLS`);
///   4. a SASL MECHANISMS value other than `PLAIN`, `SCRAM-SHA-256`, `SCRAM-SHA-512`, ignoring case;
///   5. an option that does not fit the effective protocol (given, else `SASL_SSL` when a SASL option or
///      AWS CONNECTION is present, else `SSL`): SASL options with `PLAINTEXT`/`SSL`; SSL CERTIFICATE
///      AUTHORITY, SSL CERTIFICATE or SSL KEY with `PLAINTEXT`/`SASL_PLAINTEXT`; AWS CONNECTION with
///      `PLAINTEXT`/`SSL` (`option SASL USERNAME not supported with this configuration`).
/// * **Not** on a broker without port, lower-case protocol names (MZ704), placeholders.
/// * **Message** (span: the string, value or option): `BROKER 'b1.internal:9092,b2.internal:9092' lists
///   several brokers in one string` — help: `write BROKERS ('b1.internal:9092', 'b2.internal:9092')`.
///   Other forms: `unknown security protocol: TLS` — help `accepted: PLAINTEXT, SSL, SASL_PLAINTEXT,
///   SASL_SSL`; `unsupported SASL MECHANISMS 'SCRAM-SHA256'` — help `did you mean 'SCRAM-SHA-256'?`;
///   `option SASL USERNAME not supported with SECURITY PROTOCOL 'SSL'` — help `use 'SASL_SSL', or remove
///   the SASL options`.
/// * **Why**: rejected at plan time (`connection.rs` `plan_kafka_security`;
///   `test/testdrive/connection-create-drop.td`; issue 14906).
/// * **Fix**: comma — *safe*: `BROKER 'a,b'` becomes `BROKERS ('a', 'b')` (parts trimmed, empty parts
///   dropped); a BROKERS element without `USING` is split into elements. Protocol or mechanism with a
///   single suggestion (`SASL-SSL` → `SASL_SSL`) — *unsafe* replacement. Otherwise none.
/// * **Bad** `CREATE CONNECTION kafka TO KAFKA (BROKER 'b1.internal:9092,b2.internal:9092');`
/// * **Good** `CREATE CONNECTION kafka TO KAFKA (BROKERS ('b1.internal:9092', 'b2.internal:9092'));`
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

fn check(_ctx: &StatementContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

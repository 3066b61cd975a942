use crate::prelude::*;

declare_rule! {
/// * **Detects**, in a Kafka `CREATE SOURCE` with legacy FORMAT/ENVELOPE clauses and in any
///   `CREATE TABLE … FROM SOURCE` with them (no ENVELOPE means `NONE`):
///   1. `ENVELOPE UPSERT` without a key format: a key format exists with `KEY FORMAT … VALUE FORMAT …`, or
///      a single `FORMAT AVRO|PROTOBUF USING CONFLUENT SCHEMA REGISTRY …`; JSON, TEXT, BYTES, CSV, REGEX
///      and inline-schema formats give only the value (`ENVELOPE [DEBEZIUM] UPSERT requires that KEY
///      FORMAT be specified`);
///   2. `ENVELOPE DEBEZIUM` with a non-Avro value format (`ENVELOPE DEBEZIUM requires that VALUE FORMAT is
///      set to AVRO`);
///   3. `ENVELOPE DEBEZIUM` with `INCLUDE KEY` (`Cannot use INCLUDE KEY with ENVELOPE DEBEZIUM: Debezium
///      values include all keys.`);
///   4. `FORMAT CSV` with an envelope other than `NONE`;
///   5. `ENVELOPE MATERIALIZE` with a non-Avro value (`non-Avro-encoded ENVELOPE MATERIALIZE not yet
///      supported`).
/// * **Not** on `ENVELOPE DEBEZIUM UPSERT` (MZ701) or non-Kafka sources (MZ100).
/// * **Message** (span: the ENVELOPE clause; case 3, the INCLUDE KEY item): `ENVELOPE DEBEZIUM requires
///   that VALUE FORMAT is set to AVRO` — help: `read Debezium records with FORMAT AVRO USING CONFLUENT
///   SCHEMA REGISTRY CONNECTION <connection>`.
/// * **Why**: rejected at plan time (`materialize-ddl.md` §5.6; docs: "Materialize only supports
///   Avro-encoded Debezium records").
/// * **Bad** `CREATE TABLE orders_cdc FROM SOURCE kafka_src FORMAT JSON ENVELOPE DEBEZIUM;`
/// * **Good** `CREATE TABLE orders_cdc FROM SOURCE kafka_src FORMAT AVRO USING CONFLUENT SCHEMA REGISTRY CONNECTION csr ENVELOPE DEBEZIUM;`
    pub(crate) static RULE = {
        code: "MZ109",
        name: "kafka-format-envelope-mismatch",
        severity: Error,
        scope: Statement,
        fix: None,
        fix_summary: "none",
        summary: "ENVELOPE incompatible with FORMAT or INCLUDE",
        check: Statement(check),
    }
}

fn check(_ctx: &StatementContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

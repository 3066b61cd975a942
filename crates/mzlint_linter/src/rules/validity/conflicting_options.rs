use crate::prelude::*;

declare_rule! {
/// * **Detects** (Materialize's texts):
///
///   | Where | Conflict | Message |
///   |---|---|---|
///   | KAFKA | more than one of BROKER, BROKERS, connection-level AWS PRIVATELINK | `can only set one of BROKER, BROKERS, or AWS PRIVATELINK` |
///   | AWS | ACCESS KEY ID, SECRET ACCESS KEY or SESSION TOKEN with ASSUME ROLE ARN | `cannot specify both ACCESS KEY ID and ASSUME ROLE ARN` |
///   | MYSQL | AWS CONNECTION with PASSWORD | `AWS IAM authentication is not supported with password` |
///   | KAFKA | AWS CONNECTION with SASL MECHANISMS, SASL USERNAME or SASL PASSWORD | `option SASL USERNAME not supported with this configuration` |
///   | KAFKA source | START OFFSET with START TIMESTAMP | `cannot specify START TIMESTAMP and START OFFSET at same time` |
///   | ALTER CONNECTION | ROTATE KEYS with another action, or with `WITH (…)` | `cannot specify any other actions alongside ALTER CONNECTION...ROTATE KEYS` / `ALTER CONNECTION...ROTATE KEYS does not support WITH (…)` |
///   | ALTER CONNECTION | SET and RESET/DROP of one option | `cannot both SET and DROP/RESET options HOST` |
///   | ALTER CONNECTION | SET BROKER with RESET/DROP BROKERS, or the reverse | `cannot both SET and DROP/RESET mutually exclusive KAFKA options BROKER, BROKERS` |
///
///   An `ALTER CONNECTION … SET` that conflicts with the effective definition is reported too (SET ASSUME
///   ROLE ARN on a connection keeping its ACCESS KEY ID). SET BROKER implicitly drops BROKERS and vice
///   versa, so SET alone never conflicts on that pair.
/// * **Not** on SSH TUNNEL with AWS PRIVATELINK (MZ305).
/// * **Message** (span: the option written second; note at the first): see the table.
/// * **Why**: rejected at plan time (`src/sql/src/plan/statement/ddl/connection.rs`;
///   `test/cloudtest/test_privatelink_connection.py`); which side was meant cannot be known.
/// * **Bad** `CREATE CONNECTION kafka TO KAFKA (BROKER 'b1.internal:9092', BROKERS ('b1.internal:9092', 'b2.internal:9092'));`
/// * **Good** `CREATE CONNECTION kafka TO KAFKA (BROKERS ('b1.internal:9092', 'b2.internal:9092'));`
    pub(crate) static RULE = {
        code: "MZ102",
        name: "conflicting-options",
        severity: Error,
        scope: Statement,
        fix: None,
        fix_summary: "none",
        summary: "Mutually exclusive options or actions",
        check: Statement(check),
    }
}

fn check(_ctx: &StatementContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

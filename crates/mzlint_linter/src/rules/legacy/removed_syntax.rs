use crate::prelude::*;

declare_rule! {
/// * **Detects** forms current Materialize no longer parses (or always rejects), recognised by the parser
///   and reported precisely instead of as a bare syntax error; each distinct form once, on its own span:
///
///   | Form | Message | Fix |
///   |---|---|---|
///   | `CREATE MATERIALIZED SOURCE` | `CREATE MATERIALIZED SOURCE was removed; use CREATE SOURCE and materialized views` | none |
///   | `FROM KAFKA BROKER '…' TOPIC '…'` | `inline Kafka brokers were removed; create a KAFKA connection and use FROM KAFKA CONNECTION <name> (TOPIC '…')` | none |
///   | `FROM POSTGRES CONNECTION '<string>'` | `inline PostgreSQL connection strings were removed; create a secret and a POSTGRES connection` (string never shown, §2) | none |
///   | `FROM FILE`, `S3`, `KINESIS`, `PUBNUB` | `FILE sources were removed` (per kind) | none |
///   | `CREATE VIEWS FROM SOURCE` | `CREATE VIEWS FROM SOURCE was removed; use CREATE TABLE … FROM SOURCE` | none |
///   | `CREATE CONNECTOR` | `CREATE CONNECTOR was renamed CREATE CONNECTION` | none |
///   | `FROM POSTGRES CONNECTION c PUBLICATION 'p'` | `PUBLICATION must be written in parentheses: (PUBLICATION 'p')` | safe: add them |
///   | `FROM KAFKA CONNECTION c TOPIC 't'` | `TOPIC must be written in parentheses: (TOPIC 't')` | safe: add them |
///   | source `WITH (REMOTE …)`, `DISK`, `TIMELINE`, `IGNORE KEYS`, `timestamp_frequency_ms` | `source option TIMELINE was removed` | unsafe: delete |
///   | SQL Server `CAPTURE INSTANCE '…'` | `CAPTURE INSTANCE was removed; Materialize finds the capture instance itself` | safe: delete |
///   | `ENVELOPE DEBEZIUM UPSERT` | `ENVELOPE DEBEZIUM UPSERT was removed; use ENVELOPE DEBEZIUM` | none |
///   | `TO YUGABYTE`, `FROM YUGABYTE CONNECTION` | `YUGABYTE connections are not supported by current Materialize` | none |
///   | AWS option `ROLE ARN` | `ROLE ARN was renamed ASSUME ROLE ARN` | safe: rename |
///   | `ALTER SOURCE s DROP SUBSOURCE x` (or `DROP TABLE`) | `ALTER SOURCE...DROP SUBSOURCE no longer supported; use DROP SOURCE` | unsafe: `DROP SOURCE [IF EXISTS] x [CASCADE]` |
///   | `DROP SUBSOURCE x` | `DROP SUBSOURCE does not exist; use DROP SOURCE x` | safe: `SUBSOURCE` → `SOURCE` |
/// * **Message** (span: the clause, option or statement head): see the table.
/// * **Why**: these forms live on in old tests, demos and dbt projects (older `test/pg-cdc/pg-cdc-ssl.td`;
///   `MaterializeInc/mz-hack-day-2022`), and Materialize answers them with generic parse errors such as
///   `Expected end of statement, found PUBLICATION` (`materialize-ddl.md` §6.1).
/// * **Bad** `CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg PUBLICATION 'mz_pub' FOR TABLES (public.orders);`
/// * **Good** `CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders);`
    pub(crate) static RULE = {
        code: "MZ701",
        name: "removed-syntax",
        severity: Error,
        scope: Statement,
        fix: Sometimes,
        fix_summary: "safe (some forms)",
        summary: "Removed form, reported precisely",
        check: Statement(check),
    }
}

fn check(_ctx: &StatementContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

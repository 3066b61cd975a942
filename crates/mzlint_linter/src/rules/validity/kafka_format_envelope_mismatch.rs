use crate::prelude::*;

declare_rule! {
/// ## What it does
///
/// Reports, in a Kafka `CREATE SOURCE` with (legacy) FORMAT/ENVELOPE clauses and in a `CREATE TABLE
/// … FROM SOURCE` with them (no ENVELOPE means `NONE`; no FORMAT means `BYTES`):
///
/// 1. `ENVELOPE UPSERT` without a key format. `KEY FORMAT … VALUE FORMAT …` gives a key, and so
///    does a single `FORMAT AVRO|PROTOBUF USING CONFLUENT SCHEMA REGISTRY …`; JSON, TEXT, BYTES,
///    CSV, REGEX and inline-schema formats give only the value (`ENVELOPE [DEBEZIUM] UPSERT
///    requires that KEY FORMAT be specified`);
/// 2. `ENVELOPE DEBEZIUM` with a non-Avro value format (`ENVELOPE DEBEZIUM requires that VALUE
///    FORMAT is set to AVRO`);
/// 3. `ENVELOPE DEBEZIUM` with `INCLUDE KEY` (Debezium values include all keys);
/// 4. `FORMAT CSV` with an envelope other than `NONE`;
/// 5. `ENVELOPE MATERIALIZE` with a non-Avro value (`non-Avro-encoded ENVELOPE MATERIALIZE not yet
///    supported`).
///
/// Not reported: `ENVELOPE DEBEZIUM UPSERT` (MZ701); non-Kafka sources (MZ100), including a
/// `CREATE TABLE … FROM SOURCE` whose source the project defines as another kind.
///
/// The span is the ENVELOPE clause; for case 3, the INCLUDE KEY item.
///
/// ## Why is this bad?
///
/// Materialize rejects these combinations at plan time; it only supports Avro-encoded Debezium
/// records, and an upsert needs a key to upsert by.
///
/// ## Example
///
/// ```sql
/// CREATE TABLE orders_cdc FROM SOURCE kafka_src FORMAT JSON ENVELOPE DEBEZIUM;
/// ```
///
/// Use instead:
///
/// ```sql
/// CREATE TABLE orders_cdc FROM SOURCE kafka_src FORMAT AVRO USING CONFLUENT SCHEMA REGISTRY CONNECTION csr ENVELOPE DEBEZIUM;
/// ```
///
/// ## Fix
///
/// None: the right format or envelope depends on the topic's data.
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

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    if ctx
        .statement
        .removed
        .iter()
        .any(|r| r.form == RemovedForm::EnvelopeDebeziumUpsert)
    {
        return; // MZ701
    }
    let (format, include, envelope) = match &ctx.statement.kind {
        StatementKind::CreateSource(source) => {
            let SourceBody::Connection(conn) = &source.body else {
                return;
            };
            if conn.kind != SourceKind::Kafka {
                return;
            }
            (&conn.format, &conn.include, &conn.envelope)
        }
        StatementKind::CreateTableFromSource(table) => {
            match ctx.project().source_kind(ctx.location(), &table.source) {
                Some(SourceKind::Kafka) | None => {}
                Some(_) => return, // MZ100
            }
            (&table.format, &table.include, &table.envelope)
        }
        _ => return,
    };
    let Some(envelope) = envelope else {
        return; // ENVELOPE NONE fits every format
    };
    let value = value_format(format);
    let avro = matches!(value, Some(FormatKind::Avro(_)));
    let csv = matches!(value, Some(FormatKind::Csv { .. }));
    let push = |out: &mut Vec<Diagnostic>, span: Span, message: &str, help: &str| {
        out.push(ctx.diagnostic(&RULE, span, message).with_help(help));
    };
    match &envelope.kind {
        EnvelopeKind::None => {}
        _ if csv => push(
            out,
            envelope.span,
            &format!(
                "FORMAT CSV supports only ENVELOPE NONE, not {}",
                ctx.text(envelope.span)
            ),
            "remove the ENVELOPE clause, or read the topic with another format",
        ),
        EnvelopeKind::Upsert { .. } => {
            if !has_key_format(format) {
                push(
                    out,
                    envelope.span,
                    "ENVELOPE UPSERT requires that KEY FORMAT be specified",
                    "add KEY FORMAT … VALUE FORMAT …, or use FORMAT AVRO|PROTOBUF USING CONFLUENT SCHEMA REGISTRY CONNECTION <connection>, which gives the key too",
                );
            }
        }
        EnvelopeKind::Debezium => {
            if !avro {
                push(
                    out,
                    envelope.span,
                    "ENVELOPE DEBEZIUM requires that VALUE FORMAT is set to AVRO",
                    "read Debezium records with FORMAT AVRO USING CONFLUENT SCHEMA REGISTRY CONNECTION <connection>",
                );
            }
            if let Some(include) = include {
                for item in &include.items {
                    if matches!(item.kind, IncludeKind::Key) {
                        push(
                            out,
                            item.span,
                            "cannot use INCLUDE KEY with ENVELOPE DEBEZIUM: Debezium values include all keys",
                            "remove INCLUDE KEY; the key columns are part of the Debezium value",
                        );
                    }
                }
            }
        }
        EnvelopeKind::Materialize => {
            if !avro {
                push(
                    out,
                    envelope.span,
                    "non-Avro-encoded ENVELOPE MATERIALIZE not yet supported",
                    "use FORMAT AVRO USING CONFLUENT SCHEMA REGISTRY CONNECTION <connection>",
                );
            }
        }
    }
}

/// The value format: the single FORMAT, or VALUE FORMAT. `None` without a
/// FORMAT clause (Materialize then reads bytes).
fn value_format(format: &Option<FormatSpec>) -> Option<&FormatKind> {
    match &format.as_ref()?.kind {
        FormatSpecKind::Bare(format) => Some(&format.kind),
        FormatSpecKind::KeyValue { value, .. } => Some(&value.kind),
    }
}

/// A key format exists: `KEY FORMAT … VALUE FORMAT …`, or a single Avro or
/// Protobuf format read through a schema registry.
fn has_key_format(format: &Option<FormatSpec>) -> bool {
    match format.as_ref().map(|f| &f.kind) {
        Some(FormatSpecKind::KeyValue { .. }) => true,
        Some(FormatSpecKind::Bare(format)) => matches!(
            format.kind,
            FormatKind::Avro(AvroSchema::Csr { .. })
                | FormatKind::Protobuf(ProtobufSchema::Csr { .. })
        ),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::values_common::test_util::*;
    use crate::testing::lint_project;

    const BAD: &str =
        "CREATE TABLE orders_cdc FROM SOURCE kafka_src FORMAT JSON ENVELOPE DEBEZIUM;";
    const GOOD: &str = "CREATE TABLE orders_cdc FROM SOURCE kafka_src FORMAT AVRO USING CONFLUENT SCHEMA REGISTRY CONNECTION csr ENVELOPE DEBEZIUM;";

    fn table(clauses: &str) -> String {
        format!("CREATE TABLE t FROM SOURCE kafka_src {clauses};")
    }

    fn source(clauses: &str) -> String {
        format!("CREATE SOURCE s IN CLUSTER ingest FROM KAFKA CONNECTION k (TOPIC 't') {clauses};")
    }

    #[test]
    fn bad_example() {
        assert_bad_example("MZ109", BAD, "ENVELOPE DEBEZIUM requires that VALUE FORMAT is set to AVRO", "ENVELOPE DEBEZIUM", "read Debezium records with FORMAT AVRO USING CONFLUENT SCHEMA REGISTRY CONNECTION <connection>");
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
    fn case_1_upsert_needs_a_key() {
        for clauses in [
            "FORMAT JSON ENVELOPE UPSERT",
            "FORMAT TEXT ENVELOPE UPSERT",
            "ENVELOPE UPSERT",
            "FORMAT AVRO USING SCHEMA '{}' ENVELOPE UPSERT",
            "FORMAT REGEX '(?P<a>.*)' ENVELOPE UPSERT",
        ] {
            assert_eq!(
                findings_of("MZ109", &table(clauses)),
                vec![(
                    "ENVELOPE UPSERT requires that KEY FORMAT be specified".to_string(),
                    "ENVELOPE UPSERT".to_string()
                )],
                "{clauses}"
            );
        }
        for clauses in [
            "KEY FORMAT TEXT VALUE FORMAT JSON ENVELOPE UPSERT",
            "FORMAT AVRO USING CONFLUENT SCHEMA REGISTRY CONNECTION csr ENVELOPE UPSERT",
            "FORMAT PROTOBUF USING CONFLUENT SCHEMA REGISTRY CONNECTION csr ENVELOPE UPSERT (VALUE DECODING ERRORS = (INLINE))",
        ] {
            assert_silent("MZ109", &table(clauses));
        }
    }

    #[test]
    fn case_2_debezium_needs_avro() {
        assert_eq!(findings_of("MZ109", &source("FORMAT PROTOBUF USING CONFLUENT SCHEMA REGISTRY CONNECTION csr ENVELOPE DEBEZIUM")).len(), 1);
        assert_eq!(findings_of("MZ109", &table("KEY FORMAT AVRO USING CONFLUENT SCHEMA REGISTRY CONNECTION csr VALUE FORMAT JSON ENVELOPE DEBEZIUM")).len(), 1);
        assert_silent(
            "MZ109",
            &table("FORMAT AVRO USING SCHEMA '{}' ENVELOPE DEBEZIUM"),
        );
    }

    #[test]
    fn case_3_debezium_with_include_key() {
        let sql = table("FORMAT AVRO USING CONFLUENT SCHEMA REGISTRY CONNECTION csr INCLUDE PARTITION, KEY AS k ENVELOPE DEBEZIUM");
        assert_eq!(
            findings_of("MZ109", &sql),
            vec![(
                "cannot use INCLUDE KEY with ENVELOPE DEBEZIUM: Debezium values include all keys"
                    .to_string(),
                "KEY AS k".to_string()
            )]
        );
    }

    #[test]
    fn case_4_csv_only_with_none() {
        let sql = source("FORMAT CSV WITH 2 COLUMNS ENVELOPE UPSERT");
        assert_eq!(
            findings_of("MZ109", &sql),
            vec![(
                "FORMAT CSV supports only ENVELOPE NONE, not ENVELOPE UPSERT".to_string(),
                "ENVELOPE UPSERT".to_string()
            )]
        );
        assert_eq!(
            findings_of(
                "MZ109",
                &source("FORMAT CSV WITH HEADER (a, b) ENVELOPE DEBEZIUM")
            )
            .len(),
            1
        );
        assert_silent("MZ109", &source("FORMAT CSV WITH 2 COLUMNS ENVELOPE NONE"));
    }

    #[test]
    fn case_5_materialize_needs_avro() {
        assert_eq!(
            findings_of("MZ109", &table("FORMAT JSON ENVELOPE MATERIALIZE")),
            vec![(
                "non-Avro-encoded ENVELOPE MATERIALIZE not yet supported".to_string(),
                "ENVELOPE MATERIALIZE".to_string()
            )]
        );
        assert_silent(
            "MZ109",
            &table(
                "FORMAT AVRO USING CONFLUENT SCHEMA REGISTRY CONNECTION csr ENVELOPE MATERIALIZE",
            ),
        );
    }

    #[test]
    fn not_on_removed_forms_or_other_kinds() {
        // ENVELOPE DEBEZIUM UPSERT is MZ701's.
        assert_silent("MZ109", &table("FORMAT JSON ENVELOPE DEBEZIUM UPSERT"));
        // A Postgres source: FORMAT is MZ100's.
        assert_silent("MZ109", "CREATE SOURCE s FROM POSTGRES CONNECTION pg (PUBLICATION 'p') FORMAT JSON ENVELOPE UPSERT FOR ALL TABLES;");
        let files = [
            ("a.sql", "CREATE SOURCE pg_src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'p');"),
            ("b.sql", "CREATE TABLE t FROM SOURCE pg_src (REFERENCE public.t) FORMAT JSON ENVELOPE UPSERT;"),
        ];
        assert!(lint_project(&files, None)
            .iter()
            .all(|(_, d)| d.code() != "MZ109"));
        // A known Kafka source is checked.
        let files = [
            (
                "a.sql",
                "CREATE SOURCE kafka_src IN CLUSTER ingest FROM KAFKA CONNECTION k (TOPIC 't');",
            ),
            (
                "b.sql",
                "CREATE TABLE t FROM SOURCE kafka_src FORMAT JSON ENVELOPE UPSERT;",
            ),
        ];
        assert_eq!(
            lint_project(&files, None)
                .iter()
                .filter(|(_, d)| d.code() == "MZ109")
                .count(),
            1
        );
    }

    #[test]
    fn variants() {
        // Mixed case, comments, CRLF, non-ASCII before the span, qualified names.
        let sql = "-- Bestellungen (Änderungen)\r\ncreate table \"Orders\".cdc from source materialize.public.kafka_src\r\n  format json\r\n  envelope /* cdc */ debezium;\r\n";
        let found = findings_of("MZ109", sql);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, "envelope /* cdc */ debezium");
    }

    #[test]
    fn suppressed() {
        assert_silent(
            "MZ109",
            &format!("{BAD} -- mzlint: ignore[kafka-format-envelope-mismatch]"),
        );
    }
}

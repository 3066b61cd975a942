//! CREATE SOURCE, CREATE TABLE … FROM SOURCE | WEBHOOK, ALTER SOURCE and
//! CREATE SUBSOURCE: AST snapshots of the valid examples of
//! `materialize-ddl.md` §7.1 (V25–V50), removed and internal forms, exact
//! messages of the parse-invalid examples of §7.2, and the recovery cases
//! rules.md assigns to precise rules instead of MZ000.

use mzlint_syntax::ast::*;
use mzlint_syntax::{parse, SyntaxError};

/// Parse `sql`, asserting it has no lex or parse error, and return its
/// statements.
fn parse_ok(sql: &str) -> Vec<Statement> {
    let file = parse(sql);
    assert!(
        file.lex_errors.is_empty(),
        "lex errors for {sql}: {:?}",
        file.lex_errors
    );
    assert!(
        file.errors.is_empty(),
        "parse errors for {sql}: {:?}",
        file.errors
    );
    for statement in &file.statements {
        assert!(
            !matches!(statement.kind, StatementKind::Error(_)),
            "error statement without an error for {sql}"
        );
    }
    file.statements
}

/// Parse one statement without error.
fn parse_one(sql: &str) -> Statement {
    let mut statements = parse_ok(sql);
    assert_eq!(statements.len(), 1, "expected one statement in {sql}");
    statements.remove(0)
}

/// The single MZ000 of `sql`, with the text its span covers.
fn error_of(sql: &str) -> (SyntaxError, String) {
    let file = parse(sql);
    assert_eq!(
        file.errors.len(),
        1,
        "expected exactly one error for {sql}: {:?}",
        file.errors
    );
    let error = file.errors[0].clone();
    let text = error.span.text(sql).to_string();
    (error, text)
}

fn assert_error(sql: &str, message: &str, at: &str) {
    let (error, text) = error_of(sql);
    assert_eq!(error.message, message, "message for {sql}");
    assert_eq!(text, at, "error span for {sql}");
}

fn removed_texts(sql: &str, statement: &Statement) -> Vec<(RemovedForm, String)> {
    statement
        .removed
        .iter()
        .map(|r| (r.form.clone(), r.span.text(sql).to_string()))
        .collect()
}

/// A snapshot of the AST of one valid statement.
macro_rules! snapshot {
    ($name:ident, $sql:expr) => {
        #[test]
        fn $name() {
            insta::assert_debug_snapshot!(parse_one($sql));
        }
    };
}

/// A snapshot of the ASTs of several valid statements.
macro_rules! snapshot_all {
    ($name:ident, $sql:expr) => {
        #[test]
        fn $name() {
            insta::assert_debug_snapshot!(parse_ok($sql));
        }
    };
}

// ---------------------------------------------------------------------------
// §7.1 valid statements (V51 and V52 are DROP statements, tested with DROP).

snapshot!(
    v25_source_new_syntax,
    "CREATE SOURCE pg_src IN CLUSTER ingest FROM POSTGRES CONNECTION pg_main (PUBLICATION 'mz_pub');"
);
snapshot!(
    v26_table_from_source,
    "CREATE TABLE orders FROM SOURCE pg_src (REFERENCE public.orders);"
);
snapshot!(
    v27_table_reference_eq_text_exclude,
    r#"CREATE TABLE IF NOT EXISTS shipments FROM SOURCE pg_src (REFERENCE = "Logistics"."Shipments")
    WITH (TEXT COLUMNS (status_enum), EXCLUDE COLUMNS (raw_payload));"#
);
snapshot!(
    v28_legacy_for_tables_expose_progress,
    "CREATE SOURCE pg_legacy IN CLUSTER ingest
    FROM POSTGRES CONNECTION pg_main (PUBLICATION 'mz_pub',
        TEXT COLUMNS (public.orders.status, public.users.kind))
    FOR TABLES (public.orders, public.users AS app_users)
    EXPOSE PROGRESS AS pg_legacy_progress;"
);
snapshot!(
    v29_for_schemas,
    "CREATE SOURCE pg_schemas FROM POSTGRES CONNECTION pg_main (PUBLICATION 'mz_pub') FOR SCHEMAS (public, billing);"
);
snapshot!(
    v30_ident_publication_retain_history,
    "CREATE SOURCE pg_all FROM POSTGRES CONNECTION pg_main (PUBLICATION mz_pub) FOR ALL TABLES
    WITH (RETAIN HISTORY FOR '1h');"
);
snapshot!(
    v31_mysql_source,
    "CREATE SOURCE mysql_src FROM MYSQL CONNECTION mysql_prod;"
);
snapshot!(
    v32_table_exclude_columns,
    "CREATE TABLE customers FROM SOURCE mysql_src (REFERENCE shop.customers) WITH (EXCLUDE COLUMNS (ssn));"
);
snapshot!(
    v33_bracketed_list_into,
    "CREATE SOURCE mysql_legacy FROM MYSQL CONNECTION mysql_prod (
        TEXT COLUMNS (shop.orders.flags), EXCLUDE COLUMNS [shop.orders.raw_blob])
    FOR TABLES (shop.orders, shop.items INTO shop_items);"
);
snapshot!(
    v34_ignore_columns,
    "CREATE SOURCE mysql_old FROM MYSQL CONNECTION mysql_prod (IGNORE COLUMNS (shop.orders.raw_blob))
    FOR TABLES (shop.orders);"
);
snapshot!(
    v35_sql_server_source,
    "CREATE SOURCE mssql_src IN CLUSTER ingest FROM SQL SERVER CONNECTION mssql;"
);
snapshot!(
    v36_table_text_columns,
    "CREATE TABLE invoices FROM SOURCE mssql_src (REFERENCE dbo.invoices) WITH (TEXT COLUMNS (amount_money));"
);
snapshot!(
    v37_kafka_source,
    "CREATE SOURCE kafka_src IN CLUSTER ingest FROM KAFKA CONNECTION kafka_prod (TOPIC 'events',
    GROUP ID PREFIX 'mz-events-');"
);
snapshot!(
    v38_kafka_table_key_value_include_upsert,
    "CREATE TABLE events FROM SOURCE kafka_src
    KEY FORMAT TEXT VALUE FORMAT JSON
    INCLUDE KEY AS event_key, PARTITION, OFFSET AS kafka_offset, HEADER 'trace-id' AS trace_id BYTES
    ENVELOPE UPSERT;"
);
snapshot!(
    v39_kafka_table_avro_csr_debezium,
    "CREATE TABLE events_cdc FROM SOURCE kafka_src
    FORMAT AVRO USING CONFLUENT SCHEMA REGISTRY CONNECTION csr VALUE STRATEGY LATEST
    ENVELOPE DEBEZIUM;"
);
snapshot!(
    v40_legacy_kafka_format_include_envelope,
    "CREATE SOURCE kafka_legacy_src FROM KAFKA CONNECTION kafka_prod (TOPIC 'clicks', START OFFSET (0, 0, 100))
    FORMAT JSON INCLUDE TIMESTAMP ENVELOPE NONE;"
);
snapshot!(
    v41_negative_start_timestamp,
    "CREATE SOURCE kafka_logs FROM KAFKA CONNECTION kafka_prod (TOPIC 'logs', START TIMESTAMP -3600000,
    TOPIC METADATA REFRESH INTERVAL '30s') FORMAT TEXT;"
);
snapshot!(
    v42_load_generator_auction,
    "CREATE SOURCE auction_src IN CLUSTER ingest FROM LOAD GENERATOR AUCTION (TICK INTERVAL '500ms');"
);
snapshot!(
    v43_table_from_load_generator,
    "CREATE TABLE bids FROM SOURCE auction_src (REFERENCE bids);"
);
snapshot!(
    v44_tpch_for_all_tables,
    "CREATE SOURCE tpch_src FROM LOAD GENERATOR TPCH (SCALE FACTOR 0.1) FOR ALL TABLES;"
);
snapshot!(
    v45_webhook_source,
    "CREATE SOURCE hooks IN CLUSTER webhooks FROM WEBHOOK BODY FORMAT JSON ARRAY
    INCLUDE HEADER 'x-event' AS event_type
    INCLUDE HEADERS (NOT 'authorization')
    CHECK (WITH (HEADERS, SECRET hook_secret) constant_time_eq(headers->'x-api-key', hook_secret));"
);
snapshot!(
    v46_table_from_webhook,
    "CREATE TABLE hook_tbl FROM WEBHOOK BODY FORMAT TEXT;"
);
snapshot!(
    v47_alter_source_add_subsource,
    "ALTER SOURCE pg_legacy ADD SUBSOURCE public.payments, public.refunds AS refunds_v2
    WITH (TEXT COLUMNS (public.payments.method));"
);
snapshot!(
    v48_alter_source_refresh_references,
    "ALTER SOURCE pg_src REFRESH REFERENCES;"
);
snapshot!(
    v49_alter_source_set_retain_history,
    "ALTER SOURCE pg_src SET (RETAIN HISTORY = FOR '2h');"
);
snapshot!(
    v50_alter_source_reset_retain_history,
    "ALTER SOURCE pg_src RESET (RETAIN HISTORY);"
);

// More valid forms of the grammar.

snapshot!(
    source_columns_with_key_constraint,
    "CREATE SOURCE IF NOT EXISTS db.sch.k (a, b, PRIMARY KEY (a, b) NOT ENFORCED)
    IN CLUSTER ingest FROM KAFKA CONNECTION kafka_prod (TOPIC 't') FORMAT BYTES;"
);
snapshot_all!(
    formats_avro_protobuf_csv_regex,
    r#"CREATE TABLE f FROM SOURCE k
    KEY FORMAT AVRO USING SCHEMA '{"type":"string"}' (CONFLUENT WIRE FORMAT = false)
    VALUE FORMAT PROTOBUF MESSAGE '.Batch' USING SCHEMA '\x0a';
CREATE TABLE g FROM SOURCE k FORMAT CSV WITH HEADER (a, b) DELIMITED BY ';';
CREATE TABLE h FROM SOURCE k FORMAT CSV WITH 3 COLUMNS;
CREATE TABLE i FROM SOURCE k FORMAT REGEX '(?P<a>\w+)';
CREATE TABLE j FROM SOURCE k FORMAT PROTOBUF USING CONFLUENT SCHEMA REGISTRY CONNECTION csr;
CREATE TABLE l FROM SOURCE k FORMAT AVRO USING CONFLUENT SCHEMA REGISTRY CONNECTION csr
    (AVRO KEY FULLNAME 'a.b', NULL DEFAULTS = true, KEY DOC ON TYPE db.sch.t = 'doc')
    KEY STRATEGY ID -1 VALUE STRATEGY INLINE '{}'
    ENVELOPE MATERIALIZE"#
);
snapshot!(
    envelope_upsert_value_decoding_errors,
    "CREATE TABLE t FROM SOURCE k KEY FORMAT TEXT VALUE FORMAT JSON
    INCLUDE HEADERS AS h, TIMESTAMP AS ts
    ENVELOPE UPSERT (VALUE DECODING ERRORS = (INLINE AS err))
    WITH (PARTITION BY (a), RETAIN HISTORY FOR '1d');"
);
snapshot!(
    table_from_source_column_names,
    "CREATE TABLE t (a, b) FROM SOURCE k FORMAT TEXT;"
);
snapshot!(
    load_generator_key_value_double_equals,
    "CREATE SOURCE kv FROM LOAD GENERATOR KEY VALUE (KEYS = = 16, PARTITIONS 4, SNAPSHOT ROUNDS 2,
    TRANSACTIONAL SNAPSHOT, VALUE SIZE 8, SEED 1, BATCH SIZE 2) INCLUDE KEY AS k, OFFSET
    WITH (TIMESTAMP INTERVAL '1s');"
);
snapshot_all!(
    alter_source_other_actions,
    "ALTER SOURCE IF EXISTS s SET CLUSTER c;
ALTER SOURCE s RENAME TO s2;
ALTER SOURCE s OWNER TO mz_admin;
ALTER SOURCE s ADD TABLE shop.a INTO a2, shop.b WITH (IGNORE COLUMNS [shop.a.x], EXCLUDE COLUMNS = ());
ALTER SOURCE s SET (TIMESTAMP INTERVAL '5s', RETAIN HISTORY FOR INTERVAL '1 day');"
);
snapshot!(
    webhook_check_body_bytes,
    "CREATE TABLE hook FROM WEBHOOK BODY FORMAT BYTES INCLUDE HEADERS
    CHECK (WITH (BODY AS b BYTES, SECRET [u1 AS materialize.public.hook_secret] AS s) b = s);"
);

// ---------------------------------------------------------------------------
// §7.2 parse-invalid examples in this area: exact messages and spans.

#[test]
fn x11_in_cluster_after_from() {
    assert_error(
        "CREATE SOURCE s FROM POSTGRES CONNECTION pg_main (PUBLICATION 'p') IN CLUSTER ingest;",
        "Expected end of statement, found IN",
        "IN",
    );
}

#[test]
fn x16_empty_for_tables() {
    assert_error(
        "CREATE SOURCE s FROM POSTGRES CONNECTION pg_main (PUBLICATION 'p') FOR TABLES ();",
        "Expected identifier, found right parenthesis",
        ")",
    );
}

#[test]
fn x17_for_tables_without_parentheses() {
    assert_error(
        "CREATE SOURCE s FROM POSTGRES CONNECTION pg_main (PUBLICATION 'p') FOR TABLES app.t;",
        "Expected left parenthesis, found identifier \"app\"",
        "app",
    );
}

#[test]
fn x19_unknown_load_generator() {
    assert_error(
        "CREATE SOURCE s FROM LOAD GENERATOR WIDGETS;",
        "Expected one of CLOCK or COUNTER or MARKETING or AUCTION or TPCH or DATUMS or KEY, found identifier \"widgets\"",
        "WIDGETS",
    );
}

#[test]
fn x20_webhook_body_format_csv() {
    assert_error(
        "CREATE SOURCE s FROM WEBHOOK BODY FORMAT CSV;",
        "Expected one of JSON or TEXT or BYTES, found CSV",
        "CSV",
    );
}

#[test]
fn x21_webhook_with() {
    assert_error(
        "CREATE SOURCE s FROM WEBHOOK BODY FORMAT JSON WITH (RETAIN HISTORY FOR '1h');",
        "Expected end of statement, found WITH",
        "WITH",
    );
}

#[test]
fn x22_reference_without_parentheses() {
    assert_error(
        "CREATE TABLE t FROM SOURCE pg_src REFERENCE public.t;",
        "Expected end of statement, found REFERENCE",
        "REFERENCE",
    );
}

#[test]
fn x23_mixed_column_definitions_and_names() {
    // Materialize's parser text; reported at the closing parenthesis.
    assert_error(
        "CREATE TABLE t (a int4, b) FROM SOURCE pg_src (REFERENCE public.t);",
        "cannot mix column definitions and column names",
        ")",
    );
}

#[test]
fn x24_temp_table_from_source() {
    assert_error(
        "CREATE TEMP TABLE t FROM SOURCE pg_src (REFERENCE public.t);",
        "Expected TABLE, found TEMP",
        "TEMP",
    );
    assert_error(
        "CREATE TEMPORARY TABLE t FROM WEBHOOK BODY FORMAT TEXT;",
        "Expected TABLE, found TEMPORARY",
        "TEMPORARY",
    );
}

#[test]
fn x25_alter_source_add_column() {
    assert_error(
        "ALTER SOURCE pg_src ADD COLUMN x;",
        "Expected one of SUBSOURCE or TABLE, found COLUMN",
        "COLUMN",
    );
}

#[test]
fn x30_multiple_key_constraints() {
    assert_error(
        "CREATE SOURCE s (a, PRIMARY KEY (a) NOT ENFORCED, PRIMARY KEY (a) NOT ENFORCED)
    FROM KAFKA CONNECTION kafka_prod (TOPIC 't') FORMAT TEXT;",
        "Multiple key constraints not allowed",
        "PRIMARY KEY (a) NOT ENFORCED",
    );
}

#[test]
fn x34_strategy_id_not_32_bit() {
    assert_error(
        "CREATE TABLE t FROM SOURCE kafka_src FORMAT AVRO USING CONFLUENT SCHEMA REGISTRY CONNECTION csr
    KEY STRATEGY ID 99999999999;",
        "Expected a 32-bit integer",
        "99999999999",
    );
    // The bounds themselves fit.
    parse_ok(
        "CREATE TABLE t FROM SOURCE k FORMAT AVRO USING CONFLUENT SCHEMA REGISTRY CONNECTION csr
    KEY STRATEGY ID -2147483648 VALUE STRATEGY ID 2147483647;",
    );
    assert_error(
        "CREATE TABLE t FROM SOURCE k FORMAT AVRO USING CONFLUENT SCHEMA REGISTRY CONNECTION csr
    VALUE STRATEGY ID 2147483648;",
        "Expected a 32-bit integer",
        "2147483648",
    );
}

#[test]
fn x35_unterminated_string() {
    let (error, _) = error_of("CREATE SECRET s AS 'oops;");
    assert_eq!(error.message, "unterminated quoted string");
}

// Further messages of these productions.

#[test]
fn unknown_format_envelope_and_source_kind() {
    assert_error(
        "CREATE TABLE t FROM SOURCE k FORMAT XML;",
        "Expected AVRO, PROTOBUF, REGEX, CSV, JSON, TEXT, or BYTES, found identifier \"xml\"",
        "XML",
    );
    assert_error(
        "CREATE TABLE t FROM SOURCE k FORMAT JSON ENVELOPE APPEND;",
        "Expected NONE, UPSERT, or MATERIALIZE, found identifier \"append\"",
        "APPEND",
    );
    assert_error(
        "CREATE SOURCE s FROM REDIS CONNECTION r;",
        "Expected one of KAFKA or POSTGRES or SQL or MYSQL or LOAD, found identifier \"redis\"",
        "REDIS",
    );
    assert_error(
        "ALTER SOURCE s REPLACE;",
        "Expected one of ADD or DROP or RESET or SET or RENAME or OWNER or REFRESH, found REPLACE",
        "REPLACE",
    );
    assert_error(
        "CREATE SOURCE s FROM POSTGRES CONNECTION pg (PUBLICATION 'p') FOR VIEWS;",
        "Expected one of ALL or TABLES or SCHEMAS, found VIEWS",
        "VIEWS",
    );
    assert_error(
        "CREATE TABLE t FROM SOURCE k FORMAT JSON INCLUDE TOPIC;",
        "Expected one of KEY or TIMESTAMP or PARTITION or OFFSET or HEADERS or HEADER, found TOPIC",
        "TOPIC",
    );
    assert_error(
        "CREATE TABLE t FROM SOURCE k FORMAT CSV WITH 2 COLUMNS DELIMITED BY ';;';",
        "Expected one-character string, found string literal",
        "';;'",
    );
}

#[test]
fn expected_lists_per_source_kind() {
    // X14 and X18 name the lists a kind expects when no option name starts.
    assert_error(
        "CREATE SOURCE s FROM MYSQL CONNECTION m (1);",
        "Expected one of DETAILS or TEXT or EXCLUDE or IGNORE, found number \"1\"",
        "1",
    );
    assert_error(
        "CREATE SOURCE s FROM SQL SERVER CONNECTION m ();",
        "Expected one of DETAILS or TEXT or EXCLUDE, found right parenthesis",
        ")",
    );
    assert_error(
        "CREATE SOURCE s FROM POSTGRES CONNECTION pg (PUBLICATION 'p',);",
        "Expected one of DETAILS or PUBLICATION or TEXT or EXCLUDE, found right parenthesis",
        ")",
    );
    assert_error(
        "CREATE SOURCE s FROM KAFKA CONNECTION k ('t');",
        "Expected one of GROUP or START or TOPIC, found string literal",
        "'t'",
    );
    assert_error(
        "CREATE SOURCE s FROM LOAD GENERATOR COUNTER (=);",
        "Expected one of SCALE or TICK or AS or UP or MAX or KEYS or SNAPSHOT or TRANSACTIONAL or VALUE or SEED or PARTITIONS or BATCH, found equals sign",
        "=",
    );
    assert_error(
        "CREATE SOURCE s FROM POSTGRES CONNECTION pg (PUBLICATION 'p') WITH ();",
        "Expected one of TIMESTAMP or RETAIN, found right parenthesis",
        ")",
    );
    assert_error(
        "ALTER SOURCE s RESET (RETAIN HISTORY = FOR '1h');",
        "Expected right parenthesis, found equals sign",
        "=",
    );
    assert_error(
        "CREATE TABLE t FROM SOURCE s (REFERENCE x) WITH (1);",
        "Expected one of TEXT or EXCLUDE or IGNORE or DETAILS or PARTITION or RETAIN, found number \"1\"",
        "1",
    );
    assert_error(
        "CREATE SOURCE s FROM POSTGRES CONNECTION pg (TEXT COLUMNS 'a.b');",
        "Expected one of left parenthesis or left square bracket, found string literal",
        "'a.b'",
    );
    assert_error(
        "ALTER SOURCE s SET (RETAIN HISTORY '1h');",
        "Expected FOR, found string literal",
        "'1h'",
    );
    assert_error(
        "ALTER SOURCE s DROP SUBSOURCE a CASCADE RESTRICT;",
        "Cannot specify both CASCADE and RESTRICT in ALTER SOURCE...DROP",
        "RESTRICT",
    );
}

#[test]
fn webhook_errors() {
    assert_error(
        "CREATE SOURCE s FROM WEBHOOK BODY FORMAT JSON CHECK ();",
        "Expected an expression, found right parenthesis",
        ")",
    );
    assert_error(
        "CREATE SOURCE s FROM WEBHOOK BODY FORMAT JSON INCLUDE KEY;",
        "Expected one of HEADER or HEADERS, found KEY",
        "KEY",
    );
    assert_error(
        "CREATE SOURCE s FROM WEBHOOK BODY FORMAT JSON CHECK (WITH (ROWS) true);",
        "Expected one of SECRET or HEADERS or BODY, found ROWS",
        "ROWS",
    );
    assert_error(
        "CREATE SOURCE s FROM WEBHOOK BODY FORMAT JSON CHECK (f(a)",
        "Expected right parenthesis, found EOF",
        ")",
    );
}

// ---------------------------------------------------------------------------
// Inputs rules.md hands to precise rules: no MZ000, the form recorded.

#[test]
fn x12_unparenthesized_topic() {
    let sql = "CREATE SOURCE s FROM KAFKA CONNECTION kafka_prod TOPIC 'events';";
    let statement = parse_one(sql);
    assert_eq!(
        removed_texts(sql, &statement),
        vec![(RemovedForm::UnparenthesizedTopic, "TOPIC 'events'".into())]
    );
    insta::assert_debug_snapshot!(statement);
}

#[test]
fn x13_unparenthesized_publication() {
    let sql = "CREATE SOURCE s FROM POSTGRES CONNECTION pg_main PUBLICATION 'p';";
    let statement = parse_one(sql);
    assert_eq!(
        removed_texts(sql, &statement),
        vec![(
            RemovedForm::UnparenthesizedPublication,
            "PUBLICATION 'p'".into()
        )]
    );
    insta::assert_debug_snapshot!(statement);
}

#[test]
fn x14_option_of_another_source_kind() {
    let sql = "CREATE SOURCE s FROM MYSQL CONNECTION mysql_prod (PUBLICATION 'p');";
    let statement = parse_one(sql);
    assert!(statement.removed.is_empty());
    insta::assert_debug_snapshot!(statement);
}

#[test]
fn x15_source_with_size() {
    let sql = "CREATE SOURCE s IN CLUSTER ingest FROM POSTGRES CONNECTION pg_main (PUBLICATION 'p') WITH (SIZE = 'xsmall');";
    let statement = parse_one(sql);
    assert_eq!(
        removed_texts(sql, &statement),
        vec![(RemovedForm::SourceSize, "SIZE = 'xsmall'".into())]
    );
    insta::assert_debug_snapshot!(statement);
}

#[test]
fn x18_capture_instance() {
    let sql = "CREATE SOURCE s FROM SQL SERVER CONNECTION mssql (CAPTURE INSTANCE 'dbo_orders');";
    let statement = parse_one(sql);
    assert_eq!(
        removed_texts(sql, &statement),
        vec![(
            RemovedForm::CaptureInstance,
            "CAPTURE INSTANCE 'dbo_orders'".into()
        )]
    );
    insta::assert_debug_snapshot!(statement);
}

#[test]
fn removed_source_with_options() {
    let sql = "CREATE SOURCE s FROM KAFKA CONNECTION k (TOPIC 't') FORMAT TEXT
    WITH (REMOTE 'h:2100', DISK = true, TIMELINE 'user', IGNORE KEYS, timestamp_frequency_ms = 100,
          TIMESTAMP INTERVAL '1s', NO SUCH OPTION 5);";
    let statement = parse_one(sql);
    assert_eq!(
        removed_texts(sql, &statement),
        vec![
            (
                RemovedForm::RemovedSourceOption("REMOTE"),
                "REMOTE 'h:2100'".into()
            ),
            (
                RemovedForm::RemovedSourceOption("DISK"),
                "DISK = true".into()
            ),
            (
                RemovedForm::RemovedSourceOption("TIMELINE"),
                "TIMELINE 'user'".into()
            ),
            (
                RemovedForm::RemovedSourceOption("IGNORE KEYS"),
                "IGNORE KEYS".into()
            ),
            (
                RemovedForm::RemovedSourceOption("TIMESTAMP_FREQUENCY_MS"),
                "timestamp_frequency_ms = 100".into()
            ),
        ]
    );
    insta::assert_debug_snapshot!(statement);
}

#[test]
fn removed_materialized_source_and_kafka_broker() {
    let sql = "CREATE MATERIALIZED SOURCE IF NOT EXISTS s FROM KAFKA BROKER 'localhost:9092' TOPIC 'events'
    FORMAT AVRO USING CONFLUENT SCHEMA REGISTRY CONNECTION csr ENVELOPE DEBEZIUM UPSERT;";
    let statement = parse_one(sql);
    assert_eq!(
        removed_texts(sql, &statement),
        vec![
            (
                RemovedForm::MaterializedSource,
                "CREATE MATERIALIZED SOURCE".into()
            ),
            (
                RemovedForm::InlineKafkaBroker,
                "KAFKA BROKER 'localhost:9092' TOPIC 'events'".into()
            ),
            (
                RemovedForm::EnvelopeDebeziumUpsert,
                "ENVELOPE DEBEZIUM UPSERT".into()
            ),
        ]
    );
    insta::assert_debug_snapshot!(statement);
}

#[test]
fn removed_kafka_broker_with_unmodelled_tail() {
    // v0.x: a string registry URL and a connector WITH before FORMAT.
    let sql = "CREATE MATERIALIZED SOURCE s FROM KAFKA BROKER 'k:9092' TOPIC 't'
    WITH (security_protocol = 'SSL') FORMAT AVRO USING CONFLUENT SCHEMA REGISTRY 'http://r:8081';
    CREATE SOURCE next FROM LOAD GENERATOR COUNTER;";
    let statements = parse_ok(sql);
    assert_eq!(statements.len(), 2);
    assert_eq!(
        removed_texts(sql, &statements[0]),
        vec![
            (
                RemovedForm::MaterializedSource,
                "CREATE MATERIALIZED SOURCE".into()
            ),
            (
                RemovedForm::InlineKafkaBroker,
                "KAFKA BROKER 'k:9092' TOPIC 't'".into()
            ),
        ]
    );
    let StatementKind::CreateSource(source) = &statements[0].kind else {
        panic!("not a source");
    };
    let SourceBody::Connection(conn) = &source.body else {
        panic!("not a connection source");
    };
    assert_eq!(conn.kind, SourceKind::Kafka);
    assert!(conn.connection.is_none());
    assert!(conn.format.is_none() && conn.with_options.is_none());
    let topic = conn.options.as_ref().expect("TOPIC kept");
    assert!(!topic.parenthesized);
    assert_eq!(topic.options[0].name, OptionName::Topic);
    assert!(matches!(statements[1].kind, StatementKind::CreateSource(_)));
}

#[test]
fn removed_inline_postgres_connection_string() {
    let sql = "CREATE MATERIALIZED SOURCE pg FROM POSTGRES
    CONNECTION 'host=db port=5432 user=mz password=mzlint-canary-9c1e7f dbname=app'
    PUBLICATION 'mz_source';";
    let file = parse(sql);
    assert!(file.errors.is_empty(), "{:?}", file.errors);
    let statement = &file.statements[0];
    assert_eq!(
        removed_texts(sql, statement),
        vec![
            (
                RemovedForm::MaterializedSource,
                "CREATE MATERIALIZED SOURCE".into()
            ),
            (
                RemovedForm::InlinePostgresConnectionString,
                "POSTGRES\n    CONNECTION 'host=db port=5432 user=mz password=mzlint-canary-9c1e7f dbname=app'"
                    .into()
            ),
        ]
    );
    let StatementKind::CreateSource(source) = &statement.kind else {
        panic!("not a source");
    };
    let SourceBody::Connection(conn) = &source.body else {
        panic!("not a connection source");
    };
    assert_eq!(conn.kind, SourceKind::Postgres);
    assert!(conn.connection.is_none());
    let options = conn.options.as_ref().expect("PUBLICATION kept");
    assert_eq!(options.options[0].name, OptionName::Publication);
    assert!(!format!("{file:?}").contains("canary"));
    insta::assert_debug_snapshot!(statement);
}

#[test]
fn libpq_string_never_in_messages_or_debug() {
    let canary = "mzlint-canary-9c1e7f";
    let inputs = [
        // The tail does not parse: skipped, no error.
        "CREATE SOURCE pg FROM POSTGRES CONNECTION 'password=mzlint-canary-9c1e7f' PUBLICATION 'p' WITH (;",
        "CREATE SOURCE pg FROM POSTGRES CONNECTION 'password=mzlint-canary-9c1e7f' FOR TABLES (a b c)",
        // Unterminated: a lex error, which names no content.
        "CREATE SOURCE pg FROM POSTGRES CONNECTION 'password=mzlint-canary-9c1e7f",
        // A string where a name belongs elsewhere: `found string literal`.
        "CREATE TABLE t FROM SOURCE 'password=mzlint-canary-9c1e7f';",
        "ALTER SOURCE s RENAME TO 'password=mzlint-canary-9c1e7f';",
    ];
    for sql in inputs {
        let file = parse(sql);
        for error in &file.errors {
            assert!(!error.message.contains(canary), "{sql}: {}", error.message);
        }
        for error in &file.lex_errors {
            assert!(!error.message.contains(canary), "{sql}: {}", error.message);
        }
        assert!(!format!("{file:?}").contains(canary), "{sql}");
    }
    assert!(parse(inputs[0]).errors.is_empty());
    assert!(parse(inputs[1]).errors.is_empty());
    assert_eq!(
        parse(inputs[3]).errors[0].message,
        "Expected identifier, found string literal"
    );
}

#[test]
fn removed_source_kinds() {
    let sql = "CREATE SOURCE f FROM FILE '/var/log/syslog' WITH (tail = true) FORMAT TEXT;
CREATE MATERIALIZED SOURCE s3 FROM S3 DISCOVER OBJECTS USING BUCKET SCAN 'b' FORMAT BYTES;
CREATE SOURCE k FROM KINESIS ARN 'arn:aws:kinesis:x' FORMAT BYTES;
CREATE SOURCE p FROM PUBNUB SUBSCRIBE KEY 'sub-c' CHANNEL 'ch';";
    let statements = parse_ok(sql);
    let forms: Vec<_> = statements.iter().map(|s| removed_texts(sql, s)).collect();
    assert_eq!(
        forms,
        vec![
            vec![(RemovedForm::RemovedSourceKind("FILE"), "FILE".into())],
            vec![
                (
                    RemovedForm::MaterializedSource,
                    "CREATE MATERIALIZED SOURCE".into()
                ),
                (RemovedForm::RemovedSourceKind("S3"), "S3".into())
            ],
            vec![(RemovedForm::RemovedSourceKind("KINESIS"), "KINESIS".into())],
            vec![(RemovedForm::RemovedSourceKind("PUBNUB"), "PUBNUB".into())],
        ]
    );
    insta::assert_debug_snapshot!(statements[0]);
}

#[test]
fn removed_yugabyte_source() {
    let sql = "CREATE SOURCE y FROM YUGABYTE CONNECTION yb (PUBLICATION 'p') FOR ALL TABLES;";
    let statement = parse_one(sql);
    assert_eq!(
        removed_texts(sql, &statement),
        vec![(RemovedForm::Yugabyte, "YUGABYTE CONNECTION".into())]
    );
    insta::assert_debug_snapshot!(statement);
}

#[test]
fn removed_alter_source_forms() {
    let sql = "ALTER SOURCE pg_legacy DROP SUBSOURCE IF EXISTS app_users, db.s.other CASCADE;
ALTER SOURCE s DROP TABLE t;
ALTER SOURCE s SET (SIZE = '3xsmall');
ALTER SOURCE s RESET (SIZE, TIMELINE, RETAIN HISTORY, NOT AN OPTION);";
    let statements = parse_ok(sql);
    let forms: Vec<_> = statements.iter().map(|s| removed_texts(sql, s)).collect();
    assert_eq!(
        forms,
        vec![
            vec![(
                RemovedForm::AlterSourceDropSubsource,
                "DROP SUBSOURCE IF EXISTS app_users, db.s.other CASCADE".into()
            )],
            vec![(RemovedForm::AlterSourceDropSubsource, "DROP TABLE t".into())],
            vec![(RemovedForm::SourceSize, "SIZE = '3xsmall'".into())],
            vec![
                (RemovedForm::SourceSize, "SIZE".into()),
                (
                    RemovedForm::RemovedSourceOption("TIMELINE"),
                    "TIMELINE".into()
                ),
            ],
        ]
    );
    insta::assert_debug_snapshot!(statements);
}

#[test]
fn unknown_option_words_are_kept() {
    let sql = "CREATE SOURCE s FROM POSTGRES CONNECTION pg (PUBLICATIONS 'p', SLOT NAME = 'x')
    WITH (TIMESTAMP INTERVAL '1s', RETENTION '1h');
CREATE SOURCE k FROM KAFKA CONNECTION kc (TOPIC 't', TICK INTERVAL '1s', GROUP ID 'g');
CREATE TABLE t FROM SOURCE s (REFERENCE a.b) WITH (TEXT COLUMNS (public.t.c), SNAPSHOT false);";
    let statements = parse_ok(sql);
    let names: Vec<Vec<OptionName>> = statements
        .iter()
        .flat_map(|s| -> Vec<Vec<OptionName>> {
            match &s.kind {
                StatementKind::CreateSource(source) => match &source.body {
                    SourceBody::Connection(c) => [&c.options, &c.with_options]
                        .into_iter()
                        .flatten()
                        .map(|l| l.options.iter().map(|o| o.name.clone()).collect())
                        .collect(),
                    SourceBody::Webhook(_) => vec![],
                },
                StatementKind::CreateTableFromSource(t) => t
                    .with_options
                    .iter()
                    .map(|l| l.options.iter().map(|o| o.name.clone()).collect())
                    .collect(),
                _ => vec![],
            }
        })
        .collect();
    assert_eq!(
        names,
        vec![
            vec![
                OptionName::Unknown("PUBLICATIONS".into()),
                OptionName::Unknown("SLOT NAME".into()),
            ],
            vec![
                OptionName::TimestampInterval,
                OptionName::Unknown("RETENTION".into()),
            ],
            // A load-generator option in a Kafka source is recognised (MZ100).
            vec![
                OptionName::Topic,
                OptionName::TickInterval,
                OptionName::Unknown("GROUP ID".into()),
            ],
            vec![
                OptionName::TextColumns,
                OptionName::Unknown("SNAPSHOT".into()),
            ],
        ]
    );
}

#[test]
fn qualified_text_columns_in_table_from_source() {
    // MZ110 reports these; Materialize says `Expected …, found dot`.
    let statement = parse_one(
        "CREATE TABLE t FROM SOURCE s (REFERENCE public.t) WITH (TEXT COLUMNS (public.t.c, d), IGNORE COLUMNS [t.e]);",
    );
    let StatementKind::CreateTableFromSource(table) = &statement.kind else {
        panic!("not a table from source");
    };
    let options = &table.with_options.as_ref().expect("WITH").options;
    assert_eq!(options[1].spelling, Spelling::IgnoreColumns);
    assert_eq!(options[1].name, OptionName::ExcludeColumns);
    insta::assert_debug_snapshot!(options);
}

#[test]
fn placeholders_in_name_and_value_positions() {
    let sql =
        "CREATE SOURCE <source_name> IN CLUSTER <cluster> FROM POSTGRES CONNECTION <pg_connection>
    (PUBLICATION '<publication>', TEXT COLUMNS (<column>)) FOR TABLES (<schema>.t AS <table>)
    WITH (RETAIN HISTORY FOR <interval>);
CREATE TABLE <table> FROM SOURCE <source> (REFERENCE <upstream-table>)
    FORMAT AVRO USING CONFLUENT SCHEMA REGISTRY CONNECTION <csr_connection>;
ALTER SOURCE s SET CLUSTER <cluster>;";
    let statements = parse_ok(sql);
    let StatementKind::CreateSource(source) = &statements[0].kind else {
        panic!("not a source");
    };
    assert!(source.name.is_placeholder());
    let SourceBody::Connection(conn) = &source.body else {
        panic!("not a connection source");
    };
    assert!(conn.connection.as_ref().is_some_and(|c| c.is_placeholder()));
    insta::assert_debug_snapshot!(statements);
}

// ---------------------------------------------------------------------------
// Internal forms (MZ112): parsed, not rejected.

#[test]
fn internal_forms() {
    let sql = "CREATE SOURCE s IN CLUSTER [u1] FROM POSTGRES CONNECTION [u7 AS materialize.public.pg_main]
    (PUBLICATION 'mz_pub', DETAILS = '0a1b2c3d') EXPOSE PROGRESS AS [u9 AS materialize.public.s_progress];
CREATE TABLE t FROM SOURCE [u8 AS materialize.public.k VERSION 2]
    FORMAT AVRO USING CONFLUENT SCHEMA REGISTRY CONNECTION [u3 AS materialize.public.csr]
    SEED KEY SCHEMA '{\"type\":\"string\"}' VALUE SCHEMA '{\"type\":\"long\"}'
    WITH (DETAILS = X'0a');
CREATE TABLE p FROM SOURCE k FORMAT PROTOBUF USING CONFLUENT SCHEMA REGISTRY CONNECTION csr
    SEED KEY SCHEMA 'ks' MESSAGE '.K' VALUE SCHEMA 'vs' MESSAGE '.V';
CREATE SUBSOURCE IF NOT EXISTS materialize.public.orders (id int4 NOT NULL, CONSTRAINT pk PRIMARY KEY (id))
    OF SOURCE [u7 AS materialize.public.pg_src]
    WITH (EXTERNAL REFERENCE = app.public.orders, TEXT COLUMNS = (a), DETAILS = 'x');
CREATE SUBSOURCE sub (a text);";
    let statements = parse_ok(sql);
    assert!(statements.iter().all(|s| s.removed.is_empty()));
    insta::assert_debug_snapshot!(statements);
}

#[test]
fn resolved_names_must_be_fully_qualified() {
    assert_error(
        "CREATE TABLE t FROM SOURCE [u1 AS pg_src];",
        "table name in square brackets must be fully qualified",
        "[u1 AS pg_src]",
    );
}

// ---------------------------------------------------------------------------
// §7.3 plan-invalid examples: the parser accepts them.

#[test]
fn plan_invalid_examples_parse() {
    let sql = "CREATE SOURCE s1 FROM POSTGRES CONNECTION pg_main;
CREATE SOURCE s1 FROM POSTGRES CONNECTION pg_main (PUBLICATION 'mz_pub', DETAILS 'deadbeef');
CREATE SOURCE s1 FROM POSTGRES CONNECTION pg_main (PUBLICATION 'mz_pub', TEXT COLUMNS (public.orders.status));
CREATE SOURCE s1 FROM POSTGRES CONNECTION pg_main (PUBLICATION 'mz_pub', TEXT COLUMNS (public.users.kind))
    FOR TABLES (public.orders);
CREATE SOURCE s1 FROM POSTGRES CONNECTION pg_main (PUBLICATION 'mz_pub', TEXT COLUMNS (kind))
    FOR TABLES (public.users);
CREATE SOURCE s1 FROM POSTGRES CONNECTION pg_main (PUBLICATION 'mz_pub') FOR ALL TABLES;
CREATE SOURCE s1 FROM POSTGRES CONNECTION pg_main (PUBLICATION 'mz_pub');
CREATE SOURCE s1 FROM POSTGRES CONNECTION pg_main (PUBLICATION 'mz_pub') FOR TABLES (public.no_replident);
CREATE SOURCE s2 FROM KAFKA CONNECTION kafka_prod (GROUP ID PREFIX 'x');
CREATE SOURCE s2 FROM KAFKA CONNECTION kafka_prod (TOPIC 'events') FOR ALL TABLES;
CREATE SOURCE s2 FROM KAFKA CONNECTION kafka_prod (TOPIC 'events', START OFFSET (0), START TIMESTAMP 0);
CREATE TABLE ev2 FROM SOURCE kafka_src FORMAT JSON ENVELOPE UPSERT;
CREATE SOURCE s3 FROM POSTGRES CONNECTION pg_main (PUBLICATION 'mz_pub') INCLUDE KEY FOR ALL TABLES;
CREATE SOURCE s4 FROM LOAD GENERATOR AUCTION (SCALE FACTOR 1);
CREATE SOURCE s4 FROM LOAD GENERATOR AUCTION (AS OF 10, UP TO 5);
CREATE SOURCE s4 FROM LOAD GENERATOR COUNTER FOR ALL TABLES;
CREATE TABLE t1 (id int4) FROM SOURCE pg_src (REFERENCE public.orders);
CREATE TABLE t1 (x, y) FROM SOURCE pg_src (REFERENCE public.orders);
CREATE TABLE t1 FROM SOURCE pg_src (REFERENCE public.no_such);
ALTER SOURCE pg_legacy DROP SUBSOURCE app_users;
ALTER SOURCE pg_src SET (TIMESTAMP INTERVAL '5s');
ALTER SOURCE kafka_src ADD SUBSOURCE other_topic;
CREATE TABLE t2 FROM SOURCE pg_src (REFERENCE public.orders);";
    let statements = parse_ok(sql);
    assert_eq!(statements.len(), 23);
    // X91: the column definition is kept as a span for MZ100.
    let StatementKind::CreateTableFromSource(t1) = &statements[16].kind else {
        panic!("X91 is a table from source");
    };
    let columns = t1.columns.as_ref().expect("columns");
    assert!(columns.names.is_empty());
    assert_eq!(
        columns
            .definitions
            .iter()
            .map(|s| s.text(sql))
            .collect::<Vec<_>>(),
        vec!["id int4"]
    );
}

#[test]
fn table_constraints_and_column_definitions_are_spans() {
    let sql =
        "CREATE TABLE t (id numeric(10, 2) NOT NULL DEFAULT (1), CONSTRAINT pk PRIMARY KEY (id),
    UNIQUE (id), CHECK (id > 0)) FROM SOURCE s (REFERENCE x);
CREATE TABLE u () FROM SOURCE k;
CREATE TABLE v (a, PRIMARY KEY (a)) FROM SOURCE k;";
    let statements = parse_ok(sql);
    let spans: Vec<(Vec<String>, Vec<&str>)> = statements
        .iter()
        .map(|s| {
            let StatementKind::CreateTableFromSource(t) = &s.kind else {
                panic!("not a table from source");
            };
            match &t.columns {
                Some(columns) => (
                    columns.names.iter().map(|n| n.value.clone()).collect(),
                    columns.definitions.iter().map(|d| d.text(sql)).collect(),
                ),
                // `()`: no columns specified, as in Materialize.
                None => (vec!["<none>".to_string()], vec![]),
            }
        })
        .collect();
    assert_eq!(
        spans,
        vec![
            (
                vec![],
                vec![
                    "id numeric(10, 2) NOT NULL DEFAULT (1)",
                    "CONSTRAINT pk PRIMARY KEY (id)",
                    "UNIQUE (id)",
                    "CHECK (id > 0)",
                ]
            ),
            (vec!["<none>".to_string()], vec![]),
            (vec!["a".to_string()], vec!["PRIMARY KEY (a)"]),
        ]
    );
}

// ---------------------------------------------------------------------------
// Recovery.

#[test]
fn error_leaves_next_statement_parsed() {
    let sql = "CREATE SOURCE bad FROM LOAD GENERATOR WIDGETS;
CREATE SOURCE good FROM LOAD GENERATOR COUNTER;
CREATE TABLE t FROM SOURCE pg_src REFERENCE public.t;
ALTER SOURCE good REFRESH REFERENCES";
    let file = parse(sql);
    assert_eq!(file.statements.len(), 4);
    assert_eq!(
        file.errors.iter().map(|e| e.statement).collect::<Vec<_>>(),
        vec![0, 2]
    );
    assert!(matches!(
        file.statements[1].kind,
        StatementKind::CreateSource(_)
    ));
    assert!(matches!(
        file.statements[3].kind,
        StatementKind::AlterSource(_)
    ));
    // The heads of the failed statements are kept for the project model.
    let StatementKind::Error(bad) = &file.statements[0].kind else {
        panic!("expected an error statement");
    };
    let head = bad.head.as_ref().expect("head");
    assert_eq!(head.object_type, ObjectType::Source);
    assert_eq!(head.name.joined(), "bad");
    let StatementKind::Error(table) = &file.statements[2].kind else {
        panic!("expected an error statement");
    };
    assert_eq!(
        table
            .head
            .as_ref()
            .map(|h| (h.object_type, h.name.joined())),
        Some((ObjectType::Table, "t".to_string()))
    );
}

#[test]
fn head_records_source_kind() {
    let file = parse("CREATE SOURCE s FROM KAFKA CONNECTION k (TOPIC 't') FORMAT XML");
    let StatementKind::Error(error) = &file.statements[0].kind else {
        panic!("expected an error statement");
    };
    let head = error.head.as_ref().expect("head");
    assert_eq!(head.source_kind, Some(SourceKind::Kafka));
    let file = parse("CREATE SOURCE s FROM LOAD GENERATOR TPCH (SCALE FACTOR 0.1) FOR");
    let StatementKind::Error(error) = &file.statements[0].kind else {
        panic!("expected an error statement");
    };
    assert_eq!(
        error.head.as_ref().and_then(|h| h.source_kind),
        Some(SourceKind::LoadGenerator(LoadGenerator::Tpch))
    );
}

/// Every prefix of every statement in this file's corpus parses without
/// panicking, and so does the corpus with tokens dropped.
#[test]
fn never_panics_on_truncated_input() {
    let corpus = [
        "CREATE MATERIALIZED SOURCE IF NOT EXISTS s (a, PRIMARY KEY (a) NOT ENFORCED) IN CLUSTER [u1] FROM KAFKA CONNECTION [u1 AS a.b.c] (TOPIC 't', START OFFSET [1, 2]) KEY FORMAT AVRO USING CONFLUENT SCHEMA REGISTRY CONNECTION csr (NULL DEFAULTS, DOC ON COLUMN a.b 'x') SEED KEY SCHEMA 'k' VALUE SCHEMA 'v' KEY STRATEGY ID 1 VALUE STRATEGY INLINE 's' VALUE FORMAT CSV WITH HEADER (a) DELIMITED BY ',' INCLUDE KEY AS k, HEADER 'h' AS h BYTES ENVELOPE UPSERT (VALUE DECODING ERRORS = (INLINE AS e)) FOR TABLES (a.b INTO c) EXPOSE PROGRESS AS p WITH (RETAIN HISTORY = FOR '1h', SIZE 'x')",
        "CREATE SOURCE hooks IN CLUSTER <c> FROM WEBHOOK BODY FORMAT JSON ARRAY INCLUDE HEADER 'x' AS y BYTES INCLUDE HEADERS (NOT 'a', 'b') CHECK (WITH (HEADERS AS h BYTES, BODY, SECRET s) f(h->'x', [1, (2)]))",
        "CREATE TABLE IF NOT EXISTS t (a int4 DEFAULT (1), b, CONSTRAINT c CHECK (a > 0)) FROM SOURCE s (REFERENCE = a.b) FORMAT PROTOBUF USING CONFLUENT SCHEMA REGISTRY CONNECTION c SEED KEY SCHEMA 'a' MESSAGE 'b' VALUE SCHEMA 'c' MESSAGE 'd' INCLUDE PARTITION ENVELOPE DEBEZIUM UPSERT WITH (TEXT COLUMNS = [a], PARTITION BY (a), RETAIN HISTORY FOR 1)",
        "CREATE SOURCE s FROM POSTGRES CONNECTION 'host=x password=y' PUBLICATION 'p' FOR ALL TABLES",
        "CREATE SOURCE s FROM KAFKA BROKER 'b' TOPIC 't' FORMAT TEXT",
        "CREATE SOURCE s FROM LOAD GENERATOR KEY VALUE (KEYS = = 1, AS OF 2) FOR SCHEMAS (a, b)",
        "ALTER SOURCE IF EXISTS s ADD TABLE a.b AS c WITH (IGNORE COLUMNS (a.b.c)); ALTER SOURCE s DROP SUBSOURCE IF EXISTS a, b RESTRICT; ALTER SOURCE s RESET (SIZE, X Y); ALTER SOURCE s SET CLUSTER [1]",
        "CREATE SUBSOURCE s (a int, CHECK ((a))) OF SOURCE x WITH (DETAILS 'x')",
    ];
    for sql in corpus {
        for (end, _) in sql.char_indices() {
            let _ = parse(&sql[..end]);
        }
        let words: Vec<&str> = sql.split(' ').collect();
        for skip in 0..words.len() {
            let mut shortened = words.clone();
            shortened.remove(skip);
            let _ = parse(&shortened.join(" "));
        }
    }
}

mod fuzz {
    use proptest::prelude::*;

    const VOCABULARY: &[&str] = &[
        "CREATE",
        "SOURCE",
        "TABLE",
        "ALTER",
        "SUBSOURCE",
        "MATERIALIZED",
        "FROM",
        "WEBHOOK",
        "POSTGRES",
        "MYSQL",
        "SQL",
        "SERVER",
        "KAFKA",
        "LOAD",
        "GENERATOR",
        "CONNECTION",
        "BROKER",
        "TOPIC",
        "PUBLICATION",
        "FORMAT",
        "KEY",
        "VALUE",
        "AVRO",
        "USING",
        "CONFLUENT",
        "SCHEMA",
        "REGISTRY",
        "SEED",
        "STRATEGY",
        "ID",
        "CSV",
        "WITH",
        "HEADER",
        "HEADERS",
        "COLUMNS",
        "INCLUDE",
        "ENVELOPE",
        "UPSERT",
        "DEBEZIUM",
        "FOR",
        "ALL",
        "TABLES",
        "AS",
        "INTO",
        "EXPOSE",
        "PROGRESS",
        "RETAIN",
        "HISTORY",
        "REFERENCE",
        "IN",
        "CLUSTER",
        "BODY",
        "CHECK",
        "JSON",
        "TEXT",
        "BYTES",
        "PRIMARY",
        "NOT",
        "ENFORCED",
        "DROP",
        "RESET",
        "SET",
        "ADD",
        "FILE",
        "YUGABYTE",
        "TEMP",
        "(",
        ")",
        "[",
        "]",
        ",",
        ".",
        "=",
        "<",
        ">",
        "-",
        "'s'",
        "1",
        "99999999999",
        "x",
        "\"Q\"",
        ";",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn parser_never_panics(words in proptest::collection::vec(0..VOCABULARY.len(), 0..40)) {
            let sql: Vec<&str> = words.iter().map(|&i| VOCABULARY[i]).collect();
            let _ = mzlint_syntax::parse(&sql.join(" "));
        }

        #[test]
        fn source_statements_never_panic(
            head in prop::sample::select(vec![
                "CREATE SOURCE s FROM ",
                "CREATE TABLE t FROM SOURCE s ",
                "ALTER SOURCE s ",
                "CREATE TABLE t FROM WEBHOOK ",
                "CREATE SUBSOURCE s ",
            ]),
            words in proptest::collection::vec(0..VOCABULARY.len(), 0..30),
        ) {
            let tail: Vec<&str> = words.iter().map(|&i| VOCABULARY[i]).collect();
            let _ = mzlint_syntax::parse(&format!("{head}{}", tail.join(" ")));
        }
    }
}

#[test]
fn load_generator_kinds() {
    let cases = [
        ("AUCTION", LoadGenerator::Auction),
        ("MARKETING", LoadGenerator::Marketing),
        ("TPCH", LoadGenerator::Tpch),
        ("COUNTER", LoadGenerator::Counter),
        ("clock", LoadGenerator::Clock),
        ("Datums", LoadGenerator::Datums),
        ("KEY VALUE", LoadGenerator::KeyValue),
    ];
    for (word, generator) in cases {
        let sql = format!("CREATE SOURCE g FROM LOAD GENERATOR {word}");
        let statement = parse_one(&sql);
        let StatementKind::CreateSource(source) = &statement.kind else {
            panic!("not a source");
        };
        let SourceBody::Connection(conn) = &source.body else {
            panic!("not a connection source");
        };
        assert_eq!(conn.kind, SourceKind::LoadGenerator(generator), "{sql}");
        assert_eq!(conn.kind_span.text(&sql), format!("LOAD GENERATOR {word}"));
        assert!(conn.connection.is_none());
    }
    assert_error(
        "CREATE SOURCE g FROM LOAD GENERATOR KEY (KEYS 1)",
        "Expected VALUE, found left parenthesis",
        "(",
    );
}

#[test]
fn envelope_upsert_forms() {
    let sql = "CREATE TABLE a FROM SOURCE k KEY FORMAT TEXT VALUE FORMAT TEXT ENVELOPE UPSERT (VALUE DECODING ERRORS = INLINE);
CREATE TABLE b FROM SOURCE k KEY FORMAT TEXT VALUE FORMAT TEXT ENVELOPE UPSERT (VALUE DECODING ERRORS (INLINE AS e, INLINE));
CREATE TABLE c FROM SOURCE k FORMAT TEXT ENVELOPE NONE";
    let statements = parse_ok(sql);
    let spans: Vec<_> = statements
        .iter()
        .map(|s| {
            let StatementKind::CreateTableFromSource(t) = &s.kind else {
                panic!("not a table from source");
            };
            match &t.envelope.as_ref().expect("envelope").kind {
                EnvelopeKind::Upsert {
                    value_decoding_errors,
                } => value_decoding_errors.map(|span| span.text(sql).to_string()),
                EnvelopeKind::None => None,
                other => panic!("unexpected envelope {other:?}"),
            }
        })
        .collect();
    assert_eq!(
        spans,
        vec![
            Some("(VALUE DECODING ERRORS = INLINE)".to_string()),
            Some("(VALUE DECODING ERRORS (INLINE AS e, INLINE))".to_string()),
            None,
        ]
    );
    assert_error(
        "CREATE TABLE a FROM SOURCE k FORMAT TEXT ENVELOPE UPSERT (VALUE DECODING ERRORS = (INLINE)",
        "Expected right parenthesis, found EOF",
        ")",
    );
}

#[test]
fn unparenthesized_publication_with_later_clauses() {
    let sql = "CREATE SOURCE s IN CLUSTER ingest FROM POSTGRES CONNECTION pg PUBLICATION mz_pub FOR TABLES (public.orders);";
    let statement = parse_one(sql);
    assert_eq!(
        removed_texts(sql, &statement),
        vec![(
            RemovedForm::UnparenthesizedPublication,
            "PUBLICATION mz_pub".into()
        )]
    );
    let StatementKind::CreateSource(source) = &statement.kind else {
        panic!("not a source");
    };
    let SourceBody::Connection(conn) = &source.body else {
        panic!("not a connection source");
    };
    assert!(conn.external_refs.is_some());
    let options = conn.options.as_ref().expect("options");
    assert!(!options.parenthesized);
    assert_eq!(options.span.text(sql), "PUBLICATION mz_pub");
}

use crate::prelude::*;

declare_rule! {
/// project model) · **Fix** safe / unsafe, see below
///
/// * **Detects**
///   1. **Connection options outside the type's set**, in `CREATE CONNECTION` (`TO … (…)` and legacy
///      `FOR …` forms) and in `ALTER CONNECTION … SET/RESET/DROP` when the type is known. Canonical names;
///      `USERNAME` counts as `USER`:
///
///      | Type | Allowed options |
///      |---|---|
///      | POSTGRES | HOST, PORT, DATABASE, USER, PASSWORD, SSL MODE, SSL CERTIFICATE AUTHORITY, SSL CERTIFICATE, SSL KEY, SSH TUNNEL, AWS PRIVATELINK |
///      | MYSQL | HOST, PORT, USER, PASSWORD, SSL MODE, SSL CERTIFICATE AUTHORITY, SSL CERTIFICATE, SSL KEY, AWS CONNECTION, SSH TUNNEL, AWS PRIVATELINK |
///      | SQL SERVER | HOST, PORT, DATABASE, USER, PASSWORD, SSL MODE, SSL CERTIFICATE AUTHORITY, SSL CERTIFICATE, SSL KEY, SSH TUNNEL, AWS PRIVATELINK |
///      | KAFKA | BROKER, BROKERS, AWS PRIVATELINK, SECURITY PROTOCOL, SASL MECHANISMS, SASL USERNAME, SASL PASSWORD, SSL CERTIFICATE AUTHORITY, SSL CERTIFICATE, SSL KEY, AWS CONNECTION, SSH TUNNEL, PROGRESS TOPIC, PROGRESS TOPIC REPLICATION FACTOR |
///      | CONFLUENT SCHEMA REGISTRY | URL, USER, PASSWORD, SSL CERTIFICATE AUTHORITY, SSL CERTIFICATE, SSL KEY, SSH TUNNEL, AWS PRIVATELINK, PORT |
///      | AWS | ACCESS KEY ID, SECRET ACCESS KEY, SESSION TOKEN, ASSUME ROLE ARN, ASSUME ROLE SESSION NAME, REGION, ENDPOINT |
///      | AWS PRIVATELINK | SERVICE NAME, AVAILABILITY ZONES, PORT |
///      | SSH TUNNEL | HOST, PORT, USER (PUBLIC KEY 1 and 2 are accepted but internal: MZ112) |
///      | ICEBERG CATALOG | CATALOG TYPE, URL, WAREHOUSE, AWS CONNECTION, CREDENTIAL, SCOPE |
///
///      Also: `ALTER CONNECTION … SET/RESET` of PROGRESS TOPIC or PROGRESS TOPIC REPLICATION FACTOR
///      (`cannot ALTER KAFKA option PROGRESS TOPIC`); anything but `VALIDATE` in a connection's `WITH (…)`.
///   2. **Source options outside the kind's set** (`FROM <kind> CONNECTION c (…)`, `FROM LOAD GENERATOR g
///      (…)`). `DETAILS` is MZ112; SQL Server `CAPTURE INSTANCE` is MZ701:
///
///      | Source kind | Allowed options |
///      |---|---|
///      | POSTGRES | PUBLICATION, TEXT COLUMNS, EXCLUDE COLUMNS |
///      | MYSQL | TEXT COLUMNS, EXCLUDE COLUMNS (IGNORE COLUMNS: MZ704) |
///      | SQL SERVER | TEXT COLUMNS, EXCLUDE COLUMNS |
///      | KAFKA | TOPIC, GROUP ID PREFIX, START OFFSET, START TIMESTAMP, TOPIC METADATA REFRESH INTERVAL |
///      | LOAD GENERATOR AUCTION, MARKETING, CLOCK, DATUMS | TICK INTERVAL, AS OF, UP TO |
///      | LOAD GENERATOR TPCH | TICK INTERVAL, AS OF, UP TO, SCALE FACTOR |
///      | LOAD GENERATOR COUNTER | TICK INTERVAL, AS OF, UP TO, MAX CARDINALITY |
///      | LOAD GENERATOR KEY VALUE | TICK INTERVAL, KEYS, SNAPSHOT ROUNDS, TRANSACTIONAL SNAPSHOT, VALUE SIZE, SEED, PARTITIONS, BATCH SIZE |
///   3. **Clauses the kind does not accept**: `FORMAT`, `KEY FORMAT … VALUE FORMAT`, `INCLUDE` and
///      `ENVELOPE` other than `NONE` on a POSTGRES, MYSQL or SQL SERVER source; `FOR ALL TABLES`,
///      `FOR TABLES`, `FOR SCHEMAS` on a KAFKA source or a single-output load generator (COUNTER, CLOCK,
///      DATUMS, KEY VALUE); `INCLUDE` on load generators other than KEY VALUE; in `CREATE SOURCE … WITH`,
///      anything but `TIMESTAMP INTERVAL` and `RETAIN HISTORY` (SIZE: MZ700; REMOTE, DISK, TIMELINE,
///      IGNORE KEYS: MZ701); in `ALTER SOURCE … SET/RESET`, anything but `RETAIN HISTORY`; in
///      `CREATE TABLE … FROM SOURCE`, column definitions or constraints (always) and, when the source is
///      POSTGRES, MYSQL or SQL SERVER in the project model, a column-name list, `INCLUDE`, `FORMAT`, or
///      `ENVELOPE` other than `NONE`; in `CREATE CLUSTER`, `REPLICAS` on a managed cluster, and `SIZE`,
///      `REPLICATION FACTOR`, `AVAILABILITY ZONES`, `INTROSPECTION …` or `DISK` on an unmanaged one.
///   4. **Unknown option words** in any of these lists. The parser collects the words before the value as
///      an unknown option (with no value token after two or more words, the last word is the value). The
///      suggestion is a curated alias, else the single canonical name of that context within
///      Damerau–Levenshtein distance 2 (1 for names of at most 4 characters), compared upper case with
///      single spaces. Aliases: `SSLMODE`, `SSL_MODE` → SSL MODE; `SSL CA`, `SSLROOTCERT` → SSL CERTIFICATE
///      AUTHORITY; `SSL CERT` → SSL CERTIFICATE; `DBNAME`, `DATABASE NAME` → DATABASE; `PASS` → PASSWORD;
///      `SASL MECHANISM` → SASL MECHANISMS; `SASL USER` → SASL USERNAME; `SECURITY_PROTOCOL` → SECURITY
///      PROTOCOL; `BOOTSTRAP SERVERS` → BROKERS; `AVAILABILITY ZONE` (PrivateLink connection) →
///      AVAILABILITY ZONES; `PUBLICATIONS` → PUBLICATION; `TOPICS` → TOPIC; `GROUP ID` → GROUP ID PREFIX.
/// * **Not** on SSL MODE of POSTGRES/MYSQL/SQL SERVER (MZ104), `USERNAME`/`IGNORE COLUMNS` (MZ704),
///   `ROLE ARN` (MZ701), or ALTER CONNECTION of unknown type.
/// * **Message** (span: the option span, or the clause keywords): `MYSQL connections do not support
///   DATABASE values` — help: `MySQL has no database level: remove DATABASE and name tables as
///   schema.table in the source`, plus for every message of this form `help: MYSQL connections accept
///   HOST, PORT, USER, …` (the type's list). Other forms: `unknown option SASL MECHANISM in KAFKA
///   connection` — help `did you mean SASL MECHANISMS?`; `PUBLICATION is not an option of MYSQL sources`;
///   and Materialize's texts `FORMAT with PostgreSQL source is not supported`, `INCLUDE metadata with
///   non-Kafka sources not yet supported`, `FOR ALL TABLES is only valid for multi-output sources`,
///   `Cannot modify the TIMESTAMP INTERVAL of a SOURCE.`, `CREATE TABLE .. FROM SOURCE column definitions
///   cannot be specified directly`.
/// * **Why**: rejected at parse or plan time (`test/pg-cdc/pg-cdc.td`: "POSTGRES connections do not
///   support BROKER values"; `test/pg-cdc/disallowed-source-options.td`); misspelled names recur (issue
///   5366).
/// * **Fix**: curated alias — safe rename; single edit-distance suggestion — unsafe rename; option valid
///   for other types — unsafe deletion; clauses — none.
/// * **Bad** `CREATE CONNECTION shop TO MYSQL (HOST 'mysql.internal', USER 'mz', PASSWORD SECRET my_pw, DATABASE 'shop', SSL MODE 'required');`
/// * **Good** `CREATE CONNECTION shop TO MYSQL (HOST 'mysql.internal', USER 'mz', PASSWORD SECRET my_pw, SSL MODE 'required');`
    pub(crate) static RULE = {
        code: "MZ100",
        name: "option-not-valid-for-type",
        severity: Error,
        scope: Statement,
        fix: Sometimes,
        fix_summary: "safe / unsafe",
        summary: "Option or clause not accepted by the connection type or source kind; unknown option word",
        check: Statement(check),
    }
}

fn check(_ctx: &StatementContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

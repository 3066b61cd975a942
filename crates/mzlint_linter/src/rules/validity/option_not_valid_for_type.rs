use crate::options::{
    connection_accepts, connection_options, context_options, names_str, source_options,
    suggest_option, OptionContext, OptionSuggestion,
};
use crate::prelude::*;

use super::option_model::{
    cluster_is_managed, delete_clause, delete_element, effective_name, is_removed, option_lists,
};

declare_rule! {
/// ## What it does
///
/// Reports an option or clause that the connection type, source kind or
/// statement does not accept, and option words that are no option at all:
///
/// 1. **Connection options outside the type's set**, in `CREATE CONNECTION`
///    (`TO <TYPE> (…)` and the legacy `FOR <TYPE> …`) and in `ALTER CONNECTION …
///    SET/RESET/DROP` when the project defines the connection. `USERNAME`
///    counts as `USER`.
///
///    | Type | Allowed options |
///    |---|---|
///    | POSTGRES | HOST, PORT, DATABASE, USER, PASSWORD, SSL MODE, SSL CERTIFICATE AUTHORITY, SSL CERTIFICATE, SSL KEY, SSH TUNNEL, AWS PRIVATELINK |
///    | MYSQL | HOST, PORT, USER, PASSWORD, SSL MODE, SSL CERTIFICATE AUTHORITY, SSL CERTIFICATE, SSL KEY, AWS CONNECTION, SSH TUNNEL, AWS PRIVATELINK |
///    | SQL SERVER | HOST, PORT, DATABASE, USER, PASSWORD, SSL MODE, SSL CERTIFICATE AUTHORITY, SSL CERTIFICATE, SSL KEY, SSH TUNNEL, AWS PRIVATELINK |
///    | KAFKA | BROKER, BROKERS, AWS PRIVATELINK, SECURITY PROTOCOL, SASL MECHANISMS, SASL USERNAME, SASL PASSWORD, SSL CERTIFICATE AUTHORITY, SSL CERTIFICATE, SSL KEY, AWS CONNECTION, SSH TUNNEL, PROGRESS TOPIC, PROGRESS TOPIC REPLICATION FACTOR |
///    | CONFLUENT SCHEMA REGISTRY | URL, USER, PASSWORD, SSL CERTIFICATE AUTHORITY, SSL CERTIFICATE, SSL KEY, SSH TUNNEL, AWS PRIVATELINK, PORT |
///    | AWS | ACCESS KEY ID, SECRET ACCESS KEY, SESSION TOKEN, ASSUME ROLE ARN, ASSUME ROLE SESSION NAME, REGION, ENDPOINT |
///    | AWS PRIVATELINK | SERVICE NAME, AVAILABILITY ZONES, PORT |
///    | SSH TUNNEL | HOST, PORT, USER (PUBLIC KEY 1 and 2 are internal: MZ112) |
///    | ICEBERG CATALOG | CATALOG TYPE, URL, WAREHOUSE, AWS CONNECTION, CREDENTIAL, SCOPE |
///
///    Also `ALTER CONNECTION … SET/RESET` of PROGRESS TOPIC or PROGRESS TOPIC
///    REPLICATION FACTOR (`cannot ALTER KAFKA option PROGRESS TOPIC`), and
///    anything but `VALIDATE` in a connection's `WITH (…)`.
/// 2. **Source options outside the kind's set** (`FROM <kind> CONNECTION c (…)`,
///    `FROM LOAD GENERATOR g (…)`): POSTGRES takes PUBLICATION, TEXT COLUMNS,
///    EXCLUDE COLUMNS; MYSQL and SQL SERVER take TEXT COLUMNS, EXCLUDE COLUMNS;
///    KAFKA takes TOPIC, GROUP ID PREFIX, START OFFSET, START TIMESTAMP, TOPIC
///    METADATA REFRESH INTERVAL; load generators take TICK INTERVAL, AS OF, UP TO
///    plus SCALE FACTOR (TPCH) or MAX CARDINALITY (COUNTER); KEY VALUE takes TICK
///    INTERVAL, KEYS, SNAPSHOT ROUNDS, TRANSACTIONAL SNAPSHOT, VALUE SIZE, SEED,
///    PARTITIONS, BATCH SIZE.
/// 3. **Clauses the kind or statement does not accept**: FORMAT, INCLUDE and an
///    ENVELOPE other than NONE on a POSTGRES, MYSQL or SQL SERVER source; a FOR
///    clause on a KAFKA source or a single-output load generator (COUNTER,
///    CLOCK, DATUMS, KEY VALUE); INCLUDE on load generators other than KEY VALUE;
///    in `CREATE SOURCE … WITH`, anything but TIMESTAMP INTERVAL and RETAIN
///    HISTORY; in `ALTER SOURCE … SET/RESET`, anything but RETAIN HISTORY; in
///    `CREATE TABLE … FROM SOURCE`, column definitions or constraints (always),
///    and for a POSTGRES, MYSQL or SQL SERVER source of the project a column-name
///    list, INCLUDE, FORMAT or an ENVELOPE other than NONE; in `CREATE CLUSTER`,
///    REPLICAS on a managed cluster and SIZE, REPLICATION FACTOR, AVAILABILITY
///    ZONES, INTROSPECTION … or DISK on an unmanaged one.
/// 4. **Unknown option words** in any option list. The suggestion is a curated
///    alias (`SSLMODE` → SSL MODE, `DBNAME` → DATABASE, `SASL MECHANISM` → SASL
///    MECHANISMS, `BOOTSTRAP SERVERS` → BROKERS, `PUBLICATIONS` → PUBLICATION,
///    `TOPICS` → TOPIC, `GROUP ID` → GROUP ID PREFIX, …), else the single option of
///    that list within Damerau–Levenshtein distance 2 (1 for names of at most 4
///    characters). Every other rule treats a suggested word as that option.
///
/// Not reported here: SSL MODE values (MZ104), `USERNAME` and `IGNORE COLUMNS`
/// (MZ704), `ROLE ARN` and other removed forms (MZ701), source `WITH (SIZE …)`
/// (MZ700), `DETAILS` (MZ112), and type checks of an `ALTER CONNECTION` whose
/// connection the project does not define.
///
/// ## Why is this bad?
///
/// Materialize rejects the statement at parse or plan time (`POSTGRES
/// connections do not support BROKER values`, `FORMAT with PostgreSQL source is
/// not supported`, `Cannot modify the TIMESTAMP INTERVAL of a SOURCE.`).
/// Misspelled option names are a common cause.
///
/// ## Example
///
/// ```sql
/// CREATE CONNECTION shop TO MYSQL (HOST 'mysql.internal', USER 'mz', PASSWORD SECRET my_pw, DATABASE 'shop', SSL MODE 'required');
/// ```
///
/// Use instead (MySQL has no database level; name tables as `schema.table`):
///
/// ```sql
/// CREATE CONNECTION shop TO MYSQL (HOST 'mysql.internal', USER 'mz', PASSWORD SECRET my_pw, SSL MODE 'required');
/// ```
///
/// ## Fix
///
/// A curated alias is a safe rename; a single edit-distance suggestion an
/// unsafe rename; an option valid for other types an unsafe deletion. Clauses
/// have no fix.
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

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    match &ctx.statement.kind {
        StatementKind::CreateConnection(create) => {
            if create.connection_type == ConnectionType::Yugabyte {
                return; // the whole connection type is MZ701's
            }
            check_create_connection(ctx, create, out);
        }
        StatementKind::AlterConnection(alter) => {
            let connection_type = ctx.project().connection_type(ctx.location(), &alter.name);
            if connection_type == Some(ConnectionType::Yugabyte) {
                return;
            }
            check_alter_connection(ctx, alter, connection_type, out);
        }
        StatementKind::CreateSource(source) => {
            let SourceBody::Connection(conn) = &source.body else {
                return;
            };
            if matches!(conn.kind, SourceKind::Yugabyte | SourceKind::Removed(_)) {
                return; // MZ701
            }
            check_create_source(ctx, conn, out);
        }
        StatementKind::CreateTableFromSource(table) => check_table_from_source(ctx, table, out),
        StatementKind::AlterSource(alter) => check_alter_source(ctx, alter, out),
        StatementKind::CreateCluster(cluster) => check_create_cluster(ctx, cluster, out),
        _ => {}
    }
    // Every other list accepts all the names it knows: only unknown words.
    for (context, options) in option_lists(ctx.statement) {
        match context {
            // Read against the connection type, the source kind or ALTER
            // SOURCE's one option above.
            OptionContext::Connection(_)
            | OptionContext::Source(_)
            | OptionContext::AlterSource => {}
            _ => check_unknown_words(ctx, context, options, out),
        }
    }
}

// ---------------------------------------------------------------------------
// Wording

/// `LOAD GENERATOR AUCTION`, `POSTGRES`, …
fn source_kind_name(kind: SourceKind) -> String {
    match kind {
        SourceKind::LoadGenerator(generator) => format!("LOAD GENERATOR {}", generator.as_str()),
        other => other.as_str().to_string(),
    }
}

/// How Materialize's source messages name the upstream system.
fn upstream_name(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::MySql => "MySQL",
        SourceKind::SqlServer => "SQL Server",
        _ => "PostgreSQL",
    }
}

/// Where an unknown word was written, for `unknown option X in …`.
fn context_description(context: OptionContext) -> String {
    match context {
        OptionContext::Connection(Some(t)) => format!("{} connection", t.as_str()),
        OptionContext::Connection(None) => "ALTER CONNECTION".to_string(),
        OptionContext::ConnectionWith => "connection WITH options".to_string(),
        OptionContext::BrokerPrivatelink => "broker AWS PRIVATELINK options".to_string(),
        OptionContext::Source(kind) => format!("{} source", source_kind_name(kind)),
        OptionContext::SourceWith => "CREATE SOURCE WITH options".to_string(),
        OptionContext::AlterSource => "ALTER SOURCE".to_string(),
        OptionContext::TableFromSourceWith => "CREATE TABLE … FROM SOURCE WITH options".to_string(),
        OptionContext::AddSubsourceWith => "ALTER SOURCE … ADD SUBSOURCE WITH options".to_string(),
        OptionContext::Cluster => "cluster options".to_string(),
        OptionContext::Replica => "replica options".to_string(),
        OptionContext::AlterClusterWith => "ALTER CLUSTER WITH options".to_string(),
        OptionContext::CsrConfig => "CONFLUENT SCHEMA REGISTRY options of FORMAT".to_string(),
        OptionContext::AvroSchema => "AVRO schema options".to_string(),
    }
}

/// What a context accepts, for helps.
fn accepts_help(context: OptionContext) -> String {
    let list = names_str(context_options(context));
    match context {
        OptionContext::Connection(Some(t)) => format!("{} connections accept {list}", t.as_str()),
        OptionContext::Connection(None) => format!("connections accept {list}"),
        OptionContext::Source(kind) => format!("{} sources accept {list}", source_kind_name(kind)),
        OptionContext::ConnectionWith => {
            "a connection's WITH (…) accepts only VALIDATE".to_string()
        }
        OptionContext::AlterSource => {
            "ALTER SOURCE … SET/RESET accepts only RETAIN HISTORY".to_string()
        }
        _ => format!("accepted: {list}"),
    }
}

// ---------------------------------------------------------------------------
// Unknown words (item 4)

/// Report `option` when its name is an unknown word.
fn report_unknown(
    ctx: &StatementContext<'_>,
    context: OptionContext,
    option: &SqlOption,
    out: &mut Vec<Diagnostic>,
) {
    let OptionName::Unknown(words) = &option.name else {
        return;
    };
    let diagnostic = ctx.diagnostic(
        &RULE,
        option.span,
        format!("unknown option {words} in {}", context_description(context)),
    );
    let diagnostic = match suggest_option(words, context) {
        Some(suggestion) => {
            let name = suggestion.name().clone();
            let fix = rename_edits(option, &name).map(|edits| {
                let title = format!("Rename {words} to {name}");
                match suggestion {
                    OptionSuggestion::Alias(_) => Fix::safe(title, edits),
                    OptionSuggestion::DidYouMean(_) => Fix::unsafe_(title, edits),
                }
            });
            diagnostic
                .with_help(format!("did you mean {name}?"))
                .with_fix_opt(fix)
        }
        None => diagnostic.with_help(accepts_help(context)),
    };
    out.push(diagnostic);
}

/// Rename an option to `name`. BROKERS takes a list, so a single value is
/// parenthesised too (`BOOTSTRAP SERVERS 'k:9092'` → `BROKERS ('k:9092')`).
fn rename_edits(option: &SqlOption, name: &OptionName) -> Option<Vec<Edit>> {
    let mut edits = vec![Edit::replace(option.name_span, name.as_str())];
    if *name == OptionName::Brokers {
        match &option.value {
            Some(Value::List { .. }) => {}
            Some(value) => {
                let span = value.span();
                edits.push(Edit::insert(span.start, "("));
                edits.push(Edit::insert(span.end, ")"));
            }
            None => return None,
        }
    }
    Some(edits)
}

/// Report every unknown word of a list (lists whose known names are all
/// accepted).
fn check_unknown_words(
    ctx: &StatementContext<'_>,
    context: OptionContext,
    options: &[SqlOption],
    out: &mut Vec<Diagnostic>,
) {
    for option in options {
        if !is_removed(ctx.statement, option) {
            report_unknown(ctx, context, option, out);
        }
    }
}

// ---------------------------------------------------------------------------
// Connections (item 1)

fn check_create_connection(
    ctx: &StatementContext<'_>,
    create: &CreateConnection,
    out: &mut Vec<Diagnostic>,
) {
    let connection_type = create.connection_type;
    let options = &create.options.options;
    let elements: Vec<Span> = options.iter().map(|o| o.span).collect();
    for (index, option) in options.iter().enumerate() {
        if is_removed(ctx.statement, option) {
            continue;
        }
        let deletion = delete_element(ctx.source(), &elements, index);
        check_connection_option(ctx, connection_type, option, deletion, out);
    }
}

/// One connection option (CREATE, or ALTER SET/RESET/DROP) against its
/// type. `deletion` removes it (or its ALTER action) from its list.
fn check_connection_option(
    ctx: &StatementContext<'_>,
    connection_type: ConnectionType,
    option: &SqlOption,
    deletion: Option<Edit>,
    out: &mut Vec<Diagnostic>,
) {
    let name = match &option.name {
        OptionName::Unknown(_) => {
            report_unknown(
                ctx,
                OptionContext::Connection(Some(connection_type)),
                option,
                out,
            );
            return;
        }
        OptionName::RoleArn => return, // MZ701
        name if connection_accepts(connection_type, name) => return,
        name => name,
    };
    let type_name = connection_type.as_str();
    let accepts = format!(
        "{type_name} connections accept {}",
        names_str(connection_options(connection_type))
    );
    let help = if connection_type == ConnectionType::MySql && *name == OptionName::Database {
        format!(
            "MySQL has no database level: remove DATABASE and name tables as schema.table in the source; {accepts}"
        )
    } else {
        accepts
    };
    out.push(
        ctx.diagnostic(
            &RULE,
            option.span,
            format!("{type_name} connections do not support {name} values"),
        )
        .with_help(help)
        .with_fix_opt(deletion.map(|edit| Fix::unsafe_(format!("Remove {name}"), vec![edit]))),
    );
}

/// The actions of an `ALTER CONNECTION` against the connection's type, when
/// the project defines it (its nested lists are in [`option_lists`]).
fn check_alter_connection(
    ctx: &StatementContext<'_>,
    alter: &AlterConnection,
    connection_type: Option<ConnectionType>,
    out: &mut Vec<Diagnostic>,
) {
    let AlterConnectionAction::Actions { actions, .. } = &alter.action else {
        return;
    };
    let elements: Vec<Span> = actions.iter().map(|a| a.span).collect();
    for (index, action) in actions.iter().enumerate() {
        let option = match &action.kind {
            AlterConnectionItemKind::Set(option) => option,
            AlterConnectionItemKind::Reset { option, .. } => option,
            AlterConnectionItemKind::RotateKeys => continue,
        };
        if is_removed(ctx.statement, option) {
            continue;
        }
        match connection_type {
            Some(ConnectionType::Kafka)
                if matches!(
                    option.name,
                    OptionName::ProgressTopic | OptionName::ProgressTopicReplicationFactor
                ) =>
            {
                out.push(
                    ctx.diagnostic(
                        &RULE,
                        option.span,
                        format!("cannot ALTER KAFKA option {}", option.name),
                    )
                    .with_help(
                        "the progress topic is fixed when the connection is created; create a new connection to change it",
                    ),
                );
            }
            Some(connection_type) => {
                let deletion = delete_element(ctx.source(), &elements, index);
                check_connection_option(ctx, connection_type, option, deletion, out);
            }
            // Unknown words are wrong for every type; the rest needs the type.
            None => report_unknown(ctx, OptionContext::Connection(None), option, out),
        }
    }
}

// ---------------------------------------------------------------------------
// Sources (items 2 and 3)

fn check_create_source(
    ctx: &StatementContext<'_>,
    conn: &SourceConnection,
    out: &mut Vec<Diagnostic>,
) {
    let kind = conn.kind;
    if let Some(list) = &conn.options {
        check_source_options(ctx, kind, list, out);
    }
    match kind {
        SourceKind::Postgres | SourceKind::MySql | SourceKind::SqlServer => {
            check_format_include_envelope(
                ctx,
                kind,
                conn.format.as_ref(),
                conn.include.as_ref(),
                conn.envelope.as_ref(),
                "INCLUDE metadata with non-Kafka sources not yet supported",
                out,
            );
        }
        SourceKind::Kafka | SourceKind::LoadGenerator(_) => {
            let single_output = match kind {
                SourceKind::LoadGenerator(generator) => !generator.is_multi_output(),
                _ => true,
            };
            if let (true, Some(refs)) = (single_output, &conn.external_refs) {
                let clause = match refs.kind {
                    ExternalRefsKind::All => "FOR ALL TABLES",
                    ExternalRefsKind::Tables(_) => "FOR TABLES (..)",
                    ExternalRefsKind::Schemas(_) => "FOR SCHEMAS (..)",
                };
                out.push(
                    ctx.diagnostic(
                        &RULE,
                        refs.span,
                        format!("{clause} is only valid for multi-output sources"),
                    )
                    .with_help(format!(
                        "remove the FOR clause: a {} source has a single output",
                        source_kind_name(kind)
                    )),
                );
            }
        }
        _ => {}
    }
    if let (SourceKind::LoadGenerator(generator), Some(include)) = (kind, &conn.include) {
        if generator != LoadGenerator::KeyValue {
            out.push(
                ctx.diagnostic(
                    &RULE,
                    include.span,
                    "INCLUDE metadata only supported with `KEY VALUE` load generators",
                )
                .with_help("remove the INCLUDE clause"),
            );
        }
    }
}

/// The options of `FROM <kind> … (…)` against the kind's set.
fn check_source_options(
    ctx: &StatementContext<'_>,
    kind: SourceKind,
    list: &OptionList,
    out: &mut Vec<Diagnostic>,
) {
    let accepted = source_options(kind);
    let elements: Vec<Span> = list.options.iter().map(|o| o.span).collect();
    for (index, option) in list.options.iter().enumerate() {
        if is_removed(ctx.statement, option) {
            continue;
        }
        let name = match &option.name {
            OptionName::Unknown(_) => {
                report_unknown(ctx, OptionContext::Source(kind), option, out);
                continue;
            }
            OptionName::Details | OptionName::CaptureInstance => continue, // MZ112, MZ701
            name if accepted.contains(name) => continue,
            name => name,
        };
        let kind_name = source_kind_name(kind);
        let deletion = if !list.parenthesized {
            None
        } else if list.options.len() == 1 {
            Some(delete_clause(ctx.source(), list.span))
        } else {
            delete_element(ctx.source(), &elements, index)
        };
        out.push(
            ctx.diagnostic(
                &RULE,
                option.span,
                format!("{name} is not an option of {kind_name} sources"),
            )
            .with_help(accepts_help(OptionContext::Source(kind)))
            .with_fix_opt(deletion.map(|edit| Fix::unsafe_(format!("Remove {name}"), vec![edit]))),
        );
    }
}

/// FORMAT, INCLUDE and a non-NONE ENVELOPE on a POSTGRES, MYSQL or SQL SERVER
/// source or source table.
fn check_format_include_envelope(
    ctx: &StatementContext<'_>,
    kind: SourceKind,
    format: Option<&FormatSpec>,
    include: Option<&IncludeClause>,
    envelope: Option<&Envelope>,
    include_message: &str,
    out: &mut Vec<Diagnostic>,
) {
    let upstream = upstream_name(kind);
    if let Some(format) = format {
        out.push(
            ctx.diagnostic(
                &RULE,
                format.span,
                format!("FORMAT with {upstream} source is not supported"),
            )
            .with_help(format!(
                "remove the FORMAT clause: {upstream} sources decode rows themselves"
            )),
        );
    }
    if let Some(include) = include {
        out.push(
            ctx.diagnostic(&RULE, include.span, include_message)
                .with_help(
                    "remove the INCLUDE clause: metadata columns exist only for Kafka sources",
                ),
        );
    }
    if let Some(envelope) = envelope {
        let name = match envelope.kind {
            EnvelopeKind::None => return,
            EnvelopeKind::Debezium => "DEBEZIUM",
            EnvelopeKind::Upsert { .. } => "UPSERT",
            EnvelopeKind::Materialize => "MATERIALIZE",
        };
        let removed = ctx
            .statement
            .removed
            .iter()
            .any(|r| r.span.start < envelope.span.end && envelope.span.start < r.span.end);
        if removed {
            return; // ENVELOPE DEBEZIUM UPSERT: MZ701
        }
        out.push(
            ctx.diagnostic(
                &RULE,
                envelope.span,
                format!("ENVELOPE {name} with {upstream} source is not supported"),
            )
            .with_help(format!(
                "remove the ENVELOPE clause: {upstream} sources replicate changes themselves"
            )),
        );
    }
}

fn check_table_from_source(
    ctx: &StatementContext<'_>,
    table: &CreateTableFromSource,
    out: &mut Vec<Diagnostic>,
) {
    let kind = ctx.project().source_kind(ctx.location(), &table.source);
    if let Some(columns) = &table.columns {
        if !columns.definitions.is_empty() {
            let only_constraints = columns
                .definitions
                .iter()
                .all(|span| is_constraint(ctx.text(*span)));
            let what = if only_constraints {
                "constraint"
            } else {
                "column"
            };
            out.push(
                ctx.diagnostic(
                    &RULE,
                    columns.span,
                    format!("CREATE TABLE .. FROM SOURCE {what} definitions cannot be specified directly"),
                )
                .with_help("remove the column list: the table takes its columns from the source"),
            );
        } else if !columns.names.is_empty() {
            let named_for = match kind {
                Some(SourceKind::Postgres) => Some("Postgres"),
                Some(SourceKind::MySql) => Some("MySQL"),
                Some(SourceKind::SqlServer) => Some("SQL Server"),
                _ => None,
            };
            if let Some(named_for) = named_for {
                out.push(
                    ctx.diagnostic(
                        &RULE,
                        columns.span,
                        format!("columns cannot be named for {named_for} sources"),
                    )
                    .with_help(
                        "remove the column list: the table keeps the upstream column names; rename columns in a view",
                    ),
                );
            }
        }
    }
    if let Some(kind @ (SourceKind::Postgres | SourceKind::MySql | SourceKind::SqlServer)) = kind {
        check_format_include_envelope(
            ctx,
            kind,
            table.format.as_ref(),
            table.include.as_ref(),
            table.envelope.as_ref(),
            "INCLUDE metadata with non-Kafka source table not yet supported",
            out,
        );
    }
}

/// A table constraint rather than a column definition.
fn is_constraint(text: &str) -> bool {
    let first = text
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_ascii_uppercase();
    matches!(
        first.as_str(),
        "CONSTRAINT" | "PRIMARY" | "FOREIGN" | "UNIQUE" | "CHECK"
    )
}

fn check_alter_source(ctx: &StatementContext<'_>, alter: &AlterSource, out: &mut Vec<Diagnostic>) {
    match &alter.action {
        AlterSourceAction::Set(list) | AlterSourceAction::Reset(list) => {
            for option in &list.options {
                if is_removed(ctx.statement, option) {
                    continue;
                }
                match &option.name {
                    OptionName::RetainHistory => {}
                    OptionName::Unknown(_) => {
                        report_unknown(ctx, OptionContext::AlterSource, option, out)
                    }
                    name => out.push(
                        ctx.diagnostic(
                            &RULE,
                            option.span,
                            format!("Cannot modify the {name} of a SOURCE."),
                        )
                        .with_help(format!(
                            "only RETAIN HISTORY can be changed after creation; recreate the source to change {name}"
                        )),
                    ),
                }
            }
        }
        _ => {} // ADD SUBSOURCE … WITH (…): in option_lists
    }
}

// ---------------------------------------------------------------------------
// Clusters (item 3)

/// Options an unmanaged cluster rejects.
const MANAGED_ONLY: &[OptionName] = &[
    OptionName::Size,
    OptionName::ReplicationFactor,
    OptionName::AvailabilityZones,
    OptionName::IntrospectionInterval,
    OptionName::IntrospectionDebugging,
    OptionName::Disk,
];

fn check_create_cluster(
    ctx: &StatementContext<'_>,
    cluster: &CreateCluster,
    out: &mut Vec<Diagnostic>,
) {
    let options = &cluster.options.options;
    match cluster_is_managed(options) {
        Some(true) => {
            for option in options {
                if effective_name(option, OptionContext::Cluster) == Some(OptionName::Replicas) {
                    out.push(
                        ctx.diagnostic(&RULE, option.span, "REPLICAS not supported for managed clusters")
                            .with_help(
                                "remove REPLICAS and size the cluster with SIZE and REPLICATION FACTOR, or set MANAGED = false",
                            ),
                    );
                }
            }
        }
        Some(false) => {
            for option in options {
                let Some(name) = effective_name(option, OptionContext::Cluster) else {
                    continue;
                };
                if MANAGED_ONLY.contains(&name) {
                    out.push(
                        ctx.diagnostic(
                            &RULE,
                            option.span,
                            format!("{name} not supported for unmanaged clusters"),
                        )
                        .with_help(format!(
                            "remove {name}: an unmanaged cluster is configured per replica in REPLICAS (…); or make the cluster managed"
                        )),
                    );
                }
            }
        }
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::super::option_model::testkit::{
        assert_clean, fix_all, fix_once, lint, lint_project, of, only, render,
    };
    use crate::testing::{assert_never_said, CANARY};

    const BAD: &str = "CREATE CONNECTION shop TO MYSQL (HOST 'mysql.internal', USER 'mz', PASSWORD SECRET my_pw, DATABASE 'shop', SSL MODE 'required');";
    const GOOD: &str = "CREATE CONNECTION shop TO MYSQL (HOST 'mysql.internal', USER 'mz', PASSWORD SECRET my_pw, SSL MODE 'required');";

    /// The MZ100 diagnostics of `sql` as `(message, span text)`.
    fn mz100(sql: &str) -> Vec<(String, String)> {
        of(&lint(sql), "MZ100")
            .into_iter()
            .map(|d| (d.message.clone(), sql[d.span.range()].to_string()))
            .collect()
    }

    fn one(sql: &str, message: &str, span: &str) {
        assert_eq!(
            mz100(sql),
            vec![(message.to_string(), span.to_string())],
            "{sql}"
        );
    }

    #[test]
    fn bad_example() {
        let d = &only(BAD, "MZ100");
        assert_eq!(
            d.message,
            "MYSQL connections do not support DATABASE values"
        );
        assert_eq!(&BAD[d.span.range()], "DATABASE 'shop'");
        let help = d.help.as_deref().unwrap();
        assert!(help.starts_with(
            "MySQL has no database level: remove DATABASE and name tables as schema.table in the source"
        ));
        assert!(help.ends_with(
            "MYSQL connections accept HOST, PORT, USER, PASSWORD, SSL MODE, SSL CERTIFICATE AUTHORITY, SSL CERTIFICATE, SSL KEY, AWS CONNECTION, SSH TUNNEL, AWS PRIVATELINK"
        ));
        let fix = d.fix.as_ref().unwrap();
        assert_eq!(fix.applicability, crate::Applicability::Unsafe);
    }

    #[test]
    fn good_example() {
        assert_clean(GOOD);
    }

    #[test]
    fn bad_example_snapshot() {
        insta::assert_snapshot!(render(BAD, &lint(BAD)));
    }

    #[test]
    fn deleting_an_option_of_another_type() {
        let fixed = fix_once(BAD, "MZ100", "DATABASE 'shop'");
        assert_eq!(fixed, GOOD);
        assert_eq!(fix_all(BAD, "MZ100"), GOOD);
        assert_eq!(fix_all(GOOD, "MZ100"), GOOD);
    }

    #[test]
    fn options_of_other_types() {
        one(
            "CREATE CONNECTION pg_x TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', BROKER 'k:9092');",
            "POSTGRES connections do not support BROKER values",
            "BROKER 'k:9092'",
        );
        // SSL MODE outside Postgres, MySQL and SQL Server is MZ100's (§1.7).
        for (ty, rest) in [
            ("KAFKA", "BROKER 'a:9092'"),
            ("CONFLUENT SCHEMA REGISTRY", "URL 'https://csr.internal'"),
            ("SSH TUNNEL", "HOST 'h', USER 'u'"),
            ("AWS", "ASSUME ROLE ARN 'arn:aws:iam::1:role/r'"),
            (
                "AWS PRIVATELINK",
                "SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-1', AVAILABILITY ZONES ('use1-az1')",
            ),
            ("ICEBERG CATALOG", "CATALOG TYPE 'rest', URL 'https://i', CREDENTIAL SECRET c"),
        ] {
            let sql = format!("CREATE CONNECTION c TO {ty} ({rest}, SSL MODE 'require');");
            one(
                &sql,
                &format!("{ty} connections do not support SSL MODE values"),
                "SSL MODE 'require'",
            );
        }
        // Accepted everywhere it belongs; USERNAME, ROLE ARN and PUBLIC KEY are other rules'.
        for sql in [
            "CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'd', USERNAME 'u', SSL MODE 'prefer');",
            "CREATE CONNECTION a TO AWS (ROLE ARN 'arn:aws:iam::1:role/r');",
            "CREATE CONNECTION s TO SSH TUNNEL (HOST 'h', USER 'u', PUBLIC KEY 1 'k');",
            "CREATE CONNECTION ms TO SQL SERVER (HOST 'h', DATABASE 'd', USER 'u', PASSWORD SECRET p, SSL MODE 'verify', SSL CERTIFICATE 'c', SSL KEY SECRET k);",
        ] {
            assert!(mz100(sql).is_empty(), "{sql}: {:?}", mz100(sql));
        }
    }

    #[test]
    fn mixed_case_comments_crlf_and_non_ascii() {
        one(
            "create Connection shop to mysql (host 'h', user 'mz', Database 'shop');",
            "MYSQL connections do not support DATABASE values",
            "Database 'shop'",
        );
        one(
            "CREATE CONNECTION k TO KAFKA (BROKER 'a:9092', SSL /* mode */ MODE = 'require');",
            "KAFKA connections do not support SSL MODE values",
            "SSL /* mode */ MODE = 'require'",
        );
        let crlf = "-- café ☕ naïve\r\nCREATE CONNECTION \"Shop DB\" TO MYSQL (\r\n  HOST 'h',\r\n  USER 'mz',\r\n  DATABASE 'shop'\r\n);\r\n";
        one(
            crlf,
            "MYSQL connections do not support DATABASE values",
            "DATABASE 'shop'",
        );
        let fixed = fix_once(crlf, "MZ100", "DATABASE 'shop'");
        assert_eq!(
            fixed,
            "-- café ☕ naïve\r\nCREATE CONNECTION \"Shop DB\" TO MYSQL (\r\n  HOST 'h',\r\n  USER 'mz'\r\n);\r\n"
        );
    }

    #[test]
    fn legacy_for_form() {
        let sql = "CREATE CONNECTION k FOR KAFKA BROKER 'k:9092', SSL MODE 'require';";
        one(
            sql,
            "KAFKA connections do not support SSL MODE values",
            "SSL MODE 'require'",
        );
        assert_eq!(
            fix_once(sql, "MZ100", "SSL MODE 'require'"),
            "CREATE CONNECTION k FOR KAFKA BROKER 'k:9092';"
        );
        assert_eq!(
            fix_all(sql, "MZ100"),
            "CREATE CONNECTION k FOR KAFKA BROKER 'k:9092';"
        );
    }

    #[test]
    fn unknown_words_with_aliases_and_suggestions() {
        let sql = "CREATE CONNECTION kafka TO KAFKA (BROKER 'b1:9092', SASL MECHANISM 'PLAIN', SASL USERNAME 'mz', SASL PASSWORD SECRET pw);";
        let diagnostics = of(&lint(sql), "MZ100");
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(
            diagnostics[0].message,
            "unknown option SASL MECHANISM in KAFKA connection"
        );
        assert_eq!(
            diagnostics[0].help.as_deref(),
            Some("did you mean SASL MECHANISMS?")
        );
        assert_eq!(&sql[diagnostics[0].span.range()], "SASL MECHANISM 'PLAIN'");
        let fix = diagnostics[0].fix.as_ref().unwrap();
        assert_eq!(fix.applicability, crate::Applicability::Safe);
        assert_eq!(
            fix_once(sql, "MZ100", "SASL MECHANISM 'PLAIN'"),
            sql.replace("SASL MECHANISM 'PLAIN'", "SASL MECHANISMS 'PLAIN'")
        );

        // A single edit-distance suggestion is an unsafe rename.
        let typo = "CREATE CONNECTION pg TO POSTGRES (HOTS 'h', DATABASE 'd', USER 'u');";
        let d = &of(&lint(typo), "MZ100")[0];
        assert_eq!(d.message, "unknown option HOTS in POSTGRES connection");
        assert_eq!(d.help.as_deref(), Some("did you mean HOST?"));
        assert_eq!(
            d.fix.as_ref().unwrap().applicability,
            crate::Applicability::Unsafe
        );
        assert_eq!(fix_all(typo, "MZ100"), typo.replace("HOTS", "HOST"));

        // No suggestion: the help lists what the type accepts, and there is no fix.
        let nothing = "CREATE CONNECTION s TO SSH TUNNEL (HOST 'h', USER 'u', XYZZY 'q');";
        let d = &of(&lint(nothing), "MZ100")[0];
        assert_eq!(d.message, "unknown option XYZZY in SSH TUNNEL connection");
        assert_eq!(
            d.help.as_deref(),
            Some("SSH TUNNEL connections accept HOST, PORT, USER")
        );
        assert!(d.fix.is_none());

        // Words before an identifier value: the last word is the value.
        let words = "CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', SSL_MODE require);";
        one(
            words,
            "unknown option SSL_MODE in POSTGRES connection",
            "SSL_MODE require",
        );
        assert_eq!(
            fix_all(words, "MZ100"),
            words.replace("SSL_MODE", "SSL MODE")
        );
    }

    #[test]
    fn bootstrap_servers_become_a_broker_list() {
        let sql = "CREATE CONNECTION k TO KAFKA (BOOTSTRAP SERVERS 'b1:9092');";
        assert_eq!(
            fix_once(sql, "MZ100", "BOOTSTRAP SERVERS 'b1:9092'"),
            "CREATE CONNECTION k TO KAFKA (BROKERS ('b1:9092'));"
        );
        let list = "CREATE CONNECTION k TO KAFKA (BOOTSTRAP SERVERS ('b1:9092', 'b2:9092'));";
        assert_eq!(
            fix_all(list, "MZ100"),
            "CREATE CONNECTION k TO KAFKA (BROKERS ('b1:9092', 'b2:9092'));"
        );
    }

    #[test]
    fn availability_zone_alias_only_for_privatelink() {
        let sql = "CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-1', AVAILABILITY ZONE ('use1-az1'));";
        assert_eq!(
            fix_all(sql, "MZ100"),
            sql.replace("AVAILABILITY ZONE (", "AVAILABILITY ZONES (")
        );
        let pg = "CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', AVAILABILITY ZONE 'use1-az1');";
        let d = &of(&lint(pg), "MZ100")[0];
        assert_eq!(
            d.message,
            "unknown option AVAILABILITY ZONE in POSTGRES connection"
        );
        assert!(d.fix.is_none());
    }

    #[test]
    fn connection_with_options() {
        one(
            "CREATE CONNECTION s TO SSH TUNNEL (HOST 'h', USER 'u') WITH (VALIDATE = false, SIZE = 'x');",
            "unknown option SIZE in connection WITH options",
            "SIZE = 'x'",
        );
        one(
            "CREATE CONNECTION s TO SSH TUNNEL (HOST 'h', USER 'u') WITH (VALIDATES = false);",
            "unknown option VALIDATES in connection WITH options",
            "VALIDATES = false",
        );
    }

    #[test]
    fn alter_connection_needs_the_type() {
        let create = "CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u');";
        let alter = "ALTER CONNECTION pg SET (BROKER 'k:9092'), SET (PORT 5433);";
        let project = lint_project(&[create, alter]);
        let found = of(&project[1], "MZ100");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(
            found[0].message,
            "POSTGRES connections do not support BROKER values"
        );
        assert_eq!(&alter[found[0].span.range()], "BROKER 'k:9092'");
        // The fix deletes the SET action.
        let fix = found[0].fix.as_ref().unwrap();
        assert_eq!(
            super::super::option_model::testkit::apply(alter, fix),
            "ALTER CONNECTION pg SET (PORT 5433);"
        );
        let project_fixed = fix_all(&format!("{create}\n{alter}"), "MZ100");
        assert_eq!(
            project_fixed,
            format!("{create}\nALTER CONNECTION pg SET (PORT 5433);")
        );
        // Type unknown: silent, except for words that are no option at all.
        assert!(of(&lint(alter), "MZ100").is_empty());
        one(
            "ALTER CONNECTION other SET (SSLMODE 'require');",
            "unknown option SSLMODE in ALTER CONNECTION",
            "SSLMODE 'require'",
        );
        // RESET/DROP of an option the type does not have.
        let reset = "ALTER CONNECTION materialize.public.pg RESET (SASL USERNAME);";
        let found = of(&lint_project(&[create, reset])[1], "MZ100");
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "POSTGRES connections do not support SASL USERNAME values"
        );
        assert!(found[0].fix.is_none(), "the only action cannot be deleted");
    }

    #[test]
    fn progress_topic_cannot_be_altered() {
        let create = "CREATE CONNECTION \"Kafka\" TO KAFKA (BROKER 'k:9092', PROGRESS TOPIC 'p');";
        let alter = "ALTER CONNECTION \"Kafka\" SET (PROGRESS TOPIC = 'new_progress'), RESET (PROGRESS TOPIC REPLICATION FACTOR);";
        let found = of(&lint_project(&[create, alter])[1], "MZ100");
        let messages: Vec<(&str, &str)> = found
            .iter()
            .map(|d| (d.message.as_str(), &alter[d.span.range()]))
            .collect();
        assert_eq!(
            messages,
            vec![
                (
                    "cannot ALTER KAFKA option PROGRESS TOPIC",
                    "PROGRESS TOPIC = 'new_progress'"
                ),
                (
                    "cannot ALTER KAFKA option PROGRESS TOPIC REPLICATION FACTOR",
                    "PROGRESS TOPIC REPLICATION FACTOR"
                ),
            ]
        );
    }

    #[test]
    fn source_options_outside_the_kind() {
        one(
            "CREATE SOURCE s FROM MYSQL CONNECTION m (PUBLICATION 'p');",
            "PUBLICATION is not an option of MYSQL sources",
            "PUBLICATION 'p'",
        );
        one(
            "CREATE SOURCE s4 FROM LOAD GENERATOR AUCTION (SCALE FACTOR 1);",
            "SCALE FACTOR is not an option of LOAD GENERATOR AUCTION sources",
            "SCALE FACTOR 1",
        );
        let kafka = "CREATE SOURCE s IN CLUSTER ingest FROM KAFKA CONNECTION k (TOPIC 't', PUBLICATION 'p');";
        one(
            kafka,
            "PUBLICATION is not an option of KAFKA sources",
            "PUBLICATION 'p'",
        );
        assert_eq!(
            fix_all(kafka, "MZ100"),
            "CREATE SOURCE s IN CLUSTER ingest FROM KAFKA CONNECTION k (TOPIC 't');"
        );
        // The only option: the whole list goes.
        let only = "CREATE SOURCE s FROM LOAD GENERATOR COUNTER (SCALE FACTOR 1);";
        assert_eq!(
            fix_all(only, "MZ100"),
            "CREATE SOURCE s FROM LOAD GENERATOR COUNTER;"
        );
        // Aliases in source lists.
        let topics = "CREATE SOURCE s FROM KAFKA CONNECTION k (TOPICS 't');";
        assert_eq!(
            fix_all(topics, "MZ100"),
            "CREATE SOURCE s FROM KAFKA CONNECTION k (TOPIC 't');"
        );
        // DETAILS is MZ112's, IGNORE COLUMNS MZ704's, CAPTURE INSTANCE MZ701's.
        for sql in [
            "CREATE SOURCE s FROM POSTGRES CONNECTION pg (PUBLICATION 'p', DETAILS 'ab');",
            "CREATE SOURCE s FROM MYSQL CONNECTION m (IGNORE COLUMNS (a.b.c)) FOR TABLES (a.b);",
            "CREATE SOURCE s FROM SQL SERVER CONNECTION m (CAPTURE INSTANCE 'x');",
        ] {
            assert!(mz100(sql).is_empty(), "{sql}: {:?}", mz100(sql));
        }
    }

    #[test]
    fn clauses_of_database_sources() {
        one(
            "CREATE SOURCE s3 FROM POSTGRES CONNECTION pg_main (PUBLICATION 'mz_pub') INCLUDE KEY FOR ALL TABLES;",
            "INCLUDE metadata with non-Kafka sources not yet supported",
            "INCLUDE KEY",
        );
        one(
            "CREATE SOURCE s FROM POSTGRES CONNECTION pg (PUBLICATION 'p') FORMAT JSON;",
            "FORMAT with PostgreSQL source is not supported",
            "FORMAT JSON",
        );
        one(
            "CREATE SOURCE s FROM MYSQL CONNECTION m ENVELOPE UPSERT;",
            "ENVELOPE UPSERT with MySQL source is not supported",
            "ENVELOPE UPSERT",
        );
        assert!(mz100("CREATE SOURCE s FROM SQL SERVER CONNECTION m ENVELOPE NONE;").is_empty());
    }

    #[test]
    fn for_clauses_of_single_output_sources() {
        one(
            "CREATE SOURCE s2 FROM KAFKA CONNECTION kafka_prod (TOPIC 'events') FOR ALL TABLES;",
            "FOR ALL TABLES is only valid for multi-output sources",
            "FOR ALL TABLES",
        );
        one(
            "CREATE SOURCE s4 FROM LOAD GENERATOR COUNTER FOR TABLES (a);",
            "FOR TABLES (..) is only valid for multi-output sources",
            "FOR TABLES (a)",
        );
        assert!(mz100("CREATE SOURCE s FROM LOAD GENERATOR TPCH FOR ALL TABLES;").is_empty());
        one(
            "CREATE SOURCE s FROM LOAD GENERATOR AUCTION INCLUDE OFFSET FOR ALL TABLES;",
            "INCLUDE metadata only supported with `KEY VALUE` load generators",
            "INCLUDE OFFSET",
        );
    }

    #[test]
    fn source_with_and_alter_source() {
        one(
            "CREATE SOURCE s FROM POSTGRES CONNECTION pg (PUBLICATION 'p') WITH (TIMESTAMP INTERVL '1s');",
            "unknown option TIMESTAMP INTERVL in CREATE SOURCE WITH options",
            "TIMESTAMP INTERVL '1s'",
        );
        // SIZE is MZ700's, TIMELINE MZ701's.
        assert!(mz100(
            "CREATE SOURCE s FROM POSTGRES CONNECTION pg (PUBLICATION 'p') WITH (SIZE = '3xsmall', TIMELINE 'x');"
        )
        .is_empty());
        one(
            "ALTER SOURCE pg_src SET (TIMESTAMP INTERVAL '5s');",
            "Cannot modify the TIMESTAMP INTERVAL of a SOURCE.",
            "TIMESTAMP INTERVAL '5s'",
        );
        one(
            "ALTER SOURCE pg_src RESET (TIMESTAMP INTERVAL);",
            "Cannot modify the TIMESTAMP INTERVAL of a SOURCE.",
            "TIMESTAMP INTERVAL",
        );
        assert!(mz100("ALTER SOURCE pg_src SET (RETAIN HISTORY = FOR '2h');").is_empty());
        assert!(mz100("ALTER SOURCE pg_src SET (SIZE '3xsmall');").is_empty());
    }

    #[test]
    fn tables_from_sources() {
        one(
            "CREATE TABLE t1 (id int4) FROM SOURCE pg_src (REFERENCE public.orders);",
            "CREATE TABLE .. FROM SOURCE column definitions cannot be specified directly",
            "(id int4)",
        );
        one(
            "CREATE TABLE t1 (PRIMARY KEY (id)) FROM SOURCE pg_src (REFERENCE public.orders);",
            "CREATE TABLE .. FROM SOURCE constraint definitions cannot be specified directly",
            "(PRIMARY KEY (id))",
        );
        let pg = "CREATE SOURCE pg_src FROM POSTGRES CONNECTION pg (PUBLICATION 'p');";
        let table = "CREATE TABLE t1 (x, y) FROM SOURCE pg_src (REFERENCE public.orders) INCLUDE OFFSET ENVELOPE DEBEZIUM;";
        let found: Vec<String> = of(&lint_project(&[pg, table])[1], "MZ100")
            .iter()
            .map(|d| format!("{} @ {}", d.message, &table[d.span.range()]))
            .collect();
        assert_eq!(
            found,
            vec![
                "columns cannot be named for Postgres sources @ (x, y)",
                "INCLUDE metadata with non-Kafka source table not yet supported @ INCLUDE OFFSET",
                "ENVELOPE DEBEZIUM with PostgreSQL source is not supported @ ENVELOPE DEBEZIUM",
            ]
        );
        // Source kind unknown, or Kafka: names are fine.
        assert!(
            mz100("CREATE TABLE t1 (x, y) FROM SOURCE pg_src (REFERENCE public.orders);")
                .is_empty()
        );
        let kafka = "CREATE SOURCE k_src FROM KAFKA CONNECTION k (TOPIC 't');";
        let table = "CREATE TABLE t (a) FROM SOURCE k_src FORMAT TEXT INCLUDE OFFSET;";
        assert!(of(&lint_project(&[kafka, table])[1], "MZ100").is_empty());
        one(
            "CREATE TABLE t FROM SOURCE s WITH (TEXT COLUMN (a));",
            "unknown option TEXT COLUMN in CREATE TABLE … FROM SOURCE WITH options",
            "TEXT COLUMN (a)",
        );
    }

    #[test]
    fn clusters() {
        one(
            "CREATE CLUSTER c3 (MANAGED = false, SIZE = 'M.1-small');",
            "SIZE not supported for unmanaged clusters",
            "SIZE = 'M.1-small'",
        );
        one(
            "CREATE CLUSTER c (REPLICAS (r1 (SIZE 'M.1-small')), REPLICATION FACTOR 2);",
            "REPLICATION FACTOR not supported for unmanaged clusters",
            "REPLICATION FACTOR 2",
        );
        one(
            "CREATE CLUSTER c (MANAGED, REPLICAS (r1 (SIZE 'M.1-small')), SIZE 'M.1-small');",
            "REPLICAS not supported for managed clusters",
            "REPLICAS (r1 (SIZE 'M.1-small'))",
        );
        one(
            "CREATE CLUSTER c (SIZE 'M.1-small', REPLICATON FACTOR 1);",
            "unknown option REPLICATON FACTOR in cluster options",
            "REPLICATON FACTOR 1",
        );
        one(
            "CREATE CLUSTER c (MANAGED = false, REPLICAS (r1 (SIZ 'M.1-small')));",
            "unknown option SIZ in replica options",
            "SIZ 'M.1-small'",
        );
        for sql in [
            "CREATE CLUSTER manual_c (MANAGED = false, REPLICAS (r1 (SIZE = '25cc')));",
            "CREATE CLUSTER ingest3 SIZE = 'M.1-xsmall';",
            // A placeholder MANAGED value is not interpreted (§1.6).
            "CREATE CLUSTER c (MANAGED = '${MANAGED}', SIZE = 'M.1-small', REPLICAS (r1 (SIZE 'x')));",
        ] {
            assert!(mz100(sql).is_empty(), "{sql}: {:?}", mz100(sql));
        }
    }

    #[test]
    fn placeholder_values_do_not_hide_option_names() {
        one(
            "CREATE CONNECTION shop TO MYSQL (HOST '${HOST}', USER '<user>', DATABASE '${DB}');",
            "MYSQL connections do not support DATABASE values",
            "DATABASE '${DB}'",
        );
    }

    #[test]
    fn per_broker_privatelink_options() {
        one(
            "CREATE CONNECTION k TO KAFKA (BROKERS ('b1:9092' USING AWS PRIVATELINK pl (AVAILABILITY ZONES 'use1-az1')));",
            "unknown option AVAILABILITY ZONES in broker AWS PRIVATELINK options",
            "AVAILABILITY ZONES 'use1-az1'",
        );
    }

    #[test]
    fn suppression_comment_silences_it() {
        let sql = "CREATE CONNECTION shop TO MYSQL (HOST 'h', USER 'mz', DATABASE 'shop', SSL MODE 'required'); -- mzlint: ignore[MZ100] MySQL 9 test\n";
        let diagnostics = lint(sql);
        assert!(diagnostics.is_empty(), "{diagnostics:#?}");
        let unsuppressed = sql.replace("mzlint: ignore", "just a comment");
        assert_eq!(of(&lint(&unsuppressed), "MZ100").len(), 1);
    }

    #[test]
    fn secret_values_never_appear() {
        let canary = CANARY;
        let sql = format!(
            "CREATE CONNECTION s TO SSH TUNNEL (HOST 'h', USER 'u', SSL KEY '{canary}', PASSWORD '{canary}');\n\
             CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', PASS '{canary}');"
        );
        let diagnostics = of(&lint(&sql), "MZ100");
        assert_eq!(diagnostics.len(), 3, "{diagnostics:#?}");
        assert_never_said(canary, &sql, &diagnostics);
        // The fixes delete or rename; the literal is never re-inserted.
        let fixed = fix_all(&sql, "MZ100");
        assert_eq!(fixed.matches(canary).count(), 1, "{fixed}");
        assert!(fixed.contains(&format!("PASSWORD '{canary}'")), "{fixed}");
    }
}

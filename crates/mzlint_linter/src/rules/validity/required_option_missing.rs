use crate::options::OptionContext;
use crate::prelude::*;

use super::option_model::{
    alter_states, cluster_is_managed, create_entries, effective_name, find, known_text, written,
    Entry,
};

declare_rule! {
/// ## What it does
///
/// Reports a required option that is missing, or an option given without the
/// option it needs:
///
/// * **Connections**: POSTGRES needs HOST, DATABASE, USER · MYSQL HOST, USER ·
///   SQL SERVER HOST, DATABASE, USER, PASSWORD · KAFKA one of BROKER, BROKERS,
///   AWS PRIVATELINK · CONFLUENT SCHEMA REGISTRY URL · AWS ASSUME ROLE ARN, or
///   ACCESS KEY ID and SECRET ACCESS KEY · AWS PRIVATELINK SERVICE NAME,
///   AVAILABILITY ZONES · SSH TUNNEL HOST, USER (PORT defaults to 22) ·
///   ICEBERG CATALOG CATALOG TYPE, URL, plus WAREHOUSE and AWS CONNECTION for
///   `'s3tablesrest'` and CREDENTIAL for `'rest'`.
/// * **Co-required options**: SSL CERTIFICATE ⇔ SSL KEY (POSTGRES, MYSQL,
///   KAFKA, CONFLUENT SCHEMA REGISTRY); AWS ACCESS KEY ID ⇔ SECRET ACCESS KEY,
///   SESSION TOKEN ⇒ that pair, ASSUME ROLE SESSION NAME ⇒ ASSUME ROLE ARN;
///   KAFKA with a SASL protocol (`SASL_PLAINTEXT`, `SASL_SSL`, or none given
///   while a SASL option is present) and no AWS CONNECTION ⇒ SASL MECHANISMS,
///   SASL USERNAME and SASL PASSWORD; MYSQL AWS CONNECTION ⇒ an SSL MODE other
///   than `disabled`; SQL SERVER SSL MODE `verify_ca` ⇒ SSL CERTIFICATE
///   AUTHORITY; CONFLUENT SCHEMA REGISTRY PASSWORD ⇒ USER (else the password is
///   silently ignored).
/// * **Sources**: POSTGRES without PUBLICATION, KAFKA without TOPIC, LOAD
///   GENERATOR KEY VALUE without KEYS, SNAPSHOT ROUNDS, VALUE SIZE, PARTITIONS,
///   BATCH SIZE or SEED.
/// * **Clusters**: a managed `CREATE CLUSTER` without SIZE, an unmanaged one
///   without REPLICAS.
/// * **ALTER CONNECTION** … RESET/DROP (or SET) that leaves the connection's
///   effective definition (its `CREATE CONNECTION` in the project, earlier
///   ALTERs applied) without a required option; reported on the action.
///
/// A missing option is reported at the object's name, a co-required one at
/// the option that needs it. Values that are placeholders (`'${MODE}'`) are
/// not interpreted.
///
/// ## Why is this bad?
///
/// Materialize rejects the statement at plan time (`DATABASE option is
/// required`, `SASL PASSWORD must be specified`, `CONNECTION must specify
/// PUBLICATION`), or silently ignores the lone option.
///
/// ## Example
///
/// ```sql
/// CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');
/// ```
///
/// Use instead:
///
/// ```sql
/// CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');
/// ```
///
/// ## Fix
///
/// None: only you know the value; the help shows the option's shape.
    pub(crate) static RULE = {
        code: "MZ103",
        name: "required-option-missing",
        severity: Error,
        scope: Statement,
        fix: None,
        fix_summary: "none",
        summary: "Required or co-required option missing",
        check: Statement(check),
    }
}

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    match &ctx.statement.kind {
        StatementKind::CreateConnection(create) => {
            if create.connection_type == ConnectionType::Yugabyte {
                return;
            }
            let name = written(ctx, create.name.span);
            let entries = create_entries(create, ctx.file_id(), true);
            for finding in connection_findings(ctx, create.connection_type, name, &entries) {
                let span = match finding.involved.first() {
                    Some(&index) => entries[index].option.span,
                    None => create.name.span,
                };
                out.push(
                    ctx.diagnostic(&RULE, span, finding.message)
                        .with_help(finding.help),
                );
            }
        }
        StatementKind::AlterConnection(alter) => check_alter(ctx, alter, out),
        StatementKind::CreateSource(source) => check_source(ctx, source, out),
        StatementKind::CreateCluster(cluster) => check_cluster(ctx, cluster, out),
        _ => {}
    }
}

/// One missing option.
struct Finding {
    message: String,
    help: String,
    /// Entries the finding is about, the one needing the missing option
    /// first; empty when an option is simply required.
    involved: Vec<usize>,
    /// The options whose absence is the finding.
    missing: Vec<OptionName>,
}

/// How to write an option, for `add …` helps.
fn example(name: &OptionName) -> String {
    use OptionName::*;
    let value = match name {
        Host => "'<host>'",
        Database => "'<database name>'",
        User | SaslUsername => "'<user name>'",
        Password | SaslPassword | SslKey | SslCertificate | SslCertificateAuthority
        | SecretAccessKey | AccessKeyId | Credential => "SECRET <secret_name>",
        Url => "'<url>'",
        ServiceName => "'com.amazonaws.vpce.<region>.vpce-svc-<id>'",
        AvailabilityZones => "('<availability zone id>', …)",
        CatalogType => "'s3tablesrest'",
        Warehouse => "'<table bucket ARN>'",
        AwsConnection => "<aws_connection>",
        AssumeRoleArn => "'arn:aws:iam::<account>:role/<role>'",
        SaslMechanisms => "'SCRAM-SHA-512'",
        SslMode => "'required'",
        Publication => "'<publication name>'",
        Topic => "'<topic>'",
        Size => "= '<size>'",
        _ => "<value>",
    };
    format!("{name} {value}")
}

fn missing(connection_type: ConnectionType, connection: &str, name: OptionName) -> Finding {
    Finding {
        message: format!(
            "{} connection `{connection}` is missing required option {name}",
            connection_type.as_str()
        ),
        help: format!("add {}", example(&name)),
        involved: Vec::new(),
        missing: vec![name],
    }
}

fn requires(
    connection_type: ConnectionType,
    connection: &str,
    present: usize,
    label: &str,
    name: OptionName,
) -> Finding {
    Finding {
        message: format!(
            "{label} requires {name} in {} connection `{connection}`",
            connection_type.as_str()
        ),
        help: format!("add {}", example(&name)),
        involved: vec![present],
        missing: vec![name],
    }
}

/// Everything missing from a connection definition.
fn connection_findings(
    ctx: &StatementContext<'_>,
    connection_type: ConnectionType,
    connection: &str,
    entries: &[Entry<'_>],
) -> Vec<Finding> {
    use OptionName::*;
    let index = |name: &OptionName| entries.iter().position(|e| &e.name == name);
    let has = |name: &OptionName| index(name).is_some();
    let text = |name: &OptionName| find(entries, name).and_then(|e| known_text(ctx, e.option.value.as_ref()));
    let mut out = Vec::new();

    let required: &[OptionName] = match connection_type {
        ConnectionType::Postgres => &[Host, Database, User],
        ConnectionType::MySql => &[Host, User],
        ConnectionType::SqlServer => &[Host, Database, User, Password],
        ConnectionType::ConfluentSchemaRegistry => &[Url],
        ConnectionType::AwsPrivatelink => &[ServiceName, AvailabilityZones],
        ConnectionType::SshTunnel => &[Host, User],
        ConnectionType::IcebergCatalog => &[CatalogType, Url],
        _ => &[],
    };
    for name in required {
        if !has(name) {
            out.push(missing(connection_type, connection, name.clone()));
        }
    }

    // SSL CERTIFICATE ⇔ SSL KEY.
    if matches!(
        connection_type,
        ConnectionType::Postgres
            | ConnectionType::MySql
            | ConnectionType::Kafka
            | ConnectionType::ConfluentSchemaRegistry
    ) {
        match (index(&SslCertificate), index(&SslKey)) {
            (Some(certificate), None) => out.push(requires(
                connection_type,
                connection,
                certificate,
                "SSL CERTIFICATE",
                SslKey,
            )),
            (None, Some(key)) => out.push(requires(
                connection_type,
                connection,
                key,
                "SSL KEY",
                SslCertificate,
            )),
            _ => {}
        }
    }

    match connection_type {
        ConnectionType::Kafka => {
            if !has(&Broker) && !has(&Brokers) && !has(&AwsPrivatelink) {
                out.push(Finding {
                    message: format!(
                        "KAFKA connection `{connection}` must set one of BROKER, BROKERS, or AWS PRIVATELINK"
                    ),
                    help: "add BROKERS ('<host>:9092', …)".to_string(),
                    involved: Vec::new(),
                    missing: vec![Broker, Brokers, AwsPrivatelink],
                });
            }
            if !has(&AwsConnection) {
                let first_sasl = entries.iter().position(|e| {
                    matches!(e.name, SaslMechanisms | SaslUsername | SaslPassword)
                });
                let protocol = index(&SecurityProtocol);
                let sasl = match protocol {
                    Some(protocol) => match &entries[protocol].option.value {
                        // No value: MZ106. A placeholder: unknown (§1.6).
                        None => false,
                        value => known_text(ctx, value.as_ref()).is_some_and(|t| {
                            t.eq_ignore_ascii_case("SASL_PLAINTEXT")
                                || t.eq_ignore_ascii_case("SASL_SSL")
                        }),
                    },
                    None => first_sasl.is_some(),
                };
                if sasl {
                    let (present, label) = match (first_sasl, protocol) {
                        (Some(first), _) => (first, entries[first].name.to_string()),
                        (None, Some(protocol)) => (
                            protocol,
                            format!(
                                "SECURITY PROTOCOL '{}'",
                                text(&SecurityProtocol).unwrap_or_default()
                            ),
                        ),
                        (None, None) => unreachable!("a SASL protocol needs one of them"),
                    };
                    for name in [SaslMechanisms, SaslUsername, SaslPassword] {
                        if !has(&name) {
                            out.push(requires(connection_type, connection, present, &label, name));
                        }
                    }
                }
            }
        }
        ConnectionType::Aws => {
            let (role, key_id, secret_key) = (
                index(&AssumeRoleArn),
                index(&AccessKeyId),
                index(&SecretAccessKey),
            );
            let (token, session_name) = (index(&SessionToken), index(&AssumeRoleSessionName));
            if let (Some(name), None) = (session_name, role) {
                out.push(requires(
                    connection_type,
                    connection,
                    name,
                    "ASSUME ROLE SESSION NAME",
                    AssumeRoleArn,
                ));
            }
            match (role, key_id, secret_key) {
                (None, None, None) => {
                    if let Some(token) = token {
                        out.push(Finding {
                            message: format!(
                                "SESSION TOKEN requires ACCESS KEY ID and SECRET ACCESS KEY in AWS connection `{connection}`"
                            ),
                            help: "add ACCESS KEY ID SECRET <secret_name>, SECRET ACCESS KEY SECRET <secret_name>, or use ASSUME ROLE ARN instead of static keys".to_string(),
                            involved: vec![token],
                            missing: vec![AccessKeyId, SecretAccessKey],
                        });
                    } else if session_name.is_none() {
                        out.push(Finding {
                            message: format!(
                                "AWS connection `{connection}` must specify either ASSUME ROLE ARN or ACCESS KEY ID and SECRET ACCESS KEY"
                            ),
                            help: format!("add {}", example(&AssumeRoleArn)),
                            involved: Vec::new(),
                            missing: vec![AssumeRoleArn, AccessKeyId, SecretAccessKey],
                        });
                    }
                }
                (_, Some(key_id), None) => out.push(requires(
                    connection_type,
                    connection,
                    key_id,
                    "ACCESS KEY ID",
                    SecretAccessKey,
                )),
                (_, None, Some(secret_key)) => out.push(requires(
                    connection_type,
                    connection,
                    secret_key,
                    "SECRET ACCESS KEY",
                    AccessKeyId,
                )),
                _ => {}
            }
        }
        ConnectionType::MySql => {
            if let Some(aws) = index(&AwsConnection) {
                match index(&SslMode) {
                    None => out.push(Finding {
                        message: format!(
                            "AWS CONNECTION requires SSL MODE in MYSQL connection `{connection}`"
                        ),
                        help: "add SSL MODE 'required': AWS IAM authentication requires SSL to be enabled"
                            .to_string(),
                        involved: vec![aws],
                        missing: vec![SslMode],
                    }),
                    Some(mode) => {
                        let disabled = known_text(ctx, entries[mode].option.value.as_ref())
                            .is_some_and(|t| t.eq_ignore_ascii_case("disabled"));
                        if disabled {
                            out.push(Finding {
                                message: format!(
                                    "AWS CONNECTION requires SSL MODE other than 'disabled' in MYSQL connection `{connection}`"
                                ),
                                help: "use SSL MODE 'required' or stricter: AWS IAM authentication requires SSL to be enabled"
                                    .to_string(),
                                involved: vec![aws, mode],
                                missing: vec![SslMode],
                            });
                        }
                    }
                }
            }
        }
        ConnectionType::SqlServer => {
            if let Some(mode) = index(&SslMode) {
                let verify_ca = known_text(ctx, entries[mode].option.value.as_ref())
                    .is_some_and(|t| t.eq_ignore_ascii_case("verify_ca"));
                if verify_ca && !has(&SslCertificateAuthority) {
                    out.push(requires(
                        connection_type,
                        connection,
                        mode,
                        "SSL MODE 'verify_ca'",
                        SslCertificateAuthority,
                    ));
                }
            }
        }
        ConnectionType::ConfluentSchemaRegistry => {
            if let (Some(password), false) = (index(&Password), has(&User)) {
                let mut finding = requires(connection_type, connection, password, "PASSWORD", User);
                finding.help =
                    "add USER '<user name>': without USER, Materialize ignores PASSWORD".to_string();
                out.push(finding);
            }
        }
        ConnectionType::IcebergCatalog => {
            if let Some(catalog_type) = index(&CatalogType) {
                let value = known_text(ctx, entries[catalog_type].option.value.as_ref());
                let needs: &[OptionName] = match value {
                    Some(t) if t.eq_ignore_ascii_case("s3tablesrest") => &[Warehouse, AwsConnection],
                    Some(t) if t.eq_ignore_ascii_case("rest") => &[Credential],
                    _ => &[],
                };
                let label = format!("CATALOG TYPE '{}'", value.unwrap_or_default());
                for name in needs {
                    if !has(name) {
                        out.push(requires(
                            connection_type,
                            connection,
                            catalog_type,
                            &label,
                            name.clone(),
                        ));
                    }
                }
            }
        }
        _ => {}
    }
    out
}

/// `ALTER CONNECTION`: what the ALTER leaves missing that was not missing
/// before it, reported on the action responsible.
fn check_alter(ctx: &StatementContext<'_>, alter: &AlterConnection, out: &mut Vec<Diagnostic>) {
    let AlterConnectionAction::Actions { actions, .. } = &alter.action else {
        return;
    };
    let Some(states) = alter_states(ctx, alter) else {
        return; // without a base definition nothing is known to be missing
    };
    let name = written(ctx, alter.name.span);
    let before: Vec<String> = connection_findings(ctx, states.connection_type, name, &states.before)
        .into_iter()
        .map(|f| f.message)
        .collect();
    let context = OptionContext::Connection(Some(states.connection_type));
    for finding in connection_findings(ctx, states.connection_type, name, &states.after) {
        if before.contains(&finding.message) {
            continue; // reported where it arose
        }
        let set_by_this = finding
            .involved
            .iter()
            .map(|&i| &states.after[i])
            .find(|e| e.current)
            .and_then(|e| e.action);
        let reset_by_this = actions.iter().find_map(|action| match &action.kind {
            AlterConnectionItemKind::Reset { option, .. }
                if effective_name(option, context)
                    .is_some_and(|n| finding.missing.contains(&n)) =>
            {
                Some(action.span)
            }
            _ => None,
        });
        let fallback = actions
            .iter()
            .find(|a| !matches!(a.kind, AlterConnectionItemKind::RotateKeys))
            .map(|a| a.span);
        let Some(span) = set_by_this.or(reset_by_this).or(fallback) else {
            continue;
        };
        out.push(
            ctx.diagnostic(&RULE, span, finding.message)
                .with_help(finding.help),
        );
    }
}

fn check_source(ctx: &StatementContext<'_>, source: &CreateSource, out: &mut Vec<Diagnostic>) {
    let SourceBody::Connection(conn) = &source.body else {
        return;
    };
    let kind = conn.kind;
    let required: &[OptionName] = match kind {
        // The removed inline forms have no connection: MZ701 reports them.
        SourceKind::Postgres if conn.connection.is_some() => &[OptionName::Publication],
        SourceKind::Kafka if conn.connection.is_some() => &[OptionName::Topic],
        SourceKind::LoadGenerator(LoadGenerator::KeyValue) => &[
            OptionName::Keys,
            OptionName::SnapshotRounds,
            OptionName::ValueSize,
            OptionName::Partitions,
            OptionName::BatchSize,
            OptionName::Seed,
        ],
        _ => return,
    };
    let context = OptionContext::Source(kind);
    let present: Vec<OptionName> = conn
        .options
        .iter()
        .flat_map(|list| &list.options)
        .filter_map(|o| effective_name(o, context))
        .collect();
    let kind_name = match kind {
        SourceKind::LoadGenerator(generator) => format!("LOAD GENERATOR {}", generator.as_str()),
        other => other.as_str().to_string(),
    };
    let source_name = written(ctx, source.name.span);
    for name in required {
        if present.contains(name) {
            continue;
        }
        let shape = match name {
            OptionName::Publication | OptionName::Topic => example(name),
            _ => format!("{name} <number>"),
        };
        let help = if conn.options.is_some() {
            format!("add {shape} to the source options")
        } else {
            format!("add ({shape}) after the connection name")
        };
        out.push(
            ctx.diagnostic(
                &RULE,
                source.name.span,
                format!("{kind_name} source `{source_name}` is missing required option {name}"),
            )
            .with_help(help),
        );
    }
}

fn check_cluster(ctx: &StatementContext<'_>, cluster: &CreateCluster, out: &mut Vec<Diagnostic>) {
    let options = &cluster.options.options;
    let has = |name: OptionName| {
        options
            .iter()
            .any(|o| effective_name(o, OptionContext::Cluster) == Some(name.clone()))
    };
    let name = written(ctx, cluster.name.span);
    let (message, help) = match cluster_is_managed(options) {
        Some(true) if !has(OptionName::Size) => (
            format!("managed cluster `{name}` is missing required option SIZE"),
            "add SIZE = '<size>' (for example 'M.1-small')",
        ),
        Some(false) if !has(OptionName::Replicas) => (
            format!("unmanaged cluster `{name}` is missing required option REPLICAS"),
            "add REPLICAS (r1 (SIZE = '<size>')), or make the cluster managed with SIZE",
        ),
        _ => return,
    };
    out.push(
        ctx.diagnostic(&RULE, cluster.name.span, message)
            .with_help(help),
    );
}

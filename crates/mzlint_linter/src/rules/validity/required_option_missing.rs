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
        Password
        | SaslPassword
        | SslKey
        | SslCertificate
        | SslCertificateAuthority
        | SecretAccessKey
        | AccessKeyId
        | Credential => "SECRET <secret_name>",
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
    let text = |name: &OptionName| {
        find(entries, name).and_then(|e| known_text(ctx, e.option.value.as_ref()))
    };
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
                let first_sasl = entries
                    .iter()
                    .position(|e| matches!(e.name, SaslMechanisms | SaslUsername | SaslPassword));
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
                finding.help = "add USER '<user name>': without USER, Materialize ignores PASSWORD"
                    .to_string();
                out.push(finding);
            }
        }
        ConnectionType::IcebergCatalog => {
            if let Some(catalog_type) = index(&CatalogType) {
                let value = known_text(ctx, entries[catalog_type].option.value.as_ref());
                let needs: &[OptionName] = match value {
                    Some(t) if t.eq_ignore_ascii_case("s3tablesrest") => {
                        &[Warehouse, AwsConnection]
                    }
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
    let before: Vec<String> =
        connection_findings(ctx, states.connection_type, name, &states.before)
            .into_iter()
            .map(|f| f.message)
            .collect();
    let context = OptionContext::Connection(Some(states.connection_type));
    // An option both SET and RESET here is MZ102's conflict, not a missing one.
    let named = |set: bool| -> Vec<OptionName> {
        actions
            .iter()
            .filter_map(|action| match (&action.kind, set) {
                (AlterConnectionItemKind::Set(option), true)
                | (AlterConnectionItemKind::Reset { option, .. }, false) => {
                    effective_name(option, context)
                }
                _ => None,
            })
            .collect()
    };
    let (set, reset) = (named(true), named(false));
    let conflicting: Vec<&OptionName> = set.iter().filter(|n| reset.contains(n)).collect();
    for finding in connection_findings(ctx, states.connection_type, name, &states.after) {
        if before.contains(&finding.message) {
            continue; // reported where it arose
        }
        if finding.missing.iter().any(|m| conflicting.contains(&m)) {
            continue;
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

#[cfg(test)]
mod tests {
    use super::super::option_model::testkit::{assert_clean, lint, lint_project, of, only, render};
    use crate::testing::{assert_never_said, CANARY};

    const BAD: &str = "CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');";
    const GOOD: &str = "CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');";

    /// `(message, span text)` of each MZ103 of a file.
    fn found(sql: &str, diagnostics: &[crate::Diagnostic]) -> Vec<(String, String)> {
        of(diagnostics, "MZ103")
            .into_iter()
            .map(|d| (d.message.clone(), sql[d.span.range()].to_string()))
            .collect()
    }

    fn mz103(sql: &str) -> Vec<(String, String)> {
        found(sql, &lint(sql))
    }

    fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
        expected
            .iter()
            .map(|(m, s)| (m.to_string(), s.to_string()))
            .collect()
    }

    #[test]
    fn bad_example() {
        let d = &only(BAD, "MZ103");
        assert_eq!(
            d.message,
            "POSTGRES connection `pg` is missing required option DATABASE"
        );
        assert_eq!(&BAD[d.span.range()], "pg");
        assert_eq!(d.help.as_deref(), Some("add DATABASE '<database name>'"));
        assert!(d.fix.is_none());
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
    fn required_connection_options() {
        for (sql, expected) in [
            (
                "CREATE CONNECTION pg_x TO POSTGRES (HOST 'h', USER 'u');",
                vec![("POSTGRES connection `pg_x` is missing required option DATABASE", "pg_x")],
            ),
            (
                "CREATE CONNECTION ms_x TO SQL SERVER (HOST 'h', DATABASE 'd', USER 'u');",
                vec![("SQL SERVER connection `ms_x` is missing required option PASSWORD", "ms_x")],
            ),
            (
                "CREATE CONNECTION my TO MYSQL (USER 'u');",
                vec![("MYSQL connection `my` is missing required option HOST", "my")],
            ),
            (
                "CREATE CONNECTION k TO KAFKA (SECURITY PROTOCOL 'SSL');",
                vec![(
                    "KAFKA connection `k` must set one of BROKER, BROKERS, or AWS PRIVATELINK",
                    "k",
                )],
            ),
            (
                "CREATE CONNECTION csr TO CONFLUENT SCHEMA REGISTRY (USER 'u');",
                vec![("CONFLUENT SCHEMA REGISTRY connection `csr` is missing required option URL", "csr")],
            ),
            (
                "CREATE CONNECTION aws_x TO AWS (REGION 'us-east-1');",
                vec![(
                    "AWS connection `aws_x` must specify either ASSUME ROLE ARN or ACCESS KEY ID and SECRET ACCESS KEY",
                    "aws_x",
                )],
            ),
            (
                "CREATE CONNECTION pl_x TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0');",
                vec![("AWS PRIVATELINK connection `pl_x` is missing required option AVAILABILITY ZONES", "pl_x")],
            ),
            (
                "CREATE CONNECTION ssh TO SSH TUNNEL (HOST 'h', PORT 22);",
                vec![("SSH TUNNEL connection `ssh` is missing required option USER", "ssh")],
            ),
            (
                "CREATE CONNECTION ice_x TO ICEBERG CATALOG (URL 'https://s3tables.us-east-1.amazonaws.com/iceberg');",
                vec![("ICEBERG CATALOG connection `ice_x` is missing required option CATALOG TYPE", "ice_x")],
            ),
            (
                "CREATE CONNECTION ice TO ICEBERG CATALOG (CATALOG TYPE 'S3TablesREST', URL 'https://x');",
                vec![
                    ("CATALOG TYPE 'S3TablesREST' requires WAREHOUSE in ICEBERG CATALOG connection `ice`", "CATALOG TYPE 'S3TablesREST'"),
                    ("CATALOG TYPE 'S3TablesREST' requires AWS CONNECTION in ICEBERG CATALOG connection `ice`", "CATALOG TYPE 'S3TablesREST'"),
                ],
            ),
            (
                "CREATE CONNECTION ice TO ICEBERG CATALOG (CATALOG TYPE rest, URL 'https://x');",
                vec![("CATALOG TYPE 'rest' requires CREDENTIAL in ICEBERG CATALOG connection `ice`", "CATALOG TYPE rest")],
            ),
        ] {
            assert_eq!(mz103(sql), pairs(&expected), "{sql}");
        }
        // Every missing option is its own finding.
        assert_eq!(
            mz103("CREATE CONNECTION pg TO POSTGRES (PORT 5432);").len(),
            3
        );
    }

    #[test]
    fn co_required_options() {
        for (sql, expected) in [
            (
                "CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', SSL CERTIFICATE SECRET c);",
                vec![("SSL CERTIFICATE requires SSL KEY in POSTGRES connection `pg`", "SSL CERTIFICATE SECRET c")],
            ),
            (
                "CREATE CONNECTION k_x TO KAFKA (BROKER 'a:9092', SSL CERTIFICATE 'pem-cert');",
                vec![("SSL CERTIFICATE requires SSL KEY in KAFKA connection `k_x`", "SSL CERTIFICATE 'pem-cert'")],
            ),
            (
                "CREATE CONNECTION csr TO CONFLUENT SCHEMA REGISTRY (URL 'https://r', SSL KEY SECRET k);",
                vec![("SSL KEY requires SSL CERTIFICATE in CONFLUENT SCHEMA REGISTRY connection `csr`", "SSL KEY SECRET k")],
            ),
            (
                "CREATE CONNECTION aws_x TO AWS (ACCESS KEY ID 'AKIAEXAMPLE');",
                vec![("ACCESS KEY ID requires SECRET ACCESS KEY in AWS connection `aws_x`", "ACCESS KEY ID 'AKIAEXAMPLE'")],
            ),
            (
                "CREATE CONNECTION a TO AWS (SESSION TOKEN SECRET t);",
                vec![("SESSION TOKEN requires ACCESS KEY ID and SECRET ACCESS KEY in AWS connection `a`", "SESSION TOKEN SECRET t")],
            ),
            (
                "CREATE CONNECTION a TO AWS (ACCESS KEY ID SECRET k, SECRET ACCESS KEY SECRET s, ASSUME ROLE SESSION NAME 'n');",
                vec![("ASSUME ROLE SESSION NAME requires ASSUME ROLE ARN in AWS connection `a`", "ASSUME ROLE SESSION NAME 'n'")],
            ),
            (
                "CREATE CONNECTION k_x TO KAFKA (BROKER 'a:9092', SASL MECHANISMS 'PLAIN', SASL USERNAME 'u');",
                vec![("SASL MECHANISMS requires SASL PASSWORD in KAFKA connection `k_x`", "SASL MECHANISMS 'PLAIN'")],
            ),
            (
                "CREATE CONNECTION k TO KAFKA (BROKER 'a:9092', SECURITY PROTOCOL = sasl_ssl);",
                vec![
                    ("SECURITY PROTOCOL 'sasl_ssl' requires SASL MECHANISMS in KAFKA connection `k`", "SECURITY PROTOCOL = sasl_ssl"),
                    ("SECURITY PROTOCOL 'sasl_ssl' requires SASL USERNAME in KAFKA connection `k`", "SECURITY PROTOCOL = sasl_ssl"),
                    ("SECURITY PROTOCOL 'sasl_ssl' requires SASL PASSWORD in KAFKA connection `k`", "SECURITY PROTOCOL = sasl_ssl"),
                ],
            ),
            (
                "CREATE CONNECTION my_x TO MYSQL (HOST 'h', USER 'u', AWS CONNECTION aws_role);",
                vec![("AWS CONNECTION requires SSL MODE in MYSQL connection `my_x`", "AWS CONNECTION aws_role")],
            ),
            (
                "CREATE CONNECTION my_x TO MYSQL (HOST 'h', USER 'u', AWS CONNECTION aws_role, SSL MODE DISABLED);",
                vec![("AWS CONNECTION requires SSL MODE other than 'disabled' in MYSQL connection `my_x`", "AWS CONNECTION aws_role")],
            ),
            (
                "CREATE CONNECTION ms_x TO SQL SERVER (HOST 'h', DATABASE 'd', USER 'u', PASSWORD SECRET mssql_pass, SSL MODE 'verify_ca');",
                vec![("SSL MODE 'verify_ca' requires SSL CERTIFICATE AUTHORITY in SQL SERVER connection `ms_x`", "SSL MODE 'verify_ca'")],
            ),
            (
                "CREATE CONNECTION csr TO CONFLUENT SCHEMA REGISTRY (URL 'https://r', PASSWORD SECRET csr_pass);",
                vec![("PASSWORD requires USER in CONFLUENT SCHEMA REGISTRY connection `csr`", "PASSWORD SECRET csr_pass")],
            ),
        ] {
            assert_eq!(mz103(sql), pairs(&expected), "{sql}");
        }
        for sql in [
            // AWS CONNECTION replaces the SASL credentials (MSK IAM).
            "CREATE CONNECTION k TO KAFKA (BROKER 'a:9092', SECURITY PROTOCOL 'SASL_SSL', AWS CONNECTION msk);",
            // A plaintext protocol with no SASL option needs none.
            "CREATE CONNECTION k TO KAFKA (BROKER 'a:9092', SECURITY PROTOCOL 'PLAINTEXT');",
            "CREATE CONNECTION ms TO SQL SERVER (HOST 'h', DATABASE 'd', USER 'u', PASSWORD SECRET p, SSL MODE 'VERIFY_CA', SSL CERTIFICATE AUTHORITY SECRET ca);",
            "CREATE CONNECTION mysql_iam TO MYSQL (HOST 'a', USER 'mz_iam', AWS CONNECTION aws_role, SSL MODE required);",
            // SQL Server does not pair certificate and key.
            "CREATE CONNECTION ms TO SQL SERVER (HOST 'h', DATABASE 'd', USER 'u', PASSWORD SECRET p, SSL CERTIFICATE 'c');",
            // ROLE ARN (MZ701) counts as ASSUME ROLE ARN.
            "CREATE CONNECTION a TO AWS (ROLE ARN 'arn:aws:iam::1:role/r');",
            // An unknown word MZ100 maps counts as the option (§1.8).
            "CREATE CONNECTION pg TO POSTGRES (HOST 'h', DBNAME 'd', USER 'u');",
        ] {
            assert!(mz103(sql).is_empty(), "{sql}: {:?}", mz103(sql));
        }
    }

    #[test]
    fn placeholder_values_are_not_interpreted() {
        for sql in [
            "CREATE CONNECTION ms TO SQL SERVER (HOST 'h', DATABASE 'd', USER 'u', PASSWORD SECRET p, SSL MODE '${MODE}');",
            "CREATE CONNECTION my TO MYSQL (HOST 'h', USER 'u', AWS CONNECTION aws, SSL MODE '<ssl mode>');",
            "CREATE CONNECTION k TO KAFKA (BROKER 'a:9092', SECURITY PROTOCOL '${PROTOCOL}');",
            "CREATE CONNECTION ice TO ICEBERG CATALOG (CATALOG TYPE '{{ catalog_type }}', URL 'https://x');",
        ] {
            assert!(mz103(sql).is_empty(), "{sql}: {:?}", mz103(sql));
        }
        // A placeholder value still counts as the option being present.
        assert!(mz103(
            "CREATE CONNECTION pg TO POSTGRES (HOST '<host>', DATABASE '${DB}', USER 'u');"
        )
        .is_empty());
    }

    #[test]
    fn names_as_written_crlf_and_legacy_form() {
        let sql = "-- ☃ snow\r\ncreate connection Materialize.\"Public\".\"PG Main\" to postgres (\r\n  host 'h',\r\n  user 'u'\r\n);";
        assert_eq!(
            mz103(sql),
            pairs(&[(
                "POSTGRES connection `Materialize.\"Public\".\"PG Main\"` is missing required option DATABASE",
                "Materialize.\"Public\".\"PG Main\"",
            )])
        );
        let legacy =
            "CREATE CONNECTION bastion FOR SSH TUNNEL HOST /* h */ 'bastion.example.net', PORT 22;";
        assert_eq!(
            mz103(legacy),
            pairs(&[(
                "SSH TUNNEL connection `bastion` is missing required option USER",
                "bastion"
            )])
        );
    }

    #[test]
    fn sources() {
        for (sql, expected) in [
            (
                "CREATE SOURCE s1 FROM POSTGRES CONNECTION pg_main;",
                vec![("POSTGRES source `s1` is missing required option PUBLICATION", "s1")],
            ),
            (
                "CREATE SOURCE s2 FROM KAFKA CONNECTION kafka_prod (GROUP ID PREFIX 'x');",
                vec![("KAFKA source `s2` is missing required option TOPIC", "s2")],
            ),
            (
                "CREATE SOURCE kv FROM LOAD GENERATOR KEY VALUE (KEYS 16, PARTITIONS 4, SNAPSHOT ROUNDS 1, SEED 1, VALUE SIZE 8);",
                vec![("LOAD GENERATOR KEY VALUE source `kv` is missing required option BATCH SIZE", "kv")],
            ),
        ] {
            assert_eq!(mz103(sql), pairs(&expected), "{sql}");
        }
        let d = &of(
            &lint("CREATE SOURCE s1 FROM POSTGRES CONNECTION pg_main;"),
            "MZ103",
        )[0];
        assert_eq!(
            d.help.as_deref(),
            Some("add (PUBLICATION '<publication name>') after the connection name")
        );
        for sql in [
            "CREATE SOURCE s FROM POSTGRES CONNECTION pg (PUBLICATIONS 'p');",
            "CREATE SOURCE s FROM KAFKA CONNECTION k (TOPICS 't');",
            // Removed forms are MZ701's.
            "CREATE SOURCE s FROM POSTGRES CONNECTION pg PUBLICATION 'p' FOR ALL TABLES;",
            "CREATE SOURCE s FROM KAFKA BROKER 'k:9092' TOPIC 't' FORMAT BYTES;",
        ] {
            assert!(mz103(sql).is_empty(), "{sql}: {:?}", mz103(sql));
        }
    }

    #[test]
    fn clusters() {
        assert_eq!(
            mz103("CREATE CLUSTER c2 (REPLICATION FACTOR 2);"),
            pairs(&[("managed cluster `c2` is missing required option SIZE", "c2")])
        );
        assert_eq!(
            mz103("CREATE CLUSTER c3 (MANAGED = false, SIZE = 'M.1-small');"),
            pairs(&[(
                "unmanaged cluster `c3` is missing required option REPLICAS",
                "c3"
            )])
        );
        for sql in [
            "CREATE CLUSTER manual_c (MANAGED = false, REPLICAS (r1 (SIZE = '25cc')));",
            "CREATE CLUSTER c (REPLICAS ());",
            "CREATE CLUSTER ingest3 SIZE = 'M.1-xsmall';",
            "CREATE CLUSTER c (MANAGED = '${M}');",
        ] {
            assert!(mz103(sql).is_empty(), "{sql}: {:?}", mz103(sql));
        }
    }

    #[test]
    fn alter_leaving_a_required_option_out() {
        let create = "CREATE CONNECTION pg_main TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', SSL CERTIFICATE SECRET c, SSL KEY SECRET k);";
        let alter = "ALTER CONNECTION pg_main SET (PORT 6432), RESET (HOST), DROP (SSL KEY);";
        let project = lint_project(&[create, alter]);
        assert!(of(&project[0], "MZ103").is_empty());
        assert_eq!(
            found(alter, &project[1]),
            pairs(&[
                (
                    "POSTGRES connection `pg_main` is missing required option HOST",
                    "RESET (HOST)"
                ),
                (
                    "SSL CERTIFICATE requires SSL KEY in POSTGRES connection `pg_main`",
                    "DROP (SSL KEY)"
                ),
            ])
        );
        // A SET that needs a partner.
        let set = "ALTER CONNECTION pg_main RESET (SSL KEY), RESET (SSL CERTIFICATE), SET (SSL KEY SECRET k2);";
        assert_eq!(
            found(set, &lint_project(&[create, set])[1]),
            pairs(&[(
                "SSL KEY requires SSL CERTIFICATE in POSTGRES connection `pg_main`",
                "SET (SSL KEY SECRET k2)"
            )])
        );
        // What the CREATE already lacked is reported there, not again.
        let incomplete = "CREATE CONNECTION pg_main TO POSTGRES (HOST 'h', USER 'u');";
        let port = "ALTER CONNECTION pg_main SET (PORT 6432);";
        let project = lint_project(&[incomplete, port]);
        assert_eq!(of(&project[0], "MZ103").len(), 1);
        assert!(of(&project[1], "MZ103").is_empty());
        // SET and RESET of one option is MZ102's conflict, not a missing option.
        let both = "ALTER CONNECTION pg_main SET (HOST 'x'), DROP (HOST);";
        assert!(of(&lint_project(&[create, both])[1], "MZ103").is_empty());
        // No base definition: nothing is known to be missing.
        assert!(mz103(alter).is_empty());
        // Valid example V21.
        let v07 = "CREATE CONNECTION pg_main TO POSTGRES (HOST 'db.example.com', PORT 5432, DATABASE 'app', USER 'replicator', PASSWORD SECRET pg_pass, SSL MODE 'verify_full', SSL CERTIFICATE AUTHORITY SECRET pg_ca) WITH (VALIDATE = false);";
        let v21 = "ALTER CONNECTION pg_main SET (HOST = 'db2.example.com'), SET (PORT = 6432),\n    RESET (SSL CERTIFICATE AUTHORITY) WITH (VALIDATE = true);";
        assert!(of(&lint_project(&[v07, v21])[1], "MZ103").is_empty());
        // Kafka: resetting the only route.
        let kafka = "CREATE CONNECTION k TO KAFKA (BROKER 'a:9092');";
        let reset = "ALTER CONNECTION k RESET (BROKER);";
        assert_eq!(
            found(reset, &lint_project(&[kafka, reset])[1]),
            pairs(&[(
                "KAFKA connection `k` must set one of BROKER, BROKERS, or AWS PRIVATELINK",
                "RESET (BROKER)"
            )])
        );
    }

    #[test]
    fn suppression_comment_silences_it() {
        let sql = "-- mzlint: ignore[required-option-missing] created by the platform team\nCREATE CONNECTION pg TO POSTGRES (HOST 'h', USER 'u', SSL MODE 'require');\n";
        assert!(lint(sql).is_empty(), "{:#?}", lint(sql));
        assert_eq!(mz103(&sql.replace("mzlint:", "note:")).len(), 1);
    }

    #[test]
    fn secret_values_never_appear() {
        let canary = CANARY;
        let sql = format!(
            "CREATE CONNECTION a TO AWS (ACCESS KEY ID '{canary}', SESSION TOKEN '{canary}');\n\
             CREATE CONNECTION csr TO CONFLUENT SCHEMA REGISTRY (URL 'https://r', PASSWORD '{canary}', SSL KEY '{canary}');"
        );
        let diagnostics = of(&lint(&sql), "MZ103");
        assert_eq!(diagnostics.len(), 3, "{diagnostics:#?}");
        assert_never_said(canary, &sql, &diagnostics);
    }
}

use crate::prelude::*;
use crate::project::{cluster_name, DefKind, Namespace};
use crate::settings::ObjectKind;

declare_rule! {
/// ## What it does
///
/// Reports a reference to an object that the same file creates only later,
/// when the file has no earlier definition of it and no other file of the
/// project defines it. References are the names a statement uses without
/// defining (rules.md §5.5): `SECRET x`, connection names (`FROM … CONNECTION
/// x`, `SSH TUNNEL x`, broker tunnels, schema registries, `ALTER|VALIDATE
/// CONNECTION x`), sources (`CREATE TABLE … FROM SOURCE x`, `ALTER SOURCE
/// x`) and clusters (`IN CLUSTER x`, `ALTER CLUSTER x`, `CREATE CLUSTER
/// REPLICA x.r`, `SET cluster = x`). Not on external or system names,
/// placeholders, `DROP` and `… IF EXISTS` statements, or when another file
/// defines the object (MZ502 may then apply).
///
/// Message (on the name, with a note at the definition): ``secret `pg_pw` is
/// used here but created only later in this file (line 2)``.
///
/// ## Why is this bad?
///
/// Materialize runs a file's statements in order: run top to bottom, the
/// first statement fails with `unknown catalog item`.
///
/// ## Example
///
/// ```sql
/// CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');
/// CREATE SECRET pg_pw AS '${PG_PASSWORD}';
/// ```
///
/// Use instead:
///
/// ```sql
/// CREATE SECRET pg_pw AS '${PG_PASSWORD}';
/// CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');
/// ```
///
/// ## Fix
///
/// None: moving statements may move comments and other dependencies with
/// them; the help says which statement to move.
    pub(crate) static RULE = {
        code: "MZ503",
        name: "used-before-definition",
        severity: Warning,
        scope: File,
        fix: None,
        fix_summary: "none",
        summary: "Object used before its in-file definition",
        check: File(check),
    }
}

/// One name a statement uses.
struct Reference {
    kind: ObjectKind,
    target: Target,
}

enum Target {
    Item(ItemName),
    /// A cluster name (a single identifier) and where it is written.
    Cluster(String, Span),
}

impl Reference {
    fn item(kind: ObjectKind, name: &ItemName) -> Self {
        Reference {
            kind,
            target: Target::Item(name.clone()),
        }
    }
}

fn check(ctx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
    let project = ctx.project;
    let settings = ctx.settings;
    for statement in ctx.statements() {
        let location = statement.location();
        let mut references = Vec::new();
        collect(&statement.statement.kind, &mut references);
        for reference in references {
            let (namespace, qualified, written, span, placeholder) = match &reference.target {
                Target::Item(name) => (
                    Namespace::Item,
                    project.resolve(location, name),
                    name.parts
                        .iter()
                        .map(|p| ctx.text(p.span))
                        .collect::<Vec<_>>()
                        .join("."),
                    name.span,
                    name.is_placeholder(),
                ),
                Target::Cluster(name, span) => (
                    Namespace::Cluster,
                    cluster_name(name),
                    ctx.text(*span).to_string(),
                    *span,
                    name.starts_with('<'),
                ),
            };
            if placeholder {
                continue;
            }
            let full = if namespace == Namespace::Cluster {
                qualified.name.clone()
            } else {
                qualified.to_string()
            };
            let as_written = match &reference.target {
                Target::Item(name) => name.joined(),
                Target::Cluster(name, _) => name.clone(),
            };
            if settings
                .references
                .is_external(reference.kind, &[as_written.as_str(), full.as_str()])
            {
                continue;
            }
            let definitions: Vec<_> = project.definitions_of(namespace, &qualified).collect();
            if definitions
                .iter()
                .any(|d| d.location.file != location.file || d.location <= location)
            {
                continue;
            }
            let Some(definition) = definitions
                .iter()
                .filter(|d| d.location > location)
                .min_by_key(|d| d.location)
            else {
                continue;
            };
            let line = ctx.file.row_col(definition.name_span.start).0;
            let (head, created) = match ctx.statement_at(definition.location) {
                Some(s) => creating_head(ctx, s, definition.kind),
                None => (
                    String::from("CREATE"),
                    ctx.text(definition.name_span).to_string(),
                ),
            };
            out.push(
                ctx.diagnostic(
                    &RULE,
                    span,
                    format!(
                        "{} `{written}` is used here but created only later in this file (line {line})",
                        reference.kind.as_str()
                    ),
                )
                .with_help(format!(
                    "move {head} {created} above this statement; Materialize runs statements in order"
                ))
                .with_related(
                    ctx.id(),
                    definition.name_span,
                    format!("`{}` is created here", ctx.text(definition.name_span)),
                ),
            );
        }
    }
}

/// `CREATE SECRET` and the name it creates, as written, for the statement
/// holding a definition (a subsource's is its source's).
fn creating_head(ctx: &FileContext<'_>, statement: &Statement, kind: DefKind) -> (String, String) {
    let text = |name: &ItemName| {
        name.parts
            .iter()
            .map(|p| ctx.text(p.span))
            .collect::<Vec<_>>()
            .join(".")
    };
    let (head, name) = match &statement.kind {
        StatementKind::CreateSecret(s) => ("CREATE SECRET", text(&s.name)),
        StatementKind::CreateConnection(c) => ("CREATE CONNECTION", text(&c.name)),
        StatementKind::CreateSource(s) => ("CREATE SOURCE", text(&s.name)),
        StatementKind::AlterSource(a) => ("ALTER SOURCE", text(&a.name)),
        StatementKind::CreateTableFromSource(t) => ("CREATE TABLE", text(&t.name)),
        StatementKind::CreateTableFromWebhook(t) => ("CREATE TABLE", text(&t.name)),
        StatementKind::CreateSubsource(s) => ("CREATE SUBSOURCE", text(&s.name)),
        StatementKind::CreateCluster(c) => ("CREATE CLUSTER", ctx.text(c.name.span).to_string()),
        StatementKind::Shallow(s) => (
            match s.object_type {
                ObjectType::View => "CREATE VIEW",
                ObjectType::MaterializedView => "CREATE MATERIALIZED VIEW",
                ObjectType::Sink => "CREATE SINK",
                ObjectType::Index => "CREATE INDEX",
                _ => "CREATE TABLE",
            },
            s.name.as_ref().map(text).unwrap_or_default(),
        ),
        _ => (
            match kind {
                DefKind::Secret => "CREATE SECRET",
                DefKind::Connection(_) => "CREATE CONNECTION",
                DefKind::Source(_) | DefKind::Subsource => "CREATE SOURCE",
                DefKind::Cluster => "CREATE CLUSTER",
                _ => "CREATE TABLE",
            },
            String::new(),
        ),
    };
    (head.to_string(), name)
}

/// The references of one statement (rules.md §5.5). DROP and `IF EXISTS`
/// statements have none.
fn collect(kind: &StatementKind, out: &mut Vec<Reference>) {
    match kind {
        StatementKind::AlterSecret(a) if !a.if_exists => {
            out.push(Reference::item(ObjectKind::Secret, &a.name));
        }
        StatementKind::CreateConnection(c) => {
            for option in &c.options.options {
                option_references(option, out);
            }
        }
        StatementKind::AlterConnection(a) if !a.if_exists => {
            out.push(Reference::item(ObjectKind::Connection, &a.name));
            if let AlterConnectionAction::Actions { actions, .. } = &a.action {
                for action in actions {
                    if let AlterConnectionItemKind::Set(option) = &action.kind {
                        option_references(option, out);
                    }
                }
            }
        }
        StatementKind::ValidateConnection(v) => {
            out.push(Reference::item(ObjectKind::Connection, &v.name));
        }
        StatementKind::CreateSource(s) => {
            if let Some(in_cluster) = &s.in_cluster {
                cluster_reference(&in_cluster.cluster, out);
            }
            match &s.body {
                SourceBody::Webhook(w) => webhook_references(w, out),
                SourceBody::Connection(c) => {
                    if let Some(connection) = &c.connection {
                        out.push(Reference::item(ObjectKind::Connection, connection));
                    }
                    if let Some(format) = &c.format {
                        format_references(format, out);
                    }
                }
            }
        }
        StatementKind::CreateTableFromSource(t) => {
            out.push(Reference::item(ObjectKind::Source, &t.source));
            if let Some(format) = &t.format {
                format_references(format, out);
            }
        }
        StatementKind::CreateTableFromWebhook(t) => webhook_references(&t.webhook, out),
        StatementKind::AlterSource(a) if !a.if_exists => {
            out.push(Reference::item(ObjectKind::Source, &a.name));
            if let AlterSourceAction::SetCluster(cluster) = &a.action {
                cluster_reference(cluster, out);
            }
        }
        StatementKind::AlterCluster(a) if !a.if_exists => {
            out.push(Reference {
                kind: ObjectKind::Cluster,
                target: Target::Cluster(a.name.value.clone(), a.name.span),
            });
        }
        StatementKind::CreateClusterReplica(r) => {
            out.push(Reference {
                kind: ObjectKind::Cluster,
                target: Target::Cluster(r.cluster.value.clone(), r.cluster.span),
            });
        }
        StatementKind::Set(set) => {
            if matches!(set.variable.value.as_str(), "cluster" | "cluster_name") {
                if let Some((span, value)) = set.values.first() {
                    out.push(Reference {
                        kind: ObjectKind::Cluster,
                        target: Target::Cluster(value.clone(), *span),
                    });
                }
            }
        }
        StatementKind::Shallow(s) => {
            if let Some(in_cluster) = &s.in_cluster {
                cluster_reference(&in_cluster.cluster, out);
            }
        }
        _ => {}
    }
}

fn cluster_reference(cluster: &ClusterRef, out: &mut Vec<Reference>) {
    if let ClusterRef::Name(ident) = cluster {
        out.push(Reference {
            kind: ObjectKind::Cluster,
            target: Target::Cluster(ident.value.clone(), ident.span),
        });
    }
}

fn option_references(option: &SqlOption, out: &mut Vec<Reference>) {
    if let Some(value) = &option.value {
        let connection_valued = matches!(
            option.name,
            OptionName::SshTunnel | OptionName::AwsPrivatelink | OptionName::AwsConnection
        );
        value_references(value, connection_valued, out);
    }
}

fn value_references(value: &Value, connection_valued: bool, out: &mut Vec<Reference>) {
    match value {
        Value::Secret {
            name: Some(name), ..
        } => out.push(Reference::item(ObjectKind::Secret, name)),
        Value::Name(name) if connection_valued => {
            out.push(Reference::item(ObjectKind::Connection, name))
        }
        Value::PrivateLink(link) => value_references(&link.name, true, out),
        Value::Broker(broker) => {
            if let Some(tunnel) = &broker.tunnel {
                let name = match &tunnel.kind {
                    BrokerTunnelKind::PrivateLink { name, .. } => name,
                    BrokerTunnelKind::SshTunnel { name } => name,
                };
                out.push(Reference::item(ObjectKind::Connection, name));
            }
        }
        Value::List { items, .. } => {
            for item in items {
                value_references(item, connection_valued, out);
            }
        }
        _ => {}
    }
}

fn format_references(format: &FormatSpec, out: &mut Vec<Reference>) {
    let formats: Vec<&Format> = match &format.kind {
        FormatSpecKind::Bare(f) => vec![f],
        FormatSpecKind::KeyValue { key, value } => vec![key, value],
    };
    for f in formats {
        match &f.kind {
            FormatKind::Avro(AvroSchema::Csr { csr, .. })
            | FormatKind::Protobuf(ProtobufSchema::Csr { csr, .. }) => {
                out.push(Reference::item(ObjectKind::Connection, &csr.connection));
            }
            _ => {}
        }
    }
}

fn webhook_references(webhook: &WebhookSpec, out: &mut Vec<Reference>) {
    for option in webhook.check.iter().flat_map(|c| &c.options) {
        if let WebhookCheckOptionKind::Secret(name) = &option.kind {
            out.push(Reference::item(ObjectKind::Secret, name));
        }
    }
}

//! The names a statement uses without defining (rules.md §5.5): what kind
//! of object each must be. MZ500, MZ501 and MZ503 check them; the language
//! server's go-to-definition and find-references walk them.

use mzlint_syntax::ast::*;
use mzlint_syntax::Span;

/// The namespace a reference looks in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RefKind {
    Secret,
    Connection,
    Source,
    Cluster,
}

impl RefKind {
    pub fn noun(self) -> &'static str {
        match self {
            RefKind::Secret => "secret",
            RefKind::Connection => "connection",
            RefKind::Source => "source",
            RefKind::Cluster => "cluster",
        }
    }
}

/// What the referenced object must be (MZ501's table).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// Any object of the reference's kind.
    Any,
    /// A connection of this type.
    ConnectionType(ConnectionType),
    /// An ingestion source: not a webhook source, subsource or table.
    IngestionSource,
    /// A POSTGRES, MYSQL or SQL SERVER source (`ALTER SOURCE … ADD SUBSOURCE`).
    MultiTableSource,
}

/// How a reference names its object.
#[derive(Clone, Copy, Debug)]
pub enum RefName<'a> {
    Item(&'a ItemName),
    /// A cluster name (one identifier), or a cluster named by `SET cluster`.
    Cluster(&'a str),
}

#[derive(Clone, Copy, Debug)]
pub struct Reference<'a> {
    pub kind: RefKind,
    pub name: RefName<'a>,
    /// The name as written.
    pub span: Span,
    pub expect: Expect,
    /// What the statement does with it, for messages (`SSH TUNNEL`).
    pub role: &'static str,
    /// False in `… IF EXISTS` statements: never checked (rules.md §5.5).
    pub checked: bool,
}

impl Reference<'_> {
    /// The name as written, joined with dots.
    pub fn text(&self) -> String {
        match self.name {
            RefName::Item(name) => name.joined(),
            RefName::Cluster(name) => name.to_string(),
        }
    }

    /// A placeholder (`<conn>`) or internal ID form resolves by definition.
    pub fn is_placeholder(&self) -> bool {
        match self.name {
            RefName::Item(name) => name.resolved_id.is_some() || name.is_placeholder(),
            RefName::Cluster(name) => name.starts_with('<'),
        }
    }
}

/// Every reference of a statement, in source order. `DROP` statements have none.
pub fn references(statement: &Statement) -> Vec<Reference<'_>> {
    let mut out = Vec::new();
    collect(statement, &mut out);
    out.sort_by_key(|r| r.span.start);
    out
}

fn item<'a>(
    out: &mut Vec<Reference<'a>>,
    kind: RefKind,
    name: &'a ItemName,
    expect: Expect,
    role: &'static str,
    checked: bool,
) {
    out.push(Reference {
        kind,
        name: RefName::Item(name),
        span: name.span,
        expect,
        role,
        checked,
    });
}

fn cluster<'a>(
    out: &mut Vec<Reference<'a>>,
    cluster: &'a ClusterRef,
    role: &'static str,
    checked: bool,
) {
    if let ClusterRef::Name(ident) = cluster {
        out.push(Reference {
            kind: RefKind::Cluster,
            name: RefName::Cluster(&ident.value),
            span: ident.span,
            expect: Expect::Any,
            role,
            checked,
        });
    }
}

fn collect<'a>(statement: &'a Statement, out: &mut Vec<Reference<'a>>) {
    match &statement.kind {
        StatementKind::CreateConnection(c) => {
            options(&c.options.options, out, true);
        }
        StatementKind::AlterConnection(a) => {
            let rotate = matches!(&a.action, AlterConnectionAction::Actions { actions, .. }
                if actions.iter().any(|x| matches!(x.kind, AlterConnectionItemKind::RotateKeys)));
            let expect = if rotate {
                Expect::ConnectionType(ConnectionType::SshTunnel)
            } else {
                Expect::Any
            };
            item(
                out,
                RefKind::Connection,
                &a.name,
                expect,
                "ALTER CONNECTION",
                !a.if_exists,
            );
            if let AlterConnectionAction::Actions { actions, .. } = &a.action {
                for action in actions {
                    if let AlterConnectionItemKind::Set(option) = &action.kind {
                        options(std::slice::from_ref(option), out, !a.if_exists);
                    }
                }
            }
        }
        StatementKind::ValidateConnection(v) => item(
            out,
            RefKind::Connection,
            &v.name,
            Expect::Any,
            "VALIDATE CONNECTION",
            true,
        ),
        StatementKind::AlterSecret(a) => item(
            out,
            RefKind::Secret,
            &a.name,
            Expect::Any,
            "ALTER SECRET",
            !a.if_exists,
        ),
        StatementKind::CreateSource(s) => {
            if let Some(in_cluster) = &s.in_cluster {
                cluster(out, &in_cluster.cluster, "IN CLUSTER", true);
            }
            match &s.body {
                SourceBody::Connection(c) => {
                    if let Some(connection) = &c.connection {
                        let expect = match c.kind {
                            SourceKind::Postgres => {
                                Expect::ConnectionType(ConnectionType::Postgres)
                            }
                            SourceKind::MySql => Expect::ConnectionType(ConnectionType::MySql),
                            SourceKind::SqlServer => {
                                Expect::ConnectionType(ConnectionType::SqlServer)
                            }
                            SourceKind::Kafka => Expect::ConnectionType(ConnectionType::Kafka),
                            SourceKind::Yugabyte => {
                                Expect::ConnectionType(ConnectionType::Yugabyte)
                            }
                            _ => Expect::Any,
                        };
                        item(
                            out,
                            RefKind::Connection,
                            connection,
                            expect,
                            "CONNECTION",
                            true,
                        );
                    }
                    if let Some(format) = &c.format {
                        format_refs(format, out);
                    }
                }
                SourceBody::Webhook(webhook) => webhook_refs(webhook, out),
            }
        }
        StatementKind::CreateTableFromSource(t) => {
            item(
                out,
                RefKind::Source,
                &t.source,
                Expect::IngestionSource,
                "FROM SOURCE",
                true,
            );
            if let Some(format) = &t.format {
                format_refs(format, out);
            }
        }
        StatementKind::CreateTableFromWebhook(t) => webhook_refs(&t.webhook, out),
        StatementKind::AlterSource(a) => {
            let expect = if matches!(a.action, AlterSourceAction::AddSubsources { .. }) {
                Expect::MultiTableSource
            } else {
                Expect::Any
            };
            item(
                out,
                RefKind::Source,
                &a.name,
                expect,
                "ALTER SOURCE",
                !a.if_exists,
            );
            if let AlterSourceAction::SetCluster(c) = &a.action {
                cluster(out, c, "SET CLUSTER", !a.if_exists);
            }
        }
        StatementKind::CreateSubsource(s) => {
            if let Some(source) = &s.of_source {
                item(out, RefKind::Source, source, Expect::Any, "OF SOURCE", true);
            }
        }
        StatementKind::AlterCluster(a) => {
            out.push(Reference {
                kind: RefKind::Cluster,
                name: RefName::Cluster(&a.name.value),
                span: a.name.span,
                expect: Expect::Any,
                role: "ALTER CLUSTER",
                checked: !a.if_exists,
            });
        }
        StatementKind::CreateClusterReplica(r) => out.push(Reference {
            kind: RefKind::Cluster,
            name: RefName::Cluster(&r.cluster.value),
            span: r.cluster.span,
            expect: Expect::Any,
            role: "CREATE CLUSTER REPLICA",
            checked: true,
        }),
        StatementKind::Shallow(s) => {
            if let Some(in_cluster) = &s.in_cluster {
                cluster(out, &in_cluster.cluster, "IN CLUSTER", true);
            }
        }
        StatementKind::Set(set)
            if matches!(set.variable.value.as_str(), "cluster" | "cluster_name") =>
        {
            if let Some((span, value)) = set.values.first() {
                out.push(Reference {
                    kind: RefKind::Cluster,
                    name: RefName::Cluster(value),
                    span: *span,
                    expect: Expect::Any,
                    role: "SET cluster",
                    checked: true,
                });
            }
        }
        _ => {}
    }
}

/// References inside connection options: SECRET values, tunnels, AWS
/// connections, per-broker tunnels.
fn options<'a>(options: &'a [SqlOption], out: &mut Vec<Reference<'a>>, checked: bool) {
    for option in options {
        let Some(value) = &option.value else { continue };
        match (&option.name, value) {
            (OptionName::SshTunnel, Value::Name(name)) => item(
                out,
                RefKind::Connection,
                name,
                Expect::ConnectionType(ConnectionType::SshTunnel),
                "SSH TUNNEL",
                checked,
            ),
            (OptionName::AwsConnection, Value::Name(name)) => item(
                out,
                RefKind::Connection,
                name,
                Expect::ConnectionType(ConnectionType::Aws),
                "AWS CONNECTION",
                checked,
            ),
            (OptionName::AwsPrivatelink, Value::PrivateLink(pl)) => {
                if let Value::Name(name) = pl.name.as_ref() {
                    item(
                        out,
                        RefKind::Connection,
                        name,
                        Expect::ConnectionType(ConnectionType::AwsPrivatelink),
                        "AWS PRIVATELINK",
                        checked,
                    );
                }
            }
            _ => value_refs(value, out, checked),
        }
    }
}

fn value_refs<'a>(value: &'a Value, out: &mut Vec<Reference<'a>>, checked: bool) {
    match value {
        Value::Secret {
            name: Some(name), ..
        } => item(out, RefKind::Secret, name, Expect::Any, "SECRET", checked),
        Value::List { items, .. } => {
            for v in items {
                value_refs(v, out, checked);
            }
        }
        Value::Broker(broker) => {
            if let Some(tunnel) = &broker.tunnel {
                match &tunnel.kind {
                    BrokerTunnelKind::PrivateLink { name, .. } => item(
                        out,
                        RefKind::Connection,
                        name,
                        Expect::ConnectionType(ConnectionType::AwsPrivatelink),
                        "USING AWS PRIVATELINK",
                        checked,
                    ),
                    BrokerTunnelKind::SshTunnel { name } => item(
                        out,
                        RefKind::Connection,
                        name,
                        Expect::ConnectionType(ConnectionType::SshTunnel),
                        "USING SSH TUNNEL",
                        checked,
                    ),
                }
            }
        }
        _ => {}
    }
}

fn format_refs<'a>(format: &'a FormatSpec, out: &mut Vec<Reference<'a>>) {
    let mut one = |f: &'a Format| {
        let csr = match &f.kind {
            FormatKind::Avro(AvroSchema::Csr { csr, .. }) => Some(csr),
            FormatKind::Protobuf(ProtobufSchema::Csr { csr, .. }) => Some(csr),
            _ => None,
        };
        if let Some(csr) = csr {
            item(
                out,
                RefKind::Connection,
                &csr.connection,
                Expect::ConnectionType(ConnectionType::ConfluentSchemaRegistry),
                "CONFLUENT SCHEMA REGISTRY CONNECTION",
                true,
            );
        }
    };
    match &format.kind {
        FormatSpecKind::Bare(f) => one(f),
        FormatSpecKind::KeyValue { key, value } => {
            one(key);
            one(value);
        }
    }
}

fn webhook_refs<'a>(webhook: &'a WebhookSpec, out: &mut Vec<Reference<'a>>) {
    if let Some(check) = &webhook.check {
        for option in &check.options {
            if let WebhookCheckOptionKind::Secret(name) = &option.kind {
                item(out, RefKind::Secret, name, Expect::Any, "SECRET", true);
            }
        }
    }
}

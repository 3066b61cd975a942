use std::collections::HashSet;

use super::common::{is_secret_bearing, name_as_written, redacted_text};
use crate::prelude::*;
use crate::rules::common::{altered_connection_type, connection_option_name, source_option_name};
use mzlint_syntax::upstream::{
    AlterRoleAction, Password, RoleOption, RoleOptionKind, RoleSpec, UpstreamKind,
};

declare_rule! {
/// ## What it does
///
/// Reports a value matching `security.unfilled-placeholder-patterns` where
/// it reaches a server: the string value of any connection, source or
/// cluster option (HOST, DATABASE, USER, broker strings, SERVICE NAME, AZ
/// entries, URL, PUBLICATION, TOPIC, SIZE, …), a string literal in
/// `CREATE|ALTER SECRET`, and a `<word>` token the parser recovered in a
/// name or value position (`SSH TUNNEL <tunnel_name>`,
/// `FROM POSTGRES CONNECTION <pg_connection>`).
///
/// Not on template variables that match only `security.placeholder-patterns`
/// (`'${PG_HOST}'`, `'{{ host }}'`), psql variables (`:host`), comments, or
/// files excluded by configuration (template directories).
///
/// Messages (on the value): `HOST '<host>' is an unfilled placeholder`.
/// Secret-bearing positions never show the value: ``CREATE SECRET `pg_pw`
/// is set to an unfilled placeholder (redacted)``. Names: `SSH TUNNEL
/// <tunnel_name> is an unfilled placeholder; write the name of an SSH TUNNEL
/// connection`.
///
/// ## Why is this bad?
///
/// Documentation snippets are copied verbatim (`MaterializeInc/demos`
/// `ecommerce/README.md`: `BROKER '<your_broker>'`;
/// `MaterializeInc/terraform-aws-rds-privatelink` outputs
/// `'YOUR_PG_PASSWORD_FOR_…'`) and fail only at validation, or at runtime
/// with `VALIDATE = false`.
///
/// ## Example
///
/// ```sql
/// CREATE CONNECTION pg TO POSTGRES (HOST '<host>', DATABASE '<database>', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'verify_full', SSL CERTIFICATE AUTHORITY SECRET pg_ca);
/// ```
///
/// Use instead:
///
/// ```sql
/// CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'verify_full', SSL CERTIFICATE AUTHORITY SECRET pg_ca);
/// ```
///
/// ## Fix
///
/// None: only a person knows the real value.
    pub(crate) static RULE = {
        code: "MZ706",
        name: "unfilled-placeholder",
        severity: Error,
        scope: Statement,
        fix: None,
        fix_summary: "none",
        summary: "Documentation placeholder left in a value",
        check: Statement(check),
    }
}

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    let mut walker = Walker {
        ctx,
        out,
        seen: HashSet::new(),
    };
    walker.statement();
}

/// Walks one statement's names and option values.
struct Walker<'c, 'a, 'o> {
    ctx: &'c StatementContext<'a>,
    out: &'o mut Vec<Diagnostic>,
    seen: HashSet<Span>,
}

impl Walker<'_, '_, '_> {
    fn statement(&mut self) {
        let ctx = self.ctx;
        match &ctx.statement.kind {
            StatementKind::CreateSecret(secret) => {
                self.name(&secret.name, "CREATE SECRET", "the new secret");
                self.secret_value("CREATE SECRET", &secret.name, &secret.value);
            }
            StatementKind::AlterSecret(secret) => {
                self.name(&secret.name, "ALTER SECRET", "a secret");
                match &secret.action {
                    AlterSecretAction::Value(value) => {
                        self.secret_value("ALTER SECRET", &secret.name, value)
                    }
                    AlterSecretAction::Rename(ident) => {
                        self.ident(ident, "RENAME TO", "the secret's new name")
                    }
                    AlterSecretAction::Owner(ident) => self.ident(ident, "OWNER TO", "a role"),
                }
            }
            StatementKind::CreateConnection(create) => {
                self.name(&create.name, "CREATE CONNECTION", "the new connection");
                for option in &create.options.options {
                    let name = connection_option_name(&option.name, Some(create.connection_type));
                    self.option(option, name);
                }
            }
            StatementKind::AlterConnection(alter) => {
                self.name(&alter.name, "ALTER CONNECTION", "a connection");
                match &alter.action {
                    AlterConnectionAction::Actions { actions, .. } => {
                        let connection_type = altered_connection_type(ctx, alter);
                        for action in actions {
                            if let AlterConnectionItemKind::Set(option) = &action.kind {
                                let name = connection_option_name(&option.name, connection_type);
                                self.option(option, name);
                            }
                        }
                    }
                    AlterConnectionAction::Rename(ident) => {
                        self.ident(ident, "RENAME TO", "the connection's new name")
                    }
                    AlterConnectionAction::Owner(ident) => self.ident(ident, "OWNER TO", "a role"),
                }
            }
            StatementKind::ValidateConnection(validate) => {
                self.name(&validate.name, "VALIDATE CONNECTION", "a connection")
            }
            StatementKind::CreateSource(source) => self.create_source(source),
            StatementKind::CreateTableFromSource(table) => {
                self.name(&table.name, "CREATE TABLE", "the new table");
                self.name(&table.source, "FROM SOURCE", "a source");
                if let Some((_, reference)) = &table.reference {
                    self.name(reference, "REFERENCE", "an upstream table");
                }
                if let Some(format) = &table.format {
                    self.format(format);
                }
                for option in table.with_options.iter().flat_map(|l| &l.options) {
                    self.option(option, Some(option.name.clone()));
                }
            }
            StatementKind::CreateTableFromWebhook(table) => {
                self.name(&table.name, "CREATE TABLE", "the new table");
                self.webhook(&table.webhook);
            }
            StatementKind::AlterSource(alter) => {
                self.name(&alter.name, "ALTER SOURCE", "a source");
                match &alter.action {
                    AlterSourceAction::AddSubsources { refs, with_options } => {
                        self.external_refs(refs);
                        for option in with_options.iter().flat_map(|l| &l.options) {
                            self.option(option, Some(option.name.clone()));
                        }
                    }
                    AlterSourceAction::SetCluster(ClusterRef::Name(ident)) => {
                        self.ident(ident, "SET CLUSTER", "a cluster")
                    }
                    AlterSourceAction::Set(list) | AlterSourceAction::Reset(list) => {
                        for option in &list.options {
                            self.option(option, Some(option.name.clone()));
                        }
                    }
                    AlterSourceAction::Rename(ident) => {
                        self.ident(ident, "RENAME TO", "the source's new name")
                    }
                    AlterSourceAction::Owner(ident) => self.ident(ident, "OWNER TO", "a role"),
                    _ => {}
                }
            }
            StatementKind::CreateCluster(cluster) => {
                self.ident(&cluster.name, "CREATE CLUSTER", "the new cluster");
                self.cluster_options(&cluster.options);
            }
            StatementKind::CreateClusterReplica(replica) => {
                self.ident(&replica.cluster, "CREATE CLUSTER REPLICA", "a cluster");
                self.ident(
                    &replica.replica,
                    "CREATE CLUSTER REPLICA",
                    "the new replica",
                );
                self.cluster_options(&replica.options);
            }
            StatementKind::AlterCluster(alter) => {
                self.ident(&alter.name, "ALTER CLUSTER", "a cluster");
                match &alter.action {
                    AlterClusterAction::Set { options, .. } => self.cluster_options(options),
                    AlterClusterAction::Rename(ident) => {
                        self.ident(ident, "RENAME TO", "the cluster's new name")
                    }
                    AlterClusterAction::Owner(ident) => self.ident(ident, "OWNER TO", "a role"),
                    AlterClusterAction::Swap(ident) => self.ident(ident, "SWAP WITH", "a cluster"),
                    AlterClusterAction::Reset(_) => {}
                }
            }
            StatementKind::Shallow(shallow) => {
                if let Some(name) = &shallow.name {
                    self.name(name, "the name", "the new object");
                }
                if let Some(in_cluster) = &shallow.in_cluster {
                    self.in_cluster(in_cluster);
                }
                if let Some(on) = &shallow.on {
                    self.name(on, "the relation", "a relation");
                }
                if let Some(connection) = &shallow.connection {
                    self.name(connection, "CONNECTION", "a connection");
                }
            }
            StatementKind::Upstream(upstream) => self.upstream(&upstream.kind),
            _ => {}
        }
    }

    /// Upstream role and user passwords (secret-bearing: never shown).
    fn upstream(&mut self, kind: &UpstreamKind) {
        let role_options = |options: &[RoleOption]| -> Vec<Password> {
            options
                .iter()
                .filter_map(|o| match &o.kind {
                    RoleOptionKind::Password(p) => Some(*p),
                    _ => None,
                })
                .collect()
        };
        let role_name = |spec: &RoleSpec| match spec {
            RoleSpec::Name(ident) => Some(ident.value.clone()),
            _ => None,
        };
        let mut passwords: Vec<(String, Password)> = Vec::new();
        match kind {
            UpstreamKind::CreateRole(role) => {
                for p in role_options(&role.options) {
                    passwords.push((format!("role {}", role.name.value), p));
                }
            }
            UpstreamKind::AlterRole(alter) => {
                if let AlterRoleAction::Options(options) = &alter.action {
                    let who = role_name(&alter.role)
                        .map_or_else(|| "the role".to_string(), |n| format!("role {n}"));
                    for p in role_options(options) {
                        passwords.push((who.clone(), p));
                    }
                }
            }
            UpstreamKind::MySqlCreateUser(users) | UpstreamKind::MySqlAlterUser(users) => {
                for user in &users.users {
                    for auth in &user.auth {
                        for p in auth.password.iter().chain(&auth.replace) {
                            passwords.push((format!("user {}", user.account.user), *p));
                        }
                    }
                }
            }
            UpstreamKind::SetPassword(set) => {
                let who = set.account.as_ref().map_or_else(
                    || "the current user".to_string(),
                    |a| format!("user {}", a.user),
                );
                for p in set.password.iter().chain(&set.replace) {
                    passwords.push((who.clone(), *p));
                }
            }
            _ => {}
        }
        let source = self.ctx.source();
        for (who, password) in passwords {
            let unfilled = password
                .value(source)
                .is_some_and(|value| self.is_unfilled(&value));
            if !unfilled || !self.first_time(password.span) {
                continue;
            }
            self.out.push(
                self.ctx
                    .diagnostic(
                        &RULE,
                        password.span,
                        format!(
                            "the password of {who} is set to an unfilled placeholder (redacted)"
                        ),
                    )
                    .with_help(
                        "set the real password, outside version control, before running this file",
                    ),
            );
        }
    }

    fn create_source(&mut self, source: &CreateSource) {
        self.name(&source.name, "CREATE SOURCE", "the new source");
        if let Some(in_cluster) = &source.in_cluster {
            self.in_cluster(in_cluster);
        }
        let conn = match &source.body {
            SourceBody::Webhook(webhook) => return self.webhook(webhook),
            SourceBody::Connection(conn) => conn,
        };
        if let Some(connection) = &conn.connection {
            let what = format!("a {} connection", conn.kind.as_str());
            self.name(connection, "CONNECTION", &what);
        }
        for option in conn.options.iter().flat_map(|l| &l.options) {
            let name = source_option_name(&option.name, conn.kind);
            self.option(option, name);
        }
        if let Some(format) = &conn.format {
            self.format(format);
        }
        if let Some(refs) = &conn.external_refs {
            match &refs.kind {
                ExternalRefsKind::Tables(refs) => self.external_refs(refs),
                ExternalRefsKind::Schemas(schemas) => {
                    for schema in schemas {
                        self.ident(schema, "FOR SCHEMAS", "an upstream schema");
                    }
                }
                ExternalRefsKind::All => {}
            }
        }
        if let Some((_, progress)) = &conn.expose_progress {
            self.name(progress, "EXPOSE PROGRESS AS", "the progress subsource");
        }
        for option in conn.with_options.iter().flat_map(|l| &l.options) {
            self.option(option, Some(option.name.clone()));
        }
    }

    fn in_cluster(&mut self, in_cluster: &InCluster) {
        if let ClusterRef::Name(ident) = &in_cluster.cluster {
            self.ident(ident, "IN CLUSTER", "a cluster");
        }
    }

    fn external_refs(&mut self, refs: &[ExternalRef]) {
        for entry in refs {
            self.name(&entry.upstream, "FOR TABLES", "an upstream table");
            if let Some(alias) = &entry.alias {
                self.name(alias, "AS", "the new subsource");
            }
        }
    }

    fn format(&mut self, format: &FormatSpec) {
        let formats: Vec<&Format> = match &format.kind {
            FormatSpecKind::Bare(f) => vec![f],
            FormatSpecKind::KeyValue { key, value } => vec![key, value],
        };
        for f in formats {
            let csr = match &f.kind {
                FormatKind::Avro(AvroSchema::Csr { csr, .. })
                | FormatKind::Protobuf(ProtobufSchema::Csr { csr, .. }) => csr,
                _ => continue,
            };
            self.name(
                &csr.connection,
                "CONNECTION",
                "a CONFLUENT SCHEMA REGISTRY connection",
            );
        }
    }

    fn webhook(&mut self, webhook: &WebhookSpec) {
        for option in webhook.check.iter().flat_map(|c| &c.options) {
            if let WebhookCheckOptionKind::Secret(name) = &option.kind {
                self.name(name, "SECRET", "a secret");
            }
        }
    }

    fn cluster_options(&mut self, options: &OptionList) {
        for option in &options.options {
            self.option(option, Some(option.name.clone()));
        }
    }

    // -- reports ---------------------------------------------------------

    /// Has `span` been reported already? Marks it.
    fn first_time(&mut self, span: Span) -> bool {
        self.seen.insert(span)
    }

    fn is_unfilled(&self, text: &str) -> bool {
        self.ctx.settings().security.is_unfilled_placeholder(text)
    }

    /// `<word>` parts of a name. `what` is what the whole name must name;
    /// qualifying parts name its schema and database (a column's: its
    /// table, schema, database).
    fn name(&mut self, name: &ItemName, label: &str, what: &str) {
        const ITEM: &[&str] = &["a schema", "a database"];
        const COLUMN: &[&str] = &["a table", "a schema", "a database"];
        let qualifiers = if what == "a column" { COLUMN } else { ITEM };
        let count = name.parts.len();
        for (index, part) in name.parts.iter().enumerate() {
            let from_right = count - 1 - index;
            let role = match from_right {
                0 => what,
                n => qualifiers.get(n - 1).copied().unwrap_or("a qualifier"),
            };
            self.ident(part, label, role);
        }
    }

    /// A `<word>` placeholder kept as an identifier.
    fn ident(&mut self, ident: &Ident, label: &str, what: &str) {
        if !ident.is_placeholder() {
            return;
        }
        let written = self.ctx.text(ident.span);
        if self.is_unfilled(written) {
            self.name_form(ident.span, label, written, what);
        }
    }

    fn name_form(&mut self, span: Span, label: &str, written: &str, what: &str) {
        if !self.first_time(span) {
            return;
        }
        let label = if label == "the name" {
            String::new()
        } else {
            format!("{label} ")
        };
        self.out.push(self.ctx.diagnostic(
            &RULE,
            span,
            format!("{label}{written} is an unfilled placeholder; write the name of {what}"),
        ));
    }

    /// An option's value, walked into lists, brokers and replicas. `name` is
    /// the option it counts as (rules.md §1.8), when known.
    fn option(&mut self, option: &SqlOption, name: Option<OptionName>) {
        let name = name.unwrap_or_else(|| option.name.clone());
        if let Some(value) = &option.value {
            self.value(&name, value);
        }
    }

    fn value(&mut self, name: &OptionName, value: &Value) {
        let ctx = self.ctx;
        match value {
            Value::String(s) if self.is_unfilled(&s.value) => {
                if is_secret_bearing(name) {
                    self.redacted(name, s.span);
                } else {
                    let written = format!("'{}'", s.value);
                    self.value_form(name, s.span, &written);
                }
            }
            Value::Ident(ident) if !is_name_valued(name) => {
                let written = ctx.text(ident.span);
                if self.is_unfilled(&ident.value) || self.is_unfilled(written) {
                    if is_secret_bearing(name) {
                        self.redacted(name, ident.span);
                    } else {
                        self.value_form(name, ident.span, written);
                    }
                }
            }
            Value::Ident(ident) => {
                let what = name_valued_what(name);
                self.ident(ident, name.as_str(), what);
            }
            Value::Redacted { span, .. } => {
                let text = redacted_text(&ctx.file.file.parsed.tokens, ctx.source(), *span);
                if text.is_some_and(|t| self.is_unfilled(&t)) {
                    self.redacted(name, *span);
                }
            }
            Value::Placeholder(span) => {
                let written = ctx.text(*span);
                if !self.is_unfilled(written) {
                    return;
                }
                if is_secret_bearing(name) {
                    self.redacted(name, *span);
                } else if is_name_valued(name) {
                    self.name_form(*span, name.as_str(), written, name_valued_what(name));
                } else {
                    self.value_form(name, *span, written);
                }
            }
            Value::Name(item) => {
                let what = name_valued_what(name);
                self.name(item, name.as_str(), what);
            }
            Value::Secret {
                name: Some(secret), ..
            } => self.name(secret, "SECRET", "a secret"),
            Value::List { items, .. } => {
                for item in items {
                    self.value(name, item);
                }
            }
            Value::Map { entries, .. } => {
                for entry in entries {
                    self.value(name, &entry.value);
                }
            }
            Value::Broker(broker) => self.broker(name, broker),
            Value::PrivateLink(link) => self.value(&OptionName::AwsPrivatelink, &link.name),
            Value::RetainHistory { value, .. } => self.value(name, value),
            Value::Replicas { replicas, .. } => {
                for replica in replicas {
                    self.ident(&replica.name, "REPLICAS", "the new replica");
                    for option in &replica.options {
                        self.option(option, None);
                    }
                }
            }
            _ => {}
        }
    }

    fn broker(&mut self, name: &OptionName, broker: &Broker) {
        self.value(name, &broker.address);
        let Some(tunnel) = &broker.tunnel else {
            return;
        };
        match &tunnel.kind {
            BrokerTunnelKind::PrivateLink { name, options } => {
                self.name(
                    name,
                    "USING AWS PRIVATELINK",
                    "an AWS PRIVATELINK connection",
                );
                for option in options.iter().flat_map(|l| &l.options) {
                    self.option(option, None);
                }
            }
            BrokerTunnelKind::SshTunnel { name } => {
                self.name(name, "USING SSH TUNNEL", "an SSH TUNNEL connection")
            }
        }
    }

    fn value_form(&mut self, name: &OptionName, span: Span, written: &str) {
        if !self.first_time(span) {
            return;
        }
        let what = value_what(name);
        self.out.push(
            self.ctx
                .diagnostic(
                    &RULE,
                    span,
                    format!("{name} {written} is an unfilled placeholder"),
                )
                .with_help(format!(
                    "replace it with the real {what} before running this file"
                )),
        );
    }

    /// A secret-bearing value: never shown (rules.md §2).
    fn redacted(&mut self, name: &OptionName, span: Span) {
        if !self.first_time(span) {
            return;
        }
        self.out.push(
            self.ctx
                .diagnostic(
                    &RULE,
                    span,
                    format!("{name} is set to an unfilled placeholder (redacted)"),
                )
                .with_help(
                    "store the real value with CREATE SECRET, outside version control, before running this file",
                ),
        );
    }

    /// `CREATE|ALTER SECRET name AS …`: a literal (or the whole expression,
    /// for a bare `<word>`) matching an unfilled pattern.
    fn secret_value(&mut self, statement: &str, name: &ItemName, value: &SecretExpr) {
        let ctx = self.ctx;
        let span = value
            .literals
            .iter()
            .find(|literal| self.is_unfilled(&literal.value))
            .map(|literal| literal.span)
            .or_else(|| {
                let text = ctx.text(value.span).trim();
                (text.starts_with('<') && text.ends_with('>') && self.is_unfilled(text))
                    .then_some(value.span)
            });
        let Some(span) = span else {
            return;
        };
        if !self.first_time(span) {
            return;
        }
        let written = name_as_written(ctx.source(), name);
        self.out.push(
            ctx.diagnostic(
                &RULE,
                span,
                format!("{statement} `{written}` is set to an unfilled placeholder (redacted)"),
            )
            .with_help(
                "set the real secret value, outside version control, before running this file",
            ),
        );
    }
}

/// Options whose value is a name (a connection, columns).
fn is_name_valued(name: &OptionName) -> bool {
    matches!(
        name,
        OptionName::SshTunnel
            | OptionName::AwsPrivatelink
            | OptionName::AwsConnection
            | OptionName::TextColumns
            | OptionName::ExcludeColumns
    )
}

/// What a name-valued option must name.
fn name_valued_what(name: &OptionName) -> &'static str {
    match name {
        OptionName::SshTunnel => "an SSH TUNNEL connection",
        OptionName::AwsPrivatelink => "an AWS PRIVATELINK connection",
        OptionName::AwsConnection => "an AWS connection",
        OptionName::TextColumns | OptionName::ExcludeColumns => "a column",
        _ => "an object",
    }
}

/// What the real value of an option is called, for the help.
fn value_what(name: &OptionName) -> &'static str {
    match name {
        OptionName::Host => "host name",
        OptionName::Database => "database name",
        OptionName::User | OptionName::SaslUsername => "user name",
        OptionName::Publication => "publication name",
        OptionName::Topic | OptionName::ProgressTopic => "topic name",
        OptionName::Broker | OptionName::Brokers => "broker address",
        OptionName::ServiceName => "endpoint service name",
        OptionName::AvailabilityZones | OptionName::AvailabilityZone => "availability zone ID",
        OptionName::Url => "URL",
        OptionName::Size => "cluster size",
        OptionName::Region => "region",
        OptionName::AssumeRoleArn => "role ARN",
        OptionName::Warehouse => "warehouse",
        OptionName::Port => "port",
        OptionName::RetainHistory => "retention period",
        _ => "value",
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;

    const BAD: &str = "CREATE CONNECTION pg TO POSTGRES (HOST '<host>', DATABASE '<database>', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'verify_full', SSL CERTIFICATE AUTHORITY SECRET pg_ca);";
    const GOOD: &str = "CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'verify_full', SSL CERTIFICATE AUTHORITY SECRET pg_ca);";

    fn texts(sql: &str) -> Vec<String> {
        of(sql, "MZ706", None).into_iter().map(|(_, t)| t).collect()
    }

    fn messages(sql: &str) -> Vec<String> {
        of(sql, "MZ706", None).into_iter().map(|(m, _)| m).collect()
    }

    #[test]
    fn bad_example() {
        let row = |m: &str, t: &str| ("MZ706".to_string(), m.to_string(), t.to_string());
        assert_eq!(
            found(BAD, None),
            vec![
                row("HOST '<host>' is an unfilled placeholder", "'<host>'"),
                row(
                    "DATABASE '<database>' is an unfilled placeholder",
                    "'<database>'"
                ),
            ]
        );
        let d = &diagnostics_of(BAD, "MZ706", None)[0];
        assert_eq!(
            d.help.as_deref(),
            Some("replace it with the real host name before running this file")
        );
        assert!(d.fix.is_none());
        insta::assert_snapshot!(render(BAD, None));
    }

    #[test]
    fn good_example() {
        assert_clean(GOOD, None);
    }

    #[test]
    fn template_variables_and_psql_variables_are_not_unfilled() {
        for value in [
            "'${PG_HOST}'",
            "'{{ pg_host }}'",
            "'{% raw %}h{% endraw %}'",
            ":pg_host",
            ":'pg_host'",
        ] {
            let sql = format!(
                "CREATE CONNECTION pg TO POSTGRES (HOST {value}, DATABASE 'shop', USER 'mz');"
            );
            assert_none(&sql, "MZ706", None);
        }
        assert_none("CREATE SECRET pg_pw AS '${PG_PASSWORD}';", "MZ706", None);
        // Comments are not linted.
        assert_none(
            "-- HOST '<host>'\nCREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz');",
            "MZ706",
            None,
        );
    }

    #[test]
    fn configured_patterns() {
        let config = "[security]\nunfilled-placeholder-patterns = [\"TODO*\"]\n";
        let sql = "CREATE CONNECTION pg TO POSTGRES (HOST 'todo-host', DATABASE '<database>', USER 'mz');";
        assert_eq!(
            of(sql, "MZ706", Some(config)),
            vec![(
                "HOST 'todo-host' is an unfilled placeholder".to_string(),
                "'todo-host'".to_string()
            )]
        );
    }

    #[test]
    fn secrets_are_redacted() {
        assert_eq!(
            messages("CREATE SECRET pg_pw AS '<your-password>';"),
            ["CREATE SECRET `pg_pw` is set to an unfilled placeholder (redacted)"]
        );
        assert_eq!(
            messages("ALTER SECRET app.\"Pg Pw\" AS decode('<base64>', 'base64');"),
            ["ALTER SECRET `app.\"Pg Pw\"` is set to an unfilled placeholder (redacted)"]
        );
        // `********` (SHOW CREATE's marker) is always unfilled; so is a bare <word>.
        assert_eq!(texts("CREATE SECRET pg_pw AS '********';"), ["'********'"]);
        assert_eq!(texts("CREATE SECRET pg_pw AS <password>;"), ["<password>"]);
        let sql = "CREATE CONNECTION aws TO AWS (ACCESS KEY ID = '<access_key_id>', SECRET ACCESS KEY = 'YOUR_SECRET_KEY', ASSUME ROLE ARN 'arn');";
        assert_eq!(
            messages(sql),
            [
                "ACCESS KEY ID is set to an unfilled placeholder (redacted)",
                "SECRET ACCESS KEY is set to an unfilled placeholder (redacted)",
            ]
        );
        assert_eq!(
            messages("CREATE CONNECTION pg TO POSTGRES (HOST 'h.internal', DATABASE 'd', USER 'mz', PASSWORD changeme);"),
            ["PASSWORD is set to an unfilled placeholder (redacted)"]
        );
    }

    #[test]
    fn canary_never_leaks() {
        let values = [
            format!("CREATE SECRET pg_pw AS '<{CANARY}>';"),
            format!("ALTER SECRET pg_pw AS decode('<{CANARY}>', 'base64');"),
            format!("CREATE CONNECTION k TO KAFKA (BROKER 'k.internal:9092', SASL MECHANISMS 'PLAIN', SASL USERNAME 'mz', SASL PASSWORD '<{CANARY}>');"),
            format!("CREATE CONNECTION pg TO POSTGRES (HOST 'h.internal', DATABASE 'd', USER 'mz', PASSWORD 'your_{CANARY}');"),
            format!("CREATE CONNECTION aws TO AWS (ACCESS KEY ID '<{CANARY}>', SECRET ACCESS KEY SECRET k);"),
            format!("CREATE ROLE mz_repl WITH LOGIN PASSWORD '<{CANARY}>';"),
        ];
        for sql in &values {
            assert_eq!(of(sql, "MZ706", None).len(), 1, "{sql}");
            assert_no_canary(sql, None);
        }
    }

    #[test]
    fn brokers_zones_and_cluster_options() {
        let sql = "CREATE CONNECTION k TO KAFKA (BROKERS ('<your_broker>:9092' USING AWS PRIVATELINK pl (AVAILABILITY ZONE '<az>'), 'b2.internal:9092'), SASL USERNAME 'your_user');";
        assert_eq!(
            messages(sql),
            [
                "BROKERS '<your_broker>:9092' is an unfilled placeholder",
                "AVAILABILITY ZONE '<az>' is an unfilled placeholder",
                "SASL USERNAME 'your_user' is an unfilled placeholder",
            ]
        );
        let sql = "CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-<id>', AVAILABILITY ZONES ('<az1>', 'use1-az2'));";
        assert_eq!(
            texts(sql),
            ["'com.amazonaws.vpce.us-east-1.vpce-svc-<id>'", "'<az1>'"]
        );
        let sql = "CREATE CLUSTER ingest (SIZE '<size>');\nCREATE CLUSTER manual REPLICAS (r1 (SIZE = 'xxx'));\nALTER CLUSTER ingest SET (SIZE = '...');";
        assert_eq!(texts(sql), ["'<size>'", "'xxx'", "'...'"]);
        let sql =
            "CREATE SOURCE k IN CLUSTER ingest FROM KAFKA CONNECTION kafka (TOPIC '<topic>');";
        assert_eq!(
            messages(sql),
            ["TOPIC '<topic>' is an unfilled placeholder"]
        );
        // Unquoted values.
        let sql = "CREATE CONNECTION pg TO POSTGRES (HOST <host>, DATABASE your_db, USER 'mz');";
        assert_eq!(
            messages(sql),
            [
                "HOST <host> is an unfilled placeholder",
                "DATABASE your_db is an unfilled placeholder",
            ]
        );
    }

    #[test]
    fn names() {
        let sql = "CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', SSH TUNNEL <tunnel_name>);";
        assert_eq!(
            of(sql, "MZ706", None),
            vec![(
                "SSH TUNNEL <tunnel_name> is an unfilled placeholder; write the name of an SSH TUNNEL connection".to_string(),
                "<tunnel_name>".to_string()
            )]
        );
        let sql = "CREATE SOURCE <source_name> IN CLUSTER <cluster> FROM POSTGRES CONNECTION <pg_connection>\n    (PUBLICATION '<publication>', TEXT COLUMNS (<column>)) FOR TABLES (<schema>.t AS <table>)\n    WITH (RETAIN HISTORY FOR <interval>);";
        assert_eq!(
            messages(sql),
            [
                "CREATE SOURCE <source_name> is an unfilled placeholder; write the name of the new source",
                "IN CLUSTER <cluster> is an unfilled placeholder; write the name of a cluster",
                "CONNECTION <pg_connection> is an unfilled placeholder; write the name of a POSTGRES connection",
                "PUBLICATION '<publication>' is an unfilled placeholder",
                "TEXT COLUMNS <column> is an unfilled placeholder; write the name of a column",
                "FOR TABLES <schema> is an unfilled placeholder; write the name of a schema",
                "AS <table> is an unfilled placeholder; write the name of the new subsource",
                "RETAIN HISTORY <interval> is an unfilled placeholder",
            ]
        );
        let sql = "CREATE TABLE <table> FROM SOURCE <source> (REFERENCE <upstream-table>)\n    FORMAT AVRO USING CONFLUENT SCHEMA REGISTRY CONNECTION <csr_connection>;\nALTER SOURCE s SET CLUSTER <cluster>;";
        assert_eq!(
            texts(sql),
            [
                "<table>",
                "<source>",
                "<upstream-table>",
                "<csr_connection>",
                "<cluster>"
            ]
        );
    }

    #[test]
    fn upstream_passwords() {
        let files = [
            ("upstream/roles.sql", "CREATE ROLE mz_repl WITH LOGIN REPLICATION PASSWORD '<password>';\nALTER ROLE mz_repl PASSWORD 'changeme';\nCREATE ROLE ok LOGIN PASSWORD :'pw';\n"),
            ("upstream/mysql.sql", "CREATE USER 'mz'@'%' IDENTIFIED BY 'your-password';\nSET PASSWORD FOR 'mz'@'%' = '<new>';\n"),
        ];
        let config = "[files]\nupstream = [\"upstream/**\"]\n";
        let found: Vec<String> = crate::testing::lint_project(&files, Some(config))
            .into_iter()
            .filter(|(_, d)| d.rule.code == "MZ706")
            .map(|(path, d)| format!("{path}: {}", d.message))
            .collect();
        assert_eq!(
            found,
            [
                "upstream/mysql.sql: the password of user mz is set to an unfilled placeholder (redacted)",
                "upstream/mysql.sql: the password of user mz is set to an unfilled placeholder (redacted)",
                "upstream/roles.sql: the password of role mz_repl is set to an unfilled placeholder (redacted)",
                "upstream/roles.sql: the password of role mz_repl is set to an unfilled placeholder (redacted)",
            ]
        );
    }

    #[test]
    fn legacy_form_case_and_positions() {
        let sql = "CREATE CONNECTION pg FOR POSTGRES HOST '<host>', DATABASE 'shop', USER 'mz';";
        assert_eq!(texts(sql), ["'<host>'"]);
        // SSLMODE-style aliases count as their option for the label.
        let sql = "CREATE CONNECTION pg TO POSTGRES (HOST 'h.internal', DBNAME '<db>', USER 'mz');";
        assert_eq!(
            messages(sql),
            ["DATABASE '<db>' is an unfilled placeholder"]
        );
        // Lower-case keywords, a comment between option words, CRLF and
        // non-ASCII text before the span.
        let sql = "-- Köln\r\ncreate connection pg to postgres (host 'pg.internal', database 'shop', user 'mz',\r\n  ssl certificate /* ca */ authority '<ca>');\r\n";
        assert_eq!(
            of(sql, "MZ706", None),
            vec![(
                "SSL CERTIFICATE AUTHORITY '<ca>' is an unfilled placeholder".to_string(),
                "'<ca>'".to_string()
            )]
        );
    }

    #[test]
    fn suppression_silences_it() {
        let sql =
            format!("{BAD} -- mzlint: ignore[unfilled-placeholder] rendered by the deploy script");
        assert_clean(&sql, None);
    }
}

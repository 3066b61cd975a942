//! Derived facts rules share: a connection's effective definition after
//! ALTERs (rules.md §1.2), its network route (rules.md §5.2), value text.

use mzlint_syntax::ast::*;

use crate::context::StatementContext;
use crate::project::{DefKind, Location, Project};
use crate::settings::Settings;
use crate::source::SourceFile;

/// A connection's options in effect at some point of project order.
pub struct EffectiveConnection<'a> {
    pub connection_type: ConnectionType,
    pub create: &'a CreateConnection,
    pub create_location: Location,
    /// The options after applying earlier `ALTER CONNECTION … SET/RESET`.
    pub options: Vec<&'a SqlOption>,
}

impl<'a> EffectiveConnection<'a> {
    pub fn get(&self, name: &OptionName) -> Option<&'a SqlOption> {
        self.options.iter().copied().find(|o| &o.name == name)
    }

    pub fn has(&self, name: &OptionName) -> bool {
        self.get(name).is_some()
    }

    /// Apply one ALTER's SET/RESET actions (the ALTER being checked, or an
    /// earlier one). SET BROKER drops BROKERS and vice versa (§5.10).
    pub fn apply(&mut self, alter: &'a AlterConnection) {
        let AlterConnectionAction::Actions { actions, .. } = &alter.action else {
            return;
        };
        for action in actions {
            match &action.kind {
                AlterConnectionItemKind::Set(option) => {
                    let name = option.name.clone();
                    self.options.retain(|o| {
                        o.name != name
                            && !(name == OptionName::Broker && o.name == OptionName::Brokers)
                            && !(name == OptionName::Brokers && o.name == OptionName::Broker)
                    });
                    self.options.push(option);
                }
                AlterConnectionItemKind::Reset { option, .. } => {
                    self.options.retain(|o| o.name != option.name);
                }
                AlterConnectionItemKind::RotateKeys => {}
            }
        }
    }
}

/// The effective definition of the connection `name` as seen from the
/// statement at `ctx` (earlier ALTERs applied, not the current statement).
pub fn effective_connection<'a>(
    ctx: &StatementContext<'a>,
    name: &ItemName,
) -> Option<EffectiveConnection<'a>> {
    effective_connection_in(ctx.file.files, ctx.project(), ctx.location(), name)
}

/// [`effective_connection`] for any location of the run.
pub fn effective_connection_in<'a>(
    files: &'a [SourceFile],
    project: &Project,
    location: Location,
    name: &ItemName,
) -> Option<EffectiveConnection<'a>> {
    let statement_at = |l: Location| {
        files
            .get(l.file.0 as usize)
            .and_then(|f| f.parsed.statements.get(l.statement))
    };
    let definition = project.lookup_item(location, name)?;
    let DefKind::Connection(connection_type) = definition.kind else {
        return None;
    };
    let StatementKind::CreateConnection(create) = &statement_at(definition.location)?.kind else {
        return None;
    };
    let mut effective = EffectiveConnection {
        connection_type,
        create,
        create_location: definition.location,
        options: create.options.options.iter().collect(),
    };
    for alter_location in project.connection_alters_between(definition, location) {
        if let Some(Statement {
            kind: StatementKind::AlterConnection(alter),
            ..
        }) = statement_at(alter_location)
        {
            effective.apply(alter);
        }
    }
    Some(effective)
}

/// Why a connection's route is private, if it is (rules.md §5.2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrivateRoute {
    SshTunnel(String),
    PrivateLink(String),
    PrivateHost(String),
}

impl PrivateRoute {
    /// The note MZ200 adds when it reports as info.
    pub fn reason(&self) -> String {
        match self {
            PrivateRoute::SshTunnel(name) => format!("the connection uses SSH TUNNEL `{name}`"),
            PrivateRoute::PrivateLink(name) => {
                format!("the connection uses AWS PRIVATELINK `{name}`")
            }
            PrivateRoute::PrivateHost(host) => {
                format!("host '{host}' matches security.private-hosts")
            }
        }
    }
}

/// The text of a name-valued option (`SSH TUNNEL bastion` → `bastion`).
pub fn name_value_text(value: &Value) -> Option<String> {
    match value {
        Value::Name(name) => Some(name.joined()),
        Value::Ident(ident) => Some(ident.value.clone()),
        Value::PrivateLink(pl) => name_value_text(&pl.name),
        _ => None,
    }
}

/// Classify a non-Kafka connection's route from its options.
pub fn connection_route<'o>(
    options: impl IntoIterator<Item = &'o SqlOption>,
    settings: &Settings,
) -> Option<PrivateRoute> {
    let mut host = None;
    for option in options {
        match (&option.name, &option.value) {
            (OptionName::SshTunnel, Some(value)) => {
                return Some(PrivateRoute::SshTunnel(
                    name_value_text(value).unwrap_or_default(),
                ))
            }
            (OptionName::AwsPrivatelink, Some(value)) => {
                return Some(PrivateRoute::PrivateLink(
                    name_value_text(value).unwrap_or_default(),
                ))
            }
            (OptionName::Host, Some(value)) => host = value.as_text().map(str::to_string),
            _ => {}
        }
    }
    let host = host?;
    settings
        .security
        .is_private_host(&host)
        .then_some(PrivateRoute::PrivateHost(host))
}

/// The host part of a broker address `host:port` / `[v6]:port`.
pub fn broker_host(address: &str) -> &str {
    let address = address.trim();
    if let Some(rest) = address.strip_prefix('[') {
        return rest.split(']').next().unwrap_or(rest);
    }
    match address.rsplit_once(':') {
        Some((host, _)) if !host.contains(':') => host,
        _ => address,
    }
}

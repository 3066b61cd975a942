//! Helpers shared by the security (MZ2xx) and network (MZ3xx) rules: a
//! connection's definition under effective option names (rules.md §1.8),
//! the definition an `ALTER CONNECTION` leaves (rules.md §1.2), and the
//! network route of rules.md §5.2.

use crate::options::{effective_option_name, OptionContext};
use crate::prelude::*;
use crate::semantic::{self, PrivateRoute};

/// The option a connection option counts as for these rules (rules.md
/// §1.8, one defect, one report): the option MZ100 suggests for an unknown
/// word (`SSLMODE` → SSL MODE, `SSL MDOE` → SSL MODE), and AVAILABILITY
/// ZONES for `AVAILABILITY ZONE` on a PrivateLink connection (MZ100's alias
/// for a known name); any other name is itself.
pub(crate) fn effective_connection_option(
    connection_type: ConnectionType,
    name: &OptionName,
) -> OptionName {
    if connection_type == ConnectionType::AwsPrivatelink && *name == OptionName::AvailabilityZone {
        return OptionName::AvailabilityZones;
    }
    effective_option_name(name, OptionContext::Connection(Some(connection_type)))
        .unwrap_or_else(|| name.clone())
}

/// One option of a connection definition, under the name it counts as.
#[derive(Clone, Debug)]
pub(crate) struct ConnOption<'a> {
    /// The effective name (`SSLMODE` counts as SSL MODE).
    pub name: OptionName,
    pub option: &'a SqlOption,
    /// Written in the statement being checked (not inherited from the
    /// `CREATE CONNECTION` or an earlier `ALTER`).
    pub here: bool,
}

/// A connection's options: those of a `CREATE CONNECTION`, or the effective
/// definition after an `ALTER CONNECTION`.
pub(crate) struct ConnDef<'a> {
    pub connection_type: ConnectionType,
    pub options: Vec<ConnOption<'a>>,
}

impl<'a> ConnDef<'a> {
    /// The options of a `CREATE CONNECTION` (both the `TO` and the legacy
    /// `FOR` form), all written here.
    pub fn of_create(create: &'a CreateConnection) -> Self {
        let connection_type = create.connection_type;
        ConnDef {
            connection_type,
            options: create
                .options
                .options
                .iter()
                .map(|option| ConnOption {
                    name: effective_connection_option(connection_type, &option.name),
                    option,
                    here: true,
                })
                .collect(),
        }
    }

    /// The definition in effect after `alter`: the project's `CREATE
    /// CONNECTION` with the earlier ALTERs and this one applied. `None` when
    /// the project does not define the connection (rules.md §5.2: the
    /// security rules are then silent on the ALTER).
    pub fn of_alter(ctx: &StatementContext<'a>, alter: &'a AlterConnection) -> Option<Self> {
        let base = semantic::effective_connection(ctx, &alter.name)?;
        let connection_type = base.connection_type;
        let mut def = ConnDef {
            connection_type,
            options: base
                .options
                .iter()
                .map(|option| ConnOption {
                    name: effective_connection_option(connection_type, &option.name),
                    option,
                    here: false,
                })
                .collect(),
        };
        for action in alter_actions(alter) {
            match &action.kind {
                AlterConnectionItemKind::Set(option) => {
                    let name = effective_connection_option(connection_type, &option.name);
                    def.options.retain(|o| {
                        o.name != name
                            && !(name == OptionName::Broker && o.name == OptionName::Brokers)
                            && !(name == OptionName::Brokers && o.name == OptionName::Broker)
                    });
                    def.options.push(ConnOption {
                        name,
                        option,
                        here: true,
                    });
                }
                AlterConnectionItemKind::Reset { option, .. } => {
                    let name = effective_connection_option(connection_type, &option.name);
                    def.options.retain(|o| o.name != name);
                }
                AlterConnectionItemKind::RotateKeys => {}
            }
        }
        Some(def)
    }

    /// The option that counts as `name`, if any (the last one written).
    pub fn get(&self, name: &OptionName) -> Option<&ConnOption<'a>> {
        self.options.iter().rev().find(|o| &o.name == name)
    }

    pub fn has(&self, name: &OptionName) -> bool {
        self.get(name).is_some()
    }

    /// The route of a non-Kafka connection (rules.md §5.2).
    pub fn route(&self, ctx: &StatementContext<'_>) -> Route<'a> {
        let settings = ctx.settings();
        // A `<host>` or psql `:host` written as the value is a placeholder
        // (rules.md §1.6), and a placeholder host is never private.
        let mut placeholder = false;
        let host = self.get(&OptionName::Host).and_then(|o| {
            let value = o.option.value.as_ref()?;
            let text = match value.as_text() {
                Some(text) => text.to_string(),
                None if matches!(value, Value::Placeholder(_)) => {
                    placeholder = true;
                    if o.here {
                        ctx.text(value.span()).to_string()
                    } else {
                        "…".to_string()
                    }
                }
                None => return None,
            };
            Some((text, o.option))
        });
        let tunnel = self.options.iter().find(|o| {
            matches!(o.name, OptionName::SshTunnel | OptionName::AwsPrivatelink)
                && o.option.value.is_some()
        });
        let private = if let Some(tunnel) = tunnel {
            let value = tunnel.option.value.as_ref().expect("checked above");
            let name = semantic::name_value_text(value)
                .or_else(|| tunnel.here.then(|| ctx.text(value.span()).to_string()))
                .unwrap_or_default();
            let reason = if tunnel.name == OptionName::SshTunnel {
                PrivateRoute::SshTunnel(name)
            } else {
                PrivateRoute::PrivateLink(name)
            };
            Some((reason, tunnel.clone()))
        } else {
            host.as_ref().and_then(|(text, option)| {
                (!placeholder && settings.security.is_private_host(text)).then(|| {
                    let conn_option = self
                        .options
                        .iter()
                        .find(|o| std::ptr::eq(o.option, *option))
                        .cloned()
                        .expect("the host is one of the options");
                    (PrivateRoute::PrivateHost(text.clone()), conn_option)
                })
            })
        };
        Route { private, host }
    }
}

/// How a connection reaches its server.
pub(crate) struct Route<'a> {
    /// Why the route is private, and the option that makes it so.
    pub private: Option<(PrivateRoute, ConnOption<'a>)>,
    /// The HOST as the planner reads it (a placeholder's text included).
    pub host: Option<(String, &'a SqlOption)>,
}

/// The SET/RESET/DROP actions of an `ALTER CONNECTION` (none for RENAME and
/// OWNER).
pub(crate) fn alter_actions(alter: &AlterConnection) -> &[AlterConnectionItem] {
    match &alter.action {
        AlterConnectionAction::Actions { actions, .. } => actions,
        _ => &[],
    }
}

/// The statement's connection being created or altered, for the rules that
/// check both: the name, and the definition to judge.
pub(crate) enum Subject<'a> {
    Create(&'a CreateConnection),
    Alter(&'a AlterConnection),
}

impl<'a> Subject<'a> {
    pub fn of(statement: &'a Statement) -> Option<Self> {
        match &statement.kind {
            StatementKind::CreateConnection(create) => Some(Subject::Create(create)),
            StatementKind::AlterConnection(alter) => Some(Subject::Alter(alter)),
            _ => None,
        }
    }

    pub fn name(&self) -> &'a ItemName {
        match self {
            Subject::Create(create) => &create.name,
            Subject::Alter(alter) => &alter.name,
        }
    }

    /// The definition to judge: the CREATE's options, or the effective
    /// definition after the ALTER (`None` when unknown).
    pub fn definition(&self, ctx: &StatementContext<'a>) -> Option<ConnDef<'a>> {
        match self {
            Subject::Create(create) => Some(ConnDef::of_create(create)),
            Subject::Alter(alter) => ConnDef::of_alter(ctx, alter),
        }
    }

    /// The options this statement writes: the CREATE's options, or the
    /// options of the ALTER's SET actions.
    pub fn written_options(&self) -> Vec<&'a SqlOption> {
        match self {
            Subject::Create(create) => create.options.options.iter().collect(),
            Subject::Alter(alter) => alter_actions(alter)
                .iter()
                .filter_map(|a| match &a.kind {
                    AlterConnectionItemKind::Set(option) => Some(option),
                    _ => None,
                })
                .collect(),
        }
    }
}

/// An object name as written, for messages (rules.md §1.4).
pub(crate) fn name_as_written<'a>(ctx: &StatementContext<'a>, name: &ItemName) -> &'a str {
    ctx.text(name.span)
}

/// The text of a string-typed value (a string literal's content or a bare
/// identifier's folded text) unless it is a placeholder (rules.md §1.6).
pub(crate) fn text_value<'v>(ctx: &StatementContext<'_>, value: &'v Value) -> Option<&'v str> {
    let text = value.as_text()?;
    (!ctx.settings().security.is_placeholder(text)).then_some(text)
}

/// Test helpers shared by the security and network rules' tests.
#[cfg(test)]
pub(crate) mod test_support {
    use crate::diagnostic::Diagnostic;
    use crate::testing::{
        assert_never_said, assert_no_diagnostics, lint_sql_config, of_code, only_diagnostic,
        render_sql,
    };
    pub(crate) use crate::testing::{everything_said, CANARY};

    /// "Examples assume the objects they name exist elsewhere" (rules.md §5):
    /// every name is external, so MZ500 stays out of single-file tests.
    pub(crate) const ELSEWHERE: &str = "[references]\nexternal-objects = [\"*\"]\n";

    /// Lint `sql` (one file) with an optional `mzlint.toml` text.
    pub(crate) fn lint(sql: &str, config: Option<&str>) -> Vec<Diagnostic> {
        lint_sql_config(sql, config)
    }

    /// The diagnostics of `code`.
    pub(crate) fn of(code: &str, diagnostics: &[Diagnostic]) -> Vec<Diagnostic> {
        of_code(diagnostics, code)
    }

    /// Lint and return the diagnostics of `code`.
    pub(crate) fn findings(sql: &str, config: Option<&str>, code: &str) -> Vec<Diagnostic> {
        of(code, &lint(sql, config))
    }

    /// Lint and expect exactly one diagnostic in all, of `code`: the rule
    /// fires and no other default rule does.
    pub(crate) fn only_finding(sql: &str, config: Option<&str>, code: &str) -> Diagnostic {
        only_diagnostic(sql, config, code)
    }

    /// Lint and expect no diagnostic of any rule.
    pub(crate) fn assert_clean(sql: &str, config: Option<&str>) {
        assert_no_diagnostics(sql, config);
    }

    /// Lint and expect no diagnostic of `code`.
    pub(crate) fn assert_none(sql: &str, config: Option<&str>, code: &str) {
        let diagnostics = lint(sql, config);
        assert!(
            of(code, &diagnostics).is_empty(),
            "expected no {code}, got:\n{}",
            render_sql(sql, &diagnostics)
        );
    }

    /// The source text of a diagnostic's primary span.
    pub(crate) fn span_text<'a>(sql: &'a str, diagnostic: &Diagnostic) -> &'a str {
        &sql[diagnostic.span.range()]
    }

    /// The canary appears in nothing the diagnostics say, nor in their
    /// concise rendering.
    pub(crate) fn assert_no_canary(sql: &str, diagnostics: &[Diagnostic]) {
        assert_never_said(CANARY, sql, diagnostics);
    }
}

use crate::prelude::*;
use crate::rules::security::common::{alter_actions, ConnDef, ConnOption, Subject};

declare_rule! {
/// ## What it does
///
/// Reports two network-path mistakes Materialize rejects at plan time:
///
/// 1. `SSH TUNNEL` together with connection-level `AWS PRIVATELINK` on one
///    POSTGRES, MYSQL, SQL SERVER, CONFLUENT SCHEMA REGISTRY or KAFKA
///    connection (`cannot specify both SSH TUNNEL and AWS PRIVATELINK`),
///    reported on the option written second with a note at the first. For
///    `ALTER CONNECTION` the effective definition is judged, and the finding
///    is reported when the ALTER sets one of the two.
/// 2. `AWS PRIVATELINK <name> (PORT n)` on a connection other than KAFKA
///    (`POSTGRES does not support PORT for AWS PRIVATELINK`), reported on the
///    `(PORT n)` group.
///
/// Not reported on Kafka per-broker `USING` clauses or on Kafka's
/// connection-level `AWS PRIVATELINK … (PORT n)`, which sets the default
/// route of all brokers.
///
/// ## Why is this bad?
///
/// Materialize rejects both (`test/cloudtest/test_privatelink_connection.py`;
/// `src/sql/src/plan/statement/ddl/connection.rs`). For the first, which of
/// the two paths was meant cannot be known.
///
/// ## Example
///
/// ```sql
/// CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require', AWS PRIVATELINK pl, SSH TUNNEL bastion);
/// ```
///
/// reports `cannot specify both SSH TUNNEL and AWS PRIVATELINK` on `SSH
/// TUNNEL bastion` (help: `choose one network path`). Use instead:
///
/// ```sql
/// CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require', AWS PRIVATELINK pl);
/// ```
///
/// ## Fix
///
/// Case 2 (safe), when the connection has no PORT or one with the same
/// number: remove `(PORT n)` and, if missing, add `, PORT n` after the AWS
/// PRIVATELINK option (`, SET (PORT n)` after the action in an ALTER). Case
/// 1: none.
    pub(crate) static RULE = {
        code: "MZ305",
        name: "tunnel-conflict",
        severity: Error,
        scope: Statement,
        fix: Safe,
        fix_summary: "safe (PORT move)",
        summary: "SSH TUNNEL with AWS PRIVATELINK; PrivateLink PORT on non-Kafka",
        check: Statement(check),
    }
}

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(subject) = Subject::of(ctx.statement) else {
        return;
    };
    let Some(def) = subject.definition(ctx) else {
        return;
    };
    let connection_type = def.connection_type;
    let tunnelled_types = [
        ConnectionType::Postgres,
        ConnectionType::MySql,
        ConnectionType::SqlServer,
        ConnectionType::ConfluentSchemaRegistry,
        ConnectionType::Kafka,
    ];
    if !tunnelled_types.contains(&connection_type) {
        return;
    }
    check_both_paths(ctx, &def, out);
    if connection_type != ConnectionType::Kafka {
        check_privatelink_port(ctx, &subject, &def, out);
    }
}

/// Case 1: SSH TUNNEL and AWS PRIVATELINK in the (effective) definition.
fn check_both_paths(ctx: &StatementContext<'_>, def: &ConnDef<'_>, out: &mut Vec<Diagnostic>) {
    let first_of = |name: OptionName| {
        def.options
            .iter()
            .find(|o| o.name == name && o.option.value.is_some())
    };
    let (Some(ssh), Some(privatelink)) = (
        first_of(OptionName::SshTunnel),
        first_of(OptionName::AwsPrivatelink),
    ) else {
        return;
    };
    // The option written second: in a CREATE, the later one; in an ALTER,
    // the one the ALTER sets (the later one when it sets both).
    let (second, first) = match (ssh.here, privatelink.here) {
        (true, true) | (false, false) => {
            if ssh.option.span.start > privatelink.option.span.start {
                (ssh, privatelink)
            } else {
                (privatelink, ssh)
            }
        }
        (true, false) => (ssh, privatelink),
        (false, true) => (privatelink, ssh),
    };
    if !second.here {
        return; // neither is written by this statement
    }
    let diagnostic = ctx
        .diagnostic(
            &RULE,
            second.option.span,
            "cannot specify both SSH TUNNEL and AWS PRIVATELINK",
        )
        .with_help("choose one network path");
    out.push(with_first(ctx, diagnostic, first));
}

fn with_first(
    ctx: &StatementContext<'_>,
    diagnostic: Diagnostic,
    first: &ConnOption<'_>,
) -> Diagnostic {
    let note = format!("{} is also set", first.name.as_str());
    if first.here {
        diagnostic.with_related(ctx.file_id(), first.option.span, format!("{note} here"))
    } else {
        diagnostic.with_note(format!("{note} on the connection"))
    }
}

/// Case 2: `AWS PRIVATELINK pl (PORT n)` on a non-Kafka connection.
fn check_privatelink_port(
    ctx: &StatementContext<'_>,
    subject: &Subject<'_>,
    def: &ConnDef<'_>,
    out: &mut Vec<Diagnostic>,
) {
    for option in def
        .options
        .iter()
        .filter(|o| o.here && o.name == OptionName::AwsPrivatelink)
    {
        let Some(Value::PrivateLink(privatelink)) = &option.option.value else {
            continue;
        };
        let Some((group, port)) = &privatelink.port else {
            continue;
        };
        let port_text = match port.as_ref() {
            Value::Number { text, .. } => text.clone(),
            other => ctx.text(other.span()).to_string(),
        };
        let message = format!(
            "{} does not support PORT for AWS PRIVATELINK",
            def.connection_type.as_str()
        );
        let diagnostic = ctx
            .diagnostic(&RULE, *group, message)
            .with_help(format!(
                "write PORT {port_text} as a separate connection option"
            ))
            .with_fix_opt(port_fix(
                subject,
                def,
                option.option,
                privatelink,
                *group,
                port,
            ));
        out.push(diagnostic);
    }
}

/// Move the PORT out of the AWS PRIVATELINK option, when the connection has
/// no PORT of its own or one with the same number.
fn port_fix(
    subject: &Subject<'_>,
    def: &ConnDef<'_>,
    option: &SqlOption,
    privatelink: &PrivateLinkRef,
    group: Span,
    port: &Value,
) -> Option<Fix> {
    let Value::Number { text, .. } = port else {
        return None;
    };
    let existing = def.get(&OptionName::Port);
    let add_port = match existing.and_then(|o| o.option.value.as_ref()) {
        None if existing.is_none() => true,
        Some(Value::Number { text: other, .. }) if other == text => false,
        _ => return None,
    };
    let removal = Span::new(privatelink.name.span().end, group.end);
    let title = format!("Move PORT {text} to a connection option");
    let edits = match subject {
        Subject::Create(_) => {
            let content = if add_port {
                format!(", PORT {text}")
            } else {
                String::new()
            };
            vec![Edit::replace(removal, content)]
        }
        Subject::Alter(alter) => {
            let mut edits = vec![Edit::delete(removal)];
            if add_port {
                let action = alter_actions(alter).iter().find(|a| {
                    matches!(&a.kind, AlterConnectionItemKind::Set(o) if std::ptr::eq(o, option))
                })?;
                edits.push(Edit::insert(
                    action.span.end,
                    format!(", SET (PORT {text})"),
                ));
            }
            edits
        }
    };
    Some(Fix::safe(title, edits))
}

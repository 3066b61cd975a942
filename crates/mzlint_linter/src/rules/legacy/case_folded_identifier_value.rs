use super::common::{altered_connection_type, connection_option_name, source_option_name};
use crate::options::{connection_accepts, source_options};
use crate::prelude::*;

declare_rule! {
/// ## What it does
///
/// Reports an unquoted identifier with upper-case letters as the value of a
/// case-sensitive string option — PUBLICATION, DATABASE, USER, TOPIC, GROUP
/// ID PREFIX, PROGRESS TOPIC, SASL USERNAME, WAREHOUSE — which Materialize
/// folds to lower case. Not on quoted identifiers (`"MzPub"` keeps its
/// case), string literals, lower-case identifiers, placeholders, or
/// case-insensitive options (SSL MODE, SECURITY PROTOCOL, SASL MECHANISMS,
/// HOST, REGION).
///
/// Message (on the value): `PUBLICATION MzPub is an unquoted identifier, so
/// Materialize looks up 'mzpub'`.
///
/// ## Why is this bad?
///
/// Unquoted identifiers fold to lower case (`materialize-ddl.md` §1.2, §1.8)
/// while publication names, topics and user names are case-sensitive: the
/// statement silently refers to something else. The folding has confused
/// users (database-issues#6693, cited in `connection.rs`).
///
/// ## Example
///
/// ```sql
/// CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION MzPub) FOR TABLES (public.orders);
/// ```
///
/// Use instead:
///
/// ```sql
/// CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'MzPub') FOR TABLES (public.orders);
/// ```
///
/// ## Fix (unsafe)
///
/// Replaces the identifier with a string literal of its original spelling.
/// Unsafe: if the upstream name really is lower case, the folded form was
/// right and `'mzpub'` is what should be written.
    pub(crate) static RULE = {
        code: "MZ705",
        name: "case-folded-identifier-value",
        severity: Warning,
        scope: Statement,
        fix: Unsafe,
        fix_summary: "unsafe",
        summary: "Bare identifier value with capitals, folded to lower case",
        check: Statement(check),
    }
}

/// The case-sensitive string options.
fn is_case_sensitive(name: &OptionName) -> bool {
    matches!(
        name,
        OptionName::Publication
            | OptionName::Database
            | OptionName::User
            | OptionName::Topic
            | OptionName::GroupIdPrefix
            | OptionName::ProgressTopic
            | OptionName::SaslUsername
            | OptionName::Warehouse
    )
}

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    match &ctx.statement.kind {
        StatementKind::CreateConnection(create) => {
            let t = create.connection_type;
            for option in &create.options.options {
                if let Some(name) = connection_option_name(option, Some(t)) {
                    if connection_accepts(t, &name) {
                        report(ctx, option, &name, out);
                    }
                }
            }
        }
        StatementKind::AlterConnection(alter) => {
            let AlterConnectionAction::Actions { actions, .. } = &alter.action else {
                return;
            };
            let t = altered_connection_type(ctx, alter);
            for action in actions {
                let AlterConnectionItemKind::Set(option) = &action.kind else {
                    continue;
                };
                if let Some(name) = connection_option_name(option, t) {
                    if t.is_none_or(|t| connection_accepts(t, &name)) {
                        report(ctx, option, &name, out);
                    }
                }
            }
        }
        StatementKind::CreateSource(CreateSource {
            body: SourceBody::Connection(conn),
            ..
        }) => {
            for option in conn.options.iter().flat_map(|l| &l.options) {
                if let Some(name) = source_option_name(option, conn.kind) {
                    if source_options(conn.kind).contains(&name) {
                        report(ctx, option, &name, out);
                    }
                }
            }
        }
        _ => {}
    }
}

fn report(
    ctx: &StatementContext<'_>,
    option: &SqlOption,
    name: &OptionName,
    out: &mut Vec<Diagnostic>,
) {
    if !is_case_sensitive(name) {
        return;
    }
    let Some(Value::Ident(ident)) = &option.value else {
        return;
    };
    if ident.quoted || ident.is_placeholder() {
        return;
    }
    let written = ctx.text(ident.span);
    if !written.chars().any(char::is_uppercase) || ctx.settings().security.is_placeholder(written) {
        return;
    }
    let folded = &ident.value;
    let literal = format!("'{}'", written.replace('\'', "''"));
    out.push(
        ctx.diagnostic(
            &RULE,
            ident.span,
            format!(
                "{name} {written} is an unquoted identifier, so Materialize looks up '{folded}'"
            ),
        )
        .with_help(format!(
            "write {name} {literal} if the upstream name has capitals, or '{folded}' to make the folding explicit"
        ))
        .with_fix(Fix::unsafe_(
            format!("Write {name} {literal}"),
            vec![Edit::replace(ident.span, literal.clone())],
        )),
    );
}

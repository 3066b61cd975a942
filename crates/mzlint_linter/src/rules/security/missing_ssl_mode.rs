use super::common::{alter_actions, name_as_written, ConnDef, ConnOption};
use crate::options::effective_connection_option;
use crate::prelude::*;
use crate::semantic::PrivateRoute;

declare_rule! {
/// ## What it does
///
/// Reports a `CREATE CONNECTION … TO POSTGRES | MYSQL | SQL SERVER` (or the
/// legacy `FOR` form) that sets no `SSL MODE`, and an `ALTER CONNECTION …
/// RESET|DROP (SSL MODE)` on such a connection without a `SET (SSL MODE …)`
/// in the same statement. The default is `disable` (POSTGRES) or `disabled`
/// (MYSQL, SQL SERVER): no TLS at all.
///
/// Not reported for other connection types (Kafka: MZ204), or when SSL MODE
/// is present with any value (MZ201 and MZ104 judge the value).
///
/// When the connection's route is private — it uses `SSH TUNNEL` or
/// connection-level `AWS PRIVATELINK`, or its HOST matches
/// `security.private-hosts` — the finding is reported as **info**, with a
/// note giving the reason. For `ALTER CONNECTION` the effective definition
/// is judged; without the connection's `CREATE CONNECTION` in the project the
/// rule is silent on the ALTER.
///
/// ## Why is this bad?
///
/// All traffic, authentication included, crosses the network unencrypted.
/// The documented default is `disable`/`disabled`
/// (`doc/user/data/examples/create_connection.yml`).
///
/// ## Example
///
/// ```sql
/// CREATE CONNECTION pg TO POSTGRES (HOST 'orders.c1x2y3z4w5v6.eu-west-1.rds.amazonaws.com', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw);
/// ```
///
/// reports ``connection `pg` to POSTGRES sets no SSL MODE, so it defaults to
/// 'disable' (plaintext)`` on the connection's name (on the action for an
/// ALTER). Use instead:
///
/// ```sql
/// CREATE CONNECTION pg TO POSTGRES (HOST 'orders.c1x2y3z4w5v6.eu-west-1.rds.amazonaws.com', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'verify_full', SSL CERTIFICATE AUTHORITY SECRET rds_ca);
/// ```
///
/// ## Fix (unsafe)
///
/// "Add SSL MODE 'require'": inserts `, SSL MODE 'require'` (POSTGRES) or
/// `, SSL MODE 'required'` (MYSQL, SQL SERVER) after the last option. It is
/// unsafe because a server without TLS then refuses the connection, and
/// `require` encrypts without verifying the server (MZ201 then asks for a
/// verifying mode on public hosts). No fix for ALTER.
    pub(crate) static RULE = {
        code: "MZ200",
        name: "missing-ssl-mode",
        severity: Warning,
        scope: Statement,
        fix: Unsafe,
        fix_summary: "unsafe",
        summary: "Postgres/MySQL/SQL Server connection without SSL MODE (plaintext)",
        check: Statement(check),
    }
}

/// What MZ200 says about a type that has SSL MODE: its default, the value
/// the fix writes, and the help.
struct TlsType {
    default: &'static str,
    require: &'static str,
    help: &'static str,
}

fn tls_type(connection_type: ConnectionType) -> Option<TlsType> {
    match connection_type {
        ConnectionType::Postgres => Some(TlsType {
            default: "disable",
            require: "require",
            help:
                "add SSL MODE 'verify_full', with SSL CERTIFICATE AUTHORITY SECRET <ca> when the \
                   server's CA is not publicly trusted (Amazon RDS); 'require' encrypts without \
                   verifying the server",
        }),
        ConnectionType::MySql => Some(TlsType {
            default: "disabled",
            require: "required",
            help:
                "add SSL MODE 'verify_identity', with SSL CERTIFICATE AUTHORITY SECRET <ca> when \
                   the server's CA is not publicly trusted (Amazon RDS); 'required' encrypts \
                   without verifying the server",
        }),
        ConnectionType::SqlServer => Some(TlsType {
            default: "disabled",
            require: "required",
            help:
                "add SSL MODE 'verify', or 'verify_ca' with SSL CERTIFICATE AUTHORITY SECRET <ca> \
                   when the server's CA is not publicly trusted (Amazon RDS); 'required' encrypts \
                   without verifying the server",
        }),
        _ => None,
    }
}

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    match &ctx.statement.kind {
        StatementKind::CreateConnection(create) => check_create(ctx, create, out),
        StatementKind::AlterConnection(alter) => check_alter(ctx, alter, out),
        _ => {}
    }
}

fn check_create(ctx: &StatementContext<'_>, create: &CreateConnection, out: &mut Vec<Diagnostic>) {
    let Some(tls) = tls_type(create.connection_type) else {
        return;
    };
    let def = ConnDef::of_create(create);
    if def.has(&OptionName::SslMode) {
        return;
    }
    let insertion = match create.options.options.last() {
        Some(last) => Edit::insert(last.span.end, format!(", SSL MODE '{}'", tls.require)),
        None if create.options.parenthesized => Edit::insert(
            create.options.span.start + 1,
            format!("SSL MODE '{}'", tls.require),
        ),
        None => return,
    };
    let diagnostic = report(
        ctx,
        create.name.span,
        &create.name,
        create.connection_type,
        &tls,
        &def,
    )
    .with_fix(Fix::unsafe_(
        format!("Add SSL MODE '{}'", tls.require),
        vec![insertion],
    ));
    out.push(diagnostic);
}

fn check_alter(ctx: &StatementContext<'_>, alter: &AlterConnection, out: &mut Vec<Diagnostic>) {
    let actions = alter_actions(alter);
    if actions.is_empty() {
        return;
    }
    let Some(def) = ConnDef::of_alter(ctx, alter) else {
        return;
    };
    let Some(tls) = tls_type(def.connection_type) else {
        return;
    };
    let counts_as_ssl_mode = |option: &SqlOption| {
        effective_connection_option(def.connection_type, &option.name) == OptionName::SslMode
    };
    let sets_ssl_mode = actions.iter().any(
        |a| matches!(&a.kind, AlterConnectionItemKind::Set(option) if counts_as_ssl_mode(option)),
    );
    if sets_ssl_mode {
        return;
    }
    let Some(reset) = actions.iter().find(|a| {
        matches!(&a.kind, AlterConnectionItemKind::Reset { option, .. } if counts_as_ssl_mode(option))
    }) else {
        return;
    };
    out.push(report(
        ctx,
        reset.span,
        &alter.name,
        def.connection_type,
        &tls,
        &def,
    ));
}

fn report(
    ctx: &StatementContext<'_>,
    span: Span,
    name: &ItemName,
    connection_type: ConnectionType,
    tls: &TlsType,
    def: &ConnDef<'_>,
) -> Diagnostic {
    let message = format!(
        "connection `{}` to {} sets no SSL MODE, so it defaults to '{}' (plaintext)",
        name_as_written(ctx, name),
        connection_type.as_str(),
        tls.default
    );
    let diagnostic = ctx.diagnostic(&RULE, span, message).with_help(tls.help);
    match def.route(ctx).private {
        Some((reason, option)) => with_reason(ctx, diagnostic, &reason, &option).as_info(),
        None => diagnostic,
    }
}

/// The note giving why the finding is info: at the option that makes the
/// route private when this statement wrote it, else without a location.
fn with_reason(
    ctx: &StatementContext<'_>,
    diagnostic: Diagnostic,
    reason: &PrivateRoute,
    option: &ConnOption<'_>,
) -> Diagnostic {
    let note = format!("reported as info: {}", reason.reason());
    if option.here {
        diagnostic.with_related(ctx.file_id(), option.option.span, note)
    } else {
        diagnostic.with_note(note)
    }
}

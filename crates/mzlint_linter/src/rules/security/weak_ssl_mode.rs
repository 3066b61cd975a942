use super::common::{name_as_written, text_value, Subject};
use crate::options::effective_connection_option;
use crate::prelude::*;

declare_rule! {
/// ## What it does
///
/// Reports, on a connection whose route is public, an `SSL MODE` (in
/// `CREATE CONNECTION`, or `ALTER CONNECTION … SET`) whose value after
/// folding
///
/// * turns TLS off: POSTGRES `disable`, MYSQL and SQL SERVER `disabled`; or
/// * does not verify the server: POSTGRES `require`/`required`, MYSQL
///   `required`/`require`, SQL SERVER `required` (trusts any certificate).
///
/// A route is private when the connection uses `SSH TUNNEL` or
/// connection-level `AWS PRIVATELINK`, or its HOST matches
/// `security.private-hosts`; otherwise it is public. A placeholder HOST
/// (`'${PG_HOST}'`) does not make it private. For `ALTER CONNECTION` the
/// effective definition is judged; without the connection's `CREATE
/// CONNECTION` in the project the rule is silent on the ALTER.
///
/// Not reported on private routes, verifying modes (`verify_ca`,
/// `verify_full`, `verify_identity`, `verify`), invalid values (MZ104), or a
/// placeholder SSL MODE value.
///
/// ## Why is this bad?
///
/// `require` authenticates nothing: anyone on the path can present a
/// certificate and read the traffic, credentials included. Documentation
/// examples use it and get copied. Verifying modes need the CA when it is
/// not in the system store (`test/pg-cdc/pg-cdc-ssl.td`;
/// `create_connection.yml`).
///
/// ## Example
///
/// ```sql
/// CREATE CONNECTION shop TO MYSQL (HOST 'shop.c1x2y3z4w5v6.us-east-1.rds.amazonaws.com', USER 'mz', PASSWORD SECRET my_pw, SSL MODE 'required');
/// ```
///
/// reports, on the SSL MODE option, ``SSL MODE 'required' on connection
/// `shop` encrypts but does not verify the server at public host
/// 'shop.c1x2y3z4w5v6.us-east-1.rds.amazonaws.com'; a man-in-the-middle can
/// impersonate it``. With TLS off: ``SSL MODE 'disable' turns TLS off for
/// connection `pg` to public host '…'``. Use instead:
///
/// ```sql
/// CREATE CONNECTION shop TO MYSQL (HOST 'shop.c1x2y3z4w5v6.us-east-1.rds.amazonaws.com', USER 'mz', PASSWORD SECRET my_pw, SSL MODE 'verify_identity', SSL CERTIFICATE AUTHORITY SECRET rds_ca);
/// ```
///
/// ## Fix
///
/// None: the CA certificate must be supplied by a person.
    pub(crate) static RULE = {
        code: "MZ201",
        name: "weak-ssl-mode",
        severity: Warning,
        scope: Statement,
        fix: None,
        fix_summary: "none",
        summary: "SSL MODE off or unverified for a public host",
        check: Statement(check),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Weakness {
    TlsOff,
    Unverified,
}

/// How weak an SSL MODE value is, as the type reads it (POSTGRES matches
/// exactly, MYSQL and SQL SERVER ignore case). Verifying and invalid values
/// are `None`.
fn weakness(connection_type: ConnectionType, mode: &str) -> Option<Weakness> {
    match connection_type {
        ConnectionType::Postgres => match mode {
            "disable" => Some(Weakness::TlsOff),
            "require" | "required" => Some(Weakness::Unverified),
            _ => None,
        },
        ConnectionType::MySql => match mode.to_ascii_lowercase().as_str() {
            "disabled" => Some(Weakness::TlsOff),
            "required" | "require" => Some(Weakness::Unverified),
            _ => None,
        },
        ConnectionType::SqlServer => match mode.to_ascii_lowercase().as_str() {
            "disabled" => Some(Weakness::TlsOff),
            "required" => Some(Weakness::Unverified),
            _ => None,
        },
        _ => None,
    }
}

fn help(connection_type: ConnectionType) -> &'static str {
    match connection_type {
        ConnectionType::MySql => {
            "use SSL MODE 'verify_identity' with SSL CERTIFICATE AUTHORITY SECRET <ca>"
        }
        ConnectionType::SqlServer => {
            "use SSL MODE 'verify_ca' with SSL CERTIFICATE AUTHORITY SECRET <ca>, or 'verify' \
             when the server's certificate is publicly trusted"
        }
        _ => "use SSL MODE 'verify_full' with SSL CERTIFICATE AUTHORITY SECRET <ca>",
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
    let mut route = None;
    for option in subject.written_options() {
        if effective_connection_option(connection_type, &option.name) != OptionName::SslMode {
            continue;
        }
        let Some(mode) = option.value.as_ref().and_then(|v| text_value(ctx, v)) else {
            continue;
        };
        let Some(weakness) = weakness(connection_type, mode) else {
            continue;
        };
        let route = route.get_or_insert_with(|| def.route(ctx));
        if route.private.is_some() {
            return;
        }
        let Some((host, _)) = &route.host else {
            return; // no HOST to judge (MZ103 reports it)
        };
        let name = name_as_written(ctx, subject.name());
        let message = match weakness {
            Weakness::TlsOff => format!(
                "SSL MODE '{mode}' turns TLS off for connection `{name}` to public host '{host}'"
            ),
            Weakness::Unverified => format!(
                "SSL MODE '{mode}' on connection `{name}` encrypts but does not verify the server \
                 at public host '{host}'; a man-in-the-middle can impersonate it"
            ),
        };
        out.push(
            ctx.diagnostic(&RULE, option.span, message)
                .with_help(help(connection_type)),
        );
    }
}

use super::common::{altered_connection_type, connection_option_name};
use crate::options::{connection_accepts, ssl_modes, SASL_MECHANISMS, SECURITY_PROTOCOLS};
use crate::prelude::*;

declare_rule! {
/// ## What it does
///
/// Reports spellings Materialize accepts but does not print:
///
/// * option `USERNAME` (→ `USER`), `IGNORE COLUMNS` (→ `EXCLUDE COLUMNS`),
///   `INTO` in `FOR TABLES` / `ADD SUBSOURCE` entries (→ `AS`);
/// * POSTGRES SSL MODE `'required'` (→ `'require'`), `'verify-ca'`,
///   `'verify-full'` (→ underscores);
/// * MYSQL SSL MODE `'require'` (→ `'required'`), `'verify-ca'`,
///   `'verify-identity'` (→ underscores), and MYSQL and SQL SERVER SSL MODE
///   in upper or mixed case (→ lower case);
/// * SSL MODE as an identifier (→ quoted lower case);
/// * SECURITY PROTOCOL and SASL MECHANISMS in lower or mixed case, or as an
///   identifier (→ quoted upper case).
///
/// Not on values Materialize rejects (MZ104, MZ108) or placeholders.
///
/// Messages: `'verify-full' is accepted, but the canonical spelling is
/// 'verify_full'` (on the value); `USERNAME is a synonym; the canonical
/// option name is USER` (on the option name).
///
/// ## Why is this bad?
///
/// Materialize accepts both (`connection.rs`) and prints the canonical form;
/// generated SQL uses hyphens (`MaterializeInc/terraform-provider-materialize`
/// `pkg/materialize/connection_postgres_test.go`), so repositories mix styles
/// and diffs against `SHOW CREATE` output never settle.
///
/// ## Example
///
/// ```sql
/// CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USERNAME 'mz', PASSWORD SECRET pg_pw, SSL MODE 'verify-full');
/// ```
///
/// Use instead:
///
/// ```sql
/// CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'verify_full');
/// ```
///
/// ## Fix (safe)
///
/// Replaces the spelling with the canonical one.
    pub(crate) static RULE = {
        code: "MZ704",
        name: "noncanonical-spelling",
        severity: Info,
        scope: Statement,
        fix: Safe,
        fix_summary: "safe",
        summary: "Accepted but non-canonical spelling",
        check: Statement(check),
    }
}

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    match &ctx.statement.kind {
        StatementKind::CreateConnection(create) => {
            for option in &create.options.options {
                connection_option(ctx, option, Some(create.connection_type), out);
            }
        }
        StatementKind::AlterConnection(alter) => {
            let AlterConnectionAction::Actions { actions, .. } = &alter.action else {
                return;
            };
            let connection_type = altered_connection_type(ctx, alter);
            for action in actions {
                match &action.kind {
                    AlterConnectionItemKind::Set(option) => {
                        connection_option(ctx, option, connection_type, out)
                    }
                    AlterConnectionItemKind::Reset { option, .. } => {
                        synonym(ctx, option, out);
                    }
                    AlterConnectionItemKind::RotateKeys => {}
                }
            }
        }
        StatementKind::CreateSource(source) => {
            if let SourceBody::Connection(conn) = &source.body {
                for option in conn.options.iter().flat_map(|l| &l.options) {
                    synonym(ctx, option, out);
                }
                if let Some(ExternalRefs {
                    kind: ExternalRefsKind::Tables(refs),
                    ..
                }) = &conn.external_refs
                {
                    into_keywords(ctx, refs, out);
                }
            }
        }
        StatementKind::AlterSource(AlterSource {
            action: AlterSourceAction::AddSubsources { refs, with_options },
            ..
        }) => {
            into_keywords(ctx, refs, out);
            for option in with_options.iter().flat_map(|l| &l.options) {
                synonym(ctx, option, out);
            }
        }
        StatementKind::CreateTableFromSource(table) => {
            for option in table.with_options.iter().flat_map(|l| &l.options) {
                synonym(ctx, option, out);
            }
        }
        _ => {}
    }
}

/// `USERNAME` for USER, `IGNORE COLUMNS` for EXCLUDE COLUMNS.
fn synonym(ctx: &StatementContext<'_>, option: &SqlOption, out: &mut Vec<Diagnostic>) {
    let (written, canonical) = match option.spelling {
        Spelling::Canonical => return,
        Spelling::Username => ("USERNAME", "USER"),
        Spelling::IgnoreColumns => ("IGNORE COLUMNS", "EXCLUDE COLUMNS"),
    };
    out.push(
        ctx.diagnostic(
            &RULE,
            option.name_span,
            format!("{written} is a synonym; the canonical option name is {canonical}"),
        )
        .with_fix(Fix::safe(
            format!("Write {canonical}"),
            vec![Edit::replace(option.name_span, canonical)],
        )),
    );
}

/// `upstream INTO alias` for `upstream AS alias`.
fn into_keywords(ctx: &StatementContext<'_>, refs: &[ExternalRef], out: &mut Vec<Diagnostic>) {
    for entry in refs {
        let Some(into) = entry.into_keyword else {
            continue;
        };
        out.push(
            ctx.diagnostic(
                &RULE,
                into,
                "INTO is a synonym; the canonical keyword is AS",
            )
            .with_fix(Fix::safe("Write AS", vec![Edit::replace(into, "AS")])),
        );
    }
}

/// One connection option: its name's spelling and, for SSL MODE, SECURITY
/// PROTOCOL and SASL MECHANISMS, its value's.
fn connection_option(
    ctx: &StatementContext<'_>,
    option: &SqlOption,
    connection_type: Option<ConnectionType>,
    out: &mut Vec<Diagnostic>,
) {
    synonym(ctx, option, out);
    let Some(name) = connection_option_name(option, connection_type) else {
        return;
    };
    if connection_type.is_some_and(|t| !connection_accepts(t, &name)) {
        return; // MZ100 reports the option itself
    }
    let Some(value) = &option.value else {
        return;
    };
    let (text, quoted_string) = match value {
        Value::String(s) => (s.value.as_str(), true),
        Value::Ident(i) => (i.value.as_str(), false),
        _ => return,
    };
    if ctx.settings().security.is_placeholder(text) {
        return;
    }
    let canonical = match name {
        OptionName::SslMode => match connection_type.and_then(canonical_ssl_mode_for(text)) {
            Some(c) => c,
            None => return,
        },
        OptionName::SecurityProtocol => match canonical_upper(SECURITY_PROTOCOLS, text) {
            Some(c) => c,
            None => return,
        },
        OptionName::SaslMechanisms => match canonical_upper(SASL_MECHANISMS, text) {
            Some(c) => c,
            None => return,
        },
        _ => return,
    };
    if quoted_string && text == canonical {
        return;
    }
    let span = value.span();
    let written = if quoted_string {
        format!("'{text}'")
    } else {
        format!("{} {}", name.as_str(), ctx.text(span))
    };
    out.push(
        ctx.diagnostic(
            &RULE,
            span,
            format!("{written} is accepted, but the canonical spelling is '{canonical}'"),
        )
        .with_fix(Fix::safe(
            format!("Write '{canonical}'"),
            vec![Edit::replace(span, format!("'{canonical}'"))],
        )),
    );
}

/// The canonical SSL MODE of an accepted value, per type; `None` for values
/// the type rejects (MZ104) or types without SSL MODE (MZ100).
fn canonical_ssl_mode_for(text: &str) -> impl Fn(ConnectionType) -> Option<&'static str> + '_ {
    move |connection_type| {
        let (accepted, ignore_case) = ssl_modes(connection_type)?;
        let key = if ignore_case {
            text.to_ascii_lowercase()
        } else {
            text.to_string()
        };
        if !accepted.contains(&key.as_str()) {
            return None;
        }
        Some(match (connection_type, key.as_str()) {
            (ConnectionType::Postgres | ConnectionType::Yugabyte, "required") => "require",
            (ConnectionType::MySql, "require") => "required",
            (_, "verify-ca") => "verify_ca",
            (_, "verify-full") => "verify_full",
            (_, "verify-identity") => "verify_identity",
            (_, other) => accepted.iter().copied().find(|a| *a == other)?,
        })
    }
}

/// The upper-case canonical form of a case-insensitive value; `None` when
/// the value is not accepted at all (MZ108).
fn canonical_upper(accepted: &'static [&'static str], text: &str) -> Option<&'static str> {
    accepted
        .iter()
        .copied()
        .find(|a| a.eq_ignore_ascii_case(text))
}

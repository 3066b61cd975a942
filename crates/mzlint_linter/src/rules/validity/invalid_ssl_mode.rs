use super::values_common::{connection_options, is_placeholder, written};
use crate::options;
use crate::prelude::*;

declare_rule! {
/// ## What it does
///
/// Reports an SSL MODE value the connection type rejects, in `CREATE CONNECTION` (both the
/// `TO <TYPE> (…)` and the legacy `FOR <TYPE>` forms) and `ALTER CONNECTION … SET` (the type comes
/// from the project model; unknown types are skipped). An unquoted identifier is folded to lower
/// case first: `SSL MODE REQUIRE` means `'require'`. Accepted values (`materialize-ddl.md` §4.3):
///
/// | Type | Default | Accepted values | Matching |
/// |---|---|---|---|
/// | POSTGRES | disable | disable, require, required, verify_ca, verify-ca, verify_full, verify-full | exact (case-sensitive) |
/// | MYSQL | disabled | disabled, required, require, verify_ca, verify-ca, verify_identity, verify-identity | ignores case |
/// | SQL SERVER | disabled | disabled, required, verify, verify_ca | ignores case |
/// | KAFKA, CSR, SSH, AWS, PRIVATELINK, ICEBERG | — | not allowed (MZ100) | — |
///
/// Not reported: accepted but non-canonical spellings (MZ704), a missing or `SECRET` value (MZ106),
/// placeholders (`'${SSL_MODE}'`).
///
/// The message is ``unknown SSL MODE 'prefer' for POSTGRES connection `pg` ``, or for a quoted
/// value that differs from an accepted one only in case ``unknown SSL MODE 'REQUIRE' for POSTGRES
/// connection `pg`: quoted values are case-sensitive``. The span is the value.
///
/// ## Why is this bad?
///
/// Materialize rejects the connection (`invalid CONNECTION: unknown SSL MODE "prefer"`), and the
/// PostgreSQL and MySQL vocabularies (`prefer`, `disabled`, `verify_identity`, …) are easily mixed
/// up. `prefer` and `allow` are not supported at all because they fall back to plaintext.
///
/// ## Example
///
/// ```sql
/// CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'prefer');
/// ```
///
/// Use instead:
///
/// ```sql
/// CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');
/// ```
///
/// ## Fix
///
/// Safe, when the intended mode is unambiguous; the value becomes the quoted canonical value.
/// POSTGRES: case-only differences → canonical (`'REQUIRE'` → `'require'`); `disabled` →
/// `'disable'`; `verify_identity`/`verify-identity` → `'verify_full'`. MYSQL: `disable` →
/// `'disabled'`; `verify_full`/`verify-full` → `'verify_identity'`. SQL SERVER: `disable` →
/// `'disabled'`; `require` → `'required'`. No fix otherwise (`prefer`, `preferred`, `allow`, …).
    pub(crate) static RULE = {
        code: "MZ104",
        name: "invalid-ssl-mode",
        severity: Error,
        scope: Statement,
        fix: Safe,
        fix_summary: "safe (unambiguous)",
        summary: "SSL MODE value the type rejects",
        check: Statement(check),
    }
}

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    for conn in connection_options(ctx) {
        if !conn.is(&OptionName::SslMode) {
            continue;
        }
        let Some(connection_type) = conn.connection_type else {
            continue;
        };
        if !matches!(
            connection_type,
            ConnectionType::Postgres | ConnectionType::MySql | ConnectionType::SqlServer
        ) {
            continue; // SSL MODE on other types is MZ100's
        }
        let Some(value) = &conn.option.value else {
            continue; // MZ106
        };
        if is_placeholder(ctx, value) {
            continue;
        }
        let (text, quoted) = match value {
            Value::String(s) => (s.value.as_str(), true),
            Value::Ident(i) => (i.value.as_str(), i.quoted),
            _ => continue, // wrong kind of value: MZ106
        };
        let Some((accepted, ignore_case)) = options::ssl_modes(connection_type) else {
            continue;
        };
        let is_accepted = accepted.iter().any(|a| {
            if ignore_case {
                a.eq_ignore_ascii_case(text)
            } else {
                *a == text
            }
        });
        if is_accepted {
            continue; // possibly non-canonical: MZ704
        }
        let type_name = connection_type.as_str();
        let connection = written(ctx, conn.connection_name.span);
        let lower = text.to_ascii_lowercase();
        let case_only = !ignore_case && accepted.contains(&lower.as_str());
        let diagnostic = if case_only {
            let canonical = canonical_mode(connection_type, &lower).unwrap_or(&lower);
            let canonical = canonical.to_string();
            let note = if quoted {
                ": quoted values are case-sensitive"
            } else {
                ""
            };
            ctx.diagnostic(
                &RULE,
                value.span(),
                format!(
                    "unknown SSL MODE '{text}' for {type_name} connection `{connection}`{note}"
                ),
            )
            .with_help(format!("use '{canonical}'"))
            .with_fix(Fix::safe(
                format!("Replace with '{canonical}'"),
                vec![Edit::replace(value.span(), format!("'{canonical}'"))],
            ))
        } else {
            let diagnostic = ctx.diagnostic(
                &RULE,
                value.span(),
                format!("unknown SSL MODE '{text}' for {type_name} connection `{connection}`"),
            );
            match fix_target(connection_type, &lower) {
                Some(target) => diagnostic
                    .with_help(format!(
                        "{type_name} calls this mode '{target}'; accepted: {}",
                        options::canonical_ssl_modes(connection_type).join(", ")
                    ))
                    .with_fix(Fix::safe(
                        format!("Replace with '{target}'"),
                        vec![Edit::replace(value.span(), format!("'{target}'"))],
                    )),
                None => diagnostic.with_help(accepted_help(connection_type)),
            }
        };
        out.push(diagnostic);
    }
}

/// The canonical spelling of an accepted value (`required` → `require`).
fn canonical_mode(connection_type: ConnectionType, lower: &str) -> Option<&'static str> {
    let canonical = options::canonical_ssl_modes(connection_type);
    let normalized = lower.replace('-', "_");
    let normalized = match (connection_type, normalized.as_str()) {
        (ConnectionType::Postgres, "required") => "require".to_string(),
        (ConnectionType::MySql, "require") => "required".to_string(),
        _ => normalized,
    };
    canonical.iter().copied().find(|c| *c == normalized)
}

/// The unambiguous mode another vocabulary's value means (the safe fixes).
fn fix_target(connection_type: ConnectionType, lower: &str) -> Option<&'static str> {
    Some(match (connection_type, lower) {
        (ConnectionType::Postgres, "disabled") => "disable",
        (ConnectionType::Postgres, "verify_identity" | "verify-identity") => "verify_full",
        (ConnectionType::MySql, "disable") => "disabled",
        (ConnectionType::MySql, "verify_full" | "verify-full") => "verify_identity",
        (ConnectionType::SqlServer, "disable") => "disabled",
        (ConnectionType::SqlServer, "require") => "required",
        _ => return None,
    })
}

fn accepted_help(connection_type: ConnectionType) -> String {
    let accepted = options::canonical_ssl_modes(connection_type).join(", ");
    match connection_type {
        ConnectionType::Postgres => format!(
            "accepted: {accepted}; prefer and allow are not supported because they fall back to plaintext"
        ),
        ConnectionType::MySql => format!(
            "accepted: {accepted}; preferred is not supported because it falls back to plaintext"
        ),
        _ => format!("accepted: {accepted}"),
    }
}

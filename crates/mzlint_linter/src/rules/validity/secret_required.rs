use super::values_common::{article, connection_options, redacted_kind};
use crate::prelude::*;

declare_rule! {
/// ## What it does
///
/// Reports any value other than `SECRET <name>` — a string literal of any kind, an identifier, a
/// number, a hex string, or no value at all — for the options that take only a secret: PASSWORD
/// (every connection type), SASL PASSWORD, SSL KEY and SECRET ACCESS KEY, in `CREATE CONNECTION`
/// (both forms) and `ALTER CONNECTION … SET`.
///
/// Options that accept either a string or a secret (USER, SASL USERNAME, SSL CERTIFICATE, SSL
/// CERTIFICATE AUTHORITY, ACCESS KEY ID, SESSION TOKEN, CREDENTIAL) are not reported.
///
/// The message names the option and the kind of value only — `SASL PASSWORD must be a SECRET
/// reference, not a string literal (redacted)`; without a value, `PASSWORD requires a value:
/// SECRET <secret_name>`. It never contains the value: the span (the value) is shown as
/// `'********'`.
///
/// ## Why is this bad?
///
/// Materialize rejects it (`invalid SASL PASSWORD: must provide a secret value`), and the
/// credential has already been committed to version control.
///
/// ## Example
///
/// ```sql
/// CREATE CONNECTION kafka TO KAFKA (BROKER 'b1.internal:9092', SASL MECHANISMS = 'PLAIN', SASL USERNAME = 'mz', SASL PASSWORD = 'not-a-real-password');
/// ```
///
/// Use instead:
///
/// ```sql
/// CREATE CONNECTION kafka TO KAFKA (BROKER 'b1.internal:9092', SASL MECHANISMS = 'PLAIN', SASL USERNAME = 'mz', SASL PASSWORD = SECRET kafka_pw);
/// ```
///
/// ## Fix
///
/// None: any edit would display the removed value. Store the value with `CREATE SECRET` outside
/// version control, reference it with `SECRET <name>`, and rotate the leaked credential.
    pub(crate) static RULE = {
        code: "MZ105",
        name: "secret-required",
        severity: Error,
        scope: Statement,
        fix: None,
        fix_summary: "none",
        summary: "Literal where only `SECRET <name>` is accepted",
        check: Statement(check),
    }
}

/// The options that take only `SECRET <name>`.
const SECRET_ONLY: &[OptionName] = &[
    OptionName::Password,
    OptionName::SaslPassword,
    OptionName::SslKey,
    OptionName::SecretAccessKey,
];

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    for conn in connection_options(ctx) {
        let Some(name) = conn.name.as_ref().filter(|n| SECRET_ONLY.contains(n)) else {
            continue;
        };
        let help = format!(
            "store the value with CREATE SECRET, outside version control, and write {name} = SECRET <secret_name>"
        );
        let diagnostic = match &conn.option.value {
            Some(Value::Secret { name: Some(_), .. }) => continue,
            // `<password>` or a psql variable: what will be filled in is
            // unknown (MZ706 reports unfilled placeholders).
            Some(Value::Placeholder(_)) => continue,
            // No value, or a bare `SECRET` with no name.
            None | Some(Value::Secret { name: None, .. }) => ctx
                .diagnostic(
                    &RULE,
                    conn.option.span,
                    format!("{name} requires a value: SECRET <secret_name>"),
                )
                .with_help(help),
            Some(value) => {
                let kind = match value {
                    Value::Redacted { kind, .. } => redacted_kind(kind),
                    other => redacted_kind(other.kind_description()),
                };
                ctx.diagnostic(
                    &RULE,
                    value.span(),
                    format!(
                        "{name} must be a SECRET reference, not {} {kind} (redacted)",
                        article(kind)
                    ),
                )
                .with_help(help)
            }
        };
        out.push(diagnostic);
    }
}

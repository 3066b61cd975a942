use crate::prelude::*;

declare_rule! {
/// * **Detects** any value other than `SECRET <name>` (string literal of any kind, identifier, number, hex
///   string, or no value) for PASSWORD (every type), SASL PASSWORD, SSL KEY or SECRET ACCESS KEY, in
///   `CREATE CONNECTION` and `ALTER CONNECTION … SET`.
/// * **Not** on options accepting either form (USER, SASL USERNAME, SSL CERTIFICATE, SSL CERTIFICATE
///   AUTHORITY, ACCESS KEY ID, SESSION TOKEN, CREDENTIAL).
/// * **Message** (span: the value, shown as `'********'`): `SASL PASSWORD must be a SECRET reference, not a
///   string literal (redacted)` — help: `store the value with CREATE SECRET, outside version control, and
///   write SASL PASSWORD = SECRET <secret_name>`. No value: `PASSWORD requires a value: SECRET
///   <secret_name>`. **Never contains the literal** (§2; tested).
/// * **Why**: `invalid SASL PASSWORD: must provide a secret value` (`test/testdrive/connection-create-drop.td`),
///   and the credential is already committed.
/// * **Fix**: none — any edit would display the removed value.
/// * **Bad** `CREATE CONNECTION kafka TO KAFKA (BROKER 'b1.internal:9092', SASL MECHANISMS = 'PLAIN', SASL USERNAME = 'mz', SASL PASSWORD = 'not-a-real-password');`
/// * **Good** `CREATE CONNECTION kafka TO KAFKA (BROKER 'b1.internal:9092', SASL MECHANISMS = 'PLAIN', SASL USERNAME = 'mz', SASL PASSWORD = SECRET kafka_pw);`
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

fn check(_ctx: &StatementContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

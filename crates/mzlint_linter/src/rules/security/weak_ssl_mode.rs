use crate::prelude::*;

declare_rule! {
/// * **Detects**, on a public route, an SSL MODE (CREATE, or ALTER SET) whose value after folding is:
///   *TLS off* — POSTGRES `disable`, MYSQL and SQL SERVER `disabled`; *no server verification* — POSTGRES
///   `require`/`required`, MYSQL `required`/`require`, SQL SERVER `required` (trusts any certificate).
/// * **Not** on private routes, verifying modes (`verify_ca`, `verify_full`, `verify_identity`,
///   `verify`), invalid values (MZ104), or a placeholder SSL MODE value. A placeholder HOST does not
///   exempt the connection.
/// * **Message** (span: the SSL MODE option): ``SSL MODE 'required' on connection `shop` encrypts but does
///   not verify the server at public host 'shop.c1x2y3z4w5v6.us-east-1.rds.amazonaws.com'; a
///   man-in-the-middle can impersonate it`` — help: `use SSL MODE 'verify_identity' with SSL CERTIFICATE
///   AUTHORITY SECRET <ca>`. TLS-off form: ``SSL MODE 'disable' turns TLS off for connection `pg` to public
///   host '…'``.
/// * **Why**: `require` authenticates nothing, yet documentation examples use it and get copied;
///   verifying modes need the CA when it is not in the system store (`test/pg-cdc/pg-cdc-ssl.td`;
///   `create_connection.yml`).
/// * **Bad** `CREATE CONNECTION shop TO MYSQL (HOST 'shop.c1x2y3z4w5v6.us-east-1.rds.amazonaws.com', USER 'mz', PASSWORD SECRET my_pw, SSL MODE 'required');`
/// * **Good** `CREATE CONNECTION shop TO MYSQL (HOST 'shop.c1x2y3z4w5v6.us-east-1.rds.amazonaws.com', USER 'mz', PASSWORD SECRET my_pw, SSL MODE 'verify_identity', SSL CERTIFICATE AUTHORITY SECRET rds_ca);`
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

fn check(_ctx: &StatementContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

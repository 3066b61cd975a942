use crate::prelude::*;

declare_rule! {
/// * **Detects** `CREATE CONNECTION … TO POSTGRES | MYSQL | SQL SERVER` without SSL MODE, and
///   `ALTER CONNECTION … RESET|DROP (SSL MODE)` on such a connection without a `SET (SSL MODE …)` in the
///   same statement. The default is `disable` (POSTGRES) or `disabled` (MYSQL, SQL SERVER): no TLS.
/// * **Not** on other types (Kafka: MZ204) or when SSL MODE has any value (MZ201, MZ104 judge it).
/// * **Message** (span: the connection's name span; ALTER: the action): ``connection `pg` to POSTGRES
///   sets no SSL MODE, so it defaults to 'disable' (plaintext)`` — help: `add SSL MODE 'verify_full', with
///   SSL CERTIFICATE AUTHORITY SECRET <ca> when the server's CA is not publicly trusted (Amazon RDS);
///   'require' encrypts without verifying the server`. MYSQL/SQL SERVER: default `'disabled'`, verifying
///   mode `'verify_identity'` / `'verify'`. As info, a note gives the reason: ``reported as info: the
///   connection uses SSH TUNNEL `bastion` `` (or AWS PRIVATELINK, or `host 'pg.internal' matches
///   security.private-hosts`).
/// * **Why**: all traffic, authentication included, is unencrypted; the documented default is
///   `disable`/`disabled` (`doc/user/data/examples/create_connection.yml`).
/// * **Fix (unsafe)** "Add SSL MODE 'require'": insert `, SSL MODE 'require'` (POSTGRES) or
///   `, SSL MODE 'required'` (MYSQL, SQL SERVER) after the last option. Unsafe: a server without TLS then
///   refuses the connection. None for ALTER.
/// * **Bad** `CREATE CONNECTION pg TO POSTGRES (HOST 'orders.c1x2y3z4w5v6.eu-west-1.rds.amazonaws.com', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw);`
/// * **Good** `CREATE CONNECTION pg TO POSTGRES (HOST 'orders.c1x2y3z4w5v6.eu-west-1.rds.amazonaws.com', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'verify_full', SSL CERTIFICATE AUTHORITY SECRET rds_ca);`
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

fn check(_ctx: &StatementContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

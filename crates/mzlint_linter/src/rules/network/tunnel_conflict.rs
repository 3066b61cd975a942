use crate::prelude::*;

declare_rule! {
/// * **Detects** (1) SSH TUNNEL and connection-level AWS PRIVATELINK on one POSTGRES, MYSQL, SQL SERVER,
///   CSR or KAFKA connection (`cannot specify both SSH TUNNEL and AWS PRIVATELINK`); (2) `AWS PRIVATELINK
///   <name> (PORT n)` on a non-KAFKA connection (`POSTGRES does not support PORT for AWS PRIVATELINK`).
/// * **Not** on Kafka per-broker `USING` clauses or Kafka connection-level `AWS PRIVATELINK … (PORT n)`.
/// * **Message** (span: the option written second; case 2, the `(PORT n)` group): `cannot specify both SSH
///   TUNNEL and AWS PRIVATELINK` — help: `choose one network path`. Case 2 help: `write PORT 5433 as a
///   separate connection option`.
/// * **Why**: rejected at plan time (`test/cloudtest/test_privatelink_connection.py`; `connection.rs`).
/// * **Fix**: case 2 (*safe*) when there is no top-level PORT or it has the same number: remove `(PORT n)`
///   and, if missing, insert `, PORT n` after the AWS PRIVATELINK option. Case 1: none.
/// * **Bad** `CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require', AWS PRIVATELINK pl, SSH TUNNEL bastion);`
/// * **Good** `CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require', AWS PRIVATELINK pl);`
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

fn check(_ctx: &StatementContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

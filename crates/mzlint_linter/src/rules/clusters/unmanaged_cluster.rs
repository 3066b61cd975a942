use crate::prelude::*;

declare_rule! {
/// * **Detects** `CREATE CLUSTER` with `MANAGED = false` or `REPLICAS (…)`; `ALTER CLUSTER … SET (MANAGED =
///   false)`; `CREATE CLUSTER REPLICA`. **Not** on `DROP CLUSTER REPLICA` or managed clusters.
/// * **Message** (span: the MANAGED or REPLICAS option, or the statement head): ``cluster `ingest` is
///   unmanaged: its replicas are created and sized by hand`` — help: `use a managed cluster (SIZE =
///   'M.1-small', REPLICATION FACTOR = 1); CREATE CLUSTER REPLICA is deprecated`.
/// * **Why**: the docs recommend managed clusters; `MANAGED = FALSE` "enables the use of the deprecated
///   CREATE CLUSTER REPLICA command" (https://materialize.com/docs/sql/create-cluster).
/// * **Bad** `CREATE CLUSTER ingest REPLICAS (r1 (SIZE = 'M.1-small'));`
/// * **Good** `CREATE CLUSTER ingest (SIZE = 'M.1-small', REPLICATION FACTOR = 1);`
    pub(crate) static RULE = {
        code: "MZ605",
        name: "unmanaged-cluster",
        severity: Info,
        scope: Statement,
        fix: None,
        fix_summary: "none",
        summary: "Unmanaged cluster or manual replica",
        check: Statement(check),
    }
}

fn check(_ctx: &StatementContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

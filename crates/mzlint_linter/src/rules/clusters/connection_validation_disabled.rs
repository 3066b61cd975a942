use crate::prelude::*;

declare_rule! {
/// * **Detects** `WITH (VALIDATE = false)` (or `VALIDATE false`) on CREATE or ALTER CONNECTION of a type
///   validated by default: KAFKA, CONFLUENT SCHEMA REGISTRY, POSTGRES, MYSQL, SQL SERVER.
/// * **Not** on AWS, SSH TUNNEL, AWS PRIVATELINK, ICEBERG CATALOG, or `VALIDATE = true`.
/// * **Message** (span: the VALIDATE option): ``connection `pg` is created with VALIDATE = false: a wrong
///   host, port or credential surfaces only when a source uses it`` — help: `remove the WITH clause, or
///   suppress this with a reason when validation cannot reach the server`.
/// * **Why**: these types validate by default; disabling defers errors to source creation or runtime
///   (MaterializeInc/agent-skills `skills/materialize-docs/sql/create-connection/index.md`).
/// * **Bad** `CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require') WITH (VALIDATE = false);`
/// * **Good** `CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');`
    pub(crate) static RULE = {
        code: "MZ604",
        name: "connection-validation-disabled",
        severity: Info,
        scope: Statement,
        fix: None,
        fix_summary: "none",
        summary: "`VALIDATE = false` on a connection validated by default",
        check: Statement(check),
    }
}

fn check(_ctx: &StatementContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

use crate::prelude::*;

declare_rule! {
/// ## What it does
///
/// Reports unmanaged clusters and manual replicas: `CREATE CLUSTER` with
/// `MANAGED = false` or `REPLICAS (…)`, `ALTER CLUSTER … SET (MANAGED =
/// false)`, and `CREATE CLUSTER REPLICA`. One report per statement, even
/// with both `MANAGED = false` and `REPLICAS`. Not on `DROP CLUSTER REPLICA`
/// or managed clusters (`REPLICAS` with `MANAGED = true` is rejected: MZ100).
///
/// Message (on the MANAGED or REPLICAS option, or the statement head):
/// ``cluster `ingest` is unmanaged: its replicas are created and sized by
/// hand``.
///
/// ## Why is this bad?
///
/// The documentation recommends managed clusters; `MANAGED = FALSE`
/// "enables the use of the deprecated CREATE CLUSTER REPLICA command"
/// (https://materialize.com/docs/sql/create-cluster). Hand-made replicas
/// drift from each other and are not resized or rescheduled by Materialize.
///
/// ## Example
///
/// ```sql
/// CREATE CLUSTER ingest REPLICAS (r1 (SIZE = 'M.1-small'));
/// ```
///
/// Use instead:
///
/// ```sql
/// CREATE CLUSTER ingest (SIZE = 'M.1-small', REPLICATION FACTOR = 1);
/// ```
///
/// ## Fix
///
/// None.
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

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    let (cluster, span) = match &ctx.statement.kind {
        StatementKind::CreateCluster(create) => {
            let managed = create.options.get(OptionName::Managed);
            let span = match managed.map(|o| (o, managed_value(o))) {
                Some((option, Some(false))) => option.span,
                // MANAGED = true with REPLICAS is MZ100's.
                Some((_, Some(true))) => return,
                _ => match create.options.get(OptionName::Replicas) {
                    Some(replicas) => replicas.span,
                    None => return,
                },
            };
            (&create.name, span)
        }
        StatementKind::AlterCluster(AlterCluster {
            name,
            action: AlterClusterAction::Set { options, .. },
            ..
        }) => {
            let Some(option) = options
                .all(OptionName::Managed)
                .find(|o| managed_value(o) == Some(false))
            else {
                return;
            };
            (name, option.span)
        }
        StatementKind::CreateClusterReplica(replica) => (
            &replica.cluster,
            Span::new(ctx.statement.span.start, replica.replica.span.end),
        ),
        _ => return,
    };
    let name = ctx.text(cluster.span);
    out.push(
        ctx.diagnostic(
            &RULE,
            span,
            format!("cluster `{name}` is unmanaged: its replicas are created and sized by hand"),
        )
        .with_help(
            "use a managed cluster (SIZE = 'M.1-small', REPLICATION FACTOR = 1); CREATE CLUSTER REPLICA is deprecated",
        ),
    );
}

/// `MANAGED`, `MANAGED = true|false`; `None` for other values (MZ106).
fn managed_value(option: &SqlOption) -> Option<bool> {
    match &option.value {
        None => Some(true),
        Some(Value::Bool { value, .. }) => Some(*value),
        _ => None,
    }
}

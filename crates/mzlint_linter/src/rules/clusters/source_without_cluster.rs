use crate::prelude::*;
use crate::rules::legacy::common::{insert_in_cluster, name_as_written};

declare_rule! {
/// ## What it does
///
/// Reports a `CREATE SOURCE` (any kind, webhooks included) without
/// `IN CLUSTER`. Not reported after a `SET cluster = …` earlier in the same
/// file, nor on `CREATE TABLE … FROM SOURCE`, which runs on its source's
/// cluster.
///
/// Message (on the source name): ``source `src` has no IN CLUSTER, so it is
/// created in whatever cluster the session uses``.
///
/// ## Why is this bad?
///
/// "If omitted, the source is created in the current cluster"
/// (`doc/user/data/examples/ingest_data/postgres/create_source_cloud.yml`):
/// where the source lands depends on who runs the script. Production
/// guidance is a cluster dedicated to ingestion (MaterializeInc/agent-skills
/// `skills/materialize-docs/manage/operational-guidelines/index.md`).
///
/// ## Example
///
/// ```sql
/// CREATE SOURCE src FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders);
/// ```
///
/// Use instead:
///
/// ```sql
/// CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders);
/// ```
///
/// ## Fix (safe, when configured)
///
/// With `clusters.default-ingest-cluster` set, inserts
/// ` IN CLUSTER <default-ingest-cluster>` after the name (after the column
/// list, if any), quoting the cluster name if needed. Without the setting
/// there is no fix: which cluster is right cannot be guessed.
    pub(crate) static RULE = {
        code: "MZ600",
        name: "source-without-cluster",
        severity: Warning,
        scope: Statement,
        fix: Safe,
        fix_summary: "safe (when configured)",
        summary: "CREATE SOURCE without IN CLUSTER",
        check: Statement(check),
    }
}

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    let StatementKind::CreateSource(source) = &ctx.statement.kind else {
        return;
    };
    if source.in_cluster.is_some() {
        return;
    }
    let session_cluster = ctx
        .project()
        .scope(ctx.location())
        .and_then(|scope| scope.cluster.as_ref());
    if session_cluster.is_some() {
        return;
    }
    let name = name_as_written(ctx.source(), &source.name);
    let fix = insert_in_cluster(ctx, source).map(|edit| {
        let title = format!("Add{}", edit.content);
        Fix::safe(title, vec![edit])
    });
    out.push(
        ctx.diagnostic(
            &RULE,
            source.name.span,
            format!(
                "source `{name}` has no IN CLUSTER, so it is created in whatever cluster the session uses"
            ),
        )
        .with_help(
            "add IN CLUSTER <cluster> after the name; use a cluster dedicated to ingestion",
        )
        .with_fix_opt(fix),
    );
}

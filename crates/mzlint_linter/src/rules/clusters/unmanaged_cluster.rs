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

#[cfg(test)]
mod tests {
    use crate::rules::legacy::test_util::*;

    const BAD: &str = "CREATE CLUSTER ingest REPLICAS (r1 (SIZE = 'M.1-small'));";
    const GOOD: &str = "CREATE CLUSTER ingest (SIZE = 'M.1-small', REPLICATION FACTOR = 1);";
    const MESSAGE: &str =
        "cluster `ingest` is unmanaged: its replicas are created and sized by hand";

    #[test]
    fn bad_example() {
        assert_bad_example(BAD, None, "MZ605", MESSAGE, "REPLICAS (r1 (SIZE = 'M.1-small'))", "use a managed cluster (SIZE = 'M.1-small', REPLICATION FACTOR = 1); CREATE CLUSTER REPLICA is deprecated");
        insta::assert_snapshot!(render(BAD, None));
    }

    #[test]
    fn good_example() {
        assert_clean(GOOD, None);
    }

    #[test]
    fn one_report_per_statement() {
        let sql = "CREATE CLUSTER ingest (MANAGED = false, REPLICAS (r1 (SIZE = 'M.1-small')));";
        assert_one(sql, "MZ605", MESSAGE, "MANAGED = false", None);
    }

    #[test]
    fn alter_and_replicas() {
        assert_one(
            "ALTER CLUSTER ingest SET (MANAGED = false);",
            "MZ605",
            MESSAGE,
            "MANAGED = false",
            None,
        );
        assert_one(
            "CREATE CLUSTER REPLICA ingest.r2 SIZE = 'M.1-small';",
            "MZ605",
            MESSAGE,
            "CREATE CLUSTER REPLICA ingest.r2",
            None,
        );
        assert_none("DROP CLUSTER REPLICA ingest.r2;", "MZ605", None);
        assert_none("ALTER CLUSTER ingest SET (MANAGED = true);", "MZ605", None);
        assert_none(
            "CREATE CLUSTER c (MANAGED, SIZE = 'M.1-small');",
            "MZ605",
            None,
        );
        // REPLICAS with MANAGED = true is MZ100's.
        assert_none(
            "CREATE CLUSTER c (MANAGED = true, REPLICAS (r1 (SIZE = 'M.1-small')));",
            "MZ605",
            None,
        );
    }

    #[test]
    fn case_comments_names_and_positions() {
        let sql = "-- Größe\r\ncreate cluster \"Manual\" (managed /* by hand */ = false,\r\n  replicas (r1 (size = 'M.1-small')));\r\n";
        assert_eq!(
            of(sql, "MZ605", None),
            vec![(
                "cluster `\"Manual\"` is unmanaged: its replicas are created and sized by hand"
                    .to_string(),
                "managed /* by hand */ = false".to_string()
            )]
        );
    }

    #[test]
    fn suppression_silences_it() {
        assert_clean(
            &format!("{BAD} -- mzlint: ignore[MZ605] pinned replica"),
            None,
        );
    }
}

use crate::prelude::*;
use crate::rules::clusters::shared_source_cluster::{placements, Hosted};

declare_rule! {
/// * **Detects** `REPLICATION FACTOR = 0` (CREATE or ALTER CLUSTER) or `REPLICAS ()` for a cluster hosting
///   a source or sink anywhere in the project; each such statement.
/// * **Message** (span: the option; note at a hosted source): ``cluster `ingest` gets REPLICATION FACTOR 0
///   but hosts source `src`: ingestion stops and the upstream replication slot keeps growing`` — help:
///   `keep REPLICATION FACTOR 1 or more on clusters with sources or sinks`.
/// * **Why**: with factor 0 "sources, and sinks on the cluster will cease to make progress" (create-cluster
///   docs); a stalled Postgres source retains WAL upstream (`doc/user/content/sql/create-source/postgres.md`).
/// * **Bad** `ALTER CLUSTER ingest SET (REPLICATION FACTOR = 0);` in a project with `CREATE SOURCE src IN CLUSTER ingest …`
/// * **Good** `ALTER CLUSTER ingest SET (REPLICATION FACTOR = 1);`
    pub(crate) static RULE = {
        code: "MZ603",
        name: "paused-source-cluster",
        severity: Warning,
        scope: Project,
        fix: None,
        fix_summary: "none",
        summary: "REPLICATION FACTOR 0 on a cluster with sources or sinks",
        check: Project(check),
    }
}

fn check(ctx: &ProjectContext<'_>, out: &mut Vec<Diagnostic>) {
    let placements = placements(ctx);
    for file in ctx.files {
        if file.kind.is_upstream() || !ctx.in_focus(file.id) {
            continue;
        }
        for statement in &file.parsed.statements {
            let (cluster, options) = match &statement.kind {
                StatementKind::CreateCluster(c) => (&c.name, &c.options),
                StatementKind::AlterCluster(AlterCluster {
                    name,
                    action: AlterClusterAction::Set { options, .. },
                    ..
                }) => (name, options),
                _ => continue,
            };
            for option in &options.options {
                let paused = match (&option.name, &option.value) {
                    (OptionName::ReplicationFactor, Some(Value::Number { text, .. })) => text
                        .parse::<f64>()
                        .is_ok_and(|n| n == 0.0)
                        .then_some("REPLICATION FACTOR 0"),
                    (OptionName::Replicas, Some(Value::Replicas { replicas, .. }))
                        if replicas.is_empty() =>
                    {
                        Some("no replicas (REPLICAS ())")
                    }
                    (OptionName::Replicas, Some(Value::List { items, .. })) if items.is_empty() => {
                        Some("no replicas (REPLICAS ())")
                    }
                    _ => None,
                };
                let Some(what) = paused else { continue };
                let Some(hosted) = placements.iter().find(|p| {
                    p.cluster == cluster.value && matches!(p.kind, Hosted::Source | Hosted::Sink)
                }) else {
                    continue;
                };
                out.push(
                    Diagnostic::new(
                        &RULE,
                        file.id,
                        option.span,
                        format!(
                            "cluster `{}` gets {what} but hosts {} `{}`: ingestion stops and the upstream replication slot keeps growing",
                            cluster.value,
                            hosted.kind.noun(),
                            hosted.name
                        ),
                    )
                    .with_help("keep REPLICATION FACTOR 1 or more on clusters with sources or sinks")
                    .with_related(
                        hosted.location.file,
                        hosted.name_span,
                        format!("{} `{}` runs on cluster `{}`", hosted.kind.noun(), hosted.name, hosted.cluster),
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing_support::lint_project_codes;

    #[test]
    fn bad_example() {
        let found = lint_project_codes(
            &[
                ("a.sql", "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub');"),
                ("b.sql", "ALTER CLUSTER ingest SET (REPLICATION FACTOR = 0);"),
            ],
            "MZ603",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].1,
            "cluster `ingest` gets REPLICATION FACTOR 0 but hosts source `src`: ingestion stops and the upstream replication slot keeps growing"
        );
        assert_eq!(found[0].2, "REPLICATION FACTOR = 0");
    }

    #[test]
    fn good_example_and_clusters_without_sources() {
        let found = lint_project_codes(
            &[
                ("a.sql", "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub');"),
                ("b.sql", "ALTER CLUSTER ingest SET (REPLICATION FACTOR = 1);\nALTER CLUSTER compute SET (REPLICATION FACTOR = 0);"),
            ],
            "MZ603",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn empty_replicas_on_create() {
        let found = lint_project_codes(
            &[("a.sql", "CREATE CLUSTER ingest (MANAGED = false, REPLICAS ());\nCREATE SINK s IN CLUSTER ingest FROM t INTO KAFKA CONNECTION k (TOPIC 'x') FORMAT JSON ENVELOPE DEBEZIUM;")],
            "MZ603",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].1.contains("hosts sink `s`"), "{}", found[0].1);
    }
}

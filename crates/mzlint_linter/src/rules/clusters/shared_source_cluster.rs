use crate::prelude::*;
use crate::project::Location;

declare_rule! {
/// * **Detects** a source whose cluster is in `clusters.shared-clusters`, or also hosts a materialized
///   view, index or sink anywhere in the project; once per source.
/// * **Not** when the cluster is unknown, or for other sources (sources may share an ingestion cluster).
/// * **Message** (span: the source's `IN CLUSTER`; notes at up to 3 co-located objects): ``source `src`
///   shares cluster `app` with materialized view `order_totals` `` — help: `run sources on a dedicated
///   ingestion cluster; compute and queries on the same cluster compete with ingestion for memory and CPU`.
///   Other forms: ``… shares cluster `app` with sink `orders_sink` ``; ``source `src` runs on the shared
///   cluster `quickstart` ``.
/// * **Why**: "use a dedicated cluster for sources … avoid putting sources on the same cluster that hosts
///   compute objects, sinks, and/or serves queries" (operational guidelines, above).
/// * **Bad**
///   ```sql
///   CREATE SOURCE src IN CLUSTER app FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders);
///   CREATE MATERIALIZED VIEW order_totals IN CLUSTER app AS SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id;
///   ```
/// * **Good**
///   ```sql
///   CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders);
///   CREATE MATERIALIZED VIEW order_totals IN CLUSTER transform AS SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id;
///   ```
    pub(crate) static RULE = {
        code: "MZ601",
        name: "shared-source-cluster",
        severity: Warning,
        scope: Project,
        fix: None,
        fix_summary: "none",
        summary: "Source shares its cluster with compute, sinks or queries",
        check: Project(check),
    }
}

/// What runs on a cluster: sources, and the compute objects and sinks that
/// compete with them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Hosted {
    Source,
    MaterializedView,
    Index,
    Sink,
}

impl Hosted {
    pub(crate) fn noun(self) -> &'static str {
        match self {
            Hosted::Source => "source",
            Hosted::MaterializedView => "materialized view",
            Hosted::Index => "index",
            Hosted::Sink => "sink",
        }
    }
}

/// One object placed on a cluster.
pub(crate) struct Placement {
    pub kind: Hosted,
    pub cluster: String,
    pub location: Location,
    /// The object's name as written (indexes may be unnamed).
    pub name: String,
    pub name_span: Span,
    /// The `IN CLUSTER` clause, when the cluster was not set by `SET cluster`.
    pub in_cluster_span: Option<Span>,
}

/// Every source, materialized view, index and sink of the run with its
/// cluster (its `IN CLUSTER`, else the file's latest `SET cluster`).
pub(crate) fn placements(ctx: &ProjectContext<'_>) -> Vec<Placement> {
    let mut out = Vec::new();
    for file in ctx.files {
        if file.kind.is_upstream() {
            continue;
        }
        for (index, statement) in file.parsed.statements.iter().enumerate() {
            let location = Location {
                file: file.id,
                statement: index,
            };
            let (kind, name, in_cluster) = match &statement.kind {
                StatementKind::CreateSource(s) => {
                    (Hosted::Source, Some(&s.name), s.in_cluster.as_ref())
                }
                StatementKind::Shallow(s) => {
                    let kind = match s.object_type {
                        ObjectType::MaterializedView => Hosted::MaterializedView,
                        ObjectType::Index => Hosted::Index,
                        ObjectType::Sink => Hosted::Sink,
                        _ => continue,
                    };
                    (kind, s.name.as_ref(), s.in_cluster.as_ref())
                }
                _ => continue,
            };
            let cluster = match in_cluster.map(|c| &c.cluster) {
                Some(ClusterRef::Name(ident)) => Some(ident.value.clone()),
                Some(ClusterRef::Id { .. }) => None,
                None => ctx.project.scope(location).and_then(|s| s.cluster.clone()),
            };
            let Some(cluster) = cluster else { continue };
            let name_span = name.map_or(statement.span, |n| n.span);
            out.push(Placement {
                kind,
                cluster,
                location,
                name: file.text.get(name_span.range()).unwrap_or("").to_string(),
                name_span,
                in_cluster_span: in_cluster.map(|c| c.span),
            });
        }
    }
    out
}

fn check(ctx: &ProjectContext<'_>, out: &mut Vec<Diagnostic>) {
    let placements = placements(ctx);
    let mut by_cluster: std::collections::HashMap<&str, Vec<&Placement>> = Default::default();
    for placement in placements.iter().filter(|p| p.kind != Hosted::Source) {
        by_cluster
            .entry(placement.cluster.as_str())
            .or_default()
            .push(placement);
    }
    for source in placements
        .iter()
        .filter(|p| p.kind == Hosted::Source && ctx.in_focus(p.location.file))
    {
        let settings = ctx.settings_of(source.location.file);
        let span = source.in_cluster_span.unwrap_or(source.name_span);
        let help = "run sources on a dedicated ingestion cluster; compute and queries on the same cluster compete with ingestion for memory and CPU";
        if settings
            .clusters
            .shared_clusters
            .iter()
            .any(|c| c == &source.cluster)
        {
            out.push(
                Diagnostic::new(
                    &RULE,
                    source.location.file,
                    span,
                    format!(
                        "source `{}` runs on the shared cluster `{}`",
                        source.name, source.cluster
                    ),
                )
                .with_help(help),
            );
            continue;
        }
        let neighbours: &[&Placement] = by_cluster
            .get(source.cluster.as_str())
            .map_or(&[], |v| v.as_slice());
        let Some(first) = neighbours.first() else {
            continue;
        };
        let mut diagnostic = Diagnostic::new(
            &RULE,
            source.location.file,
            span,
            format!(
                "source `{}` shares cluster `{}` with {} `{}`",
                source.name,
                source.cluster,
                first.kind.noun(),
                first.name
            ),
        )
        .with_help(help);
        for neighbour in neighbours.iter().take(3) {
            diagnostic = diagnostic.with_related(
                neighbour.location.file,
                neighbour.name_span,
                format!(
                    "{} `{}` runs on cluster `{}`",
                    neighbour.kind.noun(),
                    neighbour.name,
                    neighbour.cluster
                ),
            );
        }
        out.push(diagnostic);
    }
}

#[cfg(test)]
mod tests {
    use crate::testing_support::lint_project_codes;

    #[test]
    fn bad_example() {
        let sql = "CREATE SOURCE src IN CLUSTER app FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders);\n\
                   CREATE MATERIALIZED VIEW order_totals IN CLUSTER app AS SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id;\n";
        let found = lint_project_codes(&[("a.sql", sql)], "MZ601");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].1,
            "source `src` shares cluster `app` with materialized view `order_totals`"
        );
        assert_eq!(found[0].2, "IN CLUSTER app");
    }

    #[test]
    fn good_example() {
        let sql = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders);\n\
                   CREATE MATERIALIZED VIEW order_totals IN CLUSTER transform AS SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id;\n";
        assert!(lint_project_codes(&[("a.sql", sql)], "MZ601").is_empty());
    }

    #[test]
    fn shared_cluster_and_set_cluster_across_files() {
        let found = lint_project_codes(
            &[(
                "a.sql",
                "CREATE SOURCE src IN CLUSTER quickstart FROM LOAD GENERATOR COUNTER;",
            )],
            "MZ601",
        );
        assert_eq!(
            found[0].1,
            "source `src` runs on the shared cluster `quickstart`"
        );
        let found = lint_project_codes(
            &[
                ("a.sql", "SET cluster = app;\nCREATE SOURCE src FROM LOAD GENERATOR COUNTER;"),
                ("b.sql", "CREATE INDEX idx IN CLUSTER app ON t (a);\nCREATE SINK s IN CLUSTER app FROM t INTO KAFKA CONNECTION k (TOPIC 't') FORMAT JSON ENVELOPE DEBEZIUM;"),
            ],
            "MZ601",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].1,
            "source `src` shares cluster `app` with index `idx`"
        );
        assert_eq!(found[0].2, "src");
    }

    #[test]
    fn sources_may_share_an_ingestion_cluster() {
        let sql = "CREATE SOURCE a IN CLUSTER ingest FROM LOAD GENERATOR COUNTER;\nCREATE SOURCE b IN CLUSTER ingest FROM LOAD GENERATOR COUNTER;";
        assert!(lint_project_codes(&[("a.sql", sql)], "MZ601").is_empty());
    }
}

use mzlint_syntax::TokenKind;

use super::common::{collapsed_text, insert_in_cluster, name_as_written, removed_option_deletion};
use crate::prelude::*;

declare_rule! {
/// ## What it does
///
/// Reports `SIZE` in the `WITH (…)` of `CREATE SOURCE` or `CREATE SINK`, and
/// in `ALTER SOURCE|SINK … SET (…)` / `RESET (…)`. The parser recognises the
/// option and recovers, so this is reported instead of a bare syntax error.
///
/// Message (on the SIZE option): ``SIZE on sources was removed: source `src`
/// runs on the cluster named by IN CLUSTER``.
///
/// ## Why is this bad?
///
/// Source and sink sizes were replaced by clusters, then removed. Current
/// Materialize answers `Expected one of TIMESTAMP or RETAIN, found SIZE`
/// (MaterializeInc/terraform-provider-materialize#437; PR 24099). The form is
/// still common in examples (`MaterializeInc/demos`).
///
/// ## Example
///
/// ```sql
/// CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders) WITH (SIZE = '3xsmall');
/// ```
///
/// Use instead:
///
/// ```sql
/// CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders);
/// ```
///
/// and size the cluster (`CREATE CLUSTER ingest (SIZE = 'M.1-small')`).
///
/// ## Fix (unsafe)
///
/// Deletes SIZE, and the `WITH (…)` it leaves empty. On a `CREATE SOURCE`
/// without `IN CLUSTER`, when `clusters.default-ingest-cluster` is set, also
/// inserts `IN CLUSTER <default-ingest-cluster>` as MZ600 does. Capacity and
/// placement change, hence unsafe. An `ALTER … SET (SIZE …)` with nothing
/// else gets no fix: the statement itself has to go.
    pub(crate) static RULE = {
        code: "MZ700",
        name: "removed-source-size",
        severity: Error,
        scope: Statement,
        fix: Unsafe,
        fix_summary: "unsafe",
        summary: "SIZE on a source or sink (removed)",
        check: Statement(check),
    }
}

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    let source = ctx.source();
    for removed in &ctx.statement.removed {
        if removed.form != RemovedForm::SourceSize {
            continue;
        }
        let (noun, name, cluster) = owner(ctx);
        let subject = match &name {
            Some(name) => format!("{noun} `{name}`"),
            None => format!("the {noun}"),
        };
        let size = collapsed_text(&ctx.file.file.parsed.tokens, source, removed.span);
        let cluster = cluster.unwrap_or_else(|| "<cluster>".to_string());
        let mut diagnostic = ctx
            .diagnostic(
                &RULE,
                removed.span,
                format!(
                    "SIZE on {noun}s was removed: {subject} runs on the cluster named by IN CLUSTER"
                ),
            )
            .with_help(format!(
                "remove {size} and size the cluster instead (CREATE CLUSTER {cluster} (SIZE = 'M.1-small'))"
            ));
        if let Some(deletion) = removed_option_deletion(ctx, removed.span) {
            let mut edits = vec![deletion];
            let mut title = "Remove SIZE".to_string();
            if let Some(insertion) = cluster_insertion(ctx) {
                title = format!("Remove SIZE and add{}", insertion.content);
                edits.push(insertion);
            }
            diagnostic = diagnostic.with_fix(Fix::unsafe_(title, edits));
        }
        out.push(diagnostic);
    }
}

/// `IN CLUSTER <default-ingest-cluster>` for a `CREATE SOURCE` MZ600 would
/// report (no `IN CLUSTER`, no earlier `SET cluster`).
fn cluster_insertion(ctx: &StatementContext<'_>) -> Option<Edit> {
    let StatementKind::CreateSource(source) = &ctx.statement.kind else {
        return None;
    };
    if source.in_cluster.is_some() || session_cluster(ctx).is_some() {
        return None;
    }
    insert_in_cluster(ctx, source)
}

/// The cluster of `SET cluster = …` earlier in the file.
fn session_cluster(ctx: &StatementContext<'_>) -> Option<String> {
    ctx.project().scope(ctx.location())?.cluster.clone()
}

/// What carries the SIZE: `source` or `sink`, its name as written, and the
/// cluster it runs on as far as it is known (for the help).
fn owner(ctx: &StatementContext<'_>) -> (&'static str, Option<String>, Option<String>) {
    let source = ctx.source();
    let in_cluster = |c: &Option<InCluster>| {
        c.as_ref()
            .map(|c| c.cluster.span().text(source).to_string())
    };
    let fallback = || {
        ctx.settings()
            .clusters
            .default_ingest_cluster
            .clone()
            .or_else(|| session_cluster(ctx))
    };
    match &ctx.statement.kind {
        StatementKind::CreateSource(s) => (
            "source",
            Some(name_as_written(source, &s.name)),
            in_cluster(&s.in_cluster).or_else(fallback),
        ),
        StatementKind::AlterSource(a) => {
            let cluster = ctx
                .project()
                .lookup_item(ctx.location(), &a.name)
                .and_then(|d| ctx.statement_at(d.location))
                .and_then(|s| match &s.kind {
                    StatementKind::CreateSource(s) => in_cluster(&s.in_cluster),
                    _ => None,
                });
            ("source", Some(name_as_written(source, &a.name)), cluster)
        }
        StatementKind::Shallow(s) if s.object_type == ObjectType::Sink => (
            "sink",
            s.name.as_ref().map(|n| name_as_written(source, n)),
            in_cluster(&s.in_cluster),
        ),
        // ALTER SINK is opaque: read the name from the tokens.
        _ => ("sink", altered_sink_name(ctx), None),
    }
}

/// The name after `ALTER SINK [IF EXISTS]`.
fn altered_sink_name(ctx: &StatementContext<'_>) -> Option<String> {
    let source = ctx.source();
    let words: Vec<_> = super::common::tokens_in(&ctx.file.file.parsed.tokens, ctx.statement.span)
        .filter(|t| !t.kind.is_trivia())
        .collect();
    let mut index = 2;
    if words
        .get(2)
        .is_some_and(|t| t.span.text(source).eq_ignore_ascii_case("IF"))
    {
        index = 4;
    }
    let mut name = String::new();
    for token in &words[index.min(words.len())..] {
        match token.kind {
            TokenKind::Word | TokenKind::QuotedIdent if name.is_empty() || name.ends_with('.') => {
                name.push_str(token.span.text(source));
            }
            TokenKind::Dot if !name.is_empty() => name.push('.'),
            _ => break,
        }
    }
    (!name.is_empty()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;
    use crate::testing::assert_fixes_converge;

    const BAD: &str = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders) WITH (SIZE = '3xsmall');";
    const GOOD: &str = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders);";
    const MESSAGE: &str =
        "SIZE on sources was removed: source `src` runs on the cluster named by IN CLUSTER";

    #[test]
    fn bad_example() {
        assert_bad_example(BAD, None, "MZ700", MESSAGE, "SIZE = '3xsmall'", "remove SIZE = '3xsmall' and size the cluster instead (CREATE CLUSTER ingest (SIZE = 'M.1-small'))");
        insta::assert_snapshot!(render(BAD, None));
    }

    #[test]
    fn good_example() {
        assert_clean(GOOD, None);
    }

    #[test]
    fn fix_deletes_size_and_the_emptied_with() {
        assert_eq!(assert_fixes_converge(BAD, None), GOOD);
        let d = &diagnostics_of(BAD, "MZ700", None)[0];
        let fix = d.fix.as_ref().unwrap();
        assert_eq!(fix.applicability, crate::Applicability::Unsafe);
        assert_eq!(fix.message, "Remove SIZE");
    }

    #[test]
    fn fix_keeps_other_with_options() {
        let sql = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') WITH (SIZE = '3xsmall', RETAIN HISTORY FOR '1h');";
        assert_eq!(
            assert_fixes_converge(sql, None),
            "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') WITH (RETAIN HISTORY FOR '1h');"
        );
        let sql = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') WITH (RETAIN HISTORY FOR '1h', SIZE = '3xsmall');";
        assert_eq!(
            assert_fixes_converge(sql, None),
            "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') WITH (RETAIN HISTORY FOR '1h');"
        );
    }

    #[test]
    fn fix_adds_the_default_ingest_cluster_when_configured() {
        let sql = "CREATE SOURCE src FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') WITH (SIZE = '3xsmall');";
        let d = &diagnostics_of(sql, "MZ700", Some(INGEST))[0];
        assert_eq!(
            d.fix.as_ref().unwrap().message,
            "Remove SIZE and add IN CLUSTER ingest"
        );
        assert_eq!(
            d.help.as_deref(),
            Some("remove SIZE = '3xsmall' and size the cluster instead (CREATE CLUSTER ingest (SIZE = 'M.1-small'))")
        );
        assert_eq!(
            assert_fixes_converge(sql, Some(INGEST)),
            "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub');"
        );
        // Unset: only SIZE goes, and the help names no cluster.
        let d = &diagnostics_of(sql, "MZ700", None)[0];
        assert_eq!(d.fix.as_ref().unwrap().message, "Remove SIZE");
        assert!(d
            .help
            .as_deref()
            .unwrap()
            .contains("CREATE CLUSTER <cluster> ("));
        // After `SET cluster`, MZ600 is silent and MZ700 inserts nothing.
        let sql = format!("SET cluster = ingest;\n{sql}");
        let d = &diagnostics_of(&sql, "MZ700", Some(INGEST))[0];
        assert_eq!(d.fix.as_ref().unwrap().message, "Remove SIZE");
    }

    #[test]
    fn size_with_other_removed_options_converges() {
        let sql = "CREATE SOURCE src IN CLUSTER ingest FROM KAFKA CONNECTION k (TOPIC 't') WITH (SIZE = 'small', TIMELINE 'user');";
        assert_eq!(
            assert_fixes_converge(sql, None),
            "CREATE SOURCE src IN CLUSTER ingest FROM KAFKA CONNECTION k (TOPIC 't');"
        );
    }

    #[test]
    fn case_comments_names_and_positions() {
        // Lower case, a comment inside the option, a quoted qualified name,
        // non-ASCII text before the span, CRLF line endings.
        let sql = "-- Übersicht: Quelle für Bestellungen\r\ncreate source \"Sales\".\"Src\" in cluster ingest\r\n  from postgres connection pg (publication 'mz_pub')\r\n  with (size /* legacy */ = '3xsmall');\r\n";
        assert_eq!(
            of(sql, "MZ700", None),
            vec![(
                "SIZE on sources was removed: source `\"Sales\".\"Src\"` runs on the cluster named by IN CLUSTER".to_string(),
                "size /* legacy */ = '3xsmall'".to_string()
            )]
        );
        let d = &diagnostics_of(sql, "MZ700", None)[0];
        assert_eq!(
            d.help.as_deref(),
            Some("remove size = '3xsmall' and size the cluster instead (CREATE CLUSTER ingest (SIZE = 'M.1-small'))")
        );
        assert_eq!(
            assert_fixes_converge(sql, None),
            "-- Übersicht: Quelle für Bestellungen\r\ncreate source \"Sales\".\"Src\" in cluster ingest\r\n  from postgres connection pg (publication 'mz_pub');\r\n"
        );
    }

    #[test]
    fn alter_source_set_and_reset() {
        let sql = "ALTER SOURCE src SET (SIZE = 'xsmall');";
        assert_one(sql, "MZ700", MESSAGE, "SIZE = 'xsmall'", None);
        // Nothing else in the list: the statement itself must go, no fix.
        assert!(diagnostics_of(sql, "MZ700", None)[0].fix.is_none());
        let sql = "ALTER SOURCE src RESET (SIZE, RETAIN HISTORY);";
        assert_one(sql, "MZ700", MESSAGE, "SIZE", None);
        assert_eq!(
            assert_fixes_converge(sql, None),
            "ALTER SOURCE src RESET (RETAIN HISTORY);"
        );
        // The cluster of the source's definition is named in the help.
        let sql = "CREATE SOURCE src IN CLUSTER big FROM POSTGRES CONNECTION pg (PUBLICATION 'p');\nALTER SOURCE src SET (SIZE = 'xsmall');";
        let d = &diagnostics_of(sql, "MZ700", None)[0];
        assert!(d
            .help
            .as_deref()
            .unwrap()
            .ends_with("(CREATE CLUSTER big (SIZE = 'M.1-small'))"));
    }

    #[test]
    fn sinks() {
        let sql = "CREATE SINK snk IN CLUSTER egress FROM orders INTO KAFKA CONNECTION k (TOPIC 'o') FORMAT JSON ENVELOPE DEBEZIUM WITH (SIZE = '3xsmall');";
        assert_one(
            sql,
            "MZ700",
            "SIZE on sinks was removed: sink `snk` runs on the cluster named by IN CLUSTER",
            "SIZE = '3xsmall'",
            None,
        );
        assert_eq!(
            assert_fixes_converge(sql, None),
            "CREATE SINK snk IN CLUSTER egress FROM orders INTO KAFKA CONNECTION k (TOPIC 'o') FORMAT JSON ENVELOPE DEBEZIUM;"
        );
        let sql = "ALTER SINK IF EXISTS app.snk SET (SIZE = 'small');";
        assert_one(
            sql,
            "MZ700",
            "SIZE on sinks was removed: sink `app.snk` runs on the cluster named by IN CLUSTER",
            "SIZE = 'small'",
            None,
        );
        assert!(diagnostics_of(sql, "MZ700", None)[0].fix.is_none());
    }

    #[test]
    fn suppression_silences_it() {
        let sql = format!("{BAD} -- mzlint: ignore[MZ700] migrating next sprint\n");
        assert_clean(&sql, None);
        let sql = format!("-- mzlint: disable[removed-source-size]\n{BAD}\n-- mzlint: enable[removed-source-size]\n");
        assert_clean(&sql, None);
    }
}

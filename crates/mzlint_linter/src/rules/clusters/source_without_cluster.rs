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

#[cfg(test)]
mod tests {
    use crate::rules::legacy::test_util::*;
    use crate::testing::assert_fixes_converge;

    const BAD: &str = "CREATE SOURCE src FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders);";
    const GOOD: &str = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders);";
    const MESSAGE: &str =
        "source `src` has no IN CLUSTER, so it is created in whatever cluster the session uses";

    #[test]
    fn bad_example() {
        let d = assert_bad_example(
            BAD,
            None,
            "MZ600",
            MESSAGE,
            "src",
            "add IN CLUSTER <cluster> after the name; use a cluster dedicated to ingestion",
        );
        // No fix without clusters.default-ingest-cluster.
        assert!(d.fix.is_none());
        insta::assert_snapshot!(render(BAD, None));
    }

    #[test]
    fn good_example() {
        assert_clean(GOOD, None);
    }

    #[test]
    fn fix_inserts_the_configured_cluster() {
        let d = &diagnostics_of(BAD, "MZ600", Some(INGEST))[0];
        let fix = d.fix.as_ref().unwrap();
        assert_eq!(fix.applicability, crate::Applicability::Safe);
        assert_eq!(fix.message, "Add IN CLUSTER ingest");
        assert_eq!(assert_fixes_converge(BAD, Some(INGEST)), GOOD);
        insta::assert_snapshot!(render(BAD, Some(INGEST)));
    }

    #[test]
    fn fix_goes_after_the_column_list_and_quotes_the_cluster() {
        let sql =
            "CREATE SOURCE clicks (k, v) FROM KAFKA CONNECTION k (TOPIC 'clicks') FORMAT TEXT;";
        let config = "[clusters]\ndefault-ingest-cluster = \"Ingest-1\"\n";
        assert_eq!(
            assert_fixes_converge(sql, Some(config)),
            "CREATE SOURCE clicks (k, v) IN CLUSTER \"Ingest-1\" FROM KAFKA CONNECTION k (TOPIC 'clicks') FORMAT TEXT;"
        );
    }

    #[test]
    fn webhooks_names_case_and_positions() {
        // Webhook source, lower case, quoted qualified name, CRLF, non-ASCII.
        let sql = "-- Eingänge\r\ncreate source if not exists \"Hooks\".inbound\r\n  from webhook body format json;\r\n";
        assert_one(
            sql,
            "MZ600",
            "source `\"Hooks\".inbound` has no IN CLUSTER, so it is created in whatever cluster the session uses",
            "\"Hooks\".inbound",
            None,
        );
        assert_eq!(
            assert_fixes_converge(sql, Some(INGEST)),
            "-- Eingänge\r\ncreate source if not exists \"Hooks\".inbound IN CLUSTER ingest\r\n  from webhook body format json;\r\n"
        );
    }

    #[test]
    fn not_after_set_cluster_nor_on_tables() {
        let sql = format!("SET cluster = ingest;\n{BAD}");
        assert_none(&sql, "MZ600", Some(INGEST));
        // SET cluster later in the file does not count.
        let sql = format!("{BAD}\nSET cluster = ingest;");
        assert_eq!(of(&sql, "MZ600", None).len(), 1);
        // Another file's SET does not count either.
        let files = [("a.sql", "SET cluster = ingest;"), ("b.sql", BAD)];
        let diagnostics = crate::testing::lint_project(&files, None);
        assert_eq!(
            diagnostics
                .iter()
                .filter(|(path, d)| path == "b.sql" && d.rule.code == "MZ600")
                .count(),
            1
        );
        // Tables run on their source's cluster.
        assert_none(
            "CREATE TABLE orders FROM SOURCE src (REFERENCE public.orders);",
            "MZ600",
            None,
        );
        // A placeholder name is still a source without a cluster.
        let sql = "CREATE SOURCE <source_name> FROM POSTGRES CONNECTION pg (PUBLICATION 'p');";
        assert_eq!(of(sql, "MZ600", None).len(), 1);
    }

    #[test]
    fn suppression_silences_it() {
        let sql = format!("{BAD} -- mzlint: ignore[source-without-cluster] on purpose");
        assert_clean(&sql, None);
    }
}

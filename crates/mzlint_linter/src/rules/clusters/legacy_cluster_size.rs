use crate::prelude::*;

declare_rule! {
/// ## What it does
///
/// Reports a legacy cluster SIZE in `CREATE CLUSTER`, `ALTER CLUSTER … SET`,
/// a `REPLICAS (…)` replica or `CREATE CLUSTER REPLICA`: the t-shirt sizes
/// `3xsmall`, `2xsmall`, `xsmall`, `small`, `medium`, `large`, `xlarge`,
/// `2xlarge` … `6xlarge` (ignoring case), and the credit sizes
/// `<digits>cc` and `<digits>C`. Not on `M.1-…` sizes, any other value
/// (self-managed deployments define their own sizes), or placeholders.
///
/// Message (on the value): `cluster size 'xsmall' is a legacy size`.
///
/// ## Why is this bad?
///
/// "You should not use legacy sizes … recommend M.1 sizes for all new
/// clusters" (MaterializeInc/agent-skills
/// `skills/materialize-docs/sql/create-cluster/index.md`). Regions opened
/// after April 2024 have no t-shirt sizes at all.
///
/// ## Example
///
/// ```sql
/// CREATE CLUSTER ingest (SIZE = 'xsmall');
/// ```
///
/// Use instead:
///
/// ```sql
/// CREATE CLUSTER ingest (SIZE = 'M.1-small');
/// ```
///
/// ## Fix
///
/// None: the equivalent M.1 size depends on the workload (see Materialize's
/// M.1 sizing page).
    pub(crate) static RULE = {
        code: "MZ602",
        name: "legacy-cluster-size",
        severity: Info,
        scope: Statement,
        fix: None,
        fix_summary: "none",
        summary: "Legacy t-shirt or `cc` cluster size",
        check: Statement(check),
    }
}

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    let options: &[SqlOption] = match &ctx.statement.kind {
        StatementKind::CreateCluster(cluster) => &cluster.options.options,
        StatementKind::CreateClusterReplica(replica) => &replica.options.options,
        StatementKind::AlterCluster(AlterCluster {
            action: AlterClusterAction::Set { options, .. },
            ..
        }) => &options.options,
        _ => return,
    };
    for option in options {
        match (&option.name, &option.value) {
            (OptionName::Size, Some(value)) => size(ctx, value, out),
            (OptionName::Replicas, Some(Value::Replicas { replicas, .. })) => {
                for replica in replicas {
                    for option in &replica.options {
                        if let (OptionName::Size, Some(value)) = (&option.name, &option.value) {
                            size(ctx, value, out);
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

fn size(ctx: &StatementContext<'_>, value: &Value, out: &mut Vec<Diagnostic>) {
    let Some(text) = value.as_text() else {
        return;
    };
    if ctx.settings().security.is_placeholder(text) || !is_legacy_size(text) {
        return;
    }
    out.push(
        ctx.diagnostic(
            &RULE,
            value.span(),
            format!("cluster size '{text}' is a legacy size"),
        )
        .with_help(
            "use an M.1 size such as 'M.1-small'; regions opened after April 2024 have no t-shirt sizes and cc sizes are superseded (see Materialize's M.1 sizing page for equivalents)",
        ),
    );
}

/// T-shirt sizes (any case), `<digits>cc` and `<digits>C`.
fn is_legacy_size(size: &str) -> bool {
    const TSHIRT: &[&str] = &[
        "3xsmall", "2xsmall", "xsmall", "small", "medium", "large", "xlarge", "2xlarge", "3xlarge",
        "4xlarge", "5xlarge", "6xlarge",
    ];
    let lower = size.to_ascii_lowercase();
    if TSHIRT.contains(&lower.as_str()) {
        return true;
    }
    let digits = size.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let unit = &size[digits.len()..];
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && (unit.eq_ignore_ascii_case("cc") || unit == "C")
}

#[cfg(test)]
mod unit {
    use super::is_legacy_size;

    #[test]
    fn sizes() {
        for legacy in [
            "xsmall", "3XSMALL", "Medium", "6xlarge", "25cc", "3200CC", "128C",
        ] {
            assert!(is_legacy_size(legacy), "{legacy}");
        }
        for modern in [
            "M.1-small",
            "M.1-xsmall",
            "7xlarge",
            "cc",
            "25",
            "128c",
            "custom",
            "25 cc",
        ] {
            assert!(!is_legacy_size(modern), "{modern}");
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::legacy::test_util::*;

    const BAD: &str = "CREATE CLUSTER ingest (SIZE = 'xsmall');";
    const GOOD: &str = "CREATE CLUSTER ingest (SIZE = 'M.1-small');";

    fn texts(sql: &str) -> Vec<String> {
        of(sql, "MZ602", None).into_iter().map(|(_, t)| t).collect()
    }

    #[test]
    fn bad_example() {
        let d = assert_bad_example(BAD, None, "MZ602", "cluster size 'xsmall' is a legacy size", "'xsmall'", "use an M.1 size such as 'M.1-small'; regions opened after April 2024 have no t-shirt sizes and cc sizes are superseded (see Materialize's M.1 sizing page for equivalents)");
        assert!(d.fix.is_none());
        insta::assert_snapshot!(render(BAD, None));
    }

    #[test]
    fn good_example() {
        assert_clean(GOOD, None);
    }

    #[test]
    fn every_place_a_size_is_given() {
        assert_eq!(
            texts("CREATE CLUSTER c (MANAGED = false, REPLICAS (r1 (SIZE = '25cc'), r2 (SIZE 'M.1-large')));"),
            ["'25cc'"]
        );
        assert_eq!(
            texts("CREATE CLUSTER REPLICA c.r3 SIZE = '3XSMALL';"),
            ["'3XSMALL'"]
        );
        assert_eq!(texts("ALTER CLUSTER c SET (SIZE '128C');"), ["'128C'"]);
        // Parentheses left out (historical form), an identifier value.
        assert_eq!(texts("CREATE CLUSTER c SIZE = medium;"), ["medium"]);
        assert_eq!(
            of("CREATE CLUSTER c SIZE = Large;", "MZ602", None)[0].0,
            "cluster size 'large' is a legacy size"
        );
    }

    #[test]
    fn not_on_modern_custom_or_placeholder_sizes() {
        for size in [
            "'M.1-xsmall'",
            "'M.1-1.5xlarge'",
            "'mem-8'",
            "'${CLUSTER_SIZE}'",
            "'<size>'",
        ] {
            assert_none(&format!("CREATE CLUSTER c (SIZE = {size});"), "MZ602", None);
        }
        // SIZE on a source is MZ700's.
        assert_none(
            "CREATE SOURCE s IN CLUSTER c FROM KAFKA CONNECTION k (TOPIC 't') WITH (SIZE = 'xsmall');",
            "MZ602",
            None,
        );
    }

    #[test]
    fn case_comments_and_positions() {
        let sql = "-- Größe\r\ncreate cluster \"Ingest\" (\r\n  replication factor = 1, size /* old */ = 'Small');\r\n";
        assert_eq!(
            of(sql, "MZ602", None),
            vec![(
                "cluster size 'Small' is a legacy size".to_string(),
                "'Small'".to_string()
            )]
        );
    }

    #[test]
    fn suppression_silences_it() {
        assert_clean(
            &format!("{BAD} -- mzlint: ignore[MZ602] self-managed"),
            None,
        );
    }
}

use super::common::PrivateLinkStatement;
use crate::prelude::*;
use crate::rules::common::delete_list_element;

declare_rule! {
/// ## What it does
///
/// Reports the same entry twice in one `AVAILABILITY ZONES` list of a
/// `TO AWS PRIVATELINK` connection (CREATE, and ALTER SET), ignoring case
/// and surrounding whitespace. Each repeat is reported, with a note at the
/// first occurrence.
///
/// Not reported on `CREATE CLUSTER … AVAILABILITY ZONES` or cluster replicas,
/// nor on placeholders.
///
/// ## Why is this bad?
///
/// Materialize rejects it: `connection cannot contain duplicate availability
/// zones` (`src/sql/src/plan/error.rs`;
/// `test/cloudtest/test_privatelink_connection.py`).
///
/// ## Example
///
/// ```sql
/// CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890', AVAILABILITY ZONES ('use1-az1', 'use1-az1', 'use1-az2'));
/// ```
///
/// reports `availability zone 'use1-az1' is listed more than once` on the
/// second entry. Use instead:
///
/// ```sql
/// CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890', AVAILABILITY ZONES ('use1-az1', 'use1-az2'));
/// ```
///
/// ## Fix (safe)
///
/// Deletes the repeat with one adjacent comma (the following one, or the
/// preceding one for the last entry).
    pub(crate) static RULE = {
        code: "MZ301",
        name: "duplicate-availability-zone",
        severity: Error,
        scope: Statement,
        fix: Safe,
        fix_summary: "safe",
        summary: "Same AZ twice",
        check: Statement(check),
    }
}

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(statement) = PrivateLinkStatement::of(ctx) else {
        return;
    };
    let security = &ctx.settings().security;
    for option in statement.zone_options() {
        let Some(Value::List { items, .. }) = &option.value else {
            continue;
        };
        let mut seen: Vec<(String, Span)> = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let Value::String(entry) = item else {
                continue;
            };
            if security.is_placeholder(&entry.value) {
                continue;
            }
            let key = entry.value.trim().to_lowercase();
            let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) else {
                seen.push((key, entry.span));
                continue;
            };
            let message = format!(
                "availability zone '{}' is listed more than once",
                entry.value
            );
            out.push(
                ctx.diagnostic(&RULE, entry.span, message)
                    .with_related(ctx.file_id(), *first, "first listed here")
                    .with_fix(Fix::safe(
                        format!("Remove the repeated '{}'", entry.value),
                        delete_list_element(
                            ctx.source(),
                            &items.iter().map(Value::span).collect::<Vec<_>>(),
                            index,
                        ),
                    )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::{Applicability, Severity};
    use crate::rules::security::common::test_support::*;
    use crate::testing::{assert_fixes_converge, render_sql};

    const BAD: &str = "CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890', AVAILABILITY ZONES ('use1-az1', 'use1-az1', 'use1-az2'));";
    const GOOD: &str = "CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890', AVAILABILITY ZONES ('use1-az1', 'use1-az2'));";

    fn with_zones(zones: &str) -> String {
        format!("CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890', AVAILABILITY ZONES {zones});")
    }

    #[test]
    fn bad_example() {
        let d = only_finding(BAD, None, "MZ301");
        assert_eq!(
            d.message,
            "availability zone 'use1-az1' is listed more than once"
        );
        assert_eq!(d.severity, Severity::Error);
        // The repeat, not the first.
        let second = BAD.match_indices("'use1-az1'").nth(1).unwrap().0;
        assert_eq!(d.span.start as usize, second);
        assert_eq!(span_text(BAD, &d), "'use1-az1'");
        assert_eq!(d.related.len(), 1);
        assert_eq!(d.related[0].message, "first listed here");
        assert_eq!(
            d.related[0].span.start as usize,
            BAD.find("'use1-az1'").unwrap()
        );
        let fix = d.fix.as_ref().unwrap();
        assert_eq!(fix.applicability, Applicability::Safe);
        assert_eq!(fix.message, "Remove the repeated 'use1-az1'");
    }

    #[test]
    fn good_example() {
        assert_clean(GOOD, None);
    }

    #[test]
    fn fix_deletes_the_repeat_with_one_comma() {
        assert_eq!(assert_fixes_converge(BAD, None), GOOD);
        // The last entry takes the comma before it.
        let sql = with_zones("('use1-az1', 'use1-az2', 'USE1-AZ1' )");
        assert_eq!(
            assert_fixes_converge(&sql, None),
            with_zones("('use1-az1', 'use1-az2' )")
        );
        // Several repeats; brackets; whitespace and case ignored.
        let sql = with_zones("['use1-az1', ' use1-az1 ', 'use1-az2', 'Use1-Az1', 'use1-az2']");
        let diagnostics = findings(&sql, None, "MZ301");
        assert_eq!(diagnostics.len(), 3);
        assert_eq!(
            assert_fixes_converge(&sql, None),
            with_zones("['use1-az1', 'use1-az2']")
        );
    }

    #[test]
    fn not_reported() {
        assert_none(&with_zones("('${AZ}', '${AZ}')"), None, "MZ301");
        assert_none(&with_zones("('use1-az1', 'use1-az10')"), None, "MZ301");
        assert_none(
            "CREATE CLUSTER c (SIZE = 'M.1-small', AVAILABILITY ZONES ('use1-az1', 'use1-az1'));",
            None,
            "MZ301",
        );
        // Per-broker zones repeat by design.
        let kafka = "CREATE CONNECTION k TO KAFKA (BROKERS ('b1:9092' USING AWS PRIVATELINK pl (AVAILABILITY ZONE 'use1-az1'), 'b2:9092' USING AWS PRIVATELINK pl (AVAILABILITY ZONE 'use1-az1')));";
        assert_none(kafka, None, "MZ301");
    }

    #[test]
    fn case_comments_crlf_legacy_alter_suppression() {
        let sql = "-- Zonen ✓\r\ncreate connection \"Pl\" to aws privatelink (service name 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890',\r\n  availability zones ('use1-az1', /* again */ 'use1-az1'));\r\n";
        let d = only_finding(sql, None, "MZ301");
        assert_eq!(span_text(sql, &d), "'use1-az1'");
        let fixed = assert_fixes_converge(sql, None);
        assert!(
            fixed.contains("availability zones ('use1-az1'));"),
            "{fixed:?}"
        );

        let legacy = "CREATE CONNECTION pl FOR AWS PRIVATELINK SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890', AVAILABILITY ZONES ('use1-az2', 'use1-az2');";
        assert_eq!(findings(legacy, None, "MZ301").len(), 1);

        let alter = format!(
            "{GOOD}\nALTER CONNECTION pl SET (AVAILABILITY ZONES ('use1-az4', 'use1-az4'));"
        );
        let d = &findings(&alter, None, "MZ301")[0];
        assert_eq!(d.span.start as usize, alter.rfind("'use1-az4'").unwrap());
        assert!(
            assert_fixes_converge(&alter, None).ends_with("SET (AVAILABILITY ZONES ('use1-az4'));")
        );

        assert_clean(
            &format!("{BAD} -- mzlint: ignore[duplicate-availability-zone]"),
            None,
        );
    }

    #[test]
    fn snapshot() {
        insta::assert_snapshot!("bad_example", render_sql(BAD, &lint(BAD, None)));
    }
}

use super::common::{
    az_id_prefix, broker_zones, prefix_region, region_prefix, zone_entries, PrivateLinkStatement,
};
use crate::prelude::*;
use crate::rules::security::common::name_as_written;

declare_rule! {
/// ## What it does
///
/// Reports an AZ ID whose prefix is not the expected one, in the
/// `AVAILABILITY ZONES` of a `TO AWS PRIVATELINK` connection (CREATE, and
/// ALTER SET) and, when `materialize.region` is set, in per-broker `USING AWS
/// PRIVATELINK pl (AVAILABILITY ZONE '…')`.
///
/// Endpoints are created in Materialize's region, so the expected prefix
/// (`use1` for us-east-1, see the table in rules.md §5.3) is
/// `materialize.region`'s when set, else the service region's (read from the
/// SERVICE NAME, assuming an in-region service). Regions missing from the
/// table are skipped, never flagged. With neither region known, one list
/// never mixes regions: the prefix most entries share (the earliest on a
/// tie, so the first entry's for two entries) is expected, and the others
/// are reported.
///
/// Not reported on AZ names or malformed entries (MZ300), placeholders, or
/// cluster zones.
///
/// ## Why is this bad?
///
/// AZ IDs are region-scoped and Materialize validates them against its own
/// region's zones (`invalid AWS PrivateLink availability zone`,
/// `src/sql/src/plan/error.rs`).
///
/// ## Example
///
/// ```sql
/// CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890', AVAILABILITY ZONES ('use1-az1', 'usw2-az1'));
/// ```
///
/// reports ``availability zone 'usw2-az1' belongs to us-west-2, but the
/// endpoint for `pl` is created in us-east-1; expected IDs starting with
/// 'use1-'`` on the entry. Use instead:
///
/// ```sql
/// CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890', AVAILABILITY ZONES ('use1-az1', 'use1-az2'));
/// ```
///
/// ## Fix
///
/// None: the right zone IDs are the service's.
    pub(crate) static RULE = {
        code: "MZ303",
        name: "availability-zone-region-mismatch",
        severity: Error,
        scope: Statement,
        fix: None,
        fix_summary: "none",
        summary: "AZ ID from another region",
        check: Statement(check),
    }
}

/// Where the expected prefix comes from.
enum Expected {
    /// The region the endpoint is created in (Materialize's, or the
    /// service's) and its prefix.
    Region(String, &'static str),
    /// No region known: the prefix the other entries of the list share.
    Majority(String),
}

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    let materialize_region = ctx.settings().materialize.region.clone();
    if let Some(statement) = PrivateLinkStatement::of(ctx) {
        let region = materialize_region.or_else(|| statement.service_region(ctx));
        let name = name_as_written(ctx, statement.name);
        for option in statement.zone_options() {
            let ids: Vec<(&StringLit, String)> = zone_entries(ctx, option)
                .into_iter()
                .filter_map(|entry| az_id_prefix(&entry.value).map(|prefix| (entry, prefix)))
                .collect();
            let expected = match &region {
                Some(region) => match region_prefix(region) {
                    Some(prefix) => Expected::Region(region.clone(), prefix),
                    None => continue, // unlisted region: skipped
                },
                None => match majority_prefix(&ids) {
                    Some(prefix) => Expected::Majority(prefix),
                    None => continue,
                },
            };
            for (entry, prefix) in &ids {
                report(ctx, entry, prefix, name, &expected, out);
            }
        }
        return;
    }
    let Some(region) = materialize_region else {
        return; // per-broker zones are checked only against materialize.region
    };
    let Some(expected_prefix) = region_prefix(&region) else {
        return;
    };
    let expected = Expected::Region(region.clone(), expected_prefix);
    for broker_zone in broker_zones(ctx) {
        if let Some(prefix) = az_id_prefix(&broker_zone.zone.value) {
            let name = name_as_written(ctx, broker_zone.privatelink);
            report(ctx, broker_zone.zone, &prefix, name, &expected, out);
        }
    }
}

/// The prefix most entries share; the earliest on a tie.
fn majority_prefix(ids: &[(&StringLit, String)]) -> Option<String> {
    let mut best: Option<(&str, usize)> = None;
    for (_, prefix) in ids {
        let count = ids.iter().filter(|(_, p)| p == prefix).count();
        if best.is_none_or(|(_, c)| count > c) {
            best = Some((prefix, count));
        }
    }
    best.map(|(prefix, _)| prefix.to_string())
}

fn report(
    ctx: &StatementContext<'_>,
    entry: &StringLit,
    prefix: &str,
    privatelink: &str,
    expected: &Expected,
    out: &mut Vec<Diagnostic>,
) {
    let expected_prefix = match expected {
        Expected::Region(_, prefix) => *prefix,
        Expected::Majority(prefix) => prefix.as_str(),
    };
    if prefix == expected_prefix {
        return;
    }
    let value = &entry.value;
    let message = match (expected, prefix_region(prefix)) {
        (Expected::Region(region, _), Some(entry_region)) => format!(
            "availability zone '{value}' belongs to {entry_region}, but the endpoint for \
             `{privatelink}` is created in {region}; expected IDs starting with '{expected_prefix}-'"
        ),
        (Expected::Region(region, _), None) => format!(
            "availability zone '{value}' is not a zone of {region}, where the endpoint for \
             `{privatelink}` is created; expected IDs starting with '{expected_prefix}-'"
        ),
        (Expected::Majority(_), entry_region) => {
            let entry_region = entry_region.map_or_else(
                || format!("the region of '{prefix}-' IDs"),
                |r| r.to_string(),
            );
            let others = prefix_region(expected_prefix).map_or_else(
                || format!("start with '{expected_prefix}-'"),
                |r| format!("are in {r}"),
            );
            format!(
                "availability zone '{value}' belongs to {entry_region}, but the other zones of \
                 `{privatelink}` {others}; expected IDs starting with '{expected_prefix}-'"
            )
        }
    };
    out.push(ctx.diagnostic(&RULE, entry.span, message));
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Severity;
    use crate::rules::security::common::test_support::*;
    use crate::testing::render_sql;

    const BAD: &str = "CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890', AVAILABILITY ZONES ('use1-az1', 'usw2-az1'));";
    const GOOD: &str = "CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890', AVAILABILITY ZONES ('use1-az1', 'use1-az2'));";
    const EU: &str = "[materialize]\nregion = \"aws/eu-west-1\"\n";

    fn with(service: &str, zones: &str) -> String {
        format!("CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME '{service}', AVAILABILITY ZONES ({zones}));")
    }

    #[test]
    fn bad_example() {
        let d = only_finding(BAD, None, "MZ303");
        assert_eq!(
            d.message,
            "availability zone 'usw2-az1' belongs to us-west-2, but the endpoint for `pl` is created in us-east-1; expected IDs starting with 'use1-'"
        );
        assert_eq!(span_text(BAD, &d), "'usw2-az1'");
        assert_eq!(d.severity, Severity::Error);
        assert!(d.fix.is_none());
    }

    #[test]
    fn good_example() {
        assert_clean(GOOD, None);
    }

    #[test]
    fn materialize_region_comes_first() {
        // Endpoints are created in Materialize's region.
        let diagnostics = findings(GOOD, Some(EU), "MZ303");
        assert_eq!(diagnostics.len(), 2);
        assert_eq!(
            diagnostics[0].message,
            "availability zone 'use1-az1' belongs to us-east-1, but the endpoint for `pl` is created in eu-west-1; expected IDs starting with 'euw1-'"
        );
        let sql = with(
            "com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890",
            "'euw1-az1', 'euw1-az3'",
        );
        assert_none(&sql, Some(EU), "MZ303");
        // A prefix missing from the table.
        let sql = with(
            "com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890",
            "'use1-az1', 'xyz1-az1'",
        );
        let d = only_finding(&sql, None, "MZ303");
        assert_eq!(
            d.message,
            "availability zone 'xyz1-az1' is not a zone of us-east-1, where the endpoint for `pl` is created; expected IDs starting with 'use1-'"
        );
    }

    #[test]
    fn unlisted_regions_are_skipped() {
        let sql = with(
            "com.amazonaws.vpce.mx-central-1.vpce-svc-0a1b2c3d4e5f67890",
            "'use1-az1', 'usw2-az1'",
        );
        assert_none(&sql, None, "MZ303");
        let config = "[materialize]\nregion = \"mx-central-1\"\n";
        assert_none(BAD, Some(config), "MZ303");
    }

    #[test]
    fn without_a_region_the_list_must_agree() {
        // Two entries: the first one's prefix.
        let sql = with("${SERVICE}", "'use1-az1', 'usw2-az1'");
        let d = only_finding(&sql, None, "MZ303");
        assert_eq!(
            d.message,
            "availability zone 'usw2-az1' belongs to us-west-2, but the other zones of `pl` are in us-east-1; expected IDs starting with 'use1-'"
        );
        // The prefix most entries share.
        let sql = with("${SERVICE}", "'usw2-az1', 'use1-az1', 'use1-az2'");
        let d = only_finding(&sql, None, "MZ303");
        assert_eq!(span_text(&sql, &d), "'usw2-az1'");
        let sql = with("${SERVICE}", "'use1-az1', 'use1-az2'");
        assert_none(&sql, None, "MZ303");
    }

    #[test]
    fn names_malformed_entries_and_placeholders_are_not_reported() {
        let sql = with(
            "com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890",
            "'use1-az1', 'us-west-2a', 'west', '${AZ}', '<az>'",
        );
        assert_none(&sql, None, "MZ303");
        assert_none(
            "CREATE CLUSTER c (SIZE = 'M.1-small', AVAILABILITY ZONES ('use1-az1', 'usw2-az1'));",
            None,
            "MZ303",
        );
    }

    #[test]
    fn per_broker_zones_only_with_materialize_region() {
        let sql = "CREATE CONNECTION kafka TO KAFKA (BROKERS ('b1.internal:9092' USING AWS PRIVATELINK pl (AVAILABILITY ZONE 'use1-az1'), 'b2.internal:9092' USING AWS PRIVATELINK pl (AVAILABILITY ZONE 'euw1-az2')));";
        assert_none(sql, None, "MZ303");
        let diagnostics = findings(sql, Some(EU), "MZ303");
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(span_text(sql, &diagnostics[0]), "'use1-az1'");
        assert!(diagnostics[0]
            .message
            .contains("the endpoint for `pl` is created in eu-west-1"));
    }

    #[test]
    fn case_comments_crlf_legacy_alter_suppression() {
        let sql = "-- Zonen für us-east-1\r\ncreate connection \"PL\" to aws privatelink (service name 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890',\r\n  availability /* ! */ zones ('USE1-AZ1', 'USW2-AZ1'));\r\n";
        let d = only_finding(sql, None, "MZ303");
        assert_eq!(span_text(sql, &d), "'USW2-AZ1'");
        assert!(d.message.contains("the endpoint for `\"PL\"`"));

        let legacy = "CREATE CONNECTION pl FOR AWS PRIVATELINK SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890', AVAILABILITY ZONES ('usw2-az1');";
        assert_eq!(findings(legacy, None, "MZ303").len(), 1);

        let alter = format!(
            "{GOOD}\nALTER CONNECTION pl SET (AVAILABILITY ZONES ('use1-az3', 'apse2-az1'));"
        );
        let d = &findings(&alter, None, "MZ303")[0];
        assert_eq!(span_text(&alter, d), "'apse2-az1'");
        assert!(d.message.contains("belongs to ap-southeast-2"));

        assert_clean(
            &format!("{BAD} -- mzlint: ignore[MZ303] cross-region test"),
            None,
        );
    }

    #[test]
    fn snapshot() {
        insta::assert_snapshot!("bad_example", render_sql(BAD, &lint(BAD, None)));
    }
}

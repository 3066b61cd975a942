use super::common::{example_az_id, PrivateLinkStatement};
use crate::prelude::*;
use crate::rules::security::common::name_as_written;

declare_rule! {
/// ## What it does
///
/// Reports `AVAILABILITY ZONES ()` (or `[]`) on a `TO AWS PRIVATELINK`
/// connection (CREATE, and ALTER SET):
///
/// * as an **error** when the service region (read from the SERVICE NAME,
///   `com.amazonaws.vpce.<region>.…`) equals `materialize.region`: the
///   service is in-region and its zones must be listed;
/// * as **info** when the two cannot be compared (`materialize.region` unset,
///   or the service region unreadable or a placeholder).
///
/// Not reported when both regions are known and differ: an empty list is
/// the documented form for cross-region services, whose zones AWS assigns.
///
/// ## Why is this bad?
///
/// In-region endpoints must sit in the service's zones; a wrong or empty
/// list surfaces only when the endpoint is created ("The Endpoint cannot be
/// created due to missing availability zones", PR 38185). Cross-region
/// services need none (`create_connection_privatelink_cloud.yml`).
///
/// ## Example
///
/// With `materialize.region = "aws/us-east-1"`:
///
/// ```sql
/// CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890', AVAILABILITY ZONES ());
/// ```
///
/// reports ``AVAILABILITY ZONES is empty for in-region PrivateLink connection
/// `pl` (service and Materialize both in us-east-1)`` on the option. Without
/// the region: ``AVAILABILITY ZONES is empty for PrivateLink connection `pl`,
/// which is only right for a service in another region`` (info). Use
/// instead:
///
/// ```sql
/// CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890', AVAILABILITY ZONES ('use1-az1', 'use1-az4'));
/// ```
///
/// ## Fix
///
/// None: the zones are where the service's load balancer has subnets.
    pub(crate) static RULE = {
        code: "MZ302",
        name: "empty-availability-zones",
        severity: Error,
        scope: Statement,
        fix: None,
        fix_summary: "none",
        summary: "Empty AZ list for an in-region service",
        check: Statement(check),
    }
}

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(statement) = PrivateLinkStatement::of(ctx) else {
        return;
    };
    let materialize_region = ctx.settings().materialize.region.as_deref();
    let service_region = statement.service_region(ctx);
    let name = name_as_written(ctx, statement.name);
    for option in statement.zone_options() {
        let Some(Value::List { items, .. }) = &option.value else {
            continue;
        };
        if !items.is_empty() {
            continue;
        }
        let example_region = service_region.as_deref().or(materialize_region);
        let help = format!(
            "list the zone IDs where the service's load balancer has subnets, e.g. ('{}', '{}'); \
             an empty list is only for services in another region",
            example_az_id(example_region, 1),
            example_az_id(example_region, 4)
        );
        let diagnostic = match (materialize_region, service_region.as_deref()) {
            (Some(materialize), Some(service)) if materialize == service => {
                let message = format!(
                    "AVAILABILITY ZONES is empty for in-region PrivateLink connection `{name}` \
                     (service and Materialize both in {service})"
                );
                ctx.diagnostic(&RULE, option.span, message).with_help(help)
            }
            (Some(_), Some(_)) => continue,
            (materialize, _) => {
                let message = format!(
                    "AVAILABILITY ZONES is empty for PrivateLink connection `{name}`, which is only \
                     right for a service in another region"
                );
                let help = if materialize.is_none() {
                    format!("{help}; set materialize.region to check this")
                } else {
                    help
                };
                ctx.diagnostic(&RULE, option.span, message)
                    .with_help(help)
                    .as_info()
            }
        };
        out.push(diagnostic);
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Severity;
    use crate::rules::security::common::test_support::*;
    use crate::testing::render_sql;

    const REGION: &str = "[materialize]\nregion = \"aws/us-east-1\"\n";
    const BAD: &str = "CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890', AVAILABILITY ZONES ());";
    const GOOD: &str = "CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890', AVAILABILITY ZONES ('use1-az1', 'use1-az4'));";

    #[test]
    fn bad_example() {
        let d = only_finding(BAD, Some(REGION), "MZ302");
        assert_eq!(
            d.message,
            "AVAILABILITY ZONES is empty for in-region PrivateLink connection `pl` (service and Materialize both in us-east-1)"
        );
        assert_eq!(span_text(BAD, &d), "AVAILABILITY ZONES ()");
        assert_eq!(d.severity, Severity::Error);
        assert_eq!(
            d.help.as_deref(),
            Some("list the zone IDs where the service's load balancer has subnets, e.g. ('use1-az1', 'use1-az4'); an empty list is only for services in another region")
        );
        assert!(d.fix.is_none());
    }

    #[test]
    fn good_example() {
        assert_clean(GOOD, Some(REGION));
    }

    #[test]
    fn cross_region_services_are_not_reported() {
        let sql = BAD.replace("us-east-1", "eu-west-1");
        assert_none(&sql, Some(REGION), "MZ302");
        let brackets = BAD.replace("()", "[]");
        assert_eq!(findings(&brackets, Some(REGION), "MZ302").len(), 1);
    }

    #[test]
    fn info_when_the_regions_cannot_be_compared() {
        let d = only_finding(BAD, None, "MZ302");
        assert_eq!(d.severity, Severity::Info);
        assert_eq!(
            d.message,
            "AVAILABILITY ZONES is empty for PrivateLink connection `pl`, which is only right for a service in another region"
        );
        assert_eq!(
            d.help.as_deref(),
            Some("list the zone IDs where the service's load balancer has subnets, e.g. ('use1-az1', 'use1-az4'); an empty list is only for services in another region; set materialize.region to check this")
        );
        // Region set, service region unreadable (a placeholder, a DNS name).
        for service in ["${SERVICE_NAME}", "vpce-svc-0a1b2c3d4e5f67890"] {
            let sql = format!("CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME '{service}', AVAILABILITY ZONES ());");
            let d = &findings(&sql, Some(REGION), "MZ302")[0];
            assert_eq!(d.severity, Severity::Info, "{service}");
            assert!(!d
                .help
                .as_deref()
                .unwrap()
                .contains("set materialize.region"));
        }
        // Info even when the rule is configured as an error.
        let config = "[lint.severity]\nMZ302 = \"warning\"\n";
        assert_eq!(
            findings(BAD, Some(config), "MZ302")[0].severity,
            Severity::Info
        );
    }

    #[test]
    fn non_empty_lists_cluster_zones_and_other_types() {
        assert_none(GOOD, None, "MZ302");
        assert_none(
            "CREATE CLUSTER c (SIZE = 'M.1-small', AVAILABILITY ZONES ());",
            Some(REGION),
            "MZ302",
        );
    }

    #[test]
    fn case_comments_crlf_alter_suppression() {
        let sql = "-- Dienst in derselben Region ✓\r\ncreate connection \"PL\" to aws privatelink (\r\n  service name 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890',\r\n  availability zones ( /* none */ )\r\n);\r\n";
        let d = only_finding(sql, Some(REGION), "MZ302");
        assert_eq!(span_text(sql, &d), "availability zones ( /* none */ )");
        assert!(d.message.contains("connection `\"PL\"`"));

        let alter = format!("{GOOD}\nALTER CONNECTION pl SET (AVAILABILITY ZONES = ());");
        let d = &findings(&alter, Some(REGION), "MZ302")[0];
        assert_eq!(span_text(&alter, d), "AVAILABILITY ZONES = ()");
        assert_eq!(d.severity, Severity::Error);

        let legacy = "CREATE CONNECTION pl FOR AWS PRIVATELINK SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890', AVAILABILITY ZONES ();";
        assert_eq!(findings(legacy, Some(REGION), "MZ302").len(), 1);

        assert_clean(&format!("-- mzlint: ignore[MZ302]\n{BAD}"), Some(REGION));
    }

    #[test]
    fn snapshot() {
        insta::assert_snapshot!("bad_example", render_sql(BAD, &lint(BAD, Some(REGION))));
        insta::assert_snapshot!("region_unknown", render_sql(BAD, &lint(BAD, None)));
    }
}

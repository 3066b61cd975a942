use super::common::{
    az_name_region, broker_zones, example_az_id, is_az_id, referenced_service_region, zone_entries,
    PrivateLinkStatement,
};
use crate::prelude::*;

declare_rule! {
/// ## What it does
///
/// Reports an `AVAILABILITY ZONES` entry of a `TO AWS PRIVATELINK`
/// connection (CREATE, and ALTER SET), or a per-broker `USING AWS
/// PRIVATELINK pl (AVAILABILITY ZONE '…')` of a Kafka connection, that is not
/// an AZ ID (`use1-az1`, `apse2-az3`, Local Zone `usw2-lax1-az1`; the shape
/// `^[a-z]{2,5}[0-9]+(-[a-z]{3}[0-9]+)?-az[0-9]+$`, ignoring case). The
/// message differs for AZ names (`us-east-1a`, `us-west-2-lax-1a`).
///
/// Not reported on `CREATE CLUSTER … AVAILABILITY ZONES`, cluster replicas
/// (they place compute, a different feature), placeholders, or an empty
/// list (MZ302).
///
/// ## Why is this bad?
///
/// The docs ask for the "Availability Zone ID (e.g. `use1-az6`), not
/// Availability Zone (e.g. `us-east-1d`)"
/// (`create_connection_privatelink_cloud.yml`). A zone name maps to a
/// different physical zone in each AWS account, so it cannot be translated;
/// names failed silently (issue 16499) and are rejected only where the
/// deployment lists its zones.
///
/// ## Example
///
/// ```sql
/// CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890', AVAILABILITY ZONES ('us-east-1a', 'us-east-1d'));
/// ```
///
/// reports `'us-east-1a' is an availability zone name, but AVAILABILITY ZONES
/// needs zone IDs such as 'use1-az1'` on each entry, with a help giving the
/// `aws ec2 describe-availability-zones --region us-east-1 …` command that
/// lists the IDs (the region comes from the AZ name, else the service
/// region, else `<region>`). Other entries: `'east-a' is not an availability
/// zone ID (expected the form 'use1-az1')`. Use instead:
///
/// ```sql
/// CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890', AVAILABILITY ZONES ('use1-az1', 'use1-az6'));
/// ```
///
/// ## Fix
///
/// None: the ID of a zone name is account-specific.
    pub(crate) static RULE = {
        code: "MZ300",
        name: "availability-zone-name-not-id",
        severity: Error,
        scope: Statement,
        fix: None,
        fix_summary: "none",
        summary: "AZ name (`us-east-1a`) where an AZ ID (`use1-az1`) belongs",
        check: Statement(check),
    }
}

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    if let Some(statement) = PrivateLinkStatement::of(ctx) {
        let service_region = statement.service_region(ctx);
        for option in statement.zone_options() {
            for entry in zone_entries(ctx, option) {
                report(ctx, entry, true, service_region.as_deref(), out);
            }
        }
        return;
    }
    for broker_zone in broker_zones(ctx) {
        let service_region = if is_az_id(&broker_zone.zone.value) {
            None
        } else {
            referenced_service_region(ctx, broker_zone.privatelink)
        };
        report(ctx, broker_zone.zone, false, service_region.as_deref(), out);
    }
}

fn report(
    ctx: &StatementContext<'_>,
    entry: &StringLit,
    list: bool,
    service_region: Option<&str>,
    out: &mut Vec<Diagnostic>,
) {
    let value = &entry.value;
    if is_az_id(value) {
        return;
    }
    let how_to = |region: &str| {
        format!(
            "In the account that owns the endpoint service run aws ec2 describe-availability-zones \
             --region {region} --query \"AvailabilityZones[].[ZoneName,ZoneId]\" --output text \
             (or read the \"AZ ID\" column of the subnets in the VPC console) and list the IDs of \
             the zones where the service's load balancer has subnets"
        )
    };
    let diagnostic = match az_name_region(value) {
        Some(region) => {
            let example = example_az_id(Some(&region), 1);
            let message = if list {
                format!(
                    "'{value}' is an availability zone name, but AVAILABILITY ZONES needs zone IDs \
                     such as '{example}'"
                )
            } else {
                format!(
                    "'{value}' is an availability zone name, but AVAILABILITY ZONE needs a zone ID \
                     such as '{example}'"
                )
            };
            ctx.diagnostic(&RULE, entry.span, message)
                .with_help(format!(
                    "a zone name maps to a different physical zone in each AWS account, so the ID \
                 cannot be derived from it. {}",
                    how_to(&region)
                ))
        }
        None => {
            let region = ctx
                .settings()
                .materialize
                .region
                .as_deref()
                .or(service_region);
            let example = example_az_id(region, 1);
            let message =
                format!("'{value}' is not an availability zone ID (expected the form '{example}')");
            ctx.diagnostic(&RULE, entry.span, message)
                .with_help(how_to(service_region.unwrap_or("<region>")))
        }
    };
    out.push(diagnostic);
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Severity;
    use crate::rules::security::common::test_support::*;
    use crate::testing::render_sql;

    const BAD: &str = "CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890', AVAILABILITY ZONES ('us-east-1a', 'us-east-1d'));";
    const GOOD: &str = "CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890', AVAILABILITY ZONES ('use1-az1', 'use1-az6'));";
    const HELP: &str = "a zone name maps to a different physical zone in each AWS account, so the ID cannot be derived from it. In the account that owns the endpoint service run aws ec2 describe-availability-zones --region us-east-1 --query \"AvailabilityZones[].[ZoneName,ZoneId]\" --output text (or read the \"AZ ID\" column of the subnets in the VPC console) and list the IDs of the zones where the service's load balancer has subnets";

    fn privatelink(service: &str, zones: &str) -> String {
        format!("CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME '{service}', AVAILABILITY ZONES ({zones}));")
    }

    #[test]
    fn bad_example() {
        let diagnostics = lint(BAD, None);
        assert_eq!(diagnostics.len(), 2, "{}", render_sql(BAD, &diagnostics));
        for (d, zone) in diagnostics.iter().zip(["us-east-1a", "us-east-1d"]) {
            assert_eq!(d.rule.code, "MZ300");
            assert_eq!(
                d.message,
                format!("'{zone}' is an availability zone name, but AVAILABILITY ZONES needs zone IDs such as 'use1-az1'")
            );
            assert_eq!(span_text(BAD, d), format!("'{zone}'"));
            assert_eq!(d.severity, Severity::Error);
            assert_eq!(d.help.as_deref(), Some(HELP));
            assert!(d.fix.is_none());
        }
    }

    #[test]
    fn good_example() {
        assert_clean(GOOD, None);
    }

    #[test]
    fn the_region_comes_from_the_name_else_the_service_else_a_placeholder() {
        let sql = privatelink(
            "com.amazonaws.vpce.eu-central-1.vpce-svc-0a1b2c3d4e5f67890",
            "'us-west-2-lax-1a'",
        );
        let d = only_finding(&sql, None, "MZ300");
        assert_eq!(
            d.message,
            "'us-west-2-lax-1a' is an availability zone name, but AVAILABILITY ZONES needs zone IDs such as 'usw2-az1'"
        );
        assert!(d.help.as_deref().unwrap().contains("--region us-west-2 "));

        let sql = privatelink(
            "com.amazonaws.vpce.eu-central-1.vpce-svc-0a1b2c3d4e5f67890",
            "'east-a'",
        );
        let d = only_finding(&sql, None, "MZ300");
        assert_eq!(
            d.message,
            "'east-a' is not an availability zone ID (expected the form 'euc1-az1')"
        );
        let help = d.help.as_deref().unwrap();
        assert!(help.starts_with("In the account that owns the endpoint service run aws ec2 describe-availability-zones --region eu-central-1 "), "{help}");

        let sql = privatelink("${SERVICE_NAME}", "'east-a'");
        let d = only_finding(&sql, None, "MZ300");
        assert_eq!(
            d.message,
            "'east-a' is not an availability zone ID (expected the form 'use1-az1')"
        );
        assert!(d.help.as_deref().unwrap().contains("--region <region> "));
    }

    #[test]
    fn not_reported() {
        for zones in [
            "'use1-az1', 'USE1-AZ4'",
            "'usw2-lax1-az1'",
            "'${AZ_1}', '{{ az2 }}'",
            "'<az id>'",
            "",
        ] {
            let sql = privatelink(
                "com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890",
                zones,
            );
            assert_none(&sql, None, "MZ300");
        }
        // Cluster zones place compute replicas: another feature.
        assert_none(
            "CREATE CLUSTER c (SIZE = 'M.1-small', AVAILABILITY ZONES ('us-east-1a'));",
            None,
            "MZ300",
        );
        assert_none("CREATE CLUSTER c (MANAGED = false, REPLICAS (r1 (SIZE = '25cc', AVAILABILITY ZONE 'us-east-1a')));", None, "MZ300");
        assert_none(
            "CREATE CLUSTER REPLICA c.r1 SIZE = '25cc', AVAILABILITY ZONE 'us-east-1a';",
            None,
            "MZ300",
        );
        assert_none(
            "ALTER CLUSTER c SET (AVAILABILITY ZONES ('us-east-1a'));",
            None,
            "MZ300",
        );
    }

    #[test]
    fn per_broker_availability_zone() {
        let sql = "CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890', AVAILABILITY ZONES ('use1-az1'));\n\
                   CREATE CONNECTION kafka TO KAFKA (BROKERS (\n\
                   'b1.internal:9092' USING AWS PRIVATELINK pl (AVAILABILITY ZONE 'us-east-1a', PORT 9001),\n\
                   'b2.internal:9092' USING AWS PRIVATELINK pl (AVAILABILITY ZONE 'nope', PORT 9002),\n\
                   'b3.internal:9092' USING AWS PRIVATELINK pl (AVAILABILITY ZONE 'use1-az1', PORT 9003)));";
        let diagnostics = findings(sql, None, "MZ300");
        assert_eq!(diagnostics.len(), 2, "{}", render_sql(sql, &diagnostics));
        assert_eq!(span_text(sql, &diagnostics[0]), "'us-east-1a'");
        assert_eq!(
            diagnostics[0].message,
            "'us-east-1a' is an availability zone name, but AVAILABILITY ZONE needs a zone ID such as 'use1-az1'"
        );
        assert_eq!(span_text(sql, &diagnostics[1]), "'nope'");
        // The region of the referenced PrivateLink connection's service.
        assert!(diagnostics[1]
            .help
            .as_deref()
            .unwrap()
            .contains("--region us-east-1 "));
        let broker = "CREATE CONNECTION kafka TO KAFKA (BROKER 'b1.internal:9092' USING AWS PRIVATELINK pl (AVAILABILITY ZONE 'us-east-1a'));";
        assert_eq!(findings(broker, None, "MZ300").len(), 1);
    }

    #[test]
    fn alter_set_and_the_singular_alias() {
        let sql = format!(
            "{GOOD}\nALTER CONNECTION pl SET (AVAILABILITY ZONES = ['use1-az1', 'us-east-1b']);"
        );
        let diagnostics = findings(&sql, None, "MZ300");
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(span_text(&sql, &diagnostics[0]), "'us-east-1b'");
        assert_none(
            "ALTER CONNECTION pl SET (AVAILABILITY ZONES = ['us-east-1b']);",
            None,
            "MZ300",
        );
        // AVAILABILITY ZONE on a PrivateLink connection counts as AVAILABILITY
        // ZONES (MZ100 renames it).
        let sql = "CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890', AVAILABILITY ZONE ('us-east-1a'));";
        assert_eq!(findings(sql, None, "MZ300").len(), 1);
    }

    #[test]
    fn case_comments_crlf_non_ascii_suppression() {
        let sql = "-- Zonen für den Dienst\r\ncreate connection \"PL\" to aws privatelink (\r\n  service name 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890',\r\n  availability /* ids! */ zones ('US-EAST-1A')\r\n);\r\n";
        let d = only_finding(sql, None, "MZ300");
        assert_eq!(span_text(sql, &d), "'US-EAST-1A'");
        let suppressed = sql.replace("('US-EAST-1A')", "('US-EAST-1A') -- mzlint: ignore[MZ300]");
        assert_clean(&suppressed, None);
        let legacy = "CREATE CONNECTION pl FOR AWS PRIVATELINK SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890', AVAILABILITY ZONES ('us-east-1a');";
        assert_eq!(findings(legacy, None, "MZ300").len(), 1);
    }

    #[test]
    fn snapshot() {
        insta::assert_snapshot!("bad_example", render_sql(BAD, &lint(BAD, None)));
    }
}

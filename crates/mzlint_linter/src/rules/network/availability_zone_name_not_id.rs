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

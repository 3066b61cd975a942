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

use crate::prelude::*;

declare_rule! {
/// **Scope** statement · **Fix** none
///
/// * **Detects** `AVAILABILITY ZONES ()` (or `[]`) on a PrivateLink connection whose service region equals
///   `materialize.region` (in-region), or, as info, when the two cannot be compared.
/// * **Not** when both regions are known and differ: an empty list is the documented form for cross-region
///   services, whose zones AWS assigns.
/// * **Message** (span: the option): ``AVAILABILITY ZONES is empty for in-region PrivateLink connection
///   `pl` (service and Materialize both in us-east-1)`` — help: `list the zone IDs where the service's
///   load balancer has subnets, e.g. ('use1-az1', 'use1-az4'); an empty list is only for services in
///   another region`. Info form: ``AVAILABILITY ZONES is empty for PrivateLink connection `pl`, which is
///   only right for a service in another region`` — help adds `set materialize.region to check this`.
/// * **Why**: in-region endpoints must sit in the service's zones; a wrong or empty list surfaces only when
///   the endpoint is created ("The Endpoint cannot be created due to missing availability zones", PR
///   38185); cross-region services need none (`create_connection_privatelink_cloud.yml`).
/// * **Bad** (with `materialize.region = "aws/us-east-1"`) `CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890', AVAILABILITY ZONES ());`
/// * **Good** (same configuration) `CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890', AVAILABILITY ZONES ('use1-az1', 'use1-az4'));`
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

fn check(_ctx: &StatementContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

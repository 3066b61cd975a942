use crate::prelude::*;

declare_rule! {
/// * **Detects** a PrivateLink AVAILABILITY ZONES entry or per-broker AVAILABILITY ZONE that is not an AZ
///   ID; the message differs for AZ names.
/// * **Not** on cluster zones (above), placeholders, or an empty list (MZ302).
/// * **Message** (span: the entry): `'us-east-1a' is an availability zone name, but AVAILABILITY ZONES
///   needs zone IDs such as 'use1-az1'` — help: `a zone name maps to a different physical zone in each AWS
///   account, so the ID cannot be derived from it. In the account that owns the endpoint service run
///   aws ec2 describe-availability-zones --region us-east-1 --query
///   "AvailabilityZones[].[ZoneName,ZoneId]" --output text (or read the "AZ ID" column of the subnets in
///   the VPC console) and list the IDs of the zones where the service's load balancer has subnets`. The
///   `--region` is taken from the AZ name, else the service region, else `<region>`. Neither shape:
///   `'east-a' is not an availability zone ID (expected the form 'use1-az1')`.
/// * **Why**: the docs ask for the "Availability Zone ID (e.g. `use1-az6`), not Availability Zone (e.g.
///   `us-east-1d`)" (`doc/user/data/examples/ingest_data/postgres/create_connection_privatelink_cloud.yml`);
///   names failed silently (issue 16499) and are rejected only where the deployment lists its zones.
/// * **Bad** `CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890', AVAILABILITY ZONES ('us-east-1a', 'us-east-1d'));`
/// * **Good** `CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890', AVAILABILITY ZONES ('use1-az1', 'use1-az6'));`
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

fn check(_ctx: &StatementContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

use crate::prelude::*;

declare_rule! {
/// * **Detects** an AZ ID whose prefix is not the expected one. Endpoints are created in Materialize's
///   region, so the expected prefix is `materialize.region`'s when set, else the service region's
///   (assuming an in-region service); unlisted regions are skipped. With neither known, entries whose
///   prefix differs from the first entry's are reported (one list never mixes regions). Per-broker
///   AVAILABILITY ZONE is checked only when `materialize.region` is set.
/// * **Not** on AZ names or malformed entries (MZ300), placeholders, cluster zones.
/// * **Message** (span: the entry): ``availability zone 'usw2-az1' belongs to us-west-2, but the endpoint
///   for `pl` is created in us-east-1; expected IDs starting with 'use1-'``.
/// * **Why**: AZ IDs are region-scoped and Materialize validates them against its own region's zones
///   (`invalid AWS PrivateLink availability zone`, `src/sql/src/plan/error.rs`).
/// * **Bad** `CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890', AVAILABILITY ZONES ('use1-az1', 'usw2-az1'));`
/// * **Good** `CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890', AVAILABILITY ZONES ('use1-az1', 'use1-az2'));`
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

fn check(_ctx: &StatementContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

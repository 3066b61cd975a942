use crate::prelude::*;

declare_rule! {
/// * **Detects** a per-broker `USING AWS PRIVATELINK <pl> (AVAILABILITY ZONE 'z', …)` where `<pl>` resolves
///   to a PrivateLink connection whose effective AVAILABILITY ZONES (at that point in project order) lack
///   `z`, ignoring case; an empty list contains nothing.
/// * **Not** when `<pl>` is unresolved or not PrivateLink (MZ500, MZ501), or `z` or a list entry is a
///   placeholder.
/// * **Message** (span: `'z'`; note at the PrivateLink AVAILABILITY ZONES): ``broker 'b3.internal:9092'
///   uses availability zone 'use1-az3', which is not one of the AVAILABILITY ZONES of `pl` ('use1-az1',
///   'use1-az2')``.
/// * **Why**: `AWS PrivateLink availability zone "…" does not match any of the availability zones on the
///   AWS PrivateLink connection "…"` (`connection.rs`; `test/cloudtest/test_privatelink_connection.py`).
/// * **Bad** — `network.sql`: `CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME
///   'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890', AVAILABILITY ZONES ('use1-az1',
///   'use1-az2'));` and `kafka.sql`:
///   ```sql
///   CREATE CONNECTION kafka TO KAFKA (BROKERS (
///       'b1.internal:9092' USING AWS PRIVATELINK pl (AVAILABILITY ZONE 'use1-az1', PORT 9001),
///       'b3.internal:9092' USING AWS PRIVATELINK pl (AVAILABILITY ZONE 'use1-az3', PORT 9003)));
///   ```
/// * **Good** — the same `network.sql`, and `kafka.sql`:
///   ```sql
///   CREATE CONNECTION kafka TO KAFKA (BROKERS (
///       'b1.internal:9092' USING AWS PRIVATELINK pl (AVAILABILITY ZONE 'use1-az1', PORT 9001),
///       'b3.internal:9092' USING AWS PRIVATELINK pl (AVAILABILITY ZONE 'use1-az2', PORT 9003)));
///   ```
    pub(crate) static RULE = {
        code: "MZ306",
        name: "broker-zone-not-in-privatelink",
        severity: Error,
        scope: Project,
        fix: None,
        fix_summary: "none",
        summary: "Broker AZ not in its PrivateLink connection",
        check: Project(check),
    }
}

fn check(_ctx: &ProjectContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

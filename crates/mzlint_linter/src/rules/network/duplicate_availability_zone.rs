use crate::prelude::*;

declare_rule! {
/// * **Detects** the same entry twice in one PrivateLink AVAILABILITY ZONES list (ignoring case and
///   surrounding whitespace). **Not** on cluster zones.
/// * **Message** (span: the repeat; note at the first): `availability zone 'use1-az1' is listed more than
///   once`.
/// * **Why**: `connection cannot contain duplicate availability zones` (`src/sql/src/plan/error.rs`;
///   `test/cloudtest/test_privatelink_connection.py`).
/// * **Fix (safe)**: delete the repeat.
/// * **Bad** `CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890', AVAILABILITY ZONES ('use1-az1', 'use1-az1', 'use1-az2'));`
/// * **Good** `CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890', AVAILABILITY ZONES ('use1-az1', 'use1-az2'));`
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

fn check(_ctx: &StatementContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

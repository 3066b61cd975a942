use crate::prelude::*;

declare_rule! {
/// * **Detects** a SERVICE NAME matching neither `com.amazonaws.vpce.<region>.vpce-svc-<id>` (`<id>` 8 or
///   17 lower-case hex digits) nor `com.amazonaws.<region>.<service>` (`<service>` of lower-case letters,
///   digits, `.`, `-`). The message names the likely mistake: a DNS name (contains `.amazonaws.com`: a
///   load balancer `*.elb.*`, a database `*.rds.*`), a URL (`://`), an ARN (`arn:`), an endpoint ID
///   (`vpce-<hex>` without `svc`), a bare service ID (`vpce-svc-<hex>` alone), or a malformed name.
/// * **Not** on placeholders.
/// * **Message** (span: the value): `SERVICE NAME 'orders-nlb-0123456789abcdef.elb.eu-central-1.amazonaws.com'
///   is a load balancer DNS name, not an endpoint service name` — help: `use the name shown under Endpoint
///   services in the VPC console, of the form com.amazonaws.vpce.<region>.vpce-svc-<id>`.
/// * **Why**: the value "always starts with com.amazonaws. This is not the DNS name of the target"
///   (`doc/user/data/examples/create_connection.yml`); a load-balancer host name produced a misleading
///   zone error (PR 38185).
/// * **Fix (unsafe)**: for a bare service ID with `materialize.region` set, prefix
///   `com.amazonaws.vpce.<region>.` (assumes an in-region service).
/// * **Bad** `CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'orders-nlb-0123456789abcdef.elb.eu-central-1.amazonaws.com', AVAILABILITY ZONES ('euc1-az1', 'euc1-az2'));`
/// * **Good** `CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.eu-central-1.vpce-svc-0123456789abcdef0', AVAILABILITY ZONES ('euc1-az1', 'euc1-az2'));`
    pub(crate) static RULE = {
        code: "MZ304",
        name: "privatelink-service-name-format",
        severity: Error,
        scope: Statement,
        fix: Unsafe,
        fix_summary: "unsafe (bare service ID)",
        summary: "SERVICE NAME is not an endpoint service name",
        check: Statement(check),
    }
}

fn check(_ctx: &StatementContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

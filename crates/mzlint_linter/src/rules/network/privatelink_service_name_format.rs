use super::common::{looks_like_region, PrivateLinkStatement};
use crate::options::effective_connection_option;
use crate::prelude::*;

declare_rule! {
/// ## What it does
///
/// Reports a `SERVICE NAME` of a `TO AWS PRIVATELINK` connection (CREATE,
/// and ALTER SET) matching neither `com.amazonaws.vpce.<region>.vpce-svc-<id>`
/// (`<id>` 8 or 17 lower-case hex digits) nor `com.amazonaws.<region>.<service>`
/// (`<service>` of lower-case letters, digits, `.`, `-`). The message names
/// the likely mistake: a DNS name (contains `.amazonaws.com`: a load
/// balancer `*.elb.*`, a database `*.rds.*`), a URL (`://`), an ARN
/// (`arn:`), a VPC endpoint ID (`vpce-<hex>` without `svc`), a bare service
/// ID (`vpce-svc-<hex>` alone), or a malformed name.
///
/// Not reported on placeholders.
///
/// ## Why is this bad?
///
/// The value "always starts with com.amazonaws. This is not the DNS name of
/// the target" (`doc/user/data/examples/create_connection.yml`); a
/// load-balancer host name produced a misleading zone error (PR 38185).
/// Materialize does not check the format itself.
///
/// ## Example
///
/// ```sql
/// CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'orders-nlb-0123456789abcdef.elb.eu-central-1.amazonaws.com', AVAILABILITY ZONES ('euc1-az1', 'euc1-az2'));
/// ```
///
/// reports `SERVICE NAME 'orders-nlb-0123456789abcdef.elb.eu-central-1.amazonaws.com'
/// is a load balancer DNS name, not an endpoint service name` on the value.
/// Use instead:
///
/// ```sql
/// CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.eu-central-1.vpce-svc-0123456789abcdef0', AVAILABILITY ZONES ('euc1-az1', 'euc1-az2'));
/// ```
///
/// ## Fix (unsafe)
///
/// For a bare service ID (`'vpce-svc-0123456789abcdef0'`) with
/// `materialize.region` set: prefix `com.amazonaws.vpce.<region>.`. Unsafe
/// because it assumes an in-region service.
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

const HELP: &str = "use the name shown under Endpoint services in the VPC console, of the form \
                    com.amazonaws.vpce.<region>.vpce-svc-<id>";

/// What a SERVICE NAME that is not one probably is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mistake {
    LoadBalancerDns,
    DatabaseDns,
    Dns,
    Url,
    Arn,
    EndpointId,
    BareServiceId,
    Malformed,
}

impl Mistake {
    fn description(self) -> &'static str {
        match self {
            Mistake::LoadBalancerDns => "is a load balancer DNS name",
            Mistake::DatabaseDns => "is a database DNS name",
            Mistake::Dns => "is a DNS name",
            Mistake::Url => "is a URL",
            Mistake::Arn => "is an ARN",
            Mistake::EndpointId => "is a VPC endpoint ID",
            Mistake::BareServiceId => "is a bare endpoint service ID",
            Mistake::Malformed => "is malformed",
        }
    }

    fn message(self, name: &str) -> String {
        match self {
            Mistake::Malformed => format!("SERVICE NAME '{name}' is not an endpoint service name"),
            _ => format!(
                "SERVICE NAME '{name}' {}, not an endpoint service name",
                self.description()
            ),
        }
    }
}

fn is_hex_id(id: &str) -> bool {
    (id.len() == 8 || id.len() == 17)
        && id
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn is_lower_hex(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Is `name` a valid endpoint service name?
pub(crate) fn is_service_name(name: &str) -> bool {
    if let Some(rest) = name.strip_prefix("com.amazonaws.vpce.") {
        if let Some((region, id)) = rest.split_once(".vpce-svc-") {
            if looks_like_region(region) && is_hex_id(id) {
                return true;
            }
        }
    }
    if let Some(rest) = name.strip_prefix("com.amazonaws.") {
        if let Some((region, service)) = rest.split_once('.') {
            return looks_like_region(region)
                && !service.is_empty()
                && service.bytes().all(|b| {
                    b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-'
                });
        }
    }
    false
}

fn classify(name: &str) -> Option<Mistake> {
    if is_service_name(name) {
        return None;
    }
    let lower = name.trim().to_ascii_lowercase();
    Some(if lower.contains("://") {
        Mistake::Url
    } else if lower.starts_with("arn:") {
        Mistake::Arn
    } else if lower.contains(".amazonaws.com") {
        if lower.contains(".elb.") {
            Mistake::LoadBalancerDns
        } else if lower.contains(".rds.") {
            Mistake::DatabaseDns
        } else {
            Mistake::Dns
        }
    } else if lower.strip_prefix("vpce-svc-").is_some_and(is_lower_hex) {
        Mistake::BareServiceId
    } else if lower.strip_prefix("vpce-").is_some_and(is_lower_hex) {
        Mistake::EndpointId
    } else {
        Mistake::Malformed
    })
}

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(statement) = PrivateLinkStatement::of(ctx) else {
        return;
    };
    for option in &statement.written {
        if effective_connection_option(ConnectionType::AwsPrivatelink, &option.name)
            != OptionName::ServiceName
        {
            continue;
        }
        let Some(value) = &option.value else {
            continue;
        };
        let Some(name) = value.as_text() else {
            continue; // not a string (MZ106)
        };
        if ctx.settings().security.is_placeholder(name) {
            continue;
        }
        let Some(mistake) = classify(name) else {
            continue;
        };
        let mut diagnostic = ctx.diagnostic(&RULE, value.span(), mistake.message(name));
        if mistake == Mistake::BareServiceId {
            diagnostic = diagnostic.with_help(
                "write the full name com.amazonaws.vpce.<region>.vpce-svc-<id>, with the region \
                 of the endpoint service",
            );
            let region = ctx.settings().materialize.region.as_deref();
            let fixable = name.strip_prefix("vpce-svc-").is_some_and(is_hex_id);
            if let Some(region) = region.filter(|r| fixable && looks_like_region(r)) {
                let fixed = format!("'com.amazonaws.vpce.{region}.{name}'");
                diagnostic = diagnostic.with_fix(Fix::unsafe_(
                    format!("Prefix com.amazonaws.vpce.{region}."),
                    vec![Edit::replace(value.span(), fixed)],
                ));
            }
        } else {
            diagnostic = diagnostic.with_help(HELP);
        }
        out.push(diagnostic);
    }
}

#[cfg(test)]
mod classification_tests {
    use super::*;

    #[test]
    fn classifies_the_likely_mistake() {
        let cases = [
            (
                "com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890",
                None,
            ),
            ("com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d", None),
            ("com.amazonaws.us-east-1.s3", None),
            ("com.amazonaws.eu-west-1.execute-api", None),
            (
                "orders-nlb-0123456789abcdef.elb.eu-central-1.amazonaws.com",
                Some(Mistake::LoadBalancerDns),
            ),
            (
                "orders.c1x2y3z4w5v6.eu-west-1.rds.amazonaws.com",
                Some(Mistake::DatabaseDns),
            ),
            (
                "vpce-0a1b2c3d4e5f67890-abcdefgh.vpce.amazonaws.com",
                Some(Mistake::Dns),
            ),
            (
                "https://com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d",
                Some(Mistake::Url),
            ),
            (
                "arn:aws:ec2:us-east-1:111122223333:vpc-endpoint-service/vpce-svc-0a1b2c3d",
                Some(Mistake::Arn),
            ),
            ("vpce-0a1b2c3d4e5f67890", Some(Mistake::EndpointId)),
            ("vpce-svc-0a1b2c3d4e5f67890", Some(Mistake::BareServiceId)),
            (
                "com.amazonaws.vpce.us-east-1.vpce-svc-0A1B2C3D",
                Some(Mistake::Malformed),
            ),
            (
                "com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3",
                Some(Mistake::Malformed),
            ),
            (
                "com.amazonaws.vpce.vpce-svc-0a1b2c3d",
                Some(Mistake::Malformed),
            ),
            ("my-service", Some(Mistake::Malformed)),
            ("", Some(Mistake::Malformed)),
        ];
        for (name, expected) in cases {
            assert_eq!(classify(name), expected, "{name}");
        }
    }
}

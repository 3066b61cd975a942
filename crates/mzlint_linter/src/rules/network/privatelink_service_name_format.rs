use super::common::{looks_like_region, PrivateLinkStatement};
use crate::prelude::*;
use crate::rules::security::common::effective_connection_option;

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

#[cfg(test)]
mod tests {
    use crate::diagnostic::{Applicability, Severity};
    use crate::rules::security::common::test_support::*;
    use crate::testing::{assert_fixes_converge, render_sql};

    const BAD: &str = "CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'orders-nlb-0123456789abcdef.elb.eu-central-1.amazonaws.com', AVAILABILITY ZONES ('euc1-az1', 'euc1-az2'));";
    const GOOD: &str = "CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.eu-central-1.vpce-svc-0123456789abcdef0', AVAILABILITY ZONES ('euc1-az1', 'euc1-az2'));";
    const HELP: &str = "use the name shown under Endpoint services in the VPC console, of the form com.amazonaws.vpce.<region>.vpce-svc-<id>";
    const REGION: &str = "[materialize]\nregion = \"aws/eu-central-1\"\n";

    fn with(service: &str) -> String {
        format!("CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME '{service}', AVAILABILITY ZONES ('euc1-az1', 'euc1-az2'));")
    }

    #[test]
    fn bad_example() {
        let d = only_finding(BAD, None, "MZ304");
        assert_eq!(
            d.message,
            "SERVICE NAME 'orders-nlb-0123456789abcdef.elb.eu-central-1.amazonaws.com' is a load balancer DNS name, not an endpoint service name"
        );
        assert_eq!(
            span_text(BAD, &d),
            "'orders-nlb-0123456789abcdef.elb.eu-central-1.amazonaws.com'"
        );
        assert_eq!(d.severity, Severity::Error);
        assert_eq!(d.help.as_deref(), Some(HELP));
        assert!(d.fix.is_none());
    }

    #[test]
    fn good_example() {
        assert_clean(GOOD, None);
        assert_clean(&with("com.amazonaws.eu-central-1.s3"), None);
    }

    #[test]
    fn each_likely_mistake_has_its_message() {
        for (service, what) in [
            ("orders.c1x2y3z4w5v6.eu-central-1.rds.amazonaws.com", "is a database DNS name, not an endpoint service name"),
            ("vpce-0a1b2c3d4e5f67890-abcdefgh.vpce-svc-0123456789abcdef0.eu-central-1.vpce.amazonaws.com", "is a DNS name, not an endpoint service name"),
            ("https://vpce.example.com", "is a URL, not an endpoint service name"),
            ("arn:aws:ec2:eu-central-1:111122223333:vpc-endpoint-service/vpce-svc-0123456789abcdef0", "is an ARN, not an endpoint service name"),
            ("vpce-0123456789abcdef0", "is a VPC endpoint ID, not an endpoint service name"),
            ("vpce-svc-0123456789abcdef0", "is a bare endpoint service ID, not an endpoint service name"),
            ("com.amazonaws.vpce.eu-central-1.vpce-svc-0123456789ABCDEF0", "is not an endpoint service name"),
            ("my-service", "is not an endpoint service name"),
        ] {
            let sql = with(service);
            let d = only_finding(&sql, None, "MZ304");
            assert_eq!(d.message, format!("SERVICE NAME '{service}' {what}"));
            assert_eq!(span_text(&sql, &d), format!("'{service}'"));
        }
    }

    #[test]
    fn bare_service_id_fix_needs_the_region() {
        let sql = with("vpce-svc-0123456789abcdef0");
        let d = only_finding(&sql, None, "MZ304");
        assert!(d.fix.is_none());
        assert_eq!(
            d.help.as_deref(),
            Some("write the full name com.amazonaws.vpce.<region>.vpce-svc-<id>, with the region of the endpoint service")
        );
        let d = only_finding(&sql, Some(REGION), "MZ304");
        let fix = d.fix.as_ref().unwrap();
        assert_eq!(fix.applicability, Applicability::Unsafe);
        assert_eq!(fix.message, "Prefix com.amazonaws.vpce.eu-central-1.");
        assert_eq!(assert_fixes_converge(&sql, Some(REGION)), GOOD);
        // An ID of the wrong length would stay wrong: no fix.
        let d = only_finding(&with("vpce-svc-0123"), Some(REGION), "MZ304");
        assert!(d.fix.is_none());
    }

    #[test]
    fn not_reported() {
        for service in [
            "${PL_SERVICE}",
            "{{ var('service') }}",
            "<service name>",
            "...",
        ] {
            assert_none(&with(service), None, "MZ304");
        }
        // SERVICE NAME on another type is MZ100's.
        assert_none("CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'd', USER 'u', SSL MODE 'require', SERVICE NAME 'x');", None, "MZ304");
    }

    #[test]
    fn case_comments_crlf_legacy_alter_suppression() {
        let sql = "-- Dienst für die Bestellungen\r\ncreate connection \"PL\" to aws privatelink (\r\n  service /* ! */ name = 'arn:aws:ec2:eu-central-1:1:vpc-endpoint-service/vpce-svc-0123456789abcdef0',\r\n  availability zones ('euc1-az1'));\r\n";
        let d = only_finding(sql, None, "MZ304");
        assert!(d
            .message
            .ends_with("is an ARN, not an endpoint service name"));

        let legacy = "CREATE CONNECTION pl FOR AWS PRIVATELINK SERVICE NAME 'vpce-0123456789abcdef0', AVAILABILITY ZONES ('euc1-az1');";
        assert_eq!(findings(legacy, None, "MZ304").len(), 1);

        let alter = format!(
            "{GOOD}\nALTER CONNECTION pl SET (SERVICE NAME = 'vpce-svc-0123456789abcdef0');"
        );
        let d = &findings(&alter, Some(REGION), "MZ304")[0];
        assert_eq!(span_text(&alter, d), "'vpce-svc-0123456789abcdef0'");
        assert!(assert_fixes_converge(&alter, Some(REGION)).ends_with(
            "SET (SERVICE NAME = 'com.amazonaws.vpce.eu-central-1.vpce-svc-0123456789abcdef0');"
        ));

        assert_clean(
            &format!("{BAD} -- mzlint: ignore[privatelink-service-name-format]"),
            None,
        );
    }

    #[test]
    fn snapshot() {
        insta::assert_snapshot!("bad_example", render_sql(BAD, &lint(BAD, None)));
    }
}

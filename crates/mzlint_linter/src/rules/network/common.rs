//! Helpers shared by the network rules (MZ300–MZ305): the AZ shapes and
//! region prefixes of rules.md §5.3, service regions, and where PrivateLink
//! availability zones are written.

use crate::prelude::*;
use crate::rules::security::common::{ConnDef, Subject};
use crate::semantic;

/// AWS region → AZ-ID prefix (rules.md §5.3). Regions not listed are
/// skipped, never flagged.
pub(crate) const REGION_PREFIXES: &[(&str, &str)] = &[
    ("us-east-1", "use1"),
    ("us-east-2", "use2"),
    ("us-west-1", "usw1"),
    ("us-west-2", "usw2"),
    ("ca-central-1", "cac1"),
    ("ca-west-1", "caw1"),
    ("sa-east-1", "sae1"),
    ("eu-west-1", "euw1"),
    ("eu-west-2", "euw2"),
    ("eu-west-3", "euw3"),
    ("eu-central-1", "euc1"),
    ("eu-central-2", "euc2"),
    ("eu-north-1", "eun1"),
    ("eu-south-1", "eus1"),
    ("eu-south-2", "eus2"),
    ("ap-southeast-1", "apse1"),
    ("ap-southeast-2", "apse2"),
    ("ap-southeast-3", "apse3"),
    ("ap-southeast-4", "apse4"),
    ("il-central-1", "ilc1"),
    ("ap-northeast-1", "apne1"),
    ("ap-northeast-2", "apne2"),
    ("ap-northeast-3", "apne3"),
    ("ap-south-1", "aps1"),
    ("ap-south-2", "aps2"),
    ("ap-east-1", "ape1"),
    ("af-south-1", "afs1"),
    ("me-south-1", "mes1"),
    ("me-central-1", "mec1"),
];

/// The AZ-ID prefix of a listed region.
pub(crate) fn region_prefix(region: &str) -> Option<&'static str> {
    REGION_PREFIXES
        .iter()
        .find(|(r, _)| r.eq_ignore_ascii_case(region))
        .map(|(_, p)| *p)
}

/// The region of a listed AZ-ID prefix.
pub(crate) fn prefix_region(prefix: &str) -> Option<&'static str> {
    REGION_PREFIXES
        .iter()
        .find(|(_, p)| p.eq_ignore_ascii_case(prefix))
        .map(|(r, _)| *r)
}

fn all_lower(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase())
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// `letters` followed by `digits`, both non-empty; the letter count bounded.
fn letters_then_digits(s: &str, min_letters: usize, max_letters: usize) -> bool {
    let split = s.bytes().take_while(u8::is_ascii_lowercase).count();
    (min_letters..=max_letters).contains(&split) && all_digits(&s[split..])
}

/// The prefix of an AZ ID (`use1` of `use1-az1`), lower case, when `value`
/// matches `^[a-z]{2,5}[0-9]+(-[a-z]{3}[0-9]+)?-az[0-9]+$` ignoring case.
pub(crate) fn az_id_prefix(value: &str) -> Option<String> {
    let lower = value.to_ascii_lowercase();
    let parts: Vec<&str> = lower.split('-').collect();
    let (first, middle, last) = match parts.as_slice() {
        [first, last] => (*first, None, *last),
        [first, middle, last] => (*first, Some(*middle), *last),
        _ => return None,
    };
    let valid = letters_then_digits(first, 2, 5)
        && middle.is_none_or(|m| letters_then_digits(m, 3, 3))
        && last.strip_prefix("az").is_some_and(all_digits);
    valid.then(|| first.to_string())
}

pub(crate) fn is_az_id(value: &str) -> bool {
    az_id_prefix(value).is_some()
}

/// The region of an AZ name (`us-east-1` of `us-east-1a`, `us-west-2` of
/// the Local Zone `us-west-2-lax-1a`), when `value` matches
/// `^[a-z]{2}(-[a-z]+)+-[0-9]+(-[a-z]+-[0-9]+)?[a-z]$` ignoring case.
pub(crate) fn az_name_region(value: &str) -> Option<String> {
    let lower = value.to_ascii_lowercase();
    let parts: Vec<&str> = lower.split('-').collect();
    if parts.first().is_none_or(|p| p.len() != 2 || !all_lower(p)) {
        return None;
    }
    // One or more all-letter parts after the first, then the digits.
    let letters = parts[1..].iter().take_while(|p| all_lower(p)).count();
    if letters == 0 {
        return None;
    }
    let rest = &parts[1 + letters..];
    // The last part is digits and one final letter.
    let digits_and_letter = |p: &str| {
        p.len() >= 2
            && p.as_bytes()[p.len() - 1].is_ascii_lowercase()
            && all_digits(&p[..p.len() - 1])
    };
    let valid = match rest {
        [last] => digits_and_letter(last),
        [digits, zone, last] => all_digits(digits) && all_lower(zone) && digits_and_letter(last),
        _ => false,
    };
    if !valid {
        return None;
    }
    let mut region = parts[..=letters].join("-");
    region.push('-');
    region.push_str(rest[0].trim_end_matches(|c: char| c.is_ascii_lowercase()));
    Some(region)
}

/// Does `value` look like an AWS region (`us-east-1`, `ap-southeast-2`)?
pub(crate) fn looks_like_region(value: &str) -> bool {
    let parts: Vec<&str> = value.split('-').collect();
    parts.len() >= 3
        && parts[0].len() == 2
        && parts[..parts.len() - 1].iter().all(|p| all_lower(p))
        && all_digits(parts[parts.len() - 1])
}

/// The service region of a SERVICE NAME: the component after
/// `com.amazonaws.vpce.` (customer services) or `com.amazonaws.` (AWS
/// services) when it looks like a region (rules.md §5.3).
pub(crate) fn service_region(service_name: &str) -> Option<String> {
    let lower = service_name.trim().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("com.amazonaws.vpce.")
        .or_else(|| lower.strip_prefix("com.amazonaws."))?;
    let component = rest.split('.').next()?;
    looks_like_region(component).then(|| component.to_string())
}

/// An example AZ ID for a region (`use1-az1`), `use1-az1` when the region
/// is not listed.
pub(crate) fn example_az_id(region: Option<&str>, zone: u32) -> String {
    let prefix = region.and_then(region_prefix).unwrap_or("use1");
    format!("{prefix}-az{zone}")
}

/// A `TO AWS PRIVATELINK` connection created or altered by the statement:
/// its name, the definition in effect after the statement, and the options
/// this statement writes.
pub(crate) struct PrivateLinkStatement<'a> {
    pub name: &'a ItemName,
    pub def: ConnDef<'a>,
    pub written: Vec<&'a SqlOption>,
}

impl<'a> PrivateLinkStatement<'a> {
    /// The statement's PrivateLink connection; `None` for other statements,
    /// other types, and ALTERs of connections the project does not define.
    pub fn of(ctx: &StatementContext<'a>) -> Option<Self> {
        let subject = Subject::of(ctx.statement)?;
        let def = subject.definition(ctx)?;
        if def.connection_type != ConnectionType::AwsPrivatelink {
            return None;
        }
        Some(PrivateLinkStatement {
            name: subject.name(),
            written: subject.written_options(),
            def,
        })
    }

    /// The AVAILABILITY ZONES options this statement writes.
    pub fn zone_options(&self) -> Vec<&'a SqlOption> {
        self.written
            .iter()
            .copied()
            .filter(|o| {
                crate::rules::security::common::effective_connection_option(
                    ConnectionType::AwsPrivatelink,
                    &o.name,
                ) == OptionName::AvailabilityZones
            })
            .collect()
    }

    /// The effective SERVICE NAME's text, unless it is a placeholder.
    pub fn service_name(&self, ctx: &StatementContext<'_>) -> Option<&'a str> {
        let option = self.def.get(&OptionName::ServiceName)?;
        let text = option.option.value.as_ref()?.as_text()?;
        (!ctx.settings().security.is_placeholder(text)).then_some(text)
    }

    /// The service region of the effective SERVICE NAME.
    pub fn service_region(&self, ctx: &StatementContext<'_>) -> Option<String> {
        self.service_name(ctx).and_then(service_region)
    }
}

/// The string entries of an AVAILABILITY ZONES value (other values are
/// MZ106's), placeholders excluded (rules.md §1.6).
pub(crate) fn zone_entries<'a>(
    ctx: &StatementContext<'_>,
    option: &'a SqlOption,
) -> Vec<&'a StringLit> {
    let Some(Value::List { items, .. }) = &option.value else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| match item {
            Value::String(s) if !ctx.settings().security.is_placeholder(&s.value) => Some(s),
            _ => None,
        })
        .collect()
}

/// A per-broker `USING AWS PRIVATELINK pl (AVAILABILITY ZONE 'z')`.
pub(crate) struct BrokerZone<'a> {
    pub zone: &'a StringLit,
    pub privatelink: &'a ItemName,
}

/// The per-broker availability zones a Kafka `CREATE CONNECTION` (or an
/// `ALTER CONNECTION … SET (BROKER|BROKERS …)` of a Kafka connection the
/// project defines) writes; placeholders excluded.
pub(crate) fn broker_zones<'a>(ctx: &StatementContext<'a>) -> Vec<BrokerZone<'a>> {
    let Some(subject) = Subject::of(ctx.statement) else {
        return Vec::new();
    };
    let connection_type = match &subject {
        Subject::Create(create) => Some(create.connection_type),
        Subject::Alter(alter) => ctx.project().connection_type(ctx.location(), &alter.name),
    };
    if connection_type != Some(ConnectionType::Kafka) {
        return Vec::new();
    }
    let mut zones = Vec::new();
    for option in subject.written_options() {
        let brokers: Vec<&Broker> = match &option.value {
            Some(Value::Broker(broker)) => vec![broker],
            Some(Value::List { items, .. }) => items
                .iter()
                .filter_map(|v| match v {
                    Value::Broker(broker) => Some(broker),
                    _ => None,
                })
                .collect(),
            _ => continue,
        };
        for broker in brokers {
            let Some(BrokerTunnel {
                kind:
                    BrokerTunnelKind::PrivateLink {
                        name,
                        options: Some(options),
                    },
                ..
            }) = &broker.tunnel
            else {
                continue;
            };
            for option in options.all(OptionName::AvailabilityZone) {
                if let Some(Value::String(zone)) = &option.value {
                    if !ctx.settings().security.is_placeholder(&zone.value) {
                        zones.push(BrokerZone {
                            zone,
                            privatelink: name,
                        });
                    }
                }
            }
        }
    }
    zones
}

/// The service region of the PrivateLink connection `name` refers to, when
/// the project defines it.
pub(crate) fn referenced_service_region(
    ctx: &StatementContext<'_>,
    name: &ItemName,
) -> Option<String> {
    let effective = semantic::effective_connection(ctx, name)?;
    if effective.connection_type != ConnectionType::AwsPrivatelink {
        return None;
    }
    let text = effective
        .get(&OptionName::ServiceName)?
        .value
        .as_ref()?
        .as_text()?;
    if ctx.settings().security.is_placeholder(text) {
        return None;
    }
    service_region(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn az_ids() {
        for id in [
            "use1-az1",
            "apse2-az3",
            "usw2-lax1-az1",
            "USE1-AZ6",
            "euc1-az12",
        ] {
            assert!(is_az_id(id), "{id}");
        }
        assert_eq!(az_id_prefix("usw2-lax1-az1").as_deref(), Some("usw2"));
        assert_eq!(az_id_prefix("USE1-AZ1").as_deref(), Some("use1"));
        for not in [
            "us-east-1a",
            "use1",
            "use1-az",
            "u1-az1",
            "abcdef1-az1",
            "use-az1",
            "usw2-la1-az1",
            "usw2-lax1-lax1-az1",
            "use1-az1 ",
            "use1-azé",
            "ü1-az1",
            "",
        ] {
            assert!(!is_az_id(not), "{not}");
        }
    }

    #[test]
    fn az_names() {
        assert_eq!(az_name_region("us-east-1a").as_deref(), Some("us-east-1"));
        assert_eq!(az_name_region("US-EAST-1D").as_deref(), Some("us-east-1"));
        assert_eq!(
            az_name_region("ap-southeast-2b").as_deref(),
            Some("ap-southeast-2")
        );
        assert_eq!(
            az_name_region("us-west-2-lax-1a").as_deref(),
            Some("us-west-2")
        );
        for not in [
            "use1-az1",
            "east-a",
            "us-east-1",
            "us-east-1ab",
            "usa-east-1a",
            "us-1a",
            "us-west-2-lax-1",
            "us-west-2-lax1a",
            "us-east-1é",
            "us-east-é",
            "ü",
            "",
        ] {
            assert_eq!(az_name_region(not), None, "{not}");
        }
    }

    #[test]
    fn service_regions() {
        assert_eq!(
            service_region("com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890").as_deref(),
            Some("us-east-1")
        );
        assert_eq!(
            service_region("com.amazonaws.eu-west-1.s3").as_deref(),
            Some("eu-west-1")
        );
        assert_eq!(service_region("com.amazonaws.vpce.vpce-svc-0a1b2c3d"), None);
        assert_eq!(
            service_region("orders-nlb-0123456789abcdef.elb.eu-central-1.amazonaws.com"),
            None
        );
    }

    #[test]
    fn prefixes() {
        assert_eq!(region_prefix("us-east-1"), Some("use1"));
        assert_eq!(prefix_region("apse2"), Some("ap-southeast-2"));
        assert_eq!(region_prefix("mars-north-1"), None);
        assert_eq!(REGION_PREFIXES.len(), 29);
    }
}

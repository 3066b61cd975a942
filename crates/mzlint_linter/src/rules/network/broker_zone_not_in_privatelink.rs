use crate::prelude::*;
use crate::project::Location;
use crate::semantic::effective_connection_in;

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

fn check(ctx: &ProjectContext<'_>, out: &mut Vec<Diagnostic>) {
    for file in ctx.files {
        if file.kind.is_upstream() || !ctx.in_focus(file.id) {
            continue;
        }
        let settings = ctx.settings_of(file.id);
        for (index, statement) in file.parsed.statements.iter().enumerate() {
            let location = Location {
                file: file.id,
                statement: index,
            };
            let options: Vec<&SqlOption> = match &statement.kind {
                StatementKind::CreateConnection(c)
                    if c.connection_type == ConnectionType::Kafka =>
                {
                    c.options.options.iter().collect()
                }
                StatementKind::AlterConnection(AlterConnection {
                    action: AlterConnectionAction::Actions { actions, .. },
                    ..
                }) => actions
                    .iter()
                    .filter_map(|a| match &a.kind {
                        AlterConnectionItemKind::Set(option) => Some(option),
                        _ => None,
                    })
                    .collect(),
                _ => continue,
            };
            for broker in options.iter().flat_map(|o| brokers(o)) {
                check_broker(ctx, settings, location, broker, out);
            }
        }
    }
}

/// The brokers of a BROKER or BROKERS option.
fn brokers(option: &SqlOption) -> Vec<&Broker> {
    match (&option.name, &option.value) {
        (OptionName::Broker, Some(Value::Broker(broker))) => vec![broker],
        (OptionName::Brokers, Some(Value::List { items, .. })) => items
            .iter()
            .filter_map(|v| match v {
                Value::Broker(b) => Some(b),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn check_broker(
    ctx: &ProjectContext<'_>,
    settings: &crate::settings::Settings,
    location: Location,
    broker: &Broker,
    out: &mut Vec<Diagnostic>,
) {
    let Some(BrokerTunnel {
        kind:
            BrokerTunnelKind::PrivateLink {
                name,
                options: Some(options),
            },
        ..
    }) = &broker.tunnel
    else {
        return;
    };
    let Some(zone_option) = options.get(OptionName::AvailabilityZone) else {
        return;
    };
    let Some(Value::String(zone)) = &zone_option.value else {
        return;
    };
    if settings.security.is_placeholder(&zone.value) {
        return;
    }
    let Some(privatelink) = effective_connection_in(ctx.files, ctx.project, location, name) else {
        return; // unresolved or not a connection: MZ500 / MZ501
    };
    if privatelink.connection_type != ConnectionType::AwsPrivatelink {
        return;
    }
    let Some(zones_option) = privatelink.get(&OptionName::AvailabilityZones) else {
        return;
    };
    let Some(Value::List { items, .. }) = &zones_option.value else {
        return;
    };
    let mut zones = Vec::new();
    for item in items {
        let Some(text) = item.as_text() else { return };
        if settings.security.is_placeholder(text) {
            return;
        }
        zones.push(text);
    }
    if zones
        .iter()
        .any(|z| z.trim().eq_ignore_ascii_case(zone.value.trim()))
    {
        return;
    }
    let address = match broker.address.as_ref() {
        Value::String(s) => s.value.clone(),
        other => other.as_text().unwrap_or("").to_string(),
    };
    let listed = zones
        .iter()
        .map(|z| format!("'{z}'"))
        .collect::<Vec<_>>()
        .join(", ");
    let listed = if listed.is_empty() {
        "none".to_string()
    } else {
        listed
    };
    let pl_name = ctx.text(location.file, name.span);
    out.push(
        Diagnostic::new(
            &RULE,
            location.file,
            zone.span,
            format!(
                "broker '{address}' uses availability zone '{}', which is not one of the AVAILABILITY ZONES of `{pl_name}` ({listed})",
                zone.value
            ),
        )
        .with_help(format!(
            "use one of the zones of `{pl_name}`, or add '{}' to its AVAILABILITY ZONES",
            zone.value
        ))
        .with_related(
            privatelink.create_location.file,
            zones_option.span,
            format!("AVAILABILITY ZONES of `{pl_name}`"),
        ),
    );
}

#[cfg(test)]
mod tests {
    use crate::testing_support::lint_project_codes;

    const NETWORK: &str = "CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME\n  'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890', AVAILABILITY ZONES ('use1-az1',\n  'use1-az2'));";

    #[test]
    fn bad_example() {
        let kafka = "CREATE CONNECTION kafka TO KAFKA (BROKERS (\n    'b1.internal:9092' USING AWS PRIVATELINK pl (AVAILABILITY ZONE 'use1-az1', PORT 9001),\n    'b3.internal:9092' USING AWS PRIVATELINK pl (AVAILABILITY ZONE 'use1-az3', PORT 9003)));";
        let found = lint_project_codes(&[("network.sql", NETWORK), ("kafka.sql", kafka)], "MZ306");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].1,
            "broker 'b3.internal:9092' uses availability zone 'use1-az3', which is not one of the AVAILABILITY ZONES of `pl` ('use1-az1', 'use1-az2')"
        );
        assert_eq!(found[0].2, "'use1-az3'");
    }

    #[test]
    fn good_example() {
        let kafka = "CREATE CONNECTION kafka TO KAFKA (BROKERS (\n    'b1.internal:9092' USING AWS PRIVATELINK pl (AVAILABILITY ZONE 'use1-az1', PORT 9001),\n    'b3.internal:9092' USING AWS PRIVATELINK pl (AVAILABILITY ZONE 'use1-az2', PORT 9003)));";
        assert!(
            lint_project_codes(&[("network.sql", NETWORK), ("kafka.sql", kafka)], "MZ306")
                .is_empty()
        );
    }

    #[test]
    fn later_alter_of_the_zones_applies_in_project_order() {
        let a = "CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890', AVAILABILITY ZONES ('use1-az1'));\n\
                 ALTER CONNECTION pl SET (AVAILABILITY ZONES ('use1-az1', 'USE1-AZ3'));";
        let b = "CREATE CONNECTION kafka TO KAFKA (BROKER 'b3.internal:9092' USING AWS PRIVATELINK pl (AVAILABILITY ZONE 'use1-az3'));";
        assert!(lint_project_codes(&[("a.sql", a), ("b.sql", b)], "MZ306").is_empty());
    }

    #[test]
    fn unresolved_or_placeholder_is_silent() {
        let b = "CREATE CONNECTION kafka TO KAFKA (BROKER 'b3.internal:9092' USING AWS PRIVATELINK nowhere (AVAILABILITY ZONE 'use1-az3'));";
        assert!(lint_project_codes(&[("b.sql", b)], "MZ306").is_empty());
        let c = "CREATE CONNECTION kafka TO KAFKA (BROKER 'b3.internal:9092' USING AWS PRIVATELINK pl (AVAILABILITY ZONE '${AZ}'));";
        assert!(lint_project_codes(&[("a.sql", NETWORK), ("c.sql", c)], "MZ306").is_empty());
    }
}

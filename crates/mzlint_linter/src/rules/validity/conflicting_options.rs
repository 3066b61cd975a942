use crate::options::OptionContext;
use crate::prelude::*;

use super::option_model::{alter_states, create_entries, effective_name, Entry};

declare_rule! {
/// ## What it does
///
/// Reports options or actions that exclude each other (Materialize's texts):
///
/// | Where | Conflict | Message |
/// |---|---|---|
/// | KAFKA | more than one of BROKER, BROKERS, connection-level AWS PRIVATELINK | `can only set one of BROKER, BROKERS, or AWS PRIVATELINK` |
/// | AWS | ACCESS KEY ID, SECRET ACCESS KEY or SESSION TOKEN with ASSUME ROLE ARN | `cannot specify both ACCESS KEY ID and ASSUME ROLE ARN` |
/// | MYSQL | AWS CONNECTION with PASSWORD | `AWS IAM authentication is not supported with password` |
/// | KAFKA | AWS CONNECTION with SASL MECHANISMS, SASL USERNAME or SASL PASSWORD | `option SASL USERNAME not supported with this configuration` |
/// | KAFKA source | START OFFSET with START TIMESTAMP | `cannot specify START TIMESTAMP and START OFFSET at same time` |
/// | ALTER CONNECTION | ROTATE KEYS with another action, or with `WITH (…)` | `cannot specify any other actions alongside ALTER CONNECTION...ROTATE KEYS` / `ALTER CONNECTION...ROTATE KEYS does not support WITH (…)` |
/// | ALTER CONNECTION | SET and RESET/DROP of one option | `cannot both SET and DROP/RESET options HOST` |
/// | ALTER CONNECTION | SET BROKER with RESET/DROP BROKERS, or the reverse | `cannot both SET and DROP/RESET mutually exclusive KAFKA options BROKER, BROKERS` |
///
/// An `ALTER CONNECTION … SET` that conflicts with the connection's effective
/// definition (its `CREATE CONNECTION` in the project with earlier ALTERs
/// applied) is reported on the ALTER: `SET (ASSUME ROLE ARN …)` on a
/// connection that keeps its ACCESS KEY ID. `SET (BROKER …)` drops BROKERS
/// and the reverse, so SET alone never conflicts on that pair.
///
/// The diagnostic is on the option written second, with a note at the first.
/// SSH TUNNEL with AWS PRIVATELINK is MZ305's.
///
/// ## Why is this bad?
///
/// Materialize rejects the statement at plan time, and which side was meant
/// cannot be known.
///
/// ## Example
///
/// ```sql
/// CREATE CONNECTION kafka TO KAFKA (BROKER 'b1.internal:9092', BROKERS ('b1.internal:9092', 'b2.internal:9092'));
/// ```
///
/// Use instead:
///
/// ```sql
/// CREATE CONNECTION kafka TO KAFKA (BROKERS ('b1.internal:9092', 'b2.internal:9092'));
/// ```
///
/// ## Fix
///
/// None: remove the side you do not mean.
    pub(crate) static RULE = {
        code: "MZ102",
        name: "conflicting-options",
        severity: Error,
        scope: Statement,
        fix: None,
        fix_summary: "none",
        summary: "Mutually exclusive options or actions",
        check: Statement(check),
    }
}

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    match &ctx.statement.kind {
        StatementKind::CreateConnection(create) => {
            if create.connection_type == ConnectionType::Yugabyte {
                return;
            }
            let entries = create_entries(create, ctx.file_id(), true);
            report_conflicts(ctx, create.connection_type, &entries, out);
        }
        StatementKind::AlterConnection(alter) => check_alter(ctx, alter, out),
        StatementKind::CreateSource(source) => check_source(ctx, source, out),
        _ => {}
    }
}

/// A pair of options that exclude each other: indices into the entries (the
/// first written first) and the message.
struct Conflict {
    first: usize,
    second: usize,
    message: String,
    help: String,
}

fn ordered(a: usize, b: usize, message: String, help: String) -> Conflict {
    Conflict {
        first: a.min(b),
        second: a.max(b),
        message,
        help,
    }
}

/// The conflicts of a connection definition.
fn conflicts(connection_type: ConnectionType, entries: &[Entry<'_>]) -> Vec<Conflict> {
    use OptionName::*;
    let position = |name: OptionName| entries.iter().position(|e| e.name == name);
    let mut out = Vec::new();
    match connection_type {
        ConnectionType::Kafka => {
            let mut firsts: Vec<usize> = Vec::new();
            for (index, entry) in entries.iter().enumerate() {
                if matches!(entry.name, Broker | Brokers | AwsPrivatelink)
                    && !firsts.iter().any(|&f| entries[f].name == entry.name)
                {
                    firsts.push(index);
                }
            }
            for &later in firsts.iter().skip(1) {
                out.push(ordered(
                    firsts[0],
                    later,
                    "can only set one of BROKER, BROKERS, or AWS PRIVATELINK".to_string(),
                    "choose one of BROKER, BROKERS or a connection-level AWS PRIVATELINK"
                        .to_string(),
                ));
            }
            if let Some(aws) = position(AwsConnection) {
                for name in [SaslMechanisms, SaslUsername, SaslPassword] {
                    if let Some(sasl) = position(name.clone()) {
                        out.push(ordered(
                            aws,
                            sasl,
                            format!("option {name} not supported with this configuration"),
                            format!(
                                "remove {name}: with AWS CONNECTION the brokers authenticate with AWS IAM, not SASL credentials"
                            ),
                        ));
                    }
                }
            }
        }
        ConnectionType::Aws => {
            let credential = entries
                .iter()
                .position(|e| matches!(e.name, AccessKeyId | SecretAccessKey | SessionToken));
            if let (Some(credential), Some(role)) = (credential, position(AssumeRoleArn)) {
                out.push(ordered(
                    credential,
                    role,
                    "cannot specify both ACCESS KEY ID and ASSUME ROLE ARN".to_string(),
                    "use either ASSUME ROLE ARN (recommended) or ACCESS KEY ID and SECRET ACCESS KEY"
                        .to_string(),
                ));
            }
        }
        ConnectionType::MySql => {
            if let (Some(aws), Some(password)) = (position(AwsConnection), position(Password)) {
                out.push(ordered(
                    aws,
                    password,
                    "AWS IAM authentication is not supported with password".to_string(),
                    "remove PASSWORD: AWS CONNECTION authenticates with AWS IAM".to_string(),
                ));
            }
        }
        _ => {}
    }
    out
}

/// Report the conflicts involving an option of the statement being checked.
fn report_conflicts(
    ctx: &StatementContext<'_>,
    connection_type: ConnectionType,
    entries: &[Entry<'_>],
    out: &mut Vec<Diagnostic>,
) {
    for conflict in conflicts(connection_type, entries) {
        let (first, second) = (&entries[conflict.first], &entries[conflict.second]);
        let (primary, other) = match (first.current, second.current) {
            (false, false) => continue, // reported on the statement that made it
            (true, false) => (first, second),
            _ => (second, first),
        };
        out.push(
            ctx.diagnostic(&RULE, primary.option.span, conflict.message)
                .with_help(conflict.help)
                .with_related(
                    other.file,
                    other.option.span,
                    format!("{} is set here", other.name),
                ),
        );
    }
}

fn check_alter(ctx: &StatementContext<'_>, alter: &AlterConnection, out: &mut Vec<Diagnostic>) {
    let AlterConnectionAction::Actions {
        actions,
        with_options,
    } = &alter.action
    else {
        return;
    };

    // ROTATE KEYS must be alone.
    if let Some(rotate) = actions
        .iter()
        .position(|a| matches!(a.kind, AlterConnectionItemKind::RotateKeys))
    {
        for (index, action) in actions.iter().enumerate() {
            if index == rotate {
                continue;
            }
            let (primary, other) = if index > rotate {
                (action.span, actions[rotate].span)
            } else {
                (actions[rotate].span, action.span)
            };
            let note = if other == actions[rotate].span {
                "ROTATE KEYS is here"
            } else {
                "the other action is here"
            };
            out.push(
                ctx.diagnostic(
                    &RULE,
                    primary,
                    "cannot specify any other actions alongside ALTER CONNECTION...ROTATE KEYS",
                )
                .with_help("run ROTATE KEYS in an ALTER CONNECTION statement of its own")
                .with_related(ctx.file_id(), other, note),
            );
        }
        if let Some(with) = with_options {
            out.push(
                ctx.diagnostic(
                    &RULE,
                    with.span,
                    "ALTER CONNECTION...ROTATE KEYS does not support WITH (…)",
                )
                .with_help("remove the WITH clause")
                .with_related(
                    ctx.file_id(),
                    actions[rotate].span,
                    "ROTATE KEYS is here",
                ),
            );
        }
    }

    // SET and RESET/DROP of one option; SET BROKER with RESET BROKERS.
    let connection_type = ctx.project().connection_type(ctx.location(), &alter.name);
    let context = OptionContext::Connection(connection_type);
    let mut sets: Vec<(OptionName, &SqlOption)> = Vec::new();
    let mut resets: Vec<(OptionName, &SqlOption)> = Vec::new();
    for action in actions {
        match &action.kind {
            AlterConnectionItemKind::Set(option) => {
                if let Some(name) = effective_name(option, context) {
                    sets.push((name, option));
                }
            }
            AlterConnectionItemKind::Reset { option, .. } => {
                if let Some(name) = effective_name(option, context) {
                    resets.push((name, option));
                }
            }
            AlterConnectionItemKind::RotateKeys => {}
        }
    }
    let mut reported: Vec<&OptionName> = Vec::new();
    for (name, set) in &sets {
        if reported.contains(&name) {
            continue;
        }
        if let Some((_, reset)) = resets.iter().find(|(n, _)| n == name) {
            reported.push(name);
            let (primary, other, note) = if set.span.start > reset.span.start {
                (set, reset, format!("{name} is reset here"))
            } else {
                (reset, set, format!("{name} is set here"))
            };
            out.push(
                ctx.diagnostic(
                    &RULE,
                    primary.span,
                    format!("cannot both SET and DROP/RESET options {name}"),
                )
                .with_help(format!("keep either the SET or the RESET of {name}"))
                .with_related(ctx.file_id(), other.span, note),
            );
        }
    }
    let broker_pair = sets.iter().find_map(|(set_name, set)| {
        let other = match set_name {
            OptionName::Broker => OptionName::Brokers,
            OptionName::Brokers => OptionName::Broker,
            _ => return None,
        };
        resets
            .iter()
            .find(|(n, _)| *n == other)
            .map(|(_, reset)| (*set, *reset))
    });
    if let Some((set, reset)) = broker_pair {
        let (primary, other) = if set.span.start > reset.span.start {
            (set, reset)
        } else {
            (reset, set)
        };
        out.push(
            ctx.diagnostic(
                &RULE,
                primary.span,
                "cannot both SET and DROP/RESET mutually exclusive KAFKA options BROKER, BROKERS",
            )
            .with_help("remove the RESET: SET (BROKER …) already drops BROKERS, and SET (BROKERS …) drops BROKER")
            .with_related(ctx.file_id(), other.span, format!("{} is here", other.name)),
        );
    }

    // Conflicts with the effective definition.
    if let Some(states) = alter_states(ctx, alter) {
        report_conflicts(ctx, states.connection_type, &states.after, out);
    }
}

/// Kafka source options: START OFFSET with START TIMESTAMP.
fn check_source(ctx: &StatementContext<'_>, source: &CreateSource, out: &mut Vec<Diagnostic>) {
    let SourceBody::Connection(conn) = &source.body else {
        return;
    };
    if conn.kind != SourceKind::Kafka {
        return;
    }
    let Some(list) = &conn.options else {
        return;
    };
    let context = OptionContext::Source(SourceKind::Kafka);
    let find = |name: OptionName| {
        list.options
            .iter()
            .find(|o| effective_name(o, context).as_ref() == Some(&name))
    };
    if let (Some(offset), Some(timestamp)) = (
        find(OptionName::StartOffset),
        find(OptionName::StartTimestamp),
    ) {
        let (primary, other) = if offset.span.start > timestamp.span.start {
            (offset, timestamp)
        } else {
            (timestamp, offset)
        };
        let other_name = if other.span == offset.span {
            "START OFFSET"
        } else {
            "START TIMESTAMP"
        };
        out.push(
            ctx.diagnostic(
                &RULE,
                primary.span,
                "cannot specify START TIMESTAMP and START OFFSET at same time",
            )
            .with_help("use either START OFFSET or START TIMESTAMP")
            .with_related(
                ctx.file_id(),
                other.span,
                format!("{other_name} is set here"),
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::option_model::testkit::{assert_clean, lint, lint_project, of, only, render};
    use crate::testing::{assert_never_said, CANARY};

    const BAD: &str = "CREATE CONNECTION kafka TO KAFKA (BROKER 'b1.internal:9092', BROKERS ('b1.internal:9092', 'b2.internal:9092'));";
    const GOOD: &str =
        "CREATE CONNECTION kafka TO KAFKA (BROKERS ('b1.internal:9092', 'b2.internal:9092'));";

    /// `(message, span text, note span text)` of each MZ102 of a file.
    fn found(sql: &str, diagnostics: &[crate::Diagnostic]) -> Vec<(String, String, String)> {
        of(diagnostics, "MZ102")
            .into_iter()
            .map(|d| {
                let note = d
                    .related
                    .first()
                    .map(|r| sql[r.span.range()].to_string())
                    .unwrap_or_default();
                (d.message.clone(), sql[d.span.range()].to_string(), note)
            })
            .collect()
    }

    fn mz102(sql: &str) -> Vec<(String, String, String)> {
        found(sql, &lint(sql))
    }

    fn one(sql: &str, message: &str, span: &str, note: &str) {
        assert_eq!(
            mz102(sql),
            vec![(message.to_string(), span.to_string(), note.to_string())],
            "{sql}"
        );
    }

    #[test]
    fn bad_example() {
        let d = &only(BAD, "MZ102");
        assert_eq!(
            d.message,
            "can only set one of BROKER, BROKERS, or AWS PRIVATELINK"
        );
        assert_eq!(
            &BAD[d.span.range()],
            "BROKERS ('b1.internal:9092', 'b2.internal:9092')"
        );
        assert_eq!(&BAD[d.related[0].span.range()], "BROKER 'b1.internal:9092'");
        assert_eq!(d.related[0].message, "BROKER is set here");
        assert!(d.fix.is_none());
    }

    #[test]
    fn good_example() {
        assert_clean(GOOD);
    }

    #[test]
    fn bad_example_snapshot() {
        insta::assert_snapshot!(render(BAD, &lint(BAD)));
    }

    #[test]
    fn kafka_routes() {
        one(
            "CREATE CONNECTION k_x TO KAFKA (BROKER 'a:9092', BROKERS ('b:9092'));",
            "can only set one of BROKER, BROKERS, or AWS PRIVATELINK",
            "BROKERS ('b:9092')",
            "BROKER 'a:9092'",
        );
        // Three routes: each later one against the first.
        let three = "CREATE CONNECTION k TO KAFKA (AWS PRIVATELINK pl (PORT 9092), BROKER 'a:9092', BROKERS ('b:9092'));";
        assert_eq!(
            mz102(three)
                .into_iter()
                .map(|(_, span, note)| (span, note))
                .collect::<Vec<_>>(),
            vec![
                (
                    "BROKER 'a:9092'".to_string(),
                    "AWS PRIVATELINK pl (PORT 9092)".to_string()
                ),
                (
                    "BROKERS ('b:9092')".to_string(),
                    "AWS PRIVATELINK pl (PORT 9092)".to_string()
                ),
            ]
        );
        // A repeated BROKER is MZ101's, not a conflict.
        assert!(
            mz102("CREATE CONNECTION k TO KAFKA (BROKER 'a:9092', BROKER 'b:9092');").is_empty()
        );
        // Legacy FOR form, placeholders: same.
        one(
            "CREATE CONNECTION k FOR KAFKA BROKER '${BROKER}', BROKERS ('<broker>');",
            "can only set one of BROKER, BROKERS, or AWS PRIVATELINK",
            "BROKERS ('<broker>')",
            "BROKER '${BROKER}'",
        );
    }

    #[test]
    fn authentication_conflicts() {
        let x63 = "CREATE CONNECTION aws_x TO AWS (ACCESS KEY ID 'AKIAEXAMPLE', SECRET ACCESS KEY SECRET pg_pass,\n    ASSUME ROLE ARN 'arn:aws:iam::123456789012:role/mz');";
        one(
            x63,
            "cannot specify both ACCESS KEY ID and ASSUME ROLE ARN",
            "ASSUME ROLE ARN 'arn:aws:iam::123456789012:role/mz'",
            "ACCESS KEY ID 'AKIAEXAMPLE'",
        );
        one(
            "CREATE CONNECTION my_x TO MYSQL (HOST 'h', USER 'u', PASSWORD SECRET mysql_pass, AWS CONNECTION aws_role, SSL MODE 'required');",
            "AWS IAM authentication is not supported with password",
            "AWS CONNECTION aws_role",
            "PASSWORD SECRET mysql_pass",
        );
        let kafka = "CREATE CONNECTION k TO KAFKA (BROKER 'a:9092', SASL USERNAME 'u', AWS CONNECTION msk, SASL PASSWORD SECRET pw);";
        assert_eq!(
            mz102(kafka),
            vec![
                (
                    "option SASL USERNAME not supported with this configuration".to_string(),
                    "AWS CONNECTION msk".to_string(),
                    "SASL USERNAME 'u'".to_string()
                ),
                (
                    "option SASL PASSWORD not supported with this configuration".to_string(),
                    "SASL PASSWORD SECRET pw".to_string(),
                    "AWS CONNECTION msk".to_string()
                ),
            ]
        );
        // SSH TUNNEL with AWS PRIVATELINK is MZ305's.
        assert!(mz102(
            "CREATE CONNECTION pg_x TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', SSH TUNNEL bastion, AWS PRIVATELINK pl_svc);"
        )
        .is_empty());
    }

    #[test]
    fn secrets_never_appear() {
        let canary = CANARY;
        let sql = format!(
            "CREATE CONNECTION my_x TO MYSQL (HOST 'h', USER 'u', PASSWORD '{canary}', AWS CONNECTION aws_role, SSL MODE 'required');\nCREATE CONNECTION a TO AWS (SECRET ACCESS KEY '{canary}', ACCESS KEY ID '{canary}', ASSUME ROLE ARN 'arn');"
        );
        let diagnostics = of(&lint(&sql), "MZ102");
        assert_eq!(diagnostics.len(), 2, "{diagnostics:#?}");
        assert_never_said(canary, &sql, &diagnostics);
    }

    #[test]
    fn kafka_source_start_options() {
        one(
            "CREATE SOURCE s2 FROM KAFKA CONNECTION kafka_prod (TOPIC 'events', START OFFSET (0), START TIMESTAMP 0);",
            "cannot specify START TIMESTAMP and START OFFSET at same time",
            "START TIMESTAMP 0",
            "START OFFSET (0)",
        );
    }

    #[test]
    fn alter_connection_actions() {
        one(
            "ALTER CONNECTION bastion ROTATE KEYS, SET (PORT 22);",
            "cannot specify any other actions alongside ALTER CONNECTION...ROTATE KEYS",
            "SET (PORT 22)",
            "ROTATE KEYS",
        );
        one(
            "ALTER CONNECTION bastion ROTATE KEYS WITH (VALIDATE = true);",
            "ALTER CONNECTION...ROTATE KEYS does not support WITH (…)",
            "(VALIDATE = true)",
            "ROTATE KEYS",
        );
        one(
            "ALTER CONNECTION pg_main SET (HOST 'x'), DROP (HOST);",
            "cannot both SET and DROP/RESET options HOST",
            "HOST",
            "HOST 'x'",
        );
        one(
            "alter connection pg_main reset (ssl mode), set (sslmode 'require');",
            "cannot both SET and DROP/RESET options SSL MODE",
            "sslmode 'require'",
            "ssl mode",
        );
        one(
            "ALTER CONNECTION k SET (BROKER 'a:9092'), RESET (BROKERS);",
            "cannot both SET and DROP/RESET mutually exclusive KAFKA options BROKER, BROKERS",
            "BROKERS",
            "BROKER 'a:9092'",
        );
        assert!(mz102("ALTER CONNECTION bastion ROTATE KEYS;").is_empty());
        assert!(mz102("ALTER CONNECTION k SET (BROKER 'a:9092'), SET (PORT 1);").is_empty());
    }

    #[test]
    fn alter_against_the_effective_definition() {
        let create = "CREATE CONNECTION \"AWS\" TO AWS (ACCESS KEY ID SECRET k, SECRET ACCESS KEY SECRET s);";
        let alter = "ALTER CONNECTION \"AWS\" SET (ASSUME ROLE ARN 'arn:aws:iam::1:role/r');";
        let project = lint_project(&[create, alter]);
        assert!(of(&project[0], "MZ102").is_empty());
        let d = of(&project[1], "MZ102");
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(
            d[0].message,
            "cannot specify both ACCESS KEY ID and ASSUME ROLE ARN"
        );
        assert_eq!(
            &alter[d[0].span.range()],
            "ASSUME ROLE ARN 'arn:aws:iam::1:role/r'"
        );
        assert_eq!(d[0].related[0].file, crate::FileId(0));
        assert_eq!(
            &create[d[0].related[0].span.range()],
            "ACCESS KEY ID SECRET k"
        );

        // Dropping the keys in the same ALTER resolves it.
        let switch = "ALTER CONNECTION \"AWS\" RESET (ACCESS KEY ID), RESET (SECRET ACCESS KEY), SET (ASSUME ROLE ARN 'arn:aws:iam::1:role/r');";
        assert!(of(&lint_project(&[create, switch])[1], "MZ102").is_empty());

        // SET BROKER drops BROKERS; SET AWS PRIVATELINK does not drop BROKER.
        let kafka = "CREATE CONNECTION k TO KAFKA (BROKERS ('a:9092', 'b:9092'));";
        let broker = "ALTER CONNECTION k SET (BROKER 'c:9092');";
        assert!(of(&lint_project(&[kafka, broker])[1], "MZ102").is_empty());
        let privatelink = "ALTER CONNECTION k SET (AWS PRIVATELINK pl);";
        let d = of(&lint_project(&[kafka, privatelink])[1], "MZ102");
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].message,
            "can only set one of BROKER, BROKERS, or AWS PRIVATELINK"
        );

        // Earlier ALTERs count; a conflict the CREATE already has is reported there only.
        let earlier = "ALTER CONNECTION k SET (BROKER 'c:9092');";
        let project = lint_project(&[kafka, earlier, privatelink]);
        let d = of(&project[2], "MZ102");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].related[0].file, crate::FileId(1));
        let both = "CREATE CONNECTION k TO KAFKA (BROKER 'a:9092', BROKERS ('b:9092'));";
        let port = "ALTER CONNECTION k SET (SSH TUNNEL t);";
        let project = lint_project(&[both, port]);
        assert_eq!(of(&project[0], "MZ102").len(), 1);
        assert!(of(&project[1], "MZ102").is_empty());
    }

    #[test]
    fn crlf_and_non_ascii() {
        let sql = "/* π ≈ 3.14 */\r\nCREATE CONNECTION k TO KAFKA (\r\n  BROKER 'a:9092',\r\n  BROKERS ('b:9092')\r\n);\r\n";
        one(
            sql,
            "can only set one of BROKER, BROKERS, or AWS PRIVATELINK",
            "BROKERS ('b:9092')",
            "BROKER 'a:9092'",
        );
    }

    #[test]
    fn suppression_comment_silences_it() {
        let sql = "CREATE CONNECTION k TO KAFKA (BROKER 'a:9092', BROKERS ('b:9092')); -- mzlint: ignore[MZ102]\n";
        assert!(lint(sql).is_empty(), "{:#?}", lint(sql));
    }
}

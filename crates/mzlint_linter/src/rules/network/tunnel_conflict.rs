use crate::prelude::*;
use crate::rules::security::common::{alter_actions, ConnDef, ConnOption, Subject};

declare_rule! {
/// ## What it does
///
/// Reports two network-path mistakes Materialize rejects at plan time:
///
/// 1. `SSH TUNNEL` together with connection-level `AWS PRIVATELINK` on one
///    POSTGRES, MYSQL, SQL SERVER, CONFLUENT SCHEMA REGISTRY or KAFKA
///    connection (`cannot specify both SSH TUNNEL and AWS PRIVATELINK`),
///    reported on the option written second with a note at the first. For
///    `ALTER CONNECTION` the effective definition is judged, and the finding
///    is reported when the ALTER sets one of the two.
/// 2. `AWS PRIVATELINK <name> (PORT n)` on a connection other than KAFKA
///    (`POSTGRES does not support PORT for AWS PRIVATELINK`), reported on the
///    `(PORT n)` group.
///
/// Not reported on Kafka per-broker `USING` clauses or on Kafka's
/// connection-level `AWS PRIVATELINK … (PORT n)`, which sets the default
/// route of all brokers.
///
/// ## Why is this bad?
///
/// Materialize rejects both (`test/cloudtest/test_privatelink_connection.py`;
/// `src/sql/src/plan/statement/ddl/connection.rs`). For the first, which of
/// the two paths was meant cannot be known.
///
/// ## Example
///
/// ```sql
/// CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require', AWS PRIVATELINK pl, SSH TUNNEL bastion);
/// ```
///
/// reports `cannot specify both SSH TUNNEL and AWS PRIVATELINK` on `SSH
/// TUNNEL bastion` (help: `choose one network path`). Use instead:
///
/// ```sql
/// CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require', AWS PRIVATELINK pl);
/// ```
///
/// ## Fix
///
/// Case 2 (safe), when the connection has no PORT or one with the same
/// number: remove `(PORT n)` and, if missing, add `, PORT n` after the AWS
/// PRIVATELINK option (`, SET (PORT n)` after the action in an ALTER). Case
/// 1: none.
    pub(crate) static RULE = {
        code: "MZ305",
        name: "tunnel-conflict",
        severity: Error,
        scope: Statement,
        fix: Safe,
        fix_summary: "safe (PORT move)",
        summary: "SSH TUNNEL with AWS PRIVATELINK; PrivateLink PORT on non-Kafka",
        check: Statement(check),
    }
}

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(subject) = Subject::of(ctx.statement) else {
        return;
    };
    let Some(def) = subject.definition(ctx) else {
        return;
    };
    let connection_type = def.connection_type;
    let tunnelled_types = [
        ConnectionType::Postgres,
        ConnectionType::MySql,
        ConnectionType::SqlServer,
        ConnectionType::ConfluentSchemaRegistry,
        ConnectionType::Kafka,
    ];
    if !tunnelled_types.contains(&connection_type) {
        return;
    }
    check_both_paths(ctx, &def, out);
    if connection_type != ConnectionType::Kafka {
        check_privatelink_port(ctx, &subject, &def, out);
    }
}

/// Case 1: SSH TUNNEL and AWS PRIVATELINK in the (effective) definition.
fn check_both_paths(ctx: &StatementContext<'_>, def: &ConnDef<'_>, out: &mut Vec<Diagnostic>) {
    let first_of = |name: OptionName| {
        def.options
            .iter()
            .find(|o| o.name == name && o.option.value.is_some())
    };
    let (Some(ssh), Some(privatelink)) = (
        first_of(OptionName::SshTunnel),
        first_of(OptionName::AwsPrivatelink),
    ) else {
        return;
    };
    // The option written second: in a CREATE, the later one; in an ALTER,
    // the one the ALTER sets (the later one when it sets both).
    let (second, first) = match (ssh.here, privatelink.here) {
        (true, true) | (false, false) => {
            if ssh.option.span.start > privatelink.option.span.start {
                (ssh, privatelink)
            } else {
                (privatelink, ssh)
            }
        }
        (true, false) => (ssh, privatelink),
        (false, true) => (privatelink, ssh),
    };
    if !second.here {
        return; // neither is written by this statement
    }
    let diagnostic = ctx
        .diagnostic(
            &RULE,
            second.option.span,
            "cannot specify both SSH TUNNEL and AWS PRIVATELINK",
        )
        .with_help("choose one network path");
    out.push(with_first(ctx, diagnostic, first));
}

fn with_first(
    ctx: &StatementContext<'_>,
    diagnostic: Diagnostic,
    first: &ConnOption<'_>,
) -> Diagnostic {
    let note = format!("{} is also set", first.name.as_str());
    if first.here {
        diagnostic.with_related(ctx.file_id(), first.option.span, format!("{note} here"))
    } else {
        diagnostic.with_note(format!("{note} on the connection"))
    }
}

/// Case 2: `AWS PRIVATELINK pl (PORT n)` on a non-Kafka connection.
fn check_privatelink_port(
    ctx: &StatementContext<'_>,
    subject: &Subject<'_>,
    def: &ConnDef<'_>,
    out: &mut Vec<Diagnostic>,
) {
    for option in def
        .options
        .iter()
        .filter(|o| o.here && o.name == OptionName::AwsPrivatelink)
    {
        let Some(Value::PrivateLink(privatelink)) = &option.option.value else {
            continue;
        };
        let Some((group, port)) = &privatelink.port else {
            continue;
        };
        let port_text = match port.as_ref() {
            Value::Number { text, .. } => text.clone(),
            other => ctx.text(other.span()).to_string(),
        };
        let message = format!(
            "{} does not support PORT for AWS PRIVATELINK",
            def.connection_type.as_str()
        );
        let diagnostic = ctx
            .diagnostic(&RULE, *group, message)
            .with_help(format!(
                "write PORT {port_text} as a separate connection option"
            ))
            .with_fix_opt(port_fix(
                subject,
                def,
                option.option,
                privatelink,
                *group,
                port,
            ));
        out.push(diagnostic);
    }
}

/// Move the PORT out of the AWS PRIVATELINK option, when the connection has
/// no PORT of its own or one with the same number.
fn port_fix(
    subject: &Subject<'_>,
    def: &ConnDef<'_>,
    option: &SqlOption,
    privatelink: &PrivateLinkRef,
    group: Span,
    port: &Value,
) -> Option<Fix> {
    let Value::Number { text, .. } = port else {
        return None;
    };
    let existing = def.get(&OptionName::Port);
    let add_port = match existing.and_then(|o| o.option.value.as_ref()) {
        None if existing.is_none() => true,
        Some(Value::Number { text: other, .. }) if other == text => false,
        _ => return None,
    };
    let removal = Span::new(privatelink.name.span().end, group.end);
    let title = format!("Move PORT {text} to a connection option");
    let edits = match subject {
        Subject::Create(_) => {
            let content = if add_port {
                format!(", PORT {text}")
            } else {
                String::new()
            };
            vec![Edit::replace(removal, content)]
        }
        Subject::Alter(alter) => {
            let mut edits = vec![Edit::delete(removal)];
            if add_port {
                let action = alter_actions(alter).iter().find(|a| {
                    matches!(&a.kind, AlterConnectionItemKind::Set(o) if std::ptr::eq(o, option))
                })?;
                edits.push(Edit::insert(
                    action.span.end,
                    format!(", SET (PORT {text})"),
                ));
            }
            edits
        }
    };
    Some(Fix::safe(title, edits))
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::{Applicability, Severity};
    use crate::rules::security::common::test_support::*;
    use crate::testing::{assert_fixes_converge, render_sql};

    const BAD: &str = "CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require', AWS PRIVATELINK pl, SSH TUNNEL bastion);";
    const GOOD: &str = "CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require', AWS PRIVATELINK pl);";

    #[test]
    fn bad_example() {
        let d = only_finding(BAD, Some(ELSEWHERE), "MZ305");
        assert_eq!(
            d.message,
            "cannot specify both SSH TUNNEL and AWS PRIVATELINK"
        );
        assert_eq!(span_text(BAD, &d), "SSH TUNNEL bastion");
        assert_eq!(d.severity, Severity::Error);
        assert_eq!(d.help.as_deref(), Some("choose one network path"));
        assert_eq!(d.related.len(), 1);
        assert_eq!(d.related[0].message, "AWS PRIVATELINK is also set here");
        assert_eq!(&BAD[d.related[0].span.range()], "AWS PRIVATELINK pl");
        assert!(d.fix.is_none());
    }

    #[test]
    fn good_example() {
        assert_clean(GOOD, Some(ELSEWHERE));
    }

    #[test]
    fn both_paths_on_every_tunnelled_type() {
        for sql in [
            "CREATE CONNECTION c TO MYSQL (HOST 'h.internal', USER 'u', SSH TUNNEL bastion, AWS PRIVATELINK pl);",
            "CREATE CONNECTION c TO SQL SERVER (HOST 'h.internal', DATABASE 'd', USER 'u', PASSWORD SECRET p, SSH TUNNEL bastion, AWS PRIVATELINK pl);",
            "CREATE CONNECTION c TO CONFLUENT SCHEMA REGISTRY (URL 'https://csr.internal', SSH TUNNEL bastion, AWS PRIVATELINK pl);",
            "CREATE CONNECTION c TO KAFKA (SSH TUNNEL bastion, AWS PRIVATELINK pl (PORT 9092));",
        ] {
            let diagnostics = findings(sql, Some(ELSEWHERE), "MZ305");
            assert_eq!(diagnostics.len(), 1, "{sql}");
            assert!(span_text(sql, &diagnostics[0]).starts_with("AWS PRIVATELINK pl"), "{sql}");
            assert_eq!(diagnostics[0].related[0].message, "SSH TUNNEL is also set here");
        }
        // Kafka per-broker routes are not connection-level paths.
        let sql = "CREATE CONNECTION k TO KAFKA (BROKERS ('b1:9092' USING SSH TUNNEL bastion, 'b2:9092' USING AWS PRIVATELINK pl));";
        assert_none(sql, Some(ELSEWHERE), "MZ305");
    }

    #[test]
    fn privatelink_port_on_non_kafka() {
        let sql = "CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', SSL MODE 'require', AWS PRIVATELINK pl (PORT 5433));";
        let d = only_finding(sql, Some(ELSEWHERE), "MZ305");
        assert_eq!(
            d.message,
            "POSTGRES does not support PORT for AWS PRIVATELINK"
        );
        assert_eq!(span_text(sql, &d), "(PORT 5433)");
        assert_eq!(
            d.help.as_deref(),
            Some("write PORT 5433 as a separate connection option")
        );
        let fix = d.fix.as_ref().unwrap();
        assert_eq!(fix.applicability, Applicability::Safe);
        assert_eq!(fix.message, "Move PORT 5433 to a connection option");
        assert_eq!(
            assert_fixes_converge(sql, Some(ELSEWHERE)),
            sql.replace(
                "AWS PRIVATELINK pl (PORT 5433)",
                "AWS PRIVATELINK pl, PORT 5433"
            )
        );
        // The same PORT already written: just remove the group.
        let sql = "CREATE CONNECTION c TO MYSQL (HOST 'h.internal', PORT 5433, USER 'u', SSL MODE 'required', AWS PRIVATELINK pl (PORT 5433));";
        let d = only_finding(sql, Some(ELSEWHERE), "MZ305");
        assert_eq!(d.message, "MYSQL does not support PORT for AWS PRIVATELINK");
        assert_eq!(
            assert_fixes_converge(sql, Some(ELSEWHERE)),
            sql.replace("AWS PRIVATELINK pl (PORT 5433)", "AWS PRIVATELINK pl")
        );
        // A different PORT: no fix.
        let sql = "CREATE CONNECTION c TO MYSQL (HOST 'h.internal', PORT 3306, USER 'u', SSL MODE 'required', AWS PRIVATELINK pl (PORT 5433));";
        assert!(only_finding(sql, Some(ELSEWHERE), "MZ305").fix.is_none());
        // CSR and SQL Server too; Kafka allows it.
        let sql = "CREATE CONNECTION c TO CONFLUENT SCHEMA REGISTRY (URL 'https://csr.internal', AWS PRIVATELINK pl (PORT 8081));";
        assert_eq!(
            findings(sql, Some(ELSEWHERE), "MZ305")[0].message,
            "CONFLUENT SCHEMA REGISTRY does not support PORT for AWS PRIVATELINK"
        );
        assert_none(
            "CREATE CONNECTION k TO KAFKA (AWS PRIVATELINK pl (PORT 9092));",
            Some(ELSEWHERE),
            "MZ305",
        );
    }

    #[test]
    fn alter_on_the_effective_definition() {
        let create = "CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', SSL MODE 'require', AWS PRIVATELINK pl);\n";
        let sql = format!("{create}ALTER CONNECTION pg SET (SSH TUNNEL bastion);");
        let d = only_finding(&sql, Some(ELSEWHERE), "MZ305");
        assert_eq!(span_text(&sql, &d), "SSH TUNNEL bastion");
        assert_eq!(
            d.notes,
            vec!["AWS PRIVATELINK is also set on the connection".to_string()]
        );
        // Swapping paths in one statement is fine.
        let sql = format!(
            "{create}ALTER CONNECTION pg RESET (AWS PRIVATELINK), SET (SSH TUNNEL bastion);"
        );
        assert_none(&sql, Some(ELSEWHERE), "MZ305");
        // An ALTER that touches neither does not repeat the CREATE's finding.
        let both = "CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', SSL MODE 'require', AWS PRIVATELINK pl, SSH TUNNEL bastion);\n";
        let sql = format!("{both}ALTER CONNECTION pg SET (PORT 5433);");
        assert_eq!(findings(&sql, Some(ELSEWHERE), "MZ305").len(), 1);
        // PORT moved out of an ALTER's PrivateLink option.
        let sql = format!("{create}ALTER CONNECTION pg SET (AWS PRIVATELINK pl (PORT 5433));");
        let d = only_finding(&sql, Some(ELSEWHERE), "MZ305");
        assert_eq!(span_text(&sql, &d), "(PORT 5433)");
        assert!(assert_fixes_converge(&sql, Some(ELSEWHERE))
            .ends_with("ALTER CONNECTION pg SET (AWS PRIVATELINK pl), SET (PORT 5433);"));
        // Unknown connection: silent.
        assert_none(
            "ALTER CONNECTION pg SET (AWS PRIVATELINK pl (PORT 5433));",
            None,
            "MZ305",
        );
    }

    #[test]
    fn case_comments_crlf_legacy_suppression() {
        let sql = "-- Tunnel über den Bastion-Host\r\ncreate connection \"PG\" to postgres (host 'pg.internal', database 'shop', user 'mz', ssl mode 'require',\r\n  ssh /* ! */ tunnel bastion,\r\n  aws privatelink pl);\r\n";
        let d = only_finding(sql, Some(ELSEWHERE), "MZ305");
        assert_eq!(span_text(sql, &d), "aws privatelink pl");

        let legacy = "CREATE CONNECTION pg FOR POSTGRES HOST 'pg.internal', DATABASE 'shop', USER 'mz', SSL MODE 'require', AWS PRIVATELINK pl (PORT 5433);";
        let d = &findings(legacy, Some(ELSEWHERE), "MZ305")[0];
        assert_eq!(span_text(legacy, d), "(PORT 5433)");
        let fixed = assert_fixes_converge(legacy, Some(ELSEWHERE));
        assert!(fixed.contains("AWS PRIVATELINK pl, PORT 5433"), "{fixed}");

        assert_clean(&format!("{BAD} -- mzlint: ignore[MZ305]"), Some(ELSEWHERE));
    }

    #[test]
    fn snapshot() {
        insta::assert_snapshot!("bad_example", render_sql(BAD, &lint(BAD, Some(ELSEWHERE))));
    }
}

use super::common::name_as_written;
use crate::prelude::*;

declare_rule! {
/// ## What it does
///
/// Reports the 2022 form `CREATE CONNECTION x FOR <TYPE> opt, …` (no
/// parentheses) and broker lists in brackets, `BROKERS [ … ]`.
///
/// Messages: ``connection `bastion` uses the legacy form FOR SSH TUNNEL …;
/// write TO SSH TUNNEL ( … )`` (on `FOR <TYPE>`) and `BROKERS [ … ] is the
/// legacy form; write BROKERS ( … )` (on the brackets).
///
/// ## Why is this bad?
///
/// The documentation uses `TO <TYPE> (…)` and `BROKERS (…)`; `FOR` survives
/// only for compatibility (`materialize-ddl.md` §6.2; older
/// `test/ssh-connection/ssh-connections.td`).
///
/// ## Example
///
/// ```sql
/// CREATE CONNECTION bastion FOR SSH TUNNEL HOST 'bastion.acme-corp.net', USER 'mz', PORT 22;
/// ```
///
/// Use instead:
///
/// ```sql
/// CREATE CONNECTION bastion TO SSH TUNNEL (HOST 'bastion.acme-corp.net', USER 'mz', PORT 22);
/// ```
///
/// ## Fix (safe)
///
/// `FOR` becomes `TO` and the option list is parenthesised (before any
/// `WITH`); brackets become parentheses.
    pub(crate) static RULE = {
        code: "MZ703",
        name: "legacy-connection-syntax",
        severity: Warning,
        scope: Statement,
        fix: Safe,
        fix_summary: "safe",
        summary: "`CREATE CONNECTION … FOR <TYPE>`, `BROKERS [ … ]`",
        check: Statement(check),
    }
}

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    let options: Vec<&SqlOption> = match &ctx.statement.kind {
        StatementKind::CreateConnection(create) => {
            if let Some(for_span) = create.legacy_for {
                legacy_for(ctx, create, for_span, out);
            }
            create.options.options.iter().collect()
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
        _ => return,
    };
    for option in options {
        if option.name != OptionName::Brokers {
            continue;
        }
        let Some(Value::List {
            span,
            bracket: Bracket::Square,
            ..
        }) = &option.value
        else {
            continue;
        };
        let open = Span::new(span.start, span.start + 1);
        let close = Span::new(span.end - 1, span.end);
        out.push(
            ctx.diagnostic(
                &RULE,
                *span,
                "BROKERS [ … ] is the legacy form; write BROKERS ( … )",
            )
            .with_fix(Fix::safe(
                "Write BROKERS ( … )",
                vec![Edit::replace(open, "("), Edit::replace(close, ")")],
            )),
        );
    }
}

/// `CREATE CONNECTION x FOR <TYPE> opt, …`.
fn legacy_for(
    ctx: &StatementContext<'_>,
    create: &CreateConnection,
    for_span: Span,
    out: &mut Vec<Diagnostic>,
) {
    let type_name = create.connection_type.as_str();
    let name = name_as_written(ctx.source(), &create.name);
    // `FOR` is the first word of the span; keep the case it was written in.
    let for_word = Span::new(for_span.start, for_span.start + 3);
    let to = if ctx.text(for_word) == "for" {
        "to"
    } else {
        "TO"
    };
    let mut edits = vec![Edit::replace(for_word, to)];
    if !create.options.parenthesized && !create.options.options.is_empty() {
        edits.push(Edit::insert(create.options.span.start, "("));
        edits.push(Edit::insert(create.options.span.end, ")"));
    }
    out.push(
        ctx.diagnostic(
            &RULE,
            for_span,
            format!(
                "connection `{name}` uses the legacy form FOR {type_name} …; write TO {type_name} ( … )"
            ),
        )
        .with_fix(Fix::safe(format!("Write TO {type_name} ( … )"), edits)),
    );
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;
    use crate::testing::assert_fixes_converge;
    use crate::Applicability;

    const BAD: &str = "CREATE CONNECTION bastion FOR SSH TUNNEL HOST 'bastion.acme-corp.net', USER 'mz', PORT 22;";
    const GOOD: &str = "CREATE CONNECTION bastion TO SSH TUNNEL (HOST 'bastion.acme-corp.net', USER 'mz', PORT 22);";
    const BROKERS: &str = "BROKERS [ … ] is the legacy form; write BROKERS ( … )";

    #[test]
    fn bad_example() {
        assert_eq!(
            found(BAD, None),
            vec![(
                "MZ703".to_string(),
                "connection `bastion` uses the legacy form FOR SSH TUNNEL …; write TO SSH TUNNEL ( … )".to_string(),
                "FOR SSH TUNNEL".to_string()
            )]
        );
        let d = &diagnostics_of(BAD, "MZ703", None)[0];
        assert_eq!(d.fix.as_ref().unwrap().applicability, Applicability::Safe);
        insta::assert_snapshot!(render(BAD, None));
    }

    #[test]
    fn good_example() {
        assert_clean(GOOD, None);
    }

    #[test]
    fn fix_writes_to_and_parentheses() {
        assert_eq!(assert_fixes_converge(BAD, None), GOOD);
        // Before WITH; lower case kept; a comment inside; CRLF; non-ASCII.
        let sql = "-- Verbindung für Kafka\r\ncreate connection k for /* 2022 */ kafka\r\n  broker 'k1.internal:9092' with (validate = true);\r\n";
        assert_one(
            sql,
            "MZ703",
            "connection `k` uses the legacy form FOR KAFKA …; write TO KAFKA ( … )",
            "for /* 2022 */ kafka",
            None,
        );
        assert_eq!(
            assert_fixes_converge(sql, None),
            "-- Verbindung für Kafka\r\ncreate connection k to /* 2022 */ kafka\r\n  (broker 'k1.internal:9092') with (validate = true);\r\n"
        );
        // Quoted, qualified names are shown as written.
        let sql = "CREATE CONNECTION app.\"Bastion\" FOR SSH TUNNEL HOST 'b.internal', USER 'mz';";
        assert_eq!(
            of(sql, "MZ703", None)[0].0,
            "connection `app.\"Bastion\"` uses the legacy form FOR SSH TUNNEL …; write TO SSH TUNNEL ( … )"
        );
    }

    #[test]
    fn bracketed_brokers() {
        let sql = "CREATE CONNECTION kafka_dev TO KAFKA (BROKERS ['k1:9092', 'k2:9092' USING SSH TUNNEL bastion], SECURITY PROTOCOL = 'SSL');";
        assert_one(
            sql,
            "MZ703",
            BROKERS,
            "['k1:9092', 'k2:9092' USING SSH TUNNEL bastion]",
            None,
        );
        assert_eq!(
            assert_fixes_converge(sql, None),
            "CREATE CONNECTION kafka_dev TO KAFKA (BROKERS ('k1:9092', 'k2:9092' USING SSH TUNNEL bastion), SECURITY PROTOCOL = 'SSL');"
        );
        let sql = "ALTER CONNECTION kafka_dev SET (BROKERS = ['k1:9092']);";
        assert_one(sql, "MZ703", BROKERS, "['k1:9092']", None);
        assert_eq!(
            assert_fixes_converge(sql, None),
            "ALTER CONNECTION kafka_dev SET (BROKERS = ('k1:9092'));"
        );
        // Both forms in one statement: two reports, both fixed.
        let sql = "CREATE CONNECTION k FOR KAFKA BROKERS ['k1:9092', 'k2:9092'];";
        assert_eq!(of(sql, "MZ703", None).len(), 2);
        assert_eq!(
            assert_fixes_converge(sql, None),
            "CREATE CONNECTION k TO KAFKA (BROKERS ('k1:9092', 'k2:9092'));"
        );
        assert_clean(
            "CREATE CONNECTION k TO KAFKA (BROKERS ('k1:9092', 'k2:9092'));",
            None,
        );
    }

    #[test]
    fn suppression_silences_it() {
        let sql = format!("{BAD} -- mzlint: ignore[MZ703]");
        assert_clean(&sql, None);
    }
}

use super::common::{
    collapsed_text, delete_clause, delete_element, enclosing_list, name_as_written,
    removed_option_deletion,
};
use crate::prelude::*;

declare_rule! {
/// ## What it does
///
/// Reports forms that current Materialize no longer parses (or always
/// rejects). The parser recognises them and recovers, so each is reported
/// precisely instead of as a bare syntax error; each distinct form once per
/// statement, on its own span (the clause, option or statement head):
///
/// | Form | Message | Fix |
/// |---|---|---|
/// | `CREATE MATERIALIZED SOURCE` | `CREATE MATERIALIZED SOURCE was removed; use CREATE SOURCE and materialized views` | none |
/// | `FROM KAFKA BROKER '…' TOPIC '…'` | `inline Kafka brokers were removed; create a KAFKA connection and use FROM KAFKA CONNECTION <name> (TOPIC '…')` | none |
/// | `FROM POSTGRES CONNECTION '<string>'` | `inline PostgreSQL connection strings were removed; create a secret and a POSTGRES connection` (the string is never shown) | none |
/// | `FROM FILE`, `S3`, `KINESIS`, `PUBNUB` | `FILE sources were removed` (per kind) | none |
/// | `CREATE VIEWS FROM SOURCE` | `CREATE VIEWS FROM SOURCE was removed; use CREATE TABLE … FROM SOURCE` | none |
/// | `CREATE CONNECTOR` | `CREATE CONNECTOR was renamed CREATE CONNECTION` | none |
/// | `FROM POSTGRES CONNECTION c PUBLICATION 'p'` | `PUBLICATION must be written in parentheses: (PUBLICATION 'p')` | safe: add them |
/// | `FROM KAFKA CONNECTION c TOPIC 't'` | `TOPIC must be written in parentheses: (TOPIC 't')` | safe: add them |
/// | source `WITH (REMOTE …)`, `DISK`, `TIMELINE`, `IGNORE KEYS`, `timestamp_frequency_ms` | `source option TIMELINE was removed` | unsafe: delete |
/// | SQL Server `CAPTURE INSTANCE '…'` | `CAPTURE INSTANCE was removed; Materialize finds the capture instance itself` | safe: delete |
/// | `ENVELOPE DEBEZIUM UPSERT` | `ENVELOPE DEBEZIUM UPSERT was removed; use ENVELOPE DEBEZIUM` | none |
/// | `TO YUGABYTE`, `FROM YUGABYTE CONNECTION` | `YUGABYTE connections are not supported by current Materialize` | none |
/// | AWS option `ROLE ARN` | `ROLE ARN was renamed ASSUME ROLE ARN` | safe: rename |
/// | `ALTER SOURCE s DROP SUBSOURCE x` (or `DROP TABLE`) | `ALTER SOURCE...DROP SUBSOURCE no longer supported; use DROP SOURCE` | unsafe: `DROP SOURCE [IF EXISTS] x [CASCADE]` |
/// | `DROP SUBSOURCE x` | `DROP SUBSOURCE does not exist; use DROP SOURCE x` | safe: `SUBSOURCE` → `SOURCE` |
///
/// `SIZE` on sources and sinks is MZ700.
///
/// ## Why is this bad?
///
/// These forms live on in old tests, demos and dbt projects (older
/// `test/pg-cdc/pg-cdc-ssl.td`; `MaterializeInc/mz-hack-day-2022`), and
/// Materialize answers them with generic parse errors such as `Expected end
/// of statement, found PUBLICATION` (`materialize-ddl.md` §6.1).
///
/// ## Example
///
/// ```sql
/// CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg PUBLICATION 'mz_pub' FOR TABLES (public.orders);
/// ```
///
/// Use instead:
///
/// ```sql
/// CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders);
/// ```
///
/// ## Fix
///
/// Per form, as the table says. Deleting an option also deletes one
/// adjacent comma, and a `WITH (…)` or option list it leaves empty. An
/// inline connection string is never shown or copied (it holds a password).
    pub(crate) static RULE = {
        code: "MZ701",
        name: "removed-syntax",
        severity: Error,
        scope: Statement,
        fix: Sometimes,
        fix_summary: "safe (some forms)",
        summary: "Removed form, reported precisely",
        check: Statement(check),
    }
}

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    let mut seen: Vec<&RemovedForm> = Vec::new();
    for removed in &ctx.statement.removed {
        if removed.form == RemovedForm::SourceSize || seen.contains(&&removed.form) {
            continue;
        }
        seen.push(&removed.form);
        let (message, fix) = describe(ctx, removed);
        out.push(
            ctx.diagnostic(&RULE, removed.span, message)
                .with_fix_opt(fix),
        );
    }
}

/// The message and fix of one removed form.
fn describe(ctx: &StatementContext<'_>, removed: &RemovedSyntax) -> (String, Option<Fix>) {
    let source = ctx.source();
    let span = removed.span;
    match &removed.form {
        RemovedForm::MaterializedSource => (
            "CREATE MATERIALIZED SOURCE was removed; use CREATE SOURCE and materialized views"
                .into(),
            None,
        ),
        RemovedForm::InlineKafkaBroker => {
            let topic = source_connection(ctx)
                .and_then(|c| c.options.as_ref())
                .and_then(|o| o.get(OptionName::Topic))
                .and_then(|o| o.value.as_ref())
                .and_then(Value::as_text)
                .unwrap_or("…");
            (
                format!(
                    "inline Kafka brokers were removed; create a KAFKA connection and use FROM KAFKA CONNECTION <name> (TOPIC '{topic}')"
                ),
                None,
            )
        }
        // The string holds credentials: never shown (rules.md §2).
        RemovedForm::InlinePostgresConnectionString => (
            "inline PostgreSQL connection strings were removed; create a secret and a POSTGRES connection"
                .into(),
            None,
        ),
        RemovedForm::RemovedSourceKind(kind) => (format!("{kind} sources were removed"), None),
        RemovedForm::CreateViewsFromSource => (
            "CREATE VIEWS FROM SOURCE was removed; use CREATE TABLE … FROM SOURCE".into(),
            None,
        ),
        RemovedForm::CreateConnector => (
            "CREATE CONNECTOR was renamed CREATE CONNECTION".into(),
            None,
        ),
        RemovedForm::UnparenthesizedPublication | RemovedForm::UnparenthesizedTopic => {
            let name = if removed.form == RemovedForm::UnparenthesizedTopic {
                "TOPIC"
            } else {
                "PUBLICATION"
            };
            let option = collapsed_text(&ctx.file.file.parsed.tokens, source, span);
            (
                format!("{name} must be written in parentheses: ({option})"),
                Some(Fix::safe(
                    format!("Write ({option})"),
                    vec![Edit::insert(span.start, "("), Edit::insert(span.end, ")")],
                )),
            )
        }
        RemovedForm::RemovedSourceOption(name) => (
            format!("source option {name} was removed"),
            removed_option_deletion(ctx, span)
                .map(|edit| Fix::unsafe_(format!("Remove {name}"), vec![edit])),
        ),
        RemovedForm::CaptureInstance => (
            "CAPTURE INSTANCE was removed; Materialize finds the capture instance itself".into(),
            option_deletion(ctx, span)
                .map(|edit| Fix::safe("Remove CAPTURE INSTANCE", vec![edit])),
        ),
        RemovedForm::EnvelopeDebeziumUpsert => (
            "ENVELOPE DEBEZIUM UPSERT was removed; use ENVELOPE DEBEZIUM".into(),
            None,
        ),
        RemovedForm::Yugabyte => (
            "YUGABYTE connections are not supported by current Materialize".into(),
            None,
        ),
        RemovedForm::RoleArn => (
            "ROLE ARN was renamed ASSUME ROLE ARN".into(),
            Some(Fix::safe(
                "Rename to ASSUME ROLE ARN",
                vec![Edit::replace(span, "ASSUME ROLE ARN")],
            )),
        ),
        RemovedForm::AlterSourceDropSubsource => (
            "ALTER SOURCE...DROP SUBSOURCE no longer supported; use DROP SOURCE".into(),
            drop_source_rewrite(ctx),
        ),
        RemovedForm::DropSubsource => {
            let names = match &ctx.statement.kind {
                StatementKind::Drop(drop) => drop
                    .names
                    .iter()
                    .map(|n| name_as_written(source, n))
                    .collect::<Vec<_>>()
                    .join(", "),
                _ => String::new(),
            };
            (
                format!("DROP SUBSOURCE does not exist; use DROP SOURCE {names}"),
                Some(Fix::safe(
                    "Write DROP SOURCE",
                    vec![Edit::replace(span, "SOURCE")],
                )),
            )
        }
        // MZ700's.
        RemovedForm::SourceSize => (String::new(), None),
    }
}

fn source_connection<'a>(ctx: &StatementContext<'a>) -> Option<&'a SourceConnection> {
    match &ctx.statement.kind {
        StatementKind::CreateSource(CreateSource {
            body: SourceBody::Connection(c),
            ..
        }) => Some(c),
        _ => None,
    }
}

/// Delete a source option (`CAPTURE INSTANCE`): the element, or the whole
/// parenthesised list when it is alone (the list is optional).
fn option_deletion(ctx: &StatementContext<'_>, span: Span) -> Option<Edit> {
    let tokens = &ctx.file.file.parsed.tokens;
    let list = enclosing_list(tokens, span)?;
    let index = list.index_of(span)?;
    if list.elements.len() == 1 {
        return Some(delete_clause(
            tokens,
            Span::new(list.open.start, list.close.end),
        ));
    }
    delete_element(ctx.source(), &list, index)
}

/// `ALTER SOURCE s DROP SUBSOURCE [IF EXISTS] x, y [CASCADE]` →
/// `DROP SOURCE [IF EXISTS] x, y [CASCADE]` (the whole statement).
fn drop_source_rewrite(ctx: &StatementContext<'_>) -> Option<Fix> {
    let StatementKind::AlterSource(AlterSource {
        action:
            AlterSourceAction::DropSubsources {
                if_exists,
                names,
                cascade,
            },
        ..
    }) = &ctx.statement.kind
    else {
        return None;
    };
    let names: Vec<String> = names
        .iter()
        .map(|n| name_as_written(ctx.source(), n))
        .collect();
    let mut text = String::from("DROP SOURCE ");
    if *if_exists {
        text.push_str("IF EXISTS ");
    }
    text.push_str(&names.join(", "));
    if *cascade {
        text.push_str(" CASCADE");
    }
    Some(Fix::unsafe_(
        format!("Rewrite as {text}"),
        vec![Edit::replace(ctx.statement.span, text)],
    ))
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;
    use crate::testing::assert_fixes_converge;
    use crate::Applicability;

    const BAD: &str = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg PUBLICATION 'mz_pub' FOR TABLES (public.orders);";
    const GOOD: &str = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders);";

    /// Exactly one MZ701 with this message on this text, and its fix's
    /// applicability (`None`: no fix).
    fn assert_form(sql: &str, message: &str, text: &str, fix: Option<Applicability>) {
        assert_one(sql, "MZ701", message, text, None);
        let d = &diagnostics_of(sql, "MZ701", None)[0];
        assert_eq!(d.fix.as_ref().map(|f| f.applicability), fix, "{sql}");
    }

    #[test]
    fn bad_example() {
        assert_eq!(
            found(BAD, None),
            vec![(
                "MZ701".to_string(),
                "PUBLICATION must be written in parentheses: (PUBLICATION 'mz_pub')".to_string(),
                "PUBLICATION 'mz_pub'".to_string()
            )]
        );
        insta::assert_snapshot!(render(BAD, None));
    }

    #[test]
    fn good_example() {
        assert_clean(GOOD, None);
    }

    #[test]
    fn parenthesising_fixes() {
        assert_eq!(assert_fixes_converge(BAD, None), GOOD);
        let sql =
            "CREATE SOURCE s IN CLUSTER ingest FROM KAFKA CONNECTION kafka_prod TOPIC 'events';";
        assert_form(
            sql,
            "TOPIC must be written in parentheses: (TOPIC 'events')",
            "TOPIC 'events'",
            Some(Applicability::Safe),
        );
        assert_eq!(
            assert_fixes_converge(sql, None),
            "CREATE SOURCE s IN CLUSTER ingest FROM KAFKA CONNECTION kafka_prod (TOPIC 'events');"
        );
        // Lower case, a comment between name and value, CRLF, non-ASCII.
        let sql = "-- Zürich\r\ncreate source src in cluster ingest\r\n  from postgres connection pg publication /* p */ 'mz_pub';\r\n";
        assert_form(
            sql,
            "PUBLICATION must be written in parentheses: (publication 'mz_pub')",
            "publication /* p */ 'mz_pub'",
            Some(Applicability::Safe),
        );
        assert_eq!(
            assert_fixes_converge(sql, None),
            "-- Zürich\r\ncreate source src in cluster ingest\r\n  from postgres connection pg (publication /* p */ 'mz_pub');\r\n"
        );
    }

    #[test]
    fn statement_heads() {
        assert_form(
            "CREATE MATERIALIZED SOURCE src IN CLUSTER ingest FROM KAFKA CONNECTION k (TOPIC 't') FORMAT TEXT;",
            "CREATE MATERIALIZED SOURCE was removed; use CREATE SOURCE and materialized views",
            "CREATE MATERIALIZED SOURCE",
            None,
        );
        assert_form(
            "CREATE VIEWS FROM SOURCE pg_src;",
            "CREATE VIEWS FROM SOURCE was removed; use CREATE TABLE … FROM SOURCE",
            "CREATE VIEWS FROM SOURCE",
            None,
        );
        assert_form(
            "CREATE CONNECTOR ssh TO SSH TUNNEL (HOST 'bastion.internal', USER 'mz');",
            "CREATE CONNECTOR was renamed CREATE CONNECTION",
            "CREATE CONNECTOR",
            None,
        );
    }

    #[test]
    fn removed_source_kinds_and_inline_forms() {
        assert_form(
            "CREATE SOURCE src IN CLUSTER ingest FROM KAFKA BROKER 'kafka:9092' TOPIC 'events' FORMAT TEXT;",
            "inline Kafka brokers were removed; create a KAFKA connection and use FROM KAFKA CONNECTION <name> (TOPIC 'events')",
            "KAFKA BROKER 'kafka:9092' TOPIC 'events'",
            None,
        );
        for kind in ["FILE", "S3", "KINESIS", "PUBNUB"] {
            let sql = format!("CREATE SOURCE src IN CLUSTER ingest FROM {kind} 'x' FORMAT TEXT;");
            assert_form(&sql, &format!("{kind} sources were removed"), kind, None);
        }
        assert_form(
            "CREATE SOURCE src IN CLUSTER ingest FROM KAFKA CONNECTION k (TOPIC 't') FORMAT AVRO USING CONFLUENT SCHEMA REGISTRY CONNECTION csr ENVELOPE DEBEZIUM UPSERT;",
            "ENVELOPE DEBEZIUM UPSERT was removed; use ENVELOPE DEBEZIUM",
            "ENVELOPE DEBEZIUM UPSERT",
            None,
        );
        assert_form(
            "CREATE CONNECTION yb TO YUGABYTE (HOST 'yb.internal', DATABASE 'd', USER 'u', SSL MODE 'require');",
            "YUGABYTE connections are not supported by current Materialize",
            "YUGABYTE",
            None,
        );
        assert_form(
            "CREATE SOURCE src IN CLUSTER ingest FROM YUGABYTE CONNECTION yb (PUBLICATION 'p');",
            "YUGABYTE connections are not supported by current Materialize",
            "YUGABYTE CONNECTION",
            None,
        );
    }

    #[test]
    fn inline_connection_string_is_never_shown() {
        let sql = format!(
            "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION 'host=pg user=mz password={CANARY} dbname=shop' PUBLICATION 'mz_pub' FOR ALL TABLES;"
        );
        let found = of(&sql, "MZ701", None);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].0,
            "inline PostgreSQL connection strings were removed; create a secret and a POSTGRES connection"
        );
        assert_no_canary(&sql, None);
        assert_no_canary(&sql, Some(WITH_MZ702));
    }

    #[test]
    fn removed_source_options() {
        let sql = "CREATE SOURCE src IN CLUSTER ingest FROM KAFKA CONNECTION k (TOPIC 't') WITH (REMOTE 'x:1', DISK = true, TIMELINE 'user', IGNORE KEYS = true, timestamp_frequency_ms = 100);";
        let messages: Vec<String> = of(sql, "MZ701", None).into_iter().map(|(m, _)| m).collect();
        assert_eq!(
            messages,
            [
                "source option REMOTE was removed",
                "source option DISK was removed",
                "source option TIMELINE was removed",
                "source option IGNORE KEYS was removed",
                "source option TIMESTAMP_FREQUENCY_MS was removed",
            ]
        );
        for d in diagnostics_of(sql, "MZ701", None) {
            assert_eq!(d.fix.unwrap().applicability, Applicability::Unsafe);
        }
        assert_eq!(
            assert_fixes_converge(sql, None),
            "CREATE SOURCE src IN CLUSTER ingest FROM KAFKA CONNECTION k (TOPIC 't');"
        );
        let sql = "CREATE SOURCE src IN CLUSTER ingest FROM KAFKA CONNECTION k (TOPIC 't') WITH (TIMELINE 'user', RETAIN HISTORY FOR '1h');";
        assert_form(
            sql,
            "source option TIMELINE was removed",
            "TIMELINE 'user'",
            Some(Applicability::Unsafe),
        );
        assert_eq!(
            assert_fixes_converge(sql, None),
            "CREATE SOURCE src IN CLUSTER ingest FROM KAFKA CONNECTION k (TOPIC 't') WITH (RETAIN HISTORY FOR '1h');"
        );
        // ALTER SOURCE … RESET with SIZE (MZ700) and TIMELINE (MZ701).
        let sql = "ALTER SOURCE src RESET (SIZE, TIMELINE, RETAIN HISTORY);";
        assert_form(
            sql,
            "source option TIMELINE was removed",
            "TIMELINE",
            Some(Applicability::Unsafe),
        );
        assert_eq!(
            assert_fixes_converge(sql, None),
            "ALTER SOURCE src RESET (RETAIN HISTORY);"
        );
        // Alone in an ALTER: no fix.
        assert_form(
            "ALTER SOURCE src SET (TIMELINE 'user');",
            "source option TIMELINE was removed",
            "TIMELINE 'user'",
            None,
        );
    }

    #[test]
    fn capture_instance() {
        let sql = "CREATE SOURCE s IN CLUSTER ingest FROM SQL SERVER CONNECTION mssql (CAPTURE INSTANCE 'dbo_orders');";
        assert_form(
            sql,
            "CAPTURE INSTANCE was removed; Materialize finds the capture instance itself",
            "CAPTURE INSTANCE 'dbo_orders'",
            Some(Applicability::Safe),
        );
        assert_eq!(
            assert_fixes_converge(sql, None),
            "CREATE SOURCE s IN CLUSTER ingest FROM SQL SERVER CONNECTION mssql;"
        );
        let sql = "CREATE SOURCE s IN CLUSTER ingest FROM SQL SERVER CONNECTION mssql (TEXT COLUMNS (dbo.orders.note), capture /* old */ instance 'dbo_orders') FOR TABLES (dbo.orders);";
        assert_eq!(
            assert_fixes_converge(sql, None),
            "CREATE SOURCE s IN CLUSTER ingest FROM SQL SERVER CONNECTION mssql (TEXT COLUMNS (dbo.orders.note)) FOR TABLES (dbo.orders);"
        );
    }

    #[test]
    fn role_arn() {
        let sql = "CREATE CONNECTION aws TO AWS (ROLE ARN 'arn:aws:iam::123456789012:role/mz', REGION 'us-east-1');";
        assert_form(
            sql,
            "ROLE ARN was renamed ASSUME ROLE ARN",
            "ROLE ARN",
            Some(Applicability::Safe),
        );
        assert_eq!(
            assert_fixes_converge(sql, None),
            "CREATE CONNECTION aws TO AWS (ASSUME ROLE ARN 'arn:aws:iam::123456789012:role/mz', REGION 'us-east-1');"
        );
        // The legacy FOR form too.
        let sql = "CREATE CONNECTION aws FOR AWS ROLE ARN 'arn:aws:iam::123456789012:role/mz';";
        assert_form(
            sql,
            "ROLE ARN was renamed ASSUME ROLE ARN",
            "ROLE ARN",
            Some(Applicability::Safe),
        );
    }

    #[test]
    fn drop_subsource_forms() {
        let sql =
            "ALTER SOURCE pg_legacy DROP SUBSOURCE IF EXISTS app_users, db.s.\"Other\" CASCADE;";
        assert_form(
            sql,
            "ALTER SOURCE...DROP SUBSOURCE no longer supported; use DROP SOURCE",
            "DROP SUBSOURCE IF EXISTS app_users, db.s.\"Other\" CASCADE",
            Some(Applicability::Unsafe),
        );
        assert_eq!(
            assert_fixes_converge(sql, None),
            "DROP SOURCE IF EXISTS app_users, db.s.\"Other\" CASCADE;"
        );
        let sql = "alter source pg_legacy drop table app_users restrict;";
        assert_eq!(assert_fixes_converge(sql, None), "DROP SOURCE app_users;");
        let sql = "DROP SUBSOURCE app_users;";
        assert_form(
            sql,
            "DROP SUBSOURCE does not exist; use DROP SOURCE app_users",
            "SUBSOURCE",
            Some(Applicability::Safe),
        );
        assert_eq!(assert_fixes_converge(sql, None), "DROP SOURCE app_users;");
    }

    #[test]
    fn each_form_once_per_statement() {
        // Two TIMELINE options: one report.
        let sql = "CREATE SOURCE src IN CLUSTER ingest FROM KAFKA CONNECTION k (TOPIC 't') WITH (TIMELINE 'a', RETAIN HISTORY FOR '1h', TIMELINE 'b');";
        assert_eq!(of(sql, "MZ701", None).len(), 1);
        // Distinct forms in one statement are reported separately.
        let sql = "CREATE MATERIALIZED SOURCE src IN CLUSTER ingest FROM KAFKA CONNECTION k TOPIC 't' FORMAT TEXT;";
        assert_eq!(of(sql, "MZ701", None).len(), 2);
    }

    #[test]
    fn suppression_silences_it() {
        let sql = format!("{BAD} /* mzlint: ignore[MZ701] kept for the 2022 demo */");
        assert_clean(&sql, None);
    }
}

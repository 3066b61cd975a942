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
    delete_element(tokens, &list, index)
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

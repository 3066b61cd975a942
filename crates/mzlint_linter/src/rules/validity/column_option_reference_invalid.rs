use super::values_common::entry_parts;
use crate::prelude::*;
use crate::rules::common::{delete_list_element, source_option_name};

declare_rule! {
/// ## What it does
///
/// Reports entries of TEXT COLUMNS and EXCLUDE COLUMNS (or IGNORE COLUMNS) lists that Materialize
/// rejects:
///
/// 1. in `CREATE SOURCE` and `ALTER SOURCE … ADD … WITH` (qualified context): a POSTGRES entry with
///    one part (`column name 'kind' must have at least a table qualification`); a MYSQL or SQL
///    SERVER entry with fewer than three (`schema.table.column`);
/// 2. in `CREATE TABLE … FROM SOURCE … WITH` (unqualified context): an entry with more than one
///    part;
/// 3. in the qualified context, an entry whose table the statement does not add (`TEXT COLUMNS
///    refers to table not currently being added`). Added tables are the FOR TABLES entries, the
///    tables of FOR SCHEMAS schemas, and the ADD list; names match from the right (table names
///    equal, and each further part present on both sides equal). Skipped under FOR ALL TABLES;
/// 4. `CREATE SOURCE` with TEXT/EXCLUDE COLUMNS and no FOR clause (`TEXT COLUMNS option is
///    unnecessary when no tables are added`);
/// 5. one entry twice in a list, after folding (`unexpected multiple references to …`).
///
/// The source kind of an `ALTER SOURCE` comes from the project model. The span is the entry; for
/// case 4, the option.
///
/// ## Why is this bad?
///
/// Materialize rejects these during purification (`src/sql/src/pure/postgres.rs`,
/// `src/sql/src/pure/error.rs`): the source is not created.
///
/// ## Example
///
/// ```sql
/// CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub', TEXT COLUMNS (public.users.kind)) FOR TABLES (public.orders);
/// ```
///
/// Use instead:
///
/// ```sql
/// CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub', TEXT COLUMNS (public.orders.status)) FOR TABLES (public.orders);
/// ```
///
/// ## Fix
///
/// Case 2 (safe): drop the qualifier when it names the statement's REFERENCE table (and its schema,
/// if written). Case 5 (safe): delete the repeat. No fix otherwise.
    pub(crate) static RULE = {
        code: "MZ110",
        name: "column-option-reference-invalid",
        severity: Error,
        scope: Statement,
        fix: Safe,
        fix_summary: "safe (some cases)",
        summary: "TEXT/EXCLUDE COLUMNS entry mis-qualified, dangling, pointless or repeated",
        check: Statement(check),
    }
}

/// What a qualified-context statement adds.
enum Added<'a> {
    /// `CREATE SOURCE` without a FOR clause.
    Nothing,
    AllTables,
    Tables(Vec<&'a ItemName>),
    Schemas(&'a [Ident]),
}

/// Where a column list is.
enum Context<'a> {
    /// `CREATE SOURCE` or `ALTER SOURCE … ADD`; the source kind when known.
    Qualified {
        kind: Option<SourceKind>,
        added: Added<'a>,
        alter: bool,
    },
    /// `CREATE TABLE … FROM SOURCE`, with its REFERENCE.
    Unqualified { reference: Option<&'a ItemName> },
}

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    match &ctx.statement.kind {
        StatementKind::CreateSource(source) => {
            let SourceBody::Connection(conn) = &source.body else {
                return;
            };
            if !is_database_kind(conn.kind) {
                return; // column lists of other kinds are MZ100's
            }
            let Some(list) = &conn.options else { return };
            let added = match conn.external_refs.as_ref().map(|r| &r.kind) {
                None => Added::Nothing,
                Some(ExternalRefsKind::All) => Added::AllTables,
                Some(ExternalRefsKind::Tables(refs)) => {
                    Added::Tables(refs.iter().map(|r| &r.upstream).collect())
                }
                Some(ExternalRefsKind::Schemas(schemas)) => Added::Schemas(schemas),
            };
            let context = Context::Qualified {
                kind: Some(conn.kind),
                added,
                alter: false,
            };
            for option in &list.options {
                let name = source_option_name(&option.name, conn.kind);
                if matches!(
                    name,
                    Some(OptionName::TextColumns | OptionName::ExcludeColumns)
                ) {
                    check_list(ctx, out, &context, name.as_ref().unwrap(), option);
                }
            }
        }
        StatementKind::AlterSource(alter) => {
            let AlterSourceAction::AddSubsources {
                refs,
                with_options: Some(list),
            } = &alter.action
            else {
                return;
            };
            let kind = ctx.project().source_kind(ctx.location(), &alter.name);
            if kind.is_some_and(|k| !is_database_kind(k)) {
                return; // MZ501
            }
            let context = Context::Qualified {
                kind,
                added: Added::Tables(refs.iter().map(|r| &r.upstream).collect()),
                alter: true,
            };
            for option in &list.options {
                check_list(ctx, out, &context, &option.name, option);
            }
        }
        StatementKind::CreateTableFromSource(table) => {
            let Some(list) = &table.with_options else {
                return;
            };
            let context = Context::Unqualified {
                reference: table.reference.as_ref().map(|(_, name)| name),
            };
            for option in &list.options {
                check_list(ctx, out, &context, &option.name, option);
            }
        }
        _ => {}
    }
}

fn is_database_kind(kind: SourceKind) -> bool {
    matches!(
        kind,
        SourceKind::Postgres | SourceKind::MySql | SourceKind::SqlServer
    )
}

fn check_list(
    ctx: &StatementContext<'_>,
    out: &mut Vec<Diagnostic>,
    context: &Context<'_>,
    name: &OptionName,
    option: &SqlOption,
) {
    if !matches!(name, OptionName::TextColumns | OptionName::ExcludeColumns) {
        return;
    }
    let Some(Value::List { items, .. }) = &option.value else {
        return; // no value: MZ106
    };
    let entries: Vec<(Vec<&Ident>, Span)> = items.iter().filter_map(entry_parts).collect();
    if let Context::Qualified {
        added: Added::Nothing,
        ..
    } = context
    {
        if !entries.is_empty() {
            let columns: Vec<&str> = entries
                .iter()
                .map(|(parts, _)| parts.last().map_or("", |p| p.value.as_str()))
                .collect();
            let noun = if columns.len() == 1 {
                "column"
            } else {
                "columns"
            };
            out.push(
                ctx.diagnostic(
                    &RULE,
                    option.span,
                    format!("{name} option is unnecessary when no tables are added"),
                )
                .with_help(format!(
                    "move the {noun} to CREATE TABLE … FROM SOURCE … WITH ({name} ({}))",
                    columns.join(", ")
                )),
            );
        }
        return;
    }
    let item_spans: Vec<Span> = items.iter().map(Value::span).collect();
    let mut seen: Vec<(Vec<&str>, Span)> = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let Some((parts, span)) = entry_parts(item) else {
            continue; // placeholders
        };
        let key: Vec<&str> = parts.iter().map(|p| p.value.as_str()).collect();
        if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
            out.push(
                ctx.diagnostic(
                    &RULE,
                    span,
                    format!("{name} lists {} more than once", key.join(".")),
                )
                .with_help("remove the repeated entry")
                .with_related(ctx.file_id(), *first, "first listed here")
                .with_fix(Fix::safe(
                    "Remove the repeated entry",
                    delete_list_element(ctx.source(), &item_spans, index),
                )),
            );
            continue;
        }
        seen.push((key, span));
        match context {
            Context::Unqualified { reference } => {
                if parts.len() > 1 {
                    out.push(unqualified_entry(ctx, name, &parts, span, *reference));
                }
            }
            Context::Qualified { kind, added, alter } => {
                if let Some(diagnostic) = qualification(ctx, name, *kind, added, &parts, span) {
                    out.push(diagnostic);
                    continue;
                }
                if let Some(diagnostic) = not_added(ctx, name, added, *alter, &parts, span) {
                    out.push(diagnostic);
                }
            }
        }
    }
}

/// Case 2: a qualified entry in `CREATE TABLE … FROM SOURCE`.
fn unqualified_entry(
    ctx: &StatementContext<'_>,
    name: &OptionName,
    parts: &[&Ident],
    span: Span,
    reference: Option<&ItemName>,
) -> Diagnostic {
    let column = parts[parts.len() - 1];
    let column_text = ctx.text(column.span);
    let qualifier = &parts[..parts.len() - 1];
    let names_reference = reference.is_some_and(|r| {
        qualifier.len() <= r.parts.len()
            && qualifier
                .iter()
                .rev()
                .zip(r.parts.iter().rev())
                .all(|(q, r)| q.value == r.value)
    });
    let diagnostic = ctx.diagnostic(
        &RULE,
        span,
        format!("{name} of CREATE TABLE … FROM SOURCE takes unqualified column names"),
    );
    if names_reference {
        diagnostic
            .with_help(format!(
                "write {column_text}: the table is the one named by REFERENCE"
            ))
            .with_fix(Fix::safe(
                format!("Write {column_text} without its qualifier"),
                vec![Edit::replace(span, column_text)],
            ))
    } else {
        diagnostic.with_help(
            "write the column name alone; CREATE TABLE … FROM SOURCE takes the columns of the table its REFERENCE names",
        )
    }
}

/// Case 1: too few parts for the source kind.
fn qualification(
    ctx: &StatementContext<'_>,
    name: &OptionName,
    kind: Option<SourceKind>,
    added: &Added<'_>,
    parts: &[&Ident],
    span: Span,
) -> Option<Diagnostic> {
    let three = matches!(kind, Some(SourceKind::MySql | SourceKind::SqlServer));
    let minimum = if three { 3 } else { 2 };
    if parts.len() >= minimum {
        return None;
    }
    let entry = parts
        .iter()
        .map(|p| p.value.as_str())
        .collect::<Vec<_>>()
        .join(".");
    let column = parts[parts.len() - 1].value.as_str();
    // Suggest the full name when exactly one added table fits the entry.
    let suggestion = match added {
        Added::Tables(tables) => {
            let qualifier = &parts[..parts.len() - 1];
            let fitting: Vec<&&ItemName> = tables
                .iter()
                .filter(|t| matches_from_right(qualifier, t))
                .collect();
            match fitting.as_slice() {
                [table] if table.parts.len() + 1 >= minimum => {
                    Some(format!("{}.{column}", table.joined()))
                }
                _ => None,
            }
        }
        _ => None,
    };
    let (message, help) = if three {
        let kind = kind.map_or("MYSQL", SourceKind::as_str);
        (
            format!("column name '{entry}' in {name} must be qualified as schema.table.column"),
            match suggestion {
                Some(s) => format!("{kind} column references name the schema, the table and the column: write {s}"),
                None => format!("{kind} column references name the schema, the table and the column (schema.table.column)"),
            },
        )
    } else {
        (
            format!("column name '{entry}' in {name} must have at least a table qualification"),
            match suggestion {
                Some(s) => format!("write {s}"),
                None => "write it as schema.table.column".to_string(),
            },
        )
    };
    Some(ctx.diagnostic(&RULE, span, message).with_help(help))
}

/// Do the parts of `qualifier` match `table` from the right (table names
/// equal, each further part present on both sides equal)? An empty
/// qualifier matches every table.
fn matches_from_right(qualifier: &[&Ident], table: &ItemName) -> bool {
    qualifier
        .iter()
        .rev()
        .zip(table.parts.iter().rev())
        .all(|(q, t)| q.value == t.value)
}

/// Case 3: the entry's table is not added by the statement.
fn not_added(
    ctx: &StatementContext<'_>,
    name: &OptionName,
    added: &Added<'_>,
    alter: bool,
    parts: &[&Ident],
    span: Span,
) -> Option<Diagnostic> {
    let qualifier = &parts[..parts.len() - 1];
    let table = qualifier
        .iter()
        .map(|p| p.value.as_str())
        .collect::<Vec<_>>()
        .join(".");
    let help = match added {
        Added::Nothing | Added::AllTables => return None,
        Added::Tables(tables) => {
            if qualifier.is_empty() || tables.iter().any(|t| matches_from_right(qualifier, t)) {
                return None;
            }
            if alter {
                format!("add {table} to the tables this ALTER SOURCE adds, or remove the column")
            } else {
                format!("add {table} to FOR TABLES, or remove the column")
            }
        }
        Added::Schemas(schemas) => {
            // The schema is the part before the table; without one the
            // entry cannot be judged.
            if qualifier.len() < 2 {
                return None;
            }
            let schema = &qualifier[qualifier.len() - 2];
            if schemas.iter().any(|s| s.value == schema.value) {
                return None;
            }
            format!("add {} to FOR SCHEMAS, or remove the column", schema.value)
        }
    };
    Some(
        ctx.diagnostic(
            &RULE,
            span,
            format!("{name} refers to table {table}, which this statement does not add"),
        )
        .with_help(help),
    )
}

#[cfg(test)]
mod tests {
    use super::super::values_common::test_util::*;
    use crate::testing::lint_project;

    const BAD: &str = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub', TEXT COLUMNS (public.users.kind)) FOR TABLES (public.orders);";
    const GOOD: &str = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub', TEXT COLUMNS (public.orders.status)) FOR TABLES (public.orders);";

    fn pg(options: &str, refs: &str) -> String {
        format!("CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub', {options}) {refs};")
    }

    fn mysql(options: &str, refs: &str) -> String {
        format!("CREATE SOURCE src IN CLUSTER ingest FROM MYSQL CONNECTION my ({options}) {refs};")
    }

    #[test]
    fn bad_example() {
        let d = assert_bad_example(
            "MZ110",
            BAD,
            "TEXT COLUMNS refers to table public.users, which this statement does not add",
            "public.users.kind",
            "add public.users to FOR TABLES, or remove the column",
        );
        assert!(d.fix.is_none());
    }

    #[test]
    fn good_example() {
        assert_clean(GOOD);
    }

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(render(BAD));
    }

    #[test]
    fn case_1_qualification() {
        let sql = pg("TEXT COLUMNS (kind)", "FOR TABLES (public.users)");
        let d = only("MZ110", &sql);
        assert_eq!(
            d.message,
            "column name 'kind' in TEXT COLUMNS must have at least a table qualification"
        );
        assert_eq!(d.help.as_deref(), Some("write public.users.kind"));
        assert_eq!(&sql[d.span.range()], "kind");
        // `table.column` is enough for Postgres.
        assert_silent(
            "MZ110",
            &pg("TEXT COLUMNS (users.kind)", "FOR TABLES (public.users)"),
        );
        let sql = mysql(
            "TEXT COLUMNS (orders.flags), EXCLUDE COLUMNS [flags]",
            "FOR TABLES (shop.orders)",
        );
        let found = findings_of("MZ110", &sql);
        assert_eq!(
            found,
            vec![
                ("column name 'orders.flags' in TEXT COLUMNS must be qualified as schema.table.column".to_string(), "orders.flags".to_string()),
                ("column name 'flags' in EXCLUDE COLUMNS must be qualified as schema.table.column".to_string(), "flags".to_string()),
            ]
        );
        assert_eq!(
            only("MZ110", &mysql("TEXT COLUMNS (orders.flags)", "FOR TABLES (shop.orders)")).help.as_deref(),
            Some("MYSQL column references name the schema, the table and the column: write shop.orders.flags")
        );
        let sql = "CREATE SOURCE s FROM SQL SERVER CONNECTION ms (EXCLUDE COLUMNS (invoices.blob)) FOR TABLES (dbo.invoices);";
        assert_eq!(findings_of("MZ110", sql).len(), 1);
    }

    #[test]
    fn case_2_unqualified_context() {
        let sql = "CREATE TABLE orders FROM SOURCE pg_src (REFERENCE public.orders) WITH (TEXT COLUMNS (orders.status, public.orders.note, other.x));";
        let found = findings_of("MZ110", sql);
        assert_eq!(found.len(), 3);
        assert_eq!(
            found[0].0,
            "TEXT COLUMNS of CREATE TABLE … FROM SOURCE takes unqualified column names"
        );
        assert_eq!(
            fixed("MZ110", sql),
            "CREATE TABLE orders FROM SOURCE pg_src (REFERENCE public.orders) WITH (TEXT COLUMNS (status, note, other.x));"
        );
        // The schema must match when written; without one in REFERENCE it
        // cannot be confirmed.
        let sql = "CREATE TABLE orders FROM SOURCE pg_src (REFERENCE orders) WITH (EXCLUDE COLUMNS (public.orders.note));";
        assert!(only("MZ110", sql).fix.is_none());
        let sql = "CREATE TABLE orders FROM SOURCE pg_src (REFERENCE public.orders) WITH (IGNORE COLUMNS (billing.orders.note));";
        let d = only("MZ110", sql);
        assert_eq!(
            d.message,
            "EXCLUDE COLUMNS of CREATE TABLE … FROM SOURCE takes unqualified column names"
        );
        assert!(d.fix.is_none());
        // Quoted identifiers keep their case, in the comparison and the fix.
        let sql = "CREATE TABLE s FROM SOURCE pg_src (REFERENCE = \"Logistics\".\"Shipments\") WITH (TEXT COLUMNS (\"Shipments\".\"Status\"));";
        assert_eq!(
            fixed("MZ110", sql),
            "CREATE TABLE s FROM SOURCE pg_src (REFERENCE = \"Logistics\".\"Shipments\") WITH (TEXT COLUMNS (\"Status\"));"
        );
    }

    #[test]
    fn case_3_not_added() {
        // Matching from the right.
        assert_silent(
            "MZ110",
            &pg(
                "TEXT COLUMNS (orders.status, public.orders.note)",
                "FOR TABLES (public.orders)",
            ),
        );
        assert_silent(
            "MZ110",
            &pg(
                "TEXT COLUMNS (public.orders.status)",
                "FOR TABLES (orders AS o)",
            ),
        );
        assert_eq!(
            findings_of(
                "MZ110",
                &pg(
                    "TEXT COLUMNS (billing.orders.status)",
                    "FOR TABLES (public.orders)"
                )
            )
            .len(),
            1
        );
        // FOR SCHEMAS: the entry's schema must be listed.
        let sql = pg(
            "TEXT COLUMNS (public.orders.status, billing.invoices.kind, invoices.kind)",
            "FOR SCHEMAS (public)",
        );
        let d = only("MZ110", &sql);
        assert_eq!(&sql[d.span.range()], "billing.invoices.kind");
        assert_eq!(
            d.help.as_deref(),
            Some("add billing to FOR SCHEMAS, or remove the column")
        );
        // FOR ALL TABLES: skipped.
        assert_silent(
            "MZ110",
            &pg("TEXT COLUMNS (anything.at.all)", "FOR ALL TABLES"),
        );
        // ALTER SOURCE … ADD: the ADD list is what is added.
        let sql = "ALTER SOURCE pg_legacy ADD SUBSOURCE public.payments WITH (TEXT COLUMNS (public.refunds.method));";
        let d = only("MZ110", sql);
        assert_eq!(
            d.message,
            "TEXT COLUMNS refers to table public.refunds, which this statement does not add"
        );
        assert_eq!(
            d.help.as_deref(),
            Some("add public.refunds to the tables this ALTER SOURCE adds, or remove the column")
        );
    }

    #[test]
    fn case_4_nothing_added() {
        let sql = "CREATE SOURCE s1 FROM POSTGRES CONNECTION pg_main (PUBLICATION 'mz_pub', TEXT COLUMNS (public.orders.status));";
        let d = only("MZ110", sql);
        assert_eq!(
            d.message,
            "TEXT COLUMNS option is unnecessary when no tables are added"
        );
        assert_eq!(&sql[d.span.range()], "TEXT COLUMNS (public.orders.status)");
        assert_eq!(
            d.help.as_deref(),
            Some("move the column to CREATE TABLE … FROM SOURCE … WITH (TEXT COLUMNS (status))")
        );
        assert_silent("MZ110", "CREATE SOURCE s1 FROM POSTGRES CONNECTION pg_main (PUBLICATION 'mz_pub', TEXT COLUMNS ());");
    }

    #[test]
    fn case_5_repeats() {
        let sql = pg(
            "TEXT COLUMNS (public.orders.status, PUBLIC.Orders.STATUS, public.orders.note)",
            "FOR TABLES (public.orders)",
        );
        let d = only("MZ110", &sql);
        assert_eq!(
            d.message,
            "TEXT COLUMNS lists public.orders.status more than once"
        );
        assert_eq!(&sql[d.span.range()], "PUBLIC.Orders.STATUS");
        assert_eq!(d.related.len(), 1);
        assert_eq!(
            fixed("MZ110", &sql),
            pg(
                "TEXT COLUMNS (public.orders.status, public.orders.note)",
                "FOR TABLES (public.orders)"
            )
        );
        // The last element takes the comma before it.
        let sql =
            "CREATE TABLE t FROM SOURCE s (REFERENCE public.t) WITH (EXCLUDE COLUMNS (a, b, a));";
        assert_eq!(
            fixed("MZ110", sql),
            "CREATE TABLE t FROM SOURCE s (REFERENCE public.t) WITH (EXCLUDE COLUMNS (a, b));"
        );
        // A quoted "A" differs from a.
        assert_silent(
            "MZ110",
            "CREATE TABLE t FROM SOURCE s (REFERENCE public.t) WITH (EXCLUDE COLUMNS (a, \"A\"));",
        );
    }

    #[test]
    fn alter_source_kind_from_the_project() {
        let files = [
            (
                "a.sql",
                "CREATE SOURCE shop IN CLUSTER ingest FROM MYSQL CONNECTION my;",
            ),
            (
                "b.sql",
                "ALTER SOURCE shop ADD SUBSOURCE shop.orders WITH (TEXT COLUMNS (orders.flags));",
            ),
        ];
        let found: Vec<_> = lint_project(&files, None)
            .into_iter()
            .filter(|(_, d)| d.code() == "MZ110")
            .map(|(p, d)| (p, d.message))
            .collect();
        assert_eq!(
            found,
            vec![("b.sql".to_string(), "column name 'orders.flags' in TEXT COLUMNS must be qualified as schema.table.column".to_string())]
        );
        // Kafka sources cannot ADD (MZ501): silent.
        let files = [
            (
                "a.sql",
                "CREATE SOURCE k IN CLUSTER ingest FROM KAFKA CONNECTION kc (TOPIC 't');",
            ),
            (
                "b.sql",
                "ALTER SOURCE k ADD SUBSOURCE t WITH (TEXT COLUMNS (x));",
            ),
        ];
        assert!(lint_project(&files, None)
            .iter()
            .all(|(_, d)| d.code() != "MZ110"));
    }

    #[test]
    fn variants() {
        // Mixed case, comments, CRLF, non-ASCII before the span.
        let sql = "-- Benutzer (Ärger)\r\ncreate source src from postgres connection pg (publication 'p',\r\n  text /* as text */ columns (public.users.kind))\r\n  for tables (public.orders);\r\n";
        assert_eq!(
            findings_of("MZ110", sql),
            vec![(
                "TEXT COLUMNS refers to table public.users, which this statement does not add"
                    .to_string(),
                "public.users.kind".to_string()
            )]
        );
        // Placeholders are skipped.
        assert_silent(
            "MZ110",
            &pg("TEXT COLUMNS (<column>)", "FOR TABLES (public.orders)"),
        );
        // Not on Kafka sources (MZ100).
        assert_silent(
            "MZ110",
            "CREATE SOURCE k FROM KAFKA CONNECTION kc (TOPIC 't', TEXT COLUMNS (x));",
        );
    }

    #[test]
    fn suppressed() {
        assert_silent("MZ110", &format!("-- mzlint: ignore[MZ110]\n{BAD}"));
    }
}

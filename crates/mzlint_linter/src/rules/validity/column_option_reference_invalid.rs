use super::values_common::{delete_element, effective_source_option_name, entry_parts};
use crate::prelude::*;

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
                let name = effective_source_option_name(&option.name, conn.kind);
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
                    delete_element(ctx.source(), &item_spans, index),
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

use super::common::{
    apply_within, collapsed_text, delete_clause, delete_elements, enclosing_list, name_as_written,
};
use crate::prelude::*;
use crate::rules::common::source_option_name;

declare_rule! {
/// ## What it does
///
/// Reports the legacy multi-output syntax that Materialize rejects under
/// `force_source_table_syntax`:
///
/// * `FOR ALL TABLES`, `FOR TABLES (…)`, `FOR SCHEMAS (…)` on `CREATE SOURCE`;
/// * `ALTER SOURCE … ADD SUBSOURCE|TABLE`;
/// * TEXT/EXCLUDE COLUMNS in the `CREATE SOURCE` options;
/// * FORMAT, ENVELOPE, INCLUDE or a column list on a Kafka or load-generator
///   `CREATE SOURCE`, and `EXPOSE PROGRESS AS` on any `CREATE SOURCE`.
///
/// Each clause is reported on its own span. **Off by default**
/// (`extend-select = ["MZ702"]`): every targeted Materialize release still
/// accepts this syntax.
///
/// Message: `FOR TABLES creates legacy subsources; create the source alone
/// and add each table with CREATE TABLE … FROM SOURCE` — help: `CREATE TABLE
/// orders FROM SOURCE src (REFERENCE public.orders);`.
///
/// ## Why is this bad?
///
/// The source-table model is the documented syntax from v26
/// (`doc/user/content/sql/create-source/postgres-v2.md`); under
/// `force_source_table_syntax` these clauses fail with `<clause> not
/// supported; use CREATE TABLE .. FROM SOURCE instead`.
///
/// ## Example
///
/// ```sql
/// CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders);
/// ```
///
/// Use instead:
///
/// ```sql
/// CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub');
/// CREATE TABLE orders FROM SOURCE src (REFERENCE public.orders);
/// ```
///
/// ## Fix (display-only, FOR TABLES)
///
/// The statement without its FOR clause and TEXT/EXCLUDE COLUMNS, then one
/// `CREATE TABLE <alias or table> FROM SOURCE <source> (REFERENCE <upstream
/// name>)` per entry, carrying the entry's columns unqualified in
/// `WITH (TEXT COLUMNS (…))` / `WITH (EXCLUDE COLUMNS (…))`. Shown, never
/// applied: the tables are new objects, so they snapshot again and views on
/// the old subsources must be repointed.
    pub(crate) static RULE = {
        code: "MZ702",
        name: "legacy-subsource-syntax",
        severity: Info,
        enabled_by_default: false,
        scope: Statement,
        fix: DisplayOnly,
        fix_summary: "display-only (FOR TABLES)",
        summary: "Legacy subsource syntax; suggests CREATE TABLE … FROM SOURCE",
        check: Statement(check),
    }
}

const TABLES_MESSAGE: &str =
    "creates legacy subsources; create the source alone and add each table with CREATE TABLE … FROM SOURCE";

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    match &ctx.statement.kind {
        StatementKind::CreateSource(source) => {
            if let SourceBody::Connection(conn) = &source.body {
                create_source(ctx, source, conn, out);
            }
        }
        StatementKind::AlterSource(alter) => {
            if let AlterSourceAction::AddSubsources { refs, with_options } = &alter.action {
                add_subsource(ctx, alter, refs, with_options.as_ref(), out);
            }
        }
        _ => {}
    }
}

/// Does this kind of source take FOR clauses at all (MZ100 otherwise)?
fn is_multi_output(kind: SourceKind) -> bool {
    match kind {
        SourceKind::Postgres | SourceKind::MySql | SourceKind::SqlServer | SourceKind::Yugabyte => {
            true
        }
        SourceKind::LoadGenerator(generator) => generator.is_multi_output(),
        SourceKind::Kafka | SourceKind::Removed(_) => false,
    }
}

/// Kafka and load generators: where FORMAT, INCLUDE, ENVELOPE and column
/// lists are legacy rather than invalid (MZ100).
fn is_single_output_model(kind: SourceKind) -> bool {
    matches!(kind, SourceKind::Kafka | SourceKind::LoadGenerator(_))
}

fn create_source(
    ctx: &StatementContext<'_>,
    source: &CreateSource,
    conn: &SourceConnection,
    out: &mut Vec<Diagnostic>,
) {
    let text = ctx.source();
    let tokens = &ctx.file.file.parsed.tokens;
    let source_name = name_as_written(text, &source.name);
    let columns = column_options(conn);

    if is_single_output_model(conn.kind) {
        // The table statement these clauses move to.
        let clauses: Vec<String> = [
            conn.format.as_ref().map(|f| f.span),
            conn.include.as_ref().map(|i| i.span),
            conn.envelope.as_ref().map(|e| e.span),
        ]
        .into_iter()
        .flatten()
        .map(|span| collapsed_text(tokens, text, span))
        .collect();
        let table = format!(
            "CREATE TABLE <table> FROM SOURCE {source_name} {};",
            clauses.join(" ")
        );
        if let Some(columns) = &source.columns {
            let list = collapsed_text(tokens, text, columns.span);
            out.push(
                ctx.diagnostic(
                    &RULE,
                    columns.span,
                    "a column list on CREATE SOURCE is legacy syntax; create the source alone and name the columns in CREATE TABLE … FROM SOURCE",
                )
                .with_help(format!(
                    "CREATE TABLE <table> {list} FROM SOURCE {source_name} …;"
                )),
            );
        }
        for (clause, span) in [
            ("FORMAT", conn.format.as_ref().map(|f| f.span)),
            ("INCLUDE", conn.include.as_ref().map(|i| i.span)),
            ("ENVELOPE", conn.envelope.as_ref().map(|e| e.span)),
        ] {
            let Some(span) = span else { continue };
            out.push(
                ctx.diagnostic(
                    &RULE,
                    span,
                    format!(
                        "{clause} on CREATE SOURCE is legacy syntax; create the source alone and give {clause} in CREATE TABLE … FROM SOURCE"
                    ),
                )
                .with_help(table.clone()),
            );
        }
    }

    for column in &columns {
        let name = column.name.as_str();
        let help = match &conn.external_refs {
            Some(ExternalRefs {
                kind: ExternalRefsKind::Tables(entries),
                ..
            }) => entries
                .iter()
                .map(|e| table_statement(ctx, &source_name, e, &columns))
                .find(|s| s.contains(" WITH ("))
                .map(|s| format!("{s};"))
                .unwrap_or_else(|| generic_columns_help(&source_name, name)),
            _ => generic_columns_help(&source_name, name),
        };
        out.push(
            ctx.diagnostic(
                &RULE,
                column.option.span,
                format!(
                    "{name} on CREATE SOURCE is legacy syntax; give the columns unqualified in CREATE TABLE … FROM SOURCE … WITH ({name} (…))"
                ),
            )
            .with_help(help),
        );
    }

    if let Some(refs) = &conn.external_refs {
        if is_multi_output(conn.kind) {
            external_refs(ctx, source, conn, refs, &columns, out);
        }
    }

    if let Some((span, progress)) = &conn.expose_progress {
        let progress = name_as_written(text, progress);
        out.push(
            ctx.diagnostic(
                &RULE,
                *span,
                "EXPOSE PROGRESS on CREATE SOURCE is legacy syntax; in the new syntax the source itself reports progress",
            )
            .with_help(format!(
                "remove EXPOSE PROGRESS AS {progress} and query {source_name} for progress"
            )),
        );
    }
}

fn generic_columns_help(source_name: &str, name: &str) -> String {
    format!(
        "CREATE TABLE <table> FROM SOURCE {source_name} (REFERENCE <schema>.<table>) WITH ({name} (<column>));"
    )
}

/// `FOR ALL TABLES`, `FOR TABLES (…)`, `FOR SCHEMAS (…)`.
fn external_refs(
    ctx: &StatementContext<'_>,
    source: &CreateSource,
    conn: &SourceConnection,
    refs: &ExternalRefs,
    columns: &[ColumnOption<'_>],
    out: &mut Vec<Diagnostic>,
) {
    let text = ctx.source();
    let source_name = name_as_written(text, &source.name);
    let (clause, help, fix) = match &refs.kind {
        ExternalRefsKind::All => (
            "FOR ALL TABLES",
            format!(
                "CREATE TABLE <table> FROM SOURCE {source_name} (REFERENCE <schema>.<table>); for each table to ingest"
            ),
            None,
        ),
        ExternalRefsKind::Schemas(schemas) => {
            let schema = schemas
                .first()
                .map_or("<schema>", |s| s.span.text(text));
            (
                "FOR SCHEMAS",
                format!(
                    "CREATE TABLE <table> FROM SOURCE {source_name} (REFERENCE {schema}.<table>); for each table to ingest"
                ),
                None,
            )
        }
        ExternalRefsKind::Tables(entries) => {
            let statements: Vec<String> = entries
                .iter()
                .map(|e| table_statement(ctx, &source_name, e, columns))
                .collect();
            let mut help = format!("{};", statements.first().cloned().unwrap_or_default());
            if statements.len() > 1 {
                help.push_str(" likewise for each other table");
            }
            let fix = rewrite_for_tables(ctx, conn, refs, columns, &statements);
            ("FOR TABLES", help, Some(fix))
        }
    };
    out.push(
        ctx.diagnostic(&RULE, refs.span, format!("{clause} {TABLES_MESSAGE}"))
            .with_help(help)
            .with_fix_opt(fix),
    );
}

/// `ALTER SOURCE s ADD SUBSOURCE|TABLE …`.
fn add_subsource(
    ctx: &StatementContext<'_>,
    alter: &AlterSource,
    refs: &[ExternalRef],
    with_options: Option<&OptionList>,
    out: &mut Vec<Diagnostic>,
) {
    let text = ctx.source();
    let source_name = name_as_written(text, &alter.name);
    let columns: Vec<ColumnOption<'_>> = with_options
        .iter()
        .flat_map(|l| &l.options)
        .filter_map(ColumnOption::of)
        .collect();
    // `ADD SUBSOURCE` or `ADD TABLE`, as written.
    let words: Vec<&str> = ctx
        .text(alter.action_span)
        .split_whitespace()
        .take(2)
        .map(|w| w.trim_end_matches(|c: char| !c.is_ascii_alphabetic()))
        .collect();
    let clause = words.join(" ").to_ascii_uppercase();
    let mut help = refs
        .first()
        .map(|e| format!("{};", table_statement(ctx, &source_name, e, &columns)))
        .unwrap_or_default();
    if refs.len() > 1 {
        help.push_str(" likewise for each other table");
    }
    out.push(
        ctx.diagnostic(
            &RULE,
            alter.action_span,
            format!(
                "{clause} creates legacy subsources; add each table with CREATE TABLE … FROM SOURCE"
            ),
        )
        .with_help(help),
    );
}

/// A TEXT or EXCLUDE (IGNORE) COLUMNS option and its qualified entries.
struct ColumnOption<'a> {
    option: &'a SqlOption,
    /// Canonical: TEXT COLUMNS or EXCLUDE COLUMNS.
    name: OptionName,
    entries: Vec<&'a ItemName>,
}

impl<'a> ColumnOption<'a> {
    fn of(option: &'a SqlOption) -> Option<Self> {
        Self::named(option, option.name.clone())
    }

    fn named(option: &'a SqlOption, name: OptionName) -> Option<Self> {
        if !matches!(name, OptionName::TextColumns | OptionName::ExcludeColumns) {
            return None;
        }
        let entries = match &option.value {
            Some(Value::List { items, .. }) => items
                .iter()
                .filter_map(|item| match item {
                    Value::Name(name) if name.parts.len() >= 2 => Some(name),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        Some(ColumnOption {
            option,
            name,
            entries,
        })
    }
}

fn column_options(conn: &SourceConnection) -> Vec<ColumnOption<'_>> {
    if !is_multi_output(conn.kind) {
        return Vec::new(); // MZ100 reports them
    }
    conn.options
        .iter()
        .flat_map(|l| &l.options)
        .filter_map(|o| ColumnOption::named(o, source_option_name(&o.name, conn.kind)?))
        .collect()
}

/// Does the qualified column `column` (`[db.]schema.table.column`) belong
/// to the upstream table `table`? Names match from the right: the table
/// names are equal, and each further part present on both sides too.
fn column_of(column: &ItemName, table: &ItemName) -> bool {
    let column_table = &column.parts[..column.parts.len() - 1];
    column_table
        .iter()
        .rev()
        .zip(table.parts.iter().rev())
        .all(|(a, b)| a.value == b.value)
}

/// `CREATE TABLE <alias or table> FROM SOURCE <source> (REFERENCE <upstream>)
/// [WITH (TEXT COLUMNS (…), EXCLUDE COLUMNS (…))]`, without `;`.
fn table_statement(
    ctx: &StatementContext<'_>,
    source_name: &str,
    entry: &ExternalRef,
    columns: &[ColumnOption<'_>],
) -> String {
    let text = ctx.source();
    let table = match &entry.alias {
        Some(alias) => name_as_written(text, alias),
        None => entry.upstream.last().span.text(text).to_string(),
    };
    let reference = name_as_written(text, &entry.upstream);
    let mut with = Vec::new();
    for option in columns {
        let names: Vec<&str> = option
            .entries
            .iter()
            .filter(|c| column_of(c, &entry.upstream))
            .map(|c| c.last().span.text(text))
            .collect();
        if !names.is_empty() {
            with.push(format!("{} ({})", option.name, names.join(", ")));
        }
    }
    let mut statement =
        format!("CREATE TABLE {table} FROM SOURCE {source_name} (REFERENCE {reference})");
    if !with.is_empty() {
        statement.push_str(&format!(" WITH ({})", with.join(", ")));
    }
    statement
}

/// The display-only rewrite of a `CREATE SOURCE … FOR TABLES (…)`.
fn rewrite_for_tables(
    ctx: &StatementContext<'_>,
    conn: &SourceConnection,
    refs: &ExternalRefs,
    columns: &[ColumnOption<'_>],
    tables: &[String],
) -> Fix {
    let tokens = &ctx.file.file.parsed.tokens;
    let statement = ctx.statement.span;
    let mut edits = vec![delete_clause(tokens, refs.span)];
    if let (Some(list), Some(first)) = (&conn.options, columns.first()) {
        match enclosing_list(tokens, first.option.span) {
            Some(token_list) if list.parenthesized => {
                let indexes: Vec<usize> = columns
                    .iter()
                    .filter_map(|c| token_list.index_of(c.option.span))
                    .collect();
                if indexes.len() == token_list.elements.len() {
                    edits.push(delete_clause(tokens, list.span));
                } else {
                    edits.extend(delete_elements(ctx.source(), &token_list, &indexes));
                }
            }
            _ => {}
        }
    }
    let mut content = apply_within(ctx.source(), statement, &edits);
    for table in tables {
        content.push_str(";\n");
        content.push_str(table);
    }
    Fix::display_only(
        "Create the source alone and one table per entry with CREATE TABLE … FROM SOURCE",
        vec![Edit::replace(statement, content)],
    )
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;
    use crate::Applicability;

    const BAD: &str = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders);";
    const GOOD: &str = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub');\nCREATE TABLE orders FROM SOURCE src (REFERENCE public.orders);";
    const CFG: Option<&str> = Some(WITH_MZ702);

    /// The display-only rewrite of the first MZ702 carrying one.
    fn rewrite(sql: &str) -> String {
        let d = diagnostics_of(sql, "MZ702", CFG)
            .into_iter()
            .find(|d| d.fix.is_some())
            .expect("a fix");
        let fix = d.fix.unwrap();
        assert_eq!(fix.applicability, Applicability::DisplayOnly);
        crate::fix::apply_edits(sql, &fix.edits)
    }

    #[test]
    fn bad_example() {
        assert_bad_example(BAD, CFG, "MZ702", "FOR TABLES creates legacy subsources; create the source alone and add each table with CREATE TABLE … FROM SOURCE", "FOR TABLES (public.orders)", "CREATE TABLE orders FROM SOURCE src (REFERENCE public.orders);");
        insta::assert_snapshot!(render(BAD, CFG));
    }

    #[test]
    fn off_by_default() {
        assert_none(BAD, "MZ702", None);
        assert_clean(BAD, None);
    }

    #[test]
    fn good_example() {
        assert_clean(GOOD, CFG);
    }

    #[test]
    fn display_only_rewrite_is_the_good_example() {
        assert_eq!(rewrite(BAD), GOOD);
        // Never applied by --fix, even with unsafe fixes.
        assert_eq!(
            crate::testing::assert_fixes_converge(BAD, CFG),
            BAD,
            "display-only fixes must not be applied"
        );
    }

    #[test]
    fn rewrite_carries_columns_unqualified() {
        let sql = "CREATE SOURCE pg_legacy IN CLUSTER ingest\n    FROM POSTGRES CONNECTION pg_main (PUBLICATION 'mz_pub',\n        TEXT COLUMNS (public.orders.status, public.users.kind), EXCLUDE COLUMNS (users.\"Blob\"))\n    FOR TABLES (public.orders, public.users AS app_users);";
        assert_eq!(
            rewrite(sql),
            "CREATE SOURCE pg_legacy IN CLUSTER ingest\n    FROM POSTGRES CONNECTION pg_main (PUBLICATION 'mz_pub');\nCREATE TABLE orders FROM SOURCE pg_legacy (REFERENCE public.orders) WITH (TEXT COLUMNS (status));\nCREATE TABLE app_users FROM SOURCE pg_legacy (REFERENCE public.users) WITH (TEXT COLUMNS (kind), EXCLUDE COLUMNS (\"Blob\"));"
        );
        // MySQL: IGNORE COLUMNS becomes EXCLUDE COLUMNS; INTO aliases; the
        // option list goes when only column options were in it.
        let sql = "CREATE SOURCE mysql_legacy FROM MYSQL CONNECTION mysql_prod (\n        TEXT COLUMNS (shop.orders.flags), IGNORE COLUMNS [shop.orders.raw_blob])\n    FOR TABLES (shop.orders, shop.items INTO shop_items);";
        assert_eq!(
            rewrite(sql),
            "CREATE SOURCE mysql_legacy FROM MYSQL CONNECTION mysql_prod;\nCREATE TABLE orders FROM SOURCE mysql_legacy (REFERENCE shop.orders) WITH (TEXT COLUMNS (flags), EXCLUDE COLUMNS (raw_blob));\nCREATE TABLE shop_items FROM SOURCE mysql_legacy (REFERENCE shop.items);"
        );
        let found: Vec<String> = of(sql, "MZ702", CFG).into_iter().map(|(m, _)| m).collect();
        assert_eq!(
            found,
            [
                "TEXT COLUMNS on CREATE SOURCE is legacy syntax; give the columns unqualified in CREATE TABLE … FROM SOURCE … WITH (TEXT COLUMNS (…))",
                "EXCLUDE COLUMNS on CREATE SOURCE is legacy syntax; give the columns unqualified in CREATE TABLE … FROM SOURCE … WITH (EXCLUDE COLUMNS (…))",
                "FOR TABLES creates legacy subsources; create the source alone and add each table with CREATE TABLE … FROM SOURCE",
            ]
        );
    }

    #[test]
    fn other_legacy_clauses() {
        let sql = "CREATE SOURCE pg_all FROM POSTGRES CONNECTION pg_main (PUBLICATION mz_pub) FOR ALL TABLES;";
        let d = &diagnostics_of(sql, "MZ702", CFG)[0];
        assert_eq!(d.message, "FOR ALL TABLES creates legacy subsources; create the source alone and add each table with CREATE TABLE … FROM SOURCE");
        assert_eq!(&sql[d.span.range()], "FOR ALL TABLES");
        assert!(d.fix.is_none());
        let sql = "CREATE SOURCE pg_schemas FROM POSTGRES CONNECTION pg_main (PUBLICATION 'mz_pub') FOR SCHEMAS (public, billing);";
        let d = &diagnostics_of(sql, "MZ702", CFG)[0];
        assert_eq!(&sql[d.span.range()], "FOR SCHEMAS (public, billing)");
        assert_eq!(
            d.help.as_deref(),
            Some("CREATE TABLE <table> FROM SOURCE pg_schemas (REFERENCE public.<table>); for each table to ingest")
        );
        let sql = "ALTER SOURCE pg_legacy ADD SUBSOURCE public.payments, public.refunds AS refunds_v2\n    WITH (TEXT COLUMNS (public.payments.method));";
        let d = &diagnostics_of(sql, "MZ702", CFG)[0];
        assert_eq!(
            d.message,
            "ADD SUBSOURCE creates legacy subsources; add each table with CREATE TABLE … FROM SOURCE"
        );
        assert_eq!(
            d.help.as_deref(),
            Some("CREATE TABLE payments FROM SOURCE pg_legacy (REFERENCE public.payments) WITH (TEXT COLUMNS (method)); likewise for each other table")
        );
        let sql = "alter source s add table public.t;";
        assert_eq!(
            of(sql, "MZ702", CFG)[0].0,
            "ADD TABLE creates legacy subsources; add each table with CREATE TABLE … FROM SOURCE"
        );
        // Kafka: FORMAT, INCLUDE, ENVELOPE, a column list; EXPOSE PROGRESS.
        let sql = "CREATE SOURCE k (a, b) FROM KAFKA CONNECTION kafka_prod (TOPIC 'clicks') FORMAT JSON INCLUDE TIMESTAMP ENVELOPE NONE EXPOSE PROGRESS AS k_progress;";
        let found = of(sql, "MZ702", CFG);
        let texts: Vec<&str> = found.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "(a, b)",
                "FORMAT JSON",
                "INCLUDE TIMESTAMP",
                "ENVELOPE NONE",
                "EXPOSE PROGRESS AS k_progress"
            ]
        );
        let d = &diagnostics_of(sql, "MZ702", CFG)[1];
        assert_eq!(d.message, "FORMAT on CREATE SOURCE is legacy syntax; create the source alone and give FORMAT in CREATE TABLE … FROM SOURCE");
        assert_eq!(
            d.help.as_deref(),
            Some("CREATE TABLE <table> FROM SOURCE k FORMAT JSON INCLUDE TIMESTAMP ENVELOPE NONE;")
        );
    }

    #[test]
    fn not_where_another_rule_reports_the_clause() {
        // FOR clauses on Kafka and single-output load generators: MZ100.
        assert_none(
            "CREATE SOURCE c IN CLUSTER ingest FROM LOAD GENERATOR COUNTER FOR ALL TABLES;",
            "MZ702",
            CFG,
        );
        // FORMAT on a Postgres source: MZ100.
        assert_none(
            "CREATE SOURCE p IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'p') FORMAT JSON;",
            "MZ702",
            CFG,
        );
        // Multi-output load generators take FOR ALL TABLES (legacy).
        assert_eq!(
            of("CREATE SOURCE tpch_src FROM LOAD GENERATOR TPCH (SCALE FACTOR 0.1) FOR ALL TABLES;", "MZ702", CFG).len(),
            1
        );
        // The new syntax is clean.
        assert_clean(
            "CREATE SOURCE kafka_src IN CLUSTER ingest FROM KAFKA CONNECTION kafka_prod (TOPIC 'events');\nCREATE TABLE events FROM SOURCE kafka_src FORMAT JSON ENVELOPE NONE;",
            CFG,
        );
    }

    #[test]
    fn case_comments_names_and_positions() {
        // Lower case, comments in the clause, quoted names, CRLF, non-ASCII.
        let sql = "-- Bestellungen für Köln\r\ncreate source \"Src\" in cluster ingest from postgres connection pg (publication 'p')\r\n  for /* legacy */ tables (\"Sales\".\"Orders\" as \"Orders\");\r\n";
        let d = &diagnostics_of(sql, "MZ702", CFG)[0];
        assert_eq!(
            &sql[d.span.range()],
            "for /* legacy */ tables (\"Sales\".\"Orders\" as \"Orders\")"
        );
        assert_eq!(
            d.help.as_deref(),
            Some("CREATE TABLE \"Orders\" FROM SOURCE \"Src\" (REFERENCE \"Sales\".\"Orders\");")
        );
        assert_eq!(
            rewrite(sql),
            "-- Bestellungen für Köln\r\ncreate source \"Src\" in cluster ingest from postgres connection pg (publication 'p');\nCREATE TABLE \"Orders\" FROM SOURCE \"Src\" (REFERENCE \"Sales\".\"Orders\");\r\n"
        );
    }

    #[test]
    fn suppression_silences_it() {
        let sql = format!("{BAD} -- mzlint: ignore[legacy-subsource-syntax]");
        assert_clean(&sql, CFG);
    }
}

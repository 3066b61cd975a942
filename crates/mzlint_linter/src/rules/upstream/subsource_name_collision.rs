use std::collections::HashMap;

use crate::prelude::*;
use crate::project::Location;
use crate::upstream_model::{
    ClauseScope, IngestClause, RefEntry, Resolution, TableId, UpstreamModel,
};

declare_rule! {
/// ## What it does
///
/// Reports references that would give two subsources one name, or that Materialize cannot
/// resolve to one upstream table:
///
/// 1. two `FOR TABLES` (or `ALTER SOURCE … ADD SUBSOURCE`) entries creating subsources of one
///    name — the `AS`/`INTO` alias, else the last part of the upstream name (`multiple
///    subsources would be named events`);
/// 2. one upstream table listed twice (`multiple subsources refer to table public.orders`);
/// 3. for a covered source, `FOR ALL TABLES` or `FOR SCHEMAS` expanding to same-named tables of
///    different schemas;
/// 4. for a covered source, a reference matching several tables of the publication (`reference
///    to events is ambiguous, consider specifying an additional layer of qualification`).
///
/// Cases 1 and 2 are decided from the statement alone and reported even without upstream SQL:
/// Materialize rejects them whatever upstream holds. Names chosen by `CREATE TABLE … FROM
/// SOURCE` are MZ502's.
///
/// ## Why is this bad?
///
/// Purification rejects these (`test/pg-cdc/subsource-resolution-duplicates.td`;
/// `materialize-ddl.md` §5.3).
///
/// ## Example
///
/// Upstream:
///
/// ```sql
/// CREATE TABLE public.events (id bigint PRIMARY KEY, kind text);
/// CREATE TABLE audit.events (id bigint PRIMARY KEY, actor text);
/// ALTER TABLE public.events REPLICA IDENTITY FULL;
/// ALTER TABLE audit.events REPLICA IDENTITY FULL;
/// CREATE PUBLICATION mz_events FOR TABLES IN SCHEMA public, audit;
/// ```
///
/// ```sql
/// -- Bad: multiple subsources would be named events: public.events and audit.events
/// CREATE SOURCE ev IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_events') FOR SCHEMAS (public, audit);
/// -- Good
/// CREATE SOURCE ev IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_events') FOR TABLES (public.events AS events, audit.events AS audit_events);
/// ```
///
/// ## Fix
///
/// None: name the subsources with `AS`, or narrow the tables.
    pub(crate) static RULE = {
        code: "MZ407",
        name: "subsource-name-collision",
        severity: Error,
        scope: Project,
        fix: None,
        fix_summary: "none",
        summary: "Two subsources get one name, or a reference is ambiguous",
        check: Project(check),
    }
}

/// One FOR TABLES / ADD entry.
struct Entry {
    span: Span,
    upstream: String,
    /// The upstream name's parts, folded.
    parts: Vec<String>,
    /// The subsource's (database, schema, name).
    target: (String, String, String),
    resolved: Option<TableId>,
}

fn check(ctx: &ProjectContext<'_>, out: &mut Vec<Diagnostic>) {
    let model = &ctx.project.upstream;
    // The model's view of each statement's references (covered sources only).
    let mut clauses: HashMap<Location, &IngestClause> = HashMap::new();
    for (_, source) in model.covered_sources() {
        for clause in &source.clauses {
            clauses.insert(clause.location, clause);
        }
    }
    for file in ctx.files {
        if file.kind.is_upstream() || !ctx.in_focus(file.id) {
            continue;
        }
        for (index, statement) in file.parsed.statements.iter().enumerate() {
            let location = Location {
                file: file.id,
                statement: index,
            };
            let (source_name, refs) = match &statement.kind {
                StatementKind::CreateSource(create) => match &create.body {
                    SourceBody::Connection(c) => match &c.external_refs {
                        Some(ExternalRefs {
                            kind: ExternalRefsKind::Tables(refs),
                            ..
                        }) => (&create.name, refs),
                        _ => continue,
                    },
                    SourceBody::Webhook(_) => continue,
                },
                StatementKind::AlterSource(alter) => match &alter.action {
                    AlterSourceAction::AddSubsources { refs, .. } => (&alter.name, refs),
                    _ => continue,
                },
                _ => continue,
            };
            let source = ctx.project.resolve(location, source_name);
            let model_refs: Option<&Vec<RefEntry>> =
                clauses.get(&location).and_then(|c| match &c.scope {
                    ClauseScope::Refs(r) => Some(r),
                    _ => None,
                });
            let entries: Vec<Entry> = refs
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let name = match &r.alias {
                        Some(alias) if alias.parts.len() > 1 => {
                            let q = ctx.project.resolve(location, alias);
                            (q.database, q.schema, q.name)
                        }
                        Some(alias) => (
                            source.database.clone(),
                            source.schema.clone(),
                            alias.last().value.clone(),
                        ),
                        None => (
                            source.database.clone(),
                            source.schema.clone(),
                            r.upstream.last().value.clone(),
                        ),
                    };
                    let resolved = model_refs.and_then(|m| match m.get(i).map(|e| &e.resolution) {
                        Some(Resolution::Member(t)) => Some(*t),
                        _ => None,
                    });
                    Entry {
                        span: r.span,
                        upstream: r.upstream.joined(),
                        parts: r.upstream.parts.iter().map(|p| p.value.clone()).collect(),
                        target: name,
                        resolved,
                    }
                })
                .collect();
            statement_local(model, location.file, &entries, out);
        }
    }
    // Cases 3 and 4: covered sources.
    for (_, source) in model.covered_sources() {
        for (c, clause) in source.clauses.iter().enumerate() {
            match &clause.scope {
                ClauseScope::Refs(refs) => {
                    for entry in refs {
                        let Resolution::Ambiguous(tables) = &entry.resolution else {
                            continue;
                        };
                        let names: Vec<String> = tables
                            .iter()
                            .map(|&t| model.pg.tables[t].name.to_string())
                            .collect();
                        out.push(
                            Diagnostic::new(
                                &RULE,
                                clause.location.file,
                                entry.span,
                                format!(
                                    "reference to {} is ambiguous, consider specifying an additional layer of qualification",
                                    entry.written()
                                ),
                            )
                            .with_help(format!("qualify it: {}", or_list(&names))),
                        );
                    }
                }
                ClauseScope::All | ClauseScope::Schemas(_) => {
                    let mut by_name: Vec<(String, Vec<TableId>)> = Vec::new();
                    let mut index: HashMap<&str, usize> = HashMap::new();
                    for ingested in source.ingested.iter().filter(|i| i.clause == c) {
                        let name = &model.pg.tables[ingested.table].name.name;
                        let slot = *index.entry(name.as_str()).or_insert_with(|| {
                            by_name.push((name.clone(), Vec::new()));
                            by_name.len() - 1
                        });
                        if !by_name[slot].1.contains(&ingested.table) {
                            by_name[slot].1.push(ingested.table);
                        }
                    }
                    for (name, tables) in by_name.iter().filter(|(_, t)| t.len() > 1) {
                        let upstream: Vec<(String, Vec<String>)> = tables
                            .iter()
                            .map(|&t| {
                                let n = &model.pg.tables[t].name;
                                (n.to_string(), vec![n.schema.clone(), n.name.clone()])
                            })
                            .collect();
                        out.push(collision(
                            clause.location.file,
                            clause.span,
                            name,
                            &upstream,
                        ));
                    }
                }
            }
        }
    }
}

/// Cases 1 and 2 within one statement.
fn statement_local(
    model: &UpstreamModel,
    file: crate::source::FileId,
    entries: &[Entry],
    out: &mut Vec<Diagnostic>,
) {
    let mut by_upstream: HashMap<&str, usize> = HashMap::new();
    let mut by_table: HashMap<TableId, usize> = HashMap::new();
    let mut by_target: HashMap<&(String, String, String), usize> = HashMap::new();
    for (j, entry) in entries.iter().enumerate() {
        let same_table = by_upstream
            .get(entry.upstream.as_str())
            .map(|_| entry.upstream.clone())
            .or_else(|| {
                entry.resolved.and_then(|t| {
                    by_table
                        .get(&t)
                        .map(|_| model.pg.tables[t].name.to_string())
                })
            });
        if let Some(table) = same_table {
            out.push(
                Diagnostic::new(
                    &RULE,
                    file,
                    entry.span,
                    format!("multiple subsources refer to table {table}"),
                )
                .with_help(format!("list {table} once")),
            );
        } else if let Some(&i) = by_target.get(&entry.target) {
            let first = &entries[i];
            out.push(collision(
                file,
                entry.span,
                &entry.target.2,
                &[
                    (first.upstream.clone(), first.parts.clone()),
                    (entry.upstream.clone(), entry.parts.clone()),
                ],
            ));
        }
        by_upstream.entry(entry.upstream.as_str()).or_insert(j);
        if let Some(t) = entry.resolved {
            by_table.entry(t).or_insert(j);
        }
        by_target.entry(&entry.target).or_insert(j);
    }
}

/// `multiple subsources would be named events: public.events and audit.events`.
fn collision(
    file: crate::source::FileId,
    span: Span,
    name: &str,
    upstream: &[(String, Vec<String>)],
) -> Diagnostic {
    let written: Vec<String> = upstream.iter().map(|(w, _)| w.clone()).collect();
    let suggestions: Vec<String> = upstream
        .iter()
        .enumerate()
        .map(|(i, (written, parts))| {
            let alias = if i == 0 {
                name.to_string()
            } else if parts.len() >= 2 {
                format!("{}_{}", parts[parts.len() - 2], name)
            } else {
                format!("{name}_{}", i + 1)
            };
            format!("{written} AS {}", super::common::pg_ident(&alias))
        })
        .collect();
    Diagnostic::new(
        &RULE,
        file,
        span,
        format!(
            "multiple subsources would be named {name}: {}",
            and_list(&written)
        ),
    )
    .with_help(format!(
        "Specify target table names using FOR TABLES ({}), or limit the upstream tables using FOR SCHEMAS (…)",
        suggestions.join(", ")
    ))
}

/// `a and b`, `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// `a or b`, `a, b or c`.
fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::super::common::testing::*;

    const UPSTREAM: &str = "\
CREATE TABLE public.events (id bigint PRIMARY KEY, kind text);
CREATE TABLE audit.events (id bigint PRIMARY KEY, actor text);
ALTER TABLE public.events REPLICA IDENTITY FULL;
ALTER TABLE audit.events REPLICA IDENTITY FULL;
CREATE PUBLICATION mz_events FOR TABLES IN SCHEMA public, audit;
";
    const BAD: &str = "CREATE SOURCE ev IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_events') FOR SCHEMAS (public, audit);";
    const GOOD: &str = "CREATE SOURCE ev IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_events') FOR TABLES (public.events AS events, audit.events AS audit_events);";

    #[test]
    fn bad_example() {
        let files = [("upstream/setup.sql", UPSTREAM), ("src.sql", BAD)];
        let found = lint_all(&files);
        assert_eq!(found.len(), 1, "{found:#?}");
        let f = &found[0];
        assert_eq!(f.code, "MZ407");
        assert_eq!(
            f.message,
            "multiple subsources would be named events: public.events and audit.events"
        );
        assert_eq!(f.text, "FOR SCHEMAS (public, audit)");
        assert_eq!(
            f.help,
            "Specify target table names using FOR TABLES (public.events AS events, audit.events AS audit_events), or limit the upstream tables using FOR SCHEMAS (…)"
        );
        insta::assert_snapshot!(render(&files, "MZ407"));
    }

    #[test]
    fn good_example() {
        assert_eq!(
            lint_all(&[("upstream/setup.sql", UPSTREAM), ("src.sql", GOOD)]),
            []
        );
    }

    #[test]
    fn statement_local_cases_without_upstream() {
        // Case 1: two entries, one name; reported without any upstream SQL.
        let source = "CREATE SOURCE ev IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_events') FOR TABLES (public.events, audit.events);";
        let found = lint_code(&[("src.sql", source)], "MZ407");
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "multiple subsources would be named events: public.events and audit.events"
        );
        assert_eq!(found[0].text, "audit.events");
        // By alias, INTO included, and for other source kinds.
        let source = "CREATE SOURCE s IN CLUSTER ingest FROM MYSQL CONNECTION m FOR TABLES (shop.orders INTO o, shop.customers AS O);";
        let found = lint_code(&[("src.sql", source)], "MZ407");
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "multiple subsources would be named o: shop.orders and shop.customers"
        );
        assert_eq!(found[0].text, "shop.customers AS O");
        // Case 2: one table twice.
        let source = "CREATE SOURCE ev IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'p') FOR TABLES (public.orders, public.orders AS o2);";
        let found = lint_code(&[("src.sql", source)], "MZ407");
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "multiple subsources refer to table public.orders"
        );
        assert_eq!(found[0].help, "list public.orders once");
        // ALTER SOURCE … ADD SUBSOURCE.
        let source = "ALTER SOURCE ev ADD SUBSOURCE public.events, audit.events;";
        assert_eq!(lint_code(&[("src.sql", source)], "MZ407").len(), 1);
        // A qualified alias in another schema does not collide.
        let source = "CREATE SOURCE ev IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'p') FOR TABLES (public.events, audit.events AS audit.events);";
        assert!(lint_code(&[("src.sql", source)], "MZ407").is_empty());
    }

    #[test]
    fn covered_resolution() {
        // Case 2 by resolution: two spellings of one table.
        let source = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (orders, public.orders AS o2);";
        let found = lint_code(
            &[("upstream/setup.sql", RUNNING_EXAMPLE), ("src.sql", source)],
            "MZ407",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "multiple subsources refer to table public.orders"
        );
        // Case 4: ambiguous reference, also in CREATE TABLE … FROM SOURCE.
        let source = "CREATE SOURCE ev IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_events') FOR TABLES (events AS e);\nCREATE TABLE t FROM SOURCE ev (REFERENCE events);";
        let found = lint_code(
            &[("upstream/setup.sql", UPSTREAM), ("src.sql", source)],
            "MZ407",
        );
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(found[0].message, "reference to events is ambiguous, consider specifying an additional layer of qualification");
        assert_eq!(found[0].help, "qualify it: public.events or audit.events");
        assert_eq!(found[0].text, "events AS e");
        assert_eq!(found[1].text, "events");
        // FOR ALL TABLES over the schema publication: case 3 on the clause.
        let source = "CREATE SOURCE ev IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_events') FOR ALL TABLES;";
        let found = lint_code(
            &[("upstream/setup.sql", UPSTREAM), ("src.sql", source)],
            "MZ407",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, "FOR ALL TABLES");
        // Without upstream SQL, cases 3 and 4 are silent.
        assert!(lint_code(&[("src.sql", BAD)], "MZ407").is_empty());
    }

    #[test]
    fn schema_order_and_layout() {
        // A later file renames the audit table: no collision left.
        let files = [
            ("upstream/a.sql", UPSTREAM),
            (
                "upstream/b.sql",
                "ALTER TABLE audit.events RENAME TO audit_events;",
            ),
            ("src.sql", BAD),
        ];
        assert!(lint_code(&files, "MZ407").is_empty());
        let source = "-- événements\r\ncreate source EV in cluster ingest from postgres connection pg (publication 'mz_events')\r\n  for schemas ( public , /* audit */ audit );\r\n";
        let found = lint_code(
            &[("upstream/setup.sql", UPSTREAM), ("src.sql", source)],
            "MZ407",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, "for schemas ( public , /* audit */ audit )");
        let suppressed = source.replace("-- événements", "-- mzlint: ignore[MZ407]");
        assert!(lint_code(
            &[("upstream/setup.sql", UPSTREAM), ("src.sql", &suppressed)],
            "MZ407"
        )
        .is_empty());
    }
}

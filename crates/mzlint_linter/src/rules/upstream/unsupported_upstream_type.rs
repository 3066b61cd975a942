use super::common::pg_ident;
use crate::options::{effective_option_name, OptionContext};
use crate::prelude::*;
use crate::upstream_model::{
    ClauseOrigin, ColumnOption, EntryTarget, IngestClause, IngestSource, TableId, TypeSupport,
};

declare_rule! {
/// ## What it does
///
/// For a covered Postgres source, reports each column of an ingested upstream table (whose
/// `CREATE TABLE` is in the project) with a type Materialize cannot ingest natively, unless a
/// `TEXT COLUMNS` or `EXCLUDE COLUMNS` option applying to that table names it (the legacy
/// statement adding the table, or the `WITH` of its `CREATE TABLE … FROM SOURCE`).
///
/// * **Supported**, after resolving aliases: `bool`, `bpchar`, `bytea`, `"char"`, `date`,
///   `daterange`, `float4`, `float8`, `int2`, `int2vector`, `int4`, `int4range`, `int8`,
///   `int8range`, `interval`, `json`, `jsonb`, `numeric`, `numrange`, `oid`, `text`, `time`,
///   `timestamp`, `timestamptz`, `tsrange`, `tstzrange`, `uuid`, `varchar`, and arrays of
///   these (`T[]`, `T[n]`, `T ARRAY`, any dimension).
/// * **Aliases**: `boolean`→bool; `smallint`, `smallserial`→int2; `integer`, `int`,
///   `serial`→int4; `bigint`, `bigserial`→int8; `real`, `float(1–24)`→float4; `double
///   precision`, `float`, `float(25–53)`→float8; `decimal`→numeric; `character varying`→varchar;
///   `character`, unquoted `char`→bpchar; `timestamp [without time zone]`→timestamp; `timestamp
///   with time zone`→timestamptz; `time [without time zone]`→time. Modifiers and a
///   `pg_catalog.` prefix are ignored; a domain resolves to its base type.
/// * **Everything else is unsupported**: enums, composite and user range types, `time with time
///   zone`, `money`, `inet`, `cidr`, `macaddr`, `bit`, `varbit`, `xml`, `tsvector`, geometric
///   types, `name`, extension types (`citext`, `hstore`, `geometry`), …. MySQL sources are not
///   checked.
///
/// The finding is on the reference (or the `FOR ALL TABLES` / `FOR SCHEMAS` clause), with a
/// note at the column.
///
/// ## Why is this bad?
///
/// `CREATE SOURCE` fails with `referenced tables use unsupported types`, with the hint to use
/// TEXT COLUMNS (`test/pg-cdc/pg-cdc.td`; `doc/user/shared-content/postgres-considerations.md`).
///
/// ## Example
///
/// Upstream:
///
/// ```sql
/// CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');
/// CREATE TABLE public.orders (id bigint PRIMARY KEY, status order_status, total numeric(12,2));
/// ALTER TABLE public.orders REPLICA IDENTITY FULL;
/// CREATE PUBLICATION mz_pub FOR TABLE public.orders;
/// ```
///
/// ```sql
/// -- Bad: column public.orders.status has type order_status (an enum), which Materialize cannot ingest natively
/// CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders);
/// -- Good
/// CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub', TEXT COLUMNS (public.orders.status)) FOR TABLES (public.orders);
/// ```
///
/// ## Fix (unsafe)
///
/// Legacy `CREATE SOURCE` / `ALTER SOURCE … ADD`: append `schema.table.column` to an existing
/// `TEXT COLUMNS` list, else add `, TEXT COLUMNS (…)` after the last source option (for `ADD`,
/// in its `WITH (…)`, added when missing). `CREATE TABLE … FROM SOURCE`: extend or add `WITH
/// (TEXT COLUMNS (column))`.
    pub(crate) static RULE = {
        code: "MZ410",
        name: "unsupported-upstream-type",
        severity: Error,
        scope: Project,
        fix: Unsafe,
        fix_summary: "unsafe",
        summary: "Ingested column of an unsupported type",
        check: Project(check),
    }
}

fn check(ctx: &ProjectContext<'_>, out: &mut Vec<Diagnostic>) {
    let model = &ctx.project.upstream;
    for (_, source) in model.covered_sources() {
        let mut seen = std::collections::HashSet::new();
        for ingested in &source.ingested {
            if !seen.insert((ingested.table, ingested.clause)) {
                continue;
            }
            let clause = &source.clauses[ingested.clause];
            let table = ingested.table;
            let owner = model.pg.column_owner(table);
            if model.pg.tables[owner].create.is_none() {
                continue;
            }
            let Some(columns) = model.pg.columns_of(table) else {
                continue;
            };
            let (_, span) = source.report_span(ingested);
            for column in columns {
                let Some(data_type) = &column.data_type else {
                    continue;
                };
                let TypeSupport::Unsupported { display, kind } =
                    model.pg.type_support(data_type, &column.type_schema)
                else {
                    continue;
                };
                if named_by_option(clause, table, &column.name) {
                    continue;
                }
                let name = &model.pg.tables[table].name;
                let entry = match clause.origin {
                    ClauseOrigin::TableFromSource => pg_ident(&column.name),
                    _ => format!(
                        "{}.{}.{}",
                        pg_ident(&name.schema),
                        pg_ident(&name.name),
                        pg_ident(&column.name)
                    ),
                };
                let kind = kind.map(|k| format!(" ({k})")).unwrap_or_default();
                let diagnostic = Diagnostic::new(
                    &RULE,
                    clause.location.file,
                    span,
                    format!(
                        "column {name}.{} has type {display}{kind}, which Materialize cannot ingest natively",
                        column.name
                    ),
                )
                .with_help(format!(
                    "add TEXT COLUMNS ({entry}) to ingest it as text, or EXCLUDE COLUMNS to skip it"
                ))
                .with_related(
                    column.site.location.file,
                    column.site.span,
                    format!("{name}.{} is defined here", column.name),
                )
                .with_fix_opt(text_columns_fix(ctx, source, clause, &entry));
                out.push(diagnostic);
            }
        }
    }
}

/// A TEXT or EXCLUDE COLUMNS entry of the clause names the column.
fn named_by_option(clause: &IngestClause, table: TableId, column: &str) -> bool {
    clause.columns.iter().any(|entry| {
        matches!(entry.option, ColumnOption::Text | ColumnOption::Exclude)
            && entry.target == EntryTarget::Table(table)
            && entry.column() == column
    })
}

/// Add `entry` to the statement's TEXT COLUMNS (rules.md MZ410 "Fix").
fn text_columns_fix(
    ctx: &ProjectContext<'_>,
    source: &IngestSource,
    clause: &IngestClause,
    entry: &str,
) -> Option<Fix> {
    let statement = ctx.statement_at(clause.location)?;
    let (list, context, statement_end): (Option<&OptionList>, OptionContext, u32) =
        match (&statement.kind, clause.origin) {
            (StatementKind::CreateSource(create), ClauseOrigin::CreateSource) => {
                let SourceBody::Connection(connection) = &create.body else {
                    return None;
                };
                // PUBLICATION is required: the list exists; without it, no fix.
                (
                    Some(connection.options.as_ref()?),
                    OptionContext::Source(source.kind),
                    statement.span.end,
                )
            }
            (StatementKind::AlterSource(alter), ClauseOrigin::AlterAdd) => match &alter.action {
                AlterSourceAction::AddSubsources { with_options, .. } => (
                    with_options.as_ref(),
                    OptionContext::AddSubsourceWith,
                    statement.span.end,
                ),
                _ => return None,
            },
            (StatementKind::CreateTableFromSource(table), ClauseOrigin::TableFromSource) => (
                table.with_options.as_ref(),
                OptionContext::TableFromSourceWith,
                statement.span.end,
            ),
            _ => return None,
        };
    let title = format!("Add {entry} to TEXT COLUMNS");
    let Some(list) = list else {
        // ALTER SOURCE … ADD or CREATE TABLE … FROM SOURCE without WITH.
        return Some(Fix::unsafe_(
            title,
            vec![Edit::insert(
                statement_end,
                format!(" WITH (TEXT COLUMNS ({entry}))"),
            )],
        ));
    };
    let existing = list
        .options
        .iter()
        .find(|o| effective_option_name(&o.name, context) == Some(OptionName::TextColumns));
    if let Some(option) = existing {
        let Some(Value::List { span, items, .. }) = &option.value else {
            return None;
        };
        let content = if items.is_empty() {
            entry.to_string()
        } else {
            format!(", {entry}")
        };
        let at = items.last().map_or(span.end - 1, |last| last.span().end);
        return Some(Fix::unsafe_(title, vec![Edit::insert(at, content)]));
    }
    let last = list.options.last()?;
    Some(Fix::unsafe_(
        title,
        vec![Edit::insert(
            last.span.end,
            format!(", TEXT COLUMNS ({entry})"),
        )],
    ))
}

#[cfg(test)]
mod tests {
    use super::super::common::testing::*;
    use crate::diagnostic::Applicability;

    const UPSTREAM: &str = "\
CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');
CREATE TABLE public.orders (id bigint PRIMARY KEY, status order_status, total numeric(12,2));
ALTER TABLE public.orders REPLICA IDENTITY FULL;
CREATE PUBLICATION mz_pub FOR TABLE public.orders;
";
    const BAD: &str = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders);";
    const GOOD: &str = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub', TEXT COLUMNS (public.orders.status)) FOR TABLES (public.orders);";

    #[test]
    fn bad_example() {
        let files = [("upstream/setup.sql", UPSTREAM), ("src.sql", BAD)];
        let found = lint_all(&files);
        assert_eq!(found.len(), 1, "{found:#?}");
        let f = &found[0];
        assert_eq!(f.code, "MZ410");
        assert_eq!(
            f.message,
            "column public.orders.status has type order_status (an enum), which Materialize cannot ingest natively"
        );
        assert_eq!(f.text, "public.orders");
        assert_eq!(
            f.help,
            "add TEXT COLUMNS (public.orders.status) to ingest it as text, or EXCLUDE COLUMNS to skip it"
        );
        assert_eq!(
            f.related,
            ["upstream/setup.sql:2:52 public.orders.status is defined here"]
        );
        insta::assert_snapshot!(render(&files, "MZ410"));
        assert_fix(&files, "MZ410", "src.sql", Applicability::Unsafe, GOOD);
    }

    #[test]
    fn good_example() {
        assert_eq!(
            lint_all(&[("upstream/setup.sql", UPSTREAM), ("src.sql", GOOD)]),
            []
        );
        let excluded = GOOD.replace("TEXT COLUMNS", "EXCLUDE COLUMNS");
        assert_eq!(
            lint_all(&[("upstream/setup.sql", UPSTREAM), ("src.sql", &excluded)]),
            []
        );
    }

    fn types_of(types: &str) -> Vec<String> {
        let upstream = format!(
            "CREATE DOMAIN money_d AS money;\nCREATE DOMAIN posint AS integer CHECK (VALUE > 0);\nCREATE TYPE comp AS (a int);\nCREATE TYPE fr AS RANGE (subtype = float8);\n\
CREATE TABLE public.t (id int, {types});\nALTER TABLE public.t REPLICA IDENTITY FULL;\nCREATE PUBLICATION p FOR TABLE public.t;\n"
        );
        let source = "CREATE SOURCE s IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'p') FOR TABLES (public.t);";
        lint_code(
            &[("upstream/setup.sql", &upstream), ("src.sql", source)],
            "MZ410",
        )
        .into_iter()
        .map(|f| f.message)
        .collect()
    }

    #[test]
    fn supported_types_and_aliases() {
        let supported = "a boolean, b smallint, c smallserial, d integer, e serial, f bigserial, g real, h float(24), \
i double precision, j float, k float(53), l decimal(10,2), m character varying(20), n character(3), o char, \
p \"char\", q timestamp(3) without time zone, r timestamp with time zone, s time without time zone, t time(6), \
u bytea, v date, w daterange, x int2vector, y int4range, z int8range, aa interval day to second, ab json, ac jsonb, \
ad numrange, ae oid, af text, ag tsrange, ah tstzrange, ai uuid, aj varchar, ak pg_catalog.int4, al int[], \
am text[][], an integer ARRAY, ao numeric(5)[3], ap posint, aq posint[], ar bpchar, \"AS\" timestamptz";
        assert_eq!(types_of(supported), Vec::<String>::new());
    }

    #[test]
    fn unsupported_types() {
        let got = types_of("a time with time zone, b money, c inet, d cidr, e macaddr, f bit(3), g varbit, h xml, i tsvector, j point, k name, l citext, m hstore, n public.geometry, o money_d, p comp, q fr, r inet[], s timetz");
        assert_eq!(
            got,
            [
                "column public.t.a has type time with time zone, which Materialize cannot ingest natively",
                "column public.t.b has type money, which Materialize cannot ingest natively",
                "column public.t.c has type inet, which Materialize cannot ingest natively",
                "column public.t.d has type cidr, which Materialize cannot ingest natively",
                "column public.t.e has type macaddr, which Materialize cannot ingest natively",
                "column public.t.f has type bit, which Materialize cannot ingest natively",
                "column public.t.g has type varbit, which Materialize cannot ingest natively",
                "column public.t.h has type xml, which Materialize cannot ingest natively",
                "column public.t.i has type tsvector, which Materialize cannot ingest natively",
                "column public.t.j has type point, which Materialize cannot ingest natively",
                "column public.t.k has type name, which Materialize cannot ingest natively",
                "column public.t.l has type citext, which Materialize cannot ingest natively",
                "column public.t.m has type hstore, which Materialize cannot ingest natively",
                "column public.t.n has type public.geometry, which Materialize cannot ingest natively",
                "column public.t.o has type money_d (a domain over money), which Materialize cannot ingest natively",
                "column public.t.p has type comp (a composite type), which Materialize cannot ingest natively",
                "column public.t.q has type fr (a range type), which Materialize cannot ingest natively",
                "column public.t.r has type inet[], which Materialize cannot ingest natively",
                "column public.t.s has type timetz, which Materialize cannot ingest natively",
            ]
        );
    }

    #[test]
    fn fixes_extend_or_add_text_columns() {
        // Extend an existing list.
        let source = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub', TEXT COLUMNS (public.orders.total)) FOR TABLES (public.orders);";
        let files = [("upstream/setup.sql", UPSTREAM), ("src.sql", source)];
        assert_fix(
            &files,
            "MZ410",
            "src.sql",
            Applicability::Unsafe,
            &source.replace(
                "(public.orders.total)",
                "(public.orders.total, public.orders.status)",
            ),
        );
        // ALTER SOURCE … ADD without WITH, and CREATE TABLE … FROM SOURCE with a WITH.
        let source = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub');\n\
ALTER SOURCE src ADD SUBSOURCE public.orders;\n\
CREATE TABLE orders FROM SOURCE src (REFERENCE public.orders) WITH (EXCLUDE COLUMNS (total));\n";
        let files = [("upstream/setup.sql", UPSTREAM), ("src.sql", source)];
        let found = lint_code(&files, "MZ410");
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(
            found[1].help,
            "add TEXT COLUMNS (status) to ingest it as text, or EXCLUDE COLUMNS to skip it"
        );
        let expected = source
            .replace(
                "ADD SUBSOURCE public.orders;",
                "ADD SUBSOURCE public.orders WITH (TEXT COLUMNS (public.orders.status));",
            )
            .replace(
                "(EXCLUDE COLUMNS (total))",
                "(EXCLUDE COLUMNS (total), TEXT COLUMNS (status))",
            );
        assert_fix(&files, "MZ410", "src.sql", Applicability::Unsafe, &expected);
    }

    #[test]
    fn several_columns_converge() {
        let upstream = "CREATE TABLE public.t (id int, a money, b inet);\nALTER TABLE public.t REPLICA IDENTITY FULL;\nCREATE PUBLICATION p FOR TABLE public.t;\n";
        let source = "CREATE TABLE t FROM SOURCE s (REFERENCE public.t);\nCREATE SOURCE s IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'p');\n";
        let files = [("upstream/setup.sql", upstream), ("src.sql", source)];
        assert_eq!(lint_code(&files, "MZ410").len(), 2);
        let expected = source.replace(
            "(REFERENCE public.t);",
            "(REFERENCE public.t) WITH (TEXT COLUMNS (a, b));",
        );
        assert_fix(&files, "MZ410", "src.sql", Applicability::Unsafe, &expected);
    }

    #[test]
    fn for_all_tables_partitions_and_search_path() {
        // The enum lives in a schema named by search_path; the leaf inherits its parent's columns.
        let upstream = "SET search_path TO app, public;\nCREATE TYPE mood AS ENUM ('a');\n\
CREATE TABLE events (id bigint, m mood) PARTITION BY LIST (id);\nCREATE TABLE events_1 PARTITION OF events FOR VALUES IN (1);\n\
ALTER TABLE events_1 REPLICA IDENTITY FULL;\nCREATE PUBLICATION p FOR ALL TABLES;\n";
        let source = "CREATE SOURCE s IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'p') FOR TABLES (app.events_1);";
        let found = lint_code(
            &[("upstream/setup.sql", upstream), ("src.sql", source)],
            "MZ410",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].message, "column app.events_1.m has type mood (an enum), which Materialize cannot ingest natively");
        // The type changed later in another file: supported.
        let files = [
            ("upstream/a.sql", upstream),
            (
                "upstream/b.sql",
                "ALTER TABLE app.events ALTER COLUMN m TYPE text;",
            ),
            ("src.sql", source),
        ];
        assert!(lint_code(&files, "MZ410").is_empty());
    }

    #[test]
    fn silent_without_coverage_create_table_or_when_suppressed() {
        assert!(lint_code(&[("src.sql", BAD)], "MZ410").is_empty());
        let upstream = "ALTER TABLE public.orders REPLICA IDENTITY FULL;\nCREATE PUBLICATION mz_pub FOR TABLE public.orders;\n";
        assert!(lint_code(
            &[("upstream/setup.sql", upstream), ("src.sql", BAD)],
            "MZ410"
        )
        .is_empty());
        let suppressed = format!("{BAD} -- mzlint: ignore[MZ410]");
        assert!(lint_code(
            &[("upstream/setup.sql", UPSTREAM), ("src.sql", &suppressed)],
            "MZ410"
        )
        .is_empty());
        let source = "-- 🚀\r\ncreate source src in cluster ingest from postgres connection pg (publication 'mz_pub')\r\n  for tables (PUBLIC.orders);\r\n";
        let files = [("upstream/setup.sql", UPSTREAM), ("src.sql", source)];
        let found = lint_code(&files, "MZ410");
        assert_eq!(found[0].text, "PUBLIC.orders");
        assert_fix(
            &files,
            "MZ410",
            "src.sql",
            Applicability::Unsafe,
            &source.replace(
                "(publication 'mz_pub')",
                "(publication 'mz_pub', TEXT COLUMNS (public.orders.status))",
            ),
        );
    }
}

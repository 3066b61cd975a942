use crate::prelude::*;
use crate::project::{cluster_name, DefKind, Namespace};
use crate::references::{references, RefKind, RefName};
use crate::settings::ObjectKind;

declare_rule! {
/// ## What it does
///
/// Reports a reference to an object that the same file creates only later,
/// when the file has no earlier definition of it and no other file of the
/// project defines it. References are the names a statement uses without
/// defining (rules.md §5.5): `SECRET x`, connection names (`FROM … CONNECTION
/// x`, `SSH TUNNEL x`, broker tunnels, schema registries, `ALTER|VALIDATE
/// CONNECTION x`), sources (`CREATE TABLE … FROM SOURCE x`, `ALTER SOURCE
/// x`) and clusters (`IN CLUSTER x`, `ALTER CLUSTER x`, `CREATE CLUSTER
/// REPLICA x.r`, `SET cluster = x`). Not on external or system names,
/// placeholders, `DROP` and `… IF EXISTS` statements, or when another file
/// defines the object (MZ502 may then apply).
///
/// Message (on the name, with a note at the definition): ``secret `pg_pw` is
/// used here but created only later in this file (line 2)``.
///
/// ## Why is this bad?
///
/// Materialize runs a file's statements in order: run top to bottom, the
/// first statement fails with `unknown catalog item`.
///
/// ## Example
///
/// ```sql
/// CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');
/// CREATE SECRET pg_pw AS '${PG_PASSWORD}';
/// ```
///
/// Use instead:
///
/// ```sql
/// CREATE SECRET pg_pw AS '${PG_PASSWORD}';
/// CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');
/// ```
///
/// ## Fix
///
/// None: moving statements may move comments and other dependencies with
/// them; the help says which statement to move.
    pub(crate) static RULE = {
        code: "MZ503",
        name: "used-before-definition",
        severity: Warning,
        scope: File,
        fix: None,
        fix_summary: "none",
        summary: "Object used before its in-file definition",
        check: File(check),
    }
}

fn check(ctx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
    let project = ctx.project;
    let settings = ctx.settings;
    for statement in ctx.statements() {
        if matches!(statement.statement.kind, StatementKind::Drop(_)) {
            continue;
        }
        let location = statement.location();
        for reference in references(statement.statement) {
            if !reference.checked || reference.is_placeholder() {
                continue;
            }
            let (namespace, qualified) = match reference.name {
                RefName::Item(name) => (Namespace::Item, project.resolve(location, name)),
                RefName::Cluster(name) => (Namespace::Cluster, cluster_name(name)),
            };
            let full = match namespace {
                Namespace::Cluster => qualified.name.clone(),
                Namespace::Item => qualified.to_string(),
            };
            if is_external(settings, reference.kind, &reference.text(), &full) {
                continue;
            }
            let definitions: Vec<_> = project.definitions_of(namespace, &qualified).collect();
            if definitions
                .iter()
                .any(|d| d.location.file != location.file || d.location <= location)
            {
                continue;
            }
            let Some(definition) = definitions
                .iter()
                .filter(|d| d.location > location && kind_matches(reference.kind, d.kind))
                .min_by_key(|d| d.location)
            else {
                continue;
            };
            let written = ctx.text(reference.span);
            let line = ctx.file.row_col(definition.name_span.start).0;
            let (head, created) = match ctx.statement_at(definition.location) {
                Some(s) => creating_head(ctx, s, definition.kind),
                None => (
                    String::from("CREATE"),
                    ctx.text(definition.name_span).to_string(),
                ),
            };
            out.push(
                ctx.diagnostic(
                    &RULE,
                    reference.span,
                    format!(
                        "{} `{written}` is used here but created only later in this file (line {line})",
                        reference.kind.noun()
                    ),
                )
                .with_help(format!(
                    "move {head} {created} above this statement; Materialize runs statements in order"
                ))
                .with_related(
                    ctx.id(),
                    definition.name_span,
                    format!("`{}` is created here", ctx.text(definition.name_span)),
                ),
            );
        }
    }
}

/// External or system (rules.md §3 `references.external-objects`). The
/// system-name test (`mz_…`, `pg_…`, `information_schema` as database or
/// schema) is applied to the fully qualified name only: a one-part name
/// such as `pg_pw` is the object's own name, not a system schema (the
/// catalog's own example secret is called `pg_pw`). Patterns are matched
/// against the name as written and fully qualified.
fn is_external(
    settings: &crate::settings::Settings,
    kind: RefKind,
    written: &str,
    full: &str,
) -> bool {
    let kind = object_kind(kind);
    settings.references.is_external(kind, &[full])
        || settings
            .references
            .external_objects
            .iter()
            .any(|e| e.kind.is_none_or(|k| k == kind) && e.pattern.matches(written))
}

/// Is a definition of the kind a reference names? (A later object of
/// another kind is MZ501's business, and moving it would not help.)
fn kind_matches(kind: RefKind, definition: DefKind) -> bool {
    match kind {
        RefKind::Secret => definition == DefKind::Secret,
        RefKind::Connection => matches!(definition, DefKind::Connection(_)),
        RefKind::Source => matches!(definition, DefKind::Source(_) | DefKind::Subsource),
        RefKind::Cluster => definition == DefKind::Cluster,
    }
}

fn object_kind(kind: RefKind) -> ObjectKind {
    match kind {
        RefKind::Secret => ObjectKind::Secret,
        RefKind::Connection => ObjectKind::Connection,
        RefKind::Source => ObjectKind::Source,
        RefKind::Cluster => ObjectKind::Cluster,
    }
}

/// `CREATE SECRET` and the name it creates, as written, for the statement
/// holding a definition (a subsource's is its source's).
fn creating_head(ctx: &FileContext<'_>, statement: &Statement, kind: DefKind) -> (String, String) {
    let text = |name: &ItemName| {
        name.parts
            .iter()
            .map(|p| ctx.text(p.span))
            .collect::<Vec<_>>()
            .join(".")
    };
    let (head, name) = match &statement.kind {
        StatementKind::CreateSecret(s) => ("CREATE SECRET", text(&s.name)),
        StatementKind::CreateConnection(c) => ("CREATE CONNECTION", text(&c.name)),
        StatementKind::CreateSource(s) => ("CREATE SOURCE", text(&s.name)),
        StatementKind::AlterSource(a) => ("ALTER SOURCE", text(&a.name)),
        StatementKind::CreateTableFromSource(t) => ("CREATE TABLE", text(&t.name)),
        StatementKind::CreateTableFromWebhook(t) => ("CREATE TABLE", text(&t.name)),
        StatementKind::CreateSubsource(s) => ("CREATE SUBSOURCE", text(&s.name)),
        StatementKind::CreateCluster(c) => ("CREATE CLUSTER", ctx.text(c.name.span).to_string()),
        StatementKind::Shallow(s) => (
            match s.object_type {
                ObjectType::View => "CREATE VIEW",
                ObjectType::MaterializedView => "CREATE MATERIALIZED VIEW",
                ObjectType::Sink => "CREATE SINK",
                ObjectType::Index => "CREATE INDEX",
                _ => "CREATE TABLE",
            },
            s.name.as_ref().map(text).unwrap_or_default(),
        ),
        _ => (
            match kind {
                DefKind::Secret => "CREATE SECRET",
                DefKind::Connection(_) => "CREATE CONNECTION",
                DefKind::Source(_) | DefKind::Subsource => "CREATE SOURCE",
                DefKind::Cluster => "CREATE CLUSTER",
                _ => "CREATE TABLE",
            },
            String::new(),
        ),
    };
    (head.to_string(), name)
}

#[cfg(test)]
mod tests {
    use crate::rules::legacy::test_util::*;
    use crate::testing::lint_project;

    const BAD: &str = "CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');\nCREATE SECRET pg_pw AS '${PG_PASSWORD}';";
    const GOOD: &str = "CREATE SECRET pg_pw AS '${PG_PASSWORD}';\nCREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');";

    #[test]
    fn bad_example() {
        let d = assert_bad_example(
            BAD,
            None,
            "MZ503",
            "secret `pg_pw` is used here but created only later in this file (line 2)",
            "pg_pw",
            "move CREATE SECRET pg_pw above this statement; Materialize runs statements in order",
        );
        assert_eq!(d.related.len(), 1);
        assert_eq!(&BAD[d.related[0].span.range()], "pg_pw");
        assert!(d.related[0].span.start > BAD.find('\n').unwrap() as u32);
        assert!(d.fix.is_none());
        insta::assert_snapshot!(render(BAD, None));
    }

    #[test]
    fn good_example() {
        assert_clean(GOOD, None);
    }

    #[test]
    fn every_kind_of_reference() {
        let sql = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'p');\n\
                   CREATE TABLE t FROM SOURCE later_src (REFERENCE public.t);\n\
                   CREATE CONNECTION kafka TO KAFKA (BROKER 'b.internal:9092' USING SSH TUNNEL bastion);\n\
                   SET cluster = ingest;\n\
                   CREATE CLUSTER ingest (SIZE = 'M.1-small');\n\
                   CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz');\n\
                   CREATE SOURCE later_src IN CLUSTER ingest FROM KAFKA CONNECTION kafka (TOPIC 't');\n\
                   CREATE CONNECTION bastion TO SSH TUNNEL (HOST 'b.internal', USER 'mz');\n";
        let found: Vec<String> = of(sql, "MZ503", None).into_iter().map(|(m, _)| m).collect();
        assert_eq!(
            found,
            [
                "cluster `ingest` is used here but created only later in this file (line 5)",
                "connection `pg` is used here but created only later in this file (line 6)",
                "source `later_src` is used here but created only later in this file (line 7)",
                "connection `bastion` is used here but created only later in this file (line 8)",
                "cluster `ingest` is used here but created only later in this file (line 5)",
            ]
        );
    }

    #[test]
    fn not_when_defined_earlier_elsewhere_external_or_if_exists() {
        // An earlier definition in the file.
        let sql = format!("CREATE SECRET pg_pw AS '${{A}}';\n{BAD}");
        assert_none(&sql, "MZ503", None);
        // Another file defines it too (MZ502's business then).
        let files = [("a.sql", BAD), ("b.sql", "CREATE SECRET pg_pw AS '${B}';")];
        assert!(lint_project(&files, None)
            .iter()
            .all(|(_, d)| d.rule.code != "MZ503"));
        // External objects, by pattern as written.
        let config = "[references]\nexternal-objects = [\"secret:pg_*\"]\n";
        assert_none(BAD, "MZ503", Some(config));
        // IF EXISTS and DROP statements are never checked.
        let sql = "ALTER SECRET IF EXISTS s AS '${S}';\nDROP SECRET s;\nCREATE SECRET s AS '${S}';";
        assert_none(sql, "MZ503", None);
        // A placeholder name is never resolved.
        let sql = "CREATE SOURCE s IN CLUSTER <cluster> FROM POSTGRES CONNECTION pg (PUBLICATION 'p');\nCREATE CLUSTER <cluster> (SIZE = 'M.1-small');";
        assert_none(sql, "MZ503", None);
    }

    #[test]
    fn names_resolve_like_materialize() {
        // Qualified and quoted names, lower-case keywords, CRLF, non-ASCII.
        let sql = "-- Geheimnis für später\r\ncreate connection pg to postgres (host 'pg.internal', database 'shop', user 'mz',\r\n  password secret materialize.public.\"Pg Pw\");\r\ncreate secret \"Pg Pw\" as '${PW}';\r\n";
        assert_eq!(
            of(sql, "MZ503", None),
            vec![(
                "secret `materialize.public.\"Pg Pw\"` is used here but created only later in this file (line 4)".to_string(),
                "materialize.public.\"Pg Pw\"".to_string()
            )]
        );
        let d = &diagnostics_of(sql, "MZ503", None)[0];
        assert_eq!(
            d.help.as_deref(),
            Some("move CREATE SECRET \"Pg Pw\" above this statement; Materialize runs statements in order")
        );
        // A different schema is a different object.
        let sql = "CREATE CONNECTION pg TO POSTGRES (HOST 'h.internal', DATABASE 'd', USER 'mz', PASSWORD SECRET other.pg_pw);\nCREATE SECRET pg_pw AS '${PW}';";
        assert_none(sql, "MZ503", None);
        // The legacy FOR form.
        let sql = "CREATE CONNECTION pg FOR POSTGRES HOST 'h.internal', DATABASE 'd', USER 'mz', SSH TUNNEL b;\nCREATE CONNECTION b TO SSH TUNNEL (HOST 'b.internal', USER 'mz');";
        assert_eq!(of(sql, "MZ503", None).len(), 1);
        // Subsources are created by their source statement.
        let sql = "ALTER SOURCE orders SET (RETAIN HISTORY = FOR '1h');\nCREATE SOURCE pg_src IN CLUSTER c FROM POSTGRES CONNECTION pg (PUBLICATION 'p') FOR TABLES (public.orders);";
        let d = &diagnostics_of(sql, "MZ503", None)[0];
        assert_eq!(
            d.help.as_deref(),
            Some("move CREATE SOURCE pg_src above this statement; Materialize runs statements in order")
        );
    }

    #[test]
    fn only_a_later_object_of_the_referenced_kind() {
        let sql = "CREATE CONNECTION k TO KAFKA (BROKER 'b.internal:9092', SSH TUNNEL x);\nCREATE SECRET x AS '${X}';";
        assert_none(sql, "MZ503", None);
    }

    #[test]
    fn suppression_silences_it() {
        let sql = BAD.replacen(
            ';',
            "; -- mzlint: ignore[MZ503] created by the bootstrap job",
            1,
        );
        assert_clean(&sql, None);
    }
}

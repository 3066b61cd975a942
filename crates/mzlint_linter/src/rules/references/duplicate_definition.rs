use crate::prelude::*;

declare_rule! {
/// * **Detects** two definitions of one fully qualified name in one namespace (items — secrets,
///   connections, sources, subsources, tables, views, materialized views, sinks — share one per schema;
///   clusters have their own), with no `DROP` of the name between them in project order, when neither
///   uses `IF NOT EXISTS`, or the later does but differs (token sequences compared ignoring whitespace,
///   comments and identifier case).
/// * **Not** on an identical later `IF NOT EXISTS` definition, or across a DROP.
/// * **Message** (span: the later name; note at the earlier): ``secret `pg_pw` is already created at
///   secrets/a.sql:1`` — help: `Materialize fails with "already exists"; keep one definition and change it
///   with ALTER, or drop it first`. IF NOT EXISTS form: ``connection `pg` is created again with IF NOT
///   EXISTS but a different definition; Materialize silently keeps the first``.
/// * **Why**: `<item type> "<name>" already exists` (`src/sql/src/plan/error.rs`); `IF NOT EXISTS` checks
///   the name only (Materialize docs, CREATE TABLE).
/// * **Bad** — `secrets/a.sql`: `CREATE SECRET pg_pw AS '${PG_PASSWORD_A}';` and `secrets/b.sql`:
///   `CREATE SECRET pg_pw AS '${PG_PASSWORD_B}';`
/// * **Good** — the same `a.sql`, and `secrets/b.sql`: `ALTER SECRET pg_pw AS '${PG_PASSWORD_B}';`
    pub(crate) static RULE = {
        code: "MZ502",
        name: "duplicate-definition",
        severity: Warning,
        scope: Project,
        fix: None,
        fix_summary: "none",
        summary: "Object created twice",
        check: Project(check),
    }
}

fn check(_ctx: &ProjectContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

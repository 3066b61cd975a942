use crate::prelude::*;

declare_rule! {
/// * **Detects** two `CREATE PUBLICATION` of one name in the PostgreSQL model, with no `DROP PUBLICATION`
///   of it between them in project order, whose scope (ALL TABLES, listed tables, listed schemas, after
///   name resolution) or `WITH` options (after defaults) differ.
/// * **Not** on identical re-definitions (scripts for fresh databases) or across a DROP.
/// * **Message** (span: the later name; note at the earlier): `publication mz_pub is created again with a
///   different definition: FOR ALL TABLES here, FOR TABLE public.orders, public.customers at
///   upstream/base.sql:1` — help: `keep one CREATE PUBLICATION and change it with ALTER PUBLICATION;
///   otherwise the live definition depends on which script ran`.
/// * **Why**: the scope checks above, and the database, then depend on script order; a real project
///   defines one publication `FOR TABLE …` in a SQL file and `FOR ALL TABLES` in a shell script
///   (`MaterializeInc/freshmart` `base_tables.sql`, `setup_database.sh`).
/// * **Bad** — `upstream/base.sql`: `CREATE PUBLICATION mz_pub FOR TABLE public.orders, public.customers;`
///   and `upstream/setup.sql`: `CREATE PUBLICATION mz_pub FOR ALL TABLES;`
/// * **Good** — the same `base.sql`, and `upstream/setup.sql`: `ALTER PUBLICATION mz_pub ADD TABLE public.refunds;`
    pub(crate) static RULE = {
        code: "MZ408",
        name: "conflicting-publication-definitions",
        severity: Warning,
        scope: Project,
        fix: None,
        fix_summary: "none",
        summary: "Publication created twice, differently",
        check: Project(check),
    }
}

fn check(_ctx: &ProjectContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

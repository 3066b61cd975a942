use crate::prelude::*;

declare_rule! {
/// * **Detects**, for a covered Postgres source whose connection resolves with a literal or identifier
///   USER (not a SECRET), when the PostgreSQL model creates that role (`CREATE ROLE|USER`):
///   1. the role cannot replicate: no `REPLICATION` or `SUPERUSER` attribute (after later `ALTER ROLE`,
///      `NOREPLICATION` included) and no membership of `rds_replication` or `rds_superuser`;
///   2. a table of `I(S)` it cannot SELECT: no `GRANT SELECT` (or `ALL`) on it, on `ALL TABLES IN SCHEMA`,
///      or via `ALTER DEFAULT PRIVILEGES … GRANT SELECT ON TABLES`, to the role, `PUBLIC` or a role it is
///      (transitively) a member of; `SUPERUSER` and `pg_read_all_data` grant all. GRANT/CREATE order is
///      not checked;
///   3. a schema of those tables without USAGE by the same means (`public` has USAGE for PUBLIC unless
///      revoked in the model);
///   4. a table of `I(S)` with `ENABLE` or `FORCE ROW LEVEL SECURITY` while the role has neither
///      `BYPASSRLS` nor `SUPERUSER`.
/// * **Not** when the role is not created in the project (it may be managed elsewhere, like `postgres`).
/// * **Message** (span: case 1 the connection's USER value, cases 2–4 the reference or FOR clause; note at
///   the `CREATE ROLE`): ``role mz_repl (USER of connection `pg`) cannot replicate: it lacks the
///   REPLICATION attribute upstream`` — help: `ALTER ROLE mz_repl WITH REPLICATION; (Amazon RDS or Aurora:
///   GRANT rds_replication TO mz_repl;)`. Other forms: `role mz_repl lacks SELECT on public.customers
///   upstream` — help `GRANT SELECT ON public.customers TO mz_repl;`; `role mz_repl lacks USAGE on schema
///   billing upstream`; `public.accounts has row-level security enabled and role mz_repl lacks BYPASSRLS`.
/// * **Why**: purification fails with `insufficient privileges` (`user lacks USAGE privileges for schemas
///   …`, `user lacks SELECT privileges for tables …`) or `one or more tables requires BYPASSRLS`
///   (`src/sql/src/pure/postgres.rs`); without replication rights no slot can be created.
/// * **Bad** — running example plus `CREATE ROLE mz_repl LOGIN PASSWORD :'mz_repl_password'; GRANT SELECT ON public.orders, public.customers TO mz_repl;`
///   and Materialize:
///   ```sql
///   CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz_repl', PASSWORD SECRET pg_pw, SSL MODE 'require');
///   CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders, public.customers);
///   ```
/// * **Good** — the role created with `CREATE ROLE mz_repl LOGIN REPLICATION PASSWORD :'mz_repl_password';`
    pub(crate) static RULE = {
        code: "MZ411",
        name: "replication-privileges-missing",
        severity: Warning,
        scope: Project,
        fix: None,
        fix_summary: "none",
        summary: "Replication role lacks REPLICATION, USAGE, SELECT or BYPASSRLS",
        check: Project(check),
    }
}

fn check(_ctx: &ProjectContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

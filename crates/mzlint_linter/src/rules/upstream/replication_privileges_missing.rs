use std::collections::HashSet;

use super::common::pg_ident;
use crate::prelude::*;
use crate::upstream_model::{Role, TableId};

declare_rule! {
/// ## What it does
///
/// For a covered Postgres source whose connection has a literal or identifier `USER` (not a
/// `SECRET`), when the upstream SQL creates that role (`CREATE ROLE|USER`), reports what the
/// role lacks in the final state:
///
/// 1. it cannot replicate: no `REPLICATION` or `SUPERUSER` attribute (after later `ALTER ROLE`,
///    `NOREPLICATION` included) and no membership of `rds_replication` or `rds_superuser`;
/// 2. an ingested table it cannot `SELECT`: no `GRANT SELECT` (or `ALL`) on it, on `ALL TABLES
///    IN SCHEMA`, or through `ALTER DEFAULT PRIVILEGES … GRANT SELECT ON TABLES`, to the role,
///    `PUBLIC` or a role it is (transitively) a member of; `SUPERUSER` and `pg_read_all_data`
///    read everything. The order of GRANT and CREATE is not checked;
/// 3. a schema of those tables without `USAGE` by the same means (`public` has USAGE for
///    `PUBLIC` unless the upstream SQL revokes it);
/// 4. an ingested table with `ENABLE` or `FORCE ROW LEVEL SECURITY` while the role has neither
///    `BYPASSRLS` nor `SUPERUSER`.
///
/// It does not report a role the project does not create (it may be managed elsewhere, like
/// `postgres`). Case 1 is reported on the connection's `USER` value, the others on the
/// reference or FOR clause; each has a note at the `CREATE ROLE`.
///
/// ## Why is this bad?
///
/// Purification fails with `insufficient privileges` (`user lacks USAGE privileges for schemas
/// …`, `user lacks SELECT privileges for tables …`) or `one or more tables requires BYPASSRLS`
/// (`src/sql/src/pure/postgres.rs`); without replication rights no slot can be created.
///
/// ## Example
///
/// Upstream, the running example of rules.md §5.4 plus:
///
/// ```sql
/// -- Bad
/// CREATE ROLE mz_repl LOGIN PASSWORD :'mz_repl_password';
/// -- Good
/// CREATE ROLE mz_repl LOGIN REPLICATION PASSWORD :'mz_repl_password';
/// GRANT SELECT ON public.orders, public.customers TO mz_repl;
/// ```
///
/// Materialize:
///
/// ```sql
/// CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz_repl', PASSWORD SECRET pg_pw, SSL MODE 'require');
/// CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders, public.customers);
/// ```
///
/// ## Fix
///
/// None in the Materialize files: grant what is missing upstream (the help gives the
/// statement).
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

fn check(ctx: &ProjectContext<'_>, out: &mut Vec<Diagnostic>) {
    let model = &ctx.project.upstream;
    let pg = &model.pg;
    let mut replication_reported: HashSet<(crate::source::FileId, Span)> = HashSet::new();
    for (_, source) in model.covered_sources() {
        let Some(user) = &source.user else { continue };
        let Some(role) = pg.roles.get(&user.role).filter(|r| r.create.is_some()) else {
            continue;
        };
        let name = &role.name;
        let ident = pg_ident(name);
        // 1. Replication.
        let replicates = role.superuser
            || role.replication
            || pg.is_member_of(name, &["rds_replication", "rds_superuser"]);
        if !replicates && replication_reported.insert((user.site.location.file, user.site.span)) {
            out.push(with_role_note(
                Diagnostic::new(
                    &RULE,
                    user.site.location.file,
                    user.site.span,
                    format!(
                        "role {name} (USER of connection `{}`) cannot replicate: it lacks the REPLICATION attribute upstream",
                        user.connection
                    ),
                )
                .with_help(format!(
                    "ALTER ROLE {ident} WITH REPLICATION; (Amazon RDS or Aurora: GRANT rds_replication TO {ident};)"
                )),
                role,
            ));
        }
        // 2–4, per ingested table.
        let mut seen_tables: HashSet<(TableId, usize)> = HashSet::new();
        let mut seen_schemas: HashSet<String> = HashSet::new();
        for ingested in &source.ingested {
            if !seen_tables.insert((ingested.table, ingested.clause)) {
                continue;
            }
            let table = &pg.tables[ingested.table];
            let (location, span) = source.report_span(ingested);
            let file = location.file;
            if !pg.has_usage(name, &table.name.schema)
                && seen_schemas.insert(table.name.schema.clone())
            {
                out.push(with_role_note(
                    Diagnostic::new(
                        &RULE,
                        file,
                        span,
                        format!(
                            "role {name} lacks USAGE on schema {} upstream",
                            table.name.schema
                        ),
                    )
                    .with_help(format!(
                        "GRANT USAGE ON SCHEMA {} TO {ident};",
                        pg_ident(&table.name.schema)
                    )),
                    role,
                ));
            }
            if !pg.can_select(name, &table.name) {
                out.push(with_role_note(
                    Diagnostic::new(
                        &RULE,
                        file,
                        span,
                        format!("role {name} lacks SELECT on {} upstream", table.name),
                    )
                    .with_help(format!("GRANT SELECT ON {} TO {ident};", table.name)),
                    role,
                ));
            }
            if table.row_level_security() && !role.bypassrls && !role.superuser {
                let mut diagnostic = Diagnostic::new(
                    &RULE,
                    file,
                    span,
                    format!(
                        "{} has row-level security enabled and role {name} lacks BYPASSRLS",
                        table.name
                    ),
                )
                .with_help(format!("ALTER ROLE {ident} WITH BYPASSRLS;"));
                if let Some(site) = table.rls_site {
                    diagnostic = diagnostic.with_related(
                        site.location.file,
                        site.span,
                        format!("row-level security of {} is set here", table.name),
                    );
                }
                out.push(with_role_note(diagnostic, role));
            }
        }
    }
}

fn with_role_note(diagnostic: Diagnostic, role: &Role) -> Diagnostic {
    match role.create {
        Some(site) => diagnostic.with_related(
            site.location.file,
            site.span,
            format!("role {} is created here", role.name),
        ),
        None => diagnostic,
    }
}

#[cfg(test)]
mod tests {
    use super::super::common::testing::*;

    const ROLE: &str = "CREATE ROLE mz_repl LOGIN PASSWORD :'mz_repl_password';\nGRANT SELECT ON public.orders, public.customers TO mz_repl;\n";
    const MATERIALIZE: &str = "\
CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz_repl', PASSWORD SECRET pg_pw, SSL MODE 'require');
CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders, public.customers);
";

    fn upstream(extra: &str) -> String {
        format!("{RUNNING_EXAMPLE}{extra}")
    }

    #[test]
    fn bad_example() {
        let up = upstream(ROLE);
        let files = [
            ("upstream/setup.sql", up.as_str()),
            ("src.sql", MATERIALIZE),
        ];
        let found = lint_all(&files);
        assert_eq!(found.len(), 1, "{found:#?}");
        let f = &found[0];
        assert_eq!(f.code, "MZ411");
        assert_eq!(
            f.message,
            "role mz_repl (USER of connection `pg`) cannot replicate: it lacks the REPLICATION attribute upstream"
        );
        assert_eq!(f.text, "'mz_repl'");
        assert_eq!(
            f.help,
            "ALTER ROLE mz_repl WITH REPLICATION; (Amazon RDS or Aurora: GRANT rds_replication TO mz_repl;)"
        );
        assert_eq!(
            f.related,
            ["upstream/setup.sql:7:13 role mz_repl is created here"]
        );
        insta::assert_snapshot!(render(&files, "MZ411"));
    }

    #[test]
    fn good_example() {
        let up = upstream(&ROLE.replace("LOGIN PASSWORD", "LOGIN REPLICATION PASSWORD"));
        assert_eq!(
            lint_all(&[("upstream/setup.sql", &up), ("src.sql", MATERIALIZE)]),
            []
        );
    }

    #[test]
    fn replication_by_attribute_membership_and_alter() {
        for extra in [
            "GRANT rds_replication TO mz_repl;",
            "CREATE ROLE ops IN ROLE rds_superuser;\nGRANT ops TO mz_repl;",
            "ALTER ROLE mz_repl WITH SUPERUSER;",
            "ALTER USER mz_repl REPLICATION;",
        ] {
            let up = upstream(&format!("{ROLE}{extra}\n"));
            assert!(
                lint_code(
                    &[("upstream/setup.sql", &up), ("src.sql", MATERIALIZE)],
                    "MZ411"
                )
                .is_empty(),
                "{extra}"
            );
        }
        // NOREPLICATION later takes it away, in another file.
        let up = upstream(&ROLE.replace("LOGIN PASSWORD", "LOGIN REPLICATION PASSWORD"));
        let files = [
            ("upstream/a.sql", up.as_str()),
            ("upstream/b.sql", "ALTER ROLE mz_repl NOREPLICATION;"),
            ("src.sql", MATERIALIZE),
        ];
        assert_eq!(lint_code(&files, "MZ411").len(), 1);
    }

    #[test]
    fn select_usage_and_row_level_security() {
        let role = "CREATE USER mz_repl REPLICATION;\nGRANT SELECT ON public.orders TO mz_repl;\n";
        let up = upstream(role);
        let found = lint_code(
            &[("upstream/setup.sql", &up), ("src.sql", MATERIALIZE)],
            "MZ411",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(
            found[0].message,
            "role mz_repl lacks SELECT on public.customers upstream"
        );
        assert_eq!(
            found[0].help,
            "GRANT SELECT ON public.customers TO mz_repl;"
        );
        assert_eq!(found[0].text, "public.customers");
        // Schema-wide, default privileges, PUBLIC and group grants all count.
        for grant in [
            "GRANT SELECT ON ALL TABLES IN SCHEMA public TO mz_repl;",
            "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO mz_repl;",
            "GRANT ALL ON public.customers TO PUBLIC;",
            "CREATE ROLE readers;\nGRANT SELECT ON public.customers TO readers;\nGRANT readers TO mz_repl;",
            "GRANT pg_read_all_data TO mz_repl;",
        ] {
            let up = upstream(&format!("{role}{grant}\n"));
            assert!(lint_code(&[("upstream/setup.sql", &up), ("src.sql", MATERIALIZE)], "MZ411").is_empty(), "{grant}");
        }
        // Revoked afterwards; column grants do not count.
        let up = upstream(&format!("{role}GRANT SELECT ON ALL TABLES IN SCHEMA public TO mz_repl;\nREVOKE SELECT ON public.customers FROM mz_repl;\nGRANT SELECT (id) ON public.customers TO mz_repl;\n"));
        assert_eq!(
            lint_code(
                &[("upstream/setup.sql", &up), ("src.sql", MATERIALIZE)],
                "MZ411"
            )
            .len(),
            1
        );
        // USAGE on public revoked from PUBLIC.
        let up = upstream(&format!("{role}GRANT SELECT ON public.customers TO mz_repl;\nREVOKE ALL ON SCHEMA public FROM PUBLIC;\n"));
        let found = lint_code(
            &[("upstream/setup.sql", &up), ("src.sql", MATERIALIZE)],
            "MZ411",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "role mz_repl lacks USAGE on schema public upstream"
        );
        assert_eq!(found[0].help, "GRANT USAGE ON SCHEMA public TO mz_repl;");
        // Row-level security.
        let up = upstream(&format!("{role}GRANT SELECT ON public.customers TO mz_repl;\nALTER TABLE public.customers ENABLE ROW LEVEL SECURITY;\n"));
        let found = lint_code(
            &[("upstream/setup.sql", &up), ("src.sql", MATERIALIZE)],
            "MZ411",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "public.customers has row-level security enabled and role mz_repl lacks BYPASSRLS"
        );
        let up = upstream(&format!("{role}GRANT SELECT ON public.customers TO mz_repl;\nALTER TABLE public.customers FORCE ROW LEVEL SECURITY;\nALTER ROLE mz_repl BYPASSRLS;\n"));
        assert!(lint_code(
            &[("upstream/setup.sql", &up), ("src.sql", MATERIALIZE)],
            "MZ411"
        )
        .is_empty());
    }

    #[test]
    fn schema_usage_for_other_schemas() {
        let up = "CREATE SCHEMA billing;\nCREATE TABLE billing.invoices (id bigint);\nALTER TABLE billing.invoices REPLICA IDENTITY FULL;\n\
CREATE PUBLICATION mz_pub FOR TABLE billing.invoices;\nCREATE ROLE mz_repl REPLICATION;\nGRANT SELECT ON ALL TABLES IN SCHEMA billing TO mz_repl;\n";
        let materialize = MATERIALIZE.replace(
            "FOR TABLES (public.orders, public.customers)",
            "FOR SCHEMAS (billing)",
        );
        let found = lint_code(
            &[("upstream/setup.sql", up), ("src.sql", &materialize)],
            "MZ411",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(
            found[0].message,
            "role mz_repl lacks USAGE on schema billing upstream"
        );
        assert_eq!(found[0].text, "FOR SCHEMAS (billing)");
        let up = format!("{up}GRANT USAGE ON SCHEMA billing TO mz_repl;\n");
        assert!(lint_code(
            &[("upstream/setup.sql", &up), ("src.sql", &materialize)],
            "MZ411"
        )
        .is_empty());
    }

    #[test]
    fn not_for_secrets_unknown_roles_or_uncovered_sources() {
        let up = upstream(ROLE);
        // USER from a secret.
        let materialize = MATERIALIZE.replace("USER 'mz_repl'", "USER SECRET pg_user");
        assert!(lint_code(
            &[("upstream/setup.sql", &up), ("src.sql", &materialize)],
            "MZ411"
        )
        .is_empty());
        // A role the project does not create.
        let materialize = MATERIALIZE.replace("USER 'mz_repl'", "USER postgres");
        assert!(lint_code(
            &[("upstream/setup.sql", &up), ("src.sql", &materialize)],
            "MZ411"
        )
        .is_empty());
        // Placeholder user.
        let materialize = MATERIALIZE.replace("USER 'mz_repl'", "USER '${PG_USER}'");
        assert!(lint_code(
            &[("upstream/setup.sql", &up), ("src.sql", &materialize)],
            "MZ411"
        )
        .is_empty());
        // No upstream SQL.
        assert!(lint_code(&[("src.sql", MATERIALIZE)], "MZ411").is_empty());
    }

    #[test]
    fn user_changed_by_alter_connection_in_another_file() {
        let up = upstream(&format!("{ROLE}CREATE ROLE other REPLICATION;\n"));
        let files = [
            ("a.sql", "CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'other', PASSWORD SECRET pg_pw, SSL MODE 'require');"),
            ("b.sql", "ALTER CONNECTION pg SET (USER = 'mz_repl');"),
            ("c.sql", "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders, public.customers);"),
            ("upstream/setup.sql", up.as_str()),
        ];
        let found = lint_code(&files, "MZ411");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].path, "b.sql");
        assert_eq!(found[0].text, "'mz_repl'");
    }

    #[test]
    fn legacy_connection_form() {
        let up = upstream(ROLE);
        let materialize = "CREATE CONNECTION pg FOR POSTGRES HOST 'pg.internal', DATABASE 'shop', USER 'mz_repl', PASSWORD SECRET pg_pw, SSL MODE 'require';\n\
CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders, public.customers);\n";
        let found = lint_code(
            &[("upstream/setup.sql", &up), ("src.sql", materialize)],
            "MZ411",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].text, "'mz_repl'");
        // USERNAME counts as USER.
        let materialize = MATERIALIZE.replace("USER 'mz_repl'", "USERNAME 'mz_repl'");
        assert_eq!(
            lint_code(
                &[("upstream/setup.sql", &up), ("src.sql", &materialize)],
                "MZ411"
            )
            .len(),
            1
        );
    }

    #[test]
    fn secrets_never_shown() {
        let up = upstream(&format!("CREATE ROLE mz_repl LOGIN PASSWORD '{CANARY}';\n"));
        let materialize =
            MATERIALIZE.replace("PASSWORD SECRET pg_pw", &format!("PASSWORD '{CANARY}'"));
        let files = [
            ("upstream/setup.sql", up.as_str()),
            ("src.sql", materialize.as_str()),
        ];
        assert!(!lint_code(&files, "MZ411").is_empty());
        assert_no_canary(&files);
    }

    #[test]
    fn layout_and_suppression() {
        let up = upstream(ROLE);
        let materialize = "-- ✓\r\ncreate connection PG to postgres (host 'pg.internal', user /* role */ MZ_REPL, password secret pg_pw, ssl mode 'require');\r\ncreate source src in cluster ingest from postgres connection pg (publication 'mz_pub') for tables (public.orders, public.customers);\r\n";
        let found = lint_code(
            &[("upstream/setup.sql", &up), ("src.sql", materialize)],
            "MZ411",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].text, "MZ_REPL");
        assert!(found[0]
            .message
            .starts_with("role mz_repl (USER of connection `PG`)"));
        let suppressed = materialize.replace("-- ✓\r\n", "-- mzlint: ignore[MZ411]\r\n");
        assert!(lint_code(
            &[("upstream/setup.sql", &up), ("src.sql", &suppressed)],
            "MZ411"
        )
        .is_empty());
    }
}

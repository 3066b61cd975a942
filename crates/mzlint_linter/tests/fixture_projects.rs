//! The example projects under `fixtures/`, linted as the CLI lints a
//! project directory: every `*.sql` below the project root, upstream SQL per
//! the project's `files.upstream` (`upstream/**`), settings from its
//! `mzlint.toml`. Each test asserts the exact list of findings (file, code):
//! nothing else is allowed.

use std::path::{Path, PathBuf};

use mzlint_linter::testing::test_settings;
use mzlint_linter::{lint_files, FileId, Settings, SourceFile};

/// Every `*.sql` file below `root`, relative paths with `/`, sorted (project order).
fn sql_files(root: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else if path.extension().is_some_and(|e| e == "sql") {
                let relative = path.strip_prefix(root).unwrap();
                out.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let mut out = Vec::new();
    walk(root, root, &mut out);
    out.sort_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
    out
}

/// `(file, code, message)` of every finding of the project, in file order.
fn lint_fixture(name: &str) -> Vec<(String, &'static str, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures")
        .join(name);
    let config = std::fs::read_to_string(root.join("mzlint.toml")).unwrap();
    let settings: Settings = test_settings(Some(&config));
    let files: Vec<SourceFile> = sql_files(&root)
        .into_iter()
        .enumerate()
        .map(|(i, path)| {
            let text = std::fs::read_to_string(root.join(&path)).unwrap();
            let upstream = path.starts_with("upstream/");
            SourceFile::new(FileId(i as u32), PathBuf::from(path), text, Some(upstream))
        })
        .collect();
    let refs: Vec<&Settings> = files.iter().map(|_| &settings).collect();
    let diagnostics = lint_files(&files, &refs);
    files
        .iter()
        .zip(diagnostics)
        .flat_map(|(file, list)| {
            let path = file.display_path();
            list.into_iter()
                .map(move |d| (path.clone(), d.rule.code, d.message.clone()))
        })
        .collect()
}

fn codes(findings: &[(String, &'static str, String)]) -> Vec<(String, &'static str)> {
    findings.iter().map(|(f, c, _)| (f.clone(), *c)).collect()
}

fn pairs(expected: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
    expected.iter().map(|(f, c)| (f.to_string(), *c)).collect()
}

/// `fixtures/rds-postgres`: Materialize's RDS guide followed to the letter.
/// No rule may report anything.
#[test]
fn rds_postgres_is_clean() {
    let findings = lint_fixture("rds-postgres");
    assert!(findings.is_empty(), "{findings:#?}");
}

/// `fixtures/rds-postgres-mistakes`: one mistake of each of several classes.
#[test]
fn rds_postgres_mistakes() {
    let findings = lint_fixture("rds-postgres-mistakes");
    assert_eq!(
        codes(&findings),
        pairs(&[
            ("materialize/01_connections.sql", "MZ202"),
            ("materialize/01_connections.sql", "MZ200"),
            ("materialize/01_connections.sql", "MZ411"),
            ("materialize/01_connections.sql", "MZ300"),
            ("materialize/01_connections.sql", "MZ300"),
            ("materialize/02_sources.sql", "MZ600"),
            ("materialize/02_sources.sql", "MZ404"),
            ("materialize/02_sources.sql", "MZ410"),
            ("materialize/02_sources.sql", "MZ401"),
            ("materialize/02_sources.sql", "MZ400"),
            ("upstream/02_replication.sql", "MZ403"),
        ]),
        "{findings:#?}"
    );
    let upstream: Vec<&str> = findings
        .iter()
        .filter(|(_, code, _)| code.starts_with("MZ4"))
        .map(|(_, _, message)| message.as_str())
        .collect();
    assert_eq!(
        upstream,
        [
            "role materialize (USER of connection `pg_connection`) cannot replicate: it lacks the REPLICATION attribute upstream",
            "public.customers is ingested by source `mz_source` but has REPLICA IDENTITY DEFAULT upstream; Materialize requires REPLICA IDENTITY FULL",
            "column public.orders.status has type order_status (an enum), which Materialize cannot ingest natively",
            "public.payments is not in publication 'mz_source' (FOR TABLE public.customers, public.orders, public.refunds)",
            "publication 'mz_sorce' is not defined in the project's upstream SQL",
            "publication mz_source publishes 1 table that no Materialize source ingests: public.refunds",
        ]
    );
}

/// `fixtures/upstream-mistakes`: the upstream classes the RDS fixture does
/// not show, one each.
#[test]
fn upstream_mistakes() {
    let findings = lint_fixture("upstream-mistakes");
    assert_eq!(
        codes(&findings),
        pairs(&[
            ("materialize/03_sources.sql", "MZ409"),
            ("materialize/03_sources.sql", "MZ407"),
            ("materialize/03_sources.sql", "MZ402"),
            ("upstream/02_publications.sql", "MZ405"),
            ("upstream/02_publications.sql", "MZ406"),
            ("upstream/03_setup_script.sql", "MZ408"),
            ("upstream/04_maintenance.sql", "MZ412"),
        ]),
        "{findings:#?}"
    );
    let messages: Vec<&str> = findings.iter().map(|(_, _, m)| m.as_str()).collect();
    assert_eq!(
        messages,
        [
            "column public.accounts.internal_note does not exist upstream",
            "multiple subsources refer to table public.accounts",
            "source `everything_src` takes FOR ALL TABLES of publication 'mz_all', which is FOR ALL TABLES upstream: every table of the database is ingested, including tables created later",
            "publication mz_app publishes only insert; Materialize needs insert, update and delete",
            "publication mz_events sets publish_via_partition_root = true, which Materialize does not support",
            "publication mz_all is created again with a different definition: FOR ALL TABLES here, FOR TABLE public.accounts at upstream/02_publications.sql:7",
            "TRUNCATE of public.users, which source `app_src` ingests: Materialize cannot replicate a truncate and the source becomes unusable",
        ]
    );
}

/// Every MZ4xx class shows at least once across the fixture projects.
#[test]
fn every_upstream_class_is_shown() {
    let mut seen: Vec<&str> = ["rds-postgres-mistakes", "upstream-mistakes"]
        .iter()
        .flat_map(|name| lint_fixture(name))
        .map(|(_, code, _)| code)
        .filter(|code| code.starts_with("MZ4"))
        .collect();
    seen.sort();
    seen.dedup();
    assert_eq!(
        seen,
        [
            "MZ400", "MZ401", "MZ402", "MZ403", "MZ404", "MZ405", "MZ406", "MZ407", "MZ408",
            "MZ409", "MZ410", "MZ411", "MZ412"
        ]
    );
}

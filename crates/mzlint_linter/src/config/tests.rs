use super::*;
use crate::settings::{FailOn, DEFAULT_PRIVATE_HOSTS};
use std::fs;

fn rule(code: &str) -> &'static RuleMeta {
    registry::find(code).unwrap()
}

fn parse(text: &str) -> Result<Settings, ConfigError> {
    settings_from_str(text, Path::new("/project/mzlint.toml"))
}

fn error(text: &str) -> ConfigError {
    match parse(text) {
        Ok(_) => panic!("expected a configuration error for:\n{text}"),
        Err(e) => e,
    }
}

fn enabled_codes(settings: &Settings) -> Vec<&'static str> {
    settings.rules.enabled_rules().map(|r| r.code).collect()
}

#[test]
fn resolver_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<ConfigResolver>();
    assert_send_sync::<Settings>();
}

#[test]
fn empty_file_gives_the_defaults() {
    let settings = parse("").unwrap();
    let defaults = Settings::default();
    assert_eq!(enabled_codes(&settings), enabled_codes(&defaults));
    assert!(!settings.rules.is_enabled(rule("MZ702")));
    assert!(settings.rules.is_enabled(rule("MZ200")));
    assert_eq!(settings.root, PathBuf::from("/project"));
    assert_eq!(
        settings.config_path.as_deref(),
        Some(Path::new("/project/mzlint.toml"))
    );
    assert_eq!(settings.materialize.database, "materialize");
    assert_eq!(settings.materialize.schema, "public");
    assert_eq!(settings.materialize.region, None);
    assert_eq!(settings.clusters.shared_clusters, vec!["quickstart"]);
    assert_eq!(settings.files.extensions, vec!["sql"]);
    assert!(settings.security.is_private_host("pg.internal"));
}

#[test]
fn every_key() {
    let settings = parse(
        r#"
[lint]
select = ["MZ2", "MZ600"]
ignore = ["MZ204"]
extend-select = ["legacy-subsource-syntax"]
fail-on = "info"

[lint.severity]
MZ600 = "error"
"weak-ssl-mode" = "info"
MZ203 = "off"

[lint.per-file-ignores]
"legacy/**/*.sql" = ["MZ7", "source-without-cluster"]

[files]
extensions = ["sql", ".mzsql"]
exclude = ["target/**", "vendor/"]
project = ["upstream/**/*.sql"]
upstream = ["upstream/**/*.sql"]

[materialize]
region = "aws/eu-west-1"
database = "analytics"
schema = "staging"

[security]
private-hosts = ["*.corp", "10.1.0.0/16"]
placeholder-patterns = ["@@*@@"]
unfilled-placeholder-patterns = ["todo"]

[references]
external-objects = ["cluster:shared_*", "ext_secret"]
managed-kinds = ["secret", "connection"]

[clusters]
default-ingest-cluster = "ingest"
shared-clusters = ["quickstart", "compute"]
"#,
    )
    .unwrap();
    assert_eq!(
        enabled_codes(&settings),
        vec!["MZ200", "MZ201", "MZ202", "MZ600", "MZ702"],
        "select MZ2 + MZ600, extend-select MZ702, ignore MZ204, MZ203 off"
    );
    assert_eq!(settings.rules.severity(rule("MZ600")), Severity::Error);
    assert_eq!(settings.rules.severity(rule("MZ201")), Severity::Info);
    assert_eq!(settings.rules.severity(rule("MZ200")), Severity::Warning);
    assert_eq!(settings.fail_on, Some(FailOn::Level(Severity::Info)));

    assert!(!settings.is_enabled_for(rule("MZ702"), Path::new("/project/legacy/a/b.sql")));
    assert!(!settings.is_enabled_for(rule("MZ600"), Path::new("/project/legacy/a/b.sql")));
    assert!(settings.is_enabled_for(rule("MZ200"), Path::new("/project/legacy/a/b.sql")));
    assert!(settings.is_enabled_for(rule("MZ702"), Path::new("/project/sql/b.sql")));

    assert_eq!(settings.files.extensions, vec!["sql", "mzsql"]);
    assert_eq!(settings.files.exclude, vec!["target/**", "vendor/**"]);
    assert_eq!(settings.files.project, vec!["upstream/**/*.sql"]);
    assert!(settings.is_excluded(Path::new("/project/vendor/x/y.sql")));
    assert!(settings.is_excluded(Path::new("/project/target/y.sql")));
    assert!(!settings.is_excluded(Path::new("/project/sql/y.sql")));
    assert!(settings.path_matches(
        &settings.files.upstream,
        Path::new("/project/upstream/pg/schema.sql")
    ));

    assert_eq!(settings.materialize.region.as_deref(), Some("eu-west-1"));
    assert_eq!(settings.materialize.database, "analytics");
    assert_eq!(settings.materialize.schema, "staging");

    // A key set replaces its default.
    assert!(settings.security.is_private_host("db.corp"));
    assert!(settings.security.is_private_host("10.1.2.3"));
    assert!(!settings.security.is_private_host("pg.internal"));
    assert!(!settings.security.is_private_host("192.168.0.1"));
    assert!(settings.security.is_placeholder("@@PASSWORD@@"));
    assert!(!settings.security.is_placeholder("${PG_PASSWORD}"));
    assert!(settings.security.is_unfilled_placeholder("TODO"));
    assert!(!settings.security.is_unfilled_placeholder("changeme"));

    assert!(settings
        .references
        .is_external(ObjectKind::Cluster, &["shared_ingest"]));
    assert!(!settings
        .references
        .is_external(ObjectKind::Secret, &["shared_ingest"]));
    assert!(settings
        .references
        .is_external(ObjectKind::Secret, &["ext_secret"]));
    assert!(!settings
        .references
        .is_external(ObjectKind::Cluster, &["quickstart"]));
    assert!(matches!(
        &settings.references.managed_kinds,
        ManagedKinds::Explicit(kinds) if kinds == &[ObjectKind::Secret, ObjectKind::Connection]
    ));

    assert_eq!(
        settings.clusters.default_ingest_cluster.as_deref(),
        Some("ingest")
    );
    assert_eq!(
        settings.clusters.shared_clusters,
        vec!["quickstart", "compute"]
    );
}

#[test]
fn region_without_prefix_and_managed_kinds_auto() {
    let settings =
        parse("[materialize]\nregion = \"us-east-1\"\n[references]\nmanaged-kinds = \"auto\"\n")
            .unwrap();
    assert_eq!(settings.materialize.region.as_deref(), Some("us-east-1"));
    assert!(matches!(
        settings.references.managed_kinds,
        ManagedKinds::Auto
    ));
    assert_eq!(
        settings.security.private_hosts.matches("pg.internal"),
        HostMatcher::new(DEFAULT_PRIVATE_HOSTS)
            .unwrap()
            .matches("pg.internal")
    );
}

#[test]
fn unknown_keys_name_file_key_and_line() {
    let e = error("[lint]\nselect = [\"ALL\"]\nselct = [\"MZ2\"]\n");
    assert_eq!(e.path.as_deref(), Some(Path::new("/project/mzlint.toml")));
    assert_eq!(e.key.as_deref(), Some("lint.selct"));
    assert_eq!(e.line, Some(3));
    assert!(e.message.contains("unknown field `selct`"), "{}", e.message);

    let e = error("# comment\nextends = \"../x.toml\"\n");
    assert_eq!(e.key.as_deref(), Some("extends"));
    assert_eq!(e.line, Some(2));

    let e = error("[lint]\n\n[lint.severity]\nMZ600 = \"error\"\n\n[tools]\nx = 1\n");
    assert_eq!(e.key.as_deref(), Some("tools"));
    assert_eq!(e.line, Some(6));

    let e = error("[security]\nprivate_hosts = []\n");
    assert_eq!(e.key.as_deref(), Some("security.private_hosts"));
    assert_eq!(e.line, Some(2));
}

#[test]
fn wrong_types_name_file_key_and_line() {
    let e = error("[lint]\n\nselect = \"MZ200\"\n");
    assert_eq!(e.key.as_deref(), Some("lint.select"));
    assert_eq!(e.line, Some(3));

    let e = error("[materialize]\ndatabase = 5\n");
    assert_eq!(e.key.as_deref(), Some("materialize.database"));
    assert_eq!(e.line, Some(2));

    let e = error("[clusters]\nshared-clusters = [\"a\", 3]\n");
    assert_eq!(e.key.as_deref(), Some("clusters.shared-clusters"));
    assert_eq!(e.line, Some(2));

    let e = error("lint = 3\n");
    assert_eq!(e.key.as_deref(), Some("lint"));
    assert_eq!(e.line, Some(1));
}

#[test]
fn toml_syntax_errors_have_a_line() {
    let e = error("[lint]\nselect = [\"ALL\"\n\n[files]\n");
    assert_eq!(e.path.as_deref(), Some(Path::new("/project/mzlint.toml")));
    assert!(e.line.is_some());
}

#[test]
fn invalid_values_are_configuration_errors() {
    let cases: &[(&str, &str, usize, &str)] = &[
        (
            "[lint]\nselect = [\"MZ200\", \"missing-sll-mode\"]\n",
            "lint.select",
            2,
            "unknown rule selector 'missing-sll-mode'; did you mean 'missing-ssl-mode' (MZ200)?",
        ),
        ("[lint]\nignore = [\"MZ9\"]\n", "lint.ignore", 2, "unknown rule selector 'MZ9'"),
        (
            "[lint]\nextend-select = [\"nope\"]\n",
            "lint.extend-select",
            2,
            "unknown rule selector 'nope'",
        ),
        (
            "[lint]\nfail-on = \"fatal\"\n",
            "lint.fail-on",
            2,
            "invalid level 'fatal': expected \"error\", \"warning\", \"info\" or \"never\"",
        ),
        (
            "[lint.severity]\nMZ600 = \"critical\"\n",
            "lint.severity.MZ600",
            2,
            "invalid severity 'critical': expected \"error\", \"warning\", \"info\" or \"off\"",
        ),
        (
            "[lint.severity]\nMZ6000 = \"error\"\n",
            "lint.severity.MZ6000",
            2,
            "unknown rule selector 'MZ6000'",
        ),
        (
            "[lint.per-file-ignores]\n\"a/**\" = [\"MZ600\", \"bogus\"]\n",
            "lint.per-file-ignores.\"a/**\"",
            2,
            "unknown rule selector 'bogus'",
        ),
        (
            "[lint.per-file-ignores]\n\"a/[b\" = [\"MZ600\"]\n",
            "lint.per-file-ignores.\"a/[b\"",
            2,
            "invalid glob 'a/[b': unclosed character class; missing ']'",
        ),
        (
            "[files]\nexclude = [\n  \"ok/**\",\n  \"{a,b\",\n]\n",
            "files.exclude",
            4,
            "invalid glob '{a,b': unclosed alternate group; missing '}' (maybe escape '{' with '[{]'?)",
        ),
        (
            "[files]\nextensions = [\"\"]\n",
            "files.extensions",
            2,
            "invalid extension '': expected a name like \"sql\"",
        ),
        (
            "[materialize]\nregion = \"gcp/us-central1\"\n",
            "materialize.region",
            2,
            "invalid region 'gcp/us-central1': expected \"aws/<region>\" or \"<region>\", like \"aws/us-east-1\"",
        ),
        ("[materialize]\nschema = \"\"\n", "materialize.schema", 2, "must not be empty"),
        (
            "[security]\nprivate-hosts = [\"ok.internal\", \"10.0.0.0/33\"]\n",
            "security.private-hosts",
            2,
            "invalid CIDR block '10.0.0.0/33'",
        ),
        (
            "[security]\nprivate-hosts = [\"not-an-ip/8\"]\n",
            "security.private-hosts",
            2,
            "invalid CIDR block 'not-an-ip/8'",
        ),
        (
            "[references]\nexternal-objects = [\"view:x\"]\n",
            "references.external-objects",
            2,
            "unknown object kind 'view' in 'view:x'",
        ),
        (
            "[references]\nmanaged-kinds = [\"secret\", \"table\"]\n",
            "references.managed-kinds",
            2,
            "invalid kind 'table': expected \"auto\" or a list of \"secret\", \"connection\", \"source\", \"cluster\"",
        ),
        (
            "[references]\nmanaged-kinds = \"manual\"\n",
            "references.managed-kinds",
            2,
            "invalid value 'manual': expected \"auto\" or a list of \"secret\", \"connection\", \"source\", \"cluster\"",
        ),
        (
            "[clusters]\ndefault-ingest-cluster = \" \"\n",
            "clusters.default-ingest-cluster",
            2,
            "must not be empty",
        ),
    ];
    for (text, key, line, message) in cases {
        let e = error(text);
        assert_eq!(e.key.as_deref(), Some(*key), "{text}");
        assert_eq!(e.line, Some(*line), "{text}");
        assert_eq!(e.message, *message, "{text}");
    }
}

#[test]
fn error_display() {
    let e = error("[lint]\nselect = [\"missing-sll-mode\"]\n");
    insta::assert_snapshot!(e.to_string(), @"/project/mzlint.toml:2: `lint.select`: unknown rule selector 'missing-sll-mode'; did you mean 'missing-ssl-mode' (MZ200)?");
}

#[test]
fn selectors_all_prefix_code_and_name() {
    let all = parse("[lint]\nselect = [\"ALL\"]\n").unwrap();
    assert_eq!(all.rules.enabled_rules().count(), registry::RULES.len());
    assert!(all.rules.is_enabled(rule("MZ702")), "ALL includes MZ702");

    let prefix = parse("[lint]\nselect = [\"MZ30\"]\n").unwrap();
    assert_eq!(
        enabled_codes(&prefix),
        vec!["MZ300", "MZ301", "MZ302", "MZ303", "MZ304", "MZ305", "MZ306"]
    );

    let named = parse("[lint]\nselect = [\"missing-ssl-mode\", \"mz201\"]\n").unwrap();
    assert_eq!(enabled_codes(&named), vec!["MZ200", "MZ201"]);

    let extended =
        parse("[lint]\nextend-select = [\"MZ702\"]\nignore = [\"MZ6\", \"removed-syntax\"]\n")
            .unwrap();
    assert!(extended.rules.is_enabled(rule("MZ702")));
    assert!(
        extended.rules.is_enabled(rule("MZ200")),
        "default selection kept"
    );
    assert!(!extended.rules.is_enabled(rule("MZ600")));
    assert!(!extended.rules.is_enabled(rule("MZ605")));
    assert!(!extended.rules.is_enabled(rule("MZ701")));
}

#[test]
fn severity_off_disables_and_specific_entries_win() {
    let settings = parse(
        "[lint]\nselect = [\"ALL\"]\n[lint.severity]\nMZ4 = \"off\"\nMZ403 = \"warning\"\nALL = \"info\"\nMZ000 = \"error\"\n",
    )
    .unwrap();
    assert!(!settings.rules.is_enabled(rule("MZ400")));
    assert!(settings.rules.is_enabled(rule("MZ403")));
    assert_eq!(settings.rules.severity(rule("MZ403")), Severity::Warning);
    assert_eq!(settings.rules.severity(rule("MZ200")), Severity::Info);
    assert_eq!(settings.rules.severity(rule("MZ000")), Severity::Error);
    assert!(settings.rules.is_enabled(rule("MZ702")));
}

#[test]
fn per_file_ignores_are_relative_to_the_config_directory() {
    let settings = parse(
        "[lint.per-file-ignores]\n\"generated.sql\" = [\"ALL\"]\n\"old/*.sql\" = [\"MZ7\"]\n",
    )
    .unwrap();
    // No `/`: any depth.
    assert!(!settings.is_enabled_for(rule("MZ200"), Path::new("/project/a/b/generated.sql")));
    assert!(settings.is_enabled_for(rule("MZ200"), Path::new("/project/a/b/other.sql")));
    // With `/`: anchored at the root; `*` does not cross directories.
    assert!(!settings.is_enabled_for(rule("MZ701"), Path::new("/project/old/x.sql")));
    assert!(settings.is_enabled_for(rule("MZ701"), Path::new("/project/old/deeper/x.sql")));
    assert!(settings.is_enabled_for(rule("MZ701"), Path::new("/project/sub/old/x.sql")));
    assert!(settings.is_enabled_for(rule("MZ200"), Path::new("/project/old/x.sql")));
}

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

#[test]
fn extend_merges_and_the_extending_file_wins() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        &root.join("mzlint.toml"),
        "[lint]\nselect = [\"ALL\"]\nignore = [\"MZ602\"]\n[lint.severity]\nMZ600 = \"error\"\nMZ601 = \"info\"\n[materialize]\nregion = \"us-east-1\"\ndatabase = \"base\"\n[files]\nexclude = [\"vendor/**\"]\n",
    );
    write(
        &root.join("team/mzlint.toml"),
        "extend = \"../mzlint.toml\"\n[lint]\nextend-select = [\"MZ602\"]\n[lint.severity]\nMZ600 = \"warning\"\n[materialize]\ndatabase = \"team\"\n[files]\nupstream = [\"pg/*.sql\"]\n",
    );
    let resolver = ConfigResolver::new(CliOverrides::default());
    let settings = resolver.settings_for(&root.join("team/x.sql")).unwrap();
    assert_eq!(
        settings.config_path.as_deref(),
        Some(absolute_lexical(&root.join("team/mzlint.toml")).as_path())
    );
    assert_eq!(settings.root, absolute_lexical(&root.join("team")));
    assert!(settings.rules.is_enabled(rule("MZ702")), "base select ALL");
    assert!(
        settings.rules.is_enabled(rule("MZ602")),
        "extending file's extend-select wins over base ignore"
    );
    assert_eq!(settings.rules.severity(rule("MZ600")), Severity::Warning);
    assert_eq!(settings.rules.severity(rule("MZ601")), Severity::Info);
    assert_eq!(settings.materialize.region.as_deref(), Some("us-east-1"));
    assert_eq!(settings.materialize.database, "team");
    // The base's glob keeps meaning `<base>/vendor/**`.
    assert!(settings.is_excluded(&root.join("vendor/lib.sql")));
    assert!(!settings.is_excluded(&root.join("team/vendor/lib.sql")));
    assert!(settings.path_matches(&settings.files.upstream, &root.join("team/pg/a.sql")));
}

#[test]
fn extend_cycles_and_missing_files_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        &root.join("a/mzlint.toml"),
        "extend = \"../b/mzlint.toml\"\n",
    );
    write(
        &root.join("b/mzlint.toml"),
        "\n\nextend = \"../a/mzlint.toml\"\n",
    );
    let resolver = ConfigResolver::new(CliOverrides::default());
    let e = resolver.settings_for(&root.join("a/x.sql")).unwrap_err();
    assert_eq!(e.key.as_deref(), Some("extend"));
    assert!(e.message.starts_with("`extend` cycle: "), "{}", e.message);
    assert_eq!(
        e.path.as_deref(),
        Some(absolute_lexical(&root.join("b/mzlint.toml")).as_path())
    );
    assert_eq!(e.line, Some(3));

    let e = error("extend = \"does-not-exist.toml\"\n");
    assert_eq!(e.key.as_deref(), Some("extend"));
    assert_eq!(e.line, Some(1));
    assert_eq!(
        e.message,
        "extended configuration file 'does-not-exist.toml' does not exist"
    );

    // An error in the extended file names that file.
    write(&root.join("c/base.toml"), "[lint]\nbogus = 1\n");
    write(&root.join("c/mzlint.toml"), "extend = \"base.toml\"\n");
    let e = resolver.settings_for(&root.join("c/x.sql")).unwrap_err();
    assert_eq!(
        e.path.as_deref(),
        Some(absolute_lexical(&root.join("c/base.toml")).as_path())
    );
    assert_eq!(e.key.as_deref(), Some("lint.bogus"));
    assert_eq!(e.line, Some(2));
}

#[test]
fn nearest_configuration_wins() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        &root.join("mzlint.toml"),
        "[materialize]\ndatabase = \"top\"\n",
    );
    write(
        &root.join("a/b/.mzlint.toml"),
        "[materialize]\ndatabase = \"hidden\"\n",
    );
    write(
        &root.join("both/mzlint.toml"),
        "[materialize]\ndatabase = \"plain\"\n",
    );
    write(
        &root.join("both/.mzlint.toml"),
        "[materialize]\ndatabase = \"dot\"\n",
    );
    let resolver = ConfigResolver::new(CliOverrides::default());
    let database = |p: &str| {
        resolver
            .settings_for(&root.join(p))
            .unwrap()
            .materialize
            .database
            .clone()
    };
    assert_eq!(database("x.sql"), "top");
    assert_eq!(database("a/x.sql"), "top");
    assert_eq!(database("a/b/x.sql"), "hidden", "nearest wins, no merging");
    assert_eq!(database("a/b/c/d/x.sql"), "hidden");
    assert_eq!(
        database("both/x.sql"),
        "plain",
        "mzlint.toml before .mzlint.toml"
    );
    // The file need not exist (stdin, unsaved buffers).
    assert_eq!(database("a/b/not-there.sql"), "hidden");
    let hidden = resolver.settings_for(&root.join("a/b/c/x.sql")).unwrap();
    assert_eq!(hidden.root, absolute_lexical(&root.join("a/b")));
    assert_eq!(
        resolver.config_path_for(&root.join("a/b/c/x.sql")),
        Some(absolute_lexical(&root.join("a/b/.mzlint.toml")))
    );
}

#[test]
fn invalidate_rereads_changed_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        &root.join("mzlint.toml"),
        "[materialize]\ndatabase = \"one\"\n",
    );
    let resolver = ConfigResolver::new(CliOverrides::default());
    let file = root.join("x.sql");
    assert_eq!(
        resolver.settings_for(&file).unwrap().materialize.database,
        "one"
    );
    write(
        &root.join("mzlint.toml"),
        "[materialize]\ndatabase = \"two\"\n",
    );
    assert_eq!(
        resolver.settings_for(&file).unwrap().materialize.database,
        "one",
        "cached"
    );
    resolver.invalidate();
    assert_eq!(
        resolver.settings_for(&file).unwrap().materialize.database,
        "two"
    );
    write(&root.join("mzlint.toml"), "[materialize]\ndatabase = 2\n");
    resolver.invalidate();
    assert!(resolver.settings_for(&file).is_err());
}

#[test]
fn isolated_and_explicit_config() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        &root.join("mzlint.toml"),
        "[materialize]\ndatabase = \"found\"\n",
    );
    write(
        &root.join("sub/mzlint.toml"),
        "[materialize]\ndatabase = \"sub\"\n",
    );
    write(
        &root.join("elsewhere/custom.toml"),
        "[materialize]\ndatabase = \"explicit\"\n",
    );

    let isolated = ConfigResolver::new(CliOverrides {
        isolated: true,
        ..CliOverrides::default()
    });
    let settings = isolated.settings_for(&root.join("sub/x.sql")).unwrap();
    assert_eq!(settings.materialize.database, "materialize");
    assert_eq!(settings.config_path, None);

    let explicit = ConfigResolver::new(CliOverrides {
        config_file: Some(root.join("elsewhere/custom.toml")),
        ..CliOverrides::default()
    });
    for p in ["x.sql", "sub/x.sql"] {
        let settings = explicit.settings_for(&root.join(p)).unwrap();
        assert_eq!(settings.materialize.database, "explicit");
        assert_eq!(settings.root, absolute_lexical(&root.join("elsewhere")));
    }

    let missing = ConfigResolver::new(CliOverrides {
        config_file: Some(root.join("nope.toml")),
        ..CliOverrides::default()
    });
    let e = missing.settings_for(&root.join("x.sql")).unwrap_err();
    assert_eq!(e.message, "cannot read configuration file: not found");
}

#[test]
fn command_line_overrides() {
    let config = "[lint]\nselect = [\"MZ2\"]\nignore = [\"MZ204\"]\n";
    let build = |overrides: CliOverrides| {
        load_settings(
            Path::new("/project/mzlint.toml"),
            Some(config.to_string()),
            &overrides,
        )
    };
    let base = build(CliOverrides::default()).unwrap();
    assert_eq!(
        enabled_codes(&base),
        vec!["MZ200", "MZ201", "MZ202", "MZ203"]
    );

    // --select replaces the configuration's selection.
    let selected = build(CliOverrides {
        select: Some(vec!["MZ6".into(), "MZ204".into()]),
        ..CliOverrides::default()
    })
    .unwrap();
    assert_eq!(
        enabled_codes(&selected),
        vec!["MZ204", "MZ600", "MZ601", "MZ602", "MZ603", "MZ604", "MZ605"]
    );

    // --extend-select and --ignore add.
    let added = build(CliOverrides {
        extend_select: vec!["MZ702".into()],
        ignore: vec!["weak-ssl-mode".into()],
        ..CliOverrides::default()
    })
    .unwrap();
    assert_eq!(
        enabled_codes(&added),
        vec!["MZ200", "MZ202", "MZ203", "MZ702"]
    );

    let e = build(CliOverrides {
        ignore: vec!["MZ2OO".into()],
        ..CliOverrides::default()
    })
    .unwrap_err();
    assert_eq!(e.key.as_deref(), Some("--ignore"));
    assert_eq!(e.path, None);
    assert!(e.message.starts_with("unknown rule selector 'MZ2OO'"));

    let resolver = ConfigResolver::new(CliOverrides {
        isolated: true,
        select: Some(vec!["ALL".into()]),
        ..CliOverrides::default()
    });
    assert!(resolver
        .settings_for(Path::new("x.sql"))
        .unwrap()
        .rules
        .is_enabled(rule("MZ702")));
}

#[test]
fn editor_settings() {
    let value = serde_json::json!({
        "mzlint": {"configPath": "conf/mzlint.toml", "select": ["MZ2"], "ignore": ["MZ201"], "trace": "off"}
    });
    let overrides = CliOverrides::from_editor_settings(&value, Some(Path::new("/ws"))).unwrap();
    assert_eq!(
        overrides.config_file,
        Some(PathBuf::from("/ws/conf/mzlint.toml"))
    );
    assert_eq!(overrides.select, Some(vec!["MZ2".to_string()]));
    assert_eq!(overrides.ignore, vec!["MZ201".to_string()]);

    let inner = serde_json::json!({"select": null, "configPath": null});
    assert_eq!(
        CliOverrides::from_editor_settings(&inner, None).unwrap(),
        CliOverrides::default()
    );
    let bad = serde_json::json!({"mzlint": {"select": [1]}});
    let e = CliOverrides::from_editor_settings(&bad, None).unwrap_err();
    assert_eq!(e.key.as_deref(), Some("mzlint.select"));
    let unknown = serde_json::json!({"mzlint": {"ignore": ["MZ9"]}});
    assert!(CliOverrides::from_editor_settings(&unknown, None).is_err());

    let resolver = ConfigResolver::new(CliOverrides {
        isolated: true,
        ..CliOverrides::default()
    });
    assert!(resolver
        .settings_for(Path::new("x.sql"))
        .unwrap()
        .rules
        .is_enabled(rule("MZ600")));
    resolver.set_overrides(CliOverrides {
        isolated: true,
        ignore: vec!["MZ600".into()],
        ..CliOverrides::default()
    });
    assert!(!resolver
        .settings_for(Path::new("x.sql"))
        .unwrap()
        .rules
        .is_enabled(rule("MZ600")));
}

#[test]
fn config_file_names() {
    assert!(is_config_file_name(Path::new("/a/mzlint.toml")));
    assert!(is_config_file_name(Path::new(".mzlint.toml")));
    assert!(!is_config_file_name(Path::new("/a/other.toml")));
}

#[test]
fn error_messages() {
    let texts = [
        "[lint]\n\nselect = \"MZ200\"\n",
        "[lint]\nselct = 1\n",
        "[materialize]\ndatabase = 5\n",
        "[lint]\nselect = [\"ALL\"\n\n[files]\n",
        "lint = 3\n",
        "[security]\nprivate_hosts = []\n",
        "[lint.per-file-ignores]\n\"a/**\" = \"MZ600\"\n",
    ];
    let rendered: Vec<String> = texts.iter().map(|t| error(t).to_string()).collect();
    insta::assert_snapshot!(rendered.join("\n"));
}

#[test]
fn enabled_rules_for_agrees_with_is_enabled_for() {
    let settings = parse(
        "[lint]\nextend-select = [\"MZ702\"]\nignore = [\"MZ602\"]\n[lint.per-file-ignores]\n\"legacy/**\" = [\"MZ7\", \"MZ200\"]\n",
    )
    .unwrap();
    for path in [
        "/project/legacy/a.sql",
        "/project/a.sql",
        "/elsewhere/legacy/a.sql",
    ] {
        let mask = settings.enabled_rules_for(Path::new(path));
        for rule in registry::RULES {
            assert_eq!(
                mask.contains(rule),
                settings.is_enabled_for(rule, Path::new(path)),
                "{path} {}",
                rule.code
            );
        }
    }
    assert!(!settings
        .enabled_rules_for(Path::new("/project/legacy/x/y.sql"))
        .contains(rule("MZ702")));
}

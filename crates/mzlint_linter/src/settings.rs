//! Resolved settings for one file: what `mzlint.toml` (interfaces.md §3)
//! and the command line say, with the defaults of rules.md §3. Rules read
//! only this; how it was loaded is `config.rs`'s business.

use std::collections::HashMap;
use std::net::IpAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use globset::{GlobBuilder, GlobMatcher};

use crate::diagnostic::Severity;
use crate::registry;
use crate::rule::RuleMeta;

#[derive(Clone, Debug)]
pub struct Settings {
    pub rules: RuleSelection,
    /// `lint.fail-on`; the CLI's `--fail-on` wins.
    pub fail_on: Option<FailOn>,
    /// `lint.per-file-ignores`: glob (relative to `root`) → rules.
    pub per_file_ignores: Vec<(GlobMatcher, Vec<&'static RuleMeta>)>,
    pub files: FileSettings,
    pub materialize: MaterializeSettings,
    pub security: SecuritySettings,
    pub references: ReferenceSettings,
    pub clusters: ClusterSettings,
    /// Directory of the config file the settings came from (or the working
    /// directory for defaults): globs are relative to it.
    pub root: PathBuf,
    /// The config file, when there was one.
    pub config_path: Option<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            rules: RuleSelection::default(),
            fail_on: None,
            per_file_ignores: Vec::new(),
            files: FileSettings::default(),
            materialize: MaterializeSettings::default(),
            security: SecuritySettings::default(),
            references: ReferenceSettings::default(),
            clusters: ClusterSettings::default(),
            root: PathBuf::from("."),
            config_path: None,
        }
    }
}

impl Settings {
    /// Is `rule` enabled for the file at `path` (per-file ignores applied)?
    pub fn is_enabled_for(&self, rule: &RuleMeta, path: &Path) -> bool {
        if !self.rules.is_enabled(rule) {
            return false;
        }
        if self.per_file_ignores.is_empty() {
            return true;
        }
        let candidates = self.match_candidates(path);
        !self.per_file_ignores.iter().any(|(glob, rules)| {
            rules.iter().any(|r| r.code == rule.code) && candidates.matches(glob)
        })
    }

    /// [`Settings::is_enabled_for`] for every rule at once (the path globs
    /// are matched once).
    pub fn enabled_rules_for(&self, path: &Path) -> EnabledRules {
        let mut enabled: Vec<bool> = registry::RULES
            .iter()
            .map(|r| self.rules.is_enabled(r))
            .collect();
        if !self.per_file_ignores.is_empty() {
            let candidates = self.match_candidates(path);
            for (glob, rules) in &self.per_file_ignores {
                if candidates.matches(glob) {
                    for rule in rules {
                        if let Some(i) = registry::index_of(rule) {
                            enabled[i] = false;
                        }
                    }
                }
            }
        }
        EnabledRules { enabled }
    }

    /// `path` relative to [`Settings::root`], lexically (no file system
    /// access, symlinks not resolved); `..` components when it lies outside.
    pub fn relative_path(&self, path: &Path) -> PathBuf {
        relative_to(&absolute_lexical(path), &absolute_lexical(&self.root))
    }

    /// Does one of `patterns` (globs relative to [`Settings::root`], or
    /// absolute, as in `files.exclude`, `files.project`, `files.upstream`)
    /// match `path`?
    ///
    /// Glob syntax is globset's with `*` not crossing `/`; `**` crosses
    /// directories. A pattern without `/` matches at any depth (`*.sql`,
    /// `vendor`); a pattern matching a directory matches everything in it.
    /// Invalid patterns never match (the configuration loader rejects them).
    pub fn path_matches(&self, patterns: &[String], path: &Path) -> bool {
        if patterns.is_empty() {
            return false;
        }
        let candidates = self.match_candidates(path);
        patterns
            .iter()
            .filter_map(|p| cached_path_glob(p).ok())
            .any(|glob| candidates.matches(&glob))
    }

    /// `files.exclude` matches `path`.
    pub fn is_excluded(&self, path: &Path) -> bool {
        self.path_matches(&self.files.exclude, path)
    }

    fn match_candidates(&self, path: &Path) -> MatchCandidates {
        let absolute = absolute_lexical(path);
        let relative = relative_to(&absolute, &absolute_lexical(&self.root));
        let ancestors = |p: &Path| -> Vec<PathBuf> {
            p.ancestors()
                .filter(|a| !a.as_os_str().is_empty() && a.parent().is_some())
                .map(Path::to_path_buf)
                .collect()
        };
        MatchCandidates {
            relative: if relative.is_absolute() {
                Vec::new()
            } else {
                relative
                    .ancestors()
                    .filter(|a| !a.as_os_str().is_empty())
                    .map(Path::to_path_buf)
                    .collect()
            },
            absolute: ancestors(&absolute),
        }
    }
}

/// The rules that run on one file ([`Settings::enabled_rules_for`]).
#[derive(Clone, Debug)]
pub struct EnabledRules {
    /// Indexed like [`registry::RULES`].
    enabled: Vec<bool>,
}

impl EnabledRules {
    pub fn contains(&self, rule: &RuleMeta) -> bool {
        registry::index_of(rule).is_some_and(|i| self.enabled[i])
    }
}

/// What a path glob is matched against: relative globs against the path
/// relative to the root and its ancestors, absolute globs against the
/// absolute path and its ancestors.
struct MatchCandidates {
    relative: Vec<PathBuf>,
    absolute: Vec<PathBuf>,
}

impl MatchCandidates {
    fn matches(&self, glob: &GlobMatcher) -> bool {
        let list = if Path::new(glob.glob().glob()).is_absolute() {
            &self.absolute
        } else {
            &self.relative
        };
        list.iter().any(|c| glob.is_match(c))
    }
}

/// The canonical form of a path glob from a configuration file: `./`
/// stripped, a pattern without `/` matched at any depth (`**/` prepended),
/// a trailing `/` meaning everything below.
pub fn normalize_path_glob(pattern: &str) -> String {
    let mut pattern = pattern.trim();
    while let Some(rest) = pattern.strip_prefix("./") {
        pattern = rest;
    }
    let mut out = if pattern.contains('/') {
        pattern.to_string()
    } else {
        format!("**/{pattern}")
    };
    if out.ends_with('/') {
        out.push_str("**");
    }
    out
}

/// Compile a path glob (after [`normalize_path_glob`]).
pub fn compile_path_glob(pattern: &str) -> Result<GlobMatcher, String> {
    cached_path_glob(pattern).map(|glob| (*glob).clone())
}

/// [`compile_path_glob`], compiled once per pattern for the process:
/// [`Settings::path_matches`] runs for every file a walk meets (exclude,
/// project and upstream globs), and compiling a glob costs far more than
/// matching it. The patterns are those of the configuration files, so the
/// cache stays small.
fn cached_path_glob(pattern: &str) -> Result<Arc<GlobMatcher>, String> {
    type Cache = HashMap<String, Result<Arc<GlobMatcher>, String>>;
    static CACHE: OnceLock<Mutex<Cache>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(hit) = cache
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .get(pattern)
    {
        return hit.clone();
    }
    let compiled = compile_path_glob_uncached(pattern).map(Arc::new);
    cache
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .insert(pattern.to_string(), compiled.clone());
    compiled
}

fn compile_path_glob_uncached(pattern: &str) -> Result<GlobMatcher, String> {
    let normalized = normalize_path_glob(pattern);
    GlobBuilder::new(&normalized)
        .literal_separator(true)
        .build()
        .map(|g| g.compile_matcher())
        .map_err(|e| format!("invalid glob '{pattern}': {}", glob_error_kind(&e)))
}

fn glob_error_kind(error: &globset::Error) -> String {
    error.kind().to_string()
}

/// `path` made absolute against the working directory, with `.` and `..`
/// resolved lexically.
pub fn absolute_lexical(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for component in absolute.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push(component);
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// `path` relative to `base` (both absolute and normalised), with `..`
/// components when `path` is not below `base`.
pub fn relative_to(path: &Path, base: &Path) -> PathBuf {
    if let Ok(rest) = path.strip_prefix(base) {
        return rest.to_path_buf();
    }
    let path_parts: Vec<Component> = path.components().collect();
    let base_parts: Vec<Component> = base.components().collect();
    let common = path_parts
        .iter()
        .zip(&base_parts)
        .take_while(|(a, b)| a == b)
        .count();
    if common == 0 {
        return path.to_path_buf(); // another drive or root
    }
    let mut out = PathBuf::new();
    for _ in common..base_parts.len() {
        out.push("..");
    }
    for part in &path_parts[common..] {
        out.push(part);
    }
    out
}

/// `--fail-on` / `lint.fail-on`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailOn {
    Level(Severity),
    Never,
}

impl FailOn {
    pub fn parse(text: &str) -> Option<FailOn> {
        match text {
            "never" => Some(FailOn::Never),
            other => Severity::parse(other).map(FailOn::Level),
        }
    }
}

/// Which rules run and at what severity.
#[derive(Clone, Debug)]
pub struct RuleSelection {
    /// Indexed like [`registry::RULES`].
    enabled: Vec<bool>,
    severity: Vec<Severity>,
}

impl Default for RuleSelection {
    fn default() -> Self {
        RuleSelection {
            enabled: registry::RULES
                .iter()
                .map(|r| r.enabled_by_default)
                .collect(),
            severity: registry::RULES.iter().map(|r| r.severity).collect(),
        }
    }
}

impl RuleSelection {
    /// Nothing enabled; callers enable what `select` says.
    pub fn none() -> Self {
        RuleSelection {
            enabled: vec![false; registry::RULES.len()],
            severity: registry::RULES.iter().map(|r| r.severity).collect(),
        }
    }

    pub fn is_enabled(&self, rule: &RuleMeta) -> bool {
        registry::index_of(rule).is_some_and(|i| self.enabled[i])
    }

    pub fn set_enabled(&mut self, rule: &RuleMeta, enabled: bool) {
        if let Some(i) = registry::index_of(rule) {
            self.enabled[i] = enabled;
        }
    }

    pub fn severity(&self, rule: &RuleMeta) -> Severity {
        registry::index_of(rule).map_or(rule.severity, |i| self.severity[i])
    }

    pub fn set_severity(&mut self, rule: &RuleMeta, severity: Severity) {
        if let Some(i) = registry::index_of(rule) {
            self.severity[i] = severity;
        }
    }

    pub fn enabled_rules(&self) -> impl Iterator<Item = &'static RuleMeta> + '_ {
        registry::RULES
            .iter()
            .copied()
            .enumerate()
            .filter(|(i, _)| self.enabled[*i])
            .map(|(_, r)| r)
    }
}

#[derive(Clone, Debug)]
pub struct FileSettings {
    /// Extensions walked in directories, without the dot.
    pub extensions: Vec<String>,
    /// Globs relative to the settings root.
    pub exclude: Vec<String>,
    /// Extra files for the project model.
    pub project: Vec<String>,
    /// Files holding upstream SQL.
    pub upstream: Vec<String>,
}

impl Default for FileSettings {
    fn default() -> Self {
        FileSettings {
            extensions: vec!["sql".to_string()],
            exclude: Vec::new(),
            project: Vec::new(),
            upstream: Vec::new(),
        }
    }
}

#[derive(Clone, Debug)]
pub struct MaterializeSettings {
    /// `materialize.region`, normalised to the AWS region (`us-east-1`).
    pub region: Option<String>,
    pub database: String,
    pub schema: String,
}

impl Default for MaterializeSettings {
    fn default() -> Self {
        MaterializeSettings {
            region: None,
            database: "materialize".to_string(),
            schema: "public".to_string(),
        }
    }
}

#[derive(Clone, Debug)]
pub struct SecuritySettings {
    pub private_hosts: HostMatcher,
    pub placeholder_patterns: PatternSet,
    pub unfilled_placeholder_patterns: PatternSet,
}

impl Default for SecuritySettings {
    fn default() -> Self {
        SecuritySettings {
            private_hosts: HostMatcher::new(DEFAULT_PRIVATE_HOSTS).expect("valid defaults"),
            placeholder_patterns: PatternSet::new(DEFAULT_PLACEHOLDER_PATTERNS)
                .expect("valid defaults"),
            unfilled_placeholder_patterns: PatternSet::new(DEFAULT_UNFILLED_PLACEHOLDER_PATTERNS)
                .expect("valid defaults"),
        }
    }
}

pub const DEFAULT_PRIVATE_HOSTS: &[&str] = &[
    "localhost",
    "*.internal",
    "*.local",
    "*.localdomain",
    "*.svc",
    "10.0.0.0/8",
    "172.16.0.0/12",
    "192.168.0.0/16",
    "127.0.0.0/8",
    "169.254.0.0/16",
    "100.64.0.0/10",
    "::1/128",
    "fc00::/7",
    "fe80::/10",
];

pub const DEFAULT_PLACEHOLDER_PATTERNS: &[&str] =
    &["*${*}*", "*{{*}}*", "*{%*%}*", "*<*>*", "...", "…"];

pub const DEFAULT_UNFILLED_PLACEHOLDER_PATTERNS: &[&str] = &[
    "*<*>*",
    "your_*",
    "your-*",
    "...",
    "…",
    "changeme",
    "change_me",
    "replace_me",
    "xxx",
    "xxxx",
];

impl SecuritySettings {
    /// A value supplied later by a template engine or a person (rules.md
    /// §1.6). `********` (Materialize's redaction marker) always is one.
    pub fn is_placeholder(&self, value: &str) -> bool {
        value == "********"
            || self.placeholder_patterns.matches(value)
            || self.unfilled_placeholder_patterns.matches(value)
    }

    /// A placeholder a person must fill in (MZ706).
    pub fn is_unfilled_placeholder(&self, value: &str) -> bool {
        value == "********" || self.unfilled_placeholder_patterns.matches(value)
    }

    /// Whether traffic to `host` stays off the public internet (rules.md §3).
    pub fn is_private_host(&self, host: &str) -> bool {
        if self.is_placeholder(host) {
            return false;
        }
        self.private_hosts.matches(host)
    }
}

/// Case-insensitive globs on a whole value: `*` any run, `?` one character.
#[derive(Clone, Debug)]
pub struct PatternSet {
    patterns: Vec<String>,
    /// Lower-cased patterns as characters, ready to match.
    compiled: Vec<Vec<char>>,
}

impl PatternSet {
    /// The globs of rules.md §3: `*` any run of characters, `?` one
    /// character, everything else literal, case-insensitive, on the whole
    /// value. Hand-written because they are this small: a general glob
    /// engine (path semantics, regex compilation) cost more than the rules
    /// that call it, on every value of every statement.
    pub fn new<S: AsRef<str>>(patterns: &[S]) -> Result<PatternSet, String> {
        let mut compiled = Vec::new();
        for pattern in patterns {
            let pattern = pattern.as_ref();
            if pattern.is_empty() {
                return Err("empty pattern".to_string());
            }
            compiled.push(pattern.chars().flat_map(char::to_lowercase).collect());
        }
        Ok(PatternSet {
            patterns: patterns.iter().map(|p| p.as_ref().to_string()).collect(),
            compiled,
        })
    }

    pub fn matches(&self, value: &str) -> bool {
        if self.compiled.is_empty() {
            return false;
        }
        let text: Vec<char> = value.chars().flat_map(char::to_lowercase).collect();
        self.compiled.iter().any(|p| wildcard_match(p, &text))
    }

    pub fn patterns(&self) -> &[String] {
        &self.patterns
    }
}

/// `*`/`?` matching with one backtracking point: linear for patterns
/// with one `*`, at worst O(pattern × text).
fn wildcard_match(pattern: &[char], text: &[char]) -> bool {
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        if p < pattern.len() && (pattern[p] == '?' || pattern[p] == text[t]) {
            p += 1;
            t += 1;
        } else if p < pattern.len() && pattern[p] == '*' {
            star = Some((p, t));
            p += 1;
        } else if let Some((star_p, star_t)) = star {
            p = star_p + 1;
            t = star_t + 1;
            star = Some((star_p, star_t + 1));
        } else {
            return false;
        }
    }
    pattern[p..].iter().all(|&c| c == '*')
}

/// `security.private-hosts`: CIDR blocks for IP literals, globs for names.
#[derive(Clone, Debug)]
pub struct HostMatcher {
    cidrs: Vec<(IpAddr, u8)>,
    names: PatternSet,
}

impl HostMatcher {
    pub fn new<S: AsRef<str>>(entries: &[S]) -> Result<HostMatcher, String> {
        let mut cidrs = Vec::new();
        let mut names = Vec::new();
        for entry in entries {
            let entry = entry.as_ref();
            if let Some((addr, bits)) = entry.split_once('/') {
                let addr: IpAddr = addr
                    .parse()
                    .map_err(|_| format!("invalid CIDR block '{entry}'"))?;
                let bits: u8 = bits
                    .parse()
                    .map_err(|_| format!("invalid CIDR block '{entry}'"))?;
                let max = if addr.is_ipv4() { 32 } else { 128 };
                if bits > max {
                    return Err(format!("invalid CIDR block '{entry}'"));
                }
                cidrs.push((addr, bits));
            } else {
                names.push(entry.to_string());
            }
        }
        Ok(HostMatcher {
            cidrs,
            names: PatternSet::new(&names)?,
        })
    }

    pub fn matches(&self, host: &str) -> bool {
        let bare = host.trim_start_matches('[').trim_end_matches(']');
        if let Ok(ip) = bare.parse::<IpAddr>() {
            return self
                .cidrs
                .iter()
                .any(|(net, bits)| in_cidr(ip, *net, *bits));
        }
        // A dotless host name that is not an IP is always private (rules.md §3).
        if !host.contains('.') && !host.is_empty() {
            return true;
        }
        self.names.matches(host)
    }
}

fn in_cidr(ip: IpAddr, net: IpAddr, bits: u8) -> bool {
    match (ip, net) {
        (IpAddr::V4(ip), IpAddr::V4(net)) => {
            let mask = if bits == 0 {
                0
            } else {
                u32::MAX << (32 - bits)
            };
            (u32::from(ip) & mask) == (u32::from(net) & mask)
        }
        (IpAddr::V6(ip), IpAddr::V6(net)) => {
            let mask = if bits == 0 {
                0
            } else {
                u128::MAX << (128 - bits)
            };
            (u128::from(ip) & mask) == (u128::from(net) & mask)
        }
        _ => false,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ObjectKind {
    Secret,
    Connection,
    Source,
    Table,
    Cluster,
}

impl ObjectKind {
    pub fn parse(text: &str) -> Option<ObjectKind> {
        match text {
            "secret" => Some(ObjectKind::Secret),
            "connection" => Some(ObjectKind::Connection),
            "source" => Some(ObjectKind::Source),
            "table" => Some(ObjectKind::Table),
            "cluster" => Some(ObjectKind::Cluster),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ObjectKind::Secret => "secret",
            ObjectKind::Connection => "connection",
            ObjectKind::Source => "source",
            ObjectKind::Table => "table",
            ObjectKind::Cluster => "cluster",
        }
    }
}

#[derive(Clone, Debug)]
pub struct ExternalObject {
    pub kind: Option<ObjectKind>,
    pub pattern: PatternSet,
}

#[derive(Clone, Debug)]
pub enum ManagedKinds {
    Auto,
    Explicit(Vec<ObjectKind>),
}

#[derive(Clone, Debug)]
pub struct ReferenceSettings {
    pub external_objects: Vec<ExternalObject>,
    pub managed_kinds: ManagedKinds,
}

pub const DEFAULT_EXTERNAL_OBJECTS: &[&str] = &[
    "quickstart",
    "default",
    "mz_catalog_server",
    "mz_system",
    "mz_probe",
    "mz_support",
    "mz_analytics",
];

impl Default for ReferenceSettings {
    fn default() -> Self {
        ReferenceSettings {
            external_objects: DEFAULT_EXTERNAL_OBJECTS
                .iter()
                .map(|e| parse_external_object(e).expect("valid defaults"))
                .collect(),
            managed_kinds: ManagedKinds::Auto,
        }
    }
}

/// `[kind:]glob`.
pub fn parse_external_object(entry: &str) -> Result<ExternalObject, String> {
    let (kind, glob) = match entry.split_once(':') {
        Some((kind, glob)) => match ObjectKind::parse(kind) {
            Some(kind) => (Some(kind), glob),
            None => return Err(format!("unknown object kind '{kind}' in '{entry}'")),
        },
        None => (None, entry),
    };
    Ok(ExternalObject {
        kind,
        pattern: PatternSet::new(&[glob])?,
    })
}

impl ReferenceSettings {
    /// Is an object of `kind` named `name` (as written, or fully qualified)
    /// known to exist outside the project? Names whose database or schema
    /// component starts with `mz_`/`pg_` or is `information_schema` always
    /// are (rules.md §3).
    pub fn is_external(&self, kind: ObjectKind, names: &[&str]) -> bool {
        names.iter().any(|name| {
            let parts: Vec<&str> = name.split('.').collect();
            let system =
                |p: &str| p.starts_with("mz_") || p.starts_with("pg_") || p == "information_schema";
            // The database or schema component of a qualified name; a
            // one-part name such as `pg_pw` is an ordinary user object.
            (parts.len() >= 2 && (system(parts[0]) || system(parts[parts.len() - 2])))
                || self
                    .external_objects
                    .iter()
                    .any(|e| e.kind.is_none_or(|k| k == kind) && e.pattern.matches(name))
        })
    }
}

#[derive(Clone, Debug)]
pub struct ClusterSettings {
    pub default_ingest_cluster: Option<String>,
    pub shared_clusters: Vec<String>,
}

impl Default for ClusterSettings {
    fn default() -> Self {
        ClusterSettings {
            default_ingest_cluster: None,
            shared_clusters: vec!["quickstart".to_string()],
        }
    }
}

/// `aws/us-east-1` or `us-east-1` → `us-east-1`; anything else is invalid.
pub fn normalize_region(value: &str) -> Option<String> {
    let region = value.strip_prefix("aws/").unwrap_or(value);
    let valid = !region.is_empty()
        && region.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
        && region.contains('-');
    valid.then(|| region.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_hosts() {
        let security = SecuritySettings::default();
        assert!(security.is_private_host("pg.internal"));
        assert!(security.is_private_host("10.0.3.7"));
        assert!(security.is_private_host("postgres"));
        assert!(security.is_private_host("::1"));
        assert!(!security.is_private_host("db.example.com"));
        assert!(!security.is_private_host("8.8.8.8"));
        assert!(!security.is_private_host("${PG_HOST}"));
    }

    #[test]
    fn placeholders() {
        let security = SecuritySettings::default();
        assert!(security.is_placeholder("${PG_PASSWORD}"));
        assert!(security.is_placeholder("{{ var }}"));
        assert!(security.is_placeholder("<host>"));
        assert!(security.is_placeholder("********"));
        assert!(!security.is_placeholder("S3cr3t"));
        assert!(security.is_unfilled_placeholder("<host>"));
        assert!(security.is_unfilled_placeholder("CHANGEME"));
        assert!(!security.is_unfilled_placeholder("${PG_HOST}"));
    }

    #[test]
    fn wildcards() {
        let set = PatternSet::new(&["*${*}*", "your_*", "x?z", "…"]).unwrap();
        assert!(set.matches("${PG_HOST}"));
        assert!(set.matches("pre-${X}-post"));
        assert!(set.matches("YOUR_HOST"));
        assert!(set.matches("xyz"));
        assert!(set.matches("…"));
        assert!(!set.matches("xz"));
        assert!(!set.matches("my_host"));
        assert!(!set.matches("$PG_HOST"));
        let set = PatternSet::new(&["*.internal", "[a]"]).unwrap();
        assert!(set.matches("pg.INTERNAL"));
        assert!(set.matches("[a]"));
        assert!(!set.matches("a"));
    }

    #[test]
    fn regions() {
        assert_eq!(
            normalize_region("aws/us-east-1").as_deref(),
            Some("us-east-1")
        );
        assert_eq!(normalize_region("eu-west-1").as_deref(), Some("eu-west-1"));
        assert_eq!(normalize_region("nowhere"), None);
        assert_eq!(normalize_region("US-EAST-1"), None);
    }
}

//! Loading `mzlint.toml` (interfaces.md §3, rules.md §3) into [`Settings`].
//!
//! The CLI and the language server share [`ConfigResolver`], so a file gets
//! the same settings in the editor as in CI.
//!
//! # Finding the configuration
//!
//! For each linted file, the nearest `mzlint.toml` or `.mzlint.toml` in the
//! file's directory or above it is used; nothing is merged implicitly. When
//! one directory holds both, **`mzlint.toml` wins** and `.mzlint.toml` is
//! ignored. No file found means the defaults (rooted at the working
//! directory). `--config FILE` uses that file for every linted file;
//! `--isolated` ignores configuration files altogether (and wins over
//! `--config`).
//!
//! # `extend`
//!
//! `extend = "path"` (relative to the file that says it) loads another file
//! first; the extending file's keys win. Tables of entries
//! (`[lint.severity]`, `[lint.per-file-ignores]`) are merged entry by entry,
//! the extending file's entries applied last. Rule selection is layered the
//! way ruff layers it: each file, base first, then the command line,
//! applies its own `select` (which starts over), then `extend-select`, then
//! `ignore`. Path globs keep meaning what they meant in the file that wrote
//! them: globs of an extended file in another directory are made absolute.
//! A cycle of `extend`s is an error.
//!
//! # Errors
//!
//! Unknown keys, wrong types and invalid values (selector, severity, region,
//! glob, CIDR block, object kind) are [`ConfigError`]s naming the file, the
//! key and the 1-based line; the run then fails with exit status 2.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::Severity;
use crate::registry;
use crate::rule::RuleMeta;
use crate::settings::{
    absolute_lexical, compile_path_glob, normalize_path_glob, normalize_region,
    parse_external_object, ExternalObject, FailOn, HostMatcher, ManagedKinds, ObjectKind,
    PatternSet, RuleSelection, Settings,
};

/// Configuration file names, in order of precedence within one directory.
pub const CONFIG_FILE_NAMES: &[&str] = &["mzlint.toml", ".mzlint.toml"];

/// Is `path` named like a configuration file (the language server watches
/// these and calls [`ConfigResolver::invalidate`])?
pub fn is_config_file_name(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| CONFIG_FILE_NAMES.contains(&n))
}

/// What the command line (or the editor's settings) adds on top of files.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CliOverrides {
    /// `--config FILE`: use this file for every linted file.
    pub config_file: Option<PathBuf>,
    /// `--isolated`: ignore configuration files.
    pub isolated: bool,
    /// `--select`: replaces the configuration's `select`.
    pub select: Option<Vec<String>>,
    /// `--ignore`: added to `ignore`.
    pub ignore: Vec<String>,
    /// `--extend-select`: added to `extend-select`.
    pub extend_select: Vec<String>,
}

impl CliOverrides {
    /// The language server's settings, from `initializationOptions` or
    /// `workspace/didChangeConfiguration`:
    /// `{"mzlint": {"configPath": "…", "select": […], "ignore": […],
    /// "extendSelect": […]}}` (the inner object alone is accepted too).
    /// A relative `configPath` is resolved against `workspace_root`.
    /// Unknown keys are ignored (editors send their own); a wrong type is
    /// an error.
    pub fn from_editor_settings(
        value: &serde_json::Value,
        workspace_root: Option<&Path>,
    ) -> Result<CliOverrides, ConfigError> {
        let object = value.get("mzlint").unwrap_or(value);
        let mut out = CliOverrides::default();
        if object.is_null() {
            return Ok(out);
        }
        let Some(object) = object.as_object() else {
            return Err(ConfigError::new("editor settings must be an object").with_key("mzlint"));
        };
        if let Some(path) = object.get("configPath") {
            match path {
                serde_json::Value::Null => {}
                serde_json::Value::String(p) if p.trim().is_empty() => {}
                serde_json::Value::String(p) => {
                    let p = PathBuf::from(p);
                    out.config_file = Some(match workspace_root {
                        Some(root) if p.is_relative() => root.join(p),
                        _ => p,
                    });
                }
                _ => {
                    return Err(ConfigError::new("expected a string").with_key("mzlint.configPath"))
                }
            }
        }
        let list = |key: &str| -> Result<Option<Vec<String>>, ConfigError> {
            match object.get(key) {
                None | Some(serde_json::Value::Null) => Ok(None),
                Some(serde_json::Value::Array(items)) => items
                    .iter()
                    .map(|i| {
                        i.as_str().map(str::to_string).ok_or_else(|| {
                            ConfigError::new("expected a list of strings")
                                .with_key(format!("mzlint.{key}"))
                        })
                    })
                    .collect::<Result<Vec<_>, _>>()
                    .map(Some),
                Some(serde_json::Value::String(s)) => Ok(Some(split_list(s))),
                Some(_) => Err(ConfigError::new("expected a list of strings")
                    .with_key(format!("mzlint.{key}"))),
            }
        };
        out.select = list("select")?;
        out.ignore = list("ignore")?.unwrap_or_default();
        out.extend_select = list("extendSelect")?.unwrap_or_default();
        for (key, selectors) in [
            ("mzlint.select", out.select.clone().unwrap_or_default()),
            ("mzlint.ignore", out.ignore.clone()),
            ("mzlint.extendSelect", out.extend_select.clone()),
        ] {
            for selector in selectors {
                resolve_selector(&selector).map_err(|m| ConfigError::new(m).with_key(key))?;
            }
        }
        Ok(out)
    }
}

/// `MZ200, weak-ssl-mode` → `["MZ200", "weak-ssl-mode"]` (empty parts dropped).
pub fn split_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// A configuration error: the run fails with exit status 2.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub path: Option<PathBuf>,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// The offending key (`lint.select`), when known.
    pub key: Option<String>,
    pub message: String,
}

impl ConfigError {
    pub fn new(message: impl Into<String>) -> Self {
        ConfigError {
            path: None,
            line: None,
            key: None,
            message: message.into(),
        }
    }

    fn with_key(mut self, key: impl Into<String>) -> Self {
        self.key = Some(key.into());
        self
    }

    fn at(mut self, path: &Path, line: Option<usize>) -> Self {
        self.path = Some(path.to_path_buf());
        self.line = line;
        self
    }
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(path) = &self.path {
            write!(f, "{}", path.display())?;
            if let Some(line) = self.line {
                write!(f, ":{line}")?;
            }
            write!(f, ": ")?;
        }
        if let Some(key) = &self.key {
            write!(f, "`{key}`: ")?;
        }
        write!(f, "{}", self.message)
    }
}

impl std::error::Error for ConfigError {}

/// Finds and caches the settings of each file's directory. `Send + Sync`:
/// the CLI's workers and the language server's tasks share one.
pub struct ConfigResolver {
    overrides: RwLock<CliOverrides>,
    cache: RwLock<Cache>,
}

#[derive(Default)]
struct Cache {
    /// Directory → the configuration file governing it (`None`: defaults).
    dirs: HashMap<PathBuf, Option<PathBuf>>,
    /// Configuration file (`None`: defaults) → settings.
    settings: HashMap<Option<PathBuf>, Result<Arc<Settings>, ConfigError>>,
}

impl ConfigResolver {
    pub fn new(overrides: CliOverrides) -> Self {
        ConfigResolver {
            overrides: RwLock::new(overrides),
            cache: RwLock::new(Cache::default()),
        }
    }

    /// Settings for the file at `path` (nearest config file above it). The
    /// file need not exist (`--stdin-filename`, unsaved editor buffers).
    pub fn settings_for(&self, path: &Path) -> Result<Arc<Settings>, ConfigError> {
        let overrides = self.overrides();
        let config = if overrides.isolated {
            None
        } else if let Some(file) = &overrides.config_file {
            Some(absolute_lexical(file))
        } else {
            let absolute = absolute_lexical(path);
            let dir = absolute.parent().unwrap_or(&absolute).to_path_buf();
            self.nearest_config(&dir)
        };
        if let Some(hit) = self.read_cache().settings.get(&config) {
            return hit.clone();
        }
        let result = match &config {
            Some(file) => load_settings(file, None, &overrides).map(Arc::new),
            None => {
                let root = absolute_lexical(Path::new("."));
                build_settings(&[], root, None, &overrides).map(Arc::new)
            }
        };
        self.write_cache()
            .settings
            .entry(config)
            .or_insert(result)
            .clone()
    }

    /// The configuration file that governs `path`, if any (after
    /// `--isolated` and `--config`).
    pub fn config_path_for(&self, path: &Path) -> Option<PathBuf> {
        let overrides = self.overrides();
        if overrides.isolated {
            return None;
        }
        if let Some(file) = &overrides.config_file {
            return Some(absolute_lexical(file));
        }
        let absolute = absolute_lexical(path);
        self.nearest_config(absolute.parent().unwrap_or(&absolute))
    }

    /// Forget everything cached (a configuration file was created, changed
    /// or deleted).
    pub fn invalidate(&self) {
        let mut cache = self.write_cache();
        cache.dirs.clear();
        cache.settings.clear();
    }

    /// Replace the overrides (the editor's settings changed); invalidates.
    pub fn set_overrides(&self, overrides: CliOverrides) {
        *self
            .overrides
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = overrides;
        self.invalidate();
    }

    pub fn overrides(&self) -> CliOverrides {
        self.overrides
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    fn read_cache(&self) -> std::sync::RwLockReadGuard<'_, Cache> {
        self.cache
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn write_cache(&self) -> std::sync::RwLockWriteGuard<'_, Cache> {
        self.cache
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The nearest configuration file at or above `dir`; every directory
    /// visited is cached.
    fn nearest_config(&self, dir: &Path) -> Option<PathBuf> {
        let mut visited = Vec::new();
        let mut current = Some(dir);
        let mut found = None;
        while let Some(d) = current {
            if let Some(hit) = self.read_cache().dirs.get(d) {
                found = hit.clone();
                break;
            }
            visited.push(d.to_path_buf());
            if let Some(file) = config_in(d) {
                found = Some(file);
                break;
            }
            current = d.parent();
        }
        let mut cache = self.write_cache();
        for d in visited {
            cache.dirs.insert(d, found.clone());
        }
        found
    }
}

/// The configuration file of one directory: `mzlint.toml` before `.mzlint.toml`.
fn config_in(dir: &Path) -> Option<PathBuf> {
    CONFIG_FILE_NAMES
        .iter()
        .map(|name| dir.join(name))
        .find(|p| p.is_file())
}

/// Parse a configuration held in memory as if it were the file at `path`
/// (its directory is the settings root; `extend` is read from disk).
/// No command-line overrides.
pub fn settings_from_str(toml: &str, path: &Path) -> Result<Settings, ConfigError> {
    load_settings(path, Some(toml.to_string()), &CliOverrides::default())
}

/// Load the file at `path` (or `text` as its content) and everything it
/// extends, and resolve it with `overrides`.
pub fn load_settings(
    path: &Path,
    text: Option<String>,
    overrides: &CliOverrides,
) -> Result<Settings, ConfigError> {
    let path = absolute_lexical(path);
    let mut layers = Vec::new();
    load_chain(&path, text, &mut Vec::new(), &mut layers)?;
    let root = path
        .parent()
        .map_or_else(|| path.clone(), Path::to_path_buf);
    build_settings(&layers, root, Some(path), overrides)
}

// ---------------------------------------------------------------------------
// The file format.

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    extend: Option<Spanned<String>>,
    #[serde(default)]
    lint: RawLint,
    #[serde(default)]
    files: RawFiles,
    #[serde(default)]
    materialize: RawMaterialize,
    #[serde(default)]
    security: RawSecurity,
    #[serde(default)]
    references: RawReferences,
    #[serde(default)]
    clusters: RawClusters,
}

type Strings = Vec<Spanned<String>>;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawLint {
    select: Option<Strings>,
    ignore: Option<Strings>,
    extend_select: Option<Strings>,
    fail_on: Option<Spanned<String>>,
    severity: Option<BTreeMap<String, Spanned<String>>>,
    per_file_ignores: Option<BTreeMap<String, Spanned<Strings>>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawFiles {
    extensions: Option<Strings>,
    exclude: Option<Strings>,
    project: Option<Strings>,
    upstream: Option<Strings>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawMaterialize {
    region: Option<Spanned<String>>,
    database: Option<Spanned<String>>,
    schema: Option<Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawSecurity {
    private_hosts: Option<Strings>,
    placeholder_patterns: Option<Strings>,
    unfilled_placeholder_patterns: Option<Strings>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawReferences {
    external_objects: Option<Strings>,
    managed_kinds: Option<Spanned<toml::Value>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawClusters {
    default_ingest_cluster: Option<Spanned<String>>,
    shared_clusters: Option<Vec<String>>,
}

/// One configuration file, validated; `None` means the key was not set.
struct Layer {
    path: PathBuf,
    dir: PathBuf,
    select: Option<Vec<Selected>>,
    ignore: Vec<Selected>,
    extend_select: Vec<Selected>,
    fail_on: Option<FailOn>,
    severity: Vec<(Selected, Option<Severity>)>,
    per_file_ignores: Vec<(String, Vec<&'static RuleMeta>)>,
    extensions: Option<Vec<String>>,
    exclude: Option<Vec<String>>,
    project: Option<Vec<String>>,
    upstream: Option<Vec<String>>,
    region: Option<String>,
    database: Option<String>,
    schema: Option<String>,
    private_hosts: Option<HostMatcher>,
    placeholder_patterns: Option<PatternSet>,
    unfilled_placeholder_patterns: Option<PatternSet>,
    external_objects: Option<Vec<ExternalObject>>,
    managed_kinds: Option<ManagedKinds>,
    default_ingest_cluster: Option<String>,
    shared_clusters: Option<Vec<String>>,
}

/// The rules a selector names, and how specific it is (`ALL` < prefix <
/// code or name), so that within one table the more specific entry wins.
#[derive(Clone, Debug)]
struct Selected {
    rules: Vec<&'static RuleMeta>,
    specificity: usize,
}

/// Resolve a selector (`ALL`, code, prefix, name) or explain why not.
fn resolve_selector(text: &str) -> Result<Selected, String> {
    let trimmed = text.trim();
    let Some(rules) = registry::select(trimmed) else {
        let mut message = format!("unknown rule selector '{trimmed}'");
        if let Some(help) = registry::did_you_mean(trimmed) {
            message.push_str("; ");
            message.push_str(&help);
        }
        return Err(message);
    };
    let specificity = if trimmed.eq_ignore_ascii_case("ALL") {
        0
    } else if registry::find(trimmed).is_some() {
        usize::MAX
    } else {
        trimmed.len()
    };
    Ok(Selected { rules, specificity })
}

/// 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset.min(text.len()))
        .unwrap_or(text)
        .matches('\n')
        .count()
        + 1
}

/// Read and validate `path` and, first, everything it extends.
fn load_chain(
    path: &Path,
    text: Option<String>,
    stack: &mut Vec<PathBuf>,
    out: &mut Vec<Layer>,
) -> Result<(), ConfigError> {
    let text = match text {
        Some(text) => text,
        None => std::fs::read_to_string(path).map_err(|e| {
            ConfigError::new(format!(
                "cannot read configuration file: {}",
                crate::load::describe_io_error(&e)
            ))
            .at(path, None)
        })?,
    };
    let raw: RawConfig = toml::from_str(&text).map_err(|e| toml_error(path, &text, e))?;
    let dir = path
        .parent()
        .map_or_else(|| path.to_path_buf(), Path::to_path_buf);
    stack.push(path.to_path_buf());
    if let Some(extend) = &raw.extend {
        let target = absolute_lexical(&dir.join(extend.get_ref()));
        let line = Some(line_of(&text, extend.span().start));
        if let Some(position) = stack.iter().position(|p| p == &target) {
            let cycle: Vec<String> = stack[position..]
                .iter()
                .chain(std::iter::once(&target))
                .map(|p| p.display().to_string())
                .collect();
            return Err(
                ConfigError::new(format!("`extend` cycle: {}", cycle.join(" → ")))
                    .with_key("extend")
                    .at(path, line),
            );
        }
        if !target.is_file() {
            return Err(ConfigError::new(format!(
                "extended configuration file '{}' does not exist",
                extend.get_ref()
            ))
            .with_key("extend")
            .at(path, line));
        }
        load_chain(&target, None, stack, out)?;
    }
    stack.pop();
    out.push(validate(path, &dir, &text, raw)?);
    Ok(())
}

/// A TOML syntax or type error, with the key and line.
fn toml_error(path: &Path, text: &str, mut error: toml::de::Error) -> ConfigError {
    let line = error.span().map(|span| line_of(text, span.start));
    let message = friendly_serde_message(error.message().trim());
    // Without its input, the error's Display ends with "in `a.b`" when it
    // knows the key path.
    error.set_input(None);
    let rendered = error.to_string();
    let mut key = rendered
        .lines()
        .rev()
        .find_map(|l| l.strip_prefix("in `").and_then(|k| k.strip_suffix('`')))
        .map(str::to_string);
    // `unknown field `x`, expected …`: name the offending key itself.
    if let Some(field) = message
        .strip_prefix("unknown field `")
        .and_then(|rest| rest.split('`').next())
    {
        key = Some(match key {
            Some(table) if !table.is_empty() => format!("{table}.{field}"),
            _ => field.to_string(),
        });
    }
    ConfigError {
        path: Some(path.to_path_buf()),
        line,
        key,
        message,
    }
}

/// serde's words for TOML users: "a sequence" is a list, a struct a table.
fn friendly_serde_message(message: &str) -> String {
    let mut out = message.replace("expected a sequence", "expected a list");
    if let Some(at) = out.find("expected struct Raw") {
        out.replace_range(at.., "expected a table");
    }
    out
}

/// Check every value of one file.
fn validate(path: &Path, dir: &Path, text: &str, raw: RawConfig) -> Result<Layer, ConfigError> {
    let err = |key: &str, span: std::ops::Range<usize>, message: String| {
        ConfigError::new(message)
            .with_key(key)
            .at(path, Some(line_of(text, span.start)))
    };
    let selectors =
        |key: &str, list: Option<Strings>| -> Result<Option<Vec<Selected>>, ConfigError> {
            list.map(|items| {
                items
                    .iter()
                    .map(|s| resolve_selector(s.get_ref()).map_err(|m| err(key, s.span(), m)))
                    .collect()
            })
            .transpose()
        };
    let globs = |key: &str, list: Option<Strings>| -> Result<Option<Vec<String>>, ConfigError> {
        list.map(|items| {
            items
                .iter()
                .map(|s| {
                    compile_path_glob(s.get_ref())
                        .map(|_| s.get_ref().clone())
                        .map_err(|m| err(key, s.span(), m))
                })
                .collect()
        })
        .transpose()
    };
    let patterns = |key: &str, list: Option<Strings>| -> Result<Option<PatternSet>, ConfigError> {
        let Some(items) = list else { return Ok(None) };
        for item in &items {
            PatternSet::new(&[item.get_ref()]).map_err(|m| err(key, item.span(), m))?;
        }
        let values: Vec<&String> = items.iter().map(|s| s.get_ref()).collect();
        PatternSet::new(&values)
            .map(Some)
            .map_err(|m| ConfigError::new(m).with_key(key).at(path, None))
    };
    let non_empty =
        |key: &str, value: Option<Spanned<String>>| -> Result<Option<String>, ConfigError> {
            match value {
                Some(v) if v.get_ref().trim().is_empty() => {
                    Err(err(key, v.span(), "must not be empty".to_string()))
                }
                Some(v) => Ok(Some(v.into_inner())),
                None => Ok(None),
            }
        };

    let lint = raw.lint;
    let fail_on = match lint.fail_on {
        Some(v) => Some(FailOn::parse(v.get_ref()).ok_or_else(|| {
            err(
                "lint.fail-on",
                v.span(),
                format!(
                    "invalid level '{}': expected \"error\", \"warning\", \"info\" or \"never\"",
                    v.get_ref()
                ),
            )
        })?),
        None => None,
    };
    let mut severity = Vec::new();
    for (selector, value) in lint.severity.unwrap_or_default() {
        let key = format!("lint.severity.{selector}");
        let selected = resolve_selector(&selector).map_err(|m| err(&key, value.span(), m))?;
        let level = match value.get_ref().as_str() {
            "off" => None,
            other => Some(Severity::parse(other).ok_or_else(|| {
                err(
                    &key,
                    value.span(),
                    format!(
                        "invalid severity '{other}': expected \"error\", \"warning\", \"info\" or \"off\""
                    ),
                )
            })?),
        };
        severity.push((selected, level));
    }
    let mut per_file_ignores = Vec::new();
    for (glob, list) in lint.per_file_ignores.unwrap_or_default() {
        let key = format!("lint.per-file-ignores.\"{glob}\"");
        compile_path_glob(&glob).map_err(|m| err(&key, list.span(), m))?;
        let mut rules = Vec::new();
        for item in list.get_ref() {
            let selected =
                resolve_selector(item.get_ref()).map_err(|m| err(&key, item.span(), m))?;
            rules.extend(selected.rules);
        }
        per_file_ignores.push((glob, rules));
    }

    let files = raw.files;
    let extensions = match files.extensions {
        Some(items) => {
            let mut out = Vec::new();
            for item in items {
                let ext = item.get_ref().trim().trim_start_matches('.');
                if ext.is_empty() || ext.contains(['/', '\\', '*', '?']) {
                    return Err(err(
                        "files.extensions",
                        item.span(),
                        format!(
                            "invalid extension '{}': expected a name like \"sql\"",
                            item.get_ref()
                        ),
                    ));
                }
                out.push(ext.to_string());
            }
            Some(out)
        }
        None => None,
    };

    let materialize = raw.materialize;
    let region = match materialize.region {
        Some(v) => Some(normalize_region(v.get_ref()).ok_or_else(|| {
            err(
                "materialize.region",
                v.span(),
                format!(
                    "invalid region '{}': expected \"aws/<region>\" or \"<region>\", like \"aws/us-east-1\"",
                    v.get_ref()
                ),
            )
        })?),
        None => None,
    };

    let security = raw.security;
    let private_hosts = match security.private_hosts {
        Some(items) => {
            for item in &items {
                HostMatcher::new(&[item.get_ref()])
                    .map_err(|m| err("security.private-hosts", item.span(), m))?;
            }
            let values: Vec<&String> = items.iter().map(|s| s.get_ref()).collect();
            Some(HostMatcher::new(&values).map_err(|m| {
                ConfigError::new(m)
                    .with_key("security.private-hosts")
                    .at(path, None)
            })?)
        }
        None => None,
    };

    let references = raw.references;
    let external_objects = match references.external_objects {
        Some(items) => Some(
            items
                .iter()
                .map(|s| {
                    parse_external_object(s.get_ref())
                        .map_err(|m| err("references.external-objects", s.span(), m))
                })
                .collect::<Result<Vec<_>, _>>()?,
        ),
        None => None,
    };
    let managed_kinds = match references.managed_kinds {
        Some(value) => Some(
            parse_managed_kinds(value.get_ref())
                .map_err(|m| err("references.managed-kinds", value.span(), m))?,
        ),
        None => None,
    };

    let clusters = raw.clusters;

    Ok(Layer {
        path: path.to_path_buf(),
        dir: dir.to_path_buf(),
        select: selectors("lint.select", lint.select)?,
        ignore: selectors("lint.ignore", lint.ignore)?.unwrap_or_default(),
        extend_select: selectors("lint.extend-select", lint.extend_select)?.unwrap_or_default(),
        fail_on,
        severity,
        per_file_ignores,
        extensions,
        exclude: globs("files.exclude", files.exclude)?,
        project: globs("files.project", files.project)?,
        upstream: globs("files.upstream", files.upstream)?,
        region,
        database: non_empty("materialize.database", materialize.database)?,
        schema: non_empty("materialize.schema", materialize.schema)?,
        private_hosts,
        placeholder_patterns: patterns(
            "security.placeholder-patterns",
            security.placeholder_patterns,
        )?,
        unfilled_placeholder_patterns: patterns(
            "security.unfilled-placeholder-patterns",
            security.unfilled_placeholder_patterns,
        )?,
        external_objects,
        managed_kinds,
        default_ingest_cluster: non_empty(
            "clusters.default-ingest-cluster",
            clusters.default_ingest_cluster,
        )?,
        shared_clusters: clusters.shared_clusters,
    })
}

/// `"auto"` or a list of `secret`, `connection`, `source`, `cluster`.
fn parse_managed_kinds(value: &toml::Value) -> Result<ManagedKinds, String> {
    const EXPECTED: &str =
        "expected \"auto\" or a list of \"secret\", \"connection\", \"source\", \"cluster\"";
    match value {
        toml::Value::String(s) if s == "auto" => Ok(ManagedKinds::Auto),
        toml::Value::Array(items) => {
            let mut kinds = Vec::new();
            for item in items {
                let Some(text) = item.as_str() else {
                    return Err(format!("invalid value: {EXPECTED}"));
                };
                match ObjectKind::parse(text) {
                    Some(kind) if kind != ObjectKind::Table => kinds.push(kind),
                    _ => return Err(format!("invalid kind '{text}': {EXPECTED}")),
                }
            }
            Ok(ManagedKinds::Explicit(kinds))
        }
        toml::Value::String(s) => Err(format!("invalid value '{s}': {EXPECTED}")),
        _ => Err(format!("invalid value: {EXPECTED}")),
    }
}

/// Make a path glob of the file in `dir` mean the same thing for settings
/// rooted at `root`: unchanged when `dir` is the root, absolute otherwise.
fn rebase_glob(pattern: &str, dir: &Path, root: &Path) -> String {
    let normalized = normalize_path_glob(pattern);
    if dir == root || Path::new(&normalized).is_absolute() {
        return normalized;
    }
    let mut base = escape_glob(&dir.to_string_lossy());
    if !base.ends_with('/') {
        base.push('/');
    }
    base + &normalized
}

/// Escape glob metacharacters of a literal path.
fn escape_glob(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '*' | '?' | '[' | ']' | '{' | '}' => {
                out.push('[');
                out.push(ch);
                out.push(']');
            }
            _ => out.push(ch),
        }
    }
    out
}

/// Apply one layer of rule selection.
fn apply_selection(
    enabled: &mut [bool],
    select: Option<&[Selected]>,
    extend_select: &[Selected],
    ignore: &[Selected],
) {
    let mut set = |selected: &Selected, value: bool| {
        for rule in &selected.rules {
            if let Some(i) = registry::index_of(rule) {
                enabled[i] = value;
            }
        }
    };
    if let Some(select) = select {
        // `select` starts over; more specific selectors are applied last.
        let mut sorted: Vec<&Selected> = select.iter().collect();
        sorted.sort_by_key(|s| s.specificity);
        let everything = Selected {
            rules: registry::RULES.to_vec(),
            specificity: 0,
        };
        set(&everything, false);
        for s in sorted {
            set(s, true);
        }
    }
    for s in extend_select {
        set(s, true);
    }
    for s in ignore {
        set(s, false);
    }
}

/// Merge the layers (base first) and the overrides into settings.
fn build_settings(
    layers: &[Layer],
    root: PathBuf,
    config_path: Option<PathBuf>,
    overrides: &CliOverrides,
) -> Result<Settings, ConfigError> {
    let mut settings = Settings {
        root: root.clone(),
        config_path,
        ..Settings::default()
    };
    let mut enabled: Vec<bool> = registry::RULES
        .iter()
        .map(|r| r.enabled_by_default)
        .collect();
    let mut off = vec![false; registry::RULES.len()];
    let mut severities = RuleSelection::default();
    let mut per_file_ignores: Vec<(String, Vec<&'static RuleMeta>)> = Vec::new();

    for layer in layers {
        apply_selection(
            &mut enabled,
            layer.select.as_deref(),
            &layer.extend_select,
            &layer.ignore,
        );
        let mut entries: Vec<&(Selected, Option<Severity>)> = layer.severity.iter().collect();
        entries.sort_by_key(|(s, _)| s.specificity);
        for (selected, level) in entries {
            for rule in &selected.rules {
                let Some(i) = registry::index_of(rule) else {
                    continue;
                };
                match level {
                    Some(level) => {
                        off[i] = false;
                        severities.set_severity(rule, *level);
                    }
                    None => off[i] = true,
                }
            }
        }
        for (glob, rules) in &layer.per_file_ignores {
            let glob = rebase_glob(glob, &layer.dir, &root);
            per_file_ignores.retain(|(g, _)| g != &glob);
            per_file_ignores.push((glob, rules.clone()));
        }
        let rebase = |globs: &Option<Vec<String>>| {
            globs.as_ref().map(|g| {
                g.iter()
                    .map(|p| rebase_glob(p, &layer.dir, &root))
                    .collect::<Vec<_>>()
            })
        };
        if let Some(v) = &layer.fail_on {
            settings.fail_on = Some(*v);
        }
        if let Some(v) = &layer.extensions {
            settings.files.extensions = v.clone();
        }
        if let Some(v) = rebase(&layer.exclude) {
            settings.files.exclude = v;
        }
        if let Some(v) = rebase(&layer.project) {
            settings.files.project = v;
        }
        if let Some(v) = rebase(&layer.upstream) {
            settings.files.upstream = v;
        }
        if let Some(v) = &layer.region {
            settings.materialize.region = Some(v.clone());
        }
        if let Some(v) = &layer.database {
            settings.materialize.database = v.clone();
        }
        if let Some(v) = &layer.schema {
            settings.materialize.schema = v.clone();
        }
        if let Some(v) = &layer.private_hosts {
            settings.security.private_hosts = v.clone();
        }
        if let Some(v) = &layer.placeholder_patterns {
            settings.security.placeholder_patterns = v.clone();
        }
        if let Some(v) = &layer.unfilled_placeholder_patterns {
            settings.security.unfilled_placeholder_patterns = v.clone();
        }
        if let Some(v) = &layer.external_objects {
            settings.references.external_objects = v.clone();
        }
        if let Some(v) = &layer.managed_kinds {
            settings.references.managed_kinds = v.clone();
        }
        if let Some(v) = &layer.default_ingest_cluster {
            settings.clusters.default_ingest_cluster = Some(v.clone());
        }
        if let Some(v) = &layer.shared_clusters {
            settings.clusters.shared_clusters = v.clone();
        }
        let _ = &layer.path;
    }

    // The command line, last.
    let cli = |key: &str, list: &[String]| -> Result<Vec<Selected>, ConfigError> {
        list.iter()
            .map(|s| resolve_selector(s).map_err(|m| ConfigError::new(m).with_key(key)))
            .collect()
    };
    let select = overrides
        .select
        .as_ref()
        .map(|s| cli("--select", s))
        .transpose()?;
    let extend_select = cli("--extend-select", &overrides.extend_select)?;
    let ignore = cli("--ignore", &overrides.ignore)?;
    apply_selection(&mut enabled, select.as_deref(), &extend_select, &ignore);

    let mut rules = severities;
    for (i, rule) in registry::RULES.iter().enumerate() {
        rules.set_enabled(rule, enabled[i] && !off[i]);
    }
    settings.rules = rules;
    settings.per_file_ignores = per_file_ignores
        .into_iter()
        .filter_map(|(glob, rules)| compile_path_glob(&glob).ok().map(|m| (m, rules)))
        .collect();
    Ok(settings)
}

#[cfg(test)]
mod tests;

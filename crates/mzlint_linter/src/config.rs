//! Loading `mzlint.toml` (interfaces.md §3) into [`Settings`].
//!
//! PLACEHOLDER API, being implemented: the resolver the CLI and the
//! language server share.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::settings::Settings;

/// What the command line (or the editor's settings) adds on top of files.
#[derive(Clone, Debug, Default)]
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

/// Finds and caches the settings of each file's directory.
pub struct ConfigResolver {
    overrides: CliOverrides,
}

impl ConfigResolver {
    pub fn new(overrides: CliOverrides) -> Self {
        ConfigResolver { overrides }
    }

    /// Settings for the file at `path` (nearest config file above it).
    pub fn settings_for(&self, _path: &Path) -> Result<Arc<Settings>, ConfigError> {
        let _ = &self.overrides;
        Ok(Arc::new(Settings::default()))
    }
}

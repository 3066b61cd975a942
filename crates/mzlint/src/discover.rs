//! Which files a run reads (interfaces.md §2 "Inputs", §6).
//!
//! * A path given on the command line that is a file (or anything but a
//!   directory: a symlink, a FIFO) is linted whatever its extension.
//! * A directory is walked recursively for the extensions of
//!   `files.extensions` (default `sql`, compared case-insensitively),
//!   skipping hidden files and directories, `target/`, `node_modules/`,
//!   what `.gitignore` (also outside a git repository), `.git/info/exclude`,
//!   the global gitignore and `.ignore` files ignore, and what
//!   `files.exclude` matches. Symlinked directories are not followed; a
//!   symlink whose name has a linted extension is linted (and is MZ001 when
//!   it leads to a directory or nowhere).
//! * `files.exclude` applies to walked files only, as ruff's `exclude`
//!   does: a file named on the command line is linted.
//! * Globs (`files.exclude`, `files.project`, `files.upstream`) are the
//!   engine's ([`Settings::path_matches`], [`load::upstream_for`]), so the
//!   command line and the language server agree: relative to the directory
//!   of the configuration file (`Settings::root`), `*` does not cross `/`,
//!   `**` does, a pattern without `/` matches at any depth, and a pattern
//!   matching a directory matches everything in it (`vendor` excludes
//!   `vendor/a.sql`).
//!
//! [`load::upstream_for`]: mzlint_linter::load::upstream_for

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use ignore::WalkBuilder;
use mzlint_linter::config::{ConfigError, ConfigResolver};
use mzlint_linter::Settings;

/// A file the run reads.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// The path as reported: as given, or joined to the directory given.
    pub display: PathBuf,
    /// Lexically normalised absolute path: sort and identity key.
    pub absolute: PathBuf,
    pub settings: Arc<Settings>,
    /// Standard input (its display name is `--stdin-filename` or `-`).
    pub stdin: bool,
    /// Reported (false: only feeds the project model).
    pub checked: bool,
}

/// `path` made absolute against `cwd`, `.` and `..` resolved lexically
/// (symlinks are not resolved: the path stays the one the user sees).
pub fn absolutize(path: &Path, cwd: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        cwd.join(path)
    };
    let mut out = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// Directories no walk enters.
const SKIPPED_DIRS: &[&str] = &["target", "node_modules"];

/// Walk `root` for files with a linted extension.
pub fn walk(
    root: &Path,
    cwd: &Path,
    resolver: &ConfigResolver,
    warnings: &mut Vec<String>,
) -> Result<Vec<Candidate>, ConfigError> {
    let mut builder = WalkBuilder::new(root);
    builder
        .hidden(true)
        .parents(true)
        .git_ignore(true)
        .git_exclude(true)
        .git_global(true)
        .ignore(true)
        .require_git(false)
        .follow_links(false)
        .filter_entry(|entry| {
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            !(is_dir
                && entry.depth() > 0
                && entry
                    .file_name()
                    .to_str()
                    .is_some_and(|name| SKIPPED_DIRS.contains(&name)))
        });
    let strip_dot = root == Path::new(".");
    let mut out = Vec::new();
    for entry in builder.build() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                warnings.push(format!("cannot walk: {error}"));
                continue;
            }
        };
        if entry.file_type().is_none_or(|t| t.is_dir()) {
            continue;
        }
        let path = entry.path();
        let Some(extension) = path.extension().and_then(|e| e.to_str()) else {
            continue;
        };
        let absolute = absolutize(path, cwd);
        let settings = resolver.settings_for(&absolute)?;
        if !settings
            .files
            .extensions
            .iter()
            .any(|e| e.trim_start_matches('.').eq_ignore_ascii_case(extension))
        {
            continue;
        }
        if settings.is_excluded(&absolute) {
            continue;
        }
        let display = if strip_dot {
            path.strip_prefix(".").unwrap_or(path).to_path_buf()
        } else {
            path.to_path_buf()
        };
        out.push(Candidate {
            display,
            absolute,
            settings,
            stdin: false,
            checked: true,
        });
    }
    Ok(out)
}

/// The files `files.project` names for the configurations of `checked`,
/// that are not checked themselves. Their paths are shown relative to the
/// working directory when they are under it.
pub fn project_files(
    checked: &[Candidate],
    cwd: &Path,
    resolver: &ConfigResolver,
) -> Result<Vec<Candidate>, ConfigError> {
    let mut roots: Vec<Arc<Settings>> = Vec::new();
    for candidate in checked {
        let settings = &candidate.settings;
        if settings.files.project.is_empty() {
            continue;
        }
        let root = absolutize(&settings.root, cwd);
        let duplicate = roots
            .iter()
            .any(|s| absolutize(&s.root, cwd) == root && s.files.project == settings.files.project);
        if !duplicate {
            roots.push(settings.clone());
        }
    }
    let known: HashSet<PathBuf> = checked.iter().map(|c| c.absolute.clone()).collect();
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for settings in roots {
        let root = absolutize(&settings.root, cwd);
        let mut builder = WalkBuilder::new(&root);
        builder
            .standard_filters(false)
            .follow_links(false)
            .filter_entry(|entry| {
                let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
                !(is_dir
                    && entry.depth() > 0
                    && entry
                        .file_name()
                        .to_str()
                        .is_some_and(|n| n == ".git" || SKIPPED_DIRS.contains(&n)))
            });
        for entry in builder.build().flatten() {
            if entry.file_type().is_none_or(|t| t.is_dir()) {
                continue;
            }
            let absolute = absolutize(entry.path(), cwd);
            if known.contains(&absolute)
                || !settings.path_matches(&settings.files.project, &absolute)
            {
                continue;
            }
            if !seen.insert(absolute.clone()) {
                continue;
            }
            let display = absolute
                .strip_prefix(cwd)
                .map_or_else(|_| absolute.clone(), Path::to_path_buf);
            let settings = resolver.settings_for(&absolute)?;
            out.push(Candidate {
                display,
                absolute,
                settings,
                stdin: false,
                checked: false,
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolutize_is_lexical() {
        let cwd = Path::new("/repo/sub");
        assert_eq!(
            absolutize(Path::new("./a/../b.sql"), cwd),
            Path::new("/repo/sub/b.sql")
        );
        assert_eq!(
            absolutize(Path::new("../x.sql"), cwd),
            Path::new("/repo/x.sql")
        );
        assert_eq!(
            absolutize(Path::new("/abs/./y.sql"), cwd),
            Path::new("/abs/y.sql")
        );
    }
}

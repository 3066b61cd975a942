//! The server's model of the world: every indexed file of the workspace
//! (open documents with the editor's text, the others as read from disk),
//! their settings, the project model, and linting through the shared driver.
//!
//! Files are kept in one `Vec<SourceFile>` in project order (paths compared
//! byte-wise), each file's id its index, because the driver takes the files
//! of a run as a slice. An edit replaces one entry; the other files' parsed
//! [`SourceFile`]s are reused, never re-parsed, and the project model
//! replaces only the edited file's part (`Project::replace_file`). Open
//! documents' edits are applied to a pending text and parsed lazily, when
//! something needs the parse (a lint, a hover, a completion). Adding or
//! removing a file, or a configuration change, rebuilds the model.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{Glob, GlobSetBuilder};
use mzlint_linter::config::{CliOverrides, ConfigError, ConfigResolver};
use mzlint_linter::lint::lint_selected;
use mzlint_linter::load::load_file;
use mzlint_linter::{Diagnostic, FileId, Project, Settings, SourceFile};
use mzlint_syntax::{LineCol, LineIndex, PositionEncoding};
use rayon::prelude::*;

use crate::symbols::{FileSymbols, SymbolIndex};

/// An open document's editor state.
#[derive(Clone, Debug)]
pub struct OpenDoc {
    pub version: i32,
}

struct FileMeta {
    open: Option<OpenDoc>,
    /// Edited text not parsed yet.
    pending: Option<String>,
    /// The `upstream` argument the file was parsed with.
    upstream: Option<bool>,
    /// Definitions and names, kept until the file (or its id) changes.
    symbols: Option<Arc<FileSymbols>>,
}

/// One change of `textDocument/didChange`, already in the server's terms.
pub struct TextChange {
    /// `None` replaces the whole text.
    pub range: Option<(LineCol, LineCol)>,
    pub text: String,
}

/// The diagnostics of one file, for one version of its text.
pub struct FileDiagnostics {
    pub path: PathBuf,
    pub version: Option<i32>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Resolves settings and finds and reads files, without the workspace: the
/// initial indexing runs on its own loader, outside the workspace lock.
pub struct Loader {
    resolver: ConfigResolver,
    /// Settings per directory, so that 10,000 files do not mean 10,000
    /// resolver calls (the resolver may cache too; this saves the `Arc`s).
    cache: HashMap<PathBuf, Arc<Settings>>,
    /// Configuration errors met (each once).
    pub errors: Vec<ConfigError>,
}

/// A file read and parsed, ready to be added to the workspace.
pub struct Loaded {
    file: SourceFile,
    settings: Arc<Settings>,
    upstream: Option<bool>,
}

impl Loader {
    pub fn new(overrides: CliOverrides) -> Self {
        Loader {
            resolver: ConfigResolver::new(overrides),
            cache: HashMap::new(),
            errors: Vec::new(),
        }
    }

    /// The settings for a file at `path`, as the CLI would resolve them.
    /// A broken configuration falls back to the defaults (and is reported).
    pub fn settings(&mut self, path: &Path) -> Arc<Settings> {
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        if let Some(settings) = self.cache.get(&dir) {
            return settings.clone();
        }
        let settings = match self.resolver.settings_for(path) {
            Ok(settings) => settings,
            Err(error) => {
                if !self.errors.contains(&error) {
                    self.errors.push(error);
                }
                Arc::new(Settings::default())
            }
        };
        self.cache.insert(dir, settings.clone());
        settings
    }

    /// Is `path` a file the walk would pick: a known extension, not excluded?
    pub fn is_lintable(&mut self, path: &Path) -> bool {
        let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
            return false;
        };
        let settings = self.settings(path);
        let known = ext.eq_ignore_ascii_case("sql")
            || settings
                .files
                .extensions
                .iter()
                .any(|e| e.trim_start_matches('.').eq_ignore_ascii_case(ext));
        known && !is_excluded(&settings, path)
    }

    /// Files under `roots` that mzlint lints: `*.sql` and the configured
    /// extensions, honouring `.gitignore`, skipping hidden directories,
    /// `target/`, `node_modules/` and `files.exclude`.
    pub fn discover(&mut self, roots: &[PathBuf]) -> Vec<PathBuf> {
        let mut found = Vec::new();
        for root in roots {
            let walker = ignore::WalkBuilder::new(root)
                .hidden(true)
                .git_ignore(true)
                .git_exclude(true)
                .git_global(false)
                .require_git(false)
                .filter_entry(|entry| {
                    let name = entry.file_name();
                    !(entry.file_type().is_some_and(|t| t.is_dir())
                        && (name == "target" || name == "node_modules"))
                })
                .build();
            for entry in walker.flatten() {
                if !entry.file_type().is_some_and(|t| t.is_file()) {
                    continue;
                }
                let path = entry.into_path();
                if self.is_lintable(&path) {
                    found.push(path);
                }
            }
        }
        found.sort();
        found.dedup();
        found
    }

    /// Read and parse `paths` in parallel.
    pub fn load(&mut self, paths: Vec<PathBuf>) -> Vec<Loaded> {
        let jobs: Vec<(PathBuf, Arc<Settings>, Option<bool>)> = paths
            .into_iter()
            .map(|p| {
                let settings = self.settings(&p);
                let upstream = upstream_flag(&settings, &p);
                (p, settings, upstream)
            })
            .collect();
        jobs.into_par_iter()
            .map(|(path, settings, upstream)| Loaded {
                file: load_file(FileId(0), &path, upstream),
                settings,
                upstream,
            })
            .collect()
    }
}

pub struct Workspace {
    files: Vec<SourceFile>,
    meta: Vec<FileMeta>,
    settings: Vec<Arc<Settings>>,
    by_path: HashMap<PathBuf, usize>,
    overrides: CliOverrides,
    loader: Loader,
    roots: Vec<PathBuf>,
    project: Option<Project>,
    symbols: Option<Arc<SymbolIndex>>,
}

/// Byte-wise path order with `/` separators: the project order.
fn order_key(path: &Path) -> String {
    let s = path.to_string_lossy();
    if std::path::MAIN_SEPARATOR == '\\' {
        s.replace('\\', "/")
    } else {
        s.into_owned()
    }
}

impl Workspace {
    pub fn new(overrides: CliOverrides, roots: Vec<PathBuf>) -> Self {
        Workspace {
            files: Vec::new(),
            meta: Vec::new(),
            settings: Vec::new(),
            by_path: HashMap::new(),
            loader: Loader::new(overrides.clone()),
            overrides,
            roots,
            project: None,
            symbols: None,
        }
    }

    pub fn roots(&self) -> &[PathBuf] {
        &self.roots
    }

    pub fn set_roots(&mut self, roots: Vec<PathBuf>) {
        self.roots = roots;
    }

    pub fn overrides(&self) -> &CliOverrides {
        &self.overrides
    }

    /// Every file, in project order (ids are indices).
    pub fn files(&self) -> &[SourceFile] {
        &self.files
    }

    pub fn file_count(&self) -> usize {
        self.files.len()
    }

    pub fn id_of(&self, path: &Path) -> Option<FileId> {
        self.by_path.get(path).map(|&i| FileId(i as u32))
    }

    /// The parsed file at `path` (call [`Workspace::ensure_parsed`] first for
    /// the latest text of an edited document).
    pub fn file(&self, path: &Path) -> Option<&SourceFile> {
        self.by_path.get(path).map(|&i| &self.files[i])
    }

    pub fn file_by_id(&self, id: FileId) -> Option<&SourceFile> {
        self.files.get(id.0 as usize)
    }

    pub fn settings_of(&self, id: FileId) -> Option<&Settings> {
        self.settings.get(id.0 as usize).map(|s| &**s)
    }

    pub fn is_open(&self, path: &Path) -> bool {
        self.by_path
            .get(path)
            .is_some_and(|&i| self.meta[i].open.is_some())
    }

    pub fn version(&self, path: &Path) -> Option<i32> {
        let i = *self.by_path.get(path)?;
        self.meta[i].open.as_ref().map(|d| d.version)
    }

    /// The current text of a file, edits included.
    pub fn text(&self, path: &Path) -> Option<&str> {
        let i = *self.by_path.get(path)?;
        Some(
            self.meta[i]
                .pending
                .as_deref()
                .unwrap_or(&self.files[i].text),
        )
    }

    /// Paths of the open documents.
    pub fn open_paths(&self) -> Vec<PathBuf> {
        self.files
            .iter()
            .zip(&self.meta)
            .filter(|(_, m)| m.open.is_some())
            .map(|(f, _)| f.path.clone())
            .collect()
    }

    /// Configuration errors met since the last call (each reported once).
    pub fn take_config_errors(&mut self) -> Vec<ConfigError> {
        std::mem::take(&mut self.loader.errors)
    }

    // -- configuration ------------------------------------------------------

    /// The settings for a file at `path`, as the CLI would resolve them.
    pub fn resolve_settings(&mut self, path: &Path) -> Arc<Settings> {
        self.loader.settings(path)
    }

    /// Replace the editor's overrides (config path, select, ignore) and
    /// re-resolve every file's settings.
    pub fn set_overrides(&mut self, overrides: CliOverrides) {
        self.overrides = overrides;
        self.reload_config();
    }

    /// A configuration file changed: rebuild the resolver (it has no
    /// invalidation of its own), re-resolve every file's settings and re-parse
    /// the files whose upstream classification changed.
    pub fn reload_config(&mut self) {
        let errors = std::mem::take(&mut self.loader.errors);
        self.loader = Loader::new(self.overrides.clone());
        self.loader.errors = errors;
        for i in 0..self.files.len() {
            let path = self.files[i].path.clone();
            let settings = self.resolve_settings(&path);
            let upstream = upstream_flag(&settings, &path);
            self.settings[i] = settings;
            self.meta[i].symbols = None;
            if upstream != self.meta[i].upstream {
                self.meta[i].upstream = upstream;
                if self.meta[i].pending.is_none() {
                    let text = self.files[i].text.clone();
                    self.meta[i].pending = Some(text);
                }
            }
        }
        self.invalidate();
    }

    fn invalidate(&mut self) {
        self.project = None;
        self.symbols = None;
    }

    // -- the file set -------------------------------------------------------

    /// Files under the workspace roots that mzlint lints.
    pub fn discover(&mut self) -> Vec<PathBuf> {
        let roots = self.roots.clone();
        self.loader.discover(&roots)
    }

    /// Is `path` a file the walk would pick: a known extension, not excluded?
    pub fn is_lintable(&mut self, path: &Path) -> bool {
        self.loader.is_lintable(path)
    }

    /// Read and parse `paths` in parallel and add them (open documents keep
    /// the editor's text).
    pub fn index_files(&mut self, paths: Vec<PathBuf>) {
        let paths: Vec<PathBuf> = paths.into_iter().filter(|p| !self.is_open(p)).collect();
        let loaded = self.loader.load(paths);
        self.add_loaded(loaded);
    }

    /// Add files loaded by a [`Loader`] (open documents keep the editor's
    /// text; a file already indexed is replaced).
    pub fn add_loaded(&mut self, loaded: Vec<Loaded>) {
        for Loaded {
            file,
            settings,
            upstream,
        } in loaded
        {
            if self.is_open(&file.path) {
                continue;
            }
            let meta = FileMeta {
                open: None,
                pending: None,
                upstream,
                symbols: None,
            };
            match self.by_path.get(&file.path) {
                Some(&i) => {
                    self.files[i] = file;
                    self.meta[i] = meta;
                    self.settings[i] = settings;
                }
                None => {
                    self.files.push(file);
                    self.meta.push(meta);
                    self.settings.push(settings);
                }
            }
        }
        self.reorder();
    }

    /// Take configuration errors a separate loader met.
    pub fn add_config_errors(&mut self, errors: Vec<ConfigError>) {
        for error in errors {
            if !self.loader.errors.contains(&error) {
                self.loader.errors.push(error);
            }
        }
    }

    /// Restore project order and ids after files were added.
    fn reorder(&mut self) {
        let sorted = self
            .files
            .windows(2)
            .all(|w| order_key(&w[0].path) <= order_key(&w[1].path));
        if !sorted {
            let mut entries: Vec<_> = std::mem::take(&mut self.files)
                .into_iter()
                .zip(std::mem::take(&mut self.meta))
                .zip(std::mem::take(&mut self.settings))
                .map(|((f, m), s)| (order_key(&f.path), f, m, s))
                .collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            for (_, f, m, s) in entries {
                self.files.push(f);
                self.meta.push(m);
                self.settings.push(s);
            }
        }
        self.by_path.clear();
        for (i, file) in self.files.iter_mut().enumerate() {
            file.id = FileId(i as u32);
            self.by_path.insert(file.path.clone(), i);
            let meta = &mut self.meta[i];
            if meta.symbols.as_ref().is_some_and(|s| s.file != file.id) {
                meta.symbols = None;
            }
        }
        self.invalidate();
    }

    fn insert(&mut self, file: SourceFile, meta: FileMeta, settings: Arc<Settings>) {
        let key = order_key(&file.path);
        let at = self.files.partition_point(|f| order_key(&f.path) < key);
        self.files.insert(at, file);
        self.meta.insert(at, meta);
        self.settings.insert(at, settings);
        self.reorder();
    }

    fn remove_at(&mut self, i: usize) {
        self.files.remove(i);
        self.meta.remove(i);
        self.settings.remove(i);
        self.reorder();
    }

    /// `textDocument/didOpen`.
    pub fn open(&mut self, path: PathBuf, text: String, version: i32) {
        match self.by_path.get(&path) {
            Some(&i) => {
                self.meta[i].open = Some(OpenDoc { version });
                if self.files[i].text != text || self.files[i].load_error.is_some() {
                    // Parsed (and the model updated) by `ensure_parsed`.
                    self.meta[i].pending = Some(text);
                } else {
                    self.meta[i].pending = None;
                }
            }
            None => {
                // Parsed lazily, like an edit: opening costs no parse here.
                let settings = self.resolve_settings(&path);
                let upstream = upstream_flag(&settings, &path);
                let file = SourceFile::new(FileId(0), path, String::new(), upstream);
                let meta = FileMeta {
                    open: Some(OpenDoc { version }),
                    pending: Some(text),
                    upstream,
                    symbols: None,
                };
                self.insert(file, meta, settings);
            }
        }
    }

    /// `textDocument/didChange`: apply the changes in order. Positions are in
    /// `encoding`; out-of-range positions clamp. Unknown documents are
    /// ignored (returns false).
    pub fn change(
        &mut self,
        path: &Path,
        version: i32,
        changes: Vec<TextChange>,
        encoding: PositionEncoding,
    ) -> bool {
        let Some(&i) = self.by_path.get(path) else {
            return false;
        };
        let mut text = match self.meta[i].pending.take() {
            Some(text) => text,
            None => self.files[i].text.clone(),
        };
        for change in changes {
            apply_change(&mut text, change, encoding);
        }
        self.meta[i].pending = Some(text);
        if let Some(doc) = &mut self.meta[i].open {
            doc.version = version;
        } else {
            self.meta[i].open = Some(OpenDoc { version });
        }
        true
    }

    /// `textDocument/didClose`: the file goes back to its disk state, or out
    /// of the index when it is not a workspace file.
    pub fn close(&mut self, path: &Path) {
        let Some(&i) = self.by_path.get(path) else {
            return;
        };
        self.meta[i].open = None;
        self.meta[i].pending = None;
        let path = path.to_path_buf();
        if path.is_file() && self.under_roots(&path) && self.is_lintable(&path) {
            self.index_files(vec![path]);
        } else {
            self.remove_at(i);
        }
    }

    fn under_roots(&self, path: &Path) -> bool {
        self.roots.iter().any(|r| path.starts_with(r))
    }

    /// A watched file was created or changed on disk.
    pub fn disk_changed(&mut self, path: &Path) {
        if self.is_open(path) {
            return; // the editor's text wins
        }
        let path = path.to_path_buf();
        let walked = self.by_path.contains_key(&path) || walked_path(&self.roots, &path);
        if path.is_file() && walked && self.is_lintable(&path) {
            self.index_files(vec![path]);
        } else if let Some(&i) = self.by_path.get(&path) {
            self.remove_at(i);
        }
    }

    /// A watched file was deleted.
    pub fn disk_deleted(&mut self, path: &Path) {
        if self.is_open(path) {
            return;
        }
        if let Some(&i) = self.by_path.get(path) {
            self.remove_at(i);
        } else {
            // A deleted directory: drop every file under it that is not open.
            let before = self.files.len();
            let keep: Vec<bool> = self
                .files
                .iter()
                .zip(&self.meta)
                .map(|(f, m)| m.open.is_some() || !f.path.starts_with(path))
                .collect();
            if keep.iter().all(|k| *k) {
                return;
            }
            let mut k = keep.iter();
            self.files.retain(|_| *k.next().expect("same length"));
            let mut k = keep.iter();
            self.meta.retain(|_| *k.next().expect("same length"));
            let mut k = keep.iter();
            self.settings.retain(|_| *k.next().expect("same length"));
            debug_assert!(self.files.len() < before);
            self.reorder();
        }
    }

    // -- analysis -----------------------------------------------------------

    /// Parse every edited document (one parse per edited file; the others
    /// are reused).
    pub fn ensure_parsed(&mut self) {
        let mut changed = false;
        for i in 0..self.files.len() {
            if let Some(text) = self.meta[i].pending.take() {
                let path = self.files[i].path.clone();
                let file = SourceFile::new(FileId(i as u32), path, text, self.meta[i].upstream);
                let old = std::mem::replace(&mut self.files[i], file);
                // Freeing a large file's syntax tree takes milliseconds: not
                // on the way to the diagnostics.
                rayon::spawn(move || drop(old));
                self.meta[i].symbols = None;
                // The other files' parts of the model are kept, unless this
                // file is most of the project (then a rebuild is cheaper).
                let statements = self.files[i].parsed.statements.len();
                let total: usize = self.files.iter().map(|f| f.parsed.statements.len()).sum();
                if statements * 2 > total {
                    self.project = None;
                }
                if let Some(project) = &mut self.project {
                    project.replace_file(&self.files[i], &self.settings[i]);
                }
                changed = true;
            }
        }
        if changed {
            self.symbols = None;
            if let Some(project) = &mut self.project {
                let settings: Vec<&Settings> = self.settings.iter().map(|s| &**s).collect();
                project.refresh_upstream(&self.files, &settings);
            }
        }
    }

    /// Parse pending edits and build the project model if it is stale:
    /// what linting needs.
    pub fn prepare_lint(&mut self) {
        self.ensure_parsed();
        if self.project.is_none() {
            let settings: Vec<&Settings> = self.settings.iter().map(|s| &**s).collect();
            self.project = Some(Project::build(&self.files, &settings));
            self.symbols = None;
        }
    }

    /// [`Workspace::prepare_lint`] plus the symbol index: what hover,
    /// completion and navigation need. Only the changed files' symbols are
    /// recomputed.
    pub fn prepare(&mut self) {
        self.prepare_lint();
        if self.symbols.is_none() {
            let project = self.project.as_ref().expect("built above");
            let missing: Vec<usize> = (0..self.files.len())
                .filter(|&i| self.meta[i].symbols.is_none())
                .collect();
            let files = &self.files;
            let built: Vec<(usize, FileSymbols)> = missing
                .into_par_iter()
                .map(|i| (i, FileSymbols::build(&files[i], project)))
                .collect();
            for (i, symbols) in built {
                self.meta[i].symbols = Some(Arc::new(symbols));
            }
            let files = self
                .meta
                .iter()
                .map(|m| m.symbols.clone().expect("built above"))
                .collect();
            self.symbols = Some(Arc::new(SymbolIndex { files }));
        }
    }

    /// The project model; [`Workspace::prepare`] must have run.
    pub fn project(&self) -> Option<&Project> {
        self.project.as_ref()
    }

    /// The definition and reference index; [`Workspace::prepare`] must have run.
    pub fn symbols(&self) -> Option<&SymbolIndex> {
        self.symbols.as_deref()
    }

    /// Lint `paths` with the whole workspace as the project, exactly as the
    /// driver does (configuration, suppressions, secrets guard included).
    /// [`Workspace::prepare_lint`] must have run.
    pub fn lint(&self, paths: &[PathBuf]) -> Vec<FileDiagnostics> {
        let Some(project) = &self.project else {
            return Vec::new();
        };
        let ids: Vec<FileId> = paths.iter().filter_map(|p| self.id_of(p)).collect();
        let settings: Vec<&Settings> = self.settings.iter().map(|s| &**s).collect();
        let results = lint_selected(&self.files, &settings, project, &ids);
        ids.into_iter()
            .zip(results)
            .map(|(id, diagnostics)| {
                let i = id.0 as usize;
                FileDiagnostics {
                    path: self.files[i].path.clone(),
                    version: self.meta[i].open.as_ref().map(|d| d.version),
                    diagnostics,
                }
            })
            .collect()
    }
}

/// Would the workspace walk reach `path`: under a root, not in a hidden,
/// `target` or `node_modules` directory, not ignored by a `.gitignore` on
/// the way? (For files created after start-up.)
fn walked_path(roots: &[PathBuf], path: &Path) -> bool {
    let Some(root) = roots.iter().find(|r| path.starts_with(r)) else {
        return false;
    };
    let Ok(relative) = path.strip_prefix(root) else {
        return false;
    };
    let mut dir = root.clone();
    let components: Vec<_> = relative.components().collect();
    for (k, component) in components.iter().enumerate() {
        let gitignore = dir.join(".gitignore");
        if gitignore.is_file() {
            let (matcher, _) = ignore::gitignore::Gitignore::new(&gitignore);
            if matcher.matched_path_or_any_parents(path, false).is_ignore() {
                return false;
            }
        }
        let name = component.as_os_str().to_string_lossy();
        let last = k + 1 == components.len();
        if !last && (name.starts_with('.') || name == "target" || name == "node_modules") {
            return false;
        }
        dir.push(component);
    }
    true
}

/// Apply one change to `text`; positions clamp into the text.
pub fn apply_change(text: &mut String, change: TextChange, encoding: PositionEncoding) {
    match change.range {
        None => *text = change.text,
        Some((start, end)) => {
            let index = LineIndex::new(text);
            let a = index.offset(text, start, encoding) as usize;
            let b = index.offset(text, end, encoding) as usize;
            let (a, b) = (a.min(b), a.max(b));
            text.replace_range(a..b, &change.text);
        }
    }
}

/// `Some(true)` when `files.upstream` matches the file; `None` lets the
/// linter decide from the statements (interfaces.md §6).
pub fn upstream_flag(settings: &Settings, path: &Path) -> Option<bool> {
    if settings.files.upstream.is_empty() {
        return None;
    }
    glob_matches(&settings.files.upstream, settings, path).then_some(true)
}

fn is_excluded(settings: &Settings, path: &Path) -> bool {
    !settings.files.exclude.is_empty() && glob_matches(&settings.files.exclude, settings, path)
}

fn glob_matches(globs: &[String], settings: &Settings, path: &Path) -> bool {
    let mut builder = GlobSetBuilder::new();
    for glob in globs {
        if let Ok(glob) = Glob::new(glob) {
            builder.add(glob);
        }
    }
    let Ok(set) = builder.build() else {
        return false;
    };
    let relative = path.strip_prefix(&settings.root).unwrap_or(path);
    set.is_match(relative) || set.is_match(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lc(line: u32, col: u32) -> LineCol {
        LineCol { line, col }
    }

    #[test]
    fn new_files_follow_the_walk_rules() {
        let dir = tempfile::Builder::new()
            .prefix("mzlint-walk")
            .tempdir()
            .unwrap();
        let root = dir.path().to_path_buf();
        std::fs::write(root.join(".gitignore"), "build/\n*.tmp.sql\n").unwrap();
        let roots = vec![root.clone()];
        assert!(walked_path(&roots, &root.join("a/b.sql")));
        assert!(!walked_path(&roots, &root.join("build/b.sql")));
        assert!(!walked_path(&roots, &root.join("a/x.tmp.sql")));
        assert!(!walked_path(&roots, &root.join(".hidden/b.sql")));
        assert!(!walked_path(&roots, &root.join("target/b.sql")));
        assert!(!walked_path(&roots, Path::new("/elsewhere/b.sql")));
    }

    #[test]
    fn applies_and_clamps_changes() {
        let mut text = String::from("héllo\nwörld");
        apply_change(
            &mut text,
            TextChange {
                range: Some((lc(0, 1), lc(0, 2))),
                text: "e".into(),
            },
            PositionEncoding::Utf16,
        );
        assert_eq!(text, "hello\nwörld");
        apply_change(
            &mut text,
            TextChange {
                range: Some((lc(1, 1), lc(1, 3))),
                text: "o".into(),
            },
            PositionEncoding::Utf8,
        );
        assert_eq!(text, "hello\nworld");
        // Far out of range: clamps to the end, never panics.
        apply_change(
            &mut text,
            TextChange {
                range: Some((lc(99, 99), lc(u32::MAX, u32::MAX))),
                text: "!".into(),
            },
            PositionEncoding::Utf16,
        );
        assert_eq!(text, "hello\nworld!");
        // Reversed range is normalised.
        apply_change(
            &mut text,
            TextChange {
                range: Some((lc(0, 5), lc(0, 0))),
                text: "bye".into(),
            },
            PositionEncoding::Utf16,
        );
        assert_eq!(text, "bye\nworld!");
    }
}

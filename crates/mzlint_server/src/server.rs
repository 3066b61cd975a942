//! The `LanguageServer` implementation: LSP requests and notifications
//! mapped onto the [`Workspace`] and the feature modules.
//!
//! Every handler body runs on tokio's blocking pool through
//! [`Shared::blocking`]: CPU work stays off the async workers, and a panic
//! in a handler becomes an error response (or a log line) instead of the
//! end of the session.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock, RwLockWriteGuard};
use std::time::{Duration, Instant};

use mzlint_linter::config::CliOverrides;
use mzlint_syntax::PositionEncoding;
use serde_json::Value;
use tower_lsp_server::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

use crate::actions::{self, ActionKind};
use crate::completion::{self, ItemKind};
use crate::convert::{self, path_to_uri, uri_to_path, TextRef};
use crate::hover;
use crate::symbols::SymKind;
use crate::workspace::{Loader, TextChange, Workspace};

/// The code action kind of fix-all.
pub const FIX_ALL_KIND: &str = "source.fixAll.mzlint";

/// How the server runs.
#[derive(Clone, Debug)]
pub struct ServeOptions {
    /// Quiet time after the last edit before diagnostics are computed.
    pub debounce: Duration,
    /// Register `mzlint/testPanic`, a request whose handler panics (for
    /// end-to-end tests of panic isolation). Off in `mzlint server`.
    pub test_hooks: bool,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            debounce: Duration::from_millis(120),
            test_hooks: false,
        }
    }
}

/// State shared by the handlers and background tasks.
pub(crate) struct Shared {
    ws: RwLock<Workspace>,
    encoding: RwLock<PositionEncoding>,
    snippets: AtomicBool,
    dynamic_watch: AtomicBool,
    /// Bumped on every change; a scheduled lint runs only if still current.
    generation: AtomicU64,
    lint_lock: Mutex<()>,
    /// The URI each open document was opened with.
    uris: Mutex<HashMap<PathBuf, Uri>>,
    pub(crate) shutdown: AtomicBool,
    options: ServeOptions,
}

pub struct Backend {
    client: Client,
    shared: Arc<Shared>,
}

fn internal_error(message: &str) -> Error {
    Error {
        code: ErrorCode::InternalError,
        message: message.to_string().into(),
        data: None,
    }
}

impl Shared {
    fn ws(&self) -> RwLockWriteGuard<'_, Workspace> {
        self.ws.write().unwrap_or_else(|e| e.into_inner())
    }

    fn encoding(&self) -> PositionEncoding {
        *self.encoding.read().unwrap_or_else(|e| e.into_inner())
    }

    fn uri_of(&self, path: &Path) -> Option<Uri> {
        let uris = self.uris.lock().unwrap_or_else(|e| e.into_inner());
        uris.get(path).cloned().or_else(|| path_to_uri(path))
    }
}

/// Run `work` on the blocking pool; a panic becomes an internal error.
async fn blocking<T, F>(name: &'static str, work: F) -> Result<T>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T> + Send + 'static,
{
    match tokio::task::spawn_blocking(work).await {
        Ok(result) => result,
        Err(error) if error.is_panic() => {
            eprintln!("mzlint server: internal error in {name}; the server keeps running");
            Err(internal_error(&format!("internal error in {name}")))
        }
        Err(_) => Err(internal_error(&format!("{name} was cancelled"))),
    }
}

/// The editor's settings: `{"mzlint": {"configPath", "select", "ignore"}}`.
fn overrides_from(
    value: &Value,
    roots: &[PathBuf],
    current: &CliOverrides,
) -> Option<CliOverrides> {
    let settings = value.get("mzlint").unwrap_or(value);
    if !settings.is_object() {
        return None;
    }
    let list = |key: &str| -> Option<Vec<String>> {
        let items = settings.get(key)?.as_array()?;
        Some(
            items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
        )
    };
    let mut overrides = current.clone();
    if let Some(path) = settings.get("configPath") {
        overrides.config_file = path.as_str().filter(|p| !p.trim().is_empty()).map(|p| {
            let path = PathBuf::from(p);
            match roots.first() {
                Some(root) if path.is_relative() => root.join(path),
                _ => path,
            }
        });
    }
    if settings.get("select").is_some() {
        overrides.select = list("select").filter(|l| !l.is_empty());
    }
    if settings.get("ignore").is_some() {
        overrides.ignore = list("ignore").unwrap_or_default();
    }
    Some(overrides)
}

fn is_config_file(path: &Path) -> bool {
    matches!(
        path.file_name().and_then(|n| n.to_str()),
        Some("mzlint.toml" | ".mzlint.toml")
    )
}

fn symbol_kind(kind: SymKind) -> SymbolKind {
    match kind {
        SymKind::Secret => SymbolKind::KEY,
        SymKind::Connection(_) => SymbolKind::INTERFACE,
        SymKind::Source(_) | SymKind::Subsource => SymbolKind::EVENT,
        SymKind::Table | SymKind::SourceTable => SymbolKind::STRUCT,
        SymKind::View | SymKind::MaterializedView => SymbolKind::CLASS,
        SymKind::Sink => SymbolKind::FUNCTION,
        SymKind::Index => SymbolKind::PROPERTY,
        SymKind::Cluster => SymbolKind::NAMESPACE,
        SymKind::Publication => SymbolKind::MODULE,
    }
}

fn completion_kind(kind: ItemKind) -> CompletionItemKind {
    match kind {
        ItemKind::Keyword => CompletionItemKind::KEYWORD,
        ItemKind::Snippet => CompletionItemKind::SNIPPET,
        ItemKind::Option => CompletionItemKind::PROPERTY,
        ItemKind::Value => CompletionItemKind::ENUM_MEMBER,
        ItemKind::Rule => CompletionItemKind::REFERENCE,
        ItemKind::Object(SymKind::Secret) => CompletionItemKind::CONSTANT,
        ItemKind::Object(SymKind::Connection(_)) => CompletionItemKind::INTERFACE,
        ItemKind::Object(SymKind::Cluster) => CompletionItemKind::MODULE,
        ItemKind::Object(_) => CompletionItemKind::VARIABLE,
    }
}

/// Is a code action kind wanted by the client's `only` filter?
fn wanted(only: &Option<Vec<CodeActionKind>>, kind: &str) -> bool {
    match only {
        None => true,
        Some(kinds) => kinds.iter().any(|k| {
            let k = k.as_str();
            kind == k || kind.starts_with(&format!("{k}."))
        }),
    }
}

impl Backend {
    pub fn new(client: Client, options: ServeOptions) -> Self {
        Backend {
            client,
            shared: Arc::new(Shared {
                ws: RwLock::new(Workspace::new(CliOverrides::default(), Vec::new())),
                encoding: RwLock::new(PositionEncoding::Utf16),
                snippets: AtomicBool::new(false),
                dynamic_watch: AtomicBool::new(false),
                generation: AtomicU64::new(0),
                lint_lock: Mutex::new(()),
                uris: Mutex::new(HashMap::new()),
                shutdown: AtomicBool::new(false),
                options,
            }),
        }
    }

    pub(crate) fn shared(&self) -> Arc<Shared> {
        self.shared.clone()
    }

    /// `mzlint/testPanic` (test builds of the server only): panics inside
    /// the handler, to show the server survives it.
    pub async fn test_panic(&self, _params: Value) -> Result<Value> {
        blocking("mzlint/testPanic", || -> Result<Value> {
            panic!("deliberate panic for the panic-isolation test")
        })
        .await
    }

    /// Run a state change now, on this thread (no await: notifications
    /// apply in arrival order). A panic is caught and logged: `None`.
    fn sync<T>(&self, name: &'static str, work: impl FnOnce() -> T) -> Option<T> {
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)) {
            Ok(value) => Some(value),
            Err(_) => {
                eprintln!("mzlint server: internal error in {name}; the server keeps running");
                let client = self.client.clone();
                tokio::spawn(async move {
                    client
                        .log_message(
                            MessageType::ERROR,
                            format!("mzlint: internal error in {name}"),
                        )
                        .await;
                });
                None
            }
        }
    }

    /// Lint the open documents `delay` after now, unless something changes
    /// again before (then that change's lint runs instead).
    fn schedule_lint(&self, delay: Duration) {
        let generation = self.shared.generation.fetch_add(1, Ordering::SeqCst) + 1;
        let shared = self.shared.clone();
        let client = self.client.clone();
        tokio::spawn(async move {
            tokio::time::sleep(delay).await;
            if shared.generation.load(Ordering::SeqCst) != generation {
                return;
            }
            let task_shared = shared.clone();
            let result = blocking("diagnostics", move || {
                Ok(lint_open(&task_shared, generation))
            })
            .await;
            match result {
                Ok(Some(batches)) => {
                    for (uri, diagnostics, version) in batches {
                        client.publish_diagnostics(uri, diagnostics, version).await;
                    }
                }
                Ok(None) => {}
                Err(_) => {
                    client
                        .log_message(MessageType::ERROR, "mzlint: internal error while linting")
                        .await;
                }
            }
        });
    }

    async fn report_config_errors(&self) {
        let errors = self.shared.ws().take_config_errors();
        for error in errors {
            // A config error names the file, the line and the key; config
            // files hold no secret values.
            self.client
                .show_message(MessageType::ERROR, format!("mzlint: {error}"))
                .await;
        }
    }

    /// Index every SQL file of the workspace folders, outside the lock.
    async fn index_workspace(&self) {
        let shared = self.shared.clone();
        let started = Instant::now();
        let result = blocking("indexing", move || {
            let (roots, overrides) = {
                let ws = shared.ws();
                (ws.roots().to_vec(), ws.overrides().clone())
            };
            let mut loader = Loader::new(overrides);
            let paths = loader.discover(&roots);
            let loaded = loader.load(paths);
            let count = loaded.len();
            let mut ws = shared.ws();
            ws.add_loaded(loaded);
            ws.add_config_errors(std::mem::take(&mut loader.errors));
            Ok(count)
        })
        .await;
        if let Ok(count) = result {
            self.client
                .log_message(
                    MessageType::INFO,
                    format!(
                        "mzlint: indexed {count} files in {} ms",
                        started.elapsed().as_millis()
                    ),
                )
                .await;
        }
        self.report_config_errors().await;
        self.schedule_lint(Duration::ZERO);
    }

    async fn register_watchers(&self) {
        if !self.shared.dynamic_watch.load(Ordering::SeqCst) {
            return;
        }
        let extensions = {
            let mut ws = self.shared.ws();
            let roots = ws.roots().to_vec();
            let mut exts = vec!["sql".to_string()];
            for root in roots {
                let settings = ws.resolve_settings(&root.join("mzlint.sql"));
                for e in &settings.files.extensions {
                    let e = e.trim_start_matches('.').to_string();
                    if !exts.contains(&e) {
                        exts.push(e);
                    }
                }
            }
            exts
        };
        let mut watchers: Vec<FileSystemWatcher> = extensions
            .iter()
            .map(|e| FileSystemWatcher {
                glob_pattern: GlobPattern::String(format!("**/*.{e}")),
                kind: None,
            })
            .collect();
        for name in ["**/mzlint.toml", "**/.mzlint.toml"] {
            watchers.push(FileSystemWatcher {
                glob_pattern: GlobPattern::String(name.to_string()),
                kind: None,
            });
        }
        let options = DidChangeWatchedFilesRegistrationOptions { watchers };
        let registration = Registration {
            id: "mzlint-watched-files".to_string(),
            method: "workspace/didChangeWatchedFiles".to_string(),
            register_options: serde_json::to_value(options).ok(),
        };
        // Not awaited here: a client slow to answer must not hold up indexing.
        let client = self.client.clone();
        tokio::spawn(async move {
            let _ = client.register_capability(vec![registration]).await;
        });
    }

    /// Run a query on the prepared workspace, on the blocking pool.
    async fn query<T, F>(&self, name: &'static str, work: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&Workspace, PositionEncoding) -> Result<T> + Send + 'static,
    {
        let shared = self.shared.clone();
        blocking(name, move || {
            let encoding = shared.encoding();
            let mut ws = shared.ws();
            ws.prepare();
            work(&ws, encoding)
        })
        .await
    }
}

type Batch = Vec<(Uri, Vec<Diagnostic>, Option<i32>)>;

/// Lint every open document and convert the results; `None` when a newer
/// change made the run stale (that change's own run publishes).
fn lint_open(shared: &Shared, generation: u64) -> Option<Batch> {
    let _running = shared.lint_lock.lock().unwrap_or_else(|e| e.into_inner());
    if shared.generation.load(Ordering::SeqCst) != generation {
        return None;
    }
    let encoding = shared.encoding();
    let mut ws = shared.ws();
    ws.prepare_lint();
    let open = ws.open_paths();
    let results = ws.lint(&open);
    let batch = convert::publishable(&ws, results, encoding, |p| shared.uri_of(p));
    drop(ws);
    if shared.generation.load(Ordering::SeqCst) != generation {
        return None;
    }
    Some(batch)
}

fn lsp_edit(edit: &actions::TextEdit, text: TextRef<'_>, encoding: PositionEncoding) -> TextEdit {
    TextEdit {
        range: text.range(edit.span, encoding),
        new_text: edit.text.clone(),
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let utf8 = params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_ref())
            .is_some_and(|list| list.contains(&PositionEncodingKind::UTF8));
        let (encoding, kind) = if utf8 {
            (PositionEncoding::Utf8, PositionEncodingKind::UTF8)
        } else {
            (PositionEncoding::Utf16, PositionEncodingKind::UTF16)
        };
        *self
            .shared
            .encoding
            .write()
            .unwrap_or_else(|e| e.into_inner()) = encoding;
        let snippets = params
            .capabilities
            .text_document
            .as_ref()
            .and_then(|t| t.completion.as_ref())
            .and_then(|c| c.completion_item.as_ref())
            .and_then(|i| i.snippet_support)
            .unwrap_or(false);
        self.shared.snippets.store(snippets, Ordering::SeqCst);
        let dynamic_watch = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false);
        self.shared
            .dynamic_watch
            .store(dynamic_watch, Ordering::SeqCst);

        #[allow(deprecated)]
        let mut roots: Vec<PathBuf> = params
            .workspace_folders
            .as_ref()
            .map(|folders| folders.iter().map(|f| uri_to_path(&f.uri)).collect())
            .unwrap_or_default();
        #[allow(deprecated)]
        if roots.is_empty() {
            if let Some(uri) = &params.root_uri {
                roots.push(uri_to_path(uri));
            }
        }
        roots.retain(|r| r.is_absolute());
        {
            let mut ws = self.shared.ws();
            ws.set_roots(roots.clone());
            if let Some(options) = &params.initialization_options {
                if let Some(overrides) = overrides_from(options, &roots, ws.overrides()) {
                    ws.set_overrides(overrides);
                }
            }
        }

        let capabilities = ServerCapabilities {
            position_encoding: Some(kind),
            text_document_sync: Some(TextDocumentSyncCapability::Options(
                TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                        include_text: Some(false),
                    })),
                    ..TextDocumentSyncOptions::default()
                },
            )),
            hover_provider: Some(HoverProviderCapability::Simple(true)),
            completion_provider: Some(CompletionOptions {
                trigger_characters: Some(
                    [" ", "(", ",", "[", "'", "="]
                        .iter()
                        .map(|s| s.to_string())
                        .collect(),
                ),
                ..CompletionOptions::default()
            }),
            definition_provider: Some(OneOf::Left(true)),
            references_provider: Some(OneOf::Left(true)),
            document_symbol_provider: Some(OneOf::Left(true)),
            code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                code_action_kinds: Some(vec![
                    CodeActionKind::QUICKFIX,
                    CodeActionKind::from(FIX_ALL_KIND.to_string()),
                ]),
                ..CodeActionOptions::default()
            })),
            workspace: Some(WorkspaceServerCapabilities {
                workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                    supported: Some(true),
                    change_notifications: Some(OneOf::Left(true)),
                }),
                file_operations: None,
            }),
            ..ServerCapabilities::default()
        };
        Ok(InitializeResult {
            capabilities,
            server_info: Some(ServerInfo {
                name: "mzlint".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        self.register_watchers().await;
        self.index_workspace().await;
    }

    async fn shutdown(&self) -> Result<()> {
        self.shared.shutdown.store(true, Ordering::SeqCst);
        Ok(())
    }

    // Notifications that change documents apply their change before their
    // first await, so changes apply in the order the client sent them and a
    // request after them sees them.

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        let path = uri_to_path(&doc.uri);
        let language = doc.language_id.to_ascii_lowercase();
        let opened = self.sync("didOpen", || {
            let mut ws = self.shared.ws();
            let sql_language = language.contains("sql") || language == "postgres";
            if !sql_language && !ws.is_lintable(&path) {
                return false;
            }
            self.shared
                .uris
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(path.clone(), doc.uri.clone());
            ws.open(path, doc.text, doc.version);
            true
        });
        if opened == Some(true) {
            self.report_config_errors().await;
            self.schedule_lint(Duration::from_millis(10));
        }
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let path = uri_to_path(&params.text_document.uri);
        let encoding = self.shared.encoding();
        let changes: Vec<TextChange> = params
            .content_changes
            .into_iter()
            .map(|c| TextChange {
                range: c
                    .range
                    .map(|r| (convert::line_col(r.start), convert::line_col(r.end))),
                text: c.text,
            })
            .collect();
        let applied = self.sync("didChange", || {
            self.shared
                .ws()
                .change(&path, params.text_document.version, changes, encoding)
        });
        if applied == Some(true) {
            self.schedule_lint(self.shared.options.debounce);
        }
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        let path = uri_to_path(&params.text_document.uri);
        let is_config = is_config_file(&path)
            || self.shared.ws().overrides().config_file.as_deref() == Some(path.as_path());
        if is_config {
            self.sync("didSave", || self.shared.ws().reload_config());
            self.report_config_errors().await;
            self.schedule_lint(Duration::ZERO);
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        let path = uri_to_path(&uri);
        let was_open = self.sync("didClose", || {
            let mut ws = self.shared.ws();
            let was_open = ws.is_open(&path);
            ws.close(&path);
            self.shared
                .uris
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .remove(&path);
            was_open
        });
        if was_open == Some(true) {
            self.client.publish_diagnostics(uri, Vec::new(), None).await;
            self.schedule_lint(self.shared.options.debounce);
        }
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let config_changed = self.sync("didChangeWatchedFiles", || {
            let mut ws = self.shared.ws();
            let mut config_changed = false;
            for change in params.changes {
                let path = uri_to_path(&change.uri);
                if is_config_file(&path) || ws.overrides().config_file.as_deref() == Some(&path) {
                    config_changed = true;
                    continue;
                }
                if change.typ == FileChangeType::DELETED {
                    ws.disk_deleted(&path);
                } else {
                    ws.disk_changed(&path);
                }
            }
            if config_changed {
                ws.reload_config();
            }
            config_changed
        });
        if config_changed == Some(true) {
            self.report_config_errors().await;
        }
        self.schedule_lint(Duration::ZERO);
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        if params.settings.is_null() {
            return;
        }
        let changed = self.sync("didChangeConfiguration", || {
            let mut ws = self.shared.ws();
            let roots = ws.roots().to_vec();
            match overrides_from(&params.settings, &roots, ws.overrides()) {
                Some(overrides) => {
                    ws.set_overrides(overrides);
                    true
                }
                None => false,
            }
        });
        if changed == Some(true) {
            self.report_config_errors().await;
            self.schedule_lint(Duration::ZERO);
        }
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        {
            let mut ws = self.shared.ws();
            let mut roots = ws.roots().to_vec();
            for removed in &params.event.removed {
                let path = uri_to_path(&removed.uri);
                roots.retain(|r| r != &path);
            }
            for added in &params.event.added {
                let path = uri_to_path(&added.uri);
                if path.is_absolute() && !roots.contains(&path) {
                    roots.push(path);
                }
            }
            ws.set_roots(roots);
        }
        self.index_workspace().await;
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let position = params.text_document_position_params;
        let path = uri_to_path(&position.text_document.uri);
        self.query("hover", move |ws, encoding| {
            let Some(file) = ws.file(&path) else {
                return Ok(None);
            };
            let text = TextRef::of(file);
            let offset = text.offset(position.position, encoding);
            Ok(hover::hover(ws, &path, offset).map(|h| Hover {
                contents: HoverContents::Markup(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value: h.markdown,
                }),
                range: Some(text.range(h.span, encoding)),
            }))
        })
        .await
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let position = params.text_document_position;
        let path = uri_to_path(&position.text_document.uri);
        let snippets = self.shared.snippets.load(Ordering::SeqCst);
        self.query("completion", move |ws, encoding| {
            let Some(file) = ws.file(&path) else {
                return Ok(None);
            };
            let text = TextRef::of(file);
            let offset = text.offset(position.position, encoding);
            let completion = completion::complete(ws, &path, offset, snippets);
            let incomplete = completion.incomplete;
            let items: Vec<CompletionItem> = completion
                .items
                .into_iter()
                .enumerate()
                .map(|(i, item)| CompletionItem {
                    label: item.label,
                    kind: Some(completion_kind(item.kind)),
                    detail: item.detail,
                    documentation: item.documentation.map(|value| {
                        Documentation::MarkupContent(MarkupContent {
                            kind: MarkupKind::Markdown,
                            value,
                        })
                    }),
                    sort_text: Some(format!("{i:04}")),
                    filter_text: None,
                    insert_text_format: Some(if item.snippet {
                        InsertTextFormat::SNIPPET
                    } else {
                        InsertTextFormat::PLAIN_TEXT
                    }),
                    text_edit: Some(CompletionTextEdit::Edit(TextEdit {
                        range: text.range(item.replace, encoding),
                        new_text: item.insert,
                    })),
                    ..CompletionItem::default()
                })
                .collect();
            if items.is_empty() {
                return Ok(None);
            }
            Ok(Some(CompletionResponse::List(CompletionList {
                is_incomplete: incomplete,
                items,
            })))
        })
        .await
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let position = params.text_document_position_params;
        let path = uri_to_path(&position.text_document.uri);
        let shared = self.shared.clone();
        self.query("definition", move |ws, encoding| {
            let (Some(file), Some(symbols)) = (ws.file(&path), ws.symbols()) else {
                return Ok(None);
            };
            let offset = TextRef::of(file).offset(position.position, encoding);
            let Some(occurrence) = symbols.occurrence_at(file.id, offset) else {
                return Ok(None);
            };
            let Some(symbol) = symbols.resolve(occurrence) else {
                return Ok(None);
            };
            let Some(target) = ws.file_by_id(symbol.location.file) else {
                return Ok(None);
            };
            let Some(uri) = shared.uri_of(&target.path) else {
                return Ok(None);
            };
            Ok(Some(GotoDefinitionResponse::Scalar(Location::new(
                uri,
                TextRef::of(target).range(symbol.name_span, encoding),
            ))))
        })
        .await
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let position = params.text_document_position;
        let include_declaration = params.context.include_declaration;
        let path = uri_to_path(&position.text_document.uri);
        let shared = self.shared.clone();
        self.query("references", move |ws, encoding| {
            let (Some(file), Some(symbols)) = (ws.file(&path), ws.symbols()) else {
                return Ok(None);
            };
            let offset = TextRef::of(file).offset(position.position, encoding);
            let Some(occurrence) = symbols.occurrence_at(file.id, offset) else {
                return Ok(None);
            };
            let (ns, name) = match symbols.resolve(occurrence) {
                Some(symbol) => (symbol.ns, symbol.name.clone()),
                None => (occurrence.ns, occurrence.name.clone()),
            };
            let mut locations = Vec::new();
            for f in &symbols.files {
                for o in &f.occurrences {
                    if o.ns != ns || o.name != name {
                        continue;
                    }
                    if o.defines.is_some() && !include_declaration {
                        continue;
                    }
                    let Some(target) = ws.file_by_id(o.location.file) else {
                        continue;
                    };
                    let Some(uri) = shared.uri_of(&target.path) else {
                        continue;
                    };
                    locations.push(Location::new(
                        uri,
                        TextRef::of(target).range(o.span, encoding),
                    ));
                }
            }
            Ok(Some(locations))
        })
        .await
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let path = uri_to_path(&params.text_document.uri);
        self.query("documentSymbol", move |ws, encoding| {
            let (Some(file), Some(symbols)) = (ws.file(&path), ws.symbols()) else {
                return Ok(None);
            };
            let text = TextRef::of(file);
            #[allow(deprecated)]
            let list: Vec<DocumentSymbol> = symbols
                .symbols_in(file.id)
                .into_iter()
                .map(|s| {
                    let mut range = s.statement_span;
                    // Include the terminating `;` when it follows directly.
                    if file.text.as_bytes().get(range.end as usize) == Some(&b';') {
                        range.end += 1;
                    }
                    let mut detail = s.kind.noun().to_string();
                    if let Some(label) = s.kind.type_label() {
                        detail.push_str(&format!(" · {label}"));
                    }
                    DocumentSymbol {
                        name: file.text.get(s.name_span.range()).unwrap_or("").to_string(),
                        detail: Some(detail),
                        kind: symbol_kind(s.kind),
                        tags: None,
                        deprecated: None,
                        range: text.range(range, encoding),
                        selection_range: text.range(s.name_span, encoding),
                        children: None,
                    }
                })
                .collect();
            Ok(Some(DocumentSymbolResponse::Nested(list)))
        })
        .await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        let path = uri_to_path(&uri);
        let range = params.range;
        let context = params.context;
        self.query("codeAction", move |ws, encoding| {
            let Some(file) = ws.file(&path) else {
                return Ok(None);
            };
            let text = TextRef::of(file);
            let requested = text.span(range, encoding);
            let diagnostics = ws
                .lint(std::slice::from_ref(&path))
                .into_iter()
                .next()
                .map(|r| r.diagnostics)
                .unwrap_or_default();
            let mut out: Vec<CodeActionOrCommand> = Vec::new();
            if wanted(&context.only, CodeActionKind::QUICKFIX.as_str()) {
                for (i, d) in diagnostics.iter().enumerate() {
                    let overlaps = d.span.start <= requested.end && requested.start <= d.span.end;
                    let named = context
                        .diagnostics
                        .iter()
                        .any(|c| convert::same_diagnostic(c, d, text, encoding));
                    if !overlaps && !named {
                        continue;
                    }
                    let lsp_diagnostic = convert::diagnostic(d, text, encoding, |_| None);
                    for action in actions::quick_fixes(file, &diagnostics, i) {
                        let edit = (!action.edits.is_empty()).then(|| WorkspaceEdit {
                            changes: Some(HashMap::from([(
                                uri.clone(),
                                action
                                    .edits
                                    .iter()
                                    .map(|e| lsp_edit(e, text, encoding))
                                    .collect(),
                            )])),
                            ..WorkspaceEdit::default()
                        });
                        out.push(CodeActionOrCommand::CodeAction(CodeAction {
                            title: action.title,
                            kind: Some(CodeActionKind::QUICKFIX),
                            diagnostics: Some(vec![lsp_diagnostic.clone()]),
                            edit,
                            command: None,
                            is_preferred: action.preferred.then_some(true),
                            disabled: action.disabled.map(|reason| CodeActionDisabled { reason }),
                            data: None,
                        }));
                    }
                }
            }
            if wanted(&context.only, FIX_ALL_KIND) {
                if let Some(action) = actions::fix_all(file, &diagnostics) {
                    debug_assert_eq!(action.kind, ActionKind::FixAll);
                    out.push(CodeActionOrCommand::CodeAction(CodeAction {
                        title: action.title,
                        kind: Some(CodeActionKind::from(FIX_ALL_KIND.to_string())),
                        diagnostics: None,
                        edit: Some(WorkspaceEdit {
                            changes: Some(HashMap::from([(
                                uri.clone(),
                                action
                                    .edits
                                    .iter()
                                    .map(|e| lsp_edit(e, text, encoding))
                                    .collect(),
                            )])),
                            ..WorkspaceEdit::default()
                        }),
                        command: None,
                        is_preferred: None,
                        disabled: None,
                        data: None,
                    }));
                }
            }
            Ok(Some(out))
        })
        .await
    }
}

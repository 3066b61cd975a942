//! The mzlint language server: LSP 3.17 over stdio (interfaces.md §7).
//!
//! Users start it as `mzlint server` (the CLI crate calls [`run_stdio`]).
//! It keeps the open documents and an index of every SQL file under the
//! workspace folders, lints through the same driver as `mzlint check`
//! (`mzlint_linter::lint`), and maps diagnostics, fixes, hover, completion
//! and navigation to LSP.
//!
//! The feature modules work on byte offsets and are public (in [`engine`])
//! so that the latency benchmark can drive the exact code path the LSP
//! handlers use, in process.

mod actions;
mod completion;
mod context;
mod convert;
mod hover;
mod server;
mod symbols;
mod transport;
mod workspace;

use std::process::ExitCode;
use std::sync::atomic::Ordering;

use tokio::io::{AsyncRead, AsyncWrite};
use tower_lsp_server::{LspService, Server};

pub use server::{ServeOptions, FIX_ALL_KIND};

/// The in-process API the LSP handlers are built on (for benchmarks and
/// tests; not a stable interface).
pub mod engine {
    pub use crate::actions::{fix_all, quick_fixes, Action, ActionKind, TextEdit};
    pub use crate::completion::{complete, Completion, Item, ItemKind, MAX_OBJECT_ITEMS};
    pub use crate::convert::{path_to_uri, publishable};
    pub use crate::hover::{hover, HoverResult};
    pub use crate::symbols::{Expect, Ns, SymKind, Symbol, SymbolIndex};
    pub use crate::workspace::{apply_change, FileDiagnostics, Loader, TextChange, Workspace};
}

/// Serve LSP on `input`/`output` until `exit` (or end of input). Returns
/// the process status LSP asks for: 0 after `shutdown` then `exit`, else 1.
pub async fn serve<I, O>(input: I, output: O, options: ServeOptions) -> ExitCode
where
    I: AsyncRead + Unpin + Send + 'static,
    O: AsyncWrite + Unpin + Send + 'static,
{
    let builder = LspService::build(|client| server::Backend::new(client, options.clone()));
    let builder = if options.test_hooks {
        builder.custom_method("mzlint/testPanic", server::Backend::test_panic)
    } else {
        builder
    };
    let (service, socket) = builder.finish();
    let shared = service.inner().shared();

    // The framing guard sits between stdio and tower-lsp-server.
    let (server_in, guard_in) = tokio::io::duplex(1 << 20);
    let (guard_out, server_out) = tokio::io::duplex(1 << 20);
    let (errors_tx, errors_rx) = tokio::sync::mpsc::unbounded_channel();
    let input_task = tokio::spawn(transport::pump_input(input, guard_in, errors_tx));
    let output_task = tokio::spawn(transport::pump_output(server_out, output, errors_rx));

    Server::new(server_in, guard_out, socket)
        .serve(service)
        .await;
    // The server dropped its output: the writer drains and ends.
    let _ = output_task.await;
    input_task.abort();

    if shared.shutdown.load(Ordering::SeqCst) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// `mzlint server`: serve on stdin/stdout with the default options.
pub fn run_stdio() -> ExitCode {
    run_stdio_with(ServeOptions::default())
}

/// [`run_stdio`] with explicit options.
pub fn run_stdio_with(options: ServeOptions) -> ExitCode {
    // Panic messages may quote data; say only where it happened (rules.md §2).
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("mzlint server: internal error{location}");
    }));
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("mzlint-server")
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("mzlint server: cannot start the runtime: {error}");
            return ExitCode::from(2);
        }
    };
    let code = runtime.block_on(serve(tokio::io::stdin(), tokio::io::stdout(), options));
    // Reading stdin blocks a thread that cannot be interrupted: do not wait.
    runtime.shutdown_background();
    code
}

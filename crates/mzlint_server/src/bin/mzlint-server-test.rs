//! A stand-alone build of the language server for this crate's end-to-end
//! tests, so they do not depend on the CLI crate. Users run `mzlint server`,
//! which calls the same `mzlint_server::run_stdio`.
//!
//! Accepts (and ignores) `--stdio`, which LSP clients may pass. With
//! `--test-hooks`, registers `mzlint/testPanic` for the panic-isolation test.
//! `MZLINT_SERVER_DEBOUNCE_MS` overrides the debounce.

use std::process::ExitCode;
use std::time::Duration;

fn main() -> ExitCode {
    let mut options = mzlint_server::ServeOptions::default();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--stdio" | "server" => {}
            "--test-hooks" => options.test_hooks = true,
            other => {
                eprintln!("mzlint-server-test: unknown argument {other}");
                return ExitCode::from(2);
            }
        }
    }
    if let Some(ms) = std::env::var("MZLINT_SERVER_DEBOUNCE_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        options.debounce = Duration::from_millis(ms);
    }
    mzlint_server::run_stdio_with(options)
}

//! The `mzlint` command line: `check` (the default), `rule`, `server`.
//!
//! `main.rs` only calls [`main`]; everything else lives here so that the
//! reporters can be unit-tested.
//!
//! Choices where interfaces.md is silent:
//!
//! * Summary (`full`, `concise`, `--statistics`; not with `-q`):
//!   `Found N problem(s) (E error(s), W warning(s), I info(s)) in F file(s)`
//!   listing only non-zero severities, then `; K fixable with --fix`,
//!   `; K fixable with --fix (U more with --unsafe-fixes)` or
//!   `; U fixable with --fix --unsafe-fixes`, then `.`; a clean run prints
//!   `All checks passed (N file(s)).`; after `--fix` changed something,
//!   `Fixed N problem(s) in F file(s).` comes first. "fixable" counts what
//!   `--fix` would apply with the run's flags (`--unsafe-fixes` included).
//! * `json`'s `summary.files` is the number of files checked; `fixable` as
//!   above.
//! * Order: every format sorts by path as reported, then row, column, code.
//!   File ids (the linter's project order) follow the absolute, lexically
//!   normalised paths, which orders files as "relative to the project root".
//! * Paths: as given; files found by walking `.` lose the leading `./`.
//!   The same file named twice is linted once.
//! * Standard input is named `-` without `--stdin-filename`; `--fix` on it
//!   prints the fixed text on stdout and the report on stderr.
//! * `--diff` prints only diffs (stdout or `-o`) and `Would fix …` on stderr.
//! * `--statistics` prints `COUNT  CODE  name` lines (` [*]` when fixable),
//!   most frequent first, or a JSON array with `--output-format json`.
//! * A panic is exit status 2 with its location but not its message, which
//!   could quote linted text (rules.md §2).

use std::ffi::OsString;
use std::process::ExitCode;

use clap::Parser;

pub mod check;
pub mod cli;
pub mod discover;
pub mod fixer;
pub mod report;
pub mod rule_cmd;

/// The exit statuses of interfaces.md §2.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitStatus {
    /// Nothing at or above the fail level.
    Success = 0,
    /// Something is.
    Failure = 1,
    /// The run itself failed.
    Error = 2,
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> Self {
        ExitCode::from(status as u8)
    }
}

/// Parse `args` (program name first) and run.
pub fn run(args: Vec<OsString>) -> ExitStatus {
    let cli = match cli::Cli::try_parse_from(cli::with_default_subcommand(args)) {
        Ok(cli) => cli,
        Err(error) => {
            // `--help` and `--version` are "errors" that exit 0.
            let _ = error.print();
            return if error.use_stderr() {
                ExitStatus::Error
            } else {
                ExitStatus::Success
            };
        }
    };
    let result = match cli.command {
        cli::Command::Check(args) => check::run(args),
        cli::Command::Rule(args) => rule_cmd::run(args).map(|()| ExitStatus::Success),
        // Reached only through `run` (tests); `main` hands `server` to the
        // language server before parsing the rest.
        cli::Command::Server(_) => Ok(ExitStatus::from_code(mzlint_server::run_stdio())),
    };
    match result {
        Ok(status) => status,
        Err(error) => {
            eprintln!("error: {error}");
            ExitStatus::Error
        }
    }
}

/// `mzlint server [--stdio]`.
fn is_server_invocation(args: &[OsString]) -> bool {
    args.get(1).is_some_and(|a| a == "server") && args[2..].iter().all(|a| a == "--stdio")
}

impl ExitStatus {
    fn from_code(code: ExitCode) -> ExitStatus {
        if code == ExitCode::SUCCESS {
            ExitStatus::Success
        } else {
            ExitStatus::Failure
        }
    }
}

/// The binary's entry point: a panic is an internal error (exit status 2),
/// reported without its payload, which could quote a secret-bearing value
/// (rules.md §2), but with its location.
pub fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "error: internal error: mzlint panicked{location}; please report it (the message is withheld because it may quote the linted text)"
        );
    }));
    let args: Vec<OsString> = std::env::args_os().collect();
    // The language server owns stdin/stdout and its own exit status
    // (0 after `shutdown` then `exit`).
    if is_server_invocation(&args) {
        return mzlint_server::run_stdio();
    }
    match std::panic::catch_unwind(|| run(args)) {
        Ok(status) => status.into(),
        Err(_) => ExitStatus::Error.into(),
    }
}

//! The `mzlint` command line: `check` (the default), `rule`, `server`.
//!
//! `main.rs` only calls [`main`]; everything else lives here so that the
//! reporters can be unit-tested.

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
        cli::Command::Server(_) => {
            Err(check::RunError("language server not built yet".to_string()))
        }
    };
    match result {
        Ok(status) => status,
        Err(error) => {
            eprintln!("error: {error}");
            ExitStatus::Error
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
    match std::panic::catch_unwind(|| run(args)) {
        Ok(status) => status.into(),
        Err(_) => ExitStatus::Error.into(),
    }
}

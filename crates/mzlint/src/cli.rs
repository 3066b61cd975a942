//! The command line (interfaces.md §1–§2), parsed with clap.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "mzlint",
    version,
    about = "A linter for Materialize SQL DDL",
    long_about = "A linter for Materialize SQL DDL.\n\n`mzlint PATHS` is short for `mzlint check PATHS`."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint files and directories (the default command).
    Check(CheckArgs),
    /// Print a rule's documentation, or every rule's.
    Rule(RuleArgs),
    /// Run the language server (JSON-RPC over stdin/stdout).
    Server(ServerArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Full,
    Concise,
    Json,
    JsonLines,
    Sarif,
    Github,
    Gitlab,
    Junit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOnArg {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// Files and directories to lint; `-` reads standard input. Default: `.`.
    pub paths: Vec<PathBuf>,

    /// How to print diagnostics.
    #[arg(long, value_enum, default_value_t = OutputFormat::Full, value_name = "FMT")]
    pub output_format: OutputFormat,

    /// Write the report to FILE instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output_file: Option<PathBuf>,

    /// Rules to enable (codes, code prefixes, names or ALL), replacing the configuration's.
    #[arg(long, value_delimiter = ',', value_name = "LIST")]
    pub select: Option<Vec<String>>,

    /// Rules to disable, added to the configuration's.
    #[arg(long, value_delimiter = ',', value_name = "LIST")]
    pub ignore: Vec<String>,

    /// Rules to enable on top of the selection.
    #[arg(long, value_delimiter = ',', value_name = "LIST")]
    pub extend_select: Vec<String>,

    /// Apply safe fixes in place, then report what remains.
    #[arg(long)]
    pub fix: bool,

    /// With --fix (or --diff), apply unsafe fixes too.
    #[arg(long)]
    pub unsafe_fixes: bool,

    /// Print the fixes as a unified diff and change nothing; exit 1 if there is a diff.
    #[arg(long)]
    pub diff: bool,

    /// The least severity that makes the exit status 1.
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub fail_on: Option<FailOnArg>,

    /// Exit 0 whenever the run itself succeeded.
    #[arg(long)]
    pub exit_zero: bool,

    /// Use this configuration file for every linted file.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,

    /// Ignore configuration files.
    #[arg(long)]
    pub isolated: bool,

    /// Print one line per rule with its count, instead of the diagnostics.
    #[arg(long)]
    pub statistics: bool,

    /// Worker threads (default: the number of CPUs).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// Colour in the `full` and `concise` formats.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// No summary line.
    #[arg(short, long)]
    pub quiet: bool,

    /// The name of standard input in reports, also used to find its configuration.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RuleFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Args)]
pub struct RuleArgs {
    /// A rule code (`MZ200`) or name (`missing-ssl-mode`).
    #[arg(required_unless_present = "all", conflicts_with = "all")]
    pub rule: Option<String>,

    /// Every rule.
    #[arg(long)]
    pub all: bool,

    /// `text` prints markdown; `json` prints the rule metadata.
    #[arg(long, value_enum, default_value_t = RuleFormat::Text, value_name = "FMT")]
    pub output_format: RuleFormat,
}

#[derive(Debug, Clone, Args)]
pub struct ServerArgs {
    /// Use stdin/stdout (the only transport; accepted for editor clients).
    #[arg(long)]
    pub stdio: bool,
}

const SUBCOMMANDS: &[&str] = &["check", "rule", "server", "help"];
const TOP_LEVEL_FLAGS: &[&str] = &["-h", "--help", "-V", "--version"];

/// Insert `check` when the first argument is not a subcommand or a
/// top-level flag, so that `mzlint PATHS` means `mzlint check PATHS`.
pub fn with_default_subcommand(args: Vec<OsString>) -> Vec<OsString> {
    let mut args = args;
    let needs_check = match args.get(1).and_then(|a| a.to_str()) {
        None => true,
        Some(first) => !SUBCOMMANDS.contains(&first) && !TOP_LEVEL_FLAGS.contains(&first),
    };
    if needs_check {
        let at = 1.min(args.len());
        args.insert(at, OsString::from("check"));
    }
    args
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Cli {
        let args = std::iter::once("mzlint")
            .chain(args.iter().copied())
            .map(OsString::from)
            .collect();
        Cli::try_parse_from(with_default_subcommand(args)).unwrap()
    }

    #[test]
    fn check_is_the_default_command() {
        let Command::Check(check) = parse(&[]).command else {
            panic!("expected check");
        };
        assert!(check.paths.is_empty());
        let Command::Check(check) = parse(&["a.sql", "--fix"]).command else {
            panic!("expected check");
        };
        assert_eq!(check.paths, vec![PathBuf::from("a.sql")]);
        assert!(check.fix);
        let Command::Check(check) = parse(&["--select", "MZ2,MZ001", "-"]).command else {
            panic!("expected check");
        };
        assert_eq!(check.select.unwrap(), vec!["MZ2", "MZ001"]);
        assert_eq!(check.paths, vec![PathBuf::from("-")]);
    }

    #[test]
    fn subcommands_parse() {
        assert!(matches!(
            parse(&["rule", "MZ200"]).command,
            Command::Rule(RuleArgs { rule: Some(_), .. })
        ));
        assert!(matches!(
            parse(&["server", "--stdio"]).command,
            Command::Server(ServerArgs { stdio: true })
        ));
    }
}

//! `mzlint check`: collect inputs, resolve configuration, load and parse
//! in parallel, lint (and fix), report, and decide the exit status.

use std::collections::HashSet;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use mzlint_linter::config::{CliOverrides, ConfigResolver};
use mzlint_linter::fix::{self, FixMode};
use mzlint_linter::load::{self, load_bytes, load_file};
use mzlint_linter::registry;
use mzlint_linter::settings::FailOn;
use mzlint_linter::{lint_files, FileId, Settings, Severity, SourceFile};
use rayon::prelude::*;

use crate::cli::{CheckArgs, ColorChoice, FailOnArg, OutputFormat};
use crate::discover::{self, absolutize, Candidate};
use crate::fixer;
use crate::report::{self, statistics, Options, Report};
use crate::ExitStatus;

/// A failure of the run itself (exit status 2), printed as `error: …`.
#[derive(Debug)]
pub struct RunError(pub String);

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<mzlint_linter::config::ConfigError> for RunError {
    fn from(e: mzlint_linter::config::ConfigError) -> Self {
        RunError(e.to_string())
    }
}

/// Run `mzlint check`.
pub fn run(args: CheckArgs) -> Result<ExitStatus, RunError> {
    validate_selectors(&args)?;
    if let Some(config) = &args.config {
        if !config.is_file() {
            return Err(RunError(format!(
                "configuration file {} does not exist",
                config.display()
            )));
        }
    }
    if let Some(jobs) = args.jobs {
        // Fails only if a pool exists already (tests calling `run` twice).
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs as usize)
            .build_global();
    }
    let cwd = std::env::current_dir()
        .map_err(|e| RunError(format!("cannot read the working directory: {e}")))?;
    let resolver = ConfigResolver::new(overrides(&args));

    // 1. Inputs.
    let mut warnings = Vec::new();
    let mut candidates = collect(&args, &cwd, &resolver, &mut warnings)?;
    let extra = discover::project_files(&candidates, &cwd, &resolver)?;
    candidates.extend(extra);
    // Project order: byte-wise on the paths (rules.md §1.2); absolute paths
    // share the project root's prefix, so this orders them as relative ones.
    candidates
        .sort_by_cached_key(|c| (c.absolute.as_os_str().as_encoded_bytes().to_vec(), c.stdin));
    // `files.upstream`, as the language server reads it: when it is set, a
    // file it does not match is Materialize SQL.
    let upstream: Vec<Option<bool>> = candidates
        .iter()
        .map(|c| load::upstream_for(&c.settings, &c.absolute))
        .collect();
    let stdin_bytes = if candidates.iter().any(|c| c.stdin) {
        let mut bytes = Vec::new();
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| RunError(format!("cannot read standard input: {e}")))?;
        Some(bytes)
    } else {
        None
    };

    // 2. Load and parse, in parallel; ids are indices in project order.
    let mut files: Vec<SourceFile> = candidates
        .par_iter()
        .zip(upstream.par_iter())
        .enumerate()
        .map(|(i, (candidate, &upstream))| {
            let id = FileId(i as u32);
            match (&stdin_bytes, candidate.stdin) {
                (Some(bytes), true) => {
                    load_bytes(id, candidate.display.clone(), bytes.clone(), upstream)
                }
                _ => {
                    let mut file = load_file(id, &candidate.display, upstream);
                    file.path = candidate.display.clone();
                    file
                }
            }
        })
        .collect();
    let settings: Vec<&Settings> = candidates.iter().map(|c| &*c.settings).collect();
    let checked: Vec<usize> = (0..candidates.len())
        .filter(|&i| candidates[i].checked)
        .collect();
    if checked.is_empty() && !args.quiet {
        warnings.push("no files to lint".to_string());
    }
    for warning in &warnings {
        eprintln!("warning: {warning}");
    }

    // 3. Lint, and fix.
    let fixing = args.fix || args.diff;
    let mode = if args.unsafe_fixes {
        FixMode::Unsafe
    } else {
        FixMode::Safe
    };
    let originals: Vec<String> = if fixing {
        files.iter().map(|f| f.text.clone()).collect()
    } else {
        Vec::new()
    };
    let (diagnostics, applied) = if fixing {
        let fixable: Vec<bool> = candidates.iter().map(|c| c.checked).collect();
        let fixed = fixer::fix_project(&mut files, &settings, &fixable, mode);
        (fixed.diagnostics, fixed.applied)
    } else {
        (lint_files(&files, &settings), vec![0; files.len()])
    };

    if args.diff {
        return write_diff(&args, &files, &originals, &checked, &applied);
    }

    // 4. Write the fixed files, atomically, only those that changed
    //    (standard input's text goes to stdout, fixed or not).
    let mut stdin_fixed: Option<Vec<u8>> = None;
    let mut fixed_files = 0;
    let mut fixes_written = 0;
    let mut write_errors = Vec::new();
    if args.fix {
        for &i in &checked {
            let file = &files[i];
            if candidates[i].stdin {
                stdin_fixed = Some(if file.text == originals[i] {
                    stdin_bytes.clone().unwrap_or_default()
                } else {
                    with_bom(file)
                });
                if file.text != originals[i] {
                    fixed_files += 1;
                    fixes_written += applied[i];
                }
                continue;
            }
            if file.text == originals[i] {
                continue;
            }
            match fix::write_fixed(file, &file.text) {
                Ok(()) => {
                    fixed_files += 1;
                    fixes_written += applied[i];
                }
                Err(e) => write_errors.push(format!("cannot write {}: {e}", file.display_path())),
            }
        }
    }

    // 5. Report.
    let mut rules: Vec<_> = Vec::new();
    for &i in &checked {
        for rule in settings[i].rules.enabled_rules() {
            if !rules
                .iter()
                .any(|r: &&mzlint_linter::RuleMeta| r.code == rule.code)
            {
                rules.push(rule);
            }
        }
    }
    rules.sort_by_key(|r| r.code);
    let mut report = Report::new(&files, &checked, &diagnostics, rules, args.unsafe_fixes);
    if args.fix {
        report.fixed = Some((fixes_written, fixed_files));
    }
    let to_stderr = stdin_fixed.is_some() && args.output_file.is_none();
    if let Some(bytes) = &stdin_fixed {
        let mut stdout = io::stdout().lock();
        ignore_broken_pipe(stdout.write_all(bytes).and_then(|_| stdout.flush()))
            .map_err(|e| RunError(format!("cannot write to standard output: {e}")))?;
    }
    let options = Options {
        color: use_color(&args, to_stderr),
        quiet: args.quiet,
    };
    let result = with_output(&args, to_stderr, |out| {
        if args.statistics {
            statistics::write(&report, args.output_format, out, options)
        } else {
            report::write(args.output_format, &report, out, options)
        }
    });
    result.map_err(|e| RunError(format!("cannot write the report: {e}")))?;
    if !write_errors.is_empty() {
        for error in &write_errors {
            eprintln!("error: {error}");
        }
        return Ok(ExitStatus::Error);
    }

    // 6. Exit status.
    if args.exit_zero {
        return Ok(ExitStatus::Success);
    }
    let cli_fail_on = args.fail_on.map(|f| match f {
        FailOnArg::Error => FailOn::Level(Severity::Error),
        FailOnArg::Warning => FailOn::Level(Severity::Warning),
        FailOnArg::Info => FailOn::Level(Severity::Info),
        FailOnArg::Never => FailOn::Never,
    });
    let failed = report.entries.iter().any(|entry| {
        let settings = settings[entry.file.id.0 as usize];
        let fail_on = cli_fail_on
            .or(settings.fail_on)
            .unwrap_or(FailOn::Level(Severity::Warning));
        match fail_on {
            FailOn::Never => false,
            FailOn::Level(level) => entry.diagnostic.severity >= level,
        }
    });
    Ok(if failed {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

/// The command line's part of the configuration: the resolver applies it
/// on top of each file's configuration (`--select` replaces, the others
/// add), exactly as the language server applies the editor's settings.
/// Empty list items (`--select MZ200,`) are dropped.
fn overrides(args: &CheckArgs) -> CliOverrides {
    let list = |items: &[String]| -> Vec<String> {
        items
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    };
    CliOverrides {
        config_file: args.config.clone(),
        isolated: args.isolated,
        select: args.select.as_deref().map(list),
        ignore: list(&args.ignore),
        extend_select: list(&args.extend_select),
    }
}

/// Every selector must name a rule (exit status 2 otherwise), checked
/// before any file is read.
fn validate_selectors(args: &CheckArgs) -> Result<(), RunError> {
    let lists: [(&str, &[String]); 3] = [
        ("--select", args.select.as_deref().unwrap_or(&[])),
        ("--ignore", &args.ignore),
        ("--extend-select", &args.extend_select),
    ];
    for (flag, list) in lists {
        for selector in list {
            let selector = selector.trim();
            if selector.is_empty() {
                continue;
            }
            if registry::select(selector).is_none() {
                return Err(RunError(format!(
                    "{flag}: unknown rule code, prefix or name '{selector}'"
                )));
            }
        }
    }
    Ok(())
}

/// The files named on the command line, directories walked.
fn collect(
    args: &CheckArgs,
    cwd: &Path,
    resolver: &ConfigResolver,
    warnings: &mut Vec<String>,
) -> Result<Vec<Candidate>, RunError> {
    let mut paths = args.paths.clone();
    if paths.is_empty() {
        paths.push(PathBuf::from(if args.stdin_filename.is_some() {
            "-"
        } else {
            "."
        }));
    }
    let mut out: Vec<Candidate> = Vec::new();
    let mut stdin_seen = false;
    for path in &paths {
        if path == Path::new("-") {
            if stdin_seen {
                continue;
            }
            stdin_seen = true;
            let display = args
                .stdin_filename
                .clone()
                .unwrap_or_else(|| PathBuf::from("-"));
            let absolute = absolutize(&display, cwd);
            out.push(Candidate {
                settings: resolver.settings_for(&absolute)?,
                display,
                absolute,
                stdin: true,
                checked: true,
            });
            continue;
        }
        let metadata = path.symlink_metadata().map_err(|e| {
            if e.kind() == io::ErrorKind::NotFound {
                RunError(format!("{}: no such file or directory", path.display()))
            } else {
                RunError(format!("{}: {e}", path.display()))
            }
        })?;
        if metadata.is_dir() {
            out.extend(discover::walk(path, cwd, resolver, warnings)?);
        } else {
            let absolute = absolutize(path, cwd);
            out.push(Candidate {
                settings: resolver.settings_for(&absolute)?,
                display: path.clone(),
                absolute,
                stdin: false,
                checked: true,
            });
        }
    }
    // The same file named twice (`a.sql .`) is linted once, as first named.
    let mut seen = HashSet::new();
    out.retain(|c| c.stdin || seen.insert(c.absolute.clone()));
    Ok(out)
}

/// A fixed file's bytes, its BOM restored (for standard input; files on
/// disk go through [`fix::write_fixed`]).
fn with_bom(file: &SourceFile) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(file.text.len() + 3);
    if file.has_bom {
        bytes.extend_from_slice(load::UTF8_BOM);
    }
    bytes.extend_from_slice(file.text.as_bytes());
    bytes
}

/// `--diff`: the fixes as unified diffs of the secret-masked texts.
fn write_diff(
    args: &CheckArgs,
    files: &[SourceFile],
    originals: &[String],
    checked: &[usize],
    applied: &[usize],
) -> Result<ExitStatus, RunError> {
    let mut changed: Vec<usize> = checked
        .iter()
        .copied()
        .filter(|&i| files[i].text != originals[i])
        .collect();
    changed.sort_by_cached_key(|&i| files[i].display_path());
    let result = with_output(args, false, |out| {
        for &i in &changed {
            let path = files[i].display_path();
            let diff = fix::redacted_diff(&path, &originals[i], &files[i].text);
            out.write_all(diff.as_bytes())?;
        }
        Ok(())
    });
    result.map_err(|e| RunError(format!("cannot write the diff: {e}")))?;
    if !args.quiet {
        let fixes: usize = changed.iter().map(|&i| applied[i]).sum();
        if fixes > 0 {
            eprintln!(
                "Would fix {} in {}.",
                report::plural(fixes, "problem", "problems"),
                report::plural(changed.len(), "file", "files")
            );
        } else {
            eprintln!("No fixes to apply.");
        }
    }
    Ok(if changed.is_empty() || args.exit_zero {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}

/// Colour only for `full` and `concise`, per `--color`; `auto` means the
/// destination is a terminal and `NO_COLOR` is unset.
fn use_color(args: &CheckArgs, to_stderr: bool) -> bool {
    let text_format = matches!(
        args.output_format,
        OutputFormat::Full | OutputFormat::Concise
    ) || args.statistics;
    if !text_format {
        return false;
    }
    match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            args.output_file.is_none()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && if to_stderr {
                    io::stderr().is_terminal()
                } else {
                    io::stdout().is_terminal()
                }
        }
    }
}

/// Run `write` against `-o FILE`, stdout or stderr. A closed pipe
/// (`mzlint | head`) is not an error.
fn with_output(
    args: &CheckArgs,
    to_stderr: bool,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    if let Some(path) = &args.output_file {
        let mut out = BufWriter::new(File::create(path)?);
        write(&mut out)?;
        return out.flush();
    }
    if to_stderr {
        let mut out = BufWriter::new(io::stderr().lock());
        return ignore_broken_pipe(write(&mut out).and_then(|_| out.flush()));
    }
    let mut out = BufWriter::new(io::stdout().lock());
    ignore_broken_pipe(write(&mut out).and_then(|_| out.flush()))
}

fn ignore_broken_pipe(result: io::Result<()>) -> io::Result<()> {
    match result {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

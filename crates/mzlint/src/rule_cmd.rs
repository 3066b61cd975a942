//! `mzlint rule CODE_OR_NAME` / `mzlint rule --all`.

use std::io::{self, Write};

use mzlint_linter::registry::{self, RULES};
use mzlint_linter::rule::FixAvailability;
use mzlint_linter::RuleMeta;
use serde::Serialize;

use crate::check::RunError;
use crate::cli::{RuleArgs, RuleFormat};

#[derive(Serialize)]
struct RuleJson {
    code: &'static str,
    name: &'static str,
    severity: &'static str,
    enabled_by_default: bool,
    scope: &'static str,
    /// `none`, `safe`, `unsafe`, `display-only` or `sometimes`.
    fix: &'static str,
    summary: &'static str,
    explanation: String,
}

fn fix_str(fix: FixAvailability) -> &'static str {
    match fix {
        FixAvailability::None => "none",
        FixAvailability::Safe => "safe",
        FixAvailability::Unsafe => "unsafe",
        FixAvailability::DisplayOnly => "display-only",
        FixAvailability::Sometimes => "sometimes",
    }
}

fn to_json(rule: &'static RuleMeta) -> RuleJson {
    RuleJson {
        code: rule.code,
        name: rule.name,
        severity: rule.severity.as_str(),
        enabled_by_default: rule.enabled_by_default,
        scope: rule.scope.as_str(),
        fix: fix_str(rule.fix),
        summary: rule.summary,
        explanation: rule.explanation_markdown(),
    }
}

pub fn run(args: RuleArgs) -> Result<(), RunError> {
    let rules: Vec<&'static RuleMeta> = if args.all {
        RULES.to_vec()
    } else {
        let wanted = args.rule.as_deref().unwrap_or_default();
        let rule = registry::find(wanted)
            .ok_or_else(|| RunError(format!("unknown rule code or name '{wanted}'")))?;
        vec![rule]
    };
    let mut out = io::stdout().lock();
    let result = (|| -> io::Result<()> {
        match args.output_format {
            RuleFormat::Json if args.all => {
                let list: Vec<RuleJson> = rules.iter().map(|r| to_json(r)).collect();
                serde_json::to_writer_pretty(&mut out, &list)?;
                writeln!(out)
            }
            RuleFormat::Json => {
                serde_json::to_writer_pretty(&mut out, &to_json(rules[0]))?;
                writeln!(out)
            }
            RuleFormat::Text => {
                for (i, rule) in rules.iter().enumerate() {
                    if i > 0 {
                        writeln!(out)?;
                    }
                    write!(out, "{}", rule.markdown())?;
                }
                Ok(())
            }
        }
    })();
    match result {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(RunError(format!("cannot write to standard output: {e}")))
        }
        _ => Ok(()),
    }
}

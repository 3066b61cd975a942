//! `concise`: one line per diagnostic, then the summary line.
//!
//! `path:row:col: severity[CODE] message (name)`

use std::io::{self, Write};

use codespan_reporting::term::termcolor::{Buffer, Color, ColorSpec, WriteColor};
use mzlint_linter::Severity;

use super::{write_summary, Options, Report};

pub fn write(report: &Report<'_>, out: &mut dyn Write, options: Options) -> io::Result<()> {
    let mut buffer = if options.color {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    };
    for entry in &report.entries {
        let diagnostic = entry.diagnostic;
        buffer.set_color(ColorSpec::new().set_bold(true))?;
        write!(
            buffer,
            "{}:{}:{}:",
            entry.path, entry.start.0, entry.start.1
        )?;
        buffer.reset()?;
        write!(buffer, " ")?;
        let color = match diagnostic.severity {
            Severity::Error => Color::Red,
            Severity::Warning => Color::Yellow,
            Severity::Info => Color::Cyan,
        };
        buffer.set_color(ColorSpec::new().set_fg(Some(color)).set_bold(true))?;
        write!(
            buffer,
            "{}[{}]",
            diagnostic.severity.as_str(),
            diagnostic.rule.code
        )?;
        buffer.reset()?;
        writeln!(buffer, " {} ({})", diagnostic.message, diagnostic.rule.name)?;
    }
    out.write_all(buffer.as_slice())?;
    write_summary(report, out, options)
}

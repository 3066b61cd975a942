//! `github`: GitHub Actions workflow commands, one per diagnostic.
//!
//! `::warning file=PATH,line=R,col=C,endLine=R2,endColumn=C2,title=mzlint (MZ200)::MESSAGE`

use std::io::{self, Write};

use mzlint_linter::Severity;

use super::Report;

pub fn write(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    for entry in &report.entries {
        let diagnostic = entry.diagnostic;
        let command = match diagnostic.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            escape_property(&entry.path),
            entry.start.0,
            entry.start.1,
            entry.end.0,
            entry.end.1,
            escape_property(&format!("mzlint ({})", diagnostic.rule.code)),
            escape_data(&diagnostic.message),
        )?;
    }
    Ok(())
}

/// Escape a command's message: `%`, CR, LF.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a property value: also `:` and `,`.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape_data("100%\r\nok"), "100%25%0D%0Aok");
        assert_eq!(escape_property("a,b:c.sql"), "a%2Cb%3Ac.sql");
    }
}

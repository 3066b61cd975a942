//! `json-lines`: the diagnostic objects of `json`, one per line, no envelope.

use std::io::{self, Write};

use super::json::JsonDiagnostic;
use super::Report;

pub fn write(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    for entry in &report.entries {
        serde_json::to_writer(&mut *out, &JsonDiagnostic::new(report, entry))?;
        writeln!(out)?;
    }
    Ok(())
}

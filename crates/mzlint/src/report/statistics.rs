//! `--statistics`: one line per rule with its count, most frequent first
//! (ties by code). `json` prints `[{code, name, count, fixable}]`.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use crate::cli::OutputFormat;

use super::{write_summary, Options, Report};

#[derive(Serialize)]
struct Row {
    code: &'static str,
    name: &'static str,
    count: usize,
    fixable: usize,
}

pub fn write(
    report: &Report<'_>,
    format: OutputFormat,
    out: &mut dyn Write,
    options: Options,
) -> io::Result<()> {
    let mut rows: BTreeMap<&'static str, Row> = BTreeMap::new();
    for entry in &report.entries {
        let rule = entry.diagnostic.rule;
        let row = rows.entry(rule.code).or_insert(Row {
            code: rule.code,
            name: rule.name,
            count: 0,
            fixable: 0,
        });
        row.count += 1;
        if report.is_fixable(entry.diagnostic) {
            row.fixable += 1;
        }
    }
    let mut rows: Vec<Row> = rows.into_values().collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(b.code)));
    if matches!(format, OutputFormat::Json | OutputFormat::JsonLines) {
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        return writeln!(out);
    }
    let width = rows.first().map_or(1, |r| r.count.to_string().len());
    for row in &rows {
        let marker = if row.fixable > 0 { " [*]" } else { "" };
        writeln!(
            out,
            "{:>width$}  {}  {}{marker}",
            row.count, row.code, row.name
        )?;
    }
    write_summary(report, out, options)
}

//! `junit`: one `testsuite` per checked file, one failing `testcase` per
//! diagnostic, and one passing `testcase` for a clean file.

use std::io::{self, Write};

use super::{Entry, Report};

pub fn write(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let failures = report.entries.len();
    let tests: usize = report
        .checked
        .iter()
        .map(|file| entries_of(report, &file.display_path()).len().max(1))
        .sum();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="mzlint" tests="{tests}" failures="{failures}" errors="0">"#
    )?;
    for file in &report.checked {
        let path = file.display_path();
        let entries = entries_of(report, &path);
        let name = xml(&path);
        writeln!(
            out,
            r#"  <testsuite name="{name}" tests="{}" failures="{}" errors="0">"#,
            entries.len().max(1),
            entries.len()
        )?;
        if entries.is_empty() {
            writeln!(
                out,
                r#"    <testcase name="mzlint" classname="{name}" file="{name}"/>"#
            )?;
        }
        for entry in entries {
            let diagnostic = entry.diagnostic;
            writeln!(
                out,
                r#"    <testcase name="{} {} at {}:{}" classname="{name}" file="{name}" line="{}">"#,
                diagnostic.rule.code,
                diagnostic.rule.name,
                entry.start.0,
                entry.start.1,
                entry.start.0,
            )?;
            writeln!(
                out,
                r#"      <failure message="{}" type="{}">{}:{}:{}: {}[{}] {} ({})</failure>"#,
                xml(&diagnostic.message),
                diagnostic.severity.as_str(),
                name,
                entry.start.0,
                entry.start.1,
                diagnostic.severity.as_str(),
                diagnostic.rule.code,
                xml(&diagnostic.message),
                diagnostic.rule.name,
            )?;
            writeln!(out, "    </testcase>")?;
        }
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")
}

fn entries_of<'r, 'a>(report: &'r Report<'a>, path: &str) -> &'r [Entry<'a>] {
    // Entries are sorted by path: find the run of this one.
    let start = report.entries.partition_point(|e| e.path.as_str() < path);
    let end = report.entries.partition_point(|e| e.path.as_str() <= path);
    &report.entries[start..end]
}

/// Escape text for an XML attribute or element; drop characters XML 1.0
/// cannot hold.
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes() {
        assert_eq!(super::xml("a<b>&\"'\u{1}"), "a&lt;b&gt;&amp;&quot;&apos;");
    }
}

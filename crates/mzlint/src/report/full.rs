//! `full`: a code frame per diagnostic (codespan-reporting), then the
//! summary line.
//!
//! ```text
//! warning[MZ200]: connection `pg` to POSTGRES sets no SSL MODE, so it defaults to 'disable' (plaintext)
//!   ┌─ sql/connections.sql:3:19
//!   │
//! 3 │ CREATE CONNECTION pg TO POSTGRES (
//!   │                   ^^
//!   │
//!   = missing-ssl-mode
//!   = help: add SSL MODE 'verify_full', …
//!   = help: Add SSL MODE 'require' (unsafe fix)
//!
//! ```
//!
//! codespan-reporting has no `info` severity: infos are rendered as notes
//! and the header word is rewritten to `info` on the way out.

use std::io::{self, Write};

use codespan_reporting::diagnostic::{Diagnostic as Frame, Label, Severity as FrameSeverity};
use codespan_reporting::term::termcolor::{Buffer, WriteColor};
use codespan_reporting::term::{self, Config, WriteStyle};
use mzlint_linter::{Applicability, Severity};

use super::frames::FrameFiles;
use super::{write_summary, Entry, Options, Report};

pub fn write(report: &Report<'_>, out: &mut dyn Write, options: Options) -> io::Result<()> {
    let mut files = FrameFiles::new();
    for entry in &report.entries {
        files.add(entry.file);
        for related in &entry.diagnostic.related {
            if let Some(file) = report.file(related.file) {
                files.add(file);
            }
        }
    }
    let config = Config::default();
    for entry in &report.entries {
        let frame = frame(report, entry, &files);
        let mut buffer = if options.color {
            Buffer::ansi()
        } else {
            Buffer::no_color()
        };
        // The header shows the original start even inside a masked value.
        let file_id = entry.file.id.0 as usize;
        if let Ok(file) = files.get(file_id) {
            let start = file.map_span(entry.diagnostic.span).start;
            files.pin(file_id, start, entry.diagnostic.span.start);
        }
        let mut writer = InfoHeader::new(&mut buffer);
        let result = term::emit_to_write_style(&mut writer, &config, &files, &frame);
        files.unpin();
        result.map_err(io::Error::other)?;
        out.write_all(buffer.as_slice())?;
    }
    write_summary(report, out, options)
}

/// The codespan diagnostic for one entry.
fn frame(report: &Report<'_>, entry: &Entry<'_>, files: &FrameFiles) -> Frame<usize> {
    let diagnostic = entry.diagnostic;
    let severity = match diagnostic.severity {
        Severity::Error => FrameSeverity::Error,
        Severity::Warning => FrameSeverity::Warning,
        Severity::Info => FrameSeverity::Note,
    };
    let file_id = entry.file.id.0 as usize;
    let mut labels = Vec::new();
    if let Ok(file) = files.get(file_id) {
        labels.push(Label::primary(file_id, file.map_span(diagnostic.span)));
    }
    let mut notes = vec![diagnostic.rule.name.to_string()];
    if let Some(help) = &diagnostic.help {
        notes.push(format!("help: {help}"));
    }
    if let Some(fix) = &diagnostic.fix {
        let kind = match fix.applicability {
            Applicability::Safe => "safe fix",
            Applicability::Unsafe if report.unsafe_fixes => "unsafe fix",
            Applicability::Unsafe => "unsafe fix, with --unsafe-fixes",
            Applicability::DisplayOnly => "suggestion",
        };
        notes.push(format!("help: {} ({kind})", fix.message));
    }
    for note in &diagnostic.notes {
        notes.push(format!("note: {note}"));
    }
    for related in &diagnostic.related {
        let id = related.file.0 as usize;
        match files.get(id) {
            Ok(file) => labels.push(
                Label::secondary(id, file.map_span(related.span)).with_message(&related.message),
            ),
            Err(_) => notes.push(format!("note: {}", related.message)),
        }
    }
    Frame::new(severity)
        .with_code(diagnostic.rule.code)
        .with_message(&diagnostic.message)
        .with_labels(labels)
        .with_notes(notes)
}

/// Passes everything through, but writes `info` for the header word of a
/// note (codespan-reporting's severities have no `info`).
struct InfoHeader<W> {
    inner: W,
    rename_next: bool,
}

impl<W> InfoHeader<W> {
    fn new(inner: W) -> Self {
        InfoHeader {
            inner,
            rename_next: false,
        }
    }
}

impl<W: Write> Write for InfoHeader<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if std::mem::take(&mut self.rename_next) && buf.starts_with(b"note") {
            self.inner.write_all(b"info")?;
            self.inner.write_all(&buf[4..])?;
            return Ok(buf.len());
        }
        self.inner.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl<W: WriteColor> WriteStyle for InfoHeader<W> {
    fn set_header(&mut self, severity: FrameSeverity) -> io::Result<()> {
        self.rename_next = severity == FrameSeverity::Note;
        WriteStyle::set_header(&mut self.inner, severity)
    }

    fn set_header_message(&mut self) -> io::Result<()> {
        WriteStyle::set_header_message(&mut self.inner)
    }

    fn set_line_number(&mut self) -> io::Result<()> {
        WriteStyle::set_line_number(&mut self.inner)
    }

    fn set_note_bullet(&mut self) -> io::Result<()> {
        WriteStyle::set_note_bullet(&mut self.inner)
    }

    fn set_source_border(&mut self) -> io::Result<()> {
        WriteStyle::set_source_border(&mut self.inner)
    }

    fn set_label(
        &mut self,
        severity: FrameSeverity,
        style: codespan_reporting::diagnostic::LabelStyle,
    ) -> io::Result<()> {
        WriteStyle::set_label(&mut self.inner, severity, style)
    }

    fn reset(&mut self) -> io::Result<()> {
        WriteStyle::reset(&mut self.inner)
    }
}

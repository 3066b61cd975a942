use crate::prelude::*;

declare_rule! {
/// ## What it does
///
/// Reports a file mzlint could not lint:
///
/// * it cannot be opened or read — not found, permission denied, a directory,
///   an I/O error: `cannot read file: permission denied`;
/// * its content is not valid UTF-8: `file is not valid UTF-8: invalid byte
///   0xFC at byte offset 15; re-save it as UTF-8`, at the first invalid byte
///   (the byte offset counts from the start of the file on disk);
/// * it looks binary (a NUL byte comes before any invalid UTF-8): `file looks
///   binary (NUL byte at byte offset 7); not linted`;
/// * it is larger than 10 MiB — it is then not read at all: `file is 14.2 MiB,
///   over the 10 MiB limit; not linted`.
///
/// Other spans are line 1, column 1. A leading UTF-8 byte order mark is
/// accepted (and kept when `--fix` writes the file back).
///
/// No other rule runs on the file, and project rules treat it as absent.
/// Suppression comments cannot silence MZ001 (`ignore[MZ001]` is itself an
/// MZ003); configuration can (`ignore = ["MZ001"]`). The run goes on with the
/// other files: an unreadable file is a finding, not a failure of the run.
///
/// ## Why is this bad?
///
/// A file skipped silently hides every finding in it.
///
/// ## Example
///
/// A Latin-1 file whose first line is `-- Verbindung für das Lager` reports
/// `file is not valid UTF-8: invalid byte 0xFC at byte offset 15; re-save it
/// as UTF-8` at line 1, column 16. The same file saved as UTF-8 is linted
/// normally.
///
/// ## Fix
///
/// None: make the file readable, or re-save it as UTF-8.
    pub(crate) static RULE = {
        code: "MZ001",
        name: "io-error",
        severity: Error,
        scope: File,
        fix: None,
        fix_summary: "none",
        summary: "File unreadable, not UTF-8, or too large",
        check: Engine,
    }
}

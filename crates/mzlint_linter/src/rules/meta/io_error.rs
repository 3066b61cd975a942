use crate::prelude::*;

declare_rule! {
/// * **Detects** a file that cannot be opened or read (not found, permission denied, a directory, an I/O
///   error); content that is not valid UTF-8 (a leading UTF-8 BOM is accepted); a file over the maximum
///   size, 10 MiB (not read). No other rule runs on it; project rules treat it as absent; comments cannot
///   suppress MZ001. The run continues (`interfaces.md` §2).
/// * **Message** (span: line 1 column 1; for invalid UTF-8, the first invalid byte): `file is not valid
///   UTF-8: invalid byte 0xFC at byte offset 15; re-save it as UTF-8` (Bad example; span line 1,
///   column 16). Other forms: `cannot read file: permission denied`; `file is 14.2 MiB, over the 10 MiB
///   limit; not linted`.
/// * **Why**: a file skipped silently hides every finding in it.
/// * **Bad**: a Latin-1 file whose first line is `-- Verbindung für das Lager`. **Good**: the same file
///   saved as UTF-8.
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

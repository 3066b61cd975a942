use crate::prelude::*;

declare_rule! {
/// ## What it does
///
/// Reports a rule code or name in a well-formed suppression comment
/// (`-- mzlint: ignore[…]`, `file-ignore[…]`, `disable[…]`, line or block
/// comment) that suppressed nothing in this run. Each entry is judged on its
/// own, with one diagnostic per unused entry, at the entry:
/// `unused suppression: MZ201 (weak-ssl-mode) reported nothing here`.
///
/// **Not reported** for:
///
/// * rules disabled by configuration (`select`, `ignore`, `severity = "off"`,
///   `per-file-ignores`) — they did not run, so they could not report;
/// * comments covering a statement that did not parse (MZ000): rules did not
///   run there either;
/// * `MZ002` itself in a list;
/// * unknown or malformed entries: those are MZ003.
///
/// A `disable[X]` is judged over its whole range; its `enable[X]` goes with it.
///
/// ## Why is this bad?
///
/// A stale suppression hides the next real finding at that place
/// (sqlfluff/sqlfluff#2337; ruff's RUF100).
///
/// ## Example
///
/// ```sql
/// -- mzlint: ignore[MZ201] reached over VPN
/// CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'verify_full');
/// ```
///
/// reports `unused suppression: MZ201 (weak-ssl-mode) reported nothing here`,
/// since a verifying SSL mode is not weak. Use instead:
///
/// ```sql
/// CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'verify_full');
/// ```
///
/// ## Fix (safe)
///
/// "Remove unused suppression MZ201" deletes the entry with one separating
/// comma and the spaces around it (`ignore[MZ200, MZ201]` → `ignore[MZ200]`).
/// When no entry of the comment suppressed anything, "Remove unused
/// suppression comment" deletes the whole comment instead: with its line when
/// it stands alone, with the whitespace before it when it trails code. A
/// `disable`/`enable` pair is edited together, so no `enable` is left without
/// its `disable`.
    pub(crate) static RULE = {
        code: "MZ002",
        name: "unused-suppression",
        severity: Warning,
        scope: File,
        fix: Safe,
        fix_summary: "safe",
        summary: "Suppression (or one of its codes) suppressed nothing",
        check: Engine,
    }
}

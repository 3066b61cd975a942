use crate::prelude::*;

declare_rule! {
/// * **Detects** a code or rule name in a well-formed suppression comment (`interfaces.md` §4, line or
///   block comment) that suppressed nothing in this run; each code is judged separately.
/// * **Not** for codes of rules disabled by configuration, comments covering a statement with MZ000 (rules
///   did not run), codes naming MZ002, or malformed parts (MZ003).
/// * **Message** (span: the code; one diagnostic per unused code): `unused suppression: MZ201
///   (weak-ssl-mode) reported nothing here`.
/// * **Why**: stale suppressions hide future findings (sqlfluff/sqlfluff#2337; ruff RUF100).
/// * **Fix (safe)**: delete the code with its separating comma and spaces; when no code of the comment
///   suppressed anything, delete the whole comment instead — with its line when it stands alone, with its
///   preceding whitespace when it trails code. A `disable`/`enable` pair is edited together.
/// * **Bad**
///   ```sql
///   -- mzlint: ignore[MZ201] reached over VPN
///   CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'verify_full');
///   ```
/// * **Good**
///   ```sql
///   CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'verify_full');
///   ```
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

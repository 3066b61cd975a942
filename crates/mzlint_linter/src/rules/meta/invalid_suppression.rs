use crate::prelude::*;

declare_rule! {
/// * **Detects** a comment starting (after `--` or `/*` and spaces) with `mzlint:` (any case) that is not a
///   valid directive: unknown verb, missing or unbalanced brackets, empty or missing list (blanket
///   suppression is not supported), unknown code or rule name, `enable[X]` without an open `disable[X]`,
///   `disable[X]` never closed (it still applies to the end of the file). A malformed comment suppresses
///   nothing; in a valid list, unknown entries are ignored and the rest apply. Other tools' comments
///   (`-- noqa`) are not directives.
/// * **Message** (span: the entry, or the whole comment for structural errors): `unknown rule name
///   'missing-sll-mode' in suppression comment` — help: `did you mean 'missing-ssl-mode' (MZ200)?` (given
///   when exactly one code or name is within edit distance 2). Other forms: `unknown rule code MZ999 in
///   suppression comment`; `malformed suppression comment: expected ignore[…], file-ignore[…], disable[…]
///   or enable[…]`; `disable[MZ600] is never closed by enable[MZ600]`.
/// * **Why**: a suppression that silently does nothing, or too much, is worse than none (sbdchd/squawk#974).
/// * **Bad** (MZ200 is also reported, as info, since nothing suppresses it)
///   ```sql
///   -- mzlint: ignore[missing-sll-mode] bastion-only network
///   CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSH TUNNEL bastion);
///   ```
/// * **Good**
///   ```sql
///   -- mzlint: ignore[missing-ssl-mode] bastion-only network
///   CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSH TUNNEL bastion);
///   ```
    pub(crate) static RULE = {
        code: "MZ003",
        name: "invalid-suppression",
        severity: Warning,
        scope: File,
        fix: None,
        fix_summary: "none",
        summary: "Malformed suppression or unknown rule",
        check: Engine,
    }
}

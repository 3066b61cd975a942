use crate::prelude::*;

declare_rule! {
/// ## What it does
///
/// Reports a comment that starts — after `--` or `/*` and spaces — with
/// `mzlint:` (in any case) but is not a valid directive. The valid forms are
/// `ignore[…]`, `file-ignore[…]`, `disable[…]` and `enable[…]`, each with a
/// non-empty list of rule codes or names in brackets, separated by commas or
/// spaces, optionally followed by a reason.
///
/// | Problem | Message | Span |
/// |---|---|---|
/// | unknown verb, missing or unbalanced brackets, empty or missing list | `malformed suppression comment: expected ignore[…], file-ignore[…], disable[…] or enable[…]` (the help says which) | the comment |
/// | unknown code | `unknown rule code MZ999 in suppression comment` | the entry |
/// | unknown name | `unknown rule name 'missing-sll-mode' in suppression comment` | the entry |
/// | MZ001 named | `MZ001 (io-error) cannot be suppressed by a comment` | the entry |
/// | `enable[X]` with no open `disable[X]` | `enable[MZ600] without an open disable[MZ600]` | the entry |
/// | `disable[X]` again while open | `disable[MZ600] repeats the disable[MZ600] still open since line 3` | the entry |
/// | `disable[X]` never closed | `disable[MZ600] is never closed by enable[MZ600]` | the entry |
///
/// For an unknown code or name the help suggests `did you mean
/// 'missing-ssl-mode' (MZ200)?` when exactly one rule's code or name is within
/// edit distance 2; a prefix (`MZ2`) or `ALL` gets a help saying that
/// suppression comments take full codes or names (blanket suppression is not
/// supported).
///
/// A malformed comment suppresses nothing. In a valid list, unknown entries
/// are ignored and the rest apply. A `disable` that is never closed still
/// applies to the end of the file. Comments of other tools (`-- noqa`) and
/// comments that merely mention mzlint are not directives. MZ003 can itself be
/// silenced only by `-- mzlint: file-ignore[MZ003]` or by configuration.
///
/// ## Why is this bad?
///
/// A suppression that silently does nothing — or more than intended — is worse
/// than none (sbdchd/squawk#974).
///
/// ## Example
///
/// ```sql
/// -- mzlint: ignore[missing-sll-mode] bastion-only network
/// CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSH TUNNEL bastion);
/// ```
///
/// reports `unknown rule name 'missing-sll-mode' in suppression comment`, with
/// help `did you mean 'missing-ssl-mode' (MZ200)?`; MZ200 is reported too (as
/// info), since nothing suppresses it. Use instead:
///
/// ```sql
/// -- mzlint: ignore[missing-ssl-mode] bastion-only network
/// CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSH TUNNEL bastion);
/// ```
///
/// ## Fix
///
/// None: correct the comment.
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

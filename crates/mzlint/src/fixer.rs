//! `--fix` and `--diff` (interfaces.md §5), as thin wrappers.
//!
//! SWAP: the engine engineer is adding `fix_file` (the fix-until-stable
//! loop), `write_atomic` and `unified_diff` to `mzlint_linter::fix`. Until
//! they land, [`fix_until_stable`], [`write_atomic`] and [`unified_diff`]
//! implement the same contract here on top of `fix::apply_fixes`; when they
//! do, replace the bodies of these three functions with calls to the
//! engine's and delete the helpers below them.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use mzlint_linter::fix::{apply_fixes, FixMode};
use mzlint_linter::{lint_files, Diagnostic, Settings, SourceFile};
use mzlint_syntax::ast::StatementKind;
use mzlint_syntax::Span;

/// At most this many lint-and-fix rounds.
pub const MAX_ROUNDS: usize = 10;

/// Apply fixes to the files whose `fixable` flag is set, re-lint, and
/// repeat until nothing changes (at most [`MAX_ROUNDS`]). A round that
/// would make a file parse worse is dropped for that file, and fixes that
/// touch a statement with a syntax error are never applied. Returns the
/// final diagnostics and how many fixes were applied to each file;
/// `files` holds the fixed texts afterwards.
pub fn fix_until_stable(
    files: &mut [SourceFile],
    settings: &[&Settings],
    upstream: &[Option<bool>],
    fixable: &[bool],
    mode: FixMode,
) -> (Vec<Vec<Diagnostic>>, Vec<usize>) {
    let mut applied = vec![0usize; files.len()];
    let mut frozen = vec![false; files.len()];
    let mut diagnostics = lint_files(files, settings);
    for _ in 0..MAX_ROUNDS {
        let mut changed = false;
        for i in 0..files.len() {
            if !fixable[i] || frozen[i] || files[i].load_error.is_some() {
                continue;
            }
            let file = &files[i];
            let candidates = fix_candidates(file, &diagnostics[i]);
            if candidates.is_empty() {
                continue;
            }
            let (text, count) = apply_fixes(&file.text, &candidates, mode);
            if count == 0 || text == file.text {
                continue;
            }
            let fixed = SourceFile::new(file.id, file.path.clone(), text, upstream[i]);
            if fixed.parsed.errors.len() > file.parsed.errors.len() {
                frozen[i] = true; // never leave a file that parses worse
                continue;
            }
            files[i] = fixed;
            applied[i] += count;
            changed = true;
        }
        if !changed {
            break;
        }
        diagnostics = lint_files(files, settings);
    }
    (diagnostics, applied)
}

/// The diagnostics whose fixes may be applied: none that touches a
/// statement with a syntax error; inserted line breaks follow the file's.
fn fix_candidates(file: &SourceFile, diagnostics: &[Diagnostic]) -> Vec<Diagnostic> {
    let broken: Vec<Span> = file
        .parsed
        .statements
        .iter()
        .filter(|s| matches!(s.kind, StatementKind::Error(_)))
        .map(|s| s.span)
        .collect();
    let crlf = file.text.contains("\r\n");
    diagnostics
        .iter()
        .filter(|d| {
            d.fix.as_ref().is_some_and(|fix| {
                !fix.edits.iter().any(|e| {
                    broken
                        .iter()
                        .any(|b| b.start < e.span.end.max(e.span.start + 1) && e.span.start < b.end)
                })
            })
        })
        .cloned()
        .map(|mut d| {
            if crlf {
                if let Some(fix) = &mut d.fix {
                    for edit in &mut fix.edits {
                        if edit.content.contains('\n') {
                            edit.content = edit.content.replace("\r\n", "\n").replace('\n', "\r\n");
                        }
                    }
                }
            }
            d
        })
        .collect()
}

/// Write `text` to `path` atomically: a temporary file in the same
/// directory, then a rename. Keeps the file's permissions, a leading UTF-8
/// BOM, and writes through a symlink to its target.
pub fn write_atomic(path: &Path, text: &str) -> io::Result<()> {
    let target = fs::canonicalize(path)?;
    let original = fs::read(&target)?;
    let metadata = fs::metadata(&target)?;
    let dir = target.parent().unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".to_string());
    let tmp = dir.join(format!(".{name}.mzlint-{}.tmp", std::process::id()));
    let result = (|| {
        let mut out = fs::File::create(&tmp)?;
        if original.starts_with(b"\xEF\xBB\xBF") && !text.starts_with('\u{feff}') {
            out.write_all(b"\xEF\xBB\xBF")?;
        }
        out.write_all(text.as_bytes())?;
        out.sync_all()?;
        fs::set_permissions(&tmp, metadata.permissions())?;
        fs::rename(&tmp, &target)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// A unified diff (3 lines of context) from `old` to `new`, with
/// `--- a/PATH` / `+++ b/PATH` headers; empty when they are equal. The
/// caller masks secrets in both texts first (rules.md §2).
pub fn unified_diff(old: &str, new: &str, path: &str) -> String {
    if old == new {
        return String::new();
    }
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    let ops = diff_lines(&a, &b);
    let path = path.strip_prefix("./").unwrap_or(path);
    let mut out = format!("--- a/{path}\n+++ b/{path}\n");
    const CONTEXT: usize = 3;
    // Indices of changed ops, grouped into hunks.
    let changed: Vec<usize> = ops
        .iter()
        .enumerate()
        .filter(|(_, op)| !matches!(op, Op::Equal(..)))
        .map(|(i, _)| i)
        .collect();
    let mut groups: Vec<(usize, usize)> = Vec::new();
    for &i in &changed {
        let start = i.saturating_sub(CONTEXT);
        let end = (i + CONTEXT + 1).min(ops.len());
        match groups.last_mut() {
            Some(last) if start <= last.1 => last.1 = end,
            _ => groups.push((start, end)),
        }
    }
    for (start, end) in groups {
        let hunk = &ops[start..end];
        let (a_start, b_start) = match hunk[0] {
            Op::Equal(i, j) => (i, j),
            Op::Delete(i, j) => (i, j),
            Op::Insert(i, j) => (i, j),
        };
        let a_len = hunk.iter().filter(|o| !matches!(o, Op::Insert(..))).count();
        let b_len = hunk.iter().filter(|o| !matches!(o, Op::Delete(..))).count();
        let range = |start: usize, len: usize| {
            if len == 0 {
                format!("{start},0")
            } else if len == 1 {
                format!("{}", start + 1)
            } else {
                format!("{},{len}", start + 1)
            }
        };
        out.push_str(&format!(
            "@@ -{} +{} @@\n",
            range(a_start, a_len),
            range(b_start, b_len)
        ));
        for op in hunk {
            let (mark, line) = match *op {
                Op::Equal(i, _) => (' ', a[i]),
                Op::Delete(i, _) => ('-', a[i]),
                Op::Insert(_, j) => ('+', b[j]),
            };
            out.push(mark);
            out.push_str(line);
            if !line.ends_with('\n') {
                out.push_str("\n\\ No newline at end of file\n");
            }
        }
    }
    out
}

/// A line-level edit script: positions are (line in old, line in new).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Equal(usize, usize),
    Delete(usize, usize),
    Insert(usize, usize),
}

/// Common prefix and suffix, then an LCS table on what is left when it is
/// small enough (fixes are local); otherwise the middle is replaced whole.
fn diff_lines(a: &[&str], b: &[&str]) -> Vec<Op> {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a_mid, b_mid) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut ops: Vec<Op> = (0..prefix).map(|i| Op::Equal(i, i)).collect();
    let (n, m) = (a_mid.len(), b_mid.len());
    if n * m <= 4_000_000 {
        let mut lcs = vec![0u32; (n + 1) * (m + 1)];
        let at = |i: usize, j: usize| i * (m + 1) + j;
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                lcs[at(i, j)] = if a_mid[i] == b_mid[j] {
                    lcs[at(i + 1, j + 1)] + 1
                } else {
                    lcs[at(i + 1, j)].max(lcs[at(i, j + 1)])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n || j < m {
            if i < n && j < m && a_mid[i] == b_mid[j] {
                ops.push(Op::Equal(prefix + i, prefix + j));
                i += 1;
                j += 1;
            } else if j < m && (i == n || lcs[at(i, j + 1)] >= lcs[at(i + 1, j)]) {
                ops.push(Op::Insert(prefix + i, prefix + j));
                j += 1;
            } else {
                ops.push(Op::Delete(prefix + i, prefix + j));
                i += 1;
            }
        }
    } else {
        ops.extend((0..n).map(|i| Op::Delete(prefix + i, prefix)));
        ops.extend((0..m).map(|j| Op::Insert(prefix + n, prefix + j)));
    }
    ops.extend((0..suffix).map(|k| Op::Equal(a.len() - suffix + k, b.len() - suffix + k)));
    // Deletions before insertions within a change, as diff(1) prints them.
    let mut k = 0;
    while k < ops.len() {
        if matches!(ops[k], Op::Equal(..)) {
            k += 1;
            continue;
        }
        let end = ops[k..]
            .iter()
            .position(|o| matches!(o, Op::Equal(..)))
            .map_or(ops.len(), |p| k + p);
        ops[k..end].sort_by_key(|o| matches!(o, Op::Insert(..)));
        k = end;
    }
    ops
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_of_one_changed_line() {
        let old = "a\nb\nc\nd\ne\nf\ng\nh\n";
        let new = "a\nb\nc\nd\nE\nf\ng\nh\n";
        assert_eq!(
            unified_diff(old, new, "./x.sql"),
            "--- a/x.sql\n+++ b/x.sql\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n"
        );
    }

    #[test]
    fn diff_of_insertions_and_missing_newline() {
        assert_eq!(
            unified_diff("a\nb", "a\nx\nb", "t.sql"),
            "--- a/t.sql\n+++ b/t.sql\n@@ -1,2 +1,3 @@\n a\n+x\n b\n\\ No newline at end of file\n"
        );
        assert_eq!(
            unified_diff("", "x\n", "t.sql"),
            "--- a/t.sql\n+++ b/t.sql\n@@ -0,0 +1 @@\n+x\n"
        );
        assert_eq!(unified_diff("same\n", "same\n", "t.sql"), "");
    }

    #[test]
    fn diffs_of_masked_texts_show_no_secret() {
        use crate::report::frames::masked_text;
        let old = "CREATE SECRET s AS 'mzlint-canary-9c1e7f';\n\
                   CREATE CONNECTION c TO POSTGRES (HOST 'h', PASSWORD 'mzlint-canary-9c1e7f');\n";
        let new = old.replace("(HOST 'h',", "(HOST 'h', SSL MODE 'require',");
        let diff = unified_diff(&masked_text(old), &masked_text(&new), "a.sql");
        assert!(!diff.contains("9c1e7f"), "{diff}");
        assert!(diff.contains(
            "+CREATE CONNECTION c TO POSTGRES (HOST 'h', SSL MODE 'require', PASSWORD '********');"
        ));
        // A fix that removes a secret-bearing value shows the mask removed.
        let removed = old.replace("CREATE SECRET s AS 'mzlint-canary-9c1e7f';\n", "");
        let diff = unified_diff(&masked_text(old), &masked_text(&removed), "a.sql");
        assert!(diff.contains("-CREATE SECRET s AS '********';"), "{diff}");
        assert!(!diff.contains("9c1e7f"));
    }

    #[test]
    fn distant_changes_make_two_hunks() {
        let old: String = (0..20).map(|i| format!("{i}\n")).collect();
        let new = old.replace("2\n", "two\n").replace("17\n", "seventeen\n");
        let diff = unified_diff(&old, &new, "t.sql");
        assert_eq!(diff.matches("@@ -").count(), 2, "{diff}");
    }

    #[cfg(unix)]
    #[test]
    fn atomic_write_keeps_permissions_and_bom() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.sql");
        fs::write(&path, b"\xEF\xBB\xBFold\n").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, "new\n").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"\xEF\xBB\xBFnew\n");
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640
        );
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}

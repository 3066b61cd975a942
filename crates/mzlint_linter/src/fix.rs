//! Applying fixes (interfaces.md §5, rules.md §1.3).
//!
//! * [`apply_fixes`] / [`apply_fixes_in`]: one pass — the applicable fixes
//!   whose edits do not overlap edits already accepted, in diagnostic order;
//!   never a fix touching a statement that did not parse; never a
//!   display-only fix. `\n` in an edit becomes `\r\n` in a CRLF file.
//! * [`fix_file`] / [`fix_file_with`]: `--fix` — apply, re-parse, re-lint,
//!   repeat until nothing changes (at most [`MAX_ROUNDS`]); a round that
//!   makes the file parse worse than it did before fixing is retried fix by
//!   fix, keeping only the fixes that do not.
//! * [`write_atomic`] / [`write_fixed`]: temporary file in the same
//!   directory, permissions copied, fsync, rename.
//! * [`unified_diff`] / [`redacted_diff`]: `--diff`.

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

use mzlint_syntax::ast::StatementKind;
use mzlint_syntax::Span;

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::secrets::Redaction;
use crate::settings::Settings;
use crate::source::{FileId, SourceFile};

/// `--fix` stops after this many rounds even if fixes remain.
pub const MAX_ROUNDS: usize = 10;

/// Which fixes `--fix` applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixMode {
    /// Safe fixes only.
    Safe,
    /// `--unsafe-fixes`: safe and unsafe.
    Unsafe,
}

impl FixMode {
    pub fn applies(self, applicability: Applicability) -> bool {
        match self {
            FixMode::Safe => applicability == Applicability::Safe,
            FixMode::Unsafe => applicability >= Applicability::Unsafe,
        }
    }
}

/// Apply the applicable, non-overlapping fixes of `diagnostics` to `text`.
/// Returns the new text and how many fixes were applied. Without the parsed
/// file, fixes inside statements with syntax errors are not recognised:
/// prefer [`apply_fixes_in`].
pub fn apply_fixes(text: &str, diagnostics: &[Diagnostic], mode: FixMode) -> (String, usize) {
    let fixes: Vec<&Fix> = diagnostics.iter().filter_map(|d| d.fix.as_ref()).collect();
    let accepted = select_fixes(text, &fixes, mode, &[]);
    let count = accepted.len();
    (apply_selected(text, &accepted), count)
}

/// Like [`apply_fixes`] for a parsed file: only `file`'s diagnostics, and
/// never a fix whose edits touch a statement that did not parse (MZ000).
pub fn apply_fixes_in(
    file: &SourceFile,
    diagnostics: &[Diagnostic],
    mode: FixMode,
) -> (String, usize) {
    let accepted = select_fixes_in(file, diagnostics, mode);
    let count = accepted.len();
    (apply_selected(&file.text, &accepted), count)
}

/// The edits [`apply_fixes_in`] would make, in file order, with `\n`
/// already converted to the file's line ending (for the language server's
/// `source.fixAll`), and how many fixes they come from.
pub fn fix_edits(
    file: &SourceFile,
    diagnostics: &[Diagnostic],
    mode: FixMode,
) -> (Vec<Edit>, usize) {
    let accepted = select_fixes_in(file, diagnostics, mode);
    let count = accepted.len();
    let mut edits: Vec<Edit> = accepted.into_iter().flatten().collect();
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    (edits, count)
}

/// Apply `edits` (non-overlapping, any order) to `text`.
pub fn apply_edits(text: &str, edits: &[Edit]) -> String {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0usize;
    for edit in sorted {
        let (start, end) = (edit.span.start as usize, edit.span.end as usize);
        if start < at || end > text.len() {
            continue;
        }
        out.push_str(&text[at..start]);
        out.push_str(&edit.content);
        at = end;
    }
    out.push_str(&text[at..]);
    out
}

/// Does the text use `\r\n` line endings (judged by its first line end)?
pub fn uses_crlf(text: &str) -> bool {
    text.find('\n')
        .is_some_and(|i| i > 0 && text.as_bytes()[i - 1] == b'\r')
}

/// `\n` in `content` as `\r\n` when the file uses CRLF.
fn convert_line_endings(content: &str, crlf: bool) -> String {
    if crlf && content.contains('\n') {
        content.replace("\r\n", "\n").replace('\n', "\r\n")
    } else {
        content.to_string()
    }
}

fn select_fixes_in(file: &SourceFile, diagnostics: &[Diagnostic], mode: FixMode) -> Vec<Vec<Edit>> {
    let protected: Vec<Span> = file
        .parsed
        .statements
        .iter()
        .filter(|s| matches!(s.kind, StatementKind::Error(_)))
        .map(|s| s.span)
        .collect();
    let fixes: Vec<&Fix> = diagnostics
        .iter()
        .filter(|d| d.file == file.id)
        .filter_map(|d| d.fix.as_ref())
        .collect();
    select_fixes(&file.text, &fixes, mode, &protected)
}

/// The fixes to apply, in order, each as its (line-ending converted) edits.
fn select_fixes(text: &str, fixes: &[&Fix], mode: FixMode, protected: &[Span]) -> Vec<Vec<Edit>> {
    let crlf = uses_crlf(text);
    let mut accepted_spans: Vec<Span> = Vec::new();
    let mut out = Vec::new();
    for fix in fixes {
        if !mode.applies(fix.applicability) || fix.edits.is_empty() {
            continue;
        }
        let valid = fix.edits.iter().all(|e| {
            e.span.start <= e.span.end
                && (e.span.end as usize) <= text.len()
                && text.is_char_boundary(e.span.start as usize)
                && text.is_char_boundary(e.span.end as usize)
        });
        if !valid {
            continue;
        }
        // A fix's own edits must not conflict with each other either.
        let own_conflict = fix
            .edits
            .iter()
            .enumerate()
            .any(|(i, a)| fix.edits[i + 1..].iter().any(|b| conflicts(a.span, b.span)));
        if own_conflict {
            continue;
        }
        let touches_error = fix.edits.iter().any(|e| {
            protected
                .iter()
                .any(|p| e.span.start <= p.end && p.start <= e.span.end)
        });
        if touches_error {
            continue;
        }
        let overlaps = fix
            .edits
            .iter()
            .any(|e| accepted_spans.iter().any(|a| conflicts(*a, e.span)));
        if overlaps {
            continue;
        }
        accepted_spans.extend(fix.edits.iter().map(|e| e.span));
        out.push(
            fix.edits
                .iter()
                .map(|e| Edit::replace(e.span, convert_line_endings(&e.content, crlf)))
                .collect(),
        );
    }
    out
}

/// Two edits conflict when their ranges overlap, when an insertion falls
/// strictly inside a replaced range, or when both insert at one offset
/// (their order would be arbitrary). Touching ranges do not conflict.
fn conflicts(a: Span, b: Span) -> bool {
    match (a.is_empty(), b.is_empty()) {
        (true, true) => a.start == b.start,
        (true, false) => b.start < a.start && a.start < b.end,
        (false, true) => a.start < b.start && b.start < a.end,
        (false, false) => a.start < b.end && b.start < a.end,
    }
}

fn apply_selected(text: &str, accepted: &[Vec<Edit>]) -> String {
    let edits: Vec<Edit> = accepted.iter().flatten().cloned().collect();
    apply_edits(text, &edits)
}

/// The spans to delete to remove `remove` (indices, any order) from a
/// comma-separated list whose elements are `elements` (in order), by the
/// rule of rules.md §1.3: each element goes with one adjacent comma — the
/// following one, or the preceding one for the last element — and the
/// whitespace between; whitespace after the following comma goes too, up
/// to the next element or comment. Consecutive removed elements make one
/// span. Removing every element leaves the list empty (`()`): whether that
/// is valid is the caller's business.
pub fn list_deletions(source: &str, elements: &[Span], remove: &[usize]) -> Vec<Span> {
    let n = elements.len();
    let removed = |i: usize| remove.contains(&i);
    if n == 0 {
        return Vec::new();
    }
    if (0..n).all(removed) {
        return vec![Span::new(elements[0].start, elements[n - 1].end)];
    }
    let bytes = source.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if !removed(i) {
            i += 1;
            continue;
        }
        let first = i;
        while i < n && removed(i) {
            i += 1;
        }
        let last = i - 1;
        if i < n {
            // Through the comma after the run and the whitespace after it.
            let mut at = elements[last].end as usize;
            while at < bytes.len() && bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            if bytes.get(at) == Some(&b',') {
                at += 1;
            }
            while at < bytes.len() && bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            let end = (at as u32).min(elements[i].start);
            out.push(Span::new(elements[first].start, end));
        } else {
            // The run ends the list: take the comma before it.
            out.push(Span::new(elements[first - 1].end, elements[last].end));
        }
    }
    out
}

/// What `--fix` did to one file.
pub struct FixOutcome {
    /// The final text (the original when nothing was applied).
    pub text: String,
    /// Fixes applied over all rounds.
    pub fixes_applied: usize,
    /// The diagnostics of the final text.
    pub diagnostics: Vec<Diagnostic>,
    /// The re-parsed final file, when the text changed.
    pub file: Option<SourceFile>,
    /// Rounds that changed the text.
    pub rounds: usize,
}

impl FixOutcome {
    pub fn changed(&self) -> bool {
        self.file.is_some()
    }
}

/// `--fix` for one file linted on its own (a single-file run: project rules
/// see only this file). `diagnostics` are the file's current diagnostics.
pub fn fix_file(
    file: &SourceFile,
    settings: &Settings,
    diagnostics: Vec<Diagnostic>,
    mode: FixMode,
) -> FixOutcome {
    fix_file_with(file, diagnostics, mode, |f| lint_alone(f, settings))
}

/// Lint one file as a run of its own, keeping its id.
pub fn lint_alone(file: &SourceFile, settings: &Settings) -> Vec<Diagnostic> {
    if file.id == FileId(0) {
        return crate::lint::lint_files(std::slice::from_ref(file), &[settings])
            .pop()
            .unwrap_or_default();
    }
    let mut alone = reparse(file, file.text.clone());
    alone.id = FileId(0);
    let mut diagnostics = crate::lint::lint_files(std::slice::from_ref(&alone), &[settings])
        .pop()
        .unwrap_or_default();
    for d in &mut diagnostics {
        d.file = file.id;
        for r in &mut d.related {
            if r.file == FileId(0) {
                r.file = file.id;
            }
        }
    }
    diagnostics
}

/// `--fix` with a caller-supplied re-lint (the CLI passes one that lints
/// the file within the whole project). `relint` gets the re-parsed file,
/// with `file`'s id, path and kind, and returns its diagnostics.
pub fn fix_file_with<F>(
    file: &SourceFile,
    diagnostics: Vec<Diagnostic>,
    mode: FixMode,
    mut relint: F,
) -> FixOutcome
where
    F: FnMut(&SourceFile) -> Vec<Diagnostic>,
{
    let baseline_errors = file.parsed.errors.len();
    let mut current: Option<SourceFile> = None;
    let mut diagnostics = diagnostics;
    let mut applied = 0;
    let mut rounds = 0;
    let mut seen: HashSet<String> = HashSet::new();
    seen.insert(file.text.clone());
    if file.load_error.is_some() {
        return FixOutcome {
            text: file.text.clone(),
            fixes_applied: 0,
            diagnostics,
            file: None,
            rounds: 0,
        };
    }
    for _ in 0..MAX_ROUNDS {
        let cur = current.as_ref().unwrap_or(file);
        let accepted = select_fixes_in(cur, &diagnostics, mode);
        if accepted.is_empty() {
            break;
        }
        let text = apply_selected(&cur.text, &accepted);
        if seen.contains(&text) {
            break; // no change, or a cycle
        }
        let mut next = reparse(cur, text);
        let mut count = accepted.len();
        if next.parsed.errors.len() > baseline_errors {
            // Keep only the fixes that do not make the file parse worse.
            let mut kept: Vec<Vec<Edit>> = Vec::new();
            let mut best: Option<SourceFile> = None;
            for candidate in &accepted {
                let mut trial = kept.clone();
                trial.push(candidate.clone());
                let trial_file = reparse(cur, apply_selected(&cur.text, &trial));
                if trial_file.parsed.errors.len() <= baseline_errors {
                    kept = trial;
                    best = Some(trial_file);
                }
            }
            let Some(best) = best else { break };
            if seen.contains(&best.text) {
                break;
            }
            count = kept.len();
            next = best;
        }
        seen.insert(next.text.clone());
        diagnostics = relint(&next);
        applied += count;
        rounds += 1;
        current = Some(next);
    }
    FixOutcome {
        text: current
            .as_ref()
            .map_or_else(|| file.text.clone(), |f| f.text.clone()),
        fixes_applied: applied,
        diagnostics,
        file: current,
        rounds,
    }
}

/// `text` parsed as `file` was: same id, path, kind and BOM.
fn reparse(file: &SourceFile, text: String) -> SourceFile {
    let mut out = SourceFile::new(
        file.id,
        file.path.clone(),
        text,
        Some(file.kind.is_upstream()),
    );
    out.has_bom = file.has_bom;
    out
}

/// Write a fixed file back: its BOM restored, atomically.
pub fn write_fixed(file: &SourceFile, text: &str) -> std::io::Result<()> {
    if file.has_bom {
        let mut bytes = Vec::with_capacity(text.len() + 3);
        bytes.extend_from_slice(crate::load::UTF8_BOM);
        bytes.extend_from_slice(text.as_bytes());
        write_atomic(&file.path, &bytes)
    } else {
        write_atomic(&file.path, text.as_bytes())
    }
}

/// Replace the file at `path` with `contents` atomically: write a temporary
/// file in the same directory, copy the original's permissions, fsync,
/// rename over the original. On failure the original is untouched and the
/// temporary file removed. A symbolic link is followed: its target is
/// replaced, the link kept.
pub fn write_atomic(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".to_string());
    let permissions = std::fs::metadata(&target).ok().map(|m| m.permissions());

    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let (temp_path, mut temp) = loop {
        let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let candidate = dir.join(format!(".{name}.mzlint-{}-{n}.tmp", std::process::id()));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&candidate)
        {
            Ok(f) => break (candidate, f),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 1_000_000 => continue,
            Err(e) => return Err(e),
        }
    };
    let result = (|| {
        temp.write_all(contents)?;
        if let Some(permissions) = permissions {
            temp.set_permissions(permissions)?;
        }
        temp.sync_all()?;
        drop(temp);
        std::fs::rename(&temp_path, &target)?;
        #[cfg(unix)]
        if let Ok(d) = std::fs::File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp_path);
    }
    result
}

/// A unified diff (`---`/`+++` headers, `@@` hunks, 3 lines of context) of
/// `old` to `new`, empty when they are equal. Secret-bearing values are
/// printed as they are: give it redacted texts, or use [`redacted_diff`].
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(path, path)
        .to_string()
}

/// [`unified_diff`] of the two texts with every secret-bearing value
/// (rules.md §2) shown as `'********'`, on removed and added lines alike.
pub fn redacted_diff(path: &str, old: &str, new: &str) -> String {
    let redact = |text: &str| {
        let tokens = mzlint_syntax::lexer::lex(text).tokens;
        Redaction::of_source(text, &tokens).redact_text(text).text
    };
    unified_diff(path, &redact(old), &redact(new))
}

#[cfg(test)]
mod tests;

//! Code actions, computed on byte offsets: each diagnostic's fix, the three
//! "Disable MZxxx …" suppressions, and fix-all (safe fixes only).

use mzlint_linter::fix::{apply_fixes, FixMode};
use mzlint_linter::{Applicability, Diagnostic, SourceFile};
use mzlint_syntax::{Span, Token, TokenKind};

/// A text edit of the document, in bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextEdit {
    pub span: Span,
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActionKind {
    QuickFix,
    FixAll,
}

#[derive(Clone, Debug)]
pub struct Action {
    pub title: String,
    pub kind: ActionKind,
    pub edits: Vec<TextEdit>,
    pub preferred: bool,
    /// Shown but not applicable (display-only fixes): why.
    pub disabled: Option<String>,
    /// The diagnostic the action is for (index into the list given).
    pub diagnostic: Option<usize>,
}

/// The quick fixes for `diagnostics[index]` of `file`.
pub fn quick_fixes(file: &SourceFile, diagnostics: &[Diagnostic], index: usize) -> Vec<Action> {
    let d = &diagnostics[index];
    let mut out = Vec::new();
    if let Some(fix) = &d.fix {
        let edits: Vec<TextEdit> = fix
            .edits
            .iter()
            .map(|e| TextEdit {
                span: e.span,
                text: e.content.clone(),
            })
            .collect();
        match fix.applicability {
            Applicability::Safe => out.push(Action {
                title: fix.message.clone(),
                kind: ActionKind::QuickFix,
                edits,
                preferred: true,
                disabled: None,
                diagnostic: Some(index),
            }),
            Applicability::Unsafe => out.push(Action {
                title: format!("{} (unsafe)", fix.message),
                kind: ActionKind::QuickFix,
                edits,
                preferred: false,
                disabled: None,
                diagnostic: Some(index),
            }),
            Applicability::DisplayOnly => out.push(Action {
                title: format!("{} (display only)", fix.message),
                kind: ActionKind::QuickFix,
                edits: Vec::new(),
                preferred: false,
                disabled: Some(display_only_reason(file, &edits)),
                diagnostic: Some(index),
            }),
        }
    }
    // MZ001 (unreadable file) cannot be suppressed by a comment.
    if d.rule.code != "MZ001" {
        let code = d.rule.code;
        if let Some(edit) = disable_for_line(file, d.span.start, code) {
            out.push(disable_action(
                format!("Disable {code} for this line"),
                edit,
                index,
            ));
        }
        if let Some(edit) = disable_for_statement(file, d.span.start, code) {
            out.push(disable_action(
                format!("Disable {code} for this statement"),
                edit,
                index,
            ));
        }
        if let Some(edit) = disable_for_file(file, code) {
            out.push(disable_action(
                format!("Disable {code} for this file"),
                edit,
                index,
            ));
        }
    }
    out
}

fn disable_action(title: String, edit: TextEdit, index: usize) -> Action {
    Action {
        title,
        kind: ActionKind::QuickFix,
        edits: vec![edit],
        preferred: false,
        disabled: None,
        diagnostic: Some(index),
    }
}

fn display_only_reason(file: &SourceFile, edits: &[TextEdit]) -> String {
    let mut reason = String::from("display-only fix: review it and edit by hand");
    if let [edit] = edits {
        if edit.text.len() <= 60 && !edit.text.contains('\n') {
            let (row, col) = file.row_col(edit.span.start);
            reason.push_str(&format!(" (at {row}:{col}: `{}`)", edit.text));
        }
    }
    reason
}

/// `source.fixAll.mzlint`: every safe fix, as one edit of the changed region.
pub fn fix_all(file: &SourceFile, diagnostics: &[Diagnostic]) -> Option<Action> {
    let (fixed, applied) = apply_fixes(&file.text, diagnostics, FixMode::Safe);
    if applied == 0 || fixed == file.text {
        return None;
    }
    let edit = minimal_edit(&file.text, &fixed);
    Some(Action {
        title: "Fix all safe mzlint problems".into(),
        kind: ActionKind::FixAll,
        edits: vec![edit],
        preferred: false,
        disabled: None,
        diagnostic: None,
    })
}

/// One edit turning `old` into `new`: the differing middle.
pub fn minimal_edit(old: &str, new: &str) -> TextEdit {
    let mut prefix = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(prefix) || !new.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let max_suffix = old.len().min(new.len()) - prefix;
    let mut suffix = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(old.len() - suffix) || !new.is_char_boundary(new.len() - suffix) {
        suffix -= 1;
    }
    TextEdit {
        span: Span::new(prefix as u32, (old.len() - suffix) as u32),
        text: new[prefix..new.len() - suffix].to_string(),
    }
}

/// The line ending the file uses.
fn eol(text: &str) -> &'static str {
    if text.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    }
}

/// A suppression directive in a comment: where its list ends (the offset
/// of `]`) and the list's text.
fn directive_list(source: &str, token: Token, directives: &[&str]) -> Option<(u32, String)> {
    if !token.kind.is_comment() {
        return None;
    }
    let text = token.text(source);
    let body = text
        .strip_prefix("--")
        .or_else(|| text.strip_prefix("/*"))?
        .trim_start();
    let rest = body.strip_prefix("mzlint:")?.trim_start();
    let directive = directives.iter().find(|d| {
        rest.strip_prefix(**d)
            .is_some_and(|r| r.trim_start().starts_with('['))
    })?;
    let after = rest[directive.len()..].trim_start();
    let close = after.find(']')?;
    let list = after[1..close].to_string();
    // Offset of `]` in the file.
    let after_offset = text.len() - after.len();
    Some((token.span.start + (after_offset + close) as u32, list))
}

/// Add `code` to a list ending at `close`, or `None` if it is there.
fn extend_list(close: u32, list: &str, code: &str) -> Option<TextEdit> {
    let present = list
        .split(',')
        .any(|entry| entry.trim().eq_ignore_ascii_case(code));
    if present {
        return None;
    }
    let text = if list.trim().is_empty() {
        code.to_string()
    } else {
        format!(", {code}")
    };
    Some(TextEdit {
        span: Span::empty(close),
        text,
    })
}

/// "Disable CODE for this line": extend the line's `-- mzlint: ignore[…]`
/// or append one at the end of the line holding `offset`.
pub fn disable_for_line(file: &SourceFile, offset: u32, code: &str) -> Option<TextEdit> {
    let source = file.text.as_str();
    let line = file.line_index.line_of(offset);
    let range = file.line_index.line_range(source, line);
    let (start, end) = (range.start as u32, range.end as u32);
    let tokens = &file.parsed.tokens;
    let first = tokens.partition_point(|t| t.span.end <= start);
    let on_line: Vec<Token> = tokens[first..]
        .iter()
        .copied()
        .take_while(|t| t.span.start < end.max(start + 1))
        .collect();
    // A token running past the end of the line (a multi-line string or
    // block comment): a comment appended there would land inside it.
    if on_line
        .iter()
        .any(|t| t.span.end > end && t.span.start < end && t.kind != TokenKind::Whitespace)
    {
        return None;
    }
    if let Some(comment) = on_line.iter().rev().find(|t| t.kind.is_comment()) {
        if let Some((close, list)) = directive_list(source, *comment, &["ignore"]) {
            // `None` when the code is already listed.
            return extend_list(close, &list, code);
        }
        if comment.kind == TokenKind::LineComment {
            // Keep the existing comment as the directive's reason.
            return Some(TextEdit {
                span: Span::empty(comment.span.start),
                text: format!("-- mzlint: ignore[{code}] "),
            });
        }
    }
    let content = &source[range.clone()];
    let separator = if content.is_empty() || content.ends_with([' ', '\t']) {
        ""
    } else {
        " "
    };
    Some(TextEdit {
        span: Span::empty(end),
        text: format!("{separator}-- mzlint: ignore[{code}]"),
    })
}

/// "Disable CODE for this statement": a directive line above the statement
/// holding `offset`, with its indentation (or extend one already there).
pub fn disable_for_statement(file: &SourceFile, offset: u32, code: &str) -> Option<TextEdit> {
    let source = file.text.as_str();
    let statement = file
        .parsed
        .statements
        .iter()
        .find(|s| s.span.touches(offset))?;
    let start = statement.span.start;
    let line = file.line_index.line_of(start);
    let line_start = file.line_index.line_start(line)?;
    let indent_text = &source[line_start as usize..start as usize];
    let eol = eol(source);
    if line > 0 && indent_text.trim().is_empty() {
        // A directive on the line just above?
        let above = file.line_index.line_range(source, line - 1);
        let tokens = &file.parsed.tokens;
        let i = tokens.partition_point(|t| t.span.end <= above.start as u32);
        let significant: Vec<Token> = tokens[i..]
            .iter()
            .copied()
            .take_while(|t| t.span.start < above.end as u32)
            .filter(|t| t.kind != TokenKind::Whitespace)
            .collect();
        if let [comment] = significant.as_slice() {
            if let Some((close, list)) = directive_list(source, *comment, &["ignore"]) {
                return extend_list(close, &list, code);
            }
        }
    }
    if indent_text.trim().is_empty() {
        Some(TextEdit {
            span: Span::empty(line_start),
            text: format!("{indent_text}-- mzlint: ignore[{code}]{eol}"),
        })
    } else {
        // Another statement ends on this line: start a new line.
        Some(TextEdit {
            span: Span::empty(start),
            text: format!("{eol}-- mzlint: ignore[{code}]{eol}"),
        })
    }
}

/// "Disable CODE for this file": extend a `file-ignore` directive at the
/// top of the file, or insert one as the first line.
pub fn disable_for_file(file: &SourceFile, code: &str) -> Option<TextEdit> {
    let source = file.text.as_str();
    for token in &file.parsed.tokens {
        if token.kind == TokenKind::Whitespace {
            continue;
        }
        if !token.kind.is_comment() {
            break;
        }
        if let Some((close, list)) = directive_list(source, *token, &["file-ignore"]) {
            return extend_list(close, &list, code);
        }
    }
    Some(TextEdit {
        span: Span::empty(0),
        text: format!("-- mzlint: file-ignore[{code}]{}", eol(source)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use mzlint_linter::FileId;
    use std::path::PathBuf;

    fn file(text: &str) -> SourceFile {
        SourceFile::new(FileId(0), PathBuf::from("t.sql"), text.to_string(), None)
    }

    fn apply(text: &str, edit: &TextEdit) -> String {
        let mut out = text.to_string();
        out.replace_range(edit.span.range(), &edit.text);
        out
    }

    #[test]
    fn disables_a_line() {
        let text = "CREATE SECRET s AS 'x';\nSELECT 1;\n";
        let f = file(text);
        let edit = disable_for_line(&f, 3, "MZ202").unwrap();
        assert_eq!(
            apply(text, &edit),
            "CREATE SECRET s AS 'x'; -- mzlint: ignore[MZ202]\nSELECT 1;\n"
        );
        let text = "SELECT 1; -- mzlint: ignore[MZ100]\n";
        let edit = disable_for_line(&file(text), 0, "MZ202").unwrap();
        assert_eq!(
            apply(text, &edit),
            "SELECT 1; -- mzlint: ignore[MZ100, MZ202]\n"
        );
        let text = "SELECT 1; -- why\n";
        let edit = disable_for_line(&file(text), 0, "MZ202").unwrap();
        assert_eq!(
            apply(text, &edit),
            "SELECT 1; -- mzlint: ignore[MZ202] -- why\n"
        );
        // The line ends inside a multi-line string: no line action.
        let text = "CREATE SECRET s AS 'a\nb';\n";
        assert!(disable_for_line(&file(text), 0, "MZ202").is_none());
    }

    #[test]
    fn disables_a_statement() {
        let text = "SELECT 1;\n  CREATE SECRET s\n  AS 'x';\n";
        let f = file(text);
        let at = text.find("AS").unwrap() as u32;
        let edit = disable_for_statement(&f, at, "MZ202").unwrap();
        assert_eq!(
            apply(text, &edit),
            "SELECT 1;\n  -- mzlint: ignore[MZ202]\n  CREATE SECRET s\n  AS 'x';\n"
        );
        let text = "-- mzlint: ignore[MZ100]\nCREATE SECRET s AS 'x';\r\n";
        let at = text.find("AS").unwrap() as u32;
        let edit = disable_for_statement(&file(text), at, "MZ202").unwrap();
        assert_eq!(
            apply(text, &edit),
            "-- mzlint: ignore[MZ100, MZ202]\nCREATE SECRET s AS 'x';\r\n"
        );
    }

    #[test]
    fn disables_a_file() {
        let text = "SELECT 1;\r\n";
        let edit = disable_for_file(&file(text), "MZ202").unwrap();
        assert_eq!(
            apply(text, &edit),
            "-- mzlint: file-ignore[MZ202]\r\nSELECT 1;\r\n"
        );
        let text = "-- header\n-- mzlint: file-ignore[MZ100]\nSELECT 1;\n";
        let edit = disable_for_file(&file(text), "MZ202").unwrap();
        assert_eq!(
            apply(text, &edit),
            "-- header\n-- mzlint: file-ignore[MZ100, MZ202]\nSELECT 1;\n"
        );
    }

    #[test]
    fn fixes_become_quick_fixes() {
        use mzlint_linter::registry;
        use mzlint_linter::{Edit, Fix};
        let text = "CREATE CONNECTION pg TO POSTGRES (HOST 'h');\n";
        let f = file(text);
        let rule = registry::find("MZ200").unwrap();
        let span = Span::new(18, 20);
        let insert = text.find(')').unwrap() as u32;
        let make =
            |fix: Fix| vec![Diagnostic::new(rule, FileId(0), span, "no SSL MODE").with_fix(fix)];
        let edits = vec![Edit::insert(insert, ", SSL MODE 'require'")];

        let diagnostics = make(Fix::unsafe_("Add SSL MODE 'require'", edits.clone()));
        let actions = quick_fixes(&f, &diagnostics, 0);
        let titles: Vec<&str> = actions.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Add SSL MODE 'require' (unsafe)",
                "Disable MZ200 for this line",
                "Disable MZ200 for this statement",
                "Disable MZ200 for this file",
            ]
        );
        assert!(!actions[0].preferred);
        assert_eq!(
            apply(text, &actions[0].edits[0]),
            "CREATE CONNECTION pg TO POSTGRES (HOST 'h', SSL MODE 'require');\n"
        );

        let diagnostics = make(Fix::safe("Add SSL MODE 'require'", edits.clone()));
        let actions = quick_fixes(&f, &diagnostics, 0);
        assert_eq!(actions[0].title, "Add SSL MODE 'require'");
        assert!(actions[0].preferred);

        let diagnostics = make(Fix::display_only("Add SSL MODE 'require'", edits));
        let actions = quick_fixes(&f, &diagnostics, 0);
        assert_eq!(actions[0].title, "Add SSL MODE 'require' (display only)");
        assert!(actions[0].edits.is_empty());
        let reason = actions[0].disabled.as_deref().unwrap();
        assert!(reason.contains(", SSL MODE 'require'"), "{reason}");

        // MZ001 cannot be suppressed by a comment.
        let io = registry::find("MZ001").unwrap();
        let diagnostics = vec![Diagnostic::new(
            io,
            FileId(0),
            Span::empty(0),
            "cannot read",
        )];
        assert!(quick_fixes(&f, &diagnostics, 0).is_empty());
    }

    #[test]
    fn minimal_edits() {
        let e = minimal_edit("abcdef", "abXYef");
        assert_eq!((e.span, e.text.as_str()), (Span::new(2, 4), "XY"));
        let e = minimal_edit("aé", "aè");
        assert_eq!(e.text, "è");
        let e = minimal_edit("aaa", "aaaa");
        assert_eq!(apply("aaa", &e), "aaaa");
    }
}

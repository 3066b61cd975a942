//! Suppression comments (interfaces.md §4; rules.md MZ002, MZ003).
//!
//! | comment | where | suppresses |
//! |---|---|---|
//! | `-- mzlint: ignore[MZ200, weak-ssl-mode] reason` | after code on a line | those rules in diagnostics whose span starts on that line |
//! | the same | on a line of its own | those rules in the whole next statement (from its first token through its `;`) |
//! | `-- mzlint: file-ignore[MZ600]` | anywhere | those rules in the whole file |
//! | `-- mzlint: disable[MZ600]` … `-- mzlint: enable[MZ600]` | own lines | those rules from the `disable` to the `enable` (or the end of the file) |
//!
//! Block comments (`/* mzlint: ignore[…] */`) work the same. `mzlint:` may be
//! written in any case, after `--` or `/*` and optional spaces; verbs too are
//! case-insensitive. Entries are rule codes or names, separated by commas
//! and/or spaces; text after `]` is the reason. Other comments, including
//! other tools' (`-- noqa`), are not directives.
//!
//! Decisions where the spec is silent:
//! * an `ignore` on a line of its own *inside* a statement covers the rest
//!   of that statement;
//! * `disable`/`enable` pair by rule, whatever spelling (code or name) each
//!   uses; a second `disable[X]` while one is open is MZ003;
//! * a diagnostic covered by several suppressions marks all of them used;
//! * MZ001 cannot be suppressed by comments (`ignore[MZ001]` is MZ003);
//!   MZ002 and MZ003 can be suppressed only by `file-ignore`;
//! * MZ002's whole-comment fix is offered when every entry of the comment is
//!   reported unused; entries MZ002 does not judge (unknown, disabled by
//!   configuration, covering a statement that did not parse, MZ002 itself)
//!   keep the comment.

use mzlint_syntax::ast::StatementKind;
use mzlint_syntax::{Span, TokenKind};

use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::registry::{self, engine};
use crate::rule::RuleMeta;
use crate::settings::Settings;
use crate::source::SourceFile;

/// The canonical MZ003 message for a comment that is not a directive.
pub const MALFORMED: &str =
    "malformed suppression comment: expected ignore[…], file-ignore[…], disable[…] or enable[…]";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verb {
    Ignore,
    FileIgnore,
    Disable,
    Enable,
}

impl Verb {
    pub fn as_str(self) -> &'static str {
        match self {
            Verb::Ignore => "ignore",
            Verb::FileIgnore => "file-ignore",
            Verb::Disable => "disable",
            Verb::Enable => "enable",
        }
    }

    fn parse(word: &str) -> Option<Verb> {
        match word.to_ascii_lowercase().as_str() {
            "ignore" => Some(Verb::Ignore),
            "file-ignore" => Some(Verb::FileIgnore),
            "disable" => Some(Verb::Disable),
            "enable" => Some(Verb::Enable),
            _ => None,
        }
    }
}

/// One entry of a directive's list, as written.
#[derive(Clone, Debug)]
pub struct Entry {
    pub span: Span,
    pub text: String,
    /// The rule it names; `None` when unknown (MZ003 reports it).
    pub rule: Option<&'static RuleMeta>,
}

/// A well-formed suppression comment.
#[derive(Clone, Debug)]
pub struct Directive {
    pub verb: Verb,
    /// The comment, without a trailing `\r`.
    pub comment: Span,
    pub block: bool,
    /// Code precedes the comment on its line.
    pub trailing: bool,
    /// The text between the brackets.
    pub list: Span,
    pub entries: Vec<Entry>,
}

/// What one comment is.
#[derive(Clone, Debug)]
pub enum Parsed {
    NotDirective,
    /// Starts with `mzlint:` but is not a directive; `help` says why.
    Malformed {
        help: String,
    },
    Directive(Directive),
}

/// Parse the comment token at `span` of `source`.
pub fn parse_comment(source: &str, span: Span, block: bool) -> Parsed {
    let text = span.text(source);
    let (body_start, mut body_end) = if block {
        (2, text.len().saturating_sub(2).max(2))
    } else {
        (2, text.len())
    };
    if !block && text.ends_with('\r') {
        body_end -= 1;
    }
    let comment_end = if !block && text.ends_with('\r') {
        span.end - 1
    } else {
        span.end
    };
    let body = &text[body_start.min(body_end)..body_end];
    // Spaces (and, in a block comment, line breaks) may precede `mzlint:`.
    let after_ws = body.trim_start();
    let mut at = body.len() - after_ws.len();
    let head = after_ws.get(..7).unwrap_or("");
    if !head.eq_ignore_ascii_case("mzlint:") {
        return Parsed::NotDirective;
    }
    at += 7;
    let skip_ws = |at: &mut usize| {
        while body[*at..].starts_with([' ', '\t']) {
            *at += 1;
        }
    };
    skip_ws(&mut at);
    let verb_len = body[at..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(body.len() - at);
    let verb_text = &body[at..at + verb_len];
    let Some(verb) = Verb::parse(verb_text) else {
        let help = if verb_text.is_empty() {
            "write a verb and a list of rules, like `-- mzlint: ignore[MZ200] reason`".to_string()
        } else {
            format!("unknown verb `{verb_text}`")
        };
        return Parsed::Malformed { help };
    };
    at += verb_len;
    skip_ws(&mut at);
    if !body[at..].starts_with('[') {
        return Parsed::Malformed {
            help: format!(
                "{} needs a list of rule codes or names in brackets, like {}[MZ200]",
                verb.as_str(),
                verb.as_str()
            ),
        };
    }
    let open = at;
    let Some(close_rel) = body[open + 1..].find([']', '[']) else {
        return Parsed::Malformed {
            help: "the list of rules is missing its closing `]`".to_string(),
        };
    };
    let close = open + 1 + close_rel;
    if body[close..].starts_with('[') {
        return Parsed::Malformed {
            help: "unbalanced brackets in the list of rules".to_string(),
        };
    }
    if body[close + 1..].trim_start().starts_with(']') {
        return Parsed::Malformed {
            help: "unbalanced brackets in the list of rules".to_string(),
        };
    }
    let base = span.start as usize + body_start;
    let list = Span::new((base + open + 1) as u32, (base + close) as u32);
    let mut entries = Vec::new();
    let content = &body[open + 1..close];
    let mut offset = 0;
    for part in content.split([',', ' ', '\t', '\r', '\n']) {
        if !part.is_empty() {
            let start = base + open + 1 + offset;
            entries.push(Entry {
                span: Span::new(start as u32, (start + part.len()) as u32),
                text: part.to_string(),
                rule: registry::find(part),
            });
        }
        offset += part.len() + 1;
    }
    if entries.is_empty() {
        return Parsed::Malformed {
            help: "list at least one rule code or name; blanket suppression is not supported"
                .to_string(),
        };
    }
    Parsed::Directive(Directive {
        verb,
        comment: Span::new(span.start, comment_end),
        block,
        trailing: false,
        list,
        entries,
    })
}

/// The well-formed suppression comments of a file, in order (for hovers and
/// code actions). Unknown entries have `rule: None`.
pub fn directives(file: &SourceFile) -> Vec<Directive> {
    scan(file).0
}

/// Every comment of the file, parsed: directives, and MZ003s for the rest.
fn scan(file: &SourceFile) -> (Vec<Directive>, Vec<Diagnostic>) {
    let mut directives = Vec::new();
    let mut invalid = Vec::new();
    for token in &file.parsed.tokens {
        let block = match token.kind {
            TokenKind::LineComment => false,
            TokenKind::BlockComment => true,
            _ => continue,
        };
        match parse_comment(&file.text, token.span, block) {
            Parsed::NotDirective => {}
            Parsed::Malformed { help } => {
                let span = trim_cr(&file.text, token.span);
                invalid.push(
                    Diagnostic::new(engine::INVALID_SUPPRESSION, file.id, span, MALFORMED)
                        .with_help(help),
                );
            }
            Parsed::Directive(mut directive) => {
                directive.trailing = has_code_before(file, directive.comment.start);
                for entry in &mut directive.entries {
                    if let Some(rule) = entry.rule {
                        if rule.code == engine::IO_ERROR.code {
                            invalid.push(Diagnostic::new(
                                engine::INVALID_SUPPRESSION,
                                file.id,
                                entry.span,
                                format!(
                                    "{} ({}) cannot be suppressed by a comment",
                                    rule.code, rule.name
                                ),
                            ));
                            entry.rule = None;
                        }
                        continue;
                    }
                    invalid.push(unknown_entry(file, entry));
                }
                directives.push(directive);
            }
        }
    }
    (directives, invalid)
}

fn unknown_entry(file: &SourceFile, entry: &Entry) -> Diagnostic {
    let text = &entry.text;
    let upper = text.to_ascii_uppercase();
    let looks_like_code = upper.len() > 2
        && upper.starts_with("MZ")
        && upper[2..].chars().all(|c| c.is_ascii_digit());
    let message = if looks_like_code {
        format!("unknown rule code {text} in suppression comment")
    } else {
        format!("unknown rule name '{text}' in suppression comment")
    };
    let help = if text.eq_ignore_ascii_case("ALL") {
        Some("blanket suppression is not supported; list the rules".to_string())
    } else if let Some(help) = registry::did_you_mean(text) {
        Some(help)
    } else if registry::select(text).is_some() {
        Some(format!(
            "suppression comments take full rule codes or names; {text} is a prefix"
        ))
    } else {
        None
    };
    let mut diagnostic = Diagnostic::new(engine::INVALID_SUPPRESSION, file.id, entry.span, message);
    diagnostic.help = help;
    diagnostic
}

fn trim_cr(text: &str, span: Span) -> Span {
    if span.end > span.start && text.as_bytes().get(span.end as usize - 1) == Some(&b'\r') {
        Span::new(span.start, span.end - 1)
    } else {
        span
    }
}

/// Is there anything but whitespace between the start of the line holding
/// `offset` and `offset`?
fn has_code_before(file: &SourceFile, offset: u32) -> bool {
    let line = file.line_index.line_of(offset);
    let start = file.line_index.line_start(line).unwrap_or(0) as usize;
    file.text
        .get(start..offset as usize)
        .is_some_and(|s| !s.trim().is_empty())
}

/// The part of the file a suppression covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Region {
    /// Diagnostics starting on this 0-based line.
    Line(u32),
    /// Diagnostics starting in `start..=end`.
    Range(Span),
    File,
    Nothing,
}

/// One entry of a directive, as a suppressor.
struct Suppressor {
    directive: usize,
    entry: usize,
    rule: &'static RuleMeta,
    region: Region,
    used: bool,
    /// For `disable`: the matching `enable` entry.
    partner: Option<(usize, usize)>,
}

/// A statement from its first token through its `;`.
fn statement_extents(file: &SourceFile) -> Vec<(Span, bool)> {
    let tokens = &file.parsed.tokens;
    file.parsed
        .statements
        .iter()
        .map(|statement| {
            let mut end = statement.span.end;
            let from = tokens.partition_point(|t| t.span.start < statement.span.end);
            if let Some(next) = tokens[from..].iter().find(|t| !t.kind.is_trivia()) {
                if next.kind == TokenKind::Semicolon {
                    end = next.span.end;
                }
            }
            let failed = matches!(statement.kind, StatementKind::Error(_));
            (Span::new(statement.span.start, end), failed)
        })
        .collect()
}

impl Region {
    fn covers(self, file: &SourceFile, offset: u32) -> bool {
        match self {
            Region::Line(line) => file.line_index.line_of(offset) == line,
            Region::Range(span) => span.start <= offset && offset <= span.end,
            Region::File => true,
            Region::Nothing => false,
        }
    }

    /// Does the region include part of a statement rules did not run on?
    fn touches_failed_statement(self, file: &SourceFile, extents: &[(Span, bool)]) -> bool {
        extents
            .iter()
            .filter(|(_, failed)| *failed)
            .any(|(span, _)| match self {
                Region::Line(line) => {
                    file.line_index.line_of(span.start) <= line
                        && line <= file.line_index.line_of(span.end)
                }
                Region::Range(range) => range.start <= span.end && span.start <= range.end,
                Region::File => true,
                Region::Nothing => false,
            })
    }
}

/// Drop suppressed diagnostics; add MZ002 and MZ003. `diagnostics` are the
/// file's, already filtered and given severities by configuration.
pub fn apply(
    file: &SourceFile,
    settings: &Settings,
    diagnostics: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let (directives, mut invalid) = scan(file);
    if directives.is_empty() && invalid.is_empty() {
        return diagnostics;
    }
    let extents = statement_extents(file);
    let end_of_file = file.text.len() as u32;
    let mut suppressors: Vec<Suppressor> = Vec::new();

    // Regions, and disable/enable pairing in file order.
    let mut open: Vec<usize> = Vec::new(); // indices into `suppressors`
    for (d, directive) in directives.iter().enumerate() {
        for (e, entry) in directive.entries.iter().enumerate() {
            let Some(rule) = entry.rule else { continue };
            match directive.verb {
                Verb::Ignore => {
                    let region = ignore_region(file, directive, &extents);
                    suppressors.push(Suppressor {
                        directive: d,
                        entry: e,
                        rule,
                        region,
                        used: false,
                        partner: None,
                    });
                }
                Verb::FileIgnore => suppressors.push(Suppressor {
                    directive: d,
                    entry: e,
                    rule,
                    region: Region::File,
                    used: false,
                    partner: None,
                }),
                Verb::Disable => {
                    if let Some(&already) = open.iter().find(|&&s| suppressors[s].rule == rule) {
                        let first = &directives[suppressors[already].directive];
                        let line = file.line_index.line_of(first.comment.start) + 1;
                        invalid.push(Diagnostic::new(
                            engine::INVALID_SUPPRESSION,
                            file.id,
                            entry.span,
                            format!(
                                "disable[{}] repeats the disable[{}] still open since line {line}",
                                entry.text, first.entries[suppressors[already].entry].text
                            ),
                        ));
                        continue;
                    }
                    open.push(suppressors.len());
                    suppressors.push(Suppressor {
                        directive: d,
                        entry: e,
                        rule,
                        region: Region::Range(Span::new(directive.comment.start, end_of_file)),
                        used: false,
                        partner: None,
                    });
                }
                Verb::Enable => {
                    if let Some(position) = open.iter().position(|&s| suppressors[s].rule == rule) {
                        let s = open.remove(position);
                        let start = match suppressors[s].region {
                            Region::Range(span) => span.start,
                            _ => directive.comment.start,
                        };
                        suppressors[s].region =
                            Region::Range(Span::new(start, directive.comment.end));
                        suppressors[s].partner = Some((d, e));
                    } else {
                        invalid.push(Diagnostic::new(
                            engine::INVALID_SUPPRESSION,
                            file.id,
                            entry.span,
                            format!("enable[{0}] without an open disable[{0}]", entry.text),
                        ));
                    }
                }
            }
        }
    }
    for s in open {
        let entry = &directives[suppressors[s].directive].entries[suppressors[s].entry];
        invalid.push(
            Diagnostic::new(
                engine::INVALID_SUPPRESSION,
                file.id,
                entry.span,
                format!("disable[{0}] is never closed by enable[{0}]", entry.text),
            )
            .with_help("it applies to the end of the file; add the matching enable comment"),
        );
    }

    // Suppress ordinary diagnostics.
    let mut kept = Vec::with_capacity(diagnostics.len());
    for diagnostic in diagnostics {
        if is_meta_unsuppressible(diagnostic.rule) {
            kept.push(diagnostic);
            continue;
        }
        if !suppress(file, &mut suppressors, &diagnostic, false) {
            kept.push(diagnostic);
        }
    }

    // MZ003, subject to configuration and file-ignore.
    let mask = settings.enabled_rules_for(&file.path);
    let configured = |rule: &'static RuleMeta| mask.contains(rule);
    if configured(engine::INVALID_SUPPRESSION) {
        for mut diagnostic in invalid {
            if !suppress(file, &mut suppressors, &diagnostic, true) {
                diagnostic.severity = settings.rules.severity(diagnostic.rule);
                kept.push(diagnostic);
            }
        }
    }

    // MZ002 for every entry that suppressed nothing.
    if configured(engine::UNUSED_SUPPRESSION) {
        let reported: Vec<bool> = suppressors
            .iter()
            .map(|s| {
                !s.used
                    && s.rule.code != engine::UNUSED_SUPPRESSION.code
                    && configured(s.rule)
                    && !s.region.touches_failed_statement(file, &extents)
            })
            .collect();
        let mut unused = Vec::new();
        for (i, s) in suppressors.iter().enumerate() {
            if !reported[i] {
                continue;
            }
            let directive = &directives[s.directive];
            let entry = &directive.entries[s.entry];
            let fix = unused_fix(file, &directives, &suppressors, &reported, i);
            let mut diagnostic = Diagnostic::new(
                engine::UNUSED_SUPPRESSION,
                file.id,
                entry.span,
                format!(
                    "unused suppression: {} ({}) reported nothing here",
                    s.rule.code, s.rule.name
                ),
            )
            .with_fix(fix);
            diagnostic.severity = settings.rules.severity(diagnostic.rule);
            unused.push(diagnostic);
        }
        for diagnostic in unused {
            if !suppress(file, &mut suppressors, &diagnostic, true) {
                kept.push(diagnostic);
            }
        }
    }
    kept
}

/// MZ001 is never suppressed by a comment.
fn is_meta_unsuppressible(rule: &RuleMeta) -> bool {
    rule.code == engine::IO_ERROR.code
}

/// Does a suppressor cover `diagnostic`? Marks every covering one used.
/// MZ002 and MZ003 (`meta`) only yield to `file-ignore`.
fn suppress(
    file: &SourceFile,
    suppressors: &mut [Suppressor],
    diagnostic: &Diagnostic,
    meta: bool,
) -> bool {
    let mut suppressed = false;
    for s in suppressors.iter_mut() {
        if s.rule.code != diagnostic.rule.code {
            continue;
        }
        if meta && s.region != Region::File {
            continue;
        }
        if s.region.covers(file, diagnostic.span.start) {
            s.used = true;
            suppressed = true;
        }
    }
    suppressed
}

/// What an `ignore` covers: its line when it trails code; else the next
/// statement, or the rest of the statement it sits in.
fn ignore_region(file: &SourceFile, directive: &Directive, extents: &[(Span, bool)]) -> Region {
    if directive.trailing {
        return Region::Line(file.line_index.line_of(directive.comment.start));
    }
    let at = directive.comment.start;
    for (extent, _) in extents {
        if extent.start < at && at < extent.end {
            return Region::Range(Span::new(directive.comment.end, extent.end));
        }
        if extent.start >= directive.comment.end {
            return Region::Range(*extent);
        }
    }
    Region::Nothing
}

/// MZ002's safe fix for suppressor `index`.
fn unused_fix(
    file: &SourceFile,
    directives: &[Directive],
    suppressors: &[Suppressor],
    reported: &[bool],
    index: usize,
) -> Fix {
    let s = &suppressors[index];
    let directive = &directives[s.directive];
    // Is every entry of this comment reported unused?
    let all_unused = (0..directive.entries.len()).all(|e| {
        suppressors
            .iter()
            .enumerate()
            .any(|(i, o)| o.directive == s.directive && o.entry == e && reported[i])
    });
    let removed: Vec<usize> = if all_unused {
        (0..directive.entries.len()).collect()
    } else {
        vec![s.entry]
    };
    let mut edits = remove_entries(file, directive, &removed);
    // The matching enable entries go with their disables.
    let partners: Vec<(usize, usize)> = suppressors
        .iter()
        .filter(|o| o.directive == s.directive && removed.contains(&o.entry))
        .filter_map(|o| o.partner)
        .collect();
    let mut enable_directives: Vec<usize> = partners.iter().map(|(d, _)| *d).collect();
    enable_directives.sort_unstable();
    enable_directives.dedup();
    for d in enable_directives {
        let entries: Vec<usize> = partners
            .iter()
            .filter(|(pd, _)| *pd == d)
            .map(|(_, e)| *e)
            .collect();
        edits.extend(remove_entries(file, &directives[d], &entries));
    }
    let message = if all_unused {
        "Remove unused suppression comment".to_string()
    } else {
        format!("Remove unused suppression {}", s.rule.code)
    };
    Fix::safe(message, edits)
}

/// Edits deleting `entries` (indices) from a directive's list, or the whole
/// comment when that is all of them. An entry goes with one adjacent
/// separator: the following one, or the preceding one for the last entry.
fn remove_entries(file: &SourceFile, directive: &Directive, entries: &[usize]) -> Vec<Edit> {
    let n = directive.entries.len();
    if (0..n).all(|e| entries.contains(&e)) {
        return vec![Edit::delete(comment_removal(file, directive))];
    }
    let mut edits = Vec::new();
    let mut e = 0;
    while e < n {
        if !entries.contains(&e) {
            e += 1;
            continue;
        }
        let run_start = e;
        while e < n && entries.contains(&e) {
            e += 1;
        }
        let run_end = e - 1;
        let span = if e < n {
            Span::new(
                directive.entries[run_start].span.start,
                directive.entries[e].span.start,
            )
        } else {
            Span::new(
                directive.entries[run_start - 1].span.end,
                directive.entries[run_end].span.end,
            )
        };
        edits.push(Edit::delete(span));
    }
    edits
}

/// What deleting a whole comment removes: its line when it stands alone,
/// its preceding whitespace when it trails code, its following whitespace
/// when code follows it.
fn comment_removal(file: &SourceFile, directive: &Directive) -> Span {
    let text = &file.text;
    let bytes = text.as_bytes();
    let comment = directive.comment;
    let first_line = file.line_index.line_of(comment.start);
    let line_start = file.line_index.line_start(first_line).unwrap_or(0);
    let last_line = file.line_index.line_of(comment.end);
    let line_end = file.line_index.line_range(text, last_line).end as u32;
    let before_blank = text[line_start as usize..comment.start as usize]
        .trim()
        .is_empty();
    let after_blank = text[comment.end as usize..line_end as usize]
        .trim()
        .is_empty();
    if before_blank && after_blank {
        let next = file
            .line_index
            .line_start(last_line + 1)
            .unwrap_or(text.len() as u32);
        return Span::new(line_start, next);
    }
    if !before_blank {
        let mut start = comment.start as usize;
        while start > line_start as usize && matches!(bytes[start - 1], b' ' | b'\t') {
            start -= 1;
        }
        return Span::new(start as u32, comment.end);
    }
    let mut end = comment.end as usize;
    while end < line_end as usize && matches!(bytes[end], b' ' | b'\t') {
        end += 1;
    }
    Span::new(comment.start, end as u32)
}

/// Where a "Disable MZxxx for this …" code action puts its suppression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SuppressScope {
    /// A trailing `-- mzlint: ignore[…]` on the line where the span starts.
    Line,
    /// An `ignore` on its own line before the statement holding the span.
    Statement,
    /// A `file-ignore` at the top of the file.
    File,
}

/// The edit that suppresses `rule` at `span` for the language server's
/// "Disable MZxxx for this line / statement / file" code actions. The rule
/// is added to a matching directive when there is one; `None` when it is
/// already there or no comment can be placed (the line ends inside a
/// multi-line string, the statement does not start its line).
pub fn suppress_edit(
    file: &SourceFile,
    rule: &RuleMeta,
    span: Span,
    scope: SuppressScope,
) -> Option<Edit> {
    let directives = directives(file);
    let eol = if crate::fix::uses_crlf(&file.text) {
        "\r\n"
    } else {
        "\n"
    };
    let add_to = |directive: &Directive| -> Option<Edit> {
        if directive
            .entries
            .iter()
            .any(|e| e.rule.is_some_and(|r| r.code == rule.code))
        {
            return None;
        }
        let end = directive
            .entries
            .last()
            .map_or(directive.list.end, |e| e.span.end);
        Some(Edit::insert(end, format!(", {}", rule.code)))
    };
    match scope {
        SuppressScope::Line => {
            let line = file.line_index.line_of(span.start);
            if let Some(d) = directives.iter().find(|d| {
                d.verb == Verb::Ignore
                    && d.trailing
                    && file.line_index.line_of(d.comment.start) == line
            }) {
                return add_to(d);
            }
            let range = file.line_index.line_range(&file.text, line);
            let end = range.end as u32;
            // The last token of the line must end on it.
            let tokens = &file.parsed.tokens;
            let at = tokens.partition_point(|t| t.span.end <= range.start as u32);
            let mut last = None;
            for token in &tokens[at..] {
                if token.span.start >= end {
                    break;
                }
                if token.kind != TokenKind::Whitespace {
                    last = Some(*token);
                }
            }
            match last {
                Some(t) if t.kind == TokenKind::LineComment => {
                    let after = t.span.start + 2;
                    let rest = file.text.get(after as usize..end as usize).unwrap_or("");
                    let text = if rest.starts_with([' ', '\t']) || rest.is_empty() {
                        format!(" mzlint: ignore[{}]", rule.code)
                    } else {
                        format!(" mzlint: ignore[{}] ", rule.code)
                    };
                    Some(Edit::insert(after, text))
                }
                Some(t) if trim_cr(&file.text, t.span).end > end => None,
                _ => Some(Edit::insert(
                    end,
                    format!("  -- mzlint: ignore[{}]", rule.code),
                )),
            }
        }
        SuppressScope::Statement => {
            let extents = statement_extents(file);
            let (extent, _) = extents
                .iter()
                .find(|(e, _)| e.start <= span.start && span.start <= e.end)?;
            if let Some(d) = directives.iter().find(|d| {
                d.verb == Verb::Ignore && ignore_region(file, d, &extents) == Region::Range(*extent)
            }) {
                return add_to(d);
            }
            let line = file.line_index.line_of(extent.start);
            let line_start = file.line_index.line_start(line)?;
            let indent = &file.text[line_start as usize..extent.start as usize];
            if !indent.trim().is_empty() {
                return None;
            }
            Some(Edit::insert(
                line_start,
                format!("{indent}-- mzlint: ignore[{}]{eol}", rule.code),
            ))
        }
        SuppressScope::File => {
            if let Some(d) = directives.iter().find(|d| d.verb == Verb::FileIgnore) {
                return add_to(d);
            }
            Some(Edit::insert(
                0,
                format!("-- mzlint: file-ignore[{}]{eol}", rule.code),
            ))
        }
    }
}

#[cfg(test)]
mod tests;

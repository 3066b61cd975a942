//! Helpers the MZ4xx rules share: how they name upstream locations and
//! values, and the list-element deletions of their fixes (rules.md §1.3).

use mzlint_syntax::upstream as up;

use crate::prelude::*;
use crate::source::FileId;
use crate::upstream_model::{IngestSource, Publication, Site};

/// `upstream/setup.sql:5`: a site's file and 1-based line.
pub(crate) fn path_line(ctx: &ProjectContext<'_>, site: Site) -> String {
    let file = ctx.file(site.location.file);
    let (row, _) = file.row_col(site.span.start);
    format!("{}:{}", file.display_path(), row)
}

/// A SQL string literal: `'it''s'`.
pub(crate) fn quote_string(value: &str) -> String {
    format!("'{}'", value.replace('\'', "''"))
}

/// A PostgreSQL identifier as it must be written: bare when it is lower
/// case letters, digits and underscores (not starting with a digit), else
/// double-quoted.
pub(crate) fn pg_ident(name: &str) -> String {
    let bare = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if bare {
        name.to_string()
    } else {
        format!("\"{}\"", name.replace('"', "\"\""))
    }
}

/// The note pointing at a source that uses a publication.
pub(crate) fn source_note(source: &IngestSource, publication: &str) -> (FileId, Span, String) {
    let span = source
        .publication
        .as_ref()
        .map_or(source.name_span, |p| p.span);
    (
        source.location.file,
        span,
        format!(
            "source `{}` uses publication '{}' here",
            source.name, publication
        ),
    )
}

/// Add a related note at a source using the publication.
pub(crate) fn with_source_note(
    diagnostic: Diagnostic,
    source: &IngestSource,
    publication: &str,
) -> Diagnostic {
    let (file, span, message) = source_note(source, publication);
    diagnostic.with_related(file, span, message)
}

/// Add a related note at the publication's defining `CREATE PUBLICATION`.
pub(crate) fn with_publication_note(
    diagnostic: Diagnostic,
    publication: &Publication,
) -> Diagnostic {
    diagnostic.with_related(
        publication.name_site.location.file,
        publication.name_site.span,
        format!("publication {} is defined here", publication.name),
    )
}

/// Edits deleting elements `remove` of a comma-separated list (rules.md
/// §1.3, [`crate::fix::list_deletions`]); `None` unless one element remains.
pub(crate) fn list_elements_deletion(
    source: &str,
    spans: &[Span],
    remove: &[usize],
) -> Option<Vec<Edit>> {
    if remove.is_empty() || remove.len() >= spans.len() {
        return None;
    }
    Some(
        crate::fix::list_deletions(source, spans, remove)
            .into_iter()
            .map(Edit::delete)
            .collect(),
    )
}

/// The edits deleting one option of a publication's `WITH (…)` (and the
/// whole `WITH (…)`, with the whitespace before it, when it is the only
/// one). `None` for the only option of `ALTER PUBLICATION … SET (…)`, which
/// cannot be emptied.
pub(crate) fn delete_publication_option(
    source: &str,
    statement: &up::UpstreamStatement,
    option_span: Span,
) -> Option<Vec<Edit>> {
    let options = match &statement.kind {
        up::UpstreamKind::CreatePublication(p) => (p.with.as_ref()?, true),
        up::UpstreamKind::AlterPublication(a) => match &a.action {
            up::AlterPublicationAction::SetOptions(options) => (options, false),
            _ => return None,
        },
        _ => return None,
    };
    let (list, is_create) = options;
    let index = list.options.iter().position(|o| o.span == option_span)?;
    if list.options.len() == 1 {
        if !is_create {
            return None;
        }
        let before = source.get(..list.span.start as usize)?;
        let start = before.trim_end().len() as u32;
        return Some(vec![Edit::delete(Span::new(start, list.span.end))]);
    }
    let spans: Vec<Span> = list.options.iter().map(|o| o.span).collect();
    list_elements_deletion(source, &spans, &[index])
}

/// The upstream statement at a location.
pub(crate) fn upstream_statement<'a>(
    ctx: &ProjectContext<'a>,
    location: crate::project::Location,
) -> Option<&'a up::UpstreamStatement> {
    match &ctx.statement_at(location)?.kind {
        StatementKind::Upstream(u) => Some(u),
        _ => None,
    }
}

/// Covered sources per live publication name, project order.
pub(crate) fn sources_by_publication(
    model: &crate::upstream_model::UpstreamModel,
) -> std::collections::HashMap<&str, Vec<&IngestSource>> {
    let mut users: std::collections::HashMap<&str, Vec<&IngestSource>> =
        std::collections::HashMap::new();
    for (_, source) in model.covered_sources() {
        if let Some(publication) = model.publication_of(source) {
            users
                .entry(publication.name.as_str())
                .or_default()
                .push(source);
        }
    }
    users
}

#[cfg(test)]
pub(crate) mod testing {
    //! Fixtures and helpers for the MZ4xx tests.

    use std::fmt::Write as _;

    use crate::diagnostic::{Applicability, Diagnostic};
    use crate::settings::Settings;
    use crate::source::SourceFile;
    use crate::testing_support::lint_files_with;

    /// rules.md §5.4's running example, `upstream/setup.sql`.
    pub(crate) const RUNNING_EXAMPLE: &str = "\
CREATE TABLE public.orders (id bigint PRIMARY KEY, customer_id bigint, status text,
                            total numeric(12,2), internal_notes text);
CREATE TABLE public.customers (id bigint PRIMARY KEY, name text);
ALTER TABLE public.orders REPLICA IDENTITY FULL;
ALTER TABLE public.customers REPLICA IDENTITY FULL;
CREATE PUBLICATION mz_pub FOR TABLE public.orders, public.customers;
";

    /// The Good source of the running example.
    pub(crate) const GOOD_SOURCE: &str = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders, public.customers);";

    pub(crate) const CANARY: &str = "mzlint-canary-9c1e7f";

    /// One finding, flattened for assertions.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub(crate) struct Found {
        pub path: String,
        pub code: &'static str,
        pub message: String,
        /// The text under the primary span.
        pub text: String,
        pub help: String,
        /// `path:row:col message` of each related location.
        pub related: Vec<String>,
        pub fix: Option<(Applicability, String)>,
    }

    /// Lint a project (paths starting with `upstream/` are upstream SQL)
    /// with default settings; every finding of every rule.
    pub(crate) fn lint_all(files: &[(&str, &str)]) -> Vec<Found> {
        lint_all_with(files, |_| {})
    }

    pub(crate) fn lint_all_with(
        files: &[(&str, &str)],
        configure: impl Fn(&mut Settings),
    ) -> Vec<Found> {
        let (sources, diagnostics) = lint_files_with(files, configure);
        let mut out = Vec::new();
        for (file, list) in sources.iter().zip(diagnostics) {
            for d in list {
                out.push(found(&sources, file, &d));
            }
        }
        out
    }

    fn found(sources: &[SourceFile], file: &SourceFile, d: &Diagnostic) -> Found {
        Found {
            path: file.display_path(),
            code: d.rule.code,
            message: d.message.clone(),
            text: file.text[d.span.range()].to_string(),
            help: d.help.clone().unwrap_or_default(),
            related: d
                .related
                .iter()
                .map(|r| {
                    let other = &sources[r.file.0 as usize];
                    let (row, col) = other.row_col(r.span.start);
                    format!("{}:{row}:{col} {}", other.display_path(), r.message)
                })
                .collect(),
            fix: d.fix.as_ref().map(|f| (f.applicability, f.message.clone())),
        }
    }

    /// The findings of one rule.
    pub(crate) fn lint_code(files: &[(&str, &str)], code: &str) -> Vec<Found> {
        lint_all(files)
            .into_iter()
            .filter(|f| f.code == code)
            .collect()
    }

    /// Codes of every finding, `path code`.
    pub(crate) fn codes(files: &[(&str, &str)]) -> Vec<String> {
        lint_all(files)
            .iter()
            .map(|f| format!("{} {}", f.path, f.code))
            .collect()
    }

    /// Concise rendering (`path:row:col: severity[CODE] message (name)`,
    /// then `help:` and `note:` lines) of one rule's findings, for snapshots.
    pub(crate) fn render(files: &[(&str, &str)], code: &str) -> String {
        let (sources, diagnostics) = lint_files_with(files, |_| {});
        let mut out = String::new();
        for (file, list) in sources.iter().zip(diagnostics) {
            for d in list.iter().filter(|d| d.rule.code == code) {
                let (row, col) = file.row_col(d.span.start);
                let _ = writeln!(
                    out,
                    "{}:{row}:{col}: {}[{}] {} ({})",
                    file.display_path(),
                    d.severity.as_str(),
                    d.rule.code,
                    d.message,
                    d.rule.name
                );
                if let Some(help) = &d.help {
                    let _ = writeln!(out, "  help: {help}");
                }
                for r in &d.related {
                    let other = &sources[r.file.0 as usize];
                    let (row, col) = other.row_col(r.span.start);
                    let _ = writeln!(
                        out,
                        "  note: {}:{row}:{col}: {}",
                        other.display_path(),
                        r.message
                    );
                }
                if let Some(fix) = &d.fix {
                    let _ = writeln!(
                        out,
                        "  fix ({}): {}",
                        fix.applicability.as_str(),
                        fix.message
                    );
                    for edit in &fix.edits {
                        let (row, col) = file.row_col(edit.span.start);
                        let _ = writeln!(
                            out,
                            "    {row}:{col} replace {:?} with {:?}",
                            &file.text[edit.span.range()],
                            edit.content
                        );
                    }
                }
            }
        }
        out
    }

    /// Apply the fixes of `code` (of `applicability` or safer; display-only
    /// fixes too when asked) in file `path` until nothing changes (at most
    /// 10 rounds), re-linting the whole project each round. Returns the
    /// final text of `path` and whether a second application changed
    /// anything (it must not).
    pub(crate) fn fix_until_stable(
        files: &[(&str, &str)],
        code: &str,
        path: &str,
        applicability: Applicability,
    ) -> String {
        let mut current: Vec<(String, String)> = files
            .iter()
            .map(|(p, t)| (p.to_string(), t.to_string()))
            .collect();
        for _ in 0..10 {
            let borrowed: Vec<(&str, &str)> = current
                .iter()
                .map(|(p, t)| (p.as_str(), t.as_str()))
                .collect();
            let (sources, diagnostics) = lint_files_with(&borrowed, |_| {});
            let index = sources
                .iter()
                .position(|s| s.display_path() == path)
                .expect("path in project");
            let mut edits: Vec<crate::diagnostic::Edit> = Vec::new();
            for d in diagnostics[index].iter().filter(|d| d.rule.code == code) {
                let Some(fix) = &d.fix else { continue };
                if fix.applicability < applicability {
                    continue;
                }
                // Skip a fix overlapping one already taken this round.
                let overlaps = fix.edits.iter().any(|e| {
                    edits.iter().any(|t| {
                        e.span.start < t.span.end.max(t.span.start + 1)
                            && t.span.start < e.span.end.max(e.span.start + 1)
                    })
                });
                if !overlaps {
                    edits.extend(fix.edits.iter().cloned());
                }
            }
            if edits.is_empty() {
                break;
            }
            edits.sort_by_key(|e| std::cmp::Reverse((e.span.start, e.span.end)));
            let mut text = sources[index].text.clone();
            for edit in edits {
                text.replace_range(edit.span.range(), &edit.content);
            }
            let entry = current.iter_mut().find(|(p, _)| p == path).expect("path");
            entry.1 = text;
        }
        current
            .into_iter()
            .find(|(p, _)| p == path)
            .map(|(_, t)| t)
            .expect("path")
    }

    /// Assert that fixing `code` in `path` converges to `expected`, that the
    /// result has no MZ000 and no finding of `code` left, and that fixing
    /// again changes nothing.
    pub(crate) fn assert_fix(
        files: &[(&str, &str)],
        code: &str,
        path: &str,
        applicability: Applicability,
        expected: &str,
    ) {
        let fixed = fix_until_stable(files, code, path, applicability);
        assert_eq!(fixed, expected);
        let after: Vec<(&str, &str)> = files
            .iter()
            .map(|(p, t)| {
                if *p == path {
                    (*p, fixed.as_str())
                } else {
                    (*p, *t)
                }
            })
            .collect();
        let remaining = lint_all(&after);
        assert!(
            !remaining
                .iter()
                .any(|f| f.path == path && (f.code == code || f.code == "MZ000")),
            "{remaining:#?}"
        );
        let again = fix_until_stable(&after, code, path, applicability);
        assert_eq!(again, fixed, "a second application changed the file");
    }

    /// Assert no finding anywhere contains the canary.
    pub(crate) fn assert_no_canary(files: &[(&str, &str)]) {
        let (_, diagnostics) = lint_files_with(files, |_| {});
        for d in diagnostics.iter().flatten() {
            let mut texts = vec![d.message.clone()];
            texts.extend(d.help.clone());
            texts.extend(d.notes.clone());
            texts.extend(d.related.iter().map(|r| r.message.clone()));
            if let Some(fix) = &d.fix {
                texts.push(fix.message.clone());
                texts.extend(fix.edits.iter().map(|e| e.content.clone()));
            }
            for text in texts {
                assert!(!text.contains(CANARY), "{}: {text}", d.rule.code);
            }
        }
    }
}

use crate::options::{damerau_levenshtein, within_two_edits_quick};
use crate::prelude::*;
use crate::project::{cluster_name, DefKind, Location, Namespace, QualifiedName};
use crate::references::{references, RefKind, RefName, Reference};
use crate::rules::common::quote_ident;

declare_rule! {
/// * **Detects** a reference of a managed kind (`references.managed-kinds`) that nothing in the project
///   defines (anywhere, in any order; in-file order is MZ503).
/// * **Not** on unmanaged kinds (a project creating no connection manages them elsewhere), external or
///   system names, DROP and IF EXISTS statements.
/// * **Message** (span: the name): `` unknown connection `ssh_1` `` — help: ``did you mean `ssh1`
///   (line 1)? If it is created outside this project, add "connection:ssh_1" to
///   references.external-objects`` (the suggestion: the single defined object of that kind within edit
///   distance 2).
/// * **Why**: `unknown catalog item 'ssh_1'` (`test/ssh-connection/ssh-connections.td`); published examples
///   use connections they never define (MaterializeInc/agent-skills
///   `skills/materialize-docs/sql/create-connection/index.md`: `ssh1` defined, `ssh_1` used).
/// * **Fix (unsafe)**: replace with the suggested name.
/// * **Bad**
///   ```sql
///   CREATE CONNECTION ssh1 TO SSH TUNNEL (HOST 'bastion.acme-corp.net', USER 'mz', PORT 22);
///   CREATE CONNECTION kafka TO KAFKA (BROKER 'b1.internal:9092', SSH TUNNEL ssh_1);
///   ```
/// * **Good**
///   ```sql
///   CREATE CONNECTION ssh1 TO SSH TUNNEL (HOST 'bastion.acme-corp.net', USER 'mz', PORT 22);
///   CREATE CONNECTION kafka TO KAFKA (BROKER 'b1.internal:9092', SSH TUNNEL ssh1);
///   ```
    pub(crate) static RULE = {
        code: "MZ500",
        name: "undefined-reference",
        severity: Error,
        scope: Project,
        fix: Unsafe,
        fix_summary: "unsafe",
        summary: "Referenced object defined nowhere",
        check: Project(check),
    }
}

/// Kinds the project manages: `"auto"` means kinds it creates at least once.
pub(crate) fn is_managed(
    ctx: &ProjectContext<'_>,
    settings: &crate::settings::Settings,
    kind: RefKind,
) -> bool {
    use crate::settings::{ManagedKinds, ObjectKind};
    let object_kind = match kind {
        RefKind::Secret => ObjectKind::Secret,
        RefKind::Connection => ObjectKind::Connection,
        RefKind::Source => ObjectKind::Source,
        RefKind::Cluster => ObjectKind::Cluster,
    };
    match &settings.references.managed_kinds {
        ManagedKinds::Explicit(kinds) => kinds.contains(&object_kind),
        ManagedKinds::Auto => ctx.project.definitions.iter().any(|d| match kind {
            RefKind::Secret => d.kind == DefKind::Secret,
            RefKind::Connection => matches!(d.kind, DefKind::Connection(_)),
            RefKind::Source => matches!(d.kind, DefKind::Source(_)),
            RefKind::Cluster => d.kind == DefKind::Cluster,
        }),
    }
}

/// Is the referenced object known to exist outside the project?
pub(crate) fn is_external(
    settings: &crate::settings::Settings,
    reference: &Reference<'_>,
    qualified: Option<&QualifiedName>,
) -> bool {
    use crate::settings::ObjectKind;
    let kind = match reference.kind {
        RefKind::Secret => ObjectKind::Secret,
        RefKind::Connection => ObjectKind::Connection,
        RefKind::Source => ObjectKind::Source,
        RefKind::Cluster => ObjectKind::Cluster,
    };
    let written = reference.text();
    let full = qualified.map(|q| q.to_string()).unwrap_or_default();
    settings
        .references
        .is_external(kind, &[written.as_str(), full.as_str()])
}

/// The qualified name a reference resolves to (clusters: their own namespace).
pub(crate) fn resolve(
    ctx: &ProjectContext<'_>,
    location: Location,
    reference: &Reference<'_>,
) -> (Namespace, QualifiedName) {
    match reference.name {
        RefName::Item(name) => (Namespace::Item, ctx.project.resolve(location, name)),
        RefName::Cluster(name) => (Namespace::Cluster, cluster_name(name)),
    }
}

/// Does a definition have the kind a reference looks for (ignoring types)?
pub(crate) fn kind_matches(kind: RefKind, def: DefKind) -> bool {
    match kind {
        RefKind::Secret => def == DefKind::Secret,
        RefKind::Connection => matches!(def, DefKind::Connection(_)),
        RefKind::Source => matches!(def, DefKind::Source(_)),
        RefKind::Cluster => def == DefKind::Cluster,
    }
}

/// Every checked reference of every Materialize statement of the run.
pub(crate) fn all_references<'a>(ctx: &ProjectContext<'a>) -> Vec<(Location, Reference<'a>)> {
    let mut out = Vec::new();
    for file in ctx.files {
        if file.kind.is_upstream() || file.load_error.is_some() || !ctx.in_focus(file.id) {
            continue;
        }
        for (index, statement) in file.parsed.statements.iter().enumerate() {
            if matches!(
                statement.kind,
                StatementKind::Error(_) | StatementKind::Drop(_)
            ) {
                continue;
            }
            let location = Location {
                file: file.id,
                statement: index,
            };
            for reference in references(statement) {
                if reference.checked && !reference.is_placeholder() {
                    out.push((location, reference));
                }
            }
        }
    }
    out
}

fn check(ctx: &ProjectContext<'_>, out: &mut Vec<Diagnostic>) {
    // Defined names per kind, built once: suggestions compare against these.
    let mut defined: std::collections::HashMap<RefKind, Vec<&crate::project::Definition>> =
        Default::default();
    for definition in &ctx.project.definitions {
        for kind in [
            RefKind::Secret,
            RefKind::Connection,
            RefKind::Source,
            RefKind::Cluster,
        ] {
            if kind_matches(kind, definition.kind) {
                defined.entry(kind).or_default().push(definition);
            }
        }
    }
    for (location, reference) in all_references(ctx) {
        let settings = ctx.settings_of(location.file);
        if !is_managed(ctx, settings, reference.kind) {
            continue;
        }
        let (namespace, qualified) = resolve(ctx, location, &reference);
        if ctx
            .project
            .definitions_of(namespace, &qualified)
            .next()
            .is_some()
        {
            continue;
        }
        if is_external(settings, &reference, Some(&qualified)) {
            continue;
        }
        let written = reference.text();
        let noun = reference.kind.noun();
        // The single defined object of that kind within edit distance 2.
        let target = qualified.name.as_str();
        // Only a single candidate is suggested, so stop at the second
        // distinct one.
        let mut candidates: Vec<&crate::project::Definition> = Vec::new();
        for d in defined.get(&reference.kind).into_iter().flatten() {
            if !within_two_edits_quick(&d.name.name, target)
                || candidates.iter().any(|c| c.name.name == d.name.name)
                || damerau_levenshtein(&d.name.name, target) > 2
            {
                continue;
            }
            candidates.push(d);
            if candidates.len() > 1 {
                break;
            }
        }
        let external_hint = format!(
            "If it is created outside this project, add \"{noun}:{written}\" to references.external-objects"
        );
        let mut diagnostic = ctx_diagnostic(
            location,
            reference.span,
            format!("unknown {noun} `{written}`"),
        );
        if let [suggestion] = candidates.as_slice() {
            let file = ctx.file(suggestion.location.file);
            let (line, _) = file.row_col(suggestion.name_span.start);
            let where_ = if suggestion.location.file == location.file {
                format!("line {line}")
            } else {
                format!("{}:{line}", file.display_path())
            };
            let replacement = quote_ident(&suggestion.name.name);
            let span = match reference.name {
                RefName::Item(name) => name.last().span,
                RefName::Cluster(_) => reference.span,
            };
            diagnostic = diagnostic
                .with_help(format!(
                    "did you mean `{}` ({where_})? {external_hint}",
                    suggestion.name.name
                ))
                .with_fix(Fix::unsafe_(
                    format!("Replace with `{}`", suggestion.name.name),
                    vec![Edit::replace(span, replacement)],
                ));
        } else {
            diagnostic = diagnostic.with_help(external_hint);
        }
        out.push(diagnostic);
    }
}

fn ctx_diagnostic(location: Location, span: Span, message: String) -> Diagnostic {
    Diagnostic::new(&RULE, location.file, span, message)
}

#[cfg(test)]
mod tests {
    use crate::testing_support::lint_project_codes;

    #[test]
    fn bad_example_reports_the_unknown_tunnel_with_a_suggestion() {
        let sql = "CREATE CONNECTION ssh1 TO SSH TUNNEL (HOST 'bastion.acme-corp.net', USER 'mz', PORT 22);\n\
                   CREATE CONNECTION kafka TO KAFKA (BROKER 'b1.internal:9092', SSH TUNNEL ssh_1);\n";
        let found = lint_project_codes(&[("a.sql", sql)], "MZ500");
        assert_eq!(found.len(), 1, "{found:?}");
        let (_, message, text, help) = &found[0];
        assert_eq!(message, "unknown connection `ssh_1`");
        assert_eq!(text, "ssh_1");
        assert!(help.starts_with("did you mean `ssh1` (line 1)? If it is created outside this project, add \"connection:ssh_1\" to references.external-objects"), "{help}");
    }

    #[test]
    fn good_example_is_silent() {
        let sql = "CREATE CONNECTION ssh1 TO SSH TUNNEL (HOST 'bastion.acme-corp.net', USER 'mz', PORT 22);\n\
                   CREATE CONNECTION kafka TO KAFKA (BROKER 'b1.internal:9092', SSH TUNNEL ssh1);\n";
        assert!(lint_project_codes(&[("a.sql", sql)], "MZ500").is_empty());
    }

    #[test]
    fn definitions_in_other_files_and_any_order_count() {
        let a = "CREATE CONNECTION kafka TO KAFKA (BROKER 'b1.internal:9092', SSH TUNNEL ssh1);";
        let b = "CREATE CONNECTION ssh1 TO SSH TUNNEL (HOST 'h.internal', USER 'mz');";
        assert!(lint_project_codes(&[("a.sql", a), ("b.sql", b)], "MZ500").is_empty());
    }

    #[test]
    fn unmanaged_kinds_external_and_system_names_are_silent() {
        // The project creates no secret: secrets are managed elsewhere.
        let sql = "CREATE CONNECTION pg TO POSTGRES (HOST 'h.internal', DATABASE 'd', USER 'u', PASSWORD SECRET pg_pw, SSL MODE 'require');\n\
                   CREATE SOURCE s IN CLUSTER quickstart FROM POSTGRES CONNECTION pg (PUBLICATION 'p');\n\
                   CREATE CLUSTER other (SIZE = 'M.1-small');\n\
                   CREATE SOURCE t IN CLUSTER mz_system FROM POSTGRES CONNECTION pg (PUBLICATION 'p');\n";
        assert!(lint_project_codes(&[("a.sql", sql)], "MZ500").is_empty());
    }

    #[test]
    fn if_exists_and_drop_are_never_checked() {
        let sql = "CREATE SECRET a AS '${A}';\nALTER SECRET IF EXISTS nope AS '${B}';\nDROP SECRET gone;\n";
        assert!(lint_project_codes(&[("a.sql", sql)], "MZ500").is_empty());
    }

    #[test]
    fn fix_replaces_the_name() {
        let sql = "CREATE CONNECTION ssh1 TO SSH TUNNEL (HOST 'h.internal', USER 'mz');\nCREATE CONNECTION k TO KAFKA (BROKER 'b.internal:9092', SSH TUNNEL ssh_1);\n";
        let fixed = crate::testing_support::apply_all_fixes(sql, "MZ500");
        assert!(fixed.contains("SSH TUNNEL ssh1)"), "{fixed}");
        assert!(lint_project_codes(&[("a.sql", &fixed)], "MZ500").is_empty());
    }
}

use super::common::PrivateLinkStatement;
use crate::prelude::*;

declare_rule! {
/// ## What it does
///
/// Reports the same entry twice in one `AVAILABILITY ZONES` list of a
/// `TO AWS PRIVATELINK` connection (CREATE, and ALTER SET), ignoring case
/// and surrounding whitespace. Each repeat is reported, with a note at the
/// first occurrence.
///
/// Not reported on `CREATE CLUSTER … AVAILABILITY ZONES` or cluster replicas,
/// nor on placeholders.
///
/// ## Why is this bad?
///
/// Materialize rejects it: `connection cannot contain duplicate availability
/// zones` (`src/sql/src/plan/error.rs`;
/// `test/cloudtest/test_privatelink_connection.py`).
///
/// ## Example
///
/// ```sql
/// CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890', AVAILABILITY ZONES ('use1-az1', 'use1-az1', 'use1-az2'));
/// ```
///
/// reports `availability zone 'use1-az1' is listed more than once` on the
/// second entry. Use instead:
///
/// ```sql
/// CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890', AVAILABILITY ZONES ('use1-az1', 'use1-az2'));
/// ```
///
/// ## Fix (safe)
///
/// Deletes the repeat with one adjacent comma (the following one, or the
/// preceding one for the last entry).
    pub(crate) static RULE = {
        code: "MZ301",
        name: "duplicate-availability-zone",
        severity: Error,
        scope: Statement,
        fix: Safe,
        fix_summary: "safe",
        summary: "Same AZ twice",
        check: Statement(check),
    }
}

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(statement) = PrivateLinkStatement::of(ctx) else {
        return;
    };
    let security = &ctx.settings().security;
    for option in statement.zone_options() {
        let Some(Value::List { items, .. }) = &option.value else {
            continue;
        };
        let mut seen: Vec<(String, Span)> = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let Value::String(entry) = item else {
                continue;
            };
            if security.is_placeholder(&entry.value) {
                continue;
            }
            let key = entry.value.trim().to_lowercase();
            let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) else {
                seen.push((key, entry.span));
                continue;
            };
            let message = format!(
                "availability zone '{}' is listed more than once",
                entry.value
            );
            out.push(
                ctx.diagnostic(&RULE, entry.span, message)
                    .with_related(ctx.file_id(), *first, "first listed here")
                    .with_fix(Fix::safe(
                        format!("Remove the repeated '{}'", entry.value),
                        list_element_deletion(ctx.source(), items, index),
                    )),
            );
        }
    }
}

/// Delete list element `index` with one adjacent comma (rules.md §1.3).
fn list_element_deletion(source: &str, items: &[Value], index: usize) -> Vec<Edit> {
    let spans: Vec<Span> = items.iter().map(Value::span).collect();
    crate::fix::list_deletions(source, &spans, &[index])
        .into_iter()
        .map(Edit::delete)
        .collect()
}

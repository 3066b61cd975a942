//! Helpers shared by MZ100–MZ103: effective option names, a connection's
//! effective definition with the origin of each option, list-element
//! deletion (rules.md §1.3), value identity and placeholders.

use mzlint_syntax::ast::*;
use mzlint_syntax::Span;

use crate::context::StatementContext;
use crate::diagnostic::Edit;
use crate::options::{effective_option_name, OptionContext};
use crate::project::DefKind;
use crate::source::FileId;

/// The option `option` counts as in `context` (rules.md §1.8): unknown words
/// MZ100 maps to an option count as it, and the removed spelling `ROLE ARN`
/// counts as ASSUME ROLE ARN (MZ701 reports the spelling).
pub(super) fn effective_name(option: &SqlOption, context: OptionContext) -> Option<OptionName> {
    match &option.name {
        OptionName::RoleArn => Some(OptionName::AssumeRoleArn),
        name => effective_option_name(name, context),
    }
}

/// True when MZ700 or MZ701 reports this option (removed syntax the parser
/// recognised): no other rule does (rules.md §1.7).
pub(super) fn is_removed(statement: &Statement, option: &SqlOption) -> bool {
    statement.removed.iter().any(|r| {
        r.span.start < option.span.end.max(option.span.start + 1) && option.span.start < r.span.end
    })
}

/// The object name as written, for messages.
pub(super) fn written<'a>(ctx: &StatementContext<'a>, span: Span) -> &'a str {
    ctx.text(span)
}

/// Is `value` a placeholder (rules.md §1.6)? Value-shape checks skip them.
pub(super) fn is_placeholder(ctx: &StatementContext<'_>, value: &Value) -> bool {
    let security = &ctx.settings().security;
    match value {
        Value::Placeholder(_) => true,
        Value::String(s) => security.is_placeholder(&s.value),
        Value::Ident(i) => i.is_placeholder(),
        Value::Name(n) => n.is_placeholder(),
        Value::Redacted { span, .. } => {
            let text = ctx.text(*span);
            let inner = text
                .strip_prefix('\'')
                .and_then(|t| t.strip_suffix('\''))
                .unwrap_or(text);
            security.is_placeholder(inner)
        }
        _ => false,
    }
}

/// The text a string-typed option receives, unless it is a placeholder.
pub(super) fn known_text<'v>(
    ctx: &StatementContext<'_>,
    value: Option<&'v Value>,
) -> Option<&'v str> {
    let value = value?;
    if is_placeholder(ctx, value) {
        return None;
    }
    value.as_text()
}

/// Delete element `index` of a comma-separated list whose elements have
/// `elements` spans, with one adjacent comma (rules.md §1.3, through the
/// engine's [`crate::fix::list_deletions`]). `None` for a list of one
/// element, which would be left empty.
pub(super) fn delete_element(source: &str, elements: &[Span], index: usize) -> Option<Edit> {
    if elements.len() < 2 || index >= elements.len() {
        return None;
    }
    let spans = crate::fix::list_deletions(source, elements, &[index]);
    match spans.as_slice() {
        [span] => Some(Edit::delete(*span)),
        _ => None,
    }
}

/// Delete `span` and the whitespace before it (an optional clause).
pub(super) fn delete_clause(source: &str, span: Span) -> Edit {
    let bytes = source.as_bytes();
    let mut start = span.start as usize;
    while start > 0 && bytes[start - 1].is_ascii_whitespace() {
        start -= 1;
    }
    Edit::delete(Span::new(start as u32, span.end))
}

/// Source text with runs of whitespace collapsed, for comparing values
/// mzlint does not model.
fn normalized(ctx: &StatementContext<'_>, span: Span) -> String {
    ctx.text(span)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn names_equal(a: &ItemName, b: &ItemName) -> bool {
    a.parts.len() == b.parts.len()
        && a.parts
            .iter()
            .zip(&b.parts)
            .all(|(x, y)| x.value == y.value)
        && a.resolved_id.as_ref().map(|r| &r.id) == b.resolved_id.as_ref().map(|r| &r.id)
}

/// Are two option values identical (same token kind and text after folding;
/// lists element-wise; secrets compared by name or text, never shown)?
pub(super) fn values_identical(
    ctx: &StatementContext<'_>,
    a: Option<&Value>,
    b: Option<&Value>,
) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => value_identical(ctx, a, b),
        _ => false,
    }
}

fn value_identical(ctx: &StatementContext<'_>, a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(x), Value::String(y)) => x.value == y.value,
        (Value::Ident(x), Value::Ident(y)) => x.value == y.value,
        (Value::Number { text: x, .. }, Value::Number { text: y, .. }) => x == y,
        (Value::Bool { value: x, .. }, Value::Bool { value: y, .. }) => x == y,
        (Value::Null(_), Value::Null(_)) => true,
        (Value::Name(x), Value::Name(y)) => names_equal(x, y),
        (Value::Secret { name: x, .. }, Value::Secret { name: y, .. }) => match (x, y) {
            (Some(x), Some(y)) => names_equal(x, y),
            (None, None) => true,
            _ => false,
        },
        (Value::Redacted { span: x, kind: kx }, Value::Redacted { span: y, kind: ky }) => {
            kx == ky && ctx.text(*x) == ctx.text(*y)
        }
        (Value::List { items: x, .. }, Value::List { items: y, .. }) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| value_identical(ctx, x, y))
        }
        (Value::RetainHistory { value: x, .. }, Value::RetainHistory { value: y, .. }) => {
            value_identical(ctx, x, y)
        }
        (Value::Broker(x), Value::Broker(y)) => {
            value_identical(ctx, &x.address, &y.address)
                && match (&x.tunnel, &y.tunnel) {
                    (None, None) => true,
                    (Some(x), Some(y)) => normalized(ctx, x.span) == normalized(ctx, y.span),
                    _ => false,
                }
        }
        (Value::HexString(x), Value::HexString(y))
        | (Value::Interval(x), Value::Interval(y))
        | (Value::Opaque(x), Value::Opaque(y))
        | (Value::Placeholder(x), Value::Placeholder(y)) => {
            normalized(ctx, *x) == normalized(ctx, *y)
        }
        (Value::PrivateLink(_), Value::PrivateLink(_))
        | (Value::Map { .. }, Value::Map { .. })
        | (Value::Replicas { .. }, Value::Replicas { .. }) => {
            normalized(ctx, a.span()) == normalized(ctx, b.span())
        }
        _ => false,
    }
}

/// The option lists of the per-broker `USING AWS PRIVATELINK pl (…)` clauses
/// of BROKER / BROKERS options.
pub(super) fn broker_privatelink_lists<'a>(
    options: impl IntoIterator<Item = &'a SqlOption>,
) -> Vec<&'a OptionList> {
    fn from_broker<'a>(broker: &'a Broker, out: &mut Vec<&'a OptionList>) {
        if let Some(BrokerTunnel {
            kind:
                BrokerTunnelKind::PrivateLink {
                    options: Some(list),
                    ..
                },
            ..
        }) = &broker.tunnel
        {
            out.push(list);
        }
    }
    let mut out = Vec::new();
    for option in options {
        match &option.value {
            Some(Value::Broker(broker)) => from_broker(broker, &mut out),
            Some(Value::List { items, .. }) => {
                for item in items {
                    if let Value::Broker(broker) = item {
                        from_broker(broker, &mut out);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The option lists inside a FORMAT clause (`CONNECTION csr (…)`, `AVRO
/// USING SCHEMA '…' (…)`), with their contexts.
pub(super) fn format_option_lists(format: &FormatSpec) -> Vec<(OptionContext, &OptionList)> {
    let formats: Vec<&Format> = match &format.kind {
        FormatSpecKind::Bare(f) => vec![f],
        FormatSpecKind::KeyValue { key, value } => vec![key, value],
    };
    let mut out = Vec::new();
    for f in formats {
        match &f.kind {
            FormatKind::Avro(AvroSchema::Csr { csr, .. })
            | FormatKind::Protobuf(ProtobufSchema::Csr { csr, .. }) => {
                if let Some(list) = &csr.options {
                    out.push((OptionContext::CsrConfig, list));
                }
            }
            FormatKind::Avro(AvroSchema::Inline {
                options: Some(list),
                ..
            }) => out.push((OptionContext::AvroSchema, list)),
            _ => {}
        }
    }
    out
}

/// Every option list of a statement with the context its names are read in
/// (rules.md §1.8), in source order per statement kind: connection options,
/// their per-broker `USING AWS PRIVATELINK pl (…)` lists and `WITH (…)`;
/// source options, `WITH (…)` and FORMAT lists; `CREATE TABLE … FROM SOURCE`
/// `WITH (…)` and FORMAT lists; `ALTER SOURCE` SET/RESET and `ADD SUBSOURCE …
/// WITH (…)`; cluster options with each replica's list; replica options;
/// `ALTER CLUSTER` SET (and its `WITH (…)`) and RESET.
///
/// The actions of `ALTER CONNECTION` are not a list of options (each rule
/// reads them against the connection's type); only the lists nested in
/// them (per-broker PrivateLink options of SET actions) and its `WITH (…)`
/// are given.
pub(super) fn option_lists(statement: &Statement) -> Vec<(OptionContext, &[SqlOption])> {
    fn brokers<'a>(
        options: impl IntoIterator<Item = &'a SqlOption>,
    ) -> impl Iterator<Item = (OptionContext, &'a [SqlOption])> {
        broker_privatelink_lists(options)
            .into_iter()
            .map(|list| (OptionContext::BrokerPrivatelink, list.options.as_slice()))
    }
    fn formats(format: Option<&FormatSpec>) -> impl Iterator<Item = (OptionContext, &[SqlOption])> {
        format
            .into_iter()
            .flat_map(format_option_lists)
            .map(|(context, list)| (context, list.options.as_slice()))
    }
    let mut out: Vec<(OptionContext, &[SqlOption])> = Vec::new();
    match &statement.kind {
        StatementKind::CreateConnection(create) => {
            let options = &create.options.options;
            out.push((
                OptionContext::Connection(Some(create.connection_type)),
                options,
            ));
            out.extend(brokers(options));
            if let Some(with) = &create.with_options {
                out.push((OptionContext::ConnectionWith, &with.options));
            }
        }
        StatementKind::AlterConnection(alter) => {
            if let AlterConnectionAction::Actions {
                actions,
                with_options,
            } = &alter.action
            {
                out.extend(brokers(actions.iter().filter_map(
                    |action| match &action.kind {
                        AlterConnectionItemKind::Set(option) => Some(option),
                        _ => None,
                    },
                )));
                if let Some(with) = with_options {
                    out.push((OptionContext::ConnectionWith, &with.options));
                }
            }
        }
        StatementKind::CreateSource(source) => {
            if let SourceBody::Connection(conn) = &source.body {
                if let Some(list) = &conn.options {
                    out.push((OptionContext::Source(conn.kind), &list.options));
                }
                if let Some(with) = &conn.with_options {
                    out.push((OptionContext::SourceWith, &with.options));
                }
                out.extend(formats(conn.format.as_ref()));
            }
        }
        StatementKind::CreateTableFromSource(table) => {
            if let Some(with) = &table.with_options {
                out.push((OptionContext::TableFromSourceWith, &with.options));
            }
            out.extend(formats(table.format.as_ref()));
        }
        StatementKind::AlterSource(alter) => match &alter.action {
            AlterSourceAction::Set(list) | AlterSourceAction::Reset(list) => {
                out.push((OptionContext::AlterSource, &list.options))
            }
            AlterSourceAction::AddSubsources {
                with_options: Some(with),
                ..
            } => out.push((OptionContext::AddSubsourceWith, &with.options)),
            _ => {}
        },
        StatementKind::CreateCluster(cluster) => {
            let options = &cluster.options.options;
            out.push((OptionContext::Cluster, options));
            for option in options {
                if let Some(Value::Replicas { replicas, .. }) = &option.value {
                    for replica in replicas {
                        out.push((OptionContext::Replica, &replica.options));
                    }
                }
            }
        }
        StatementKind::CreateClusterReplica(replica) => {
            out.push((OptionContext::Replica, &replica.options.options))
        }
        StatementKind::AlterCluster(alter) => match &alter.action {
            AlterClusterAction::Set {
                options,
                with_options,
            } => {
                out.push((OptionContext::Cluster, &options.options));
                if let Some(with) = with_options {
                    out.push((OptionContext::AlterClusterWith, &with.options));
                }
            }
            AlterClusterAction::Reset(options) => {
                out.push((OptionContext::Cluster, &options.options))
            }
            _ => {}
        },
        _ => {}
    }
    out
}

/// Whether a `CREATE CLUSTER` is managed: `MANAGED` as written (no value is
/// true), else managed unless REPLICAS is given. `None` when MANAGED has a
/// value mzlint cannot read (a placeholder, a string: MZ106).
pub(super) fn cluster_is_managed(options: &[SqlOption]) -> Option<bool> {
    let named = |name: OptionName| {
        options
            .iter()
            .find(move |o| effective_name(o, OptionContext::Cluster) == Some(name.clone()))
    };
    match named(OptionName::Managed) {
        None => Some(named(OptionName::Replicas).is_none()),
        Some(option) => match &option.value {
            None => Some(true),
            Some(Value::Bool { value, .. }) => Some(*value),
            _ => None,
        },
    }
}

// ---------------------------------------------------------------------------
// Effective connection definitions with origins (rules.md §1.2)

/// One option of a connection's effective definition.
#[derive(Clone, Debug)]
pub(super) struct Entry<'a> {
    /// The effective (canonical) name.
    pub name: OptionName,
    pub option: &'a SqlOption,
    /// The file of the statement that set it.
    pub file: FileId,
    /// Set by the statement being checked.
    pub current: bool,
    /// The `SET (…)` action that set it, when it came from an ALTER.
    pub action: Option<Span>,
}

/// The effective definition of a `CREATE CONNECTION`: its options, in
/// written order, under their effective names (unknown unmapped words left
/// out).
pub(super) fn create_entries<'a>(
    create: &'a CreateConnection,
    file: FileId,
    current: bool,
) -> Vec<Entry<'a>> {
    let context = OptionContext::Connection(Some(create.connection_type));
    create
        .options
        .options
        .iter()
        .filter_map(|option| {
            Some(Entry {
                name: effective_name(option, context)?,
                option,
                file,
                current,
                action: None,
            })
        })
        .collect()
}

/// Apply an ALTER's SET/RESET actions to `entries`. SET BROKER drops
/// BROKERS and vice versa (`materialize-ddl.md` §5.10).
pub(super) fn apply_alter<'a>(
    entries: &mut Vec<Entry<'a>>,
    alter: &'a AlterConnection,
    connection_type: ConnectionType,
    file: FileId,
    current: bool,
) {
    let AlterConnectionAction::Actions { actions, .. } = &alter.action else {
        return;
    };
    let context = OptionContext::Connection(Some(connection_type));
    for action in actions {
        match &action.kind {
            AlterConnectionItemKind::Set(option) => {
                let Some(name) = effective_name(option, context) else {
                    continue;
                };
                entries.retain(|e| {
                    e.name != name
                        && !(name == OptionName::Broker && e.name == OptionName::Brokers)
                        && !(name == OptionName::Brokers && e.name == OptionName::Broker)
                });
                entries.push(Entry {
                    name,
                    option,
                    file,
                    current,
                    action: Some(action.span),
                });
            }
            AlterConnectionItemKind::Reset { option, .. } => {
                if let Some(name) = effective_name(option, context) {
                    entries.retain(|e| e.name != name);
                }
            }
            AlterConnectionItemKind::RotateKeys => {}
        }
    }
}

/// A connection's effective definition just before and just after the
/// `ALTER CONNECTION` being checked.
pub(super) struct AlterStates<'a> {
    pub connection_type: ConnectionType,
    pub before: Vec<Entry<'a>>,
    pub after: Vec<Entry<'a>>,
}

/// The states around `alter`, when the project has the connection's
/// `CREATE CONNECTION` before it in project order.
pub(super) fn alter_states<'a>(
    ctx: &StatementContext<'a>,
    alter: &'a AlterConnection,
) -> Option<AlterStates<'a>> {
    let project = ctx.project();
    let definition = project.lookup_item(ctx.location(), &alter.name)?;
    let DefKind::Connection(connection_type) = definition.kind else {
        return None;
    };
    if definition.location >= ctx.location() {
        return None;
    }
    let StatementKind::CreateConnection(create) = &ctx.statement_at(definition.location)?.kind
    else {
        return None;
    };
    if connection_type == ConnectionType::Yugabyte {
        return None;
    }
    let mut entries = create_entries(create, definition.location.file, false);
    for location in project.connection_alters_between(definition, ctx.location()) {
        if let Some(Statement {
            kind: StatementKind::AlterConnection(earlier),
            ..
        }) = ctx.statement_at(location)
        {
            apply_alter(&mut entries, earlier, connection_type, location.file, false);
        }
    }
    let before = entries.clone();
    apply_alter(&mut entries, alter, connection_type, ctx.file_id(), true);
    Some(AlterStates {
        connection_type,
        before,
        after: entries,
    })
}

/// The first entry named `name`.
pub(super) fn find<'e, 'a>(entries: &'e [Entry<'a>], name: &OptionName) -> Option<&'e Entry<'a>> {
    entries.iter().find(|e| &e.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(source: &str, parts: &[&str]) -> Vec<Span> {
        parts
            .iter()
            .map(|p| {
                let start = source.find(p).unwrap();
                Span::new(start as u32, (start + p.len()) as u32)
            })
            .collect()
    }

    fn apply(source: &str, edit: Edit) -> String {
        let mut out = source.to_string();
        out.replace_range(edit.span.range(), &edit.content);
        out
    }

    #[test]
    fn deleting_list_elements_takes_one_comma() {
        let source = "(A 1, B 2 ,  C 3)";
        let elements = spans(source, &["A 1", "B 2", "C 3"]);
        assert_eq!(
            apply(source, delete_element(source, &elements, 0).unwrap()),
            "(B 2 ,  C 3)"
        );
        assert_eq!(
            apply(source, delete_element(source, &elements, 1).unwrap()),
            "(A 1, C 3)"
        );
        assert_eq!(
            apply(source, delete_element(source, &elements, 2).unwrap()),
            "(A 1, B 2)"
        );
        let single = "(A 1)";
        assert!(delete_element(single, &spans(single, &["A 1"]), 0).is_none());
    }

    #[test]
    fn deleting_the_last_element_across_lines() {
        let source = "(A 1,\r\n  B 2)";
        let elements = spans(source, &["A 1", "B 2"]);
        assert_eq!(
            apply(source, delete_element(source, &elements, 1).unwrap()),
            "(A 1)"
        );
    }
}

/// Test helpers for MZ100–MZ103, on top of [`crate::testing`].
#[cfg(test)]
pub(super) mod testkit {
    use crate::diagnostic::{Diagnostic, Fix};
    use crate::source::FileId;

    /// Lint several files as one project, in argument order (their paths
    /// sort that way); the diagnostics of each file.
    pub fn lint_project(texts: &[&str]) -> Vec<Vec<Diagnostic>> {
        let paths: Vec<String> = (0..texts.len()).map(|i| format!("f{i:02}.sql")).collect();
        let files: Vec<(&str, &str)> = paths
            .iter()
            .map(String::as_str)
            .zip(texts.iter().copied())
            .collect();
        let mut out: Vec<Vec<Diagnostic>> = texts.iter().map(|_| Vec::new()).collect();
        for (_, d) in crate::testing::lint_project(&files, None) {
            let FileId(index) = d.file;
            out[index as usize].push(d);
        }
        out
    }

    /// Lint one file with the default settings.
    pub fn lint(sql: &str) -> Vec<Diagnostic> {
        crate::testing::lint_sql(sql)
    }

    /// The one diagnostic of `sql` (of any rule), a `code`.
    pub fn only(sql: &str, code: &str) -> Diagnostic {
        crate::testing::only_diagnostic(sql, None, code)
    }

    /// No diagnostic of any rule.
    pub fn assert_clean(sql: &str) {
        crate::testing::assert_no_diagnostics(sql, None);
    }

    /// The diagnostics of one rule.
    pub fn of(diagnostics: &[Diagnostic], code: &str) -> Vec<Diagnostic> {
        crate::testing::of_code(diagnostics, code)
    }

    /// Apply one fix.
    pub fn apply(sql: &str, fix: &Fix) -> String {
        crate::fix::apply_edits(sql, &fix.edits)
    }

    /// Concise lines with help, notes and fixes, for snapshots.
    pub fn render(sql: &str, diagnostics: &[Diagnostic]) -> String {
        crate::testing::render_sql(sql, diagnostics)
    }

    /// Apply the fix of the single `code` diagnostic at `span_text`, check the
    /// result re-parses without a new MZ000 and that diagnostic is gone;
    /// return the fixed text.
    pub fn fix_once(sql: &str, code: &str, span_text: &str) -> String {
        let diagnostics = lint(sql);
        let target: Vec<&Diagnostic> = diagnostics
            .iter()
            .filter(|d| d.code() == code && &sql[d.span.range()] == span_text)
            .collect();
        assert_eq!(
            target.len(),
            1,
            "one {code} at {span_text:?}: {diagnostics:#?}"
        );
        let fix = target[0].fix.as_ref().expect("a fix");
        let fixed = apply(sql, fix);
        let after = lint(&fixed);
        let syntax = |ds: &[Diagnostic]| ds.iter().filter(|d| d.code() == "MZ000").count();
        assert!(
            syntax(&after) <= syntax(&diagnostics),
            "the fix must re-parse: {fixed}\n{after:#?}"
        );
        assert!(
            !after
                .iter()
                .any(|d| d.code() == code && d.message == target[0].message),
            "the fix must clear its diagnostic: {fixed}\n{after:#?}"
        );
        fixed
    }

    /// Check every fix of `sql` with [`crate::testing::assert_fixes_converge`],
    /// then apply the fixes of `code` alone until nothing changes and return
    /// that text (asserting it converges and re-parses).
    pub fn fix_all(sql: &str, code: &str) -> String {
        crate::testing::assert_fixes_converge(sql, None);
        let syntax_before = lint(sql).iter().filter(|d| d.code() == "MZ000").count();
        let mut text = sql.to_string();
        for _ in 0..10 {
            let diagnostics: Vec<Diagnostic> = lint(&text)
                .into_iter()
                .filter(|d| d.code() == code || d.code() == "MZ000")
                .collect();
            let syntax = diagnostics.iter().filter(|d| d.code() == "MZ000").count();
            assert!(syntax <= syntax_before, "fixes broke the parse: {text}");
            let (fixed, applied) =
                crate::fix::apply_fixes(&text, &diagnostics, crate::fix::FixMode::Unsafe);
            if applied == 0 {
                return text;
            }
            text = fixed;
        }
        panic!("fixes of {code} do not converge: {text}");
    }
}

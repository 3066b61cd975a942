//! Helpers shared by rules of several groups: identifier quoting, the name
//! an option counts as (rules.md §1.8), the connection an `ALTER CONNECTION`
//! alters, and list-element deletion (rules.md §1.3).

use crate::options::{effective_option_name, OptionContext};
use crate::prelude::*;

/// Does `name` print bare, that is match `[a-z_][a-z0-9_]*`?
pub(crate) fn is_bare_ident(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c == '_')
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// `name` double-quoted, with `"` doubled.
pub(crate) fn double_quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// An identifier as Materialize prints it: bare when it matches
/// `[a-z_][a-z0-9_]*`, otherwise double-quoted.
pub(crate) fn quote_ident(name: &str) -> String {
    if is_bare_ident(name) {
        name.to_string()
    } else {
        double_quoted(name)
    }
}

/// The option a connection option name counts as (rules.md §1.8), or `None`
/// for an unknown word MZ100 cannot map.
pub(crate) fn connection_option_name(
    name: &OptionName,
    connection_type: Option<ConnectionType>,
) -> Option<OptionName> {
    effective_option_name(name, OptionContext::Connection(connection_type))
}

/// The option a source option name of a `kind` source counts as.
pub(crate) fn source_option_name(name: &OptionName, kind: SourceKind) -> Option<OptionName> {
    effective_option_name(name, OptionContext::Source(kind))
}

/// The type of the connection an `ALTER CONNECTION` alters, when the
/// project defines it.
pub(crate) fn altered_connection_type(
    ctx: &StatementContext<'_>,
    alter: &AlterConnection,
) -> Option<ConnectionType> {
    ctx.project().connection_type(ctx.location(), &alter.name)
}

/// The edits deleting element `index` of a comma-separated list whose
/// elements have the given spans, with one adjacent comma (rules.md §1.3).
pub(crate) fn delete_list_element(source: &str, elements: &[Span], index: usize) -> Vec<Edit> {
    crate::fix::list_deletions(source, elements, &[index])
        .into_iter()
        .map(Edit::delete)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_quoted_unless_bare() {
        assert_eq!(quote_ident("ingest_2"), "ingest_2");
        assert_eq!(quote_ident("_x"), "_x");
        assert_eq!(quote_ident("Ingest"), "\"Ingest\"");
        assert_eq!(quote_ident("2x"), "\"2x\"");
        assert_eq!(quote_ident(""), "\"\"");
        assert_eq!(quote_ident("a\"b"), "\"a\"\"b\"");
    }
}

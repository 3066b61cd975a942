//! Upstream PostgreSQL and MySQL statements (rules.md §5.4).
//!
//! PLACEHOLDER: the upstream parser is being written; this type is replaced.

use crate::span::Span;

#[derive(Clone, Debug)]
pub enum UpstreamStatement {
    /// A statement of the upstream dialect that mzlint does not model.
    Other { span: Span },
}

/// Parse one upstream statement from its non-trivia tokens.
pub(crate) fn parse_statement(_source: &str, tokens: &[crate::token::Token]) -> UpstreamStatement {
    let span = match (tokens.first(), tokens.last()) {
        (Some(first), Some(last)) => Span::new(first.span.start, last.span.end),
        _ => Span::default(),
    };
    UpstreamStatement::Other { span }
}

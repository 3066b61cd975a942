//! Recursive-descent parser for Materialize DDL.
//!
//! The file is first split into statements at top-level `;` (one linear pass
//! over the tokens); each statement is then parsed on its own slice of
//! non-trivia tokens. A statement that fails yields one MZ000-shaped
//! [`SyntaxError`] and an [`ErrorStatement`]; the next statement is parsed
//! as if nothing happened. Nothing here is quadratic: no statement looks at
//! another's tokens.
//!
//! The parser is deliberately lenient where the linter can say something more
//! precise than Materialize's parse error (rules.md, MZ000 "Not on"): unknown
//! option words, options of another source kind, removed syntax, strings where
//! names belong. Those parse into the AST and a rule reports them.

mod cluster;
mod connection;
mod core;
mod format;
mod misc;
mod option_tables;
mod secret;
mod source;
mod table;

pub(crate) use self::core::{PResult, ParseError, Parser};

use crate::ast::*;
use crate::lexer::{lex, LexError};
use crate::span::Span;
use crate::token::{Token, TokenKind};

/// Which language a file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Dialect {
    /// Materialize DDL; upstream-only statements (`CREATE PUBLICATION`,
    /// `ALTER TABLE … REPLICA IDENTITY`) are routed to the upstream parser.
    #[default]
    Materialize,
    /// Upstream PostgreSQL or MySQL: every statement goes to the upstream
    /// parser, and failures are skipped without MZ000.
    Upstream,
}

/// A parse error, reported as MZ000.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// Materialize's text (`Expected left parenthesis, found HOST`). Never
    /// contains a string literal's content or, in secret contexts, any token.
    pub message: String,
    pub span: Span,
    /// Index into [`ParsedFile::statements`].
    pub statement: usize,
}

#[derive(Debug, Default)]
pub struct ParsedFile {
    pub statements: Vec<Statement>,
    pub errors: Vec<SyntaxError>,
    /// Every token, trivia included; they tile the source.
    pub tokens: Vec<Token>,
    pub lex_errors: Vec<LexError>,
}

/// Parse Materialize DDL.
pub fn parse(source: &str) -> ParsedFile {
    parse_with(source, Dialect::Materialize)
}

pub fn parse_with(source: &str, dialect: Dialect) -> ParsedFile {
    let lexed = lex(source);
    let mut file = ParsedFile {
        statements: Vec::new(),
        errors: Vec::new(),
        tokens: lexed.tokens,
        lex_errors: lexed.errors,
    };
    let significant: Vec<Token> = file
        .tokens
        .iter()
        .copied()
        .filter(|t| !t.kind.is_trivia())
        .collect();
    let mut lex_errors = file.lex_errors.iter().peekable();
    for chunk in split_statements(&significant) {
        let tokens = &significant[chunk.tokens.clone()];
        if tokens.is_empty() {
            continue; // `;;`
        }
        let span = Span::new(tokens[0].span.start, tokens[tokens.len() - 1].span.end);
        // Lex errors inside this statement: the first one is its MZ000.
        while lex_errors.peek().is_some_and(|e| e.span.start < span.start) {
            lex_errors.next();
        }
        let mut lex_error = None;
        while let Some(e) = lex_errors.peek() {
            if e.span.start >= chunk.end_offset {
                break;
            }
            if lex_error.is_none() {
                lex_error = Some((*e).clone());
            }
            lex_errors.next();
        }
        let index = file.statements.len();
        let (statement, error) = parse_statement(source, tokens, chunk.semicolon, span, dialect);
        let (statement, error) = match (lex_error, dialect) {
            (Some(lex_error), Dialect::Materialize) => {
                let templated = is_templated(source, tokens);
                let head = head_of(&statement.kind);
                let statement = Statement {
                    span,
                    kind: StatementKind::Error(ErrorStatement { head, templated }),
                    removed: Vec::new(),
                };
                let error = (!templated).then(|| ParseError {
                    message: lex_error.message.to_string(),
                    span: lex_error.span,
                });
                (statement, error)
            }
            _ => (statement, error),
        };
        if let Some(error) = error {
            file.errors.push(SyntaxError {
                message: error.message,
                span: error.span,
                statement: index,
            });
        }
        file.statements.push(statement);
    }
    file
}

struct Chunk {
    tokens: std::ops::Range<usize>,
    /// The terminating `;`, if any.
    semicolon: Option<Span>,
    /// Where the statement's text ends (its `;`, or end of input).
    end_offset: u32,
}

/// Split at `;` at parenthesis depth 0 (rules.md MZ000 recovery). When the
/// parentheses never balance before the end of input, the statement ends at
/// its first `;` instead, so one unclosed `(` mid-edit does not swallow the
/// rest of the file.
fn split_statements(tokens: &[Token]) -> Vec<Chunk> {
    let mut chunks = Vec::new();
    let mut start = 0;
    while start < tokens.len() {
        let mut depth = 0i32;
        let mut first_semicolon = None;
        let mut end = None;
        for (i, token) in tokens.iter().enumerate().skip(start) {
            match token.kind {
                TokenKind::LParen | TokenKind::LBracket => depth += 1,
                TokenKind::RParen | TokenKind::RBracket => depth = (depth - 1).max(0),
                TokenKind::Semicolon => {
                    if depth == 0 {
                        end = Some(i);
                        break;
                    }
                    first_semicolon.get_or_insert(i);
                }
                _ => {}
            }
        }
        let end = end.or(first_semicolon);
        match end {
            Some(i) => {
                chunks.push(Chunk {
                    tokens: start..i,
                    semicolon: Some(tokens[i].span),
                    end_offset: tokens[i].span.start,
                });
                start = i + 1;
            }
            None => {
                chunks.push(Chunk {
                    tokens: start..tokens.len(),
                    semicolon: None,
                    end_offset: u32::MAX,
                });
                start = tokens.len();
            }
        }
    }
    chunks
}

/// `{{ … }}`, `{% … %}` or `${…}` outside string literals (rules.md §1.6).
fn is_templated(source: &str, tokens: &[Token]) -> bool {
    tokens.windows(2).any(|pair| {
        let (a, b) = (pair[0], pair[1]);
        let adjacent = a.span.end == b.span.start;
        let a_text = a.text(source);
        let b_text = b.text(source);
        adjacent
            && ((a_text == "{" && (b_text == "{" || b_text.starts_with('%')))
                || (a_text == "$" && b_text == "{"))
    })
}

fn parse_statement(
    source: &str,
    tokens: &[Token],
    semicolon: Option<Span>,
    span: Span,
    dialect: Dialect,
) -> (Statement, Option<ParseError>) {
    let mut parser = Parser::new(source, tokens, semicolon);
    let result = match dialect {
        Dialect::Materialize => parser.parse_statement_kind(),
        Dialect::Upstream => Ok(parser.parse_upstream()),
    };
    let result = result.and_then(|kind| {
        parser.expect_end()?;
        Ok(kind)
    });
    match result {
        Ok(kind) => (
            Statement {
                span,
                kind,
                removed: std::mem::take(&mut parser.removed),
            },
            None,
        ),
        Err(error) => {
            let templated = is_templated(source, tokens);
            let statement = Statement {
                span,
                kind: StatementKind::Error(ErrorStatement {
                    head: parser.head.take(),
                    templated,
                }),
                removed: Vec::new(),
            };
            (statement, (!templated).then_some(error))
        }
    }
}

/// What a parsed statement creates, for recovery when it is later rejected.
fn head_of(kind: &StatementKind) -> Option<PartialHead> {
    let (object_type, name, connection_type, source_kind) = match kind {
        StatementKind::CreateSecret(s) => (ObjectType::Secret, s.name.clone(), None, None),
        StatementKind::CreateConnection(c) => (
            ObjectType::Connection,
            c.name.clone(),
            Some(c.connection_type),
            None,
        ),
        StatementKind::CreateSource(s) => {
            let kind = match &s.body {
                SourceBody::Connection(c) => Some(c.kind),
                SourceBody::Webhook(_) => None,
            };
            (ObjectType::Source, s.name.clone(), None, kind)
        }
        StatementKind::CreateTableFromSource(t) => (ObjectType::Table, t.name.clone(), None, None),
        StatementKind::CreateTableFromWebhook(t) => (ObjectType::Table, t.name.clone(), None, None),
        StatementKind::CreateCluster(c) => (
            ObjectType::Cluster,
            ItemName {
                span: c.name.span,
                parts: vec![c.name.clone()],
                resolved_id: None,
            },
            None,
            None,
        ),
        _ => return None,
    };
    Some(PartialHead {
        object_type,
        name,
        connection_type,
        source_kind,
    })
}

impl Parser<'_> {
    /// Dispatch on the statement's first keyword(s).
    fn parse_statement_kind(&mut self) -> PResult<StatementKind> {
        if self.peek_kw("CREATE") {
            return self.parse_create();
        }
        if self.peek_kw("ALTER") {
            return self.parse_alter();
        }
        if self.peek_kw("DROP") {
            return self.parse_drop();
        }
        if self.peek_kws(&["VALIDATE", "CONNECTION"]) {
            return self.parse_validate_connection();
        }
        if self.peek_kw("SET") {
            return self.parse_set();
        }
        self.parse_other_statement()
    }

    fn parse_create(&mut self) -> PResult<StatementKind> {
        // `CREATE` is at position 0; look at what follows without consuming,
        // so each production parses its own head.
        let second = self.nth_word_upper(1);
        match second.as_deref() {
            Some("SECRET") => self.parse_create_secret(),
            Some("CONNECTION") | Some("CONNECTOR") => self.parse_create_connection(),
            Some("SOURCE") => self.parse_create_source(),
            Some("MATERIALIZED") if self.nth_is_kw(2, "SOURCE") => self.parse_create_source(),
            Some("SUBSOURCE") => self.parse_create_subsource(),
            Some("CLUSTER") if self.nth_is_kw(2, "REPLICA") => self.parse_create_cluster_replica(),
            Some("CLUSTER") => self.parse_create_cluster(),
            Some("TABLE") | Some("TEMP") | Some("TEMPORARY")
                if self.has_later_kws(&["FROM", "SOURCE"])
                    || self.has_later_kws(&["FROM", "WEBHOOK"]) =>
            {
                self.parse_create_table_from()
            }
            Some("PUBLICATION") => Ok(self.parse_upstream()),
            _ => self.parse_create_shallow(),
        }
    }

    fn parse_alter(&mut self) -> PResult<StatementKind> {
        match self.nth_word_upper(1).as_deref() {
            Some("SECRET") => self.parse_alter_secret(),
            Some("CONNECTION") => self.parse_alter_connection(),
            Some("SOURCE") => self.parse_alter_source(),
            Some("CLUSTER") if !self.nth_is_kw(2, "REPLICA") => self.parse_alter_cluster(),
            Some("PUBLICATION") => Ok(self.parse_upstream()),
            Some("TABLE") if self.has_later_kws(&["REPLICA", "IDENTITY"]) => {
                Ok(self.parse_upstream())
            }
            Some("SINK") => self.parse_alter_sink(),
            _ => Ok(self.parse_opaque()),
        }
    }

    fn parse_drop(&mut self) -> PResult<StatementKind> {
        match self.nth_word_upper(1).as_deref() {
            Some("PUBLICATION") => Ok(self.parse_upstream()),
            _ => self.parse_drop_objects(),
        }
    }
}

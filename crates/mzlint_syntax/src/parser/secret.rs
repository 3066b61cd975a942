//! CREATE / ALTER SECRET (§3.1).
//!
//! The `AS` expression is secret-bearing from its first token to the end of
//! the statement: it is parsed inside [`Parser::redacted`], so no error names
//! any of its tokens (rules.md §2). mzlint does not model SQL expressions; the
//! expression is *skimmed*: an operand/operator walk precise enough to find
//! what is certainly wrong (nothing after `AS`, a missing operand, an operand
//! directly followed by another one, `'a' x`) and lenient everywhere else (an
//! unmodelled keyword ends the walk and the rest of the statement is taken as
//! part of the expression, which the planner checks).

use super::core::{PResult, ParseError, Parser};
use crate::ast::*;
use crate::keywords::is_keyword;
use crate::token::TokenKind;

/// Keywords Materialize never accepts at the start of an expression.
const ALWAYS_RESERVED: &[&str] = &[
    "WITH",
    "SELECT",
    "FROM",
    "WHERE",
    "GROUP",
    "HAVING",
    "QUALIFY",
    "WINDOW",
    "ORDER",
    "LIMIT",
    "OFFSET",
    "FETCH",
    "OPTIONS",
    "RETURNING",
    "UNION",
    "EXCEPT",
    "INTERSECT",
];

impl Parser<'_> {
    /// `CREATE SECRET [IF NOT EXISTS] item_name AS expr`
    pub(crate) fn parse_create_secret(&mut self) -> PResult<StatementKind> {
        self.expect_kws(&["CREATE", "SECRET"])?;
        let if_not_exists = self.parse_if_not_exists()?;
        let name = self.parse_item_name()?;
        self.head = Some(PartialHead {
            object_type: ObjectType::Secret,
            name: name.clone(),
            connection_type: None,
            source_kind: None,
        });
        self.expect_kw("AS")?;
        let value = self.parse_secret_expr()?;
        Ok(StatementKind::CreateSecret(CreateSecret {
            if_not_exists,
            name,
            value,
        }))
    }

    /// `ALTER SECRET [IF EXISTS] item_name (AS expr | RENAME TO ident | OWNER TO ident)`
    pub(crate) fn parse_alter_secret(&mut self) -> PResult<StatementKind> {
        self.expect_kws(&["ALTER", "SECRET"])?;
        let if_exists = self.parse_if_exists()?;
        let name = self.parse_item_name()?;
        let (action, _) = self.expect_one_of(&["AS", "RENAME", "OWNER"])?;
        let action = match action {
            0 => AlterSecretAction::Value(self.parse_secret_expr()?),
            1 => {
                self.expect_kw("TO")?;
                AlterSecretAction::Rename(self.parse_ident()?)
            }
            _ => {
                self.expect_kw("TO")?;
                AlterSecretAction::Owner(self.parse_ident()?)
            }
        };
        Ok(StatementKind::AlterSecret(AlterSecret {
            if_exists,
            name,
            action,
        }))
    }

    /// The `AS` expression, to the end of the statement, redacted.
    fn parse_secret_expr(&mut self) -> PResult<SecretExpr> {
        self.redacted(|p| {
            let first = p.pos;
            let start = p.start();
            p.skim_expr()?;
            if !p.at_end() {
                return Err(p.expected("end of statement"));
            }
            Ok(SecretExpr {
                span: p.span_from(start),
                literals: p.secret_literals(first, p.pos),
            })
        })
    }

    /// The string literals of the expression tokens `first..end`, except the
    /// encoding argument of `decode(…, 'base64')` (rules.md §1.8) and psql
    /// interpolations (`:'name'`, rules.md §1.6).
    fn secret_literals(&self, first: usize, end: usize) -> Vec<StringLit> {
        struct Group {
            decode: bool,
            argument: usize,
        }
        let mut groups: Vec<Group> = Vec::new();
        let mut literals = Vec::new();
        for i in first..end {
            let Some(token) = self.tokens.get(i).copied() else {
                break;
            };
            let prev = if i > first {
                self.tokens.get(i - 1).copied()
            } else {
                None
            };
            match token.kind {
                TokenKind::LParen => groups.push(Group {
                    decode: prev.is_some_and(|t| self.token_is_kw(t, "decode")),
                    argument: 0,
                }),
                TokenKind::LBracket => groups.push(Group {
                    decode: false,
                    argument: 0,
                }),
                TokenKind::RParen | TokenKind::RBracket => {
                    groups.pop();
                }
                TokenKind::Comma => {
                    if let Some(group) = groups.last_mut() {
                        group.argument += 1;
                    }
                }
                kind if kind.is_string() => {
                    let psql = prev.is_some_and(|t| {
                        t.kind == TokenKind::Colon && t.span.end == token.span.start
                    });
                    let encoding = groups.last().is_some_and(|g| g.decode && g.argument == 1);
                    if !psql && !encoding {
                        literals.push(self.string_lit_from(token));
                    }
                }
                _ => {}
            }
        }
        literals
    }

    /// The error for a missing operand: `Unexpected EOF` at the end of the
    /// input, otherwise `Expected an expression, found …`.
    fn missing_expression(&self) -> ParseError {
        if self.at_end() && self.describe_next() == "EOF" {
            self.error_here("Unexpected EOF")
        } else {
            self.expected("an expression")
        }
    }

    /// Walk one expression. On return the cursor is after the expression, or
    /// at the end of the statement when the rest was taken leniently.
    fn skim_expr(&mut self) -> PResult<()> {
        let mut need_operand = true;
        loop {
            if need_operand {
                self.skim_operand()?;
                need_operand = false;
                continue;
            }
            let Some(token) = self.peek() else {
                return Ok(());
            };
            match token.kind {
                // Binary operators (`||`, `+`, `<>`, `=`, `*`, …).
                TokenKind::Op | TokenKind::Eq | TokenKind::Star => {
                    self.bump();
                    need_operand = true;
                }
                TokenKind::DoubleColon => {
                    self.bump();
                    self.skim_type()?;
                }
                TokenKind::LBracket => self.skim_group()?,
                TokenKind::Dot => {
                    self.bump();
                    if self.peek_ident() || self.peek_kind(TokenKind::Star) {
                        self.bump();
                    } else {
                        return Err(self.expected("identifier"));
                    }
                }
                TokenKind::Word => {
                    let upper = self.text(token).to_ascii_uppercase();
                    match upper.as_str() {
                        "AND" | "OR" | "LIKE" | "ILIKE" | "IN" | "BETWEEN" | "ESCAPE" => {
                            self.bump();
                            need_operand = true;
                        }
                        "NOT"
                            if ["LIKE", "ILIKE", "IN", "BETWEEN"]
                                .iter()
                                .any(|kw| self.nth_is_kw(1, kw)) =>
                        {
                            self.pos += 2;
                            need_operand = true;
                        }
                        "IS" => {
                            self.bump();
                            self.eat_kw("NOT");
                            if self.eat_kw("DISTINCT").is_some() {
                                self.expect_kw("FROM")?;
                                need_operand = true;
                            } else if !["NULL", "TRUE", "FALSE", "UNKNOWN"]
                                .iter()
                                .any(|kw| self.eat_kw(kw).is_some())
                            {
                                self.skip_to_group_end();
                            }
                        }
                        "ISNULL" | "NOTNULL" => {
                            self.bump();
                        }
                        // A keyword construct mzlint does not model (`AT TIME
                        // ZONE`, `COLLATE`, multi-word types, …): lenient.
                        _ if is_keyword(&upper) => self.skip_to_group_end(),
                        // An identifier right after an operand: the
                        // expression ended; the caller reports the rest.
                        _ => return Ok(()),
                    }
                }
                _ => return Ok(()),
            }
        }
    }

    /// Prefix operators and one primary.
    fn skim_operand(&mut self) -> PResult<()> {
        loop {
            match self.peek() {
                Some(t) if t.kind == TokenKind::Op && matches!(self.text(t), "-" | "+" | "~") => {
                    self.bump();
                }
                Some(t) if self.token_is_kw(t, "NOT") => {
                    self.bump();
                }
                _ => break,
            }
        }
        let Some(token) = self.peek() else {
            return Err(self.missing_expression());
        };
        match token.kind {
            TokenKind::String
            | TokenKind::EscapeString
            | TokenKind::DollarString
            | TokenKind::HexString
            | TokenKind::Number
            | TokenKind::Parameter => {
                self.bump();
            }
            TokenKind::LParen => self.skim_parenthesized()?,
            // `[u1 AS db.schema.f](…)`: a resolved function name.
            TokenKind::LBracket => {
                self.skim_group()?;
                if self.peek_kind(TokenKind::LParen) {
                    self.skim_group()?;
                }
            }
            TokenKind::Colon => {
                if self.parse_psql_variable().is_none() {
                    return Err(self.missing_expression());
                }
            }
            TokenKind::Op if self.text(token) == "<" => {
                if self.parse_angle_placeholder().is_none() {
                    return Err(self.missing_expression());
                }
            }
            TokenKind::Word | TokenKind::QuotedIdent => self.skim_word_operand(token)?,
            _ => return Err(self.missing_expression()),
        }
        Ok(())
    }

    fn skim_word_operand(&mut self, token: crate::token::Token) -> PResult<()> {
        let upper = if token.kind == TokenKind::Word {
            self.text(token).to_ascii_uppercase()
        } else {
            String::new()
        };
        if ALWAYS_RESERVED.contains(&upper.as_str()) {
            return Err(self.error_here(format!(
                "expected expression, but found reserved keyword: {}",
                self.describe(token)
            )));
        }
        let next_opens = |p: &Self, kinds: &[TokenKind]| kinds.iter().any(|k| p.nth_kind(1, *k));
        match upper.as_str() {
            "CASE" => self.skip_case(),
            "ARRAY" | "LIST" if next_opens(self, &[TokenKind::LBracket, TokenKind::LParen]) => {
                self.bump();
                self.skim_group()?;
            }
            "MAP" if next_opens(self, &[TokenKind::LBracket]) => {
                self.bump();
                self.skim_group()?;
            }
            "EXISTS" | "ROW" if next_opens(self, &[TokenKind::LParen]) => {
                self.bump();
                self.skim_group()?;
            }
            "INTERVAL" if self.nth(1).is_some_and(|t| t.kind.is_string()) => {
                self.pos += 2;
            }
            "TRUE" | "FALSE" | "NULL" => {
                self.bump();
            }
            _ => {
                // A (qualified) name: a column, a function call or the type
                // of a typed literal (`bytea '\x00'`).
                self.bump();
                while self.peek_kind(TokenKind::Dot)
                    && self
                        .nth(1)
                        .is_some_and(|t| matches!(t.kind, TokenKind::Word | TokenKind::QuotedIdent))
                {
                    self.pos += 2;
                }
                if self.peek_kind(TokenKind::LParen) {
                    self.skim_group()?;
                } else if self.peek_string() {
                    self.bump();
                }
            }
        }
        Ok(())
    }

    /// A data type after `::`: a name, type modifiers and array brackets.
    /// Multi-word types end in keywords, which the caller takes leniently.
    fn skim_type(&mut self) -> PResult<()> {
        if self.peek_kind(TokenKind::LBracket) {
            self.skim_group()?;
        } else if self.peek_ident() {
            self.bump();
            while self.peek_kind(TokenKind::Dot)
                && self
                    .nth(1)
                    .is_some_and(|t| matches!(t.kind, TokenKind::Word | TokenKind::QuotedIdent))
            {
                self.pos += 2;
            }
        } else {
            return Err(self.expected("a data type name"));
        }
        if self.peek_kind(TokenKind::LParen) {
            self.skim_group()?;
        }
        while self.peek_kind(TokenKind::LBracket) {
            self.skim_group()?;
        }
        Ok(())
    }

    /// A group whose content is not modelled (function arguments, array
    /// elements, subscripts): skipped, but it must be closed.
    fn skim_group(&mut self) -> PResult<()> {
        let close = if self.peek_kind(TokenKind::LBracket) {
            "right square bracket"
        } else {
            "right parenthesis"
        };
        if self.skip_group() {
            Ok(())
        } else {
            Err(self.expected(close))
        }
    }

    /// `( expr {, expr} )`, or a parenthesised query (skipped).
    fn skim_parenthesized(&mut self) -> PResult<()> {
        self.expect_lparen()?;
        if ["SELECT", "WITH", "VALUES", "TABLE", "SHOW"]
            .iter()
            .any(|kw| self.peek_kw(kw))
        {
            self.skip_to_group_end();
        } else {
            loop {
                self.skim_expr()?;
                if self.eat(TokenKind::Comma).is_none() {
                    break;
                }
            }
        }
        self.expect_rparen()?;
        Ok(())
    }

    /// `CASE … END`, nested ones included; leniently to the end of the
    /// enclosing group when unclosed.
    fn skip_case(&mut self) {
        let mut depth = 0usize;
        let mut groups = 0usize;
        while let Some(token) = self.peek() {
            match token.kind {
                TokenKind::LParen | TokenKind::LBracket => groups += 1,
                TokenKind::RParen | TokenKind::RBracket => {
                    if groups == 0 {
                        return;
                    }
                    groups -= 1;
                }
                _ => {}
            }
            self.bump();
            if self.token_is_kw(token, "CASE") {
                depth += 1;
            } else if self.token_is_kw(token, "END") {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return;
                }
            }
        }
    }
}

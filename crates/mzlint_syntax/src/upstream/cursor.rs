//! The upstream parser's cursor over one statement's significant tokens, and
//! the pieces every production shares: keywords, identifiers, names, role
//! specifications, option values, balanced skipping.
//!
//! Failures carry a fixed reason (`&'static str`), never token text: the
//! statement becomes [`UpstreamKind::Unparsed`](super::UpstreamKind) and a
//! reason may end up in debug logs, where secrets must not (rules.md §2).

use std::borrow::Cow;

use super::ast::*;
use super::mysql_lex::{backquoted_value, mysql_string_value};
use crate::lexer::{quoted_ident_value, string_value};
use crate::span::Span;
use crate::token::{Token, TokenKind};

pub(super) type R<T> = Result<T, &'static str>;

pub(super) struct Cursor<'a> {
    pub src: &'a str,
    pub toks: &'a [Token],
    pub pos: usize,
    pub dialect: UpstreamDialect,
    /// The tokens come from the MySQL lexer: `'…'` and `"…"` are strings
    /// with backslash escapes.
    pub mysql_tokens: bool,
}

impl<'a> Cursor<'a> {
    pub fn new(
        src: &'a str,
        toks: &'a [Token],
        dialect: UpstreamDialect,
        mysql_tokens: bool,
    ) -> Self {
        Cursor {
            src,
            toks,
            pos: 0,
            dialect,
            mysql_tokens,
        }
    }

    pub fn mysql(&self) -> bool {
        self.dialect == UpstreamDialect::MySql
    }

    /// Strings follow MySQL's rules (backslash escapes, `"…"` is a string).
    pub fn mysql_strings(&self) -> bool {
        self.mysql_tokens || self.mysql()
    }

    // -- cursor ----------------------------------------------------------

    pub fn peek(&self) -> Option<Token> {
        self.toks.get(self.pos).copied()
    }

    pub fn nth(&self, n: usize) -> Option<Token> {
        self.toks.get(self.pos + n).copied()
    }

    pub fn at_end(&self) -> bool {
        self.pos >= self.toks.len()
    }

    pub fn advance(&mut self) -> Option<Token> {
        let token = self.peek()?;
        self.pos += 1;
        Some(token)
    }

    pub fn text(&self, token: Token) -> &'a str {
        token.text(self.src)
    }

    /// Start of the next token, or the end of the last one.
    pub fn start(&self) -> u32 {
        match self.peek() {
            Some(t) => t.span.start,
            None => self.toks.last().map_or(0, |t| t.span.end),
        }
    }

    /// End of the last consumed token.
    pub fn prev_end(&self) -> u32 {
        match self.pos.checked_sub(1).and_then(|i| self.toks.get(i)) {
            Some(t) => t.span.end,
            None => self.start(),
        }
    }

    /// From `start` through the last consumed token.
    pub fn span_from(&self, start: u32) -> Span {
        Span::new(start, self.prev_end().max(start))
    }

    pub fn peek_kind(&self, kind: TokenKind) -> bool {
        self.peek().is_some_and(|t| t.kind == kind)
    }

    pub fn nth_kind(&self, n: usize, kind: TokenKind) -> bool {
        self.nth(n).is_some_and(|t| t.kind == kind)
    }

    pub fn eat(&mut self, kind: TokenKind) -> Option<Token> {
        if self.peek_kind(kind) {
            self.advance()
        } else {
            None
        }
    }

    pub fn expect(&mut self, kind: TokenKind, reason: &'static str) -> R<Token> {
        self.eat(kind).ok_or(reason)
    }

    /// The statement must end here.
    pub fn expect_end(&self) -> R<()> {
        if self.at_end() {
            Ok(())
        } else {
            Err("unexpected tokens after the statement")
        }
    }

    /// `kw` is an unquoted word equal to it ignoring case.
    pub fn is_kw(&self, token: Token, kw: &str) -> bool {
        token.kind == TokenKind::Word && self.text(token).eq_ignore_ascii_case(kw)
    }

    pub fn peek_kw(&self, kw: &str) -> bool {
        self.peek().is_some_and(|t| self.is_kw(t, kw))
    }

    pub fn nth_kw(&self, n: usize, kw: &str) -> bool {
        self.nth(n).is_some_and(|t| self.is_kw(t, kw))
    }

    pub fn peek_kws(&self, kws: &[&str]) -> bool {
        kws.iter().enumerate().all(|(i, kw)| self.nth_kw(i, kw))
    }

    pub fn peek_any_kw(&self, kws: &[&str]) -> bool {
        kws.iter().any(|kw| self.peek_kw(kw))
    }

    pub fn eat_kw(&mut self, kw: &str) -> Option<Span> {
        if self.peek_kw(kw) {
            self.advance().map(|t| t.span)
        } else {
            None
        }
    }

    /// The whole sequence, or nothing.
    pub fn eat_kws(&mut self, kws: &[&str]) -> Option<Span> {
        if self.peek_kws(kws) {
            let start = self.start();
            self.pos += kws.len();
            Some(self.span_from(start))
        } else {
            None
        }
    }

    pub fn expect_kw(&mut self, kw: &str, reason: &'static str) -> R<Span> {
        self.eat_kw(kw).ok_or(reason)
    }

    pub fn expect_kws(&mut self, kws: &[&str], reason: &'static str) -> R<Span> {
        self.eat_kws(kws).ok_or(reason)
    }

    /// `IF NOT EXISTS`
    pub fn if_not_exists(&mut self) -> R<bool> {
        if self.peek_kws(&["IF", "NOT", "EXISTS"]) {
            self.pos += 3;
            Ok(true)
        } else if self.peek_kw("IF") {
            Err("expected IF NOT EXISTS")
        } else {
            Ok(false)
        }
    }

    /// `IF EXISTS`
    pub fn if_exists(&mut self) -> R<bool> {
        if self.peek_kws(&["IF", "EXISTS"]) {
            self.pos += 2;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    /// `CASCADE` or `RESTRICT`, if next.
    pub fn drop_behavior(&mut self) -> Option<DropBehavior> {
        if self.eat_kw("CASCADE").is_some() {
            Some(DropBehavior::Cascade)
        } else if self.eat_kw("RESTRICT").is_some() {
            Some(DropBehavior::Restrict)
        } else {
            None
        }
    }

    // -- identifiers and names ---------------------------------------------

    /// A word or a quoted identifier (`"…"`, or `` `…` `` from the MySQL
    /// lexer).
    pub fn peek_ident(&self) -> bool {
        self.peek().is_some_and(|t| self.is_ident_token(t))
    }

    pub fn is_ident_token(&self, token: Token) -> bool {
        match token.kind {
            TokenKind::Word => true,
            // In MySQL `"…"` is a string, not an identifier.
            TokenKind::QuotedIdent => !(self.mysql_strings() && self.text(token).starts_with('"')),
            _ => false,
        }
    }

    pub fn ident_from(&self, token: Token) -> R<Ident> {
        let text = self.text(token);
        match token.kind {
            TokenKind::Word => Ok(Ident {
                span: token.span,
                value: self.fold(text),
                quoted: false,
            }),
            TokenKind::QuotedIdent if self.is_ident_token(token) => {
                let value = if text.starts_with('`') {
                    backquoted_value(text)
                } else {
                    quoted_ident_value(text)
                };
                if value.is_empty() {
                    return Err("zero-length delimited identifier");
                }
                Ok(Ident {
                    span: token.span,
                    value: value.into_owned(),
                    quoted: true,
                })
            }
            _ => Err("expected an identifier"),
        }
    }

    /// An unquoted identifier's value: PostgreSQL folds ASCII letters to
    /// lower case; MySQL keeps the case (names compare ignoring case).
    pub fn fold(&self, text: &str) -> String {
        match self.dialect {
            UpstreamDialect::PostgreSql => text.to_ascii_lowercase(),
            UpstreamDialect::MySql => text.to_owned(),
        }
    }

    pub fn ident(&mut self) -> R<Ident> {
        match self.peek() {
            Some(token) if self.is_ident_token(token) => {
                self.pos += 1;
                self.ident_from(token)
            }
            _ => Err("expected an identifier"),
        }
    }

    /// `a`, `a.b`, `a.b.c`.
    pub fn name(&mut self) -> R<QualifiedName> {
        let start = self.start();
        let mut parts = vec![self.ident()?];
        while self.peek_kind(TokenKind::Dot) && self.nth(1).is_some_and(|t| self.is_ident_token(t))
        {
            self.pos += 1;
            parts.push(self.ident()?);
        }
        Ok(QualifiedName {
            span: self.span_from(start),
            parts,
        })
    }

    /// `a, b.c, …`
    pub fn names(&mut self) -> R<Vec<QualifiedName>> {
        let mut names = vec![self.name()?];
        while self.eat(TokenKind::Comma).is_some() {
            names.push(self.name()?);
        }
        Ok(names)
    }

    /// `a, b, …`
    pub fn idents(&mut self) -> R<Vec<Ident>> {
        let mut idents = vec![self.ident()?];
        while self.eat(TokenKind::Comma).is_some() {
            idents.push(self.ident()?);
        }
        Ok(idents)
    }

    /// `(a, b)`.
    pub fn paren_idents(&mut self) -> R<Vec<Ident>> {
        self.expect(TokenKind::LParen, "expected a left parenthesis")?;
        let idents = self.idents()?;
        self.expect(TokenKind::RParen, "expected a right parenthesis")?;
        Ok(idents)
    }

    /// `(a [anything], b [anything])`: index and key column lists, where each
    /// entry may carry an opclass, an order, a MySQL prefix length, or be an
    /// expression (skipped, no name kept).
    pub fn paren_key_columns(&mut self) -> R<Vec<Ident>> {
        self.expect(TokenKind::LParen, "expected a left parenthesis")?;
        let mut columns = Vec::new();
        loop {
            if self.peek_ident() {
                columns.push(self.ident()?);
            }
            self.skip_until(|_, t| t.kind == TokenKind::Comma);
            if self.eat(TokenKind::Comma).is_none() {
                break;
            }
        }
        self.expect(TokenKind::RParen, "expected a right parenthesis")?;
        Ok(columns)
    }

    // -- roles -----------------------------------------------------------

    pub fn role_spec(&mut self) -> R<RoleSpec> {
        let token = self.peek().ok_or("expected a role")?;
        if token.kind == TokenKind::Word {
            let text = self.text(token);
            let special = [
                (
                    "CURRENT_ROLE",
                    RoleSpec::CurrentRole as fn(Span) -> RoleSpec,
                ),
                ("CURRENT_USER", RoleSpec::CurrentUser),
                ("SESSION_USER", RoleSpec::SessionUser),
            ];
            for (kw, make) in special {
                if text.eq_ignore_ascii_case(kw) {
                    self.pos += 1;
                    return Ok(make(token.span));
                }
            }
        }
        let ident = self.ident()?;
        if ident.value == "public" || (!ident.quoted && ident.value.eq_ignore_ascii_case("public"))
        {
            return Ok(RoleSpec::Public(ident.span));
        }
        Ok(RoleSpec::Name(ident))
    }

    /// `a, b, …`; each may be preceded by `GROUP` (grantees).
    pub fn role_specs(&mut self) -> R<Vec<RoleSpec>> {
        let mut roles = Vec::new();
        loop {
            if self.peek_kw("GROUP") && self.nth(1).is_some_and(|t| self.is_ident_token(t)) {
                self.pos += 1;
            }
            roles.push(self.role_spec()?);
            if self.eat(TokenKind::Comma).is_none() {
                return Ok(roles);
            }
        }
    }

    // -- literals ----------------------------------------------------------

    /// A string literal token of this dialect (MySQL: `"…"` too).
    pub fn is_string_token(&self, token: Token) -> bool {
        token.kind.is_string()
            || (self.mysql_strings()
                && token.kind == TokenKind::QuotedIdent
                && self.text(token).starts_with('"'))
    }

    pub fn peek_string(&self) -> bool {
        self.peek().is_some_and(|t| self.is_string_token(t))
    }

    /// The decoded value of a string token.
    pub fn string_value(&self, token: Token) -> Cow<'a, str> {
        let text = self.text(token);
        if self.mysql_strings() && (text.starts_with('\'') || text.starts_with('"')) {
            mysql_string_value(text)
        } else {
            string_value(token.kind, text)
        }
    }

    /// How a string token was written.
    pub fn literal_style(&self, token: Token) -> LiteralStyle {
        let text = self.text(token);
        if self.mysql_strings() && (text.starts_with('\'') || text.starts_with('"')) {
            return LiteralStyle::MySql;
        }
        match token.kind {
            TokenKind::EscapeString => LiteralStyle::Escape,
            TokenKind::DollarString => LiteralStyle::Dollar,
            _ => LiteralStyle::Standard,
        }
    }

    /// A password value: a string literal, `NULL` (when `allow_null`), or a
    /// psql interpolation (`:'pw'`, `:"pw"`, `:pw`). Never reads the value
    /// into the AST.
    pub fn password(&mut self, allow_null: bool) -> R<Password> {
        let token = self.peek().ok_or("expected a password")?;
        if self.is_string_token(token) {
            self.pos += 1;
            let kind = if self.string_value(token).is_empty() {
                PasswordKind::Empty
            } else {
                PasswordKind::Literal(self.literal_style(token))
            };
            return Ok(Password {
                span: token.span,
                kind,
            });
        }
        if allow_null && self.is_kw(token, "NULL") {
            self.pos += 1;
            return Ok(Password {
                span: token.span,
                kind: PasswordKind::Null,
            });
        }
        if token.kind == TokenKind::Colon {
            if let Some(var) = self.nth(1) {
                let adjacent = var.span.start == token.span.end;
                let var_kind = matches!(
                    var.kind,
                    TokenKind::String | TokenKind::QuotedIdent | TokenKind::Word
                );
                if adjacent && var_kind {
                    self.pos += 2;
                    return Ok(Password {
                        span: Span::new(token.span.start, var.span.end),
                        kind: PasswordKind::PsqlVariable,
                    });
                }
            }
        }
        Err("expected a password value")
    }

    /// A non-secret value: a string, a word (folded to lower case), or a
    /// number with an optional sign.
    pub fn option_value(&mut self) -> R<OptionValue> {
        let token = self.peek().ok_or("expected a value")?;
        let start = token.span.start;
        if self.is_string_token(token) {
            self.pos += 1;
            return Ok(OptionValue {
                span: token.span,
                kind: OptionValueKind::String,
                text: self.string_value(token).into_owned(),
            });
        }
        match token.kind {
            TokenKind::Word | TokenKind::QuotedIdent => {
                let ident = self.ident()?;
                Ok(OptionValue {
                    span: ident.span,
                    kind: OptionValueKind::Word,
                    text: if ident.quoted {
                        ident.value
                    } else {
                        ident.value.to_ascii_lowercase()
                    },
                })
            }
            TokenKind::Op if matches!(self.text(token), "-" | "+") => {
                let number = self.nth(1).filter(|t| t.kind == TokenKind::Number);
                let number = number.ok_or("expected a number after a sign")?;
                self.pos += 2;
                Ok(OptionValue {
                    span: Span::new(start, number.span.end),
                    kind: OptionValueKind::Number,
                    text: self.src[start as usize..number.span.end as usize].to_owned(),
                })
            }
            TokenKind::Number => {
                self.pos += 1;
                Ok(OptionValue {
                    span: token.span,
                    kind: OptionValueKind::Number,
                    text: self.text(token).to_owned(),
                })
            }
            _ => Err("expected a value"),
        }
    }

    // -- skipping ------------------------------------------------------------

    /// Consume a parenthesised (or bracketed) group whose opening token is
    /// next; returns its span.
    pub fn skip_group(&mut self) -> R<Span> {
        let open = self.peek().ok_or("expected a left parenthesis")?;
        if !matches!(open.kind, TokenKind::LParen | TokenKind::LBracket) {
            return Err("expected a left parenthesis");
        }
        let mut depth = 0usize;
        while let Some(token) = self.advance() {
            match token.kind {
                TokenKind::LParen | TokenKind::LBracket => depth += 1,
                TokenKind::RParen | TokenKind::RBracket => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok(self.span_from(open.span.start));
                    }
                }
                _ => {}
            }
        }
        Err("unbalanced parentheses")
    }

    /// Consume tokens until, at nesting depth 0, `stop` accepts one (not
    /// consumed), a closing parenthesis that was not opened here is next, or
    /// the statement ends. Returns the span consumed, if any.
    pub fn skip_until(&mut self, stop: impl Fn(&Self, Token) -> bool) -> Option<Span> {
        let start = self.start();
        let begin = self.pos;
        let mut depth = 0usize;
        while let Some(token) = self.peek() {
            match token.kind {
                TokenKind::LParen | TokenKind::LBracket => depth += 1,
                TokenKind::RParen | TokenKind::RBracket => {
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                }
                _ if depth == 0 && stop(self, token) => break,
                _ => {}
            }
            self.pos += 1;
        }
        (self.pos > begin).then(|| self.span_from(start))
    }

    /// Consume the rest of the statement; returns its span, if any.
    pub fn skip_rest(&mut self) -> Option<Span> {
        let start = self.start();
        let begin = self.pos;
        self.pos = self.toks.len();
        (self.pos > begin).then(|| self.span_from(start))
    }

    /// True when `kw` occurs at nesting depth 0 from the cursor on, before
    /// any of `before` (all keywords).
    pub fn has_kw_at_depth0(&self, kw: &str, before: &[&str]) -> bool {
        let mut depth = 0usize;
        for token in &self.toks[self.pos.min(self.toks.len())..] {
            match token.kind {
                TokenKind::LParen | TokenKind::LBracket => depth += 1,
                TokenKind::RParen | TokenKind::RBracket => depth = depth.saturating_sub(1),
                TokenKind::Word if depth == 0 => {
                    if self.is_kw(*token, kw) {
                        return true;
                    }
                    if before.iter().any(|b| self.is_kw(*token, b)) {
                        return false;
                    }
                }
                _ => {}
            }
        }
        false
    }
}

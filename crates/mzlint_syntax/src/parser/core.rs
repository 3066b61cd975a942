//! The parser's cursor and the building blocks every production uses:
//! keyword matching, Materialize-shaped error messages, identifiers, names,
//! literals, generic option values and option lists.

use std::borrow::Cow;

use super::option_tables::{OptionSpec, OptionTable, ValueShape};
use crate::ast::*;
use crate::keywords::is_keyword;
use crate::lexer::{quoted_ident_value, string_value};
use crate::span::Span;
use crate::token::{Token, TokenKind};

pub(crate) type PResult<T> = Result<T, ParseError>;

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ParseError {
    pub message: String,
    pub span: Span,
}

pub(crate) struct Parser<'a> {
    pub(crate) src: &'a str,
    /// The statement's non-trivia tokens, without the terminating `;`.
    pub(crate) tokens: &'a [Token],
    pub(crate) pos: usize,
    /// The terminating `;`: what "the next token" is at the end of the slice.
    semicolon: Option<Span>,
    /// Inside a secret value or after a secret-bearing option name: errors
    /// name no token text (rules.md §2).
    pub(crate) redact: bool,
    pub(crate) removed: Vec<RemovedSyntax>,
    /// Set by productions once their head (`CREATE CONNECTION name TO TYPE`)
    /// has parsed, so a later error still registers the object.
    pub(crate) head: Option<PartialHead>,
}

impl<'a> Parser<'a> {
    pub(crate) fn new(src: &'a str, tokens: &'a [Token], semicolon: Option<Span>) -> Self {
        Parser {
            src,
            tokens,
            pos: 0,
            semicolon,
            redact: false,
            removed: Vec::new(),
            head: None,
        }
    }

    // -- cursor ------------------------------------------------------------

    pub(crate) fn at_end(&self) -> bool {
        self.pos >= self.tokens.len()
    }

    pub(crate) fn peek(&self) -> Option<Token> {
        self.tokens.get(self.pos).copied()
    }

    pub(crate) fn nth(&self, n: usize) -> Option<Token> {
        self.tokens.get(self.pos + n).copied()
    }

    pub(crate) fn text(&self, token: Token) -> &'a str {
        token.text(self.src)
    }

    pub(crate) fn bump(&mut self) -> Token {
        let token = self.tokens[self.pos];
        self.pos += 1;
        token
    }

    /// Start offset of the next token (or of the end, when there is none).
    pub(crate) fn start(&self) -> u32 {
        self.peek()
            .map_or_else(|| self.end_offset(), |t| t.span.start)
    }

    /// End offset of the last consumed token.
    pub(crate) fn prev_end(&self) -> u32 {
        if self.pos == 0 {
            self.start()
        } else {
            self.tokens[self.pos - 1].span.end
        }
    }

    /// Span from `start` to the end of the last consumed token.
    pub(crate) fn span_from(&self, start: u32) -> Span {
        Span::new(start, self.prev_end().max(start))
    }

    fn end_offset(&self) -> u32 {
        self.tokens.last().map_or(0, |t| t.span.end)
    }

    pub(crate) fn peek_kind(&self, kind: TokenKind) -> bool {
        self.peek().is_some_and(|t| t.kind == kind)
    }

    pub(crate) fn nth_kind(&self, n: usize, kind: TokenKind) -> bool {
        self.nth(n).is_some_and(|t| t.kind == kind)
    }

    pub(crate) fn eat(&mut self, kind: TokenKind) -> Option<Token> {
        if self.peek_kind(kind) {
            Some(self.bump())
        } else {
            None
        }
    }

    /// Consume a token of `kind` or fail with `Expected <what>, found …`.
    pub(crate) fn expect(&mut self, kind: TokenKind, what: &str) -> PResult<Token> {
        match self.eat(kind) {
            Some(token) => Ok(token),
            None => Err(self.expected(what)),
        }
    }

    pub(crate) fn expect_lparen(&mut self) -> PResult<Token> {
        self.expect(TokenKind::LParen, "left parenthesis")
    }

    pub(crate) fn expect_rparen(&mut self) -> PResult<Token> {
        self.expect(TokenKind::RParen, "right parenthesis")
    }

    // -- keywords ----------------------------------------------------------

    /// True when the token is an unquoted word equal to `kw` ignoring case.
    pub(crate) fn token_is_kw(&self, token: Token, kw: &str) -> bool {
        token.kind == TokenKind::Word && self.text(token).eq_ignore_ascii_case(kw)
    }

    pub(crate) fn peek_kw(&self, kw: &str) -> bool {
        self.peek().is_some_and(|t| self.token_is_kw(t, kw))
    }

    pub(crate) fn nth_is_kw(&self, n: usize, kw: &str) -> bool {
        self.nth(n).is_some_and(|t| self.token_is_kw(t, kw))
    }

    /// True when the next tokens are exactly these keywords.
    pub(crate) fn peek_kws(&self, kws: &[&str]) -> bool {
        kws.iter().enumerate().all(|(i, kw)| self.nth_is_kw(i, kw))
    }

    /// The `n`th token's text in upper case, if it is an unquoted word.
    pub(crate) fn nth_word_upper(&self, n: usize) -> Option<String> {
        self.nth(n)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| self.text(t).to_ascii_uppercase())
    }

    /// True when the keyword sequence appears anywhere later in this
    /// statement (the `CREATE TABLE … FROM SOURCE` lookahead, confined to the
    /// statement: see `materialize-ddl.md` §3.6 on the quirk we do not copy).
    pub(crate) fn has_later_kws(&self, kws: &[&str]) -> bool {
        (self.pos..self.tokens.len()).any(|i| {
            kws.iter().enumerate().all(|(k, kw)| {
                self.tokens
                    .get(i + k)
                    .is_some_and(|t| self.token_is_kw(*t, kw))
            })
        })
    }

    pub(crate) fn eat_kw(&mut self, kw: &str) -> Option<Span> {
        if self.peek_kw(kw) {
            Some(self.bump().span)
        } else {
            None
        }
    }

    /// Consume the whole keyword sequence, or nothing.
    pub(crate) fn eat_kws(&mut self, kws: &[&str]) -> Option<Span> {
        if self.peek_kws(kws) {
            let start = self.start();
            self.pos += kws.len();
            Some(self.span_from(start))
        } else {
            None
        }
    }

    pub(crate) fn expect_kw(&mut self, kw: &str) -> PResult<Span> {
        match self.eat_kw(kw) {
            Some(span) => Ok(span),
            None => Err(self.expected(kw)),
        }
    }

    pub(crate) fn expect_kws(&mut self, kws: &[&str]) -> PResult<Span> {
        let start = self.start();
        for kw in kws {
            self.expect_kw(kw)?;
        }
        Ok(self.span_from(start))
    }

    /// Consume one of `kws`, returning its index, or fail with
    /// `Expected one of A or B or C, found …`.
    pub(crate) fn expect_one_of(&mut self, kws: &[&str]) -> PResult<(usize, Span)> {
        for (i, kw) in kws.iter().enumerate() {
            if let Some(span) = self.eat_kw(kw) {
                return Ok((i, span));
            }
        }
        Err(self.expected_one_of(kws))
    }

    /// `IF NOT EXISTS`
    pub(crate) fn parse_if_not_exists(&mut self) -> PResult<bool> {
        if self.eat_kw("IF").is_some() {
            self.expect_kws(&["NOT", "EXISTS"])?;
            return Ok(true);
        }
        Ok(false)
    }

    /// `IF EXISTS`
    pub(crate) fn parse_if_exists(&mut self) -> PResult<bool> {
        if self.eat_kw("IF").is_some() {
            self.expect_kw("EXISTS")?;
            return Ok(true);
        }
        Ok(false)
    }

    // -- errors ------------------------------------------------------------

    /// How the next token appears in messages (`materialize-ddl.md` §1.5).
    pub(crate) fn describe_next(&self) -> Cow<'static, str> {
        match self.peek() {
            Some(token) => self.describe(token),
            None if self.semicolon.is_some() => "semicolon".into(),
            None => "EOF".into(),
        }
    }

    pub(crate) fn describe(&self, token: Token) -> Cow<'static, str> {
        let text = self.text(token);
        let redactable = !matches!(
            token.kind,
            TokenKind::LParen
                | TokenKind::RParen
                | TokenKind::LBracket
                | TokenKind::RBracket
                | TokenKind::Comma
                | TokenKind::Dot
                | TokenKind::Semicolon
                | TokenKind::Eq
                | TokenKind::Colon
                | TokenKind::DoubleColon
                | TokenKind::Star
        );
        if self.redact && redactable {
            return "a token (redacted)".into();
        }
        match token.kind {
            TokenKind::Word if is_keyword(text) => text.to_ascii_uppercase().into(),
            TokenKind::Word => format!("identifier \"{}\"", text.to_lowercase()).into(),
            TokenKind::QuotedIdent => format!("identifier \"{}\"", quoted_ident_value(text)).into(),
            TokenKind::String | TokenKind::EscapeString | TokenKind::DollarString => {
                "string literal".into()
            }
            TokenKind::HexString => "hex string literal".into(),
            TokenKind::Number => format!("number \"{text}\"").into(),
            TokenKind::Parameter => format!("parameter \"{text}\"").into(),
            TokenKind::Op => {
                let text = if text == "!=" { "<>" } else { text };
                format!("operator \"{text}\"").into()
            }
            TokenKind::LParen => "left parenthesis".into(),
            TokenKind::RParen => "right parenthesis".into(),
            TokenKind::LBracket => "left square bracket".into(),
            TokenKind::RBracket => "right square bracket".into(),
            TokenKind::Comma => "comma".into(),
            TokenKind::Dot => "dot".into(),
            TokenKind::Semicolon => "semicolon".into(),
            TokenKind::Eq => "equals sign".into(),
            TokenKind::Colon => "colon".into(),
            TokenKind::DoubleColon => "double colon".into(),
            TokenKind::Star => "star".into(),
            TokenKind::Error => "an invalid token".into(),
            TokenKind::Whitespace | TokenKind::LineComment | TokenKind::BlockComment => {
                "whitespace".into()
            }
        }
    }

    /// The span errors at the next token point to: the token, the `;`, or
    /// at end of input the last character of the statement (rules.md §1.8).
    pub(crate) fn next_span(&self) -> Span {
        match self.peek() {
            Some(token) => token.span,
            None => match self.semicolon {
                Some(span) => span,
                None => {
                    let end = self.end_offset();
                    let last_char = self.src[..end as usize]
                        .chars()
                        .next_back()
                        .map_or(0, |c| c.len_utf8() as u32);
                    Span::new(end - last_char, end)
                }
            },
        }
    }

    /// An error at the next token with a free-form message.
    pub(crate) fn error_here(&self, message: impl Into<String>) -> ParseError {
        ParseError {
            message: message.into(),
            span: self.next_span(),
        }
    }

    pub(crate) fn error_at(&self, span: Span, message: impl Into<String>) -> ParseError {
        ParseError {
            message: message.into(),
            span,
        }
    }

    /// `Expected <what>, found <next token>`.
    pub(crate) fn expected(&self, what: &str) -> ParseError {
        self.error_here(format!("Expected {what}, found {}", self.describe_next()))
    }

    /// `Expected one of A or B or C, found <next token>`.
    pub(crate) fn expected_one_of(&self, kws: &[&str]) -> ParseError {
        if kws.len() == 1 {
            return self.expected(kws[0]);
        }
        self.expected(&format!("one of {}", kws.join(" or ")))
    }

    /// After a statement: nothing may follow.
    pub(crate) fn expect_end(&mut self) -> PResult<()> {
        if self.at_end() {
            Ok(())
        } else {
            Err(self.expected("end of statement"))
        }
    }

    /// Consume everything up to the end of the statement.
    pub(crate) fn skip_rest(&mut self) {
        self.pos = self.tokens.len();
    }

    /// Record recovered removed syntax (MZ700, MZ701).
    pub(crate) fn removed(&mut self, form: RemovedForm, span: Span) {
        self.removed.push(RemovedSyntax { form, span });
    }

    /// Run `f` with token texts redacted from error messages.
    pub(crate) fn redacted<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        let before = self.redact;
        self.redact = true;
        let result = f(self);
        self.redact = before;
        result
    }

    // -- identifiers and names ---------------------------------------------

    fn ident_from(&self, token: Token) -> PResult<Ident> {
        let text = self.text(token);
        match token.kind {
            TokenKind::Word => Ok(Ident {
                span: token.span,
                value: text.to_lowercase(),
                quoted: false,
            }),
            TokenKind::QuotedIdent => {
                let value = quoted_ident_value(text).into_owned();
                if value.is_empty() {
                    return Err(self.error_at(token.span, "zero-length delimited identifier"));
                }
                Ok(Ident {
                    span: token.span,
                    value,
                    quoted: true,
                })
            }
            _ => unreachable!("ident_from on a non-identifier token"),
        }
    }

    pub(crate) fn peek_ident(&self) -> bool {
        self.peek()
            .is_some_and(|t| matches!(t.kind, TokenKind::Word | TokenKind::QuotedIdent))
    }

    /// Any word (keywords included, lower-cased) or quoted identifier.
    pub(crate) fn parse_ident(&mut self) -> PResult<Ident> {
        if self.peek_ident() {
            let token = self.bump();
            self.ident_from(token)
        } else {
            Err(self.expected("identifier"))
        }
    }

    /// `ident { "." ident }`
    pub(crate) fn parse_item_name(&mut self) -> PResult<ItemName> {
        let start = self.start();
        let mut parts = vec![self.parse_ident()?];
        while self.peek_kind(TokenKind::Dot) {
            self.bump();
            parts.push(self.parse_ident()?);
        }
        Ok(ItemName {
            span: self.span_from(start),
            parts,
            resolved_id: None,
        })
    }

    /// `item_name | "[" id AS item_name [VERSION n] "]"`.
    pub(crate) fn parse_raw_item_name(&mut self) -> PResult<ItemName> {
        if !self.peek_kind(TokenKind::LBracket) {
            return self.parse_item_name();
        }
        let start = self.start();
        self.bump();
        let id = match self.peek() {
            Some(t)
                if matches!(
                    t.kind,
                    TokenKind::Word | TokenKind::QuotedIdent | TokenKind::Number
                ) =>
            {
                self.bump();
                self.text(t).trim_matches('"').to_string()
            }
            _ => return Err(self.expected("identifier")),
        };
        self.expect_kw("AS")?;
        let mut name = self.parse_item_name()?;
        if self.eat_kw("VERSION").is_some() {
            self.expect(TokenKind::Number, "number")?;
        }
        self.expect(TokenKind::RBracket, "right square bracket")?;
        let span = self.span_from(start);
        if name.parts.len() != 3 {
            return Err(self.error_at(
                span,
                "table name in square brackets must be fully qualified",
            ));
        }
        name.span = span;
        name.resolved_id = Some(ResolvedId { span, id });
        Ok(name)
    }

    /// `ident | "[" (ident | number) "]"`.
    pub(crate) fn parse_cluster_ref(&mut self) -> PResult<ClusterRef> {
        if self.peek_kind(TokenKind::LBracket) {
            let start = self.start();
            self.bump();
            let id = match self.peek() {
                Some(t)
                    if matches!(
                        t.kind,
                        TokenKind::Word | TokenKind::QuotedIdent | TokenKind::Number
                    ) =>
                {
                    self.bump();
                    self.text(t).trim_matches('"').to_string()
                }
                _ => return Err(self.expected("identifier")),
            };
            self.expect(TokenKind::RBracket, "right square bracket")?;
            return Ok(ClusterRef::Id {
                span: self.span_from(start),
                id,
            });
        }
        Ok(ClusterRef::Name(self.parse_ident()?))
    }

    /// `IN CLUSTER cluster` if present.
    pub(crate) fn parse_in_cluster(&mut self) -> PResult<Option<InCluster>> {
        if !self.peek_kws(&["IN", "CLUSTER"]) {
            return Ok(None);
        }
        let start = self.start();
        self.pos += 2;
        let cluster = self.parse_cluster_ref()?;
        Ok(Some(InCluster {
            span: self.span_from(start),
            cluster,
        }))
    }

    // -- literals ----------------------------------------------------------

    pub(crate) fn peek_string(&self) -> bool {
        self.peek().is_some_and(|t| t.kind.is_string())
    }

    pub(crate) fn string_lit_from(&self, token: Token) -> StringLit {
        let kind = match token.kind {
            TokenKind::EscapeString => StringKind::Escape,
            TokenKind::DollarString => StringKind::Dollar,
            _ => StringKind::Standard,
        };
        StringLit {
            span: token.span,
            kind,
            value: string_value(token.kind, self.text(token)).into_owned(),
        }
    }

    /// `string_lit` (not hex strings): `Expected literal string, found …`.
    pub(crate) fn parse_string_lit(&mut self) -> PResult<StringLit> {
        if self.peek_string() {
            let token = self.bump();
            Ok(self.string_lit_from(token))
        } else {
            Err(self.expected("literal string"))
        }
    }

    /// `[ "-" ] number`: the span and text, sign included.
    pub(crate) fn parse_signed_number(&mut self) -> PResult<(Span, String)> {
        let start = self.start();
        let negative = self
            .peek()
            .is_some_and(|t| t.kind == TokenKind::Op && self.text(t) == "-")
            && self.nth_kind(1, TokenKind::Number);
        if negative {
            self.bump();
        }
        let number = self.expect(TokenKind::Number, "literal int")?;
        let text = if negative {
            format!("-{}", self.text(number))
        } else {
            self.text(number).to_string()
        };
        Ok((self.span_from(start), text))
    }

    /// A literal: string, hex string, number, `-number`, TRUE, FALSE, NULL or
    /// `INTERVAL '…' [unit]`.
    pub(crate) fn parse_literal(&mut self) -> PResult<Value> {
        let Some(token) = self.peek() else {
            return Err(self.expected("literal"));
        };
        match token.kind {
            k if k.is_string() => {
                self.bump();
                Ok(Value::String(self.string_lit_from(token)))
            }
            TokenKind::HexString => {
                self.bump();
                Ok(Value::HexString(token.span))
            }
            TokenKind::Number => {
                self.bump();
                Ok(Value::Number {
                    span: token.span,
                    text: self.text(token).to_string(),
                })
            }
            TokenKind::Op if self.text(token) == "-" && self.nth_kind(1, TokenKind::Number) => {
                let (span, text) = self.parse_signed_number()?;
                Ok(Value::Number { span, text })
            }
            TokenKind::Word => {
                if self.eat_kw("TRUE").is_some() {
                    Ok(Value::Bool {
                        span: token.span,
                        value: true,
                    })
                } else if self.eat_kw("FALSE").is_some() {
                    Ok(Value::Bool {
                        span: token.span,
                        value: false,
                    })
                } else if self.eat_kw("NULL").is_some() {
                    Ok(Value::Null(token.span))
                } else if self.peek_kw("INTERVAL")
                    && self.nth(1).is_some_and(|t| t.kind.is_string())
                {
                    let start = self.start();
                    self.pos += 2;
                    // Optional unit word(s): `INTERVAL '1' DAY`, `… HOUR TO SECOND`.
                    while self.peek().is_some_and(|t| {
                        t.kind == TokenKind::Word
                            && matches!(
                                self.text(t).to_ascii_uppercase().as_str(),
                                "YEAR" | "MONTH" | "DAY" | "HOUR" | "MINUTE" | "SECOND" | "TO"
                            )
                    }) {
                        self.bump();
                    }
                    Ok(Value::Interval(self.span_from(start)))
                } else {
                    Err(self.expected("literal"))
                }
            }
            _ => Err(self.expected("literal")),
        }
    }

    // -- generic option values (§1.8) ---------------------------------------

    /// True when an option value may be omitted here: the next token is
    /// `)`, `,`, `;` or end of input.
    pub(crate) fn at_value_end(&self) -> bool {
        match self.peek() {
            None => true,
            Some(t) => matches!(t.kind, TokenKind::RParen | TokenKind::Comma),
        }
    }

    /// `opt_value = [ "=" ] option_value`, omitted entirely before `)`, `,`,
    /// `;` or end of input.
    pub(crate) fn parse_opt_value(&mut self) -> PResult<Option<Value>> {
        if self.at_value_end() {
            return Ok(None);
        }
        self.eat(TokenKind::Eq);
        if self.at_value_end() {
            // `NAME =` with nothing after: Materialize wants a value here.
            return Err(self.expected("option value"));
        }
        self.parse_value().map(Some)
    }

    /// `option_value`.
    pub(crate) fn parse_value(&mut self) -> PResult<Value> {
        let Some(token) = self.peek() else {
            return Err(self.expected("option value"));
        };
        match token.kind {
            TokenKind::LParen | TokenKind::LBracket => self.parse_value_list(),
            TokenKind::Word if self.peek_kw("MAP") && self.nth_kind(1, TokenKind::LBracket) => {
                self.parse_value_map()
            }
            TokenKind::Word if self.peek_kw("SECRET") => {
                let start = self.start();
                self.bump();
                let name = if self.peek_ident() || self.peek_kind(TokenKind::LBracket) {
                    Some(self.parse_raw_item_name()?)
                } else {
                    None
                };
                Ok(Value::Secret {
                    span: self.span_from(start),
                    name,
                })
            }
            TokenKind::Word
                if (self.peek_kw("TRUE") || self.peek_kw("FALSE") || self.peek_kw("NULL"))
                    && !self.nth_kind(1, TokenKind::Dot) =>
            {
                self.parse_literal()
            }
            TokenKind::Word
                if self.peek_kw("INTERVAL") && self.nth(1).is_some_and(|t| t.kind.is_string()) =>
            {
                self.parse_literal()
            }
            TokenKind::Word | TokenKind::QuotedIdent => {
                let name = self.parse_item_name()?;
                if name.parts.len() == 1 {
                    Ok(Value::Ident(
                        name.parts.into_iter().next().expect("one part"),
                    ))
                } else {
                    Ok(Value::Name(name))
                }
            }
            TokenKind::Op if self.text(token) == "<" => match self.parse_angle_placeholder() {
                Some(value) => Ok(value),
                None => Err(self.expected("option value")),
            },
            TokenKind::Colon => match self.parse_psql_variable() {
                Some(value) => Ok(value),
                None => Err(self.expected("option value")),
            },
            _ => self.parse_literal(),
        }
    }

    /// `<word>` or `<some words-with-dashes>` written where a name or value
    /// belongs: a documentation placeholder (MZ706).
    pub(crate) fn parse_angle_placeholder(&mut self) -> Option<Value> {
        let open = self.peek()?;
        if open.kind != TokenKind::Op || self.text(open) != "<" {
            return None;
        }
        // Scan for the closing `>` within a few tokens, words and dashes only.
        for i in 1..8 {
            let token = self.nth(i)?;
            match token.kind {
                TokenKind::Op if self.text(token) == ">" && i > 1 => {
                    let start = open.span.start;
                    self.pos += i + 1;
                    return Some(Value::Placeholder(self.span_from(start)));
                }
                TokenKind::Word | TokenKind::Number | TokenKind::Dot => {}
                TokenKind::Op if self.text(token) == "-" => {}
                _ => return None,
            }
        }
        None
    }

    /// `:name`, `:'name'`, `:"name"` (psql interpolation).
    pub(crate) fn parse_psql_variable(&mut self) -> Option<Value> {
        let colon = self.peek()?;
        let next = self.nth(1)?;
        if colon.kind != TokenKind::Colon || colon.span.end != next.span.start {
            return None;
        }
        if !matches!(
            next.kind,
            TokenKind::Word | TokenKind::QuotedIdent | TokenKind::String
        ) {
            return None;
        }
        self.pos += 2;
        Some(Value::Placeholder(Span::new(
            colon.span.start,
            next.span.end,
        )))
    }

    fn parse_value_list(&mut self) -> PResult<Value> {
        let start = self.start();
        let (bracket, close, close_name) = if self.eat(TokenKind::LParen).is_some() {
            (Bracket::Paren, TokenKind::RParen, "right parenthesis")
        } else {
            self.expect(TokenKind::LBracket, "left square bracket")?;
            (Bracket::Square, TokenKind::RBracket, "right square bracket")
        };
        let mut items = Vec::new();
        if self.eat(close).is_none() {
            loop {
                items.push(self.parse_value()?);
                if self.eat(TokenKind::Comma).is_none() {
                    break;
                }
            }
            self.expect(close, close_name)?;
        }
        Ok(Value::List {
            span: self.span_from(start),
            bracket,
            items,
        })
    }

    fn parse_value_map(&mut self) -> PResult<Value> {
        let start = self.start();
        self.bump(); // MAP
        self.expect(TokenKind::LBracket, "left square bracket")?;
        let mut entries = Vec::new();
        if self.eat(TokenKind::RBracket).is_none() {
            loop {
                let entry_start = self.start();
                let key = self.parse_string_lit()?;
                match self.peek() {
                    Some(t) if t.kind == TokenKind::Op && self.text(t) == "=>" => {
                        self.bump();
                    }
                    _ => return Err(self.expected("=>")),
                }
                let value = self.parse_value()?;
                entries.push(MapEntry {
                    span: self.span_from(entry_start),
                    key,
                    value,
                });
                if self.eat(TokenKind::Comma).is_none() {
                    break;
                }
            }
            self.expect(TokenKind::RBracket, "right square bracket")?;
        }
        Ok(Value::Map {
            span: self.span_from(start),
            entries,
        })
    }

    /// A comma-separated list of at least one `item`.
    pub(crate) fn parse_comma_separated<T>(
        &mut self,
        mut item: impl FnMut(&mut Self) -> PResult<T>,
    ) -> PResult<Vec<T>> {
        let mut items = vec![item(self)?];
        while self.eat(TokenKind::Comma).is_some() {
            items.push(item(self)?);
        }
        Ok(items)
    }

    // -- option lists ------------------------------------------------------

    /// `"(" list<option> ")"` with the names of `table`.
    pub(crate) fn parse_paren_option_list(
        &mut self,
        table: &'static OptionTable,
    ) -> PResult<OptionList> {
        let start = self.start();
        self.expect_lparen()?;
        let options = self.parse_comma_separated(|p| p.parse_option(table))?;
        self.expect_rparen()?;
        Ok(OptionList {
            span: self.span_from(start),
            parenthesized: true,
            options,
        })
    }

    /// `list<option>` without parentheses (legacy CONNECTION … FOR, clusters).
    pub(crate) fn parse_bare_option_list(
        &mut self,
        table: &'static OptionTable,
    ) -> PResult<OptionList> {
        let start = self.start();
        let options = self.parse_comma_separated(|p| p.parse_option(table))?;
        Ok(OptionList {
            span: self.span_from(start),
            parenthesized: false,
            options,
        })
    }

    /// Match the longest known option name at the cursor, without consuming.
    pub(crate) fn match_option_name(
        &self,
        table: &'static OptionTable,
    ) -> Option<&'static OptionSpec> {
        let mut best: Option<&'static OptionSpec> = None;
        for spec in table.specs {
            let matches = spec.words.iter().enumerate().all(|(i, word)| {
                self.nth(i).is_some_and(|t| match t.kind {
                    TokenKind::Word => self.text(t).eq_ignore_ascii_case(word),
                    TokenKind::Number => self.text(t) == *word,
                    _ => false,
                })
            });
            if matches && best.is_none_or(|b| spec.words.len() > b.words.len()) {
                best = Some(spec);
            }
        }
        best
    }

    /// One option of `table`: a known name and its value shape, or unknown
    /// words kept as `OptionName::Unknown` (MZ100). A token that cannot start
    /// an option name is a parse error listing the table's first words.
    pub(crate) fn parse_option(&mut self, table: &'static OptionTable) -> PResult<SqlOption> {
        let start = self.start();
        if let Some(spec) = self.match_option_name(table) {
            self.pos += spec.words.len();
            let name_span = self.span_from(start);
            let value = self.parse_option_value(spec)?;
            return Ok(SqlOption {
                span: self.span_from(start),
                name: spec.name.clone(),
                name_span,
                spelling: spec.spelling,
                value,
            });
        }
        if !self.peek_kind(TokenKind::Word) {
            return Err(self.expected_one_of(&table.first_words()));
        }
        // Unknown words: collect them; with no value token after two or more
        // words, the last word is the value (rules.md MZ100, item 4).
        let mut words = Vec::new();
        while self.peek_kind(TokenKind::Word) && (words.is_empty() || !self.peek_kw("SECRET")) {
            words.push(self.bump());
        }
        let mut value = None;
        if self.at_value_end() && words.len() >= 2 {
            let last = words.pop().expect("two or more words");
            value = Some(Value::Ident(self.ident_from(last)?));
        }
        let name_end = words.last().expect("at least one word").span.end;
        let name_span = Span::new(start, name_end);
        let name_text = words
            .iter()
            .map(|t| self.text(*t).to_ascii_uppercase())
            .collect::<Vec<_>>()
            .join(" ");
        if value.is_none() {
            value = self.parse_opt_value()?;
        }
        Ok(SqlOption {
            span: self.span_from(start),
            name: OptionName::Unknown(name_text),
            name_span,
            spelling: Spelling::Canonical,
            value,
        })
    }

    /// The value of a known option, per its shape.
    pub(crate) fn parse_option_value(&mut self, spec: &OptionSpec) -> PResult<Option<Value>> {
        match spec.shape {
            ValueShape::Generic => self.parse_opt_value(),
            ValueShape::Secret => {
                let value = self.redacted(|p| p.parse_opt_value())?;
                Ok(value.map(redact_secret_value))
            }
            ValueShape::Custom(parse) => parse(self),
        }
    }

    // -- other statements ------------------------------------------------

    /// A statement mzlint does not model: consume it whole.
    pub(crate) fn parse_opaque(&mut self) -> StatementKind {
        let keyword = self
            .peek()
            .map(|t| self.text(t).to_ascii_uppercase())
            .unwrap_or_default();
        self.skip_rest();
        StatementKind::Opaque(OpaqueStatement { keyword })
    }

    /// Hand the statement to the upstream (PostgreSQL/MySQL) parser.
    pub(crate) fn parse_upstream(&mut self) -> StatementKind {
        let statement = crate::upstream::parse_statement(self.src, self.tokens);
        self.skip_rest();
        StatementKind::Upstream(statement)
    }
}

/// A secret-bearing option's value other than `SECRET name` keeps only its
/// span and kind: its text must not reach `Debug` output (rules.md §2).
fn redact_secret_value(value: Value) -> Value {
    match value {
        Value::Secret { .. } | Value::Placeholder(_) => value,
        other => Value::Redacted {
            span: other.span(),
            kind: other.kind_description(),
        },
    }
}

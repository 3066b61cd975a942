//! FORMAT, INCLUDE and ENVELOPE clauses (§3.5), shared by CREATE SOURCE and
//! CREATE TABLE … FROM SOURCE, and the webhook body spec shared by CREATE
//! SOURCE … FROM WEBHOOK and CREATE TABLE … FROM WEBHOOK.
//!
//! Also the name helpers of these productions that tolerate a `<word>`
//! documentation placeholder where a name belongs (rules.md §1.6, MZ706): the
//! placeholder becomes an identifier (or a name part) whose unquoted value is
//! the raw `<word>` text (see [`Ident::is_placeholder`]).

use super::core::{PResult, Parser};
use super::option_tables::{spec, OptionTable, ValueShape};
use crate::ast::*;
use crate::span::Span;
use crate::token::TokenKind;

const G: ValueShape = ValueShape::Generic;

/// `CONNECTION csr ( csr_config_option, … )`.
static CSR_CONFIG_OPTIONS: OptionTable = OptionTable {
    specs: &[
        spec(&["AVRO", "KEY", "FULLNAME"], OptionName::AvroKeyFullname, G),
        spec(
            &["AVRO", "VALUE", "FULLNAME"],
            OptionName::AvroValueFullname,
            G,
        ),
        spec(&["NULL", "DEFAULTS"], OptionName::NullDefaults, G),
        spec(
            &["DOC", "ON"],
            OptionName::DocOn,
            ValueShape::Custom(parse_doc_on_value),
        ),
        spec(
            &["KEY", "DOC", "ON"],
            OptionName::DocOn,
            ValueShape::Custom(parse_doc_on_value),
        ),
        spec(
            &["VALUE", "DOC", "ON"],
            OptionName::DocOn,
            ValueShape::Custom(parse_doc_on_value),
        ),
        spec(
            &["KEY", "COMPATIBILITY", "LEVEL"],
            OptionName::KeyCompatibilityLevel,
            G,
        ),
        spec(
            &["VALUE", "COMPATIBILITY", "LEVEL"],
            OptionName::ValueCompatibilityLevel,
            G,
        ),
    ],
    expected: Some(&["AVRO", "NULL", "KEY", "VALUE", "DOC"]),
};

/// `AVRO USING SCHEMA '…' ( CONFLUENT WIRE FORMAT … )`.
static AVRO_SCHEMA_OPTIONS: OptionTable = OptionTable {
    specs: &[spec(
        &["CONFLUENT", "WIRE", "FORMAT"],
        OptionName::ConfluentWireFormat,
        G,
    )],
    expected: None,
};

/// `DOC ON ( TYPE raw_item_name | COLUMN item_name ) opt_value`: the target
/// and the value are kept as one opaque span (sink-oriented, not modelled).
fn parse_doc_on_value(p: &mut Parser<'_>) -> PResult<Option<Value>> {
    let start = p.start();
    match p.expect_one_of(&["TYPE", "COLUMN"])? {
        (0, _) => {
            p.parse_raw_item_name()?;
        }
        _ => {
            p.parse_item_name()?;
        }
    }
    p.parse_opt_value()?;
    Ok(Some(Value::Opaque(p.span_from(start))))
}

impl Parser<'_> {
    // -- names that tolerate `<word>` placeholders -------------------------

    /// A `<word>` placeholder at the cursor, as an unquoted identifier whose
    /// value is the raw text.
    pub(crate) fn eat_placeholder_ident(&mut self) -> Option<Ident> {
        match self.parse_angle_placeholder()? {
            Value::Placeholder(span) => Some(Ident {
                span,
                value: span.text(self.src).to_string(),
                quoted: false,
            }),
            _ => None,
        }
    }

    /// `ident`, or a `<word>` placeholder.
    pub(crate) fn parse_ident_or_placeholder(&mut self) -> PResult<Ident> {
        match self.eat_placeholder_ident() {
            Some(ident) => Ok(ident),
            None => self.parse_ident(),
        }
    }

    /// `item_name` whose parts may be `<word>` placeholders
    /// (`<schema>.orders`, `<connection>`).
    pub(crate) fn parse_item_name_or_placeholder(&mut self) -> PResult<ItemName> {
        let start = self.start();
        let mut parts = vec![self.parse_ident_or_placeholder()?];
        while self.peek_kind(TokenKind::Dot) {
            self.bump();
            parts.push(self.parse_ident_or_placeholder()?);
        }
        Ok(ItemName {
            span: self.span_from(start),
            parts,
            resolved_id: None,
        })
    }

    /// `raw_item_name` whose parts may be `<word>` placeholders.
    pub(crate) fn parse_raw_item_name_or_placeholder(&mut self) -> PResult<ItemName> {
        if self.peek_kind(TokenKind::LBracket) {
            return self.parse_raw_item_name();
        }
        self.parse_item_name_or_placeholder()
    }

    /// `IN CLUSTER cluster_name`, where the name may be a `<word>` placeholder.
    pub(crate) fn parse_in_cluster_or_placeholder(&mut self) -> PResult<Option<InCluster>> {
        if !self.peek_kws(&["IN", "CLUSTER"]) {
            return Ok(None);
        }
        let start = self.start();
        let saved = self.pos;
        self.pos += 2;
        if let Some(ident) = self.eat_placeholder_ident() {
            return Ok(Some(InCluster {
                span: self.span_from(start),
                cluster: ClusterRef::Name(ident),
            }));
        }
        self.pos = saved;
        self.parse_in_cluster()
    }

    // -- FORMAT (§3.5) -------------------------------------------------------

    /// `[ format_spec ]`: `FORMAT f` or `KEY FORMAT k VALUE FORMAT v`.
    pub(crate) fn parse_opt_format_spec(&mut self) -> PResult<Option<FormatSpec>> {
        let start = self.start();
        if self.eat_kw("FORMAT").is_some() {
            let format = self.parse_format()?;
            return Ok(Some(FormatSpec {
                span: self.span_from(start),
                kind: FormatSpecKind::Bare(Box::new(format)),
            }));
        }
        if self.eat_kw("KEY").is_some() {
            self.expect_kw("FORMAT")?;
            let key = self.parse_format()?;
            self.expect_kws(&["VALUE", "FORMAT"])?;
            let value = self.parse_format()?;
            return Ok(Some(FormatSpec {
                span: self.span_from(start),
                kind: FormatSpecKind::KeyValue {
                    key: Box::new(key),
                    value: Box::new(value),
                },
            }));
        }
        Ok(None)
    }

    /// `format` (after `FORMAT`).
    fn parse_format(&mut self) -> PResult<Format> {
        let start = self.start();
        let kind = if self.eat_kw("AVRO").is_some() {
            self.expect_kw("USING")?;
            FormatKind::Avro(self.parse_avro_schema()?)
        } else if self.eat_kw("PROTOBUF").is_some() {
            FormatKind::Protobuf(self.parse_protobuf_schema()?)
        } else if self.eat_kw("REGEX").is_some() {
            FormatKind::Regex(self.parse_string_lit()?)
        } else if self.eat_kw("CSV").is_some() {
            self.expect_kw("WITH")?;
            let columns = if self.eat_kw("HEADER").is_some() || self.eat_kw("HEADERS").is_some() {
                CsvColumns::Header(self.parse_parenthesized_idents()?)
            } else {
                let count = self.parse_uint()?;
                self.expect_kw("COLUMNS")?;
                CsvColumns::Count(count)
            };
            let delimiter = if self.eat_kws(&["DELIMITED", "BY"]).is_some() {
                let lit = self.parse_string_lit()?;
                if lit.value.chars().count() != 1 {
                    return Err(self.error_at(
                        lit.span,
                        "Expected one-character string, found string literal",
                    ));
                }
                Some(lit)
            } else {
                None
            };
            FormatKind::Csv { columns, delimiter }
        } else if self.eat_kw("JSON").is_some() {
            FormatKind::Json {
                array: self.eat_kw("ARRAY").is_some(),
            }
        } else if self.eat_kw("TEXT").is_some() {
            FormatKind::Text
        } else if self.eat_kw("BYTES").is_some() {
            FormatKind::Bytes
        } else {
            return Err(self.expected("AVRO, PROTOBUF, REGEX, CSV, JSON, TEXT, or BYTES"));
        };
        Ok(Format {
            span: self.span_from(start),
            kind,
        })
    }

    /// `uint`: a number token without sign or fraction; its span.
    fn parse_uint(&mut self) -> PResult<Span> {
        match self.peek() {
            Some(t)
                if t.kind == TokenKind::Number
                    && self.text(t).bytes().all(|b| b.is_ascii_digit())
                    && self.text(t).parse::<u64>().is_ok() =>
            {
                Ok(self.bump().span)
            }
            _ => Err(self.expected("literal unsigned integer")),
        }
    }

    /// `"(" list<ident> ")"`.
    pub(crate) fn parse_parenthesized_idents(&mut self) -> PResult<Vec<Ident>> {
        self.expect_lparen()?;
        let idents = self.parse_comma_separated(|p| p.parse_ident())?;
        self.expect_rparen()?;
        Ok(idents)
    }

    /// `avro_schema` (after `AVRO USING`).
    fn parse_avro_schema(&mut self) -> PResult<AvroSchema> {
        if self.eat_kws(&["CONFLUENT", "SCHEMA", "REGISTRY"]).is_some() {
            let csr = self.parse_csr_connection_ref()?;
            let seed = if self.peek_kw("SEED") {
                let start = self.start();
                self.bump();
                if self.eat_kw("KEY").is_some() {
                    self.expect_kw("SCHEMA")?;
                    self.parse_string_lit()?;
                }
                self.expect_kws(&["VALUE", "SCHEMA"])?;
                self.parse_string_lit()?;
                Some(self.span_from(start))
            } else {
                None
            };
            let key_strategy = self.parse_opt_strategy(&["KEY", "STRATEGY"])?;
            let value_strategy = self.parse_opt_strategy(&["VALUE", "STRATEGY"])?;
            return Ok(AvroSchema::Csr {
                csr,
                seed,
                key_strategy,
                value_strategy,
            });
        }
        if self.eat_kw("SCHEMA").is_some() {
            let schema = self.parse_string_lit()?;
            let options = if self.peek_kind(TokenKind::LParen) {
                Some(self.parse_paren_option_list(&AVRO_SCHEMA_OPTIONS)?)
            } else {
                None
            };
            return Ok(AvroSchema::Inline { schema, options });
        }
        Err(self.expected("CONFLUENT SCHEMA REGISTRY or SCHEMA"))
    }

    /// `protobuf_schema` (after `PROTOBUF`).
    fn parse_protobuf_schema(&mut self) -> PResult<ProtobufSchema> {
        if self
            .eat_kws(&["USING", "CONFLUENT", "SCHEMA", "REGISTRY"])
            .is_some()
        {
            let csr = self.parse_csr_connection_ref()?;
            let seed = if self.peek_kw("SEED") {
                let start = self.start();
                self.bump();
                if self.eat_kw("KEY").is_some() {
                    self.expect_kw("SCHEMA")?;
                    self.parse_string_lit()?;
                    self.expect_kw("MESSAGE")?;
                    self.parse_string_lit()?;
                }
                self.expect_kws(&["VALUE", "SCHEMA"])?;
                self.parse_string_lit()?;
                self.expect_kw("MESSAGE")?;
                self.parse_string_lit()?;
                Some(self.span_from(start))
            } else {
                None
            };
            return Ok(ProtobufSchema::Csr { csr, seed });
        }
        if self.eat_kw("MESSAGE").is_some() {
            let message = self.parse_string_lit()?;
            self.expect_kws(&["USING", "SCHEMA"])?;
            let schema = self.parse_string_lit()?;
            return Ok(ProtobufSchema::Inline { message, schema });
        }
        Err(self.expected("USING CONFLUENT SCHEMA REGISTRY or MESSAGE"))
    }

    /// `CONNECTION raw_item_name [ ( csr_config_option, … ) ]`.
    fn parse_csr_connection_ref(&mut self) -> PResult<CsrConnectionRef> {
        let start = self.start();
        self.expect_kw("CONNECTION")?;
        let connection = self.parse_raw_item_name_or_placeholder()?;
        let options = if self.peek_kind(TokenKind::LParen) {
            Some(self.parse_paren_option_list(&CSR_CONFIG_OPTIONS)?)
        } else {
            None
        };
        Ok(CsrConnectionRef {
            span: self.span_from(start),
            connection,
            options,
        })
    }

    /// `[ KEY|VALUE STRATEGY strategy ]`.
    fn parse_opt_strategy(&mut self, kws: &[&str]) -> PResult<Option<Strategy>> {
        if !self.peek_kws(kws) {
            return Ok(None);
        }
        let start = self.start();
        self.pos += kws.len();
        let kind = match self.expect_one_of(&["ID", "LATEST", "INLINE"])?.0 {
            0 => {
                let number_start = self.start();
                let (span, text) = self.parse_signed_number()?;
                let fits = match text.parse::<i64>() {
                    Ok(n) => i32::try_from(n).is_ok(),
                    Err(_) => false,
                };
                if !fits {
                    return Err(self.error_at(
                        Span::new(number_start, span.end),
                        "Expected a 32-bit integer",
                    ));
                }
                StrategyKind::Id(span)
            }
            1 => StrategyKind::Latest,
            _ => StrategyKind::Inline(self.parse_string_lit()?),
        };
        Ok(Some(Strategy {
            span: self.span_from(start),
            kind,
        }))
    }

    // -- INCLUDE -------------------------------------------------------------

    /// `[ INCLUDE list<include_item> ]`.
    pub(crate) fn parse_opt_include(&mut self) -> PResult<Option<IncludeClause>> {
        if !self.peek_kw("INCLUDE") {
            return Ok(None);
        }
        let start = self.start();
        self.bump();
        let items = self.parse_comma_separated(|p| p.parse_include_item())?;
        Ok(Some(IncludeClause {
            span: self.span_from(start),
            items,
        }))
    }

    fn parse_include_item(&mut self) -> PResult<IncludeItem> {
        let start = self.start();
        let (index, _) = self.expect_one_of(&[
            "KEY",
            "TIMESTAMP",
            "PARTITION",
            "OFFSET",
            "HEADERS",
            "HEADER",
        ])?;
        let (kind, alias, bytes) = match index {
            5 => {
                let header = self.parse_string_lit()?;
                self.expect_kw("AS")?;
                let alias = self.parse_ident()?;
                let bytes = self.eat_kw("BYTES").is_some();
                (IncludeKind::Header(header), Some(alias), bytes)
            }
            _ => {
                let kind = match index {
                    0 => IncludeKind::Key,
                    1 => IncludeKind::Timestamp,
                    2 => IncludeKind::Partition,
                    3 => IncludeKind::Offset,
                    _ => IncludeKind::Headers,
                };
                let alias = if self.eat_kw("AS").is_some() {
                    Some(self.parse_ident()?)
                } else {
                    None
                };
                (kind, alias, false)
            }
        };
        Ok(IncludeItem {
            span: self.span_from(start),
            kind,
            alias,
            bytes,
        })
    }

    // -- ENVELOPE ------------------------------------------------------------

    /// `[ ENVELOPE source_envelope ]`. `ENVELOPE DEBEZIUM UPSERT` (removed) is
    /// recorded and read as `ENVELOPE DEBEZIUM`.
    pub(crate) fn parse_opt_envelope(&mut self) -> PResult<Option<Envelope>> {
        if !self.peek_kw("ENVELOPE") {
            return Ok(None);
        }
        let start = self.start();
        self.bump();
        let kind = if self.eat_kw("NONE").is_some() {
            EnvelopeKind::None
        } else if self.eat_kw("DEBEZIUM").is_some() {
            if self.eat_kw("UPSERT").is_some() {
                let span = self.span_from(start);
                self.removed(RemovedForm::EnvelopeDebeziumUpsert, span);
            }
            EnvelopeKind::Debezium
        } else if self.eat_kw("UPSERT").is_some() {
            let value_decoding_errors = if self.peek_kind(TokenKind::LParen) {
                let group_start = self.start();
                self.bump();
                self.expect_kws(&["VALUE", "DECODING", "ERRORS"])?;
                self.eat(TokenKind::Eq);
                let inner = self.eat(TokenKind::LParen).is_some();
                self.parse_comma_separated(|p| {
                    p.expect_kw("INLINE")?;
                    if p.eat_kw("AS").is_some() {
                        p.parse_ident()?;
                    }
                    Ok(())
                })?;
                if inner {
                    self.expect_rparen()?;
                }
                self.expect_rparen()?;
                Some(self.span_from(group_start))
            } else {
                None
            };
            EnvelopeKind::Upsert {
                value_decoding_errors,
            }
        } else if self.eat_kw("MATERIALIZE").is_some() {
            EnvelopeKind::Materialize
        } else {
            return Err(self.expected("NONE, UPSERT, or MATERIALIZE"));
        };
        Ok(Some(Envelope {
            span: self.span_from(start),
            kind,
        }))
    }

    // -- webhooks ------------------------------------------------------------

    /// `webhook_spec` after `WEBHOOK` (consumed by the caller; `start` is its
    /// offset): `BODY FORMAT …`, repeated INCLUDEs, `[CHECK (…)]`.
    pub(crate) fn parse_webhook_spec(&mut self, start: u32) -> PResult<WebhookSpec> {
        self.expect_kws(&["BODY", "FORMAT"])?;
        let body_format = match self.expect_one_of(&["JSON", "TEXT", "BYTES"])?.0 {
            0 => WebhookBodyFormat::Json {
                array: self.eat_kw("ARRAY").is_some(),
            },
            1 => WebhookBodyFormat::Text,
            _ => WebhookBodyFormat::Bytes,
        };
        let mut includes = Vec::new();
        while self.peek_kw("INCLUDE") {
            let include_start = self.start();
            self.bump();
            let kind = match self.expect_one_of(&["HEADER", "HEADERS"])?.0 {
                0 => {
                    let header = self.parse_string_lit()?;
                    self.expect_kw("AS")?;
                    let alias = self.parse_ident()?;
                    let bytes = self.eat_kw("BYTES").is_some();
                    WebhookIncludeKind::Header {
                        header,
                        alias,
                        bytes,
                    }
                }
                _ => {
                    let mut filters = Vec::new();
                    if self.eat(TokenKind::LParen).is_some() {
                        filters = self.parse_comma_separated(|p| {
                            let not = p.eat_kw("NOT").is_some();
                            Ok((not, p.parse_string_lit()?))
                        })?;
                        self.expect_rparen()?;
                    }
                    WebhookIncludeKind::Headers { filters }
                }
            };
            includes.push(WebhookInclude {
                span: self.span_from(include_start),
                kind,
            });
        }
        let check = if self.peek_kw("CHECK") {
            Some(self.parse_webhook_check()?)
        } else {
            None
        };
        Ok(WebhookSpec {
            span: self.span_from(start),
            body_format,
            includes,
            check,
        })
    }

    /// `CHECK ( [ WITH ( list<check_option> ) ] expr )`; the expression is
    /// kept as its span, parentheses balanced.
    fn parse_webhook_check(&mut self) -> PResult<WebhookCheck> {
        let start = self.start();
        self.expect_kw("CHECK")?;
        self.expect_lparen()?;
        let mut options = Vec::new();
        if self.peek_kw("WITH") && self.nth_kind(1, TokenKind::LParen) {
            self.pos += 2;
            options = self.parse_comma_separated(|p| p.parse_webhook_check_option())?;
            self.expect_rparen()?;
        }
        let expr_start = self.start();
        let expr_pos = self.pos;
        let mut depth = 0usize;
        while let Some(token) = self.peek() {
            match token.kind {
                TokenKind::LParen | TokenKind::LBracket => depth += 1,
                TokenKind::RParen | TokenKind::RBracket if depth == 0 => break,
                TokenKind::RParen | TokenKind::RBracket => depth -= 1,
                _ => {}
            }
            self.bump();
        }
        if self.pos == expr_pos {
            return Err(self.expected("an expression"));
        }
        let expr = self.span_from(expr_start);
        self.expect_rparen()?;
        Ok(WebhookCheck {
            span: self.span_from(start),
            options,
            expr,
        })
    }

    fn parse_webhook_check_option(&mut self) -> PResult<WebhookCheckOption> {
        let start = self.start();
        let kind = match self.expect_one_of(&["SECRET", "HEADERS", "BODY"])?.0 {
            0 => WebhookCheckOptionKind::Secret(self.parse_raw_item_name_or_placeholder()?),
            1 => WebhookCheckOptionKind::Headers,
            _ => WebhookCheckOptionKind::Body,
        };
        let alias = if self.eat_kw("AS").is_some() {
            Some(self.parse_ident()?)
        } else {
            None
        };
        let bytes = self.eat_kw("BYTES").is_some();
        Ok(WebhookCheckOption {
            span: self.span_from(start),
            kind,
            alias,
            bytes,
        })
    }
}

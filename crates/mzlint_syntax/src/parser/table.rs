//! CREATE TABLE … FROM SOURCE | WEBHOOK (§3.6).
//!
//! The dispatcher routes `CREATE [TEMP|TEMPORARY] TABLE …` here when
//! `FROM SOURCE` or `FROM WEBHOOK` appears later in the same statement.

use super::core::{PResult, Parser};
use super::option_tables::{spec, OptionSpec, OptionTable, ValueShape};
use super::source::{parse_column_ref_list_value, parse_retain_history_value};
use crate::ast::*;
use crate::token::TokenKind;

const COLUMNS: ValueShape = ValueShape::Custom(parse_column_ref_list_value);

/// `CREATE TABLE … FROM SOURCE … WITH ( … )`. Column lists take unqualified
/// names, but qualified ones are accepted here and reported by MZ110.
static TABLE_FROM_SOURCE_OPTIONS: OptionTable = OptionTable {
    specs: &[
        spec(&["TEXT", "COLUMNS"], OptionName::TextColumns, COLUMNS),
        spec(&["EXCLUDE", "COLUMNS"], OptionName::ExcludeColumns, COLUMNS),
        OptionSpec {
            words: &["IGNORE", "COLUMNS"],
            name: OptionName::ExcludeColumns,
            shape: COLUMNS,
            spelling: Spelling::IgnoreColumns,
        },
        spec(
            &["PARTITION", "BY"],
            OptionName::PartitionBy,
            ValueShape::Generic,
        ),
        spec(
            &["RETAIN", "HISTORY"],
            OptionName::RetainHistory,
            ValueShape::Custom(parse_retain_history_value),
        ),
        spec(&["DETAILS"], OptionName::Details, ValueShape::Generic),
    ],
    expected: Some(&[
        "TEXT",
        "EXCLUDE",
        "IGNORE",
        "DETAILS",
        "PARTITION",
        "RETAIN",
    ]),
};

impl Parser<'_> {
    pub(crate) fn parse_create_table_from(&mut self) -> PResult<StatementKind> {
        self.expect_kw("CREATE")?;
        // `CREATE TEMP TABLE … FROM SOURCE` → `Expected TABLE, found TEMP`.
        self.expect_kw("TABLE")?;
        let if_not_exists = self.parse_if_not_exists()?;
        let name = self.parse_item_name_or_placeholder()?;
        self.head = Some(PartialHead {
            object_type: ObjectType::Table,
            name: name.clone(),
            connection_type: None,
            source_kind: None,
        });

        if self.peek_kws(&["FROM", "WEBHOOK"]) {
            self.bump();
            let webhook_start = self.start();
            self.bump();
            let webhook = self.parse_webhook_spec(webhook_start)?;
            return Ok(StatementKind::CreateTableFromWebhook(
                CreateTableFromWebhook {
                    if_not_exists,
                    name,
                    webhook,
                },
            ));
        }

        let columns = if self.peek_kind(TokenKind::LParen) {
            self.parse_table_from_source_columns()?
        } else {
            None
        };
        self.expect_kws(&["FROM", "SOURCE"])?;
        let source = self.parse_raw_item_name_or_placeholder()?;
        let reference = if self.peek_kind(TokenKind::LParen) {
            let start = self.start();
            self.bump();
            self.expect_kw("REFERENCE")?;
            self.eat(TokenKind::Eq);
            let reference = self.parse_item_name_or_placeholder()?;
            self.expect_rparen()?;
            Some((self.span_from(start), reference))
        } else {
            None
        };
        let format = self.parse_opt_format_spec()?;
        let include = self.parse_opt_include()?;
        let envelope = self.parse_opt_envelope()?;
        let with_options = if self.eat_kw("WITH").is_some() {
            Some(self.parse_paren_option_list(&TABLE_FROM_SOURCE_OPTIONS)?)
        } else {
            None
        };
        Ok(StatementKind::CreateTableFromSource(Box::new(
            CreateTableFromSource {
                if_not_exists,
                name,
                columns,
                source,
                reference,
                format,
                include,
                envelope,
                with_options,
            },
        )))
    }

    /// `( [ list<ident | column_def | table_constraint> ] )`. Definitions and
    /// constraints are kept as spans (MZ100 rejects them); bare names and
    /// column definitions cannot be mixed. An empty list `()` means no
    /// columns were specified, as in Materialize: `None`.
    fn parse_table_from_source_columns(&mut self) -> PResult<Option<TableColumns>> {
        let start = self.start();
        self.expect_lparen()?;
        if self.eat(TokenKind::RParen).is_some() {
            return Ok(None);
        }
        let mut names = Vec::new();
        let mut definitions = Vec::new();
        let mut has_column_defs = false;
        loop {
            let item_start = self.start();
            if self.at_table_constraint() {
                self.skip_list_element();
                definitions.push(self.span_from(item_start));
            } else if self.peek_ident() {
                let ident = self.parse_ident()?;
                if self.peek_kind(TokenKind::Comma) || self.peek_kind(TokenKind::RParen) {
                    names.push(ident);
                } else {
                    self.skip_list_element();
                    definitions.push(self.span_from(item_start));
                    has_column_defs = true;
                }
            } else {
                return Err(self.expected("column name or constraint definition"));
            }
            if self.eat(TokenKind::Comma).is_some() {
                continue;
            }
            if self.peek_kind(TokenKind::RParen) {
                break;
            }
            return Err(self.expected("',' or ')' after column definition"));
        }
        let close = self.expect_rparen()?;
        if has_column_defs && !names.is_empty() {
            return Err(self.error_at(close.span, "cannot mix column definitions and column names"));
        }
        Ok(Some(TableColumns {
            span: self.span_from(start),
            names,
            definitions,
        }))
    }

    /// A table constraint starts here: `CONSTRAINT`, `PRIMARY KEY`,
    /// `FOREIGN KEY`, `UNIQUE (`/`UNIQUE NULLS`, `CHECK (`.
    fn at_table_constraint(&self) -> bool {
        self.peek_kw("CONSTRAINT")
            || self.peek_kws(&["PRIMARY", "KEY"])
            || self.peek_kws(&["FOREIGN", "KEY"])
            || (self.peek_kw("UNIQUE")
                && (self.nth_kind(1, TokenKind::LParen) || self.nth_is_kw(1, "NULLS")))
            || (self.peek_kw("CHECK") && self.nth_kind(1, TokenKind::LParen))
    }

    /// Skip to the `,` or `)` that ends a list element, parentheses and
    /// brackets balanced.
    fn skip_list_element(&mut self) {
        let mut depth = 0usize;
        while let Some(token) = self.peek() {
            match token.kind {
                TokenKind::Comma | TokenKind::RParen if depth == 0 => return,
                TokenKind::LParen | TokenKind::LBracket => depth += 1,
                TokenKind::RParen | TokenKind::RBracket => depth = depth.saturating_sub(1),
                _ => {}
            }
            self.bump();
        }
    }
}

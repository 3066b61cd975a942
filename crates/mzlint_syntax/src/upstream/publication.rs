//! `CREATE|ALTER|DROP PUBLICATION` (PostgreSQL 15+ grammar, which accepts
//! every older form).

use super::ast::*;
use super::cursor::{Cursor, R};
use crate::token::TokenKind;

#[derive(Clone, Copy, PartialEq, Eq)]
enum ObjectMode {
    Table,
    Schema,
}

impl Cursor<'_> {
    /// After `CREATE PUBLICATION`.
    pub(super) fn create_publication(&mut self) -> R<UpstreamKind> {
        let name = self.ident()?;
        let scope = if self.peek_kw("FOR") {
            let start = self.start();
            self.pos += 1;
            if self.eat_kws(&["ALL", "TABLES"]).is_some() {
                PublicationScope::AllTables(self.span_from(start))
            } else {
                let objects = self.publication_objects(true)?;
                PublicationScope::Objects {
                    span: self.span_from(start),
                    objects,
                }
            }
        } else {
            PublicationScope::Empty
        };
        let with = if self.peek_kw("WITH") {
            let start = self.start();
            self.pos += 1;
            let options = self.publication_option_list()?;
            Some(PublicationOptions {
                span: self.span_from(start),
                options,
            })
        } else {
            None
        };
        self.expect_end()?;
        Ok(UpstreamKind::CreatePublication(CreatePublication {
            name,
            scope,
            with,
        }))
    }

    /// `TABLE t, … , TABLES IN SCHEMA s, …` in any mix. A comma continues the
    /// current kind unless `TABLE` or `TABLES IN SCHEMA` follows it.
    fn publication_objects(&mut self, allow_filters: bool) -> R<Vec<PublicationObject>> {
        let mut objects = Vec::new();
        let mut mode = None;
        loop {
            if self.eat_kws(&["TABLES", "IN", "SCHEMA"]).is_some() {
                mode = Some(ObjectMode::Schema);
            } else if self.eat_kw("TABLE").is_some() {
                mode = Some(ObjectMode::Table);
            }
            match mode {
                None => return Err("expected TABLE or TABLES IN SCHEMA"),
                Some(ObjectMode::Table) => {
                    let table = self.publication_table(allow_filters)?;
                    objects.push(PublicationObject::Table(table));
                }
                Some(ObjectMode::Schema) => {
                    let start = self.start();
                    let schema = if self.eat_kw("CURRENT_SCHEMA").is_some() {
                        None
                    } else {
                        Some(self.ident()?)
                    };
                    objects.push(PublicationObject::Schema(PublicationSchema {
                        span: self.span_from(start),
                        schema,
                    }));
                }
            }
            if self.eat(TokenKind::Comma).is_none() {
                return Ok(objects);
            }
        }
    }

    /// `[ONLY] name [*] [(cols)] [WHERE (expr)]`, or `ONLY (name)`.
    fn publication_table(&mut self, allow_filters: bool) -> R<PublicationTable> {
        let start = self.start();
        let only = self.eat_kw("ONLY").is_some();
        let name = if only && self.eat(TokenKind::LParen).is_some() {
            let name = self.name()?;
            self.expect(TokenKind::RParen, "expected a right parenthesis")?;
            name
        } else {
            self.name()?
        };
        let descendants = self.eat(TokenKind::Star).is_some();
        let mut columns = None;
        let mut row_filter = None;
        if allow_filters {
            if self.peek_kind(TokenKind::LParen) {
                columns = Some(self.paren_idents()?);
            }
            if self.peek_kw("WHERE") {
                let where_start = self.start();
                self.pos += 1;
                if !self.peek_kind(TokenKind::LParen) {
                    return Err("expected a parenthesised WHERE expression");
                }
                self.skip_group()?;
                row_filter = Some(self.span_from(where_start));
            }
        }
        Ok(PublicationTable {
            span: self.span_from(start),
            only,
            name,
            descendants,
            columns,
            row_filter,
        })
    }

    /// `( name [= value], … )`.
    fn publication_option_list(&mut self) -> R<Vec<PublicationOption>> {
        self.expect(TokenKind::LParen, "expected a left parenthesis")?;
        let mut options = Vec::new();
        loop {
            let start = self.start();
            let name = self.ident()?;
            let value = if self.eat(TokenKind::Eq).is_some() {
                Some(self.option_value()?)
            } else {
                None
            };
            options.push(PublicationOption {
                span: self.span_from(start),
                name,
                value,
            });
            if self.eat(TokenKind::Comma).is_none() {
                break;
            }
        }
        self.expect(TokenKind::RParen, "expected a right parenthesis")?;
        Ok(options)
    }

    /// After `ALTER PUBLICATION`.
    pub(super) fn alter_publication(&mut self) -> R<UpstreamKind> {
        let name = self.ident()?;
        let start = self.start();
        let action = if self.eat_kw("ADD").is_some() {
            AlterPublicationAction::Add(self.publication_objects(true)?)
        } else if self.eat_kw("DROP").is_some() {
            AlterPublicationAction::Drop(self.publication_objects(false)?)
        } else if self.eat_kw("SET").is_some() {
            if self.peek_kind(TokenKind::LParen) {
                let list_start = self.start();
                let options = self.publication_option_list()?;
                AlterPublicationAction::SetOptions(PublicationOptions {
                    span: self.span_from(list_start),
                    options,
                })
            } else {
                AlterPublicationAction::Set(self.publication_objects(true)?)
            }
        } else if self.eat_kws(&["RENAME", "TO"]).is_some() {
            AlterPublicationAction::RenameTo(self.ident()?)
        } else if self.eat_kws(&["OWNER", "TO"]).is_some() {
            AlterPublicationAction::OwnerTo(self.role_spec()?)
        } else {
            return Err("expected ADD, DROP, SET, RENAME TO or OWNER TO");
        };
        self.expect_end()?;
        Ok(UpstreamKind::AlterPublication(AlterPublication {
            name,
            action_span: self.span_from(start),
            action,
        }))
    }

    /// After `DROP PUBLICATION`.
    pub(super) fn drop_publication(&mut self) -> R<UpstreamKind> {
        let if_exists = self.if_exists()?;
        let names = self.idents()?;
        let behavior = self.drop_behavior();
        self.expect_end()?;
        Ok(UpstreamKind::DropPublication(DropPublication {
            if_exists,
            names,
            behavior,
        }))
    }
}

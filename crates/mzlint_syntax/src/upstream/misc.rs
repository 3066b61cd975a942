//! `TRUNCATE`, `SET search_path`, `ALTER SYSTEM`, MySQL `USE`.

use super::ast::*;
use super::cursor::{Cursor, R};
use crate::token::TokenKind;

impl Cursor<'_> {
    /// After `TRUNCATE`.
    pub(super) fn truncate(&mut self) -> R<UpstreamKind> {
        self.eat_kw("TABLE");
        let mut tables = Vec::new();
        loop {
            let start = self.start();
            let only = self.eat_kw("ONLY").is_some();
            let name = self.name()?;
            let descendants = self.eat(TokenKind::Star).is_some();
            tables.push(TruncateTable {
                span: self.span_from(start),
                only,
                name,
                descendants,
            });
            if self.eat(TokenKind::Comma).is_none() {
                break;
            }
        }
        let identity = if self.eat_kws(&["RESTART", "IDENTITY"]).is_some() {
            Some(TruncateIdentity::Restart)
        } else if self.eat_kws(&["CONTINUE", "IDENTITY"]).is_some() {
            Some(TruncateIdentity::Continue)
        } else {
            None
        };
        let behavior = self.drop_behavior();
        self.expect_end()?;
        Ok(UpstreamKind::Truncate(Truncate {
            tables,
            identity,
            behavior,
        }))
    }

    /// After `SET`: `search_path`, `SCHEMA`, MySQL `PASSWORD`; any other
    /// setting is `None` (an opaque statement).
    pub(super) fn set(&mut self) -> R<Option<UpstreamKind>> {
        if self.peek_kw("PASSWORD")
            && (self.nth_kw(1, "FOR") || self.nth_kind(1, TokenKind::Eq) || self.nth_kw(1, "TO"))
        {
            self.pos += 1;
            return self.set_password().map(Some);
        }
        let mut local = false;
        if self.eat_kw("LOCAL").is_some() {
            local = true;
        } else {
            self.eat_kw("SESSION");
        }
        if self.eat_kw("SCHEMA").is_some() {
            // `SET SCHEMA 'name'`: one entry.
            let schema = self.search_path_entry()?;
            self.expect_end()?;
            return Ok(Some(UpstreamKind::SetSearchPath(SetSearchPath {
                local,
                schemas: vec![schema],
                default: false,
            })));
        }
        if self.eat_kw("SEARCH_PATH").is_none() {
            return Ok(None);
        }
        if self.eat_kw("TO").is_none() && self.eat(TokenKind::Eq).is_none() {
            return Err("expected TO or =");
        }
        if self.eat_kw("DEFAULT").is_some() {
            self.expect_end()?;
            return Ok(Some(UpstreamKind::SetSearchPath(SetSearchPath {
                local,
                schemas: Vec::new(),
                default: true,
            })));
        }
        let mut schemas = vec![self.search_path_entry()?];
        while self.eat(TokenKind::Comma).is_some() {
            schemas.push(self.search_path_entry()?);
        }
        self.expect_end()?;
        Ok(Some(UpstreamKind::SetSearchPath(SetSearchPath {
            local,
            schemas,
            default: false,
        })))
    }

    /// An identifier (folded) or a string (one name, case kept).
    fn search_path_entry(&mut self) -> R<Ident> {
        let token = self.peek().ok_or("expected a schema name")?;
        if self.is_string_token(token) {
            self.pos += 1;
            return Ok(Ident {
                span: token.span,
                value: self.string_value(token).into_owned(),
                quoted: true,
            });
        }
        self.ident()
    }

    /// After `ALTER SYSTEM`.
    pub(super) fn alter_system(&mut self) -> R<UpstreamKind> {
        if self.eat_kw("RESET").is_some() {
            let parameter = if self.eat_kw("ALL").is_some() {
                None
            } else {
                Some(self.name()?)
            };
            self.expect_end()?;
            return Ok(UpstreamKind::AlterSystem(AlterSystem {
                reset: true,
                parameter,
                values: Vec::new(),
            }));
        }
        self.expect_kw("SET", "expected SET or RESET")?;
        let parameter = self.name()?;
        if self.eat_kw("TO").is_none() && self.eat(TokenKind::Eq).is_none() {
            return Err("expected TO or =");
        }
        let mut values = Vec::new();
        if self.eat_kw("DEFAULT").is_none() {
            values.push(self.option_value()?);
            while self.eat(TokenKind::Comma).is_some() {
                values.push(self.option_value()?);
            }
        }
        self.expect_end()?;
        Ok(UpstreamKind::AlterSystem(AlterSystem {
            reset: false,
            parameter: Some(parameter),
            values,
        }))
    }

    /// After `USE` (MySQL).
    pub(super) fn use_database(&mut self) -> R<UpstreamKind> {
        let database = self.ident()?;
        self.expect_end()?;
        Ok(UpstreamKind::Use(UseDatabase { database }))
    }
}

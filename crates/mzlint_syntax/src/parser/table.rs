//! CREATE TABLE … FROM SOURCE | WEBHOOK (§3.6).
use super::core::{PResult, Parser};
use crate::ast::*;

impl Parser<'_> {
    pub(crate) fn parse_create_table_from(&mut self) -> PResult<StatementKind> {
        Err(self.error_here("CREATE TABLE FROM SOURCE is not parsed yet"))
    }
}

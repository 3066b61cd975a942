//! CREATE / ALTER SECRET (§3.1).
use super::core::{PResult, Parser};
use crate::ast::*;

impl Parser<'_> {
    pub(crate) fn parse_create_secret(&mut self) -> PResult<StatementKind> {
        Err(self.error_here("CREATE SECRET is not parsed yet"))
    }
    pub(crate) fn parse_alter_secret(&mut self) -> PResult<StatementKind> {
        Err(self.error_here("ALTER SECRET is not parsed yet"))
    }
}

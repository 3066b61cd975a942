//! CREATE / ALTER / VALIDATE CONNECTION (§3.2–§3.4).
use super::core::{PResult, Parser};
use crate::ast::*;

impl Parser<'_> {
    pub(crate) fn parse_create_connection(&mut self) -> PResult<StatementKind> {
        Err(self.error_here("CREATE CONNECTION is not parsed yet"))
    }
    pub(crate) fn parse_alter_connection(&mut self) -> PResult<StatementKind> {
        Err(self.error_here("ALTER CONNECTION is not parsed yet"))
    }
    pub(crate) fn parse_validate_connection(&mut self) -> PResult<StatementKind> {
        Err(self.error_here("VALIDATE CONNECTION is not parsed yet"))
    }
}

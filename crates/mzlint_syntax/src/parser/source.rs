//! CREATE SOURCE (§3.5), ALTER SOURCE (§3.7), CREATE SUBSOURCE (§3.10).
use super::core::{PResult, Parser};
use crate::ast::*;

impl Parser<'_> {
    pub(crate) fn parse_create_source(&mut self) -> PResult<StatementKind> {
        Err(self.error_here("CREATE SOURCE is not parsed yet"))
    }
    pub(crate) fn parse_alter_source(&mut self) -> PResult<StatementKind> {
        Err(self.error_here("ALTER SOURCE is not parsed yet"))
    }
    pub(crate) fn parse_create_subsource(&mut self) -> PResult<StatementKind> {
        Err(self.error_here("CREATE SUBSOURCE is not parsed yet"))
    }
}

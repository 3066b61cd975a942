//! DROP, SET, shallow CREATE statements (views, indexes, sinks, tables) and
//! statements mzlint does not model.
use super::core::{PResult, Parser};
use crate::ast::*;

impl Parser<'_> {
    pub(crate) fn parse_drop_objects(&mut self) -> PResult<StatementKind> {
        Err(self.error_here("DROP is not parsed yet"))
    }
    pub(crate) fn parse_set(&mut self) -> PResult<StatementKind> {
        Ok(self.parse_opaque())
    }
    pub(crate) fn parse_create_shallow(&mut self) -> PResult<StatementKind> {
        Ok(self.parse_opaque())
    }
    pub(crate) fn parse_alter_sink(&mut self) -> PResult<StatementKind> {
        Ok(self.parse_opaque())
    }
    pub(crate) fn parse_other_statement(&mut self) -> PResult<StatementKind> {
        Ok(self.parse_opaque())
    }
}

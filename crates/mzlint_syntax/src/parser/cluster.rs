//! Clusters and replicas (§3.8).
use super::core::{PResult, Parser};
use crate::ast::*;

impl Parser<'_> {
    pub(crate) fn parse_create_cluster(&mut self) -> PResult<StatementKind> {
        Err(self.error_here("CREATE CLUSTER is not parsed yet"))
    }
    pub(crate) fn parse_create_cluster_replica(&mut self) -> PResult<StatementKind> {
        Err(self.error_here("CREATE CLUSTER REPLICA is not parsed yet"))
    }
    pub(crate) fn parse_alter_cluster(&mut self) -> PResult<StatementKind> {
        Err(self.error_here("ALTER CLUSTER is not parsed yet"))
    }
}

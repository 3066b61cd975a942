//! Upstream (MZ4xx): publications, replica identity and privileges of the upstream PostgreSQL.

pub(crate) mod all_tables_from_database_publication;
pub(crate) mod common;
pub(crate) mod conflicting_publication_definitions;
pub(crate) mod publication_missing_operations;
pub(crate) mod publication_not_found;
pub(crate) mod publish_via_partition_root;
pub(crate) mod replica_identity_not_full;
pub(crate) mod replication_privileges_missing;
pub(crate) mod source_scope_outside_publication;
pub(crate) mod subsource_name_collision;
pub(crate) mod truncate_replicated_table;
pub(crate) mod unknown_upstream_column;
pub(crate) mod unsupported_upstream_type;
pub(crate) mod unused_publication_tables;

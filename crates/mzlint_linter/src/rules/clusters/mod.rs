//! Clusters and operations (MZ6xx).

pub(crate) mod connection_validation_disabled;
pub(crate) mod legacy_cluster_size;
pub(crate) mod paused_source_cluster;
pub(crate) mod shared_source_cluster;
pub(crate) mod source_without_cluster;
pub(crate) mod unmanaged_cluster;

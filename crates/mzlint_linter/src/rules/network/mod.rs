//! Network (MZ3xx): PrivateLink availability zones, service names and tunnels.

pub(crate) mod availability_zone_name_not_id;
pub(crate) mod availability_zone_region_mismatch;
pub(crate) mod broker_zone_not_in_privatelink;
pub(crate) mod common;
pub(crate) mod duplicate_availability_zone;
pub(crate) mod empty_availability_zones;
pub(crate) mod privatelink_service_name_format;
pub(crate) mod tunnel_conflict;

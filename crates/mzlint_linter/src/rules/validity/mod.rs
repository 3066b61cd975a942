//! Validity (MZ1xx): what Materialize rejects at plan time, decidable from one statement.

pub(crate) mod column_option_reference_invalid;
pub(crate) mod conflicting_options;
pub(crate) mod duplicate_option;
pub(crate) mod internal_option_written;
pub(crate) mod invalid_option_value;
pub(crate) mod invalid_ssl_mode;
pub(crate) mod kafka_broker_config;
pub(crate) mod kafka_format_envelope_mismatch;
pub(crate) mod mysql_table_reference_unqualified;
/// Helpers shared by MZ100–MZ103.
mod option_model;
pub(crate) mod option_not_valid_for_type;
pub(crate) mod port_out_of_range;
pub(crate) mod required_option_missing;
pub(crate) mod secret_required;
pub(crate) mod values_common;

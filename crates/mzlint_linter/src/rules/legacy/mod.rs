//! Legacy and style (MZ7xx).

pub(crate) mod case_folded_identifier_value;
pub(crate) mod common;
pub(crate) mod legacy_connection_syntax;
pub(crate) mod legacy_subsource_syntax;
pub(crate) mod noncanonical_spelling;
pub(crate) mod removed_source_size;
pub(crate) mod removed_syntax;
#[cfg(test)]
pub(crate) mod test_util;
pub(crate) mod unfilled_placeholder;

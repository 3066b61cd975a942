//! References (MZ5xx): names used across files.

pub(crate) mod duplicate_definition;
pub(crate) mod undefined_reference;
pub(crate) mod used_before_definition;
pub(crate) mod wrong_object_kind;

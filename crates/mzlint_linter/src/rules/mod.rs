//! The rule catalog (rules.md): one file per rule, grouped by code range.

pub(crate) mod clusters;
pub(crate) mod common;
pub(crate) mod legacy;
pub(crate) mod meta;
pub(crate) mod network;
pub(crate) mod references;
pub(crate) mod security;
pub(crate) mod upstream;
pub(crate) mod validity;

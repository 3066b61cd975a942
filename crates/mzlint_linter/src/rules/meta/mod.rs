//! Meta rules (MZ0xx): syntax, I/O and suppression comments.

pub(crate) mod invalid_suppression;
pub(crate) mod io_error;
pub(crate) mod syntax_error;
pub(crate) mod unused_suppression;

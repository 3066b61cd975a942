//! FORMAT, INCLUDE and ENVELOPE clauses (§3.5).

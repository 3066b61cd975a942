//! Applying fixes (interfaces.md §5).
//!
//! PLACEHOLDER API, being implemented.

use crate::diagnostic::{Applicability, Diagnostic};

/// Which fixes `--fix` applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixMode {
    /// Safe fixes only.
    Safe,
    /// `--unsafe-fixes`: safe and unsafe.
    Unsafe,
}

impl FixMode {
    pub fn applies(self, applicability: Applicability) -> bool {
        match self {
            FixMode::Safe => applicability == Applicability::Safe,
            FixMode::Unsafe => applicability >= Applicability::Unsafe,
        }
    }
}

/// Apply the applicable, non-overlapping fixes of `diagnostics` to `text`.
/// Returns the new text and how many fixes were applied.
pub fn apply_fixes(text: &str, diagnostics: &[Diagnostic], mode: FixMode) -> (String, usize) {
    let _ = (diagnostics, mode);
    (text.to_string(), 0)
}

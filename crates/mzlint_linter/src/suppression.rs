//! Suppression comments (interfaces.md §4): PLACEHOLDER, being written.

use crate::diagnostic::Diagnostic;
use crate::settings::Settings;
use crate::source::SourceFile;

/// Drop suppressed diagnostics; add MZ002 and MZ003.
pub fn apply(
    _file: &SourceFile,
    _settings: &Settings,
    diagnostics: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    diagnostics
}

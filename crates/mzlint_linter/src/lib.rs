//! mzlint's core, shared by the CLI and the language server so that the
//! editor and CI never disagree.
//!
//! Layers: [`source`] (a file's text and parse) → [`project`] (the semantic
//! model across files) → [`rules`] (one file per rule, listed in
//! [`registry`]) → [`lint`] (the driver) → diagnostics, fixes and
//! [`suppression`]s. [`settings`] is the resolved configuration; [`secrets`]
//! enforces the secrets policy for every output.

pub mod classify;
pub mod config;
pub mod context;
pub mod diagnostic;
pub mod fix;
pub mod lint;
pub mod load;
pub mod options;
mod prelude;
pub mod project;
pub mod references;
pub mod registry;
pub mod rule;
mod rules;
pub mod secrets;
pub mod semantic;
pub mod settings;
pub mod source;
pub mod suppression;
#[doc(hidden)]
pub mod testing;
#[cfg(test)]
mod testing_support;
pub mod upstream_model;

pub use diagnostic::{Applicability, Diagnostic, Edit, Fix, Related, Severity};
pub use lint::{lint_files, lint_with_project};
pub use project::Project;
pub use rule::RuleMeta;
pub use settings::Settings;
pub use source::{FileId, FileKind, LoadError, SourceFile};

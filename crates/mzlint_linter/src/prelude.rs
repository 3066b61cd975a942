#![allow(unused_imports)]
//! What every rule file imports.

pub(crate) use crate::context::{FileContext, ProjectContext, StatementContext};
pub(crate) use crate::declare_rule;
pub(crate) use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
pub(crate) use mzlint_syntax::ast::*;
pub(crate) use mzlint_syntax::Span;

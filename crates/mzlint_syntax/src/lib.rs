//! Syntax of Materialize DDL and of the upstream SQL mzlint reads.
//!
//! Layers, bottom up: [`lexer`] (bytes → tokens that tile the source),
//! [`parser`] (tokens → one [`ast::Statement`] per statement, with recovery),
//! [`upstream`] (PostgreSQL/MySQL statements), and [`line_index`] (byte
//! offsets ↔ rows, columns and LSP positions).

pub mod ast;
pub mod keywords;
pub mod lexer;
pub mod line_index;
pub mod parser;
pub mod span;
pub mod token;
pub mod upstream;

pub use line_index::{LineCol, LineIndex, PositionEncoding};
pub use parser::{parse, parse_with, Dialect, ParsedFile, SyntaxError};
pub use span::Span;
pub use token::{Token, TokenKind};

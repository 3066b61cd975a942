//! Token kinds. A token is a kind plus a byte span: the lexer never copies text.

use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    // Trivia: kept so that the token stream tiles the source exactly.
    Whitespace,
    LineComment,
    BlockComment,

    /// An unquoted word: an identifier or a keyword (the parser decides).
    Word,
    /// `"…"`; `""` stands for one `"`.
    QuotedIdent,
    /// `'…'`, possibly continued by further `'…'` segments across a newline.
    String,
    /// `E'…'` with backslash escapes.
    EscapeString,
    /// `$tag$…$tag$`.
    DollarString,
    /// `X'…'`.
    HexString,
    Number,
    /// `$1`.
    Parameter,

    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    Dot,
    Semicolon,
    Eq,
    Colon,
    DoubleColon,
    Star,
    /// Any other operator (`=>`, `<>`, `-`, `->`, `::text` is DoubleColon + Word).
    Op,

    /// Text the lexer could not make sense of; `Lexed::errors` says why.
    Error,
}

impl TokenKind {
    pub fn is_trivia(self) -> bool {
        matches!(
            self,
            TokenKind::Whitespace | TokenKind::LineComment | TokenKind::BlockComment
        )
    }

    pub fn is_comment(self) -> bool {
        matches!(self, TokenKind::LineComment | TokenKind::BlockComment)
    }

    /// Any kind the grammar's `string_lit` accepts (not hex strings).
    pub fn is_string(self) -> bool {
        matches!(
            self,
            TokenKind::String | TokenKind::EscapeString | TokenKind::DollarString
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

impl Token {
    pub fn text(self, source: &str) -> &str {
        self.span.text(source)
    }
}

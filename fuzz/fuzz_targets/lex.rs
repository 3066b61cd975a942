//! Lex arbitrary input; tokens must tile it exactly.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mzlint_syntax::lexer::lex;

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data);
    let mut at = 0;
    for token in lex(&source).tokens {
        assert_eq!(token.span.start, at);
        at = token.span.end;
    }
    assert_eq!(at as usize, source.len());
});

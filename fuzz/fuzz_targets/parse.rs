//! Parse arbitrary input in both dialects; the parser must never panic and
//! its spans must stay inside the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mzlint_syntax::{parse, parse_with, Dialect};

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data);
    let parsed = parse(&source);
    for error in &parsed.errors {
        assert!(error.span.end as usize <= source.len());
    }
    let _ = parse_with(&source, Dialect::Upstream);
});

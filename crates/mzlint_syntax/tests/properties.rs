//! Properties that must hold for every input: tokens tile the source, and
//! neither the lexer nor the parser panics — on arbitrary bytes, arbitrary
//! strings, and mutations of real statements. Hundreds of thousands of cases
//! run in CI; `fuzz/` runs the same targets for longer.

use mzlint_syntax::lexer::lex;
use mzlint_syntax::{parse, parse_with, Dialect};
use proptest::prelude::*;

fn corpus() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/spec-examples");
    let mut statements = Vec::new();
    for file in ["valid.sql", "parse-invalid.sql", "plan-invalid.sql"] {
        let text = std::fs::read_to_string(format!("{dir}/{file}")).unwrap();
        let mut current = String::new();
        for line in text.lines() {
            if line.starts_with("-- [") && !current.trim().is_empty() {
                statements.push(std::mem::take(&mut current));
            }
            current.push_str(line);
            current.push('\n');
        }
        statements.push(current);
    }
    statements
}

fn assert_tiles(source: &str) {
    let lexed = lex(source);
    let mut at = 0u32;
    for token in &lexed.tokens {
        assert_eq!(token.span.start, at, "gap or overlap at {at}");
        assert!(token.span.end > token.span.start, "empty token at {at}");
        assert!(source.is_char_boundary(token.span.start as usize));
        at = token.span.end;
    }
    assert_eq!(at as usize, source.len());
}

fn assert_parses_without_panic(source: &str) {
    let parsed = parse(source);
    for error in &parsed.errors {
        assert!(error.span.end as usize <= source.len());
        assert!(error.statement < parsed.statements.len());
    }
    for statement in &parsed.statements {
        assert!(statement.span.end as usize <= source.len());
    }
    let _ = parse_with(source, Dialect::Upstream);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 100_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn tokens_tile_any_string(source in "\\PC{0,80}") {
        assert_tiles(&source);
    }

    #[test]
    fn sql_alphabet_never_panics(source in "[a-zA-Z0-9_ ,;()\\[\\]'\"$=<>.:\\-*/\\\\eExX\n\t]{0,60}") {
        assert_tiles(&source);
        assert_parses_without_panic(&source);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 50_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..120)) {
        let source = String::from_utf8_lossy(&bytes);
        assert_tiles(&source);
        assert_parses_without_panic(&source);
    }
}

/// Mutations of real statements: delete, duplicate or replace a byte range,
/// or splice in a piece of another statement.
#[derive(Debug, Clone)]
enum Mutation {
    Delete(usize, usize),
    Duplicate(usize, usize),
    Insert(usize, String),
    Truncate(usize),
    Splice(usize, usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1usize..12).prop_map(|(a, n)| Mutation::Delete(a, n)),
        (any::<usize>(), 1usize..12).prop_map(|(a, n)| Mutation::Duplicate(a, n)),
        (
            any::<usize>(),
            prop::sample::select(vec![
                "(", ")", ",", ";", "'", "\"", "$$", "/*", "--", "=", "SECRET", "FOR", "WITH",
                "(PORT 1)", " AS ", "[", "]", "E'\\x", "TO", "FROM", "<x>", ":'v'", "{{", "ä",
                "\r\n",
            ])
            .prop_map(str::to_string)
        )
            .prop_map(|(a, s)| Mutation::Insert(a, s)),
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), any::<usize>(), 1usize..30)
            .prop_map(|(a, b, n)| Mutation::Splice(a, b, n)),
    ]
}

fn floor(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(source: &str, other: &str, mutation: &Mutation) -> String {
    let at = |x: usize| {
        floor(
            source,
            if source.is_empty() {
                0
            } else {
                x % (source.len() + 1)
            },
        )
    };
    match mutation {
        Mutation::Delete(a, n) => {
            let start = at(*a);
            let end = floor(source, start + n);
            format!("{}{}", &source[..start], &source[end..])
        }
        Mutation::Duplicate(a, n) => {
            let start = at(*a);
            let end = floor(source, start + n);
            format!(
                "{}{}{}",
                &source[..end],
                &source[start..end],
                &source[end..]
            )
        }
        Mutation::Insert(a, s) => {
            let start = at(*a);
            format!("{}{}{}", &source[..start], s, &source[start..])
        }
        Mutation::Truncate(a) => source[..at(*a)].to_string(),
        Mutation::Splice(a, b, n) => {
            let start = at(*a);
            let o = floor(
                other,
                if other.is_empty() {
                    0
                } else {
                    b % (other.len() + 1)
                },
            );
            let oe = floor(other, o + n);
            format!("{}{}{}", &source[..start], &other[o..oe], &source[start..])
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 100_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_corpus_statements_never_panic(
        index in any::<prop::sample::Index>(),
        other in any::<prop::sample::Index>(),
        mutations in proptest::collection::vec(mutation(), 1..4),
    ) {
        thread_local! { static CORPUS: Vec<String> = corpus(); }
        CORPUS.with(|corpus| {
            let mut source = corpus[index.index(corpus.len())].clone();
            let other = &corpus[other.index(corpus.len())];
            for m in &mutations {
                source = apply(&source, other, m);
            }
            assert_tiles(&source);
            assert_parses_without_panic(&source);
        });
    }
}

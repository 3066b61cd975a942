use crate::prelude::*;

declare_rule! {
/// * **Detects** a lexing or parsing failure in a Materialize statement, or a statement whose first word
///   cannot begin one. Lexer texts are Materialize's (`unterminated quoted string`, `unterminated
///   multiline comment`, `unterminated dollar-quoted string`, `hexadecimal escapes are not supported`,
///   `identifier length exceeds 255 bytes`, `zero-length delimited identifier`, …). Parser messages have
///   the shape `Expected <what>, found <token>` (`one of A or B or C` when several keywords fit), tokens
///   described as in `materialize-ddl.md` §1.5 (`found HOST`, `identifier "x"`, `number "5"`,
///   `left parenthesis`, `EOF`); a string token is `string literal`, without content (§2). Other parser
///   texts are reproduced as is (`Cannot specify both CASCADE and RESTRICT in DROP`).
/// * **Recovery**: at most one MZ000 per statement; skip to the next `;` at parenthesis depth 0 outside
///   strings, comments and dollar quotes; lint everything else. If the head parsed (`CREATE CONNECTION
///   <name> TO <TYPE>`, `CREATE SOURCE <name>`, …), the object is still registered in the project model so
///   references to it do not cascade into MZ500.
/// * **Not** on opaque statements, upstream statements (an upstream statement that fails to parse is
///   skipped and logged at debug level), templated statements (§1.6), or `CREATE|ALTER|DROP PUBLICATION`
///   and `ALTER TABLE … REPLICA IDENTITY` in a Materialize file (routed to the upstream model). Nor on
///   inputs the parser must recover from and hand to a precise rule:
///
///   | Input | Materialize says | Reported by |
///   |---|---|---|
///   | unknown option word in a connection, source, `WITH` or cluster option list | `Expected one of …` | MZ100 |
///   | option of another source kind (`PUBLICATION` in a MySQL source) | `Expected one of DETAILS or TEXT …` | MZ100 |
///   | `SIZE` in a source/sink `WITH (…)` or `ALTER SOURCE … SET (…)` | `Expected one of TIMESTAMP or RETAIN, found SIZE` | MZ700 |
///   | removed forms listed under MZ701 | various | MZ701 |
///   | `AWS PRIVATELINK pl (PORT 70000)` | `Could not parse value into port` | MZ107 |
///   | string where a name is required (`SSH TUNNEL 'bastion'`); bare word where a broker string is required | `Expected identifier, found string literal` | MZ106 |
///   | qualified names in `CREATE TABLE … FROM SOURCE … WITH (TEXT COLUMNS (…))` | `Expected …, found dot` | MZ110 |
///   | `<word>` in a name or value position | `Expected …, found operator` | MZ706 |
/// * **Message** (span: the offending token; at end of input, zero-width after the last token):
///   `Expected left parenthesis, found HOST`
/// * **Why**: Materialize rejects the statement before planning; the text matches what it reports
///   (`src/sql-parser/src/parser.rs`).
/// * **Bad** `CREATE CONNECTION pg TO POSTGRES HOST 'pg.internal', DATABASE 'shop';`
/// * **Good** `CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');`
    pub(crate) static RULE = {
        code: "MZ000",
        name: "syntax-error",
        severity: Error,
        scope: Statement,
        fix: None,
        fix_summary: "none",
        summary: "Statement does not lex or parse (`Expected X, found Y`)",
        check: Engine,
    }
}

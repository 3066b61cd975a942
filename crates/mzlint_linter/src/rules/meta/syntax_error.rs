use crate::prelude::*;

declare_rule! {
/// ## What it does
///
/// Reports a Materialize statement that does not lex or parse, or whose first
/// word cannot begin a statement — with Materialize's own text, so the report
/// matches what `CREATE …` would answer:
///
/// * lexer errors: `unterminated quoted string`, `unterminated multiline
///   comment`, `unterminated dollar-quoted string`, `hexadecimal escapes are not
///   supported`, `identifier length exceeds 255 bytes`, `zero-length delimited
///   identifier`, …;
/// * parser errors: `Expected <what>, found <token>` (`Expected one of A or B
///   or C` when several keywords fit). Tokens are described as Materialize does
///   (`found HOST`, `identifier "x"`, `number "5"`, `left parenthesis`, `EOF`);
///   a string is only `string literal`, never its content, and inside
///   `CREATE|ALTER SECRET` or after a secret-bearing option no token text is
///   printed at all (`found a token (redacted)`);
/// * other parser texts as is (`Cannot specify both CASCADE and RESTRICT in
///   DROP`).
///
/// The span is the offending token; at the end of input, the point right after
/// the last token. An error at `;` is reported at the `;` (`found semicolon`).
///
/// **Recovery.** At most one MZ000 per statement. The statement ends at the
/// next `;` at parenthesis depth 0 (outside strings, comments and dollar
/// quotes) and the rest of the file is linted as usual. Other rules do not run
/// on the failed statement, and `--fix` never edits it; but when its head
/// parsed (`CREATE CONNECTION pg TO POSTGRES …`, `CREATE SOURCE s …`) the
/// object still enters the project model, so references to it do not cascade
/// into MZ500.
///
/// **Not reported** on:
///
/// * opaque statements (`SELECT`, `INSERT`, `COMMENT`, …) and upstream
///   PostgreSQL/MySQL statements (an upstream statement that fails to parse is
///   skipped and logged at debug level);
/// * templated statements: a `{{ … }}`, `{% … %}` or `${…}` outside string
///   literals;
/// * `CREATE|ALTER|DROP PUBLICATION` and `ALTER TABLE … REPLICA IDENTITY` in a
///   Materialize file (they feed the upstream model);
/// * inputs a more precise rule reports instead:
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
///
/// ## Why is this bad?
///
/// Materialize rejects the statement before planning it, so nothing after it in
/// a migration runs either (`src/sql-parser/src/parser.rs`).
///
/// ## Example
///
/// ```sql
/// CREATE CONNECTION pg TO POSTGRES HOST 'pg.internal', DATABASE 'shop';
/// ```
///
/// reports `Expected left parenthesis, found HOST` at `HOST`. Use instead:
///
/// ```sql
/// CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');
/// ```
///
/// ## Fix
///
/// None: say what you meant. Suppression comments can silence MZ000, but the
/// statement still fails in Materialize.
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

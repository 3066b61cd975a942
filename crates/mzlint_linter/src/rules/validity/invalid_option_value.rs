use crate::prelude::*;

declare_rule! {
/// * **Value kinds** (`materialize-ddl.md` §1.8, §4.1):
///
///   | Kind | Options | Accepts |
///   |---|---|---|
///   | string | HOST, DATABASE, SSL MODE, PROGRESS TOPIC, SECURITY PROTOCOL, SASL MECHANISMS, URL, ASSUME ROLE ARN, ASSUME ROLE SESSION NAME, REGION, ENDPOINT, SERVICE NAME, CATALOG TYPE, WAREHOUSE, SCOPE, PUBLICATION, TOPIC, GROUP ID PREFIX, SSH TUNNEL's USER, cluster SIZE | string literal or unqualified identifier (folded) |
///   | string or secret | USER (other types), SSL CERTIFICATE, SSL CERTIFICATE AUTHORITY, SASL USERNAME, ACCESS KEY ID, SESSION TOKEN, CREDENTIAL | the above or `SECRET <name>` |
///   | integer | PORT, PROGRESS TOPIC REPLICATION FACTOR, START TIMESTAMP, cluster REPLICATION FACTOR | number, optionally negative |
///   | boolean | VALIDATE, MANAGED, INTROSPECTION DEBUGGING | `TRUE`, `FALSE`, or no value (true) |
///   | list | AVAILABILITY ZONES (strings), START OFFSET (integers) | `(…)` or `[…]` |
///   | name | SSH TUNNEL, AWS PRIVATELINK, AWS CONNECTION, `CONNECTION <name>` in FROM and FORMAT clauses | identifier or dotted name |
///   | broker | BROKER, BROKERS elements | string literal |
/// * **Detects**
///   1. a string for an integer (`PORT '5432'`) — *safe*: unquote when the content is an integer;
///   2. a non-integer number for an integer (`PORT 5432.0`);
///   3. a string or number for a boolean (`VALIDATE = 'false'`) — *safe*: bare `TRUE`/`FALSE` when the
///      content is true or false in any case;
///   4. a scalar where a list is required (`AVAILABILITY ZONES 'use1-az1'`, `START OFFSET 0`) — *safe*:
///      wrap in parentheses;
///   5. a qualified name for a string (`DATABASE app.main`: `cannot convert object names to text`);
///   6. `SECRET x` for a string-only option (`HOST SECRET h`; SSH TUNNEL `USER SECRET u`: `SSH connections
///      do not support supplying USER value as SECRET`);
///   7. a number or hex string for a string option;
///   8. no value for a string, integer, list or name option;
///   9. a string where a name is required (`SSH TUNNEL 'bastion'`) — *safe*: write it as an identifier,
///      bare if it matches `[a-z_][a-z0-9_]*`, else double-quoted;
///   10. a bare word where a broker string is required (`BROKER kafka1`) — *safe*: quote it;
///   11. out-of-set values: CATALOG TYPE not `s3tablesrest` or `rest` (ignoring case); PROGRESS TOPIC
///       REPLICATION FACTOR below 1; a negative START OFFSET element (`START OFFSET must be a nonnegative
///       integer`); TOPIC METADATA REFRESH INTERVAL over 1 hour; a negative cluster REPLICATION FACTOR.
/// * **Not** on ports out of range (MZ107), SSL MODE / SECURITY PROTOCOL / SASL MECHANISMS values (MZ104,
///   MZ108), secret-only options (MZ105), placeholders, or a connection string after `FROM POSTGRES
///   CONNECTION` (a string containing `=`: MZ701).
/// * **Message** (span: the value): `invalid PORT: expected a number, found string literal '5432'` — help:
///   `write PORT 5432 without quotes`. Other forms: `invalid AVAILABILITY ZONES: expected a list such as
///   ('use1-az1'), found a single string`; `invalid SSH TUNNEL: expected a connection name, found string
///   literal 'bastion'`.
/// * **Why**: rejected during option extraction (`invalid PORT: cannot use value as number`, `invalid
///   AVAILABILITY ZONES: cannot use value as array`: `materialize-ddl.md` §7.3).
/// * **Bad** `CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', PORT '5432', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');`
/// * **Good** `CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', PORT 5432, DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');`
    pub(crate) static RULE = {
        code: "MZ106",
        name: "invalid-option-value",
        severity: Error,
        scope: Statement,
        fix: Safe,
        fix_summary: "safe (some cases)",
        summary: "Value of the wrong kind or outside its set",
        check: Statement(check),
    }
}

fn check(_ctx: &StatementContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

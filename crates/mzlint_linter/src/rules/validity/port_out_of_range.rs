use crate::prelude::*;

declare_rule! {
/// * **Detects** an integer port outside 1–65535 (0 and negatives included): the `PORT` of any connection;
///   `AWS PRIVATELINK <name> (PORT n)`; per-broker `(PORT n)`; the port of a `BROKER`/`BROKERS` string
///   (`host:port`, `[ipv6]:port`); the port of a CSR or ICEBERG CATALOG `URL`.
/// * **Not** on quoted ports (MZ106), non-numeric broker ports (MZ108), placeholders, or addresses without
///   a port.
/// * **Message** (span: the number, or the digits inside the string): `PORT 65540 is out of range: TCP
///   ports are 1–65535` — help: `the usual PostgreSQL port is 5432` (the type's default when it has one:
///   5432, 3306, 1433, 22; 9092 for brokers).
/// * **Why**: ports are 16-bit (`invalid PORT: … number too large to fit in target type`; PrivateLink:
///   `Could not parse value into port`); port 0 cannot be connected to.
/// * **Bad** `CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', PORT 65540, DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');`
/// * **Good** `CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', PORT 6543, DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');`
    pub(crate) static RULE = {
        code: "MZ107",
        name: "port-out-of-range",
        severity: Error,
        scope: Statement,
        fix: None,
        fix_summary: "none",
        summary: "Port outside 1–65535",
        check: Statement(check),
    }
}

fn check(_ctx: &StatementContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

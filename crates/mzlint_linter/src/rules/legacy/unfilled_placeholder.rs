use crate::prelude::*;

declare_rule! {
/// * **Detects** a value matching `security.unfilled-placeholder-patterns` where it reaches a server: the
///   string value of any connection, source or cluster option (HOST, DATABASE, USER, broker strings,
///   SERVICE NAME, AZ entries, URL, PUBLICATION, TOPIC, …), a string literal in `CREATE|ALTER SECRET`, an
///   upstream role password, and a `<word>` token in a name or value position (`SSH TUNNEL <tunnel_name>`,
///   recovered by the parser).
/// * **Not** on template variables matching only `security.placeholder-patterns` (`'${PG_HOST}'`), on
///   comments, or on files excluded by configuration (template directories).
/// * **Message** (span: the value): `HOST '<host>' is an unfilled placeholder` — help: `replace it with the
///   real host name before running this file`. Secret-bearing positions never show the value:
///   ``CREATE SECRET `pg_pw` is set to an unfilled placeholder (redacted)``. Name form: `SSH TUNNEL
///   <tunnel_name> is an unfilled placeholder; write the name of an SSH TUNNEL connection`.
/// * **Why**: documentation snippets are copied verbatim (`MaterializeInc/demos` `ecommerce/README.md`:
///   `BROKER '<your_broker>'`; `MaterializeInc/terraform-aws-rds-privatelink` outputs
///   `'YOUR_PG_PASSWORD_FOR_…'`) and fail only at validation, or at runtime with `VALIDATE = false`.
/// * **Bad** `CREATE CONNECTION pg TO POSTGRES (HOST '<host>', DATABASE '<database>', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'verify_full', SSL CERTIFICATE AUTHORITY SECRET pg_ca);`
/// * **Good** `CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'verify_full', SSL CERTIFICATE AUTHORITY SECRET pg_ca);`
    pub(crate) static RULE = {
        code: "MZ706",
        name: "unfilled-placeholder",
        severity: Error,
        scope: Statement,
        fix: None,
        fix_summary: "none",
        summary: "Documentation placeholder left in a value",
        check: Statement(check),
    }
}

fn check(_ctx: &StatementContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

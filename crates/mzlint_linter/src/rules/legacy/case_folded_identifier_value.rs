use crate::prelude::*;

declare_rule! {
/// * **Detects** an unquoted identifier with upper-case letters as the value of a case-sensitive string
///   option — PUBLICATION, DATABASE, USER, TOPIC, GROUP ID PREFIX, PROGRESS TOPIC, SASL USERNAME,
///   WAREHOUSE — which Materialize folds to lower case.
/// * **Not** on quoted identifiers (`"MzPub"` keeps its case), string literals, lower-case identifiers, or
///   case-insensitive options (SSL MODE, SECURITY PROTOCOL, SASL MECHANISMS, HOST, REGION).
/// * **Message** (span: the value): `PUBLICATION MzPub is an unquoted identifier, so Materialize looks up
///   'mzpub'` — help: `write PUBLICATION 'MzPub' if the upstream name has capitals, or 'mzpub' to make the
///   folding explicit`.
/// * **Why**: unquoted identifiers fold to lower case (`materialize-ddl.md` §1.2, §1.8) while publication
///   names, topics and user names are case-sensitive; the folding has confused users (database-issues#6693,
///   cited in `connection.rs`).
/// * **Fix (unsafe)**: replace with a string literal of the original spelling.
/// * **Bad** `CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION MzPub) FOR TABLES (public.orders);`
/// * **Good** `CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'MzPub') FOR TABLES (public.orders);`
    pub(crate) static RULE = {
        code: "MZ705",
        name: "case-folded-identifier-value",
        severity: Warning,
        scope: Statement,
        fix: Unsafe,
        fix_summary: "unsafe",
        summary: "Bare identifier value with capitals, folded to lower case",
        check: Statement(check),
    }
}

fn check(_ctx: &StatementContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

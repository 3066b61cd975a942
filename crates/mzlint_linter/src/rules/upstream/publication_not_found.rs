use crate::prelude::*;

declare_rule! {
/// * **Detects** a Postgres source whose publication is not in the PostgreSQL model while the model has at
///   least one publication (the project keeps its publications in SQL). Dropped and not re-created counts
///   as absent.
/// * **Not** when PUBLICATION is missing (MZ103), the model has no publication, or on placeholders.
/// * **Message** (span: the PUBLICATION value): `publication 'mz_pubs' is not defined in the project's
///   upstream SQL` — help: `did you mean 'mz_pub' (upstream/setup.sql:5)?`. Case-only difference:
///   `publication 'MzPub' is not defined upstream, but 'mzpub' is: PostgreSQL folds unquoted names to lower
///   case` — help `write PUBLICATION 'mzpub', or quote the name upstream`.
/// * **Why**: purification cannot open the replication stream of a missing publication
///   (`test/pg-cdc/pg-cdc.td`, source `no_such_publication`).
/// * **Fix (unsafe)**: when exactly one upstream publication is equal ignoring case or within edit distance
///   2, replace the value with it, quoted.
/// * **Bad** (running example) `CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pubs') FOR TABLES (public.orders, public.customers);`
/// * **Good** `CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_pub') FOR TABLES (public.orders, public.customers);`
    pub(crate) static RULE = {
        code: "MZ400",
        name: "publication-not-found",
        severity: Warning,
        scope: Project,
        fix: Unsafe,
        fix_summary: "unsafe",
        summary: "Publication not defined in the upstream SQL",
        check: Project(check),
    }
}

fn check(_ctx: &ProjectContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

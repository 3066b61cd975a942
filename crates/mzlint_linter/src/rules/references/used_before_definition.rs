use crate::prelude::*;

declare_rule! {
/// * **Detects** a reference to an object that the same file defines only later, with no earlier
///   definition in that file and none in any other file.
/// * **Not** on external names, or when another file defines it (MZ502 may then apply).
/// * **Message** (span: the name; note at the definition): ``secret `pg_pw` is used here but created only
///   later in this file (line 2)`` — help: `move CREATE SECRET pg_pw above this statement; Materialize runs
///   statements in order`.
/// * **Why**: run top to bottom, the first statement fails with `unknown catalog item`.
/// * **Bad**
///   ```sql
///   CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');
///   CREATE SECRET pg_pw AS '${PG_PASSWORD}';
///   ```
/// * **Good**
///   ```sql
///   CREATE SECRET pg_pw AS '${PG_PASSWORD}';
///   CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');
///   ```
    pub(crate) static RULE = {
        code: "MZ503",
        name: "used-before-definition",
        severity: Warning,
        scope: File,
        fix: None,
        fix_summary: "none",
        summary: "Object used before its in-file definition",
        check: File(check),
    }
}

fn check(_ctx: &FileContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

use crate::prelude::*;

declare_rule! {
/// * **Detects** a reference of a managed kind (`references.managed-kinds`) that nothing in the project
///   defines (anywhere, in any order; in-file order is MZ503).
/// * **Not** on unmanaged kinds (a project creating no connection manages them elsewhere), external or
///   system names, DROP and IF EXISTS statements.
/// * **Message** (span: the name): `` unknown connection `ssh_1` `` — help: ``did you mean `ssh1`
///   (line 1)? If it is created outside this project, add "connection:ssh_1" to
///   references.external-objects`` (the suggestion: the single defined object of that kind within edit
///   distance 2).
/// * **Why**: `unknown catalog item 'ssh_1'` (`test/ssh-connection/ssh-connections.td`); published examples
///   use connections they never define (MaterializeInc/agent-skills
///   `skills/materialize-docs/sql/create-connection/index.md`: `ssh1` defined, `ssh_1` used).
/// * **Fix (unsafe)**: replace with the suggested name.
/// * **Bad**
///   ```sql
///   CREATE CONNECTION ssh1 TO SSH TUNNEL (HOST 'bastion.acme-corp.net', USER 'mz', PORT 22);
///   CREATE CONNECTION kafka TO KAFKA (BROKER 'b1.internal:9092', SSH TUNNEL ssh_1);
///   ```
/// * **Good**
///   ```sql
///   CREATE CONNECTION ssh1 TO SSH TUNNEL (HOST 'bastion.acme-corp.net', USER 'mz', PORT 22);
///   CREATE CONNECTION kafka TO KAFKA (BROKER 'b1.internal:9092', SSH TUNNEL ssh1);
///   ```
    pub(crate) static RULE = {
        code: "MZ500",
        name: "undefined-reference",
        severity: Error,
        scope: Project,
        fix: Unsafe,
        fix_summary: "unsafe",
        summary: "Referenced object defined nowhere",
        check: Project(check),
    }
}

fn check(_ctx: &ProjectContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

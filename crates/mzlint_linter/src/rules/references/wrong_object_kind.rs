use crate::prelude::*;

declare_rule! {
/// * **Detects** a reference resolving to the wrong kind of object, connection type or source kind:
///
///   | Reference | Must be | Materialize's text |
///   |---|---|---|
///   | `SSH TUNNEL x`, `USING SSH TUNNEL x`, `ALTER CONNECTION x ROTATE KEYS` | SSH TUNNEL connection | `x is not an SSH connection` |
///   | `AWS PRIVATELINK x`, `USING AWS PRIVATELINK x` | AWS PRIVATELINK connection | `x is not an AWS PRIVATELINK connection` |
///   | `AWS CONNECTION x` | AWS connection | `x is not an AWS connection` |
///   | `FROM POSTGRES CONNECTION x` (likewise MYSQL, SQL SERVER, KAFKA) | that type | `x is not a POSTGRES CONNECTION` |
///   | `CONFLUENT SCHEMA REGISTRY CONNECTION x` | CSR connection | `x is not a CONFLUENT SCHEMA REGISTRY CONNECTION` |
///   | `SECRET x` | secret | `x is not a secret` |
///   | `CREATE TABLE … FROM SOURCE x` | ingestion source (not webhook, subsource, table) | `cannot ALTER this type of source` |
///   | `ALTER SOURCE x ADD SUBSOURCE` (or `ADD TABLE`) | POSTGRES, MYSQL or SQL SERVER source | `source x does not support ALTER SOURCE.` |
///   | `ALTER SECRET`, `ALTER CONNECTION`, `ALTER SOURCE`, `VALIDATE CONNECTION` | that kind | — |
/// * **Not** when unresolved (MZ500) or the target's type is unknown.
/// * **Message** (span: the name; note at its definition): `` `orders_pg` is not an SSH connection: it is a
///   POSTGRES connection `` — help: `SSH TUNNEL takes a connection created with CREATE CONNECTION … TO SSH
///   TUNNEL`.
/// * **Why**: rejected at plan time with the texts above (`test/ssh-connection/ssh-connections.td`;
///   `connection.rs`; `src/sql/src/pure/error.rs`).
/// * **Bad**
///   ```sql
///   CREATE CONNECTION orders_pg TO POSTGRES (HOST 'orders.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');
///   CREATE CONNECTION billing_pg TO POSTGRES (HOST 'billing.internal', DATABASE 'billing', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require', SSH TUNNEL orders_pg);
///   ```
/// * **Good**
///   ```sql
///   CREATE CONNECTION bastion TO SSH TUNNEL (HOST 'bastion.acme-corp.net', USER 'mz', PORT 22);
///   CREATE CONNECTION billing_pg TO POSTGRES (HOST 'billing.internal', DATABASE 'billing', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require', SSH TUNNEL bastion);
///   ```
    pub(crate) static RULE = {
        code: "MZ501",
        name: "wrong-object-kind",
        severity: Error,
        scope: Project,
        fix: None,
        fix_summary: "none",
        summary: "Reference to the wrong kind or type",
        check: Project(check),
    }
}

fn check(_ctx: &ProjectContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

use crate::prelude::*;
use crate::project::DefKind;
use crate::references::{Expect, RefKind, Reference};
use crate::rules::references::undefined_reference::{all_references, resolve};

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

fn check(ctx: &ProjectContext<'_>, out: &mut Vec<Diagnostic>) {
    for (location, reference) in all_references(ctx) {
        let (namespace, qualified) = resolve(ctx, location, &reference);
        let Some(definition) = ctx.project.lookup(namespace, &qualified, location) else {
            continue; // unresolved: MZ500
        };
        let Some((expected, help)) = mismatch(&reference, definition.kind) else {
            continue;
        };
        let file = ctx.file(definition.location.file);
        let written = reference.text();
        let message = format!(
            "`{written}` is not {expected}: it is {}",
            describe(definition.kind)
        );
        out.push(
            Diagnostic::new(&RULE, location.file, reference.span, message)
                .with_help(help)
                .with_related(
                    definition.location.file,
                    definition.name_span,
                    format!(
                        "`{}` is defined here",
                        file.text.get(definition.name_span.range()).unwrap_or("")
                    ),
                ),
        );
    }
}

/// What a definition is, with its article (`a POSTGRES connection`).
fn describe(kind: DefKind) -> String {
    match kind {
        DefKind::Connection(t) => format!("{} {} connection", article(t.as_str()), t.as_str()),
        DefKind::Source(None) => "a webhook source".to_string(),
        DefKind::Source(Some(k)) => format!("{} {} source", article(k.as_str()), k.as_str()),
        DefKind::Index => "an index".to_string(),
        other => format!("a {}", other.noun()),
    }
}

fn article(word: &str) -> &'static str {
    // Upper-case type names read letter by letter: "an SSH", "an AWS", "a MYSQL".
    match word.chars().next() {
        Some('A' | 'E' | 'I' | 'O' | 'S') if !word.starts_with("SQL") => "an",
        _ => "a",
    }
}

/// `Some((what was expected, help))` when the definition does not fit.
fn mismatch(reference: &Reference<'_>, kind: DefKind) -> Option<(String, String)> {
    let role = reference.role;
    match (reference.kind, kind) {
        (RefKind::Secret, DefKind::Secret) => None,
        (RefKind::Secret, _) => Some((
            "a secret".to_string(),
            format!("{role} takes a secret created with CREATE SECRET"),
        )),
        (RefKind::Connection, DefKind::Connection(actual)) => match reference.expect {
            Expect::ConnectionType(expected) if expected != actual => {
                Some(expected_connection(expected, role))
            }
            _ => None,
        },
        (RefKind::Connection, _) => match reference.expect {
            Expect::ConnectionType(expected) => Some(expected_connection(expected, role)),
            _ => Some((
                "a connection".to_string(),
                format!("{role} takes a connection created with CREATE CONNECTION"),
            )),
        },
        (RefKind::Source, DefKind::Source(source_kind)) => match (reference.expect, source_kind) {
            (Expect::IngestionSource, None) => Some(ingestion()),
            (
                Expect::MultiTableSource,
                Some(SourceKind::Postgres | SourceKind::MySql | SourceKind::SqlServer),
            ) => None,
            (Expect::MultiTableSource, _) => Some(multi_table()),
            _ => None,
        },
        (RefKind::Source, _) => match reference.expect {
            Expect::IngestionSource => Some(ingestion()),
            Expect::MultiTableSource => Some(multi_table()),
            _ => Some((
                "a source".to_string(),
                format!("{role} takes a source created with CREATE SOURCE"),
            )),
        },
        (RefKind::Cluster, _) => None,
    }
}

fn expected_connection(expected: ConnectionType, role: &str) -> (String, String) {
    // Materialize's own phrasing: "x is not an SSH connection",
    // "x is not a POSTGRES CONNECTION".
    let what = match expected {
        ConnectionType::SshTunnel => "an SSH connection".to_string(),
        ConnectionType::AwsPrivatelink => "an AWS PRIVATELINK connection".to_string(),
        ConnectionType::Aws => "an AWS connection".to_string(),
        other => format!("{} {} CONNECTION", article(other.as_str()), other.as_str()),
    };
    (
        what,
        format!(
            "{role} takes a connection created with CREATE CONNECTION … TO {}",
            expected.as_str()
        ),
    )
}

fn ingestion() -> (String, String) {
    (
        "an ingestion source".to_string(),
        "CREATE TABLE … FROM SOURCE takes a source created with CREATE SOURCE … FROM POSTGRES | MYSQL | SQL SERVER | KAFKA | LOAD GENERATOR; Materialize answers \"cannot ALTER this type of source\"".to_string(),
    )
}

fn multi_table() -> (String, String) {
    (
        "a POSTGRES, MYSQL or SQL SERVER source".to_string(),
        "ADD SUBSOURCE works only on POSTGRES, MYSQL and SQL SERVER sources; Materialize answers \"source … does not support ALTER SOURCE.\"".to_string(),
    )
}

#[cfg(test)]
mod tests {
    use crate::testing_support::lint_project_codes;

    #[test]
    fn bad_example() {
        let sql = "CREATE CONNECTION orders_pg TO POSTGRES (HOST 'orders.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');\n\
                   CREATE CONNECTION billing_pg TO POSTGRES (HOST 'billing.internal', DATABASE 'billing', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require', SSH TUNNEL orders_pg);\n";
        let found = lint_project_codes(&[("a.sql", sql)], "MZ501");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].1,
            "`orders_pg` is not an SSH connection: it is a POSTGRES connection"
        );
        assert_eq!(found[0].2, "orders_pg");
        assert_eq!(
            found[0].3,
            "SSH TUNNEL takes a connection created with CREATE CONNECTION … TO SSH TUNNEL"
        );
    }

    #[test]
    fn good_example() {
        let sql = "CREATE CONNECTION bastion TO SSH TUNNEL (HOST 'bastion.acme-corp.net', USER 'mz', PORT 22);\n\
                   CREATE CONNECTION billing_pg TO POSTGRES (HOST 'billing.internal', DATABASE 'billing', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require', SSH TUNNEL bastion);\n";
        assert!(lint_project_codes(&[("a.sql", sql)], "MZ501").is_empty());
    }

    #[test]
    fn source_kinds_across_files() {
        let a = "CREATE SOURCE hooks IN CLUSTER c FROM WEBHOOK BODY FORMAT JSON;\nCREATE SOURCE k IN CLUSTER c FROM KAFKA CONNECTION kc (TOPIC 't');\nCREATE CLUSTER c (SIZE = 'M.1-small');";
        let b = "CREATE TABLE t FROM SOURCE hooks;\nALTER SOURCE k ADD SUBSOURCE x;\nCREATE SOURCE pg_src IN CLUSTER c FROM KAFKA CONNECTION pg_conn (TOPIC 't');\nCREATE SECRET pg_conn AS '${X}';";
        let found = lint_project_codes(&[("a.sql", a), ("b.sql", b)], "MZ501");
        let messages: Vec<&str> = found.iter().map(|f| f.1.as_str()).collect();
        assert_eq!(
            messages,
            vec![
                "`hooks` is not an ingestion source: it is a webhook source",
                "`k` is not a POSTGRES, MYSQL or SQL SERVER source: it is a KAFKA source",
                "`pg_conn` is not a KAFKA CONNECTION: it is a secret",
            ]
        );
    }

    #[test]
    fn unresolved_references_are_left_to_mz500() {
        let sql = "CREATE CONNECTION k TO KAFKA (BROKER 'b.internal:9092', SSH TUNNEL nowhere);";
        assert!(lint_project_codes(&[("a.sql", sql)], "MZ501").is_empty());
    }
}

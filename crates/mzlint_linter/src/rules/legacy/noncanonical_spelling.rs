use crate::options::{connection_accepts, ssl_modes, SASL_MECHANISMS, SECURITY_PROTOCOLS};
use crate::prelude::*;
use crate::rules::common::{altered_connection_type, connection_option_name};

declare_rule! {
/// ## What it does
///
/// Reports spellings Materialize accepts but does not print:
///
/// * option `USERNAME` (→ `USER`), `IGNORE COLUMNS` (→ `EXCLUDE COLUMNS`),
///   `INTO` in `FOR TABLES` / `ADD SUBSOURCE` entries (→ `AS`);
/// * POSTGRES SSL MODE `'required'` (→ `'require'`), `'verify-ca'`,
///   `'verify-full'` (→ underscores);
/// * MYSQL SSL MODE `'require'` (→ `'required'`), `'verify-ca'`,
///   `'verify-identity'` (→ underscores), and MYSQL and SQL SERVER SSL MODE
///   in upper or mixed case (→ lower case);
/// * SSL MODE as an identifier (→ quoted lower case);
/// * SECURITY PROTOCOL and SASL MECHANISMS in lower or mixed case, or as an
///   identifier (→ quoted upper case).
///
/// Not on values Materialize rejects (MZ104, MZ108) or placeholders.
///
/// Messages: `'verify-full' is accepted, but the canonical spelling is
/// 'verify_full'` (on the value); `USERNAME is a synonym; the canonical
/// option name is USER` (on the option name).
///
/// ## Why is this bad?
///
/// Materialize accepts both (`connection.rs`) and prints the canonical form;
/// generated SQL uses hyphens (`MaterializeInc/terraform-provider-materialize`
/// `pkg/materialize/connection_postgres_test.go`), so repositories mix styles
/// and diffs against `SHOW CREATE` output never settle.
///
/// ## Example
///
/// ```sql
/// CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USERNAME 'mz', PASSWORD SECRET pg_pw, SSL MODE 'verify-full');
/// ```
///
/// Use instead:
///
/// ```sql
/// CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'verify_full');
/// ```
///
/// ## Fix (safe)
///
/// Replaces the spelling with the canonical one.
    pub(crate) static RULE = {
        code: "MZ704",
        name: "noncanonical-spelling",
        severity: Info,
        scope: Statement,
        fix: Safe,
        fix_summary: "safe",
        summary: "Accepted but non-canonical spelling",
        check: Statement(check),
    }
}

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    match &ctx.statement.kind {
        StatementKind::CreateConnection(create) => {
            for option in &create.options.options {
                connection_option(ctx, option, Some(create.connection_type), out);
            }
        }
        StatementKind::AlterConnection(alter) => {
            let AlterConnectionAction::Actions { actions, .. } = &alter.action else {
                return;
            };
            let connection_type = altered_connection_type(ctx, alter);
            for action in actions {
                match &action.kind {
                    AlterConnectionItemKind::Set(option) => {
                        connection_option(ctx, option, connection_type, out)
                    }
                    AlterConnectionItemKind::Reset { option, .. } => {
                        synonym(ctx, option, out);
                    }
                    AlterConnectionItemKind::RotateKeys => {}
                }
            }
        }
        StatementKind::CreateSource(source) => {
            if let SourceBody::Connection(conn) = &source.body {
                for option in conn.options.iter().flat_map(|l| &l.options) {
                    synonym(ctx, option, out);
                }
                if let Some(ExternalRefs {
                    kind: ExternalRefsKind::Tables(refs),
                    ..
                }) = &conn.external_refs
                {
                    into_keywords(ctx, refs, out);
                }
            }
        }
        StatementKind::AlterSource(AlterSource {
            action: AlterSourceAction::AddSubsources { refs, with_options },
            ..
        }) => {
            into_keywords(ctx, refs, out);
            for option in with_options.iter().flat_map(|l| &l.options) {
                synonym(ctx, option, out);
            }
        }
        StatementKind::CreateTableFromSource(table) => {
            for option in table.with_options.iter().flat_map(|l| &l.options) {
                synonym(ctx, option, out);
            }
        }
        _ => {}
    }
}

/// `USERNAME` for USER, `IGNORE COLUMNS` for EXCLUDE COLUMNS.
fn synonym(ctx: &StatementContext<'_>, option: &SqlOption, out: &mut Vec<Diagnostic>) {
    let (written, canonical) = match option.spelling {
        Spelling::Canonical => return,
        Spelling::Username => ("USERNAME", "USER"),
        Spelling::IgnoreColumns => ("IGNORE COLUMNS", "EXCLUDE COLUMNS"),
    };
    out.push(
        ctx.diagnostic(
            &RULE,
            option.name_span,
            format!("{written} is a synonym; the canonical option name is {canonical}"),
        )
        .with_fix(Fix::safe(
            format!("Write {canonical}"),
            vec![Edit::replace(option.name_span, canonical)],
        )),
    );
}

/// `upstream INTO alias` for `upstream AS alias`.
fn into_keywords(ctx: &StatementContext<'_>, refs: &[ExternalRef], out: &mut Vec<Diagnostic>) {
    for entry in refs {
        let Some(into) = entry.into_keyword else {
            continue;
        };
        out.push(
            ctx.diagnostic(
                &RULE,
                into,
                "INTO is a synonym; the canonical keyword is AS",
            )
            .with_fix(Fix::safe("Write AS", vec![Edit::replace(into, "AS")])),
        );
    }
}

/// One connection option: its name's spelling and, for SSL MODE, SECURITY
/// PROTOCOL and SASL MECHANISMS, its value's.
fn connection_option(
    ctx: &StatementContext<'_>,
    option: &SqlOption,
    connection_type: Option<ConnectionType>,
    out: &mut Vec<Diagnostic>,
) {
    synonym(ctx, option, out);
    let Some(name) = connection_option_name(&option.name, connection_type) else {
        return;
    };
    if connection_type.is_some_and(|t| !connection_accepts(t, &name)) {
        return; // MZ100 reports the option itself
    }
    let Some(value) = &option.value else {
        return;
    };
    let (text, quoted_string) = match value {
        Value::String(s) => (s.value.as_str(), true),
        Value::Ident(i) => (i.value.as_str(), false),
        _ => return,
    };
    if ctx.settings().security.is_placeholder(text) {
        return;
    }
    let canonical = match name {
        OptionName::SslMode => match connection_type.and_then(canonical_ssl_mode_for(text)) {
            Some(c) => c,
            None => return,
        },
        OptionName::SecurityProtocol => match canonical_upper(SECURITY_PROTOCOLS, text) {
            Some(c) => c,
            None => return,
        },
        OptionName::SaslMechanisms => match canonical_upper(SASL_MECHANISMS, text) {
            Some(c) => c,
            None => return,
        },
        _ => return,
    };
    if quoted_string && text == canonical {
        return;
    }
    let span = value.span();
    let written = if quoted_string {
        format!("'{text}'")
    } else {
        format!("{} {}", name.as_str(), ctx.text(span))
    };
    out.push(
        ctx.diagnostic(
            &RULE,
            span,
            format!("{written} is accepted, but the canonical spelling is '{canonical}'"),
        )
        .with_fix(Fix::safe(
            format!("Write '{canonical}'"),
            vec![Edit::replace(span, format!("'{canonical}'"))],
        )),
    );
}

/// The canonical SSL MODE of an accepted value, per type; `None` for values
/// the type rejects (MZ104) or types without SSL MODE (MZ100).
fn canonical_ssl_mode_for(text: &str) -> impl Fn(ConnectionType) -> Option<&'static str> + '_ {
    move |connection_type| {
        let (accepted, ignore_case) = ssl_modes(connection_type)?;
        let key = if ignore_case {
            text.to_ascii_lowercase()
        } else {
            text.to_string()
        };
        if !accepted.contains(&key.as_str()) {
            return None;
        }
        Some(match (connection_type, key.as_str()) {
            (ConnectionType::Postgres | ConnectionType::Yugabyte, "required") => "require",
            (ConnectionType::MySql, "require") => "required",
            (_, "verify-ca") => "verify_ca",
            (_, "verify-full") => "verify_full",
            (_, "verify-identity") => "verify_identity",
            (_, other) => accepted.iter().copied().find(|a| *a == other)?,
        })
    }
}

/// The upper-case canonical form of a case-insensitive value; `None` when
/// the value is not accepted at all (MZ108).
fn canonical_upper(accepted: &'static [&'static str], text: &str) -> Option<&'static str> {
    accepted
        .iter()
        .copied()
        .find(|a| a.eq_ignore_ascii_case(text))
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;
    use crate::testing::assert_fixes_converge;
    use crate::Applicability;

    const BAD: &str = "CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USERNAME 'mz', PASSWORD SECRET pg_pw, SSL MODE 'verify-full');";
    const GOOD: &str = "CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'verify_full');";

    fn conn(connection_type: &str, options: &str) -> String {
        format!("CREATE CONNECTION c TO {connection_type} (HOST 'db.internal', {options});")
    }

    /// The single MZ704 message on `sql`, and the text after fixing.
    fn spelling(sql: &str) -> (String, String) {
        let found = of(sql, "MZ704", None);
        assert_eq!(found.len(), 1, "{sql}: {found:?}");
        (found[0].0.clone(), assert_fixes_converge(sql, None))
    }

    #[test]
    fn bad_example() {
        assert_eq!(
            found(BAD, None),
            vec![
                (
                    "MZ704".to_string(),
                    "USERNAME is a synonym; the canonical option name is USER".to_string(),
                    "USERNAME".to_string()
                ),
                (
                    "MZ704".to_string(),
                    "'verify-full' is accepted, but the canonical spelling is 'verify_full'"
                        .to_string(),
                    "'verify-full'".to_string()
                ),
            ]
        );
        for d in diagnostics_of(BAD, "MZ704", None) {
            assert_eq!(d.fix.unwrap().applicability, Applicability::Safe);
        }
        insta::assert_snapshot!(render(BAD, None));
    }

    #[test]
    fn good_example() {
        assert_clean(GOOD, None);
    }

    #[test]
    fn fix_gives_the_good_example() {
        assert_eq!(assert_fixes_converge(BAD, None), GOOD);
    }

    #[test]
    fn postgres_ssl_modes() {
        let (message, fixed) = spelling(&conn("POSTGRES", "SSL MODE 'required'"));
        assert_eq!(
            message,
            "'required' is accepted, but the canonical spelling is 'require'"
        );
        assert!(fixed.contains("SSL MODE 'require')"), "{fixed}");
        let (message, _) = spelling(&conn("POSTGRES", "SSL MODE 'verify-ca'"));
        assert_eq!(
            message,
            "'verify-ca' is accepted, but the canonical spelling is 'verify_ca'"
        );
        // An unquoted identifier folds: quoted lower case is canonical.
        let (message, fixed) = spelling(&conn("POSTGRES", "SSL MODE REQUIRE"));
        assert_eq!(
            message,
            "SSL MODE REQUIRE is accepted, but the canonical spelling is 'require'"
        );
        assert!(fixed.contains("SSL MODE 'require')"), "{fixed}");
        // Rejected (case-sensitive) values are MZ104's.
        assert_none(&conn("POSTGRES", "SSL MODE 'REQUIRE'"), "MZ704", None);
        assert_none(&conn("POSTGRES", "SSL MODE 'prefer'"), "MZ704", None);
        assert_none(&conn("POSTGRES", "SSL MODE 'require'"), "MZ704", None);
    }

    #[test]
    fn mysql_and_sql_server_ssl_modes() {
        let (message, _) = spelling(&conn("MYSQL", "USER 'mz', SSL MODE 'require'"));
        assert_eq!(
            message,
            "'require' is accepted, but the canonical spelling is 'required'"
        );
        let (message, fixed) = spelling(&conn("MYSQL", "USER 'mz', SSL MODE 'VERIFY_IDENTITY'"));
        assert_eq!(
            message,
            "'VERIFY_IDENTITY' is accepted, but the canonical spelling is 'verify_identity'"
        );
        assert!(fixed.contains("SSL MODE 'verify_identity')"), "{fixed}");
        let (message, _) = spelling(&conn("MYSQL", "USER 'mz', SSL MODE 'Verify-Identity'"));
        assert_eq!(
            message,
            "'Verify-Identity' is accepted, but the canonical spelling is 'verify_identity'"
        );
        let (message, _) = spelling(&conn("MYSQL", "USER 'mz', SSL MODE required"));
        assert_eq!(
            message,
            "SSL MODE required is accepted, but the canonical spelling is 'required'"
        );
        assert_none(
            &conn("MYSQL", "USER 'mz', SSL MODE 'preferred'"),
            "MZ704",
            None,
        );
        let (message, _) = spelling(&conn(
            "SQL SERVER",
            "DATABASE 'd', USER 'mz', PASSWORD SECRET p, SSL MODE 'Verify'",
        ));
        assert_eq!(
            message,
            "'Verify' is accepted, but the canonical spelling is 'verify'"
        );
        assert_none(
            &conn(
                "SQL SERVER",
                "DATABASE 'd', USER 'mz', PASSWORD SECRET p, SSL MODE 'require'",
            ),
            "MZ704",
            None,
        );
        // Kafka takes no SSL MODE at all (MZ100).
        assert_none(
            "CREATE CONNECTION k TO KAFKA (BROKER 'k.internal:9092', SSL MODE 'verify-full');",
            "MZ704",
            None,
        );
    }

    #[test]
    fn kafka_protocol_and_mechanisms() {
        let sql = "CREATE CONNECTION k TO KAFKA (BROKER 'k.internal:9092', SECURITY PROTOCOL = 'sasl_ssl', SASL MECHANISMS = 'scram-sha-256', SASL USERNAME = 'mz', SASL PASSWORD = SECRET kp);";
        let messages: Vec<String> = of(sql, "MZ704", None).into_iter().map(|(m, _)| m).collect();
        assert_eq!(
            messages,
            [
                "'sasl_ssl' is accepted, but the canonical spelling is 'SASL_SSL'",
                "'scram-sha-256' is accepted, but the canonical spelling is 'SCRAM-SHA-256'",
            ]
        );
        assert_eq!(
            assert_fixes_converge(sql, None),
            "CREATE CONNECTION k TO KAFKA (BROKER 'k.internal:9092', SECURITY PROTOCOL = 'SASL_SSL', SASL MECHANISMS = 'SCRAM-SHA-256', SASL USERNAME = 'mz', SASL PASSWORD = SECRET kp);"
        );
        let (message, _) = spelling(
            "CREATE CONNECTION k TO KAFKA (BROKER 'k.internal:9092', SECURITY PROTOCOL ssl);",
        );
        assert_eq!(
            message,
            "SECURITY PROTOCOL ssl is accepted, but the canonical spelling is 'SSL'"
        );
        // Rejected values are MZ108's.
        assert_none(
            "CREATE CONNECTION k TO KAFKA (BROKER 'k.internal:9092', SECURITY PROTOCOL 'tls', SASL MECHANISMS 'SCRAM-SHA256');",
            "MZ704",
            None,
        );
    }

    #[test]
    fn synonyms_and_into() {
        let (message, fixed) = spelling("CREATE SOURCE m IN CLUSTER ingest FROM MYSQL CONNECTION my (IGNORE /* old */ COLUMNS (shop.orders.blob)) FOR TABLES (shop.orders);");
        assert_eq!(
            message,
            "IGNORE COLUMNS is a synonym; the canonical option name is EXCLUDE COLUMNS"
        );
        assert!(
            fixed.contains("(EXCLUDE COLUMNS (shop.orders.blob))"),
            "{fixed}"
        );
        let (message, fixed) = spelling(
            "CREATE TABLE t FROM SOURCE m (REFERENCE shop.orders) WITH (IGNORE COLUMNS (blob));",
        );
        assert_eq!(
            message,
            "IGNORE COLUMNS is a synonym; the canonical option name is EXCLUDE COLUMNS"
        );
        assert!(fixed.ends_with("WITH (EXCLUDE COLUMNS (blob));"), "{fixed}");
        let (message, fixed) = spelling("CREATE SOURCE m IN CLUSTER ingest FROM MYSQL CONNECTION my FOR TABLES (shop.orders, shop.items into shop_items);");
        assert_eq!(message, "INTO is a synonym; the canonical keyword is AS");
        assert!(fixed.contains("shop.items AS shop_items"), "{fixed}");
        let (message, fixed) = spelling("ALTER SOURCE m ADD SUBSOURCE shop.items INTO shop_items;");
        assert_eq!(message, "INTO is a synonym; the canonical keyword is AS");
        assert_eq!(
            fixed,
            "ALTER SOURCE m ADD SUBSOURCE shop.items AS shop_items;"
        );
        let (_, fixed) = spelling("ALTER CONNECTION pg SET (USERNAME = 'mz2');");
        assert_eq!(fixed, "ALTER CONNECTION pg SET (USER = 'mz2');");
        let (_, fixed) = spelling("ALTER CONNECTION pg RESET (USERNAME);");
        assert_eq!(fixed, "ALTER CONNECTION pg RESET (USER);");
    }

    #[test]
    fn alter_connection_uses_the_project_type() {
        let create = "CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', SSL MODE 'require');";
        let sql = format!("{create}\nALTER CONNECTION pg SET (SSL MODE = 'verify-full');");
        assert_eq!(
            of(&sql, "MZ704", None),
            vec![(
                "'verify-full' is accepted, but the canonical spelling is 'verify_full'"
                    .to_string(),
                "'verify-full'".to_string()
            )]
        );
        // Type unknown: silent.
        assert_none(
            "ALTER CONNECTION pg SET (SSL MODE = 'verify-full');",
            "MZ704",
            None,
        );
    }

    #[test]
    fn aliases_legacy_form_placeholders_and_positions() {
        // SSLMODE counts as SSL MODE (MZ100 reports the name).
        let found = of(&conn("POSTGRES", "SSLMODE 'verify-ca'"), "MZ704", None);
        assert_eq!(found[0].1, "'verify-ca'");
        // The legacy FOR form.
        let sql = "CREATE CONNECTION pg FOR POSTGRES HOST 'pg.internal', DATABASE 'shop', USERNAME 'mz', SSL MODE 'verify-full';";
        assert_eq!(of(sql, "MZ704", None).len(), 2);
        // Placeholders are skipped.
        assert_none(
            &conn("POSTGRES", "SSL MODE '${PG_SSL_MODE}'"),
            "MZ704",
            None,
        );
        assert_none(
            "CREATE CONNECTION k TO KAFKA (BROKER 'k.internal:9092', SECURITY PROTOCOL '{{ protocol }}');",
            "MZ704",
            None,
        );
        // Lower-case keywords, a comment between option words, CRLF and
        // non-ASCII text before the span.
        let sql = "-- Datenbank für Aufträge\r\ncreate connection pg to postgres (\r\n  host 'pg.internal', database 'shop', user 'mz',\r\n  ssl /* tls */ mode 'verify-ca');\r\n";
        let (message, fixed) = spelling(sql);
        assert_eq!(
            message,
            "'verify-ca' is accepted, but the canonical spelling is 'verify_ca'"
        );
        assert_eq!(
            fixed,
            "-- Datenbank für Aufträge\r\ncreate connection pg to postgres (\r\n  host 'pg.internal', database 'shop', user 'mz',\r\n  ssl /* tls */ mode 'verify_ca');\r\n"
        );
    }

    #[test]
    fn suppression_silences_it() {
        let sql = format!("-- mzlint: disable[MZ704]\n{BAD}\n-- mzlint: enable[MZ704]\n");
        assert_clean(&sql, None);
    }
}

use crate::options::{connection_accepts, source_options};
use crate::prelude::*;
use crate::rules::common::{altered_connection_type, connection_option_name, source_option_name};

declare_rule! {
/// ## What it does
///
/// Reports an unquoted identifier with upper-case letters as the value of a
/// case-sensitive string option — PUBLICATION, DATABASE, USER, TOPIC, GROUP
/// ID PREFIX, PROGRESS TOPIC, SASL USERNAME, WAREHOUSE — which Materialize
/// folds to lower case. Not on quoted identifiers (`"MzPub"` keeps its
/// case), string literals, lower-case identifiers, placeholders, or
/// case-insensitive options (SSL MODE, SECURITY PROTOCOL, SASL MECHANISMS,
/// HOST, REGION).
///
/// Message (on the value): `PUBLICATION MzPub is an unquoted identifier, so
/// Materialize looks up 'mzpub'`.
///
/// ## Why is this bad?
///
/// Unquoted identifiers fold to lower case (`materialize-ddl.md` §1.2, §1.8)
/// while publication names, topics and user names are case-sensitive: the
/// statement silently refers to something else. The folding has confused
/// users (database-issues#6693, cited in `connection.rs`).
///
/// ## Example
///
/// ```sql
/// CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION MzPub) FOR TABLES (public.orders);
/// ```
///
/// Use instead:
///
/// ```sql
/// CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'MzPub') FOR TABLES (public.orders);
/// ```
///
/// ## Fix (unsafe)
///
/// Replaces the identifier with a string literal of its original spelling.
/// Unsafe: if the upstream name really is lower case, the folded form was
/// right and `'mzpub'` is what should be written.
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

/// The case-sensitive string options.
fn is_case_sensitive(name: &OptionName) -> bool {
    matches!(
        name,
        OptionName::Publication
            | OptionName::Database
            | OptionName::User
            | OptionName::Topic
            | OptionName::GroupIdPrefix
            | OptionName::ProgressTopic
            | OptionName::SaslUsername
            | OptionName::Warehouse
    )
}

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    match &ctx.statement.kind {
        StatementKind::CreateConnection(create) => {
            let t = create.connection_type;
            for option in &create.options.options {
                if let Some(name) = connection_option_name(&option.name, Some(t)) {
                    if connection_accepts(t, &name) {
                        report(ctx, option, &name, out);
                    }
                }
            }
        }
        StatementKind::AlterConnection(alter) => {
            let AlterConnectionAction::Actions { actions, .. } = &alter.action else {
                return;
            };
            let t = altered_connection_type(ctx, alter);
            for action in actions {
                let AlterConnectionItemKind::Set(option) = &action.kind else {
                    continue;
                };
                if let Some(name) = connection_option_name(&option.name, t) {
                    if t.is_none_or(|t| connection_accepts(t, &name)) {
                        report(ctx, option, &name, out);
                    }
                }
            }
        }
        StatementKind::CreateSource(CreateSource {
            body: SourceBody::Connection(conn),
            ..
        }) => {
            for option in conn.options.iter().flat_map(|l| &l.options) {
                if let Some(name) = source_option_name(&option.name, conn.kind) {
                    if source_options(conn.kind).contains(&name) {
                        report(ctx, option, &name, out);
                    }
                }
            }
        }
        _ => {}
    }
}

fn report(
    ctx: &StatementContext<'_>,
    option: &SqlOption,
    name: &OptionName,
    out: &mut Vec<Diagnostic>,
) {
    if !is_case_sensitive(name) {
        return;
    }
    let Some(Value::Ident(ident)) = &option.value else {
        return;
    };
    if ident.quoted || ident.is_placeholder() {
        return;
    }
    let written = ctx.text(ident.span);
    if !written.chars().any(char::is_uppercase) || ctx.settings().security.is_placeholder(written) {
        return;
    }
    let folded = &ident.value;
    let literal = format!("'{}'", written.replace('\'', "''"));
    out.push(
        ctx.diagnostic(
            &RULE,
            ident.span,
            format!(
                "{name} {written} is an unquoted identifier, so Materialize looks up '{folded}'"
            ),
        )
        .with_help(format!(
            "write {name} {literal} if the upstream name has capitals, or '{folded}' to make the folding explicit"
        ))
        .with_fix(Fix::unsafe_(
            format!("Write {name} {literal}"),
            vec![Edit::replace(ident.span, literal.clone())],
        )),
    );
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;
    use crate::testing::assert_fixes_converge;
    use crate::Applicability;

    const BAD: &str = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION MzPub) FOR TABLES (public.orders);";
    const GOOD: &str = "CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'MzPub') FOR TABLES (public.orders);";

    #[test]
    fn bad_example() {
        let d = assert_bad_example(BAD, None, "MZ705", "PUBLICATION MzPub is an unquoted identifier, so Materialize looks up 'mzpub'", "MzPub", "write PUBLICATION 'MzPub' if the upstream name has capitals, or 'mzpub' to make the folding explicit");
        assert_eq!(d.fix.as_ref().unwrap().applicability, Applicability::Unsafe);
        insta::assert_snapshot!(render(BAD, None));
    }

    #[test]
    fn good_example() {
        assert_clean(GOOD, None);
    }

    #[test]
    fn fix_quotes_the_original_spelling() {
        assert_eq!(assert_fixes_converge(BAD, None), GOOD);
    }

    #[test]
    fn every_case_sensitive_option() {
        let sql = "CREATE CONNECTION pg TO POSTGRES (HOST PgHost, DATABASE Shop, USER MzUser, SSL MODE Require);";
        let found = of(sql, "MZ705", None);
        let texts: Vec<&str> = found.iter().map(|(_, t)| t.as_str()).collect();
        // HOST and SSL MODE are case-insensitive.
        assert_eq!(texts, ["Shop", "MzUser"]);
        assert_eq!(
            found[1].0,
            "USER MzUser is an unquoted identifier, so Materialize looks up 'mzuser'"
        );
        let sql = "CREATE CONNECTION k TO KAFKA (BROKER 'k.internal:9092', PROGRESS TOPIC Progress, SASL MECHANISMS Plain, SASL USERNAME Mz, SASL PASSWORD SECRET kp);";
        let texts: Vec<String> = of(sql, "MZ705", None).into_iter().map(|(_, t)| t).collect();
        assert_eq!(texts, ["Progress", "Mz"]);
        let sql = "CREATE SOURCE k IN CLUSTER ingest FROM KAFKA CONNECTION kafka (TOPIC Events, GROUP ID PREFIX MzGroup);";
        let texts: Vec<String> = of(sql, "MZ705", None).into_iter().map(|(_, t)| t).collect();
        assert_eq!(texts, ["Events", "MzGroup"]);
        assert_eq!(
            assert_fixes_converge(sql, None),
            "CREATE SOURCE k IN CLUSTER ingest FROM KAFKA CONNECTION kafka (TOPIC 'Events', GROUP ID PREFIX 'MzGroup');"
        );
        let sql = "CREATE CONNECTION cat TO ICEBERG CATALOG (CATALOG TYPE 'rest', URL 'https://cat.example.com', WAREHOUSE Lake, CREDENTIAL SECRET c);";
        assert_eq!(of(sql, "MZ705", None)[0].1, "Lake");
        let sql = "ALTER CONNECTION pg SET (DATABASE = Shop);";
        assert_eq!(of(sql, "MZ705", None)[0].1, "Shop");
    }

    #[test]
    fn not_on_quoted_lower_case_or_misplaced_values() {
        for value in ["\"MzPub\"", "'MzPub'", "mzpub", "mz_pub"] {
            let sql = format!("CREATE SOURCE src IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION {value});");
            assert_none(&sql, "MZ705", None);
        }
        // DATABASE on MYSQL is MZ100's; PUBLICATION on a MySQL source too.
        assert_none(
            "CREATE CONNECTION my TO MYSQL (HOST 'my.internal', USER 'mz', DATABASE Shop);",
            "MZ705",
            None,
        );
        assert_none(
            "CREATE SOURCE m IN CLUSTER ingest FROM MYSQL CONNECTION my (PUBLICATION MzPub);",
            "MZ705",
            None,
        );
    }

    #[test]
    fn aliases_legacy_form_and_positions() {
        // DBNAME counts as DATABASE.
        let sql = "CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DBNAME Shop, USER 'mz');";
        assert_eq!(
            of(sql, "MZ705", None)[0].0,
            "DATABASE Shop is an unquoted identifier, so Materialize looks up 'shop'"
        );
        // The legacy FOR form.
        let sql = "CREATE CONNECTION pg FOR POSTGRES HOST 'pg.internal', DATABASE Shop, USER 'mz';";
        assert_eq!(of(sql, "MZ705", None)[0].1, "Shop");
        // Lower-case keywords, a comment between option words, CRLF,
        // non-ASCII text before the span.
        let sql = "-- Veröffentlichung\r\ncreate source src in cluster ingest\r\n  from postgres connection pg (publication /* name */ MzPub);\r\n";
        assert_eq!(of(sql, "MZ705", None)[0].1, "MzPub");
        assert_eq!(
            assert_fixes_converge(sql, None),
            "-- Veröffentlichung\r\ncreate source src in cluster ingest\r\n  from postgres connection pg (publication /* name */ 'MzPub');\r\n"
        );
    }

    #[test]
    fn suppression_silences_it() {
        let sql =
            format!("{BAD} -- mzlint: ignore[case-folded-identifier-value] really lower case");
        assert_clean(&sql, None);
    }
}

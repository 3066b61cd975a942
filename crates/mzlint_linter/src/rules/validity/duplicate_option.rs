use crate::options::OptionContext;
use crate::prelude::*;

use super::option_model::{
    delete_element, effective_name, is_removed, option_lists, values_identical,
};

declare_rule! {
/// ## What it does
///
/// Reports an option given twice in one list: connection options, source
/// options, every `WITH (…)`, cluster and replica options, the per-broker
/// `USING AWS PRIVATELINK pl (…)` options, and the option lists of FORMAT
/// clauses. Synonyms count as one option (`USER`/`USERNAME`, `EXCLUDE`/`IGNORE
/// COLUMNS`, and an unknown word MZ100 maps to an option, such as `SSLMODE`).
/// In `ALTER CONNECTION`, the same option in two `SET (…)` actions, or in two
/// `RESET`/`DROP` actions.
///
/// Each later occurrence is reported, with a note at the first. Not reported
/// here: SET plus RESET of one option (MZ102), repeated brokers, availability
/// zones (MZ301) or column entries (MZ110), and removed options (MZ700, MZ701).
///
/// ## Why is this bad?
///
/// Materialize rejects the statement (`HOST specified more than once`); with
/// different values, which one was meant cannot be known.
///
/// ## Example
///
/// ```sql
/// CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', HOST 'pg-replica.internal', PASSWORD SECRET pg_pw, SSL MODE 'require');
/// ```
///
/// Use instead:
///
/// ```sql
/// CREATE CONNECTION pg TO POSTGRES (HOST 'pg-replica.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');
/// ```
///
/// ## Fix
///
/// Safe when the later value is identical to the first (same token kind and
/// text after folding; lists element by element; secrets compared but never
/// shown): the later occurrence is deleted. Otherwise none: pick the value
/// you mean and delete the other.
    pub(crate) static RULE = {
        code: "MZ101",
        name: "duplicate-option",
        severity: Error,
        scope: Statement,
        fix: Safe,
        fix_summary: "safe (same value)",
        summary: "Same option twice in one list",
        check: Statement(check),
    }
}

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    if let StatementKind::AlterConnection(alter) = &ctx.statement.kind {
        check_alter_connection(ctx, alter, out);
    }
    for (context, options) in option_lists(ctx.statement) {
        check_list(ctx, context, options, out);
    }
}

/// The name an option counts as for duplicates: its effective name, except
/// `DOC ON` (one per target) and options MZ700/MZ701 report.
fn duplicate_key(
    ctx: &StatementContext<'_>,
    option: &SqlOption,
    context: OptionContext,
) -> Option<OptionName> {
    if is_removed(ctx.statement, option) {
        return None;
    }
    match effective_name(option, context)? {
        OptionName::DocOn => None,
        name => Some(name),
    }
}

/// One list: each option whose name an earlier one already has.
fn check_list(
    ctx: &StatementContext<'_>,
    context: OptionContext,
    options: &[SqlOption],
    out: &mut Vec<Diagnostic>,
) {
    let elements: Vec<Span> = options.iter().map(|o| o.span).collect();
    let mut seen: Vec<(OptionName, &SqlOption)> = Vec::new();
    for (index, option) in options.iter().enumerate() {
        let Some(name) = duplicate_key(ctx, option, context) else {
            continue;
        };
        match seen.iter().find(|(n, _)| *n == name) {
            Some((_, first)) => {
                let fix = values_identical(ctx, first.value.as_ref(), option.value.as_ref())
                    .then(|| delete_element(ctx.source(), &elements, index))
                    .flatten();
                out.push(report(ctx, &name, option.span, first.span, fix));
            }
            None => seen.push((name, option)),
        }
    }
}

fn report(
    ctx: &StatementContext<'_>,
    name: &OptionName,
    span: Span,
    first: Span,
    deletion: Option<Edit>,
) -> Diagnostic {
    let diagnostic = ctx
        .diagnostic(&RULE, span, format!("{name} specified more than once"))
        .with_related(ctx.file_id(), first, format!("{name} first specified here"));
    match deletion {
        Some(edit) => diagnostic
            .with_help(format!("remove this {name}: it repeats the first one"))
            .with_fix(Fix::safe(format!("Remove the repeated {name}"), vec![edit])),
        None => diagnostic.with_help(format!("keep one {name} with the value you mean")),
    }
}

/// `ALTER CONNECTION`: the same option in two SET actions, or in two
/// RESET/DROP actions (its nested lists are in [`option_lists`]).
fn check_alter_connection(
    ctx: &StatementContext<'_>,
    alter: &AlterConnection,
    out: &mut Vec<Diagnostic>,
) {
    let AlterConnectionAction::Actions { actions, .. } = &alter.action else {
        return;
    };
    let connection_type = ctx.project().connection_type(ctx.location(), &alter.name);
    let context = OptionContext::Connection(connection_type);
    let elements: Vec<Span> = actions.iter().map(|a| a.span).collect();
    let mut sets: Vec<(OptionName, &SqlOption)> = Vec::new();
    let mut resets: Vec<(OptionName, &SqlOption)> = Vec::new();
    for (index, action) in actions.iter().enumerate() {
        let (option, seen) = match &action.kind {
            AlterConnectionItemKind::Set(option) => (option, &mut sets),
            AlterConnectionItemKind::Reset { option, .. } => (option, &mut resets),
            AlterConnectionItemKind::RotateKeys => continue,
        };
        let Some(name) = duplicate_key(ctx, option, context) else {
            continue;
        };
        match seen.iter().find(|(n, _)| *n == name) {
            Some((_, first)) => {
                let fix = values_identical(ctx, first.value.as_ref(), option.value.as_ref())
                    .then(|| delete_element(ctx.source(), &elements, index))
                    .flatten();
                out.push(report(ctx, &name, option.span, first.span, fix));
            }
            None => seen.push((name, option)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::option_model::testkit::{
        apply, assert_clean, fix_all, fix_once, lint, lint_project, of, only, render,
    };
    use crate::testing::{assert_never_said, CANARY};

    const BAD: &str = "CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', HOST 'pg-replica.internal', PASSWORD SECRET pg_pw, SSL MODE 'require');";
    const GOOD: &str = "CREATE CONNECTION pg TO POSTGRES (HOST 'pg-replica.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');";

    /// `(message, span text, fixable)` of each MZ101.
    fn mz101(sql: &str) -> Vec<(String, String, bool)> {
        of(&lint(sql), "MZ101")
            .into_iter()
            .map(|d| {
                (
                    d.message.clone(),
                    sql[d.span.range()].to_string(),
                    d.fix.is_some(),
                )
            })
            .collect()
    }

    fn one(sql: &str, message: &str, span: &str, fixable: bool) {
        assert_eq!(
            mz101(sql),
            vec![(message.to_string(), span.to_string(), fixable)],
            "{sql}"
        );
    }

    #[test]
    fn bad_example() {
        let d = &only(BAD, "MZ101");
        assert_eq!(d.message, "HOST specified more than once");
        assert_eq!(&BAD[d.span.range()], "HOST 'pg-replica.internal'");
        assert_eq!(d.related.len(), 1);
        assert_eq!(&BAD[d.related[0].span.range()], "HOST 'pg.internal'");
        assert_eq!(d.related[0].message, "HOST first specified here");
        assert!(d.fix.is_none(), "different values: no fix");
    }

    #[test]
    fn good_example() {
        assert_clean(GOOD);
    }

    #[test]
    fn bad_example_snapshot() {
        insta::assert_snapshot!(render(BAD, &lint(BAD)));
    }

    #[test]
    fn identical_values_are_deleted() {
        let sql = "CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', HOST 'h');";
        one(sql, "HOST specified more than once", "HOST 'h'", true);
        let fixed = fix_once(sql, "MZ101", "HOST 'h'");
        assert_eq!(
            fixed,
            "CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u');"
        );
        assert_eq!(fix_all(sql, "MZ101"), fixed);
        assert_eq!(fix_all(&fixed, "MZ101"), fixed);
        // Folding: an unquoted identifier is its lower-case text; '=' does not matter.
        one(
            "CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE App, USER 'u', DATABASE = app);",
            "DATABASE specified more than once",
            "DATABASE = app",
            true,
        );
        // A string and an identifier are different token kinds.
        one(
            "CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'app', USER 'u', DATABASE app);",
            "DATABASE specified more than once",
            "DATABASE app",
            false,
        );
        // Lists element by element.
        one(
            "CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 's', AVAILABILITY ZONES ('a', 'b'), AVAILABILITY ZONES ['a', 'b']);",
            "AVAILABILITY ZONES specified more than once",
            "AVAILABILITY ZONES ['a', 'b']",
            true,
        );
        one(
            "CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 's', AVAILABILITY ZONES ('a', 'b'), AVAILABILITY ZONES ('b', 'a'));",
            "AVAILABILITY ZONES specified more than once",
            "AVAILABILITY ZONES ('b', 'a')",
            false,
        );
    }

    #[test]
    fn synonyms_count_as_one() {
        one(
            "CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', USERNAME 'u');",
            "USER specified more than once",
            "USERNAME 'u'",
            true,
        );
        one(
            "CREATE SOURCE s FROM MYSQL CONNECTION m (EXCLUDE COLUMNS (a.b.c), IGNORE COLUMNS (a.b.d)) FOR TABLES (a.b);",
            "EXCLUDE COLUMNS specified more than once",
            "IGNORE COLUMNS (a.b.d)",
            false,
        );
        // An unknown word MZ100 maps counts as the option (§1.8).
        one(
            "CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', SSL MODE 'require', SSLMODE 'require');",
            "SSL MODE specified more than once",
            "SSLMODE 'require'",
            true,
        );
        // Unmapped unknown words are MZ100's only.
        assert!(mz101("CREATE CONNECTION pg TO POSTGRES (HOST 'h', XYZZY 1, XYZZY 1);").is_empty());
    }

    #[test]
    fn secrets_are_compared_but_never_shown() {
        let canary = CANARY;
        let sql = format!(
            "CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', PASSWORD '{canary}', PASSWORD '{canary}');"
        );
        let found = of(&lint(&sql), "MZ101");
        assert_eq!(found.len(), 1);
        let d = &found[0];
        assert_eq!(d.message, "PASSWORD specified more than once");
        let fix = d.fix.as_ref().expect("identical values");
        assert_never_said(canary, &sql, &found);
        assert_eq!(
            apply(&sql, fix),
            format!("CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', PASSWORD '{canary}');")
        );
        // Different literals: no fix. Secret names are compared.
        let other = sql.replacen(canary, "other-value", 1);
        assert!(of(&lint(&other), "MZ101")[0].fix.is_none());
        one(
            "CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', PASSWORD SECRET a.pw, PASSWORD SECRET a.pw);",
            "PASSWORD specified more than once",
            "PASSWORD SECRET a.pw",
            true,
        );
        one(
            "CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', PASSWORD SECRET pw, PASSWORD SECRET pw2);",
            "PASSWORD specified more than once",
            "PASSWORD SECRET pw2",
            false,
        );
    }

    #[test]
    fn every_list() {
        one(
            "CREATE SOURCE s FROM KAFKA CONNECTION k (TOPIC 'a', TOPIC 'b');",
            "TOPIC specified more than once",
            "TOPIC 'b'",
            false,
        );
        one(
            "CREATE SOURCE s FROM POSTGRES CONNECTION pg (PUBLICATION 'p') WITH (RETAIN HISTORY FOR '1h', RETAIN HISTORY FOR '1h');",
            "RETAIN HISTORY specified more than once",
            "RETAIN HISTORY FOR '1h'",
            true,
        );
        one(
            "CREATE CONNECTION s TO SSH TUNNEL (HOST 'h', USER 'u') WITH (VALIDATE, VALIDATE = false);",
            "VALIDATE specified more than once",
            "VALIDATE = false",
            false,
        );
        one(
            "CREATE CLUSTER c (SIZE 'M.1-small', SIZE = 'M.1-small');",
            "SIZE specified more than once",
            "SIZE = 'M.1-small'",
            true,
        );
        one(
            "CREATE CLUSTER c (MANAGED = false, REPLICAS (r1 (SIZE 'a', SIZE 'b')));",
            "SIZE specified more than once",
            "SIZE 'b'",
            false,
        );
        one(
            "CREATE CLUSTER REPLICA c.r2 SIZE 'a', SIZE 'a';",
            "SIZE specified more than once",
            "SIZE 'a'",
            true,
        );
        one(
            "CREATE CONNECTION k TO KAFKA (BROKERS ('b1:9092' USING AWS PRIVATELINK pl (PORT 9001, PORT 9002)));",
            "PORT specified more than once",
            "PORT 9002",
            false,
        );
        one(
            "CREATE TABLE t FROM SOURCE s (REFERENCE a) WITH (TEXT COLUMNS (x), TEXT COLUMNS (y));",
            "TEXT COLUMNS specified more than once",
            "TEXT COLUMNS (y)",
            false,
        );
        one(
            "ALTER CLUSTER c SET (REPLICATION FACTOR 1, REPLICATION FACTOR 2);",
            "REPLICATION FACTOR specified more than once",
            "REPLICATION FACTOR 2",
            false,
        );
        // Repeated brokers and AZ entries are not options (MZ301, …).
        assert!(mz101("CREATE CONNECTION k TO KAFKA (BROKERS ('b1:9092', 'b1:9092'));").is_empty());
        // Removed options are MZ700/MZ701's.
        assert!(mz101(
            "CREATE SOURCE s FROM POSTGRES CONNECTION pg (PUBLICATION 'p') WITH (SIZE 'a', SIZE 'a');"
        )
        .is_empty());
    }

    #[test]
    fn alter_connection_actions() {
        let sql = "ALTER CONNECTION pg SET (HOST 'a'), SET (PORT 1), SET (HOST 'a');";
        one(sql, "HOST specified more than once", "HOST 'a'", true);
        assert_eq!(
            fix_all(sql, "MZ101"),
            "ALTER CONNECTION pg SET (HOST 'a'), SET (PORT 1);"
        );
        one(
            "ALTER CONNECTION pg RESET (HOST), DROP (HOST);",
            "HOST specified more than once",
            "HOST",
            true,
        );
        let quoted = "ALTER CONNECTION \"My DB\".public.\"PG\" SET (USER 'a'), SET (USERNAME 'a');";
        one(
            quoted,
            "USER specified more than once",
            "USERNAME 'a'",
            true,
        );
        assert_eq!(
            fix_all(quoted, "MZ101"),
            "ALTER CONNECTION \"My DB\".public.\"PG\" SET (USER 'a');"
        );
        // SET plus RESET is MZ102's.
        assert!(mz101("ALTER CONNECTION pg SET (HOST 'a'), RESET (HOST);").is_empty());
        // The type from the project maps unknown words.
        let create = "CREATE CONNECTION pg TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u');";
        let alter = "ALTER CONNECTION pg SET (DBNAME 'x'), SET (DATABASE 'x');";
        let found = of(&lint_project(&[create, alter])[1], "MZ101");
        assert_eq!(found.len(), 1);
        assert_eq!(&alter[found[0].span.range()], "DATABASE 'x'");
    }

    #[test]
    fn mixed_case_comments_crlf_and_non_ascii() {
        let sql = "-- ünïcode ✓\r\ncreate connection pg to postgres (\r\n  Host 'h', database 'd', user 'u',\r\n  host /* again */ 'h'\r\n);";
        one(
            sql,
            "HOST specified more than once",
            "host /* again */ 'h'",
            true,
        );
        assert_eq!(
            fix_all(sql, "MZ101"),
            "-- ünïcode ✓\r\ncreate connection pg to postgres (\r\n  Host 'h', database 'd', user 'u'\r\n);"
        );
        let legacy = "CREATE CONNECTION b FOR SSH TUNNEL HOST 'h', USER 'u', PORT 22, PORT 22;";
        one(legacy, "PORT specified more than once", "PORT 22", true);
        assert_eq!(
            fix_all(legacy, "MZ101"),
            "CREATE CONNECTION b FOR SSH TUNNEL HOST 'h', USER 'u', PORT 22;"
        );
    }

    #[test]
    fn placeholders_compare_as_written() {
        one(
            "CREATE CONNECTION pg TO POSTGRES (HOST '${HOST}', DATABASE 'd', USER 'u', HOST '${HOST}');",
            "HOST specified more than once",
            "HOST '${HOST}'",
            true,
        );
        one(
            "CREATE CONNECTION pg TO POSTGRES (HOST '<host>', DATABASE 'd', USER 'u', HOST '<other>');",
            "HOST specified more than once",
            "HOST '<other>'",
            false,
        );
    }

    #[test]
    fn suppression_comment_silences_it() {
        let sql = "-- mzlint: ignore[duplicate-option]\nCREATE CONNECTION pg TO POSTGRES (HOST 'a', HOST 'b', DATABASE 'd', USER 'u', SSL MODE 'require');\n";
        let diagnostics = lint(sql);
        assert!(diagnostics.is_empty(), "{diagnostics:#?}");
        let unsuppressed = sql.replace("mzlint: ignore", "just a comment");
        assert_eq!(of(&lint(&unsuppressed), "MZ101").len(), 1);
    }
}

use super::common::{name_as_written, Subject};
use crate::prelude::*;
use crate::rules::security::common::effective_connection_option;

declare_rule! {
/// ## What it does
///
/// Reports `CREATE CONNECTION … TO AWS` with `ACCESS KEY ID` (whatever its
/// value: `SECRET name`, a literal, a placeholder), and `ALTER CONNECTION …
/// SET (ACCESS KEY ID …)` on an AWS connection the project defines.
///
/// Not reported on connections that authenticate with `ASSUME ROLE ARN`
/// only. A literal `SECRET ACCESS KEY` is also MZ105; keys together with a
/// role are also MZ102.
///
/// The message names the option only; the value is never shown.
///
/// ## Why is this bad?
///
/// The docs mark credentials-based authentication deprecated in favour of
/// role assumption (`doc/user/data/examples/create_connection.yml`):
/// long-lived keys leak and must be rotated by hand.
///
/// ## Example
///
/// ```sql
/// CREATE CONNECTION s3_exports TO AWS (ACCESS KEY ID = SECRET aws_key_id, SECRET ACCESS KEY = SECRET aws_secret_key, REGION = 'us-east-1');
/// ```
///
/// reports, on the ACCESS KEY ID option, ``AWS connection `s3_exports`
/// authenticates with static access keys (ACCESS KEY ID); credential
/// authentication is deprecated``. Use instead:
///
/// ```sql
/// CREATE CONNECTION s3_exports TO AWS (ASSUME ROLE ARN = 'arn:aws:iam::111122223333:role/MaterializeExports', REGION = 'us-east-1');
/// ```
///
/// ## Fix
///
/// None: the role must be created in AWS first.
    pub(crate) static RULE = {
        code: "MZ203",
        name: "aws-static-credentials",
        severity: Warning,
        scope: Statement,
        fix: None,
        fix_summary: "none",
        summary: "AWS connection with static access keys",
        check: Statement(check),
    }
}

const HELP: &str = "use ASSUME ROLE ARN '<role arn>' and trust Materialize's AWS principal in the \
                    role's trust policy; long-lived keys leak and must be rotated by hand";

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(subject) = Subject::of(ctx.statement) else {
        return;
    };
    let connection_type = match &subject {
        Subject::Create(create) => create.connection_type,
        Subject::Alter(alter) => match ctx.project().connection_type(ctx.location(), &alter.name) {
            Some(connection_type) => connection_type,
            None => return,
        },
    };
    if connection_type != ConnectionType::Aws {
        return;
    }
    let Some(option) = subject.written_options().into_iter().find(|option| {
        effective_connection_option(connection_type, &option.name) == OptionName::AccessKeyId
    }) else {
        return;
    };
    let message = format!(
        "AWS connection `{}` authenticates with static access keys (ACCESS KEY ID); credential \
         authentication is deprecated",
        name_as_written(ctx, subject.name())
    );
    out.push(ctx.diagnostic(&RULE, option.span, message).with_help(HELP));
}

#[cfg(test)]
mod tests {
    use super::super::common::test_support::*;
    use crate::diagnostic::Severity;
    use crate::testing::{lint_project, render_concise, render_sql};

    const BAD: &str = "CREATE CONNECTION s3_exports TO AWS (ACCESS KEY ID = SECRET aws_key_id, SECRET ACCESS KEY = SECRET aws_secret_key, REGION = 'us-east-1');";
    const GOOD: &str = "CREATE CONNECTION s3_exports TO AWS (ASSUME ROLE ARN = 'arn:aws:iam::111122223333:role/MaterializeExports', REGION = 'us-east-1');";
    const MESSAGE: &str = "AWS connection `s3_exports` authenticates with static access keys (ACCESS KEY ID); credential authentication is deprecated";
    const HELP: &str = "use ASSUME ROLE ARN '<role arn>' and trust Materialize's AWS principal in the role's trust policy; long-lived keys leak and must be rotated by hand";

    #[test]
    fn bad_example() {
        let d = only_finding(BAD, None, "MZ203");
        assert_eq!(d.message, MESSAGE);
        assert_eq!(span_text(BAD, &d), "ACCESS KEY ID = SECRET aws_key_id");
        assert_eq!(d.severity, Severity::Warning);
        assert_eq!(d.help.as_deref(), Some(HELP));
        assert!(d.fix.is_none());
    }

    #[test]
    fn good_example() {
        assert_clean(GOOD, None);
    }

    #[test]
    fn any_value_form() {
        for value in [
            "'AKIAIOSFODNN7EXAMPLE'",
            "aws_key",
            "'${AWS_ACCESS_KEY_ID}'",
            "'<key id>'",
        ] {
            let sql = format!("CREATE CONNECTION s3_exports TO AWS (ACCESS KEY ID = {value}, SECRET ACCESS KEY = SECRET k);");
            let diagnostics = findings(&sql, None, "MZ203");
            assert_eq!(diagnostics.len(), 1, "{value}");
            assert_eq!(diagnostics[0].message, MESSAGE);
        }
    }

    #[test]
    fn not_reported() {
        // Other types (ACCESS KEY ID there is MZ100's) and role-only AWS.
        assert_none("CREATE CONNECTION pg TO POSTGRES (HOST 'h.internal', DATABASE 'd', USER 'u', ACCESS KEY ID 'x');", None, "MZ203");
        assert_none("CREATE CONNECTION a TO AWS (ASSUME ROLE ARN 'arn:aws:iam::1:role/r', ASSUME ROLE SESSION NAME 's');", None, "MZ203");
        assert_none(
            "ALTER CONNECTION a SET (ACCESS KEY ID = SECRET k);",
            None,
            "MZ203",
        );
    }

    #[test]
    fn keys_and_role_together_are_still_reported() {
        let sql = "CREATE CONNECTION a TO AWS (ASSUME ROLE ARN 'arn:aws:iam::1:role/r', ACCESS KEY ID = SECRET k, SECRET ACCESS KEY = SECRET s);";
        assert_eq!(findings(sql, None, "MZ203").len(), 1);
    }

    #[test]
    fn case_comments_quoting_legacy_crlf() {
        let sql = "create connection \"S3 Exports\" to aws (access /* static */ key id = secret k, secret access key = secret s);";
        let d = only_finding(sql, None, "MZ203");
        assert_eq!(span_text(sql, &d), "access /* static */ key id = secret k");
        assert!(d
            .message
            .starts_with("AWS connection `\"S3 Exports\"` authenticates"));

        let sql =
            "CREATE CONNECTION s3 FOR AWS ACCESS KEY ID = SECRET k, SECRET ACCESS KEY = SECRET s;";
        let d = &findings(sql, None, "MZ203")[0];
        assert_eq!(span_text(sql, d), "ACCESS KEY ID = SECRET k");

        let sql = "-- Schlüssel für S3 ✓\r\nCREATE CONNECTION s3_exports TO AWS (\r\n  ACCESS KEY ID = SECRET aws_key_id,\r\n  SECRET ACCESS KEY = SECRET aws_secret_key);\r\n";
        let d = only_finding(sql, None, "MZ203");
        assert_eq!(span_text(sql, &d), "ACCESS KEY ID = SECRET aws_key_id");
    }

    #[test]
    fn suppression() {
        assert_clean(
            &format!("{BAD} -- mzlint: ignore[aws-static-credentials]"),
            None,
        );
    }

    #[test]
    fn alter_set_on_an_aws_connection() {
        let sql = format!("{GOOD}\nALTER CONNECTION s3_exports SET (ACCESS KEY ID = SECRET k), SET (SECRET ACCESS KEY = SECRET s), RESET (ASSUME ROLE ARN);");
        let diagnostics = findings(&sql, None, "MZ203");
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(span_text(&sql, &diagnostics[0]), "ACCESS KEY ID = SECRET k");
        let files = [
            ("a.sql", GOOD),
            (
                "b.sql",
                "ALTER CONNECTION s3_exports SET (ACCESS KEY ID 'AKIA-example');",
            ),
        ];
        let rendered = render_concise(&files, &lint_project(&files, None));
        assert!(
            rendered
                .contains("b.sql:1:34: warning[MZ203] AWS connection `s3_exports` authenticates"),
            "{rendered}"
        );
    }

    #[test]
    fn the_canary_never_leaks() {
        let sql = format!("CREATE CONNECTION s3_exports TO AWS (ACCESS KEY ID = '{CANARY}', SECRET ACCESS KEY = '{CANARY}', SESSION TOKEN = '{CANARY}');");
        let diagnostics = lint(&sql, None);
        assert_eq!(of("MZ203", &diagnostics).len(), 1);
        assert_no_canary(&sql, &diagnostics);
        let alter =
            format!("{GOOD}\nALTER CONNECTION s3_exports SET (ACCESS KEY ID = '{CANARY}');");
        let diagnostics = lint(&alter, None);
        assert_eq!(of("MZ203", &diagnostics).len(), 1);
        assert_no_canary(&alter, &diagnostics);
    }

    #[test]
    fn snapshot() {
        insta::assert_snapshot!("bad_example", render_sql(BAD, &lint(BAD, None)));
    }
}

use crate::options::validates_by_default;
use crate::prelude::*;
use crate::rules::common::altered_connection_type;
use crate::rules::legacy::common::name_as_written;

declare_rule! {
/// ## What it does
///
/// Reports `WITH (VALIDATE = false)` (or `VALIDATE false`) on `CREATE` or
/// `ALTER CONNECTION` of a type Materialize validates by default: KAFKA,
/// CONFLUENT SCHEMA REGISTRY, POSTGRES, MYSQL, SQL SERVER. Not on AWS, SSH
/// TUNNEL, AWS PRIVATELINK or ICEBERG CATALOG connections, on
/// `VALIDATE = true`, on an `ALTER CONNECTION` whose type the project does
/// not define, or on `VALIDATE = 'false'` (a string: MZ106).
///
/// Message (on the VALIDATE option): ``connection `pg` is created with
/// VALIDATE = false: a wrong host, port or credential surfaces only when a
/// source uses it``.
///
/// ## Why is this bad?
///
/// These types are validated by default; disabling it defers a wrong host,
/// port or credential to source creation or to runtime
/// (MaterializeInc/agent-skills
/// `skills/materialize-docs/sql/create-connection/index.md`).
///
/// ## Example
///
/// ```sql
/// CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require') WITH (VALIDATE = false);
/// ```
///
/// Use instead:
///
/// ```sql
/// CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');
/// ```
///
/// When validation cannot reach the server (a network only the cluster
/// sees), suppress this with a reason.
///
/// ## Fix
///
/// None.
    pub(crate) static RULE = {
        code: "MZ604",
        name: "connection-validation-disabled",
        severity: Info,
        scope: Statement,
        fix: None,
        fix_summary: "none",
        summary: "`VALIDATE = false` on a connection validated by default",
        check: Statement(check),
    }
}

fn check(ctx: &StatementContext<'_>, out: &mut Vec<Diagnostic>) {
    let (name, connection_type, with_options, verb) = match &ctx.statement.kind {
        StatementKind::CreateConnection(create) => (
            &create.name,
            Some(create.connection_type),
            create.with_options.as_ref(),
            "created",
        ),
        StatementKind::AlterConnection(alter) => match &alter.action {
            AlterConnectionAction::Actions { with_options, .. } => (
                &alter.name,
                altered_connection_type(ctx, alter),
                with_options.as_ref(),
                "altered",
            ),
            _ => return,
        },
        _ => return,
    };
    let (Some(connection_type), Some(with_options)) = (connection_type, with_options) else {
        return;
    };
    if !validates_by_default(connection_type) {
        return;
    }
    for option in with_options.all(OptionName::Validate) {
        if !matches!(option.value, Some(Value::Bool { value: false, .. })) {
            continue;
        }
        let name = name_as_written(ctx.source(), name);
        out.push(
            ctx.diagnostic(
                &RULE,
                option.span,
                format!(
                    "connection `{name}` is {verb} with VALIDATE = false: a wrong host, port or credential surfaces only when a source uses it"
                ),
            )
            .with_help(
                "remove the WITH clause, or suppress this with a reason when validation cannot reach the server",
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::legacy::test_util::*;

    const BAD: &str = "CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require') WITH (VALIDATE = false);";
    const GOOD: &str = "CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');";
    const MESSAGE: &str = "connection `pg` is created with VALIDATE = false: a wrong host, port or credential surfaces only when a source uses it";

    #[test]
    fn bad_example() {
        assert_bad_example(BAD, None, "MZ604", MESSAGE, "VALIDATE = false", "remove the WITH clause, or suppress this with a reason when validation cannot reach the server");
        insta::assert_snapshot!(render(BAD, None));
    }

    #[test]
    fn good_example() {
        assert_clean(GOOD, None);
    }

    #[test]
    fn types_validated_by_default() {
        let with = "WITH (VALIDATE false)";
        for (ty, options) in [
            ("KAFKA", "BROKER 'k.internal:9092'"),
            ("CONFLUENT SCHEMA REGISTRY", "URL 'https://csr.internal'"),
            ("MYSQL", "HOST 'my.internal', USER 'mz'"),
            (
                "SQL SERVER",
                "HOST 'ms.internal', DATABASE 'd', USER 'mz', PASSWORD SECRET p",
            ),
        ] {
            let sql = format!("CREATE CONNECTION c TO {ty} ({options}) {with};");
            assert_eq!(of(&sql, "MZ604", None).len(), 1, "{sql}");
        }
        for (ty, options) in [
            ("AWS", "ASSUME ROLE ARN 'arn:aws:iam::1:role/mz'"),
            ("SSH TUNNEL", "HOST 'b.internal', USER 'mz'"),
            ("AWS PRIVATELINK", "SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-1', AVAILABILITY ZONES ('use1-az1')"),
            ("ICEBERG CATALOG", "CATALOG TYPE 'rest', URL 'https://cat.internal', CREDENTIAL SECRET c"),
        ] {
            let sql = format!("CREATE CONNECTION c TO {ty} ({options}) {with};");
            assert_none(&sql, "MZ604", None);
        }
    }

    #[test]
    fn not_on_true_strings_or_unknown_types() {
        assert_none(
            &GOOD.replace(");", ") WITH (VALIDATE = true);"),
            "MZ604",
            None,
        );
        assert_none(&GOOD.replace(");", ") WITH (VALIDATE);"), "MZ604", None);
        // A string is MZ106's.
        assert_none(
            &GOOD.replace(");", ") WITH (VALIDATE = 'false');"),
            "MZ604",
            None,
        );
        // ALTER of a connection the project does not define: type unknown.
        assert_none(
            "ALTER CONNECTION pg SET (HOST = 'pg2.internal') WITH (VALIDATE = false);",
            "MZ604",
            None,
        );
    }

    #[test]
    fn alter_and_legacy_forms() {
        let sql = format!(
            "{GOOD}\nALTER CONNECTION pg SET (HOST = 'pg2.internal') WITH (VALIDATE = false);"
        );
        assert_eq!(
            of(&sql, "MZ604", None),
            vec![(
                "connection `pg` is altered with VALIDATE = false: a wrong host, port or credential surfaces only when a source uses it".to_string(),
                "VALIDATE = false".to_string()
            )]
        );
        // The legacy FOR form, lower case, a comment, CRLF, non-ASCII.
        let sql = "-- Prüfung aus\r\ncreate connection \"Kafka\" for kafka broker 'k.internal:9092'\r\n  with (validate /* offline */ false);\r\n";
        assert_eq!(
            of(sql, "MZ604", None),
            vec![(
                "connection `\"Kafka\"` is created with VALIDATE = false: a wrong host, port or credential surfaces only when a source uses it".to_string(),
                "validate /* offline */ false".to_string()
            )]
        );
    }

    #[test]
    fn suppression_silences_it() {
        assert_clean(
            &format!("{BAD} -- mzlint: ignore[connection-validation-disabled] server only reachable from the cluster"),
            None,
        );
    }
}

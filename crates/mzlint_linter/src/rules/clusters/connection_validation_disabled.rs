use crate::options::validates_by_default;
use crate::prelude::*;
use crate::rules::legacy::common::{altered_connection_type, name_as_written};

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

use super::common::{name_as_written, Subject};
use crate::options::effective_connection_option;
use crate::prelude::*;

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

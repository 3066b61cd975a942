use crate::prelude::*;

declare_rule! {
/// * **Detects** `CREATE CONNECTION … TO AWS` with ACCESS KEY ID (any value form), and
///   `ALTER CONNECTION … SET (ACCESS KEY ID …)`.
/// * **Not** on ASSUME ROLE ARN connections. (A literal SECRET ACCESS KEY is also MZ105; key plus role is
///   also MZ102.)
/// * **Message** (span: the ACCESS KEY ID option, value redacted): ``AWS connection `s3_exports`
///   authenticates with static access keys (ACCESS KEY ID); credential authentication is deprecated`` —
///   help: `use ASSUME ROLE ARN '<role arn>' and trust Materialize's AWS principal in the role's trust
///   policy; long-lived keys leak and must be rotated by hand`.
/// * **Why**: the docs mark credentials-based authentication deprecated in favour of role assumption
///   (`doc/user/data/examples/create_connection.yml`).
/// * **Bad** `CREATE CONNECTION s3_exports TO AWS (ACCESS KEY ID = SECRET aws_key_id, SECRET ACCESS KEY = SECRET aws_secret_key, REGION = 'us-east-1');`
/// * **Good** `CREATE CONNECTION s3_exports TO AWS (ASSUME ROLE ARN = 'arn:aws:iam::111122223333:role/MaterializeExports', REGION = 'us-east-1');`
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

fn check(_ctx: &StatementContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

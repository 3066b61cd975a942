use crate::prelude::*;

declare_rule! {
/// * **Detects**
///   * Required connection options: POSTGRES HOST, DATABASE, USER · MYSQL HOST, USER · SQL SERVER HOST,
///     DATABASE, USER, PASSWORD · KAFKA one of BROKER, BROKERS, AWS PRIVATELINK (`must set one of BROKER,
///     BROKERS, or AWS PRIVATELINK`) · CONFLUENT SCHEMA REGISTRY URL · AWS ASSUME ROLE ARN, or ACCESS KEY ID
///     and SECRET ACCESS KEY · AWS PRIVATELINK SERVICE NAME, AVAILABILITY ZONES · SSH TUNNEL HOST, USER
///     (PORT defaults to 22) · ICEBERG CATALOG CATALOG TYPE, URL, plus WAREHOUSE and AWS CONNECTION for
///     `'s3tablesrest'`, CREDENTIAL for `'rest'`.
///   * Co-required: SSL CERTIFICATE ⇔ SSL KEY (POSTGRES, MYSQL, KAFKA, CSR); AWS ACCESS KEY ID ⇔ SECRET
///     ACCESS KEY, SESSION TOKEN ⇒ the pair, ASSUME ROLE SESSION NAME ⇒ ASSUME ROLE ARN; KAFKA with a SASL
///     protocol (`SASL_PLAINTEXT`/`SASL_SSL`, or none given while a SASL option is present) and no AWS
///     CONNECTION ⇒ each of SASL MECHANISMS, SASL USERNAME, SASL PASSWORD (`SASL PASSWORD must be
///     specified`); MYSQL AWS CONNECTION ⇒ SSL MODE present and not `disabled` (`AWS IAM authentication
///     requires SSL to be enabled`); SQL SERVER SSL MODE `verify_ca` ⇒ SSL CERTIFICATE AUTHORITY; CSR
///     PASSWORD ⇒ USER (otherwise silently ignored).
///   * Sources: POSTGRES without PUBLICATION (`CONNECTION must specify PUBLICATION`); KAFKA without TOPIC
///     (`KAFKA CONNECTION without TOPIC`); LOAD GENERATOR KEY VALUE without KEYS, SNAPSHOT ROUNDS, VALUE
///     SIZE, PARTITIONS, BATCH SIZE or SEED.
///   * Clusters: managed `CREATE CLUSTER` without SIZE; unmanaged without REPLICAS.
///   * `ALTER CONNECTION … RESET/DROP` leaving the effective definition without a required option.
/// * **Message** (span: the name span; for co-required pairs, the option present; for ALTER, the action):
///   ``POSTGRES connection `pg` is missing required option DATABASE`` — help: `add DATABASE '<database
///   name>'`. Co-required form: ``SSL CERTIFICATE requires SSL KEY in POSTGRES connection `pg` ``.
/// * **Why**: rejected at plan time ("DATABASE option is required", `connection.rs`;
///   `src/sql/src/pure/error.rs`).
/// * **Bad** `CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');`
/// * **Good** `CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE 'shop', USER 'mz', PASSWORD SECRET pg_pw, SSL MODE 'require');`
    pub(crate) static RULE = {
        code: "MZ103",
        name: "required-option-missing",
        severity: Error,
        scope: Statement,
        fix: None,
        fix_summary: "none",
        summary: "Required or co-required option missing",
        check: Statement(check),
    }
}

fn check(_ctx: &StatementContext<'_>, _out: &mut Vec<Diagnostic>) {
    // Not implemented yet.
}

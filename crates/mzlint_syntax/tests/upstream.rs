//! Upstream PostgreSQL/MySQL parser: the examples of rules.md §5.4, spans,
//! MySQL, secrets, robustness.

use mzlint_syntax::ast::StatementKind;
use mzlint_syntax::upstream::*;
use mzlint_syntax::{parse, parse_with, Dialect, Span};

// -- helpers -------------------------------------------------------------------

fn pg(src: &str) -> Vec<UpstreamStatement> {
    let statements = parse_upstream_file(src, false);
    // The file entry point and the crate's statement splitter agree.
    let via_parser: Vec<UpstreamStatement> = parse_with(src, Dialect::Upstream)
        .statements
        .into_iter()
        .map(|s| match s.kind {
            StatementKind::Upstream(u) => u,
            other => panic!("upstream dialect produced {other:?}"),
        })
        .collect();
    assert_eq!(statements, via_parser, "parse_upstream_file vs parse_with");
    statements
}

fn mysql(src: &str) -> Vec<UpstreamStatement> {
    assert!(detect_mysql(src), "not detected as MySQL: {src}");
    parse_upstream_file(src, true)
}

fn text(src: &str, span: Span) -> &str {
    &src[span.range()]
}

fn one(src: &str) -> UpstreamKind {
    let mut statements = pg(src);
    assert_eq!(statements.len(), 1, "{statements:#?}");
    statements.remove(0).kind
}

fn publication(kind: &UpstreamKind) -> &CreatePublication {
    match kind {
        UpstreamKind::CreatePublication(p) => p,
        other => panic!("not CREATE PUBLICATION: {other:?}"),
    }
}

fn create_table(kind: &UpstreamKind) -> &CreateTable {
    match kind {
        UpstreamKind::CreateTable(t) => t,
        other => panic!("not CREATE TABLE: {other:?}"),
    }
}

fn role_password(kind: &UpstreamKind) -> Password {
    let options = match kind {
        UpstreamKind::CreateRole(r) => &r.options,
        UpstreamKind::AlterRole(AlterRole {
            action: AlterRoleAction::Options(options),
            ..
        }) => options,
        other => panic!("not a role statement with options: {other:?}"),
    };
    options
        .iter()
        .find_map(|o| match o.kind {
            RoleOptionKind::Password(p) => Some(p),
            _ => None,
        })
        .expect("a PASSWORD option")
}

fn assert_no_unparsed(statements: &[UpstreamStatement]) {
    for s in statements {
        assert!(
            !matches!(s.kind, UpstreamKind::Unparsed { .. }),
            "unparsed: {s:?}"
        );
    }
}

// -- rules.md §5.4 examples ---------------------------------------------------------

const RUNNING_EXAMPLE: &str = "\
CREATE TABLE public.orders (id bigint PRIMARY KEY, customer_id bigint, status text,
                            total numeric(12,2), internal_notes text);
CREATE TABLE public.customers (id bigint PRIMARY KEY, name text);
ALTER TABLE public.orders REPLICA IDENTITY FULL;
ALTER TABLE public.customers REPLICA IDENTITY FULL;
CREATE PUBLICATION mz_pub FOR TABLE public.orders, public.customers;
";

#[test]
fn running_example() {
    let src = RUNNING_EXAMPLE;
    let statements = pg(src);
    assert_no_unparsed(&statements);
    insta::assert_debug_snapshot!(statements);

    let orders = create_table(&statements[0].kind);
    assert_eq!(text(src, orders.name.span), "public.orders");
    assert_eq!(orders.name.schema().unwrap().value, "public");
    assert_eq!(orders.name.name().value, "orders");
    let columns: Vec<&str> = orders
        .columns
        .iter()
        .map(|c| text(src, c.name.span))
        .collect();
    assert_eq!(
        columns,
        ["id", "customer_id", "status", "total", "internal_notes"]
    );
    let total = orders.columns[3].data_type.as_ref().unwrap();
    assert_eq!(text(src, total.span), "numeric(12,2)");
    assert_eq!(total.normalized, "numeric");
    let modifiers: Vec<&str> = total.modifiers.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(modifiers, ["12", "2"]);
    assert_eq!(text(src, total.modifiers_span.unwrap()), "(12,2)");
    assert!(orders.columns[0].primary_key);

    match &statements[2].kind {
        UpstreamKind::AlterTable(alter) => {
            assert_eq!(text(src, alter.name.span), "public.orders");
            assert_eq!(alter.actions.len(), 1);
            assert_eq!(
                alter.actions[0].kind,
                AlterTableActionKind::ReplicaIdentity(ReplicaIdentity::Full)
            );
            assert_eq!(text(src, alter.actions[0].span), "REPLICA IDENTITY FULL");
        }
        other => panic!("{other:?}"),
    }

    let p = publication(&statements[4].kind);
    assert_eq!(text(src, p.name.span), "mz_pub");
    assert_eq!(p.name.value, "mz_pub");
    let PublicationScope::Objects { span, objects } = &p.scope else {
        panic!("{:?}", p.scope)
    };
    assert_eq!(
        text(src, *span),
        "FOR TABLE public.orders, public.customers"
    );
    let tables: Vec<&str> = objects.iter().map(|o| text(src, o.span())).collect();
    assert_eq!(tables, ["public.orders", "public.customers"]);
    assert_eq!(
        text(src, statements[4].span),
        "CREATE PUBLICATION mz_pub FOR TABLE public.orders, public.customers"
    );
}

#[test]
fn mz402_all_tables() {
    let bad = "\
CREATE TABLE public.orders (id bigint PRIMARY KEY, total numeric(12,2));
ALTER TABLE public.orders REPLICA IDENTITY FULL;
CREATE PUBLICATION mz_pub FOR ALL TABLES;
";
    let statements = pg(bad);
    assert_no_unparsed(&statements);
    insta::assert_debug_snapshot!(statements);
    let p = publication(&statements[2].kind);
    let PublicationScope::AllTables(span) = p.scope else {
        panic!("{:?}", p.scope)
    };
    assert_eq!(text(bad, span), "FOR ALL TABLES");

    // Also MZ403's Good upstream publication.
    let good = "CREATE PUBLICATION mz_pub FOR TABLE public.orders;";
    let kind = one(good);
    let p = publication(&kind);
    let PublicationScope::Objects { objects, .. } = &p.scope else {
        panic!()
    };
    assert_eq!(objects.len(), 1);
    assert_eq!(text(good, objects[0].span()), "public.orders");
}

#[test]
fn mz404_replica_identity() {
    let bad = "\
CREATE TABLE public.orders (id bigint PRIMARY KEY, total numeric(12,2));
CREATE PUBLICATION mz_pub FOR TABLE public.orders;
";
    let statements = pg(bad);
    assert_no_unparsed(&statements);
    assert_eq!(statements.len(), 2);
    let good = "ALTER TABLE public.orders REPLICA IDENTITY FULL;";
    let all = [
        "ALTER TABLE public.orders REPLICA IDENTITY FULL",
        "ALTER TABLE public.orders REPLICA IDENTITY DEFAULT",
        "ALTER TABLE public.orders REPLICA IDENTITY NOTHING",
        "ALTER TABLE IF EXISTS ONLY public.orders REPLICA IDENTITY USING INDEX orders_pkey",
    ]
    .join(";\n");
    insta::assert_debug_snapshot!((pg(good), pg(&all)));
}

#[test]
fn mz405_publish_option() {
    let src = "CREATE PUBLICATION mz_pub FOR TABLE public.orders, public.customers WITH (publish = 'insert');";
    let kind = one(src);
    insta::assert_debug_snapshot!(kind);
    let p = publication(&kind);
    let with = p.with.as_ref().unwrap();
    assert_eq!(text(src, with.span), "WITH (publish = 'insert')");
    let publish = with.get("publish").unwrap();
    assert_eq!(text(src, publish.span), "publish = 'insert'");
    assert_eq!(text(src, publish.name.span), "publish");
    let value = publish.value.as_ref().unwrap();
    assert_eq!(text(src, value.span), "'insert'");
    assert_eq!(value.text, "insert");
    assert_eq!(value.kind, OptionValueKind::String);

    let multi = one("CREATE PUBLICATION p FOR ALL TABLES WITH (publish = 'insert, update', PUBLISH_VIA_PARTITION_ROOT = TRUE, x = -1, y = 0.5, z = on)");
    let options = &publication(&multi).with.as_ref().unwrap().options;
    let values: Vec<(&str, OptionValueKind, &str)> = options
        .iter()
        .map(|o| {
            let v = o.value.as_ref().unwrap();
            (o.name.value.as_str(), v.kind, v.text.as_str())
        })
        .collect();
    assert_eq!(
        values,
        [
            ("publish", OptionValueKind::String, "insert, update"),
            ("publish_via_partition_root", OptionValueKind::Word, "true"),
            ("x", OptionValueKind::Number, "-1"),
            ("y", OptionValueKind::Number, "0.5"),
            ("z", OptionValueKind::Word, "on"),
        ]
    );
}

#[test]
fn mz406_partitions() {
    let bad = "\
CREATE TABLE public.events (id bigint, created_at timestamptz) PARTITION BY RANGE (created_at);
CREATE TABLE public.events_2026_01 PARTITION OF public.events FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
ALTER TABLE public.events_2026_01 REPLICA IDENTITY FULL;
CREATE PUBLICATION mz_events FOR TABLE public.events WITH (publish_via_partition_root = true);
";
    let statements = pg(bad);
    assert_no_unparsed(&statements);
    insta::assert_debug_snapshot!(statements);
    let events = create_table(&statements[0].kind);
    let by = events.partition_by.as_ref().unwrap();
    assert_eq!(by.strategy, PartitionStrategy::Range);
    assert_eq!(text(bad, by.span), "PARTITION BY RANGE (created_at)");
    let leaf = create_table(&statements[1].kind);
    let of = leaf.partition_of.as_ref().unwrap();
    assert_eq!(text(bad, of.parent.span), "public.events");
    assert_eq!(
        text(bad, of.bound.unwrap()),
        "FOR VALUES FROM ('2026-01-01') TO ('2026-02-01')"
    );
    assert!(leaf.columns.is_empty());
    let p = publication(&statements[3].kind);
    let option = &p.with.as_ref().unwrap().options[0];
    assert_eq!(text(bad, option.span), "publish_via_partition_root = true");

    let good = one("CREATE PUBLICATION mz_events FOR TABLE public.events;");
    assert!(publication(&good).with.is_none());
}

#[test]
fn mz407_tables_in_schema() {
    let src = "\
CREATE TABLE public.events (id bigint PRIMARY KEY, kind text);
CREATE TABLE audit.events (id bigint PRIMARY KEY, actor text);
ALTER TABLE public.events REPLICA IDENTITY FULL;
ALTER TABLE audit.events REPLICA IDENTITY FULL;
CREATE PUBLICATION mz_events FOR TABLES IN SCHEMA public, audit;
";
    let statements = pg(src);
    assert_no_unparsed(&statements);
    insta::assert_debug_snapshot!(statements[4]);
    let p = publication(&statements[4].kind);
    let PublicationScope::Objects { objects, span } = &p.scope else {
        panic!()
    };
    assert_eq!(text(src, *span), "FOR TABLES IN SCHEMA public, audit");
    let schemas: Vec<&str> = objects
        .iter()
        .map(|o| match o {
            PublicationObject::Schema(s) => text(src, s.schema.as_ref().unwrap().span),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(schemas, ["public", "audit"]);
}

#[test]
fn mz408_conflicting_definitions() {
    let base = "CREATE PUBLICATION mz_pub FOR TABLE public.orders, public.customers;";
    let setup = "CREATE PUBLICATION mz_pub FOR ALL TABLES;";
    let good = "ALTER PUBLICATION mz_pub ADD TABLE public.refunds;";
    insta::assert_debug_snapshot!((pg(base), pg(setup), pg(good)));
    match one(good) {
        UpstreamKind::AlterPublication(alter) => {
            assert_eq!(text(good, alter.name.span), "mz_pub");
            assert_eq!(text(good, alter.action_span), "ADD TABLE public.refunds");
            let AlterPublicationAction::Add(objects) = &alter.action else {
                panic!()
            };
            assert_eq!(text(good, objects[0].span()), "public.refunds");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn mz410_enum_type() {
    let src = "\
CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');
CREATE TABLE public.orders (id bigint PRIMARY KEY, status order_status, total numeric(12,2));
ALTER TABLE public.orders REPLICA IDENTITY FULL;
CREATE PUBLICATION mz_pub FOR TABLE public.orders;
";
    let statements = pg(src);
    assert_no_unparsed(&statements);
    insta::assert_debug_snapshot!(statements[..2]);
    let UpstreamKind::CreateType(ty) = &statements[0].kind else {
        panic!()
    };
    assert_eq!(text(src, ty.name.span), "order_status");
    let TypeDefinition::Enum(labels) = &ty.definition else {
        panic!()
    };
    let labels: Vec<&str> = labels.iter().map(|l| l.value.as_str()).collect();
    assert_eq!(labels, ["new", "paid", "shipped"]);
    let orders = create_table(&statements[1].kind);
    let status = &orders.columns[1];
    assert_eq!(text(src, status.name.span), "status");
    let ty = status.data_type.as_ref().unwrap();
    assert_eq!(text(src, ty.span), "order_status");
    assert_eq!(ty.normalized, "order_status");
}

#[test]
fn mz411_roles_and_grants() {
    let bad = "\
CREATE ROLE mz_repl LOGIN PASSWORD :'mz_repl_password';
GRANT SELECT ON public.orders, public.customers TO mz_repl;
";
    let good = "CREATE ROLE mz_repl LOGIN REPLICATION PASSWORD :'mz_repl_password';";
    let statements = pg(bad);
    assert_no_unparsed(&statements);
    insta::assert_debug_snapshot!((&statements, pg(good)));
    let password = role_password(&statements[0].kind);
    assert_eq!(password.kind, PasswordKind::PsqlVariable);
    assert_eq!(text(bad, password.span), ":'mz_repl_password'");
    assert_eq!(password.value(bad), None);
    match &statements[1].kind {
        UpstreamKind::Grant(grant) => {
            assert!(grant.privileges.includes(PrivilegeKind::Select));
            assert!(!grant.privileges.includes(PrivilegeKind::Insert));
            let GrantObjectKind::Tables(tables) = &grant.objects.kind else {
                panic!()
            };
            let tables: Vec<&str> = tables.iter().map(|t| text(bad, t.span)).collect();
            assert_eq!(tables, ["public.orders", "public.customers"]);
            assert_eq!(grant.grantees[0].name().unwrap().value, "mz_repl");
        }
        other => panic!("{other:?}"),
    }
    let UpstreamKind::CreateRole(role) = one(good) else {
        panic!()
    };
    let attributes: Vec<(RoleAttribute, bool)> = role
        .options
        .iter()
        .filter_map(|o| match o.kind {
            RoleOptionKind::Attribute { attribute, enabled } => Some((attribute, enabled)),
            _ => None,
        })
        .collect();
    assert_eq!(
        attributes,
        [
            (RoleAttribute::Login, true),
            (RoleAttribute::Replication, true)
        ]
    );
}

#[test]
fn mz412_truncate() {
    let bad = "TRUNCATE public.orders;";
    let good = "DELETE FROM public.orders;";
    let variants = "\
TRUNCATE TABLE ONLY public.orders, customers * RESTART IDENTITY CASCADE;
TRUNCATE orders CONTINUE IDENTITY RESTRICT;
";
    insta::assert_debug_snapshot!((pg(bad), pg(good), pg(variants)));
    let UpstreamKind::Truncate(t) = one(bad) else {
        panic!()
    };
    assert_eq!(text(bad, t.tables[0].name.span), "public.orders");
    assert_eq!((t.identity, t.behavior), (None, None));
    assert_eq!(
        one(good),
        UpstreamKind::Other {
            keyword: "DELETE".into()
        }
    );
    let statements = pg(variants);
    let UpstreamKind::Truncate(t) = &statements[0].kind else {
        panic!()
    };
    assert_eq!(t.identity, Some(TruncateIdentity::Restart));
    assert_eq!(t.behavior, Some(DropBehavior::Cascade));
    assert!(t.tables[0].only);
    assert_eq!(text(variants, t.tables[0].span), "ONLY public.orders");
    assert_eq!(text(variants, t.tables[1].span), "customers *");
    assert!(t.tables[1].descendants);
}

// -- statements understood ----------------------------------------------------------

#[test]
fn tables_and_types() {
    let src = r#"
CREATE SCHEMA IF NOT EXISTS billing AUTHORIZATION owner;
CREATE SCHEMA AUTHORIZATION alice;
CREATE TABLE IF NOT EXISTS "Billing"."Invoices" (
    id bigserial NOT NULL,
    "Amount" numeric(12, 2) DEFAULT 0 CHECK ("Amount" >= 0),
    tags text[],
    grid int[3][4],
    history timestamp(3) without time zone ARRAY[2],
    flag "char",
    at time with time zone,
    span interval day to second(3),
    bits bit varying(8),
    name character varying(20) COLLATE "C",
    nat national character varying(5),
    money double precision,
    legacy pg_catalog.int4,
    status public.order_status,
    CONSTRAINT invoices_pk PRIMARY KEY (id, "Amount"),
    UNIQUE (name),
    FOREIGN KEY (id) REFERENCES other (id),
    EXCLUDE USING gist (id WITH =),
    LIKE templates.base INCLUDING ALL
) INHERITS (base_invoices) WITH (fillfactor = 70) TABLESPACE fast;
CREATE TEMP TABLE scratch (key text, index int);
CREATE UNLOGGED TABLE u (a int) PARTITION BY HASH (a);
CREATE TABLE p2 PARTITION OF u FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE pd PARTITION OF events (created_at WITH OPTIONS NOT NULL, PRIMARY KEY (id)) DEFAULT;
CREATE TABLE typed OF order_type (id WITH OPTIONS PRIMARY KEY);
CREATE TABLE copy_of (a, b) AS SELECT 1, 2;
CREATE TABLE empty ();
DROP TABLE IF EXISTS a, public.b CASCADE;
CREATE TYPE address AS (street text, zip varchar(10));
CREATE TYPE floatrange AS RANGE (SUBTYPE = float8, SUBTYPE_DIFF = float8mi);
CREATE TYPE shell_type;
CREATE TYPE base_type (INPUT = my_in, OUTPUT = my_out);
CREATE DOMAIN us_postal_code AS text CHECK (VALUE ~ '^\d{5}$');
CREATE DOMAIN positive int4 NOT NULL;
"#;
    let statements = pg(src);
    assert_no_unparsed(&statements);
    insta::assert_debug_snapshot!(statements);

    let invoices = create_table(&statements[2].kind);
    assert_eq!(text(src, invoices.name.span), r#""Billing"."Invoices""#);
    assert_eq!(invoices.name.joined(), "Billing.Invoices");
    let types: Vec<(&str, &str, usize)> = invoices
        .columns
        .iter()
        .map(|c| {
            let t = c.data_type.as_ref().unwrap();
            (text(src, t.span), t.normalized.as_str(), t.array_dims())
        })
        .collect();
    assert_eq!(
        types,
        [
            ("bigserial", "bigserial", 0),
            ("numeric(12, 2)", "numeric", 0),
            ("text[]", "text", 1),
            ("int[3][4]", "int", 2),
            (
                "timestamp(3) without time zone ARRAY[2]",
                "timestamp without time zone",
                1
            ),
            ("\"char\"", "char", 0),
            ("time with time zone", "time with time zone", 0),
            ("interval day to second(3)", "interval", 0),
            ("bit varying(8)", "bit varying", 0),
            ("character varying(20)", "character varying", 0),
            (
                "national character varying(5)",
                "national character varying",
                0
            ),
            ("double precision", "double precision", 0),
            ("pg_catalog.int4", "int4", 0),
            ("public.order_status", "order_status", 0),
        ]
    );
    let flag = invoices.columns[5].data_type.as_ref().unwrap();
    assert!(flag.quoted);
    let legacy = invoices.columns[12].data_type.as_ref().unwrap();
    assert_eq!(legacy.schema.as_ref().unwrap().value, "pg_catalog");
    assert!(invoices.columns[0].not_null);
    assert_eq!(
        invoices.columns[1].name,
        Ident {
            span: invoices.columns[1].name.span,
            value: "Amount".into(),
            quoted: true
        }
    );
    assert_eq!(invoices.constraints.len(), 5);
    assert_eq!(
        invoices
            .inherits
            .iter()
            .map(|n| n.joined())
            .collect::<Vec<_>>(),
        ["base_invoices"]
    );
    // `key` and `index` are ordinary PostgreSQL column names.
    let scratch = create_table(&statements[3].kind);
    assert!(scratch.temporary);
    assert_eq!(scratch.columns.len(), 2);
    assert_eq!(scratch.columns[1].name.value, "index");
    // PARTITION OF with columns without types.
    let pd = create_table(&statements[6].kind);
    assert!(pd.columns[0].data_type.is_none());
    assert_eq!(
        text(src, pd.partition_of.as_ref().unwrap().bound.unwrap()),
        "DEFAULT"
    );
    let copy = create_table(&statements[8].kind);
    assert_eq!(text(src, copy.as_query.unwrap()), "SELECT 1, 2");
}

#[test]
fn alter_table_actions() {
    let src = "\
ALTER TABLE IF EXISTS ONLY public.orders
    ADD COLUMN IF NOT EXISTS note text NOT NULL DEFAULT '',
    ADD extra int,
    DROP COLUMN IF EXISTS old CASCADE,
    DROP legacy,
    ALTER COLUMN total SET DATA TYPE numeric(14,2) USING total::numeric(14,2),
    ALTER status TYPE text,
    ALTER COLUMN note SET DEFAULT 'x',
    ADD CONSTRAINT positive CHECK (total > 0),
    DROP CONSTRAINT positive,
    ENABLE ROW LEVEL SECURITY,
    FORCE ROW LEVEL SECURITY,
    NO FORCE ROW LEVEL SECURITY,
    DISABLE ROW LEVEL SECURITY,
    REPLICA IDENTITY FULL,
    OWNER TO admin;
ALTER TABLE orders RENAME COLUMN note TO notes;
ALTER TABLE orders RENAME note TO notes;
ALTER TABLE orders RENAME TO orders_v2;
ALTER TABLE orders SET SCHEMA archive;
ALTER TABLE events ATTACH PARTITION events_2026_02 FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');
ALTER TABLE events ATTACH PARTITION events_default DEFAULT;
ALTER TABLE events DETACH PARTITION events_2026_01 CONCURRENTLY;
";
    let statements = pg(src);
    assert_no_unparsed(&statements);
    insta::assert_debug_snapshot!(statements);
    let UpstreamKind::AlterTable(alter) = &statements[0].kind else {
        panic!()
    };
    assert!(alter.if_exists && alter.only);
    let spans: Vec<&str> = alter.actions.iter().map(|a| text(src, a.span)).collect();
    assert_eq!(
        spans[0],
        "ADD COLUMN IF NOT EXISTS note text NOT NULL DEFAULT ''"
    );
    assert_eq!(
        spans[4],
        "ALTER COLUMN total SET DATA TYPE numeric(14,2) USING total::numeric(14,2)"
    );
    assert_eq!(spans.len(), 15);
}

#[test]
fn publications() {
    let src = r#"
CREATE PUBLICATION empty_pub;
CREATE PUBLICATION "MzPub" FOR TABLE ONLY public.orders, customers * , TABLES IN SCHEMA billing, CURRENT_SCHEMA, TABLE audit.log (id, at) WHERE (id > 0);
CREATE PUBLICATION Mixed FOR TABLES IN SCHEMA a, TABLE b;
ALTER PUBLICATION mz_pub ADD TABLES IN SCHEMA billing;
ALTER PUBLICATION mz_pub DROP TABLE public.customers, public.refunds;
ALTER PUBLICATION mz_pub SET TABLE public.orders;
ALTER PUBLICATION mz_pub SET (publish = 'insert, update, delete');
ALTER PUBLICATION mz_pub RENAME TO mz_pub2;
ALTER PUBLICATION mz_pub OWNER TO CURRENT_USER;
DROP PUBLICATION IF EXISTS a, "B" CASCADE;
DROP PUBLICATION c;
"#;
    let statements = pg(src);
    assert_no_unparsed(&statements);
    insta::assert_debug_snapshot!(statements);
    let p = publication(&statements[1].kind);
    assert_eq!(p.name.value, "MzPub");
    assert!(p.name.quoted);
    let PublicationScope::Objects { objects, .. } = &p.scope else {
        panic!()
    };
    let entries: Vec<&str> = objects.iter().map(|o| text(src, o.span())).collect();
    assert_eq!(
        entries,
        [
            "ONLY public.orders",
            "customers *",
            "billing",
            "CURRENT_SCHEMA",
            "audit.log (id, at) WHERE (id > 0)"
        ]
    );
    assert_eq!(publication(&statements[2].kind).name.value, "mixed");
    match &statements[6].kind {
        UpstreamKind::AlterPublication(AlterPublication {
            action: AlterPublicationAction::SetOptions(options),
            ..
        }) => {
            let publish = options.get("publish").unwrap();
            assert_eq!(
                publish.value.as_ref().unwrap().text,
                "insert, update, delete"
            );
            assert_eq!(
                text(src, options.span),
                "(publish = 'insert, update, delete')"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn roles_and_privileges() {
    let src = "
CREATE USER mz WITH REPLICATION LOGIN ENCRYPTED PASSWORD 'SCRAM-SHA-256$4096:abc' CONNECTION LIMIT -1 VALID UNTIL 'infinity';
CREATE ROLE readers NOLOGIN NOINHERIT IN ROLE staff, admins ROLE alice ADMIN bob;
CREATE GROUP g;
CREATE ROLE Admin SUPERUSER CREATEDB CREATEROLE BYPASSRLS NOREPLICATION;
ALTER ROLE mz WITH NOREPLICATION NOBYPASSRLS PASSWORD NULL;
ALTER USER mz RENAME TO mz2;
ALTER ROLE mz IN DATABASE shop SET search_path = app;
ALTER ROLE CURRENT_USER SET work_mem = '64MB';
ALTER GROUP g ADD USER alice, bob;
GRANT rds_replication TO mz_repl;
GRANT pg_read_all_data, readers TO mz, GROUP staff WITH ADMIN OPTION GRANTED BY postgres;
REVOKE ADMIN OPTION FOR readers FROM mz CASCADE;
GRANT USAGE ON SCHEMA public, billing TO mz;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO PUBLIC;
GRANT ALL PRIVILEGES ON TABLE public.orders TO mz WITH GRANT OPTION;
GRANT SELECT (id, total), UPDATE (total) ON orders TO mz;
GRANT USAGE, SELECT ON SEQUENCE orders_id_seq TO mz;
GRANT CONNECT ON DATABASE shop TO mz;
GRANT EXECUTE ON FUNCTION f(int, text) TO mz;
REVOKE GRANT OPTION FOR SELECT ON orders FROM mz RESTRICT;
REVOKE USAGE ON SCHEMA public FROM PUBLIC;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO mz;
ALTER DEFAULT PRIVILEGES FOR ROLE app_owner, other IN SCHEMA public, billing GRANT SELECT, INSERT ON TABLES TO mz, readers WITH GRANT OPTION;
ALTER DEFAULT PRIVILEGES REVOKE ALL ON SEQUENCES FROM PUBLIC;
";
    let statements = pg(src);
    assert_no_unparsed(&statements);
    insta::assert_debug_snapshot!(statements);
    let UpstreamKind::CreateRole(mz) = &statements[0].kind else {
        panic!()
    };
    assert_eq!(mz.keyword, RoleKeyword::User);
    let password = role_password(&statements[0].kind);
    assert_eq!(password.kind, PasswordKind::Literal(LiteralStyle::Standard));
    assert_eq!(text(src, password.span), "'SCRAM-SHA-256$4096:abc'");
    assert_eq!(
        text(src, mz.options[2].span),
        "ENCRYPTED PASSWORD 'SCRAM-SHA-256$4096:abc'"
    );
    assert_eq!(role_password(&statements[4].kind).kind, PasswordKind::Null);
    match &statements[13].kind {
        UpstreamKind::Grant(g) => {
            let GrantObjectKind::AllTablesInSchema(schemas) = &g.objects.kind else {
                panic!("{g:?}")
            };
            assert_eq!(schemas[0].value, "public");
            assert_eq!(text(src, g.objects.span), "ALL TABLES IN SCHEMA public");
            assert!(matches!(g.grantees[0], RoleSpec::Public(_)));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn settings_and_other_statements() {
    let src = r#"
SET search_path = billing, "$user", 'Mixed Case';
SET LOCAL search_path TO DEFAULT;
SET SESSION search_path TO app;
SET SCHEMA 'app';
SET statement_timeout = 0;
SELECT pg_catalog.set_config('search_path', '', false);
ALTER SYSTEM SET wal_level = logical;
ALTER SYSTEM SET max_replication_slots TO 10;
ALTER SYSTEM RESET ALL;
CREATE INDEX orders_status ON public.orders (status);
INSERT INTO public.orders VALUES (1, 2, 'new', 3.5, 'x; y');
COMMENT ON TABLE public.orders IS 'Orders';
DO $$ BEGIN PERFORM 1; END $$;
"#;
    let statements = pg(src);
    assert_no_unparsed(&statements);
    insta::assert_debug_snapshot!(statements);
    let UpstreamKind::SetSearchPath(path) = &statements[0].kind else {
        panic!()
    };
    let names: Vec<&str> = path.schemas.iter().map(|s| s.value.as_str()).collect();
    assert_eq!(names, ["billing", "$user", "Mixed Case"]);
    assert_eq!(path.first_schema().unwrap().value, "billing");
    let UpstreamKind::AlterSystem(system) = &statements[6].kind else {
        panic!()
    };
    assert_eq!(system.parameter.as_ref().unwrap().joined(), "wal_level");
    assert_eq!(system.values[0].text, "logical");
}

#[test]
fn psql_meta_commands_are_skipped() {
    let src = "\\set ON_ERROR_STOP on\n\\connect shop\nCREATE ROLE mz LOGIN PASSWORD :'pw';\n";
    let statements = pg(src);
    assert_eq!(statements.len(), 1);
    let UpstreamKind::CreateRole(role) = &statements[0].kind else {
        panic!("{statements:?}")
    };
    assert_eq!(role.name.value, "mz");
    assert_eq!(
        text(src, statements[0].span),
        "CREATE ROLE mz LOGIN PASSWORD :'pw'"
    );
}

// -- Materialize files ---------------------------------------------------------------

#[test]
fn routed_from_materialize_files() {
    let src = "\
CREATE PUBLICATION mz_pub FOR TABLE public.orders;
ALTER PUBLICATION mz_pub ADD TABLE public.customers;
ALTER TABLE public.orders REPLICA IDENTITY FULL;
DROP PUBLICATION mz_pub;
";
    let file = parse(src);
    assert!(file.errors.is_empty(), "{:?}", file.errors);
    let kinds: Vec<&UpstreamKind> = file
        .statements
        .iter()
        .map(|s| match &s.kind {
            StatementKind::Upstream(u) => &u.kind,
            other => panic!("{other:?}"),
        })
        .collect();
    assert!(matches!(kinds[0], UpstreamKind::CreatePublication(_)));
    assert!(matches!(kinds[1], UpstreamKind::AlterPublication(_)));
    assert!(matches!(kinds[2], UpstreamKind::AlterTable(_)));
    assert!(matches!(kinds[3], UpstreamKind::DropPublication(_)));
}

// -- secrets ---------------------------------------------------------------------------

const CANARY: &str = "mzlint-canary-9c1e7f";

#[test]
fn passwords_never_in_debug_output() {
    let pg_src = format!(
        "CREATE ROLE a LOGIN PASSWORD '{CANARY}';
ALTER ROLE a WITH ENCRYPTED PASSWORD E'{CANARY}\\n';
CREATE USER b PASSWORD $pw${CANARY}$pw$;
ALTER USER c PASSWORD '';
CREATE ROLE d PASSWORD '{CANARY}' GARBAGE;
"
    );
    let statements = pg(&pg_src);
    let debug = format!("{statements:?} {statements:#?}");
    assert!(!debug.contains(CANARY), "{debug}");
    let kinds: Vec<PasswordKind> = statements[..4]
        .iter()
        .map(|s| role_password(&s.kind).kind)
        .collect();
    assert_eq!(
        kinds,
        [
            PasswordKind::Literal(LiteralStyle::Standard),
            PasswordKind::Literal(LiteralStyle::Escape),
            PasswordKind::Literal(LiteralStyle::Dollar),
            PasswordKind::Empty,
        ]
    );
    let values: Vec<String> = statements[..4]
        .iter()
        .map(|s| role_password(&s.kind).value(&pg_src).unwrap().into_owned())
        .collect();
    assert_eq!(
        values,
        [
            CANARY.to_owned(),
            format!("{CANARY}\n"),
            CANARY.to_owned(),
            String::new()
        ]
    );
    assert!(matches!(statements[4].kind, UpstreamKind::Unparsed { .. }));

    let mysql_src = format!(
        "CREATE USER 'mz'@'%' IDENTIFIED BY '{CANARY}';
ALTER USER `mz`@`%` IDENTIFIED WITH caching_sha2_password BY \"{CANARY}\" REPLACE '{CANARY}' RETAIN CURRENT PASSWORD;
SET PASSWORD FOR 'mz'@'%' = '{CANARY}';
SET PASSWORD = PASSWORD('{CANARY}');
CREATE USER x IDENTIFIED BY '{CANARY}' BOGUS ( ;
"
    );
    let statements = mysql(&mysql_src);
    let debug = format!("{statements:?} {statements:#?}");
    assert!(!debug.contains(CANARY), "{debug}");
    // Also when a MySQL file goes through the PostgreSQL path.
    let debug = format!("{:?}", parse_with(&mysql_src, Dialect::Upstream));
    assert!(!debug.contains(CANARY), "{debug}");
}

// -- MySQL -------------------------------------------------------------------------------

#[test]
fn mysql_dump() {
    let src = r#"-- MySQL dump 10.13
/*!40101 SET NAMES utf8mb4 */;
# a hash comment; with a semicolon
USE `shop`;
DROP TABLE IF EXISTS `orders`;
CREATE TABLE `orders` (
  `id` bigint unsigned NOT NULL AUTO_INCREMENT,
  `Customer_ID` int(11) DEFAULT NULL COMMENT 'it\'s the customer',
  `status` enum('new','paid') CHARACTER SET utf8mb4 NOT NULL DEFAULT 'new',
  `total` decimal(12,2) unsigned zerofill,
  `key` varchar(10),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_status` (`status`(5)),
  KEY `idx_customer` (`Customer_ID`),
  CONSTRAINT `fk` FOREIGN KEY (`Customer_ID`) REFERENCES `customers` (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=5 DEFAULT CHARSET=utf8mb4;
INSERT INTO `orders` VALUES (1,2,'it\'s','new;'),(2,3,'x','y');
CREATE TABLE shop.customers (id INT PRIMARY KEY, name VARCHAR(100)) PARTITION BY HASH(id) PARTITIONS 4;
ALTER TABLE `orders` ADD COLUMN `note` text AFTER `status`, CHANGE COLUMN `status` `state` varchar(20) NOT NULL, MODIFY `total` decimal(14,2), RENAME COLUMN `note` TO `notes`, DROP COLUMN `key`, DROP INDEX `idx_customer`, ADD INDEX `idx2` (`state`), ENGINE=InnoDB;
ALTER TABLE orders ADD (a int, b int), RENAME TO orders2;
CREATE USER IF NOT EXISTS 'mz'@'%' IDENTIFIED BY 'x' PASSWORD EXPIRE NEVER;
CREATE USER mz2@localhost IDENTIFIED WITH mysql_native_password AS '*ABCDEF', 'mz3' IDENTIFIED BY RANDOM PASSWORD;
ALTER USER CURRENT_USER() IDENTIFIED BY '';
SET PASSWORD FOR 'mz'@'%' = 'y';
GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO 'mz'@'%';
TRUNCATE TABLE `orders`;
"#;
    let statements = mysql(src);
    assert_no_unparsed(&statements);
    insta::assert_debug_snapshot!(statements);

    let UpstreamKind::Use(use_db) = &statements[0].kind else {
        panic!("{:?}", statements[0])
    };
    assert_eq!(use_db.database.value, "shop");
    assert_eq!(text(src, use_db.database.span), "`shop`");
    let orders = create_table(&statements[2].kind);
    assert_eq!(text(src, orders.name.span), "`orders`");
    let columns: Vec<(&str, &str)> = orders
        .columns
        .iter()
        .map(|c| {
            (
                c.name.value.as_str(),
                text(src, c.data_type.as_ref().unwrap().span),
            )
        })
        .collect();
    assert_eq!(
        columns,
        [
            ("id", "bigint unsigned"),
            ("Customer_ID", "int(11)"),
            ("status", "enum('new','paid')"),
            ("total", "decimal(12,2) unsigned zerofill"),
            ("key", "varchar(10)"),
        ]
    );
    assert_eq!(orders.constraints.len(), 4);
    let customers = create_table(&statements[4].kind);
    assert_eq!(customers.name.joined(), "shop.customers");
    let UpstreamKind::MySqlCreateUser(users) = &statements[7].kind else {
        panic!()
    };
    assert!(users.if_exists);
    assert_eq!(users.users[0].account.user, "mz");
    assert_eq!(users.users[0].account.host.as_deref(), Some("%"));
    let password = users.users[0].auth[0].password.unwrap();
    assert_eq!(text(src, password.span), "'x'");
    assert_eq!(password.value(src).unwrap(), "x");
    let UpstreamKind::MySqlCreateUser(users) = &statements[8].kind else {
        panic!()
    };
    assert_eq!(users.users.len(), 2);
    assert!(users.users[0].auth[0].hashed);
    assert!(users.users[1].auth[0].password.is_none());
    let UpstreamKind::MySqlAlterUser(users) = &statements[9].kind else {
        panic!()
    };
    assert_eq!(
        users.users[0].auth[0].password.unwrap().kind,
        PasswordKind::Empty
    );
    let UpstreamKind::SetPassword(set) = &statements[10].kind else {
        panic!()
    };
    assert_eq!(text(src, set.password.unwrap().span), "'y'");
    assert_eq!(
        statements[11].kind,
        UpstreamKind::Other {
            keyword: "GRANT".into()
        }
    );
}

#[test]
fn mysql_through_the_postgresql_path() {
    // The crate's lexer does not know backquotes; such statements are
    // re-lexed with MySQL's rules.
    let src = "CREATE TABLE `Orders` (`id` int, `a-b` text, `x``y` int);\nALTER TABLE `orders` CHANGE `a` `b` int;";
    let file = parse_with(src, Dialect::Upstream);
    let UpstreamKind::CreateTable(table) = (match &file.statements[0].kind {
        StatementKind::Upstream(u) => u.kind.clone(),
        other => panic!("{other:?}"),
    }) else {
        panic!()
    };
    assert_eq!(table.name.name().value, "Orders");
    assert!(table.name.name().quoted);
    let names: Vec<&str> = table
        .columns
        .iter()
        .map(|c| c.name.value.as_str())
        .collect();
    assert_eq!(names, ["id", "a-b", "x`y"]);
    assert_eq!(text(src, table.columns[1].name.span), "`a-b`");
    // MySQL dialect keeps unquoted case; PostgreSQL folds.
    let mysql_file = parse_upstream_file("CREATE TABLE Orders (ID int);", true);
    let pg_file = parse_upstream_file("CREATE TABLE Orders (ID int);", false);
    assert_eq!(
        create_table(&mysql_file[0].kind).name.name().value,
        "Orders"
    );
    assert_eq!(create_table(&pg_file[0].kind).name.name().value, "orders");
    assert_eq!(
        create_table(&mysql_file[0].kind).columns[0].name.value,
        "ID"
    );
}

#[test]
fn mysql_detection() {
    for yes in [
        "CREATE TABLE `t` (id int);",
        "CREATE TABLE t (id int) ENGINE=InnoDB;",
        "CREATE TABLE t (id int) ENGINE = InnoDB;",
        "CREATE TABLE t (id int AUTO_INCREMENT);",
        "CREATE USER mz IDENTIFIED BY 'x';",
        "GRANT REPLICATION SLAVE ON *.* TO mz;",
        "GRANT SELECT, REPLICATION CLIENT ON *.* TO mz;",
        "USE shop;",
        "USE shop",
        "-- c\nUSE `shop`;\nCREATE TABLE t (a int);",
    ] {
        assert!(detect_mysql(yes), "{yes}");
    }
    for no in [
        RUNNING_EXAMPLE,
        "UPDATE cars SET engine = 'v8';",
        "-- ENGINE=InnoDB `x`\nCREATE TABLE t (a int);",
        "SELECT 'AUTO_INCREMENT', '`';",
        "CREATE ROLE mz LOGIN REPLICATION;",
        "USE;",
        "SELECT use FROM t;",
    ] {
        assert!(!detect_mysql(no), "{no}");
    }
}

// -- sqlparser bridge ------------------------------------------------------------------

#[test]
fn types_read_by_sqlparser() {
    let src = "CREATE TABLE t (a numeric(12,2), b character varying(20), c timestamp with time zone, d int[], e double precision, f pg_catalog.int4, g bigint);";
    let kind = one(src);
    for column in &create_table(&kind).columns {
        let ty = column.data_type.as_ref().unwrap();
        let parsed = ty.to_sqlparser(src);
        assert!(parsed.is_some(), "{ty:?}");
    }
}

// -- robustness ----------------------------------------------------------------------------

fn all_fixtures() -> Vec<String> {
    vec![
        RUNNING_EXAMPLE.to_owned(),
        "CREATE PUBLICATION p FOR TABLE ONLY (a.b) *, TABLES IN SCHEMA c WITH (publish = 'insert', x);"
            .to_owned(),
        "ALTER TABLE IF EXISTS ONLY t ADD COLUMN x int[3] ARRAY, REPLICA IDENTITY USING INDEX i;"
            .to_owned(),
        "CREATE ROLE r WITH LOGIN PASSWORD :'pw' IN ROLE a, b; GRANT SELECT (a) ON ALL TABLES IN SCHEMA s TO r;"
            .to_owned(),
        "CREATE TABLE `t` (`a` int(11) unsigned, KEY `k` (`a`)) ENGINE=InnoDB; SET PASSWORD FOR 'u'@'%' = 'p';"
            .to_owned(),
        "CREATE TYPE t AS ENUM ('a', 'b'); CREATE DOMAIN d AS timestamp(3) with time zone[];".to_owned(),
        "ALTER DEFAULT PRIVILEGES FOR ROLE a IN SCHEMA b REVOKE GRANT OPTION FOR ALL ON TABLES FROM c CASCADE;"
            .to_owned(),
    ]
}

fn parse_everything(src: &str) {
    for s in parse_upstream_file(src, false) {
        let _ = format!("{s:?}");
    }
    for s in parse_upstream_file(src, true) {
        let _ = format!("{s:?}");
    }
    let _ = parse_with(src, Dialect::Upstream);
    let _ = parse(src);
    let _ = detect_mysql(src);
}

#[test]
fn truncated_statements_never_panic() {
    for fixture in all_fixtures() {
        for (end, _) in fixture.char_indices() {
            parse_everything(&fixture[..end]);
        }
    }
}

#[test]
fn garbage_is_opaque_or_unparsed() {
    let garbage = [
        "",
        ";;;",
        "CREATE",
        "CREATE TABLE",
        "CREATE TABLE t (",
        "CREATE TABLE t (a",
        "CREATE TABLE t (a int",
        "CREATE TABLE t (a int[",
        "CREATE TABLE t ((((",
        "CREATE TABLE t ))))",
        "CREATE PUBLICATION",
        "CREATE PUBLICATION p FOR",
        "CREATE PUBLICATION p FOR TABLE",
        "CREATE PUBLICATION p FOR TABLE a,",
        "CREATE PUBLICATION p WITH (",
        "CREATE PUBLICATION p WITH (publish =",
        "ALTER TABLE t REPLICA IDENTITY",
        "ALTER TABLE t REPLICA IDENTITY USING",
        "ALTER TABLE t REPLICA IDENTITY FULL extra",
        "ALTER PUBLICATION p",
        "ALTER PUBLICATION p SET",
        "CREATE ROLE r PASSWORD",
        "CREATE ROLE r PASSWORD :",
        "CREATE USER 'u'@",
        "CREATE USER u IDENTIFIED",
        "CREATE USER u IDENTIFIED BY",
        "SET PASSWORD =",
        "GRANT",
        "GRANT SELECT ON",
        "GRANT SELECT ON t TO",
        "TRUNCATE",
        "TRUNCATE ONLY",
        "SET search_path =",
        "ALTER SYSTEM SET",
        "USE",
        "\\",
        "`",
        "```",
        "CREATE TABLE `a (b int)",
        "'unterminated",
        "$$ unterminated",
        "\"",
        "# only a comment",
        "CREATE TYPE t AS ENUM (",
        "CREATE TYPE t AS RANGE (SUBTYPE =",
        "ALTER DEFAULT PRIVILEGES GRANT",
        "€ ∞ ☃",
        "CREATE TABLE t (a ARRAY[99999999999999999999])",
    ];
    for g in garbage {
        parse_everything(g);
        for s in parse_upstream_file(g, false) {
            assert!(
                matches!(
                    s.kind,
                    UpstreamKind::Other { .. } | UpstreamKind::Unparsed { .. }
                ),
                "{g:?} parsed as {s:?}"
            );
        }
    }
}

mod prop {
    use super::*;
    use proptest::prelude::*;

    const WORDS: &[&str] = &[
        "CREATE",
        "ALTER",
        "DROP",
        "TABLE",
        "PUBLICATION",
        "FOR",
        "ALL",
        "TABLES",
        "IN",
        "SCHEMA",
        "WITH",
        "ROLE",
        "USER",
        "PASSWORD",
        "GRANT",
        "REVOKE",
        "ON",
        "TO",
        "FROM",
        "TRUNCATE",
        "ONLY",
        "REPLICA",
        "IDENTITY",
        "FULL",
        "USING",
        "INDEX",
        "ADD",
        "COLUMN",
        "TYPE",
        "AS",
        "ENUM",
        "RANGE",
        "PARTITION",
        "OF",
        "BY",
        "SET",
        "search_path",
        "IDENTIFIED",
        "USE",
        "DEFAULT",
        "PRIVILEGES",
        "SYSTEM",
        "ARRAY",
        "NULL",
        "NOT",
        "t",
        "a",
        "(",
        ")",
        ",",
        ";",
        ".",
        "*",
        "=",
        ":",
        "[",
        "]",
        "'x'",
        "\"q\"",
        "`b`",
        "`",
        "@",
        "1",
        "-",
        "#",
        "\\",
        "\n",
        "E'e'",
        "$$d$$",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]
        #[test]
        fn random_token_soup_never_panics(words in proptest::collection::vec(0..WORDS.len(), 0..40)) {
            let src: Vec<&str> = words.iter().map(|&i| WORDS[i]).collect();
            parse_everything(&src.join(" "));
            parse_everything(&src.concat());
        }
    }
}

#[test]
fn pg_dump_copy_data_is_skipped() {
    let src = "\
SET statement_timeout = 0;
SELECT pg_catalog.set_config('search_path', '', false);
CREATE TABLE public.orders (
    id bigint NOT NULL,
    note text
);
ALTER TABLE public.orders OWNER TO postgres;
COPY public.orders (id, note) FROM stdin;
1\tit's; not SQL
2\t\\N
\\.
ALTER TABLE ONLY public.orders REPLICA IDENTITY FULL;
CREATE PUBLICATION mz_pub WITH (publish = 'insert, update, delete, truncate');
ALTER PUBLICATION mz_pub ADD TABLE ONLY public.orders;
";
    let statements = parse_upstream_file(src, false);
    assert_no_unparsed(&statements);
    let kinds: Vec<&str> = statements
        .iter()
        .map(|s| match &s.kind {
            UpstreamKind::Other { keyword } => keyword.as_str(),
            UpstreamKind::CreateTable(_) => "create table",
            UpstreamKind::AlterTable(_) => "alter table",
            UpstreamKind::CreatePublication(_) => "create publication",
            UpstreamKind::AlterPublication(_) => "alter publication",
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "SET",
            "SELECT",
            "create table",
            "alter table",
            "COPY",
            "alter table",
            "create publication",
            "alter publication"
        ]
    );
    let UpstreamKind::AlterTable(alter) = &statements[5].kind else {
        panic!()
    };
    assert_eq!(text(src, alter.name.span), "public.orders");
    assert!(alter.only);
    // Without a `\.` terminator nothing is skipped.
    let no_data = "COPY t FROM stdin;\nCREATE PUBLICATION p FOR ALL TABLES;";
    assert_eq!(parse_upstream_file(no_data, false).len(), 2);
}

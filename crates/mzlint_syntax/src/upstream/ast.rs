//! The typed upstream AST: PostgreSQL and MySQL statements the MZ4xx rules
//! read (rules.md §5.4), each node with the byte [`Span`] it was parsed from.
//!
//! Secret-bearing values (role passwords, MySQL `IDENTIFIED BY`, `SET
//! PASSWORD`) are never stored: a [`Password`] is a span plus what kind of
//! value sits there, so no `Debug` dump can leak one (rules.md §2). The linter
//! reads the text from the source when it must compare it with placeholder
//! patterns ([`Password::value`]).

use std::borrow::Cow;
use std::fmt;

use crate::lexer::string_value;
use crate::span::Span;
use crate::token::TokenKind;

pub use crate::ast::Ident;

/// Which upstream language a statement was parsed as.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum UpstreamDialect {
    /// PostgreSQL: unquoted identifiers fold to lower case (ASCII only, as
    /// PostgreSQL does for UTF-8 databases).
    #[default]
    PostgreSql,
    /// MySQL: identifiers keep their case (names compare ignoring case,
    /// rules.md §5.4 "Names"); backquotes quote identifiers, `"…"` and `'…'`
    /// are strings with backslash escapes, `#` starts a comment.
    MySql,
}

/// One upstream statement, from its first token to its last (`;` excluded).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UpstreamStatement {
    pub span: Span,
    pub kind: UpstreamKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UpstreamKind {
    CreateSchema(CreateSchema),
    CreateTable(CreateTable),
    AlterTable(AlterTable),
    DropTable(DropTable),
    CreateType(CreateType),
    CreateDomain(CreateDomain),
    CreatePublication(CreatePublication),
    AlterPublication(AlterPublication),
    DropPublication(DropPublication),
    /// PostgreSQL `CREATE ROLE|USER|GROUP`.
    CreateRole(CreateRole),
    /// PostgreSQL `ALTER ROLE|USER|GROUP`.
    AlterRole(AlterRole),
    /// `GRANT privileges ON objects TO …`.
    Grant(GrantPrivileges),
    /// `REVOKE privileges ON objects FROM …`.
    Revoke(GrantPrivileges),
    /// `GRANT role, … TO role, …` (membership).
    GrantRole(GrantRole),
    /// `REVOKE role, … FROM role, …`.
    RevokeRole(GrantRole),
    AlterDefaultPrivileges(AlterDefaultPrivileges),
    Truncate(Truncate),
    /// `SET [SESSION|LOCAL] search_path {TO|=} …` (also `SET SCHEMA '…'`).
    SetSearchPath(SetSearchPath),
    /// `ALTER SYSTEM SET|RESET …`: recognised, parameter and values kept.
    AlterSystem(AlterSystem),
    /// MySQL `USE db`.
    Use(UseDatabase),
    /// MySQL `CREATE USER … [IDENTIFIED …]`.
    MySqlCreateUser(MySqlUsers),
    /// MySQL `ALTER USER … [IDENTIFIED …]`.
    MySqlAlterUser(MySqlUsers),
    /// MySQL `SET PASSWORD [FOR account] = '…'`.
    SetPassword(SetPassword),
    /// A statement of the upstream language that mzlint does not model
    /// (`INSERT`, `CREATE INDEX`, MySQL `GRANT`, …). `keyword` is its first
    /// word, upper case.
    Other {
        keyword: String,
    },
    /// A modelled statement that did not parse. It is skipped without a
    /// diagnostic (rules.md MZ000 "Not"); `reason` is a fixed text for debug
    /// logs and never holds source text.
    Unparsed {
        reason: &'static str,
    },
}

// -- names ------------------------------------------------------------------

/// A possibly qualified name: `t`, `schema.t`, `db.schema.t`.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct QualifiedName {
    pub span: Span,
    /// At least one part.
    pub parts: Vec<Ident>,
}

impl QualifiedName {
    /// The object's own name (the last part).
    pub fn name(&self) -> &Ident {
        self.parts.last().expect("a name has at least one part")
    }

    /// The part before the last (the schema of `schema.t`), if written.
    pub fn schema(&self) -> Option<&Ident> {
        self.parts.len().checked_sub(2).map(|i| &self.parts[i])
    }

    /// Folded parts joined with `.`, without quoting (`public.orders`).
    pub fn joined(&self) -> String {
        let mut out = String::new();
        for (i, part) in self.parts.iter().enumerate() {
            if i > 0 {
                out.push('.');
            }
            out.push_str(&part.value);
        }
        out
    }
}

impl fmt::Debug for QualifiedName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("QualifiedName(")?;
        for (i, part) in self.parts.iter().enumerate() {
            if i > 0 {
                f.write_str(".")?;
            }
            if part.quoted {
                write!(f, "\"{}\"", part.value)?;
            } else {
                f.write_str(&part.value)?;
            }
        }
        write!(f, " @ {:?})", self.span)
    }
}

/// A role where PostgreSQL's `role_specification` is allowed.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum RoleSpec {
    Name(Ident),
    /// `PUBLIC` (any quoting: PostgreSQL reads `"public"` as PUBLIC too).
    Public(Span),
    CurrentRole(Span),
    CurrentUser(Span),
    SessionUser(Span),
}

impl RoleSpec {
    pub fn span(&self) -> Span {
        match self {
            RoleSpec::Name(ident) => ident.span,
            RoleSpec::Public(span)
            | RoleSpec::CurrentRole(span)
            | RoleSpec::CurrentUser(span)
            | RoleSpec::SessionUser(span) => *span,
        }
    }

    /// The role's name, when it is a named role.
    pub fn name(&self) -> Option<&Ident> {
        match self {
            RoleSpec::Name(ident) => Some(ident),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DropBehavior {
    Cascade,
    Restrict,
}

// -- tables and types ---------------------------------------------------------

/// `CREATE SCHEMA [IF NOT EXISTS] name [AUTHORIZATION role]`, or
/// `CREATE SCHEMA AUTHORIZATION role` (the schema is named after the role).
/// Schema elements after the head are not modelled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreateSchema {
    pub if_not_exists: bool,
    pub name: Option<Ident>,
    pub authorization: Option<RoleSpec>,
}

impl CreateSchema {
    /// The schema's name: as written, else the authorization role's name.
    pub fn schema_name(&self) -> Option<&Ident> {
        self.name
            .as_ref()
            .or_else(|| self.authorization.as_ref().and_then(RoleSpec::name))
    }
}

/// `CREATE [TEMP|UNLOGGED] TABLE [IF NOT EXISTS] name (…)`, `… PARTITION OF
/// parent …`, `… OF type`, `… AS query`; MySQL `CREATE TABLE` (table options
/// after the element list are skipped).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreateTable {
    pub temporary: bool,
    pub unlogged: bool,
    pub if_not_exists: bool,
    pub name: QualifiedName,
    pub columns: Vec<ColumnDef>,
    pub constraints: Vec<TableConstraint>,
    pub partition_of: Option<PartitionOf>,
    pub partition_by: Option<PartitionBy>,
    pub inherits: Vec<QualifiedName>,
    /// `OF type_name` (typed table).
    pub of_type: Option<QualifiedName>,
    /// `AS query` / MySQL `[AS] SELECT …`: the query's span.
    pub as_query: Option<Span>,
}

/// `column_name data_type [constraints…]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnDef {
    /// The whole definition, constraints included.
    pub span: Span,
    pub name: Ident,
    /// `None` only in `PARTITION OF` column lists (`col WITH OPTIONS …`).
    pub data_type: Option<TypeName>,
    /// `NOT NULL` among the column constraints.
    pub not_null: bool,
    /// `PRIMARY KEY` among the column constraints.
    pub primary_key: bool,
}

/// A type name as written: `bigint`, `numeric(12,2)`, `character varying(20)`,
/// `timestamp(3) with time zone`, `pg_catalog.int4[]`, `"char"`,
/// `int ARRAY[4]`, MySQL `int(11) unsigned`.
#[derive(Clone, PartialEq, Eq)]
pub struct TypeName {
    /// Everything: schema, words, modifiers, array bounds.
    pub span: Span,
    /// `pg_catalog` of `pg_catalog.int4`.
    pub schema: Option<Ident>,
    /// The base type's words, folded, joined by one space, without schema,
    /// modifiers, array bounds or interval fields: `numeric`, `character
    /// varying`, `timestamp with time zone`, `double precision`,
    /// `order_status`. MySQL `UNSIGNED`/`SIGNED`/`ZEROFILL` are appended
    /// (`int unsigned`). A quoted name keeps its case (`char` for `"char"`).
    pub normalized: String,
    /// The base name was a quoted identifier (`"char"` is not `char`).
    pub quoted: bool,
    /// `(12, 2)` of `numeric(12,2)`: each modifier's text as written.
    pub modifiers: Vec<TypeModifier>,
    /// The span of the parenthesised modifier list, parentheses included.
    pub modifiers_span: Option<Span>,
    /// One entry per array dimension: `[]`, `[3]`, `ARRAY`, `ARRAY[3]`.
    pub array_bounds: Vec<ArrayBound>,
}

impl TypeName {
    /// Number of array dimensions written (0 for a scalar type).
    pub fn array_dims(&self) -> usize {
        self.array_bounds.len()
    }

    pub fn is_array(&self) -> bool {
        !self.array_bounds.is_empty()
    }

    /// The type as sqlparser (PostgreSQL dialect) reads it, for callers that
    /// want its typed classification. Parsed from the type's text on demand;
    /// `None` when sqlparser cannot read it (MySQL-only spellings, some
    /// quoted names). Spans always come from this AST, never from sqlparser.
    pub fn to_sqlparser(&self, source: &str) -> Option<sqlparser::ast::DataType> {
        let text = source.get(self.span.range())?;
        let dialect = sqlparser::dialect::PostgreSqlDialect {};
        let mut parser = sqlparser::parser::Parser::new(&dialect)
            .try_with_sql(text)
            .ok()?;
        let data_type = parser.parse_data_type().ok()?;
        // The whole text must have been consumed.
        match parser.peek_token().token {
            sqlparser::tokenizer::Token::EOF => Some(data_type),
            _ => None,
        }
    }
}

impl fmt::Debug for TypeName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TypeName(")?;
        if let Some(schema) = &self.schema {
            write!(f, "{}.", schema.value)?;
        }
        if self.quoted {
            write!(f, "\"{}\"", self.normalized)?;
        } else {
            f.write_str(&self.normalized)?;
        }
        if self.modifiers_span.is_some() {
            f.write_str("(")?;
            for (i, m) in self.modifiers.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                f.write_str(&m.text)?;
            }
            f.write_str(")")?;
        }
        for bound in &self.array_bounds {
            match bound.size {
                Some(n) => write!(f, "[{n}]")?,
                None => f.write_str("[]")?,
            }
        }
        write!(f, " @ {:?})", self.span)
    }
}

/// One type modifier: `12` of `numeric(12,2)`, `'a'` of MySQL `enum('a')`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeModifier {
    pub span: Span,
    /// The modifier's text as written (modifiers are never secrets).
    pub text: String,
}

/// One array dimension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ArrayBound {
    pub span: Span,
    /// `[3]` → `Some(3)`; `[]` and bare `ARRAY` → `None`.
    pub size: Option<u32>,
}

/// A table-level constraint or other non-column element of `CREATE TABLE`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableConstraint {
    pub span: Span,
    /// `CONSTRAINT name` (MySQL: also the index name of `KEY name (…)`).
    pub name: Option<Ident>,
    pub kind: ConstraintKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConstraintKind {
    /// `PRIMARY KEY (a, b)`.
    PrimaryKey(Vec<Ident>),
    /// `UNIQUE [KEY|INDEX] [name] (a, b)`.
    Unique(Vec<Ident>),
    ForeignKey,
    Check,
    Exclude,
    /// `LIKE other [options]`.
    Like(QualifiedName),
    /// MySQL `KEY|INDEX|FULLTEXT|SPATIAL … (…)`.
    Index,
    Other,
}

/// `PARTITION OF parent [ (…) ] { FOR VALUES … | DEFAULT }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartitionOf {
    pub span: Span,
    pub parent: QualifiedName,
    /// `FOR VALUES …` or `DEFAULT`.
    pub bound: Option<Span>,
}

/// `PARTITION BY {RANGE|LIST|HASH} (…)` (MySQL also `KEY`, and the
/// partition definitions that follow).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartitionBy {
    pub span: Span,
    pub strategy: PartitionStrategy,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartitionStrategy {
    Range,
    List,
    Hash,
    /// MySQL `KEY`.
    Key,
    Other,
}

/// `ALTER TABLE [IF EXISTS] [ONLY] name action [, …]`; MySQL too.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AlterTable {
    pub if_exists: bool,
    pub only: bool,
    pub name: QualifiedName,
    pub actions: Vec<AlterTableAction>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AlterTableAction {
    pub span: Span,
    pub kind: AlterTableActionKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AlterTableActionKind {
    /// `ADD [COLUMN] [IF NOT EXISTS] column_def` (MySQL `ADD [COLUMN] (a …, b
    /// …)` yields one action per column).
    AddColumn {
        if_not_exists: bool,
        column: ColumnDef,
    },
    /// `DROP [COLUMN] [IF EXISTS] name [CASCADE|RESTRICT]`.
    DropColumn {
        if_exists: bool,
        column: Ident,
        behavior: Option<DropBehavior>,
    },
    /// `RENAME [COLUMN] old TO new`.
    RenameColumn {
        old: Ident,
        new: Ident,
    },
    /// `ALTER [COLUMN] c [SET DATA] TYPE t [COLLATE …] [USING …]`.
    AlterColumnType {
        column: Ident,
        data_type: TypeName,
    },
    /// MySQL `CHANGE [COLUMN] old new_definition [FIRST|AFTER c]`.
    ChangeColumn {
        old: Ident,
        column: ColumnDef,
    },
    /// MySQL `MODIFY [COLUMN] definition [FIRST|AFTER c]`.
    ModifyColumn {
        column: ColumnDef,
    },
    /// `RENAME TO new` (MySQL also `RENAME [AS] new`).
    RenameTable {
        new_name: QualifiedName,
    },
    /// `SET SCHEMA s`.
    SetSchema {
        schema: Ident,
    },
    /// `REPLICA IDENTITY …`.
    ReplicaIdentity(ReplicaIdentity),
    RowLevelSecurity(RowLevelSecurity),
    /// `ATTACH PARTITION p { FOR VALUES … | DEFAULT }`.
    AttachPartition {
        partition: QualifiedName,
        bound: Option<Span>,
    },
    /// `DETACH PARTITION p [CONCURRENTLY|FINALIZE]`.
    DetachPartition {
        partition: QualifiedName,
    },
    /// Any other action (`ADD CONSTRAINT`, `OWNER TO`, `ALTER COLUMN … SET
    /// DEFAULT`, MySQL `ENGINE=…`, …).
    Other,
}

/// The value of `REPLICA IDENTITY`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReplicaIdentity {
    Default,
    Full,
    Nothing,
    UsingIndex(Ident),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowLevelSecurity {
    Enable,
    Disable,
    Force,
    NoForce,
}

/// `DROP [TEMPORARY] TABLE [IF EXISTS] a, b [CASCADE|RESTRICT]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DropTable {
    pub if_exists: bool,
    pub names: Vec<QualifiedName>,
    pub behavior: Option<DropBehavior>,
}

/// `CREATE TYPE name …`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreateType {
    pub name: QualifiedName,
    pub definition: TypeDefinition,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TypeDefinition {
    /// `AS ENUM ('a', …)`.
    Enum(Vec<EnumLabel>),
    /// `AS (attr type, …)`.
    Composite(Vec<ColumnDef>),
    /// `AS RANGE (SUBTYPE = t, …)`.
    Range { subtype: Option<TypeName> },
    /// `(INPUT = …, …)`: a base type.
    Base,
    /// `CREATE TYPE name` alone: a shell type.
    Shell,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnumLabel {
    pub span: Span,
    pub value: String,
}

/// `CREATE DOMAIN name [AS] type [constraints…]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreateDomain {
    pub name: QualifiedName,
    pub data_type: TypeName,
}

// -- publications ---------------------------------------------------------------

/// `CREATE PUBLICATION name [FOR …] [WITH (…)]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreatePublication {
    pub name: Ident,
    pub scope: PublicationScope,
    pub with: Option<PublicationOptions>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PublicationScope {
    /// No `FOR` clause: a publication without tables.
    Empty,
    /// `FOR ALL TABLES`; the span covers the three words.
    AllTables(Span),
    /// `FOR TABLE …, TABLES IN SCHEMA …`; the span runs from `FOR` to the end
    /// of the list.
    Objects {
        span: Span,
        objects: Vec<PublicationObject>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PublicationObject {
    Table(PublicationTable),
    /// One schema of `TABLES IN SCHEMA a, b`.
    Schema(PublicationSchema),
}

impl PublicationObject {
    pub fn span(&self) -> Span {
        match self {
            PublicationObject::Table(t) => t.span,
            PublicationObject::Schema(s) => s.span,
        }
    }
}

/// One table of `TABLE [ONLY] t [*] [(cols)] [WHERE (…)]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicationTable {
    /// From `ONLY` (or the name) to the end of the entry; the `TABLE`
    /// keyword opening a list is not included.
    pub span: Span,
    pub only: bool,
    pub name: QualifiedName,
    /// A trailing `*`.
    pub descendants: bool,
    pub columns: Option<Vec<Ident>>,
    /// `WHERE (…)`.
    pub row_filter: Option<Span>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicationSchema {
    pub span: Span,
    /// `None` for `CURRENT_SCHEMA`.
    pub schema: Option<Ident>,
}

/// `WITH (publish = '…', publish_via_partition_root = true)` or, in `ALTER
/// PUBLICATION … SET (…)`, the parenthesised list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicationOptions {
    /// From `WITH` (or `(`) through `)`.
    pub span: Span,
    pub options: Vec<PublicationOption>,
}

impl PublicationOptions {
    /// The last option named `name` (folded), as PostgreSQL would apply it.
    pub fn get(&self, name: &str) -> Option<&PublicationOption> {
        self.options.iter().rev().find(|o| o.name.value == name)
    }
}

/// `name [= value]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicationOption {
    /// Name through value.
    pub span: Span,
    pub name: Ident,
    pub value: Option<OptionValue>,
}

/// A non-secret option or setting value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionValue {
    pub span: Span,
    pub kind: OptionValueKind,
    /// A string's decoded value; a word folded to lower case; a number as
    /// written (with its sign).
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionValueKind {
    String,
    Word,
    Number,
}

/// `ALTER PUBLICATION name action`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AlterPublication {
    pub name: Ident,
    /// The action, from its first keyword to the end of the statement.
    pub action_span: Span,
    pub action: AlterPublicationAction,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AlterPublicationAction {
    Add(Vec<PublicationObject>),
    Drop(Vec<PublicationObject>),
    /// `SET TABLE …`: replaces the table and schema lists.
    Set(Vec<PublicationObject>),
    SetOptions(PublicationOptions),
    RenameTo(Ident),
    OwnerTo(RoleSpec),
}

/// `DROP PUBLICATION [IF EXISTS] a, b [CASCADE|RESTRICT]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DropPublication {
    pub if_exists: bool,
    pub names: Vec<Ident>,
    pub behavior: Option<DropBehavior>,
}

// -- roles and privileges ---------------------------------------------------------

/// The keyword after `CREATE|ALTER`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleKeyword {
    Role,
    /// `USER`: `LOGIN` is the default.
    User,
    Group,
}

/// `CREATE ROLE|USER|GROUP name [WITH] option …`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreateRole {
    pub keyword: RoleKeyword,
    pub name: Ident,
    pub options: Vec<RoleOption>,
}

/// `ALTER ROLE|USER|GROUP role …`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AlterRole {
    pub keyword: RoleKeyword,
    pub role: RoleSpec,
    pub action: AlterRoleAction,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AlterRoleAction {
    /// `[WITH] option …`.
    Options(Vec<RoleOption>),
    RenameTo(Ident),
    /// `[IN DATABASE db] SET|RESET …` (configuration; not modelled).
    Config(Span),
    /// `ALTER GROUP g ADD|DROP USER a, b` (membership of the group).
    GroupMembers {
        add: bool,
        members: Vec<RoleSpec>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleOption {
    pub span: Span,
    pub kind: RoleOptionKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RoleOptionKind {
    /// `LOGIN` / `NOLOGIN`, `REPLICATION` / `NOREPLICATION`, ….
    Attribute {
        attribute: RoleAttribute,
        enabled: bool,
    },
    /// `[ENCRYPTED|UNENCRYPTED] PASSWORD …`.
    Password(Password),
    /// `CONNECTION LIMIT n`: the number's span.
    ConnectionLimit(Span),
    /// `VALID UNTIL '…'`: the value's span.
    ValidUntil(Span),
    /// `IN ROLE a, b` / `IN GROUP a, b`: the new role becomes a member of these.
    InRole(Vec<RoleSpec>),
    /// `ROLE a, b` / `USER a, b`: these become members of the new role.
    Role(Vec<RoleSpec>),
    /// `ADMIN a, b`: members with the admin option.
    Admin(Vec<RoleSpec>),
    /// `SYSID n`.
    SysId(Span),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RoleAttribute {
    Superuser,
    CreateDb,
    CreateRole,
    Inherit,
    Login,
    Replication,
    BypassRls,
}

/// A secret-bearing password value: only where it is and what kind of value
/// it is. `Debug` therefore never shows a password (rules.md §2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Password {
    /// The value: the literal with its quotes, `NULL`, or the whole psql
    /// interpolation (`:'pw'`).
    pub span: Span,
    pub kind: PasswordKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PasswordKind {
    /// A non-empty string literal.
    Literal(LiteralStyle),
    /// `''` (or `""` in MySQL).
    Empty,
    /// `PASSWORD NULL`.
    Null,
    /// psql `:'name'`, `:"name"` or `:name`: always a placeholder (§1.6).
    PsqlVariable,
}

/// How a string literal was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LiteralStyle {
    /// PostgreSQL `'…'`.
    Standard,
    /// PostgreSQL `E'…'`.
    Escape,
    /// PostgreSQL `$tag$…$tag$`.
    Dollar,
    /// MySQL `'…'` or `"…"` with backslash escapes.
    MySql,
}

impl Password {
    /// True for a string literal (empty or not): the case MZ202 and MZ706
    /// look at.
    pub fn is_literal(&self) -> bool {
        matches!(self.kind, PasswordKind::Literal(_) | PasswordKind::Empty)
    }

    /// The decoded value of a literal password, read from `source`. The
    /// result is secret-bearing: compare it, never print or log it.
    pub fn value<'s>(&self, source: &'s str) -> Option<Cow<'s, str>> {
        let text = source.get(self.span.range())?;
        match self.kind {
            PasswordKind::Empty => Some(Cow::Borrowed("")),
            PasswordKind::Literal(LiteralStyle::Standard) => {
                Some(string_value(TokenKind::String, text))
            }
            PasswordKind::Literal(LiteralStyle::Escape) => {
                Some(string_value(TokenKind::EscapeString, text))
            }
            PasswordKind::Literal(LiteralStyle::Dollar) => {
                Some(string_value(TokenKind::DollarString, text))
            }
            PasswordKind::Literal(LiteralStyle::MySql) => {
                Some(super::mysql_lex::mysql_string_value(text))
            }
            PasswordKind::Null | PasswordKind::PsqlVariable => None,
        }
    }
}

/// `GRANT|REVOKE privileges ON objects TO|FROM grantees`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GrantPrivileges {
    pub privileges: Privileges,
    pub objects: GrantObjects,
    pub grantees: Vec<RoleSpec>,
    /// `WITH GRANT OPTION` (GRANT) or `GRANT OPTION FOR` (REVOKE).
    pub grant_option: bool,
    /// REVOKE's `CASCADE|RESTRICT`.
    pub behavior: Option<DropBehavior>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Privileges {
    /// `ALL [PRIVILEGES] [(cols)]`.
    All {
        span: Span,
        columns: Option<Vec<Ident>>,
    },
    List(Vec<Privilege>),
}

impl Privileges {
    /// True when `kind` (or ALL) is granted, on the whole object or columns.
    pub fn includes(&self, kind: PrivilegeKind) -> bool {
        match self {
            Privileges::All { .. } => true,
            Privileges::List(list) => list.iter().any(|p| p.kind == kind),
        }
    }
}

/// One privilege, possibly on columns: `SELECT (a, b)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Privilege {
    pub span: Span,
    pub kind: PrivilegeKind,
    pub columns: Option<Vec<Ident>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PrivilegeKind {
    Select,
    Insert,
    Update,
    Delete,
    Truncate,
    References,
    Trigger,
    Maintain,
    Usage,
    Create,
    Connect,
    Temporary,
    Execute,
    Set,
    AlterSystem,
}

/// What a GRANT/REVOKE is `ON`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GrantObjects {
    /// From the first word after `ON` to the end of the object list.
    pub span: Span,
    pub kind: GrantObjectKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GrantObjectKind {
    /// `[TABLE] a, b`.
    Tables(Vec<QualifiedName>),
    /// `ALL TABLES IN SCHEMA a, b`.
    AllTablesInSchema(Vec<Ident>),
    /// `SCHEMA a, b`.
    Schemas(Vec<Ident>),
    /// Sequences, databases, functions, types, …: not modelled.
    Other,
}

/// `GRANT|REVOKE role, … TO|FROM role, …`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GrantRole {
    pub roles: Vec<RoleSpec>,
    pub grantees: Vec<RoleSpec>,
    /// `WITH ADMIN OPTION|TRUE` (GRANT) or `ADMIN OPTION FOR` (REVOKE).
    pub admin_option: bool,
    pub behavior: Option<DropBehavior>,
}

/// `ALTER DEFAULT PRIVILEGES [FOR ROLE r, …] [IN SCHEMA s, …] GRANT|REVOKE
/// privileges ON TABLES|… TO|FROM grantees`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AlterDefaultPrivileges {
    pub for_roles: Vec<RoleSpec>,
    pub in_schemas: Vec<Ident>,
    pub revoke: bool,
    pub privileges: Privileges,
    pub object_type: DefaultPrivilegeObject,
    pub object_span: Span,
    pub grantees: Vec<RoleSpec>,
    pub grant_option: bool,
    pub behavior: Option<DropBehavior>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DefaultPrivilegeObject {
    Tables,
    Sequences,
    Functions,
    Routines,
    Types,
    Schemas,
    LargeObjects,
}

// -- other statements ----------------------------------------------------------------

/// `TRUNCATE [TABLE] [ONLY] t [*], … [RESTART|CONTINUE IDENTITY]
/// [CASCADE|RESTRICT]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Truncate {
    pub tables: Vec<TruncateTable>,
    pub identity: Option<TruncateIdentity>,
    pub behavior: Option<DropBehavior>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TruncateTable {
    /// `ONLY` through `*`.
    pub span: Span,
    pub only: bool,
    pub name: QualifiedName,
    pub descendants: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TruncateIdentity {
    Restart,
    Continue,
}

/// `SET [SESSION|LOCAL] search_path {TO|=} a, "B", 'c'` or `… DEFAULT`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetSearchPath {
    pub local: bool,
    /// Entries in order. A string entry is one name, case kept (`quoted`).
    pub schemas: Vec<Ident>,
    /// `TO DEFAULT` / `= DEFAULT`.
    pub default: bool,
}

impl SetSearchPath {
    /// The first entry that names a schema: `$user` is skipped (it names the
    /// session user's schema, which mzlint cannot know).
    pub fn first_schema(&self) -> Option<&Ident> {
        self.schemas.iter().find(|s| s.value != "$user")
    }
}

/// `ALTER SYSTEM SET parameter {TO|=} value, …` or `ALTER SYSTEM RESET
/// {parameter|ALL}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AlterSystem {
    pub reset: bool,
    /// `None` for `RESET ALL`.
    pub parameter: Option<QualifiedName>,
    /// Empty for RESET and `SET … TO DEFAULT`.
    pub values: Vec<OptionValue>,
}

/// MySQL `USE db`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UseDatabase {
    pub database: Ident,
}

/// MySQL `CREATE USER [IF NOT EXISTS] spec, …` / `ALTER USER [IF EXISTS]
/// spec, …`. Account options after the list (`REQUIRE`, `WITH …`, `PASSWORD
/// EXPIRE`, …) are skipped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MySqlUsers {
    pub if_exists: bool,
    pub users: Vec<MySqlUserSpec>,
}

/// `account [IDENTIFIED …]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MySqlUserSpec {
    pub span: Span,
    pub account: MySqlAccount,
    /// One entry per authentication factor (`IDENTIFIED … [AND IDENTIFIED …]`).
    pub auth: Vec<MySqlAuth>,
}

/// `'user'@'host'`, `user@host`, `` `user` ``, or `CURRENT_USER[()]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MySqlAccount {
    pub span: Span,
    /// The user name, unquoted (`CURRENT_USER` for the current user).
    pub user: String,
    pub host: Option<String>,
}

/// `IDENTIFIED [WITH plugin] [BY 'pw' | BY RANDOM PASSWORD | AS 'hash']
/// [REPLACE 'current'] [RETAIN CURRENT PASSWORD]`, or the old `IDENTIFIED BY
/// PASSWORD 'hash'`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MySqlAuth {
    pub span: Span,
    /// The plugin name's span (`WITH caching_sha2_password`).
    pub plugin: Option<Span>,
    /// The `BY` (or `AS`) value; `None` for `BY RANDOM PASSWORD` or a bare
    /// `WITH plugin`.
    pub password: Option<Password>,
    /// The value is a stored hash (`AS '…'`, `BY PASSWORD '…'`), not the
    /// cleartext.
    pub hashed: bool,
    /// `REPLACE 'current'`: the current password, also secret-bearing.
    pub replace: Option<Password>,
}

/// MySQL `SET PASSWORD [FOR account] = 'pw' | = PASSWORD('pw') | TO RANDOM
/// [REPLACE 'current'] [RETAIN CURRENT PASSWORD]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetPassword {
    pub account: Option<MySqlAccount>,
    /// `None` for `TO RANDOM`.
    pub password: Option<Password>,
    pub replace: Option<Password>,
}

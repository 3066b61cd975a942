//! The upstream model (rules.md §5.4, interfaces.md §6): what the project's
//! upstream PostgreSQL and MySQL SQL leaves behind once every statement has
//! run in project order, and how the project's Postgres and MySQL sources
//! read it.
//!
//! * [`PgModel`] — schemas, tables (columns and types after ADD / DROP /
//!   RENAME / ALTER TYPE, renames, SET SCHEMA, DROP), partitions, replica
//!   identity, row-level security, user types and domains, publications
//!   (scope, `publish`, `publish_via_partition_root`, every statement that
//!   shaped them, re-definitions for MZ408), roles with attributes and
//!   memberships, grants, default privileges and truncates. Fed by upstream
//!   PostgreSQL files and by the upstream statements of Materialize files
//!   (`CREATE|ALTER|DROP PUBLICATION`, `ALTER TABLE … REPLICA IDENTITY`).
//! * [`MySqlModel`] — MySQL tables and columns, for MZ409 and MZ111's fix
//!   ([`MySqlModel::schemas_of_table`]).
//! * [`IngestSource`] — each Postgres and MySQL source of the Materialize
//!   files with what it asks for (FOR clauses, `ALTER SOURCE … ADD`,
//!   `CREATE TABLE … FROM SOURCE (REFERENCE …)`, TEXT / EXCLUDE COLUMNS),
//!   its coverage, every reference resolved against the publication's
//!   members `T(P)` and its ingested set `I(S)`.
//!
//! Every fact keeps the [`Site`] (statement location and span) of the
//! statement or name that made it, for related notes. The model is built
//! once per run ([`UpstreamModel::build`], called by `Project::build`), in
//! time linear in the statements; lookups are hash maps.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt;

use mzlint_syntax::ast::{self as mz, OptionName, SourceBody, SourceKind, StatementKind, Value};
use mzlint_syntax::upstream as up;
use mzlint_syntax::Span;

use crate::options::{self, OptionContext};
use crate::project::{DefKind, Location, Project};
use crate::semantic;
use crate::settings::Settings;
use crate::source::{FileKind, SourceFile};

/// Index of a table in [`PgModel::tables`] (or [`MySqlModel::tables`]).
pub type TableId = usize;

/// Where a fact comes from: a statement and a span in its file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Site {
    pub location: Location,
    pub span: Span,
}

/// A PostgreSQL table's qualified name, folded (`public.orders`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TableName {
    pub schema: String,
    pub name: String,
}

impl fmt::Display for TableName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.schema, self.name)
    }
}

/// The whole upstream side of the project.
#[derive(Debug, Default)]
pub struct UpstreamModel {
    pub pg: PgModel,
    pub mysql: MySqlModel,
    /// Postgres and MySQL sources of the Materialize files, project order.
    pub sources: Vec<IngestSource>,
    source_by_location: HashMap<Location, usize>,
}

impl UpstreamModel {
    /// Build both models from the files of the run (ids are their indices;
    /// files are in project order), then analyse the sources against them.
    /// `project` must already hold the Materialize definitions.
    pub fn build(files: &[SourceFile], settings: &[&Settings], project: &Project) -> Self {
        let mut model = UpstreamModel::default();
        for file in files {
            if file.load_error.is_some() {
                continue;
            }
            match file.kind {
                FileKind::UpstreamMySql => model.mysql.add_file(file),
                FileKind::UpstreamPostgres | FileKind::Materialize => model.pg.add_file(file),
            }
        }
        model.pg.finish();
        model.mysql.finish();
        model.analyse_sources(files, settings, project);
        model
    }

    /// True when the project holds any upstream fact at all.
    pub fn has_facts(&self) -> bool {
        self.pg.has_facts || !self.mysql.tables.is_empty()
    }

    /// The source created at `location`.
    pub fn source_at(&self, location: Location) -> Option<&IngestSource> {
        self.source_by_location
            .get(&location)
            .map(|&i| &self.sources[i])
    }

    /// Postgres sources whose publication is in the PostgreSQL model.
    pub fn covered_sources(&self) -> impl Iterator<Item = (usize, &IngestSource)> {
        self.sources.iter().enumerate().filter(|(_, s)| s.covered)
    }

    /// The publication a covered source uses.
    pub fn publication_of(&self, source: &IngestSource) -> Option<&Publication> {
        if !source.covered {
            return None;
        }
        self.pg.publication(&source.publication.as_ref()?.value)
    }

    /// Shorthand for [`MySqlModel::schemas_of_table`] (MZ111's fix).
    pub fn mysql_schemas_of_table(&self, name: &str) -> Vec<String> {
        self.mysql.schemas_of_table(name)
    }
}

// ---------------------------------------------------------------------------
// PostgreSQL

/// A table's replica identity in the final state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Identity {
    /// Never created nor altered in the project.
    Unknown,
    Default,
    Full,
    Nothing,
    UsingIndex(String),
}

/// Where a table's columns come from.
#[derive(Clone, Debug)]
pub enum Columns {
    Own(Vec<Column>),
    /// `PARTITION OF parent`: the parent's columns.
    Inherited,
    /// `AS query`, an unknown `LIKE`/`OF` type, or a table never created.
    Unknown,
}

#[derive(Clone, Debug)]
pub struct Column {
    /// Folded (or as quoted).
    pub name: String,
    pub data_type: Option<up::TypeName>,
    /// The column definition.
    pub site: Site,
    /// The first search-path schema where the column was defined, for
    /// resolving an unqualified user type.
    pub type_schema: String,
}

#[derive(Clone, Debug)]
pub struct PgTable {
    pub name: TableName,
    /// The name in `CREATE TABLE`; `None` when the project never creates it.
    pub create: Option<Site>,
    pub columns: Columns,
    pub identity: Identity,
    /// The `REPLICA IDENTITY` action that set [`PgTable::identity`].
    pub identity_site: Option<Site>,
    pub rls_enabled: bool,
    pub rls_forced: bool,
    pub rls_site: Option<Site>,
    /// `PARTITION BY` (or a table something was attached to).
    pub partitioned: bool,
    pub parent: Option<TableId>,
    pub live: bool,
    /// Known only because a publication lists it.
    pub listed_only: bool,
}

impl PgTable {
    fn new(name: TableName) -> Self {
        PgTable {
            name,
            create: None,
            columns: Columns::Unknown,
            identity: Identity::Unknown,
            identity_site: None,
            rls_enabled: false,
            rls_forced: false,
            rls_site: None,
            partitioned: false,
            parent: None,
            live: true,
            listed_only: false,
        }
    }

    /// `ENABLE` or `FORCE ROW LEVEL SECURITY` in effect.
    pub fn row_level_security(&self) -> bool {
        self.rls_enabled || self.rls_forced
    }
}

/// A user-defined type (`CREATE TYPE`, `CREATE DOMAIN`).
#[derive(Clone, Debug)]
pub enum UserType {
    Enum,
    Composite(Vec<Column>),
    Range,
    /// A base or shell type.
    Base,
    Domain {
        base: up::TypeName,
        /// Search-path schema of the `CREATE DOMAIN`.
        type_schema: String,
    },
}

/// A listed table of a publication.
#[derive(Clone, Debug)]
pub struct PubTable {
    /// As resolved when listed.
    pub name: TableName,
    pub id: Option<TableId>,
    pub site: Site,
}

#[derive(Clone, Debug)]
pub struct PubSchema {
    pub name: String,
    pub site: Site,
}

/// A `WITH` option's value and the option (name through value) that set it.
#[derive(Clone, Debug)]
pub struct OptionSetting<T> {
    pub value: T,
    pub site: Site,
}

/// A publication in the final state.
#[derive(Clone, Debug)]
pub struct Publication {
    pub name: String,
    /// Index of its defining `CREATE PUBLICATION` in [`PgModel::creations`].
    pub create: usize,
    /// The name in the defining `CREATE PUBLICATION`.
    pub name_site: Site,
    /// `FOR ALL TABLES`, where written.
    pub all_tables: Option<Site>,
    pub tables: Vec<PubTable>,
    pub schemas: Vec<PubSchema>,
    /// `None`: the default (insert, update, delete, truncate).
    pub publish: Option<OptionSetting<Vec<String>>>,
    pub via_root: Option<OptionSetting<bool>>,
    /// Every statement that shaped it (CREATE, ALTER), whole statement spans.
    pub shaped_by: Vec<Site>,
    /// `T(P)`: leaf tables, in listing order, then schema and table order.
    pub members: Vec<TableId>,
    member_names: HashMap<String, Vec<TableId>>,
    /// The names of `tables`, for linear-time ALTER … ADD.
    listed_names: HashSet<TableName>,
    /// Partitioned tables in scope whose leaves the project does not know:
    /// references into them are assumed present.
    pub opaque_partitioned: Vec<TableId>,
}

impl Publication {
    pub fn publishes_all_tables(&self) -> bool {
        self.all_tables.is_some()
    }

    pub fn lists_schema(&self, schema: &str) -> bool {
        self.schemas.iter().any(|s| s.name == schema)
    }

    /// Members whose own name is `name`.
    pub fn members_named(&self, name: &str) -> &[TableId] {
        self.member_names
            .get(name)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The final `publish` operations, lower case, trimmed.
    pub fn publish_ops(&self) -> Vec<String> {
        match &self.publish {
            Some(setting) => setting.value.clone(),
            None => DEFAULT_PUBLISH.iter().map(|s| s.to_string()).collect(),
        }
    }

    pub fn via_partition_root(&self) -> bool {
        self.via_root.as_ref().is_some_and(|s| s.value)
    }
}

/// `publish` (with its text as written) and `publish_via_partition_root`
/// of one option list.
type PublicationSettings = (
    Option<(OptionSetting<Vec<String>>, String)>,
    Option<OptionSetting<bool>>,
);

const DEFAULT_PUBLISH: [&str; 4] = ["insert", "update", "delete", "truncate"];

/// One `CREATE PUBLICATION`, normalised for MZ408.
#[derive(Clone, Debug)]
pub struct PublicationCreate {
    pub name: String,
    pub name_site: Site,
    pub definition: PublicationDefinition,
}

/// A publication's definition as written, after name resolution and
/// defaults: what MZ408 compares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicationDefinition {
    pub all_tables: bool,
    /// Listed tables and schemas in written order (compared as sets).
    pub tables: Vec<TableName>,
    pub schemas: Vec<String>,
    pub publish: BTreeSet<String>,
    /// As written, for messages (`insert, update`).
    pub publish_text: Option<String>,
    pub via_root: bool,
}

impl PublicationDefinition {
    /// Same scope and options, order aside.
    pub fn same_as(&self, other: &PublicationDefinition) -> bool {
        let set = |v: &[TableName]| v.iter().cloned().collect::<BTreeSet<_>>();
        let schemas = |v: &[String]| v.iter().cloned().collect::<BTreeSet<_>>();
        self.all_tables == other.all_tables
            && set(&self.tables) == set(&other.tables)
            && schemas(&self.schemas) == schemas(&other.schemas)
            && self.publish == other.publish
            && self.via_root == other.via_root
    }

    /// `FOR TABLE public.orders, public.customers [WITH (…)]`.
    pub fn describe(&self) -> String {
        let mut out = if self.all_tables {
            "FOR ALL TABLES".to_string()
        } else {
            describe_scope(
                &self
                    .tables
                    .iter()
                    .map(|t| t.to_string())
                    .collect::<Vec<_>>(),
                &self.schemas,
                usize::MAX,
            )
        };
        let mut with = Vec::new();
        if self
            .publish
            .iter()
            .map(String::as_str)
            .collect::<BTreeSet<_>>()
            != DEFAULT_PUBLISH.iter().copied().collect::<BTreeSet<_>>()
        {
            with.push(format!(
                "publish = '{}'",
                self.publish_text.clone().unwrap_or_default()
            ));
        }
        if self.via_root {
            with.push("publish_via_partition_root = true".to_string());
        }
        if !with.is_empty() {
            out.push_str(&format!(" WITH ({})", with.join(", ")));
        }
        out
    }
}

/// `FOR TABLE a, b, TABLES IN SCHEMA s` (at most `limit` tables, then `and
/// N more`); `without tables` when empty.
pub fn describe_scope(tables: &[String], schemas: &[String], limit: usize) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !tables.is_empty() {
        parts.push(format!("FOR TABLE {}", list_with_more(tables, limit)));
    }
    if !schemas.is_empty() {
        let text = format!("TABLES IN SCHEMA {}", schemas.join(", "));
        if parts.is_empty() {
            parts.push(format!("FOR {text}"));
        } else {
            parts.push(text);
        }
    }
    if parts.is_empty() {
        "without tables".to_string()
    } else {
        parts.join(", ")
    }
}

/// `a, b, c` — at most `limit` items, then `and N more`.
pub fn list_with_more(items: &[String], limit: usize) -> String {
    if items.len() <= limit {
        return items.join(", ");
    }
    format!(
        "{} and {} more",
        items[..limit].join(", "),
        items.len() - limit
    )
}

/// A role (grantee) as GRANT names it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Grantee {
    Public,
    Role(String),
}

#[derive(Clone, Debug, Default)]
pub struct Role {
    pub name: String,
    /// The name in `CREATE ROLE|USER|GROUP`.
    pub create: Option<Site>,
    pub superuser: bool,
    pub replication: bool,
    pub bypassrls: bool,
    /// Roles it is a direct member of.
    pub member_of: BTreeSet<String>,
}

/// Table and schema privileges in the final state. GRANT/CREATE order is
/// not checked (rules.md MZ411).
#[derive(Debug, Default)]
pub struct Grants {
    table_select: HashSet<(TableName, Grantee)>,
    /// `REVOKE SELECT ON t` after a schema-wide or default grant.
    table_revoked: HashSet<(TableName, Grantee)>,
    schema_select: HashSet<(String, Grantee)>,
    /// `ALTER DEFAULT PRIVILEGES [IN SCHEMA s] GRANT SELECT ON TABLES`;
    /// `None`: every schema.
    default_select: HashSet<(Option<String>, Grantee)>,
    schema_usage: HashSet<(String, Grantee)>,
    /// `CREATE SCHEMA … AUTHORIZATION role`.
    schema_owner: HashMap<String, String>,
    /// `REVOKE USAGE ON SCHEMA public FROM PUBLIC` (and not granted back).
    public_usage_revoked: bool,
}

/// One table of a `TRUNCATE`.
#[derive(Clone, Debug)]
pub struct TruncatedTable {
    pub name: TableName,
    /// The table when the TRUNCATE ran (or, when unknown then, by name at
    /// the end).
    pub id: Option<TableId>,
    /// The name as written.
    pub name_span: Span,
    pub only: bool,
}

#[derive(Clone, Debug)]
pub struct TruncateFact {
    /// The whole statement.
    pub site: Site,
    pub tables: Vec<TruncatedTable>,
    pub cascade: bool,
    pub restart_identity: bool,
}

/// The PostgreSQL model.
#[derive(Debug, Default)]
pub struct PgModel {
    /// Any upstream PostgreSQL statement seen.
    pub has_facts: bool,
    pub tables: Vec<PgTable>,
    live_tables: HashMap<TableName, TableId>,
    children: HashMap<TableId, Vec<TableId>>,
    pub schemas: HashSet<String>,
    pub types: HashMap<TableName, UserType>,
    /// Schemas holding a user type of each name.
    type_schemas: HashMap<String, Vec<String>>,
    publications: HashMap<String, Publication>,
    /// Every `CREATE PUBLICATION`, project order.
    pub creations: Vec<PublicationCreate>,
    /// `(earlier, later)` indices into `creations`: one name created twice
    /// with no `DROP PUBLICATION` between (MZ408).
    pub redefinitions: Vec<(usize, usize)>,
    pub roles: HashMap<String, Role>,
    pub grants: Grants,
    pub truncates: Vec<TruncateFact>,
}

/// The search path of the upstream statements of one file.
struct PgFileState {
    schema: String,
}

impl PgModel {
    fn add_file(&mut self, file: &SourceFile) {
        let mut state = PgFileState {
            schema: "public".to_string(),
        };
        for (index, statement) in file.parsed.statements.iter().enumerate() {
            let StatementKind::Upstream(statement) = &statement.kind else {
                continue;
            };
            let location = Location {
                file: file.id,
                statement: index,
            };
            self.add_statement(statement, location, &mut state);
        }
    }

    fn site(location: Location, span: Span) -> Site {
        Site { location, span }
    }

    /// Resolve a written table name with the file's search path.
    fn table_name(name: &up::QualifiedName, state: &PgFileState) -> TableName {
        let parts = &name.parts;
        let n = parts.len();
        TableName {
            schema: if n >= 2 {
                parts[n - 2].value.clone()
            } else {
                state.schema.clone()
            },
            name: parts[n - 1].value.clone(),
        }
    }

    fn live(&self, name: &TableName) -> Option<TableId> {
        self.live_tables.get(name).copied()
    }

    /// The live table of that name, created as "known, never created" when
    /// the project has not seen it (an `ALTER TABLE` of a table made
    /// elsewhere).
    fn known(&mut self, name: TableName) -> TableId {
        if let Some(id) = self.live(&name) {
            return id;
        }
        let id = self.tables.len();
        self.tables.push(PgTable::new(name.clone()));
        self.live_tables.insert(name, id);
        id
    }

    fn add_statement(
        &mut self,
        statement: &up::UpstreamStatement,
        location: Location,
        state: &mut PgFileState,
    ) {
        use up::UpstreamKind as K;
        match &statement.kind {
            K::Other { .. } | K::Unparsed { .. } => return,
            _ => self.has_facts = true,
        }
        match &statement.kind {
            K::CreateSchema(s) => {
                if let Some(name) = s.schema_name() {
                    self.schemas.insert(name.value.clone());
                    if let Some(owner) = s.authorization.as_ref().and_then(up::RoleSpec::name) {
                        self.grants
                            .schema_owner
                            .insert(name.value.clone(), owner.value.clone());
                    }
                }
            }
            K::CreateTable(t) => self.create_table(t, location, state),
            K::AlterTable(a) => self.alter_table(a, location, state),
            K::DropTable(d) => {
                for name in &d.names {
                    let name = Self::table_name(name, state);
                    if let Some(id) = self.live(&name) {
                        self.drop_table(id);
                    }
                }
            }
            K::CreateType(t) => {
                let name = Self::table_name(&t.name, state);
                let kind = match &t.definition {
                    up::TypeDefinition::Enum(_) => UserType::Enum,
                    up::TypeDefinition::Composite(columns) => UserType::Composite(
                        columns
                            .iter()
                            .map(|c| Self::column(c, location, state))
                            .collect(),
                    ),
                    up::TypeDefinition::Range { .. } => UserType::Range,
                    up::TypeDefinition::Base | up::TypeDefinition::Shell => UserType::Base,
                };
                self.add_type(name, kind);
            }
            K::CreateDomain(d) => {
                let name = Self::table_name(&d.name, state);
                self.add_type(
                    name,
                    UserType::Domain {
                        base: d.data_type.clone(),
                        type_schema: state.schema.clone(),
                    },
                );
            }
            K::CreatePublication(p) => self.create_publication(p, statement.span, location, state),
            K::AlterPublication(a) => self.alter_publication(a, statement.span, location, state),
            K::DropPublication(d) => {
                for name in &d.names {
                    self.publications.remove(&name.value);
                }
            }
            K::CreateRole(r) => self.create_role(r, location),
            K::AlterRole(a) => self.alter_role(a),
            K::Grant(g) => self.grant(g, state, false),
            K::Revoke(g) => self.grant(g, state, true),
            K::GrantRole(g) => self.grant_role(g, false),
            K::RevokeRole(g) => self.grant_role(g, true),
            K::AlterDefaultPrivileges(a) => self.default_privileges(a),
            K::Truncate(t) => {
                let tables = t
                    .tables
                    .iter()
                    .map(|table| {
                        let name = Self::table_name(&table.name, state);
                        TruncatedTable {
                            id: self.live(&name),
                            name,
                            name_span: table.name.span,
                            only: table.only,
                        }
                    })
                    .collect();
                self.truncates.push(TruncateFact {
                    site: Self::site(location, statement.span),
                    tables,
                    cascade: t.behavior == Some(up::DropBehavior::Cascade),
                    restart_identity: t.identity == Some(up::TruncateIdentity::Restart),
                });
            }
            K::SetSearchPath(s) => {
                state.schema = if s.default {
                    "public".to_string()
                } else {
                    s.first_schema()
                        .map(|i| i.value.clone())
                        .unwrap_or_else(|| "public".to_string())
                };
            }
            _ => {}
        }
    }

    fn add_type(&mut self, name: TableName, kind: UserType) {
        let schemas = self.type_schemas.entry(name.name.clone()).or_default();
        if !schemas.contains(&name.schema) {
            schemas.push(name.schema.clone());
        }
        self.types.insert(name, kind);
    }

    fn column(c: &up::ColumnDef, location: Location, state: &PgFileState) -> Column {
        Column {
            name: c.name.value.clone(),
            data_type: c.data_type.clone(),
            site: Self::site(location, c.span),
            type_schema: state.schema.clone(),
        }
    }

    fn create_table(&mut self, t: &up::CreateTable, location: Location, state: &PgFileState) {
        if t.temporary {
            return;
        }
        let name = Self::table_name(&t.name, state);
        if let Some(existing) = self.live(&name) {
            if self.tables[existing].create.is_some() {
                // Already created: `IF NOT EXISTS` does nothing, and without
                // it PostgreSQL rejects the statement.
                return;
            }
            // Known only from ALTERs that ran before it existed: replaced.
            self.tables[existing].live = false;
            self.live_tables.remove(&name);
        }
        let mut table = PgTable::new(name.clone());
        table.create = Some(Self::site(location, t.name.span));
        table.identity = Identity::Default;
        table.partitioned = t.partition_by.is_some();
        let own: Vec<Column> = t
            .columns
            .iter()
            .filter(|c| c.data_type.is_some())
            .map(|c| Self::column(c, location, state))
            .collect();
        table.columns = if let Some(partition) = &t.partition_of {
            let parent = Self::table_name(&partition.parent, state);
            table.parent = self.live(&parent);
            if let Some(parent) = table.parent {
                self.tables[parent].partitioned = true;
            }
            Columns::Inherited
        } else if t.as_query.is_some() {
            Columns::Unknown
        } else if let Some(of_type) = &t.of_type {
            let type_name = Self::table_name(of_type, state);
            match self.types.get(&type_name) {
                Some(UserType::Composite(columns)) => Columns::Own(columns.clone()),
                _ => Columns::Unknown,
            }
        } else {
            let mut columns = Vec::new();
            let mut known = true;
            for parent in &t.inherits {
                let parent = Self::table_name(parent, state);
                match self.live(&parent).and_then(|p| self.columns_of(p)) {
                    Some(cols) => columns.extend(cols.iter().cloned()),
                    None => known = false,
                }
            }
            for constraint in &t.constraints {
                if let up::ConstraintKind::Like(other) = &constraint.kind {
                    let other = Self::table_name(other, state);
                    match self.live(&other).and_then(|p| self.columns_of(p)) {
                        Some(cols) => columns.extend(cols.iter().cloned()),
                        None => known = false,
                    }
                }
            }
            columns.extend(own);
            if known {
                Columns::Own(columns)
            } else {
                Columns::Unknown
            }
        };
        let id = self.tables.len();
        self.tables.push(table);
        self.live_tables.insert(name, id);
    }

    fn drop_table(&mut self, id: TableId) {
        let mut stack = vec![id];
        while let Some(id) = stack.pop() {
            if !self.tables[id].live {
                continue;
            }
            self.tables[id].live = false;
            let name = self.tables[id].name.clone();
            if self.live_tables.get(&name) == Some(&id) {
                self.live_tables.remove(&name);
            }
            for publication in self.publications.values_mut() {
                let before = publication.tables.len();
                publication.tables.retain(|t| t.id != Some(id));
                if publication.tables.len() != before {
                    publication.listed_names =
                        publication.tables.iter().map(|t| t.name.clone()).collect();
                }
            }
            // Partitions go with their parent.
            stack.extend(
                self.tables
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| t.live && t.parent == Some(id))
                    .map(|(i, _)| i),
            );
        }
    }

    fn alter_table(&mut self, a: &up::AlterTable, location: Location, state: &PgFileState) {
        use up::AlterTableActionKind as A;
        let name = Self::table_name(&a.name, state);
        for action in &a.actions {
            let site = Self::site(location, action.span);
            match &action.kind {
                A::AddColumn { column, .. } => {
                    if column.data_type.is_none() {
                        continue;
                    }
                    let Some(id) = self.live(&name) else { continue };
                    let new = Self::column(column, location, state);
                    if let Columns::Own(columns) = &mut self.tables[id].columns {
                        if !columns.iter().any(|c| c.name == new.name) {
                            columns.push(new);
                        }
                    }
                }
                A::DropColumn { column, .. } => {
                    let Some(id) = self.live(&name) else { continue };
                    if let Columns::Own(columns) = &mut self.tables[id].columns {
                        columns.retain(|c| c.name != column.value);
                    }
                }
                A::RenameColumn { old, new } => {
                    let Some(id) = self.live(&name) else { continue };
                    if let Columns::Own(columns) = &mut self.tables[id].columns {
                        if let Some(c) = columns.iter_mut().find(|c| c.name == old.value) {
                            c.name = new.value.clone();
                        }
                    }
                }
                A::AlterColumnType { column, data_type } => {
                    let Some(id) = self.live(&name) else { continue };
                    if let Columns::Own(columns) = &mut self.tables[id].columns {
                        if let Some(c) = columns.iter_mut().find(|c| c.name == column.value) {
                            c.data_type = Some(data_type.clone());
                            c.type_schema = state.schema.clone();
                        }
                    }
                }
                A::ChangeColumn { old, column } => {
                    let Some(id) = self.live(&name) else { continue };
                    let new = Self::column(column, location, state);
                    if let Columns::Own(columns) = &mut self.tables[id].columns {
                        if let Some(c) = columns.iter_mut().find(|c| c.name == old.value) {
                            *c = new;
                        }
                    }
                }
                A::ModifyColumn { column } => {
                    let Some(id) = self.live(&name) else { continue };
                    let new = Self::column(column, location, state);
                    if let Columns::Own(columns) = &mut self.tables[id].columns {
                        if let Some(c) = columns.iter_mut().find(|c| c.name == new.name) {
                            *c = new;
                        }
                    }
                }
                A::RenameTable { new_name } => {
                    let Some(id) = self.live(&name) else { continue };
                    let renamed = TableName {
                        schema: self.tables[id].name.schema.clone(),
                        name: new_name.name().value.clone(),
                    };
                    self.rename_table(id, renamed);
                    return; // later actions cannot follow RENAME in PostgreSQL
                }
                A::SetSchema { schema } => {
                    let Some(id) = self.live(&name) else { continue };
                    let moved = TableName {
                        schema: schema.value.clone(),
                        name: self.tables[id].name.name.clone(),
                    };
                    self.rename_table(id, moved);
                    return;
                }
                A::ReplicaIdentity(identity) => {
                    let id = self.known(name.clone());
                    let table = &mut self.tables[id];
                    table.identity = match identity {
                        up::ReplicaIdentity::Default => Identity::Default,
                        up::ReplicaIdentity::Full => Identity::Full,
                        up::ReplicaIdentity::Nothing => Identity::Nothing,
                        up::ReplicaIdentity::UsingIndex(index) => {
                            Identity::UsingIndex(index.value.clone())
                        }
                    };
                    table.identity_site = Some(site);
                }
                A::RowLevelSecurity(rls) => {
                    let id = self.known(name.clone());
                    let table = &mut self.tables[id];
                    match rls {
                        up::RowLevelSecurity::Enable => table.rls_enabled = true,
                        up::RowLevelSecurity::Disable => table.rls_enabled = false,
                        up::RowLevelSecurity::Force => table.rls_forced = true,
                        up::RowLevelSecurity::NoForce => table.rls_forced = false,
                    }
                    table.rls_site = Some(site);
                }
                A::AttachPartition { partition, .. } => {
                    let parent = self.known(name.clone());
                    let child = self.known(Self::table_name(partition, state));
                    if child != parent {
                        self.tables[child].parent = Some(parent);
                        self.tables[parent].partitioned = true;
                    }
                }
                A::DetachPartition { partition } => {
                    let child = Self::table_name(partition, state);
                    if let Some(child) = self.live(&child) {
                        self.tables[child].parent = None;
                    }
                }
                A::Other => {}
            }
        }
    }

    fn rename_table(&mut self, id: TableId, new_name: TableName) {
        let old = std::mem::replace(&mut self.tables[id].name, new_name.clone());
        if self.live_tables.get(&old) == Some(&id) {
            self.live_tables.remove(&old);
        }
        self.live_tables.insert(new_name, id);
    }

    /// A table's columns, following `PARTITION OF` to the parent.
    pub fn columns_of(&self, id: TableId) -> Option<&[Column]> {
        let mut id = id;
        for _ in 0..32 {
            match &self.tables[id].columns {
                Columns::Own(columns) => return Some(columns),
                Columns::Unknown => return None,
                Columns::Inherited => id = self.tables[id].parent?,
            }
        }
        None
    }

    /// The table whose `CREATE TABLE` defines the columns of `id` (itself,
    /// or the root of its partition chain).
    pub fn column_owner(&self, id: TableId) -> TableId {
        let mut id = id;
        for _ in 0..32 {
            match (&self.tables[id].columns, self.tables[id].parent) {
                (Columns::Inherited, Some(parent)) => id = parent,
                _ => return id,
            }
        }
        id
    }

    // -- publications -----------------------------------------------------

    fn objects(
        objects: &[up::PublicationObject],
        location: Location,
        state: &PgFileState,
        live: &HashMap<TableName, TableId>,
    ) -> (Vec<PubTable>, Vec<PubSchema>) {
        let mut tables = Vec::new();
        let mut schemas = Vec::new();
        for object in objects {
            match object {
                up::PublicationObject::Table(t) => {
                    let name = Self::table_name(&t.name, state);
                    tables.push(PubTable {
                        id: live.get(&name).copied(),
                        name,
                        site: Self::site(location, t.name.span),
                    });
                }
                up::PublicationObject::Schema(s) => {
                    let name = s
                        .schema
                        .as_ref()
                        .map(|i| i.value.clone())
                        .unwrap_or_else(|| state.schema.clone());
                    schemas.push(PubSchema {
                        name,
                        site: Self::site(location, s.span),
                    });
                }
            }
        }
        (tables, schemas)
    }

    fn option_settings(
        options: &up::PublicationOptions,
        location: Location,
    ) -> PublicationSettings {
        let mut publish = None;
        let mut via_root = None;
        for option in &options.options {
            let site = Self::site(location, option.span);
            match option.name.value.as_str() {
                "publish" => {
                    let text = option
                        .value
                        .as_ref()
                        .map(|v| v.text.clone())
                        .unwrap_or_default();
                    let ops = text
                        .split(',')
                        .map(|op| op.trim().to_ascii_lowercase())
                        .filter(|op| !op.is_empty())
                        .collect();
                    publish = Some((OptionSetting { value: ops, site }, text));
                }
                "publish_via_partition_root" => {
                    let value = match &option.value {
                        None => true,
                        Some(v) => matches!(
                            v.text.to_ascii_lowercase().as_str(),
                            "true" | "on" | "1" | "yes"
                        ),
                    };
                    via_root = Some(OptionSetting { value, site });
                }
                _ => {}
            }
        }
        (publish, via_root)
    }

    fn create_publication(
        &mut self,
        p: &up::CreatePublication,
        statement_span: Span,
        location: Location,
        state: &PgFileState,
    ) {
        let name = p.name.value.clone();
        let name_site = Self::site(location, p.name.span);
        let (all_tables, tables, schemas) = match &p.scope {
            up::PublicationScope::Empty => (None, Vec::new(), Vec::new()),
            up::PublicationScope::AllTables(span) => {
                (Some(Self::site(location, *span)), Vec::new(), Vec::new())
            }
            up::PublicationScope::Objects { objects, .. } => {
                let (t, s) = Self::objects(objects, location, state, &self.live_tables);
                (None, t, s)
            }
        };
        let (publish, via_root) = match &p.with {
            Some(with) => Self::option_settings(with, location),
            None => (None, None),
        };
        let definition = PublicationDefinition {
            all_tables: all_tables.is_some(),
            tables: tables.iter().map(|t| t.name.clone()).collect(),
            schemas: schemas.iter().map(|s| s.name.clone()).collect(),
            publish: match &publish {
                Some((setting, _)) => setting.value.iter().cloned().collect(),
                None => DEFAULT_PUBLISH.iter().map(|s| s.to_string()).collect(),
            },
            publish_text: publish.as_ref().map(|(_, text)| text.clone()),
            via_root: via_root.as_ref().is_some_and(|s| s.value),
        };
        let listed_names = tables.iter().map(|t| t.name.clone()).collect();
        let index = self.creations.len();
        self.creations.push(PublicationCreate {
            name: name.clone(),
            name_site,
            definition,
        });
        if let Some(earlier) = self.publications.get(&name) {
            self.redefinitions.push((earlier.create, index));
        }
        self.publications.insert(
            name.clone(),
            Publication {
                name,
                create: index,
                name_site,
                all_tables,
                tables,
                schemas,
                publish: publish.map(|(setting, _)| setting),
                via_root,
                shaped_by: vec![Self::site(location, statement_span)],
                members: Vec::new(),
                member_names: HashMap::new(),
                listed_names,
                opaque_partitioned: Vec::new(),
            },
        );
    }

    fn alter_publication(
        &mut self,
        a: &up::AlterPublication,
        statement_span: Span,
        location: Location,
        state: &PgFileState,
    ) {
        use up::AlterPublicationAction as A;
        let Some(mut publication) = self.publications.remove(&a.name.value) else {
            // Created outside the project: its scope is unknown.
            return;
        };
        publication
            .shaped_by
            .push(Self::site(location, statement_span));
        match &a.action {
            A::Add(objects) => {
                let (tables, schemas) = Self::objects(objects, location, state, &self.live_tables);
                for table in tables {
                    if publication.listed_names.insert(table.name.clone()) {
                        publication.tables.push(table);
                    }
                }
                for schema in schemas {
                    if !publication.lists_schema(&schema.name) {
                        publication.schemas.push(schema);
                    }
                }
            }
            A::Drop(objects) => {
                let (tables, schemas) = Self::objects(objects, location, state, &self.live_tables);
                let names: HashSet<&TableName> = tables.iter().map(|t| &t.name).collect();
                let ids: HashSet<TableId> = tables.iter().filter_map(|t| t.id).collect();
                publication.tables.retain(|t| {
                    !names.contains(&t.name) && !t.id.is_some_and(|id| ids.contains(&id))
                });
                publication.listed_names =
                    publication.tables.iter().map(|t| t.name.clone()).collect();
                let dropped: HashSet<&str> = schemas.iter().map(|s| s.name.as_str()).collect();
                publication
                    .schemas
                    .retain(|s| !dropped.contains(s.name.as_str()));
            }
            A::Set(objects) => {
                let (tables, schemas) = Self::objects(objects, location, state, &self.live_tables);
                publication.listed_names = tables.iter().map(|t| t.name.clone()).collect();
                publication.tables = tables;
                publication.schemas = schemas;
            }
            A::SetOptions(options) => {
                let (publish, via_root) = Self::option_settings(options, location);
                if let Some((setting, _)) = publish {
                    publication.publish = Some(setting);
                }
                if let Some(setting) = via_root {
                    publication.via_root = Some(setting);
                }
            }
            A::RenameTo(new) => publication.name = new.value.clone(),
            A::OwnerTo(_) => {}
        }
        self.publications
            .insert(publication.name.clone(), publication);
    }

    /// A live publication by exact name.
    pub fn publication(&self, name: &str) -> Option<&Publication> {
        self.publications.get(name)
    }

    /// Live publications, sorted by name.
    pub fn publications(&self) -> Vec<&Publication> {
        let mut list: Vec<&Publication> = self.publications.values().collect();
        list.sort_by(|a, b| a.name.cmp(&b.name));
        list
    }

    /// The project keeps publications in SQL: some `CREATE PUBLICATION`.
    pub fn has_publications(&self) -> bool {
        !self.creations.is_empty()
    }

    // -- roles and grants ---------------------------------------------------

    fn role_mut(&mut self, name: &str) -> &mut Role {
        self.roles.entry(name.to_string()).or_insert_with(|| Role {
            name: name.to_string(),
            ..Role::default()
        })
    }

    fn apply_role_options(&mut self, role: &str, options: &[up::RoleOption]) {
        for option in options {
            match &option.kind {
                up::RoleOptionKind::Attribute { attribute, enabled } => {
                    let r = self.role_mut(role);
                    match attribute {
                        up::RoleAttribute::Superuser => r.superuser = *enabled,
                        up::RoleAttribute::Replication => r.replication = *enabled,
                        up::RoleAttribute::BypassRls => r.bypassrls = *enabled,
                        _ => {}
                    }
                }
                up::RoleOptionKind::InRole(groups) => {
                    for group in groups.iter().filter_map(up::RoleSpec::name) {
                        self.role_mut(role).member_of.insert(group.value.clone());
                    }
                }
                up::RoleOptionKind::Role(members) | up::RoleOptionKind::Admin(members) => {
                    for member in members.iter().filter_map(up::RoleSpec::name) {
                        self.role_mut(&member.value)
                            .member_of
                            .insert(role.to_string());
                    }
                }
                _ => {}
            }
        }
    }

    fn create_role(&mut self, r: &up::CreateRole, location: Location) {
        let name = r.name.value.clone();
        if self.roles.get(&name).is_some_and(|r| r.create.is_some()) {
            return; // PostgreSQL rejects the second CREATE
        }
        let role = self.role_mut(&name);
        role.create = Some(Site {
            location,
            span: r.name.span,
        });
        role.superuser = false;
        role.replication = false;
        role.bypassrls = false;
        self.apply_role_options(&name, &r.options);
    }

    fn alter_role(&mut self, a: &up::AlterRole) {
        let Some(name) = a.role.name().map(|i| i.value.clone()) else {
            return;
        };
        match &a.action {
            up::AlterRoleAction::Options(options) => self.apply_role_options(&name, options),
            up::AlterRoleAction::RenameTo(new) => {
                if let Some(mut role) = self.roles.remove(&name) {
                    role.name = new.value.clone();
                    self.roles.insert(new.value.clone(), role);
                }
                for role in self.roles.values_mut() {
                    if role.member_of.remove(&name) {
                        role.member_of.insert(new.value.clone());
                    }
                }
            }
            up::AlterRoleAction::GroupMembers { add, members } => {
                for member in members.iter().filter_map(up::RoleSpec::name) {
                    let member = self.role_mut(&member.value);
                    if *add {
                        member.member_of.insert(name.clone());
                    } else {
                        member.member_of.remove(&name);
                    }
                }
            }
            up::AlterRoleAction::Config(_) => {}
        }
    }

    fn grantees(specs: &[up::RoleSpec]) -> Vec<Grantee> {
        specs
            .iter()
            .filter_map(|spec| match spec {
                up::RoleSpec::Public(_) => Some(Grantee::Public),
                up::RoleSpec::Name(ident) => Some(Grantee::Role(ident.value.clone())),
                _ => None,
            })
            .collect()
    }

    fn grant(&mut self, g: &up::GrantPrivileges, state: &PgFileState, revoke: bool) {
        let grantees = Self::grantees(&g.grantees);
        let grants = &mut self.grants;
        match &g.objects.kind {
            up::GrantObjectKind::Tables(names) => {
                if !whole(&g.privileges, up::PrivilegeKind::Select) {
                    return;
                }
                for name in names {
                    let table = Self::table_name(name, state);
                    for grantee in &grantees {
                        let key = (table.clone(), grantee.clone());
                        if revoke {
                            grants.table_select.remove(&key);
                            grants.table_revoked.insert(key);
                        } else {
                            grants.table_revoked.remove(&key);
                            grants.table_select.insert(key);
                        }
                    }
                }
            }
            up::GrantObjectKind::AllTablesInSchema(schemas) => {
                if !whole(&g.privileges, up::PrivilegeKind::Select) {
                    return;
                }
                for schema in schemas {
                    for grantee in &grantees {
                        let key = (schema.value.clone(), grantee.clone());
                        if revoke {
                            grants.schema_select.remove(&key);
                            grants
                                .table_select
                                .retain(|(t, g)| !(t.schema == schema.value && g == grantee));
                        } else {
                            grants
                                .table_revoked
                                .retain(|(t, g)| !(t.schema == schema.value && g == grantee));
                            grants.schema_select.insert(key);
                        }
                    }
                }
            }
            up::GrantObjectKind::Schemas(schemas) => {
                if !g.privileges.includes(up::PrivilegeKind::Usage) {
                    return;
                }
                for schema in schemas {
                    for grantee in &grantees {
                        let key = (schema.value.clone(), grantee.clone());
                        let public_of_public =
                            schema.value == "public" && *grantee == Grantee::Public;
                        if revoke {
                            grants.schema_usage.remove(&key);
                            if public_of_public {
                                grants.public_usage_revoked = true;
                            }
                        } else {
                            grants.schema_usage.insert(key);
                            if public_of_public {
                                grants.public_usage_revoked = false;
                            }
                        }
                    }
                }
            }
            up::GrantObjectKind::Other => {}
        }
    }

    fn grant_role(&mut self, g: &up::GrantRole, revoke: bool) {
        for grantee in g.grantees.iter().filter_map(up::RoleSpec::name) {
            for role in g.roles.iter().filter_map(up::RoleSpec::name) {
                let member = self.role_mut(&grantee.value);
                if revoke {
                    member.member_of.remove(&role.value);
                } else {
                    member.member_of.insert(role.value.clone());
                }
            }
        }
    }

    fn default_privileges(&mut self, a: &up::AlterDefaultPrivileges) {
        if a.object_type != up::DefaultPrivilegeObject::Tables
            || !whole(&a.privileges, up::PrivilegeKind::Select)
        {
            return;
        }
        let schemas: Vec<Option<String>> = if a.in_schemas.is_empty() {
            vec![None]
        } else {
            a.in_schemas.iter().map(|s| Some(s.value.clone())).collect()
        };
        for grantee in Self::grantees(&a.grantees) {
            for schema in &schemas {
                let key = (schema.clone(), grantee.clone());
                if a.revoke {
                    self.grants.default_select.remove(&key);
                } else {
                    self.grants.default_select.insert(key);
                }
            }
        }
    }

    /// The role, `PUBLIC`, and every role it is (transitively) a member of.
    pub fn effective_grantees(&self, role: &str) -> Vec<Grantee> {
        let mut seen: BTreeSet<String> = BTreeSet::new();
        let mut stack = vec![role.to_string()];
        while let Some(name) = stack.pop() {
            if !seen.insert(name.clone()) {
                continue;
            }
            if let Some(r) = self.roles.get(&name) {
                stack.extend(r.member_of.iter().cloned());
            }
        }
        let mut out: Vec<Grantee> = seen.into_iter().map(Grantee::Role).collect();
        out.push(Grantee::Public);
        out
    }

    /// True when `role` is, or is transitively a member of, one of `roles`.
    pub fn is_member_of(&self, role: &str, roles: &[&str]) -> bool {
        self.effective_grantees(role)
            .iter()
            .any(|g| matches!(g, Grantee::Role(r) if roles.contains(&r.as_str())))
    }

    /// SUPERUSER, or a member of `pg_read_all_data`: reads everything.
    fn reads_everything(&self, role: &str, grantees: &[Grantee]) -> bool {
        self.roles.get(role).is_some_and(|r| r.superuser)
            || grantees
                .iter()
                .any(|g| matches!(g, Grantee::Role(r) if r == "pg_read_all_data"))
    }

    /// Whether `role` can SELECT from `table` by the final grants.
    pub fn can_select(&self, role: &str, table: &TableName) -> bool {
        let grantees = self.effective_grantees(role);
        if self.reads_everything(role, &grantees) {
            return true;
        }
        let g = &self.grants;
        grantees.iter().any(|grantee| {
            let key = (table.clone(), grantee.clone());
            if g.table_select.contains(&key) {
                return true;
            }
            if g.table_revoked.contains(&key) {
                return false;
            }
            g.schema_select
                .contains(&(table.schema.clone(), grantee.clone()))
                || g.default_select
                    .contains(&(Some(table.schema.clone()), grantee.clone()))
                || g.default_select.contains(&(None, grantee.clone()))
        })
    }

    /// Whether `role` has USAGE on `schema` by the final grants (`public`
    /// has it for PUBLIC unless revoked in the model).
    pub fn has_usage(&self, role: &str, schema: &str) -> bool {
        let grantees = self.effective_grantees(role);
        if self.reads_everything(role, &grantees) {
            return true;
        }
        let g = &self.grants;
        if schema == "public" && !g.public_usage_revoked {
            return true;
        }
        if let Some(owner) = g.schema_owner.get(schema) {
            if grantees.contains(&Grantee::Role(owner.clone())) {
                return true;
            }
        }
        grantees.iter().any(|grantee| {
            g.schema_usage
                .contains(&(schema.to_string(), grantee.clone()))
        })
    }

    // -- final state ---------------------------------------------------------

    fn finish(&mut self) {
        // Partition tree of the live tables.
        for (id, table) in self.tables.iter().enumerate() {
            if !table.live {
                continue;
            }
            if let Some(parent) = table.parent {
                if self.tables[parent].live {
                    self.children.entry(parent).or_default().push(id);
                }
            }
        }
        // Listed tables: follow the table they named, else the final table
        // of that name, else a table known only by the listing.
        let mut names: Vec<String> = self.publications.keys().cloned().collect();
        names.sort();
        for name in &names {
            let mut publication = self.publications.remove(name).expect("listed");
            for listed in &mut publication.tables {
                let id = match listed.id {
                    Some(id) if self.tables[id].live => id,
                    _ => match self.live(&listed.name) {
                        Some(id) => id,
                        None => {
                            let id = self.tables.len();
                            let mut table = PgTable::new(listed.name.clone());
                            table.listed_only = true;
                            self.tables.push(table);
                            self.live_tables.insert(listed.name.clone(), id);
                            id
                        }
                    },
                };
                listed.id = Some(id);
            }
            self.publications.insert(name.clone(), publication);
        }
        // Known tables per schema, creation order.
        let mut by_schema: HashMap<&str, Vec<TableId>> = HashMap::new();
        let mut all_known: Vec<TableId> = Vec::new();
        for (id, table) in self.tables.iter().enumerate() {
            if table.live && !table.listed_only {
                by_schema.entry(&table.name.schema).or_default().push(id);
                all_known.push(id);
            }
        }
        let mut computed: Vec<(String, Vec<TableId>, Vec<TableId>)> = Vec::new();
        for name in &names {
            let publication = &self.publications[name];
            let mut roots: Vec<TableId> = Vec::new();
            if publication.all_tables.is_some() {
                roots.extend(&all_known);
            } else {
                roots.extend(publication.tables.iter().filter_map(|t| t.id));
                for schema in &publication.schemas {
                    if let Some(ids) = by_schema.get(schema.name.as_str()) {
                        roots.extend(ids);
                    }
                }
            }
            let mut members = Vec::new();
            let mut opaque = Vec::new();
            let mut seen = HashSet::new();
            for root in roots {
                self.leaves(root, &mut members, &mut opaque, &mut seen);
            }
            computed.push((name.clone(), members, opaque));
        }
        for (name, members, opaque) in computed {
            let mut member_names: HashMap<String, Vec<TableId>> = HashMap::new();
            for &id in &members {
                member_names
                    .entry(self.tables[id].name.name.clone())
                    .or_default()
                    .push(id);
            }
            let publication = self.publications.get_mut(&name).expect("computed");
            publication.members = members;
            publication.member_names = member_names;
            publication.opaque_partitioned = opaque;
        }
    }

    /// The leaves a table stands for (itself unless partitioned).
    fn leaves(
        &self,
        id: TableId,
        out: &mut Vec<TableId>,
        opaque: &mut Vec<TableId>,
        seen: &mut HashSet<TableId>,
    ) {
        let mut stack = vec![id];
        while let Some(id) = stack.pop() {
            if !seen.insert(id) {
                continue;
            }
            match self.children.get(&id) {
                Some(children) if !children.is_empty() => {
                    stack.extend(children.iter().rev());
                }
                _ if self.tables[id].partitioned => opaque.push(id),
                _ => out.push(id),
            }
        }
    }

    /// Known leaf partitions of a table (the table itself when it has none).
    pub fn leaves_of(&self, id: TableId) -> Vec<TableId> {
        let mut out = Vec::new();
        let mut opaque = Vec::new();
        self.leaves(id, &mut out, &mut opaque, &mut HashSet::new());
        out
    }

    /// The live table of a name.
    pub fn table(&self, name: &TableName) -> Option<TableId> {
        self.live(name)
    }

    /// Resolve a source's reference (`table`, `schema.table`,
    /// `database.schema.table`, folded) against the members of `p`
    /// (rules.md §5.4 "Ingested set").
    pub fn resolve_reference(
        &self,
        publication: &Publication,
        parts: &[String],
        database: Option<&str>,
    ) -> Resolution {
        let n = parts.len();
        if n == 0 {
            return Resolution::Unchecked;
        }
        let name = &parts[n - 1];
        let schema = (n >= 2).then(|| parts[n - 2].as_str());
        let db_mismatch = match (n >= 3, database) {
            (true, Some(db)) => parts[n - 3] != db,
            _ => false,
        };
        let matches: Vec<TableId> = if db_mismatch {
            Vec::new()
        } else {
            publication
                .members_named(name)
                .iter()
                .copied()
                .filter(|&id| schema.is_none_or(|s| self.tables[id].name.schema == s))
                .collect()
        };
        match matches.len() {
            0 => {
                let assumed = publication.publishes_all_tables()
                    || match schema {
                        Some(s) => publication.lists_schema(s),
                        None => !publication.schemas.is_empty(),
                    }
                    || publication
                        .opaque_partitioned
                        .iter()
                        .any(|&p| schema.is_none_or(|s| self.tables[p].name.schema == s));
                if assumed {
                    Resolution::AssumedPresent
                } else {
                    Resolution::Missing
                }
            }
            1 => Resolution::Member(matches[0]),
            _ => Resolution::Ambiguous(matches),
        }
    }
}

// ---------------------------------------------------------------------------
// Types (MZ410)

/// Whether Materialize ingests a column type natively.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TypeSupport {
    Supported,
    Unsupported {
        /// The type as mzlint names it: `order_status`, `money[]`, `"char"`.
        display: String,
        /// What it is, when the model knows: `an enum`, `a domain over money`.
        kind: Option<String>,
    },
}

/// The types Materialize ingests natively (after aliases), rules.md MZ410.
const SUPPORTED_TYPES: &[&str] = &[
    "bool",
    "bpchar",
    "bytea",
    "char",
    "date",
    "daterange",
    "float4",
    "float8",
    "int2",
    "int2vector",
    "int4",
    "int4range",
    "int8",
    "int8range",
    "interval",
    "json",
    "jsonb",
    "numeric",
    "numrange",
    "oid",
    "text",
    "time",
    "timestamp",
    "timestamptz",
    "tsrange",
    "tstzrange",
    "uuid",
    "varchar",
];

/// A built-in type name (normalised words) → its canonical name.
fn builtin_type(ty: &up::TypeName) -> Option<&'static str> {
    if ty.quoted {
        // Quoting keeps the case; only `"char"` differs from its bare form.
        return match ty.normalized.as_str() {
            "char" => Some("char"),
            other => SUPPORTED_TYPES.iter().copied().find(|t| *t == other),
        };
    }
    Some(match ty.normalized.as_str() {
        "bool" | "boolean" => "bool",
        "int2" | "smallint" | "smallserial" | "serial2" => "int2",
        "int4" | "int" | "integer" | "serial" | "serial4" => "int4",
        "int8" | "bigint" | "bigserial" | "serial8" => "int8",
        "float4" | "real" => "float4",
        "float8" | "double precision" => "float8",
        "float" => match ty.modifiers.first().map(|m| m.text.trim().parse::<u32>()) {
            None => "float8",
            Some(Ok(1..=24)) => "float4",
            Some(Ok(25..=53)) => "float8",
            Some(_) => return None,
        },
        "numeric" | "decimal" | "dec" => "numeric",
        "varchar"
        | "character varying"
        | "char varying"
        | "national character varying"
        | "national char varying"
        | "nchar varying" => "varchar",
        "bpchar" | "character" | "char" | "national character" | "national char" | "nchar" => {
            "bpchar"
        }
        "timestamp" | "timestamp without time zone" => "timestamp",
        "timestamptz" | "timestamp with time zone" => "timestamptz",
        "time" | "time without time zone" => "time",
        "timetz" | "time with time zone" => "timetz",
        other => SUPPORTED_TYPES.iter().copied().find(|t| *t == other)?,
    })
}

/// How mzlint writes a type in messages.
pub fn type_display(ty: &up::TypeName) -> String {
    let mut out = String::new();
    if let Some(schema) = &ty.schema {
        if schema.value != "pg_catalog" {
            out.push_str(&schema.value);
            out.push('.');
        }
    }
    if ty.quoted {
        out.push_str(&format!("\"{}\"", ty.normalized));
    } else {
        out.push_str(&ty.normalized);
    }
    for _ in &ty.array_bounds {
        out.push_str("[]");
    }
    out
}

impl PgModel {
    /// A user type by the name a column writes, searched in its schema (or
    /// the column's search-path schema, then `public`, then any schema with
    /// a unique type of that name).
    fn user_type(&self, ty: &up::TypeName, type_schema: &str) -> Option<&UserType> {
        let name = ty.normalized.clone();
        if let Some(schema) = &ty.schema {
            return self.types.get(&TableName {
                schema: schema.value.clone(),
                name,
            });
        }
        for schema in [type_schema, "public"] {
            if let Some(found) = self.types.get(&TableName {
                schema: schema.to_string(),
                name: name.clone(),
            }) {
                return Some(found);
            }
        }
        match self.type_schemas.get(&name).map(Vec::as_slice) {
            Some([schema]) => self.types.get(&TableName {
                schema: schema.clone(),
                name,
            }),
            _ => None,
        }
    }

    /// Whether Materialize ingests a column of type `ty` natively (rules.md
    /// MZ410: aliases, modifiers and a `pg_catalog.` prefix ignored, arrays
    /// of supported types supported, domains resolved to their base type).
    pub fn type_support(&self, ty: &up::TypeName, type_schema: &str) -> TypeSupport {
        self.type_support_depth(ty, type_schema, 0)
    }

    fn type_support_depth(
        &self,
        ty: &up::TypeName,
        type_schema: &str,
        depth: usize,
    ) -> TypeSupport {
        let display = type_display(ty);
        let catalog = ty.schema.as_ref().is_none_or(|s| s.value == "pg_catalog");
        if catalog {
            if let Some(builtin) = builtin_type(ty) {
                return if SUPPORTED_TYPES.contains(&builtin) {
                    TypeSupport::Supported
                } else {
                    TypeSupport::Unsupported {
                        display,
                        kind: None,
                    }
                };
            }
        }
        let kind = match self.user_type(ty, type_schema) {
            Some(UserType::Enum) => Some("an enum".to_string()),
            Some(UserType::Composite(_)) => Some("a composite type".to_string()),
            Some(UserType::Range) => Some("a range type".to_string()),
            Some(UserType::Base) => Some("a user-defined base type".to_string()),
            Some(UserType::Domain { base, type_schema }) if depth < 8 => {
                match self.type_support_depth(base, type_schema, depth + 1) {
                    TypeSupport::Supported => return TypeSupport::Supported,
                    TypeSupport::Unsupported { display: inner, .. } => {
                        Some(format!("a domain over {inner}"))
                    }
                }
            }
            Some(UserType::Domain { .. }) | None => None,
        };
        TypeSupport::Unsupported { display, kind }
    }
}

/// True when `privileges` grant `kind` on the whole object (not columns).
fn whole(privileges: &up::Privileges, kind: up::PrivilegeKind) -> bool {
    match privileges {
        up::Privileges::All { columns, .. } => columns.is_none(),
        up::Privileges::List(list) => list.iter().any(|p| p.kind == kind && p.columns.is_none()),
    }
}

// ---------------------------------------------------------------------------
// MySQL

#[derive(Clone, Debug)]
pub struct MySqlTable {
    /// As written; `None` when no `USE` or qualifier gave it.
    pub schema: Option<String>,
    pub name: String,
    pub columns: Vec<Column>,
    pub create: Site,
    pub live: bool,
}

impl MySqlTable {
    /// `shop.orders` (or `orders` when the schema is unknown).
    pub fn display(&self) -> String {
        match &self.schema {
            Some(schema) => format!("{schema}.{}", self.name),
            None => self.name.clone(),
        }
    }
}

/// The MySQL model: tables and columns. Names compare ignoring case.
#[derive(Debug, Default)]
pub struct MySqlModel {
    pub tables: Vec<MySqlTable>,
    /// `(schema, name)` lower case → table; schema `None` when unknown.
    live: HashMap<(Option<String>, String), TableId>,
}

fn lower(s: &str) -> String {
    s.to_lowercase()
}

impl MySqlModel {
    fn add_file(&mut self, file: &SourceFile) {
        let mut database: Option<String> = None;
        for (index, statement) in file.parsed.statements.iter().enumerate() {
            let StatementKind::Upstream(statement) = &statement.kind else {
                continue;
            };
            let location = Location {
                file: file.id,
                statement: index,
            };
            self.add_statement(statement, location, &mut database);
        }
    }

    fn key(name: &up::QualifiedName, database: &Option<String>) -> (Option<String>, String) {
        let n = name.parts.len();
        let schema = if n >= 2 {
            Some(name.parts[n - 2].value.clone())
        } else {
            database.clone()
        };
        (schema, name.parts[n - 1].value.clone())
    }

    fn lookup_key(schema: &Option<String>, name: &str) -> (Option<String>, String) {
        (schema.as_deref().map(lower), lower(name))
    }

    fn add_statement(
        &mut self,
        statement: &up::UpstreamStatement,
        location: Location,
        database: &mut Option<String>,
    ) {
        use up::UpstreamKind as K;
        match &statement.kind {
            K::Use(u) => *database = Some(u.database.value.clone()),
            K::CreateTable(t) => {
                if t.temporary {
                    return;
                }
                let (schema, name) = Self::key(&t.name, database);
                let key = Self::lookup_key(&schema, &name);
                if self.live.contains_key(&key) {
                    return;
                }
                let columns = t
                    .columns
                    .iter()
                    .map(|c| Column {
                        name: c.name.value.clone(),
                        data_type: c.data_type.clone(),
                        site: Site {
                            location,
                            span: c.span,
                        },
                        type_schema: String::new(),
                    })
                    .collect();
                self.live.insert(key, self.tables.len());
                self.tables.push(MySqlTable {
                    schema,
                    name,
                    columns,
                    create: Site {
                        location,
                        span: t.name.span,
                    },
                    live: true,
                });
            }
            K::DropTable(d) => {
                for name in &d.names {
                    let (schema, name) = Self::key(name, database);
                    if let Some(id) = self.live.remove(&Self::lookup_key(&schema, &name)) {
                        self.tables[id].live = false;
                    }
                }
            }
            K::AlterTable(a) => {
                let (schema, name) = Self::key(&a.name, database);
                let Some(&id) = self.live.get(&Self::lookup_key(&schema, &name)) else {
                    return;
                };
                self.alter(id, a, location, database);
            }
            _ => {}
        }
    }

    fn alter(
        &mut self,
        id: TableId,
        a: &up::AlterTable,
        location: Location,
        database: &Option<String>,
    ) {
        use up::AlterTableActionKind as A;
        let column = |c: &up::ColumnDef| Column {
            name: c.name.value.clone(),
            data_type: c.data_type.clone(),
            site: Site {
                location,
                span: c.span,
            },
            type_schema: String::new(),
        };
        for action in &a.actions {
            let columns = &mut self.tables[id].columns;
            let find = |columns: &mut Vec<Column>, name: &str| {
                columns
                    .iter()
                    .position(|c| c.name.eq_ignore_ascii_case(name))
            };
            match &action.kind {
                A::AddColumn { column: c, .. } if find(columns, &c.name.value).is_none() => {
                    columns.push(column(c));
                }
                A::DropColumn { column: c, .. } => {
                    if let Some(i) = find(columns, &c.value) {
                        columns.remove(i);
                    }
                }
                A::RenameColumn { old, new } => {
                    if let Some(i) = find(columns, &old.value) {
                        columns[i].name = new.value.clone();
                    }
                }
                A::ChangeColumn { old, column: c } => {
                    if let Some(i) = find(columns, &old.value) {
                        columns[i] = column(c);
                    }
                }
                A::ModifyColumn { column: c } => {
                    if let Some(i) = find(columns, &c.name.value) {
                        columns[i] = column(c);
                    }
                }
                A::AlterColumnType {
                    column: c,
                    data_type,
                } => {
                    if let Some(i) = find(columns, &c.value) {
                        columns[i].data_type = Some(data_type.clone());
                    }
                }
                A::RenameTable { new_name } => {
                    let (schema, name) = Self::key(new_name, database);
                    let schema = if new_name.parts.len() >= 2 {
                        schema
                    } else {
                        self.tables[id].schema.clone()
                    };
                    let old = Self::lookup_key(&self.tables[id].schema, &self.tables[id].name);
                    self.live.remove(&old);
                    self.live.insert(Self::lookup_key(&schema, &name), id);
                    self.tables[id].schema = schema;
                    self.tables[id].name = name;
                }
                _ => {}
            }
        }
    }

    fn finish(&mut self) {}

    /// The live table `schema.name` (ignoring case).
    pub fn table(&self, schema: &str, name: &str) -> Option<TableId> {
        self.live.get(&(Some(lower(schema)), lower(name))).copied()
    }

    /// The schemas (as written upstream) of every table named `name`
    /// (ignoring case) whose schema is known — MZ111's fix prefixes the
    /// schema when there is exactly one.
    pub fn schemas_of_table(&self, name: &str) -> Vec<String> {
        let mut out: Vec<String> = self
            .tables
            .iter()
            .filter(|t| t.live && t.name.eq_ignore_ascii_case(name))
            .filter_map(|t| t.schema.clone())
            .collect();
        out.sort();
        out.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
        out
    }

    /// Live tables with a known schema, creation order.
    fn known(&self) -> impl Iterator<Item = TableId> + '_ {
        self.tables
            .iter()
            .enumerate()
            .filter(|(_, t)| t.live && t.schema.is_some())
            .map(|(i, _)| i)
    }
}

// ---------------------------------------------------------------------------
// Sources

/// How a reference resolved against the publication's members.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// Not resolved: the source is not covered (or a MySQL table the model
    /// does not hold).
    Unchecked,
    Member(TableId),
    /// Several members match (MZ407).
    Ambiguous(Vec<TableId>),
    /// No member matches, but the publication may hold it (ALL TABLES, a
    /// listed schema): no finding, nothing ingested.
    AssumedPresent,
    /// No member matches (MZ401).
    Missing,
}

/// Which statement asked for tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClauseOrigin {
    /// `CREATE SOURCE … FOR …`.
    CreateSource,
    /// `ALTER SOURCE … ADD SUBSOURCE|TABLE …`.
    AlterAdd,
    /// `CREATE TABLE … FROM SOURCE … (REFERENCE …)`.
    TableFromSource,
}

/// One reference: a FOR TABLES / ADD entry or a REFERENCE.
#[derive(Clone, Debug)]
pub struct RefEntry {
    /// The entry, alias included.
    pub span: Span,
    /// The upstream name.
    pub name_span: Span,
    /// Folded parts.
    pub parts: Vec<String>,
    pub resolution: Resolution,
}

impl RefEntry {
    /// The reference as written, folded (`public.orders`).
    pub fn written(&self) -> String {
        self.parts.join(".")
    }
}

#[derive(Clone, Debug)]
pub struct SchemaEntry {
    pub name: String,
    pub span: Span,
    /// Listed in the publication, or holding a member.
    pub found: bool,
}

#[derive(Clone, Debug)]
pub enum ClauseScope {
    /// `FOR ALL TABLES`.
    All,
    Schemas(Vec<SchemaEntry>),
    Refs(Vec<RefEntry>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnOption {
    Text,
    Exclude,
}

/// Which table a TEXT / EXCLUDE COLUMNS entry names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntryTarget {
    Unchecked,
    Table(TableId),
    /// The statement does not add that table (MZ110).
    Dangling,
    Ambiguous,
}

#[derive(Clone, Debug)]
pub struct ColumnEntry {
    pub option: ColumnOption,
    /// The whole entry.
    pub span: Span,
    /// The span of its last part (the column).
    pub column_span: Span,
    pub parts: Vec<String>,
    pub target: EntryTarget,
}

impl ColumnEntry {
    pub fn column(&self) -> &str {
        self.parts.last().map(String::as_str).unwrap_or("")
    }
}

/// A statement's request for tables of a source.
#[derive(Clone, Debug)]
pub struct IngestClause {
    pub origin: ClauseOrigin,
    pub location: Location,
    /// The FOR clause, the ADD action, or the REFERENCE name.
    pub span: Span,
    pub scope: ClauseScope,
    pub columns: Vec<ColumnEntry>,
}

/// One table of `I(S)` and the request that ingests it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ingested {
    pub table: TableId,
    pub clause: usize,
    /// The reference in a `Refs` clause; `None` for FOR ALL TABLES / FOR
    /// SCHEMAS.
    pub entry: Option<usize>,
}

/// The PUBLICATION of a Postgres source.
#[derive(Clone, Debug)]
pub struct PublicationValue {
    /// The string as written, an identifier folded.
    pub value: String,
    pub span: Span,
    pub placeholder: bool,
}

/// The USER of a source's connection, when a literal or identifier.
#[derive(Clone, Debug)]
pub struct ConnectionUser {
    pub role: String,
    /// The connection's name as written in its `CREATE CONNECTION`.
    pub connection: String,
    /// The USER value (in the CREATE or ALTER CONNECTION that set it).
    pub site: Site,
}

/// A Postgres or MySQL source and what it ingests.
#[derive(Clone, Debug)]
pub struct IngestSource {
    pub kind: SourceKind,
    pub location: Location,
    /// The name as written.
    pub name: String,
    pub name_span: Span,
    pub publication: Option<PublicationValue>,
    /// Postgres: the PostgreSQL model has a publication named exactly
    /// PUBLICATION's value. Always false for MySQL.
    pub covered: bool,
    /// The connection's DATABASE, when known.
    pub database: Option<String>,
    pub user: Option<ConnectionUser>,
    pub clauses: Vec<IngestClause>,
    /// `I(S)` (covered Postgres sources; MySQL sources: tables the MySQL
    /// model holds), one entry per request.
    pub ingested: Vec<Ingested>,
}

impl IngestSource {
    /// Distinct tables of `I(S)`, first-request order.
    pub fn ingested_tables(&self) -> Vec<TableId> {
        let mut seen = HashSet::new();
        self.ingested
            .iter()
            .filter(|i| seen.insert(i.table))
            .map(|i| i.table)
            .collect()
    }

    /// Where a finding about an ingested table is reported: its reference,
    /// or the FOR clause.
    pub fn report_span(&self, ingested: &Ingested) -> (Location, Span) {
        let clause = &self.clauses[ingested.clause];
        match (ingested.entry, &clause.scope) {
            (Some(e), ClauseScope::Refs(refs)) => (clause.location, refs[e].name_span),
            _ => (clause.location, clause.span),
        }
    }
}

/// The text of a value used as a name or string (`'x'`, `x`).
fn value_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.value.clone()),
        Value::Ident(i) => Some(i.value.clone()),
        Value::Name(n) if n.parts.len() == 1 => Some(n.parts[0].value.clone()),
        _ => None,
    }
}

impl UpstreamModel {
    fn analyse_sources(&mut self, files: &[SourceFile], settings: &[&Settings], project: &Project) {
        // Pass 1: CREATE SOURCE.
        for file in files {
            if file.kind.is_upstream() || file.load_error.is_some() {
                continue;
            }
            let settings = settings[file.id.0 as usize];
            for (index, statement) in file.parsed.statements.iter().enumerate() {
                let StatementKind::CreateSource(create) = &statement.kind else {
                    continue;
                };
                let SourceBody::Connection(connection) = &create.body else {
                    continue;
                };
                if !matches!(connection.kind, SourceKind::Postgres | SourceKind::MySql) {
                    continue;
                }
                let location = Location {
                    file: file.id,
                    statement: index,
                };
                let source =
                    self.new_source(files, file, settings, project, location, create, connection);
                self.source_by_location.insert(location, self.sources.len());
                self.sources.push(source);
            }
        }
        // Pass 2: ALTER SOURCE … ADD and CREATE TABLE … FROM SOURCE.
        for file in files {
            if file.kind.is_upstream() || file.load_error.is_some() {
                continue;
            }
            for (index, statement) in file.parsed.statements.iter().enumerate() {
                let location = Location {
                    file: file.id,
                    statement: index,
                };
                match &statement.kind {
                    StatementKind::AlterSource(alter) => {
                        let mz::AlterSourceAction::AddSubsources { refs, with_options } =
                            &alter.action
                        else {
                            continue;
                        };
                        let Some(i) = self.source_for(project, location, &alter.name) else {
                            continue;
                        };
                        let clause = IngestClause {
                            origin: ClauseOrigin::AlterAdd,
                            location,
                            span: alter.action_span,
                            scope: ClauseScope::Refs(refs.iter().map(ref_entry).collect()),
                            columns: column_entries(
                                with_options.as_ref(),
                                OptionContext::AddSubsourceWith,
                            ),
                        };
                        self.sources[i].clauses.push(clause);
                    }
                    StatementKind::CreateTableFromSource(table) => {
                        let Some((_, reference)) = &table.reference else {
                            continue;
                        };
                        let Some(i) = self.source_for(project, location, &table.source) else {
                            continue;
                        };
                        let entry = RefEntry {
                            span: reference.span,
                            name_span: reference.span,
                            parts: reference.parts.iter().map(|p| p.value.clone()).collect(),
                            resolution: Resolution::Unchecked,
                        };
                        let clause = IngestClause {
                            origin: ClauseOrigin::TableFromSource,
                            location,
                            span: reference.span,
                            scope: ClauseScope::Refs(vec![entry]),
                            columns: column_entries(
                                table.with_options.as_ref(),
                                OptionContext::TableFromSourceWith,
                            ),
                        };
                        self.sources[i].clauses.push(clause);
                    }
                    _ => {}
                }
            }
        }
        // Pass 3: resolve against the models.
        let mut sources = std::mem::take(&mut self.sources);
        for source in &mut sources {
            match source.kind {
                SourceKind::Postgres => self.resolve_pg(source),
                SourceKind::MySql => self.resolve_mysql(source),
                _ => {}
            }
        }
        self.sources = sources;
    }

    /// The index of the source a statement at `location` names.
    fn source_for(
        &self,
        project: &Project,
        location: Location,
        name: &mz::ItemName,
    ) -> Option<usize> {
        let definition = project.lookup_item(location, name)?;
        if !matches!(definition.kind, DefKind::Source(_)) {
            return None;
        }
        self.source_by_location.get(&definition.location).copied()
    }

    #[allow(clippy::too_many_arguments)]
    fn new_source(
        &self,
        files: &[SourceFile],
        file: &SourceFile,
        settings: &Settings,
        project: &Project,
        location: Location,
        create: &mz::CreateSource,
        connection: &mz::SourceConnection,
    ) -> IngestSource {
        let kind = connection.kind;
        let mut publication = None;
        if kind == SourceKind::Postgres {
            let option = connection
                .options
                .iter()
                .flat_map(|l| &l.options)
                .find(|o| {
                    options::effective_option_name(&o.name, OptionContext::Source(kind))
                        == Some(OptionName::Publication)
                });
            if let Some(option) = option {
                publication = match &option.value {
                    Some(Value::Placeholder(span)) => Some(PublicationValue {
                        value: String::new(),
                        span: *span,
                        placeholder: true,
                    }),
                    Some(value) => value_text(value).map(|text| PublicationValue {
                        placeholder: settings.security.is_placeholder(&text),
                        value: text,
                        span: value.span(),
                    }),
                    None => None,
                };
            }
        }
        let covered = kind == SourceKind::Postgres
            && publication
                .as_ref()
                .is_some_and(|p| !p.placeholder && self.pg.publication(&p.value).is_some());
        let (database, user) = match &connection.connection {
            Some(name) => connection_facts(files, project, location, name, settings),
            None => (None, None),
        };
        let mut clauses = Vec::new();
        if let Some(refs) = &connection.external_refs {
            let scope = match &refs.kind {
                mz::ExternalRefsKind::All => ClauseScope::All,
                mz::ExternalRefsKind::Schemas(schemas) => ClauseScope::Schemas(
                    schemas
                        .iter()
                        .map(|s| SchemaEntry {
                            name: s.value.clone(),
                            span: s.span,
                            found: false,
                        })
                        .collect(),
                ),
                mz::ExternalRefsKind::Tables(entries) => {
                    ClauseScope::Refs(entries.iter().map(ref_entry).collect())
                }
            };
            clauses.push(IngestClause {
                origin: ClauseOrigin::CreateSource,
                location,
                span: refs.span,
                scope,
                columns: column_entries(connection.options.as_ref(), OptionContext::Source(kind)),
            });
        }
        IngestSource {
            kind,
            location,
            name: file
                .text
                .get(create.name.span.range())
                .unwrap_or_default()
                .to_string(),
            name_span: create.name.span,
            publication,
            covered,
            database,
            user,
            clauses,
            ingested: Vec::new(),
        }
    }

    fn resolve_pg(&self, source: &mut IngestSource) {
        if !source.covered {
            return;
        }
        let Some(publication) = self
            .pg
            .publication(&source.publication.as_ref().expect("covered").value)
        else {
            return;
        };
        let pg = &self.pg;
        let database = source.database.clone();
        let mut ingested = Vec::new();
        for (c, clause) in source.clauses.iter_mut().enumerate() {
            let start = ingested.len();
            match &mut clause.scope {
                ClauseScope::All => {
                    ingested.extend(publication.members.iter().map(|&table| Ingested {
                        table,
                        clause: c,
                        entry: None,
                    }));
                }
                ClauseScope::Schemas(schemas) => {
                    for schema in schemas.iter_mut() {
                        let before = ingested.len();
                        ingested.extend(
                            publication
                                .members
                                .iter()
                                .filter(|&&t| pg.tables[t].name.schema == schema.name)
                                .map(|&table| Ingested {
                                    table,
                                    clause: c,
                                    entry: None,
                                }),
                        );
                        schema.found = ingested.len() > before
                            || publication.lists_schema(&schema.name)
                            || publication.publishes_all_tables();
                    }
                }
                ClauseScope::Refs(refs) => {
                    for (e, entry) in refs.iter_mut().enumerate() {
                        entry.resolution =
                            pg.resolve_reference(publication, &entry.parts, database.as_deref());
                        if let Resolution::Member(table) = entry.resolution {
                            ingested.push(Ingested {
                                table,
                                clause: c,
                                entry: Some(e),
                            });
                        }
                    }
                }
            }
            let added: Vec<TableId> = ingested[start..].iter().map(|i| i.table).collect();
            let all = matches!(clause.scope, ClauseScope::All);
            let single = match &clause.scope {
                ClauseScope::Refs(refs) if clause.origin == ClauseOrigin::TableFromSource => {
                    Some(refs[0].resolution.clone())
                }
                _ => None,
            };
            for entry in &mut clause.columns {
                entry.target = match &single {
                    Some(Resolution::Member(t)) if entry.parts.len() == 1 => EntryTarget::Table(*t),
                    Some(_) => EntryTarget::Unchecked,
                    None => {
                        if entry.parts.len() < 2 {
                            EntryTarget::Unchecked
                        } else {
                            let table_parts = &entry.parts[..entry.parts.len() - 1];
                            let matches: Vec<TableId> = added
                                .iter()
                                .copied()
                                .filter(|&t| {
                                    trailing_match(
                                        &pg.tables[t].name,
                                        table_parts,
                                        database.as_deref(),
                                    )
                                })
                                .collect::<BTreeSet<_>>()
                                .into_iter()
                                .collect();
                            match matches.len() {
                                1 => EntryTarget::Table(matches[0]),
                                0 if all => EntryTarget::Unchecked,
                                0 => EntryTarget::Dangling,
                                _ => EntryTarget::Ambiguous,
                            }
                        }
                    }
                };
            }
        }
        source.ingested = ingested;
    }

    fn resolve_mysql(&self, source: &mut IngestSource) {
        let my = &self.mysql;
        let mut ingested = Vec::new();
        for (c, clause) in source.clauses.iter_mut().enumerate() {
            let start = ingested.len();
            match &mut clause.scope {
                ClauseScope::All => ingested.extend(my.known().map(|table| Ingested {
                    table,
                    clause: c,
                    entry: None,
                })),
                ClauseScope::Schemas(schemas) => {
                    for schema in schemas.iter_mut() {
                        ingested.extend(
                            my.known()
                                .filter(|&t| {
                                    my.tables[t]
                                        .schema
                                        .as_deref()
                                        .is_some_and(|s| s.eq_ignore_ascii_case(&schema.name))
                                })
                                .map(|table| Ingested {
                                    table,
                                    clause: c,
                                    entry: None,
                                }),
                        );
                        schema.found = true;
                    }
                }
                ClauseScope::Refs(refs) => {
                    for (e, entry) in refs.iter_mut().enumerate() {
                        let n = entry.parts.len();
                        if n >= 2 {
                            if let Some(table) = my.table(&entry.parts[n - 2], &entry.parts[n - 1])
                            {
                                entry.resolution = Resolution::Member(table);
                                ingested.push(Ingested {
                                    table,
                                    clause: c,
                                    entry: Some(e),
                                });
                            }
                        }
                    }
                }
            }
            let added: Vec<TableId> = ingested[start..].iter().map(|i| i.table).collect();
            let single = match &clause.scope {
                ClauseScope::Refs(refs) if clause.origin == ClauseOrigin::TableFromSource => {
                    Some(refs[0].resolution.clone())
                }
                _ => None,
            };
            for entry in &mut clause.columns {
                entry.target = match &single {
                    Some(Resolution::Member(t)) if entry.parts.len() == 1 => EntryTarget::Table(*t),
                    Some(_) => EntryTarget::Unchecked,
                    None if entry.parts.len() >= 3 => {
                        let n = entry.parts.len();
                        let (schema, table) = (&entry.parts[n - 3], &entry.parts[n - 2]);
                        match my.table(schema, table) {
                            Some(t) if added.contains(&t) => EntryTarget::Table(t),
                            Some(_) => EntryTarget::Dangling,
                            None => EntryTarget::Unchecked,
                        }
                    }
                    None => EntryTarget::Unchecked,
                };
            }
        }
        source.ingested = ingested;
    }
}

/// Whether a table's name ends with `parts` (`table`, `schema.table`,
/// `database.schema.table`).
fn trailing_match(name: &TableName, parts: &[String], database: Option<&str>) -> bool {
    let n = parts.len();
    if n == 0 || parts[n - 1] != name.name {
        return false;
    }
    if n >= 2 && parts[n - 2] != name.schema {
        return false;
    }
    if n >= 3 {
        if let Some(db) = database {
            return parts[n - 3] == db;
        }
    }
    true
}

fn ref_entry(r: &mz::ExternalRef) -> RefEntry {
    RefEntry {
        span: r.span,
        name_span: r.upstream.span,
        parts: r.upstream.parts.iter().map(|p| p.value.clone()).collect(),
        resolution: Resolution::Unchecked,
    }
}

/// TEXT / EXCLUDE COLUMNS entries of an option list.
fn column_entries(list: Option<&mz::OptionList>, context: OptionContext) -> Vec<ColumnEntry> {
    let Some(list) = list else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for option in &list.options {
        let option_kind = match options::effective_option_name(&option.name, context) {
            Some(OptionName::TextColumns) => ColumnOption::Text,
            Some(OptionName::ExcludeColumns) => ColumnOption::Exclude,
            _ => continue,
        };
        let Some(Value::List { items, .. }) = &option.value else {
            continue;
        };
        for item in items {
            let (span, parts, column_span) = match item {
                Value::Name(name) if !name.is_placeholder() => (
                    name.span,
                    name.parts
                        .iter()
                        .map(|p| p.value.clone())
                        .collect::<Vec<_>>(),
                    name.last().span,
                ),
                Value::Ident(ident) if !ident.is_placeholder() => {
                    (ident.span, vec![ident.value.clone()], ident.span)
                }
                _ => continue,
            };
            out.push(ColumnEntry {
                option: option_kind,
                span,
                column_span,
                parts,
                target: EntryTarget::Unchecked,
            });
        }
    }
    out
}

/// The connection's DATABASE and literal USER, from its effective
/// definition at the source.
fn connection_facts(
    files: &[SourceFile],
    project: &Project,
    location: Location,
    name: &mz::ItemName,
    settings: &Settings,
) -> (Option<String>, Option<ConnectionUser>) {
    let Some(effective) = semantic::effective_connection_in(files, project, location, name) else {
        return (None, None);
    };
    let context = OptionContext::Connection(Some(effective.connection_type));
    let find = |wanted: OptionName| {
        effective
            .options
            .iter()
            .rev()
            .copied()
            .find(|o| options::effective_option_name(&o.name, context) == Some(wanted.clone()))
    };
    let text = |option: &mz::SqlOption| {
        let value = option.value.as_ref()?;
        let text = value_text(value)?;
        (!settings.security.is_placeholder(&text)).then_some(text)
    };
    let database = find(OptionName::Database).and_then(text);
    let user = find(OptionName::User).and_then(|option| {
        let role = text(option)?;
        let span = option.value.as_ref()?.span();
        let option_location = option_origin(files, project, &effective, name, option, location);
        let create_file = &files[effective.create_location.file.0 as usize];
        Some(ConnectionUser {
            role,
            connection: create_file
                .text
                .get(effective.create.name.span.range())
                .unwrap_or_default()
                .to_string(),
            site: Site {
                location: option_location,
                span,
            },
        })
    });
    (database, user)
}

/// The statement (CREATE or an ALTER CONNECTION) an effective option comes from.
fn option_origin(
    files: &[SourceFile],
    project: &Project,
    effective: &semantic::EffectiveConnection<'_>,
    name: &mz::ItemName,
    option: &mz::SqlOption,
    until: Location,
) -> Location {
    if effective
        .create
        .options
        .options
        .iter()
        .any(|o| std::ptr::eq(o, option))
    {
        return effective.create_location;
    }
    if let Some(definition) = project.lookup_item(until, name) {
        for alter in project.connection_alters_between(definition, until) {
            let Some(StatementKind::AlterConnection(a)) = files
                .get(alter.file.0 as usize)
                .and_then(|f| f.parsed.statements.get(alter.statement))
                .map(|s| &s.kind)
            else {
                continue;
            };
            if let mz::AlterConnectionAction::Actions { actions, .. } = &a.action {
                if actions.iter().any(|action| {
                    matches!(&action.kind, mz::AlterConnectionItemKind::Set(o) if std::ptr::eq(o, option))
                }) {
                    return alter;
                }
            }
        }
    }
    effective.create_location
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing_support::lint_files_with;

    /// The model of a project (paths starting `upstream/` are upstream).
    fn model(files: &[(&str, &str)]) -> (Vec<SourceFile>, UpstreamModel) {
        let (sources, _) = lint_files_with(files, |_| {});
        let settings = Settings::default();
        let refs: Vec<&Settings> = sources.iter().map(|_| &settings).collect();
        let mut project = Project::build(&sources, &refs);
        let upstream = std::mem::take(&mut project.upstream);
        (sources, upstream)
    }

    fn name(schema: &str, table: &str) -> TableName {
        TableName {
            schema: schema.into(),
            name: table.into(),
        }
    }

    fn column_names(pg: &PgModel, table: &TableName) -> Vec<String> {
        let id = pg.table(table).expect("table");
        pg.columns_of(id)
            .expect("columns")
            .iter()
            .map(|c| c.name.clone())
            .collect()
    }

    #[test]
    fn tables_in_project_order() {
        let (_, m) = model(&[
            (
                "upstream/a.sql",
                "CREATE TABLE orders (id int, note text);\nSET search_path = app, public;\nCREATE TABLE items (id int);",
            ),
            (
                "upstream/b.sql",
                "ALTER TABLE public.orders ADD COLUMN total numeric, DROP COLUMN note, RENAME COLUMN id TO order_id;\n\
                 ALTER TABLE app.items RENAME TO line_items;\nALTER TABLE app.line_items SET SCHEMA sales;\n\
                 ALTER TABLE public.orders ALTER COLUMN total TYPE money;",
            ),
        ]);
        let pg = &m.pg;
        assert_eq!(
            column_names(pg, &name("public", "orders")),
            ["order_id", "total"]
        );
        let orders = pg.table(&name("public", "orders")).unwrap();
        let total = &pg.columns_of(orders).unwrap()[1];
        assert_eq!(total.data_type.as_ref().unwrap().normalized, "money");
        assert!(pg.table(&name("app", "items")).is_none());
        assert!(pg.table(&name("app", "line_items")).is_none());
        assert_eq!(column_names(pg, &name("sales", "line_items")), ["id"]);
        // Search path is per file: b.sql starts again at public.
        assert_eq!(pg.tables[orders].identity, Identity::Default);
    }

    #[test]
    fn replica_identity_and_row_level_security() {
        let (_, m) = model(&[(
            "upstream/a.sql",
            "CREATE TABLE t (id int);\nALTER TABLE t REPLICA IDENTITY FULL;\nALTER TABLE IF EXISTS ONLY t ENABLE ROW LEVEL SECURITY;\n\
             ALTER TABLE elsewhere REPLICA IDENTITY NOTHING;\nALTER TABLE t DISABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;",
        )]);
        let t = &m.pg.tables[m.pg.table(&name("public", "t")).unwrap()];
        assert_eq!(t.identity, Identity::Full);
        assert!(!t.rls_enabled && t.rls_forced && t.row_level_security());
        let elsewhere = &m.pg.tables[m.pg.table(&name("public", "elsewhere")).unwrap()];
        assert_eq!(elsewhere.identity, Identity::Nothing);
        assert!(elsewhere.create.is_none());
    }

    #[test]
    fn partitions_attach_and_detach() {
        let (_, m) = model(&[(
            "upstream/a.sql",
            "CREATE TABLE ev (id int, d date) PARTITION BY RANGE (d);\n\
             CREATE TABLE ev_1 PARTITION OF ev FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');\n\
             CREATE TABLE ev_2 (id int, d date);\nALTER TABLE ev ATTACH PARTITION ev_2 FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');\n\
             CREATE TABLE ev_3 PARTITION OF ev DEFAULT;\nALTER TABLE ev DETACH PARTITION ev_3;\n\
             CREATE TABLE empty_parent (id int) PARTITION BY LIST (id);\n\
             CREATE PUBLICATION p FOR TABLE ev, empty_parent;",
        )]);
        let pg = &m.pg;
        let p = pg.publication("p").unwrap();
        let members: Vec<String> = p
            .members
            .iter()
            .map(|&t| pg.tables[t].name.to_string())
            .collect();
        assert_eq!(members, ["public.ev_1", "public.ev_2"]);
        let ev_1 = pg.table(&name("public", "ev_1")).unwrap();
        assert_eq!(column_names(pg, &name("public", "ev_1")), ["id", "d"]);
        assert_eq!(
            pg.column_owner(ev_1),
            pg.table(&name("public", "ev")).unwrap()
        );
        // A partitioned table with no known leaves: references into it are assumed present.
        assert_eq!(p.opaque_partitioned.len(), 1);
        assert_eq!(
            pg.resolve_reference(p, &["empty_parent_1".into()], None),
            Resolution::AssumedPresent
        );
        assert_eq!(
            pg.resolve_reference(p, &["other".into(), "x".into()], None),
            Resolution::Missing
        );
    }

    #[test]
    fn publications_across_files() {
        let (_, m) = model(&[
            ("upstream/a.sql", "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\nCREATE PUBLICATION p FOR TABLE a WITH (publish = 'insert');"),
            ("upstream/b.sql", "ALTER PUBLICATION p ADD TABLE b, TABLES IN SCHEMA audit;\nALTER PUBLICATION p SET (publish = 'insert, update, delete');\nALTER PUBLICATION p RENAME TO q;"),
            ("upstream/c.sql", "CREATE PUBLICATION q FOR ALL TABLES;\nCREATE PUBLICATION r FOR TABLE a;\nDROP PUBLICATION r;\nCREATE PUBLICATION r FOR TABLE b;"),
            ("zz.sql", "ALTER PUBLICATION unknown ADD TABLE a;"),
        ]);
        let pg = &m.pg;
        assert!(pg.publication("p").is_none());
        assert!(pg.publication("unknown").is_none());
        // q was renamed from p, then created again: the later definition is final.
        let q = pg.publication("q").unwrap();
        assert!(q.publishes_all_tables());
        assert_eq!(pg.redefinitions.len(), 1);
        let (earlier, later) = pg.redefinitions[0];
        assert_eq!(pg.creations[earlier].name, "p");
        assert_eq!(pg.creations[later].name, "q");
        // r: dropped between its two CREATEs, so no redefinition pair.
        let r = pg.publication("r").unwrap();
        assert_eq!(r.tables.len(), 1);
        assert_eq!(r.tables[0].name, name("public", "b"));
        assert_eq!(r.shaped_by.len(), 1);
    }

    #[test]
    fn listed_tables_known_by_name() {
        let (_, m) = model(&[
            (
                "upstream/a.sql",
                "CREATE PUBLICATION p FOR TABLE public.later, public.never;",
            ),
            ("upstream/b.sql", "CREATE TABLE later (id int);"),
        ]);
        let pg = &m.pg;
        let p = pg.publication("p").unwrap();
        let members: Vec<(String, bool)> = p
            .members
            .iter()
            .map(|&t| (pg.tables[t].name.to_string(), pg.tables[t].create.is_some()))
            .collect();
        assert_eq!(
            members,
            [
                ("public.later".to_string(), true),
                ("public.never".to_string(), false)
            ]
        );
    }

    #[test]
    fn roles_membership_and_grants() {
        let (_, m) = model(&[(
            "upstream/roles.sql",
            "CREATE ROLE app NOLOGIN;\nCREATE USER mz IN ROLE app PASSWORD 'x';\nCREATE GROUP ops ROLE app;\n\
             ALTER ROLE mz WITH REPLICATION NOSUPERUSER;\nALTER GROUP auditors ADD USER mz;\n\
             GRANT SELECT ON TABLE public.t TO ops;\nGRANT USAGE ON SCHEMA billing TO auditors;\n\
             REVOKE app FROM mz;\nGRANT app TO mz;\nREVOKE USAGE ON SCHEMA public FROM PUBLIC;\nCREATE SCHEMA sales AUTHORIZATION mz;",
        )]);
        let pg = &m.pg;
        let mz = &pg.roles["mz"];
        assert!(mz.replication && !mz.superuser && mz.create.is_some());
        assert!(pg.is_member_of("mz", &["ops"]));
        assert!(pg.can_select("mz", &name("public", "t")));
        assert!(!pg.can_select("mz", &name("public", "u")));
        assert!(pg.has_usage("mz", "billing"));
        assert!(!pg.has_usage("mz", "public"));
        assert!(pg.has_usage("mz", "sales"));
    }

    #[test]
    fn mysql_tables_and_lookup() {
        let (sources, m) = model(&[
            (
                "upstream/mysql/a.sql",
                "USE shop;\nCREATE TABLE `Orders` (`id` int AUTO_INCREMENT, note text) ENGINE=InnoDB;\nALTER TABLE orders DROP COLUMN note, ADD COLUMN total decimal(10,2);",
            ),
            (
                "upstream/mysql/b.sql",
                "CREATE TABLE archive.orders (id int) ENGINE=InnoDB;\nCREATE TABLE loose (id int) ENGINE=InnoDB;",
            ),
        ]);
        assert!(sources.iter().all(|s| s.kind == FileKind::UpstreamMySql));
        assert_eq!(m.mysql_schemas_of_table("ORDERS"), ["archive", "shop"]);
        assert_eq!(m.mysql_schemas_of_table("loose"), Vec::<String>::new());
        let orders = m.mysql.table("SHOP", "orders").unwrap();
        let columns: Vec<&str> = m.mysql.tables[orders]
            .columns
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        assert_eq!(columns, ["id", "total"]);
        // MySQL tables are not PostgreSQL facts.
        assert!(!m.pg.has_facts);
    }

    #[test]
    fn ingested_sets() {
        let upstream = "CREATE TABLE public.a (id int);\nCREATE TABLE public.b (id int);\nCREATE TABLE audit.a (id int);\n\
                        CREATE PUBLICATION p FOR TABLE public.a, public.b, audit.a;";
        let (_, m) = model(&[
            ("upstream/setup.sql", upstream),
            (
                "src.sql",
                "CREATE SOURCE s IN CLUSTER c FROM POSTGRES CONNECTION pg (PUBLICATION p) FOR SCHEMAS (audit);\n\
                 ALTER SOURCE s ADD SUBSOURCE public.b;\nCREATE TABLE x FROM SOURCE s (REFERENCE a);\n\
                 CREATE SOURCE u IN CLUSTER c FROM POSTGRES CONNECTION pg (PUBLICATION 'P') FOR ALL TABLES;",
            ),
        ]);
        let s = &m.sources[0];
        assert!(s.covered);
        let tables: Vec<String> = s
            .ingested_tables()
            .iter()
            .map(|&t| m.pg.tables[t].name.to_string())
            .collect();
        assert_eq!(tables, ["audit.a", "public.b"]);
        let ClauseScope::Refs(refs) = &s.clauses[2].scope else {
            panic!()
        };
        assert!(matches!(&refs[0].resolution, Resolution::Ambiguous(t) if t.len() == 2));
        // The string 'P' is case-sensitive: not covered.
        assert!(!m.sources[1].covered);
        assert!(m.sources[1].ingested.is_empty());
    }

    /// `cargo test --release -p mzlint_linter upstream_model_build_time -- --ignored --nocapture`
    /// (`MZLINT_UPSTREAM_N` tables and sources, default 1,000).
    #[test]
    #[ignore]
    fn upstream_model_build_time() {
        let n: usize = std::env::var("MZLINT_UPSTREAM_N")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(1000);
        let mut upstream = String::new();
        let mut publication = Vec::new();
        for i in 0..n {
            upstream.push_str(&format!(
                "CREATE TABLE public.t{i} (id bigint PRIMARY KEY, name text, amount numeric(12,2), created_at timestamptz, status text);\n\
                 ALTER TABLE public.t{i} REPLICA IDENTITY FULL;\nGRANT SELECT ON public.t{i} TO mz;\n"
            ));
            publication.push(format!("public.t{i}"));
        }
        upstream.push_str(&format!(
            "CREATE ROLE mz LOGIN REPLICATION;\nCREATE PUBLICATION p FOR TABLE {};\n",
            publication.join(", ")
        ));
        let mut materialize = String::from(
            "CREATE CONNECTION pg TO POSTGRES (HOST 'h.internal', USER 'mz', PASSWORD SECRET s, DATABASE 'app', SSL MODE 'require');\n",
        );
        for i in 0..n {
            materialize.push_str(&format!(
                "CREATE SOURCE s{i} IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'p', TEXT COLUMNS (public.t{i}.status)) FOR TABLES (public.t{i});\n\
                 ALTER SOURCE s{i} ADD SUBSOURCE public.t{} AS extra_{i};\n",
                (i + 1) % n
            ));
        }
        let files = [
            ("upstream/setup.sql", upstream.as_str()),
            ("sources.sql", materialize.as_str()),
        ];
        let (sources, _) = lint_files_with(&files, |_| {});
        let settings = Settings::default();
        let refs: Vec<&Settings> = sources.iter().map(|_| &settings).collect();
        let project = Project::build(&sources, &refs);
        let mut best = std::time::Duration::MAX;
        for _ in 0..5 {
            let start = std::time::Instant::now();
            let model = UpstreamModel::build(&sources, &refs, &project);
            best = best.min(start.elapsed());
            assert_eq!(model.sources.len(), n);
            assert!(model.sources.iter().all(|s| s.ingested.len() == 2));
        }
        println!(
            "upstream model: {n} tables, {n} sources: {:.1} ms",
            best.as_secs_f64() * 1e3
        );
        if std::env::var("MZLINT_RULE_TIMES").is_ok() {
            let ctx = crate::context::ProjectContext {
                files: &sources,
                settings: &refs,
                project: &project,
                focus: None,
            };
            for rule in crate::registry::RULES {
                if let crate::rule::Check::Project(check) = rule.check {
                    let start = std::time::Instant::now();
                    let mut out = Vec::new();
                    check(&ctx, &mut out);
                    println!(
                        "{}: {:.1} ms",
                        rule.code,
                        start.elapsed().as_secs_f64() * 1e3
                    );
                }
            }
        }
        let start = std::time::Instant::now();
        let diagnostics = crate::lint::lint_files(&sources, &refs);
        println!(
            "full lint of the same project: {:.1} ms ({} findings)",
            start.elapsed().as_secs_f64() * 1e3,
            diagnostics.iter().map(Vec::len).sum::<usize>()
        );
    }
}

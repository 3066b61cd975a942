//! The typed AST of Materialize DDL (`materialize-ddl.md` §3).
//!
//! Every node carries the byte [`Span`] it was parsed from. Options are kept
//! exactly as written — duplicates, the spelling used, values of the wrong
//! kind — because reporting those is the linter's job, not the parser's.
//!
//! String literal contents never appear in `Debug` output: a literal may be a
//! password, and AST dumps end up in logs and snapshots (rules.md §2).

mod options;
mod values;

pub use options::{OptionName, Spelling, SqlOption};
pub use values::*;

use crate::span::Span;
use crate::upstream::UpstreamStatement;

/// One statement of a file, with the span from its first token to its last
/// (the terminating `;` excluded).
#[derive(Clone, Debug)]
pub struct Statement {
    pub span: Span,
    pub kind: StatementKind,
    /// Removed syntax the parser recognised and recovered from (rules MZ700,
    /// MZ701): the statement is otherwise parsed as its modern equivalent.
    pub removed: Vec<RemovedSyntax>,
}

#[derive(Clone, Debug)]
pub enum StatementKind {
    CreateSecret(CreateSecret),
    AlterSecret(AlterSecret),
    CreateConnection(CreateConnection),
    AlterConnection(AlterConnection),
    ValidateConnection(ValidateConnection),
    CreateSource(CreateSource),
    CreateTableFromSource(Box<CreateTableFromSource>),
    CreateTableFromWebhook(CreateTableFromWebhook),
    AlterSource(AlterSource),
    CreateSubsource(CreateSubsource),
    CreateCluster(CreateCluster),
    CreateClusterReplica(CreateClusterReplica),
    AlterCluster(AlterCluster),
    Drop(DropObjects),
    Set(SetVariable),
    /// Views, materialized views, indexes, sinks, plain tables: name and
    /// cluster only (rules.md §1.5).
    Shallow(ShallowStatement),
    /// Upstream PostgreSQL/MySQL statements (publications, replica identity,
    /// roles, …), from an upstream file or found in a Materialize file.
    Upstream(UpstreamStatement),
    /// A statement mzlint does not model (`SELECT`, `INSERT`, `COMMENT`, …).
    Opaque(OpaqueStatement),
    /// A statement that failed to parse. `ParsedFile::errors` holds the
    /// MZ000 (unless the statement is templated, rules.md §1.6).
    Error(ErrorStatement),
}

/// A single identifier: an unquoted word (folded to lower case) or a quoted
/// identifier (case kept, `""` unescaped). Keywords used as names are idents.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Ident {
    pub span: Span,
    pub value: String,
    pub quoted: bool,
}

impl Ident {
    /// A `<word>` documentation placeholder written where a name belongs,
    /// kept by the parser as an unquoted identifier whose value is the raw
    /// text (rules.md §1.6, MZ706).
    pub fn is_placeholder(&self) -> bool {
        !self.quoted && self.value.starts_with('<')
    }
}

impl std::fmt::Debug for Ident {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.quoted {
            write!(f, "Ident(\"{}\" @ {:?})", self.value, self.span)
        } else {
            write!(f, "Ident({} @ {:?})", self.value, self.span)
        }
    }
}

/// A possibly qualified item name: `a`, `schema.a`, `db.schema.a`, or the
/// internal resolved form `[u123 AS db.schema.a]` (rules MZ112).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ItemName {
    pub span: Span,
    pub parts: Vec<Ident>,
    pub resolved_id: Option<ResolvedId>,
}

impl ItemName {
    /// The last part: the object's own name.
    pub fn last(&self) -> &Ident {
        self.parts
            .last()
            .expect("an item name has at least one part")
    }

    /// True when a part is a `<word>` placeholder written where a name
    /// belongs (`<connection>`, `<schema>.orders`; see
    /// [`Ident::is_placeholder`]).
    pub fn is_placeholder(&self) -> bool {
        self.parts.iter().any(Ident::is_placeholder)
    }

    /// Parts joined with `.` (folded values, no quoting).
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

/// `[u123 AS …]` or `[u123 AS … VERSION 4]`: the `u123` and the bracket span.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ResolvedId {
    pub span: Span,
    pub id: String,
}

/// `IN CLUSTER <name>` or the internal `IN CLUSTER [u1]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClusterRef {
    Name(Ident),
    /// `[u1]`: an ID, valid in one environment only.
    Id {
        span: Span,
        id: String,
    },
}

impl ClusterRef {
    pub fn span(&self) -> Span {
        match self {
            ClusterRef::Name(ident) => ident.span,
            ClusterRef::Id { span, .. } => *span,
        }
    }
}

/// `IN CLUSTER x`: the clause span (for fixes) and the cluster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InCluster {
    pub span: Span,
    pub cluster: ClusterRef,
}

/// A parenthesised (or, in legacy forms, bare) option list.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OptionList {
    /// From `(` to `)` inclusive; for a bare list, first to last option.
    pub span: Span,
    pub parenthesized: bool,
    pub options: Vec<SqlOption>,
}

impl OptionList {
    pub fn get(&self, name: OptionName) -> Option<&SqlOption> {
        self.options.iter().find(|o| o.name == name)
    }

    pub fn all(&self, name: OptionName) -> impl Iterator<Item = &SqlOption> {
        self.options.iter().filter(move |o| o.name == name)
    }

    pub fn has(&self, name: OptionName) -> bool {
        self.get(name).is_some()
    }
}

// ---------------------------------------------------------------------------
// Secrets (§3.1)

#[derive(Clone, Debug)]
pub struct CreateSecret {
    pub if_not_exists: bool,
    pub name: ItemName,
    /// The `AS` expression. Always secret-bearing: never print its text.
    pub value: SecretExpr,
}

/// The expression of `CREATE|ALTER SECRET … AS`: its span and the string
/// literals inside it (for MZ202/MZ706; decode's encoding argument excluded).
#[derive(Clone, Debug)]
pub struct SecretExpr {
    pub span: Span,
    pub literals: Vec<StringLit>,
}

#[derive(Clone, Debug)]
pub struct AlterSecret {
    pub if_exists: bool,
    pub name: ItemName,
    pub action: AlterSecretAction,
}

#[derive(Clone, Debug)]
pub enum AlterSecretAction {
    Value(SecretExpr),
    Rename(Ident),
    Owner(Ident),
}

// ---------------------------------------------------------------------------
// Connections (§3.2–§3.4)

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ConnectionType {
    Aws,
    AwsPrivatelink,
    Kafka,
    ConfluentSchemaRegistry,
    Postgres,
    SshTunnel,
    SqlServer,
    MySql,
    IcebergCatalog,
    /// Transient 2025 type, removed (MZ701).
    Yugabyte,
}

impl ConnectionType {
    /// The upper-case name Materialize prints (`SQL SERVER`, `AWS PRIVATELINK`).
    pub fn as_str(self) -> &'static str {
        match self {
            ConnectionType::Aws => "AWS",
            ConnectionType::AwsPrivatelink => "AWS PRIVATELINK",
            ConnectionType::Kafka => "KAFKA",
            ConnectionType::ConfluentSchemaRegistry => "CONFLUENT SCHEMA REGISTRY",
            ConnectionType::Postgres => "POSTGRES",
            ConnectionType::SshTunnel => "SSH TUNNEL",
            ConnectionType::SqlServer => "SQL SERVER",
            ConnectionType::MySql => "MYSQL",
            ConnectionType::IcebergCatalog => "ICEBERG CATALOG",
            ConnectionType::Yugabyte => "YUGABYTE",
        }
    }
}

#[derive(Clone, Debug)]
pub struct CreateConnection {
    pub if_not_exists: bool,
    pub name: ItemName,
    pub connection_type: ConnectionType,
    /// Span of the type words (`AWS PRIVATELINK`).
    pub type_span: Span,
    /// `Some(span of FOR <TYPE>)` for the legacy unparenthesised form (MZ703).
    pub legacy_for: Option<Span>,
    pub options: OptionList,
    /// `WITH (VALIDATE …)`.
    pub with_options: Option<OptionList>,
}

#[derive(Clone, Debug)]
pub struct AlterConnection {
    pub if_exists: bool,
    pub name: ItemName,
    pub action: AlterConnectionAction,
}

#[derive(Clone, Debug)]
pub enum AlterConnectionAction {
    Rename(Ident),
    Owner(Ident),
    Actions {
        actions: Vec<AlterConnectionItem>,
        with_options: Option<OptionList>,
    },
}

#[derive(Clone, Debug)]
pub struct AlterConnectionItem {
    pub span: Span,
    pub kind: AlterConnectionItemKind,
}

#[derive(Clone, Debug)]
pub enum AlterConnectionItemKind {
    RotateKeys,
    /// `SET (option)`: exactly one option.
    Set(SqlOption),
    /// `DROP (name)` / `RESET (name)`: the option has no value.
    Reset {
        option: SqlOption,
        keyword: ResetKeyword,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResetKeyword {
    Drop,
    Reset,
}

#[derive(Clone, Debug)]
pub struct ValidateConnection {
    pub name: ItemName,
}

// ---------------------------------------------------------------------------
// Sources (§3.5)

#[derive(Clone, Debug)]
pub struct CreateSource {
    pub if_not_exists: bool,
    pub name: ItemName,
    pub columns: Option<SourceColumns>,
    pub in_cluster: Option<InCluster>,
    pub body: SourceBody,
}

/// `(a, b, PRIMARY KEY (a) NOT ENFORCED)` after the source name.
#[derive(Clone, Debug)]
pub struct SourceColumns {
    pub span: Span,
    pub names: Vec<Ident>,
    pub key_constraint: Option<KeyConstraint>,
}

#[derive(Clone, Debug)]
pub struct KeyConstraint {
    pub span: Span,
    pub columns: Vec<Ident>,
}

#[derive(Clone, Debug)]
pub enum SourceBody {
    Webhook(WebhookSpec),
    Connection(Box<SourceConnection>),
}

#[derive(Clone, Debug)]
pub struct SourceConnection {
    pub kind: SourceKind,
    /// Span of the kind words (`POSTGRES CONNECTION`, `LOAD GENERATOR AUCTION`).
    pub kind_span: Span,
    /// The connection after `CONNECTION`; `None` for load generators and
    /// recovered removed forms.
    pub connection: Option<ItemName>,
    /// The parenthesised source options, as written.
    pub options: Option<OptionList>,
    pub format: Option<FormatSpec>,
    pub include: Option<IncludeClause>,
    pub envelope: Option<Envelope>,
    pub external_refs: Option<ExternalRefs>,
    /// `EXPOSE PROGRESS AS name`: clause span and the name.
    pub expose_progress: Option<(Span, ItemName)>,
    /// `WITH (…)` (TIMESTAMP INTERVAL, RETAIN HISTORY; removed options kept).
    pub with_options: Option<OptionList>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceKind {
    Postgres,
    MySql,
    SqlServer,
    Kafka,
    LoadGenerator(LoadGenerator),
    /// Removed (MZ701).
    Yugabyte,
    /// `FROM FILE|S3|KINESIS|PUBNUB` (removed, MZ701): the kind, upper case.
    /// The rest of the statement is not modelled.
    Removed(&'static str),
}

impl SourceKind {
    /// As Materialize prints it in messages: `POSTGRES`, `LOAD GENERATOR`.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Postgres => "POSTGRES",
            SourceKind::MySql => "MYSQL",
            SourceKind::SqlServer => "SQL SERVER",
            SourceKind::Kafka => "KAFKA",
            SourceKind::LoadGenerator(_) => "LOAD GENERATOR",
            SourceKind::Yugabyte => "YUGABYTE",
            SourceKind::Removed(kind) => kind,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LoadGenerator {
    Auction,
    Marketing,
    Tpch,
    Counter,
    Clock,
    Datums,
    KeyValue,
}

impl LoadGenerator {
    pub fn as_str(self) -> &'static str {
        match self {
            LoadGenerator::Auction => "AUCTION",
            LoadGenerator::Marketing => "MARKETING",
            LoadGenerator::Tpch => "TPCH",
            LoadGenerator::Counter => "COUNTER",
            LoadGenerator::Clock => "CLOCK",
            LoadGenerator::Datums => "DATUMS",
            LoadGenerator::KeyValue => "KEY VALUE",
        }
    }

    /// AUCTION, MARKETING and TPCH produce several tables.
    pub fn is_multi_output(self) -> bool {
        matches!(
            self,
            LoadGenerator::Auction | LoadGenerator::Marketing | LoadGenerator::Tpch
        )
    }
}

/// `FOR ALL TABLES`, `FOR TABLES (…)`, `FOR SCHEMAS (…)`.
#[derive(Clone, Debug)]
pub struct ExternalRefs {
    pub span: Span,
    pub kind: ExternalRefsKind,
}

#[derive(Clone, Debug)]
pub enum ExternalRefsKind {
    All,
    Schemas(Vec<Ident>),
    Tables(Vec<ExternalRef>),
}

/// `upstream.name [AS|INTO alias]`.
#[derive(Clone, Debug)]
pub struct ExternalRef {
    pub span: Span,
    pub upstream: ItemName,
    pub alias: Option<ItemName>,
    /// Span of `INTO` when that synonym of `AS` was written (MZ704).
    pub into_keyword: Option<Span>,
}

// Formats, INCLUDE and ENVELOPE (Kafka and load generators).

#[derive(Clone, Debug)]
pub struct FormatSpec {
    pub span: Span,
    pub kind: FormatSpecKind,
}

#[derive(Clone, Debug)]
pub enum FormatSpecKind {
    /// `FORMAT f`.
    Bare(Box<Format>),
    /// `KEY FORMAT k VALUE FORMAT v`.
    KeyValue {
        key: Box<Format>,
        value: Box<Format>,
    },
}

#[derive(Clone, Debug)]
pub struct Format {
    pub span: Span,
    pub kind: FormatKind,
}

#[derive(Clone, Debug)]
pub enum FormatKind {
    Avro(AvroSchema),
    Protobuf(ProtobufSchema),
    Regex(StringLit),
    Csv {
        columns: CsvColumns,
        delimiter: Option<StringLit>,
    },
    Json {
        array: bool,
    },
    Text,
    Bytes,
}

#[derive(Clone, Debug)]
pub enum CsvColumns {
    Header(Vec<Ident>),
    Count(Span),
}

#[derive(Clone, Debug)]
pub enum AvroSchema {
    Csr {
        csr: CsrConnectionRef,
        /// `SEED … VALUE SCHEMA '…'` (internal, MZ112): its span.
        seed: Option<Span>,
        key_strategy: Option<Strategy>,
        value_strategy: Option<Strategy>,
    },
    Inline {
        schema: StringLit,
        /// `(CONFLUENT WIRE FORMAT …)`.
        options: Option<OptionList>,
    },
}

#[derive(Clone, Debug)]
pub enum ProtobufSchema {
    Csr {
        csr: CsrConnectionRef,
        seed: Option<Span>,
    },
    Inline {
        message: StringLit,
        schema: StringLit,
    },
}

/// `CONNECTION csr [( options )]` inside a FORMAT clause.
#[derive(Clone, Debug)]
pub struct CsrConnectionRef {
    pub span: Span,
    pub connection: ItemName,
    pub options: Option<OptionList>,
}

#[derive(Clone, Debug)]
pub struct Strategy {
    pub span: Span,
    pub kind: StrategyKind,
}

#[derive(Clone, Debug)]
pub enum StrategyKind {
    Id(Span),
    Latest,
    Inline(StringLit),
}

#[derive(Clone, Debug)]
pub struct IncludeClause {
    /// From `INCLUDE` through the last item.
    pub span: Span,
    pub items: Vec<IncludeItem>,
}

#[derive(Clone, Debug)]
pub struct IncludeItem {
    pub span: Span,
    pub kind: IncludeKind,
    pub alias: Option<Ident>,
    /// `BYTES` after `HEADER '…' AS x`.
    pub bytes: bool,
}

#[derive(Clone, Debug)]
pub enum IncludeKind {
    Key,
    Timestamp,
    Partition,
    Offset,
    Headers,
    Header(StringLit),
}

#[derive(Clone, Debug)]
pub struct Envelope {
    /// From `ENVELOPE` through the envelope.
    pub span: Span,
    pub kind: EnvelopeKind,
}

#[derive(Clone, Debug)]
pub enum EnvelopeKind {
    None,
    Debezium,
    /// `UPSERT [(VALUE DECODING ERRORS = (INLINE [AS name]))]`.
    Upsert {
        value_decoding_errors: Option<Span>,
    },
    Materialize,
}

// Webhooks.

#[derive(Clone, Debug)]
pub struct WebhookSpec {
    pub span: Span,
    pub body_format: WebhookBodyFormat,
    pub includes: Vec<WebhookInclude>,
    pub check: Option<WebhookCheck>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WebhookBodyFormat {
    Json { array: bool },
    Text,
    Bytes,
}

#[derive(Clone, Debug)]
pub struct WebhookInclude {
    pub span: Span,
    pub kind: WebhookIncludeKind,
}

#[derive(Clone, Debug)]
pub enum WebhookIncludeKind {
    Header {
        header: StringLit,
        alias: Ident,
        bytes: bool,
    },
    /// `INCLUDE HEADERS [( [NOT] 'h', … )]`.
    Headers { filters: Vec<(bool, StringLit)> },
}

#[derive(Clone, Debug)]
pub struct WebhookCheck {
    pub span: Span,
    pub options: Vec<WebhookCheckOption>,
    /// The check expression (opaque).
    pub expr: Span,
}

#[derive(Clone, Debug)]
pub struct WebhookCheckOption {
    pub span: Span,
    pub kind: WebhookCheckOptionKind,
    pub alias: Option<Ident>,
    pub bytes: bool,
}

#[derive(Clone, Debug)]
pub enum WebhookCheckOptionKind {
    Secret(ItemName),
    Headers,
    Body,
}

// ---------------------------------------------------------------------------
// Source-fed tables (§3.6)

#[derive(Clone, Debug)]
pub struct CreateTableFromSource {
    pub if_not_exists: bool,
    pub name: ItemName,
    pub columns: Option<TableColumns>,
    pub source: ItemName,
    /// `(REFERENCE [=] name)`: clause span and the name.
    pub reference: Option<(Span, ItemName)>,
    pub format: Option<FormatSpec>,
    pub include: Option<IncludeClause>,
    pub envelope: Option<Envelope>,
    pub with_options: Option<OptionList>,
}

/// The column list of `CREATE TABLE … FROM SOURCE`: bare names, or column
/// definitions/constraints (always rejected, MZ100).
#[derive(Clone, Debug)]
pub struct TableColumns {
    pub span: Span,
    pub names: Vec<Ident>,
    /// Spans of column definitions (`a int4`) and table constraints.
    pub definitions: Vec<Span>,
}

#[derive(Clone, Debug)]
pub struct CreateTableFromWebhook {
    pub if_not_exists: bool,
    pub name: ItemName,
    pub webhook: WebhookSpec,
}

// ---------------------------------------------------------------------------
// ALTER SOURCE (§3.7)

#[derive(Clone, Debug)]
pub struct AlterSource {
    pub if_exists: bool,
    pub name: ItemName,
    pub action: AlterSourceAction,
    /// Span of the action (from its first keyword).
    pub action_span: Span,
}

#[derive(Clone, Debug)]
pub enum AlterSourceAction {
    /// `ADD SUBSOURCE|TABLE refs [WITH (TEXT COLUMNS …)]`.
    AddSubsources {
        refs: Vec<ExternalRef>,
        with_options: Option<OptionList>,
    },
    /// `DROP SUBSOURCE|TABLE [IF EXISTS] names [CASCADE|RESTRICT]` (MZ701).
    DropSubsources {
        if_exists: bool,
        names: Vec<ItemName>,
        cascade: bool,
    },
    Reset(OptionList),
    SetCluster(ClusterRef),
    Set(OptionList),
    Rename(Ident),
    Owner(Ident),
    RefreshReferences,
}

/// `CREATE SUBSOURCE …` (internal, MZ112): name and `OF SOURCE` only.
#[derive(Clone, Debug)]
pub struct CreateSubsource {
    pub name: ItemName,
    pub of_source: Option<ItemName>,
}

// ---------------------------------------------------------------------------
// Clusters (§3.8)

#[derive(Clone, Debug)]
pub struct CreateCluster {
    pub name: Ident,
    /// Parenthesised or bare (historical) option list.
    pub options: OptionList,
    pub features: Option<OptionList>,
}

#[derive(Clone, Debug)]
pub struct CreateClusterReplica {
    pub cluster: Ident,
    pub replica: Ident,
    pub options: OptionList,
}

#[derive(Clone, Debug)]
pub struct AlterCluster {
    pub if_exists: bool,
    pub name: Ident,
    pub action: AlterClusterAction,
}

#[derive(Clone, Debug)]
pub enum AlterClusterAction {
    Set {
        options: OptionList,
        with_options: Option<OptionList>,
    },
    Reset(OptionList),
    Rename(Ident),
    Owner(Ident),
    Swap(Ident),
}

// ---------------------------------------------------------------------------
// DROP (§3.9)

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ObjectType {
    Source,
    Connection,
    Secret,
    Table,
    Cluster,
    ClusterReplica,
    View,
    MaterializedView,
    Sink,
    Index,
    Type,
    Role,
    Schema,
    Database,
    /// `DROP SUBSOURCE` (does not exist; MZ701).
    Subsource,
    /// Anything else Materialize can drop (functions, network policies, …).
    Other,
}

#[derive(Clone, Debug)]
pub struct DropObjects {
    pub object_type: ObjectType,
    pub object_type_span: Span,
    pub if_exists: bool,
    /// Names; cluster names are one part, replicas `cluster.replica`.
    pub names: Vec<ItemName>,
    pub cascade: bool,
}

// ---------------------------------------------------------------------------
// SET, shallow and opaque statements

/// `SET [SESSION|LOCAL] var {=|TO} value` for `cluster`, `search_path`,
/// `schema`, `database` (other variables are kept too).
#[derive(Clone, Debug)]
pub struct SetVariable {
    pub variable: Ident,
    /// The values, folded (`SET search_path = a, b`); strings unquoted.
    pub values: Vec<(Span, String)>,
}

/// A statement modelled by name and cluster only.
#[derive(Clone, Debug)]
pub struct ShallowStatement {
    pub object_type: ObjectType,
    pub if_not_exists: bool,
    /// The created name (an index may be unnamed).
    pub name: Option<ItemName>,
    pub in_cluster: Option<InCluster>,
    /// Sinks: the `FROM` relation; indexes: the `ON` relation.
    pub on: Option<ItemName>,
    /// Sinks: `INTO KAFKA CONNECTION x` etc.
    pub connection: Option<ItemName>,
}

#[derive(Clone, Debug)]
pub struct OpaqueStatement {
    /// The leading keyword(s), upper case (`SELECT`, `COMMENT ON`).
    pub keyword: String,
}

#[derive(Clone, Debug)]
pub struct ErrorStatement {
    /// What the statement would have created, when its head parsed
    /// (`CREATE CONNECTION pg TO POSTGRES …`): kept in the project model so a
    /// typo does not cascade into MZ500 (rules.md MZ000 recovery).
    pub head: Option<PartialHead>,
    /// A template construct (`{{ }}`, `{% %}`, `${ }`) outside strings: no MZ000.
    pub templated: bool,
}

#[derive(Clone, Debug)]
pub struct PartialHead {
    pub object_type: ObjectType,
    pub name: ItemName,
    pub connection_type: Option<ConnectionType>,
    pub source_kind: Option<SourceKind>,
}

// ---------------------------------------------------------------------------
// Removed syntax (MZ700, MZ701)

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemovedSyntax {
    pub form: RemovedForm,
    /// The clause, option or statement head to report on.
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RemovedForm {
    /// `CREATE MATERIALIZED SOURCE`.
    MaterializedSource,
    /// `FROM KAFKA BROKER '…' TOPIC '…'`.
    InlineKafkaBroker,
    /// `FROM POSTGRES CONNECTION '<libpq string>'` (never print the string).
    InlinePostgresConnectionString,
    /// `FROM FILE|S3|KINESIS|PUBNUB`: the kind, upper case.
    RemovedSourceKind(&'static str),
    /// `CREATE VIEWS FROM SOURCE`.
    CreateViewsFromSource,
    /// `CREATE CONNECTOR`.
    CreateConnector,
    /// `FROM POSTGRES CONNECTION c PUBLICATION 'p'`; span covers
    /// `PUBLICATION 'p'` (the fix parenthesises it).
    UnparenthesizedPublication,
    /// `FROM KAFKA CONNECTION c TOPIC 't'`; span covers `TOPIC 't'`.
    UnparenthesizedTopic,
    /// Source `WITH (SIZE …)` and `ALTER SOURCE|SINK … SET/RESET (SIZE)`
    /// (MZ700); span is the option.
    SourceSize,
    /// Source `WITH` option REMOTE, DISK, TIMELINE, IGNORE KEYS or
    /// timestamp_frequency_ms: its canonical name; span is the option.
    RemovedSourceOption(&'static str),
    /// SQL Server `CAPTURE INSTANCE '…'`; span is the option.
    CaptureInstance,
    /// `ENVELOPE DEBEZIUM UPSERT`.
    EnvelopeDebeziumUpsert,
    /// `TO YUGABYTE` / `FROM YUGABYTE CONNECTION`.
    Yugabyte,
    /// AWS option `ROLE ARN`; span is the option name.
    RoleArn,
    /// `ALTER SOURCE s DROP SUBSOURCE|TABLE x`.
    AlterSourceDropSubsource,
    /// `DROP SUBSOURCE x`; span is the `SUBSOURCE` keyword.
    DropSubsource,
}

//! The option tables of `materialize-ddl.md` §4 and rules.md MZ100/MZ106, as
//! data: which options each connection type and source kind accepts, how
//! each value is written, what it means. Rules (MZ100, MZ104, MZ106, …), the
//! language server's hover and its completion all read these tables, so the
//! three can never disagree.

use std::sync::LazyLock;

use mzlint_syntax::ast::{ConnectionType, LoadGenerator, OptionName, SourceKind};

/// How an option's value must be written (rules.md MZ106 "Value kinds").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    /// A string literal or an unqualified identifier (folded).
    String,
    /// The above or `SECRET <name>`.
    StringOrSecret,
    /// Only `SECRET <name>` (MZ105).
    Secret,
    /// A number, optionally negative.
    Integer,
    /// `TRUE`, `FALSE` or no value.
    Boolean,
    /// `(…)` or `[…]` of strings.
    StringList,
    /// `(…)` or `[…]` of integers.
    IntegerList,
    /// A connection name.
    Name,
    /// A broker string (`'host:port'`), optionally with `USING …`.
    Broker,
    /// A list of broker strings.
    BrokerList,
    /// An interval: `INTERVAL '…'`, a string such as `'1s'`, or a number.
    Interval,
    /// A list of column references.
    ColumnList,
    /// Anything; mzlint does not check it.
    Any,
}

/// Documentation of one option: value kind and meaning.
pub struct OptionDoc {
    pub name: OptionName,
    pub kind: ValueKind,
    pub doc: &'static str,
}

/// Every connection option with its value kind and meaning
/// (`materialize-ddl.md` §4.1). USER of SSH TUNNEL is string-only: see
/// [`connection_value_kind`].
pub static CONNECTION_OPTION_DOCS: &[OptionDoc] = &[
    OptionDoc { name: OptionName::Host, kind: ValueKind::String, doc: "Host name or IP address of the server." },
    OptionDoc { name: OptionName::Port, kind: ValueKind::Integer, doc: "TCP port, 1–65535." },
    OptionDoc { name: OptionName::Database, kind: ValueKind::String, doc: "Database to connect to." },
    OptionDoc { name: OptionName::User, kind: ValueKind::StringOrSecret, doc: "User name (USERNAME is a synonym)." },
    OptionDoc { name: OptionName::Password, kind: ValueKind::Secret, doc: "Password, as SECRET <name>; a literal is rejected." },
    OptionDoc { name: OptionName::SslMode, kind: ValueKind::String, doc: "TLS mode; accepted values depend on the connection type." },
    OptionDoc { name: OptionName::SslCertificate, kind: ValueKind::StringOrSecret, doc: "Client certificate (PEM) for TLS client authentication; needs SSL KEY." },
    OptionDoc { name: OptionName::SslCertificateAuthority, kind: ValueKind::StringOrSecret, doc: "CA certificate (PEM) to verify the server; defaults to the system CAs." },
    OptionDoc { name: OptionName::SslKey, kind: ValueKind::Secret, doc: "Client private key, as SECRET <name>; needs SSL CERTIFICATE." },
    OptionDoc { name: OptionName::SshTunnel, kind: ValueKind::Name, doc: "An SSH TUNNEL connection to reach the server through." },
    OptionDoc { name: OptionName::AwsPrivatelink, kind: ValueKind::Name, doc: "An AWS PRIVATELINK connection to reach the server through." },
    OptionDoc { name: OptionName::AwsConnection, kind: ValueKind::Name, doc: "An AWS connection for IAM authentication." },
    OptionDoc { name: OptionName::Broker, kind: ValueKind::Broker, doc: "One Kafka bootstrap broker, 'host:port'." },
    OptionDoc { name: OptionName::Brokers, kind: ValueKind::BrokerList, doc: "Kafka bootstrap brokers, ('host:port', …)." },
    OptionDoc { name: OptionName::ProgressTopic, kind: ValueKind::String, doc: "Topic for Materialize's progress records; cannot be changed by ALTER." },
    OptionDoc { name: OptionName::ProgressTopicReplicationFactor, kind: ValueKind::Integer, doc: "Replication factor of the progress topic, > 0; cannot be changed by ALTER." },
    OptionDoc { name: OptionName::SecurityProtocol, kind: ValueKind::String, doc: "PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL; defaults to SASL_SSL with SASL options, else SSL." },
    OptionDoc { name: OptionName::SaslMechanisms, kind: ValueKind::String, doc: "PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512." },
    OptionDoc { name: OptionName::SaslUsername, kind: ValueKind::StringOrSecret, doc: "SASL user name." },
    OptionDoc { name: OptionName::SaslPassword, kind: ValueKind::Secret, doc: "SASL password, as SECRET <name>." },
    OptionDoc { name: OptionName::Url, kind: ValueKind::String, doc: "URL of the schema registry or Iceberg catalog." },
    OptionDoc { name: OptionName::AccessKeyId, kind: ValueKind::StringOrSecret, doc: "AWS access key ID (credential authentication, deprecated: prefer ASSUME ROLE ARN)." },
    OptionDoc { name: OptionName::SecretAccessKey, kind: ValueKind::Secret, doc: "AWS secret access key, as SECRET <name>." },
    OptionDoc { name: OptionName::SessionToken, kind: ValueKind::StringOrSecret, doc: "AWS session token." },
    OptionDoc { name: OptionName::AssumeRoleArn, kind: ValueKind::String, doc: "IAM role Materialize assumes (role authentication)." },
    OptionDoc { name: OptionName::AssumeRoleSessionName, kind: ValueKind::String, doc: "Session name for the assumed role." },
    OptionDoc { name: OptionName::Region, kind: ValueKind::String, doc: "AWS region; defaults to Materialize's region." },
    OptionDoc { name: OptionName::Endpoint, kind: ValueKind::String, doc: "Endpoint override (e.g. MinIO); an empty string means unset." },
    OptionDoc { name: OptionName::ServiceName, kind: ValueKind::String, doc: "Endpoint service name, com.amazonaws.vpce.<region>.vpce-svc-<id>." },
    OptionDoc { name: OptionName::AvailabilityZones, kind: ValueKind::StringList, doc: "AZ IDs such as ('use1-az1', 'use1-az4') — IDs, not names like us-east-1a." },
    OptionDoc { name: OptionName::PublicKey1, kind: ValueKind::String, doc: "Internal: generated by Materialize." },
    OptionDoc { name: OptionName::PublicKey2, kind: ValueKind::String, doc: "Internal: generated by Materialize." },
    OptionDoc { name: OptionName::CatalogType, kind: ValueKind::String, doc: "'s3tablesrest' (AWS S3 Tables) or 'rest'." },
    OptionDoc { name: OptionName::Warehouse, kind: ValueKind::String, doc: "Warehouse; for S3 Tables the table bucket ARN." },
    OptionDoc { name: OptionName::Credential, kind: ValueKind::StringOrSecret, doc: "OAuth credential of a REST catalog." },
    OptionDoc { name: OptionName::Scope, kind: ValueKind::String, doc: "OAuth scope of a REST catalog." },
];

/// Documentation of a connection option.
pub fn connection_option_doc(name: &OptionName) -> Option<&'static OptionDoc> {
    CONNECTION_OPTION_DOCS.iter().find(|d| &d.name == name)
}

/// The value kind of a connection option for a connection type.
pub fn connection_value_kind(
    connection_type: ConnectionType,
    name: &OptionName,
) -> Option<ValueKind> {
    if connection_type == ConnectionType::SshTunnel && *name == OptionName::User {
        return Some(ValueKind::String);
    }
    connection_option_doc(name).map(|d| d.kind)
}

/// Options each connection type accepts (rules.md MZ100 table 1). PUBLIC
/// KEY 1/2 are accepted by SSH TUNNEL but internal (MZ112), so they are
/// not listed.
pub fn connection_options(connection_type: ConnectionType) -> &'static [OptionName] {
    use OptionName::*;
    match connection_type {
        ConnectionType::Postgres => &[
            Host,
            Port,
            Database,
            User,
            Password,
            SslMode,
            SslCertificateAuthority,
            SslCertificate,
            SslKey,
            SshTunnel,
            AwsPrivatelink,
        ],
        ConnectionType::MySql => &[
            Host,
            Port,
            User,
            Password,
            SslMode,
            SslCertificateAuthority,
            SslCertificate,
            SslKey,
            AwsConnection,
            SshTunnel,
            AwsPrivatelink,
        ],
        ConnectionType::SqlServer => &[
            Host,
            Port,
            Database,
            User,
            Password,
            SslMode,
            SslCertificateAuthority,
            SslCertificate,
            SslKey,
            SshTunnel,
            AwsPrivatelink,
        ],
        ConnectionType::Kafka => &[
            Broker,
            Brokers,
            AwsPrivatelink,
            SecurityProtocol,
            SaslMechanisms,
            SaslUsername,
            SaslPassword,
            SslCertificateAuthority,
            SslCertificate,
            SslKey,
            AwsConnection,
            SshTunnel,
            ProgressTopic,
            ProgressTopicReplicationFactor,
        ],
        ConnectionType::ConfluentSchemaRegistry => &[
            Url,
            User,
            Password,
            SslCertificateAuthority,
            SslCertificate,
            SslKey,
            SshTunnel,
            AwsPrivatelink,
            Port,
        ],
        ConnectionType::Aws => &[
            AccessKeyId,
            SecretAccessKey,
            SessionToken,
            AssumeRoleArn,
            AssumeRoleSessionName,
            Region,
            Endpoint,
        ],
        ConnectionType::AwsPrivatelink => &[ServiceName, AvailabilityZones, Port],
        ConnectionType::SshTunnel => &[Host, Port, User],
        ConnectionType::IcebergCatalog => &[
            CatalogType,
            Url,
            Warehouse,
            AwsConnection,
            Credential,
            Scope,
        ],
        ConnectionType::Yugabyte => &[
            Host,
            Port,
            Database,
            User,
            Password,
            SslMode,
            SslCertificateAuthority,
            SslCertificate,
            SslKey,
            SshTunnel,
            AwsPrivatelink,
        ],
    }
}

/// Is `name` accepted by `connection_type` (internal PUBLIC KEYs count as
/// accepted for SSH TUNNEL: MZ112 reports them, not MZ100)?
pub fn connection_accepts(connection_type: ConnectionType, name: &OptionName) -> bool {
    connection_options(connection_type).contains(name)
        || (connection_type == ConnectionType::SshTunnel
            && matches!(name, OptionName::PublicKey1 | OptionName::PublicKey2))
}

/// Connection types validated by default (MZ604).
pub fn validates_by_default(connection_type: ConnectionType) -> bool {
    matches!(
        connection_type,
        ConnectionType::Kafka
            | ConnectionType::ConfluentSchemaRegistry
            | ConnectionType::Postgres
            | ConnectionType::MySql
            | ConnectionType::SqlServer
    )
}

/// SSL MODE values a type accepts (`materialize-ddl.md` §4.3) and whether
/// matching ignores case. `None` for types without SSL MODE.
pub fn ssl_modes(connection_type: ConnectionType) -> Option<(&'static [&'static str], bool)> {
    match connection_type {
        ConnectionType::Postgres | ConnectionType::Yugabyte => Some((
            &[
                "disable",
                "require",
                "required",
                "verify_ca",
                "verify-ca",
                "verify_full",
                "verify-full",
            ],
            false,
        )),
        ConnectionType::MySql => Some((
            &[
                "disabled",
                "required",
                "require",
                "verify_ca",
                "verify-ca",
                "verify_identity",
                "verify-identity",
            ],
            true,
        )),
        ConnectionType::SqlServer => Some((&["disabled", "required", "verify", "verify_ca"], true)),
        _ => None,
    }
}

/// The canonical SSL MODE values of a type, for messages and completion.
pub fn canonical_ssl_modes(connection_type: ConnectionType) -> &'static [&'static str] {
    match connection_type {
        ConnectionType::Postgres | ConnectionType::Yugabyte => {
            &["disable", "require", "verify_ca", "verify_full"]
        }
        ConnectionType::MySql => &["disabled", "required", "verify_ca", "verify_identity"],
        ConnectionType::SqlServer => &["disabled", "required", "verify", "verify_ca"],
        _ => &[],
    }
}

/// What SSL MODE defaults to (no TLS).
pub fn default_ssl_mode(connection_type: ConnectionType) -> Option<&'static str> {
    match connection_type {
        ConnectionType::Postgres | ConnectionType::Yugabyte => Some("disable"),
        ConnectionType::MySql | ConnectionType::SqlServer => Some("disabled"),
        _ => None,
    }
}

pub const SECURITY_PROTOCOLS: &[&str] = &["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"];
pub const SASL_MECHANISMS: &[&str] = &["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"];
pub const CATALOG_TYPES: &[&str] = &["s3tablesrest", "rest"];

/// The default port of a connection type, for MZ107's help.
pub fn default_port(connection_type: ConnectionType) -> Option<u16> {
    match connection_type {
        ConnectionType::Postgres | ConnectionType::Yugabyte => Some(5432),
        ConnectionType::MySql => Some(3306),
        ConnectionType::SqlServer => Some(1433),
        ConnectionType::SshTunnel => Some(22),
        ConnectionType::Kafka => Some(9092),
        _ => None,
    }
}

/// Options each source kind accepts inside `FROM <kind> … ( … )` (rules.md
/// MZ100 table 2). DETAILS is MZ112 and CAPTURE INSTANCE MZ701, so neither
/// is listed.
pub fn source_options(kind: SourceKind) -> &'static [OptionName] {
    use OptionName::*;
    match kind {
        SourceKind::Postgres | SourceKind::Yugabyte => &[Publication, TextColumns, ExcludeColumns],
        SourceKind::MySql | SourceKind::SqlServer => &[TextColumns, ExcludeColumns],
        SourceKind::Kafka => &[
            Topic,
            GroupIdPrefix,
            StartOffset,
            StartTimestamp,
            TopicMetadataRefreshInterval,
        ],
        SourceKind::LoadGenerator(generator) => load_generator_options(generator),
        SourceKind::Removed(_) => &[],
    }
}

pub fn load_generator_options(generator: LoadGenerator) -> &'static [OptionName] {
    use OptionName::*;
    match generator {
        LoadGenerator::Auction
        | LoadGenerator::Marketing
        | LoadGenerator::Clock
        | LoadGenerator::Datums => &[TickInterval, AsOf, UpTo],
        LoadGenerator::Tpch => &[TickInterval, AsOf, UpTo, ScaleFactor],
        LoadGenerator::Counter => &[TickInterval, AsOf, UpTo, MaxCardinality],
        LoadGenerator::KeyValue => &[
            TickInterval,
            Keys,
            SnapshotRounds,
            TransactionalSnapshot,
            ValueSize,
            Seed,
            Partitions,
            BatchSize,
        ],
    }
}

/// Value kinds of source-side options.
pub fn source_value_kind(name: &OptionName) -> Option<ValueKind> {
    use OptionName::*;
    Some(match name {
        Publication | Topic | GroupIdPrefix => ValueKind::String,
        TextColumns | ExcludeColumns => ValueKind::ColumnList,
        StartOffset => ValueKind::IntegerList,
        StartTimestamp => ValueKind::Integer,
        TopicMetadataRefreshInterval | TickInterval | TimestampInterval => ValueKind::Interval,
        _ => return None,
    })
}

/// Meaning of source-side options, for hover.
pub fn source_option_doc(name: &OptionName) -> Option<&'static str> {
    use OptionName::*;
    Some(match name {
        Publication => "PostgreSQL publication to replicate (required); case-sensitive: quote it.",
        TextColumns => "Columns ingested as text (schema.table.column here; unqualified in CREATE TABLE … FROM SOURCE).",
        ExcludeColumns => "Columns not ingested (IGNORE COLUMNS is the legacy spelling).",
        Details => "Internal: written by Materialize; never write it.",
        Topic => "Kafka topic to read (required).",
        GroupIdPrefix => "Prefix of the consumer group ID.",
        StartOffset => "Offset to start at, one per partition.",
        StartTimestamp => "Start at this time (ms since epoch; negative = relative to now).",
        TopicMetadataRefreshInterval => "How often topic metadata is refreshed (at most 1 hour).",
        TimestampInterval => "How often the source's timestamps advance.",
        RetainHistory => "RETAIN HISTORY FOR '<interval>': how much history to keep.",
        TickInterval => "Interval between generated updates.",
        AsOf => "Logical time to start at.",
        UpTo => "Logical time to stop at.",
        ScaleFactor => "TPCH scale factor (default 0.01).",
        _ => return None,
    })
}

/// Canonical names valid in a context, for MZ100's did-you-mean and
/// completion.
pub fn names_str(names: &[OptionName]) -> String {
    names
        .iter()
        .map(|n| n.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Curated aliases for unknown option words (rules.md MZ100 item 4):
/// a safe rename. `context` restricts aliases that only make sense in one
/// place (AVAILABILITY ZONE on a PrivateLink connection).
pub fn option_alias(words: &str, privatelink_connection: bool) -> Option<OptionName> {
    use OptionName::*;
    Some(match words {
        "SSLMODE" | "SSL_MODE" => SslMode,
        "SSL CA" | "SSLROOTCERT" => SslCertificateAuthority,
        "SSL CERT" => SslCertificate,
        "DBNAME" | "DATABASE NAME" => Database,
        "PASS" => Password,
        "SASL MECHANISM" => SaslMechanisms,
        "SASL USER" => SaslUsername,
        "SECURITY_PROTOCOL" => SecurityProtocol,
        "BOOTSTRAP SERVERS" => Brokers,
        "AVAILABILITY ZONE" if privatelink_connection => AvailabilityZones,
        "PUBLICATIONS" => Publication,
        "TOPICS" => Topic,
        "GROUP ID" => GroupIdPrefix,
        _ => return None,
    })
}

/// The single canonical name of `candidates` within Damerau–Levenshtein
/// distance 2 (1 for names of at most 4 characters) of `words`.
pub fn did_you_mean<'a>(
    words: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let words = normalize_words(words);
    let mut found = None;
    for candidate in candidates {
        let limit = if candidate.len() <= 4 { 1 } else { 2 };
        if damerau_levenshtein(&words, candidate) <= limit {
            if found.is_some() {
                return None;
            }
            found = Some(candidate);
        }
    }
    found
}

fn normalize_words(words: &str) -> String {
    words
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_uppercase()
}

/// A cheap necessary condition for an edit distance of at most 2: lengths
/// within 2, and for equal lengths at most 4 differing positions (two
/// transpositions). Keeps [`damerau_levenshtein`] off hot paths that compare
/// one name with many.
pub fn within_two_edits_quick(a: &str, b: &str) -> bool {
    match a.len().abs_diff(b.len()) {
        0 => a.bytes().zip(b.bytes()).filter(|(x, y)| x != y).count() <= 4,
        1 | 2 => true,
        _ => false,
    }
}

/// Optimal string alignment distance (Damerau–Levenshtein with adjacent
/// transpositions), on characters.
pub fn damerau_levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[n][m]
}

/// Every option any connection type accepts, for suggestions when the type
/// is unknown (`ALTER CONNECTION` of a connection the project does not
/// define): the documented options but the internal PUBLIC KEYs, by name.
pub static ALL_CONNECTION_OPTIONS: LazyLock<Vec<OptionName>> = LazyLock::new(|| {
    let mut all: Vec<OptionName> = CONNECTION_OPTION_DOCS
        .iter()
        .map(|doc| doc.name.clone())
        .filter(|name| !matches!(name, OptionName::PublicKey1 | OptionName::PublicKey2))
        .collect();
    all.sort_by(|a, b| a.as_str().cmp(b.as_str()));
    all
});

/// The option list an option is written in: what MZ100 suggests from, and
/// what an unknown word's effective name depends on (rules.md MZ100 item 4,
/// §1.8).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionContext {
    /// `CREATE|ALTER CONNECTION` options; `None` for an ALTER of a
    /// connection whose type the project does not define.
    Connection(Option<ConnectionType>),
    /// `WITH (…)` of CREATE/ALTER CONNECTION.
    ConnectionWith,
    /// `USING AWS PRIVATELINK pl (…)` of one Kafka broker.
    BrokerPrivatelink,
    /// `FROM <kind> … (…)`.
    Source(SourceKind),
    /// `CREATE SOURCE … WITH (…)`.
    SourceWith,
    /// `ALTER SOURCE … SET|RESET (…)`.
    AlterSource,
    /// `CREATE TABLE … FROM SOURCE … WITH (…)`.
    TableFromSourceWith,
    /// `ALTER SOURCE … ADD SUBSOURCE|TABLE … WITH (…)`.
    AddSubsourceWith,
    /// `CREATE CLUSTER` and `ALTER CLUSTER … SET|RESET` options.
    Cluster,
    /// Replica options (`REPLICAS (r (…))`, `CREATE CLUSTER REPLICA`).
    Replica,
    /// `ALTER CLUSTER … SET (…) WITH (…)`.
    AlterClusterWith,
    /// `CONNECTION csr (…)` in a FORMAT clause.
    CsrConfig,
    /// `AVRO USING SCHEMA '…' (…)`.
    AvroSchema,
}

/// The canonical names a context accepts. For a connection of unknown type,
/// every connection option.
pub fn context_options(context: OptionContext) -> &'static [OptionName] {
    use OptionName::*;
    match context {
        OptionContext::Connection(Some(connection_type)) => connection_options(connection_type),
        OptionContext::Connection(None) => ALL_CONNECTION_OPTIONS.as_slice(),
        OptionContext::ConnectionWith => &[Validate],
        OptionContext::BrokerPrivatelink => &[AvailabilityZone, Port],
        OptionContext::Source(kind) => source_options(kind),
        OptionContext::SourceWith => &[TimestampInterval, RetainHistory],
        OptionContext::AlterSource => &[RetainHistory],
        OptionContext::TableFromSourceWith => {
            &[TextColumns, ExcludeColumns, PartitionBy, RetainHistory]
        }
        OptionContext::AddSubsourceWith => &[TextColumns, ExcludeColumns],
        OptionContext::Cluster => &[
            Size,
            ReplicationFactor,
            Managed,
            Replicas,
            AvailabilityZones,
            IntrospectionInterval,
            IntrospectionDebugging,
            Disk,
            Schedule,
            WorkloadClass,
        ],
        OptionContext::Replica => &[
            Size,
            AvailabilityZone,
            Disk,
            Internal,
            BilledAs,
            Workers,
            IntrospectionInterval,
            IntrospectionDebugging,
            StoragectlAddresses,
            ComputectlAddresses,
            StorageAddresses,
            ComputeAddresses,
        ],
        OptionContext::AlterClusterWith => &[Wait],
        OptionContext::CsrConfig => &[
            AvroKeyFullname,
            AvroValueFullname,
            NullDefaults,
            DocOn,
            KeyCompatibilityLevel,
            ValueCompatibilityLevel,
        ],
        OptionContext::AvroSchema => &[ConfluentWireFormat],
    }
}

/// What MZ100 suggests for an unknown option word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OptionSuggestion {
    /// A curated alias (`SSLMODE` → SSL MODE): a safe rename.
    Alias(OptionName),
    /// The single name within edit distance: an unsafe rename.
    DidYouMean(OptionName),
}

impl OptionSuggestion {
    pub fn name(&self) -> &OptionName {
        match self {
            OptionSuggestion::Alias(name) | OptionSuggestion::DidYouMean(name) => name,
        }
    }
}

/// The suggestion for the unknown words `words` (upper case, single spaces)
/// in `context`: a curated alias the context accepts, else the single
/// accepted name within Damerau–Levenshtein distance 2 (1 for names of at
/// most 4 characters). Pure: every rule asking gets the same answer.
pub fn suggest_option(words: &str, context: OptionContext) -> Option<OptionSuggestion> {
    let accepted = context_options(context);
    let words = normalize_words(words);
    let privatelink = context == OptionContext::Connection(Some(ConnectionType::AwsPrivatelink));
    if let Some(alias) = option_alias(&words, privatelink) {
        if accepted.contains(&alias) {
            return Some(OptionSuggestion::Alias(alias));
        }
    }
    let mut found: Option<&OptionName> = None;
    for candidate in accepted {
        let text = candidate.as_str();
        let limit = if text.len() <= 4 { 1 } else { 2 };
        if damerau_levenshtein(&words, text) <= limit {
            if found.is_some_and(|f| f != candidate) {
                return None;
            }
            found = Some(candidate);
        }
    }
    found.cloned().map(OptionSuggestion::DidYouMean)
}

/// The option an option counts as for every rule (rules.md §1.8): a known
/// name is itself; an unknown word counts as the option MZ100 suggests for
/// it, if any.
pub fn effective_option_name(name: &OptionName, context: OptionContext) -> Option<OptionName> {
    match name {
        OptionName::Unknown(words) => suggest_option(words, context).map(|s| s.name().clone()),
        known => Some(known.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(damerau_levenshtein("SSL MDOE", "SSL MODE"), 1);
        assert_eq!(damerau_levenshtein("HOTS", "HOST"), 1);
        assert_eq!(damerau_levenshtein("abc", "abc"), 0);
    }

    #[test]
    fn suggestions() {
        let names = connection_options(ConnectionType::Postgres);
        let strs: Vec<&str> = names.iter().map(|n| n.as_str()).collect();
        assert_eq!(
            did_you_mean("ssl mdoe", strs.iter().copied()),
            Some("SSL MODE")
        );
        assert_eq!(did_you_mean("POTR", strs.iter().copied()), Some("PORT"));
        assert_eq!(did_you_mean("XYZZY", strs.iter().copied()), None);
        assert_eq!(option_alias("SSLMODE", false), Some(OptionName::SslMode));
    }

    #[test]
    fn context_suggestions() {
        use OptionContext::*;
        let pg = Connection(Some(ConnectionType::Postgres));
        assert_eq!(
            suggest_option("SSLMODE", pg),
            Some(OptionSuggestion::Alias(OptionName::SslMode))
        );
        assert_eq!(
            suggest_option("SASL MECHANISM", Connection(Some(ConnectionType::Kafka))),
            Some(OptionSuggestion::Alias(OptionName::SaslMechanisms))
        );
        // An alias the context does not accept is no suggestion.
        assert_eq!(
            suggest_option("DBNAME", Connection(Some(ConnectionType::MySql))),
            None
        );
        assert_eq!(
            suggest_option("HOTS", pg),
            Some(OptionSuggestion::DidYouMean(OptionName::Host))
        );
        assert_eq!(
            suggest_option(
                "AVAILABILITY ZONE",
                Connection(Some(ConnectionType::AwsPrivatelink))
            ),
            Some(OptionSuggestion::Alias(OptionName::AvailabilityZones))
        );
        assert_eq!(
            suggest_option("PUBLICATIONS", Source(SourceKind::Postgres)),
            Some(OptionSuggestion::Alias(OptionName::Publication))
        );
        assert_eq!(
            effective_option_name(&OptionName::Unknown("DBNAME".into()), pg),
            Some(OptionName::Database)
        );
        assert_eq!(
            effective_option_name(&OptionName::Host, pg),
            Some(OptionName::Host)
        );
        assert_eq!(
            effective_option_name(&OptionName::Unknown("XYZZY".into()), Connection(None)),
            None
        );
    }

    #[test]
    fn every_listed_option_is_documented() {
        for t in [
            ConnectionType::Postgres,
            ConnectionType::MySql,
            ConnectionType::SqlServer,
            ConnectionType::Kafka,
            ConnectionType::ConfluentSchemaRegistry,
            ConnectionType::Aws,
            ConnectionType::AwsPrivatelink,
            ConnectionType::SshTunnel,
            ConnectionType::IcebergCatalog,
        ] {
            for name in connection_options(t) {
                assert!(connection_option_doc(name).is_some(), "{name} undocumented");
            }
        }
    }
}

//! CREATE SOURCE (§3.5), ALTER SOURCE (§3.7), CREATE SUBSOURCE (§3.10).
//!
//! Lenient where a rule is more precise than Materialize's parse error
//! (rules.md MZ000 recovery table): every source option list recognises the
//! options of every source kind (MZ100 reports misplaced ones), removed
//! options and clauses are recorded in [`Parser::removed`] (MZ700, MZ701) and
//! otherwise parsed as their modern equivalent, and the removed inline forms
//! (`KAFKA BROKER '…'`, `POSTGRES CONNECTION '<libpq string>'`, `FROM FILE` …)
//! are recorded and the part mzlint cannot model skipped.

use super::core::{PResult, Parser};
use super::option_tables::{spec, OptionSpec, OptionTable, ValueShape};
use crate::ast::*;
use crate::span::Span;
use crate::token::TokenKind;

const G: ValueShape = ValueShape::Generic;
const COLUMNS: ValueShape = ValueShape::Custom(parse_column_ref_list_value);
const LOADGEN: ValueShape = ValueShape::Custom(parse_loadgen_value);
const RETAIN: ValueShape = ValueShape::Custom(parse_retain_history_value);

/// Every source option name of every source kind: the options of connection
/// sources (§4.6) and of load generators.
const SOURCE_OPTION_SPECS: &[OptionSpec] = &[
    spec(&["PUBLICATION"], OptionName::Publication, G),
    spec(&["TEXT", "COLUMNS"], OptionName::TextColumns, COLUMNS),
    spec(&["EXCLUDE", "COLUMNS"], OptionName::ExcludeColumns, COLUMNS),
    OptionSpec {
        words: &["IGNORE", "COLUMNS"],
        name: OptionName::ExcludeColumns,
        shape: COLUMNS,
        spelling: Spelling::IgnoreColumns,
    },
    spec(&["DETAILS"], OptionName::Details, G),
    // Removed SQL Server option (MZ701), recorded in `Parser::removed`.
    spec(&["CAPTURE", "INSTANCE"], OptionName::CaptureInstance, G),
    spec(&["TOPIC"], OptionName::Topic, G),
    spec(&["GROUP", "ID", "PREFIX"], OptionName::GroupIdPrefix, G),
    spec(&["START", "OFFSET"], OptionName::StartOffset, G),
    spec(&["START", "TIMESTAMP"], OptionName::StartTimestamp, G),
    spec(
        &["TOPIC", "METADATA", "REFRESH", "INTERVAL"],
        OptionName::TopicMetadataRefreshInterval,
        G,
    ),
    spec(&["AS", "OF"], OptionName::AsOf, LOADGEN),
    spec(&["UP", "TO"], OptionName::UpTo, LOADGEN),
    spec(&["SCALE", "FACTOR"], OptionName::ScaleFactor, LOADGEN),
    spec(&["TICK", "INTERVAL"], OptionName::TickInterval, LOADGEN),
    spec(&["MAX", "CARDINALITY"], OptionName::MaxCardinality, LOADGEN),
    spec(&["KEYS"], OptionName::Keys, LOADGEN),
    spec(&["SNAPSHOT", "ROUNDS"], OptionName::SnapshotRounds, LOADGEN),
    spec(
        &["TRANSACTIONAL", "SNAPSHOT"],
        OptionName::TransactionalSnapshot,
        LOADGEN,
    ),
    spec(&["VALUE", "SIZE"], OptionName::ValueSize, LOADGEN),
    spec(&["SEED"], OptionName::Seed, LOADGEN),
    spec(&["PARTITIONS"], OptionName::Partitions, LOADGEN),
    spec(&["BATCH", "SIZE"], OptionName::BatchSize, LOADGEN),
];

/// `FROM POSTGRES CONNECTION c ( … )` (and the removed YUGABYTE form).
static POSTGRES_SOURCE_OPTIONS: OptionTable = OptionTable {
    specs: SOURCE_OPTION_SPECS,
    expected: Some(&["DETAILS", "PUBLICATION", "TEXT", "EXCLUDE"]),
};

/// `FROM MYSQL CONNECTION c ( … )`.
static MYSQL_SOURCE_OPTIONS: OptionTable = OptionTable {
    specs: SOURCE_OPTION_SPECS,
    expected: Some(&["DETAILS", "TEXT", "EXCLUDE", "IGNORE"]),
};

/// `FROM SQL SERVER CONNECTION c ( … )`.
static SQL_SERVER_SOURCE_OPTIONS: OptionTable = OptionTable {
    specs: SOURCE_OPTION_SPECS,
    expected: Some(&["DETAILS", "TEXT", "EXCLUDE"]),
};

/// `FROM KAFKA CONNECTION c ( … )`.
static KAFKA_SOURCE_OPTIONS: OptionTable = OptionTable {
    specs: SOURCE_OPTION_SPECS,
    expected: Some(&["GROUP", "START", "TOPIC"]),
};

/// `FROM LOAD GENERATOR g ( … )`.
static LOAD_GENERATOR_OPTIONS: OptionTable = OptionTable {
    specs: SOURCE_OPTION_SPECS,
    expected: Some(&[
        "SCALE",
        "TICK",
        "AS",
        "UP",
        "MAX",
        "KEYS",
        "SNAPSHOT",
        "TRANSACTIONAL",
        "VALUE",
        "SEED",
        "PARTITIONS",
        "BATCH",
    ]),
};

/// CREATE SOURCE `WITH ( … )`, ALTER SOURCE `SET ( … )` / `RESET ( … )`:
/// TIMESTAMP INTERVAL and RETAIN HISTORY, plus the removed options (MZ700,
/// MZ701), recorded in `Parser::removed`.
static SOURCE_WITH_OPTIONS: OptionTable = OptionTable {
    specs: &[
        spec(&["TIMESTAMP", "INTERVAL"], OptionName::TimestampInterval, G),
        spec(&["RETAIN", "HISTORY"], OptionName::RetainHistory, RETAIN),
        spec(&["SIZE"], OptionName::Size, G),
        spec(&["REMOTE"], OptionName::Remote, G),
        spec(&["DISK"], OptionName::Disk, G),
        spec(&["TIMELINE"], OptionName::Timeline, G),
        spec(&["IGNORE", "KEYS"], OptionName::IgnoreKeys, G),
        spec(
            &["TIMESTAMP_FREQUENCY_MS"],
            OptionName::TimestampFrequencyMs,
            G,
        ),
    ],
    expected: Some(&["TIMESTAMP", "RETAIN"]),
};

/// ALTER SOURCE … ADD SUBSOURCE|TABLE … `WITH ( … )`.
static ADD_SUBSOURCE_OPTIONS: OptionTable = OptionTable {
    specs: &[
        spec(&["TEXT", "COLUMNS"], OptionName::TextColumns, COLUMNS),
        spec(&["EXCLUDE", "COLUMNS"], OptionName::ExcludeColumns, COLUMNS),
        OptionSpec {
            words: &["IGNORE", "COLUMNS"],
            name: OptionName::ExcludeColumns,
            shape: COLUMNS,
            spelling: Spelling::IgnoreColumns,
        },
    ],
    expected: Some(&["TEXT", "EXCLUDE", "IGNORE"]),
};

/// `column_ref_list = [ "=" ] ( "(" [ list<item_name> ] ")" | "[" [ list<item_name> ] "]" )`,
/// omitted entirely before `)`, `,` or the end. One-part names become
/// [`Value::Ident`], dotted ones [`Value::Name`], a lone `<word>`
/// placeholder [`Value::Placeholder`].
pub(crate) fn parse_column_ref_list_value(p: &mut Parser<'_>) -> PResult<Option<Value>> {
    if p.at_value_end() {
        return Ok(None);
    }
    p.eat(TokenKind::Eq);
    let start = p.start();
    let (bracket, close, close_name) = if p.eat(TokenKind::LParen).is_some() {
        (Bracket::Paren, TokenKind::RParen, "right parenthesis")
    } else if p.eat(TokenKind::LBracket).is_some() {
        (Bracket::Square, TokenKind::RBracket, "right square bracket")
    } else {
        return Err(p.expected("one of left parenthesis or left square bracket"));
    };
    let mut items = Vec::new();
    if p.eat(close).is_none() {
        items = p.parse_comma_separated(|p| {
            let name = p.parse_item_name_or_placeholder()?;
            Ok(name_value(name))
        })?;
        p.expect(close, close_name)?;
    }
    Ok(Some(Value::List {
        span: p.span_from(start),
        bracket,
        items,
    }))
}

/// A name as an option value: `Ident` for one part, `Name` for more,
/// `Placeholder` for `<word>`.
fn name_value(mut name: ItemName) -> Value {
    if name.parts.len() == 1 && name.is_placeholder() {
        Value::Placeholder(name.span)
    } else if name.parts.len() == 1 && name.resolved_id.is_none() {
        Value::Ident(name.parts.remove(0))
    } else {
        Value::Name(name)
    }
}

/// `RETAIN HISTORY [=] FOR literal` → [`Value::RetainHistory`]; its span
/// runs from `FOR` through the literal.
pub(crate) fn parse_retain_history_value(p: &mut Parser<'_>) -> PResult<Option<Value>> {
    p.eat(TokenKind::Eq);
    let start = p.start();
    p.expect_kw("FOR")?;
    let value = match p.parse_angle_placeholder() {
        Some(placeholder) => placeholder,
        None => match p.parse_psql_variable() {
            Some(placeholder) => placeholder,
            None => p.parse_literal()?,
        },
    };
    Ok(Some(Value::RetainHistory {
        span: p.span_from(start),
        value: Box::new(value),
    }))
}

/// `loadgen_option_name [ "=" ] opt_value`: a second `=` is tolerated.
fn parse_loadgen_value(p: &mut Parser<'_>) -> PResult<Option<Value>> {
    if p.at_value_end() {
        return Ok(None);
    }
    p.eat(TokenKind::Eq);
    p.parse_opt_value()
}

impl Parser<'_> {
    // -- CREATE SOURCE -------------------------------------------------------

    pub(crate) fn parse_create_source(&mut self) -> PResult<StatementKind> {
        let start = self.start();
        self.expect_kw("CREATE")?;
        if self.eat_kw("MATERIALIZED").is_some() {
            self.expect_kw("SOURCE")?;
            let span = self.span_from(start);
            self.removed(RemovedForm::MaterializedSource, span);
        } else {
            self.expect_kw("SOURCE")?;
        }
        let if_not_exists = self.parse_if_not_exists()?;
        let name = self.parse_item_name_or_placeholder()?;
        self.head = Some(PartialHead {
            object_type: ObjectType::Source,
            name: name.clone(),
            connection_type: None,
            source_kind: None,
        });
        let columns = if self.peek_kind(TokenKind::LParen) {
            Some(self.parse_source_columns()?)
        } else {
            None
        };
        let in_cluster = self.parse_in_cluster_or_placeholder()?;
        self.expect_kw("FROM")?;
        let body = if self.peek_kw("WEBHOOK") {
            let webhook_start = self.start();
            self.bump();
            SourceBody::Webhook(self.parse_webhook_spec(webhook_start)?)
        } else {
            SourceBody::Connection(Box::new(self.parse_source_connection()?))
        };
        Ok(StatementKind::CreateSource(CreateSource {
            if_not_exists,
            name,
            columns,
            in_cluster,
            body,
        }))
    }

    /// `( list<ident | key_constraint> )` after the source name.
    fn parse_source_columns(&mut self) -> PResult<SourceColumns> {
        let start = self.start();
        self.expect_lparen()?;
        let mut names = Vec::new();
        let mut key_constraint: Option<KeyConstraint> = None;
        loop {
            if self.peek_kws(&["PRIMARY", "KEY"]) {
                let key_start = self.start();
                self.pos += 2;
                let columns = self.parse_parenthesized_idents()?;
                self.expect_kws(&["NOT", "ENFORCED"])?;
                let span = self.span_from(key_start);
                if key_constraint.is_some() {
                    return Err(self.error_at(span, "Multiple key constraints not allowed"));
                }
                key_constraint = Some(KeyConstraint { span, columns });
            } else {
                names.push(self.parse_ident()?);
            }
            if self.eat(TokenKind::Comma).is_none() {
                break;
            }
        }
        self.expect_rparen()?;
        Ok(SourceColumns {
            span: self.span_from(start),
            names,
            key_constraint,
        })
    }

    /// Record the source kind in the partial head (MZ000 recovery).
    fn set_head_kind(&mut self, kind: SourceKind) {
        if let Some(head) = &mut self.head {
            head.source_kind = Some(kind);
        }
    }

    /// Everything after `FROM` except webhooks.
    fn parse_source_connection(&mut self) -> PResult<SourceConnection> {
        let kind_start = self.start();

        // Removed source kinds: record and skip the rest.
        for kind in ["FILE", "S3", "KINESIS", "PUBNUB"] {
            if self.peek_kw(kind) {
                let span = self.bump().span;
                self.removed(RemovedForm::RemovedSourceKind(kind), span);
                self.set_head_kind(SourceKind::Removed(kind));
                self.skip_rest();
                return Ok(empty_connection(SourceKind::Removed(kind), span));
            }
        }

        if self.eat_kw("YUGABYTE").is_some() {
            self.expect_kw("CONNECTION")?;
            let kind_span = self.span_from(kind_start);
            self.removed(RemovedForm::Yugabyte, kind_span);
            self.set_head_kind(SourceKind::Yugabyte);
            let mut conn = empty_connection(SourceKind::Yugabyte, kind_span);
            conn.connection = Some(self.parse_raw_item_name_or_placeholder()?);
            conn.options = self.parse_opt_source_options(&POSTGRES_SOURCE_OPTIONS)?;
            self.parse_source_tail(&mut conn)?;
            return Ok(conn);
        }

        let (index, _) = self.expect_one_of(&["KAFKA", "POSTGRES", "SQL", "MYSQL", "LOAD"])?;
        match index {
            // KAFKA
            0 => {
                if self.peek_kw("BROKER") {
                    return self.parse_inline_kafka_broker(kind_start);
                }
                self.expect_kw("CONNECTION")?;
                let kind_span = self.span_from(kind_start);
                self.set_head_kind(SourceKind::Kafka);
                let mut conn = empty_connection(SourceKind::Kafka, kind_span);
                conn.connection = Some(self.parse_raw_item_name_or_placeholder()?);
                conn.options = if self.peek_kw("TOPIC") {
                    // 2022 form `KAFKA CONNECTION k TOPIC 't'` (MZ701).
                    let list = self.parse_unparenthesized_option(&KAFKA_SOURCE_OPTIONS)?;
                    self.removed(RemovedForm::UnparenthesizedTopic, list.span);
                    Some(list)
                } else {
                    self.parse_opt_source_options(&KAFKA_SOURCE_OPTIONS)?
                };
                self.parse_source_tail(&mut conn)?;
                Ok(conn)
            }
            // POSTGRES
            1 => {
                self.expect_kw("CONNECTION")?;
                let kind_span = self.span_from(kind_start);
                self.set_head_kind(SourceKind::Postgres);
                if self.peek_string() {
                    return self.parse_inline_postgres_connection(kind_start, kind_span);
                }
                let mut conn = empty_connection(SourceKind::Postgres, kind_span);
                conn.connection = Some(self.parse_raw_item_name_or_placeholder()?);
                conn.options = if self.peek_kw("PUBLICATION") {
                    // 2022 form `POSTGRES CONNECTION c PUBLICATION 'p'` (MZ701).
                    let list = self.parse_unparenthesized_option(&POSTGRES_SOURCE_OPTIONS)?;
                    self.removed(RemovedForm::UnparenthesizedPublication, list.span);
                    Some(list)
                } else {
                    self.parse_opt_source_options(&POSTGRES_SOURCE_OPTIONS)?
                };
                self.parse_source_tail(&mut conn)?;
                Ok(conn)
            }
            // SQL SERVER
            2 => {
                self.expect_kws(&["SERVER", "CONNECTION"])?;
                let kind_span = self.span_from(kind_start);
                self.set_head_kind(SourceKind::SqlServer);
                let mut conn = empty_connection(SourceKind::SqlServer, kind_span);
                conn.connection = Some(self.parse_raw_item_name_or_placeholder()?);
                conn.options = self.parse_opt_source_options(&SQL_SERVER_SOURCE_OPTIONS)?;
                self.parse_source_tail(&mut conn)?;
                Ok(conn)
            }
            // MYSQL
            3 => {
                self.expect_kw("CONNECTION")?;
                let kind_span = self.span_from(kind_start);
                self.set_head_kind(SourceKind::MySql);
                let mut conn = empty_connection(SourceKind::MySql, kind_span);
                conn.connection = Some(self.parse_raw_item_name_or_placeholder()?);
                conn.options = self.parse_opt_source_options(&MYSQL_SOURCE_OPTIONS)?;
                self.parse_source_tail(&mut conn)?;
                Ok(conn)
            }
            // LOAD GENERATOR
            _ => {
                self.expect_kw("GENERATOR")?;
                let generators = [
                    LoadGenerator::Clock,
                    LoadGenerator::Counter,
                    LoadGenerator::Marketing,
                    LoadGenerator::Auction,
                    LoadGenerator::Tpch,
                    LoadGenerator::Datums,
                    LoadGenerator::KeyValue,
                ];
                let (index, _) = self.expect_one_of(&[
                    "CLOCK",
                    "COUNTER",
                    "MARKETING",
                    "AUCTION",
                    "TPCH",
                    "DATUMS",
                    "KEY",
                ])?;
                let generator = generators[index];
                if generator == LoadGenerator::KeyValue {
                    self.expect_kw("VALUE")?;
                }
                let kind = SourceKind::LoadGenerator(generator);
                let kind_span = self.span_from(kind_start);
                self.set_head_kind(kind);
                let mut conn = empty_connection(kind, kind_span);
                conn.options = self.parse_opt_source_options(&LOAD_GENERATOR_OPTIONS)?;
                self.parse_source_tail(&mut conn)?;
                Ok(conn)
            }
        }
    }

    /// `[ "(" list<option> ")" ]` of a source, removed options recorded.
    fn parse_opt_source_options(
        &mut self,
        table: &'static OptionTable,
    ) -> PResult<Option<OptionList>> {
        if !self.peek_kind(TokenKind::LParen) {
            return Ok(None);
        }
        let list = self.parse_paren_option_list(table)?;
        self.record_removed_options(&list);
        Ok(Some(list))
    }

    /// One option written without parentheses (removed 2022 forms), as an
    /// unparenthesized list whose span is the option's.
    fn parse_unparenthesized_option(&mut self, table: &'static OptionTable) -> PResult<OptionList> {
        let option = self.parse_option(table)?;
        Ok(OptionList {
            span: option.span,
            parenthesized: false,
            options: vec![option],
        })
    }

    /// Record removed options of a source option list or source `WITH`,
    /// `SET` or `RESET` list (MZ700, MZ701).
    fn record_removed_options(&mut self, list: &OptionList) {
        for option in &list.options {
            let form = match option.name {
                OptionName::Size => RemovedForm::SourceSize,
                OptionName::Remote => RemovedForm::RemovedSourceOption("REMOTE"),
                OptionName::Disk => RemovedForm::RemovedSourceOption("DISK"),
                OptionName::Timeline => RemovedForm::RemovedSourceOption("TIMELINE"),
                OptionName::IgnoreKeys => RemovedForm::RemovedSourceOption("IGNORE KEYS"),
                OptionName::TimestampFrequencyMs => {
                    RemovedForm::RemovedSourceOption("TIMESTAMP_FREQUENCY_MS")
                }
                OptionName::CaptureInstance => RemovedForm::CaptureInstance,
                _ => continue,
            };
            self.removed(form, option.span);
        }
    }

    /// The clauses after the connection, in their fixed order: format,
    /// INCLUDE, ENVELOPE, FOR …, EXPOSE PROGRESS AS, WITH.
    fn parse_source_tail(&mut self, conn: &mut SourceConnection) -> PResult<()> {
        conn.format = self.parse_opt_format_spec()?;
        conn.include = self.parse_opt_include()?;
        conn.envelope = self.parse_opt_envelope()?;
        conn.external_refs = self.parse_opt_external_refs()?;
        if self.peek_kw("EXPOSE") {
            let start = self.start();
            self.bump();
            self.expect_kws(&["PROGRESS", "AS"])?;
            let name = self.parse_raw_item_name_or_placeholder()?;
            conn.expose_progress = Some((self.span_from(start), name));
        }
        if self.eat_kw("WITH").is_some() {
            let list = self.parse_paren_option_list(&SOURCE_WITH_OPTIONS)?;
            self.record_removed_options(&list);
            conn.with_options = Some(list);
        }
        Ok(())
    }

    /// The tail of a removed inline form: parsed as modern clauses when that
    /// works through the end of the statement, otherwise skipped.
    fn parse_removed_form_tail(&mut self, conn: &mut SourceConnection) {
        let saved_pos = self.pos;
        let saved_removed = self.removed.len();
        let mut attempt = conn.clone();
        let result = self
            .parse_source_tail(&mut attempt)
            .and_then(|()| self.expect_end());
        match result {
            Ok(()) => *conn = attempt,
            Err(_) => {
                self.pos = saved_pos;
                self.removed.truncate(saved_removed);
                self.skip_rest();
            }
        }
    }

    /// `KAFKA BROKER 'host' TOPIC 'topic' …` (removed, MZ701), with `KAFKA`
    /// consumed. The topic is kept as an unparenthesized TOPIC option.
    fn parse_inline_kafka_broker(&mut self, kind_start: u32) -> PResult<SourceConnection> {
        self.bump(); // BROKER
        let kind_span = self.span_from(kind_start);
        self.set_head_kind(SourceKind::Kafka);
        let mut conn = empty_connection(SourceKind::Kafka, kind_span);
        if self.peek_string() {
            self.bump();
        }
        if self.peek_kw("TOPIC") {
            let saved = self.pos;
            match self.parse_unparenthesized_option(&KAFKA_SOURCE_OPTIONS) {
                Ok(list) => conn.options = Some(list),
                Err(_) => self.pos = saved,
            }
        }
        let span = self.span_from(kind_start);
        self.removed(RemovedForm::InlineKafkaBroker, span);
        self.parse_removed_form_tail(&mut conn);
        Ok(conn)
    }

    /// `POSTGRES CONNECTION '<libpq string>' [PUBLICATION 'p'] …` (removed,
    /// MZ701). The string is secret-bearing (rules.md §2): it is not kept,
    /// and nothing after it can produce an error message.
    fn parse_inline_postgres_connection(
        &mut self,
        kind_start: u32,
        kind_span: Span,
    ) -> PResult<SourceConnection> {
        self.bump(); // the connection string
        let span = self.span_from(kind_start);
        self.removed(RemovedForm::InlinePostgresConnectionString, span);
        let mut conn = empty_connection(SourceKind::Postgres, kind_span);
        if self.peek_kw("PUBLICATION") {
            let saved = self.pos;
            match self.parse_unparenthesized_option(&POSTGRES_SOURCE_OPTIONS) {
                Ok(list) => conn.options = Some(list),
                Err(_) => self.pos = saved,
            }
        }
        self.parse_removed_form_tail(&mut conn);
        Ok(conn)
    }

    /// `[ FOR ALL TABLES | FOR TABLES ( … ) | FOR SCHEMAS ( … ) ]`.
    fn parse_opt_external_refs(&mut self) -> PResult<Option<ExternalRefs>> {
        if !self.peek_kw("FOR") {
            return Ok(None);
        }
        let start = self.start();
        self.bump();
        let kind = if self.eat_kws(&["ALL", "TABLES"]).is_some() {
            ExternalRefsKind::All
        } else if self.eat_kw("TABLES").is_some() {
            self.expect_lparen()?;
            let refs = self.parse_comma_separated(|p| p.parse_external_ref())?;
            self.expect_rparen()?;
            ExternalRefsKind::Tables(refs)
        } else if self.eat_kw("SCHEMAS").is_some() {
            self.expect_lparen()?;
            let schemas = self.parse_comma_separated(|p| p.parse_ident_or_placeholder())?;
            self.expect_rparen()?;
            ExternalRefsKind::Schemas(schemas)
        } else {
            return Err(self.expected_one_of(&["ALL", "TABLES", "SCHEMAS"]));
        };
        Ok(Some(ExternalRefs {
            span: self.span_from(start),
            kind,
        }))
    }

    /// `item_name [ ( AS | INTO ) item_name ]`.
    fn parse_external_ref(&mut self) -> PResult<ExternalRef> {
        let start = self.start();
        let upstream = self.parse_item_name_or_placeholder()?;
        let mut into_keyword = None;
        let alias = if self.eat_kw("AS").is_some() {
            Some(self.parse_item_name_or_placeholder()?)
        } else if let Some(span) = self.eat_kw("INTO") {
            into_keyword = Some(span);
            Some(self.parse_item_name_or_placeholder()?)
        } else {
            None
        };
        Ok(ExternalRef {
            span: self.span_from(start),
            upstream,
            alias,
            into_keyword,
        })
    }

    // -- ALTER SOURCE --------------------------------------------------------

    pub(crate) fn parse_alter_source(&mut self) -> PResult<StatementKind> {
        self.expect_kws(&["ALTER", "SOURCE"])?;
        let if_exists = self.parse_if_exists()?;
        let name = self.parse_item_name_or_placeholder()?;
        let action_start = self.start();
        let (index, _) =
            self.expect_one_of(&["ADD", "DROP", "RESET", "SET", "RENAME", "OWNER", "REFRESH"])?;
        let action = match index {
            // ADD SUBSOURCE|TABLE
            0 => {
                self.expect_one_of(&["SUBSOURCE", "TABLE"])?;
                let refs = self.parse_comma_separated(|p| p.parse_external_ref())?;
                let with_options = if self.eat_kw("WITH").is_some() {
                    Some(self.parse_paren_option_list(&ADD_SUBSOURCE_OPTIONS)?)
                } else {
                    None
                };
                AlterSourceAction::AddSubsources { refs, with_options }
            }
            // DROP SUBSOURCE|TABLE (removed: always a plan error)
            1 => {
                self.expect_one_of(&["SUBSOURCE", "TABLE"])?;
                let inner_if_exists = self.parse_if_exists()?;
                let names = self.parse_comma_separated(|p| p.parse_item_name_or_placeholder())?;
                let cascade = self.parse_cascade_or_restrict("ALTER SOURCE...DROP")?;
                let span = self.span_from(action_start);
                self.removed(RemovedForm::AlterSourceDropSubsource, span);
                AlterSourceAction::DropSubsources {
                    if_exists: inner_if_exists,
                    names,
                    cascade,
                }
            }
            // RESET ( names )
            2 => {
                let list = self.parse_option_name_list(&SOURCE_WITH_OPTIONS)?;
                self.record_removed_options(&list);
                AlterSourceAction::Reset(list)
            }
            // SET CLUSTER c | SET ( options )
            3 => {
                if self.eat_kw("CLUSTER").is_some() {
                    let cluster = if let Some(ident) = self.eat_placeholder_ident() {
                        ClusterRef::Name(ident)
                    } else {
                        self.parse_cluster_ref()?
                    };
                    AlterSourceAction::SetCluster(cluster)
                } else {
                    let list = self.parse_paren_option_list(&SOURCE_WITH_OPTIONS)?;
                    self.record_removed_options(&list);
                    AlterSourceAction::Set(list)
                }
            }
            4 => {
                self.expect_kw("TO")?;
                AlterSourceAction::Rename(self.parse_ident_or_placeholder()?)
            }
            5 => {
                self.expect_kw("TO")?;
                AlterSourceAction::Owner(self.parse_ident_or_placeholder()?)
            }
            _ => {
                self.expect_kw("REFERENCES")?;
                AlterSourceAction::RefreshReferences
            }
        };
        Ok(StatementKind::AlterSource(AlterSource {
            if_exists,
            name,
            action,
            action_span: self.span_from(action_start),
        }))
    }

    /// `[ CASCADE | RESTRICT ]`; both is an error naming `context`.
    fn parse_cascade_or_restrict(&mut self, context: &str) -> PResult<bool> {
        let first = if self.eat_kw("CASCADE").is_some() {
            Some("CASCADE")
        } else if self.eat_kw("RESTRICT").is_some() {
            Some("RESTRICT")
        } else {
            None
        };
        if let Some(first) = first {
            let other = if first == "CASCADE" {
                "RESTRICT"
            } else {
                "CASCADE"
            };
            if self.peek_kw(other) {
                return Err(self.error_here(format!(
                    "Cannot specify both {first} and {other} in {context}"
                )));
            }
        }
        Ok(first == Some("CASCADE"))
    }

    /// `( list<option name> )`: names only (RESET); unknown words are kept
    /// as `OptionName::Unknown`.
    fn parse_option_name_list(&mut self, table: &'static OptionTable) -> PResult<OptionList> {
        let start = self.start();
        self.expect_lparen()?;
        let options = self.parse_comma_separated(|p| {
            let start = p.start();
            if let Some(spec) = p.match_option_name(table) {
                p.pos += spec.words.len();
                let span = p.span_from(start);
                return Ok(SqlOption {
                    span,
                    name: spec.name.clone(),
                    name_span: span,
                    spelling: spec.spelling,
                    value: None,
                });
            }
            if !p.peek_kind(TokenKind::Word) {
                return Err(p.expected_one_of(&table.first_words()));
            }
            let mut words = Vec::new();
            while p.peek_kind(TokenKind::Word) {
                let token = p.bump();
                words.push(p.text(token).to_ascii_uppercase());
            }
            let span = p.span_from(start);
            Ok(SqlOption {
                span,
                name: OptionName::Unknown(words.join(" ")),
                name_span: span,
                spelling: Spelling::Canonical,
                value: None,
            })
        })?;
        self.expect_rparen()?;
        Ok(OptionList {
            span: self.span_from(start),
            parenthesized: true,
            options,
        })
    }

    // -- CREATE SUBSOURCE ----------------------------------------------------

    /// `CREATE SUBSOURCE [IF NOT EXISTS] name ( … ) [OF SOURCE x] [WITH ( … )]`
    /// (internal, MZ112): name and `OF SOURCE` are modelled, the column list
    /// and options skipped.
    pub(crate) fn parse_create_subsource(&mut self) -> PResult<StatementKind> {
        self.expect_kws(&["CREATE", "SUBSOURCE"])?;
        self.parse_if_not_exists()?;
        let name = self.parse_item_name_or_placeholder()?;
        self.head = Some(PartialHead {
            object_type: ObjectType::Source,
            name: name.clone(),
            connection_type: None,
            source_kind: None,
        });
        self.skip_parenthesized()?;
        let of_source = if self.eat_kws(&["OF", "SOURCE"]).is_some() {
            Some(self.parse_raw_item_name_or_placeholder()?)
        } else {
            None
        };
        if self.eat_kw("WITH").is_some() {
            self.skip_parenthesized()?;
        }
        Ok(StatementKind::CreateSubsource(CreateSubsource {
            name,
            of_source,
        }))
    }

    /// `( … )` with balanced parentheses and brackets, contents skipped.
    pub(crate) fn skip_parenthesized(&mut self) -> PResult<()> {
        self.expect_lparen()?;
        let mut depth = 0usize;
        loop {
            let Some(token) = self.peek() else {
                return Err(self.expected("right parenthesis"));
            };
            match token.kind {
                TokenKind::LParen | TokenKind::LBracket => depth += 1,
                TokenKind::RParen if depth == 0 => {
                    self.bump();
                    return Ok(());
                }
                TokenKind::RParen | TokenKind::RBracket => depth = depth.saturating_sub(1),
                _ => {}
            }
            self.bump();
        }
    }
}

/// A connection with only its kind set.
fn empty_connection(kind: SourceKind, kind_span: Span) -> SourceConnection {
    SourceConnection {
        kind,
        kind_span,
        connection: None,
        options: None,
        format: None,
        include: None,
        envelope: None,
        external_refs: None,
        expose_progress: None,
        with_options: None,
    }
}

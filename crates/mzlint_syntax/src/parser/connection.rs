//! CREATE / ALTER / VALIDATE CONNECTION (§3.2–§3.4).

use super::core::{PResult, Parser};
use super::option_tables::{OptionTable, CONNECTION_OPTIONS, CONNECTION_WITH_OPTIONS};
use crate::ast::*;
use crate::span::Span;
use crate::token::TokenKind;

/// The connection types Materialize lists in its error (§3.2). `YUGABYTE`
/// is recognised too (removed, MZ701) but, as in current Materialize, not
/// listed.
const CONNECTION_TYPES: &[&str] = &[
    "AWS",
    "KAFKA",
    "CONFLUENT",
    "POSTGRES",
    "SSH",
    "SQL",
    "MYSQL",
    "ICEBERG",
];

/// Options whose value, unless `SECRET name`, is secret-bearing (rules.md
/// §2, item 2).
fn is_secret_bearing(name: &OptionName) -> bool {
    matches!(
        name,
        OptionName::Password
            | OptionName::SaslPassword
            | OptionName::SslKey
            | OptionName::SecretAccessKey
            | OptionName::SessionToken
            | OptionName::AccessKeyId
            | OptionName::Credential
    )
}

impl Parser<'_> {
    /// `CREATE CONNECTION [IF NOT EXISTS] name (TO type (options) | FOR type
    /// options) [WITH (options)]`; also the removed `CREATE CONNECTOR`.
    pub(crate) fn parse_create_connection(&mut self) -> PResult<StatementKind> {
        let start = self.start();
        self.expect_kw("CREATE")?;
        if let Some(span) = self.eat_kw("CONNECTOR") {
            self.removed(RemovedForm::CreateConnector, Span::new(start, span.end));
        } else {
            self.expect_kw("CONNECTION")?;
        }
        let if_not_exists = self.parse_if_not_exists()?;
        let name = self.parse_item_name()?;
        let (form, form_span) = self.expect_one_of(&["FOR", "TO"])?;
        let legacy = form == 0;
        let (connection_type, type_span) = self.parse_connection_type()?;
        self.head = Some(PartialHead {
            object_type: ObjectType::Connection,
            name: name.clone(),
            connection_type: Some(connection_type),
            source_kind: None,
        });
        let options = self.parse_connection_options(!legacy)?;
        let with_options = if self.eat_kw("WITH").is_some() {
            Some(self.parse_paren_option_list(&CONNECTION_WITH_OPTIONS)?)
        } else {
            None
        };
        Ok(StatementKind::CreateConnection(CreateConnection {
            if_not_exists,
            name,
            connection_type,
            type_span,
            legacy_for: legacy.then(|| form_span.cover(type_span)),
            options,
            with_options,
        }))
    }

    /// `connection_type` (§3.2): the type and the span of its words.
    fn parse_connection_type(&mut self) -> PResult<(ConnectionType, Span)> {
        let start = self.start();
        if let Some(span) = self.eat_kw("YUGABYTE") {
            self.removed(RemovedForm::Yugabyte, span);
            return Ok((ConnectionType::Yugabyte, span));
        }
        let (index, _) = self.expect_one_of(CONNECTION_TYPES)?;
        let connection_type = match CONNECTION_TYPES.get(index).copied() {
            Some("AWS") => {
                if self.eat_kw("PRIVATELINK").is_some() {
                    ConnectionType::AwsPrivatelink
                } else {
                    ConnectionType::Aws
                }
            }
            Some("KAFKA") => ConnectionType::Kafka,
            Some("CONFLUENT") => {
                self.expect_kws(&["SCHEMA", "REGISTRY"])?;
                ConnectionType::ConfluentSchemaRegistry
            }
            Some("POSTGRES") => ConnectionType::Postgres,
            Some("SSH") => {
                self.expect_kw("TUNNEL")?;
                ConnectionType::SshTunnel
            }
            Some("SQL") => {
                self.expect_kw("SERVER")?;
                ConnectionType::SqlServer
            }
            Some("MYSQL") => ConnectionType::MySql,
            _ => {
                self.expect_kw("CATALOG")?;
                ConnectionType::IcebergCatalog
            }
        };
        Ok((connection_type, self.span_from(start)))
    }

    /// `"(" list<conn_option> ")"`, or without parentheses for the legacy
    /// `FOR` form. An error at the token right after a secret-bearing value
    /// names no token: an unquoted password with spaces (`PASSWORD my pw`)
    /// would otherwise show its second word (rules.md §2).
    fn parse_connection_options(&mut self, parenthesized: bool) -> PResult<OptionList> {
        let start = self.start();
        if parenthesized {
            self.expect_lparen()?;
        }
        let mut options = Vec::new();
        let after_secret = loop {
            let option = self.parse_option(&CONNECTION_OPTIONS)?;
            self.record_removed_connection_option(&option);
            let secret = is_secret_bearing(&option.name);
            options.push(option);
            if self.eat(TokenKind::Comma).is_none() {
                break secret;
            }
        };
        if parenthesized {
            self.expect_rparen_after(after_secret)?;
        } else if after_secret && !self.at_end() && !self.peek_kw("WITH") {
            return self.redacted(|p| Err(p.expected("end of statement")));
        }
        Ok(OptionList {
            span: self.span_from(start),
            parenthesized,
            options,
        })
    }

    /// `)`, redacting the found token after a secret-bearing value.
    fn expect_rparen_after(&mut self, after_secret: bool) -> PResult<()> {
        if after_secret {
            self.redacted(|p| p.expect_rparen().map(drop))
        } else {
            self.expect_rparen().map(drop)
        }
    }

    /// `ROLE ARN` was renamed `ASSUME ROLE ARN` (MZ701).
    fn record_removed_connection_option(&mut self, option: &SqlOption) {
        if option.name == OptionName::RoleArn {
            self.removed(RemovedForm::RoleArn, option.name_span);
        }
    }

    /// `ALTER CONNECTION [IF EXISTS] name (RENAME TO ident | OWNER TO ident |
    /// list<action> [WITH (VALIDATE …)])`.
    pub(crate) fn parse_alter_connection(&mut self) -> PResult<StatementKind> {
        self.expect_kws(&["ALTER", "CONNECTION"])?;
        let if_exists = self.parse_if_exists()?;
        let name = self.parse_item_name()?;
        let action = if self.eat_kw("RENAME").is_some() {
            self.expect_kw("TO")?;
            AlterConnectionAction::Rename(self.parse_ident()?)
        } else if self.eat_kw("OWNER").is_some() {
            self.expect_kw("TO")?;
            AlterConnectionAction::Owner(self.parse_ident()?)
        } else if ["ROTATE", "SET", "RESET", "DROP"]
            .iter()
            .any(|kw| self.peek_kw(kw))
        {
            let actions = self.parse_comma_separated(|p| p.parse_alter_connection_item())?;
            let with_options = if self.eat_kw("WITH").is_some() {
                Some(self.parse_paren_option_list(&CONNECTION_WITH_OPTIONS)?)
            } else {
                None
            };
            AlterConnectionAction::Actions {
                actions,
                with_options,
            }
        } else {
            return Err(
                self.expected_one_of(&["RENAME", "OWNER", "ROTATE", "SET", "RESET", "DROP"])
            );
        };
        Ok(StatementKind::AlterConnection(AlterConnection {
            if_exists,
            name,
            action,
        }))
    }

    /// `ROTATE KEYS | SET (conn_option) | (DROP | RESET) (conn_option_name)`.
    fn parse_alter_connection_item(&mut self) -> PResult<AlterConnectionItem> {
        let start = self.start();
        let (action, _) = self.expect_one_of(&["ROTATE", "SET", "RESET", "DROP"])?;
        let kind = match action {
            0 => {
                self.expect_kw("KEYS")?;
                AlterConnectionItemKind::RotateKeys
            }
            1 => {
                self.expect_lparen()?;
                let option = self.parse_option(&CONNECTION_OPTIONS)?;
                self.expect_rparen_after(is_secret_bearing(&option.name))?;
                self.record_removed_connection_option(&option);
                AlterConnectionItemKind::Set(option)
            }
            _ => {
                self.expect_lparen()?;
                let option = self.parse_option_name_only(&CONNECTION_OPTIONS)?;
                self.expect_rparen()?;
                self.record_removed_connection_option(&option);
                AlterConnectionItemKind::Reset {
                    option,
                    keyword: if action == 2 {
                        ResetKeyword::Reset
                    } else {
                        ResetKeyword::Drop
                    },
                }
            }
        };
        Ok(AlterConnectionItem {
            span: self.span_from(start),
            kind,
        })
    }

    /// An option name of `table` without a value (`RESET (SSL MODE)`): an
    /// option whose `value` is `None`. Unknown words are kept as
    /// `OptionName::Unknown` (MZ100).
    pub(crate) fn parse_option_name_only(
        &mut self,
        table: &'static OptionTable,
    ) -> PResult<SqlOption> {
        let start = self.start();
        if let Some(spec) = self.match_option_name(table) {
            self.pos += spec.words.len();
            if spec.words == ["PUBLIC", "KEY"] {
                // Only `PUBLIC KEY 1` and `PUBLIC KEY 2` exist.
                return Err(self.error_here(format!(
                    "Expected 1 or 2 after PUBLIC KEY, found {}",
                    self.describe_next()
                )));
            }
            let name_span = self.span_from(start);
            return Ok(SqlOption {
                span: name_span,
                name: spec.name.clone(),
                name_span,
                spelling: spec.spelling,
                value: None,
            });
        }
        if !self.peek_kind(TokenKind::Word) {
            return Err(self.expected_one_of(&table.first_words()));
        }
        let mut words = Vec::new();
        while let Some(token) = self.peek().filter(|t| t.kind == TokenKind::Word) {
            self.bump();
            words.push(self.text(token).to_ascii_uppercase());
        }
        let name_span = self.span_from(start);
        Ok(SqlOption {
            span: name_span,
            name: OptionName::Unknown(words.join(" ")),
            name_span,
            spelling: Spelling::Canonical,
            value: None,
        })
    }

    /// `VALIDATE CONNECTION raw_item_name`
    pub(crate) fn parse_validate_connection(&mut self) -> PResult<StatementKind> {
        self.expect_kws(&["VALIDATE", "CONNECTION"])?;
        let name = self.parse_raw_item_name()?;
        Ok(StatementKind::ValidateConnection(ValidateConnection {
            name,
        }))
    }
}

//! Which option names each option list recognises, and how each value is
//! written. The parser accepts every name of a list in every statement using
//! it (the per-type checks are the linter's, `materialize-ddl.md` §4.2).
//!
//! Tables for source, table and cluster lists live next to their
//! productions; the connection tables are here because several statements
//! (CREATE and ALTER CONNECTION) share them.

use super::core::{PResult, Parser};
use crate::ast::{
    Bracket, Broker, BrokerTunnel, BrokerTunnelKind, ItemName, OptionName, PrivateLinkRef,
    Spelling, Value,
};
use crate::token::TokenKind;

/// How an option's value is written.
#[derive(Clone, Copy)]
pub(crate) enum ValueShape {
    /// `opt_value` (§1.8).
    Generic,
    /// `opt_value`, secret-bearing: parse errors name no token text.
    Secret,
    /// A production of its own.
    Custom(for<'a> fn(&mut Parser<'a>) -> PResult<Option<Value>>),
}

pub(crate) struct OptionSpec {
    /// Upper-case words; a digit word matches a number token (`PUBLIC KEY 1`).
    pub words: &'static [&'static str],
    pub name: OptionName,
    pub shape: ValueShape,
    pub spelling: Spelling,
}

pub(crate) struct OptionTable {
    pub specs: &'static [OptionSpec],
    /// The words listed in `Expected one of … found …` when no option name
    /// starts at the cursor; by default the specs' distinct first words.
    pub expected: Option<&'static [&'static str]>,
}

impl OptionTable {
    pub(crate) fn first_words(&self) -> Vec<&'static str> {
        if let Some(expected) = self.expected {
            return expected.to_vec();
        }
        let mut words: Vec<&'static str> = Vec::new();
        for spec in self.specs {
            if !words.contains(&spec.words[0]) {
                words.push(spec.words[0]);
            }
        }
        words
    }
}

pub(crate) const fn spec(
    words: &'static [&'static str],
    name: OptionName,
    shape: ValueShape,
) -> OptionSpec {
    OptionSpec {
        words,
        name,
        shape,
        spelling: Spelling::Canonical,
    }
}

const G: ValueShape = ValueShape::Generic;
const S: ValueShape = ValueShape::Secret;

/// `conn_option` (§3.2), for CREATE CONNECTION and ALTER CONNECTION SET.
pub(crate) static CONNECTION_OPTIONS: OptionTable = OptionTable {
    specs: &[
        spec(&["ACCESS", "KEY", "ID"], OptionName::AccessKeyId, S),
        spec(&["ASSUME", "ROLE", "ARN"], OptionName::AssumeRoleArn, G),
        spec(
            &["ASSUME", "ROLE", "SESSION", "NAME"],
            OptionName::AssumeRoleSessionName,
            G,
        ),
        spec(&["AVAILABILITY", "ZONES"], OptionName::AvailabilityZones, G),
        spec(
            &["AWS", "CONNECTION"],
            OptionName::AwsConnection,
            ValueShape::Custom(parse_name_value),
        ),
        spec(
            &["AWS", "PRIVATELINK"],
            OptionName::AwsPrivatelink,
            ValueShape::Custom(parse_privatelink_value),
        ),
        spec(
            &["BROKER"],
            OptionName::Broker,
            ValueShape::Custom(parse_broker_value),
        ),
        spec(
            &["BROKERS"],
            OptionName::Brokers,
            ValueShape::Custom(parse_brokers_value),
        ),
        spec(&["CATALOG", "TYPE"], OptionName::CatalogType, G),
        spec(&["CREDENTIAL"], OptionName::Credential, S),
        spec(&["DATABASE"], OptionName::Database, G),
        spec(&["ENDPOINT"], OptionName::Endpoint, G),
        spec(&["HOST"], OptionName::Host, G),
        spec(&["PASSWORD"], OptionName::Password, S),
        spec(&["PORT"], OptionName::Port, G),
        spec(&["PROGRESS", "TOPIC"], OptionName::ProgressTopic, G),
        spec(
            &["PROGRESS", "TOPIC", "REPLICATION", "FACTOR"],
            OptionName::ProgressTopicReplicationFactor,
            G,
        ),
        spec(&["PUBLIC", "KEY", "1"], OptionName::PublicKey1, G),
        spec(&["PUBLIC", "KEY", "2"], OptionName::PublicKey2, G),
        spec(
            &["PUBLIC", "KEY"],
            OptionName::PublicKey1,
            ValueShape::Custom(public_key_digit_error),
        ),
        spec(&["REGION"], OptionName::Region, G),
        // `ROLE ARN` was renamed ASSUME ROLE ARN; recognised for MZ701.
        spec(&["ROLE", "ARN"], OptionName::RoleArn, G),
        spec(&["SASL", "MECHANISMS"], OptionName::SaslMechanisms, G),
        spec(&["SASL", "PASSWORD"], OptionName::SaslPassword, S),
        spec(&["SASL", "USERNAME"], OptionName::SaslUsername, G),
        spec(&["SCOPE"], OptionName::Scope, G),
        spec(&["SECRET", "ACCESS", "KEY"], OptionName::SecretAccessKey, S),
        spec(&["SECURITY", "PROTOCOL"], OptionName::SecurityProtocol, G),
        spec(&["SERVICE", "NAME"], OptionName::ServiceName, G),
        spec(&["SESSION", "TOKEN"], OptionName::SessionToken, S),
        spec(
            &["SSH", "TUNNEL"],
            OptionName::SshTunnel,
            ValueShape::Custom(parse_name_value),
        ),
        spec(&["SSL", "CERTIFICATE"], OptionName::SslCertificate, G),
        spec(
            &["SSL", "CERTIFICATE", "AUTHORITY"],
            OptionName::SslCertificateAuthority,
            G,
        ),
        spec(&["SSL", "KEY"], OptionName::SslKey, S),
        spec(&["SSL", "MODE"], OptionName::SslMode, G),
        spec(&["URL"], OptionName::Url, G),
        spec(&["USER"], OptionName::User, G),
        OptionSpec {
            words: &["USERNAME"],
            name: OptionName::User,
            shape: G,
            spelling: Spelling::Username,
        },
        spec(&["WAREHOUSE"], OptionName::Warehouse, G),
    ],
    // Materialize's order (PUBLIC before PROGRESS; ROLE has no production).
    expected: Some(&[
        "ACCESS",
        "ASSUME",
        "AVAILABILITY",
        "AWS",
        "BROKER",
        "BROKERS",
        "CATALOG",
        "CREDENTIAL",
        "DATABASE",
        "ENDPOINT",
        "HOST",
        "PASSWORD",
        "PORT",
        "PUBLIC",
        "PROGRESS",
        "REGION",
        "ROLE",
        "SASL",
        "SCOPE",
        "SECRET",
        "SECURITY",
        "SERVICE",
        "SESSION",
        "SSH",
        "SSL",
        "URL",
        "USER",
        "USERNAME",
        "WAREHOUSE",
    ]),
};

/// `WITH (VALIDATE …)` of CREATE/ALTER CONNECTION.
pub(crate) static CONNECTION_WITH_OPTIONS: OptionTable = OptionTable {
    specs: &[spec(&["VALIDATE"], OptionName::Validate, G)],
    expected: None,
};

/// `USING AWS PRIVATELINK pl (AVAILABILITY ZONE 'az', PORT n)`.
pub(crate) static BROKER_PRIVATELINK_OPTIONS: OptionTable = OptionTable {
    specs: &[
        spec(&["AVAILABILITY", "ZONE"], OptionName::AvailabilityZone, G),
        spec(&["PORT"], OptionName::Port, G),
    ],
    expected: None,
};

/// `PUBLIC KEY` followed by anything but the number 1 or 2.
fn public_key_digit_error(p: &mut Parser<'_>) -> PResult<Option<Value>> {
    Err(p.error_here(format!(
        "Expected 1 or 2 after PUBLIC KEY, found {}",
        p.describe_next()
    )))
}

/// `[=] raw_item_name` for options whose value must be a connection name.
/// A string or placeholder there is kept (MZ106 / MZ706 report it).
pub(crate) fn parse_name_value(p: &mut Parser<'_>) -> PResult<Option<Value>> {
    if p.at_value_end() {
        return Ok(None);
    }
    p.eat(TokenKind::Eq);
    parse_name_or_recovered(p).map(Some)
}

/// A name, or a string / `<placeholder>` written where the name belongs.
pub(crate) fn parse_name_or_recovered(p: &mut Parser<'_>) -> PResult<Value> {
    if p.peek_string() {
        let token = p.bump();
        return Ok(Value::String(p.string_lit_from(token)));
    }
    if let Some(placeholder) = p.parse_angle_placeholder() {
        return Ok(placeholder);
    }
    if !p.peek_ident() && !p.peek_kind(TokenKind::LBracket) {
        return Err(p.expected("identifier"));
    }
    Ok(Value::Name(p.parse_raw_item_name()?))
}

/// `[=] raw_item_name [ "(" PORT int ")" ]`.
fn parse_privatelink_value(p: &mut Parser<'_>) -> PResult<Option<Value>> {
    if p.at_value_end() {
        return Ok(None);
    }
    let start = p.start();
    p.eat(TokenKind::Eq);
    let name = parse_name_or_recovered(p)?;
    let mut port = None;
    if p.peek_kind(TokenKind::LParen) {
        let group_start = p.start();
        p.bump();
        p.expect_kw("PORT")?;
        p.eat(TokenKind::Eq);
        let (span, text) = p.parse_signed_number()?;
        p.expect_rparen()?;
        port = Some((
            p.span_from(group_start),
            Box::new(Value::Number { span, text }),
        ));
    }
    Ok(Some(Value::PrivateLink(PrivateLinkRef {
        span: p.span_from(start),
        name: Box::new(name),
        port,
    })))
}

/// `BROKER [=] string_lit [USING tunnel]`.
fn parse_broker_value(p: &mut Parser<'_>) -> PResult<Option<Value>> {
    if p.at_value_end() {
        return Ok(None);
    }
    p.eat(TokenKind::Eq);
    parse_broker(p).map(|b| Some(Value::Broker(b)))
}

/// `BROKERS [=] ( list ) | [ list ]`.
fn parse_brokers_value(p: &mut Parser<'_>) -> PResult<Option<Value>> {
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
        return Err(p.expected("left parenthesis"));
    };
    let items = p.parse_comma_separated(|p| {
        // The parser tolerates a stray `=` before each element (§3.2).
        p.eat(TokenKind::Eq);
        parse_broker(p).map(Value::Broker)
    })?;
    p.expect(close, close_name)?;
    Ok(Some(Value::List {
        span: p.span_from(start),
        bracket,
        items,
    }))
}

/// One `kafka_broker`: `string_lit [USING …]`. A bare word is kept as the
/// address for MZ106; anything else is Materialize's parse error.
fn parse_broker(p: &mut Parser<'_>) -> PResult<Broker> {
    let start = p.start();
    let address = if p.peek_string() {
        let token = p.bump();
        Value::String(p.string_lit_from(token))
    } else if let Some(placeholder) = p.parse_angle_placeholder() {
        placeholder
    } else if p.peek_kind(TokenKind::Word) && !p.peek_kw("USING") {
        let name = p.parse_item_name()?;
        if name.parts.len() == 1 {
            Value::Ident(name.parts.into_iter().next().expect("one part"))
        } else {
            Value::Name(name)
        }
    } else {
        return Err(p.expected("literal string"));
    };
    let tunnel = if p.peek_kw("USING") {
        let tunnel_start = p.start();
        p.bump();
        let kind = if p.eat_kws(&["AWS", "PRIVATELINK"]).is_some() {
            let name = p.parse_raw_item_name()?;
            let options = if p.peek_kind(TokenKind::LParen) {
                Some(p.parse_paren_option_list(&BROKER_PRIVATELINK_OPTIONS)?)
            } else {
                None
            };
            BrokerTunnelKind::PrivateLink { name, options }
        } else if p.eat_kws(&["SSH", "TUNNEL"]).is_some() {
            BrokerTunnelKind::SshTunnel {
                name: p.parse_raw_item_name()?,
            }
        } else {
            return Err(p.expected_one_of(&["AWS", "SSH"]));
        };
        Some(BrokerTunnel {
            span: p.span_from(tunnel_start),
            kind,
        })
    } else {
        None
    };
    Ok(Broker {
        span: p.span_from(start),
        address: Box::new(address),
        tunnel,
    })
}

/// Helper for productions that need a name as an [`ItemName`] but accept a
/// recovered string (kept only as its span in a one-part name).
#[allow(dead_code)]
pub(crate) fn value_as_item_name(value: &Value) -> Option<&ItemName> {
    match value {
        Value::Name(name) => Some(name),
        _ => None,
    }
}

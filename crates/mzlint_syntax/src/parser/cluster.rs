//! Clusters and replicas (§3.8): CREATE CLUSTER, CREATE CLUSTER REPLICA,
//! ALTER CLUSTER, and their option tables.

use super::core::{PResult, Parser};
use super::option_tables::{spec, OptionTable, ValueShape};
use crate::ast::*;
use crate::token::TokenKind;

const G: ValueShape = ValueShape::Generic;

/// `cluster_option` (CREATE CLUSTER, ALTER CLUSTER SET/RESET).
pub(crate) static CLUSTER_OPTIONS: OptionTable = OptionTable {
    specs: &[
        spec(&["AVAILABILITY", "ZONES"], OptionName::AvailabilityZones, G),
        spec(&["DISK"], OptionName::Disk, G),
        spec(
            &["INTROSPECTION", "DEBUGGING"],
            OptionName::IntrospectionDebugging,
            G,
        ),
        spec(
            &["INTROSPECTION", "INTERVAL"],
            OptionName::IntrospectionInterval,
            G,
        ),
        spec(&["MANAGED"], OptionName::Managed, G),
        spec(
            &["REPLICAS"],
            OptionName::Replicas,
            ValueShape::Custom(parse_replicas_value),
        ),
        spec(&["REPLICATION", "FACTOR"], OptionName::ReplicationFactor, G),
        spec(&["SIZE"], OptionName::Size, G),
        spec(
            &["SCHEDULE"],
            OptionName::Schedule,
            ValueShape::Custom(parse_schedule_value),
        ),
        spec(&["WORKLOAD", "CLASS"], OptionName::WorkloadClass, G),
    ],
    // Materialize's order (SIZE before SCHEDULE).
    expected: Some(&[
        "AVAILABILITY",
        "DISK",
        "INTROSPECTION",
        "MANAGED",
        "REPLICAS",
        "REPLICATION",
        "SIZE",
        "SCHEDULE",
        "WORKLOAD",
    ]),
};

/// `replica_option` (CREATE CLUSTER REPLICA, `REPLICAS (r (…))`).
pub(crate) static REPLICA_OPTIONS: OptionTable = OptionTable {
    specs: &[
        spec(&["AVAILABILITY", "ZONE"], OptionName::AvailabilityZone, G),
        spec(&["BILLED", "AS"], OptionName::BilledAs, G),
        spec(&["COMPUTE", "ADDRESSES"], OptionName::ComputeAddresses, G),
        spec(
            &["COMPUTECTL", "ADDRESSES"],
            OptionName::ComputectlAddresses,
            G,
        ),
        spec(&["DISK"], OptionName::Disk, G),
        spec(&["INTERNAL"], OptionName::Internal, G),
        spec(
            &["INTROSPECTION", "DEBUGGING"],
            OptionName::IntrospectionDebugging,
            G,
        ),
        spec(
            &["INTROSPECTION", "INTERVAL"],
            OptionName::IntrospectionInterval,
            G,
        ),
        spec(&["SIZE"], OptionName::Size, G),
        spec(&["STORAGE", "ADDRESSES"], OptionName::StorageAddresses, G),
        spec(
            &["STORAGECTL", "ADDRESSES"],
            OptionName::StoragectlAddresses,
            G,
        ),
        spec(&["WORKERS"], OptionName::Workers, G),
    ],
    expected: None,
};

/// `FEATURES (…)` of CREATE CLUSTER (system users only). The feature names
/// are not modelled: every entry is an `OptionName::Unknown`.
static CLUSTER_FEATURES: OptionTable = OptionTable {
    specs: &[],
    expected: Some(&["ENABLE", "REOPTIMIZE"]),
};

/// `WITH (…)` of ALTER CLUSTER … SET.
static ALTER_CLUSTER_WITH_OPTIONS: OptionTable = OptionTable {
    specs: &[spec(
        &["WAIT"],
        OptionName::Wait,
        ValueShape::Custom(parse_wait_value),
    )],
    expected: None,
};

/// `WAIT UNTIL READY (…)`.
static UNTIL_READY_OPTIONS: OptionTable = OptionTable {
    specs: &[
        spec(&["TIMEOUT"], OptionName::Timeout, G),
        spec(&["ON", "TIMEOUT"], OptionName::OnTimeout, G),
    ],
    expected: None,
};

/// `REPLICAS [=] ( [ list<ident ( list<replica_option> )> ] )`.
fn parse_replicas_value(p: &mut Parser<'_>) -> PResult<Option<Value>> {
    p.eat(TokenKind::Eq);
    let start = p.start();
    p.expect_lparen()?;
    let mut replicas = Vec::new();
    if p.eat(TokenKind::RParen).is_none() {
        replicas = p.parse_comma_separated(|p| {
            let replica_start = p.start();
            let name = p.parse_ident()?;
            let options = p.parse_paren_option_list(&REPLICA_OPTIONS)?.options;
            Ok(ReplicaDef {
                span: p.span_from(replica_start),
                name,
                options,
            })
        })?;
        p.expect_rparen()?;
    }
    Ok(Some(Value::Replicas {
        span: p.span_from(start),
        replicas,
    }))
}

/// `SCHEDULE [=] (MANUAL | ON REFRESH [(HYDRATION TIME ESTIMATE [=] interval)])`,
/// kept as an opaque value.
fn parse_schedule_value(p: &mut Parser<'_>) -> PResult<Option<Value>> {
    p.eat(TokenKind::Eq);
    let start = p.start();
    let (schedule, _) = p.expect_one_of(&["MANUAL", "ON"])?;
    if schedule == 1 {
        p.expect_kw("REFRESH")?;
        if p.eat(TokenKind::LParen).is_some() {
            p.expect_kws(&["HYDRATION", "TIME", "ESTIMATE"])?;
            p.eat(TokenKind::Eq);
            p.parse_literal()?;
            p.expect_rparen()?;
        }
    }
    Ok(Some(Value::Opaque(p.span_from(start))))
}

/// `WAIT [=] (FOR literal | UNTIL READY [=] ( list<(TIMEOUT | ON TIMEOUT) opt_value> ))`.
/// `FOR` gives the literal; `UNTIL READY (…)` is kept as an opaque value.
fn parse_wait_value(p: &mut Parser<'_>) -> PResult<Option<Value>> {
    p.eat(TokenKind::Eq);
    let start = p.start();
    let (strategy, _) = p.expect_one_of(&["FOR", "UNTIL"])?;
    if strategy == 0 {
        return p.parse_literal().map(Some);
    }
    p.expect_kw("READY")?;
    p.eat(TokenKind::Eq);
    p.parse_paren_option_list(&UNTIL_READY_OPTIONS)?;
    Ok(Some(Value::Opaque(p.span_from(start))))
}

impl Parser<'_> {
    /// `CREATE CLUSTER name ( "(" list<option> ")" | list<option> ) [FEATURES (…)]`
    pub(crate) fn parse_create_cluster(&mut self) -> PResult<StatementKind> {
        self.expect_kws(&["CREATE", "CLUSTER"])?;
        let name = self.parse_ident()?;
        self.head = Some(PartialHead {
            object_type: ObjectType::Cluster,
            name: ItemName {
                span: name.span,
                parts: vec![name.clone()],
                resolved_id: None,
            },
            connection_type: None,
            source_kind: None,
        });
        let options = if self.peek_kind(TokenKind::LParen) {
            self.parse_paren_option_list(&CLUSTER_OPTIONS)?
        } else {
            self.parse_bare_option_list(&CLUSTER_OPTIONS)?
        };
        let features = if self.eat_kw("FEATURES").is_some() {
            Some(self.parse_paren_option_list(&CLUSTER_FEATURES)?)
        } else {
            None
        };
        Ok(StatementKind::CreateCluster(CreateCluster {
            name,
            options,
            features,
        }))
    }

    /// `CREATE CLUSTER REPLICA cluster.replica [(] list<replica_option> [)]`.
    /// As in Materialize, the closing parenthesis is optional.
    pub(crate) fn parse_create_cluster_replica(&mut self) -> PResult<StatementKind> {
        self.expect_kws(&["CREATE", "CLUSTER", "REPLICA"])?;
        let cluster = self.parse_ident()?;
        self.expect(TokenKind::Dot, "dot")?;
        let replica = self.parse_ident()?;
        self.head = Some(PartialHead {
            object_type: ObjectType::ClusterReplica,
            name: ItemName {
                span: cluster.span.cover(replica.span),
                parts: vec![cluster.clone(), replica.clone()],
                resolved_id: None,
            },
            connection_type: None,
            source_kind: None,
        });
        let start = self.start();
        let parenthesized = self.eat(TokenKind::LParen).is_some();
        let options = self.parse_comma_separated(|p| p.parse_option(&REPLICA_OPTIONS))?;
        if parenthesized {
            self.eat(TokenKind::RParen);
        }
        Ok(StatementKind::CreateClusterReplica(CreateClusterReplica {
            cluster,
            replica,
            options: OptionList {
                span: self.span_from(start),
                parenthesized,
                options,
            },
        }))
    }

    /// `ALTER CLUSTER [IF EXISTS] name (SET (…) [WITH (…)] | RESET (names) |
    /// RENAME TO ident | OWNER TO ident | SWAP WITH ident)`.
    pub(crate) fn parse_alter_cluster(&mut self) -> PResult<StatementKind> {
        self.expect_kws(&["ALTER", "CLUSTER"])?;
        let if_exists = self.parse_if_exists()?;
        let name = self.parse_ident()?;
        let (action, _) = self.expect_one_of(&["OWNER", "RENAME", "RESET", "SET", "SWAP"])?;
        let action = match action {
            0 => {
                self.expect_kw("TO")?;
                AlterClusterAction::Owner(self.parse_ident()?)
            }
            1 => {
                self.expect_kw("TO")?;
                AlterClusterAction::Rename(self.parse_ident()?)
            }
            2 => {
                let start = self.start();
                self.expect_lparen()?;
                let options =
                    self.parse_comma_separated(|p| p.parse_option_name_only(&CLUSTER_OPTIONS))?;
                self.expect_rparen()?;
                AlterClusterAction::Reset(OptionList {
                    span: self.span_from(start),
                    parenthesized: true,
                    options,
                })
            }
            3 => {
                let options = self.parse_paren_option_list(&CLUSTER_OPTIONS)?;
                let with_options = if self.eat_kw("WITH").is_some() {
                    Some(self.parse_paren_option_list(&ALTER_CLUSTER_WITH_OPTIONS)?)
                } else {
                    None
                };
                AlterClusterAction::Set {
                    options,
                    with_options,
                }
            }
            _ => {
                self.expect_kw("WITH")?;
                AlterClusterAction::Swap(self.parse_ident()?)
            }
        };
        Ok(StatementKind::AlterCluster(AlterCluster {
            if_exists,
            name,
            action,
        }))
    }
}

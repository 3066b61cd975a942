//! DROP (§3.9), SET, shallow CREATE statements (views, materialized views,
//! indexes, sinks, plain tables), ALTER SINK, and statements mzlint does not
//! model (rules.md §1.5).

use super::core::{PResult, Parser};
use crate::ast::*;
use crate::keywords::is_keyword;
use crate::span::Span;
use crate::token::TokenKind;

/// The object types `DROP` accepts, in the order of Materialize's message.
const DROP_OBJECT_TYPES: &[&str] = &[
    "TABLE",
    "VIEW",
    "MATERIALIZED",
    "SOURCE",
    "SINK",
    "INDEX",
    "TYPE",
    "ROLE",
    "USER",
    "CLUSTER",
    "SECRET",
    "CONNECTION",
    "DATABASE",
    "SCHEMA",
    "FUNCTION",
    "CONTINUAL",
    "NETWORK",
];

/// First keywords of statements Materialize knows that mzlint keeps opaque
/// (CREATE, ALTER, DROP, SET and VALIDATE are dispatched before).
const OPAQUE_STATEMENT_KEYWORDS: &[&str] = &[
    "SELECT",
    "INSERT",
    "UPDATE",
    "DELETE",
    "WITH",
    "VALUES",
    "TABLE",
    "SHOW",
    "EXPLAIN",
    "COMMENT",
    "GRANT",
    "REVOKE",
    "BEGIN",
    "START",
    "COMMIT",
    "ROLLBACK",
    "ABORT",
    "END",
    "COPY",
    "SUBSCRIBE",
    "TAIL",
    "DECLARE",
    "FETCH",
    "CLOSE",
    "PREPARE",
    "EXECUTE",
    "DEALLOCATE",
    "DISCARD",
    "RESET",
    "TRUNCATE",
    "INSPECT",
    "REASSIGN",
    "RAISE",
];

/// How the names of a DROP are written and whether CASCADE/RESTRICT follow.
#[derive(Clone, Copy, PartialEq, Eq)]
enum DropNames {
    /// `list<item_name> [CASCADE | RESTRICT]`
    Items,
    /// `list<ident> [CASCADE | RESTRICT]` (clusters)
    Idents,
    /// `list<ident>` (roles, network policies)
    IdentsNoCascade,
    /// `list<ident "." ident>` (replicas)
    Replicas,
    /// One database name `[CASCADE | RESTRICT]`, CASCADE by default.
    Database,
}

fn one_part(ident: Ident) -> ItemName {
    ItemName {
        span: ident.span,
        parts: vec![ident],
        resolved_id: None,
    }
}

impl Parser<'_> {
    // -- DROP --------------------------------------------------------------

    /// `DROP object_type [IF EXISTS] names [CASCADE | RESTRICT]` (§3.9).
    pub(crate) fn parse_drop_objects(&mut self) -> PResult<StatementKind> {
        self.expect_kw("DROP")?;
        if self.peek_kw("OWNED") {
            self.skip_rest();
            return Ok(StatementKind::Opaque(OpaqueStatement {
                keyword: "DROP OWNED".into(),
            }));
        }
        let type_start = self.start();
        let (object_type, names_kind) = if let Some(span) = self.eat_kw("SUBSOURCE") {
            // Not a Materialize statement; recognised for MZ701.
            self.removed(RemovedForm::DropSubsource, span);
            (ObjectType::Subsource, DropNames::Items)
        } else {
            let (index, span) = self.expect_one_of(DROP_OBJECT_TYPES)?;
            match DROP_OBJECT_TYPES.get(index).copied().unwrap_or_default() {
                "TABLE" => (ObjectType::Table, DropNames::Items),
                "VIEW" => (ObjectType::View, DropNames::Items),
                "MATERIALIZED" => {
                    self.expect_kw("VIEW")?;
                    (ObjectType::MaterializedView, DropNames::Items)
                }
                "SOURCE" => (ObjectType::Source, DropNames::Items),
                "SINK" => (ObjectType::Sink, DropNames::Items),
                "INDEX" => (ObjectType::Index, DropNames::Items),
                "TYPE" => (ObjectType::Type, DropNames::Items),
                "ROLE" | "USER" => (ObjectType::Role, DropNames::IdentsNoCascade),
                "CLUSTER" => {
                    if self.eat_kw("REPLICA").is_some() {
                        (ObjectType::ClusterReplica, DropNames::Replicas)
                    } else {
                        (ObjectType::Cluster, DropNames::Idents)
                    }
                }
                "SECRET" => (ObjectType::Secret, DropNames::Items),
                "CONNECTION" => (ObjectType::Connection, DropNames::Items),
                "DATABASE" => (ObjectType::Database, DropNames::Database),
                "SCHEMA" => (ObjectType::Schema, DropNames::Items),
                "CONTINUAL" => {
                    self.expect_kw("TASK")?;
                    (ObjectType::Other, DropNames::Items)
                }
                "NETWORK" => {
                    self.expect_kw("POLICY")?;
                    (ObjectType::Other, DropNames::IdentsNoCascade)
                }
                // FUNCTION: Materialize has no user-defined functions.
                _ => return Err(self.error_at(span, "Unsupported DROP on FUNCTION")),
            }
        };
        let object_type_span = self.span_from(type_start);
        let if_exists = self.parse_if_exists()?;
        let names = match names_kind {
            DropNames::Items => self.parse_comma_separated(|p| p.parse_item_name())?,
            DropNames::Idents | DropNames::IdentsNoCascade => {
                self.parse_comma_separated(|p| p.parse_ident().map(one_part))?
            }
            DropNames::Database => vec![one_part(self.parse_ident()?)],
            DropNames::Replicas => self.parse_comma_separated(|p| {
                let cluster = p.parse_ident()?;
                p.expect(TokenKind::Dot, "dot")?;
                let replica = p.parse_ident()?;
                Ok(ItemName {
                    span: cluster.span.cover(replica.span),
                    parts: vec![cluster, replica],
                    resolved_id: None,
                })
            })?,
        };
        let cascade = match names_kind {
            DropNames::Items | DropNames::Idents => self.parse_cascade_restrict()? == Some(true),
            DropNames::Database => self.parse_cascade_restrict()? != Some(false),
            DropNames::IdentsNoCascade | DropNames::Replicas => false,
        };
        Ok(StatementKind::Drop(DropObjects {
            object_type,
            object_type_span,
            if_exists,
            names,
            cascade,
        }))
    }

    /// At most one of CASCADE and RESTRICT: `Some(true)` for CASCADE.
    fn parse_cascade_restrict(&mut self) -> PResult<Option<bool>> {
        let (first, other) = if self.eat_kw("CASCADE").is_some() {
            ("CASCADE", "RESTRICT")
        } else if self.eat_kw("RESTRICT").is_some() {
            ("RESTRICT", "CASCADE")
        } else {
            return Ok(None);
        };
        if let Some(span) = self.eat_kw(other) {
            return Err(self.error_at(
                span,
                format!("Cannot specify both {first} and {other} in DROP"),
            ));
        }
        Ok(Some(first == "CASCADE"))
    }

    // -- SET ---------------------------------------------------------------

    /// `SET [SESSION | LOCAL] var (= | TO) (DEFAULT | list<value>)`, and
    /// `SET SCHEMA value`. `SET TIME ZONE …` and `SET NAMES …` become the
    /// variables `timezone` and `client_encoding`, as in Materialize.
    /// `SET TRANSACTION …` and `SET SESSION CHARACTERISTICS …` are opaque.
    /// `DEFAULT` gives no values.
    pub(crate) fn parse_set(&mut self) -> PResult<StatementKind> {
        self.expect_kw("SET")?;
        let modifier = ["SESSION", "LOCAL"]
            .into_iter()
            .find(|kw| self.eat_kw(kw).is_some());
        let mut variable = self.parse_ident()?;
        let mut normal = self.eat(TokenKind::Eq).is_some() || self.eat_kw("TO").is_some();
        if !normal && !variable.quoted {
            if variable.value == "time" && self.peek_kw("ZONE") {
                let zone = self.bump();
                variable = Ident {
                    span: variable.span.cover(zone.span),
                    value: "timezone".into(),
                    quoted: false,
                };
                normal = true;
            } else if variable.value == "names" {
                variable.value = "client_encoding".into();
                normal = true;
            }
        }
        let values = if variable.value.eq_ignore_ascii_case("schema") {
            if self.eat_kw("DEFAULT").is_some() {
                Vec::new()
            } else {
                vec![self.parse_set_value()?]
            }
        } else if normal {
            if self.eat_kw("DEFAULT").is_some() {
                Vec::new()
            } else {
                self.parse_comma_separated(|p| p.parse_set_value())?
            }
        } else if (variable.value == "transaction" && modifier.is_none())
            || (modifier == Some("SESSION")
                && variable.value == "characteristics"
                && self.peek_kws(&["AS", "TRANSACTION"]))
        {
            self.skip_rest();
            return Ok(StatementKind::Opaque(OpaqueStatement {
                keyword: "SET".into(),
            }));
        } else {
            return Err(self.expected("equals sign or TO"));
        };
        Ok(StatementKind::Set(SetVariable { variable, values }))
    }

    /// A literal (strings unquoted) or an identifier (folded).
    fn parse_set_value(&mut self) -> PResult<(Span, String)> {
        let Some(token) = self.peek() else {
            return Err(self.expected("variable value"));
        };
        let is_literal_word = ["TRUE", "FALSE", "NULL"]
            .iter()
            .any(|kw| self.token_is_kw(token, kw))
            || (self.token_is_kw(token, "INTERVAL")
                && self.nth(1).is_some_and(|t| t.kind.is_string()));
        if matches!(token.kind, TokenKind::Word | TokenKind::QuotedIdent) && !is_literal_word {
            let ident = self.parse_ident()?;
            return Ok((ident.span, ident.value));
        }
        let literal = match self.parse_literal() {
            Ok(literal) => literal,
            Err(_) => return Err(self.expected("variable value")),
        };
        let span = literal.span();
        let text = match literal {
            Value::String(s) => s.value,
            Value::Number { text, .. } => text,
            Value::Bool { value, .. } => value.to_string(),
            Value::Null(_) => "null".into(),
            _ => self.src.get(span.range()).unwrap_or_default().to_string(),
        };
        Ok((span, text))
    }

    // -- shallow CREATE statements -----------------------------------------

    /// CREATE statements modelled by name and cluster only, CREATE kinds
    /// kept opaque, and `CREATE VIEWS FROM SOURCE` (removed).
    pub(crate) fn parse_create_shallow(&mut self) -> PResult<StatementKind> {
        let start = self.start();
        self.expect_kw("CREATE")?;
        if self.peek_kw("VIEWS") {
            self.bump();
            self.eat_kws(&["FROM", "SOURCE"]);
            self.removed(RemovedForm::CreateViewsFromSource, self.span_from(start));
            self.skip_rest();
            return Ok(StatementKind::Opaque(OpaqueStatement {
                keyword: "CREATE VIEWS".into(),
            }));
        }
        let or_replace = self.eat_kws(&["OR", "REPLACE"]).is_some();
        if !or_replace {
            if self.peek_kw("INDEX") || self.peek_kws(&["DEFAULT", "INDEX"]) {
                return self.parse_create_index();
            }
            if self.peek_kw("SINK") {
                return self.parse_create_sink();
            }
        }
        if self.peek_kws(&["MATERIALIZED", "VIEW"]) {
            return self.parse_create_materialized_view(or_replace);
        }
        let temporary = ["TEMP", "TEMPORARY"]
            .iter()
            .any(|kw| self.eat_kw(kw).is_some());
        if self.peek_kw("VIEW") {
            return self.parse_create_view(or_replace);
        }
        if !or_replace && self.peek_kw("TABLE") {
            return self.parse_create_table_shallow();
        }
        if !temporary {
            let opaque_kind: Option<&[&str]> = [
                &["DATABASE"][..],
                &["SCHEMA"],
                &["ROLE"],
                &["USER"],
                &["TYPE"],
                &["FUNCTION"],
                &["NETWORK", "POLICY"],
                &["CONTINUAL", "TASK"],
            ]
            .into_iter()
            .find(|kws| self.peek_kws(kws) && (!or_replace || kws.first() == Some(&"FUNCTION")));
            if let Some(kws) = opaque_kind {
                self.skip_rest();
                return Ok(StatementKind::Opaque(OpaqueStatement {
                    keyword: format!("CREATE {}", kws.join(" ")),
                }));
            }
        }
        let expected = match (or_replace, temporary) {
            (true, true) => "VIEW after CREATE OR REPLACE TEMPORARY",
            (true, false) => "[TEMPORARY] VIEW, or MATERIALIZED VIEW after CREATE OR REPLACE",
            (false, true) => "TABLE, or VIEW after CREATE TEMPORARY",
            (false, false) => {
                "DATABASE, SCHEMA, ROLE, TYPE, INDEX, SINK, SOURCE, [TEMPORARY] TABLE, \
                 SECRET, [OR REPLACE] [TEMPORARY] VIEW, or [OR REPLACE] MATERIALIZED VIEW \
                 after CREATE"
            }
        };
        Err(self.expected(expected))
    }

    fn set_shallow_head(&mut self, object_type: ObjectType, name: &ItemName) {
        self.head = Some(PartialHead {
            object_type,
            name: name.clone(),
            connection_type: None,
            source_kind: None,
        });
    }

    /// `CREATE [OR REPLACE] [TEMP] VIEW [IF NOT EXISTS] name [(cols)] AS …`
    /// (after the modifiers).
    fn parse_create_view(&mut self, or_replace: bool) -> PResult<StatementKind> {
        self.expect_kw("VIEW")?;
        let if_not_exists = !or_replace && self.parse_if_not_exists()?;
        let name = self.parse_item_name()?;
        self.set_shallow_head(ObjectType::View, &name);
        self.parse_optional_column_list()?;
        self.expect_kw("AS")?;
        self.skip_rest();
        Ok(StatementKind::Shallow(ShallowStatement {
            object_type: ObjectType::View,
            if_not_exists,
            name: Some(name),
            in_cluster: None,
            on: None,
            connection: None,
        }))
    }

    /// `CREATE [OR REPLACE] MATERIALIZED VIEW [IF NOT EXISTS] name [(cols)]
    /// [REPLACING name] [IN CLUSTER c] [WITH (…)] AS …` (after `OR REPLACE`).
    fn parse_create_materialized_view(&mut self, or_replace: bool) -> PResult<StatementKind> {
        self.expect_kws(&["MATERIALIZED", "VIEW"])?;
        let if_not_exists = !or_replace && self.parse_if_not_exists()?;
        let name = self.parse_item_name()?;
        self.set_shallow_head(ObjectType::MaterializedView, &name);
        self.parse_optional_column_list()?;
        if self.eat_kw("REPLACING").is_some() {
            self.parse_raw_item_name()?;
        }
        let in_cluster = self.parse_in_cluster()?;
        if self.eat_kw("WITH").is_some() {
            if !self.peek_kind(TokenKind::LParen) {
                return Err(self.expected("left parenthesis"));
            }
            self.skip_group();
        }
        self.expect_kw("AS")?;
        self.skip_rest();
        Ok(StatementKind::Shallow(ShallowStatement {
            object_type: ObjectType::MaterializedView,
            if_not_exists,
            name: Some(name),
            in_cluster,
            on: None,
            connection: None,
        }))
    }

    /// `CREATE [DEFAULT] INDEX [IF NOT EXISTS] [name] [IN CLUSTER c] ON obj …`
    fn parse_create_index(&mut self) -> PResult<StatementKind> {
        let default_index = self.eat_kw("DEFAULT").is_some();
        self.expect_kw("INDEX")?;
        let if_not_exists = self.parse_if_not_exists()?;
        let name = if self.peek_kw("IN") || self.peek_kw("ON") {
            if if_not_exists && !default_index {
                return Err(self.expected("index name"));
            }
            None
        } else {
            let name = one_part(self.parse_ident()?);
            self.set_shallow_head(ObjectType::Index, &name);
            Some(name)
        };
        let in_cluster = self.parse_in_cluster()?;
        self.expect_kw("ON")?;
        let on = self.parse_raw_item_name()?;
        self.skip_rest();
        Ok(StatementKind::Shallow(ShallowStatement {
            object_type: ObjectType::Index,
            if_not_exists,
            name,
            in_cluster,
            on: Some(on),
            connection: None,
        }))
    }

    /// `CREATE SINK [IF NOT EXISTS] [name] [IN CLUSTER c] FROM obj INTO
    /// (KAFKA | ICEBERG CATALOG) CONNECTION x …`. A `SIZE` in the sink's
    /// `WITH (…)` is recorded as removed (MZ700).
    fn parse_create_sink(&mut self) -> PResult<StatementKind> {
        self.expect_kw("SINK")?;
        let if_not_exists = self.parse_if_not_exists()?;
        // As in Materialize: `CREATE SINK IN CLUSTER …` and `CREATE SINK
        // FROM …` are nameless sinks.
        let before_name = self.pos;
        let mut name = Some(self.parse_item_name()?);
        if name.as_ref().is_some_and(|n| {
            n.parts.len() == 1
                && ((n.last().value == "in" && self.peek_kw("CLUSTER"))
                    || (n.last().value == "from" && !self.peek_kw("FROM")))
        }) {
            name = None;
            self.pos = before_name;
        }
        if let Some(name) = &name {
            self.set_shallow_head(ObjectType::Sink, name);
        }
        let in_cluster = self.parse_in_cluster()?;
        self.expect_kw("FROM")?;
        let from = self.parse_raw_item_name()?;
        self.expect_kw("INTO")?;
        let (target, _) = self.expect_one_of(&["KAFKA", "ICEBERG"])?;
        if target == 1 {
            self.expect_kw("CATALOG")?;
        }
        self.expect_kw("CONNECTION")?;
        let connection = self.parse_raw_item_name()?;
        // The sink's own `WITH (…)` is the one at parenthesis depth 0.
        let mut depth = 0usize;
        let mut with_open = None;
        for i in self.pos..self.tokens.len() {
            let Some(token) = self.tokens.get(i).copied() else {
                break;
            };
            match token.kind {
                TokenKind::LParen | TokenKind::LBracket => depth += 1,
                TokenKind::RParen | TokenKind::RBracket => depth = depth.saturating_sub(1),
                TokenKind::Word
                    if depth == 0
                        && self.token_is_kw(token, "WITH")
                        && self
                            .tokens
                            .get(i + 1)
                            .is_some_and(|t| t.kind == TokenKind::LParen) =>
                {
                    with_open = Some(i + 1);
                }
                _ => {}
            }
        }
        if let Some(open) = with_open {
            self.record_size_options(open);
        }
        self.skip_rest();
        Ok(StatementKind::Shallow(ShallowStatement {
            object_type: ObjectType::Sink,
            if_not_exists,
            name,
            in_cluster,
            on: Some(from),
            connection: Some(connection),
        }))
    }

    /// Plain `CREATE [TEMP|TEMPORARY] TABLE [IF NOT EXISTS] name (…) …`
    /// (after the modifiers).
    fn parse_create_table_shallow(&mut self) -> PResult<StatementKind> {
        self.expect_kw("TABLE")?;
        let if_not_exists = self.parse_if_not_exists()?;
        let name = self.parse_item_name()?;
        self.set_shallow_head(ObjectType::Table, &name);
        if !self.peek_kind(TokenKind::LParen) {
            return Err(self.expected("a list of columns in parentheses"));
        }
        self.skip_rest();
        Ok(StatementKind::Shallow(ShallowStatement {
            object_type: ObjectType::Table,
            if_not_exists,
            name: Some(name),
            in_cluster: None,
            on: None,
            connection: None,
        }))
    }

    /// `[ "(" list<ident> ")" ]`
    fn parse_optional_column_list(&mut self) -> PResult<()> {
        if self.eat(TokenKind::LParen).is_some() {
            self.parse_comma_separated(|p| p.parse_ident())?;
            self.expect_rparen()?;
        }
        Ok(())
    }

    /// Consume a parenthesised or bracketed group, nested groups included;
    /// everything to the end of the statement when it is not closed (then
    /// `false`).
    pub(crate) fn skip_group(&mut self) -> bool {
        let mut depth = 0usize;
        while let Some(token) = self.peek() {
            self.bump();
            match token.kind {
                TokenKind::LParen | TokenKind::LBracket => depth += 1,
                TokenKind::RParen | TokenKind::RBracket => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return true;
                    }
                }
                _ if depth == 0 => return true,
                _ => {}
            }
        }
        false
    }

    /// Consume tokens up to (not including) the `)` or `]` closing the
    /// enclosing group, or to the end of the statement.
    pub(crate) fn skip_to_group_end(&mut self) {
        let mut depth = 0usize;
        while let Some(token) = self.peek() {
            match token.kind {
                TokenKind::LParen | TokenKind::LBracket => depth += 1,
                TokenKind::RParen | TokenKind::RBracket => {
                    if depth == 0 {
                        return;
                    }
                    depth -= 1;
                }
                _ => {}
            }
            self.bump();
        }
    }

    /// Record every `SIZE` option of the option list opening at token index
    /// `open` as removed (MZ700): its span runs from `SIZE` to the end of
    /// its value. Does not move the cursor.
    fn record_size_options(&mut self, open: usize) {
        let mut depth = 0usize;
        let mut at_option_start = false;
        let mut size_start: Option<u32> = None;
        let mut last_end = 0u32;
        let mut found = Vec::new();
        for i in open..self.tokens.len() {
            let Some(token) = self.tokens.get(i).copied() else {
                break;
            };
            match token.kind {
                TokenKind::LParen | TokenKind::LBracket => {
                    depth += 1;
                    if depth == 1 {
                        at_option_start = true;
                        continue;
                    }
                }
                TokenKind::RParen | TokenKind::RBracket => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        break;
                    }
                }
                TokenKind::Comma if depth == 1 => {
                    if let Some(start) = size_start.take() {
                        found.push(Span::new(start, last_end));
                    }
                    at_option_start = true;
                    continue;
                }
                _ => {}
            }
            if depth == 1 && at_option_start {
                if self.token_is_kw(token, "SIZE") {
                    size_start = Some(token.span.start);
                }
                at_option_start = false;
            }
            last_end = token.span.end;
        }
        if let Some(start) = size_start {
            found.push(Span::new(start, last_end.max(start)));
        }
        for span in found {
            self.removed(RemovedForm::SourceSize, span);
        }
    }

    // -- ALTER SINK ----------------------------------------------------------

    /// `ALTER SINK [IF EXISTS] name …`: opaque, except that `SIZE` in
    /// `SET (…)` or `RESET (…)` is recorded as removed (MZ700).
    pub(crate) fn parse_alter_sink(&mut self) -> PResult<StatementKind> {
        self.expect_kws(&["ALTER", "SINK"])?;
        if self.peek_kws(&["IF", "EXISTS"]) {
            self.pos += 2;
        }
        if self.parse_item_name().is_ok()
            && (self.eat_kw("SET").is_some() || self.eat_kw("RESET").is_some())
            && self.peek_kind(TokenKind::LParen)
        {
            self.record_size_options(self.pos);
        }
        self.skip_rest();
        Ok(StatementKind::Opaque(OpaqueStatement {
            keyword: "ALTER SINK".into(),
        }))
    }

    // -- other statements ----------------------------------------------------

    /// A statement that is not CREATE, ALTER, DROP, SET or VALIDATE
    /// CONNECTION: opaque when Materialize knows its first keyword, else
    /// Materialize's error.
    pub(crate) fn parse_other_statement(&mut self) -> PResult<StatementKind> {
        let Some(token) = self.peek() else {
            return Ok(self.parse_opaque());
        };
        match token.kind {
            TokenKind::LParen => Ok(self.parse_opaque()),
            TokenKind::Word => {
                let upper = self.text(token).to_ascii_uppercase();
                if OPAQUE_STATEMENT_KEYWORDS.contains(&upper.as_str()) {
                    Ok(self.parse_opaque())
                } else if upper == "VALIDATE" {
                    // Not followed by CONNECTION: `Expected CONNECTION, found …`.
                    self.parse_validate_connection()
                } else if is_keyword(&upper) {
                    Err(self.error_here(format!(
                        "Unexpected keyword {upper} at the beginning of a statement"
                    )))
                } else {
                    Err(self.expected("a keyword at the beginning of a statement"))
                }
            }
            _ => Err(self.expected("a keyword at the beginning of a statement")),
        }
    }
}

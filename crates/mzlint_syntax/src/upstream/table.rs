//! Tables, types, domains and schemas: `CREATE|ALTER|DROP TABLE`, `CREATE
//! TYPE`, `CREATE DOMAIN`, `CREATE SCHEMA`; PostgreSQL and MySQL.

use super::ast::*;
use super::cursor::{Cursor, R};
use crate::span::Span;
use crate::token::{Token, TokenKind};

/// Words that start a column constraint: a column in a `PARTITION OF` or
/// `OF type` list, or in `CREATE TABLE … AS`, has no type when one follows.
const COLUMN_CONSTRAINT_WORDS: &[&str] = &[
    "WITH",
    "NOT",
    "NULL",
    "DEFAULT",
    "CONSTRAINT",
    "CHECK",
    "UNIQUE",
    "PRIMARY",
    "REFERENCES",
    "GENERATED",
    "COLLATE",
];

const INTERVAL_FIELDS: &[&str] = &["YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND"];

impl Cursor<'_> {
    // -- type names ------------------------------------------------------------

    /// A type name (see [`TypeName`]).
    pub(super) fn type_name(&mut self) -> R<TypeName> {
        let start = self.start();
        let first = self.peek().ok_or("expected a type name")?;
        let mut schema = None;
        let mut quoted = false;
        let mut modifiers = None;
        let mut normalized;
        if first.kind == TokenKind::QuotedIdent
            || (first.kind == TokenKind::Word && self.nth_kind(1, TokenKind::Dot))
        {
            // `"char"`, `pg_catalog.int4`, `public.order_status`.
            let mut parts = self.name()?.parts;
            let last = parts.pop().ok_or("expected a type name")?;
            schema = parts.pop();
            quoted = last.quoted;
            normalized = if last.quoted {
                last.value
            } else {
                last.value.to_ascii_lowercase()
            };
        } else if first.kind == TokenKind::Word && !self.is_kw(first, "ARRAY") {
            self.pos += 1;
            // Type words are case-insensitive in both dialects.
            normalized = self.text(first).to_ascii_lowercase();
            let is = |kw: &str| self.is_kw(first, kw);
            if is("DOUBLE") {
                if self.eat_kw("PRECISION").is_some() {
                    normalized.push_str(" precision");
                }
            } else if is("NATIONAL") {
                let kind = ["CHARACTER", "CHAR", "VARCHAR"]
                    .into_iter()
                    .find(|kw| self.peek_kw(kw))
                    .ok_or("expected CHARACTER after NATIONAL")?;
                self.pos += 1;
                normalized.push(' ');
                normalized.push_str(&kind.to_ascii_lowercase());
                if self.eat_kw("VARYING").is_some() {
                    normalized.push_str(" varying");
                }
            } else if is("CHARACTER") || is("CHAR") || is("NCHAR") || is("BIT") {
                if self.eat_kw("VARYING").is_some() {
                    normalized.push_str(" varying");
                }
            } else if is("LONG") {
                // MySQL `LONG`, `LONG VARCHAR`, `LONG VARBINARY`.
                if let Some(kw) = ["VARCHAR", "VARBINARY"]
                    .into_iter()
                    .find(|kw| self.peek_kw(kw))
                {
                    self.pos += 1;
                    normalized.push(' ');
                    normalized.push_str(&kw.to_ascii_lowercase());
                }
            } else if is("TIME") || is("TIMESTAMP") {
                // The precision comes before the time zone.
                if self.peek_kind(TokenKind::LParen) {
                    modifiers = Some(self.type_modifiers()?);
                }
                if self.eat_kws(&["WITH", "TIME", "ZONE"]).is_some() {
                    normalized.push_str(" with time zone");
                } else if self.eat_kws(&["WITHOUT", "TIME", "ZONE"]).is_some() {
                    normalized.push_str(" without time zone");
                }
            } else if is("INTERVAL") && self.peek_any_kw(INTERVAL_FIELDS) {
                // Fields do not change the type: skip them.
                self.pos += 1;
                if self.eat_kw("TO").is_some() {
                    if !self.peek_any_kw(INTERVAL_FIELDS) {
                        return Err("expected an interval field");
                    }
                    self.pos += 1;
                }
            }
        } else {
            return Err("expected a type name");
        }
        if modifiers.is_none() && self.peek_kind(TokenKind::LParen) {
            modifiers = Some(self.type_modifiers()?);
        }
        // MySQL numeric attributes.
        while let Some(kw) = ["UNSIGNED", "SIGNED", "ZEROFILL"]
            .into_iter()
            .find(|kw| self.peek_kw(kw))
        {
            self.pos += 1;
            normalized.push(' ');
            normalized.push_str(&kw.to_ascii_lowercase());
        }
        let mut array_bounds = Vec::new();
        loop {
            let open = self.start();
            if self.eat(TokenKind::LBracket).is_some() {
                let size = self.array_size();
                self.expect(TokenKind::RBracket, "expected ]")?;
                array_bounds.push(ArrayBound {
                    span: self.span_from(open),
                    size,
                });
            } else if self.eat_kw("ARRAY").is_some() {
                let mut size = None;
                if self.eat(TokenKind::LBracket).is_some() {
                    size = self.array_size();
                    self.expect(TokenKind::RBracket, "expected ]")?;
                }
                array_bounds.push(ArrayBound {
                    span: self.span_from(open),
                    size,
                });
            } else {
                break;
            }
        }
        let (modifiers, modifiers_span) = match modifiers {
            Some((list, span)) => (list, Some(span)),
            None => (Vec::new(), None),
        };
        Ok(TypeName {
            span: self.span_from(start),
            schema,
            normalized,
            quoted,
            modifiers,
            modifiers_span,
            array_bounds,
        })
    }

    fn array_size(&mut self) -> Option<u32> {
        let token = self.eat(TokenKind::Number)?;
        self.text(token).parse().ok()
    }

    /// `(m, …)`: each modifier as written, and the list's span.
    fn type_modifiers(&mut self) -> R<(Vec<TypeModifier>, Span)> {
        let open = self.start();
        self.expect(TokenKind::LParen, "expected a left parenthesis")?;
        let mut modifiers = Vec::new();
        loop {
            let span = self
                .skip_until(|_, t| t.kind == TokenKind::Comma)
                .ok_or("expected a type modifier")?;
            modifiers.push(TypeModifier {
                span,
                text: self.src[span.range()].to_owned(),
            });
            if self.eat(TokenKind::Comma).is_none() {
                break;
            }
        }
        self.expect(TokenKind::RParen, "expected a right parenthesis")?;
        Ok((modifiers, self.span_from(open)))
    }

    // -- columns ---------------------------------------------------------------

    /// `name [type] [constraints…]`, up to a `,` or `)` at depth 0. The type
    /// may be missing only when `type_optional`.
    pub(super) fn column_def(&mut self, type_optional: bool) -> R<ColumnDef> {
        let start = self.start();
        let name = self.ident()?;
        let no_type = self.at_end()
            || self.peek_kind(TokenKind::Comma)
            || self.peek_kind(TokenKind::RParen)
            || self.peek_any_kw(COLUMN_CONSTRAINT_WORDS);
        let data_type = if type_optional && no_type {
            None
        } else {
            Some(self.type_name()?)
        };
        let mut not_null = false;
        let mut primary_key = false;
        let mut prev: Option<Token> = None;
        let mut depth = 0usize;
        while let Some(token) = self.peek() {
            match token.kind {
                TokenKind::LParen | TokenKind::LBracket => depth += 1,
                TokenKind::RParen | TokenKind::RBracket => {
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                }
                TokenKind::Comma if depth == 0 => break,
                TokenKind::Word if depth == 0 => {
                    if let Some(prev) = prev {
                        if self.is_kw(prev, "NOT") && self.is_kw(token, "NULL") {
                            not_null = true;
                        }
                        if self.is_kw(prev, "PRIMARY") && self.is_kw(token, "KEY") {
                            primary_key = true;
                        }
                    }
                }
                _ => {}
            }
            prev = (depth == 0).then_some(token);
            self.pos += 1;
        }
        Ok(ColumnDef {
            span: self.span_from(start),
            name,
            data_type,
            not_null,
            primary_key,
        })
    }

    /// True when the next element of a table's element list is a constraint
    /// (or `LIKE`, or a MySQL index), not a column.
    fn at_table_constraint(&self) -> bool {
        let Some(first) = self.peek() else {
            return false;
        };
        if first.kind != TokenKind::Word {
            return false;
        }
        let word = self.text(first).to_ascii_uppercase();
        match word.as_str() {
            // Reserved in both dialects: never an unquoted column name.
            "CONSTRAINT" | "CHECK" | "FOREIGN" | "LIKE" | "PRIMARY" | "UNIQUE" => true,
            "EXCLUDE" => self.nth_kind(1, TokenKind::LParen) || self.nth_kw(1, "USING"),
            "KEY" | "INDEX" | "FULLTEXT" | "SPATIAL" => {
                if self.mysql() {
                    return true;
                }
                // PostgreSQL columns may be called `key` or `index`: only a
                // MySQL index definition goes on with `(` or a name and `(`
                // holding a column name (a type's modifiers are numbers).
                let paren = if self.nth_kind(1, TokenKind::LParen) {
                    Some(2)
                } else if self.nth(1).is_some_and(|t| self.is_ident_token(t))
                    && self.nth_kind(2, TokenKind::LParen)
                {
                    Some(3)
                } else if matches!(word.as_str(), "FULLTEXT" | "SPATIAL")
                    && (self.nth_kw(1, "KEY") || self.nth_kw(1, "INDEX"))
                {
                    return true;
                } else {
                    None
                };
                paren.is_some_and(|i| self.nth(i).is_some_and(|t| self.is_ident_token(t)))
            }
            _ => false,
        }
    }

    /// A table constraint, `LIKE`, or MySQL index definition.
    fn table_constraint(&mut self) -> R<TableConstraint> {
        let start = self.start();
        let mut name = None;
        if self.eat_kw("CONSTRAINT").is_some()
            && !self.peek_any_kw(&["PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "EXCLUDE"])
        {
            name = Some(self.ident()?);
        }
        let kind = if self.eat_kws(&["PRIMARY", "KEY"]).is_some() {
            ConstraintKind::PrimaryKey(self.constraint_columns(&mut name)?)
        } else if self.eat_kw("UNIQUE").is_some() {
            ConstraintKind::Unique(self.constraint_columns(&mut name)?)
        } else if self.eat_kws(&["FOREIGN", "KEY"]).is_some() {
            ConstraintKind::ForeignKey
        } else if self.eat_kw("CHECK").is_some() {
            ConstraintKind::Check
        } else if self.eat_kw("EXCLUDE").is_some() {
            ConstraintKind::Exclude
        } else if self.eat_kw("LIKE").is_some() {
            ConstraintKind::Like(self.name()?)
        } else if self.peek_any_kw(&["KEY", "INDEX", "FULLTEXT", "SPATIAL"]) {
            self.pos += 1;
            self.constraint_columns(&mut name)?;
            ConstraintKind::Index
        } else {
            ConstraintKind::Other
        };
        self.skip_until(|_, t| t.kind == TokenKind::Comma);
        Ok(TableConstraint {
            span: self.span_from(start),
            name,
            kind,
        })
    }

    /// After `PRIMARY KEY` / `UNIQUE` / `KEY`: optional words and an index
    /// name (MySQL), then the column list.
    fn constraint_columns(&mut self, name: &mut Option<Ident>) -> R<Vec<Ident>> {
        // `UNIQUE NULLS [NOT] DISTINCT`, MySQL `UNIQUE KEY|INDEX [name]`,
        // `USING BTREE`.
        while !self.at_end() && !self.peek_kind(TokenKind::LParen) {
            if self.peek_kind(TokenKind::Comma) || self.peek_kind(TokenKind::RParen) {
                return Ok(Vec::new());
            }
            if self.peek_any_kw(&[
                "KEY", "INDEX", "NULLS", "NOT", "DISTINCT", "USING", "BTREE", "HASH",
            ]) {
                self.pos += 1;
            } else if name.is_none() && self.peek_ident() {
                *name = Some(self.ident()?);
            } else {
                self.pos += 1;
            }
        }
        if self.peek_kind(TokenKind::LParen) {
            self.paren_key_columns()
        } else {
            Ok(Vec::new())
        }
    }

    /// `( element, … )` of `CREATE TABLE` or `CREATE TYPE … AS`.
    fn table_elements(
        &mut self,
        type_optional: bool,
        columns: &mut Vec<ColumnDef>,
        constraints: &mut Vec<TableConstraint>,
    ) -> R<()> {
        self.expect(TokenKind::LParen, "expected a left parenthesis")?;
        if self.eat(TokenKind::RParen).is_some() {
            return Ok(());
        }
        loop {
            if self.at_table_constraint() {
                constraints.push(self.table_constraint()?);
            } else {
                columns.push(self.column_def(type_optional)?);
            }
            if self.eat(TokenKind::Comma).is_none() {
                break;
            }
        }
        self.expect(TokenKind::RParen, "expected a right parenthesis")?;
        Ok(())
    }

    // -- CREATE TABLE --------------------------------------------------------------

    /// After `CREATE`: `[GLOBAL|LOCAL] [TEMP|TEMPORARY|UNLOGGED] TABLE …`.
    pub(super) fn create_table(&mut self) -> R<UpstreamKind> {
        let mut temporary = false;
        let mut unlogged = false;
        self.eat_kw("GLOBAL").or_else(|| self.eat_kw("LOCAL"));
        if self
            .eat_kw("TEMP")
            .or_else(|| self.eat_kw("TEMPORARY"))
            .is_some()
        {
            temporary = true;
        } else if self.eat_kw("UNLOGGED").is_some() {
            unlogged = true;
        }
        self.expect_kw("TABLE", "expected TABLE")?;
        let if_not_exists = self.if_not_exists()?;
        let name = self.name()?;
        let mut table = CreateTable {
            temporary,
            unlogged,
            if_not_exists,
            name,
            columns: Vec::new(),
            constraints: Vec::new(),
            partition_of: None,
            partition_by: None,
            inherits: Vec::new(),
            of_type: None,
            as_query: None,
        };
        // `CREATE TABLE t [(a, b)] AS query` (MySQL also without AS).
        let is_as = self.has_kw_at_depth0("AS", &[]) && !self.peek_kws(&["PARTITION", "OF"]);
        if self.peek_kws(&["PARTITION", "OF"]) {
            let start = self.start();
            self.pos += 2;
            let parent = self.name()?;
            if self.peek_kind(TokenKind::LParen) {
                self.table_elements(true, &mut table.columns, &mut table.constraints)?;
            }
            let bound = self.partition_bound()?;
            table.partition_of = Some(PartitionOf {
                span: self.span_from(start),
                parent,
                bound,
            });
        } else if self.eat_kw("OF").is_some() {
            table.of_type = Some(self.name()?);
            if self.peek_kind(TokenKind::LParen) {
                self.table_elements(true, &mut table.columns, &mut table.constraints)?;
            }
        } else if self.peek_kw("LIKE") {
            // MySQL `CREATE TABLE t LIKE other`.
            let start = self.start();
            self.pos += 1;
            let other = self.name()?;
            table.constraints.push(TableConstraint {
                span: self.span_from(start),
                name: None,
                kind: ConstraintKind::Like(other),
            });
        } else if self.peek_kind(TokenKind::LParen) {
            if self.nth_kw(1, "SELECT") || self.nth_kw(1, "WITH") {
                // MySQL `CREATE TABLE t (SELECT …)`.
                table.as_query = self.skip_rest();
                return Ok(UpstreamKind::CreateTable(table));
            }
            self.table_elements(is_as, &mut table.columns, &mut table.constraints)?;
        } else if !is_as && !self.peek_kw("SELECT") {
            return Err("expected a column list");
        }
        // Trailing clauses.
        while let Some(token) = self.peek() {
            if self.is_kw(token, "AS") || self.is_kw(token, "SELECT") {
                self.eat_kw("AS");
                table.as_query = self.skip_rest();
            } else if self.eat_kw("INHERITS").is_some() {
                self.expect(TokenKind::LParen, "expected a left parenthesis")?;
                table.inherits = self.names()?;
                self.expect(TokenKind::RParen, "expected a right parenthesis")?;
            } else if self.peek_kws(&["PARTITION", "BY"]) {
                let start = self.start();
                self.pos += 2;
                self.eat_kw("LINEAR"); // MySQL
                let strategy = if self.eat_kw("RANGE").is_some() {
                    PartitionStrategy::Range
                } else if self.eat_kw("LIST").is_some() {
                    PartitionStrategy::List
                } else if self.eat_kw("HASH").is_some() {
                    PartitionStrategy::Hash
                } else if self.eat_kw("KEY").is_some() {
                    PartitionStrategy::Key
                } else {
                    self.advance();
                    PartitionStrategy::Other
                };
                self.eat_kw("COLUMNS"); // MySQL `RANGE COLUMNS (…)`
                if self.peek_kind(TokenKind::LParen) {
                    self.skip_group()?;
                }
                if self.mysql() {
                    // `PARTITIONS n`, `(PARTITION p0 VALUES …, …)`.
                    self.skip_rest();
                }
                table.partition_by = Some(PartitionBy {
                    span: self.span_from(start),
                    strategy,
                });
            } else if token.kind == TokenKind::LParen || token.kind == TokenKind::LBracket {
                self.skip_group()?;
            } else {
                // USING, WITH (…), WITHOUT OIDS, ON COMMIT, TABLESPACE, MySQL
                // table options (ENGINE=…, DEFAULT CHARSET=…, COMMENT='…').
                self.pos += 1;
            }
        }
        Ok(UpstreamKind::CreateTable(table))
    }

    // -- ALTER TABLE ------------------------------------------------------------------

    /// After `ALTER TABLE`.
    pub(super) fn alter_table(&mut self) -> R<UpstreamKind> {
        if self.peek_kws(&["ALL", "IN", "TABLESPACE"]) {
            return Err("ALTER TABLE ALL IN TABLESPACE is not modelled");
        }
        let if_exists = self.if_exists()?;
        let only = self.eat_kw("ONLY").is_some();
        let name = self.name()?;
        self.eat(TokenKind::Star);
        let mut actions = Vec::new();
        loop {
            self.alter_table_action(&mut actions)?;
            if self.eat(TokenKind::Comma).is_none() {
                break;
            }
        }
        self.expect_end()?;
        Ok(UpstreamKind::AlterTable(AlterTable {
            if_exists,
            only,
            name,
            actions,
        }))
    }

    fn alter_table_action(&mut self, actions: &mut Vec<AlterTableAction>) -> R<()> {
        let start = self.start();
        if self.at_end() {
            return Err("expected an ALTER TABLE action");
        }
        let kind = if self.eat_kw("ADD").is_some() {
            let column_kw = self.eat_kw("COLUMN").is_some();
            if !column_kw
                && self.peek_any_kw(&[
                    "CONSTRAINT",
                    "PRIMARY",
                    "UNIQUE",
                    "CHECK",
                    "FOREIGN",
                    "EXCLUDE",
                    "INDEX",
                    "KEY",
                    "FULLTEXT",
                    "SPATIAL",
                    "PARTITION",
                ])
            {
                self.skip_other_action()
            } else if self.peek_kind(TokenKind::LParen) {
                // MySQL `ADD [COLUMN] (a int, b int)`: one action per column.
                self.pos += 1;
                loop {
                    let column = self.column_def(false)?;
                    actions.push(AlterTableAction {
                        span: column.span,
                        kind: AlterTableActionKind::AddColumn {
                            if_not_exists: false,
                            column,
                        },
                    });
                    if self.eat(TokenKind::Comma).is_none() {
                        break;
                    }
                }
                self.expect(TokenKind::RParen, "expected a right parenthesis")?;
                return Ok(());
            } else {
                let if_not_exists = self.if_not_exists()?;
                let column = self.column_def(false)?;
                AlterTableActionKind::AddColumn {
                    if_not_exists,
                    column,
                }
            }
        } else if self.eat_kw("DROP").is_some() {
            let column_kw = self.eat_kw("COLUMN").is_some();
            if !column_kw
                && self.peek_any_kw(&[
                    "CONSTRAINT",
                    "PRIMARY",
                    "FOREIGN",
                    "INDEX",
                    "KEY",
                    "CHECK",
                    "PARTITION",
                    "DEFAULT",
                ])
            {
                self.skip_other_action()
            } else {
                let if_exists = self.if_exists()?;
                let column = self.ident()?;
                let behavior = self.drop_behavior();
                AlterTableActionKind::DropColumn {
                    if_exists,
                    column,
                    behavior,
                }
            }
        } else if self.eat_kw("RENAME").is_some() {
            if self.eat_kw("TO").or_else(|| self.eat_kw("AS")).is_some() {
                AlterTableActionKind::RenameTable {
                    new_name: self.name()?,
                }
            } else if self.peek_any_kw(&["CONSTRAINT", "INDEX", "KEY"]) {
                self.skip_other_action()
            } else {
                let column_kw = self.eat_kw("COLUMN").is_some();
                if !column_kw && !self.nth_kw(1, "TO") {
                    // MySQL `RENAME new_name`.
                    AlterTableActionKind::RenameTable {
                        new_name: self.name()?,
                    }
                } else {
                    let old = self.ident()?;
                    self.expect_kw("TO", "expected TO")?;
                    let new = self.ident()?;
                    AlterTableActionKind::RenameColumn { old, new }
                }
            }
        } else if self.peek_kw("ALTER") && !self.nth_kw(1, "CONSTRAINT") {
            self.pos += 1;
            self.eat_kw("COLUMN");
            let column = self.ident()?;
            if self
                .eat_kws(&["SET", "DATA", "TYPE"])
                .or_else(|| self.eat_kw("TYPE"))
                .is_some()
            {
                let data_type = self.type_name()?;
                // COLLATE …, USING expr
                self.skip_until(|_, t| t.kind == TokenKind::Comma);
                AlterTableActionKind::AlterColumnType { column, data_type }
            } else {
                self.skip_other_action()
            }
        } else if self.eat_kw("CHANGE").is_some() {
            self.eat_kw("COLUMN");
            let old = self.ident()?;
            let column = self.column_def(false)?;
            AlterTableActionKind::ChangeColumn { old, column }
        } else if self.eat_kw("MODIFY").is_some() {
            self.eat_kw("COLUMN");
            let column = self.column_def(false)?;
            AlterTableActionKind::ModifyColumn { column }
        } else if self.eat_kws(&["SET", "SCHEMA"]).is_some() {
            AlterTableActionKind::SetSchema {
                schema: self.ident()?,
            }
        } else if self.eat_kws(&["REPLICA", "IDENTITY"]).is_some() {
            let identity = if self.eat_kw("FULL").is_some() {
                ReplicaIdentity::Full
            } else if self.eat_kw("DEFAULT").is_some() {
                ReplicaIdentity::Default
            } else if self.eat_kw("NOTHING").is_some() {
                ReplicaIdentity::Nothing
            } else if self.eat_kws(&["USING", "INDEX"]).is_some() {
                ReplicaIdentity::UsingIndex(self.ident()?)
            } else {
                return Err("expected FULL, DEFAULT, NOTHING or USING INDEX");
            };
            AlterTableActionKind::ReplicaIdentity(identity)
        } else if let Some(rls) = self.row_level_security() {
            AlterTableActionKind::RowLevelSecurity(rls)
        } else if self.eat_kws(&["ATTACH", "PARTITION"]).is_some() {
            let partition = self.name()?;
            let bound = self.partition_bound()?;
            AlterTableActionKind::AttachPartition { partition, bound }
        } else if self.eat_kws(&["DETACH", "PARTITION"]).is_some() {
            let partition = self.name()?;
            self.eat_kw("CONCURRENTLY")
                .or_else(|| self.eat_kw("FINALIZE"));
            AlterTableActionKind::DetachPartition { partition }
        } else {
            self.skip_other_action()
        };
        if !self.at_end() && !self.peek_kind(TokenKind::Comma) {
            return Err("unexpected tokens after an ALTER TABLE action");
        }
        actions.push(AlterTableAction {
            span: self.span_from(start),
            kind,
        });
        Ok(())
    }

    /// `FOR VALUES IN (…) | FROM (…) TO (…) | WITH (…)`, or `DEFAULT`.
    fn partition_bound(&mut self) -> R<Option<Span>> {
        let start = self.start();
        if self.eat_kws(&["FOR", "VALUES"]).is_some() {
            if self.eat_kw("IN").is_some() || self.eat_kw("WITH").is_some() {
                self.skip_group()?;
            } else if self.eat_kw("FROM").is_some() {
                self.skip_group()?;
                self.expect_kw("TO", "expected TO")?;
                self.skip_group()?;
            } else {
                return Err("expected IN, FROM or WITH");
            }
            Ok(Some(self.span_from(start)))
        } else {
            Ok(self.eat_kw("DEFAULT"))
        }
    }

    fn skip_other_action(&mut self) -> AlterTableActionKind {
        self.skip_until(|_, t| t.kind == TokenKind::Comma);
        AlterTableActionKind::Other
    }

    /// `ENABLE|DISABLE|FORCE|NO FORCE ROW LEVEL SECURITY`.
    fn row_level_security(&mut self) -> Option<RowLevelSecurity> {
        const RLS: [&str; 3] = ["ROW", "LEVEL", "SECURITY"];
        let (rls, skip) = if self.peek_kw("ENABLE") {
            (RowLevelSecurity::Enable, 1)
        } else if self.peek_kw("DISABLE") {
            (RowLevelSecurity::Disable, 1)
        } else if self.peek_kw("FORCE") {
            (RowLevelSecurity::Force, 1)
        } else if self.peek_kws(&["NO", "FORCE"]) {
            (RowLevelSecurity::NoForce, 2)
        } else {
            return None;
        };
        if !RLS
            .iter()
            .enumerate()
            .all(|(i, kw)| self.nth_kw(skip + i, kw))
        {
            return None;
        }
        self.pos += skip + RLS.len();
        Some(rls)
    }

    // -- DROP TABLE, CREATE TYPE, DOMAIN, SCHEMA -------------------------------------

    /// After `DROP`: `[TEMPORARY] TABLE [IF EXISTS] a, b [CASCADE|RESTRICT]`.
    pub(super) fn drop_table(&mut self) -> R<UpstreamKind> {
        self.eat_kw("TEMPORARY");
        self.expect_kw("TABLE", "expected TABLE")?;
        let if_exists = self.if_exists()?;
        let names = self.names()?;
        let behavior = self.drop_behavior();
        self.expect_end()?;
        Ok(UpstreamKind::DropTable(DropTable {
            if_exists,
            names,
            behavior,
        }))
    }

    /// After `CREATE TYPE`.
    pub(super) fn create_type(&mut self) -> R<UpstreamKind> {
        let name = self.name()?;
        let definition = if self.eat_kws(&["AS", "ENUM"]).is_some() {
            self.expect(TokenKind::LParen, "expected a left parenthesis")?;
            let mut labels = Vec::new();
            while let Some(token) = self.peek() {
                if !self.is_string_token(token) {
                    break;
                }
                self.pos += 1;
                labels.push(EnumLabel {
                    span: token.span,
                    value: self.string_value(token).into_owned(),
                });
                if self.eat(TokenKind::Comma).is_none() {
                    break;
                }
            }
            self.expect(TokenKind::RParen, "expected a right parenthesis")?;
            TypeDefinition::Enum(labels)
        } else if self.eat_kws(&["AS", "RANGE"]).is_some() {
            self.expect(TokenKind::LParen, "expected a left parenthesis")?;
            let mut subtype = None;
            loop {
                if self.peek_kw("SUBTYPE") && self.nth_kind(1, TokenKind::Eq) {
                    self.pos += 2;
                    subtype = Some(self.type_name()?);
                } else {
                    self.skip_until(|_, t| t.kind == TokenKind::Comma);
                }
                if self.eat(TokenKind::Comma).is_none() {
                    break;
                }
            }
            self.expect(TokenKind::RParen, "expected a right parenthesis")?;
            TypeDefinition::Range { subtype }
        } else if self.eat_kw("AS").is_some() {
            let mut attributes = Vec::new();
            let mut constraints = Vec::new();
            self.table_elements(false, &mut attributes, &mut constraints)?;
            if !constraints.is_empty() {
                return Err("constraints in a composite type");
            }
            TypeDefinition::Composite(attributes)
        } else if self.peek_kind(TokenKind::LParen) {
            self.skip_group()?;
            TypeDefinition::Base
        } else {
            TypeDefinition::Shell
        };
        self.expect_end()?;
        Ok(UpstreamKind::CreateType(CreateType { name, definition }))
    }

    /// After `CREATE DOMAIN`.
    pub(super) fn create_domain(&mut self) -> R<UpstreamKind> {
        let name = self.name()?;
        self.eat_kw("AS");
        let data_type = self.type_name()?;
        // COLLATE, DEFAULT, constraints.
        self.skip_rest();
        Ok(UpstreamKind::CreateDomain(CreateDomain { name, data_type }))
    }

    /// After `CREATE SCHEMA`.
    pub(super) fn create_schema(&mut self) -> R<UpstreamKind> {
        let if_not_exists = self.if_not_exists()?;
        let mut name = None;
        if !self.peek_kw("AUTHORIZATION") {
            name = Some(self.ident()?);
        }
        let authorization = if self.eat_kw("AUTHORIZATION").is_some() {
            Some(self.role_spec()?)
        } else {
            None
        };
        // Schema elements (PostgreSQL) or options (MySQL `DEFAULT CHARSET …`).
        self.skip_rest();
        Ok(UpstreamKind::CreateSchema(CreateSchema {
            if_not_exists,
            name,
            authorization,
        }))
    }
}

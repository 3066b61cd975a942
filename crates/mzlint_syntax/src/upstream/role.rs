//! Roles and privileges: PostgreSQL `CREATE|ALTER ROLE|USER|GROUP`, `GRANT`,
//! `REVOKE`, `ALTER DEFAULT PRIVILEGES`; MySQL `CREATE|ALTER USER` and `SET
//! PASSWORD`. Password values are recorded as [`Password`] (span and kind):
//! their text never enters the AST.

use super::ast::*;
use super::cursor::{Cursor, R};
use crate::token::TokenKind;

const ATTRIBUTES: &[(&str, RoleAttribute, bool)] = &[
    ("SUPERUSER", RoleAttribute::Superuser, true),
    ("NOSUPERUSER", RoleAttribute::Superuser, false),
    ("CREATEDB", RoleAttribute::CreateDb, true),
    ("NOCREATEDB", RoleAttribute::CreateDb, false),
    ("CREATEROLE", RoleAttribute::CreateRole, true),
    ("NOCREATEROLE", RoleAttribute::CreateRole, false),
    ("INHERIT", RoleAttribute::Inherit, true),
    ("NOINHERIT", RoleAttribute::Inherit, false),
    ("LOGIN", RoleAttribute::Login, true),
    ("NOLOGIN", RoleAttribute::Login, false),
    ("REPLICATION", RoleAttribute::Replication, true),
    ("NOREPLICATION", RoleAttribute::Replication, false),
    ("BYPASSRLS", RoleAttribute::BypassRls, true),
    ("NOBYPASSRLS", RoleAttribute::BypassRls, false),
];

const PRIVILEGES: &[(&str, PrivilegeKind)] = &[
    ("SELECT", PrivilegeKind::Select),
    ("INSERT", PrivilegeKind::Insert),
    ("UPDATE", PrivilegeKind::Update),
    ("DELETE", PrivilegeKind::Delete),
    ("TRUNCATE", PrivilegeKind::Truncate),
    ("REFERENCES", PrivilegeKind::References),
    ("TRIGGER", PrivilegeKind::Trigger),
    ("MAINTAIN", PrivilegeKind::Maintain),
    ("USAGE", PrivilegeKind::Usage),
    ("CREATE", PrivilegeKind::Create),
    ("CONNECT", PrivilegeKind::Connect),
    ("TEMPORARY", PrivilegeKind::Temporary),
    ("TEMP", PrivilegeKind::Temporary),
    ("EXECUTE", PrivilegeKind::Execute),
    ("SET", PrivilegeKind::Set),
];

/// Object kinds after `ON` that are not tables or schemas.
const OTHER_OBJECTS: &[&str] = &[
    "SEQUENCE",
    "DATABASE",
    "DOMAIN",
    "FOREIGN",
    "FUNCTION",
    "PROCEDURE",
    "ROUTINE",
    "LANGUAGE",
    "LARGE",
    "PARAMETER",
    "TABLESPACE",
    "TYPE",
];

impl Cursor<'_> {
    fn role_keyword(&mut self) -> R<RoleKeyword> {
        if self.eat_kw("ROLE").is_some() {
            Ok(RoleKeyword::Role)
        } else if self.eat_kw("USER").is_some() {
            Ok(RoleKeyword::User)
        } else if self.eat_kw("GROUP").is_some() {
            Ok(RoleKeyword::Group)
        } else {
            Err("expected ROLE, USER or GROUP")
        }
    }

    /// After `CREATE`: `ROLE|USER|GROUP name [WITH] option …`.
    pub(super) fn create_role(&mut self) -> R<UpstreamKind> {
        let keyword = self.role_keyword()?;
        let name = self.ident()?;
        let options = self.role_options()?;
        Ok(UpstreamKind::CreateRole(CreateRole {
            keyword,
            name,
            options,
        }))
    }

    /// After `ALTER`: `ROLE|USER|GROUP role …`.
    pub(super) fn alter_role(&mut self) -> R<UpstreamKind> {
        let keyword = self.role_keyword()?;
        if self.peek_kw("ALL") {
            // `ALTER ROLE ALL [IN DATABASE d] SET …`: configuration only.
            return Err("ALTER ROLE ALL is not modelled");
        }
        let role = self.role_spec()?;
        let action = if self.eat_kws(&["RENAME", "TO"]).is_some() {
            let new = self.ident()?;
            self.expect_end()?;
            AlterRoleAction::RenameTo(new)
        } else if self.peek_kws(&["IN", "DATABASE"]) || self.peek_kw("SET") || self.peek_kw("RESET")
        {
            AlterRoleAction::Config(self.skip_rest().unwrap_or_default())
        } else if keyword == RoleKeyword::Group
            && (self.peek_kws(&["ADD", "USER"]) || self.peek_kws(&["DROP", "USER"]))
        {
            let add = self.peek_kw("ADD");
            self.pos += 2;
            let members = self.role_specs()?;
            self.expect_end()?;
            AlterRoleAction::GroupMembers { add, members }
        } else {
            AlterRoleAction::Options(self.role_options()?)
        };
        Ok(UpstreamKind::AlterRole(AlterRole {
            keyword,
            role,
            action,
        }))
    }

    /// `[WITH] option …` to the end of the statement.
    fn role_options(&mut self) -> R<Vec<RoleOption>> {
        self.eat_kw("WITH");
        let mut options = Vec::new();
        while let Some(token) = self.peek() {
            let start = token.span.start;
            if token.kind != TokenKind::Word {
                return Err("expected a role option");
            }
            let word = self.text(token);
            let kind = if let Some((_, attribute, enabled)) = ATTRIBUTES
                .iter()
                .find(|(kw, _, _)| word.eq_ignore_ascii_case(kw))
            {
                self.pos += 1;
                RoleOptionKind::Attribute {
                    attribute: *attribute,
                    enabled: *enabled,
                }
            } else if self.eat_kws(&["CONNECTION", "LIMIT"]).is_some() {
                RoleOptionKind::ConnectionLimit(self.option_value()?.span)
            } else if self.peek_kw("PASSWORD")
                || self.peek_kws(&["ENCRYPTED", "PASSWORD"])
                || self.peek_kws(&["UNENCRYPTED", "PASSWORD"])
            {
                if !self.peek_kw("PASSWORD") {
                    self.pos += 1;
                }
                self.pos += 1;
                RoleOptionKind::Password(self.password(true)?)
            } else if self.eat_kws(&["VALID", "UNTIL"]).is_some() {
                RoleOptionKind::ValidUntil(self.option_value()?.span)
            } else if self.eat_kws(&["IN", "ROLE"]).is_some()
                || self.eat_kws(&["IN", "GROUP"]).is_some()
            {
                RoleOptionKind::InRole(self.role_specs()?)
            } else if self.eat_kw("ROLE").is_some() || self.eat_kw("USER").is_some() {
                RoleOptionKind::Role(self.role_specs()?)
            } else if self.eat_kw("ADMIN").is_some() {
                RoleOptionKind::Admin(self.role_specs()?)
            } else if self.eat_kw("SYSID").is_some() {
                RoleOptionKind::SysId(self.option_value()?.span)
            } else {
                return Err("unknown role option");
            };
            options.push(RoleOption {
                span: self.span_from(start),
                kind,
            });
        }
        Ok(options)
    }

    // -- GRANT / REVOKE ---------------------------------------------------------

    /// After `GRANT` (`revoke` false) or `REVOKE` (true).
    pub(super) fn grant_or_revoke(&mut self, revoke: bool) -> R<UpstreamKind> {
        let to = if revoke { "FROM" } else { "TO" };
        if self.has_kw_at_depth0("ON", &[to]) {
            let grant_option = revoke && self.eat_kws(&["GRANT", "OPTION", "FOR"]).is_some();
            let privileges = self.privileges()?;
            self.expect_kw("ON", "expected ON")?;
            let objects = self.grant_objects(to)?;
            self.expect_kw(to, "expected TO or FROM")?;
            let grantees = self.role_specs()?;
            let mut grant = GrantPrivileges {
                privileges,
                objects,
                grantees,
                grant_option,
                behavior: None,
            };
            if !revoke && self.eat_kws(&["WITH", "GRANT", "OPTION"]).is_some() {
                grant.grant_option = true;
            }
            self.granted_by()?;
            if revoke {
                grant.behavior = self.drop_behavior();
            }
            self.expect_end()?;
            Ok(if revoke {
                UpstreamKind::Revoke(grant)
            } else {
                UpstreamKind::Grant(grant)
            })
        } else {
            let mut admin_option = false;
            if revoke {
                if self.eat_kws(&["ADMIN", "OPTION", "FOR"]).is_some() {
                    admin_option = true;
                } else {
                    self.eat_kws(&["INHERIT", "OPTION", "FOR"])
                        .or_else(|| self.eat_kws(&["SET", "OPTION", "FOR"]));
                }
            }
            let roles = self.role_specs()?;
            self.expect_kw(to, "expected TO or FROM")?;
            let grantees = self.role_specs()?;
            if !revoke && self.eat_kw("WITH").is_some() {
                // `WITH ADMIN OPTION|TRUE|FALSE`, `WITH INHERIT …`, `WITH SET …`, a list.
                loop {
                    let admin = self.eat_kw("ADMIN").is_some();
                    if !admin && self.eat_kw("INHERIT").is_none() && self.eat_kw("SET").is_none() {
                        return Err("expected ADMIN, INHERIT or SET");
                    }
                    let value = if self.eat_kw("OPTION").is_some() || self.eat_kw("TRUE").is_some()
                    {
                        true
                    } else if self.eat_kw("FALSE").is_some() {
                        false
                    } else {
                        return Err("expected OPTION, TRUE or FALSE");
                    };
                    if admin {
                        admin_option = value;
                    }
                    if self.eat(TokenKind::Comma).is_none() {
                        break;
                    }
                }
            }
            self.granted_by()?;
            let behavior = if revoke { self.drop_behavior() } else { None };
            self.expect_end()?;
            let grant = GrantRole {
                roles,
                grantees,
                admin_option,
                behavior,
            };
            Ok(if revoke {
                UpstreamKind::RevokeRole(grant)
            } else {
                UpstreamKind::GrantRole(grant)
            })
        }
    }

    fn granted_by(&mut self) -> R<()> {
        if self.eat_kws(&["GRANTED", "BY"]).is_some() {
            self.role_spec()?;
        }
        Ok(())
    }

    /// `ALL [PRIVILEGES] [(cols)]` or `priv [(cols)], …`.
    fn privileges(&mut self) -> R<Privileges> {
        if self.peek_kw("ALL") {
            let start = self.start();
            self.pos += 1;
            self.eat_kw("PRIVILEGES");
            let columns = if self.peek_kind(TokenKind::LParen) {
                Some(self.paren_idents()?)
            } else {
                None
            };
            return Ok(Privileges::All {
                span: self.span_from(start),
                columns,
            });
        }
        let mut list = Vec::new();
        loop {
            let start = self.start();
            let kind = if self.eat_kws(&["ALTER", "SYSTEM"]).is_some() {
                PrivilegeKind::AlterSystem
            } else {
                let token = self.peek().ok_or("expected a privilege")?;
                let (_, kind) = PRIVILEGES
                    .iter()
                    .find(|(kw, _)| self.is_kw(token, kw))
                    .ok_or("unknown privilege")?;
                self.pos += 1;
                *kind
            };
            let columns = if self.peek_kind(TokenKind::LParen) {
                Some(self.paren_idents()?)
            } else {
                None
            };
            list.push(Privilege {
                span: self.span_from(start),
                kind,
                columns,
            });
            if self.eat(TokenKind::Comma).is_none() {
                return Ok(Privileges::List(list));
            }
        }
    }

    /// After `ON`, up to `to` (`TO` or `FROM`).
    fn grant_objects(&mut self, to: &'static str) -> R<GrantObjects> {
        let start = self.start();
        let kind = if self.eat_kws(&["ALL", "TABLES", "IN", "SCHEMA"]).is_some() {
            GrantObjectKind::AllTablesInSchema(self.idents()?)
        } else if self.peek_kw("ALL") || self.peek_any_kw(OTHER_OBJECTS) {
            self.skip_until(|c, t| c.is_kw(t, to));
            GrantObjectKind::Other
        } else if self.eat_kw("SCHEMA").is_some() {
            GrantObjectKind::Schemas(self.idents()?)
        } else {
            self.eat_kw("TABLE");
            GrantObjectKind::Tables(self.names()?)
        };
        Ok(GrantObjects {
            span: self.span_from(start),
            kind,
        })
    }

    /// After `ALTER DEFAULT PRIVILEGES`.
    pub(super) fn alter_default_privileges(&mut self) -> R<UpstreamKind> {
        let mut for_roles = Vec::new();
        let mut in_schemas = Vec::new();
        loop {
            if self.eat_kws(&["FOR", "ROLE"]).is_some() || self.eat_kws(&["FOR", "USER"]).is_some()
            {
                for_roles.extend(self.role_specs()?);
            } else if self.eat_kws(&["IN", "SCHEMA"]).is_some() {
                in_schemas.extend(self.idents()?);
            } else {
                break;
            }
        }
        let revoke = if self.eat_kw("GRANT").is_some() {
            false
        } else if self.eat_kw("REVOKE").is_some() {
            true
        } else {
            return Err("expected GRANT or REVOKE");
        };
        let mut grant_option = revoke && self.eat_kws(&["GRANT", "OPTION", "FOR"]).is_some();
        let privileges = self.privileges()?;
        self.expect_kw("ON", "expected ON")?;
        let object_start = self.start();
        let object_type = [
            ("TABLES", DefaultPrivilegeObject::Tables),
            ("SEQUENCES", DefaultPrivilegeObject::Sequences),
            ("FUNCTIONS", DefaultPrivilegeObject::Functions),
            ("ROUTINES", DefaultPrivilegeObject::Routines),
            ("TYPES", DefaultPrivilegeObject::Types),
            ("SCHEMAS", DefaultPrivilegeObject::Schemas),
        ]
        .into_iter()
        .find(|(kw, _)| self.peek_kw(kw))
        .map(|(_, object)| {
            self.pos += 1;
            object
        });
        let object_type = match object_type {
            Some(object) => object,
            None => {
                self.expect_kws(&["LARGE", "OBJECTS"], "expected an object type")?;
                DefaultPrivilegeObject::LargeObjects
            }
        };
        let object_span = self.span_from(object_start);
        self.expect_kw(if revoke { "FROM" } else { "TO" }, "expected TO or FROM")?;
        let grantees = self.role_specs()?;
        if !revoke && self.eat_kws(&["WITH", "GRANT", "OPTION"]).is_some() {
            grant_option = true;
        }
        let behavior = if revoke { self.drop_behavior() } else { None };
        self.expect_end()?;
        Ok(UpstreamKind::AlterDefaultPrivileges(
            AlterDefaultPrivileges {
                for_roles,
                in_schemas,
                revoke,
                privileges,
                object_type,
                object_span,
                grantees,
                grant_option,
                behavior,
            },
        ))
    }

    // -- MySQL accounts ----------------------------------------------------------

    /// True when `CREATE|ALTER USER …` (cursor after `USER`) is MySQL's form:
    /// in a MySQL file, or with a quoted or `@` account, or `IDENTIFIED`.
    pub(super) fn is_mysql_user_statement(&self) -> bool {
        if self.mysql() {
            return true;
        }
        let mut at = self.pos;
        // `IF [NOT] EXISTS`
        while self.toks.get(at).is_some_and(|t| {
            self.is_kw(*t, "IF") || self.is_kw(*t, "NOT") || self.is_kw(*t, "EXISTS")
        }) {
            at += 1;
        }
        let name_is_string = self.toks.get(at).is_some_and(|t| t.kind.is_string());
        let at_sign = self
            .toks
            .get(at + 1)
            .is_some_and(|t| t.kind == TokenKind::Op && self.text(*t).starts_with('@'));
        name_is_string || at_sign || self.has_kw_at_depth0("IDENTIFIED", &[])
    }

    /// After `CREATE USER` / `ALTER USER` (MySQL).
    pub(super) fn mysql_users(&mut self, create: bool) -> R<MySqlUsers> {
        let if_exists = if create {
            self.if_not_exists()?
        } else {
            self.if_exists()?
        };
        let mut users = Vec::new();
        loop {
            let start = self.start();
            let account = self.mysql_account()?;
            let mut auth = Vec::new();
            if self.peek_kw("IDENTIFIED") {
                auth.push(self.mysql_auth()?);
                while self.peek_kws(&["AND", "IDENTIFIED"]) {
                    self.pos += 1;
                    auth.push(self.mysql_auth()?);
                }
            }
            // Options that belong to this account in ALTER USER
            // (`DISCARD OLD PASSWORD`, …) or the statement's tail.
            users.push(MySqlUserSpec {
                span: self.span_from(start),
                account,
                auth,
            });
            if self.eat(TokenKind::Comma).is_none() {
                break;
            }
        }
        // REQUIRE …, WITH …, PASSWORD EXPIRE …, ACCOUNT LOCK, COMMENT '…', …
        // None of them carries a password.
        self.skip_rest();
        Ok(MySqlUsers { if_exists, users })
    }

    /// `'user'@'host'`, `user@host`, `` `user`@`host` ``, `user`,
    /// `CURRENT_USER[()]`, `USER()`.
    pub(super) fn mysql_account(&mut self) -> R<MySqlAccount> {
        let start = self.start();
        let token = self.peek().ok_or("expected an account")?;
        let paren = self.nth_kind(1, TokenKind::LParen) && self.nth_kind(2, TokenKind::RParen);
        if (self.is_kw(token, "CURRENT_USER") && !self.nth_kind(1, TokenKind::Op))
            || (self.is_kw(token, "USER") && paren)
        {
            self.pos += if paren { 3 } else { 1 };
            return Ok(MySqlAccount {
                span: self.span_from(start),
                user: "CURRENT_USER".to_owned(),
                host: None,
            });
        }
        let user = self.mysql_account_part()?;
        let mut host = None;
        if let Some(at) = self.peek().filter(|t| t.kind == TokenKind::Op) {
            let text = self.text(at);
            if text == "@" {
                self.pos += 1;
                host = Some(self.mysql_account_part()?);
            } else if text.starts_with('@') {
                return Err("unexpected operator in an account name");
            }
        }
        Ok(MySqlAccount {
            span: self.span_from(start),
            user,
            host,
        })
    }

    fn mysql_account_part(&mut self) -> R<String> {
        let token = self.peek().ok_or("expected an account name")?;
        if self.is_string_token(token) {
            self.pos += 1;
            return Ok(self.string_value(token).into_owned());
        }
        match token.kind {
            // `"mz"` lexed by the PostgreSQL lexer: a MySQL string.
            TokenKind::QuotedIdent | TokenKind::Word => {
                let ident = self.ident_from(token)?;
                self.pos += 1;
                // User names are compared as written: undo PostgreSQL folding.
                Ok(if ident.quoted {
                    ident.value
                } else {
                    self.text(token).to_owned()
                })
            }
            _ => Err("expected an account name"),
        }
    }

    /// `IDENTIFIED [WITH plugin] [BY 'pw' | BY RANDOM PASSWORD | BY PASSWORD
    /// 'hash' | AS 'hash'] [REPLACE 'current'] [RETAIN CURRENT PASSWORD]`.
    fn mysql_auth(&mut self) -> R<MySqlAuth> {
        let start = self.start();
        self.expect_kw("IDENTIFIED", "expected IDENTIFIED")?;
        let mut plugin = None;
        if self.eat_kw("WITH").is_some() {
            let token = self.advance().ok_or("expected a plugin name")?;
            if !(token.kind == TokenKind::Word || self.is_string_token(token)) {
                return Err("expected a plugin name");
            }
            plugin = Some(token.span);
        }
        let mut password = None;
        let mut hashed = false;
        if self.eat_kw("BY").is_some() {
            if self.eat_kws(&["RANDOM", "PASSWORD"]).is_some() {
                // No value.
            } else {
                if self.peek_kw("PASSWORD") && self.nth(1).is_some_and(|t| self.is_string_token(t))
                {
                    self.pos += 1;
                    hashed = true;
                }
                password = Some(self.mysql_password()?);
            }
        } else if self.eat_kw("AS").is_some() {
            hashed = true;
            password = Some(self.mysql_password()?);
        } else if plugin.is_none() {
            return Err("expected BY, AS or WITH after IDENTIFIED");
        }
        let replace = self.mysql_replace_retain()?;
        Ok(MySqlAuth {
            span: self.span_from(start),
            plugin,
            password,
            hashed,
            replace,
        })
    }

    /// A MySQL password value: a string literal only.
    fn mysql_password(&mut self) -> R<Password> {
        if self.peek_string() {
            self.password(false)
        } else {
            Err("expected a password string")
        }
    }

    /// `[REPLACE 'current'] [RETAIN CURRENT PASSWORD]`.
    fn mysql_replace_retain(&mut self) -> R<Option<Password>> {
        let replace = if self.eat_kw("REPLACE").is_some() {
            Some(self.mysql_password()?)
        } else {
            None
        };
        self.eat_kws(&["RETAIN", "CURRENT", "PASSWORD"]);
        Ok(replace)
    }

    /// After `SET PASSWORD`.
    pub(super) fn set_password(&mut self) -> R<UpstreamKind> {
        let account = if self.eat_kw("FOR").is_some() {
            Some(self.mysql_account()?)
        } else {
            None
        };
        let password = if self.eat_kws(&["TO", "RANDOM"]).is_some() {
            None
        } else {
            self.expect(TokenKind::Eq, "expected =")?;
            let wrapped = self.peek_kw("PASSWORD") || self.peek_kw("OLD_PASSWORD");
            if wrapped {
                // `PASSWORD('pw')` (MySQL 5.x).
                self.pos += 1;
                self.expect(TokenKind::LParen, "expected a left parenthesis")?;
            }
            let password = self.mysql_password()?;
            if wrapped {
                self.expect(TokenKind::RParen, "expected a right parenthesis")?;
            }
            Some(password)
        };
        let replace = self.mysql_replace_retain()?;
        self.expect_end()?;
        Ok(UpstreamKind::SetPassword(SetPassword {
            account,
            password,
            replace,
        }))
    }
}

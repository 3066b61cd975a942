//! Definitions and references for navigation, hover and completion.
//!
//! Definitions come from the project model (the linter's own view: kinds,
//! qualified names, `SET schema` scopes); statements the model has nothing
//! for (a half-typed `CREATE CONNECTION`, upstream `CREATE PUBLICATION`)
//! fall back to a scan of the statement's head tokens. References are found
//! on tokens (`SECRET x`, `SSH TUNNEL x`, `IN CLUSTER x`, `FROM SOURCE x`,
//! `PUBLICATION 'p'`, …), so they work in statements that do not parse, and
//! are resolved with the project's scopes.

use std::collections::HashMap;

use mzlint_linter::project::{cluster_name, DefKind, Location, QualifiedName};
use mzlint_linter::{FileId, Project, SourceFile};
use mzlint_syntax::ast::{ConnectionType, Ident, ItemName, LoadGenerator, SourceKind};
use mzlint_syntax::{Span, Token, TokenKind};

/// What a symbol is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymKind {
    Secret,
    Connection(Option<ConnectionType>),
    /// `None` for webhook sources or an unknown kind.
    Source(Option<SourceKind>),
    Subsource,
    Table,
    SourceTable,
    View,
    MaterializedView,
    Sink,
    Index,
    Cluster,
    /// An upstream PostgreSQL publication.
    Publication,
}

/// Names live in one of three namespaces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ns {
    Item,
    Cluster,
    Publication,
}

impl SymKind {
    pub fn from_def(kind: DefKind) -> SymKind {
        match kind {
            DefKind::Secret => SymKind::Secret,
            DefKind::Connection(t) => SymKind::Connection(Some(t)),
            DefKind::Source(k) => SymKind::Source(k),
            DefKind::Subsource => SymKind::Subsource,
            DefKind::Table => SymKind::Table,
            DefKind::SourceTable => SymKind::SourceTable,
            DefKind::View => SymKind::View,
            DefKind::MaterializedView => SymKind::MaterializedView,
            DefKind::Sink => SymKind::Sink,
            DefKind::Index => SymKind::Index,
            DefKind::Cluster => SymKind::Cluster,
        }
    }

    pub fn ns(self) -> Ns {
        match self {
            SymKind::Cluster => Ns::Cluster,
            SymKind::Publication => Ns::Publication,
            _ => Ns::Item,
        }
    }

    pub fn noun(self) -> &'static str {
        match self {
            SymKind::Secret => "secret",
            SymKind::Connection(_) => "connection",
            SymKind::Source(_) => "source",
            SymKind::Subsource => "subsource",
            SymKind::Table | SymKind::SourceTable => "table",
            SymKind::View => "view",
            SymKind::MaterializedView => "materialized view",
            SymKind::Sink => "sink",
            SymKind::Index => "index",
            SymKind::Cluster => "cluster",
            SymKind::Publication => "publication",
        }
    }

    /// `POSTGRES`, `LOAD GENERATOR`, … when known.
    pub fn type_label(self) -> Option<&'static str> {
        match self {
            SymKind::Connection(Some(t)) => Some(t.as_str()),
            SymKind::Source(Some(k)) => Some(k.as_str()),
            SymKind::SourceTable => Some("FROM SOURCE"),
            SymKind::Publication => Some("upstream PostgreSQL"),
            _ => None,
        }
    }
}

/// What a reference position expects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    Secret,
    /// A connection, of this type when the position says.
    Connection(Option<ConnectionType>),
    Cluster,
    Source,
    /// Any item (`DROP TABLE x`, `ALTER SINK x`).
    Item,
    Publication,
}

impl Expect {
    pub fn ns(self) -> Ns {
        match self {
            Expect::Cluster => Ns::Cluster,
            Expect::Publication => Ns::Publication,
            _ => Ns::Item,
        }
    }

    /// Does a symbol of `kind` fit this position?
    pub fn accepts(self, kind: SymKind) -> bool {
        match (self, kind) {
            (Expect::Secret, SymKind::Secret) => true,
            (Expect::Connection(None), SymKind::Connection(_)) => true,
            (Expect::Connection(Some(want)), SymKind::Connection(Some(have))) => want == have,
            (Expect::Cluster, SymKind::Cluster) => true,
            (Expect::Source, SymKind::Source(_)) => true,
            (Expect::Publication, SymKind::Publication) => true,
            (Expect::Item, k) => k.ns() == Ns::Item,
            _ => false,
        }
    }
}

/// One defined object.
#[derive(Clone, Debug)]
pub struct Symbol {
    pub kind: SymKind,
    pub ns: Ns,
    pub name: QualifiedName,
    pub location: Location,
    /// The name as written in the defining statement.
    pub name_span: Span,
    /// The defining statement (without its `;`).
    pub statement_span: Span,
}

/// A name in a file: a definition's name or a reference.
#[derive(Clone, Debug)]
pub struct Occurrence {
    pub location: Location,
    pub span: Span,
    pub ns: Ns,
    pub name: QualifiedName,
    pub expect: Expect,
    /// Index into the file's [`FileSymbols::symbols`] when this is a definition.
    pub defines: Option<usize>,
}

/// The definitions and names of one file. Depends only on the file (its
/// text, settings and the project model's entries for it), so the server
/// keeps it until the file changes.
#[derive(Debug)]
pub struct FileSymbols {
    pub file: FileId,
    pub symbols: Vec<Symbol>,
    /// In text order.
    pub occurrences: Vec<Occurrence>,
}

impl FileSymbols {
    pub fn build(file: &SourceFile, project: &Project) -> FileSymbols {
        // The project's definitions are in project order: this file's are
        // one contiguous run.
        let defs = &project.definitions;
        let first = defs.partition_point(|d| d.location.file < file.id);
        let last = defs.partition_point(|d| d.location.file <= file.id);
        let mut by_statement: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, def) in defs[first..last].iter().enumerate() {
            by_statement
                .entry(def.location.statement)
                .or_default()
                .push(first + i);
        }
        let mut out = FileSymbols {
            file: file.id,
            symbols: Vec::new(),
            occurrences: Vec::new(),
        };
        let significant: Vec<Token> = file
            .parsed
            .tokens
            .iter()
            .copied()
            .filter(|t| !t.kind.is_trivia())
            .collect();
        let mut at = 0;
        for (k, statement) in file.parsed.statements.iter().enumerate() {
            while at < significant.len() && significant[at].span.start < statement.span.start {
                at += 1;
            }
            let begin = at;
            while at < significant.len() && significant[at].span.end <= statement.span.end {
                at += 1;
            }
            let tokens = &significant[begin..at];
            let location = Location {
                file: file.id,
                statement: k,
            };
            let scan = scan_statement(&file.text, tokens);
            let resolve = |name: &ItemName| project.resolve(location, name);
            match by_statement.get(&k) {
                Some(found) if !file.kind.is_upstream() => {
                    for &d in found {
                        let def = &defs[d];
                        let kind = SymKind::from_def(def.kind);
                        out.push_symbol(Symbol {
                            kind,
                            ns: kind.ns(),
                            name: def.name.clone(),
                            location,
                            name_span: def.name_span,
                            statement_span: statement.span,
                        });
                    }
                }
                _ => {
                    if let Some(head) = &scan.definition {
                        let publication = head.kind == SymKind::Publication;
                        if !file.kind.is_upstream() || publication {
                            let name = key_name(head.kind.ns(), &head.name, resolve);
                            out.push_symbol(Symbol {
                                kind: head.kind,
                                ns: head.kind.ns(),
                                name,
                                location,
                                name_span: head.name.span,
                                statement_span: statement.span,
                            });
                        }
                    }
                }
            }
            for reference in scan.references {
                if file.kind.is_upstream() && reference.expect != Expect::Publication {
                    continue;
                }
                let ns = reference.expect.ns();
                out.occurrences.push(Occurrence {
                    location,
                    span: reference.span,
                    ns,
                    name: key_name(ns, &reference.name, resolve),
                    expect: reference.expect,
                    defines: None,
                });
            }
        }
        out.occurrences.sort_by_key(|o| (o.span.start, o.span.end));
        out
    }

    fn push_symbol(&mut self, symbol: Symbol) {
        let i = self.symbols.len();
        self.occurrences.push(Occurrence {
            location: symbol.location,
            span: symbol.name_span,
            ns: symbol.ns,
            name: symbol.name.clone(),
            expect: match symbol.kind {
                SymKind::Secret => Expect::Secret,
                SymKind::Connection(t) => Expect::Connection(t),
                SymKind::Cluster => Expect::Cluster,
                SymKind::Source(_) => Expect::Source,
                SymKind::Publication => Expect::Publication,
                _ => Expect::Item,
            },
            defines: Some(i),
        });
        self.symbols.push(symbol);
    }
}

/// Every file's symbols, indexed by file id. Lookups scan linearly: they
/// happen once per request, and a scan of 100,000 symbols is well under a
/// millisecond, cheaper than maintaining a map on every keystroke.
#[derive(Default)]
pub struct SymbolIndex {
    pub files: Vec<std::sync::Arc<FileSymbols>>,
}

impl SymbolIndex {
    pub fn symbols(&self) -> impl Iterator<Item = &Symbol> {
        self.files.iter().flat_map(|f| f.symbols.iter())
    }

    /// Names in a file, in text order.
    pub fn occurrences(&self, file: FileId) -> &[Occurrence] {
        self.files
            .get(file.0 as usize)
            .map_or(&[], |f| f.occurrences.as_slice())
    }

    /// The name at `offset` in `file` (cursor inside or at either end).
    pub fn occurrence_at(&self, file: FileId, offset: u32) -> Option<&Occurrence> {
        self.occurrences(file)
            .iter()
            .find(|o| o.span.touches(offset))
    }

    /// Every symbol defining `(ns, name)`, in project order.
    pub fn definitions_of(&self, ns: Ns, name: &QualifiedName) -> impl Iterator<Item = &Symbol> {
        let name = name.clone();
        self.symbols().filter(move |s| s.ns == ns && s.name == name)
    }

    /// The definition an occurrence refers to: itself for a definition; for
    /// a reference the latest fitting definition before it in project
    /// order, else the first anywhere.
    pub fn resolve(&self, occurrence: &Occurrence) -> Option<&Symbol> {
        if let Some(i) = occurrence.defines {
            return self
                .files
                .get(occurrence.location.file.0 as usize)
                .and_then(|f| f.symbols.get(i));
        }
        let mut before = None;
        let mut first = None;
        for symbol in self.definitions_of(occurrence.ns, &occurrence.name) {
            let fits = occurrence.expect.accepts(symbol.kind)
                || matches!(occurrence.expect, Expect::Connection(_))
                    && matches!(symbol.kind, SymKind::Connection(_));
            if !fits {
                continue;
            }
            first.get_or_insert(symbol);
            if symbol.location < occurrence.location {
                before = Some(symbol);
            }
        }
        before.or(first)
    }

    /// Every occurrence (definitions included) of the name `symbol` defines.
    pub fn references_to(&self, symbol: &Symbol) -> Vec<&Occurrence> {
        self.files
            .iter()
            .flat_map(|f| f.occurrences.iter())
            .filter(|o| o.ns == symbol.ns && o.name == symbol.name)
            .collect()
    }

    /// Symbols a position expecting `expect` can name, one per name, in
    /// project order.
    pub fn candidates(&self, expect: Expect) -> Vec<&Symbol> {
        let mut seen = std::collections::HashSet::new();
        self.symbols()
            .filter(|s| expect.accepts(s.kind))
            .filter(|s| seen.insert((s.ns, &s.name)))
            .collect()
    }

    /// Symbols defined in `file`, in text order.
    pub fn symbols_in(&self, file: FileId) -> Vec<&Symbol> {
        let mut out: Vec<&Symbol> = self
            .files
            .get(file.0 as usize)
            .map(|f| f.symbols.iter().collect())
            .unwrap_or_default();
        out.sort_by_key(|s| (s.statement_span.start, s.name_span.start));
        out
    }
}

/// The key of a name in its namespace.
fn key_name(
    ns: Ns,
    name: &ItemName,
    resolve: impl Fn(&ItemName) -> QualifiedName,
) -> QualifiedName {
    match ns {
        Ns::Item => resolve(name),
        Ns::Cluster => cluster_name(
            &name
                .parts
                .first()
                .map(|p| p.value.clone())
                .unwrap_or_default(),
        ),
        Ns::Publication => cluster_name(&name.last().value),
    }
}

// ---------------------------------------------------------------------------
// Token scanning

/// A head definition or a reference found on tokens.
#[derive(Clone, Debug)]
pub struct ScannedDef {
    pub kind: SymKind,
    pub name: ItemName,
}

#[derive(Clone, Debug)]
pub struct ScannedRef {
    pub expect: Expect,
    pub name: ItemName,
    pub span: Span,
}

#[derive(Default, Debug)]
pub struct Scan {
    pub definition: Option<ScannedDef>,
    pub references: Vec<ScannedRef>,
}

pub fn is_kw(source: &str, token: Option<&Token>, word: &str) -> bool {
    token.is_some_and(|t| t.kind == TokenKind::Word && t.text(source).eq_ignore_ascii_case(word))
}

pub fn kws_at(source: &str, tokens: &[Token], at: usize, words: &[&str]) -> bool {
    words
        .iter()
        .enumerate()
        .all(|(k, w)| is_kw(source, tokens.get(at + k), w))
}

/// An identifier token as the parser reads it: words fold to lower case,
/// quoted identifiers keep their case with `""` unescaped.
pub fn ident(source: &str, token: Token) -> Option<Ident> {
    let text = token.text(source);
    match token.kind {
        TokenKind::Word => Some(Ident {
            span: token.span,
            value: text.to_lowercase(),
            quoted: false,
        }),
        TokenKind::QuotedIdent => {
            let inner = text
                .strip_prefix('"')
                .map(|t| t.strip_suffix('"').unwrap_or(t))
                .unwrap_or(text);
            Some(Ident {
                span: token.span,
                value: inner.replace("\"\"", "\""),
                quoted: true,
            })
        }
        _ => None,
    }
}

/// The content of a simple string literal (`'a''b'` → `a'b`).
pub fn string_content(source: &str, token: Token) -> Option<String> {
    if token.kind != TokenKind::String {
        return None;
    }
    let text = token.text(source);
    let inner = text.strip_prefix('\'')?;
    let inner = inner.strip_suffix('\'').unwrap_or(inner);
    Some(inner.replace("''", "'"))
}

/// A possibly qualified name at `at`: `a`, `s.a`, `d.s.a`. Returns the
/// name and the index after it.
pub fn name_at(source: &str, tokens: &[Token], at: usize) -> Option<(ItemName, usize)> {
    let mut parts = vec![ident(source, *tokens.get(at)?)?];
    let mut i = at + 1;
    while tokens.get(i).is_some_and(|t| t.kind == TokenKind::Dot) {
        match tokens.get(i + 1).and_then(|t| ident(source, *t)) {
            Some(part) => {
                parts.push(part);
                i += 2;
            }
            None => break,
        }
    }
    let span = Span::new(parts[0].span.start, parts[parts.len() - 1].span.end);
    Some((
        ItemName {
            span,
            parts,
            resolved_id: None,
        },
        i,
    ))
}

/// A name given as a string (`SET cluster = 'ingest'`).
fn name_or_string_at(source: &str, tokens: &[Token], at: usize) -> Option<(ItemName, usize)> {
    if let Some(found) = name_at(source, tokens, at) {
        return Some(found);
    }
    let token = *tokens.get(at)?;
    let value = string_content(source, token)?;
    Some((
        ItemName {
            span: token.span,
            parts: vec![Ident {
                span: token.span,
                value,
                quoted: true,
            }],
            resolved_id: None,
        },
        at + 1,
    ))
}

/// The connection type words at `at`, and how many tokens they take.
pub fn connection_type_at(
    source: &str,
    tokens: &[Token],
    at: usize,
) -> Option<(ConnectionType, usize)> {
    const TYPES: &[(&[&str], ConnectionType)] = &[
        (&["AWS", "PRIVATELINK"], ConnectionType::AwsPrivatelink),
        (&["AWS"], ConnectionType::Aws),
        (&["KAFKA"], ConnectionType::Kafka),
        (
            &["CONFLUENT", "SCHEMA", "REGISTRY"],
            ConnectionType::ConfluentSchemaRegistry,
        ),
        (&["POSTGRES"], ConnectionType::Postgres),
        (&["SSH", "TUNNEL"], ConnectionType::SshTunnel),
        (&["SQL", "SERVER"], ConnectionType::SqlServer),
        (&["MYSQL"], ConnectionType::MySql),
        (&["ICEBERG", "CATALOG"], ConnectionType::IcebergCatalog),
        (&["YUGABYTE"], ConnectionType::Yugabyte),
    ];
    TYPES
        .iter()
        .find(|(words, _)| kws_at(source, tokens, at, words))
        .map(|(words, t)| (*t, words.len()))
}

/// The source kind words after `FROM` at `at`.
pub fn source_kind_at(source: &str, tokens: &[Token], at: usize) -> Option<(SourceKind, usize)> {
    if kws_at(source, tokens, at, &["SQL", "SERVER"]) {
        return Some((SourceKind::SqlServer, 2));
    }
    if kws_at(source, tokens, at, &["LOAD", "GENERATOR"]) {
        const GENERATORS: &[(&[&str], LoadGenerator)] = &[
            (&["AUCTION"], LoadGenerator::Auction),
            (&["MARKETING"], LoadGenerator::Marketing),
            (&["TPCH"], LoadGenerator::Tpch),
            (&["COUNTER"], LoadGenerator::Counter),
            (&["CLOCK"], LoadGenerator::Clock),
            (&["DATUMS"], LoadGenerator::Datums),
            (&["KEY", "VALUE"], LoadGenerator::KeyValue),
        ];
        let (generator, len) = GENERATORS
            .iter()
            .find(|(w, _)| kws_at(source, tokens, at + 2, w))
            .map(|(w, g)| (*g, w.len()))?;
        return Some((SourceKind::LoadGenerator(generator), 2 + len));
    }
    let word = tokens.get(at)?;
    if word.kind != TokenKind::Word {
        return None;
    }
    let kind = match word.text(source).to_ascii_uppercase().as_str() {
        "POSTGRES" => SourceKind::Postgres,
        "MYSQL" => SourceKind::MySql,
        "KAFKA" => SourceKind::Kafka,
        "YUGABYTE" => SourceKind::Yugabyte,
        _ => return None,
    };
    Some((kind, 1))
}

/// Skip an optional `=` (option values: `SSH TUNNEL = bastion`).
fn skip_eq(tokens: &[Token], at: usize) -> usize {
    if tokens.get(at).is_some_and(|t| t.kind == TokenKind::Eq) {
        at + 1
    } else {
        at
    }
}

/// Where the statement head (`CREATE [OR REPLACE] [TEMP] <kind>`) puts its
/// kind words: (kind, index after the kind words).
fn create_kind(source: &str, tokens: &[Token]) -> Option<(SymKind, usize)> {
    if !is_kw(source, tokens.first(), "CREATE") {
        return None;
    }
    let mut i = 1;
    if kws_at(source, tokens, i, &["OR", "REPLACE"]) {
        i += 2;
    }
    if is_kw(source, tokens.get(i), "TEMP") || is_kw(source, tokens.get(i), "TEMPORARY") {
        i += 1;
    }
    let word = |k: usize| {
        tokens
            .get(k)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.text(source).to_ascii_uppercase())
    };
    let (kind, len) = match word(i).as_deref()? {
        "SECRET" => (SymKind::Secret, 1),
        "CONNECTION" => (SymKind::Connection(None), 1),
        "SOURCE" => (SymKind::Source(None), 1),
        "SUBSOURCE" => (SymKind::Subsource, 1),
        "CLUSTER" if !is_kw(source, tokens.get(i + 1), "REPLICA") => (SymKind::Cluster, 1),
        "TABLE" => (SymKind::Table, 1),
        "VIEW" => (SymKind::View, 1),
        "MATERIALIZED" if is_kw(source, tokens.get(i + 1), "VIEW") => {
            (SymKind::MaterializedView, 2)
        }
        "MATERIALIZED" if is_kw(source, tokens.get(i + 1), "SOURCE") => (SymKind::Source(None), 2),
        "SINK" => (SymKind::Sink, 1),
        "INDEX" => (SymKind::Index, 1),
        "PUBLICATION" => (SymKind::Publication, 1),
        _ => return None,
    };
    Some((kind, i + len))
}

/// Kinds named by `ALTER|DROP <kind>`: (expectation, kind word count).
fn object_kind_words(source: &str, tokens: &[Token], at: usize) -> Option<(Expect, usize)> {
    let word = tokens
        .get(at)
        .filter(|t| t.kind == TokenKind::Word)?
        .text(source)
        .to_ascii_uppercase();
    Some(match word.as_str() {
        "SECRET" => (Expect::Secret, 1),
        "CONNECTION" => (Expect::Connection(None), 1),
        "SOURCE" => (Expect::Source, 1),
        "CLUSTER" => (Expect::Cluster, 1),
        "PUBLICATION" => (Expect::Publication, 1),
        "TABLE" | "VIEW" | "SINK" | "INDEX" | "SUBSOURCE" => (Expect::Item, 1),
        "MATERIALIZED" if is_kw(source, tokens.get(at + 1), "VIEW") => (Expect::Item, 2),
        _ => return None,
    })
}

/// Scan one statement's significant tokens for its head definition and
/// its references.
pub fn scan_statement(source: &str, tokens: &[Token]) -> Scan {
    let mut scan = Scan::default();
    let push = |scan: &mut Scan, expect: Expect, name: ItemName| {
        let span = name.span;
        scan.references.push(ScannedRef { expect, name, span });
    };
    let mut body_start = 0;

    // The head: CREATE … <kind> [IF NOT EXISTS] name.
    if let Some((mut kind, mut i)) = create_kind(source, tokens) {
        if kws_at(source, tokens, i, &["IF", "NOT", "EXISTS"]) {
            i += 3;
        }
        if let Some((name, after)) = name_at(source, tokens, i) {
            let unnamed_index = kind == SymKind::Index
                && (is_kw(source, tokens.get(i), "ON") || is_kw(source, tokens.get(i), "IN"));
            if !unnamed_index {
                match kind {
                    SymKind::Connection(_) => {
                        let mut j = after;
                        if is_kw(source, tokens.get(j), "TO") || is_kw(source, tokens.get(j), "FOR")
                        {
                            j += 1;
                        }
                        if let Some((t, _)) = connection_type_at(source, tokens, j) {
                            kind = SymKind::Connection(Some(t));
                        }
                    }
                    SymKind::Source(_) => {
                        if let Some(from) =
                            (after..tokens.len()).find(|&k| is_kw(source, tokens.get(k), "FROM"))
                        {
                            if let Some((k, _)) = source_kind_at(source, tokens, from + 1) {
                                kind = SymKind::Source(Some(k));
                            }
                        }
                    }
                    SymKind::Table => {
                        let from_source = (after..tokens.len()).any(|k| {
                            kws_at(source, tokens, k, &["FROM", "SOURCE"])
                                || kws_at(source, tokens, k, &["FROM", "WEBHOOK"])
                        });
                        if from_source {
                            kind = SymKind::SourceTable;
                        }
                    }
                    _ => {}
                }
                scan.definition = Some(ScannedDef { kind, name });
                body_start = after;
            }
        }
    } else if kws_at(source, tokens, 0, &["CREATE", "CLUSTER", "REPLICA"]) {
        if let Some((name, after)) = name_at(source, tokens, 3) {
            push(&mut scan, Expect::Cluster, first_part(name));
            body_start = after;
        }
    } else if is_kw(source, tokens.first(), "ALTER")
        || is_kw(source, tokens.first(), "DROP")
        || is_kw(source, tokens.first(), "VALIDATE")
    {
        let drop = is_kw(source, tokens.first(), "DROP");
        if let Some((expect, len)) = object_kind_words(source, tokens, 1) {
            let mut i = 1 + len;
            if expect == Expect::Cluster && is_kw(source, tokens.get(i), "REPLICA") {
                i += 1;
                if kws_at(source, tokens, i, &["IF", "EXISTS"]) {
                    i += 2;
                }
                if let Some((name, after)) = name_at(source, tokens, i) {
                    push(&mut scan, Expect::Cluster, first_part(name));
                    body_start = after;
                }
            } else {
                if kws_at(source, tokens, i, &["IF", "EXISTS"]) {
                    i += 2;
                }
                while let Some((name, after)) = name_at(source, tokens, i) {
                    push(&mut scan, expect, name);
                    body_start = after;
                    if drop
                        && tokens
                            .get(after)
                            .is_some_and(|t| t.kind == TokenKind::Comma)
                    {
                        i = after + 1;
                    } else {
                        break;
                    }
                }
            }
        }
    } else if kws_at(source, tokens, 0, &["SET"]) {
        // SET [SESSION|LOCAL] cluster {=|TO} name
        let mut i = 1;
        if is_kw(source, tokens.get(i), "SESSION") || is_kw(source, tokens.get(i), "LOCAL") {
            i += 1;
        }
        if is_kw(source, tokens.get(i), "CLUSTER") {
            i += 1;
            if tokens.get(i).is_some_and(|t| t.kind == TokenKind::Eq)
                || is_kw(source, tokens.get(i), "TO")
            {
                i += 1;
            }
            if let Some((name, after)) = name_or_string_at(source, tokens, i) {
                push(&mut scan, Expect::Cluster, name);
                body_start = after;
            }
        }
    }
    let publication_statement = tokens.get(1).is_some_and(|t| {
        t.kind == TokenKind::Word && t.text(source).eq_ignore_ascii_case("PUBLICATION")
    });

    // References in the body.
    let mut i = body_start;
    while i < tokens.len() {
        let prev = |k: usize| if k == 0 { None } else { tokens.get(k - 1) };
        let after_type_keyword = is_kw(source, prev(i), "TO") || is_kw(source, prev(i), "FOR");
        let mut found: Option<(Expect, usize)> = None;
        if is_kw(source, tokens.get(i), "SECRET") && !is_kw(source, tokens.get(i + 1), "ACCESS") {
            found = Some((Expect::Secret, i + 1));
        } else if is_kw(source, tokens.get(i), "CONNECTION") {
            let p = prev(i)
                .filter(|t| t.kind == TokenKind::Word)
                .map(|t| t.text(source).to_ascii_uppercase());
            let expect = match p.as_deref() {
                Some("POSTGRES") => Some(Some(ConnectionType::Postgres)),
                Some("MYSQL") => Some(Some(ConnectionType::MySql)),
                Some("SERVER") => Some(Some(ConnectionType::SqlServer)),
                Some("KAFKA") => Some(Some(ConnectionType::Kafka)),
                Some("REGISTRY") => Some(Some(ConnectionType::ConfluentSchemaRegistry)),
                Some("AWS") => Some(Some(ConnectionType::Aws)),
                Some("CATALOG") => Some(Some(ConnectionType::IcebergCatalog)),
                Some("YUGABYTE") => Some(Some(ConnectionType::Yugabyte)),
                _ => None,
            };
            if let Some(t) = expect {
                found = Some((Expect::Connection(t), i + 1));
            }
        } else if kws_at(source, tokens, i, &["SSH", "TUNNEL"]) && !after_type_keyword {
            found = Some((Expect::Connection(Some(ConnectionType::SshTunnel)), i + 2));
        } else if kws_at(source, tokens, i, &["AWS", "PRIVATELINK"]) && !after_type_keyword {
            found = Some((
                Expect::Connection(Some(ConnectionType::AwsPrivatelink)),
                i + 2,
            ));
        } else if kws_at(source, tokens, i, &["IN", "CLUSTER"]) {
            found = Some((Expect::Cluster, i + 2));
        } else if kws_at(source, tokens, i, &["SET", "CLUSTER"]) {
            let mut j = i + 2;
            if is_kw(source, tokens.get(j), "TO") {
                j += 1;
            }
            found = Some((Expect::Cluster, j));
        } else if kws_at(source, tokens, i, &["FROM", "SOURCE"])
            || kws_at(source, tokens, i, &["OF", "SOURCE"])
        {
            found = Some((Expect::Source, i + 2));
        } else if is_kw(source, tokens.get(i), "PUBLICATION") && !publication_statement {
            let j = skip_eq(tokens, i + 1);
            if let Some(token) = tokens.get(j) {
                if let Some(value) = string_content(source, *token) {
                    let name = ItemName {
                        span: token.span,
                        parts: vec![Ident {
                            span: token.span,
                            value,
                            quoted: true,
                        }],
                        resolved_id: None,
                    };
                    push(&mut scan, Expect::Publication, name);
                    i = j + 1;
                    continue;
                }
            }
        }
        if let Some((expect, at)) = found {
            let at = skip_eq(tokens, at);
            if let Some((name, after)) = name_at(source, tokens, at) {
                push(&mut scan, expect, name);
                i = after;
                continue;
            }
        }
        i += 1;
    }
    scan
}

fn first_part(name: ItemName) -> ItemName {
    let first = name.parts[0].clone();
    ItemName {
        span: first.span,
        parts: vec![first],
        resolved_id: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mzlint_syntax::lexer::lex;

    fn scan(src: &str) -> Scan {
        let tokens: Vec<Token> = lex(src)
            .tokens
            .into_iter()
            .filter(|t| !t.kind.is_trivia())
            .collect();
        scan_statement(src, &tokens)
    }

    fn refs(src: &str) -> Vec<(Expect, String)> {
        scan(src)
            .references
            .into_iter()
            .map(|r| (r.expect, r.name.joined()))
            .collect()
    }

    #[test]
    fn finds_definitions() {
        let s = scan("CREATE CONNECTION IF NOT EXISTS pg TO POSTGRES (HOST 'h')");
        let d = s.definition.unwrap();
        assert_eq!(d.kind, SymKind::Connection(Some(ConnectionType::Postgres)));
        assert_eq!(d.name.joined(), "pg");
        let d = scan("CREATE SOURCE s IN CLUSTER c FROM POSTGRES CONNECTION pg (PUBLICATION 'p')")
            .definition
            .unwrap();
        assert_eq!(d.kind, SymKind::Source(Some(SourceKind::Postgres)));
        let d = scan("CREATE TABLE t FROM SOURCE s (REFERENCE x)")
            .definition
            .unwrap();
        assert_eq!(d.kind, SymKind::SourceTable);
        let d = scan("create secret \"My Secret\" as 'x'")
            .definition
            .unwrap();
        assert_eq!(d.name.joined(), "My Secret");
        let d = scan("CREATE PUBLICATION mz_source FOR ALL TABLES")
            .definition
            .unwrap();
        assert_eq!(d.kind, SymKind::Publication);
        assert!(scan("CREATE INDEX ON t (a)").definition.is_none());
        assert!(scan("CREATE CONNECTION").definition.is_none());
    }

    #[test]
    fn finds_references() {
        assert_eq!(
            refs("CREATE CONNECTION pg TO POSTGRES (HOST 'h', PASSWORD SECRET pw, SSH TUNNEL = bastion, SECRET ACCESS KEY SECRET aws.k)"),
            vec![
                (Expect::Secret, "pw".into()),
                (Expect::Connection(Some(ConnectionType::SshTunnel)), "bastion".into()),
                (Expect::Secret, "aws.k".into()),
            ]
        );
        assert_eq!(
            refs("CREATE SOURCE s IN CLUSTER ingest FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_source')"),
            vec![
                (Expect::Cluster, "ingest".into()),
                (Expect::Connection(Some(ConnectionType::Postgres)), "pg".into()),
                (Expect::Publication, "mz_source".into()),
            ]
        );
        assert_eq!(
            refs("CREATE CONNECTION ssh TO SSH TUNNEL (HOST 'h')"),
            Vec::<(Expect, String)>::new()
        );
        assert_eq!(
            refs("DROP SECRET IF EXISTS a, b CASCADE"),
            vec![(Expect::Secret, "a".into()), (Expect::Secret, "b".into())]
        );
        assert_eq!(
            refs("SET cluster = 'ingest'"),
            vec![(Expect::Cluster, "ingest".into())]
        );
        assert_eq!(
            refs("CREATE TABLE t FROM SOURCE s (REFERENCE x)"),
            vec![(Expect::Source, "s".into())]
        );
        assert_eq!(
            refs("ALTER CLUSTER REPLICA c.r OWNER TO x"),
            vec![(Expect::Cluster, "c".into())]
        );
        // Half-typed: nothing after the keyword.
        assert_eq!(
            refs("CREATE CONNECTION c TO POSTGRES (PASSWORD SECRET"),
            vec![]
        );
    }
}

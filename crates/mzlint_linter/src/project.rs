//! The project model (rules.md §1.2, interfaces.md §6): every object every
//! file of the run defines, in project order, with name resolution.
//!
//! Project order is file order (the driver numbers files by path relative to
//! the project root, byte-wise) then statement order, so a [`Location`]
//! compares in project order directly.

use std::collections::HashMap;

use mzlint_syntax::ast::*;
use mzlint_syntax::Span;

use crate::settings::Settings;
use crate::source::{FileId, SourceFile};

/// A statement's place in project order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    pub file: FileId,
    pub statement: usize,
}

/// A fully qualified name. Clusters use `name` only.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct QualifiedName {
    pub database: String,
    pub schema: String,
    pub name: String,
}

impl std::fmt::Display for QualifiedName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}.{}", self.database, self.schema, self.name)
    }
}

/// Items share one namespace per schema; clusters have their own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Namespace {
    Item = 0,
    Cluster = 1,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DefKind {
    Secret,
    Connection(ConnectionType),
    /// `None` for webhook sources.
    Source(Option<SourceKind>),
    /// A legacy subsource named by FOR TABLES / ADD SUBSOURCE.
    Subsource,
    Table,
    /// `CREATE TABLE … FROM SOURCE` / `FROM WEBHOOK`.
    SourceTable,
    View,
    MaterializedView,
    Sink,
    Index,
    Cluster,
}

impl DefKind {
    pub fn namespace(self) -> Namespace {
        match self {
            DefKind::Cluster => Namespace::Cluster,
            _ => Namespace::Item,
        }
    }

    /// How messages name the kind: `secret`, `connection`, `source`, …
    pub fn noun(self) -> &'static str {
        match self {
            DefKind::Secret => "secret",
            DefKind::Connection(_) => "connection",
            DefKind::Source(_) => "source",
            DefKind::Subsource => "subsource",
            DefKind::Table | DefKind::SourceTable => "table",
            DefKind::View => "view",
            DefKind::MaterializedView => "materialized view",
            DefKind::Sink => "sink",
            DefKind::Index => "index",
            DefKind::Cluster => "cluster",
        }
    }
}

/// One definition.
#[derive(Clone, Debug)]
pub struct Definition {
    pub kind: DefKind,
    pub name: QualifiedName,
    pub location: Location,
    /// The name as written in the defining statement.
    pub name_span: Span,
    pub if_not_exists: bool,
}

/// A `DROP` of a name, for "no DROP between" checks.
#[derive(Clone, Debug)]
pub struct DropRecord {
    pub namespace: Namespace,
    pub name: QualifiedName,
    pub location: Location,
}

/// The name context of each statement: database and schema in effect
/// (after `SET database|schema|search_path` earlier in the file) and the
/// cluster of `SET cluster`.
#[derive(Clone, Debug, Default)]
pub struct StatementScope {
    pub database: String,
    pub schema: String,
    pub cluster: Option<String>,
}

/// What one file contributes to the project model. Computing it reads only
/// that file; merging summaries ([`Project::from_summaries`]) is linear in
/// the number of definitions.
#[derive(Clone, Debug)]
pub struct FileSummary {
    pub file: FileId,
    pub definitions: Vec<Definition>,
    pub drops: Vec<DropRecord>,
    pub connection_alters: Vec<(QualifiedName, Location)>,
    pub scopes: Vec<StatementScope>,
}

impl FileSummary {
    pub fn of(file: &SourceFile, settings: &Settings) -> FileSummary {
        let mut collector = Project::default();
        let scopes = collector.add_file(file, settings);
        let mut connection_alters: Vec<(QualifiedName, Location)> = collector
            .connection_alters
            .into_iter()
            .flat_map(|(name, locations)| locations.into_iter().map(move |l| (name.clone(), l)))
            .collect();
        connection_alters.sort_by_key(|(_, l)| *l);
        FileSummary {
            file: file.id,
            definitions: collector.definitions,
            drops: collector.drops,
            connection_alters,
            scopes,
        }
    }
}

#[derive(Default)]
pub struct Project {
    /// Every definition, in project order.
    pub definitions: Vec<Definition>,
    pub drops: Vec<DropRecord>,
    /// Definitions by name, one map per namespace (items, clusters).
    by_name: [HashMap<QualifiedName, Vec<usize>>; 2],
    /// Drop locations by name, one map per namespace, in project order.
    drops_by_name: [HashMap<QualifiedName, Vec<Location>>; 2],
    /// `ALTER CONNECTION` statements by the connection they alter.
    connection_alters: HashMap<QualifiedName, Vec<Location>>,
    /// Per file, per statement: the scope it runs in.
    scopes: Vec<Vec<StatementScope>>,
    /// The upstream PostgreSQL/MySQL model and the sources read against it
    /// (rules.md §5.4). [`Project::build`] fills it; callers of
    /// [`Project::from_summaries`] set it with
    /// [`UpstreamModel::build`](crate::upstream_model::UpstreamModel::build).
    pub upstream: crate::upstream_model::UpstreamModel,
}

impl Project {
    /// Build the model from the files of the run (ids are their indices).
    /// Files are summarised in parallel, then merged in project order.
    pub fn build(files: &[SourceFile], settings: &[&Settings]) -> Project {
        use rayon::prelude::*;
        let summaries: Vec<FileSummary> = files
            .par_iter()
            .zip(settings.par_iter())
            .map(|(file, settings)| FileSummary::of(file, settings))
            .collect();
        let mut project = Project::from_summaries(summaries.iter());
        project.upstream = crate::upstream_model::UpstreamModel::build(files, settings, &project);
        project
    }

    /// Merge per-file summaries, given in project order. The language server
    /// keeps one summary per file and, on an edit, re-summarises only the
    /// edited file before merging again: no other file is re-read.
    pub fn from_summaries<'s>(summaries: impl IntoIterator<Item = &'s FileSummary>) -> Project {
        let mut project = Project::default();
        for summary in summaries {
            for definition in &summary.definitions {
                project.push_definition(definition.clone());
            }
            project.drops.extend(summary.drops.iter().cloned());
            for (name, location) in &summary.connection_alters {
                project
                    .connection_alters
                    .entry(name.clone())
                    .or_default()
                    .push(*location);
            }
            let index = summary.file.0 as usize;
            if project.scopes.len() <= index {
                project.scopes.resize_with(index + 1, Vec::new);
            }
            project.scopes[index] = summary.scopes.clone();
        }
        project.index_drops();
        project
    }

    fn index_drops(&mut self) {
        let mut index: [HashMap<QualifiedName, Vec<Location>>; 2] = Default::default();
        for drop in &self.drops {
            index[drop.namespace as usize]
                .entry(drop.name.clone())
                .or_default()
                .push(drop.location);
        }
        self.drops_by_name = index;
    }

    /// Is `name` dropped strictly between two locations?
    pub fn dropped_between(
        &self,
        namespace: Namespace,
        name: &QualifiedName,
        after: Location,
        before: Location,
    ) -> bool {
        self.drops_by_name[namespace as usize]
            .get(name)
            .is_some_and(|locations| locations.iter().any(|l| *l > after && *l < before))
    }

    /// Build the upstream model over `files` (after
    /// [`Project::from_summaries`], which has no file texts to read).
    pub fn with_upstream(mut self, files: &[SourceFile], settings: &[&Settings]) -> Project {
        self.upstream = crate::upstream_model::UpstreamModel::build(files, settings, &self);
        self
    }

    /// Collect a file's definitions; returns the scope of each statement.
    fn add_file(&mut self, file: &SourceFile, settings: &Settings) -> Vec<StatementScope> {
        let mut scope = StatementScope {
            database: settings.materialize.database.clone(),
            schema: settings.materialize.schema.clone(),
            cluster: None,
        };
        let mut scopes = Vec::with_capacity(file.parsed.statements.len());
        for (index, statement) in file.parsed.statements.iter().enumerate() {
            let location = Location {
                file: file.id,
                statement: index,
            };
            scopes.push(scope.clone());
            if file.kind.is_upstream() {
                continue;
            }
            self.add_statement(statement, location, &scope);
            if let StatementKind::Set(set) = &statement.kind {
                apply_set(&mut scope, set);
            }
        }
        scopes
    }

    fn define(
        &mut self,
        kind: DefKind,
        name: &ItemName,
        location: Location,
        scope: &StatementScope,
        if_not_exists: bool,
    ) {
        let qualified = resolve_in(scope, name);
        self.push_definition(Definition {
            kind,
            name: qualified,
            location,
            name_span: name.span,
            if_not_exists,
        });
    }

    fn push_definition(&mut self, definition: Definition) {
        let namespace = definition.kind.namespace() as usize;
        self.by_name[namespace]
            .entry(definition.name.clone())
            .or_default()
            .push(self.definitions.len());
        self.definitions.push(definition);
    }

    fn add_statement(&mut self, statement: &Statement, location: Location, scope: &StatementScope) {
        match &statement.kind {
            StatementKind::CreateSecret(s) => {
                self.define(DefKind::Secret, &s.name, location, scope, s.if_not_exists)
            }
            StatementKind::CreateConnection(c) => self.define(
                DefKind::Connection(c.connection_type),
                &c.name,
                location,
                scope,
                c.if_not_exists,
            ),
            StatementKind::CreateSource(s) => {
                let kind = match &s.body {
                    SourceBody::Connection(c) => Some(c.kind),
                    SourceBody::Webhook(_) => None,
                };
                self.define(
                    DefKind::Source(kind),
                    &s.name,
                    location,
                    scope,
                    s.if_not_exists,
                );
                if let SourceBody::Connection(c) = &s.body {
                    self.define_subsources(c.external_refs.as_ref(), &s.name, location, scope);
                }
            }
            StatementKind::AlterConnection(a) => {
                let name = resolve_in(scope, &a.name);
                self.connection_alters
                    .entry(name)
                    .or_default()
                    .push(location);
            }
            StatementKind::AlterSource(a) => {
                if let AlterSourceAction::AddSubsources { refs, .. } = &a.action {
                    self.define_subsource_refs(refs, &a.name, location, scope);
                }
            }
            StatementKind::CreateTableFromSource(t) => self.define(
                DefKind::SourceTable,
                &t.name,
                location,
                scope,
                t.if_not_exists,
            ),
            StatementKind::CreateTableFromWebhook(t) => self.define(
                DefKind::SourceTable,
                &t.name,
                location,
                scope,
                t.if_not_exists,
            ),
            StatementKind::CreateSubsource(s) => {
                self.define(DefKind::Subsource, &s.name, location, scope, false)
            }
            StatementKind::CreateCluster(c) => {
                let name = QualifiedName {
                    database: String::new(),
                    schema: String::new(),
                    name: c.name.value.clone(),
                };
                self.push_definition(Definition {
                    kind: DefKind::Cluster,
                    name,
                    location,
                    name_span: c.name.span,
                    if_not_exists: false,
                });
            }
            StatementKind::Shallow(s) => {
                let kind = match s.object_type {
                    ObjectType::View => DefKind::View,
                    ObjectType::MaterializedView => DefKind::MaterializedView,
                    ObjectType::Sink => DefKind::Sink,
                    ObjectType::Index => DefKind::Index,
                    ObjectType::Table => DefKind::Table,
                    _ => return,
                };
                if let Some(name) = &s.name {
                    self.define(kind, name, location, scope, s.if_not_exists);
                }
            }
            StatementKind::Drop(d) => {
                let namespace = if d.object_type == ObjectType::Cluster {
                    Namespace::Cluster
                } else {
                    Namespace::Item
                };
                for name in &d.names {
                    let name = if namespace == Namespace::Cluster {
                        cluster_name(&name.last().value)
                    } else {
                        resolve_in(scope, name)
                    };
                    self.drops.push(DropRecord {
                        namespace,
                        name,
                        location,
                    });
                }
            }
            StatementKind::Error(e) => {
                // Recovery: a statement whose head parsed still defines its object.
                if let Some(head) = &e.head {
                    let kind = match head.object_type {
                        ObjectType::Secret => DefKind::Secret,
                        ObjectType::Connection => match head.connection_type {
                            Some(t) => DefKind::Connection(t),
                            None => return,
                        },
                        ObjectType::Source => DefKind::Source(head.source_kind),
                        ObjectType::Table => DefKind::SourceTable,
                        ObjectType::Cluster => DefKind::Cluster,
                        _ => return,
                    };
                    if kind == DefKind::Cluster {
                        self.push_definition(Definition {
                            kind,
                            name: cluster_name(&head.name.last().value),
                            location,
                            name_span: head.name.span,
                            if_not_exists: false,
                        });
                    } else {
                        self.define(kind, &head.name, location, scope, false);
                    }
                }
            }
            _ => {}
        }
    }

    fn define_subsources(
        &mut self,
        refs: Option<&ExternalRefs>,
        source: &ItemName,
        location: Location,
        scope: &StatementScope,
    ) {
        if let Some(ExternalRefs {
            kind: ExternalRefsKind::Tables(refs),
            ..
        }) = refs
        {
            self.define_subsource_refs(refs, source, location, scope);
        }
    }

    /// Subsources land in the source's schema unless the alias is qualified.
    fn define_subsource_refs(
        &mut self,
        refs: &[ExternalRef],
        source: &ItemName,
        location: Location,
        scope: &StatementScope,
    ) {
        let source_name = resolve_in(scope, source);
        for r in refs {
            let (name, span) = match &r.alias {
                Some(alias) if alias.parts.len() > 1 => (resolve_in(scope, alias), alias.span),
                Some(alias) => (
                    QualifiedName {
                        database: source_name.database.clone(),
                        schema: source_name.schema.clone(),
                        name: alias.last().value.clone(),
                    },
                    alias.span,
                ),
                None => (
                    QualifiedName {
                        database: source_name.database.clone(),
                        schema: source_name.schema.clone(),
                        name: r.upstream.last().value.clone(),
                    },
                    r.upstream.span,
                ),
            };
            self.push_definition(Definition {
                kind: DefKind::Subsource,
                name,
                location,
                name_span: span,
                if_not_exists: false,
            });
        }
    }

    /// Replace one file's part of the model (definitions, drops, ALTER
    /// CONNECTIONs, scopes) after its text changed, with the same result as
    /// building the model again: the language server's per-keystroke update,
    /// which keeps the other files' parts. `file.id` must be the file's place
    /// in the run the model was built from (same files, same order).
    pub fn replace_file(&mut self, file: &SourceFile, settings: &Settings) {
        let mut part = Project::default();
        let part_scopes = part.add_file(file, settings);
        let id = file.id;
        // Exhaustive on purpose: a new field must be handled here too.
        let Project {
            definitions,
            drops,
            by_name,
            connection_alters,
            scopes,
            drops_by_name: _,
            // Rebuilt from all files by `refresh_upstream`: upstream facts
            // cross files (a publication altered elsewhere).
            upstream: _,
        } = self;

        // Definitions are in project order: the file's are one run.
        let first = definitions.partition_point(|d| d.location.file < id);
        let last = definitions.partition_point(|d| d.location.file <= id);
        let added = part.definitions.len();
        let shift = |i: usize| i + added - (last - first);
        definitions.splice(first..last, part.definitions);
        for map in by_name.iter_mut() {
            map.retain(|_, indices| {
                indices.retain(|&i| i < first || i >= last);
                for i in indices.iter_mut() {
                    if *i >= last {
                        *i = shift(*i);
                    }
                }
                !indices.is_empty()
            });
        }
        for (index, def) in definitions.iter().enumerate().skip(first).take(added) {
            let list = by_name[def.kind.namespace() as usize]
                .entry(def.name.clone())
                .or_default();
            let at = list.partition_point(|&i| i < index);
            list.insert(at, index);
        }

        let first = drops.partition_point(|d| d.location.file < id);
        let last = drops.partition_point(|d| d.location.file <= id);
        drops.splice(first..last, part.drops);

        connection_alters.retain(|_, locations| {
            locations.retain(|l| l.file != id);
            !locations.is_empty()
        });
        for (name, locations) in part.connection_alters {
            let list = connection_alters.entry(name).or_default();
            for location in locations {
                let at = list.partition_point(|l| *l < location);
                list.insert(at, location);
            }
        }

        let i = id.0 as usize;
        if scopes.len() <= i {
            scopes.resize_with(i + 1, Vec::new);
        }
        scopes[i] = part_scopes;
        self.index_drops();
    }

    /// Rebuild the upstream model after [`Project::replace_file`].
    pub fn refresh_upstream(&mut self, files: &[SourceFile], settings: &[&Settings]) {
        self.upstream = crate::upstream_model::UpstreamModel::build(files, settings, self);
    }

    /// The scope a statement runs in.
    pub fn scope(&self, location: Location) -> Option<&StatementScope> {
        self.scopes
            .get(location.file.0 as usize)
            .and_then(|s| s.get(location.statement))
    }

    /// Resolve an item name as written at `location`.
    pub fn resolve(&self, location: Location, name: &ItemName) -> QualifiedName {
        match self.scope(location) {
            Some(scope) => resolve_in(scope, name),
            None => resolve_in(
                &StatementScope {
                    database: "materialize".into(),
                    schema: "public".into(),
                    cluster: None,
                },
                name,
            ),
        }
    }

    /// Every definition of a name, in project order.
    pub fn definitions_of(
        &self,
        namespace: Namespace,
        name: &QualifiedName,
    ) -> impl Iterator<Item = &Definition> {
        self.by_name[namespace as usize]
            .get(name)
            .into_iter()
            .flatten()
            .map(|&i| &self.definitions[i])
    }

    /// Names defined more than once, with their definitions in project order.
    pub fn repeated_names(&self) -> impl Iterator<Item = Vec<&Definition>> {
        self.by_name
            .iter()
            .flat_map(|map| map.values())
            .filter(|indices| indices.len() > 1)
            .map(|indices| indices.iter().map(|&i| &self.definitions[i]).collect())
    }

    /// The definition in effect for a reference at `location`: the latest
    /// one before it in project order not dropped since, else the first
    /// anywhere (order across files is the user's business, MZ503 judges it
    /// within a file).
    pub fn lookup(
        &self,
        namespace: Namespace,
        name: &QualifiedName,
        location: Location,
    ) -> Option<&Definition> {
        let mut before = None;
        let mut first = None;
        for def in self.definitions_of(namespace, name) {
            first.get_or_insert(def);
            if def.location < location {
                before = Some(def);
            }
        }
        if let Some(def) = before {
            if !self.dropped_between(namespace, name, def.location, location) {
                return Some(def);
            }
            return None;
        }
        first
    }

    /// The item a name written at `location` refers to.
    pub fn lookup_item(&self, location: Location, name: &ItemName) -> Option<&Definition> {
        let qualified = self.resolve(location, name);
        self.lookup(Namespace::Item, &qualified, location)
    }

    /// The cluster named `name` (a single identifier).
    pub fn lookup_cluster(&self, location: Location, name: &str) -> Option<&Definition> {
        self.lookup(Namespace::Cluster, &cluster_name(name), location)
    }

    /// The `ALTER CONNECTION` statements applying to the connection defined
    /// by `definition`, before `until` in project order.
    pub fn connection_alters_between(
        &self,
        definition: &Definition,
        until: Location,
    ) -> Vec<Location> {
        self.connection_alters
            .get(&definition.name)
            .into_iter()
            .flatten()
            .copied()
            .filter(|l| *l > definition.location && *l < until)
            .collect()
    }

    /// The type of the connection a name refers to, when the project defines it.
    pub fn connection_type(&self, location: Location, name: &ItemName) -> Option<ConnectionType> {
        match self.lookup_item(location, name)?.kind {
            DefKind::Connection(t) => Some(t),
            _ => None,
        }
    }

    /// The kind of the source a name refers to, when the project defines it.
    pub fn source_kind(&self, location: Location, name: &ItemName) -> Option<SourceKind> {
        match self.lookup_item(location, name)?.kind {
            DefKind::Source(kind) => kind,
            _ => None,
        }
    }
}

/// A cluster's key in the cluster namespace.
pub fn cluster_name(name: &str) -> QualifiedName {
    QualifiedName {
        database: String::new(),
        schema: String::new(),
        name: name.to_string(),
    }
}

/// Resolve 1-, 2- and 3-part names against a scope.
pub fn resolve_in(scope: &StatementScope, name: &ItemName) -> QualifiedName {
    let parts: Vec<&str> = name.parts.iter().map(|p| p.value.as_str()).collect();
    match parts.as_slice() {
        [n] => QualifiedName {
            database: scope.database.clone(),
            schema: scope.schema.clone(),
            name: n.to_string(),
        },
        [s, n] => QualifiedName {
            database: scope.database.clone(),
            schema: s.to_string(),
            name: n.to_string(),
        },
        [.., d, s, n] => QualifiedName {
            database: d.to_string(),
            schema: s.to_string(),
            name: n.to_string(),
        },
        [] => QualifiedName {
            database: scope.database.clone(),
            schema: scope.schema.clone(),
            name: String::new(),
        },
    }
}

fn apply_set(scope: &mut StatementScope, set: &SetVariable) {
    let Some((_, first)) = set.values.first() else {
        return;
    };
    match set.variable.value.as_str() {
        "cluster" | "cluster_name" => scope.cluster = Some(first.clone()),
        "database" => scope.database = first.clone(),
        "schema" | "search_path" => scope.schema = first.clone(),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn files(texts: &[&str]) -> Vec<SourceFile> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                SourceFile::new(
                    FileId(i as u32),
                    PathBuf::from(format!("f{i}.sql")),
                    t.to_string(),
                    None,
                )
            })
            .collect()
    }

    /// Everything observable of a model, for comparisons.
    fn summary(project: &Project, files: &[SourceFile]) -> String {
        let mut out = String::new();
        for d in &project.definitions {
            out.push_str(&format!(
                "def {:?} {} {:?} {:?}\n",
                d.kind, d.name, d.location, d.name_span
            ));
            let found: Vec<Location> = project
                .definitions_of(d.kind.namespace(), &d.name)
                .map(|d| d.location)
                .collect();
            out.push_str(&format!("  same name at {found:?}\n"));
        }
        for d in &project.drops {
            out.push_str(&format!(
                "drop {:?} {} {:?}\n",
                d.namespace, d.name, d.location
            ));
        }
        for def in &project.definitions {
            if let DefKind::Connection(_) = def.kind {
                let until = Location {
                    file: FileId(u32::MAX),
                    statement: 0,
                };
                out.push_str(&format!(
                    "alters of {}: {:?}\n",
                    def.name,
                    project.connection_alters_between(def, until)
                ));
            }
        }
        for file in files {
            for k in 0..file.parsed.statements.len() {
                let location = Location {
                    file: file.id,
                    statement: k,
                };
                out.push_str(&format!(
                    "scope {:?} {:?}\n",
                    location,
                    project.scope(location)
                ));
            }
        }
        out
    }

    #[test]
    fn replacing_a_file_equals_building_again() {
        let before = [
            "CREATE SECRET a AS 'x';\nCREATE CONNECTION c TO POSTGRES (HOST 'h', PASSWORD SECRET a);\nCREATE CLUSTER k (SIZE = '25cc');\n",
            "SET schema = s2;\nCREATE SECRET b AS 'y';\nCREATE CONNECTION d TO SSH TUNNEL (HOST 'b', USER 'u');\nALTER CONNECTION c SET (PORT 5433);\nDROP SECRET a;\n",
            "CREATE SECRET a AS 'z';\nCREATE CONNECTION e TO KAFKA (BROKER 'k:9092');\nALTER CONNECTION c SET (PORT 5434);\n",
        ];
        let after = [
            before[0],
            "CREATE SECRET b2 AS 'y';\nCREATE SECRET b AS 'y';\nCREATE SECRET c3 AS 'y';\nDROP SECRET b2;\nALTER CONNECTION c SET (PORT 1);\nCREATE CLUSTER k2 (SIZE = '25cc');\n",
            before[2],
        ];
        let settings = Settings::default();
        let refs = [&settings, &settings, &settings];
        for (old, new) in [(before, after), (after, before)] {
            let old_files = files(&old);
            let new_files = files(&new);
            let mut project = Project::build(&old_files, &refs);
            project.replace_file(&new_files[1], &settings);
            let rebuilt = Project::build(&new_files, &refs);
            assert_eq!(summary(&project, &new_files), summary(&rebuilt, &new_files));
        }
        // Emptying and refilling a file.
        let empty = [before[0], "", before[2]];
        let mut project = Project::build(&files(&before), &refs);
        project.replace_file(&files(&empty)[1], &settings);
        assert_eq!(
            summary(&project, &files(&empty)),
            summary(&Project::build(&files(&empty), &refs), &files(&empty))
        );
        project.replace_file(&files(&before)[1], &settings);
        assert_eq!(
            summary(&project, &files(&before)),
            summary(&Project::build(&files(&before), &refs), &files(&before))
        );
    }
}

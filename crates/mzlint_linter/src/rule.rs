//! Rule metadata and the `declare_rule!` macro.
//!
//! A rule is one file under `rules/`: a `declare_rule!` whose doc comment is
//! the rule's documentation (what `mzlint rule CODE` prints, what hover
//! shows, what SARIF embeds), and a `check` function. The doc comment is
//! captured by the macro, so the documentation cannot drift from the code.

use crate::context::{FileContext, ProjectContext, StatementContext};
use crate::diagnostic::{Diagnostic, Severity};

/// Where a rule looks (rules.md §1.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Statement,
    File,
    Project,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Statement => "statement",
            Scope::File => "file",
            Scope::Project => "project",
        }
    }
}

/// The fixes a rule can offer, as the catalog's summary table says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixAvailability {
    None,
    Safe,
    Unsafe,
    DisplayOnly,
    /// Different forms offer different applicabilities (`safe / unsafe`).
    Sometimes,
}

/// How a rule is run.
#[derive(Clone, Copy)]
pub enum Check {
    Statement(fn(&StatementContext<'_>, &mut Vec<Diagnostic>)),
    File(fn(&FileContext<'_>, &mut Vec<Diagnostic>)),
    Project(fn(&ProjectContext<'_>, &mut Vec<Diagnostic>)),
    /// Emitted by the engine itself (MZ000 syntax errors, MZ001 I/O errors,
    /// MZ002/MZ003 suppressions).
    Engine,
}

pub struct RuleMeta {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub enabled_by_default: bool,
    pub scope: Scope,
    pub fix: FixAvailability,
    /// What the fix column of the catalog says (`safe (same value)`).
    pub fix_summary: &'static str,
    /// One line, from the catalog's summary table.
    pub summary: &'static str,
    /// The rule's doc comment, markdown.
    pub explanation: &'static str,
    pub check: Check,
}

impl std::fmt::Debug for RuleMeta {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.code, self.name)
    }
}

impl PartialEq for RuleMeta {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
    }
}

impl Eq for RuleMeta {}

impl RuleMeta {
    /// The rule's full documentation as markdown: a title, the metadata
    /// line, then the doc comment.
    pub fn markdown(&self) -> String {
        let mut out = format!(
            "# {} {}\n\n**Severity** {} · **Enabled by default** {} · **Scope** {} · **Fix** {}\n\n{}\n",
            self.code,
            self.name,
            self.severity.as_str(),
            if self.enabled_by_default { "yes" } else { "no" },
            self.scope.as_str(),
            self.fix_summary,
            self.summary
        );
        let explanation = self.explanation_markdown();
        if !explanation.is_empty() {
            out.push('\n');
            out.push_str(&explanation);
            out.push('\n');
        }
        out
    }

    /// The doc comment without the space each line keeps after `///`
    /// (which indented every line of `mzlint rule` by one column), trailing
    /// blank lines dropped.
    pub fn explanation_markdown(&self) -> String {
        let lines: Vec<&str> = self
            .explanation
            .lines()
            .map(|line| line.strip_prefix(' ').unwrap_or(line))
            .collect();
        lines.join("\n").trim_end().to_string()
    }

    /// A link to the rule's documentation.
    pub fn url(&self) -> String {
        format!(
            "https://github.com/mzlint/mzlint/blob/main/docs/rules.md#{}-{}",
            self.code.to_lowercase(),
            self.name
        )
    }
}

/// Declare a rule's metadata; its `///` comment becomes `explanation`.
///
/// ```ignore
/// declare_rule! {
///     /// ## What it does
///     /// …
///     pub(crate) static RULE = {
///         code: "MZ200", name: "missing-ssl-mode", severity: Warning,
///         scope: Statement, fix: Unsafe, fix_summary: "unsafe",
///         summary: "…", check: Statement(check),
///     }
/// }
/// ```
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $vis:vis static $ident:ident = {
            code: $code:literal,
            name: $name:literal,
            severity: $severity:ident,
            $(enabled_by_default: $enabled:literal,)?
            scope: $scope:ident,
            fix: $fix:ident,
            fix_summary: $fix_summary:literal,
            summary: $summary:literal,
            check: $kind:ident $(($check:path))?,
        }
    ) => {
        $(#[doc = $doc])*
        $vis static $ident: $crate::rule::RuleMeta = $crate::rule::RuleMeta {
            code: $code,
            name: $name,
            severity: $crate::diagnostic::Severity::$severity,
            enabled_by_default: $crate::declare_rule!(@enabled $($enabled)?),
            scope: $crate::rule::Scope::$scope,
            fix: $crate::rule::FixAvailability::$fix,
            fix_summary: $fix_summary,
            summary: $summary,
            explanation: $crate::rule::strip_doc(concat!($($doc, "\n"),*)),
            check: $crate::rule::Check::$kind $(($check))?,
        };
    };
    (@enabled) => { true };
    (@enabled $enabled:literal) => { $enabled };
}

/// Doc comments keep the space after `///`; the text is stored as is (a
/// `const fn` cannot re-allocate) and [`RuleMeta::explanation_markdown`]
/// removes it.
pub const fn strip_doc(doc: &'static str) -> &'static str {
    doc
}

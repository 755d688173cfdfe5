//! Findings as the engine produces them: a rule id, a severity, a byte span into the
//! original source, a message, and an optional help line and fix. Rendering (line and
//! column, colours, formats) happens in the CLI, never here.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// How serious a finding is. Ordered so that `Error > Warning > Info`.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never blocks by default.
    Info,
    /// Should be fixed before publishing.
    Warning,
    /// Must be fixed before publishing.
    Error,
}

impl Severity {
    /// The lower-case name used in TOML, JSON and the terminal.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a fix may be applied by `--fix` alone or needs `--unsafe-fixes` too.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum FixSafety {
    /// Applied by `--fix`.
    #[default]
    Safe,
    /// Applied only with `--unsafe-fixes`: the meaning of the copy may change.
    Unsafe,
    /// The rule never offers a fix.
    None,
}

/// One replacement of a byte range of the source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    /// Byte range of the original source that is replaced.
    pub range: Range<usize>,
    /// The text that takes its place.
    pub replacement: String,
    /// Whether `--fix` alone may apply it.
    pub safety: FixSafety,
}

/// One finding of one rule in one document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The id of the rule that made the finding (shared, so cloning is cheap).
    pub rule: Arc<str>,
    /// How serious it is, after configuration overrides.
    pub severity: Severity,
    /// Byte range of the source the finding is about (may be empty for whole-file findings).
    pub span: Range<usize>,
    /// The rendered message.
    pub message: String,
    /// A help line: what to write instead.
    pub help: Option<String>,
    /// A machine-applicable fix, if the rule offers one.
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// Sort key: position first, then rule id, so output is stable across thread counts.
    pub fn sort_key(&self) -> (usize, usize, &str) {
        (self.span.start, self.span.end, &self.rule)
    }
}

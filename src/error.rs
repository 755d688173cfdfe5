//! Errors in rule packs and `newslint.toml`, with the file's text and a byte span so the
//! CLI can draw them as diagnostics pointing into the TOML.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

/// A TOML file newslint read: a rule pack or a config file.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// A path, or `builtin:<pack>` for a pack embedded in the binary.
    pub name: String,
    /// The whole text of the file.
    pub text: Arc<str>,
}

impl SourceFile {
    /// A file from a name and its text.
    pub fn new(name: impl Into<String>, text: impl Into<Arc<str>>) -> Self {
        Self {
            name: name.into(),
            text: text.into(),
        }
    }
}

/// A mistake in a rule pack or config file.
#[derive(Clone, Debug)]
pub struct ConfigError {
    /// The file the mistake is in (None for errors with no file, e.g. a missing path).
    pub file: Option<SourceFile>,
    /// Where in the file.
    pub span: Option<Range<usize>>,
    /// What is wrong.
    pub message: String,
    /// A short label under the span.
    pub label: Option<String>,
    /// Further notes (where the first definition is, what is allowed …).
    pub notes: Vec<String>,
}

impl ConfigError {
    /// An error at a span of a file.
    pub fn at(file: &SourceFile, span: Range<usize>, message: impl Into<String>) -> Self {
        Self {
            file: Some(file.clone()),
            span: Some(span),
            message: message.into(),
            label: None,
            notes: Vec::new(),
        }
    }

    /// An error about a whole file, or with no file.
    pub fn plain(file: Option<&SourceFile>, message: impl Into<String>) -> Self {
        Self {
            file: file.cloned(),
            span: None,
            message: message.into(),
            label: None,
            notes: Vec::new(),
        }
    }

    /// Add a label under the span.
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Add a note.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// `file:line:col` of the error, when it has a file.
    pub fn location(&self) -> Option<(String, usize, usize)> {
        let file = self.file.as_ref()?;
        let index = crate::line_index::LineIndex::new(&file.text);
        let (line, col) = index.line_col(&file.text, self.span.as_ref().map_or(0, |s| s.start));
        Some((file.name.clone(), line, col))
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.location() {
            Some((name, line, col)) => write!(f, "{name}:{line}:{col}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

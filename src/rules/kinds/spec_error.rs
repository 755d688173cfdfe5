//! [`SpecError`]: a mistake in a rule's options, found when the rule is compiled and placed
//! in its file (the pack, or the config that overrides it) by the loader.

use std::ops::Range;

/// A mistake in a rule's options, before it is placed in a file.
#[derive(Debug)]
pub struct SpecError {
    /// The field at fault, so an override's mistake is reported in the config file.
    pub field: Option<&'static str>,
    /// Where (None: the whole rule table).
    pub span: Option<Range<usize>>,
    /// What is wrong.
    pub message: String,
    /// Label under the span.
    pub label: Option<String>,
    /// Notes.
    pub notes: Vec<String>,
}

impl SpecError {
    /// An error at a span (or the rule table) not tied to one field.
    pub fn new(span: Option<Range<usize>>, message: impl Into<String>) -> Self {
        Self {
            field: None,
            span,
            message: message.into(),
            label: None,
            notes: Vec::new(),
        }
    }

    /// An error in one field.
    pub fn field(field: &'static str, span: Range<usize>, message: impl Into<String>) -> Self {
        Self {
            field: Some(field),
            span: Some(span),
            message: message.into(),
            label: None,
            notes: Vec::new(),
        }
    }

    pub(super) fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }
}

//! Interim quotation finder (scaffolding until the real one lands).

use std::ops::Range;
use std::sync::LazyLock;

/// A body paragraph.
pub struct Paragraph<'a> {
    /// Absolute offset.
    pub offset: usize,
    /// Prose text.
    pub text: &'a str,
}

/// Interim checker.
pub struct QuoteChecker;

impl QuoteChecker {
    /// Quotation spans (interim: none).
    pub fn quotation_spans(&self, _paragraphs: &[Paragraph]) -> Vec<Range<usize>> {
        Vec::new()
    }
}

static DEFAULT: LazyLock<QuoteChecker> = LazyLock::new(|| QuoteChecker);

/// The checker with default options.
pub fn default_checker() -> &'static QuoteChecker {
    &DEFAULT
}

/// Interim options.
#[derive(Default)]
pub struct QuoteOptions {
    /// Verbs.
    pub cue_verbs: Vec<String>,
    /// Gloss words.
    pub gloss_words: Vec<String>,
    /// Min words.
    pub min_words: usize,
    /// Partial threshold.
    pub partial_max_words: usize,
}

/// Interim finding.
pub struct QuoteFinding {
    /// Span.
    pub span: Range<usize>,
    /// Message.
    pub message: String,
}

impl QuoteChecker {
    /// Interim constructor.
    pub fn new(_options: QuoteOptions) -> Result<Self, String> {
        Ok(QuoteChecker)
    }
    /// Interim: none.
    pub fn unattributed(&self, _p: &[Paragraph]) -> Vec<QuoteFinding> {
        Vec::new()
    }
    /// Interim: none.
    pub fn unbalanced(&self, _p: &[Paragraph]) -> Vec<QuoteFinding> {
        Vec::new()
    }
}

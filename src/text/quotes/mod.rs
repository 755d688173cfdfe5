//! Direct quotations in body prose, and the two checks built on them:
//! `quote-unattributed` (a quotation of four or more words that nothing attributes) and
//! `quote-unbalanced` (a double quotation mark with no partner in its paragraph).
//!
//! One scan finds the double marks of all paragraphs. They are paired twice: in order, as
//! the contract of `quote-unbalanced` reads, and by position, to find the quotations that
//! the attribution check and the `quote`/`outside-quote` scopes use (so that one lost
//! closing mark spoils one quotation, not every later one). The attribution pass splits
//! only paragraphs that hold quotations into sentences, and looks for cues only in the
//! sentences some quotation asks about. The cue verbs in all their inflections go into
//! one table of forms (`cues.rs`), built once, when the first sentence is asked about.

mod attribution;
#[cfg(test)]
mod attribution_tests;
mod clauses;
#[cfg(test)]
mod clauses_tests;
mod cues;
#[cfg(test)]
mod decide_tests;
mod inflect;
mod marks;
mod pairing;
#[cfg(test)]
mod pairing_tests;
mod speaker;
#[cfg(test)]
mod speaker_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod unbalanced_tests;
mod wording;

use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

use regex::Regex;

use cues::CueTable;
use marks::{Mark, find_marks};
use pairing::{Pairing, pair_marks};
use wording::words_lower;

pub use inflect::inflections;
pub(crate) use marks::single_run;

/// One body paragraph exactly as it stands in the source. Single line breaks are soft
/// breaks; non-prose bytes (inline code, URLs) are already replaced by spaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph<'a> {
    /// Absolute byte offset of `text` in the file.
    pub offset: usize,
    pub text: &'a str,
}

/// The house's settings for the quotation checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteOptions {
    /// Speech and source verbs as lemmas ("say", "point out"); every inflection is matched.
    pub cue_verbs: Vec<String>,
    /// Fixed phrases that attribute as they stand ("according to"), matched without
    /// inflection.
    pub cue_phrases: Vec<String>,
    /// Words that introduce a gloss, name or title rather than speech ("known as", "or").
    pub gloss_words: Vec<String>,
    /// Quotations with fewer words than this are exempt (scare quotes, names).
    pub min_words: usize,
    /// A partial quotation (starting lower-case inside a sentence) with fewer words than
    /// this is exempt.
    pub partial_max_words: usize,
}

/// Lemmas of the default speech and source verbs.
#[rustfmt::skip]
pub const DEFAULT_CUE_VERBS: &[&str] = &[
    "say", "tell", "add", "ask", "answer", "reply", "write", "state", "note", "explain", "argue",
    "claim", "insist", "warn", "declare", "announce", "continue", "recall", "post", "tweet",
    "acknowledge", "admit", "confirm", "describe", "stress", "reveal", "report", "quote",
    "comment", "remark", "observe", "mention", "suggest", "predict", "promise", "vow", "pledge",
    "urge", "concede", "complain", "respond", "retort", "reiterate", "emphasise", "emphasize",
    "assert", "joke", "quip", "remember", "order", "request", "intimate", "shout", "exclaim", "boast", "deny", "conclude", "testify",
    "speak", "whisper", "protest", "plead", "demand", "wonder", "counter", "caution", "advise",
    "allege", "assure", "inform", "recount", "blog", "chant", "proclaim", "elaborate", "muse",
    "lament", "grumble", "agree", "point out", "go on", "sum up", "read",
    // speech acts that news copy puts before the words that carry them out
    "praise", "hail", "thank", "cite", "criticise", "criticize", "condemn", "applaud",
    "apologise", "apologize", "accuse", "blame", "recommend", "slam", "express",
    "attribute", "specify", "trumpet", "call for",
    // tags of manner: "…," laughs Conti.
    "laugh", "smile", "sigh", "chuckle",
    // a stated view: "She believes the plan will fail. \"…\""
    "believe", "think", "feel", "hope", "fear",
];

/// Default attributing phrases that take no inflection.
pub const DEFAULT_CUE_PHRASES: &[&str] = &[
    "according to",
    "statement",
    "statements",
    "spokesman",
    "spokesmen",
    "spokeswoman",
    "spokeswomen",
    "spokesperson",
    "spokespeople",
    "interview",
    "interviews",
    "press conference",
    "news conference",
    "press release",
    "soundbite",
    // a speaker's intent, which news copy states before the quotation that bears it out
    "keen",
];

/// Default words and phrases that introduce a gloss, a name or a title.
pub const DEFAULT_GLOSS_WORDS: &[&str] = &[
    "known as",
    "called",
    "dubbed",
    "titled",
    "entitled",
    "nicknamed",
    "billed as",
    "slogan",
    "motto",
    "meaning",
    "translated as",
    "or",
];

impl Default for QuoteOptions {
    fn default() -> Self {
        let owned = |list: &[&str]| list.iter().map(|s| s.to_string()).collect();
        QuoteOptions {
            cue_verbs: owned(DEFAULT_CUE_VERBS),
            cue_phrases: owned(DEFAULT_CUE_PHRASES),
            gloss_words: owned(DEFAULT_GLOSS_WORDS),
            min_words: 4,
            partial_max_words: 8,
        }
    }
}

/// A quotation whose marks pair up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotation {
    /// Absolute bytes from the opening mark to the end of the closing mark. A quotation
    /// that runs over several paragraphs spans the text between them too.
    pub span: Range<usize>,
    /// The span cut at paragraph ends: one piece per paragraph the quotation covers, so
    /// that the blank lines between paragraphs are not counted as quoted.
    pub pieces: Vec<Range<usize>>,
    /// Words inside the marks.
    pub words: usize,
    /// Whether it sits inside another double-marked quotation.
    pub nested: bool,
}

/// One finding of either check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteFinding {
    /// Absolute bytes of the opening mark (unattributed) or of the unmatched mark
    /// (unbalanced).
    pub span: Range<usize>,
    pub message: String,
}

/// Everything one pass over an article's paragraphs yields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuoteReport {
    pub quotations: Vec<Quotation>,
    pub unattributed: Vec<QuoteFinding>,
    pub unbalanced: Vec<QuoteFinding>,
}

/// The body paragraphs of an article with their double marks, found once (the scan is
/// the same for every check) and shared by the quotation checks through the lint
/// context.
#[derive(Debug, Clone)]
pub struct BodyMarks<'a> {
    paragraphs: Vec<Paragraph<'a>>,
    marks: Vec<Mark>,
}

impl<'a> BodyMarks<'a> {
    /// Finds the marks of `paragraphs`.
    pub fn new(paragraphs: Vec<Paragraph<'a>>) -> Self {
        let marks = find_marks(&paragraphs);
        BodyMarks { paragraphs, marks }
    }

    pub fn paragraphs(&self) -> &[Paragraph<'a>] {
        &self.paragraphs
    }
}

/// The compiled quotation checks.
#[derive(Debug, Clone)]
pub struct QuoteChecker {
    options: QuoteOptions,
    /// Every cue form, built when a sentence is first asked about: an article without
    /// quotations (or a run that only checks balance) never pays for it.
    cues: OnceLock<CueTable>,
    glosses: Vec<Vec<String>>,
    /// A source document after a determiner: "the report", "a poster", "its manifesto".
    /// Compiled when a quotation first gets that far: the last of the readings, which most
    /// articles never reach, and the dearest regex of the checker to build.
    document: OnceLock<Regex>,
}

/// The source-document pattern of [`QuoteChecker::document`]. A fixed pattern: it compiles.
const DOCUMENT: &str = r"(?i-u)\b(?:the|a|an|this|that|its|their|his|her|our|whose)\s+(?:report|study|survey|statement|letter|minutes|ruling|judgment|judgement|filing|memo|email|website|poster|banner|placard|leaflet|notice|advert|manifesto|motion|guidance|criteria)s?\b";

/// Cue verbs that state a view or an act rather than report words: a paragraph ending in
/// one ("the council agreed to raise its subsidy") does not hand the next paragraph's
/// quotation a speaker.
const NOT_REPORTED_SPEECH: &[&str] = &[
    "agree",
    "believe",
    "think",
    "feel",
    "hope",
    "fear",
    "laugh",
    "smile",
    "sigh",
    "chuckle",
    "praise",
    "hail",
    "thank",
    "cite",
    "criticise",
    "criticize",
    "condemn",
    "applaud",
    "apologise",
    "apologize",
    "accuse",
    "blame",
    "recommend",
    "slam",
    "express",
    "attribute",
    "specify",
    "trumpet",
    "call for",
    "read",
    "deny",
    "promise",
    "vow",
    "pledge",
    "predict",
];

/// The checker with the default options, compiled once for the whole process.
pub fn default_checker() -> &'static QuoteChecker {
    static DEFAULT: LazyLock<QuoteChecker> =
        LazyLock::new(|| QuoteChecker::new(QuoteOptions::default()));
    &DEFAULT
}

impl QuoteChecker {
    /// The checker for `options`. Nothing is compiled here: the cue table and the
    /// document pattern are built when the first quotation needs them.
    pub fn new(options: QuoteOptions) -> Self {
        let glosses = options
            .gloss_words
            .iter()
            .map(|g| words_lower(g))
            .filter(|g| !g.is_empty())
            .collect();
        QuoteChecker {
            document: OnceLock::new(),
            cues: OnceLock::new(),
            options,
            glosses,
        }
    }

    fn cues(&self) -> &CueTable {
        self.cues.get_or_init(|| CueTable::new(&self.options))
    }

    pub fn options(&self) -> &QuoteOptions {
        &self.options
    }

    /// Every quotation whose marks pair, with absolute spans, in order of opening.
    /// Straight marks pair by position here (see [`Pairing::Robust`]), so one lost
    /// closing mark does not turn the rest of a paragraph inside out.
    pub fn quotations(&self, paragraphs: &[Paragraph]) -> Vec<Quotation> {
        let marks = find_marks(paragraphs);
        pair_marks(paragraphs, &marks, Pairing::Robust)
            .quotes
            .iter()
            .filter(|q| q.close.is_some())
            .map(|q| q.to_quotation(paragraphs))
            .collect()
    }

    /// The quoted stretches of the body, marks included, for the `quote` and
    /// `outside-quote` scopes: sorted and disjoint, one per paragraph a quotation covers
    /// (nested quotations lie inside theirs and are not listed again).
    pub fn quotation_spans(&self, paragraphs: &[Paragraph]) -> Vec<Range<usize>> {
        let marks = find_marks(paragraphs);
        let mut spans: Vec<Range<usize>> = pair_marks(paragraphs, &marks, Pairing::Robust)
            .quotes
            .iter()
            .filter(|q| q.close.is_some() && q.depth == 0)
            .flat_map(|q| q.pieces(paragraphs))
            .collect();
        spans.sort_by_key(|r| r.start);
        spans
    }

    /// `quote-unattributed`: quotations of `min_words` or more that nothing attributes.
    pub fn unattributed(&self, paragraphs: &[Paragraph]) -> Vec<QuoteFinding> {
        self.unattributed_in(&BodyMarks::new(paragraphs.to_vec()))
    }

    /// [`Self::unattributed`] over marks already found.
    pub fn unattributed_in(&self, body: &BodyMarks) -> Vec<QuoteFinding> {
        let paired = pair_marks(&body.paragraphs, &body.marks, Pairing::Robust);
        self.find_unattributed(&body.paragraphs, &paired.quotes)
    }

    /// `quote-unbalanced`: double marks with no partner in their paragraph.
    pub fn unbalanced(&self, paragraphs: &[Paragraph]) -> Vec<QuoteFinding> {
        self.unbalanced_in(&BodyMarks::new(paragraphs.to_vec()))
    }

    /// [`Self::unbalanced`] over marks already found.
    pub fn unbalanced_in(&self, body: &BodyMarks) -> Vec<QuoteFinding> {
        pair_marks(&body.paragraphs, &body.marks, Pairing::Strict).unbalanced
    }

    /// All three results from one scan of the marks, for callers that want more than one.
    pub fn check(&self, paragraphs: &[Paragraph]) -> QuoteReport {
        let marks = find_marks(paragraphs);
        let paired = pair_marks(paragraphs, &marks, Pairing::Robust);
        let quotations: Vec<Quotation> = paired
            .quotes
            .iter()
            .filter(|q| q.close.is_some())
            .map(|q| q.to_quotation(paragraphs))
            .collect();
        let unattributed = self.find_unattributed(paragraphs, &paired.quotes);
        QuoteReport {
            quotations,
            unattributed,
            unbalanced: pair_marks(paragraphs, &marks, Pairing::Strict).unbalanced,
        }
    }
}

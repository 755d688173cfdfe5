//! Direct quotations in body prose, and the two checks built on them:
//! `quote-unattributed` (a quotation of four or more words that nothing attributes) and
//! `quote-unbalanced` (a double quotation mark with no partner in its paragraph).
//!
//! One scan finds the double marks of all paragraphs. They are paired twice: in order, as
//! the contract of `quote-unbalanced` reads, and by position, to find the quotations that
//! the attribution check and the `quote`/`outside-quote` scopes use (so that one lost
//! closing mark spoils one quotation, not every later one). The attribution pass splits
//! only paragraphs that hold quotations into sentences, and looks for cues only in the
//! sentences some quotation asks about. The cue verbs in all their inflections are
//! compiled once, in [`QuoteChecker::new`], into one automaton.

use std::cell::Cell;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex::Regex;

use super::sentences::{find_any_byte, split_sentences};

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
    "assert", "joke", "quip", "shout", "exclaim", "boast", "deny", "conclude", "testify",
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

/// The compiled quotation checks.
#[derive(Debug, Clone)]
pub struct QuoteChecker {
    options: QuoteOptions,
    /// Every cue form in one automaton, so that a sentence is scanned once;
    /// `word_kinds[pattern id]` says which noun readings a match must be checked against.
    words: Cues,
    word_kinds: Vec<WordKind>,
    glosses: Vec<Vec<String>>,
    /// A reference to one person: "he", "her", "Dr Frasca".
    person: Regex,
    /// Words that show a quotation speaks for its speaker: "I", "my", "we".
    first_person: Regex,
}

/// The cue automaton, built when a sentence is first asked about: an article without
/// quotations (or a run that only checks balance) never pays for it, and building it is
/// most of the start-up cost of linting one article.
#[derive(Debug, Clone)]
struct Cues {
    patterns: Vec<String>,
    automaton: std::sync::OnceLock<AhoCorasick>,
}

impl Cues {
    fn build(patterns: &[String]) -> Result<AhoCorasick, String> {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(patterns)
            .map_err(|e| format!("quote cue words: {e}"))
    }

    fn get(&self) -> &AhoCorasick {
        // Plain strings always make an automaton; the limits it could hit are far above
        // any word list.
        self.automaton
            .get_or_init(|| Self::build(&self.patterns).expect("a list of words builds"))
    }
}

/// The checker with the default options, compiled once for the whole process.
pub fn default_checker() -> &'static QuoteChecker {
    static DEFAULT: LazyLock<QuoteChecker> = LazyLock::new(|| {
        QuoteChecker::new(QuoteOptions::default()).expect("the default cue words compile")
    });
    &DEFAULT
}

/// What a match of the cue automaton is, and so which noun readings it must be checked
/// against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum WordKind {
    /// Base and -s forms of a cue verb: "a state loan", "under state rules", "the notes"
    /// are nouns.
    Base,
    /// -ing and past forms: "a warning", "the stated aim" are not verbs either.
    Derived,
    /// Fixed cue phrases such as "according to".
    Phrase,
}

/// Words after which a cue form is a noun or an adjective, not a verb.
#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "these", "those", "its", "his", "her", "their", "our", "my", "your",
    "every", "each", "no", "any", "some", "another", "such", "whose",
];

/// Prepositions after which a base or -s form is a noun ("under state law", "for
/// comment"). "to" is left out: it marks an infinitive.
#[rustfmt::skip]
const PREPOSITIONS: &[&str] = &[
    "of", "in", "on", "at", "for", "from", "with", "by", "under", "over", "into", "about",
    "without", "after", "before", "against", "between", "through", "during", "per", "via",
];

/// Past forms of irregular verbs, for the default lemmas and those a house may add; the
/// regular rules still give the -s and -ing forms.
const IRREGULAR_PAST: &[(&str, &[&str])] = &[
    ("say", &["said"]),
    ("tell", &["told"]),
    ("write", &["wrote", "written"]),
    ("speak", &["spoke", "spoken"]),
    ("go", &["went", "gone"]),
    ("swear", &["swore", "sworn"]),
    ("sing", &["sang", "sung"]),
    ("read", &["read"]),
    ("put", &["put"]),
    ("feel", &["felt"]),
    ("think", &["thought"]),
    ("hear", &["heard"]),
    ("know", &["knew", "known"]),
    ("see", &["saw", "seen"]),
    ("find", &["found"]),
    ("give", &["gave", "given"]),
    ("show", &["showed", "shown"]),
    ("bring", &["brought"]),
    ("teach", &["taught"]),
    ("hold", &["held"]),
    ("mean", &["meant"]),
    ("forecast", &["forecast", "forecasted"]),
    ("foretell", &["foretold"]),
];

impl QuoteChecker {
    pub fn new(options: QuoteOptions) -> Result<Self, String> {
        // A form that is both a base form and a derived one ("read") takes the stricter
        // kind; a verb form that is also a fixed phrase is read as the verb.
        let mut kinds: HashMap<String, WordKind> = HashMap::new();
        let mut add = |form: String, kind: WordKind| {
            if !form.is_empty() {
                let entry = kinds.entry(form).or_insert(kind);
                *entry = (*entry).min(kind);
            }
        };
        for lemma in &options.cue_verbs {
            let base = base_forms(lemma);
            for form in inflections(lemma) {
                let kind = if base.contains(&form) {
                    WordKind::Base
                } else {
                    WordKind::Derived
                };
                add(form, kind);
            }
        }
        for phrase in &options.cue_phrases {
            add(normalise_phrase(phrase), WordKind::Phrase);
        }
        let mut patterns = Vec::new();
        let mut word_kinds = Vec::new();
        let mut sorted: Vec<(String, WordKind)> = kinds.into_iter().collect();
        sorted.sort();
        for (form, kind) in sorted {
            // Phrases match across a soft line break as well as a space.
            if form.contains(' ') {
                for joint in ["\n", "\r\n"] {
                    patterns.push(form.replace(' ', joint));
                    word_kinds.push(kind);
                }
            }
            patterns.push(form);
            word_kinds.push(kind);
        }
        let words = Cues {
            patterns,
            automaton: std::sync::OnceLock::new(),
        };
        let glosses = options
            .gloss_words
            .iter()
            .map(|g| words_lower(g))
            .filter(|g| !g.is_empty())
            .collect();
        let person =
            Regex::new(r"(?-u)\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|him|Mr|Mrs|Ms|Dr|Sir|Lady|Prof)\b")
                .map_err(|e| e.to_string())?;
        let first_person = Regex::new(
            r"(?-u)\b(?:I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself|[Ww]e|[Oo]ur|[Oo]urs|[Oo]urselves|us)\b",
        )
        .map_err(|e| e.to_string())?;
        Ok(QuoteChecker {
            options,
            words,
            word_kinds,
            glosses,
            person,
            first_person,
        })
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
            .flat_map(|q| q.to_quotation(paragraphs).pieces)
            .collect();
        spans.sort_by_key(|r| r.start);
        spans
    }

    /// `quote-unattributed`: quotations of `min_words` or more that nothing attributes.
    pub fn unattributed(&self, paragraphs: &[Paragraph]) -> Vec<QuoteFinding> {
        let marks = find_marks(paragraphs);
        let paired = pair_marks(paragraphs, &marks, Pairing::Robust);
        self.find_unattributed(paragraphs, &paired.quotes)
    }

    /// `quote-unbalanced`: double marks with no partner in their paragraph.
    pub fn unbalanced(&self, paragraphs: &[Paragraph]) -> Vec<QuoteFinding> {
        pair_marks(paragraphs, &find_marks(paragraphs), Pairing::Strict).unbalanced
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

    fn find_unattributed(
        &self,
        paragraphs: &[Paragraph],
        quotes: &[RawQuote],
    ) -> Vec<QuoteFinding> {
        let closed: Vec<&RawQuote> = quotes.iter().filter(|q| q.close.is_some()).collect();
        if closed.is_empty() {
            return Vec::new();
        }
        // Local pieces of every closed quotation, per paragraph, sorted by start.
        let mut pieces: Vec<Vec<(usize, Range<usize>)>> = vec![Vec::new(); paragraphs.len()];
        for (qi, q) in closed.iter().enumerate() {
            for (pi, range) in q.local_pieces(paragraphs) {
                pieces[pi].push((qi, range));
            }
        }
        let mut info: Vec<Option<ParaInfo>> = vec![None; paragraphs.len()];
        for (pi, list) in pieces.iter_mut().enumerate() {
            if !list.is_empty() {
                list.sort_by_key(|(_, r)| r.start);
                info[pi] = Some(self.para_info(paragraphs[pi].text, list));
            }
        }

        let mut attributed = vec![false; closed.len()];
        // The last top-level quotation closed in each paragraph so far, for clause 4.
        let mut last_closed: Vec<Option<usize>> = vec![None; paragraphs.len()];
        let mut findings = Vec::new();
        for (qi, q) in closed.iter().enumerate() {
            if q.depth > 0 {
                // Nested marks quote inside a quotation that is judged as a whole.
                attributed[qi] = true;
                continue;
            }
            let (pc, close_end) = q.close.expect("closed");
            let (po, o) = (q.open_para, q.open_local);
            let text = paragraphs[po].text;
            let open_info = info[po].as_ref().expect("paragraph with a quotation");
            let close_info = info[pc].as_ref().expect("paragraph with a quotation");
            let so = sentence_at(&open_info.sentences, o);
            let sc = sentence_at(&close_info.sentences, close_end - 1);

            let sentence_start = open_info.sentences.get(so).map_or(0, |s| s.start);
            let lead_in = &text[sentence_start.min(o)..o];
            let inside_sentence = lead_in.chars().any(char::is_alphanumeric);

            let by_cue = || {
                if po == pc {
                    self.cue_in(open_info, so.saturating_sub(1), sc + 1)
                } else {
                    // A quotation running over paragraphs is attributed in its first
                    // paragraph, and the usual closing tag ("…," she said.) counts too.
                    self.cue_in(open_info, 0, usize::MAX) || self.cue_in(close_info, sc, sc + 1)
                }
            };
            let by_colon = text[..o].trim_end().ends_with(':')
                || (po > 0 && paragraphs[po - 1].text.trim_end().ends_with(':'));
            let opens_paragraph = text[..o].trim().is_empty();
            let same_speaker = opens_paragraph
                && po > 0
                && info[po - 1].as_ref().is_some_and(|prev| {
                    let last = prev.sentences.last().cloned().unwrap_or(0..0);
                    pieces[po - 1].iter().any(|(pq, r)| {
                        closed[*pq].depth == 0
                            && r.start < last.end
                            && last.start < r.end
                            && attributed[*pq]
                    })
                });
            let follows_attributed = || {
                last_closed[po].is_some_and(|pq| {
                    let end = closed[pq].close.map_or(usize::MAX, |(_, end)| end);
                    attributed[pq]
                        && end <= o
                        // Only white space, or the full stop some copy sets outside.
                        && text[end..o]
                            .chars()
                            .all(|c| c.is_whitespace() || matches!(c, '.' | ',' | ';'))
                })
            };
            // A first-person quotation opening its sentence right after one about a
            // single person ("he", "Dr Frasca"): that person goes on speaking.
            let person_goes_on = || {
                !inside_sentence
                    && so > 0
                    && self.sentence_names_person(open_info, so - 1)
                    && q.local_pieces(paragraphs)
                        .iter()
                        .any(|(pi, r)| self.first_person.is_match(&paragraphs[*pi].text[r.clone()]))
            };
            attributed[qi] =
                by_colon || same_speaker || follows_attributed() || by_cue() || person_goes_on();
            last_closed[pc] = Some(qi);
            if attributed[qi] {
                continue;
            }

            let words = q.words(paragraphs);
            if words < self.options.min_words || self.is_gloss(lead_in) {
                continue;
            }
            if q.close.is_some_and(|(pc, _)| pc == po) && is_title(q.content(paragraphs)) {
                continue;
            }
            let first = q.first_content_char(paragraphs);
            if inside_sentence
                && first.is_some_and(char::is_lowercase)
                && words < self.options.partial_max_words
            {
                continue;
            }
            let mark_end = o + q.open_mark.len_utf8();
            let abs = paragraphs[po].offset + o;
            findings.push(QuoteFinding {
                span: abs..abs + q.open_mark.len_utf8(),
                message: format!(
                    "quotation \"{}\" has no attribution: no speech verb or source in its \
                     sentence or the sentences around it",
                    excerpt(q.content_start(paragraphs, mark_end), 6)
                ),
            });
        }
        findings
    }

    fn para_info<'t>(&self, text: &'t str, pieces: &[(usize, Range<usize>)]) -> ParaInfo<'t> {
        let sentences = split_sentences(text);
        // Quoted words are someone else's: cues and names count only outside the union of
        // all quotations.
        let mut quoted: Vec<Range<usize>> = Vec::new();
        for (_, r) in pieces {
            match quoted.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => quoted.push(r.clone()),
            }
        }
        let cue = vec![Cell::new(None); sentences.len()];
        let person = cue.clone();
        ParaInfo {
            text,
            sentences,
            quoted,
            cue,
            person,
        }
    }

    /// Whether sentence `si` holds a cue outside quotations; worked out on first asking.
    fn sentence_has_cue(&self, info: &ParaInfo, si: usize) -> bool {
        let Some(sentence) = info.sentences.get(si) else {
            return false;
        };
        if let Some(known) = info.cue[si].get() {
            return known;
        }
        let text = info.text;
        let found = self
            .words
            .get()
            .find_iter(&text[sentence.clone()])
            .map(|m| {
                (
                    m.range().start + sentence.start..m.range().end + sentence.start,
                    m,
                )
            })
            .any(|(range, m)| {
                whole_words(text, range.clone())
                    && !info.is_quoted(range.start)
                    && is_verb_use(
                        text,
                        range,
                        sentence.start,
                        self.word_kinds[m.pattern().as_usize()],
                    )
            });
        info.cue[si].set(Some(found));
        found
    }

    /// Whether any sentence from `first` to `last` (inclusive, clamped) holds a cue.
    fn cue_in(&self, info: &ParaInfo, first: usize, last: usize) -> bool {
        let end = last.saturating_add(1).min(info.sentences.len());
        (first..end).any(|si| self.sentence_has_cue(info, si))
    }

    /// Whether sentence `si` refers to one person outside quotations: "he", "Dr Frasca".
    fn sentence_names_person(&self, info: &ParaInfo, si: usize) -> bool {
        let Some(sentence) = info.sentences.get(si) else {
            return false;
        };
        if let Some(known) = info.person[si].get() {
            return known;
        }
        let found = self
            .person
            .find_iter(&info.text[sentence.clone()])
            .any(|m| !info.is_quoted(m.start() + sentence.start));
        info.person[si].set(Some(found));
        found
    }

    /// Whether the words just before an opening mark introduce a gloss or title.
    fn is_gloss(&self, lead_in: &str) -> bool {
        let tail = last_words_lower(lead_in, 4);
        if tail.is_empty() {
            return false;
        }
        self.glosses.iter().any(|gloss| {
            // "or" must stand right before the mark; the others may be followed by a
            // couple of words ("the slogan is", "called it").
            let slack = if gloss.len() == 1 && gloss[0] == "or" {
                0
            } else {
                2
            };
            (0..=slack).any(|skip| {
                tail.len() >= gloss.len() + skip
                    && tail[tail.len() - skip - gloss.len()..tail.len() - skip] == gloss[..]
            })
        })
    }
}

/// What the attribution pass knows of a paragraph holding a quotation.
#[derive(Debug, Clone)]
struct ParaInfo<'t> {
    text: &'t str,
    sentences: Vec<Range<usize>>,
    /// Quoted bytes, as sorted disjoint ranges.
    quoted: Vec<Range<usize>>,
    /// Whether each sentence holds a cue, once asked.
    cue: Vec<Cell<Option<bool>>>,
    /// Whether each sentence refers to one person, once asked.
    person: Vec<Cell<Option<bool>>>,
}

impl ParaInfo<'_> {
    fn is_quoted(&self, pos: usize) -> bool {
        let i = self.quoted.partition_point(|r| r.end <= pos);
        self.quoted.get(i).is_some_and(|r| r.start <= pos)
    }
}

/// Whether `range` starts and ends at word boundaries ("said" is not in "Saidi").
fn whole_words(text: &str, range: Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Whether a cue match reads as the verb (or phrase) rather than a noun or a name.
fn is_verb_use(text: &str, range: Range<usize>, sentence_start: usize, kind: WordKind) -> bool {
    if kind == WordKind::Phrase {
        return true;
    }
    // Capitalised inside a sentence: part of a name ("United States", "Daily Report").
    if text[range.clone()].starts_with(char::is_uppercase)
        && text[sentence_start.min(range.start)..range.start]
            .chars()
            .rev()
            .any(char::is_alphanumeric)
    {
        return false;
    }
    let before = text[..range.start].trim_end_matches([' ', '\t', '\n', '\r']);
    if before.len() == range.start {
        return true;
    }
    let prev_start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(before.len(), |(i, _)| i);
    let prev = &before[prev_start..];
    let is = |list: &[&str]| list.iter().any(|w| w.eq_ignore_ascii_case(prev));
    if is(DETERMINERS) {
        return false;
    }
    !(kind == WordKind::Base && is(PREPOSITIONS))
}

/// Index of the sentence holding byte `pos` (or the next one, for a position between
/// sentences).
fn sentence_at(sentences: &[Range<usize>], pos: usize) -> usize {
    sentences.partition_point(|s| s.end <= pos)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Straight,
    /// “…”
    Curly,
    /// „…“ (or „…”)
    Low,
    /// «…»
    Guillemet,
}

/// A quotation as the pairing pass sees it, in paragraph-local positions.
#[derive(Debug, Clone)]
struct RawQuote {
    open_para: usize,
    open_local: usize,
    open_mark: char,
    /// Paragraph and local end (exclusive) of the closing mark.
    close: Option<(usize, usize)>,
    depth: usize,
}

impl RawQuote {
    fn local_pieces(&self, paragraphs: &[Paragraph]) -> Vec<(usize, Range<usize>)> {
        let (pc, end) = self.close.expect("closed quotation");
        if pc == self.open_para {
            return vec![(pc, self.open_local..end)];
        }
        let mut out = Vec::with_capacity(pc - self.open_para + 1);
        let first = paragraphs[self.open_para].text;
        out.push((self.open_para, self.open_local..first.trim_end().len()));
        for (pi, p) in paragraphs
            .iter()
            .enumerate()
            .take(pc)
            .skip(self.open_para + 1)
        {
            let lead = p.text.len() - p.text.trim_start().len();
            out.push((pi, lead..p.text.trim_end().len()));
        }
        let last = paragraphs[pc].text;
        let lead = last.len() - last.trim_start().len();
        out.push((pc, lead..end));
        out
    }

    fn to_quotation(&self, paragraphs: &[Paragraph]) -> Quotation {
        let pieces: Vec<Range<usize>> = self
            .local_pieces(paragraphs)
            .into_iter()
            .map(|(pi, r)| paragraphs[pi].offset + r.start..paragraphs[pi].offset + r.end)
            .collect();
        let span = pieces[0].start..pieces[pieces.len() - 1].end;
        Quotation {
            span,
            pieces,
            words: self.words(paragraphs),
            nested: self.depth > 0,
        }
    }

    fn words(&self, paragraphs: &[Paragraph]) -> usize {
        self.local_pieces(paragraphs)
            .into_iter()
            .map(|(pi, r)| count_words(&paragraphs[pi].text[r]))
            .sum()
    }

    fn first_content_char(&self, paragraphs: &[Paragraph]) -> Option<char> {
        self.local_pieces(paragraphs)
            .into_iter()
            .find_map(|(pi, r)| paragraphs[pi].text[r].chars().find(|c| c.is_alphanumeric()))
    }

    /// The text between the marks of a quotation that closes in its own paragraph.
    fn content<'a>(&self, paragraphs: &'a [Paragraph]) -> &'a str {
        let from = self.open_local + self.open_mark.len_utf8();
        self.content_start(paragraphs, from)
    }

    /// The quoted text from just after the opening mark, enough for a message.
    fn content_start<'a>(&self, paragraphs: &'a [Paragraph], from: usize) -> &'a str {
        let text = paragraphs[self.open_para].text;
        let end = match self.close {
            Some((pc, end)) if pc == self.open_para => {
                let close = text[..end].chars().next_back().map_or(0, char::len_utf8);
                end - close
            }
            _ => text.len(),
        };
        &text[from..end.max(from)]
    }
}

/// What pairing the marks of an article yields.
struct Paired {
    quotes: Vec<RawQuote>,
    unbalanced: Vec<QuoteFinding>,
}

/// An opening mark still waiting for its partner.
#[derive(Debug, Clone, Copy)]
struct Open {
    family: Family,
    quote: usize,
    /// The latest opening or continuing mark of this quotation: the one reported if the
    /// quotation never closes.
    last_mark: usize,
    last_char: char,
}

/// The innermost open quotation of a family. Only the top few entries are searched:
/// real nesting is shallow, and a paragraph of unclosed marks must not cost a search per
/// mark over all of them.
fn open_at(stack: &[Open], family: impl Fn(Family) -> bool) -> Option<usize> {
    const DEPTH: usize = 8;
    let from = stack.len().saturating_sub(DEPTH);
    stack[from..]
        .iter()
        .rposition(|o| family(o.family))
        .map(|k| from + k)
}

fn is_double_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

fn opens_with_mark(text: &str) -> bool {
    text.trim_start()
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '"' | '“' | '„' | '«'))
}

/// How straight marks pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pairing {
    /// In order, as the contract of `quote-unbalanced` reads: an open straight quotation
    /// is closed by the next straight mark unless that mark continues it.
    Strict,
    /// By position, for finding quotations: a mark placed to open, met while a quotation
    /// is open, shows the open one lost its closing mark, and a mark placed to close,
    /// met with nothing open, is a stray. One missing mark then spoils one quotation
    /// instead of turning every later one inside out.
    Robust,
}

/// Pairs the double quotation marks of all paragraphs. Single marks are apostrophes or
/// nested quotes and take no part.
fn pair_marks(paragraphs: &[Paragraph], marks: &[Mark], pairing: Pairing) -> Paired {
    let mut quotes: Vec<RawQuote> = Vec::new();
    let mut unbalanced = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut next_mark = 0;

    for (pi, p) in paragraphs.iter().enumerate() {
        let first_mark = next_mark;
        while next_mark < marks.len() && marks[next_mark].para == pi {
            next_mark += 1;
        }
        let here = &marks[first_mark..next_mark];
        let text = p.text;
        let abs = |i: usize| p.offset + i;
        // A quotation left open by the previous paragraph goes on at this paragraph's
        // first mark, which the multi-paragraph convention puts at its very start.
        let mut continuation_at = if stack.is_empty() {
            None
        } else {
            Some(text.len() - text.trim_start().len())
        };

        let unclosed = |o: &Open, out: &mut Vec<QuoteFinding>| {
            // Only the strict pairing reports; the robust one just finds quotations.
            if pairing == Pairing::Robust {
                return;
            }
            out.push(QuoteFinding {
                span: o.last_mark..o.last_mark + o.last_char.len_utf8(),
                message: format!(
                    "opening {} has no closing mark in this paragraph",
                    o.last_char
                ),
            });
        };

        for &Mark {
            pos: i, mark: c, ..
        } in here
        {
            if continuation_at == Some(i) {
                continuation_at = None;
                if let Some(top) = stack.last_mut() {
                    top.last_mark = abs(i);
                    top.last_char = c;
                }
                continue;
            }
            let top = stack.last().map(|o| o.family);
            let flattened = opening_like(text, i) && after_terminal(text, i);
            // Closes the entry at `k`; anything opened above it never found its partner.
            let mut close_at = |k: usize, stack: &mut Vec<Open>, out: &mut Vec<QuoteFinding>| {
                for o in stack.drain(k + 1..) {
                    unclosed(&o, out);
                }
                let o = stack.pop().expect("entry to close");
                quotes[o.quote].close = Some((pi, i + c.len_utf8()));
            };
            enum Act {
                Open(Family),
                Continue,
                Close(usize),
                Abandon(usize),
                Stray,
                Ignore,
            }
            let robust = pairing == Pairing::Robust;
            let act = match c {
                '"' => match open_at(&stack, |f| f == Family::Straight) {
                    Some(k) if k + 1 == stack.len() && flattened => Act::Continue,
                    Some(k) if robust && opening_like(text, i) && !closing_like(text, i) => {
                        Act::Abandon(k)
                    }
                    Some(k) => Act::Close(k),
                    // An inch mark: 5' 10".
                    None if prev_char(text, i).is_some_and(|c| c.is_ascii_digit()) => Act::Ignore,
                    // A straight mark closing a curly or guillemet quotation: mixed marks,
                    // but paired.
                    None if top.is_some() && closing_like(text, i) && !opening_like(text, i) => {
                        Act::Close(stack.len() - 1)
                    }
                    None if robust && closing_like(text, i) && !opening_like(text, i) => {
                        Act::Ignore
                    }
                    None => Act::Open(Family::Straight),
                },
                '“' => match top {
                    Some(Family::Low) => Act::Close(stack.len() - 1),
                    Some(Family::Curly) if flattened => Act::Continue,
                    Some(Family::Curly) if closing_like(text, i) && !opening_like(text, i) => {
                        Act::Close(stack.len() - 1)
                    }
                    _ => Act::Open(Family::Curly),
                },
                '”' => match open_at(&stack, |f| matches!(f, Family::Curly | Family::Low)) {
                    Some(k) => Act::Close(k),
                    None if top == Some(Family::Straight) => Act::Close(stack.len() - 1),
                    None => Act::Stray,
                },
                '„' => match top {
                    Some(Family::Low) if flattened => Act::Continue,
                    _ => Act::Open(Family::Low),
                },
                '«' => match top {
                    Some(Family::Guillemet) if flattened => Act::Continue,
                    _ => Act::Open(Family::Guillemet),
                },
                '»' => match open_at(&stack, |f| f == Family::Guillemet) {
                    Some(k) => Act::Close(k),
                    None => Act::Stray,
                },
                _ => Act::Ignore,
            };
            match act {
                Act::Open(family) => {
                    quotes.push(RawQuote {
                        open_para: pi,
                        open_local: i,
                        open_mark: c,
                        close: None,
                        depth: stack.len(),
                    });
                    stack.push(Open {
                        family,
                        quote: quotes.len() - 1,
                        last_mark: abs(i),
                        last_char: c,
                    });
                }
                Act::Continue => {
                    if let Some(top) = stack.last_mut() {
                        top.last_mark = abs(i);
                        top.last_char = c;
                    }
                }
                Act::Close(k) => close_at(k, &mut stack, &mut unbalanced),
                Act::Abandon(k) => {
                    for o in stack.drain(k..) {
                        unclosed(&o, &mut unbalanced);
                    }
                    quotes.push(RawQuote {
                        open_para: pi,
                        open_local: i,
                        open_mark: c,
                        close: None,
                        depth: stack.len(),
                    });
                    stack.push(Open {
                        family: Family::Straight,
                        quote: quotes.len() - 1,
                        last_mark: abs(i),
                        last_char: c,
                    });
                }
                Act::Stray => unbalanced.push(QuoteFinding {
                    span: abs(i)..abs(i) + c.len_utf8(),
                    message: format!("closing {c} has no opening mark in this paragraph"),
                }),
                Act::Ignore => {}
            }
        }

        if !stack.is_empty() {
            let carried = paragraphs
                .get(pi + 1)
                .is_some_and(|n| opens_with_mark(n.text));
            if !carried {
                for o in stack.drain(..) {
                    unclosed(&o, &mut unbalanced);
                }
            }
        }
    }
    unbalanced.sort_by_key(|f| f.span.start);
    Paired { quotes, unbalanced }
}

/// A double quotation mark: its paragraph, its byte in that paragraph, and which it is.
#[derive(Debug, Clone, Copy)]
struct Mark {
    para: usize,
    pos: usize,
    mark: char,
}

/// The double marks of all paragraphs in order, found without decoding every char.
fn find_marks(paragraphs: &[Paragraph]) -> Vec<Mark> {
    let mut out = Vec::new();
    for (para, p) in paragraphs.iter().enumerate() {
        let bytes = p.text.as_bytes();
        let mut from = 0;
        // '"' is ASCII; the others start with 0xC2 («, ») or 0xE2 (“, ”, „).
        while let Some(pos) = find_any_byte(bytes, from, [b'"', 0xC2, 0xE2]) {
            from = pos + 1;
            let mark = if bytes[pos] == b'"' {
                '"'
            } else {
                match p.text[pos..].chars().next() {
                    Some(c) if is_double_mark(c) => c,
                    _ => continue,
                }
            };
            out.push(Mark { para, pos, mark });
        }
    }
    out
}

fn prev_char(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

fn next_char(text: &str, i: usize) -> Option<char> {
    let mut rest = text[i..].chars();
    rest.next();
    rest.next()
}

/// A mark placed as an opening one: after white space, a bracket or a dash, or at the
/// start, and with something other than white space after it.
fn opening_like(text: &str, i: usize) -> bool {
    let before = prev_char(text, i)
        .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/'));
    before && next_char(text, i).is_some_and(|c| !c.is_whitespace())
}

/// A mark placed as a closing one: before white space, punctuation or the end.
fn closing_like(text: &str, i: usize) -> bool {
    let after = next_char(text, i).is_none_or(|c| {
        c.is_whitespace()
            || c.is_ascii_punctuation()
            || matches!(c, '—' | '–' | '…' | '’' | '”' | '»')
    });
    after && prev_char(text, i).is_some_and(|c| !c.is_whitespace())
}

/// Whether white space and, before it, terminal punctuation precede `i`: where an archive
/// that joined paragraphs leaves the next paragraph's opening mark.
fn after_terminal(text: &str, i: usize) -> bool {
    let before = &text[..i];
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() {
        return false;
    }
    let core = trimmed.trim_end_matches(['\'', '’', ')', ']']);
    core.ends_with(['.', '!', '?', '…'])
}

/// A name or title in title case ("Action Plan for the Development of Rell", "How Soon
/// Is Now?"): every word longer than three letters capitalised, and no punctuation of
/// running speech inside.
fn is_title(content: &str) -> bool {
    let content = content.trim().trim_end_matches(['?', '!']);
    if content.is_empty() || content.contains([',', '.', ';', ':', '"', '“', '”']) {
        return false;
    }
    let mut words = content
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric));
    let Some(first) = words.next() else {
        return false;
    };
    let capital = |w: &str| {
        w.chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
    };
    capital(first)
        && words.all(|w| w.chars().filter(|c| c.is_alphabetic()).count() <= 3 || capital(w))
}

/// Runs of non-space text holding a letter or a figure ("—" alone is not a word).
fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut words = 0;
    let mut counted = false;
    let mut i = 0;
    while i < bytes.len() {
        // ASCII is decided on the byte; anything else is decoded.
        let (space, alnum, len) = match bytes[i] {
            b if b.is_ascii() => (
                matches!(b, b' ' | b'\t'..=b'\r'),
                b.is_ascii_alphanumeric(),
                1,
            ),
            _ => {
                let c = text[i..].chars().next().expect("char boundary");
                (c.is_whitespace(), c.is_alphanumeric(), c.len_utf8())
            }
        };
        if space {
            counted = false;
        } else if alnum && !counted {
            words += 1;
            counted = true;
        }
        i += len;
    }
    words
}

fn words_lower(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The last `n` words of `text`, lower-cased, in order.
fn last_words_lower(text: &str, n: usize) -> Vec<String> {
    let mut out: Vec<String> = text
        .rsplit(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(n)
        .map(str::to_lowercase)
        .collect();
    out.reverse();
    out
}

fn excerpt(text: &str, max_words: usize) -> String {
    let mut words = text.split_whitespace();
    let head: Vec<&str> = words.by_ref().take(max_words).collect();
    let mut out = head.join(" ");
    if words.next().is_some() {
        out.push('…');
    }
    out
}

fn normalise_phrase(text: &str) -> String {
    text.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The base and -s forms of a lemma, which are also the forms a noun can take.
fn base_forms(lemma: &str) -> Vec<String> {
    let lemma = normalise_phrase(lemma);
    let (head, tail) = match lemma.split_once(' ') {
        Some((h, t)) => (h.to_string(), format!(" {t}")),
        None => (lemma.clone(), String::new()),
    };
    if head.is_empty() {
        return Vec::new();
    }
    vec![
        format!("{head}{tail}"),
        format!("{}{tail}", third_person(&head)),
    ]
}

/// Every form of a verb lemma: base, -s, -ing and past forms. Only the first word of a
/// phrasal verb inflects ("point out" → "pointed out").
pub fn inflections(lemma: &str) -> Vec<String> {
    let lemma = normalise_phrase(lemma);
    let (head, tail) = match lemma.split_once(' ') {
        Some((h, t)) => (h.to_string(), format!(" {t}")),
        None => (lemma.clone(), String::new()),
    };
    if head.is_empty() {
        return Vec::new();
    }
    let mut forms = vec![head.clone(), third_person(&head)];
    forms.extend(present_participles(&head));
    match IRREGULAR_PAST.iter().find(|(l, _)| *l == head) {
        Some((_, past)) => forms.extend(past.iter().map(|s| s.to_string())),
        None => forms.extend(regular_past(&head)),
    }
    let mut out: Vec<String> = forms.into_iter().map(|f| f + &tail).collect();
    out.sort();
    out.dedup();
    out
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Ends consonant-vowel-consonant ("admit", "quip"), so the last consonant may double.
fn ends_cvc(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    if n < 3 {
        return false;
    }
    let (a, b, c) = (chars[n - 3], chars[n - 2], chars[n - 1]);
    let first_is_consonant = !is_vowel(a) || (a == 'u' && n >= 4 && chars[n - 4] == 'q');
    first_is_consonant && is_vowel(b) && !is_vowel(c) && !matches!(c, 'w' | 'x' | 'y')
}

fn third_person(word: &str) -> String {
    if let Some(stem) = consonant_y_stem(word) {
        return format!("{stem}ies");
    }
    if word.ends_with(['s', 'x', 'z', 'o']) || word.ends_with("ch") || word.ends_with("sh") {
        return format!("{word}es");
    }
    format!("{word}s")
}

fn consonant_y_stem(word: &str) -> Option<&str> {
    let stem = word.strip_suffix('y')?;
    let before = stem.chars().next_back()?;
    (!is_vowel(before)).then_some(stem)
}

fn present_participles(word: &str) -> Vec<String> {
    if let Some(stem) = word.strip_suffix("ie") {
        return vec![format!("{stem}ying")];
    }
    if let Some(stem) = word
        .strip_suffix('e')
        .filter(|stem| !stem.ends_with(['e', 'y', 'o']))
    {
        return vec![format!("{stem}ing")];
    }
    let mut out = vec![format!("{word}ing")];
    if ends_cvc(word) {
        let last = word.chars().next_back().expect("non-empty");
        out.push(format!("{word}{last}ing"));
    }
    out
}

fn regular_past(word: &str) -> Vec<String> {
    if word.ends_with('e') {
        return vec![format!("{word}d")];
    }
    if let Some(stem) = consonant_y_stem(word) {
        return vec![format!("{stem}ied")];
    }
    let mut out = vec![format!("{word}ed")];
    if ends_cvc(word) {
        let last = word.chars().next_back().expect("non-empty");
        out.push(format!("{word}{last}ed"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checker() -> QuoteChecker {
        QuoteChecker::new(QuoteOptions::default()).expect("default options compile")
    }

    /// Splits an article body at blank lines, keeping absolute offsets.
    fn paragraphs(text: &str) -> Vec<Paragraph<'_>> {
        let mut out = Vec::new();
        let mut start = None;
        let mut pos = 0;
        for line in text.split_inclusive('\n') {
            let blank = line.trim().is_empty();
            match (blank, start) {
                (true, Some(s)) => {
                    out.push(Paragraph {
                        offset: s,
                        text: text[s..pos].trim_end(),
                    });
                    start = None;
                }
                (false, None) => start = Some(pos),
                _ => {}
            }
            pos += line.len();
        }
        if let Some(s) = start {
            out.push(Paragraph {
                offset: s,
                text: text[s..].trim_end(),
            });
        }
        out
    }

    /// Line numbers (1-based) of the unattributed findings.
    fn unattributed_lines(text: &str) -> Vec<usize> {
        let found = checker().unattributed(&paragraphs(text));
        found.iter().map(|f| line_of(text, f.span.start)).collect()
    }

    fn unbalanced_lines(text: &str) -> Vec<usize> {
        let found = checker().unbalanced(&paragraphs(text));
        found.iter().map(|f| line_of(text, f.span.start)).collect()
    }

    fn line_of(text: &str, pos: usize) -> usize {
        text[..pos].matches('\n').count() + 1
    }

    #[test]
    fn inflections_cover_regular_and_irregular_forms() {
        let say = inflections("say");
        for form in ["say", "says", "said", "saying"] {
            assert!(say.contains(&form.to_string()), "{form} in {say:?}");
        }
        let write = inflections("write");
        for form in ["write", "writes", "wrote", "written", "writing"] {
            assert!(write.contains(&form.to_string()), "{form} in {write:?}");
        }
        let admit = inflections("admit");
        for form in ["admits", "admitted", "admitting"] {
            assert!(admit.contains(&form.to_string()), "{form} in {admit:?}");
        }
        let reply = inflections("reply");
        for form in ["replies", "replied", "replying"] {
            assert!(reply.contains(&form.to_string()), "{form} in {reply:?}");
        }
        let stress = inflections("stress");
        assert!(stress.contains(&"stresses".to_string()));
        let argue = inflections("argue");
        assert!(argue.contains(&"arguing".to_string()) && argue.contains(&"argued".to_string()));
        let quip = inflections("quip");
        assert!(quip.contains(&"quipped".to_string()));
        let point = inflections("point out");
        assert!(point.contains(&"pointed out".to_string()));
        assert!(point.contains(&"points out".to_string()));
    }

    #[test]
    fn house_lemma_gets_every_form() {
        let options = QuoteOptions {
            cue_verbs: vec!["grumble".to_string()],
            ..QuoteOptions::default()
        };
        let checker = QuoteChecker::new(options).unwrap();
        let text = "\"The gulls have eaten every chip on the pier,\" grumbled Ned Varga.";
        assert!(checker.unattributed(&paragraphs(text)).is_empty());
        let text = "\"The gulls have eaten every chip on the pier,\" Ned Varga said.";
        assert_eq!(checker.unattributed(&paragraphs(text)).len(), 1);
    }

    #[test]
    fn a_house_may_switch_every_cue_off() {
        let options = QuoteOptions {
            cue_verbs: Vec::new(),
            cue_phrases: Vec::new(),
            gloss_words: Vec::new(),
            ..QuoteOptions::default()
        };
        let checker = QuoteChecker::new(options).unwrap();
        let text = "\"The gulls have eaten every chip on the pier,\" said Ned Varga.\n\n\
                    Ned Varga: \"The gulls have eaten every chip on the pier.\"";
        let found = checker.unattributed(&paragraphs(text));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.start, 0);
    }

    #[test]
    fn attributed_in_its_own_sentence() {
        let text = "\"We will rebuild the pier by spring,\" said Mayor Ida Crane.\n\n\
                    Crane was firm. “The pier is the heart of Wendle Cove,” she told reporters.\n\n\
                    «Nous reviendrons chaque été,» a déclaré Luc Marand, who wrote to the council.";
        assert!(unattributed_lines(text).is_empty());
    }

    #[test]
    fn three_words_are_exempt_four_are_not() {
        let text = "The sign at Pellow Quay was blank. \"Keep off please.\" The tide came.\n\n\
                    The sign at Pellow Quay was blank. \"Keep off the quay.\" The tide came.";
        assert_eq!(unattributed_lines(text), vec![3]);
    }

    #[test]
    fn neighbouring_sentences_attribute_but_not_further() {
        // The cue is one sentence before: attributed.
        let one =
            "Aldo Brisk spoke first. \"The market stays open on Sundays now.\" Stalls filled.";
        assert!(unattributed_lines(one).is_empty());
        // One sentence after: attributed.
        let after = "Stalls filled. \"The market stays open on Sundays now.\" Aldo Brisk said so.";
        assert!(unattributed_lines(after).is_empty());
        // Two sentences before: not.
        let two = "Aldo Brisk said it. Rain fell. \"The market stays open on Sundays now.\"";
        assert_eq!(unattributed_lines(two), vec![1]);
    }

    #[test]
    fn cue_inside_the_quotation_does_not_count() {
        let text = "Crowds gathered. \"Nobody said the ferry would stop running.\" Boats idled.";
        assert_eq!(unattributed_lines(text), vec![1]);
        let nested = "Crowds gathered. “Nobody told us ‘the ferry stops,’ not once.” Boats idled.";
        assert_eq!(unattributed_lines(nested), vec![1]);
    }

    #[test]
    fn according_to_and_closing_sentence() {
        let text = "\"Half the orchard froze in one night,\" according to the grower Pia Lunde.";
        assert!(unattributed_lines(text).is_empty());
        let spans = "\"We lost the early crop. The late one may survive,\" Lunde wrote.";
        assert!(unattributed_lines(spans).is_empty());
    }

    #[test]
    fn colon_introductions() {
        let text = "Fire Chief Rosa Venn: \"Every crew came home safe tonight.\"\n\n\
                    Her verdict on the drill: «Too slow by half, and we know it.»\n\n\
                    The notice on the door of Tamsin Hall was short:\n\n\
                    \"Closed until further notice for urgent repairs.\"";
        assert!(unattributed_lines(text).is_empty());
    }

    #[test]
    fn previous_paragraph_cue_without_colon_does_not_attribute() {
        let text = "Councillor Bo Hensley said the road should wait.\n\n\
                    \"A new road would split the village of Orlen in two.\"";
        assert_eq!(unattributed_lines(text), vec![3]);
    }

    #[test]
    fn same_speaker_goes_on_in_the_next_paragraph() {
        let text = "Nobody expected it. \"The mill will reopen in May,\" said owner Kit Arne. \"We hired forty people.\"\n\n\
                    \"Most of them worked here before the fire.\" The hall emptied.";
        assert!(unattributed_lines(text).is_empty());
        // The previous paragraph's last sentence holds no quotation: the chain breaks.
        let broken = "\"The mill will reopen in May,\" said owner Kit Arne. The hall emptied.\n\n\
                      \"Most of them worked here before the fire.\" Nobody moved.";
        assert_eq!(unattributed_lines(broken), vec![3]);
        // A quotation not at the paragraph start does not inherit the speaker.
        let inside = "\"The mill will reopen in May,\" said owner Kit Arne.\n\n\
                      The hall emptied. \"Most of them worked here before the fire.\"";
        assert_eq!(unattributed_lines(inside), vec![3]);
    }

    #[test]
    fn only_white_space_after_an_attributed_quotation() {
        let text = "Kit Arne said: \"We reopen in May. We hired staff. We are ready.\" \"Most of them worked here before.\"";
        assert!(unattributed_lines(text).is_empty());
        let text = "The hall cheered. \"We reopen in May.\" \"Most of them worked here before.\"";
        assert_eq!(unattributed_lines(text), vec![1, 1]);
    }

    #[test]
    fn multi_paragraph_quotation() {
        let text = "Harbourmaster Enid Rook said the storm was the worst in years. “We lost\n\
                    two moorings in an hour and the slipway cracked.\n\n\
                    “Then the power went. We worked by torchlight until dawn.\n\n\
                    “I would not wish that night on anyone.” The harbour reopens today.";
        assert!(unattributed_lines(text).is_empty());
        assert!(unbalanced_lines(text).is_empty());
        let quotes = checker().quotations(&paragraphs(text));
        assert_eq!(quotes.len(), 1);
        assert_eq!(quotes[0].pieces.len(), 3);

        // Without a cue: one finding, at the first opening mark.
        let bare = "The storm came at night. “We lost two moorings in an hour.\n\n\
                    “Then the power went. We worked by torchlight until dawn.”";
        assert_eq!(unattributed_lines(bare), vec![1]);
    }

    #[test]
    fn flattened_multi_paragraph_quotation() {
        let text =
            "He said: \"We will go. \"Then we will see what the river does.\" Nobody argued.";
        assert!(unbalanced_lines(text).is_empty());
        assert!(unattributed_lines(text).is_empty());
        let quotes = checker().quotations(&paragraphs(text));
        assert_eq!(quotes.len(), 1);
        assert_eq!(&text[quotes[0].span.clone()][..6], "\"We wi");
        // Attributed through the sentence before its opening.
        let text = "\"I am ready,\" said Oda Fenn. \"I train each day. \"When the race comes, I will be ready for it.\" Fenn is 24.";
        assert!(unattributed_lines(text).is_empty());
        assert!(unbalanced_lines(text).is_empty());
    }

    #[test]
    fn partial_quotes_seven_and_eight_words() {
        let seven =
            "The plan aims at \"clean water from every tap in Rell\" by 2027. Work starts soon.";
        assert!(unattributed_lines(seven).is_empty());
        let eight = "The plan aims at \"clean, safe water from every tap in Rell\" by 2027. Work starts soon.";
        assert_eq!(unattributed_lines(eight), vec![1]);
        // Lower-case at the start of a sentence is not a partial quotation.
        let start = "Work starts soon. \"clean water from every tap\" is the goal.";
        assert_eq!(unattributed_lines(start), vec![1]);
        // Upper-case inside a sentence is not partial either.
        let upper = "Work starts soon. The plan aims at \"Clean water from every tap\" by 2027.";
        assert_eq!(unattributed_lines(upper), vec![1]);
    }

    #[test]
    fn glosses_and_titles() {
        let text = "The scheme is known as \"Homes For Every Family Now\" locally.\n\n\
                    The ferry, nicknamed «the old grey lady of Skerr», sails at noon.\n\n\
                    It is sold as Télé Pour Tous, or \"television for all the valley\", in shops.\n\n\
                    The club's motto is \"Row together, win together, always\" and it shows.\n\n\
                    A show called “Tides of the Northern Shore” opens on Friday.";
        assert!(unattributed_lines(text).is_empty());
    }

    #[test]
    fn guillemets_and_german_marks() {
        let text = "Die Fähre fährt. „Wir fahren jeden Tag nach Norden“ ist der Spruch.\n\n\
                    „Wir fahren morgen wieder los“, said Captain Jens Moor.\n\n\
                    Le port est calme. «Personne ne vient plus ici le soir.» Les bars ferment.";
        assert_eq!(unattributed_lines(text), vec![1, 5]);
        assert!(unbalanced_lines(text).is_empty());
    }

    #[test]
    fn unbalanced_marks() {
        // Opening straight mark never closed, next paragraph opens without a mark.
        let text = "\"We want to keep talking, she said.\n\nTalks resume on Monday.";
        assert_eq!(unbalanced_lines(text), vec![1]);
        // Stray closing curly mark.
        let text = "Families who cannot drive into town” were left out, Nell Ash said.";
        assert_eq!(unbalanced_lines(text), vec![1]);
        // Opening guillemet never closed; the last paragraph.
        let text = "Ilse Varn spoke. «Sans cela, aucune banque ne prête, he said.";
        assert_eq!(unbalanced_lines(text), vec![1]);
        // Opening curly never closed.
        let text = "“There is bread at the shop, but it is not bread, he said.\n\nThe end.";
        assert_eq!(unbalanced_lines(text), vec![1]);
        // Stray closing guillemet.
        let text = "Le port est calme» dit-il.";
        assert_eq!(unbalanced_lines(text), vec![1]);
    }

    #[test]
    fn odd_count_reports_the_last_unpartnered_opening() {
        let text = "\"Yes,\" said Ada Mott. \"We will open. \"After that we will see.";
        let found = checker().unbalanced(&paragraphs(text));
        assert_eq!(found.len(), 1);
        assert_eq!(
            &text[found[0].span.start..found[0].span.start + 6],
            "\"After"
        );
        let text = "\"Yes,\" said Ada Mott. \"No,\" said Ben Mott. \"Maybe tomorrow, said Cy.";
        let found = checker().unbalanced(&paragraphs(text));
        assert_eq!(found.len(), 1);
        assert_eq!(
            &text[found[0].span.start..found[0].span.start + 6],
            "\"Maybe"
        );
    }

    #[test]
    fn inch_marks_and_apostrophes() {
        let text = "The keeper, who stands 6' 2\", said the pitch at Orrin's ground was 'fine'.";
        assert!(unbalanced_lines(text).is_empty());
        assert!(checker().quotations(&paragraphs(text)).is_empty());
        let text = "The sign said ‘keep out of the old mill at night’ in red.";
        assert!(unbalanced_lines(text).is_empty());
        assert!(unattributed_lines(text).is_empty());
    }

    #[test]
    fn nested_double_marks_inside_curly_quotation() {
        let text = "“They called it \"the ghost pier\" for years,” said Ula Venn.";
        assert!(unbalanced_lines(text).is_empty());
        let quotes = checker().quotations(&paragraphs(text));
        assert_eq!(quotes.len(), 2);
        assert!(!quotes[0].nested && quotes[1].nested);
        assert!(unattributed_lines(text).is_empty());
    }

    #[test]
    fn multi_paragraph_without_opening_mark_is_unbalanced() {
        let text = "“The ferry is late again,” said Pol Arne. “It was late yesterday.\n\n\
                    Nobody knows why the ferry is late.";
        assert_eq!(unbalanced_lines(text), vec![1]);
        // The unclosed quotation is the unbalanced rule's: no second finding.
        assert!(unattributed_lines(text).is_empty());
    }

    #[test]
    fn cue_search_respects_word_boundaries() {
        // "Saidi" and "essays" hold no cue.
        let text = "Rafe Saidi graded the essays. \"Every word of it is true now.\" Nobody moved.";
        assert_eq!(unattributed_lines(text), vec![1]);
    }

    #[test]
    fn cue_across_a_soft_line_break() {
        let text =
            "The figures, according\nto the port, are final. \"Ships will come back in May.\"";
        assert!(unattributed_lines(text).is_empty());
    }

    #[test]
    fn messages_explain() {
        let text =
            "Rain fell. \"We have patched this pier for thirty years and more.\" Boats idled.";
        let found = checker().unattributed(&paragraphs(text));
        assert_eq!(
            found[0].message,
            "quotation \"We have patched this pier for…\" has no attribution: no speech verb \
             or source in its sentence or the sentences around it"
        );
        let text = "“We will go on, she said.";
        let found = checker().unbalanced(&paragraphs(text));
        assert_eq!(
            found[0].message,
            "opening “ has no closing mark in this paragraph"
        );
        assert_eq!(found[0].span, 0..3);
    }

    #[test]
    fn noun_readings_of_cue_words_do_not_attribute() {
        // "state", "report", "warning" as nouns; "States" in a name.
        let text = "Work starts soon. The plan aims at \"clean, safe water from every \
                    tap in Rell\" by 2027. The project has a state loan.";
        assert_eq!(unattributed_lines(text), vec![1]);
        let text = "The ferry sailed. \"Every seat was taken on the morning run.\" A report \
                    followed, with a warning under state rules.";
        assert_eq!(unattributed_lines(text), vec![1]);
        let text = "Ships came from the United States. \"Every berth was taken on Tuesday.\"";
        assert_eq!(unattributed_lines(text), vec![1]);
        // The verb readings do attribute.
        let text = "The board stated its case. \"Every berth was taken on Tuesday.\"";
        assert!(unattributed_lines(text).is_empty());
        let text = "\"Every berth was taken on Tuesday,\" the harbourmaster reports.";
        assert!(unattributed_lines(text).is_empty());
    }

    #[test]
    fn source_nouns_and_speech_acts_attribute() {
        let text = "The club issued a statement. \"We regret the delay to the new stand.\"\n\n\
                    Coach Ida Brenn praised the squad. \"They never stopped running all game.\"\n\n\
                    \"Nobody here will forget that night at Orrin Park,\" laughs Tomas Vell.";
        assert!(unattributed_lines(text).is_empty());
    }

    #[test]
    fn person_just_named_goes_on_in_the_first_person() {
        // A first-person quotation after a sentence about "she": she goes on.
        let text = "Ada Venn took over the bakery in 1979. She kept the old ovens. \
                    \"I never wanted to change the bread.\" The shop closes on Friday.";
        assert!(unattributed_lines(text).is_empty());
        // Not after a sentence about a group, and not for a quotation that is not first
        // person.
        let text = "Several members left the chamber. \"We will not vote for this budget.\"";
        assert_eq!(unattributed_lines(text), vec![1]);
        let text = "She kept the old ovens. \"The bread never changed in fifty years.\"";
        assert_eq!(unattributed_lines(text), vec![1]);
    }

    #[test]
    fn full_stop_outside_the_marks_still_joins_quotations() {
        let text =
            "Nils Orr said: \"We opened the dock in May\". \"Trade has doubled since the spring\".";
        assert!(unattributed_lines(text).is_empty());
    }

    #[test]
    fn missing_closing_mark_spoils_one_quotation_only() {
        // The closing mark after "May" is missing: the quotations found later still pair
        // as written, so the cue before "Every" is not hidden inside a false quotation.
        let text = "Nils Orr said: \"We opened the dock in May. Ships came at once. \
                    Lena Orr added: \"Every berth was taken on the first morning.\" Trade grew.";
        assert!(unattributed_lines(text).is_empty());
        let quotes = checker().quotations(&paragraphs(text));
        assert_eq!(quotes.len(), 1);
        assert!(text[quotes[0].span.clone()].starts_with("\"Every"));
        // The unbalanced check still pairs in order and reports the last opening mark.
        assert_eq!(checker().unbalanced(&paragraphs(text)).len(), 1);
    }

    #[test]
    fn titles_in_title_case_are_names() {
        let text = "Fans sang along to \"How Soon Is the Night Over?\" all evening.\n\n\
                    The council adopted an \"Action Plan for the Harbour of Rell\" on Monday.";
        assert!(unattributed_lines(text).is_empty());
    }

    #[test]
    fn words_are_runs_holding_a_letter_or_figure() {
        assert_eq!(
            count_words("We won 2-0 — at last, in Zürich\u{a0}today."),
            8
        );
        assert_eq!(count_words("  — … \" "), 0);
        assert_eq!(count_words("Ça\tva\nbien"), 3);
    }

    #[test]
    fn long_paragraphs_stay_linear() {
        // One sentence with thousands of quotations and marks: each must cost about the
        // same, whatever its place in the paragraph.
        let many = "Rain \"fell on the old quay\" and ".repeat(20_000);
        let opens = "“Rain fell ".repeat(20_000);
        let straight = "the \"old quay ".repeat(20_000);
        let start = std::time::Instant::now();
        for text in [&many, &opens, &straight] {
            let paras = [Paragraph { offset: 0, text }];
            let report = checker().check(&paras);
            assert!(report.quotations.len() <= 20_000);
        }
        assert!(start.elapsed() < std::time::Duration::from_secs(20));
    }

    #[test]
    fn quotation_spans_for_scopes() {
        let text = "“We lost two moorings,” said Enid Rook. “The slipway cracked.\n\n\
                    “Then the power went out across the whole \"old\" harbour.”";
        let spans = default_checker().quotation_spans(&paragraphs(text));
        let quoted: Vec<&str> = spans.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(
            quoted,
            vec![
                "“We lost two moorings,”",
                "“The slipway cracked.",
                "“Then the power went out across the whole \"old\" harbour.”"
            ]
        );
    }

    #[test]
    fn spans_are_absolute() {
        let paras = [Paragraph {
            offset: 100,
            text: "Rain fell. \"We have patched this pier for years.\" Boats idled.",
        }];
        let found = checker().unattributed(&paras);
        assert_eq!(found[0].span, 111..112);
        let quotes = checker().quotations(&paras);
        assert_eq!(quotes[0].span, 111..149);
    }
}

//! Word-level readings of the quotation checks: whether a cue form is used as a verb or as
//! a noun, titles in title case, gloss phrases, and the short excerpts messages quote.

use std::ops::Range;

/// What a match of the cue automaton is, and so which noun readings it must be checked
/// against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum WordKind {
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
pub(super) const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "these", "those", "its", "his", "her", "their", "our", "my", "your",
    "every", "each", "no", "any", "some", "another", "such", "whose",
];

/// Prepositions after which a base or -s form is a noun ("under state law", "for
/// comment"). "to" is left out: it marks an infinitive.
#[rustfmt::skip]
pub(super) const PREPOSITIONS: &[&str] = &[
    "of", "in", "on", "at", "for", "from", "with", "by", "under", "over", "into", "about",
    "without", "after", "before", "against", "between", "through", "during", "per", "via",
];

/// Whether a cue match reads as the verb (or phrase) rather than a noun or a name.
pub(super) fn is_verb_use(
    text: &str,
    range: Range<usize>,
    sentence_start: usize,
    kind: WordKind,
) -> bool {
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
pub(super) fn sentence_at(sentences: &[Range<usize>], pos: usize) -> usize {
    sentences.partition_point(|s| s.end <= pos)
}

/// A name or title in title case ("Action Plan for the Development of Rell", "How Soon
/// Is Now?"): every word longer than three letters capitalised, and no punctuation of
/// running speech inside.
pub(super) fn is_title(content: &str) -> bool {
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

/// Whether `words` end with the gloss phrase, which may hold one extra word after its
/// first: a copy editor reads "known then as the "Eton of the valleys"" and "billed simply
/// as" as the gloss they are, an adverb set inside the phrase.
pub(super) fn ends_with_gloss(words: &[String], gloss: &[String]) -> bool {
    let n = gloss.len();
    if words.len() >= n && words[words.len() - n..] == gloss[..] {
        return true;
    }
    n >= 2
        && words.len() > n
        && words[words.len() - n - 1] == gloss[0]
        && words[words.len() - n + 1..] == gloss[1..]
}

pub(super) fn words_lower(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The last `n` words of `text`, lower-cased, in order.
pub(super) fn last_words_lower(text: &str, n: usize) -> Vec<String> {
    let mut out: Vec<String> = text
        .rsplit(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(n)
        .map(str::to_lowercase)
        .collect();
    out.reverse();
    out
}

pub(super) fn excerpt(text: &str, max_words: usize) -> String {
    let mut words = text.split_whitespace();
    let head: Vec<&str> = words.by_ref().take(max_words).collect();
    let mut out = head.join(" ");
    if words.next().is_some() {
        out.push('…');
    }
    out
}

//! Word-level readings of the quotation checks: whether a cue form is used as a verb or as
//! a noun, titles in title case, gloss phrases, and the short excerpts messages quote.

use std::ops::Range;

/// What a cue form is, and so which noun readings a match must be checked against.
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

/// A word of ASCII word bytes (letters, digits, `_`) and where it starts in the text read.
pub(super) struct AsciiWord<'t> {
    pub(super) start: usize,
    pub(super) word: &'t str,
}

/// The runs of ASCII word bytes of `text`: the words that a `(?-u)\b…\b` pattern sees,
/// where any other byte, accented letters too, parts them. The person and voice words
/// below are read from these runs: a closed list of short words needs no regex, and the
/// three regexes they replaced cost more to build than linting an article.
pub(super) fn ascii_words(text: &str) -> impl Iterator<Item = AsciiWord<'_>> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let is_word = |b: &u8| b.is_ascii_alphanumeric() || *b == b'_';
        let start = at + bytes[at..].iter().position(is_word)?;
        let len = bytes[start..]
            .iter()
            .position(|b| !is_word(b))
            .unwrap_or(bytes.len() - start);
        at = start + len;
        // Runs of ASCII bytes start and end on character boundaries.
        Some(AsciiWord {
            start,
            word: &text[start..at],
        })
    })
}

/// A word that refers to one person: "he", "her", "Dr" (before a name).
pub(super) fn is_person_word(word: &str) -> bool {
    matches!(
        word,
        "He" | "he"
            | "She"
            | "she"
            | "His"
            | "his"
            | "Her"
            | "her"
            | "him"
            | "Mr"
            | "Mrs"
            | "Ms"
            | "Dr"
            | "Sir"
            | "Lady"
            | "Prof"
    )
}

/// A word that shows a quotation speaks for its speaker: "I", "my", "we".
pub(super) fn is_first_person(word: &str) -> bool {
    matches!(
        word,
        "I" | "Me"
            | "me"
            | "My"
            | "my"
            | "Mine"
            | "mine"
            | "Myself"
            | "myself"
            | "We"
            | "we"
            | "Our"
            | "our"
            | "Ours"
            | "ours"
            | "Ourselves"
            | "ourselves"
            | "us"
    )
}

/// A word that shows a quotation addresses someone: "you", "your".
pub(super) fn is_second_person(word: &str) -> bool {
    matches!(
        word,
        "You"
            | "you"
            | "Your"
            | "your"
            | "Yours"
            | "yours"
            | "Yourself"
            | "yourself"
            | "Yourselves"
            | "yourselves"
    )
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_words_part_at_every_other_byte() {
        let words: Vec<(usize, &str)> = ascii_words("I'm Zoë_9 we")
            .map(|w| (w.start, w.word))
            .collect();
        assert_eq!(
            words,
            [(0, "I"), (2, "m"), (4, "Zo"), (8, "_9"), (11, "we")]
        );
    }

    #[test]
    fn voice_and_person_words_keep_their_case() {
        assert!(is_first_person("I") && is_first_person("We") && !is_first_person("i"));
        assert!(!is_first_person("Us") && is_first_person("us"));
        assert!(is_second_person("Yourselves") && !is_second_person("YOU"));
        assert!(is_person_word("Dr") && !is_person_word("Him") && !is_person_word("dr"));
    }
}

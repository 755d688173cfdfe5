//! The cue table of `quote-unattributed`: every form of the house's speech verbs ("say",
//! "said", "pointed out") and its fixed phrases ("according to"), keyed by the word each
//! opens with, so that a sentence is read word by word with one lookup per word.
//!
//! A table rather than an Aho-Corasick automaton: building the automaton over some 500
//! forms cost more than linting a whole article (about 4 M instructions, start-up paid
//! by every one-file run), while a cue only ever counts as a whole word or phrase, which
//! a lookup at each word start finds directly.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::inflect::{each_form, normalise_phrase};
use super::wording::WordKind;
use super::{NOT_REPORTED_SPEECH, QuoteOptions};
use crate::text::words::{is_whole_word, is_word_char};
use crate::text::words_block::AsciiRuns;

/// What a cue form is: which noun readings a match must be checked against, and whether
/// it reports speech ("said", "according to") rather than a stance ("agreed", "hopes");
/// only those carry reported speech over to the next paragraph's quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Cue {
    pub(super) kind: WordKind,
    pub(super) reports: bool,
}

/// The forms that open with one word.
#[derive(Debug, Clone, Default)]
struct Head {
    /// The form that is this word alone.
    word: Option<Cue>,
    /// Longer forms that open with it ("pointed out", "according to"), longest first, as
    /// the longest form wins where several start at one word.
    phrases: Vec<(String, Cue)>,
}

/// Every cue form, by the lower-case word it opens with.
#[derive(Debug, Clone)]
pub(super) struct CueTable {
    /// Keyed by bytes, so that a word lower-cased in a reused buffer is looked up as it
    /// stands; a fast hash, as every word of a sentence asked about is looked up.
    heads: FxHashMap<Box<[u8]>, Head>,
    /// By a word's first two bytes ([`pair_index`]), bit `n` set when some head that
    /// opens with them has `n` bytes (bit 31 for 31 or more): most words of a sentence
    /// are told to be no head by this alone, before any hashing.
    lengths: Box<[u32; PAIRS]>,
}

/// The places of [`CueTable::lengths`]: five bits of each of a word's first two bytes.
const PAIRS: usize = 1 << 10;

/// A word's place in [`CueTable::lengths`]: the low five bits of its first byte and of its
/// second (none for a one-byte word). ASCII case is bit 5, so both cases of a word share
/// a place.
fn pair_index(word: &[u8]) -> usize {
    let second = word.get(1).map_or(0, |&b| usize::from(b & 0x1F));
    usize::from(word[0] & 0x1F) << 5 | second
}

impl CueTable {
    pub(super) fn new(options: &QuoteOptions) -> Self {
        let mut table = CueTable {
            heads: FxHashMap::with_capacity_and_hasher(options.cue_verbs.len() * 5, <_>::default()),
            lengths: Box::new([0; PAIRS]),
        };
        for lemma in &options.cue_verbs {
            let reports = !NOT_REPORTED_SPEECH.contains(&lemma.as_str());
            each_form(lemma, |form, base| {
                let kind = if base {
                    WordKind::Base
                } else {
                    WordKind::Derived
                };
                table.add(form, Cue { kind, reports });
            });
        }
        for phrase in &options.cue_phrases {
            let form = normalise_phrase(phrase).into_owned();
            let reports = form == "according to";
            table.add(
                form,
                Cue {
                    kind: WordKind::Phrase,
                    reports,
                },
            );
        }
        for head in table.heads.values_mut() {
            // Phrases match across a soft line break as well as a space.
            let breaks: Vec<(String, Cue)> = head
                .phrases
                .iter()
                .filter(|(form, _)| form.contains(' '))
                .flat_map(|(form, cue)| {
                    ["\n", "\r\n"].map(|joint| (form.replace(' ', joint), *cue))
                })
                .collect();
            head.phrases.extend(breaks);
            head.phrases
                .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        }
        for head in table.heads.keys() {
            table.lengths[pair_index(head)] |= 1 << head.len().min(31);
        }
        table
    }

    /// Whether a head of the word's first two bytes and length may exist.
    fn may_be_head(&self, word: &[u8]) -> bool {
        self.lengths[pair_index(word)] & (1 << word.len().min(31)) != 0
    }

    /// Adds one form. A form that comes twice (a base form and a derived one, "read"; a
    /// verb form that is also a fixed phrase) takes the stricter kind, and reports speech
    /// if either reading does.
    fn add(&mut self, form: String, cue: Cue) {
        if form.is_empty() {
            return;
        }
        let merge = |known: &mut Cue| {
            known.kind = known.kind.min(cue.kind);
            known.reports |= cue.reports;
        };
        let head_len = form
            .char_indices()
            .find(|(_, c)| !is_word_char(*c))
            .map_or(form.len(), |(i, _)| i);
        if head_len == form.len() {
            match self.heads.get_mut(form.as_bytes()) {
                Some(head) => match &mut head.word {
                    Some(known) => merge(known),
                    None => head.word = Some(cue),
                },
                None => {
                    let head = Head {
                        word: Some(cue),
                        phrases: Vec::new(),
                    };
                    self.heads.insert(form.into_bytes().into(), head);
                }
            }
            return;
        }
        let head = self
            .heads
            .entry(form.as_bytes()[..head_len].into())
            .or_default();
        match head.phrases.iter_mut().find(|(known, _)| *known == form) {
            Some((_, known)) => merge(known),
            None => head.phrases.push((form, cue)),
        }
    }

    /// Whether `wanted` holds for some cue standing as a whole word or phrase in
    /// `text[within]`, given its absolute range in `text`. Where forms overlap, the
    /// longest at the earliest word counts, and the words it covers are not read again:
    /// "pointed out" is one cue, not "pointed" and "out".
    pub(super) fn any(
        &self,
        text: &str,
        within: Range<usize>,
        mut wanted: impl FnMut(Range<usize>, Cue) -> bool,
    ) -> bool {
        let bytes = text.as_bytes();
        // The word in small letters, to look it up: on the stack, as nearly every word is
        // short (a buffer grown word by word cost three allocations a call).
        let mut short = [0u8; 32];
        let mut long = Vec::new();
        let mut at = within.start;
        // Nearly every sentence is ASCII, whose words are runs of word bytes found a
        // block at a time; the rest is read by character.
        let mut ascii = bytes[within.clone()]
            .is_ascii()
            .then(|| AsciiRuns::new(bytes, within.end));
        let mut next = |at| match &mut ascii {
            Some(runs) => runs.next_from(at),
            None => next_word(text, at, within.end),
        };
        while let Some(word) = next(at) {
            at = word.end;
            if !self.may_be_head(&bytes[word.clone()]) {
                continue;
            }
            let written = &bytes[word.clone()];
            let key: &mut [u8] = match short.get_mut(..written.len()) {
                Some(key) => key,
                None => {
                    long.resize(written.len(), 0);
                    &mut long
                }
            };
            key.copy_from_slice(written);
            key.make_ascii_lowercase();
            let Some(head) = self.heads.get(&*key) else {
                continue;
            };
            let phrase = head.phrases.iter().find_map(|(form, cue)| {
                let end = word.start + form.len();
                (end <= within.end
                    && bytes[word.start..end].eq_ignore_ascii_case(form.as_bytes())
                    && is_whole_word(text, word.start..end))
                .then_some((word.start..end, *cue))
            });
            let found = phrase.or_else(|| {
                head.word
                    .filter(|_| is_whole_word(text, word.clone()))
                    .map(|cue| (word.clone(), cue))
            });
            if let Some((range, cue)) = found {
                at = range.end;
                if wanted(range, cue) {
                    return true;
                }
            }
        }
        false
    }
}

/// The next run of word characters in `text[from..end]`, if any. Read byte by byte, and
/// char by char only where a byte is not ASCII: nearly all of English copy is ASCII.
fn next_word(text: &str, from: usize, end: usize) -> Option<Range<usize>> {
    let start = skip_while_word(text, from, end, false);
    if start == end {
        return None;
    }
    Some(start..skip_while_word(text, start, end, true))
}

/// How [`skip_while_word`] reads a byte: an ASCII byte that is not a word char, one that
/// is, or a byte of a longer char, which is decoded.
const OTHER: u8 = 0;
const WORD: u8 = 1;
const DECODE: u8 = 2;
const BYTE_CLASS: [u8; 256] = {
    let mut table = [DECODE; 256];
    let mut byte = 0;
    while byte < 128 {
        let b = byte as u8;
        table[byte] = if b.is_ascii_alphanumeric() || b == b'_' {
            WORD
        } else {
            OTHER
        };
        byte += 1;
    }
    table
};

/// The end of the run of word chars (with `word` false, of other chars) that starts at
/// `at`, read no further than `end` (`at` and `end` are char boundaries).
#[inline]
fn skip_while_word(text: &str, mut at: usize, end: usize, word: bool) -> usize {
    let bytes = &text.as_bytes()[..end];
    let same = if word { WORD } else { OTHER };
    loop {
        at += bytes[at..]
            .iter()
            .position(|&b| BYTE_CLASS[usize::from(b)] != same)
            .unwrap_or(end - at);
        if at == end || BYTE_CLASS[usize::from(bytes[at])] != DECODE {
            return at;
        }
        let c = text[at..]
            .chars()
            .next()
            .expect("a char boundary before the end");
        if is_word_char(c) != word {
            return at;
        }
        at += c.len_utf8();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cues of `text`, as (matched text, kind).
    fn cues(text: &str) -> Vec<(&str, WordKind)> {
        let table = CueTable::new(&QuoteOptions::default());
        let mut found = Vec::new();
        table.any(text, 0..text.len(), |range, cue| {
            found.push((&text[range], cue.kind));
            false
        });
        found
    }

    #[test]
    fn every_form_of_a_verb_in_any_case_is_a_cue() {
        assert_eq!(
            cues("She SAID it, says it, Saying it."),
            [
                ("SAID", WordKind::Derived),
                ("says", WordKind::Base),
                ("Saying", WordKind::Derived)
            ]
        );
    }

    #[test]
    fn only_whole_words_count() {
        assert!(cues("unsaid saidx sayso x_said said_").is_empty());
        assert_eq!(cues("Mörsaid, (said)"), [("said", WordKind::Derived)]);
        // Letters beyond ASCII join a word; other chars beyond it part words.
        assert!(cues("naïvesaid saidé").is_empty());
        assert_eq!(
            cues("café—said…told"),
            [("said", WordKind::Derived), ("told", WordKind::Derived)]
        );
    }

    #[test]
    fn the_longest_form_at_a_word_wins_across_soft_breaks() {
        assert_eq!(
            cues("He pointed out, pointed\nout, pointed\r\nout; according  to"),
            [
                ("pointed out", WordKind::Derived),
                ("pointed\nout", WordKind::Derived),
                ("pointed\r\nout", WordKind::Derived),
            ]
        );
        // A phrase cut short inside a word is no phrase; the word before it may still be.
        assert!(cues("according tomorrow").is_empty());
        assert_eq!(
            cues("According to Ada"),
            [("According to", WordKind::Phrase)]
        );
    }

    #[test]
    fn a_form_may_not_run_past_the_text_read() {
        let table = CueTable::new(&QuoteOptions::default());
        let text = "He pointed out";
        let mut found = Vec::new();
        table.any(text, 0..12, |range, _| {
            found.push(range);
            false
        });
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn stances_do_not_report_speech() {
        let table = CueTable::new(&QuoteOptions::default());
        let reports = |text: &str| table.any(text, 0..text.len(), |_, cue| cue.reports);
        assert!(reports("she said") && reports("according to"));
        assert!(!reports("she agreed") && !reports("a statement"));
    }
}

//! Pieces the kinds' checks share: the word-list automaton of `pattern` and
//! `substitution`, dropping matches an exception covers, whether the prefilter sees a
//! scope, and keeping a word's case in its fix.

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::SpecError;
use crate::rules::Scope;
use crate::rules::lazy_regex::LazyRegex;
use crate::rules::literals::Required;
use crate::text::boundaries::{ceil_char_boundary, floor_char_boundary};
use crate::text::words::is_whole_word;

/// A list of words or phrases found as whole words in one Aho-Corasick pass, however long
/// the list (`pattern`'s `words`, `substitution`'s literal keys). The longest entry wins
/// where two start at one place.
#[derive(Debug)]
pub(crate) struct WordList {
    /// Built on first use in a built-in pack (most articles hold none of a list's words,
    /// which the prefilter tells from [`WordList::literals`]); at once otherwise, so that
    /// a list too large to build is reported against the TOML.
    automaton: OnceLock<AhoCorasick>,
    entries: Vec<String>,
    ignore_case: bool,
    /// The entries for the prefilter: lower case when the list ignores case.
    literals: Required,
}

impl WordList {
    /// The list held by `field`, its automaton built now unless `deferred` (a built-in
    /// pack's, which the tests build); `empty_entry` is the message for an entry that is
    /// only white space.
    pub(crate) fn new(
        field: &'static str,
        span: Range<usize>,
        entries: &[&str],
        ignore_case: bool,
        empty_entry: &str,
        deferred: bool,
    ) -> Result<Self, SpecError> {
        if entries.iter().any(|entry| entry.trim().is_empty()) {
            return Err(SpecError::field(field, span, empty_entry));
        }
        let automaton = OnceLock::new();
        if !deferred {
            let built = build_word_list(entries, ignore_case).map_err(|e| {
                SpecError::field(field, span, format!("cannot build the word list: {e}"))
            })?;
            automaton.get_or_init(|| built);
        }
        let literals = Required {
            set: entries
                .iter()
                .map(|entry| match ignore_case {
                    true => entry.to_ascii_lowercase().into_bytes(),
                    false => entry.as_bytes().to_vec(),
                })
                .collect(),
            exact_case: !ignore_case,
        };
        Ok(Self {
            automaton,
            entries: entries.iter().map(|entry| entry.to_string()).collect(),
            ignore_case,
            literals,
        })
    }

    fn automaton(&self) -> &AhoCorasick {
        self.automaton.get_or_init(|| {
            build_word_list(&self.entries, self.ignore_case)
                .expect("a deferred word list is one of a built-in pack, which the tests build")
        })
    }

    /// The entries (see [`WordList::literals`]'s field): one of them is in every match.
    pub(crate) fn literals(&self) -> &Required {
        &self.literals
    }

    /// The spans (in `hay`) of the entries found in it as whole words.
    pub(crate) fn find_whole_words<'h>(
        &'h self,
        hay: &'h str,
    ) -> impl Iterator<Item = Range<usize>> + 'h {
        self.automaton()
            .find_iter(hay)
            .map(|m| m.range())
            .filter(move |range| is_whole_word(hay, range.clone()))
    }

    /// Which entry (by its place in the list) `text` is, all of it.
    pub(crate) fn entry_of(&self, text: &str) -> Option<usize> {
        self.automaton()
            .find(text)
            .filter(|m| m.range() == (0..text.len()))
            .map(|m| m.pattern().as_usize())
    }
}

fn build_word_list<E: AsRef<[u8]>>(
    entries: &[E],
    ignore_case: bool,
) -> Result<AhoCorasick, aho_corasick::BuildError> {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(ignore_case)
        .build(entries)
}

/// Bytes either side of a match within which its exceptions are searched. An exception is
/// a context next to the match ("3-1", "Route 9", "5 May"); searched through the whole
/// paragraph, nineteen of them read it nineteen times for one figure.
const EXCEPTION_REACH: usize = 64;

/// Drop the matches `(unit index, absolute span)` that overlap a match of one of the
/// `exceptions`, searched in the match's own unit within [`EXCEPTION_REACH`] bytes of it
/// (matches close together share one stretch). Exceptions run only on units that hold a
/// match, which few do, and in order only until every match of the unit is excused: a
/// later exception is then neither searched nor compiled.
pub(crate) fn drop_exceptions(
    exceptions: &[LazyRegex],
    units: &[crate::lint::Unit],
    found: &mut Vec<(usize, Range<usize>)>,
) {
    if exceptions.is_empty() || found.is_empty() {
        return;
    }
    let mut keep = vec![true; found.len()];
    let mut start = 0;
    while start < found.len() {
        // The matches of one unit are next to each other: they are found unit by unit.
        let index = found[start].0;
        let end = start + found[start..].iter().take_while(|f| f.0 == index).count();
        let unit = &units[index];
        let spans: Vec<Range<usize>> = found[start..end]
            .iter()
            .map(|(_, span)| span.start - unit.offset..span.end - unit.offset)
            .collect();
        excuse(exceptions, unit.text, &spans, &mut keep[start..end]);
        start = end;
    }
    let mut kept = keep.into_iter();
    found.retain(|_| kept.next().unwrap_or(true));
}

/// Clear `kept[i]` for each span of `text` (in order of start) that a match of one of
/// `exceptions` overlaps, trying the exceptions in order until none is left.
fn excuse(exceptions: &[LazyRegex], text: &str, spans: &[Range<usize>], kept: &mut [bool]) {
    let stretches = stretches(text, spans);
    let mut left = spans.len();
    for exception in exceptions {
        for (stretch, members) in &stretches {
            // The stretch's spans still to excuse; its matches come in order of start,
            // so none after the last such span's end can overlap one.
            let Some(last_end) = members
                .clone()
                .filter(|&i| kept[i])
                .map(|i| spans[i].end)
                .max()
            else {
                continue;
            };
            for m in exception.find_iter_in(text, stretch.clone()) {
                if m.start() >= last_end {
                    break;
                }
                for i in members.clone() {
                    if kept[i] && m.start() < spans[i].end && spans[i].start < m.end() {
                        kept[i] = false;
                        left -= 1;
                    }
                }
            }
            if left == 0 {
                return;
            }
        }
    }
}

/// The stretches of `text` that [`EXCEPTION_REACH`] around each span covers, with the
/// spans (by index) each holds: spans whose reaches touch share one.
fn stretches(text: &str, spans: &[Range<usize>]) -> Vec<(Range<usize>, Range<usize>)> {
    let mut out: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    for (i, span) in spans.iter().enumerate() {
        let low = floor_char_boundary(text, span.start.saturating_sub(EXCEPTION_REACH));
        let high = ceil_char_boundary(text, span.end + EXCEPTION_REACH);
        match out.last_mut() {
            Some((stretch, members)) if low <= stretch.end => {
                stretch.end = stretch.end.max(high);
                members.end = i + 1;
            }
            _ => out.push((low..high, i..i + 1)),
        }
    }
    out
}

/// Whether the prefilter's scan (the prose view and the front matter) holds every text a
/// rule of this scope reads; `text` reads the source itself, markup included, and
/// metadata values are left to run always.
pub(crate) fn prefilter_reads(scope: &Scope) -> bool {
    !matches!(scope, Scope::Text | Scope::Metadata(_))
}

/// Whether the units of `scope` are whole prose units (headline, dek, subheading, body
/// paragraph), each of which the gate reads on its own ([`crate::rules::prefilter::Gating`]).
pub(crate) fn gate_reads(scope: &Scope) -> bool {
    matches!(
        scope,
        Scope::Prose
            | Scope::Headline
            | Scope::Dek
            | Scope::Body
            | Scope::Paragraph
            | Scope::Lead
            | Scope::OutsideQuote
            | Scope::BodyOutsideQuote
    )
}

/// Give `replacement` the case of `original`: "Stated" → "Said", "STATED" → "SAID".
pub(crate) fn match_case(original: &str, replacement: &str) -> String {
    let letters: Vec<char> = original.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return replacement.to_uppercase();
    }
    if original.chars().next().is_some_and(char::is_uppercase) {
        let mut chars = replacement.chars();
        if let Some(first) = chars.next() {
            return first.to_uppercase().chain(chars).collect();
        }
    }
    replacement.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exceptions_run_in_order_until_every_match_is_excused() {
        use crate::lint::Unit;
        let text = "the stated aim; it stated facts";
        let units = [
            Unit {
                offset: 100,
                text: &text[..15],
            },
            Unit {
                offset: 116,
                text: &text[16..],
            },
        ];
        let exceptions = [
            LazyRegex::deferred(r"\bthe\s+stated".to_string(), false),
            LazyRegex::deferred(r"\bstated\s+facts".to_string(), false),
            LazyRegex::deferred(r"never".to_string(), false),
        ];
        // "stated" in the first unit is excused by the first exception; the second unit's
        // "it" by none, its "stated" by the second.
        let mut found = vec![(0, 104..110), (1, 116..118), (1, 119..125)];
        drop_exceptions(&exceptions, &units, &mut found);
        assert_eq!(found, [(1, 116..118)]);
        assert!(exceptions[2].is_built(), "the second unit kept a match");
        let mut found = vec![(0, 104..110)];
        let fresh = [
            LazyRegex::deferred(r"\bthe\s+stated".to_string(), false),
            LazyRegex::deferred(r"never".to_string(), false),
        ];
        drop_exceptions(&fresh, &units, &mut found);
        assert!(found.is_empty());
        assert!(!fresh[1].is_built(), "nothing left to excuse");
    }

    #[test]
    fn exceptions_are_searched_within_reach_of_each_match() {
        use crate::lint::Unit;
        let filler = "x ".repeat(EXCEPTION_REACH);
        // The context "since ... stated" starts too far before the second match to excuse
        // it; "stated aim" starts at the first.
        let text = format!("since {filler}it stated aim; then since it stated {filler}so.");
        let first = text.find("stated").unwrap();
        let second = text.rfind("stated").unwrap();
        let unit = [Unit {
            offset: 0,
            text: &text,
        }];
        let exceptions = [
            LazyRegex::deferred(r"stated aim".to_string(), false),
            LazyRegex::deferred(r"since[^;]*stated".to_string(), false),
        ];
        let mut found = vec![(0, first..first + 6), (0, second..second + 6)];
        drop_exceptions(&exceptions, &unit, &mut found);
        assert!(
            found.is_empty(),
            "the second is within reach of its 'since'"
        );
        let text = format!("since {filler}it stated aim");
        let at = text.find("stated").unwrap();
        let unit = [Unit {
            offset: 0,
            text: &text,
        }];
        let mut found = vec![(0, at..at + 6)];
        drop_exceptions(&exceptions[1..], &unit, &mut found);
        assert_eq!(found, [(0, at..at + 6)], "its 'since' is out of reach");
    }

    #[test]
    fn matches_close_together_share_a_stretch() {
        let text = format!("{}é{}", "a".repeat(200), "b".repeat(200));
        let spans = [70..72, 100..102, 300..302];
        let found = stretches(&text, &spans);
        assert_eq!(found, [(6..166, 0..2), (236..366, 2..3)]);
        // Stretches end on character boundaries: "é" is bytes 200 and 201.
        let one = 137..138;
        let found = stretches(&text, std::slice::from_ref(&one));
        assert_eq!(found[0].0.end, 202);
    }

    #[test]
    fn word_lists_find_whole_words_and_name_the_entry() {
        let entries = ["state", "stated", "TK"];
        let list = WordList::new("words", 0..0, &entries, true, "empty", true).unwrap();
        assert!(list.automaton.get().is_none(), "deferred");
        let text = "He stated it; reinstated; tk.";
        let found: Vec<&str> = list.find_whole_words(text).map(|r| &text[r]).collect();
        assert_eq!(found, ["stated", "tk"]);
        assert_eq!(list.entry_of("Stated"), Some(1));
        assert_eq!(list.entry_of("stated it"), None);
        assert_eq!(list.literals().set[2], b"tk");
        let err = WordList::new(
            "swap",
            3..9,
            &["a", " "],
            true,
            "`swap` has an empty key",
            false,
        )
        .unwrap_err();
        assert_eq!(
            (err.span, err.message.as_str()),
            (Some(3..9), "`swap` has an empty key")
        );
    }

    #[test]
    fn replacements_keep_the_case_of_the_original() {
        assert_eq!(match_case("Stated", "said"), "Said");
        assert_eq!(match_case("STATED", "said"), "SAID");
        assert_eq!(match_case("stated", "said"), "said");
    }
}

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

/// Drop the matches `(unit index, absolute span)` that overlap a match of one of the
/// `exceptions`, searched in the match's own unit. Exceptions run only on units that hold
/// a match, which few do, and in order only until every match of the unit is excused: a
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
        let mut left = end - start;
        'exceptions: for exception in exceptions {
            for m in exception.find_iter(unit.text) {
                let excused = unit.absolute(m.range());
                for (kept, (_, span)) in keep[start..end].iter_mut().zip(&found[start..end]) {
                    if *kept && excused.start < span.end && span.start < excused.end {
                        *kept = false;
                        left -= 1;
                    }
                }
                if left == 0 {
                    break 'exceptions;
                }
            }
        }
        start = end;
    }
    let mut kept = keep.into_iter();
    found.retain(|_| kept.next().unwrap_or(true));
}

/// Whether the prefilter's scan (the prose view and the front matter) holds every text a
/// rule of this scope reads; `text` reads the source itself, markup included, and
/// metadata values are left to run always.
pub(crate) fn prefilter_reads(scope: &Scope) -> bool {
    !matches!(scope, Scope::Text | Scope::Metadata(_))
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

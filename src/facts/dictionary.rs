//! The English word list of the fact checks: Debian's `wamerican` (SCOWL-derived; its
//! licence is `rules/dictionary/COPYRIGHT`), folded to lower case and stored as a finite
//! state transducer embedded in the binary. Opening it reads a header of the embedded bytes,
//! so a rule that never asks costs nothing, and a look-up walks a few hundred bytes.

use std::collections::HashSet;
use std::sync::OnceLock;

use fst::Set;

/// The embedded set, built by `tests/dictionary.rs` from `/usr/share/dict/american-english`
/// (`UPDATE_DICTIONARY=1 cargo test --test dictionary` rebuilds it).
pub const WORDS_FST: &[u8] = include_bytes!("../../rules/dictionary/american-english.fst");

fn embedded() -> &'static Set<&'static [u8]> {
    static SET: OnceLock<Set<&'static [u8]>> = OnceLock::new();
    SET.get_or_init(|| Set::new(WORDS_FST).expect("the embedded word list is a valid set"))
}

/// Build the lower-cased set from a word list's text (one word a line; possessive entries
/// such as `Germany's` add nothing and are dropped).
pub fn build_set(list: &str) -> Vec<u8> {
    let mut words: Vec<String> = list
        .lines()
        .map(str::trim)
        .filter(|w| !w.is_empty() && !w.ends_with("'s"))
        .map(str::to_lowercase)
        .collect();
    words.sort();
    words.dedup();
    Set::from_iter(words)
        .expect("sorted words build a set")
        .into_fst()
        .into_inner()
}

/// The word list a check consults: the embedded one plus the house's own words.
#[derive(Debug, Default)]
pub struct Dictionary {
    house: HashSet<String>,
}

impl Dictionary {
    /// The embedded list with the house's words added (lower-cased).
    pub fn with_house_words<'a>(words: impl IntoIterator<Item = &'a str>) -> Self {
        Self {
            house: words.into_iter().map(str::to_lowercase).collect(),
        }
    }

    /// Add a house word list's text: one word a line, `#` starts a comment.
    pub fn add_list(&mut self, text: &str) {
        for line in text.lines() {
            let word = line.split('#').next().unwrap_or("").trim();
            if !word.is_empty() {
                self.house.insert(word.to_lowercase());
            }
        }
    }

    /// How many house words there are.
    pub fn house_len(&self) -> usize {
        self.house.len()
    }

    /// Whether `word` is a dictionary word, case-insensitively.
    pub fn contains(&self, word: &str) -> bool {
        let lower = if word.bytes().any(|b| b.is_ascii_uppercase()) || !word.is_ascii() {
            word.to_lowercase()
        } else {
            word.to_string()
        };
        embedded().contains(&lower) || self.house.contains(&lower)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_given_names_and_countries_are_in_it() {
        let dict = Dictionary::default();
        for word in [
            "Minister", "ministry", "Clayton", "Clapton", "Harvard", "Germany", "Being",
        ] {
            assert!(dict.contains(word), "{word}");
        }
        for word in [
            "Barrionuevo",
            "Khodorkovsky",
            "Velmoria",
            "Agritech",
            "Jinping",
        ] {
            assert!(!dict.contains(word), "{word}");
        }
    }

    #[test]
    fn house_words_count_too() {
        let mut dict = Dictionary::default();
        dict.add_list("# our regulars\nVelmoria\n  Tarvenko  # the prime minister\n");
        assert!(dict.contains("VELMORIA") && dict.contains("tarvenko"));
        assert_eq!(dict.house_len(), 2);
    }

    #[test]
    fn a_set_is_built_from_a_list() {
        let bytes = build_set("Zebra\nzebra\nGermany's\napple\n");
        let set = Set::new(bytes).unwrap();
        assert_eq!(set.len(), 2);
        assert!(set.contains("zebra") && !set.contains("germany's"));
    }
}

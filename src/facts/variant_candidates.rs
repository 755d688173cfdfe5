//! Which capitalised words could be one spelling of a pair of variants at all: a word
//! whose spelling shares its first letter with another spelling of the article, is within
//! two letters of its length and close enough in letters. Most name words of an article
//! have no such partner, and the name-variant check groups and compares only the rest.
//! The test is looser than the check's own, never stricter, so no pair is lost.

use super::names::{CapWord, fold_letter};
use super::spelling::max_edits;

/// The letters an ASCII spelling holds, case ignored, as bits; `None` for other spellings.
#[derive(Clone, Copy)]
pub struct LetterSet(Option<u32>);

impl LetterSet {
    /// The letters of `word`.
    pub fn of(word: &str) -> Self {
        // One pass: a byte that is not ASCII ends it.
        let mut set = 0u32;
        for &b in word.as_bytes() {
            if !b.is_ascii() {
                return Self(None);
            }
            if b.is_ascii_alphabetic() {
                set |= 1 << ((b | 0x20) - b'a');
            }
        }
        Self(Some(set))
    }

    /// False when two spellings (the shorter of `letters` letters) are surely more edits
    /// apart than [`is_variant`](super::spelling::is_variant) allows: each letter only one
    /// of them holds takes an edit of its own, and most pairs of names are ruled out so,
    /// before any alignment.
    pub fn could_be_within(self, other: Self, letters: usize) -> bool {
        let (Self(Some(a)), Self(Some(b))) = (self, other) else {
            return true;
        };
        let limit = max_edits(letters).unwrap_or(0) as u32;
        (a & !b).count_ones() <= limit && (b & !a).count_ones() <= limit
    }
}

/// One spelling met so far, in the list of those sharing its first letter.
struct Entry<'a> {
    text: &'a str,
    initial: char,
    chars: usize,
    /// Computed when first compared.
    letters: Option<LetterSet>,
    /// Whether some other spelling could pair with it.
    paired: bool,
    /// The spelling met before it with the same first letter's bucket.
    next: u32,
}

const NONE: u32 = u32::MAX;

/// The indices (ascending) of the words `is_candidate` accepts whose spelling could pair
/// with another candidate's: same first letter (folded), at most two characters longer or
/// shorter, and at most `max(1, max_edits)` letters that only one of them holds. That
/// takes in every pair the check makes: variants (which pass [`LetterSet::could_be_within`])
/// and a misplaced apostrophe's stem beside its partner (`Ebber` / `Ebbers`, `Cotterills` /
/// `Cotterill`: one letter apart). A spelling none could pair with is in no pair, and
/// leaving it out changes no other spelling's pairs.
pub fn paired_candidates(words: &[CapWord], is_candidate: impl Fn(&CapWord) -> bool) -> Vec<usize> {
    let mut entries: Vec<Entry> = Vec::with_capacity(words.len());
    // Heads of the buckets: `a` to `z`, then every other first letter.
    let mut heads = [NONE; 27];
    // For each candidate: its word and its spelling's entry.
    let mut met: Vec<(usize, u32)> = Vec::with_capacity(words.len());
    for (i, word) in words.iter().enumerate() {
        if !is_candidate(word) {
            continue;
        }
        let text = word.text;
        let initial = match text.as_bytes().first() {
            None => continue,
            Some(&b) if b.is_ascii() => char::from(b.to_ascii_lowercase()),
            Some(_) => text.chars().next().map_or(' ', fold_letter),
        };
        let bucket = if initial.is_ascii_lowercase() {
            usize::from(initial as u8 - b'a')
        } else {
            26
        };
        // As many letters as bytes: ASCII letters only, so bytes are characters.
        let chars = if word.letters() == text.len() {
            text.len()
        } else {
            text.bytes().filter(|b| b & 0xC0 != 0x80).count()
        };
        let mut own: Option<LetterSet> = None;
        let mut paired = false;
        let mut same = NONE;
        let mut at = heads[bucket];
        while at != NONE {
            let here = at;
            let entry = &mut entries[at as usize];
            at = entry.next;
            if entry.initial != initial || entry.chars.abs_diff(chars) > 2 {
                continue;
            }
            if entry.text == text {
                // Its pairs were looked for when it was first met.
                same = here;
                break;
            }
            let theirs = *entry
                .letters
                .get_or_insert_with(|| LetterSet::of(entry.text));
            let ours = *own.get_or_insert_with(|| LetterSet::of(text));
            // At least one letter apart allowed: a stem beside its partner with an `s`.
            if ours.could_be_within(theirs, entry.chars.min(chars).max(4)) {
                entry.paired = true;
                paired = true;
            }
        }
        if same == NONE {
            same = entries.len() as u32;
            entries.push(Entry {
                text,
                initial,
                chars,
                letters: own,
                paired,
                next: heads[bucket],
            });
            heads[bucket] = same;
        }
        met.push((i, same));
    }
    met.into_iter()
        .filter(|&(_, e)| entries[e as usize].paired)
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::names::cap_words;
    use crate::facts::spelling::is_variant;

    fn paired(text: &str) -> Vec<&str> {
        let mut words = Vec::new();
        cap_words(text, 0, 0, &mut words);
        let found = paired_candidates(&words, |w| !w.all_caps && w.letters() >= 4);
        found.into_iter().map(|i| words[i].text).collect()
    }

    #[test]
    fn variants_and_apostrophe_partners_are_kept_the_rest_left_out() {
        let text = "Barrionuevo met Barrioneuvo and Britain. Ebber's car, Ebbers said; \
                    Cotterills' van and Cotterill. Renée and Renee saw Blair, Blair and NATO.";
        assert_eq!(
            paired(text),
            [
                "Barrionuevo",
                "Barrioneuvo",
                "Ebber",
                "Ebbers",
                "Cotterills",
                "Cotterill",
                "Renée",
                "Renee"
            ]
        );
    }

    #[test]
    fn every_pair_is_variant_allows_is_kept() {
        let names = [
            "Khodorkovsky",
            "Khordokovsky",
            "Smith",
            "Smyth",
            "Tarvenko",
            "Tarvenka",
            "Velmoria",
            "Velmorian",
            "Ahlberg",
            "Ahlborg",
            "Abbot",
            "Abbott",
            "Łukasz",
            "Lukasz",
            "Oneill",
            "O'Neill",
        ];
        let endings: Vec<String> = vec!["n".to_string()];
        for a in names {
            for b in names {
                if a != b && is_variant(a, b, &endings) {
                    assert_eq!(paired(&format!("{a} and {b}")), [a, b], "{a} {b}");
                }
            }
        }
    }
}

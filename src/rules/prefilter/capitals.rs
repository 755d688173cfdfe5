//! The literals that must be found with a leading capital ("AL", "Mr", "Jan"), found from
//! the capitals of the text: the automaton ignores case and would find "al", "mr" and
//! "jan" in every paragraph.

use super::walk::Hit;
use crate::text::eight_bytes::chunk;
use crate::text::words_block::{self, MaskBlocks};

/// The case-sensitive literals that start with a capital, by their first two bytes: a
/// capital in the text is looked up, not compared with every literal of its letter
/// (those of "M" are two dozen: "MA", "Mr", "Mar", "Mass." ...).
#[derive(Debug, Default)]
pub(super) struct Capitals {
    /// Where the candidates of each pair (`(capital - 'A') * 256 + next byte`) start in
    /// `candidates`, then those of each capital that ends the text (at `PAIRS + letter`);
    /// each ends where the next starts.
    starts: Vec<u32>,
    candidates: Vec<Candidate>,
    /// The texts of the candidates longer than eight bytes, end to end.
    long: Vec<u8>,
}

/// A literal a capital could start.
#[derive(Debug, Clone)]
struct Candidate {
    literal: u32,
    /// Its length.
    len: u32,
    /// Its first eight bytes (the first lowest), zero past its end, and a mask of those
    /// it has: a text of eight bytes holds it (if no longer) where they agree.
    head: u64,
    mask: u64,
    /// Where its text starts in [`Capitals::long`], if it is longer than eight bytes.
    long: u32,
}

/// The pairs a capital and a byte make.
const PAIRS: usize = 26 * 256;

impl Capitals {
    /// The literals (`(id, text)`) that start with a capital.
    pub(super) fn new<'l>(literals: impl IntoIterator<Item = (u32, &'l [u8])>) -> Self {
        let mut by_pair = vec![Vec::new(); PAIRS];
        let mut single = vec![Vec::new(); 26];
        let mut long = Vec::new();
        for (literal, text) in literals {
            let letter = usize::from(text[0] - b'A');
            let mut bytes = [0u8; 8];
            let head = text.len().min(8);
            bytes[..head].copy_from_slice(&text[..head]);
            let candidate = Candidate {
                literal,
                len: text.len() as u32,
                head: u64::from_le_bytes(bytes),
                mask: u64::MAX >> (64 - 8 * head),
                long: long.len() as u32,
            };
            if text.len() > 8 {
                long.extend_from_slice(text);
            }
            match text.get(1) {
                Some(&next) => by_pair[letter * 256 + usize::from(next)].push(candidate),
                None => single[letter].push(candidate),
            }
        }
        // A literal of a capital alone is a candidate of every pair of its letter too.
        for (letter, alone) in single.iter().enumerate() {
            for pair in &mut by_pair[letter * 256..(letter + 1) * 256] {
                pair.extend(alone.iter().cloned());
            }
        }
        let mut starts = Vec::with_capacity(PAIRS + 26 + 1);
        let mut candidates = Vec::new();
        for pair in by_pair.into_iter().chain(single) {
            starts.push(candidates.len() as u32);
            candidates.extend(pair);
        }
        starts.push(candidates.len() as u32);
        Self {
            starts,
            candidates,
            long,
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.candidates.is_empty()
    }

    /// The literals `rest` (text from a capital) could start with.
    fn candidates(&self, rest: &[u8]) -> &[Candidate] {
        let letter = usize::from(rest[0] - b'A');
        let at = match rest.get(1) {
            Some(&next) => letter * 256 + usize::from(next),
            None => PAIRS + letter,
        };
        &self.candidates[self.starts[at] as usize..self.starts[at + 1] as usize]
    }

    /// Whether `rest` starts with `candidate`'s text.
    fn starts(&self, rest: &[u8], candidate: &Candidate) -> bool {
        let len = candidate.len as usize;
        match chunk(rest, 0) {
            Some(word) if len <= 8 => word & candidate.mask == candidate.head,
            _ if len <= 8 => {
                let head = candidate.head.to_le_bytes();
                rest.starts_with(&head[..len])
            }
            _ => {
                let start = candidate.long as usize;
                rest.starts_with(&self.long[start..start + len])
            }
        }
    }
}

/// Push the occurrences of the literals that start with a capital, in order: the capitals
/// found a block at a time as a bit mask ([`MaskBlocks`]), and only each capital looked up.
/// (A scan eight bytes at a time, begun again after each capital, cost twice as much.)
#[inline(never)]
pub(super) fn from_capitals(haystack: &[u8], capitals: &Capitals, hits: &mut Vec<Hit>) {
    let mut starts = MaskBlocks::new(haystack, haystack.len(), words_block::capitals);
    let mut at = 0;
    loop {
        at = starts.first(at, true);
        let Some(rest) = haystack.get(at..).filter(|rest| !rest.is_empty()) else {
            return;
        };
        for candidate in capitals.candidates(rest) {
            if capitals.starts(rest, candidate) {
                hits.push((at, at + candidate.len as usize, candidate.literal));
            }
        }
        at += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every occurrence of every literal, position by position, sorted.
    fn one_by_one(haystack: &[u8], literals: &[(u32, &[u8])]) -> Vec<Hit> {
        let mut hits = Vec::new();
        for at in 0..haystack.len() {
            for &(literal, text) in literals {
                if haystack[at..].starts_with(text) {
                    hits.push((at, at + text.len(), literal));
                }
            }
        }
        hits.sort_unstable();
        hits
    }

    proptest::proptest! {
        #[test]
        fn the_capitals_find_what_a_search_at_every_place_finds(
            text in "(Mr|Mrs|M|Mass\\.|Massachusetts|Mass|MA|ma|A|AL|Al|Ala\\.|x| |\\.|\u{e9}){0,40}"
        ) {
            let literals: [(u32, &[u8]); 9] = [
                (0, b"Mr"), (1, b"Mrs"), (2, b"M"), (3, b"Mass."), (4, b"Massachusetts"),
                (5, b"MA"), (6, b"AL"), (7, b"Ala."), (8, b"Massachusetts Bay"),
            ];
            let capitals = Capitals::new(literals);
            let mut found = Vec::new();
            from_capitals(text.as_bytes(), &capitals, &mut found);
            // In order of start; the literals of one capital in any order.
            proptest::prop_assert!(found.is_sorted_by_key(|hit| hit.0));
            found.sort_unstable();
            proptest::prop_assert_eq!(found, one_by_one(text.as_bytes(), &literals));
        }
    }

    #[test]
    fn a_capital_that_ends_the_text_is_found_alone() {
        let literals: [(u32, &[u8]); 3] = [(0, b"M"), (1, b"Mr"), (2, b"Z")];
        let capitals = Capitals::new(literals);
        let mut found = Vec::new();
        from_capitals(b"Mr M Z", &capitals, &mut found);
        found.sort_unstable();
        assert_eq!(found, [(0, 1, 0), (0, 2, 1), (3, 4, 0), (5, 6, 2)]);
        assert!(Capitals::new([]).is_empty() && !capitals.is_empty());
    }
}

//! The prefilter's automaton copied into a transition table of its own, walked once the
//! first articles have been read with the NFA. Aho-Corasick's own DFA is such a table,
//! but walked through its `Automaton` trait it cost 13 instructions a byte (bounds checks,
//! its loop); here a byte costs a load of its class, one of the next state and one
//! compare, as every state with matches is numbered below the others.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::{Anchored, dfa::DFA};

use super::walk::{Hit, Literals, Walk, dfa, is_in_case};

/// Where the states end: a state is the place of its row in the table, a `u16`, so that
/// a state and a class (a `u8`) always fall inside the table and no index is checked.
/// The `news` and `ap` literals need 771 states of 44 classes, 33,924 places.
const STATES_END: usize = 1 << 16;

/// The places of the table: every state and class.
const PLACES: usize = STATES_END + 256;

/// Haystack halves shorter than this are walked in one: the second walk re-reads
/// [`Table::longest`] bytes and sets up a vector of its own.
const HALVES_FROM: usize = 256;

/// The automaton the prefilter walks after the first articles: the table, or where the
/// literals have too many states for one, Aho-Corasick's DFA.
#[derive(Debug)]
pub(super) enum Faster {
    Table(Table),
    Dfa(DFA),
}

impl Faster {
    /// The faster automaton of `nfa`, which holds `patterns` (see [`Table::new`]).
    pub(super) fn new(nfa: &impl Automaton, patterns: &[&[u8]], searched: &[u32]) -> Option<Self> {
        match Table::new(nfa, patterns, searched) {
            Some(table) => Some(Self::Table(table)),
            None => dfa(patterns).ok().map(Self::Dfa),
        }
    }
}

impl Walk for Faster {
    fn walk(&self, haystack: &[u8], literals: &Literals, hits: &mut Vec<Hit>) {
        match self {
            Self::Table(table) => table.walk(haystack, literals, hits),
            Self::Dfa(dfa) => dfa.walk(haystack, literals, hits),
        }
    }
}

impl Walk for Table {
    fn walk(&self, haystack: &[u8], literals: &Literals, hits: &mut Vec<Hit>) {
        Table::walk(self, haystack, literals, hits);
    }
}

/// A dense copy of an Aho-Corasick automaton that ignores ASCII case.
#[derive(Debug)]
pub(super) struct Table {
    /// The class of each byte: bytes that no literal holds in either case are one class,
    /// and the two cases of a letter another.
    classes: [u8; 256],
    /// The number of classes, the length of a row.
    stride: u16,
    /// The next state of each state and class, at `state + class`. A state is the place
    /// of its row, a multiple of the stride; places past the last row are never read.
    next: Box<[u16; PLACES]>,
    /// The states below this one have matches; the others have none.
    matching: u16,
    /// The state the walk starts in.
    start: u16,
    /// The matches of state `s` (`s < matching`) are
    /// `matches[first[s / stride]..first[s / stride + 1]]`.
    first: Vec<u32>,
    /// `(length, literal)` of each match.
    matches: Vec<(u32, u32)>,
    /// The longest literal's length: the state after a text is that after its last this
    /// many bytes, so a walk may start that far before where its hits start counting.
    longest: usize,
}

impl Table {
    /// The table of `automaton`, which finds `patterns` ignoring ASCII case, with each
    /// pattern's literal from `searched`; `None` if its rows do not end before
    /// [`STATES_END`]. Out of line, so that profiles show what it costs.
    #[inline(never)]
    pub(super) fn new(
        automaton: &impl Automaton,
        patterns: &[&[u8]],
        searched: &[u32],
    ) -> Option<Self> {
        let (classes, representatives) = classes(patterns);
        let stride = representatives.len();
        let start = automaton.start_state(Anchored::No).ok()?;
        // Every state reachable from the start, in the order first reached.
        let mut order: Vec<StateID> = vec![start];
        let mut place = rustc_hash::FxHashMap::default();
        place.insert(start, 0u32);
        let mut moves: Vec<u32> = Vec::new();
        let mut reached = 0;
        while let Some(&state) = order.get(reached) {
            reached += 1;
            for &byte in &representatives {
                let next = automaton.next_state(Anchored::No, state, byte);
                let known = place.len() as u32;
                let index = *place.entry(next).or_insert(known);
                if index == known {
                    order.push(next);
                    if order.len() * stride >= STATES_END {
                        return None;
                    }
                }
                moves.push(index);
            }
        }
        // Renumbered: the states with matches first, in the order reached.
        let mut renumbered = vec![0u32; order.len()];
        let mut first = vec![0u32];
        let mut matches = Vec::new();
        let mut rank = 0u32;
        for (index, &state) in order.iter().enumerate() {
            if automaton.is_match(state) {
                renumbered[index] = rank;
                rank += 1;
                for which in 0..automaton.match_len(state) {
                    let pattern = automaton.match_pattern(state, which);
                    let length = automaton.pattern_len(pattern) as u32;
                    matches.push((length, searched[pattern.as_usize()]));
                }
                first.push(matches.len() as u32);
            }
        }
        let matching = rank;
        for (index, &state) in order.iter().enumerate() {
            if !automaton.is_match(state) {
                renumbered[index] = rank;
                rank += 1;
            }
        }
        // Fits: the rows end at or before `STATES_END`.
        let row = |index: u32| (renumbered[index as usize] as usize * stride) as u16;
        let mut next: Box<[u16; PLACES]> = vec![0; PLACES].try_into().ok()?;
        for (index, targets) in moves.chunks_exact(stride).enumerate() {
            let from = usize::from(row(index as u32));
            for (class, &target) in targets.iter().enumerate() {
                next[from + class] = row(target);
            }
        }
        Some(Self {
            classes,
            stride: stride as u16,
            next,
            matching: (matching as usize * stride) as u16,
            start: row(0),
            first,
            longest: patterns.iter().map(|p| p.len()).max().unwrap_or(0),
            matches,
        })
    }

    /// Push `(start, end, literal)` of every occurrence in `haystack` of the table's
    /// literals, in order of end.
    ///
    /// A long haystack is walked as two halves at once. Each byte's step waits on the
    /// last one's (a load of its class, then of the next state), so one walk leaves the
    /// processor idle most of the time; two walks that do not wait on each other fill it.
    /// The second half is walked from [`Table::longest`] bytes before it, in the start
    /// state, and is in the state a walk from the start would be in by the time the half
    /// begins; it keeps only the occurrences that end in it. (Four quarters at once were
    /// slower than two halves: a quarter of an article is short.)
    #[inline(never)]
    pub(super) fn walk(&self, haystack: &[u8], literals: &Literals, hits: &mut Vec<Hit>) {
        let half = haystack.len() / 2;
        let lead = self.longest;
        if half < HALVES_FROM.max(lead + 1) {
            self.walk_range(self.start, haystack, 0, haystack.len(), literals, hits);
            return;
        }
        // The first walk reads `haystack[..half]`; the second as many bytes from `lead`
        // before the half, and then on alone to the end.
        let second = half - lead;
        let (first_bytes, second_bytes) = (&haystack[..half], &haystack[second..second + half]);
        let mut later: Vec<Hit> = Vec::new();
        let (mut a, mut b) = (self.start, self.start);
        for (at, (&x, &y)) in first_bytes.iter().zip(second_bytes).enumerate() {
            a = self.step(a, x);
            b = self.step(b, y);
            if a < self.matching {
                self.push_matches(a, at + 1, haystack, literals, hits);
            }
            // The second walk's first `lead` ends are the first half's.
            if b < self.matching && at >= lead {
                self.push_matches(b, second + at + 1, haystack, literals, &mut later);
            }
        }
        let end = haystack.len();
        self.walk_range(b, haystack, second + half, end, literals, &mut later);
        hits.append(&mut later);
    }

    /// Walk `haystack[from..to]` on from `state` (the state after the bytes before
    /// `from`), pushing each occurrence that ends there.
    fn walk_range(
        &self,
        mut state: u16,
        haystack: &[u8],
        from: usize,
        to: usize,
        literals: &Literals,
        hits: &mut Vec<Hit>,
    ) {
        // Eight bytes a turn, so the loop's own count and compare are paid once for them.
        let mut chunks = haystack[from..to].chunks_exact(8);
        let mut base = from;
        for chunk in &mut chunks {
            for (offset, &byte) in chunk.iter().enumerate() {
                state = self.step(state, byte);
                if state < self.matching {
                    self.push_matches(state, base + offset + 1, haystack, literals, hits);
                }
            }
            base += 8;
        }
        for (offset, &byte) in chunks.remainder().iter().enumerate() {
            state = self.step(state, byte);
            if state < self.matching {
                self.push_matches(state, base + offset + 1, haystack, literals, hits);
            }
        }
    }

    /// The state after `state` on `byte`.
    #[inline(always)]
    fn step(&self, state: u16, byte: u8) -> u16 {
        self.next[usize::from(state) + usize::from(self.classes[usize::from(byte)])]
    }

    /// Push the occurrences ending at `end` that `state` (one with matches) stands for.
    #[inline(never)]
    fn push_matches(
        &self,
        state: u16,
        end: usize,
        haystack: &[u8],
        literals: &Literals,
        hits: &mut Vec<Hit>,
    ) {
        let index = usize::from(state / self.stride);
        let matches = &self.matches[self.first[index] as usize..self.first[index + 1] as usize];
        for &(length, literal) in matches {
            let start = end - length as usize;
            if is_in_case(literals, literal, &haystack[start..end]) {
                hits.push((start, end, literal));
            }
        }
    }
}

/// The class of each byte, and a byte of each class. Bytes that no pattern holds (in
/// either case) are class 0: from every state they lead back to the start.
fn classes(patterns: &[&[u8]]) -> ([u8; 256], Vec<u8>) {
    let mut classes = [0u8; 256];
    let mut held = [false; 256];
    // Class 0 first, read through a byte no pattern holds (if every byte is held, no byte
    // is of class 0 and its transitions are never read).
    let mut representatives = vec![0u8];
    for &byte in patterns.iter().flat_map(|p| p.iter()) {
        let folded = byte.to_ascii_lowercase();
        if !held[usize::from(folded)] {
            // At most 230 bytes differ once folded: the class fits a byte.
            let class = representatives.len() as u8;
            representatives.push(folded);
            for case in [folded, folded.to_ascii_uppercase()] {
                held[usize::from(case)] = true;
                classes[usize::from(case)] = class;
            }
        }
    }
    if let Some(unheld) = (0..=255u8).find(|&byte| !held[usize::from(byte)]) {
        representatives[0] = unheld;
    }
    (classes, representatives)
}

#[cfg(test)]
mod tests {
    use aho_corasick::nfa::contiguous::NFA;

    use super::super::capitals::Capitals;
    use super::super::walk::nfa;
    use super::*;

    /// The news and ap prefilter's text of `pieces`: `(choice, case)` picks one of its
    /// literals (its letters' case flipped by the bits of `case`) or, one time in four, the
    /// byte `case` itself.
    fn text_of(patterns: &[&[u8]], pieces: &[(u16, u8)]) -> Vec<u8> {
        let mut text = Vec::new();
        for &(choice, case) in pieces {
            if choice % 4 == 0 {
                text.push(case);
                continue;
            }
            let literal = patterns[usize::from(choice) % patterns.len()];
            text.extend(literal.iter().enumerate().map(|(i, &b)| {
                if case >> (i % 8) & 1 == 1 {
                    b.to_ascii_uppercase()
                } else {
                    b
                }
            }));
        }
        text
    }

    /// The news and ap rules, compiled once for every case of the property.
    static NEWS_AND_AP: std::sync::LazyLock<crate::rules::RuleSet> =
        std::sync::LazyLock::new(|| {
            crate::rules::builtin_rules(&["news", "ap"]).expect("packs compile")
        });

    /// The news and ap prefilter, its automaton and the table of that automaton.
    fn news_and_ap() -> (&'static super::super::Prefilter, &'static NFA, Table) {
        let prefilter = NEWS_AND_AP.prefilter();
        let automaton = prefilter
            .automaton
            .as_ref()
            .expect("news and ap have literals");
        let table =
            Table::new(automaton, &prefilter.patterns(), &prefilter.searched).expect("fits");
        (prefilter, automaton, table)
    }

    proptest::proptest! {
        #[test]
        fn the_table_walk_finds_what_the_automaton_walk_finds(
            pieces in proptest::collection::vec(
                (proptest::prelude::any::<u16>(), proptest::prelude::any::<u8>()),
                // Up to a few kilobytes: long enough to be walked in two halves.
                0..800,
            )
        ) {
            let (prefilter, automaton, table) = news_and_ap();
            let patterns = prefilter.patterns();
            let text = text_of(&patterns, &pieces);
            let literals = prefilter.walked();
            let (mut by_nfa, mut by_table) = (Vec::new(), Vec::new());
            automaton.walk(&text, &literals, &mut by_nfa);
            table.walk(&text, &literals, &mut by_table);
            proptest::prop_assert_eq!(by_table, by_nfa);
        }
    }

    #[test]
    fn an_occurrence_across_the_halves_is_found_once() {
        // The longest literal (and the shorter ones inside it) at every place around the
        // middle of texts of both parities, where the two walks meet.
        let (prefilter, automaton, table) = news_and_ap();
        let patterns = prefilter.patterns();
        let longest = patterns.iter().max_by_key(|p| p.len()).expect("literals");
        assert_eq!(table.longest, longest.len());
        let literals = prefilter.walked();
        for len in [2 * HALVES_FROM + 40, 2 * HALVES_FROM + 41] {
            for place in len / 2 - 2 * longest.len()..len / 2 + longest.len() {
                let mut text = vec![b'~'; len];
                text[place..place + longest.len()].copy_from_slice(longest);
                let (mut by_nfa, mut by_table) = (Vec::new(), Vec::new());
                automaton.walk(&text, &literals, &mut by_nfa);
                table.walk(&text, &literals, &mut by_table);
                assert!(!by_nfa.is_empty());
                assert_eq!(by_table, by_nfa, "{len} bytes, the literal at {place}");
            }
        }
    }

    #[test]
    fn bytes_of_every_kind_move_the_table_as_they_move_the_automaton() {
        // A NUL, bytes beyond ASCII, a digit and letters in literals; the rest in none.
        let patterns: [&[u8]; 5] = [b"a\0b", "caf\u{e9}".as_bytes(), b"9 x", b"ab", b"b"];
        let searched = [0, 1, 2, 3, 4];
        let exact = vec![None; 5];
        let capitals = Capitals::default();
        let literals = Literals {
            searched: &searched,
            exact: &exact,
            capitals: &capitals,
        };
        let automaton = nfa(&patterns).expect("builds");
        let table = Table::new(&automaton, &patterns, &searched).expect("fits");
        let mut text: Vec<u8> = (0..=255u8).collect();
        text.extend_from_slice("CAF\u{c9} Caf\u{e9} A\0B 9 X ab\0b".as_bytes());
        text.extend((0..=255u8).rev());
        let (mut by_nfa, mut by_table) = (Vec::new(), Vec::new());
        automaton.walk(&text, &literals, &mut by_nfa);
        table.walk(&text, &literals, &mut by_table);
        assert!(by_nfa.len() > 5, "{by_nfa:?}");
        assert_eq!(by_table, by_nfa);
    }

    #[test]
    fn the_table_is_the_automaton_renumbered() {
        // Both walked together over every byte from every state reached: each state of
        // the table stands for one of the automaton, with the same matches.
        let (prefilter, automaton, table) = news_and_ap();
        let start = automaton.start_state(Anchored::No).expect("unanchored");
        let mut standing = rustc_hash::FxHashMap::default();
        standing.insert(table.start, start);
        let mut todo = vec![(table.start, start)];
        while let Some((ours, theirs)) = todo.pop() {
            for byte in 0..=255u8 {
                let next = (
                    table.step(ours, byte),
                    automaton.next_state(Anchored::No, theirs, byte),
                );
                match standing.get(&next.0) {
                    Some(&known) => assert_eq!(known, next.1, "state {}", next.0),
                    None => {
                        standing.insert(next.0, next.1);
                        todo.push(next);
                    }
                }
            }
            let ours_match = ours < table.matching;
            assert_eq!(ours_match, automaton.is_match(theirs), "state {ours}");
            if ours_match {
                let matches: Vec<(u32, u32)> = (0..automaton.match_len(theirs))
                    .map(|which| {
                        let pattern = automaton.match_pattern(theirs, which);
                        let length = automaton.pattern_len(pattern) as u32;
                        (length, prefilter.searched[pattern.as_usize()])
                    })
                    .collect();
                let index = usize::from(ours / table.stride);
                let range = table.first[index] as usize..table.first[index + 1] as usize;
                assert_eq!(table.matches[range], matches[..], "state {ours}");
            }
        }
        let matching = standing.keys().filter(|&&state| state < table.matching);
        assert_eq!(
            matching.count(),
            table.first.len() - 1,
            "every state with matches"
        );
    }

    #[test]
    fn an_automaton_of_too_many_states_gets_no_table_but_a_dfa() {
        let words: Vec<Vec<u8>> = (0..4000u32)
            .map(|n| format!("{:x}q{}z", n.wrapping_mul(2_654_435_761), n).into_bytes())
            .collect();
        let patterns: Vec<&[u8]> = words.iter().map(Vec::as_slice).collect();
        let searched: Vec<u32> = (0..patterns.len() as u32).collect();
        let automaton = nfa(&patterns).expect("builds");
        assert!(Table::new(&automaton, &patterns, &searched).is_none());
        assert!(dfa(&patterns).is_ok());
    }
}

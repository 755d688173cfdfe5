//! The prefilter's scan of one text: the Aho-Corasick automaton of its literals walked a
//! byte at a time, and the literals that must be found with a leading capital ("AL",
//! "Mr", "Jan") found from the capitals of the text instead ([`super::capitals`]).

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::{Anchored, MatchKind, dfa::DFA, nfa::contiguous::NFA};

use super::capitals::{Capitals, from_capitals};

/// What the walk needs of the prefilter's literals.
pub(super) struct Literals<'a> {
    /// For each pattern of the automaton, its literal's id.
    pub searched: &'a [u32],
    /// For each literal of a case-sensitive rule, the case it must be found in.
    pub exact: &'a [Option<Vec<u8>>],
    /// The case-sensitive literals that start with a capital.
    pub capitals: &'a Capitals,
}

/// `(start, end, literal)` of an occurrence.
pub(super) type Hit = (usize, usize, u32);

/// Push `(start, end, literal)` of every occurrence in `haystack` of every literal: those
/// of the automaton in order of end, then those found from capitals in order. Through
/// `AhoCorasick`'s overlapping iterator, every occurrence cost a return from the search
/// and a new call: half a million per BBC pass, as case-sensitive rules' "AL", "Co" and
/// "Ne" were found as "al", "co" and "ne" and thrown away. Those starting with a capital
/// are now found from the capitals alone, which are few.
pub(super) fn occurrences(
    automaton: &impl Walk,
    haystack: &[u8],
    literals: &Literals,
    hits: &mut Vec<Hit>,
) {
    automaton.walk(haystack, literals, hits);
    if !literals.capitals.is_empty() {
        from_capitals(haystack, literals.capitals, hits);
    }
}

/// An automaton of the literals walked over a text.
pub(super) trait Walk {
    /// Push `(start, end, literal)` of every occurrence in `haystack` of the literals the
    /// automaton holds, in order of end.
    fn walk(&self, haystack: &[u8], literals: &Literals, hits: &mut Vec<Hit>);
}

impl Walk for NFA {
    fn walk(&self, haystack: &[u8], literals: &Literals, hits: &mut Vec<Hit>) {
        walk(self, haystack, literals, hits);
    }
}

impl Walk for DFA {
    fn walk(&self, haystack: &[u8], literals: &Literals, hits: &mut Vec<Hit>) {
        walk(self, haystack, literals, hits);
    }
}

#[inline(never)]
fn walk(automaton: &impl Automaton, haystack: &[u8], literals: &Literals, hits: &mut Vec<Hit>) {
    let Ok(mut state) = automaton.start_state(Anchored::No) else {
        return;
    };
    // Kept to a few instructions a byte (inlined into the scan, its state went to the
    // stack): each occurrence is read out of line.
    for (at, &byte) in haystack.iter().enumerate() {
        state = automaton.next_state(Anchored::No, state, byte);
        if automaton.is_special(state) {
            push_matches(automaton, state, at + 1, haystack, literals, hits);
        }
    }
}

/// Push the occurrences ending at `end` that `state` (a special state) stands for.
#[inline(never)]
fn push_matches(
    automaton: &impl Automaton,
    state: StateID,
    end: usize,
    haystack: &[u8],
    literals: &Literals,
    hits: &mut Vec<Hit>,
) {
    if !automaton.is_match(state) {
        return;
    }
    for index in 0..automaton.match_len(state) {
        let pattern = automaton.match_pattern(state, index);
        let start = end - automaton.pattern_len(pattern);
        let literal = literals.searched[pattern.as_usize()];
        if is_in_case(literals, literal, &haystack[start..end]) {
            hits.push((start, end, literal));
        }
    }
}

/// Whether `found`, an occurrence of `literal` in any case, is in the case the literal
/// must be found in (if it must).
#[inline]
pub(super) fn is_in_case(literals: &Literals, literal: u32, found: &[u8]) -> bool {
    match literals.exact.get(literal as usize) {
        Some(Some(case)) => found == &case[..],
        _ => true,
    }
}

/// The literals as an NFA. Overlapping search (every literal at every position) needs the
/// standard match kind; the literals are lower case and the search ignores ASCII case.
/// No prefilter: the scan walks every byte, and one would only mark the start state
/// special.
pub(super) fn nfa(literals: &[&[u8]]) -> Result<NFA, aho_corasick::BuildError> {
    NFA::builder()
        .match_kind(MatchKind::Standard)
        .ascii_case_insensitive(true)
        .prefilter(false)
        .build(literals)
}

/// The literals as a DFA, as [`nfa`] builds them.
pub(super) fn dfa(literals: &[&[u8]]) -> Result<DFA, aho_corasick::BuildError> {
    DFA::builder()
        .match_kind(MatchKind::Standard)
        .ascii_case_insensitive(true)
        .prefilter(false)
        .build(literals)
}

#[cfg(test)]
mod tests {
    use super::super::DFA_AFTER;
    use super::super::table::Table;
    use super::*;
    use crate::article::Document;

    #[test]
    fn the_dfa_finds_what_the_nfa_finds() {
        let rules = crate::rules::builtin_rules(&["news", "ap"]).expect("packs compile");
        let prefilter = rules.prefilter();
        let text = "# Vote\n\nThe mayor stated on Sept 5 that 3 per cent, or $5.00, rose 12%.\n";
        let doc =
            Document::parse(text.repeat(4000), crate::article::Format::Markdown).expect("parses");
        assert!(doc.source().len() > DFA_AFTER);
        let first = prefilter.scan(&doc);
        assert!(
            prefilter.dfa.get().is_none(),
            "the first article is read by the NFA"
        );
        let second = prefilter.scan(&doc);
        assert!(matches!(
            prefilter.dfa.get(),
            Some(Some(super::super::table::Faster::Table(_)))
        ));
        assert!(!first.occurrences.is_empty());
        assert_eq!(first.occurrences, second.occurrences);
        assert_eq!(first.first, second.first);
    }

    #[test]
    fn the_walk_finds_what_the_overlapping_search_finds() {
        let rules = crate::rules::builtin_rules(&["news", "ap"]).expect("packs compile");
        let prefilter = rules.prefilter();
        let text = "The Mayor of Calif. said he, on Monday, that 3 per cent of US and UK \
                    firms, or $5.00 a.m., rose 12% amongst CO2 e-mail users in the morning.";
        let reference = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::Standard)
            .ascii_case_insensitive(true)
            .build(&prefilter.literals)
            .expect("builds");
        let mut expected: Vec<(usize, usize, u32)> = Vec::new();
        for m in reference.find_overlapping_iter(text) {
            let literal = m.pattern().as_u32();
            if let Some(Some(case)) = &prefilter.exact.get(literal as usize)
                && text.as_bytes()[m.range()] != case[..]
            {
                continue;
            }
            expected.push((m.start(), m.end(), literal));
        }
        assert!(expected.len() > 20, "{expected:?}");
        assert!(
            !prefilter.capitals.is_empty(),
            "some are found from capitals"
        );
        let nfa = prefilter
            .automaton
            .as_ref()
            .expect("news and ap have literals");
        let patterns = prefilter.patterns();
        let dfa = dfa(&patterns).expect("builds");
        let table = Table::new(nfa, &patterns, &prefilter.searched).expect("fits");
        let (mut by_nfa, mut by_dfa, mut by_table) = (Vec::new(), Vec::new(), Vec::new());
        let literals = prefilter.walked();
        occurrences(nfa, text.as_bytes(), &literals, &mut by_nfa);
        occurrences(&dfa, text.as_bytes(), &literals, &mut by_dfa);
        occurrences(&table, text.as_bytes(), &literals, &mut by_table);
        for found in [&mut expected, &mut by_nfa, &mut by_dfa, &mut by_table] {
            found.sort_unstable();
        }
        assert_eq!(by_nfa, expected);
        assert_eq!(by_dfa, expected);
        assert_eq!(by_table, expected);
    }
}

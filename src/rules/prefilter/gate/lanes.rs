//! The gate's units walked two at a time. Each byte's transition waits on the one before
//! it (a load of the byte's class, then of the next state), so one walk leaves the
//! processor idle most of the time; two walks that do not wait on each other fill it.
//! Each lane takes the next unit as soon as it is done with its own.
//!
//! The lazy DFA may clear its cache when it adds a state, and a cleared cache keeps only
//! the state of the walk that added it: the other lane's state is then gone. That lane's
//! unit is then walked again on its own from its start (the patterns it had marked still
//! match there), once the lane that kept its state is done. A cache of
//! [`super::CACHE_CAPACITY`] is seldom cleared.

use regex_automata::hybrid::LazyStateID;
use regex_automata::hybrid::dfa::Cache;
use regex_automata::{Input, PatternSet};

use super::Automaton;

/// A unit being walked.
struct Lane<'t> {
    /// Its number, as the caller gave it.
    unit: usize,
    text: &'t str,
    /// The bytes read so far.
    at: usize,
    /// The state after them.
    state: LazyStateID,
}

impl Automaton {
    /// [`Automaton::which`] of each of `texts` (`(number, text)`), walked two at a time;
    /// `answer` is given each text's number, whether the automaton could say, and the
    /// patterns that match in it, in the order the texts are done.
    pub(super) fn which_each<'t>(
        &self,
        cache: &mut Cache,
        texts: impl IntoIterator<Item = (usize, &'t str)>,
        patterns: usize,
        mut answer: impl FnMut(usize, bool, &PatternSet),
    ) {
        let mut texts = texts.into_iter();
        let mut lanes: [Option<Lane<'t>>; 2] = [None, None];
        let mut sets = [PatternSet::new(patterns), PatternSet::new(patterns)];
        loop {
            // Every empty lane takes the next unit (a clearing may empty both).
            while let Some(k) = lanes.iter().position(Option::is_none) {
                let Some((unit, text)) = texts.next() else {
                    break;
                };
                let clears = cache.clear_count();
                match self.dfa.start_state_forward(cache, &Input::new(text)) {
                    Ok(state) => {
                        lanes[k] = Some(Lane {
                            unit,
                            text,
                            at: 0,
                            state,
                        });
                    }
                    Err(_) => answer(unit, false, &sets[k]),
                }
                if cache.clear_count() != clears {
                    self.settle(cache, k, &mut lanes, &mut sets, &mut answer);
                }
            }
            let alone = match &lanes {
                [None, None] => return,
                [Some(_), Some(_)] => None,
                [Some(_), None] => Some(0),
                [None, Some(_)] => Some(1),
            };
            if let Some(k) = alone {
                // The last unit (every other is done): on alone, with the patterns its lane
                // has marked.
                let mut last = lanes[k].take().expect("walking");
                let answered = self.walk_on(cache, &mut last, &mut sets[k]);
                answer(last.unit, answered, &sets[k]);
                sets[k].clear();
                continue;
            }
            let [Some(a), Some(b)] = &mut lanes else {
                unreachable!("both lanes are walking");
            };
            self.run_both(cache, a, b);
            for k in 0..2 {
                let Some(lane) = lanes[k].as_mut() else {
                    continue;
                };
                let clears = cache.clear_count();
                if let Some(answered) = self.step(cache, lane, &mut sets[k]) {
                    let lane = lanes[k].take().expect("walking");
                    answer(lane.unit, answered, &sets[k]);
                    sets[k].clear();
                }
                if cache.clear_count() != clears {
                    self.settle(cache, k, &mut lanes, &mut sets, &mut answer);
                }
            }
        }
    }

    /// Read both lanes on while neither meets a tagged state (a match, the dead or quit
    /// state, one not built yet) or the end of its text.
    fn run_both(&self, cache: &Cache, a: &mut Lane, b: &mut Lane) {
        if a.state.is_tagged() || b.state.is_tagged() {
            return;
        }
        let (x, y) = (&a.text.as_bytes()[a.at..], &b.text.as_bytes()[b.at..]);
        let mut read = 0;
        for (&byte_a, &byte_b) in x.iter().zip(y) {
            let next_a = self.dfa.next_state_untagged(cache, a.state, byte_a);
            let next_b = self.dfa.next_state_untagged(cache, b.state, byte_b);
            if next_a.is_tagged() || next_b.is_tagged() {
                break;
            }
            (a.state, b.state) = (next_a, next_b);
            read += 1;
        }
        a.at += read;
        b.at += read;
    }

    /// One byte of `lane` read through the cache, building its state if need be, or the
    /// end of its text: `Some(answered)` once the lane is done.
    fn step(&self, cache: &mut Cache, lane: &mut Lane, set: &mut PatternSet) -> Option<bool> {
        let dfa = &self.dfa;
        let Some(&byte) = lane.text.as_bytes().get(lane.at) else {
            let Ok(end) = dfa.next_eoi_state(cache, lane.state) else {
                return Some(false);
            };
            if end.is_match() {
                self.mark(cache, end, set);
            }
            return Some(!end.is_quit());
        };
        let Ok(next) = dfa.next_state(cache, lane.state, byte) else {
            return Some(false);
        };
        lane.at += 1;
        lane.state = next;
        if next.is_match() {
            self.mark(cache, next, set);
        } else if next.is_dead() {
            return Some(true);
        } else if next.is_quit() {
            return Some(false);
        }
        None
    }

    /// Both lanes' units done after lane `k` cleared the cache: that lane (its state
    /// kept by the clearing) walks to its end on its own, and then the other lane, whose
    /// state was lost, walks its unit again from the start. Neither walk leaves a state
    /// behind that a clearing could lose.
    fn settle<'t>(
        &self,
        cache: &mut Cache,
        k: usize,
        lanes: &mut [Option<Lane<'t>>; 2],
        sets: &mut [PatternSet; 2],
        answer: &mut impl FnMut(usize, bool, &PatternSet),
    ) {
        if let Some(mut kept) = lanes[k].take() {
            let answered = self.walk_on(cache, &mut kept, &mut sets[k]);
            answer(kept.unit, answered, &sets[k]);
            sets[k].clear();
        }
        if let Some(lost) = lanes[1 - k].take() {
            let answered = self.which(cache, lost.text, &mut sets[1 - k]);
            answer(lost.unit, answered, &sets[1 - k]);
            sets[1 - k].clear();
        }
    }

    /// Mark in `set` the patterns that match somewhere in `text`, with `cache` (this
    /// automaton's); `false` when the automaton could not say.
    ///
    /// A walk of our own over the lazy DFA's transitions rather than its overlapping
    /// search, which cost 23 instructions a byte on the BBC archive to this walk's 14: the
    /// gated patterns seldom match, so nearly every byte is one untagged transition.
    pub(super) fn which(&self, cache: &mut Cache, text: &str, set: &mut PatternSet) -> bool {
        let Ok(state) = self.dfa.start_state_forward(cache, &Input::new(text)) else {
            return false;
        };
        let mut lane = Lane {
            unit: 0,
            text,
            at: 0,
            state,
        };
        self.walk_on(cache, &mut lane, set)
    }

    /// Read `bytes` on from the untagged `state` until a transition is tagged: how many
    /// were read, and the state after them. Through a shared borrow of the cache, so that
    /// the transition table's place is loaded once for the run, not once a byte.
    fn run_one(&self, cache: &Cache, mut state: LazyStateID, bytes: &[u8]) -> (usize, LazyStateID) {
        let mut read = 0;
        // Eight bytes a turn, so that the loop's own count and compare are paid once for
        // them rather than once a byte: 43 M instructions a pass of the BBC archive (`news`
        // and `ap`) against 67 M a byte at a time.
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            for (offset, &byte) in chunk.iter().enumerate() {
                let next = self.dfa.next_state_untagged(cache, state, byte);
                if next.is_tagged() {
                    return (read + offset, state);
                }
                state = next;
            }
            read += 8;
        }
        for &byte in chunks.remainder() {
            let next = self.dfa.next_state_untagged(cache, state, byte);
            if next.is_tagged() {
                break;
            }
            state = next;
            read += 1;
        }
        (read, state)
    }

    /// Walk `lane` to the end of its text on its own: [`Automaton::which`] from where the
    /// lane stands.
    fn walk_on(&self, cache: &mut Cache, lane: &mut Lane, set: &mut PatternSet) -> bool {
        loop {
            if !lane.state.is_tagged() {
                let (read, state) =
                    self.run_one(cache, lane.state, &lane.text.as_bytes()[lane.at..]);
                lane.at += read;
                lane.state = state;
            }
            if let Some(answered) = self.step(cache, lane, set) {
                return answered;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use regex_syntax::hir::Hir;

    use super::*;
    use crate::rules::lazy_regex::parse_for_build;

    /// The patterns of the tests: words, times, a look-around at either edge.
    fn syntax() -> Vec<Hir> {
        [
            r"\bSept\b",
            r"(?i)\b\d+\s?(am|pm)\b",
            r"\bstated\b",
            r"\A\d",
            r"ly\z",
            r"[a-z]{9}",
        ]
        .iter()
        .map(|p| parse_for_build(p, false).expect("parses"))
        .collect()
    }

    /// Texts of every length up to a few hundred bytes, from a few words picked by a
    /// fixed sequence, so that matches fall at every place and next to the ends.
    fn texts() -> Vec<String> {
        let words = [
            "Sept",
            "9am",
            "stated",
            "4",
            "gladly",
            "reinstated",
            "the",
            "pm",
            "12 PM",
        ];
        let mut seed = 7u32;
        (0..120)
            .map(|n| {
                let mut text = String::new();
                for _ in 0..n % 40 {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    text.push_str(words[(seed >> 16) as usize % words.len()]);
                    text.push(if seed & 1 == 0 { ' ' } else { ',' });
                }
                text
            })
            .collect()
    }

    /// Whether the automaton could say, and the patterns that match, for each text.
    type Answers = Vec<(bool, Vec<usize>)>;

    /// Each text's answer, walked one at a time and two at a time.
    fn both_ways(automaton: &Automaton) -> (Answers, Answers) {
        let texts = texts();
        let patterns = syntax().len();
        let mut cache = automaton.caches.get();
        let alone: Answers = texts
            .iter()
            .map(|text| {
                let mut set = PatternSet::new(patterns);
                let answered = automaton.which(&mut cache, text, &mut set);
                (answered, set.iter().map(|p| p.as_usize()).collect())
            })
            .collect();
        let mut paired = vec![(false, Vec::new()); texts.len()];
        let numbered = texts.iter().enumerate().map(|(i, t)| (i, t.as_str()));
        automaton.which_each(&mut cache, numbered, patterns, |unit, answered, set| {
            paired[unit] = (answered, set.iter().map(|p| p.as_usize()).collect());
        });
        (alone, paired)
    }

    #[test]
    fn two_lanes_answer_as_one_walk_does() {
        let automaton = Automaton::new(&syntax()).expect("builds");
        let (alone, paired) = both_ways(&automaton);
        assert!(alone.iter().all(|(answered, _)| *answered));
        assert!(
            alone.iter().filter(|(_, set)| set.len() > 2).count() > 20,
            "{alone:?}"
        );
        assert_eq!(paired, alone);
    }

    #[test]
    fn a_cleared_cache_changes_no_answer() {
        // The least cache the lazy DFA works with is cleared again and again, and each
        // clearing loses the other lane's state.
        let automaton = Automaton::with_cache(&syntax(), None).expect("builds");
        let (alone, paired) = both_ways(&automaton);
        let (truth, _) = both_ways(&Automaton::new(&syntax()).expect("builds"));
        assert_eq!(alone, truth);
        let cache = automaton.caches.get();
        assert!(cache.clear_count() > 10, "{}", cache.clear_count());
        assert_eq!(paired, alone);
    }
}

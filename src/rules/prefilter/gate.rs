//! The gate: one lazy DFA of every regex rule's patterns, searched once over each prose
//! unit (headline, dek, subheading, body paragraph), tells which of those rules match in
//! that unit at all. A rule's own regex then searches only the units where it matches.
//!
//! The literal prefilter places a rule by one of its literals, and some literals are in
//! nearly every paragraph ("am" of "a.m.", "year" of an age, digits): those rules searched
//! almost every unit to find a match in few, and each search cost its set-up as well as
//! its bytes. The gate reads each byte once for all of them.
//!
//! The gate never changes a finding. It is searched on each unit as its own haystack, as
//! a gated rule searches it, with the rule's own syntax: groups not compiled (they change no
//! match), look-around kept (a rule's `\b` is ASCII, which the lazy DFA reads on any text).
//! An ASCII unit is read by an automaton of the rules' classes narrowed to ASCII
//! ([`crate::rules::narrow`]), which matches there exactly as written. Any other unit is read
//! by one whose classes are widened instead: each class that holds a character beyond ASCII
//! holds all of them ([`widened`]). It matches wherever the rule does, so it can only let a
//! rule search a unit it need not have, and it has few states: the classes of Unicode copy
//! (`\p{Lu}`, case folding) cost 100 M instructions of states on the first pass over the
//! BBC archive as written, for the 7% of its units that are not ASCII.
//!
//! Measured on the BBC archive with `news` and `ap` (callgrind, `check -j 1 --format json`,
//! the gate built after 1 MB): reading the units that are not ASCII as well took a steady
//! pass from 741.6 M instructions to 719.1 M, mostly rule searches not made.

use std::fmt;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};

use regex_automata::hybrid::LazyStateID;
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::pool::Pool;
use regex_automata::{MatchKind, PatternSet};
use regex_syntax::hir::Hir;

use super::Slot;
use crate::lint::Unit;
use crate::rules::Rule;
use crate::rules::lazy_regex::parse_for_build;
use crate::rules::narrow::{Reach, narrowed, widened};

/// Source text linted before the gate is built. Measured on the BBC archive with `news`
/// and `ap` (`check -j 1 --format json` under callgrind, the gate built after 1 MB): the
/// build and the states its automaton adds on the first pass cost about 60 M
/// instructions more than the gate saves on that pass (1,219.9 M without a gate, 1,252.2 M
/// with), and each later pass of the 5 MB archive costs 31 M less (817.3 M a pass, 786.1 M).
/// It pays for itself after about 15 MB, so a run shorter than that never builds it.
const GATE_AFTER: usize = 16 << 20;

/// The NFA size limit of the gate: the `ap` pack's patterns take about 1 MB.
const NFA_SIZE_LIMIT: usize = 32 << 20;
/// The lazy DFA's cache, per thread and automaton. When it fills, it is cleared and the
/// search goes on: slower, never wrong.
const CACHE_CAPACITY: usize = 32 << 20;

type Caches = Pool<Cache, Box<dyn Fn() -> Cache + Send + Sync>>;

/// One automaton of the gated rules' patterns and its per-thread caches.
struct Automaton {
    dfa: DFA,
    caches: Caches,
}

impl Automaton {
    fn new(syntax: &[Hir]) -> Option<Self> {
        Self::with_cache(syntax, Some(CACHE_CAPACITY))
    }

    /// The automaton of `syntax` with a cache of `capacity` bytes, or the least the lazy
    /// DFA can work with (`None`: tests that its cache is cleared do not change a match).
    fn with_cache(syntax: &[Hir], capacity: Option<usize>) -> Option<Self> {
        let nfa = thompson::Compiler::new()
            .configure(
                thompson::Config::new()
                    // Groups change no match, so none is compiled.
                    .which_captures(WhichCaptures::None)
                    .nfa_size_limit(Some(NFA_SIZE_LIMIT)),
            )
            .build_many_from_hir(syntax)
            .ok()?;
        let dfa = DFA::builder()
            .configure(
                DFA::config()
                    .match_kind(MatchKind::All)
                    .cache_capacity(capacity.unwrap_or(0))
                    .skip_cache_capacity_check(capacity.is_none())
                    .minimum_cache_clear_count(None)
                    .unicode_word_boundary(true),
            )
            .build_from_nfa(nfa)
            .ok()?;
        let template = dfa.clone();
        let create: Box<dyn Fn() -> Cache + Send + Sync> =
            Box::new(move || template.create_cache());
        Some(Self {
            dfa,
            caches: Pool::new(create),
        })
    }

    /// Mark the patterns of match state `state`.
    fn mark(&self, cache: &Cache, state: LazyStateID, set: &mut PatternSet) {
        for index in 0..self.dfa.match_len(cache, state) {
            set.insert(self.dfa.match_pattern(cache, state, index));
        }
    }
}

/// The automata of the gated rules: one exact for ASCII units, one for the others.
pub struct Gate {
    ascii: Automaton,
    /// The rules' classes widened beyond ASCII ([`widened`]), so that it may say a rule
    /// matches where it does not, never the other way; `None` if it did not build.
    wide: Option<Automaton>,
    patterns: usize,
}

impl fmt::Debug for Gate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Gate({} patterns)", self.patterns)
    }
}

/// The rules a set may gate and, once enough text has been read, their gate.
///
/// Until then, each candidate's searches are counted: how many units it was given and in
/// how many its regex matched. A rule whose regex matches in most of the units it is
/// given gains nothing from the gate and would only add states to its automaton (a gate
/// of all the `ap` pack's regexes cost 55 instructions a byte, most of them building new
/// states). Only the rules that match in fewer than one unit in [`GATED_YIELD`] of those
/// they search are gated.
#[derive(Debug, Default)]
pub struct Gating {
    /// Each candidate's regex, as `(patterns, ignore_case)`, by its number (kept with the
    /// rule's other entries, [`super::Slot`]).
    sources: Vec<(Vec<String>, bool)>,
    /// Units searched and units matched, per candidate, before the gate is built.
    yields: Vec<(AtomicU32, AtomicU32)>,
    gate: OnceLock<Option<Built>>,
    /// Source bytes linted so far.
    read: AtomicUsize,
}

/// The gate and each candidate's number in it, if it is gated.
#[derive(Debug)]
struct Built {
    gate: Gate,
    numbers: Vec<Option<u32>>,
}

/// A rule is gated when it matched in fewer than one in this many of the units it was
/// given (see [`Gating`]).
const GATED_YIELD: u32 = 4;
/// Units a candidate must have searched for its yield to count.
const YIELD_SAMPLE: u32 = 64;

impl Gating {
    /// Make `rule` a candidate, if it is one the gate can place: its number.
    pub fn add(&mut self, rule: &Rule) -> Option<u32> {
        let (patterns, ignore_case) = rule.kind.gate_patterns()?;
        let number = self.sources.len() as u32;
        self.sources.push((patterns.to_vec(), ignore_case));
        self.yields.push(Default::default());
        Some(number)
    }

    /// Which gated rules match in which of an article's prose `units`, once more than
    /// [`GATE_AFTER`] bytes have been linted before these `len`; `None` before then, or
    /// when no rule is gated.
    pub fn scan(&self, units: &[Unit], len: usize) -> Option<Hits> {
        if self.sources.is_empty() {
            return None;
        }
        if self.gate.get().is_none() && self.read.fetch_add(len, Ordering::Relaxed) <= GATE_AFTER {
            return None;
        }
        let built = self.gate.get_or_init(|| self.build()).as_ref()?;
        Some(built.gate.scan(units))
    }

    /// The gate of the candidates that matched in few of the units they searched.
    fn build(&self) -> Option<Built> {
        let mut numbers = vec![None; self.sources.len()];
        let mut sources = Vec::new();
        for (candidate, (searched, matched)) in self.yields.iter().enumerate() {
            let searched = searched.load(Ordering::Relaxed);
            let matched = matched.load(Ordering::Relaxed);
            if searched >= YIELD_SAMPLE && matched.saturating_mul(GATED_YIELD) < searched {
                numbers[candidate] = Some(sources.len() as u32);
                sources.push(self.sources[candidate].clone());
            }
        }
        if sources.is_empty() {
            return None;
        }
        Some(Built {
            gate: Gate::new(&sources)?,
            numbers,
        })
    }

    /// The number in the gate of the rule of `slot`, if it is gated.
    pub fn number(&self, slot: &Slot) -> Option<u32> {
        let built = self.gate.get()?.as_ref()?;
        built.numbers[slot.candidate? as usize]
    }

    /// Count one article's search by the rule of `slot`: `searched` units given, `matched`
    /// of them with a match. Only until the gate is built.
    pub fn observe(&self, slot: &Slot, searched: u32, matched: u32) {
        if self.gate.get().is_some() || searched == 0 {
            return;
        }
        if let Some(candidate) = slot.candidate {
            let (all, hit) = &self.yields[candidate as usize];
            all.fetch_add(searched, Ordering::Relaxed);
            hit.fetch_add(matched, Ordering::Relaxed);
        }
    }

    /// Build the gate on the next article, whatever has been read, with every candidate
    /// gated.
    #[cfg(test)]
    pub fn open_now(&self) {
        for (searched, _) in &self.yields {
            searched.store(YIELD_SAMPLE, Ordering::Relaxed);
        }
        self.read.store(usize::MAX / 2, Ordering::Relaxed);
    }
}

/// Which gated rules match in which units of one article.
#[derive(Debug)]
pub struct Hits {
    /// Each unit's offset, in order.
    offsets: Vec<usize>,
    /// `words` bits per unit, one per gated rule, unit after unit.
    bits: Vec<u64>,
    words: usize,
    /// Which rules match in some unit.
    anywhere: Vec<u64>,
}

impl Hits {
    /// Whether gated rule `rule` may match in the unit that starts at `offset` (a unit the
    /// gate did not read may hold anything).
    pub fn holds(&self, rule: u32, offset: usize) -> bool {
        let Ok(unit) = self.offsets.binary_search(&offset) else {
            return true;
        };
        let word = self.bits[unit * self.words + rule as usize / 64];
        word >> (rule % 64) & 1 == 1
    }

    /// Whether gated rule `rule` matches in some unit.
    pub fn anywhere(&self, rule: u32) -> bool {
        self.anywhere[rule as usize / 64] >> (rule % 64) & 1 == 1
    }
}

impl Gate {
    /// The gate of rules given as `(patterns, ignore_case)` of their regexes, rule `i`
    /// the gate's rule `i`; `None` when some pattern does not parse or the automata are
    /// too large.
    pub fn new(rules: &[(Vec<String>, bool)]) -> Option<Self> {
        let mut ascii = Vec::with_capacity(rules.len());
        let mut wide = Vec::with_capacity(rules.len());
        for (patterns, ignore_case) in rules {
            let parsed = patterns
                .iter()
                .map(|p| parse_for_build(p, *ignore_case))
                .collect::<Option<Vec<Hir>>>()?;
            let either = Hir::alternation(parsed);
            // An ASCII unit can only be matched by ASCII: the classes narrowed to it
            // match there exactly as written, with far fewer states to build.
            ascii.push(narrowed(&either, Reach::Ascii));
            wide.push(widened(&either));
        }
        Some(Self {
            ascii: Automaton::new(&ascii)?,
            wide: Automaton::new(&wide),
            patterns: rules.len(),
        })
    }

    /// Which gated rules match in which of `units`.
    pub fn scan(&self, units: &[Unit]) -> Hits {
        let words = self.patterns.div_ceil(64);
        let mut bits = vec![0u64; units.len() * words];
        let mut record = |index: usize, answered: bool, set: &PatternSet| {
            let row = &mut bits[index * words..(index + 1) * words];
            if answered {
                for rule in set.iter() {
                    row[rule.as_usize() / 64] |= 1 << (rule.as_usize() % 64);
                }
            } else {
                row.fill(u64::MAX);
            }
        };
        // One cache of each automaton for the article, not one per unit; the units are
        // walked two at a time ([`lanes`]), the ASCII ones (nearly all) by their own.
        let mut others = Vec::new();
        let ascii = units.iter().enumerate().filter_map(|(index, unit)| {
            if unit.text.is_ascii() {
                return Some((index, unit.text));
            }
            others.push(index);
            None
        });
        let mut ascii_cache = self.ascii.caches.get();
        self.ascii
            .which_each(&mut ascii_cache, ascii, self.patterns, &mut record);
        let wide = self.wide.as_ref().filter(|_| !others.is_empty());
        let others = others.into_iter().map(|index| (index, units[index].text));
        match wide {
            Some(wide) => {
                let mut wide_cache = wide.caches.get();
                wide.which_each(&mut wide_cache, others, self.patterns, &mut record);
            }
            None => {
                let none = PatternSet::new(self.patterns);
                others.for_each(|(index, _)| record(index, false, &none));
            }
        }
        let mut anywhere = vec![0u64; words];
        for row in bits.chunks_exact(words.max(1)) {
            for (all, word) in anywhere.iter_mut().zip(row) {
                *all |= word;
            }
        }
        let offsets = units.iter().map(|u| u.offset).collect();
        let sorted = units.windows(2).all(|w| w[0].offset < w[1].offset);
        Hits {
            // Units out of order or sharing an offset are not looked up: all may match.
            offsets: if sorted { offsets } else { Vec::new() },
            bits,
            words,
            anywhere: if sorted {
                anywhere
            } else {
                vec![u64::MAX; words]
            },
        }
    }
}

mod lanes;
#[cfg(test)]
mod tests;

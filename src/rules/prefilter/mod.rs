//! One Aho-Corasick pass over an article tells which rules could match in it at all. Each
//! pattern or substitution rule names literals one of which every match contains (read
//! from its regex, or its word list); a rule none of whose literals occur is skipped, and
//! its regex is never compiled ([`super::lazy_regex`]). Measured on the BBC archive with
//! `news` and `ap`, most rules find none of their literals in most articles.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use std::ops::Range;

use aho_corasick::nfa::contiguous::NFA;
use rustc_hash::FxHashMap;

use super::Rule;
use super::literals::FOLDS_TO_ASCII;
use crate::article::Document;

mod capitals;
mod gate;
mod table;
mod walk;

pub use gate::{Gating, Hits};

use capitals::Capitals;
use table::Faster;
use walk::{Literals, nfa, occurrences};

/// Text the prefilter reads with its NFA before it builds its table. The table of the
/// `news` and `ap` literals takes 4.8 M instructions to build (their DFA took 12 M, a
/// tenth of a one-article run); it saves 36 a byte (43 with the NFA, 7), so it is built
/// once the NFA has cost about as much more: 4.8 M / 36 is 133 KB.
const DFA_AFTER: usize = 128 << 10;

/// Text a prefilter that guards a single rule reads before it stops. Its scan then costs
/// more than running the rule: the automaton ignores case and so walks every byte, while
/// the rule's own regex skips ahead to its literals. Before this point the scan spares the
/// first articles the rule's compilation. Measured with `news`, whose prefilter guards only
/// `placeholder-text` (`check -j 1 --format json` under callgrind): BBC 891.7 M instructions
/// with the scan throughout, 827.7 M with none, 836.5 M stopping here; one article 20.8 M
/// with the scan, 21.6 M with none, 20.8 M stopping here.
const LONE_RULE_AFTER: usize = 256 << 10;

/// The literals of a set of rules in one automaton.
#[derive(Debug, Default)]
pub struct Prefilter {
    /// The literals as an NFA, cheap to build, for the first articles.
    automaton: Option<NFA>,
    /// The same automaton as a table, or a DFA where it has too many states for one,
    /// built once [`DFA_AFTER`] bytes have been read (`None`: too large to build); all
    /// find the same occurrences.
    dfa: OnceLock<Option<Faster>>,
    /// The literals, lower case, as the automata hold them.
    literals: Vec<Vec<u8>>,
    /// For each literal of case-sensitive rules, the case a text must hold it in: such a
    /// rule's "US" is rare where "us" is in every paragraph. An occurrence in another case
    /// is no occurrence of it. A literal may stand in the automata twice, for rules of
    /// both kinds.
    exact: Vec<Option<Vec<u8>>>,
    /// The literals the automata hold, by id, in the automata's order: all but those
    /// that must be found with a leading capital.
    searched: Vec<u32>,
    /// Those, found from the capitals of the text.
    capitals: Capitals,
    /// Bytes scanned with the NFA so far.
    read: AtomicUsize,
    /// Every rule the prefilter was built from, in that order: its guard and its number
    /// among the gate's candidates. A linter going through the rules in order finds each
    /// at the index after the last one's ([`Prefilter::slot`]), where three hashed lookups
    /// per rule and article cost about 10 M instructions a pass of the BBC archive.
    entries: Vec<Entry>,
    /// The entries by the address of the rule's id (the entry holds the id, so that
    /// address is the id's alone while the prefilter lives), for a rule met out of turn.
    by_address: FxHashMap<usize, u32>,
    /// The same by the id, for a rule of another set of the same rules.
    by_rule: FxHashMap<Arc<str>, u32>,
    /// How many rules have a guard.
    guarded: usize,
    /// The regex rules' gate ([`gate`]).
    gating: Gating,
}

/// A rule of the set a prefilter was built from.
#[derive(Debug)]
struct Entry {
    /// The rule's id.
    rule: Arc<str>,
    /// The literals it needs one of; `None`: it always runs.
    guard: Option<Arc<Guard>>,
    /// Its number among the gate's candidates ([`Gating`]), if it is one.
    candidate: Option<u32>,
}

/// What the prefilter and the gate hold for one rule, found once per rule and article.
#[derive(Clone, Copy, Debug, Default)]
pub struct Slot<'p> {
    guard: Option<&'p Guard>,
    candidate: Option<u32>,
}

/// The literals a rule needs one of.
#[derive(Debug)]
struct Guard {
    /// Their ids, sorted.
    ids: Arc<[u32]>,
    /// The same as bits, for [`Seen::present`]: a rule of forty-three literals (the state
    /// codes) was asked after each of them in every article. Only the words of the mask
    /// with a bit set, as `(word, bits)`: most rules have a literal or two, in one word of
    /// a mask of a dozen.
    mask: Vec<(usize, u64)>,
}

/// Where a prefilter's literals occur in an article.
pub struct Seen {
    /// `(start, end)` of every occurrence, grouped by literal: those of literal `l` are
    /// `occurrences[first[l]..first[l + 1]]`, in order (of end, and so of start: all
    /// occurrences of one literal have its length). A rule reads the occurrences of its
    /// own literals only.
    occurrences: Vec<(usize, usize)>,
    first: Vec<u32>,
    /// Which literals occur at all, a bit each: a rule's [`Guard`] is tested against it.
    present: Vec<u64>,
    /// The article holds a character outside ASCII that folds to an ASCII letter: every
    /// rule runs everywhere.
    everything: bool,
}

impl Seen {
    /// From `(start, end, literal)` of every occurrence, in order of end, of `literals`
    /// literals: a counting sort by literal, which keeps each literal's in order.
    fn from_hits(hits: &[(usize, usize, u32)], literals: usize) -> Self {
        let mut first = vec![0u32; literals + 1];
        for hit in hits {
            first[hit.2 as usize + 1] += 1;
        }
        for i in 0..literals {
            first[i + 1] += first[i];
        }
        let mut present = vec![0u64; literals.div_ceil(64)];
        let mut next = first.clone();
        let mut occurrences = vec![(0, 0); hits.len()];
        for &(start, end, literal) in hits {
            // From the hits, not by comparing the bounds of every literal: they are few.
            present[literal as usize / 64] |= 1 << (literal % 64);
            let slot = &mut next[literal as usize];
            occurrences[*slot as usize] = (start, end);
            *slot += 1;
        }
        Self {
            occurrences,
            first,
            present,
            everything: false,
        }
    }

    /// Where `literal` occurs, in order.
    fn of(&self, literal: u32) -> &[(usize, usize)] {
        let literal = literal as usize;
        match (self.first.get(literal), self.first.get(literal + 1)) {
            (Some(&start), Some(&end)) => &self.occurrences[start as usize..end as usize],
            _ => &[],
        }
    }

    /// Whether one of `literals` occurs inside `range`.
    pub fn holds(&self, literals: &[u32], range: Range<usize>) -> bool {
        literals.iter().any(|&literal| {
            let occurrences = self.of(literal);
            let first = occurrences.partition_point(|o| o.0 < range.start);
            occurrences.get(first).is_some_and(|o| o.1 <= range.end)
        })
    }

    /// For each of `units` (byte ranges), whether one of `literals` occurs
    /// inside it: [`Seen::holds`] for every unit, read from the occurrences of those
    /// literals alone when the units are in order and do not overlap.
    pub fn holders(&self, literals: &[u32], units: &[Range<usize>]) -> Vec<bool> {
        if !units.windows(2).all(|w| w[0].end <= w[1].start) {
            return units
                .iter()
                .map(|u| self.holds(literals, u.clone()))
                .collect();
        }
        let mut holding = vec![false; units.len()];
        for &literal in literals {
            for &(start, end) in self.of(literal) {
                // The units that end at or after the occurrence and start at or before
                // it: in ordered, disjoint units, the one that holds it (if any) and
                // empty ones.
                let mut index = units.partition_point(|u| u.end < end);
                while let Some(unit) = units.get(index).filter(|u| u.start <= start) {
                    holding[index] |= unit.end >= end;
                    index += 1;
                }
            }
        }
        holding
    }
}

/// Where a rule must look in an article.
#[derive(Debug, PartialEq, Eq)]
pub enum Focus<'p> {
    /// Nowhere: none of its literals occurs.
    Nowhere,
    /// Everywhere in its scope (it has no literals, or the prefilter cannot tell).
    Everywhere,
    /// Only in units that hold one of these literals (sorted ids, see [`Seen::holds`]).
    Around(&'p [u32]),
}

impl Prefilter {
    /// The prefilter of `rules`.
    pub fn new<'r>(rules: impl IntoIterator<Item = &'r Rule>) -> Self {
        let mut ids: HashMap<(Vec<u8>, bool), u32> = HashMap::new();
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut exact = Vec::new();
        // Each rule's entry, without its guard yet, and the literal ids it needs.
        let mut needs: Vec<(Entry, Option<Vec<u32>>)> = Vec::new();
        let mut gating = Gating::default();
        for rule in rules {
            let entry = Entry {
                rule: Arc::clone(&rule.id),
                guard: None,
                candidate: gating.add(rule),
            };
            let Some(required) = rule.kind.required_literals() else {
                needs.push((entry, None));
                continue;
            };
            let exact_case = required.exact_case;
            let mut pattern_ids: Vec<u32> = minimal(required.set)
                .into_iter()
                .map(|literal| {
                    *ids.entry((literal.clone(), exact_case)).or_insert_with(|| {
                        literals.push(literal.to_ascii_lowercase());
                        exact.push(exact_case.then_some(literal));
                        (literals.len() - 1) as u32
                    })
                })
                .collect();
            pattern_ids.sort_unstable();
            needs.push((entry, Some(pattern_ids)));
        }
        if literals.is_empty() {
            return Self::unguarded(needs.into_iter().map(|(entry, _)| entry).collect(), gating);
        }
        let words = literals.len().div_ceil(64);
        let guard = |ids: Vec<u32>| {
            let mut dense = vec![0u64; words];
            for &literal in &ids {
                dense[literal as usize / 64] |= 1 << (literal % 64);
            }
            let mask = dense
                .into_iter()
                .enumerate()
                .filter(|&(_, bits)| bits != 0)
                .collect();
            Arc::new(Guard {
                ids: Arc::from(ids),
                mask,
            })
        };
        let entries: Vec<Entry> = needs
            .into_iter()
            .map(|(entry, ids)| Entry {
                guard: ids.map(guard),
                ..entry
            })
            .collect();
        let mut capitals = Vec::new();
        let mut searched = Vec::new();
        for (id, case) in exact.iter().enumerate() {
            match case {
                Some(case) if case[0].is_ascii_uppercase() => capitals.push((id as u32, &case[..])),
                _ => searched.push(id as u32),
            }
        }
        let capitals = Capitals::new(capitals);
        let patterns: Vec<&[u8]> = searched
            .iter()
            .map(|&id| &literals[id as usize][..])
            .collect();
        match nfa(&patterns) {
            Ok(automaton) => Self {
                automaton: Some(automaton),
                dfa: OnceLock::new(),
                literals,
                exact,
                searched,
                capitals,
                read: AtomicUsize::new(0),
                gating,
                ..Self::with_entries(entries)
            },
            // Too large to build: every rule runs, as without a prefilter.
            Err(_) => Self::unguarded(entries, gating),
        }
    }

    /// A prefilter without literals: every rule runs, the gate's candidates are kept.
    fn unguarded(mut entries: Vec<Entry>, gating: Gating) -> Self {
        for entry in &mut entries {
            entry.guard = None;
        }
        Self {
            gating,
            ..Self::with_entries(entries)
        }
    }

    /// A prefilter of these entries and nothing else, their lookups built.
    fn with_entries(entries: Vec<Entry>) -> Self {
        let mut by_address = FxHashMap::default();
        let mut by_rule = FxHashMap::default();
        for (index, entry) in entries.iter().enumerate() {
            by_address.insert(address(&entry.rule), index as u32);
            // A set's ids are unique; were two the same, the first would be found.
            by_rule
                .entry(Arc::clone(&entry.rule))
                .or_insert(index as u32);
        }
        Self {
            guarded: entries.iter().filter(|e| e.guard.is_some()).count(),
            entries,
            by_address,
            by_rule,
            ..Self::default()
        }
    }

    /// How many literals the prefilter walks for.
    #[cfg(test)]
    pub fn literal_count(&self) -> usize {
        self.literals.len()
    }

    /// The gate of the regex rules.
    pub fn gating(&self) -> &Gating {
        &self.gating
    }

    /// The table (or DFA), if more than [`DFA_AFTER`] bytes have been read before these
    /// `len` and it could be built.
    fn dfa(&self, len: usize) -> Option<&Faster> {
        if let Some(dfa) = self.dfa.get() {
            return dfa.as_ref();
        }
        if self.read.fetch_add(len, Ordering::Relaxed) <= DFA_AFTER {
            return None;
        }
        let faster = || Faster::new(self.automaton.as_ref()?, &self.patterns(), &self.searched);
        self.dfa.get_or_init(faster).as_ref()
    }

    /// The literals of the automata, in their order.
    fn patterns(&self) -> Vec<&[u8]> {
        let literal = |&id: &u32| &self.literals[id as usize][..];
        self.searched.iter().map(literal).collect()
    }

    /// What the walk reads of the literals.
    fn walked(&self) -> Literals<'_> {
        Literals {
            searched: &self.searched,
            exact: &self.exact,
            capitals: &self.capitals,
        }
    }

    /// Scan an article once: its prose view, and the source before the content (front
    /// matter, where a headline or metadata value may be read from). Both are in source
    /// offsets, as units are.
    pub fn scan(&self, doc: &Document) -> Seen {
        // Built only where the scan stops early: it cost a few hundred instructions.
        let everything = |everything| Seen {
            everything,
            ..Seen::from_hits(&[], 0)
        };
        let Some(nfa) = &self.automaton else {
            return everything(false);
        };
        let source = doc.source();
        let alone = self.guarded == 1;
        if alone && self.read.fetch_add(source.len(), Ordering::Relaxed) > LONE_RULE_AFTER {
            return everything(true);
        }
        if FOLDS_TO_ASCII
            .iter()
            .any(|c| memchr::memmem::find(source.as_bytes(), c.as_bytes()).is_some())
        {
            return everything(true);
        }
        let dfa = if alone { None } else { self.dfa(source.len()) };
        let mut hits = Vec::with_capacity(64);
        let literals = self.walked();
        for haystack in [&source[..doc.content_start()], doc.prose()] {
            let haystack = haystack.as_bytes();
            match dfa {
                Some(faster) => occurrences(faster, haystack, &literals, &mut hits),
                None => occurrences(nfa, haystack, &literals, &mut hits),
            }
        }
        // Each literal's occurrences are in order of end, but the automaton's, the
        // capitals' and the two texts' interleave.
        if !hits.is_sorted_by_key(|h| h.1) {
            hits.sort_unstable_by_key(|h| h.1);
        }
        Seen::from_hits(&hits, self.literals.len())
    }

    /// What the prefilter and the gate hold for `rule`. `next` is where the rule after the
    /// last one asked stands in the set the prefilter was built from; it is moved past
    /// this one. A rule of no entry always runs and is not gated.
    pub fn slot(&self, rule: &Rule, next: &mut usize) -> Slot<'_> {
        let index = match self.entries.get(*next) {
            Some(entry) if Arc::ptr_eq(&entry.rule, &rule.id) => Some(*next),
            _ => self
                .by_address
                .get(&address(&rule.id))
                .or_else(|| self.by_rule.get(&rule.id))
                .map(|&index| index as usize),
        };
        let Some(index) = index else {
            return Slot::default();
        };
        *next = index + 1;
        let entry = &self.entries[index];
        Slot {
            guard: entry.guard.as_deref(),
            candidate: entry.candidate,
        }
    }

    /// Where `rule` must look in the article `seen` describes.
    #[cfg(test)]
    pub fn focus(&self, rule: &Rule, seen: &Seen) -> Focus<'_> {
        focus(self.slot(rule, &mut 0), seen)
    }
}

/// Where the rule of `slot` must look in the article `seen` describes. The literals are
/// borrowed: an `Arc` cloned for each rule and article had every thread write to the same
/// counts (no change in time was measured, but there is nothing to share).
pub fn focus<'p>(slot: Slot<'p>, seen: &Seen) -> Focus<'p> {
    if seen.everything {
        return Focus::Everywhere;
    }
    let Some(guard) = slot.guard else {
        return Focus::Everywhere;
    };
    let present = |&(word, bits): &(usize, u64)| seen.present[word] & bits != 0;
    if guard.mask.iter().any(present) {
        Focus::Around(&guard.ids)
    } else {
        Focus::Nowhere
    }
}

/// Where a rule's id is held.
fn address(id: &Arc<str>) -> usize {
    Arc::as_ptr(id).cast::<u8>() as usize
}

/// The members of `set` that hold no other member: a text that holds a longer one holds
/// the shorter one too, so the shorter alone tells the same.
fn minimal(mut set: Vec<Vec<u8>>) -> Vec<Vec<u8>> {
    set.sort_by_key(Vec::len);
    set.dedup();
    let mut kept: Vec<Vec<u8>> = Vec::with_capacity(set.len());
    for literal in set {
        if !kept
            .iter()
            .any(|k| memchr::memmem::find(&literal, k).is_some())
        {
            kept.push(literal);
        }
    }
    kept
}

#[cfg(test)]
mod tests;

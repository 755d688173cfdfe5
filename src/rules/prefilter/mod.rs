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
mod table;
mod walk;

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
    /// The automaton's pattern ids each rule needs one of; rules absent always run.
    /// Asked once per rule and article: hashed with Fx, not SipHash, and shared, not
    /// copied, into each [`Focus`].
    by_rule: FxHashMap<Arc<str>, Arc<Guard>>,
    /// The same guards by the address of the rule's id, asked first: hashing the id
    /// itself cost a hundred instructions a rule and article. The guard holds the id, so
    /// that address is the id's alone while the prefilter lives.
    by_address: FxHashMap<usize, Arc<Guard>>,
}

/// The literals a rule needs one of.
#[derive(Debug)]
struct Guard {
    /// The rule's id.
    rule: Arc<str>,
    /// Their ids, sorted.
    ids: Arc<[u32]>,
    /// The same as bits, for [`Seen::present`]: a rule of forty-three literals (the state
    /// codes) was asked after each of them in every article.
    mask: Vec<u64>,
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
pub enum Focus {
    /// Nowhere: none of its literals occurs.
    Nowhere,
    /// Everywhere in its scope (it has no literals, or the prefilter cannot tell).
    Everywhere,
    /// Only in units that hold one of these literals (sorted ids, see [`Seen::holds`]).
    Around(Arc<[u32]>),
}

impl Prefilter {
    /// The prefilter of `rules`.
    pub fn new<'r>(rules: impl IntoIterator<Item = &'r Rule>) -> Self {
        let mut ids: HashMap<(Vec<u8>, bool), u32> = HashMap::new();
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut exact = Vec::new();
        let mut by_rule = FxHashMap::default();
        for rule in rules {
            let Some(required) = rule.kind.required_literals() else {
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
            by_rule.insert(rule.id.clone(), pattern_ids);
        }
        if literals.is_empty() {
            return Self::default();
        }
        let words = literals.len().div_ceil(64);
        let by_rule = by_rule
            .into_iter()
            .map(|(id, ids): (Arc<str>, Vec<u32>)| {
                let mut mask = vec![0u64; words];
                for &literal in &ids {
                    mask[literal as usize / 64] |= 1 << (literal % 64);
                }
                let ids = Arc::from(ids);
                let rule = Arc::clone(&id);
                (id, Arc::new(Guard { rule, ids, mask }))
            })
            .collect::<FxHashMap<_, _>>();
        let by_address = by_rule
            .values()
            .map(|guard| (address(&guard.rule), Arc::clone(guard)))
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
                by_rule,
                by_address,
            },
            // Too large to build: every rule runs, as without a prefilter.
            Err(_) => Self::default(),
        }
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
        let alone = self.by_rule.len() == 1;
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

    /// Where `rule` must look in the article `seen` describes.
    pub fn focus(&self, rule: &Rule, seen: &Seen) -> Focus {
        if seen.everything {
            return Focus::Everywhere;
        }
        let guard = self
            .by_address
            .get(&address(&rule.id))
            .or_else(|| self.by_rule.get(&rule.id));
        let Some(guard) = guard else {
            return Focus::Everywhere;
        };
        let present = guard.mask.iter().zip(&seen.present);
        if present.into_iter().any(|(mask, seen)| mask & seen != 0) {
            Focus::Around(Arc::clone(&guard.ids))
        } else {
            Focus::Nowhere
        }
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
mod tests {
    use super::*;
    use crate::rules::testing::lint;

    const RULE: &str = r#"
[[rule]]
id = "no-stated"
kind = "pattern"
pattern = '\bstated\s+(?:that\s+)?it\b'
ignore_case = true
"#;

    #[test]
    fn a_rule_runs_only_where_its_literal_is() {
        let article = "# Harbour vote\n\nThe clerk spoke.\n\nShe STATED it twice.\n";
        let found = lint(RULE, article);
        assert_eq!(found.len(), 1);
        assert_eq!(&article[found[0].span.clone()], "STATED it");
        assert!(lint(RULE, "# Harbour vote\n\nThe clerk said it.\n").is_empty());
    }

    #[test]
    fn a_case_sensitive_rule_is_placed_by_its_literals_in_their_case() {
        const TWO: &str = r#"
[[rule]]
id = "us-periods"
kind = "pattern"
pattern = '\bUS\b'

[[rule]]
id = "us-any-case"
kind = "pattern"
pattern = '\bus\b'
ignore_case = true
"#;
        let rules = crate::rules::testing::pack(TWO).expect("the test pack loads");
        let prefilter = rules.prefilter();
        let exact = rules.get("us-periods").expect("loaded");
        let folded = rules.get("us-any-case").expect("loaded");
        let seen = |text: &str| {
            let doc = Document::parse(text.to_string(), crate::article::Format::Markdown);
            prefilter.scan(&doc.expect("parses"))
        };
        // "us" stands in the automaton twice, once for each rule.
        let lower = seen("# Vote\n\nThe bus took us home.\n");
        assert_eq!(prefilter.focus(exact, &lower), Focus::Nowhere);
        assert!(matches!(prefilter.focus(folded, &lower), Focus::Around(_)));
        let upper = seen("# Vote\n\nThe US team.\n");
        assert!(matches!(prefilter.focus(exact, &upper), Focus::Around(_)));
        assert!(matches!(prefilter.focus(folded, &upper), Focus::Around(_)));
        // "US" for both rules, "us" for the second.
        assert_eq!(lint(TWO, "# Vote\n\nThe US team took us home.\n").len(), 3);
    }

    #[test]
    fn a_prefilter_for_one_rule_stops_scanning() {
        let rules = crate::rules::builtin_rules(&["news"]).expect("pack compiles");
        let prefilter = rules.prefilter();
        assert_eq!(
            prefilter.by_rule.len(),
            1,
            "news guards placeholder-text alone"
        );
        let text = "# Vote\n\nThe council met on Tuesday.\n\n".repeat(10_000);
        let doc = Document::parse(text, crate::article::Format::Markdown).expect("parses");
        assert!(doc.source().len() > LONE_RULE_AFTER);
        let rule = rules
            .iter()
            .find(|r| &*r.id == "placeholder-text")
            .expect("in news");
        assert_eq!(prefilter.focus(rule, &prefilter.scan(&doc)), Focus::Nowhere);
        assert_eq!(
            prefilter.focus(rule, &prefilter.scan(&doc)),
            Focus::Everywhere
        );
        assert!(prefilter.dfa.get().is_none(), "no DFA for one rule");
    }

    #[test]
    fn characters_that_fold_to_ascii_letters_turn_the_prefilter_off() {
        // The Kelvin sign matches `k` case-insensitively, but no ASCII search finds it.
        let rule = RULE.replace("\\bstated", "kelvin");
        let article = "# Lab\n\nThe \u{212A}elvin it rose.\n";
        assert_eq!(lint(&rule, article).len(), 1);
    }

    #[test]
    fn holders_agree_with_holds_unit_by_unit() {
        // Occurrences of literals 0, 1 and 2; 2 straddles the second and third units.
        let hits = [(1, 3, 0), (4, 6, 1), (9, 12, 2), (13, 15, 0), (20, 22, 1)];
        let seen = Seen::from_hits(&hits, 4);
        assert_eq!(seen.of(0), [(1, 3), (13, 15)]);
        assert_eq!(seen.of(3), []);
        assert!(seen.holds(&[0, 3], 12..16) && !seen.holds(&[0], 2..12));
        let ordered = [0..4, 4..10, 10..16, 16..16, 16..30];
        let overlapping = [0..10, 4..16, 12..30];
        for literals in [&[0][..], &[1], &[2], &[3], &[0, 2], &[1, 2], &[0, 1, 2]] {
            for units in [&ordered[..], &overlapping[..]] {
                let one_by_one: Vec<bool> = units
                    .iter()
                    .map(|u| seen.holds(literals, u.clone()))
                    .collect();
                assert_eq!(
                    seen.holders(literals, units),
                    one_by_one,
                    "{literals:?} {units:?}"
                );
            }
        }
        assert_eq!(
            seen.holders(&[0], &ordered),
            [true, false, true, false, false]
        );
    }

    #[test]
    fn longer_literals_holding_a_shorter_one_are_dropped() {
        let set = ["\t%", " %", "%", "per cent", "cent"]
            .iter()
            .map(|s| s.as_bytes().to_vec())
            .collect();
        assert_eq!(minimal(set), [b"%".to_vec(), b"cent".to_vec()]);
    }
}

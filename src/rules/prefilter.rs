//! One Aho-Corasick pass over an article tells which rules could match in it at all. Each
//! pattern or substitution rule names literals one of which every match contains (read
//! from its regex, or its word list); a rule none of whose literals occur is skipped, and
//! its regex is never compiled ([`super::lazy_regex`]). Measured on the BBC archive with
//! `news` and `ap`, most rules find none of their literals in most articles.

use std::collections::HashMap;
use std::sync::Arc;

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::Rule;
use super::literals::FOLDS_TO_ASCII;
use crate::article::Document;

/// The literals of a set of rules in one automaton.
#[derive(Debug, Default)]
pub struct Prefilter {
    automaton: Option<AhoCorasick>,
    /// The automaton's pattern ids each rule needs one of; rules absent always run.
    by_rule: HashMap<Arc<str>, Vec<u32>>,
}

/// Where a prefilter's literals occur in an article.
pub struct Seen {
    /// `(start, end, literal)` of every occurrence, sorted by end.
    hits: Vec<(usize, usize, u32)>,
    /// Whether each literal occurs at all.
    any: Vec<bool>,
    /// The article holds a character outside ASCII that folds to an ASCII letter: every
    /// rule runs everywhere.
    everything: bool,
}

impl Seen {
    /// Whether one of `literals` (sorted ids) occurs inside `range`.
    pub fn holds(&self, literals: &[u32], range: Range<usize>) -> bool {
        let first = self.hits.partition_point(|h| h.1 <= range.start);
        self.hits[first..]
            .iter()
            .take_while(|h| h.1 <= range.end)
            .any(|h| h.0 >= range.start && literals.binary_search(&h.2).is_ok())
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
    Around(Vec<u32>),
}

impl Prefilter {
    /// The prefilter of `rules`.
    pub fn new<'r>(rules: impl IntoIterator<Item = &'r Rule>) -> Self {
        let mut ids: HashMap<Vec<u8>, u32> = HashMap::new();
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut by_rule = HashMap::new();
        for rule in rules {
            let Some(set) = rule.kind.required_literals() else {
                continue;
            };
            let mut pattern_ids: Vec<u32> = minimal(set)
                .into_iter()
                .map(|literal| {
                    *ids.entry(literal.clone()).or_insert_with(|| {
                        literals.push(literal);
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
        // Overlapping search (every literal at every position) needs the standard match
        // kind; the literals are lower case and the search ignores ASCII case.
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&literals);
        match automaton {
            Ok(automaton) => Self {
                automaton: Some(automaton),
                by_rule,
            },
            // Too large to build: every rule runs, as without a prefilter.
            Err(_) => Self::default(),
        }
    }

    /// Scan an article once: its prose view, and the source before the content (front
    /// matter, where a headline or metadata value may be read from). Both are in source
    /// offsets, as units are.
    pub fn scan(&self, doc: &Document) -> Seen {
        let mut seen = Seen {
            hits: Vec::new(),
            any: Vec::new(),
            everything: false,
        };
        let Some(automaton) = &self.automaton else {
            return seen;
        };
        let source = doc.source();
        if FOLDS_TO_ASCII
            .iter()
            .any(|c| memchr::memmem::find(source.as_bytes(), c.as_bytes()).is_some())
        {
            seen.everything = true;
            return seen;
        }
        seen.any = vec![false; automaton.patterns_len()];
        for haystack in [&source[..doc.content_start()], doc.prose()] {
            for m in automaton.find_overlapping_iter(haystack) {
                seen.any[m.pattern().as_usize()] = true;
                seen.hits.push((m.start(), m.end(), m.pattern().as_u32()));
            }
        }
        // An overlapping search reports in order of end; the two texts may interleave.
        if !seen.hits.is_sorted_by_key(|h| h.1) {
            seen.hits.sort_unstable_by_key(|h| h.1);
        }
        seen
    }

    /// Where `rule` must look in the article `seen` describes.
    pub fn focus(&self, rule: &Rule, seen: &Seen) -> Focus {
        if seen.everything {
            return Focus::Everywhere;
        }
        let Some(ids) = self.by_rule.get(&rule.id) else {
            return Focus::Everywhere;
        };
        if ids.iter().any(|&id| seen.any[id as usize]) {
            Focus::Around(ids.clone())
        } else {
            Focus::Nowhere
        }
    }
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
    fn characters_that_fold_to_ascii_letters_turn_the_prefilter_off() {
        // The Kelvin sign matches `k` case-insensitively, but no ASCII search finds it.
        let rule = RULE.replace("\\bstated", "kelvin");
        let article = "# Lab\n\nThe \u{212A}elvin it rose.\n";
        assert_eq!(lint(&rule, article).len(), 1);
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

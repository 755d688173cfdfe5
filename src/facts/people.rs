//! Where the article names a person or a name of the facts file: by a full spelling (`name`
//! or an alias) as whole words, or by the surname alone when the article also names the
//! person in full somewhere (FACTS.md).

use std::ops::Range;

use super::{Fact, Facts};
use crate::lint::Unit;

/// One mention of a fact in the prose.
#[derive(Clone, Debug)]
pub struct Mention {
    /// Index of the fact in [`Facts::facts`].
    pub fact: usize,
    /// Absolute span of the mention.
    pub span: Range<usize>,
    /// Index of the unit it is in.
    pub unit: usize,
    /// Written in full (`name` or an alias), not by the surname alone.
    pub full: bool,
}

/// Every mention in `units`, in source order. A surname alone counts only for a person the
/// article names in full somewhere.
pub fn mentions(facts: &Facts, units: &[Unit]) -> Vec<Mention> {
    let Some((automaton, owners)) = facts.mention_automaton() else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for (index, unit) in units.iter().enumerate() {
        for m in automaton.find_iter(unit.text) {
            if !crate::text::words::is_whole_word(unit.text, m.range()) {
                continue;
            }
            let (fact, full) = owners[m.pattern().as_usize()];
            found.push(Mention {
                fact,
                span: unit.absolute(m.range()),
                unit: index,
                full,
            });
        }
    }
    let named_in_full: Vec<usize> = found.iter().filter(|m| m.full).map(|m| m.fact).collect();
    found.retain(|m| m.full || named_in_full.contains(&m.fact));
    found
}

/// The person a run of capitalised words names (`Prime Minister Ilse Tarvenko`), when it
/// ends with a full spelling, or with a surname of someone named in full elsewhere.
pub fn person_named<'f>(facts: &'f Facts, mentions: &[Mention], run: &[&str]) -> Option<&'f Fact> {
    let people = facts
        .facts()
        .iter()
        .enumerate()
        .filter(|(_, f)| f.is_person);
    let ends_with = |spelling: &str| {
        let words: Vec<&str> = spelling.split_whitespace().collect();
        run.len() >= words.len() && run[run.len() - words.len()..] == words[..]
    };
    let mut by_surname = None;
    for (index, fact) in people {
        if fact.spellings().any(ends_with) {
            return Some(fact);
        }
        if run.last() == Some(&fact.surname.as_str())
            && mentions.iter().any(|m| m.fact == index && m.full)
        {
            by_surname.get_or_insert(fact);
        }
    }
    by_surname
}

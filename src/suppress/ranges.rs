//! The byte ranges of `disable` … `enable`: closing them as the comments are read, and
//! finding the ones in force at each finding, both in time linear in the directives.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::{Directive, Reach};

/// The `disable` ranges not yet closed, found by rule, so that an `enable` costs what it
/// closes rather than a scan of every open range.
#[derive(Default)]
pub(super) struct OpenRanges {
    /// In file order; `None` once closed.
    slots: Vec<Option<Directive>>,
    /// Slots of the disables naming each rule (closed ones are skipped when met).
    by_rule: HashMap<String, Vec<usize>>,
    /// Slots of the disables naming no rule, which any `enable` closes.
    every_rule: Vec<usize>,
    /// Every slot since the last `enable` of all rules.
    since_enable_all: Vec<usize>,
}

impl OpenRanges {
    pub(super) fn open(&mut self, directive: Directive) {
        let slot = self.slots.len();
        if directive.rules.is_empty() {
            self.every_rule.push(slot);
        }
        for rule in &directive.rules {
            self.by_rule.entry(rule.clone()).or_default().push(slot);
        }
        self.since_enable_all.push(slot);
        self.slots.push(Some(directive));
    }

    /// `enable` at `at`: close the ranges of the listed rules (and those of every rule), or
    /// all of them when it lists none, in file order.
    pub(super) fn close(&mut self, rules: &[String], at: usize, closed: &mut Vec<Directive>) {
        let mut closing = std::mem::take(&mut self.every_rule);
        if rules.is_empty() {
            closing = std::mem::take(&mut self.since_enable_all);
            self.by_rule.clear();
        }
        for rule in rules {
            closing.extend(self.by_rule.remove(rule).unwrap_or_default());
        }
        closing.sort_unstable();
        for slot in closing {
            if let Some(mut directive) = self.slots[slot].take() {
                if let Reach::Bytes(range) = &mut directive.reach {
                    range.end = at;
                }
                closed.push(directive);
            }
        }
    }

    /// The ranges never closed: they reach the end of the file.
    pub(super) fn into_rest(self) -> impl Iterator<Item = Directive> {
        self.slots.into_iter().flatten()
    }
}

/// The byte-range directives, met in order of their starts and ends while the findings are
/// taken in order of their starts. A directive is marked used for a rule once, so each
/// (directive, rule) pair costs one step, however many findings it silences.
#[derive(Default)]
pub(super) struct RangeSweep<'a> {
    by_start: Vec<(usize, usize)>,
    by_end: Vec<(usize, usize)>,
    next_start: usize,
    next_end: usize,
    ended: HashSet<usize>,
    /// Directives in force, counted by the rule they name ("" for every rule).
    in_force: HashMap<&'a str, usize>,
    /// Directives in force not yet marked used, by rule: (directive, index of the rule).
    unmarked: HashMap<&'a str, Vec<(usize, usize)>>,
}

impl<'a> RangeSweep<'a> {
    pub(super) fn add(&mut self, index: usize, range: &Range<usize>) {
        self.by_start.push((range.start, index));
        self.by_end.push((range.end, index));
    }

    pub(super) fn sort(&mut self) {
        self.by_start.sort_unstable();
        self.by_end.sort_unstable();
    }

    /// Whether a range in force at `offset` silences `rule`; marks the ones that do.
    pub(super) fn silences(
        &mut self,
        directives: &'a [Directive],
        offset: usize,
        rule: &str,
        used: &mut [Vec<bool>],
    ) -> bool {
        while let Some(&(start, index)) = self.by_start.get(self.next_start)
            && start <= offset
        {
            self.next_start += 1;
            let rules = &directives[index].rules;
            let names: Vec<&'a str> = if rules.is_empty() {
                vec![""]
            } else {
                rules.iter().map(String::as_str).collect()
            };
            for (position, name) in names.into_iter().enumerate() {
                *self.in_force.entry(name).or_default() += 1;
                self.unmarked
                    .entry(name)
                    .or_default()
                    .push((index, position));
            }
        }
        while let Some(&(end, index)) = self.by_end.get(self.next_end)
            && end <= offset
        {
            self.next_end += 1;
            self.ended.insert(index);
            let rules = &directives[index].rules;
            if rules.is_empty() {
                *self.in_force.entry("").or_default() -= 1;
            }
            for name in rules {
                *self.in_force.entry(name.as_str()).or_default() -= 1;
            }
        }
        let mut silenced = false;
        for name in ["", rule] {
            if self.in_force.get(name).is_some_and(|&n| n > 0) {
                silenced = true;
                for (index, position) in self.unmarked.remove(name).unwrap_or_default() {
                    if !self.ended.contains(&index) {
                        used[index][position] = true;
                    }
                }
            }
        }
        silenced
    }
}

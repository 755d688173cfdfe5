//! `kind = "repetition"`: the same word twice in a row ("the the"), ignoring case, with
//! only white space (a line break counts) between. Words the house may double ("had had")
//! are listed in `exceptions`; a capitalised pair inside a sentence is a name ("Duran
//! Duran") when `allow_names` is on (the default).

use std::collections::HashSet;
use std::ops::Range;

use super::{CompileContext, SpecError};
use crate::lint::{Context, Unit};
use crate::rules::{Finding, Scope};
use crate::text::{repeats, words};

/// Options of the kind.
pub const OPTIONS: &[&str] = &["exceptions", "allow_names"];

/// A compiled repetition rule.
#[derive(Debug)]
pub struct Repetition {
    scope: Scope,
    exceptions: HashSet<String>,
    allow_names: bool,
}

impl Repetition {
    /// Compile from the rule's options.
    pub fn compile(ctx: &CompileContext) -> Result<Self, SpecError> {
        let spec = ctx.spec;
        let exceptions = spec
            .exceptions
            .as_ref()
            .map(|e| e.get_ref().iter().map(|w| w.to_lowercase()).collect())
            .unwrap_or_default();
        Ok(Self {
            scope: ctx.scope(Scope::Prose)?,
            exceptions,
            allow_names: spec.allow_names.as_ref().is_none_or(|v| *v.get_ref()),
        })
    }

    /// Report the second word of each doubled pair, with a fix that deletes it.
    pub fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for unit in ctx.units(&self.scope).iter() {
            let text = unit.text;
            // Nearly every unit holds no doubled word, which a scan of its bytes' masks
            // shows at a fraction of the cost of the walk below; its "no" is exact.
            if !repeats::may_repeat(text) {
                continue;
            }
            // In ASCII copy (nearly all of it) two words of different lengths are different
            // words; elsewhere case folding can change a word's length in bytes. One look
            // at the unit instead of one at every word.
            let ascii = text.is_ascii();
            let bytes = text.as_bytes();
            let mut previous = 0..0;
            words::for_each_word(text, |current| {
                let first = std::mem::replace(&mut previous, current.clone());
                // Most pairs differ in length (in ASCII copy that settles it), and most of
                // the rest in their first letter (ASCII letters equal but for case differ
                // in no bit but 0x20): those cheap tests go first, and what is left is
                // called, so that this loop stays small.
                if ascii && first.end - first.start != current.end - current.start {
                    return;
                }
                let (x, y) = (bytes[first.start], bytes[current.start]);
                if x.is_ascii() && y.is_ascii() && (x ^ y) & !0x20 != 0 {
                    return;
                }
                self.check_pair(text, first, current, unit, out);
            });
        }
    }

    /// Report `current` if it repeats `first`, the word before it in the unit (an empty
    /// range before the unit's first word).
    #[inline(never)]
    fn check_pair(
        &self,
        text: &str,
        first: Range<usize>,
        current: Range<usize>,
        unit: &Unit,
        out: &mut Vec<Finding>,
    ) {
        let (a, b) = (&text[first.clone()], &text[current.clone()]);
        if a.is_empty() || a.len() != b.len() && a.is_ascii() && b.is_ascii() {
            return;
        }
        let gap = &text[first.end..current.start];
        if !gap.chars().all(char::is_whitespace)
            || !a.chars().any(char::is_alphabetic)
            || !same_word(a, b)
            || self.exceptions.contains(&a.to_lowercase())
            || self.allow_names && is_name_pair(text, first.start, a, b)
        {
            return;
        }
        out.push(Finding {
            span: unit.absolute(current.clone()),
            detail: Some(format!("\"{a} {b}\": the word is repeated")),
            help: Some(format!("delete the second \"{b}\"")),
            fix: Some((unit.absolute(first.end..current.end), String::new())),
            ..Finding::default()
        });
    }
}

/// A capitalised second word is the start of a name: "Duran Duran", "Bafana Bafana" (even
/// opening a sentence, where a slip would leave the second word in lower case), and
/// "the law lord Lord Bingham" inside a sentence.
fn is_name_pair(text: &str, start: usize, a: &str, b: &str) -> bool {
    is_capitalised(b) && !is_all_caps(b) && (is_capitalised(a) || !starts_sentence(text, start))
}

/// Equal ignoring case, without allocating: this runs for every pair of words.
fn same_word(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

fn is_all_caps(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() > 1 && !word.chars().any(char::is_lowercase)
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether the word at `start` opens a sentence: nothing but opening marks before it in the
/// unit, or a sentence-ending mark.
fn starts_sentence(text: &str, start: usize) -> bool {
    let before =
        text[..start].trim_end_matches(|c: char| c.is_whitespace() || "\"“‘'«„([".contains(c));
    before.is_empty() || before.ends_with(['.', '!', '?', ':'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_not_slips() {
        assert!(is_name_pair("Duran Duran play", 0, "Duran", "Duran"));
        assert!(is_name_pair("the law lord Lord Bingham", 8, "lord", "Lord"));
        assert!(!is_name_pair("The the vote", 0, "The", "the"));
        assert!(!is_name_pair("THE THE vote", 0, "THE", "THE"));
    }

    #[test]
    fn sentence_starts() {
        assert!(starts_sentence("The the", 0));
        assert!(starts_sentence("Done. “The the", "Done. “".len()));
        assert!(!starts_sentence("We saw Duran Duran", 7));
    }
}

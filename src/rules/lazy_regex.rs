//! A rule's regex, compiled on first use. Compiling the `ap` pack's regexes took nine
//! tenths of a one-article run; most articles give most rules nothing to look at (see
//! [`super::prefilter`]), so a regex is built only when an article could match it.
//!
//! User packs and overrides are compiled at load, so that every mistake (a size limit, a
//! replacement naming a missing group) is reported against the TOML before any article is
//! read; only the built-in packs, which the test suite compiles eagerly, are deferred.

use std::sync::OnceLock;

use regex::{Regex, RegexBuilder};
use regex_syntax::hir::{Hir, HirKind};

/// A regex with what its syntax tree tells before compiling.
#[derive(Debug)]
pub struct LazyRegex {
    /// The pattern as given to the regex crate (fragments expanded).
    pattern: String,
    ignore_case: bool,
    compiled: OnceLock<Regex>,
    /// Lower-case literals every match contains (see [`super::literals`]).
    literals: Option<Vec<Vec<u8>>>,
    /// Index of each named group.
    group_names: Vec<(usize, String)>,
}

impl LazyRegex {
    /// A regex from its (validated) pattern and syntax tree; `compiled` when it was built
    /// already.
    pub fn new(pattern: String, ignore_case: bool, hir: &Hir, compiled: Option<Regex>) -> Self {
        let mut group_names = Vec::new();
        named_groups(hir, &mut group_names);
        Self {
            literals: super::literals::required_literals(hir),
            pattern,
            ignore_case,
            compiled: compiled.map_or_else(OnceLock::new, OnceLock::from),
            group_names,
        }
    }

    /// The compiled regex.
    pub fn get(&self) -> &Regex {
        self.compiled.get_or_init(|| {
            build(&self.pattern, self.ignore_case)
                .expect("a deferred regex is one of a built-in pack, which the tests compile")
        })
    }

    /// A regex that is only ever searched (no literals, no groups asked for), deferred
    /// without reading its syntax: an `exceptions` entry of a built-in pack.
    pub fn deferred(pattern: String, ignore_case: bool) -> Self {
        Self {
            pattern,
            ignore_case,
            compiled: OnceLock::new(),
            literals: None,
            group_names: Vec::new(),
        }
    }

    /// The regex, if it has been compiled.
    pub fn compiled(&self) -> Option<&Regex> {
        self.compiled.get()
    }

    /// Literals one of which every match contains, ASCII lower case.
    pub fn literals(&self) -> Option<&[Vec<u8>]> {
        self.literals.as_deref()
    }

    /// The index of the group named `name`.
    pub fn group_index(&self, name: &str) -> Option<usize> {
        self.group_names
            .iter()
            .find(|(_, n)| n == name)
            .map(|(index, _)| *index)
    }
}

/// Build a rule's regex: `\b` as an ASCII boundary (see
/// [`super::kinds::ascii_word_boundaries`]) when that compiles, else as written.
pub fn build(pattern: &str, ignore_case: bool) -> Result<Regex, regex::Error> {
    let build = |pattern: &str| {
        RegexBuilder::new(pattern)
            .case_insensitive(ignore_case)
            .size_limit(8 << 20)
            .dfa_size_limit(8 << 20)
            .build()
    };
    build(&super::kinds::ascii_word_boundaries(pattern)).or_else(|_| build(pattern))
}

fn named_groups(hir: &Hir, out: &mut Vec<(usize, String)>) {
    match hir.kind() {
        HirKind::Capture(capture) => {
            if let Some(name) = &capture.name {
                out.push((capture.index as usize, name.to_string()));
            }
            named_groups(&capture.sub, out);
        }
        HirKind::Repetition(rep) => named_groups(&rep.sub, out),
        HirKind::Concat(children) | HirKind::Alternation(children) => {
            for child in children {
                named_groups(child, out);
            }
        }
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_and_literals_without_compiling() {
        let pattern = r"\b(?:over|more than)\s+(?P<flag>\d+)\b";
        let hir = regex_syntax::parse(pattern).unwrap();
        let lazy = LazyRegex::new(pattern.to_string(), false, &hir, None);
        assert!(lazy.compiled().is_none());
        assert_eq!(lazy.group_index("flag"), Some(1));
        assert_eq!(lazy.group_index("missing"), None);
        let literals = lazy.literals().unwrap();
        assert!(literals.contains(&b"over".to_vec()), "{literals:?}");
        assert_eq!(lazy.get().captures_len(), 2);
        assert!(lazy.compiled().is_some());
    }
}

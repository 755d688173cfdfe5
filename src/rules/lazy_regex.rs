//! A rule's regex, compiled on first use. Compiling the `ap` pack's regexes took nine
//! tenths of a one-article run; most articles give most rules nothing to look at (see
//! [`super::prefilter`]), so a regex is built only when an article could match it.
//!
//! It is built as `regex-automata`'s meta regex, configured as the `regex` crate
//! configures it (the same matches), less the one-pass DFA, which serves anchored searches
//! only. A regex the article prefilter places (it has literals) is built first without
//! its own literal prefilter, whose extraction and automata were two fifths of each build
//! and which pays for itself only over long texts: once the regex has read
//! [`LEAN_BYTES`], it is built again with it. Which build answers never changes a match.
//!
//! User packs and overrides are compiled at load, with the prefilter, so that every
//! mistake (a size limit, a replacement naming a missing group) is reported against the
//! TOML before any article is read; only the built-in packs, which the test suite compiles
//! eagerly, are deferred.

use std::ops::Range;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use regex_automata::meta::{self, Regex};
use regex_automata::util::captures::Captures;
use regex_automata::util::syntax;
use regex_automata::{Input, MatchKind};
use regex_syntax::hir::{Hir, HirKind};

use super::literals::{Required, rule_literals};
use super::narrow::{self, Reach};

/// Text a regex reads without its own literal prefilter before it is built with one.
/// Measured on the BBC archive with `ap`: a prefilter costs about 1.1 M instructions to
/// build and saves about 6 per byte searched.
pub const LEAN_BYTES: usize = 128 << 10;

/// The NFA size limit of a rule's regex (`regex::RegexBuilder::size_limit`).
const NFA_SIZE_LIMIT: usize = 8 << 20;
/// The lazy DFA's cache, as `dfa_size_limit`.
const LAZY_DFA_CAPACITY: usize = 8 << 20;

/// A regex with what its syntax tree tells before compiling.
#[derive(Debug)]
pub struct LazyRegex {
    /// The pattern as given to the regex crate (fragments expanded); several for a
    /// regex of many patterns ([`LazyRegex::many`]).
    patterns: Vec<String>,
    ignore_case: bool,
    /// Without a literal prefilter and with its classes narrowed to ASCII
    /// ([`super::narrow`]), for the first texts that are ASCII; `None` if it does not
    /// build. The flag tells that narrowing changed nothing, so it serves every text.
    ascii: OnceLock<Option<(Regex, bool)>>,
    /// The same narrowed to [`Reach::Narrow`], for the first texts that hold only narrow
    /// characters (and the ASCII ones after it).
    narrow: OnceLock<Option<(Regex, bool)>>,
    /// Without a literal prefilter, for the first texts.
    lean: OnceLock<Regex>,
    /// With one (at load, for user packs).
    compiled: OnceLock<Regex>,
    /// Bytes searched with the lean build so far.
    read: AtomicUsize,
    /// Literals every match contains (see [`super::literals`]); for a deferred regex,
    /// read from its syntax on first asking.
    literals: OnceLock<Option<Required>>,
    /// Index of each named group.
    group_names: Vec<(usize, String)>,
    /// The pattern's syntax tree as [`build_with`] reads it, when it was parsed that way
    /// at load: the narrowed build starts from it instead of parsing again.
    build_syntax: Option<Hir>,
    /// Whether the pattern uses line or text anchors (`None`: not read yet).
    anchored: Option<bool>,
}

impl LazyRegex {
    /// A regex from its (validated) pattern and syntax tree; `compiled` when it was built
    /// already (see [`build`]).
    pub fn new(pattern: String, ignore_case: bool, hir: &Hir, compiled: Option<Regex>) -> Self {
        let mut group_names = Vec::new();
        named_groups(hir, &mut group_names);
        Self {
            literals: OnceLock::from(rule_literals(hir, ignore_case)),
            anchored: Some(hir.properties().look_set().contains_anchor()),
            patterns: vec![pattern],
            ignore_case,
            ascii: OnceLock::new(),
            narrow: OnceLock::new(),
            lean: OnceLock::new(),
            compiled: compiled.map_or_else(OnceLock::new, OnceLock::from),
            read: AtomicUsize::new(0),
            group_names,
            build_syntax: None,
        }
    }

    /// This regex with its syntax tree as it is built ([`parse_for_build`]).
    pub fn with_build_syntax(mut self, hir: Hir) -> Self {
        self.build_syntax = Some(hir);
        self
    }

    /// This regex, the alternation `(?:p1)|(?:p2)|…` of `patterns` (expanded), as one
    /// regex of those patterns: it finds what the alternation finds (the first pattern
    /// that matches at the leftmost position wins) and tells which pattern matched
    /// ([`Captures::pattern`]), with that pattern's own groups. Its literals and anchors
    /// are the alternation's; it is compiled on first use.
    pub fn into_many(mut self, patterns: Vec<String>) -> Self {
        self.patterns = patterns;
        self.ascii = OnceLock::new();
        self.narrow = OnceLock::new();
        self.lean = OnceLock::new();
        self.compiled = OnceLock::new();
        self.group_names.clear();
        self.build_syntax = None;
        self
    }

    /// The pattern (fragments expanded), for a regex of one.
    pub fn pattern(&self) -> &str {
        &self.patterns[0]
    }

    /// The patterns (fragments expanded): one, or the keys of a regex of many.
    pub fn patterns(&self) -> &[String] {
        &self.patterns
    }

    /// Whether the regex ignores case.
    pub fn ignores_case(&self) -> bool {
        self.ignore_case
    }

    /// A regex that is only ever searched (no literals, no groups asked for), deferred
    /// without reading its syntax: an `exceptions` entry of a built-in pack.
    pub fn deferred(pattern: String, ignore_case: bool) -> Self {
        Self {
            patterns: vec![pattern],
            ignore_case,
            ascii: OnceLock::new(),
            narrow: OnceLock::new(),
            lean: OnceLock::new(),
            compiled: OnceLock::new(),
            read: AtomicUsize::new(0),
            literals: OnceLock::new(),
            group_names: Vec::new(),
            anchored: None,
            build_syntax: None,
        }
    }

    /// The build to search `haystack` with, compiled if need be.
    fn get(&self, haystack: &str) -> &Regex {
        if let Some(regex) = self.compiled.get() {
            return regex;
        }
        let read = self.read.fetch_add(haystack.len(), Ordering::Relaxed) + haystack.len();
        // A regex the article prefilter cannot place (it has no literals) searches
        // everything it is given; a deferred `exceptions` entry only units with findings.
        let unplaced = matches!(self.literals.get(), Some(None));
        let prefilter = read > LEAN_BYTES || unplaced;
        if read <= LEAN_BYTES
            && let Some(regex) = self.narrowed(haystack)
        {
            return regex;
        }
        let cell = if prefilter {
            &self.compiled
        } else {
            &self.lean
        };
        cell.get_or_init(|| {
            build_with(&self.patterns, self.ignore_case, prefilter)
                .expect("a deferred regex is one of a built-in pack, which the tests compile")
        })
    }

    /// The matches in `haystack`, leftmost first, as `regex::Regex::find_iter` gives them.
    pub fn find_iter<'r, 'h>(&'r self, haystack: &'h str) -> meta::FindMatches<'r, 'h> {
        self.get(haystack).find_iter(haystack)
    }

    /// The matches that lie in `range` of `haystack`, leftmost first, as
    /// [`LazyRegex::find_iter`] gives them for that stretch; look-around (`\b`, `^`) still
    /// reads the bytes either side of it.
    pub fn find_iter_in<'r, 'h>(
        &'r self,
        haystack: &'h str,
        range: Range<usize>,
    ) -> meta::FindMatches<'r, 'h> {
        self.get(haystack)
            .find_iter(Input::new(haystack).range(range))
    }

    /// Whether the regex matches anywhere in `haystack`.
    pub fn is_match(&self, haystack: &str) -> bool {
        self.get(haystack).is_match(haystack)
    }

    /// The groups of the first match at or after `start` (`regex::Regex::captures_at`).
    pub fn captures_at(&self, haystack: &str, start: usize) -> Option<Captures> {
        let regex = self.get(haystack);
        let mut caps = regex.create_captures();
        regex.search_captures(&Input::new(haystack).span(start..haystack.len()), &mut caps);
        caps.is_match().then_some(caps)
    }

    /// The narrowed build that serves `haystack`, built if need be; `None` when none does.
    fn narrowed(&self, haystack: &str) -> Option<&Regex> {
        // A build that narrowing left unchanged serves every text.
        for cell in [&self.ascii, &self.narrow] {
            if let Some(Some((regex, true))) = cell.get() {
                return Some(regex);
            }
        }
        let reach = super::narrow::reach_of(haystack);
        // The narrow build serves ASCII texts too.
        if let (Some(_), Some(Some((regex, _)))) = (reach, self.narrow.get()) {
            return Some(regex);
        }
        // A wide text is served by the narrow build only if it turns out unchanged.
        let build = reach.unwrap_or(Reach::Narrow);
        let cell = match build {
            Reach::Ascii => &self.ascii,
            Reach::Narrow => &self.narrow,
        };
        let (regex, exact) = cell
            .get_or_init(|| match &self.build_syntax {
                Some(hir) => narrow::narrow_from(std::slice::from_ref(hir), build),
                None => narrow::build_narrow(&self.patterns, self.ignore_case, build),
            })
            .as_ref()?;
        (reach.is_some() || *exact).then_some(regex)
    }

    /// The regex, if it has been compiled with its prefilter.
    pub fn compiled(&self) -> Option<&Regex> {
        self.compiled.get()
    }

    /// Whether any build exists yet.
    #[cfg(test)]
    pub fn is_built(&self) -> bool {
        self.ascii.get().is_some()
            || self.narrow.get().is_some()
            || self.lean.get().is_some()
            || self.compiled.get().is_some()
    }

    /// Literals one of which every match contains: ASCII lower case, or in their case
    /// for a case-sensitive regex ([`rule_literals`]).
    pub fn literals(&self) -> Option<&Required> {
        self.literals
            .get_or_init(|| {
                // Parsed as `CompileContext::regex` parses a pattern for its literals.
                let hir = regex_syntax::ParserBuilder::new()
                    .case_insensitive(self.ignore_case && !self.patterns[0].is_ascii())
                    .build()
                    .parse(&self.patterns[0])
                    .ok()?;
                rule_literals(&hir, self.ignore_case)
            })
            .as_ref()
    }

    /// Whether the pattern uses line or text anchors (`^`, `$`, `\A`, `\z`), so that
    /// it must see each unit on its own.
    pub fn is_anchored(&self) -> bool {
        self.anchored
            .unwrap_or_else(|| self.patterns.iter().any(|p| super::kinds::is_anchored(p)))
    }

    /// The index of the group named `name`.
    pub fn group_index(&self, name: &str) -> Option<usize> {
        self.group_names
            .iter()
            .find(|(_, n)| n == name)
            .map(|(index, _)| *index)
    }
}

/// The span of group `index` of a match, as a range.
pub fn group(caps: &Captures, index: usize) -> Option<Range<usize>> {
    caps.get_group(index).map(|span| span.range())
}

/// Build a rule's regex: `\b` as an ASCII boundary (see
/// [`super::kinds::ascii_word_boundaries`]) when that compiles, else as written, with
/// its literal prefilter or without (`prefilter`). The error is the `regex` crate's,
/// whose messages name the size limit and the syntax error.
pub fn build(pattern: &str, ignore_case: bool, prefilter: bool) -> Result<Regex, regex::Error> {
    build_with(&[pattern], ignore_case, prefilter).ok_or_else(|| {
        let error = regex::RegexBuilder::new(pattern)
            .case_insensitive(ignore_case)
            .size_limit(NFA_SIZE_LIMIT)
            .dfa_size_limit(LAZY_DFA_CAPACITY)
            .build();
        match error {
            Err(error) => error,
            Ok(_) => regex::Error::Syntax(format!("`{pattern}` does not compile")),
        }
    })
}

/// What `regex::RegexBuilder` sets, with the size limits of the packs.
pub(super) fn meta_config(prefilter: bool) -> meta::Config {
    meta::Config::new()
        .match_kind(MatchKind::LeftmostFirst)
        .utf8_empty(true)
        .nfa_size_limit(Some(NFA_SIZE_LIMIT))
        .hybrid_cache_capacity(LAZY_DFA_CAPACITY)
        .onepass(false)
        .auto_prefilter(prefilter)
}

pub(super) fn syntax_config(ignore_case: bool) -> syntax::Config {
    syntax::Config::new()
        .case_insensitive(ignore_case)
        .utf8(true)
}

/// `patterns` with `\b` as an ASCII boundary (tried first), then as written.
pub(super) fn readings<P: AsRef<str>>(patterns: &[P]) -> [Vec<String>; 2] {
    let written: Vec<String> = patterns.iter().map(|p| p.as_ref().to_string()).collect();
    let ascii = written
        .iter()
        .map(|p| super::kinds::ascii_word_boundaries(p))
        .collect();
    [ascii, written]
}

/// The regex of `patterns`, or `None` when they do not compile (see [`build`] for why).
fn build_with<P: AsRef<str>>(patterns: &[P], ignore_case: bool, prefilter: bool) -> Option<Regex> {
    readings(patterns).iter().find_map(|patterns| {
        meta::Builder::new()
            .configure(meta_config(prefilter))
            .syntax(syntax_config(ignore_case))
            .build_many(patterns)
            .ok()
    })
}

/// The syntax tree of `pattern` as [`build_with`] reads it, if it parses.
pub fn parse_for_build(pattern: &str, ignore_case: bool) -> Option<Hir> {
    let config = syntax_config(ignore_case);
    readings(&[pattern])
        .iter()
        .find_map(|reading| syntax::parse_with(&reading[0], &config).ok())
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
        let literals = &lazy.literals().unwrap().set;
        assert!(literals.contains(&b"over".to_vec()), "{literals:?}");
        let caps = lazy.captures_at("more than 12 boats", 0).unwrap();
        assert_eq!(group(&caps, 1), Some(10..12));
        // The lean build answered: the prefiltered one comes after LEAN_BYTES.
        assert!(lazy.compiled().is_none());
        let long = "over 12 boats ".repeat(LEAN_BYTES / 10);
        assert_eq!(lazy.find_iter(&long).count(), LEAN_BYTES / 10);
        assert!(lazy.compiled().is_some());
        assert_eq!(lazy.find_iter(&long).count(), LEAN_BYTES / 10);
    }

    #[test]
    fn each_reach_is_built_once_and_finds_what_the_full_regex_finds() {
        // Read with Unicode for ASCII texts (`\p{Lu}`), then without (case folded).
        for (pattern, ignore_case) in [
            (r"(?i)\b\p{Lu}\w+\s+said\b", false),
            (r"\b[a-z]\w+\s+(?:said|says)\s+\d+\b", true),
        ] {
            let lazy = LazyRegex::deferred(pattern.to_string(), ignore_case);
            let full = build(pattern, ignore_case, true).unwrap();
            let spans = |regex: &Regex, text: &str| -> Vec<_> {
                regex.find_iter(text).map(|m| m.range()).collect()
            };
            let ascii = "Then Ng said no; SKY said 12 times, and Ng SAYS 3.";
            let narrow = "Then Ólafsdóttir said 1; ſky said yes; Ng\u{a0}says\u{a0}2";
            let wide = "Then Ольга said no, SKY says 4.";
            for (text, built) in [
                (ascii, [true, false]),
                (narrow, [true, true]),
                (ascii, [true, true]),
            ] {
                let found: Vec<_> = lazy.find_iter(text).map(|m| m.range()).collect();
                assert_eq!(found, spans(&full, text), "{pattern} on {text}");
                assert!(!found.is_empty() || text != ascii, "{pattern} on {text}");
                let cells = [lazy.ascii.get().is_some(), lazy.narrow.get().is_some()];
                assert_eq!(cells, built, "{pattern} on {text}");
            }
            assert!(lazy.lean.get().is_none());
            let found: Vec<_> = lazy.find_iter(wide).map(|m| m.range()).collect();
            assert_eq!(found, spans(&full, wide), "{pattern}");
            assert!(
                lazy.lean.get().is_some(),
                "a wide text needs the whole regex"
            );
        }
    }

    #[test]
    fn matches_are_those_of_the_regex_crate() {
        let pattern = r"\b(?:Mr|Mrs)\.?\s+\p{Lu}[\p{L}'’-]*";
        let text = "Mr Árni and Mrs. O’Hara met Mr. x and MRS Ng, and Mrs Ng-Ruiz.";
        let expected: Vec<_> =
            regex::Regex::new(&crate::rules::kinds::ascii_word_boundaries(pattern))
                .unwrap()
                .find_iter(text)
                .map(|m| m.range())
                .collect();
        assert_eq!(expected.len(), 3);
        for prefilter in [false, true] {
            let regex = build(pattern, false, prefilter).unwrap();
            let found: Vec<_> = regex.find_iter(text).map(|m| m.range()).collect();
            assert_eq!(found, expected);
        }
    }

    #[test]
    fn many_patterns_match_as_their_alternation_and_tell_which() {
        let keys = [
            r"\bSept\s+(\d+)",
            r"Sept\s+(\d+)|(Oct)\b",
            r"\bSep\.?\s+(\d+)",
        ];
        let alternation = keys.map(|k| format!("(?:{k})")).join("|");
        let hir = regex_syntax::parse(&alternation).unwrap();
        let many = LazyRegex::new(alternation.clone(), false, &hir, None)
            .into_many(keys.map(String::from).to_vec());
        // A case-sensitive regex: its literals keep their case.
        assert!(many.literals().unwrap().set.contains(&b"Oct".to_vec()));
        let text = "On Sept 5, XSept 6, Sep. 7 and Oct 8; Octo.";
        let one = regex::Regex::new(&alternation).unwrap();
        let expected: Vec<_> = one.find_iter(text).map(|m| m.range()).collect();
        let found: Vec<_> = many.find_iter(text).map(|m| m.range()).collect();
        assert_eq!(found, expected);
        let chosen: Vec<usize> = found
            .iter()
            .map(|r| {
                let caps = many.captures_at(text, r.start).unwrap();
                caps.pattern().unwrap().as_usize()
            })
            .collect();
        // "XSept 6" has no boundary before "Sept": the second key's.
        assert_eq!(chosen, [0, 1, 2, 1]);
        let caps = many.captures_at(text, found[3].start).unwrap();
        let mut out = String::new();
        caps.interpolate_string_into(text, "[$1$2]", &mut out);
        assert_eq!(out, "[Oct]");
    }

    #[test]
    fn build_errors_are_the_regex_crates() {
        let err = build("ab(c", false, false).unwrap_err();
        assert!(err.to_string().contains("unclosed group"), "{err}");
        let err = build(r"\w{1000}{1000}", false, true).unwrap_err();
        assert!(matches!(err, regex::Error::CompiledTooBig(_)), "{err}");
    }
}

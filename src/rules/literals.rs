//! Literals that every match of a regex contains, read from its syntax tree: a rule whose
//! literals are all absent from an article cannot match there, so its regex need not run
//! (nor even be compiled). The sets are ASCII lower case, for a case-insensitive
//! Aho-Corasick search ([`super::prefilter`]), which makes them a superset of what a
//! case-sensitive pattern needs.
//!
//! Case folding: a case-insensitive regex matches the Kelvin sign (U+212A) for `k` and the
//! long s (U+017F) for `s`, the only characters outside ASCII that fold to an ASCII letter.
//! They are written here as `k` and `s`, and the prefilter runs every rule on the rare
//! article that holds either of them.

use regex_syntax::hir::{Class, Hir, HirKind};

/// Most strings a concatenation's cross product or a class may stand for.
const MAX_PRODUCT: usize = 64;
/// Most strings an alternation's set may hold.
const MAX_UNION: usize = 512;
/// Most characters a class may hold to be read as a set of one-character strings.
const MAX_CLASS: usize = 12;

type Set = Vec<Vec<u8>>;

/// What is known of the strings a piece of regex matches.
#[derive(Default)]
struct Info {
    /// Every string the piece matches is one of these (after lower-casing).
    exact: Option<Set>,
    /// Every match of the piece contains one of these.
    required: Option<Set>,
}

impl Info {
    fn exact(set: Set) -> Self {
        Self {
            exact: Some(set),
            required: None,
        }
    }

    /// The most selective set that every match contains one of.
    fn best(&self) -> Option<&Set> {
        [self.exact.as_ref(), self.required.as_ref()]
            .into_iter()
            .flatten()
            .filter(|set| usable(set))
            .max_by_key(|set| score(set))
    }
}

/// A set that can tell something: not empty, and no member empty.
fn usable(set: &Set) -> bool {
    !set.is_empty() && set.iter().all(|s| !s.is_empty())
}

/// Longer shortest members first, then fewer members.
fn score(set: &Set) -> (usize, std::cmp::Reverse<usize>) {
    let shortest = set.iter().map(Vec::len).min().unwrap_or(0);
    (shortest.min(8), std::cmp::Reverse(set.len()))
}

/// The lower-case literals one of which every match of `hir` contains, or `None` when
/// there is no useful set (a single letter or space would match almost everywhere).
pub fn required_literals(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    literals_of(hir, true)
}

/// The literals, in the case they must have, one of which every match of `hir` contains:
/// for a case-sensitive regex, whose literals are worth more in their case ("US" is rare
/// where "us" is in every paragraph). A class of both cases stands for both letters.
pub fn required_literals_exact(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    literals_of(hir, false)
}

/// A rule's literals: in their case for a case-sensitive regex, unless the set holds one
/// word in two cases (an inline `(?i:…)`, where every case is spelled out): then lower
/// case, as for a regex that ignores case.
pub fn rule_literals(hir: &Hir, ignore_case: bool) -> Option<Required> {
    if !ignore_case && !has_case_pair(hir) {
        let set = required_literals_exact(hir)?;
        if !has_case_variants(&set) {
            return Some(Required {
                set,
                exact_case: true,
            });
        }
    }
    required_literals(hir).map(|set| Required {
        set,
        exact_case: false,
    })
}

/// Whether `hir` has a small class holding a letter in both cases (`(?i:…)` in a
/// case-sensitive regex; large classes are never read as literals): its literals are then read without case, without first spelling out every
/// case of them.
fn has_case_pair(hir: &Hir) -> bool {
    struct Pairs(bool);
    impl regex_syntax::hir::Visitor for Pairs {
        type Output = bool;
        type Err = ();
        fn visit_pre(&mut self, hir: &Hir) -> Result<(), ()> {
            if let HirKind::Class(Class::Unicode(class)) = hir.kind()
                && class_size(
                    class
                        .ranges()
                        .iter()
                        .map(|r| (r.start() as usize, r.end() as usize)),
                ) <= MAX_CLASS
            {
                let holds = |c: char| {
                    class
                        .ranges()
                        .iter()
                        .any(|r| r.start() <= c && c <= r.end())
                };
                self.0 |= ('a'..='z').any(|c| holds(c) && holds(c.to_ascii_uppercase()));
            }
            Ok(())
        }
        fn finish(self) -> Result<bool, ()> {
            Ok(self.0)
        }
    }
    regex_syntax::hir::visit(hir, Pairs(false)).unwrap_or(true)
}

fn has_case_variants(set: &Set) -> bool {
    let mut lower: Vec<Vec<u8>> = set.iter().map(|s| s.to_ascii_lowercase()).collect();
    lower.sort();
    lower.windows(2).any(|w| w[0] == w[1])
}

/// Literals one of which every match of a rule contains (see [`super::prefilter`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Required {
    /// ASCII lower case, or as the text must hold them when `exact_case`.
    pub set: Vec<Vec<u8>>,
    /// Whether a text holds one of them only in this case.
    pub exact_case: bool,
}

fn literals_of(hir: &Hir, fold: bool) -> Option<Vec<Vec<u8>>> {
    let info = analyse(hir, fold);
    let mut set = info.best()?.clone();
    set.sort();
    set.dedup();
    let too_common = |s: &Vec<u8>| s.len() == 1 && (s[0].is_ascii_alphabetic() || s[0] == b' ');
    if set.iter().any(too_common) {
        return None;
    }
    Some(set)
}

/// What `hir` tells, its literals lower case (`fold`) or as written.
fn analyse(hir: &Hir, fold: bool) -> Info {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Info::exact(vec![Vec::new()]),
        HirKind::Literal(literal) => Info::exact(vec![case(&literal.0, fold)]),
        HirKind::Class(class) => class_set(class, fold).map_or_else(Info::default, Info::exact),
        HirKind::Capture(capture) => analyse(&capture.sub, fold),
        HirKind::Repetition(rep) => {
            let sub = analyse(&rep.sub, fold);
            match (rep.min, rep.max) {
                (_, Some(0)) => Info::exact(vec![Vec::new()]),
                (1, Some(1)) => sub,
                (0, Some(1)) => Info {
                    exact: sub.exact.map(|mut set| {
                        set.push(Vec::new());
                        set
                    }),
                    required: None,
                },
                (0, _) => Info::default(),
                _ => Info {
                    exact: None,
                    required: sub.best().cloned(),
                },
            }
        }
        HirKind::Concat(children) => concat(children, fold),
        HirKind::Alternation(children) => alternation(children, fold),
    }
}

fn concat(children: &[Hir], fold: bool) -> Info {
    let mut candidates: Vec<Set> = Vec::new();
    let mut run: Set = vec![Vec::new()];
    let mut whole_is_exact = true;
    for child in children {
        let info = analyse(child, fold);
        match &info.exact {
            Some(exact) if run.len() * exact.len() <= MAX_PRODUCT => {
                run = product(&run, exact);
            }
            Some(exact) => {
                whole_is_exact = false;
                candidates.push(std::mem::replace(&mut run, exact.clone()));
            }
            None => {
                whole_is_exact = false;
                candidates.push(std::mem::replace(&mut run, vec![Vec::new()]));
                candidates.extend(info.required);
            }
        }
    }
    if whole_is_exact {
        return Info::exact(run);
    }
    candidates.push(run);
    let required = candidates.into_iter().filter(usable).max_by_key(score);
    Info {
        exact: None,
        required,
    }
}

fn alternation(children: &[Hir], fold: bool) -> Info {
    let infos: Vec<Info> = children.iter().map(|child| analyse(child, fold)).collect();
    let exact = infos
        .iter()
        .map(|i| i.exact.as_ref())
        .collect::<Option<Vec<&Set>>>()
        .map(|sets| sets.into_iter().flatten().cloned().collect::<Set>())
        .filter(|set| set.len() <= MAX_UNION);
    // When an exact union holds the empty string, the members' best sets may still tell.
    let required = infos
        .iter()
        .map(Info::best)
        .collect::<Option<Vec<&Set>>>()
        .map(|sets| sets.into_iter().flatten().cloned().collect::<Set>())
        .filter(|set| set.len() <= MAX_UNION);
    Info { exact, required }
}

fn product(left: &Set, right: &Set) -> Set {
    let mut out = Vec::with_capacity(left.len() * right.len());
    for a in left {
        for b in right {
            let mut joined = a.clone();
            joined.extend_from_slice(b);
            out.push(joined);
        }
    }
    out.sort();
    out.dedup();
    out
}

/// How many members a class of `(first, last)` ranges holds.
fn class_size(ranges: impl Iterator<Item = (usize, usize)>) -> usize {
    ranges.map(|(first, last)| last - first + 1).sum()
}

/// A small class as its characters, folded if `fold`; `None` for a large one.
fn class_set(class: &Class, fold: bool) -> Option<Set> {
    let mut set = Set::new();
    match class {
        Class::Unicode(class) => {
            let sizes = class
                .ranges()
                .iter()
                .map(|r| (r.start() as usize, r.end() as usize));
            if class_size(sizes) > MAX_CLASS {
                return None;
            }
            for range in class.ranges() {
                for c in range.start()..=range.end() {
                    set.push(case(c.encode_utf8(&mut [0; 4]).as_bytes(), fold));
                }
            }
        }
        Class::Bytes(class) => {
            let sizes = class
                .ranges()
                .iter()
                .map(|r| (r.start() as usize, r.end() as usize));
            if class_size(sizes) > MAX_CLASS {
                return None;
            }
            for range in class.ranges() {
                for b in range.start()..=range.end() {
                    set.push(vec![if fold { b.to_ascii_lowercase() } else { b }]);
                }
            }
        }
    }
    set.sort();
    set.dedup();
    Some(set)
}

/// `bytes` as written, or folded: ASCII lower case, with the two characters outside ASCII
/// that fold into it written as the letter they fold to.
fn case(bytes: &[u8], fold: bool) -> Vec<u8> {
    if !fold {
        return bytes.to_vec();
    }
    const KELVIN: &[u8] = "\u{212A}".as_bytes();
    const LONG_S: &[u8] = "\u{17F}".as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let rest = &bytes[at..];
        if rest.starts_with(KELVIN) {
            out.push(b'k');
            at += KELVIN.len();
        } else if rest.starts_with(LONG_S) {
            out.push(b's');
            at += LONG_S.len();
        } else {
            out.push(bytes[at].to_ascii_lowercase());
            at += 1;
        }
    }
    out
}

/// The characters outside ASCII that a case-insensitive regex matches for an ASCII
/// letter: an article holding one of them runs every rule.
pub const FOLDS_TO_ASCII: [&str; 2] = ["\u{17F}", "\u{212A}"];

#[cfg(test)]
mod tests {
    use super::*;

    fn literals(pattern: &str, ignore_case: bool) -> Option<Vec<String>> {
        let hir = regex_syntax::ParserBuilder::new()
            .case_insensitive(ignore_case)
            .build()
            .parse(pattern)
            .unwrap();
        required_literals(&hir).map(|set| {
            set.into_iter()
                .map(|s| String::from_utf8(s).unwrap())
                .collect()
        })
    }

    #[test]
    fn words_boundaries_and_optional_letters() {
        assert_eq!(literals(r"\bstated\b", true).unwrap(), ["stated"]);
        assert_eq!(
            literals(r"\bcolou?rs?\b", false).unwrap(),
            ["color", "colors", "colour", "colours"]
        );
        assert_eq!(
            literals(r"(?i)\b(?:amongst|whilst)\b", false).unwrap(),
            ["amongst", "whilst"]
        );
    }

    #[test]
    fn the_most_selective_piece_of_a_concatenation() {
        assert_eq!(literals(r"\d+\s+percent\b", false).unwrap(), ["percent"]);
        assert_eq!(
            literals(r"[0-9]+ (?:per cent|pct)", false).unwrap(),
            [" pct", " per cent"]
        );
    }

    #[test]
    fn no_set_when_any_text_could_match() {
        assert_eq!(literals(r"\w+ly\b|x", false), None);
        assert_eq!(literals(r"[a-z]+", false), None);
        assert_eq!(literals(r"(?:foo)?\w*", false), None);
        // Optional pieces still leave what every match holds.
        assert_eq!(
            literals(r"(?:foo)?bar?", false).unwrap(),
            ["ba", "bar", "fooba", "foobar"]
        );
    }

    #[test]
    fn case_sensitive_literals_keep_their_case() {
        let exact = |pattern: &str| {
            let hir = regex_syntax::parse(pattern).unwrap();
            required_literals_exact(&hir).map(|set| {
                set.into_iter()
                    .map(|s| String::from_utf8(s).unwrap())
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(exact(r"\b(?:US|UK)\b").unwrap(), ["UK", "US"]);
        assert_eq!(exact(r"\bMr\.?\s").unwrap(), ["Mr", "Mr."]);
        // Every case spelled out: o or O, then k, K or the Kelvin sign.
        assert_eq!(exact(r"(?i:ok)ay").unwrap().len(), 6);
        assert_eq!(exact(r"\p{Lu}\p{Ll}+"), None);
        // One word in several cases is read without case.
        let hir = regex_syntax::parse(r"\bTK\b|(?i:lorem)").unwrap();
        let rule = rule_literals(&hir, false).unwrap();
        assert_eq!((rule.set.len(), rule.exact_case), (2, false));
        let hir = regex_syntax::parse(r"\bTK\b|\bXX\b").unwrap();
        assert!(rule_literals(&hir, false).unwrap().exact_case);
        let folded = rule_literals(&hir, true).unwrap();
        assert_eq!(folded.set, [b"tk".to_vec(), b"xx".to_vec()]);
    }

    #[test]
    fn unicode_case_folding_is_covered() {
        // The only non-ASCII characters whose simple case folding reaches an ASCII letter.
        let ascii_letter = regex::Regex::new(r"(?i)^[a-z]$").unwrap();
        let folding: Vec<char> = (0x80..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|c| ascii_letter.is_match(c.encode_utf8(&mut [0; 4])))
            .collect();
        let expected: Vec<char> = FOLDS_TO_ASCII.iter().flat_map(|s| s.chars()).collect();
        assert_eq!(folding, expected);
        assert_eq!(literals("(?i)kelvin", false).unwrap(), ["kelvin"]);
        // A letter outside ASCII keeps both its cases.
        assert_eq!(literals("café", true).unwrap(), ["cafÉ", "café"]);
    }
}

//! A rule's regex cut down to the characters of ordinary English copy, for the first
//! texts a lazily built regex searches ([`super::lazy_regex`]).
//!
//! Most of the cost of compiling a pack's regex is its Unicode classes: `\s`, `\d`,
//! `\p{Lu}`, `.` and case folding each stand for hundreds of ranges, and every range is
//! compiled to UTF-8 sequences twice (forward and reverse). A text whose characters all lie
//! in a [`Reach`] can only ever be matched by those characters, so intersecting every class
//! of the regex with the reach gives a regex with exactly the same matches on that text,
//! and one that compiles several times faster (measured in the module's caller). Texts
//! with any other character are searched with the full regex.

use regex_automata::meta::{self, Regex};
use regex_automata::util::syntax;
use regex_syntax::hir::Repetition;
use regex_syntax::hir::{Capture, Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind};

use super::lazy_regex::{meta_config, readings, syntax_config};

/// The characters a narrowed regex is built for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// ASCII, which most copy is: its classes compile to byte ranges alone, without the
    /// UTF-8 automaton (and the table it allocates) that any wider class needs.
    Ascii,
    /// [`NARROW`].
    Narrow,
}

impl Reach {
    fn ranges(self) -> &'static [(char, char)] {
        match self {
            Reach::Ascii => &[('\u{0}', '\u{7F}')],
            Reach::Narrow => NARROW,
        }
    }
}

/// The characters of ordinary English news copy: ASCII, Latin-1 and the Latin extensions
/// (accented names), general punctuation (curly quotes, dashes, the ellipsis, thin and
/// no-break spaces), currency signs, the trade mark sign and the vulgar fractions.
const NARROW: &[(char, char)] = &[
    ('\u{0}', '\u{2FF}'),
    ('\u{2000}', '\u{206F}'),
    ('\u{20A0}', '\u{20CF}'),
    ('\u{2122}', '\u{2122}'),
    ('\u{2150}', '\u{215F}'),
];

/// The narrowest reach that holds every character of `text`, if one does.
pub fn reach_of(text: &str) -> Option<Reach> {
    // Most copy is ASCII, which the standard library checks a word at a time.
    if text.is_ascii() {
        Some(Reach::Ascii)
    } else {
        is_narrow(text).then_some(Reach::Narrow)
    }
}

/// Whether every character of `text` is in [`NARROW`].
pub fn is_narrow(text: &str) -> bool {
    text.is_ascii()
        || text
            .chars()
            .all(|c| NARROW.iter().any(|&(low, high)| low <= c && c <= high))
}

/// `hir` with every Unicode class intersected with `reach`. A class left empty matches
/// nothing, as it could match nothing in a text within that reach. Groups keep their
/// indices and names.
pub fn narrowed(hir: &Hir, reach: Reach) -> Hir {
    let reach = reach_class(reach);
    with_classes(hir, &|class| {
        let mut class = class.clone();
        class.intersect(&reach);
        class
    })
}

/// `hir` with every Unicode class that holds a character beyond ASCII made to hold all of
/// them: it matches wherever `hir` does (and more, only beyond ASCII), and its classes
/// compile to a few UTF-8 sequences where `\p{L}` or case folding takes hundreds. For an
/// automaton that need only tell where a regex cannot match ([`super::prefilter::gate`]).
pub fn widened(hir: &Hir) -> Hir {
    let beyond_ascii = ClassUnicodeRange::new('\u{80}', char::MAX);
    with_classes(hir, &|class| {
        let mut class = class.clone();
        if class.ranges().last().is_some_and(|r| r.end() > '\u{7F}') {
            class.push(beyond_ascii);
        }
        class
    })
}

/// `hir` with each Unicode class replaced by `map` of it.
fn with_classes(hir: &Hir, map: &impl Fn(&ClassUnicode) -> ClassUnicode) -> Hir {
    match hir.kind() {
        HirKind::Class(Class::Unicode(class)) => Hir::class(Class::Unicode(map(class))),
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(Class::Bytes(_)) => hir.clone(),
        HirKind::Look(_) => hir.clone(),
        // Built field by field: `..rep.clone()` would copy the whole subtree only to drop it.
        HirKind::Repetition(rep) => Hir::repetition(Repetition {
            min: rep.min,
            max: rep.max,
            greedy: rep.greedy,
            sub: Box::new(with_classes(&rep.sub, map)),
        }),
        HirKind::Capture(capture) => Hir::capture(Capture {
            index: capture.index,
            name: capture.name.clone(),
            sub: Box::new(with_classes(&capture.sub, map)),
        }),
        HirKind::Concat(children) => Hir::concat(
            children
                .iter()
                .map(|child| with_classes(child, map))
                .collect(),
        ),
        HirKind::Alternation(children) => Hir::alternation(
            children
                .iter()
                .map(|child| with_classes(child, map))
                .collect(),
        ),
    }
}

fn reach_class(reach: Reach) -> ClassUnicode {
    ClassUnicode::new(
        reach
            .ranges()
            .iter()
            .map(|&(low, high)| ClassUnicodeRange::new(low, high)),
    )
}

/// The regex of `patterns` narrowed to `reach` ([`super::narrow`]), read as
/// [`super::lazy_regex::build`] reads them, without a literal prefilter; with whether narrowing changed
/// nothing.
///
/// For ASCII texts the patterns are first read without Unicode (`(?-u)`): on a text of
/// ASCII alone, `\w`, `\d`, `\s` and case folding without Unicode match exactly what their
/// Unicode classes narrowed to ASCII match, and they cost a fraction to read (folding a
/// large class was most of a case-insensitive parse). A pattern that needs Unicode to be
/// read (`\p{..}`, `.`, a negated class, a letter beyond ASCII) is read with it and
/// narrowed.
pub(super) fn build_narrow<P: AsRef<str>>(
    patterns: &[P],
    ignore_case: bool,
    reach: Reach,
) -> Option<(Regex, bool)> {
    let config = syntax_config(ignore_case);
    readings(patterns).iter().find_map(|patterns| {
        // A letter beyond ASCII or a Unicode class cannot be read without Unicode.
        let plain = |p: &String| p.is_ascii() && !p.contains("\\p") && !p.contains("\\P");
        if reach == Reach::Ascii
            && patterns.iter().all(plain)
            && let Ok(hirs) = syntax::parse_many_with(patterns, &config.unicode(false))
            && let Some(regex) = build_prefilterless(&hirs)
        {
            // Not the whole regex, whatever the narrowing did.
            return Some((regex, false));
        }
        let hirs = syntax::parse_many_with(patterns, &config).ok()?;
        narrow_from(&hirs, reach)
    })
}

/// The regex of the syntax trees `hirs` narrowed to `reach`, without a prefilter.
pub(super) fn narrow_from(hirs: &[Hir], reach: Reach) -> Option<(Regex, bool)> {
    let narrowed: Vec<Hir> = hirs.iter().map(|hir| narrowed(hir, reach)).collect();
    // Narrowing changed nothing: the build serves every text.
    let exact = narrowed == hirs;
    Some((build_prefilterless(&narrowed)?, exact))
}

/// The regex of the syntax trees `hirs`, without a literal prefilter.
fn build_prefilterless(hirs: &[Hir]) -> Option<Regex> {
    meta::Builder::new()
        .configure(meta_config(false))
        .build_many_from_hir(hirs)
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex_automata::meta::Regex;

    /// The regex of `pattern` (ignoring case) in full and reshaped by `shape`.
    fn full_and(pattern: &str, shape: impl Fn(&Hir) -> Hir) -> (Regex, Regex) {
        let hir = regex_syntax::ParserBuilder::new()
            .case_insensitive(true)
            .build()
            .parse(pattern)
            .unwrap();
        let full = Regex::builder().build_from_hir(&hir).unwrap();
        let shaped = Regex::builder().build_from_hir(&shape(&hir)).unwrap();
        (full, shaped)
    }

    /// The regex of `pattern` (ignoring case) in full and narrowed to `reach`.
    fn both(pattern: &str, reach: Reach) -> (Regex, Regex) {
        full_and(pattern, |hir| narrowed(hir, reach))
    }

    const PATTERN: &str = r"(?P<who>\p{Lu}[\p{L}’'-]+)\s+(?:said|says)\b|\d+\s*%|[^\s\w]{2,}|.é|sk";

    #[test]
    fn a_text_within_the_reach_has_the_same_matches() {
        let narrow_texts = [
            "“Fine,” Ólafsdóttir said; 40 % agreed — Ng-Ruiz SAYS ‘no’… café. Kelvin ok",
            "Ørsted said 12% of £3m; O’Hara says: ½ – done!!",
        ];
        // `k` folds to the Kelvin sign and `s` to the long s, which ASCII leaves out.
        let ascii_texts = [
            "\"Fine,\" Olafsdottir said; 40 % agreed -- Ng-Ruiz SAYS 'no'... SKY. Kelvin ok",
            "O'Hara says: 1/2 -- done!! 12%",
        ];
        for (reach, texts) in [(Reach::Narrow, &narrow_texts), (Reach::Ascii, &ascii_texts)] {
            let (full, narrow) = both(PATTERN, reach);
            for text in texts.iter().chain(&[""]) {
                // The empty text is ASCII.
                let expected = if text.is_empty() { Reach::Ascii } else { reach };
                assert_eq!(reach_of(text), Some(expected), "{text}");
                let spans = |regex: &Regex| -> Vec<_> {
                    regex.find_iter(text).map(|m| m.range()).collect()
                };
                assert_eq!(spans(&full), spans(&narrow), "{text}");
                assert_eq!(spans(&full).is_empty(), text.is_empty(), "{text}");
            }
        }
    }

    #[test]
    fn a_widened_regex_matches_wherever_the_regex_does_and_alike_on_ascii() {
        let (full, wide) = full_and(PATTERN, widened);
        let spans =
            |regex: &Regex, text| -> Vec<_> { regex.find_iter(text).map(|m| m.range()).collect() };
        let ascii = "Ng-Ruiz SAYS 40 % of 'Olafur' said -- ok";
        assert_eq!(
            spans(&full, ascii),
            spans(&wide, ascii),
            "ASCII is read as written"
        );
        for text in ["Ólafsdóttir said", "“¾”", "40 %", "Ørsted SAYS"] {
            assert!(full.is_match(text) && wide.is_match(text), "{text}");
        }
        // A class beyond ASCII now holds every such character: wider, never narrower.
        let hir = regex_syntax::parse(r"\p{Lu}\d").unwrap();
        let (full, wide) = (
            Regex::new(r"\p{Lu}\d").unwrap(),
            Regex::builder().build_from_hir(&widened(&hir)).unwrap(),
        );
        for text in ["B7", "É٣", "Б7", "b7"] {
            assert!(!full.is_match(text) || wide.is_match(text), "{text}");
        }
        assert!(wide.is_match("ß7") && !full.is_match("ß7"));
        assert!(!wide.is_match("b7"), "ASCII is read as written");
        // A literal, or a class of ASCII alone, is left as it is.
        let plain = regex_syntax::parse(r"said\s[a-z]’").unwrap();
        assert_eq!(
            widened(&regex_syntax::parse(r"said[a-z]’").unwrap()),
            regex_syntax::parse(r"said[a-z]’").unwrap()
        );
        assert_ne!(widened(&plain), plain, "`\\s` holds the no-break space");
    }

    #[test]
    fn groups_keep_their_place_and_wide_texts_are_told_apart() {
        for reach in [Reach::Ascii, Reach::Narrow] {
            let (_, narrow) = both(r"(a)(?P<flag>\w+)", reach);
            assert_eq!(narrow.group_info().to_index(0.into(), "flag"), Some(2));
        }
        assert_eq!(reach_of("Vlad said Привет"), None);
        assert_eq!(reach_of("tea 🍵"), None);
        assert_eq!(reach_of("café"), Some(Reach::Narrow));
        let hir = regex_syntax::parse(r"\bsaid\b").unwrap();
        assert_eq!(
            narrowed(&hir, Reach::Narrow),
            hir,
            "no class beyond the narrow set"
        );
        let digit = regex_syntax::parse(r"\d").unwrap();
        assert_ne!(narrowed(&digit, Reach::Narrow), digit);
        // Beyond ASCII, the narrow set still holds the folds of `s` and `é`.
        let fold = regex_syntax::parse(r"(?i)sé").unwrap();
        assert_ne!(
            narrowed(&fold, Reach::Narrow),
            narrowed(&fold, Reach::Ascii)
        );
    }
}

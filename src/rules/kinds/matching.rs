//! Pieces the kinds' checks share: dropping matches an exception covers, whether the
//! prefilter sees a scope, whole-word matches, and keeping a word's case in its fix.

use std::ops::Range;

use crate::rules::Scope;
use crate::rules::lazy_regex::LazyRegex;

/// Drop the matches `(unit index, absolute span)` that overlap a match of one of the
/// `exceptions`, searched in the match's own unit. Exceptions run only on units that hold
/// a match, which few do.
pub(crate) fn drop_exceptions(
    exceptions: &[LazyRegex],
    units: &[crate::lint::Unit],
    found: &mut Vec<(usize, Range<usize>)>,
) {
    if exceptions.is_empty() || found.is_empty() {
        return;
    }
    let mut cached: Option<(usize, Vec<Range<usize>>)> = None;
    found.retain(|(index, span)| {
        if cached.as_ref().is_none_or(|(i, _)| i != index) {
            let unit = &units[*index];
            let spans = exceptions
                .iter()
                .flat_map(|re| {
                    re.get()
                        .find_iter(unit.text)
                        .map(|m| unit.absolute(m.range()))
                })
                .collect();
            cached = Some((*index, spans));
        }
        let (_, spans) = cached.as_ref().expect("just filled");
        !spans
            .iter()
            .any(|e| e.start < span.end && span.start < e.end)
    });
}

/// Whether the prefilter's scan (the prose view and the front matter) holds every text a
/// rule of this scope reads; `text` reads the source itself, markup included, and
/// metadata values are left to run always.
pub(crate) fn prefilter_reads(scope: &Scope) -> bool {
    !matches!(scope, Scope::Text | Scope::Metadata(_))
}

/// Whether the byte before `start` and the byte at `end` are not word characters, so that
/// a literal match is a whole word or phrase.
pub(crate) fn is_whole_word(text: &str, range: Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let first = text[range.clone()].chars().next();
    let last = text[range].chars().next_back();
    // A boundary only matters where the phrase itself starts or ends with a word character.
    let glued_before = first.is_some_and(is_word) && before.is_some_and(is_word);
    let glued_after = last.is_some_and(is_word) && after.is_some_and(is_word);
    !glued_before && !glued_after
}

/// Give `replacement` the case of `original`: "Stated" → "Said", "STATED" → "SAID".
pub(crate) fn match_case(original: &str, replacement: &str) -> String {
    let letters: Vec<char> = original.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return replacement.to_uppercase();
    }
    if original.chars().next().is_some_and(char::is_uppercase) {
        let mut chars = replacement.chars();
        if let Some(first) = chars.next() {
            return first.to_uppercase().chain(chars).collect();
        }
    }
    replacement.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_and_case() {
        assert!(is_whole_word("he stated it", 3..9));
        assert!(!is_whole_word("reinstated it", 5..11));
        assert!(is_whole_word("a 12% rise", 2..5));
        assert_eq!(match_case("Stated", "said"), "Said");
        assert_eq!(match_case("STATED", "said"), "SAID");
        assert_eq!(match_case("stated", "said"), "said");
    }
}

//! Helpers of the prose view: blanking, URL masking and the article date.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::{Block, FrontMatter, Role};
use crate::text::dates;

/// A copy of `source` with every byte blanked but line breaks.
pub(super) fn blank_copy(source: &str) -> String {
    let blank: Vec<u8> = source
        .bytes()
        .map(|b| if b == b'\n' || b == b'\r' { b } else { b' ' })
        .collect();
    String::from_utf8(blank).expect("spaces and line breaks are UTF-8")
}

/// URLs are not prose: a date or a doubled word inside one is not the writer's.
pub(super) fn mask_urls(prose: &mut String) {
    static URL: OnceLock<Regex> = OnceLock::new();
    // Most copy holds no URL: it never pays for building the pattern.
    if !may_hold_url(prose.as_bytes()) {
        return;
    }
    let re = URL.get_or_init(|| {
        Regex::new(r"(?i)\b(?:https?://|www\.)[^\s<>]+").expect("URL pattern compiles")
    });
    let spans: Vec<Range<usize>> = re.find_iter(prose).map(|m| m.range()).collect();
    for span in spans {
        let blanks = " ".repeat(span.len());
        prose.replace_range(span, &blanks);
    }
}

/// Whether `text` holds `://` or `www.`, the prefilter for the URL pattern: one packed
/// (SIMD) search for both where the machine has one, else two memmem searches.
fn may_hold_url(text: &[u8]) -> bool {
    const NEEDLES: [&str; 2] = ["://", "www."];
    static BOTH: OnceLock<Option<aho_corasick::packed::Searcher>> = OnceLock::new();
    match BOTH.get_or_init(|| aho_corasick::packed::Searcher::new(NEEDLES)) {
        Some(both) => both.find(text).is_some(),
        None => NEEDLES
            .iter()
            .any(|needle| memchr::memmem::find(text, needle.as_bytes()).is_some()),
    }
}

pub(super) fn article_date(
    source: &str,
    blocks: &[Block],
    front_matter: Option<&FrontMatter>,
) -> Option<jiff::civil::Date> {
    if let Some(entry) = front_matter.and_then(|fm| fm.get("date")) {
        return dates::parse_article_date(&entry.value);
    }
    blocks
        .iter()
        .find(|b| b.role == Role::DateLine)
        .and_then(|b| dates::parse_article_date(&source[b.span.clone()]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_url_prefilter_finds_either_needle() {
        let filler = "The council met on Tuesday: it voted. ".repeat(4);
        for (text, holds) in [
            ("", false),
            ("://", true),
            ("www.", true),
            ("ww.w", false),
            (":/ /", false),
            ("see www.example.org", true),
            ("https://example.org", true),
        ] {
            assert_eq!(may_hold_url(text.as_bytes()), holds, "{text:?}");
            // Long enough for the vector search, the needle at the start or the end.
            for long in [format!("{text}{filler}"), format!("{filler}{text}")] {
                assert_eq!(may_hold_url(long.as_bytes()), holds, "{long:?}");
            }
        }
    }
}

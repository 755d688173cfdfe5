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
    let holds = |needle: &str| memchr::memmem::find(prose.as_bytes(), needle.as_bytes()).is_some();
    if !holds("://") && !holds("www.") {
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

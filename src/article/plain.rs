//! Block structure of a plain-text CMS export: section tag, headline, date line, dek,
//! body paragraphs and credit lines, separated by blank lines.

use std::ops::Range;

use super::{Block, CreditLabels, Role};
use crate::text::dates;

/// Split `source` (from `start`) into blank-line separated blocks and give each its role.
pub(super) fn blocks(source: &str, start: usize, credits: &CreditLabels) -> Vec<Block> {
    let spans = paragraph_spans(source, start);
    let mut blocks = Vec::with_capacity(spans.len());
    let mut rest = spans.into_iter().peekable();

    if let Some(first) = rest.peek()
        && is_section_tag(&source[first.clone()])
    {
        blocks.push(Block {
            span: rest.next().unwrap(),
            role: Role::SectionTag,
        });
    }
    if let Some(headline) = rest.next() {
        blocks.push(Block {
            span: headline,
            role: Role::Headline,
        });
    }
    let mut has_date_line = false;
    if let Some(next) = rest.peek() {
        let text = &source[next.clone()];
        if !text.contains('\n') && dates::parse_article_date(text).is_some() {
            blocks.push(Block {
                span: rest.next().unwrap(),
                role: Role::DateLine,
            });
            has_date_line = true;
        }
    }
    let remaining: Vec<Range<usize>> = rest.collect();
    // The dek is told from the body by the dateline (`PLACE — …`) that opens the body after it.
    let dek_index = (has_date_line
        && remaining.len() >= 2
        && !opens_with_dateline(&source[remaining[0].clone()])
        && opens_with_dateline(&source[remaining[1].clone()]))
    .then_some(0);
    for (i, span) in remaining.into_iter().enumerate() {
        let text = &source[span.clone()];
        let role = if Some(i) == dek_index {
            Role::Dek
        } else if credits.all_lines(text, false) {
            Role::Credit
        } else {
            Role::Body
        };
        blocks.push(Block { span, role });
    }
    blocks
}

/// Byte spans of the runs of non-blank lines, each without its final line break.
pub(crate) fn paragraph_spans(source: &str, start: usize) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut offset = start;
    // The lines with their breaks (what `split_inclusive('\n')` gives), found by memchr.
    let rest = &source[start..];
    let breaks = memchr::memchr_iter(b'\n', rest.as_bytes()).map(|i| i + 1);
    let mut line_from = 0;
    let ends = breaks.chain((!rest.is_empty()).then_some(rest.len()));
    for line_end in ends {
        if line_end <= line_from {
            continue;
        }
        let line = &rest[line_from..line_end];
        line_from = line_end;
        let content = line.trim_end_matches(['\n', '\r']);
        let line_start = offset;
        offset += line.len();
        if content.trim().is_empty() {
            spans.extend(current.take());
        } else {
            let end = line_start + content.len();
            match &mut current {
                Some(span) => span.end = end,
                None => current = Some(line_start + leading_space(content)..end),
            }
        }
    }
    spans.extend(current);
    spans
}

fn leading_space(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

fn is_section_tag(text: &str) -> bool {
    let Some(tag) = text.strip_prefix('#') else {
        return false;
    };
    !tag.is_empty() && !tag.starts_with('#') && !tag.contains(char::is_whitespace)
}

/// `PELL RIVER — …`, `LONDON (Reuters) - …`: an upper-case place, then a dash.
pub(crate) fn opens_with_dateline(text: &str) -> bool {
    let Some(dash) = text.find(['—', '–']).or_else(|| text.find(" - ")) else {
        return false;
    };
    let place = text[..dash].trim();
    if place.is_empty() || place.len() > 60 {
        return false;
    }
    let head = place.split(['(', ',']).next().unwrap_or(place).trim();
    !head.is_empty()
        && head.chars().any(|c| c.is_alphabetic())
        && head.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        assert!(opens_with_dateline("PELL RIVER — The council voted."));
        assert!(opens_with_dateline("ST. ALBANS, Vt. — The council voted."));
        assert!(opens_with_dateline("LONDON (Reuters) - Prices rose."));
        assert!(!opens_with_dateline(
            "The council — after a debate — voted."
        ));
    }

    #[test]
    fn section_tags() {
        assert!(is_section_tag("#World"));
        assert!(!is_section_tag("# World"));
        assert!(!is_section_tag("## World"));
    }

    #[test]
    fn spans_skip_whitespace_only_lines() {
        let text = "one\n  \t\ntwo\nthree\n\n\nfour";
        let spans: Vec<&str> = paragraph_spans(text, 0)
            .into_iter()
            .map(|s| &text[s])
            .collect();
        assert_eq!(spans, vec!["one", "two\nthree", "four"]);
        for text in [
            "",
            "\n",
            "a",
            "a\n",
            "\n\na\r\n\r\nb\n",
            " x \n\n  y",
            "a\nb\n\n",
        ] {
            let spans: Vec<&str> = paragraph_spans(text, 0)
                .into_iter()
                .map(|s| &text[s])
                .collect();
            let by_split: Vec<&str> = text
                .split("\n\n")
                .flat_map(|p| p.split("\r\n\r\n"))
                .map(|p| p.trim_matches(['\n', '\r']).trim_start())
                .filter(|p| !p.trim().is_empty())
                .collect();
            assert_eq!(spans, by_split, "{text:?}");
        }
        // From an offset.
        assert_eq!(paragraph_spans("skip\n\nkeep", 6), vec![6..10]);
    }
}

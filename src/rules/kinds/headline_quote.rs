//! `kind = "headline-quote-unsupported"`: words in double quotation marks in the headline or
//! dek that the body does not hold inside one direct quotation (FACTS.md). Case,
//! punctuation and the marks are ignored; an ellipsis lets any words stand between its
//! sides. Single-marked passages, the British way of reporting a claim, are checked only
//! with `single_quotes = true`.

use std::ops::Range;

use super::{CompileContext, SpecError};
use crate::article::Role;
use crate::lint::Context;
use crate::rules::{Finding, Scope};

/// Options of the kind.
pub const OPTIONS: &[&str] = &["single_quotes"];

/// A compiled headline-quote rule.
#[derive(Debug)]
pub struct HeadlineQuote {
    single_quotes: bool,
}

impl HeadlineQuote {
    /// Compile from the rule's options.
    pub fn compile(ctx: &CompileContext) -> Result<Self, SpecError> {
        Ok(Self {
            single_quotes: ctx
                .spec
                .single_quotes
                .as_ref()
                .is_some_and(|v| *v.get_ref()),
        })
    }

    /// Flag each headline or dek passage the body does not quote.
    pub fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let display: Vec<_> = ctx
            .units(&Scope::Headline)
            .iter()
            .chain(ctx.units(&Scope::Dek).iter())
            .copied()
            .collect();
        let passages: Vec<(usize, &str)> = display
            .iter()
            .flat_map(|unit| {
                passages(unit.text, self.single_quotes)
                    .into_iter()
                    .map(move |(open, inner)| (unit.offset + open, &unit.text[inner]))
            })
            .collect();
        if passages.is_empty() {
            return;
        }
        let prose = ctx.doc().prose();
        // Quotations of the body only: the headline's own passage supports nothing.
        let body_blocks: Vec<_> = ctx
            .doc()
            .blocks_with(Role::Body)
            .map(|b| b.span.clone())
            .collect();
        let quoted: Vec<Vec<String>> = ctx
            .quotations()
            .iter()
            .filter(|q| {
                body_blocks
                    .iter()
                    .any(|b| b.start <= q.start && q.end <= b.end)
            })
            .map(|q| normal_words(&prose[q.clone()]))
            .collect();
        let mut body = Vec::new();
        for unit in ctx.units(&Scope::Body).iter() {
            body.extend(normal_words(unit.text));
        }
        for (open, passage) in passages {
            let segments: Vec<Vec<String>> = passage
                .split("...")
                .flat_map(|s| s.split('…'))
                .map(normal_words)
                .filter(|words| !words.is_empty())
                .collect();
            if segments.is_empty() || quoted.iter().any(|q| holds_in_order(q, &segments)) {
                continue;
            }
            let shown = passage.split_whitespace().collect::<Vec<_>>().join(" ");
            let (detail, help) = if holds_in_order(&body, &segments) {
                (
                    format!("the body has \"{shown}\", but not inside one quotation"),
                    "quote the words as someone said them, or take the quotation marks off",
                )
            } else {
                (
                    format!("nobody in the body says \"{shown}\""),
                    "quote only words the body quotes, or paraphrase without quotation marks",
                )
            };
            let width = prose[open..].chars().next().map_or(1, char::len_utf8);
            out.push(Finding {
                span: open..open + width,
                detail: Some(detail),
                help: Some(help.to_string()),
                ..Finding::default()
            });
        }
    }
}

/// Passages in quotation marks: (offset of the opening mark, range of the inside).
///
/// Linear in the text, however it is written: a match jumps past its closing mark, and an
/// opening mark whose closing mark never comes is remembered per kind of mark, so that the
/// next unmatched one of that kind does not search to the end again (a headline of 100,000
/// unmatched `“` took 25 s), and no index of characters is built (16 bytes a character).
fn passages(text: &str, single_quotes: bool) -> Vec<(usize, Range<usize>)> {
    let mut found = Vec::new();
    // Closing marks known to occur nowhere after this offset, by kind of opening mark.
    let mut none_after: Vec<(&[char], usize)> = Vec::new();
    let mut at = 0;
    while let Some(c) = text[at..].chars().next() {
        let closers: &[char] = match c {
            '"' => &['"'],
            '“' => &['”', '"'],
            '«' => &['»'],
            '„' => &['“', '”'],
            '‘' if single_quotes => &['’'],
            '\'' if single_quotes && opens_single(text, at) => &['\''],
            _ => {
                at += c.len_utf8();
                continue;
            }
        };
        let inner_start = at + c.len_utf8();
        let known_missing = none_after
            .iter()
            .any(|(kind, from)| *kind == closers && *from <= inner_start);
        let close = if known_missing {
            None
        } else {
            text[inner_start..]
                .char_indices()
                .map(|(i, c)| (inner_start + i, c))
                .find(|&(j, c)| {
                    closers.contains(&c) && (!matches!(c, '’' | '\'') || closes_single(text, j))
                })
        };
        match close {
            Some((j, mark)) => {
                found.push((at, inner_start..j));
                at = j + mark.len_utf8();
            }
            None => {
                if !known_missing {
                    none_after.push((closers, inner_start));
                }
                at = inner_start;
            }
        }
    }
    found
}

/// Whether the `'` at `at` opens a quotation: a letter or digit follows it, none precedes it.
fn opens_single(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + 1..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric)
}

/// Whether the mark at `at` closes a quotation: an apostrophe inside a word (`don’t`) does
/// not.
fn closes_single(text: &str, at: usize) -> bool {
    let width = text[at..].chars().next().map_or(1, char::len_utf8);
    !text[at + width..]
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric)
}

/// The words of a text, lower-cased, punctuation dropped (`Wake-Up` is `wakeup`).
fn normal_words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether `haystack` holds each segment, as consecutive words, in order.
fn holds_in_order(haystack: &[String], segments: &[Vec<String>]) -> bool {
    let mut from = 0;
    for segment in segments {
        match (from..=haystack.len().saturating_sub(segment.len()))
            .find(|&i| haystack.get(i..i + segment.len()) == Some(&segment[..]))
        {
            Some(i) => from = i + segment.len(),
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;


    fn words(text: &str) -> Vec<String> {
        normal_words(text)
    }

    #[test]
    fn passages_in_each_kind_of_mark() {
        let text = "Mayor: \"scrap it\" and “go” or «nouveau» „neu“ but 'not this'";
        let found: Vec<&str> = passages(text, false)
            .into_iter()
            .map(|(_, r)| &text[r])
            .collect();
        assert_eq!(found, ["scrap it", "go", "nouveau", "neu"]);
        let found: Vec<&str> = passages(text, true)
            .into_iter()
            .map(|(_, r)| &text[r])
            .collect();
        assert_eq!(found.last(), Some(&"not this"));
        let text = "‘We can’t wait’ says chief";
        let found: Vec<&str> = passages(text, true)
            .into_iter()
            .map(|(_, r)| &text[r])
            .collect();
        assert_eq!(found, ["We can’t wait"]);
        // Unmatched marks open nothing, and the ones after them still pair up.
        let text = "«one «two \"three\" „four“";
        let found: Vec<&str> = passages(text, false)
            .into_iter()
            .map(|(_, r)| &text[r])
            .collect();
        assert_eq!(found, ["three", "four"]);
    }

    #[test]
    fn order_and_ellipsis() {
        let quote = words("“We want data, frankly, and not bigger tractors,” she said");
        assert!(holds_in_order(
            &quote,
            &[words("want data"), words("not bigger tractors")]
        ));
        assert!(!holds_in_order(
            &quote,
            &[words("not bigger tractors"), words("want data")]
        ));
        assert_eq!(words("A Wake-Up Call!"), ["a", "wakeup", "call"]);
    }
}

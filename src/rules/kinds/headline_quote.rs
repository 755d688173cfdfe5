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
fn passages(text: &str, single_quotes: bool) -> Vec<(usize, Range<usize>)> {
    let mut found = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let closers: &[char] = match c {
            '"' => &['"'],
            '“' => &['”', '"'],
            '«' => &['»'],
            '„' => &['“', '”'],
            '‘' if single_quotes => &['’'],
            '\'' if single_quotes && opens_single(&chars, i) => &['\''],
            _ => {
                i += 1;
                continue;
            }
        };
        let inner_start = at + c.len_utf8();
        let close = (i + 1..chars.len()).find(|&j| {
            closers.contains(&chars[j].1)
                && (!matches!(chars[j].1, '’' | '\'') || closes_single(&chars, j))
        });
        match close {
            Some(j) => {
                found.push((at, inner_start..chars[j].0));
                i = j + 1;
            }
            None => i += 1,
        }
    }
    found
}

fn opens_single(chars: &[(usize, char)], i: usize) -> bool {
    let before = i.checked_sub(1).map(|j| chars[j].1);
    let after = chars.get(i + 1).map(|c| c.1);
    !before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric)
}

fn closes_single(chars: &[(usize, char)], j: usize) -> bool {
    // An apostrophe inside a word (`don’t`) closes nothing.
    !chars.get(j + 1).is_some_and(|c| c.1.is_alphanumeric())
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

//! `kind = "headline-quote-unsupported"`: words in double quotation marks in the headline or
//! dek that the body does not hold inside one direct quotation (FACTS.md). Case,
//! punctuation and the marks are ignored; an ellipsis lets any words stand between its
//! sides. The wire's `‘‘…’’` is a double mark (CHECKS.md, Mixed marks), read as the quote
//! checks read it. Single-marked passages, the British way of reporting a claim, are
//! checked only with `single_quotes = true`.

use std::ops::Range;

use super::{CompileContext, SpecError};
use crate::article::Role;
use crate::lint::Context;
use crate::rules::{Finding, Scope};
use crate::text::quotes::single_run;

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
        let passages: Vec<(Range<usize>, &str)> = display
            .iter()
            .flat_map(|unit| {
                passages(unit.text, self.single_quotes)
                    .into_iter()
                    .map(move |(open, inner)| {
                        let open = unit.offset + open.start..unit.offset + open.end;
                        (open, &unit.text[inner])
                    })
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
            out.push(Finding {
                // The whole opening mark: both chars of the wire's `‘‘`.
                span: open,
                detail: Some(detail),
                help: Some(help.to_string()),
                ..Finding::default()
            });
        }
    }
}

/// What closes the wire's `‘‘`: `’’` (a lone `’` is an apostrophe), or what closes `“`,
/// as the quote checks pair it.
const WIRE_CLOSERS: &[char] = &['’', '”', '"'];

/// Passages in quotation marks: (range of the opening mark, range of the inside).
///
/// Linear in the text, however it is written: a match jumps past its closing mark, and an
/// opening mark whose closing mark never comes is remembered per kind of mark, so that the
/// next unmatched one of that kind does not search to the end again (a headline of 100,000
/// unmatched `“` took 25 s), and no index of characters is built (16 bytes a character).
/// An unclosed `‘‘` is passed by with the whole run of `‘` it starts, as the quote checks
/// pass it: read again from its second mark, a headline of 100,000 `‘` took 83 s (debug
/// build).
fn passages(text: &str, single_quotes: bool) -> Vec<(Range<usize>, Range<usize>)> {
    let mut found = Vec::new();
    // Closing marks known to occur nowhere after this offset, by kind of opening mark.
    let mut none_after: Vec<(&[char], usize)> = Vec::new();
    let mut at = 0;
    while let Some(c) = text[at..].chars().next() {
        // `‘‘` opens a double-marked passage, whatever `single_quotes` says: its opening
        // mark, and the end of the run of `‘` it starts.
        let wire = match c {
            '‘' => single_run(text, at).and_then(|run| Some((run.double?, run.end))),
            _ => None,
        };
        let closers: &[char] = match c {
            '‘' if wire.is_some() => WIRE_CLOSERS,
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
        let inner_start = wire
            .as_ref()
            .map_or(at + c.len_utf8(), |(double, _)| double.end);
        let known_missing = none_after
            .iter()
            .any(|(kind, from)| *kind == closers && *from <= inner_start);
        let close = if known_missing {
            None
        } else {
            text[inner_start..]
                .char_indices()
                .map(|(i, c)| (inner_start + i, c))
                .find_map(|(j, c)| closing_mark(text, j, c, closers))
        };
        match close {
            Some((mark, resume)) => {
                found.push((at..inner_start, inner_start..mark.start));
                at = resume;
            }
            None => {
                if !known_missing {
                    none_after.push((closers, inner_start));
                }
                at = wire.map_or(inner_start, |(_, run_end)| run_end);
            }
        }
    }
    found
}

/// The mark closing a passage that `closers` close, if `c` at `j` is one, and where the
/// reading goes on after it.
fn closing_mark(text: &str, j: usize, c: char, closers: &[char]) -> Option<(Range<usize>, usize)> {
    if !closers.contains(&c) {
        return None;
    }
    if c == '’' && closers == WIRE_CLOSERS {
        // Only `’’` closes `‘‘`; in `’’’` it is the last two, after a nested quote's `’`.
        let run = single_run(text, j)?;
        return Some((run.double?, run.end));
    }
    if matches!(c, '’' | '\'') && !closes_single(text, j) {
        return None;
    }
    let end = j + c.len_utf8();
    Some((j..end, end))
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

    /// The insides of the passages of `text`.
    fn inside(text: &str, single_quotes: bool) -> Vec<&str> {
        passages(text, single_quotes)
            .into_iter()
            .map(|(_, r)| &text[r])
            .collect()
    }

    #[test]
    fn passages_in_each_kind_of_mark() {
        let text = "Mayor: \"scrap it\" and “go” or «nouveau» „neu“ but 'not this'";
        assert_eq!(inside(text, false), ["scrap it", "go", "nouveau", "neu"]);
        assert_eq!(inside(text, true).last(), Some(&"not this"));
        let text = "‘We can’t wait’ says chief";
        assert_eq!(inside(text, true), ["We can’t wait"]);
        // Unmatched marks open nothing, and the ones after them still pair up.
        let text = "«one «two \"three\" „four“";
        assert_eq!(inside(text, false), ["three", "four"]);
    }

    #[test]
    fn the_wires_doubled_single_marks_are_a_double_mark() {
        // `‘‘…’’` is one double-marked passage, whatever `single_quotes` says, its opening
        // mark both `‘`; with `single_quotes` it was `‘` … `’` with the inner marks left in.
        let text = "Mayor: ‘‘Harbour wall will fall’’ and ‘‘we can’t wait” or ‘‘no\" then";
        for single_quotes in [false, true] {
            let found: Vec<(&str, &str)> = passages(text, single_quotes)
                .into_iter()
                .map(|(open, inner)| (&text[open], &text[inner]))
                .collect();
            assert_eq!(
                found,
                [
                    ("‘‘", "Harbour wall will fall"),
                    ("‘‘", "we can’t wait"),
                    ("‘‘", "no")
                ],
                "single_quotes = {single_quotes}"
            );
        }
        // A run of three is the double mark and a nested single one, as the quote checks
        // read it; a lone `’` never closes `‘‘`, and an unclosed `‘‘` opens nothing.
        let text = "‘‘Keep ‘the old lady’’’ open’’ ‘‘never closed ‘alone’";
        assert_eq!(inside(text, false), ["Keep ‘the old lady’"]);
        assert_eq!(inside(text, true), ["Keep ‘the old lady’", "alone"]);
        // A single `‘` and a closing `’’` with nothing doubled before it read as they did.
        let text = "‘Pier must stay’ and the Sorrels’’ kiosk";
        assert!(passages(text, false).is_empty());
        assert_eq!(inside(text, true), ["Pier must stay"]);
    }

    #[test]
    fn a_wire_headline_quote_is_held_to_the_body() {
        use crate::rules::testing::{lint, rule, spans};
        let body = "‘‘The harbour wall will fall by spring,’’ said Edda Marsh, the engineer.";
        for options in ["", "single_quotes = false", "single_quotes = true"] {
            let toml = rule(
                "headline-quote-unsupported",
                &format!("message = \"{{detail}}\"\n{options}"),
            );
            // Supported: the body quotes it, opened with `‘‘` too.
            let article = format!("# Engineer: ‘‘Harbour wall will fall’’\n\n{body}\n");
            assert!(lint(&toml, &article).is_empty(), "{options}");
            // Unsupported, and reported at both opening marks.
            let article = format!("# Engineer: ‘‘Harbour wall must go’’\n\n{body}\n");
            let found = lint(&toml, &article);
            assert_eq!(spans(&found, &article), ["‘‘"], "{options}");
            assert_eq!(found[0].span.start, article.find('‘').unwrap());
            assert!(
                found[0].message.contains("nobody in the body says \"Harbour wall must go\""),
                "{}",
                found[0].message
            );
            // The words are in the body but outside any quotation.
            let article = "# Mayor: ‘‘sea is winning’’\n\nThe mayor said the sea is winning.\n";
            let found = lint(&toml, article);
            assert_eq!(spans(&found, article), ["‘‘"], "{options}");
            assert!(found[0].message.contains("not inside one quotation"));
        }
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

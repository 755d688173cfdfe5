//! Finding the double quotation marks of an article and pairing them into quotations:
//! strictly in order for `quote-unbalanced`, and by position for everything else.

use std::ops::Range;

use super::{Paragraph, Quotation, QuoteFinding};
use crate::text::sentences::find_any_byte;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Family {
    Straight,
    /// “…”
    Curly,
    /// „…“ (or „…”)
    Low,
    /// «…»
    Guillemet,
}

/// A quotation as the pairing pass sees it, in paragraph-local positions.
#[derive(Debug, Clone)]
pub(super) struct RawQuote {
    pub(super) open_para: usize,
    pub(super) open_local: usize,
    pub(super) open_mark: char,
    /// Paragraph and local end (exclusive) of the closing mark.
    pub(super) close: Option<(usize, usize)>,
    pub(super) depth: usize,
}

impl RawQuote {
    pub(super) fn local_pieces(&self, paragraphs: &[Paragraph]) -> Vec<(usize, Range<usize>)> {
        let (pc, end) = self.close.expect("closed quotation");
        if pc == self.open_para {
            return vec![(pc, self.open_local..end)];
        }
        let mut out = Vec::with_capacity(pc - self.open_para + 1);
        let first = paragraphs[self.open_para].text;
        out.push((self.open_para, self.open_local..first.trim_end().len()));
        for (pi, p) in paragraphs
            .iter()
            .enumerate()
            .take(pc)
            .skip(self.open_para + 1)
        {
            let lead = p.text.len() - p.text.trim_start().len();
            out.push((pi, lead..p.text.trim_end().len()));
        }
        let last = paragraphs[pc].text;
        let lead = last.len() - last.trim_start().len();
        out.push((pc, lead..end));
        out
    }

    pub(super) fn to_quotation(&self, paragraphs: &[Paragraph]) -> Quotation {
        let pieces: Vec<Range<usize>> = self
            .local_pieces(paragraphs)
            .into_iter()
            .map(|(pi, r)| paragraphs[pi].offset + r.start..paragraphs[pi].offset + r.end)
            .collect();
        let span = pieces[0].start..pieces[pieces.len() - 1].end;
        Quotation {
            span,
            pieces,
            words: self.words(paragraphs),
            nested: self.depth > 0,
        }
    }

    pub(super) fn words(&self, paragraphs: &[Paragraph]) -> usize {
        self.local_pieces(paragraphs)
            .into_iter()
            .map(|(pi, r)| count_words(&paragraphs[pi].text[r]))
            .sum()
    }

    pub(super) fn first_content_char(&self, paragraphs: &[Paragraph]) -> Option<char> {
        self.local_pieces(paragraphs)
            .into_iter()
            .find_map(|(pi, r)| paragraphs[pi].text[r].chars().find(|c| c.is_alphanumeric()))
    }

    /// The text between the marks of a quotation that closes in its own paragraph.
    pub(super) fn content<'a>(&self, paragraphs: &'a [Paragraph]) -> &'a str {
        let from = self.open_local + self.open_mark.len_utf8();
        self.content_start(paragraphs, from)
    }

    /// The quoted text from just after the opening mark, enough for a message.
    pub(super) fn content_start<'a>(&self, paragraphs: &'a [Paragraph], from: usize) -> &'a str {
        let text = paragraphs[self.open_para].text;
        let end = match self.close {
            Some((pc, end)) if pc == self.open_para => {
                let close = text[..end].chars().next_back().map_or(0, char::len_utf8);
                end - close
            }
            _ => text.len(),
        };
        &text[from..end.max(from)]
    }
}

/// What pairing the marks of an article yields.
pub(super) struct Paired {
    pub(super) quotes: Vec<RawQuote>,
    pub(super) unbalanced: Vec<QuoteFinding>,
}

/// An opening mark still waiting for its partner.
#[derive(Debug, Clone, Copy)]
pub(super) struct Open {
    family: Family,
    quote: usize,
    /// The latest opening or continuing mark of this quotation: the one reported if the
    /// quotation never closes.
    last_mark: usize,
    last_char: char,
}

/// The innermost open quotation of a family. Only the top few entries are searched:
/// real nesting is shallow, and a paragraph of unclosed marks must not cost a search per
/// mark over all of them.
pub(super) fn open_at(stack: &[Open], family: impl Fn(Family) -> bool) -> Option<usize> {
    const DEPTH: usize = 8;
    let from = stack.len().saturating_sub(DEPTH);
    stack[from..]
        .iter()
        .rposition(|o| family(o.family))
        .map(|k| from + k)
}

pub(super) fn is_double_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

pub(super) fn opens_with_mark(text: &str) -> bool {
    text.trim_start()
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '"' | '“' | '„' | '«'))
}

/// How straight marks pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pairing {
    /// In order, as the contract of `quote-unbalanced` reads: an open straight quotation
    /// is closed by the next straight mark unless that mark continues it.
    Strict,
    /// By position, for finding quotations: a mark placed to open, met while a quotation
    /// is open, shows the open one lost its closing mark, and a mark placed to close,
    /// met with nothing open, is a stray. One missing mark then spoils one quotation
    /// instead of turning every later one inside out.
    Robust,
}

/// Pairs the double quotation marks of all paragraphs. Single marks are apostrophes or
/// nested quotes and take no part.
pub(super) fn pair_marks(paragraphs: &[Paragraph], marks: &[Mark], pairing: Pairing) -> Paired {
    let mut quotes: Vec<RawQuote> = Vec::new();
    let mut unbalanced = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut next_mark = 0;

    for (pi, p) in paragraphs.iter().enumerate() {
        let first_mark = next_mark;
        while next_mark < marks.len() && marks[next_mark].para == pi {
            next_mark += 1;
        }
        let here = &marks[first_mark..next_mark];
        let text = p.text;
        let abs = |i: usize| p.offset + i;
        // A quotation left open by the previous paragraph goes on at this paragraph's
        // first mark, which the multi-paragraph convention puts at its very start.
        let mut continuation_at = if stack.is_empty() {
            None
        } else {
            Some(text.len() - text.trim_start().len())
        };

        let unclosed = |o: &Open, out: &mut Vec<QuoteFinding>| {
            // Only the strict pairing reports; the robust one just finds quotations.
            if pairing == Pairing::Robust {
                return;
            }
            out.push(QuoteFinding {
                span: o.last_mark..o.last_mark + o.last_char.len_utf8(),
                message: format!(
                    "opening {} has no closing mark in this paragraph",
                    o.last_char
                ),
            });
        };

        for &Mark {
            pos: i, mark: c, ..
        } in here
        {
            if continuation_at == Some(i) {
                continuation_at = None;
                if let Some(top) = stack.last_mut() {
                    top.last_mark = abs(i);
                    top.last_char = c;
                }
                continue;
            }
            let top = stack.last().map(|o| o.family);
            // The contract's allowance for a multi-paragraph quotation flattened into one
            // line is exactly an opening mark right after terminal punctuation and one
            // space; finding quotations allows a little more (a closing bracket or
            // single mark after the stop, any white space).
            let flattened = opening_like(text, i)
                && match pairing {
                    Pairing::Strict => right_after_stop_and_space(text, i),
                    Pairing::Robust => after_terminal(text, i),
                };
            // Closes the entry at `k`; anything opened above it never found its partner.
            let mut close_at = |k: usize, stack: &mut Vec<Open>, out: &mut Vec<QuoteFinding>| {
                for o in stack.drain(k + 1..) {
                    unclosed(&o, out);
                }
                let o = stack.pop().expect("entry to close");
                quotes[o.quote].close = Some((pi, i + c.len_utf8()));
            };
            enum Act {
                Open(Family),
                Continue,
                Close(usize),
                Abandon(usize),
                Stray,
                Ignore,
            }
            let robust = pairing == Pairing::Robust;
            let act = match c {
                '"' => match open_at(&stack, |f| f == Family::Straight) {
                    Some(k) if k + 1 == stack.len() && flattened => Act::Continue,
                    // A mark placed to open, met while a quotation is open and not
                    // continuing it. Finding quotations reads it as the sign that the open
                    // one lost its closing mark. The strict pairing opens a quotation
                    // inside the open one (double marks where single ones belong, `going
                    // to "fake" an injury`), so that the open one is reported only if it
                    // never closes (`said: "I've lost … He added: "The …` is).
                    Some(k) if opening_like(text, i) && !closing_like(text, i) => {
                        if robust {
                            Act::Abandon(k)
                        } else {
                            Act::Open(Family::Straight)
                        }
                    }
                    Some(k) => Act::Close(k),
                    // An inch mark: 5' 10".
                    None if prev_char(text, i).is_some_and(|c| c.is_ascii_digit()) => Act::Ignore,
                    // A straight mark closing a curly or guillemet quotation: mixed marks,
                    // but paired.
                    None if top.is_some() && closing_like(text, i) && !opening_like(text, i) => {
                        Act::Close(stack.len() - 1)
                    }
                    // A mark placed to close with nothing open (`out of the blue," he
                    // said`): its opening mark is missing. The strict pairing reports it;
                    // finding quotations just passes it by.
                    None if closing_like(text, i) && !opening_like(text, i) => {
                        if robust {
                            Act::Ignore
                        } else {
                            Act::Stray
                        }
                    }
                    None => Act::Open(Family::Straight),
                },
                '“' => match top {
                    Some(Family::Low) => Act::Close(stack.len() - 1),
                    Some(Family::Curly) if flattened => Act::Continue,
                    Some(Family::Curly) if closing_like(text, i) && !opening_like(text, i) => {
                        Act::Close(stack.len() - 1)
                    }
                    _ => Act::Open(Family::Curly),
                },
                '”' => match open_at(&stack, |f| matches!(f, Family::Curly | Family::Low)) {
                    Some(k) => Act::Close(k),
                    None if top == Some(Family::Straight) => Act::Close(stack.len() - 1),
                    None => Act::Stray,
                },
                '„' => match top {
                    Some(Family::Low) if flattened => Act::Continue,
                    _ => Act::Open(Family::Low),
                },
                '«' => match top {
                    Some(Family::Guillemet) if flattened => Act::Continue,
                    _ => Act::Open(Family::Guillemet),
                },
                '»' => match open_at(&stack, |f| f == Family::Guillemet) {
                    Some(k) => Act::Close(k),
                    None => Act::Stray,
                },
                _ => Act::Ignore,
            };
            match act {
                Act::Open(family) => {
                    quotes.push(RawQuote {
                        open_para: pi,
                        open_local: i,
                        open_mark: c,
                        close: None,
                        depth: stack.len(),
                    });
                    stack.push(Open {
                        family,
                        quote: quotes.len() - 1,
                        last_mark: abs(i),
                        last_char: c,
                    });
                }
                Act::Continue => {
                    if let Some(top) = stack.last_mut() {
                        top.last_mark = abs(i);
                        top.last_char = c;
                    }
                }
                Act::Close(k) => close_at(k, &mut stack, &mut unbalanced),
                Act::Abandon(k) => {
                    for o in stack.drain(k..) {
                        unclosed(&o, &mut unbalanced);
                    }
                    quotes.push(RawQuote {
                        open_para: pi,
                        open_local: i,
                        open_mark: c,
                        close: None,
                        depth: stack.len(),
                    });
                    stack.push(Open {
                        family: Family::Straight,
                        quote: quotes.len() - 1,
                        last_mark: abs(i),
                        last_char: c,
                    });
                }
                Act::Stray => unbalanced.push(QuoteFinding {
                    span: abs(i)..abs(i) + c.len_utf8(),
                    message: format!("closing {c} has no opening mark in this paragraph"),
                }),
                Act::Ignore => {}
            }
        }

        if !stack.is_empty() {
            let carried = paragraphs
                .get(pi + 1)
                .is_some_and(|n| opens_with_mark(n.text));
            if !carried {
                for o in stack.drain(..) {
                    unclosed(&o, &mut unbalanced);
                }
            }
        }
    }
    unbalanced.sort_by_key(|f| f.span.start);
    Paired { quotes, unbalanced }
}

/// A double quotation mark: its paragraph, its byte in that paragraph, and which it is.
#[derive(Debug, Clone, Copy)]
pub(super) struct Mark {
    para: usize,
    pos: usize,
    mark: char,
}

/// The double marks of all paragraphs in order, found without decoding every char.
pub(super) fn find_marks(paragraphs: &[Paragraph]) -> Vec<Mark> {
    let mut out = Vec::new();
    for (para, p) in paragraphs.iter().enumerate() {
        let bytes = p.text.as_bytes();
        let mut from = 0;
        // '"' is ASCII; the others start with 0xC2 («, ») or 0xE2 (“, ”, „).
        while let Some(pos) = find_any_byte(bytes, from, [b'"', 0xC2, 0xE2]) {
            from = pos + 1;
            let mark = if bytes[pos] == b'"' {
                '"'
            } else {
                match p.text[pos..].chars().next() {
                    Some(c) if is_double_mark(c) => c,
                    _ => continue,
                }
            };
            out.push(Mark { para, pos, mark });
        }
    }
    out
}

pub(super) fn prev_char(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

pub(super) fn next_char(text: &str, i: usize) -> Option<char> {
    let mut rest = text[i..].chars();
    rest.next();
    rest.next()
}

/// A mark placed as an opening one: after white space, a bracket or a dash, or at the
/// start, and with something other than white space after it.
pub(super) fn opening_like(text: &str, i: usize) -> bool {
    let before = prev_char(text, i)
        .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/'));
    before && next_char(text, i).is_some_and(|c| !c.is_whitespace())
}

/// A mark placed as a closing one: before white space, punctuation or the end.
pub(super) fn closing_like(text: &str, i: usize) -> bool {
    let after = next_char(text, i).is_none_or(|c| {
        c.is_whitespace()
            || c.is_ascii_punctuation()
            || matches!(c, '—' | '–' | '…' | '’' | '”' | '»')
    });
    after && prev_char(text, i).is_some_and(|c| !c.is_whitespace())
}

/// Whether white space and, before it, terminal punctuation precede `i`: where an archive
/// that joined paragraphs leaves the next paragraph's opening mark.
pub(super) fn after_terminal(text: &str, i: usize) -> bool {
    let before = &text[..i];
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() {
        return false;
    }
    let core = trimmed.trim_end_matches(['\'', '’', ')', ']']);
    core.ends_with(['.', '!', '?', '…'])
}

/// Whether the mark at `i` stands right after terminal punctuation and a space (`go.
/// "Then`): the one place CHECKS.md lets an archive's flattened paragraph break go on
/// inside an open quotation. The space may be the two a typist sets after a full stop, or
/// the soft line break of wrapped copy; and single marks, which the check does not count,
/// may close a nested quotation before it (`say 'wow.' "My …`).
pub(super) fn right_after_stop_and_space(text: &str, i: usize) -> bool {
    let before = &text[..i];
    let stop = before.trim_end_matches([' ', '\t']);
    let stop = stop
        .strip_suffix("\r\n")
        .or_else(|| stop.strip_suffix('\n'))
        .map_or(stop, |s| s.trim_end_matches([' ', '\t']));
    stop.len() < before.len()
        && stop
            .trim_end_matches(['\'', '’'])
            .ends_with(['.', '!', '?', '…'])
}

/// Runs of non-space text holding a letter or a figure ("—" alone is not a word).
pub(super) fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut words = 0;
    let mut counted = false;
    let mut i = 0;
    while i < bytes.len() {
        // ASCII is decided on the byte; anything else is decoded.
        let (space, alnum, len) = match bytes[i] {
            b if b.is_ascii() => (
                matches!(b, b' ' | b'\t'..=b'\r'),
                b.is_ascii_alphanumeric(),
                1,
            ),
            _ => {
                let c = text[i..].chars().next().expect("char boundary");
                (c.is_whitespace(), c.is_alphanumeric(), c.len_utf8())
            }
        };
        if space {
            counted = false;
        } else if alnum && !counted {
            words += 1;
            counted = true;
        }
        i += len;
    }
    words
}

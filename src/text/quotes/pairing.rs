//! Pairing the double marks of an article into quotations: strictly in order for
//! `quote-unbalanced`, and by position for everything else. What one mark does is decided
//! by [`decide`], a pure function of the mark, the open quotations and where the mark
//! stands, so that each case can be tested on its own; [`pair_marks`] only walks the marks
//! and applies the decisions.

use super::marks::{
    Mark, RawQuote, after_terminal, closing_like, opening_like, opens_with_mark, prev_char,
    right_after_stop_and_space,
};
use super::{Paragraph, QuoteFinding};

/// The style of a double mark, which decides what it pairs with.
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

/// What pairing the marks of an article yields.
pub(super) struct Paired {
    pub(super) quotes: Vec<RawQuote>,
    pub(super) unbalanced: Vec<QuoteFinding>,
}

/// An opening mark still waiting for its partner.
#[derive(Debug, Clone, Copy)]
struct Open<'a> {
    family: Family,
    quote: usize,
    /// The latest opening or continuing mark of this quotation: the one reported if the
    /// quotation never closes.
    last_mark: usize,
    /// Its text: one char, or two for the wire's `‘‘`.
    last_text: &'a str,
}

/// The innermost open quotation of a family. Only the top few entries are searched:
/// real nesting is shallow, and a paragraph of unclosed marks must not cost a search per
/// mark over all of them.
fn open_at(stack: &[Open<'_>], family: impl Fn(Family) -> bool) -> Option<usize> {
    const DEPTH: usize = 8;
    let from = stack.len().saturating_sub(DEPTH);
    stack[from..]
        .iter()
        .rposition(|o| family(o.family))
        .map(|k| from + k)
}

/// Whether mark `c` can close a quotation opened in `family`: a straight mark closes a
/// straight one, a right curly mark a curly or low one, a right guillemet a guillemet.
/// (The other mixed pairs close only the innermost quotation: see [`decide`].) `’` is the
/// wire's `’’`, which closes what `”` does.
fn closes(c: char, family: Family) -> bool {
    match c {
        '"' => family == Family::Straight,
        '”' | '’' => matches!(family, Family::Curly | Family::Low),
        '»' => family == Family::Guillemet,
        _ => false,
    }
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

/// The open quotations, as far as one mark's decision needs them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct OpenState {
    /// The family of the innermost open quotation.
    pub(super) top: Option<Family>,
    /// How many quotations are open.
    pub(super) depth: usize,
    /// The stack index of the innermost open quotation this mark can close (see
    /// [`closes`]), among the top few.
    pub(super) partner: Option<usize>,
}

/// Where a mark stands in its paragraph, as far as its decision needs it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Placement {
    /// Placed as an opening mark: see [`opening_like`].
    pub(super) opening: bool,
    /// Placed as a closing mark: see [`closing_like`].
    pub(super) closing: bool,
    /// Placed as an opening mark where an archive that flattened a multi-paragraph
    /// quotation into one line leaves it. The contract's allowance is exactly an opening
    /// mark right after terminal punctuation and one space; finding quotations allows a
    /// little more (a closing bracket or single mark after the stop, any white space).
    pub(super) flattened: bool,
    /// Right after a figure, where a straight mark is an inch mark: `5' 10"`.
    pub(super) after_digit: bool,
}

impl Placement {
    /// The placement of the mark at byte `i` of `text`.
    fn of(text: &str, i: usize, pairing: Pairing) -> Placement {
        let opening = opening_like(text, i);
        Placement {
            opening,
            closing: closing_like(text, i),
            flattened: opening
                && match pairing {
                    Pairing::Strict => right_after_stop_and_space(text, i),
                    Pairing::Robust => after_terminal(text, i),
                },
            after_digit: prev_char(text, i).is_some_and(|c| c.is_ascii_digit()),
        }
    }

    /// Placed to close and not to open: a mark between two words is neither.
    fn only_closing(self) -> bool {
        self.closing && !self.opening
    }
}

/// What one mark does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Act {
    /// Opens a quotation of this family, inside any open ones.
    Open(Family),
    /// Goes on with the innermost open quotation (a paragraph break, flattened).
    Continue,
    /// Closes the open quotation at this stack index; any opened above it never closed.
    Close(usize),
    /// Shows the open quotation at this stack index (and any above it) lost its closing
    /// mark, and opens a straight quotation in its place.
    Abandon(usize),
    /// A closing mark with no opening mark: reported.
    Stray,
    /// Takes no part: an inch mark, a stray passed by, a single mark.
    Ignore,
}

/// What mark `c` does, given the open quotations and where the mark stands. A single mark
/// alone never comes here ([`find_marks`](super::marks::find_marks) does not hand it on):
/// `‘` and `’` are the wire's doubled `‘‘` and `’’`, which do what `“` and `”` do, except
/// that `’’` with nothing to close is passed by, not reported: it is then an apostrophe
/// and a closing single mark (`the Joneses’’`, a possessive ending a single-quoted
/// claim), which the check never counted.
pub(super) fn decide(c: char, open: OpenState, at: Placement, pairing: Pairing) -> Act {
    match c {
        '‘' => return decide('“', open, at, pairing),
        '’' => {
            return match decide('”', open, at, pairing) {
                Act::Stray | Act::Open(_) => Act::Ignore,
                act => act,
            };
        }
        _ => {}
    }
    let robust = pairing == Pairing::Robust;
    let innermost = open.depth.wrapping_sub(1);
    match c {
        '"' => match open.partner {
            Some(k) if k + 1 == open.depth && at.flattened => Act::Continue,
            // A mark placed to open, met while a quotation is open and not continuing it.
            // Finding quotations reads it as the sign that the open one lost its closing
            // mark. The strict pairing opens a quotation inside the open one (double marks
            // where single ones belong, `going to "fake" an injury`), so that the open one
            // is reported only if it never closes (`said: "I've lost … He added: "The …`
            // is).
            Some(k) if at.opening && !at.closing => {
                if robust {
                    Act::Abandon(k)
                } else {
                    Act::Open(Family::Straight)
                }
            }
            Some(k) => Act::Close(k),
            None if at.after_digit => Act::Ignore,
            // A straight mark closing a curly or guillemet quotation: mixed marks, but
            // paired.
            None if open.top.is_some() && at.only_closing() => Act::Close(innermost),
            // A mark placed to close with nothing open (`out of the blue," he said`): its
            // opening mark is missing. The strict pairing reports it; finding quotations
            // just passes it by.
            None if at.only_closing() => {
                if robust {
                    Act::Ignore
                } else {
                    Act::Stray
                }
            }
            None => Act::Open(Family::Straight),
        },
        '“' => match open.top {
            // „…“, the German pair.
            Some(Family::Low) => Act::Close(innermost),
            Some(Family::Curly) if at.flattened => Act::Continue,
            // “…“, a left mark typed for a right one.
            Some(Family::Curly) if at.only_closing() => Act::Close(innermost),
            _ => Act::Open(Family::Curly),
        },
        '”' => match open.partner {
            Some(k) => Act::Close(k),
            None if open.top == Some(Family::Straight) => Act::Close(innermost),
            // After a space or at a paragraph start, with nothing open, it opens: systems
            // that type only `”` (CHECKS.md, Mixed marks), paired then like `“`.
            None if open.depth == 0 && at.opening && !at.closing => Act::Open(Family::Curly),
            None => Act::Stray,
        },
        '„' => match open.top {
            Some(Family::Low) if at.flattened => Act::Continue,
            _ => Act::Open(Family::Low),
        },
        '«' => match open.top {
            Some(Family::Guillemet) if at.flattened => Act::Continue,
            _ => Act::Open(Family::Guillemet),
        },
        '»' => match open.partner {
            Some(k) => Act::Close(k),
            None => Act::Stray,
        },
        _ => Act::Ignore,
    }
}

/// Pairs the double quotation marks of all paragraphs. Single marks are apostrophes or
/// nested quotes and take no part.
pub(super) fn pair_marks<'t>(
    paragraphs: &[Paragraph<'t>],
    marks: &[Mark],
    pairing: Pairing,
) -> Paired {
    // Each quotation opens at a mark: room for them at once, not grown as they are met.
    let mut quotes: Vec<RawQuote> = Vec::with_capacity(marks.len() / 2 + 1);
    let mut unbalanced = Vec::new();
    let mut stack: Vec<Open<'t>> = Vec::with_capacity(4);
    let mut next_mark = 0;
    // Only the strict pairing reports; the robust one just finds quotations.
    let unclosed = |o: &Open<'t>, out: &mut Vec<QuoteFinding>| {
        if pairing == Pairing::Robust {
            return;
        }
        out.push(QuoteFinding {
            span: o.last_mark..o.last_mark + o.last_text.len(),
            message: format!(
                "opening {} has no closing mark in this paragraph",
                o.last_text
            ),
        });
    };

    for (pi, p) in paragraphs.iter().enumerate() {
        let first_mark = next_mark;
        while next_mark < marks.len() && marks[next_mark].para == pi {
            next_mark += 1;
        }
        let text = p.text;
        let abs = |i: usize| p.offset + i;
        // A quotation left open by the previous paragraph goes on at this paragraph's
        // first mark, which the multi-paragraph convention puts at its very start.
        let mut continuation_at = if stack.is_empty() {
            None
        } else {
            Some(text.len() - text.trim_start().len())
        };

        for &Mark {
            pos: i,
            mark: c,
            len,
            ..
        } in &marks[first_mark..next_mark]
        {
            let act = if continuation_at == Some(i) {
                continuation_at = None;
                Act::Continue
            } else {
                let open = OpenState {
                    top: stack.last().map(|o| o.family),
                    depth: stack.len(),
                    partner: open_at(&stack, |f| closes(c, f)),
                };
                decide(c, open, Placement::of(text, i, pairing), pairing)
            };
            let mut open = |family: Family, stack: &mut Vec<Open<'t>>| {
                quotes.push(RawQuote {
                    open_para: pi,
                    open_local: i,
                    open_len: len,
                    close: None,
                    depth: stack.len(),
                });
                stack.push(Open {
                    family,
                    quote: quotes.len() - 1,
                    last_mark: abs(i),
                    last_text: &text[i..i + len],
                });
            };
            match act {
                Act::Open(family) => open(family, &mut stack),
                Act::Continue => {
                    if let Some(top) = stack.last_mut() {
                        top.last_mark = abs(i);
                        top.last_text = &text[i..i + len];
                    }
                }
                Act::Close(k) => {
                    for o in stack.drain(k + 1..) {
                        unclosed(&o, &mut unbalanced);
                    }
                    let o = stack.pop().expect("entry to close");
                    quotes[o.quote].close = Some((pi, i + len));
                }
                Act::Abandon(k) => {
                    for o in stack.drain(k..) {
                        unclosed(&o, &mut unbalanced);
                    }
                    open(Family::Straight, &mut stack);
                }
                Act::Stray => unbalanced.push(QuoteFinding {
                    span: abs(i)..abs(i) + len,
                    message: format!(
                        "closing {} has no opening mark in this paragraph",
                        &text[i..i + len]
                    ),
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

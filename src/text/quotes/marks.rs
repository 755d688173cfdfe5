//! Finding the double quotation marks of an article, where each stands (placed to open or
//! to close), and the quotations they make once paired (the pairing is in `pairing.rs`).

use std::ops::Range;

use super::{Paragraph, Quotation};
use crate::text::sentences::find_any_byte;

/// A quotation as the pairing pass sees it, in paragraph-local positions.
#[derive(Debug, Clone)]
pub(super) struct RawQuote {
    pub(super) open_para: usize,
    pub(super) open_local: usize,
    /// Bytes of the opening mark: two chars for the wire's `‘‘`, which is one mark.
    pub(super) open_len: usize,
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
        let pieces = self.pieces(paragraphs);
        let span = pieces[0].start..pieces[pieces.len() - 1].end;
        Quotation {
            span,
            pieces,
            words: self.words(paragraphs, usize::MAX),
            nested: self.depth > 0,
        }
    }

    /// The quotation's stretches, one per paragraph, in absolute positions.
    pub(super) fn pieces(&self, paragraphs: &[Paragraph]) -> Vec<Range<usize>> {
        self.local_pieces(paragraphs)
            .into_iter()
            .map(|(pi, r)| paragraphs[pi].offset + r.start..paragraphs[pi].offset + r.end)
            .collect()
    }

    /// Its words ([`count_words`]), counted up to `enough` at most: an exemption asks only
    /// whether a quotation is shorter than a few words.
    pub(super) fn words(&self, paragraphs: &[Paragraph], enough: usize) -> usize {
        let mut words = 0;
        for (pi, r) in self.local_pieces(paragraphs) {
            words += count_words(&paragraphs[pi].text[r], enough - words);
            if words >= enough {
                break;
            }
        }
        words
    }

    pub(super) fn first_content_char(&self, paragraphs: &[Paragraph]) -> Option<char> {
        self.local_pieces(paragraphs)
            .into_iter()
            .find_map(|(pi, r)| paragraphs[pi].text[r].chars().find(|c| c.is_alphanumeric()))
    }

    /// The text between the marks of a quotation that closes in its own paragraph.
    pub(super) fn content<'a>(&self, paragraphs: &'a [Paragraph]) -> &'a str {
        self.content_start(paragraphs, self.open_local + self.open_len)
    }

    /// The quoted text from just after the opening mark (`from`, or past the whole of a
    /// doubled `‘‘`), enough for a message.
    pub(super) fn content_start<'a>(&self, paragraphs: &'a [Paragraph], from: usize) -> &'a str {
        let text = paragraphs[self.open_para].text;
        let from = from.max(self.open_local + self.open_len).min(text.len());
        let end = match self.close {
            Some((pc, end)) if pc == self.open_para => {
                let close = if text[..end].ends_with("’’") {
                    "’’".len()
                } else {
                    text[..end].chars().next_back().map_or(0, char::len_utf8)
                };
                end - close
            }
            _ => text.len(),
        };
        &text[from..end.max(from)]
    }
}

/// One of the double marks this check counts; single marks are apostrophes or nested
/// quotes (but two of them together are one double mark: see [`find_marks`]).
pub(super) fn is_double_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

/// Whether a paragraph opens with an opening double mark: the multi-paragraph convention's
/// sign that the quotation of the paragraph before goes on. A `”` counts (systems that
/// type only `”` open with it, and a closing mark never starts a paragraph), and so does
/// `‘‘`, the wire's double mark.
pub(super) fn opens_with_mark(text: &str) -> bool {
    let text = text.trim_start();
    text.starts_with(['"', '“', '”', '„', '«']) || text.starts_with("‘‘")
}

/// A double quotation mark: its paragraph, its byte in that paragraph, which it is, and
/// its length in bytes.
#[derive(Debug, Clone, Copy)]
pub(super) struct Mark {
    pub(super) para: usize,
    pub(super) pos: usize,
    /// The mark; `‘` and `’` here stand for the wire's doubled `‘‘` and `’’`, since a
    /// single mark alone is never one.
    pub(super) mark: char,
    pub(super) len: usize,
}

/// The bytes of `‘` and `’` in UTF-8: E2 80 98 and E2 80 99.
const LEFT_SINGLE: &[u8] = "‘".as_bytes();
const RIGHT_SINGLE: &[u8] = "’".as_bytes();

/// How many copies of the three-byte `single` stand in a row from `pos`.
fn run_of(bytes: &[u8], pos: usize, single: &[u8]) -> usize {
    bytes[pos..]
        .chunks(single.len())
        .take_while(|chunk| *chunk == single)
        .count()
}

/// A run of one single curly mark, `‘` or `’`, read as wire systems type double marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SingleRun {
    /// `‘` or `’`.
    pub(crate) mark: char,
    /// The bytes of the double mark the run holds, if it holds one (see [`single_run`]).
    pub(crate) double: Option<Range<usize>>,
    /// Where the run ends.
    pub(crate) end: usize,
}

/// The run of `‘` or `’` starting at `pos`, if one does. Two single curly marks in a row
/// are one double mark, as wire systems type them (CHECKS.md, Mixed marks): `‘‘` opens and
/// `’’` closes. In a run of three, the double mark is the outer one: `‘‘‘` is `‘‘` then a
/// nested `‘`, and `’’’` is a nested `’` then `’’`. A lone single mark is an apostrophe or
/// a nested quote and holds no double mark. Shared with `headline-quote-unsupported`, so
/// that the headline's marks are read as the body's are.
pub(crate) fn single_run(text: &str, pos: usize) -> Option<SingleRun> {
    let bytes = text.as_bytes();
    let (mark, single) = if bytes[pos..].starts_with(LEFT_SINGLE) {
        ('‘', LEFT_SINGLE)
    } else if bytes[pos..].starts_with(RIGHT_SINGLE) {
        ('’', RIGHT_SINGLE)
    } else {
        return None;
    };
    let run = run_of(bytes, pos, single);
    let end = pos + run * single.len();
    // Openings take the first two of the run, closings the last two.
    let double = (run >= 2).then(|| {
        let at = if mark == '’' {
            end - 2 * single.len()
        } else {
            pos
        };
        at..at + 2 * single.len()
    });
    Some(SingleRun { mark, double, end })
}

/// The double marks of all paragraphs in order, found without decoding every char; the
/// wire's `‘‘` and `’’` among them (see [`single_run`]).
pub(super) fn find_marks(paragraphs: &[Paragraph]) -> Vec<Mark> {
    // A news story quotes someone a few times: room for that many pairs at once.
    let mut out = Vec::with_capacity(16);
    for (para, p) in paragraphs.iter().enumerate() {
        let bytes = p.text.as_bytes();
        let mut from = 0;
        // '"' is ASCII; the others start with 0xC2 («, ») or 0xE2 (“, ”, „, ‘, ’).
        while let Some(pos) = find_any_byte(bytes, from, [b'"', 0xC2, 0xE2]) {
            from = pos + 1;
            if bytes[pos] == b'"' {
                out.push(Mark {
                    para,
                    pos,
                    mark: '"',
                    len: 1,
                });
                continue;
            }
            let Some(c) = p.text[pos..].chars().next() else {
                continue;
            };
            if is_double_mark(c) {
                out.push(Mark {
                    para,
                    pos,
                    mark: c,
                    len: c.len_utf8(),
                });
                continue;
            }
            let Some(run) = single_run(p.text, pos) else {
                continue;
            };
            from = run.end;
            if let Some(double) = run.double {
                out.push(Mark {
                    para,
                    pos: double.start,
                    mark: run.mark,
                    len: double.len(),
                });
            }
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

/// Runs of non-space text holding a letter or a figure ("—" alone is not a word), counted
/// up to `enough` at most.
pub(super) fn count_words(text: &str, enough: usize) -> usize {
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
            if words >= enough {
                break;
            }
            counted = true;
        }
        i += len;
    }
    words
}

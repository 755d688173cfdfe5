//! The source shown under one human diagnostic: the lines its span covers, each cut to a
//! window around the span when the line is long, so one finding on a megabyte-long line
//! prints a few hundred bytes, not the megabyte. codespan-reporting renders it through its
//! `Files` trait, with the real line numbers and the real line and column in the header.

use std::ops::Range;

use codespan_reporting::files::{Error, Files, Location};
use newslint::line_index::LineIndex;
use newslint::text::boundaries::{ceil_char_boundary, floor_char_boundary};

use crate::cli::terminal::escape_controls;

/// A line up to this many bytes is shown whole.
const WHOLE_LINE_BYTES: usize = 2000;
/// On a longer line, this many bytes of context either side of the span.
const CONTEXT_BYTES: usize = 240;
/// On a longer line, a span is underlined for at most this many bytes.
const LABEL_BYTES: usize = 480;

/// One diagnostic's excerpt, as a codespan file of its own.
pub(super) struct Excerpt {
    name: String,
    /// The shown windows of the covered lines, joined by line feeds.
    text: String,
    /// Where each shown line starts in `text`.
    line_starts: Vec<usize>,
    /// The real 1-based number of the first shown line.
    first_line: usize,
    /// The real 1-based line and column of the span's start.
    location: (usize, usize),
    /// The span, as a range of `text`.
    pub(super) label: Range<usize>,
    /// Real lines that were cut to a window, with their length in bytes.
    pub(super) cut: Vec<(usize, usize)>,
}

impl Excerpt {
    /// The excerpt of `span` of `source`, whose start is at `location`.
    pub(super) fn new(
        name: String,
        source: &str,
        lines: &LineIndex,
        span: Range<usize>,
        location: (usize, usize),
    ) -> Self {
        let span = span.start.min(source.len())..span.end.min(source.len()).max(span.start);
        let first_line = lines.line(span.start);
        let last_line = lines.line(span.end);
        let mut excerpt = Self {
            name,
            text: String::new(),
            line_starts: Vec::with_capacity(last_line - first_line + 1),
            first_line,
            location,
            label: 0..0,
            cut: Vec::new(),
        };
        for line in first_line..=last_line {
            let whole = content_of_line(source, lines, line);
            // The part of the line the span covers decides the window.
            let focus_start = if line == first_line {
                span.start
            } else {
                whole.start
            };
            let focus_end = if line == last_line {
                span.end
            } else {
                whole.end
            };
            let focus = focus_start.clamp(whole.start, whole.end)
                ..focus_end
                    .clamp(whole.start, whole.end)
                    .max(focus_start.min(whole.end));
            let (window, focus) = window_of(source, whole.clone(), focus);
            if window != whole {
                excerpt.cut.push((line, whole.len()));
            }
            excerpt.line_starts.push(excerpt.text.len());
            // An ellipsis says where the line goes on beyond the window.
            if window.start > whole.start {
                excerpt.text.push('…');
            }
            let at = excerpt.text.len();
            // Control characters are shown escaped (see `terminal`), so an offset of the
            // line is found in the shown text by the length of what is shown before it.
            let shown = |range: Range<usize>| escape_controls(&source[range]);
            excerpt.text.push_str(&shown(window.clone()));
            if window.end < whole.end {
                excerpt.text.push('…');
            }
            excerpt.text.push('\n');
            let local = |offset: usize| {
                at + shown(window.start..offset.clamp(window.start, window.end)).len()
            };
            if line == first_line {
                excerpt.label.start = local(focus.start);
            }
            if line == last_line {
                excerpt.label.end = local(focus.end).max(excerpt.label.start);
            }
        }
        excerpt
    }
}

/// A line's text without its line ending.
fn content_of_line(source: &str, lines: &LineIndex, line: usize) -> Range<usize> {
    let start = lines.line_start(line).unwrap_or(source.len());
    let end = lines
        .line_start(line + 1)
        .map_or(source.len(), |next| next - 1);
    let end = if end > start && source.as_bytes()[end - 1] == b'\r' {
        end - 1
    } else {
        end
    };
    start..end.max(start)
}

/// The window of a line `whole` to show around `focus`, and `focus` cut to it: the whole
/// line when it is short; else the focus (at most `LABEL_BYTES` of it) with
/// `CONTEXT_BYTES` either side, on character boundaries.
fn window_of(
    source: &str,
    whole: Range<usize>,
    focus: Range<usize>,
) -> (Range<usize>, Range<usize>) {
    if whole.len() <= WHOLE_LINE_BYTES {
        return (whole, focus);
    }
    let focus_end = floor_char_boundary(source, focus.end.min(focus.start + LABEL_BYTES));
    let focus = focus.start..focus_end.max(focus.start);
    let start = floor_char_boundary(
        source,
        focus.start.saturating_sub(CONTEXT_BYTES).max(whole.start),
    );
    let end = ceil_char_boundary(source, (focus.end + CONTEXT_BYTES).min(whole.end));
    (start..end, focus)
}

impl<'a> Files<'a> for Excerpt {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(&self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(&self.text)
    }

    fn line_index(&'a self, (): (), byte_index: usize) -> Result<usize, Error> {
        Ok(self
            .line_starts
            .partition_point(|&s| s <= byte_index)
            .saturating_sub(1))
    }

    fn line_number(&'a self, (): (), line_index: usize) -> Result<usize, Error> {
        Ok(self.first_line + line_index)
    }

    fn location(&'a self, (): (), _byte_index: usize) -> Result<Location, Error> {
        // codespan asks only for the label's start, which the excerpt was made for.
        Ok(Location {
            line_number: self.location.0,
            column_number: self.location.1,
        })
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, Error> {
        let start = *self
            .line_starts
            .get(line_index)
            .ok_or(Error::LineTooLarge {
                given: line_index,
                max: self.line_starts.len().saturating_sub(1),
            })?;
        let end = self
            .line_starts
            .get(line_index + 1)
            .copied()
            .unwrap_or(self.text.len());
        Ok(start..end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn excerpt(source: &str, span: Range<usize>) -> Excerpt {
        let lines = LineIndex::new(source);
        let location = lines.line_col(source, span.start);
        Excerpt::new("a.txt".into(), source, &lines, span, location)
    }

    #[test]
    fn a_short_line_is_shown_whole() {
        let source = "Head\r\n\r\nThe the vote.\r\n";
        let e = excerpt(source, 12..19);
        assert_eq!(e.text, "The the vote.\n");
        assert_eq!(&e.text[e.label.clone()], "the vot");
        assert!(e.cut.is_empty());
        assert_eq!(e.line_number((), 0).unwrap(), 3);
    }

    #[test]
    fn a_long_line_is_cut_to_a_window_around_the_span() {
        let long = "é".repeat(100_000);
        let source = format!("Ferry\n\n{long} TK {long}\n");
        let at = source.find("TK").unwrap();
        let e = excerpt(&source, at..at + 2);
        assert!(
            e.text.len() <= 2 * CONTEXT_BYTES + 16,
            "{} bytes",
            e.text.len()
        );
        assert!(e.text.starts_with('…') && e.text.ends_with("…\n"));
        assert_eq!(&e.text[e.label.clone()], "TK");
        assert_eq!(e.cut, vec![(3, 2 * long.len() + 4)]);
        // A span longer than the window is underlined up to the window's end.
        let e = excerpt(&source, 7..source.len() - 1);
        assert!(e.text.len() <= LABEL_BYTES + CONTEXT_BYTES + 16);
        assert!(e.text.starts_with('é') && e.text.ends_with("…\n"));
        assert!(e.label.len() <= LABEL_BYTES);
    }

    #[test]
    fn a_span_over_lines_keeps_every_line_it_covers() {
        let source = "one\ntwo\nthree\n";
        let e = excerpt(source, 1..10);
        assert_eq!(e.text, "one\ntwo\nthree\n");
        assert_eq!(&e.text[e.label.clone()], "ne\ntwo\nth");
        assert_eq!(e.line_index((), e.label.end).unwrap(), 2);
    }

    #[test]
    fn control_characters_are_shown_escaped_and_the_label_follows() {
        let source = "Bay\n\nThe \u{1b}[31mthe\u{1b}[0m vote.\n";
        let at = source.find("the").unwrap();
        let e = excerpt(source, at..at + 3);
        assert_eq!(e.text, "The \\u{1b}[31mthe\\u{1b}[0m vote.\n");
        assert_eq!(&e.text[e.label.clone()], "the");
    }
}

//! Byte offsets of the engine ↔ LSP positions at the edge. A position's character counts
//! UTF-16 code units unless the client negotiated UTF-8 (`positionEncoding`), so a curly
//! quote is one unit (three bytes) and an emoji two (four bytes). Lines end at `\n`,
//! `\r\n` or a lone `\r`, as the protocol says; the engine's own lines (which suppression
//! directives count) end at `\n` only, and [`PositionMap::line_of`] gives those.

use lsp_types::{Position, PositionEncodingKind, Range};
use newslint::line_index::LineIndex;

/// How the client counts characters in a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-16 code units: the protocol's default and what every client supports.
    Utf16,
    /// Bytes: when the client offers `utf-8` in `general.positionEncodings`.
    Utf8,
}

impl Encoding {
    /// The encoding to use given what the client offers (UTF-8 when offered, as it costs
    /// nothing to convert; UTF-16 otherwise).
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Self {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    /// The kind announced in the server's capabilities.
    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf16 => PositionEncodingKind::UTF16,
            Encoding::Utf8 => PositionEncodingKind::UTF8,
        }
    }
}

/// Positions of one text, for one encoding.
pub struct PositionMap<'a> {
    text: &'a str,
    /// The engine's lines (ending at `\n`).
    lines: LineIndex,
    /// The protocol's line starts: after each `\n`, and after each `\r` not followed by one.
    protocol_lines: Vec<usize>,
    encoding: Encoding,
    /// The last offset converted and its position: the findings of a file come in order,
    /// so counting on from it keeps a megabyte-long line with thousands of findings linear.
    last: std::cell::Cell<(usize, Position)>,
}

impl<'a> PositionMap<'a> {
    /// Index the lines of `text`.
    pub fn new(text: &'a str, encoding: Encoding) -> Self {
        let bytes = text.as_bytes();
        let mut protocol_lines = vec![0];
        protocol_lines.extend(
            memchr::memchr2_iter(b'\n', b'\r', bytes)
                .filter(|&i| bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n'))
                .map(|i| i + 1),
        );
        Self {
            text,
            lines: LineIndex::new(text),
            protocol_lines,
            encoding,
            last: std::cell::Cell::new((0, Position::new(0, 0))),
        }
    }

    /// The position of a byte offset (an offset inside a character counts from its start).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        // 0-based; a `\r` of `\r\n` is at the end of its line, as the `\n` is.
        let line = self
            .protocol_lines
            .partition_point(|&start| start <= offset)
            - 1;
        let (last_offset, last_position) = self.last.get();
        let (start, counted) = if last_position.line as usize == line && last_offset <= offset {
            (last_offset, last_position.character as usize)
        } else {
            (self.protocol_lines[line], 0)
        };
        let before = &self.text[start..offset];
        let character = counted
            + match self.encoding {
                Encoding::Utf8 => before.len(),
                Encoding::Utf16 => before.chars().map(char::len_utf16).sum(),
            };
        let position = Position::new(to_u32(line), to_u32(character));
        self.last.set((offset, position));
        position
    }

    /// The range of a byte span.
    pub fn range(&self, span: &std::ops::Range<usize>) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of a position. A line past the end is the end of the text; a
    /// character past the line's end is the line's end (before its `\n`, `\r\n` or `\r`),
    /// as the protocol asks; one inside a character (half a surrogate pair) is that
    /// character's start.
    pub fn offset(&self, position: Position) -> usize {
        let Some(&start) = self.protocol_lines.get(position.line as usize) else {
            return self.text.len();
        };
        let rest = &self.text[start..];
        let line = &rest[..memchr::memchr2(b'\n', b'\r', rest.as_bytes()).unwrap_or(rest.len())];
        let wanted = position.character as usize;
        let mut units = 0;
        for (index, c) in line.char_indices() {
            let width = match self.encoding {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            };
            if units + width > wanted {
                return start + index;
            }
            units += width;
        }
        start + line.len()
    }

    /// The byte span of a range.
    pub fn span(&self, range: Range) -> std::ops::Range<usize> {
        let start = self.offset(range.start);
        start..self.offset(range.end).max(start)
    }

    /// The 1-based line of a byte offset (as the suppression directives count lines).
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines.line(offset.min(self.text.len()))
    }

    /// Byte offsets where a 1-based line starts and where its text ends (before `\r\n`).
    pub fn line_bounds(&self, line: usize) -> Option<(usize, usize)> {
        let start = self.lines.line_start(line)?;
        let rest = &self.text[start..];
        let mut end = start + rest.find('\n').unwrap_or(rest.len());
        if end > start && self.text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        Some((start, end))
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    // “ and ” are 3 bytes and 1 UTF-16 unit, — 3 bytes and 1 unit, 🎉 4 bytes and 2 units.
    const TEXT: &str = "Head\n“Yes”—🎉 the the\r\nend";

    #[test]
    fn utf16_counts_code_units_and_utf8_bytes() {
        let map = PositionMap::new(TEXT, Encoding::Utf16);
        let the = TEXT.find("the").unwrap();
        assert_eq!(map.position(the), Position::new(1, 9));
        assert_eq!(map.offset(Position::new(1, 9)), the);
        let map8 = PositionMap::new(TEXT, Encoding::Utf8);
        assert_eq!(map8.position(the), Position::new(1, 17));
        assert_eq!(map8.offset(Position::new(1, 17)), the);
    }

    #[test]
    fn out_of_range_positions_are_clamped() {
        let map = PositionMap::new(TEXT, Encoding::Utf16);
        let line_end = TEXT.find('\n').unwrap();
        assert_eq!(map.offset(Position::new(0, 99)), line_end);
        assert_eq!(map.offset(Position::new(9, 0)), TEXT.len());
        // Half of the emoji's surrogate pair is the emoji's start.
        let emoji = TEXT.find('🎉').unwrap();
        assert_eq!(map.offset(Position::new(1, 7)), emoji);
        assert_eq!(map.position(emoji + 1), map.position(emoji));
        assert_eq!(map.position(TEXT.len()), Position::new(2, 3));
        // Past the end of a CRLF line is before its `\r`, never between `\r` and `\n`.
        let crlf = TEXT.find('\r').unwrap();
        assert_eq!(map.offset(Position::new(1, 99)), crlf);
        assert_eq!(map.position(crlf + 2), Position::new(2, 0));
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line() {
        // Old Mac line ends, and one stray `\r` pasted into a CRLF file: the protocol counts
        // a line at each (the engine's lines, for suppressions, end at `\n` only).
        let text = "Head\r“Yes” the the\r\nmid\rend";
        for encoding in [Encoding::Utf16, Encoding::Utf8] {
            let map = PositionMap::new(text, encoding);
            let the = text.find("the").unwrap();
            let wide = if encoding == Encoding::Utf16 { 6 } else { 10 };
            assert_eq!(map.position(the), Position::new(1, wide));
            assert_eq!(map.offset(Position::new(1, wide)), the);
            assert_eq!(map.position(text.find("mid").unwrap()), Position::new(2, 0));
            assert_eq!(map.position(text.find("end").unwrap()), Position::new(3, 0));
            assert_eq!(map.offset(Position::new(3, 0)), text.find("end").unwrap());
            // Past the end of line 0 is before its `\r`.
            assert_eq!(map.offset(Position::new(0, 40)), 4);
            assert_eq!(map.line_of(text.find("end").unwrap()), 2);
        }
    }

    #[test]
    fn positions_in_any_order_agree_with_a_fresh_count() {
        let text = TEXT.repeat(3);
        let map = PositionMap::new(&text, Encoding::Utf16);
        let offsets: Vec<usize> = (0..=text.len()).chain((0..=text.len()).rev()).collect();
        for (i, &offset) in offsets.iter().enumerate() {
            let fresh = PositionMap::new(&text, Encoding::Utf16).position(offset);
            assert_eq!(map.position(offset), fresh, "offset {offset} (step {i})");
        }
    }

    #[test]
    fn line_bounds_leave_out_the_line_break() {
        let map = PositionMap::new(TEXT, Encoding::Utf16);
        let (start, end) = map.line_bounds(2).unwrap();
        assert_eq!(&TEXT[start..end], "“Yes”—🎉 the the");
        assert_eq!(map.line_bounds(4), None);
    }

    #[test]
    fn negotiation_prefers_utf8_when_offered() {
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
        let offered = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(Encoding::negotiate(Some(&offered)), Encoding::Utf8);
        assert_eq!(
            Encoding::negotiate(Some(&[PositionEncodingKind::UTF32])),
            Encoding::Utf16
        );
    }
}

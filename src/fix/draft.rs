//! The text under repair as a piece table over the original: stretches kept from the
//! original and text that fixes inserted, so that every change over all passes of the fix
//! loop is known as a byte range of the original file.

use std::ops::Range;

/// One stretch of the text under repair.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Piece {
    /// Bytes of the original, unchanged.
    Kept(Range<usize>),
    /// Text a fix inserted.
    Inserted(String),
}

impl Piece {
    fn len(&self) -> usize {
        match self {
            Piece::Kept(range) => range.len(),
            Piece::Inserted(text) => text.len(),
        }
    }
}

/// One edit expressed against the original text: replace `range` with `replacement`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// Byte range of the original.
    pub range: Range<usize>,
    /// What stands there now.
    pub replacement: String,
}

/// The original text and the pieces the current text is made of.
#[derive(Clone, Debug)]
pub struct Draft {
    pieces: Vec<Piece>,
    len: usize,
}

impl Draft {
    /// The original text, untouched.
    pub fn new(original: &str) -> Self {
        let pieces = if original.is_empty() {
            Vec::new()
        } else {
            vec![Piece::Kept(0..original.len())]
        };
        Self {
            pieces,
            len: original.len(),
        }
    }

    /// Length of the current text in bytes.
    pub fn len(&self) -> usize {
        self.len
    }

    /// The current text.
    pub fn render(&self, original: &str) -> String {
        let mut out = String::with_capacity(self.len);
        for piece in &self.pieces {
            match piece {
                Piece::Kept(range) => out.push_str(&original[range.clone()]),
                Piece::Inserted(text) => out.push_str(text),
            }
        }
        out
    }

    /// Ranges of the current text that fixes inserted, in order.
    #[cfg(test)]
    pub fn inserted(&self) -> Vec<Range<usize>> {
        let mut at = 0;
        let mut out = Vec::new();
        for piece in &self.pieces {
            if let Piece::Inserted(text) = piece {
                out.push(at..at + text.len());
            }
            at += piece.len();
        }
        out
    }

    /// Where a position of the current text lies in the original. `end` picks the piece a
    /// position on a boundary ends rather than starts. Positions inside inserted text map to
    /// the original position where the insertion stands.
    pub fn to_original(&self, position: usize, end: bool) -> usize {
        let mut at = 0;
        let mut last = 0;
        for piece in &self.pieces {
            let next = at + piece.len();
            let inside = if end {
                at < position && position <= next
            } else {
                at <= position && position < next
            };
            match piece {
                Piece::Kept(range) => {
                    if inside {
                        return range.start + (position - at);
                    }
                    last = range.end;
                }
                Piece::Inserted(_) if inside => return last,
                Piece::Inserted(_) => {}
            }
            at = next;
        }
        last
    }

    /// A range of the current text as a range of the original.
    pub fn range_to_original(&self, range: &Range<usize>) -> Range<usize> {
        let start = self.to_original(range.start, false);
        let end = if range.is_empty() {
            start
        } else {
            self.to_original(range.end, true)
        };
        start..end.max(start)
    }

    /// Apply edits (sorted, non-overlapping, ranges of the current text on character
    /// boundaries). Returns the new draft and, for each edit, the range its replacement
    /// occupies in the new text.
    pub fn apply(&self, edits: &[(Range<usize>, &str)]) -> (Draft, Vec<Range<usize>>) {
        let mut reader = Reader {
            pieces: &self.pieces,
            index: 0,
            offset: 0,
            position: 0,
        };
        let mut out = Draft {
            pieces: Vec::with_capacity(self.pieces.len() + 2 * edits.len()),
            len: 0,
        };
        let mut placed = Vec::with_capacity(edits.len());
        for (range, replacement) in edits {
            reader.copy_until(range.start, &mut out);
            reader.skip_until(range.end);
            let start = out.len;
            if !replacement.is_empty() {
                out.push(Piece::Inserted((*replacement).to_string()));
            }
            placed.push(start..out.len);
        }
        reader.copy_until(usize::MAX, &mut out);
        (out, placed)
    }

    /// Every change from the original, merged, in order.
    pub fn edits(&self, original_len: usize) -> Vec<Edit> {
        let mut out = Vec::new();
        let mut expected = 0;
        let mut pending = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Kept(range) => {
                    if range.start != expected || !pending.is_empty() {
                        out.push(Edit {
                            range: expected..range.start,
                            replacement: std::mem::take(&mut pending),
                        });
                    }
                    expected = range.end;
                }
                Piece::Inserted(text) => pending.push_str(text),
            }
        }
        if expected != original_len || !pending.is_empty() {
            out.push(Edit {
                range: expected..original_len,
                replacement: pending,
            });
        }
        out
    }

    fn push(&mut self, piece: Piece) {
        if piece.len() == 0 {
            return;
        }
        self.len += piece.len();
        match (self.pieces.last_mut(), piece) {
            (Some(Piece::Kept(last)), Piece::Kept(next)) if last.end == next.start => {
                last.end = next.end;
            }
            (Some(Piece::Inserted(last)), Piece::Inserted(next)) => last.push_str(&next),
            (_, piece) => self.pieces.push(piece),
        }
    }
}

/// A cursor over the pieces of a draft, in current-text positions.
struct Reader<'a> {
    pieces: &'a [Piece],
    index: usize,
    /// Offset inside `pieces[index]`.
    offset: usize,
    /// Position in the current text.
    position: usize,
}

impl Reader<'_> {
    fn copy_until(&mut self, target: usize, out: &mut Draft) {
        self.advance(target, Some(out));
    }

    fn skip_until(&mut self, target: usize) {
        self.advance(target, None);
    }

    fn advance(&mut self, target: usize, mut out: Option<&mut Draft>) {
        while self.position < target && self.index < self.pieces.len() {
            let piece = &self.pieces[self.index];
            let take = (piece.len() - self.offset).min(target - self.position);
            if let Some(out) = out.as_deref_mut() {
                let from = self.offset;
                out.push(match piece {
                    Piece::Kept(range) => {
                        Piece::Kept(range.start + from..range.start + from + take)
                    }
                    Piece::Inserted(text) => Piece::Inserted(text[from..from + take].to_string()),
                });
            }
            self.offset += take;
            self.position += take;
            if self.offset == piece.len() {
                self.index += 1;
                self.offset = 0;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_are_reported_against_the_original() {
        let original = "the the the vote";
        let draft = Draft::new(original);
        let (draft, placed) = draft.apply(&[(3..7, ""), (11..16, " poll")]);
        assert_eq!(draft.render(original), "the the poll");
        assert_eq!(placed, vec![3..3, 7..12]);
        assert_eq!(draft.inserted(), vec![7..12]);
        // A second pass edits the original "the" that now stands at 3..7.
        let (draft, _) = draft.apply(&[(3..7, "")]);
        assert_eq!(draft.render(original), "the poll");
        assert_eq!(
            draft.edits(original.len()),
            vec![Edit {
                range: 3..16,
                replacement: " poll".into()
            }]
        );
        assert_eq!(draft.range_to_original(&(3..3)), 3..3);
    }

    #[test]
    fn positions_map_back_through_insertions() {
        let original = "Mr Lee";
        let (draft, _) = Draft::new(original).apply(&[(0..2, "Mr.")]);
        assert_eq!(draft.render(original), "Mr. Lee");
        assert_eq!(draft.range_to_original(&(4..7)), 3..6);
        assert_eq!(draft.to_original(1, false), 0);
    }
}

//! Byte offset → 1-based line and column (in characters), computed once per file when
//! rendering. The engine works in byte spans only.

/// Start offsets of every line of a text.
#[derive(Clone, Debug)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    /// Index the line starts of `text` (a line ends after each `\n`).
    pub fn new(text: &str) -> Self {
        // Counted first, so the starts are stored once: grown as found, they were copied
        // over and over (a line is a paragraph of most copy, or a wrapped line of 70).
        let lines = memchr::memchr_iter(b'\n', text.as_bytes()).count();
        let mut line_starts = Vec::with_capacity(lines + 1);
        line_starts.push(0);
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Self { line_starts }
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset)
    }

    /// Byte offset where a 1-based line starts, if the line exists.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.line_starts.get(line.checked_sub(1)?).copied()
    }

    /// 1-based line and 1-based column, the column counted in characters. An offset that
    /// falls inside a multi-byte character counts that character as before it.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.line(offset);
        let start = self.line_starts[line - 1];
        let mut column = char_starts(&text.as_bytes()[start..offset]);
        // A byte-order mark is not a character an editor shows.
        if start == 0 && offset >= 3 && text.starts_with('\u{feff}') {
            column -= 1;
        }
        (line, column + 1)
    }

    /// The positions of many offsets of `text` (spans of a file's findings, say) in one
    /// forward pass: each character is counted once, however many offsets share its line,
    /// so reporting stays linear in the file and the findings on a megabyte-long line.
    pub fn positions<'a>(
        &'a self,
        text: &'a str,
        offsets: impl IntoIterator<Item = usize>,
    ) -> Positions<'a> {
        let mut offsets: Vec<usize> = offsets.into_iter().map(|o| o.min(text.len())).collect();
        offsets.sort_unstable();
        offsets.dedup();
        let mut pairs: Vec<(usize, (usize, usize))> = Vec::with_capacity(offsets.len());
        for offset in offsets {
            let line = self.line(offset);
            let position = match pairs.last() {
                // On line 1 a byte-order mark is not a column; `line_col` knows that.
                Some(&(before, (before_line, column)))
                    if before_line == line && (line > 1 || before >= 3) =>
                {
                    (line, column + char_starts(&text.as_bytes()[before..offset]))
                }
                _ => self.line_col(text, offset),
            };
            pairs.push((offset, position));
        }
        Positions {
            index: self,
            text,
            pairs,
        }
    }
}

/// Characters that start in `bytes` (of UTF-8 text): every byte but continuation bytes.
fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

/// Precomputed positions of a set of offsets; see [`LineIndex::positions`].
#[derive(Clone, Debug)]
pub struct Positions<'a> {
    index: &'a LineIndex,
    text: &'a str,
    pairs: Vec<(usize, (usize, usize))>,
}

impl Positions<'_> {
    /// 1-based line and column of `offset`, as [`LineIndex::line_col`] gives it; an offset
    /// that was not precomputed is converted on its own.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        match self.pairs.binary_search_by_key(&offset, |&(o, _)| o) {
            Ok(at) => self.pairs[at].1,
            Err(_) => self.index.line_col(self.text, offset),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_character_columns() {
        let text = "ab\r\nçd é\nx";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 0), (1, 1));
        assert_eq!(index.line_col(text, 4), (2, 1));
        // "çd é": 'é' starts at byte 4+4 = 8 (ç is two bytes), the 4th character.
        assert_eq!(index.line_col(text, 8), (2, 4));
        assert_eq!(index.line_col(text, text.len()), (3, 2));
        assert_eq!(index.line(3), 1);
        let bom = "\u{feff}The the";
        assert_eq!(LineIndex::new(bom).line_col(bom, 7), (1, 5));
    }

    #[test]
    fn positions_agree_with_line_col_for_every_offset() {
        let text = "\u{feff}Zoë said\r\nçd é “x”\n\nlast";
        let index = LineIndex::new(text);
        let offsets: Vec<usize> = (0..=text.len()).rev().collect();
        let positions = index.positions(text, offsets.iter().copied());
        for offset in offsets {
            assert_eq!(
                positions.line_col(offset),
                index.line_col(text, offset),
                "offset {offset}"
            );
        }
        // Offsets not given, and past the end, are still answered.
        let few = index.positions(text, [5]);
        assert_eq!(few.line_col(12), index.line_col(text, 12));
        assert_eq!(few.line_col(999), index.line_col(text, text.len()));
    }
}

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
        let mut line_starts = vec![0];
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
        let mut column = text.as_bytes()[start..offset]
            .iter()
            .filter(|&&b| (b & 0xC0) != 0x80)
            .count();
        // A byte-order mark is not a character an editor shows.
        if start == 0 && offset >= 3 && text.starts_with('\u{feff}') {
            column -= 1;
        }
        (line, column + 1)
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
}

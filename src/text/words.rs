//! Words of prose, by one definition of a word character ([`is_word_char`]: a letter, a
//! digit or `_`, as the regex crate's `\w`): [`words`] are runs of them, with inner
//! apostrophes and hyphens kept so that "don't" and "break-in" are one word each, and
//! [`is_whole_word`] says whether a match stands on its own.

use std::ops::Range;

/// Whether `c` is part of a word: a letter, a digit or `_` (so `snake_case` handles and
/// file names are one word, never a word with a match glued to it).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// ASCII word bytes (letters, digits, `_`), by byte: one load per byte in the scanning
/// loops, which run over every byte of every article.
const ASCII_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = (byte as u8).is_ascii_alphanumeric() || byte == b'_' as usize;
        byte += 1;
    }
    table
};

/// Whether the character before `range` and the one after it are not word characters, so
/// that a literal match is a whole word or phrase.
pub fn is_whole_word(text: &str, range: Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    let first = text[range.clone()].chars().next();
    let last = text[range].chars().next_back();
    // A boundary only matters where the phrase itself starts or ends with a word character.
    let glued_before = first.is_some_and(is_word_char) && before.is_some_and(is_word_char);
    let glued_after = last.is_some_and(is_word_char) && after.is_some_and(is_word_char);
    !glued_before && !glued_after
}

/// Byte ranges (relative to `text`) of the words of `text`.
pub fn words(text: &str) -> Words<'_> {
    Words {
        text,
        block: Block {
            at: 0,
            base: 0,
            runs: 0,
            joiners: 0,
            decided: 0,
            at_end: false,
        },
    }
}

/// Calls `f` with each word of `text`, in order: the words of [`words`], faster where a
/// rule reads them all (the iterator's state stays in registers between words).
#[inline]
pub fn for_each_word(text: &str, mut f: impl FnMut(Range<usize>)) {
    let mut words = words(text);
    let mut block = words.block;
    loop {
        match block.take_run() {
            Run::Word(word) => f(word),
            other => {
                words.block = block;
                let Some(word) = words.next_slowly(other) else {
                    return;
                };
                f(word);
                block = words.block;
            }
        }
    }
}

/// The iterator of [`words`]. It reads the text a block of 64 bytes at a time
/// ([`words_block`]): the words of a block are the runs of word bytes, with the joiners
/// that stand between two of them, and come out of the bit mask one by one. Only what a
/// block cannot decide (a word that may go on past its end, or one next to a byte that is
/// not ASCII) is read a character at a time.
#[derive(Clone, Debug)]
pub struct Words<'a> {
    text: &'a str,
    block: Block,
}

/// Where the iterator is: the block it reads and where the next one starts.
#[derive(Clone, Copy, Debug)]
struct Block {
    /// Where the next block starts; never inside a word.
    at: usize,
    /// Where the current block starts.
    base: usize,
    /// The bytes of the words of the block not yet returned.
    runs: u64,
    /// The joiners of the block.
    joiners: u64,
    /// How many bytes of the block are decided: those before the first that is not ASCII.
    decided: u32,
    /// Whether the decided bytes reach the end of the text.
    at_end: bool,
}

impl Iterator for Words<'_> {
    type Item = Range<usize>;

    /// The common case, a decided word of the block, is small enough to inline; the
    /// rest (a new block, a word read by character) is called.
    #[inline]
    fn next(&mut self) -> Option<Range<usize>> {
        match self.block.take_run() {
            Run::Word(word) => Some(word),
            other => self.next_slowly(other),
        }
    }
}

/// What the next run of word bytes of a block is.
enum Run {
    /// A word the block decides.
    Word(Range<usize>),
    /// None left, or the rest is for the next block.
    Reload,
    /// The block's first word may go on past it: read by character.
    ByChar,
}

impl Block {
    #[inline]
    fn take_run(&mut self) -> Run {
        if self.runs == 0 {
            return Run::Reload;
        }
        let start = self.runs.trailing_zeros();
        let end = start + (self.runs >> start).trailing_ones();
        // A word that reaches the last decided byte, or stops at a joiner there, may go
        // on past it: the next block starts with it.
        let open = !self.at_end
            && (end == self.decided || (end + 1 == self.decided && self.joiners >> end & 1 == 1));
        if !open {
            self.runs = if end == 64 {
                0
            } else {
                self.runs & (!0 << end)
            };
            return Run::Word(self.base + start as usize..self.base + end as usize);
        }
        self.runs = 0;
        if start == 0 {
            return Run::ByChar;
        }
        self.at = self.base + start as usize;
        Run::Reload
    }
}

impl Words<'_> {
    /// Go on from `run`, what the block had left.
    #[inline(never)]
    fn next_slowly(&mut self, mut run: Run) -> Option<Range<usize>> {
        loop {
            match run {
                Run::Word(word) => return Some(word),
                Run::ByChar => return self.slow_step(self.block.base),
                Run::Reload => {}
            }
            if self.block.at >= self.text.len() {
                return None;
            }
            if !self.load_block() {
                return self.slow_step(self.block.at);
            }
            run = self.block.take_run();
        }
    }

    /// Classify the block at `self.block.at`; false when its first byte is not ASCII.
    #[inline]
    fn load_block(&mut self) -> bool {
        use super::words_block::{BLOCK, classify_at};
        let bytes = self.text.as_bytes();
        let base = self.block.at;
        let available = bytes.len() - base;
        // The last bytes come padded with spaces: neither word bytes nor joiners.
        let classes = classify_at(bytes, base);
        let decided = classes
            .high
            .trailing_zeros()
            .min(available.min(BLOCK) as u32);
        if decided == 0 {
            return false;
        }
        let valid = if decided == 64 {
            !0
        } else {
            (1u64 << decided) - 1
        };
        let word = classes.word & valid;
        // A joiner is part of a word between two word bytes. The byte before the block is
        // never in a word, and one past the decided bytes counts as no word byte here: a
        // word ending there is left open.
        self.block = Block {
            runs: word | (classes.joiner & (word << 1) & (word >> 1)),
            joiners: classes.joiner & valid,
            decided,
            at_end: base + decided as usize == bytes.len(),
            base,
            at: base + decided as usize,
        };
        true
    }

    /// One word read by character from `at` (not inside a word); blocks resume after it.
    #[cold]
    fn slow_step(&mut self, at: usize) -> Option<Range<usize>> {
        let found = next_by_char(self.text, at);
        self.block.at = found.as_ref().map_or(self.text.len(), |w| w.end);
        found
    }
}

/// The first word at or after `at` (not inside a word), read with ASCII bytes classified
/// one by one and other characters decoded.
fn next_by_char(text: &str, mut at: usize) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let len = bytes.len();
    loop {
        while at < len && bytes[at].is_ascii() && !ASCII_WORD[bytes[at] as usize] {
            at += 1;
        }
        if at >= len {
            return None;
        }
        if bytes[at].is_ascii() {
            break;
        }
        let c = char_at(text, at);
        if is_word_char(c) {
            break;
        }
        at += c.len_utf8();
    }
    let start = at;
    loop {
        at = end_of_ascii_word(bytes, at);
        let Some(&byte) = bytes.get(at) else {
            break;
        };
        // Any other ASCII but a joiner ends the word: decided without decoding.
        if byte.is_ascii() && byte != b'\'' && byte != b'-' {
            break;
        }
        let c = if byte.is_ascii() {
            byte as char
        } else {
            char_at(text, at)
        };
        let width = c.len_utf8();
        let joins_next = matches!(c, '\'' | '’' | '-') && starts_word(text, at + width);
        if !is_word_char(c) && !joins_next {
            break;
        }
        at += width;
    }
    Some(start..at)
}

/// The first byte at or after `at` that is not an ASCII word byte, or the end. Most words
/// are shorter than eight letters: one look at eight bytes finds where they end.
#[inline]
fn end_of_ascii_word(bytes: &[u8], mut at: usize) -> usize {
    use super::eight_bytes::{HIGH, ONES, chunk, first_marked, in_range};
    while let Some(x) = chunk(bytes, at) {
        // `| 0x20` folds capitals onto small letters and nothing else onto them.
        let word = in_range(x | (0x20 * ONES), b'a', b'z')
            | in_range(x, b'0', b'9')
            | in_range(x, b'_', b'_');
        let stop = !word & HIGH;
        if stop != 0 {
            return at + first_marked(stop);
        }
        at += 8;
    }
    while at < bytes.len() && ASCII_WORD[bytes[at] as usize] {
        at += 1;
    }
    at
}

fn char_at(text: &str, at: usize) -> char {
    text[at..]
        .chars()
        .next()
        .expect("at is a character boundary")
}

fn starts_word(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(is_word_char)
}

/// How many words `text` holds.
pub fn count(text: &str) -> usize {
    words(text).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_apostrophes_and_hyphens() {
        let text = "Don't break-in — 8x10in in ’quotes’ -dash";
        let found: Vec<&str> = words(text).map(|r| &text[r]).collect();
        assert_eq!(
            found,
            vec!["Don't", "break-in", "8x10in", "in", "quotes", "dash"]
        );
        assert_eq!(count("  "), 0);
        assert_eq!(count("see file_name.txt"), 3);
    }

    #[test]
    fn whole_words_stand_on_their_own() {
        assert!(is_whole_word("he stated it", 3..9));
        assert!(!is_whole_word("reinstated it", 5..11));
        assert!(!is_whole_word("was_stated", 4..10));
        assert!(is_whole_word("a 12% rise", 2..5));
        assert!(is_whole_word("“stated”", 3..9));
    }

    /// The definition, one character at a time: what the byte scanner must agree with.
    fn words_by_char(text: &str) -> Vec<Range<usize>> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let (mut found, mut k) = (Vec::new(), 0);
        while k < chars.len() {
            if !is_word_char(chars[k].1) {
                k += 1;
                continue;
            }
            let start = chars[k].0;
            while k < chars.len() {
                let c = chars[k].1;
                let next_word = chars.get(k + 1).is_some_and(|n| is_word_char(n.1));
                if is_word_char(c) || (matches!(c, '\'' | '’' | '-') && next_word) {
                    k += 1;
                } else {
                    break;
                }
            }
            found.push(start..chars.get(k).map_or(text.len(), |c| c.0));
        }
        found
    }

    #[test]
    fn alnum_runs_end_where_the_bytes_say() {
        for byte in 0..=255u8 {
            for place in 0..12 {
                let mut bytes = vec![b'q'; 12];
                bytes[place] = byte;
                let expected = if ASCII_WORD[byte as usize] { 12 } else { place };
                assert_eq!(
                    end_of_ascii_word(&bytes, 0),
                    expected,
                    "{byte:#x} at {place}"
                );
            }
        }
    }

    /// Long texts of pieces picked by a fixed pseudo-random sequence, so that words and
    /// joiners fall on every place of a block, at its edges and beside other characters.
    #[test]
    fn blocks_agree_with_the_definition_across_their_edges() {
        let pieces = [
            "a",
            "Zoë",
            "'",
            "’",
            "-",
            " ",
            "\n",
            "9",
            "_",
            "—",
            "“",
            "x-",
            "--",
            "£",
            "word",
            "longerword",
            "it's",
            "break-in",
            "  ",
            ". ",
        ];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for round in 0..400 {
            let mut text = String::new();
            let target = 20 + round % 300;
            while text.len() < target {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                // Mostly plain ASCII, as copy is, with the rest now and then.
                let pick = (state % 64) as usize;
                text.push_str(if pick < pieces.len() {
                    pieces[pick]
                } else {
                    ["ab", " ", "cd", "e-f", "g'h"][pick % 5]
                });
            }
            assert_eq!(
                words(&text).collect::<Vec<_>>(),
                words_by_char(&text),
                "{text:?}"
            );
            let mut each = Vec::new();
            for_each_word(&text, |w| each.push(w));
            assert_eq!(each, words_by_char(&text), "{text:?}");
        }
        let long = "x".repeat(200) + " " + &"y-".repeat(70) + "z";
        assert_eq!(words(&long).collect::<Vec<_>>(), words_by_char(&long));
    }

    #[test]
    fn the_byte_scanner_agrees_with_the_definition() {
        let pieces = [
            "a", "Zoë", "'", "’", "-", " ", "\n", "9", "_", "—", "“", "x-", "--", "日本", "\u{a0}",
        ];
        // Every string of up to four pieces.
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
                .collect();
            texts.extend(longer);
            texts.dedup();
        }
        for text in &texts {
            assert_eq!(
                words(text).collect::<Vec<_>>(),
                words_by_char(text),
                "{text:?}"
            );
        }
    }
}

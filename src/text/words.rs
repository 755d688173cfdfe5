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
    Words { text, at: 0 }
}

/// The iterator of [`words`].
#[derive(Clone, Debug)]
pub struct Words<'a> {
    text: &'a str,
    at: usize,
}

impl Iterator for Words<'_> {
    type Item = Range<usize>;

    #[inline]
    fn next(&mut self) -> Option<Range<usize>> {
        let (text, bytes) = (self.text, self.text.as_bytes());
        let len = bytes.len();
        let mut at = self.at;
        // ASCII, nearly all of English copy, is classified byte by byte in tight loops;
        // only other characters are decoded.
        loop {
            while at < len && bytes[at].is_ascii() && !ASCII_WORD[bytes[at] as usize] {
                at += 1;
            }
            if at >= len {
                self.at = len;
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
        self.at = at;
        Some(start..at)
    }
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

//! Words of prose: runs of letters and digits, with inner apostrophes and hyphens kept so
//! that "don't" and "break-in" are one word each.

use std::ops::Range;

/// ASCII letters and digits, by byte: one load per byte in the scanning loops, which run
/// over every byte of every article.
const ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = (byte as u8).is_ascii_alphanumeric();
        byte += 1;
    }
    table
};

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
            while at < len && bytes[at].is_ascii() && !ASCII_ALNUM[bytes[at] as usize] {
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
            if c.is_alphanumeric() {
                break;
            }
            at += c.len_utf8();
        }
        let start = at;
        loop {
            at = end_of_ascii_alnum(bytes, at);
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
            if !c.is_alphanumeric() && !joins_next {
                break;
            }
            at += width;
        }
        self.at = at;
        Some(start..at)
    }
}

/// The first byte at or after `at` that is not an ASCII letter or digit, or the end. Most
/// words are shorter than eight letters: one look at eight bytes finds where they end.
#[inline]
fn end_of_ascii_alnum(bytes: &[u8], mut at: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // For 7-bit bytes `y`, `y + (0x80 - lo)` has its high bit set when `y >= lo`, and
    // `y + (0x7F - hi)` when `y > hi`; neither sum carries into the next byte.
    let in_range = |y: u64, lo: u8, hi: u8| {
        y.wrapping_add(u64::from(0x80 - lo) * ONES) & !y.wrapping_add(u64::from(0x7F - hi) * ONES)
    };
    while let Some(chunk) = bytes.get(at..at + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let y = x & !HIGH;
        // `| 0x20` folds capitals onto small letters and nothing else onto them.
        let alnum = (in_range(y | (0x20 * ONES), b'a', b'z') | in_range(y, b'0', b'9')) & !x & HIGH;
        let stop = !alnum & HIGH;
        if stop != 0 {
            return at + (stop.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while at < bytes.len() && ASCII_ALNUM[bytes[at] as usize] {
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
    text[at..].chars().next().is_some_and(char::is_alphanumeric)
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
    }

    /// The definition, one character at a time: what the byte scanner must agree with.
    fn words_by_char(text: &str) -> Vec<Range<usize>> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let (mut found, mut k) = (Vec::new(), 0);
        while k < chars.len() {
            if !chars[k].1.is_alphanumeric() {
                k += 1;
                continue;
            }
            let start = chars[k].0;
            while k < chars.len() {
                let c = chars[k].1;
                let next_alnum = chars.get(k + 1).is_some_and(|n| n.1.is_alphanumeric());
                if c.is_alphanumeric() || (matches!(c, '\'' | '’' | '-') && next_alnum) {
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
                let expected = if ASCII_ALNUM[byte as usize] {
                    12
                } else {
                    place
                };
                assert_eq!(
                    end_of_ascii_alnum(&bytes, 0),
                    expected,
                    "{byte:#x} at {place}"
                );
            }
        }
    }

    #[test]
    fn the_byte_scanner_agrees_with_the_definition() {
        let pieces = [
            "a", "Zoë", "'", "’", "-", " ", "\n", "9", "é", "—", "“", "x-", "--", "日本", "\u{a0}",
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

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

/// Word characters among the ASCII bytes, by byte: one load per byte where the test of
/// three ranges and `_` was four compares, in the loop that reads every word of an article.
const ASCII_WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = (byte as u8).is_ascii_alphanumeric() || byte as u8 == b'_';
        byte += 1;
    }
    table
};

fn is_ascii_word_byte(byte: u8) -> bool {
    ASCII_WORD_BYTES[usize::from(byte)]
}

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
pub fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        // ASCII, nearly all of English copy, is classified byte by byte; only other
        // characters are decoded.
        loop {
            let byte = *bytes.get(at)?;
            if is_ascii_word_byte(byte) {
                break;
            }
            if byte.is_ascii() {
                at += 1;
            } else {
                let c = text[at..].chars().next()?;
                if is_word_char(c) {
                    break;
                }
                at += c.len_utf8();
            }
        }
        let start = at;
        while let Some(&byte) = bytes.get(at) {
            if is_ascii_word_byte(byte) {
                at += 1;
                continue;
            }
            let (c, width) = if byte.is_ascii() {
                (byte as char, 1)
            } else {
                let c = text[at..]
                    .chars()
                    .next()
                    .expect("at is a character boundary");
                (c, c.len_utf8())
            };
            let joins_next = matches!(c, '\'' | '’' | '-') && starts_word(text, at + width);
            if !is_word_char(c) && !joins_next {
                break;
            }
            at += width;
        }
        Some(start..at)
    })
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
        for byte in 0..=255u8 {
            let expected = byte.is_ascii() && is_word_char(char::from(byte));
            assert_eq!(is_ascii_word_byte(byte), expected, "byte {byte}");
        }
    }

    #[test]
    fn whole_words_stand_on_their_own() {
        assert!(is_whole_word("he stated it", 3..9));
        assert!(!is_whole_word("reinstated it", 5..11));
        assert!(!is_whole_word("was_stated", 4..10));
        assert!(is_whole_word("a 12% rise", 2..5));
        assert!(is_whole_word("“stated”", 3..9));
    }
}

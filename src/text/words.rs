//! Words of prose: runs of letters and digits, with inner apostrophes and hyphens kept so
//! that "don't" and "break-in" are one word each.

use std::ops::Range;

/// Byte ranges (relative to `text`) of the words of `text`.
pub fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        // ASCII, nearly all of English copy, is classified byte by byte; only other
        // characters are decoded.
        loop {
            let byte = *bytes.get(at)?;
            if byte.is_ascii_alphanumeric() {
                break;
            }
            if byte.is_ascii() {
                at += 1;
            } else {
                let c = text[at..].chars().next()?;
                if c.is_alphanumeric() {
                    break;
                }
                at += c.len_utf8();
            }
        }
        let start = at;
        while let Some(&byte) = bytes.get(at) {
            if byte.is_ascii_alphanumeric() {
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
            if !c.is_alphanumeric() && !joins_next {
                break;
            }
            at += width;
        }
        Some(start..at)
    })
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
}

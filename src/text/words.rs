//! Words of prose: runs of letters and digits, with inner apostrophes and hyphens kept so
//! that "don't" and "break-in" are one word each.

use std::ops::Range;

/// Byte ranges (relative to `text`) of the words of `text`.
pub fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        // ASCII is read byte by byte; only other characters are decoded.
        let start = loop {
            let (c, width) = char_at(text, bytes, at)?;
            if c.is_alphanumeric() {
                break at;
            }
            at += width;
        };
        let (_, width) = char_at(text, bytes, at)?;
        at += width;
        while let Some((c, width)) = char_at(text, bytes, at) {
            let joins_next = matches!(c, '\'' | '’' | '-')
                && char_at(text, bytes, at + width).is_some_and(|(next, _)| next.is_alphanumeric());
            if !c.is_alphanumeric() && !joins_next {
                break;
            }
            at += width;
        }
        Some(start..at)
    })
}

#[inline]
fn char_at(text: &str, bytes: &[u8], at: usize) -> Option<(char, usize)> {
    let byte = *bytes.get(at)?;
    if byte.is_ascii() {
        Some((byte as char, 1))
    } else {
        let c = text[at..].chars().next()?;
        Some((c, c.len_utf8()))
    }
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

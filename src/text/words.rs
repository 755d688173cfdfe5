//! Words of prose: runs of letters and digits, with inner apostrophes and hyphens kept so
//! that "don't" and "break-in" are one word each.

use std::ops::Range;

/// Byte ranges (relative to `text`) of the words of `text`.
pub fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = loop {
            let (i, c) = chars.next()?;
            if c.is_alphanumeric() {
                break (i, c);
            }
        };
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if c.is_alphanumeric() {
                chars.next();
                continue;
            }
            if matches!(c, '\'' | '’' | '-') {
                let next_is_word = text[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
                if next_is_word {
                    chars.next();
                    continue;
                }
            }
            end = i;
            break;
        }
        Some(start..end)
    })
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

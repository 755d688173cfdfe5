//! Ages given for people (FACTS.md): `Name, 42,` (or `Name, 42.` at a sentence end),
//! `Name (42)`, `Name, aged 42` and `42-year-old Name`, with lower-case job words or title
//! words between the age and the name. Found by scanning for digits and reading the words
//! around them, which is cheaper than a regex that starts at every capital letter.

use std::ops::Range;

use crate::text::words_block::{MaskBlocks, equal_to_any};

/// An age written next to a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgeMention<'a> {
    /// The age.
    pub age: u32,
    /// Absolute span of the digits.
    pub span: Range<usize>,
    /// The capitalised words of the name, in order (titles included: `Mr Sullivan`).
    pub name: Vec<&'a str>,
    /// Written `NN-year-old Name` with a single capitalised word after the age.
    pub lone_word_after: bool,
}

impl AgeMention<'_> {
    /// The person: the name word written last.
    pub fn surname(&self) -> &str {
        self.name.last().copied().unwrap_or("")
    }
}

/// Lower-case words that end the search for a name after `NN-year-old`: a verb or a
/// preposition means the age belongs to no name that follows.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "had", "has", "have", "in", "into",
    "is", "of", "on", "or", "said", "says", "the", "to", "was", "were", "who", "will", "with",
];

/// Ages in one unit of prose (`text` at absolute `offset`), appended to `out`.
/// `list_items`: this many `Name (NN)` in the unit make a list, whose numbers are not ages.
pub fn find_ages<'a>(
    text: &'a str,
    offset: usize,
    list_items: usize,
    out: &mut Vec<AgeMention<'a>>,
) {
    let bytes = text.as_bytes();
    let first_of_unit = out.len();
    let mut bracketed = Vec::new();
    // Every form puts a fixed mark next to the digits (`, `, `, aged `, `(`, `-year-old`):
    // those marks are found a block at a time as a bit mask, and only the bytes beside
    // them are read. Through `memchr` (the commas and brackets) and `memmem`
    // (`-year-old`), every comma of the copy cost a return from the search and a new one.
    let digits_at = |from: usize| {
        let len = bytes
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        (len > 0).then_some((from, from + len))
    };
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    let mut marks = MaskBlocks::new(bytes, bytes.len(), |block| {
        equal_to_any(block, [b',', b'(', b'-'])
    });
    let mut from = 0;
    loop {
        let p = marks.first(from, true);
        let Some(&mark) = bytes.get(p) else {
            break;
        };
        from = p + 1;
        let rest = &bytes[p + 1..];
        let found = match mark {
            b'(' => digits_at(p + 1),
            b',' if rest.starts_with(b" aged ") => digits_at(p + 7),
            b',' if rest.starts_with(b" ") => digits_at(p + 2),
            b'-' if rest.starts_with(b"year-old") => {
                let start = bytes[..p]
                    .iter()
                    .rev()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                (start > 0).then_some((p - start, p))
            }
            _ => None,
        };
        candidates.extend(found);
    }
    candidates.sort_unstable();
    candidates.dedup();
    for (start, end) in candidates {
        if end - start > 3
            || (start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'.'))
            || bytes.get(end).is_some_and(u8::is_ascii_digit)
        {
            continue;
        }
        let Ok(age) = text[start..end].parse::<u32>() else {
            continue;
        };
        if !(1..=120).contains(&age) {
            continue;
        }
        let before = &text[..start];
        let after = &text[end..];
        let span = offset + start..offset + end;
        if let Some(rest) = after.strip_prefix("-year-old") {
            if let Some((name, lone)) = name_after(rest) {
                out.push(AgeMention {
                    age,
                    span,
                    name,
                    lone_word_after: lone,
                });
            }
            continue;
        }
        let name_end = if let Some(b) = before
            .strip_suffix(", ")
            .or_else(|| before.strip_suffix(",\u{a0}"))
        {
            // `Name, 42,` / `Name, 42.` at a sentence end.
            let closes = after.starts_with(',')
                || (after.starts_with('.')
                    && after[1..].chars().next().is_none_or(char::is_whitespace));
            closes.then_some(b.len())
        } else if let Some(b) = before.strip_suffix(", aged ") {
            Some(b.len())
        } else if let Some(b) = before.strip_suffix(" (") {
            if after.starts_with(')') {
                bracketed.push(out.len());
                Some(b.len())
            } else {
                None
            }
        } else {
            None
        };
        if let Some(name_end) = name_end {
            let name = name_before(&text[..name_end]);
            if !name.is_empty() {
                out.push(AgeMention {
                    age,
                    span,
                    name,
                    lone_word_after: false,
                });
            }
        }
    }
    if bracketed.len() >= list_items.max(1) {
        let mut index = first_of_unit;
        out.retain(|_| {
            let keep = !bracketed.contains(&index);
            index += 1;
            keep
        });
    }
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) && word.chars().any(char::is_lowercase)
        || word.chars().count() == 1 && word.chars().all(char::is_uppercase)
}

/// A character of a name word: letters, with the apostrophes and hyphens of `O'Neill` and
/// `Smith-Jones` (no digits: a name is never `Room 101`).
fn is_name_char(c: char) -> bool {
    c.is_alphabetic() || c == '\'' || c == '’' || c == '-'
}

/// The run of capitalised words that ends `text` (single spaces between), in order.
fn name_before(text: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let mut rest = text;
    loop {
        let word_start = rest
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_name_char(*c))
            .last()
            .map(|(i, _)| i);
        let Some(word_start) = word_start else { break };
        let word = rest[word_start..].trim_matches(|c| c == '-' || c == '\'' || c == '’');
        if word.is_empty() || !is_capitalised(word) {
            break;
        }
        words.push(word);
        rest = &rest[..word_start];
        match rest.strip_suffix(' ') {
            Some(r) if !r.ends_with(' ') => rest = r,
            _ => break,
        }
    }
    words.reverse();
    words
}

/// The name after `-year-old`: lower-case job words may come first (`point guard`), then a
/// run of capitalised words. Returns the run and whether it is a single word.
fn name_after(text: &str) -> Option<(Vec<&str>, bool)> {
    let mut words = Vec::new();
    let mut rest = text;
    let mut skipped = 0;
    while let Some(trimmed) = rest.strip_prefix(' ') {
        let len = trimmed
            .find(|c: char| !is_name_char(c))
            .unwrap_or(trimmed.len());
        let word = &trimmed[..len];
        if word.is_empty() {
            break;
        }
        if is_capitalised(word) {
            words.push(word);
        } else if words.is_empty() && skipped < 3 && !STOP_WORDS.contains(&word) {
            skipped += 1;
        } else {
            break;
        }
        rest = &trimmed[len..];
    }
    let lone = words.len() == 1;
    (!words.is_empty()).then_some((words, lone))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ages(text: &str) -> Vec<(u32, String)> {
        let mut out = Vec::new();
        find_ages(text, 0, 3, &mut out);
        out.into_iter().map(|a| (a.age, a.name.join(" "))).collect()
    }

    #[test]
    fn the_four_forms() {
        assert_eq!(
            ages("Mark Sullivan, 42, said so."),
            [(42, "Mark Sullivan".into())]
        );
        assert_eq!(ages("It was Ms Ray, 42."), [(42, "Ms Ray".into())]);
        assert_eq!(
            ages("Femi Oyelaran (24) scored."),
            [(24, "Femi Oyelaran".into())]
        );
        assert_eq!(
            ages("Declan Muirhead, aged 32, denies it."),
            [(32, "Declan Muirhead".into())]
        );
        assert_eq!(
            ages("the 30-year-old point guard Jalen Whitacre, who"),
            [(30, "Jalen Whitacre".into())]
        );
        assert_eq!(
            ages("The 53-year-old Health Commissioner Marta Velikova"),
            [(53, "Health Commissioner Marta Velikova".into())]
        );
    }

    #[test]
    fn not_ages() {
        assert!(ages("said the 19-year-old.").is_empty());
        assert!(ages("a 42-year-old was taken to Leeds").is_empty());
        assert!(ages("Against Leeds, 42 fans came.").is_empty());
        assert!(ages("In 2004, 42.5 per cent").is_empty());
        assert!(ages("Ann Lee (53), Bo Ek (41) and Cy Ma (39) were chosen.").is_empty());
        assert!(ages("Room 4, 150, and 121").is_empty());
    }
}

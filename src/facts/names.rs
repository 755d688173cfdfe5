//! Capitalised words of prose, as the fact checks read them (FACTS.md, "Name words"): runs
//! of letters with inner apostrophes, split at hyphens, a possessive ending taken off, each
//! with whether it is linked to the capitalised word before it (only a space or a hyphen
//! between), which is what "neighbour" and "one run of names" are made of.

use std::ops::Range;

use crate::text::words_block::{BLOCK, MaskBlocks, capitals_or_high};

/// How a word's possessive was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Possessive {
    /// No possessive.
    None,
    /// `Ebber's`: the `'s` is taken off the word.
    ApostropheS,
    /// `Cotterills'`: an apostrophe right after the word.
    Trailing,
}

/// A capitalised word of a prose unit.
#[derive(Clone, Debug)]
pub struct CapWord<'a> {
    /// The word without its possessive ending.
    pub text: &'a str,
    /// Absolute span of `text`.
    pub span: Range<usize>,
    /// Absolute span of the word as written, possessive (and a trailing apostrophe) included.
    pub written: Range<usize>,
    /// The possessive.
    pub possessive: Possessive,
    /// Every letter is upper case (`NATO`): never a name word.
    pub all_caps: bool,
    /// The capitalised word right before is a neighbour: only a space or a hyphen between.
    pub linked_prev: bool,
    /// The unit the word is in (its index), so analyses never link across units.
    pub unit: usize,
    /// The word stands in a list of three or more names joined by commas (a team sheet, a
    /// line-up), where each name is a different person.
    pub in_list: bool,
    /// Only `, ` stands between this word and the capitalised word before (what lists are
    /// made of).
    comma_before: bool,
    /// Letters in `text`, counted while it was read.
    letters: usize,
}

impl CapWord<'_> {
    /// Letters in the word.
    pub fn letters(&self) -> usize {
        self.letters
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The capitalised words of `text` (a unit at absolute `offset`), appended to `out`.
pub fn cap_words<'a>(text: &'a str, offset: usize, unit: usize, out: &mut Vec<CapWord<'a>>) {
    let bytes = text.as_bytes();
    let mut at = 0;
    let mut starts = Starts::new(bytes);
    // The end of the capitalised word before, whether it can link to the next one, and
    // whether there is one in this unit: a lower-case word between two capitalised ones
    // shows in the gap between them, so lower-case words need not be read at all.
    let mut prev_end = 0;
    let mut prev_linkable = false;
    let mut prev_capitalised = false;
    let first = out.len();
    // About one capitalised word in 34 bytes of English copy: room for them at once.
    out.reserve(text.len() / 30);
    while at < bytes.len() {
        // Only an upper-case letter can start a capitalised word.
        at = starts.next_from(at);
        let Some(&byte) = bytes.get(at) else {
            break;
        };
        let width = if byte < 0x80 {
            1
        } else {
            let c = char_at(text, at);
            if !c.is_uppercase() {
                at += c.len_utf8();
                continue;
            }
            c.len_utf8()
        };
        let glued_before = match at.checked_sub(1).map(|i| bytes[i]) {
            None => false,
            Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
            Some(_) => text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric),
        };
        if glued_before {
            at += width;
            continue;
        }
        let start = at;
        let Read {
            end,
            glued_to_digit,
            apostrophes,
            ascii,
        } = read_word(text, start);
        at = end;
        if glued_to_digit {
            prev_linkable = false;
            continue;
        }
        let (stem_end, mut possessive) = match possessive_s(bytes, start, end) {
            Some(stem_end) => (stem_end, Possessive::ApostropheS),
            None => (end, Possessive::None),
        };
        let mut written_end = end;
        if possessive == Possessive::None
            && matches!(bytes.get(end), Some(b'\'' | 0xE2))
            && let Some(mark) = text[end..].chars().next().filter(|c| is_apostrophe(*c))
            && !text[end..].chars().nth(1).is_some_and(char::is_alphabetic)
        {
            possessive = Possessive::Trailing;
            written_end = end + mark.len_utf8();
        }
        let gap = &bytes[prev_end..start];
        let linked_prev = prev_linkable && links(gap);
        let stem = &text[start..stem_end];
        let word_letters = if ascii {
            end - start
        } else {
            text[start..end].chars().count()
        } - apostrophes;
        // A possessive's `'s` takes one letter (and an apostrophe) off the word.
        let letters = word_letters - usize::from(possessive == Possessive::ApostropheS);
        // A small letter second (most names) settles it; the word read as ASCII needs no
        // second look.
        let all_caps = if stem.as_bytes().get(1).is_some_and(u8::is_ascii_lowercase) {
            false
        } else if ascii || stem.is_ascii() {
            stem.len() > 1 && !stem.bytes().any(|b| b.is_ascii_lowercase())
        } else {
            stem.chars().filter(|c| c.is_alphabetic()).count() > 1
                && !stem.chars().any(char::is_lowercase)
        };
        out.push(CapWord {
            text: stem,
            span: offset + start..offset + stem_end,
            written: offset + start..offset + written_end,
            possessive,
            all_caps,
            linked_prev,
            unit,
            in_list: false,
            comma_before: prev_capitalised && gap == b", ",
            letters,
        });
        prev_end = written_end;
        prev_linkable = possessive == Possessive::None;
        prev_capitalised = true;
    }
    mark_lists(&mut out[first..]);
}

/// What reading a word found.
struct Read {
    /// Where the word ends.
    end: usize,
    /// A digit is part of it (`G8`): not a name word.
    glued_to_digit: bool,
    /// Inner apostrophes (not letters).
    apostrophes: usize,
    /// Every character is ASCII.
    ascii: bool,
}

/// Read the word starting at `start`: letters and digits, and apostrophes with a letter on
/// both sides. Runs of ASCII letters are skipped eight bytes at a time, the rest of ASCII
/// read byte by byte; only other characters are decoded.
#[inline]
fn read_word(text: &str, start: usize) -> Read {
    use crate::text::eight_bytes::{HIGH, ONES, chunk, first_marked, in_range};
    let bytes = text.as_bytes();
    let mut read = Read {
        end: start,
        glued_to_digit: false,
        apostrophes: 0,
        ascii: true,
    };
    loop {
        // `| 0x20` folds capitals onto small letters and nothing else onto them.
        while let Some(x) = chunk(bytes, read.end) {
            let stop = !in_range(x | (0x20 * ONES), b'a', b'z') & HIGH;
            if stop != 0 {
                read.end += first_marked(stop);
                break;
            }
            read.end += 8;
        }
        let Some(&b) = bytes.get(read.end) else {
            break;
        };
        if b.is_ascii_alphabetic() {
            read.end += 1;
            continue;
        }
        if b.is_ascii_digit() {
            read.glued_to_digit = true;
            read.end += 1;
            continue;
        }
        if b.is_ascii() && b != b'\'' {
            break;
        }
        let ch = char_at(text, read.end);
        let width = ch.len_utf8();
        let inner_apostrophe = is_apostrophe(ch)
            && match bytes.get(read.end + width) {
                Some(next) if next.is_ascii() => next.is_ascii_alphabetic(),
                Some(_) => char_at(text, read.end + width).is_alphabetic(),
                None => false,
            };
        if ch.is_alphabetic() || inner_apostrophe {
            read.apostrophes += usize::from(inner_apostrophe);
            read.ascii &= width == 1;
            read.end += width;
        } else {
            break;
        }
    }
    read
}

/// Where the stem of a word `bytes[start..end]` ending in an apostrophe and `s` ends.
fn possessive_s(bytes: &[u8], start: usize, end: usize) -> Option<usize> {
    if !matches!(bytes[end - 1], b's' | b'S') || end - start < 2 {
        return None;
    }
    let before = &bytes[start..end - 1];
    if before.ends_with(b"'") {
        Some(end - 2)
    } else if before.ends_with("’".as_bytes()) {
        Some(end - 1 - "’".len())
    } else {
        None
    }
}

/// Whether the gap between two capitalised words links them: a hyphen, or white space
/// (spaces, tabs, one line break).
fn links(gap: &[u8]) -> bool {
    if gap == b"-" {
        return true;
    }
    let mut breaks = 0;
    for &b in gap {
        match b {
            b' ' | b'\t' | b'\r' => {}
            b'\n' => breaks += 1,
            _ => return false,
        }
    }
    !gap.is_empty() && breaks < 2
}

fn char_at(text: &str, at: usize) -> char {
    text[at..].chars().next().expect("char boundary")
}

/// Where capitalised words can start (ASCII capitals and bytes that are not ASCII), found
/// 64 bytes at a time ([`MaskBlocks`]). Nearly all of copy is lower-case ASCII.
struct Starts<'a>(MaskBlocks<'a, fn(&[u8; BLOCK]) -> u64>);

impl<'a> Starts<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Self(MaskBlocks::new(bytes, bytes.len(), capitals_or_high))
    }

    /// The first possible start at or after `at`, or the end.
    #[inline]
    fn next_from(&mut self, at: usize) -> usize {
        self.0.first(at, true)
    }
}

/// Mark the words of chains of three or more runs of names joined by `, `.
fn mark_lists(words: &mut [CapWord]) {
    let mut chain_start = 0;
    let mut runs = 0;
    for i in 0..=words.len() {
        let run_starts = i == words.len() || !words[i].linked_prev;
        if !run_starts {
            continue;
        }
        let continues_chain = i < words.len() && words[i].comma_before;
        if !continues_chain {
            if runs >= 3 {
                for word in &mut words[chain_start..i] {
                    word.in_list = true;
                }
            }
            chain_start = i;
            runs = 0;
        }
        runs += 1;
    }
}

/// Fold a letter to its base letter in lower case: `Ó` → `o`, `Ł` → `l`. Covers the Latin
/// letters of European names; anything else is lower-cased.
pub fn fold_letter(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    if lower.is_ascii() {
        return lower;
    }
    match lower {
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => 's',
        'ţ' | 'ť' | 'ŧ' | 'ț' => 't',
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_are_counted_as_the_word_is_read() {
        let text = "O'Neill's Zoë and Dubois' Ó Súilleabháin met MacDonald’s aide";
        for word in words(text) {
            let by_char = word.text.chars().filter(|c| c.is_alphabetic()).count();
            assert_eq!(word.letters(), by_char, "{}", word.text);
        }
    }

    fn words(text: &str) -> Vec<CapWord<'_>> {
        let mut out = Vec::new();
        cap_words(text, 0, 0, &mut out);
        out
    }

    /// The texts of `found`, in order.
    fn texts<'a>(found: &[CapWord<'a>]) -> Vec<&'a str> {
        found.iter().map(|w| w.text).collect()
    }

    #[test]
    fn possessives_and_links() {
        let found =
            words("Mr Ebber's car met Cotterills' van near O'Brien-Smith and NATO, then Jean-Luc.");
        let texts = texts(&found);
        assert_eq!(
            texts,
            [
                "Mr",
                "Ebber",
                "Cotterills",
                "O'Brien",
                "Smith",
                "NATO",
                "Jean",
                "Luc"
            ]
        );
        assert_eq!(found[1].possessive, Possessive::ApostropheS);
        assert_eq!(found[2].possessive, Possessive::Trailing);
        assert!(found[1].linked_prev && !found[2].linked_prev);
        assert!(found[4].linked_prev && found[7].linked_prev);
        assert!(found[5].all_caps && !found[5].linked_prev);
        assert_eq!(found[1].written, 3..10);
    }

    #[test]
    fn starts_are_found_across_blocks() {
        let line = "lower case words then Zed and @[`{ marks, then é and ";
        for copies in [1, 2, 5] {
            let text = line.repeat(copies) + "Q";
            let expected: Vec<usize> = text
                .bytes()
                .enumerate()
                .filter(|(_, b)| b.is_ascii_uppercase() || *b >= 0x80)
                .map(|(i, _)| i)
                .collect();
            // Steps of one byte, and jumps over a word or more after each find, as the
            // scan makes.
            for jump in [1, 3, 70, 130] {
                let mut starts = Starts::new(text.as_bytes());
                let (mut at, mut found) = (0, Vec::new());
                loop {
                    at = starts.next_from(at);
                    if at >= text.len() {
                        break;
                    }
                    found.push(at);
                    at += jump;
                }
                let mut wanted = Vec::new();
                for &i in &expected {
                    if wanted.last().is_none_or(|&last| i >= last + jump) {
                        wanted.push(i);
                    }
                }
                assert_eq!(found, wanted, "{copies} copies, jumps of {jump}");
            }
        }
    }

    #[test]
    fn long_words_are_read_past_eight_letters() {
        let found =
            words("Wolfeschlegel's aide, Abcdefghijk9 and Mackenzievillé’s O'Shaughnessy-Ives");
        let texts = texts(&found);
        assert_eq!(
            texts,
            ["Wolfeschlegel", "Mackenzievillé", "O'Shaughnessy", "Ives"]
        );
        assert_eq!(found[0].letters(), 13);
        assert_eq!(found[1].possessive, Possessive::ApostropheS);
        assert!(found[3].linked_prev);
    }

    #[test]
    fn lists_of_names() {
        let found =
            words("Murphy, Horgan, O'Driscoll, S Easterby and Foley. Shane Horgan, 27, scored.");
        let listed: Vec<&str> = found.iter().filter(|w| w.in_list).map(|w| w.text).collect();
        assert_eq!(listed, ["Murphy", "Horgan", "O'Driscoll", "S", "Easterby"]);
    }

    #[test]
    fn curly_possessive_diacritics_and_digits() {
        let found = words("Tarvenko’s plan, Wróblewska and G8 leaders");
        assert_eq!(found[0].text, "Tarvenko");
        assert_eq!(found[1].text, "Wróblewska");
        assert_eq!(found.len(), 2);
        assert_eq!(fold_letter('Ó'), 'o');
        assert_eq!(fold_letter('Ł'), 'l');
    }

    #[test]
    fn other_characters_beside_the_ascii_fast_paths() {
        let found = words("Zoë’s car, Dubois’ van, caféZed and O’Neill\n\nAhl");
        let texts = texts(&found);
        // `Zed` is glued to the letter before it, so it is no word of its own.
        assert_eq!(texts, ["Zoë", "Dubois", "O’Neill", "Ahl"]);
        assert_eq!(found[0].possessive, Possessive::ApostropheS);
        assert_eq!(found[1].possessive, Possessive::Trailing);
        assert_eq!(found[1].written.len(), "Dubois’".len());
        assert_eq!(found[2].letters(), 6);
        // Two line breaks part a run.
        assert!(!found[3].linked_prev);
    }
}

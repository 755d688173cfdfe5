//! The month and weekday names, the patterns that find date candidates, and the
//! byte-level readers (digits, white space, ordinal suffixes) the finder is built from.

use jiff::civil::Weekday;
use regex::Regex;
use std::ops::Range;

use crate::text::words_block::first_in_range;
use std::sync::LazyLock;

pub(super) const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The month words that begin with each three letters, in the order a search tries them
/// at one place: the full name first, so `Sept` and `Sep` come after `September`.
fn month_words_from(prefix: &[u8]) -> &'static [&'static str] {
    match prefix {
        b"Jan" => &["January", "Jan"],
        b"Feb" => &["February", "Feb"],
        b"Mar" => &["March", "Mar"],
        b"Apr" => &["April", "Apr"],
        b"May" => &["May"],
        b"Jun" => &["June", "Jun"],
        b"Jul" => &["July", "Jul"],
        b"Aug" => &["August", "Aug"],
        b"Sep" => &["September", "Sept", "Sep"],
        b"Oct" => &["October", "Oct"],
        b"Nov" => &["November", "Nov"],
        b"Dec" => &["December", "Dec"],
        _ => &[],
    }
}

/// The first three letters of every month word, for a packed (SIMD) search; None where
/// the machine has no such search.
static MONTH_PREFIXES: LazyLock<Option<aho_corasick::packed::Searcher>> = LazyLock::new(|| {
    aho_corasick::packed::Searcher::new(MONTH_NAMES.iter().map(|name| &name.as_bytes()[..3]))
});

/// A byte of an ASCII word (`\w` without Unicode): what a month word may not touch.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Each capitalised month word of `t` as a whole ASCII word (lower-case `may` is the verb,
/// `MAY` a shouted headline word), and whether a period follows it: in order, never
/// overlapping. Read by hand, not by a regex: building one was a tenth of the cost of
/// linting one article.
pub(super) fn month_words(t: &str) -> impl Iterator<Item = (Range<usize>, bool)> + '_ {
    let bytes = t.as_bytes();
    let mut at = 0;
    // Where a month word may start: its first three letters, found by a vector search
    // (capitals are one byte in twenty of prose; these, one in a thousand), or else every
    // capital.
    let next_start = move |at: usize| match &*MONTH_PREFIXES {
        Some(prefixes) if at < bytes.len() => prefixes
            .find_in(bytes, aho_corasick::Span::from(at..bytes.len()))
            .map_or(bytes.len(), |m| m.start()),
        _ => first_in_range(bytes, at, b'A', b'Z'),
    };
    std::iter::from_fn(move || {
        loop {
            let start = next_start(at);
            if start >= bytes.len() {
                at = start;
                return None;
            }
            at = start + 1;
            if start > 0 && is_word_byte(bytes[start - 1]) {
                continue;
            }
            let prefix = &bytes[start..bytes.len().min(start + 3)];
            let Some(word) = month_words_from(prefix).iter().find(|w| {
                bytes[start..].starts_with(w.as_bytes())
                    && !bytes.get(start + w.len()).is_some_and(|&b| is_word_byte(b))
            }) else {
                continue;
            };
            let end = start + word.len();
            let period = bytes.get(end) == Some(&b'.');
            at = end + usize::from(period);
            return Some((start..end, period));
        }
    })
}

/// The first ASCII digit at or after `at`, or the end: sixteen bytes at a time
/// ([`first_in_range`]). Figures stand a few hundred bytes apart in prose. (Blocks of 32
/// bytes tested whole by compares the compiler vectorised, and the block that held one
/// read byte by byte, cost half as much again.)
pub(super) fn next_digit(bytes: &[u8], at: usize) -> usize {
    first_in_range(bytes, at, b'0', b'9')
}

/// Three runs of digits joined by `-`, `.` or `/` (`2025-05-09`, `9/5/25`): each as
/// `(first, separator, second, separator, third)` byte ranges, in order, never
/// overlapping. The first run has one to four digits, the second one or two, the third
/// up to four (longer runs are read from their last four digits, as a leftmost search
/// reads them).
pub(super) fn numeric_dates_in(t: &str) -> impl Iterator<Item = [Range<usize>; 5]> + '_ {
    let bytes = t.as_bytes();
    let digits_from = |i: usize| {
        bytes[i.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let is_sep = |i: usize| matches!(bytes.get(i), Some(b'-' | b'.' | b'/'));
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            at = next_digit(bytes, at);
            if at >= bytes.len() {
                return None;
            }
            // A run longer than four digits starts a date only at its last four.
            let run = digits_from(at);
            let start = at + run.saturating_sub(4);
            let first_end = at + run;
            let second = first_end + 1;
            let second_len = digits_from(second);
            let third = second + second_len + 1;
            let third_len = digits_from(third).min(4);
            if is_sep(first_end)
                && (1..=2).contains(&second_len)
                && is_sep(second + second_len)
                && third_len > 0
            {
                at = third + third_len;
                return Some([
                    start..first_end,
                    first_end..second,
                    second..second + second_len,
                    second + second_len..third,
                    third..third + third_len,
                ]);
            }
            // No date starts anywhere in this run of digits.
            at = first_end;
        }
    })
}

// Anchored at the end: run on the few bytes before a date to find a weekday naming it.
pub(super) static WEEKDAY_BEFORE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(,?\s+|\s*\(\s*)|(Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)(\.,?\s+|,\s+|\.?\s*\(\s*))\z",
    )
    .expect("weekday regex")
});

// A weekday that ends a pair or span of days (`Friday and Saturday, May 9 and 10`) does
// not name the date alone.
pub(super) static WEEKDAY_PAIR_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\.?,?\s*(?:and|or|&|to|through|till|until|-|–|—|/)\s*\z",
    )
    .expect("weekday pair regex")
});

pub(super) static WEEKDAY_AFTER_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\A,\s+a\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?-u:\b)")
        .expect("weekday-after regex")
});

pub(super) fn weekday_from_word(word: &str) -> Option<Weekday> {
    let w = word.get(..3)?;
    Some(match w {
        "Mon" => Weekday::Monday,
        "Tue" => Weekday::Tuesday,
        "Wed" => Weekday::Wednesday,
        "Thu" => Weekday::Thursday,
        "Fri" => Weekday::Friday,
        "Sat" => Weekday::Saturday,
        "Sun" => Weekday::Sunday,
        _ => return None,
    })
}

pub(super) fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

pub(super) fn month_name(m: u8) -> &'static str {
    MONTH_NAMES
        .get(usize::from(m).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

pub(super) fn prev_char(t: &str, i: usize) -> Option<char> {
    t[..i].chars().next_back()
}

pub(super) fn next_char(t: &str, i: usize) -> Option<char> {
    t[i..].chars().next()
}

pub(super) fn char_after_next(t: &str, i: usize) -> Option<char> {
    let mut it = t[i..].chars();
    it.next();
    it.next()
}

pub(super) fn skip_ws_fwd(t: &str, mut i: usize) -> usize {
    while let Some(c) = next_char(t, i) {
        if !c.is_whitespace() {
            break;
        }
        i += c.len_utf8();
    }
    i
}

pub(super) fn skip_ws_back(t: &str, mut i: usize) -> usize {
    while let Some(c) = prev_char(t, i) {
        if !c.is_whitespace() {
            break;
        }
        i -= c.len_utf8();
    }
    i
}

/// Reads 1..=`max` ASCII digits at `i` that are not followed by another digit.
pub(super) fn digits_fwd(t: &str, i: usize, max: usize) -> Option<(u32, usize)> {
    let b = t.as_bytes();
    let n = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    if n == 0 || n > max {
        return None;
    }
    let v = t[i..i + n].parse().ok()?;
    Some((v, i + n))
}

/// Reads 1..=`max` ASCII digits ending at `i` that are not preceded by another digit.
pub(super) fn digits_back(t: &str, i: usize, max: usize) -> Option<(u32, usize)> {
    let b = t.as_bytes();
    let n = b[..i]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if n == 0 || n > max {
        return None;
    }
    let v = t[i - n..i].parse().ok()?;
    Some((v, i - n))
}

pub(super) fn ordinal_suffix_at(t: &str, i: usize) -> Option<usize> {
    let s = t.get(i..i + 2)?;
    if !matches!(s, "st" | "nd" | "rd" | "th") {
        return None;
    }
    match next_char(t, i + 2) {
        Some(c) if c.is_alphanumeric() => None,
        _ => Some(i + 2),
    }
}

pub(super) fn is_dash(c: char) -> bool {
    c == '-' || c == '–'
}

/// True when the text at `i` goes on as a number (`,000`, `.5`, `:30`, `/10`, `%`), so
/// what came before it was a figure, not a date.
pub(super) fn continues_as_number(t: &str, i: usize) -> bool {
    match next_char(t, i) {
        Some(c) if c.is_alphanumeric() || matches!(c, '%' | '/' | ':' | '_' | '@') => true,
        Some('.' | ',' | '-' | '–') => char_after_next(t, i).is_some_and(|d| d.is_ascii_digit()),
        _ => false,
    }
}

/// A four-digit year at `i` (after optional comma and white space handled by the caller).
pub(super) fn year_at(t: &str, i: usize) -> Option<(i32, usize)> {
    let b = t.as_bytes();
    if b.get(i..i + 4)?.iter().all(u8::is_ascii_digit) {
        let (y, end) = digits_fwd(t, i, 4)?;
        if end - i == 4 && !continues_as_number(t, end) {
            return Some((i32::try_from(y).ok()?, end));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The searches the scanners replace: what they must agree with.
    const MONTH_REGEX: &str = r"(?-u:\b)(January|February|March|April|May|June|July|August|September|October|November|December|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?-u:\b)(\.)?";
    const NUMERIC_REGEX: &str = r"([0-9]{1,4})([-./])([0-9]{1,2})([-./])([0-9]{1,4})";

    /// Every string of up to `n` pieces.
    fn texts(pieces: &[&str], n: usize) -> Vec<String> {
        let mut texts = vec![String::new()];
        for _ in 0..n {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
                .collect();
            texts.extend(longer);
            texts.sort();
            texts.dedup();
        }
        texts
    }

    #[test]
    fn month_words_are_what_the_regex_finds() {
        let regex = Regex::new(MONTH_REGEX).unwrap();
        let pieces = [
            "Sept", "Sep", "ember", "May", ".", " ", "_", "é", "9", "Ju", "ne", "a",
        ];
        let all = texts(&pieces, 4);
        // Each short text, and all of them in one long one (where the vector search runs).
        let long = all.join(" Mayor Decided, MARCH ");
        for text in all.iter().chain([&long]) {
            let by_regex: Vec<(Range<usize>, bool)> = regex
                .captures_iter(text)
                .map(|c| (c.get(1).unwrap().range(), c.get(2).is_some()))
                .collect();
            assert_eq!(month_words(text).collect::<Vec<_>>(), by_regex, "{text:?}");
        }
    }

    #[test]
    fn next_digit_finds_the_first_digit() {
        for len in [0usize, 1, 31, 32, 33, 64, 70, 100] {
            for place in (0..len).step_by(7).chain([len.saturating_sub(1)]) {
                for from in [0, place / 2, place] {
                    let mut bytes = vec![b'x'; len];
                    if len > 0 {
                        bytes[place] = b'7';
                    }
                    let expected = if len > 0 && from <= place { place } else { len };
                    assert_eq!(next_digit(&bytes, from), expected, "{len} {place} {from}");
                }
            }
        }
        // Bytes beside the digits' range, and non-ASCII bytes, are no digits.
        let bytes: Vec<u8> = (0..=255u8).filter(|b| !b.is_ascii_digit()).collect();
        assert_eq!(next_digit(&bytes, 0), bytes.len());
    }

    #[test]
    fn numeric_dates_are_what_the_regex_finds() {
        let regex = Regex::new(NUMERIC_REGEX).unwrap();
        let pieces = ["1", "12", "123", "2025", "-", ".", "/", " ", "x"];
        for text in texts(&pieces, 6) {
            let by_regex: Vec<[Range<usize>; 5]> = regex
                .captures_iter(&text)
                .map(|c| std::array::from_fn(|i| c.get(i + 1).unwrap().range()))
                .collect();
            assert_eq!(
                numeric_dates_in(&text).collect::<Vec<_>>(),
                by_regex,
                "{text:?}"
            );
        }
    }
}

//! The month and weekday names, the patterns that find date candidates, and the
//! byte-level readers (digits, white space, ordinal suffixes) the finder is built from.

use jiff::civil::Weekday;
use regex::Regex;
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

// Capitalised only: lower-case `may` is the verb, and `MAY` a shouted headline word.
pub(super) static MONTH_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(January|February|March|April|May|June|July|August|September|October|November|December|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?-u:\b)(\.)?",
    )
    .expect("month regex")
});

pub(super) static NUMERIC_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9]{1,4})([-./])([0-9]{1,2})([-./])([0-9]{1,4})").expect("numeric date regex")
});

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

pub(super) static CLOSE_PAREN_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\A\s*\)").expect("paren regex"));

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

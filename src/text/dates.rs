//! Dates in news prose: finding them, and the checks `date-format`, `date-invalid` and
//! `date-weekday`.
//!
//! [`find_dates`] reads a piece of prose and returns every date it is sure of, numeric
//! (`2025-05-09`, `2025.05.09`, `05/09/2025`) or with a written month (`May 9, 2025`,
//! `9 May`, `Sept. 9`, `the 9th of May`), with the weekday named next to it, if any. The
//! finder is deliberately conservative: times, scores, versions, money, phone numbers,
//! ranges of years and fractions are not dates, and a capitalised `May` is a month only
//! when a day is attached to it. The three checks then judge the mentions against the
//! house style and the calendar; all calendar arithmetic goes through `jiff`.
//!
//! A date without a year takes the year that puts it nearest the article's own date; with
//! no article date it is invalid only when no year has it (`April 31`, not `Feb. 29`), and
//! its weekday is not checked.

use std::ops::Range;
use std::sync::LazyLock;

use jiff::civil::{Date, Weekday};
use regex::Regex;

/// A named form of writing a date. The names are what a house's rules file uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateStyle {
    /// `2025-05-09`
    Iso,
    /// `May 9, 2025`, `Sept. 9, 2025`
    MonthDayYear,
    /// `9 May 2025`
    DayMonthYear,
    /// `May 9`, `Sept. 9`
    MonthDay,
    /// `9 May`
    DayMonth,
    /// `2025.05.09`
    Dotted,
    /// `09.05.2025`; read day-first or month-first, like [`DateStyle::Slash`].
    DottedDmy,
    /// `05/09/2025`, `9/5/25`: month-first in America, day-first elsewhere.
    Slash,
    /// `2025/05/09`
    SlashYmd,
    /// `05-09-2025`; as ambiguous as [`DateStyle::Slash`].
    Dashed,
    /// `May 9th`, `9th of May`, `the 9th of May 2025`
    Ordinal,
}

impl DateStyle {
    pub const ALL: &[DateStyle] = &[
        DateStyle::Iso,
        DateStyle::MonthDayYear,
        DateStyle::DayMonthYear,
        DateStyle::MonthDay,
        DateStyle::DayMonth,
        DateStyle::Dotted,
        DateStyle::DottedDmy,
        DateStyle::Slash,
        DateStyle::SlashYmd,
        DateStyle::Dashed,
        DateStyle::Ordinal,
    ];

    pub fn name(&self) -> &'static str {
        match self {
            DateStyle::Iso => "iso",
            DateStyle::MonthDayYear => "month-day-year",
            DateStyle::DayMonthYear => "day-month-year",
            DateStyle::MonthDay => "month-day",
            DateStyle::DayMonth => "day-month",
            DateStyle::Dotted => "dotted",
            DateStyle::DottedDmy => "dotted-dmy",
            DateStyle::Slash => "slash",
            DateStyle::SlashYmd => "slash-ymd",
            DateStyle::Dashed => "dashed",
            DateStyle::Ordinal => "ordinal",
        }
    }

    /// The style with this name (as [`DateStyle::name`] gives it), ignoring case and
    /// surrounding white space; `_` may stand for `-`.
    pub fn from_name(name: &str) -> Option<DateStyle> {
        let name = name.trim().to_ascii_lowercase().replace('_', "-");
        DateStyle::ALL.iter().copied().find(|s| s.name() == name)
    }

    /// An example of the form, for messages and documentation.
    pub fn example(&self) -> &'static str {
        match self {
            DateStyle::Iso => "2025-05-09",
            DateStyle::MonthDayYear => "May 9, 2025",
            DateStyle::DayMonthYear => "9 May 2025",
            DateStyle::MonthDay => "May 9",
            DateStyle::DayMonth => "9 May",
            DateStyle::Dotted => "2025.05.09",
            DateStyle::DottedDmy => "09.05.2025",
            DateStyle::Slash => "05/09/2025",
            DateStyle::SlashYmd => "2025/05/09",
            DateStyle::Dashed => "05-09-2025",
            DateStyle::Ordinal => "May 9th",
        }
    }

    /// Whether the form carries a year (the ordinal form may or may not).
    pub fn has_year(&self) -> bool {
        !matches!(
            self,
            DateStyle::MonthDay | DateStyle::DayMonth | DateStyle::Ordinal
        )
    }
}

impl std::fmt::Display for DateStyle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Which date forms the house accepts, and the one it writes fixes in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateOptions {
    pub accepted: Vec<DateStyle>,
    /// Always acceptable, whether or not it is listed in `accepted`.
    pub preferred: DateStyle,
}

impl Default for DateOptions {
    fn default() -> Self {
        DateOptions {
            accepted: vec![
                DateStyle::Iso,
                DateStyle::MonthDayYear,
                DateStyle::DayMonthYear,
                DateStyle::MonthDay,
                DateStyle::DayMonth,
            ],
            preferred: DateStyle::Iso,
        }
    }
}

impl DateOptions {
    pub fn accepts(&self, style: DateStyle) -> bool {
        style == self.preferred || self.accepted.contains(&style)
    }
}

/// Year, month and day as written; nothing here has been checked against the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateParts {
    /// `None` when the date names no year; a two-digit year is taken as 19xx or 20xx
    /// (below 50 is 20xx).
    pub year: Option<i32>,
    pub month: u8,
    pub day: u8,
}

/// One date found in prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Absolute byte range of the date itself, without a weekday or brackets. An ordinal
    /// `the 9th of May` starts at `the`, so that a fix can replace the whole phrase.
    pub span: Range<usize>,
    /// The date as written.
    pub text: String,
    pub style: DateStyle,
    /// The weekday named with the date (`Thursday, May 9`, `Thu. May 9`,
    /// `Thursday (May 9)`, `May 9, a Thursday`): its absolute byte range and day.
    pub weekday: Option<(Range<usize>, Weekday)>,
    /// The ways to read the date: one, or two for day/month-ambiguous numeric forms
    /// (month-first reading first).
    pub readings: Vec<DateParts>,
    /// The last day of a range such as `May 9-11` (same month and year as the start).
    pub range_end: Option<u8>,
    /// The month as written (`Sept.`, `May`), for written forms.
    pub month_word: Option<String>,
    /// Whether the day comes before the month (`9 May`, `9th of May`).
    pub day_first: bool,
}

/// A finding of one of the date checks. The rule name is the caller's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateFinding {
    pub span: Range<usize>,
    pub message: String,
    /// Replacement text for an absolute byte range.
    pub fix: Option<(Range<usize>, String)>,
}

const MONTH_NAMES: [&str; 12] = [
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
static MONTH_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(January|February|March|April|May|June|July|August|September|October|November|December|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?-u:\b)(\.)?",
    )
    .expect("month regex")
});

static NUMERIC_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9]{1,4})([-./])([0-9]{1,2})([-./])([0-9]{1,4})").expect("numeric date regex")
});

// Anchored at the end: run on the few bytes before a date to find a weekday naming it.
static WEEKDAY_BEFORE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(,?\s+|\s*\(\s*)|(Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)(\.,?\s+|,\s+|\.?\s*\(\s*))\z",
    )
    .expect("weekday regex")
});

// A weekday that ends a pair or span of days (`Friday and Saturday, May 9 and 10`) does
// not name the date alone.
static WEEKDAY_PAIR_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\.?,?\s*(?:and|or|&|to|through|till|until|-|–|—|/)\s*\z",
    )
    .expect("weekday pair regex")
});

static WEEKDAY_AFTER_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\A,\s+a\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?-u:\b)")
        .expect("weekday-after regex")
});

static CLOSE_PAREN_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\A\s*\)").expect("paren regex"));

fn weekday_from_word(word: &str) -> Option<Weekday> {
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

fn weekday_name(w: Weekday) -> &'static str {
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

fn month_name(m: u8) -> &'static str {
    MONTH_NAMES
        .get(usize::from(m).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

fn prev_char(t: &str, i: usize) -> Option<char> {
    t[..i].chars().next_back()
}

fn next_char(t: &str, i: usize) -> Option<char> {
    t[i..].chars().next()
}

fn char_after_next(t: &str, i: usize) -> Option<char> {
    let mut it = t[i..].chars();
    it.next();
    it.next()
}

fn skip_ws_fwd(t: &str, mut i: usize) -> usize {
    while let Some(c) = next_char(t, i) {
        if !c.is_whitespace() {
            break;
        }
        i += c.len_utf8();
    }
    i
}

fn skip_ws_back(t: &str, mut i: usize) -> usize {
    while let Some(c) = prev_char(t, i) {
        if !c.is_whitespace() {
            break;
        }
        i -= c.len_utf8();
    }
    i
}

/// Reads 1..=`max` ASCII digits at `i` that are not followed by another digit.
fn digits_fwd(t: &str, i: usize, max: usize) -> Option<(u32, usize)> {
    let b = t.as_bytes();
    let n = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    if n == 0 || n > max {
        return None;
    }
    let v = t[i..i + n].parse().ok()?;
    Some((v, i + n))
}

/// Reads 1..=`max` ASCII digits ending at `i` that are not preceded by another digit.
fn digits_back(t: &str, i: usize, max: usize) -> Option<(u32, usize)> {
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

fn ordinal_suffix_at(t: &str, i: usize) -> Option<usize> {
    let s = t.get(i..i + 2)?;
    if !matches!(s, "st" | "nd" | "rd" | "th") {
        return None;
    }
    match next_char(t, i + 2) {
        Some(c) if c.is_alphanumeric() => None,
        _ => Some(i + 2),
    }
}

fn is_dash(c: char) -> bool {
    c == '-' || c == '–'
}

/// True when the text at `i` goes on as a number (`,000`, `.5`, `:30`, `/10`, `%`), so
/// what came before it was a figure, not a date.
fn continues_as_number(t: &str, i: usize) -> bool {
    match next_char(t, i) {
        Some(c) if c.is_alphanumeric() || matches!(c, '%' | '/' | ':' | '_' | '@') => true,
        Some('.' | ',' | '-' | '–') => char_after_next(t, i).is_some_and(|d| d.is_ascii_digit()),
        _ => false,
    }
}

/// A four-digit year at `i` (after optional comma and white space handled by the caller).
fn year_at(t: &str, i: usize) -> Option<(i32, usize)> {
    let b = t.as_bytes();
    if b.get(i..i + 4)?.iter().all(u8::is_ascii_digit) {
        let (y, end) = digits_fwd(t, i, 4)?;
        if end - i == 4 && !continues_as_number(t, end) {
            return Some((i32::try_from(y).ok()?, end));
        }
    }
    None
}

struct Candidate {
    span: Range<usize>,
    style: DateStyle,
    readings: Vec<DateParts>,
    range_end: Option<u8>,
    month_word: Option<String>,
    day_first: bool,
    /// Whether the wording alone makes it a date even with an odd day (`Jan. 32`).
    strong: bool,
}

/// Finds the dates in `text`, a piece of prose whose first byte is at `offset` in the file.
pub fn find_dates(text: &str, offset: usize) -> Vec<DateMention> {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let mut cands = Vec::new();
    numeric_dates(text, &mut cands);
    written_dates(text, &mut cands);
    cands.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));

    let mut out: Vec<DateMention> = Vec::new();
    let mut last_end = 0;
    for c in cands {
        if c.span.start < last_end {
            continue;
        }
        let weekday = weekday_near(text, &c.span);
        if !c.strong && weekday.is_none() && c.readings.iter().all(|p| p.day == 0 || p.day > 31) {
            continue;
        }
        last_end = c.span.end;
        out.push(DateMention {
            text: text[c.span.clone()].to_string(),
            span: c.span.start + offset..c.span.end + offset,
            style: c.style,
            weekday: weekday.map(|(r, w)| (r.start + offset..r.end + offset, w)),
            readings: c.readings,
            range_end: c.range_end,
            month_word: c.month_word,
            day_first: c.day_first,
        });
    }
    out
}

fn numeric_dates(t: &str, out: &mut Vec<Candidate>) {
    for caps in NUMERIC_RE.captures_iter(t) {
        let whole = caps.get(0).expect("group 0");
        let (a, sep, b, sep2, c) = (&caps[1], &caps[2], &caps[3], &caps[4], &caps[5]);
        if sep != sep2 {
            continue;
        }
        let (start, end) = (whole.start(), whole.end());
        if let Some(p) = prev_char(t, start)
            && (p.is_alphanumeric() || "./-–:$£€#+_\\@,".contains(p))
        {
            continue;
        }
        let iso_time = sep == "-" && t[end..].starts_with('T') && {
            char_after_next(t, end).is_some_and(|d| d.is_ascii_digit())
        };
        if !iso_time && continues_as_number(t, end) {
            continue;
        }
        let num = |s: &str| s.parse::<u32>().unwrap_or(u32::MAX);
        let (na, nb, nc) = (num(a), num(b), num(c));
        let four = |s: &str, n: u32| s.len() == 4 && (1000..=2999).contains(&n);
        let (style, readings) = if a.len() == 4 {
            if !four(a, na) {
                continue;
            }
            let style = match sep {
                "-" if b.len() == 2 && c.len() == 2 => DateStyle::Iso,
                "." => DateStyle::Dotted,
                "/" => DateStyle::SlashYmd,
                _ => continue,
            };
            // Month 13 is a slip in a date; 2025-45-99 is a code.
            if !(c.len() <= 2 && (nb <= 12 || nc <= 31) && nb <= 99) {
                continue;
            }
            let parts = DateParts {
                year: Some(na as i32),
                month: nb as u8,
                day: nc as u8,
            };
            (style, vec![parts])
        } else if a.len() <= 2 {
            let year = if four(c, nc) {
                nc as i32
            } else if c.len() == 2 && sep == "/" {
                if nc < 50 {
                    2000 + nc as i32
                } else {
                    1900 + nc as i32
                }
            } else {
                continue;
            };
            if na > 31 || nb > 31 {
                continue;
            }
            let style = match sep {
                "/" => DateStyle::Slash,
                "." => DateStyle::DottedDmy,
                _ => DateStyle::Dashed,
            };
            let month_first = DateParts {
                year: Some(year),
                month: na as u8,
                day: nb as u8,
            };
            let day_first = DateParts {
                year: Some(year),
                month: nb as u8,
                day: na as u8,
            };
            let readings = if na == nb {
                vec![month_first]
            } else {
                vec![month_first, day_first]
            };
            (style, readings)
        } else {
            continue;
        };
        out.push(Candidate {
            span: start..end,
            style,
            readings,
            range_end: None,
            month_word: None,
            day_first: false,
            strong: true,
        });
    }
}

fn written_dates(t: &str, out: &mut Vec<Candidate>) {
    for caps in MONTH_RE.captures_iter(t) {
        let word = caps.get(1).expect("month word");
        let abbreviated = !MONTH_NAMES.contains(&word.as_str());
        let period = caps.get(2).is_some();
        if abbreviated && !period && matches!(word.as_str(), "Mar" | "Jun" | "Jul") {
            continue;
        }
        let month = month_number(word.as_str());
        // A full name's period ends a sentence, not the word.
        let token_end = if abbreviated && period {
            word.end() + 1
        } else {
            word.end()
        };
        let month_word = t[word.start()..token_end].to_string();
        if let Some(c) = day_before_month(t, word.start(), token_end, month) {
            out.push(Candidate {
                month_word: Some(month_word),
                ..c
            });
        } else if let Some(mut c) = day_after_month(t, word.start(), token_end, month) {
            c.strong |= abbreviated && period;
            out.push(Candidate {
                month_word: Some(month_word),
                ..c
            });
        }
    }
}

fn month_number(word: &str) -> u8 {
    let w = &word[..3];
    MONTH_NAMES
        .iter()
        .position(|m| m.starts_with(w))
        .map_or(0, |i| i as u8 + 1)
}

/// `9 May`, `9 May 2025`, `9th of May`, `the 9th of May`, `9-11 May`.
fn day_before_month(t: &str, ms: usize, token_end: usize, month: u8) -> Option<Candidate> {
    let j = skip_ws_back(t, ms);
    if j == ms {
        return None;
    }
    let mut k = j;
    let mut had_of = false;
    if t[..k].ends_with("of") && prev_char(t, k - 2).is_some_and(char::is_whitespace) {
        had_of = true;
        k = skip_ws_back(t, k - 2);
    }
    let mut ordinal = false;
    if k >= 3
        && let Some(s) = t.get(k - 2..k)
        && matches!(s, "st" | "nd" | "rd" | "th")
        && t.as_bytes()[k - 3].is_ascii_digit()
    {
        ordinal = true;
        k -= 2;
    }
    if had_of && !ordinal {
        return None;
    }
    let (mut day, mut start) = digits_back(t, k, 2)?;
    let mut range_end = None;
    if let Some(d) = prev_char(t, start)
        && is_dash(d)
    {
        let (first, s) = digits_back(t, start - d.len_utf8(), 2)?;
        if first >= day || day > 31 {
            return None;
        }
        range_end = Some(day as u8);
        day = first;
        start = s;
    }
    if let Some(p) = prev_char(t, start)
        && (p.is_alphanumeric() || ".,/$£€:'’-–+#".contains(p))
    {
        return None;
    }
    if ordinal {
        let w = skip_ws_back(t, start);
        if w < start
            && (t[..w].ends_with("the") || t[..w].ends_with("The"))
            && !prev_char(t, w - 3).is_some_and(char::is_alphanumeric)
        {
            start = w - 3;
        }
    }
    let mut end = token_end;
    let mut year = None;
    let mut y_at = if t[end..].starts_with(',') {
        end + 1
    } else {
        end
    };
    if skip_ws_fwd(t, y_at) > y_at {
        y_at = skip_ws_fwd(t, y_at);
        if let Some((y, e)) = year_at(t, y_at) {
            year = Some(y);
            end = e;
        }
    }
    let style = match (ordinal, year.is_some()) {
        (true, _) => DateStyle::Ordinal,
        (false, true) => DateStyle::DayMonthYear,
        (false, false) => DateStyle::DayMonth,
    };
    Some(Candidate {
        span: start..end,
        style,
        readings: vec![DateParts {
            year,
            month,
            day: day as u8,
        }],
        range_end,
        month_word: None,
        day_first: true,
        strong: year.is_some() || after_on(t, start) || closes_phrase(t, end),
    })
}

/// `May 9`, `May 9, 2025`, `Sept. 9th`, `May 9-11, 2025`.
fn day_after_month(t: &str, ms: usize, token_end: usize, month: u8) -> Option<Candidate> {
    let q = skip_ws_fwd(t, token_end);
    if q == token_end {
        return None;
    }
    let (day, mut e) = digits_fwd(t, q, 2)?;
    let mut ordinal = false;
    if let Some(o) = ordinal_suffix_at(t, e) {
        ordinal = true;
        e = o;
    } else if next_char(t, e).is_some_and(char::is_alphanumeric) {
        return None;
    }
    let mut range_end = None;
    if let Some(d) = next_char(t, e)
        && is_dash(d)
        && char_after_next(t, e).is_some_and(|c| c.is_ascii_digit())
    {
        let (last, mut re) = digits_fwd(t, e + d.len_utf8(), 2)?;
        if ordinal {
            re = ordinal_suffix_at(t, re)?;
        }
        if last <= day || last > 31 || next_char(t, re).is_some_and(char::is_alphanumeric) {
            return None;
        }
        range_end = Some(last as u8);
        e = re;
    }
    if continues_as_number(t, e) {
        return None;
    }
    // The comma before the year is house style, not part of what makes it a date
    // (`October 3rd 2001`, `March 17 2003`).
    let mut year = None;
    let y_at = if t[e..].starts_with(',') { e + 1 } else { e };
    let y_start = skip_ws_fwd(t, y_at);
    if y_start > y_at
        && let Some((y, ye)) = year_at(t, y_start)
    {
        year = Some(y);
        e = ye;
    }
    // "In April 31 people were hurt": a month as a period of time, then a count.
    if year.is_none() && !ordinal && range_end.is_none() {
        let w = skip_ws_back(t, ms);
        let prev_word = t[..w]
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let after = skip_ws_fwd(t, e);
        if after > e
            && matches!(prev_word, "in" | "In" | "during" | "During")
            && next_char(t, after).is_some_and(char::is_alphabetic)
        {
            return None;
        }
    }
    let style = match (ordinal, year.is_some()) {
        (true, _) => DateStyle::Ordinal,
        (false, true) => DateStyle::MonthDayYear,
        (false, false) => DateStyle::MonthDay,
    };
    let strong = year.is_some() || after_on(t, ms) || closes_phrase(t, e);
    Some(Candidate {
        span: ms..e,
        style,
        readings: vec![DateParts {
            year,
            month,
            day: day as u8,
        }],
        range_end,
        month_word: None,
        day_first: false,
        strong,
    })
}

/// Whether punctuation (or the end of the text) follows `i`: "for March 32," names a day,
/// where "March 32 people" is a count.
fn closes_phrase(t: &str, i: usize) -> bool {
    let rest = &t[i..];
    match rest.chars().next() {
        None => true,
        Some(',' | ';' | ':' | ')' | '!' | '?') => true,
        Some('.') => rest[1..].chars().next().is_none_or(char::is_whitespace),
        _ => false,
    }
}

/// Whether the word before `i` is "on", which makes the figure after it a day
/// (`on Jan. 32`), not a count.
fn after_on(t: &str, i: usize) -> bool {
    let w = skip_ws_back(t, i);
    w < i
        && (t[..w].ends_with("on") || t[..w].ends_with("On"))
        && !prev_char(t, w - 2).is_some_and(char::is_alphanumeric)
}

/// The weekday that names the date at `span`, if one stands right before it (or right
/// after it as `, a Thursday`).
fn weekday_near(t: &str, span: &Range<usize>) -> Option<(Range<usize>, Weekday)> {
    let mut w = span.start.saturating_sub(24);
    while !t.is_char_boundary(w) {
        w += 1;
    }
    if let Some(caps) = WEEKDAY_BEFORE_RE.captures(&t[w..span.start]) {
        let word = caps.get(1).or_else(|| caps.get(3)).expect("weekday word");
        let sep = caps
            .get(2)
            .or_else(|| caps.get(4))
            .expect("weekday separator");
        let ws = w + word.start();
        let bracketed = sep.as_str().contains('(');
        let mut p = ws.saturating_sub(32);
        while !t.is_char_boundary(p) {
            p += 1;
        }
        let ok_before = !prev_char(t, ws).is_some_and(char::is_alphanumeric)
            && !WEEKDAY_PAIR_RE.is_match(&t[p..ws]);
        let ok_after = !bracketed || CLOSE_PAREN_RE.is_match(&t[span.end..]);
        if ok_before && ok_after {
            let day = weekday_from_word(word.as_str())?;
            return Some((ws..w + word.end(), day));
        }
    }
    let caps = WEEKDAY_AFTER_RE.captures(&t[span.end..])?;
    let word = caps.get(1)?;
    let day = weekday_from_word(word.as_str())?;
    Some((span.end + word.start()..span.end + word.end(), day))
}

/// The article's own date, from a date line (`2025.05.09`, `May 15, 2025`,
/// `Monday, Oct. 6, 2025`) or a front matter value (`2025-04-14`, `2025-04-14T09:00:00Z`).
/// `None` unless the whole text is one existing date with a year that reads one way only.
pub fn parse_article_date(text: &str) -> Option<Date> {
    let s = text.trim();
    let s = s
        .strip_prefix(['"', '\''])
        .and_then(|x| x.strip_suffix(['"', '\'']))
        .unwrap_or(s)
        .trim();
    let b = s.as_bytes();
    if b.len() >= 10
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
        && (b.len() == 10 || matches!(b[10], b'T' | b't' | b' '))
    {
        let y: i32 = s[..4].parse().ok()?;
        let m: u8 = s[5..7].parse().ok()?;
        let d: u8 = s[8..10].parse().ok()?;
        // The same years as dates in prose: "0000-01-01" is a placeholder, not a date.
        if !(1000..=2999).contains(&y) {
            return None;
        }
        return make_date(y, m, d);
    }
    let mentions = find_dates(s, 0);
    let [m] = mentions.as_slice() else {
        return None;
    };
    let start = m
        .weekday
        .as_ref()
        .map_or(m.span.start, |(r, _)| r.start.min(m.span.start));
    let rest = s[m.span.end..].trim_end_matches('.');
    if start != 0 || !rest.is_empty() || m.range_end.is_some() {
        return None;
    }
    let mut dates = m
        .readings
        .iter()
        .filter_map(|p| make_date(p.year?, p.month, p.day));
    let first = dates.next()?;
    if dates.next().is_some() {
        return None;
    }
    Some(first)
}

fn make_date(y: i32, m: u8, d: u8) -> Option<Date> {
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

/// The year in which month/day falls nearest `article`.
fn nearest_year(month: u8, day: u8, article: Date) -> i32 {
    let y = i32::from(article.year());
    let mut best: Option<(i64, i32)> = None;
    for cand in [y - 1, y, y + 1] {
        let Some(first) = make_date(cand, month, 1) else {
            continue;
        };
        let clamped = day.clamp(1, first.days_in_month() as u8);
        let Some(date) = make_date(cand, month, clamped) else {
            continue;
        };
        let Ok(span) = article.until(date) else {
            continue;
        };
        let dist = i64::from(span.get_days()).abs();
        if best.is_none_or(|(b, _)| dist < b) {
            best = Some((dist, cand));
        }
    }
    best.map_or(y, |(_, y)| y)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Resolved {
    Valid(Date),
    /// No year and no article date, but some year has this month and day.
    Exists,
    Invalid(Invalid),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Invalid {
    reason: Reason,
    year: Option<i32>,
    /// The year was taken from the article's date, not written.
    year_assumed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reason {
    Month(u8),
    DayZero,
    TooLong { month: u8, max: i8 },
    Year(i32),
}

fn resolve(p: DateParts, article: Option<Date>) -> Resolved {
    // April 31 fails in every year, so it is judged without one; Feb. 29 depends on it.
    let in_some_year = make_date(2000, p.month, p.day).is_some();
    let (year, year_assumed) = match (p.year, article) {
        (Some(y), _) => (Some(y), false),
        (None, Some(a)) if in_some_year => (Some(nearest_year(p.month, p.day, a)), true),
        (None, _) => (None, false),
    };
    let invalid = |reason| {
        Resolved::Invalid(Invalid {
            reason,
            year,
            year_assumed,
        })
    };
    if !(1..=12).contains(&p.month) {
        return invalid(Reason::Month(p.month));
    }
    if p.day == 0 {
        return invalid(Reason::DayZero);
    }
    match year {
        Some(y) => match make_date(y, p.month, p.day) {
            Some(d) => Resolved::Valid(d),
            None => match make_date(y, p.month, 1) {
                Some(first) => invalid(Reason::TooLong {
                    month: p.month,
                    max: first.days_in_month(),
                }),
                None => invalid(Reason::Year(y)),
            },
        },
        // 2000 is a leap year, so it has every month and day that any year has.
        None if in_some_year => Resolved::Exists,
        None => invalid(Reason::TooLong {
            month: p.month,
            max: make_date(2000, p.month, 1).map_or(31, |d| d.days_in_month()),
        }),
    }
}

fn reason_text(inv: &Invalid) -> String {
    match inv.reason {
        Reason::Month(m) => format!("there is no month {m}"),
        Reason::DayZero => "there is no day 0".to_string(),
        Reason::Year(y) => format!("year {y} is out of range"),
        Reason::TooLong { month, max } => match inv.year {
            Some(y) => format!("{} {y} has {max} days", month_name(month)),
            None if month == 2 => "February has at most 29 days".to_string(),
            None => format!("{} has {max} days", month_name(month)),
        },
    }
}

fn invalid_message(text: &str, inv: &Invalid) -> String {
    let why = reason_text(inv);
    match (inv.year_assumed, inv.year) {
        (true, Some(y)) => {
            format!("{why}; {text} does not exist in {y}, the year nearest the article's date")
        }
        _ => format!("{why}; {text} does not exist"),
    }
}

/// `date-invalid`: dates that cannot exist (`2025-02-30`, `April 31`, month 13, day 0).
pub fn check_invalid(mentions: &[DateMention], article_date: Option<Date>) -> Vec<DateFinding> {
    let mut out = Vec::new();
    for m in mentions {
        let resolved: Vec<Resolved> = m
            .readings
            .iter()
            .map(|p| resolve(*p, article_date))
            .collect();
        let invalid: Vec<Invalid> = resolved
            .iter()
            .filter_map(|r| match r {
                Resolved::Invalid(i) => Some(*i),
                _ => None,
            })
            .collect();
        if !resolved.is_empty() && invalid.len() == resolved.len() {
            let message = match invalid.as_slice() {
                [one] => invalid_message(&m.text, one),
                many => {
                    let whys: Vec<String> = many.iter().map(reason_text).collect();
                    format!(
                        "{} is not a date read either way: {}",
                        m.text,
                        whys.join(", and ")
                    )
                }
            };
            out.push(DateFinding {
                span: m.span.clone(),
                message,
                fix: None,
            });
            continue;
        }
        if let (Some(last), [first]) = (m.range_end, m.readings.as_slice()) {
            let end = DateParts {
                day: last,
                ..*first
            };
            if let Resolved::Invalid(inv) = resolve(end, article_date) {
                let why = reason_text(&inv);
                out.push(DateFinding {
                    span: m.span.clone(),
                    message: format!(
                        "{why}; the range {} ends on a day that does not exist",
                        m.text
                    ),
                    fix: None,
                });
            }
        }
    }
    out
}

fn render(style: DateStyle, p: DateParts, month_word: Option<&str>) -> Option<String> {
    let (m, d) = (p.month, p.day);
    let name = month_word.unwrap_or_else(|| month_name(m));
    let y = p.year;
    Some(match style {
        DateStyle::Iso => format!("{:04}-{m:02}-{d:02}", y?),
        DateStyle::MonthDayYear => format!("{name} {d}, {}", y?),
        DateStyle::DayMonthYear => format!("{d} {name} {}", y?),
        DateStyle::MonthDay => format!("{name} {d}"),
        DateStyle::DayMonth => format!("{d} {name}"),
        DateStyle::Dotted => format!("{:04}.{m:02}.{d:02}", y?),
        DateStyle::DottedDmy => format!("{d:02}.{m:02}.{:04}", y?),
        DateStyle::Slash => format!("{m:02}/{d:02}/{:04}", y?),
        DateStyle::SlashYmd => format!("{:04}/{m:02}/{d:02}", y?),
        DateStyle::Dashed => format!("{m:02}-{d:02}-{:04}", y?),
        DateStyle::Ordinal => {
            let suffix = match d {
                11..=13 => "th",
                _ if d % 10 == 1 => "st",
                _ if d % 10 == 2 => "nd",
                _ if d % 10 == 3 => "rd",
                _ => "th",
            };
            match y {
                Some(y) => format!("{name} {d}{suffix}, {y}"),
                None => format!("{name} {d}{suffix}"),
            }
        }
    })
}

/// The house form to offer for `p`, written as the mention was: an ordinal loses only its
/// suffix when the house takes the plain written form.
fn house_fix(m: &DateMention, p: DateParts, options: &DateOptions) -> Option<String> {
    let mut order = Vec::new();
    if m.style == DateStyle::Ordinal {
        order.push(match (m.day_first, p.year.is_some()) {
            (true, true) => DateStyle::DayMonthYear,
            (true, false) => DateStyle::DayMonth,
            (false, true) => DateStyle::MonthDayYear,
            (false, false) => DateStyle::MonthDay,
        });
    }
    order.push(options.preferred);
    order.extend(options.accepted.iter().copied());
    order
        .into_iter()
        .filter(|s| options.accepts(*s) && *s != DateStyle::Ordinal)
        .find(|s| s.has_year() == p.year.is_some())
        .and_then(|s| {
            let word = match s {
                DateStyle::MonthDayYear
                | DateStyle::DayMonthYear
                | DateStyle::MonthDay
                | DateStyle::DayMonth => m.month_word.as_deref(),
                _ => None,
            };
            render(s, p, word)
        })
}

fn iso_or_parts(p: DateParts) -> String {
    match p.year {
        Some(y) => format!("{y:04}-{:02}-{:02}", p.month, p.day),
        None => format!("{} {}", month_name(p.month), p.day),
    }
}

/// The readings of `m` that some calendar has, narrowed by its weekday when that settles
/// which one is meant.
fn possible_readings(m: &DateMention, article_date: Option<Date>) -> Vec<DateParts> {
    let mut ok: Vec<(DateParts, Option<Date>)> = m
        .readings
        .iter()
        .filter_map(|p| match resolve(*p, article_date) {
            Resolved::Valid(d) => Some((*p, Some(d))),
            Resolved::Exists => Some((*p, None)),
            Resolved::Invalid(_) => None,
        })
        .collect();
    if ok.len() > 1
        && let Some((_, wd)) = &m.weekday
    {
        let matching: Vec<_> = ok
            .iter()
            .copied()
            .filter(|(_, d)| d.is_some_and(|d| d.weekday() == *wd))
            .collect();
        if matching.len() == 1 {
            ok = matching;
        }
    }
    ok.into_iter().map(|(p, _)| p).collect()
}

/// `date-format`: dates in a form the house does not accept. An impossible date is left
/// to `date-invalid`, and a range (`May 9-11`) is not judged.
pub fn check_format(
    mentions: &[DateMention],
    options: &DateOptions,
    article_date: Option<Date>,
) -> Vec<DateFinding> {
    let mut out = Vec::new();
    for m in mentions {
        if options.accepts(m.style) || m.range_end.is_some() {
            continue;
        }
        let readings = possible_readings(m, article_date);
        let finding = match readings.as_slice() {
            [] => continue,
            [p] => match house_fix(m, *p, options) {
                Some(fix) => DateFinding {
                    span: m.span.clone(),
                    message: format!("{} is not a house date form; write {fix}", m.text),
                    fix: Some((m.span.clone(), fix)),
                },
                None => DateFinding {
                    span: m.span.clone(),
                    message: format!(
                        "{} is not a house date form; write it as {}",
                        m.text,
                        options.preferred.example()
                    ),
                    fix: None,
                },
            },
            many => {
                let alts: Vec<String> = many.iter().map(|p| iso_or_parts(*p)).collect();
                DateFinding {
                    span: m.span.clone(),
                    message: format!(
                        "{} is not a house date form and could mean {}; write the date unambiguously",
                        m.text,
                        alts.join(" or ")
                    ),
                    fix: None,
                }
            }
        };
        out.push(finding);
    }
    out
}

fn describe(m: &DateMention, d: Date) -> String {
    let month = month_name(d.month() as u8);
    if m.month_word.is_none() {
        d.to_string()
    } else if m.day_first {
        format!("{} {month} {}", d.day(), d.year())
    } else {
        format!("{month} {}, {}", d.day(), d.year())
    }
}

/// `date-weekday`: a weekday named with a date that falls on another day.
pub fn check_weekday(mentions: &[DateMention], article_date: Option<Date>) -> Vec<DateFinding> {
    if mentions.iter().all(|m| m.weekday.is_none()) {
        return Vec::new();
    }
    let today = jiff::tz::TimeZone::system()
        .to_datetime(jiff::Timestamp::now())
        .date();
    check_weekday_on(mentions, article_date, today)
}

/// [`check_weekday`] with "today" given, which decides between "was" and "is".
pub fn check_weekday_on(
    mentions: &[DateMention],
    article_date: Option<Date>,
    today: Date,
) -> Vec<DateFinding> {
    let mut out = Vec::new();
    for m in mentions {
        let Some((wspan, named)) = &m.weekday else {
            continue;
        };
        let dates: Vec<Date> = m
            .readings
            .iter()
            .filter_map(|p| match resolve(*p, article_date) {
                Resolved::Valid(d) => Some(d),
                _ => None,
            })
            .collect();
        if dates.is_empty() || dates.iter().any(|d| d.weekday() == *named) {
            continue;
        }
        let said = weekday_name(*named);
        let message = match dates.as_slice() {
            [d] => {
                let verb = if *d < today { "was" } else { "is" };
                format!(
                    "{} {verb} a {}, not a {said}",
                    describe(m, *d),
                    weekday_name(d.weekday())
                )
            }
            many => {
                let alts: Vec<String> = many
                    .iter()
                    .map(|d| format!("{d} a {}", weekday_name(d.weekday())))
                    .collect();
                format!(
                    "{} is not a {said} read either way ({})",
                    m.text,
                    alts.join(", ")
                )
            }
        };
        out.push(DateFinding {
            span: wspan.clone(),
            message,
            fix: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn texts(s: &str) -> Vec<String> {
        find_dates(s, 0).into_iter().map(|m| m.text).collect()
    }

    fn one(s: &str) -> DateMention {
        let v = find_dates(s, 0);
        assert_eq!(v.len(), 1, "expected one date in {s:?}, got {v:?}");
        v.into_iter().next().unwrap()
    }

    fn format_msgs(s: &str, art: Option<Date>) -> Vec<DateFinding> {
        check_format(&find_dates(s, 0), &DateOptions::default(), art)
    }

    fn invalid_msgs(s: &str, art: Option<Date>) -> Vec<String> {
        check_invalid(&find_dates(s, 0), art)
            .into_iter()
            .map(|f| f.message)
            .collect()
    }

    fn weekday_msgs(s: &str, art: Option<Date>) -> Vec<DateFinding> {
        check_weekday_on(&find_dates(s, 0), art, date(2025, 7, 1))
    }

    #[test]
    fn style_names_round_trip() {
        for s in DateStyle::ALL {
            assert_eq!(DateStyle::from_name(s.name()), Some(*s));
        }
        assert_eq!(
            DateStyle::from_name(" Month_Day "),
            Some(DateStyle::MonthDay)
        );
        assert_eq!(DateStyle::from_name("julian"), None);
        let d = DateOptions::default();
        assert_eq!(d.preferred, DateStyle::Iso);
        assert!(d.accepts(DateStyle::DayMonth) && !d.accepts(DateStyle::Ordinal));
    }

    #[test]
    fn finds_house_forms_without_findings() {
        let s = "The vote is on 2025-05-09, after talks on May 9, 2025, on 9 May 2025, \
                 on Sept. 9 and on 9 May.";
        assert_eq!(
            texts(s),
            [
                "2025-05-09",
                "May 9, 2025",
                "9 May 2025",
                "Sept. 9",
                "9 May"
            ]
        );
        let styles: Vec<_> = find_dates(s, 0).iter().map(|m| m.style).collect();
        assert_eq!(
            styles,
            [
                DateStyle::Iso,
                DateStyle::MonthDayYear,
                DateStyle::DayMonthYear,
                DateStyle::MonthDay,
                DateStyle::DayMonth
            ]
        );
        let ms = find_dates(s, 0);
        assert!(check_format(&ms, &DateOptions::default(), None).is_empty());
        assert!(check_invalid(&ms, None).is_empty());
    }

    #[test]
    fn abbreviated_months() {
        assert_eq!(
            texts("Jan. 5, Feb. 2, Aug. 30, Sept. 9, Sep 9, Oct. 1, Nov. 4 and Dec. 25."),
            [
                "Jan. 5", "Feb. 2", "Aug. 30", "Sept. 9", "Sep 9", "Oct. 1", "Nov. 4", "Dec. 25"
            ]
        );
        let m = one("The hearing was set for Sept. 9, 2025, in the old hall.");
        assert_eq!(
            m.readings[0],
            DateParts {
                year: Some(2025),
                month: 9,
                day: 9
            }
        );
        assert_eq!(m.month_word.as_deref(), Some("Sept."));
        assert!(texts("They met in Mar 5 times").is_empty());
        assert_eq!(texts("It opens Mar. 5."), ["Mar. 5"]);
    }

    #[test]
    fn absolute_offsets() {
        let m = find_dates("on May 9", 100);
        assert_eq!(m[0].span, 103..108);
    }

    #[test]
    fn lower_case_may_is_a_verb() {
        assert!(texts("Officials may 9 times out of 10 say no.").is_empty());
        assert!(texts("The plan MAY 9 be cut.").is_empty());
    }

    #[test]
    fn month_and_year_alone_is_not_a_date() {
        assert!(texts("The rules changed in May 2025 and again in June 2024.").is_empty());
    }

    #[test]
    fn month_as_period_then_count_is_not_a_date() {
        assert!(texts("In April 31 people were hurt on the roads.").is_empty());
        assert!(texts("In May 45 people applied.").is_empty());
        assert!(texts("In May 1,000 people applied.").is_empty());
        assert!(texts("During June 12 boats sank.").is_empty());
        assert!(invalid_msgs("He said in March 32 people came.", None).is_empty());
        assert_eq!(
            invalid_msgs("A hearing is pencilled in for March 32, they said.", None).len(),
            1
        );
    }

    #[test]
    fn not_dates() {
        for s in [
            "The train leaves at 9.30 a.m. and arrives at 10:45.",
            "They won 3-1 and then a 2-0 win away.",
            "Version v2.10.3 replaced 1.2.3 last week.",
            "It cost $5.50, or £1.13bn in all, up 12.05%.",
            "Call 555-0100 or 01632 960 123.",
            "The 2004-05 season and the 1999-2000 season.",
            "The favourite is 6/4 and the outsider 9/11 or 24/7.",
            "See section 12.05 of the act; the rate is 12.05.",
            "He is 6ft 2in, or 1.88m tall.",
            "Server 192.168.1.1 answered.",
            "The 2-1 win in March was the best.",
            "Town 1, 2025 was a year.",
            "Ada May, 60, played.",
            "Lena May 2005 archive.",
            "In May 9 people were hired.",
        ] {
            assert!(texts(s).is_empty(), "{s:?} gave {:?}", texts(s));
        }
    }

    #[test]
    fn year_without_comma() {
        let m = one("the mill shut on October 3rd 2001 for good");
        assert_eq!(m.readings[0].year, Some(2001));
        let f = format_msgs("the mill shut on October 3rd 2001 for good", None);
        assert_eq!(f[0].fix.as_ref().unwrap().1, "October 3, 2001");
        let m = one("the ferry sailed on March 17 2003 at dawn");
        assert_eq!(
            (m.style, m.readings[0].year),
            (DateStyle::MonthDayYear, Some(2003))
        );
        let m = one("Thursday May 9 2019 was");
        assert!(weekday_msgs("Thursday May 9 2019 was", Some(date(2025, 1, 1))).is_empty());
        assert_eq!(m.readings[0].year, Some(2019));
    }

    #[test]
    fn day_month_to_day_month() {
        assert_eq!(texts("from 9 May-2 June"), ["9 May"]);
        assert_eq!(texts("from May 9-June 2"), ["May 9", "June 2"]);
    }

    #[test]
    fn scores_after_a_month_are_not_ranges() {
        assert!(texts("They lost in April 1-0 to the leaders.").is_empty());
        assert!(texts("They lost on April 3-2.").is_empty());
    }

    #[test]
    fn ranges_are_checked_for_validity_but_not_format() {
        let m = one("The fair runs May 9-11 in the park.");
        assert_eq!(m.range_end, Some(11));
        assert!(format_msgs("The fair runs May 9-11 in the park.", None).is_empty());
        let m = one("The fair runs 9–11 May 2025.");
        assert_eq!((m.readings[0].day, m.range_end), (9, Some(11)));
        assert_eq!(
            invalid_msgs("The fair runs April 29-31.", None),
            ["April has 30 days; the range April 29-31 ends on a day that does not exist"]
        );
        assert!(format_msgs("from May 9th-11th", None).is_empty());
    }

    #[test]
    fn iso_date_and_timestamp() {
        assert_eq!(
            texts("Filed 2025-05-09T10:00 and 2025-05-10."),
            ["2025-05-09", "2025-05-10"]
        );
        assert!(texts("Code AB-2025-05-09 and 12025-05-09.").is_empty());
    }

    #[test]
    fn dotted_forms() {
        let f = format_msgs("The release is dated 2025.05.09 in the file.", None);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "2025.05.09 is not a house date form; write 2025-05-09"
        );
        assert_eq!(f[0].fix, Some((21..31, "2025-05-09".to_string())));
        let f = format_msgs("Signed 09.05.2025 in Bonn.", None);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].fix, None);
        let f = format_msgs("Signed 13.05.2025 in Bonn.", None);
        assert_eq!(f[0].fix.as_ref().unwrap().1, "2025-05-13");
        assert_eq!(one("Signed 09.05.2025.").style, DateStyle::DottedDmy);
    }

    #[test]
    fn slash_forms_are_ambiguous_unless_one_reading_is_impossible() {
        let f = format_msgs("The memo, dated 05/09/2025, said so.", None);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].fix, None);
        assert!(
            f[0].message.contains("2025-05-09 or 2025-09-05"),
            "{}",
            f[0].message
        );
        let f = format_msgs("The memo, dated 9/5/25, said so.", None);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].fix, None);
        let f = format_msgs("The memo, dated 25/12/2024, said so.", None);
        assert_eq!(f[0].fix.as_ref().unwrap().1, "2024-12-25");
        let f = format_msgs("The memo, dated 5/5/25, said so.", None);
        assert_eq!(f[0].fix.as_ref().unwrap().1, "2025-05-05");
        let f = format_msgs("Posted 2025/05/09.", None);
        assert_eq!(f[0].fix.as_ref().unwrap().1, "2025-05-09");
        let f = format_msgs("Posted 05-09-2025.", None);
        assert_eq!((f.len(), f[0].fix.is_none()), (1, true));
    }

    #[test]
    fn a_weekday_settles_an_ambiguous_slash_date() {
        // 2025-09-05 is a Friday, 2025-05-09 a Friday too; pick a pair that differ.
        let f = format_msgs("It opens Tuesday, 02/09/2025.", None);
        assert_eq!(f[0].fix.as_ref().unwrap().1, "2025-09-02");
    }

    #[test]
    fn ordinals() {
        let f = format_msgs("The memo dated May 9th was revised.", None);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "May 9th is not a house date form; write May 9"
        );
        assert_eq!(f[0].fix, Some((15..22, "May 9".to_string())));
        let f = format_msgs("Office hours start on the 9th of May.", None);
        assert_eq!(f[0].fix, Some((22..36, "9 May".to_string())));
        let f = format_msgs("Office hours start on 9th of May.", None);
        assert_eq!(f[0].fix, Some((22..32, "9 May".to_string())));
        let f = format_msgs("It closed on Sept. 1st, 2025.", None);
        assert_eq!(f[0].fix.as_ref().unwrap().1, "Sept. 1, 2025");
        let f = format_msgs("It closed on 21st March 2025.", None);
        assert_eq!(f[0].fix.as_ref().unwrap().1, "21 March 2025");
        assert!(texts("She finished 9th in the race and 3rd in May.").is_empty());
        assert!(texts("on the 9th").is_empty());
    }

    #[test]
    fn ordinal_fix_follows_preferred_when_no_plain_form_is_accepted() {
        let opts = DateOptions {
            accepted: vec![],
            preferred: DateStyle::Iso,
        };
        let ms = find_dates("It closed on May 9th, 2025.", 0);
        let f = check_format(&ms, &opts, None);
        assert_eq!(f[0].fix.as_ref().unwrap().1, "2025-05-09");
        let ms = find_dates("It closed on May 9th.", 0);
        let f = check_format(&ms, &opts, None);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].fix, None);
    }

    #[test]
    fn house_may_accept_other_forms() {
        let opts = DateOptions {
            accepted: vec![DateStyle::Ordinal, DateStyle::Slash],
            preferred: DateStyle::MonthDayYear,
        };
        let ms = find_dates("On May 9th and 05/09/2025 and 2025-05-09.", 0);
        let f = check_format(&ms, &opts, None);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].fix.as_ref().unwrap().1, "May 9, 2025");
    }

    #[test]
    fn invalid_dates() {
        assert_eq!(
            invalid_msgs("A notice dated 2025-02-30 arrived.", None),
            ["February 2025 has 28 days; 2025-02-30 does not exist"]
        );
        assert_eq!(
            invalid_msgs("2025-13-07", None),
            ["there is no month 13; 2025-13-07 does not exist"]
        );
        assert_eq!(
            invalid_msgs("It closed on Feb. 29, 2025, they said.", None),
            ["February 2025 has 28 days; Feb. 29, 2025 does not exist"]
        );
        assert_eq!(
            invalid_msgs("a report dated April 31, and more", None),
            ["April has 30 days; April 31 does not exist"]
        );
        assert_eq!(
            invalid_msgs("on 2025-01-00 and on 2025-01-32", None),
            [
                "there is no day 0; 2025-01-00 does not exist",
                "January 2025 has 31 days; 2025-01-32 does not exist"
            ]
        );
        assert_eq!(invalid_msgs("due Jan. 32", None).len(), 1);
        assert_eq!(invalid_msgs("due on January 32", None).len(), 1);
        assert_eq!(invalid_msgs("31 June 2025", None).len(), 1);
        assert_eq!(invalid_msgs("On 32 March nobody came", None).len(), 1);
        assert!(invalid_msgs("Some 32 March entries and 40 June ones", None).is_empty());
        assert!(invalid_msgs("on Feb. 29, 2024", None).is_empty());
        let v = invalid_msgs("dated 31/02/2025", None);
        assert_eq!(v.len(), 1);
        assert!(v[0].contains("either way"), "{}", v[0]);
    }

    #[test]
    fn invalid_is_not_also_a_format_finding() {
        assert!(format_msgs("dated 2025.02.30", None).is_empty());
        assert_eq!(invalid_msgs("dated 2025.02.30", None).len(), 1);
        assert!(format_msgs("dated April 31st", None).is_empty());
        assert_eq!(invalid_msgs("dated April 31st", None).len(), 1);
    }

    #[test]
    fn yearless_dates_use_the_article_year() {
        // No article date: Feb. 29 exists in some year.
        assert!(invalid_msgs("It closes on Feb. 29.", None).is_empty());
        let v = invalid_msgs("It closes on Feb. 29.", Some(date(2025, 1, 10)));
        assert_eq!(
            v,
            [
                "February 2025 has 28 days; Feb. 29 does not exist in 2025, the year nearest the article's date"
            ]
        );
        assert!(invalid_msgs("It closes on Feb. 29.", Some(date(2024, 1, 10))).is_empty());
        // December article, January date: next year (2028 is a leap year, 2027 not).
        assert!(invalid_msgs("It closes on Feb. 29.", Some(date(2027, 12, 20))).is_empty());
        assert_eq!(
            invalid_msgs("a report dated April 31, and more", Some(date(2025, 5, 23))),
            ["April has 30 days; April 31 does not exist"]
        );
    }

    #[test]
    fn weekdays() {
        let s = "Work starts on Thursday, May 9, 2025, at dawn.";
        let f = weekday_msgs(s, None);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].message, "May 9, 2025 was a Friday, not a Thursday");
        assert_eq!(f[0].span, 15..23);
        assert!(weekday_msgs("on Friday, May 9, 2025", None).is_empty());
        let f = check_weekday_on(&find_dates(s, 0), None, date(2025, 1, 1));
        assert_eq!(f[0].message, "May 9, 2025 is a Friday, not a Thursday");
    }

    #[test]
    fn weekday_forms() {
        let art = Some(date(2025, 5, 1));
        for s in [
            "on Thursday, May 9 the board met",
            "on Thursday May 9 the board met",
            "on Thursday (May 9) the board met",
            "on Thu., May 9 the board met",
            "on Thu. May 9 the board met",
            "on Thurs., May 9 the board met",
            "on Thursday, 9 May the board met",
            "on Thursday 9 May 2025 the board met",
            "on Thursday, the 9th of May",
            "on Thursday, 2025-05-09",
            "on May 9, a Thursday, the board met",
        ] {
            let f = weekday_msgs(s, art);
            assert_eq!(f.len(), 1, "{s:?}");
            assert_eq!(&s[f[0].span.clone()][..3], "Thu", "{s:?}");
        }
        for s in [
            "every Thursday from May 9",
            "on Thursday night, May 9",
            "on Thursday (and May 9)",
            "the Sun May 9 edition",
            "a Thursday. May 9 was later",
            "on Wednesday and Thursday, May 9 and 10",
            "from Monday to Thursday, May 9",
            "Wed.-Thu., May 9",
        ] {
            assert!(weekday_msgs(s, art).is_empty(), "{s:?}");
        }
    }

    #[test]
    fn yearless_weekday_needs_an_article_date() {
        let s = "Drivers walk out on Wednesday, Oct. 16, the union said.";
        assert!(weekday_msgs(s, None).is_empty());
        let f = weekday_msgs(s, Some(date(2025, 10, 6)));
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "October 16, 2025 is a Thursday, not a Wednesday"
        );
        assert!(weekday_msgs("on Thursday, Oct. 16", Some(date(2025, 10, 6))).is_empty());
        // A December article's "Friday, Jan. 2" is next January.
        assert!(weekday_msgs("on Friday, Jan. 2", Some(date(2025, 12, 20))).is_empty());
        let f = weekday_msgs("on Saturday 9 May", Some(date(2025, 5, 1)));
        assert_eq!(f[0].message, "9 May 2025 was a Friday, not a Saturday");
    }

    #[test]
    fn article_dates() {
        assert_eq!(parse_article_date("2025.05.09"), Some(date(2025, 5, 9)));
        assert_eq!(parse_article_date("May 15, 2025"), Some(date(2025, 5, 15)));
        assert_eq!(parse_article_date(" 2025-10-06 "), Some(date(2025, 10, 6)));
        assert_eq!(
            parse_article_date("Monday, Oct. 6, 2025"),
            Some(date(2025, 10, 6))
        );
        assert_eq!(
            parse_article_date("2025-04-14T09:00:00Z"),
            Some(date(2025, 4, 14))
        );
        assert_eq!(
            parse_article_date("\"2025-04-14\""),
            Some(date(2025, 4, 14))
        );
        assert_eq!(parse_article_date("9 June 2025"), Some(date(2025, 6, 9)));
        assert_eq!(
            parse_article_date("Sept. 12, 2025"),
            Some(date(2025, 9, 12))
        );
        assert_eq!(parse_article_date("2025-13-07"), None);
        assert_eq!(parse_article_date("05/09/2025"), None);
        assert_eq!(parse_article_date("25/12/2024"), Some(date(2024, 12, 25)));
        assert_eq!(parse_article_date("May 15"), None);
        assert_eq!(parse_article_date("Council backs May 15, 2025 plan"), None);
        assert_eq!(parse_article_date(""), None);
    }

    #[test]
    fn extreme_years_do_not_panic() {
        for s in [
            "0000-05-09",
            "99999-05-09",
            "May 9, 0000",
            "May 9, 99999",
            "9 May 0000",
            "Thursday, May 9, 0000",
            "2999-12-31",
            "9/5/99999",
        ] {
            let ms = find_dates(s, 0);
            let _ = check_invalid(&ms, None);
            let _ = check_format(&ms, &DateOptions::default(), None);
            let _ = check_weekday(&ms, Some(date(2025, 1, 1)));
            let _ = parse_article_date(s);
        }
        let ms = find_dates("on May 9", 0);
        let _ = check_weekday(&ms, Some(Date::MAX));
        let _ = check_invalid(&ms, Some(Date::MIN));
    }

    #[test]
    fn no_digits_fast_path() {
        assert!(find_dates("Thursday, May the fourth, be with you.", 0).is_empty());
    }

    #[test]
    fn wrapped_lines_and_unicode() {
        assert_eq!(texts("dated\n5/9/25 and more"), ["5/9/25"]);
        assert_eq!(texts("on Thursday,\nMay 9 — “quoted” café"), ["May 9"]);
        assert_eq!(texts("é9 May ü2025-05-09"), Vec::<String>::new());
        assert_eq!(texts("on\u{a0}May\u{a0}9"), ["May\u{a0}9"]);
    }
}

//! The date finder: numeric and written dates in prose, each with the weekday named
//! next to it, and nothing that is only a time, a score, a figure or a range of years.

use jiff::civil::Weekday;
use std::ops::Range;

use super::scan::{
    MONTH_NAMES, WEEKDAY_AFTER_RE, WEEKDAY_BEFORE_RE, WEEKDAY_PAIR_RE, char_after_next,
    continues_as_number, digits_back, digits_fwd, is_dash, month_words, next_char, next_digit,
    numeric_dates_in, ordinal_suffix_at, prev_char, skip_ws_back, skip_ws_fwd, weekday_from_word,
    year_at,
};
use super::{DateMention, DateParts, DateStyle};

pub(super) struct Candidate {
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
    // Every date holds a figure, and many paragraphs hold none.
    if next_digit(text.as_bytes(), 0) == text.len() {
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

pub(super) fn numeric_dates(t: &str, out: &mut Vec<Candidate>) {
    for runs in numeric_dates_in(t) {
        let (start, end) = (runs[0].start, runs[4].end);
        let [a, sep, b, sep2, c] = runs.map(|r| &t[r]);
        if sep != sep2 {
            continue;
        }
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

pub(super) fn written_dates(t: &str, out: &mut Vec<Candidate>) {
    for (word, period) in month_words(t) {
        let (word_start, word_end, word) = (word.start, word.end, &t[word]);
        let abbreviated = !MONTH_NAMES.contains(&word);
        if abbreviated && !period && matches!(word, "Mar" | "Jun" | "Jul") {
            continue;
        }
        let month = month_number(word);
        // A full name's period ends a sentence, not the word.
        let token_end = if abbreviated && period {
            word_end + 1
        } else {
            word_end
        };
        let month_word = t[word_start..token_end].to_string();
        if let Some(c) = day_before_month(t, word_start, token_end, month) {
            out.push(Candidate {
                month_word: Some(month_word),
                ..c
            });
        } else if let Some(mut c) = day_after_month(t, word_start, token_end, month) {
            c.strong |= abbreviated && period;
            out.push(Candidate {
                month_word: Some(month_word),
                ..c
            });
        }
    }
}

pub(super) fn month_number(word: &str) -> u8 {
    let w = &word[..3];
    MONTH_NAMES
        .iter()
        .position(|m| m.starts_with(w))
        .map_or(0, |i| i as u8 + 1)
}

/// `9 May`, `9 May 2025`, `9th of May`, `the 9th of May`, `9-11 May`.
pub(super) fn day_before_month(
    t: &str,
    ms: usize,
    token_end: usize,
    month: u8,
) -> Option<Candidate> {
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
pub(super) fn day_after_month(
    t: &str,
    ms: usize,
    token_end: usize,
    month: u8,
) -> Option<Candidate> {
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
pub(super) fn closes_phrase(t: &str, i: usize) -> bool {
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
pub(super) fn after_on(t: &str, i: usize) -> bool {
    let w = skip_ws_back(t, i);
    w < i
        && (t[..w].ends_with("on") || t[..w].ends_with("On"))
        && !prev_char(t, w - 2).is_some_and(char::is_alphanumeric)
}

/// The weekday that names the date at `span`, if one stands right before it (or right
/// after it as `, a Thursday`).
pub(super) fn weekday_near(t: &str, span: &Range<usize>) -> Option<(Range<usize>, Weekday)> {
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
        let ok_after = !bracketed || t[span.end..].trim_start().starts_with(')');
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

//! Calendar questions, all answered by `jiff`: the article's own date, the year a
//! date without one takes, and whether a date exists.

use jiff::civil::Date;

use super::DateParts;
use super::finder::find_dates;

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

pub(super) fn make_date(y: i32, m: u8, d: u8) -> Option<Date> {
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

/// The year in which month/day falls nearest `article`.
pub(super) fn nearest_year(month: u8, day: u8, article: Date) -> i32 {
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
pub(super) enum Resolved {
    Valid(Date),
    /// No year and no article date, but some year has this month and day.
    Exists,
    Invalid(Invalid),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Invalid {
    pub(super) reason: Reason,
    pub(super) year: Option<i32>,
    /// The year was taken from the article's date, not written.
    pub(super) year_assumed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reason {
    Month(u8),
    DayZero,
    TooLong { month: u8, max: i8 },
    Year(i32),
}

pub(super) fn resolve(p: DateParts, article: Option<Date>) -> Resolved {
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

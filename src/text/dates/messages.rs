//! How the date checks write dates and explain their findings.

use jiff::civil::Date;

use super::calendar::{Invalid, Reason};
use super::scan::month_name;
use super::{DateMention, DateOptions, DateParts, DateStyle};

pub(super) fn reason_text(inv: &Invalid) -> String {
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

pub(super) fn invalid_message(text: &str, inv: &Invalid) -> String {
    let why = reason_text(inv);
    match (inv.year_assumed, inv.year) {
        (true, Some(y)) => {
            format!("{why}; {text} does not exist in {y}, the year nearest the article's date")
        }
        _ => format!("{why}; {text} does not exist"),
    }
}

pub(super) fn render(style: DateStyle, p: DateParts, month_word: Option<&str>) -> Option<String> {
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
pub(super) fn house_fix(m: &DateMention, p: DateParts, options: &DateOptions) -> Option<String> {
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

pub(super) fn iso_or_parts(p: DateParts) -> String {
    match p.year {
        Some(y) => format!("{y:04}-{:02}-{:02}", p.month, p.day),
        None => format!("{} {}", month_name(p.month), p.day),
    }
}

pub(super) fn describe(m: &DateMention, d: Date) -> String {
    let month = month_name(d.month() as u8);
    if m.month_word.is_none() {
        d.to_string()
    } else if m.day_first {
        format!("{} {month} {}", d.day(), d.year())
    } else {
        format!("{month} {}, {}", d.day(), d.year())
    }
}

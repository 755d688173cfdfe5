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

mod calendar;
mod checks;
mod finder;
mod messages;
mod scan;
#[cfg(test)]
mod tests;

use jiff::civil::Weekday;
use std::ops::Range;

pub use calendar::parse_article_date;
pub use checks::{check_format, check_invalid, check_weekday};
pub use finder::find_dates;

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

//! The three date checks: `date-invalid`, `date-format` and `date-weekday`.

use jiff::civil::Date;

use super::calendar::{Invalid, Resolved, resolve};
use super::messages::{describe, house_fix, invalid_message, iso_or_parts, reason_text};
use super::scan::weekday_name;
use super::{DateFinding, DateMention, DateOptions, DateParts};

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

/// The readings of `m` that some calendar has, narrowed by its weekday when that settles
/// which one is meant.
pub(super) fn possible_readings(m: &DateMention, article_date: Option<Date>) -> Vec<DateParts> {
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

/// `date-weekday`: a weekday named with a date that falls on another day. Nothing here
/// depends on the day the lint runs: a date without a year takes the year nearest
/// `article_date` (with none it is not checked), and the message always says "is a".
pub fn check_weekday(mentions: &[DateMention], article_date: Option<Date>) -> Vec<DateFinding> {
    let mut out = Vec::new();
    for m in mentions {
        let Some((wspan, named)) = &m.weekday else {
            continue;
        };
        // Each reading with the date it resolves to, and whether its year was inferred.
        let dates: Vec<(Date, bool)> = m
            .readings
            .iter()
            .filter_map(|p| match resolve(*p, article_date) {
                Resolved::Valid(d) => Some((d, p.year.is_none())),
                _ => None,
            })
            .collect();
        if dates.is_empty() || dates.iter().any(|(d, _)| d.weekday() == *named) {
            continue;
        }
        let said = weekday_name(*named);
        // The wording never depends on "today": the same copy draws the same message
        // whenever it is checked.
        let message = match dates.as_slice() {
            [(d, inferred)] => {
                let mut message = format!(
                    "{} is a {}, not a {said}",
                    describe(m, *d),
                    weekday_name(d.weekday())
                );
                if *inferred {
                    message.push_str(&format!(
                        " (the year {} is inferred from the article's date)",
                        d.year()
                    ));
                }
                message
            }
            many => {
                let alts: Vec<String> = many
                    .iter()
                    .map(|(d, _)| format!("{d} a {}", weekday_name(d.weekday())))
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

//! Tests of the date finder and the three date checks.

use super::*;
use jiff::civil::{Date, date};

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
    check_weekday(&find_dates(s, 0), art)
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
    assert_eq!(f[0].message, "May 9, 2025 is a Friday, not a Thursday");
    assert_eq!(f[0].span, 15..23);
    assert!(weekday_msgs("on Friday, May 9, 2025", None).is_empty());
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
        "October 16, 2025 is a Thursday, not a Wednesday \
         (the year 2025 is inferred from the article's date)"
    );
    assert!(weekday_msgs("on Thursday, Oct. 16", Some(date(2025, 10, 6))).is_empty());
    // A December article's "Friday, Jan. 2" is next January.
    assert!(weekday_msgs("on Friday, Jan. 2", Some(date(2025, 12, 20))).is_empty());
    let f = weekday_msgs("on Saturday 9 May", Some(date(2025, 5, 1)));
    assert_eq!(
        f[0].message,
        "9 May 2025 is a Friday, not a Saturday (the year 2025 is inferred from the article's date)"
    );
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

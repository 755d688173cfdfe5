//! `kind = "date-weekday"`: a weekday named with a date that falls on another day. A date
//! without a year takes the year nearest the article's own date, and the message says the
//! year was inferred; the wording never depends on the day the copy is checked.

use super::{CompileContext, SpecError};
use crate::lint::Context;
use crate::rules::Finding;
use crate::text::dates;

/// Options of the kind.
pub const OPTIONS: &[&str] = &[];

/// A compiled date-weekday rule.
#[derive(Debug)]
pub struct DateWeekday;

impl DateWeekday {
    /// Compile from the rule's options.
    pub fn compile(_ctx: &CompileContext) -> Result<Self, SpecError> {
        Ok(Self)
    }

    /// Report weekdays that do not match their dates.
    pub fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let found = dates::check_weekday(ctx.dates(), ctx.doc().article_date());
        out.extend(found.into_iter().map(super::date_invalid::finding));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{lint, rule, spans};

    #[test]
    fn a_weekday_that_does_not_match_its_date_is_flagged() {
        let toml = rule("date-weekday", "message = \"{detail}\"");
        // May 9, 2025 was a Friday.
        let article = "# Vote\n\nThe vote is on Thursday, May 9, 2025; the count on Friday, May 9, 2025.\n";
        let found = lint(&toml, article);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(spans(&found, article)[0].contains("Thursday"));
        assert!(found[0].message.contains("Friday"), "{}", found[0].message);
    }

    #[test]
    fn the_message_names_only_a_year_the_copy_gives() {
        // The rule is handed no date and reads no clock: the year it names is the date's
        // own or the one inferred from the article's date (2019 here, a year no clock of
        // the check could give).
        let toml = rule("date-weekday", "message = \"{detail}\"");
        let message = |article: &str| lint(&toml, article)[0].message.clone();
        assert_eq!(
            message("# Vote\n\nThe vote was on Thursday, May 9, 2025.\n"),
            "May 9, 2025 is a Friday, not a Thursday"
        );
        assert_eq!(
            message("---\ndate: 2019-05-20\n---\n# Vote\n\nThe vote is on Tuesday, June 3.\n"),
            "June 3, 2019 is a Monday, not a Tuesday (the year 2019 is inferred from the \
             article's date)"
        );
    }

    #[test]
    fn without_a_year_or_an_article_date_the_weekday_is_not_checked() {
        let toml = rule("date-weekday", "");
        assert!(lint(&toml, "# Vote\n\nThe vote is on Thursday, May 9.\n").is_empty());
    }
}

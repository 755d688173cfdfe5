//! `kind = "fact-age"`: an age given for a person of the facts file that does not match their
//! `born` date on the article's own date (FACTS.md), with the right age as a safe fix.

use super::age_inconsistent::AgeOptions;
use super::{CompileContext, SpecError};
use crate::facts::people;
use crate::lint::Context;
use crate::rules::{Finding, Scope};

/// Options of the kind.
pub const OPTIONS: &[&str] = &["list_items", "courtesy_titles"];

/// A compiled fact-age rule.
#[derive(Debug)]
pub struct FactAge {
    ages: AgeOptions,
}

/// Whole years from `born` to `on`.
pub fn age_on(born: jiff::civil::Date, on: jiff::civil::Date) -> i16 {
    let before_birthday = (on.month(), on.day()) < (born.month(), born.day());
    on.year() - born.year() - i16::from(before_birthday)
}

impl FactAge {
    /// Compile from the rule's options.
    pub fn compile(ctx: &CompileContext) -> Result<Self, SpecError> {
        Ok(Self {
            ages: AgeOptions::compile(ctx)?,
        })
    }

    /// Flag ages that the facts file's dates of birth contradict.
    pub fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let facts = ctx.facts();
        let Some(date) = ctx.doc().article_date() else {
            return;
        };
        if facts.is_empty() {
            return;
        }
        let ages = self.ages.ages_of_people(ctx);
        if ages.is_empty() {
            return;
        }
        let mentions = people::mentions(facts, &ctx.units(&Scope::Prose));
        for mention in ages {
            let Some(person) = people::person_named(facts, &mentions, &mention.name) else {
                continue;
            };
            let Some(born) = person.born else { continue };
            let right = age_on(born, date);
            if i64::from(right) == i64::from(mention.age) {
                continue;
            }
            out.push(Finding {
                span: mention.span.clone(),
                suggestion: Some(right.to_string()),
                detail: Some(format!(
                    "{} is {right} on the article's date ({date}), not {}",
                    person.name, mention.age
                )),
                help: Some(format!(
                    "{} gives {}'s date of birth as {born}",
                    person.source, person.name
                )),
                fix: Some((mention.span.clone(), right.to_string())),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn birthdays() {
        assert_eq!(age_on(date(1968, 4, 11), date(2026, 4, 8)), 57);
        assert_eq!(age_on(date(1968, 4, 11), date(2026, 4, 11)), 58);
        assert_eq!(age_on(date(1962, 1, 23), date(2026, 1, 27)), 64);
    }
}

//! `kind = "age-inconsistent"`: one person given two different ages in one article
//! (FACTS.md). The person is the name word written last; the later age that differs from
//! the first is flagged.

use std::collections::HashMap;

use super::name_variant::NameOptions;
use super::{CompileContext, SpecError};
use crate::facts::ages::AgeMention;
use crate::lint::Context;
use crate::rules::Finding;

/// Options of the kind.
pub const OPTIONS: &[&str] = &["list_items", "courtesy_titles"];

/// Capitalised words that stand before a noun without being a given name: `The Spaniard`.
const DETERMINERS: &[&str] = &[
    "A", "An", "The", "This", "That", "These", "Those", "His", "Her", "Its", "Their", "Our", "My",
    "Your", "In", "On", "At", "As", "For", "By", "But", "And", "When", "After", "Before", "If",
];

/// A compiled age-inconsistent rule.
#[derive(Debug)]
pub struct AgeInconsistent {
    ages: AgeOptions,
}

/// What the age checks share.
#[derive(Debug)]
pub struct AgeOptions {
    /// This many `Name (NN)` in one paragraph make a list, not ages.
    pub list_items: usize,
    names: NameOptions,
}

impl AgeOptions {
    /// Read the shared options.
    pub fn compile(ctx: &CompileContext) -> Result<Self, SpecError> {
        Ok(Self {
            list_items: ctx.spec.list_items.as_ref().map_or(3, |n| *n.get_ref()),
            names: NameOptions::compile(ctx)?,
        })
    }

    /// The ages that belong to someone: a lone word after `NN-year-old` names a person only
    /// when the article also writes it after a given name or a courtesy title.
    pub fn ages_of_people<'c, 'a>(&self, ctx: &'c Context<'a>) -> Vec<&'c AgeMention<'a>> {
        let words = ctx.cap_words();
        let after_given_name = |name: &str| {
            words.iter().enumerate().any(|(i, w)| {
                w.text == name && w.linked_prev && i > 0 && {
                    let before = words[i - 1].text;
                    self.names.courtesy_titles.iter().any(|t| t == before)
                        || (!DETERMINERS.contains(&before) && !words[i - 1].all_caps)
                }
            })
        };
        ctx.ages(self.list_items)
            .iter()
            .filter(|a| !a.lone_word_after || after_given_name(a.surname()))
            .collect()
    }
}

impl AgeInconsistent {
    /// Compile from the rule's options.
    pub fn compile(ctx: &CompileContext) -> Result<Self, SpecError> {
        Ok(Self {
            ages: AgeOptions::compile(ctx)?,
        })
    }

    /// Flag each later age that differs from the first one given for the same person.
    pub fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let mut first: HashMap<&str, &AgeMention> = HashMap::new();
        for mention in self.ages.ages_of_people(ctx) {
            let person = mention.surname();
            match first.get(person) {
                None => {
                    first.insert(person, mention);
                }
                Some(earlier) if earlier.age != mention.age => out.push(Finding {
                    span: mention.span.clone(),
                    detail: Some(format!(
                        "{person} is {} here but {} on line {}",
                        mention.age,
                        earlier.age,
                        ctx.line_of(earlier.span.start)
                    )),
                    help: Some("check which age is right and use it throughout".to_string()),
                    ..Finding::default()
                }),
                Some(_) => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{lint, rule};

    #[test]
    fn the_later_age_that_differs_is_flagged() {
        let toml = rule("age-inconsistent", "message = \"{detail}\"");
        let article = "# Mill\n\nMark Sullivan, 42, runs the mill.\n\nThe 43-year-old Sullivan said he would stay.\n";
        let found = lint(&toml, article);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].span.start > article.find("43").unwrap() - 1);
        assert!(found[0].message.contains("42"), "{}", found[0].message);
    }

    #[test]
    fn the_same_age_twice_and_a_team_sheet_are_not() {
        let toml = rule("age-inconsistent", "");
        let same = "# Mill\n\nMark Sullivan, 42, runs the mill.\n\nSullivan, 42, said he would stay.\n";
        assert!(lint(&toml, same).is_empty());
        let sheet = "# Crew\n\nThe crew: Ana Reyes (31), Ben Okafor (28), Cai Lin (40) and Ana Reyes (32).\n";
        assert!(lint(&toml, sheet).is_empty());
        // Fewer than `list_items` make ages, not a list.
        let toml = rule("age-inconsistent", "list_items = 5");
        assert_eq!(lint(&toml, sheet).len(), 1);
    }
}

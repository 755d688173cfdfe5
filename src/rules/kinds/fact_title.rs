//! `kind = "fact-title"`: a title written right before a person of the facts file that is not
//! one of their `titles` (FACTS.md): a run of capitalised title words next to the name, with
//! `of X` or `of the X` between (`Chairman of the PRC Xi Jinping`). After `former`, `ex-` or
//! `then-` the title is checked against `former_titles`, and not at all when there are none.

use super::{CompileContext, SpecError};
use crate::facts::people;
use crate::lint::Context;
use crate::rules::{Finding, Scope};

/// Options of the kind.
pub const OPTIONS: &[&str] = &["title_words", "former_words"];

/// FACTS.md's title words.
const TITLE_WORDS: &[&str] = &[
    "President",
    "Vice",
    "Prime",
    "Minister",
    "Chancellor",
    "Premier",
    "Chairman",
    "Chairwoman",
    "Chair",
    "Secretary",
    "General",
    "Governor",
    "Mayor",
    "Senator",
    "Representative",
    "Speaker",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Pope",
    "Ambassador",
    "Commissioner",
    "Judge",
    "Justice",
    "Chief",
    "Director",
    "Deputy",
    "Foreign",
    "Finance",
    "Defence",
    "Defense",
    "Interior",
    "Home",
    "Health",
    "Education",
];

/// A compiled fact-title rule.
#[derive(Debug)]
pub struct FactTitle {
    title_words: Vec<String>,
    former_words: Vec<String>,
}

/// A title read before a name.
#[derive(Debug, PartialEq, Eq)]
struct Title {
    /// As written, words joined by single spaces (`Chairman of the PRC`).
    text: String,
    /// Offset (in the unit) of its first word.
    start: usize,
    /// Preceded by `former`, `ex-` or `then-`.
    former: bool,
}

impl FactTitle {
    /// Compile from the rule's options.
    pub fn compile(ctx: &CompileContext) -> Result<Self, SpecError> {
        let list = super::list_or;
        Ok(Self {
            title_words: list(&ctx.spec.title_words, TITLE_WORDS),
            former_words: list(&ctx.spec.former_words, &["former", "ex", "then"])
                .into_iter()
                .map(|w| w.to_lowercase())
                .collect(),
        })
    }

    /// Flag titles the facts file does not give the person.
    pub fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let facts = ctx.facts();
        if facts.is_empty() {
            return;
        }
        let units = ctx.units(&Scope::Prose);
        for mention in people::mentions(facts, &units) {
            let fact = &facts.facts()[mention.fact];
            if !fact.is_person {
                continue;
            }
            let unit = &units[mention.unit];
            let Some(title) = self.title_before(&unit.text[..mention.span.start - unit.offset])
            else {
                continue;
            };
            let allowed = if title.former {
                &fact.former_titles
            } else {
                &fact.titles
            };
            if (title.former && allowed.is_empty())
                || allowed.iter().any(|t| same_title(t, &title.text))
            {
                continue;
            }
            let first_word = title.text.split(' ').next().unwrap_or("");
            let start = unit.offset + title.start;
            let listed = if allowed.is_empty() {
                "none".to_string()
            } else {
                allowed.join(", ")
            };
            out.push(Finding {
                span: start..start + first_word.len(),
                detail: Some(format!(
                    "{} is not {}\"{}\" in the facts file",
                    fact.name,
                    if title.former { "a former " } else { "" },
                    title.text
                )),
                help: Some(format!(
                    "{} gives {}titles: {listed}",
                    fact.source,
                    if title.former { "former " } else { "" }
                )),
                ..Finding::default()
            });
        }
    }

    fn is_title_word(&self, word: &str) -> bool {
        self.title_words.iter().any(|t| t == word)
    }

    /// The title that ends `prefix` (the text right before a name), if any.
    fn title_before(&self, prefix: &str) -> Option<Title> {
        let words = words_before(prefix);
        let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        // `… of the X` / `… of X` between the title words and the name.
        let (of_part, from) = match words.as_slice() {
            [(_, x), (_, "the"), (_, "of"), ..] if capitalised(x) => (format!(" of the {x}"), 3),
            [(_, x), (_, "of"), ..] if capitalised(x) => (format!(" of {x}"), 2),
            _ => (String::new(), 0),
        };
        let read = |from: usize, of_part: &str| -> Option<Title> {
            let mut run: Vec<(usize, &str)> = Vec::new();
            let mut former = false;
            for &(start, token) in &words[from.min(words.len())..] {
                let (marker, word) = match token.rsplit_once('-') {
                    Some((marker, word)) => (Some(marker), word),
                    None => (None, token),
                };
                if !self.is_title_word(word) {
                    former = self
                        .former_words
                        .iter()
                        .any(|f| f.eq_ignore_ascii_case(token));
                    break;
                }
                run.push((start + token.len() - word.len(), word));
                if let Some(marker) = marker {
                    former = self
                        .former_words
                        .iter()
                        .any(|f| f.eq_ignore_ascii_case(marker));
                    break;
                }
            }
            let &(start, _) = run.last()?;
            let mut text: Vec<&str> = run.iter().map(|(_, w)| *w).collect();
            text.reverse();
            Some(Title {
                text: text.join(" ") + of_part,
                start,
                former,
            })
        };
        read(from, &of_part).or_else(|| if from > 0 { read(0, "") } else { None })
    }
}

/// The words right before the end of `prefix`, nearest first, as far as only white space
/// separates them: (offset in `prefix`, word).
fn words_before(prefix: &str) -> Vec<(usize, &str)> {
    let mut words = Vec::new();
    let mut end = prefix.len();
    while words.len() < 8 {
        let rest = &prefix[..end];
        let trimmed = rest.trim_end();
        if trimmed.len() == rest.len() {
            // Not separated by white space from what follows.
            break;
        }
        let start = trimmed
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’'))
            .last()
            .map(|(i, _)| i);
        let Some(start) = start else { break };
        words.push((start, &trimmed[start..]));
        if trimmed[..start]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_whitespace())
        {
            // Punctuation glued to the word (`"President`, `(Mayor`) ends the title.
            break;
        }
        end = start;
    }
    words
}

/// Titles compared case-insensitively, ignoring `the`.
fn same_title(a: &str, b: &str) -> bool {
    let words = |t: &str| -> Vec<String> {
        t.split_whitespace()
            .map(str::to_lowercase)
            .filter(|w| w != "the")
            .collect()
    };
    words(a) == words(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule() -> FactTitle {
        FactTitle {
            title_words: TITLE_WORDS.iter().map(|s| s.to_string()).collect(),
            former_words: vec!["former".into(), "ex".into(), "then".into()],
        }
    }

    fn title(prefix: &str) -> Option<(String, bool)> {
        rule().title_before(prefix).map(|t| (t.text, t.former))
    }

    #[test]
    fn titles_before_names() {
        assert_eq!(
            title("On Thursday, Chairman of the PRC "),
            Some(("Chairman of the PRC".into(), false))
        );
        assert_eq!(
            title("said Deputy Prime Minister "),
            Some(("Deputy Prime Minister".into(), false))
        );
        assert_eq!(
            title("the then-Finance Minister "),
            Some(("Finance Minister".into(), true))
        );
        assert_eq!(
            title("and former Interior Minister "),
            Some(("Interior Minister".into(), true))
        );
        assert_eq!(title("State Senator "), Some(("Senator".into(), false)));
        assert_eq!(
            title("Mayor of Brackenholm "),
            Some(("Mayor of Brackenholm".into(), false))
        );
        assert_eq!(title("the house of Lords "), None);
        assert_eq!(title("met "), None);
        assert_eq!(title("President,"), None);
        assert!(same_title("Speaker of the Riksmot", "speaker of Riksmot"));
    }
}

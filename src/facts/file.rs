//! The facts file (`facts.toml`): what the newsroom knows of people (`[[person]]`) and of
//! other proper names (`[[name]]`). Read from text with every value's span kept, so that an
//! unknown key, a bad date or a name given twice is reported where it stands.

use std::collections::HashMap;
use std::sync::Arc;

use crate::spanned::Spanned;
use serde::Deserialize;

use crate::error::{ConfigError, SourceFile};

/// A facts file as written.
#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FactsFile {
    /// People: name, titles, date of birth.
    #[serde(default)]
    pub person: Vec<PersonSpec>,
    /// Any other proper name: a company, a place, a team, a body.
    #[serde(default)]
    pub name: Vec<NameSpec>,
}

/// One `[[person]]`.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonSpec {
    /// The full name, as the house spells it ("Xi Jinping").
    pub name: Spanned<String>,
    /// The family name, when it is not the last word of `name` ("Xi").
    pub surname: Option<Spanned<String>>,
    /// Other right spellings ("Teo Maraslian").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Titles written before the name that are right ("President", "Chinese President").
    #[serde(default)]
    pub titles: Vec<String>,
    /// Titles the person held: right after `former`, `ex-` or `then-`.
    #[serde(default)]
    pub former_titles: Vec<String>,
    /// Date of birth, `YYYY-MM-DD`.
    pub born: Option<Spanned<String>>,
    /// Spellings that are always wrong.
    #[serde(default)]
    pub wrong: Vec<String>,
}

/// One `[[name]]`.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NameSpec {
    /// The name as the house spells it ("DaimlerChrysler").
    pub name: Spanned<String>,
    /// Other right spellings.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Spellings that are always wrong ("Daimler-Chrysler").
    #[serde(default)]
    pub wrong: Vec<String>,
}

/// A person or another name, compiled.
#[derive(Clone, Debug)]
pub struct Fact {
    /// The full name.
    pub name: String,
    /// Whether it is a `[[person]]` (whose words other than the surname are given names).
    pub is_person: bool,
    /// The family name: `surname`, or the last word of `name`.
    pub surname: String,
    /// Other right spellings.
    pub aliases: Vec<String>,
    /// Titles that are right before the name.
    pub titles: Vec<String>,
    /// Titles the person held.
    pub former_titles: Vec<String>,
    /// Date of birth.
    pub born: Option<jiff::civil::Date>,
    /// Spellings that are always wrong.
    pub wrong: Vec<String>,
    /// `file:line` of the entry, for help text.
    pub source: Arc<str>,
}

impl Fact {
    /// The full name and the aliases.
    pub fn spellings(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// Parse one facts file. `seen` maps each name already defined (in this or an earlier file)
/// to where, so that a name given twice is an error at the second.
pub fn parse(
    file: &SourceFile,
    seen: &mut HashMap<String, String>,
) -> Result<Vec<Fact>, Vec<ConfigError>> {
    let raw: FactsFile =
        toml::from_str(&file.text).map_err(|err| vec![crate::rules::toml_error_for(file, &err)])?;
    let mut errors = Vec::new();
    let mut facts = Vec::new();
    let place = |span: std::ops::Range<usize>| {
        let (line, _) =
            crate::line_index::LineIndex::new(&file.text).line_col(&file.text, span.start);
        format!("{}:{line}", file.name)
    };
    let mut check_name = |name: &Spanned<String>, errors: &mut Vec<ConfigError>| -> bool {
        let text = name.get_ref().trim();
        if text.is_empty() || !text.chars().any(char::is_alphabetic) {
            errors.push(ConfigError::at(
                file,
                name.span(),
                "a name must hold letters",
            ));
            return false;
        }
        let here = place(name.span());
        if let Some(first) = seen.get(text) {
            errors.push(
                ConfigError::at(file, name.span(), format!("`{text}` is in the facts twice"))
                    .with_label("second entry")
                    .with_note(format!("first entry at {first}")),
            );
            return false;
        }
        seen.insert(text.to_string(), here);
        true
    };
    for person in &raw.person {
        if !check_name(&person.name, &mut errors) {
            continue;
        }
        let name = person.name.get_ref().trim().to_string();
        let born = match &person.born {
            None => None,
            Some(born) => match born.get_ref().trim().parse::<jiff::civil::Date>() {
                Ok(date) => Some(date),
                Err(_) => {
                    errors.push(
                        ConfigError::at(file, born.span(), "`born` is not a date")
                            .with_label("expected YYYY-MM-DD, a day that exists"),
                    );
                    continue;
                }
            },
        };
        let surname = match &person.surname {
            Some(surname) => {
                let text = surname.get_ref().trim();
                if !name.split_whitespace().any(|w| w == text) {
                    errors.push(
                        ConfigError::at(file, surname.span(), "`surname` is not a word of `name`")
                            .with_note(format!("`name` is \"{name}\"")),
                    );
                    continue;
                }
                text.to_string()
            }
            None => name
                .split_whitespace()
                .last()
                .unwrap_or_default()
                .to_string(),
        };
        facts.push(Fact {
            surname,
            is_person: true,
            aliases: person.aliases.clone(),
            titles: person.titles.clone(),
            former_titles: person.former_titles.clone(),
            born,
            wrong: person.wrong.clone(),
            source: place(person.name.span()).into(),
            name,
        });
    }
    for entry in &raw.name {
        if !check_name(&entry.name, &mut errors) {
            continue;
        }
        let name = entry.name.get_ref().trim().to_string();
        facts.push(Fact {
            surname: name
                .split_whitespace()
                .last()
                .unwrap_or_default()
                .to_string(),
            is_person: false,
            aliases: entry.aliases.clone(),
            titles: Vec::new(),
            former_titles: Vec::new(),
            born: None,
            wrong: entry.wrong.clone(),
            source: place(entry.name.span()).into(),
            name,
        });
    }
    if errors.is_empty() {
        Ok(facts)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> Result<Vec<Fact>, Vec<ConfigError>> {
        parse(&SourceFile::new("facts.toml", text), &mut HashMap::new())
    }

    #[test]
    fn people_and_names() {
        let facts = parse_text(
            "[[person]]\nname = \"Liang Wenshu\"\nsurname = \"Liang\"\nborn = \"1957-08-19\"\n\
             titles = [\"President\"]\n\n[[name]]\nname = \"Corvane\"\nwrong = [\"Corvaine\"]\n",
        )
        .unwrap();
        assert_eq!(facts[0].surname, "Liang");
        assert_eq!(facts[0].born.unwrap().to_string(), "1957-08-19");
        assert_eq!(&*facts[0].source, "facts.toml:2");
        assert!(!facts[1].is_person && facts[1].wrong == ["Corvaine"]);
    }

    #[test]
    fn mistakes_point_into_the_file() {
        let errors = parse_text("[[person]]\nname = \"A B\"\nborn = \"1957-02-30\"\n").unwrap_err();
        assert_eq!(errors[0].location().unwrap().1, 3);
        let errors = parse_text("[[person]]\nname = \"A B\"\nborne = \"x\"\n").unwrap_err();
        assert!(
            errors[0].message.contains("unknown field"),
            "{}",
            errors[0].message
        );
        let errors =
            parse_text("[[name]]\nname = \"Kyiv\"\n[[name]]\nname = \"Kyiv\"\n").unwrap_err();
        assert_eq!(errors[0].location().unwrap().1, 4);
        assert!(errors[0].notes[0].contains("facts.toml:2"));
        let errors = parse_text("[[person]]\nname = 7\n").unwrap_err();
        assert_eq!(errors[0].location().unwrap().1, 2);
    }
}

//! Scopes: the parts of an article a rule looks at, named in TOML (`scope = "body"`).

use std::fmt;

/// Where a rule looks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The whole file as written, markup and front matter included.
    Text,
    /// All prose: headline, dek, subheadings and body.
    Prose,
    /// The headline (front matter `title`, first `# ` heading, or the plain-text headline).
    Headline,
    /// The dek under the headline.
    Dek,
    /// Body paragraphs, one unit for the whole body block by block.
    Body,
    /// Body paragraphs, each a unit (for `max-length`).
    Paragraph,
    /// The first body paragraph, the lead ("a dateline in the first paragraph").
    Lead,
    /// Sentences of the dek and body, each a unit.
    Sentence,
    /// Direct quotations in the prose, marks included.
    Quote,
    /// Prose outside direct quotations: where a usage rule may rewrite words, since no
    /// one said them.
    OutsideQuote,
    /// Body paragraphs outside direct quotations (headlines keep their own style).
    BodyOutsideQuote,
    /// Photo credit lines.
    Credit,
    /// The date line.
    DateLine,
    /// The value of one front matter key.
    Metadata(String),
}

/// Every scope name, for error messages and the schema.
pub const SCOPE_NAMES: &[&str] = &[
    "text",
    "prose",
    "headline",
    "dek",
    "body",
    "paragraph",
    "lead",
    "sentence",
    "quote",
    "outside-quote",
    "body-outside-quote",
    "credit",
    "date-line",
    "metadata.<key>",
];

impl Scope {
    /// Read a scope name as written in TOML.
    pub fn parse(name: &str) -> Option<Scope> {
        Some(match name {
            "text" => Scope::Text,
            "prose" => Scope::Prose,
            "headline" => Scope::Headline,
            "dek" => Scope::Dek,
            "body" => Scope::Body,
            "paragraph" => Scope::Paragraph,
            "lead" => Scope::Lead,
            "sentence" => Scope::Sentence,
            "quote" => Scope::Quote,
            "outside-quote" => Scope::OutsideQuote,
            "body-outside-quote" => Scope::BodyOutsideQuote,
            "credit" => Scope::Credit,
            "date-line" => Scope::DateLine,
            _ => {
                let key = name.strip_prefix("metadata.")?;
                if key.is_empty() {
                    return None;
                }
                Scope::Metadata(key.to_string())
            }
        })
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self {
            Scope::Text => "text",
            Scope::Prose => "prose",
            Scope::Headline => "headline",
            Scope::Dek => "dek",
            Scope::Body => "body",
            Scope::Paragraph => "paragraph",
            Scope::Lead => "lead",
            Scope::Sentence => "sentence",
            Scope::Quote => "quote",
            Scope::OutsideQuote => "outside-quote",
            Scope::BodyOutsideQuote => "body-outside-quote",
            Scope::Credit => "credit",
            Scope::DateLine => "date-line",
            Scope::Metadata(key) => return write!(f, "metadata.{key}"),
        };
        f.write_str(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_name_parses_and_prints_back() {
        for name in SCOPE_NAMES {
            let name = name.replace("<key>", "byline");
            let scope = Scope::parse(&name).unwrap();
            assert_eq!(scope.to_string(), name);
        }
        assert_eq!(Scope::parse("metadata."), None);
        assert_eq!(Scope::parse("bodies"), None);
    }
}

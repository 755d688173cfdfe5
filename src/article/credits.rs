//! Credit lines: a line that opens with a credit label (`Photo:`, `Photograph by`, a
//! house's own `Foto:`) and what follows it. The labels are not the parser's: each rule
//! pack declares its own in `[pack] credit_labels`, and an article is read with the labels
//! of every pack loaded. The default (for a document parsed without settings) is the
//! built-in `news` pack's list.

use std::sync::{Arc, OnceLock};

use regex::Regex;

/// The labels that open a credit line, compiled into one pattern.
#[derive(Clone, Debug, Default)]
pub struct CreditLabels {
    /// A pack's own labels, or `None` for the built-in `news` pack's, which are compiled
    /// once per process when first read: a config builds its default before the packs
    /// replace it, and parsing the news pack for it cost as much as linting an article.
    own: Option<Arc<Compiled>>,
}

#[derive(Debug)]
struct Compiled {
    labels: Vec<String>,
    pattern: Regex,
}

impl CreditLabels {
    /// Labels as a pack writes them (`"photo credit"`, `"Foto"`); case does not matter, a
    /// space stands for any run of spaces. After the label comes `:` or ` by`.
    pub fn new<S: AsRef<str>>(labels: impl IntoIterator<Item = S>) -> Self {
        Self {
            own: Some(Arc::new(Compiled::new(labels))),
        }
    }

    fn compiled(&self) -> &Compiled {
        static NEWS: OnceLock<Compiled> = OnceLock::new();
        match &self.own {
            Some(own) => own,
            None => NEWS.get_or_init(|| Compiled::new(crate::rules::builtin_credit_labels("news"))),
        }
    }

    /// The labels, sorted.
    pub fn labels(&self) -> &[String] {
        &self.compiled().labels
    }

    /// What follows the label when `line` is a credit line (empty for a label left blank).
    pub fn value<'l>(&self, line: &'l str) -> Option<&'l str> {
        self.compiled()
            .pattern
            .captures(line)
            .map(|c| c.get(1).map_or("", |m| m.as_str()))
    }

    /// Whether every line of `text` is a credit line.
    pub fn all_lines(&self, text: &str, trim: bool) -> bool {
        // `is_match`, not `value`: whether the pattern matches needs no captures, and
        // every body paragraph of an article is asked.
        let pattern = &self.compiled().pattern;
        text.lines()
            .all(|line| pattern.is_match(if trim { line.trim() } else { line }))
    }
}

impl Compiled {
    fn new<S: AsRef<str>>(labels: impl IntoIterator<Item = S>) -> Self {
        let mut labels: Vec<String> = labels
            .into_iter()
            .map(|l| l.as_ref().split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|l| !l.is_empty())
            .collect();
        labels.sort();
        labels.dedup();
        // The longest first, so "photo credit" is read as one label, not "photo" + "credit".
        let mut ordered = labels.clone();
        ordered.sort_by_key(|l| std::cmp::Reverse(l.len()));
        let alternatives: Vec<String> = ordered
            .iter()
            .map(|l| {
                l.split(' ')
                    .map(regex::escape)
                    .collect::<Vec<_>>()
                    .join(r"\s+")
            })
            .collect();
        let pattern = if alternatives.is_empty() {
            // No label: no line is a credit line.
            r"[^\s\S]".to_string()
        } else {
            format!(
                r"(?i)^\s*(?:{})(?:\s*:|\s+by\b)[ \t]*(.*?)\s*$",
                alternatives.join("|")
            )
        };
        let pattern = Regex::new(&pattern).expect("escaped labels compile");
        Self { labels, pattern }
    }
}

/// A credit line's value under the built-in `news` pack's labels.
pub fn credit_value(line: &str) -> Option<&str> {
    CreditLabels::default().value(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_news_labels() {
        assert_eq!(credit_value("Photo: Reuters"), Some("Reuters"));
        assert_eq!(credit_value("photograph by Ann Lee"), Some("Ann Lee"));
        assert_eq!(credit_value("Photos: A/B"), Some("A/B"));
        assert_eq!(credit_value("Photo credit: X"), Some("X"));
        assert_eq!(credit_value("Photo  credit : X"), Some("X"));
        assert_eq!(credit_value("Image: X"), Some("X"));
        assert_eq!(credit_value("Picture by Y"), Some("Y"));
        assert_eq!(credit_value("Photo:"), Some(""));
        assert_eq!(credit_value("Photographers gathered outside."), None);
        assert_eq!(credit_value("Foto: Ana Paz"), None);
    }

    #[test]
    fn a_house_label() {
        let labels = CreditLabels::new(["Foto", "photo", "Bild nachweis"]);
        assert_eq!(labels.value("Foto: Ana Paz"), Some("Ana Paz"));
        assert_eq!(labels.value("foto by Ana Paz"), Some("Ana Paz"));
        assert_eq!(labels.value("Bild  Nachweis: dpa"), Some("dpa"));
        assert_eq!(labels.value("Fotograf: x"), None);
        assert_eq!(labels.value("Image: X"), None);
        let none = CreditLabels::new(Vec::<String>::new());
        assert_eq!(none.value("Photo: X"), None);
    }
}

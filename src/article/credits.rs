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
    /// The ASCII letters (lower-cased) a label begins with, when every label begins with
    /// one: a line whose first letter is another ASCII one is no credit line, and is told
    /// so without running the pattern. (A line opening with a non-ASCII letter still runs
    /// it: under `(?i)` the Kelvin sign is a `k`.)
    first_letters: Option<[bool; 128]>,
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
        // The first letter of the text opens its first line, or else that line is blank
        // and no credit line: either way it settles most paragraphs before any line
        // break is searched for.
        let compiled = self.compiled();
        compiled.may_open(text)
            && text.lines().all(|line| {
                let line = if trim { line.trim() } else { line };
                compiled.may_open(line) && compiled.pattern.is_match(line)
            })
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
        let mut first_letters = Some([false; 128]);
        for label in &labels {
            match (label.as_bytes()[0], &mut first_letters) {
                (b, Some(set)) if b.is_ascii_alphabetic() => {
                    set[usize::from(b.to_ascii_lowercase())] = true;
                }
                _ => first_letters = None,
            }
        }
        Self {
            labels,
            pattern,
            first_letters,
        }
    }

    /// False when the first letter of `line` shows no label can open it (see
    /// `first_letters`); true when the pattern must decide.
    fn may_open(&self, line: &str) -> bool {
        let Some(set) = &self.first_letters else {
            return true;
        };
        match line.trim_start().bytes().next() {
            Some(b) if b.is_ascii() => set[usize::from(b.to_ascii_lowercase())],
            // Empty, or non-ASCII: the pattern decides.
            _ => true,
        }
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
    fn lines_told_by_their_first_letter_agree_with_the_pattern() {
        let labels = CreditLabels::default();
        for line in [
            "Photo: X",
            "  photo: X",
            "PHOTO by Y",
            "Image: Z",
            "The end.",
            "",
            " ",
            "\u{212a}",
            "9 photos",
            "“Photo: X”",
            "Pictures: A",
            "\tPicture by B",
            "Xphoto: Y",
            "\n  Photo: X",
            "  \nPhoto: X",
            "Photo: X\nThe end.",
            "Photo: X\nImage: Y",
            "\n\nThe end.",
        ] {
            assert_eq!(
                labels.all_lines(line, false),
                line.lines().all(|l| labels.value(l).is_some()),
                "{line:?}"
            );
        }
        // A label that opens with a Kelvin sign's letter: the sign still opens it.
        let kelvin = CreditLabels::new(["kredit"]);
        assert!(kelvin.all_lines("\u{212a}redit: Ana", false));
        assert!(!kelvin.all_lines("Photo: Ana", false));
        // A label that opens with no ASCII letter: the pattern decides every line.
        let foto = CreditLabels::new(["Ömer"]);
        assert!(foto.compiled().first_letters.is_none());
        assert!(foto.all_lines("ömer: Ana", false));
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

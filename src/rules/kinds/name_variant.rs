//! `kind = "name-variant"`: one name spelled two ways in one article (FACTS.md). The
//! minority spelling's occurrences are flagged, with the majority spelling as an unsafe fix;
//! on a tie the later spelling is flagged and no fix is offered.

use std::collections::HashMap;

use super::{CompileContext, SpecError};
use crate::facts::names::{CapWord, Possessive, fold_letter};
use crate::facts::spelling::is_variant;
use crate::lint::Context;
use crate::rules::Finding;

/// Options of the kind.
pub const OPTIONS: &[&str] = &["endings", "courtesy_titles", "min_letters"];

/// A compiled name-variant rule.
#[derive(Debug)]
pub struct NameVariant {
    pub(crate) names: NameOptions,
}

/// What the name checks share: derivation endings, courtesy titles, the shortest name.
#[derive(Debug, Clone)]
pub struct NameOptions {
    /// Endings that make a derivation, not a misspelling (`n`: Bolivia / Bolivian).
    pub endings: Vec<String>,
    /// Words that are never a neighbour (`Mr`, `Dr`).
    pub courtesy_titles: Vec<String>,
    /// The fewest letters of a name word.
    pub min_letters: usize,
}

impl NameOptions {
    /// Read the shared options, with FACTS.md's defaults.
    pub fn compile(ctx: &CompileContext) -> Result<Self, SpecError> {
        let spec = ctx.spec;
        let list = super::list_or;
        let min_letters = spec.min_letters.as_ref().map_or(4, |m| *m.get_ref());
        if min_letters < 2 {
            let span = spec.min_letters.as_ref().map(|m| m.span()).unwrap_or(0..0);
            return Err(SpecError::field(
                "min_letters",
                span,
                "`min_letters` must be at least 2",
            ));
        }
        Ok(Self {
            endings: list(
                &spec.endings,
                &[
                    "s", "es", "e", "n", "an", "ans", "ian", "ians", "ese", "ish", "i", "is", "er",
                    "ers",
                ],
            )
            .into_iter()
            .map(|e| e.to_lowercase())
            .collect(),
            courtesy_titles: list(
                &spec.courtesy_titles,
                &["Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Lord", "Lady"],
            ),
            min_letters,
        })
    }

    /// Whether a capitalised word can be a name word for the checks: long enough, not in
    /// capitals, not a dictionary word.
    pub fn is_name_word(&self, ctx: &Context, word: &CapWord) -> bool {
        !word.all_caps
            && word.letters() >= self.min_letters
            && !ctx.facts().dictionary().contains(word.text)
    }

    fn is_courtesy(&self, word: &str) -> bool {
        self.courtesy_titles.iter().any(|t| t == word)
    }
}

/// One spelling of the article and where it stands.
struct Spelling<'a> {
    /// The key: the word, or the word as written for a misplaced apostrophe.
    key: String,
    /// For a misplaced apostrophe: the spelling it belongs to.
    partner: Option<&'a str>,
    /// Indices into the document's capitalised words.
    occurrences: Vec<usize>,
}

impl NameVariant {
    /// Compile from the rule's options.
    pub fn compile(ctx: &CompileContext) -> Result<Self, SpecError> {
        Ok(Self {
            names: NameOptions::compile(ctx)?,
        })
    }

    /// Flag the minority spelling of each pair of variants.
    pub fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let words = ctx.cap_words();
        let spellings = self.spellings(ctx, words);
        if spellings.len() < 2 {
            return;
        }
        let runs = run_ids(words);
        let neighbours: Vec<Vec<&str>> = spellings
            .iter()
            .map(|s| self.neighbours(words, &s.occurrences))
            .collect();
        // For each flagged occurrence: (majority count, spelling index, majority index).
        let mut flagged: HashMap<usize, (usize, usize, usize, bool)> = HashMap::new();
        for a in 0..spellings.len() {
            for b in a + 1..spellings.len() {
                let (sa, sb) = (&spellings[a], &spellings[b]);
                let related = match (sa.partner, sb.partner) {
                    (Some(p), None) => p == sb.key,
                    (None, Some(p)) => p == sa.key,
                    (None, None) => is_variant(&sa.key, &sb.key, &self.names.endings),
                    (Some(_), Some(_)) => false,
                };
                if !related
                    || same_run(&runs, sa, sb)
                    || two_people(&neighbours[a], &neighbours[b])
                    || (listed(words, sa) && listed(words, sb))
                {
                    continue;
                }
                let (na, nb) = (sa.occurrences.len(), sb.occurrences.len());
                let (minor, major, tie) = match na.cmp(&nb) {
                    std::cmp::Ordering::Less => (a, b, false),
                    std::cmp::Ordering::Greater => (b, a, false),
                    std::cmp::Ordering::Equal => {
                        // The later spelling is flagged.
                        (b, a, true)
                    }
                };
                let major_count = spellings[major].occurrences.len();
                for &occurrence in &spellings[minor].occurrences {
                    let entry = flagged.entry(occurrence).or_insert((0, minor, major, tie));
                    if major_count > entry.0 {
                        *entry = (major_count, minor, major, tie);
                    }
                }
            }
        }
        let mut flagged: Vec<_> = flagged.into_iter().collect();
        flagged.sort_by_key(|(occurrence, _)| *occurrence);
        for (occurrence, (_, minor, major, tie)) in flagged {
            let word = &words[occurrence];
            let (minor, major) = (&spellings[minor], &spellings[major]);
            let shown = |s: &Spelling| s.key.clone();
            let times = |n: usize| {
                if n == 1 {
                    "once".to_string()
                } else {
                    format!("{n} times")
                }
            };
            let (help, fix) = if tie {
                let line_of = |s: &Spelling| ctx.line_of(words[s.occurrences[0]].span.start);
                (
                    format!(
                        "\"{}\" (line {}) and \"{}\" (line {}) appear {} each: check which is right",
                        shown(major),
                        line_of(major),
                        shown(minor),
                        line_of(minor),
                        times(major.occurrences.len())
                    ),
                    None,
                )
            } else {
                let (span, replacement) = match minor.partner {
                    Some(_) => {
                        let apostrophe = if ctx.doc().source()[word.written.clone()].contains('’')
                        {
                            '’'
                        } else {
                            '\''
                        };
                        (word.written.clone(), format!("{}{apostrophe}s", major.key))
                    }
                    None => (word.span.clone(), major.key.clone()),
                };
                (
                    format!(
                        "the article writes \"{}\" {} and \"{}\" {}",
                        shown(major),
                        times(major.occurrences.len()),
                        shown(minor),
                        times(minor.occurrences.len())
                    ),
                    Some((span, replacement)),
                )
            };
            out.push(Finding {
                span: if minor.partner.is_some() {
                    word.written.clone()
                } else {
                    word.span.clone()
                },
                suggestion: Some(major.key.clone()),
                detail: Some(format!(
                    "\"{}\" is spelled \"{}\" elsewhere in the article",
                    minor.key, major.key
                )),
                help: Some(help),
                fix,
            });
        }
    }

    /// The spellings that can be names, each with its occurrences, in source order.
    fn spellings<'a>(&self, ctx: &Context, words: &'a [CapWord<'a>]) -> Vec<Spelling<'a>> {
        let mut bare: HashMap<&str, usize> = HashMap::new();
        for w in words.iter().filter(|w| w.possessive == Possessive::None) {
            *bare.entry(w.text).or_default() += 1;
        }
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut spellings: Vec<Spelling<'a>> = Vec::new();
        let mut is_name: HashMap<&str, bool> = HashMap::new();
        for (i, word) in words.iter().enumerate() {
            if !*is_name
                .entry(word.text)
                .or_insert_with(|| self.names.is_name_word(ctx, word))
            {
                continue;
            }
            // A misplaced apostrophe: `Ebber's` beside `Ebbers`, `Cotterills'` beside `Cotterill`.
            let partner = match word.possessive {
                _ if bare.contains_key(word.text) => None,
                Possessive::ApostropheS => {
                    let with_s = format!("{}s", word.text);
                    bare.get_key_value(with_s.as_str()).map(|(k, _)| *k)
                }
                Possessive::Trailing => word
                    .text
                    .strip_suffix('s')
                    .and_then(|stem| bare.get_key_value(stem).map(|(k, _)| *k)),
                Possessive::None => None,
            };
            let key = match partner {
                Some(_) => ctx.doc().source()[word.written.clone()].replace('’', "'"),
                None => word.text.to_string(),
            };
            let slot = *index.entry(key.clone()).or_insert_with(|| {
                spellings.push(Spelling {
                    key,
                    partner,
                    occurrences: Vec::new(),
                });
                spellings.len() - 1
            });
            spellings[slot].occurrences.push(i);
        }
        // Only spellings that share a first letter with another can pair.
        let mut initials: HashMap<char, usize> = HashMap::new();
        for s in &spellings {
            *initials.entry(initial(&s.key)).or_default() += 1;
        }
        spellings.retain(|s| initials[&initial(&s.key)] > 1);
        spellings
    }

    /// Capitalised words right before or after the occurrences, courtesy titles aside.
    fn neighbours<'a>(&self, words: &'a [CapWord<'a>], occurrences: &[usize]) -> Vec<&'a str> {
        let mut found = Vec::new();
        for &i in occurrences {
            if words[i].linked_prev && i > 0 {
                found.push(words[i - 1].text);
            }
            if let Some(next) = words.get(i + 1).filter(|n| n.linked_prev) {
                found.push(next.text);
            }
        }
        found.retain(|w| !self.names.is_courtesy(w));
        found
    }
}

fn initial(word: &str) -> char {
    word.chars().next().map_or(' ', fold_letter)
}

/// A run id for each word: words linked to the one before share it.
fn run_ids(words: &[CapWord]) -> Vec<usize> {
    let mut id = 0;
    words
        .iter()
        .map(|w| {
            if !w.linked_prev {
                id += 1;
            }
            id
        })
        .collect()
}

fn same_run(runs: &[usize], a: &Spelling, b: &Spelling) -> bool {
    a.occurrences
        .iter()
        .any(|&i| b.occurrences.iter().any(|&j| runs[i] == runs[j]))
}

/// A spelling with an occurrence in a list of names. Two spellings that both stand in such
/// lists are two people: a team sheet names each player once (`Horgan` and `Horan` are two
/// Ireland players).
fn listed(words: &[CapWord], spelling: &Spelling) -> bool {
    spelling.occurrences.iter().any(|&i| words[i].in_list)
}

/// Two people: each spelling has a neighbour, and they share none.
fn two_people(a: &[&str], b: &[&str]) -> bool {
    !a.is_empty() && !b.is_empty() && !a.iter().any(|w| b.contains(w))
}

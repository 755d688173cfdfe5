//! `kind = "name-variant"`: one name spelled two ways in one article (FACTS.md). The
//! minority spelling's occurrences are flagged, with the majority spelling as an unsafe fix;
//! on a tie the later spelling is flagged and no fix is offered.

use std::borrow::Cow;

use super::{CompileContext, SpecError};
use crate::facts::names::{CapWord, Possessive, fold_letter};
use crate::facts::spelling::is_variant;
use crate::facts::variant_candidates::{LetterSet, paired_candidates};
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
    key: Cow<'a, str>,
    /// For a misplaced apostrophe: the spelling it belongs to.
    partner: Option<&'a str>,
    /// Indices into the document's capitalised words, in source order.
    occurrences: Cow<'a, [usize]>,
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
        // Candidate words (long enough, not in capitals) sorted by spelling, then position.
        // Sorted on the first eight bytes as a number first: most comparisons end there, and
        // that order agrees with the order of the spellings.
        let min_letters = self.names.min_letters;
        // Each as one number, the prefix above the position, so that a sort of plain
        // numbers puts them in order.
        // Only the words whose spelling some other could pair with at all (most have none).
        let candidates = paired_candidates(words, |word| {
            !word.all_caps && word.text.len() >= min_letters && word.letters() >= min_letters
        });
        let mut keyed: Vec<u128> = candidates
            .into_iter()
            .map(|i| u128::from(prefix_key(words[i].text)) << 64 | i as u128)
            .collect();
        let position = |k: u128| k as u64 as usize;
        // The numbers alone first; then, only where words that share those eight bytes
        // are spelled differently, by spelling (a spelling's own occurrences already
        // stand in order).
        keyed.sort_unstable();
        for run in keyed.chunk_by_mut(|x, y| x >> 64 == y >> 64) {
            let text = |k: u128| words[position(k)].text;
            if run.len() > 1
                && run.iter().any(|&k| text(k).len() > 8)
                && run.windows(2).any(|pair| text(pair[0]) != text(pair[1]))
            {
                run.sort_unstable_by(|&a, &b| text(a).cmp(text(b)).then(a.cmp(&b)));
            }
        }
        let order: Vec<usize> = keyed.into_iter().map(position).collect();
        let spellings = self.spellings(ctx, words, &order);
        if spellings.len() < 2 {
            return;
        }
        // Pairs first, on spelling alone (cheap, and rare); the dictionary, runs and
        // neighbours are consulted only for the spellings of a pair.
        // Bucketed by first letter and length, so only spellings that could be one edit
        // or two apart are compared.
        let mut by_shape: Vec<(char, usize, usize)> = spellings
            .iter()
            .enumerate()
            .map(|(i, s)| (initial(&s.key), char_count(&s.key), i))
            .collect();
        by_shape.sort_unstable();
        let letter_sets: Vec<LetterSet> = spellings.iter().map(|s| LetterSet::of(&s.key)).collect();
        let mut pairs = Vec::new();
        for (k, &(letter, len, a)) in by_shape.iter().enumerate() {
            for &(other_letter, other_len, b) in &by_shape[k + 1..] {
                if other_letter != letter || other_len > len + 2 {
                    break;
                }
                let (a, b) = (a.min(b), a.max(b));
                let (sa, sb) = (&spellings[a], &spellings[b]);
                let related = match (sa.partner, sb.partner) {
                    (Some(p), None) => p == sb.key.as_ref(),
                    (None, Some(p)) => p == sa.key.as_ref(),
                    (None, None) => {
                        letter_sets[a].could_be_within(letter_sets[b], len.min(other_len))
                            && is_variant(&sa.key, &sb.key, &self.names.endings)
                    }
                    (Some(_), Some(_)) => false,
                };
                if related {
                    pairs.push((a, b));
                }
            }
        }
        pairs.sort_unstable();
        if pairs.is_empty() {
            return;
        }
        let dictionary = ctx.facts().dictionary();
        let is_word = |s: &Spelling| dictionary.contains(words[s.occurrences[0]].text);
        let runs = run_ids(words);
        // For each flagged occurrence: (majority count, minority, majority, tie).
        let mut flagged: Vec<(usize, (usize, usize, usize, bool))> = Vec::new();
        for (a, b) in pairs {
            let (sa, sb) = (&spellings[a], &spellings[b]);
            if is_word(sa)
                || is_word(sb)
                || same_run(&runs, sa, sb)
                || two_people(
                    &self.neighbours(words, &sa.occurrences),
                    &self.neighbours(words, &sb.occurrences),
                )
                || (listed(words, sa) && listed(words, sb))
            {
                continue;
            }
            let (na, nb) = (sa.occurrences.len(), sb.occurrences.len());
            // Spellings are in order of first appearance: on a tie the later is flagged.
            let (minor, major, tie) = match na.cmp(&nb) {
                std::cmp::Ordering::Less => (a, b, false),
                std::cmp::Ordering::Greater => (b, a, false),
                std::cmp::Ordering::Equal => (b, a, true),
            };
            let major_count = spellings[major].occurrences.len();
            for &occurrence in spellings[minor].occurrences.iter() {
                match flagged.iter_mut().find(|(o, _)| *o == occurrence) {
                    Some((_, entry)) if major_count > entry.0 => {
                        *entry = (major_count, minor, major, tie)
                    }
                    Some(_) => {}
                    None => flagged.push((occurrence, (major_count, minor, major, tie))),
                }
            }
        }
        flagged.sort_by_key(|(occurrence, _)| *occurrence);
        for (occurrence, (_, minor, major, tie)) in flagged {
            let word = &words[occurrence];
            let (minor, major) = (&spellings[minor], &spellings[major]);
            let shown = |s: &Spelling| s.key.to_string();
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
                    None => (word.span.clone(), major.key.to_string()),
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
                suggestion: Some(major.key.to_string()),
                detail: Some(format!(
                    "\"{}\" is spelled \"{}\" elsewhere in the article",
                    minor.key, major.key
                )),
                help: Some(help),
                fix,
            });
        }
    }

    /// The spellings of the candidate words (`order`: sorted by spelling, then position),
    /// each with its occurrences, in order of first appearance. Grouped by sorting, not
    /// hashing, and borrowed, not copied: an article has a few hundred capitalised words.
    fn spellings<'a, 'w: 'a>(
        &self,
        ctx: &Context,
        words: &'w [CapWord<'w>],
        order: &'a [usize],
    ) -> Vec<Spelling<'a>> {
        let groups: Vec<&'a [usize]> = order
            .chunk_by(|&a, &b| words[a].text == words[b].text)
            .collect();
        let bare = |text: &str| -> Option<&'a str> {
            let found = groups
                .binary_search_by(|g| words[g[0]].text.cmp(text))
                .ok()?;
            let group = groups[found];
            group
                .iter()
                .any(|&i| words[i].possessive == Possessive::None)
                .then(|| words[group[0]].text)
        };
        let mut spellings: Vec<Spelling<'a>> = Vec::with_capacity(groups.len());
        for &group in &groups {
            let text = words[group[0]].text;
            // A misplaced apostrophe: `Ebber's` beside `Ebbers`, `Cotterills'` beside
            // `Cotterill`, where the stem never stands alone.
            let partner_of = |i: usize| match words[i].possessive {
                Possessive::ApostropheS => bare(&format!("{text}s")),
                Possessive::Trailing => text.strip_suffix('s').and_then(bare),
                Possessive::None => None,
            };
            // `bare(text)` of this very group: whether the stem also stands alone.
            let stands_alone = group
                .iter()
                .any(|&i| words[i].possessive == Possessive::None);
            if stands_alone || !group.iter().any(|&i| partner_of(i).is_some()) {
                spellings.push(Spelling {
                    key: Cow::Borrowed(text),
                    partner: None,
                    occurrences: Cow::Borrowed(group),
                });
                continue;
            }
            let mut plain = Vec::new();
            for &i in group {
                let Some(partner) = partner_of(i) else {
                    plain.push(i);
                    continue;
                };
                let key = ctx.doc().source()[words[i].written.clone()].replace('’', "'");
                match spellings.iter_mut().find(|s| s.key == key) {
                    Some(s) => s.occurrences.to_mut().push(i),
                    None => spellings.push(Spelling {
                        key: Cow::Owned(key),
                        partner: Some(partner),
                        occurrences: Cow::Owned(vec![i]),
                    }),
                }
            }
            if !plain.is_empty() {
                spellings.push(Spelling {
                    key: Cow::Borrowed(text),
                    partner: None,
                    occurrences: Cow::Owned(plain),
                });
            }
        }
        spellings.sort_unstable_by_key(|s| s.occurrences[0]);
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

/// The first eight bytes of a word as a big-endian number (zeros after a shorter word):
/// ordered as the words are, up to words that share those bytes.
fn prefix_key(word: &str) -> u64 {
    let bytes = word.as_bytes();
    match bytes.first_chunk::<8>() {
        Some(head) => u64::from_be_bytes(*head),
        // Shorter: its bytes high, zeros after (without a copy of a length unknown).
        None if bytes.is_empty() => 0,
        None => {
            let value = bytes.iter().fold(0u64, |key, &b| key << 8 | u64::from(b));
            value << (8 * (8 - bytes.len()))
        }
    }
}

/// Characters in a short string: its bytes that do not continue a character.
fn char_count(word: &str) -> usize {
    word.bytes().filter(|b| b & 0xC0 != 0x80).count()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_keys_order_as_the_words_do() {
        let mut words = [
            "Barrionuevo",
            "Barrioneuvo",
            "Barr",
            "Barrio",
            "Zed",
            "Abbot",
            "Barrionuevos",
            "Ó Súilleabháin",
        ];
        let mut by_key = words;
        words.sort_unstable();
        by_key.sort_by(|a, b| prefix_key(a).cmp(&prefix_key(b)).then(a.cmp(b)));
        assert_eq!(words, by_key);
    }

    #[test]
    fn letter_sets_never_rule_out_a_variant() {
        let endings: Vec<String> = ["s", "n", "an"].iter().map(|e| e.to_string()).collect();
        let names = [
            "Khodorkovsky", "Khordokovsky", "Barrionuevo", "Barrioneuvo", "Smith", "Smyth",
            "SMITH", "Tarvenko", "Tarvenka", "Ebbers", "Ebber's", "Velmoria", "Velmorian",
            "Zoë", "Zoe", "Ahlberg", "Ahlborg", "Abbot", "Abbott",
        ];
        for a in names {
            for b in names {
                let letters = a.chars().count().min(b.chars().count());
                if is_variant(a, b, &endings) {
                    assert!(LetterSet::of(a).could_be_within(LetterSet::of(b), letters), "{a} {b}");
                }
            }
        }
        assert!(!LetterSet::of("Ahlberg").could_be_within(LetterSet::of("Amqurst"), 7));
    }
}

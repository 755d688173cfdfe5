//! What the newsroom knows, for the fact checks: the facts files (`[[person]]`, `[[name]]`)
//! and the word list that tells a name from an English word. Loaded from text, once per run;
//! the fact-sheet rules draw nothing when no facts file is named.

pub mod ages;
pub mod dictionary;
pub mod file;
pub mod names;
pub mod people;
pub mod spelling;
pub mod variant_candidates;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};

pub use dictionary::Dictionary;
pub use file::Fact;

use crate::error::{ConfigError, SourceFile};

/// The facts and word list a run checks against.
#[derive(Debug, Default)]
pub struct Facts {
    facts: Vec<Fact>,
    dictionary: Dictionary,
    /// Every word of every fact's spellings.
    fact_words: HashSet<String>,
    /// The `wrong` spellings, each with the index of its fact.
    wrong: Option<(AhoCorasick, Vec<usize>)>,
    /// Full spellings and surnames, each with its fact and whether it is a full spelling.
    mentions: Option<(AhoCorasick, Vec<(usize, bool)>)>,
    /// Each word of each fact's spellings: (word, fact, is a given name of a person).
    words: Vec<(String, usize, bool)>,
}

impl Facts {
    /// Facts from facts files and house word lists (one word a line), all read already.
    pub fn load(files: &[SourceFile], word_lists: &[SourceFile]) -> Result<Self, Vec<ConfigError>> {
        let mut seen = HashMap::new();
        let mut facts = Vec::new();
        let mut errors = Vec::new();
        for file in files {
            match file::parse(file, &mut seen) {
                Ok(mut more) => facts.append(&mut more),
                Err(mut errs) => errors.append(&mut errs),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut dictionary = Dictionary::default();
        for list in word_lists {
            dictionary.add_list(&list.text);
        }
        Ok(Self::new(facts, dictionary))
    }

    /// Facts and a word list, compiled.
    pub fn new(facts: Vec<Fact>, dictionary: Dictionary) -> Self {
        let fact_words = facts
            .iter()
            .flat_map(|f| {
                f.spellings()
                    .flat_map(str::split_whitespace)
                    .map(str::to_string)
            })
            .collect();
        let mut patterns = Vec::new();
        let mut owners = Vec::new();
        for (index, fact) in facts.iter().enumerate() {
            for wrong in fact.wrong.iter().filter(|w| !w.trim().is_empty()) {
                patterns.push(wrong.trim().to_string());
                owners.push(index);
            }
        }
        let wrong = automaton(&patterns).map(|a| (a, owners));
        let mut patterns = Vec::new();
        let mut owners = Vec::new();
        let mut words = Vec::new();
        for (index, fact) in facts.iter().enumerate() {
            for spelling in fact.spellings() {
                patterns.push(spelling.split_whitespace().collect::<Vec<_>>().join(" "));
                owners.push((index, true));
                for word in spelling.split_whitespace() {
                    let given = fact.is_person && word != fact.surname;
                    if !words.iter().any(|(w, f, _)| w == word && *f == index) {
                        words.push((word.to_string(), index, given));
                    }
                }
            }
            if fact.is_person && !fact.spellings().any(|s| s == fact.surname) {
                patterns.push(fact.surname.clone());
                owners.push((index, false));
            }
        }
        let mentions = automaton(&patterns).map(|a| (a, owners));
        Self {
            facts,
            dictionary,
            fact_words,
            wrong,
            mentions,
            words,
        }
    }

    /// Whether any fact is known (the fact-sheet rules run only then).
    pub fn is_empty(&self) -> bool {
        self.facts.is_empty()
    }

    /// The facts, in file order.
    pub fn facts(&self) -> &[Fact] {
        &self.facts
    }

    /// The word list.
    pub fn dictionary(&self) -> &Dictionary {
        &self.dictionary
    }

    /// Whether `word` is a word of some fact's name or aliases.
    pub fn is_fact_word(&self, word: &str) -> bool {
        self.fact_words.contains(word)
    }

    /// The automaton of full spellings and surnames, with each pattern's fact.
    pub fn mention_automaton(&self) -> Option<&(AhoCorasick, Vec<(usize, bool)>)> {
        self.mentions.as_ref()
    }

    /// Each word of each fact's spellings: (word, fact index, is a person's given name).
    pub fn words(&self) -> &[(String, usize, bool)] {
        &self.words
    }

    /// Whole-word occurrences of `wrong` spellings in `text`: (span in `text`, fact).
    pub fn wrong_spellings<'s>(
        &'s self,
        text: &'s str,
    ) -> impl Iterator<Item = (Range<usize>, &'s Fact)> + 's {
        self.wrong.iter().flat_map(move |(automaton, owners)| {
            automaton
                .find_iter(text)
                .filter(|m| crate::text::words::is_whole_word(text, m.range()))
                .map(move |m| (m.range(), &self.facts[owners[m.pattern().as_usize()]]))
        })
    }
}

/// A leftmost-longest automaton of literal patterns (a full name wins over its surname).
fn automaton(patterns: &[String]) -> Option<AhoCorasick> {
    (!patterns.is_empty()).then(|| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns)
            .expect("literal spellings build an automaton")
    })
}

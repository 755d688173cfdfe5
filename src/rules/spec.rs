//! The TOML shape of a rule pack, as written by a desk chief. Every field keeps its span so
//! that a mistake is reported where it stands in the file; unknown keys are errors.
//!
//! One flat table per rule holds the common fields and the options of every kind; the
//! kind's compiler ([`super::kinds`]) rejects options that do not belong to it.

use std::collections::BTreeMap;
use std::ops::Range;

use indexmap::IndexMap;
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{FixSafety, Severity};

/// A rule pack file: `[pack]` and `[[rule]]` tables.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackFile {
    /// Name and description of the pack.
    pub pack: Option<PackMeta>,
    /// The rules, in file order.
    #[serde(default)]
    #[schemars(with = "Vec<RuleSpec>")]
    pub rule: Vec<Spanned<RuleSpec>>,
}

/// The `[pack]` table.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackMeta {
    /// The pack's name, as used in `packs = [...]`.
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// What the pack is for.
    pub description: Option<String>,
    /// Named pieces of regex that the pack's patterns share, used as `(?&name)`: a list of
    /// months written once instead of in every rule that needs it.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, String>")]
    pub fragments: IndexMap<String, Spanned<String>>,
    /// Labels that open a credit line (`"photo"` reads `Photo: Agency/Name` and `Photo by
    /// Name`): an article is read with the labels of every pack loaded, so a house pack
    /// adds its own (`"Foto"`). Case does not matter; `:` or ` by` follows the label.
    #[serde(default)]
    pub credit_labels: Vec<String>,
}

pub use super::kinds::KindName;

/// One example of a rule: a `bad` text that must draw it, or a `good` one that must not.
#[derive(Clone, Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExampleSpec {
    /// Text that must draw the rule.
    #[schemars(with = "Option<String>")]
    pub bad: Option<Spanned<String>>,
    /// Text that must not draw the rule.
    #[schemars(with = "Option<String>")]
    pub good: Option<Spanned<String>>,
    /// For a `bad` example of a fixable rule: the text after `--fix`.
    pub fixed: Option<String>,
    /// For a `bad` example: the 1-based line where the finding must start.
    pub line: Option<usize>,
    /// A facts file (TOML text) the example is checked against, for the fact-sheet rules.
    #[schemars(with = "Option<String>")]
    pub facts: Option<Spanned<String>>,
}

/// One `[[rule]]` table, or a `[rules.<id>]` override in `newslint.toml` (which may not set
/// `id` or `kind`). Everything is optional here; the compiler says what is missing.
#[derive(Clone, Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    /// Unique id, kebab-case.
    #[schemars(with = "Option<String>")]
    pub id: Option<Spanned<String>>,
    /// Which kind of check the rule is.
    #[schemars(with = "Option<KindName>")]
    pub kind: Option<Spanned<KindName>>,
    /// `false` turns the rule off.
    #[schemars(with = "Option<bool>")]
    pub enabled: Option<Spanned<bool>>,
    /// `error`, `warning` or `info`.
    #[schemars(with = "Option<Severity>")]
    #[serde(default, deserialize_with = "severity")]
    pub severity: Option<Spanned<Severity>>,
    /// Where the rule looks (see [`super::Scope`]).
    #[schemars(with = "Option<String>")]
    pub scope: Option<Spanned<String>>,
    /// Message template; `{match}`, `{suggestion}` and `{detail}` are filled in.
    #[schemars(with = "Option<String>")]
    pub message: Option<Spanned<String>>,
    /// A help line under each finding (`{match}` and `{suggestion}` are filled in); by
    /// default one is made from the suggestion.
    #[schemars(with = "Option<String>")]
    pub help: Option<Spanned<String>>,
    /// Why the rule exists, shown by `newslint explain`.
    #[schemars(with = "Option<String>")]
    pub description: Option<Spanned<String>>,
    /// A link to the style guide entry.
    #[schemars(with = "Option<String>")]
    pub link: Option<Spanned<String>>,
    /// Bad and good examples; `newslint test` runs every one.
    #[schemars(with = "Option<Vec<ExampleSpec>>")]
    pub examples: Option<Vec<Spanned<ExampleSpec>>>,
    /// Whether the rule's fix is safe, unsafe, or not offered.
    #[schemars(with = "Option<FixSafety>")]
    #[serde(default, deserialize_with = "fix_safety")]
    pub fix: Option<Spanned<FixSafety>>,

    /// pattern, required: a regular expression (Rust `regex` syntax).
    #[schemars(with = "Option<String>")]
    pub pattern: Option<Spanned<String>>,
    /// pattern: a list of whole words or phrases.
    #[schemars(with = "Option<Vec<String>>")]
    pub words: Option<Spanned<Vec<String>>>,
    /// pattern, substitution: match without regard to case.
    #[schemars(with = "Option<bool>")]
    pub ignore_case: Option<Spanned<bool>>,
    /// pattern: text for `{suggestion}`.
    #[schemars(with = "Option<String>")]
    pub suggestion: Option<Spanned<String>>,
    /// pattern: a replacement (`$1`, `$name`) that makes a fix.
    #[schemars(with = "Option<String>")]
    pub replacement: Option<Spanned<String>>,
    /// substitution: bad → preferred, tried in the order written.
    #[schemars(with = "Option<BTreeMap<String, String>>")]
    pub swap: Option<Spanned<IndexMap<String, String>>>,
    /// substitution: the keys of `swap` are regular expressions.
    #[schemars(with = "Option<bool>")]
    pub regex: Option<Spanned<bool>>,
    /// required: front matter keys any one of which, non-empty, satisfies the rule.
    #[schemars(with = "Option<Vec<String>>")]
    pub metadata: Option<Spanned<Vec<String>>>,
    /// max-length: the most words allowed.
    #[schemars(with = "Option<usize>")]
    pub max: Option<Spanned<usize>>,
    /// repetition: words that may be doubled ("had had"). pattern, substitution: regexes
    /// of the contexts in which a match is no fault ("the stated aim"): a match that
    /// overlaps a match of any of them is skipped.
    #[schemars(with = "Option<Vec<String>>")]
    pub exceptions: Option<Spanned<Vec<String>>>,
    /// repetition: a capitalised pair inside a sentence is a name, not a slip.
    #[schemars(with = "Option<bool>")]
    pub allow_names: Option<Spanned<bool>>,
    /// stray-text: the most words of a trailing fragment.
    #[schemars(with = "Option<usize>")]
    pub max_words: Option<Spanned<usize>>,
    /// stray-text: the most characters of a one-line fragment inside the body.
    #[schemars(with = "Option<usize>")]
    pub max_chars: Option<Spanned<usize>>,
    /// quote-unattributed: speech and source verbs (lemmas; every inflection counts).
    #[schemars(with = "Option<Vec<String>>")]
    pub cue_verbs: Option<Spanned<Vec<String>>>,
    /// quote-unattributed: fixed phrases and source nouns that attribute ("according to",
    /// "statement", "spokesman").
    #[schemars(with = "Option<Vec<String>>")]
    pub cue_phrases: Option<Spanned<Vec<String>>>,
    /// quote-unattributed: words that introduce a gloss, name or title.
    #[schemars(with = "Option<Vec<String>>")]
    pub gloss_words: Option<Spanned<Vec<String>>>,
    /// quote-unattributed: quotations shorter than this are exempt.
    #[schemars(with = "Option<usize>")]
    pub min_words: Option<Spanned<usize>>,
    /// quote-unattributed: partial quotations shorter than this are exempt.
    #[schemars(with = "Option<usize>")]
    pub partial_max_words: Option<Spanned<usize>>,
    /// date kinds: the date forms the house accepts.
    #[schemars(with = "Option<Vec<String>>")]
    pub accepted: Option<Spanned<Vec<String>>>,
    /// date-format: the form offered as a fix.
    #[schemars(with = "Option<String>")]
    pub preferred: Option<Spanned<String>>,
    /// name-variant, fact-name: endings that make a derivation, not a misspelling.
    #[schemars(with = "Option<Vec<String>>")]
    pub endings: Option<Spanned<Vec<String>>>,
    /// name-variant, age kinds: words that are never a neighbouring name (`Mr`, `Dr`).
    #[schemars(with = "Option<Vec<String>>")]
    pub courtesy_titles: Option<Spanned<Vec<String>>>,
    /// name-variant, fact-name: the fewest letters of a name word.
    #[schemars(with = "Option<usize>")]
    pub min_letters: Option<Spanned<usize>>,
    /// headline-quote-unsupported: also check single-marked passages.
    #[schemars(with = "Option<bool>")]
    pub single_quotes: Option<Spanned<bool>>,
    /// fact-title: the words a title is made of.
    #[schemars(with = "Option<Vec<String>>")]
    pub title_words: Option<Spanned<Vec<String>>>,
    /// fact-title: words before a title that make it a former one (`former`, `ex`, `then`).
    #[schemars(with = "Option<Vec<String>>")]
    pub former_words: Option<Spanned<Vec<String>>>,
    /// age kinds: this many `Name (NN)` in one paragraph make a list, not ages.
    #[schemars(with = "Option<usize>")]
    pub list_items: Option<Spanned<usize>>,
}

macro_rules! option_fields {
    ($($field:ident),* $(,)?) => {
        /// Names of the kind-specific options that are set, with their spans.
        pub fn options_set(&self) -> Vec<(&'static str, Range<usize>)> {
            let mut set = Vec::new();
            $(
                if let Some(value) = &self.$field {
                    set.push((stringify!($field), value.span()));
                }
            )*
            set
        }

        /// Copy every field that `over` sets onto `self` (a config override on a pack rule).
        pub fn merge_from(&mut self, over: &RuleSpec) {
            $(
                if over.$field.is_some() {
                    self.$field = over.$field.clone();
                }
            )*
            for_common_fields!(self, over);
        }
    };
}

macro_rules! for_common_fields {
    ($this:ident, $over:ident) => {
        if $over.enabled.is_some() {
            $this.enabled = $over.enabled.clone();
        }
        if $over.severity.is_some() {
            $this.severity = $over.severity.clone();
        }
        if $over.scope.is_some() {
            $this.scope = $over.scope.clone();
        }
        if $over.message.is_some() {
            $this.message = $over.message.clone();
        }
        if $over.fix.is_some() {
            $this.fix = $over.fix.clone();
        }
        if $over.help.is_some() {
            $this.help = $over.help.clone();
        }
        if $over.description.is_some() {
            $this.description = $over.description.clone();
        }
        if $over.link.is_some() {
            $this.link = $over.link.clone();
        }
    };
}

impl RuleSpec {
    option_fields!(
        pattern,
        words,
        ignore_case,
        suggestion,
        replacement,
        swap,
        regex,
        metadata,
        max,
        exceptions,
        allow_names,
        max_words,
        max_chars,
        cue_verbs,
        cue_phrases,
        gloss_words,
        min_words,
        partial_max_words,
        accepted,
        preferred,
        endings,
        courtesy_titles,
        min_letters,
        single_quotes,
        title_words,
        former_words,
        list_items,
    );

    /// Names of every field an override in `newslint.toml` sets.
    pub fn fields_set(&self) -> Vec<&'static str> {
        let mut set: Vec<&'static str> = self.options_set().into_iter().map(|(n, _)| n).collect();
        for (name, is_set) in [
            ("enabled", self.enabled.is_some()),
            ("severity", self.severity.is_some()),
            ("scope", self.scope.is_some()),
            ("message", self.message.is_some()),
            ("fix", self.fix.is_some()),
            ("help", self.help.is_some()),
            ("description", self.description.is_some()),
            ("link", self.link.is_some()),
        ] {
            if is_set {
                set.push(name);
            }
        }
        set
    }
}

/// Read a name from a fixed list, saying the list when the value is wrong (the derived
/// message, "wanted string or table", does not help a desk chief).
fn named<'de, D, T: Copy>(
    deserializer: D,
    what: &str,
    names: &[(&str, T)],
) -> Result<Option<Spanned<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    let listed = || {
        names
            .iter()
            .map(|(n, _)| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let value = Spanned::<toml::Value>::deserialize(deserializer)?;
    let span = value.span();
    let Some(text) = value.get_ref().as_str() else {
        return Err(serde::de::Error::custom(format!(
            "{what} must be a string: one of {}",
            listed()
        )));
    };
    match names.iter().find(|(n, _)| *n == text) {
        Some((_, v)) => Ok(Some(Spanned::new(span, *v))),
        None => Err(serde::de::Error::custom(format!(
            "unknown {what} `{text}`: use one of {}",
            listed()
        ))),
    }
}

fn severity<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Spanned<Severity>>, D::Error> {
    named(
        d,
        "severity",
        &[
            ("error", Severity::Error),
            ("warning", Severity::Warning),
            ("info", Severity::Info),
        ],
    )
}

fn fix_safety<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<Spanned<FixSafety>>, D::Error> {
    named(
        d,
        "fix safety",
        &[
            ("safe", FixSafety::Safe),
            ("unsafe", FixSafety::Unsafe),
            ("none", FixSafety::None),
        ],
    )
}

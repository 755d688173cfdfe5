//! The TOML shape of a rule pack, as written by a desk chief. Every field keeps its span so
//! that a mistake is reported where it stands in the file; unknown keys are errors.
//!
//! One flat table per rule holds the common fields and the options of every kind; the
//! kind's compiler ([`super::kinds`]) rejects options that do not belong to it.

use std::ops::Range;

use crate::spanned::Spanned;
use indexmap::IndexMap;
use serde::Deserialize;

use crate::diagnostic::{FixSafety, Severity};

/// A rule pack file: `[pack]` and `[[rule]]` tables.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackFile {
    /// Name and description of the pack.
    pub pack: Option<PackMeta>,
    /// The rules, in file order.
    #[serde(default)]
    pub rule: Vec<Spanned<RuleSpec>>,
}

/// The `[pack]` table.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackMeta {
    /// The pack's name, as used in `packs = [...]`.
    pub name: Spanned<String>,
    /// What the pack is for.
    pub description: Option<String>,
    /// Named pieces of regex that the pack's patterns share, used as `(?&name)`: a list of
    /// months written once instead of in every rule that needs it.
    #[serde(default)]
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
    pub bad: Option<Spanned<String>>,
    /// Text that must not draw the rule.
    pub good: Option<Spanned<String>>,
    /// For a `bad` example of a fixable rule: the text after `--fix`.
    pub fixed: Option<String>,
    /// For a `bad` example: the 1-based line where the finding must start.
    pub line: Option<usize>,
    /// A facts file (TOML text) the example is checked against, for the fact-sheet rules.
    pub facts: Option<Spanned<String>>,
    /// How the example is read: `md` (the default: a Markdown article), `txt` (a plain-text
    /// export, as most house copy is), `html` or `xml`.
    pub format: Option<Spanned<String>>,
}

/// The fields of a rule table, each written once: `fixed` (cannot be overridden), `common`
/// (every kind takes them) or `option` (kind-specific; the kind's compiler checks them
/// against its own list). Declares [`RuleSpec`] and what lists its fields.
macro_rules! rule_spec {
    ($( $(#[$attr:meta])* $group:ident $field:ident: $ty:ty, )*) => {
        #[doc = "One `[[rule]]` table, or a `[rules.<id>]` override in `newslint.toml` (which may not set"]
        #[doc = "`id` or `kind`). Everything is optional here; the compiler says what is missing."]
        #[derive(Clone, Debug, Default, Deserialize, schemars::JsonSchema)]
        #[serde(deny_unknown_fields)]
        pub struct RuleSpec {
            $( $(#[$attr])* pub $field: $ty, )*
        }

        impl RuleSpec {
            /// Names of the kind-specific options that are set, with their spans.
            pub fn options_set(&self) -> Vec<(&'static str, Range<usize>)> {
                let mut set = Vec::new();
                $(
                    in_group!($group, option, {
                        if let Some(value) = &self.$field {
                            set.push((stringify!($field), value.span()));
                        }
                    });
                )*
                set
            }

            /// Names of every field an override in `newslint.toml` sets: the options, then
            /// the common fields.
            pub fn fields_set(&self) -> Vec<&'static str> {
                let mut set: Vec<&'static str> =
                    self.options_set().into_iter().map(|(name, _)| name).collect();
                $(
                    in_group!($group, common, {
                        if self.$field.is_some() {
                            set.push(stringify!($field));
                        }
                    });
                )*
                set
            }

            /// Copy every field that `over` sets onto `self` (a config override on a pack
            /// rule), but `id`, `kind` and `examples`.
            pub fn merge_from(&mut self, over: &RuleSpec) {
                $(
                    in_group!($group, overridable, {
                        if over.$field.is_some() {
                            self.$field = over.$field.clone();
                        }
                    });
                )*
            }
        }
    };
}

/// `in_group!(group, asked, { code })`: the code when a field of `group` belongs to the
/// `asked` one (`overridable` is `common` and `option`), else nothing.
macro_rules! in_group {
    (fixed, fixed, { $($code:tt)* }) => { $($code)* };
    (common, common, { $($code:tt)* }) => { $($code)* };
    (option, option, { $($code:tt)* }) => { $($code)* };
    (common, overridable, { $($code:tt)* }) => { $($code)* };
    (option, overridable, { $($code:tt)* }) => { $($code)* };
    ($group:ident, $asked:ident, { $($code:tt)* }) => {};
}

rule_spec! {
    /// Unique id, kebab-case.
    fixed id: Option<Spanned<String>>,
    /// Which kind of check the rule is.
    fixed kind: Option<Spanned<KindName>>,
    /// `false` turns the rule off.
    common enabled: Option<Spanned<bool>>,
    /// `error`, `warning` or `info`.
    #[serde(default, deserialize_with = "severity")]
    common severity: Option<Spanned<Severity>>,
    /// Where the rule looks (see [`super::Scope`]).
    common scope: Option<Spanned<String>>,
    /// Message template; `{match}`, `{suggestion}` and `{detail}` are filled in.
    common message: Option<Spanned<String>>,
    /// A help line under each finding (`{match}` and `{suggestion}` are filled in); by
    /// default one is made from the suggestion.
    common help: Option<Spanned<String>>,
    /// Why the rule exists, shown by `newslint explain`.
    common description: Option<Spanned<String>>,
    /// A link to the style guide entry.
    common link: Option<Spanned<String>>,
    /// Bad and good examples; `newslint test` runs every one.
    fixed examples: Option<Vec<Spanned<ExampleSpec>>>,
    /// Whether the rule's fix is safe, unsafe, or not offered.
    #[serde(default, deserialize_with = "fix_safety")]
    common fix: Option<Spanned<FixSafety>>,

    /// pattern, required: a regular expression (Rust `regex` syntax).
    option pattern: Option<Spanned<String>>,
    /// pattern: a list of whole words or phrases.
    option words: Option<Spanned<Vec<String>>>,
    /// pattern, substitution: match without regard to case.
    option ignore_case: Option<Spanned<bool>>,
    /// pattern: text for `{suggestion}`.
    option suggestion: Option<Spanned<String>>,
    /// pattern: a replacement (`$1`, `$name`) that makes a fix.
    option replacement: Option<Spanned<String>>,
    /// substitution: bad → preferred, tried in the order written.
    option swap: Option<Spanned<IndexMap<String, String>>>,
    /// substitution: the keys of `swap` are regular expressions.
    option regex: Option<Spanned<bool>>,
    /// required: front matter keys any one of which, non-empty, satisfies the rule.
    option metadata: Option<Spanned<Vec<String>>>,
    /// max-length: the most words allowed.
    option max: Option<Spanned<usize>>,
    /// repetition: words that may be doubled ("had had"). pattern, substitution: regexes
    /// of the contexts in which a match is no fault ("the stated aim"): a match that
    /// overlaps a match of any of them, found within 64 bytes of it, is skipped.
    option exceptions: Option<Spanned<Vec<String>>>,
    /// repetition: a capitalised pair inside a sentence is a name, not a slip.
    option allow_names: Option<Spanned<bool>>,
    /// stray-text: the most words of a trailing fragment.
    option max_words: Option<Spanned<usize>>,
    /// stray-text: the most characters of a one-line fragment inside the body.
    option max_chars: Option<Spanned<usize>>,
    /// quote-unattributed: speech and source verbs (lemmas; every inflection counts).
    option cue_verbs: Option<Spanned<Vec<String>>>,
    /// quote-unattributed: fixed phrases and source nouns that attribute ("according to",
    /// "statement", "spokesman").
    option cue_phrases: Option<Spanned<Vec<String>>>,
    /// quote-unattributed: words that introduce a gloss, name or title.
    option gloss_words: Option<Spanned<Vec<String>>>,
    /// quote-unattributed: quotations shorter than this are exempt.
    option min_words: Option<Spanned<usize>>,
    /// quote-unattributed: partial quotations shorter than this are exempt.
    option partial_max_words: Option<Spanned<usize>>,
    /// date kinds: the date forms the house accepts.
    option accepted: Option<Spanned<Vec<String>>>,
    /// date-format: the form offered as a fix.
    option preferred: Option<Spanned<String>>,
    /// name-variant, fact-name: endings that make a derivation, not a misspelling.
    option endings: Option<Spanned<Vec<String>>>,
    /// name-variant, age kinds: words that are never a neighbouring name (`Mr`, `Dr`).
    option courtesy_titles: Option<Spanned<Vec<String>>>,
    /// name-variant, fact-name: the fewest letters of a name word.
    option min_letters: Option<Spanned<usize>>,
    /// headline-quote-unsupported: also check single-marked passages.
    option single_quotes: Option<Spanned<bool>>,
    /// fact-title: the words a title is made of.
    option title_words: Option<Spanned<Vec<String>>>,
    /// fact-title: words before a title that make it a former one (`former`, `ex`, `then`).
    option former_words: Option<Spanned<Vec<String>>>,
    /// age kinds: this many `Name (NN)` in one paragraph make a list, not ages.
    option list_items: Option<Spanned<usize>>,
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

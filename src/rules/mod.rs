//! Rules: the TOML packs ([`spec`]), their compilation into checks ([`kinds`]), and the
//! [`RuleSet`] a linter runs. Everything a rule needs (regexes, word automata, verb
//! inflections) is built here, once, before any article is read.

mod builtin;
pub mod kinds;
mod lazy_regex;
mod literals;
mod load;
mod narrow;
pub mod prefilter;
pub mod replacement;
mod scope;
pub mod spec;

use std::ops::Range;
use std::sync::{Arc, OnceLock};

pub use builtin::{
    BUILTIN_PACKS, CORE_PACK, builtin_credit_labels, builtin_pack_of, builtin_rules,
};
pub use kinds::RuleKind;
pub(crate) use load::toml_error as toml_error_for;
pub use load::{LoadOptions, load_pack_file, load_rules};
pub use scope::{SCOPE_NAMES, Scope};
pub use spec::KindName;

use crate::diagnostic::{Diagnostic, Fix, FixSafety, Severity};
use crate::error::SourceFile;
use crate::facts::Facts;

/// What a check found, before the rule's message template is applied.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Finding {
    /// Byte span of the source.
    pub span: Range<usize>,
    /// Fills `{suggestion}`: what to write instead.
    pub suggestion: Option<String>,
    /// Fills `{detail}`: the check's own explanation.
    pub detail: Option<String>,
    /// A replacement of a byte range that fixes the finding.
    pub fix: Option<(Range<usize>, String)>,
    /// A help line; when absent, one is made from the suggestion.
    pub help: Option<String>,
}

impl Finding {
    /// A finding at a span with nothing else.
    pub fn at(span: Range<usize>) -> Self {
        Self {
            span,
            ..Self::default()
        }
    }
}

/// Whether an example must draw its rule or must not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expectation {
    /// The text must draw the rule.
    Bad,
    /// The text must not draw the rule.
    Good,
}

/// One example of a rule, with where it is written.
#[derive(Clone, Debug)]
pub struct Example {
    /// Bad or good.
    pub expect: Expectation,
    /// The example text.
    pub text: String,
    /// How the text is read (`format = "txt"`; Markdown by default).
    pub format: crate::article::Format,
    /// For a fixable bad example: the text after the fix.
    pub fixed: Option<String>,
    /// The 1-based line where the finding must start.
    pub line: Option<usize>,
    /// Span of the example in its pack file.
    pub span: Range<usize>,
    /// The facts file (TOML text) the example is checked against (none: no facts file).
    pub facts: Option<String>,
}

/// A compiled rule.
#[derive(Debug)]
pub struct Rule {
    /// Unique id.
    pub id: Arc<str>,
    /// The pack it came from.
    pub pack: String,
    /// Which kind it is.
    pub kind_name: KindName,
    /// Severity after configuration.
    pub severity: Severity,
    /// Message template.
    pub message: String,
    /// Help line template, for findings whose check gives none.
    pub help: Option<String>,
    /// Why the rule exists.
    pub description: String,
    /// Style guide link.
    pub link: Option<String>,
    /// The rule's own examples.
    pub examples: Vec<Example>,
    /// Whether its fixes are safe.
    pub fix_safety: FixSafety,
    /// The file that defines the rule.
    pub file: SourceFile,
    /// Span of the rule's table in that file.
    pub span: Range<usize>,
    /// Span of the rule's `id` value in that file.
    pub id_span: Range<usize>,
    /// The compiled check.
    pub kind: RuleKind,
}

impl Rule {
    /// Turn a finding of this rule into a diagnostic.
    pub fn diagnostic(&self, source: &str, finding: Finding) -> Diagnostic {
        let matched = source.get(finding.span.clone()).unwrap_or("");
        let message = fill_template(
            &self.message,
            matched,
            finding.suggestion.as_deref(),
            finding.detail.as_deref(),
        );
        let help = finding
            .help
            .or_else(|| {
                let template = self.help.as_ref()?;
                Some(fill_template(
                    template,
                    matched,
                    finding.suggestion.as_deref(),
                    finding.detail.as_deref(),
                ))
            })
            .or_else(|| finding.suggestion.as_deref().map(help_from_suggestion));
        let fix = match (finding.fix, self.fix_safety) {
            (Some(_), FixSafety::None) | (None, _) => None,
            (Some((range, replacement)), safety) => Some(Fix {
                range,
                replacement,
                safety,
            }),
        };
        Diagnostic {
            rule: self.id.clone(),
            severity: self.severity,
            span: finding.span,
            message,
            help,
            fix,
        }
    }
}

/// "write "said" instead"; a suggestion that quotes its own choices ("\"inaugural\" or
/// \"first\"") is not put in quotation marks again.
fn help_from_suggestion(suggestion: &str) -> String {
    if suggestion.contains(['"', '“', '”']) {
        format!("write {suggestion} instead")
    } else {
        format!("write \"{suggestion}\" instead")
    }
}

fn fill_template(
    template: &str,
    matched: &str,
    suggestion: Option<&str>,
    detail: Option<&str>,
) -> String {
    // One pass, without the three copies of chained `replace`s: messages are filled for
    // every finding, and `ap` draws thousands on an archive. A placeholder spelled inside
    // the matched text is not filled in again.
    let mut out = String::with_capacity(template.len() + matched.len());
    let mut rest = template;
    // `{` is one byte, so the byte search finds a char boundary.
    while let Some(at) = memchr::memchr(b'{', rest.as_bytes()) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        rest = if let Some(after) = tail.strip_prefix("{match}") {
            // The match with its white space (a line break in the copy) as single spaces.
            for (index, word) in matched.split_whitespace().enumerate() {
                if index > 0 {
                    out.push(' ');
                }
                out.push_str(word);
            }
            after
        } else if let Some(after) = tail.strip_prefix("{suggestion}") {
            out.push_str(suggestion.unwrap_or(""));
            after
        } else if let Some(after) = tail.strip_prefix("{detail}") {
            out.push_str(detail.unwrap_or(""));
            after
        } else {
            out.push('{');
            &tail[1..]
        };
    }
    out.push_str(rest);
    out
}

/// The compiled rules a linter runs, in load order.
#[derive(Debug)]
pub struct RuleSet {
    rules: Vec<Rule>,
    facts: Arc<Facts>,
    /// Built on first asking, from the rules there are then: a selection (`--select`,
    /// `--ignore`, [`RuleSet::retain`]) made before any article is read leaves out the
    /// literals of the rules it drops, so that `--select date-invalid` over the BBC
    /// archive does not walk the literals of the `ap` pack for nothing.
    prefilter: OnceLock<prefilter::Prefilter>,
    /// The credit labels of the packs these rules were loaded from (None: not loaded from
    /// packs, read articles with the default labels).
    credit_labels: Option<crate::article::CreditLabels>,
}

impl RuleSet {
    /// A set from compiled rules, with no facts file and the embedded word list.
    pub fn new(rules: Vec<Rule>) -> Self {
        Self {
            prefilter: OnceLock::new(),
            rules,
            facts: Arc::default(),
            credit_labels: None,
        }
    }

    /// The same rules, with the credit labels of the packs they came from.
    pub fn with_credit_labels(mut self, labels: crate::article::CreditLabels) -> Self {
        self.credit_labels = Some(labels);
        self
    }

    /// The credit labels of the packs these rules came from, if they came from packs.
    pub fn credit_labels(&self) -> Option<&crate::article::CreditLabels> {
        self.credit_labels.as_ref()
    }

    /// Which rules could match in an article.
    pub fn prefilter(&self) -> &prefilter::Prefilter {
        self.prefilter
            .get_or_init(|| prefilter::Prefilter::new(&self.rules))
    }

    /// The same rules checked against these facts.
    pub fn with_facts(mut self, facts: Arc<Facts>) -> Self {
        self.facts = facts;
        self
    }

    /// The facts and word list the fact checks use.
    pub fn facts(&self) -> &Facts {
        &self.facts
    }

    /// The rules, in load order.
    pub fn iter(&self) -> impl Iterator<Item = &Rule> {
        self.rules.iter()
    }

    /// The rule with this id.
    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| &*r.id == id)
    }

    /// How many rules there are.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Keep only the rules for which `keep` is true.
    pub fn retain(&mut self, keep: impl FnMut(&Rule) -> bool) {
        let before = self.rules.len();
        self.rules.retain(keep);
        // A prefilter built already still places the rules kept; one of fewer rules
        // reads less.
        if self.rules.len() < before {
            self.prefilter = OnceLock::new();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_selection_leaves_the_dropped_rules_literals_out_of_the_prefilter() {
        let mut rules = builtin::builtin_rules(&["news", "ap"]).expect("the packs load");
        let all = rules.prefilter().literal_count();
        assert!(all > 100, "{all}");
        rules.retain(|rule| &*rule.id == "toward-not-towards" || &*rule.id == "date-invalid");
        let kept = rules.prefilter().literal_count();
        assert!(0 < kept && kept < 10, "{kept} of {all}");
        rules.retain(|rule| &*rule.id == "date-invalid");
        assert_eq!(rules.prefilter().literal_count(), 0);
    }

    #[test]
    fn templates_fill_placeholders() {
        assert_eq!(
            fill_template(
                "Use \"{suggestion}\" not \"{match}\"",
                "stated\n",
                Some("said"),
                None
            ),
            "Use \"said\" not \"stated\""
        );
        assert_eq!(fill_template("{detail}", "x", None, Some("why")), "why");
        assert_eq!(
            fill_template(
                "{x} {match}: {",
                " on\n  the  {suggestion} ",
                Some("s"),
                None
            ),
            "{x} on the {suggestion}: {"
        );
        assert_eq!(fill_template("plain", "x", None, None), "plain");
        assert_eq!(help_from_suggestion("said"), "write \"said\" instead");
        assert_eq!(
            help_from_suggestion("\"inaugural\" or \"first\""),
            "write \"inaugural\" or \"first\" instead"
        );
    }
}

/// Helpers for the unit tests of kinds and loading: a pack from TOML text, run on one
/// article.
#[cfg(test)]
pub(crate) mod testing {
    use crate::article::{Document, Format};
    use crate::diagnostic::Diagnostic;
    use crate::error::SourceFile;

    /// The rules of a pack written inline (`[[rule]]` tables), or the errors as text.
    pub fn pack(toml: &str) -> Result<super::RuleSet, String> {
        let file = SourceFile::new("test.toml".to_string(), toml.to_string());
        super::load_pack_file(&file)
            .map(super::RuleSet::new)
            .map_err(|errors| {
                errors
                    .iter()
                    .map(|e| format!("{e:?}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
    }

    /// Diagnostics of a pack written inline on a Markdown article.
    pub fn lint(toml: &str, article: &str) -> Vec<Diagnostic> {
        let rules = pack(toml).expect("the test pack loads");
        let doc = Document::parse(article.to_string(), Format::Markdown).expect("parses");
        crate::lint::lint(&rules, &doc)
    }

    /// Diagnostics of a pack on a Markdown article, checked against a facts file (TOML
    /// text).
    pub fn lint_with(toml: &str, facts: &str, article: &str) -> Vec<Diagnostic> {
        let rules = pack(toml).expect("the test pack loads");
        let facts_file = SourceFile::new("facts.toml".to_string(), facts.to_string());
        let facts = crate::facts::Facts::load(&[facts_file], &[]).expect("the facts load");
        let doc = Document::parse(article.to_string(), Format::Markdown).expect("parses");
        crate::lint::lint_with(rules.iter(), &doc, &facts, rules.prefilter())
    }

    /// A pack of one rule `test-rule` of `kind`, with more TOML lines (its options).
    pub fn rule(kind: &str, options: &str) -> String {
        format!("[[rule]]\nid = \"test-rule\"\nkind = \"{kind}\"\n{options}\n")
    }

    /// The text each diagnostic spans.
    pub fn spans<'a>(diagnostics: &[Diagnostic], article: &'a str) -> Vec<&'a str> {
        diagnostics
            .iter()
            .map(|d| &article[d.span.clone()])
            .collect()
    }
}

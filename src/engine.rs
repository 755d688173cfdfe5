//! The engine's façade: the one per-file pipeline every front end (the CLI, the server, the
//! language server, tests) calls. Given the settings that apply to a file and its text, it
//! lints with the selected rules, applies the suppressions written in the copy (reporting
//! the ones that silence nothing as `unused-suppression`), drops what `[[per-file]]`
//! ignores for the path, and runs the fix loop. It reads no file and no clock: the caller
//! passes the text and the settings (see [`crate::config::Config::from_text`] and
//! [`crate::rules::load_rules`]).
//!
//! ```
//! use newslint::{Engine, Format, config::Config, rules};
//! use std::path::Path;
//!
//! let config = Config::from_text(Path::new("newsroom/newslint.toml"), String::new()).unwrap();
//! let engine = Engine::new(config, rules::builtin_rules(&["news"]).unwrap());
//! let text = "Headline\n\nThe the vote. [newslint: ignore repeated-word]\n".to_string();
//! let (_, found) = engine.check_text(Path::new("newsroom/a.txt"), text, Format::Plain).unwrap();
//! assert!(found.iter().all(|d| &*d.rule != "repeated-word"));
//! ```

use std::path::Path;

use crate::article::{Document, Format, ParseError, ReadOptions};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Severity};
use crate::fix::{FixOutcome, fix_text_with};
use crate::line_index::LineIndex;
use crate::lint::lint_with;
use crate::rules::RuleSet;
use crate::suppress::{Suppressions, UNUSED_SUPPRESSION};

/// The settings of one config, compiled, with a rule selection applied: everything the
/// per-file pipeline needs besides the file.
#[derive(Debug)]
pub struct Engine {
    config: Config,
    rules: RuleSet,
    /// The config's reading options with the credit labels of the packs loaded.
    read_options: ReadOptions,
    /// Every loaded rule's id, selected or not (a suppression of a rule left out by
    /// `--select` is not a typo).
    known_ids: Vec<std::sync::Arc<str>>,
    /// The `unused-suppression` rule when it is selected (its findings are the pipeline's,
    /// not its kind's).
    unused_suppression: Option<Severity>,
}

/// A rule id given to [`Engine::select`] that no loaded rule has, with a hint: the
/// closest loaded id, or the built-in pack that defines it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRule {
    /// The id as given.
    pub id: String,
    /// ` (did you mean …?)`, ` (a rule of the built-in … pack …)` or empty.
    pub hint: String,
}

impl UnknownRule {
    /// `id`, which none of `known` is.
    pub fn new<'a>(id: &str, known: impl IntoIterator<Item = &'a str>) -> Self {
        Self {
            id: id.to_string(),
            hint: crate::suggest::unknown_rule_hint(id, known),
        }
    }
}

impl std::fmt::Display for UnknownRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "unknown rule `{}`{} (see `newslint rules`)",
            self.id, self.hint
        )
    }
}

impl Engine {
    /// An engine for `config` with the rules it compiled to, every rule selected.
    pub fn new(config: Config, rules: RuleSet) -> Self {
        let known_ids = rules.iter().map(|r| r.id.clone()).collect();
        let mut read_options = config.read_options.clone();
        if let Some(labels) = rules.credit_labels() {
            read_options.credits = labels.clone();
        }
        let mut engine = Self {
            config,
            rules,
            read_options,
            known_ids,
            unused_suppression: None,
        };
        engine.remember_unused_suppression();
        engine
    }

    fn remember_unused_suppression(&mut self) {
        self.unused_suppression = self.rules.get(UNUSED_SUPPRESSION).map(|rule| rule.severity);
    }

    /// Keep only the rules `select` names (all when empty), then drop those `ignore`
    /// names.
    pub fn select(mut self, select: &[String], ignore: &[String]) -> Result<Self, UnknownRule> {
        if let Some(unknown) = select.iter().chain(ignore).find(|id| !self.is_rule(id)) {
            return Err(UnknownRule::new(unknown, self.known_ids()));
        }
        let chosen = |id: &str| {
            (select.is_empty() || select.iter().any(|s| s == id)) && !ignore.iter().any(|s| s == id)
        };
        self.rules.retain(|r| chosen(&r.id));
        self.remember_unused_suppression();
        Ok(self)
    }

    /// Select no rule at all (`--select` names only rules of other configs' packs).
    pub fn select_none(mut self) -> Self {
        self.rules.retain(|_| false);
        self.unused_suppression = None;
        self
    }

    /// Every loaded rule's id, selected or not.
    pub fn known_ids(&self) -> impl Iterator<Item = &str> {
        self.known_ids.iter().map(|id| &**id)
    }

    /// Whether `id` names a loaded rule.
    pub fn is_rule(&self, id: &str) -> bool {
        self.known_ids.iter().any(|known| &**known == id)
    }

    /// The config these settings come from.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// How articles are read under these settings: the config's HTML templates and the
    /// credit labels of the packs loaded.
    pub fn read_options(&self) -> &ReadOptions {
        &self.read_options
    }

    /// The selected rules.
    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// The per-file pipeline on a parsed document: lint, suppressions, `[[per-file]]`
    /// ignores for `path` and the selection. Diagnostics come back sorted by position.
    pub fn check(&self, path: &Path, doc: &Document) -> Vec<Diagnostic> {
        let found = lint_with(
            self.rules.iter(),
            doc,
            self.rules.facts(),
            self.rules.prefilter(),
        );
        // Suppressions are written in the file (an HTML comment in a page) and diagnostics
        // are spans of the file, whatever its format.
        let mut kept = if crate::suppress::mentions_newslint(doc.file_text()) {
            let lines = LineIndex::new(doc.file_text());
            let known: Vec<&str> = self.known_ids.iter().map(|id| &**id).collect();
            Suppressions::of(doc, &lines).apply(&lines, found, &known)
        } else {
            found
        };
        let ignored = self.config.per_file_ignores(path);
        kept.retain(|d| {
            !ignored.contains(&&*d.rule)
                && (self.unused_suppression.is_some() || &*d.rule != UNUSED_SUPPRESSION)
        });
        if let Some(severity) = self.unused_suppression {
            // The rule's severity is that of a suppression that silences nothing; one that
            // names no rule stays at least a warning, since it is surely a mistake.
            for d in kept.iter_mut().filter(|d| &*d.rule == UNUSED_SUPPRESSION) {
                d.severity = if d.severity == Severity::Info {
                    severity
                } else {
                    d.severity.max(severity)
                };
            }
        }
        kept
    }

    /// Parse `text` and run [`Engine::check`] on it; the document is returned with the
    /// findings (their spans are byte ranges of its source).
    pub fn check_text(
        &self,
        path: &Path,
        text: String,
        format: Format,
    ) -> Result<(Document, Vec<Diagnostic>), ParseError> {
        let doc = Document::parse_with(text, format, &self.read_options)?;
        let diagnostics = self.check(path, &doc);
        Ok((doc, diagnostics))
    }

    /// Apply every safe fix (and the unsafe ones when `allow_unsafe`), relinting through
    /// the whole pipeline until nothing changes; returns the fixed text and what is left.
    pub fn fix(
        &self,
        path: &Path,
        text: String,
        format: Format,
        allow_unsafe: bool,
    ) -> Result<FixOutcome, ParseError> {
        fix_text_with(text, format, &self.read_options, allow_unsafe, &|doc| {
            self.check(path, doc)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::builtin_rules;

    fn engine(config: &str) -> Engine {
        let config = Config::from_text(Path::new("/desk/newslint.toml"), config.to_string())
            .expect("config parses");
        Engine::new(config, builtin_rules(&["news"]).expect("pack compiles"))
    }

    fn rules_found(engine: &Engine, path: &str, text: &str) -> Vec<String> {
        let (_, found) = engine
            .check_text(Path::new(path), text.to_string(), Format::Plain)
            .expect("parses");
        found.iter().map(|d| d.rule.to_string()).collect()
    }

    /// A credit line keeps `photo-credit-missing` out of the way.
    const DOUBLED: &str = "Headline\n\nThe the council met.\n\nPhoto: A. Person\n";
    const UNUSED: &str =
        "Headline\n\nThe council met. [newslint: ignore repeated-word]\n\nPhoto: A. Person\n";

    #[test]
    fn suppressions_silence_and_unused_ones_are_reported() {
        let engine = engine("");
        assert!(rules_found(&engine, "/desk/a.txt", DOUBLED).contains(&"repeated-word".into()));
        let silenced = DOUBLED.replace("met.", "met. [newslint: ignore repeated-word]");
        assert!(!rules_found(&engine, "/desk/a.txt", &silenced).contains(&"repeated-word".into()));
        assert_eq!(
            rules_found(&engine, "/desk/a.txt", UNUSED),
            vec![UNUSED_SUPPRESSION.to_string()]
        );
    }

    #[test]
    fn per_file_ignores_follow_the_path() {
        let engine = engine("[[per-file]]\npath = \"wire/*\"\nignore = [\"repeated-word\"]\n");
        assert!(
            rules_found(&engine, "/desk/local/a.txt", DOUBLED).contains(&"repeated-word".into())
        );
        assert!(
            !rules_found(&engine, "/desk/wire/a.txt", DOUBLED).contains(&"repeated-word".into())
        );
    }

    #[test]
    fn selection_covers_unused_suppression_and_refuses_unknown_ids() {
        let ignored = engine("")
            .select(&[], &[UNUSED_SUPPRESSION.to_string()])
            .unwrap();
        assert!(rules_found(&ignored, "/desk/a.txt", UNUSED).is_empty());
        let only = engine("")
            .select(&["repeated-word".to_string()], &[])
            .unwrap();
        assert!(rules_found(&only, "/desk/a.txt", UNUSED).is_empty());
        assert_eq!(
            rules_found(&only, "/desk/a.txt", DOUBLED),
            vec!["repeated-word".to_string()]
        );
        let err = engine("")
            .select(&["no-such-rule".to_string()], &[])
            .unwrap_err();
        assert_eq!(err.id, "no-such-rule");
        let typo = engine("")
            .select(&[], &["repeated-wrod".to_string()])
            .unwrap_err();
        assert_eq!(typo.hint, " (did you mean `repeated-word`?)");
    }

    #[test]
    fn packs_and_config_load_from_memory() {
        let config = Config::from_text(
            Path::new("/desk/newslint.toml"),
            "packs = []\n[rules.desk-no-utilise]\nseverity = \"error\"\n".to_string(),
        )
        .unwrap();
        let mut options = config.load_options();
        options.pack_texts.push(crate::SourceFile::new(
            "desk.toml",
            "[pack]\nname = \"desk\"\n\n[[rule]]\nid = \"desk-no-utilise\"\nkind = \"pattern\"\n\
             description = \"Plain words.\"\npattern = \"utilise\"\nmessage = \"say use\"\n",
        ));
        let rules = crate::rules::load_rules(&options).expect("the in-memory pack compiles");
        let engine = Engine::new(config, rules);
        let (_, found) = engine
            .check_text(
                Path::new("/desk/a.txt"),
                "Headline\n\nWe utilise it.\n".to_string(),
                Format::Plain,
            )
            .unwrap();
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(&*found[0].rule, "desk-no-utilise");
        assert_eq!(found[0].severity, crate::Severity::Error);
    }

    #[test]
    fn fix_returns_the_fixed_text() {
        let outcome = engine("")
            .fix(
                Path::new("/desk/a.txt"),
                DOUBLED.to_string(),
                Format::Plain,
                false,
            )
            .unwrap();
        assert_eq!(outcome.text, DOUBLED.replace("The the", "The"));
        assert!(outcome.applied >= 1);
    }

    #[test]
    fn the_weekday_message_takes_no_year_from_a_clock() {
        // The engine is handed no date and reads no clock, so a year in the message comes
        // from the copy: the date's own, or the article's date line's. A yearless date in
        // an undated article is not checked rather than given the year of the check.
        let weekday = |text: &str| {
            let (_, found) = engine("")
                .check_text(Path::new("/desk/a.txt"), text.to_string(), Format::Plain)
                .unwrap();
            found
                .into_iter()
                .filter(|d| &*d.rule == "date-weekday")
                .map(|d| d.message)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            weekday("Headline\n\nThe vote is on Monday, June 3, 2025.\n"),
            ["June 3, 2025 is a Tuesday, not a Monday"]
        );
        assert_eq!(
            weekday("Headline\n\nThe vote is on Tuesday, June 3.\n"),
            Vec::<String>::new()
        );
        assert_eq!(
            weekday("Headline\n\n2019-05-20\n\nThe vote is on Tuesday, June 3.\n"),
            [
                "June 3, 2019 is a Monday, not a Tuesday (the year 2019 is inferred from the \
              article's date)"
            ]
        );
    }
}

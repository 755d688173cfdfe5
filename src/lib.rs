//! newslint: an editorial fact-check and style linter for news articles.
//!
//! The engine never prints, reads no file and no clock, and starts no thread. It compiles a
//! rule set from TOML packs ([`rules`]), parses an article into a [`Document`] ([`article`])
//! and turns the two into [`Diagnostic`]s with byte spans ([`lint()`]); [`Engine`] is the
//! per-file pipeline (suppressions, per-file ignores, rule selection, the fix loop) that
//! every front end calls. Rendering, file walking and writing files belong to the front
//! ends.
//!
//! ```
//! use newslint::{Document, Format, lint, rules};
//!
//! let rule_set = rules::builtin_rules(&["news"]).expect("the built-in pack compiles");
//! let doc = Document::parse("Headline\n\nThe the vote.\n".to_string(), Format::Plain).unwrap();
//! let found = lint(&rule_set, &doc);
//! assert!(found.iter().any(|d| &*d.rule == "repeated-word"));
//! ```

pub mod article;
pub mod config;
pub mod diagnostic;
pub mod engine;
pub mod error;
pub mod facts;
pub mod fix;
pub mod line_index;
pub mod lint;
pub mod origins;
pub mod rules;
pub mod selftest;
pub mod spanned;
pub mod suggest;
pub mod suppress;
pub mod text;

pub use article::{Document, Format, ParseError};
pub use diagnostic::{Diagnostic, Fix, FixSafety, Severity};
pub use engine::Engine;
pub use error::{ConfigError, SourceFile};
pub use lint::lint;
pub use rules::{Rule, RuleSet};

/// JSON Schemas of a rule pack and of `newslint.toml`, generated from the Rust types that
/// read them (checked in under `schema/`, for editors with a TOML language server).
pub mod schema {
    /// The schema of a rule pack file, pretty-printed.
    pub fn rule_pack() -> String {
        pretty(schemars::schema_for!(crate::rules::spec::PackFile))
    }

    /// The schema of a facts file (`facts.toml`), pretty-printed.
    pub fn facts() -> String {
        pretty(schemars::schema_for!(crate::facts::file::FactsFile))
    }

    /// The schema of `newslint.toml`, pretty-printed.
    pub fn config() -> String {
        pretty(schemars::schema_for!(crate::config::ConfigFile))
    }

    fn pretty(schema: schemars::Schema) -> String {
        let mut text = serde_json::to_string_pretty(&schema).expect("a schema serialises");
        text.push('\n');
        text
    }
}

//! The one place the service calls the newslint engine: loading settings, checking and
//! fixing one article held in memory, and reading the rules. Handlers never touch the
//! engine's types for anything else, so a change in the engine's entry points is a change
//! here only. Nothing here reads a file except [`Settings::load`], which runs at start and
//! on reload, never for a request.

use std::path::{Path, PathBuf};

#[cfg(test)]
use newslint::config::Config;
use newslint::{ConfigError, Diagnostic, Engine, Format, Rule};

use crate::cli::args::ConfigArgs;

/// Settings the service checks with: the config and the rules it compiles to.
pub struct Settings {
    engine: Engine,
}

/// An article the engine cannot read (broken front matter and the like).
#[derive(Debug)]
pub struct ArticleProblem {
    /// What is wrong.
    pub message: String,
    /// 1-based line and column.
    pub position: (usize, usize),
}

/// The findings of one article.
pub struct Checked {
    /// The text as checked (spans are byte ranges of it).
    pub text: String,
    /// What was found, in source order.
    pub diagnostics: Vec<Diagnostic>,
}

/// One article after its fixes.
pub struct Fixed {
    /// The fixed text.
    pub text: String,
    /// Edits applied over all passes of the fix loop.
    pub applied: usize,
    /// What is left, as byte spans of the fixed text.
    pub remaining: Vec<Diagnostic>,
}

/// The format an article's name asks for: `.txt` or `.md`/`.markdown`, nothing else.
pub fn format_for(filename: &str) -> Option<Format> {
    let extension = Path::new(filename).extension()?.to_str()?;
    if extension.eq_ignore_ascii_case("txt") {
        Some(Format::Plain)
    } else if extension.eq_ignore_ascii_case("md") || extension.eq_ignore_ascii_case("markdown") {
        Some(Format::Markdown)
    } else {
        None
    }
}

impl Settings {
    /// Load the config the arguments name (or discover one, as `newslint check` does) and
    /// compile its rules.
    pub fn load(args: &ConfigArgs) -> Result<Self, Vec<ConfigError>> {
        let config = crate::cli::load_config(args)?;
        let rules = crate::cli::settings_file::compile_rules(&config)?;
        Ok(Self {
            engine: Engine::new(config, rules),
        })
    }

    /// Settings from a config's text, for tests: `root` roots its relative paths.
    #[cfg(test)]
    pub fn from_text(root: &Path, text: &str) -> Result<Self, Vec<ConfigError>> {
        let config = Config::from_text(&root.join("newslint.toml"), text.to_string())?;
        let rules = crate::cli::settings_file::compile_rules(&config)?;
        Ok(Self {
            engine: Engine::new(config, rules),
        })
    }

    /// The files whose change means a reload: the config file and every rule file (and the
    /// folders that hold rule files, so a new pack is seen).
    pub fn watched_paths(&self) -> Vec<PathBuf> {
        crate::cli::settings::settings_files(self.engine.config())
    }

    /// Where the settings came from, for the log.
    pub fn source(&self) -> String {
        self.engine
            .config()
            .file
            .as_ref()
            .map_or_else(|| "built-in defaults".to_string(), |f| f.name.clone())
    }

    /// Web origins allowed to call the service from a browser.
    pub fn cors_origins(&self) -> &[String] {
        &self.engine.config().raw.serve.cors_origins
    }

    /// Every loaded rule.
    pub fn rules(&self) -> impl Iterator<Item = &Rule> {
        self.engine.rules().iter()
    }

    /// One rule by id.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.engine.rules().get(id)
    }

    /// How many rules are loaded.
    pub fn rule_count(&self) -> usize {
        self.engine.rules().len()
    }

    /// Check one article. `filename` picks the `[[per-file]]` ignores; it is only a name.
    pub fn check(
        &self,
        filename: &str,
        format: Format,
        text: String,
    ) -> Result<Checked, ArticleProblem> {
        let (doc, diagnostics) = self
            .engine
            .check_text(Path::new(filename), text, format)
            .map_err(problem)?;
        Ok(Checked {
            text: doc.into_file_text(),
            diagnostics,
        })
    }

    /// Apply every safe fix (and unsafe ones when asked), relinting until nothing changes.
    pub fn fix(
        &self,
        filename: &str,
        format: Format,
        text: String,
        allow_unsafe: bool,
    ) -> Result<Fixed, ArticleProblem> {
        let outcome = self
            .engine
            .fix(Path::new(filename), text, format, allow_unsafe)
            .map_err(problem)?;
        Ok(Fixed {
            text: outcome.text,
            applied: outcome.applied,
            remaining: outcome.remaining,
        })
    }
}

fn problem(err: newslint::ParseError) -> ArticleProblem {
    ArticleProblem {
        message: err.message,
        position: err.position,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_pick_the_two_formats_and_nothing_else() {
        assert_eq!(format_for("story.TXT"), Some(Format::Plain));
        assert_eq!(format_for("a/b/story.md"), Some(Format::Markdown));
        assert_eq!(format_for("story.markdown"), Some(Format::Markdown));
        assert_eq!(format_for("story.docx"), None);
        assert_eq!(format_for("story"), None);
    }

    #[test]
    fn per_file_ignores_follow_the_name_given() {
        let settings = Settings::from_text(
            Path::new("/newsroom"),
            "[[per-file]]\npath = \"wire/*\"\nignore = [\"repeated-word\"]\n",
        )
        .unwrap();
        let text = "Headline\n\nThe the council met.\n\nPhoto: A. Person\n";
        let rules_of = |name: &str| -> Vec<String> {
            settings
                .check(name, Format::Plain, text.to_string())
                .unwrap()
                .diagnostics
                .iter()
                .map(|d| d.rule.to_string())
                .collect()
        };
        assert!(rules_of("local/a.txt").contains(&"repeated-word".to_string()));
        assert!(!rules_of("wire/a.txt").contains(&"repeated-word".to_string()));
    }
}

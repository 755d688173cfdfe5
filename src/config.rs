//! `newslint.toml`: which packs run, extra rule files, per-rule overrides, which files are
//! articles, per-file ignores and the fail level. The nearest one above a file applies to
//! it (the front ends find it and read it: the engine reads no file), and
//! [`Config::settings_for`] says where each setting came from; unknown keys are errors that
//! point into the file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::spanned::Spanned;
use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use serde::Deserialize;

use crate::article::{HtmlOptions, ReadOptions};
use crate::diagnostic::Severity;
use crate::error::{ConfigError, SourceFile};
use crate::rules::LoadOptions;
use crate::rules::spec::RuleSpec;

/// The name of the config file.
pub const CONFIG_FILE_NAME: &str = "newslint.toml";

/// The lowest severity that makes newslint exit 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Default, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum FailLevel {
    /// Only errors fail.
    Error,
    /// Warnings and errors fail (the default).
    #[default]
    Warning,
    /// Any finding fails.
    Info,
    /// Never fail on findings (exit 0 unless something could not be read).
    Never,
}

impl FailLevel {
    /// Whether a finding of `severity` fails the run.
    pub fn fails(self, severity: Severity) -> bool {
        match self {
            FailLevel::Error => severity >= Severity::Error,
            FailLevel::Warning => severity >= Severity::Warning,
            FailLevel::Info => true,
            FailLevel::Never => false,
        }
    }
}

/// The file as written.
#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    /// Built-in packs to run (default `["news"]`).
    pub packs: Option<Vec<Spanned<String>>>,
    /// Extra rule pack files or folders, relative to the config file.
    pub rule_files: Option<Vec<Spanned<String>>>,
    /// Facts files (or folders of `*.toml`) for the fact-sheet rules, relative to the config.
    pub facts: Option<Vec<Spanned<String>>>,
    /// House word lists (one word a line, or folders of `*.txt`): names never flagged.
    pub dictionary: Option<Vec<Spanned<String>>>,
    /// Globs of files to lint (default: `*.md`, `*.markdown`, `*.txt`, `*.html`, `*.htm`, `*.docx`).
    pub include: Option<Vec<Spanned<String>>>,
    /// Globs of files or folders to skip.
    pub exclude: Option<Vec<Spanned<String>>>,
    /// The lowest severity that fails the run.
    pub fail_on: Option<FailLevel>,
    /// Per-rule overrides: `[rules.<id>]` with `enabled`, `severity`, `message`, options.
    #[serde(default)]
    pub rules: BTreeMap<Spanned<String>, Spanned<RuleSpec>>,
    /// Per-file ignores for copy where a comment cannot be written (plain text).
    #[serde(default)]
    pub per_file: Vec<PerFile>,
    /// The house's own HTML templates: where the body of its pages is.
    #[serde(default)]
    pub html: HtmlConfig,
    /// Settings of `newslint serve`.
    #[serde(default)]
    pub serve: ServeSettings,
}

/// `[html]`: CSS selectors for a house's own page templates, which beat any heuristic.
#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HtmlConfig {
    /// Elements holding the article body (`["article .story-body"]`).
    #[serde(default)]
    pub body: Vec<Spanned<String>>,
    /// Elements that are never article text (`[".newsletter", ".related"]`).
    #[serde(default)]
    pub exclude: Vec<Spanned<String>>,
}

/// `[serve]`: settings of the checking service that belong to the newsroom, not the host.
#[derive(Debug, Default, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ServeSettings {
    /// Web origins (`https://cms.example.org`) whose pages may call the service from a
    /// browser (CORS). None by default: only same-origin pages and non-browser clients.
    #[serde(default)]
    pub cors_origins: Vec<String>,
}

/// `[[per-file]] path = "…", ignore = ["rule", …]`.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PerFile {
    /// A glob, relative to the config file's folder.
    pub path: Spanned<String>,
    /// Rule ids silenced in the matching files.
    pub ignore: Spanned<Vec<String>>,
}

/// A loaded config: the file, its folder, and its globs compiled.
#[derive(Debug)]
pub struct Config {
    /// The config file (None when running with defaults).
    pub file: Option<SourceFile>,
    /// The folder relative paths are taken from.
    pub root: PathBuf,
    /// What the file says.
    pub raw: ConfigFile,
    /// Which files are articles.
    pub include: GlobSet,
    /// Which files and folders are skipped.
    pub exclude: GlobSet,
    /// Compiled `[[per-file]]` entries.
    pub per_file: Vec<(GlobSet, Spanned<Vec<String>>)>,
    /// How to read the formats that take settings (the `[html]` selectors compiled).
    pub read_options: ReadOptions,
}

/// The files and folders a config names, with their spans in it.
#[derive(Debug, Default)]
pub struct SettingsPaths {
    /// `rule-files`: packs, or folders of `*.toml` packs.
    pub rule_files: Vec<(PathBuf, Option<std::ops::Range<usize>>)>,
    /// `facts`: facts files, or folders of `*.toml`.
    pub facts: Vec<(PathBuf, Option<std::ops::Range<usize>>)>,
    /// `dictionary`: word lists, or folders of `*.txt`.
    pub dictionary: Vec<(PathBuf, Option<std::ops::Range<usize>>)>,
}

/// Default article extensions.
pub const DEFAULT_INCLUDE: &[&str] = &["*.md", "*.markdown", "*.txt", "*.html", "*.htm", "*.docx"];

impl Config {
    /// The defaults, with no file.
    pub fn defaults(root: PathBuf) -> Self {
        Self::build(None, root, ConfigFile::default()).expect("default globs compile")
    }

    /// Parse a config file's text (`path` names it and roots its relative paths).
    pub fn from_text(path: &Path, text: String) -> Result<Self, Vec<ConfigError>> {
        let file = SourceFile::new(path.display().to_string(), text);
        let raw: ConfigFile = toml::from_str(&file.text)
            .map_err(|err| vec![crate::rules::toml_error_for(&file, &err)])?;
        let root = path
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        Self::build(Some(file), root, raw)
    }

    fn build(
        file: Option<SourceFile>,
        root: PathBuf,
        raw: ConfigFile,
    ) -> Result<Self, Vec<ConfigError>> {
        let mut errors = Vec::new();
        let default_include: Vec<Spanned<String>> = DEFAULT_INCLUDE
            .iter()
            .map(|g| Spanned::new(0..0, g.to_string()))
            .collect();
        let include = globs(
            file.as_ref(),
            raw.include.as_deref().unwrap_or(&default_include),
            &mut errors,
        );
        let exclude = globs(
            file.as_ref(),
            raw.exclude.as_deref().unwrap_or(&[]),
            &mut errors,
        );
        let per_file = raw
            .per_file
            .iter()
            .map(|entry| {
                (
                    globs(
                        file.as_ref(),
                        std::slice::from_ref(&entry.path),
                        &mut errors,
                    ),
                    entry.ignore.clone(),
                )
            })
            .collect();
        let html = HtmlOptions {
            body: selectors(file.as_ref(), &raw.html.body, &mut errors),
            exclude: selectors(file.as_ref(), &raw.html.exclude, &mut errors),
        };
        if errors.is_empty() {
            Ok(Self {
                file,
                root,
                raw,
                include,
                exclude,
                per_file,
                read_options: ReadOptions { html },
            })
        } else {
            Err(errors)
        }
    }

    /// What to load for the rule engine: the packs named and the overrides. The files the
    /// config names (see [`Config::settings_paths`]) are for the front end to read and add
    /// as texts.
    pub fn load_options(&self) -> LoadOptions {
        let packs = self
            .raw
            .packs
            .clone()
            .unwrap_or_else(|| vec![Spanned::new(0..0, "news".to_string())]);
        LoadOptions {
            packs,
            pack_texts: Vec::new(),
            fact_texts: Vec::new(),
            word_list_texts: Vec::new(),
            overrides: self.raw.rules.clone(),
            config: self.file.clone(),
        }
    }

    /// The files and folders the config names, made relative to its folder, each with its
    /// span in the config (for errors that point at it).
    pub fn settings_paths(&self) -> SettingsPaths {
        let paths = |list: &Option<Vec<Spanned<String>>>| {
            list.iter()
                .flatten()
                .map(|p| {
                    (
                        self.root.join(p.get_ref()),
                        self.file.as_ref().map(|_| p.span()),
                    )
                })
                .collect()
        };
        SettingsPaths {
            rule_files: paths(&self.raw.rule_files),
            facts: paths(&self.raw.facts),
            dictionary: paths(&self.raw.dictionary),
        }
    }

    /// The fail level the config sets.
    pub fn fail_on(&self) -> Option<FailLevel> {
        self.raw.fail_on
    }

    /// Rule ids `[[per-file]]` silences for `path` (relative to the config's folder).
    pub fn per_file_ignores(&self, path: &Path) -> Vec<&str> {
        let relative = path.strip_prefix(&self.root).unwrap_or(path);
        let relative = relative.strip_prefix("./").unwrap_or(relative);
        self.per_file
            .iter()
            .filter(|(set, _)| set.is_match(relative))
            .flat_map(|(_, ignore)| ignore.get_ref().iter().map(String::as_str))
            .collect()
    }
}

fn selectors(
    file: Option<&SourceFile>,
    texts: &[Spanned<String>],
    errors: &mut Vec<ConfigError>,
) -> Vec<lol_html::Selector> {
    let mut out = Vec::new();
    for text in texts {
        match crate::article::html::tree::selector(text.get_ref()) {
            Ok(selector) => out.push(selector),
            Err(err) => {
                let message = format!("invalid CSS selector `{}`: {err}", text.get_ref());
                errors.push(match file {
                    Some(file) => ConfigError::at(file, text.span(), message),
                    None => ConfigError::plain(None, message),
                });
            }
        }
    }
    out
}

fn globs(
    file: Option<&SourceFile>,
    patterns: &[Spanned<String>],
    errors: &mut Vec<ConfigError>,
) -> GlobSet {
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        match GlobBuilder::new(pattern.get_ref())
            .case_insensitive(true)
            .build()
        {
            Ok(glob) => {
                builder.add(glob);
            }
            Err(err) => errors.push(match file {
                Some(file) => ConfigError::at(file, pattern.span(), format!("invalid glob: {err}")),
                None => ConfigError::plain(None, format!("invalid glob: {err}")),
            }),
        }
    }
    builder.build().unwrap_or_else(|_| GlobSet::empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_point_into_the_file() {
        let errors = Config::from_text(
            Path::new("newslint.toml"),
            "packs = [\"news\"]\nfail_on = \"error\"\n".into(),
        )
        .unwrap_err();
        let (name, line, col) = errors[0].location().unwrap();
        assert_eq!((name.as_str(), line, col), ("newslint.toml", 2, 1));
        assert!(
            errors[0].message.contains("unknown field"),
            "{}",
            errors[0].message
        );
    }

    #[test]
    fn per_file_ignores_match_relative_paths() {
        let text = "[[per-file]]\npath = \"wire/*.txt\"\nignore = [\"date-format\"]\n";
        let config = Config::from_text(Path::new("/news/newslint.toml"), text.into()).unwrap();
        assert_eq!(
            config.per_file_ignores(Path::new("/news/wire/a.txt")),
            vec!["date-format"]
        );
        assert!(
            config
                .per_file_ignores(Path::new("/news/local/a.txt"))
                .is_empty()
        );
    }
}

//! `newslint.toml`: which packs run, extra rule files, per-rule overrides, which files are
//! articles, per-file ignores and the fail level. The nearest one above a file applies to
//! it (the front ends find it and read it: the engine reads no file), and
//! [`Config::settings_for`] says where each setting came from; unknown keys are errors that
//! point into the file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

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
    /// Globs of files or folders to skip (`drafts/` or `drafts/**` for a folder), besides
    /// the folders no article lives in ([`DEFAULT_EXCLUDE`]: build output, fuzzing
    /// artifacts, test fixtures of bad input).
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
    pub include: Globs,
    /// Which files and folders the config's `exclude` skips.
    pub exclude: GlobSet,
    /// The folders every walk skips ([`DEFAULT_EXCLUDE`]; matched against folders only,
    /// so the files of a large archive cost no match).
    pub default_exclude: Globs,
    /// Compiled `[[per-file]]` entries.
    pub per_file: Vec<(GlobSet, Spanned<Vec<String>>)>,
    /// How to read the formats that take settings (the `[html]` selectors compiled; the
    /// credit labels are the packs', see [`crate::Engine::read_options`]).
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

/// Folders skipped by every walk, whatever `exclude` adds: build output (`target/`,
/// `node_modules/`), fuzzing artifacts and corpora, and the bad-input fixtures of tests
/// (`fuzz-regressions/`, `bad-input/`), so that `newslint` run at the root of a repository
/// that holds them does not stop on files that are not articles. A file named on the
/// command line is still checked (unless `--force-exclude`).
pub const DEFAULT_EXCLUDE: &[&str] = &[
    "**/target",
    "**/node_modules",
    "**/fuzz/artifacts",
    "**/fuzz/corpus",
    "**/fuzz/coverage",
    "**/fuzz-regressions",
    "**/bad-input",
];

/// Default article extensions.
pub const DEFAULT_INCLUDE: &[&str] = &["*.md", "*.markdown", "*.txt", "*.html", "*.htm", "*.docx"];

/// A compiled set of globs: the config's own, or one of the default sets, which are
/// compiled on first match. Case-insensitive globs compile to regexes, and a run over
/// files named on the command line never matches the defaults: building them cost a
/// tenth of a one-article run.
#[derive(Clone, Debug)]
pub enum Globs {
    Own(GlobSet),
    Default(&'static LazyLock<GlobSet>),
}

impl std::ops::Deref for Globs {
    type Target = GlobSet;

    fn deref(&self) -> &GlobSet {
        match self {
            Globs::Own(set) => set,
            Globs::Default(set) => set,
        }
    }
}

static DEFAULT_INCLUDE_SET: LazyLock<GlobSet> = LazyLock::new(|| default_globs(DEFAULT_INCLUDE));
static DEFAULT_EXCLUDE_SET: LazyLock<GlobSet> = LazyLock::new(|| default_globs(DEFAULT_EXCLUDE));

/// One of the default lists compiled (a test holds that each of them compiles).
fn default_globs(list: &[&str]) -> GlobSet {
    let list: Vec<Spanned<String>> = list
        .iter()
        .map(|g| Spanned::new(0..0, g.to_string()))
        .collect();
    globs(None, &list, &mut Vec::new())
}

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
        let include = match raw.include.as_deref() {
            Some(own) => Globs::Own(globs(file.as_ref(), own, &mut errors)),
            None => Globs::Default(&DEFAULT_INCLUDE_SET),
        };
        let default_exclude = Globs::Default(&DEFAULT_EXCLUDE_SET);
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
                default_exclude,
                per_file,
                read_options: ReadOptions {
                    html,
                    credits: Default::default(),
                },
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

impl Config {
    /// `[[per-file]]` ignores that name no rule of `known` (the ids the settings load): a
    /// typo there would silently silence nothing, so each is an error pointing at it.
    pub fn unknown_per_file_ids(&self, known: &[&str]) -> Vec<ConfigError> {
        let mut errors = Vec::new();
        for (_, ignore) in &self.per_file {
            for id in ignore.get_ref() {
                if known.contains(&id.as_str()) {
                    continue;
                }
                let hint = crate::suggest::unknown_rule_hint(id, known.iter().copied());
                let message = format!("`[[per-file]]` ignores `{id}`, which is not a rule{hint}");
                let error = match &self.file {
                    Some(file) => {
                        // The id's own place in the list, else the list.
                        let list = ignore.span();
                        let quoted = file.text[list.clone()]
                            .find(&format!("\"{id}\""))
                            .or_else(|| file.text[list.clone()].find(&format!("'{id}'")));
                        let span = quoted.map_or(list.clone(), |at| {
                            list.start + at..list.start + at + id.len() + 2
                        });
                        ConfigError::at(file, span, message)
                    }
                    None => ConfigError::plain(None, message),
                };
                errors.push(error.with_note("see `newslint rules` for the rule ids"));
            }
        }
        errors
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
        // `drafts/` names a folder, as in .gitignore: the folder and everything in it.
        let text = pattern.get_ref();
        let (text, folder) = match text.strip_suffix('/') {
            Some(stem) if !stem.is_empty() => (stem, true),
            _ => (text.as_str(), false),
        };
        let compiled = GlobBuilder::new(text)
            .case_insensitive(true)
            .build()
            .and_then(|glob| {
                let inside = folder
                    .then(|| {
                        GlobBuilder::new(&format!("{text}/**"))
                            .case_insensitive(true)
                            .build()
                    })
                    .transpose()?;
                Ok((glob, inside))
            });
        match compiled {
            Ok((glob, inside)) => {
                builder.add(glob);
                if let Some(inside) = inside {
                    builder.add(inside);
                }
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
    fn a_glob_ending_in_a_slash_is_the_folder_and_what_is_in_it() {
        let text =
            "exclude = [\"drafts/\"]\n[[per-file]]\npath = \"wire/\"\nignore = [\"date-format\"]\n";
        let config = Config::from_text(Path::new("/news/newslint.toml"), text.into()).unwrap();
        assert!(config.exclude.is_match("drafts"));
        assert!(config.exclude.is_match("drafts/a.md"));
        assert!(!config.exclude.is_match("drafts-old/a.md"));
        assert_eq!(
            config.per_file_ignores(Path::new("/news/wire/a.txt")),
            vec!["date-format"]
        );
    }

    #[test]
    fn the_default_lists_compile_whole() {
        // A glob that does not compile is left out of its set.
        for list in [DEFAULT_INCLUDE, DEFAULT_EXCLUDE] {
            assert_eq!(default_globs(list).len(), list.len());
        }
        let defaults = Config::defaults("/news".into());
        assert!(defaults.include.is_match("a/B.MD") && !defaults.include.is_match("a.rs"));
    }

    #[test]
    fn the_default_excludes_hold_whatever_exclude_adds() {
        let config = Config::from_text(
            Path::new("/news/newslint.toml"),
            "exclude = [\"drafts/**\"]\n".into(),
        )
        .unwrap();
        for path in ["target", "fuzz/artifacts", "tests/fuzz-regressions"] {
            assert!(config.default_exclude.is_match(path), "{path}");
        }
        assert!(config.exclude.is_match("drafts/a.md"));
        assert!(!config.default_exclude.is_match("tests/fixtures"));
        let defaults = Config::defaults("/news".into());
        assert!(defaults.default_exclude.is_match("deep/down/target"));
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

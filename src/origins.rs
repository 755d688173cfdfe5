//! Which settings apply to a path and where each came from (`newslint config PATH`): every
//! key of `newslint.toml` with its value and the config line that set it, or "default";
//! every `[rules.<id>]` override and every `[[per-file]]` entry that matches the path. The
//! keys are taken from the config's schema, so a new key is listed without being named
//! here.

use std::collections::BTreeMap;
use std::path::Path;

use toml::Spanned;

use crate::config::{Config, DEFAULT_INCLUDE, FailLevel};
use crate::line_index::LineIndex;

/// One setting as it applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting {
    /// The key as written in `newslint.toml` (`packs`, `rules.repeated-word`, `per-file`).
    pub key: String,
    /// Its value, as TOML.
    pub value: String,
    /// The config file and line that set it; `None` for the default.
    pub origin: Option<(String, usize)>,
}

impl Config {
    /// The settings that apply to `path` (a file; relative globs are matched from the
    /// config's folder), in the order the config's schema lists them.
    pub fn settings_for(&self, path: &Path) -> Vec<Setting> {
        let written: BTreeMap<Spanned<String>, toml::Value> = self
            .file
            .as_ref()
            .and_then(|file| toml::from_str(&file.text).ok())
            .unwrap_or_default();
        let lines = self.file.as_ref().map(|f| (f, LineIndex::new(&f.text)));
        let origin = |offset: usize| {
            lines
                .as_ref()
                .map(|(file, index)| (file.name.clone(), index.line_col(&file.text, offset).0))
        };
        let mut settings = Vec::new();
        for key in config_keys() {
            match key.as_str() {
                "rules" => {
                    for id in self.raw.rules.keys() {
                        let value = written
                            .iter()
                            .find(|(k, _)| k.get_ref() == "rules")
                            .and_then(|(_, v)| v.get(id.get_ref()))
                            .map_or_else(String::new, inline);
                        settings.push(Setting {
                            key: format!("rules.{}", id.get_ref()),
                            value,
                            origin: origin(id.span().start),
                        });
                    }
                }
                "per-file" => {
                    let relative = path.strip_prefix(&self.root).unwrap_or(path);
                    for (entry, (globs, _)) in self.raw.per_file.iter().zip(&self.per_file) {
                        if globs.is_match(relative) {
                            settings.push(Setting {
                                key: "per-file".to_string(),
                                value: format!(
                                    "{{ path = {}, ignore = {} }}",
                                    toml::Value::from(entry.path.get_ref().as_str()),
                                    toml::Value::from(entry.ignore.get_ref().clone())
                                ),
                                origin: origin(entry.path.span().start),
                            });
                        }
                    }
                }
                _ => {
                    let set = written.iter().find(|(k, _)| k.get_ref() == &key);
                    settings.push(match set {
                        Some((k, value)) => Setting {
                            key,
                            value: inline(value),
                            origin: origin(k.span().start),
                        },
                        None => Setting {
                            value: default_value(&key),
                            key,
                            origin: None,
                        },
                    });
                }
            }
        }
        settings
    }
}

/// The top-level keys of `newslint.toml`, from its schema.
fn config_keys() -> Vec<String> {
    let schema = schemars::schema_for!(crate::config::ConfigFile);
    schema
        .get("properties")
        .and_then(|p| p.as_object())
        .map(|props| props.keys().cloned().collect())
        .unwrap_or_default()
}

/// What a key is when the config does not set it.
fn default_value(key: &str) -> String {
    let strings = |items: &[&str]| toml::Value::from(items.to_vec()).to_string();
    match key {
        "packs" => strings(&["news"]),
        "include" => strings(DEFAULT_INCLUDE),
        "fail-on" => format!("\"{}\"", fail_level_name(FailLevel::default())),
        "html" => "{ body = [], exclude = [] }".to_string(),
        "serve" => "{ cors-origins = [] }".to_string(),
        _ => "[]".to_string(),
    }
}

fn fail_level_name(level: FailLevel) -> &'static str {
    match level {
        FailLevel::Error => "error",
        FailLevel::Warning => "warning",
        FailLevel::Info => "info",
        FailLevel::Never => "never",
    }
}

/// A value on one line, tables inline.
fn inline(value: &toml::Value) -> String {
    match value {
        toml::Value::Table(table) => {
            let fields: Vec<String> = table
                .iter()
                .map(|(k, v)| format!("{k} = {}", inline(v)))
                .collect();
            format!("{{ {} }}", fields.join(", "))
        }
        toml::Value::Array(items) => {
            let items: Vec<String> = items.iter().map(inline).collect();
            format!("[{}]", items.join(", "))
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setting<'a>(settings: &'a [Setting], key: &str) -> &'a Setting {
        settings
            .iter()
            .find(|s| s.key == key)
            .unwrap_or_else(|| panic!("no {key} in {settings:?}"))
    }

    #[test]
    fn each_setting_names_its_line_or_the_default() {
        let text = "# desk\nfacts = [\"facts.toml\"]\nfail-on = \"error\"\n\n[rules.repeated-word]\nseverity = \"error\"\n\n[[per-file]]\npath = \"wire/*\"\nignore = [\"date-format\"]\n";
        let config = Config::from_text(Path::new("/desk/newslint.toml"), text.into()).unwrap();
        let settings = config.settings_for(Path::new("/desk/wire/a.txt"));
        let facts = setting(&settings, "facts");
        assert_eq!(facts.value, "[\"facts.toml\"]");
        assert_eq!(facts.origin, Some(("/desk/newslint.toml".into(), 2)));
        assert_eq!(setting(&settings, "fail-on").origin.as_ref().unwrap().1, 3);
        let packs = setting(&settings, "packs");
        assert_eq!((packs.value.as_str(), &packs.origin), ("[\"news\"]", &None));
        let rule = setting(&settings, "rules.repeated-word");
        assert_eq!(rule.value, "{ severity = \"error\" }");
        assert_eq!(rule.origin.as_ref().unwrap().1, 5);
        let per_file = setting(&settings, "per-file");
        assert_eq!(per_file.origin.as_ref().unwrap().1, 9);
        assert!(per_file.value.contains("date-format"), "{per_file:?}");
        let elsewhere = config.settings_for(Path::new("/desk/local/a.txt"));
        assert!(elsewhere.iter().all(|s| s.key != "per-file"));
    }

    #[test]
    fn defaults_have_no_origin() {
        let config = Config::defaults("/desk".into());
        let settings = config.settings_for(Path::new("/desk/a.md"));
        assert!(settings.iter().all(|s| s.origin.is_none()));
        assert_eq!(setting(&settings, "fail-on").value, "\"warning\"");
        assert!(setting(&settings, "include").value.contains("*.md"));
    }
}

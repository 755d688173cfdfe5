//! Which settings apply to a file, for `check` (see `engines.rs`) and the language server:
//! the nearest `newslint.toml` in the file's folder or above (`--config` overrides,
//! `--isolated` skips it), loaded and compiled; and the files whose change means a reload
//! (for the server and the language server).

use std::path::{Path, PathBuf};

use newslint::config::Config;
use newslint::{ConfigError, Engine};

use super::args::ConfigArgs;

/// Where a file's settings come from.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ConfigSource {
    /// A config file.
    File(PathBuf),
    /// The built-in defaults, with relative paths taken from this folder.
    Defaults(PathBuf),
}

impl ConfigSource {
    /// The settings of `file` (an absolute path): the config `args` names, or the nearest
    /// `newslint.toml` above the file, or the defaults rooted at `fallback_root`.
    #[cfg(feature = "lsp")]
    pub fn for_file(file: &Path, args: &ConfigArgs, fallback_root: &Path) -> Self {
        Self::for_folder(file.parent().unwrap_or(file), args, fallback_root)
    }

    /// The settings of the files directly in `folder` (an absolute path).
    pub fn for_folder(folder: &Path, args: &ConfigArgs, fallback_root: &Path) -> Self {
        if args.isolated {
            return ConfigSource::Defaults(fallback_root.to_path_buf());
        }
        if let Some(path) = &args.config {
            return ConfigSource::File(super::walk::rooted(path));
        }
        super::settings_file::discover(folder).map_or_else(
            || ConfigSource::Defaults(fallback_root.to_path_buf()),
            ConfigSource::File,
        )
    }

    /// Read the config (if any) and compile its rules.
    pub fn load(&self) -> Result<Engine, Vec<ConfigError>> {
        let mut config = match self {
            ConfigSource::File(path) => super::settings_file::read_config(path)?,
            ConfigSource::Defaults(root) => Config::defaults(root.clone()),
        };
        config.root = super::walk::rooted(&config.root);
        let rules = super::settings_file::compile_rules(&config)?;
        Ok(Engine::new(config, rules))
    }

    /// The config file, if there is one.
    #[cfg(feature = "lsp")]
    pub fn file(&self) -> Option<&Path> {
        match self {
            ConfigSource::File(path) => Some(path),
            ConfigSource::Defaults(_) => None,
        }
    }
}

/// The files whose change means a reload of `config`: the config file and every rule
/// pack, facts file and word list it loads (and the folders that hold them, so a new
/// pack is seen).
#[cfg(any(feature = "serve", feature = "lsp"))]
pub fn settings_files(config: &Config) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = config
        .file
        .as_ref()
        .map(|f| PathBuf::from(&f.name))
        .into_iter()
        .collect();
    let named = config.settings_paths();
    // Rule packs and facts files are `*.toml`, house word lists `*.txt`.
    let watched = named
        .rule_files
        .into_iter()
        .chain(named.facts)
        .map(|(path, _)| (path, "toml"))
        .chain(named.dictionary.into_iter().map(|(path, _)| (path, "txt")));
    for (path, extension) in watched {
        if let Ok(entries) = std::fs::read_dir(&path) {
            paths.extend(
                entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|e| e == extension)),
            );
        }
        paths.push(path);
    }
    paths.sort();
    paths.dedup();
    paths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(feature = "lsp")]
    fn the_nearest_config_above_the_file_applies() {
        let dir = tempfile::tempdir().unwrap();
        let desk = dir.path().join("desk");
        std::fs::create_dir_all(desk.join("wire")).unwrap();
        std::fs::write(desk.join("newslint.toml"), "packs = [\"news\"]\n").unwrap();
        let args = ConfigArgs::default();
        let fallback = dir.path();
        assert_eq!(
            ConfigSource::for_file(&desk.join("wire/a.md"), &args, fallback),
            ConfigSource::File(desk.join("newslint.toml"))
        );
        assert_eq!(
            ConfigSource::for_file(&dir.path().join("b.md"), &args, fallback)
                .file()
                .map(Path::to_path_buf),
            super::super::settings_file::discover(dir.path())
        );
        let isolated = ConfigArgs {
            isolated: true,
            ..ConfigArgs::default()
        };
        assert_eq!(
            ConfigSource::for_file(&desk.join("a.md"), &isolated, fallback),
            ConfigSource::Defaults(fallback.to_path_buf())
        );
    }

    #[test]
    #[cfg(any(feature = "serve", feature = "lsp"))]
    fn settings_files_list_the_config_and_its_rule_folders() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("rules")).unwrap();
        std::fs::write(dir.path().join("rules/house.toml"), "").unwrap();
        std::fs::write(dir.path().join("rules/notes.md"), "").unwrap();
        let config_path = dir.path().join("newslint.toml");
        let config =
            Config::from_text(&config_path, "rule-files = [\"rules\"]\n".to_string()).unwrap();
        let files = settings_files(&config);
        assert!(files.contains(&config_path), "{files:?}");
        assert!(files.contains(&dir.path().join("rules")));
        assert!(files.contains(&dir.path().join("rules/house.toml")));
        assert!(!files.contains(&dir.path().join("rules/notes.md")));
    }
}

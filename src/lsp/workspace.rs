//! Which settings each document is checked with. Every file takes the nearest
//! `newslint.toml` above it (so each folder of a multi-root workspace has its own), loaded
//! once and shared by the documents under it. A change to a config, a rule pack, a facts
//! file or a word list reloads the settings that read it; a reload that fails keeps the
//! last good settings and says why, once, until the file changes again.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use newslint::Engine;
use newslint::config::CONFIG_FILE_NAME;

use crate::cli::args::ConfigArgs;
use crate::cli::settings::{ConfigSource, settings_files};

/// Settings loaded from one source.
struct Loaded {
    /// The last settings that loaded (None when the source never loaded).
    engine: Option<Arc<Engine>>,
    /// The files whose change reloads these settings.
    watched: Vec<PathBuf>,
}

/// The settings of every source the open documents use.
pub struct Workspace {
    args: ConfigArgs,
    /// Workspace folders, longest first: a file outside any config takes the defaults
    /// rooted at the folder holding it.
    folders: Vec<PathBuf>,
    loaded: HashMap<ConfigSource, Loaded>,
}

/// Something to tell the user: settings that do not load.
pub type Problem = String;

impl Workspace {
    /// No settings loaded yet.
    pub fn new(args: ConfigArgs, mut folders: Vec<PathBuf>) -> Self {
        folders.sort_by_key(|f| std::cmp::Reverse(f.as_os_str().len()));
        Self {
            args,
            folders,
            loaded: HashMap::new(),
        }
    }

    /// Workspace folders were added or removed.
    pub fn change_folders(&mut self, added: Vec<PathBuf>, removed: Vec<PathBuf>) {
        self.folders.retain(|f| !removed.contains(f));
        self.folders.extend(added);
        self.folders
            .sort_by_key(|f| std::cmp::Reverse(f.as_os_str().len()));
        // Defaults are rooted at a folder: the folders that root them may have changed.
        self.loaded
            .retain(|source, _| matches!(source, ConfigSource::File(_)));
    }

    /// The settings for the file at `path`, loading them on first use; and, when this
    /// first load failed, what to tell the user. `None` settings: the config never loaded.
    pub fn engine_for(&mut self, path: &Path) -> (Option<Arc<Engine>>, Option<Problem>) {
        let fallback = self
            .folders
            .iter()
            .find(|f| path.starts_with(f))
            .cloned()
            .or_else(|| path.parent().map(Path::to_path_buf))
            .unwrap_or_else(|| PathBuf::from("/"));
        let source = ConfigSource::for_file(path, &self.args, &fallback);
        let mut problem = None;
        if !self.loaded.contains_key(&source) {
            let (loaded, failed) = load(&source, None);
            problem = failed;
            self.loaded.insert(source.clone(), loaded);
        }
        (self.loaded[&source].engine.clone(), problem)
    }

    /// Files changed on disk (or were saved in the editor): reload the settings that read
    /// them. A new or deleted `newslint.toml` may change which config applies to which
    /// file, so every document is checked again. Returns what failed to load, and whether
    /// anything changed (so the open documents are checked again).
    pub fn files_changed(&mut self, paths: &[PathBuf]) -> (Vec<Problem>, bool) {
        let config_named = paths
            .iter()
            .any(|p| p.file_name().is_some_and(|n| n == CONFIG_FILE_NAME));
        let mut problems = Vec::new();
        let mut changed = false;
        let sources: Vec<ConfigSource> = self.loaded.keys().cloned().collect();
        for source in sources {
            let reads_it = self.loaded[&source]
                .watched
                .iter()
                .any(|w| paths.iter().any(|p| p == w || p.starts_with(w)));
            if !reads_it {
                continue;
            }
            let previous = self.loaded.remove(&source).and_then(|l| l.engine);
            let (loaded, problem) = load(&source, previous);
            problems.extend(problem);
            self.loaded.insert(source, loaded);
            changed = true;
        }
        if config_named {
            // Which config applies to a file is found again each time it is checked, so a
            // config created above a file takes over at the next check; a deleted one is
            // forgotten.
            self.loaded
                .retain(|source, _| source.file().is_none_or(Path::is_file));
            changed = true;
        }
        (problems, changed)
    }
}

/// Load one source; on failure keep `previous` and say what is wrong.
fn load(source: &ConfigSource, previous: Option<Arc<Engine>>) -> (Loaded, Option<Problem>) {
    match source.load() {
        Ok(engine) => {
            let watched = settings_files(engine.config());
            (
                Loaded {
                    engine: Some(Arc::new(engine)),
                    watched,
                },
                None,
            )
        }
        Err(errors) => {
            let mut message = String::from("newslint: ");
            message.push_str(
                &errors
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
            let kept = if previous.is_some() {
                "; the last good settings stay in force"
            } else {
                "; no file under it is checked until it loads"
            };
            message.push_str(kept);
            // Watch the config itself and what the last good settings read, so fixing
            // either reloads.
            let mut watched: Vec<PathBuf> =
                source.file().map(Path::to_path_buf).into_iter().collect();
            if let Some(engine) = &previous {
                watched.extend(settings_files(engine.config()));
            } else if let Some(config) = source
                .file()
                .and_then(|f| crate::cli::settings_file::read_config(f).ok())
            {
                // The config reads, a pack or facts file it names does not.
                watched.extend(settings_files(&config));
            }
            (
                Loaded {
                    engine: previous,
                    watched,
                },
                Some(message),
            )
        }
    }
}

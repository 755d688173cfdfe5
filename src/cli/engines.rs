//! The settings of each file of a `check` run, as ruff finds them: the nearest
//! `newslint.toml` in the file's folder or above applies to it (`--config` overrides,
//! `--isolated` skips them), and a file with none above it takes the settings of the
//! folder newslint runs from. Each config is loaded and compiled once, with the command
//! line's `--select`/`--ignore` applied; a config that does not load is reported once and
//! the files under it are not checked, while the others are.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use newslint::{ConfigError, Engine};

use super::args::ConfigArgs;
use super::settings::ConfigSource;

/// Every config a run meets, loaded once.
pub struct Engines<'a> {
    args: &'a ConfigArgs,
    select: &'a [String],
    ignore: &'a [String],
    /// The folder newslint runs from (absolute).
    cwd: PathBuf,
    /// The settings of the folder newslint runs from: those of files with no config above.
    fallback: ConfigSource,
    loaded: HashMap<ConfigSource, Option<Arc<Engine>>>,
    /// The settings of each folder met, by the folder as named: a walk asks once per file,
    /// and finding the config (rooting the path, looking for files) is dearer than a lookup.
    by_folder: HashMap<PathBuf, Option<Arc<Engine>>>,
    /// The folder asked for last and its settings: a walk asks for a folder's files one
    /// after another, and hashing a path (component by component) cost a quarter of the
    /// walk of the BBC archive before linting could start.
    last_folder: Option<(PathBuf, Option<Arc<Engine>>)>,
    /// Each folder's settings, once found.
    sources: HashMap<PathBuf, ConfigSource>,
    /// Ids of `--select`/`--ignore` some loaded config knows.
    known: HashSet<String>,
    /// Every rule id some loaded config defines (for "did you mean").
    all_ids: std::collections::BTreeSet<String>,
    /// The errors of configs that did not load, in the order they were met.
    pub errors: Vec<ConfigError>,
}

impl<'a> Engines<'a> {
    /// The settings `args` point to, with the selection to apply to each.
    pub fn new(args: &'a ConfigArgs, select: &'a [String], ignore: &'a [String]) -> Self {
        let cwd = super::walk::rooted(Path::new("."));
        let fallback = ConfigSource::for_folder(&cwd, args, &cwd);
        Self {
            args,
            select,
            ignore,
            cwd,
            fallback,
            loaded: HashMap::new(),
            by_folder: HashMap::new(),
            last_folder: None,
            sources: HashMap::new(),
            known: HashSet::new(),
            all_ids: Default::default(),
            errors: Vec::new(),
        }
    }

    /// The settings of the folder newslint runs from.
    pub fn fallback(&mut self) -> Option<Arc<Engine>> {
        self.load(self.fallback.clone())
    }

    /// The settings of `file` (None when its config does not load).
    pub fn for_file(&mut self, file: &Path) -> Option<Arc<Engine>> {
        match file.parent() {
            // A bare name (`a.md`) or `..` names no folder to look up as it is written.
            Some(folder) if !folder.as_os_str().is_empty() && !file.ends_with("..") => {
                self.for_folder(folder)
            }
            _ => {
                let rooted = super::walk::rooted(file);
                let folder = rooted.parent().unwrap_or(&rooted).to_path_buf();
                self.for_folder(&folder)
            }
        }
    }

    /// The settings of the files directly in `folder`.
    pub fn for_folder(&mut self, folder: &Path) -> Option<Arc<Engine>> {
        if let Some((last, engine)) = &self.last_folder
            && last.as_os_str() == folder.as_os_str()
        {
            return engine.clone();
        }
        let engine = self.for_folder_uncached(folder);
        self.last_folder = Some((folder.to_path_buf(), engine.clone()));
        engine
    }

    fn for_folder_uncached(&mut self, folder: &Path) -> Option<Arc<Engine>> {
        if let Some(engine) = self.by_folder.get(folder) {
            return engine.clone();
        }
        let rooted = super::walk::rooted(folder);
        // Looked up once per folder: a walk asks for every file, and each lookup stats
        // every folder above it.
        let source = match self.sources.get(&rooted) {
            Some(source) => source.clone(),
            None => {
                let source = match ConfigSource::for_folder(&rooted, self.args, &self.cwd) {
                    ConfigSource::Defaults(_) => self.fallback.clone(),
                    found => found,
                };
                self.sources.insert(rooted, source.clone());
                source
            }
        };
        let engine = self.load(source);
        self.by_folder.insert(folder.to_path_buf(), engine.clone());
        engine
    }

    /// Whether each folder's own config applies (no `--config`, no `--isolated`).
    pub fn discovers(&self) -> bool {
        !self.args.isolated && self.args.config.is_none()
    }

    /// The ids of `--select` and `--ignore` that no loaded config knows, each with a hint.
    pub fn unknown_ids(&self) -> Vec<newslint::engine::UnknownRule> {
        self.select
            .iter()
            .chain(self.ignore)
            .filter(|id| !self.known.contains(*id))
            .map(|id| {
                newslint::engine::UnknownRule::new(id, self.all_ids.iter().map(String::as_str))
            })
            .collect()
    }

    fn load(&mut self, source: ConfigSource) -> Option<Arc<Engine>> {
        if let Some(engine) = self.loaded.get(&source) {
            return engine.clone();
        }
        let engine = match source.load() {
            Ok(engine) => {
                self.all_ids.extend(engine.known_ids().map(str::to_string));
                // An id one config does not define may belong to another's pack.
                let (known, unknown): (Vec<String>, Vec<String>) = self
                    .select
                    .iter()
                    .chain(self.ignore)
                    .cloned()
                    .partition(|id| engine.is_rule(id));
                self.known.extend(known);
                let keep = |ids: &[String]| -> Vec<String> {
                    ids.iter()
                        .filter(|id| !unknown.contains(id))
                        .cloned()
                        .collect()
                };
                let select = keep(self.select);
                // `--select` of rules this config does not define selects none of its own.
                let selects_nothing_here = !self.select.is_empty() && select.is_empty();
                let engine = if selects_nothing_here {
                    engine.select_none()
                } else {
                    engine
                        .select(&select, &keep(self.ignore))
                        .expect("only known ids are selected")
                };
                let engine = Arc::new(engine);
                // The engine lives until the process exits: a run ends by exiting, and
                // dropping an engine walks and frees every compiled rule, memory the
                // system takes back at once. Each config is loaded once, so nothing
                // grows. (The engine's own Drop stays whole for library callers.)
                std::mem::forget(Arc::clone(&engine));
                Some(engine)
            }
            Err(mut errors) => {
                self.errors.append(&mut errors);
                None
            }
        };
        self.loaded.insert(source, engine.clone());
        engine
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_file_takes_its_folders_config_whatever_the_order_asked() {
        let dir = tempfile::tempdir().unwrap();
        let (desk, wire) = (dir.path().join("desk"), dir.path().join("wire"));
        std::fs::create_dir_all(&desk).unwrap();
        std::fs::create_dir_all(&wire).unwrap();
        std::fs::write(desk.join("newslint.toml"), "packs = [\"news\", \"ap\"]\n").unwrap();
        std::fs::write(wire.join("newslint.toml"), "packs = [\"news\"]\n").unwrap();
        let args = ConfigArgs::default();
        let mut engines = Engines::new(&args, &[], &[]);
        let mut of = |folder: &Path, name: &str| engines.for_file(&folder.join(name)).unwrap();
        let asked = [
            of(&desk, "a.txt"),
            of(&desk, "b.txt"),
            of(&wire, "c.txt"),
            of(&desk, "d.txt"),
            of(&wire, "e.txt"),
        ];
        let same = |i: usize, j: usize| Arc::ptr_eq(&asked[i], &asked[j]);
        assert!(same(0, 1) && same(0, 3) && same(2, 4));
        assert!(!same(0, 2));
        assert!(asked[0].is_rule("courtesy-titles") && !asked[2].is_rule("courtesy-titles"));
    }
}

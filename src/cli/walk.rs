//! Which files to lint: explicit files always, folders walked with the `ignore` crate
//! (honouring .gitignore and .newslintignore, never hanging on a symlink loop), keeping the
//! config's include and exclude globs. A folder with a config of its own is walked by its
//! own `exclude` too, as ruff does: what it excludes is never entered. Paths come back
//! sorted so output is stable.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use globset::GlobSet;
use newslint::config::{CONFIG_FILE_NAME, Config};

use super::engines::Engines;

/// One thing to lint.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    /// A file on disk.
    File(PathBuf),
    /// Standard input, reported under this name.
    Stdin(PathBuf),
}

impl Input {
    /// The path shown in reports.
    pub fn display_path(&self) -> &Path {
        match self {
            Input::File(path) | Input::Stdin(path) => path,
        }
    }
}

/// A path that could not be walked.
#[derive(Debug)]
pub struct WalkError {
    /// The path at fault.
    pub path: PathBuf,
    /// What went wrong.
    pub message: String,
}

/// Gather the inputs for `paths`, sorted, and the walking errors. A file named on the
/// command line is linted even when its config excludes it, unless `force_exclude` (what
/// pre-commit and CI scripts, which name every changed file, want). A folder is walked
/// with its own config's globs, a folder a nested config excludes is not entered, and a
/// file under a nested config is kept only if that config's globs keep it. Files whose
/// config does not load are left out (`engines` holds the errors).
pub fn collect_inputs(
    paths: &[PathBuf],
    engines: &mut Engines,
    stdin_name: Option<&Path>,
    force_exclude: bool,
) -> (Vec<Input>, Vec<WalkError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            let name = stdin_name.map_or_else(|| PathBuf::from("<stdin>"), Path::to_path_buf);
            inputs.push(Input::Stdin(name));
            continue;
        }
        match std::fs::metadata(path) {
            Err(err) => errors.push(WalkError {
                path: path.clone(),
                message: io_message(&err),
            }),
            Ok(meta) if meta.is_file() => {
                if let Some(engine) = engines.for_file(path)
                    && !(force_exclude && is_excluded(path, engine.config()))
                {
                    inputs.push(Input::File(path.clone()));
                }
            }
            Ok(meta) if meta.is_dir() => {
                let Some(walking) = engines.for_folder(path) else {
                    continue;
                };
                let mut found = Vec::new();
                let nested = engines.discovers().then(NestedExcludes::default);
                walk_folder(path, walking.config(), nested, &mut found, &mut errors);
                found.retain(|input| {
                    let Input::File(file) = input else {
                        return true;
                    };
                    match engines.for_file(file) {
                        Some(own) if std::sync::Arc::ptr_eq(&own, &walking) => true,
                        Some(own) => {
                            is_included(file, own.config()) && !is_excluded(file, own.config())
                        }
                        None => false,
                    }
                });
                inputs.append(&mut found);
            }
            Ok(_) => errors.push(WalkError {
                path: path.clone(),
                message: "not a file or folder (a device, socket or pipe): nothing to lint"
                    .to_string(),
            }),
        }
    }
    inputs.sort();
    inputs.dedup();
    // `newslint . a.md` names a.md twice (as ./a.md and a.md): lint it once. One path
    // cannot name a file twice, so the system calls are spared then.
    if paths.len() > 1 {
        let mut seen = std::collections::HashSet::new();
        inputs.retain(|input| match input {
            Input::File(path) => {
                seen.insert(std::fs::canonicalize(path).unwrap_or_else(|_| path.clone()))
            }
            Input::Stdin(_) => true,
        });
    }
    (inputs, errors)
}

/// Drop inputs that name a file an earlier input names too (through a symbolic link or a
/// hard link), keeping the first.
pub fn keep_one_per_file(inputs: &mut Vec<Input>) {
    use std::os::unix::fs::MetadataExt;
    let mut seen = std::collections::HashSet::new();
    inputs.retain(|input| match input {
        Input::File(path) => match std::fs::metadata(path) {
            Ok(meta) => seen.insert((meta.dev(), meta.ino())),
            Err(_) => true,
        },
        Input::Stdin(_) => true,
    });
}

/// The `exclude` globs of the configs a walk meets below its own, each config read once
/// and each folder's nearest config looked up once (the walk goes top down, so a folder's
/// parent is always known first).
#[derive(Default)]
struct NestedExcludes {
    /// Folder → the nearest config file in it or above it.
    nearest: HashMap<PathBuf, Option<PathBuf>>,
    /// Config file → its folder and `exclude` (None: it does not load; its files are
    /// left out later, with its error).
    excludes: HashMap<PathBuf, Option<Arc<(PathBuf, GlobSet)>>>,
}

impl NestedExcludes {
    /// Whether the nearest config of `folder` (rooted), when it is not `walking`, excludes
    /// `path`, an entry of that folder.
    fn excludes(&mut self, folder: &Path, path: &Path, walking: Option<&Path>) -> bool {
        let Some(config_file) = self.nearest_config(folder) else {
            return false;
        };
        if Some(config_file.as_path()) == walking {
            return false;
        }
        let globs = self
            .excludes
            .entry(config_file.clone())
            .or_insert_with(|| {
                super::settings_file::read_config(&config_file)
                    .ok()
                    .map(|config| Arc::new((rooted(&config.root), config.exclude)))
            })
            .clone();
        globs.is_some_and(|globs| {
            let (root, exclude) = &*globs;
            exclude.is_match(relative_to(path, root)) || exclude.is_match(path)
        })
    }

    fn nearest_config(&mut self, folder: &Path) -> Option<PathBuf> {
        if let Some(found) = self.nearest.get(folder) {
            return found.clone();
        }
        let own = folder.join(CONFIG_FILE_NAME);
        let found = if own.is_file() {
            Some(own)
        } else {
            folder
                .parent()
                .and_then(|parent| self.nearest_config(parent))
        };
        self.nearest.insert(folder.to_path_buf(), found.clone());
        found
    }
}

fn walk_folder(
    root: &Path,
    config: &Config,
    nested: Option<NestedExcludes>,
    inputs: &mut Vec<Input>,
    errors: &mut Vec<WalkError>,
) {
    let mut builder = ignore::WalkBuilder::new(root);
    // Inside a git repository, ignore files count as git has them, parents' included.
    // Outside one, only those inside the folder named count: a stray `*` in a parent
    // folder's .gitignore would otherwise hide every article, with "0 files" to show.
    let in_repository = rooted(root)
        .ancestors()
        .any(|dir| dir.join(".git").exists());
    builder
        .follow_links(true)
        .add_custom_ignore_filename(".newslintignore")
        .require_git(false)
        .parents(in_repository)
        .threads(1);
    let exclude = config.exclude.clone();
    let default_exclude = config.default_exclude.clone();
    let config_root = config.root.clone();
    let walking_file = config
        .file
        .as_ref()
        .map(|file| rooted(Path::new(&file.name)));
    let nested = nested.map(Mutex::new);
    builder.filter_entry(move |entry| {
        let path = entry.path();
        let rooted = rooted(path);
        let relative = relative_to(&rooted, &config_root);
        let skipped = |globs: &globset::GlobSet| globs.is_match(relative) || globs.is_match(path);
        let folder = entry.file_type().is_some_and(|t| t.is_dir());
        if skipped(&exclude) || folder && skipped(&default_exclude) {
            return false;
        }
        // The walk's root itself is the folder asked for: only what lies in it is pruned.
        let (Some(nested), Some(folder)) = (&nested, rooted.parent()) else {
            return true;
        };
        if entry.depth() == 0 {
            return true;
        }
        let mut nested = nested.lock().expect("the walk runs on one thread");
        !nested.excludes(folder, &rooted, walking_file.as_deref())
    });
    for result in builder.build() {
        match result {
            Ok(entry) => {
                if entry.file_type().is_some_and(|t| t.is_file())
                    && is_included(entry.path(), config)
                {
                    inputs.push(Input::File(entry.path().to_path_buf()));
                }
            }
            Err(err) => errors.push(walk_error(root, &err)),
        }
    }
}

/// Whether the config's `include` takes `path`, as a walk would.
fn is_included(path: &Path, config: &Config) -> bool {
    let rooted = rooted(path);
    let relative = relative_to(&rooted, &config.root);
    let name = Path::new(path.file_name().unwrap_or_default());
    config.include.is_match(relative) || config.include.is_match(name)
}

/// Whether the config's `exclude` skips `path` or a folder it lies in, as a walk would.
fn is_excluded(path: &Path, config: &Config) -> bool {
    let rooted = rooted(path);
    let relative = relative_to(&rooted, &config.root);
    relative
        .ancestors()
        .chain(path.ancestors())
        .filter(|p| !p.as_os_str().is_empty())
        .any(|p| config.exclude.is_match(p) || config.default_exclude.is_match(p))
}

/// `path` made absolute (against the current folder) and `..` folded lexically, so that
/// globs of a config match whatever folder newslint runs from.
pub fn rooted(path: &Path) -> PathBuf {
    use std::path::Component;
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for part in absolute.components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

fn relative_to<'a>(path: &'a Path, root: &Path) -> &'a Path {
    let path = path.strip_prefix(root).unwrap_or(path);
    path.strip_prefix("./").unwrap_or(path)
}

fn walk_error(root: &Path, err: &ignore::Error) -> WalkError {
    match err {
        ignore::Error::WithPath { path, err } => WalkError {
            path: path.clone(),
            message: walk_error(root, err).message,
        },
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error(root, err)
        }
        ignore::Error::Loop { ancestor, child } => WalkError {
            path: child.clone(),
            message: format!(
                "symbolic link loop: it leads back to {}",
                ancestor.display()
            ),
        },
        ignore::Error::Io(io) => WalkError {
            path: root.to_path_buf(),
            message: io_message(io),
        },
        other => WalkError {
            path: root.to_path_buf(),
            message: other.to_string(),
        },
    }
}

/// An I/O error in words an editor understands.
pub fn io_message(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        // ELOOP: a symbolic link that leads back to itself.
        _ if err.raw_os_error() == Some(40) => "symbolic link loop".to_string(),
        _ => err.to_string(),
    }
}

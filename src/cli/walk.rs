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
    sort_inputs(&mut inputs);
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

/// Sorts the inputs as `Input`'s order has them (files before standard input, paths by
/// their components in turn). A walk of a large archive finds thousands of paths, and
/// comparing two of them component by component costs hundreds of instructions: when
/// every path is plain (see [`plain_key`]), each is compared as bytes instead.
fn sort_inputs(inputs: &mut Vec<Input>) {
    let keys: Option<Vec<Vec<u8>>> = inputs
        .iter()
        .map(|input| match input {
            Input::File(path) => plain_key(path),
            Input::Stdin(_) => None,
        })
        .collect();
    let Some(keys) = keys else {
        inputs.sort();
        return;
    };
    let mut order: Vec<usize> = (0..inputs.len()).collect();
    order.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
    let mut taken: Vec<Option<Input>> = std::mem::take(inputs).into_iter().map(Some).collect();
    inputs.extend(
        order
            .into_iter()
            .map(|i| taken[i].take().expect("each input once")),
    );
}

/// The bytes of a path with no `.`, `..` or empty component, each `/` made the lowest
/// byte: such keys sort as the paths' components do (where two paths first differ, the
/// one with a separator there has the shorter component, which sorts first). None for
/// any other path.
fn plain_key(path: &Path) -> Option<Vec<u8>> {
    use std::os::unix::ffi::OsStrExt;
    is_plain(path).then(|| {
        let mut key = path.as_os_str().as_bytes().to_vec();
        for b in &mut key {
            if *b == b'/' {
                *b = 0;
            }
        }
        key
    })
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
    // Every entry lies under `root`: root that once, not each of the walk's paths.
    let rooted_root = rooted(root);
    let (walk_root, filter_root) = (root.to_path_buf(), rooted_root.clone());
    let walking_file = config
        .file
        .as_ref()
        .map(|file| rooted(Path::new(&file.name)));
    let nested = nested.map(Mutex::new);
    builder.filter_entry(move |entry| {
        let path = entry.path();
        let folder = entry.file_type().is_some_and(|t| t.is_dir());
        // No glob to try and no nested config to ask (most walks, for most entries): the
        // entry stays, without rooting its path.
        if exclude.is_empty() && (!folder || default_exclude.is_empty()) && nested.is_none() {
            return true;
        }
        let rooted = rooted_below(path, &walk_root, &filter_root);
        let relative = relative_to(&rooted, &config_root);
        let skipped = |globs: &globset::GlobSet| globs.is_match(relative) || globs.is_match(path);
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
                    && includes(
                        config,
                        entry.path(),
                        &rooted_below(entry.path(), root, &rooted_root),
                    )
                {
                    inputs.push(Input::File(entry.path().to_path_buf()));
                }
            }
            Err(err) => errors.push(walk_error(root, &err)),
        }
    }
}

/// `rooted(path)` for a path the walk of `walk_root` found, from the walk root's own
/// rooted form: the walk joins only names to it, never `..`.
fn rooted_below(path: &Path, walk_root: &Path, rooted_root: &Path) -> PathBuf {
    if is_plain_absolute(path) {
        // Rooted already (and so is the walk root it lies in).
        return path.to_path_buf();
    }
    match path.strip_prefix(walk_root) {
        Ok(rest) if rest.as_os_str().is_empty() => rooted_root.to_path_buf(),
        Ok(rest) => rooted_root.join(rest),
        Err(_) => rooted(path),
    }
}

/// Whether the config's `include` takes `path`, as a walk would.
fn is_included(path: &Path, config: &Config) -> bool {
    includes(config, path, &rooted(path))
}

/// [`is_included`] for a path already rooted.
fn includes(config: &Config, path: &Path, rooted: &Path) -> bool {
    let relative = relative_to(rooted, &config.root);
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
    if is_plain_absolute(path) {
        // What the folding would rebuild, byte for byte: spare it (a walk of a large
        // archive roots every file it finds).
        return path.to_path_buf();
    }
    folded(path)
}

/// [`rooted`] the long way: made absolute, then every component pushed again.
fn folded(path: &Path) -> PathBuf {
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

/// An absolute path with nothing to fold: no `.` or `..` component, no doubled or
/// trailing `/`.
fn is_plain_absolute(path: &Path) -> bool {
    path.is_absolute() && is_plain(path)
}

/// A path with no `.`, `..` or empty component (`a//b`, `a/`), but for a leading `/`.
fn is_plain(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let bytes = path.as_os_str().as_bytes();
    let rest = bytes.strip_prefix(b"/").unwrap_or(bytes);
    !rest.is_empty()
        && rest
            .split(|&b| b == b'/')
            .all(|part| !matches!(part, b"" | b"." | b".."))
}

fn relative_to<'a>(path: &'a Path, root: &Path) -> &'a Path {
    if is_plain(path) && is_plain(root) {
        // Plain paths: their components are the runs between `/`, so the prefix is
        // stripped as bytes (and a plain path has no `./` to strip).
        return strip_plain_prefix(path, root).unwrap_or(path);
    }
    let path = path.strip_prefix(root).unwrap_or(path);
    path.strip_prefix("./").unwrap_or(path)
}

/// `path.strip_prefix(root)` for two plain paths, on their bytes.
fn strip_plain_prefix<'a>(path: &'a Path, root: &Path) -> Option<&'a Path> {
    use std::os::unix::ffi::OsStrExt;
    let rest = path
        .as_os_str()
        .as_bytes()
        .strip_prefix(root.as_os_str().as_bytes())?;
    let rest = match rest {
        [] => rest,
        [b'/', rest @ ..] => rest,
        _ => return None,
    };
    Some(Path::new(std::ffi::OsStr::from_bytes(rest)))
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

#[cfg(test)]
#[path = "walk_tests.rs"]
mod tests;

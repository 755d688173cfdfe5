//! Reading the files newslint is configured by (`newslint.toml`, rule packs, facts files,
//! word lists) for the front ends: the engine reads no file, so the config, and the packs,
//! facts files and word lists it names, are read here and handed to it as text. Regular
//! files only, bounded in size, and text: a config in a pull request can name any path
//! (`/proc/self/environ`, `/dev/zero`, a FIFO), so nothing else is opened, and a file that
//! is not text is refused without a byte of it shown. Errors point into the config at the
//! path that named the file.

use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};

use newslint::config::{CONFIG_FILE_NAME, Config};
use newslint::{ConfigError, RuleSet, SourceFile};

/// Find `newslint.toml` in `start` or a folder above it: the config of the files in
/// `start` (an absolute folder).
pub fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(CONFIG_FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// Read and check a config file.
pub fn read_config(path: &Path) -> Result<Config, Vec<ConfigError>> {
    let text = read_settings_file(path, "config file")
        .map_err(|message| vec![ConfigError::plain(None, message)])?;
    Config::from_text(path, text)
}

/// Read the packs, facts files and word lists `config` names and compile its rules.
pub fn compile_rules(config: &Config) -> Result<RuleSet, Vec<ConfigError>> {
    let mut options = config.load_options();
    let named = config.settings_paths();
    let mut errors = Vec::new();
    let mut read = |paths: &[(PathBuf, Option<Range<usize>>)], extension: &str, what: &str| {
        read_sources(paths, extension, what, config.file.as_ref(), &mut errors)
    };
    for file in read(&named.rule_files, "toml", "rule") {
        if !options.pack_texts.iter().any(|f| f.name == file.name) {
            options.pack_texts.push(file);
        }
    }
    options
        .fact_texts
        .extend(read(&named.facts, "toml", "facts"));
    options
        .word_list_texts
        .extend(read(&named.dictionary, "txt", "word list"));
    match newslint::rules::load_rules(&options) {
        Ok(rules) => {
            let known: Vec<&str> = rules.iter().map(|r| &*r.id).collect();
            errors.extend(config.unknown_per_file_ids(&known));
            if errors.is_empty() {
                Ok(rules)
            } else {
                Err(errors)
            }
        }
        Err(mut more) => {
            errors.append(&mut more);
            Err(errors)
        }
    }
}

/// Read the files `paths` name (a folder stands for its `*.<extension>` files), each once.
fn read_sources(
    paths: &[(PathBuf, Option<Range<usize>>)],
    extension: &str,
    what: &str,
    config: Option<&SourceFile>,
    errors: &mut Vec<ConfigError>,
) -> Vec<SourceFile> {
    let error = |span: &Option<Range<usize>>, message: String| match (config, span) {
        (Some(file), Some(span)) => ConfigError::at(file, span.clone(), message),
        (file, _) => ConfigError::plain(file, message),
    };
    let mut files: Vec<SourceFile> = Vec::new();
    for (path, span) in paths {
        match files_under(path, extension) {
            Ok(paths) => {
                for path in paths {
                    if files.iter().any(|f| f.name == path.display().to_string()) {
                        continue;
                    }
                    match read_settings_file(&path, &format!("{what} file")) {
                        Ok(text) => files.push(SourceFile::new(path.display().to_string(), text)),
                        Err(message) => errors.push(error(span, message)),
                    }
                }
            }
            Err(err) => errors.push(error(
                span,
                format!("cannot read {what} path {}: {err}", path.display()),
            )),
        }
    }
    files
}

/// `path` itself when it is a file; the `*.<extension>` files directly inside it, sorted,
/// when it is a folder.
fn files_under(path: &Path, extension: &str) -> std::io::Result<Vec<PathBuf>> {
    if !path.is_dir() {
        std::fs::metadata(path)?;
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == extension) && p.is_file())
        .collect();
    files.sort();
    Ok(files)
}

/// The largest settings file newslint reads: far beyond any real pack.
pub const MAX_SETTINGS_FILE: u64 = 16 << 20;

/// Read a settings file as text, or say why not (the message names no byte of its content).
/// `what` names the file's role in the message ("config file", "rule file").
pub fn read_settings_file(path: &Path, what: &str) -> Result<String, String> {
    let refuse = |why: String| format!("cannot read {what} {}: {why}", path.display());
    // Looked at before it is opened: opening a FIFO blocks until a writer comes.
    let meta = std::fs::metadata(path).map_err(|err| refuse(io_words(&err)))?;
    if !meta.is_file() {
        return Err(refuse(not_regular(&meta)));
    }
    let file = std::fs::File::open(path).map_err(|err| refuse(io_words(&err)))?;
    // The path may have been swapped between the two looks.
    let opened = file.metadata().map_err(|err| refuse(io_words(&err)))?;
    if !opened.is_file() {
        return Err(refuse(not_regular(&opened)));
    }
    let mut bytes = Vec::new();
    file.take(MAX_SETTINGS_FILE + 1)
        .read_to_end(&mut bytes)
        .map_err(|err| refuse(io_words(&err)))?;
    if bytes.len() as u64 > MAX_SETTINGS_FILE {
        return Err(refuse(format!(
            "it is larger than {} MB",
            MAX_SETTINGS_FILE >> 20
        )));
    }
    let text = String::from_utf8(bytes).map_err(|err| {
        refuse(format!(
            "it is not UTF-8 text (at byte offset {}); its content is not shown",
            err.utf8_error().valid_up_to()
        ))
    })?;
    // TOML allows no control character but tab, line feed and carriage return, and a NUL
    // means a binary or a `/proc` file: nothing of it is echoed.
    if let Some((offset, c)) = text
        .char_indices()
        .find(|(_, c)| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    {
        return Err(refuse(format!(
            "it is not a text file (control character U+{:04X} at byte offset {offset}); its content is not shown",
            c as u32
        )));
    }
    Ok(text)
}

fn not_regular(meta: &std::fs::Metadata) -> String {
    use std::os::unix::fs::FileTypeExt;
    let kind = meta.file_type();
    let what = if kind.is_dir() {
        "a folder"
    } else if kind.is_fifo() {
        "a named pipe"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "not a regular file"
    };
    format!("it is {what}, not a regular file")
}

fn io_words(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => err.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_folders_and_pseudo_files_are_refused_unread() {
        let dev = read_settings_file(Path::new("/dev/zero"), "rule file").unwrap_err();
        assert!(dev.contains("a device"), "{dev}");
        let dir = read_settings_file(Path::new("/"), "rule file").unwrap_err();
        assert!(dir.contains("a folder"), "{dir}");
        // Looks like a regular file of size 0 and holds the environment, NUL-separated.
        let environ = read_settings_file(Path::new("/proc/self/environ"), "config file");
        if let Err(message) = environ {
            assert!(message.contains("not shown"), "{message}");
            assert!(!message.contains("PATH="), "{message}");
        }
    }

    #[test]
    fn text_files_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        std::fs::write(&path, "[[rule]]\nid = \"x\"\r\n").unwrap();
        assert_eq!(
            read_settings_file(&path, "rule file").unwrap(),
            "[[rule]]\nid = \"x\"\r\n"
        );
        std::fs::write(&path, b"id = \"\xff\"").unwrap();
        let message = read_settings_file(&path, "rule file").unwrap_err();
        assert!(message.contains("not UTF-8"), "{message}");
    }
}

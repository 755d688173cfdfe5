//! Reading the files newslint is configured by (`newslint.toml`, rule packs, facts files):
//! regular files only, bounded in size, and text. A config in a pull request can name any
//! path (`/proc/self/environ`, `/dev/zero`, a FIFO), so nothing else is opened, and a file
//! that is not text is refused without a byte of it shown.

use std::io::Read;
use std::path::Path;

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

//! Writing a fixed article back without losing anything but the edit: through a symbolic
//! link to the real file, keeping owner, group, mode, hard links and extended attributes,
//! refusing read-only files, and never overwriting edits made since the file was read.

use std::fs::{File, OpenOptions};
use std::io::{self, Seek, SeekFrom, Write};
use std::os::fd::AsRawFd;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Why a fixed file was not written (the original is untouched in every case).
#[derive(Debug)]
pub struct NotWritten(pub String);

/// Replace the content of the file at `path` (as read: `original`) with `fixed`.
///
/// The file a link points to is written, never the link. A new file renamed over the old
/// one is the crash-safe way, and it is used when it can keep everything the old file had;
/// a file with several hard links, or one whose owner or extended attributes the new file
/// cannot take, is rewritten in place instead, which keeps them by construction.
pub fn write_fixed(path: &Path, original: &[u8], fixed: &[u8]) -> Result<(), NotWritten> {
    let fail = |why: String| NotWritten(format!("not fixed: {why}"));
    let target =
        std::fs::canonicalize(path).map_err(|e| fail(format!("cannot resolve it: {e}")))?;
    let meta = std::fs::metadata(&target).map_err(|e| fail(e.to_string()))?;
    if !meta.is_file() {
        return Err(fail("it is no longer a regular file".to_string()));
    }
    // Root may write anything: the mode is the owner's wish, so respect it.
    if meta.permissions().mode() & 0o222 == 0 {
        return Err(fail(
            "the file is read-only (make it writable to let --fix change it)".to_string(),
        ));
    }
    let mut handle = OpenOptions::new()
        .write(true)
        .open(&target)
        .map_err(|e| match e.kind() {
            io::ErrorKind::PermissionDenied => fail("no permission to write the file".to_string()),
            _ => fail(e.to_string()),
        })?;
    unchanged_since_read(&target, original).map_err(fail)?;
    if meta.nlink() > 1 {
        return rewrite_in_place(&mut handle, fixed).map_err(|e| fail(e.to_string()));
    }
    match replace_by_rename(&target, &meta, &handle, original, fixed) {
        Ok(()) => Ok(()),
        Err(Replace::Changed(why)) => Err(fail(why)),
        Err(Replace::CannotKeep) => {
            rewrite_in_place(&mut handle, fixed).map_err(|e| fail(e.to_string()))
        }
        Err(Replace::Io(e)) => Err(fail(e.to_string())),
    }
}

enum Replace {
    /// The file changed under us.
    Changed(String),
    /// The new file could not take the old one's owner, group or attributes.
    CannotKeep,
    Io(io::Error),
}

impl From<io::Error> for Replace {
    fn from(e: io::Error) -> Self {
        Replace::Io(e)
    }
}

fn unchanged_since_read(target: &Path, original: &[u8]) -> Result<(), String> {
    let now = std::fs::read(target).map_err(|e| e.to_string())?;
    if now != original {
        return Err(
            "the file changed since newslint read it (run newslint again to fix the new text)"
                .to_string(),
        );
    }
    Ok(())
}

fn replace_by_rename(
    target: &Path,
    meta: &std::fs::Metadata,
    old: &File,
    original: &[u8],
    fixed: &[u8],
) -> Result<(), Replace> {
    let dir: PathBuf = target
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let mut temp = tempfile::NamedTempFile::new_in(&dir)?;
    temp.write_all(fixed)?;
    let new = temp.as_file();
    new.set_permissions(meta.permissions())?;
    let created = new.metadata()?;
    if (created.uid(), created.gid()) != (meta.uid(), meta.gid())
        && std::os::unix::fs::fchown(new, Some(meta.uid()), Some(meta.gid())).is_err()
    {
        return Err(Replace::CannotKeep);
    }
    // chown clears set-id bits: put the mode back once more.
    new.set_permissions(meta.permissions())?;
    if copy_xattrs(old, new).is_err() {
        return Err(Replace::CannotKeep);
    }
    new.sync_all()?;
    unchanged_since_read(target, original).map_err(Replace::Changed)?;
    temp.persist(target).map_err(|e| Replace::Io(e.error))?;
    Ok(())
}

fn rewrite_in_place(file: &mut File, fixed: &[u8]) -> io::Result<()> {
    file.seek(SeekFrom::Start(0))?;
    file.write_all(fixed)?;
    file.set_len(fixed.len() as u64)?;
    file.sync_all()
}

/// Copy every extended attribute of `from` to `to`.
fn copy_xattrs(from: &File, to: &File) -> io::Result<()> {
    let names = xattr_call(|buf, len| unsafe {
        // SAFETY: `buf` is valid for `len` bytes (or null with len 0, a size query).
        libc::flistxattr(from.as_raw_fd(), buf.cast(), len)
    });
    let names = match names {
        Ok(names) => names,
        // No support for attributes on this file system: nothing to keep.
        Err(e) if e.raw_os_error() == Some(libc::ENOTSUP) => return Ok(()),
        Err(e) => return Err(e),
    };
    for name in names.split(|b| *b == 0).filter(|n| !n.is_empty()) {
        let mut c_name = name.to_vec();
        c_name.push(0);
        let value = xattr_call(|buf, len| unsafe {
            // SAFETY: `c_name` is NUL-terminated; `buf` is valid for `len` bytes.
            libc::fgetxattr(from.as_raw_fd(), c_name.as_ptr().cast(), buf.cast(), len)
        })?;
        // SAFETY: `c_name` is NUL-terminated; `value` is valid for its length.
        let set = unsafe {
            libc::fsetxattr(
                to.as_raw_fd(),
                c_name.as_ptr().cast(),
                value.as_ptr().cast(),
                value.len(),
                0,
            )
        };
        if set != 0 {
            return Err(io::Error::last_os_error());
        }
    }
    Ok(())
}

/// Call a size-query-then-fill xattr function, growing the buffer if the value grew.
fn xattr_call(call: impl Fn(*mut u8, usize) -> isize) -> io::Result<Vec<u8>> {
    loop {
        let size = call(std::ptr::null_mut(), 0);
        if size < 0 {
            return Err(io::Error::last_os_error());
        }
        let mut buf = vec![0u8; size as usize];
        let got = call(buf.as_mut_ptr(), buf.len());
        if got >= 0 {
            buf.truncate(got as usize);
            return Ok(buf);
        }
        let err = io::Error::last_os_error();
        if err.raw_os_error() != Some(libc::ERANGE) {
            return Err(err);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_edited_since_it_was_read_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.md");
        std::fs::write(&path, "edited by a person\n").unwrap();
        let err = write_fixed(&path, b"as newslint read it\n", b"fixed\n").unwrap_err();
        assert!(
            err.0.contains("changed since newslint read it"),
            "{}",
            err.0
        );
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "edited by a person\n"
        );
        write_fixed(&path, b"edited by a person\n", b"fixed\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "fixed\n");
    }
}

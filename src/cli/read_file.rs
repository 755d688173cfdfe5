//! Reading an article from disk, up to a size: an article is kilobytes, and a file
//! thousands of times that (a database dump or a disk image named `.txt`) would otherwise
//! be read whole into memory before anything could be said about it.

use std::io::{self, Read};
use std::path::Path;

/// The largest file newslint reads: five times the 50 MB single line the tests check.
pub(crate) const MAX_FILE_BYTES: u64 = 256 << 20;

/// The bytes of `path`, or an error: an [`io::ErrorKind::FileTooLarge`] one, whose text
/// says so, for a file over [`MAX_FILE_BYTES`]. Its size is asked first, so such a file
/// is not read at all; one that grows while it is read is cut off one byte past the cap.
pub(crate) fn read_capped(path: &Path) -> io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

fn too_large() -> io::Error {
    io::Error::new(
        io::ErrorKind::FileTooLarge,
        format!(
            "the file is larger than {} MB, newslint's limit for an article: not read",
            MAX_FILE_BYTES >> 20
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_over_the_cap_are_refused_unread() {
        let dir = tempfile::tempdir().unwrap();
        let small = dir.path().join("small.txt");
        std::fs::write(&small, "# Vote\n\nThe board met.\n").unwrap();
        assert_eq!(read_capped(&small).unwrap(), b"# Vote\n\nThe board met.\n");
        // A sparse file: its size is what is asked, none of it is written to disk or read.
        let big = dir.path().join("big.txt");
        let handle = std::fs::File::create(&big).unwrap();
        handle.set_len(MAX_FILE_BYTES + 1).unwrap();
        let err = read_capped(&big).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::FileTooLarge);
        assert!(err.to_string().contains("larger than 256 MB"), "{err}");
        let below_cap = dir.path().join("below-cap.txt");
        std::fs::File::create(&below_cap)
            .unwrap()
            .set_len(1 << 20)
            .unwrap();
        assert_eq!(read_capped(&below_cap).unwrap().len(), 1 << 20);
    }
}

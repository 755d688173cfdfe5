//! Reading an article from disk, up to a size: an article is kilobytes, and a file
//! thousands of times that (a database dump or a disk image named `.txt`) would otherwise
//! be read whole into memory before anything could be said about it.

use std::io::{self, Read};
use std::path::Path;

/// The largest file newslint reads: five times the 50 MB single line the tests check.
pub(crate) const MAX_FILE_BYTES: u64 = 256 << 20;

/// Bytes read before the file's size is asked. Nearly every article is smaller, and its
/// size is then never asked: one system call fewer a file of the five that reading one
/// took (open, size, read, the read that finds the end, close), which this machine's
/// kernel makes dear (a run over 89,000 files spent more time in it than in user code
/// with no rules on).
const FIRST_READ: usize = 16 << 10;

/// The bytes of `path`, or an error: an [`io::ErrorKind::FileTooLarge`] one, whose text
/// says so, for a file over [`MAX_FILE_BYTES`]. Past the first [`FIRST_READ`] bytes its
/// size is asked, so such a file is not read further; one that grows while it is read is
/// cut off one byte past the cap.
pub(crate) fn read_capped(path: &Path) -> io::Result<Vec<u8>> {
    let mut file = std::fs::File::open(path)?;
    // Read into spare capacity, which `read_to_end` does not zero first.
    let mut bytes = Vec::with_capacity(FIRST_READ);
    (&mut file)
        .take(FIRST_READ as u64)
        .read_to_end(&mut bytes)?;
    if bytes.len() < FIRST_READ {
        return Ok(bytes);
    }
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        return Err(too_large());
    }
    bytes.reserve(
        usize::try_from(size)
            .unwrap_or(0)
            .saturating_sub(FIRST_READ),
    );
    file.take(MAX_FILE_BYTES + 1 - FIRST_READ as u64)
        .read_to_end(&mut bytes)?;
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
        // Around the first read's size: whole, byte for byte.
        for len in [
            FIRST_READ - 1,
            FIRST_READ,
            FIRST_READ + 1,
            3 * FIRST_READ + 5,
        ] {
            let path = dir.path().join(format!("{len}.txt"));
            let text: Vec<u8> = (0..len).map(|i| b'a' + (i % 26) as u8).collect();
            std::fs::write(&path, &text).unwrap();
            assert_eq!(read_capped(&path).unwrap(), text, "{len} bytes");
        }
    }
}

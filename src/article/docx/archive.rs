//! The zip container of a `.docx`: one part read out of it with bounded cost. A hostile
//! archive (a zip bomb, millions of entries, a part that claims one size and inflates to
//! another) is refused with a message instead of filling memory.

use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

/// The most entries an archive may list: a Word file holds a few dozen parts.
pub(super) const MAX_ENTRIES: usize = 10_000;
/// The most bytes one XML part may inflate to (a novel-length document is a few MiB).
pub(super) const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;
/// Past this size a part must not inflate more than [`MAX_RATIO`] times its packed size.
const RATIO_FLOOR: u64 = 4 * 1024 * 1024;
/// Word's XML packs 5–20 times; a zip bomb packs thousands of times.
pub(super) const MAX_RATIO: u64 = 250;

/// An opened `.docx` archive.
pub(super) struct Archive<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
}

impl<'a> Archive<'a> {
    /// Open `bytes` as a zip archive, or say why it is not one.
    pub(super) fn open(bytes: &'a [u8]) -> Result<Self, String> {
        if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            return Err("not a .docx: this is an OLE file (an old binary .doc, or a password-protected Word file); save it as an unprotected .docx".to_string());
        }
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|err| match err {
            ZipError::InvalidArchive(_) | ZipError::Io(_) => {
                format!("not a .docx: the file is not a zip archive, or it is truncated ({err})")
            }
            other => format!("not a .docx: cannot open the zip archive ({other})"),
        })?;
        if zip.len() > MAX_ENTRIES {
            return Err(format!(
                "the archive lists {} entries (a Word file holds a few dozen; the limit is {MAX_ENTRIES}); refused",
                zip.len()
            ));
        }
        Ok(Self { zip })
    }

    /// The text of the part `name`, `Ok(None)` when the archive has no such part.
    pub(super) fn part(&mut self, name: &str) -> Result<Option<String>, String> {
        let entry = match self.zip.by_name(name) {
            Ok(entry) => entry,
            Err(ZipError::FileNotFound) => return Ok(None),
            Err(err) => return Err(format!("cannot read {name} from the archive: {err}")),
        };
        if entry.encrypted() {
            return Err(format!("{name} is encrypted; newslint cannot read it"));
        }
        let packed = entry.compressed_size();
        if entry.size() > MAX_PART_BYTES {
            return Err(too_big(name));
        }
        // The declared size is the archive's word only: the reading itself is capped.
        let mut bytes = Vec::new();
        let read = entry
            .take(MAX_PART_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|err| format!("cannot unpack {name}: {err}"))?;
        let read = read as u64;
        if read > MAX_PART_BYTES {
            return Err(too_big(name));
        }
        if read > RATIO_FLOOR && read > packed.saturating_mul(MAX_RATIO) {
            return Err(format!(
                "{name} inflates {} times its packed size (more than {MAX_RATIO}); refused as a zip bomb",
                read / packed.max(1)
            ));
        }
        String::from_utf8(bytes).map(Some).map_err(|err| {
            format!(
                "{name} is not UTF-8 (bad byte at offset {})",
                err.utf8_error().valid_up_to()
            )
        })
    }
}

fn too_big(name: &str) -> String {
    format!(
        "{name} unpacks to more than {} MiB; refused (a zip bomb, or not a news article)",
        MAX_PART_BYTES / (1024 * 1024)
    )
}

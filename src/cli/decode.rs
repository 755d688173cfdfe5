//! A file's bytes as the text of an article, or a clear reason why not: UTF-16 and UTF-32
//! told apart by their byte-order marks (or, without one, by where the zero bytes fall), a
//! NUL byte anywhere taken for a binary file, and the first byte that is not UTF-8 located.

use std::path::Path;

use newslint::Format;
use newslint::line_index::LineIndex;

/// Why a file is not read, and where (1-based line and column) when there is a place.
pub(crate) type Unread = (String, Option<(usize, usize)>);

/// Read a file's bytes as an article of the format its name implies, or say why not.
pub(crate) fn read_document(
    path: &Path,
    bytes: Vec<u8>,
    options: &newslint::article::ReadOptions,
) -> Result<newslint::Document, Unread> {
    let format = Format::from_path(path);
    if format == Format::Docx {
        return newslint::Document::read_docx_with(&bytes, options).map_err(|err| (err.0, None));
    }
    let source = decode(bytes)?;
    newslint::Document::parse_with(source, format, options)
        .map_err(|err| (err.message, Some(err.position)))
}

/// Bytes as UTF-8 text, or why not (with the position of the first bad byte).
pub(crate) fn decode(bytes: Vec<u8>) -> Result<String, Unread> {
    if let Some(encoding) = byte_order_mark(&bytes) {
        return Err((
            format!(
                "the file is {encoding} (it starts with a {encoding} byte-order mark); newslint reads UTF-8: convert it, e.g. with `iconv -f {encoding} -t UTF-8`"
            ),
            Some((1, 1)),
        ));
    }
    // The whole file is searched, not a prefix: a NUL after the first pages is still a
    // binary file (or a broken one), and one pass of memchr costs little beside the lint.
    if let Some(nul) = memchr::memchr(0, &bytes) {
        let (line, col) = position_in_bytes(&bytes, nul);
        let hint = match unmarked_wide_encoding(&bytes) {
            Some(encoding) => format!(
                "; it may be {encoding} without a byte-order mark: convert it, e.g. with `iconv -f {encoding} -t UTF-8`"
            ),
            None => "; it is not an article".to_string(),
        };
        return Err((
            format!("the file looks binary (a NUL byte at byte offset {nul}){hint}"),
            Some((line, col)),
        ));
    }
    String::from_utf8(bytes).map_err(|err| {
        let offset = err.utf8_error().valid_up_to();
        let bytes = err.into_bytes();
        let (line, col) = position_in_bytes(&bytes, offset);
        (
            format!(
                "the file is not valid UTF-8 (byte 0x{:02X} at byte offset {offset}); newslint reads UTF-8: convert it, e.g. from Latin-1 with `iconv -f LATIN1 -t UTF-8`",
                bytes[offset]
            ),
            Some((line, col)),
        )
    })
}

/// The encoding a UTF-16 or UTF-32 byte-order mark names (iconv reads the byte order from
/// the mark). UTF-32's little-endian mark begins with UTF-16's, so it is looked for first.
fn byte_order_mark(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        Some("UTF-32")
    } else if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        Some("UTF-16")
    } else {
        None
    }
}

/// UTF-16 or UTF-32 without a mark, told by its first character when that is ASCII (as an
/// article's first character nearly always is): its zero bytes fall in a fixed pattern.
fn unmarked_wide_encoding(bytes: &[u8]) -> Option<&'static str> {
    let ascii = |b: u8| b != 0 && b.is_ascii();
    match bytes {
        [a, 0, 0, 0, ..] if ascii(*a) => Some("UTF-32LE"),
        [0, 0, 0, a, ..] if ascii(*a) => Some("UTF-32BE"),
        [a, 0, b, 0, ..] if ascii(*a) && ascii(*b) => Some("UTF-16LE"),
        [0, a, 0, b, ..] if ascii(*a) && ascii(*b) => Some("UTF-16BE"),
        _ => None,
    }
}

fn position_in_bytes(bytes: &[u8], offset: usize) -> (usize, usize) {
    let prefix = String::from_utf8_lossy(&bytes[..offset]);
    LineIndex::new(&prefix).line_col(&prefix, prefix.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(bytes: &[u8]) -> String {
        decode(bytes.to_vec()).unwrap_err().0
    }

    #[test]
    fn utf32_is_told_from_utf16() {
        let mut le = vec![0xFF, 0xFE, 0, 0];
        le.extend("Ferry".chars().flat_map(|c| (c as u32).to_le_bytes()));
        assert!(
            message(&le)
                .starts_with("the file is UTF-32 (it starts with a UTF-32 byte-order mark)")
        );
        let mut be = vec![0, 0, 0xFE, 0xFF];
        be.extend("Ferry".chars().flat_map(|c| (c as u32).to_be_bytes()));
        assert!(message(&be).contains("iconv -f UTF-32 -t UTF-8"));
        assert!(message(&[0xFF, 0xFE, b'F', 0]).starts_with("the file is UTF-16 "));
        assert!(message(&[0xFE, 0xFF, 0, b'F']).starts_with("the file is UTF-16 "));
    }

    #[test]
    fn wide_text_without_a_mark_is_named_in_the_binary_message() {
        let utf16: Vec<u8> = "Ferry".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let text = message(&utf16);
        assert!(
            text.starts_with("the file looks binary (a NUL byte at byte offset 1)"),
            "{text}"
        );
        assert!(
            text.contains("UTF-16LE without a byte-order mark"),
            "{text}"
        );
        let utf32: Vec<u8> = "Ferry"
            .chars()
            .flat_map(|c| (c as u32).to_be_bytes())
            .collect();
        assert!(message(&utf32).contains("UTF-32BE without"));
        assert!(message(b"PNG\x00\x01").ends_with("it is not an article"));
    }

    #[test]
    fn a_nul_far_into_the_file_is_found() {
        let mut bytes = "The ferry sailed.\n".repeat(10_000).into_bytes();
        let at = bytes.len() - 5;
        bytes[at] = 0;
        let (text, position) = decode(bytes).unwrap_err();
        assert!(
            text.contains(&format!("a NUL byte at byte offset {at}")),
            "{text}"
        );
        assert_eq!(position, Some((10_000, 14)));
        assert_eq!(decode(b"Fine text\n".to_vec()).unwrap(), "Fine text\n");
    }
}

//! Interim sentence splitter (scaffolding until the abbreviation-aware one lands).

use std::ops::Range;

/// Byte ranges of the sentences of `text`.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for i in 0..bytes.len() {
        if matches!(bytes[i], b'.' | b'!' | b'?') && bytes.get(i + 1) == Some(&b' ') {
            out.push(start..i + 1);
            start = i + 2;
        }
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

//! JSON for the machine-read outputs: serde_json's, with the C1 controls escaped too.
//!
//! serde_json escapes only the C0 controls (U+0000–U+001F). The C1 controls
//! (U+0080–U+009F: NEL, CSI and the rest, common in mis-decoded Windows-1252 copy) pass
//! through raw, and some JSON consumers and terminals act on them. Every JSON and SARIF
//! document newslint writes goes through here, so they come out as `\u0085` and the like.
//!
//! The JSON report writes its strings with [`push_str`], which copies a run with nothing to
//! escape straight through and escapes the rest exactly as the serde path does: serde's
//! byte-at-a-time escape scan was three quarters of the report's cost.

use std::io;

use serde::Serialize;
use serde_json::ser::{CharEscape, CompactFormatter, Formatter, PrettyFormatter, Serializer};

/// A formatter that writes like `F` but escapes C1 controls inside strings.
struct EscapeC1<F>(F);

/// The lead byte of every C1 control in UTF-8 (they are `C2 80` to `C2 9F`); in valid
/// UTF-8 it is never a continuation byte, so finding it finds the character's start.
const C1_LEAD: u8 = 0xC2;

impl<F: Formatter> Formatter for EscapeC1<F> {
    fn write_string_fragment<W>(&mut self, writer: &mut W, fragment: &str) -> io::Result<()>
    where
        W: ?Sized + io::Write,
    {
        let bytes = fragment.as_bytes();
        let mut written = 0;
        let mut from = 0;
        while let Some(offset) = memchr::memchr(C1_LEAD, &bytes[from..]) {
            let lead = from + offset;
            from = lead + 1;
            let Some(&low) = bytes.get(lead + 1).filter(|b| (0x80..=0x9F).contains(*b)) else {
                continue;
            };
            self.0
                .write_string_fragment(writer, &fragment[written..lead])?;
            // U+0080–U+009F: the code point is the second byte, so `\u00XX` spells it.
            self.0
                .write_char_escape(writer, CharEscape::AsciiControl(low))?;
            written = lead + 2;
            from = written;
        }
        self.0.write_string_fragment(writer, &fragment[written..])
    }

    // The structural pieces are `F`'s own, so a pretty document keeps its indentation.
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn end_object_key<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_key(w)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// `value` as compact JSON into `writer`.
pub(crate) fn to_writer<W: io::Write, T: Serialize + ?Sized>(
    writer: W,
    value: &T,
) -> io::Result<()> {
    let mut serializer = Serializer::with_formatter(writer, EscapeC1(CompactFormatter));
    value.serialize(&mut serializer).map_err(io::Error::from)
}

/// `value` as indented JSON into `writer`.
pub(crate) fn to_writer_pretty<W: io::Write, T: Serialize + ?Sized>(
    writer: W,
    value: &T,
) -> io::Result<()> {
    let formatter = EscapeC1(PrettyFormatter::new());
    let mut serializer = Serializer::with_formatter(writer, formatter);
    value.serialize(&mut serializer).map_err(io::Error::from)
}

/// `value` as compact JSON text.
pub(crate) fn to_string<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = Vec::new();
    to_writer(&mut out, value).expect("writing JSON into memory does not fail");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Whether a byte may need escaping: the C0 controls, `"`, `\\`, and the lead byte of the
/// C1 controls (which also leads U+00A0 to U+00BF, `£` and `°` among them: the caller looks
/// at the byte after it).
fn may_need_escape(byte: u8) -> bool {
    byte < 0x20 || byte == b'"' || byte == b'\\' || byte == C1_LEAD
}

/// Bytes tested at a time, as one word.
const WORD: usize = 8;
/// `0x01` in every byte of a word, and `0x80` in every byte.
const ONES: u64 = u64::from_le_bytes([0x01; WORD]);
const HIGHS: u64 = ONES * 0x80;

/// The high bit set in each byte of `word` that is below `limit` (at most 0x80). Only the
/// lowest set bit is exact (a borrow can mark a byte above a true one), which is all
/// [`next_candidate`] uses.
fn bytes_below(word: u64, limit: u8) -> u64 {
    word.wrapping_sub(ONES * u64::from(limit)) & !word & HIGHS
}

/// The high bit set in each byte of `word` equal to `byte` (lowest set bit exact).
fn bytes_equal(word: u64, byte: u8) -> u64 {
    bytes_below(word ^ (ONES * u64::from(byte)), 1)
}

/// The first byte at or after `from` that may need escaping, looked for a word (eight
/// bytes) at a time, the last few bytes one by one.
fn next_candidate(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + WORD) {
        let word = u64::from_le_bytes(chunk.try_into().expect("a word's bytes"));
        let found = bytes_below(word, 0x20)
            | bytes_equal(word, b'"')
            | bytes_equal(word, b'\\')
            | bytes_equal(word, C1_LEAD);
        if found != 0 {
            // Little-endian: the lowest set bit is in the first such byte.
            return Some(at + found.trailing_zeros() as usize / 8);
        }
        at += WORD;
    }
    let found = bytes[at..].iter().position(|&b| may_need_escape(b))?;
    Some(at + found)
}

/// `\u00XX`, serde's escape for a control character (C0, or C1 given its second byte).
fn unicode_escape(code: u8) -> [u8; 6] {
    const HEX_DIGITS: &[u8; 16] = b"0123456789abcdef";
    let hex = |nibble: u8| HEX_DIGITS[usize::from(nibble)];
    [b'\\', b'u', b'0', b'0', hex(code >> 4), hex(code & 0xF)]
}

/// `text` as a JSON string, appended to `out`: byte for byte what [`to_writer`] writes for
/// it (serde's escapes for `"`, `\\` and C0 controls, `\u00XX` for C1 controls).
pub(crate) fn push_str(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut copied = 0;
    let mut from = 0;
    while let Some(at) = next_candidate(bytes, from) {
        from = at + 1;
        let escaped: &[u8] = match bytes[at] {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            0x08 => b"\\b",
            0x09 => b"\\t",
            0x0A => b"\\n",
            0x0C => b"\\f",
            0x0D => b"\\r",
            C1_LEAD => match bytes.get(at + 1) {
                // U+0080–U+009F: the code point is the second byte.
                Some(&low @ 0x80..=0x9F) => {
                    from = at + 2;
                    &unicode_escape(low)
                }
                // U+00A0–U+00BF (`£`, `°`, a no-break space) are written as they are.
                _ => continue,
            },
            control => &unicode_escape(control),
        };
        out.extend_from_slice(&bytes[copied..at]);
        out.extend_from_slice(escaped);
        copied = from;
    }
    out.extend_from_slice(&bytes[copied..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pushed(text: &str) -> String {
        let mut out = Vec::new();
        push_str(&mut out, text);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn push_str_escapes_every_character_as_the_serde_path_does() {
        // Every character up to U+0800 (C0, ASCII, C1, the rest of the C2 lead byte's
        // range, two-byte letters), alone, between words, and at a block's edges.
        for c in (0..0x800u32).filter_map(char::from_u32) {
            for text in [
                c.to_string(),
                format!("caf\u{e9} {c} \u{2014}x"),
                format!("{}{c}{c}", "a".repeat(WORD - 1)),
                format!("{}{c}", "b".repeat(2 * WORD)),
                // Every place in a word, and after one.
                format!(
                    "{}{}{c}\u{1}{c}x",
                    "z".repeat(c as usize % WORD),
                    "\u{a3}".repeat(c as usize % 5)
                ),
            ] {
                assert_eq!(pushed(&text), to_string(&text), "{:?}", c);
            }
        }
    }

    #[test]
    fn push_str_agrees_with_the_serde_path_on_mixed_text() {
        let cases = [
            "",
            "plain ASCII, long enough to span more than one block of bytes",
            "He said \"no\" \\ and left\n\tagain\r\u{8}\u{c}\u{1f}\u{0}",
            "\u{85}\u{9f}\u{80}\u{a0}\u{a3}40 \u{b0}C \u{bf}\u{7f}",
            "\u{c2}\u{85}",
            "Zo\u{eb} \u{201c}quoted\u{201d} \u{1f4f0} \u{feff}\u{2028}\u{2029}",
            "trailing lead \u{a3}",
            "0123456789\u{a3}0123456789ab\"",
            "0123456789012\u{a3}\u{85}",
            "\"\"\"\\\\\u{85}\u{85}\u{9b}31m",
        ];
        for text in cases {
            assert_eq!(pushed(text), to_string(&text), "{text:?}");
            assert_eq!(serde_json::from_str::<String>(&pushed(text)).unwrap(), text);
        }
    }

    #[test]
    fn c1_controls_are_escaped_and_read_back_the_same() {
        let text = "Mayor\u{85}said\u{9b}31m caf\u{e9} \u{a0}\u{80}\u{9f}\u{1b}";
        let json = to_string(&text);
        assert_eq!(
            json,
            "\"Mayor\\u0085said\\u009b31m caf\u{e9} \u{a0}\\u0080\\u009f\\u001b\""
        );
        assert!(!json.chars().any(|c| c.is_control()));
        assert_eq!(serde_json::from_str::<String>(&json).unwrap(), text);
    }

    proptest::proptest! {
        #[test]
        fn push_str_agrees_with_the_serde_path_on_any_mix(
            text in "[a \"\\\\\\x00-\\x1f\\x7f\u{80}-\u{bf}\u{e9}\u{201c}\u{1f4f0}]{0,80}"
        ) {
            proptest::prop_assert_eq!(pushed(&text), to_string(&text));
        }
    }

    #[test]
    fn pretty_output_is_serde_jsons_apart_from_the_escapes() {
        let value = serde_json::json!({"a": [1, {"b": "plain é text"}], "c": null});
        let mut ours = Vec::new();
        to_writer_pretty(&mut ours, &value).unwrap();
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            serde_json::to_string_pretty(&value).unwrap()
        );
        assert_eq!(to_string(&value), value.to_string());
    }
}

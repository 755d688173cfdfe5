//! JSON for the machine-read outputs: serde_json's, with the C1 controls escaped too.
//!
//! serde_json escapes only the C0 controls (U+0000–U+001F). The C1 controls
//! (U+0080–U+009F: NEL, CSI and the rest, common in mis-decoded Windows-1252 copy) pass
//! through raw, and some JSON consumers and terminals act on them. Every JSON and SARIF
//! document newslint writes goes through here, so they come out as `\u0085` and the like.

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

#[cfg(test)]
mod tests {
    use super::*;

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

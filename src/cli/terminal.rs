//! Text from an article (or a pack, or a file name) made safe to show on a terminal: a
//! control character in copy (`ESC [ 2 J`, an OSC title sequence, a bare carriage return)
//! would be obeyed by the terminal, not shown, so it is written as a Rust-style escape,
//! `\u{1b}`. Tabs, line feeds and CRLF line endings are left as they are.

use std::borrow::Cow;

/// Whether `c` at `rest` (the text after it) would act on a terminal instead of showing.
fn acts(c: char, rest: &str) -> bool {
    c.is_control() && c != '\t' && c != '\n' && !(c == '\r' && rest.starts_with('\n'))
}

/// `text` with every control character but tab, line feed and the CR of a CRLF escaped.
pub(crate) fn escape_controls(text: &str) -> Cow<'_, str> {
    let mut hazards = text
        .char_indices()
        .filter(|&(at, c)| acts(c, &text[at + c.len_utf8()..]))
        .peekable();
    if hazards.peek().is_none() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut cursor = 0;
    for (at, c) in hazards {
        out.push_str(&text[cursor..at]);
        out.push_str(&format!("\\u{{{:x}}}", c as u32));
        cursor = at + c.len_utf8();
    }
    out.push_str(&text[cursor..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_shown_not_obeyed() {
        assert_eq!(
            escape_controls("Mayor\u{1b}[2J said\u{7}"),
            "Mayor\\u{1b}[2J said\\u{7}"
        );
        assert_eq!(escape_controls("a\u{9b}31mb\u{7f}"), "a\\u{9b}31mb\\u{7f}");
        assert_eq!(escape_controls("over\rwrite"), "over\\u{d}write");
        assert!(matches!(
            escape_controls("Tab\there\r\nline\n"),
            Cow::Borrowed("Tab\there\r\nline\n")
        ));
        assert_eq!(escape_controls("end\r"), "end\\u{d}");
    }
}

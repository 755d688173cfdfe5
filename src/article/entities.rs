//! Raw markup text into article text: character references decoded (htmlize holds the
//! WHATWG table), runs of white space collapsed to one space, each piece pushed with the
//! file range it stands for so that spans map back to the bytes of the file.

use super::extracted::ArticleBuilder;

/// Push the raw text `raw`, found at file offset `file_start`, into the open block.
pub fn push_text(builder: &mut ArticleBuilder, raw: &str, file_start: usize, node: u32) {
    let bytes = raw.as_bytes();
    let mut run_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'&' {
            if let Some(len) = reference_len(&bytes[i..]) {
                let reference = &raw[i..i + len];
                let decoded = htmlize::unescape(reference);
                if decoded != reference {
                    builder.exact(&raw[run_start..i], file_start + run_start, node);
                    let range = file_start + i..file_start + i + len;
                    builder.decoded(&decoded, range, node);
                    i += len;
                    run_start = i;
                    continue;
                }
            }
        } else if b.is_ascii_whitespace() {
            let end = i + bytes[i..]
                .iter()
                .take_while(|b| b.is_ascii_whitespace())
                .count();
            if end - i > 1 || b != b' ' {
                builder.exact(&raw[run_start..i], file_start + run_start, node);
                builder.decoded(" ", file_start + i..file_start + end, node);
                run_start = end;
            }
            i = end;
            continue;
        }
        i += 1;
    }
    builder.exact(&raw[run_start..], file_start + run_start, node);
}

/// Decode the references in an attribute value or other text where positions do not matter.
pub fn decode(raw: &str) -> String {
    htmlize::unescape(raw).into_owned()
}

/// Length of the character reference at the start of `bytes` (`&name;`, `&#10;`, `&#x2019;`).
fn reference_len(bytes: &[u8]) -> Option<usize> {
    let rest = &bytes[1..];
    let (body, allowed): (usize, fn(&u8) -> bool) = match rest {
        [b'#', b'x' | b'X', ..] => (2, u8::is_ascii_hexdigit),
        [b'#', ..] => (1, u8::is_ascii_digit),
        [c, ..] if c.is_ascii_alphabetic() => (0, u8::is_ascii_alphanumeric),
        _ => return None,
    };
    let count = rest[body..]
        .iter()
        .take(32)
        .take_while(|b| allowed(b))
        .count();
    if count == 0 {
        return None;
    }
    let end = 1 + body + count;
    // Without its `;` only a legacy name decodes; htmlize knows which.
    Some(if bytes.get(end) == Some(&b';') {
        end + 1
    } else {
        end
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Role;

    fn decoded(raw: &str) -> (String, Vec<(String, String)>) {
        let mut b = ArticleBuilder::new();
        b.open(Role::Body, 0);
        let node = b.new_node();
        push_text(&mut b, raw, 0, node);
        let out = b.finish(raw.len());
        let pairs = out
            .text
            .char_indices()
            .map(|(i, c)| {
                let span = out.map.file_span(i..i + c.len_utf8());
                (c.to_string(), raw[span].to_string())
            })
            .filter(|(a, b)| a != b)
            .collect();
        (out.text, pairs)
    }

    #[test]
    fn references_and_white_space() {
        let (text, pairs) =
            decoded("Don&rsquo;t\n   go &amp; see&#8230; &#x201C;x&#x201D; &bogus; &copy");
        assert_eq!(text, "Don’t go & see… “x” &bogus; ©");
        assert!(pairs.contains(&("’".into(), "&rsquo;".into())));
        assert!(pairs.contains(&(" ".into(), "\n   ".into())));
        assert!(pairs.contains(&("©".into(), "&copy".into())));
    }
}

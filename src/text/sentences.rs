//! Abbreviation-aware sentence splitting for news prose.
//!
//! The quotation checks need "the sentence where a quotation opens" and its neighbours, so
//! the splitter must not break at "Mr.", "U.S.", "Sept. 9", "J. R. Smith", "3.5" or an
//! ellipsis, and it must break after a full stop that sits inside closing quotation marks.

use std::ops::Range;

/// Titles and other abbreviations that never end a sentence, compared case-sensitively
/// so that an ordinary word such as "co" or "mar" at a sentence end still breaks.
#[rustfmt::skip]
const ABBREVIATIONS: &[&str] = &[
    // titles and ranks
    "Mr", "Mrs", "Ms", "Messrs", "Mme", "Mlle", "Dr", "Prof", "Rev", "Hon", "St", "Gov", "Sen",
    "Rep", "Pres", "Gen", "Col", "Lt", "Capt", "Cmdr", "Adm", "Maj", "Brig", "Sgt", "Cpl", "Pte",
    "Supt", "Insp", "Det", "Atty", "Jr", "Sr", "Mt", "Ft",
    // companies
    "Inc", "Ltd", "Co", "Corp", "Bros", "Plc",
    // months as AP writes them
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    // streets
    "Ave", "Blvd", "Rd",
    // Latin and other lower-case short forms
    "vs", "v", "cf", "al", "approx", "ca", "viz", "Fig", "fig", "Vol", "vol", "pp",
];

/// Whether `word` is one of [`ABBREVIATIONS`]: each is at most eight bytes, so it is
/// looked up as one number (its bytes, zero-padded) in a sorted table, not compared with
/// every entry in turn (a full stop is met every sentence).
fn is_listed_abbreviation(word: &str) -> bool {
    static PACKED: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| {
        let mut packed: Vec<u64> = ABBREVIATIONS
            .iter()
            .map(|a| packed_word(a).expect("abbreviations are at most eight bytes"))
            .collect();
        packed.sort_unstable();
        packed
    });
    packed_word(word).is_some_and(|w| PACKED.binary_search(&w).is_ok())
}

/// The bytes of a word of at most eight bytes as one number, zero-padded (no word holds a
/// zero byte, so two words share a number only when they are equal).
fn packed_word(word: &str) -> Option<u64> {
    let bytes = word.as_bytes();
    let mut buf = [0u8; 8];
    buf.get_mut(..bytes.len())?.copy_from_slice(bytes);
    Some(u64::from_le_bytes(buf))
}

/// Abbreviations that only stay inside the sentence when a figure follows ("No. 10").
const NUMBER_ABBREVIATIONS: &[&str] = &["No", "Nos", "no", "nos", "Nr"];

/// Characters that may close a sentence after its terminal punctuation.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
}

/// Characters that may open the next sentence besides capitals and digits: quotation
/// marks (`”` too, which systems that type only `”` open with), and brackets round a
/// whole sentence.
fn is_opener(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '‘' | '\'' | '«' | '„' | '(' | '[')
}

/// Splits `text` into sentences, returning byte ranges relative to `text`, each trimmed of
/// surrounding white space. Runs of spaces left where markup was masked count as white
/// space, and so do single line breaks.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    // Room for sentences of a typical length, so that the list seldom grows.
    let mut out = Vec::with_capacity(text.len() / 64 + 1);
    let mut start = 0;
    let mut i = 0;
    while let Some(at) = find_any_byte(bytes, i, [b'.', b'!', b'?']) {
        if bytes[at] == b'!' && is_name_exclamation(text, start, at) {
            i = at + 1;
            continue;
        }
        match boundary_after(text, at) {
            Some((end, next_start)) => {
                push_trimmed(text, start..end, &mut out);
                start = next_start;
                i = next_start;
            }
            None => i = at + 1,
        }
    }
    push_trimmed(text, start..bytes.len(), &mut out);
    out
}

/// Position of the first of three bytes at or after `from` (memchr's vector search: prose
/// is long between stops, and the scan is most of the splitter's cost).
pub(crate) fn find_any_byte(bytes: &[u8], from: usize, needles: [u8; 3]) -> Option<usize> {
    let from = from.min(bytes.len());
    memchr::memchr3(needles[0], needles[1], needles[2], &bytes[from..]).map(|p| from + p)
}

/// If the terminal mark at `i` ends a sentence, returns where that sentence ends (after
/// any closing marks) and where the next one starts.
fn boundary_after(text: &str, i: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let b = bytes[i];
    // In a run such as "?!" or "...", only the last mark can end the sentence, and an
    // ellipsis never does.
    if bytes
        .get(i + 1)
        .is_some_and(|n| matches!(n, b'.' | b'!' | b'?'))
    {
        return None;
    }
    if b == b'.' && text[..i].trim_end().ends_with('.') {
        // Also the spaced form ". . .".
        return None;
    }
    let rest = &text[i + 1..];
    let mut chars = rest.char_indices().peekable();
    while let Some(&(_, c)) = chars.peek() {
        if is_closer(c) {
            chars.next();
        } else {
            break;
        }
    }
    let mut end = None;
    while let Some(&(off, c)) = chars.peek() {
        if c.is_whitespace() {
            end.get_or_insert(i + 1 + off);
            chars.next();
        } else {
            break;
        }
    }
    let (off, next) = chars.next()?;
    let end = end?;
    if !(next.is_uppercase() || next.is_ascii_digit() || is_opener(next)) {
        return None;
    }
    if b == b'.' && is_abbreviation(text, i, next) {
        return None;
    }
    Some((end, i + 1 + off))
}

/// Whether the `!` at `bang` belongs to a name ("Lee's POW! Entertainment", "shares in
/// Yahoo! Japan") rather than ending an exclamation. The mark stands right after a
/// capitalised word that is not the first of its sentence (an interjection opening a
/// sentence, "Wow! That was close.", still ends it) and right before a space and another
/// capitalised word, with no closing mark between: a name runs on, an exclamation inside
/// a sentence rarely sits between two capitals, and one quoted ("Stop!" He ran.) is closed.
fn is_name_exclamation(text: &str, sentence_start: usize, bang: usize) -> bool {
    let before = &text[sentence_start..bang];
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric())
        .last()
        .map(|(p, _)| p);
    let Some(word_start) = word_start else {
        return false;
    };
    let capitalised = before[word_start..]
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    let first_of_sentence = !before[..word_start].chars().any(char::is_alphanumeric);
    let mut after = text[bang + 1..].chars();
    let spaced = after.next() == Some(' ');
    capitalised && !first_of_sentence && spaced && after.next().is_some_and(char::is_uppercase)
}

/// Whether the full stop at `dot` closes an abbreviation rather than a sentence.
fn is_abbreviation(text: &str, dot: usize, next: char) -> bool {
    let before = &text[..dot];
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic() || c == '.')
        .last()
        .map_or(dot, |(p, _)| p);
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    // Dotted forms: "U.S.", "a.m.", "e.g.", "i.e.".
    if word.contains('.') {
        return true;
    }
    let mut letters = word.chars();
    if let (Some(first), None) = (letters.next(), letters.next()) {
        // An initial: "J. R. Smith".
        return first.is_uppercase();
    }
    if is_listed_abbreviation(word) {
        return true;
    }
    next.is_ascii_digit() && NUMBER_ABBREVIATIONS.contains(&word)
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(
            split("The ferry left. It came back! Did it sink? No."),
            vec!["The ferry left.", "It came back!", "Did it sink?", "No."]
        );
    }

    #[test]
    fn empty_and_blank() {
        assert!(split_sentences("").is_empty());
        assert!(split_sentences("   \n  ").is_empty());
        assert_eq!(
            split("  one line without a stop  "),
            vec!["one line without a stop"]
        );
    }

    #[test]
    fn titles_do_not_end_sentences() {
        assert_eq!(
            split(
                "Mr. Pell met Mrs. Okafor and Dr. Vance. Gov. Lund, Sen. Ray and Rep. Ibarra came too."
            ),
            vec![
                "Mr. Pell met Mrs. Okafor and Dr. Vance.",
                "Gov. Lund, Sen. Ray and Rep. Ibarra came too."
            ]
        );
        assert_eq!(
            split("They walked down St. Agnes Lane. It rained."),
            vec!["They walked down St. Agnes Lane.", "It rained."]
        );
    }

    #[test]
    fn dotted_abbreviations_and_times() {
        assert_eq!(
            split(
                "The U.S. Navy and the U.K. Coastguard met at 9 a.m. Tuesday. They left at 5 p.m. Friday."
            ),
            vec![
                "The U.S. Navy and the U.K. Coastguard met at 9 a.m. Tuesday.",
                "They left at 5 p.m. Friday."
            ]
        );
        assert_eq!(
            split("Bring tools, e.g. Hammers and saws. Or not, i.e. Nothing."),
            vec![
                "Bring tools, e.g. Hammers and saws.",
                "Or not, i.e. Nothing."
            ]
        );
    }

    #[test]
    fn months_numbers_companies() {
        assert_eq!(
            split("The vote is on Sept. 9 and Jan. 14. Dec. 1 is out."),
            vec!["The vote is on Sept. 9 and Jan. 14.", "Dec. 1 is out."]
        );
        assert_eq!(
            split("She lives at No. 10 Quay Road. No. It was sold."),
            vec!["She lives at No. 10 Quay Road.", "No.", "It was sold."]
        );
        assert_eq!(
            split("Harrow Inc. Bought the mill from Vane Ltd. And Pike Co. Soon after."),
            vec!["Harrow Inc. Bought the mill from Vane Ltd. And Pike Co. Soon after."]
        );
        assert_eq!(
            split("It was Tolley vs. Halvard. Tolley won."),
            vec!["It was Tolley vs. Halvard.", "Tolley won."]
        );
    }

    #[test]
    fn initials_decimals_ellipses() {
        assert_eq!(
            split("J. R. Okonjo wrote it. The river rose 3.5 feet... Then it fell."),
            vec![
                "J. R. Okonjo wrote it.",
                "The river rose 3.5 feet... Then it fell."
            ]
        );
        assert_eq!(
            split("Wait. . . What? Yes."),
            vec!["Wait. . . What?", "Yes."]
        );
    }

    #[test]
    fn closing_quotes_and_brackets() {
        assert_eq!(
            split(
                "“We will go.” The council agreed. \"Fine,\" she said. (It was late.) 2025 was dry."
            ),
            vec![
                "“We will go.”",
                "The council agreed.",
                "\"Fine,\" she said.",
                "(It was late.)",
                "2025 was dry."
            ]
        );
        assert_eq!(
            split("He said: \"We will go. \"Then we will see.\""),
            vec!["He said: \"We will go.", "\"Then we will see.\""]
        );
        assert_eq!(
            split("«Le bac est parti.» Les gens attendent."),
            vec!["«Le bac est parti.»", "Les gens attendent."]
        );
        assert_eq!(
            split("The pier is shut. ”We will open it in May,” said Ida. ‘‘Soon.’’ Fine."),
            vec![
                "The pier is shut.",
                "”We will open it in May,” said Ida.",
                "‘‘Soon.’’",
                "Fine."
            ]
        );
    }

    #[test]
    fn an_exclamation_mark_inside_a_name_does_not_break() {
        assert_eq!(
            split("She runs Marta's ZAP! Studios in Pellow. It opened in May."),
            vec![
                "She runs Marta's ZAP! Studios in Pellow.",
                "It opened in May."
            ]
        );
        assert_eq!(
            split("Shares in Hooray! Media rose. Hooray! said nothing."),
            vec!["Shares in Hooray! Media rose.", "Hooray! said nothing."]
        );
        // Real exclamations still end their sentences: one opening its sentence, one
        // after a lower-case word, one closed by a quotation mark.
        assert_eq!(
            split("Wow! That was close. We won! The crowd sang. He cried \"Run!\" Then he ran."),
            vec![
                "Wow!",
                "That was close.",
                "We won!",
                "The crowd sang.",
                "He cried \"Run!\"",
                "Then he ran."
            ]
        );
    }

    #[test]
    fn lower_case_after_stop_does_not_break() {
        assert_eq!(
            split("\"Stop.\" said the sign. It was eBay. the end"),
            vec!["\"Stop.\" said the sign.", "It was eBay. the end"]
        );
    }

    #[test]
    fn masked_runs_and_line_breaks_are_white_space() {
        let text = "See the note.            Then read\nthe rest.\nAnd stop.";
        assert_eq!(
            split(text),
            vec!["See the note.", "Then read\nthe rest.", "And stop."]
        );
    }

    #[test]
    fn listed_abbreviations_are_found_by_their_packed_bytes() {
        for a in ABBREVIATIONS {
            assert!(is_listed_abbreviation(a), "{a}");
        }
        for word in [
            "",
            "M",
            "mr",
            "MR",
            "Mrs.",
            "Messrsx",
            "Sept9",
            "Septembers",
            "co",
        ] {
            assert!(!is_listed_abbreviation(word), "{word}");
        }
    }

    #[test]
    fn byte_finder_agrees_with_a_plain_scan() {
        let text = "abcdefgh.ijklmnop!qrstuvwxyz?0123456789 éà “quoted” text.";
        let bytes = text.as_bytes();
        for from in 0..=bytes.len() {
            for needles in [[b'.', b'!', b'?'], [b'"', 0xC2, 0xE2], [b'z', b'z', b'z']] {
                let plain = bytes[from..]
                    .iter()
                    .position(|b| needles.contains(b))
                    .map(|p| p + from);
                assert_eq!(
                    find_any_byte(bytes, from, needles),
                    plain,
                    "{from} {needles:?}"
                );
            }
        }
        assert_eq!(
            find_any_byte(bytes, bytes.len() + 5, [b'.', b'.', b'.']),
            None
        );
    }

    #[test]
    fn ranges_are_byte_offsets_into_the_text() {
        let text = "  «Oui.» Non.  ";
        let ranges = split_sentences(text);
        assert_eq!(ranges, vec![2..10, 11..15]);
    }
}

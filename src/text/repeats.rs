//! Whether a text may hold a doubled word ("the the"): two words in a row (as
//! [`super::words`] reads them) equal ignoring case with only white space between. The
//! `repetition` rules walk every word of every unit to find the few that do; [`may_repeat`]
//! answers "no" for almost every unit in a fraction of that, and its "no" is exact: a
//! text it says no for holds no such pair. What it cannot settle quickly answers "yes",
//! and the caller walks the words.
//!
//! It reads the text 64 bytes at a time as bit masks ([`super::words_block`]). In ASCII
//! text the words are the runs of word bytes with their inner joiners, and a doubled pair
//! with a one-byte gap is a run of `L` bytes, a white byte, and a run of `L` bytes again:
//! the lengths of the two runs beside each one-byte gap are two bit counts, and only the
//! few pairs of the same length have their bytes compared. Characters beyond ASCII that
//! are neither in words nor white space ("£", "“") are like ASCII punctuation. Whatever
//! else could hold a pair answers "yes" at once: any other character beyond ASCII (case
//! folding may change a word's length, and the word and white space classes are
//! Unicode's), two white bytes after a word, a pair of runs longer than the masks show.

use super::words::is_word_char;
use super::words_block::{BLOCK, Classes, classify_at};

/// The windows the text is read in are 64 bytes, one starting every 32, and each looks at
/// the gaps in its middle 32 bytes (the first and last window at those at the text's edges
/// too): around such a gap it sees 15 bytes and one more either side, so it settles every
/// pair of words of up to this many bytes, and most pairs of longer ones.
#[cfg(test)]
const LONGEST: usize = 15;

/// The gaps a window looks at: those in its middle 32 bytes.
const MIDDLE: u64 = 0x0000_ffff_ffff_0000;

/// Whether `text` may hold two words in a row that are equal ignoring case with only
/// white space between them; false only if it holds none.
pub fn may_repeat(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut previous: Option<Classes> = None;
    let mut base = 0;
    while base < bytes.len() {
        let classes = classify_at(bytes, base);
        if classes.high != 0 && !all_neutral(text, base, classes.high) {
            return true;
        }
        // The window across the edge with the block before: its upper half and this
        // block's lower half.
        if let Some(before) = previous {
            let across = Classes {
                word: before.word >> 32 | classes.word << 32,
                joiner: before.joiner >> 32 | classes.joiner << 32,
                space: before.space >> 32 | classes.space << 32,
                high: 0,
            };
            if window_may_repeat(bytes, base - BLOCK / 2, &across, MIDDLE) {
                return true;
            }
        }
        // The first and the last window look at the gaps near the text's edges too.
        let mut gaps = MIDDLE;
        if base == 0 {
            gaps |= 0xffff;
        }
        if base + BLOCK >= bytes.len() {
            gaps |= 0xffff << 48;
        }
        if window_may_repeat(bytes, base, &classes, gaps) {
            return true;
        }
        previous = Some(classes);
        base += BLOCK;
    }
    false
}

/// Whether the characters that start at the bytes `high` marks (those beyond ASCII of the
/// block at `base`) are neither word characters, nor joiners, nor white space: then the
/// words and gaps are those of the ASCII bytes alone, as if they were punctuation. A byte
/// that continues a character was settled with the byte that starts it.
#[cold]
fn all_neutral(text: &str, base: usize, mut high: u64) -> bool {
    while high != 0 {
        let at = base + high.trailing_zeros() as usize;
        high &= high - 1;
        if let Some(c) = text.get(at..).and_then(|rest| rest.chars().next())
            && (is_word_char(c) || c.is_whitespace() || c == '’')
        {
            return false;
        }
    }
    true
}

/// Whether the 64 bytes at `base` (classed as `classes`, with no word byte, joiner or
/// white space beyond ASCII) may hold a pair around a gap of those `gaps` marks. The masks
/// cannot tell where a word that reaches the window's first or last byte starts or ends
/// (unless the text does): the gaps looked at are far enough in for that to be rare, and
/// a pair of words that may be as long as each other there answers yes.
#[inline(always)]
fn window_may_repeat(bytes: &[u8], base: usize, classes: &Classes, gaps: u64) -> bool {
    let Classes {
        word,
        joiner,
        space,
        ..
    } = *classes;
    // A word (or a run of word bytes, at least) and two white bytes: a wider gap.
    let words = word | (joiner & word << 1 & word >> 1);
    let ends = words & !(words >> 1);
    if ends << 1 & space & space >> 1 != 0 {
        return true;
    }
    let starts = words & !(words << 1);
    // A white byte with a word ending just before it and one starting just after: never
    // the first bit or the last.
    let mut gaps = gaps & space & ends << 1 & starts >> 1;
    if gaps == 0 {
        return false;
    }
    // For the lengths, a joiner at an edge of the window beside a word byte counts in: it
    // may join one outside (unless the text ends there).
    let (open_below, open_above) = (base != 0, base + BLOCK < bytes.len());
    let mut reach = words;
    if open_below {
        reach |= joiner & word >> 1 & 1;
    }
    if open_above {
        reach |= joiner & word << 1 & 1 << 63;
    }
    // The gaps after a run that reaches the window's first byte and before one that
    // reaches its last (a gap is never in a run: neither count is 64).
    let mut at_edges = 0;
    if open_below && reach & 1 != 0 {
        at_edges |= 1 << reach.trailing_ones();
    }
    if open_above && reach >> 63 != 0 {
        at_edges |= 1 << (63 - reach.leading_ones());
    }
    let at_edges = gaps & at_edges;
    gaps &= !at_edges;
    // The rest have both their words whole in the window. A run starting as far before
    // the gap as the word after it ends after it is the word before it, or a shorter run
    // and a byte that is not in a word, where the bytes differ.
    while gaps != 0 {
        let gap = gaps.trailing_zeros();
        gaps &= gaps - 1;
        let length = (reach >> (gap + 1)).trailing_ones();
        if length <= gap
            && starts >> (gap - length) & 1 != 0
            && same_bytes(bytes, base + gap as usize, length as usize)
        {
            return true;
        }
    }
    at_edges != 0 && edge_may_repeat(bytes, base, reach, at_edges)
}

/// [`window_may_repeat`] for the gaps `at_edges` marks, beside a run that reaches an edge
/// of the window (not of the text) and may go on past it: as long as what is seen of it,
/// or longer.
#[cold]
fn edge_may_repeat(bytes: &[u8], base: usize, reach: u64, mut at_edges: u64) -> bool {
    while at_edges != 0 {
        let gap = at_edges.trailing_zeros();
        at_edges &= at_edges - 1;
        let before = (reach << (64 - gap)).leading_ones();
        let after = (reach >> (gap + 1)).trailing_ones();
        let longer_before = base != 0 && before == gap;
        let longer_after = base + BLOCK < bytes.len() && gap + 1 + after == 64;
        // The other must be longer than what is seen of it, or as long and the same.
        let may_be_as_long = match (longer_before, longer_after) {
            (true, true) => true,
            (true, false) => after > before,
            (false, true) => before > after,
            (false, false) => false,
        };
        if may_be_as_long
            || before == after && same_bytes(bytes, base + gap as usize, after as usize)
        {
            return true;
        }
    }
    false
}

/// Whether the `length` bytes before `gap` and those after it are equal ignoring ASCII
/// case. Most such pairs of words differ in their first letter: that goes first.
#[inline(always)]
fn same_bytes(bytes: &[u8], gap: usize, length: usize) -> bool {
    let (first, second) = (gap - length, gap + 1);
    (bytes[first] ^ bytes[second]) & !0x20 == 0
        && bytes[first..gap].eq_ignore_ascii_case(&bytes[second..second + length])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words;

    /// The definition: a pair of words in a row (as the word walk finds them) with only
    /// white space between, equal ignoring case as the rule compares them.
    fn walk_finds_repeat(text: &str) -> bool {
        let found: Vec<_> = words::words(text).collect();
        found.windows(2).any(|pair| {
            let (a, b) = (&text[pair[0].clone()], &text[pair[1].clone()]);
            text[pair[0].end..pair[1].start]
                .chars()
                .all(char::is_whitespace)
                && a.chars()
                    .flat_map(char::to_lowercase)
                    .eq(b.chars().flat_map(char::to_lowercase))
        })
    }

    /// Both answers, so that a test shows which one is wrong.
    fn answers(text: &str) -> (bool, bool) {
        (may_repeat(text), walk_finds_repeat(text))
    }

    #[test]
    fn plain_copy_without_a_pair_is_settled_no() {
        let text = "The harbour board of Pellow Bay met for the first time since the flood. \
                    Councillors in Carrow asked that the ferry run nine times a day in June, \
                    for a so-called \"tide pass\" scheme: it's a one-off, 12 13-year-olds.\n";
        for end in 0..text.len() {
            assert_eq!(answers(&text[..end]), (false, false), "{:?}", &text[..end]);
        }
        assert!(!may_repeat(&text.repeat(5)));
        assert!(!may_repeat(""));
    }

    #[test]
    fn pairs_are_found_in_every_place_of_a_block_and_across_its_edges() {
        // Words, but never the same two in a row, to put the pair at every place.
        let filler = "xy,".repeat(50);
        for word in ["a", "I", "to", "the", "seven77", "fifteen_letters"] {
            let upper = word.to_ascii_uppercase();
            for lead in 0..140 {
                for tail in ["", " x", ".", "\n"] {
                    let text = format!("{} {word} {upper}{tail}", &filler[..lead]);
                    assert_eq!(answers(&text), (true, true), "{text:?}");
                    // One byte more in the second word: no pair, and the masks say so.
                    let longer = format!("{} {word} {upper}s{tail}", &filler[..lead]);
                    assert_eq!(answers(&longer), (false, false), "{longer:?}");
                }
            }
        }
    }

    #[test]
    fn long_words_are_found_wherever_they_meet_an_edge() {
        let letters = "abcdefghij".repeat(4);
        let mut words: Vec<String> = [1, 15, 16, 17, 31, 40]
            .iter()
            .map(|&length| letters[..length].to_string())
            .collect();
        // Joiners where a window's edge may cut them off from the rest of their word.
        words
            .extend(["x-abcdefghijklmno", "ab-cd'efghijklmnopqrstu-v", "e-mail"].map(String::from));
        for word in &words {
            for lead in 0..140 {
                let text = format!("{} {word} {word} end", "q,".repeat(lead / 2));
                let text = if lead % 2 == 1 {
                    format!("{text}!")
                } else {
                    text
                };
                assert_eq!(answers(&text), (true, true), "{text:?}");
            }
        }
        // Long words of different lengths or letters, settled where the masks see them.
        assert!(!may_repeat("abcdefghijklmno abcdefghijklmnp"));
        assert!(!may_repeat("abcdefghijklmnop abcdefghijklmnoq"));
    }

    #[test]
    fn any_white_space_is_a_gap() {
        for gap in [" ", "\t", "\n", "\r\n", "  ", " \n\n ", "\u{b}", "\u{c}"] {
            let text = format!("He said the{gap}the vote");
            assert_eq!(answers(&text), (true, true), "{text:?}");
        }
        for gap in [", ", ".", "-", " - ", "'", "/"] {
            let text = format!("He said the{gap}the vote");
            assert_eq!(answers(&text), (false, false), "{text:?}");
        }
    }

    #[test]
    fn joiners_belong_to_their_words() {
        for (text, expected) in [
            ("it's it's", true),
            ("it's it", false),
            ("s it's", false),
            ("break-in break-in", true),
            ("break-in in", false),
            ("break break-in", false),
            ("a- a", false),
            ("-a a", true),
            ("'tis 'tis", false),
            ("'tis tis", true),
            ("x--y y", true),
            ("x--y x", false),
            ("The the", true),
            ("THE tHe", true),
            ("the thé", false),
        ] {
            assert_eq!(
                answers(text),
                (!text.is_ascii() || expected, expected),
                "{text:?}"
            );
        }
    }

    #[test]
    fn pairs_at_the_ends_of_the_text() {
        for text in ["a a", "the the", "the the.", "the the end", "start the the"] {
            assert_eq!(answers(text), (true, true), "{text:?}");
        }
        for text in ["a", "a b", "the them", "athe the"] {
            assert_eq!(answers(text), (false, false), "{text:?}");
        }
    }

    #[test]
    fn characters_beyond_ascii_answer_yes_unless_they_are_punctuation() {
        for text in [
            "Zoë Zoë",
            "ÉTÉ été",
            "a café",
            "the\u{a0}the",
            "don’t don’t",
            "it’s",
        ] {
            assert!(may_repeat(text), "{text:?}");
        }
        for text in [
            "“No”, she said, for £5 — or £6",
            "“No no”",
            "£5 5",
            "a £ a",
            "£a a£",
        ] {
            assert_eq!(
                answers(text),
                (walk_finds_repeat(text), walk_finds_repeat(text))
            );
        }
        assert!(walk_finds_repeat("“No no”") && !walk_finds_repeat("a £ a"));
        let priced = format!("{}the £5 the the", "£".repeat(40));
        assert_eq!(answers(&priced), (true, true));
    }

    /// Words and gaps from small sets, so that doubled words are common, and so that words
    /// and joiners fall in every place of a block.
    fn texts() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop_oneof![
            4 => prop::sample::select(vec![
                "a", "A", "to", "To", "the", "The", "it's", "break-in", "x_1", "9", "seven",
                "fifteen_letters", "fifteen_Letters",
            ]),
            4 => prop::sample::select(vec![" ", " ", " ", "\n", "\t", "  ", ", ", ". "]),
            1 => prop::sample::select(vec![
                "'", "-", "\"", "(", "£", "sixteen_letters_", "twenty-eight_bytes_of_a_word", "é",
                "’",
            ]),
        ];
        prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
    }

    /// The most word bytes and joiners in a row.
    fn longest_run(text: &str) -> usize {
        text.split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '\'' | '-')))
            .map(str::len)
            .max()
            .unwrap_or(0)
    }

    proptest::proptest! {
        #[test]
        fn no_is_only_said_where_the_walk_finds_no_pair(text in texts()) {
            if walk_finds_repeat(&text) {
                proptest::prop_assert!(may_repeat(&text), "{:?}", text);
            }
        }

        #[test]
        fn the_masks_settle_plain_ascii_exactly(text in texts()) {
            // No character beyond ASCII but "£", one space for every gap, no word longer
            // than the masks always settle.
            let plain = !text.contains(['é', '’'])
                && longest_run(&text) <= LONGEST
                && !text.contains("  ")
                && !text.contains(|c: char| c.is_whitespace() && c != ' ');
            if plain {
                proptest::prop_assert_eq!(may_repeat(&text), walk_finds_repeat(&text));
            }
        }
    }
}

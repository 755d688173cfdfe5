//! Tests of [`decide`], what one double mark does given the open quotations and where it
//! stands, on plain values; and of which marks reach it at all (single marks never do).

use super::marks::find_marks;
use super::pairing::{Act, Family, OpenState, Pairing, Placement, decide, pair_marks};
use super::*;

const NOTHING_OPEN: OpenState = OpenState {
    top: None,
    depth: 0,
    partner: None,
};

/// One quotation of `family` open, which the mark can close when `partner`.
fn one_open(family: Family, partner: bool) -> OpenState {
    OpenState {
        top: Some(family),
        depth: 1,
        partner: partner.then_some(0),
    }
}

/// After a space, before a word: `said "We`.
const OPENING: Placement = Placement {
    opening: true,
    closing: false,
    flattened: false,
    after_digit: false,
};

/// After a word, before a space or punctuation: `go," she`.
const CLOSING: Placement = Placement {
    opening: false,
    closing: true,
    flattened: false,
    after_digit: false,
};

/// Right after a stop and a space while a quotation is open: `go. "Then`.
const FLATTENED: Placement = Placement {
    opening: true,
    closing: false,
    flattened: true,
    after_digit: false,
};

fn both(c: char, open: OpenState, at: Placement) -> (Act, Act) {
    (
        decide(c, open, at, Pairing::Strict),
        decide(c, open, at, Pairing::Robust),
    )
}

#[test]
fn straight_marks_open_and_close() {
    let opened = Act::Open(Family::Straight);
    assert_eq!(both('"', NOTHING_OPEN, OPENING), (opened, opened));
    let open = one_open(Family::Straight, true);
    assert_eq!(both('"', open, CLOSING), (Act::Close(0), Act::Close(0)));
}

#[test]
fn curly_marks_open_and_close() {
    let opened = Act::Open(Family::Curly);
    assert_eq!(both('“', NOTHING_OPEN, OPENING), (opened, opened));
    let open = one_open(Family::Curly, true);
    assert_eq!(both('”', open, CLOSING), (Act::Close(0), Act::Close(0)));
    // “…“: a left mark typed where the right one belongs still closes.
    let open = one_open(Family::Curly, false);
    assert_eq!(both('“', open, CLOSING), (Act::Close(0), Act::Close(0)));
}

#[test]
fn mixed_styles_pair() {
    // “We will go," she said: a straight mark closes a curly quotation.
    let open = one_open(Family::Curly, false);
    assert_eq!(both('"', open, CLOSING), (Act::Close(0), Act::Close(0)));
    // "We will go,” she said: a right curly mark closes a straight one.
    let open = one_open(Family::Straight, false);
    assert_eq!(both('”', open, CLOSING), (Act::Close(0), Act::Close(0)));
    // „Wir fahren“: the German pair.
    let open = one_open(Family::Low, false);
    assert_eq!(both('“', open, CLOSING), (Act::Close(0), Act::Close(0)));
    let open = one_open(Family::Guillemet, true);
    assert_eq!(both('»', open, CLOSING), (Act::Close(0), Act::Close(0)));
}

#[test]
fn a_closing_mark_with_nothing_open() {
    // `out of the blue," he said`: reported by the strict pairing, passed by otherwise.
    assert_eq!(both('"', NOTHING_OPEN, CLOSING), (Act::Stray, Act::Ignore));
    assert_eq!(both('»', NOTHING_OPEN, CLOSING), (Act::Stray, Act::Stray));
    // A right curly mark placed to close, with nothing open, is a stray (`rose as one
    // when the bar stayed up.” Officials`).
    assert_eq!(both('”', NOTHING_OPEN, CLOSING), (Act::Stray, Act::Stray));
}

#[test]
fn a_right_curly_mark_after_a_space_with_nothing_open_opens() {
    // CHECKS.md (Mixed marks): `said the decking was ”made to last` is a system that
    // types only `”`; the mark opens a quotation, paired like `“`.
    let opened = Act::Open(Family::Curly);
    assert_eq!(both('”', NOTHING_OPEN, OPENING), (opened, opened));
    let open = one_open(Family::Curly, true);
    assert_eq!(both('”', open, CLOSING), (Act::Close(0), Act::Close(0)));
    // With a quotation open it closes, wherever it stands.
    assert_eq!(both('”', open, OPENING), (Act::Close(0), Act::Close(0)));
    // Between two words it neither opens nor closes: still a stray.
    let between = Placement {
        opening: true,
        closing: true,
        ..OPENING
    };
    assert_eq!(both('”', NOTHING_OPEN, between), (Act::Stray, Act::Stray));
}

#[test]
fn an_opening_straight_mark_inside_an_open_one() {
    // `said: "We opened the dock. … added: "Every`: finding quotations reads the first as
    // having lost its closing mark; the strict pairing nests, reporting it only if it
    // never closes.
    let open = one_open(Family::Straight, true);
    assert_eq!(
        both('"', open, OPENING),
        (Act::Open(Family::Straight), Act::Abandon(0))
    );
}

#[test]
fn a_flattened_paragraph_break_continues() {
    for (c, family) in [
        ('"', Family::Straight),
        ('“', Family::Curly),
        ('„', Family::Low),
        ('«', Family::Guillemet),
    ] {
        let open = one_open(family, c == '"');
        assert_eq!(both(c, open, FLATTENED), (Act::Continue, Act::Continue));
    }
    // Only the innermost quotation goes on: under a nested one the straight mark opens.
    let nested = OpenState {
        top: Some(Family::Curly),
        depth: 2,
        partner: Some(0),
    };
    assert_eq!(
        both('"', nested, FLATTENED),
        (Act::Open(Family::Straight), Act::Abandon(0))
    );
}

#[test]
fn an_inch_mark_after_a_figure() {
    let at = Placement {
        after_digit: true,
        ..CLOSING
    };
    assert_eq!(both('"', NOTHING_OPEN, at), (Act::Ignore, Act::Ignore));
    // With a quotation open, the same mark closes it: `"He is 6 foot 2" and`.
    let open = one_open(Family::Straight, true);
    assert_eq!(both('"', open, at), (Act::Close(0), Act::Close(0)));
}

#[test]
fn doubled_single_marks_act_as_double_ones() {
    // `‘` and `’` reach `decide` only as the wire's `‘‘` and `’’` (see find_marks).
    let opened = Act::Open(Family::Curly);
    assert_eq!(both('‘', NOTHING_OPEN, OPENING), (opened, opened));
    let open = one_open(Family::Curly, true);
    assert_eq!(both('’', open, CLOSING), (Act::Close(0), Act::Close(0)));
    // Mixed: `’’` closes a straight quotation, `"` a `‘‘` one.
    let open = one_open(Family::Straight, false);
    assert_eq!(both('’', open, CLOSING), (Act::Close(0), Act::Close(0)));
    let open = one_open(Family::Curly, false);
    assert_eq!(both('"', open, CLOSING), (Act::Close(0), Act::Close(0)));
    // `’’` with nothing to close is an apostrophe and a single mark (`the Sorrels’’`):
    // passed by, where a lone `”` would be reported.
    assert_eq!(both('’', NOTHING_OPEN, CLOSING), (Act::Ignore, Act::Ignore));
    assert_eq!(both('’', NOTHING_OPEN, OPENING), (Act::Ignore, Act::Ignore));
}

/// The marks of one paragraph, as `find_marks` hands them to the pairing.
fn marks_in(text: &str) -> usize {
    find_marks(&[Paragraph { offset: 0, text }]).len()
}

#[test]
fn apostrophes_and_nested_single_quotes_are_not_marks() {
    assert_eq!(marks_in("They played rock 'n' roll through the '90s."), 0);
    assert_eq!(marks_in("Ned’s band played rock ’n’ roll in the ’90s."), 0);
    let text = "“They played rock 'n' roll, ‘loud and late’, through the '90s,” said Ned.";
    assert_eq!(marks_in(text), 2);
    let paragraph = [Paragraph { offset: 0, text }];
    let paired = pair_marks(&paragraph, &find_marks(&paragraph), Pairing::Strict);
    assert_eq!(paired.quotes.len(), 1);
    let close = text.find('”').expect("closing mark") + '”'.len_utf8();
    assert_eq!(paired.quotes[0].close, Some((0, close)));
    assert!(paired.unbalanced.is_empty());
}

/// The marks of one paragraph as (text, char handed to `decide`).
fn mark_texts(text: &str) -> Vec<(&str, char)> {
    find_marks(&[Paragraph { offset: 0, text }])
        .into_iter()
        .map(|m| (&text[m.pos..m.pos + m.len], m.mark))
        .collect()
}

#[test]
fn two_single_marks_are_one_double_mark() {
    let text = "‘‘We will rebuild the pier,’’ said Ida Crane.";
    assert_eq!(mark_texts(text), vec![("‘‘", '‘'), ("’’", '’')]);
    let paragraph = [Paragraph { offset: 0, text }];
    let paired = pair_marks(&paragraph, &find_marks(&paragraph), Pairing::Strict);
    assert_eq!(paired.quotes.len(), 1);
    assert_eq!(
        paired.quotes[0].close,
        Some((0, text.find(" said").unwrap()))
    );
    assert_eq!(
        paired.quotes[0].content(&paragraph),
        "We will rebuild the pier,"
    );
    assert!(paired.unbalanced.is_empty());
    // A run of three is the double mark and a nested single one: outermost first.
    let text = "‘‘‘Tis the season,’ she wrote on the pier,’’ said Ida.";
    assert_eq!(mark_texts(text), vec![("‘‘", '‘'), ("’’", '’')]);
    assert_eq!(
        &text[..find_marks(&[Paragraph { offset: 0, text }])[0].len],
        "‘‘"
    );
    let text = "‘‘Ned called it ‘the old lady’’’, said Ida.";
    let found = find_marks(&[Paragraph { offset: 0, text }]);
    assert_eq!(found.len(), 2);
    assert_eq!(&text[found[1].pos..], "’’, said Ida.");
    // Lone single marks stay apostrophes and single quotations.
    assert!(mark_texts("‘Pier must stay’ says trust’s chair").is_empty());
}

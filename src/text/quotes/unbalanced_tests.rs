//! Tests of `quote-unbalanced` on paragraphs an archive flattened into one line: the
//! contract's allowance (an opening mark right after terminal punctuation and a space
//! continues the open quotation) and nothing more, on invented copy.

use super::*;

fn checker() -> QuoteChecker {
    QuoteChecker::new(QuoteOptions::default())
}

/// The unmatched marks of one paragraph, each with the eight bytes from it and its message.
fn unmatched(text: &str) -> Vec<(String, String)> {
    let paragraph = [Paragraph { offset: 0, text }];
    checker()
        .unbalanced(&paragraph)
        .into_iter()
        .map(|f| {
            let end = (f.span.start + 8).min(text.len());
            (text[f.span.start..end].to_string(), f.message)
        })
        .collect()
}

#[test]
fn a_closing_mark_whose_opening_was_lost() {
    let text = "Ms Orr said the award was a surprise. It came out of the blue,\" she said, \
                \"I never thought I would win it.\" She trains in Pellow.";
    let found = unmatched(text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "\" she sa");
    assert!(found[0].1.starts_with("closing \""), "{}", found[0].1);
    // An inch mark is still no quotation mark.
    assert!(unmatched("The keeper stands 6' 2\" tall and plays in goal.").is_empty());
}

#[test]
fn a_quotation_never_closed_before_the_next_one_opens() {
    // The first quotation has no closing mark; "He added:" opens a new one, which is not
    // the flattened continuation (no terminal punctuation right before it).
    let text = "Mr Vane said: \"I lost three years of my life. He added: \"The guards wanted \
                to break me.\" He was freed in May.";
    let found = unmatched(text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "\"I lost ");
    assert!(found[0].1.starts_with("opening \""), "{}", found[0].1);
}

#[test]
fn the_flattened_continuation_after_a_stop_and_a_space() {
    for text in [
        "He said: \"We will go. \"Then we will see what the river does.\"",
        "He said: \"We will go!  \"Then we will see what the river does.\"",
        "He said: \"We will go.\n\"Then we will see what the river does.\"",
        // A nested quotation closed by a single mark before the stop's space.
        "She said: \"They shouted 'stop.' \"Then they ran for the ferry.\"",
    ] {
        assert!(
            unmatched(text).is_empty(),
            "{text:?}: {:?}",
            unmatched(text)
        );
    }
    // After a semicolon the mark is no continuation: the open quotation never closes.
    let text = "He said: \"We will go; \"then we will see what the river does.\"";
    assert_eq!(unmatched(text).len(), 1);
}

#[test]
fn double_marks_nested_where_single_ones_belong_still_pair() {
    let text = "Ada Mott said: \"He told the crew he would \"fake\" an injury and walk off.\"";
    assert!(unmatched(text).is_empty(), "{:?}", unmatched(text));
    // But a nested pair does not close the quotation around it.
    let text = "Ada Mott said: \"He told the crew he would \"fake\" an injury and walk off.";
    assert_eq!(unmatched(text).len(), 1);
}

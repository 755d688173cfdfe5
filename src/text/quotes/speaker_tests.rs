//! Tests of the readings beyond the contract (`speaker.rs`), each on invented copy: the
//! quotation it lets through and a near miss that keeps its finding.

use super::speaker::{is_quote_collection, tail};
use super::wording::ends_with_gloss;
use super::*;

fn checker() -> QuoteChecker {
    QuoteChecker::new(QuoteOptions::default())
}

/// Body paragraphs split at blank lines, with absolute offsets.
fn paragraphs(text: &str) -> Vec<Paragraph<'_>> {
    let mut out = Vec::new();
    let mut offset = 0;
    for chunk in text.split("\n\n") {
        let lead = chunk.len() - chunk.trim_start_matches('\n').len();
        let body = chunk.trim_start_matches('\n').trim_end();
        if !body.trim().is_empty() {
            out.push(Paragraph {
                offset: offset + lead,
                text: body,
            });
        }
        offset += chunk.len() + 2;
    }
    out
}

/// 1-based lines of the unattributed findings.
fn unattributed_lines(text: &str) -> Vec<usize> {
    checker()
        .unattributed(&paragraphs(text))
        .iter()
        .map(|f| text[..f.span.start].matches('\n').count() + 1)
        .collect()
}

#[test]
fn the_speaker_of_reported_speech_goes_on_while_nobody_else_comes_in() {
    // "Brisk said that …" names the speaker; one sentence about the pier brings nobody in.
    let text = "Mayor Ada Brisk said that the pier would reopen by June. The pier has been shut \
                since the storm. \"We have waited long enough for this.\"";
    assert!(unattributed_lines(text).is_empty());
    // A group of people, a new person after a role word, or a thing that holds words may
    // be speaking instead: the finding stays.
    for between in [
        "Several fishermen watched from the quay.",
        "Harbour master Nils Orr stood by the gate.",
        "A note was pinned to the harbour gate.",
    ] {
        let text = format!(
            "Mayor Ada Brisk said that the pier would reopen by June. {between} \
             \"We have waited long enough for this.\""
        );
        assert_eq!(unattributed_lines(&text), [1], "{between}");
    }
    // More than three sentences between is a new passage.
    let text = "Mayor Ada Brisk said that the pier would reopen by June. The pier is old. It \
                was built in 1901. Its deck is oak. Its rails are iron. \"We have waited long \
                enough for this.\"";
    assert_eq!(unattributed_lines(text), [1]);
}

#[test]
fn the_known_speaker_needs_a_voice() {
    // "I", "we" or "you" speak; a plain statement after a gap may be anybody's line.
    let text = "\"We will reopen the pier in June,\" said Ada Brisk. The pier has been shut \
                since the storm. \"You cannot run a harbour town without a pier.\"";
    assert!(unattributed_lines(text).is_empty());
    let text = "\"We will reopen the pier in June,\" said Ada Brisk. The pier has been shut \
                since the storm. \"The pier will be longer and wider than the old one.\"";
    assert_eq!(unattributed_lines(text), [1]);
}

#[test]
fn reported_speech_from_the_paragraph_before_must_end_it() {
    let text = "The dredger arrived on Monday. Engineer Rosa Quill said the channel was clear.\n\n\
                The work took a week. \"I have never seen the bay this deep.\"";
    assert!(unattributed_lines(text).is_empty());
    let text = "Engineer Rosa Quill said the channel was clear. The dredger left on Monday. \
                The crew went home.\n\n\
                The work took a week. \"I have never seen the bay this deep.\"";
    assert_eq!(unattributed_lines(text), [3]);
}

#[test]
fn a_known_speaker_as_the_subject_of_the_sentence_before() {
    // Fishermen come in between, but the sentence right before the quotation is about
    // Orr again, who spoke in the paragraph before.
    let text = "Nils Orr said: \"We lost two boats in one night.\"\n\n\
                Fishermen searched the bay until dawn. Orr was relieved to reach the harbour. \
                \"I thought we would never see the lights again.\"";
    assert!(unattributed_lines(text).is_empty());
    // Orr only as a possessive, or as an object, is not the subject.
    for before in [
        "Orr's crew was relieved to reach the harbour.",
        "Fishermen carried Orr to the harbour.",
    ] {
        let text = format!(
            "Nils Orr said: \"We lost two boats in one night.\"\n\n\
             Fishermen searched the bay until dawn. {before} \
             \"I thought we would never see the lights again.\""
        );
        assert_eq!(unattributed_lines(&text), [3], "{before}");
    }
    // A name nobody quoted is no known speaker.
    let text = "Fishermen searched the bay until dawn. Orr was relieved to reach the harbour. \
                \"I thought we would never see the lights again.\"";
    assert_eq!(unattributed_lines(text), [1]);
}

#[test]
fn a_paragraph_opening_with_a_colon_is_a_labelled_entry() {
    let text = ": The tour never happened that spring. \"We would have filled every hall \
                in the north.\"";
    assert!(unattributed_lines(text).is_empty());
    let text = "The tour never happened that spring. \"Every hall in the north would have \
                been full.\"";
    assert_eq!(unattributed_lines(text), [1]);
}

#[test]
fn a_bullet_label_introduces_the_quotation() {
    let text = "Harlow 2-1 Penmarsh\n\n\
                - Harlow coach Ida Penrose \"The lads ran until they dropped in the second half.\"\n\
                - Penmarsh coach Tom Vell \"The result flatters them and they know it.\"";
    assert!(unattributed_lines(text).is_empty());
    // A dash opening a sentence, not a label: the finding stays.
    let text =
        "- Fans queued for hours in the rain. \"The result flatters them and they know it.\"";
    assert_eq!(unattributed_lines(text), [1]);
}

#[test]
fn a_quote_collection_quotes_its_one_speaker() {
    let collection = "Ada Brisk, the longest-serving mayor of Harlow, retires this week.\n\n\
                      \"The pier was the first thing I fought for and the last.\"\n\n\
                      \"Nobody in this town ever told me to slow down.\"\n\n\
                      \"I never once took the ferry for granted,\" she said.\n\n\
                      \"My successor will find the harbour in good hands.\"";
    assert!(is_quote_collection(&paragraphs(collection)));
    assert!(unattributed_lines(collection).is_empty());
    // Without a single report of speech, it is a page of bare quotations.
    let bare = collection.replace(",\" she said.", ".\"");
    assert_eq!(unattributed_lines(&bare), [3, 5, 7, 9]);
    // Two quotations among ordinary paragraphs are no collection.
    let article = "The ferry left at noon.\n\nIt came back at six.\n\n\
                   \"The sea was rough all afternoon out there.\"\n\nThe crew went home.";
    assert!(!is_quote_collection(&paragraphs(article)));
}

#[test]
fn an_answer_to_the_writers_question() {
    let text = "Brisk is blunt: \"The pier comes first.\" But is the town behind her? \
                \"The town has never been more behind a plan than this one.\"";
    assert!(unattributed_lines(text).is_empty());
    // A question with nobody quoted before it has no interviewee.
    let text = "But is the town behind the mayor? \"The town has never been more behind a plan \
                than this one.\"";
    assert_eq!(unattributed_lines(text), [1]);
}

#[test]
fn a_lead_quotation_named_by_the_next_paragraph() {
    let text = "\"Can you swim? Can you row? Can you read the tide?\"\n\n\
                These are the questions Ada Brisk asks every new recruit to the lifeboat.";
    assert!(unattributed_lines(text).is_empty());
    // The next paragraph must point back and hold a cue.
    for next in [
        "These are hard times for the lifeboat crew.",
        "Ada Brisk asks every new recruit to the lifeboat.",
    ] {
        let text = format!("\"Can you swim? Can you row? Can you read the tide?\"\n\n{next}");
        assert_eq!(unattributed_lines(&text), [1], "{next}");
    }
}

#[test]
fn a_gloss_may_hold_an_adverb() {
    let text = "He went to Pengarth Grammar, known then as \"Harrow of the northern coast\".";
    assert!(unattributed_lines(text).is_empty());
    let words = |list: &[&str]| list.iter().map(|w| w.to_string()).collect::<Vec<_>>();
    let known_as = words(&["known", "as"]);
    assert!(ends_with_gloss(
        &words(&["school", "known", "as"]),
        &known_as
    ));
    assert!(ends_with_gloss(&words(&["known", "then", "as"]), &known_as));
    // One word inside the phrase, not two, and never before its first word.
    assert!(!ends_with_gloss(
        &words(&["known", "to", "many", "as"]),
        &known_as
    ));
    assert!(!ends_with_gloss(
        &words(&["as", "then", "known"]),
        &known_as
    ));
}

#[test]
fn a_term_after_a_determiner_is_a_name() {
    let text = "The budget relies on the \"Harbour Renewal trust fund\" to cover the repairs.";
    assert!(unattributed_lines(text).is_empty());
    // Eight words or more, or the punctuation of speech, make a quotation, determiner or
    // not.
    let text = "They painted a \"Lights on, Hornets, all season\" banner on the stand.";
    assert_eq!(unattributed_lines(text), [1]);
    let text = "The budget relies on the \"Harbour Renewal trust fund that the council set up\" \
                to cover the repairs.";
    assert_eq!(unattributed_lines(text), [1]);
}

#[test]
fn a_finding_holds_the_words() {
    let text = "The inspectors found the kitchen was \"in a state that no restaurant should \
                ever reach\".";
    assert!(unattributed_lines(text).is_empty());
    // A body that was found speaks no words.
    let text = "The skipper was found \"clinging to the hull with the engine still running\".";
    assert_eq!(unattributed_lines(text), [1]);
}

#[test]
fn an_exclamation_mark_in_a_company_name_does_not_end_the_sentence() {
    let text = "\"We want a hero for the harbour,\" said Ida Penrose of Marta's ZAP! Studios. \
                \"Nobody has drawn one like this before.\"";
    assert!(unattributed_lines(text).is_empty());
}

#[test]
fn tails_never_cut_a_character() {
    let text = "a“b”c";
    assert_eq!(tail(text, text.len(), 4), (5, "”c"));
    assert_eq!(tail(text, text.len(), 100), (0, text));
}

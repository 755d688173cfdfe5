//! Tests of each attribution reading in `clauses.rs` on its own: one quotation of an
//! invented article is judged by one reading, after the quotations before it were judged
//! by all of them (as the pass does), so that each test shows what that reading alone
//! attributes and what it leaves.

use super::clauses::{Article, Site};
use super::marks::find_marks;
use super::pairing::{Pairing, pair_marks};
use super::tests::{checker, paragraphs};
use super::*;

/// What `read` says of closed quotation `nth` (counting nested ones) of `text`.
fn reading(text: &str, nth: usize, read: fn(&QuoteChecker, &Article, &Site) -> bool) -> bool {
    let paras = paragraphs(text);
    let paired = pair_marks(&paras, &find_marks(&paras), Pairing::Robust);
    let checker = checker();
    let mut article = checker
        .article(&paras, &paired.quotes)
        .expect("a closed quotation");
    for qi in 0..nth {
        checker.judge(&mut article, qi);
    }
    let site = article.site(article.closed[nth]);
    read(&checker, &article, &site)
}

#[test]
fn clause_1_a_cue_in_its_sentence_or_the_next_one_out() {
    let read = QuoteChecker::cue_nearby;
    let before = "Aldo Brisk spoke first. \"The market stays open on Sundays now.\" Stalls filled.";
    assert!(reading(before, 0, read));
    let after = "Stalls filled. \"The market stays open on Sundays now.\" Aldo Brisk said so.";
    assert!(reading(after, 0, read));
    let two_before = "Aldo Brisk said it. Rain fell. \"The market stays open on Sundays now.\"";
    assert!(!reading(two_before, 0, read));
    // Cue words inside the quotation are someone else's.
    let inside = "Crowds gathered. \"Nobody said the ferry would stop running.\" Boats idled.";
    assert!(!reading(inside, 0, read));
    // Over paragraphs: a cue anywhere in the first paragraph.
    let multi = "Enid Rook said the storm was the worst in years. Rain fell. “We lost\n\
                 two moorings.\n\n“Then the power went out across the town.”";
    assert!(reading(multi, 0, read));
}

#[test]
fn clause_2_a_colon_introduces_it() {
    let read = QuoteChecker::colon_introduces;
    assert!(reading(
        "Fire Chief Rosa Venn: \"Every crew came home safe.\"",
        0,
        read
    ));
    let previous = "The notice on the door was short:\n\n\"Closed until further notice.\"";
    assert!(reading(previous, 0, read));
    assert!(!reading(
        "Rosa Venn spoke. \"Every crew came home safe.\"",
        0,
        read
    ));
}

#[test]
fn clause_3_the_same_speaker_goes_on() {
    let read = QuoteChecker::same_speaker_goes_on;
    let text = "\"The mill will reopen in May,\" said owner Kit Arne.\n\n\
                \"Most of them worked here before the fire.\"";
    assert!(reading(text, 1, read));
    // The previous paragraph's last sentence holds no quotation.
    let broken = "\"The mill will reopen in May,\" said owner Kit Arne. The hall emptied.\n\n\
                  \"Most of them worked here before the fire.\"";
    assert!(!reading(broken, 1, read));
    // Not at the start of its paragraph.
    let inside = "\"The mill will reopen in May,\" said owner Kit Arne.\n\n\
                  The hall emptied. \"Most of them worked here before the fire.\"";
    assert!(!reading(inside, 1, read));
}

#[test]
fn clause_3_reported_speech_before() {
    let read = QuoteChecker::reported_speech_before;
    let text = "Councillor Ada Brisk said the harbour should have been dredged first.\n\n\
                \"A dredger would have cost us nothing and saved the pier.\"";
    assert!(reading(text, 0, read));
    // A stance is not speech.
    let stance = "The island council agreed to raise the ferry subsidy.\n\n\
                  \"The ferry is the only bus route we have left here.\"";
    assert!(!reading(stance, 0, read));
    // Only the last sentence of the paragraph before counts.
    let earlier = "Brisk said the pier was old. The tide came in at noon.\n\n\
                   \"A dredger would have cost us nothing and saved the pier.\"";
    assert!(!reading(earlier, 0, read));
}

#[test]
fn clause_4_only_white_space_after_an_attributed_quotation() {
    let read = QuoteChecker::after_attributed_quotation;
    let text = "Kit Arne said: \"We reopen in May.\" \"Most of them worked here before.\"";
    assert!(reading(text, 1, read));
    let stop_outside = "Kit Arne said: \"We reopen in May\". \"Most of them worked here before\".";
    assert!(reading(stop_outside, 1, read));
    // The quotation before is not attributed.
    let bare = "The hall cheered. \"We reopen in May.\" \"Most of them worked here before.\"";
    assert!(!reading(bare, 1, read));
    // Words between.
    let words = "Kit Arne said: \"We reopen in May.\" Then: \"Most of them worked here before.\"";
    assert!(!reading(words, 1, read));
}

#[test]
fn a_person_just_named_goes_on_in_the_first_person() {
    let read = QuoteChecker::person_goes_on;
    let text = "She kept the old ovens. \"I never wanted to change the bread.\"";
    assert!(reading(text, 0, read));
    let group = "Several members left the chamber. \"We will not vote for this budget.\"";
    assert!(!reading(group, 0, read));
    let third_person = "She kept the old ovens. \"The bread never changed in fifty years.\"";
    assert!(!reading(third_person, 0, read));
}

#[test]
fn a_quotation_in_a_voice() {
    let read = QuoteChecker::speaks_in_a_voice;
    assert!(reading(
        "Rain fell. \"I have asked for two more divers.\"",
        0,
        read
    ));
    assert!(reading(
        "Rain fell. \"Will you row with us tonight?\"",
        0,
        read
    ));
    assert!(!reading(
        "Rain fell. \"The divers came at noon today.\"",
        0,
        read
    ));
}

#[test]
fn a_known_speaker_goes_on_until_someone_else_comes_in() {
    let read = QuoteChecker::known_speaker_goes_on;
    let text = "\"We will reopen the pier in June,\" said harbour master Ida Penrose.\n\n\
                \"I have asked the council for two more divers.\"";
    assert!(reading(text, 1, read));
    let parents = "\"We will reopen the pier in June,\" said harbour master Ida Penrose.\n\n\
                   Parents filled the hall for the vote. \"Our children will cross by boat.\"";
    assert!(!reading(parents, 1, read));
    // Nobody attributed before.
    assert!(!reading(
        "Rain fell. \"I have asked for two more divers.\"",
        0,
        read
    ));
}

#[test]
fn the_speaker_is_the_subject_of_the_sentence_before() {
    let read = QuoteChecker::speaker_named_just_before;
    let text = "Nils Orr said: \"We lost two boats in one night.\"\n\n\
                Fishermen searched the bay. Orr was relieved to reach the harbour. \
                \"I thought we would never see the lights again.\"";
    assert!(reading(text, 1, read));
    let object = "Nils Orr said: \"We lost two boats in one night.\"\n\n\
                  Fishermen searched the bay. Fishermen carried Orr to the harbour. \
                  \"I thought we would never see the lights again.\"";
    assert!(!reading(object, 1, read));
}

#[test]
fn a_quote_collection_that_reports_speech() {
    let read = |c: &QuoteChecker, a: &Article, _: &Site| c.in_quote_collection(a);
    let collection = "Ada Brisk, the longest-serving mayor of Harlow, retires this week.\n\n\
                      \"The pier was the first thing I fought for and the last.\"\n\n\
                      \"Nobody in this town ever told me to slow down.\"\n\n\
                      \"I never once took the ferry for granted,\" she said.\n\n\
                      \"My successor will find the harbour in good hands.\"";
    assert!(reading(collection, 0, read));
    let bare = collection.replace(",\" she said.", ".\"");
    assert!(!reading(&bare, 0, read));
}

#[test]
fn an_answer_to_the_writers_question() {
    let read = QuoteChecker::answers_the_question;
    let text = "Brisk is blunt: \"The pier comes first.\" But is the town behind her? \
                \"The town has never been more behind a plan than this one.\"";
    assert!(reading(text, 1, read));
    let nobody = "But is the town behind the mayor? \"The town has never been more behind it.\"";
    assert!(!reading(nobody, 0, read));
}

#[test]
fn a_lead_quotation_named_by_the_next_paragraph() {
    let read = QuoteChecker::named_by_next;
    let text = "\"Can you swim? Can you row? Can you read the tide?\"\n\n\
                These are the questions Ada Brisk asks every new recruit to the lifeboat.";
    assert!(reading(text, 0, read));
    let no_cue = "\"Can you swim? Can you row? Can you read the tide?\"\n\n\
                  These are hard times for the lifeboat crew.";
    assert!(!reading(no_cue, 0, read));
}

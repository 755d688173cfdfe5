//! Tests of `quote-unattributed` over small invented paragraphs: the clauses of CHECKS.md
//! (revision 3), the exemptions, and the readings beyond the contract.

use super::tests::unattributed_lines;
use super::*;

#[test]
fn attributed_in_its_own_sentence() {
    let text = "\"We will rebuild the pier by spring,\" said Mayor Ida Crane.\n\n\
                Crane was firm. “The pier is the heart of Wendle Cove,” she told reporters.\n\n\
                «Nous reviendrons chaque été,» a déclaré Luc Marand, who wrote to the council.";
    assert!(unattributed_lines(text).is_empty());
}

#[test]
fn three_words_are_exempt_four_are_not() {
    let text = "The sign at Pellow Quay was blank. \"Keep off please.\" The tide came.\n\n\
                The sign at Pellow Quay was blank. \"Keep off the quay.\" The tide came.";
    assert_eq!(unattributed_lines(text), vec![3]);
}

#[test]
fn neighbouring_sentences_attribute_but_not_further() {
    // The cue is one sentence before: attributed.
    let one = "Aldo Brisk spoke first. \"The market stays open on Sundays now.\" Stalls filled.";
    assert!(unattributed_lines(one).is_empty());
    // One sentence after: attributed.
    let after = "Stalls filled. \"The market stays open on Sundays now.\" Aldo Brisk said so.";
    assert!(unattributed_lines(after).is_empty());
    // Two sentences before: not.
    let two = "Aldo Brisk said it. Rain fell. \"The market stays open on Sundays now.\"";
    assert_eq!(unattributed_lines(two), vec![1]);
}

#[test]
fn cue_inside_the_quotation_does_not_count() {
    let text = "Crowds gathered. \"Nobody said the ferry would stop running.\" Boats idled.";
    assert_eq!(unattributed_lines(text), vec![1]);
    let nested = "Crowds gathered. “Nobody told us ‘the ferry stops,’ not once.” Boats idled.";
    assert_eq!(unattributed_lines(nested), vec![1]);
}

#[test]
fn according_to_and_closing_sentence() {
    let text = "\"Half the orchard froze in one night,\" according to the grower Pia Lunde.";
    assert!(unattributed_lines(text).is_empty());
    let spans = "\"We lost the early crop. The late one may survive,\" Lunde wrote.";
    assert!(unattributed_lines(spans).is_empty());
}

#[test]
fn colon_introductions() {
    let text = "Fire Chief Rosa Venn: \"Every crew came home safe tonight.\"\n\n\
                Her verdict on the drill: «Too slow by half, and we know it.»\n\n\
                The notice on the door of Tamsin Hall was short:\n\n\
                \"Closed until further notice for urgent repairs.\"";
    assert!(unattributed_lines(text).is_empty());
}

#[test]
fn same_speaker_goes_on_in_the_next_paragraph() {
    let text = "Nobody expected it. \"The mill will reopen in May,\" said owner Kit Arne. \"We hired forty people.\"\n\n\
                \"Most of them worked here before the fire.\" The hall emptied.";
    assert!(unattributed_lines(text).is_empty());
    // The previous paragraph's last sentence holds no quotation: the chain breaks.
    let broken = "\"The mill will reopen in May,\" said owner Kit Arne. The hall emptied.\n\n\
                  \"Most of them worked here before the fire.\" Nobody moved.";
    assert_eq!(unattributed_lines(broken), vec![3]);
    // A quotation not at the paragraph start does not inherit the speaker.
    let inside = "\"The mill will reopen in May,\" said owner Kit Arne.\n\n\
                  The hall emptied. \"Most of them worked here before the fire.\"";
    assert_eq!(unattributed_lines(inside), vec![3]);
}

#[test]
fn only_white_space_after_an_attributed_quotation() {
    let text = "Kit Arne said: \"We reopen in May. We hired staff. We are ready.\" \"Most of them worked here before.\"";
    assert!(unattributed_lines(text).is_empty());
    let text = "The hall cheered. \"We reopen in May.\" \"Most of them worked here before.\"";
    assert_eq!(unattributed_lines(text), vec![1, 1]);
}

#[test]
fn partial_quotes_seven_and_eight_words() {
    let seven =
        "The plan aims at \"clean water from every tap in Rell\" by 2027. Work starts soon.";
    assert!(unattributed_lines(seven).is_empty());
    let eight =
        "The plan aims at \"clean, safe water from every tap in Rell\" by 2027. Work starts soon.";
    assert_eq!(unattributed_lines(eight), vec![1]);
    // Lower-case at the start of a sentence is not a partial quotation.
    let start = "Work starts soon. \"clean water from every tap\" is the goal.";
    assert_eq!(unattributed_lines(start), vec![1]);
    // Upper-case inside a sentence is not partial either.
    let upper = "Work starts soon. The plan aims at \"Clean water from every tap\" by 2027.";
    assert_eq!(unattributed_lines(upper), vec![1]);
}

#[test]
fn glosses_and_titles() {
    let text = "The scheme is known as \"Homes For Every Family Now\" locally.\n\n\
                The ferry, nicknamed «the old grey lady of Skerr», sails at noon.\n\n\
                It is sold as Télé Pour Tous, or \"television for all the valley\", in shops.\n\n\
                The club's motto is \"Row together, win together, always\" and it shows.\n\n\
                A show called “Tides of the Northern Shore” opens on Friday.";
    assert!(unattributed_lines(text).is_empty());
}

#[test]
fn source_nouns_and_speech_acts_attribute() {
    let text = "The club issued a statement. \"We regret the delay to the new stand.\"\n\n\
                Coach Ida Brenn praised the squad. \"They never stopped running all game.\"\n\n\
                \"Nobody here will forget that night at Orrin Park,\" laughs Tomas Vell.";
    assert!(unattributed_lines(text).is_empty());
}

#[test]
fn person_just_named_goes_on_in_the_first_person() {
    // A first-person quotation after a sentence about "she": she goes on.
    let text = "Ada Venn took over the bakery in 1979. She kept the old ovens. \
                \"I never wanted to change the bread.\" The shop closes on Friday.";
    assert!(unattributed_lines(text).is_empty());
    // Not after a sentence about a group, and not for a quotation that is not first
    // person.
    let text = "Several members left the chamber. \"We will not vote for this budget.\"";
    assert_eq!(unattributed_lines(text), vec![1]);
    let text = "She kept the old ovens. \"The bread never changed in fifty years.\"";
    assert_eq!(unattributed_lines(text), vec![1]);
}

#[test]
fn full_stop_outside_the_marks_still_joins_quotations() {
    let text =
        "Nils Orr said: \"We opened the dock in May\". \"Trade has doubled since the spring\".";
    assert!(unattributed_lines(text).is_empty());
}

#[test]
fn titles_in_title_case_are_names() {
    let text = "Fans sang along to \"How Soon Is the Night Over?\" all evening.\n\n\
                The council adopted an \"Action Plan for the Harbour of Rell\" on Monday.";
    assert!(unattributed_lines(text).is_empty());
}

#[test]
fn reported_speech_hands_the_next_quotation_its_speaker() {
    // Clause 3 (CHECKS.md revision 3): the previous paragraph ends in reported speech.
    let text = "Councillor Ada Brisk said the harbour should have been dredged first.\n\n\
                \"A dredger would have cost us nothing and saved the pier.\"\n";
    assert!(unattributed_lines(text).is_empty());
    // A stance is not speech: the quotation after it has no speaker.
    let text = "The island council agreed to raise the ferry subsidy.\n\n\
                \"The ferry is the only bus route we have left here.\"\n";
    assert_eq!(unattributed_lines(text), [3]);
    // Only the last sentence of the previous paragraph counts.
    let text = "Brisk said the pier was old. The tide came in at noon.\n\n\
                \"A dredger would have cost us nothing and saved the pier.\"\n";
    assert_eq!(unattributed_lines(text), [3]);
}

#[test]
fn a_named_document_holds_the_words() {
    let text = "The harbour report calculated the cost. It called for \"a second dredger and a new \
                pier before the winter storms\".\n";
    assert!(unattributed_lines(text).is_empty());
    // "in 10 minutes" names no document.
    let text = "The ferry left in 10 minutes. \"Nobody told the passengers on the quay.\"\n";
    assert_eq!(unattributed_lines(text), [1]);
}

#[test]
fn a_known_speaker_goes_on_until_someone_else_comes_in() {
    let text = "\"We will reopen the pier in June,\" said harbour master Ida Penrose.\n\n\
                \"I have asked the council for two more divers.\"\n";
    assert!(unattributed_lines(text).is_empty());
    let text = "\"We will reopen the pier in June,\" said harbour master Ida Penrose.\n\n\
                Parents filled the hall for the vote. \"Our children will cross by boat.\"\n";
    assert_eq!(unattributed_lines(text), [3]);
}

#[test]
fn the_source_document_pattern_compiles_and_needs_a_determiner() {
    let document = Regex::new(DOCUMENT).expect("the document pattern compiles");
    assert!(document.is_match("The report calculated it"));
    assert!(document.is_match("under its Manifestos"));
    assert!(!document.is_match("in 10 minutes"));
}

#[test]
fn noun_readings_of_cue_words_do_not_attribute() {
    // "state", "report", "warning" as nouns; "States" in a name.
    let text = "Work starts soon. The plan aims at \"clean, safe water from every \
                tap in Rell\" by 2027. The project has a state loan.";
    assert_eq!(unattributed_lines(text), vec![1]);
    let text = "The ferry sailed. \"Every seat was taken on the morning run.\" A report \
                followed, with a warning under state rules.";
    assert_eq!(unattributed_lines(text), vec![1]);
    let text = "Ships came from the United States. \"Every berth was taken on Tuesday.\"";
    assert_eq!(unattributed_lines(text), vec![1]);
    // The verb readings do attribute.
    let text = "The board stated its case. \"Every berth was taken on Tuesday.\"";
    assert!(unattributed_lines(text).is_empty());
    let text = "\"Every berth was taken on Tuesday,\" the harbourmaster reports.";
    assert!(unattributed_lines(text).is_empty());
}

#[test]
fn cue_search_respects_word_boundaries() {
    // "Saidi" and "essays" hold no cue.
    let text = "Rafe Saidi graded the essays. \"Every word of it is true now.\" Nobody moved.";
    assert_eq!(unattributed_lines(text), vec![1]);
}

#[test]
fn cue_across_a_soft_line_break() {
    let text = "The figures, according\nto the port, are final. \"Ships will come back in May.\"";
    assert!(unattributed_lines(text).is_empty());
}

//! Tests of the quotation checks over small invented paragraphs.

use super::marks::count_words;
use super::*;

fn checker() -> QuoteChecker {
    QuoteChecker::new(QuoteOptions::default()).expect("default options compile")
}

/// Splits an article body at blank lines, keeping absolute offsets.
fn paragraphs(text: &str) -> Vec<Paragraph<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        match (blank, start) {
            (true, Some(s)) => {
                out.push(Paragraph {
                    offset: s,
                    text: text[s..pos].trim_end(),
                });
                start = None;
            }
            (false, None) => start = Some(pos),
            _ => {}
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.push(Paragraph {
            offset: s,
            text: text[s..].trim_end(),
        });
    }
    out
}

/// Line numbers (1-based) of the unattributed findings.
fn unattributed_lines(text: &str) -> Vec<usize> {
    let found = checker().unattributed(&paragraphs(text));
    found.iter().map(|f| line_of(text, f.span.start)).collect()
}

fn unbalanced_lines(text: &str) -> Vec<usize> {
    let found = checker().unbalanced(&paragraphs(text));
    found.iter().map(|f| line_of(text, f.span.start)).collect()
}

fn line_of(text: &str, pos: usize) -> usize {
    text[..pos].matches('\n').count() + 1
}

#[test]
fn inflections_cover_regular_and_irregular_forms() {
    let say = inflections("say");
    for form in ["say", "says", "said", "saying"] {
        assert!(say.contains(&form.to_string()), "{form} in {say:?}");
    }
    let write = inflections("write");
    for form in ["write", "writes", "wrote", "written", "writing"] {
        assert!(write.contains(&form.to_string()), "{form} in {write:?}");
    }
    let admit = inflections("admit");
    for form in ["admits", "admitted", "admitting"] {
        assert!(admit.contains(&form.to_string()), "{form} in {admit:?}");
    }
    let reply = inflections("reply");
    for form in ["replies", "replied", "replying"] {
        assert!(reply.contains(&form.to_string()), "{form} in {reply:?}");
    }
    let stress = inflections("stress");
    assert!(stress.contains(&"stresses".to_string()));
    let argue = inflections("argue");
    assert!(argue.contains(&"arguing".to_string()) && argue.contains(&"argued".to_string()));
    let quip = inflections("quip");
    assert!(quip.contains(&"quipped".to_string()));
    let point = inflections("point out");
    assert!(point.contains(&"pointed out".to_string()));
    assert!(point.contains(&"points out".to_string()));
}

#[test]
fn house_lemma_gets_every_form() {
    let options = QuoteOptions {
        cue_verbs: vec!["grumble".to_string()],
        ..QuoteOptions::default()
    };
    let checker = QuoteChecker::new(options).unwrap();
    let text = "\"The gulls have eaten every chip on the pier,\" grumbled Ned Varga.";
    assert!(checker.unattributed(&paragraphs(text)).is_empty());
    let text = "\"The gulls have eaten every chip on the pier,\" Ned Varga said.";
    assert_eq!(checker.unattributed(&paragraphs(text)).len(), 1);
}

#[test]
fn a_house_may_switch_every_cue_off() {
    let options = QuoteOptions {
        cue_verbs: Vec::new(),
        cue_phrases: Vec::new(),
        gloss_words: Vec::new(),
        ..QuoteOptions::default()
    };
    let checker = QuoteChecker::new(options).unwrap();
    let text = "\"The gulls have eaten every chip on the pier,\" said Ned Varga.\n\n\
                Ned Varga: \"The gulls have eaten every chip on the pier.\"";
    let found = checker.unattributed(&paragraphs(text));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].span.start, 0);
}

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
fn multi_paragraph_quotation() {
    let text = "Harbourmaster Enid Rook said the storm was the worst in years. “We lost\n\
                two moorings in an hour and the slipway cracked.\n\n\
                “Then the power went. We worked by torchlight until dawn.\n\n\
                “I would not wish that night on anyone.” The harbour reopens today.";
    assert!(unattributed_lines(text).is_empty());
    assert!(unbalanced_lines(text).is_empty());
    let quotes = checker().quotations(&paragraphs(text));
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0].pieces.len(), 3);

    // Without a cue: one finding, at the first opening mark.
    let bare = "The storm came at night. “We lost two moorings in an hour.\n\n\
                “Then the power went. We worked by torchlight until dawn.”";
    assert_eq!(unattributed_lines(bare), vec![1]);
}

#[test]
fn flattened_multi_paragraph_quotation() {
    let text = "He said: \"We will go. \"Then we will see what the river does.\" Nobody argued.";
    assert!(unbalanced_lines(text).is_empty());
    assert!(unattributed_lines(text).is_empty());
    let quotes = checker().quotations(&paragraphs(text));
    assert_eq!(quotes.len(), 1);
    assert_eq!(&text[quotes[0].span.clone()][..6], "\"We wi");
    // Attributed through the sentence before its opening.
    let text = "\"I am ready,\" said Oda Fenn. \"I train each day. \"When the race comes, I will be ready for it.\" Fenn is 24.";
    assert!(unattributed_lines(text).is_empty());
    assert!(unbalanced_lines(text).is_empty());
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
fn guillemets_and_german_marks() {
    let text = "Die Fähre fährt. „Wir fahren jeden Tag nach Norden“ ist der Spruch.\n\n\
                „Wir fahren morgen wieder los“, said Captain Jens Moor.\n\n\
                Le port est calme. «Personne ne vient plus ici le soir.» Les bars ferment.";
    assert_eq!(unattributed_lines(text), vec![1, 5]);
    assert!(unbalanced_lines(text).is_empty());
}

#[test]
fn unbalanced_marks() {
    // Opening straight mark never closed, next paragraph opens without a mark.
    let text = "\"We want to keep talking, she said.\n\nTalks resume on Monday.";
    assert_eq!(unbalanced_lines(text), vec![1]);
    // Stray closing curly mark.
    let text = "Families who cannot drive into town” were left out, Nell Ash said.";
    assert_eq!(unbalanced_lines(text), vec![1]);
    // Opening guillemet never closed; the last paragraph.
    let text = "Ilse Varn spoke. «Sans cela, aucune banque ne prête, he said.";
    assert_eq!(unbalanced_lines(text), vec![1]);
    // Opening curly never closed.
    let text = "“There is bread at the shop, but it is not bread, he said.\n\nThe end.";
    assert_eq!(unbalanced_lines(text), vec![1]);
    // Stray closing guillemet.
    let text = "Le port est calme» dit-il.";
    assert_eq!(unbalanced_lines(text), vec![1]);
}

#[test]
fn odd_count_reports_the_last_unpartnered_opening() {
    let text = "\"Yes,\" said Ada Mott. \"We will open. \"After that we will see.";
    let found = checker().unbalanced(&paragraphs(text));
    assert_eq!(found.len(), 1);
    assert_eq!(
        &text[found[0].span.start..found[0].span.start + 6],
        "\"After"
    );
    let text = "\"Yes,\" said Ada Mott. \"No,\" said Ben Mott. \"Maybe tomorrow, said Cy.";
    let found = checker().unbalanced(&paragraphs(text));
    assert_eq!(found.len(), 1);
    assert_eq!(
        &text[found[0].span.start..found[0].span.start + 6],
        "\"Maybe"
    );
}

#[test]
fn inch_marks_and_apostrophes() {
    let text = "The keeper, who stands 6' 2\", said the pitch at Orrin's ground was 'fine'.";
    assert!(unbalanced_lines(text).is_empty());
    assert!(checker().quotations(&paragraphs(text)).is_empty());
    let text = "The sign said ‘keep out of the old mill at night’ in red.";
    assert!(unbalanced_lines(text).is_empty());
    assert!(unattributed_lines(text).is_empty());
}

#[test]
fn nested_double_marks_inside_curly_quotation() {
    let text = "“They called it \"the ghost pier\" for years,” said Ula Venn.";
    assert!(unbalanced_lines(text).is_empty());
    let quotes = checker().quotations(&paragraphs(text));
    assert_eq!(quotes.len(), 2);
    assert!(!quotes[0].nested && quotes[1].nested);
    assert!(unattributed_lines(text).is_empty());
}

#[test]
fn multi_paragraph_without_opening_mark_is_unbalanced() {
    let text = "“The ferry is late again,” said Pol Arne. “It was late yesterday.\n\n\
                Nobody knows why the ferry is late.";
    assert_eq!(unbalanced_lines(text), vec![1]);
    // The unclosed quotation is the unbalanced rule's: no second finding.
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

#[test]
fn messages_explain() {
    let text = "Rain fell. \"We have patched this pier for thirty years and more.\" Boats idled.";
    let found = checker().unattributed(&paragraphs(text));
    assert_eq!(
        found[0].message,
        "quotation \"We have patched this pier for…\" has no attribution: no speech verb \
         or source in its sentence or the sentences around it"
    );
    let text = "“We will go on, she said.";
    let found = checker().unbalanced(&paragraphs(text));
    assert_eq!(
        found[0].message,
        "opening “ has no closing mark in this paragraph"
    );
    assert_eq!(found[0].span, 0..3);
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
fn missing_closing_mark_spoils_one_quotation_only() {
    // The closing mark after "May" is missing: the quotations found later still pair
    // as written, so the cue before "Every" is not hidden inside a false quotation.
    let text = "Nils Orr said: \"We opened the dock in May. Ships came at once. \
                Lena Orr added: \"Every berth was taken on the first morning.\" Trade grew.";
    assert!(unattributed_lines(text).is_empty());
    let quotes = checker().quotations(&paragraphs(text));
    assert_eq!(quotes.len(), 1);
    assert!(text[quotes[0].span.clone()].starts_with("\"Every"));
    // The unbalanced check still pairs in order and reports the last opening mark.
    assert_eq!(checker().unbalanced(&paragraphs(text)).len(), 1);
}

#[test]
fn titles_in_title_case_are_names() {
    let text = "Fans sang along to \"How Soon Is the Night Over?\" all evening.\n\n\
                The council adopted an \"Action Plan for the Harbour of Rell\" on Monday.";
    assert!(unattributed_lines(text).is_empty());
}

#[test]
fn words_are_runs_holding_a_letter_or_figure() {
    assert_eq!(
        count_words("We won 2-0 — at last, in Zürich\u{a0}today."),
        8
    );
    assert_eq!(count_words("  — … \" "), 0);
    assert_eq!(count_words("Ça\tva\nbien"), 3);
}

#[test]
fn long_paragraphs_stay_linear() {
    // One sentence with thousands of quotations and marks: each must cost about the
    // same, whatever its place in the paragraph.
    let many = "Rain \"fell on the old quay\" and ".repeat(20_000);
    let opens = "“Rain fell ".repeat(20_000);
    let straight = "the \"old quay ".repeat(20_000);
    let start = std::time::Instant::now();
    for text in [&many, &opens, &straight] {
        let paras = [Paragraph { offset: 0, text }];
        let report = checker().check(&paras);
        assert!(report.quotations.len() <= 20_000);
    }
    assert!(start.elapsed() < std::time::Duration::from_secs(20));
}

#[test]
fn quotation_spans_for_scopes() {
    let text = "“We lost two moorings,” said Enid Rook. “The slipway cracked.\n\n\
                “Then the power went out across the whole \"old\" harbour.”";
    let spans = default_checker().quotation_spans(&paragraphs(text));
    let quoted: Vec<&str> = spans.iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(
        quoted,
        vec![
            "“We lost two moorings,”",
            "“The slipway cracked.",
            "“Then the power went out across the whole \"old\" harbour.”"
        ]
    );
}

#[test]
fn spans_are_absolute() {
    let paras = [Paragraph {
        offset: 100,
        text: "Rain fell. \"We have patched this pier for years.\" Boats idled.",
    }];
    let found = checker().unattributed(&paras);
    assert_eq!(found[0].span, 111..112);
    let quotes = checker().quotations(&paras);
    assert_eq!(quotes[0].span, 111..149);
}

#[test]
fn reported_speech_hands_the_next_quotation_its_speaker() {
    // Clause 3 (CHECKS.md revision 3): the previous paragraph ends in reported speech.
    let text = "Councillor Ada Brisk said the harbour should have been dredged first.\n\n\
                \"A dredger would have cost us nothing and saved the pier.\"\n";
    assert!(unattributed_lines(text).is_empty());
    // A stance is not speech: the quotation after it has no speaker.
    let text = "The island council agreed to raise the ferry subsidy.\n\n\
                \"A ferry is not a luxury for us, it is the road.\"\n";
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

//! Tests of finding and pairing the double marks over small invented paragraphs:
//! `quote-unbalanced`, multi-paragraph and flattened quotations, nesting, and the spans
//! the scopes use.

use super::marks::count_words;
use super::tests::{checker, paragraphs, unattributed_lines, unbalanced_lines};
use super::*;

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
fn long_paragraphs_pair_every_mark() {
    // One paragraph with 20,000 quotations, or 20,000 marks that never close: the pairing
    // must still give the exact answer. (Cost per mark is bounded by construction: only
    // the top entries of the open stack are searched, see `open_at`; speed is measured by
    // `bench/`, never asserted here.)
    let many = "Rain \"fell on the old quay\" and ".repeat(20_000);
    let paras = [Paragraph {
        offset: 0,
        text: &many,
    }];
    let report = checker().check(&paras);
    assert_eq!(report.quotations.len(), 20_000);
    assert!(report.quotations.iter().all(|q| q.words == 5 && !q.nested));
    // Partial quotations inside the sentence, starting lower-case: all exempt.
    assert!(report.unattributed.is_empty());
    assert!(report.unbalanced.is_empty());
    for unclosed in [
        "“Rain fell ".repeat(20_000),
        "the \"old quay ".repeat(20_000),
    ] {
        let paras = [Paragraph {
            offset: 0,
            text: &unclosed,
        }];
        let report = checker().check(&paras);
        assert!(report.quotations.is_empty());
        // Every opening mark is reported once, in order.
        assert_eq!(report.unbalanced.len(), 20_000);
        assert!(
            report
                .unbalanced
                .windows(2)
                .all(|w| w[0].span.start < w[1].span.start)
        );
    }
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
fn words_are_runs_holding_a_letter_or_figure() {
    assert_eq!(
        count_words("We won 2-0 — at last, in Zürich\u{a0}today.", usize::MAX),
        8
    );
    assert_eq!(count_words("  — … \" ", usize::MAX), 0);
    assert_eq!(count_words("Ça\tva\nbien", usize::MAX), 3);
    assert_eq!(
        count_words("Ça\tva\nbien", 2),
        2,
        "counting stops at enough"
    );
}

#[test]
fn wire_doubled_single_marks_pair_as_double_ones() {
    let text = "‘‘We will rebuild the pier stronger than it was,’’ said Ida Crane. ‘‘It took \
                the lamps.\n\n\
                ‘‘And then the rails went in the second storm,\" she said.";
    assert!(
        unbalanced_lines(text).is_empty(),
        "{:?}",
        unbalanced_lines(text)
    );
    assert!(unattributed_lines(text).is_empty());
    let quotes = checker().quotations(&paragraphs(text));
    assert_eq!(quotes.len(), 2);
    assert_eq!(quotes[0].words, 9);
    assert_eq!(quotes[1].pieces.len(), 2);
    // Nobody says it: found and reported, with both marks as its span.
    let text = "The storm came at night. ‘‘The end of the pier fell into the sea.’’";
    assert_eq!(unattributed_lines(text), vec![1]);
    let found = checker().unattributed(&paragraphs(text));
    let at = text.find('‘').unwrap();
    assert_eq!(found[0].span, at..at + "‘‘".len());
    assert!(
        found[0].message.contains("\"The end of the pier"),
        "{}",
        found[0].message
    );
    // Never closed: reported with both marks as its span.
    let text = "‘‘The lamps will be back by May, the trust said.\n\nThe kiosk opens too.";
    let found = checker().unbalanced(&paragraphs(text));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].span, 0.."‘‘".len());
    assert!(
        found[0].message.starts_with("opening ‘‘ "),
        "{}",
        found[0].message
    );
}

#[test]
fn an_unattributed_quotation_is_reported_at_its_whole_opening_mark() {
    // The span is the opening mark, whatever its style: both chars of the wire's `‘‘`
    // (it was its first `‘` only), as quote-unbalanced reports an unclosed one.
    for (open, close) in [
        ("\"", "\""),
        ("“", "”"),
        ("”", "”"),
        ("„", "“"),
        ("«", "»"),
        ("‘‘", "’’"),
        ("‘‘", "\""),
    ] {
        let text = format!(
            "The council met on Tuesday to discuss the harbour wall.\n\n\
             {open}We will not pay for it.{close}"
        );
        let found = checker().unattributed(&paragraphs(&text));
        assert_eq!(found.len(), 1, "{open}: {found:?}");
        let at = text.find(open).unwrap();
        assert_eq!(found[0].span, at..at + open.len(), "{open}");
        assert!(
            found[0].message.contains("\"We will not pay for it.\""),
            "{}",
            found[0].message
        );
    }
}

#[test]
fn single_marks_keep_their_old_readings() {
    for text in [
        // A headline claim in single marks, and apostrophes.
        "‘Pier must stay’ says the trust’s chair, and the Sorrels’ kiosk agrees.",
        // A possessive closing a single-quoted claim: `’’` with nothing open is no mark.
        "A sign on the kiosk read ‘This pier is the Sorrels’’ for weeks.",
        // Rock ’n’ roll and the ’90s.
        "Ned’s band played rock ’n’ roll on the pier through the ’90s.",
    ] {
        assert!(unbalanced_lines(text).is_empty(), "{text}");
        assert!(checker().quotations(&paragraphs(text)).is_empty(), "{text}");
    }
}

#[test]
fn a_right_curly_mark_opens_after_a_space() {
    // Systems that type only `”`: it opens after a space or at a paragraph start.
    let text = "Bo Lindqvist said the decking was ”made to last another hundred years,” and \
                that the rails were higher.\n\n\
                ”The work is done,” the trust said.\n\n\
                ”Nobody told the traders when the pier would open. ”It cost them a summer.";
    let quotes = checker().quotations(&paragraphs(text));
    let quoted: Vec<&str> = quotes.iter().map(|q| &text[q.span.clone()]).collect();
    assert_eq!(
        quoted,
        vec![
            "”made to last another hundred years,”",
            "”The work is done,”",
            "”Nobody told the traders when the pier would open. ”"
        ]
    );
    // The last paragraph's second `”` closes the first, though it stands after a space:
    // `”` closes wherever it stands while a quotation is open. Nothing is stray.
    assert!(
        unbalanced_lines(text).is_empty(),
        "{:?}",
        unbalanced_lines(text)
    );
    // One opened and never closed is reported as an opening mark.
    let text = "Traders said the season was ”already lost before it began.\n\nThe end.";
    let found = checker().unbalanced(&paragraphs(text));
    assert_eq!(found.len(), 1);
    assert!(
        found[0].message.starts_with("opening ”"),
        "{}",
        found[0].message
    );
}

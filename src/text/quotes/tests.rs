//! Tests of the quotation checks over small invented paragraphs: the helpers the other
//! test files share, and the cue words a house configures. Attribution is tested in
//! `attribution_tests.rs`, pairing and spans in `pairing_tests.rs`.

use super::*;

pub(super) fn checker() -> QuoteChecker {
    QuoteChecker::new(QuoteOptions::default())
}

/// Splits an article body at blank lines, keeping absolute offsets.
pub(super) fn paragraphs(text: &str) -> Vec<Paragraph<'_>> {
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
pub(super) fn unattributed_lines(text: &str) -> Vec<usize> {
    let found = checker().unattributed(&paragraphs(text));
    found.iter().map(|f| line_of(text, f.span.start)).collect()
}

pub(super) fn unbalanced_lines(text: &str) -> Vec<usize> {
    let found = checker().unbalanced(&paragraphs(text));
    found.iter().map(|f| line_of(text, f.span.start)).collect()
}

pub(super) fn line_of(text: &str, pos: usize) -> usize {
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
    let checker = QuoteChecker::new(options);
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
    let checker = QuoteChecker::new(options);
    let text = "\"The gulls have eaten every chip on the pier,\" said Ned Varga.\n\n\
                Ned Varga: \"The gulls have eaten every chip on the pier.\"";
    let found = checker.unattributed(&paragraphs(text));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].span.start, 0);
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

//! The readings that attribute a quotation for `quote-unattributed`, one named function
//! each: the clauses of CHECKS.md (revision 3) and the readings beyond them that a copy
//! editor uses on real copy. [`QuoteChecker::is_attributed`] is the list of them, in the
//! order they are tried (cheapest and commonest first); the attribution pass in
//! `attribution.rs` sets up the [`Article`] and the [`Site`] they read.

use std::cell::OnceCell;
use std::ops::Range;

use super::attribution::ParaInfo;
use super::marks::RawQuote;
use super::speaker::{answers_a_question, follows_speaker_label, opens_with_colon, points_back};
use super::wording::{ascii_words, is_first_person, sentence_at};
use super::{Paragraph, QuoteChecker};

/// What the attribution pass knows of the article while it judges its quotations in order.
pub(super) struct Article<'a> {
    pub(super) paragraphs: &'a [Paragraph<'a>],
    /// The split paragraphs: those with quotations and their neighbours.
    pub(super) info: Vec<Option<ParaInfo<'a>>>,
    /// Local pieces of every closed quotation, per paragraph, sorted by start.
    pub(super) pieces: Vec<Vec<(usize, Range<usize>)>>,
    /// The closed quotations, in order of opening.
    pub(super) closed: Vec<&'a RawQuote>,
    /// Whether each quotation judged so far is attributed.
    pub(super) attributed: Vec<bool>,
    /// The last top-level quotation closed in each paragraph so far, for clause 4.
    pub(super) last_closed: Vec<Option<usize>>,
    /// Paragraph and local end of the latest attributed quotation.
    pub(super) last_attributed: Option<(usize, usize)>,
    /// Whether the article is a quote collection (see `is_quote_collection`).
    pub(super) collection: bool,
    /// Whether the collection reports speech somewhere, worked out on first asking.
    pub(super) collection_speaks: OnceCell<bool>,
}

/// The quotation being judged, and where it stands.
pub(super) struct Site<'a> {
    pub(super) quote: &'a RawQuote,
    /// Paragraph and local byte of the opening mark.
    pub(super) po: usize,
    pub(super) o: usize,
    /// Paragraph and local end of the closing mark.
    pub(super) pc: usize,
    pub(super) close_end: usize,
    /// Sentences (indices in their paragraphs) where it opens and where it closes.
    pub(super) so: usize,
    pub(super) sc: usize,
    /// Local start of the sentence where it opens.
    pub(super) sentence_start: usize,
    /// Words stand before it in its sentence.
    pub(super) inside_sentence: bool,
    /// Nothing but white space stands before it in its paragraph.
    pub(super) opens_paragraph: bool,
}

impl<'a> Article<'a> {
    /// Where the closed quotation `quote` stands.
    pub(super) fn site(&self, quote: &'a RawQuote) -> Site<'a> {
        let (pc, close_end) = quote.close.expect("closed");
        let (po, o) = (quote.open_para, quote.open_local);
        let text = self.paragraphs[po].text;
        let open_info = self.info[po].as_ref().expect("paragraph with a quotation");
        let close_info = self.info[pc].as_ref().expect("paragraph with a quotation");
        let so = sentence_at(&open_info.sentences, o);
        let sc = sentence_at(&close_info.sentences, close_end - 1);
        let sentence_start = open_info.sentences.get(so).map_or(0, |s| s.start);
        Site {
            quote,
            po,
            o,
            pc,
            close_end,
            so,
            sc,
            sentence_start,
            inside_sentence: text[sentence_start.min(o)..o]
                .chars()
                .any(char::is_alphanumeric),
            opens_paragraph: text[..o].trim().is_empty(),
        }
    }

    pub(super) fn text(&self, site: &Site) -> &'a str {
        self.paragraphs[site.po].text
    }

    fn open_info(&self, site: &Site) -> &ParaInfo<'a> {
        self.info[site.po]
            .as_ref()
            .expect("paragraph with a quotation")
    }

    fn close_info(&self, site: &Site) -> &ParaInfo<'a> {
        self.info[site.pc]
            .as_ref()
            .expect("paragraph with a quotation")
    }

    /// The paragraphs a known speaker may have been named in: this one and two before.
    fn near(&self, po: usize) -> Vec<&ParaInfo<'a>> {
        (po.saturating_sub(2)..=po)
            .filter_map(|p| self.info[p].as_ref())
            .collect()
    }
}

impl QuoteChecker {
    /// Whether anything attributes the quotation at `site`: the readings, in order.
    pub(super) fn is_attributed(&self, a: &Article, s: &Site) -> bool {
        let text = a.text(s);
        self.colon_introduces(a, s)
            || opens_with_colon(text)
            || follows_speaker_label(text, s.o)
            || self.same_speaker_goes_on(a, s)
            || self.after_attributed_quotation(a, s)
            || self.cue_nearby(a, s)
            || self.reported_speech_before(a, s)
            || self.person_goes_on(a, s)
            || self.document_holds_words(a.open_info(s), s.so)
            || self.finding_holds_words(a.open_info(s), s.sentence_start, s.o)
            || self.named_by_next(a, s)
            || (!s.inside_sentence
                && (self.answers_the_question(a, s)
                    || self.in_quote_collection(a)
                    || (self.speaks_in_a_voice(a, s)
                        && (self.known_speaker_goes_on(a, s)
                            || self.speaker_named_just_before(a, s)))))
    }

    /// Clause 1: its sentence, or the sentence just before or just after it in the same
    /// paragraph, holds a cue. A quotation running over paragraphs is attributed in its
    /// first paragraph (the reading of multi-paragraph quotations), and the usual closing
    /// tag ("…," she said.) counts too.
    pub(super) fn cue_nearby(&self, a: &Article, s: &Site) -> bool {
        let (open_info, close_info) = (a.open_info(s), a.close_info(s));
        if s.po == s.pc {
            self.cue_in(open_info, s.so.saturating_sub(1), s.sc + 1)
        } else {
            self.cue_in(open_info, 0, usize::MAX) || self.cue_in(close_info, s.sc, s.sc + 1)
        }
    }

    /// Clause 2: a colon directly before the opening mark introduces it (`Name:`), or the
    /// previous paragraph ends with a colon.
    pub(super) fn colon_introduces(&self, a: &Article, s: &Site) -> bool {
        a.text(s)[..s.o].trim_end().ends_with(':')
            || (s.po > 0 && a.paragraphs[s.po - 1].text.trim_end().ends_with(':'))
    }

    /// Clause 3, the same speaker goes on: the quotation opens its paragraph and the
    /// previous paragraph's last sentence holds an attributed top-level quotation.
    pub(super) fn same_speaker_goes_on(&self, a: &Article, s: &Site) -> bool {
        s.opens_paragraph
            && s.po > 0
            && a.info[s.po - 1].as_ref().is_some_and(|prev| {
                let last = prev.sentences.last().cloned().unwrap_or(0..0);
                a.pieces[s.po - 1].iter().any(|(pq, r)| {
                    a.closed[*pq].depth == 0
                        && r.start < last.end
                        && last.start < r.end
                        && a.attributed[*pq]
                })
            })
    }

    /// Clause 3, reported speech: the quotation opens its paragraph and the previous
    /// paragraph ends in a sentence with a cue that reports speech ("Pettit said the town
    /// should have sought a second opinion."): the quotation is the same speaker's words.
    pub(super) fn reported_speech_before(&self, a: &Article, s: &Site) -> bool {
        let last_reports =
            |prev: &ParaInfo| self.find_cue(prev, prev.sentences.len().wrapping_sub(1), true);
        s.opens_paragraph
            && s.po > 0
            && match a.info[s.po - 1].as_ref() {
                Some(prev) => last_reports(prev),
                None => last_reports(&self.para_info(a.paragraphs[s.po - 1].text, &[])),
            }
    }

    /// Clause 4: only white space inside the paragraph separates it from an attributed
    /// quotation before it (or the full stop, comma or semicolon some copy sets outside
    /// the marks).
    pub(super) fn after_attributed_quotation(&self, a: &Article, s: &Site) -> bool {
        a.last_closed[s.po].is_some_and(|pq| {
            let end = a.closed[pq].close.map_or(usize::MAX, |(_, end)| end);
            a.attributed[pq]
                && end <= s.o
                && a.text(s)[end..s.o]
                    .chars()
                    .all(|c| c.is_whitespace() || matches!(c, '.' | ',' | ';'))
        })
    }

    /// Whether the quotation holds a first-person word ("I", "my", "we").
    fn in_first_person(&self, a: &Article, s: &Site) -> bool {
        s.quote.local_pieces(a.paragraphs).iter().any(|(pi, r)| {
            ascii_words(&a.paragraphs[*pi].text[r.clone()]).any(|w| is_first_person(w.word))
        })
    }

    /// Beyond the contract: a first-person quotation opening its sentence right after one
    /// about a single person ("he", "Dr Frasca"): that person goes on speaking.
    pub(super) fn person_goes_on(&self, a: &Article, s: &Site) -> bool {
        !s.inside_sentence
            && s.so > 0
            && self.sentence_names_person(a.open_info(s), s.so - 1)
            && self.in_first_person(a, s)
    }

    /// Beyond the contract: the quotation speaks as "I", "we" or "you", which the readings
    /// of a known speaker ask for.
    pub(super) fn speaks_in_a_voice(&self, a: &Article, s: &Site) -> bool {
        s.quote
            .local_pieces(a.paragraphs)
            .iter()
            .any(|(pi, r)| self.has_voice(&a.paragraphs[*pi].text[r.clone()]))
    }

    /// Beyond the contract, a speaker the reader knows: a quotation in a voice opening its
    /// sentence, after an attribution in this paragraph or the one before, goes on in that
    /// speaker's voice, as a copy editor reads the interviews and profiles of real copy.
    /// Nobody else may come in between (see `introduces_someone`), so "Parents filled the
    /// hall. "Our kids …"" keeps its finding, and at most three sentences may stand
    /// between.
    pub(super) fn known_speaker_goes_on(&self, a: &Article, s: &Site) -> bool {
        let (po, o) = (s.po, s.o);
        // The latest attribution: an attributed quotation, or a sentence reporting speech
        // ("Mr Dein said that …") in this paragraph or, as the last sentence, in the one
        // before.
        let reported = self
            .last_report(a.open_info(s), o)
            .map(|end| (po, end))
            .or_else(|| {
                let prev = a.info[po.checked_sub(1)?].as_ref()?;
                let end = self.last_report(prev, usize::MAX)?;
                (prev.sentences.last()?.end == end).then_some((po - 1, end))
            });
        let Some((p, end)) = a
            .last_attributed
            .into_iter()
            .chain(reported)
            .filter(|&(p, end)| po - p <= 1 && (p < po || end <= o))
            .max()
        else {
            return false;
        };
        let speakers = self.speaker_names(&a.near(po), o);
        let between = |pi: usize, from: usize, to: usize| {
            let Some(para) = a.info[pi].as_ref() else {
                return false;
            };
            // Sorted sentences: only those in [from, to) are looked at, and more than three
            // of them is a new passage (which also bounds the cost).
            let first = para.sentences.partition_point(|s| s.start < from);
            let last = para.sentences.partition_point(|s| s.end <= to).max(first);
            // Each sentence between speaks of one person ("he", "Dr Frasca") or brings
            // nobody else in ("The club is funding its move …").
            last - first <= 3
                && (first..last)
                    .filter(|&si| !para.is_quoted(para.sentences[si].start))
                    .all(|si| {
                        self.sentence_names_person(para, si)
                            || !self.introduces_someone(para, si, &speakers)
                    })
        };
        (p == po || between(p, end, usize::MAX)) && between(po, if p == po { end } else { 0 }, o)
    }

    /// Beyond the contract: the speaker of the last attribution goes on when the sentence
    /// just before the quotation has that speaker as its subject ("McClaren was relieved
    /// …" then "To be fair to them, we …").
    pub(super) fn speaker_named_just_before(&self, a: &Article, s: &Site) -> bool {
        let po = s.po;
        let (pi, si) = if s.so > 0 {
            (po, s.so - 1)
        } else if s.opens_paragraph && po > 0 {
            let prev = a.info[po - 1].as_ref().map_or(0, |p| p.sentences.len());
            (po - 1, prev.wrapping_sub(1))
        } else {
            return false;
        };
        let speakers = self.speaker_names(&a.near(po), s.o);
        !speakers.is_empty()
            && a.info[pi]
                .as_ref()
                .is_some_and(|para| self.speaker_is_subject(para, si, &speakers))
    }

    /// Beyond the contract, the quote-collection format: every quotation opening its
    /// sentence is the collection's one speaker's, when the collection reports speech
    /// somewhere ("said Mr Blunkett"): a page of bare quotations is no collection.
    pub(super) fn in_quote_collection(&self, a: &Article) -> bool {
        a.collection
            && *a.collection_speaks.get_or_init(|| {
                a.info
                    .iter()
                    .flatten()
                    .any(|p| (0..p.sentences.len()).any(|si| self.find_cue(p, si, true)))
            })
    }

    /// Beyond the contract, the question-and-answer format: a quotation right after the
    /// writer's question answers it in the voice of the speaker quoted in this paragraph
    /// or the one before.
    pub(super) fn answers_the_question(&self, a: &Article, s: &Site) -> bool {
        s.so > 0
            && answers_a_question(a.open_info(s), s.so - 1)
            && a.last_attributed.is_some_and(|(p, _)| s.po - p <= 1)
    }

    /// Beyond the contract: a paragraph that is only the quotation, named by the next
    /// paragraph's opening ("These are the questions Connors will be asking").
    pub(super) fn named_by_next(&self, a: &Article, s: &Site) -> bool {
        s.opens_paragraph
            && s.pc == s.po
            && !a.text(s)[s.close_end..].chars().any(char::is_alphanumeric)
            && a.info
                .get(s.po + 1)
                .and_then(Option::as_ref)
                .is_some_and(|next| {
                    next.sentences.first().is_some_and(|first| {
                        points_back(&next.text[first.clone()]) && self.sentence_has_cue(next, 0)
                    })
                })
    }
}

//! The attribution pass of `quote-unattributed`: which sentences around a quotation hold a
//! speech verb, a source or a colon introduction, and which quotations are glosses,
//! titles or short partial quotes and so need none.

use std::cell::Cell;
use std::ops::Range;

use super::marks::RawQuote;
use regex::Regex;

use super::speaker::{
    answers_a_question, follows_determiner, follows_speaker_label, is_quote_collection,
    opens_with_colon, points_back,
};
use super::wording::{
    ends_with_gloss, excerpt, is_title, is_verb_use, last_words_lower, sentence_at,
};
use super::{DOCUMENT, Paragraph, QuoteChecker, QuoteFinding};
use crate::text::sentences::split_sentences;
use crate::text::words::is_whole_word;

impl QuoteChecker {
    pub(super) fn find_unattributed(
        &self,
        paragraphs: &[Paragraph],
        quotes: &[RawQuote],
    ) -> Vec<QuoteFinding> {
        let closed: Vec<&RawQuote> = quotes.iter().filter(|q| q.close.is_some()).collect();
        if closed.is_empty() {
            return Vec::new();
        }
        // Local pieces of every closed quotation, per paragraph, sorted by start.
        let mut pieces: Vec<Vec<(usize, Range<usize>)>> = vec![Vec::new(); paragraphs.len()];
        for (qi, q) in closed.iter().enumerate() {
            for (pi, range) in q.local_pieces(paragraphs) {
                pieces[pi].push((qi, range));
            }
        }
        let mut info: Vec<Option<ParaInfo>> = vec![None; paragraphs.len()];
        for (pi, list) in pieces.iter_mut().enumerate() {
            if !list.is_empty() {
                list.sort_by_key(|(_, r)| r.start);
                info[pi] = Some(self.para_info(paragraphs[pi].text, list));
            }
        }
        // The readings of a known speaker look two paragraphs back, and a lead quotation
        // one paragraph on: those paragraphs are split too, quotations or not.
        for pi in 0..paragraphs.len() {
            let near = (pi.saturating_sub(1)..(pi + 3).min(paragraphs.len()))
                .any(|qi| !pieces[qi].is_empty());
            if info[pi].is_none() && near {
                info[pi] = Some(self.para_info(paragraphs[pi].text, &[]));
            }
        }
        let collection = is_quote_collection(paragraphs);
        // A quote collection attributes its quotations only when it reports speech
        // somewhere ("said Mr Blunkett"): a page of bare quotations is no collection.
        let collection_speaks = std::cell::OnceCell::new();

        let mut attributed = vec![false; closed.len()];
        // The last top-level quotation closed in each paragraph so far, for clause 4.
        let mut last_closed: Vec<Option<usize>> = vec![None; paragraphs.len()];
        // Paragraph and local end of the latest attributed quotation.
        let mut last_attributed: Option<(usize, usize)> = None;
        let mut findings = Vec::new();
        for (qi, q) in closed.iter().enumerate() {
            if q.depth > 0 {
                // Nested marks quote inside a quotation that is judged as a whole.
                attributed[qi] = true;
                continue;
            }
            let (pc, close_end) = q.close.expect("closed");
            let (po, o) = (q.open_para, q.open_local);
            let text = paragraphs[po].text;
            let open_info = info[po].as_ref().expect("paragraph with a quotation");
            let close_info = info[pc].as_ref().expect("paragraph with a quotation");
            let so = sentence_at(&open_info.sentences, o);
            let sc = sentence_at(&close_info.sentences, close_end - 1);

            let sentence_start = open_info.sentences.get(so).map_or(0, |s| s.start);
            let lead_in = &text[sentence_start.min(o)..o];
            let inside_sentence = lead_in.chars().any(char::is_alphanumeric);

            let by_cue = || {
                if po == pc {
                    self.cue_in(open_info, so.saturating_sub(1), sc + 1)
                } else {
                    // A quotation running over paragraphs is attributed in its first
                    // paragraph, and the usual closing tag ("…," she said.) counts too.
                    self.cue_in(open_info, 0, usize::MAX) || self.cue_in(close_info, sc, sc + 1)
                }
            };
            let by_colon = text[..o].trim_end().ends_with(':')
                || (po > 0 && paragraphs[po - 1].text.trim_end().ends_with(':'));
            let opens_paragraph = text[..o].trim().is_empty();
            let same_speaker = opens_paragraph
                && po > 0
                && info[po - 1].as_ref().is_some_and(|prev| {
                    let last = prev.sentences.last().cloned().unwrap_or(0..0);
                    pieces[po - 1].iter().any(|(pq, r)| {
                        closed[*pq].depth == 0
                            && r.start < last.end
                            && last.start < r.end
                            && attributed[*pq]
                    })
                });
            // Clause 3, reported speech: the previous paragraph ends in a sentence with a
            // cue ("Pettit said the town should have sought a second opinion."), and the
            // quotation opening this one is the same speaker's words.
            let reported_speech_before = || {
                opens_paragraph
                    && po > 0
                    && match info[po - 1].as_ref() {
                        Some(prev) => {
                            self.find_cue(prev, prev.sentences.len().wrapping_sub(1), true)
                        }
                        None => {
                            let prev = self.para_info(paragraphs[po - 1].text, &[]);
                            self.find_cue(&prev, prev.sentences.len().wrapping_sub(1), true)
                        }
                    }
            };
            let follows_attributed = || {
                last_closed[po].is_some_and(|pq| {
                    let end = closed[pq].close.map_or(usize::MAX, |(_, end)| end);
                    attributed[pq]
                        && end <= o
                        // Only white space, or the full stop some copy sets outside.
                        && text[end..o]
                            .chars()
                            .all(|c| c.is_whitespace() || matches!(c, '.' | ',' | ';'))
                })
            };
            // A first-person quotation opening its sentence right after one about a
            // single person ("he", "Dr Frasca"): that person goes on speaking.
            let first_person = || {
                q.local_pieces(paragraphs)
                    .iter()
                    .any(|(pi, r)| self.first_person.is_match(&paragraphs[*pi].text[r.clone()]))
            };
            let person_goes_on = || {
                !inside_sentence
                    && so > 0
                    && self.sentence_names_person(open_info, so - 1)
                    && first_person()
            };
            // Beyond the contract, a speaker the reader knows: a quotation in a voice ("I",
            // "we", "you") opening its sentence, after an attribution in this paragraph
            // or the one before, goes on in that speaker's voice, as a copy editor reads
            // the interviews and profiles of real copy. Nobody else may come in between
            // (see `introduces_someone`), so "Parents filled the hall. "Our kids …"" keeps
            // its finding, and at most three sentences may stand between.
            let known_speaker_goes_on = || {
                // The latest attribution: an attributed quotation, or a sentence reporting
                // speech ("Mr Dein said that …") in this paragraph or, as the last sentence,
                // in the one before.
                let reported = self
                    .last_report(open_info, o)
                    .map(|end| (po, end))
                    .or_else(|| {
                        let prev = info[po.checked_sub(1)?].as_ref()?;
                        let end = self.last_report(prev, usize::MAX)?;
                        (prev.sentences.last()?.end == end).then_some((po - 1, end))
                    });
                let Some((p, end)) = last_attributed
                    .into_iter()
                    .chain(reported)
                    .filter(|&(p, end)| po - p <= 1 && (p < po || end <= o))
                    .max()
                else {
                    return false;
                };
                let near: Vec<&ParaInfo> = (po.saturating_sub(2)..=po)
                    .filter_map(|p| info[p].as_ref())
                    .collect();
                let speakers = self.speaker_names(&near, o);
                let between = |pi: usize, from: usize, to: usize| {
                    let Some(para) = info[pi].as_ref() else {
                        return false;
                    };
                    // Sorted sentences: only those in [from, to) are looked at, and more
                    // than three of them is a new passage (which also bounds the cost).
                    let first = para.sentences.partition_point(|s| s.start < from);
                    let last = para.sentences.partition_point(|s| s.end <= to).max(first);
                    // Each sentence between speaks of one person ("he", "Dr Frasca") or
                    // brings nobody else in ("The club is funding its move …").
                    last - first <= 3
                        && (first..last)
                            .filter(|&si| !para.is_quoted(para.sentences[si].start))
                            .all(|si| {
                                self.sentence_names_person(para, si)
                                    || !self.introduces_someone(para, si, &speakers)
                            })
                };
                (p == po || between(p, end, usize::MAX))
                    && between(po, if p == po { end } else { 0 }, o)
            };
            // The quotation speaks as "I", "we" or "you".
            let voice = || {
                q.local_pieces(paragraphs)
                    .iter()
                    .any(|(pi, r)| self.has_voice(&paragraphs[*pi].text[r.clone()]))
            };
            // Beyond the contract: the speaker of the last attribution goes on when the
            // sentence just before the quotation has that speaker as its subject
            // ("McClaren was relieved …" then "To be fair to them, we …").
            let speaker_named_just_before = || {
                let (pi, si) = if so > 0 {
                    (po, so - 1)
                } else if opens_paragraph && po > 0 {
                    let prev = info[po - 1].as_ref().map_or(0, |p| p.sentences.len());
                    (po - 1, prev.wrapping_sub(1))
                } else {
                    return false;
                };
                let near: Vec<&ParaInfo> = (po.saturating_sub(2)..=po)
                    .filter_map(|p| info[p].as_ref())
                    .collect();
                let speakers = self.speaker_names(&near, o);
                !speakers.is_empty()
                    && info[pi]
                        .as_ref()
                        .is_some_and(|para| self.speaker_is_subject(para, si, &speakers))
            };
            // Beyond the contract, the quote-collection format: every quotation opening
            // its sentence is the collection's one speaker's.
            let in_collection = || {
                collection
                    && *collection_speaks.get_or_init(|| {
                        info.iter()
                            .flatten()
                            .any(|p| (0..p.sentences.len()).any(|si| self.find_cue(p, si, true)))
                    })
            };
            // Beyond the contract, the question-and-answer format: a quotation right
            // after the writer's question answers it in the voice of the speaker quoted
            // in this paragraph or the one before.
            let answers = || {
                so > 0
                    && answers_a_question(open_info, so - 1)
                    && last_attributed.is_some_and(|(p, _)| po - p <= 1)
            };
            // Beyond the contract: a paragraph that is only the quotation, named by the
            // next paragraph's opening ("These are the questions Connors will be asking").
            let named_by_next = || {
                opens_paragraph
                    && pc == po
                    && !text[close_end..].chars().any(char::is_alphanumeric)
                    && info
                        .get(po + 1)
                        .and_then(Option::as_ref)
                        .is_some_and(|next| {
                            next.sentences.first().is_some_and(|s| {
                                points_back(&next.text[s.clone()]) && self.sentence_has_cue(next, 0)
                            })
                        })
            };
            attributed[qi] = by_colon
                || opens_with_colon(text)
                || follows_speaker_label(text, o)
                || same_speaker
                || follows_attributed()
                || by_cue()
                || reported_speech_before()
                || person_goes_on()
                || self.document_holds_words(open_info, so)
                || self.finding_holds_words(open_info, sentence_start, o)
                || named_by_next()
                || (!inside_sentence
                    && (answers()
                        || in_collection()
                        || (voice() && (known_speaker_goes_on() || speaker_named_just_before()))));
            if attributed[qi] {
                last_attributed = Some((pc, close_end));
            }
            last_closed[pc] = Some(qi);
            if attributed[qi] {
                continue;
            }

            let words = q.words(paragraphs);
            if words < self.options.min_words || self.is_gloss(lead_in) {
                continue;
            }
            if q.close.is_some_and(|(pc, _)| pc == po) && is_title(q.content(paragraphs)) {
                continue;
            }
            let first = q.first_content_char(paragraphs);
            if inside_sentence
                && (first.is_some_and(char::is_lowercase)
                    || (follows_determiner(lead_in)
                        && !q
                            .content(paragraphs)
                            .contains([',', '.', ';', ':', '!', '?'])))
                && words < self.options.partial_max_words
            {
                continue;
            }
            let mark_end = o + q.open_mark.len_utf8();
            let abs = paragraphs[po].offset + o;
            findings.push(QuoteFinding {
                span: abs..abs + q.open_mark.len_utf8(),
                message: format!(
                    "quotation \"{}\" has no attribution: no speech verb or source in its \
                     sentence or the sentences around it",
                    excerpt(q.content_start(paragraphs, mark_end), 6)
                ),
            });
        }
        findings
    }

    fn para_info<'t>(&self, text: &'t str, pieces: &[(usize, Range<usize>)]) -> ParaInfo<'t> {
        let sentences = split_sentences(text);
        // Quoted words are someone else's: cues and names count only outside the union of
        // all quotations.
        let mut quoted: Vec<Range<usize>> = Vec::new();
        for (_, r) in pieces {
            match quoted.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => quoted.push(r.clone()),
            }
        }
        let cue = vec![Cell::new(None); sentences.len()];
        let person = cue.clone();
        let document = cue.clone();
        ParaInfo {
            text,
            sentences,
            quoted,
            cue,
            person,
            document,
        }
    }

    /// Whether sentence `si` holds a cue outside quotations; worked out on first asking.
    pub(super) fn sentence_has_cue(&self, info: &ParaInfo, si: usize) -> bool {
        if let Some(known) = info.cue.get(si).and_then(Cell::get) {
            return known;
        }
        let found = self.find_cue(info, si, false);
        if let Some(cell) = info.cue.get(si) {
            cell.set(Some(found));
        }
        found
    }

    /// Whether sentence `si` holds a cue outside quotations; with `reported_only`, one
    /// that reports speech rather than a stance.
    pub(super) fn find_cue(&self, info: &ParaInfo, si: usize, reported_only: bool) -> bool {
        let Some(sentence) = info.sentences.get(si) else {
            return false;
        };
        let text = info.text;
        self.words
            .get()
            .find_iter(&text[sentence.clone()])
            .map(|m| {
                (
                    m.range().start + sentence.start..m.range().end + sentence.start,
                    m,
                )
            })
            .any(|(range, m)| {
                (!reported_only || self.word_reports[m.pattern().as_usize()])
                    && is_whole_word(text, range.clone())
                    && !info.is_quoted(range.start)
                    && is_verb_use(
                        text,
                        range,
                        sentence.start,
                        self.word_kinds[m.pattern().as_usize()],
                    )
            })
    }

    /// Whether any sentence from `first` to `last` (inclusive, clamped) holds a cue.
    fn cue_in(&self, info: &ParaInfo, first: usize, last: usize) -> bool {
        let end = last.saturating_add(1).min(info.sentences.len());
        (first..end).any(|si| self.sentence_has_cue(info, si))
    }

    /// Whether the sentence holding a quotation, or the one before it, has a named
    /// source document as a subject that holds the words: "The report calculated …",
    /// "The minutes of the meeting show …", "a poster under the words …" (CHECKS.md
    /// clause 1). The document must follow a determiner, so "in 10 minutes" is no source.
    fn document_holds_words(&self, info: &ParaInfo, si: usize) -> bool {
        let text = info.text;
        (si.saturating_sub(1)..=si).any(|i| {
            let Some(sentence) = info.sentences.get(i) else {
                return false;
            };
            if let Some(known) = info.document[i].get() {
                return known;
            }
            let found = self
                .document
                .get_or_init(|| Regex::new(DOCUMENT).expect("a fixed pattern"))
                .find_iter(&text[sentence.clone()])
                .any(|m| !info.is_quoted(m.start() + sentence.start));
            info.document[i].set(Some(found));
            found
        })
    }

    /// Whether sentence `si` refers to one person outside quotations: "he", "Dr Frasca".
    fn sentence_names_person(&self, info: &ParaInfo, si: usize) -> bool {
        let Some(sentence) = info.sentences.get(si) else {
            return false;
        };
        if let Some(known) = info.person[si].get() {
            return known;
        }
        let found = self
            .person
            .find_iter(&info.text[sentence.clone()])
            .any(|m| !info.is_quoted(m.start() + sentence.start));
        info.person[si].set(Some(found));
        found
    }

    /// Whether the words just before an opening mark introduce a gloss or title.
    fn is_gloss(&self, lead_in: &str) -> bool {
        let tail = last_words_lower(lead_in, 5);
        if tail.is_empty() {
            return false;
        }
        self.glosses.iter().any(|gloss| {
            // "or" must stand right before the mark; the others may be followed by a
            // couple of words ("the slogan is", "called it").
            let slack = if gloss.len() == 1 && gloss[0] == "or" {
                0
            } else {
                2
            };
            (0..=slack).any(|skip| {
                let end = tail.len().saturating_sub(skip);
                ends_with_gloss(&tail[..end], gloss)
            })
        })
    }
}

/// What the attribution pass knows of a paragraph holding a quotation.
#[derive(Debug, Clone)]
pub(super) struct ParaInfo<'t> {
    pub(super) text: &'t str,
    pub(super) sentences: Vec<Range<usize>>,
    /// Quoted bytes, as sorted disjoint ranges.
    quoted: Vec<Range<usize>>,
    /// Whether each sentence holds a cue, once asked.
    cue: Vec<Cell<Option<bool>>>,
    /// Whether each sentence refers to one person, once asked.
    person: Vec<Cell<Option<bool>>>,
    /// Whether each sentence names a source document, once asked.
    document: Vec<Cell<Option<bool>>>,
}

impl ParaInfo<'_> {
    pub(super) fn is_quoted(&self, pos: usize) -> bool {
        let i = self.quoted.partition_point(|r| r.end <= pos);
        self.quoted.get(i).is_some_and(|r| r.start <= pos)
    }
}

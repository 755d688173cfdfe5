//! The attribution pass of `quote-unattributed`: which sentences around a quotation hold a
//! speech verb, a source or a colon introduction, and which quotations are glosses,
//! titles or short partial quotes and so need none.

use std::cell::{Cell, OnceCell};
use std::ops::Range;

use super::clauses::{Article, Site};
use super::marks::RawQuote;
use regex::Regex;

use super::speaker::{follows_determiner, is_quote_collection};
use super::wording::{
    ascii_words, ends_with_gloss, excerpt, is_person_word, is_title, is_verb_use, last_words_lower,
};
use super::{DOCUMENT, Paragraph, QuoteChecker, QuoteFinding};
use crate::text::sentences::split_sentences;

impl QuoteChecker {
    pub(super) fn find_unattributed(
        &self,
        paragraphs: &[Paragraph],
        quotes: &[RawQuote],
    ) -> Vec<QuoteFinding> {
        let Some(mut article) = self.article(paragraphs, quotes) else {
            return Vec::new();
        };
        let mut findings = Vec::new();
        for qi in 0..article.closed.len() {
            let Some(site) = self.judge(&mut article, qi) else {
                continue;
            };
            let Site {
                quote: q,
                po,
                o,
                sentence_start,
                inside_sentence,
                ..
            } = site;
            let text = paragraphs[po].text;
            let lead_in = &text[sentence_start.min(o)..o];
            if self.is_exempt(paragraphs, q, lead_in, inside_sentence) {
                continue;
            }
            // The whole opening mark: both chars of the wire's `‘‘`, as quote-unbalanced
            // reports it.
            let mark_end = o + q.open_len;
            let abs = paragraphs[po].offset + o;
            findings.push(QuoteFinding {
                span: abs..abs + q.open_len,
                message: format!(
                    "quotation \"{}\" has no attribution: no speech verb or source in its \
                     sentence or the sentences around it",
                    excerpt(q.content_start(paragraphs, mark_end), 6)
                ),
            });
        }
        findings
    }

    /// What the readings need of the article: its closed quotations, and the paragraphs
    /// around them split into sentences. None when no quotation closes.
    pub(super) fn article<'a>(
        &self,
        paragraphs: &'a [Paragraph<'a>],
        quotes: &'a [RawQuote],
    ) -> Option<Article<'a>> {
        let closed: Vec<&RawQuote> = quotes.iter().filter(|q| q.close.is_some()).collect();
        if closed.is_empty() {
            return None;
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
        Some(Article {
            paragraphs,
            info,
            pieces,
            attributed: vec![false; closed.len()],
            last_closed: vec![None; paragraphs.len()],
            last_attributed: None,
            closed,
            collection: is_quote_collection(paragraphs),
            collection_speaks: OnceCell::new(),
        })
    }

    /// Judges closed quotation `qi` of the article, after all before it, and records the
    /// verdict for the readings of later ones; gives its site if nothing attributes it.
    pub(super) fn judge<'a>(&self, article: &mut Article<'a>, qi: usize) -> Option<Site<'a>> {
        let q = article.closed[qi];
        if q.depth > 0 {
            // Nested marks quote inside a quotation that is judged as a whole.
            article.attributed[qi] = true;
            return None;
        }
        let site = article.site(q);
        let attributed = self.is_attributed(article, &site);
        article.attributed[qi] = attributed;
        if attributed {
            article.last_attributed = Some((site.pc, site.close_end));
        }
        article.last_closed[site.pc] = Some(qi);
        (!attributed).then_some(site)
    }

    /// The contract's exemptions for a quotation nothing attributes: fewer than
    /// `min_words` words (scare quotes, names); a gloss, name or title introduced by a
    /// gloss word; a title of a work in title case; a partial quotation (one that starts
    /// lower-case inside a sentence, or follows a determiner and holds no punctuation) of
    /// fewer than `partial_max_words` words.
    fn is_exempt(
        &self,
        paragraphs: &[Paragraph],
        q: &RawQuote,
        lead_in: &str,
        inside_sentence: bool,
    ) -> bool {
        // Both limits are compared with `<`: counting stops at the larger.
        let enough = self.options.min_words.max(self.options.partial_max_words);
        let words = q.words(paragraphs, enough);
        if words < self.options.min_words || self.is_gloss(lead_in) {
            return true;
        }
        if q.close.is_some_and(|(pc, _)| pc == q.open_para) && is_title(q.content(paragraphs)) {
            return true;
        }
        let first = q.first_content_char(paragraphs);
        inside_sentence
            && (first.is_some_and(char::is_lowercase)
                || (follows_determiner(lead_in)
                    && !q
                        .content(paragraphs)
                        .contains([',', '.', ';', ':', '!', '?'])))
            && words < self.options.partial_max_words
    }

    pub(super) fn para_info<'t>(
        &self,
        text: &'t str,
        pieces: &[(usize, Range<usize>)],
    ) -> ParaInfo<'t> {
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
        self.cues().any(info.text, sentence.clone(), |range, cue| {
            (!reported_only || cue.reports)
                && !info.is_quoted(range.start)
                && is_verb_use(info.text, range, sentence.start, cue.kind)
        })
    }

    /// Whether any sentence from `first` to `last` (inclusive, clamped) holds a cue.
    pub(super) fn cue_in(&self, info: &ParaInfo, first: usize, last: usize) -> bool {
        let end = last.saturating_add(1).min(info.sentences.len());
        (first..end).any(|si| self.sentence_has_cue(info, si))
    }

    /// Whether the sentence holding a quotation, or the one before it, has a named
    /// source document as a subject that holds the words: "The report calculated …",
    /// "The minutes of the meeting show …", "a poster under the words …" (CHECKS.md
    /// clause 1). The document must follow a determiner, so "in 10 minutes" is no source.
    pub(super) fn document_holds_words(&self, info: &ParaInfo, si: usize) -> bool {
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
    pub(super) fn sentence_names_person(&self, info: &ParaInfo, si: usize) -> bool {
        let Some(sentence) = info.sentences.get(si) else {
            return false;
        };
        if let Some(known) = info.person[si].get() {
            return known;
        }
        let found = ascii_words(&info.text[sentence.clone()])
            .any(|w| is_person_word(w.word) && !info.is_quoted(w.start + sentence.start));
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

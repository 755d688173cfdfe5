//! Readings of `quote-unattributed` beyond the letter of CHECKS.md, the ones a copy editor
//! uses on real copy: a speaker the reader already knows (named a paragraph or two before,
//! with nobody else brought in since), the quote-collection and question-and-answer
//! formats, and phrases quoted from a finding or used as a name. Each is a named function
//! here so that the attribution pass reads as a list of readings; the tests are in
//! `speaker_tests.rs`.

use std::ops::Range;

use super::attribution::ParaInfo;
use super::marks::opens_with_mark;
use super::wording::{
    DETERMINERS, PREPOSITIONS, ascii_words, is_first_person, is_second_person, last_words_lower,
};
use super::{Paragraph, QuoteChecker};
use crate::text::words::is_whole_word;
use crate::text::words::words as words_at;

/// Words for people, or a body of them, that bring a new possible speaker into a passage
/// ("Parents filled the hall.", "Several members left."). The plural endings of
/// [`is_people_word`] catch most others.
#[rustfmt::skip]
const PEOPLE_WORDS: &[&str] = &[
    "people", "person", "persons", "residents", "parents", "members", "member", "neighbours",
    "neighbors", "locals", "families", "children", "kids", "pupils", "students", "staff",
    "employees", "fans", "critics", "opponents", "activists", "officials", "councillors",
    "councilors", "ministers", "politicians", "experts", "analysts", "witnesses", "police",
    "crowd", "crowds", "audience", "group", "groups", "committee", "council", "board", "union",
    "others", "everyone", "everybody", "someone", "somebody", "anyone", "colleagues", "rivals",
    "friends", "relatives", "tenants", "clients", "guests", "visitors", "voters", "man", "woman",
    "boy", "girl", "mother", "father", "wife", "husband", "son", "daughter", "spokesman",
    "spokeswoman", "spokesperson", "governors", "trustees", "parishioners", "pensioners",
];

/// Plural nouns ending like people words that name things: they bring nobody in.
#[rustfmt::skip]
const NOT_PEOPLE: &[&str] = &[
    "numbers", "papers", "matters", "orders", "waters", "centers", "powers", "computers",
    "chambers", "offers", "answers", "quarters", "headquarters", "layers", "filters",
    "borders", "corners", "towers", "meters", "containers", "servers", "remainders",
    "registers", "headers", "barriers", "letters",
];

/// Things that hold words of their own ("A handwritten note was tucked inside."): a
/// quotation after them may be theirs, not the speaker's.
#[rustfmt::skip]
const WORD_HOLDERS: &[&str] = &[
    "note", "notes", "letter", "letters", "sign", "signs", "poster", "posters", "banner",
    "banners", "placard", "placards", "leaflet", "leaflets", "notice", "notices", "message",
    "messages", "email", "emails", "report", "reports", "statement",
    "website", "post", "tweet", "slogan", "motto", "inscription", "label", "plaque", "petition",
];

/// Role words that put a new person's name after them ("manager Ricky Simms").
#[rustfmt::skip]
const ROLE_WORDS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sir", "lady", "prof", "professor", "manager", "boss", "director",
    "chief", "councillor", "councilor", "mayor", "president", "coach", "minister", "secretary",
    "chairman", "chairwoman", "chair", "leader", "captain", "inspector", "officer", "sergeant",
    "judge", "governor", "senator", "spokesman", "spokeswoman", "colleague", "rival",
    "master", "skipper", "owner", "founder", "editor", "head",
];

/// Capitalised words that open sentences or stand for a person without naming one, and so
/// are never taken for a speaker's name.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "but", "and", "or", "nor", "yet", "so", "the", "a", "an", "he", "she", "it", "they", "we",
    "i", "you", "this", "that", "these", "those", "there", "here", "his", "her", "their", "its",
    "our", "my", "your", "mr", "mrs", "ms", "dr", "sir", "lady", "prof", "however", "meanwhile",
    "if", "when", "while", "after", "before", "as", "then", "now", "nonetheless", "still",
    "also", "even", "although", "though", "because", "since", "last", "next", "on", "in", "at",
    "for", "with", "by", "from", "to", "of", "one", "some", "many", "several", "all", "both",
    "most", "what", "who", "which", "where", "why", "how", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday",
];

/// Whether a lower-cased word names people or a body of people. Besides the list, plurals
/// of agent nouns: "islanders", "fishermen", "campaigners", "economists", "Canadians".
fn is_people_word(word: &str) -> bool {
    if PEOPLE_WORDS.contains(&word) {
        return true;
    }
    if NOT_PEOPLE.contains(&word) {
        return false;
    }
    let long = word.len() > 4;
    long && (word.ends_with("ers")
        || word.ends_with("ists")
        || word.ends_with("ians")
        || word.ends_with("men")
        || word.ends_with("women")
        || word.ends_with("folk"))
}

/// A name word: capitalised, with a lower-case letter (not an acronym such as "BBC"), not a
/// word that opens sentences, and with its possessive taken off.
fn name_word(word: &str) -> Option<&str> {
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    let capital = word.chars().next().is_some_and(char::is_uppercase);
    let lower = word.chars().any(char::is_lowercase);
    (capital && lower && !NOT_NAMES.contains(&word.to_lowercase().as_str())).then_some(word)
}

/// Words that may stand right before a sentence's subject: "Nonetheless, all O'Connor is
/// …", "and Orr was …".
const BEFORE_SUBJECT: &[&str] = &[
    "all", "and", "but", "so", "yet", "then", "now", "still", "only", "even",
];

/// The name words of sentence `si` outside quotations that stand where a subject can:
/// not possessive ("Real's win"), not after a preposition or a determiner ("against
/// Leamy", "the Bernabeu"). Each comes with whether it is in a subject's place: at the
/// start of the sentence or of a clause after a comma, or after one of
/// [`BEFORE_SUBJECT`] (not after a verb, "carried Orr"), and followed by a lower-case
/// word, as a subject is by its verb.
fn names_in_place<'t>(info: &ParaInfo<'t>, si: usize) -> Vec<(&'t str, bool)> {
    let Some(sentence) = info.sentences.get(si).cloned() else {
        return Vec::new();
    };
    let text: &'t str = &info.text[sentence.clone()];
    let mut out = Vec::new();
    let mut previous: Option<Range<usize>> = None;
    for range in words_at(text) {
        let word = &text[range.clone()];
        let quoted = info.is_quoted(sentence.start + range.start);
        let possessive = word.ends_with("'s") || word.ends_with("’s");
        let link = previous
            .as_ref()
            .map_or(String::new(), |p| text[p.clone()].to_lowercase());
        let after_link =
            PREPOSITIONS.contains(&link.as_str()) || DETERMINERS.contains(&link.as_str());
        let opens_clause = match &previous {
            None => true,
            Some(p) => {
                text[p.end..range.start].contains(',')
                    || BEFORE_SUBJECT.contains(&link.as_str())
                    || name_word(&text[p.clone()]).is_some()
                    || text[p.clone()].starts_with(char::is_uppercase)
            }
        };
        previous = Some(range.clone());
        if quoted || possessive || after_link {
            continue;
        }
        if let Some(name) = name_word(word) {
            let before_verb = text[range.end..]
                .strip_prefix(' ')
                .and_then(|rest| rest.chars().next())
                .is_some_and(char::is_lowercase);
            out.push((name, opens_clause && before_verb));
        }
    }
    out
}

impl QuoteChecker {
    /// Whether sentence `si` brings in someone who could be speaking instead of the known
    /// speaker: a word for people or a group ("Parents", "Several members", "islanders"),
    /// a new person after a role word ("manager Ricky Simms", "Mr Orr" when Orr is not a
    /// known speaker), or a thing that holds words ("a handwritten note"). Only text
    /// outside quotations counts.
    pub(super) fn introduces_someone(
        &self,
        info: &ParaInfo,
        si: usize,
        speakers: &[String],
    ) -> bool {
        let Some(sentence) = info.sentences.get(si).cloned() else {
            return false;
        };
        let text = &info.text[sentence.clone()];
        let mut previous: Option<String> = None;
        for range in words_at(text) {
            if info.is_quoted(sentence.start + range.start) {
                previous = None;
                continue;
            }
            let word = &text[range];
            let lower = word.to_lowercase();
            if is_people_word(&lower) || WORD_HOLDERS.contains(&lower.as_str()) {
                return true;
            }
            if let (Some(role), Some(name)) = (previous.as_deref(), name_word(word))
                && ROLE_WORDS.contains(&role)
                && !speakers.iter().any(|s| s == name)
            {
                return true;
            }
            previous = Some(lower);
        }
        false
    }

    /// The names of the people who speak in the sentences before byte `last_before` of
    /// the last of `infos` (the quotation's paragraph) and in those before it: the name
    /// words of every sentence that holds a cue ("McClaren said:", "said O'Connor",
    /// "Redford believes …"), where they could be its subject (see [`names_in_place`]).
    /// Only the last dozen sentences of each paragraph are read, to bound the cost.
    pub(super) fn speaker_names(&self, infos: &[&ParaInfo], last_before: usize) -> Vec<String> {
        let mut names = Vec::new();
        for (k, info) in infos.iter().enumerate() {
            let upto = if k + 1 == infos.len() {
                info.sentences.partition_point(|s| s.start < last_before)
            } else {
                info.sentences.len()
            };
            for si in upto.saturating_sub(12)..upto {
                if !self.sentence_has_cue(info, si) {
                    continue;
                }
                names.extend(
                    names_in_place(info, si)
                        .into_iter()
                        .map(|(name, _)| name.to_string()),
                );
            }
        }
        names
    }

    /// Whether sentence `si` has a known speaker as its subject: a name from `speakers`
    /// in a subject's place (see [`names_in_place`]) and followed by a lower-case word, as
    /// a subject is by its verb ("McClaren was relieved …", "But Redford knows this …",
    /// "Nonetheless, all O'Connor is concerned about …"). A quotation in the first person
    /// right after such a sentence is that speaker going on: a reader knows who "I" is,
    /// since the sentence is about the one who has been talking.
    pub(super) fn speaker_is_subject(
        &self,
        info: &ParaInfo,
        si: usize,
        speakers: &[String],
    ) -> bool {
        names_in_place(info, si)
            .into_iter()
            .any(|(name, before_verb)| before_verb && speakers.iter().any(|s| s == name))
    }

    /// The end of the last sentence before byte `before` that reports speech ("Mr Dein said
    /// that …", "… according to Ms Everett."), looking back at most four sentences: the
    /// point from which a known speaker goes on. A sentence about a thing that holds words
    /// ("A handwritten note was tucked inside …") gives no speaker: what follows may be
    /// the note's.
    pub(super) fn last_report(&self, info: &ParaInfo, before: usize) -> Option<usize> {
        let upto = info.sentences.partition_point(|s| s.end <= before);
        let si = (upto.saturating_sub(4)..upto).rev().find(|&si| {
            !info.is_quoted(info.sentences[si].start) && self.find_cue(info, si, true)
        })?;
        let sentence = info.sentences[si].clone();
        let holds_words = words_at(&info.text[sentence.clone()]).any(|r| {
            let word = info.text[sentence.start + r.start..sentence.start + r.end].to_lowercase();
            WORD_HOLDERS.contains(&word.as_str()) && !info.is_quoted(sentence.start + r.start)
        });
        (!holds_words).then_some(sentence.end)
    }

    /// Whether the quotation speaks in a voice, "I", "we" or "you": what a speaker says,
    /// where a sign, a slogan or a document's line usually does not.
    pub(super) fn has_voice(&self, quoted: &str) -> bool {
        ascii_words(quoted).any(|w| is_first_person(w.word) || is_second_person(w.word))
    }

    /// Whether the quotation's own sentence, before its opening mark, has a finding as its
    /// verb: "The MPs found the system was "nowhere near …"". What an inquiry or a study
    /// found is what it reports, so its words are attributed to it. "was found" and
    /// "found dead" are not findings of words and do not count.
    pub(super) fn finding_holds_words(&self, info: &ParaInfo, from: usize, open: usize) -> bool {
        let (near, _) = tail(info.text, open, 240);
        let from = from.max(near).min(open);
        let lead = &info.text[from..open];
        let mut previous = String::new();
        for range in words_at(lead) {
            let word = lead[range.clone()].to_lowercase();
            let is_finding = matches!(word.as_str(), "found" | "finds" | "find");
            let passive = matches!(
                previous.as_str(),
                "was" | "were" | "is" | "are" | "be" | "been" | "being" | "get" | "got"
            );
            let next = lead[range.end..]
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_lowercase();
            let of_a_body = !matches!(next.as_str(), "dead" | "guilty" | "alive" | "injured");
            if is_finding
                && !passive
                && of_a_body
                && !info.is_quoted(from + range.start)
                && is_whole_word(lead, range)
            {
                return true;
            }
            previous = word;
        }
        false
    }
}

/// Whether a paragraph opens with a colon: an entry of a quote collection or interview
/// whose speaker label (": …" after "Name" in the original layout) the archive dropped or
/// left on the line before. Like clause 2's colon, it introduces every quotation of the
/// paragraph: the whole entry is the labelled speaker's.
pub(super) fn opens_with_colon(text: &str) -> bool {
    text.trim_start().starts_with(':')
}

/// Whether the quotation opening at `open` follows a speaker label on its own line: a
/// bullet dash and a short name with no sentence punctuation ("- Bolton boss Sam Allardyce
/// "I am …""), the match-report and quote-collection layout. The label introduces the
/// quotation as a colon does.
pub(super) fn follows_speaker_label(text: &str, open: usize) -> bool {
    let (from, before) = tail(text, open, 120);
    let line_start = match before.rfind('\n') {
        Some(i) => from + i + 1,
        None if from == 0 => 0,
        // A line longer than any label.
        None => return false,
    };
    let label = text[line_start..open].trim();
    let Some(name) = label.strip_prefix(['-', '–', '—', '•', '*']) else {
        return false;
    };
    let words = name.split_whitespace().count();
    (1..=8).contains(&words)
        && !name.contains(['.', '!', '?', ',', ';', ':', '"', '“', '”'])
        && name.split_whitespace().any(|w| name_word(w).is_some())
}

/// Whether the body is a quote collection ("… in quotes"): at least four paragraphs, two
/// in three of those with words, open with a quotation mark. Such a piece quotes one
/// person throughout, named at its head; its quotations need no tag each.
pub(super) fn is_quote_collection(paragraphs: &[Paragraph]) -> bool {
    let with_words = paragraphs
        .iter()
        .filter(|p| p.text.chars().any(char::is_alphanumeric))
        .count();
    let opening = paragraphs
        .iter()
        .filter(|p| opens_with_mark(p.text))
        .count();
    opening >= 4 && opening * 3 >= with_words * 2
}

/// Whether the text before an opening mark ends in a determiner ("rely on the "Social
/// Security trust fund""): the quotation is then a noun phrase inside the sentence, a
/// name or a term, never a full sentence of speech, whatever its case. It is read as the
/// partial quotation the contract exempts below `partial_max_words`, when it holds no
/// punctuation of running speech (the caller checks).
pub(super) fn follows_determiner(lead_in: &str) -> bool {
    if !lead_in.ends_with(char::is_whitespace) {
        return false;
    }
    last_words_lower(lead_in, 1)
        .first()
        .is_some_and(|w| DETERMINERS.contains(&w.as_str()))
}

/// Whether the quotation is a question put by the writer's interview and answered: the
/// sentence before it, outside quotations, ends with "?" ("Won't voters still turn to the
/// Conservatives? "The problem is …""). In the question-and-answer format the answer
/// is the interviewee's, the speaker of the attributed quotation just before.
pub(super) fn answers_a_question(info: &ParaInfo, si: usize) -> bool {
    info.sentences.get(si).is_some_and(|s| {
        let sentence = &info.text[s.clone()];
        sentence.trim_end().ends_with('?') && !info.is_quoted(s.end - 1)
    })
}

/// Whether a paragraph that is nothing but the quotation is named by the paragraph after
/// it, whose first sentence points back with a demonstrative and holds a cue: ""Do you
/// have it in your heart?" / These are the questions Connors will be asking …". The lead
/// quotation of a feature is attributed straight after it.
pub(super) fn points_back(first_sentence: &str) -> bool {
    let first = first_sentence
        .split(|c: char| !c.is_alphabetic())
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    matches!(
        first.as_str(),
        "these" | "those" | "this" | "that" | "such" | "so"
    )
}

/// The last `max` bytes (or fewer, at a char boundary) of `text[..end]`: the readings that
/// look back from an opening mark look only this far, so a paragraph of thousands of
/// quotations costs each one the same.
pub(super) fn tail(text: &str, end: usize, max: usize) -> (usize, &str) {
    let mut from = end.saturating_sub(max);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    (from, &text[from..end])
}

//! A small English inflector for speech verbs: every form of a lemma ("say" → "says",
//! "saying", "said"), so that a house lists lemmas, not forms.

use std::borrow::Cow;

/// Past forms of irregular verbs, for the default lemmas and those a house may add; the
/// regular rules still give the -s and -ing forms.
pub(super) const IRREGULAR_PAST: &[(&str, &[&str])] = &[
    ("say", &["said"]),
    ("tell", &["told"]),
    ("write", &["wrote", "written"]),
    ("speak", &["spoke", "spoken"]),
    ("go", &["went", "gone"]),
    ("swear", &["swore", "sworn"]),
    ("sing", &["sang", "sung"]),
    ("read", &["read"]),
    ("put", &["put"]),
    ("feel", &["felt"]),
    ("think", &["thought"]),
    ("hear", &["heard"]),
    ("know", &["knew", "known"]),
    ("see", &["saw", "seen"]),
    ("find", &["found"]),
    ("give", &["gave", "given"]),
    ("show", &["showed", "shown"]),
    ("bring", &["brought"]),
    ("teach", &["taught"]),
    ("hold", &["held"]),
    ("mean", &["meant"]),
    ("forecast", &["forecast", "forecasted"]),
    ("foretell", &["foretold"]),
];

/// Lower case, one space between words. A lemma already in that form (nearly every one)
/// is borrowed, not copied.
pub(super) fn normalise_phrase(text: &str) -> Cow<'_, str> {
    let tidy = text.bytes().all(|b| b.is_ascii_lowercase() || b == b' ')
        && !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ");
    if tidy {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// Every form of a verb lemma: base, -s, -ing and past forms, sorted. Only the first word
/// of a phrasal verb inflects ("point out" → "pointed out").
pub fn inflections(lemma: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_form(lemma, |form, _| out.push(form));
    out.sort();
    out.dedup();
    out
}

/// Calls `emit` with every form of a verb lemma (a form may come twice: "read" is its
/// own past) and whether it is a base or -s form, which are also the forms a noun can
/// take. Each form is built in one allocation: the cue table makes some 500 of them at
/// start-up.
pub(super) fn each_form(lemma: &str, mut emit: impl FnMut(String, bool)) {
    let lemma = normalise_phrase(lemma);
    let (head, tail) = match lemma.find(' ') {
        Some(space) => lemma.split_at(space),
        None => (&lemma[..], ""),
    };
    if head.is_empty() {
        return;
    }
    let mut form = |stem: &str, ending: &str, base: bool| {
        let mut out = String::with_capacity(stem.len() + ending.len() + tail.len());
        out.push_str(stem);
        out.push_str(ending);
        out.push_str(tail);
        emit(out, base);
    };
    form(head, "", true);
    // The -s form.
    if let Some(stem) = consonant_y_stem(head) {
        form(stem, "ies", true);
    } else if head.ends_with(['s', 'x', 'z', 'o']) || head.ends_with("ch") || head.ends_with("sh") {
        form(head, "es", true);
    } else {
        form(head, "s", true);
    }
    let doubled = ends_cvc(head).then(|| {
        let last = head.chars().next_back().expect("non-empty");
        format!("{head}{last}")
    });
    // The -ing forms.
    if let Some(stem) = head.strip_suffix("ie") {
        form(stem, "ying", false);
    } else if let Some(stem) = head
        .strip_suffix('e')
        .filter(|stem| !stem.ends_with(['e', 'y', 'o']))
    {
        form(stem, "ing", false);
    } else {
        form(head, "ing", false);
        if let Some(doubled) = &doubled {
            form(doubled, "ing", false);
        }
    }
    // The past forms.
    if let Some((_, past)) = IRREGULAR_PAST.iter().find(|(l, _)| *l == head) {
        for past in *past {
            form(past, "", false);
        }
    } else if head.ends_with('e') {
        form(head, "d", false);
    } else if let Some(stem) = consonant_y_stem(head) {
        form(stem, "ied", false);
    } else {
        form(head, "ed", false);
        if let Some(doubled) = &doubled {
            form(doubled, "ed", false);
        }
    }
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Ends consonant-vowel-consonant ("admit", "quip"), so the last consonant may double.
fn ends_cvc(word: &str) -> bool {
    let mut back = word.chars().rev();
    let (Some(c), Some(b), Some(a)) = (back.next(), back.next(), back.next()) else {
        return false;
    };
    let first_is_consonant = !is_vowel(a) || (a == 'u' && back.next() == Some('q'));
    first_is_consonant && is_vowel(b) && !is_vowel(c) && !matches!(c, 'w' | 'x' | 'y')
}

fn consonant_y_stem(word: &str) -> Option<&str> {
    let stem = word.strip_suffix('y')?;
    let before = stem.chars().next_back()?;
    (!is_vowel(before)).then_some(stem)
}

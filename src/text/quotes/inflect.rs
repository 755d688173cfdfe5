//! A small English inflector for speech verbs: every form of a lemma ("say" → "says",
//! "saying", "said"), so that a house lists lemmas, not forms.

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

pub(super) fn normalise_phrase(text: &str) -> String {
    text.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The base and -s forms of a lemma, which are also the forms a noun can take.
pub(super) fn base_forms(lemma: &str) -> Vec<String> {
    let lemma = normalise_phrase(lemma);
    let (head, tail) = match lemma.split_once(' ') {
        Some((h, t)) => (h.to_string(), format!(" {t}")),
        None => (lemma.clone(), String::new()),
    };
    if head.is_empty() {
        return Vec::new();
    }
    vec![
        format!("{head}{tail}"),
        format!("{}{tail}", third_person(&head)),
    ]
}

/// Every form of a verb lemma: base, -s, -ing and past forms. Only the first word of a
/// phrasal verb inflects ("point out" → "pointed out").
pub fn inflections(lemma: &str) -> Vec<String> {
    let lemma = normalise_phrase(lemma);
    let (head, tail) = match lemma.split_once(' ') {
        Some((h, t)) => (h.to_string(), format!(" {t}")),
        None => (lemma.clone(), String::new()),
    };
    if head.is_empty() {
        return Vec::new();
    }
    let mut forms = vec![head.clone(), third_person(&head)];
    forms.extend(present_participles(&head));
    match IRREGULAR_PAST.iter().find(|(l, _)| *l == head) {
        Some((_, past)) => forms.extend(past.iter().map(|s| s.to_string())),
        None => forms.extend(regular_past(&head)),
    }
    let mut out: Vec<String> = forms.into_iter().map(|f| f + &tail).collect();
    out.sort();
    out.dedup();
    out
}

pub(super) fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Ends consonant-vowel-consonant ("admit", "quip"), so the last consonant may double.
pub(super) fn ends_cvc(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    if n < 3 {
        return false;
    }
    let (a, b, c) = (chars[n - 3], chars[n - 2], chars[n - 1]);
    let first_is_consonant = !is_vowel(a) || (a == 'u' && n >= 4 && chars[n - 4] == 'q');
    first_is_consonant && is_vowel(b) && !is_vowel(c) && !matches!(c, 'w' | 'x' | 'y')
}

pub(super) fn third_person(word: &str) -> String {
    if let Some(stem) = consonant_y_stem(word) {
        return format!("{stem}ies");
    }
    if word.ends_with(['s', 'x', 'z', 'o']) || word.ends_with("ch") || word.ends_with("sh") {
        return format!("{word}es");
    }
    format!("{word}s")
}

pub(super) fn consonant_y_stem(word: &str) -> Option<&str> {
    let stem = word.strip_suffix('y')?;
    let before = stem.chars().next_back()?;
    (!is_vowel(before)).then_some(stem)
}

pub(super) fn present_participles(word: &str) -> Vec<String> {
    if let Some(stem) = word.strip_suffix("ie") {
        return vec![format!("{stem}ying")];
    }
    if let Some(stem) = word
        .strip_suffix('e')
        .filter(|stem| !stem.ends_with(['e', 'y', 'o']))
    {
        return vec![format!("{stem}ing")];
    }
    let mut out = vec![format!("{word}ing")];
    if ends_cvc(word) {
        let last = word.chars().next_back().expect("non-empty");
        out.push(format!("{word}{last}ing"));
    }
    out
}

pub(super) fn regular_past(word: &str) -> Vec<String> {
    if word.ends_with('e') {
        return vec![format!("{word}d")];
    }
    if let Some(stem) = consonant_y_stem(word) {
        return vec![format!("{stem}ied")];
    }
    let mut out = vec![format!("{word}ed")];
    if ends_cvc(word) {
        let last = word.chars().next_back().expect("non-empty");
        out.push(format!("{word}{last}ed"));
    }
    out
}

//! "Did you mean …?": the closest of a list of known names to a name that is not one of
//! them, for rule ids, directives and other names a user types.

/// The known name closest to `typed`, when it is close enough to be what was meant
/// (Jaro-Winkler similarity of at least 0.8, as cargo and clap suggest).
pub fn did_you_mean<'a>(typed: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|name| (strsim::jaro_winkler(typed, name), name))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, name)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_names_are_suggested_and_far_ones_not() {
        let known = ["repeated-word", "quote-unattributed", "stray-text"];
        assert_eq!(did_you_mean("repeated-wrod", known), Some("repeated-word"));
        assert_eq!(
            did_you_mean("quote-unatributed", known),
            Some("quote-unattributed")
        );
        assert_eq!(did_you_mean("photo", known), None);
    }
}

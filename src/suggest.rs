//! "Did you mean …?": the closest of a list of known names to a name that is not one of
//! them, for rule ids, directives and other names a user types; and, for a rule id, the
//! built-in pack that defines it when that pack is not enabled.

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

/// What to tell someone who named rule `id`, which none of the `known` (loaded) rules is:
/// ` (a rule of the built-in `ap` pack, which is not enabled: …)`, ` (did you mean `x`?)`,
/// or nothing. Starts with a space when not empty.
pub fn unknown_rule_hint<'a>(id: &str, known: impl IntoIterator<Item = &'a str>) -> String {
    if let Some(pack) = crate::rules::builtin_pack_of(id) {
        return format!(" ({})", pack_not_enabled(pack));
    }
    did_you_mean(id, known).map_or_else(String::new, |near| format!(" (did you mean `{near}`?)"))
}

/// `id` belongs to built-in pack `pack`, which the settings do not run: how to run it.
pub fn pack_not_enabled(pack: &str) -> String {
    format!(
        "a rule of the built-in `{pack}` pack, which is not enabled: \
         add \"{pack}\" to `packs` in newslint.toml"
    )
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

    #[test]
    fn a_rule_of_a_pack_not_enabled_is_named_with_its_pack() {
        let known = ["repeated-word", "stray-text"];
        assert_eq!(
            unknown_rule_hint("toward-not-towards", known),
            " (a rule of the built-in `ap` pack, which is not enabled: \
             add \"ap\" to `packs` in newslint.toml)"
        );
        assert_eq!(
            unknown_rule_hint("repeated-wrod", known),
            " (did you mean `repeated-word`?)"
        );
        assert_eq!(unknown_rule_hint("zzz", known), "");
    }
}

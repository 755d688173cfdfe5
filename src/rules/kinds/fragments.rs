//! `[pack.fragments]`: named pieces of regex a pack's patterns share, written `(?&name)`.

use std::ops::Range;

/// Named regex pieces of a pack (`[pack.fragments]`), written `(?&name)` in its patterns.
/// `(?&…)` is not Rust regex syntax, so a reference can never be mistaken for a pattern.
#[derive(Debug, Default, Clone)]
pub struct Fragments {
    expanded: Vec<(String, String)>,
}

impl Fragments {
    /// Check and expand the table, in order: a fragment may use those defined before it.
    pub fn new(
        table: indexmap::IndexMap<String, crate::spanned::Spanned<String>>,
    ) -> Result<Self, (Range<usize>, String)> {
        let mut fragments = Fragments::default();
        for (name, value) in table {
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                return Err((
                    value.span(),
                    format!("fragment name `{name}` must be letters, digits and `_`"),
                ));
            }
            let expanded = fragments
                .expand(value.get_ref())
                .map_err(|message| (value.span(), message))?;
            fragments.expanded.push((name, expanded));
        }
        Ok(fragments)
    }

    /// `pattern` with every `(?&name)` replaced by `(?x:fragment)`.
    pub fn expand(&self, pattern: &str) -> Result<String, String> {
        if !pattern.contains("(?&") {
            return Ok(pattern.to_string());
        }
        let mut out = String::with_capacity(pattern.len() * 2);
        let mut rest = pattern;
        while let Some(at) = rest.find("(?&") {
            out.push_str(&rest[..at]);
            let after = &rest[at + 3..];
            let Some(end) = after.find(')') else {
                return Err("`(?&` opens a fragment reference that never closes".to_string());
            };
            let name = &after[..end];
            let Some((_, value)) = self.expanded.iter().find(|(n, _)| n == name) else {
                let known: Vec<&str> = self.expanded.iter().map(|(n, _)| n.as_str()).collect();
                return Err(format!(
                    "there is no fragment `{name}` in `[pack.fragments]` (defined before its \
                     use: {})",
                    if known.is_empty() {
                        "none".to_string()
                    } else {
                        known.join(", ")
                    }
                ));
            };
            // Fragments are read in verbose mode, so that a long list may be wrapped; the
            // line break ends a trailing comment before the group closes.
            out.push_str("(?x:");
            out.push_str(value);
            out.push_str("\n)");
            rest = &after[end + 1..];
        }
        out.push_str(rest);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spanned::Spanned;

    fn table(entries: &[(&str, &str)]) -> indexmap::IndexMap<String, Spanned<String>> {
        entries
            .iter()
            .enumerate()
            .map(|(i, (name, value))| (name.to_string(), Spanned::new(i..i + 1, value.to_string())))
            .collect()
    }

    #[test]
    fn references_expand_in_verbose_groups_and_may_use_earlier_fragments() {
        let fragments = Fragments::new(table(&[
            ("month", "Jan|Feb # short"),
            ("day", r"(?&month)\s\d+"),
        ]))
        .unwrap();
        assert_eq!(
            fragments.expand(r"\b(?&day)\b").unwrap(),
            "\\b(?x:(?x:Jan|Feb # short\n)\\s\\d+\n)\\b"
        );
        assert_eq!(fragments.expand("plain").unwrap(), "plain");
    }

    #[test]
    fn unknown_unclosed_and_badly_named_fragments_are_refused() {
        let fragments = Fragments::new(table(&[("month", "Jan")])).unwrap();
        let err = fragments.expand("(?&year)").unwrap_err();
        assert!(
            err.contains("no fragment `year`") && err.contains("month"),
            "{err}"
        );
        assert!(
            fragments
                .expand("(?&month")
                .unwrap_err()
                .contains("never closes")
        );
        // A fragment may not use one defined after it.
        let (span, err) = Fragments::new(table(&[("a", "(?&b)"), ("b", "x")])).unwrap_err();
        assert_eq!((span, err.contains("no fragment `b`")), (0..1, true));
        let (span, err) = Fragments::new(table(&[("ok", "x"), ("bad name", "y")])).unwrap_err();
        assert_eq!(span, 1..2);
        assert!(err.contains("letters, digits and `_`"), "{err}");
    }
}

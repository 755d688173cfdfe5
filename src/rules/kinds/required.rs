//! `kind = "required"`: something that must appear somewhere in scope (a regex), or a
//! front matter key that must be present and non-empty. One whole-file finding when absent.

use super::{CompileContext, SpecError};
use crate::lint::Context;
use crate::rules::lazy_regex::LazyRegex;
use crate::rules::{Finding, Scope};

/// Options of the kind.
pub const OPTIONS: &[&str] = &["pattern", "metadata", "ignore_case"];

/// A compiled required rule.
#[derive(Debug)]
pub struct Required {
    scope: Scope,
    pattern: Option<LazyRegex>,
    metadata: Vec<String>,
}

impl Required {
    /// Compile from the rule's options.
    pub fn compile(ctx: &CompileContext) -> Result<Self, SpecError> {
        let spec = ctx.spec;
        let ignore_case = spec.ignore_case.as_ref().is_some_and(|v| *v.get_ref());
        let pattern = match &spec.pattern {
            Some(p) => Some(ctx.regex("pattern", p.span(), p.get_ref(), ignore_case)?),
            None => None,
        };
        let metadata = spec
            .metadata
            .as_ref()
            .map(|m| m.get_ref().clone())
            .unwrap_or_default();
        if pattern.is_none() && metadata.is_empty() {
            return Err(SpecError::new(
                None,
                "a `required` rule needs `pattern`, `metadata`, or both",
            ));
        }
        Ok(Self {
            scope: ctx.scope(Scope::Prose)?,
            pattern,
            metadata,
        })
    }

    /// One finding at the top of the file when nothing in scope satisfies the rule.
    pub fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let doc = ctx.doc();
        let in_metadata = doc.front_matter().is_some_and(|fm| {
            self.metadata.iter().any(|key| {
                fm.get(key)
                    .is_some_and(|entry| !entry.value.trim().is_empty())
            })
        });
        if in_metadata {
            return;
        }
        if let Some(pattern) = &self.pattern
            && ctx
                .units(&self.scope)
                .iter()
                .any(|unit| pattern.get().is_match(unit.text))
        {
            return;
        }
        let start = doc.content_start();
        out.push(Finding::at(start..start));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{lint, pack, rule};

    const CREDIT: &str =
        "scope = \"credit\"\npattern = '(?m)^Photo: \\S'\nmetadata = [\"photo_credit\"]";

    #[test]
    fn one_whole_file_finding_when_nothing_satisfies_it() {
        let article = "# Fair\n\nThe fair opens.\n";
        let found = lint(&rule("required", CREDIT), article);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span, 0..0);
    }

    #[test]
    fn the_pattern_or_a_non_empty_metadata_key_satisfies_it() {
        let toml = rule("required", CREDIT);
        assert!(lint(&toml, "# Fair\n\nThe fair opens.\n\nPhoto: Ana Reyes\n").is_empty());
        let keyed = "---\ntitle: Fair\nphoto_credit: Ana Reyes\n---\n\nThe fair opens.\n";
        assert!(lint(&toml, keyed).is_empty());
        let blank = "---\ntitle: Fair\nphoto_credit: \"\"\n---\n\nThe fair opens.\n";
        assert_eq!(lint(&toml, blank).len(), 1, "a blank key is a credit left out");
    }

    #[test]
    fn it_needs_something_to_look_for() {
        let err = pack(&rule("required", "")).unwrap_err();
        assert!(err.contains("needs `pattern`, `metadata`, or both"), "{err}");
    }
}

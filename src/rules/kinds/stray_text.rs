//! `kind = "stray-text"`: fragments left in the copy by accident. A trailing fragment is the
//! last paragraph when it is short (`max_words`), has no terminal punctuation and either
//! follows a credit line or begins in lower case ("a", "ok", "sent from my"), or is
//! punctuation alone; inside the body, a one-line paragraph of at most `max_chars`
//! characters that is not a name or a figure ("x", "--"). The fix removes the fragment and
//! the blank lines before it, so the file ends as it did before the slip.

use std::sync::LazyLock;

use regex::Regex;

use super::{CompileContext, SpecError};
use crate::article::Role;
use crate::lint::Context;
use crate::rules::Finding;
use crate::text::words;

/// Options of the kind.
pub const OPTIONS: &[&str] = &["max_words", "max_chars"];

/// A compiled stray-text rule.
#[derive(Debug)]
pub struct StrayText {
    max_words: usize,
    max_chars: usize,
}

/// `Graphics: Desk/Name`: a second credit-like line after a credit is not a fragment.
static LABEL_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Z][A-Za-z ]{0,30}:\s*\S").expect("label pattern compiles"));

impl StrayText {
    /// Compile from the rule's options.
    pub fn compile(ctx: &CompileContext) -> Result<Self, SpecError> {
        let spec = ctx.spec;
        Ok(Self {
            max_words: spec.max_words.as_ref().map_or(3, |v| *v.get_ref()),
            max_chars: spec.max_chars.as_ref().map_or(2, |v| *v.get_ref()),
        })
    }

    /// Report stray fragments, each with a fix that removes it.
    pub fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let doc = ctx.doc();
        let blocks = doc.blocks();
        let source = doc.source();
        let last_index = blocks.len().checked_sub(1);
        for (index, block) in blocks.iter().enumerate() {
            if block.role != Role::Body {
                continue;
            }
            let text = doc.prose_at(block.span.clone()).trim();
            let previous = index.checked_sub(1).map(|i| &blocks[i]);
            let after_credit = previous.is_some_and(|p| p.role == Role::Credit);
            let reason = if Some(index) == last_index {
                self.trailing_reason(text, after_credit)
            } else {
                None
            };
            let reason = reason.or_else(|| self.inner_reason(text));
            let Some(reason) = reason else { continue };
            let removal_start = previous.map_or(doc.content_start(), |p| p.span.end);
            let shown: String = text.chars().take(40).collect();
            out.push(Finding {
                span: block.span.clone(),
                detail: Some(format!("stray text \"{shown}\" {reason}")),
                help: Some("remove the fragment".to_string()),
                fix: Some((removal_start..block.span.end, String::new())),
                ..Finding::default()
            });
            debug_assert!(source.is_char_boundary(removal_start));
        }
    }

    fn trailing_reason(&self, text: &str, after_credit: bool) -> Option<&'static str> {
        if !text.chars().any(char::is_alphanumeric) {
            return Some("at the end of the article: punctuation alone");
        }
        let short = !text.contains('\n') && words::words(text).nth(self.max_words).is_none();
        let unterminated = !text.ends_with(['.', '!', '?', '"', '”']);
        if !short || !unterminated {
            return None;
        }
        if after_credit && !LABEL_LINE.is_match(text) {
            return Some("after the photo credit");
        }
        if text.chars().next().is_some_and(char::is_lowercase) {
            return Some("at the end of the article");
        }
        None
    }

    fn inner_reason(&self, text: &str) -> Option<&'static str> {
        if text.contains('\n') || text.chars().count() > self.max_chars {
            return None;
        }
        let first = text.chars().next()?;
        if first.is_uppercase() || first.is_numeric() {
            return None;
        }
        Some("on a line of its own")
    }
}

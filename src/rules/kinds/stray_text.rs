//! `kind = "stray-text"`: fragments left in the copy by accident. A trailing fragment is the
//! last paragraph when it is short (`max_words`), has no terminal punctuation and either
//! follows a credit line or begins in lower case ("a", "ok", "sent from my"), or is
//! punctuation alone (so is each paragraph before it that would be such a fragment once the
//! ones after it are gone); inside the body, a one-line paragraph of at most `max_chars`
//! characters that is not a name or a figure ("x", "--"). The fix removes the fragment's
//! lines and the blank lines before them, so the file ends as it did before the slip.

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
        let after_credit = |index: usize| {
            index
                .checked_sub(1)
                .is_some_and(|i| blocks[i].role == Role::Credit)
        };
        // The trailing fragments: the last block, and each block before it whose removal
        // would leave it last ("ok" in "…\n\nok\n\na"). All are reported at once, so that
        // one pass of `--fix` removes the whole tail rather than one fragment a pass.
        let mut trailing_from = blocks.len();
        while let Some(index) = trailing_from.checked_sub(1) {
            let block = &blocks[index];
            let text = doc.prose_at(block.span.clone()).trim();
            if block.role != Role::Body || self.trailing_reason(text, after_credit(index)).is_none()
            {
                break;
            }
            trailing_from = index;
        }
        for (index, block) in blocks.iter().enumerate() {
            if block.role != Role::Body {
                continue;
            }
            let text = doc.prose_at(block.span.clone()).trim();
            let previous = index.checked_sub(1).map(|i| &blocks[i]);
            let reason = if index >= trailing_from {
                self.trailing_reason(text, after_credit(index))
            } else {
                None
            };
            let reason = reason.or_else(|| self.inner_reason(text));
            let Some(reason) = reason else { continue };
            let floor = previous.map_or(doc.content_start(), |p| p.span.end);
            let removal_start = removal_start(source, floor, block.span.start);
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
        // More than four bytes a character is more than `max_chars` characters: nearly
        // every paragraph is told by its length, not read twice (for a line break and
        // for its characters), which cost a fortieth of a `news` pass on BBC.
        if text.len() > self.max_chars.saturating_mul(4)
            || text.contains('\n')
            || text.chars().count() > self.max_chars
        {
            return None;
        }
        let first = text.chars().next()?;
        if first.is_uppercase() || first.is_numeric() {
            return None;
        }
        Some("on a line of its own")
    }
}

/// Where the removal of a fragment starting at `start` begins: at the start of its line (a
/// list or quote marker goes with it), then back over the blank lines before it, never below
/// `floor` (the end of the previous block). Whatever else lies between the two blocks is not
/// the fragment's: a code block, an HTML comment, a setext underline or the front matter.
fn removal_start(source: &str, floor: usize, start: usize) -> usize {
    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1).max(floor);
    floor + source[floor..line_start].trim_end().len()
}

#[cfg(test)]
mod tests {
    use crate::article::{Document, Format};
    use crate::fix::{fix_text, lint_with_rules};
    use crate::rules::{RuleSet, builtin_rules};

    fn rules() -> RuleSet {
        builtin_rules(&["news"]).expect("the built-in pack compiles")
    }

    fn fixed(text: &str, format: Format) -> String {
        fix_text(text.to_string(), format, true, &lint_with_rules(&rules()))
            .expect("the article parses")
            .text
    }

    #[test]
    fn removal_keeps_what_lies_between_the_blocks() {
        let md = |text: &str| fixed(text, Format::Markdown);
        assert_eq!(
            md("Body text here.\n\n```\nkeep me\n```\n\na\n"),
            "Body text here.\n\n```\nkeep me\n```\n"
        );
        assert_eq!(
            md("Body text here.\n\n<!-- keep -->\n\na\n"),
            "Body text here.\n\n<!-- keep -->\n"
        );
        assert_eq!(
            md("Body text here.\n\nSubhead\n-------\n\na\n"),
            "Body text here.\n\nSubhead\n-------\n"
        );
        assert_eq!(
            md("---\ntitle: Vote\n---\n\na\n"),
            "---\ntitle: Vote\n---\n"
        );
        // A list marker goes with its item.
        assert_eq!(md("Body text here.\n\n- a\n"), "Body text here.\n");
        assert_eq!(
            fixed("Headline\n\nBody text.\n\na\n", Format::Plain),
            "Headline\n\nBody text.\n"
        );
    }

    /// The cascade behind the fuzz case below, in plain text: each fix of a trailing fragment
    /// left another one last, one a pass, so ten of them outlasted the fix loop and a second
    /// `--fix` changed the text again.
    #[test]
    fn a_tail_of_fragments_is_removed_in_one_pass() {
        let text = format!("Headline\n\nBody text.\n\n{}", ["ok go"; 10].join("\n\n"));
        let doc = Document::parse(text.clone(), Format::Plain).unwrap();
        let found = crate::lint(&rules(), &doc);
        assert_eq!(
            found.iter().filter(|d| &*d.rule == "stray-text").count(),
            10
        );
        assert_eq!(fixed(&text, Format::Plain), "Headline\n\nBody text.");
        // A capitalised line or a sentence ends the tail.
        assert_eq!(
            fixed(
                "Headline\n\nBody text.\n\nDana Holt\n\nok\n\na",
                Format::Plain
            ),
            "Headline\n\nBody text.\n\nDana Holt"
        );
    }

    /// Found by `cargo fuzz run fix`: removing the last fragment took the setext underline
    /// of the heading before it, which became a paragraph and the next fragment, and so on
    /// past the fix loop's last pass, so a second `--fix` changed the text again.
    #[test]
    fn fuzz_setext_underline_chain_is_fixed_in_one_go() {
        let text = "-\0\0\n\n\0\n-\n\0\n-\nt\n-\ntit\n\n\0\n-\n\u{1}\n-\nt\n-\nti";
        let once = fixed(text, Format::Markdown);
        assert_eq!(fixed(&once, Format::Markdown), once);
        assert!(
            Document::parse(once, Format::Markdown).is_ok(),
            "the fixed text parses"
        );
    }
}

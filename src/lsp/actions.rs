//! Code actions: each finding's fix (preferred when the rule marks it safe), "fix all safe
//! fixes in this file" (`source.fixAll.newslint`, the engine's fix loop), and silencing a
//! finding on its line or in the whole file with the marker the format takes. Every
//! suppression is tried through the engine before it is offered: it must silence the
//! finding and change no other finding (a comment that would split a paragraph, or land
//! in front matter, is not offered).

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, TextEdit, Uri, WorkspaceEdit,
};
use newslint::{Diagnostic, FixSafety};

use super::position::{Encoding, PositionMap};
use super::suppress::{self, Insertion};
use super::worker::{Snapshot, lsp_diagnostic};

/// The kind of the "fix all" action, as clients ask for it on save.
pub const FIX_ALL: &str = "source.fixAll.newslint";

/// What "fix all" changes in one version of a document: a byte span and its
/// replacement, or nothing.
pub type FixAll = Option<(std::ops::Range<usize>, String)>;

/// The actions for the findings that touch the requested range. `fixed` keeps what
/// "fix all" changes in this version, worked out the first time it is asked for.
pub fn code_actions(
    snapshot: &Snapshot,
    found: &[Diagnostic],
    params: &CodeActionParams,
    encoding: Encoding,
    fixed: &std::sync::OnceLock<FixAll>,
) -> Vec<CodeActionOrCommand> {
    let map = PositionMap::new(&snapshot.text, encoding);
    let wanted = map.span(params.range);
    let only = params.context.only.as_deref();
    let mut actions = Vec::new();
    let quickfix = CodeActionKind::QUICKFIX;
    let quickfixes = found
        .iter()
        .filter(|d| allowed(only, &quickfix) && touches(&d.span, &wanted));
    for d in quickfixes {
        let diagnostic = lsp_diagnostic(&snapshot.engine, &map, d);
        if let Some(fix) = d.fix.as_ref().filter(|f| f.safety != FixSafety::None) {
            let edit = TextEdit::new(map.range(&fix.range), fix.replacement.clone());
            actions.push(action(
                fix_title(d, &snapshot.text),
                quickfix.clone(),
                &diagnostic,
                edit_of(&snapshot.uri, vec![edit]),
                Some(fix.safety == FixSafety::Safe),
            ));
        }
        for (title, insertion) in suppress::candidates(snapshot, &map, d, found, encoding) {
            let edit = match insertion {
                Insertion::InDocument(at, text) => edit_of(
                    &snapshot.uri,
                    vec![TextEdit::new(map.range(&(at..at)), text)],
                ),
                Insertion::Elsewhere(edit) => edit,
            };
            actions.push(action(
                title,
                quickfix.clone(),
                &diagnostic,
                edit,
                Some(false),
            ));
        }
    }
    let fix_all = CodeActionKind::new(FIX_ALL);
    let any_safe = found
        .iter()
        .any(|d| d.fix.as_ref().is_some_and(|f| f.safety == FixSafety::Safe));
    if any_safe
        && allowed(only, &fix_all)
        && let Some((span, replacement)) = fixed.get_or_init(|| fix_all_change(snapshot))
    {
        let edit = TextEdit::new(map.range(span), replacement.clone());
        actions.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: "newslint: fix all safe fixes in this file".into(),
            kind: Some(fix_all),
            edit: Some(edit_of(&snapshot.uri, vec![edit])),
            ..Default::default()
        }));
    }
    actions
}

/// Whether a finding's span meets the range asked about (an empty finding at its edge too).
fn touches(span: &std::ops::Range<usize>, wanted: &std::ops::Range<usize>) -> bool {
    span.start <= wanted.end && wanted.start <= span.end
}

/// Whether `kind` is among the kinds the client asked for (a kind covers its sub-kinds:
/// `source` covers `source.fixAll.newslint`).
fn allowed(only: Option<&[CodeActionKind]>, kind: &CodeActionKind) -> bool {
    only.is_none_or(|only| {
        only.iter().any(|o| {
            kind.as_str() == o.as_str() || kind.as_str().starts_with(&format!("{}.", o.as_str()))
        })
    })
}

fn action(
    title: String,
    kind: CodeActionKind,
    diagnostic: &lsp_types::Diagnostic,
    edit: WorkspaceEdit,
    is_preferred: Option<bool>,
) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(kind),
        diagnostics: Some(vec![diagnostic.clone()]),
        edit: Some(edit),
        is_preferred,
        ..Default::default()
    })
}

/// An edit of one document.
pub fn edit_of(uri: &Uri, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit::new(HashMap::from([(uri.clone(), edits)]))
}

/// "Replace “the the” with “the”", "Delete …" or "Insert …".
fn fix_title(d: &Diagnostic, text: &str) -> String {
    let Some(fix) = &d.fix else {
        return String::new();
    };
    let old = text.get(fix.range.clone()).unwrap_or_default();
    let shown = |s: &str| {
        let s = s.trim_matches('\n');
        if s.chars().count() > 40 {
            format!("{}…", s.chars().take(40).collect::<String>())
        } else {
            s.to_string()
        }
    };
    let what = match (old.is_empty(), fix.replacement.is_empty()) {
        (true, _) => format!("insert “{}”", shown(&fix.replacement)),
        (false, true) => format!("delete “{}”", shown(old)),
        (false, false) => format!(
            "replace “{}” with “{}”",
            shown(old),
            shown(&fix.replacement)
        ),
    };
    let unsafe_note = if fix.safety == FixSafety::Unsafe {
        " (unsafe: check the meaning)"
    } else {
        ""
    };
    format!("newslint {}: {what}{unsafe_note}", d.rule)
}

/// The engine's fix loop on the document, as one change of the part that changed (so the
/// editor keeps its marks and cursor outside it).
fn fix_all_change(snapshot: &Snapshot) -> FixAll {
    let outcome = snapshot
        .engine
        .fix(
            &snapshot.path,
            snapshot.text.as_str().to_owned(),
            snapshot.format,
            false,
        )
        .ok()?;
    let (span, replacement) = changed_part(&snapshot.text, &outcome.text)?;
    Some((span, replacement.to_string()))
}

/// The byte span of `before` that differs from `after` and what replaces it, cut at
/// character boundaries; `None` when the two are equal.
pub fn changed_part<'a>(before: &str, after: &'a str) -> Option<(std::ops::Range<usize>, &'a str)> {
    if before == after {
        return None;
    }
    let mut prefix = before
        .bytes()
        .zip(after.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !before.is_char_boundary(prefix) || !after.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let room = before.len().min(after.len()) - prefix;
    let mut suffix = before
        .bytes()
        .rev()
        .zip(after.bytes().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    while !before.is_char_boundary(before.len() - suffix)
        || !after.is_char_boundary(after.len() - suffix)
    {
        suffix -= 1;
    }
    Some((
        prefix..before.len() - suffix,
        &after[prefix..after.len() - suffix],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(before: &str, after: &str) -> String {
        match changed_part(before, after) {
            Some((span, replacement)) => {
                let mut out = before.to_string();
                out.replace_range(span, replacement);
                out
            }
            None => before.to_string(),
        }
    }

    #[test]
    fn the_changed_part_rebuilds_the_text() {
        for (before, after) in [
            ("The the vote", "The vote"),
            ("a “b” c", "a \"b\" c"),
            ("ab", "abab"),
            ("é", "è"),
            ("x🎉y", "x🎊y"),
            ("same", "same"),
        ] {
            assert_eq!(apply(before, after), after, "{before} → {after}");
        }
        let (span, replacement) = changed_part("The the vote", "The vote").unwrap();
        assert_eq!((span, replacement), (4..8, ""));
    }

    #[test]
    fn kinds_cover_their_sub_kinds() {
        let fix_all = CodeActionKind::new(FIX_ALL);
        assert!(allowed(None, &fix_all));
        assert!(allowed(Some(&[CodeActionKind::SOURCE]), &fix_all));
        assert!(allowed(Some(&[CodeActionKind::SOURCE_FIX_ALL]), &fix_all));
        assert!(!allowed(Some(&[CodeActionKind::QUICKFIX]), &fix_all));
        assert!(!allowed(
            Some(&[CodeActionKind::new("source.fix")]),
            &fix_all
        ));
    }
}

//! The threads that call the engine, so a long article never holds up the message loop:
//! one lints the latest text of each document and publishes the findings unless the
//! document changed meanwhile (a stale result is dropped by version); the other answers
//! the requests that need findings (hover, code actions), so they do not wait behind a
//! long article. Both keep the findings of each version in one shared cache, so a version
//! is linted once whichever thread comes first.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use crossbeam_channel::{Receiver, Sender};
use lsp_server::{Message, Notification, RequestId, Response};
use lsp_types::notification::{Notification as _, PublishDiagnostics};
use lsp_types::{
    CodeActionParams, Hover, HoverContents, MarkupContent, MarkupKind, NumberOrString, Position,
    PublishDiagnosticsParams, Uri,
};
use newslint::{Diagnostic, Engine, Format};

use super::position::{Encoding, PositionMap};
use super::word::WordFile;

/// A document as it was when the job was made.
#[derive(Clone)]
pub struct Snapshot {
    pub uri: Uri,
    pub version: i32,
    /// The file's path: it picks the `[[per-file]]` ignores.
    pub path: PathBuf,
    pub format: Format,
    pub text: Arc<String>,
    pub engine: Arc<Engine>,
    /// A `.docx`, read from disk: `text` is its article text.
    pub word: Option<Arc<WordFile>>,
}

/// Work for the engine thread.
pub enum Job {
    /// Lint and publish the findings.
    Publish(Snapshot),
    /// Answer `textDocument/hover`.
    Hover(RequestId, Snapshot, Position),
    /// Answer `textDocument/codeAction`.
    CodeAction(RequestId, Snapshot, Box<CodeActionParams>),
}

/// The latest version of every open document, shared with the message loop.
pub type Versions = Arc<Mutex<HashMap<Uri, i32>>>;

/// The findings of the latest version linted of each open document, shared by the threads.
pub type Cache = Arc<Mutex<HashMap<Uri, Arc<Linted>>>>;

/// The findings of one version of a document.
pub struct Linted {
    pub version: i32,
    engine: Arc<Engine>,
    /// The `.docx` read (saved again, it is read again under the same version).
    word: Option<Arc<WordFile>>,
    /// The findings, or why the document cannot be read (message, byte offset).
    pub outcome: Result<Vec<Diagnostic>, (String, usize)>,
    /// What "fix all" changes (the fix loop's work, kept because clients ask for code
    /// actions at every move of the cursor).
    pub fixed: OnceLock<super::actions::FixAll>,
}

/// Run jobs until the message loop hangs up.
pub fn run(
    jobs: Receiver<Job>,
    out: Sender<Message>,
    versions: Versions,
    cache: Cache,
    encoding: Encoding,
) {
    let is_current = |uri: &Uri, version: i32| {
        versions.lock().unwrap_or_else(|e| e.into_inner()).get(uri) == Some(&version)
    };
    for job in jobs {
        match job {
            Job::Publish(snapshot) => {
                // Queued behind a newer change: the newer job publishes.
                if !is_current(&snapshot.uri, snapshot.version) {
                    continue;
                }
                let linted = findings(&cache, &versions, &snapshot);
                let diagnostics = lsp_diagnostics(&snapshot, &linted.outcome, encoding);
                if !is_current(&snapshot.uri, snapshot.version) {
                    continue;
                }
                let params = PublishDiagnosticsParams::new(
                    snapshot.uri.clone(),
                    diagnostics,
                    Some(snapshot.version),
                );
                let _ =
                    out.send(Notification::new(PublishDiagnostics::METHOD.into(), params).into());
            }
            Job::Hover(id, snapshot, position) => {
                let linted = findings(&cache, &versions, &snapshot);
                let hover = hover(&snapshot, &linted, position, encoding);
                let _ = out.send(Response::new_ok(id, hover).into());
            }
            Job::CodeAction(id, snapshot, params) => {
                let linted = findings(&cache, &versions, &snapshot);
                // The fix loop and the suppressions run the engine again: a panic there
                // (a bug) costs the actions, not the server.
                let actions = match &linted.outcome {
                    // A `.docx` is never written: no fix, no suppression.
                    Ok(_) if snapshot.word.is_some() => Vec::new(),
                    Ok(found) => std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        super::actions::code_actions(
                            &snapshot,
                            found,
                            &params,
                            encoding,
                            &linted.fixed,
                        )
                    }))
                    .unwrap_or_default(),
                    Err(_) => Vec::new(),
                };
                let _ = out.send(Response::new_ok(id, actions).into());
            }
        }
    }
}

/// The findings of the snapshot's version, linted now unless they are at hand.
fn findings(cache: &Cache, versions: &Versions, snapshot: &Snapshot) -> Arc<Linted> {
    let same_word = |l: &Linted| match (&l.word, &snapshot.word) {
        (Some(a), Some(b)) => Arc::ptr_eq(a, b),
        (a, b) => a.is_none() && b.is_none(),
    };
    let fresh = |l: &Linted| {
        l.version == snapshot.version && Arc::ptr_eq(&l.engine, &snapshot.engine) && same_word(l)
    };
    let lock = || cache.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(linted) = lock().get(&snapshot.uri).filter(|l| fresh(l)) {
        return Arc::clone(linted);
    }
    // Linted outside the lock, so the other thread is not held up meanwhile.
    let linted = Arc::new(Linted {
        version: snapshot.version,
        engine: Arc::clone(&snapshot.engine),
        word: snapshot.word.clone(),
        outcome: lint(snapshot),
        fixed: OnceLock::new(),
    });
    let mut cache = lock();
    // Keep the newest version, and nothing of a document closed meanwhile.
    let open = versions
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .contains_key(&snapshot.uri);
    let newest = cache
        .get(&snapshot.uri)
        .is_none_or(|held| held.version <= snapshot.version);
    if open && newest {
        cache.insert(snapshot.uri.clone(), Arc::clone(&linted));
    }
    linted
}

/// The engine's findings for a snapshot, or why it cannot be read. A panic in the engine
/// (a bug) is caught and shown as an error on the document, so the editor keeps a working
/// server for its other documents.
pub fn lint(snapshot: &Snapshot) -> Result<Vec<Diagnostic>, (String, usize)> {
    let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        if let Some(word) = &snapshot.word {
            return word.check(&snapshot.engine, &snapshot.path);
        }
        let text = snapshot.text.as_str().to_owned();
        match (snapshot.engine).check_text(&snapshot.path, text, snapshot.format) {
            Ok((_, found)) => Ok(found),
            Err(err) => Err((err.message, offset_of(&snapshot.text, err.position))),
        }
    }));
    checked.unwrap_or_else(|_| {
        Err((
            "newslint failed on this text (a bug: please report it with the text)".into(),
            0,
        ))
    })
}

/// The byte offset of a 1-based line and character column.
fn offset_of(text: &str, (line, column): (usize, usize)) -> usize {
    let lines = newslint::line_index::LineIndex::new(text);
    let start = lines.line_start(line).unwrap_or(text.len());
    text[start..]
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(text.len(), |(i, _)| start + i)
}

/// The findings as LSP diagnostics.
pub fn lsp_diagnostics(
    snapshot: &Snapshot,
    outcome: &Result<Vec<Diagnostic>, (String, usize)>,
    encoding: Encoding,
) -> Vec<lsp_types::Diagnostic> {
    let map = PositionMap::new(&snapshot.text, encoding);
    match outcome {
        Ok(found) => found
            .iter()
            .map(|d| lsp_diagnostic(&snapshot.engine, &map, d))
            .collect(),
        Err((message, offset)) => vec![lsp_types::Diagnostic {
            range: map.range(&(*offset..*offset)),
            severity: Some(lsp_types::DiagnosticSeverity::ERROR),
            source: Some("newslint".into()),
            message: format!("newslint cannot read this article: {message}"),
            ..Default::default()
        }],
    }
}

/// One finding as an LSP diagnostic: the rule id is its code, linked to the rule's page.
pub fn lsp_diagnostic(engine: &Engine, map: &PositionMap, d: &Diagnostic) -> lsp_types::Diagnostic {
    use lsp_types::DiagnosticSeverity as Level;
    let severity = match d.severity {
        newslint::Severity::Error => Level::ERROR,
        newslint::Severity::Warning => Level::WARNING,
        newslint::Severity::Info => Level::INFORMATION,
    };
    let code_description = engine
        .rules()
        .get(&d.rule)
        .and_then(|r| r.link.as_deref())
        .and_then(|link| link.parse().ok())
        .map(|href| lsp_types::CodeDescription { href });
    let message = match &d.help {
        Some(help) => format!("{}\nhelp: {help}", d.message),
        None => d.message.clone(),
    };
    lsp_types::Diagnostic {
        range: map.range(&d.span),
        severity: Some(severity),
        code: Some(NumberOrString::String(d.rule.to_string())),
        code_description,
        source: Some("newslint".into()),
        message,
        ..Default::default()
    }
}

/// What `newslint explain` says of each rule with a finding under the cursor.
fn hover(
    snapshot: &Snapshot,
    linted: &Linted,
    position: Position,
    encoding: Encoding,
) -> Option<Hover> {
    let found = linted.outcome.as_ref().ok()?;
    let map = PositionMap::new(&snapshot.text, encoding);
    let at = map.offset(position);
    let under: Vec<&Diagnostic> = found
        .iter()
        .filter(|d| d.span.contains(&at) || d.span.start == at)
        .collect();
    let first = under.first()?;
    let mut rules: Vec<&str> = under.iter().map(|d| &*d.rule).collect();
    rules.dedup();
    let value = rules
        .iter()
        .filter_map(|rule| crate::cli::commands::explanation(snapshot.engine.rules(), rule))
        .collect::<Vec<_>>()
        .join("\n");
    let start = under
        .iter()
        .map(|d| d.span.start)
        .min()
        .unwrap_or(first.span.start);
    let end = under
        .iter()
        .map(|d| d.span.end)
        .max()
        .unwrap_or(first.span.end);
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::PlainText,
            value,
        }),
        range: Some(map.range(&(start..end))),
    })
}

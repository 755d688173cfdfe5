//! The message loop: keeps the open documents' latest text, coalesces changes (a document
//! is checked once typing pauses for the debounce time, on its latest text), hands the
//! engine's work to the worker threads, and reloads settings when their files change.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crossbeam_channel::{RecvTimeoutError, Sender};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidChangeWorkspaceFolders, DidCloseTextDocument,
    DidOpenTextDocument, DidSaveTextDocument, Exit, Notification as _, PublishDiagnostics,
    ShowMessage,
};
use lsp_types::request::{CodeActionRequest, HoverRequest, RegisterCapability, Request as _};
use lsp_types::{
    DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher, GlobPattern, InitializeParams,
    MessageType, PublishDiagnosticsParams, Registration, RegistrationParams, ShowMessageParams,
    Uri,
};
use newslint::Format;

use super::position::{Encoding, PositionMap};
use super::uri::path_of;
use super::word::WordFile;
use super::worker::{self, Cache, Job, Snapshot, Versions};
use super::workspace::Workspace;
use crate::cli::args::ConfigArgs;

/// An open document.
struct Open {
    path: PathBuf,
    format: Format,
    text: Arc<String>,
    version: i32,
    /// When to check it (None: its findings are published or on their way).
    due: Option<Instant>,
    /// A `.docx`, as last read from disk (`text` is its article text).
    word: Option<Arc<WordFile>>,
}

/// The state of the message loop.
pub struct Server<'a> {
    connection: &'a Connection,
    workspace: Workspace,
    documents: HashMap<Uri, Open>,
    versions: Versions,
    /// Findings to publish, and requests to answer: two threads, so a request does not
    /// wait behind a long article (None once the loop ends).
    publish: Option<Sender<Job>>,
    requests: Option<Sender<Job>>,
    workers: Vec<std::thread::JoinHandle<()>>,
    cache: Cache,
    debounce: Duration,
    watch_files: bool,
    encoding: Encoding,
}

impl<'a> Server<'a> {
    /// A server for an initialized connection; starts the worker threads.
    pub fn new(
        connection: &'a Connection,
        params: &InitializeParams,
        encoding: Encoding,
        config: ConfigArgs,
        debounce: Duration,
    ) -> Self {
        let folders = params
            .workspace_folders
            .iter()
            .flatten()
            .filter_map(|f| path_of(&f.uri))
            .collect::<Vec<_>>();
        #[allow(deprecated)] // Older clients give only `rootUri`.
        let folders = if folders.is_empty() {
            params.root_uri.iter().filter_map(path_of).collect()
        } else {
            folders
        };
        let watch_files = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files)
            .and_then(|w| w.dynamic_registration)
            .unwrap_or(false);
        let versions: Versions = Arc::new(Mutex::new(HashMap::new()));
        let cache: Cache = Arc::new(Mutex::new(HashMap::new()));
        let mut workers = Vec::new();
        let mut start = |name: &str| {
            let (jobs, queue) = crossbeam_channel::unbounded();
            let out = connection.sender.clone();
            let (versions, cache) = (Arc::clone(&versions), Arc::clone(&cache));
            let thread = std::thread::Builder::new()
                .name(name.into())
                .spawn(move || worker::run(queue, out, versions, cache, encoding))
                .ok()?;
            workers.push(thread);
            Some(jobs)
        };
        let publish = start("newslint-publish");
        let requests = start("newslint-requests");
        Self {
            connection,
            workspace: Workspace::new(config, folders),
            documents: HashMap::new(),
            versions,
            publish,
            requests,
            workers,
            cache,
            debounce,
            watch_files,
            encoding,
        }
    }

    /// Serve until `exit`; true when `shutdown` came first.
    pub fn run(mut self) -> Result<bool, String> {
        if self.publish.is_none() || self.requests.is_none() {
            return Err("cannot start the threads that check documents".to_string());
        }
        if self.watch_files {
            self.register_watchers();
        }
        let clean = loop {
            let message = match self.next_due() {
                Some(due) => {
                    let wait = due.saturating_duration_since(Instant::now());
                    self.connection.receiver.recv_timeout(wait)
                }
                None => self
                    .connection
                    .receiver
                    .recv()
                    .map_err(|_| RecvTimeoutError::Disconnected),
            };
            match message {
                Ok(Message::Request(request)) => {
                    if self
                        .connection
                        .handle_shutdown(&request)
                        .map_err(|e| e.to_string())?
                    {
                        break true;
                    }
                    self.request(request);
                }
                Ok(Message::Notification(n)) if n.method == Exit::METHOD => break false,
                Ok(Message::Notification(n)) => self.notification(n),
                Ok(Message::Response(_)) | Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => break false,
            }
            self.dispatch_due();
        };
        // Hang up on the workers and let them finish, so every message they send is out
        // before the connection closes.
        self.publish = None;
        self.requests = None;
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
        Ok(clean)
    }

    fn send(&self, message: impl Into<Message>) {
        let _ = self.connection.sender.send(message.into());
    }

    fn job(&self, job: Job) {
        let queue = match job {
            Job::Publish(_) => &self.publish,
            Job::Hover(..) | Job::CodeAction(..) => &self.requests,
        };
        if let Some(queue) = queue {
            let _ = queue.send(job);
        }
    }

    fn show_error(&self, message: String) {
        let params = ShowMessageParams {
            typ: MessageType::ERROR,
            message,
        };
        self.send(Notification::new(ShowMessage::METHOD.into(), params));
    }

    /// Ask the client to tell us when configs, packs, facts files or word lists change.
    fn register_watchers(&self) {
        let watchers = ["**/newslint.toml", "**/*.toml", "**/*.txt"]
            .into_iter()
            .map(|glob| FileSystemWatcher {
                glob_pattern: GlobPattern::String(glob.into()),
                kind: None,
            })
            .collect();
        let options = DidChangeWatchedFilesRegistrationOptions { watchers };
        let params = RegistrationParams {
            registrations: vec![Registration {
                id: "newslint-settings-files".into(),
                method: DidChangeWatchedFiles::METHOD.into(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        self.send(Request::new(
            "newslint-register-watchers".to_string().into(),
            RegisterCapability::METHOD.into(),
            params,
        ));
    }

    fn next_due(&self) -> Option<Instant> {
        self.documents.values().filter_map(|d| d.due).min()
    }

    /// Send every document whose pause is over to be checked.
    fn dispatch_due(&mut self) {
        let now = Instant::now();
        let due: Vec<Uri> = self
            .documents
            .iter()
            .filter(|(_, d)| d.due.is_some_and(|t| t <= now))
            .map(|(uri, _)| uri.clone())
            .collect();
        for uri in due {
            if let Some(open) = self.documents.get_mut(&uri) {
                open.due = None;
            }
            match self.snapshot(&uri) {
                Some(snapshot) => self.job(Job::Publish(snapshot)),
                // No settings: no findings to show (the user was told why).
                None => self.publish_empty(&uri),
            }
        }
    }

    fn publish_empty(&self, uri: &Uri) {
        let version = self.documents.get(uri).map(|d| d.version);
        let params = PublishDiagnosticsParams::new(uri.clone(), Vec::new(), version);
        self.send(Notification::new(PublishDiagnostics::METHOD.into(), params));
    }

    /// The document as it is now, with its settings.
    fn snapshot(&mut self, uri: &Uri) -> Option<Snapshot> {
        let open = self.documents.get(uri)?;
        let path = open.path.clone();
        let (engine, problem) = self.workspace.engine_for(&path);
        if let Some(problem) = problem {
            self.show_error(problem);
        }
        let open = self.documents.get(uri)?;
        Some(Snapshot {
            uri: uri.clone(),
            version: open.version,
            path,
            format: open.format,
            text: Arc::clone(&open.text),
            engine: engine?,
            word: open.word.clone(),
        })
    }

    fn set_version(&self, uri: &Uri, version: Option<i32>) {
        let mut versions = self.versions.lock().unwrap_or_else(|e| e.into_inner());
        match version {
            Some(v) => versions.insert(uri.clone(), v),
            None => versions.remove(uri),
        };
    }

    fn request(&mut self, request: Request) {
        let id = request.id.clone();
        match request.method.as_str() {
            HoverRequest::METHOD => {
                let Ok((id, params)) =
                    request.extract::<lsp_types::HoverParams>(HoverRequest::METHOD)
                else {
                    return self.bad_params(id);
                };
                let at = params.text_document_position_params;
                match self.snapshot(&at.text_document.uri) {
                    Some(snapshot) => self.job(Job::Hover(id, snapshot, at.position)),
                    None => self.send(Response::new_ok(id, serde_json::Value::Null)),
                }
            }
            CodeActionRequest::METHOD => {
                let Ok((id, params)) =
                    request.extract::<lsp_types::CodeActionParams>(CodeActionRequest::METHOD)
                else {
                    return self.bad_params(id);
                };
                match self.snapshot(&params.text_document.uri) {
                    Some(snapshot) => self.job(Job::CodeAction(id, snapshot, Box::new(params))),
                    None => self.send(Response::new_ok(id, Vec::<()>::new())),
                }
            }
            method => self.send(Response::new_err(
                id,
                ErrorCode::MethodNotFound as i32,
                format!("newslint does not answer `{method}`"),
            )),
        }
    }

    fn bad_params(&self, id: lsp_server::RequestId) {
        self.send(Response::new_err(
            id,
            ErrorCode::InvalidParams as i32,
            "the request's parameters do not read".into(),
        ));
    }

    fn notification(&mut self, n: Notification) {
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let Ok(params) =
                    n.extract::<lsp_types::DidOpenTextDocumentParams>(DidOpenTextDocument::METHOD)
                else {
                    return;
                };
                let document = params.text_document;
                let path = document_path(&document.uri);
                let format = Format::from_path(&path);
                // What an editor holds of a Word file is its zip archive, never the
                // article: the article is read from the file (see `word.rs`).
                let (text, word) = if format == Format::Docx {
                    let word = WordFile::read(&path);
                    (word.text().to_string(), Some(Arc::new(word)))
                } else {
                    (document.text, None)
                };
                self.set_version(&document.uri, Some(document.version));
                self.documents.insert(
                    document.uri,
                    Open {
                        path,
                        format,
                        text: Arc::new(text),
                        version: document.version,
                        due: Some(Instant::now()),
                        word,
                    },
                );
            }
            DidChangeTextDocument::METHOD => {
                let Ok(params) = n.extract::<lsp_types::DidChangeTextDocumentParams>(
                    DidChangeTextDocument::METHOD,
                ) else {
                    return;
                };
                let uri = params.text_document.uri;
                let encoding = self.encoding;
                // A `.docx` is read from disk on save, never from the editor's archive.
                let Some(open) = self.documents.get_mut(&uri).filter(|o| o.word.is_none()) else {
                    return;
                };
                let mut text = open.text.as_str().to_owned();
                // Incremental sync: each change's range is in the text the changes before
                // it made, counted in the negotiated encoding.
                for change in params.content_changes {
                    match change.range {
                        Some(range) => {
                            let span = PositionMap::new(&text, encoding).span(range);
                            text.replace_range(span, &change.text);
                        }
                        None => text = change.text,
                    }
                }
                open.text = Arc::new(text);
                open.version = params.text_document.version;
                open.due = Some(Instant::now() + self.debounce);
                let version = open.version;
                self.set_version(&uri, Some(version));
            }
            DidCloseTextDocument::METHOD => {
                let Ok(params) = n
                    .extract::<lsp_types::DidCloseTextDocumentParams>(DidCloseTextDocument::METHOD)
                else {
                    return;
                };
                let uri = params.text_document.uri;
                self.set_version(&uri, None);
                self.documents.remove(&uri);
                self.cache
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .remove(&uri);
                self.publish_empty(&uri);
            }
            DidSaveTextDocument::METHOD => {
                let Ok(params) =
                    n.extract::<lsp_types::DidSaveTextDocumentParams>(DidSaveTextDocument::METHOD)
                else {
                    return;
                };
                self.reread_word_file(&params.text_document.uri);
                if let Some(path) = path_of(&params.text_document.uri) {
                    self.settings_changed(&[path]);
                }
            }
            DidChangeWatchedFiles::METHOD => {
                let Ok(params) = n.extract::<lsp_types::DidChangeWatchedFilesParams>(
                    DidChangeWatchedFiles::METHOD,
                ) else {
                    return;
                };
                let paths: Vec<PathBuf> = params
                    .changes
                    .iter()
                    .filter_map(|c| path_of(&c.uri))
                    .collect();
                self.settings_changed(&paths);
            }
            DidChangeWorkspaceFolders::METHOD => {
                let Ok(params) = n.extract::<lsp_types::DidChangeWorkspaceFoldersParams>(
                    DidChangeWorkspaceFolders::METHOD,
                ) else {
                    return;
                };
                let added = params.event.added.iter().filter_map(|f| path_of(&f.uri));
                let removed = params.event.removed.iter().filter_map(|f| path_of(&f.uri));
                self.workspace
                    .change_folders(added.collect(), removed.collect());
                self.recheck_all();
            }
            _ => {}
        }
    }

    /// Reload the settings that read these files; check every open document again if any
    /// settings changed.
    fn settings_changed(&mut self, paths: &[PathBuf]) {
        let (problems, changed) = self.workspace.files_changed(paths);
        for problem in problems {
            self.show_error(problem);
        }
        if changed {
            self.recheck_all();
        }
    }

    /// A `.docx` saved: read it again and check it now.
    fn reread_word_file(&mut self, uri: &Uri) {
        if let Some(open) = self.documents.get_mut(uri).filter(|o| o.word.is_some()) {
            let word = WordFile::read(&open.path);
            open.text = Arc::new(word.text().to_string());
            open.word = Some(Arc::new(word));
            open.due = Some(Instant::now());
        }
    }

    fn recheck_all(&mut self) {
        let now = Instant::now();
        for open in self.documents.values_mut() {
            open.due = Some(now);
        }
    }
}

/// The path a document's settings and format are taken from: its file, or for an
/// unsaved buffer (`untitled:`) its name in the working folder.
fn document_path(uri: &Uri) -> PathBuf {
    path_of(uri).unwrap_or_else(|| {
        let name = uri.path().as_str().rsplit('/').next().unwrap_or("untitled");
        std::env::current_dir()
            .unwrap_or_else(|_| PathBuf::from("/"))
            .join(name)
    })
}

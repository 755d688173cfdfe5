//! A small LSP client for the protocol tests: starts the real `newslint lsp` binary, frames
//! messages over its standard input and output (with `lsp-server`'s reader and writer),
//! answers the server's own requests, and applies the edits it proposes to a local copy
//! of the text, counting positions in UTF-16 code units (or bytes, when asked).

// Each test crate uses only some of these helpers.
#![allow(dead_code)]

use std::collections::VecDeque;
use std::io::BufReader;
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

use lsp_server::{Message, Notification, Request, RequestId, Response};
use serde_json::{Value, json};

/// How long to wait for a message before deciding the server hangs (a guard against a
/// hung test, not a timing assertion).
const HANG_GUARD: Duration = Duration::from_secs(120);

/// A running `newslint lsp` and what it has sent that no one has read yet.
pub struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    incoming: Receiver<Message>,
    unread: VecDeque<Message>,
    next_id: i32,
    /// Count positions in bytes (UTF-8) rather than UTF-16 units.
    pub utf8: bool,
    /// The server's answer to `initialize`.
    pub initialized: Value,
    /// The last version sent by [`Client::diagnostics_now`] (every document's versions
    /// only have to grow).
    version: i64,
}

/// The `file:` URI of a path (the tests' folders are plain ASCII).
pub fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

impl Client {
    /// Start the server in `dir` with extra arguments and initialize it with these client
    /// capabilities and workspace folders.
    pub fn start(dir: &Path, args: &[&str], capabilities: Value, folders: &[&Path]) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_newslint"))
            .arg("lsp")
            .args(args)
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("newslint lsp starts");
        let stdout = child.stdout.take().expect("stdout is piped");
        let (tx, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Ok(Some(message)) = Message::read(&mut reader) {
                if tx.send(message).is_err() {
                    break;
                }
            }
        });
        let stdin = child.stdin.take();
        let mut client = Client {
            child,
            stdin,
            incoming,
            unread: VecDeque::new(),
            next_id: 1,
            utf8: false,
            initialized: Value::Null,
            version: 1,
        };
        let folders: Vec<Value> = folders
            .iter()
            .map(|f| json!({"uri": uri(f), "name": f.file_name().unwrap().to_string_lossy()}))
            .collect();
        let root = folders
            .first()
            .map(|f| f["uri"].clone())
            .unwrap_or(Value::Null);
        client.initialized = client.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": root,
                "capabilities": capabilities,
                "workspaceFolders": if folders.is_empty() { Value::Null } else { json!(folders) },
            }),
        );
        client.notify("initialized", json!({}));
        client.utf8 = client.initialized["capabilities"]["positionEncoding"] == "utf-8";
        client
    }

    /// Start with default capabilities in one workspace folder.
    pub fn in_folder(dir: &Path, args: &[&str]) -> Self {
        Self::start(dir, args, json!({}), &[dir])
    }

    fn send(&mut self, message: Message) {
        let stdin = self.stdin.as_mut().expect("the server's input is open");
        message.write(stdin).expect("the server reads its input");
    }

    /// The messages received and not read yet (what came before a response).
    pub fn unread(&self) -> impl Iterator<Item = &Message> {
        self.unread.iter()
    }

    /// Send a notification.
    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(Notification::new(method.to_string(), params).into());
    }

    /// Send a request and wait for its result (panics on an error response).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.request_raw(method, params);
        match response.response_result {
            Ok(result) => result,
            Err(error) => panic!("{method} failed: {error:?}"),
        }
    }

    /// Send a request and wait for its response, error or not.
    pub fn request_raw(&mut self, method: &str, params: Value) -> Response {
        let id = self.send_request(method, params);
        self.response(id)
    }

    /// Send a request without waiting; returns its id.
    pub fn send_request(&mut self, method: &str, params: Value) -> RequestId {
        let id = RequestId::from(self.next_id);
        self.next_id += 1;
        self.send(Request::new(id.clone(), method.to_string(), params).into());
        id
    }

    /// Wait for the response to request `id`, keeping what else comes meanwhile.
    pub fn response(&mut self, id: RequestId) -> Response {
        let mut kept = VecDeque::new();
        let found = loop {
            match self.next_message() {
                Message::Response(r) if r.id == id => break r,
                other => kept.push_back(other),
            }
        };
        kept.extend(self.unread.drain(..));
        self.unread = kept;
        found
    }

    /// The next message, from what was kept or from the server; the server's requests
    /// (`client/registerCapability`) are answered on the way.
    fn next_message(&mut self) -> Message {
        if let Some(message) = self.unread.pop_front() {
            return message;
        }
        match self.incoming.recv_timeout(HANG_GUARD) {
            Ok(Message::Request(request)) => {
                let answer = Response::new_ok(request.id.clone(), Value::Null);
                self.send(answer.into());
                Message::Request(request)
            }
            Ok(message) => message,
            Err(RecvTimeoutError::Timeout) => panic!("the server sent nothing for {HANG_GUARD:?}"),
            Err(RecvTimeoutError::Disconnected) => panic!("the server closed its output"),
        }
    }

    /// Wait for a notification of `method` whose params satisfy `wanted`; every message
    /// before it is returned too (in order), so a test can check what came first.
    pub fn wait_for(
        &mut self,
        method: &str,
        wanted: impl Fn(&Value) -> bool,
    ) -> (Value, Vec<Message>) {
        let mut before = Vec::new();
        loop {
            match self.next_message() {
                Message::Notification(n) if n.method == method && wanted(&n.params) => {
                    return (n.params, before);
                }
                other => before.push(other),
            }
        }
    }

    /// The diagnostics published for `uri` at `version`.
    pub fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let (params, _) = self.wait_for("textDocument/publishDiagnostics", |p| {
            p["uri"] == uri && p["version"] == version
        });
        params["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// Open a document and return the diagnostics of its first version.
    pub fn open(&mut self, uri: &str, language: &str, text: &str) -> Vec<Value> {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}}),
        );
        self.diagnostics(uri, 1)
    }

    /// Replace a document's text (a whole-text change).
    pub fn change(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
        );
    }

    /// Send `text` as the next version of `uri` and return its findings.
    pub fn diagnostics_now(&mut self, uri: &str, text: &str) -> Vec<Value> {
        self.version += 1;
        let version = self.version;
        self.change(uri, version, text);
        self.diagnostics(uri, version)
    }

    /// The code actions for a range.
    pub fn code_actions(&mut self, uri: &str, range: &Value, only: Option<&[&str]>) -> Vec<Value> {
        let mut context = json!({"diagnostics": []});
        if let Some(only) = only {
            context["only"] = json!(only);
        }
        let result = self.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": range, "context": context}),
        );
        result.as_array().cloned().unwrap_or_default()
    }

    /// Apply the edits an action makes to `uri` to `text`.
    pub fn apply(&self, text: &str, uri: &str, action: &Value) -> String {
        let edits = action["edit"]["changes"][uri]
            .as_array()
            .unwrap_or_else(|| panic!("the action edits {uri}: {action}"));
        apply_edits(text, edits, self.utf8)
    }

    /// Shut down and exit; the process's exit code.
    pub fn shutdown(mut self) -> Option<i32> {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        self.wait()
    }

    /// Close the server's input and wait for it to end.
    pub fn wait(&mut self) -> Option<i32> {
        self.stdin = None;
        self.child.wait().expect("the server ends").code()
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The byte offset of an LSP position in `text`.
pub fn offset(text: &str, position: &Value, utf8: bool) -> usize {
    let line = position["line"].as_u64().unwrap() as usize;
    let character = position["character"].as_u64().unwrap() as usize;
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= character || c == '\n' {
            return start + i;
        }
        units += if utf8 { c.len_utf8() } else { c.len_utf16() };
    }
    text.len()
}

/// Apply LSP text edits (which never overlap) to `text`.
pub fn apply_edits(text: &str, edits: &[Value], utf8: bool) -> String {
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                offset(text, &e["range"]["start"], utf8),
                offset(text, &e["range"]["end"], utf8),
                e["newText"].as_str().unwrap(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (start, end, new) in spans {
        out.replace_range(start..end, new);
    }
    out
}

/// The rule ids of a list of diagnostics.
pub fn rules(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// The diagnostic of `rule` (panics when there is none).
pub fn finding<'a>(diagnostics: &'a [Value], rule: &str) -> &'a Value {
    diagnostics
        .iter()
        .find(|d| d["code"] == rule)
        .unwrap_or_else(|| panic!("no {rule} in {diagnostics:#?}"))
}

//! `newslint lsp`: the language server editors start over standard input and output
//! (`lsp-server` and `lsp-types`, the rust-analyzer crates). Findings appear as the copy is
//! typed (debounced, linted on a thread of their own so a long article never stalls the
//! editor), fixes and suppressions are code actions, and hovering a finding shows what
//! `newslint explain` says of its rule. Like `serve`, it only calls the engine: this module
//! turns byte spans into the client's positions and back.

// `lsp_types::Uri` keys maps of documents: it hashes and compares its text only, so the
// cell that caches its parse does not change a key.
#![allow(clippy::mutable_key_type)]

mod actions;
mod position;
mod server;
mod suppress;
mod uri;
mod word;
mod worker;
mod workspace;

use std::time::Duration;

use lsp_server::Connection;
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, HoverProviderCapability,
    InitializeParams, InitializeResult, OneOf, SaveOptions, ServerCapabilities, ServerInfo,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, WorkspaceFoldersServerCapabilities, WorkspaceServerCapabilities,
};

use crate::cli::args::ConfigArgs;
use crate::cli::{EXIT_CLEAN, EXIT_TROUBLE};
use position::Encoding;

/// The exit code when the client says `exit` without `shutdown` first (the protocol's).
const EXIT_WITHOUT_SHUTDOWN: u8 = 1;

/// Options of `newslint lsp`.
#[derive(Debug, clap::Args, Clone)]
pub struct LspArgs {
    /// How long typing must pause before the document is checked, in milliseconds
    /// (changes within it are checked once, on the latest text).
    #[arg(long, default_value_t = 150, value_name = "MS")]
    pub debounce_ms: u64,
    /// Where the settings come from (default: the nearest newslint.toml above each file).
    #[command(flatten)]
    pub config: ConfigArgs,
}

/// Serve one client over standard input and output until it says `exit`.
pub fn run(args: LspArgs) -> u8 {
    let (connection, io_threads) = Connection::stdio();
    let code = match serve(connection, &args) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("newslint lsp: {err}");
            EXIT_TROUBLE
        }
    };
    // The connection is dropped by now, so the writer thread has finished its queue.
    if let Err(err) = io_threads.join() {
        eprintln!("newslint lsp: {err}");
        return EXIT_TROUBLE;
    }
    code
}

/// The handshake, then the message loop. Returns the exit code: 0 after `shutdown` then
/// `exit`, 1 when `exit` comes without `shutdown` (or the client goes away), as the
/// protocol asks; 2 when the session could not run at all.
pub fn serve(connection: Connection, args: &LspArgs) -> Result<u8, String> {
    let (id, params) = connection
        .initialize_start()
        .map_err(|e| format!("the client did not initialize: {e}"))?;
    let params: InitializeParams = serde_json::from_value(params)
        .map_err(|e| format!("the client's initialize request does not read: {e}"))?;
    let encoding = Encoding::negotiate(
        params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref()),
    );
    let result = InitializeResult {
        capabilities: capabilities(encoding),
        server_info: Some(ServerInfo {
            name: "newslint".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
    };
    let result = serde_json::to_value(result).map_err(|e| e.to_string())?;
    connection
        .initialize_finish(id, result)
        .map_err(|e| format!("the client did not finish initializing: {e}"))?;
    let debounce = Duration::from_millis(args.debounce_ms);
    let clean = server::Server::new(
        &connection,
        &params,
        encoding,
        args.config.clone(),
        debounce,
    )
    .run()?;
    Ok(if clean {
        EXIT_CLEAN
    } else {
        EXIT_WITHOUT_SHUTDOWN
    })
}

fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..Default::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::new(actions::FIX_ALL),
            ]),
            resolve_provider: Some(false),
            ..Default::default()
        })),
        workspace: Some(WorkspaceServerCapabilities {
            workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                supported: Some(true),
                change_notifications: Some(OneOf::Left(true)),
            }),
            file_operations: None,
        }),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_server::{Message, Notification, Request, RequestId};
    use serde_json::json;

    /// The next message from the server.
    fn next(client: &Connection) -> Message {
        client
            .receiver
            .recv_timeout(Duration::from_secs(60))
            .expect("the server answers")
    }

    #[test]
    fn a_session_over_an_in_memory_connection() {
        let (server, client) = Connection::memory();
        let args = LspArgs {
            debounce_ms: 0,
            config: ConfigArgs {
                isolated: true,
                ..ConfigArgs::default()
            },
        };
        let running = std::thread::spawn(move || serve(server, &args));
        let send = |m: Message| client.sender.send(m).unwrap();
        send(
            Request::new(
                RequestId::from(1),
                "initialize".into(),
                json!({"capabilities": {}}),
            )
            .into(),
        );
        let Message::Response(initialized) = next(&client) else {
            panic!("initialize is answered first");
        };
        let capabilities = &initialized.response_result.unwrap()["capabilities"];
        assert_eq!(capabilities["positionEncoding"], "utf-16");
        assert_eq!(capabilities["textDocumentSync"]["change"], 2, "incremental");
        send(Notification::new("initialized".into(), json!({})).into());
        let uri = "file:///newsroom/a.txt";
        send(
            Notification::new(
                "textDocument/didOpen".into(),
                json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 7,
                       "text": "Headline\n\n“Late” — the the vote.\n\nPhoto: Ada Quill\n"}}),
            )
            .into(),
        );
        let Message::Notification(published) = next(&client) else {
            panic!("the findings are published");
        };
        assert_eq!(published.method, "textDocument/publishDiagnostics");
        assert_eq!(published.params["version"], 7);
        assert_eq!(published.params["diagnostics"].as_array().unwrap().len(), 1);
        let found = &published.params["diagnostics"][0];
        assert_eq!(found["code"], "repeated-word");
        assert_eq!(found["range"]["start"], json!({"line": 2, "character": 13}));
        send(Request::new(RequestId::from(2), "shutdown".into(), json!(null)).into());
        assert!(matches!(next(&client), Message::Response(r) if r.id == RequestId::from(2)));
        send(Notification::new("exit".into(), json!(null)).into());
        assert_eq!(running.join().unwrap(), Ok(EXIT_CLEAN));
    }
}

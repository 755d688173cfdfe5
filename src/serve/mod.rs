//! `newslint serve`: the checking service a CMS calls before publishing, and the page an
//! editor pastes copy into. axum on tokio; the engine is called through [`engine`] only,
//! on a bounded set of blocking threads, so a long article never stalls the server.
//! Requests never touch the file system: text in, findings out.

mod api;
mod body;
mod engine;
mod guard;
mod listen;
mod page;
mod reload;
mod report;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use axum::Router;
use axum::routing::{get, post};
use tokio::sync::Semaphore;

use crate::cli::args::ConfigArgs;
use crate::cli::{EXIT_CLEAN, EXIT_TROUBLE};
use engine::Settings;

/// The environment variable that may hold the bearer token (instead of `--token-file`).
pub const TOKEN_ENV: &str = "NEWSLINT_SERVE_TOKEN";

/// Options of `newslint serve`.
#[derive(Debug, clap::Args, Clone)]
pub struct ServeArgs {
    /// Address to listen on. Anything but loopback needs a token.
    #[arg(long, default_value = "127.0.0.1:7878", value_name = "ADDRESS:PORT")]
    pub bind: SocketAddr,
    /// A file holding the bearer token clients must send (or set NEWSLINT_SERVE_TOKEN).
    #[arg(long, value_name = "PATH")]
    pub token_file: Option<PathBuf>,
    /// Largest request body accepted, in bytes (larger gets 413).
    #[arg(long, default_value_t = 2 * 1024 * 1024, value_name = "BYTES")]
    pub max_body: usize,
    /// Time limit of one request, reading included, in milliseconds.
    #[arg(long, default_value_t = 10_000, value_name = "MS")]
    pub time_limit_ms: u64,
    /// Checks in flight (running or waiting) beyond which requests get 503.
    #[arg(long, default_value_t = 256, value_name = "N")]
    pub max_in_flight: usize,
    /// Articles checked at once (default: one per core).
    #[arg(long, value_name = "N")]
    pub workers: Option<usize>,
    /// Time a client has to send a request's head, and the longest a kept-alive connection
    /// may sit idle, in milliseconds; then the connection is closed.
    #[arg(long, default_value_t = 10_000, value_name = "MS")]
    pub header_timeout_ms: u64,
    /// How often to look for changed settings files, in milliseconds.
    #[arg(long, default_value_t = 1_000, value_name = "MS")]
    pub watch_interval_ms: u64,
    /// Where the settings come from.
    #[command(flatten)]
    pub config: ConfigArgs,
}

/// What every request shares.
pub struct App {
    settings: RwLock<Arc<Settings>>,
    token: Option<String>,
    max_body: usize,
    time_limit: Duration,
    in_flight: Arc<Semaphore>,
    workers: Arc<Semaphore>,
    next_request: AtomicU64,
}

impl App {
    /// The settings in force (a reload swaps them; a request keeps the ones it started with).
    fn settings(&self) -> Arc<Settings> {
        Arc::clone(&self.settings.read().unwrap_or_else(|e| e.into_inner()))
    }

    fn replace_settings(&self, settings: Settings) {
        *self.settings.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(settings);
    }
}

/// The routes, with their guards.
pub fn router(app: Arc<App>) -> Router {
    let checks = Router::new()
        .route("/api/v1/check", post(api::check))
        .route("/api/v1/fix", post(api::fix))
        .route_layer(axum::middleware::from_fn_with_state(
            Arc::clone(&app),
            guard::in_flight,
        ));
    Router::new()
        .merge(checks)
        .route("/api/v1/rules", get(api::rules))
        .route("/api/v1/rules/{id}", get(api::rule))
        .route("/healthz", get(api::health))
        .route("/", get(page::index))
        .route("/page.js", get(page::script))
        .route("/page.css", get(page::style))
        .fallback(api::not_found)
        .method_not_allowed_fallback(api::method_not_allowed)
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&app),
            guard::bearer_token,
        ))
        .layer(guard::cors(Arc::clone(&app)))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&app),
            guard::request_log,
        ))
        .with_state(app)
}

/// Run the service until SIGINT or SIGTERM.
pub fn run(args: ServeArgs) -> u8 {
    let token = match read_token(&args) {
        Ok(token) => token,
        Err(message) => {
            eprintln!("error: {message}");
            return EXIT_TROUBLE;
        }
    };
    if token.is_none() && !args.bind.ip().is_loopback() {
        eprintln!(
            "error: {} can be reached from other machines: give a token with --token-file or {TOKEN_ENV}",
            args.bind
        );
        return EXIT_TROUBLE;
    }
    let settings = match Settings::load(&args.config) {
        Ok(settings) => settings,
        Err(errors) => return crate::cli::print_config_errors(&errors),
    };
    let loaded = reload::fingerprint_of(&settings);
    let workers = args
        .workers
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let app = Arc::new(App {
        settings: RwLock::new(Arc::new(settings)),
        token,
        max_body: args.max_body,
        time_limit: Duration::from_millis(args.time_limit_ms),
        in_flight: Arc::new(Semaphore::new(args.max_in_flight.max(1))),
        workers: Arc::new(Semaphore::new(workers)),
        next_request: AtomicU64::new(1),
    });
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(workers + 4)
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("error: cannot start the server's threads: {err}");
            return EXIT_TROUBLE;
        }
    };
    runtime.block_on(serve(app, args, loaded))
}

async fn serve(app: Arc<App>, args: ServeArgs, loaded: reload::Fingerprint) -> u8 {
    // Registered before the address is announced, so an early SIGHUP reloads rather than
    // ending the process (its default action).
    let hangups = match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup()) {
        Ok(signal) => signal,
        Err(err) => {
            eprintln!("error: cannot listen for SIGHUP: {err}");
            return EXIT_TROUBLE;
        }
    };
    let listener = match tokio::net::TcpListener::bind(args.bind).await {
        Ok(listener) => listener,
        Err(err) => {
            eprintln!("error: cannot listen on {}: {err}", args.bind);
            return EXIT_TROUBLE;
        }
    };
    let address = listener.local_addr().map_or(args.bind, |a| a);
    let settings = app.settings();
    guard::log_event(serde_json::json!({
        "event": "listening",
        "address": address.to_string(),
        "url": format!("http://{address}/"),
        "settings": settings.source(),
        "rules": settings.rule_count(),
        "token": app.token.is_some(),
    }));
    drop(settings);
    tokio::spawn(reload::watch(
        Arc::clone(&app),
        args.config.clone(),
        hangups,
        Duration::from_millis(args.watch_interval_ms.max(10)),
        loaded,
    ));
    let header_timeout = Duration::from_millis(args.header_timeout_ms.max(1));
    listen::serve(listener, router(app), header_timeout, shutdown_signal()).await;
    guard::log_event(serde_json::json!({"event": "stopped"}));
    EXIT_CLEAN
}

fn read_token(args: &ServeArgs) -> Result<Option<String>, String> {
    let token = match &args.token_file {
        Some(path) => Some(
            std::fs::read_to_string(path)
                .map_err(|err| format!("cannot read the token file {}: {err}", path.display()))?,
        ),
        None => std::env::var(TOKEN_ENV).ok(),
    };
    match token.map(|t| t.trim().to_string()) {
        Some(t) if t.is_empty() => Err(match &args.token_file {
            Some(path) => format!("the token file {} is empty", path.display()),
            None => format!("{TOKEN_ENV} is set but empty"),
        }),
        Some(t) if t.chars().any(|c| !c.is_ascii_graphic()) => {
            Err("the token must be printable ASCII without spaces".to_string())
        }
        token => Ok(token),
    }
}

async fn shutdown_signal() {
    use tokio::signal::unix::{SignalKind, signal};
    let mut terminate = signal(SignalKind::terminate()).ok();
    let term = async {
        match terminate.as_mut() {
            Some(s) => {
                s.recv().await;
            }
            None => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {},
        _ = term => {},
    }
}

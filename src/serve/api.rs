//! The API routes: check, fix, rules, health. Every bad input gets a 4xx with a JSON body
//! `{"error": code, "message": text}`; the engine's work runs on a blocking thread within
//! the request's time limit.

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use newslint::{FixSafety, Format, Rule};
use serde::{Deserialize, Serialize};
use tokio::time::Instant;

use super::App;
use super::body::{self, BodyError};
use super::engine::{self, ArticleProblem, Settings};
use super::guard::InFlight;
use super::report::Report;

/// A 4xx or 5xx with a JSON body.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
    retry_after: Option<u32>,
}

impl ApiError {
    /// An error with a status, a stable code and a sentence.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            retry_after: None,
        }
    }

    /// Too many checks in flight.
    pub fn busy() -> Self {
        Self {
            retry_after: Some(1),
            ..Self::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "busy",
                "the server is checking as many articles as it takes at once; retry shortly",
            )
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({"error": self.code, "message": self.message});
        let mut response = json_response(self.status, body.to_string().into_bytes());
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

/// A JSON body with its content type.
pub fn json_response(status: StatusCode, body: Vec<u8>) -> Response {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

fn ok_json(value: &impl Serialize) -> Response {
    json_response(
        StatusCode::OK,
        serde_json::to_vec(value).expect("API values serialise"),
    )
}

/// `POST /api/v1/check`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckRequest {
    text: String,
    filename: Option<String>,
    format: Option<String>,
}

/// `POST /api/v1/fix`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FixRequest {
    text: String,
    filename: Option<String>,
    format: Option<String>,
    #[serde(default)]
    unsafe_fixes: bool,
}

/// The name an article is reported under when the request gives none.
const DEFAULT_FILENAME: &str = "article.txt";

/// Check one article: the report of `newslint check --format json`, with UTF-16 offsets.
pub async fn check(State(app): State<Arc<App>>, request: Request) -> Result<Response, ApiError> {
    let deadline = Instant::now() + app.time_limit;
    let (in_flight, body) = read_body(&app, request, deadline).await?;
    let request: CheckRequest = parse_json(&body)?;
    let (filename, format) = article_kind(request.filename, request.format.as_deref())?;
    let settings = app.settings();
    let body = run_engine(&app, deadline, in_flight, move || {
        let checked = settings
            .check(&filename, format, request.text)
            .map_err(unreadable)?;
        let report = Report::new(&filename, &checked.text, &checked.diagnostics);
        Ok(serde_json::to_vec(&report).expect("reports serialise"))
    })
    .await?;
    Ok(json_response(StatusCode::OK, body))
}

#[derive(Serialize)]
struct FixResponse<'a> {
    text: &'a str,
    changed: bool,
    applied: usize,
    diff: String,
    report: Report<'a>,
}

/// Apply every safe fix (and unsafe ones when asked): the fixed text, a unified diff of
/// what changed, and the report of what is left.
pub async fn fix(State(app): State<Arc<App>>, request: Request) -> Result<Response, ApiError> {
    let deadline = Instant::now() + app.time_limit;
    let (in_flight, body) = read_body(&app, request, deadline).await?;
    let request: FixRequest = parse_json(&body)?;
    let (filename, format) = article_kind(request.filename, request.format.as_deref())?;
    let settings = app.settings();
    let body = run_engine(&app, deadline, in_flight, move || {
        let original = request.text.clone();
        let fixed = settings
            .fix(&filename, format, request.text, request.unsafe_fixes)
            .map_err(unreadable)?;
        let diff = similar::TextDiff::from_lines(&original, &fixed.text)
            .unified_diff()
            .context_radius(2)
            .header(&format!("a/{filename}"), &format!("b/{filename}"))
            .to_string();
        let response = FixResponse {
            text: &fixed.text,
            changed: fixed.text != original,
            applied: fixed.applied,
            diff,
            report: Report::new(&filename, &fixed.text, &fixed.remaining),
        };
        Ok(serde_json::to_vec(&response).expect("fix responses serialise"))
    })
    .await?;
    Ok(json_response(StatusCode::OK, body))
}

/// Read the body within the size and time limits, keeping the request's place in flight.
async fn read_body(
    app: &App,
    mut request: Request,
    deadline: Instant,
) -> Result<(Option<InFlight>, Bytes), ApiError> {
    let in_flight = request.extensions_mut().remove::<InFlight>();
    let too_large = || {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too-large",
            format!(
                "the request is larger than this server accepts ({} bytes; see --max-body)",
                app.max_body
            ),
        )
    };
    let headers = request.headers();
    let declared = body::Declared {
        length: headers
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok()?.parse::<u64>().ok()),
        waits_to_send: headers
            .get(header::EXPECT)
            .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"100-continue")),
    };
    match body::read(request.into_body(), declared, app.max_body, deadline).await {
        Ok(bytes) => Ok((in_flight, bytes)),
        Err(BodyError::TooLarge) => Err(too_large()),
        Err(BodyError::TooSlow) => Err(ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            "time-limit",
            "the request body did not arrive within the time limit",
        )),
        Err(BodyError::Broken(err)) => Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "unreadable-body",
            format!("the request body could not be read: {err}"),
        )),
    }
}

/// Parse a JSON body, telling malformed JSON (400) from the wrong fields (422).
fn parse_json<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "malformed-json",
            "the body is empty: send a JSON object such as {\"text\": \"...\", \"filename\": \"story.md\"}",
        ));
    }
    if let Err(err) = std::str::from_utf8(body) {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "not-utf8",
            format!(
                "the body is not valid UTF-8 (at byte offset {}): JSON must be UTF-8",
                err.valid_up_to()
            ),
        ));
    }
    serde_json::from_slice(body).map_err(|err| {
        let message = err.to_string();
        match err.classify() {
            serde_json::error::Category::Data => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid-request",
                format!("the JSON is not a request this route takes: {message}"),
            ),
            _ if has_lone_surrogate(body) => ApiError::new(
                StatusCode::BAD_REQUEST,
                "not-utf8",
                format!(
                    "the text is not valid Unicode: it escapes half of a UTF-16 surrogate pair alone ({message})"
                ),
            ),
            _ => ApiError::new(
                StatusCode::BAD_REQUEST,
                "malformed-json",
                format!("the body is not valid JSON: {message}"),
            ),
        }
    })
}

/// Whether a JSON text escapes half of a UTF-16 surrogate pair alone (`"\ud800"`), which no
/// Unicode string holds: the JSON way of sending text that is not valid UTF-8.
fn has_lone_surrogate(body: &[u8]) -> bool {
    let escape_at = |i: usize| -> Option<u16> {
        let hex = body.get(i..i + 6)?;
        if hex[0] != b'\\' || hex[1] != b'u' {
            return None;
        }
        u16::from_str_radix(std::str::from_utf8(&hex[2..]).ok()?, 16).ok()
    };
    let mut i = 0;
    while i < body.len() {
        if body[i] == b'\\' {
            match escape_at(i) {
                Some(0xD800..=0xDBFF) => match escape_at(i + 6) {
                    Some(0xDC00..=0xDFFF) => i += 12,
                    _ => return true,
                },
                Some(0xDC00..=0xDFFF) => return true,
                Some(_) => i += 6,
                // Another escape (`\\`, `\"` …): skip the escaped character.
                None => i += 2,
            }
        } else {
            i += 1;
        }
    }
    false
}

/// The article's name and format: `format` ("txt" or "md") if given, else the name's
/// extension.
fn article_kind(
    filename: Option<String>,
    format: Option<&str>,
) -> Result<(String, Format), ApiError> {
    let filename = filename.unwrap_or_else(|| DEFAULT_FILENAME.to_string());
    let unknown = |what: String| {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "unknown-format",
            format!(
                "{what}: newslint serve reads .txt and .md articles (give a filename ending in .txt or .md, or \"format\": \"txt\" or \"md\")"
            ),
        )
    };
    let format = match format {
        Some(name) => engine::format_for(&format!("article.{name}"))
            .ok_or_else(|| unknown(format!("unknown format \"{name}\"")))?,
        None => engine::format_for(&filename).ok_or_else(|| {
            unknown(format!(
                "cannot tell the format of \"{filename}\" from its name"
            ))
        })?,
    };
    Ok((filename, format))
}

fn unreadable(problem: ArticleProblem) -> ApiError {
    let (line, column) = problem.position;
    ApiError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        "unreadable-article",
        format!("line {line}, column {column}: {}", problem.message),
    )
}

/// Run engine work on a blocking thread, one of at most `--workers` at once, within the
/// deadline. The work keeps the request's place in flight until it ends, even when the
/// request has timed out, so the cap bounds the work actually running.
async fn run_engine(
    app: &App,
    deadline: Instant,
    in_flight: Option<InFlight>,
    work: impl FnOnce() -> Result<Vec<u8>, ApiError> + Send + 'static,
) -> Result<Vec<u8>, ApiError> {
    let over_time = || {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "time-limit",
            format!(
                "checking took longer than this server's limit ({} ms; see --time-limit-ms)",
                app.time_limit.as_millis()
            ),
        )
    };
    let worker = tokio::time::timeout_at(deadline, Arc::clone(&app.workers).acquire_owned())
        .await
        .map_err(|_| over_time())?
        .map_err(|_| ApiError::busy())?;
    let job = tokio::task::spawn_blocking(move || {
        let _held = (worker, in_flight);
        work()
    });
    match tokio::time::timeout_at(deadline, job).await {
        Err(_) => Err(over_time()),
        Ok(Err(join)) => Err(ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            format!("the check failed inside newslint (a bug; please report it): {join}"),
        )),
        Ok(Ok(result)) => result,
    }
}

#[derive(Serialize)]
struct RuleSummary<'a> {
    id: &'a str,
    pack: &'a str,
    kind: &'a str,
    severity: &'a str,
    fix: &'a str,
    description: &'a str,
    link: Option<&'a str>,
}

impl<'a> RuleSummary<'a> {
    fn of(rule: &'a Rule) -> Self {
        Self {
            id: &rule.id,
            pack: &rule.pack,
            kind: rule.kind_name.as_str(),
            severity: rule.severity.as_str(),
            fix: fix_name(rule),
            description: &rule.description,
            link: rule.link.as_deref(),
        }
    }
}

/// Whether a rule fixes what it finds: its examples say (a bad example with `fixed`).
fn fix_name(rule: &Rule) -> &'static str {
    if !rule.examples.iter().any(|e| e.fixed.is_some()) {
        return "none";
    }
    match rule.fix_safety {
        FixSafety::Safe => "safe",
        FixSafety::Unsafe => "unsafe",
        FixSafety::None => "none",
    }
}

/// `GET /api/v1/rules`: every loaded rule.
pub async fn rules(State(app): State<Arc<App>>) -> Response {
    let settings = app.settings();
    let rules: Vec<RuleSummary> = settings.rules().map(RuleSummary::of).collect();
    ok_json(&serde_json::json!({ "rules": rules }))
}

#[derive(Serialize)]
struct RuleExample<'a> {
    kind: &'static str,
    text: &'a str,
    fixed: Option<&'a str>,
}

/// `GET /api/v1/rules/{id}`: what `newslint explain` says, as JSON.
pub async fn rule(
    State(app): State<Arc<App>>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let Path(id) =
        id.map_err(|err| ApiError::new(StatusCode::BAD_REQUEST, "bad-path", err.body_text()))?;
    let settings: Arc<Settings> = app.settings();
    let Some(rule) = settings.rule(&id) else {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "unknown-rule",
            format!("there is no rule \"{id}\" (GET /api/v1/rules lists them)"),
        ));
    };
    let examples: Vec<RuleExample> = rule
        .examples
        .iter()
        .map(|e| RuleExample {
            kind: match e.expect {
                newslint::rules::Expectation::Bad => "bad",
                newslint::rules::Expectation::Good => "good",
            },
            text: &e.text,
            fixed: e.fixed.as_deref(),
        })
        .collect();
    let mut value = serde_json::to_value(RuleSummary::of(rule)).expect("rules serialise");
    value["examples"] = serde_json::to_value(examples).expect("examples serialise");
    Ok(ok_json(&value))
}

/// `GET /healthz`: up, and with which settings.
pub async fn health(State(app): State<Arc<App>>) -> Response {
    let settings = app.settings();
    ok_json(&serde_json::json!({
        "status": "ok",
        "rules": settings.rule_count(),
        "settings": settings.source(),
    }))
}

/// Any other path.
pub async fn not_found(request: Request) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "not-found",
        format!(
            "there is nothing at {}; the API is under /api/v1/ (check, fix, rules)",
            request.uri().path()
        ),
    )
}

/// A known path with the wrong method.
pub async fn method_not_allowed(request: Request) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method-not-allowed",
        format!(
            "{} does not take {}",
            request.uri().path(),
            request.method()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_surrogates_are_told_from_pairs() {
        assert!(has_lone_surrogate(br#"{"text": "a\ud800b"}"#));
        assert!(has_lone_surrogate(br#"{"text": "a\uDC00"}"#));
        assert!(has_lone_surrogate(br#"{"text": "\ud834\u0041"}"#));
        assert!(!has_lone_surrogate(br#"{"text": "clef \ud834\udd1e"}"#));
        assert!(!has_lone_surrogate(
            br#"{"text": "a\\ud800 is written \"so\""}"#
        ));
        assert!(!has_lone_surrogate(br#"{"text": "\u00e9"}"#));
    }
}

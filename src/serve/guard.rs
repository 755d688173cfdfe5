//! What stands in front of the routes: the one-line-per-request log, CORS for the origins
//! the config lists, the bearer token, and the cap on checks in flight.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Instant;

use axum::body::HttpBody;
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tokio::sync::OwnedSemaphorePermit;
use tower_http::cors::{AllowOrigin, CorsLayer};

use super::App;
use super::api::ApiError;

/// A request's place among the checks in flight; the work that runs on a blocking thread
/// holds a clone, so a request that timed out still counts until its work ends.
#[derive(Clone)]
pub struct InFlight {
    _permit: Arc<OwnedSemaphorePermit>,
}

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Write one structured line to the log (standard error).
pub fn log_event(mut event: serde_json::Value) {
    if let Some(map) = event.as_object_mut() {
        // `time` first, for people reading the log.
        let mut line = serde_json::Map::new();
        line.insert(
            "time".into(),
            jiff::Timestamp::now()
                .round(jiff::Unit::Millisecond)
                .map_or_else(
                    |_| serde_json::Value::Null,
                    |t| serde_json::Value::String(t.to_string()),
                ),
        );
        line.append(map);
        event = serde_json::Value::Object(line);
    }
    // One write per line: standard error is unbuffered, and printing the value directly
    // would make a system call of every piece of it.
    let mut line = event.to_string();
    line.push('\n');
    let _ = std::io::Write::write_all(&mut std::io::stderr().lock(), line.as_bytes());
}

/// One log line per request (its id is echoed in `x-request-id`): id, method, path, status, bytes in and out, time taken.
pub async fn request_log(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    let id = app.next_request.fetch_add(1, Ordering::Relaxed);
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_string();
    let bytes_in = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<u64>().ok())
        .unwrap_or(0);
    let mut response = next.run(request).await;
    if let Ok(value) = HeaderValue::from_str(&id.to_string()) {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    let bytes_out = response.body().size_hint().exact();
    log_event(serde_json::json!({
        "id": id,
        "method": method.as_str(),
        "path": path,
        "status": response.status().as_u16(),
        "bytes_in": bytes_in,
        "bytes_out": bytes_out,
        "ms": (started.elapsed().as_secs_f64() * 1000.0 * 100.0).round() / 100.0,
    }));
    response
}

/// Routes a browser loads by navigation (no header can be added) and the health check a
/// load balancer polls: open without the token. The API is not.
fn is_open(path: &str) -> bool {
    matches!(path, "/" | "/page.js" | "/page.css" | "/healthz")
}

/// Refuse API requests without the bearer token, when one is set.
pub async fn bearer_token(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    let Some(token) = &app.token else {
        return next.run(request).await;
    };
    if is_open(request.uri().path()) || request.method() == Method::OPTIONS {
        return next.run(request).await;
    }
    let given = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    match given {
        Some(given) if same_secret(given.as_bytes(), token.as_bytes()) => next.run(request).await,
        Some(_) => unauthorized("the bearer token is not the one this server was given"),
        None => {
            unauthorized("this server needs a bearer token: send `Authorization: Bearer TOKEN`")
        }
    }
}

fn unauthorized(message: &str) -> Response {
    let mut response = ApiError::new(
        axum::http::StatusCode::UNAUTHORIZED,
        "unauthorized",
        message,
    )
    .into_response();
    response.headers_mut().insert(
        header::WWW_AUTHENTICATE,
        HeaderValue::from_static("Bearer realm=\"newslint\""),
    );
    response
}

/// Compare without stopping at the first difference, so timing says nothing about how much
/// of a guess was right.
fn same_secret(given: &[u8], expected: &[u8]) -> bool {
    let mut difference = given.len() ^ expected.len();
    for (i, &byte) in expected.iter().enumerate() {
        difference |= usize::from(byte ^ given.get(i).copied().unwrap_or(0));
    }
    difference == 0
}

/// Take a place among the checks in flight, or answer 503 with `Retry-After`.
pub async fn in_flight(State(app): State<Arc<App>>, mut request: Request, next: Next) -> Response {
    match Arc::clone(&app.in_flight).try_acquire_owned() {
        Ok(permit) => {
            request.extensions_mut().insert(InFlight {
                _permit: Arc::new(permit),
            });
            next.run(request).await
        }
        Err(_) => ApiError::busy().into_response(),
    }
}

/// CORS for the origins the settings list (read at each request, so a reload applies);
/// none by default, which leaves browsers to refuse other sites' pages.
pub fn cors(app: Arc<App>) -> CorsLayer {
    CorsLayer::new()
        .allow_origin(AllowOrigin::predicate(move |origin, _| {
            let settings = app.settings();
            origin
                .to_str()
                .is_ok_and(|o| settings.cors_origins().iter().any(|allowed| allowed == o))
        }))
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE])
        .expose_headers([REQUEST_ID, header::RETRY_AFTER])
        .max_age(std::time::Duration::from_secs(600))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_compare_whole() {
        assert!(same_secret(b"s3cret", b"s3cret"));
        assert!(!same_secret(b"s3cre", b"s3cret"));
        assert!(!same_secret(b"s3cretX", b"s3cret"));
        assert!(!same_secret(b"", b"s3cret"));
        assert!(!same_secret(b"S3cret", b"s3cret"));
    }
}

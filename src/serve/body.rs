//! Reading a request body within the size limit and the request's deadline. A body over
//! the limit is read on and thrown away (up to a bound) before the 413 goes out: a server
//! that answers and closes while the client is still sending makes the kernel reset the
//! connection, and the client then sees a dropped connection instead of the 413.

use axum::body::{Body, Bytes};
use http_body_util::BodyExt;
use tokio::time::Instant;

/// How much of an over-size body is read and discarded, at most, so that its sender gets
/// the 413; past this the connection is closed. (50 MB arrive in well under a second on a
/// local network; the request's time limit bounds a slow sender.)
const DRAIN_AT_MOST: usize = 256 * 1024 * 1024;

/// Why a body was not read.
#[derive(Debug, PartialEq, Eq)]
pub enum BodyError {
    /// Over the limit.
    TooLarge,
    /// The deadline passed while it was arriving.
    TooSlow,
    /// The connection failed (the client hung up halfway, a broken chunk).
    Broken(String),
}

/// What the headers say about the body.
pub struct Declared {
    /// `Content-Length`, when given.
    pub length: Option<u64>,
    /// `Expect: 100-continue`: the client waits for a go-ahead before sending, so an
    /// over-size body need not be drained (it will never come).
    pub waits_to_send: bool,
}

/// The whole body, at most `max` bytes, by `deadline`.
pub async fn read(
    mut body: Body,
    declared: Declared,
    max: usize,
    deadline: Instant,
) -> Result<Bytes, BodyError> {
    let mut over = declared.length.is_some_and(|n| n > max as u64);
    if over && (declared.waits_to_send || declared.length.is_some_and(|n| n > DRAIN_AT_MOST as u64))
    {
        return Err(BodyError::TooLarge);
    }
    let mut kept: Vec<u8> = Vec::new();
    let mut seen = 0usize;
    loop {
        let frame = match tokio::time::timeout_at(deadline, body.frame()).await {
            Err(_) if over => return Err(BodyError::TooLarge),
            Err(_) => return Err(BodyError::TooSlow),
            Ok(None) => break,
            Ok(Some(Err(_))) if over => return Err(BodyError::TooLarge),
            Ok(Some(Err(err))) => return Err(BodyError::Broken(err.to_string())),
            Ok(Some(Ok(frame))) => frame,
        };
        let Ok(data) = frame.into_data() else {
            continue; // trailers
        };
        seen = seen.saturating_add(data.len());
        if seen > max && !over {
            over = true;
            kept = Vec::new();
        }
        if over {
            if seen > DRAIN_AT_MOST {
                return Err(BodyError::TooLarge);
            }
            continue;
        }
        kept.extend_from_slice(&data);
    }
    if over {
        Err(BodyError::TooLarge)
    } else {
        Ok(Bytes::from(kept))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn later() -> Instant {
        Instant::now() + Duration::from_secs(5)
    }

    fn undeclared() -> Declared {
        Declared {
            length: None,
            waits_to_send: false,
        }
    }

    #[tokio::test]
    async fn bodies_within_the_limit_arrive_whole() {
        let got = read(Body::from("hello"), undeclared(), 5, later()).await;
        assert_eq!(got, Ok(Bytes::from("hello")));
    }

    #[tokio::test]
    async fn bodies_over_the_limit_are_too_large_declared_or_not() {
        let got = read(Body::from("hello!"), undeclared(), 5, later()).await;
        assert_eq!(got, Err(BodyError::TooLarge));
        let declared = Declared {
            length: Some(6),
            waits_to_send: true,
        };
        assert_eq!(
            read(Body::from("hello!"), declared, 5, later()).await,
            Err(BodyError::TooLarge)
        );
    }
}

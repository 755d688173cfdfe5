//! Running the real `newslint serve` binary for tests: start it on a free loopback port,
//! read its log, and speak HTTP/1.1 to it over a plain socket (so tests can also send what
//! no well-behaved client would).

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A running server; killed when dropped.
pub struct Server {
    child: Child,
    /// `127.0.0.1:PORT`.
    pub addr: String,
    log: Arc<Mutex<String>>,
}

/// An HTTP response.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    /// A header's value (names compared without case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The body as JSON (panics, naming the body, when it is not).
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|err| {
            panic!(
                "status {} body is not JSON ({err}): {}",
                self.status,
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    /// The `error` code of a JSON error body, checking that it also has a message.
    pub fn error_code(&self) -> String {
        let body = self.json();
        assert!(
            body["message"].as_str().is_some_and(|m| !m.is_empty()),
            "an error body has a message: {body}"
        );
        body["error"].as_str().expect("an error code").to_string()
    }
}

impl Server {
    /// Start `newslint serve` with these arguments (a free loopback port unless `--bind`
    /// is among them) and wait until it listens.
    pub fn start(args: &[&str]) -> Server {
        Self::start_with(args, &[], None)
    }

    /// Start with environment variables and a working folder.
    pub fn start_with(
        args: &[&str],
        env: &[(&str, &str)],
        dir: Option<&std::path::Path>,
    ) -> Server {
        let mut command = Command::new(env!("CARGO_BIN_EXE_newslint"));
        command.arg("serve");
        if !args.contains(&"--bind") {
            command.args(["--bind", "127.0.0.1:0"]);
        }
        command
            .args(args)
            .env_remove("NEWSLINT_SERVE_TOKEN")
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        if let Some(dir) = dir {
            command.current_dir(dir);
        }
        let mut child = command.spawn().expect("newslint serve starts");
        let stderr = child.stderr.take().expect("stderr is piped");
        let log = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = std::sync::mpsc::channel();
        let sink = Arc::clone(&log);
        std::thread::spawn(move || {
            let mut tx = Some(tx);
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if line.contains("\"event\":\"listening\"")
                    && let Some(tx) = tx.take()
                {
                    let _ = tx.send(line.clone());
                }
                let mut log = sink.lock().unwrap();
                log.push_str(&line);
                log.push('\n');
            }
        });
        let line = match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(line) => line,
            Err(_) => {
                let _ = child.kill();
                panic!("the server did not start: {}", log.lock().unwrap());
            }
        };
        let event: serde_json::Value = serde_json::from_str(&line).expect("a JSON log line");
        let addr = event["address"]
            .as_str()
            .unwrap()
            .replace("0.0.0.0", "127.0.0.1");
        Server { child, addr, log }
    }

    /// The process id (for signals).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Everything logged so far.
    pub fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// Wait until the log has a line containing every one of `needles`; that line.
    pub fn wait_for_log(&self, needles: &[&str]) -> String {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Some(line) = self
                .log()
                .lines()
                .find(|l| needles.iter().all(|n| l.contains(n)))
            {
                return line.to_string();
            }
            assert!(
                Instant::now() < deadline,
                "no log line with {needles:?} in:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Send raw bytes, read the whole response (the request should say `Connection: close`).
    pub fn raw(&self, bytes: &[u8]) -> Response {
        let mut stream = TcpStream::connect(&self.addr).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(120)))
            .unwrap();
        stream.write_all(bytes).expect("send");
        let mut received = Vec::new();
        stream
            .read_to_end(&mut received)
            .expect("read the response");
        parse_response(&received)
    }

    /// One request with `Connection: close`.
    pub fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Response {
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n",
            self.addr
        );
        for (name, value) in headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        if !body.is_empty() || method == "POST" {
            head.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        head.push_str("\r\n");
        let mut bytes = head.into_bytes();
        bytes.extend_from_slice(body);
        self.raw(&bytes)
    }

    /// `GET path`.
    pub fn get(&self, path: &str) -> Response {
        self.request("GET", path, &[], b"")
    }

    /// `POST path` with a JSON value.
    pub fn post_json(&self, path: &str, value: &serde_json::Value) -> Response {
        self.request(
            "POST",
            path,
            &[("Content-Type", "application/json")],
            value.to_string().as_bytes(),
        )
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Parse an HTTP/1.1 response (Content-Length or chunked bodies, or to the end).
pub fn parse_response(bytes: &[u8]) -> Response {
    let end = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| {
            panic!(
                "no complete response head in {:?}",
                String::from_utf8_lossy(bytes)
            )
        });
    let head = String::from_utf8_lossy(&bytes[..end]).to_string();
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap();
    let status: u16 = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("bad status line {status_line:?}"));
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    let mut body = bytes[end + 4..].to_vec();
    let chunked = headers.iter().any(|(n, v)| {
        n.eq_ignore_ascii_case("transfer-encoding") && v.eq_ignore_ascii_case("chunked")
    });
    if chunked {
        body = dechunk(&body);
    }
    Response {
        status,
        headers,
        body,
    }
}

fn dechunk(mut bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(line_end) = bytes.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size_text = String::from_utf8_lossy(&bytes[..line_end]);
        let size = usize::from_str_radix(size_text.split(';').next().unwrap().trim(), 16)
            .expect("a chunk size");
        if size == 0 {
            return out;
        }
        let start = line_end + 2;
        out.extend_from_slice(&bytes[start..start + size]);
        bytes = &bytes[start + size + 2..];
    }
}

/// `POST /api/v1/check`, expecting 200; the report.
pub fn check(server: &Server, text: &str, filename: &str) -> serde_json::Value {
    let response = server.post_json(
        "/api/v1/check",
        &serde_json::json!({"text": text, "filename": filename}),
    );
    assert_eq!(
        response.status,
        200,
        "{}",
        String::from_utf8_lossy(&response.body)
    );
    response.json()
}

/// An invented article in the seed's shape: the date in a dotted form on line 5 and a
/// stray "a" after the photo credit on the last line.
pub const ARTICLE: &str = "#Local\n\nWrenfield council agrees to rebuild the old pier\n\n2025.05.09\n\nResidents will have a say on how the repairs are paid for\n\nOn Thursday, the mayor, Talia Okonkwo, told a meeting at the town hall that the pier would reopen in November, the Wrenfield Courier reported.\n\nThe plan replaces the rotten decking with concrete.\n\nPhoto: Wrenfield Courier\n\na\n";

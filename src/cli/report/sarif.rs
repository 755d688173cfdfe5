//! SARIF 2.1.0 for code scanning; the one format that keeps findings until the end.

use std::io;
use std::path::Path;

use codespan_reporting::term::termcolor::WriteColor;
use newslint::Rule;
use newslint::Severity;
use serde_json::json;

use super::{
    FileProblem, FileReport, Reporter, Summary, end_position, fixed_total_to_stderr, path_text,
    position, problem_to_stderr,
};

pub(super) struct Sarif<'a> {
    pub(super) out: Box<dyn WriteColor + 'a>,
    /// The rules of every config the run used (see [`super::rules_of_run`]).
    pub(super) rules: &'a [&'a Rule],
    pub(super) results: Vec<serde_json::Value>,
    pub(super) problems: Vec<serde_json::Value>,
}

fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a SARIF artifact URI reference (RFC 3986): its components joined by `/`, a
/// leading `./` dropped, and every byte outside the unreserved set percent-encoded
/// (`my story.md` → `my%20story.md`). A backslash is a separator only where the system
/// says so (Windows); elsewhere it is part of a name, `back\slash.md` → `back%5Cslash.md`.
/// An absolute path is a `file:` URI (`file:///C:/desk/a.md` on Windows).
fn sarif_uri(path: &Path) -> String {
    use std::path::Component;
    let mut segments: Vec<String> = Vec::new();
    let mut prefix = None;
    let mut absolute = false;
    for component in path.components() {
        match component {
            Component::Prefix(drive) => prefix = Some(drive.as_os_str().to_string_lossy()),
            Component::RootDir => absolute = true,
            Component::CurDir => {}
            Component::ParentDir => segments.push("..".to_string()),
            Component::Normal(name) => segments.push(percent_encode(&name_bytes(name))),
        }
    }
    let joined = segments.join("/");
    match (prefix, absolute) {
        // `C:` is kept as written (percent-encoding its colon would make it a name); a
        // share, `\\host\share`, is the URI's authority.
        (Some(drive), _) => {
            let drive = drive.replace('\\', "/");
            match drive.strip_prefix("//") {
                Some(share) => format!("file://{share}/{joined}"),
                None => format!("file:///{drive}/{joined}"),
            }
        }
        (None, true) => format!("file:///{joined}"),
        (None, false) => joined,
    }
}

/// The bytes of a file name: as stored on Unix (any bytes but `/` and NUL), as UTF-8
/// elsewhere.
fn name_bytes(name: &std::ffi::OsStr) -> Vec<u8> {
    #[cfg(unix)]
    {
        std::os::unix::ffi::OsStrExt::as_bytes(name).to_vec()
    }
    #[cfg(not(unix))]
    {
        name.to_string_lossy().into_owned().into_bytes()
    }
}

fn percent_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for &byte in bytes {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A rule's title: the first sentence of its description, its lines joined (a description
/// wraps where its TOML does, so its first line can stop mid-sentence). A sentence ends at
/// `.`, `!` or `?` (and a closing quote or bracket) before a space and a capital, a quote
/// or a bracket, so "Mr., Mrs." and "e.g. a" do not end one.
fn first_sentence(description: &str) -> Option<String> {
    let text = description.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return None;
    }
    let bytes = text.as_bytes();
    let ends = |i: usize| {
        let after = &text[i + 1..];
        let mut rest = after.trim_start_matches(['"', '\u{201d}', ')', '\'']);
        if !rest.starts_with(' ') {
            return None;
        }
        rest = &rest[1..];
        let next = rest.chars().next()?;
        (next.is_uppercase() || "\"`(\u{201c}".contains(next))
            .then(|| i + 1 + (after.len() - rest.len() - 1))
    };
    let end = (0..bytes.len())
        .filter(|&i| matches!(bytes[i], b'.' | b'!' | b'?'))
        .find_map(ends)
        .unwrap_or(text.len());
    Some(text[..end].to_string())
}

impl Reporter for Sarif<'_> {
    fn file(&mut self, report: &FileReport) -> io::Result<()> {
        for d in report.diagnostics {
            let (line, column) = position(report, d.span.start);
            let (end_line, end_column) = end_position(report, d);
            let mut result = json!({
                "ruleId": &*d.rule,
                "level": sarif_level(d.severity),
                "message": {"text": d.message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": sarif_uri(report.path)},
                        "region": {
                            "startLine": line,
                            "startColumn": column,
                            "endLine": end_line,
                            "endColumn": end_column,
                            "byteOffset": d.span.start,
                            "byteLength": d.span.len(),
                        }
                    }
                }],
            });
            let index = self.rules.iter().position(|r| r.id == d.rule);
            if let Some(index) = index {
                result["ruleIndex"] = json!(index);
            }
            if let Some(fix) = &d.fix {
                result["fixes"] = json!([{
                    "description": {"text": d.help.clone().unwrap_or_else(|| "apply the fix".to_string())},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": sarif_uri(report.path)},
                        "replacements": [{
                            "deletedRegion": {"byteOffset": fix.range.start, "byteLength": fix.range.len()},
                            "insertedContent": {"text": fix.replacement},
                        }]
                    }]
                }]);
            }
            self.results.push(result);
        }
        Ok(())
    }

    fn problem(&mut self, problem: &FileProblem) -> io::Result<()> {
        let (line, column) = problem.position.unwrap_or((1, 1));
        self.problems.push(json!({
            "level": "error",
            "message": {"text": format!("{}: {}", path_text(problem.path), problem.message)},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": sarif_uri(problem.path)},
                    "region": {"startLine": line, "startColumn": column}
                }
            }]
        }));
        problem_to_stderr(problem)
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        fixed_total_to_stderr(summary)?;
        let rules: Vec<serde_json::Value> = self
            .rules
            .iter()
            .map(|r| {
                let mut rule = json!({
                    "id": &*r.id,
                    "name": &*r.id,
                    "shortDescription": {"text": first_sentence(&r.description).unwrap_or_else(|| r.id.to_string())},
                    "fullDescription": {"text": if r.description.is_empty() { r.id.to_string() } else { r.description.clone() }},
                    "defaultConfiguration": {"level": sarif_level(r.severity)},
                    "properties": {"pack": r.pack, "kind": r.kind_name.as_str()},
                });
                if let Some(link) = &r.link {
                    rule["helpUri"] = json!(link);
                }
                rule
            })
            .collect();
        let document = json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "newslint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }},
                "columnKind": "unicodeCodePoints",
                "results": std::mem::take(&mut self.results),
                "invocations": [{
                    "executionSuccessful": self.problems.is_empty(),
                    "toolExecutionNotifications": std::mem::take(&mut self.problems),
                }],
            }]
        });
        crate::cli::json_text::to_writer_pretty(&mut self.out, &document)?;
        writeln!(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_percent_encoded_and_keep_every_byte_of_a_name() {
        assert_eq!(sarif_uri(Path::new("./desk/a b.md")), "desk/a%20b.md");
        assert_eq!(sarif_uri(Path::new("../x/100%.md")), "../x/100%25.md");
        assert_eq!(
            sarif_uri(Path::new("/srv/desk/a.md")),
            "file:///srv/desk/a.md"
        );
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            assert_eq!(sarif_uri(Path::new("back\\slash.md")), "back%5Cslash.md");
            let latin1 = std::ffi::OsStr::from_bytes(b"caf\xe9.md");
            assert_eq!(sarif_uri(Path::new(latin1)), "caf%E9.md");
        }
        #[cfg(windows)]
        {
            assert_eq!(sarif_uri(Path::new("desk\\a.md")), "desk/a.md");
            assert_eq!(
                sarif_uri(Path::new("C:\\desk\\a b.md")),
                "file:///C:/desk/a%20b.md"
            );
        }
    }

    #[test]
    fn a_title_is_the_whole_first_sentence() {
        let wrapped = "A weekday named with a date that falls on another\nday: `Thursday, May 9`. It says so.";
        assert_eq!(
            first_sentence(wrapped).as_deref(),
            Some("A weekday named with a date that falls on another day: `Thursday, May 9`.")
        );
        assert_eq!(
            first_sentence("AP does not use Mr., Mrs., Ms. or Miss in copy. Names stand alone.")
                .as_deref(),
            Some("AP does not use Mr., Mrs., Ms. or Miss in copy.")
        );
        assert_eq!(
            first_sentence("Write \"Sept.\" Always.").as_deref(),
            Some("Write \"Sept.\"")
        );
        assert_eq!(
            first_sentence("No full stop at all").as_deref(),
            Some("No full stop at all")
        );
        assert_eq!(first_sentence(" \n"), None);
    }
}

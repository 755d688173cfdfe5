//! The fixtures under tests/fixtures: each draws exactly the findings tests/FIXTURES.md lists
//! for it (worked out by hand from the contract), and its rendered human output is pinned
//! with an insta snapshot.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use newslint::line_index::LineIndex;
use newslint::{Document, Format, lint};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
}

fn fixture_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in [fixtures_dir(), fixtures_dir().join("clean")] {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// `## name` sections of FIXTURES.md, each a sorted list of `line: rule` (line `-` for
/// whole-file findings).
fn expected() -> BTreeMap<String, Vec<String>> {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/FIXTURES.md"))
            .unwrap();
    let mut sections: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        if let Some(name) = line.strip_prefix("## ") {
            let name = name.trim().trim_start_matches("clean/").to_string();
            sections.entry(name.clone()).or_default();
            current = Some(name);
        } else if let (Some(name), Some(item)) = (&current, line.strip_prefix("- ")) {
            let Some((at, rest)) = item.split_once(": ") else {
                continue;
            };
            let at = at.trim();
            if at != "-" && at.parse::<usize>().is_err() {
                continue;
            }
            let rule = rest
                .split_whitespace()
                .next()
                .unwrap_or("")
                .trim_end_matches(',');
            let count = rest.matches(rule).count().max(1);
            let count = if rest.contains('×') || rest.contains("twice") {
                count.max(2)
            } else {
                1
            };
            for _ in 0..count {
                sections
                    .get_mut(name)
                    .unwrap()
                    .push(format!("{at}: {rule}"));
            }
        }
    }
    for list in sections.values_mut() {
        list.sort();
    }
    sections
}

fn news_rules() -> newslint::RuleSet {
    newslint::rules::builtin_rules(&["news"]).unwrap()
}

#[test]
fn fixtures_draw_exactly_the_expected_findings() {
    let rules = news_rules();
    let expected = expected();
    let mut mismatches = Vec::new();
    for path in fixture_files() {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let Some(want) = expected.get(&name) else {
            mismatches.push(format!("{name}: no section in tests/FIXTURES.md"));
            continue;
        };
        let source = std::fs::read_to_string(&path).unwrap();
        let doc = Document::parse(source, Format::from_path(&path)).unwrap();
        let lines = LineIndex::new(doc.source());
        let mut got: Vec<String> = lint(&rules, &doc)
            .iter()
            .map(|d| {
                let at = if &*d.rule == "photo-credit-missing" {
                    "-".to_string()
                } else {
                    lines.line(d.span.start).to_string()
                };
                format!("{at}: {}", d.rule)
            })
            .collect();
        got.sort();
        if &got != want {
            mismatches.push(format!("{name}:\n  expected {want:?}\n  found    {got:?}"));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn human_output_of_every_fixture() {
    for path in fixture_files() {
        let relative = path.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap();
        let output = Command::cargo_bin("newslint")
            .unwrap()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args([
                "check",
                "--isolated",
                "--color",
                "never",
                "--fail-on",
                "never",
            ])
            .arg(relative)
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let name = relative.to_string_lossy().replace(['/', '.'], "_");
        insta::assert_snapshot!(name, String::from_utf8(output.stdout).unwrap());
    }
}

/// The sample articles with both built-in packs (news and ap) and the desk's facts file:
/// the rendered human output of each is pinned, so a change to any rule, pack or renderer
/// that moves a finding on real-looking copy shows in review.
#[test]
fn human_output_of_every_article_with_the_news_and_ap_packs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let settings = tempfile::tempdir().unwrap();
    let config = settings.path().join("newslint.toml");
    let facts = root.join("articles").join("facts.toml");
    std::fs::write(
        &config,
        format!(
            "packs = [\"news\", \"ap\"]\nfacts = [{}]\n",
            toml_string(&facts.to_string_lossy())
        ),
    )
    .unwrap();
    let mut articles: Vec<PathBuf> = std::fs::read_dir(root.join("articles"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "md" || e == "txt"))
        .collect();
    articles.sort();
    assert!(articles.len() >= 10, "{articles:?}");
    for path in articles {
        let relative = path.strip_prefix(root).unwrap();
        let output = Command::cargo_bin("newslint")
            .unwrap()
            .current_dir(root)
            .args([
                "check",
                "--color",
                "never",
                "--fail-on",
                "never",
                "--config",
            ])
            .arg(&config)
            .arg(relative)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{stderr}");
        // The facts file's path is in the help lines: the checkout's folder varies.
        let stdout = String::from_utf8(output.stdout)
            .unwrap()
            .replace(&root.to_string_lossy().to_string(), "[ROOT]");
        let name = format!(
            "news_ap_{}",
            relative.to_string_lossy().replace(['/', '.'], "_")
        );
        insta::assert_snapshot!(name, stdout);
    }
}

/// A TOML basic string holding `text`.
fn toml_string(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

//! Every rule on the three new formats. Each bad and good example of every built-in pack is
//! read as Markdown into the article model (headline, dek, body, subheads, credits, front
//! matter), and that same article is written out as an HTML fragment, a Word document,
//! NITF and NewsML-G2. Read back, each must draw the same findings on the same words as the
//! Markdown (none for a good example): each finding's span in the file itself (the markup,
//! entities decoded and tags dropped) covers the same words as in the Markdown.

mod common;

use newslint::SourceFile;
use newslint::article::entities::decode;
use newslint::article::{Document, Format, Role};
use newslint::facts::Facts;
use newslint::lint::lint_with;
use newslint::rules::prefilter::Prefilter;
use newslint::rules::{BUILTIN_PACKS, Expectation, Rule, load_pack_file};

/// The article an example is, as plain values.
struct Article {
    meta: Vec<(String, String)>,
    blocks: Vec<(Role, String)>,
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn article_of(doc: &Document) -> Article {
    let meta: Vec<(String, String)> = doc
        .front_matter()
        .map(|fm| {
            fm.entries
                .iter()
                .map(|e| (e.key.clone(), e.value.clone()))
                .collect()
        })
        .unwrap_or_default();
    let mut blocks: Vec<(Role, String)> = doc
        .blocks()
        .iter()
        .map(|b| (b.role, one_line(doc.prose_at(b.span.clone()))))
        .filter(|(_, text)| !text.is_empty())
        .collect();
    if !blocks.iter().any(|b| b.0 == Role::Headline)
        && let Some((_, title)) = meta.iter().find(|(k, _)| k == "title")
    {
        blocks.insert(0, (Role::Headline, title.clone()));
    }
    Article { meta, blocks }
}

impl Article {
    fn meta(&self, key: &str) -> Option<&str> {
        self.meta
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn html_fragment(article: &Article) -> String {
    // A fragment's metadata is in `<meta>` elements, as a CMS export writes it.
    let mut html = String::new();
    for (key, name) in [
        ("date", "property=\"article:published_time\""),
        ("byline", "name=\"author\""),
    ] {
        if let Some(value) = article.meta(key) {
            html.push_str(&format!("<meta {name} content=\"{}\">\n", escape(value)));
        }
    }
    for (role, text) in &article.blocks {
        let text = escape(text);
        html.push_str(&match role {
            Role::Headline => format!("<h1>{text}</h1>\n"),
            Role::Heading => format!("<h2>{text}</h2>\n"),
            Role::Dek => format!("<p class=\"dek\">{text}</p>\n"),
            Role::Credit => format!("<figure><figcaption>{text}</figcaption></figure>\n"),
            Role::Table => format!("<table><tr><td>{text}</td></tr></table>\n"),
            _ => format!("<p>{text}</p>\n"),
        });
    }
    if let Some(credit) = article.meta("photo_credit") {
        html.push_str(&format!(
            "<p class=\"photo-credit\">{}</p>\n",
            escape(credit)
        ));
    }
    html
}

fn nitf(article: &Article) -> String {
    let mut head = String::new();
    let mut content = String::new();
    let mut headline = None;
    let mut dek = None;
    for (role, text) in &article.blocks {
        let text = escape(text);
        match role {
            Role::Headline if headline.is_none() => headline = Some(text),
            Role::Dek if dek.is_none() => dek = Some(text),
            Role::Headline | Role::Heading => content.push_str(&format!("<hl2>{text}</hl2>\n")),
            Role::Credit => content.push_str(&format!(
                "<media media-type=\"image\"><media-caption>{text}</media-caption></media>\n"
            )),
            _ => content.push_str(&format!("<p>{text}</p>\n")),
        }
    }
    head.push_str("<hedline>");
    if let Some(h) = headline {
        head.push_str(&format!("<hl1>{h}</hl1>"));
    }
    if let Some(d) = dek {
        head.push_str(&format!("<hl2>{d}</hl2>"));
    }
    head.push_str("</hedline>\n");
    if let Some(byline) = article.meta("byline") {
        head.push_str(&format!("<byline>{}</byline>\n", escape(byline)));
    }
    if let Some(credit) = article.meta("photo_credit") {
        content.push_str(&format!(
            "<media media-type=\"image\"><media-producer>{}</media-producer></media>\n",
            escape(credit)
        ));
    }
    let docdata = article
        .meta("date")
        .map(|d| format!("<docdata><date.issue norm=\"{}\"/></docdata>", escape(d)))
        .unwrap_or_default();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<nitf>\n<head>{docdata}</head>\n<body>\n<body.head>\n{head}</body.head>\n<body.content>\n{content}</body.content>\n</body>\n</nitf>\n"
    )
}

fn newsml(article: &Article) -> String {
    let mut meta = String::new();
    let mut xhtml = String::new();
    let mut headline_written = false;
    let mut dek_written = false;
    if let Some(date) = article.meta("date") {
        meta.push_str(&format!(
            "<contentCreated>{}</contentCreated>",
            escape(date)
        ));
    }
    if let Some(byline) = article.meta("byline") {
        meta.push_str(&format!("<by>{}</by>", escape(byline)));
    }
    if let Some(credit) = article.meta("photo_credit") {
        meta.push_str(&format!("<creditline>{}</creditline>", escape(credit)));
    }
    for (role, text) in &article.blocks {
        let text = escape(text);
        match role {
            Role::Headline if !headline_written => {
                headline_written = true;
                meta.push_str(&format!("<headline>{text}</headline>"));
            }
            Role::Dek if !dek_written => {
                dek_written = true;
                meta.push_str(&format!("<description>{text}</description>"));
            }
            Role::Headline | Role::Heading => xhtml.push_str(&format!("<h2>{text}</h2>\n")),
            Role::Credit => xhtml.push_str(&format!(
                "<figure><figcaption>{text}</figcaption></figure>\n"
            )),
            _ => xhtml.push_str(&format!("<p>{text}</p>\n")),
        }
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"urn:newsml:example.org:1\" version=\"1\">\n<contentMeta>{meta}</contentMeta>\n<contentSet><inlineXML contenttype=\"application/xhtml+xml\"><html xmlns=\"http://www.w3.org/1999/xhtml\"><body>\n{xhtml}</body></html></inlineXML></contentSet>\n</newsItem>\n"
    )
}

fn word(article: &Article) -> Vec<u8> {
    use common::docx::{docx, para, run};
    // Word has no front matter: the date and byline are lines of their own under the
    // headline, the credit a `Photo:` line. A file without a Title paragraph reads its
    // first line as the headline (as a plain-text export does), so the headline-less
    // examples get one.
    let mut blocks = article.blocks.clone();
    if !blocks.iter().any(|b| b.0 == Role::Headline) {
        blocks.insert(0, (Role::Headline, "Harbour news".to_string()));
    }
    let mut body = String::new();
    let mut headline_written = false;
    for (role, text) in &blocks {
        let style = match role {
            Role::Headline if !headline_written => "Title",
            Role::Headline | Role::Heading => "Heading2",
            Role::Dek => "Subtitle",
            _ => "",
        };
        body.push_str(&para(style, &run(&escape(text))));
        if *role == Role::Headline && !headline_written {
            headline_written = true;
            if let Some(date) = article.meta("date") {
                body.push_str(&para("", &run(&escape(date))));
            }
            if let Some(byline) = article.meta("byline") {
                body.push_str(&para("", &run(&escape(&format!("By {byline}")))));
            }
        }
    }
    if let Some(credit) = article.meta("photo_credit") {
        body.push_str(&para("", &run(&escape(&format!("Photo: {credit}")))));
    }
    docx(&body)
}

/// The rule's findings on a document, as (rule, the words the span covers in the file).
fn findings(rule: &Rule, facts: &Facts, doc: &Document) -> Vec<(String, String)> {
    lint_with([rule], doc, facts, &Prefilter::new([rule]))
        .iter()
        .map(|d| {
            (
                d.rule.to_string(),
                file_words(doc.file_text(), d.span.clone()),
            )
        })
        .collect()
}

/// The file's text under a span, tags dropped and entities decoded.
fn file_words(file: &str, span: std::ops::Range<usize>) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in file[span].chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    one_line(&decode(&text))
}

#[test]
fn every_rule_draws_the_same_findings_in_every_format() {
    let mut failures = Vec::new();
    let mut compared = 0;
    for (pack, text) in BUILTIN_PACKS {
        let rules = load_pack_file(&SourceFile::new(format!("builtin:{pack}"), *text))
            .unwrap_or_else(|_| panic!("pack {pack} loads"));
        for rule in &rules {
            for example in &rule.examples {
                // Suppression comments are Markdown's and plain text's: the markup formats
                // hide comments from the checks by design.
                if rule.id.as_ref() == "unused-suppression" {
                    continue;
                }
                let facts = match &example.facts {
                    None => Facts::default(),
                    Some(toml) => Facts::load(&[SourceFile::new("facts", toml.as_str())], &[])
                        .expect("the example's facts load"),
                };
                // Read as the example says (Markdown unless it names another format).
                let markdown = Document::parse(example.text.clone(), example.format)
                    .expect("the example parses");
                let expected = findings(rule, &facts, &markdown);
                assert_eq!(
                    expected.is_empty(),
                    example.expect == Expectation::Good,
                    "{}: the Markdown example itself",
                    rule.id
                );
                let article = article_of(&markdown);
                let written: Vec<(&str, Result<Document, String>, Option<String>)> = vec![
                    {
                        let html = html_fragment(&article);
                        (
                            "HTML",
                            Document::parse(html.clone(), Format::Html).map_err(|e| e.message),
                            Some(html),
                        )
                    },
                    {
                        let xml = nitf(&article);
                        (
                            "NITF",
                            Document::parse(xml.clone(), Format::Xml).map_err(|e| e.message),
                            Some(xml),
                        )
                    },
                    {
                        let xml = newsml(&article);
                        (
                            "NewsML-G2",
                            Document::parse(xml.clone(), Format::Xml).map_err(|e| e.message),
                            Some(xml),
                        )
                    },
                    (
                        ".docx",
                        Document::read_docx(&word(&article)).map_err(|e| e.to_string()),
                        None,
                    ),
                ];
                for (format, doc, file) in written {
                    compared += 1;
                    let doc = match doc {
                        Ok(doc) => doc,
                        Err(message) => {
                            failures.push(format!("{} ({format}): not read: {message}", rule.id));
                            continue;
                        }
                    };
                    let words = findings(rule, &facts, &doc);
                    if words != expected {
                        failures.push(format!(
                            "{} ({format}): {words:?}, Markdown {expected:?}\n  example: {:?}\n  file: {file:?}",
                            rule.id, example.text
                        ));
                    }
                }
            }
        }
    }
    assert!(compared > 100, "only {compared} examples compared");
    assert!(
        failures.is_empty(),
        "{} of {compared}:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

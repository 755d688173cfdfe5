//! A page's metadata: headline, date, byline and photo credit, from `<meta>` tags
//! (Open Graph, `article:published_time`, `author`), JSON-LD `NewsArticle` objects,
//! `<time datetime>`, `<title>`, byline and credit elements. Each value keeps the file range
//! it was read from, so a finding in it points at the attribute or element in the file.

use std::ops::Range;

use serde_json::Value;

use super::page::{is_furniture, is_hidden, is_skipped_tag};
use super::tree::{Element, TextKind, Tree};
use crate::article::credit_value;
use crate::article::entities::decode;
use crate::article::extracted::ArticleBuilder;

/// Largest JSON-LD block read (bigger ones are some site's data dump, not article metadata).
const MAX_JSON_LD: usize = 2 << 20;

/// A metadata value and the file range it came from.
#[derive(Clone, Debug)]
pub(super) struct Value_ {
    pub(super) text: String,
    pub(super) range: Range<usize>,
    /// The text is the file's bytes as they stand.
    exact: bool,
}

/// What the page says about itself.
#[derive(Debug, Default)]
pub struct Found {
    title: Option<Value_>,
    date: Option<Value_>,
    byline: Option<Value_>,
    photo_credit: Option<Value_>,
    /// JSON-LD `articleBody`: the body of a page whose visible body a script renders.
    pub article_body: Option<Value_>,
    /// Byline elements: metadata, not body text.
    pub byline_elements: Vec<u32>,
}

impl Found {
    /// Put the values into the article's metadata.
    pub fn push_into(&self, builder: &mut ArticleBuilder) {
        for (key, value) in [
            ("title", &self.title),
            ("date", &self.date),
            ("byline", &self.byline),
            ("photo_credit", &self.photo_credit),
        ] {
            if let Some(v) = value {
                builder.meta(key, &v.text, v.range.clone(), v.exact);
            }
        }
    }
}

fn attr_value(element: &Element, name: &str) -> Option<Value_> {
    let value = element.attr(name)?;
    let range = value.range.clone()?;
    let text = decode(&value.raw);
    Some(Value_ {
        exact: text == value.raw,
        text,
        range,
    })
}

/// The decoded text of an element and the range from its first text to its last.
fn element_text(tree: &Tree, html: &str, index: u32) -> Option<Value_> {
    let mut text = String::new();
    let mut range: Option<Range<usize>> = None;
    for t in tree.texts_under(index, |e| is_skipped_tag(&e.tag)) {
        let node = &tree.texts[t as usize];
        if node.kind != TextKind::Data {
            continue;
        }
        text.push_str(&decode(&html[node.range.clone()]));
        text.push(' ');
        range = Some(match range {
            Some(r) => r.start..node.range.end,
            None => node.range.clone(),
        });
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then(|| Value_ {
        text,
        range: range.expect("text was found"),
        exact: false,
    })
}

fn in_furniture(tree: &Tree, index: u32) -> bool {
    tree.self_and_ancestors(index).any(|i| {
        let e = &tree.elements[i as usize];
        is_skipped_tag(&e.tag)
            || is_hidden(e)
            || e.house_exclude
            || (matches!(e.tag.as_str(), "header" | "footer") && is_furniture(e))
    })
}

/// The page's `<h1>` that heads the article: inside `<article>` if there is one.
pub fn first_headline(tree: &Tree) -> Option<u32> {
    let h1s: Vec<u32> = (0..tree.elements.len() as u32)
        .filter(|&i| tree.elements[i as usize].tag == "h1" && !in_furniture(tree, i))
        .collect();
    let in_article = h1s.iter().copied().find(|&i| {
        tree.ancestors(i)
            .any(|a| tree.elements[a as usize].tag == "article")
    });
    in_article.or_else(|| h1s.first().copied())
}

/// A summary under the headline, by its class.
pub fn is_dek(element: &Element) -> bool {
    let words = &element.class_id;
    ["dek ", "standfirst", "deck ", "-dek", "_dek"]
        .iter()
        .any(|w| words.contains(w))
}

/// Read what the page says about itself.
pub fn read(tree: &Tree, html: &str, is_page: bool) -> Found {
    let mut found = Found::default();
    let mut title_tag = None;
    let mut time = None;
    for (index, element) in tree.elements.iter().enumerate() {
        let index = index as u32;
        match element.tag.as_str() {
            "meta" => {
                let key = element
                    .attr("property")
                    .or_else(|| element.attr("name"))
                    .or_else(|| element.attr("itemprop"))
                    .map(|v| v.raw.to_ascii_lowercase());
                let Some(key) = key else { continue };
                let slot = match key.as_str() {
                    "og:title" | "twitter:title" => &mut found.title,
                    "article:published_time"
                    | "datepublished"
                    | "pubdate"
                    | "publish-date"
                    | "parsely-pub-date"
                    | "dc.date"
                    | "date"
                    | "sailthru.date" => &mut found.date,
                    "author" | "byl" | "parsely-author" | "sailthru.author" => &mut found.byline,
                    _ => continue,
                };
                if slot.is_none() {
                    *slot = attr_value(element, "content");
                }
            }
            "time" if time.is_none() => time = attr_value(element, "datetime"),
            _ => {}
        }
        let is_byline = element.class_id.contains("byline")
            || element
                .attr("rel")
                .is_some_and(|v| v.raw.eq_ignore_ascii_case("author"))
            || element
                .attr("itemprop")
                .is_some_and(|v| v.raw.eq_ignore_ascii_case("author"));
        if is_byline && element.tag != "meta" && element.tag != "link" {
            if !found
                .byline_elements
                .iter()
                .any(|&b| is_inside(tree, index, b))
            {
                found.byline_elements.push(index);
            }
            if found.byline.is_none() {
                found.byline = element_text(tree, html, index);
            }
        }
        let is_credit = element.tag == "figcaption" || element.class_id.contains("credit");
        if is_credit && found.photo_credit.is_none() && !in_furniture(tree, index) {
            // A label with nothing after it (`Photo:`) is a credit left blank, not a credit.
            found.photo_credit = element_text(tree, html, index)
                .filter(|v| credit_value(&v.text).is_none_or(|name| !name.is_empty()));
        }
    }
    for node in &tree.texts {
        match node.kind {
            TextKind::Title if title_tag.is_none() => {
                let raw = &html[node.range.clone()];
                title_tag = Some(Value_ {
                    text: decode(raw).trim().to_string(),
                    range: node.range.clone(),
                    exact: false,
                });
            }
            TextKind::JsonLd if node.range.len() <= MAX_JSON_LD => {
                json_ld(&html[node.range.clone()], node.range.clone(), &mut found);
            }
            _ => {}
        }
    }
    if found.date.is_none() {
        found.date = time;
    }
    if found.title.is_none() && is_page {
        found.title = title_tag;
    }
    found
}

fn is_inside(tree: &Tree, index: u32, ancestor: u32) -> bool {
    let mut at = Some(index);
    while let Some(i) = at {
        if i == ancestor {
            return true;
        }
        at = tree.elements[i as usize].parent;
    }
    false
}

/// Headline, date and author of the first JSON-LD object whose type names an article.
fn json_ld(raw: &str, range: Range<usize>, found: &mut Found) {
    let Ok(value) = serde_json::from_str::<Value>(raw.trim()) else {
        return;
    };
    let Some(article) = find_article(&value, 0) else {
        return;
    };
    let text = |v: Option<&Value>| -> Option<Value_> {
        let s = match v? {
            Value::String(s) => s.clone(),
            Value::Object(o) => o.get("name")?.as_str()?.to_string(),
            Value::Array(items) => items
                .iter()
                .filter_map(|i| match i {
                    Value::String(s) => Some(s.clone()),
                    Value::Object(o) => o.get("name")?.as_str().map(str::to_string),
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join(", "),
            _ => return None,
        };
        let s = decode(&s);
        (!s.trim().is_empty()).then(|| Value_ {
            text: s,
            range: range.clone(),
            exact: false,
        })
    };
    if found.title.is_none() {
        found.title = text(article.get("headline"));
    }
    if found.date.is_none() {
        found.date = text(article.get("datePublished"));
    }
    if found.byline.is_none() {
        found.byline = text(article.get("author"));
    }
    if found.article_body.is_none() {
        found.article_body = text(article.get("articleBody"));
    }
}

fn find_article(value: &Value, depth: usize) -> Option<&serde_json::Map<String, Value>> {
    if depth > 4 {
        return None;
    }
    match value {
        Value::Array(items) => items.iter().find_map(|v| find_article(v, depth + 1)),
        Value::Object(object) => {
            let is_article = match object.get("@type") {
                Some(Value::String(t)) => t.contains("Article") || t == "BlogPosting",
                Some(Value::Array(ts)) => ts
                    .iter()
                    .any(|t| t.as_str().is_some_and(|t| t.contains("Article"))),
                _ => false,
            };
            if is_article {
                return Some(object);
            }
            object
                .get("@graph")
                .and_then(|g| find_article(g, depth + 1))
        }
        _ => None,
    }
}

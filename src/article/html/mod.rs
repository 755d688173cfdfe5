//! HTML articles: a body fragment as a CMS stores it, or a whole published page whose
//! article is found among its furniture. Block elements are paragraphs, `<h1>` the
//! headline and `<h2>`–`<h6>` subheads, `<figcaption>` and credit classes credits; scripts,
//! styles, comments and attributes are not prose. Metadata (`og:title`, JSON-LD,
//! `article:published_time`, `<time>`, bylines) goes into the article's metadata.

mod meta;
mod page;
pub mod tree;

use lol_html::Selector;

use super::Role;
use super::entities::push_text;
use super::extracted::{ArticleBuilder, Extracted};
use page::{Stats, is_furniture, is_hidden};
use tree::{Child, Tree};

/// A house's own template: CSS selectors for the article body and for what is not article.
#[derive(Clone, Debug, Default)]
pub struct HtmlOptions {
    /// Elements that hold the body (`article .story-body`); beats every heuristic.
    pub body: Vec<Selector>,
    /// Elements that are never article text (`.newsletter-signup`).
    pub exclude: Vec<Selector>,
}

/// Tags that make a paragraph of their own.
const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "figcaption",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "pre",
    "td",
    "th",
    "dt",
    "dd",
    "address",
    "table",
    "tr",
    "ul",
    "ol",
    "dl",
    "figure",
    "caption",
    "hr",
    "body",
    "html",
    "center",
];

/// Read an HTML file into an article.
pub fn read(html: &str, options: &HtmlOptions) -> Result<Extracted, String> {
    let tree = tree::parse(html, &options.body, &options.exclude).map_err(|e| e.0)?;
    let is_page = tree
        .elements
        .iter()
        .any(|e| matches!(e.tag.as_str(), "html" | "head" | "body"));
    let stats = page::stats(&tree, html);
    let mut builder = ArticleBuilder::new();
    let found = meta::read(&tree, html, is_page);
    found.push_into(&mut builder);
    let mut walker = Walker {
        tree: &tree,
        html,
        stats: &stats,
        builder,
        page: is_page,
        headline: None,
        skip: found.byline_elements.clone(),
        found_body: false,
    };
    if is_page {
        if let Some(h1) = meta::first_headline(&tree) {
            walker.walk(&[Child::Element(h1)]);
            walker.headline = Some(h1);
        }
        let containers: Vec<Child> = page::body_containers(&tree, html, &stats)
            .into_iter()
            .map(Child::Element)
            .collect();
        walker.walk(&containers);
    } else {
        walker.walk(&tree.roots);
    }
    if is_page
        && !walker.found_body
        && let Some(body) = &found.article_body
    {
        read_json_ld_body(&mut walker.builder, body);
    }
    let mut extracted = walker.builder.finish(html.len());
    if is_page {
        drop_repeated_blocks(&mut extracted);
    }
    Ok(extracted)
}

/// A page whose visible body is empty (a script renders it) but whose JSON-LD holds its
/// `articleBody`: that is the body, a paragraph a line. Its findings point at the JSON-LD
/// script as a whole (the string's escapes are not the text) and are never fixed there.
fn read_json_ld_body(builder: &mut ArticleBuilder, body: &meta::Value_) {
    for line in body.text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        builder.open(Role::Body, body.range.start);
        builder.unmapped(line, body.range.clone());
        builder.close(body.range.end);
    }
}

/// A page that says the same paragraph twice (a caption under every copy of a photo, a
/// body in both a mobile and a desktop template) is read once: the first time.
fn drop_repeated_blocks(extracted: &mut Extracted) {
    let mut seen = std::collections::HashSet::new();
    let text = &extracted.text;
    extracted.blocks.retain(|block| {
        block.role != Role::Body
            || text[block.span.clone()].len() < 150
            || seen.insert(&text[block.span.clone()])
    });
}

struct Walker<'a> {
    tree: &'a Tree,
    html: &'a str,
    stats: &'a Stats,
    builder: ArticleBuilder,
    page: bool,
    /// The `<h1>` already read as the headline.
    headline: Option<u32>,
    skip: Vec<u32>,
    /// Whether a body paragraph was read.
    found_body: bool,
}

struct Frame<'c> {
    children: &'c [Child],
    next: usize,
    /// The role to go back to when the element of this frame ends.
    role: Option<Role>,
    end: usize,
}

impl<'a> Walker<'a> {
    fn role_of(&mut self, index: u32) -> Option<Role> {
        let element = &self.tree.elements[index as usize];
        let tag = element.tag.as_str();
        // A caption under a photo is a credit line, whatever element holds it
        // (`<span class="newsCaption">`, WordPress's `wp-caption-text`), like `<figcaption>`.
        if element.class_id.contains("caption") && tag != "body" && tag != "html" {
            return Some(Role::Credit);
        }
        if !BLOCKS.contains(&tag) {
            return None;
        }
        Some(match tag {
            "h1" if self.headline.is_none() => {
                self.headline = Some(index);
                Role::Headline
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Role::Heading,
            "figcaption" => Role::Credit,
            _ if element.class_id.contains("credit") => Role::Credit,
            _ if meta::is_dek(element) => Role::Dek,
            _ => Role::Body,
        })
    }

    fn skipped(&self, index: u32) -> bool {
        let element = &self.tree.elements[index as usize];
        let i = index as usize;
        if self.stats.skipped[i]
            || element.house_exclude
            || is_hidden(element)
            || self.skip.contains(&index)
            || (self.headline == Some(index) && element.tag == "h1" && self.page)
        {
            return true;
        }
        if !self.page || element.house_body {
            return false;
        }
        let text = self.stats.text[i];
        let link = self.stats.link[i];
        let linky = text > 0
            && link * 2 > text
            && text < 400
            && matches!(
                element.tag.as_str(),
                "p" | "li" | "ul" | "ol" | "div" | "section" | "table"
            );
        is_furniture(element) || linky || matches!(element.tag.as_str(), "footer")
    }

    fn walk<'c>(&mut self, roots: &'c [Child])
    where
        'a: 'c,
    {
        let mut stack = vec![Frame {
            children: roots,
            next: 0,
            role: None,
            end: 0,
        }];
        let mut role = Role::Body;
        let mut pending = true;
        while let Some(frame) = stack.last_mut() {
            let Some(&child) = frame.children.get(frame.next) else {
                let done = stack.pop().expect("a frame is open");
                if let Some(outer) = done.role {
                    role = outer;
                    self.builder.close(done.end);
                    pending = true;
                }
                continue;
            };
            frame.next += 1;
            match child {
                Child::Text(t) => {
                    let node = &self.tree.texts[t as usize];
                    if node.kind != tree::TextKind::Data {
                        continue;
                    }
                    let raw = &self.html[node.range.clone()];
                    if raw.trim().is_empty() {
                        if !pending {
                            self.builder.space(node.range.start);
                        }
                        continue;
                    }
                    if pending {
                        self.builder.open(role, node.range.start);
                        pending = false;
                    }
                    self.found_body |= role == Role::Body;
                    let id = self.builder.new_node();
                    push_text(&mut self.builder, raw, node.range.start, id);
                }
                Child::Element(e) => {
                    if self.skipped(e) {
                        continue;
                    }
                    let element = &self.tree.elements[e as usize];
                    if element.tag == "br" {
                        if !pending {
                            self.builder.space(element.start);
                        }
                        continue;
                    }
                    let end = self.element_end(e);
                    let mut outer = None;
                    // An inline caption inside a caption (the credit's own span) stays in its line.
                    let inline_in_credit =
                        role == Role::Credit && !BLOCKS.contains(&element.tag.as_str());
                    if let Some(inner) = self.role_of(e).filter(|_| !inline_in_credit) {
                        // Inside a credit or headline, nested blocks keep that role.
                        let keep = matches!(role, Role::Credit | Role::Headline | Role::Dek)
                            && inner == Role::Body;
                        outer = Some(role);
                        if !keep {
                            role = inner;
                        }
                        self.builder.close(element.start);
                        pending = true;
                    }
                    stack.push(Frame {
                        children: &element.children,
                        next: 0,
                        role: outer,
                        end,
                    });
                }
            }
        }
        self.builder.close(self.html.len());
    }

    /// Where the element's content ends (its last text), for the empty-block bookkeeping.
    fn element_end(&self, index: u32) -> usize {
        let mut at = index;
        loop {
            match self.tree.elements[at as usize].children.last() {
                Some(Child::Element(e)) => at = *e,
                Some(Child::Text(t)) => return self.tree.texts[*t as usize].range.end,
                None => return self.tree.elements[at as usize].start,
            }
        }
    }
}

#[cfg(test)]
mod tests;

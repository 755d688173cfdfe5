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
    let mut extracted = walker.builder.finish(html.len());
    if is_page {
        drop_repeated_blocks(&mut extracted);
    }
    Ok(extracted)
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
                    if let Some(inner) = self.role_of(e) {
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
mod tests {
    use super::*;

    fn blocks(html: &str) -> Vec<(Role, String)> {
        let out = read(html, &HtmlOptions::default()).unwrap();
        out.blocks
            .iter()
            .map(|b| (b.role, out.text[b.span.clone()].to_string()))
            .collect()
    }

    #[test]
    fn fragment_blocks_and_roles() {
        let html = "<h1>Bridge &amp; road to close</h1>\n<p>The   council\n voted <b>on</b> Tuesday.</p><script>var a = 'the the';</script><!-- the the -->\n<h2>Later</h2><p>More<br>text.<p>Unclosed one.\n<figure><img src=x alt=\"the the\"><figcaption>Photo: Ada Lum/Post</figcaption></figure>";
        assert_eq!(
            blocks(html),
            vec![
                (Role::Headline, "Bridge & road to close".to_string()),
                (Role::Body, "The council voted on Tuesday.".to_string()),
                (Role::Heading, "Later".to_string()),
                (Role::Body, "More text.".to_string()),
                (Role::Body, "Unclosed one.".to_string()),
                (Role::Credit, "Photo: Ada Lum/Post".to_string()),
            ]
        );
    }

    #[test]
    fn spans_point_into_the_file() {
        let html = "<p>Don&rsquo;t   the the vote.</p>";
        let out = read(html, &HtmlOptions::default()).unwrap();
        let at = out.text.find("the the").unwrap();
        let span = out.map.file_span(at..at + 7);
        assert_eq!(&html[span], "the the");
        let apostrophe = out.text.find('’').unwrap();
        assert_eq!(
            &html[out.map.file_span(apostrophe..apostrophe + 3)],
            "&rsquo;"
        );
    }

    #[test]
    fn deep_nesting_is_no_trouble() {
        let html = format!(
            "{}<p>Deep text.</p>{}",
            "<div>".repeat(5000),
            "</div>".repeat(5000)
        );
        assert_eq!(blocks(&html), vec![(Role::Body, "Deep text.".to_string())]);
    }

    #[test]
    fn page_wrappers_are_not_furniture() {
        // An ASP.NET page wraps everything in one form; WordPress puts the post's category
        // and tag slugs on the article; page builders call the body a widget; `lead-in`
        // is no advertisement.
        let sentence = "The harbour board met on Tuesday, for the third time this month, and agreed, after a long debate about costs, to rebuild the north wall.";
        // Four paragraphs of this fill the form past the size of a search box.
        let paragraph = [sentence; 4].join(" ");
        let [a, b, c, d] = ["One", "Two", "Three", "Four"].map(|n| format!("{n}. {paragraph}"));
        let html = format!(
            "<html><body><form id=\"aspnetForm\"><nav><a href=/>Home</a></nav>\
             <div class=\"post type-post category-advertising tag-social-media\">\
             <div class=\"elementor-widget elementor-widget-theme-post-content\"><div class=\"elementor-widget-container\">\
             <p>{a}</p><p class=\"lead-in\">{b}</p><p>{c}</p><p>{d}</p>\
             <div class=\"share-tools\">Share this story with a friend, today, please, now.</div>\
             </div></div></div></form><form class=search><p>Search the site</p></form></body></html>"
        );
        let body: Vec<String> = blocks(&html)
            .into_iter()
            .filter(|(role, _)| *role == Role::Body)
            .map(|(_, text)| text)
            .collect();
        assert_eq!(body, vec![a, b, c, d]);
    }

    #[test]
    fn a_page_that_repeats_its_body_is_read_once() {
        let long = "The ferry to Saltmarsh will run twice a day from June, the operator said, after a summer of complaints about the single sailing.";
        let copy = format!("<p>{long} {long}</p><p>Eat every two hours</p>");
        let html = format!(
            "<html><body><div itemprop=articleBody>{copy}</div><div itemprop=articleBody>{copy}</div></body></html>"
        );
        let body: Vec<String> = blocks(&html).into_iter().map(|(_, text)| text).collect();
        // The long paragraph once; a short line that may repeat in a list, as often as it stands.
        assert_eq!(
            body,
            vec![
                format!("{long} {long}"),
                "Eat every two hours".to_string(),
                "Eat every two hours".to_string()
            ]
        );
    }
}

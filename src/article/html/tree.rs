//! An HTML file as a light tree of elements and text nodes with their byte ranges, read in
//! one pass of lol_html's tokenizer. lol_html reports exact byte positions of tags, text
//! and attribute values and matches CSS selectors as it goes (so a house's selectors in
//! `newslint.toml` cost no second pass); it builds no DOM, so the open-element stack and
//! the implied end tags of `<p>` and `<li>` are kept here.

use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use lol_html::html_content::{Element as LolElement, TextType};
use lol_html::{DocumentContentHandlers, ElementContentHandlers, HtmlRewriter, Selector, Settings};

/// The most memory lol_html may buffer for one token (a huge attribute, a giant comment).
const MAX_TOKEN_MEMORY: usize = 64 << 20;

/// Which part of the page a text node is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextKind {
    /// Ordinary text.
    Data,
    /// The `<title>`.
    Title,
    /// The inside of `<script type="application/ld+json">`.
    JsonLd,
}

/// A text node: its raw bytes' range in the file.
#[derive(Clone, Debug)]
pub struct TextNode {
    pub range: Range<usize>,
    pub parent: Option<u32>,
    pub kind: TextKind,
}

/// A child of an element, in document order.
#[derive(Clone, Copy, Debug)]
pub enum Child {
    Element(u32),
    Text(u32),
}

/// An attribute value and where its raw bytes are.
#[derive(Clone, Debug)]
pub struct AttrValue {
    pub raw: String,
    pub range: Option<Range<usize>>,
}

/// An element with the attributes the reader looks at.
#[derive(Clone, Debug, Default)]
pub struct Element {
    pub tag: String,
    pub parent: Option<u32>,
    pub children: Vec<Child>,
    /// `class` and `id`, lower-cased, joined by a space.
    pub class_id: String,
    pub attrs: Vec<(String, AttrValue)>,
    /// Offset of the start tag.
    pub start: usize,
    /// A house selector in `newslint.toml` names it as the body.
    pub house_body: bool,
    /// A house selector names it as not part of the article.
    pub house_exclude: bool,
}

impl Element {
    /// The value of an attribute the reader kept.
    pub fn attr(&self, name: &str) -> Option<&AttrValue> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }
}

/// The parsed page.
#[derive(Debug, Default)]
pub struct Tree {
    pub elements: Vec<Element>,
    pub texts: Vec<TextNode>,
    /// Top-level children (outside any element).
    pub roots: Vec<Child>,
}

impl Tree {
    /// The element and its ancestors, nearest first: every upward walk of the readers.
    pub fn self_and_ancestors(&self, index: u32) -> impl Iterator<Item = u32> + '_ {
        std::iter::successors(Some(index), |&i| self.elements[i as usize].parent)
    }

    /// The element's ancestors, nearest first.
    pub fn ancestors(&self, index: u32) -> impl Iterator<Item = u32> + '_ {
        self.self_and_ancestors(index).skip(1)
    }

    /// The text nodes under an element in file order, not descending into the elements
    /// `skip` names: every downward walk that gathers an element's text.
    pub fn texts_under(&self, index: u32, skip: impl Fn(&Element) -> bool) -> Vec<u32> {
        let mut texts = Vec::new();
        let mut stack = vec![self.elements[index as usize].children.iter()];
        while let Some(children) = stack.last_mut() {
            match children.next() {
                None => {
                    stack.pop();
                }
                Some(Child::Text(t)) => texts.push(*t),
                Some(Child::Element(e)) => {
                    let element = &self.elements[*e as usize];
                    if !skip(element) {
                        stack.push(element.children.iter());
                    }
                }
            }
        }
        texts
    }
}

const KEPT_ATTRIBUTES: &[&str] = &[
    "itemprop",
    "rel",
    "property",
    "name",
    "content",
    "datetime",
    "type",
    "hidden",
    "role",
    "aria-hidden",
    "style",
];

/// Elements an opening `<p>` or block closes when a `<p>` is open.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];

#[derive(Default)]
struct Builder {
    tree: Tree,
    stack: Vec<u32>,
    in_json_ld: Option<u32>,
}

impl Builder {
    fn add_child(&mut self, child: Child) {
        match self.stack.last() {
            Some(&parent) => self.tree.elements[parent as usize].children.push(child),
            None => self.tree.roots.push(child),
        }
    }

    fn close_to(&mut self, index: u32) {
        if let Some(at) = self.stack.iter().rposition(|&e| e == index) {
            self.stack.truncate(at);
        }
    }

    fn implied_end(&mut self, tag: &str) {
        let Some(&top) = self.stack.last() else {
            return;
        };
        let top_tag = self.tree.elements[top as usize].tag.as_str();
        let closes = (top_tag == "p" && CLOSES_P.contains(&tag))
            || (top_tag == "li" && tag == "li")
            || (matches!(top_tag, "dt" | "dd") && matches!(tag, "dt" | "dd"))
            || (matches!(top_tag, "td" | "th") && matches!(tag, "td" | "th" | "tr"))
            || (top_tag == "option" && tag == "option");
        if closes {
            self.stack.pop();
        }
    }

    fn open(&mut self, el: &LolElement) -> u32 {
        let tag = el.tag_name();
        self.implied_end(&tag);
        let mut class_id = String::new();
        let mut attrs = Vec::new();
        for attr in el.attributes() {
            let name = attr.name();
            if name == "class" || name == "id" {
                class_id.push_str(&attr.value().to_ascii_lowercase());
                class_id.push(' ');
            } else if KEPT_ATTRIBUTES.contains(&name.as_str()) {
                let value = AttrValue {
                    raw: attr.value(),
                    range: attr.value_source_location().map(|l| l.bytes()),
                };
                attrs.push((name, value));
            }
        }
        let index = self.tree.elements.len() as u32;
        let element = Element {
            tag,
            parent: self.stack.last().copied(),
            children: Vec::new(),
            class_id,
            attrs,
            start: el.source_location().bytes().start,
            house_body: false,
            house_exclude: false,
        };
        if element.tag == "script"
            && element
                .attr("type")
                .is_some_and(|t| t.raw.to_ascii_lowercase().contains("ld+json"))
        {
            self.in_json_ld = Some(index);
        }
        self.tree.elements.push(element);
        self.add_child(Child::Element(index));
        self.stack.push(index);
        index
    }

    fn text(&mut self, range: Range<usize>, text_type: TextType) {
        let kind = match text_type {
            TextType::Data => TextKind::Data,
            TextType::RCData => TextKind::Title,
            TextType::ScriptData
                if self.in_json_ld.is_some() && self.in_json_ld == self.stack.last().copied() =>
            {
                TextKind::JsonLd
            }
            _ => return,
        };
        // A text node may come in chunks: join the pieces of one node.
        if let Some(Child::Text(last)) = self.last_child()
            && let Some(node) = self.tree.texts.get_mut(last as usize)
            && node.range.end == range.start
        {
            node.range.end = range.end;
            return;
        }
        let index = self.tree.texts.len() as u32;
        self.tree.texts.push(TextNode {
            range,
            parent: self.stack.last().copied(),
            kind,
        });
        self.add_child(Child::Text(index));
    }

    fn last_child(&self) -> Option<Child> {
        match self.stack.last() {
            Some(&p) => self.tree.elements[p as usize].children.last().copied(),
            None => self.tree.roots.last().copied(),
        }
    }
}

/// Why a page could not be read.
#[derive(Debug)]
pub struct TreeError(pub String);

/// Read `html` into a tree, marking the elements the house selectors name.
pub fn parse(html: &str, body: &[Selector], exclude: &[Selector]) -> Result<Tree, TreeError> {
    let builder = Rc::new(RefCell::new(Builder::default()));
    let mut handlers: Vec<(Cow<Selector>, ElementContentHandlers)> = Vec::new();
    let open_builder = Rc::clone(&builder);
    handlers.push((
        Cow::Owned("*".parse().expect("the universal selector parses")),
        ElementContentHandlers::default().element(move |el: &mut LolElement| {
            let index = open_builder.borrow_mut().open(el);
            match el.end_tag_handlers() {
                Some(end_handlers) => {
                    let close_builder = Rc::clone(&open_builder);
                    end_handlers.push(Box::new(move |_end| {
                        let mut b = close_builder.borrow_mut();
                        b.close_to(index);
                        if b.in_json_ld == Some(index) {
                            b.in_json_ld = None;
                        }
                        Ok(())
                    }));
                }
                None => open_builder.borrow_mut().close_to(index),
            }
            // Only the start tag was needed: a void element has nothing inside.
            if !el.can_have_content() {
                open_builder.borrow_mut().close_to(index);
            }
            Ok(())
        }),
    ));
    for (selectors, is_body) in [(body, true), (exclude, false)] {
        for selector in selectors {
            let mark = Rc::clone(&builder);
            handlers.push((
                Cow::Owned(selector.clone()),
                ElementContentHandlers::default().element(move |_el: &mut LolElement| {
                    let mut b = mark.borrow_mut();
                    if let Some(element) = b.tree.elements.last_mut() {
                        if is_body {
                            element.house_body = true;
                        } else {
                            element.house_exclude = true;
                        }
                    }
                    Ok(())
                }),
            ));
        }
    }
    let text_builder = Rc::clone(&builder);
    let mut settings = Settings::new()
        .append_document_content_handler(DocumentContentHandlers::default().text(
            move |t: &mut lol_html::html_content::TextChunk| {
                text_builder
                    .borrow_mut()
                    .text(t.source_location().bytes(), t.text_type());
                Ok(())
            },
        ))
        .with_memory_settings(
            lol_html::MemorySettings::new().with_max_allowed_memory_usage(MAX_TOKEN_MEMORY),
        );
    for handler in handlers {
        settings = settings.append_element_content_handler(handler);
    }
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    rewriter
        .write(html.as_bytes())
        .and_then(|()| rewriter.end())
        .map_err(|err| match err {
            lol_html::errors::RewritingError::MemoryLimitExceeded(_) => TreeError(format!(
                "the HTML needs more than {} MiB to read (elements nested hundreds of thousands deep, or one giant tag or comment); refused",
                MAX_TOKEN_MEMORY >> 20
            )),
            other => TreeError(other.to_string()),
        })?;
    let tree = std::mem::take(&mut builder.borrow_mut().tree);
    Ok(tree)
}

/// Parse a CSS selector of `newslint.toml`.
pub fn selector(text: &str) -> Result<Selector, String> {
    text.parse::<Selector>().map_err(|err| err.to_string())
}

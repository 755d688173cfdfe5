//! Wire XML: NITF (`<nitf>`: `hedline/hl1` the headline, `hl2` the dek, `byline`,
//! `dateline/story.date`, `docdata/date.issue`, `body.content` paragraphs, `media-producer`
//! credits) and IPTC NewsML-G2 (`newsItem`: `contentMeta/headline`, `by`, `creditline`,
//! `contentCreated`, and `contentSet/inlineXML` holding XHTML or NITF). Read with roxmltree,
//! whose node ranges give byte-accurate positions; its entity-expansion limits refuse
//! billion-laughs bombs, and a node limit bounds memory.

use roxmltree::{Document as XmlDocument, Node, ParsingOptions};

use super::Role;
use super::entities::{decode, push_text};
use super::extracted::{ArticleBuilder, Extracted};

/// Most nodes one wire file may hold (a long story has a few thousand).
const NODES_LIMIT: u32 = 2_000_000;

/// Which wire standard a file follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavor {
    /// News Industry Text Format.
    Nitf,
    /// IPTC NewsML-G2.
    NewsMl,
}

/// Read a wire XML file into an article.
pub fn read(xml: &str) -> Result<(Extracted, Flavor), String> {
    let options = ParsingOptions {
        allow_dtd: true,
        nodes_limit: NODES_LIMIT,
        ..ParsingOptions::default()
    };
    let doc = XmlDocument::parse_with_options(xml, options)
        .map_err(|err| format!("not well-formed XML: {err}"))?;
    let root = doc.root_element();
    let mut builder = ArticleBuilder::new();
    let flavor = match root.tag_name().name() {
        "nitf" => Flavor::Nitf,
        "newsItem" | "newsMessage" => Flavor::NewsMl,
        other => {
            return Err(format!(
                "an XML file that is neither NITF (<nitf>) nor NewsML-G2 (<newsItem>): its root element is <{other}>"
            ));
        }
    };
    // One pass over the tree finds the first of every element the flavor reads.
    let wanted: &[&str] = match flavor {
        Flavor::Nitf => &[
            "story.date",
            "date.issue",
            "byline",
            "media-producer",
            "body.head",
            "body.content",
        ],
        Flavor::NewsMl => &[
            "contentCreated",
            "versionCreated",
            "by",
            "creditline",
            "headline",
            "description",
        ],
    };
    let mut first: Vec<Option<Node>> = vec![None; wanted.len()];
    for node in root.descendants().filter(|n| n.is_element()) {
        let name = node.tag_name().name();
        if let Some(i) = wanted.iter().position(|w| *w == name)
            && first[i].is_none()
        {
            first[i] = Some(node);
        }
    }
    let find = |name: &str| {
        wanted
            .iter()
            .position(|w| *w == name)
            .and_then(|i| first[i])
    };
    let meta = |builder: &mut ArticleBuilder, key: &str, node: Option<Node>| {
        if let Some(node) = node {
            let text: String = node
                .descendants()
                .filter(|n| n.is_text())
                .filter_map(|n| n.text())
                .collect::<Vec<_>>()
                .join(" ");
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            builder.meta(key, &text, node.range(), false);
        }
    };
    let attr_meta = |builder: &mut ArticleBuilder, key: &str, node: Option<Node>, attr: &str| {
        if let Some(node) = node
            && let Some(a) = node.attribute_node(attr)
        {
            builder.meta(key, &decode(a.value()), a.range_value(), false);
        }
    };
    match flavor {
        Flavor::Nitf => {
            attr_meta(
                &mut builder,
                "date",
                find("story.date").or(find("date.issue")),
                "norm",
            );
            meta(&mut builder, "byline", find("byline"));
            meta(&mut builder, "photo_credit", find("media-producer"));
            if let Some(head) = find("body.head") {
                walk(&mut builder, xml, head);
            }
            if let Some(content) = find("body.content") {
                walk(&mut builder, xml, content);
            }
        }
        Flavor::NewsMl => {
            let created = find("contentCreated").or(find("versionCreated"));
            meta(&mut builder, "date", created);
            meta(&mut builder, "byline", find("by"));
            meta(&mut builder, "photo_credit", find("creditline"));
            if let Some(headline) = find("headline") {
                walk(&mut builder, xml, headline);
            }
            if let Some(dek) = find("description") {
                walk(&mut builder, xml, dek);
            }
            for inline in root.descendants().filter(|n| n.has_tag_name("inlineXML")) {
                walk(&mut builder, xml, inline);
            }
        }
    }
    Ok((builder.finish(xml.len()), flavor))
}

/// The role of an element of NITF, NewsML-G2 or XHTML, if it makes a block of its own.
fn role_of(node: Node, headline_seen: bool) -> Option<Role> {
    Some(match node.tag_name().name() {
        "hl1" | "headline" | "h1" if !headline_seen => Role::Headline,
        "hl1" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Role::Heading,
        "hl2" if node.ancestors().any(|a| a.has_tag_name("body.head")) => Role::Dek,
        "hl2" => Role::Heading,
        "description" | "abstract" => Role::Dek,
        "media-caption" | "figcaption" => Role::Credit,
        "p" | "li" | "blockquote" | "bq" | "td" | "pre" => Role::Body,
        _ => return None,
    })
}

/// Elements whose text is never article text.
fn skipped(node: Node) -> bool {
    matches!(
        node.tag_name().name(),
        "byline"
            | "dateline"
            | "media-producer"
            | "media-reference"
            | "media-metadata"
            | "script"
            | "style"
            | "head"
            | "docdata"
            | "tagline"
            | "note"
            | "distributor"
            | "series"
            | "rights"
            | "abstract-note"
    )
}

enum Edge<'a, 'input> {
    Open(Node<'a, 'input>),
    Close(Node<'a, 'input>),
}

/// Every node under `top`, opened and closed in document order, by the tree's own links:
/// no recursion (a thousand-deep file is no deeper for the stack) and no allocation.
fn traverse<'a, 'input>(top: Node<'a, 'input>) -> impl Iterator<Item = Edge<'a, 'input>> {
    let mut next = Some(Edge::Open(top));
    std::iter::from_fn(move || {
        let edge = next.take()?;
        next = match &edge {
            Edge::Open(node) => Some(node.first_child().map_or(Edge::Close(*node), Edge::Open)),
            Edge::Close(node) if *node == top => None,
            Edge::Close(node) => match node.next_sibling() {
                Some(sibling) => Some(Edge::Open(sibling)),
                None => node.parent().map(Edge::Close),
            },
        };
        Some(edge)
    })
}

fn walk(builder: &mut ArticleBuilder, xml: &str, top: Node) {
    let mut headline_seen = builder.has_headline();
    let mut roles: Vec<Option<Role>> = Vec::new();
    let mut skipping = 0usize;
    let mut current = Role::Body;
    let mut pending = true;
    for edge in traverse(top) {
        match edge {
            Edge::Open(node) if node.is_element() => {
                if skipping > 0 || skipped(node) {
                    skipping += 1;
                    continue;
                }
                let role = role_of(node, headline_seen);
                if role == Some(Role::Headline) {
                    headline_seen = true;
                }
                roles.push(role.map(|_| current));
                if let Some(role) = role {
                    current = role;
                    builder.close(node.range().start);
                    pending = true;
                }
            }
            Edge::Close(node) if node.is_element() => {
                if skipping > 0 {
                    skipping -= 1;
                    continue;
                }
                if let Some(Some(outer)) = roles.pop() {
                    current = outer;
                    builder.close(node.range().end);
                    pending = true;
                }
            }
            Edge::Open(node) if node.is_text() && skipping == 0 => {
                let range = node.range();
                let raw = &xml[range.clone()];
                if raw.trim().is_empty() {
                    if !pending {
                        builder.space(range.start);
                    }
                    continue;
                }
                if pending {
                    builder.open(current, range.start);
                    pending = false;
                }
                let id = builder.new_node();
                match raw
                    .strip_prefix("<![CDATA[")
                    .and_then(|r| r.strip_suffix("]]>"))
                {
                    Some(inner) => builder.exact(inner, range.start + 9, id),
                    None => push_text(builder, raw, range.start, id),
                }
            }
            _ => {}
        }
    }
    builder.close(top.range().end);
}

#[cfg(test)]
mod tests {
    use super::*;

    const NITF: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<nitf><head><docdata><date.issue norm="20250509T080000Z"/></docdata></head>
<body><body.head><hedline><hl1>Bridge &amp; road to close</hl1><hl2>A month of detours</hl2></hedline>
<byline>By Ada Lum</byline><dateline><location>PELL RIVER</location><story.date norm="2025-05-09">May 9</story.date></dateline></body.head>
<body.content><p>The council voted on the the bridge.</p><media><media-caption>The bridge.</media-caption><media-producer>Photo: Pell River Post</media-producer></media></body.content></body></nitf>"#;

    #[test]
    fn nitf_parts_and_positions() {
        let (out, flavor) = read(NITF).unwrap();
        assert_eq!(flavor, Flavor::Nitf);
        let blocks: Vec<(Role, &str)> = out
            .blocks
            .iter()
            .map(|b| (b.role, &out.text[b.span.clone()]))
            .collect();
        assert_eq!(
            blocks,
            vec![
                (Role::Headline, "Bridge & road to close"),
                (Role::Dek, "A month of detours"),
                (Role::Body, "The council voted on the the bridge."),
                (Role::Credit, "The bridge."),
            ]
        );
        let at = out.text.rfind("the bridge").unwrap();
        assert_eq!(&NITF[out.map.file_span(at..at + 3)], "the");
        let fm = out.front_matter.unwrap();
        assert_eq!(fm.get("byline").unwrap().value, "By Ada Lum");
        assert_eq!(fm.get("date").unwrap().value, "2025-05-09");
    }

    #[test]
    fn entity_bombs_and_foreign_roots_are_refused() {
        let lol = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\"><!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\"><!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\"><!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\"><!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\"><!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\"><!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]><nitf><body><body.content><p>&lol9;</p></body.content></body></nitf>";
        assert!(read(lol).is_err());
        assert!(read("<rss><channel/></rss>").unwrap_err().contains("<rss>"));
        assert!(read("<nitf><body>").is_err());
    }
}

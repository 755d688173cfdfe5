//! What a published page says about itself (`og:title`, `article:published_time`, JSON-LD
//! `NewsArticle`, `<time>`, bylines, credits) and where its article body is: a house's own
//! selectors first, then the markup's own claims (`itemprop=articleBody`), then a score of
//! text, commas and links in the manner of readability.

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;

use super::tree::{Child, Element, TextKind, Tree};

/// Per-element totals, worked out once bottom-up.
pub struct Stats {
    /// Bytes of visible text under the element.
    pub text: Vec<u32>,
    /// Bytes of that text inside links.
    pub link: Vec<u32>,
    /// Commas in that text.
    pub commas: Vec<u32>,
    /// Whether a block element ([`PARAGRAPH_BREAKERS`]) is inside: a `<div>` without one
    /// is a paragraph written as a div (Blogger's editor writes every paragraph so).
    pub has_block: Vec<bool>,
    /// Whether the element's content is never article text ([`is_skipped_tag`], except a form
    /// that wraps the page).
    pub skipped: Vec<bool>,
}

/// A `<form>` holding this much text wraps the page (ASP.NET puts the whole page in one);
/// a search box or a sign-up form holds a few words.
const WRAPPER_FORM_TEXT: u32 = 2000;

/// Elements that make a `<div>` holding them a container rather than a paragraph (the
/// list readability uses to turn such divs into paragraphs).
const PARAGRAPH_BREAKERS: &[&str] = &[
    "a",
    "blockquote",
    "dl",
    "div",
    "img",
    "ol",
    "p",
    "pre",
    "table",
    "ul",
    "section",
    "article",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
];

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "button", "select", "textarea",
    "nav", "form", "input", "head", "aside", "object", "embed", "canvas", "video", "audio", "map",
    "menu", "dialog",
];

/// AMP's components that are page furniture, not article: its menus, advertisements,
/// analytics, consent banners, share buttons and embedded widgets. An AMP page's body is
/// ordinary `<p>` markup with `<amp-img>` between, read as any page.
const AMP_FURNITURE: &[&str] = &[
    "amp-sidebar",
    "amp-ad",
    "amp-sticky-ad",
    "amp-embed",
    "amp-analytics",
    "amp-consent",
    "amp-user-notification",
    "amp-social-share",
    "amp-iframe",
    "amp-list",
    "amp-geo",
    "amp-state",
    "amp-lightbox",
];

/// Whether an element's content is never article text, whatever its class says.
pub fn is_skipped_tag(tag: &str) -> bool {
    SKIPPED.contains(&tag) || AMP_FURNITURE.contains(&tag)
}

/// Class and id words of page furniture, found anywhere in a class or id.
const NEGATIVE: &[&str] = &[
    "comment",
    "footnote",
    "masthead",
    "outbrain",
    "promo",
    "related",
    "sponsor",
    "shopping",
    "share",
    "social",
    "newsletter",
    "subscribe",
    "advert",
    "recommend",
    "popular",
    "trending",
    "breadcrumb",
    "signup",
    "sign-up",
    "paywall",
    "taboola",
    "cookie",
    "most-read",
    "more-stories",
    "visually-hidden",
    "sr-only",
];

/// Furniture words a body word in the same class list outweighs: themes call the article
/// body `entry-content-read-more` or `html_content_align…av-submenu-hidden`.
const WEAK_NEGATIVE: &[&str] = &[
    "footer",
    "sidebar",
    "nav",
    "menu",
    "banner",
    "toolbar",
    "read-more",
    "readmore",
    "tags",
];

/// Words that lower an element's score but never remove it: page builders wrap the article
/// body itself in `elementor-widget-container`.
const SCORE_NEGATIVE: &[&str] = &["widget"];

/// Class and id words of article bodies.
const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "main", "page", "post", "text", "blog", "story",
];

/// Whether one class or id names an advertisement: `ad`, `ads`, `ad-slot`, `top-ad`,
/// `ads-box` — but not `lead-in`, `header` or `downloads`.
fn is_ad_word(word: &str) -> bool {
    word == "ad"
        || word == "ads"
        || word.starts_with("ad-")
        || word.starts_with("ads-")
        || word.starts_with("ad_")
        || word.ends_with("-ad")
        || word.ends_with("-ads")
        || word.contains("-ad-")
}

/// The class and id words that say what the element is: WordPress adds the post's
/// categories and tags (`category-advertising`, `tag-social-media`) to the article itself.
fn own_words(element: &Element) -> impl Iterator<Item = &str> {
    element
        .class_id
        .split_whitespace()
        .filter(|w| !w.starts_with("category-") && !w.starts_with("tag-"))
}

/// Whether a class or id marks page furniture.
pub fn is_furniture(element: &Element) -> bool {
    let words = &element.class_id;
    if words.is_empty()
        || words.contains("article-body")
        || words.contains("articlebody")
        || words.contains("story-body")
    {
        return false;
    }
    // One automaton per word list, built once: a page asks this of thousands of elements
    // with long class lists, and a substring search per listed word cost 15,000
    // instructions a call.
    static LISTS: OnceLock<[AhoCorasick; 3]> = OnceLock::new();
    let [negative, weak, body] = LISTS.get_or_init(|| {
        [NEGATIVE, WEAK_NEGATIVE, BODY_WORDS]
            .map(|list| AhoCorasick::new(list).expect("the class word lists compile"))
    });
    let has = |list: &AhoCorasick| own_words(element).any(|w| list.is_match(w));
    if has(negative) || own_words(element).any(is_ad_word) {
        return true;
    }
    (has(weak) || own_words(element).any(hides_itself)) && !has(body)
}

/// Body words that outweigh a [`WEAK_NEGATIVE`] word in the same class list.
const BODY_WORDS: &[&str] = &["content", "article", "entry", "story", "post-body"];

/// Whether one class word hides the element it is on: `hidden`, `is-hidden`, `vjs-hidden`.
/// Bootstrap's `hidden-xs`…`hidden-print` hide it on one screen size only, Drupal's
/// `field--label-hidden` hides the field's label, not the field, and `lazy-hidden` is
/// shown once its images load: the element is read in all of those.
fn hides_itself(word: &str) -> bool {
    let Some(before) = word
        .strip_suffix("hidden")
        .filter(|b| b.is_empty() || b.ends_with(['-', '_']))
    else {
        return false;
    };
    !before.contains("label") && !before.starts_with("lazy")
}

/// Whether the element is hidden from readers.
pub fn is_hidden(element: &Element) -> bool {
    element.attr("hidden").is_some()
        || element
            .attr("aria-hidden")
            .is_some_and(|v| v.raw.eq_ignore_ascii_case("true"))
        || element.attr("style").is_some_and(|v| {
            let style: String = v.raw.chars().filter(|c| !c.is_whitespace()).collect();
            style.contains("display:none") || style.contains("visibility:hidden")
        })
}

/// Totals of text, link text and commas per element.
pub fn stats(tree: &Tree, html: &str) -> Stats {
    let n = tree.elements.len();
    let mut text = vec![0u32; n];
    let mut link = vec![0u32; n];
    let mut commas = vec![0u32; n];
    for node in &tree.texts {
        if node.kind != TextKind::Data {
            continue;
        }
        if let Some(parent) = node.parent {
            let raw = &html[node.range.clone()];
            text[parent as usize] += raw.trim().len() as u32;
            commas[parent as usize] += raw.bytes().filter(|&b| b == b',').count() as u32;
        }
    }
    // Children come after their parents: one backward sweep adds each into its parent.
    let mut skipped = vec![false; n];
    let mut has_block = vec![false; n];
    for index in (0..n).rev() {
        let element = &tree.elements[index];
        skipped[index] = is_skipped_tag(&element.tag)
            && !(element.tag == "form" && text[index] >= WRAPPER_FORM_TEXT);
        if skipped[index] {
            text[index] = 0;
            link[index] = 0;
            commas[index] = 0;
        } else if element.tag == "a" {
            link[index] = text[index];
        }
        if let Some(parent) = element.parent {
            let parent = parent as usize;
            has_block[parent] |=
                has_block[index] || PARAGRAPH_BREAKERS.contains(&element.tag.as_str());
            text[parent] += text[index];
            link[parent] += link[index];
            commas[parent] += commas[index];
        }
    }
    Stats {
        text,
        link,
        commas,
        has_block,
        skipped,
    }
}

fn class_weight(element: &Element) -> f64 {
    let words = &element.class_id;
    let mut weight = 0.0;
    if is_furniture(element)
        || own_words(element).any(|w| SCORE_NEGATIVE.iter().any(|n| w.contains(n)))
    {
        weight -= 25.0;
    }
    if POSITIVE.iter().any(|w| words.contains(w)) {
        weight += 25.0;
    }
    weight
}

fn tag_weight(tag: &str) -> f64 {
    match tag {
        "div" | "article" | "section" | "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

fn direct_text(tree: &Tree, html: &str, element: &Element) -> usize {
    element
        .children
        .iter()
        .filter_map(|c| match c {
            Child::Text(t) => Some(html[tree.texts[*t as usize].range.clone()].trim().len()),
            Child::Element(_) => None,
        })
        .sum()
}

fn excluded(tree: &Tree, stats: &Stats, index: usize) -> bool {
    tree.self_and_ancestors(index as u32).any(|i| {
        let element = &tree.elements[i as usize];
        element.house_exclude || stats.skipped[i as usize] || is_hidden(element)
    })
}

/// The elements that hold the article body, in document order.
pub fn body_containers(tree: &Tree, html: &str, stats: &Stats) -> Vec<u32> {
    let house: Vec<u32> = (0..tree.elements.len() as u32)
        .filter(|&i| tree.elements[i as usize].house_body)
        .collect();
    if !house.is_empty() {
        return outermost(tree, house);
    }
    let claimed: Vec<u32> = (0..tree.elements.len() as u32)
        .filter(|&i| {
            let e = &tree.elements[i as usize];
            e.attr("itemprop")
                .is_some_and(|v| v.raw.eq_ignore_ascii_case("articleBody"))
                && stats.text[i as usize] > 200
        })
        .collect();
    if !claimed.is_empty() {
        return outermost(tree, claimed);
    }
    let n = tree.elements.len();
    let mut score: Vec<Option<f64>> = vec![None; n];
    let init = |score: &mut Vec<Option<f64>>, i: usize| {
        let e = &tree.elements[i];
        *score[i].get_or_insert(tag_weight(&e.tag) + class_weight(e))
    };
    for index in 0..n {
        let element = &tree.elements[index];
        let paragraph_like = element.tag == "p"
            || element.tag == "pre"
            || (matches!(element.tag.as_str(), "div" | "section" | "td")
                && (direct_text(tree, html, element) >= 100 || !stats.has_block[index]));
        let length = stats.text[index] as f64;
        if !paragraph_like || length < 25.0 || excluded(tree, stats, index) {
            continue;
        }
        let content = 1.0 + stats.commas[index] as f64 + (length / 100.0).min(3.0);
        let mut ancestor = element.parent;
        let mut level = 0;
        while let Some(a) = ancestor
            && level < 5
        {
            let a = a as usize;
            init(&mut score, a);
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            *score[a].as_mut().expect("initialised") += content / divider;
            ancestor = tree.elements[a].parent;
            level += 1;
        }
    }
    let final_score = |i: usize| -> Option<f64> {
        let s = score[i]?;
        let text = stats.text[i] as f64;
        let density = if text > 0.0 {
            stats.link[i] as f64 / text
        } else {
            0.0
        };
        Some(s * (1.0 - density))
    };
    // The walker would skip furniture (a comment thread full of commas): it cannot be the body.
    let mut ranked: Vec<(usize, f64)> = (0..n)
        .filter_map(|i| final_score(i).map(|s| (i, s)))
        .filter(|&(i, _)| !is_furniture(&tree.elements[i]) && !excluded(tree, stats, i))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    let Some(&(first, first_score)) = ranked.first() else {
        return Vec::new();
    };
    let top = promote(tree, &ranked, first);
    let top_score = final_score(top).unwrap_or(first_score);
    let Some(parent) = tree.elements[top].parent else {
        return vec![top as u32];
    };
    let threshold = (top_score * 0.2).max(10.0);
    let mut chosen = Vec::new();
    for child in &tree.elements[parent as usize].children {
        let Child::Element(sibling) = *child else {
            continue;
        };
        let s = sibling as usize;
        if s == top {
            chosen.push(sibling);
            continue;
        }
        if excluded(tree, stats, s) || is_furniture(&tree.elements[s]) {
            continue;
        }
        let text = stats.text[s] as f64;
        let density = if text > 0.0 {
            stats.link[s] as f64 / text
        } else {
            1.0
        };
        let by_score = final_score(s).is_some_and(|sc| sc >= threshold);
        let by_text = tree.elements[s].tag == "p" && text > 80.0 && density < 0.25;
        if by_score || by_text {
            chosen.push(sibling);
        }
    }
    chosen
}

/// Readability's two ways up from the best-scored element when the body is cut in pieces
/// (a card per paragraph, chunks between advertisements): an ancestor that at least three
/// of the next four candidates scoring within 75% of the best share, else the nearest
/// ancestor scoring more than the one below it (while ancestors keep a third of its score).
fn promote(tree: &Tree, ranked: &[(usize, f64)], top: usize) -> usize {
    const NEAR: f64 = 0.75;
    const SHARED_BY: usize = 3;
    let best = ranked[0].1;
    let score_of = |i: usize| ranked.iter().find(|r| r.0 == i).map(|r| r.1);
    let ancestors = |i: usize| tree.ancestors(i as u32).map(|a| a as usize);
    let near: Vec<usize> = ranked[1..ranked.len().min(5)]
        .iter()
        .filter(|r| best > 0.0 && r.1 / best >= NEAR)
        .map(|r| r.0)
        .collect();
    if near.len() >= SHARED_BY {
        for ancestor in ancestors(top) {
            if matches!(tree.elements[ancestor].tag.as_str(), "body" | "html") {
                break;
            }
            let sharing = near
                .iter()
                .filter(|&&c| ancestors(c).any(|a| a == ancestor))
                .count();
            if sharing >= SHARED_BY {
                return ancestor;
            }
        }
    }
    let mut last = best;
    for ancestor in ancestors(top) {
        if matches!(tree.elements[ancestor].tag.as_str(), "body" | "html") {
            break;
        }
        let Some(score) = score_of(ancestor) else {
            continue;
        };
        if score < best / 3.0 {
            break;
        }
        if score > last {
            return ancestor;
        }
        last = score;
    }
    top
}

/// Drop elements nested in another of the list.
fn outermost(tree: &Tree, mut list: Vec<u32>) -> Vec<u32> {
    let set: std::collections::HashSet<u32> = list.iter().copied().collect();
    list.retain(|&i| !tree.ancestors(i).any(|a| set.contains(&a)));
    list
}

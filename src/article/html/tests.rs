//! How HTML fragments and pages are read: blocks and roles, spans into the file, and the
//! page conventions the body finder relies on, each on invented copy.

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

/// The body paragraphs of a page.
fn body(html: &str) -> Vec<String> {
    blocks(html)
        .into_iter()
        .filter(|(role, _)| *role == Role::Body)
        .map(|(_, text)| text)
        .collect()
}

/// Invented sentences of news copy, long enough and with enough commas to score.
fn sentences(topic: &str, count: usize) -> Vec<String> {
    (1..=count)
        .map(|n| format!("{topic} {n}: the board met on Tuesday, for the third time this month, and agreed, after a long debate about costs and tides, to rebuild the north wall by spring."))
        .collect()
}

fn page(inside: &str) -> String {
    format!(
        "<html><head><title>t</title></head><body><nav><a href=/>Home</a></nav>{inside}</body></html>"
    )
}

#[test]
fn blogger_paragraphs_written_as_divs_of_spans_are_read() {
    // Blogger's editor writes each paragraph as a div of styled spans, no `<p>` at all.
    let lines = sentences("Harbour", 3);
    let divs: String = lines
        .iter()
        .map(|l| format!("<div style=\"text-align: justify;\"><span style=\"font-size: small;\">{l}</span></div><div><span> </span></div>"))
        .collect();
    let html = page(&format!(
        "<div class=\"blog-post hentry item-post\"><div class=\"post-body post-content\">{divs}</div></div>"
    ));
    assert_eq!(body(&html), lines);
}

#[test]
fn a_comment_thread_with_more_commas_is_not_the_body() {
    let story = sentences("Story", 3);
    let comments = sentences("Reader", 8);
    let html = page(&format!(
        "<div class=\"article\"><h1>Wall to be rebuilt</h1><div class=\"content\">{}</div></div>\
         <div id=\"comments\"><div class=\"comment_content\">{}</div></div>",
        story.join("<br>"),
        comments.join("<br>")
    ));
    assert_eq!(body(&html), vec![story.join(" ")]);
}

#[test]
fn a_hidden_label_or_a_small_screen_class_does_not_hide_the_body() {
    let lines = sentences("Field", 3);
    let paragraphs: String = lines.iter().map(|l| format!("<p>{l}</p>")).collect();
    for class in [
        "field field--name-body field--label-hidden",
        "story hidden-xs",
        "lazy-hidden",
    ] {
        let html = page(&format!(
            "<section><div class=\"{class}\">{paragraphs}</div></section>"
        ));
        assert_eq!(body(&html), lines, "class {class}");
    }
    let hidden = page(&format!(
        "<section><div class=\"{}\">{paragraphs}</div><div class=\"note is-hidden\"><p>{}</p></div></section>",
        "text",
        "Hidden: a note, long enough, that the reader never sees, kept for the editors only."
    ));
    assert_eq!(body(&hidden), lines);
}

#[test]
fn a_body_cut_into_cards_is_read_whole() {
    // One card per paragraph: the best card alone would be a fifth of the story.
    let lines = sentences("Card", 5);
    let cards: String = lines
        .iter()
        .map(|l| format!("<div class=\"card\"><div class=\"card-content\"><p>{l}</p></div></div>"))
        .collect();
    let html = page(&format!(
        "<div class=\"collection\" id=\"story-cards\">{cards}</div><div class=\"footer-links\"><a href=/a>About us</a></div>"
    ));
    assert_eq!(body(&html), lines);
}

#[test]
fn photo_captions_are_credits_not_body() {
    let lines = sentences("Caption", 3);
    let html = page(&format!(
        "<article><p>{}</p><div class=\"photo\"><img src=a.jpg><span class=\"newsCaption\">The north wall at low tide <span class=\"caption\">(Image: Ada Lum)</span></span></div><p>{}</p><p>{}</p></article>",
        lines[0], lines[1], lines[2]
    ));
    assert_eq!(body(&html), lines);
    let credits: Vec<_> = blocks(&html)
        .into_iter()
        .filter(|b| b.0 == Role::Credit)
        .collect();
    assert_eq!(
        credits,
        vec![(
            Role::Credit,
            "The north wall at low tide (Image: Ada Lum)".to_string()
        )]
    );
}

#[test]
fn amp_furniture_is_not_read() {
    let lines = sentences("Amp", 3);
    let paragraphs: String = lines
        .iter()
        .map(|l| format!("<p>{l}</p><amp-img src=a.jpg width=4 height=3></amp-img>"))
        .collect();
    let html = page(&format!(
        "<amp-sidebar id=menu layout=nodisplay><ul><li>Home, news, sport, weather, and the rest of the sections of the site</li></ul></amp-sidebar>\
         <article>{paragraphs}<amp-ad width=300 height=250 type=x><div fallback>Advertisement, please support us, thanks</div></amp-ad></article>"
    ));
    assert_eq!(body(&html), lines);
}

#[test]
fn a_page_too_deep_for_the_reader_is_refused_clearly() {
    // A million nested elements: lol_html's memory limit stops it, and the error says why.
    let html = format!("{}<p>Deep.</p>", "<div>".repeat(1_000_000));
    let error = read(&html, &HtmlOptions::default()).unwrap_err();
    assert!(
        error.contains("nested") && error.contains("refused"),
        "{error}"
    );
}

#[test]
fn a_script_rendered_page_is_read_from_its_json_ld_body() {
    // The visible body is an empty mount point; the JSON-LD holds the story.
    let html = "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": \"Ferry returns\", \"articleBody\": \"The ferry to Saltmarsh returns in June, the operator said.\\nFares stay the same, at \\u00a35.\"}</script></head>\
        <body><nav><a href=/>Home</a></nav><div id=\"app\"></div></body></html>";
    let out = read(html, &HtmlOptions::default()).unwrap();
    let body: Vec<&str> = out
        .blocks
        .iter()
        .filter(|b| b.role == Role::Body)
        .map(|b| &out.text[b.span.clone()])
        .collect();
    assert_eq!(
        body,
        vec![
            "The ferry to Saltmarsh returns in June, the operator said.",
            "Fares stay the same, at £5."
        ]
    );
    // Findings there point at the JSON-LD script, and no edit can land inside it.
    let script = html.find('{').unwrap()..html.find("</script>").unwrap();
    let at = out.text.find("Fares").unwrap();
    let span = out.map.file_span(at..at + 5);
    assert!(
        script.start <= span.start && span.end <= script.end,
        "{span:?}"
    );
    assert!(!out.map.in_one_node(&(at..at + 5)));
    // A page with a visible body keeps it.
    let visible = html.replace(
        "<div id=\"app\"></div>",
        "<article><p>The ferry to Saltmarsh returns in June, the operator said, after a summer of complaints.</p></article>",
    );
    let out = read(&visible, &HtmlOptions::default()).unwrap();
    assert!(!out.text.contains("Fares stay"));
}

//! Word documents built in memory with the `zip` crate from invented copy: paragraphs,
//! runs, styles, tracked changes, and the hostile archives a reader must refuse.

// One builder for the unit and the integration tests' Word documents.
#[path = "../../../tests/common/docx.rs"]
mod builder;

use super::*;
use builder::{W, archive, docx, para, run};

fn roles(doc: &Document) -> Vec<(Role, &str)> {
    doc.blocks()
        .iter()
        .map(|b| (b.role, &doc.source()[b.span.clone()]))
        .collect()
}

#[test]
fn paragraphs_runs_tabs_breaks_and_styles() {
    let body = [
        para("Title", &run("Ferry fares to rise")),
        para("Subtitle", &run("The council backs a 5% increase.")),
        para("", ""),
        para(
            "",
            &format!(
                "{}{}<w:r><w:tab/><w:t>Fares</w:t><w:br/><w:t>rise</w:t></w:r>",
                run("“We had no choice,” said "),
                run("Mayor Ines Corrow.")
            ),
        ),
        para("Heading2", &run("What changes")),
        para(
            "",
            "<w:r><w:t>Don&apos;t &amp; won&#x2019;t</w:t></w:r><w:r><w:noBreakHyphen/><w:t>x</w:t></w:r>",
        ),
    ]
    .concat();
    let doc = Document::read_docx(&docx(&body)).unwrap();
    assert_eq!(doc.format(), Format::Docx);
    assert_eq!(
        roles(&doc),
        vec![
            (Role::Headline, "Ferry fares to rise"),
            (Role::Dek, "The council backs a 5% increase."),
            (
                Role::Body,
                "“We had no choice,” said Mayor Ines Corrow.\tFares rise"
            ),
            (Role::Heading, "What changes"),
            (Role::Body, "Don't & won’t\u{2011}x"),
        ]
    );
    // Paragraph N is line N, the empty one included.
    assert_eq!(
        doc.source().lines().nth(3),
        Some(&doc.source()[doc.blocks()[2].span.clone()])
    );
    assert_eq!(
        &doc.source()[doc.headline().unwrap()],
        "Ferry fares to rise"
    );
}

#[test]
fn deletions_field_codes_drawings_and_tab_stops_are_not_copy() {
    let body = para(
        "",
        &[
            r#"<w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>"#,
            &run("The harbour "),
            r#"<w:del w:id="1" w:author="Desk"><w:r><w:delText>old </w:delText></w:r></w:del>"#,
            r#"<w:ins w:id="2" w:author="Desk"><w:r><w:t>new </w:t></w:r></w:ins>"#,
            r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"#,
            r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r>"#,
            &run("wall"),
            r#"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
            r#"<w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>Sidebar</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r>"#,
            r#"<mc:AlternateContent><mc:Choice/><mc:Fallback><w:r><w:t>copy</w:t></w:r></mc:Fallback></mc:AlternateContent>"#,
            r#"<w:r><w:footnoteReference w:id="1"/><w:commentReference w:id="0"/></w:r>"#,
            &run(" opens."),
        ]
        .concat(),
    );
    let doc = Document::read_docx(&docx(&[para("Title", &run("Wall")), body].concat())).unwrap();
    let text = &doc.source()[doc.blocks()[1].span.clone()];
    assert_eq!(text, "The harbour new wall opens.");
}

#[test]
fn tables_unstyled_headline_date_line_and_credit() {
    let cell = |text: &str| format!("<w:tc>{}</w:tc>", para("", &run(text)));
    let body = [
        para("", &run("Bridge reopens on Monday")),
        para("", &run("2026-03-02")),
        para("", &run("Repairs took nine weeks.")),
        para("", &run("FENWICK — The bridge reopens.")),
        format!(
            "<w:tbl><w:tr>{}{}</w:tr></w:tbl>",
            cell("Cost"),
            cell("£2m")
        ),
        para("", &run("Photo: Fenwick Post/Ada Lum")),
    ]
    .concat();
    let doc = Document::read_docx(&docx(&body)).unwrap();
    assert_eq!(
        roles(&doc),
        vec![
            (Role::Headline, "Bridge reopens on Monday"),
            (Role::DateLine, "2026-03-02"),
            (Role::Dek, "Repairs took nine weeks."),
            (Role::Body, "FENWICK — The bridge reopens."),
            (Role::Table, "Cost"),
            (Role::Table, "£2m"),
            (Role::Credit, "Photo: Fenwick Post/Ada Lum"),
        ]
    );
    assert_eq!(doc.article_date(), Some(jiff::civil::date(2026, 3, 2)));
}

#[test]
fn localised_style_ids_are_read_through_styles_xml() {
    let xml = format!(
        r#"<w:document {W}><w:body>{}{}</w:body></w:document>"#,
        para("berschrift1", &run("Schule bleibt zu")),
        para("", &run("Der Text."))
    );
    let styles = format!(
        r#"<w:styles {W}><w:style w:styleId="berschrift1"><w:name w:val="heading 1"/></w:style></w:styles>"#
    );
    let bytes = archive(&[
        ("word/document.xml", xml.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
    ]);
    let doc = Document::read_docx(&bytes).unwrap();
    assert_eq!(&doc.source()[doc.headline().unwrap()], "Schule bleibt zu");
}

fn error_of(bytes: &[u8]) -> String {
    Document::read_docx(bytes).unwrap_err().0
}

#[test]
fn hostile_and_broken_files_are_refused_with_a_reason() {
    assert!(error_of(b"Headline\n\nJust text.\n").contains("not a zip archive"));
    assert!(
        error_of(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).contains("old binary .doc")
    );
    let whole = docx(&para("", &run("Text.")));
    assert!(error_of(&whole[..whole.len() / 2]).contains("not a .docx"));
    assert!(error_of(&archive(&[("word/other.xml", b"<a/>")])).contains("no word/document.xml"));
    let bomb = format!(
        r#"<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document {W}><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"#
    );
    assert!(error_of(&archive(&[("word/document.xml", bomb.as_bytes())])).contains("DOCTYPE"));
    let undefined = format!(
        r#"<w:document {W}><w:body>{}</w:body></w:document>"#,
        para("", &run("&lol;"))
    );
    assert!(
        error_of(&archive(&[("word/document.xml", undefined.as_bytes())]))
            .contains("undefined entity `&lol;`")
    );
    let deep = format!(
        "<w:document {W}><w:body>{}{}</w:body></w:document>",
        "<w:sdt>".repeat(5000),
        "</w:sdt>".repeat(5000)
    );
    assert!(
        error_of(&archive(&[("word/document.xml", deep.as_bytes())])).contains("deeper than 256")
    );
    let unclosed = format!("<w:document {W}><w:body><w:p>");
    assert!(
        error_of(&archive(&[("word/document.xml", unclosed.as_bytes())]))
            .contains("word/document.xml")
    );
}

#[test]
fn zip_bombs_cost_bounded_memory() {
    // 65 MiB of zeros packs to about 64 KiB: over the size cap.
    let zeros = vec![b' '; (archive::MAX_PART_BYTES + 1024 * 1024) as usize];
    let message = error_of(&archive(&[("word/document.xml", &zeros)]));
    assert!(message.contains("more than 64 MiB"), "{message}");
    // 8 MiB packs over a thousand times: under the size cap, over the ratio.
    let mut xml = format!("<w:document {W}><w:body>").into_bytes();
    xml.resize(8 * 1024 * 1024, b' ');
    xml.extend_from_slice(b"</w:body></w:document>");
    let message = error_of(&archive(&[("word/document.xml", &xml)]));
    assert!(message.contains("zip bomb"), "{message}");
    // Too many entries.
    let names: Vec<String> = (0..=archive::MAX_ENTRIES)
        .map(|i| format!("f{i}"))
        .collect();
    let parts: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
    assert!(error_of(&archive(&parts)).contains("entries"));
}

#[test]
fn findings_on_a_docx_carry_no_fix() {
    let body = [
        para("Title", &run("Vote")),
        para("", &run("The the vote is off.")),
    ]
    .concat();
    let doc = Document::read_docx(&docx(&body)).unwrap();
    let rules = crate::rules::builtin_rules(&["news"]).unwrap();
    let found = crate::lint::lint(&rules, &doc);
    let repeated = found
        .iter()
        .find(|d| &*d.rule == "repeated-word")
        .expect("the doubled word is found");
    assert!(repeated.fix.is_none());
    // Paragraph 2, characters 5–7.
    let second = doc.file_text().find("the vote").unwrap();
    assert_eq!(repeated.span, second..second + 3);
    assert_eq!(doc.file_text().lines().nth(1), Some("The the vote is off."));
}

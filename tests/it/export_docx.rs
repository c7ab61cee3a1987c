//! The Word package as Word, LibreOffice and a file manager read it: compressed parts,
//! the document's language, its properties (without the family's names when
//! pseudonymized), real lists, and what keeps a heading, a record or a row on one page.
//! The schema validation itself runs in `.ci/run` (shared/tools/docx-validate, Python).

use crate::common;

use common::{FAMILY_NAMES, sip_agenda, sip_meeting};
use samsyn::export::{self, Format, Options};
use samsyn::i18n::Lang;
use samsyn::meeting::Meeting;
use std::io::Read;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn docx(m: &Meeting, lang: Lang, pseudonymize: bool) -> Vec<u8> {
    export::export(
        m,
        &sip_agenda(),
        Format::Docx,
        Options {
            lang,
            pseudonymize,
            contacts: false,
        },
    )
    .unwrap()
}

fn archive(bytes: &[u8]) -> zip::ZipArchive<std::io::Cursor<&[u8]>> {
    zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a DOCX is a zip")
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut s = String::new();
    archive(bytes)
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} is in the DOCX"))
        .read_to_string(&mut s)
        .unwrap();
    s
}

/// The `w:val` of every `tag` element in the part.
fn vals(xml: &str, tag: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(xml).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name((W, tag)))
        .filter_map(|n| n.attribute((W, "val")).map(str::to_string))
        .collect()
}

#[test]
fn every_part_is_deflated_and_is_well_formed_xml() {
    let bytes = docx(&sip_meeting(), Lang::Sv, false);
    let mut zip = archive(&bytes);
    let names: Vec<String> = zip.file_names().map(str::to_string).collect();
    assert_eq!(names[0], "[Content_Types].xml", "{names:?}");
    for name in &names {
        let mut f = zip.by_name(name).unwrap();
        assert_eq!(
            f.compression(),
            zip::CompressionMethod::Deflated,
            "{name} is stored uncompressed"
        );
        let mut s = String::new();
        f.read_to_string(&mut s).unwrap();
        roxmltree::Document::parse(&s).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    // pandoc writes about 15 KB for minutes of this size; docx-rs wrote 80 KB.
    assert!(bytes.len() < 15_000, "{} bytes", bytes.len());
    // The same minutes give the same file.
    assert_eq!(bytes, docx(&sip_meeting(), Lang::Sv, false));
}

#[test]
fn the_document_language_is_swedish_or_british_english() {
    for (lang, tag) in [(Lang::Sv, "sv-SE"), (Lang::En, "en-GB")] {
        let bytes = docx(&sip_meeting(), lang, false);
        let styles = part(&bytes, "word/styles.xml");
        let doc = roxmltree::Document::parse(&styles).unwrap();
        let default = doc
            .descendants()
            .find(|n| n.has_tag_name((W, "rPrDefault")))
            .expect("document defaults");
        let lang_el = default
            .descendants()
            .find(|n| n.has_tag_name((W, "lang")))
            .expect("a default language");
        assert_eq!(lang_el.attribute((W, "val")), Some(tag));
        assert!(
            part(&bytes, "docProps/core.xml").contains(&format!("<dc:language>{tag}<")),
            "{lang:?}"
        );
    }
}

#[test]
fn core_properties_name_the_minutes_and_the_program_but_not_the_family_when_pseudonymized() {
    let m = sip_meeting();
    let bytes = docx(&m, Lang::Sv, false);
    let core = part(&bytes, "docProps/core.xml");
    assert!(core.contains("<dc:title>SIP för Elsa</dc:title>"), "{core}");
    // Nobody is named as the author: the properties travel where the text is not read.
    assert!(!core.contains("creator") && !core.contains("lastModifiedBy"));
    let app = part(&bytes, "docProps/app.xml");
    assert!(
        app.contains(&format!(
            "<Application>samsyn {}</Application>",
            env!("CARGO_PKG_VERSION")
        )),
        "{app}"
    );

    for lang in [Lang::Sv, Lang::En] {
        let bytes = docx(&m, lang, true);
        let core = part(&bytes, "docProps/core.xml");
        let props = core.clone() + &part(&bytes, "docProps/app.xml");
        for name in FAMILY_NAMES.iter().flat_map(|n| n.split(' ')) {
            assert!(!props.contains(name), "{name} in the properties: {props}");
        }
        assert!(
            core.contains("<dc:title>SIP för E. L.</dc:title>"),
            "{core}"
        );
    }
}

#[test]
fn lists_are_word_lists_and_headings_records_and_rows_keep_together() {
    let bytes = docx(&sip_meeting(), Lang::Sv, false);
    let xml = part(&bytes, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let text = |n: roxmltree::Node| -> String {
        n.descendants()
            .filter(|t| t.has_tag_name((W, "t")))
            .filter_map(|t| t.text())
            .collect()
    };
    let paragraphs: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .collect();
    let has = |n: &roxmltree::Node, tag: &str| n.descendants().any(|c| c.has_tag_name((W, tag)));

    // Bullets come from numbering.xml, not from a "•" typed into the text.
    assert!(!xml.contains('•'));
    let listed: Vec<_> = paragraphs.iter().filter(|p| has(p, "numPr")).collect();
    assert!(listed.len() >= 3, "{} list items", listed.len());
    let numbering = part(&bytes, "word/numbering.xml");
    assert!(vals(&numbering, "numFmt").contains(&"bullet".to_string()));

    // Headings stay with what follows them (their style says so).
    let styles = part(&bytes, "word/styles.xml");
    let styles = roxmltree::Document::parse(&styles).unwrap();
    for id in ["Heading1", "Heading2", "Label"] {
        let style = styles
            .descendants()
            .find(|n| n.has_tag_name((W, "style")) && n.attribute((W, "styleId")) == Some(id))
            .unwrap();
        assert!(has(&style, "keepNext"), "{id}");
    }

    // A consent record is one block: every line but its last keeps with the next.
    let given_by: Vec<_> = paragraphs
        .iter()
        .filter(|p| text(**p).starts_with("Lämnat av:"))
        .collect();
    assert!(!given_by.is_empty());
    for p in given_by {
        assert!(has(p, "keepNext") && has(p, "keepLines"), "{}", text(*p));
    }

    // Every table row is unsplittable; only the first repeats as a header.
    for tbl in doc.descendants().filter(|n| n.has_tag_name((W, "tbl"))) {
        let rows: Vec<_> = tbl
            .children()
            .filter(|n| n.has_tag_name((W, "tr")))
            .collect();
        assert!(rows.iter().all(|r| has(r, "cantSplit")));
        assert!(has(&rows[0], "tblHeader"));
        assert!(rows[1..].iter().all(|r| !has(r, "tblHeader")));
        // The columns fill the text width exactly, and each cell is as wide as its column.
        let grid: Vec<u32> = tbl
            .descendants()
            .filter(|n| n.has_tag_name((W, "gridCol")))
            .map(|n| n.attribute((W, "w")).unwrap().parse().unwrap())
            .collect();
        assert_eq!(grid.iter().sum::<u32>(), 11906 - 2 * 1134);
    }
}

#[test]
fn a_date_is_never_broken_at_its_hyphens() {
    let bytes = docx(&sip_meeting(), Lang::Sv, false);
    let xml = part(&bytes, "word/document.xml");
    assert!(!xml.contains("2026-03-10"), "a date with breakable hyphens");
    assert!(
        xml.contains("<w:t>2026</w:t><w:noBreakHyphen/><w:t>03</w:t><w:noBreakHyphen/><w:t>10"),
        "{xml}"
    );
}

#[test]
fn finalized_minutes_end_with_lines_to_sign_for_the_note_taker_and_the_facilitator() {
    let fin = common::finalized_sip_meeting();
    for (lang, record, approved) in [
        (Lang::Sv, "Vid protokollet", "Justeras"),
        (Lang::En, "Minutes taken by", "Checked and approved by"),
    ] {
        let bytes = docx(&fin, lang, false);
        // `SAMSYN_DOCX_OUT=DIR cargo test --test export_docx` keeps the files to look at.
        if let Some(dir) = std::env::var_os("SAMSYN_DOCX_OUT") {
            std::fs::write(
                std::path::Path::new(&dir).join(format!("finalized-{lang:?}.docx")),
                &bytes,
            )
            .unwrap();
        }
        let xml = part(&bytes, "word/document.xml");
        // The stamp's fields end with the whole hash.
        let after_stamp = &xml[xml.find(&fin.finalized.as_ref().unwrap().hash).unwrap()..];
        let record_at = after_stamp.find(record).expect(record);
        let approved_at = after_stamp.find(approved).expect(approved);
        assert!(record_at < approved_at);
        assert!(after_stamp[record_at..].contains(&fin.note_taker));
        assert!(after_stamp[approved_at..].contains("Karin Ek"));
        // The facilitator also finalized: one line for her, not two.
        assert_eq!(after_stamp.matches(approved).count(), 1, "{lang:?}");
        // Lines to sign on: bottom borders in a table without grid lines.
        assert!(after_stamp.contains("<w:tcBorders><w:bottom w:val=\"single\""));
    }
    // A draft is not signed.
    let draft = part(&docx(&sip_meeting(), Lang::Sv, false), "word/document.xml");
    assert!(!draft.contains("Vid protokollet"));
}

#[test]
fn every_page_header_holds_the_confidentiality_line_the_case_and_the_date() {
    let mut agenda = sip_agenda();
    agenda.confidentiality.sv =
        "Innehåller uppgifter som kan omfattas av sekretess enligt OSL.".into();
    let m = sip_meeting();
    let bytes = export::export(&m, &agenda, Format::Docx, Options::default()).unwrap();
    let header = part(&bytes, "word/header1.xml").replace("</w:t><w:noBreakHyphen/><w:t>", "-");
    let lines: Vec<String> = roxmltree::Document::parse(&header)
        .unwrap()
        .descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .map(|p| {
            p.descendants()
                .filter(|t| t.has_tag_name((W, "t")))
                .filter_map(|t| t.text())
                .collect()
        })
        .collect();
    assert_eq!(
        lines,
        [
            "Innehåller uppgifter som kan omfattas av sekretess enligt OSL.",
            "BoF 2026-0412 · 2026-03-10 · SIP för Elsa",
            "UTKAST – ej justerat",
        ],
    );
    // An agenda without the line gives a header without it.
    let bytes = docx(&m, Lang::Sv, false);
    let header = part(&bytes, "word/header1.xml");
    assert!(!header.contains("sekretess"));
    assert!(header.contains("BoF 2026"));
}

#[test]
fn the_plan_follows_on_the_same_page_its_heading_kept_with_what_follows() {
    let bytes = docx(&sip_meeting(), Lang::Sv, false);
    let xml = part(&bytes, "word/document.xml");
    // A page break before the plan left the page before it two-thirds empty.
    assert!(!xml.contains("pageBreakBefore"), "{xml}");
    assert!(!xml.contains("w:br w:type=\"page\""));
    // The headings keep with the next paragraph by their style.
    let styles = roxmltree::Document::parse(&part(&bytes, "word/styles.xml"))
        .unwrap()
        .descendants()
        .filter(|n| n.has_tag_name((W, "style")))
        .filter(|n| matches!(n.attribute((W, "styleId")), Some("Heading1" | "Heading2")))
        .map(|n| n.descendants().any(|c| c.has_tag_name((W, "keepNext"))))
        .collect::<Vec<_>>();
    assert_eq!(styles, [true, true]);
}

#[test]
fn a_draft_says_so_in_every_page_header_in_bold_red_as_large_as_the_text() {
    let bytes = docx(&sip_meeting(), Lang::Sv, false);
    let header = part(&bytes, "word/header1.xml");
    assert!(
        header.contains("<w:pStyle w:val=\"DraftMark\"/>"),
        "{header}"
    );
    assert!(header.contains("UTKAST – ej justerat"), "{header}");
    let styles = part(&bytes, "word/styles.xml");
    let doc = roxmltree::Document::parse(&styles).unwrap();
    let style = doc
        .descendants()
        .find(|n| n.has_tag_name((W, "style")) && n.attribute((W, "styleId")) == Some("DraftMark"))
        .expect("a DraftMark style");
    let has = |tag: &str| style.descendants().find(|n| n.has_tag_name((W, tag)));
    assert!(has("b").is_some(), "bold");
    assert_eq!(
        has("color").and_then(|c| c.attribute((W, "val"))),
        Some("C00000")
    );
    // Not smaller than the body text (no size of its own, or at least the default).
    let body: u32 = doc
        .descendants()
        .find(|n| n.has_tag_name((W, "docDefaults")))
        .and_then(|d| d.descendants().find(|n| n.has_tag_name((W, "sz"))))
        .and_then(|s| s.attribute((W, "val")))
        .unwrap()
        .parse()
        .unwrap();
    let own = has("sz")
        .and_then(|s| s.attribute((W, "val")))
        .map(|v| v.parse::<u32>().unwrap());
    assert!(own.is_none_or(|sz| sz >= body), "{own:?} < {body}");
    // Finalized minutes carry the stamp there instead.
    let fin = part(
        &docx(&common::finalized_sip_meeting(), Lang::Sv, false),
        "word/header1.xml",
    );
    assert!(
        !fin.contains("UTKAST") && fin.contains("StampMark"),
        "{fin}"
    );
}

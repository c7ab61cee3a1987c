//! The parts of the Word package around the document text: styles, numbering, settings,
//! core and application properties, relationships and content types, zipped with deflate.

use super::xml::Xml;
use crate::i18n::Lang;

pub(super) const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub(super) const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The body font and its size in half-points.
pub(super) const FONT: &str = "Calibri";
pub(super) const BODY_SIZE: u32 = 22;
/// The bullet list's numbering instance in numbering.xml.
pub(super) const BULLETS: &str = "1";

/// What the core properties say about the document.
pub(super) struct Properties<'a> {
    pub title: &'a str,
    pub subject: &'a str,
    pub lang: Lang,
    /// ISO 8601 (W3CDTF) creation and modification times.
    pub created: &'a str,
    pub modified: &'a str,
}

/// The language tag Word and LibreOffice use for spelling and hyphenation.
pub(super) fn language_tag(lang: Lang) -> &'static str {
    lang.pick("sv-SE", "en-GB")
}

/// The finished package: the document, its one header and footer, and the fixed parts.
pub(super) fn pack(
    document: Vec<u8>,
    header: Vec<u8>,
    footer: Vec<u8>,
    props: &Properties,
) -> std::io::Result<Vec<u8>> {
    let parts: [(&str, Vec<u8>); 11] = [
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", package_rels()),
        ("docProps/core.xml", core(props)),
        ("docProps/app.xml", app()),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", document_rels()),
        ("word/styles.xml", styles(props.lang)),
        ("word/numbering.xml", numbering()),
        ("word/settings.xml", settings(props.lang)),
        ("word/header1.xml", header),
        ("word/footer1.xml", footer),
    ];
    zip(&parts)
}

/// The parts as a zip archive, each deflated with one compressor reset between parts:
/// setting one up clears a quarter of a megabyte, which was a third of a Word export's
/// time when each part had its own. Level 1 (zlib-rs's quick deflate): of the levels
/// measured on sip-bup, 1 took 10.9 million instructions for the whole export and wrote
/// 13.3 KB, 3 took 13.3 million for 10.6 KB, 6 (as zip tools do) 14.1 million for
/// 9.9 KB; pandoc's copy of the same minutes is 15.2 KB, so the fastest is small enough.
/// A fixed time stamp (1980-01-01 00:00, the zip epoch): the same minutes give the same
/// bytes.
fn zip(parts: &[(&str, Vec<u8>)]) -> std::io::Result<Vec<u8>> {
    use flate2::{Compress, Compression, FlushCompress, Status};
    const TIME: u16 = 0;
    const DATE: u16 = (1 << 5) | 1;
    let mut out = Vec::with_capacity(16 * 1024);
    let mut central = Vec::new();
    let mut deflate = Compress::new(Compression::new(1), false);
    let mut packed = Vec::new();
    let too_large = || std::io::Error::other("a part of the document is larger than a zip holds");
    for (name, bytes) in parts {
        packed.clear();
        deflate.reset();
        packed.reserve(bytes.len() + bytes.len() / 1000 + 64);
        loop {
            let done = deflate.total_in() as usize;
            match deflate
                .compress_vec(&bytes[done..], &mut packed, FlushCompress::Finish)
                .map_err(std::io::Error::other)?
            {
                Status::StreamEnd => break,
                Status::Ok | Status::BufError => packed.reserve(packed.capacity().max(1024)),
            }
        }
        let crc = crc32fast::hash(bytes);
        let offset = u32::try_from(out.len()).map_err(|_| too_large())?;
        let size = u32::try_from(bytes.len()).map_err(|_| too_large())?;
        let packed_size = u32::try_from(packed.len()).map_err(|_| too_large())?;
        let name_len = u16::try_from(name.len()).map_err(|_| too_large())?;
        // The fields a local header and a central directory entry share.
        let mut common = Vec::with_capacity(26);
        // Version 2.0, no flags, deflate (8), the time stamp.
        for half in [20u16, 0, 8, TIME, DATE] {
            common.extend_from_slice(&half.to_le_bytes());
        }
        for word in [crc, packed_size, size] {
            common.extend_from_slice(&word.to_le_bytes());
        }
        common.extend_from_slice(&name_len.to_le_bytes());
        common.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&common);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&packed);
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes());
        central.extend_from_slice(&common);
        // Comment length, disk, internal and external attributes, where the part is.
        for half in [0u16, 0, 0] {
            central.extend_from_slice(&half.to_le_bytes());
        }
        for word in [0u32, offset] {
            central.extend_from_slice(&word.to_le_bytes());
        }
        central.extend_from_slice(name.as_bytes());
    }
    let count = u16::try_from(parts.len()).map_err(|_| too_large())?;
    let central_at = u32::try_from(out.len()).map_err(|_| too_large())?;
    let central_size = u32::try_from(central.len()).map_err(|_| too_large())?;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    for half in [0u16, 0, count, count] {
        out.extend_from_slice(&half.to_le_bytes());
    }
    for word in [central_size, central_at] {
        out.extend_from_slice(&word.to_le_bytes());
    }
    out.extend_from_slice(&0u16.to_le_bytes());
    Ok(out)
}

fn content_types() -> Vec<u8> {
    const MAIN: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    let mut x = Xml::new();
    x.el(
        "Types",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/content-types",
        )],
        |x| {
            x.empty(
                "Default",
                &[
                    ("Extension", "rels"),
                    (
                        "ContentType",
                        "application/vnd.openxmlformats-package.relationships+xml",
                    ),
                ],
            );
            x.empty(
                "Default",
                &[("Extension", "xml"), ("ContentType", "application/xml")],
            );
            let parts = [
                ("/word/document.xml", format!("{MAIN}.document.main+xml")),
                ("/word/styles.xml", format!("{MAIN}.styles+xml")),
                ("/word/numbering.xml", format!("{MAIN}.numbering+xml")),
                ("/word/settings.xml", format!("{MAIN}.settings+xml")),
                ("/word/header1.xml", format!("{MAIN}.header+xml")),
                ("/word/footer1.xml", format!("{MAIN}.footer+xml")),
                (
                    "/docProps/core.xml",
                    "application/vnd.openxmlformats-package.core-properties+xml".into(),
                ),
                (
                    "/docProps/app.xml",
                    "application/vnd.openxmlformats-officedocument.extended-properties+xml".into(),
                ),
            ];
            for (part, ty) in &parts {
                x.empty("Override", &[("PartName", part), ("ContentType", ty)]);
            }
        },
    );
    x.finish()
}

fn relationships(rels: &[(&str, &str, &str)]) -> Vec<u8> {
    let mut x = Xml::new();
    x.el("Relationships", &[("xmlns", REL)], |x| {
        for (id, ty, target) in rels {
            x.empty(
                "Relationship",
                &[("Id", id), ("Type", ty), ("Target", target)],
            );
        }
    });
    x.finish()
}

fn package_rels() -> Vec<u8> {
    relationships(&[
        (
            "rId1",
            &format!("{OFFICE_REL}/officeDocument"),
            "word/document.xml",
        ),
        (
            "rId2",
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            "docProps/core.xml",
        ),
        (
            "rId3",
            &format!("{OFFICE_REL}/extended-properties"),
            "docProps/app.xml",
        ),
    ])
}

/// The relationship ids document.xml uses for its header and footer.
pub(super) const HEADER_REL: &str = "rId4";
pub(super) const FOOTER_REL: &str = "rId5";

fn document_rels() -> Vec<u8> {
    relationships(&[
        ("rId1", &format!("{OFFICE_REL}/styles"), "styles.xml"),
        ("rId2", &format!("{OFFICE_REL}/numbering"), "numbering.xml"),
        ("rId3", &format!("{OFFICE_REL}/settings"), "settings.xml"),
        (HEADER_REL, &format!("{OFFICE_REL}/header"), "header1.xml"),
        (FOOTER_REL, &format!("{OFFICE_REL}/footer"), "footer1.xml"),
    ])
}

/// Title, subject, language and dates; no author: the minutes name their people inside,
/// and a file's properties travel where its text is not read.
fn core(p: &Properties) -> Vec<u8> {
    let mut x = Xml::new();
    x.el(
        "cp:coreProperties",
        &[
            (
                "xmlns:cp",
                "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            ),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ],
        |x| {
            x.text_el("dc:title", &[], p.title);
            x.text_el("dc:subject", &[], p.subject);
            x.text_el("dc:language", &[], language_tag(p.lang));
            for (name, at) in [
                ("dcterms:created", p.created),
                ("dcterms:modified", p.modified),
            ] {
                x.text_el(name, &[("xsi:type", "dcterms:W3CDTF")], at);
            }
        },
    );
    x.finish()
}

fn app() -> Vec<u8> {
    let mut x = Xml::new();
    x.el(
        "Properties",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
        )],
        |x| {
            x.text_el(
                "Application",
                &[],
                concat!("samsyn ", env!("CARGO_PKG_VERSION")),
            );
        },
    );
    x.finish()
}

fn settings(lang: Lang) -> Vec<u8> {
    let mut x = Xml::new();
    x.el("w:settings", &[("xmlns:w", W)], |x| {
        x.empty("w:zoom", &[("w:percent", "100")]);
        x.val("w:defaultTabStop", "709");
        x.val("w:characterSpacingControl", "doNotCompress");
        x.el("w:compat", &[], |x| {
            x.empty(
                "w:compatSetting",
                &[
                    ("w:name", "compatibilityMode"),
                    ("w:uri", "http://schemas.microsoft.com/office/word"),
                    ("w:val", "15"),
                ],
            );
        });
        x.val("w:themeFontLang", language_tag(lang));
        x.val("w:decimalSymbol", lang.pick(",", "."));
        x.val("w:listSeparator", ";");
    });
    x.finish()
}

/// One bullet list, two levels deep.
fn numbering() -> Vec<u8> {
    let mut x = Xml::new();
    x.el("w:numbering", &[("xmlns:w", W)], |x| {
        x.el("w:abstractNum", &[("w:abstractNumId", "0")], |x| {
            x.val("w:multiLevelType", "hybridMultilevel");
            for (level, bullet) in [("0", "•"), ("1", "–")] {
                x.el("w:lvl", &[("w:ilvl", level)], |x| {
                    x.val("w:start", "1");
                    x.val("w:numFmt", "bullet");
                    x.val("w:lvlText", bullet);
                    x.val("w:lvlJc", "left");
                    let left = if level == "0" { "357" } else { "714" };
                    x.el("w:pPr", &[], |x| {
                        x.empty("w:ind", &[("w:left", left), ("w:hanging", "357")]);
                    });
                });
            }
        });
        x.el("w:num", &[("w:numId", BULLETS)], |x| {
            x.val("w:abstractNumId", "0")
        });
    });
    x.finish()
}

/// A paragraph style's properties, written in the schema's order.
#[derive(Default)]
struct StyleDef<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'a str,
    based_on: Option<&'a str>,
    next: Option<&'a str>,
    /// Shown in Word's style gallery.
    quick: bool,
    keep_next: bool,
    before: u32,
    after: u32,
    outline: Option<&'a str>,
    bold: bool,
    color: Option<&'a str>,
    size: Option<u32>,
}

fn style(x: &mut Xml, s: &StyleDef) {
    let mut attrs = vec![("w:type", s.kind), ("w:styleId", s.id)];
    if s.id == "Normal" || s.id == "TableNormal" {
        attrs.push(("w:default", "1"));
    }
    x.el("w:style", &attrs, |x| {
        x.val("w:name", s.name);
        if let Some(b) = s.based_on {
            x.val("w:basedOn", b);
        }
        if let Some(n) = s.next {
            x.val("w:next", n);
        }
        if s.quick {
            x.empty("w:qFormat", &[]);
        }
        if s.kind == "paragraph"
            && (s.keep_next || s.before > 0 || s.after > 0 || s.outline.is_some())
        {
            x.el("w:pPr", &[], |x| {
                if s.keep_next {
                    x.empty("w:keepNext", &[]);
                    x.empty("w:keepLines", &[]);
                }
                if s.before > 0 || s.after > 0 {
                    x.empty(
                        "w:spacing",
                        &[
                            ("w:before", &s.before.to_string()),
                            ("w:after", &s.after.to_string()),
                        ],
                    );
                }
                if let Some(level) = s.outline {
                    x.val("w:outlineLvl", level);
                }
            });
        }
        if s.bold || s.color.is_some() || s.size.is_some() {
            x.el("w:rPr", &[], |x| {
                if s.bold {
                    x.empty("w:b", &[]);
                    x.empty("w:bCs", &[]);
                }
                if let Some(c) = s.color {
                    x.val("w:color", c);
                }
                if let Some(sz) = s.size {
                    x.val("w:sz", &sz.to_string());
                    x.val("w:szCs", &sz.to_string());
                }
            });
        }
    });
}

/// The styles the document uses. Heading ids and names are Word's built-in ones
/// ("Heading1" / "heading 1"), which Word and LibreOffice map to their own headings.
fn styles(lang: Lang) -> Vec<u8> {
    let mut x = Xml::new();
    x.el("w:styles", &[("xmlns:w", W)], |x| {
        x.el("w:docDefaults", &[], |x| {
            x.el("w:rPrDefault", &[], |x| {
                x.el("w:rPr", &[], |x| {
                    x.empty(
                        "w:rFonts",
                        &[
                            ("w:ascii", FONT),
                            ("w:hAnsi", FONT),
                            ("w:eastAsia", FONT),
                            ("w:cs", FONT),
                        ],
                    );
                    x.val("w:sz", &BODY_SIZE.to_string());
                    x.val("w:szCs", &BODY_SIZE.to_string());
                    x.val("w:lang", language_tag(lang));
                });
            });
            x.el("w:pPrDefault", &[], |x| {
                x.el("w:pPr", &[], |x| {
                    x.empty(
                        "w:spacing",
                        &[
                            ("w:after", "100"),
                            ("w:line", "264"),
                            ("w:lineRule", "auto"),
                        ],
                    );
                });
            });
        });
        let para = |id, name| StyleDef {
            id,
            name,
            kind: "paragraph",
            based_on: Some("Normal"),
            next: Some("Normal"),
            ..StyleDef::default()
        };
        let heading = |id, name, level, size, before| StyleDef {
            quick: true,
            keep_next: true,
            before,
            after: 80,
            outline: Some(level),
            bold: true,
            color: Some("1F3864"),
            size: Some(size),
            ..para(id, name)
        };
        let defs = [
            StyleDef {
                id: "Normal",
                name: "Normal",
                kind: "paragraph",
                quick: true,
                ..StyleDef::default()
            },
            StyleDef {
                quick: true,
                bold: true,
                size: Some(48),
                after: 60,
                ..para("Title", "Title")
            },
            StyleDef {
                quick: true,
                color: Some("404040"),
                size: Some(28),
                after: 160,
                ..para("Subtitle", "Subtitle")
            },
            heading("Heading1", "heading 1", "0", 32, 360),
            heading("Heading2", "heading 2", "1", 26, 240),
            // A bold lead-in that belongs to the list or table after it.
            StyleDef {
                keep_next: true,
                before: 120,
                after: 60,
                bold: true,
                ..para("Label", "Label")
            },
            StyleDef {
                after: 40,
                ..para("ListBullet", "List Bullet")
            },
            StyleDef {
                bold: true,
                color: Some("C00000"),
                ..para("DraftMark", "Draft mark")
            },
            StyleDef {
                color: Some("404040"),
                size: Some(18),
                ..para("StampMark", "Finalize stamp")
            },
            StyleDef {
                after: 20,
                before: 20,
                ..para("TableText", "Table text")
            },
            // The small gap after a table, which also keeps two tables apart.
            StyleDef {
                after: 60,
                size: Some(12),
                ..para("AfterTable", "After table")
            },
            StyleDef {
                size: Some(18),
                after: 20,
                ..para("Header", "header")
            },
            para("Footer", "footer"),
            StyleDef {
                id: "TableNormal",
                name: "Normal Table",
                kind: "table",
                ..StyleDef::default()
            },
        ];
        for d in &defs {
            style(x, d);
        }
        // The grid the tables use: thin grey lines.
        x.el(
            "w:style",
            &[("w:type", "table"), ("w:styleId", "TableGrid")],
            |x| {
                x.val("w:name", "Table Grid");
                x.val("w:basedOn", "TableNormal");
                x.el("w:tblPr", &[], |x| {
                    x.el("w:tblBorders", &[], |x| {
                        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
                            x.empty(
                                &format!("w:{side}"),
                                &[
                                    ("w:val", "single"),
                                    ("w:sz", "4"),
                                    ("w:space", "0"),
                                    ("w:color", "808080"),
                                ],
                            );
                        }
                    });
                    x.el("w:tblCellMar", &[], |x| {
                        for (side, w) in [
                            ("top", "30"),
                            ("left", "80"),
                            ("bottom", "30"),
                            ("right", "80"),
                        ] {
                            x.empty(&format!("w:{side}"), &[("w:w", w), ("w:type", "dxa")]);
                        }
                    });
                });
            },
        );
    });
    x.finish()
}

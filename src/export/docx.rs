//! Word (DOCX): Word's own heading styles (so the navigation pane works), real tables and
//! lists, the draft mark or finalize stamp in the page header, page numbers below.
//!
//! # Why WordprocessingML is written here, not by a Word library
//!
//! Until 2026-12 the minutes were written with `docx-rs` 0.4.22. Its files did not
//! validate against the Office Open XML schemas (ISO/IEC 29500 Transitional): 205–228
//! errors per example meeting from `shared/tools/docx-validate`, all from the order in
//! which the crate writes elements (`w:rPr` first in paragraph properties, style
//! children, run properties, `headerReference` after `pgSz`, `zoom` after
//! `defaultTabStop`, `gridCol/@w:type`, `rPr` in numbering levels); Word is reported to
//! drop formatting written out of order and to offer to repair such files (docx-rs issue
//! 724). docx-rs HEAD writes `rPr` first still, so fixing it meant a fork touching a
//! dozen of its writers, kept in step with upstream. It also stored the package
//! uncompressed (74–88 KB), wrote seven parts the minutes do not use (comments,
//! footnotes, custom properties, …), and could not mark header rows, the document
//! language or keep-with-next, which were patched into its output by string replacement.
//!
//! The minutes need a dozen elements: styled paragraphs, bold runs, line breaks, bullet
//! lists, fixed-layout tables, one header and footer with two fields. So the parts are
//! written directly, every element in the schema's order, with quick-xml (which escapes),
//! and zipped here with flate2 (deflate) and crc32fast, both already in the build.
//! Measured on the three example meetings, both languages, pseudonymized or not
//! (2026-12-02, 2 shared cores): 0 validator errors (was 205–228); 7.6–9.8 KB (docx-rs:
//! 74–88 KB; `pandoc` 2.17 from the Markdown export: 13.0–15.0 KB); criterion, release:
//! 1.1 ms for the SIP example and 7.6 ms for the large meeting (docx-rs: 1.9 and 15.6 ms).
//!
//! This file lays out the body; `docx/package.rs` writes the fixed parts (styles,
//! numbering, settings, properties, zip), `widths.rs` (shared with the HTML) sizes the table columns.

mod package;

mod xml;

use super::ExportError;
use super::minutes::{Block, Minutes, Section, Signatures, Table};
use crate::i18n::minutes as l;
use package::{BULLETS, FOOTER_REL, HEADER_REL, Properties, R, W};
use xml::Xml;

/// A4 in twentieths of a point, with 2 cm margins, 3 cm at the top for the header's
/// three lines.
const A4: (u32, u32) = (11906, 16838);
const MARGIN: u32 = 1134;
const MARGIN_TOP: u32 = 1701;
const TEXT_WIDTH: u32 = A4.0 - 2 * MARGIN;
/// Table text sizes in half-points, largest first: a table whose longest words do not fit
/// side by side at 9 pt is set smaller rather than broken inside a word.
const TABLE_SIZES: [u32; 3] = [18, 16, 15];

pub fn render(doc: &Minutes) -> Result<Vec<u8>, ExportError> {
    let mark_style = if doc.mark.is_draft() {
        "DraftMark"
    } else {
        "StampMark"
    };
    let mut x = Xml::new();
    x.el("w:document", &[("xmlns:w", W), ("xmlns:r", R)], |x| {
        x.el("w:body", &[], |x| {
            paragraph(x, &Para::style("Title"), &doc.title);
            paragraph(x, &Para::style("Subtitle"), &doc.kind);
            paragraph(x, &Para::style(mark_style), doc.mark.text());
            fields(x, &doc.header, false);
            for s in &doc.sections {
                section(x, s);
            }
            section_properties(x);
        });
    });
    // Every page says what it may hold, which case and meeting it belongs to, and
    // whether it is a draft: printed pages get separated.
    let header = header_footer("w:hdr", |x| {
        if !doc.confidentiality.is_empty() {
            paragraph_with(x, &Para::style("Header"), |x| {
                text_runs(x, &doc.confidentiality, true)
            });
        }
        let date = doc.date.to_string();
        let case: Vec<&str> = [doc.case_ref.trim(), &date, &doc.title]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        paragraph(x, &Para::style("Header"), &case.join(" · "));
        paragraph(x, &Para::style(mark_style), doc.mark.text());
    });
    let footer = header_footer("w:ftr", |x| {
        x.el("w:p", &[], |x| {
            x.el("w:pPr", &[], |x| {
                x.val("w:pStyle", "Footer");
                x.val("w:jc", "center");
            });
            run(x, &format!("{} ", l::PAGE.get(doc.lang)), false);
            field(x, "PAGE");
            run(x, &format!(" {} ", l::OF.get(doc.lang)), false);
            field(x, "NUMPAGES");
        });
    });
    let date = format!("{}T00:00:00Z", doc.date);
    let props = Properties {
        title: &doc.title,
        subject: &doc.kind,
        lang: doc.lang,
        created: &date,
        modified: &date,
    };
    package::pack(x.finish(), header, footer, &props).map_err(|e| ExportError::Docx(e.to_string()))
}

fn header_footer(root: &str, inner: impl FnOnce(&mut Xml)) -> Vec<u8> {
    let mut x = Xml::new();
    x.el(root, &[("xmlns:w", W), ("xmlns:r", R)], inner);
    x.finish()
}

/// A field Word and LibreOffice fill in when they lay out the page (the page number, the
/// number of pages), with a placeholder until then.
fn field(x: &mut Xml, instr: &str) {
    x.el("w:fldSimple", &[("w:instr", &format!(" {instr} "))], |x| {
        run(x, "1", false);
    });
}

/// The page: A4, margins, the header and footer on every page.
fn section_properties(x: &mut Xml) {
    x.el("w:sectPr", &[], |x| {
        x.empty(
            "w:headerReference",
            &[("w:type", "default"), ("r:id", HEADER_REL)],
        );
        x.empty(
            "w:footerReference",
            &[("w:type", "default"), ("r:id", FOOTER_REL)],
        );
        x.empty(
            "w:pgSz",
            &[("w:w", &A4.0.to_string()), ("w:h", &A4.1.to_string())],
        );
        let m = MARGIN.to_string();
        x.empty(
            "w:pgMar",
            &[
                ("w:top", &MARGIN_TOP.to_string()),
                ("w:right", &m),
                ("w:bottom", &m),
                ("w:left", &m),
                ("w:header", "567"),
                ("w:footer", "567"),
                ("w:gutter", "0"),
            ],
        );
    });
}

/// How one paragraph is set.
#[derive(Default, Clone, Copy)]
struct Para<'a> {
    style: Option<&'a str>,
    /// Stays on the same page as the next paragraph.
    keep_next: bool,
    /// Not split across pages.
    keep_lines: bool,
    bullet: bool,
    /// Extra room above, where one record ends and the next begins.
    space_before: bool,
}

impl<'a> Para<'a> {
    fn style(style: &'a str) -> Para<'a> {
        Para {
            style: Some(style),
            ..Para::default()
        }
    }
}

/// `<w:p>` with its properties in the schema's order (pStyle, keepNext, keepLines,
/// numPr) and the text as runs.
fn paragraph(x: &mut Xml, p: &Para, text: &str) {
    paragraph_with(x, p, |x| text_runs(x, text, false));
}

fn paragraph_with(x: &mut Xml, p: &Para, runs: impl FnOnce(&mut Xml)) {
    x.el("w:p", &[], |x| {
        if p.style.is_some() || p.keep_next || p.keep_lines || p.bullet || p.space_before {
            x.el("w:pPr", &[], |x| {
                if let Some(s) = p.style {
                    x.val("w:pStyle", s);
                }
                if p.keep_next {
                    x.empty("w:keepNext", &[]);
                }
                if p.keep_lines {
                    x.empty("w:keepLines", &[]);
                }
                if p.bullet {
                    x.el("w:numPr", &[], |x| {
                        x.val("w:ilvl", "0");
                        x.val("w:numId", BULLETS);
                    });
                }
                if p.space_before {
                    x.empty("w:spacing", &[("w:before", "200")]);
                }
            });
        }
        runs(x);
    });
}

/// One run; `<w:t>` keeps its spaces where they matter.
fn run(x: &mut Xml, text: &str, bold: bool) {
    run_sized(x, text, bold, None);
}

fn run_sized(x: &mut Xml, text: &str, bold: bool, size: Option<u32>) {
    x.el("w:r", &[], |x| {
        if bold || size.is_some() {
            x.el("w:rPr", &[], |x| {
                if bold {
                    x.empty("w:b", &[]);
                    x.empty("w:bCs", &[]);
                }
                if let Some(sz) = size {
                    x.val("w:sz", &sz.to_string());
                    x.val("w:szCs", &sz.to_string());
                }
            });
        }
        for (i, part) in text.split('\t').enumerate() {
            if i > 0 {
                x.empty("w:tab", &[]);
            }
            for (j, piece) in split_numeric_hyphens(part).into_iter().enumerate() {
                if j > 0 {
                    x.empty("w:noBreakHyphen", &[]);
                }
                if !piece.is_empty() {
                    let space: &[(&str, &str)] = if piece.trim() == piece {
                        &[]
                    } else {
                        &[("xml:space", "preserve")]
                    };
                    x.text_el("w:t", space, piece);
                }
            }
        }
    });
}

/// In a narrow table column, a range of numbers (17–17.45, 1–5) is not broken after its
/// dash either: a word joiner (U+2060), which Word and LibreOffice neither break at nor
/// draw, follows the dash. Only there: it is one more character in copied text.
fn join_numeric_ranges(text: &str) -> std::borrow::Cow<'_, str> {
    let chars: Vec<char> = text.chars().collect();
    let range = |i: usize| {
        chars[i] == '–'
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit)
    };
    if !(0..chars.len()).any(range) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 3);
    for (i, &c) in chars.iter().enumerate() {
        out.push(c);
        if range(i) {
            out.push('\u{2060}');
        }
    }
    out.into()
}

/// The text split at every hyphen between two digits: a date (2026-12-02) or a phone
/// number is written with non-breaking hyphens, so that it is never split over two lines.
fn split_numeric_hyphens(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut pieces = Vec::new();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'-'
            && i > 0
            && bytes[i - 1].is_ascii_digit()
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
        {
            pieces.push(&text[start..i]);
            start = i + 1;
        }
    }
    pieces.push(&text[start..]);
    pieces
}

/// The text as runs, its single line breaks kept as `<w:br/>`.
fn text_runs(x: &mut Xml, text: &str, bold: bool) {
    text_runs_sized(x, text, bold, None);
}

fn text_runs_sized(x: &mut Xml, text: &str, bold: bool, size: Option<u32>) {
    for (i, line) in text.trim().lines().enumerate() {
        if i > 0 {
            x.el("w:r", &[], |x| x.empty("w:br", &[]));
        }
        run_sized(x, line.trim_end(), bold, size);
    }
}

fn section(x: &mut Xml, s: &Section) {
    // Headings keep with the next paragraph (their styles say so). The plan follows on
    // the same page: a page break before it left the page before two-thirds empty.
    let heading = Para::style(if s.level == 1 { "Heading1" } else { "Heading2" });
    paragraph(x, &heading, &s.title);
    let mut previous = None;
    for b in &s.blocks {
        match b {
            Block::Text(t) => {
                for p in t.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
                    paragraph(x, &Para::default(), p);
                }
            }
            Block::Label(t) => paragraph(x, &Para::style("Label"), t),
            // Consent records follow each other as field blocks: each starts apart.
            Block::Fields(f) => fields(x, f, matches!(previous, Some(&Block::Fields(_)))),
            Block::List(items) => {
                let last = items.len().saturating_sub(1);
                for (j, item) in items.iter().enumerate() {
                    // A short list stays together, and every item is one piece.
                    let p = Para {
                        keep_lines: true,
                        keep_next: j < last && items.len() <= 6,
                        bullet: true,
                        ..Para::style("ListBullet")
                    };
                    paragraph(x, &p, item);
                }
            }
            Block::Table(t) => {
                table(x, t);
                paragraph(x, &Para::style("AfterTable"), "");
            }
            Block::Signatures(s) => signatures(x, s),
        }
        previous = Some(b);
    }
}

/// Label: value lines, kept on one page together (a consent record is read as one).
fn fields(x: &mut Xml, fields: &[(String, String)], apart: bool) {
    let last = fields.len().saturating_sub(1);
    for (i, (label, value)) in fields.iter().enumerate() {
        let p = Para {
            keep_next: i < last,
            keep_lines: true,
            space_before: apart && i == 0,
            ..Para::default()
        };
        paragraph_with(x, &p, |x| {
            if !label.is_empty() {
                run(x, &format!("{label}: "), true);
            }
            text_runs(x, value, false);
        });
    }
}

fn table(x: &mut Xml, t: &Table) {
    let (widths, size) =
        super::widths::column_widths(&t.headers, &t.rows, TEXT_WIDTH, &TABLE_SIZES);
    let size = Some(size);
    x.el("w:tbl", &[], |x| {
        x.el("w:tblPr", &[], |x| {
            x.val("w:tblStyle", "TableGrid");
            x.empty(
                "w:tblW",
                &[("w:w", &TEXT_WIDTH.to_string()), ("w:type", "dxa")],
            );
            x.empty("w:tblLayout", &[("w:type", "fixed")]);
        });
        x.el("w:tblGrid", &[], |x| {
            for w in &widths {
                x.empty("w:gridCol", &[("w:w", &w.to_string())]);
            }
        });
        // The header row repeats on every page the table runs over; no row is split
        // between pages, so an action is always read whole.
        let mut row = |cells: &[String], head: bool| {
            x.el("w:tr", &[], |x| {
                x.el("w:trPr", &[], |x| {
                    x.empty("w:cantSplit", &[]);
                    if head {
                        x.empty("w:tblHeader", &[]);
                    }
                });
                for (i, w) in widths.iter().enumerate() {
                    let text = cells.get(i).map(String::as_str).unwrap_or("");
                    x.el("w:tc", &[], |x| {
                        x.el("w:tcPr", &[], |x| {
                            x.empty("w:tcW", &[("w:w", &w.to_string()), ("w:type", "dxa")]);
                            if head {
                                x.empty(
                                    "w:shd",
                                    &[
                                        ("w:val", "clear"),
                                        ("w:color", "auto"),
                                        ("w:fill", "E8E8E8"),
                                    ],
                                );
                            }
                        });
                        // A header cell stays with the first row below it.
                        let p = Para {
                            keep_next: head,
                            ..Para::style("TableText")
                        };
                        paragraph_with(x, &p, |x| {
                            text_runs_sized(x, &join_numeric_ranges(text), head, size)
                        });
                    });
                }
            });
        };
        row(&t.headers, true);
        for r in &t.rows {
            row(r, false);
        }
    });
}

/// For each person: what they sign as, then a line to sign on and a line for the date,
/// with their name and "Datum" under the lines; one person's lines never split.
fn signatures(x: &mut Xml, s: &Signatures) {
    // The signature, a gap, the date: two thirds and a bit less than one third.
    let widths = [5800u32, 600, TEXT_WIDTH - 6400];
    for p in &s.people {
        let label = Para {
            space_before: true,
            ..Para::style("Label")
        };
        paragraph(x, &label, &p.role);
        x.el("w:tbl", &[], |x| {
            x.el("w:tblPr", &[], |x| {
                x.empty(
                    "w:tblW",
                    &[("w:w", &TEXT_WIDTH.to_string()), ("w:type", "dxa")],
                );
                x.empty("w:tblLayout", &[("w:type", "fixed")]);
            });
            x.el("w:tblGrid", &[], |x| {
                for w in widths {
                    x.empty("w:gridCol", &[("w:w", &w.to_string())]);
                }
            });
            // Room to sign above the lines, the words below them.
            for (row, captions) in [(0, ["", "", ""]), (1, [p.name.as_str(), "", &s.date])] {
                x.el("w:tr", &[], |x| {
                    x.el("w:trPr", &[], |x| {
                        x.empty("w:cantSplit", &[]);
                        if row == 0 {
                            x.empty("w:trHeight", &[("w:val", "680"), ("w:hRule", "atLeast")]);
                        }
                    });
                    for (i, (w, caption)) in widths.iter().zip(captions).enumerate() {
                        x.el("w:tc", &[], |x| {
                            x.el("w:tcPr", &[], |x| {
                                x.empty("w:tcW", &[("w:w", &w.to_string()), ("w:type", "dxa")]);
                                if row == 0 && i != 1 {
                                    x.el("w:tcBorders", &[], |x| {
                                        x.empty(
                                            "w:bottom",
                                            &[
                                                ("w:val", "single"),
                                                ("w:sz", "6"),
                                                ("w:space", "0"),
                                                ("w:color", "000000"),
                                            ],
                                        );
                                    });
                                }
                                x.val("w:vAlign", "bottom");
                            });
                            let p = Para {
                                keep_next: row == 0,
                                ..Para::style("TableText")
                            };
                            paragraph_with(x, &p, |x| text_runs_sized(x, caption, false, Some(18)));
                        });
                    }
                });
            }
        });
    }
    paragraph(x, &Para::style("AfterTable"), "");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphens_between_digits_are_split_out_and_ranges_joined() {
        assert_eq!(
            split_numeric_hyphens("2026-12-02, ADHD-medicin, 070-123"),
            ["2026", "12", "02, ADHD-medicin, 070", "123"]
        );
        assert_eq!(split_numeric_hyphens("-1-"), ["-1-"]);
        assert_eq!(
            join_numeric_ranges("kl. 17–17.45 (1–5)"),
            "kl. 17–\u{2060}17.45 (1–\u{2060}5)"
        );
        assert_eq!(join_numeric_ranges("måndag–torsdag"), "måndag–torsdag");
    }
}

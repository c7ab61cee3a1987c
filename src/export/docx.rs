//! Word (DOCX) with docx-rs: Word's own heading styles (so the navigation pane works),
//! real tables, the draft mark or finalize stamp in the page header, page numbers below.

use super::ExportError;
use super::minutes::{Block, Minutes, Section, Table, TableKind};
use crate::i18n::minutes as l;
use docx_rs::{
    AlignmentType, BreakType, Docx, Footer, Header, LineSpacing, NumPages, PageMargin, PageNum,
    Paragraph, Run, RunFonts, Shading, Style, StyleType, TableCell, TableRow, WidthType,
};

/// A4 in twentieths of a point, with 2 cm margins.
const A4: (u32, u32) = (11906, 16838);
const MARGIN: i32 = 1134;
const TEXT_WIDTH: usize = 11906 - 2 * 1134;

pub fn render(doc: &Minutes) -> Result<Vec<u8>, ExportError> {
    let lang = doc.lang;
    let mark_style = if doc.mark.is_draft() {
        "DraftMark"
    } else {
        "StampMark"
    };
    let header = Header::new().add_paragraph(
        Paragraph::new()
            .style(mark_style)
            .add_run(Run::new().add_text(format!("{} — {}", doc.title, doc.mark.text()))),
    );
    let footer = Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(Run::new().add_text(format!("{} ", l::PAGE.get(lang))))
            .add_page_num(PageNum::new())
            .add_run(Run::new().add_text(format!(" {} ", l::OF.get(lang))))
            .add_num_pages(NumPages::new()),
    );
    let mut docx = styles(Docx::new())
        .page_size(A4.0, A4.1)
        .page_margin(
            PageMargin::new()
                .top(MARGIN)
                .bottom(MARGIN)
                .left(MARGIN)
                .right(MARGIN)
                .header(567)
                .footer(567),
        )
        .header(header)
        .footer(footer)
        .created_at(&format!("{}T00:00:00Z", doc.date))
        .updated_at(&format!("{}T00:00:00Z", doc.date))
        .add_paragraph(para(&doc.title).style("Title"))
        .add_paragraph(para(&doc.kind).style("Subtitle"))
        .add_paragraph(para(doc.mark.text()).style(mark_style));
    docx = fields(docx, &doc.header);
    for s in &doc.sections {
        docx = section(docx, s);
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    let mut xml = docx.build();
    xml.document = repeat_header_rows(&xml.document);
    xml.pack(&mut bytes)
        .map_err(|e| ExportError::Docx(e.to_string()))?;
    Ok(bytes.into_inner())
}

/// The styles the document uses. Heading ids and names are Word's built-in ones
/// ("Heading1" / "heading 1"), which Word and LibreOffice map to their own headings.
fn styles(docx: Docx) -> Docx {
    let fonts = RunFonts::new()
        .ascii("Calibri")
        .hi_ansi("Calibri")
        .cs("Calibri")
        .east_asia("Calibri");
    let heading = |id: &str, name: &str, level: usize, size: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .ui_priority(9)
            .outline_lvl(level)
            .line_spacing(
                LineSpacing::new()
                    .before(if level == 0 { 360 } else { 240 })
                    .after(80),
            )
            .size(size)
            .bold()
            .color("1F3864")
    };
    docx.default_fonts(fonts)
        .default_size(22)
        .default_line_spacing(LineSpacing::new().after(100).line(264))
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .based_on("Normal")
                .next("Normal")
                .q_format(true)
                .size(48)
                .bold(),
        )
        .add_style(
            Style::new("Subtitle", StyleType::Paragraph)
                .name("Subtitle")
                .based_on("Normal")
                .next("Normal")
                .q_format(true)
                .size(28)
                .color("404040"),
        )
        .add_style(heading("Heading1", "heading 1", 0, 32))
        .add_style(heading("Heading2", "heading 2", 1, 26))
        .add_style(
            Style::new("DraftMark", StyleType::Paragraph)
                .name("Draft mark")
                .based_on("Normal")
                .bold()
                .color("C00000"),
        )
        .add_style(
            Style::new("StampMark", StyleType::Paragraph)
                .name("Finalize stamp")
                .based_on("Normal")
                .size(18)
                .color("404040"),
        )
}

fn para(text: &str) -> Paragraph {
    Paragraph::new().add_run(text_run(text, Run::new()))
}

/// A run with the text's line breaks kept.
fn text_run(text: &str, mut run: Run) -> Run {
    for (i, line) in text.trim().lines().enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(line.trim_end());
    }
    run
}

fn section(mut docx: Docx, s: &Section) -> Docx {
    let style = if s.level == 1 { "Heading1" } else { "Heading2" };
    docx = docx.add_paragraph(para(&s.title).style(style).page_break_before(s.page_break));
    for b in &s.blocks {
        docx = match b {
            Block::Text(t) => t
                .split("\n\n")
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .fold(docx, |d, p| d.add_paragraph(para(p))),
            Block::Label(t) => {
                docx.add_paragraph(Paragraph::new().add_run(Run::new().add_text(t).bold()))
            }
            Block::Fields(f) => fields(docx, f),
            Block::List(items) => items.iter().fold(docx, |d, i| {
                d.add_paragraph(
                    Paragraph::new()
                        .indent(
                            Some(360),
                            Some(docx_rs::SpecialIndentType::Hanging(360)),
                            None,
                            None,
                        )
                        .add_run(Run::new().add_text("•"))
                        .add_run(Run::new().add_tab())
                        .add_run(text_run(i, Run::new())),
                )
            }),
            Block::Table(t) => docx.add_table(table(t)),
        };
    }
    docx
}

fn fields(docx: Docx, fields: &[(String, String)]) -> Docx {
    fields.iter().fold(docx, |d, (label, value)| {
        let mut p = Paragraph::new();
        if !label.is_empty() {
            p = p.add_run(Run::new().add_text(format!("{label}: ")).bold());
        }
        d.add_paragraph(p.add_run(text_run(value, Run::new())))
    })
}

/// Column widths: every column at least as wide as its longest word (a date is never
/// broken), the rest shared in proportion to how much text the columns hold.
fn column_widths(t: &Table) -> Vec<usize> {
    // The two tables every reader looks at get fixed shares (per cent): the action's
    // text gets room, and a date fits on one line.
    let fixed: &[usize] = match t.kind {
        TableKind::Actions => &[25, 12, 16, 17, 14, 16],
        TableKind::Participants => &[16, 15, 18, 11, 25, 15],
        TableKind::Other => &[],
    };
    if fixed.len() == t.headers.len() {
        return fixed.iter().map(|p| TEXT_WIDTH * p / 100).collect();
    }
    const CHAR: usize = 115; // twips per character at 9 pt bold, roughly
    const PADDING: usize = 240;
    let columns = t.headers.len().max(1);
    let cells = |i: usize| {
        t.rows
            .iter()
            .filter_map(move |r| r.get(i))
            .chain(t.headers.get(i))
    };
    let longest_word = |i: usize| {
        cells(i)
            .flat_map(|c| c.split_whitespace())
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(4)
            .min(24)
    };
    let longest_text = |i: usize| {
        t.rows
            .iter()
            .filter_map(|r| r.get(i))
            .map(|c| c.chars().count())
            .max()
            .unwrap_or(0)
            .min(60)
    };
    let min: Vec<usize> = (0..columns)
        .map(|i| longest_word(i) * CHAR + PADDING)
        .collect();
    let min_total: usize = min.iter().sum();
    if min_total >= TEXT_WIDTH {
        return min.iter().map(|w| TEXT_WIDTH * w / min_total).collect();
    }
    let extra: Vec<usize> = (0..columns)
        .map(|i| longest_text(i).saturating_sub(longest_word(i)) + 1)
        .collect();
    let extra_total: usize = extra.iter().sum();
    let spare = TEXT_WIDTH - min_total;
    min.iter()
        .zip(&extra)
        .map(|(m, e)| m + spare * e / extra_total)
        .collect()
}

fn table(t: &Table) -> docx_rs::Table {
    let widths = column_widths(t);
    let cell = |text: &str, head: bool, width: usize| {
        let run = text_run(text, Run::new().size(18));
        let run = if head { run.bold() } else { run };
        let c = TableCell::new().width(width, WidthType::Dxa).add_paragraph(
            Paragraph::new()
                .line_spacing(LineSpacing::new().before(20).after(20).line(240))
                .add_run(run),
        );
        if head {
            c.shading(Shading::new().fill("E8E8E8"))
        } else {
            c
        }
    };
    let row = |cells: &[String], head: bool| {
        cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| cell(c, head, *w))
            .collect::<Vec<_>>()
    };
    // Header rows are marked `cantSplit` here and turned into repeating header rows by
    // `repeat_header_rows`; body rows get `cantSplit` there.
    let mut rows = vec![TableRow::new(row(&t.headers, true)).cant_split()];
    rows.extend(t.rows.iter().map(|r| TableRow::new(row(r, false))));
    docx_rs::Table::new(rows)
        .margins(docx_rs::TableCellMargins::new().margin(30, 80, 30, 80))
        .set_grid(widths)
        .width(TEXT_WIDTH, WidthType::Dxa)
}

/// docx-rs cannot mark a table row as a header row (`w:tblHeader`, repeated at the top of
/// every page the table runs over), so the built XML is patched: rows built with
/// `cantSplit` are the header rows; every other row becomes unsplittable instead.
fn repeat_header_rows(document: &[u8]) -> Vec<u8> {
    let xml = String::from_utf8_lossy(document);
    xml.replace(
        "<w:trPr><w:cantSplit /></w:trPr>",
        "<w:trPr><w:tblHeader /></w:trPr>",
    )
    .replace("<w:trPr />", "<w:trPr><w:cantSplit /></w:trPr>")
    .into_bytes()
}

//! Markdown: CommonMark with GitHub-style tables, written to read well as plain text in
//! an e-mail or a text editor, not only when rendered.

use super::minutes::{Block, Minutes, Section};

pub fn render(doc: &Minutes) -> String {
    let mut out = String::new();
    out += &format!("# {}\n\n", inline(&doc.title));
    if !doc.confidentiality.is_empty() {
        out += &format!("*{}*\n\n", inline(&doc.confidentiality));
    }
    out += &format!("**{}**\n\n", inline(doc.mark.text()));
    for (label, value) in &doc.header {
        out += &field(label, value);
    }
    out.push('\n');
    for s in &doc.sections {
        section(&mut out, s, doc);
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

fn section(out: &mut String, s: &Section, doc: &Minutes) {
    let hashes = "#".repeat(usize::from(s.level) + 1);
    if s.page_break {
        out.push_str("---\n\n");
    }
    *out += &format!("{hashes} {}\n\n", inline(&s.title));
    // The draft mark stands under every top-level heading: pages of a printed Markdown
    // file get separated, and each part must still say it is not finalized.
    if s.level == 1 && doc.mark.is_draft() && !s.page_break {
        *out += &format!("*{}*\n\n", inline(doc.mark.text()));
    }
    for b in &s.blocks {
        block(out, b);
    }
}

fn block(out: &mut String, b: &Block) {
    match b {
        Block::Text(t) => {
            for para in paragraphs(t) {
                *out += &lines(&para);
                out.push_str("\n\n");
            }
        }
        Block::Label(t) => *out += &format!("**{}**\n\n", inline(t)),
        Block::Fields(fields) => {
            for (label, value) in fields {
                *out += &field(label, value);
            }
            out.push('\n');
        }
        Block::List(items) => {
            for item in items {
                *out += &format!("- {}\n", lines(item).replace('\n', "\n  "));
            }
            out.push('\n');
        }
        Block::Signatures(s) => {
            for p in &s.people {
                *out += &format!(
                    "**{}:** {}  \n{} {} {} {}\n\n",
                    inline(&p.role),
                    inline(&p.name),
                    inline(&s.signature),
                    "_".repeat(32),
                    inline(&s.date),
                    "_".repeat(14)
                );
            }
        }
        Block::Table(t) => {
            out.push_str(&row(&t.headers));
            out.push_str(&format!("|{}\n", "---|".repeat(t.headers.len())));
            for r in &t.rows {
                out.push_str(&row(r));
            }
            out.push('\n');
        }
    }
}

/// A label–value line; a multi-line value continues indented under it.
fn field(label: &str, value: &str) -> String {
    let value = lines(value.trim());
    if label.is_empty() {
        format!("{value}  \n")
    } else if value.contains('\n') {
        format!("**{}:**  \n{value}  \n", inline(label))
    } else {
        format!("**{}:** {value}  \n", inline(label))
    }
}

fn row(cells: &[String]) -> String {
    let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
    format!("| {} |\n", cells.join(" | "))
}

/// A table cell: one line, pipes escaped.
fn cell(text: &str) -> String {
    let one_line = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" / ");
    inline(&one_line).replace('|', "\\|")
}

fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// Lines of one paragraph, each escaped, joined with hard line breaks.
fn lines(text: &str) -> String {
    text.lines()
        .map(|l| line_start(&inline(l.trim())))
        .collect::<Vec<_>>()
        .join("  \n")
}

/// Escape what CommonMark would read as markup inside a line.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escape what would start a list, a heading or a quote at the start of a line.
fn line_start(line: &str) -> String {
    let first = line.chars().next();
    if matches!(first, Some('-' | '+' | '=' | '|')) {
        return format!("\\{line}");
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && matches!(line[digits..].chars().next(), Some('.' | ')')) {
        return format!("{}\\{}", &line[..digits], &line[digits..]);
    }
    line.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_free_text_is_escaped() {
        assert_eq!(lines("1. inte en lista"), "1\\. inte en lista");
        assert_eq!(lines("- inte heller"), "\\- inte heller");
        assert_eq!(inline("a*b*_c_ <x>"), "a\\*b\\*\\_c\\_ \\<x\\>");
        assert_eq!(cell("a | b\nc"), "a \\| b / c");
    }
}

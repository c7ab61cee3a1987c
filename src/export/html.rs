//! HTML: one self-contained file (inline CSS, no fonts, no scripts) with a print
//! stylesheet, so "print to PDF" in any browser gives a clean A4 document.

use super::minutes::{Block, Minutes, Section, Signatures, Table, TableKind};
use crate::i18n::Lang;
use crate::i18n::minutes as l;
use crate::meeting::{Attendance, Decision, Meeting, Performer};

/// Screen and print styles. Table headers repeat on every printed page; the draft mark or
/// stamp is repeated at the top of every printed page; a heading stays with what follows
/// it. The plan follows the phases on the same page: a forced page break before it left
/// a page with a line or two on it when the phases just overran a page.
const CSS: &str = r#"
:root { color-scheme: light; }
body { font-family: "Segoe UI", "Liberation Sans", Arial, sans-serif; font-size: 11pt;
  line-height: 1.45; color: #111; max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.8em; margin: 0 0 .2em; }
h2 { font-size: 1.35em; margin: 1.6em 0 .4em; border-bottom: 1px solid #999; padding-bottom: .15em; }
h3 { font-size: 1.1em; margin: 1.2em 0 .3em; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
.kind { font-size: 1.1em; color: #333; margin: 0 0 .8em; }
.mark { font-weight: bold; padding: .35em .6em; border: 2px solid #111; display: inline-block; margin: .3em 0 1em; }
.mark.draft { border-style: dashed; }
.section-mark { font-style: italic; color: #444; margin: 0 0 .6em; break-after: avoid; page-break-after: avoid; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; margin: .5em 0 1em; }
dl.fields dt { font-weight: bold; }
dl.fields dd { margin: 0; }
table { border-collapse: collapse; width: 99.6%; margin: .5em 0 1.2em; font-size: .95em; }
th, td { border: 1px solid #777; padding: .3em .45em; text-align: left; vertical-align: top; overflow-wrap: break-word; }
thead th { background: #e8e8e8; }
.label { font-weight: bold; margin: .8em 0 .2em; break-after: avoid; page-break-after: avoid; }
.confidential { font-weight: bold; font-size: .9em; margin: 0 0 .6em; }
.signatures { margin: 1.5em 0; }
.signature { display: grid; grid-template-columns: 2fr 1fr; gap: 0 2em; margin: 0 0 1.2em; break-inside: avoid; page-break-inside: avoid; }
.signature .label { grid-column: 1 / -1; }
.sign .line { display: block; border-bottom: 1px solid #111; height: 2.6em; }
.sign span + span { font-size: .9em; }
.date { white-space: nowrap; }
@page { size: A4; margin: 20mm 18mm 22mm 18mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  thead { display: table-header-group; }
  table { table-layout: fixed; }
  tr, li, dl.fields { break-inside: avoid; page-break-inside: avoid; }
}
"#;

/// The page margins of a printed page: the draft mark or the stamp at the top of every
/// page, page numbers at the bottom (CSS paged media margin boxes). A draft says so in
/// bold red, as large as the text: a small grey line is read past.
///
/// The confidentiality line and the case reference with the date stand top left.
fn page_css(mark: &str, draft: bool, top_left: &str, page: &str, of: &str) -> String {
    let mark_font = if draft {
        "font: bold 11pt Arial, sans-serif; color: #c00000;"
    } else {
        "font: 8pt Arial, sans-serif; color: #333;"
    };
    format!(
        "@page {{ @top-left {{ content: \"{}\"; white-space: pre-wrap; font: 8pt Arial, sans-serif; color: #111; }}\n  \
         @top-right {{ content: \"{}\"; {mark_font} }}\n  \
         @bottom-center {{ content: \"{} \" counter(page) \" {} \" counter(pages); font: 8pt Arial, sans-serif; }} }}\n",
        top_left
            .lines()
            .map(css_string)
            .collect::<Vec<_>>()
            .join("\\A "),
        css_string(mark),
        css_string(page),
        css_string(of)
    )
}

/// What a printed page says top left: the confidentiality line, then case and date.
fn page_top_left(doc: &Minutes) -> String {
    let case = [doc.case_ref.trim(), &doc.date.to_string()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" · ");
    if doc.confidentiality.is_empty() {
        case
    } else {
        format!("{}\n{case}", doc.confidentiality)
    }
}

/// Text for a CSS string: quotes and backslashes escaped, no line breaks.
fn css_string(t: &str) -> String {
    t.chars()
        .map(|c| match c {
            '"' | '\\' => format!("\\{c}"),
            '\n' | '\r' => " ".to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// The minutes as HTML. `meeting` is the meeting they were built from (pseudonymized when
/// they are), whose free text is marked as Swedish in English minutes.
pub fn render(doc: &Minutes, meeting: &Meeting) -> String {
    let sv = Swedish::new(meeting, doc.lang);
    let lang = doc.lang.pick("sv", "en");
    let draft = if doc.mark.is_draft() { " draft" } else { "" };
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title{}>{}</title>\n<style>{CSS}{}</style>\n</head>\n<body>\n",
        sv.whole(&doc.title),
        esc(&doc.title),
        esc_style(&page_css(
            doc.mark.text(),
            doc.mark.is_draft(),
            &page_top_left(doc),
            l::PAGE.get(doc.lang),
            l::OF.get(doc.lang)
        ))
    );
    out += "<header>\n";
    if !doc.confidentiality.is_empty() {
        out += &format!(
            "<p class=\"confidential\">{}</p>\n",
            esc(&doc.confidentiality)
        );
    }
    out += &format!("<h1{}</h1>\n", sv.element(&doc.title));
    out += &format!("<p class=\"kind\">{}</p>\n", esc(&doc.kind));
    out += &format!("<p class=\"mark{draft}\">{}</p>\n", esc(doc.mark.text()));
    out += &fields(&doc.header, &sv);
    out += "</header>\n<main>\n";
    let mut in_plan = false;
    for s in &doc.sections {
        if s.level == 1 && in_plan {
            out += "</section>\n";
            in_plan = false;
        }
        if s.page_break {
            out += "<section class=\"plan\">\n";
            in_plan = true;
        }
        section(&mut out, s, doc, &sv);
    }
    if in_plan {
        out += "</section>\n";
    }
    out += "</main>\n</body>\n</html>\n";
    out
}

fn section(out: &mut String, s: &Section, doc: &Minutes, sv: &Swedish) {
    let tag = if s.level == 1 { "h2" } else { "h3" };
    *out += &format!("<{tag}>{}</{tag}>\n", esc(&s.title));
    if s.level == 1 && doc.mark.is_draft() && !s.page_break {
        *out += &format!("<p class=\"section-mark\">{}</p>\n", esc(doc.mark.text()));
    }
    for b in &s.blocks {
        match b {
            Block::Text(t) => {
                for para in t.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
                    *out += &format!("<p{}</p>\n", sv.element(para));
                }
            }
            Block::Label(t) => *out += &format!("<p class=\"label\">{}</p>\n", esc(t)),
            Block::Fields(f) => *out += &fields(f, sv),
            Block::List(items) => {
                out.push_str("<ul>\n");
                for i in items {
                    *out += &format!("<li{}</li>\n", sv.element(i));
                }
                out.push_str("</ul>\n");
            }
            Block::Table(t) => table(out, t, sv),
            Block::Signatures(s) => signatures(out, s),
        }
    }
}

/// A line to sign and a line for the date for each person, their name under the line.
fn signatures(out: &mut String, s: &Signatures) {
    out.push_str("<div class=\"signatures\">\n");
    for p in &s.people {
        *out += &format!(
            "<div class=\"signature\"><p class=\"label\">{}</p>\
             <div class=\"sign\"><span class=\"line\" title=\"{}\"></span><span>{}</span></div>\
             <div class=\"sign date\"><span class=\"line\"></span><span>{}</span></div></div>\n",
            esc(&p.role),
            esc(&s.signature),
            esc(&p.name),
            esc(&s.date)
        );
    }
    out.push_str("</div>\n");
}

fn fields(fields: &[(String, String)], sv: &Swedish) -> String {
    let mut out = String::from("<dl class=\"fields\">\n");
    for (label, value) in fields {
        out += &format!("<dt>{}</dt><dd{}</dd>\n", esc(label), sv.element(value));
    }
    out + "</dl>\n"
}

fn table(out: &mut String, t: &Table, sv: &Swedish) {
    let class = match t.kind {
        TableKind::Participants => " class=\"participants\"",
        TableKind::Actions => " class=\"actions\"",
        TableKind::Other => "",
    };
    let (widths, size) = column_percentages(t);
    // Set smaller where the longest words do not fit side by side at the usual size.
    let style = size.map_or_else(String::new, |pt| format!(" style=\"font-size: {pt:.1}pt\""));
    *out += &format!("<table{class}{style}>\n<colgroup>");
    for w in widths {
        *out += &format!("<col style=\"width: {w:.1}%\">");
    }
    out.push_str("</colgroup>\n<thead>\n<tr>");
    for h in &t.headers {
        *out += &format!("<th scope=\"col\">{}</th>", esc(h));
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for r in &t.rows {
        out.push_str("<tr>");
        for c in r {
            *out += &format!("<td{}</td>", sv.element(c));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// Each column's share of the table, sized to its content as the Word document's are
/// (`export::widths`): every column at least as wide as its longest word, so that no word
/// is broken inside a cell. A browser's own automatic layout spreads the room by the
/// columns' whole text and left the action's description a sixth of the page, and it
/// ignores widths asked for in CSS once the text is long; printed, a fixed layout with
/// these widths is the same in every browser (on screen the browser lays out the table
/// for the window's width).
///
/// Also the text size in points when the table must be set smaller than the usual 9.5 pt
/// for its longest words to fit side by side (as the Word document does).
fn column_percentages(t: &Table) -> (Vec<f64>, Option<f64>) {
    // The printed text width (A4 less 2 × 18 mm) in twips, and the table's text sizes in
    // half-points of the Calibri metrics the widths are measured in: Arial or Liberation
    // Sans at 9.5 pt is about as wide as Calibri at 11 pt.
    const PRINT_WIDTH: u32 = 9865;
    const SIZES: [u32; 3] = [22, 20, 18];
    const ARIAL: f64 = 19.0 / 22.0;
    let (widths, size) = super::widths::column_widths(&t.headers, &t.rows, PRINT_WIDTH, &SIZES);
    let percentages = widths
        .iter()
        .map(|&w| f64::from(w) * 100.0 / f64::from(PRINT_WIDTH))
        .collect();
    let smaller = (size < SIZES[0]).then(|| f64::from(size) / 2.0 * ARIAL);
    (percentages, smaller)
}

/// The meeting's own words, which are Swedish whatever language the minutes are in: the
/// notes, the situation, the child's views, needs, goals, the actions' texts, and the
/// organisations, roles and places as the participants wrote them. In English minutes
/// they are marked `lang="sv"`, so screen readers, hyphenation and spelling treat them as
/// Swedish; the program's own words around them stay English. People's names are left
/// unmarked: they are no language's words.
struct Swedish {
    /// Longest first, so a whole text wins over a line of it.
    texts: Vec<String>,
}

impl Swedish {
    fn new(m: &Meeting, lang: Lang) -> Swedish {
        if lang == Lang::Sv {
            return Swedish { texts: Vec::new() };
        }
        let mut texts: Vec<&str> = vec![&m.title, &m.place, &m.initiator];
        // The organisations' names and missions (actions, consents and the overall
        // responsibility name them by id).
        for o in &m.organisations {
            texts.extend([o.name.as_str(), &o.mission]);
        }
        for p in &m.participants {
            texts.push(p.role.as_str());
            texts.extend(p.mandate.as_ref().map(|md| md.scope.as_str()));
            if let Attendance::Declined { reason } = &p.attendance {
                texts.push(reason);
            }
        }
        for c in &m.consents {
            texts.extend([c.scope.as_str(), &c.exclusions, &c.child_view]);
        }
        texts.extend(m.phases.values().map(|r| r.notes.as_str()));
        let st = &m.situation;
        texts.extend([
            st.works_well.as_str(),
            &st.worries,
            &st.risk_factors,
            &st.protective_factors,
        ]);
        let cv = &m.child_voice;
        texts.extend([cv.views.as_str(), &cv.how_obtained, &cv.not_obtained_reason]);
        texts.extend(m.needs.iter().map(String::as_str));
        for g in &m.goals {
            texts.extend([g.text.as_str(), &g.indicator]);
        }
        for a in &m.actions {
            texts.extend([a.what.as_str(), &a.status_comment]);
            // Often a role ("Läkare, BUP Södra"); a participant's name is dropped below.
            if let Some(Performer::Named(n)) = &a.performer {
                texts.push(n);
            }
            if let Decision::Awaiting {
                decision_maker,
                reason,
                ..
            } = &a.decision
            {
                texts.extend([decision_maker.as_str(), reason]);
            }
        }
        texts.extend(m.disagreements.iter().map(String::as_str));
        if let Some(f) = &m.follow_up {
            texts.extend([f.place.as_str(), &f.topics]);
        }
        texts.extend(m.plan_closed.as_deref());
        texts.extend(m.evaluations.iter().map(|e| e.comment.as_str()));
        texts.extend(m.distribution.iter().map(String::as_str));
        texts.extend(m.revisions.iter().filter_map(|r| r.reason.as_deref()));

        // The minutes split text into paragraphs and lines: each is found on its own too.
        let mut all: Vec<String> = Vec::new();
        for t in texts {
            let t = lines(t);
            all.extend(t.split("\n\n").map(|p| p.trim().to_string()));
            all.extend(t.lines().map(|l| l.trim().to_string()));
            all.push(t);
        }
        // One letter is not a word to mark, a date or a number is no language, and a
        // performer or decision maker written as a participant's name is a name.
        let names = names(m);
        all.retain(|t| {
            t.chars().count() > 1
                && t.chars().any(char::is_alphabetic)
                && !names.contains(&t.as_str())
        });
        all.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        all.dedup();
        Swedish { texts: all }
    }

    /// The rest of an opening tag and the element's content: `>text` or, when all of it
    /// is the meeting's own words, ` lang="sv">text`; words inside the program's own
    /// text are wrapped in `<span lang="sv">`.
    fn element(&self, t: &str) -> String {
        let t = lines(t);
        let found = self.find(&t);
        if let [(0, end)] = found[..]
            && end == t.len()
        {
            return format!(" lang=\"sv\">{}", text(&t));
        }
        with_spans(&t, &found)
    }

    /// ` lang="sv"` for an element that holds only text, such as `<title>`, when all of
    /// `t` is the meeting's own words.
    fn whole(&self, t: &str) -> &'static str {
        let t = lines(t);
        match self.find(&t)[..] {
            [(0, end)] if end == t.len() => " lang=\"sv\"",
            _ => "",
        }
    }

    /// Where the meeting's texts stand in `t`, as whole words, without overlaps, in order.
    fn find(&self, t: &str) -> Vec<(usize, usize)> {
        let mut found: Vec<(usize, usize)> = Vec::new();
        for s in &self.texts {
            if s.len() > t.len() {
                continue;
            }
            for (start, _) in t.match_indices(s.as_str()) {
                let end = start + s.len();
                let word_edge = !t[..start]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
                    && !t[end..].chars().next().is_some_and(char::is_alphanumeric);
                if word_edge && found.iter().all(|&(a, b)| end <= a || b <= start) {
                    found.push((start, end));
                }
            }
        }
        found.sort_unstable();
        found
    }
}

/// `>` and `t` with the `found` ranges in `<span lang="sv">`.
fn with_spans(t: &str, found: &[(usize, usize)]) -> String {
    let mut out = String::from(">");
    let mut at = 0;
    for &(start, end) in found {
        out += &text(&t[at..start]);
        out += &format!("<span lang=\"sv\">{}</span>", text(&t[start..end]));
        at = end;
    }
    out + &text(&t[at..])
}

/// Everyone the meeting names as a person.
fn names(m: &Meeting) -> Vec<&str> {
    let mut names: Vec<&str> = vec![&m.facilitator, &m.note_taker, &m.subject.name];
    for p in &m.participants {
        names.push(&p.name);
        names.extend(p.stand_in.as_deref());
    }
    for a in &m.actions {
        if let Some(f) = &a.feedback {
            names.extend([f.from.as_str(), &f.to]);
        }
    }
    names.extend(m.finalized.as_ref().map(|s| s.by.as_str()));
    names.iter().map(|n| n.trim()).collect()
}

/// Text as the page shows it: trimmed, without spaces at the ends of lines.
fn lines(t: &str) -> String {
    t.trim()
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Escaped text with its line breaks kept, and every date kept on one line.
fn text(t: &str) -> String {
    nowrap_dates(&esc(t)).replace('\n', "<br>\n")
}

/// A browser breaks a line after any hyphen, also inside a date ("2026-11-" / "20") in a
/// narrow table column: each date (YYYY-MM-DD) is wrapped in a span that is not broken.
fn nowrap_dates(t: &str) -> String {
    let b = t.as_bytes();
    let is_date = |i: usize| {
        b.len() >= i + 10
            && b[i..i + 10].iter().enumerate().all(|(k, c)| match k {
                4 | 7 => *c == b'-',
                _ => c.is_ascii_digit(),
            })
            && (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            && b.get(i + 10).is_none_or(|c| !c.is_ascii_alphanumeric())
    };
    let mut out = String::with_capacity(t.len());
    let mut at = 0;
    let mut i = 0;
    while i < b.len() {
        if is_date(i) {
            out += &t[at..i];
            out += &format!("<span class=\"date\">{}</span>", &t[i..i + 10]);
            i += 10;
            at = i;
        } else {
            i += 1;
        }
    }
    out + &t[at..]
}

/// Inside <style> only "</" could end the element early.
fn esc_style(css: &str) -> String {
    css.replace("</", "<\\/")
}

fn esc(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_never_broken_at_their_hyphens() {
        assert_eq!(
            text("2026-11-09 – 2026-11-20, senast 2026-12-04."),
            "<span class=\"date\">2026-11-09</span> – <span class=\"date\">2026-11-20</span>, \
             senast <span class=\"date\">2026-12-04</span>."
        );
        // Not a date: part of a longer number or word, or a phone number.
        assert_eq!(
            text("SOC-2026-0587 12026-11-091 070-123"),
            "SOC-2026-0587 12026-11-091 070-123"
        );
        assert_eq!(text("x2026-11-09"), "x2026-11-09");
        assert_eq!(
            text("åäö 2026-01-02"),
            "åäö <span class=\"date\">2026-01-02</span>"
        );
    }
}

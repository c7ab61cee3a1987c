//! Drawing helpers at the bottom of the screen's layers: bordered blocks, lists, text
//! boxes, word wrap and centring. They know the theme and nothing of the meeting.

use super::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};
use unicode_segmentation::UnicodeSegmentation;

/// A bordered block; a focused one is marked with ▶ in its title.
pub fn block<'a>(theme: &Theme, title: impl Into<String>, focused: bool) -> Block<'a> {
    let title = title.into();
    let style = if focused { theme.title } else { theme.border };
    let title = if focused {
        format!(" ▶ {title} ")
    } else {
        format!(" {title} ")
    };
    Block::default()
        .borders(Borders::ALL)
        .border_style(style)
        .title(Span::styled(title, theme.title))
}

/// A bordered list whose selected item is reversed, bold and marked with ▶; `empty` is
/// shown when there are no items.
pub fn list(
    theme: &Theme,
    f: &mut Frame,
    area: Rect,
    title: &str,
    items: Vec<Text<'static>>,
    selected: Option<usize>,
    empty: Option<String>,
) {
    let blk = block(theme, title, false);
    if items.is_empty() {
        let msg = empty.unwrap_or_default();
        f.render_widget(
            Paragraph::new(Span::styled(msg, theme.dim))
                .wrap(Wrap { trim: true })
                .block(blk),
            area,
        );
        return;
    }
    let items: Vec<ListItem> = items.into_iter().map(ListItem::new).collect();
    let widget = List::new(items)
        .block(blk)
        .highlight_style(theme.selected)
        .highlight_symbol("▶ ")
        .style(theme.base);
    let mut state = ListState::default().with_selected(selected);
    f.render_stateful_widget(widget, area, &mut state);
}

/// A bordered box of free text (already masked as it may be shown), or `hint` in a
/// focused box that is empty.
pub fn text_box(
    theme: &Theme,
    f: &mut Frame,
    area: Rect,
    title: &str,
    body: &str,
    hint: &str,
    focused: bool,
) {
    let blk = block(theme, title, focused);
    let para = if body.trim().is_empty() {
        let hint = if focused { hint } else { "" };
        Paragraph::new(Span::styled(hint.to_string(), theme.dim))
    } else {
        Paragraph::new(body.to_string()).style(theme.base)
    };
    let border = if focused {
        blk.border_style(theme.selected)
    } else {
        blk
    };
    f.render_widget(para.wrap(Wrap { trim: false }).block(border), area);
}

/// A labelled line: "Label: value".
pub fn kv(theme: &Theme, label: &str, value: String) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{label}: "), theme.dim),
        Span::styled(value, Style::default()),
    ])
}

/// `text` wrapped to fit a list of `area_width`, the first line after `prefix`, the rest
/// indented to match. Lists do not wrap by themselves.
pub fn wrapped(text: &str, area_width: u16, prefix: &str) -> Vec<Line<'static>> {
    let indent = " ".repeat(prefix.chars().count());
    let width = (area_width as usize)
        .saturating_sub(4 + indent.len())
        .max(10);
    text.lines()
        .flat_map(|l| wrap(l, width))
        .enumerate()
        .map(|(i, part)| {
            let lead = if i == 0 { prefix } else { indent.as_str() };
            Line::from(format!("{lead}{part}"))
        })
        .collect()
}

/// Greedy word wrap for list items (a List does not wrap by itself).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || out.is_empty() {
        out.push(line);
    }
    out
}

/// A `w`×`h` rectangle in the middle of `area` (smaller when `area` is).
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// How many cells `s` takes on the screen.
pub fn width(s: &str) -> usize {
    Span::raw(s).width()
}

/// `s` cut to `max` cells, marked with "…" where it is cut: a cut is never silent.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    cut(s, max)
}

/// The start of `s` and "…", in at most `max` cells.
fn cut(s: &str, max: usize) -> String {
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = width(g);
        if used + w + 1 > max {
            break;
        }
        out.push_str(g);
        used += w;
    }
    let mut out = out.trim_end().to_string();
    out.push('…');
    out
}

/// A line of spans cut to `max` cells, with "…" where it is cut.
pub fn fit_line(line: Line<'static>, max: usize) -> Line<'static> {
    if line.width() <= max {
        return line;
    }
    let mut out = Vec::new();
    let mut used = 0;
    for span in line.spans {
        let w = span.width();
        if used + w < max {
            used += w;
            out.push(span);
            continue;
        }
        out.push(Span::styled(cut(&span.content, max - used), span.style));
        break;
    }
    Line::from(out)
}

/// `text` as a text field wraps it (ratatui-textarea's `WrapMode::WordOrGlyph`): each
/// line of the text broken at word boundaries to rows of at most `max` cells, a word
/// longer than a row broken where it must. A form sizes its fields by this, so the
/// whole text is in view.
pub fn wrap_text(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut rows = Vec::new();
    for line in text.split('\n') {
        let start = rows.len();
        let mut row = String::new();
        let mut used = 0;
        for word in line.split_word_bounds() {
            let w = width(word);
            if used + w <= max {
                row.push_str(word);
                used += w;
                continue;
            }
            if !row.is_empty() {
                rows.push(std::mem::take(&mut row));
                used = 0;
            }
            if w <= max {
                row.push_str(word);
                used = w;
                continue;
            }
            // A word wider than a row: as many graphemes as fit, row after row.
            for g in word.graphemes(true) {
                let gw = width(g);
                if used + gw > max && !row.is_empty() {
                    rows.push(std::mem::take(&mut row));
                    used = 0;
                }
                row.push_str(g);
                used += gw;
            }
            rows.push(std::mem::take(&mut row));
            used = 0;
        }
        if !row.is_empty() || rows.len() == start {
            rows.push(row);
        }
    }
    rows
}

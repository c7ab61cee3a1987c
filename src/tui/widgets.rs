//! Drawing helpers at the bottom of the screen's layers: bordered blocks, lists, text
//! boxes, word wrap and centring. They know the theme and nothing of the meeting.

use super::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{
    Block, Borders, HighlightSpacing, List, ListItem, ListState, Paragraph, Wrap,
};
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

/// Where a list with a selection was scrolled in the last frame, so that the next frame
/// starts there: a move among the rows shown moves the highlight, not the rows. It is
/// what a frame leaves for the next, as ratatui's `ListState` is changed by drawing a
/// `List`; the state the keys change (what is selected) stays in the app.
#[derive(Debug, Default)]
pub struct Scroll {
    /// Whose list (a phase's index) and the first row it showed.
    top: std::cell::Cell<(usize, usize)>,
}

impl Scroll {
    /// This scroll as the list of `owner` keeps it: another owner's list starts at the top.
    pub fn of(&self, owner: usize) -> Kept<'_> {
        Kept {
            scroll: self,
            owner,
        }
    }
}

/// A list's scroll (`Scroll::of`).
#[derive(Clone, Copy)]
pub struct Kept<'a> {
    scroll: &'a Scroll,
    owner: usize,
}

impl Kept<'_> {
    fn top(self) -> usize {
        let (owner, top) = self.scroll.top.get();
        if owner == self.owner { top } else { 0 }
    }

    fn keep(self, top: usize) {
        self.scroll.top.set((self.owner, top));
    }
}

/// A bordered list whose selected item is reversed, bold and marked with ▶; `empty` is
/// shown when there are no items. `kept` says where it was scrolled (`list_lazy`).
#[allow(clippy::too_many_arguments)]
pub fn list(
    theme: &Theme,
    f: &mut Frame,
    area: Rect,
    title: &str,
    items: Vec<Text<'static>>,
    selected: Option<usize>,
    kept: Option<Kept<'_>>,
    empty: Option<String>,
) {
    let mut items: Vec<Option<Text<'static>>> = items.into_iter().map(Some).collect();
    let len = items.len();
    list_lazy(
        theme,
        f,
        area,
        title,
        len,
        |i| items[i].take().unwrap_or_default(),
        selected,
        kept,
        empty,
    );
}

/// A list of `len` rows like `list`, where `row(i)` builds row `i` and is asked only for
/// the rows on screen (and those it takes to know which are): a list of hundreds of
/// rows costs what the rows shown cost. The rows shown start where the last frame's did
/// (`kept`; from the top without it), moved as little as keeps the selected row on
/// screen: up to it when it is above them, and when it is below them, so that it is the
/// last row shown. A list that could show more rows at its end shows them.
#[allow(clippy::too_many_arguments)]
pub fn list_lazy(
    theme: &Theme,
    f: &mut Frame,
    area: Rect,
    title: &str,
    len: usize,
    mut row: impl FnMut(usize) -> Text<'static>,
    selected: Option<usize>,
    kept: Option<Kept<'_>>,
    empty: Option<String>,
) {
    let blk = block(theme, title, false);
    if len == 0 {
        if let Some(kept) = kept {
            kept.keep(0);
        }
        let msg = empty.unwrap_or_default();
        f.render_widget(
            Paragraph::new(Span::styled(msg, theme.dim))
                .wrap(Wrap { trim: true })
                .block(blk),
            area,
        );
        return;
    }
    let room = blk.inner(area).height as usize;
    let selected = selected.map(|s| s.min(len - 1));
    let mut rows = Rows {
        row: &mut row,
        built: Default::default(),
        room,
        len,
    };
    let top = kept.map_or(0, Kept::top).min(len - 1);
    let top = selected.map_or(top, |sel| top.min(sel));
    // (Each row is a line at least, so a selected row further down than the list is
    // tall is not among the rows from the top: no need to build them.)
    let below = selected.is_some_and(|sel| sel >= top + room);
    let (end, used) = if below { (top, 0) } else { rows.fill(top, 0) };
    let (first, last, used) = match selected {
        // The selected row further down: the rows before it that fit, it, and the rows
        // after it that still fit (so the next frame, starting here, shows the same).
        Some(sel) if sel >= end => {
            let h = rows.height(sel);
            let (first, used) = rows.back(sel, h);
            let (last, used) = rows.fill(sel + 1, used);
            (first, last, used)
        }
        _ => (top, end, used),
    };
    // The end of the list shown with room to spare: rows above take it.
    let first = if last == len {
        rows.back(first, used).0
    } else {
        first
    };
    let mut built = rows.built;
    if let Some(kept) = kept {
        kept.keep(first);
    }
    // As ratatui's `List` draws them, each row by itself: a row drawn before with the
    // same text and highlight is copied (`memo`).
    let buf = f.buffer_mut();
    super::memo::ground(buf, area, theme.base);
    let key = (title, theme.border, theme.title);
    super::memo::outline(buf, area, theme.base, &key, |buf| {
        ratatui::widgets::Widget::render(&blk, area, buf)
    });
    let inner = blk.inner(area);
    let spacing = if selected.is_some() {
        HighlightSpacing::Always
    } else {
        HighlightSpacing::Never
    };
    let mut y = inner.top();
    for i in first..last {
        let text = built.remove(&i).unwrap_or_else(|| row(i));
        let rect = Rect::new(inner.x, y, inner.width, text.height() as u16).intersection(inner);
        y = y.saturating_add(text.height() as u16);
        let chosen = selected == Some(i);
        let key = (&text, chosen, &spacing, theme.selected, theme.base);
        super::memo::draw(buf, rect, theme.base, &key, |buf| {
            let one = List::new([ListItem::new(text.clone())])
                .highlight_style(theme.selected)
                .highlight_symbol("▶ ")
                .highlight_spacing(spacing.clone())
                .style(theme.base);
            let mut state = ListState::default().with_selected(chosen.then_some(0));
            ratatui::widgets::StatefulWidget::render(one, rect, buf, &mut state);
        });
    }
}

/// The rows of a list as `list_lazy` lays them out: each built once, when it is asked.
struct Rows<'a, F: FnMut(usize) -> Text<'static>> {
    row: &'a mut F,
    built: std::collections::BTreeMap<usize, Text<'static>>,
    room: usize,
    len: usize,
}

impl<F: FnMut(usize) -> Text<'static>> Rows<'_, F> {
    fn height(&mut self, i: usize) -> usize {
        let row = &mut self.row;
        self.built.entry(i).or_insert_with(|| row(i)).height()
    }

    /// From row `from` on, `used` lines already taken: where the rows that fit end, and
    /// the lines then taken.
    fn fill(&mut self, from: usize, mut used: usize) -> (usize, usize) {
        let mut end = from;
        while end < self.len && used < self.room {
            let h = self.height(end);
            if used + h > self.room {
                break;
            }
            used += h;
            end += 1;
        }
        (end, used)
    }

    /// Up from row `first`, `used` lines taken: the first of the rows above that fit.
    fn back(&mut self, mut first: usize, mut used: usize) -> (usize, usize) {
        while first > 0 && used < self.room {
            let h = self.height(first - 1);
            if used + h > self.room {
                break;
            }
            used += h;
            first -= 1;
        }
        (first, used)
    }
}

/// `text` drawn as `Paragraph::new(text).style(style)`, wrapped when `wrap` says so,
/// over the screen's background (`theme.base`): copied when the same was drawn before
/// (`memo`).
pub fn paragraph(
    theme: &Theme,
    f: &mut Frame,
    area: Rect,
    text: Text<'static>,
    style: Style,
    wrap: Option<Wrap>,
) {
    let key = (&text, style, wrap);
    super::memo::draw(f.buffer_mut(), area, theme.base, &key, |buf| {
        let mut para = Paragraph::new(text.clone()).style(style);
        if let Some(wrap) = wrap {
            para = para.wrap(wrap);
        }
        ratatui::widgets::Widget::render(para, area, buf);
    });
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
    // The line's length in characters, kept as it grows.
    let mut chars = 0;
    for word in text.split_whitespace() {
        let n = word.chars().count();
        if !line.is_empty() && chars + 1 + n > width {
            out.push(std::mem::take(&mut line));
            chars = 0;
        }
        if !line.is_empty() {
            line.push(' ');
            chars += 1;
        }
        line.push_str(word);
        chars += n;
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::buffer::Buffer;
    use ratatui::widgets::Widget;
    use ratatui_textarea::{TextArea, WrapMode};

    /// The rows a wrapping text area draws `text` in, at `w` columns.
    fn drawn_rows(text: &str, w: u16) -> Vec<String> {
        let mut ta = TextArea::new(text.split('\n').map(str::to_string).collect());
        ta.set_wrap_mode(WrapMode::WordOrGlyph);
        let h = 200;
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        (&ta).render(area, &mut buf);
        let rows: Vec<String> = (0..h)
            .map(|y| {
                (0..w)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
                    .trim_end()
                    .to_string()
            })
            .collect();
        let used = rows
            .iter()
            .rposition(|r| !r.is_empty())
            .map_or(0, |i| i + 1);
        rows[..used].to_vec()
    }

    proptest! {
        /// A form gives a text field as many rows as the text area draws it in, so the
        /// whole text is in view: the two wrap alike.
        #[test]
        fn wrap_text_wraps_as_the_text_area_draws(
            words in prop::collection::vec("[a-zåäö]{1,14}|[,.;:]|[0-9]{1,4}|—", 1..40),
            seps in prop::collection::vec(prop::sample::select(vec![" ", " ", "  ", "", "\n"]), 40),
            w in 8u16..60,
        ) {
            let mut text = String::new();
            for (i, word) in words.iter().enumerate() {
                text.push_str(word);
                if i + 1 < words.len() {
                    text.push_str(seps[i]);
                }
            }
            let ours: Vec<String> = wrap_text(&text, w as usize)
                .into_iter()
                .map(|r| r.trim_end().to_string())
                .collect();
            let drawn = drawn_rows(&text, w);
            // Trailing empty rows are not drawn; every drawn row is one of ours.
            let ours_used = ours.iter().rposition(|r| !r.is_empty()).map_or(0, |i| i + 1);
            prop_assert_eq!(&ours[..ours_used], &drawn[..], "{:?} at {}", text, w);
        }
    }

    #[test]
    fn a_cut_is_marked() {
        assert_eq!(truncate("Till när: 2027-01-31", 12), "Till när: 2…");
        assert_eq!(truncate("kort", 12), "kort");
        let line = Line::from(vec![Span::raw("Sekreterare: "), Span::raw("Jon Persson")]);
        let cut = fit_line(line, 16);
        assert_eq!(cut.to_string(), "Sekreterare: Jo…");
        assert!(cut.width() <= 16);
    }
}

#[cfg(test)]
mod lazy_list {
    use super::*;
    use ratatui::{Terminal, backend::TestBackend};

    /// Rows of 1 to 4 lines, by a rule of their index.
    fn row(i: usize) -> Text<'static> {
        let lines = 1 + (i * 7 + i / 3) % 4;
        Text::from(
            (0..lines)
                .map(|l| Line::from(format!("row {i} line {l}")))
                .collect::<Vec<_>>(),
        )
    }

    fn drawn(h: u16, draw: impl FnOnce(&mut Frame)) -> ratatui::buffer::Buffer {
        let mut t = Terminal::new(TestBackend::new(30, h)).unwrap();
        t.draw(draw).unwrap();
        t.backend().buffer().clone()
    }

    /// The rows a drawn list shows (whole ones: their first line), and the one marked ▶.
    fn shown(buf: &ratatui::buffer::Buffer) -> (Vec<usize>, Option<usize>) {
        let (mut rows, mut marked) = (Vec::new(), None);
        for y in 0..buf.area.height {
            let line: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
            if let Some(at) = line.find("row ")
                && line[at..].contains(" line 0")
            {
                let n: usize = line[at + 4..].split(' ').next().unwrap().parse().unwrap();
                rows.push(n);
                if line.contains('▶') {
                    marked = Some(n);
                }
            }
        }
        (rows, marked)
    }

    #[test]
    fn a_lazy_list_shows_what_the_whole_list_shows_and_builds_only_what_is_shown() {
        let theme = Theme::new(super::super::theme::ThemeName::Default, true);
        for len in [1, 2, 5, 40, 300] {
            for h in [2, 3, 4, 7, 12, 40] {
                for sel in [
                    None,
                    Some(0),
                    Some(1),
                    Some(len / 2),
                    Some(len - 1),
                    Some(len + 3),
                ] {
                    let area = Rect::new(0, 0, 30, h);
                    let whole = drawn(h, |f| {
                        let rows = (0..len).map(row).collect();
                        list(&theme, f, area, "t", rows, sel, None, None)
                    });
                    let mut asked = 0;
                    let lazy = drawn(h, |f| {
                        list_lazy(
                            &theme,
                            f,
                            area,
                            "t",
                            len,
                            |i| {
                                asked += 1;
                                row(i)
                            },
                            sel,
                            None,
                            None,
                        )
                    });
                    // Drawn by ratatui's List from all the rows.
                    let mut t = Terminal::new(TestBackend::new(30, h)).unwrap();
                    t.draw(|f| {
                        let items: Vec<ListItem> =
                            (0..len).map(|i| ListItem::new(row(i))).collect();
                        let w = List::new(items)
                            .block(block(&theme, "t", false))
                            .highlight_style(theme.selected)
                            .highlight_symbol("▶ ")
                            .style(theme.base);
                        let mut st = ListState::default().with_selected(sel);
                        f.render_stateful_widget(w, area, &mut st);
                    })
                    .unwrap();
                    let ratatui = t.backend().buffer().clone();
                    assert_eq!(lazy, whole, "len {len}, height {h}, selected {sel:?}");
                    let (ours, theirs) = (shown(&lazy), shown(&ratatui));
                    // The same rows as ratatui's List, which puts a selected row below
                    // the first screenful last: after it, ours shows the rows that
                    // still fit (the next frame, starting where this one did, shows
                    // the same).
                    assert_eq!(ours.1, theirs.1, "len {len}, height {h}, selected {sel:?}");
                    assert!(
                        ours.0.starts_with(&theirs.0),
                        "len {len}, height {h}, selected {sel:?}: {ours:?} against {theirs:?}"
                    );
                    if ours.0 != theirs.0 {
                        assert_eq!(theirs.0.last(), sel.map(|s| s.min(len - 1)).as_ref());
                    }
                    let inner = h.saturating_sub(2) as usize;
                    assert!(
                        asked <= 2 * inner + 2,
                        "{asked} rows built for {inner} lines (len {len}, selected {sel:?})"
                    );
                }
            }
        }
    }

    #[test]
    fn a_list_keeps_its_scroll_while_the_selected_row_is_on_screen() {
        let theme = Theme::new(super::super::theme::ThemeName::Default, true);
        let scroll = Scroll::default();
        let (len, h) = (300, 12);
        let area = Rect::new(0, 0, 30, h);
        let draw = |sel: usize, owner: usize| {
            shown(&drawn(h, |f| {
                let kept = Some(scroll.of(owner));
                list_lazy(&theme, f, area, "t", len, row, Some(sel), kept, None)
            }))
        };
        // Down past the first screenful: the selected row comes in at the bottom.
        let (rows, marked) = draw(150, 0);
        assert_eq!(marked, Some(150));
        assert_eq!(*rows.last().unwrap(), 150, "{rows:?}");
        // Up one: the highlight moves, the rows stay.
        let (up, marked) = draw(149, 0);
        assert_eq!((up.clone(), marked), (rows.clone(), Some(149)));
        // Down again: still the same rows.
        assert_eq!(draw(150, 0), (rows.clone(), Some(150)));
        // Drawn again as it is: the same.
        assert_eq!(draw(150, 0), (rows.clone(), Some(150)));
        // Up above the first row shown: that row comes in at the top.
        let above = rows[0] - 1;
        let (moved, marked) = draw(above, 0);
        assert_eq!((moved[0], marked), (above, Some(above)), "{moved:?}");
        // Another phase's list starts at the top.
        let (other, _) = draw(1, 1);
        assert_eq!(other[0], 0, "{other:?}");
        // Near the end: the list is full to its last row.
        let (end, _) = draw(len - 1, 0);
        let (back, marked) = draw(len - 3, 0);
        assert_eq!((back.clone(), marked), (end.clone(), Some(len - 3)));
        assert_eq!(*end.last().unwrap(), len - 1);
    }
}

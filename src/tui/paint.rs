//! Putting frames on the terminal. ratatui makes a frame (a `Frame` on its terminal's
//! buffer); what the terminal shows is kept here, and the cells that differ are written
//! (`changes`: ratatui's own comparison, with the common case, an unchanged narrow
//! cell, looked at first and cheaply; on the large meeting ratatui's took a fifth of a
//! keystroke's answer). The buffer is cleared for the next frame after the answer is on
//! its way, not before its last piece.
//!
//! A second in which only the clock moved is cheaper still: the header alone is drawn,
//! compared with what the screen shows there, and the cells that changed are written.
//! No copy, comparison or clearing of the whole frame happens then, which is most of
//! what an idle meeting screen costs.

use super::app::App;
use super::render;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

pub struct Painter<B: Backend> {
    /// Where frames are made: its buffer is the frame being drawn, blank in between.
    terminal: Terminal<B>,
    /// What the screen shows.
    shown: Buffer,
    /// Whether writing a frame failed: the screen shows part of it, and is cleared
    /// before the next.
    unknown: bool,
    /// Where time changes the frame shown (`render::clock_area`), found at its first
    /// second: it stays there until the next whole frame.
    head: Option<Rect>,
}

/// The cells of `buf` within `area` (inside `buf`'s area), as a buffer of their own.
fn cut(buf: &Buffer, area: Rect) -> Buffer {
    let mut out = Buffer::empty(area);
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            out[(x, y)].clone_from(&buf[(x, y)]);
        }
    }
    out
}

impl<B: Backend> Painter<B> {
    /// Drawing on `terminal`, which shows nothing yet (a blank screen).
    pub fn new(mut terminal: Terminal<B>) -> Painter<B> {
        let area = terminal.get_frame().area();
        Painter {
            terminal,
            shown: Buffer::empty(area),
            unknown: false,
            head: None,
        }
    }

    pub fn backend(&self) -> &B {
        self.terminal.backend()
    }

    /// The window has a new size: ratatui clears it, and the next frame is drawn whole.
    pub fn resize(&mut self, area: Rect) -> Result<(), B::Error> {
        self.shown = Buffer::empty(area);
        self.head = None;
        self.terminal.resize(area)
    }

    /// Draw the whole frame: the cells that differ from what the screen shows written.
    pub fn whole(&mut self, app: &App) -> Result<(), B::Error> {
        render::render(app, &mut self.terminal.get_frame());
        let next = std::mem::take(self.terminal.current_buffer_mut());
        if next.area != self.shown.area || self.unknown {
            self.shown = Buffer::empty(next.area);
        }
        let written = if std::mem::take(&mut self.unknown) {
            self.terminal.backend_mut().clear()
        } else {
            Ok(())
        };
        let written = written
            .and_then(|()| {
                self.terminal
                    .backend_mut()
                    .draw(changes(&self.shown, &next))
            })
            .and_then(|()| self.terminal.hide_cursor())
            .and_then(|()| self.terminal.backend_mut().flush());
        // The screen shows it (or, when writing failed, part of it: it is cleared and
        // the next frame written whole); what it showed before is the next frame's
        // blank buffer.
        let mut blank = std::mem::replace(&mut self.shown, next);
        blank.reset();
        *self.terminal.current_buffer_mut() = blank;
        self.head = None;
        self.unknown = written.is_err();
        written
    }

    /// When only the clock moved: draw the header alone over the frame shown. False when
    /// that cannot be done (a box open, another screen): draw it whole.
    pub fn clock(&mut self, app: &App) -> Result<bool, B::Error> {
        // The frame's buffer is blank between frames; the header is drawn into it and
        // taken out again, so it is blank for the next frame.
        if self.unknown {
            return Ok(false);
        }
        let mut f = self.terminal.get_frame();
        let area = f.area();
        let head = match self.head {
            Some(head) if render::clock_allowed(app, area, &self.shown) => head,
            Some(_) => return Ok(false),
            None => match render::clock_area(app, area, &self.shown) {
                Some(head) => *self.head.insert(head),
                None => return Ok(false),
            },
        };
        render::clock_only(app, &mut f, head);
        let buf = self.terminal.current_buffer_mut();
        let now = cut(buf, head);
        for y in head.top()..head.bottom() {
            for x in head.left()..head.right() {
                buf[(x, y)].reset();
            }
        }
        let was = cut(&self.shown, head);
        for y in head.top()..head.bottom() {
            for x in head.left()..head.right() {
                self.shown[(x, y)].clone_from(&now[(x, y)]);
            }
        }
        let backend = self.terminal.backend_mut();
        let written = backend
            .draw(changes(&was, &now))
            .and_then(|()| backend.flush());
        self.unknown = written.is_err();
        written.map(|()| true)
    }
}

/// The cells of `next` that must be written over `prev` (buffers of one area): the
/// changes ratatui's `Buffer::diff` finds, in its order (a test holds the two equal).
pub fn changes<'a>(prev: &'a Buffer, next: &'a Buffer) -> Changes<'a> {
    assert_eq!(prev.area, next.area, "buffers compared are of one area");
    Changes {
        prev: &prev.content,
        next: &next.content,
        area: next.area,
        pos: 0,
        trailing: None,
    }
}

/// The iterator of `changes`: ratatui's `BufferDiff`, line for line, with a cheaper
/// look at a cell that did not change.
pub struct Changes<'a> {
    prev: &'a [Cell],
    next: &'a [Cell],
    area: Rect,
    pos: usize,
    /// The cells after a wide one still to look at: from, to, and whether each is
    /// written whatever it was.
    trailing: Option<(usize, usize, bool)>,
}

/// What a blank cell still shows in the style it had (ratatui's `VISIBLE_ON_BLANK`).
const VISIBLE_ON_BLANK: Modifier = Modifier::REVERSED
    .union(Modifier::UNDERLINED)
    .union(Modifier::SLOW_BLINK)
    .union(Modifier::RAPID_BLINK)
    .union(Modifier::CROSSED_OUT);

#[allow(deprecated)]
fn is_skip(cell: &Cell) -> bool {
    matches!(cell.diff_option, CellDiffOption::Skip)
        || (cell.skip && matches!(cell.diff_option, CellDiffOption::None))
}

/// `Cell`'s equality (an empty symbol is a space), the plain fields first: they differ
/// most often and cost least.
#[allow(deprecated)]
fn same(a: &Cell, b: &Cell) -> bool {
    a.fg == b.fg
        && a.bg == b.bg
        && a.modifier == b.modifier
        && a.underline_color == b.underline_color
        && a.diff_option == b.diff_option
        && a.skip == b.skip
        && same_symbol(a.symbol(), b.symbol())
}

/// Two symbols alike, without a call to `memcmp` for the one to four bytes of most.
fn same_symbol(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    if a.len() <= 4 {
        return a.iter().zip(b).all(|(x, y)| x == y);
    }
    a == b
}

impl Changes<'_> {
    fn pos_of(&self, index: usize) -> (u16, u16) {
        let w = self.area.width as usize;
        (
            (index % w + self.area.x as usize) as u16,
            (index / w + self.area.y as usize) as u16,
        )
    }
}

impl<'a> Iterator for Changes<'a> {
    type Item = (u16, u16, &'a Cell);

    fn next(&mut self) -> Option<Self::Item> {
        let (prev, next) = (self.prev, self.next);
        let len = next.len().min(prev.len());
        if let Some((from, end, force)) = &mut self.trailing {
            while *from < *end {
                let j = *from;
                *from += next[j].cell_width().max(1) as usize;
                *end = (*end).max(*from).min(len);
                if !is_skip(&next[j]) && (*force || prev[j].symbol() != next[j].symbol()) {
                    let (x, y) = self.pos_of(j);
                    return Some((x, y, &next[j]));
                }
            }
            self.pos = *end;
            self.trailing = None;
        }
        while self.pos < len {
            let i = self.pos;
            self.pos += 1;
            let (current, previous) = (&next[i], &prev[i]);
            match current.diff_option {
                CellDiffOption::Skip => {}
                _ if is_skip(current) => {}
                CellDiffOption::ForcedWidth(width) => {
                    self.pos = self
                        .pos
                        .saturating_add(width.get().saturating_sub(1) as usize);
                    if !same(current, previous) {
                        let (x, y) = self.pos_of(i);
                        return Some((x, y, current));
                    }
                }
                CellDiffOption::None | CellDiffOption::AlwaysUpdate => {
                    let unchanged = matches!(current.diff_option, CellDiffOption::None)
                        && same(current, previous);
                    let symbol = current.symbol();
                    // One byte is one column (ratatui's `cell_width`).
                    if unchanged && symbol.len() == 1 {
                        continue;
                    }
                    let width = symbol.cell_width() as usize;
                    if unchanged {
                        self.pos += width.saturating_sub(1);
                        continue;
                    }
                    let previous_width = previous.cell_width() as usize;
                    // ratatui's work-arounds for terminals: an emoji with VS16 has its
                    // trailing cells written; a narrow cell over a wide one whose style
                    // shows on blank cells, the cells the wide one covered.
                    if width > 1 && symbol.chars().any(|c| c == '\u{FE0F}') {
                        self.trailing = Some((i + 1, (i + width).min(len), false));
                    } else if width > 1 {
                        self.pos += width - 1;
                    } else if previous_width > width
                        && (previous.bg != Color::Reset
                            || previous.modifier.intersects(VISIBLE_ON_BLANK))
                    {
                        // (To the end at most: ratatui's goes past it, and panics.)
                        self.trailing = Some((i + 1, (i + previous_width).min(len), true));
                    }
                    let (x, y) = self.pos_of(i);
                    return Some((x, y, current));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::num::NonZeroU16;

    /// A cell of the kinds a frame has: narrow and wide symbols (an emoji with VS16
    /// among them), blank ones, styles that show on blanks, cells left out of the diff
    /// and of a forced width.
    fn cell() -> impl Strategy<Value = Cell> {
        let symbol = prop::sample::select(vec![
            None,
            Some(" "),
            Some("a"),
            Some("ä"),
            Some("│"),
            Some("漢"),
            Some("❤\u{fe0f}"),
            Some("e\u{301}"),
            Some("ﾊﾞ"),
        ]);
        let color = prop::sample::select(vec![
            Color::Reset,
            Color::Blue,
            Color::Indexed(6),
            Color::Rgb(1, 2, 3),
        ]);
        let modifier = prop::sample::select(vec![
            Modifier::empty(),
            Modifier::BOLD,
            Modifier::REVERSED,
            Modifier::UNDERLINED | Modifier::DIM,
        ]);
        let option = prop::sample::select(vec![
            CellDiffOption::None,
            CellDiffOption::None,
            CellDiffOption::None,
            CellDiffOption::Skip,
            CellDiffOption::AlwaysUpdate,
            CellDiffOption::ForcedWidth(NonZeroU16::new(2).unwrap()),
        ]);
        (
            symbol,
            color.clone(),
            color,
            modifier,
            option,
            any::<bool>(),
        )
            .prop_map(|(symbol, fg, bg, modifier, option, skip)| {
                let mut c = Cell::EMPTY;
                if let Some(s) = symbol {
                    c.set_symbol(s);
                }
                c.fg = fg;
                c.bg = bg;
                c.modifier = modifier;
                c.diff_option = option;
                #[allow(deprecated)]
                {
                    c.skip = skip && option == CellDiffOption::None && symbol == Some("a");
                }
                c
            })
    }

    /// Two frames of 7×3 (at 2,1), the second mostly the first with some cells changed.
    fn frames() -> impl Strategy<Value = (Buffer, Buffer)> {
        let area = Rect::new(2, 1, 7, 3);
        let n = area.area() as usize;
        (
            prop::collection::vec(cell(), n),
            prop::collection::vec(prop::option::weighted(0.3, cell()), n),
        )
            .prop_map(move |(prev, change)| {
                let (mut prev, mut next) = (prev.clone(), prev);
                for (c, to) in next.iter_mut().zip(change) {
                    if let Some(to) = to {
                        *c = to;
                    }
                }
                // Nothing wide in the last cell (ratatui's diff goes past the end then).
                prev[n - 1] = Cell::new("z");
                next[n - 1] = Cell::new("y");
                (
                    Buffer {
                        area,
                        content: prev,
                    },
                    Buffer {
                        area,
                        content: next,
                    },
                )
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// The cells written are ratatui's, in its order.
        #[test]
        fn changes_are_the_cells_ratatui_finds((prev, next) in frames()) {
            let ours: Vec<_> = changes(&prev, &next).collect();
            prop_assert_eq!(ours, prev.diff(&next));
        }
    }

    #[test]
    fn nothing_changed_is_nothing_written_and_a_frame_over_a_blank_screen_is_its_cells() {
        let area = Rect::new(0, 0, 16, 2);
        let mut buf = Buffer::empty(area);
        buf.set_string(0, 0, "Tid 12:00 │ å", ratatui::style::Style::new().bold());
        buf.set_string(0, 1, "a b", ratatui::style::Style::new());
        assert_eq!(changes(&buf, &buf).count(), 0);
        let blank = Buffer::empty(area);
        let written: String = changes(&blank, &buf).map(|(_, _, c)| c.symbol()).collect();
        // A bold space is not a blank cell; a plain one is.
        assert_eq!(written, "Tid 12:00 │ åab");
    }
}

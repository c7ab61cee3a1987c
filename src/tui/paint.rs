//! Putting frames on the terminal. ratatui makes a frame (a `Frame` on its terminal's
//! buffer); what the terminal shows is kept here, and the cells that differ are written
//! (ratatui's `Buffer::diff_iter`). The buffer is cleared for the next frame after the
//! answer is on its way, not before its last piece (ratatui's `draw` clears it before).
//!
//! A second in which only the clock moved is cheaper still: the header alone is drawn,
//! compared with what the screen shows there, and the cells that changed are written.
//! No copy, comparison or clearing of the whole frame happens then, which is most of
//! what an idle meeting screen costs.

use super::app::App;
use super::render;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

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
                    .draw(self.shown.diff_iter(&next))
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
            .draw(was.diff_iter(&now))
            .and_then(|()| backend.flush());
        self.unknown = written.is_err();
        written.map(|()| true)
    }
}

//! Putting frames on the terminal. A whole frame goes through ratatui's `Terminal`,
//! which writes the cells that changed since its last frame. A second in which only the
//! clock moved is cheaper: the header alone is drawn, compared with what the screen
//! shows there, and the cells that changed are written straight to the backend. No
//! copy, comparison or clearing of the whole frame happens then (ratatui's `draw` does
//! all three), which is most of what an idle meeting screen costs.
//!
//! ratatui does not see those writes, so its last frame is out of date where they were
//! made; the next whole frame is compared there with what the screen really shows and
//! the difference written too (`Painter::whole`).

use super::app::App;
use super::render;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub struct Painter<B: Backend> {
    terminal: Terminal<B>,
    /// What the screen shows, kept once the screen is left alone (not after a key:
    /// copying it would hold up the answer).
    shown: Option<Buffer>,
    /// Where cells were written past ratatui since its last frame.
    stale: Option<Rect>,
    /// Where time changes the frame kept (`render::clock_area`), found at its first
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
    pub fn new(terminal: Terminal<B>) -> Painter<B> {
        Painter {
            terminal,
            shown: None,
            stale: None,
            head: None,
        }
    }

    pub fn backend(&self) -> &B {
        self.terminal.backend()
    }

    /// The window has a new size: ratatui clears it, and the next frame is drawn whole.
    pub fn resize(&mut self, area: Rect) -> Result<(), B::Error> {
        self.shown = None;
        self.stale = None;
        self.head = None;
        self.terminal.resize(area)
    }

    /// Draw the whole frame; with `keep`, keep a copy of it for the seconds that follow.
    pub fn whole(&mut self, app: &App, keep: bool) -> Result<(), B::Error> {
        let stale = self.stale.take();
        let done = self.terminal.draw(|f| render::render(app, f))?;
        // Where ratatui's last frame was out of date, what it left alone may differ
        // from what the screen shows: written again where the new frame differs.
        let fix = match (stale, &self.shown) {
            (Some(area), Some(shown)) if shown.area == done.buffer.area => {
                Some((cut(shown, area), cut(done.buffer, area)))
            }
            _ => None,
        };
        self.shown = keep.then(|| done.buffer.clone());
        self.head = None;
        if let Some((was, now)) = fix {
            let changed = was.diff(&now);
            if !changed.is_empty() {
                let backend = self.terminal.backend_mut();
                backend.draw(changed.into_iter())?;
                backend.flush()?;
            }
        }
        Ok(())
    }

    /// When only the clock moved: draw the header alone over the frame kept. False when
    /// that cannot be done (no frame kept, a box open, another screen): draw it whole.
    pub fn clock(&mut self, app: &App) -> Result<bool, B::Error> {
        let Some(shown) = self.shown.as_mut() else {
            return Ok(false);
        };
        // ratatui's current buffer is blank between frames; the header is drawn into it
        // and taken out again, so it is blank for the next frame.
        let mut f = self.terminal.get_frame();
        let area = f.area();
        let head = match self.head {
            Some(head) if render::clock_allowed(app, area, shown) => head,
            Some(_) => return Ok(false),
            None => match render::clock_area(app, area, shown) {
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
        let was = cut(shown, head);
        for y in head.top()..head.bottom() {
            for x in head.left()..head.right() {
                shown[(x, y)].clone_from(&now[(x, y)]);
            }
        }
        let changed = was.diff(&now);
        if !changed.is_empty() {
            self.stale = Some(self.stale.map_or(head, |s| s.union(head)));
            let backend = self.terminal.backend_mut();
            backend.draw(changed.into_iter())?;
            backend.flush()?;
        }
        Ok(true)
    }
}

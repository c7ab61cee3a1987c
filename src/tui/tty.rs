//! The terminal the program draws on: ratatui's crossterm backend, except for the cells
//! of a frame. crossterm's backend writes each cell through `fmt` (a `Print` command),
//! and each command into the standard output, locked and searched for a newline every
//! time: on the large meeting that was about a third of the answer to a key (README,
//! Performance). Here the cells of a frame are put in a buffer as they are (a symbol is
//! its bytes), the escape sequences between them are crossterm's own commands, written
//! only where the position, colours or modifiers change, exactly where crossterm's
//! backend writes them; the buffer goes out in pieces of at least `PIECE` bytes, so the
//! top of the frame is on its way while the rest is made.

use ratatui::backend::{Backend, ClearType, CrosstermBackend, IntoCrossterm, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::Command;
use ratatui::crossterm::cursor::MoveTo;
use ratatui::crossterm::style::{
    Attribute, Color as CtColor, Colors, SetAttribute, SetBackgroundColor, SetColors,
    SetForegroundColor, SetUnderlineColor,
};
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};
use std::io::{self, Stdout, Write};

/// How much of a frame is made before it is written (the standard output's own buffer,
/// which wrote the pieces before).
const PIECE: usize = 1024;

pub struct Tty {
    inner: CrosstermBackend<Stdout>,
    /// What is made and not yet written.
    out: String,
}

impl Tty {
    pub fn new() -> Tty {
        Tty {
            inner: CrosstermBackend::new(io::stdout()),
            out: String::with_capacity(4 * PIECE),
        }
    }

    /// Write what is made (before anything else goes to the terminal).
    fn write_out(&mut self) -> io::Result<()> {
        if self.out.is_empty() {
            return Ok(());
        }
        send(&mut self.out)
    }
}

/// Write `out` to the terminal, and empty it (also when writing failed: what it held
/// is not written twice).
fn send(out: &mut String) -> io::Result<()> {
    let written = io::stdout().lock().write_all(out.as_bytes());
    out.clear();
    written
}

impl Default for Tty {
    fn default() -> Tty {
        Tty::new()
    }
}

/// The escape sequence of `command`, put after what is made.
fn put(out: &mut String, command: impl Command) {
    // Writing into a String does not fail.
    let _ = command.write_ansi(out);
}

/// Go from the modifiers `from` to `to`: ratatui's crossterm backend's `ModifierDiff`.
fn modifiers(out: &mut String, from: Modifier, to: Modifier) {
    let removed = from - to;
    if removed.contains(Modifier::REVERSED) {
        put(out, SetAttribute(Attribute::NoReverse));
    }
    let reset_intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    if reset_intensity {
        // Bold and dim both end with the normal intensity; what stays is set again.
        put(out, SetAttribute(Attribute::NormalIntensity));
        if to.contains(Modifier::DIM) {
            put(out, SetAttribute(Attribute::Dim));
        }
        if to.contains(Modifier::BOLD) {
            put(out, SetAttribute(Attribute::Bold));
        }
    }
    for (modifier, off) in [
        (Modifier::ITALIC, Attribute::NoItalic),
        (Modifier::UNDERLINED, Attribute::NoUnderline),
        (Modifier::CROSSED_OUT, Attribute::NotCrossedOut),
        (Modifier::HIDDEN, Attribute::NoHidden),
    ] {
        if removed.contains(modifier) {
            put(out, SetAttribute(off));
        }
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        put(out, SetAttribute(Attribute::NoBlink));
    }
    let added = to - from;
    for (modifier, on, unless_reset) in [
        (Modifier::REVERSED, Attribute::Reverse, false),
        (Modifier::BOLD, Attribute::Bold, true),
        (Modifier::ITALIC, Attribute::Italic, false),
        (Modifier::UNDERLINED, Attribute::Underlined, false),
        (Modifier::DIM, Attribute::Dim, true),
        (Modifier::CROSSED_OUT, Attribute::CrossedOut, false),
        (Modifier::HIDDEN, Attribute::Hidden, false),
        (Modifier::SLOW_BLINK, Attribute::SlowBlink, false),
        (Modifier::RAPID_BLINK, Attribute::RapidBlink, false),
    ] {
        if added.contains(modifier) && !(unless_reset && reset_intensity) {
            put(out, SetAttribute(on));
        }
    }
}

/// The cells of a frame as the terminal's bytes, after what `out` holds; `piece` is
/// called whenever `PIECE` bytes are made. What ratatui's crossterm backend writes.
fn cells<'a>(
    out: &mut String,
    content: impl Iterator<Item = (u16, u16, &'a Cell)>,
    mut piece: impl FnMut(&mut String) -> io::Result<()>,
) -> io::Result<()> {
    let (mut fg, mut bg, mut underline) = (Color::Reset, Color::Reset, Color::Reset);
    let mut modifier = Modifier::empty();
    let mut last: Option<Position> = None;
    for (x, y, cell) in content {
        if !matches!(last, Some(p) if x == p.x + 1 && y == p.y) {
            put(out, MoveTo(x, y));
        }
        last = Some(Position { x, y });
        if cell.modifier != modifier {
            modifiers(out, modifier, cell.modifier);
            modifier = cell.modifier;
        }
        if cell.fg != fg || cell.bg != bg {
            put(
                out,
                SetColors(Colors::new(
                    cell.fg.into_crossterm(),
                    cell.bg.into_crossterm(),
                )),
            );
            (fg, bg) = (cell.fg, cell.bg);
        }
        if cell.underline_color != underline {
            put(
                out,
                SetUnderlineColor(cell.underline_color.into_crossterm()),
            );
            underline = cell.underline_color;
        }
        out.push_str(cell.symbol());
        if out.len() >= PIECE {
            piece(out)?;
        }
    }
    put(out, SetForegroundColor(CtColor::Reset));
    put(out, SetBackgroundColor(CtColor::Reset));
    put(out, SetUnderlineColor(CtColor::Reset));
    put(out, SetAttribute(Attribute::Reset));
    Ok(())
}

impl Backend for Tty {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        cells(&mut self.out, content, send)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.write_out()?;
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.write_out()?;
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.write_out()?;
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.write_out()?;
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.write_out()?;
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.write_out()?;
        self.inner.clear_region(clear_type)
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.write_out()?;
        self.inner.append_lines(n)
    }

    fn size(&self) -> io::Result<Size> {
        self.inner.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        self.write_out()?;
        Backend::flush(&mut self.inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    /// What ratatui's crossterm backend writes for `content`.
    fn crossterm(content: &[(u16, u16, &Cell)]) -> String {
        #[derive(Clone, Default)]
        struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);
        impl Write for Shared {
            fn write(&mut self, b: &[u8]) -> io::Result<usize> {
                self.0.borrow_mut().extend_from_slice(b);
                Ok(b.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let written = Shared::default();
        let mut backend = CrosstermBackend::new(written.clone());
        backend.draw(content.iter().copied()).unwrap();
        String::from_utf8(written.0.take()).unwrap()
    }

    fn ours(content: &[(u16, u16, &Cell)], piece: &mut Vec<usize>) -> String {
        let mut out = String::new();
        let mut written = String::new();
        cells(&mut out, content.iter().copied(), |out| {
            piece.push(out.len());
            written.push_str(out);
            out.clear();
            Ok(())
        })
        .unwrap();
        written + &out
    }

    #[test]
    fn the_cells_are_written_as_crossterms_backend_writes_them() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 60, 30));
        let styles = [
            Style::new(),
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            Style::new()
                .fg(Color::Indexed(8))
                .bg(Color::Rgb(1, 20, 200))
                .add_modifier(Modifier::REVERSED | Modifier::DIM),
            Style::new()
                .bg(Color::LightYellow)
                .underline_color(Color::Red)
                .add_modifier(Modifier::UNDERLINED | Modifier::ITALIC),
            Style::new().add_modifier(Modifier::CROSSED_OUT | Modifier::SLOW_BLINK),
            Style::new().fg(Color::White).add_modifier(Modifier::HIDDEN),
        ];
        for y in 0..30u16 {
            let text = format!(
                "Rad {y}: åäö — Ärende för Leo │ ✓ 学校 {}",
                "x".repeat(y as usize)
            );
            buf.set_string(y % 5, y, text, styles[usize::from(y) % styles.len()]);
        }
        // Every cell, and the cells of every third row only (the cursor moves).
        let all: Vec<_> = buf
            .content
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let (x, y) = buf.pos_of(i);
                (x, y, c)
            })
            .collect();
        let some: Vec<_> = all
            .iter()
            .copied()
            .filter(|(x, y, _)| y % 3 == 0 && x % 7 != 3)
            .collect();
        for content in [&all, &some] {
            let mut pieces = Vec::new();
            assert_eq!(ours(content, &mut pieces), crossterm(content));
            assert!(!pieces.is_empty() && pieces.iter().all(|&n| n >= PIECE));
        }
        assert_eq!(ours(&[], &mut Vec::new()), crossterm(&[]));
    }
}

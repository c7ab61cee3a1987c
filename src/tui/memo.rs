//! Cells drawn once and copied after: a part of the screen whose drawing depends only on
//! what it is given (a list row's text and whether it is selected, a box of prompts, the
//! footer's keys) is drawn the first time and copied, cell by cell, in the frames after,
//! as long as it is given the same. A key that moves the highlight in a long list then
//! draws the two rows that changed, not every row on the screen.
//!
//! It is a memo, not state: what a frame shows is what drawing it afresh would show
//! (tests/it/tui_memo.rs draws every screen of the tests both ways). Parts not used in
//! the last two frames are let go, so it holds about a screen. One memo per thread, as
//! ratatui keeps its layout cache.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Text;
use std::any::{Any, TypeId};
use std::cell::RefCell;
use std::hash::{Hash, Hasher};

#[derive(Default)]
struct Memo {
    /// The parts drawn, with the frame that last used each.
    parts: foldhash::HashMap<u64, (Buffer, u64)>,
    /// What was made to be drawn (a list's rows, a box laid out), with the frame that
    /// last used each.
    values: foldhash::HashMap<u64, (Box<dyn Any>, u64)>,
    /// This frame's number.
    frame: u64,
    /// Everything drawn afresh (to compare against).
    off: bool,
}

/// How many frames a part not used is kept: a highlight moved down and up again uses
/// each row's two looks in turn.
const KEPT_FRAMES: u64 = 2;

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::default();
}

/// `area` of `buf` in the style `style`, as the screen's background: a theme without
/// colours of its own leaves blank cells as they are (setting an empty style changes
/// nothing, and costs a look at every cell).
pub fn ground(buf: &mut Buffer, area: Rect, style: Style) {
    if style != Style::new() {
        buf.set_style(area, style);
    }
}

/// A frame begins: what the last frames did not use is let go.
pub fn next_frame() {
    MEMO.with_borrow_mut(|m| {
        m.frame += 1;
        let frame = m.frame;
        m.parts.retain(|_, (_, used)| *used + KEPT_FRAMES >= frame);
        m.values.retain(|_, (_, used)| *used + KEPT_FRAMES >= frame);
    });
}

/// How many parts and values this thread holds (it is let go of what the last frames
/// did not use; a test holds it to about a screen's worth).
pub fn held() -> usize {
    MEMO.with_borrow(|m| m.parts.len() + m.values.len())
}

/// Whether this thread draws every part afresh (`true`) or copies what it drew before
/// (the tests draw each frame both ways).
pub fn draw_afresh(afresh: bool) {
    MEMO.with_borrow_mut(|m| m.off = afresh);
}

/// What a key is hashed with: fixed (a part is known by its key's hash from frame to
/// frame) and fast (keys hold the text of rows; SipHash took a tenth of a frame).
fn hasher() -> impl Hasher {
    use std::hash::BuildHasher;
    foldhash::quality::FixedState::with_seed(0x5a4d_5359_4e00_0001).build_hasher()
}

/// The text `make` makes, which must depend on nothing but `key` (a list row is made
/// from a meeting's state, `Judged::revision`, and the screen's language, width, theme
/// and masking): made again only when the key is new.
pub fn text(key: &impl Hash, make: impl FnOnce() -> Text<'static>) -> Text<'static> {
    value(key, make)
}

/// The same for any value: what `make` makes, from nothing but `key`.
pub fn value<V: Clone + 'static>(key: &impl Hash, make: impl FnOnce() -> V) -> V {
    let mut h = hasher();
    TypeId::of::<V>().hash(&mut h);
    key.hash(&mut h);
    let id = h.finish();
    let (off, found) = MEMO.with_borrow_mut(|m| {
        let frame = m.frame;
        let found = m.values.get_mut(&id).and_then(|(v, used)| {
            *used = frame;
            v.downcast_ref::<V>().cloned()
        });
        (m.off, found)
    });
    if off {
        return make();
    }
    if let Some(v) = found {
        return v;
    }
    let v = make();
    let kept = Box::new(v.clone());
    MEMO.with_borrow_mut(|m| m.values.insert(id, (kept, m.frame)));
    v
}

/// Draw `area` of `buf` with `draw`, which must depend on nothing but `key` and the
/// area's size, and must leave alone what is outside `area`. `under` is the style the
/// area has before it is drawn (the screen's background: `draw` runs on blank cells of
/// that style the first time, and its cells are copied over whatever is there after).
pub fn draw(
    buf: &mut Buffer,
    area: Rect,
    under: Style,
    key: &impl Hash,
    draw: impl FnOnce(&mut Buffer),
) {
    part(buf, area, under, key, draw, false)
}

/// The same for a border: `draw` changes only the cells on the edge of `area` (a block
/// without a style of its own, its inside left to what is drawn there), and only those
/// are copied.
pub fn outline(
    buf: &mut Buffer,
    area: Rect,
    under: Style,
    key: &impl Hash,
    draw: impl FnOnce(&mut Buffer),
) {
    part(buf, area, under, key, draw, true)
}

fn part(
    buf: &mut Buffer,
    area: Rect,
    under: Style,
    key: &impl Hash,
    draw: impl FnOnce(&mut Buffer),
    edge_only: bool,
) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let mut h = hasher();
    (area.width, area.height, under, edge_only).hash(&mut h);
    key.hash(&mut h);
    let id = h.finish();
    // Not borrowed while `draw` runs: a part may be made of parts. Drawn afresh, the
    // memo is left as it is (the frame after is compared with what it holds).
    let found =
        MEMO.with_borrow_mut(|m| (!m.off).then(|| m.parts.remove(&id).map(|(cells, _)| cells)));
    let Some(found) = found else {
        return draw(buf);
    };
    let cells = found.unwrap_or_else(|| {
        let mut cells = Buffer::empty(area);
        ground(&mut cells, area, under);
        draw(&mut cells);
        cells
    });
    let w = area.width as usize;
    for (row, y) in (area.top()..area.bottom()).enumerate() {
        let at = buf.index_of(area.x, y);
        let from = &cells.content[row * w..(row + 1) * w];
        if edge_only && y != area.top() && y + 1 != area.bottom() {
            buf.content[at].clone_from(&from[0]);
            buf.content[at + w - 1].clone_from(&from[w - 1]);
        } else {
            buf.content[at..at + w].clone_from_slice(from);
        }
    }
    MEMO.with_borrow_mut(|m| m.parts.insert(id, (cells, m.frame)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Color;

    #[test]
    fn a_part_drawn_before_is_copied_and_a_changed_one_drawn() {
        let drawn = std::cell::Cell::new(0);
        let frame = |key: &str, at: Rect| {
            next_frame();
            let mut buf = Buffer::empty(Rect::new(0, 0, 20, 5));
            draw(&mut buf, at, Style::new().bg(Color::Blue), &key, |b| {
                drawn.set(drawn.get() + 1);
                b.set_string(at.x, at.y, key, Style::new());
            });
            buf
        };
        let a = frame("one", Rect::new(2, 1, 5, 2));
        // Elsewhere on the screen, the same: copied, not drawn.
        let b = frame("one", Rect::new(10, 3, 5, 2));
        assert_eq!(drawn.get(), 1);
        assert_eq!(b[(10, 3)].symbol(), "o");
        assert_eq!(b[(14, 4)].bg, Color::Blue);
        assert_eq!(b[(9, 3)], Buffer::empty(b.area)[(9, 3)], "nothing outside");
        assert_eq!(a[(2, 1)].symbol(), "o");
        // Another key: drawn.
        frame("two", Rect::new(2, 1, 5, 2));
        assert_eq!(drawn.get(), 2);
        // Not used for two frames: let go, drawn again.
        frame("three", Rect::new(2, 1, 5, 2));
        frame("three", Rect::new(2, 1, 5, 2));
        frame("one", Rect::new(2, 1, 5, 2));
        assert_eq!(drawn.get(), 4);
        // Drawn afresh when asked.
        draw_afresh(true);
        frame("one", Rect::new(2, 1, 5, 2));
        draw_afresh(false);
        assert_eq!(drawn.get(), 5);
    }
}

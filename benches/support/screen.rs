//! The screen benchmarks' terminal: ratatui's test backend at 120×40, and what the
//! program does from its options to the first frame drawn.

use ratatui::{Terminal, backend::TestBackend};
use samsyn::tui::{App, Event, Options, update};

pub const W: u16 = 120;
pub const H: u16 = 40;

pub type Screen = Terminal<TestBackend>;

/// What the program does from its options to the first drawn frame.
pub fn first_frame(opts: &Options) -> (App, Screen) {
    let mut app = samsyn::tui::prepare(opts, super::now()).unwrap();
    update(&mut app, Event::Resize(W, H));
    update(&mut app, Event::Tick(super::now()));
    let mut terminal = Terminal::new(TestBackend::new(W, H)).unwrap();
    draw(&app, &mut terminal);
    (app, terminal)
}

pub fn draw(app: &App, terminal: &mut Screen) {
    terminal
        .draw(|f| samsyn::tui::render::render(app, f))
        .unwrap();
}

//! The meeting screen's bookkeeping for speed, which must never cost correctness: the
//! problems are judged once per change and never shown stale; keys typed while the
//! window is too small are kept and applied once it is large again; a paste goes into
//! the open field as one insertion.

use crate::common::screen::*;
use crossterm::event::KeyCode;
use samsyn::i18n::Lang;
use samsyn::tui::app::{Overlay, Screen};
use samsyn::tui::form::F;
use samsyn::tui::{Event, update};

/// What the screen says about the meeting is what the rules say about it now.
fn judged_as_now(app: &samsyn::tui::App) {
    let s = session(app);
    assert_eq!(
        s.problems(),
        samsyn::rules::check(&s.meeting, &s.agenda).as_slice(),
        "the problems shown are those of the meeting as it is"
    );
}

#[test]
fn the_problems_are_judged_once_per_change_and_never_stale() {
    let mut fx = sip_app(Lang::Sv);
    draw(&mut fx.app, 120, 40);
    assert!(session(&fx.app).meeting.is_judged(), "drawing judged it");
    let before = session(&fx.app).problems().to_vec();
    // Drawing again, and the clock standing still, judge nothing again.
    draw(&mut fx.app, 120, 40);
    assert!(session(&fx.app).meeting.is_judged());
    judged_as_now(&fx.app);
    // Deleting an action (d, then y) changes the meeting: judged again on the next look.
    goto_phase(&mut fx.app, "insatser");
    key(&mut fx.app, KeyCode::Char('d'));
    key(&mut fx.app, KeyCode::Char('j'));
    assert!(
        !session(&fx.app).meeting.is_judged(),
        "the change dropped it"
    );
    let shown = draw(&mut fx.app, 120, 40);
    judged_as_now(&fx.app);
    assert_ne!(session(&fx.app).problems(), before.as_slice());
    let blocking = session(&fx.app)
        .problems()
        .iter()
        .filter(|p| p.is_blocking())
        .count();
    if blocking > 0 {
        assert!(
            shown.contains(&format!("{blocking} hindrar justering")),
            "the status line counts the new judgement:\n{shown}"
        );
    }
    // Every kind of change on the way: marks, the timer, a saved form.
    goto_phase(&mut fx.app, "roller");
    key(&mut fx.app, KeyCode::Char('1'));
    judged_as_now(&fx.app);
    // The clock, second by second past the phase's time: judged again when the phase
    // goes over its time and each minute more, the judgement kept between.
    update(&mut fx.app, Event::Tick(now()));
    draw(&mut fx.app, 120, 40);
    let limit = u64::from(session(&fx.app).phase().minutes) * 60;
    let start = session(&fx.app).elapsed_secs();
    assert!(start < limit, "the phase is not over its time yet");
    let mut rejudged = 0;
    for second in 1..=limit + 150 - start {
        update(
            &mut fx.app,
            Event::Tick(now() + chrono::Duration::seconds(second as i64)),
        );
        rejudged += usize::from(!session(&fx.app).meeting.is_judged());
        judged_as_now(&fx.app);
    }
    assert_eq!(session(&fx.app).elapsed_secs(), limit + 150);
    assert!(
        session(&fx.app)
            .problems()
            .iter()
            .any(|p| p.code == samsyn::rules::Code::PhaseOverTime),
        "over its time: warned"
    );
    assert!(
        (3..=5).contains(&rejudged),
        "judged again going over and once a minute after, not every second: {rejudged}"
    );
    key(&mut fx.app, KeyCode::Char('a'));
    typ(&mut fx.app, "Ny Person");
    ctrl(&mut fx.app, 's');
    draw(&mut fx.app, 120, 40);
    judged_as_now(&fx.app);
}

fn form_text(app: &samsyn::tui::App) -> String {
    match &app.overlay {
        Some(Overlay::Form(f)) => f.text(F::Text),
        other => panic!("no form open: {other:?}"),
    }
}

/// The purpose phase's notes, open in their form.
fn purpose_form(lang: Lang) -> Fixture {
    let mut fx = sip_app(lang);
    goto_phase(&mut fx.app, "syfte");
    draw(&mut fx.app, 100, 30);
    key(&mut fx.app, KeyCode::Char('e'));
    assert!(matches!(fx.app.overlay, Some(Overlay::Form(_))));
    fx
}

#[test]
fn keys_typed_while_the_window_is_too_small_are_applied_when_it_is_large_again() {
    let mut fx = purpose_form(Lang::Sv);
    let before = form_text(&fx.app);
    update(&mut fx.app, Event::Resize(60, 20));
    typ(&mut fx.app, "abc");
    update(&mut fx.app, Event::Resize(79, 30));
    typ(&mut fx.app, " åäö");
    update(&mut fx.app, Event::Paste(" klistrat".into()));
    // Not typed blind into a form nobody can see.
    assert_eq!(form_text(&fx.app), before);
    assert!(draw(&mut fx.app, 70, 20).contains("Terminalen"));
    // Shown again: everything, in order.
    update(&mut fx.app, Event::Resize(100, 30));
    assert_eq!(
        form_text(&fx.app),
        format!("{before}abc åäö klistrat").trim()
    );
    // Esc typed while small is kept too: the form asks before throwing text away.
    update(&mut fx.app, Event::Resize(40, 10));
    key(&mut fx.app, KeyCode::Esc);
    assert!(matches!(fx.app.overlay, Some(Overlay::Form(_))));
    update(&mut fx.app, Event::Resize(100, 30));
    assert!(
        draw(&mut fx.app, 100, 30).contains("Esc igen"),
        "Esc arrived once the form showed"
    );
}

#[test]
fn q_while_the_window_is_too_small_still_quits_when_nothing_is_waiting() {
    let mut fx = sip_app(Lang::Sv);
    update(&mut fx.app, Event::Resize(50, 10));
    key(&mut fx.app, KeyCode::Char('q'));
    assert!(fx.app.quit);
}

#[test]
fn a_paste_lands_whole_with_its_line_breaks() {
    let mut fx = purpose_form(Lang::Sv);
    let before = form_text(&fx.app);
    let mut text = String::new();
    for n in 0..20_000 {
        text.push_str(&format!("ord{n:05}å "));
        if n % 9 == 8 {
            text.push('\n');
        }
    }
    // Terminals send line breaks as \r (some as \r\n).
    let sent = text.replace('\n', "\r").replacen('\r', "\r\n", 3);
    update(&mut fx.app, Event::Paste(sent));
    let got = form_text(&fx.app);
    let want = format!("{before}{text}");
    let at = got
        .chars()
        .zip(want.trim().chars())
        .position(|(a, b)| a != b);
    assert!(
        got == want.trim(),
        "{} characters in the field, {} pasted after {}; first difference at {at:?}",
        got.chars().count(),
        text.chars().count(),
        before.chars().count()
    );
}

#[test]
fn a_paste_in_a_one_line_field_stays_on_one_line() {
    let mut fx = sip_app(Lang::Sv);
    goto_phase(&mut fx.app, "roller");
    key(&mut fx.app, KeyCode::Char('a'));
    update(&mut fx.app, Event::Paste("Anna\r\nAndersson\x1b".into()));
    match &fx.app.overlay {
        Some(Overlay::Form(f)) => assert_eq!(f.text(F::Name), "Anna Andersson"),
        other => panic!("no form open: {other:?}"),
    }
}

#[test]
fn a_paste_outside_a_form_changes_nothing_and_says_how() {
    let mut fx = sip_app(Lang::En);
    goto_phase(&mut fx.app, "insatser");
    let phase = session(&fx.app).phase;
    let before = session(&fx.app).meeting.clone();
    update(&mut fx.app, Event::Paste("adjq".into()));
    assert!(!fx.app.quit);
    assert!(fx.app.overlay.is_none());
    assert_eq!(*session(&fx.app).meeting, before);
    assert_eq!(session(&fx.app).phase, phase);
    assert!(matches!(fx.app.screen, Screen::Meeting(_)));
    assert!(draw(&mut fx.app, 100, 30).contains("Pasted text goes into a form"));
}

/// The frame `render` draws whole.
fn frame(app: &samsyn::tui::App, w: u16, h: u16) -> ratatui::buffer::Buffer {
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    t.draw(|f| samsyn::tui::render::render(app, f)).unwrap();
    t.backend().buffer().clone()
}

type Painter = samsyn::tui::paint::Painter<ratatui::backend::TestBackend>;

fn painter(w: u16, h: u16) -> Painter {
    Painter::new(ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap())
}

/// What the event loop does after a tick when only the clock moved.
fn second(p: &mut Painter, app: &samsyn::tui::App) -> bool {
    let clock = p.clock(app).unwrap();
    if !clock {
        p.whole(app).unwrap();
    }
    clock
}

#[test]
fn an_hour_of_seconds_on_the_screen_holds_no_more_than_its_first_minute() {
    let mut fx = sip_app(Lang::Sv);
    goto_phase(&mut fx.app, "insatser");
    update(&mut fx.app, Event::Resize(120, 40));
    let mut p = painter(120, 40);
    p.whole(&fx.app).unwrap();
    let mut t = now();
    let mut tick = |fx: &mut Fixture, p: &mut Painter| {
        t += chrono::Duration::seconds(1);
        update(&mut fx.app, Event::Tick(t));
        assert!(p.clock(&fx.app).unwrap(), "only the clock moved");
    };
    for _ in 0..60 {
        tick(&mut fx, &mut p);
    }
    let minute = samsyn::tui::memo::held();
    for _ in 0..3600 {
        tick(&mut fx, &mut p);
    }
    assert!(
        samsyn::tui::memo::held() <= minute,
        "{} parts held after an hour, {minute} after a minute",
        samsyn::tui::memo::held()
    );
}

#[test]
fn a_second_drawn_on_the_last_frame_is_the_frame_drawn_whole() {
    let mut fx = sip_app(Lang::Sv);
    let phases = phase_ids(&fx.app);
    let mut t = now();
    let (mut moved, mut clocked) = (0, 0);
    for (w, h) in [(80, 24), (120, 40), (150, 45)] {
        update(&mut fx.app, Event::Resize(w, h));
        // One screen for every phase: each frame written over the last one's.
        let mut p = painter(w, h);
        for id in &phases {
            goto_phase(&mut fx.app, id);
            p.whole(&fx.app).unwrap();
            assert!(*p.backend().buffer() == frame(&fx.app, w, h));
            let start = session(&fx.app).elapsed_secs();
            for _ in 0..3 {
                let before = p.backend().buffer().clone();
                t += chrono::Duration::seconds(1);
                update(&mut fx.app, Event::Tick(t));
                let whole = frame(&fx.app, w, h);
                moved += usize::from(whole != before);
                clocked += usize::from(second(&mut p, &fx.app));
                assert!(
                    *p.backend().buffer() == whole,
                    "phase {id} at {w}x{h}: drawn on the last frame it differs"
                );
            }
            // A whole frame showing the time of three seconds ago again (the cells the
            // seconds changed are written back).
            let s = fx.app.session_mut().unwrap();
            let phase = s.phase().id.clone();
            s.meeting.edit().phase_mut(&phase).elapsed_secs = start;
            p.whole(&fx.app).unwrap();
            assert!(
                *p.backend().buffer() == frame(&fx.app, w, h),
                "phase {id} at {w}x{h}: the next whole frame is not the frame"
            );
        }
    }
    assert!(moved > 60, "the timer moved on the screen ({moved} frames)");
    assert!(
        clocked > 60,
        "only the header was drawn ({clocked} seconds)"
    );
}

/// The test backend, whose writing of a frame can be made to fail (a terminal gone for a
/// moment, a full pipe): it fails after writing a third of the cells it is given.
struct Failing {
    inner: ratatui::backend::TestBackend,
    fail: std::rc::Rc<std::cell::Cell<bool>>,
}

impl ratatui::backend::Backend for Failing {
    type Error = std::io::Error;
    fn draw<'a, I>(&mut self, content: I) -> std::io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a ratatui::buffer::Cell)>,
    {
        let fail = self.fail.replace(false);
        let content: Vec<_> = content.collect();
        let written = if fail {
            content.len() / 3
        } else {
            content.len()
        };
        self.inner.draw(content.into_iter().take(written)).unwrap();
        if fail {
            return Err(std::io::Error::other("the terminal went away"));
        }
        Ok(())
    }
    fn hide_cursor(&mut self) -> std::io::Result<()> {
        self.inner.hide_cursor().map_err(|e| match e {})
    }
    fn show_cursor(&mut self) -> std::io::Result<()> {
        self.inner.show_cursor().map_err(|e| match e {})
    }
    fn get_cursor_position(&mut self) -> std::io::Result<ratatui::layout::Position> {
        self.inner.get_cursor_position().map_err(|e| match e {})
    }
    fn set_cursor_position<P: Into<ratatui::layout::Position>>(
        &mut self,
        position: P,
    ) -> std::io::Result<()> {
        self.inner
            .set_cursor_position(position)
            .map_err(|e| match e {})
    }
    fn clear(&mut self) -> std::io::Result<()> {
        self.inner.clear().map_err(|e| match e {})
    }
    fn clear_region(&mut self, clear_type: ratatui::backend::ClearType) -> std::io::Result<()> {
        self.inner.clear_region(clear_type).map_err(|e| match e {})
    }
    fn size(&self) -> std::io::Result<ratatui::layout::Size> {
        self.inner.size().map_err(|e| match e {})
    }
    fn window_size(&mut self) -> std::io::Result<ratatui::backend::WindowSize> {
        self.inner.window_size().map_err(|e| match e {})
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush().map_err(|e| match e {})
    }
}

#[test]
fn a_frame_whose_writing_failed_is_written_whole_the_next_time() {
    let mut fx = sip_app(Lang::Sv);
    goto_phase(&mut fx.app, "insatser");
    update(&mut fx.app, Event::Resize(120, 40));
    let fail = std::rc::Rc::new(std::cell::Cell::new(false));
    let backend = Failing {
        inner: ratatui::backend::TestBackend::new(120, 40),
        fail: fail.clone(),
    };
    let mut p = samsyn::tui::paint::Painter::new(ratatui::Terminal::new(backend).unwrap());
    p.whole(&fx.app).unwrap();
    // Another phase, written a third of the way: the screen shows parts of both.
    key(&mut fx.app, KeyCode::Right);
    fail.set(true);
    assert!(p.whole(&fx.app).is_err());
    assert!(p.backend().inner.buffer() != &frame(&fx.app, 120, 40));
    // Not a second drawn on what the screen was thought to show: the next frame whole.
    let mut t = now();
    t += chrono::Duration::seconds(1);
    update(&mut fx.app, Event::Tick(t));
    assert!(!p.clock(&fx.app).unwrap(), "the clock is not drawn alone");
    p.whole(&fx.app).unwrap();
    assert!(
        p.backend().inner.buffer() == &frame(&fx.app, 120, 40),
        "after a failed frame the next one is the frame"
    );
}

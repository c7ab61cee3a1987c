//! The screen: from start to the first frame, and from one keystroke to the next frame,
//! rendered into ratatui's TestBackend at 120×40 as the tests do. The terminal itself
//! (a real tty, the process start) is not part of it.
//!
//! Every change to the meeting is saved at once: handed to the background writer
//! (`store::Writer`, as the running program does), which writes it off the frame. The
//! editing key measured here (marking a participant as heard) hands over a save, the
//! navigation keys and typing in an open form do not.

mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::{Terminal, backend::TestBackend};
use samsyn::agenda::PhaseKind;
use samsyn::i18n::Lang;
use samsyn::meeting::Meeting;
use samsyn::tui::app::Overlay;
use samsyn::tui::theme::ThemeName;
use samsyn::tui::{App, Begin, Event, Options, update};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use support::screen::{H, Screen, W, draw, first_frame};

fn options(archive: &Path, begin: Begin) -> Options {
    Options {
        lang: Lang::Sv,
        theme: ThemeName::Default,
        dir: Some(archive.to_path_buf()),
        begin,
    }
}

/// Save a copy of `meeting` into `archive`, as the file the user opens.
fn copy_into(archive: &Path, meeting: &Meeting) -> PathBuf {
    samsyn::store::save_new(archive, meeting).unwrap()
}

fn press(app: &mut App, code: KeyCode) {
    update(app, Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

/// Go to the first phase of `kind`.
fn goto(app: &mut App, kind: PhaseKind) {
    let s = app.session_mut().expect("a meeting is open");
    s.phase = s
        .agenda
        .phases
        .iter()
        .position(|p| p.kind == kind)
        .expect("the agenda has the phase");
    s.selected = 0;
}

fn screen_text(terminal: &Screen) -> String {
    terminal.backend().to_string()
}

fn start(c: &mut Criterion) {
    let mut group = c.benchmark_group("first-frame");
    group.sample_size(30);
    for case in support::cases() {
        let archive = support::temp_dir();
        let path = copy_into(archive.path(), &case.meeting);
        let opts = options(archive.path(), Begin::Open(path));
        let shown = screen_text(&first_frame(&opts).1);
        assert!(
            shown.contains(&case.meeting.title),
            "the first frame shows the meeting"
        );
        group.bench_function(case.name, |b| b.iter(|| first_frame(black_box(&opts))));
    }
    // The start screen lists the archive; opening one meeting must not depend on it: both
    // with 500 meetings in it.
    let archive = support::temp_dir();
    support::write_archive(archive.path(), 500);
    let sip = support::sip_bup();
    let path = copy_into(archive.path(), &sip.meeting);
    let open = options(archive.path(), Begin::Open(path));
    group.bench_function("sip-bup-archive-500", |b| {
        b.iter(|| first_frame(black_box(&open)))
    });
    let start = options(archive.path(), Begin::Start);
    group.bench_function("start-screen-archive-500", |b| {
        b.iter(|| first_frame(black_box(&start)))
    });
    group.finish();
}

fn keystroke(c: &mut Criterion) {
    for case in support::cases() {
        let archive = support::temp_dir();
        let path = copy_into(archive.path(), &case.meeting);
        let opts = options(archive.path(), Begin::Open(path.clone()));
        let mut group = c.benchmark_group(format!("keystroke/{}", case.name));

        // Each app is dropped before the next opens the meeting: an open meeting may
        // hold the one writer's lock.
        navigate(&mut group, &opts);
        arrow(&mut group, &opts);
        type_in_form(&mut group, &opts);
        mark_heard(&mut group, &opts, &path);
        group.finish();
    }
}

type Group<'a> = criterion::BenchmarkGroup<'a, criterion::measurement::WallTime>;

/// Navigation: the next phase and back, a whole new view each time; no save.
fn navigate(group: &mut Group, opts: &Options) {
    let (mut app, mut terminal) = first_frame(opts);
    let mut forward = true;
    group.bench_function("next-phase", |b| {
        b.iter(|| {
            press(
                &mut app,
                if forward {
                    KeyCode::Right
                } else {
                    KeyCode::Left
                },
            );
            forward = !forward;
            draw(&app, &mut terminal);
        })
    });
}

/// The arrow key in the actions list, down and up again around its middle: one row's
/// selection moves, nothing is saved. The floor on every key.
fn arrow(group: &mut Group, opts: &Options) {
    let (mut app, mut terminal) = arrow_at_middle(opts);
    let mut down = true;
    group.bench_function("arrow-in-actions", |b| {
        b.iter(|| {
            press(&mut app, if down { KeyCode::Down } else { KeyCode::Up });
            down = !down;
            draw(&app, &mut terminal);
        })
    });
}

/// The app on the actions list, its middle row selected, drawn once.
fn arrow_at_middle(opts: &Options) -> (App, Screen) {
    let (mut app, mut terminal) = first_frame(opts);
    goto(&mut app, PhaseKind::Actions);
    let half = app.session().unwrap().meeting.actions.len() / 2;
    for _ in 0..half {
        press(&mut app, KeyCode::Down);
    }
    assert_eq!(
        app.session().unwrap().selected,
        half,
        "↓ moves down the list"
    );
    draw(&app, &mut terminal);
    (app, terminal)
}

/// Keystroke → frame, each one timed alone: p50, p99 and the slowest of 2,000 arrow
/// keys in the actions list, printed for README's table (criterion reports means).
/// Only under `cargo bench`; `cargo test --benches` times 20.
fn percentiles(_: &mut Criterion) {
    let n = if std::env::args().any(|a| a == "--bench") {
        2000
    } else {
        20
    };
    for case in support::cases() {
        let archive = support::temp_dir();
        let path = copy_into(archive.path(), &case.meeting);
        let opts = options(archive.path(), Begin::Open(path));
        let (mut app, mut terminal) = arrow_at_middle(&opts);
        let mut times: Vec<std::time::Duration> = (0..n)
            .map(|i| {
                let t = std::time::Instant::now();
                press(
                    &mut app,
                    if i % 2 == 0 {
                        KeyCode::Down
                    } else {
                        KeyCode::Up
                    },
                );
                draw(&app, &mut terminal);
                t.elapsed()
            })
            .collect();
        times.sort();
        let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
        println!(
            "keystroke→frame, arrow in the actions list, {} ({} participants, {} actions, {} goals): p50 {:?}, p99 {:?}, max {:?} over {n}",
            case.name,
            case.meeting.participants.len(),
            case.meeting.actions.len(),
            case.meeting.goals.len(),
            at(0.5),
            at(0.99),
            times[times.len() - 1],
        );
    }
}

/// Typing in an open form (an action's description): the form checks who may decide
/// on every change; nothing is saved until the form is.
fn type_in_form(group: &mut Group, opts: &Options) {
    let (mut app, mut terminal) = first_frame(opts);
    goto(&mut app, PhaseKind::Actions);
    press(&mut app, KeyCode::Enter);
    assert!(
        matches!(app.overlay, Some(Overlay::Form(_))),
        "Enter opens the action form"
    );
    let mut typed = false;
    group.bench_function("type-in-form", |b| {
        b.iter(|| {
            press(
                &mut app,
                if typed {
                    KeyCode::Backspace
                } else {
                    KeyCode::Char('å')
                },
            );
            typed = !typed;
            draw(&app, &mut terminal);
        })
    });
}

/// Editing: the digit 1 marks the first participant as heard (or not) in the speaking
/// round, and the meeting is saved before the next frame.
fn mark_heard(group: &mut Group, opts: &Options, path: &Path) {
    let (mut app, mut terminal) = first_frame(opts);
    goto(&mut app, PhaseKind::Roles);
    let before = std::fs::read(path).unwrap();
    press(&mut app, KeyCode::Char('1'));
    assert_ne!(
        std::fs::read(path).unwrap(),
        before,
        "the digit changes the meeting and saves it"
    );
    // From here on as the running program saves: through the background writer.
    app.writer = Some(samsyn::store::Writer::spawn());
    group.sample_size(30);
    group.bench_function("mark-heard-and-save", |b| {
        b.iter(|| {
            press(&mut app, KeyCode::Char('1'));
            draw(&app, &mut terminal);
        })
    });
    // As people press keys: the writer has written the last save before the next key
    // (waited for outside the time measured). Above, each key came while it was still
    // writing the one before.
    group.bench_function("mark-heard-and-save-writer-done", |b| {
        b.iter_custom(|iters| {
            let mut took = std::time::Duration::ZERO;
            for _ in 0..iters {
                samsyn::tui::update::flush(&mut app);
                let t = std::time::Instant::now();
                press(&mut app, KeyCode::Char('1'));
                draw(&app, &mut terminal);
                took += t.elapsed();
            }
            took
        })
    });
    samsyn::tui::update::flush(&mut app);
}

/// A bracketed paste of `kb` KB of notes (a line break after each sentence) into the
/// situation's first text field, and the frame after it: one insertion, one frame.
fn paste(c: &mut Criterion) {
    let case = support::sip_bup();
    let archive = support::temp_dir();
    let path = copy_into(archive.path(), &case.meeting);
    let opts = options(archive.path(), Begin::Open(path));
    let mut group = c.benchmark_group("paste");
    group.sample_size(10);
    for kb in [20, 200] {
        let text: String = support::prose(kb * 1024, kb)
            .split(". ")
            .collect::<Vec<_>>()
            .join(".\r");
        group.bench_function(format!("{kb}kb-and-frame"), |b| {
            b.iter_batched(
                || {
                    let (mut app, terminal) = first_frame(&opts);
                    goto(&mut app, PhaseKind::Situation);
                    press(&mut app, KeyCode::Char('e'));
                    assert!(
                        matches!(app.overlay, Some(Overlay::Form(_))),
                        "e opens the text"
                    );
                    (app, terminal)
                },
                |(mut app, mut terminal)| {
                    update(&mut app, Event::Paste(text.clone()));
                    draw(&app, &mut terminal);
                    (app, terminal)
                },
                criterion::BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

/// A second of the phase timer with nothing else changed, as the event loop draws it
/// (`paint::Painter`): only the header's changed cells, against drawing the whole
/// frame (what ratatui's `draw` does: render, diff and clear every cell).
fn second(c: &mut Criterion) {
    for case in support::cases() {
        let archive = support::temp_dir();
        let path = copy_into(archive.path(), &case.meeting);
        let opts = options(archive.path(), Begin::Open(path));
        let (mut app, _) = first_frame(&opts);
        let mut painter =
            samsyn::tui::paint::Painter::new(Terminal::new(TestBackend::new(W, H)).unwrap());
        painter.whole(&app).unwrap();
        let mut now = support::now();
        // As the running program saves.
        app.writer = Some(samsyn::store::Writer::spawn());
        let mut group = c.benchmark_group(format!("second/{}", case.name));
        // The tick itself (counting the second; every two minutes a save) is not timed.
        let mut timed = |b: &mut criterion::Bencher, header: bool| {
            b.iter_custom(|iters| {
                let mut took = std::time::Duration::ZERO;
                for _ in 0..iters {
                    now += chrono::Duration::seconds(1);
                    update(&mut app, Event::Tick(now));
                    let t = std::time::Instant::now();
                    if header {
                        assert!(painter.clock(&app).unwrap(), "only the clock moved");
                    } else {
                        painter.whole(&app).unwrap();
                    }
                    took += t.elapsed();
                }
                took
            })
        };
        group.bench_function("header-only", |b| timed(b, true));
        group.bench_function("whole-frame", |b| timed(b, false));
        group.finish();
        samsyn::tui::update::flush(&mut app);
    }
}

criterion_group!(benches, percentiles, start, keystroke, paste, second);
criterion_main!(benches);

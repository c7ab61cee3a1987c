//! The archive and opening a meeting, from the options to the first frame drawn into
//! ratatui's TestBackend at 120×40 (the terminal itself is not part of it):
//!
//! - the start screen over a generated archive of 10,000 meetings, against reading the
//!   same files (`cat`), in one run: with no index yet (the first start, or after the
//!   index was deleted) and with nothing changed since the last look (the index is
//!   read). "cold" runs drop the page cache before each sample (as root; otherwise they
//!   are skipped and say so), "warm" ones read from it;
//! - an arrow key on that start screen;
//! - opening the large meeting.
//!
//! Under `cargo test --benches` (the CI smoke run) 200 files stand in for the 10,000.

mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use samsyn::i18n::Lang;
use samsyn::tui::app::Screen as View;
use samsyn::tui::theme::ThemeName;
use samsyn::tui::{Begin, Event, Options, update};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use support::screen::{draw, first_frame};

fn meetings() -> usize {
    if std::env::args().any(|a| a == "--bench") {
        10_000
    } else {
        200
    }
}

fn options(archive: &Path, begin: Begin) -> Options {
    Options {
        lang: Lang::Sv,
        theme: ThemeName::Default,
        dir: Some(archive.to_path_buf()),
        begin,
    }
}

/// `iters` runs of `run`, each after `setup` and with the page cache emptied; only
/// `run` is timed.
fn cold_run(iters: u64, setup: &dyn Fn(), run: &dyn Fn()) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        setup();
        drop_caches();
        let t = Instant::now();
        run();
        total += t.elapsed();
    }
    total
}

/// `cat` of the archive: every meeting file read whole.
fn cat(files: &[PathBuf]) -> usize {
    files.iter().map(|f| std::fs::read(f).unwrap().len()).sum()
}

/// Empty the page cache, so the next read comes from the disk; false when not allowed.
fn drop_caches() -> bool {
    // SAFETY: sync(2) has no preconditions.
    unsafe { libc::sync() };
    std::fs::write("/proc/sys/vm/drop_caches", "3").is_ok()
}

fn archive(c: &mut Criterion) {
    let n = meetings();
    let dir = support::temp_dir();
    support::write_archive(dir.path(), n);
    // The files' time stamps are older than the index's settling time, as in real use.
    std::thread::sleep(Duration::from_millis(2100));
    let files: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| samsyn::archive::is_meeting_file(p))
        .collect();
    let bytes = cat(&files);
    let index = dir.path().join(samsyn::archive::INDEX_FILE);
    let start = options(dir.path(), Begin::Start);
    let (app, terminal) = first_frame(&start);
    match &app.screen {
        View::Start(st) => assert_eq!(
            st.archive.iter().filter(|e| e.summary.is_ok()).count(),
            n,
            "every generated meeting is on the start screen"
        ),
        View::Meeting(_) => panic!("the start screen"),
    }
    assert!(
        terminal
            .backend()
            .to_string()
            .contains(&format!("Möten i arkivet ({n})"))
    );
    eprintln!(
        "archive: {n} meetings, {} MB; index {} KB, its details {} KB",
        bytes / (1024 * 1024),
        std::fs::metadata(&index).map_or(0, |m| m.len() / 1024),
        std::fs::metadata(dir.path().join(samsyn::archive::DETAILS_FILE))
            .map_or(0, |m| m.len() / 1024)
    );
    let cold = drop_caches();
    if !cold {
        eprintln!("archive: cannot drop the page cache (not root): the cold runs are skipped");
    }

    let mut group = c.benchmark_group(format!("archive-{n}"));
    group.sample_size(10);
    group.bench_function("cat-warm", |b| b.iter(|| cat(black_box(&files))));
    group.bench_function("start-no-index-warm", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let _ = std::fs::remove_file(&index);
                let t = Instant::now();
                black_box(first_frame(&start));
                total += t.elapsed();
            }
            total
        })
    });
    group.bench_function("scan-unchanged-warm", |b| {
        b.iter(|| samsyn::archive::scan(black_box(dir.path())))
    });
    // The start screen's look: the details file is left for the rows drawn.
    group.bench_function("scan-lazy-unchanged-warm", |b| {
        b.iter(|| samsyn::archive::scan_lazy(black_box(dir.path())))
    });
    group.bench_function("start-unchanged-warm", |b| {
        b.iter(|| first_frame(black_box(&start)))
    });
    if cold {
        group.bench_function("cat-cold", |b| {
            b.iter_custom(|iters| {
                cold_run(iters, &|| {}, &|| {
                    black_box(cat(&files));
                })
            })
        });
        group.bench_function("start-no-index-cold", |b| {
            b.iter_custom(|iters| {
                cold_run(
                    iters,
                    &|| {
                        let _ = std::fs::remove_file(&index);
                    },
                    &|| {
                        black_box(first_frame(&start));
                    },
                )
            })
        });
        group.bench_function("start-unchanged-cold", |b| {
            b.iter_custom(|iters| {
                cold_run(iters, &|| {}, &|| {
                    black_box(first_frame(&start));
                })
            })
        });
    }
    group.finish();

    // An arrow key halfway down the list: the key, then the frame.
    let (mut app, mut terminal) = first_frame(&start);
    if let View::Start(st) = &mut app.screen {
        st.selected = n / 2;
    }
    let mut group = c.benchmark_group(format!("start-screen-{n}"));
    group.bench_function("arrow-down", |b| {
        b.iter(|| {
            update(
                &mut app,
                Event::Key(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE)),
            );
            draw(&app, &mut terminal);
        })
    });
    group.finish();
}

/// Opening the large meeting from the command line, to its first frame; reading the
/// file alone is the reference.
fn open(c: &mut Criterion) {
    let dir = support::temp_dir();
    let large = support::large_meeting();
    let path = samsyn::store::save_new(dir.path(), &large).unwrap();
    eprintln!(
        "open: the large meeting, {} participants, {} actions, {} KB",
        large.participants.len(),
        large.actions.len(),
        std::fs::metadata(&path).unwrap().len() / 1024
    );
    let opts = options(dir.path(), Begin::Open(path.clone()));
    let mut group = c.benchmark_group("open");
    group.sample_size(20);
    group.bench_function("load-large", |b| {
        b.iter(|| samsyn::store::load(black_box(&path)).unwrap())
    });
    group.bench_function("large-first-frame", |b| {
        b.iter(|| first_frame(black_box(&opts)))
    });
    group.finish();
}

criterion_group!(benches, archive, open);
criterion_main!(benches);

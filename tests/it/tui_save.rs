//! The save path on screen, driven by keys with no terminal: the background writer
//! ("saving…" until the change is on disk), a save that fails (the change and its draft
//! kept, `q` asks, the meeting saved elsewhere), the size limit refused at the form, a
//! draft too large to open, a meeting opened through a link, messages wider than the
//! screen.

use crate::common::screen as tui_common;

use chrono::{Duration, NaiveDateTime};
use crossterm::event::KeyCode::*;
use samsyn::i18n::Lang;
use samsyn::store::draft::path_for;
use samsyn::tui::app::{Exit, Overlay};
use samsyn::tui::form::F;
use samsyn::tui::{App, Event, update};
use std::path::Path;
use tui_common::*;

fn tick(app: &mut App, at: NaiveDateTime) {
    update(app, Event::Tick(at));
}

fn ms(n: i64) -> NaiveDateTime {
    now() + Duration::milliseconds(n)
}

fn saved(file: &Path) -> samsyn::meeting::Meeting {
    samsyn::store::load(file).unwrap()
}

fn names(m: &samsyn::meeting::Meeting) -> Vec<String> {
    m.participants.iter().map(|p| p.name.clone()).collect()
}

/// Open the participant form, type a name and an organisation, let the draft be
/// written (the clock passes the pause), and save with Ctrl+S.
fn add_participant(app: &mut App, name: &str, t0: i64) {
    tick(app, ms(t0));
    key(app, Char('a'));
    typ(app, name);
    key(app, Tab);
    typ(app, "skolsköterska");
    key(app, Tab);
    key(app, Char('s'));
    tick(app, ms(t0 + 100));
    tick(app, ms(t0 + 1500));
    ctrl(app, 's');
}

#[test]
fn with_the_background_writer_the_screen_says_saving_until_the_change_is_on_disk() {
    let mut fx = sip_app(Lang::Sv);
    let file = path(&fx.app);
    fx.app.writer = Some(samsyn::store::Writer::spawn());
    add_participant(&mut fx.app, "Maja Öberg", 0);
    assert!(fx.app.overlay.is_none(), "the form is saved");
    // The key returned before the write: the screen says so, not "saved".
    assert!(fx.app.saving);
    let screen = draw(&mut fx.app, 120, 40);
    assert!(screen.contains("sparar…"), "{screen}");
    assert!(!screen.contains("sparat "), "{screen}");
    samsyn::tui::update::flush(&mut fx.app);
    assert!(!fx.app.saving);
    let screen = draw(&mut fx.app, 120, 40);
    let at = fx.app.last_saved.unwrap().format("%H:%M:%S").to_string();
    assert!(screen.contains(&format!("sparat {at}")), "{screen}");
    assert!(names(&saved(&file)).contains(&"Maja Öberg".to_string()));
}

#[test]
fn quitting_waits_for_the_writer() {
    let mut fx = sip_app(Lang::En);
    let file = path(&fx.app);
    fx.app.writer = Some(samsyn::store::Writer::spawn());
    add_participant(&mut fx.app, "Maja Öberg", 0);
    key(&mut fx.app, Char('q'));
    assert!(fx.app.quit);
    // Read while the writer is still alive: quitting itself waited for it.
    assert!(names(&saved(&file)).contains(&"Maja Öberg".to_string()));
    drop(fx.app);
}

/// An app whose saves fail from now on: the archive folder is gone (a USB stick
/// pulled out), which fails the same way for root as for anyone.
fn failing(fx: &Fixture) -> std::path::PathBuf {
    let file = path(&fx.app);
    std::fs::remove_dir_all(file.parent().unwrap()).unwrap();
    file
}

#[test]
fn a_failed_save_keeps_the_change_and_its_draft_until_a_save_succeeds() {
    let mut fx = sip_app(Lang::En);
    let file = path(&fx.app);
    tick(&mut fx.app, ms(0));
    key(&mut fx.app, Char('a'));
    typ(&mut fx.app, "Maja Öberg");
    key(&mut fx.app, Tab);
    typ(&mut fx.app, "skolsköterska");
    key(&mut fx.app, Tab);
    key(&mut fx.app, Char('s'));
    tick(&mut fx.app, ms(100));
    tick(&mut fx.app, ms(1500));
    let draft = std::fs::read_to_string(path_for(&file)).expect("the draft is written");
    // The meeting's file cannot be replaced any more (a folder is in its place: the
    // rename fails, for root as for anyone), while the draft beside it can be removed.
    std::fs::remove_file(&file).unwrap();
    std::fs::create_dir_all(file.join("in the way")).unwrap();
    ctrl(&mut fx.app, 's');
    assert!(
        fx.app.overlay.is_none(),
        "the form closes: the change is in memory"
    );
    let screen = draw(&mut fx.app, 120, 40);
    assert!(screen.contains("COULD NOT SAVE"), "{screen}");
    assert!(screen.contains("kept here"), "{screen}");
    // Ticks go by (before, the draft was deleted on the next one): it stays.
    for t in [2000, 2500, 4000, 6000] {
        tick(&mut fx.app, ms(t));
    }
    assert_eq!(
        std::fs::read_to_string(path_for(&file)).ok().as_deref(),
        Some(draft.as_str()),
        "the draft is kept while the change is not on disk"
    );
    // The way is clear again: the next save writes the change, then the draft goes.
    std::fs::remove_dir_all(&file).unwrap();
    key(&mut fx.app, Char('1'));
    assert!(fx.app.save_error.is_none());
    assert!(names(&saved(&file)).contains(&"Maja Öberg".to_string()));
    tick(&mut fx.app, ms(7000));
    assert!(
        !path_for(&file).exists(),
        "saved: the draft has done its work"
    );
}

#[test]
fn q_with_unsaved_work_asks_and_esc_stays() {
    let mut fx = sip_app(Lang::En);
    failing(&fx);
    key(&mut fx.app, Char('1'));
    assert!(fx.app.save_error.is_some());
    key(&mut fx.app, Char('q'));
    assert!(!fx.app.quit, "nothing is lost on one key");
    assert!(matches!(fx.app.overlay, Some(Overlay::QuitUnsaved)));
    let screen = draw(&mut fx.app, 100, 30);
    assert!(screen.contains("not saved"), "{screen}");
    assert!(screen.contains("save the meeting elsewhere"), "{screen}");
    key(&mut fx.app, Esc);
    assert!(!fx.app.quit);
    assert!(fx.app.overlay.is_none());
}

#[test]
fn quitting_anyway_ends_unsaved() {
    let mut fx = sip_app(Lang::Sv);
    failing(&fx);
    key(&mut fx.app, Char('1'));
    key(&mut fx.app, Char('q'));
    key(&mut fx.app, Char('n'));
    assert!(fx.app.quit);
    assert_eq!(fx.app.exit, Exit::Unsaved);
}

#[test]
fn the_meeting_is_saved_elsewhere_default_the_home_folder_never_over_a_file() {
    let mut fx = sip_app(Lang::En);
    let file = failing(&fx);
    key(&mut fx.app, Char('1'));
    key(&mut fx.app, Char('q'));
    key(&mut fx.app, Enter);
    let Some(Overlay::Form(form)) = &fx.app.overlay else {
        panic!("the form asking where: {:?}", fx.app.overlay);
    };
    let home = std::env::var("HOME").unwrap_or_else(|_| ".".into());
    let offered = form.text(F::Text);
    assert_eq!(
        Path::new(&offered),
        Path::new(&home).join(file.file_name().unwrap())
    );
    // Somewhere else: a file that exists is refused, a folder takes the file's name.
    let elsewhere = tempfile::tempdir().unwrap();
    let taken = elsewhere.path().join("taken.ron");
    std::fs::write(&taken, "someone's file").unwrap();
    for _ in 0..offered.chars().count() {
        key(&mut fx.app, Backspace);
    }
    typ(&mut fx.app, &taken.display().to_string());
    ctrl(&mut fx.app, 's');
    assert!(!fx.app.quit);
    let Some(Overlay::Form(form)) = &fx.app.overlay else {
        panic!("still asking");
    };
    assert!(
        form.error
            .as_deref()
            .unwrap_or_default()
            .contains("already exists")
    );
    assert_eq!(std::fs::read_to_string(&taken).unwrap(), "someone's file");
    for _ in 0..taken.display().to_string().chars().count() {
        key(&mut fx.app, Backspace);
    }
    typ(&mut fx.app, &elsewhere.path().display().to_string());
    ctrl(&mut fx.app, 's');
    assert!(fx.app.quit);
    let to = elsewhere.path().join(file.file_name().unwrap());
    assert_eq!(fx.app.exit, Exit::SavedElsewhere(to.clone()));
    let m = saved(&to);
    assert_eq!(
        m,
        *session(&fx.app).meeting,
        "all of it, the unsaved change too"
    );
}

#[test]
fn a_change_that_would_cross_the_size_limit_is_refused_at_the_form() {
    let agenda = all_phases_agenda();
    let mut m = sip_meeting(&agenda);
    // Just under the limit: one more participant crosses it.
    let room = samsyn::diag::MAX_FILE_BYTES as usize - samsyn::store::to_ron(&m).len();
    m.situation.works_well = "x".repeat(room - 40);
    let mut fx = app_with(
        m,
        agenda,
        Lang::En,
        samsyn::tui::theme::ThemeName::Default,
        true,
    );
    let file = path(&fx.app);
    let before = std::fs::read(&file).unwrap();
    add_participant(&mut fx.app, "Maja Öberg Med Ett Långt Namn", 0);
    let Some(Overlay::Form(form)) = &fx.app.overlay else {
        panic!("the form stays open: {:?}", fx.app.overlay);
    };
    let error = form.error.clone().unwrap_or_default();
    assert!(error.contains("more than the 8 MB"), "{error}");
    assert!(
        !names(&session(&fx.app).meeting).contains(&"Maja Öberg Med Ett Långt Namn".into()),
        "not in memory either"
    );
    assert!(
        fx.app.save_error.is_none(),
        "nothing failed: it was refused"
    );
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

#[test]
fn a_draft_too_large_to_open_is_said_and_kept() {
    let fx = sip_app(Lang::En);
    let (app, dir) = (fx.app, fx.dir);
    let file = path(&app);
    drop(app);
    // 200 MB, sparse: reading it would freeze the screen.
    let f = std::fs::File::create(path_for(&file)).unwrap();
    f.set_len(200 * 1024 * 1024).unwrap();
    let mut app = App::new(
        Lang::En,
        samsyn::tui::theme::Theme::new(samsyn::tui::theme::ThemeName::Default, true),
        samsyn::tui::keys::KeyMap::default(),
        {
            let mut c = samsyn::agenda::Catalogue::builtin();
            c.add(all_phases_agenda(), samsyn::agenda::AgendaSource::BuiltIn);
            c
        },
        dir.path().to_path_buf(),
        now(),
    );
    samsyn::tui::update::open_path(&mut app, &file).unwrap();
    assert!(app.draft.offer.is_none());
    let (msg, bad) = app.message.clone().expect("said");
    assert!(bad && msg.contains("200 MB"), "{msg}");
    assert_eq!(
        std::fs::metadata(path_for(&file)).unwrap().len(),
        200 * 1024 * 1024
    );
}

#[test]
fn a_meeting_opened_through_a_link_is_saved_in_the_file_it_points_to() {
    let fx = sip_app(Lang::En);
    let (app, dir) = (fx.app, fx.dir);
    let real = path(&app);
    drop(app);
    let other = tempfile::tempdir().unwrap();
    let link = other.path().join("genväg.ron");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let mut catalogue = samsyn::agenda::Catalogue::builtin();
    catalogue.add(all_phases_agenda(), samsyn::agenda::AgendaSource::BuiltIn);
    let mut app = App::new(
        Lang::En,
        samsyn::tui::theme::Theme::new(samsyn::tui::theme::ThemeName::Default, true),
        samsyn::tui::keys::KeyMap::default(),
        catalogue,
        dir.path().to_path_buf(),
        now(),
    );
    samsyn::tui::update::open_path(&mut app, &link).unwrap();
    assert_eq!(
        session(&app).path,
        std::fs::canonicalize(&real).unwrap(),
        "edited in the real file"
    );
    let (msg, _) = app.message.clone().expect("said");
    assert!(msg.contains("through a link"), "{msg}");
    add_participant(&mut app, "Maja Öberg", 0);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(names(&saved(&real)).contains(&"Maja Öberg".to_string()));
    // Saving through the link itself is refused by the store, never a copy in its place.
    let err = samsyn::store::save(&link, &saved(&real)).unwrap_err();
    assert!(err.to_string().contains("symbolic link"), "{err}");
}

#[test]
fn a_message_wider_than_the_screen_is_wrapped_not_cut() {
    let mut fx = sip_app(Lang::En);
    let long = "Read-only: this meeting is already open in another samsyn window (process 4711, since 2026-12-03 14:32). Close it there to edit here; other users of this folder see it too.";
    fx.app.message = Some((long.into(), true));
    let screen = draw(&mut fx.app, 80, 24);
    let flat: String = screen
        .lines()
        .map(|l| l.trim_matches('"').trim())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        flat.contains("other users of this folder see it too."),
        "{screen}"
    );
}

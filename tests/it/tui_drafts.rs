//! Drafts of text being typed, driven by key sequences and clock ticks with no terminal:
//! when the draft is written, what it holds, that saving or cancelling removes it, and
//! that opening the meeting again offers it back.

use crate::common::screen as tui_common;

use chrono::{Duration, NaiveDateTime};
use crossterm::event::KeyCode::*;
use samsyn::agenda::{AgendaSource, Catalogue};
use samsyn::i18n::Lang;
use samsyn::store::draft::{DraftFile, VERSION, path_for};
use samsyn::tui::app::Overlay;
use samsyn::tui::draft::{Draft, FormDraft, Value};
use samsyn::tui::form::F;
use samsyn::tui::form::Target;
use samsyn::tui::keys::KeyMap;
use samsyn::tui::theme::{Theme, ThemeName};
use samsyn::tui::{App, Event, update};
use std::path::Path;
use tui_common::*;

fn tick(app: &mut App, at: NaiveDateTime) {
    update(app, Event::Tick(at));
}

fn ms(n: i64) -> NaiveDateTime {
    now() + Duration::milliseconds(n)
}

fn read_draft(meeting: &Path) -> Draft {
    let text = std::fs::read_to_string(path_for(meeting)).expect("a draft file");
    ron::from_str(&text).expect("the draft parses")
}

fn text_of(d: &Draft, field: F) -> String {
    d.form
        .fields
        .iter()
        .find_map(|(n, v)| match v {
            Value::Text(t) if *n == field => Some(t.clone()),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no text field {field:?} in {d:?}"))
}

fn meeting_id(file: &Path) -> String {
    samsyn::store::load(file).unwrap().id
}

/// A second app opening the same meeting file, as after a crash and a restart.
fn reopen(meeting: &Path, archive: &Path, lang: Lang, at: NaiveDateTime) -> App {
    let mut catalogue = Catalogue::builtin();
    catalogue.add(all_phases_agenda(), AgendaSource::BuiltIn);
    let mut app = App::new(
        lang,
        Theme::new(ThemeName::Default, true),
        KeyMap::default(),
        catalogue,
        archive.to_path_buf(),
        at,
    );
    samsyn::tui::update::open_path(&mut app, meeting).unwrap();
    app
}

/// Type a name into a new participant form and let the draft be written.
fn type_and_draft(app: &mut App, name: &str) {
    tick(app, ms(0));
    key(app, Char('a'));
    typ(app, name);
    tick(app, ms(100));
    tick(app, ms(1500));
}

#[test]
fn the_draft_is_written_once_typing_pauses_and_holds_the_form() {
    let mut fx = sip_app(Lang::Sv);
    let file = path(&fx.app);
    let draft = path_for(&file);
    tick(&mut fx.app, ms(0));
    key(&mut fx.app, Char('a'));
    typ(&mut fx.app, "Maja Öberg");
    key(&mut fx.app, Tab);
    typ(&mut fx.app, "skolsköterska");
    tick(&mut fx.app, ms(200));
    assert!(!draft.exists(), "not while the keys are still coming");
    tick(&mut fx.app, ms(700));
    assert!(!draft.exists());
    tick(&mut fx.app, ms(1300));
    assert!(draft.exists(), "written once typing paused for a second");
    let d = read_draft(&file);
    assert_eq!(d.form.target, Target::Participant(None));
    assert_eq!(text_of(&d, F::Name), "Maja Öberg");
    assert_eq!(text_of(&d, F::Role), "skolsköterska");
    assert_eq!(d.written, ms(1300));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&draft).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    // The meeting itself has not changed: the text is not committed.
    let m = samsyn::store::load(&file).unwrap();
    assert!(m.participants.iter().all(|p| p.name != "Maja Öberg"));
}

#[test]
fn typing_without_pause_is_still_written_within_two_seconds() {
    let mut fx = sip_app(Lang::En);
    let file = path(&fx.app);
    tick(&mut fx.app, ms(0));
    key(&mut fx.app, Char('a'));
    let mut t = 0;
    let mut written_at = None;
    for (i, c) in "Someone typing steadily".chars().enumerate() {
        key(&mut fx.app, Char(c));
        t = 300 * (i as i64 + 1);
        tick(&mut fx.app, ms(t));
        if written_at.is_none() && path_for(&file).exists() {
            written_at = Some(t);
        }
    }
    let first = written_at.expect("a draft while typing went on");
    // The first key came at most 300 ms before the tick that saw it.
    assert!(first <= 2000, "first draft at {first} ms");
    tick(&mut fx.app, ms(t + 1500));
    assert_eq!(
        text_of(&read_draft(&file), F::Name),
        "Someone typing steadily"
    );
}

#[test]
fn a_form_opened_but_not_typed_in_leaves_no_draft() {
    let mut fx = sip_app(Lang::Sv);
    let file = path(&fx.app);
    tick(&mut fx.app, ms(0));
    key(&mut fx.app, Char('a'));
    tick(&mut fx.app, ms(5000));
    assert!(!path_for(&file).exists());
}

#[test]
fn saving_the_form_removes_the_draft() {
    let mut fx = sip_app(Lang::Sv);
    let file = path(&fx.app);
    type_and_draft(&mut fx.app, "Maja Öberg");
    assert!(path_for(&file).exists());
    // Role, the organisation choice ("new"), the new organisation's name: the one the
    // meeting already has.
    key(&mut fx.app, Tab);
    key(&mut fx.app, Tab);
    key(&mut fx.app, Tab);
    typ(&mut fx.app, "Skola: Nyboskolan");
    ctrl(&mut fx.app, 's');
    assert!(fx.app.overlay.is_none(), "saved: {:?}", fx.app.overlay);
    tick(&mut fx.app, ms(1600));
    assert!(!path_for(&file).exists(), "the draft goes with the save");
    let m = samsyn::store::load(&file).unwrap();
    assert!(m.participants.iter().any(|p| p.name == "Maja Öberg"));
}

#[test]
fn cancelling_the_form_removes_the_draft() {
    let mut fx = sip_app(Lang::Sv);
    let file = path(&fx.app);
    type_and_draft(&mut fx.app, "Maja Öberg");
    key(&mut fx.app, Esc);
    tick(&mut fx.app, ms(1600));
    assert!(path_for(&file).exists(), "one Esc only asks");
    key(&mut fx.app, Esc);
    assert!(fx.app.overlay.is_none());
    tick(&mut fx.app, ms(1700));
    assert!(!path_for(&file).exists());
}

#[test]
fn reopening_offers_the_text_back_and_yes_restores_the_form() {
    let fx = sip_app(Lang::Sv);
    let (mut app, dir) = (fx.app, fx.dir);
    let file = path(&app);
    // Edit the second participant's role.
    tick(&mut app, ms(0));
    key(&mut app, Down);
    key(&mut app, Char('e'));
    key(&mut app, Tab);
    typ(&mut app, " och skolans kontakt ✓");
    tick(&mut app, ms(100));
    tick(&mut app, ms(1500));
    assert_eq!(read_draft(&file).form.target, Target::Participant(Some(1)));
    drop(app); // the crash: no save, no cleanup

    let later = ms(60_000);
    let mut app = reopen(&file, dir.path(), Lang::Sv, later);
    let screen = draw(&mut app, 80, 24);
    assert!(
        screen.contains("Återställ osparad text från 14:25? (j/n)"),
        "{screen}"
    );
    // Other keys do nothing while the question is open.
    key(&mut app, Char('a'));
    assert!(app.overlay.is_none());
    key(&mut app, Char('j'));
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("the form is back: {:?}", app.overlay);
    };
    assert_eq!(form.target, Target::Participant(Some(1)));
    assert_eq!(form.text(samsyn::tui::form::F::Name), "Kim Berg");
    assert_eq!(
        form.text(samsyn::tui::form::F::Role),
        "kurator och skolans kontakt ✓"
    );
    assert_eq!(form.focus, 1, "the cursor where it was");
    assert!(form.dirty);
    assert_eq!(session(&app).phase().id, "roller");
    assert_eq!(session(&app).selected, 1);
    // The draft stays until the form is saved.
    tick(&mut app, later + Duration::seconds(3));
    assert!(path_for(&file).exists());
    ctrl(&mut app, 's');
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
    tick(&mut app, later + Duration::seconds(4));
    assert!(!path_for(&file).exists());
    let m = samsyn::store::load(&file).unwrap();
    assert_eq!(m.participants[1].role, "kurator och skolans kontakt ✓");
}

#[test]
fn free_text_is_written_into_the_meeting_not_a_draft() {
    let mut fx = sip_app(Lang::Sv);
    let file = path(&fx.app);
    goto_phase(&mut fx.app, "syfte");
    tick(&mut fx.app, ms(0));
    key(&mut fx.app, Char('e'));
    typ(&mut fx.app, "Anteckning");
    tick(&mut fx.app, ms(100));
    tick(&mut fx.app, ms(2500));
    assert!(!path_for(&file).exists());
    let m = samsyn::store::load(&file).unwrap();
    assert!(m.phase("syfte").unwrap().notes.contains("Anteckning"));
}

#[test]
fn no_deletes_the_draft() {
    let fx = sip_app(Lang::En);
    let (mut app, dir) = (fx.app, fx.dir);
    let file = path(&app);
    type_and_draft(&mut app, "Forgotten Name");
    drop(app);
    let mut app = reopen(&file, dir.path(), Lang::En, ms(10_000));
    let screen = draw(&mut app, 80, 24);
    assert!(
        screen.contains("Restore unsaved text from 14:25? (y/n)"),
        "{screen}"
    );
    // The footer names the two answers.
    let footer = screen.lines().rev().take(2).collect::<Vec<_>>().join(" ");
    assert!(
        footer.contains("Enter") && footer.contains("Esc") && !footer.contains("add"),
        "{footer}"
    );
    key(&mut app, Char('n'));
    assert!(app.overlay.is_none());
    assert!(!path_for(&file).exists());
    assert!(!draw(&mut app, 80, 24).contains("Restore unsaved"));
}

#[test]
fn a_draft_whose_row_is_gone_is_reported_and_discarded() {
    let fx = sip_app(Lang::En);
    let (app, dir) = (fx.app, fx.dir);
    let file = path(&app);
    drop(app);
    let d = DraftFile {
        version: VERSION,
        meeting: meeting_id(&file),
        written: ms(0),
        form: FormDraft {
            target: Target::Action(Some(99)),
            focus: 0,
            fields: vec![(F::What, Value::Text("gone".into()))],
        },
    };
    std::fs::write(path_for(&file), ron::to_string(&d).unwrap()).unwrap();
    let mut app = reopen(&file, dir.path(), Lang::En, ms(1000));
    assert!(app.draft.offer.is_none());
    let (msg, bad) = app.message.clone().expect("said why");
    assert!(bad && msg.contains("no longer exists"), "{msg}");
    assert!(!path_for(&file).exists());
    assert!(draw(&mut app, 160, 30).contains("no longer exists"));
}

#[test]
fn a_garbage_draft_is_reported_and_discarded() {
    let fx = sip_app(Lang::Sv);
    let (app, dir) = (fx.app, fx.dir);
    let file = path(&app);
    drop(app);
    for junk in [
        "(version: 1, written: \"igår\"".as_bytes(),
        &[0xff, 0x00, 0x13, 0x37],
        b"",
    ] {
        std::fs::write(path_for(&file), junk).unwrap();
        let app = reopen(&file, dir.path(), Lang::Sv, ms(1000));
        assert!(app.draft.offer.is_none());
        let (msg, bad) = app.message.clone().expect("said why");
        assert!(bad && msg.contains("kunde inte läsas"), "{msg}");
        assert!(!path_for(&file).exists());
    }
}

#[test]
fn a_read_only_window_neither_offers_nor_touches_the_draft() {
    let mut fx = sip_app(Lang::Sv);
    let file = path(&fx.app);
    type_and_draft(&mut fx.app, "Maja Öberg");
    let before = std::fs::read(path_for(&file)).unwrap();
    // The first app still holds the meeting; a second window may only look.
    let mut second = reopen(&file, fx.dir.path(), Lang::Sv, ms(2000));
    assert!(session(&second).locked.is_some());
    assert!(second.draft.offer.is_none());
    tick(&mut second, ms(5000));
    assert_eq!(std::fs::read(path_for(&file)).unwrap(), before);
}

#[test]
fn a_restored_choice_and_text_survive_in_an_action_form() {
    let fx = sip_app(Lang::Sv);
    let (mut app, dir) = (fx.app, fx.dir);
    let file = path(&app);
    goto_phase(&mut app, "insatser");
    tick(&mut app, ms(0));
    key(&mut app, Char('a'));
    typ(&mut app, "Läxhjälp två gånger i veckan");
    tick(&mut app, ms(100));
    tick(&mut app, ms(1500));
    let d = read_draft(&file);
    assert_eq!(d.form.target, Target::Action(None));
    drop(app);
    let mut app = reopen(&file, dir.path(), Lang::Sv, ms(3000));
    key(&mut app, Char('j'));
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("the form is back");
    };
    assert_eq!(form.target, Target::Action(None));
    assert_eq!(
        form.text(samsyn::tui::form::F::What),
        "Läxhjälp två gånger i veckan"
    );
}

#[test]
fn stale_temporary_files_are_removed_on_opening_young_ones_kept() {
    let fx = sip_app(Lang::Sv);
    let (app, dir) = (fx.app, fx.dir);
    let file = path(&app);
    drop(app);
    let old = dir.path().join(".samsyn-crashed.tmp");
    let young = dir.path().join(".samsyn-running.tmp");
    let other = dir.path().join("notes.tmp");
    for p in [&old, &young, &other] {
        std::fs::write(p, "half a meeting").unwrap();
    }
    let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    for p in [&old, &other] {
        std::fs::File::options()
            .write(true)
            .open(p)
            .unwrap()
            .set_modified(two_hours_ago)
            .unwrap();
    }
    let _app = reopen(&file, dir.path(), Lang::Sv, ms(0));
    assert!(
        !old.exists(),
        "an hour-old temporary file is a crash's leftover"
    );
    assert!(
        young.exists(),
        "a young one may be another save in progress"
    );
    assert!(other.exists(), "only samsyn's own temporary files");
}

#[test]
fn a_draft_of_another_meeting_is_not_offered_into_this_one() {
    let fx = sip_app(Lang::En);
    let (app, dir) = (fx.app, fx.dir);
    let file = path(&app);
    drop(app);
    let d = DraftFile {
        version: VERSION,
        meeting: "some-other-meeting".into(),
        written: ms(0),
        form: FormDraft {
            target: Target::Participant(None),
            focus: 0,
            fields: vec![(F::Name, Value::Text("Fel Person".into()))],
        },
    };
    std::fs::write(path_for(&file), ron::to_string(&d).unwrap()).unwrap();
    let app = reopen(&file, dir.path(), Lang::En, ms(1000));
    assert!(app.draft.offer.is_none());
    assert!(!path_for(&file).exists());
}

#[test]
fn a_version_1_draft_is_still_offered_back() {
    let fx = sip_app(Lang::En);
    let (app, dir) = (fx.app, fx.dir);
    let file = path(&app);
    drop(app);
    // As version 1 wrote it: fields and choices by their Debug names.
    let v1 = r#"(
        version: 1,
        written: "2026-12-02T09:00:00",
        target: Participant(None),
        focus: 1,
        fields: [("Name", Text("Maja Öberg")), ("Kind", Choice("Kind(Guardian)"))],
    )"#;
    std::fs::write(path_for(&file), v1).unwrap();
    let mut app = reopen(&file, dir.path(), Lang::En, ms(1000));
    assert!(app.draft.offer.is_some(), "{:?}", app.message);
    update(
        &mut app,
        Event::Key(crossterm::event::KeyEvent::from(Enter)),
    );
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("the form is back")
    };
    assert_eq!(form.text(F::Name), "Maja Öberg");
    assert_eq!(
        form.choice_val(F::Kind),
        samsyn::tui::form::Val::Kind(samsyn::meeting::ParticipantKind::Guardian)
    );
}

/// A draft of a summary row comes back on the row the summary draws it at: the
/// disagreements below responsibility and the distribution list.
#[test]
fn summary_drafts_reopen_on_their_own_rows() {
    for (target, row) in [
        (Target::Disagreement(Some(0)), 2),
        (Target::Distribution, 1),
        (Target::Summary, 0),
    ] {
        let fx = sip_app(Lang::En);
        let (mut app, dir) = (fx.app, fx.dir);
        let file = path(&app);
        if let Some(s) = app.session_mut() {
            s.meeting.edit().disagreements = vec!["Skolan och hemmet är oeniga".into()];
        }
        samsyn::tui::update::save(&mut app);
        drop(app);
        let d = DraftFile {
            version: VERSION,
            meeting: meeting_id(&file),
            written: ms(0),
            form: FormDraft {
                target: target.clone(),
                focus: 0,
                fields: vec![],
            },
        };
        std::fs::write(path_for(&file), ron::to_string(&d).unwrap()).unwrap();
        let mut app = reopen(&file, dir.path(), Lang::En, ms(1000));
        assert!(app.draft.offer.is_some(), "{target:?}: {:?}", app.message);
        update(
            &mut app,
            Event::Key(crossterm::event::KeyEvent::from(Enter)),
        );
        let s = session(&app);
        assert_eq!(s.phase().kind, samsyn::agenda::PhaseKind::Summary);
        assert_eq!(s.selected, row, "{target:?}");
        assert!(matches!(&app.overlay, Some(Overlay::Form(f)) if f.target == target));
    }
}

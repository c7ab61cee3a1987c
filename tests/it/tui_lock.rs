//! The one-writer lock and tamper evidence as the meeting screen shows them: a second
//! window on the same meeting is read-only with a banner naming why, refuses edits and
//! never saves; when the first window lets go, the meeting can be edited again. Finalized
//! minutes changed by hand open read-only with a warning, and an archive others can open
//! is warned about on start.

use crate::common::screen as tui_common;

use crossterm::event::KeyCode;
use samsyn::agenda::{AgendaSource, Catalogue};
use samsyn::i18n::Lang;
use samsyn::tui::App;
use samsyn::tui::keys::KeyMap;
use samsyn::tui::theme::{Theme, ThemeName};
use std::path::Path;
use tui_common::*;

/// A second window: its own app, opening the file the first one has open.
fn second_window(path: &Path, lang: Lang) -> App {
    let mut catalogue = Catalogue::builtin();
    catalogue.add(all_phases_agenda(), AgendaSource::BuiltIn);
    let mut app = App::new(
        lang,
        Theme::new(ThemeName::Default, true),
        KeyMap::default(),
        catalogue,
        path.parent().unwrap().to_path_buf(),
        now(),
    );
    samsyn::tui::update::open_path(&mut app, path).unwrap();
    app
}

#[test]
fn a_second_window_on_the_same_meeting_is_read_only_and_says_why() {
    let first = sip_app(Lang::En);
    let path = path(&first.app);
    assert!(session(&first.app).editable(), "the first window may edit");
    assert!(session(&first.app).locked.is_none());

    let mut second = second_window(&path, Lang::En);
    let why = session(&second)
        .locked
        .clone()
        .expect("the second window is locked out");
    assert!(why.starts_with("Read-only"), "{why}");
    assert!(
        why.contains(&format!("process {}", std::process::id())),
        "{why}"
    );
    assert!(!session(&second).editable());

    // The banner is on the screen.
    let screen = draw(&mut second, 120, 40);
    assert!(
        screen.contains("already open in another samsyn window"),
        "{screen}"
    );

    // Trying to edit says why, and nothing is written.
    let before = std::fs::read(&path).unwrap();
    goto_phase(&mut second, "insatser");
    key(&mut second, KeyCode::Char('a'));
    let (message, _) = second.message.clone().expect("a refusal message");
    assert!(message.contains("already open"), "{message}");
    samsyn::tui::update::save(&mut second);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the locked window wrote"
    );

    // The first window closes: a new window may edit.
    drop(second);
    drop(first.app);
    let third = second_window(&path, Lang::Sv);
    assert!(
        session(&third).locked.is_none(),
        "{:?}",
        session(&third).locked
    );
    assert!(session(&third).editable());
    drop(first.dir);
}

#[test]
fn finalized_minutes_changed_by_hand_open_read_only_with_a_warning() {
    let fixture = sip_app(Lang::Sv);
    let path = path(&fixture.app);
    let mut m = samsyn::store::load(&path).unwrap();
    // The screen fixture holds one action decided without mandate on purpose; drop it.
    let invalid: Vec<_> = m
        .actions
        .iter()
        .filter(|a| samsyn::rules::decision_violation(&m, a).is_some())
        .map(|a| a.id.clone())
        .collect();
    m.actions.retain(|a| !invalid.contains(&a.id));
    samsyn::rules::finalize(&mut m, &all_phases_agenda(), "Karin Holm", now())
        .unwrap_or_else(|p| panic!("the test meeting does not finalize: {p:?}"));
    drop(fixture.app);
    samsyn::store::save(&path, &m).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let what = &m.actions[0].what;
    std::fs::write(&path, text.replacen(what.as_str(), "Något annat", 1)).unwrap();

    let mut app = second_window(&path, Lang::Sv);
    let why = session(&app)
        .locked
        .clone()
        .expect("tampered minutes are read-only");
    assert!(why.contains("ändrats efter justeringen"), "{why}");
    let screen = draw(&mut app, 120, 40);
    assert!(screen.contains("ändrats efter justeringen"), "{screen}");
    drop(fixture.dir);
}

#[cfg(unix)]
#[test]
fn an_archive_others_can_open_is_warned_about_on_start() {
    use std::os::unix::fs::PermissionsExt;
    let root = tempfile::tempdir().unwrap();
    let archive = root.path().join("arkiv");
    std::fs::create_dir(&archive).unwrap();
    std::fs::set_permissions(&archive, std::fs::Permissions::from_mode(0o755)).unwrap();
    let opts = |dir: &Path| samsyn::tui::Options {
        lang: Lang::Sv,
        theme: ThemeName::Default,
        dir: Some(dir.to_path_buf()),
        begin: samsyn::tui::Begin::Start,
    };
    let app = samsyn::tui::prepare(&opts(&archive), now()).unwrap();
    let (message, _) = app.message.clone().expect("a warning on start");
    assert!(
        message.contains("kan öppnas av andra användare"),
        "{message}"
    );
    assert!(message.contains("chmod 700"), "{message}");

    std::fs::set_permissions(&archive, std::fs::Permissions::from_mode(0o700)).unwrap();
    let app = samsyn::tui::prepare(&opts(&archive), now()).unwrap();
    assert!(app.message.is_none(), "{:?}", app.message);
}

#[test]
fn opening_from_the_start_screen_reads_what_another_window_saved_since() {
    let mut fx = sip_app(Lang::En);
    let path = path(&fx.app);
    // The start screen scans the archive (and lets go of the meeting) ...
    samsyn::tui::update::show_start(&mut fx.app);
    // ... then another window opens the meeting, changes it and saves.
    let mut other = samsyn::store::load(&path).unwrap();
    other.title = "SIP för Elsa, ändrad i ett annat fönster".into();
    samsyn::store::save(&path, &other).unwrap();

    key(&mut fx.app, KeyCode::Enter);
    assert!(session(&fx.app).locked.is_none());
    assert_eq!(session(&fx.app).meeting.title, other.title);
    // Quitting saves: the other window's change is still there.
    samsyn::tui::update::save(&mut fx.app);
    assert_eq!(samsyn::store::load(&path).unwrap().title, other.title);
}

#[test]
fn a_meeting_that_no_longer_loads_is_not_opened_and_not_written_over() {
    let mut fx = sip_app(Lang::En);
    let path = path(&fx.app);
    samsyn::tui::update::show_start(&mut fx.app);
    std::fs::write(&path, "(this is not a meeting").unwrap();

    // The start screen keeps only what it shows of each meeting: the file is read when
    // it is opened, and one that no longer loads stays on the start screen, said why.
    key(&mut fx.app, KeyCode::Enter);
    assert!(fx.app.session().is_none(), "not opened");
    let (why, error) = fx.app.message.clone().expect("said why");
    assert!(error);
    assert!(why.contains(&path.display().to_string()), "{why}");
    match &fx.app.screen {
        samsyn::tui::app::Screen::Start(st) => {
            let e = st.archive.iter().find(|e| e.path == path).unwrap();
            assert!(e.summary.is_err(), "listed as unreadable");
        }
        samsyn::tui::app::Screen::Meeting(_) => unreachable!(),
    }
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "(this is not a meeting"
    );
}

//! The kallelse on the screen without a terminal: the form writes the invitation and the
//! Purpose phase's text, refuses a video link that is not a URL; the Roles phase shows per
//! organisation whether the one present has the mandate asked for; writing an incomplete
//! kallelse is refused with the reason.

use crate::common::screen as tui_common;

use crossterm::event::KeyCode::*;
use samsyn::i18n::Lang;
use samsyn::meeting::{ExpectedDecisions, Id, Invitation};
use samsyn::tui::app::Overlay;
use samsyn::tui::form::F;
use samsyn::tui::theme::ThemeName;
use tui_common::*;

fn focused(app: &samsyn::tui::App) -> Option<F> {
    match &app.overlay {
        Some(Overlay::Form(f)) => f.focused().map(|f| f.id),
        _ => None,
    }
}

fn to_field(app: &mut samsyn::tui::App, id: F) {
    for _ in 0..40 {
        if focused(app) == Some(id) {
            return;
        }
        key(app, Tab);
    }
    panic!("no field {id:?}");
}

#[test]
fn the_form_writes_the_invitation_and_the_purpose_phase_and_refuses_a_bad_link() {
    let agenda = all_phases_agenda();
    let mut m = sip_meeting(&agenda);
    // Nothing written in the Purpose phase yet (what is written there is kept: unit tests).
    m.phases.remove("syfte");
    let mut fx = app_with(m, agenda, Lang::Sv, ThemeName::Default, false);
    key(&mut fx.app, Char('K'));
    assert_eq!(focused(&fx.app), Some(F::Purpose));
    typ(&mut fx.app, "Planera stödet");
    key(&mut fx.app, Tab);
    typ(&mut fx.app, "Vem gör vad?");
    key(&mut fx.app, Enter);
    typ(&mut fx.app, "Vem samordnar?");
    to_field(&mut fx.app, F::Expected(1));
    typ(&mut fx.app, "Beslut om familjebehandling");
    to_field(&mut fx.app, F::VideoLink);
    typ(&mut fx.app, "möte på teams");
    ctrl(&mut fx.app, 's');
    let Some(Overlay::Form(form)) = &fx.app.overlay else {
        panic!("the form stays open");
    };
    assert!(
        form.error
            .as_deref()
            .unwrap_or("")
            .contains("ingen webbadress")
    );
    assert_eq!(focused(&fx.app), Some(F::VideoLink));
    assert!(
        samsyn::store::load(&path(&fx.app))
            .unwrap()
            .invitation
            .is_none(),
        "nothing half-written is saved"
    );
    for _ in 0.."möte på teams".chars().count() {
        key(&mut fx.app, Backspace);
    }
    typ(&mut fx.app, "https://mote.example.se/a");
    to_field(&mut fx.app, F::Sent);
    typ(&mut fx.app, "2026-11-25");
    ctrl(&mut fx.app, 's');
    assert!(fx.app.overlay.is_none(), "{:?}", fx.app.overlay);
    let m = samsyn::store::load(&path(&fx.app)).unwrap();
    let inv = m.invitation.as_ref().unwrap();
    assert_eq!(inv.questions, vec!["Vem gör vad?", "Vem samordnar?"]);
    assert_eq!(inv.sent, Some(day(2026, 11, 25)));
    let announced = inv.announced.as_ref().expect("sending announces the event");
    assert_eq!((announced.date, announced.time), (m.date, m.start));
    assert_eq!(
        inv.expected,
        vec![ExpectedDecisions {
            organisation: Id::new("o2"),
            decisions: "Beslut om familjebehandling".into(),
            costs: false,
        }]
    );
    assert_eq!(
        m.phase("syfte").unwrap().notes,
        "Planera stödet\n\n- Vem gör vad?\n- Vem samordnar?"
    );
}

#[test]
fn the_roles_phase_shows_who_came_with_the_mandate_asked_for() {
    let agenda = all_phases_agenda();
    let mut m = sip_meeting(&agenda);
    let expect = |org: &str, decisions: &str, costs: bool| ExpectedDecisions {
        organisation: Id::new(org),
        decisions: decisions.into(),
        costs,
    };
    m.invitation = Some(Invitation {
        expected: vec![
            expect("o1", "särskilt stöd", true),
            expect("o2", "familjebehandling", false),
            expect("o3", "utredning", false),
        ],
        ..Invitation::default()
    });
    let mut fx = app_with(m, agenda, Lang::Sv, ThemeName::Default, false);
    let screen = draw(&mut fx.app, 160, 50);
    assert!(
        screen.contains("Mandat enligt kallelsen: 1 av 3"),
        "{screen}"
    );
    assert!(
        screen.contains("kallelsen: särskilt stöd +kostnader · ! Lena Ek saknar mandatet"),
        "{screen}"
    );
    assert!(
        screen.contains("kallelsen: familjebehandling · ✓ Sara Holm har mandat"),
        "{screen}"
    );
    assert!(
        screen.contains("kallelsen: utredning · ! ingen på plats med mandat"),
        "{screen}"
    );
}

#[test]
fn writing_an_incomplete_kallelse_is_refused_with_the_reason() {
    let agenda = all_phases_agenda();
    let mut m = sip_meeting(&agenda);
    m.start = None;
    let mut fx = app_with(m, agenda, Lang::En, ThemeName::Default, false);
    key(&mut fx.app, Char('W'));
    let (msg, error) = fx.app.message.clone().unwrap();
    assert!(error);
    assert_eq!(
        msg,
        "The notice is not written: the meeting has no time; a notice must say when the meeting starts"
    );
    let written: Vec<_> = std::fs::read_dir(fx.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("kallelse"))
        .collect();
    assert!(written.is_empty());
}

#[test]
fn a_kallelse_being_typed_is_offered_back_after_a_crash() {
    use samsyn::tui::{Event, update};
    let fx = sip_app(Lang::Sv);
    let (mut app, dir) = (fx.app, fx.dir);
    let file = path(&app);
    let at = |ms: i64| now() + chrono::Duration::milliseconds(ms);
    update(&mut app, Event::Tick(at(0)));
    key(&mut app, Char('K'));
    typ(&mut app, "Planera stödet");
    update(&mut app, Event::Tick(at(100)));
    update(&mut app, Event::Tick(at(1500)));
    drop(app); // the crash: no save

    let mut catalogue = samsyn::agenda::Catalogue::builtin();
    catalogue.add(all_phases_agenda(), samsyn::agenda::AgendaSource::BuiltIn);
    let mut app = samsyn::tui::App::new(
        Lang::Sv,
        samsyn::tui::theme::Theme::new(ThemeName::Default, true),
        samsyn::tui::keys::KeyMap::default(),
        catalogue,
        dir.path().to_path_buf(),
        at(60_000),
    );
    samsyn::tui::update::open_path(&mut app, &file).unwrap();
    assert!(app.draft.offer.is_some(), "{:?}", app.message);
    key(&mut app, Char('j'));
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("the form is back: {:?}", app.overlay);
    };
    assert_eq!(form.target, samsyn::tui::form::Target::Invitation);
    assert_eq!(form.text(F::Purpose), "Planera stödet");
}

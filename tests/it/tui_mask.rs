//! The privacy mask on screen (issue 11, item 11): forms are masked like everything
//! else — titles, labels, choices and the field in focus; only a field being edited
//! shows its text, marked as such — and the mask is remembered, so the start screen and
//! a meeting open masked after a restart.

use crate::common::screen as tui_common;

use crossterm::event::KeyCode::{self, BackTab, Char, Enter, Esc, Tab};
use samsyn::i18n::Lang;
use samsyn::tui::App;
use samsyn::tui::app::Overlay;
use tui_common::*;

/// The family's names in the test meeting, as whole words.
const FAMILY: [&str; 3] = ["Elsa", "Svensson", "Anna"];

fn words(screen: &str) -> Vec<&str> {
    screen
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

fn assert_masked(screen: &str, what: &str) {
    let w = words(screen);
    for name in FAMILY {
        assert!(
            !w.iter().any(|x| x.starts_with(name)),
            "{name} shown in {what}:\n{screen}"
        );
    }
}

fn form_open(app: &App) -> bool {
    matches!(app.overlay, Some(Overlay::Form(_)))
}

/// Close an open form without saving anything.
fn close(app: &mut App) {
    for _ in 0..2 {
        if form_open(app) {
            key(app, Esc);
        }
    }
    app.overlay = None;
}

#[test]
fn every_form_of_every_phase_is_masked_in_every_field() {
    let mut fx = sip_app(Lang::Sv);
    key(&mut fx.app, Char('i'));
    let phases = phase_ids(&fx.app);
    let mut forms = 0;
    for phase in &phases {
        goto_phase(&mut fx.app, phase);
        // Every row's edit form and the add form (the meeting details below).
        for row in 0..6 {
            goto_phase(&mut fx.app, phase);
            for _ in 0..row {
                key(&mut fx.app, KeyCode::Down);
            }
            for k in [Enter, Char('a')] {
                key(&mut fx.app, k);
                if !form_open(&fx.app) {
                    close(&mut fx.app);
                    continue;
                }
                forms += 1;
                // Each field in focus in turn.
                let n = match &fx.app.overlay {
                    Some(Overlay::Form(f)) => f.fields.len(),
                    _ => 0,
                };
                for field in 0..n {
                    let screen = draw(&mut fx.app, 120, 40);
                    assert_masked(&screen, &format!("{phase} row {row} {k:?} field {field}"));
                    key(&mut fx.app, Tab);
                }
                close(&mut fx.app);
            }
        }
    }
    goto_phase(&mut fx.app, "roller");
    key(&mut fx.app, Char('m'));
    assert!(form_open(&fx.app));
    let n = match &fx.app.overlay {
        Some(Overlay::Form(f)) => f.fields.len(),
        _ => 0,
    };
    for field in 0..n {
        assert_masked(
            &draw(&mut fx.app, 120, 40),
            &format!("details field {field}"),
        );
        key(&mut fx.app, Tab);
    }
    assert!(forms > 30, "only {forms} forms were opened");
}

#[test]
fn a_form_title_names_the_family_by_initials() {
    let mut fx = sip_app(Lang::Sv);
    goto_phase(&mut fx.app, "utvardering");
    // The guardian's evaluation: "Utvärdering: Anna Svensson" unmasked.
    let row = session(&fx.app)
        .meeting
        .participants
        .iter()
        .filter(|p| p.is_present())
        .position(|p| p.name == "Anna Svensson")
        .unwrap();
    for _ in 0..row {
        key(&mut fx.app, KeyCode::Down);
    }
    key(&mut fx.app, Enter);
    assert!(form_open(&fx.app));
    let title = match &fx.app.overlay {
        Some(Overlay::Form(f)) => f.title.clone(),
        _ => unreachable!(),
    };
    assert!(title.contains("Anna Svensson"), "{title}");
    assert!(draw(&mut fx.app, 100, 30).contains("Anna Svensson"));
    close(&mut fx.app);
    key(&mut fx.app, Char('i'));
    key(&mut fx.app, Enter);
    let screen = draw(&mut fx.app, 100, 30);
    assert!(screen.contains("A. S."), "{screen}");
    assert_masked(&screen, "the evaluation form");
}

#[test]
fn the_field_being_edited_shows_its_text_only_while_it_is_edited_and_says_so() {
    let mut fx = sip_app(Lang::Sv);
    key(&mut fx.app, Char('i'));
    // The meeting details: the title "SIP för Elsa" is the field in focus.
    key(&mut fx.app, Char('m'));
    let masked = draw(&mut fx.app, 100, 30);
    insta::assert_snapshot!("masked_details_form", masked);
    assert!(masked.contains("SIP för E. S."), "{masked}");
    assert!(
        masked.contains("(initialer – skriv för att ändra)"),
        "{masked}"
    );
    assert!(!masked.contains("(visas medan du skriver)"));
    // Typing shows the text as typed, marked.
    typ(&mut fx.app, " och mamma");
    let editing = draw(&mut fx.app, 100, 30);
    insta::assert_snapshot!("masked_details_form_editing", editing);
    assert!(editing.contains("SIP för Elsa och mamma"), "{editing}");
    assert!(editing.contains("(visas medan du skriver)"), "{editing}");
    // Leaving the field masks it again; coming back does not show it until typed in.
    key(&mut fx.app, Tab);
    let left = draw(&mut fx.app, 100, 30);
    assert_masked(&left, "the details form after leaving the title");
    assert!(left.contains("SIP för E. S. och mamma"), "{left}");
    assert!(!left.contains("(visas medan du skriver)"), "{left}");
    key(&mut fx.app, BackTab);
    assert_masked(&draw(&mut fx.app, 100, 30), "the title, focused again");
    // Moving the cursor in the text is editing it too.
    key(&mut fx.app, KeyCode::Home);
    assert!(draw(&mut fx.app, 100, 30).contains("SIP för Elsa och mamma"));
    // Without the mask nothing is marked.
    close(&mut fx.app);
    key(&mut fx.app, Char('i'));
    key(&mut fx.app, Char('m'));
    let plain = draw(&mut fx.app, 100, 30);
    assert!(plain.contains("SIP för Elsa"), "{plain}");
    assert!(!plain.contains("(initialer –"), "{plain}");
    typ(&mut fx.app, "!");
    assert!(!draw(&mut fx.app, 100, 30).contains("(visas medan du skriver)"));
}

#[test]
fn the_start_screen_is_masked_after_a_restart_when_the_mask_was_left_on() {
    let config = tempfile::tempdir().unwrap();
    let state = config.path().join("samsyn").join("state.ron");
    let mut fx = sip_app(Lang::Sv);
    assert_eq!(samsyn::tui::mask::recall(&mut fx.app, state.clone()), None);
    assert!(!fx.app.mask, "no file yet: the mask is off");
    key(&mut fx.app, Char('i'));
    assert!(state.is_file(), "pressing i remembers the mask");
    // A new start: the start screen of the same archive, masked before any key.
    let archive = fx.dir.path().to_path_buf();
    let mut next = App::new(
        Lang::Sv,
        samsyn::tui::theme::Theme::new(samsyn::tui::theme::ThemeName::Default, true),
        samsyn::tui::keys::KeyMap::default(),
        samsyn::agenda::Catalogue::builtin(),
        archive,
        now(),
    );
    assert_eq!(samsyn::tui::mask::recall(&mut next, state.clone()), None);
    samsyn::tui::update::show_start(&mut next);
    let screen = draw(&mut next, 100, 30);
    insta::assert_snapshot!("masked_start_screen_after_restart", screen);
    assert_masked(&screen, "the start screen");
    assert!(screen.contains("SIP för E. S."), "{screen}");
    assert!(screen.contains("[INITIALER]"), "{screen}");
    // Turned off, it stays off the next time.
    key(&mut next, Char('i'));
    let mut third = App::new(
        Lang::Sv,
        samsyn::tui::theme::Theme::new(samsyn::tui::theme::ThemeName::Default, true),
        samsyn::tui::keys::KeyMap::default(),
        samsyn::agenda::Catalogue::builtin(),
        fx.dir.path().to_path_buf(),
        now(),
    );
    samsyn::tui::mask::recall(&mut third, state.clone());
    assert!(!third.mask);
    // A state file that cannot be read: the mask is on, and the screen says why.
    std::fs::write(&state, "(mask: ").unwrap();
    let why = samsyn::tui::mask::recall(&mut third, state);
    assert!(third.mask);
    assert!(why.is_some_and(|w| w.contains("state.ron")));
}

#[test]
fn a_new_meetings_form_masks_the_child_it_names() {
    let mut fx = sip_app(Lang::Sv);
    samsyn::tui::update::show_start(&mut fx.app);
    key(&mut fx.app, Char('i'));
    let agenda = all_phases_agenda();
    samsyn::tui::update::new_meeting_form(&mut fx.app, &agenda, "SIP för Alva");
    let Some(Overlay::Form(form)) = &mut fx.app.overlay else {
        panic!("the new meeting's form is open")
    };
    form.set_text(samsyn::tui::form::F::SubjectName, "Alva Lind");
    let screen = draw(&mut fx.app, 100, 30);
    assert!(!words(&screen).contains(&"Alva"), "{screen}");
    assert!(screen.contains("SIP för A. L."), "{screen}");
}

//! Parts of the screen drawn before are copied when they are given the same
//! (`samsyn::tui::memo`): after every kind of change the frame is the frame drawn afresh.
//! (`common::screen::buffer` draws each frame both ways and compares them; these tests
//! make the changes a stale copy would show.)

use crate::common::screen::*;
use crossterm::event::KeyCode;
use samsyn::i18n::Lang;
use samsyn::tui::theme::ThemeName;

fn text(buf: &ratatui::buffer::Buffer) -> String {
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
                + "\n"
        })
        .collect()
}

fn first_action(app: &samsyn::tui::App) -> String {
    session(app).meeting.actions[0]
        .what
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn an_action_deleted_is_not_shown_from_before() {
    let mut fx = sip_app(Lang::Sv);
    goto_phase(&mut fx.app, "insatser");
    let gone = first_action(&fx.app);
    assert!(text(&buffer(&mut fx.app, 120, 40)).contains(&gone));
    key(&mut fx.app, KeyCode::Char('d'));
    key(&mut fx.app, KeyCode::Char('j'));
    let now = text(&buffer(&mut fx.app, 120, 40));
    assert!(
        !now.contains(&gone),
        "{gone:?} deleted, still shown:\n{now}"
    );
    assert!(now.contains(&first_action(&fx.app)), "{now}");
}

#[test]
fn masking_and_another_width_draw_the_rows_again() {
    // The guardian carries out the second action: the row names them.
    let agenda = all_phases_agenda();
    let mut m = sip_meeting(&agenda);
    let guardian = m.participants[3].clone();
    m.actions[1].performer = Some(samsyn::meeting::Performer::Participant(guardian.id));
    let mut fx = app_with(m, agenda, Lang::Sv, ThemeName::Default, true);
    goto_phase(&mut fx.app, "insatser");
    let name = guardian.name;
    assert!(text(&buffer(&mut fx.app, 120, 40)).contains(&name));
    // i: initials for the family's names.
    key(&mut fx.app, KeyCode::Char('i'));
    let masked = text(&buffer(&mut fx.app, 120, 40));
    assert!(!masked.contains(&name), "{masked}");
    key(&mut fx.app, KeyCode::Char('i'));
    assert!(text(&buffer(&mut fx.app, 120, 40)).contains(&name));
    // Narrower: the rows wrap again.
    let narrow = text(&buffer(&mut fx.app, 90, 40));
    assert!(narrow.contains(&first_action(&fx.app)));
}

#[test]
fn two_meetings_in_one_window_never_share_their_rows() {
    // The same meeting twice, one with its first action changed: each shows its own.
    let agenda = all_phases_agenda();
    let m = sip_meeting(&agenda);
    let mut other = m.clone();
    other.actions[0].what = "Logopeden kontaktar familjen inom en vecka".into();
    let mut a = app_with(m, agenda.clone(), Lang::Sv, ThemeName::Default, true);
    let mut b = app_with(other, agenda, Lang::Sv, ThemeName::Default, true);
    for fx in [&mut a, &mut b] {
        goto_phase(&mut fx.app, "insatser");
    }
    let first = text(&buffer(&mut a.app, 120, 40));
    let second = text(&buffer(&mut b.app, 120, 40));
    assert!(second.contains("Logopeden kontaktar"), "{second}");
    assert!(!first.contains("Logopeden kontaktar"), "{first}");
}

#[test]
fn every_phase_in_both_themes_is_the_frame_drawn_afresh() {
    for theme in [ThemeName::Default, ThemeName::HighContrast] {
        let agenda = all_phases_agenda();
        let m = sip_meeting(&agenda);
        let mut fx = app_with(m, agenda, Lang::Sv, theme, true);
        for id in phase_ids(&fx.app) {
            goto_phase(&mut fx.app, &id);
            for (w, h) in [(80, 24), (120, 40), (100, 30)] {
                // `buffer` compares the frame with the parts copied and drawn afresh;
                // down and up again move the highlight over rows drawn before.
                buffer(&mut fx.app, w, h);
                key(&mut fx.app, KeyCode::Down);
                buffer(&mut fx.app, w, h);
                key(&mut fx.app, KeyCode::Up);
                buffer(&mut fx.app, w, h);
            }
            // Without the prompts (g), and with them again.
            key(&mut fx.app, KeyCode::Char('g'));
            buffer(&mut fx.app, 120, 40);
            key(&mut fx.app, KeyCode::Char('g'));
            buffer(&mut fx.app, 120, 40);
        }
    }
}

#[test]
fn the_header_shows_the_title_and_the_phases_done_as_they_change() {
    let mut fx = sip_app(Lang::Sv);
    goto_phase(&mut fx.app, "insatser");
    let before = text(&buffer(&mut fx.app, 120, 40));
    assert!(!before.contains("Ny rubrik"), "{before}");
    let s = fx.app.session_mut().unwrap();
    s.meeting.edit().title = "Ny rubrik för mötet".into();
    let after = text(&buffer(&mut fx.app, 120, 40));
    assert!(after.contains("Ny rubrik för mötet"), "{after}");
    // The actions phase emptied: its mark in the stepper goes from ✓ to ·.
    let number = session(&fx.app).phase + 1;
    assert!(before.contains(&format!("[{number} ▸")), "{before}");
    key(&mut fx.app, KeyCode::Right);
    let next = text(&buffer(&mut fx.app, 120, 40));
    assert!(next.contains(&format!("{number}✓")), "{next}");
    let s = fx.app.session_mut().unwrap();
    s.meeting.edit().actions.clear();
    let emptied = text(&buffer(&mut fx.app, 120, 40));
    assert!(emptied.contains(&format!("{number}·")), "{emptied}");
}

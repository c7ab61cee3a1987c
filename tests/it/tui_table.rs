//! At the table: the plan read back and confirmed, the meeting's clock, keeping the place,
//! partial attendance — through keys and the rendered screen (TestBackend).

use crate::common::screen as tui_common;

use crossterm::event::KeyCode::{self, Char, Enter, Esc, Left, Right, Tab};
use samsyn::i18n::Lang;
use samsyn::meeting::{Action, Decision, Id, Performer};
use samsyn::rules::Code;
use samsyn::tui::app::{Overlay, Screen};
use samsyn::tui::form::F;
use samsyn::tui::theme::ThemeName;
use samsyn::tui::{Event, update};
use tui_common::*;

fn markdown(m: &samsyn::meeting::Meeting, agenda: &samsyn::agenda::Agenda, lang: Lang) -> String {
    let options = samsyn::export::Options {
        lang,
        pseudonymize: false,
        contacts: false,
    };
    let bytes = samsyn::export::export(m, agenda, samsyn::export::Format::Md, options).unwrap();
    String::from_utf8(bytes).unwrap()
}

fn saved(app: &samsyn::tui::App) -> samsyn::meeting::Meeting {
    samsyn::store::load(&path(app)).unwrap()
}

/// The SIP fixture with a family measure too (the mask has a name to hide on its page).
fn table_app(lang: Lang) -> Fixture {
    let agenda = all_phases_agenda();
    let mut m = sip_meeting(&agenda);
    let mut a4 = Action::new(
        Id::new("a4"),
        "Anna Svensson väcker Elsa kl. 07.00 och följer henne till bussen",
        Performer::Participant(Id::new("p4")),
        None,
        Decision::AtTable {
            by: vec![Id::new("p4")],
        },
    );
    a4.deadline = Some(day(2027, 1, 21));
    m.actions.push(a4);
    app_with(m, agenda, lang, ThemeName::Default, true)
}

fn read_back(app: &mut samsyn::tui::App) {
    goto_phase(app, "summering");
    key(app, Char('l'));
    assert!(
        matches!(app.overlay, Some(Overlay::ReadBack { .. })),
        "{:?}",
        app.overlay
    );
}

fn page(app: &samsyn::tui::App) -> (usize, usize) {
    match app.overlay {
        Some(Overlay::ReadBack { page, selected }) => (page, selected),
        ref other => panic!("no read-back: {other:?}"),
    }
}

#[test]
fn the_read_back_view_in_both_sizes_languages_and_with_the_mask() {
    for lang in [Lang::Sv, Lang::En] {
        for masked in [false, true] {
            for (w, h) in [(80, 24), (120, 40)] {
                let mut fx = table_app(lang);
                fx.app.mask = masked;
                update(&mut fx.app, Event::Resize(w, h));
                read_back(&mut fx.app);
                // Every page, first to last, with ←/→.
                let mut screens = Vec::new();
                loop {
                    screens.push(draw(&mut fx.app, w, h));
                    let before = page(&fx.app).0;
                    key(&mut fx.app, Right);
                    if page(&fx.app).0 == before {
                        break;
                    }
                }
                assert!(screens.len() >= 3, "{screens:#?}");
                let all = screens.join("\n");
                if masked {
                    assert!(!all.contains("Anna Svensson"), "{all}");
                    assert!(!all.contains("Elsa"), "{all}");
                } else {
                    assert!(all.contains("Anna Svensson väcker Elsa"), "{all}");
                }
                let mask = if masked { "masked" } else { "plain" };
                let name = format!("readback_{w}x{h}_{lang:?}_{mask}").to_lowercase();
                insta::assert_snapshot!(name, all);
            }
        }
    }
}

#[test]
fn the_read_back_shows_who_does_what_by_when_what_is_awaited_and_the_next_meeting() {
    let mut fx = table_app(Lang::Sv);
    read_back(&mut fx.app);
    let mut all = String::new();
    for _ in 0..10 {
        all += &draw(&mut fx.app, 120, 40);
        key(&mut fx.app, Right);
    }
    for expected in [
        // Grouped by organisation, each action with its performer, deadline and decider.
        "Skola: Nyboskolan",
        "Morgonmöte med mentor varje skoldag",
        "Gör: Lena Ek · Till när: tisdag 15 december 2026",
        "Beslutat av: Lena Ek",
        "Socialtjänst: Barn och familj",
        "Beslut inväntas från Enhetschef Barn och familj (Socialtjänst: Barn och familj),",
        "senast söndag 20 december 2026",
        "Familjen",
        // The whole plan: responsibility, what is awaited, when we meet again.
        "Huvudansvar: Socialtjänst: Barn och familj — Sara Holm",
        "Samordnare: Sara Holm",
        "Vad som inväntas",
        "Nästa möte",
        "torsdag 21 januari 2027 kl. 13:00, Nyboskolan · sammankallande Sara Holm",
        "0 av 4 insatser bekräftade vid bordet.",
        "Har alla förstått vem som gör vad?",
    ] {
        assert!(all.contains(expected), "{expected:?} missing:\n{all}");
    }
    // ← goes back; Esc closes and the summary is there again.
    key(&mut fx.app, Left);
    assert!(page(&fx.app).0 > 0);
    key(&mut fx.app, Esc);
    assert!(fx.app.overlay.is_none());
}

#[test]
fn the_confirmation_round_marks_each_action_in_turn_and_the_minutes_record_it() {
    let mut fx = table_app(Lang::Sv);
    update(&mut fx.app, Event::Resize(120, 40));
    let before = samsyn::rules::warnings(&saved(&fx.app), &session(&fx.app).agenda);
    let w = before
        .iter()
        .find(|p| p.code == Code::ActionNotConfirmed)
        .expect("unconfirmed actions are a warning");
    assert!(w.sv.contains("(4)"), "{}", w.sv);
    read_back(&mut fx.app);
    // The first one's turn: the question names who decided it.
    let screen = draw(&mut fx.app, 120, 40);
    assert!(
        screen.contains("Fråga Lena Ek: stämmer det, och vet du vad du ska göra?"),
        "{screen}"
    );
    // Space confirms it and goes on to the next.
    key(&mut fx.app, Char(' '));
    assert_eq!(page(&fx.app), (0, 1));
    let m = saved(&fx.app);
    assert!(m.actions[0].confirmed, "saved at once");
    assert!(!m.actions[2].confirmed);
    let screen = draw(&mut fx.app, 120, 40);
    assert!(screen.contains("✓ Bekräftat vid bordet"), "{screen}");
    assert!(screen.contains("Fråga Kim Berg"), "{screen}");
    // Pressed again on a confirmed one, the mark goes.
    key(&mut fx.app, KeyCode::Up);
    key(&mut fx.app, Enter);
    assert!(!saved(&fx.app).actions[0].confirmed);
    key(&mut fx.app, KeyCode::Up);
    // Round the table: every action confirmed, whatever the pages.
    for _ in 0..4 {
        key(&mut fx.app, Char(' '));
    }
    let m = saved(&fx.app);
    assert!(m.actions.iter().all(|a| a.confirmed), "{:?}", m.actions);
    let after = samsyn::rules::warnings(&m, &session(&fx.app).agenda);
    assert!(
        !after.iter().any(|p| p.code == Code::ActionNotConfirmed),
        "{after:?}"
    );
    // Never a block.
    assert!(
        samsyn::rules::blocking(&m, &session(&fx.app).agenda)
            .iter()
            .all(|p| p.code != Code::ActionNotConfirmed)
    );
    let md = markdown(&m, &session(&fx.app).agenda, Lang::Sv);
    assert!(
        md.contains("Lena Ek (Skola: Nyboskolan) (bekräftat vid bordet)"),
        "{md}"
    );
    let md = markdown(&m, &session(&fx.app).agenda, Lang::En);
    assert!(md.contains("(confirmed at the table)"), "{md}");
}

#[test]
fn a_confirmation_holds_only_for_the_action_as_it_was_read_back() {
    let mut fx = table_app(Lang::Sv);
    read_back(&mut fx.app);
    key(&mut fx.app, Char(' '));
    key(&mut fx.app, Esc);
    assert!(saved(&fx.app).actions[0].confirmed);
    // A new deadline is not what the room said yes to.
    goto_phase(&mut fx.app, "insatser");
    key(&mut fx.app, Enter);
    for _ in 0..40 {
        if matches!(&fx.app.overlay, Some(Overlay::Form(f)) if f.focused().map(|f| f.id) == Some(F::Deadline))
        {
            break;
        }
        key(&mut fx.app, Tab);
    }
    for _ in 0..12 {
        key(&mut fx.app, KeyCode::Backspace);
    }
    typ(&mut fx.app, "2027-01-08");
    ctrl(&mut fx.app, 's');
    assert!(fx.app.overlay.is_none(), "{:?}", fx.app.overlay);
    let a = &saved(&fx.app).actions[0];
    assert_eq!(a.deadline, Some(day(2027, 1, 8)));
    assert!(!a.confirmed, "asked again after the change");
}

#[test]
fn finalized_minutes_are_read_back_but_not_marked() {
    let mut fx = table_app(Lang::En);
    read_back(&mut fx.app);
    key(&mut fx.app, Esc);
    if let Screen::Meeting(s) = &mut fx.app.screen {
        s.meeting.edit().finalized = Some(samsyn::meeting::FinalizeStamp {
            by: "x".into(),
            at: now(),
            revision: 1,
            hash: s.meeting.content_hash(),
            justerare: Vec::new(),
        });
    }
    key(&mut fx.app, Char('l'));
    let screen = draw(&mut fx.app, 80, 24);
    assert!(!screen.contains("Space confirmed"), "{screen}");
    assert!(!screen.contains("Ask Lena Ek"), "{screen}");
    key(&mut fx.app, Char(' '));
    if let Screen::Meeting(s) = &fx.app.screen {
        assert!(!s.meeting.actions[0].confirmed);
    }
}

#[test]
fn the_header_shows_the_meeting_against_the_agenda_and_a_break_stops_the_clock() {
    let mut fx = sip_app(Lang::Sv);
    // 8:30 + 16:05 + 12:00 counted so far, of the agenda's minutes.
    let total = session(&fx.app).agenda.typical_minutes();
    let screen = draw(&mut fx.app, 80, 24);
    assert!(
        screen.contains(&format!("mötet 37/{total} min")),
        "{screen}"
    );
    let t0 = now();
    update(&mut fx.app, Event::Tick(t0));
    update(&mut fx.app, Event::Tick(t0 + chrono::Duration::seconds(20)));
    assert_eq!(session(&fx.app).elapsed_secs(), 8 * 60 + 30 + 20);
    // P: a break. Time passes and is not counted; the header says so.
    key(&mut fx.app, Char('P'));
    assert!(session(&fx.app).paused);
    update(&mut fx.app, Event::Tick(t0 + chrono::Duration::seconds(50)));
    assert_eq!(session(&fx.app).elapsed_secs(), 8 * 60 + 30 + 20);
    let screen = draw(&mut fx.app, 80, 24);
    assert!(screen.contains("PAUS"), "{screen}");
    // P again: it runs on from where it stood.
    key(&mut fx.app, Char('P'));
    update(&mut fx.app, Event::Tick(t0 + chrono::Duration::seconds(60)));
    assert_eq!(session(&fx.app).elapsed_secs(), 8 * 60 + 30 + 30);
}

#[test]
fn a_phases_time_is_corrected_by_hand() {
    let mut fx = sip_app(Lang::En);
    goto_phase(&mut fx.app, "nulage");
    key(&mut fx.app, Char('t'));
    let screen = draw(&mut fx.app, 80, 24);
    assert!(screen.contains("Time in the phase «Situation»"), "{screen}");
    assert!(screen.contains("16:05"), "{screen}");
    for _ in 0..8 {
        key(&mut fx.app, KeyCode::Backspace);
    }
    typ(&mut fx.app, "abc");
    ctrl(&mut fx.app, 's');
    let screen = draw(&mut fx.app, 80, 24);
    assert!(
        screen.contains("type minutes, e.g. 12 or 12:30"),
        "{screen}"
    );
    for _ in 0..3 {
        key(&mut fx.app, KeyCode::Backspace);
    }
    typ(&mut fx.app, "25");
    ctrl(&mut fx.app, 's');
    assert!(fx.app.overlay.is_none(), "{:?}", fx.app.overlay);
    assert_eq!(
        saved(&fx.app).phase("nulage").unwrap().elapsed_secs,
        25 * 60
    );
}

#[test]
fn the_time_a_meeting_was_closed_counts_only_when_asked() {
    let fx = sip_app(Lang::Sv);
    let file = path(&fx.app);
    let mut m = saved(&fx.app);
    drop(fx.app);
    // Left on the Situation phase twelve minutes before it is opened again.
    m.resume = Some(samsyn::meeting::Resume {
        phase: "nulage".into(),
        closed_at: Some(now() - chrono::Duration::minutes(12)),
    });
    samsyn::store::save(&file, &m).unwrap();
    let mut app = samsyn::tui::App::new(
        Lang::Sv,
        samsyn::tui::theme::Theme::new(ThemeName::Default, true),
        samsyn::tui::keys::KeyMap::default(),
        {
            let mut c = samsyn::agenda::Catalogue::builtin();
            c.add(all_phases_agenda(), samsyn::agenda::AgendaSource::BuiltIn);
            c
        },
        fx.dir.path().to_path_buf(),
        now(),
    );
    samsyn::tui::update::open_path(&mut app, &file).unwrap();
    // Where it was left, and the time closed said, not counted.
    assert_eq!(session(&app).phase().id, "nulage");
    assert_eq!(session(&app).elapsed_secs(), 16 * 60 + 5);
    let screen = draw(&mut app, 80, 24);
    assert!(
        screen.contains("Stängt i 12 min, räknas inte (t rättar)"),
        "{screen}"
    );
    // t, tick "count the time closed": the twelve minutes are added, once.
    key(&mut app, Char('t'));
    let screen = draw(&mut app, 80, 24);
    assert!(
        screen.contains("Räkna med de 12 min mötet var stängt"),
        "{screen}"
    );
    key(&mut app, Tab);
    key(&mut app, Char(' '));
    ctrl(&mut app, 's');
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
    assert_eq!(
        saved(&app).phase("nulage").unwrap().elapsed_secs,
        (16 + 12) * 60 + 5
    );
    assert_eq!(session(&app).closed_secs, None);
    key(&mut app, Char('t'));
    let screen = draw(&mut app, 80, 24);
    assert!(!screen.contains("Räkna med de 12 min"), "{screen}");
}

#[test]
fn q_goes_back_to_the_start_screen_only_for_a_meeting_opened_there() {
    // Opened by path (the command line): q ends the program, remembering the phase.
    let mut fx = sip_app(Lang::Sv);
    goto_phase(&mut fx.app, "mal");
    key(&mut fx.app, Right);
    key(&mut fx.app, Char('q'));
    assert!(fx.app.quit);
    // Opened from the start screen: q goes back there, and q there quits.
    let mut fx = sip_app(Lang::Sv);
    samsyn::tui::update::show_start(&mut fx.app);
    key(&mut fx.app, Enter);
    assert!(matches!(fx.app.screen, Screen::Meeting(_)));
    key(&mut fx.app, Right);
    key(&mut fx.app, Char('q'));
    assert!(!fx.app.quit);
    assert!(matches!(fx.app.screen, Screen::Start(_)));
    key(&mut fx.app, Enter);
    assert_eq!(session(&fx.app).phase().id, "samtycke", "where it was left");
    key(&mut fx.app, Char('q'));
    key(&mut fx.app, Char('q'));
    assert!(fx.app.quit);
}

#[test]
fn amending_finalized_minutes_stays_on_the_phase() {
    let mut fx = sip_app(Lang::Sv);
    if let Screen::Meeting(s) = &mut fx.app.screen {
        s.meeting.edit().finalized = Some(samsyn::meeting::FinalizeStamp {
            by: "Maria Lund".into(),
            at: now(),
            revision: 1,
            hash: s.meeting.content_hash(),
            justerare: Vec::new(),
        });
    }
    samsyn::tui::update::save(&mut fx.app);
    goto_phase(&mut fx.app, "mal");
    key(&mut fx.app, Char('A'));
    typ(&mut fx.app, "Fel datum i målet");
    ctrl(&mut fx.app, 's');
    assert!(fx.app.overlay.is_none(), "{:?}", fx.app.overlay);
    assert!(!session(&fx.app).meeting.is_finalized());
    assert_eq!(session(&fx.app).phase().id, "mal");
}

fn to_field(app: &mut samsyn::tui::App, id: F) {
    for _ in 0..60 {
        if matches!(&app.overlay, Some(Overlay::Form(f)) if f.focused().map(|f| f.id) == Some(id)) {
            return;
        }
        key(app, Tab);
    }
    panic!("the form has no field {id:?}");
}

#[test]
fn the_child_joining_for_the_childs_voice_only_is_two_keys_and_the_minutes_say_so() {
    let mut fx = sip_app(Lang::Sv);
    key(&mut fx.app, Char('a'));
    typ(&mut fx.app, "Elsa Svensson");
    to_field(&mut fx.app, F::Kind);
    key(&mut fx.app, Right);
    key(&mut fx.app, Right); // the child
    to_field(&mut fx.app, F::Part);
    key(&mut fx.app, Right); // only during the child's voice, the first after "the whole"
    let screen = draw(&mut fx.app, 120, 40);
    assert!(screen.contains("bara under «Barnets röst»"), "{screen}");
    // The times are asked only for "joined late or left early".
    assert!(!screen.contains("Kom (tid eller fas)"), "{screen}");
    ctrl(&mut fx.app, 's');
    assert!(fx.app.overlay.is_none(), "{:?}", fx.app.overlay);
    let m = saved(&fx.app);
    let elsa = m
        .participants
        .iter()
        .find(|p| p.name == "Elsa Svensson")
        .unwrap();
    assert_eq!(elsa.part, Some(samsyn::meeting::Part::only("barnets-rost")));
    let screen = draw(&mut fx.app, 120, 40);
    assert!(
        screen.contains("på plats, bara under «Barnets röst»"),
        "{screen}"
    );
    // There was no speaking round for her to be heard in.
    let warnings = samsyn::rules::warnings(&m, &session(&fx.app).agenda);
    assert!(
        !warnings
            .iter()
            .any(|w| w.code == Code::NotHeard && w.sv.contains("Elsa")),
        "{warnings:?}"
    );
    let md = markdown(&m, &session(&fx.app).agenda, Lang::Sv);
    assert!(md.contains("på plats, bara under «Barnets röst»"), "{md}");
    let md = markdown(&m, &session(&fx.app).agenda, Lang::En);
    assert!(
        md.contains("in the room, only during «The child's voice»"),
        "{md}"
    );
}

#[test]
fn joining_late_and_leaving_early_by_time_or_phase() {
    let mut fx = sip_app(Lang::Sv);
    // Kim Berg, the second participant: came at 14:40, left after the actions.
    key(&mut fx.app, KeyCode::Down);
    key(&mut fx.app, Enter);
    to_field(&mut fx.app, F::Part);
    key(&mut fx.app, Left); // joined late or left early: the last option
    to_field(&mut fx.app, F::Joined);
    typ(&mut fx.app, "snart");
    ctrl(&mut fx.app, 's');
    let screen = draw(&mut fx.app, 120, 40);
    assert!(
        screen.contains("«snart»: skriv en tid (14:30) eller en fas"),
        "{screen}"
    );
    for _ in 0..5 {
        key(&mut fx.app, KeyCode::Backspace);
    }
    typ(&mut fx.app, "14.40");
    to_field(&mut fx.app, F::LeftAt);
    typ(&mut fx.app, "8");
    ctrl(&mut fx.app, 's');
    assert!(fx.app.overlay.is_none(), "{:?}", fx.app.overlay);
    use samsyn::meeting::{Moment, Part};
    let m = saved(&fx.app);
    assert_eq!(
        m.participants[1].part,
        Some(Part {
            from: Some(Moment::At(
                chrono::NaiveTime::from_hms_opt(14, 40, 0).unwrap()
            )),
            until: Some(Moment::Phase("insatser".into())),
        })
    );
    let md = markdown(&m, &session(&fx.app).agenda, Lang::Sv);
    assert!(
        md.contains("på plats, kom 14:40, gick efter «Insatser»"),
        "{md}"
    );
    // Opened again, the form says it as it was typed; a phase by name works too.
    key(&mut fx.app, Enter);
    let screen = draw(&mut fx.app, 120, 40);
    assert!(
        screen.contains("14:40") && screen.contains("Insatser"),
        "{screen}"
    );
    to_field(&mut fx.app, F::Joined);
    for _ in 0..5 {
        key(&mut fx.app, KeyCode::Backspace);
    }
    typ(&mut fx.app, "nul");
    ctrl(&mut fx.app, 's');
    assert!(fx.app.overlay.is_none(), "{:?}", fx.app.overlay);
    let part = saved(&fx.app).participants[1].part.clone().unwrap();
    assert_eq!(part.from, Some(Moment::Phase("nulage".into())));
    // Back to the whole meeting: nothing of it is kept.
    key(&mut fx.app, Enter);
    to_field(&mut fx.app, F::Part);
    for _ in 0..20 {
        if matches!(&fx.app.overlay, Some(Overlay::Form(f)) if f.choice_val(F::Part) == samsyn::tui::form::Val::None)
        {
            break;
        }
        key(&mut fx.app, Right);
    }
    ctrl(&mut fx.app, 's');
    assert_eq!(saved(&fx.app).participants[1].part, None);
}

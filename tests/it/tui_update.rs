//! The update logic driven by key sequences, with no terminal: what a user types, what
//! the state and the saved file become.

use crate::common::screen as tui_common;

use crossterm::event::KeyCode::*;
use samsyn::i18n::Lang;
use samsyn::rules::{self, Code};
use samsyn::tui::app::Overlay;
use samsyn::tui::form::{F, Input, Val};
use samsyn::tui::theme::ThemeName;
use samsyn::tui::{Event, update};
use tui_common::*;

fn tabs(app: &mut samsyn::tui::App, n: usize) {
    for _ in 0..n {
        key(app, Tab);
    }
}

/// Tab to the field `id` of the open form (forms grow fields; tests name the field).
fn to_field(app: &mut samsyn::tui::App, id: F) {
    for _ in 0..60 {
        if form(app).focused().map(|f| f.id) == Some(id) {
            return;
        }
        key(app, Tab);
    }
    panic!("the form has no field {id:?}");
}

fn saved(app: &samsyn::tui::App) -> samsyn::meeting::Meeting {
    samsyn::store::load(&path(app)).unwrap()
}

fn form(app: &samsyn::tui::App) -> &samsyn::tui::form::Form {
    match &app.overlay {
        Some(Overlay::Form(f)) => f,
        other => panic!("no form open: {other:?}"),
    }
}

#[test]
fn adding_a_participant_saves_it_at_once() {
    let mut fx = sip_app(Lang::Sv);
    key(&mut fx.app, Char('a'));
    typ(&mut fx.app, "Maja Öberg");
    key(&mut fx.app, Tab);
    typ(&mut fx.app, "skolsköterska");
    // The organisation is picked from the list: a letter jumps to it.
    key(&mut fx.app, Tab);
    key(&mut fx.app, Char('s'));
    ctrl(&mut fx.app, 's');
    assert!(fx.app.overlay.is_none());
    let m = saved(&fx.app);
    let p = m
        .participants
        .iter()
        .find(|p| p.name == "Maja Öberg")
        .unwrap();
    assert_eq!(
        p.organisation.as_ref().map(|o| m.organisation_name(o)),
        Some("Skola: Nyboskolan".to_string())
    );
    assert_eq!(p.role, "skolsköterska");
    assert!(p.mandate.is_none());
}

#[test]
fn a_participant_without_organisation_is_refused_with_the_reason() {
    let mut fx = sip_app(Lang::En);
    key(&mut fx.app, Char('a'));
    typ(&mut fx.app, "Nobody");
    ctrl(&mut fx.app, 's');
    assert_eq!(
        form(&fx.app).error.as_deref(),
        Some("choose the organisation, or «new organisation» and write its name.")
    );
    assert_eq!(saved(&fx.app).participants.len(), 5);
    // A new organisation is added with its huvudman, once.
    to_field(&mut fx.app, F::OrgName);
    typ(&mut fx.app, "Habiliteringen");
    key(&mut fx.app, Tab);
    key(&mut fx.app, Right); // region
    ctrl(&mut fx.app, 's');
    assert!(fx.app.overlay.is_none(), "{:?}", fx.app.overlay);
    let m = saved(&fx.app);
    let hab = m.organisations.last().unwrap();
    assert_eq!(
        (hab.name.as_str(), hab.huvudman),
        ("Habiliteringen", samsyn::meeting::Huvudman::Region)
    );
    assert_eq!(
        m.participants.last().unwrap().organisation,
        Some(hab.id.clone())
    );
    // A family member belongs to no organisation: the form follows "takes part as".
    key(&mut fx.app, Char('a'));
    typ(&mut fx.app, "Mormor Eva");
    to_field(&mut fx.app, F::Kind);
    key(&mut fx.app, Right); // guardian
    assert_eq!(form(&fx.app).choice_val(F::Organisation), Val::Family);
    ctrl(&mut fx.app, 's');
    assert!(fx.app.overlay.is_none(), "{:?}", fx.app.overlay);
    let m = saved(&fx.app);
    assert_eq!(m.participants.last().unwrap().organisation, None);
    assert_eq!(m.organisations.len(), 4, "nothing added for the family");
}

#[test]
fn decided_by_offers_only_those_who_may_decide_and_says_why_not_the_others() {
    let mut fx = sip_app(Lang::En);
    goto_phase(&mut fx.app, "insatser");
    key(&mut fx.app, Char('a'));
    typ(&mut fx.app, "Weekly talks with the counsellor");
    key(&mut fx.app, Tab);
    key(&mut fx.app, Right); // performer: Kim Berg, counsellor without mandate
    let f = form(&fx.app);
    assert_eq!(f.choice_val(F::Organisation), Val::Id("o1".into()));
    let field = f.field(F::Decision).unwrap();
    let Input::Choice { opts, .. } = &field.input else {
        panic!("decided-by is a choice")
    };
    let vals: Vec<&Val> = opts.iter().map(|o| &o.val).collect();
    assert_eq!(
        vals,
        [&Val::Id("p1".into()), &Val::Awaiting],
        "only the principal with mandate, or awaiting"
    );
    let (note, _) = field.note.as_ref().unwrap();
    assert!(
        note.contains("Kim Berg has no mandate to decide."),
        "{note}"
    );
    assert!(note.contains("Jonas Ali is not present."), "{note}");
}

#[test]
fn an_awaited_decision_needs_maker_organisation_and_date() {
    let mut fx = sip_app(Lang::Sv);
    goto_phase(&mut fx.app, "insatser");
    key(&mut fx.app, Char('a'));
    typ(&mut fx.app, "Kontaktperson enligt SoL");
    key(&mut fx.app, Tab);
    key(&mut fx.app, Right);
    key(&mut fx.app, Right); // performer: Sara Holm, social services
    to_field(&mut fx.app, F::Decision);
    key(&mut fx.app, Right); // awaiting
    ctrl(&mut fx.app, 's');
    let err = form(&fx.app).error.clone().unwrap();
    assert!(
        err.contains("beslut inväntas kräver beslutsfattare"),
        "{err}"
    );
    assert_eq!(saved(&fx.app).actions.len(), 3, "nothing is saved");
    // The cursor is put in the first field to fill in.
    assert_eq!(
        form(&fx.app).focused().map(|f| f.id),
        Some(samsyn::tui::form::F::DecisionMaker)
    );
    typ(&mut fx.app, "Enhetschef");
    // The decision maker's organisation: the one carrying it out, unless changed.
    to_field(&mut fx.app, F::DecideBy);
    typ(&mut fx.app, "+2v");
    ctrl(&mut fx.app, 's');
    assert!(fx.app.overlay.is_none(), "{:?}", fx.app.overlay);
    let m = saved(&fx.app);
    let a = m.actions.last().unwrap();
    assert_eq!(
        a.decision,
        samsyn::meeting::Decision::Awaiting {
            decision_maker: "Enhetschef".into(),
            organisation: Some(samsyn::meeting::Id::new("o2")),
            decide_by: Some(day(2026, 12, 17)),
            reason: String::new(),
        }
    );
    assert_eq!(a.status, samsyn::meeting::ActionStatus::AwaitingDecision);
}

#[test]
fn an_action_is_marked_invalid_at_once_when_its_decider_leaves() {
    let mut fx = sip_app(Lang::Sv);
    // Lena Ek decided a1 at the table; she now leaves the meeting.
    key(&mut fx.app, Enter);
    to_field(&mut fx.app, F::Attendance);
    key(&mut fx.app, Right);
    key(&mut fx.app, Right);
    key(&mut fx.app, Right); // invited, absent
    ctrl(&mut fx.app, 's');
    let m = saved(&fx.app);
    let problems = rules::check(&m, &session(&fx.app).agenda);
    assert!(problems.iter().any(|p| p.code == Code::DeciderAbsent));
    goto_phase(&mut fx.app, "insatser");
    let screen = draw(&mut fx.app, 120, 40);
    assert!(
        screen.contains("OGILTIG: Lena Ek som beslutade är inte närvarande."),
        "{screen}"
    );
    assert!(screen.contains("2 hindrar justering"), "{screen}");
}

#[test]
fn finalize_is_refused_then_done_then_read_only_then_amended_with_a_reason() {
    let mut fx = sip_app(Lang::Sv);
    goto_phase(&mut fx.app, "summering");
    key(&mut fx.app, Char('F'));
    assert!(matches!(
        fx.app.overlay,
        Some(Overlay::Problems { refused: true, .. })
    ));
    let screen = draw(&mut fx.app, 80, 24);
    assert!(screen.contains("Kan inte justera ännu"), "{screen}");
    assert!(screen.contains("Kim Berg har inget"), "{screen}");
    // Enter goes to the action the reason is about.
    key(&mut fx.app, Enter);
    assert_eq!(session(&fx.app).phase().id, "insatser");
    assert_eq!(session(&fx.app).selected, 2);
    key(&mut fx.app, Char('d'));
    key(&mut fx.app, Enter);
    assert_eq!(saved(&fx.app).actions.len(), 2);
    goto_phase(&mut fx.app, "uppfoljning");
    key(&mut fx.app, Char('F'));
    let screen = draw(&mut fx.app, 80, 24);
    assert!(
        screen.contains("Maria Lund"),
        "the confirmation names who finalizes"
    );
    key(&mut fx.app, Enter);
    let m = saved(&fx.app);
    assert_eq!(m.finalized.as_ref().unwrap().by, "Maria Lund");
    assert_eq!(m.stamp_matches(), Some(true));
    // Read-only: adding does nothing but say so.
    goto_phase(&mut fx.app, "insatser");
    key(&mut fx.app, Char('a'));
    assert!(fx.app.overlay.is_none());
    assert!(fx.app.message.as_ref().unwrap().0.contains("skrivskyddat"));
    // Amend asks for a reason.
    key(&mut fx.app, Char('A'));
    ctrl(&mut fx.app, 's');
    assert_eq!(form(&fx.app).error.as_deref(), Some("skriv ett skäl."));
    typ(&mut fx.app, "Fel datum i insats 1");
    ctrl(&mut fx.app, 's');
    let m = saved(&fx.app);
    assert!(!m.is_finalized());
    assert_eq!(
        m.revisions.last().unwrap().reason.as_deref(),
        Some("Fel datum i insats 1")
    );
    assert!(samsyn::store::revision_path(&path(&fx.app), 1).exists());
}

#[test]
fn speaking_round_marks_and_unmarks_present_participants() {
    let mut fx = sip_app(Lang::Sv);
    goto_phase(&mut fx.app, "nulage");
    key(&mut fx.app, Char('3'));
    let heard = |fx: &Fixture| saved(&fx.app).phase("nulage").unwrap().heard.clone();
    assert!(heard(&fx).contains(&"p3".into()));
    key(&mut fx.app, Char('3'));
    assert!(!heard(&fx).contains(&"p3".into()));
    key(&mut fx.app, Char('5')); // Jonas Ali is absent
    assert!(!heard(&fx).contains(&"p5".into()));
    let screen = draw(&mut fx.app, 80, 24);
    assert!(screen.contains("ej hörda: Sara Holm"), "{screen}");
}

#[test]
fn delete_asks_first() {
    let mut fx = sip_app(Lang::Sv);
    goto_phase(&mut fx.app, "insatser");
    key(&mut fx.app, Char('d'));
    assert!(draw(&mut fx.app, 80, 24).contains("Ta bort «Morgonmöte med mentor"));
    key(&mut fx.app, Esc);
    assert_eq!(saved(&fx.app).actions.len(), 3);
    key(&mut fx.app, Char('d'));
    key(&mut fx.app, Enter);
    assert_eq!(saved(&fx.app).actions.len(), 2);
}

#[test]
fn privacy_mask_hides_the_child_and_family_everywhere_but_not_professionals() {
    let mut fx = sip_app(Lang::Sv);
    key(&mut fx.app, Char('i'));
    for phase in [
        "roller",
        "nulage",
        "barnets-rost",
        "summering",
        "utvardering",
    ] {
        goto_phase(&mut fx.app, phase);
        let screen = draw(&mut fx.app, 120, 40);
        assert!(!screen.contains("Elsa"), "{phase}: {screen}");
        assert!(!screen.contains("Svensson"), "{phase}: {screen}");
    }
    goto_phase(&mut fx.app, "roller");
    let screen = draw(&mut fx.app, 120, 40);
    assert!(screen.contains("A. S."), "{screen}");
    assert!(screen.contains("Lena Ek"), "{screen}");
    key(&mut fx.app, Char('i'));
    assert!(draw(&mut fx.app, 120, 40).contains("Anna Svensson"));
}

#[test]
fn privacy_mask_hides_genitives_and_family_not_at_the_table() {
    use samsyn::meeting::{Consent, Person};
    let agenda = all_phases_agenda();
    let mut m = sip_meeting(&agenda);
    m.consents.push(Consent {
        given_by: vec![Person::Named("Sara Berglund, mormor (skriftligt)".into())],
        ..m.consents[0].clone()
    });
    m.phase_mut("syfte").notes = "Elsas närvaro har sjunkit sedan september.".into();
    m.situation.protective_factors = "Sara Berglund hämtar Elsa på fredagar.".into();
    let mut fx = app_with(m, agenda.clone(), Lang::Sv, ThemeName::Default, true);
    goto_phase(&mut fx.app, "samtycke");
    assert!(draw(&mut fx.app, 120, 40).contains("Sara Berglund, mormor"));
    key(&mut fx.app, Char('i'));
    for phase in &agenda.phases {
        goto_phase(&mut fx.app, &phase.id);
        let screen = draw(&mut fx.app, 120, 40);
        for name in ["Elsa", "Svensson", "Berglund"] {
            assert!(!screen.contains(name), "{name} in {}: {screen}", phase.id);
        }
    }
    // A professional who shares the grandmother's first name keeps hers.
    goto_phase(&mut fx.app, "roller");
    assert!(draw(&mut fx.app, 120, 40).contains("Sara Holm"));
    goto_phase(&mut fx.app, "syfte");
    let screen = draw(&mut fx.app, 120, 40);
    assert!(screen.contains("E. S.:s närvaro"), "{screen}");
    goto_phase(&mut fx.app, "samtycke");
    let screen = draw(&mut fx.app, 120, 40);
    assert!(screen.contains("S. B., mormor"), "{screen}");
}

#[test]
fn a_typed_date_is_shown_before_it_is_accepted() {
    let agenda = all_phases_agenda();
    let mut m = sip_meeting(&agenda);
    m.follow_up = None;
    let mut fx = app_with(m, agenda, Lang::Sv, ThemeName::Default, true);
    goto_phase(&mut fx.app, "uppfoljning");
    key(&mut fx.app, Enter);
    typ(&mut fx.app, "nonsens");
    let note = form(&fx.app).field(F::When).unwrap().note.clone().unwrap();
    assert!(note.1 && note.0.contains("+6v"), "{note:?}");
    for _ in 0.."nonsens".len() {
        key(&mut fx.app, Backspace);
    }
    typ(&mut fx.app, "+6v");
    let note = form(&fx.app).field(F::When).unwrap().note.clone().unwrap();
    assert_eq!(note, ("→ torsdag 14 januari 2027".to_string(), false));
    tabs(&mut fx.app, 2);
    key(&mut fx.app, Right); // convener: Kim Berg
    ctrl(&mut fx.app, 's');
    let fu = saved(&fx.app).follow_up.unwrap();
    assert_eq!(fu.date, day(2027, 1, 14));
}

#[test]
fn too_small_says_so_and_recovers() {
    let mut fx = sip_app(Lang::En);
    let screen = draw(&mut fx.app, 60, 20);
    assert!(screen.contains("need 80×24, now 60×20"), "{screen}");
    let screen = draw(&mut fx.app, 80, 24);
    assert!(screen.contains("Participant"), "{screen}");
}

#[test]
fn the_phase_timer_counts_ticks_and_shows_over_time() {
    let mut fx = sip_app(Lang::En);
    goto_phase(&mut fx.app, "syfte");
    let t0 = now();
    update(&mut fx.app, Event::Tick(t0));
    update(
        &mut fx.app,
        Event::Tick(t0 + chrono::Duration::milliseconds(700)),
    );
    update(&mut fx.app, Event::Tick(t0 + chrono::Duration::seconds(5)));
    assert_eq!(session(&fx.app).elapsed_secs(), 5);
    for s in (10..=310).step_by(10) {
        update(&mut fx.app, Event::Tick(t0 + chrono::Duration::seconds(s)));
    }
    assert_eq!(session(&fx.app).elapsed_secs(), 310);
    assert!(draw(&mut fx.app, 80, 24).contains("OVER TIME"));
    // Elapsed time is saved with the meeting every two minutes of the phase while
    // nothing else is, not on every tick,
    assert_eq!(saved(&fx.app).phase("syfte").unwrap().elapsed_secs, 240);
    // and whole when the clock is paused,
    key(&mut fx.app, Char('P'));
    assert_eq!(saved(&fx.app).phase("syfte").unwrap().elapsed_secs, 310);
    key(&mut fx.app, Char('P'));
    update(
        &mut fx.app,
        Event::Tick(t0 + chrono::Duration::seconds(330)),
    );
    assert_eq!(saved(&fx.app).phase("syfte").unwrap().elapsed_secs, 310);
    // or the phase changes.
    key(&mut fx.app, Right);
    assert_eq!(saved(&fx.app).phase("syfte").unwrap().elapsed_secs, 330);
}

#[test]
fn a_review_phase_without_a_previous_plan_says_how_to_start_one() {
    let mut fx = sip_app(Lang::Sv);
    goto_phase(&mut fx.app, "genomgang");
    let screen = draw(&mut fx.app, 80, 24);
    assert!(screen.contains("Starta uppföljningen med"), "{screen}");
    // Nothing to delete; the phase's notes are written as in every phase.
    key(&mut fx.app, Char('d'));
    assert!(fx.app.overlay.is_none());
    key(&mut fx.app, Enter);
    typ(&mut fx.app, "Alla insatser följdes upp muntligt.");
    ctrl(&mut fx.app, 's');
    assert_eq!(
        saved(&fx.app).phase("genomgang").unwrap().notes,
        "Alla insatser följdes upp muntligt."
    );
}

#[test]
fn a_new_meeting_from_the_start_screen() {
    let mut fx = sip_app(Lang::Sv);
    samsyn::tui::update::show_start(&mut fx.app);
    // The archive holds one meeting; the agendas follow: samba, samba-uppfoljning, sip, …
    for _ in 0..3 {
        key(&mut fx.app, Down);
    }
    key(&mut fx.app, Enter);
    assert!(
        form(&fx.app).title.contains("sip"),
        "{}",
        form(&fx.app).title
    );
    typ(&mut fx.app, "SIP för Noah");
    key(&mut fx.app, Tab);
    typ(&mut fx.app, "ÄR-9");
    ctrl(&mut fx.app, 's');
    let s = session(&fx.app);
    assert_eq!(s.meeting.agenda.id, "sip");
    assert_eq!(s.meeting.date, now().date());
    assert!(s.path.starts_with(fx.dir.path()));
    assert_eq!(saved(&fx.app).title, "SIP för Noah");
}

#[test]
fn a_key_override_changes_one_key() {
    let mut fx = sip_app(Lang::Sv);
    fx.app.keys.apply_overrides(r#"{ Add: "n" }"#).unwrap();
    key(&mut fx.app, Char('a'));
    assert!(fx.app.overlay.is_none());
    key(&mut fx.app, Char('n'));
    assert!(matches!(fx.app.overlay, Some(Overlay::Form(_))));
    key(&mut fx.app, Esc);
    assert!(draw(&mut fx.app, 80, 24).contains("n lägg till"));
}

#[test]
fn footer_and_help_show_the_same_commands() {
    let mut fx = sip_app(Lang::En);
    let phases = phase_ids(&fx.app);
    for phase in phases {
        goto_phase(&mut fx.app, &phase);
        let cmds = samsyn::tui::available::commands(&fx.app);
        let footer = draw(&mut fx.app, 120, 40);
        key(&mut fx.app, Char('?'));
        let help = draw(&mut fx.app, 120, 40);
        key(&mut fx.app, Esc);
        for cmd in cmds {
            let short = cmd.spec().short.get(Lang::En);
            let long = cmd.spec().long.get(Lang::En);
            if !matches!(
                cmd,
                samsyn::tui::keys::Cmd::Up | samsyn::tui::keys::Cmd::Down
            ) {
                assert!(footer.contains(short), "{phase}: footer lacks {cmd:?}");
                let start: String = long.chars().take(25).collect();
                assert!(help.contains(&start), "{phase}: help lacks {cmd:?}\n{help}");
            }
        }
    }
}

#[test]
fn quitting_asks_nothing() {
    let mut fx = sip_app(Lang::Sv);
    key(&mut fx.app, Char('q'));
    assert!(fx.app.quit);
    assert!(fx.app.overlay.is_none());
}

#[test]
fn no_color_keeps_the_selection_visible() {
    let agenda = all_phases_agenda();
    let m = sip_meeting(&agenda);
    let mut fx = app_with(m, agenda, Lang::Sv, ThemeName::Default, false);
    goto_phase(&mut fx.app, "insatser");
    let buf = buffer(&mut fx.app, 80, 24);
    let mut marker = None;
    for y in 0..24 {
        for x in 0..80 {
            let cell = &buf[(x, y)];
            assert_eq!(
                cell.fg,
                ratatui::style::Color::Reset,
                "no colour at {x},{y}"
            );
            assert_eq!(
                cell.bg,
                ratatui::style::Color::Reset,
                "no colour at {x},{y}"
            );
            if cell.symbol() == "▶" && marker.is_none() {
                marker = Some((x, y));
            }
        }
    }
    let (x, y) = marker.expect("the selected row is marked with ▶");
    let style = buf[(x + 3, y)].modifier;
    assert!(
        style.contains(ratatui::style::Modifier::REVERSED),
        "{style:?}"
    );
}

#[test]
fn high_contrast_selection_is_black_on_yellow() {
    let agenda = all_phases_agenda();
    let m = sip_meeting(&agenda);
    let mut fx = app_with(m, agenda, Lang::Sv, ThemeName::HighContrast, true);
    goto_phase(&mut fx.app, "insatser");
    let buf = buffer(&mut fx.app, 80, 24);
    let row = (0..24)
        .find(|y| (0..80).any(|x| buf[(x, *y)].symbol() == "▶"))
        .unwrap();
    let cell = &buf[(5, row)];
    assert_eq!(cell.bg, ratatui::style::Color::Yellow);
    assert_eq!(cell.fg, ratatui::style::Color::Black);
}

#[test]
fn esc_on_a_form_with_typed_text_asks_before_discarding() {
    let mut fx = sip_app(Lang::En);
    goto_phase(&mut fx.app, "syfte");
    key(&mut fx.app, Enter);
    typ(&mut fx.app, " Also: the bus.");
    key(&mut fx.app, Esc);
    assert!(fx.app.overlay.is_some(), "one Esc does not throw text away");
    assert!(draw(&mut fx.app, 80, 24).contains("Esc again discards it"));
    key(&mut fx.app, Esc);
    assert!(fx.app.overlay.is_none());
    assert!(!saved(&fx.app).phase("syfte").unwrap().notes.contains("bus"));
    // An untouched form closes on one Esc.
    key(&mut fx.app, Enter);
    key(&mut fx.app, Esc);
    assert!(fx.app.overlay.is_none());
}

#[test]
fn an_action_can_name_the_goal_it_serves() {
    let mut fx = sip_app(Lang::Sv);
    goto_phase(&mut fx.app, "insatser");
    key(&mut fx.app, Char('a'));
    typ(&mut fx.app, "Läxhjälp två dagar i veckan");
    to_field(&mut fx.app, F::Deadline);
    typ(&mut fx.app, "+3v");
    to_field(&mut fx.app, F::GoalLink);
    key(&mut fx.app, Right); // goal 1
    ctrl(&mut fx.app, 's');
    let m = saved(&fx.app);
    let a = m.actions.last().unwrap();
    assert_eq!(a.goals, vec![samsyn::meeting::Id::new("g1")]);
    assert_eq!(a.deadline, Some(day(2026, 12, 24)));
}

#[test]
fn every_example_meeting_opens_and_every_phase_renders() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let file = entry.unwrap().path();
        if file.extension().is_none_or(|x| x != "ron") {
            continue;
        }
        let m = samsyn::store::load(&file).unwrap();
        let agenda = samsyn::agenda::Catalogue::builtin()
            .get(&m.agenda.id)
            .cloned()
            .unwrap();
        let title = m.title.clone();
        let mut fx = app_with(m, agenda, Lang::Sv, ThemeName::Default, true);
        let phases = phase_ids(&fx.app);
        for phase in phases {
            goto_phase(&mut fx.app, &phase);
            for (w, h) in [(80, 24), (120, 40)] {
                let screen = draw(&mut fx.app, w, h);
                let short: String = title.chars().take(12).collect();
                assert!(
                    screen.contains(&short),
                    "{}: {phase}\n{screen}",
                    file.display()
                );
            }
        }
        seen += 1;
    }
    assert!(seen >= 2, "the examples are there");
}

#[test]
fn help_scrolls_and_closes() {
    let mut fx = sip_app(Lang::En);
    key(&mut fx.app, Char('?'));
    let first = draw(&mut fx.app, 80, 24);
    assert!(first.contains("Everything is saved at once"));
    // Down scrolls until the form's keys come into view.
    let mut scrolled = first.clone();
    for _ in 0..40 {
        key(&mut fx.app, Down);
        scrolled = draw(&mut fx.app, 80, 24);
        if scrolled.contains("Close the form without changing anything.") {
            break;
        }
    }
    assert!(!scrolled.contains("Everything is saved at once"));
    // Further down: the keys of forms.
    let mut seen = false;
    for _ in 0..40 {
        key(&mut fx.app, Down);
        seen |= draw(&mut fx.app, 80, 24).contains("Close the form without changing anything.");
    }
    assert!(seen, "the form keys are reached by scrolling");
    key(&mut fx.app, Esc);
    assert!(fx.app.overlay.is_none());
}

/// Thousands of keys in a fixed pseudo-random order, drawing after each: the screen
/// must never panic, whatever a user mashes, and the file must stay loadable.
#[test]
fn random_keys_never_break_the_screen() {
    let keys = [
        Char('a'),
        Char('e'),
        Char('d'),
        Char('m'),
        Char('b'),
        Char('o'),
        Char('c'),
        Char('F'),
        Char('A'),
        Char('p'),
        Char('i'),
        Char('g'),
        Char('?'),
        Char('1'),
        Char('3'),
        Char('x'),
        Char('å'),
        Char(' '),
        Enter,
        Esc,
        Tab,
        BackTab,
        Up,
        Down,
        Left,
        Right,
        Backspace,
        Delete,
        PageDown,
        PageUp,
    ];
    for lang in [Lang::Sv, Lang::En] {
        let mut fx = sip_app(lang);
        let mut seed: u64 = 0x5eed;
        for step in 0..1500u32 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let k = keys[(seed >> 33) as usize % keys.len()];
            if k == Char('q') {
                continue;
            }
            if (seed >> 20).is_multiple_of(17) {
                ctrl(&mut fx.app, 's');
            } else {
                key(&mut fx.app, k);
            }
            let (w, h) = if step.is_multiple_of(3) {
                (80, 24)
            } else {
                (120, 40)
            };
            draw(&mut fx.app, w, h);
            if step.is_multiple_of(50) {
                samsyn::store::load(&path(&fx.app)).expect("the file stays loadable");
            }
        }
        assert!(!fx.app.quit);
        samsyn::store::load(&path(&fx.app)).expect("the file stays loadable");
    }
}

#[test]
fn a_participant_the_plan_names_cannot_be_deleted() {
    let mut fx = sip_app(Lang::Sv);
    key(&mut fx.app, Down); // Kim Berg: performs and decides a3
    key(&mut fx.app, Char('d'));
    assert!(fx.app.overlay.is_none());
    let msg = fx.app.message.clone().unwrap().0;
    assert!(msg.contains("Kan inte ta bort Kim Berg"), "{msg}");
    assert!(msg.contains("Samtal med kurator"), "{msg}");
    assert_eq!(saved(&fx.app).participants.len(), 5);
    // Jonas Ali is named nowhere in the plan and can go.
    for _ in 0..3 {
        key(&mut fx.app, Down);
    }
    key(&mut fx.app, Char('d'));
    key(&mut fx.app, Enter);
    let m = saved(&fx.app);
    assert_eq!(m.participants.len(), 4);
    assert!(m.participant(&"p5".into()).is_none());
}

#[test]
fn a_meeting_open_in_another_window_is_only_shown() {
    let mut fx = sip_app(Lang::En);
    if let samsyn::tui::app::Screen::Meeting(s) = &mut fx.app.screen {
        s.locked = Some("Read-only: open in another samsyn window.".into());
    }
    let before = std::fs::read_to_string(path(&fx.app)).unwrap();
    key(&mut fx.app, Char('a'));
    assert!(fx.app.overlay.is_none());
    assert_eq!(
        fx.app.message.as_ref().unwrap().0,
        "Read-only: open in another samsyn window."
    );
    goto_phase(&mut fx.app, "nulage");
    key(&mut fx.app, Char('3'));
    let t0 = now();
    for s in 0..40 {
        update(&mut fx.app, Event::Tick(t0 + chrono::Duration::seconds(s)));
    }
    assert_eq!(std::fs::read_to_string(path(&fx.app)).unwrap(), before);
    let screen = draw(&mut fx.app, 80, 24);
    assert!(screen.contains("open in another samsyn window"), "{screen}");
    assert!(!screen.contains("a add"), "{screen}");
}

#[test]
fn a_failed_save_stays_visible_until_a_save_succeeds() {
    let mut fx = sip_app(Lang::En);
    let file = path(&fx.app);
    let dir = file.parent().unwrap().to_path_buf();
    // The archive disappears (a USB stick pulled out).
    std::fs::remove_dir_all(&dir).unwrap();
    goto_phase(&mut fx.app, "nulage");
    key(&mut fx.app, Char('1'));
    key(&mut fx.app, Char('g'));
    let screen = draw(&mut fx.app, 120, 40);
    assert!(screen.contains("COULD NOT SAVE"), "{screen}");
    std::fs::create_dir_all(&dir).unwrap();
    key(&mut fx.app, Char('3'));
    assert!(!draw(&mut fx.app, 120, 40).contains("COULD NOT SAVE"));
    // The change made while saving failed is on disk too.
    let heard = saved(&fx.app).phase("nulage").unwrap().heard.clone();
    assert!(heard.contains(&"p3".into()));
    assert!(!heard.contains(&"p1".into()));
}

#[test]
fn free_text_reaches_the_file_while_it_is_typed_and_esc_puts_it_back() {
    let mut fx = sip_app(Lang::Sv);
    goto_phase(&mut fx.app, "syfte");
    let original = saved(&fx.app).phase("syfte").unwrap().notes.clone();
    let t0 = now();
    update(&mut fx.app, Event::Tick(t0));
    key(&mut fx.app, Enter);
    typ(&mut fx.app, " Mamma vill ha svar om skolskjuts.");
    update(&mut fx.app, Event::Tick(t0 + chrono::Duration::seconds(2)));
    let notes = saved(&fx.app).phase("syfte").unwrap().notes.clone();
    assert!(
        notes.ends_with("Mamma vill ha svar om skolskjuts."),
        "{notes}"
    );
    assert!(fx.app.overlay.is_some(), "the form is still open");
    key(&mut fx.app, Esc);
    key(&mut fx.app, Esc);
    assert_eq!(saved(&fx.app).phase("syfte").unwrap().notes, original);
}

#[test]
fn h_marks_the_selected_participant_heard() {
    let mut fx = sip_app(Lang::Sv);
    key(&mut fx.app, Down);
    key(&mut fx.app, Down); // Sara Holm
    key(&mut fx.app, Char('h'));
    let heard = saved(&fx.app).phase("roller").unwrap().heard.clone();
    assert!(heard.contains(&"p3".into()), "{heard:?}");
    goto_phase(&mut fx.app, "utvardering");
    key(&mut fx.app, Down); // Kim Berg, second of those present
    key(&mut fx.app, Char('h'));
    let heard = saved(&fx.app).phase("utvardering").unwrap().heard.clone();
    assert_eq!(heard, vec![samsyn::meeting::Id::new("p2")]);
}

#[test]
fn help_and_quit_are_always_in_the_footer() {
    for lang in [Lang::Sv, Lang::En] {
        let mut fx = sip_app(lang);
        let phases = phase_ids(&fx.app);
        for phase in phases {
            goto_phase(&mut fx.app, &phase);
            let screen = draw(&mut fx.app, 80, 24);
            let footer: String = screen.lines().rev().take(2).collect();
            let help = samsyn::tui::keys::Cmd::Help.spec().short.get(lang);
            assert!(footer.contains(&format!("? {help}")), "{phase}: {footer}");
        }
    }
}

#[test]
fn a_second_window_on_the_same_meeting_is_read_only() {
    let fx = sip_app(Lang::En);
    let file = path(&fx.app);
    let agenda = session(&fx.app).agenda.clone();
    let mut catalogue = samsyn::agenda::Catalogue::builtin();
    catalogue.add(agenda, samsyn::agenda::AgendaSource::BuiltIn);
    let mut second = samsyn::tui::App::new(
        Lang::En,
        samsyn::tui::theme::Theme::new(ThemeName::Default, true),
        samsyn::tui::keys::KeyMap::default(),
        catalogue,
        fx.dir.path().to_path_buf(),
        now(),
    );
    samsyn::tui::update::open_path(&mut second, &file).unwrap();
    let s = session(&second);
    assert!(!s.editable());
    assert!(
        s.locked
            .as_ref()
            .unwrap()
            .contains("already open in another samsyn window")
    );
    key(&mut second, Char('a'));
    assert!(second.overlay.is_none());
    // The first window still edits.
    assert!(session(&fx.app).editable());
}

#[test]
fn the_distribution_list_is_written_in_the_summary() {
    let mut fx = sip_app(Lang::Sv);
    goto_phase(&mut fx.app, "summering");
    key(&mut fx.app, Down);
    key(&mut fx.app, Enter);
    typ(&mut fx.app, "Jonas Ali, BUP\nSkolsköterskan");
    ctrl(&mut fx.app, 's');
    assert_eq!(
        saved(&fx.app).distribution,
        vec!["Jonas Ali, BUP".to_string(), "Skolsköterskan".to_string()]
    );
    assert!(draw(&mut fx.app, 80, 24).contains("Sändlista: Jonas Ali, BUP, Skolsköterskan"));
    // The disagreement below it is still edited and deleted as before.
    key(&mut fx.app, Down);
    key(&mut fx.app, Char('d'));
    key(&mut fx.app, Enter);
    assert!(saved(&fx.app).disagreements.is_empty());
}

#[test]
fn a_sub_goal_names_its_goal_and_circles_are_refused() {
    let mut fx = sip_app(Lang::Sv);
    goto_phase(&mut fx.app, "mal");
    // Goal 1 is the parent of goal 2 in the fixture; making 1 a sub-goal of 2 is a circle.
    key(&mut fx.app, Enter);
    tabs(&mut fx.app, 3);
    key(&mut fx.app, Right);
    ctrl(&mut fx.app, 's');
    let err = form(&fx.app).error.clone().unwrap();
    assert!(err.contains("sitt eget delmål"), "{err}");
    key(&mut fx.app, Esc);
    key(&mut fx.app, Esc);
    // A new sub-goal of goal 1.
    key(&mut fx.app, Char('a'));
    typ(&mut fx.app, "Elsa äter frukost innan skolan");
    key(&mut fx.app, Tab);
    key(&mut fx.app, Right); // delmål
    tabs(&mut fx.app, 2);
    key(&mut fx.app, Right); // goal 1
    ctrl(&mut fx.app, 's');
    let m = saved(&fx.app);
    let g = m.goals.last().unwrap();
    assert_eq!(g.parent, Some(samsyn::meeting::Id::new("g1")));
    assert_eq!(g.kind, samsyn::meeting::GoalKind::ShortTerm);
}

#[test]
fn keys_are_not_typed_blind_into_a_too_small_screen() {
    let mut fx = sip_app(Lang::Sv);
    draw(&mut fx.app, 60, 20);
    key(&mut fx.app, Char('a'));
    assert!(fx.app.overlay.is_none());
    draw(&mut fx.app, 80, 24);
    key(&mut fx.app, Char('a'));
    assert!(fx.app.overlay.is_some());
}

#[test]
fn the_privacy_mask_covers_the_start_screen() {
    let mut fx = sip_app(Lang::Sv);
    samsyn::tui::update::show_start(&mut fx.app);
    assert!(draw(&mut fx.app, 80, 24).contains("SIP för Elsa"));
    key(&mut fx.app, Char('i'));
    let screen = draw(&mut fx.app, 80, 24);
    assert!(!screen.contains("Elsa"), "{screen}");
    assert!(screen.contains("SIP för E."), "{screen}");
}

#[test]
fn an_actions_status_follows_its_decision() {
    use samsyn::meeting::ActionStatus;
    let mut fx = sip_app(Lang::Sv);
    goto_phase(&mut fx.app, "insatser");
    // a1 was decided at the table by Lena Ek: it now awaits the head of the school.
    key(&mut fx.app, Enter);
    to_field(&mut fx.app, F::Decision);
    key(&mut fx.app, Right); // awaiting
    to_field(&mut fx.app, F::DecisionMaker);
    typ(&mut fx.app, "Rektor");
    to_field(&mut fx.app, F::DecideBy);
    // After the action's deadline (2026-12-15) is refused, with the field to fix.
    typ(&mut fx.app, "+2v");
    ctrl(&mut fx.app, 's');
    assert_eq!(form(&fx.app).focused().map(|f| f.id), Some(F::DecideBy));
    assert!(
        form(&fx.app)
            .error
            .as_deref()
            .unwrap()
            .contains("slutdatumet"),
        "{:?}",
        form(&fx.app).error
    );
    for _ in 0..3 {
        key(&mut fx.app, Backspace);
    }
    typ(&mut fx.app, "+1v");
    ctrl(&mut fx.app, 's');
    assert!(fx.app.overlay.is_none(), "{:?}", fx.app.overlay);
    assert_eq!(
        saved(&fx.app).actions[0].status,
        ActionStatus::AwaitingDecision
    );

    // a2 awaited a decision: Sara Holm decides it at the table after all.
    key(&mut fx.app, Down);
    key(&mut fx.app, Enter);
    to_field(&mut fx.app, F::Decision);
    key(&mut fx.app, Left); // Sara Holm
    assert_eq!(form(&fx.app).choice_val(F::Decision), Val::Id("p3".into()));
    assert_eq!(
        form(&fx.app).choice_val(F::Status),
        Val::Status(ActionStatus::Agreed),
        "the form shows the status it will save"
    );
    ctrl(&mut fx.app, 's');
    assert!(fx.app.overlay.is_none(), "{:?}", fx.app.overlay);
    let m = saved(&fx.app);
    assert_eq!(m.actions[1].status, ActionStatus::Agreed);
    let screen = draw(&mut fx.app, 120, 40);
    assert!(
        !screen.contains("Beslutat av: Sara Holm  [beslut"),
        "{screen}"
    );

    // A follow-up status is the user's: it stays when the decision changes.
    if let samsyn::tui::app::Screen::Meeting(s) = &mut fx.app.screen {
        s.meeting.edit().actions[2].status = ActionStatus::Done;
    }
    key(&mut fx.app, Down);
    key(&mut fx.app, Enter);
    // Kim Berg, who decided a3, may not: the form asks again instead of naming another.
    assert_eq!(form(&fx.app).choice_val(F::Decision), Val::None);
    to_field(&mut fx.app, F::Decision);
    key(&mut fx.app, Right); // Lena Ek
    key(&mut fx.app, Right); // awaiting
    to_field(&mut fx.app, F::DecisionMaker);
    typ(&mut fx.app, "Rektor");
    to_field(&mut fx.app, F::DecideBy);
    typ(&mut fx.app, "+2v");
    ctrl(&mut fx.app, 's');
    assert!(fx.app.overlay.is_none(), "{:?}", fx.app.overlay);
    assert_eq!(saved(&fx.app).actions[2].status, ActionStatus::Done);
}

#[test]
fn choosing_a_performer_offers_their_decider_not_awaiting() {
    let mut fx = sip_app(Lang::En);
    goto_phase(&mut fx.app, "insatser");
    key(&mut fx.app, Char('a'));
    typ(&mut fx.app, "Weekly talks with the counsellor");
    key(&mut fx.app, Tab);
    key(&mut fx.app, Right); // performer: Kim Berg; Lena Ek may decide for the school
    assert_eq!(form(&fx.app).choice_val(F::Decision), Val::Id("p1".into()));
    for _ in 0..3 {
        key(&mut fx.app, Right);
    }
    // Jonas Ali of BUP is absent: nobody here may decide for BUP.
    assert_eq!(form(&fx.app).choice_val(F::Performer), Val::Id("p5".into()));
    assert_eq!(form(&fx.app).choice_val(F::Decision), Val::Awaiting);
    key(&mut fx.app, Left);
    key(&mut fx.app, Left); // Sara Holm, social services: she decides her own
    assert_eq!(form(&fx.app).choice_val(F::Decision), Val::Id("p3".into()));
    tabs(&mut fx.app, 8);
    typ(&mut fx.app, "+3v");
    ctrl(&mut fx.app, 's');
    assert!(fx.app.overlay.is_none(), "{:?}", fx.app.overlay);
    assert_eq!(
        saved(&fx.app).actions.last().unwrap().decision,
        samsyn::meeting::Decision::AtTable {
            by: vec!["p3".into()]
        }
    );
}

#[test]
fn list_titles_are_plural_and_an_awaited_decision_says_from_whom() {
    let mut fx = sip_app(Lang::Sv);
    goto_phase(&mut fx.app, "insatser");
    let screen = draw(&mut fx.app, 120, 40);
    assert!(screen.contains("Insatser och åtgärder (3)"), "{screen}");
    assert!(
        screen.contains("Beslut inväntas från: Enhetschef Barn och familj (Socialtjänst")
            && screen.contains("familj), senast 2026-12-20"),
        "{screen}"
    );
    fx.app.lang = Lang::En;
    let screen = draw(&mut fx.app, 120, 40);
    assert!(
        screen.contains("Interventions and measures (3)"),
        "{screen}"
    );
    assert!(
        screen.contains("Decision awaited from: Enhetschef Barn och familj"),
        "{screen}"
    );
    goto_phase(&mut fx.app, "roller");
    assert!(draw(&mut fx.app, 120, 40).contains("Participants (5)"));
    goto_phase(&mut fx.app, "samtycke");
    let screen = draw(&mut fx.app, 120, 40);
    assert!(screen.contains("Consents (1)"), "{screen}");
}

#[test]
fn the_finalize_confirmation_lists_the_open_warnings() {
    let mut fx = sip_app(Lang::Sv);
    // Without the action whose decider lacks a mandate nothing blocks.
    if let samsyn::tui::app::Screen::Meeting(s) = &mut fx.app.screen {
        s.meeting.edit().actions.pop();
    }
    let s = session(&fx.app);
    assert!(rules::blocking(&s.meeting, &s.agenda).is_empty());
    let warnings = rules::warnings(&s.meeting, &s.agenda);
    assert!(!warnings.is_empty(), "the meeting has warnings to show");
    goto_phase(&mut fx.app, "uppfoljning");
    key(&mut fx.app, Char('F'));
    assert!(matches!(fx.app.overlay, Some(Overlay::Form(_))));
    let screen = draw(&mut fx.app, 120, 40);
    let flat: String = screen
        .lines()
        .map(|l| l.trim_matches(|c: char| c == '"' || c == '│' || c == ' '))
        .collect::<Vec<_>>()
        .join(" ");
    let flat = flat.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(&format!(
            "Varningar ({}), hindrar inte justering",
            warnings.len()
        )),
        "{screen}"
    );
    for w in &warnings {
        let start: String =
            w.sv.split_whitespace()
                .take(4)
                .collect::<Vec<_>>()
                .join(" ");
        assert!(flat.contains(&format!("⚠ {start}")), "{start}\n{screen}");
    }
    // They do not block: Enter finalizes.
    key(&mut fx.app, Enter);
    assert!(saved(&fx.app).is_finalized());
}

#[test]
fn the_justerare_named_at_finalizing_are_in_the_stamp() {
    let mut fx = sip_app(Lang::Sv);
    if let samsyn::tui::app::Screen::Meeting(s) = &mut fx.app.screen {
        s.meeting.edit().actions.pop();
    }
    goto_phase(&mut fx.app, "uppfoljning");
    key(&mut fx.app, Char('F'));
    let screen = draw(&mut fx.app, 80, 24);
    assert!(screen.contains("Fler justerare"), "{screen}");
    // The cursor starts on who finalizes, so Enter finalizes; ↑ goes to the justerare.
    assert_eq!(form(&fx.app).focused().map(|f| f.id), Some(F::By));
    key(&mut fx.app, Up);
    assert_eq!(form(&fx.app).focused().map(|f| f.id), Some(F::Justerare));
    typ(&mut fx.app, "Anna Berg, vårdnadshavare; Per Lind");
    key(&mut fx.app, Enter);
    key(&mut fx.app, Enter);
    let m = saved(&fx.app);
    let stamp = m.finalized.as_ref().expect("finalized");
    assert_eq!(stamp.by, "Maria Lund");
    assert_eq!(stamp.justerare, ["Anna Berg, vårdnadshavare", "Per Lind"]);
    assert_eq!(m.stamp_matches(), Some(true));
}

#[test]
fn keys_that_do_nothing_say_what_to_do_instead() {
    let mut fx = sip_app(Lang::Sv);
    goto_phase(&mut fx.app, "insatser");
    key(&mut fx.app, Char('ö'));
    assert_eq!(
        fx.app.message.as_ref().map(|(m, _)| m.as_str()),
        Some("Tryck ? för hjälp")
    );
    assert!(draw(&mut fx.app, 80, 24).contains("Tryck ? för hjälp"));
    // In a form, letters typed into a choice find the option so named, shown as typed.
    key(&mut fx.app, Char('a'));
    key(&mut fx.app, Tab); // performer: a choice
    typ(&mut fx.app, "Kim");
    assert_eq!(
        form(&fx.app).choice_val(F::Performer),
        Val::Id("p2".into()),
        "Kim Berg"
    );
    assert!(draw(&mut fx.app, 80, 24).contains("Sök: Kim"));
    // Letters no option matches leave the choice as it was before typing, and say so.
    typ(&mut fx.app, "x");
    assert_eq!(form(&fx.app).choice_val(F::Performer), Val::Id("p1".into()));
    assert!(draw(&mut fx.app, 80, 24).contains("inget val heter så"));
    // Choosing with an arrow ends the search.
    key(&mut fx.app, Right);
    assert!(fx.app.message.is_none());
    assert!(!draw(&mut fx.app, 80, 24).contains("Sök:"));
    // A key that does nothing on a choice says how to choose.
    fx.app.lang = Lang::En;
    update(
        &mut fx.app,
        Event::Key(crossterm::event::KeyEvent::new(
            Char('x'),
            crossterm::event::KeyModifiers::ALT,
        )),
    );
    assert_eq!(
        fx.app.message.as_ref().map(|(m, _)| m.as_str()),
        Some("Choose with ←/→")
    );
}

/// One word per term: for every value of every enum the screen and the minutes show,
/// the screen (the phase drawn, or the form's options where only a form shows it) and
/// the Markdown minutes carry the same word.
#[test]
fn the_screen_and_the_minutes_use_the_same_word_for_every_value() {
    use samsyn::export::{Format, Options, export};
    use samsyn::i18n::terms;
    use samsyn::meeting::{
        ActionStatus, Attendance, ConsentForm, GoalKind, Huvudman, Meeting, ParticipantKind,
    };
    use samsyn::tui::phases::labels;

    fn minutes(fx: &Fixture, m: &Meeting, lang: Lang) -> String {
        let agenda = session(&fx.app).agenda.clone();
        let bytes = export(
            m,
            &agenda,
            Format::Md,
            Options {
                lang,
                pseudonymize: false,
                contacts: false,
            },
        )
        .unwrap();
        String::from_utf8(bytes).unwrap().to_lowercase()
    }

    /// The phase drawn with `m`, and the minutes of `m`, both in lower case.
    fn both(fx: &mut Fixture, m: Meeting, phase: &str, lang: Lang) -> (String, String) {
        let paper = minutes(fx, &m, lang);
        fx.app.session_mut().unwrap().meeting = m.into();
        goto_phase(&mut fx.app, phase);
        let screen = draw(&mut fx.app, 200, 60).to_lowercase();
        (screen, paper)
    }

    fn same(word: &str, screen: &str, paper: &str, what: &str) {
        let w = word.to_lowercase();
        assert!(screen.contains(&w), "{what}: the screen lacks «{word}»");
        assert!(paper.contains(&w), "{what}: the minutes lack «{word}»");
    }

    for lang in [Lang::Sv, Lang::En] {
        let mut fx = sip_app(lang);
        let base = session(&fx.app).meeting.clone();
        for h in Huvudman::ALL {
            let mut m = base.clone();
            m.organisations[0].huvudman = h;
            let (screen, paper) = both(&mut fx, m, "roller", lang);
            same(terms::huvudman(h, lang), &screen, &paper, &format!("{h:?}"));
        }
        let declined = Attendance::Declined {
            reason: "sjuk".into(),
        };
        for a in [
            Attendance::Invited,
            Attendance::InRoom,
            Attendance::Video,
            Attendance::Phone,
            Attendance::Absent,
            declined,
        ] {
            let mut m = base.clone();
            for p in &mut m.participants {
                p.attendance = a.clone();
            }
            let (screen, paper) = both(&mut fx, m, "roller", lang);
            same(
                &terms::attendance(&a, lang),
                &screen,
                &paper,
                &format!("{a:?}"),
            );
        }
        for f in [ConsentForm::Oral, ConsentForm::Written] {
            let mut m = base.clone();
            m.consents[0].form = f;
            let (screen, paper) = both(&mut fx, m, "samtycke", lang);
            same(
                terms::consent_form(f, lang),
                &screen,
                &paper,
                &format!("{f:?}"),
            );
        }
        for k in [GoalKind::LongTerm, GoalKind::ShortTerm] {
            let mut m = base.clone();
            m.goals.truncate(1);
            m.goals[0].kind = k;
            m.goals[0].parent = None;
            let (screen, paper) = both(&mut fx, m, "mal", lang);
            same(
                terms::goal_kind(k, lang),
                &screen,
                &paper,
                &format!("{k:?}"),
            );
        }
        for st in ActionStatus::ALL {
            let mut m = base.clone();
            for a in &mut m.actions {
                a.status = st;
            }
            let (screen, paper) = both(&mut fx, m, "insatser", lang);
            same(
                terms::action_status(st, lang),
                &screen,
                &paper,
                &format!("{st:?}"),
            );
        }
        // An insats of a huvudman, an åtgärd of anyone else: the law's words.
        let mut m = base.clone();
        m.actions[0].organisation = None; // the family's own: an åtgärd
        let kinds: std::collections::HashSet<_> =
            m.actions.iter().map(|a| m.action_kind(a)).collect();
        assert_eq!(kinds.len(), 2, "an insats and an åtgärd");
        let (screen, paper) = both(&mut fx, m, "insatser", lang);
        for k in kinds {
            same(
                terms::action_kind(k, lang),
                &screen,
                &paper,
                &format!("{k:?}"),
            );
        }
        // How someone takes part shows in the form's options only.
        let options: Vec<String> = labels::kind_opts(lang)
            .into_iter()
            .map(|o| o.label.to_lowercase())
            .collect();
        for k in ParticipantKind::ALL {
            let mut m = base.clone();
            m.participants[0].kind = k;
            m.participants[0].role.clear();
            let paper = minutes(&fx, &m, lang);
            let word = terms::participant_kind(k, lang).to_lowercase();
            assert!(options.contains(&word), "{k:?}: the form lacks «{word}»");
            assert!(paper.contains(&word), "{k:?}: the minutes lack «{word}»");
        }
    }
}

/// The organisations of a municipality, as a user's directory holds them.
fn directory() -> samsyn::directory::Directory {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/directory/organisations.ron");
    samsyn::directory::load_file(&path).unwrap()
}

#[test]
fn an_organisation_from_the_directory_is_picked_with_the_unit_it_belongs_to() {
    let mut fx = sip_app(Lang::Sv);
    fx.app.session_mut().unwrap().directory = directory();
    key(&mut fx.app, Char('a'));
    typ(&mut fx.app, "Nils Holm");
    key(&mut fx.app, Tab);
    typ(&mut fx.app, "kurator");
    key(&mut fx.app, Tab);
    key(&mut fx.app, Char('n')); // Nordvikskolan, elevhälsan (ur katalogen)
    assert!(
        draw(&mut fx.app, 120, 40).contains("Nordvikskolan, elevhälsan (kommun) (ur katalogen)")
    );
    ctrl(&mut fx.app, 's');
    assert!(fx.app.overlay.is_none(), "{:?}", fx.app.overlay);
    let m = saved(&fx.app);
    let unit = m
        .organisation_of(&m.participants.last().unwrap().id)
        .unwrap();
    assert_eq!(unit.name, "Nordvikskolan, elevhälsan");
    assert_eq!(unit.mission, "Skolans elevhälsoteam.");
    let school = m.organisation(unit.parent.as_ref().unwrap()).unwrap();
    assert_eq!(school.name, "Skola: Nordvikskolan");
    // Added once: next time it is one of the meeting's own, not offered again.
    key(&mut fx.app, Char('a'));
    let f = form(&fx.app);
    let Input::Choice { opts, .. } = &f.field(F::Organisation).unwrap().input else {
        panic!()
    };
    let labels: Vec<&str> = opts.iter().map(|o| o.label.as_str()).collect();
    assert!(
        labels.contains(&"Nordvikskolan, elevhälsan (kommun)"),
        "{labels:?}"
    );
    assert!(
        !labels
            .iter()
            .any(|l| l.starts_with("Nordvikskolan, elevhälsan (kommun) (ur"))
    );
    // The Roles phase shows what each does.
    key(&mut fx.app, Esc);
    let screen = draw(&mut fx.app, 120, 40);
    assert!(
        screen
            .contains("Nordvikskolan, elevhälsan (kommun), del av Skola: Nordvikskolan — Skolans"),
        "{screen}"
    );
}

#[test]
fn an_organisation_is_added_edited_and_not_deleted_while_named() {
    let mut fx = sip_app(Lang::Sv);
    key(&mut fx.app, Char('v'));
    typ(&mut fx.app, "Skola: Nyboskolan, elevhälsan");
    to_field(&mut fx.app, F::OrgParent);
    key(&mut fx.app, Right); // part of Skola: Nyboskolan
    to_field(&mut fx.app, F::Mission);
    typ(&mut fx.app, "Kurator, skolsköterska och psykolog.");
    ctrl(&mut fx.app, 's');
    assert!(fx.app.overlay.is_none(), "{:?}", fx.app.overlay);
    let m = saved(&fx.app);
    let unit = m.organisations.last().unwrap().clone();
    assert_eq!(unit.parent, Some(samsyn::meeting::Id::new("o1")));
    // The same name twice is refused.
    key(&mut fx.app, Char('v'));
    typ(&mut fx.app, "skola: nyboskolan");
    ctrl(&mut fx.app, 's');
    assert!(
        form(&fx.app)
            .error
            .as_deref()
            .unwrap()
            .contains("finns redan")
    );
    key(&mut fx.app, Esc);
    key(&mut fx.app, Esc);
    // The school cannot be put under its own unit.
    let np = m.participants.len();
    for _ in 0..20 {
        key(&mut fx.app, Up);
    }
    for _ in 0..np {
        key(&mut fx.app, Down);
    }
    key(&mut fx.app, Enter);
    assert_eq!(form(&fx.app).text(F::OrgName), "Skola: Nyboskolan");
    let Input::Choice { opts, .. } = &form(&fx.app).field(F::OrgParent).unwrap().input else {
        panic!()
    };
    assert!(
        opts.iter().all(|o| o.val != Val::Id(unit.id.clone())),
        "its own unit is not offered as what it is part of"
    );
    key(&mut fx.app, Esc);
    // Named by participants and actions: deleting is refused with the places.
    key(&mut fx.app, Char('d'));
    let screen = draw(&mut fx.app, 120, 40);
    assert!(
        screen.contains("Skola: Nyboskolan kan inte tas bort"),
        "{screen}"
    );
    assert_eq!(saved(&fx.app).organisations.len(), 4);
    // The unused unit goes.
    key(&mut fx.app, Esc);
    for _ in 0..3 {
        key(&mut fx.app, Down);
    }
    key(&mut fx.app, Char('d'));
    key(&mut fx.app, Char('j'));
    assert_eq!(saved(&fx.app).organisations.len(), 3);
}

#[test]
fn both_guardians_decide_the_familys_own_measure_together() {
    let mut fx = sip_app(Lang::En);
    // A second guardian, in the room.
    key(&mut fx.app, Char('a'));
    typ(&mut fx.app, "Omar Svensson");
    to_field(&mut fx.app, F::Kind);
    key(&mut fx.app, Right); // guardian
    ctrl(&mut fx.app, 's');
    assert!(fx.app.overlay.is_none(), "{:?}", fx.app.overlay);
    goto_phase(&mut fx.app, "insatser");
    key(&mut fx.app, Char('a'));
    typ(&mut fx.app, "Breakfast together before school");
    key(&mut fx.app, Tab);
    for _ in 0..6 {
        key(&mut fx.app, Right); // the family
    }
    assert_eq!(form(&fx.app).choice_val(F::Performer), Val::Family);
    assert_eq!(form(&fx.app).choice_val(F::Organisation), Val::Family);
    to_field(&mut fx.app, F::Decision);
    assert_eq!(form(&fx.app).choice_val(F::Decision), Val::Id("p4".into()));
    to_field(&mut fx.app, F::CoDecider);
    key(&mut fx.app, Right); // Omar Svensson
    to_field(&mut fx.app, F::Deadline);
    typ(&mut fx.app, "+2v");
    ctrl(&mut fx.app, 's');
    assert!(fx.app.overlay.is_none(), "{:?}", fx.app.overlay);
    let m = saved(&fx.app);
    let a = m.actions.last().unwrap();
    assert_eq!(
        a.decision,
        samsyn::meeting::Decision::AtTable {
            by: vec!["p4".into(), "p6".into()]
        }
    );
    assert_eq!(a.organisation, None);
    assert_eq!(m.action_kind(a), samsyn::meeting::ActionKind::Atgard);
    let screen = draw(&mut fx.app, 120, 40);
    assert!(screen.contains("Measure: Breakfast together"), "{screen}");
    assert!(
        screen.contains("Decided by: Anna Svensson and Omar Svensson"),
        "{screen}"
    );
}

#[test]
fn one_consent_given_by_both_guardians_names_the_organisations_that_share() {
    let mut fx = sip_app(Lang::Sv);
    key(&mut fx.app, Char('a'));
    typ(&mut fx.app, "Omar Svensson");
    to_field(&mut fx.app, F::Kind);
    key(&mut fx.app, Right); // guardian
    ctrl(&mut fx.app, 's');
    goto_phase(&mut fx.app, "samtycke");
    key(&mut fx.app, Char('a'));
    // Given by Anna Svensson (the first family member), also by Omar.
    to_field(&mut fx.app, F::GivenByAlso);
    for _ in 0..6 {
        key(&mut fx.app, Right);
    }
    assert_eq!(
        form(&fx.app).choice_val(F::GivenByAlso),
        Val::Id("p6".into())
    );
    // BUP does not take part in this consent.
    to_field(&mut fx.app, F::ConsentOrg(2));
    key(&mut fx.app, Char(' '));
    to_field(&mut fx.app, F::ChildView);
    typ(
        &mut fx.app,
        "Elsa tycker att det är bra att skolan och soc pratar.",
    );
    ctrl(&mut fx.app, 's');
    assert!(fx.app.overlay.is_none(), "{:?}", fx.app.overlay);
    let m = saved(&fx.app);
    let c = m.consents.last().unwrap();
    assert_eq!(
        c.given_by,
        vec![
            samsyn::meeting::Person::Participant("p4".into()),
            samsyn::meeting::Person::Participant("p6".into())
        ]
    );
    assert_eq!(c.organisations, vec!["o1".into(), "o2".into()]);
    assert!(c.child_view.starts_with("Elsa tycker"));
    let screen = draw(&mut fx.app, 120, 40);
    assert!(screen.contains("Anna Svensson, Omar Svensson"), "{screen}");
    assert!(
        screen.contains(
            "Verksamheter som får dela: Skola: Nyboskolan, Socialtjänst: Barn och familj"
        ),
        "{screen}"
    );
}

#[test]
fn the_overall_responsibility_offers_kommun_and_region_and_its_person_must_belong() {
    let mut fx = sip_app(Lang::Sv);
    goto_phase(&mut fx.app, "summering");
    key(&mut fx.app, Enter);
    let f = form(&fx.app);
    let Input::Choice { opts, .. } = &f.field(F::Organisation).unwrap().input else {
        panic!()
    };
    assert!(
        opts.iter()
            .all(|o| !o.label.contains("privat") && !o.label.contains("statlig"))
    );
    let Input::Choice { opts, .. } = &f.field(F::Huvudman).unwrap().input else {
        panic!()
    };
    assert_eq!(opts.len(), 2, "a new one is kommun or region");
    // Social services holds it; Lena Ek of the school is refused as its person.
    to_field(&mut fx.app, F::OverallPerson);
    key(&mut fx.app, Left);
    key(&mut fx.app, Left); // from Sara Holm to Lena Ek
    assert_eq!(
        form(&fx.app).choice_val(F::OverallPerson),
        Val::Id("p1".into())
    );
    ctrl(&mut fx.app, 's');
    assert!(
        form(&fx.app)
            .error
            .as_deref()
            .unwrap()
            .contains("Lena Ek tillhör inte Socialtjänst"),
        "{:?}",
        form(&fx.app).error
    );
    // Choosing an organisation is needed before a person: never "saved" for nothing.
    to_field(&mut fx.app, F::Organisation);
    while form(&fx.app).choice_val(F::Organisation) != Val::None {
        key(&mut fx.app, Right);
    }
    ctrl(&mut fx.app, 's');
    assert_eq!(form(&fx.app).focused().map(|f| f.id), Some(F::Organisation));
    assert!(saved(&fx.app).overall_responsible.is_some(), "unchanged");
}

/// The SIP fixture finalized (without the action whose decider has no mandate), and its
/// follow-up linked to it as "prev.ron".
fn finalized_and_followed_up() -> (
    samsyn::meeting::Meeting,
    samsyn::meeting::Meeting,
    samsyn::agenda::Agenda,
) {
    let agenda = all_phases_agenda();
    let mut prev = sip_meeting(&agenda);
    prev.actions.retain(|a| a.id.as_str() != "a3");
    prev.consents[0].organisations.clear();
    let at = prev.date.and_hms_opt(15, 0, 0).unwrap();
    samsyn::rules::finalize(&mut prev, &agenda, "Maria Lund", at)
        .unwrap_or_else(|p| panic!("{p:?}"));
    let r = prev.agenda.clone();
    let m = prev
        .start_follow_up(r, "Uppföljning", day(2027, 1, 21), "prev.ron")
        .unwrap();
    (prev, m, agenda)
}

/// The follow-up opened on the screen.
fn follow_up_app(lang: Lang) -> Fixture {
    let (_, m, agenda) = finalized_and_followed_up();
    app_with(m, agenda, lang, ThemeName::Default, true)
}

#[test]
fn the_review_accounts_for_every_action_and_carries_on_what_continues() {
    let mut fx = follow_up_app(Lang::Sv);
    goto_phase(&mut fx.app, "genomgang");
    let screen = draw(&mut fx.app, 120, 40);
    assert!(
        screen.contains("Förra planen, 0 av 2 genomgångna"),
        "{screen}"
    );
    // The awaited decision (due 2026-12-20, before this meeting) is first, marked.
    assert!(screen.contains("FÖRSENAT BESLUT 2026-12-20"), "{screen}");
    let first = screen.find("Utreda behov av stöd i hemmet").unwrap();
    let second = screen.find("Morgonmöte med mentor").unwrap();
    assert!(first < second, "awaited decisions first");
    // Not done needs a comment.
    key(&mut fx.app, Down);
    key(&mut fx.app, Enter);
    key(&mut fx.app, Right);
    key(&mut fx.app, Right);
    key(&mut fx.app, Right); // inte genomförd
    ctrl(&mut fx.app, 's');
    assert_eq!(form(&fx.app).focused().map(|f| f.id), Some(F::Comment));
    typ(&mut fx.app, "Mentorn var sjukskriven i december.");
    ctrl(&mut fx.app, 's');
    assert!(fx.app.overlay.is_none(), "{:?}", fx.app.overlay);
    // The awaited decision is awaited again: into the new plan.
    key(&mut fx.app, Up);
    key(&mut fx.app, Enter);
    for _ in 0..5 {
        key(&mut fx.app, Right); // fortsätter
    }
    to_field(&mut fx.app, F::Comment);
    typ(&mut fx.app, "Utredningen pågår.");
    to_field(&mut fx.app, F::DecisionOutcome);
    for _ in 0..3 {
        key(&mut fx.app, Right); // inväntas fortfarande
    }
    to_field(&mut fx.app, F::CarryOver);
    key(&mut fx.app, Char(' '));
    ctrl(&mut fx.app, 's');
    assert!(fx.app.overlay.is_none(), "{:?}", fx.app.overlay);
    let m = saved(&fx.app);
    let r = m
        .reviews
        .iter()
        .find(|r| r.was.id.as_str() == "a2")
        .unwrap();
    assert_eq!(r.outcome, Some(samsyn::meeting::Outcome::Continues));
    let carried = m.action(r.carried_to.as_ref().unwrap()).unwrap();
    assert_eq!(carried.what, "Utreda behov av stöd i hemmet");
    assert_eq!(carried.origin.as_ref().unwrap().action.as_str(), "a2");
    // It must be decided again at this meeting: the rules say so until it is.
    let agenda = session(&fx.app).agenda.clone();
    let codes: Vec<Code> = rules::blocking(&m, &agenda)
        .iter()
        .map(|p| p.code)
        .collect();
    assert!(codes.contains(&Code::DeciderUnknown), "{codes:?}");
    assert!(codes.contains(&Code::AwaitedNotCarried), "{codes:?}");
    assert!(codes.contains(&Code::GoalNotReviewed), "{codes:?}");
    assert!(!codes.contains(&Code::ReviewMissing), "{codes:?}");
    goto_phase(&mut fx.app, "insatser");
    let screen = draw(&mut fx.app, 120, 40);
    assert!(screen.contains("från planen 2026-12-03"), "{screen}");
}

/// One word per term in a follow-up too: what became of each action, each awaited
/// decision and each goal of the previous plan reads the same on the Review phase and
/// in the minutes.
#[test]
fn the_review_and_the_minutes_use_the_same_word_for_every_outcome() {
    use samsyn::export::{Format, Options, export};
    use samsyn::i18n::terms;
    use samsyn::meeting::{DecisionOutcome, GoalOutcome, Meeting, Outcome};

    fn both(fx: &mut Fixture, m: Meeting, lang: Lang) -> (String, String) {
        let agenda = session(&fx.app).agenda.clone();
        let options = Options {
            lang,
            pseudonymize: false,
            contacts: false,
        };
        let paper = String::from_utf8(export(&m, &agenda, Format::Md, options).unwrap())
            .unwrap()
            .to_lowercase();
        *fx.app.session_mut().unwrap().meeting.edit() = m;
        goto_phase(&mut fx.app, "genomgang");
        (draw(&mut fx.app, 200, 60).to_lowercase(), paper)
    }
    fn same(word: &str, (screen, paper): &(String, String), what: &str) {
        let w = word.to_lowercase();
        assert!(
            screen.contains(&w),
            "{what}: the screen lacks «{word}»\n{screen}"
        );
        assert!(paper.contains(&w), "{what}: the minutes lack «{word}»");
    }

    for lang in [Lang::Sv, Lang::En] {
        let mut fx = follow_up_app(lang);
        let base = session(&fx.app).meeting.clone();
        assert!(!base.reviews.is_empty() && !base.goal_reviews.is_empty());
        for o in Outcome::ALL {
            let mut m = base.clone();
            for r in &mut m.reviews {
                r.outcome = Some(o);
                r.comment = "Kommenterad.".into();
            }
            same(
                terms::outcome(o, lang),
                &both(&mut fx, m, lang),
                &format!("{o:?}"),
            );
        }
        let by = "Enhetschef".to_string();
        for d in [
            DecisionOutcome::Granted {
                by: by.clone(),
                on: None,
            },
            DecisionOutcome::Refused { by, on: None },
            DecisionOutcome::StillAwaited,
        ] {
            let mut m = base.clone();
            for r in &mut m.reviews {
                r.decision = Some(d.clone());
            }
            let what = format!("{d:?}");
            same(
                terms::decision_outcome(&d, lang),
                &both(&mut fx, m, lang),
                &what,
            );
        }
        for o in GoalOutcome::ALL {
            let mut m = base.clone();
            for g in &mut m.goal_reviews {
                g.outcome = Some(o);
            }
            same(
                terms::goal_outcome(o, lang),
                &both(&mut fx, m, lang),
                &format!("{o:?}"),
            );
        }
    }
}

#[test]
fn r_takes_in_an_amended_previous_meeting_on_the_screen() {
    let (prev, m, agenda) = finalized_and_followed_up();
    let at = prev.date.and_hms_opt(15, 0, 0).unwrap();
    let mut fx = app_with(m, agenda.clone(), Lang::Sv, ThemeName::Default, true);
    // The previous minutes, amended and finalized again after the follow-up started.
    let prev_path = fx.dir.path().join("prev.ron");
    let mut amended = prev.clone();
    samsyn::store::amend(&prev_path, &mut amended, "Rättelse", "Maria Lund", at).unwrap();
    amended.actions[0].what = "Morgonmöte med mentor tre dagar i veckan".into();
    samsyn::rules::finalize(&mut amended, &agenda, "Maria Lund", at).unwrap();
    samsyn::store::save(&prev_path, &amended).unwrap();
    let file = path(&fx.app);
    samsyn::tui::update::open_path(&mut fx.app, &file).unwrap();
    goto_phase(&mut fx.app, "genomgang");
    let screen = draw(&mut fx.app, 120, 40);
    assert!(screen.contains("r ta in ändringen"), "{screen}");
    key(&mut fx.app, Char('r'));
    let screen = draw(&mut fx.app, 120, 40);
    assert!(
        screen.contains("Morgonmöte med mentor tre dagar i veckan"),
        "{screen}"
    );
    assert!(!screen.contains("ta in ändringen"), "{screen}");
    let m = saved(&fx.app);
    assert_eq!(m.previous.unwrap().hash, amended.content_hash());
}

#[test]
fn a_personnummer_is_refused_in_any_form_and_never_written() {
    let mut fx = sip_app(Lang::Sv);
    let before = saved(&fx.app);
    // In a participant's contact field.
    key(&mut fx.app, Char('a'));
    typ(&mut fx.app, "Mormor Eva");
    to_field(&mut fx.app, F::Contact);
    typ(&mut fx.app, "pnr 19500304-1234");
    ctrl(&mut fx.app, 's');
    assert_eq!(form(&fx.app).focused().map(|f| f.id), Some(F::Contact));
    assert!(
        form(&fx.app)
            .error
            .as_deref()
            .unwrap()
            .contains("personnummer"),
        "{:?}",
        form(&fx.app).error
    );
    assert_eq!(saved(&fx.app), before, "nothing written");
    key(&mut fx.app, Esc);
    key(&mut fx.app, Esc);
    // In free text written while it is typed: not written, and said.
    goto_phase(&mut fx.app, "syfte");
    key(&mut fx.app, Char('e'));
    typ(&mut fx.app, " Elsa 120304-1234");
    let t = fx.app.now;
    samsyn::tui::update::update(
        &mut fx.app,
        samsyn::tui::Event::Tick(t + chrono::Duration::seconds(3)),
    );
    assert!(
        !saved(&fx.app)
            .phase("syfte")
            .unwrap()
            .notes
            .contains("1234")
    );
    assert!(
        form(&fx.app)
            .error
            .as_deref()
            .unwrap()
            .contains("personnummer")
    );
    let draft = samsyn::store::draft::path_for(&path(&fx.app));
    assert!(
        std::fs::read_to_string(&draft).map_or(true, |d| !d.contains("1234")),
        "no draft holds it"
    );
}

#[test]
fn opening_the_summary_never_drops_a_responsibility_the_agenda_does_not_allow() {
    let mut fx = sip_app(Lang::Sv);
    // Hand-edited: a state authority holds the overall responsibility of this SIP.
    if let samsyn::tui::app::Screen::Meeting(s) = &mut fx.app.screen {
        s.meeting.edit().organisations[1].huvudman = samsyn::meeting::Huvudman::Statlig;
    }
    goto_phase(&mut fx.app, "summering");
    key(&mut fx.app, Enter);
    assert_eq!(
        form(&fx.app).choice_val(F::Organisation),
        Val::Id("o2".into())
    );
    to_field(&mut fx.app, F::Coordinator);
    ctrl(&mut fx.app, 's');
    assert!(fx.app.overlay.is_none(), "{:?}", fx.app.overlay);
    let m = saved(&fx.app);
    assert_eq!(
        m.overall_responsible.map(|r| r.organisation),
        Some("o2".into()),
        "kept; the rules say what is wrong with it"
    );
}

#[test]
fn a_hidden_decision_date_never_refuses_the_review() {
    let mut fx = follow_up_app(Lang::Sv);
    goto_phase(&mut fx.app, "genomgang");
    key(&mut fx.app, Enter); // the awaited decision
    key(&mut fx.app, Right); // done
    to_field(&mut fx.app, F::DecisionOutcome);
    key(&mut fx.app, Right); // granted: who and when are asked
    to_field(&mut fx.app, F::DecidedOn);
    typ(&mut fx.app, "xx");
    to_field(&mut fx.app, F::DecisionOutcome);
    key(&mut fx.app, Right);
    key(&mut fx.app, Right); // still awaited: the date is no longer asked
    ctrl(&mut fx.app, 's');
    assert!(fx.app.overlay.is_none(), "{:?}", fx.app.overlay);
}

#[test]
fn editing_an_action_never_puts_another_decider_in_place_of_the_recorded_one() {
    let mut fx = sip_app(Lang::En);
    goto_phase(&mut fx.app, "insatser");
    // a3 was decided by Kim Berg, who has no mandate: the form does not pick Lena Ek.
    key(&mut fx.app, Down);
    key(&mut fx.app, Down);
    key(&mut fx.app, Enter);
    assert_eq!(form(&fx.app).choice_val(F::Decision), Val::None);
    let note = form(&fx.app)
        .field(F::Decision)
        .and_then(|f| f.note.clone())
        .unwrap()
        .0;
    assert!(note.contains("Kim Berg can no longer decide"), "{note}");
    // Saving as it stands is refused, naming the field; nothing changes.
    let before = saved(&fx.app);
    ctrl(&mut fx.app, 's');
    assert_eq!(form(&fx.app).focused().map(|f| f.id), Some(F::Decision));
    assert!(
        form(&fx.app)
            .error
            .as_deref()
            .unwrap()
            .contains("choose who decides")
    );
    assert_eq!(saved(&fx.app), before);
}

#[test]
fn consent_validity_said_as_six_months_counts_from_the_day_it_was_given() {
    let mut fx = sip_app(Lang::Sv);
    goto_phase(&mut fx.app, "samtycke");
    key(&mut fx.app, Char('a'));
    to_field(&mut fx.app, F::Scope);
    typ(&mut fx.app, "Skola och socialtjänst");
    to_field(&mut fx.app, F::Date);
    for _ in 0..20 {
        key(&mut fx.app, Backspace);
    }
    typ(&mut fx.app, "2026-11-20");
    to_field(&mut fx.app, F::ValidUntil);
    typ(&mut fx.app, "6 månader");
    let note = form(&fx.app)
        .field(F::ValidUntil)
        .and_then(|f| f.note.clone())
        .expect("the validity is described");
    assert_eq!(note, ("→ torsdag 20 maj 2027".to_string(), false));
    ctrl(&mut fx.app, 's');
    assert!(fx.app.overlay.is_none(), "{:?}", fx.app.overlay);
    let c = saved(&fx.app).consents.last().cloned().unwrap();
    assert_eq!(c.date, day(2026, 11, 20));
    assert_eq!(c.valid_until, Some(day(2027, 5, 20)));
}

//! Forms that never record the wrong thing, and text the room can read while it is
//! typed (issue 14, items 1–8): choices found by typing, the fields that apply, text
//! wrapped in place, the editing keys, marks where text is cut, the footer.

use crate::common::build::{self, Build};
use crate::common::screen as tui_common;

use crossterm::event::KeyCode::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;
use samsyn::i18n::Lang;
use samsyn::i18n::screen::T;
use samsyn::meeting::*;
use samsyn::tui::App;
use samsyn::tui::app::Overlay;
use samsyn::tui::form::{F, Form, FormKey, Input, Opt, Target, Val, find_option};
use samsyn::tui::theme::ThemeName;
use samsyn::tui::{Event, update};
use tui_common::*;

fn form(app: &App) -> &Form {
    match &app.overlay {
        Some(Overlay::Form(f)) => f,
        other => panic!("no form open: {other:?}"),
    }
}

fn to_field(app: &mut App, id: F) {
    for _ in 0..60 {
        if form(app).focused().map(|f| f.id) == Some(id) {
            return;
        }
        key(app, Tab);
    }
    panic!("the form has no field {id:?}");
}

fn press(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    update(app, Event::Key(KeyEvent::new(code, mods)));
}

/// The options of a choice field and the one chosen.
fn choice(form: &Form, id: F) -> (Vec<Opt>, usize) {
    match &form.field(id).expect("the field").input {
        Input::Choice { opts, idx, .. } => (opts.clone(), *idx),
        other => panic!("{id:?} is not a choice: {other:?}"),
    }
}

fn text_of(form: &Form, id: F) -> String {
    match &form.field(id).expect("the field").input {
        Input::Line(ta) | Input::Multi(ta) | Input::Date(ta) => ta.lines().join("\n"),
        other => panic!("{id:?} is not text: {other:?}"),
    }
}

fn professional(id: &str, name: &str, org: &str, mandate: bool) -> Participant {
    build::person(id, name, ParticipantKind::Professional)
        .of(org)
        .role("specialpedagog")
        .mandate(mandate.then_some("stöd i skolan"), false)
}

fn family(id: &str, name: &str) -> Participant {
    build::person(id, name, ParticipantKind::Guardian).role("förälder")
}

/// The SIP meeting with Lena Holm, a second decider of the school, at the table.
fn with_lena_holm(lang: Lang) -> Fixture {
    let agenda = all_phases_agenda();
    let mut m = sip_meeting(&agenda);
    m.participants
        .push(professional("p6", "Lena Holm", "o1", true));
    app_with(m, agenda, lang, ThemeName::Default, true)
}

// 1. Printable keys never change a choice silently.

#[test]
fn typing_a_name_on_decided_by_chooses_that_person() {
    let mut fx = with_lena_holm(Lang::Sv);
    goto_phase(&mut fx.app, "insatser");
    key(&mut fx.app, Char('a'));
    typ(&mut fx.app, "Stöd i matematik");
    to_field(&mut fx.app, F::Decision);
    assert_eq!(form(&fx.app).choice_val(F::Decision), Val::Id("p1".into()));
    typ(&mut fx.app, "lena holm");
    assert_eq!(form(&fx.app).choice_val(F::Decision), Val::Id("p6".into()));
    // What was typed is shown in the field.
    let screen = draw(&mut fx.app, 80, 24);
    assert!(screen.contains("Sök: lena holm"), "{screen}");
    assert!(screen.contains("◀ Lena Holm"), "{screen}");
    ctrl(&mut fx.app, 's');
    assert!(fx.app.overlay.is_none(), "{:?}", fx.app.overlay);
    let saved = samsyn::store::load(&path(&fx.app)).unwrap();
    let action = saved.actions.last().unwrap();
    assert_eq!(action.what, "Stöd i matematik");
    assert_eq!(
        action.decision,
        Decision::AtTable {
            by: vec![Id::new("p6")]
        }
    );
}

#[test]
fn typing_a_name_nobody_offered_has_leaves_the_choice_and_says_so() {
    let mut fx = sip_app(Lang::Sv);
    goto_phase(&mut fx.app, "insatser");
    key(&mut fx.app, Char('a'));
    to_field(&mut fx.app, F::Decision);
    let before = form(&fx.app).choice_val(F::Decision);
    // Sara Holm is of another organisation: not offered, so typing her name chooses
    // nobody else.
    typ(&mut fx.app, "sara holm");
    assert_eq!(form(&fx.app).choice_val(F::Decision), before);
    let screen = draw(&mut fx.app, 80, 24);
    assert!(
        screen.contains("Sök: sara holm — inget val heter så"),
        "{screen}"
    );
    // Backspace edits what was typed; Esc leaves the search and keeps the form open.
    for _ in 0.."sara holm".len() {
        key(&mut fx.app, Backspace);
    }
    assert!(!draw(&mut fx.app, 80, 24).contains("Sök:"));
    typ(&mut fx.app, "väntar");
    typ(&mut fx.app, "xyz");
    assert_eq!(form(&fx.app).choice_val(F::Decision), before);
    key(&mut fx.app, Esc);
    assert!(
        fx.app.overlay.is_some(),
        "Esc ends the search, not the form"
    );
    assert_eq!(form(&fx.app).choice_val(F::Decision), before);
    assert!(!draw(&mut fx.app, 80, 24).contains("Sök:"));
}

#[test]
fn esc_while_finding_goes_back_to_the_option_before() {
    let mut fx = with_lena_holm(Lang::En);
    goto_phase(&mut fx.app, "insatser");
    key(&mut fx.app, Char('a'));
    to_field(&mut fx.app, F::Decision);
    typ(&mut fx.app, "lena h");
    assert_eq!(form(&fx.app).choice_val(F::Decision), Val::Id("p6".into()));
    key(&mut fx.app, Esc);
    assert_eq!(form(&fx.app).choice_val(F::Decision), Val::Id("p1".into()));
    // ← and → end the search and step as always.
    typ(&mut fx.app, "lena h");
    key(&mut fx.app, Right);
    assert!(!draw(&mut fx.app, 80, 24).contains("Find:"));
}

fn printable() -> impl Strategy<Value = char> {
    any::<char>().prop_filter("printable", |c| !c.is_control())
}

fn labels() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec("(— )?[A-Za-zÅÄÖåäö]{1,8}( [A-Za-zåäö()]{1,8}){0,2}", 1..7)
}

proptest! {
    /// No printable key changes a choice to anything but the option that matches all
    /// that was typed: otherwise the choice stays what it was before typing. Esc goes
    /// back to it. No printable key saves or closes the form.
    #[test]
    fn no_printable_key_changes_a_choice_silently(
        names in labels(),
        start in 0usize..7,
        typed in prop::collection::vec((printable(), any::<bool>()), 1..16),
    ) {
        let opts: Vec<Opt> = names
            .iter()
            .enumerate()
            .map(|(i, n)| Opt { label: n.clone(), val: Val::Attend(i as u8) })
            .collect();
        let start = start % opts.len();
        let mut f = Form::new(Target::Details, "t".into(), day(2026, 12, 3));
        f.choice(F::Attendance, T::FAttendance, opts.clone(), &Val::Attend(start as u8));
        f.line(F::Name, T::FName, "");
        let mut so_far = String::new();
        for (c, shift) in typed {
            let mods = if shift { KeyModifiers::SHIFT } else { KeyModifiers::NONE };
            let r = f.key(KeyEvent::new(Char(c), mods));
            prop_assert!(matches!(r, FormKey::Changed | FormKey::Moved), "{r:?}");
            so_far.push(c);
            let (_, idx) = choice(&f, F::Attendance);
            match find_option(&opts, &so_far) {
                Some(i) => prop_assert_eq!(idx, i, "typed {:?}", so_far),
                None => prop_assert_eq!(idx, start, "typed {:?}", so_far),
            }
            if idx != start {
                let norm = |s: &str| s.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ");
                prop_assert!(norm(&opts[idx].label).contains(&norm(&so_far)));
            }
            prop_assert_eq!(f.focus, 0);
        }
        f.key(KeyEvent::new(Esc, KeyModifiers::NONE));
        prop_assert_eq!(choice(&f, F::Attendance).1, start);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]
    /// The same through the whole screen, on the choices of real forms: the action
    /// (performer, organisation, decided by) and the participant.
    #[test]
    fn no_printable_key_changes_a_real_choice_silently(
        which in 0usize..6,
        typed in prop::collection::vec(printable(), 1..12),
    ) {
        let (phase, field) = [
            ("insatser", F::Performer),
            ("insatser", F::Organisation),
            ("insatser", F::Decision),
            ("insatser", F::GoalLink),
            ("roller", F::Kind),
            ("roller", F::Attendance),
        ][which];
        let mut fx = sip_app(Lang::Sv);
        goto_phase(&mut fx.app, phase);
        key(&mut fx.app, Char('a'));
        to_field(&mut fx.app, field);
        let (opts, start) = choice(form(&fx.app), field);
        let text: String = typed.iter().collect();
        typ(&mut fx.app, &text);
        prop_assert!(matches!(fx.app.overlay, Some(Overlay::Form(_))), "the form stays open");
        let (now_opts, idx) = choice(form(&fx.app), field);
        prop_assert_eq!(now_opts.len(), opts.len());
        match find_option(&opts, &text) {
            Some(i) => prop_assert_eq!(idx, i),
            None => prop_assert_eq!(idx, start),
        }
    }
}

// 2. A choice of one option is not a change.

#[test]
fn arrows_on_a_single_option_change_nothing_and_esc_asks_nothing() {
    let mut fx = sip_app(Lang::Sv);
    let mut f = Form::new(Target::Details, "Prov".into(), day(2026, 12, 3));
    f.choice(
        F::Kind,
        T::FKind,
        vec![Opt {
            label: "Yrkesperson".into(),
            val: Val::Kind(ParticipantKind::Professional),
        }],
        &Val::Kind(ParticipantKind::Professional),
    );
    f.style_cursors();
    fx.app.overlay = Some(Overlay::Form(Box::new(f)));
    key(&mut fx.app, Right);
    key(&mut fx.app, Left);
    assert!(!form(&fx.app).dirty);
    assert_eq!(
        fx.app.message.as_ref().map(|(m, _)| m.as_str()),
        Some("Här finns bara ett val.")
    );
    key(&mut fx.app, Esc);
    assert!(fx.app.overlay.is_none(), "nothing typed: one Esc closes");
}

// 3. Why a decider is not offered: once per reason, each a sentence, all reachable.

#[test]
fn reasons_a_decider_is_not_offered_are_said_once_and_all_shown() {
    let agenda = all_phases_agenda();
    let mut m = sip_meeting(&agenda);
    // Three more family members and five professionals without a mandate.
    m.participants.push(family("f1", "Omar Svensson"));
    m.participants.push(family("f2", "Greta Svensson"));
    m.participants.push(family("f3", "Nils Svensson"));
    for (i, name) in ["Eva Ro", "Ali Dahl", "Mia Kron", "Bo Sten", "Ida Lund"]
        .iter()
        .enumerate()
    {
        m.participants
            .push(professional(&format!("n{i}"), name, "o1", false));
    }
    for lang in [Lang::Sv, Lang::En] {
        let mut fx = app_with(m.clone(), agenda.clone(), lang, ThemeName::Default, true);
        goto_phase(&mut fx.app, "insatser");
        key(&mut fx.app, Char('a'));
        to_field(&mut fx.app, F::Decision);
        let note = form(&fx.app)
            .field(F::Decision)
            .and_then(|f| f.note.clone())
            .expect("a note")
            .0;
        let family_sentence = lang.pick("hör till familjen", "are family");
        assert_eq!(note.matches(family_sentence).count(), 1, "{note}");
        let mandate = lang.pick("har inget beslutsmandat", "have no mandate");
        assert_eq!(note.matches(mandate).count(), 1, "{note}");
        // Every sentence starts with a capital letter.
        for sentence in note.split(". ").skip(1) {
            let first = sentence.chars().next().unwrap();
            assert!(first.is_uppercase(), "{sentence:?} in {note}");
        }
        // Every person not offered is named on the screen, at 80×24 as at 120×40.
        for (w, h) in [(80, 24), (120, 40)] {
            let screen = draw(&mut fx.app, w, h);
            let flat: String = screen
                .lines()
                .map(|l| l.trim_matches(|c| c == '"' || c == '│' || c == ' '))
                .collect::<Vec<_>>()
                .join(" ");
            for name in [
                "Kim Berg",
                "Sara Holm",
                "Anna Svensson",
                "Jonas Ali",
                "Omar Svensson",
                "Greta Svensson",
                "Nils Svensson",
                "Eva Ro",
                "Ali Dahl",
                "Mia Kron",
                "Bo Sten",
                "Ida Lund",
            ] {
                let first = name.split(' ').next().unwrap();
                assert!(flat.contains(first), "{name} at {w}×{h}:\n{screen}");
            }
        }
    }
}

// 4. Only the fields that apply, and marks where fields lie above or below.

#[test]
fn awaiting_fields_are_not_in_the_tab_order_when_decided_at_the_table() {
    let mut fx = sip_app(Lang::Sv);
    goto_phase(&mut fx.app, "insatser");
    key(&mut fx.app, Char('a'));
    let awaited = [
        F::DecisionMaker,
        F::DecisionOrg,
        F::DecideBy,
        F::AwaitReason,
    ];
    let mut seen = Vec::new();
    for _ in 0..40 {
        seen.push(form(&fx.app).focused().unwrap().id);
        key(&mut fx.app, Tab);
    }
    assert!(seen.contains(&F::Decision));
    for f in awaited {
        assert!(!seen.contains(&f), "{f:?} asked while decided at the table");
    }
    let screen = draw(&mut fx.app, 120, 40);
    assert!(!screen.contains("Beslutsfattare"), "{screen}");
    // Choosing "awaiting decision" asks them.
    to_field(&mut fx.app, F::Decision);
    typ(&mut fx.app, "beslut inväntas");
    assert_eq!(form(&fx.app).choice_val(F::Decision), Val::Awaiting);
    let mut seen = Vec::new();
    for _ in 0..40 {
        seen.push(form(&fx.app).focused().unwrap().id);
        key(&mut fx.app, Tab);
    }
    for f in awaited {
        assert!(seen.contains(&f), "{f:?} not asked while awaited");
    }
}

#[test]
fn a_form_longer_than_the_screen_says_more_lies_below_and_scrolls_to_the_focus() {
    for lang in [Lang::Sv, Lang::En] {
        let mut fx = sip_app(lang);
        goto_phase(&mut fx.app, "insatser");
        key(&mut fx.app, Char('a'));
        typ(&mut fx.app, &format!("{LONG}\n{LONG}"));
        let below = lang.pick("fler fält nedanför ↓", "more below ↓");
        let above = lang.pick("fler fält ovanför ↑", "more above ↑");
        let screen = draw(&mut fx.app, 80, 24);
        assert!(screen.contains(below), "{screen}");
        assert!(!screen.contains(above), "{screen}");
        // The last field: the form has scrolled to it, and says fields lie above.
        let last = form(&fx.app)
            .fields
            .iter()
            .rev()
            .find(|f| !f.hidden)
            .unwrap()
            .id;
        to_field(&mut fx.app, last);
        let label = Form::label_of(form(&fx.app).focused().unwrap(), lang).to_string();
        let screen = draw(&mut fx.app, 80, 24);
        assert!(screen.contains(&format!("▶ {label}")), "{screen}");
        assert!(screen.contains(above), "{screen}");
        assert!(!screen.contains(below), "{screen}");
        // On a large screen the whole form fits: no marks.
        let screen = draw(&mut fx.app, 120, 40);
        assert!(
            !screen.contains(above) && !screen.contains(below),
            "{screen}"
        );
    }
}

// 5. Text edited in place, wrapped, the whole paragraph in view.

const LONG: &str = "Mentorn möter Elsa vid entrén varje morgon klockan åtta, går med henne \
    till klassrummet och ringer hem senast kvart över åtta om hon inte har kommit; \
    vårdnadshavaren svarar i telefon och säger om Elsa är på väg.";

fn flat(screen: &str) -> String {
    screen
        .lines()
        .map(|l| l.trim_matches(|c| c == '"' || c == '│' || c == ' '))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_long_text_is_wrapped_in_place_while_typed_and_when_reopened() {
    let mut fx = sip_app(Lang::Sv);
    goto_phase(&mut fx.app, "insatser");
    key(&mut fx.app, Char('a'));
    typ(&mut fx.app, LONG);
    // Every word is on the screen while it is typed, not ~45 characters of it.
    let screen = draw(&mut fx.app, 80, 24);
    let shown = flat(&screen);
    for word in LONG.split_whitespace() {
        assert!(shown.contains(word), "{word:?} missing:\n{screen}");
    }
    ctrl(&mut fx.app, 's');
    assert!(fx.app.overlay.is_none(), "{:?}", fx.app.overlay);
    // Reopened, the field starts at the beginning of the text, not scrolled sideways.
    if let samsyn::tui::app::Screen::Meeting(s) = &mut fx.app.screen {
        s.selected = s.meeting.actions.len() - 1;
    }
    key(&mut fx.app, Char('e'));
    assert_eq!(form(&fx.app).text(F::What), LONG);
    let screen = draw(&mut fx.app, 80, 24);
    let first = screen.lines().find(|l| l.contains("▶ Vad")).unwrap();
    assert!(first.contains("Mentorn möter Elsa"), "{screen}");
    let shown = flat(&screen);
    for word in LONG.split_whitespace() {
        assert!(shown.contains(word), "{word:?} missing:\n{screen}");
    }
}

#[test]
fn enter_makes_a_new_line_in_a_text_of_several_lines_and_the_footer_says_how_to_save() {
    let mut fx = sip_app(Lang::Sv);
    goto_phase(&mut fx.app, "insatser");
    key(&mut fx.app, Char('a'));
    typ(&mut fx.app, "Första raden\nAndra raden");
    assert!(fx.app.overlay.is_some(), "Enter did not save");
    assert_eq!(text_of(form(&fx.app), F::What), "Första raden\nAndra raden");
    let screen = draw(&mut fx.app, 80, 24);
    assert!(screen.contains("Enter ny rad"), "{screen}");
    assert!(screen.contains("Ctrl+S spara"), "{screen}");
    assert!(screen.contains("Första raden") && screen.contains("Andra raden"));
    // A one-line field: Enter goes on, the footer has no new line.
    to_field(&mut fx.app, F::Deadline);
    let screen = draw(&mut fx.app, 80, 24);
    assert!(!screen.contains("Enter ny rad"), "{screen}");
}

// 6. Editing keys people know, in one-line and multi-line fields, listed in help.

fn edit_keys(app: &mut App, field: F) {
    let ctrl_key = |app: &mut App, code: KeyCode| press(app, code, KeyModifiers::CONTROL);
    typ(app, "abc def ghi");
    ctrl(app, 'w');
    assert_eq!(text_of(form(app), field), "abc def ");
    key(app, Home);
    typ(app, "X");
    key(app, End);
    typ(app, "Y");
    assert_eq!(text_of(form(app), field), "Xabc def Y");
    ctrl_key(app, Left);
    ctrl_key(app, Left);
    ctrl(app, 'k');
    assert_eq!(text_of(form(app), field), "Xabc ");
    typ(app, "mid");
    ctrl_key(app, Left);
    ctrl_key(app, Right);
    typ(app, "!");
    assert_eq!(text_of(form(app), field), "Xabc mid!");
    key(app, Left);
    ctrl(app, 'u');
    assert_eq!(text_of(form(app), field), "!");
}

#[test]
fn editing_keys_work_in_one_line_and_multi_line_fields() {
    let mut fx = sip_app(Lang::Sv);
    goto_phase(&mut fx.app, "roller");
    key(&mut fx.app, Char('a'));
    to_field(&mut fx.app, F::Name);
    edit_keys(&mut fx.app, F::Name);
    key(&mut fx.app, Esc);
    key(&mut fx.app, Esc);
    goto_phase(&mut fx.app, "insatser");
    key(&mut fx.app, Char('a'));
    to_field(&mut fx.app, F::What);
    edit_keys(&mut fx.app, F::What);
    // In a text of several lines the keys work on the line of the cursor.
    ctrl(&mut fx.app, 'k');
    typ(&mut fx.app, "rad ett\nrad två");
    ctrl(&mut fx.app, 'u');
    assert_eq!(text_of(form(&fx.app), F::What), "rad ett\n");
}

#[test]
fn help_lists_the_editing_keys() {
    for lang in [Lang::Sv, Lang::En] {
        let mut fx = sip_app(lang);
        key(&mut fx.app, Char('?'));
        let mut all = String::new();
        for _ in 0..40 {
            all.push_str(&draw(&mut fx.app, 120, 40));
            key(&mut fx.app, Down);
        }
        for keys in ["Ctrl+U", "Ctrl+K", "Ctrl+W", "Home / End", "Ctrl+←→", "abc"] {
            assert!(all.contains(keys), "{keys} not in help");
        }
        for text in [T::CmdClearToStartLong, T::CmdDeleteWordLong, T::CmdFindLong] {
            let start: String = text.get(lang).chars().take(20).collect();
            assert!(all.contains(&start), "{text:?}");
        }
    }
}

// 7. Text cut with a mark: the header keeps the date, a long choice keeps its arrows.

#[test]
fn the_header_cuts_the_title_before_the_date() {
    let agenda = all_phases_agenda();
    let mut m = sip_meeting(&agenda);
    m.title = "Samordnad individuell plan för Elsa, skolfrånvaro och stöd i hemmet".into();
    let mut fx = app_with(m, agenda, Lang::Sv, ThemeName::Default, true);
    let screen = draw(&mut fx.app, 80, 24);
    let top = screen.lines().next().unwrap();
    assert!(top.contains("· 2026-12-03 14:00"), "{top}");
    assert!(top.contains("…"), "{top}");
    assert!(top.contains("Samordnad indiv"), "{top}");
}

#[test]
fn a_long_option_is_cut_with_a_mark() {
    let agenda = all_phases_agenda();
    let mut m = sip_meeting(&agenda);
    m.organisations[0].name =
        "Skola: Nyboskolans grundskola årskurs 4–6 med fritidshem och elevhälsa".into();
    let mut fx = app_with(m, agenda, Lang::Sv, ThemeName::Default, true);
    goto_phase(&mut fx.app, "insatser");
    key(&mut fx.app, Char('a'));
    let screen = draw(&mut fx.app, 80, 24);
    let line = screen
        .lines()
        .find(|l| l.contains("Utförare"))
        .unwrap()
        .to_string();
    assert!(line.contains("…") && line.contains("▶"), "{line}");
}

#[test]
fn start_screen_rows_with_dates_wrap_instead_of_being_cut() {
    let agenda = all_phases_agenda();
    let mut m = sip_meeting(&agenda);
    m.title = "SIP för Elsa med skola, socialtjänst, BUP och vårdnadshavare, uppföljning".into();
    let mut fx = app_with(m, agenda, Lang::Sv, ThemeName::Default, true);
    samsyn::tui::update::show_start(&mut fx.app);
    let screen = draw(&mut fx.app, 80, 24);
    let shown = flat(&screen);
    assert!(shown.contains("uppföljning 2027-01-21"), "{screen}");
    assert!(shown.contains(".ron)"), "{screen}");
}

// 8. The footer keeps the keys that matter.

#[test]
fn the_footer_keeps_initials_and_prompts_where_names_are_typed() {
    for lang in [Lang::Sv, Lang::En] {
        for phase in ["roller", "samtycke", "insatser", "barnets-rost"] {
            let mut fx = sip_app(lang);
            goto_phase(&mut fx.app, phase);
            let screen = draw(&mut fx.app, 80, 24);
            let footer: Vec<&str> = screen.lines().rev().take(2).collect();
            let footer = footer.join("\n");
            let initials = format!("i {}", T::CmdPrivacy.get(lang));
            let prompts = format!("g {}", T::CmdPrompts.get(lang));
            assert!(footer.contains(&initials), "{phase}: {footer}");
            assert!(footer.contains(&prompts), "{phase}: {footer}");
            assert!(footer.contains(&format!("? {}", T::CmdHelp.get(lang))));
        }
    }
}

#[test]
fn a_note_taller_than_the_screen_is_cut_with_a_mark() {
    let agenda = all_phases_agenda();
    let mut m = sip_meeting(&agenda);
    for i in 0..14 {
        m.organisations.push(Organisation {
            id: Id::new(format!("x{i}")),
            name: format!("Verksamhet nummer {i} i en annan kommun"),
            huvudman: Huvudman::Kommun,
            mission: String::new(),
            parent: None,
        });
        m.participants.push(professional(
            &format!("q{i}"),
            &format!("Person {i}"),
            &format!("x{i}"),
            true,
        ));
    }
    let mut fx = app_with(m, agenda, Lang::Sv, ThemeName::Default, true);
    goto_phase(&mut fx.app, "insatser");
    key(&mut fx.app, Char('a'));
    to_field(&mut fx.app, F::Decision);
    let screen = draw(&mut fx.app, 80, 24);
    // The note is cut with a mark saying how to read on.
    assert!(screen.contains("↓ … PgDn"), "{screen}");
    assert!(!screen.contains("Person 13 tillhör"), "{screen}");
    // PgDn scrolls it to its end: every person's reason can be read.
    let mut seen = flat(&screen);
    for _ in 0..10 {
        key(&mut fx.app, PageDown);
        seen.push_str(&flat(&draw(&mut fx.app, 80, 24)));
    }
    let end = draw(&mut fx.app, 80, 24);
    assert!(end.contains("↑ … PgUp"), "{end}");
    assert!(!end.contains("↓ … PgDn"), "{end}");
    for i in 0..14 {
        assert!(seen.contains(&format!("Person {i} tillhör")), "Person {i}");
    }
    // The choice itself is still the one shown, and PgUp goes back.
    assert_eq!(form(&fx.app).choice_val(F::Decision), Val::Id("p1".into()));
    for _ in 0..10 {
        key(&mut fx.app, PageUp);
    }
    assert!(draw(&mut fx.app, 80, 24).contains("↓ … PgDn"));
}

#[test]
fn help_scrolls_no_further_than_its_end() {
    let mut fx = sip_app(Lang::Sv);
    key(&mut fx.app, Char('?'));
    for _ in 0..60 {
        key(&mut fx.app, Down);
    }
    let screen = draw(&mut fx.app, 80, 24);
    let end: String = T::LegendTimer.get(Lang::Sv).chars().take(20).collect();
    assert!(screen.contains(&end), "{screen}");
}

#[test]
fn list_rows_wrap_what_would_be_cut() {
    let agenda = all_phases_agenda();
    let mut m = sip_meeting(&agenda);
    m.goals[0].indicator =
        "Närvaron över 90 % i februari, Elsas egen skattning av morgnarna och mentorns anteckningar"
            .into();
    m.participants.push(family("f1", "Omar Mohammed Svensson"));
    m.participants
        .push(family("f2", "Greta Margareta Svensson"));
    m.consents[0].given_by = vec![
        Person::Participant(Id::new("p4")),
        Person::Participant(Id::new("f1")),
        Person::Participant(Id::new("f2")),
    ];
    m.actions[0].decision = Decision::AtTable {
        by: vec![Id::new("p1")],
    };
    let mut fx = app_with(m, agenda, Lang::Sv, ThemeName::Default, true);
    goto_phase(&mut fx.app, "mal");
    let shown = flat(&draw(&mut fx.app, 80, 24));
    assert!(shown.contains("mentorns anteckningar"), "{shown}");
    goto_phase(&mut fx.app, "samtycke");
    let screen = draw(&mut fx.app, 80, 24);
    assert!(flat(&screen).contains("2027-11-20"), "{screen}");
}

#[test]
fn the_reason_for_declining_is_asked_only_of_one_who_declined() {
    let mut fx = sip_app(Lang::Sv);
    goto_phase(&mut fx.app, "roller");
    key(&mut fx.app, Char('a'));
    let asked = |app: &App| {
        form(app)
            .fields
            .iter()
            .any(|f| f.id == F::DeclineReason && !f.hidden)
    };
    assert!(!asked(&fx.app));
    assert!(!draw(&mut fx.app, 120, 40).contains("Skäl till återbud"));
    to_field(&mut fx.app, F::Attendance);
    typ(&mut fx.app, "återbud");
    assert_eq!(form(&fx.app).choice_val(F::Attendance), Val::Attend(4));
    assert!(asked(&fx.app));
    key(&mut fx.app, Tab);
    assert_eq!(form(&fx.app).focused().unwrap().id, F::DeclineReason);
}

#[test]
fn a_search_undone_leaves_nothing_unsaved() {
    for undo in [Esc, Backspace] {
        let mut fx = sip_app(Lang::Sv);
        goto_phase(&mut fx.app, "roller");
        key(&mut fx.app, Char('a'));
        to_field(&mut fx.app, F::Attendance);
        typ(&mut fx.app, "vi");
        assert_eq!(form(&fx.app).choice_val(F::Attendance), Val::Attend(1));
        assert!(form(&fx.app).dirty);
        // Esc, or Backspace over all that was typed, goes back: nothing is changed.
        let times = if undo == Esc { 1 } else { 2 };
        for _ in 0..times {
            key(&mut fx.app, undo);
        }
        assert_eq!(form(&fx.app).choice_val(F::Attendance), Val::Attend(0));
        assert!(!form(&fx.app).dirty, "{undo:?}");
        key(&mut fx.app, Esc);
        assert!(fx.app.overlay.is_none(), "{undo:?}: closed without asking");
    }
}

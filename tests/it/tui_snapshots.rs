//! Snapshot tests of the meeting screen rendered into ratatui's TestBackend: every phase
//! view at 80×24 and 120×40 in Swedish and English, and the boxes drawn over them.

use crate::common::screen as tui_common;

use crossterm::event::KeyCode;
use samsyn::i18n::Lang;
use samsyn::tui::theme::ThemeName;
use tui_common::*;

const PHASES: [&str; 12] = [
    "roller",
    "samtycke",
    "syfte",
    "genomgang",
    "nulage",
    "barnets-rost",
    "mal",
    "insatser",
    "summering",
    "uppfoljning",
    "utvardering",
    "ovrigt",
];

#[test]
fn every_phase_view_in_both_sizes_and_languages() {
    for lang in [Lang::Sv, Lang::En] {
        let mut fx = sip_app(lang);
        for phase in PHASES {
            goto_phase(&mut fx.app, phase);
            for (w, h) in [(80, 24), (120, 40)] {
                let screen = draw(&mut fx.app, w, h);
                let name = format!("{phase}_{w}x{h}_{lang:?}").to_lowercase();
                insta::assert_snapshot!(name, screen);
            }
        }
    }
}

#[test]
fn help_overlay() {
    for lang in [Lang::Sv, Lang::En] {
        let mut fx = sip_app(lang);
        goto_phase(&mut fx.app, "insatser");
        key(&mut fx.app, KeyCode::Char('?'));
        let name = format!("help_{lang:?}").to_lowercase();
        insta::assert_snapshot!(name, draw(&mut fx.app, 80, 24));
    }
}

#[test]
fn problems_list() {
    let mut fx = sip_app(Lang::Sv);
    key(&mut fx.app, KeyCode::Char('p'));
    insta::assert_snapshot!("problems_sv", draw(&mut fx.app, 80, 24));
}

#[test]
fn refused_finalize_screen() {
    for lang in [Lang::Sv, Lang::En] {
        let mut fx = sip_app(lang);
        goto_phase(&mut fx.app, "summering");
        key(&mut fx.app, KeyCode::Char('F'));
        let name = format!("refused_finalize_{lang:?}").to_lowercase();
        insta::assert_snapshot!(name, draw(&mut fx.app, 80, 24));
    }
}

#[test]
fn action_form_explains_who_may_not_decide() {
    let mut fx = sip_app(Lang::En);
    goto_phase(&mut fx.app, "insatser");
    key(&mut fx.app, KeyCode::Char('a'));
    typ(&mut fx.app, "Weekly talks with the counsellor");
    key(&mut fx.app, KeyCode::Tab);
    key(&mut fx.app, KeyCode::Right); // performer: Kim Berg, the counsellor
    insta::assert_snapshot!("action_form_en", draw(&mut fx.app, 80, 24));
}

#[test]
fn privacy_mask() {
    let mut fx = sip_app(Lang::Sv);
    key(&mut fx.app, KeyCode::Char('i'));
    goto_phase(&mut fx.app, "barnets-rost");
    insta::assert_snapshot!("privacy_child_voice", draw(&mut fx.app, 80, 24));
    goto_phase(&mut fx.app, "roller");
    insta::assert_snapshot!("privacy_roles", draw(&mut fx.app, 120, 40));
}

#[test]
fn high_contrast() {
    let agenda = all_phases_agenda();
    let m = sip_meeting(&agenda);
    let mut fx = app_with(m, agenda, Lang::Sv, ThemeName::HighContrast, true);
    goto_phase(&mut fx.app, "insatser");
    insta::assert_snapshot!("high_contrast_actions", draw(&mut fx.app, 80, 24));
}

#[test]
fn too_small() {
    for lang in [Lang::Sv, Lang::En] {
        let mut fx = sip_app(lang);
        let name = format!("too_small_{lang:?}").to_lowercase();
        insta::assert_snapshot!(name, draw(&mut fx.app, 60, 20));
    }
}

#[test]
fn start_screen() {
    let mut fx = sip_app(Lang::Sv);
    samsyn::tui::update::show_start(&mut fx.app);
    let screen = draw(&mut fx.app, 80, 24);
    // The archive lives in a temporary directory whose file name is stable.
    insta::assert_snapshot!("start_sv", screen);
}

#[test]
fn finalized_minutes_are_read_only() {
    let agenda = all_phases_agenda();
    let mut m = sip_meeting(&agenda);
    m.actions.retain(|a| a.id.as_str() != "a3");
    let at = now();
    samsyn::rules::finalize(&mut m, &agenda, "Maria Lund", at).unwrap();
    let mut fx = app_with(m, agenda, Lang::Sv, ThemeName::Default, true);
    goto_phase(&mut fx.app, "insatser");
    insta::assert_snapshot!("finalized_actions_sv", draw(&mut fx.app, 80, 24));
}

#[test]
fn confirm_finalize_names_who_finalizes() {
    let agenda = all_phases_agenda();
    let mut m = sip_meeting(&agenda);
    m.actions.retain(|a| a.id.as_str() != "a3");
    let mut fx = app_with(m, agenda, Lang::En, ThemeName::Default, true);
    goto_phase(&mut fx.app, "uppfoljning");
    key(&mut fx.app, KeyCode::Char('F'));
    insta::assert_snapshot!("confirm_finalize_en", draw(&mut fx.app, 80, 24));
}

#[test]
fn a_wide_screen_shows_the_clock_large_too() {
    let mut fx = sip_app(Lang::Sv);
    goto_phase(&mut fx.app, "insatser");
    let screen = draw(&mut fx.app, 160, 40);
    let top: Vec<&str> = screen.lines().take(5).collect();
    insta::assert_snapshot!("wide_header_160x40", top.join("\n"));
}

/// The child often has no role written: the row names how they take part, never an empty
/// dash, and no family member is shown a mandate they cannot have.
#[test]
fn a_participant_without_a_role_is_named_by_kind_and_the_family_shows_no_mandate() {
    use samsyn::meeting::ParticipantKind;
    let agenda = all_phases_agenda();
    let mut m = sip_meeting(&agenda);
    let mut child = m.participants[0].clone();
    child.id = samsyn::meeting::Id::new("p-child");
    child.name = "Elsa Svensson".into();
    child.role = String::new();
    child.kind = ParticipantKind::Child;
    child.organisation = None;
    child.mandate = None;
    m.participants.push(child);
    let mut fx = app_with(m, agenda, Lang::Sv, ThemeName::Default, true);
    goto_phase(&mut fx.app, "roller");
    let screen = draw(&mut fx.app, 120, 40);
    let row = screen
        .lines()
        .find(|l| l.contains("Elsa Svensson —"))
        .expect("the child's row");
    assert!(row.contains("Elsa Svensson — barnet / den unge"), "{row}");
    for line in screen.lines().filter(|l| l.contains("familjen")) {
        assert!(!line.contains("Mandat"), "{line}");
    }
}

/// The start screen over the fixture's archive with these examples copied in, at 120×60.
fn start_with(examples: &[&str]) -> String {
    let mut fx = sip_app(Lang::Sv);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    for f in examples {
        std::fs::copy(dir.join(f), fx.dir.path().join(f)).unwrap();
    }
    samsyn::tui::update::show_start(&mut fx.app);
    draw(&mut fx.app, 120, 60)
}

/// What needs attention is listed most urgent first, as `samsyn followups` lists it: what
/// is overdue (said in words, not only in red), then what is due soon.
#[test]
fn the_start_screen_lists_what_is_overdue_first_and_says_so() {
    let screen = start_with(&["sip-bup.ron"]);
    let dated: Vec<&str> = screen
        .lines()
        .map(|l| l.trim_start_matches(['"', '│', '▶', ' ']))
        .filter(|l| {
            let b = l.as_bytes();
            b.len() > 10 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-'
        })
        .filter(|l| l.contains(':'))
        .collect();
    let overdue: Vec<bool> = dated.iter().map(|l| l.contains("FÖRSENAD")).collect();
    assert!(
        overdue.contains(&true) && overdue.contains(&false),
        "{screen}"
    );
    let first_soon = overdue.iter().position(|o| !o).unwrap();
    assert!(
        overdue[first_soon..].iter().all(|o| !o),
        "overdue after what is due soon:\n{screen}"
    );
    assert!(!screen.contains("… och"), "{screen}");
}

/// Only the first eight are listed; the rest are counted, never silently left out.
#[test]
fn the_start_screen_counts_what_it_does_not_list() {
    let screen = start_with(&["sip-bup.ron", "samba-skolfranvaro.ron", "sip-kallelse.ron"]);
    let heading = screen
        .split("Att följa upp (")
        .nth(1)
        .and_then(|r| r.split(')').next())
        .and_then(|n| n.parse::<usize>().ok())
        .expect("the heading counts them");
    assert!(heading > 8, "{screen}");
    let more = format!("… och {} till: samsyn followups visar alla", heading - 8);
    assert!(screen.contains(&more), "{screen}");
}

//! The shipped agendas hold what SPEC §6 promises: the phases in order, Swedish and
//! English throughout, real prompts, time boxes, required flags and the rules.

use samsyn::agenda::{Agenda, PhaseKind, builtin};

fn agenda(id: &str) -> Agenda {
    builtin()
        .into_iter()
        .find(|a| a.id == id)
        .unwrap_or_else(|| panic!("no built-in agenda {id}"))
}

fn kinds(a: &Agenda) -> Vec<PhaseKind> {
    a.phases.iter().map(|p| p.kind).collect()
}

#[test]
fn the_phases_come_in_the_order_the_spec_gives() {
    use PhaseKind::*;
    assert_eq!(
        kinds(&agenda("samba")),
        [
            Roles, Consent, Purpose, Situation, ChildVoice, Goal, Actions, Summary, FollowUp,
            Evaluation
        ]
    );
    assert_eq!(
        kinds(&agenda("sip")),
        [
            Roles, Consent, Situation, ChildVoice, Goal, Actions, Summary, FollowUp, Evaluation
        ]
    );
    assert_eq!(
        kinds(&agenda("sip-uppfoljning")),
        [
            Roles, Consent, Review, Situation, Goal, Actions, Summary, FollowUp, Evaluation
        ]
    );
}

#[test]
fn the_rules_match_the_meeting_type() {
    let samba = agenda("samba");
    assert!(samba.rules.consent_required);
    assert!(!samba.rules.overall_responsible_required);
    assert_eq!(samba.rules.max_weeks_to_follow_up, 12);
    assert!(!samba.rules.follow_up_meeting);

    let sip = agenda("sip");
    assert!(sip.rules.consent_required);
    assert!(sip.rules.overall_responsible_required);
    assert!(!sip.rules.follow_up_meeting);

    let follow = agenda("sip-uppfoljning");
    assert!(follow.rules.consent_required);
    assert!(follow.rules.overall_responsible_required);
    assert!(follow.rules.follow_up_meeting);
}

#[test]
fn the_phases_that_protect_the_child_are_required_and_evaluation_is_not() {
    use PhaseKind::*;
    for a in builtin() {
        for phase in &a.phases {
            match phase.kind {
                Roles | Consent | ChildVoice | Goal | Actions | FollowUp => {
                    assert!(phase.required, "{}: {} must be required", a.id, phase.id)
                }
                Evaluation => assert!(!phase.required, "{}: {}", a.id, phase.id),
                _ => {}
            }
        }
    }
}

#[test]
fn every_text_is_written_in_swedish_and_english() {
    for a in builtin() {
        let texts = [
            ("name", &a.name),
            ("description", &a.description),
            ("legal_reference", &a.legal_reference),
            ("confidentiality", &a.confidentiality),
        ];
        for (field, text) in texts {
            assert!(!text.sv.trim().is_empty(), "{}.{field}.sv", a.id);
            assert!(!text.en.trim().is_empty(), "{}.{field}.en", a.id);
        }
        for phase in &a.phases {
            assert!(!phase.title.sv.trim().is_empty(), "{}.{}", a.id, phase.id);
            assert!(!phase.title.en.trim().is_empty(), "{}.{}", a.id, phase.id);
            assert!(
                (3..=6).contains(&phase.prompts.len()),
                "{}.{}: {} prompts",
                a.id,
                phase.id,
                phase.prompts.len()
            );
            for prompt in &phase.prompts {
                assert!(!prompt.sv.trim().is_empty(), "{}.{}", a.id, phase.id);
                assert!(!prompt.en.trim().is_empty(), "{}.{}", a.id, phase.id);
                assert_ne!(prompt.sv, prompt.en, "{}.{}: untranslated", a.id, phase.id);
            }
        }
    }
}

#[test]
fn time_boxes_add_up_to_a_meeting_people_can_sit_through() {
    for a in builtin() {
        let total = a.typical_minutes();
        assert!((60..=120).contains(&total), "{}: {total} minutes", a.id);
        for phase in &a.phases {
            assert!(
                (3..=30).contains(&phase.minutes),
                "{}.{}: {} minutes",
                a.id,
                phase.id,
                phase.minutes
            );
        }
    }
}

#[test]
fn the_samba_leader_states_the_neutral_role_and_the_ground_rules() {
    let samba = agenda("samba");
    let roles = samba.phase_of_kind(PhaseKind::Roles).unwrap();
    let sv: String = roles.prompts.iter().map(|p| p.sv.to_lowercase()).collect();
    assert!(sv.contains("neutral"), "{sv}");
    assert!(sv.contains("spelregler"), "{sv}");
    assert!(samba.legal_reference.sv.contains("inte en lag"));
}

#[test]
fn the_sip_legal_reference_cites_the_rule_and_what_the_plan_must_show() {
    for id in ["sip", "sip-uppfoljning"] {
        let text = &agenda(id).legal_reference.sv;
        assert!(
            text.contains("16 kap. 4 § hälso- och sjukvårdslagen (2017:30)"),
            "{id}"
        );
        assert!(
            text.contains("2 kap. 7 § socialtjänstlagen (2001:453)"),
            "{id}"
        );
        for must_show in [
            "vilka insatser som behövs",
            "vilka insatser respektive huvudman ska svara för",
            "vilka åtgärder som vidtas av någon annan än kommunen eller regionen",
            "vem av huvudmännen som ska ha det övergripande ansvaret för planen",
        ] {
            assert!(text.contains(must_show), "{id}: {must_show}");
        }
        assert!(!text.contains("personnummer"));
    }
}

#[test]
fn the_catalogue_read_for_one_agenda_gives_it_as_the_whole_catalogue_does() {
    let whole = samsyn::agenda::Catalogue::load();
    for (a, _) in &samsyn::agenda::Catalogue::builtin().agendas {
        assert_eq!(samsyn::agenda::builtin_agenda(&a.id).as_ref(), Some(a));
        let one = samsyn::agenda::Catalogue::load_for(&a.id);
        assert_eq!(one.get(&a.id), whole.get(&a.id), "{}", a.id);
    }
    assert_eq!(samsyn::agenda::builtin_agenda("ingen-sadan"), None);
}

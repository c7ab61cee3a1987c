//! The rules of SPEC §4–§5 as pure functions: each blocking rule and each warning has a
//! case that trips it and a case that does not, and the mandate rule has its own table.

use crate::common::build;
use chrono::{NaiveDate, NaiveDateTime};
use samsyn::agenda::{Agenda, Phase, PhaseKind, Rules, Text};
use samsyn::meeting::{
    Action, ActionStatus, Attendance, Decision, Huvudman, Id, Meeting, ParticipantKind, Performer,
    Person, Responsibility,
};
use samsyn::rules::{self, Code, MandateViolation, Severity, Target};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn text(s: &str) -> Text {
    Text {
        sv: s.into(),
        en: s.into(),
    }
}

fn phase(id: &str, kind: PhaseKind, required: bool) -> Phase {
    Phase {
        id: id.into(),
        kind,
        title: text(id),
        prompts: vec![],
        minutes: 10,
        required,
    }
}

/// A SIP-like agenda built here so the tests do not depend on the shipped text.
fn sip_agenda() -> Agenda {
    Agenda {
        format: 1,
        id: "sip".into(),
        version: 1,
        name: text("SIP"),
        description: text("SIP"),
        legal_reference: text(""),
        confidentiality: text(""),
        follow_up_agenda: None,
        evaluation_per_person: false,
        rules: Rules {
            consent_required: true,
            overall_responsible_required: true,
            overall_responsible_huvudman: vec![Huvudman::Kommun, Huvudman::Region],
            max_weeks_to_follow_up: 12,
            follow_up_meeting: false,
            invitation_days_before: 14,
        },
        phases: vec![
            phase("roller", PhaseKind::Roles, true),
            phase("samtycke", PhaseKind::Consent, true),
            phase("nulage", PhaseKind::Situation, false),
            phase("barnets-rost", PhaseKind::ChildVoice, true),
            phase("mal", PhaseKind::Goal, true),
            phase("insatser", PhaseKind::Actions, true),
            phase("summering", PhaseKind::Summary, false),
            phase("uppfoljning", PhaseKind::FollowUp, true),
            phase("utvardering", PhaseKind::Evaluation, false),
        ],
    }
}

use crate::common::fixtures::{self, person};

const SCHOOL: &str = "o1";
const SOCIAL: &str = "o2";
/// Nyboskolan's pupil health team, a unit under the school.
const HEALTH_TEAM: &str = "o3";
const STATE: &str = "o4";
const PRIVATE: &str = "o5";
const REGION: &str = "o6";

fn id(s: &str) -> Option<Id> {
    Some(Id::new(s))
}

/// A meeting that can be finalized under `sip_agenda`, with no warnings: the durability
/// tests' meeting, with more kinds of organisation, a professional without mandate (p4)
/// and a second action, every action confirmed at the table.
fn valid() -> Meeting {
    let mut m = fixtures::meeting_named("", "Maria Mamma");
    m.agenda.id = "sip".into();
    m.title = "SIP".into();
    m.organisations.extend([
        build::unit(
            HEALTH_TEAM,
            "Nyboskolan, elevhälsan",
            Huvudman::Kommun,
            SCHOOL,
        ),
        build::org(STATE, "Försäkringskassan", Huvudman::Statlig),
        build::org(PRIVATE, "Vårdbolaget Omsorg AB", Huvudman::Privat),
        build::org(REGION, "BUP", Huvudman::Region),
    ]);
    m.participants.push(person(
        "p4",
        "Jon Kurator",
        Some(SCHOOL),
        ParticipantKind::Professional,
        false,
    ));
    let mut a2 = Action::new(
        Id::new("a2"),
        "Familjebehandling",
        Performer::Participant(Id::new("p2")),
        id(SOCIAL),
        Decision::AtTable {
            by: vec![Id::new("p2")],
        },
    );
    a2.deadline = Some(day("2027-01-31"));
    m.actions.push(a2);
    // Read back and confirmed at the table.
    for a in &mut m.actions {
        a.confirmed = true;
    }
    m.phase_mut("roller").heard.push(Id::new("p4"));
    m
}

/// Elin, the child, joins the meeting as p5.
fn add_child(m: &mut Meeting) {
    m.participants
        .push(person("p5", "Elin", None, ParticipantKind::Child, false));
}

/// A family action: performed by `performer`, decided at the table by `by`.
fn family_action(m: &mut Meeting, performer: Performer, by: &str) {
    m.actions[0].performer = Some(performer);
    m.actions[0].organisation = None;
    m.actions[0].decision = Decision::AtTable {
        by: vec![Id::new(by)],
    };
}

/// A decision awaited from `maker` at `organisation`, by `date`.
fn awaiting(maker: &str, organisation: &str, date: Option<&str>) -> Decision {
    Decision::Awaiting {
        decision_maker: maker.into(),
        organisation: Some(Id::new(organisation)),
        decide_by: date.map(day),
        reason: String::new(),
    }
}

fn codes(m: &Meeting) -> Vec<Code> {
    rules::check(m, &sip_agenda())
        .iter()
        .map(|p| p.code)
        .collect()
}

fn blocking_codes(m: &Meeting) -> Vec<Code> {
    rules::blocking(m, &sip_agenda())
        .iter()
        .map(|p| p.code)
        .collect()
}

#[test]
fn the_valid_meeting_has_no_problems_at_all() {
    assert_eq!(codes(&valid()), vec![]);
}

/// Each case: a change that must trip exactly the named code.
fn trips(code: Code, change: impl FnOnce(&mut Meeting)) {
    let mut m = valid();
    change(&mut m);
    let found = codes(&m);
    assert!(found.contains(&code), "expected {code:?}, got {found:?}");
    let p = rules::check(&m, &sip_agenda())
        .into_iter()
        .find(|p| p.code == code)
        .unwrap();
    assert!(
        !p.sv.is_empty() && !p.en.is_empty() && p.sv != p.en,
        "{code:?} needs both languages"
    );
}

#[test]
fn rule_1_facilitator_and_participants() {
    trips(Code::NoFacilitator, |m| m.facilitator = "  ".into());
    trips(Code::NoParticipants, |m| {
        m.participants.clear();
        m.actions.clear();
    });
}

#[test]
fn rule_2_consent_missing_withdrawn_or_expired() {
    trips(Code::ConsentMissing, |m| m.consents.clear());
    trips(Code::ConsentNotValid, |m| {
        m.consents[0].withdrawn = Some(day("2026-12-01"))
    });
    trips(Code::ConsentNotValid, |m| {
        m.consents[0].valid_until = Some(day("2026-12-02"))
    });
    // Consent comes from the family, not from a professional at the table.
    trips(Code::ConsentNotValid, |m| {
        m.consents[0].given_by = vec![Person::Participant(Id::new("p1"))]
    });
    let mut m = valid();
    m.consents[0].given_by = vec![Person::Named("Elins pappa, per telefon".into())];
    assert_eq!(blocking_codes(&m), vec![]);
    // Given jointly by a guardian and someone named: one record for both.
    m.consents[0]
        .given_by
        .insert(0, Person::Participant(Id::new("p3")));
    assert_eq!(blocking_codes(&m), vec![]);
    // Jointly with a professional it is not the family's consent.
    let mut m = valid();
    m.consents[0]
        .given_by
        .push(Person::Participant(Id::new("p1")));
    assert!(blocking_codes(&m).contains(&Code::ConsentNotValid));
    // Nobody named as giving it.
    let mut m = valid();
    m.consents[0].given_by.clear();
    assert!(blocking_codes(&m).contains(&Code::ConsentNotValid));
    let m = valid();
    assert_eq!(blocking_codes(&m), vec![]);
    // Expiring on the meeting day is still valid that day.
    let mut m = valid();
    m.consents[0].valid_until = Some(m.date);
    assert!(!blocking_codes(&m).contains(&Code::ConsentNotValid));
    // One withdrawn consent does not matter while another valid one exists.
    let mut m = valid();
    let mut old = m.consents[0].clone();
    old.withdrawn = Some(day("2026-01-01"));
    m.consents.insert(0, old);
    assert_eq!(blocking_codes(&m), vec![]);
}

#[test]
fn consent_is_not_checked_when_the_agenda_does_not_require_it() {
    let mut agenda = sip_agenda();
    agenda.rules.consent_required = false;
    let mut m = valid();
    m.consents.clear();
    // The Consent phase is still required, so an empty one is reported as such…
    let codes: Vec<Code> = rules::blocking(&m, &agenda)
        .iter()
        .map(|p| p.code)
        .collect();
    assert_eq!(codes, vec![Code::RequiredPhaseEmpty]);
    // …and with an optional Consent phase nothing blocks.
    agenda.phases[1].required = false;
    assert!(rules::blocking(&m, &agenda).is_empty());
}

#[test]
fn rule_3_action_fields() {
    trips(Code::ActionNoWhat, |m| m.actions[0].what = String::new());
    trips(Code::ActionNoPerformer, |m| m.actions[0].performer = None);
    trips(Code::ActionNoPerformer, |m| {
        m.actions[0].performer = Some(Performer::Named(" ".into()))
    });
    trips(Code::ActionNoOrganisation, |m| {
        m.actions[0].organisation = None
    });
    trips(Code::ActionNoDeadline, |m| m.actions[0].deadline = None);
    // An awaited decision sets its own date; the deadline may follow from it.
    let mut m = valid();
    m.actions[1].decision = awaiting("Enhetschef", SOCIAL, Some("2027-01-10"));
    m.actions[1].deadline = None;
    assert_eq!(blocking_codes(&m), vec![]);
}

/// The mandate rule's table (SPEC §4).
#[test]
fn mandate_rule_table() {
    type Setup = fn(&mut Meeting);
    let cases: Vec<(&str, Setup, Option<Code>)> = vec![
        (
            "present decider with mandate, same organisation",
            |_| {},
            None,
        ),
        (
            "decider on video counts as present",
            |m| m.participants[0].attendance = Attendance::Video,
            None,
        ),
        (
            "decider on the phone counts as present",
            |m| m.participants[0].attendance = Attendance::Phone,
            None,
        ),
        (
            "a rektor decides for a unit under the school (its pupil health team)",
            |m| m.actions[0].organisation = id(HEALTH_TEAM),
            None,
        ),
        (
            "a kurator of the pupil health team performs the school's action",
            |m| {
                m.participants[3].organisation = id(HEALTH_TEAM);
                m.actions[0].performer = Some(Performer::Participant(Id::new("p4")));
            },
            None,
        ),
        (
            "the unit's head cannot decide for the school above it",
            |m| m.participants[0].organisation = id(HEALTH_TEAM),
            Some(Code::DeciderOtherOrganisation),
        ),
        (
            "cost on the decider's organisation, mandate includes costs",
            |m| m.actions[0].cost_bearer = id(SCHOOL),
            None,
        ),
        (
            "cost on the decider's organisation, mandate without costs",
            |m| {
                m.actions[0].cost_bearer = id(SCHOOL);
                m.participants[0].mandate.as_mut().unwrap().costs = false;
            },
            Some(Code::DeciderNoCostMandate),
        ),
        (
            "cost on a unit under the decider's organisation, mandate without costs",
            |m| {
                m.actions[0].cost_bearer = id(HEALTH_TEAM);
                m.participants[0].mandate.as_mut().unwrap().costs = false;
            },
            Some(Code::DeciderNoCostMandate),
        ),
        (
            "no cost, mandate without costs",
            |m| m.participants[0].mandate.as_mut().unwrap().costs = false,
            None,
        ),
        (
            "cost awaited from the one with the cost mandate",
            |m| {
                m.actions[0].cost_bearer = id(SCHOOL);
                m.participants[0].mandate.as_mut().unwrap().costs = false;
                m.actions[0].decision = awaiting("Skolchef", SCHOOL, Some("2027-01-10"));
            },
            None,
        ),
        (
            "awaited decide-by after the action's deadline",
            |m| {
                m.actions[1].decision = awaiting("Enhetschef", SOCIAL, Some("2027-02-05"));
                m.actions[1].deadline = Some(day("2027-01-31"));
            },
            Some(Code::AwaitingAfterDeadline),
        ),
        (
            "awaited decide-by on the action's deadline",
            |m| m.actions[1].decision = awaiting("Enhetschef", SOCIAL, Some("2027-01-31")),
            None,
        ),
        (
            "joint family decision by both guardians",
            |m| {
                m.participants.push(person(
                    "p6",
                    "Sven Pappa",
                    None,
                    ParticipantKind::Guardian,
                    false,
                ));
                family_action(m, Performer::Family, "p3");
                m.actions[0].decision = Decision::AtTable {
                    by: vec![Id::new("p3"), Id::new("p6")],
                };
            },
            None,
        ),
        (
            "joint family decision: the guardian and the young person",
            |m| {
                add_child(m);
                family_action(m, Performer::Family, "p3");
                m.actions[0].decision = Decision::AtTable {
                    by: vec![Id::new("p3"), Id::new("p5")],
                };
            },
            None,
        ),
        (
            "joint family decision with one member absent",
            |m| {
                let mut dad = person("p6", "Sven Pappa", None, ParticipantKind::Guardian, false);
                dad.attendance = Attendance::Absent;
                m.participants.push(dad);
                family_action(m, Performer::Family, "p3");
                m.actions[0].decision = Decision::AtTable {
                    by: vec![Id::new("p3"), Id::new("p6")],
                };
            },
            Some(Code::DeciderAbsent),
        ),
        (
            "a joint family decision needs someone who may decide it",
            |m| {
                add_child(m);
                m.participants.push(person(
                    "p6",
                    "Moster",
                    None,
                    ParticipantKind::Relative,
                    false,
                ));
                family_action(m, Performer::Family, "p3");
                m.actions[0].decision = Decision::AtTable {
                    by: vec![Id::new("p5"), Id::new("p6")],
                };
            },
            Some(Code::FamilyDecidesForOthers),
        ),
        (
            "a professional cannot join the family's own decision",
            |m| {
                family_action(m, Performer::Family, "p3");
                m.actions[0].decision = Decision::AtTable {
                    by: vec![Id::new("p3"), Id::new("p1")],
                };
            },
            Some(Code::DeciderOtherOrganisation),
        ),
        (
            "nobody named as deciding",
            |m| m.actions[0].decision = Decision::AtTable { by: vec![] },
            Some(Code::DeciderUnknown),
        ),
        (
            "absent decider",
            |m| m.participants[0].attendance = Attendance::Absent,
            Some(Code::DeciderAbsent),
        ),
        (
            "decider who declined",
            |m| {
                m.participants[0].attendance = Attendance::Declined {
                    reason: "sjuk".into(),
                }
            },
            Some(Code::DeciderAbsent),
        ),
        (
            "decider without mandate",
            |m| {
                m.actions[0].decision = Decision::AtTable {
                    by: vec![Id::new("p4")],
                }
            },
            Some(Code::DeciderNoMandate),
        ),
        (
            "decider from another organisation",
            |m| {
                m.actions[0].decision = Decision::AtTable {
                    by: vec![Id::new("p2")],
                }
            },
            Some(Code::DeciderOtherOrganisation),
        ),
        (
            "family decides its own action",
            |m| {
                family_action(m, Performer::Family, "p3");
            },
            None,
        ),
        (
            "a guardian performing decides their own action",
            |m| {
                family_action(m, Performer::Participant(Id::new("p3")), "p3");
            },
            None,
        ),
        (
            "family cannot decide the school's action",
            |m| {
                m.actions[0].decision = Decision::AtTable {
                    by: vec![Id::new("p3")],
                }
            },
            Some(Code::FamilyDecidesForOthers),
        ),
        (
            "absent family member cannot decide even their own action",
            |m| {
                family_action(m, Performer::Family, "p3");
                m.participants[2].attendance = Attendance::Absent;
            },
            Some(Code::DeciderAbsent),
        ),
        (
            "awaiting with decision maker and date before the follow-up",
            |m| m.actions[1].decision = awaiting("Enhetschef", SOCIAL, Some("2027-01-10")),
            None,
        ),
        (
            "awaiting decided on the follow-up day itself",
            |m| {
                m.actions[1].decision = awaiting("Enhetschef", SOCIAL, Some("2027-02-11"));
                m.actions[1].deadline = None;
            },
            None,
        ),
        (
            "awaiting without date",
            |m| m.actions[1].decision = awaiting("Enhetschef", SOCIAL, None),
            Some(Code::AwaitingNoDate),
        ),
        (
            "awaiting without decision maker",
            |m| m.actions[1].decision = awaiting(" ", SOCIAL, Some("2027-01-10")),
            Some(Code::AwaitingNoDecisionMaker),
        ),
        (
            "awaiting date after the follow-up",
            |m| {
                m.actions[1].decision = awaiting("Enhetschef", SOCIAL, Some("2027-02-12"));
                m.actions[1].deadline = None;
            },
            Some(Code::AwaitingAfterFollowUp),
        ),
        (
            "a child cannot decide what the family as a whole does",
            |m| {
                add_child(m);
                family_action(m, Performer::Family, "p5");
            },
            Some(Code::FamilyDecidesForOthers),
        ),
        (
            "a child decides what the child will do",
            |m| {
                add_child(m);
                family_action(m, Performer::Participant(Id::new("p5")), "p5");
            },
            None,
        ),
        (
            "a guardian decides what the child will do",
            |m| {
                add_child(m);
                family_action(m, Performer::Participant(Id::new("p5")), "p3");
            },
            None,
        ),
        (
            "awaiting a decision maker from another organisation",
            |m| m.actions[1].decision = awaiting("Rektor", SCHOOL, Some("2027-01-10")),
            Some(Code::AwaitingOtherOrganisation),
        ),
        (
            "awaiting a decision from the kurator at the table, who has no mandate",
            |m| m.actions[0].decision = awaiting("Jon Kurator, skolan", SCHOOL, Some("2027-01-10")),
            Some(Code::AwaitingFromNonDecider),
        ),
        (
            "awaiting a decision from someone with mandate who is not here",
            |m| {
                m.participants[0].attendance = Attendance::Absent;
                m.actions[0].decision = awaiting("Eva Rektor", SCHOOL, Some("2027-01-10"));
            },
            None,
        ),
        (
            "awaiting a decision dated before the meeting",
            |m| m.actions[1].decision = awaiting("Enhetschef", SOCIAL, Some("2026-12-02")),
            Some(Code::AwaitingBeforeMeeting),
        ),
        (
            "a decider cannot move another organisation's performer into their own",
            |m| m.actions[0].performer = Some(Performer::Participant(Id::new("p2"))),
            Some(Code::PerformerOtherOrganisation),
        ),
        (
            "a professional of no organisation is still a professional without mandate",
            |m| {
                m.participants[3].organisation = None;
                m.actions[0].performer = Some(Performer::Participant(Id::new("p4")));
                m.actions[0].decision = Decision::AtTable {
                    by: vec![Id::new("p4")],
                };
            },
            Some(Code::DeciderNoMandate),
        ),
        (
            "a guardian cannot take on social services' action by performing it",
            |m| {
                m.actions[1].performer = Some(Performer::Participant(Id::new("p3")));
                m.actions[1].decision = Decision::AtTable {
                    by: vec![Id::new("p3")],
                };
            },
            Some(Code::PerformerOtherOrganisation),
        ),
        (
            "a family action filed under a huvudman is refused",
            |m| {
                family_action(m, Performer::Family, "p3");
                m.actions[0].organisation = id(SCHOOL);
            },
            Some(Code::PerformerOtherOrganisation),
        ),
        (
            "decider who is not a participant",
            |m| {
                m.actions[0].decision = Decision::AtTable {
                    by: vec![Id::new("p99")],
                }
            },
            Some(Code::DeciderUnknown),
        ),
    ];
    for (name, setup, expected) in cases {
        let mut m = valid();
        setup(&mut m);
        let mandate_codes: Vec<Code> = rules::blocking(&m, &sip_agenda())
            .iter()
            .map(|p| p.code)
            .collect();
        match expected {
            None => assert_eq!(mandate_codes, vec![], "{name}"),
            Some(code) => assert_eq!(mandate_codes, vec![code], "{name}"),
        }
    }
}

#[test]
fn attendance_changing_after_the_action_makes_it_invalid() {
    let mut m = valid();
    assert_eq!(rules::decision_violation(&m, &m.actions[0]), None);
    m.participants[0].attendance = Attendance::Absent;
    assert_eq!(
        rules::decision_violation(&m, &m.actions[0]),
        Some(MandateViolation::DeciderAbsent(Id::new("p1")))
    );
    m.participants[0].attendance = Attendance::InRoom;
    m.participants[0].mandate = None;
    assert_eq!(
        rules::decision_violation(&m, &m.actions[0]),
        Some(MandateViolation::DeciderNoMandate(Id::new("p1")))
    );
}

#[test]
fn eligible_deciders_are_those_the_rule_accepts() {
    let m = valid();
    let names = |a: &Action| -> Vec<String> {
        rules::eligible_deciders(&m, a)
            .iter()
            .map(|p| p.id.to_string())
            .collect()
    };
    // The school's action: only the rektor (the kurator has no mandate).
    assert_eq!(names(&m.actions[0]), vec!["p1"]);
    assert_eq!(names(&m.actions[1]), vec!["p2"]);
    let mut family = m.actions[0].clone();
    family.performer = Some(Performer::Family);
    family.organisation = None;
    assert_eq!(names(&family), vec!["p3"]);
    // The cost on the school: a rektor whose mandate leaves costs out is not offered.
    let mut m = valid();
    m.participants[0].mandate.as_mut().unwrap().costs = false;
    let mut costly = m.actions[0].clone();
    costly.cost_bearer = id(SCHOOL);
    let offered: Vec<String> = rules::eligible_deciders(&m, &costly)
        .iter()
        .map(|p| p.id.to_string())
        .collect();
    assert!(offered.is_empty(), "{offered:?}");
    let (sv, en) = rules::why_not_decider(&m, &costly, &Id::new("p1"))
        .unwrap()
        .describe(&m);
    assert!(
        sv.contains("kostnader") && en.contains("costs"),
        "{sv} / {en}"
    );
}

#[test]
fn sip_overall_responsibility_lies_with_kommun_or_region() {
    for (org, expected) in [
        (SOCIAL, None),
        (REGION, None),
        (STATE, Some(Code::OverallResponsibleWrongHuvudman)),
        (PRIVATE, Some(Code::OverallResponsibleWrongHuvudman)),
    ] {
        let mut m = valid();
        m.overall_responsible = Some(Responsibility {
            organisation: Id::new(org),
            person: None,
        });
        let found = blocking_codes(&m);
        match expected {
            None => assert_eq!(found, vec![], "{org}"),
            Some(code) => assert_eq!(found, vec![code], "{org}"),
        }
    }
    // The family is no organisation: it cannot be named, only a family person can.
    trips(Code::FamilyOverallResponsible, |m| {
        m.overall_responsible.as_mut().unwrap().person = Some(Person::Participant(Id::new("p3")))
    });
    // The person named must be of the organisation that holds it.
    trips(Code::OverallPersonOtherOrganisation, |m| {
        m.overall_responsible.as_mut().unwrap().person = Some(Person::Participant(Id::new("p1")))
    });
    // Or of a unit under it.
    let mut m = valid();
    m.overall_responsible = Some(Responsibility {
        organisation: Id::new(SCHOOL),
        person: Some(Person::Participant(Id::new("p4"))),
    });
    m.participants[3].organisation = id(HEALTH_TEAM);
    assert_eq!(blocking_codes(&m), vec![]);
    // An agenda without the rule takes any organisation, and warns when none is named.
    let mut agenda = sip_agenda();
    agenda.rules.overall_responsible_huvudman.clear();
    agenda.rules.overall_responsible_required = false;
    let mut m = valid();
    m.overall_responsible = Some(Responsibility {
        organisation: Id::new(STATE),
        person: None,
    });
    assert!(rules::blocking(&m, &agenda).is_empty());
    m.overall_responsible = None;
    m.coordinator = None;
    let warned: Vec<Code> = rules::check(&m, &agenda).iter().map(|p| p.code).collect();
    assert!(
        warned.contains(&Code::OverallResponsibleMissing),
        "{warned:?}"
    );
    assert!(warned.contains(&Code::NoCoordinator), "{warned:?}");
}

#[test]
fn warning_cost_on_another_organisation_and_consent_naming_it() {
    trips(Code::CostOnOtherOrganisation, |m| {
        m.actions[0].cost_bearer = id(SOCIAL)
    });
    let mut m = valid();
    m.actions[0].cost_bearer = id(SCHOOL);
    assert_eq!(codes(&m), vec![]);
    trips(Code::ConsentDoesNotNameOrganisation, |m| {
        m.consents[0].organisations = vec![Id::new(SCHOOL)]
    });
    // Naming the school covers its pupil health team.
    let mut m = valid();
    m.actions[0].organisation = id(HEALTH_TEAM);
    assert_eq!(codes(&m), vec![]);
}

#[test]
fn rule_4_shared_goal() {
    trips(Code::NoSharedGoal, |m| m.goals.clear());
    trips(Code::NoSharedGoal, |m| m.goals[0].text = " ".into());
    let mut agenda = sip_agenda();
    agenda.phases.retain(|p| p.kind != PhaseKind::Goal);
    let mut m = valid();
    m.goals.clear();
    assert!(
        rules::blocking(&m, &agenda).is_empty(),
        "no goal phase, no goal rule"
    );
}

#[test]
fn rule_5_overall_responsible() {
    trips(Code::NoOverallResponsible, |m| m.overall_responsible = None);
    let mut agenda = sip_agenda();
    agenda.rules.overall_responsible_required = false;
    let mut m = valid();
    m.overall_responsible = None;
    assert!(rules::blocking(&m, &agenda).is_empty());
}

#[test]
fn rule_6_follow_up() {
    trips(Code::NoFollowUp, |m| m.follow_up = None);
    trips(Code::FollowUpNotAfterMeeting, |m| {
        m.follow_up.as_mut().unwrap().date = m.date
    });
    trips(Code::FollowUpNoConvener, |m| {
        m.follow_up.as_mut().unwrap().convener = None
    });
    trips(Code::FollowUpNoConvener, |m| {
        m.follow_up.as_mut().unwrap().convener = Some(Person::Named(String::new()))
    });
}

#[test]
fn rule_6_a_follow_up_meeting_may_close_the_plan_with_a_reason() {
    let mut agenda = sip_agenda();
    agenda.rules.follow_up_meeting = true;
    agenda
        .phases
        .push(phase("genomgang", PhaseKind::Review, false));
    let mut m = valid();
    m.follow_up = None;
    let blocking =
        |m: &Meeting| -> Vec<Code> { rules::blocking(m, &agenda).iter().map(|p| p.code).collect() };
    assert_eq!(blocking(&m), vec![Code::NoFollowUp]);
    m.plan_closed = Some("Målen är nådda.".into());
    assert_eq!(blocking(&m), vec![]);
    m.plan_closed = Some("  ".into());
    assert_eq!(blocking(&m), vec![Code::PlanClosedNoReason]);
    // An ordinary meeting cannot close the plan instead of following up.
    let mut m = valid();
    m.follow_up = None;
    m.plan_closed = Some("Klart".into());
    assert_eq!(blocking_codes(&m), vec![Code::NoFollowUp]);
}

#[test]
fn rule_7_required_phases() {
    trips(Code::RequiredPhaseEmpty, |m| m.child_voice.views.clear());
    // The child's voice may instead carry a reason why it could not be obtained.
    let mut m = valid();
    m.child_voice.views.clear();
    m.child_voice.not_obtained_reason = "Barnet ville inte delta och vi respekterar det.".into();
    assert_eq!(blocking_codes(&m), vec![]);
    trips(Code::RequiredPhaseEmpty, |m| m.actions.clear());
    // A phase that is not required may be empty.
    let mut m = valid();
    m.situation = Default::default();
    assert_eq!(blocking_codes(&m), vec![]);
}

#[test]
fn warnings_never_block() {
    let mut m = valid();
    m.follow_up.as_mut().unwrap().date = day("2027-12-01");
    m.coordinator = Some(Person::Participant(Id::new("p3")));
    let problems = rules::check(&m, &sip_agenda());
    assert!(!problems.is_empty());
    assert!(problems.iter().all(|p| p.severity == Severity::Warning));
    assert!(rules::blocking(&m, &sip_agenda()).is_empty());
}

#[test]
fn warning_organisation_without_mandate() {
    trips(Code::OrganisationWithoutMandate, |m| {
        m.actions[1].decision = awaiting("Enhetschef", SOCIAL, Some("2027-01-10"));
        m.participants[1].mandate = None;
    });
    // A family action needs no professional with mandate.
    let mut m = valid();
    let mut fam = m.actions[0].clone();
    fam.id = Id::new("a3");
    fam.performer = Some(Performer::Family);
    fam.organisation = None;
    fam.decision = Decision::AtTable {
        by: vec![Id::new("p3")],
    };
    m.actions.push(fam);
    assert_eq!(codes(&m), vec![]);
}

#[test]
fn warning_single_organisation() {
    trips(Code::SingleOrganisation, |m| {
        m.actions[1].organisation = id(SCHOOL);
        m.actions[1].decision = Decision::AtTable {
            by: vec![Id::new("p1")],
        };
    });
}

#[test]
fn warning_follow_up_too_far() {
    trips(Code::FollowUpTooFar, |m| {
        m.follow_up.as_mut().unwrap().date = day("2027-02-26")
    });
    // Exactly twelve weeks is within the limit.
    let mut m = valid();
    m.follow_up.as_mut().unwrap().date = day("2027-02-25");
    assert_eq!(codes(&m), vec![]);
}

#[test]
fn warning_family_as_coordinator_or_overall_responsible() {
    trips(Code::FamilyCoordinator, |m| {
        m.coordinator = Some(Person::Participant(Id::new("p3")))
    });
    trips(Code::FamilyOverallResponsible, |m| {
        m.overall_responsible.as_mut().unwrap().person = Some(Person::Participant(Id::new("p3")))
    });
}

#[test]
fn warning_consent_expires_before_follow_up() {
    trips(Code::ConsentExpiresBeforeFollowUp, |m| {
        m.consents[0].valid_until = Some(day("2027-01-01"))
    });
}

#[test]
fn warning_not_heard() {
    trips(Code::NotHeard, |m| {
        m.phase_mut("roller").heard.retain(|id| id.as_str() != "p4")
    });
    // Someone absent need not be heard.
    let mut m = valid();
    m.phase_mut("roller").heard.retain(|id| id.as_str() != "p4");
    m.participants[3].attendance = Attendance::Absent;
    assert_eq!(codes(&m), vec![]);
}

#[test]
fn the_samtalsledare_is_not_warned_about_as_never_heard() {
    // The facilitator sits at the table as a participant, present, never marked heard:
    // hearing the others is the role, so no warning names them.
    let mut m = valid();
    m.facilitator = "Lena Berg, samtalsledare, kommunens Samba-team".into();
    m.participants.push(person(
        "p9",
        "Lena  berg",
        None,
        ParticipantKind::Professional,
        false,
    ));
    assert_eq!(codes(&m), vec![]);
    // Someone else of the same first name, never heard, is still warned about.
    m.participants[4].name = "Lena Bergström".into();
    let found = rules::warnings(&m, &sip_agenda());
    assert!(
        found
            .iter()
            .any(|p| p.code == Code::NotHeard && p.target == Target::Participant(Id::new("p9"))),
        "{found:?}"
    );
}

#[test]
fn warning_action_not_confirmed_at_the_table() {
    trips(Code::ActionNotConfirmed, |m| m.actions[1].confirmed = false);
    let mut m = valid();
    m.actions[1].confirmed = false;
    let w = rules::warnings(&m, &sip_agenda());
    let w = w
        .iter()
        .find(|p| p.code == Code::ActionNotConfirmed)
        .unwrap();
    assert!(w.sv.contains("«Familjebehandling»"), "{}", w.sv);
    assert_eq!(w.code.severity(), Severity::Warning);
    assert!(
        rules::blocking(&m, &sip_agenda()).is_empty(),
        "never a block"
    );
    // What is done or cancelled is not read back as a plan.
    m.actions[1].status = ActionStatus::Cancelled;
    assert_eq!(codes(&m), vec![]);
    // An agenda without a summary has no read-back to confirm in.
    let mut agenda = sip_agenda();
    agenda.phases.retain(|p| p.kind != PhaseKind::Summary);
    m.actions[1].status = ActionStatus::Agreed;
    assert!(
        !rules::warnings(&m, &agenda)
            .iter()
            .any(|p| p.code == Code::ActionNotConfirmed)
    );
}

#[test]
fn warning_phase_over_time() {
    trips(Code::PhaseOverTime, |m| {
        m.phase_mut("mal").elapsed_secs = 10 * 60 + 1
    });
    let mut m = valid();
    m.phase_mut("mal").elapsed_secs = 10 * 60;
    assert_eq!(codes(&m), vec![]);
}

#[test]
fn codes_are_stable_and_distinct() {
    use std::collections::HashSet;
    let all = [
        Code::NoFacilitator,
        Code::ConsentMissing,
        Code::DeciderNoMandate,
        Code::AwaitingAfterFollowUp,
        Code::NotHeard,
        Code::PhaseOverTime,
    ];
    let names: HashSet<&str> = all.iter().map(|c| c.as_str()).collect();
    assert_eq!(names.len(), all.len());
    assert_eq!(Code::DeciderNoMandate.as_str(), "decider-no-mandate");
}

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

#[test]
fn finalize_is_refused_with_every_reason() {
    let mut m = valid();
    m.facilitator.clear();
    m.follow_up = None;
    let err = samsyn::rules::finalize(&mut m, &sip_agenda(), "Karin Holm", at("2026-12-03 15:00"))
        .unwrap_err();
    let codes: Vec<Code> = err.iter().map(|p| p.code).collect();
    assert_eq!(codes, vec![Code::NoFacilitator, Code::NoFollowUp]);
    assert!(!m.is_finalized());
    assert!(m.revisions.is_empty());
}

#[test]
fn finalize_needs_someone_to_finalize() {
    let mut m = valid();
    let err =
        samsyn::rules::finalize(&mut m, &sip_agenda(), " ", at("2026-12-03 15:00")).unwrap_err();
    assert_eq!(err[0].code, Code::NoFinalizer);
}

#[test]
fn finalize_stamps_and_locks() {
    let mut m = valid();
    let stamp =
        samsyn::rules::finalize(&mut m, &sip_agenda(), "Karin Holm", at("2026-12-03 15:00"))
            .unwrap()
            .clone();
    assert_eq!(stamp.revision, 1);
    assert_eq!(stamp.hash.len(), 64);
    assert_eq!(m.stamp_matches(), Some(true));
    // Finalizing twice is refused.
    let again =
        samsyn::rules::finalize(&mut m, &sip_agenda(), "Karin Holm", at("2026-12-03 15:01"))
            .unwrap_err();
    assert_eq!(again[0].code, Code::AlreadyFinalized);
    // Any change to the content breaks the stamp.
    m.actions[0].what.push('!');
    assert_eq!(m.stamp_matches(), Some(false));
}

#[test]
fn amend_needs_a_reason_and_keeps_the_log() {
    let mut m = valid();
    assert!(
        m.amend("fel datum", "Karin", at("2026-12-04 09:00"))
            .is_err(),
        "a draft cannot be amended"
    );
    samsyn::rules::finalize(&mut m, &sip_agenda(), "Karin Holm", at("2026-12-03 15:00")).unwrap();
    assert!(m.amend("  ", "Karin", at("2026-12-04 09:00")).is_err());
    // Minutes changed by hand after finalizing cannot be amended into a kept version.
    let mut tampered = m.clone();
    tampered.actions[0].what.push('!');
    assert_eq!(
        tampered.amend("Rättelse", "Karin", at("2026-12-04 09:00")),
        Err(samsyn::meeting::AmendError::ChangedAfterFinalizing)
    );
    let previous = m
        .amend("Fel deadline för a1", "Karin Holm", at("2026-12-04 09:00"))
        .unwrap();
    assert!(previous.is_finalized());
    assert!(!m.is_finalized());
    m.actions[0].deadline = Some(day("2027-01-20"));
    let second =
        samsyn::rules::finalize(&mut m, &sip_agenda(), "Karin Holm", at("2026-12-04 09:05"))
            .unwrap()
            .clone();
    assert_eq!(second.revision, 2);
    assert_ne!(second.hash, previous.finalized.unwrap().hash);
    let kinds: Vec<_> = m
        .revisions
        .iter()
        .map(|r| (r.revision, r.kind, r.reason.clone()))
        .collect();
    use samsyn::meeting::RevisionKind::*;
    assert_eq!(
        kinds,
        vec![
            (1, Finalized, None),
            (1, Amended, Some("Fel deadline för a1".into())),
            (2, Finalized, None)
        ]
    );
}

#[test]
fn amend_on_disk_keeps_the_finalized_version_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mote.ron");
    let mut m = valid();
    samsyn::rules::finalize(&mut m, &sip_agenda(), "Karin Holm", at("2026-12-03 15:00")).unwrap();
    samsyn::store::save(&path, &m).unwrap();
    let first_hash = m.finalized.as_ref().unwrap().hash.clone();
    let kept = samsyn::store::amend(
        &path,
        &mut m,
        "Rättelse",
        "Karin Holm",
        at("2026-12-04 09:00"),
    )
    .unwrap();
    assert_eq!(kept, dir.path().join("mote.rev1.ron"));
    let old = samsyn::store::load(&kept).unwrap();
    assert_eq!(old.finalized.as_ref().unwrap().hash, first_hash);
    assert_eq!(old.stamp_matches(), Some(true));
    let on_disk = samsyn::store::load(&path).unwrap();
    assert!(!on_disk.is_finalized());
    assert_eq!(on_disk.revisions.len(), 2);
}

#[test]
fn new_meetings_never_overwrite_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let m = valid();
    let first = samsyn::store::save_new(dir.path(), &m).unwrap();
    let mut other = valid();
    other.title = "Ett annat möte".into();
    let second = samsyn::store::save_new(dir.path(), &other).unwrap();
    assert_ne!(first, second);
    assert_eq!(samsyn::store::load(&first).unwrap().title, m.title);
    assert_eq!(
        samsyn::store::load(&second).unwrap().title,
        "Ett annat möte"
    );
}

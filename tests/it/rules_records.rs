//! The rules' judgement of a plan is kept across changes of the phase records alone
//! (`rules::Plan`, used by the screen's `Judged::edit_record`): for any change of the
//! records — who was heard, a phase's notes, its timer, a record made or removed — the
//! problems judged from the kept plan are exactly those judged from scratch. If a rule of
//! the plan ever reads the records, this fails.

use proptest::prelude::*;
use samsyn::agenda::{Agenda, builtin_agenda};
use samsyn::meeting::Meeting;
use samsyn::rules::{self, Plan};

/// One change of the phase records, drawn from the meeting's own phases and people.
#[derive(Debug, Clone)]
enum Change {
    /// Mark participant `who` heard (or no longer heard) in phase `phase`.
    Heard { phase: usize, who: usize },
    /// Write or clear phase `phase`'s notes.
    Notes { phase: usize, text: bool },
    /// Set phase `phase`'s timer.
    Timer { phase: usize, secs: u64 },
    /// Remove phase `phase`'s record altogether.
    Remove { phase: usize },
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        (0..16usize, 0..80usize).prop_map(|(phase, who)| Change::Heard { phase, who }),
        (0..16usize, any::<bool>()).prop_map(|(phase, text)| Change::Notes { phase, text }),
        (0..16usize, 0..7200u64).prop_map(|(phase, secs)| Change::Timer { phase, secs }),
        (0..16usize).prop_map(|phase| Change::Remove { phase }),
    ]
}

fn apply(m: &mut Meeting, agenda: &Agenda, change: &Change) {
    let phase_id = |i: usize| agenda.phases[i % agenda.phases.len()].id.clone();
    match *change {
        Change::Heard { phase, who } => {
            if m.participants.is_empty() {
                return;
            }
            let id = m.participants[who % m.participants.len()].id.clone();
            let heard = &mut m.phase_mut(&phase_id(phase)).heard;
            match heard.iter().position(|h| *h == id) {
                Some(at) => {
                    heard.remove(at);
                }
                None => heard.push(id),
            }
        }
        Change::Notes { phase, text } => {
            m.phase_mut(&phase_id(phase)).notes = if text {
                "Anteckning från mötet.".into()
            } else {
                String::new()
            };
        }
        Change::Timer { phase, secs } => m.phase_mut(&phase_id(phase)).elapsed_secs = secs,
        Change::Remove { phase } => {
            m.phases.remove(&phase_id(phase));
        }
    }
}

/// Every example meeting with its shipped agenda.
fn cases() -> Vec<(String, Meeting, Agenda)> {
    crate::common::examples()
        .into_iter()
        .map(|(name, m)| {
            let agenda = builtin_agenda(&m.agenda.id).expect("the example's agenda ships");
            (name, m, agenda)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_plan_judged_before_the_records_changed_gives_the_same_problems(
        which in 0..3usize,
        changes in proptest::collection::vec(change(), 1..12),
    ) {
        let cases = cases();
        let (name, mut m, agenda) = cases[which % cases.len()].clone();
        let plan = Plan::judge(&m, &agenda);
        for c in &changes {
            apply(&mut m, &agenda, c);
            prop_assert_eq!(
                rules::check_with(&m, &agenda, &plan),
                rules::check(&m, &agenda),
                "{}: after {:?}",
                name,
                c
            );
        }
    }
}

/// The records do change what the rules say (so the test above compares something):
/// marking everyone heard takes the "not heard" warnings away, a timer far over its time
/// adds one.
#[test]
fn the_records_part_is_judged_anew() {
    let (_, mut m, agenda) = cases()
        .into_iter()
        .find(|(n, _, _)| n == "incomplete")
        .unwrap();
    let plan = Plan::judge(&m, &agenda);
    let codes = |m: &Meeting| -> Vec<rules::Code> {
        rules::check_with(m, &agenda, &plan)
            .iter()
            .map(|p| p.code)
            .collect()
    };
    let before = codes(&m);
    assert!(before.contains(&rules::Code::NotHeard), "{before:?}");
    let round = agenda
        .phases
        .iter()
        .find(|p| p.kind.has_speaking_round())
        .unwrap()
        .id
        .clone();
    let everyone: Vec<_> = m.participants.iter().map(|p| p.id.clone()).collect();
    m.phase_mut(&round).heard = everyone;
    assert!(!codes(&m).contains(&rules::Code::NotHeard));
    let first = agenda.phases[0].id.clone();
    m.phase_mut(&first).elapsed_secs = 10 * 3600;
    let after = codes(&m);
    assert!(
        after.contains(&rules::Code::PhaseOverTime)
            && !before.contains(&rules::Code::PhaseOverTime),
        "{before:?} → {after:?}"
    );
}

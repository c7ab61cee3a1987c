//! What is shown but never blocks (SPEC §5, warnings).

use super::consent::consent_holds;
use super::mandate::is_family_action;
use super::{Code, Problem, Target};
use crate::agenda::{Agenda, PhaseKind};
use crate::i18n::rules::R;
use crate::meeting::{ActionStatus, Id, Meeting};
use std::collections::BTreeSet;

/// What is shown but never blocks (SPEC §5, warnings), in the order `check` lists them.
pub fn warnings(m: &Meeting, agenda: &Agenda) -> Vec<Problem> {
    let (before, after) = plan_warnings(m, agenda);
    let mut out = before;
    not_heard(m, agenda, &mut out);
    out.extend(after);
    over_time_warnings(m, agenda, &mut out);
    out
}

/// The warnings about the plan, which read nothing of the phase records (see
/// `super::Plan`): those listed before who was not heard, and those after.
pub(super) fn plan_warnings(m: &Meeting, agenda: &Agenda) -> (Vec<Problem>, Vec<Problem>) {
    let mut out = Vec::new();

    // Organisations with actions but nobody present who may decide for them (someone
    // of the organisation or of a unit above it, with a mandate).
    let action_orgs: BTreeSet<&Id> = m
        .actions
        .iter()
        .filter(|a| !is_family_action(m, a))
        .filter_map(|a| a.organisation.as_ref())
        .collect();
    for org in &action_orgs {
        let someone = m.participants.iter().any(|p| {
            p.is_present()
                && p.has_mandate()
                && p.organisation
                    .as_ref()
                    .is_some_and(|own| m.covers(own, org))
        });
        if !someone {
            let name = m.organisation_name(org);
            out.push(Problem::says(
                Code::OrganisationWithoutMandate,
                Target::Phase(PhaseKind::Roles),
                R::OrganisationWithoutMandate,
                &[&name],
            ));
        }
    }
    let all_orgs: BTreeSet<Option<&Id>> =
        m.actions.iter().map(|a| a.organisation.as_ref()).collect();
    if m.actions.len() >= 2 && all_orgs.len() == 1 {
        out.push(Problem::says(
            Code::SingleOrganisation,
            Target::Phase(PhaseKind::Actions),
            R::SingleOrganisation,
            &[],
        ));
    }

    // The cost falls on an organisation the decider does not answer for: that
    // organisation has to agree, which the minutes do not show.
    for a in &m.actions {
        let Some(cost) = &a.cost_bearer else { continue };
        let covered = a.deciders().iter().any(|d| {
            m.participant(d)
                .and_then(|p| p.organisation.as_ref())
                .is_some_and(|own| m.covers(own, cost))
        }) || matches!(&a.decision, crate::meeting::Decision::Awaiting { organisation: Some(o), .. } if m.covers(o, cost));
        if !covered {
            let name = m.organisation_name(cost);
            let q = super::mandate::quote(a);
            out.push(Problem::says(
                Code::CostOnOtherOrganisation,
                Target::Action(a.id.clone()),
                R::CostOnOtherOrganisation,
                &[&q, &name, &name, &name],
            ));
        }
    }

    // Consent that names organisations should name every one with actions.
    for org in
        super::consent::not_named_in_consent(m, action_orgs.iter().copied()).unwrap_or_default()
    {
        let name = m.organisation_name(org);
        out.push(Problem::says(
            Code::ConsentDoesNotNameOrganisation,
            Target::Phase(PhaseKind::Consent),
            R::ConsentDoesNotNameOrganisation,
            &[&name],
        ));
    }

    // Without a huvudansvar or a coordinator the plan has nobody holding it together.
    if !agenda.rules.overall_responsible_required
        && agenda.has_phase(PhaseKind::Summary)
        && m.overall_responsible.is_none()
    {
        out.push(Problem::says(
            Code::OverallResponsibleMissing,
            Target::Phase(PhaseKind::Summary),
            R::OverallResponsibleMissing,
            &[],
        ));
    }
    if agenda.has_phase(PhaseKind::Summary) && m.coordinator.is_none() {
        out.push(Problem::says(
            Code::NoCoordinator,
            Target::Phase(PhaseKind::Summary),
            R::NoCoordinator,
            &[],
        ));
    }

    if let Some(f) = &m.follow_up {
        let weeks = agenda.rules.max_weeks_to_follow_up;
        // A date at the end of the calendar has no limit to be beyond.
        let limit = m
            .date
            .checked_add_days(chrono::Days::new(u64::from(weeks) * 7));
        if limit.is_some_and(|limit| f.date > limit) {
            out.push(Problem::says(
                Code::FollowUpTooFar,
                Target::Phase(PhaseKind::FollowUp),
                R::FollowUpTooFar,
                &[&weeks.to_string()],
            ));
        }
        let valid: Vec<_> = m.consents.iter().filter(|c| consent_holds(m, c)).collect();
        if !valid.is_empty()
            && valid
                .iter()
                .all(|c| c.valid_until.is_some_and(|u| u < f.date))
        {
            out.push(Problem::says(
                Code::ConsentExpiresBeforeFollowUp,
                Target::Phase(PhaseKind::Consent),
                R::ConsentExpiresBeforeFollowUp,
                &[],
            ));
        }
    }

    if m.coordinator.as_ref().is_some_and(|c| m.is_family(c)) {
        out.push(Problem::says(
            Code::FamilyCoordinator,
            Target::Phase(PhaseKind::Summary),
            R::FamilyCoordinator,
            &[],
        ));
    }
    if m.overall_responsible
        .as_ref()
        .is_some_and(|r| r.person.as_ref().is_some_and(|p| m.is_family(p)))
    {
        out.push(Problem::says(
            Code::FamilyOverallResponsible,
            Target::Phase(PhaseKind::Summary),
            R::FamilyOverallResponsible,
            &[],
        ));
    }

    let mut after = Vec::new();
    not_confirmed(m, agenda, &mut after);
    (out, after)
}

/// Who is at the table and was heard in no speaking round (reads the phase records).
pub(super) fn not_heard(m: &Meeting, agenda: &Agenda, out: &mut Vec<Problem>) {
    let heard: BTreeSet<&Id> = m.phases.values().flat_map(|p| p.heard.iter()).collect();
    let has_round = agenda.phases.iter().any(|p| p.kind.has_speaking_round());
    let ids: Vec<&str> = agenda.phases.iter().map(|p| p.id.as_str()).collect();
    if has_round {
        for p in m
            .participants
            .iter()
            // The samtalsledare is there to hear the others, not to be heard.
            .filter(|p| p.is_present() && !heard.contains(&p.id) && !m.is_facilitator(p))
            // Someone there only for phases without a round (the child for the child's
            // voice) had no round to be heard in.
            .filter(|p| {
                p.part.as_ref().is_none_or(|part| {
                    agenda
                        .phases
                        .iter()
                        .enumerate()
                        .any(|(i, ph)| ph.kind.has_speaking_round() && part.covers(&ids, i))
                })
            })
        {
            out.push(Problem::says(
                Code::NotHeard,
                Target::Participant(p.id.clone()),
                R::NotHeard,
                &[&p.name],
            ));
        }
    }
}

/// The plan read back at the table (the Summary's read-back): every action still in
/// play was confirmed by the one who decides it or carries it out.
fn not_confirmed(m: &Meeting, agenda: &Agenda, out: &mut Vec<Problem>) {
    if agenda.has_phase(PhaseKind::Summary) {
        let open: Vec<String> = m
            .actions
            .iter()
            .filter(|a| {
                !a.confirmed
                    && matches!(
                        a.status,
                        ActionStatus::Agreed | ActionStatus::AwaitingDecision
                    )
            })
            .map(super::mandate::quote)
            .collect();
        if !open.is_empty() {
            let list = open.join(", ");
            out.push(Problem::says(
                Code::ActionNotConfirmed,
                Target::Phase(PhaseKind::Summary),
                R::ActionNotConfirmed,
                &[&open.len().to_string(), &list],
            ));
        }
    }
}

/// The phases over their time (reads the phase timers).
pub(super) fn over_time_warnings(m: &Meeting, agenda: &Agenda, out: &mut Vec<Problem>) {
    for (phase, spent) in agenda.phases.iter().zip(over_time(m, agenda)) {
        if let Some(spent) = spent {
            let (spent, minutes) = (spent.to_string(), phase.minutes.to_string());
            out.push(Problem::worded(
                Code::PhaseOverTime,
                Target::Phase(phase.kind),
                |lang| R::PhaseOverTime.fill(lang, &[phase.title.get(lang), &spent, &minutes]),
            ));
        }
    }
}

/// All that the rules read of the phase timers: for each phase of `agenda`, the minutes
/// spent on it when that is over its time (the warning says how many), else `None`. A
/// timer that moves on without changing this changes nothing the rules say.
pub fn over_time(m: &Meeting, agenda: &Agenda) -> Vec<Option<u64>> {
    agenda
        .phases
        .iter()
        .map(|phase| {
            let spent = m.phase(&phase.id).map_or(0, |r| r.elapsed_secs);
            (spent > u64::from(phase.minutes) * 60).then(|| spent.div_ceil(60))
        })
        .collect()
}

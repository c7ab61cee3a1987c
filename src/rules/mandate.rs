//! The mandate rule (SPEC §4), the heart of samsyn: no action is recorded unless someone
//! with the mandate to decide it is named — present at the table with a mandate for the
//! organisation that carries it out (or a unit above it), including costs when the cost
//! falls on their own organisation, or awaited from a named decision maker by a date.
//! The family decides its own measures, one member or several together.
//! Start reading here.

use super::{Code, Problem, Target};
use crate::i18n::Lang;
use crate::i18n::rules::R;
use crate::meeting::{
    Action, ActionStatus, Decision, Id, Meeting, Participant, ParticipantKind, Performer,
};

/// A short quote of an action for messages.
pub(super) fn quote(action: &Action) -> String {
    let what = action.what.trim();
    if what.is_empty() {
        return format!("«{}»", action.id);
    }
    let mut short: String = what.chars().take(48).collect();
    if short.len() < what.len() {
        short.push('…');
    }
    format!("«{short}»")
}

pub(super) fn action_problems(m: &Meeting, action: &Action, out: &mut Vec<Problem>) {
    let q = quote(action);
    let kind = m.action_kind(action);
    let says = |code: Code, text: R, reason: &dyn Fn(Lang) -> String| {
        Problem::worded(code, Target::Action(action.id.clone()), |lang| {
            let word = crate::i18n::terms::capital(crate::i18n::terms::action_kind(kind, lang));
            text.fill(lang, &[&word, &q, &reason(lang)])
        })
    };
    if action.what.trim().is_empty() {
        out.push(says(Code::ActionNoWhat, R::ActionNoWhat, &|_| {
            String::new()
        }));
    }
    let performer_ok = match &action.performer {
        None => false,
        Some(Performer::Family) => true,
        Some(Performer::Named(name)) => !name.trim().is_empty(),
        Some(Performer::Participant(id)) => m.participant(id).is_some(),
    };
    if !performer_ok {
        out.push(says(Code::ActionNoPerformer, R::ActionNoPerformer, &|_| {
            String::new()
        }));
    }
    // An awaited decision sets its own date; the deadline may follow from it.
    if action.deadline.is_none() && !action.is_awaiting() {
        out.push(says(Code::ActionNoDeadline, R::ActionNoDeadline, &|_| {
            String::new()
        }));
    }
    if let Some(v) = decision_violation(m, action) {
        let (sv, en) = v.describe(m);
        out.push(says(v.code(), R::ActionViolation, &|lang| {
            lang.pick(&sv, &en).to_string()
        }));
    }
}

/// Why an action's decision is not valid under the mandate rule (SPEC §4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MandateViolation {
    /// Not the family's own measure, and no organisation carries it out.
    NoOrganisation,
    /// The performer is a professional of another organisation than the action's.
    PerformerOtherOrganisation {
        performer: Id,
        organisation: String,
    },
    /// The family performs the action, so it is the family's own åtgärd.
    FamilyActionUnderHuvudman,
    /// Decided at the table, but nobody is named as deciding it.
    NoDecider,
    DeciderUnknown(Id),
    DeciderAbsent(Id),
    DeciderNoMandate(Id),
    DeciderOtherOrganisation {
        decider: Id,
        organisation: String,
    },
    /// The cost falls on the decider's own organisation, and their mandate does not
    /// include costs.
    DeciderNoCostMandate {
        decider: Id,
        cost_bearer: String,
    },
    /// A professional named as deciding the family's own measure.
    ProfessionalDecidesFamilyMeasure(Id),
    FamilyDecidesForOthers(Id),
    AwaitingNoDecisionMaker,
    /// The awaited decision maker is at the table without the mandate to decide it.
    AwaitingFromNonDecider(Id),
    AwaitingNoDate,
    AwaitingBeforeMeeting,
    AwaitingAfterDeadline,
    AwaitingAfterFollowUp,
    AwaitingOtherOrganisation,
}

impl MandateViolation {
    pub fn code(&self) -> Code {
        match self {
            MandateViolation::NoOrganisation => Code::ActionNoOrganisation,
            MandateViolation::PerformerOtherOrganisation { .. }
            | MandateViolation::FamilyActionUnderHuvudman => Code::PerformerOtherOrganisation,
            MandateViolation::NoDecider | MandateViolation::DeciderUnknown(_) => {
                Code::DeciderUnknown
            }
            MandateViolation::DeciderAbsent(_) => Code::DeciderAbsent,
            MandateViolation::DeciderNoMandate(_) => Code::DeciderNoMandate,
            MandateViolation::DeciderOtherOrganisation { .. }
            | MandateViolation::ProfessionalDecidesFamilyMeasure(_) => {
                Code::DeciderOtherOrganisation
            }
            MandateViolation::DeciderNoCostMandate { .. } => Code::DeciderNoCostMandate,
            MandateViolation::FamilyDecidesForOthers(_) => Code::FamilyDecidesForOthers,
            MandateViolation::AwaitingNoDecisionMaker => Code::AwaitingNoDecisionMaker,
            MandateViolation::AwaitingFromNonDecider(_) => Code::AwaitingFromNonDecider,
            MandateViolation::AwaitingNoDate => Code::AwaitingNoDate,
            MandateViolation::AwaitingBeforeMeeting => Code::AwaitingBeforeMeeting,
            MandateViolation::AwaitingAfterDeadline => Code::AwaitingAfterDeadline,
            MandateViolation::AwaitingAfterFollowUp => Code::AwaitingAfterFollowUp,
            MandateViolation::AwaitingOtherOrganisation => Code::AwaitingOtherOrganisation,
        }
    }

    /// The reason in Swedish and English, naming the decider.
    pub fn describe(&self, m: &Meeting) -> (String, String) {
        let name = |id: &Id| {
            m.participant(id)
                .map_or_else(|| id.to_string(), |p| p.name.clone())
        };
        let (text, args): (R, Vec<String>) = match self {
            MandateViolation::NoOrganisation => (R::NoOrganisation, vec![]),
            MandateViolation::PerformerOtherOrganisation {
                performer,
                organisation,
            } => (
                R::PerformerOtherOrganisation,
                vec![name(performer), organisation.clone()],
            ),
            MandateViolation::FamilyActionUnderHuvudman => (R::FamilyActionUnderHuvudman, vec![]),
            MandateViolation::NoDecider => (R::NoDecider, vec![]),
            MandateViolation::DeciderUnknown(id) => (R::DeciderUnknown, vec![id.to_string()]),
            MandateViolation::DeciderAbsent(id) => (R::DeciderAbsent, vec![name(id)]),
            MandateViolation::DeciderNoMandate(id) => (R::DeciderNoMandate, vec![name(id)]),
            MandateViolation::DeciderOtherOrganisation {
                decider,
                organisation,
            } => (
                R::DeciderOtherOrganisation,
                vec![name(decider), organisation.clone()],
            ),
            MandateViolation::DeciderNoCostMandate {
                decider,
                cost_bearer,
            } => (
                R::DeciderNoCostMandate,
                vec![cost_bearer.clone(), name(decider)],
            ),
            MandateViolation::ProfessionalDecidesFamilyMeasure(id) => {
                (R::ProfessionalDecidesFamilyMeasure, vec![name(id)])
            }
            MandateViolation::FamilyDecidesForOthers(id) => {
                (R::FamilyDecidesForOthers, vec![name(id)])
            }
            MandateViolation::AwaitingNoDecisionMaker => (R::AwaitingNoDecisionMaker, vec![]),
            MandateViolation::AwaitingFromNonDecider(id) => {
                (R::AwaitingFromNonDecider, vec![name(id)])
            }
            MandateViolation::AwaitingNoDate => (R::AwaitingNoDate, vec![]),
            MandateViolation::AwaitingBeforeMeeting => (R::AwaitingBeforeMeeting, vec![]),
            MandateViolation::AwaitingAfterDeadline => (R::AwaitingAfterDeadline, vec![]),
            MandateViolation::AwaitingOtherOrganisation => (R::AwaitingOtherOrganisation, vec![]),
            MandateViolation::AwaitingAfterFollowUp => (R::AwaitingAfterFollowUp, vec![]),
        };
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        (text.fill(Lang::Sv, &args), text.fill(Lang::En, &args))
    }
}

/// Whether the family does this action itself: the performer is the family or one of it.
/// Judged by the kind of participant, never by an organisation typed on a form.
pub(super) fn is_family_action(m: &Meeting, action: &Action) -> bool {
    match &action.performer {
        Some(Performer::Family) => true,
        Some(Performer::Participant(id)) => m.participant(id).is_some_and(|p| p.kind.is_family()),
        _ => false,
    }
}

/// The action belongs where its performer belongs: a professional's action to their
/// organisation (or the unit it is part of, or one of its own units), the family's to no
/// organisation. Checked before who decided, because a decision for the wrong
/// organisation is no decision at all.
pub(super) fn performer_violation(m: &Meeting, action: &Action) -> Option<MandateViolation> {
    if is_family_action(m, action) {
        return action
            .organisation
            .is_some()
            .then_some(MandateViolation::FamilyActionUnderHuvudman);
    }
    let Some(org) = &action.organisation else {
        return Some(MandateViolation::NoOrganisation);
    };
    let Some(Performer::Participant(id)) = &action.performer else {
        return None;
    };
    let p = m.participant(id)?;
    let own = p.organisation.as_ref()?;
    (!m.covers(org, own) && !m.covers(own, org)).then(|| {
        MandateViolation::PerformerOtherOrganisation {
            performer: id.clone(),
            organisation: m.organisation_name(own),
        }
    })
}

/// Family members decide their own measures: each person what they themselves will do,
/// and a guardian also what the family as a whole or the child will do.
pub(super) fn family_may_decide(m: &Meeting, decider: &Participant, action: &Action) -> bool {
    match &action.performer {
        Some(Performer::Participant(id)) if *id == decider.id => true,
        _ => decider.kind == ParticipantKind::Guardian && is_family_action(m, action),
    }
}

/// Whether one participant, present at the table, may decide the action on their own.
fn decider_violation(m: &Meeting, action: &Action, by: &Id) -> Option<MandateViolation> {
    let Some(decider) = m.participant(by) else {
        return Some(MandateViolation::DeciderUnknown(by.clone()));
    };
    if !decider.is_present() {
        return Some(MandateViolation::DeciderAbsent(by.clone()));
    }
    if decider.kind.is_family() {
        return (!family_may_decide(m, decider, action))
            .then(|| MandateViolation::FamilyDecidesForOthers(by.clone()));
    }
    if is_family_action(m, action) {
        return Some(MandateViolation::ProfessionalDecidesFamilyMeasure(
            by.clone(),
        ));
    }
    let Some(mandate) = &decider.mandate else {
        return Some(MandateViolation::DeciderNoMandate(by.clone()));
    };
    let own = decider.organisation.as_ref();
    let covered = match (own, &action.organisation) {
        (Some(own), Some(org)) => m.covers(own, org),
        _ => false,
    };
    if !covered {
        return Some(MandateViolation::DeciderOtherOrganisation {
            decider: by.clone(),
            organisation: own.map_or_else(String::new, |o| m.organisation_name(o)),
        });
    }
    if let (Some(own), Some(cost)) = (own, &action.cost_bearer)
        && m.covers(own, cost)
        && !mandate.costs
    {
        return Some(MandateViolation::DeciderNoCostMandate {
            decider: by.clone(),
            cost_bearer: m.organisation_name(cost),
        });
    }
    None
}

/// The mandate rule: `None` when the decision is real, else why not.
pub fn decision_violation(m: &Meeting, action: &Action) -> Option<MandateViolation> {
    if let Some(v) = performer_violation(m, action) {
        return Some(v);
    }
    match &action.decision {
        Decision::AtTable { by } => {
            let Some(first) = by.first() else {
                return Some(MandateViolation::NoDecider);
            };
            if by.len() == 1 {
                return decider_violation(m, action, first);
            }
            if !is_family_action(m, action) {
                // Several professionals deciding together: each with the mandate.
                return by.iter().find_map(|id| decider_violation(m, action, id));
            }
            // The family deciding its own measure together: each is present and family,
            // and at least one may decide it on their own (a guardian, or the one who
            // does it); the others join the decision.
            for id in by {
                match m.participant(id) {
                    None => return Some(MandateViolation::DeciderUnknown(id.clone())),
                    Some(p) if !p.is_present() => {
                        return Some(MandateViolation::DeciderAbsent(id.clone()));
                    }
                    Some(p) if !p.kind.is_family() => {
                        return Some(MandateViolation::ProfessionalDecidesFamilyMeasure(
                            id.clone(),
                        ));
                    }
                    Some(_) => {}
                }
            }
            if by
                .iter()
                .any(|id| decider_violation(m, action, id).is_none())
            {
                None
            } else {
                Some(MandateViolation::FamilyDecidesForOthers(first.clone()))
            }
        }
        Decision::Awaiting {
            decision_maker,
            organisation,
            decide_by,
            ..
        } => {
            let Some(organisation) = organisation
                .as_ref()
                .filter(|_| !decision_maker.trim().is_empty())
            else {
                return Some(MandateViolation::AwaitingNoDecisionMaker);
            };
            if !action
                .organisation
                .as_ref()
                .is_some_and(|own| m.covers(organisation, own))
            {
                return Some(MandateViolation::AwaitingOtherOrganisation);
            }
            // Awaiting a decision from someone at the table who could not decide it at
            // the table would be the mandate rule with one more step.
            if let Some(p) = participant_named(m, decision_maker)
                && p.is_present()
                && decision_violation(m, &at_table(action, &p.id)).is_some()
            {
                return Some(MandateViolation::AwaitingFromNonDecider(p.id.clone()));
            }
            let Some(date) = decide_by else {
                return Some(MandateViolation::AwaitingNoDate);
            };
            if *date < m.date {
                return Some(MandateViolation::AwaitingBeforeMeeting);
            }
            if action.deadline.is_some_and(|d| *date > d) {
                return Some(MandateViolation::AwaitingAfterDeadline);
            }
            match &m.follow_up {
                Some(f) if *date > f.date => Some(MandateViolation::AwaitingAfterFollowUp),
                _ => None,
            }
        }
    }
}

/// The participant whose full name the text names ("Erik Sund, mentor" names Erik Sund).
pub(super) fn participant_named<'m>(m: &'m Meeting, text: &str) -> Option<&'m Participant> {
    let text = text.to_lowercase();
    m.participants.iter().find(|p| {
        let name = p.name.trim().to_lowercase();
        !name.is_empty() && text.contains(&name)
    })
}

/// The same action, decided at the table by `by` alone.
pub(super) fn at_table(action: &Action, by: &Id) -> Action {
    let mut probe = action.clone();
    probe.decision = Decision::AtTable {
        by: vec![by.clone()],
    };
    probe
}

/// The participants who may decide an action with this performer and organisation on
/// their own: what the action form offers under "decided by".
pub fn eligible_deciders<'m>(m: &'m Meeting, action: &Action) -> Vec<&'m Participant> {
    m.participants
        .iter()
        .filter(|p| decision_violation(m, &at_table(action, &p.id)).is_none())
        .collect()
}

/// Why `p` alone may not decide this action, or `None` when they may.
pub fn why_not_decider(m: &Meeting, action: &Action, p: &Id) -> Option<MandateViolation> {
    decision_violation(m, &at_table(action, p))
}

/// An action's status follows its decision — agreed when decided at the table, awaiting
/// when the decision is awaited — unless a follow-up status (done, partly done, not
/// done, cancelled) was set, which stands.
pub fn status_follows_decision(awaiting: bool, status: ActionStatus) -> ActionStatus {
    match (awaiting, status) {
        (false, ActionStatus::AwaitingDecision) => ActionStatus::Agreed,
        (true, ActionStatus::Agreed) => ActionStatus::AwaitingDecision,
        (_, st) => st,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_status_follows_the_decision_but_a_follow_up_status_stands() {
        use ActionStatus::*;
        assert_eq!(status_follows_decision(false, AwaitingDecision), Agreed);
        assert_eq!(status_follows_decision(true, Agreed), AwaitingDecision);
        assert_eq!(
            status_follows_decision(true, AwaitingDecision),
            AwaitingDecision
        );
        for st in [Done, PartlyDone, NotDone, Cancelled] {
            assert_eq!(status_follows_decision(true, st), st);
            assert_eq!(status_follows_decision(false, st), st);
        }
    }
}

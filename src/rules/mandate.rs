//! The mandate rule (SPEC §4), the heart of samsyn: no action is recorded unless someone
//! with the mandate to decide it is named — present at the table with a mandate for the
//! organisation that carries it out, or awaited from a named decision maker by a date.
//! Start reading here.

use super::{Code, Problem, Target};
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
    let target = || Target::Action(action.id.clone());
    if action.what.trim().is_empty() {
        out.push(Problem::new(
            Code::ActionNoWhat,
            target(),
            format!("Insats {q}: det står inte vad som ska göras."),
            format!("Action {q}: what is to be done is not written."),
        ));
    }
    let performer_ok = match &action.performer {
        None => false,
        Some(Performer::Family) => true,
        Some(Performer::Named(name)) => !name.trim().is_empty(),
        Some(Performer::Participant(id)) => m.participant(id).is_some(),
    };
    if !performer_ok {
        out.push(Problem::new(
            Code::ActionNoPerformer,
            target(),
            format!("Insats {q}: ingen utförare är angiven."),
            format!("Action {q}: no performer is named."),
        ));
    }
    if action.organisation.trim().is_empty() {
        out.push(Problem::new(
            Code::ActionNoOrganisation,
            target(),
            format!("Insats {q}: utförarens verksamhet saknas."),
            format!("Action {q}: the performer's organisation is missing."),
        ));
    }
    if action.deadline.is_none() {
        out.push(Problem::new(
            Code::ActionNoDeadline,
            target(),
            format!("Insats {q}: det står inte till när."),
            format!("Action {q}: no deadline (by when) is set."),
        ));
    }
    if let Some(v) = decision_violation(m, action) {
        let (sv, en) = v.describe(m);
        out.push(Problem::new(
            v.code(),
            target(),
            format!("Insats {q}: {sv}"),
            format!("Action {q}: {en}"),
        ));
    }
}

/// Why an action's decision is not valid under the mandate rule (SPEC §4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MandateViolation {
    /// The performer is a professional of another organisation than the action's.
    PerformerOtherOrganisation {
        performer: Id,
        organisation: String,
    },
    /// The family performs the action, so it is the family's, not a huvudman's.
    FamilyActionUnderHuvudman,
    DeciderUnknown(Id),
    DeciderAbsent(Id),
    DeciderNoMandate(Id),
    DeciderOtherOrganisation {
        decider: Id,
        organisation: String,
    },
    FamilyDecidesForOthers(Id),
    AwaitingNoDecisionMaker,
    /// The awaited decision maker is at the table without the mandate to decide it.
    AwaitingFromNonDecider(Id),
    AwaitingNoDate,
    AwaitingBeforeMeeting,
    AwaitingAfterFollowUp,
    AwaitingOtherOrganisation,
}

impl MandateViolation {
    pub fn code(&self) -> Code {
        match self {
            MandateViolation::PerformerOtherOrganisation { .. }
            | MandateViolation::FamilyActionUnderHuvudman => Code::PerformerOtherOrganisation,
            MandateViolation::DeciderUnknown(_) => Code::DeciderUnknown,
            MandateViolation::DeciderAbsent(_) => Code::DeciderAbsent,
            MandateViolation::DeciderNoMandate(_) => Code::DeciderNoMandate,
            MandateViolation::DeciderOtherOrganisation { .. } => Code::DeciderOtherOrganisation,
            MandateViolation::FamilyDecidesForOthers(_) => Code::FamilyDecidesForOthers,
            MandateViolation::AwaitingNoDecisionMaker => Code::AwaitingNoDecisionMaker,
            MandateViolation::AwaitingFromNonDecider(_) => Code::AwaitingFromNonDecider,
            MandateViolation::AwaitingNoDate => Code::AwaitingNoDate,
            MandateViolation::AwaitingBeforeMeeting => Code::AwaitingBeforeMeeting,
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
        match self {
            MandateViolation::PerformerOtherOrganisation {
                performer,
                organisation,
            } => (
                format!(
                    "utföraren {} tillhör {organisation}; en insats hör till utförarens verksamhet.",
                    name(performer)
                ),
                format!(
                    "the performer {} belongs to {organisation}; an action belongs to its performer's organisation.",
                    name(performer)
                ),
            ),
            MandateViolation::FamilyActionUnderHuvudman => (
                "familjen utför insatsen, så den är familjens egen åtgärd (huvudman: familj), inte en huvudmans.".into(),
                "the family performs the action, so it is the family's own measure (huvudman: family), not a huvudman's.".into(),
            ),
            MandateViolation::DeciderUnknown(id) => (
                format!("beslutsfattaren {id} finns inte bland deltagarna."),
                format!("the decider {id} is not among the participants."),
            ),
            MandateViolation::DeciderAbsent(id) => (
                format!("{} som beslutade är inte närvarande.", name(id)),
                format!("{}, who decided, is not present.", name(id)),
            ),
            MandateViolation::DeciderNoMandate(id) => (
                format!("{} har inget beslutsmandat.", name(id)),
                format!("{} has no mandate to decide.", name(id)),
            ),
            MandateViolation::DeciderOtherOrganisation { decider, organisation } => (
                format!(
                    "{} tillhör {organisation} och kan inte besluta för en annan verksamhet.",
                    name(decider)
                ),
                format!(
                    "{} belongs to {organisation} and cannot decide for another organisation.",
                    name(decider)
                ),
            ),
            MandateViolation::FamilyDecidesForOthers(id) => (
                format!(
                    "{} hör till familjen och kan bara besluta om sina egna åtgärder (en vårdnadshavare också om familjens och barnets).",
                    name(id)
                ),
                format!(
                    "{} is family and can only decide their own actions (a guardian also the family's and the child's).",
                    name(id)
                ),
            ),
            MandateViolation::AwaitingNoDecisionMaker => (
                "beslut inväntas men ingen beslutsfattare är angiven.".into(),
                "a decision is awaited but no decision maker is named.".into(),
            ),
            MandateViolation::AwaitingFromNonDecider(id) => (
                format!(
                    "beslut ska inväntas från {}, som sitter med men inte har mandat att besluta det; ange den som har mandatet.",
                    name(id)
                ),
                format!(
                    "the decision is awaited from {}, who is at the table without the mandate to decide it; name the one who has the mandate.",
                    name(id)
                ),
            ),
            MandateViolation::AwaitingNoDate => (
                "beslut inväntas men inget datum för beslutet är satt.".into(),
                "a decision is awaited but no decide-by date is set.".into(),
            ),
            MandateViolation::AwaitingBeforeMeeting => (
                "datumet för beslutet ligger före mötet.".into(),
                "the decide-by date is before the meeting.".into(),
            ),
            MandateViolation::AwaitingOtherOrganisation => (
                "beslutsfattaren hör till en annan verksamhet än den som ska utföra insatsen.".into(),
                "the decision maker belongs to another organisation than the one that performs the action.".into(),
            ),
            MandateViolation::AwaitingAfterFollowUp => (
                "beslutet ska fattas senast vid uppföljningen, men datumet ligger efter den.".into(),
                "the decide-by date is after the follow-up; it must come no later than the follow-up.".into(),
            ),
        }
    }
}

/// Whether the family does this action itself: the performer is the family or one of it.
/// Judged by the kind of participant, never by a huvudman typed on a form.
pub(super) fn is_family_action(m: &Meeting, action: &Action) -> bool {
    match &action.performer {
        Some(Performer::Family) => true,
        Some(Performer::Participant(id)) => m.participant(id).is_some_and(|p| p.kind.is_family()),
        _ => false,
    }
}

/// The action belongs where its performer belongs: a professional's action to their
/// organisation, the family's to the family. Checked before who decided, because a
/// decision for the wrong organisation is no decision at all.
pub(super) fn performer_violation(m: &Meeting, action: &Action) -> Option<MandateViolation> {
    if is_family_action(m, action) {
        return (action.huvudman != crate::meeting::Huvudman::Familj)
            .then_some(MandateViolation::FamilyActionUnderHuvudman);
    }
    let Some(Performer::Participant(id)) = &action.performer else {
        return None;
    };
    let p = m.participant(id)?;
    (!action.organisation.trim().is_empty()
        && !same_organisation(&p.organisation, &action.organisation))
    .then(|| MandateViolation::PerformerOtherOrganisation {
        performer: id.clone(),
        organisation: p.organisation.clone(),
    })
}

/// Family members decide their own actions: each person what they themselves will do,
/// and a guardian also what the family as a whole or the child will do.
pub(super) fn family_may_decide(m: &Meeting, decider: &Participant, action: &Action) -> bool {
    match &action.performer {
        Some(Performer::Participant(id)) if *id == decider.id => true,
        _ => decider.kind == ParticipantKind::Guardian && is_family_action(m, action),
    }
}

/// Organisations are typed by people: compare them without case or padding.
pub(super) fn organisation_key(org: &str) -> String {
    org.trim().to_lowercase()
}

pub(super) fn same_organisation(a: &str, b: &str) -> bool {
    organisation_key(a) == organisation_key(b)
}

/// The mandate rule: `None` when the decision is real, else why not.
pub fn decision_violation(m: &Meeting, action: &Action) -> Option<MandateViolation> {
    if let Some(v) = performer_violation(m, action) {
        return Some(v);
    }
    match &action.decision {
        Decision::AtTable { by } => {
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
            if !decider.has_mandate() {
                return Some(MandateViolation::DeciderNoMandate(by.clone()));
            }
            if !same_organisation(&decider.organisation, &action.organisation) {
                return Some(MandateViolation::DeciderOtherOrganisation {
                    decider: by.clone(),
                    organisation: decider.organisation.clone(),
                });
            }
            None
        }
        Decision::Awaiting {
            decision_maker,
            organisation,
            decide_by,
        } => {
            if decision_maker.trim().is_empty() || organisation.trim().is_empty() {
                return Some(MandateViolation::AwaitingNoDecisionMaker);
            }
            if !same_organisation(organisation, &action.organisation) {
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

/// The same action, decided at the table by `by`.
pub(super) fn at_table(action: &Action, by: &Id) -> Action {
    let mut probe = action.clone();
    probe.decision = Decision::AtTable { by: by.clone() };
    probe
}

/// The participants who may decide an action with this performer and organisation:
/// what the action form offers under "decided by".
pub fn eligible_deciders<'m>(m: &'m Meeting, action: &Action) -> Vec<&'m Participant> {
    m.participants
        .iter()
        .filter(|p| decision_violation(m, &at_table(action, &p.id)).is_none())
        .collect()
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

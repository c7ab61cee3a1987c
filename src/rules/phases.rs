//! The agenda's phases: which have content, and the required ones left empty.

use super::{Code, Problem, Target};
use crate::agenda::{Agenda, PhaseKind};
use crate::i18n::rules::R;
use crate::meeting::Meeting;

/// Whether the meeting has content for a phase of this kind.
pub fn phase_has_content(m: &Meeting, phase_id: &str, kind: PhaseKind) -> bool {
    let notes = m
        .phase(phase_id)
        .is_some_and(|p| !p.notes.trim().is_empty());
    match kind {
        PhaseKind::Roles => !m.participants.is_empty(),
        PhaseKind::Consent => !m.consents.is_empty(),
        PhaseKind::Purpose | PhaseKind::Notes => notes,
        PhaseKind::Review => notes || !m.reviews.is_empty(),
        PhaseKind::Situation => !m.situation.is_empty() || notes,
        PhaseKind::ChildVoice => !m.child_voice.is_empty(),
        PhaseKind::Goal => m.goals.iter().any(|g| !g.text.trim().is_empty()),
        // A follow-up that closes the plan agrees on no new actions.
        PhaseKind::Actions => !m.actions.is_empty() || m.plan_closed.is_some(),
        PhaseKind::Summary => {
            m.overall_responsible.is_some()
                || m.coordinator.is_some()
                || !m.disagreements.is_empty()
                || notes
        }
        PhaseKind::FollowUp => m.follow_up.is_some() || m.plan_closed.is_some(),
        PhaseKind::Evaluation => !m.evaluations.is_empty() || notes,
    }
}

pub(super) fn required_phase_problems(m: &Meeting, agenda: &Agenda, out: &mut Vec<Problem>) {
    for phase in agenda.phases.iter().filter(|p| p.required) {
        // These have their own, more precise rules above.
        let covered = match phase.kind {
            PhaseKind::Roles | PhaseKind::Goal | PhaseKind::FollowUp => true,
            PhaseKind::Consent => agenda.rules.consent_required,
            _ => false,
        };
        if covered || phase_has_content(m, &phase.id, phase.kind) {
            continue;
        }
        let text = if phase.kind == PhaseKind::ChildVoice {
            R::ChildVoiceEmpty
        } else {
            R::RequiredPhaseEmpty
        };
        out.push(Problem::worded(
            Code::RequiredPhaseEmpty,
            Target::Phase(phase.kind),
            |lang| text.fill(lang, &[phase.title.get(lang)]),
        ));
    }
}

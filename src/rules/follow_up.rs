//! The follow-up: a date after the meeting, someone who convenes it, or the plan
//! closed with a reason.

use super::{Code, Problem, Target};
use crate::agenda::{Agenda, PhaseKind};
use crate::i18n::rules::R;
use crate::meeting::{Meeting, Person};

pub(super) fn follow_up_problems(m: &Meeting, agenda: &Agenda, out: &mut Vec<Problem>) {
    let target = || Target::Phase(PhaseKind::FollowUp);
    if agenda.rules.follow_up_meeting
        && let Some(reason) = &m.plan_closed
    {
        if reason.trim().is_empty() {
            out.push(Problem::says(
                Code::PlanClosedNoReason,
                target(),
                R::PlanClosedNoReason,
                &[],
            ));
        }
        return;
    }
    let Some(f) = &m.follow_up else {
        let text = if agenda.rules.follow_up_meeting {
            R::NoFollowUpNorClosed
        } else {
            R::NoFollowUp
        };
        out.push(Problem::says(Code::NoFollowUp, target(), text, &[]));
        return;
    };
    if f.date <= m.date {
        out.push(Problem::says(
            Code::FollowUpNotAfterMeeting,
            target(),
            R::FollowUpNotAfterMeeting,
            &[&f.date.to_string(), &m.date.to_string()],
        ));
    }
    let convener_ok = match &f.convener {
        None => false,
        Some(Person::Named(n)) => !n.trim().is_empty(),
        Some(Person::Participant(id)) => m.participant(id).is_some(),
    };
    if !convener_ok {
        out.push(Problem::says(
            Code::FollowUpNoConvener,
            target(),
            R::FollowUpNoConvener,
            &[],
        ));
    }
}

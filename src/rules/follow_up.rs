//! The follow-up: a date after the meeting, someone who convenes it, or the plan
//! closed with a reason.

use super::{Code, Problem, Target};
use crate::agenda::{Agenda, PhaseKind};
use crate::meeting::{Meeting, Person};

pub(super) fn follow_up_problems(m: &Meeting, agenda: &Agenda, out: &mut Vec<Problem>) {
    let target = || Target::Phase(PhaseKind::FollowUp);
    if agenda.rules.follow_up_meeting
        && let Some(reason) = &m.plan_closed
    {
        if reason.trim().is_empty() {
            out.push(Problem::new(
                Code::PlanClosedNoReason,
                target(),
                "Planen avslutas men skälet saknas.",
                "The plan is closed but no reason is given.",
            ));
        }
        return;
    }
    let Some(f) = &m.follow_up else {
        let (sv, en) = if agenda.rules.follow_up_meeting {
            (
                "Inget uppföljningsdatum är satt, och planen är inte avslutad med ett skäl.",
                "No follow-up date is set, and the plan is not closed with a reason.",
            )
        } else {
            (
                "Inget uppföljningsdatum är satt.",
                "No follow-up date is set.",
            )
        };
        out.push(Problem::new(Code::NoFollowUp, target(), sv, en));
        return;
    };
    if f.date <= m.date {
        out.push(Problem::new(
            Code::FollowUpNotAfterMeeting,
            target(),
            format!(
                "Uppföljningen ({}) måste ligga efter mötet ({}).",
                f.date, m.date
            ),
            format!(
                "The follow-up ({}) must come after the meeting ({}).",
                f.date, m.date
            ),
        ));
    }
    let convener_ok = match &f.convener {
        None => false,
        Some(Person::Named(n)) => !n.trim().is_empty(),
        Some(Person::Participant(id)) => m.participant(id).is_some(),
    };
    if !convener_ok {
        out.push(Problem::new(
            Code::FollowUpNoConvener,
            target(),
            "Ingen sammankallande är angiven för uppföljningen.",
            "No convener is named for the follow-up.",
        ));
    }
}

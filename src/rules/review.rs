//! A follow-up meeting accounts for every promise of the previous plan (SPEC §8): every
//! action reviewed, with a comment unless it is done; every awaited decision resolved or
//! awaited again in the new plan; whatever goes on carried into the new plan; every goal
//! judged; and consent that names every organisation now in the plan or at the table.

use super::mandate::quote;
use super::{Code, Problem, Target};
use crate::agenda::PhaseKind;
use crate::meeting::{DecisionOutcome, Meeting, Outcome};

pub(super) fn review_problems(m: &Meeting, out: &mut Vec<Problem>) {
    let target = || Target::Phase(PhaseKind::Review);
    for r in &m.reviews {
        let q = quote(&r.was);
        let Some(outcome) = r.outcome else {
            out.push(Problem::new(
                Code::ReviewMissing,
                target(),
                format!("{q} från förra planen är inte genomgången."),
                format!("{q} of the previous plan is not reviewed."),
            ));
            continue;
        };
        if outcome != Outcome::Done && r.comment.trim().is_empty() {
            out.push(Problem::new(
                Code::ReviewNoComment,
                target(),
                format!("{q}: skriv en kommentar till hur det gick."),
                format!("{q}: write a comment on how it went."),
            ));
        }
        if r.was_awaiting() && r.decision.is_none() {
            out.push(Problem::new(
                Code::AwaitedNotResolved,
                target(),
                format!(
                    "{q}: beslutet inväntades; skriv vad det blev, eller att det inväntas igen."
                ),
                format!(
                    "{q}: the decision was awaited; say what it was, or that it is awaited again."
                ),
            ));
        }
        let awaited_again = matches!(r.decision, Some(DecisionOutcome::StillAwaited));
        if outcome.goes_on() || awaited_again {
            let carried = r.carried_to.as_ref().and_then(|id| m.action(id));
            match carried {
                None => out.push(Problem::new(
                    Code::ContinuesNotCarried,
                    target(),
                    format!("{q} fortsätter men finns inte med i den nya planen."),
                    format!("{q} goes on but is not in the new plan."),
                )),
                Some(a) if awaited_again && !a.is_awaiting() => out.push(Problem::new(
                    Code::AwaitedNotCarried,
                    target(),
                    format!("{q}: beslutet inväntas igen, men den nya planen väntar inte på något beslut."),
                    format!("{q}: the decision is awaited again, but the new plan awaits no decision."),
                )),
                Some(_) => {}
            }
        }
    }
    for g in &m.goal_reviews {
        if g.outcome.is_none() {
            let text = m
                .goal(&g.goal)
                .map_or_else(|| g.goal.to_string(), |g| g.text.clone());
            out.push(Problem::new(
                Code::GoalNotReviewed,
                target(),
                format!("Målet «{text}» är inte bedömt: nått, delvis eller inte nått."),
                format!("The goal «{text}» is not judged: reached, partly or not reached."),
            ));
        }
    }
    // An organisation new in the plan or at the table needs a consent that names it.
    let mut orgs: Vec<&crate::meeting::Id> = m
        .actions
        .iter()
        .filter_map(|a| a.organisation.as_ref())
        .chain(
            m.participants
                .iter()
                .filter(|p| p.is_present())
                .filter_map(|p| p.organisation.as_ref()),
        )
        .collect();
    orgs.sort();
    orgs.dedup();
    for org in super::consent::not_named_in_consent(m, orgs).unwrap_or_default() {
        let name = m.organisation_name(org);
        out.push(Problem::new(
            Code::ConsentMissesOrganisation,
            Target::Phase(PhaseKind::Consent),
            format!("{name} är med i planen men nämns inte i något giltigt samtycke."),
            format!("{name} is in the plan but not named in any valid consent."),
        ));
    }
}

//! A follow-up meeting accounts for every promise of the previous plan (SPEC §8): every
//! action reviewed, with a comment unless it is done; every awaited decision resolved or
//! awaited again in the new plan; whatever goes on carried into the new plan; every goal
//! judged; and consent that names every organisation now in the plan or at the table.

use super::mandate::quote;
use super::{Code, Problem, Target};
use crate::agenda::PhaseKind;
use crate::i18n::rules::R;
use crate::meeting::{DecisionOutcome, Meeting, Outcome};

pub(super) fn review_problems(m: &Meeting, out: &mut Vec<Problem>) {
    let target = || Target::Phase(PhaseKind::Review);
    for r in &m.reviews {
        let q = quote(&r.was);
        let Some(outcome) = r.outcome else {
            out.push(Problem::says(
                Code::ReviewMissing,
                target(),
                R::ReviewMissing,
                &[&q],
            ));
            continue;
        };
        if outcome != Outcome::Done && r.comment.trim().is_empty() {
            out.push(Problem::says(
                Code::ReviewNoComment,
                target(),
                R::ReviewNoComment,
                &[&q],
            ));
        }
        if r.was_awaiting() && r.decision.is_none() {
            out.push(Problem::says(
                Code::AwaitedNotResolved,
                target(),
                R::AwaitedNotResolved,
                &[&q],
            ));
        }
        let awaited_again = matches!(r.decision, Some(DecisionOutcome::StillAwaited));
        if outcome.goes_on() || awaited_again {
            let carried = r.carried_to.as_ref().and_then(|id| m.action(id));
            match carried {
                None => out.push(Problem::says(
                    Code::ContinuesNotCarried,
                    target(),
                    R::ContinuesNotCarried,
                    &[&q],
                )),
                Some(a) if awaited_again && !a.is_awaiting() => out.push(Problem::says(
                    Code::AwaitedNotCarried,
                    target(),
                    R::AwaitedNotCarried,
                    &[&q],
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
            out.push(Problem::says(
                Code::GoalNotReviewed,
                target(),
                R::GoalNotReviewed,
                &[&text],
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
        out.push(Problem::says(
            Code::ConsentMissesOrganisation,
            Target::Phase(PhaseKind::Consent),
            R::ConsentMissesOrganisation,
            &[&name],
        ));
    }
}

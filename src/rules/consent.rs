//! Consent (samtycke): that someone who may give it has, for what, and that it holds
//! on the day of the meeting.

use super::{Code, Problem, Target};
use crate::agenda::PhaseKind;
use crate::i18n::rules::R;
use crate::meeting::{Meeting, Person};

pub(super) fn consent_problems(m: &Meeting, out: &mut Vec<Problem>) {
    if m.consents.is_empty() {
        out.push(Problem::says(
            Code::ConsentMissing,
            Target::Phase(PhaseKind::Consent),
            R::ConsentMissing,
            &[],
        ));
        return;
    }
    if m.consents.iter().any(|c| consent_holds(m, c)) {
        return;
    }
    for (i, c) in m.consents.iter().enumerate() {
        let why = if c.given_by.is_empty() {
            R::ConsentNoGiver
        } else if !consent_giver_ok(m, c) {
            R::ConsentByProfessional
        } else if c.withdrawn.is_some_and(|w| w <= m.date) {
            R::ConsentWithdrawn
        } else if c.date > m.date {
            R::ConsentAfterMeeting
        } else {
            R::ConsentExpired
        };
        let who = m.givers(c);
        out.push(Problem::worded(
            Code::ConsentNotValid,
            Target::Consent(i),
            |lang| R::ConsentNotValid.fill(lang, &[&who, why.get(lang)]),
        ));
    }
}

/// Consent comes from the family (or a person named as giving it), never from a
/// professional at the table.
/// Given jointly (both guardians, the young person), every one of them may give it.
pub(super) fn consent_giver_ok(m: &Meeting, c: &crate::meeting::Consent) -> bool {
    !c.given_by.is_empty()
        && c.given_by.iter().all(|giver| match giver {
            Person::Participant(id) => m.participant(id).is_some_and(|p| p.kind.is_family()),
            Person::Named(name) => !name.trim().is_empty(),
        })
}

/// Of `orgs`, those no valid consent names (itself or a unit above it). `None` when no
/// valid consent names organisations at all: then it is judged by its words alone (as
/// format 1 wrote it) or by the consent rule.
pub(super) fn not_named_in_consent<'m>(
    m: &Meeting,
    orgs: impl IntoIterator<Item = &'m crate::meeting::Id>,
) -> Option<Vec<&'m crate::meeting::Id>> {
    let valid: Vec<_> = m.consents.iter().filter(|c| consent_holds(m, c)).collect();
    if valid.iter().all(|c| c.organisations.is_empty()) {
        return None;
    }
    Some(
        orgs.into_iter()
            .filter(|org| {
                !valid
                    .iter()
                    .any(|c| c.organisations.iter().any(|o| m.covers(o, org)))
            })
            .collect(),
    )
}

/// A consent that counts on the meeting day.
pub fn consent_holds(m: &Meeting, c: &crate::meeting::Consent) -> bool {
    consent_giver_ok(m, c) && c.is_valid_on(m.date)
}

//! What blocks finalizing and what warns (SPEC §4–§5), as pure functions of the meeting
//! and its agenda. The TUI, `samsyn check` and finalizing all ask these same functions.

mod finalize;
pub use finalize::finalize;

use crate::agenda::{Agenda, PhaseKind};
use crate::i18n::Lang;
use crate::meeting::{
    Action, Decision, Id, Meeting, Participant, ParticipantKind, Performer, Person,
};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Blocking,
    Warning,
}

/// What a problem refers to, so a user can be taken to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Meeting,
    Participant(Id),
    Action(Id),
    /// By index in `Meeting::consents`.
    Consent(usize),
    Phase(PhaseKind),
}

/// Stable problem codes: shown by `samsyn check`, safe to grep for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    NoFacilitator,
    NoParticipants,
    ConsentMissing,
    ConsentNotValid,
    ActionNoWhat,
    ActionNoPerformer,
    ActionNoOrganisation,
    ActionNoDeadline,
    PerformerOtherOrganisation,
    DeciderUnknown,
    DeciderAbsent,
    DeciderNoMandate,
    DeciderOtherOrganisation,
    FamilyDecidesForOthers,
    AwaitingNoDecisionMaker,
    AwaitingFromNonDecider,
    AwaitingNoDate,
    AwaitingBeforeMeeting,
    AwaitingAfterFollowUp,
    AwaitingOtherOrganisation,
    NoSharedGoal,
    NoOverallResponsible,
    NoFollowUp,
    FollowUpNotAfterMeeting,
    FollowUpNoConvener,
    PlanClosedNoReason,
    RequiredPhaseEmpty,
    AlreadyFinalized,
    NoFinalizer,
    // Warnings.
    OrganisationWithoutMandate,
    SingleOrganisation,
    FollowUpTooFar,
    FamilyCoordinator,
    FamilyOverallResponsible,
    ConsentExpiresBeforeFollowUp,
    NotHeard,
    PhaseOverTime,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        match self {
            Code::NoFacilitator => "no-facilitator",
            Code::NoParticipants => "no-participants",
            Code::ConsentMissing => "consent-missing",
            Code::ConsentNotValid => "consent-not-valid",
            Code::ActionNoWhat => "action-no-what",
            Code::ActionNoPerformer => "action-no-performer",
            Code::ActionNoOrganisation => "action-no-organisation",
            Code::ActionNoDeadline => "action-no-deadline",
            Code::PerformerOtherOrganisation => "performer-other-organisation",
            Code::DeciderUnknown => "decider-unknown",
            Code::DeciderAbsent => "decider-absent",
            Code::DeciderNoMandate => "decider-no-mandate",
            Code::DeciderOtherOrganisation => "decider-other-organisation",
            Code::FamilyDecidesForOthers => "family-decides-for-others",
            Code::AwaitingNoDecisionMaker => "awaiting-no-decision-maker",
            Code::AwaitingFromNonDecider => "awaiting-from-non-decider",
            Code::AwaitingNoDate => "awaiting-no-date",
            Code::AwaitingBeforeMeeting => "awaiting-before-meeting",
            Code::AwaitingAfterFollowUp => "awaiting-after-follow-up",
            Code::AwaitingOtherOrganisation => "awaiting-other-organisation",
            Code::NoSharedGoal => "no-shared-goal",
            Code::NoOverallResponsible => "no-overall-responsible",
            Code::NoFollowUp => "no-follow-up",
            Code::FollowUpNotAfterMeeting => "follow-up-not-after-meeting",
            Code::FollowUpNoConvener => "follow-up-no-convener",
            Code::PlanClosedNoReason => "plan-closed-no-reason",
            Code::RequiredPhaseEmpty => "required-phase-empty",
            Code::AlreadyFinalized => "already-finalized",
            Code::NoFinalizer => "no-finalizer",
            Code::OrganisationWithoutMandate => "organisation-without-mandate",
            Code::SingleOrganisation => "single-organisation",
            Code::FollowUpTooFar => "follow-up-too-far",
            Code::FamilyCoordinator => "family-coordinator",
            Code::FamilyOverallResponsible => "family-overall-responsible",
            Code::ConsentExpiresBeforeFollowUp => "consent-expires-before-follow-up",
            Code::NotHeard => "not-heard",
            Code::PhaseOverTime => "phase-over-time",
        }
    }
}

/// One reason the minutes cannot be finalized, or one warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub code: Code,
    pub severity: Severity,
    pub target: Target,
    pub sv: String,
    pub en: String,
}

impl Problem {
    fn new(code: Code, target: Target, sv: impl Into<String>, en: impl Into<String>) -> Problem {
        let severity = if code >= Code::OrganisationWithoutMandate {
            Severity::Warning
        } else {
            Severity::Blocking
        };
        Problem {
            code,
            severity,
            target,
            sv: sv.into(),
            en: en.into(),
        }
    }

    pub fn message(&self, lang: Lang) -> &str {
        lang.pick(&self.sv, &self.en)
    }

    pub fn is_blocking(&self) -> bool {
        self.severity == Severity::Blocking
    }

    /// The phase of the agenda a user should go to in order to fix this.
    pub fn phase_kind(&self) -> PhaseKind {
        match &self.target {
            Target::Meeting | Target::Participant(_) => PhaseKind::Roles,
            Target::Action(_) => PhaseKind::Actions,
            Target::Consent(_) => PhaseKind::Consent,
            Target::Phase(kind) => *kind,
        }
    }

    pub(crate) fn already_finalized() -> Problem {
        Problem::new(
            Code::AlreadyFinalized,
            Target::Meeting,
            "Protokollet är redan justerat.",
            "The minutes are already finalized.",
        )
    }

    pub(crate) fn no_finalizer() -> Problem {
        Problem::new(
            Code::NoFinalizer,
            Target::Meeting,
            "Ange vem som justerar protokollet.",
            "Say who finalizes the minutes.",
        )
    }
}

/// Every problem, blocking first, in a stable order.
pub fn check(meeting: &Meeting, agenda: &Agenda) -> Vec<Problem> {
    let mut all = blocking(meeting, agenda);
    all.extend(warnings(meeting, agenda));
    all
}

/// What blocks finalizing (SPEC §5, 1–7).
pub fn blocking(m: &Meeting, agenda: &Agenda) -> Vec<Problem> {
    let mut out = Vec::new();
    if m.facilitator.trim().is_empty() {
        out.push(Problem::new(
            Code::NoFacilitator,
            Target::Phase(PhaseKind::Roles),
            "Ingen samtalsledare är angiven.",
            "No facilitator is named.",
        ));
    }
    if m.participants.is_empty() {
        out.push(Problem::new(
            Code::NoParticipants,
            Target::Phase(PhaseKind::Roles),
            "Inga deltagare är registrerade.",
            "No participants are recorded.",
        ));
    }
    if agenda.rules.consent_required {
        consent_problems(m, &mut out);
    }
    for action in &m.actions {
        action_problems(m, action, &mut out);
    }
    if agenda.has_phase(PhaseKind::Goal) && !m.goals.iter().any(|g| !g.text.trim().is_empty()) {
        out.push(Problem::new(
            Code::NoSharedGoal,
            Target::Phase(PhaseKind::Goal),
            "Inget gemensamt mål är formulerat.",
            "No shared goal is written.",
        ));
    }
    if agenda.rules.overall_responsible_required
        && m.overall_responsible
            .as_ref()
            .is_none_or(|r| r.organisation.trim().is_empty())
    {
        out.push(Problem::new(
            Code::NoOverallResponsible,
            Target::Phase(PhaseKind::Summary),
            "Ingen huvudman har det övergripande ansvaret för planen.",
            "No huvudman holds the overall responsibility for the plan.",
        ));
    }
    follow_up_problems(m, agenda, &mut out);
    required_phase_problems(m, agenda, &mut out);
    out
}

fn consent_problems(m: &Meeting, out: &mut Vec<Problem>) {
    if m.consents.is_empty() {
        out.push(Problem::new(
            Code::ConsentMissing,
            Target::Phase(PhaseKind::Consent),
            "Samtycke saknas: inget samtycke är registrerat.",
            "Consent is missing: no consent is recorded.",
        ));
        return;
    }
    if m.consents.iter().any(|c| consent_holds(m, c)) {
        return;
    }
    for (i, c) in m.consents.iter().enumerate() {
        let (sv, en) = if !consent_giver_ok(m, c) {
            (
                "är lämnat av en yrkesperson; samtycke lämnas av barnet, vårdnadshavaren eller en närstående",
                "was given by a professional; consent comes from the child, a guardian or next of kin",
            )
        } else if c.withdrawn.is_some_and(|w| w <= m.date) {
            ("är återkallat", "was withdrawn")
        } else if c.date > m.date {
            ("är daterat efter mötet", "is dated after the meeting")
        } else {
            ("har gått ut", "has expired")
        };
        let who = m.person_name(&c.given_by);
        out.push(Problem::new(
            Code::ConsentNotValid,
            Target::Consent(i),
            format!("Samtycket från {who} {sv}; inget giltigt samtycke finns."),
            format!("The consent from {who} {en}; no valid consent is recorded."),
        ));
    }
}

/// Consent comes from the family (or a person named as giving it), never from a
/// professional at the table.
fn consent_giver_ok(m: &Meeting, c: &crate::meeting::Consent) -> bool {
    match &c.given_by {
        Person::Participant(id) => m.participant(id).is_some_and(|p| p.kind.is_family()),
        Person::Named(name) => !name.trim().is_empty(),
    }
}

/// A consent that counts on the meeting day.
pub fn consent_holds(m: &Meeting, c: &crate::meeting::Consent) -> bool {
    consent_giver_ok(m, c) && c.is_valid_on(m.date)
}

/// A short quote of an action for messages.
fn quote(action: &Action) -> String {
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

fn action_problems(m: &Meeting, action: &Action, out: &mut Vec<Problem>) {
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
fn is_family_action(m: &Meeting, action: &Action) -> bool {
    match &action.performer {
        Some(Performer::Family) => true,
        Some(Performer::Participant(id)) => m.participant(id).is_some_and(|p| p.kind.is_family()),
        _ => false,
    }
}

/// The action belongs where its performer belongs: a professional's action to their
/// organisation, the family's to the family. Checked before who decided, because a
/// decision for the wrong organisation is no decision at all.
fn performer_violation(m: &Meeting, action: &Action) -> Option<MandateViolation> {
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
fn family_may_decide(m: &Meeting, decider: &Participant, action: &Action) -> bool {
    match &action.performer {
        Some(Performer::Participant(id)) if *id == decider.id => true,
        _ => decider.kind == ParticipantKind::Guardian && is_family_action(m, action),
    }
}

/// Organisations are typed by people: compare them without case or padding.
fn organisation_key(org: &str) -> String {
    org.trim().to_lowercase()
}

fn same_organisation(a: &str, b: &str) -> bool {
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
fn participant_named<'m>(m: &'m Meeting, text: &str) -> Option<&'m Participant> {
    let text = text.to_lowercase();
    m.participants.iter().find(|p| {
        let name = p.name.trim().to_lowercase();
        !name.is_empty() && text.contains(&name)
    })
}

/// The same action, decided at the table by `by`.
fn at_table(action: &Action, by: &Id) -> Action {
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

fn follow_up_problems(m: &Meeting, agenda: &Agenda, out: &mut Vec<Problem>) {
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

/// Whether the meeting has content for a phase of this kind.
pub fn phase_has_content(m: &Meeting, phase_id: &str, kind: PhaseKind) -> bool {
    let notes = m
        .phase(phase_id)
        .is_some_and(|p| !p.notes.trim().is_empty());
    match kind {
        PhaseKind::Roles => !m.participants.is_empty(),
        PhaseKind::Consent => !m.consents.is_empty(),
        PhaseKind::Purpose | PhaseKind::Review | PhaseKind::Notes => notes,
        PhaseKind::Situation => !m.situation.is_empty() || notes,
        PhaseKind::ChildVoice => !m.child_voice.is_empty(),
        PhaseKind::Goal => m.goals.iter().any(|g| !g.text.trim().is_empty()),
        PhaseKind::Actions => !m.actions.is_empty(),
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

fn required_phase_problems(m: &Meeting, agenda: &Agenda, out: &mut Vec<Problem>) {
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
        let (sv, en) = if phase.kind == PhaseKind::ChildVoice {
            (
                format!(
                    "Fasen «{}» är tom: skriv barnets synpunkter, eller skälet till att de inte kunde inhämtas.",
                    phase.title.sv
                ),
                format!(
                    "The phase «{}» is empty: write the child's views, or why they could not be obtained.",
                    phase.title.get(Lang::En)
                ),
            )
        } else {
            (
                format!("Fasen «{}» är obligatorisk och tom.", phase.title.sv),
                format!(
                    "The phase «{}» is required and empty.",
                    phase.title.get(Lang::En)
                ),
            )
        };
        out.push(Problem::new(
            Code::RequiredPhaseEmpty,
            Target::Phase(phase.kind),
            sv,
            en,
        ));
    }
}

/// What is shown but never blocks (SPEC §5, warnings).
pub fn warnings(m: &Meeting, agenda: &Agenda) -> Vec<Problem> {
    let mut out = Vec::new();

    // Organisations with actions but nobody present who may decide for them.
    let professional_orgs: BTreeMap<String, &str> = m
        .actions
        .iter()
        .filter(|a| !is_family_action(m, a) && !a.organisation.trim().is_empty())
        .map(|a| (organisation_key(&a.organisation), a.organisation.trim()))
        .collect();
    for (key, org) in &professional_orgs {
        let someone = m.participants.iter().any(|p| {
            p.is_present() && p.has_mandate() && organisation_key(&p.organisation) == *key
        });
        if !someone {
            out.push(Problem::new(
                Code::OrganisationWithoutMandate,
                Target::Phase(PhaseKind::Roles),
                format!("{org} har insatser men ingen närvarande med beslutsmandat."),
                format!("{org} has actions but nobody present with a mandate to decide."),
            ));
        }
    }
    let all_orgs: BTreeSet<String> = m
        .actions
        .iter()
        .map(|a| organisation_key(&a.organisation))
        .collect();
    if m.actions.len() >= 2 && all_orgs.len() == 1 {
        out.push(Problem::new(
            Code::SingleOrganisation,
            Target::Phase(PhaseKind::Actions),
            "Alla insatser ligger på en och samma verksamhet; kunde detta ha varit ett internt möte?",
            "Every action belongs to one organisation; could this have been an internal meeting?",
        ));
    }

    if let Some(f) = &m.follow_up {
        let weeks = agenda.rules.max_weeks_to_follow_up;
        // A date at the end of the calendar has no limit to be beyond.
        let limit = m
            .date
            .checked_add_days(chrono::Days::new(u64::from(weeks) * 7));
        if limit.is_some_and(|limit| f.date > limit) {
            out.push(Problem::new(
                Code::FollowUpTooFar,
                Target::Phase(PhaseKind::FollowUp),
                format!("Uppföljningen ligger mer än {weeks} veckor fram."),
                format!("The follow-up is more than {weeks} weeks away."),
            ));
        }
        let valid: Vec<_> = m.consents.iter().filter(|c| consent_holds(m, c)).collect();
        if !valid.is_empty()
            && valid
                .iter()
                .all(|c| c.valid_until.is_some_and(|u| u < f.date))
        {
            out.push(Problem::new(
                Code::ConsentExpiresBeforeFollowUp,
                Target::Phase(PhaseKind::Consent),
                "Samtycket går ut före uppföljningen.",
                "The consent expires before the follow-up.",
            ));
        }
    }

    if m.coordinator.as_ref().is_some_and(|c| m.is_family(c)) {
        out.push(Problem::new(
            Code::FamilyCoordinator,
            Target::Phase(PhaseKind::Summary),
            "En familjemedlem är samordnare; samordningen bör ligga hos de professionella.",
            "A family member is coordinator; coordination belongs with the professionals.",
        ));
    }
    if m.overall_responsible.as_ref().is_some_and(|r| {
        r.huvudman == crate::meeting::Huvudman::Familj
            || r.person.as_ref().is_some_and(|p| m.is_family(p))
    }) {
        out.push(Problem::new(
            Code::FamilyOverallResponsible,
            Target::Phase(PhaseKind::Summary),
            "Familjen har fått det övergripande ansvaret; det bör ligga hos en huvudman.",
            "The family holds the overall responsibility; it belongs with a huvudman.",
        ));
    }

    let heard: BTreeSet<&Id> = m.phases.values().flat_map(|p| p.heard.iter()).collect();
    let has_round = agenda.phases.iter().any(|p| p.kind.has_speaking_round());
    if has_round {
        for p in m
            .participants
            .iter()
            .filter(|p| p.is_present() && !heard.contains(&p.id))
        {
            out.push(Problem::new(
                Code::NotHeard,
                Target::Participant(p.id.clone()),
                format!("{} har inte markerats som hörd i någon talarrunda.", p.name),
                format!("{} was never marked as heard in a speaking round.", p.name),
            ));
        }
    }

    for phase in &agenda.phases {
        let spent = m.phase(&phase.id).map_or(0, |r| r.elapsed_secs);
        if spent > u64::from(phase.minutes) * 60 {
            out.push(Problem::new(
                Code::PhaseOverTime,
                Target::Phase(phase.kind),
                format!(
                    "Fasen «{}» drog över tiden: {} av {} minuter.",
                    phase.title.sv,
                    spent.div_ceil(60),
                    phase.minutes
                ),
                format!(
                    "The phase «{}» ran over its time box: {} of {} minutes.",
                    phase.title.get(Lang::En),
                    spent.div_ceil(60),
                    phase.minutes
                ),
            ));
        }
    }
    out
}

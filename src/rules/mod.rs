//! What blocks finalizing and what warns (SPEC §4–§5), as pure functions of the meeting
//! and its agenda. The TUI, `samsyn check` and finalizing all ask these same functions.
//! The mandate rule is in `mandate.rs`; each other subject has its file beside it.

mod consent;
mod finalize;
mod follow_up;
mod mandate;
mod phases;
mod review;
mod warnings;

pub use consent::consent_holds;
pub use finalize::{finalize, finalize_with};
pub use mandate::{
    MandateViolation, decision_violation, eligible_deciders, status_follows_decision,
    why_not_decider,
};
pub use phases::phase_has_content;
pub use warnings::{over_time, warnings};

use consent::consent_problems;
use follow_up::follow_up_problems;
use mandate::action_problems;
use phases::required_phase_problems;
use review::review_problems;

use crate::agenda::{Agenda, PhaseKind};
use crate::i18n::Lang;
use crate::i18n::rules::R;
use crate::meeting::{Id, Meeting};

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
    DeciderNoCostMandate,
    FamilyDecidesForOthers,
    AwaitingNoDecisionMaker,
    AwaitingFromNonDecider,
    AwaitingNoDate,
    AwaitingBeforeMeeting,
    AwaitingAfterDeadline,
    AwaitingAfterFollowUp,
    AwaitingOtherOrganisation,
    NoSharedGoal,
    NoOverallResponsible,
    OverallResponsibleWrongHuvudman,
    OverallPersonOtherOrganisation,
    NoFollowUp,
    FollowUpNotAfterMeeting,
    FollowUpNoConvener,
    PlanClosedNoReason,
    RequiredPhaseEmpty,
    ReviewMissing,
    ReviewNoComment,
    AwaitedNotResolved,
    ContinuesNotCarried,
    AwaitedNotCarried,
    GoalNotReviewed,
    ConsentMissesOrganisation,
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
    OverallResponsibleMissing,
    NoCoordinator,
    CostOnOtherOrganisation,
    ConsentDoesNotNameOrganisation,
    /// Actions of the plan not confirmed at the table in the read-back.
    ActionNotConfirmed,
}

impl Code {
    /// Whether a problem of this code blocks finalizing or only warns: declared for
    /// each code, so a new code must say which it is.
    pub const fn severity(self) -> Severity {
        match self {
            Code::NoFacilitator
            | Code::NoParticipants
            | Code::ConsentMissing
            | Code::ConsentNotValid
            | Code::ActionNoWhat
            | Code::ActionNoPerformer
            | Code::ActionNoOrganisation
            | Code::ActionNoDeadline
            | Code::PerformerOtherOrganisation
            | Code::DeciderUnknown
            | Code::DeciderAbsent
            | Code::DeciderNoMandate
            | Code::DeciderOtherOrganisation
            | Code::DeciderNoCostMandate
            | Code::FamilyDecidesForOthers
            | Code::AwaitingNoDecisionMaker
            | Code::AwaitingFromNonDecider
            | Code::AwaitingNoDate
            | Code::AwaitingBeforeMeeting
            | Code::AwaitingAfterDeadline
            | Code::AwaitingAfterFollowUp
            | Code::AwaitingOtherOrganisation
            | Code::NoSharedGoal
            | Code::NoOverallResponsible
            | Code::OverallResponsibleWrongHuvudman
            | Code::OverallPersonOtherOrganisation
            | Code::NoFollowUp
            | Code::FollowUpNotAfterMeeting
            | Code::FollowUpNoConvener
            | Code::PlanClosedNoReason
            | Code::RequiredPhaseEmpty
            | Code::ReviewMissing
            | Code::ReviewNoComment
            | Code::AwaitedNotResolved
            | Code::ContinuesNotCarried
            | Code::AwaitedNotCarried
            | Code::GoalNotReviewed
            | Code::ConsentMissesOrganisation
            | Code::AlreadyFinalized
            | Code::NoFinalizer => Severity::Blocking,
            Code::OrganisationWithoutMandate
            | Code::SingleOrganisation
            | Code::FollowUpTooFar
            | Code::FamilyCoordinator
            | Code::FamilyOverallResponsible
            | Code::ConsentExpiresBeforeFollowUp
            | Code::NotHeard
            | Code::PhaseOverTime
            | Code::OverallResponsibleMissing
            | Code::NoCoordinator
            | Code::CostOnOtherOrganisation
            | Code::ConsentDoesNotNameOrganisation
            | Code::ActionNotConfirmed => Severity::Warning,
        }
    }

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
            Code::DeciderNoCostMandate => "decider-no-cost-mandate",
            Code::FamilyDecidesForOthers => "family-decides-for-others",
            Code::AwaitingNoDecisionMaker => "awaiting-no-decision-maker",
            Code::AwaitingFromNonDecider => "awaiting-from-non-decider",
            Code::AwaitingNoDate => "awaiting-no-date",
            Code::AwaitingBeforeMeeting => "awaiting-before-meeting",
            Code::AwaitingAfterDeadline => "awaiting-after-deadline",
            Code::AwaitingAfterFollowUp => "awaiting-after-follow-up",
            Code::AwaitingOtherOrganisation => "awaiting-other-organisation",
            Code::NoSharedGoal => "no-shared-goal",
            Code::NoOverallResponsible => "no-overall-responsible",
            Code::OverallResponsibleWrongHuvudman => "overall-responsible-wrong-huvudman",
            Code::OverallPersonOtherOrganisation => "overall-person-other-organisation",
            Code::NoFollowUp => "no-follow-up",
            Code::FollowUpNotAfterMeeting => "follow-up-not-after-meeting",
            Code::FollowUpNoConvener => "follow-up-no-convener",
            Code::PlanClosedNoReason => "plan-closed-no-reason",
            Code::RequiredPhaseEmpty => "required-phase-empty",
            Code::ReviewMissing => "review-missing",
            Code::ReviewNoComment => "review-no-comment",
            Code::AwaitedNotResolved => "awaited-not-resolved",
            Code::ContinuesNotCarried => "continues-not-carried",
            Code::AwaitedNotCarried => "awaited-not-carried",
            Code::GoalNotReviewed => "goal-not-reviewed",
            Code::ConsentMissesOrganisation => "consent-misses-organisation",
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
            Code::OverallResponsibleMissing => "overall-responsible-missing",
            Code::NoCoordinator => "no-coordinator",
            Code::CostOnOtherOrganisation => "cost-on-other-organisation",
            Code::ConsentDoesNotNameOrganisation => "consent-does-not-name-organisation",
            Code::ActionNotConfirmed => "action-not-confirmed",
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
        Problem {
            code,
            severity: code.severity(),
            target,
            sv: sv.into(),
            en: en.into(),
        }
    }

    /// A problem whose message is `text` in each language, filled with `args`.
    pub(super) fn says(code: Code, target: Target, text: R, args: &[&str]) -> Problem {
        Problem::new(
            code,
            target,
            text.fill(Lang::Sv, args),
            text.fill(Lang::En, args),
        )
    }

    /// A problem whose message depends on the language beyond its template (the words
    /// of terms in it).
    pub(super) fn worded(code: Code, target: Target, message: impl Fn(Lang) -> String) -> Problem {
        Problem::new(code, target, message(Lang::Sv), message(Lang::En))
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
        Problem::says(
            Code::AlreadyFinalized,
            Target::Meeting,
            R::AlreadyFinalized,
            &[],
        )
    }

    pub(crate) fn no_finalizer() -> Problem {
        Problem::says(Code::NoFinalizer, Target::Meeting, R::NoFinalizer, &[])
    }
}

/// Huvudansvar (SPEC §4): in a SIP one of the huvudmän the agenda names (kommun or
/// region) holds the overall responsibility, and a person named for it belongs to that
/// organisation.
fn overall_responsibility_problems(m: &Meeting, agenda: &Agenda, out: &mut Vec<Problem>) {
    let target = || Target::Phase(PhaseKind::Summary);
    let Some(r) = &m.overall_responsible else {
        if agenda.rules.overall_responsible_required {
            out.push(Problem::says(
                Code::NoOverallResponsible,
                target(),
                R::NoOverallResponsible,
                &[],
            ));
        }
        return;
    };
    let org = m.organisation(&r.organisation);
    let allowed = &agenda.rules.overall_responsible_huvudman;
    if let Some(o) = org
        && !allowed.is_empty()
        && !allowed.contains(&o.huvudman)
    {
        let list = |lang: Lang| {
            allowed
                .iter()
                .map(|h| crate::i18n::terms::huvudman(*h, lang))
                .collect::<Vec<_>>()
                .join(R::Or.get(lang))
        };
        out.push(Problem::worded(
            Code::OverallResponsibleWrongHuvudman,
            target(),
            |lang| {
                R::OverallResponsibleWrongHuvudman.fill(
                    lang,
                    &[
                        &o.name,
                        crate::i18n::terms::huvudman(o.huvudman, lang),
                        &list(lang),
                    ],
                )
            },
        ));
    }
    if let Some(crate::meeting::Person::Participant(id)) = &r.person
        && let Some(p) = m.participant(id)
        && !p.kind.is_family()
        && !p
            .organisation
            .as_ref()
            .is_some_and(|own| m.covers(&r.organisation, own))
    {
        let org = m.organisation_name(&r.organisation);
        out.push(Problem::says(
            Code::OverallPersonOtherOrganisation,
            target(),
            R::OverallPersonOtherOrganisation,
            &[&p.name, &org],
        ));
    }
}

/// Every problem, blocking first, in a stable order.
pub fn check(meeting: &Meeting, agenda: &Agenda) -> Vec<Problem> {
    check_with(meeting, agenda, &Plan::judge(meeting, agenda))
}

/// What the rules say of a meeting's plan: everything but its phase records (each
/// phase's notes, who was heard in it, its timer), which most of the judging (the
/// mandate rule over every action) never reads. A change of the phase records alone
/// keeps it (`check_with`), so marking someone heard or writing a phase's notes judges
/// only what those can change. `check` is `check_with` on a plan judged anew; a test
/// holds the two the same over changes of the records.
#[derive(Debug, Clone)]
pub struct Plan {
    /// What blocks finalizing, but for the required phases left empty.
    blocking: Vec<Problem>,
    /// The warnings listed before who was not heard, and those after.
    warnings: (Vec<Problem>, Vec<Problem>),
}

impl Plan {
    pub fn judge(m: &Meeting, agenda: &Agenda) -> Plan {
        Plan {
            blocking: plan_blocking(m, agenda),
            warnings: warnings::plan_warnings(m, agenda),
        }
    }
}

/// Every problem of `meeting`, whose plan (all but the phase records) was judged as
/// `plan`: the phase records are judged now.
pub fn check_with(meeting: &Meeting, agenda: &Agenda, plan: &Plan) -> Vec<Problem> {
    let (mut all, later) = judged(meeting, blocking_with(meeting, agenda, plan));
    all.extend(plan.warnings.0.iter().cloned());
    warnings::not_heard(meeting, agenda, &mut all);
    all.extend(plan.warnings.1.iter().cloned());
    warnings::over_time_warnings(meeting, agenda, &mut all);
    all.extend(later);
    all
}

/// What blocks finalizing (SPEC §5, 1–7).
pub fn blocking(m: &Meeting, agenda: &Agenda) -> Vec<Problem> {
    judged(m, rule_blocking(m, agenda)).0
}

/// Rules that meeting-file format 1 could not express: the cost bearer and the
/// organisations were free text, the SIP huvudman was not restricted, an awaited
/// decision had no tie to the deadline.
const SINCE_FORMAT_2: [Code; 4] = [
    Code::DeciderNoCostMandate,
    Code::AwaitingAfterDeadline,
    Code::OverallResponsibleWrongHuvudman,
    Code::OverallPersonOtherOrganisation,
];

/// The blocking problems `all`, and apart from them, as warnings, those of rules newer
/// than the minutes' finalize stamp: minutes finalized in format 1 are not broken by a
/// rule that came after them (and judged on organisations the upgrade derived from
/// text); the rule is still shown, so an amendment can put it right.
fn judged(m: &Meeting, all: Vec<Problem>) -> (Vec<Problem>, Vec<Problem>) {
    if !(m.is_finalized() && m.upgraded.is_upgraded()) {
        return (all, Vec::new());
    }
    let (mut later, now): (Vec<Problem>, Vec<Problem>) = all
        .into_iter()
        .partition(|p| SINCE_FORMAT_2.contains(&p.code));
    for p in &mut later {
        p.severity = Severity::Warning;
        p.sv.push_str(R::RuleCameLater.get(Lang::Sv));
        p.en.push_str(R::RuleCameLater.get(Lang::En));
    }
    (now, later)
}

/// Everything that blocks finalizing, the plan's part judged as `plan`.
fn blocking_with(m: &Meeting, agenda: &Agenda, plan: &Plan) -> Vec<Problem> {
    let mut out = plan.blocking.clone();
    required_phase_problems(m, agenda, &mut out);
    out
}

fn rule_blocking(m: &Meeting, agenda: &Agenda) -> Vec<Problem> {
    let mut out = plan_blocking(m, agenda);
    required_phase_problems(m, agenda, &mut out);
    out
}

/// What blocks finalizing that reads nothing of the phase records.
fn plan_blocking(m: &Meeting, agenda: &Agenda) -> Vec<Problem> {
    let mut out = Vec::new();
    if m.facilitator.trim().is_empty() {
        out.push(Problem::says(
            Code::NoFacilitator,
            Target::Phase(PhaseKind::Roles),
            R::NoFacilitator,
            &[],
        ));
    }
    if m.participants.is_empty() {
        out.push(Problem::says(
            Code::NoParticipants,
            Target::Phase(PhaseKind::Roles),
            R::NoParticipants,
            &[],
        ));
    }
    if agenda.rules.consent_required {
        consent_problems(m, &mut out);
    }
    for action in &m.actions {
        action_problems(m, action, &mut out);
    }
    if agenda.has_phase(PhaseKind::Goal) && !m.goals.iter().any(|g| !g.text.trim().is_empty()) {
        out.push(Problem::says(
            Code::NoSharedGoal,
            Target::Phase(PhaseKind::Goal),
            R::NoSharedGoal,
            &[],
        ));
    }
    overall_responsibility_problems(m, agenda, &mut out);
    follow_up_problems(m, agenda, &mut out);
    if agenda.rules.follow_up_meeting || m.previous.is_some() {
        review_problems(m, &mut out);
    }
    out
}

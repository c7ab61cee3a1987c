//! The rules' words, in Swedish and English: what blocks finalizing and what warns, as
//! `samsyn check`, the problems list on screen and the minutes' draft page say it. One
//! entry per message; blanks are `{}`, filled in order by `R::fill`.

use super::Lang;
use super::screen::fill;

macro_rules! messages {
    ($($name:ident => $sv:expr, $en:expr;)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum R { $($name),* }
        impl R {
            pub fn get(self, lang: Lang) -> &'static str {
                match self { $(R::$name => lang.pick($sv, $en)),* }
            }
        }
    };
}

impl R {
    /// The message with each `{}` replaced by the next of `args`.
    pub fn fill(self, lang: Lang, args: &[&str]) -> String {
        fill(self.get(lang), args)
    }
}

messages! {
    // Roles.
    NoFacilitator => "Ingen samtalsledare är angiven.", "No facilitator is named.";
    NoParticipants => "Inga deltagare är registrerade.", "No participants are recorded.";

    // Consent.
    ConsentMissing => "Samtycke saknas: inget samtycke är registrerat.",
        "Consent is missing: no consent is recorded.";
    ConsentNotValid => "Samtycket från {} {}; inget giltigt samtycke finns.",
        "The consent from {} {}; no valid consent is recorded.";
    ConsentNoGiver => "har ingen som lämnat det", "names nobody as giving it";
    ConsentByProfessional =>
        "är lämnat av en yrkesperson; samtycke lämnas av barnet, vårdnadshavaren eller en närstående",
        "was given by a professional; consent comes from the child, a guardian or next of kin";
    ConsentWithdrawn => "är återkallat", "was withdrawn";
    ConsentAfterMeeting => "är daterat efter mötet", "is dated after the meeting";
    ConsentExpired => "har gått ut", "has expired";

    // The goal and the overall responsibility.
    NoSharedGoal => "Inget gemensamt mål är formulerat.", "No shared goal is written.";
    NoOverallResponsible => "Ingen huvudman har det övergripande ansvaret för planen.",
        "No huvudman holds the overall responsibility for the plan.";
    OverallResponsibleWrongHuvudman =>
        "Det övergripande ansvaret ligger hos {} (huvudman: {}); i en SIP ska en av huvudmännen ha det: {}.",
        "The overall responsibility is with {} (huvudman: {}); in a SIP one of the huvudmän holds it: {}.";
    Or => " eller ", " or ";
    OverallPersonOtherOrganisation =>
        "{} är ansvarig för planen men tillhör inte {}, som har det övergripande ansvaret.",
        "{} is named responsible for the plan but does not belong to {}, which holds the overall responsibility.";

    // The follow-up.
    PlanClosedNoReason => "Planen avslutas men skälet saknas.",
        "The plan is closed but no reason is given.";
    NoFollowUpNorClosed =>
        "Inget uppföljningsdatum är satt, och planen är inte avslutad med ett skäl.",
        "No follow-up date is set, and the plan is not closed with a reason.";
    NoFollowUp => "Inget uppföljningsdatum är satt.", "No follow-up date is set.";
    FollowUpNotAfterMeeting => "Uppföljningen ({}) måste ligga efter mötet ({}).",
        "The follow-up ({}) must come after the meeting ({}).";
    FollowUpNoConvener => "Ingen sammankallande är angiven för uppföljningen.",
        "No convener is named for the follow-up.";

    // Required phases.
    ChildVoiceEmpty =>
        "Fasen «{}» är tom: skriv barnets synpunkter, eller skälet till att de inte kunde inhämtas.",
        "The phase «{}» is empty: write the child's views, or why they could not be obtained.";
    RequiredPhaseEmpty => "Fasen «{}» är obligatorisk och tom.",
        "The phase «{}» is required and empty.";

    // The review of the previous plan.
    ReviewMissing => "{} från förra planen är inte genomgången.",
        "{} of the previous plan is not reviewed.";
    ReviewNoComment => "{}: skriv en kommentar till hur det gick.",
        "{}: write a comment on how it went.";
    AwaitedNotResolved =>
        "{}: beslutet inväntades; skriv vad det blev, eller att det inväntas igen.",
        "{}: the decision was awaited; say what it was, or that it is awaited again.";
    ContinuesNotCarried => "{} fortsätter men finns inte med i den nya planen.",
        "{} goes on but is not in the new plan.";
    AwaitedNotCarried =>
        "{}: beslutet inväntas igen, men den nya planen väntar inte på något beslut.",
        "{}: the decision is awaited again, but the new plan awaits no decision.";
    GoalNotReviewed => "Målet «{}» är inte bedömt: nått, delvis eller inte nått.",
        "The goal «{}» is not judged: reached, partly or not reached.";
    ConsentMissesOrganisation =>
        "{} är med i planen men nämns inte i något giltigt samtycke.",
        "{} is in the plan but not named in any valid consent.";

    // The mandate rule: why an action's decision does not hold (after the action's quote).
    NoOrganisation => "ingen verksamhet är angiven som utför den.",
        "no organisation is named as carrying it out.";
    PerformerOtherOrganisation =>
        "utföraren {} tillhör {}; en insats hör till utförarens verksamhet.",
        "the performer {} belongs to {}; an action belongs to its performer's organisation.";
    FamilyActionUnderHuvudman =>
        "familjen utför den, så den är familjens egen åtgärd och hör inte till någon verksamhet.",
        "the family carries it out, so it is the family's own measure and belongs to no organisation.";
    NoDecider => "ingen är angiven som beslutade.", "nobody is named as having decided it.";
    DeciderUnknown => "beslutsfattaren {} finns inte bland deltagarna.",
        "the decider {} is not among the participants.";
    DeciderAbsent => "{} som beslutade är inte närvarande.", "{}, who decided, is not present.";
    DeciderNoMandate => "{} har inget beslutsmandat.", "{} has no mandate to decide.";
    DeciderOtherOrganisation =>
        "{} tillhör {} och kan inte besluta för en annan verksamhet.",
        "{} belongs to {} and cannot decide for another organisation.";
    DeciderNoCostMandate =>
        "kostnaden bärs av {}, och {} har inget mandat som omfattar kostnader; välj ”beslut inväntas” från den som har det.",
        "the cost falls on {}, and {}'s mandate does not include costs; choose \"awaiting decision\" from the one who has it.";
    ProfessionalDecidesFamilyMeasure =>
        "{} är yrkesperson; familjens egen åtgärd beslutar familjen själv.",
        "{} is a professional; the family decides its own measure itself.";
    FamilyDecidesForOthers =>
        "{} hör till familjen och kan bara besluta om sina egna åtgärder (en vårdnadshavare också om familjens och barnets).",
        "{} is family and can only decide their own measures (a guardian also the family's and the child's).";
    AwaitingNoDecisionMaker =>
        "beslut inväntas men ingen beslutsfattare och verksamhet är angiven.",
        "a decision is awaited but no decision maker and organisation are named.";
    AwaitingFromNonDecider =>
        "beslut ska inväntas från {}, som sitter med men inte har mandat att besluta det; ange den som har mandatet.",
        "the decision is awaited from {}, who is at the table without the mandate to decide it; name the one who has the mandate.";
    AwaitingNoDate => "beslut inväntas men inget datum för beslutet är satt.",
        "a decision is awaited but no decide-by date is set.";
    AwaitingBeforeMeeting => "datumet för beslutet ligger före mötet.",
        "the decide-by date is before the meeting.";
    AwaitingAfterDeadline =>
        "beslutet ska fattas senast när insatsen ska vara klar, men datumet för beslutet ligger efter slutdatumet.",
        "the decide-by date is after the action's deadline; the decision must come no later than the deadline.";
    AwaitingOtherOrganisation =>
        "beslutsfattaren hör till en annan verksamhet än den som ska utföra insatsen.",
        "the decision maker belongs to another organisation than the one that performs the action.";
    AwaitingAfterFollowUp =>
        "beslutet ska fattas senast vid uppföljningen, men datumet ligger efter den.",
        "the decide-by date is after the follow-up; it must come no later than the follow-up.";

    // An action, named by its kind and quote.
    ActionNoWhat => "{} {}: det står inte vad som ska göras.", "{} {}: what is to be done is not written.";
    ActionNoPerformer => "{} {}: ingen utförare är angiven.", "{} {}: no performer is named.";
    ActionNoDeadline => "{} {}: det står inte till när.", "{} {}: no deadline (by when) is set.";
    ActionViolation => "{} {}: {}", "{} {}: {}";

    // Warnings.
    OrganisationWithoutMandate => "{} har insatser men ingen närvarande med beslutsmandat.",
        "{} has actions but nobody present with a mandate to decide.";
    SingleOrganisation =>
        "Alla insatser ligger på en och samma verksamhet; kunde detta ha varit ett internt möte?",
        "Every action belongs to one organisation; could this have been an internal meeting?";
    CostOnOtherOrganisation =>
        "{}: kostnaden bärs av {}, men ingen från {} har beslutat den; se till att {} har sagt ja.",
        "{}: the cost falls on {}, but nobody of {} decided it; make sure {} has agreed.";
    ConsentDoesNotNameOrganisation => "{} har insatser men nämns inte i något giltigt samtycke.",
        "{} has actions but is not named in any valid consent.";
    OverallResponsibleMissing => "Ingen har det övergripande ansvaret för planen.",
        "Nobody holds the overall responsibility for the plan.";
    NoCoordinator => "Ingen samordnare är utsedd.", "No coordinator is named.";
    FollowUpTooFar => "Uppföljningen ligger mer än {} veckor fram.",
        "The follow-up is more than {} weeks away.";
    ConsentExpiresBeforeFollowUp => "Samtycket går ut före uppföljningen.",
        "The consent expires before the follow-up.";
    FamilyCoordinator =>
        "En familjemedlem är samordnare; samordningen bör ligga hos de professionella.",
        "A family member is coordinator; coordination belongs with the professionals.";
    FamilyOverallResponsible =>
        "Familjen har fått det övergripande ansvaret; det bör ligga hos en huvudman.",
        "The family holds the overall responsibility; it belongs with a huvudman.";
    NotHeard => "{} har inte markerats som hörd i någon talarrunda.",
        "{} was never marked as heard in a speaking round.";
    PhaseOverTime => "Fasen «{}» drog över tiden: {} av {} minuter.",
        "The phase «{}» ran over its time box: {} of {} minutes.";

    // Finalizing.
    AlreadyFinalized => "Protokollet är redan justerat.", "The minutes are already finalized.";
    NoFinalizer => "Ange vem som justerar protokollet.", "Say who finalizes the minutes.";
    RuleCameLater => " (Regeln kom efter att protokollet justerades.)",
        " (The rule came after the minutes were finalized.)";
}

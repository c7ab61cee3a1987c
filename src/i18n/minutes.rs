//! The words of the minutes in Swedish and English: headings, column names, and the
//! rest of the page (the enums' words are in `terms`). One table, so the five formats never disagree.

use crate::i18n::Lang;

/// A label in Swedish and English.
#[derive(Debug, Clone, Copy)]
pub struct Label(pub &'static str, pub &'static str);

impl Label {
    pub fn get(self, lang: Lang) -> &'static str {
        lang.pick(self.0, self.1)
    }
}

pub const DRAFT: Label = Label("UTKAST – ej justerat", "DRAFT – not finalized");
pub const MINUTES: Label = Label("Minnesanteckningar", "Minutes");
pub const PSEUDONYMIZED: Label = Label(
    "Pseudonymiserad: barnets och familjens namn är ersatta med initialer.",
    "Pseudonymized: the names of the child and the family are replaced by initials.",
);

// The header.
pub const MEETING_TYPE: Label = Label("Mötestyp", "Meeting type");
pub const DATE: Label = Label("Datum", "Date");
pub const TIME: Label = Label("Tid", "Time");
pub const PLACE: Label = Label("Plats", "Place");
pub const FACILITATOR: Label = Label("Samtalsledare", "Facilitator");
pub const NOTE_TAKER: Label = Label("Sekreterare", "Note-taker");
pub const INITIATOR: Label = Label("Initiativtagare", "Called by");
pub const CASE_REF: Label = Label("Ärende", "Case reference");
pub const SUBJECT: Label = Label("Huvudperson", "The child / young person");
pub const PREVIOUS_MEETING: Label = Label("Föregående möte", "Previous meeting");
pub const CHAIN: Label = Label("Planens möten", "The plan's meetings");
pub const PREVIOUS_PLAN: Label = Label(
    "Uppföljning av förra planen",
    "Follow-up of the previous plan",
);
pub const PREVIOUS_GOALS: Label =
    Label("Målen från förra planen", "The goals of the previous plan");
pub const OUTCOME: Label = Label("Hur det gick", "How it went");
pub const DECISION_OUTCOME: Label = Label("Beslutet", "The decision");
pub const NOT_REVIEWED: Label = Label("ej genomgången", "not reviewed");
pub const CARRIED: Label = Label("förd till nya planen", "carried into the new plan");
pub const FROM_PLAN: Label = Label("från planen", "from the plan of");

// Participants.
pub const PARTICIPANTS: Label = Label("Deltagare", "Participants");
pub const PARTICIPANT: Label = Label("Deltagare", "Participant");
pub const NAME: Label = Label("Namn", "Name");
pub const ROLE: Label = Label("Roll", "Role");
pub const ORGANISATION: Label = Label("Verksamhet", "Organisation");
pub const HUVUDMAN: Label = Label("Huvudman", "Responsible authority");
pub const MANDATE: Label = Label("Beslutsmandat", "Mandate");
pub const ATTENDANCE: Label = Label("Närvaro", "Attendance");
pub const NO_MANDATE: Label = Label("inget", "none");
pub const INCLUDING_COSTS: Label = Label("inkl. kostnader", "incl. costs");
pub const STAND_IN: Label = Label("ersättare", "stand-in");
pub const NO_PARTICIPANTS: Label = Label("Inga deltagare antecknade.", "No participants recorded.");
pub const HEARD: Label = Label("Har kommit till tals", "Heard in the speaking round");

// Consent.
pub const CONSENT: Label = Label("Samtycke", "Consent");
pub const GIVEN_BY: Label = Label("Lämnat av", "Given by");
pub const SCOPE: Label = Label("Omfattning", "Scope");
pub const EXCLUSIONS: Label = Label("Omfattar inte", "Does not cover");
pub const FORM: Label = Label("Form", "Form");
pub const VALID_UNTIL: Label = Label("Giltigt till och med", "Valid until");
pub const WITHDRAWN: Label = Label("Återkallat", "Withdrawn");
pub const NO_CONSENT: Label = Label("Inget samtycke antecknat.", "No consent recorded.");

// Phases.
pub const NOTES: Label = Label("Anteckningar", "Notes");
pub const WORKS_WELL: Label = Label("Det här fungerar bra", "What works well");
pub const WORRIES: Label = Label("Det här oroar", "What worries us");
pub const RISK_FACTORS: Label = Label("Riskfaktorer", "Risk factors");
pub const PROTECTIVE_FACTORS: Label = Label("Skyddsfaktorer", "Protective factors");
pub const CHILD_VIEWS: Label = Label("Barnets egna synpunkter", "The child's own view");
pub const HOW_OBTAINED: Label = Label("Så fick vi del av dem", "How we learned it");
pub const NOT_OBTAINED: Label = Label(
    "Därför kunde barnets synpunkter inte inhämtas",
    "Why the child's view could not be obtained",
);
pub const NEEDS: Label = Label("Behov", "Needs");
pub const GOALS: Label = Label("Mål", "Goals");
pub const INDICATOR: Label = Label("Så märker vi framsteg", "How we will notice progress");
pub const PART_OF: Label = Label("till mål", "of goal");
pub const CONTACTS: Label = Label("Kontaktuppgifter", "Contact details");
pub const GOAL_SHORT: Label = Label("mål", "goal");
/// Before two or more goal numbers: "(goals 2, 3)".
pub const GOALS_SHORT: Label = Label("mål", "goals");
pub const NOTHING_RECORDED: Label = Label("Inget antecknat.", "Nothing recorded.");
pub const ACTION_STATUS: Label = Label("Status för insatserna", "Status of the actions");
pub const STATUS: Label = Label("Status", "Status");
pub const COMMENT: Label = Label("Kommentar", "Comment");
pub const FELT_HEARD: Label = Label("Blev lyssnad på (1–5)", "Felt heard (1–5)");
pub const USEFUL: Label = Label("Mötet var till nytta (1–5)", "Meeting was useful (1–5)");
pub const QUESTION: Label = Label("Fråga", "Question");
pub const ANSWERS: Label = Label("Antal svar", "Answers");
pub const MEAN: Label = Label("Medelvärde", "Mean");
pub const MEDIAN: Label = Label("Median", "Median");
pub const EVALUATION_COMMENTS: Label = Label("Kommentarer", "Comments");
pub const EVALUATION_AGGREGATE: Label = Label(
    "Sammanställt för alla som svarade; vad var och en svarade står inte i minnesanteckningarna.",
    "Summed up over everyone who answered; what each person answered is not in the minutes.",
);

// The plan.
pub const PLAN: Label = Label(
    "Planen: vem gör vad till när",
    "The plan: who does what by when",
);
pub const ACTIONS_NEEDED: Label = Label("Insatser som behövs", "Interventions needed");
pub const WHAT: Label = Label("Vad", "What");
pub const PERFORMER: Label = Label("Utförare", "Performer");
pub const ORG_HUVUDMAN: Label = Label(
    "Insats eller åtgärd, av vem",
    "Intervention or measure, by whom",
);
pub const COST_BEARER: Label = Label("Kostnadsansvar", "Cost borne by");
/// Written after who decided an action the room confirmed when the plan was read back.
pub const CONFIRMED_AT_TABLE: Label = Label("bekräftat vid bordet", "confirmed at the table");
pub const AWAITED_BECAUSE: Label = Label("Skäl", "Reason");
pub const AFTER_DECISION: Label = Label("efter beslutet", "after the decision");
pub const MISSIONS: Label = Label("Verksamheternas uppdrag", "What each organisation does");
pub const CHILD_VIEW: Label = Label("Barnets syn", "The child's view");
pub const ORGANISATIONS: Label = Label("Verksamheter", "Organisations");
pub const DECIDED_BY: Label = Label("Beslutat av", "Decided by");
pub const BY_WHEN: Label = Label("Till när", "By when");
pub const FEEDBACK: Label = Label("Återkoppling", "Feedback");
pub const MISSING: Label = Label("saknas", "missing");
pub const AWAITING: Label = Label("beslut inväntas", "awaiting decision");
pub const NO_LATER_THAN: Label = Label("senast", "by");
pub const FROM: Label = Label("från", "from");
pub const NO_ACTIONS: Label = Label("Inga insatser antecknade.", "No actions recorded.");
pub const AWAITING_HEADING: Label = Label("Beslut som inväntas", "Decisions pending");
pub const NONE_AWAITING: Label = Label(
    "Inga insatser väntar på beslut.",
    "No action is waiting for a decision.",
);
pub const PER_HUVUDMAN: Label = Label(
    "Insatser som respektive huvudman ansvarar för",
    "Interventions each responsible authority answers for",
);
pub const BY_OTHERS: Label = Label(
    "Åtgärder som vidtas av andra än kommunen eller regionen",
    "Measures taken by others than the municipality or the region",
);
pub const NONE_BY_OTHERS: Label = Label(
    "Inga åtgärder vidtas av andra än kommunen eller regionen.",
    "No measures are taken by others than the municipality or the region.",
);
pub const OVERALL: Label = Label(
    "Huvudman med övergripande ansvar för planen",
    "Overall responsibility for the plan",
);
pub const NOT_SET: Label = Label("Inte bestämt.", "Not decided.");
pub const COORDINATOR: Label = Label("Samordnare / kontaktperson", "Coordinator / contact person");
pub const DISAGREEMENTS: Label = Label("Oenighet", "Disagreements");
pub const NO_DISAGREEMENTS: Label = Label(
    "Ingen oenighet antecknades.",
    "No disagreement was recorded.",
);
pub const FOLLOW_UP: Label = Label("Uppföljning", "Follow-up");
pub const WHEN: Label = Label("När", "When");
pub const WHERE: Label = Label("Var", "Where");
pub const CONVENER: Label = Label("Sammankallande", "Convener");
pub const TOPICS: Label = Label("Följs upp", "To follow up");
pub const PLAN_CLOSED: Label = Label("Planen avslutas", "The plan is closed");
pub const NO_FOLLOW_UP: Label = Label("Ingen uppföljning bestämd.", "No follow-up set.");
pub const DISTRIBUTION: Label = Label("Sändlista", "Distribution list");
pub const LEGAL_REFERENCE: Label = Label("Lagrum", "Legal basis");
pub const STAMP: Label = Label("Justering", "Finalizing");
pub const FINALIZED_BY: Label = Label("Justerat av", "Finalized by");
pub const FINALIZED_AT: Label = Label("Justerat", "Finalized");
/// Between the time and the name in the finalize stamp ("Justerat 2026-03-02 14:10 av Lena").
pub const STAMP_BY: Label = Label("av", "by");
pub const JUSTERARE: Label = Label("Justerare", "To check and sign");
// Above the lines to sign on paper: the note-taker, then who checks and approves.
pub const SIGNED_RECORD: Label = Label("Vid protokollet", "Minutes taken by");
pub const SIGNED_APPROVED: Label = Label("Justeras", "Checked and approved by");
pub const SIGNATURE: Label = Label("Underskrift", "Signature");
pub const REVISION: Label = Label("Revision", "Revision");
pub const HASH: Label = Label("Kontrollsumma (SHA-256)", "Checksum (SHA-256)");
pub const NOT_FINALIZED: Label = Label(
    "Protokollet är inte justerat. Det är ett utkast och kan ändras.",
    "The minutes are not finalized. This is a draft and may change.",
);
pub const REVISIONS: Label = Label("Revisionslogg", "Revision log");
pub const EVENT: Label = Label("Händelse", "Event");
pub const BY: Label = Label("Av", "By");
pub const REASON: Label = Label("Skäl", "Reason");
pub const PAGE: Label = Label("Sida", "Page");
pub const OF: Label = Label("av", "of");
pub const FAMILY: Label = Label("Familjen", "The family");
pub const FOLLOW_UP_MEETING: Label = Label("Uppföljningsmöte", "Follow-up meeting");

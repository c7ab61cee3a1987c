//! The meeting as the minutes record it: participants, consent, goals, actions and the
//! follow-up. Plain data with serde; the rules that judge it live in `crate::rules`.

mod action;
mod edit;
mod finalize;
mod ids;
mod invitation;
mod organisation;
mod participant;
mod pseudonym;
mod review;
pub mod v1;

pub use action::{Action, ActionStatus, Decision, Feedback, Performer};
pub use edit::{OrgReference, Reference, StillNamed, remove_at};
pub use finalize::{AmendError, FinalizeStamp, Revision, RevisionKind};
pub use ids::Id;
pub use invitation::{
    ExpectedDecisions, Invitation, InvitationProblem, MandateAtTable, invitation_deadline,
    is_video_link, purpose_notes,
};
pub use organisation::{ActionKind, Huvudman, Organisation};
pub use participant::{
    Attendance, Mandate, Moment, Part, Participant, ParticipantKind, initials_of, names_facilitator,
};
pub use pseudonym::{Pseudonyms, hidden_names, pseudonymize, shown};
pub use review::{
    ActionReview, DecisionOutcome, Earlier, GoalOutcome, GoalReview, NotFollowable, Origin, Outcome,
};

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The meeting-file format this build writes. Files with a higher number are refused;
/// format 1 (organisations as free text) is read and upgraded by `v1`.
pub const FORMAT_VERSION: u32 = 2;

/// One Samba or SIP meeting and everything its minutes hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub format: u32,
    /// A random identifier, stable across renames; used for calendar UIDs.
    pub id: String,
    pub agenda: AgendaRef,
    pub title: String,
    /// Ärende: a pseudonymous case reference, never a personnummer.
    #[serde(default)]
    pub case_ref: String,
    pub date: NaiveDate,
    #[serde(default)]
    pub start: Option<NaiveTime>,
    #[serde(default)]
    pub end: Option<NaiveTime>,
    /// Place or video link.
    #[serde(default)]
    pub place: String,
    /// Samtalsledare / ordförande.
    #[serde(default)]
    pub facilitator: String,
    /// Sekreterare.
    #[serde(default)]
    pub note_taker: String,
    /// Initiativtagare: who asked for the meeting.
    #[serde(default)]
    pub initiator: String,
    /// Huvudperson: the child or young person the plan is about.
    pub subject: Subject,
    /// The organisations at the table or named in the plan.
    #[serde(default)]
    pub organisations: Vec<Organisation>,
    #[serde(default)]
    pub participants: Vec<Participant>,
    #[serde(default)]
    pub consents: Vec<Consent>,
    /// Per phase (by phase id): free notes, who was heard, time spent.
    #[serde(default)]
    pub phases: BTreeMap<String, PhaseRecord>,
    #[serde(default)]
    pub situation: Situation,
    #[serde(default)]
    pub child_voice: ChildVoice,
    /// Behov: the needs the group agrees on.
    #[serde(default)]
    pub needs: Vec<String>,
    #[serde(default)]
    pub goals: Vec<Goal>,
    #[serde(default)]
    pub actions: Vec<Action>,
    /// Huvudansvar: which huvudman holds the overall responsibility for the plan.
    #[serde(default)]
    pub overall_responsible: Option<Responsibility>,
    /// Samordnare / kontaktperson.
    #[serde(default)]
    pub coordinator: Option<Person>,
    /// Oenighet: recorded, not hidden.
    #[serde(default)]
    pub disagreements: Vec<String>,
    #[serde(default)]
    pub follow_up: Option<FollowUp>,
    /// In a follow-up meeting: the plan is closed, with this reason.
    #[serde(default)]
    pub plan_closed: Option<String>,
    #[serde(default)]
    pub evaluations: Vec<Evaluation>,
    /// Who receives the minutes (sändlista), beyond the participants.
    #[serde(default)]
    pub distribution: Vec<String>,
    /// For a follow-up meeting: the meeting it follows up.
    #[serde(default)]
    pub previous: Option<PreviousMeeting>,
    /// The earlier meetings of the plan, nearest first (the chain the minutes show).
    #[serde(default)]
    pub earlier: Vec<Earlier>,
    /// For a follow-up meeting: what became of each action of the previous plan.
    #[serde(default)]
    pub reviews: Vec<ActionReview>,
    /// For a follow-up meeting: whether the previous plan's goals were reached.
    #[serde(default)]
    pub goal_reviews: Vec<GoalReview>,
    /// Set while the minutes are finalized (justerade); the meeting is then read-only.
    #[serde(default)]
    pub finalized: Option<FinalizeStamp>,
    #[serde(default)]
    pub revisions: Vec<Revision>,
    /// Kallelse: what the invitation asks of those invited. Left out of the file when
    /// there is none, so files written before it existed keep their content hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invitation: Option<Invitation>,
    /// Where the meeting screen was left, so the meeting opens there again. Not part of
    /// the minutes: left out of the content hash, the exports, and the file when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resume: Option<Resume>,
    /// Read from an older format: how its finalize stamp is verified.
    #[serde(skip)]
    pub upgraded: Upgraded,
}

/// Where a meeting read from format 1 came from. Not part of the meeting (never
/// written, equal for every meeting): only what the finalize check needs.
#[derive(Debug, Clone, Default)]
pub struct Upgraded(pub(crate) Option<UpgradedFrom>);

#[derive(Debug, Clone)]
pub(crate) struct UpgradedFrom {
    /// The content hash of the meeting as format 1 wrote it.
    pub(crate) old_hash: String,
    /// The content hash of the upgraded meeting when it was read: changed since, the
    /// old hash no longer speaks for it.
    pub(crate) new_hash: String,
}

impl PartialEq for Upgraded {
    fn eq(&self, _: &Upgraded) -> bool {
        true
    }
}

impl Upgraded {
    /// Whether the meeting was read from an older format.
    pub fn is_upgraded(&self) -> bool {
        self.0.is_some()
    }
}

/// Where the meeting screen was left (`Meeting::resume`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resume {
    /// The phase on screen, by its id in the agenda (an index would point elsewhere
    /// after the agenda changed).
    pub phase: String,
    /// When the meeting screen was closed: the time since is not meeting time unless
    /// the facilitator says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_at: Option<chrono::NaiveDateTime>,
}

/// Which agenda, and which version of it, the meeting was started from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaRef {
    pub id: String,
    pub version: u32,
}

/// Huvudperson: shown by initials when the screen is masked or exports pseudonymized.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subject {
    pub name: String,
    pub initials: String,
}

/// Someone named in the plan: a participant, or a person who is not at the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Person {
    Participant(Id),
    Named(String),
}

/// Samtycke to share information between the organisations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Consent {
    /// Who gave it: one guardian, both, the young person — one record for all of them.
    pub given_by: Vec<Person>,
    /// The organisations that may share with each other.
    #[serde(default)]
    pub organisations: Vec<Id>,
    /// What may be shared, and for what, in the words used at the table.
    #[serde(default)]
    pub scope: String,
    /// The child's own view of the consent, where the child is old enough to have one.
    #[serde(default)]
    pub child_view: String,
    /// What the consent does not cover.
    #[serde(default)]
    pub exclusions: String,
    pub form: ConsentForm,
    pub date: NaiveDate,
    #[serde(default)]
    pub valid_until: Option<NaiveDate>,
    #[serde(default)]
    pub withdrawn: Option<NaiveDate>,
}

impl Consent {
    /// Whether the consent holds on `day`: given, not withdrawn, not expired.
    pub fn is_valid_on(&self, day: NaiveDate) -> bool {
        self.date <= day
            && self.withdrawn.is_none_or(|w| w > day)
            && self.valid_until.is_none_or(|u| u >= day)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConsentForm {
    Oral,
    Written,
}

/// What the meeting records for one phase of the agenda.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseRecord {
    #[serde(default)]
    pub notes: String,
    /// Speaking round: participants marked as heard in this phase.
    #[serde(default)]
    pub heard: Vec<Id>,
    /// Time spent in the phase, for the time box.
    #[serde(default)]
    pub elapsed_secs: u64,
}

/// Aktuell situation: what works well, what worries, risk and protective factors.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Situation {
    #[serde(default)]
    pub works_well: String,
    #[serde(default)]
    pub worries: String,
    #[serde(default)]
    pub risk_factors: String,
    #[serde(default)]
    pub protective_factors: String,
}

impl Situation {
    pub fn is_empty(&self) -> bool {
        [
            &self.works_well,
            &self.worries,
            &self.risk_factors,
            &self.protective_factors,
        ]
        .iter()
        .all(|s| s.trim().is_empty())
    }
}

/// Barnets röst: the child's own view, or why it could not be obtained.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChildVoice {
    #[serde(default)]
    pub views: String,
    /// How the view was obtained (in the meeting, a talk beforehand, a drawing, …).
    #[serde(default)]
    pub how_obtained: String,
    #[serde(default)]
    pub not_obtained_reason: String,
}

impl ChildVoice {
    pub fn is_empty(&self) -> bool {
        self.views.trim().is_empty() && self.not_obtained_reason.trim().is_empty()
    }
}

/// Gemensamt mål or delmål.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    pub id: Id,
    pub text: String,
    pub kind: GoalKind,
    /// How we will notice progress.
    #[serde(default)]
    pub indicator: String,
    #[serde(default)]
    pub parent: Option<Id>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum GoalKind {
    LongTerm,
    ShortTerm,
}

/// Huvudansvar for the plan: an organisation (whose huvudman answers), optionally a
/// person of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Responsibility {
    pub organisation: Id,
    #[serde(default)]
    pub person: Option<Person>,
}

/// Uppföljning: when and where the plan is followed up, and who convenes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    pub date: NaiveDate,
    #[serde(default)]
    pub time: Option<NaiveTime>,
    #[serde(default)]
    pub place: String,
    /// Sammankallande.
    #[serde(default)]
    pub convener: Option<Person>,
    /// What is to be followed up.
    #[serde(default)]
    pub topics: String,
}

/// Utvärdering: one participant's view of the meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evaluation {
    pub participant: Id,
    /// Felt heard, 1–5.
    #[serde(default)]
    pub heard: Option<u8>,
    /// The meeting was useful, 1–5.
    #[serde(default)]
    pub useful: Option<u8>,
    #[serde(default)]
    pub comment: String,
}

/// The meeting a follow-up meeting continues from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PreviousMeeting {
    pub id: String,
    pub file: String,
    pub date: NaiveDate,
    #[serde(default)]
    pub hash: String,
    /// The follow-up as the previous minutes announced it in their calendar: when this
    /// meeting moves, its calendar event is the same one, with a higher SEQUENCE.
    /// Left out of the file when there is none, so format-1 content hashes (which
    /// serialize this struct) stay as format 1 wrote them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub announced: Option<Announced>,
}

/// The follow-up date, time and calendar SEQUENCE the previous minutes exported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Announced {
    pub date: NaiveDate,
    #[serde(default)]
    pub time: Option<NaiveTime>,
    pub sequence: u32,
}

impl Meeting {
    /// A new, empty draft started from an agenda.
    pub fn new(agenda: AgendaRef, title: impl Into<String>, date: NaiveDate) -> Meeting {
        Meeting {
            format: FORMAT_VERSION,
            id: new_meeting_id(),
            agenda,
            title: title.into(),
            case_ref: String::new(),
            date,
            start: None,
            end: None,
            place: String::new(),
            facilitator: String::new(),
            note_taker: String::new(),
            initiator: String::new(),
            subject: Subject::default(),
            organisations: Vec::new(),
            participants: Vec::new(),
            consents: Vec::new(),
            phases: BTreeMap::new(),
            situation: Situation::default(),
            child_voice: ChildVoice::default(),
            needs: Vec::new(),
            goals: Vec::new(),
            actions: Vec::new(),
            overall_responsible: None,
            coordinator: None,
            disagreements: Vec::new(),
            follow_up: None,
            plan_closed: None,
            evaluations: Vec::new(),
            distribution: Vec::new(),
            previous: None,
            earlier: Vec::new(),
            reviews: Vec::new(),
            goal_reviews: Vec::new(),
            finalized: None,
            revisions: Vec::new(),
            invitation: None,
            resume: None,
            upgraded: Upgraded::default(),
        }
    }

    pub fn participant(&self, id: &Id) -> Option<&Participant> {
        self.participants.iter().find(|p| &p.id == id)
    }

    pub fn action(&self, id: &Id) -> Option<&Action> {
        self.actions.iter().find(|a| &a.id == id)
    }

    pub fn goal(&self, id: &Id) -> Option<&Goal> {
        self.goals.iter().find(|g| &g.id == id)
    }

    /// Whether the participant is the meeting's samtalsledare (named in `facilitator`).
    pub fn is_facilitator(&self, p: &Participant) -> bool {
        names_facilitator(&self.facilitator, &p.name)
    }

    pub fn is_finalized(&self) -> bool {
        self.finalized.is_some()
    }

    /// The display name of a person named in the plan.
    pub fn person_name(&self, person: &Person) -> String {
        match person {
            Person::Participant(id) => self
                .participant(id)
                .map_or_else(|| id.to_string(), |p| p.name.clone()),
            Person::Named(name) => name.clone(),
        }
    }

    /// The names of those who gave a consent, joined for a sentence.
    pub fn givers(&self, consent: &Consent) -> String {
        let names: Vec<String> = consent
            .given_by
            .iter()
            .map(|p| self.person_name(p))
            .collect();
        names.join(", ")
    }

    /// Whether a person named in the plan belongs to the family (not a professional).
    pub fn is_family(&self, person: &Person) -> bool {
        match person {
            Person::Participant(id) => self.participant(id).is_some_and(Participant::is_family),
            Person::Named(_) => false,
        }
    }

    pub fn phase(&self, phase_id: &str) -> Option<&PhaseRecord> {
        self.phases.get(phase_id)
    }

    pub fn phase_mut(&mut self, phase_id: &str) -> &mut PhaseRecord {
        self.phases.entry(phase_id.to_string()).or_default()
    }
}

/// Whether text holds something shaped like a Swedish personnummer or
/// samordningsnummer: six or eight digits, an optional `-` or `+`, then four digits
/// (`120304-1234`, `20120304-1234`, `201203041234`), whose birth date has a real month
/// and a day (plus 60 for a samordningsnummer).
///
/// ```
/// use samsyn::meeting::looks_like_personnummer;
/// assert!(looks_like_personnummer("20120304-1234"));
/// assert!(!looks_like_personnummer("SOC-2026-0412"));
/// ```
pub fn looks_like_personnummer(text: &str) -> bool {
    // Read as bytes: every character the shape is made of is ASCII, and a byte of a
    // longer character is never an ASCII digit, '-' or '+', so byte positions answer as
    // character positions would.
    let b = text.as_bytes();
    let digit = |at: usize| b.get(at).is_some_and(u8::is_ascii_digit);
    let digits_at = |from: usize, n: usize| (from..from + n).all(digit);
    let number = |from: usize| u32::from(b[from] - b'0') * 10 + u32::from(b[from + 1] - b'0');
    let birth_date = |end: usize| {
        let (month, day) = (number(end - 4), number(end - 2));
        (1..=12).contains(&month) && ((1..=31).contains(&day) || (61..=91).contains(&day))
    };
    (0..b.len())
        .filter(|&i| digit(i) && (i == 0 || !digit(i - 1)))
        .any(|i| {
            [6usize, 8].iter().any(|&birth| {
                if !digits_at(i, birth) || !birth_date(i + birth) {
                    return false;
                }
                let mut j = i + birth;
                if matches!(b.get(j), Some(b'-' | b'+')) {
                    j += 1;
                }
                digits_at(j, 4) && !digit(j + 4)
            })
        })
}

/// A random 16-hex-digit identifier. Not a secret, only unique.
fn new_meeting_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    h.write_u32(std::process::id());
    format!("{:016x}", h.finish())
}

#[cfg(test)]
mod tests {
    use super::looks_like_personnummer as pnr;

    /// The search as it was written over characters, before it read bytes: the two must
    /// agree on every text.
    fn by_chars(text: &str) -> bool {
        let chars: Vec<char> = text.chars().collect();
        let digits_at = |from: usize, n: usize| {
            from + n <= chars.len() && chars[from..from + n].iter().all(char::is_ascii_digit)
        };
        let number = |from: usize| {
            chars[from].to_digit(10).unwrap_or(0) * 10 + chars[from + 1].to_digit(10).unwrap_or(0)
        };
        let birth_date = |end: usize| {
            let (month, day) = (number(end - 4), number(end - 2));
            (1..=12).contains(&month) && ((1..=31).contains(&day) || (61..=91).contains(&day))
        };
        let boundary = |at: usize| at == 0 || !chars[at - 1].is_ascii_digit();
        (0..chars.len()).filter(|&i| boundary(i)).any(|i| {
            [6usize, 8].iter().any(|&birth| {
                if !digits_at(i, birth) || !birth_date(i + birth) {
                    return false;
                }
                let mut j = i + birth;
                if j < chars.len() && (chars[j] == '-' || chars[j] == '+') {
                    j += 1;
                }
                digits_at(j, 4) && (j + 4 == chars.len() || !chars[j + 4].is_ascii_digit())
            })
        })
    }

    proptest::proptest! {
        #[test]
        fn bytes_and_characters_agree(text in "[0-9\\-+ åé٣a]{0,40}") {
            proptest::prop_assert_eq!(pnr(&text), by_chars(&text), "{:?}", text);
        }

        #[test]
        fn bytes_and_characters_agree_on_dates(
            y in 0u32..100, m in 0u32..14, d in 0u32..95, n in 0u32..10000,
            sep in "[-+ ]?", around in "[0-9aå]?",
        ) {
            let text = format!("{around}{y:02}{m:02}{d:02}{sep}{n:04}{around}");
            proptest::prop_assert_eq!(pnr(&text), by_chars(&text), "{:?}", text);
        }
    }

    #[test]
    fn personnummer_shapes_are_recognised() {
        for yes in [
            "120304-1234",
            "20120304-1234",
            "201203041234",
            "Elsa 120364+1234",
            "1203041234",
        ] {
            assert!(pnr(yes), "{yes}");
        }
        for no in [
            "SOC-2026-0412",
            "BUP-202611-0412",
            "ÄR-2026-117",
            "SIP – Leo",
            "1203041234567",
            "2026-12-03 14:00",
            "",
        ] {
            assert!(!pnr(no), "{no}");
        }
    }
}

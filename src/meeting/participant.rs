//! Deltagare: who sits at the table, for which organisation, with what mandate.

use super::Id;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    pub id: Id,
    pub name: String,
    /// The organisation (verksamhet) the person is here for; `None` for the family,
    /// which is not an organisation.
    #[serde(default)]
    pub organisation: Option<Id>,
    /// Rektor, kurator, socialsekreterare, vårdnadshavare, …
    #[serde(default)]
    pub role: String,
    pub kind: ParticipantKind,
    /// Beslutsmandat: what the person may decide on. `None`: no mandate.
    #[serde(default)]
    pub mandate: Option<Mandate>,
    pub attendance: Attendance,
    /// Ersättare.
    #[serde(default)]
    pub stand_in: Option<String>,
    #[serde(default)]
    pub contact: Option<String>,
    /// Present for part of the meeting only: joined late, left early, or only for one
    /// phase (the child for the child's voice). Left out of the file when the whole
    /// meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<Part>,
}

/// When someone present for part of the meeting joined and left.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// Joined at this time, or at the start of this phase; `None`: from the start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Moment>,
    /// Left at this time, or after this phase; `None`: stayed to the end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Moment>,
}

/// A point in the meeting: a time of day, or a phase (by its id in the agenda).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Moment {
    At(chrono::NaiveTime),
    Phase(String),
}

impl Part {
    /// Only for this one phase: joined at its start and left after it.
    pub fn only(phase: &str) -> Part {
        Part {
            from: Some(Moment::Phase(phase.to_string())),
            until: Some(Moment::Phase(phase.to_string())),
        }
    }

    /// The phase this part is, when it is exactly one phase.
    pub fn only_phase(&self) -> Option<&str> {
        match (&self.from, &self.until) {
            (Some(Moment::Phase(a)), Some(Moment::Phase(b))) if a == b => Some(a),
            _ => None,
        }
    }

    /// Whether someone with this part was there during the phase at `index` of
    /// `phases` (the agenda's phase ids in order). Times of day are not placed in
    /// phases: with a time the answer is yes.
    pub fn covers(&self, phases: &[&str], index: usize) -> bool {
        let at = |m: &Option<Moment>| match m {
            Some(Moment::Phase(id)) => phases.iter().position(|p| p == id),
            _ => None,
        };
        at(&self.from).is_none_or(|from| from <= index)
            && at(&self.until).is_none_or(|until| index <= until)
    }
}

impl Participant {
    /// The family decides its own actions without a professional mandate.
    pub fn is_family(&self) -> bool {
        self.kind.is_family()
    }

    pub fn is_present(&self) -> bool {
        self.attendance.is_present()
    }

    pub fn has_mandate(&self) -> bool {
        self.mandate.is_some()
    }

    /// Initials for the privacy mask: "Lena Andersson" → "L. A.".
    pub fn initials(&self) -> String {
        initials_of(&self.name)
    }
}

/// Whether `name` is the person `facilitator` names: the meeting's samtalsledare written
/// as a name alone ("Lena Berg") or a name followed by a comma and a description ("Lena
/// Berg, samtalsledare, kommunens Samba-team"); case and spacing do not matter.
pub fn names_facilitator(facilitator: &str, name: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let who = norm(facilitator.split(',').next().unwrap_or(""));
    !who.is_empty() && who == norm(name)
}

/// "Anna-Karin Öberg" → "A. Ö.", "nils b." → "N. B.": written one way, a capital and
/// one full stop per word.
pub fn initials_of(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().find(|c| c.is_alphabetic()))
        .map(|c| format!("{}.", c.to_uppercase()))
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ParticipantKind {
    Professional,
    /// Vårdnadshavare.
    Guardian,
    /// The child or young person (huvudpersonen).
    Child,
    /// Närstående.
    Relative,
    Other,
}

impl ParticipantKind {
    pub const ALL: [ParticipantKind; 5] = [
        ParticipantKind::Professional,
        ParticipantKind::Guardian,
        ParticipantKind::Child,
        ParticipantKind::Relative,
        ParticipantKind::Other,
    ];

    pub fn is_family(self) -> bool {
        matches!(
            self,
            ParticipantKind::Guardian | ParticipantKind::Child | ParticipantKind::Relative
        )
    }
}

/// Beslutsmandat: what the person may decide on, and whether it includes costs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mandate {
    pub scope: String,
    #[serde(default)]
    pub costs: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Attendance {
    /// Invited, not yet here: where a follow-up starts.
    Invited,
    InRoom,
    Video,
    Phone,
    /// Invited but absent.
    Absent,
    Declined {
        reason: String,
    },
}

impl Attendance {
    pub fn is_present(&self) -> bool {
        matches!(
            self,
            Attendance::InRoom | Attendance::Video | Attendance::Phone
        )
    }
}

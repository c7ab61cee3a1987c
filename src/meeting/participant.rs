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

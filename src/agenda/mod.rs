//! Agendas: the phases of a Samba or SIP meeting, their time boxes and prompts, and the
//! rules the agenda switches on. Three ship embedded in the binary; users add their own.

mod builtin;
mod load;

pub use load::{
    AgendaSource, Catalogue, builtin, builtin_agenda, load_file, parse, user_agenda_dir,
};

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// The agenda-file format this build reads and writes.
pub const AGENDA_FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agenda {
    pub format: u32,
    /// Short lowercase name used on the command line: `samba`, `sip`, …
    pub id: String,
    /// Bumped when the agenda changes; a meeting records the version it started from.
    pub version: u32,
    pub name: Text,
    pub description: Text,
    /// The legal reference shown in the minutes (e.g. the SIP rule). Configuration, because
    /// laws get renumbered.
    #[serde(default)]
    pub legal_reference: Text,
    /// A confidentiality line at the top of every page of the minutes ("Innehåller
    /// uppgifter som kan omfattas av sekretess enligt OSL"); empty for none.
    #[serde(default)]
    pub confidentiality: Text,
    /// The agenda a follow-up of this meeting starts from; `None`: the same agenda.
    #[serde(default)]
    pub follow_up_agenda: Option<String>,
    /// The minutes show each participant's evaluation (scores and comment, by name).
    /// Off by default: the minutes go to everyone, so they show the evaluation summed up
    /// (answers, mean and median per question, comments without names).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub evaluation_per_person: bool,
    #[serde(default)]
    pub rules: Rules,
    pub phases: Vec<Phase>,
}

/// A text in Swedish and English.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub sv: String,
    #[serde(default)]
    pub en: String,
}

impl Text {
    /// The text in `lang`, falling back to Swedish where no English is written.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En if !self.en.is_empty() => &self.en,
            _ => &self.sv,
        }
    }
}

/// What the agenda requires before the minutes can be finalized.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    #[serde(default)]
    pub consent_required: bool,
    /// SIP: one huvudman must hold the overall responsibility for the plan.
    #[serde(default)]
    pub overall_responsible_required: bool,
    /// Which huvudmän may hold the overall responsibility (SIP: kommun or region).
    /// Empty: any organisation may.
    #[serde(default)]
    pub overall_responsible_huvudman: Vec<crate::meeting::Huvudman>,
    /// A follow-up further away than this is warned about.
    #[serde(default = "default_max_weeks")]
    pub max_weeks_to_follow_up: u32,
    /// A follow-up meeting: it reviews the previous plan and may close it instead of
    /// setting a new follow-up date.
    #[serde(default)]
    pub follow_up_meeting: bool,
    /// The kallelse goes out at least this many days before the meeting; 0: no such day.
    #[serde(default = "default_invitation_days")]
    pub invitation_days_before: u32,
}

fn default_max_weeks() -> u32 {
    12
}

/// Two weeks: time for those invited to get the mandate they are asked to bring.
fn default_invitation_days() -> u32 {
    14
}

impl Default for Rules {
    fn default() -> Rules {
        Rules {
            consent_required: false,
            overall_responsible_required: false,
            overall_responsible_huvudman: Vec::new(),
            max_weeks_to_follow_up: default_max_weeks(),
            follow_up_meeting: false,
            invitation_days_before: default_invitation_days(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub id: String,
    pub kind: PhaseKind,
    pub title: Text,
    /// The questions the samtalsledare asks in this phase.
    #[serde(default)]
    pub prompts: Vec<Text>,
    /// Time box in minutes.
    pub minutes: u32,
    #[serde(default)]
    pub required: bool,
}

/// The fixed set of phase kinds; each has its own view and its own content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PhaseKind {
    Roles,
    Consent,
    Purpose,
    Review,
    Situation,
    ChildVoice,
    Goal,
    Actions,
    Summary,
    FollowUp,
    Evaluation,
    Notes,
}

impl PhaseKind {
    pub const ALL: [PhaseKind; 12] = [
        PhaseKind::Roles,
        PhaseKind::Consent,
        PhaseKind::Purpose,
        PhaseKind::Review,
        PhaseKind::Situation,
        PhaseKind::ChildVoice,
        PhaseKind::Goal,
        PhaseKind::Actions,
        PhaseKind::Summary,
        PhaseKind::FollowUp,
        PhaseKind::Evaluation,
        PhaseKind::Notes,
    ];

    /// Phases with a speaking round (the facilitator marks who has been heard).
    pub fn has_speaking_round(self) -> bool {
        matches!(
            self,
            PhaseKind::Roles | PhaseKind::Situation | PhaseKind::Evaluation
        )
    }
}

impl Agenda {
    pub fn phase_of_kind(&self, kind: PhaseKind) -> Option<&Phase> {
        self.phases.iter().find(|p| p.kind == kind)
    }

    pub fn has_phase(&self, kind: PhaseKind) -> bool {
        self.phase_of_kind(kind).is_some()
    }

    /// The meeting's typical length: the sum of the time boxes.
    pub fn typical_minutes(&self) -> u32 {
        self.phases.iter().map(|p| p.minutes).sum()
    }
}

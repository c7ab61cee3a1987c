//! Insats / åtgärd: who does what by when, and who decided it. An action of a huvudman
//! (kommun, region) is an insats; a measure by the family, another authority or a
//! private actor is an åtgärd (`Meeting::action_kind`).
//!
//! The mandate rule starts here as a type: an `Action` has a `Decision`, which is
//! either made at the table by a named participant or awaited from a named decision
//! maker. Whether that decision is *valid* depends on attendance and mandate, which can
//! change after the action is written, so `crate::rules` judges it.

use super::Id;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub id: Id,
    pub what: String,
    /// The goals this action serves.
    #[serde(default)]
    pub goals: Vec<Id>,
    pub performer: Option<Performer>,
    /// The organisation (verksamhet) that carries it out; `None`: the family's own
    /// measure.
    #[serde(default)]
    pub organisation: Option<Id>,
    /// Who decided it. Required: an action without a decision does not load.
    pub decision: Decision,
    /// Till när: the deadline.
    #[serde(default)]
    pub deadline: Option<NaiveDate>,
    #[serde(default)]
    pub start: Option<NaiveDate>,
    /// Kostnadsansvar: the organisation that pays; `None`: no cost, or the family's.
    /// When it is the decider's own organisation, the decider needs a cost mandate.
    #[serde(default)]
    pub cost_bearer: Option<Id>,
    /// Återkoppling.
    #[serde(default)]
    pub feedback: Option<Feedback>,
    #[serde(default)]
    pub status: ActionStatus,
    #[serde(default)]
    pub status_comment: String,
    /// Carried over from an earlier plan: from where.
    #[serde(default)]
    pub origin: Option<super::Origin>,
    /// Bekräftat vid bordet: read back to the room before finalizing, and the one who
    /// decides it (or carries it out) said yes. Left out of the file when not, so
    /// files and content hashes from before stay as they were.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub confirmed: bool,
}

impl Action {
    /// An action always starts life with a decision; the rest is filled in after.
    pub fn new(
        id: Id,
        what: impl Into<String>,
        performer: Performer,
        organisation: Option<Id>,
        decision: Decision,
    ) -> Action {
        let status = match decision {
            Decision::AtTable { .. } => ActionStatus::Agreed,
            Decision::Awaiting { .. } => ActionStatus::AwaitingDecision,
        };
        Action {
            id,
            what: what.into(),
            goals: Vec::new(),
            performer: Some(performer),
            organisation,
            decision,
            deadline: None,
            start: None,
            cost_bearer: None,
            feedback: None,
            status,
            status_comment: String::new(),
            origin: None,
            confirmed: false,
        }
    }

    /// Whether `other` says the same to the room: what, who, by when and who decided.
    /// A confirmation at the table holds only for what was read back.
    pub fn reads_the_same(&self, other: &Action) -> bool {
        self.what.trim() == other.what.trim()
            && self.performer == other.performer
            && self.organisation == other.organisation
            && self.decision == other.decision
            && self.deadline == other.deadline
            && self.start == other.start
    }

    pub fn is_awaiting(&self) -> bool {
        matches!(self.decision, Decision::Awaiting { .. })
    }

    /// Those who decided it at the table; empty when the decision is awaited.
    pub fn deciders(&self) -> &[Id] {
        match &self.decision {
            Decision::AtTable { by } => by,
            Decision::Awaiting { .. } => &[],
        }
    }
}

/// Utförare: a participant, the family as a whole, or someone not at the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Performer {
    Participant(Id),
    Family,
    Named(String),
}

/// Who decided the action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Decision {
    /// Decided at the table by these participants: one decider with the mandate, or
    /// family members deciding their own measure together.
    AtTable { by: Vec<Id> },
    /// Beslut inväntas: an absent decision maker of `organisation` decides by a date.
    Awaiting {
        decision_maker: String,
        #[serde(default)]
        organisation: Option<Id>,
        #[serde(default)]
        decide_by: Option<NaiveDate>,
        /// Why the decision cannot be made at the table (a biståndsbeslut, a cost over
        /// the mandate, …); written in the minutes.
        #[serde(default)]
        reason: String,
    },
}

/// Återkoppling: who reports back to whom, by when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feedback {
    pub from: String,
    pub to: String,
    #[serde(default)]
    pub by: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ActionStatus {
    #[default]
    Agreed,
    AwaitingDecision,
    Done,
    PartlyDone,
    NotDone,
    Cancelled,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 6] = [
        ActionStatus::Agreed,
        ActionStatus::AwaitingDecision,
        ActionStatus::Done,
        ActionStatus::PartlyDone,
        ActionStatus::NotDone,
        ActionStatus::Cancelled,
    ];
}

//! Insats / åtgärd: who does what by when, and who decided it.
//!
//! The mandate rule starts here as a type: an `Action` has a `Decision`, which is
//! either made at the table by a named participant or awaited from a named decision
//! maker. Whether that decision is *valid* depends on attendance and mandate, which can
//! change after the action is written, so `crate::rules` judges it.

use super::{Huvudman, Id};
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
    /// The performer's organisation (verksamhet) and its huvudman.
    pub organisation: String,
    pub huvudman: Huvudman,
    /// Who decided it. Required: an action without a decision does not load.
    pub decision: Decision,
    /// Till när: the deadline.
    #[serde(default)]
    pub deadline: Option<NaiveDate>,
    #[serde(default)]
    pub start: Option<NaiveDate>,
    /// Kostnadsansvar.
    #[serde(default)]
    pub cost_bearer: Option<String>,
    /// Återkoppling.
    #[serde(default)]
    pub feedback: Option<Feedback>,
    #[serde(default)]
    pub status: ActionStatus,
    #[serde(default)]
    pub status_comment: String,
}

impl Action {
    /// An action always starts life with a decision; the rest is filled in after.
    pub fn new(
        id: Id,
        what: impl Into<String>,
        performer: Performer,
        organisation: impl Into<String>,
        huvudman: Huvudman,
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
            organisation: organisation.into(),
            huvudman,
            decision,
            deadline: None,
            start: None,
            cost_bearer: None,
            feedback: None,
            status,
            status_comment: String::new(),
        }
    }

    pub fn is_awaiting(&self) -> bool {
        matches!(self.decision, Decision::Awaiting { .. })
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
    /// Decided at the table by this participant.
    AtTable { by: Id },
    /// Beslut inväntas: an absent decision maker decides by a date.
    Awaiting {
        decision_maker: String,
        organisation: String,
        #[serde(default)]
        decide_by: Option<NaiveDate>,
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

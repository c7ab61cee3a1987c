//! The plan lives on: a follow-up meeting starts from a finalized one, carries over who
//! and what (organisations, participants, consents, goals, the responsibility) and lists
//! every action of the previous plan for review, so no promise is quietly forgotten.
//! An action that continues is taken into the new plan with a link to where it came
//! from; the rules (`crate::rules::follow_up`) see to it that every one is accounted for.

use super::{Action, Attendance, Decision, Goal, Id, Meeting, PreviousMeeting};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What became of one action of the previous plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionReview {
    /// The action as the previous plan wrote it, so the review reads whole without
    /// that file.
    pub was: Action,
    /// `None` until reviewed at this meeting.
    #[serde(default)]
    pub outcome: Option<Outcome>,
    /// Required for anything but done.
    #[serde(default)]
    pub comment: String,
    /// For an awaited decision: what came of it.
    #[serde(default)]
    pub decision: Option<DecisionOutcome>,
    /// The action of this meeting's plan that continues it.
    #[serde(default)]
    pub carried_to: Option<Id>,
}

impl ActionReview {
    /// Whether the previous plan was waiting for a decision on it.
    pub fn was_awaiting(&self) -> bool {
        self.was.is_awaiting()
    }

    /// The date the awaited decision was due, if it was awaited.
    pub fn decide_by(&self) -> Option<NaiveDate> {
        match &self.was.decision {
            Decision::Awaiting { decide_by, .. } => *decide_by,
            Decision::AtTable { .. } => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Outcome {
    Done,
    PartlyDone,
    NotDone,
    Cancelled,
    /// Goes on in the new plan.
    Continues,
}

impl Outcome {
    pub const ALL: [Outcome; 5] = [
        Outcome::Done,
        Outcome::PartlyDone,
        Outcome::NotDone,
        Outcome::Cancelled,
        Outcome::Continues,
    ];

    /// Whether the action goes on in the new plan and must be carried over.
    pub fn goes_on(self) -> bool {
        matches!(self, Outcome::PartlyDone | Outcome::Continues)
    }
}

/// What came of an awaited decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum DecisionOutcome {
    Granted {
        by: String,
        #[serde(default)]
        on: Option<NaiveDate>,
    },
    Refused {
        by: String,
        #[serde(default)]
        on: Option<NaiveDate>,
    },
    /// Still not decided: it is awaited again, with a new date, in the new plan.
    StillAwaited,
}

/// Whether a goal of the previous plan was reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoalReview {
    pub goal: Id,
    #[serde(default)]
    pub outcome: Option<GoalOutcome>,
    #[serde(default)]
    pub comment: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GoalOutcome {
    Reached,
    Partly,
    NotReached,
}

impl GoalOutcome {
    pub const ALL: [GoalOutcome; 3] = [
        GoalOutcome::Reached,
        GoalOutcome::Partly,
        GoalOutcome::NotReached,
    ];
}

/// Where an action of this plan came from: an action of the previous one, and the date
/// of the plan where it first was agreed ("from the plan of 2026-09-14").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Origin {
    /// The previous meeting's id and date, and the action's id there.
    pub meeting: String,
    pub date: NaiveDate,
    pub action: Id,
    /// The date of the first plan it was part of.
    pub since: NaiveDate,
}

/// Why no follow-up can be started from a meeting.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotFollowable {
    #[error("the minutes are not finalized; a follow-up starts from finalized minutes")]
    Draft,
    #[error("the plan was closed: {0}")]
    Closed(String),
    #[error("the finalized minutes were changed afterwards; amend them first")]
    Changed,
}

impl Meeting {
    /// The plan's meetings, the first first and this one last, each as its agenda's id
    /// and its date: the chain the minutes and the screen show ("SIP-möte 2026-09-14 →
    /// SIP-uppföljning 2026-11-02 → …").
    pub fn chain(&self) -> impl Iterator<Item = (&str, NaiveDate)> {
        self.earlier
            .iter()
            .rev()
            .map(|e| (e.agenda.as_str(), e.date))
            .chain(std::iter::once((self.agenda.id.as_str(), self.date)))
    }

    /// The follow-up of this finalized meeting, started from `agenda` on `date`, saved
    /// (by the caller) as `file`: organisations, participants (invited again), consents,
    /// goals, the responsibility and every action for review, linked back by id, file
    /// and content hash.
    pub fn start_follow_up(
        &self,
        agenda: super::AgendaRef,
        title: impl Into<String>,
        date: NaiveDate,
        file: &str,
    ) -> Result<Meeting, NotFollowable> {
        if !self.is_finalized() {
            return Err(NotFollowable::Draft);
        }
        if let Some(reason) = &self.plan_closed {
            return Err(NotFollowable::Closed(reason.clone()));
        }
        if self.stamp_matches() == Some(false) {
            return Err(NotFollowable::Changed);
        }
        let mut m = Meeting::new(agenda, title, date);
        m.case_ref = self.case_ref.clone();
        m.subject = self.subject.clone();
        m.facilitator = self.facilitator.clone();
        m.note_taker = self.note_taker.clone();
        m.organisations = self.organisations.clone();
        m.participants = self.participants.clone();
        for p in &mut m.participants {
            p.attendance = Attendance::Invited;
        }
        m.consents = self.consents.clone();
        m.goals = self.goals.clone();
        m.overall_responsible = self.overall_responsible.clone();
        m.coordinator = self.coordinator.clone();
        if let Some(f) = &self.follow_up {
            m.place = f.place.clone();
            m.start = f.time;
        }
        m.reviews = self.actions.iter().map(review_of).collect();
        m.goal_reviews = self
            .goals
            .iter()
            .map(|g: &Goal| GoalReview {
                goal: g.id.clone(),
                outcome: None,
                comment: String::new(),
            })
            .collect();
        m.previous = Some(PreviousMeeting {
            id: self.id.clone(),
            file: file.to_string(),
            date: self.date,
            hash: self.content_hash(),
            announced: self.follow_up.as_ref().map(|f| super::Announced {
                date: f.date,
                time: f.time,
                sequence: self.calendar_sequence(),
            }),
        });
        // The chain of earlier meetings, nearest first, for the minutes.
        m.earlier = std::iter::once(Earlier {
            id: self.id.clone(),
            date: self.date,
            agenda: self.agenda.id.clone(),
        })
        .chain(self.earlier.iter().cloned())
        .collect();
        Ok(m)
    }

    /// Take in an amended version of the previous meeting: each action's review keeps
    /// what was said of it and reads the action as amended; actions new in the amended
    /// plan are added for review, and those it no longer has are kept when something
    /// here continues them, else dropped. New goals are added for judging. The link to
    /// the previous meeting is renewed (its hash, date and announced follow-up).
    pub fn take_in(&mut self, amended: &Meeting, file: &str) {
        let mut reviews = Vec::new();
        for a in &amended.actions {
            match self.reviews.iter().find(|r| r.was.id == a.id) {
                Some(r) => reviews.push(ActionReview {
                    was: a.clone(),
                    ..r.clone()
                }),
                None => reviews.push(review_of(a)),
            }
        }
        for r in &self.reviews {
            let gone = !amended.actions.iter().any(|a| a.id == r.was.id);
            if gone && r.carried_to.is_some() {
                reviews.push(r.clone());
            }
        }
        self.reviews = reviews;
        for g in &amended.goals {
            if !self.goal_reviews.iter().any(|r| r.goal == g.id) {
                self.goal_reviews.push(GoalReview {
                    goal: g.id.clone(),
                    outcome: None,
                    comment: String::new(),
                });
            }
            if self.goal(&g.id).is_none() {
                self.goals.push(g.clone());
            }
        }
        self.previous = Some(PreviousMeeting {
            id: amended.id.clone(),
            file: file.to_string(),
            date: amended.date,
            hash: amended.content_hash(),
            announced: amended.follow_up.as_ref().map(|f| super::Announced {
                date: f.date,
                time: f.time,
                sequence: amended.calendar_sequence(),
            }),
        });
    }

    /// The review of the previous plan's action `id`.
    pub fn review(&self, id: &Id) -> Option<&ActionReview> {
        self.reviews.iter().find(|r| &r.was.id == id)
    }

    /// A new action of this plan continuing reviewed action `index`: the same text,
    /// performer, organisation, goals and cost bearer, linked to its origin. It still
    /// needs a decision at this meeting and a new deadline (the form asks).
    pub fn carry_over(&self, index: usize) -> Option<Action> {
        let r = self.reviews.get(index)?;
        let p = self.previous.as_ref()?;
        let mut a = r.was.clone();
        a.id = Id::new("");
        a.decision = Decision::AtTable { by: Vec::new() };
        a.status = super::ActionStatus::Agreed;
        a.status_comment = String::new();
        a.deadline = None;
        a.start = None;
        a.feedback = None;
        a.origin = Some(Origin {
            meeting: p.id.clone(),
            date: p.date,
            action: r.was.id.clone(),
            since: r.was.origin.as_ref().map_or(p.date, |o| o.since),
        });
        // Whoever and whatever is no longer in this meeting is asked for again.
        if let Some(super::Performer::Participant(id)) = &a.performer
            && self.participant(id).is_none()
        {
            a.performer = None;
        }
        for org in [&mut a.organisation, &mut a.cost_bearer] {
            if org.as_ref().is_some_and(|o| self.organisation(o).is_none()) {
                *org = None;
            }
        }
        a.goals.retain(|g| self.goal(g).is_some());
        Some(a)
    }
}

/// An earlier meeting in the chain of a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Earlier {
    pub id: String,
    pub date: NaiveDate,
    pub agenda: String,
}

fn review_of(a: &Action) -> ActionReview {
    ActionReview {
        was: a.clone(),
        outcome: None,
        comment: String::new(),
        decision: None,
        carried_to: None,
    }
}

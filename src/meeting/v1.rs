//! Meeting-file format 1, read and upgraded to format 2.
//!
//! Format 1 wrote an organisation as free text on every participant and action, with a
//! huvudman beside it (the family as huvudman "Familj"). Format 2 keeps organisations as
//! records that are referred to by id. The upgrade derives them from the distinct texts
//! (compared without case or padding, so same-text participants end up in one), and
//! matches the free-text cost bearers and consent scopes against them.
//!
//! A finalized format-1 meeting keeps verifying: the hash of its format-1 content is
//! computed here, from these structs, which serialize exactly as format 1 did.

use super::{ActionStatus, ConsentForm};
use super::{
    AgendaRef, Attendance, ChildVoice, Evaluation, Feedback, FinalizeStamp, FollowUp, Goal,
    Huvudman, Id, Mandate, Meeting, Organisation, ParticipantKind, Performer, Person, PhaseRecord,
    PreviousMeeting, Revision, Situation, Subject, Upgraded, UpgradedFrom,
};
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingV1 {
    pub format: u32,
    pub id: String,
    pub agenda: AgendaRef,
    pub title: String,
    #[serde(default)]
    pub case_ref: String,
    pub date: NaiveDate,
    #[serde(default)]
    pub start: Option<NaiveTime>,
    #[serde(default)]
    pub end: Option<NaiveTime>,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub facilitator: String,
    #[serde(default)]
    pub note_taker: String,
    #[serde(default)]
    pub initiator: String,
    pub subject: Subject,
    #[serde(default)]
    pub participants: Vec<ParticipantV1>,
    #[serde(default)]
    pub consents: Vec<ConsentV1>,
    #[serde(default)]
    pub phases: BTreeMap<String, PhaseRecord>,
    #[serde(default)]
    pub situation: Situation,
    #[serde(default)]
    pub child_voice: ChildVoice,
    #[serde(default)]
    pub needs: Vec<String>,
    #[serde(default)]
    pub goals: Vec<Goal>,
    #[serde(default)]
    pub actions: Vec<ActionV1>,
    #[serde(default)]
    pub overall_responsible: Option<ResponsibilityV1>,
    #[serde(default)]
    pub coordinator: Option<Person>,
    #[serde(default)]
    pub disagreements: Vec<String>,
    #[serde(default)]
    pub follow_up: Option<FollowUp>,
    #[serde(default)]
    pub plan_closed: Option<String>,
    #[serde(default)]
    pub evaluations: Vec<Evaluation>,
    #[serde(default)]
    pub distribution: Vec<String>,
    #[serde(default)]
    pub previous: Option<PreviousMeeting>,
    #[serde(default)]
    pub finalized: Option<FinalizeStamp>,
    #[serde(default)]
    pub revisions: Vec<Revision>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum HuvudmanV1 {
    Kommun,
    Region,
    Privat,
    Statlig,
    Familj,
    Annan,
}

impl HuvudmanV1 {
    /// The family was a huvudman in format 1; in format 2 it is no organisation.
    fn upgrade(self) -> Option<Huvudman> {
        match self {
            HuvudmanV1::Kommun => Some(Huvudman::Kommun),
            HuvudmanV1::Region => Some(Huvudman::Region),
            HuvudmanV1::Privat => Some(Huvudman::Privat),
            HuvudmanV1::Statlig => Some(Huvudman::Statlig),
            HuvudmanV1::Annan => Some(Huvudman::Annan),
            HuvudmanV1::Familj => None,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParticipantV1 {
    pub id: Id,
    pub name: String,
    pub organisation: String,
    pub huvudman: HuvudmanV1,
    #[serde(default)]
    pub role: String,
    pub kind: ParticipantKind,
    #[serde(default)]
    pub mandate: Option<Mandate>,
    pub attendance: Attendance,
    #[serde(default)]
    pub stand_in: Option<String>,
    #[serde(default)]
    pub contact: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsentV1 {
    pub given_by: Person,
    pub scope: String,
    #[serde(default)]
    pub exclusions: String,
    pub form: ConsentForm,
    pub date: NaiveDate,
    #[serde(default)]
    pub valid_until: Option<NaiveDate>,
    #[serde(default)]
    pub withdrawn: Option<NaiveDate>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResponsibilityV1 {
    pub huvudman: HuvudmanV1,
    pub organisation: String,
    #[serde(default)]
    pub person: Option<Person>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionV1 {
    pub id: Id,
    pub what: String,
    #[serde(default)]
    pub goals: Vec<Id>,
    pub performer: Option<Performer>,
    pub organisation: String,
    pub huvudman: HuvudmanV1,
    pub decision: DecisionV1,
    #[serde(default)]
    pub deadline: Option<NaiveDate>,
    #[serde(default)]
    pub start: Option<NaiveDate>,
    #[serde(default)]
    pub cost_bearer: Option<String>,
    #[serde(default)]
    pub feedback: Option<Feedback>,
    #[serde(default)]
    pub status: ActionStatus,
    #[serde(default)]
    pub status_comment: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum DecisionV1 {
    AtTable {
        by: Id,
    },
    Awaiting {
        decision_maker: String,
        organisation: String,
        #[serde(default)]
        decide_by: Option<NaiveDate>,
    },
}

/// The organisations found so far, keyed by their text without case or padding.
#[derive(Default)]
struct Found {
    list: Vec<Organisation>,
}

fn key(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// "Skola: Björkhagaskolan" is also written "Björkhagaskolan".
fn short_key(name: &str) -> String {
    key(name.rsplit_once(':').map_or(name, |(_, rest)| rest))
}

impl Found {
    /// The organisation written `text`, added when it is new. `None` for an empty text
    /// or the family.
    fn intern(&mut self, text: &str, huvudman: HuvudmanV1) -> Option<Id> {
        let huvudman = huvudman.upgrade()?;
        let k = key(text);
        if k.is_empty() {
            return None;
        }
        if let Some(o) = self.list.iter().find(|o| key(&o.name) == k) {
            return Some(o.id.clone());
        }
        let id = Id::next("o", self.list.iter().map(|o| &o.id));
        self.list.push(Organisation {
            id: id.clone(),
            name: text.split_whitespace().collect::<Vec<_>>().join(" "),
            huvudman,
            mission: String::new(),
            parent: None,
        });
        Some(id)
    }

    /// The organisations a free text names, by their full or short name; the longest
    /// name first, so "BUP Södra" wins over "BUP".
    fn named_in(&self, text: &str) -> Vec<Id> {
        let text = key(text);
        let mut hits: Vec<(usize, &Organisation)> = self
            .list
            .iter()
            .filter_map(|o| {
                [key(&o.name), short_key(&o.name)]
                    .into_iter()
                    .filter(|k| !k.is_empty() && text.contains(k.as_str()))
                    .map(|k| k.len())
                    .max()
                    .map(|len| (len, o))
            })
            .collect();
        hits.sort_by_key(|h| std::cmp::Reverse(h.0));
        hits.into_iter().map(|(_, o)| o.id.clone()).collect()
    }

    /// The organisation a free text is, or names, or a new one of this text.
    fn resolve(&mut self, text: &str, huvudman: HuvudmanV1) -> Option<Id> {
        let k = key(text);
        if let Some(o) = self
            .list
            .iter()
            .find(|o| key(&o.name) == k || short_key(&o.name) == k)
        {
            return Some(o.id.clone());
        }
        match self.named_in(text).into_iter().next() {
            Some(id) => Some(id),
            None => self.intern(text, huvudman),
        }
    }
}

impl MeetingV1 {
    /// The hash format 1 computed over this content (without stamp and revision log).
    pub fn content_hash(&self) -> String {
        let mut content = self.clone();
        content.finalized = None;
        content.revisions.clear();
        super::finalize::hash_of(&content)
    }

    /// The same meeting in format 2.
    pub fn upgrade(self) -> Meeting {
        let old_hash = self.finalized.as_ref().map(|_| self.content_hash());
        let mut found = Found::default();
        let participants = self
            .participants
            .into_iter()
            .map(|p| {
                let family = p.kind.is_family() || p.huvudman == HuvudmanV1::Familj;
                let kind = match p.kind {
                    // Format 1 made "other, huvudman family" family; format 2 says so.
                    ParticipantKind::Other if family => ParticipantKind::Relative,
                    kind => kind,
                };
                let organisation = if family {
                    None
                } else {
                    found.intern(&p.organisation, p.huvudman)
                };
                super::Participant {
                    id: p.id,
                    name: p.name,
                    organisation,
                    role: p.role,
                    kind,
                    mandate: p.mandate,
                    attendance: p.attendance,
                    stand_in: p.stand_in,
                    contact: p.contact,
                }
            })
            .collect();
        let actions = self
            .actions
            .into_iter()
            .map(|a| {
                let organisation = found.intern(&a.organisation, a.huvudman);
                let decision = match a.decision {
                    DecisionV1::AtTable { by } => super::Decision::AtTable { by: vec![by] },
                    DecisionV1::Awaiting {
                        decision_maker,
                        organisation: org,
                        decide_by,
                    } => super::Decision::Awaiting {
                        decision_maker,
                        organisation: found.resolve(&org, a.huvudman),
                        decide_by,
                        reason: String::new(),
                    },
                };
                let mut status_comment = a.status_comment;
                let cost_bearer = a.cost_bearer.as_deref().and_then(|text| {
                    let id = found.resolve(text, a.huvudman);
                    if id.is_none() && !text.trim().is_empty() {
                        // A cost bearer that is no organisation (the family's own
                        // costs): kept in words rather than dropped.
                        if !status_comment.is_empty() {
                            status_comment.push_str("; ");
                        }
                        status_comment.push_str(&format!("Kostnadsansvar: {}", text.trim()));
                    }
                    id
                });
                super::Action {
                    id: a.id,
                    what: a.what,
                    goals: a.goals,
                    performer: a.performer,
                    organisation,
                    decision,
                    deadline: a.deadline,
                    start: a.start,
                    cost_bearer,
                    feedback: a.feedback,
                    status: a.status,
                    status_comment,
                    origin: None,
                }
            })
            .collect();
        let overall_responsible = self.overall_responsible.and_then(|r| {
            // The family held it in format 1 only by mistake; it becomes "annan" and
            // the rules keep saying it belongs with a huvudman.
            let huvudman = match r.huvudman {
                HuvudmanV1::Familj => HuvudmanV1::Annan,
                h => h,
            };
            Some(super::Responsibility {
                organisation: found.resolve(&r.organisation, huvudman)?,
                person: r.person,
            })
        });
        let consents = self
            .consents
            .into_iter()
            .map(|c| super::Consent {
                given_by: vec![c.given_by],
                organisations: found.named_in(&c.scope),
                scope: c.scope,
                child_view: String::new(),
                exclusions: c.exclusions,
                form: c.form,
                date: c.date,
                valid_until: c.valid_until,
                withdrawn: c.withdrawn,
            })
            .collect();
        let mut m = Meeting {
            format: super::FORMAT_VERSION,
            id: self.id,
            agenda: self.agenda,
            title: self.title,
            case_ref: self.case_ref,
            date: self.date,
            start: self.start,
            end: self.end,
            place: self.place,
            facilitator: self.facilitator,
            note_taker: self.note_taker,
            initiator: self.initiator,
            subject: self.subject,
            organisations: found.list,
            participants,
            consents,
            phases: self.phases,
            situation: self.situation,
            child_voice: self.child_voice,
            needs: self.needs,
            goals: self.goals,
            actions,
            overall_responsible,
            coordinator: self.coordinator,
            disagreements: self.disagreements,
            follow_up: self.follow_up,
            plan_closed: self.plan_closed,
            evaluations: self.evaluations,
            distribution: self.distribution,
            previous: self.previous,
            earlier: Vec::new(),
            reviews: Vec::new(),
            goal_reviews: Vec::new(),
            finalized: self.finalized,
            revisions: self.revisions,
            invitation: None,
            upgraded: Upgraded::default(),
        };
        if let Some(old_hash) = old_hash {
            let new_hash = m.content_hash();
            m.upgraded = Upgraded(Some(UpgradedFrom { old_hash, new_hash }));
        }
        m
    }
}

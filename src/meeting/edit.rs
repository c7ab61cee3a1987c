//! Changes to a meeting with their cascades: adding rows with fresh ids, replacing and
//! removing them, and what still names a participant. The screen calls these.

use super::{Action, Decision, Goal, Id, Meeting, Organisation, Participant, Performer, Person};

/// A place in the meeting that names a participant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reference {
    /// Performs the action, or decided it at the table; its id and first line.
    Action { id: Id, what: String },
    /// Gave the consent at this index.
    Consent(usize),
    /// Holds the overall responsibility for the plan.
    OverallResponsibility,
    /// Coordinates the plan (samordnare).
    Coordinator,
    /// Convenes the follow-up.
    FollowUpConvener,
}

/// A place in the meeting that names an organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrgReference {
    /// A unit under it, by name.
    Unit(String),
    /// A participant of it, by name.
    Participant(String),
    /// An action it carries out, pays for or decides on; its first line.
    Action(String),
    Consent,
    OverallResponsibility,
}

/// Why a participant cannot be removed: the places that still name them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("still named in {} places", .0.len())]
pub struct StillNamed(pub Vec<Reference>);

impl Meeting {
    /// Every place that names participant `id`; empty when they can be removed.
    pub fn references_to(&self, id: &Id) -> Vec<Reference> {
        let named = |p: Option<&Person>| matches!(p, Some(Person::Participant(x)) if x == id);
        let mut out = Vec::new();
        for a in &self.actions {
            let performs = matches!(&a.performer, Some(Performer::Participant(x)) if x == id);
            let decides = matches!(&a.decision, Decision::AtTable { by } if by.contains(id));
            if performs || decides {
                out.push(Reference::Action {
                    id: a.id.clone(),
                    what: a.what.lines().next().unwrap_or("").to_string(),
                });
            }
        }
        for (i, c) in self.consents.iter().enumerate() {
            if c.given_by.iter().any(|g| named(Some(g))) {
                out.push(Reference::Consent(i));
            }
        }
        let overall = self.overall_responsible.as_ref();
        if named(overall.and_then(|r| r.person.as_ref())) {
            out.push(Reference::OverallResponsibility);
        }
        if named(self.coordinator.as_ref()) {
            out.push(Reference::Coordinator);
        }
        if named(self.follow_up.as_ref().and_then(|f| f.convener.as_ref())) {
            out.push(Reference::FollowUpConvener);
        }
        out
    }

    /// Add an organisation with a fresh id (whatever `o.id` was); returns the id.
    pub fn add_organisation(&mut self, mut o: Organisation) -> Id {
        let id = Id::next("o", self.organisations.iter().map(|x| &x.id));
        o.id = id.clone();
        self.organisations.push(o);
        id
    }

    /// Every place that names organisation `id`; empty when it can be removed.
    pub fn references_to_organisation(&self, id: &Id) -> Vec<OrgReference> {
        let mut out = Vec::new();
        for o in &self.organisations {
            if o.parent.as_ref() == Some(id) {
                out.push(OrgReference::Unit(o.name.clone()));
            }
        }
        for p in &self.participants {
            if p.organisation.as_ref() == Some(id) {
                out.push(OrgReference::Participant(p.name.clone()));
            }
        }
        for a in &self.actions {
            let awaited =
                matches!(&a.decision, Decision::Awaiting { organisation: Some(o), .. } if o == id);
            if a.organisation.as_ref() == Some(id) || a.cost_bearer.as_ref() == Some(id) || awaited
            {
                out.push(OrgReference::Action(
                    a.what.lines().next().unwrap_or("").to_string(),
                ));
            }
        }
        if self.consents.iter().any(|c| c.organisations.contains(id)) {
            out.push(OrgReference::Consent);
        }
        if self
            .overall_responsible
            .as_ref()
            .is_some_and(|r| &r.organisation == id)
        {
            out.push(OrgReference::OverallResponsibility);
        }
        out
    }

    /// Remove organisation `index`; refused while anything still names it.
    pub fn remove_organisation(
        &mut self,
        index: usize,
    ) -> Result<Option<Organisation>, Vec<OrgReference>> {
        let Some(o) = self.organisations.get(index) else {
            return Ok(None);
        };
        let refs = self.references_to_organisation(&o.id);
        if !refs.is_empty() {
            return Err(refs);
        }
        Ok(Some(self.organisations.remove(index)))
    }

    /// Add a participant with a fresh id (whatever `p.id` was); returns the id.
    pub fn add_participant(&mut self, mut p: Participant) -> Id {
        // Nor the id of someone the previous plan named (a review reads the old action,
        // and carrying it over must not give it to a newcomer).
        let reviewed = self.reviews.iter().flat_map(|r| {
            let performer = match &r.was.performer {
                Some(Performer::Participant(id)) => Some(id),
                _ => None,
            };
            performer.into_iter().chain(r.was.deciders())
        });
        let id = Id::next("p", self.participants.iter().map(|x| &x.id).chain(reviewed));
        p.id = id.clone();
        self.participants.push(p);
        id
    }

    /// Remove participant `index`, with their speaking-round marks and evaluation;
    /// refused while anything still names them.
    pub fn remove_participant(&mut self, index: usize) -> Result<Option<Participant>, StillNamed> {
        let Some(p) = self.participants.get(index) else {
            return Ok(None);
        };
        let refs = self.references_to(&p.id);
        if !refs.is_empty() {
            return Err(StillNamed(refs));
        }
        let p = self.participants.remove(index);
        self.evaluations.retain(|e| e.participant != p.id);
        for record in self.phases.values_mut() {
            record.heard.retain(|h| h != &p.id);
        }
        Ok(Some(p))
    }

    /// Add a goal with a fresh id; returns the id.
    pub fn add_goal(&mut self, mut g: Goal) -> Id {
        let id = Id::next("g", self.goals.iter().map(|x| &x.id));
        g.id = id.clone();
        self.goals.push(g);
        id
    }

    /// Remove goal `index`: actions no longer link to it, its sub-goals stand alone.
    pub fn remove_goal(&mut self, index: usize) -> Option<Goal> {
        if index >= self.goals.len() {
            return None;
        }
        let g = self.goals.remove(index);
        for a in &mut self.actions {
            a.goals.retain(|x| x != &g.id);
        }
        for child in &mut self.goals {
            if child.parent.as_ref() == Some(&g.id) {
                child.parent = None;
            }
        }
        Some(g)
    }

    /// Add an action with a fresh id; returns the id.
    pub fn add_action(&mut self, mut a: Action) -> Id {
        let id = Id::next("a", self.actions.iter().map(|x| &x.id));
        a.id = id.clone();
        self.actions.push(a);
        id
    }

    /// Remove action `index`.
    pub fn remove_action(&mut self, index: usize) -> Option<Action> {
        (index < self.actions.len()).then(|| self.actions.remove(index))
    }

    /// Remove the evaluation participant `id` gave, if any.
    pub fn remove_evaluation(&mut self, id: &Id) -> bool {
        let before = self.evaluations.len();
        self.evaluations.retain(|e| &e.participant != id);
        before != self.evaluations.len()
    }
}

/// Remove item `index` of a plain list (consents, needs, disagreements); `None` when it
/// is not there.
pub fn remove_at<T>(list: &mut Vec<T>, index: usize) -> Option<T> {
    (index < list.len()).then(|| list.remove(index))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meeting::{
        AgendaRef, Attendance, Consent, ConsentForm, Evaluation, FollowUp, GoalKind, Huvudman,
        ParticipantKind, Responsibility,
    };
    use chrono::NaiveDate;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()
    }

    fn person(name: &str) -> Participant {
        Participant {
            id: Id("ignored".into()),
            name: name.into(),
            organisation: Some(Id::new("o1")),
            role: String::new(),
            kind: ParticipantKind::Professional,
            mandate: None,
            attendance: Attendance::InRoom,
            stand_in: None,
            contact: None,
            part: None,
        }
    }

    fn goal(text: &str, parent: Option<Id>) -> Goal {
        Goal {
            id: Id("ignored".into()),
            text: text.into(),
            kind: GoalKind::LongTerm,
            indicator: String::new(),
            parent,
        }
    }

    fn meeting() -> Meeting {
        let mut m = Meeting::new(
            AgendaRef {
                id: "sip".into(),
                version: 1,
            },
            "Test",
            day(),
        );
        m.add_organisation(crate::meeting::Organisation {
            id: Id::new(""),
            name: "Skolan".into(),
            huvudman: Huvudman::Kommun,
            mission: String::new(),
            parent: None,
        });
        m.add_participant(person("Anna"));
        m.add_participant(person("Bo"));
        m
    }

    #[test]
    fn ids_are_fresh_and_never_reused_from_the_row() {
        let mut m = meeting();
        assert_eq!(m.participants[0].id, Id("p1".into()));
        assert_eq!(m.participants[1].id, Id("p2".into()));
        m.remove_participant(0).unwrap();
        assert_eq!(m.add_participant(person("Cia")), Id("p3".into()));
    }

    #[test]
    fn a_participant_named_anywhere_is_not_removed_and_the_places_are_listed() {
        let mut m = meeting();
        let bo = m.participants[1].id.clone();
        m.consents.push(Consent {
            given_by: vec![Person::Participant(bo.clone())],
            organisations: Vec::new(),
            scope: "alla".into(),
            child_view: String::new(),
            exclusions: String::new(),
            form: ConsentForm::Oral,
            date: day(),
            valid_until: None,
            withdrawn: None,
        });
        m.coordinator = Some(Person::Participant(bo.clone()));
        m.overall_responsible = Some(Responsibility {
            organisation: Id::new("o1"),
            person: Some(Person::Participant(bo.clone())),
        });
        m.follow_up = Some(FollowUp {
            date: day(),
            time: None,
            place: String::new(),
            convener: Some(Person::Participant(bo.clone())),
            topics: String::new(),
        });
        let refs = m.references_to(&bo);
        assert_eq!(
            refs,
            vec![
                Reference::Consent(0),
                Reference::OverallResponsibility,
                Reference::Coordinator,
                Reference::FollowUpConvener,
            ]
        );
        assert_eq!(m.remove_participant(1), Err(StillNamed(refs)));
        assert_eq!(m.participants.len(), 2, "nothing removed");
        assert!(m.references_to(&m.participants[0].id.clone()).is_empty());
    }

    #[test]
    fn removing_a_participant_takes_their_marks_and_evaluation() {
        let mut m = meeting();
        let (anna, bo) = (m.participants[0].id.clone(), m.participants[1].id.clone());
        m.phase_mut("roller").heard = vec![anna.clone(), bo.clone()];
        for id in [&anna, &bo] {
            m.evaluations.push(Evaluation {
                participant: id.clone(),
                heard: Some(4),
                useful: None,
                comment: String::new(),
            });
        }
        let gone = m.remove_participant(0).unwrap().unwrap();
        assert_eq!(gone.name, "Anna");
        assert_eq!(m.phase("roller").unwrap().heard, vec![bo.clone()]);
        assert_eq!(m.evaluations.len(), 1);
        assert_eq!(m.evaluations[0].participant, bo);
        assert_eq!(m.remove_participant(5), Ok(None));
        assert!(m.remove_evaluation(&bo));
        assert!(!m.remove_evaluation(&bo));
    }

    #[test]
    fn removing_a_goal_unlinks_actions_and_frees_sub_goals() {
        let mut m = meeting();
        let top = m.add_goal(goal("Går i skolan", None));
        let sub = m.add_goal(goal("Närvaro 80 %", Some(top.clone())));
        assert_eq!((top.0.as_str(), sub.0.as_str()), ("g1", "g2"));
        let mut a = Action::new(
            Id::new("x"),
            "Läxhjälp",
            Performer::Family,
            None,
            Decision::AtTable {
                by: vec![Id::new("p1")],
            },
        );
        a.goals = vec![top.clone(), sub.clone()];
        let a_id = m.add_action(a);
        assert_eq!(a_id, Id("a1".into()));
        assert_eq!(m.remove_goal(0).map(|g| g.id), Some(top));
        assert_eq!(m.goals[0].parent, None);
        assert_eq!(m.actions[0].goals, vec![sub]);
        assert!(m.remove_goal(3).is_none());
        assert!(m.remove_action(0).is_some());
        assert!(m.remove_action(0).is_none());
        let mut list = vec![1, 2];
        assert_eq!(remove_at(&mut list, 1), Some(2));
        assert_eq!(remove_at(&mut list, 1), None);
    }
}

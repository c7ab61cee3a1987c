//! Organisations (verksamheter) as records of the meeting: a name, the huvudman that
//! answers for it, its mission, and the unit it belongs to. Participants, actions,
//! consents and the overall responsibility refer to them by id, so two spellings of one
//! unit can no longer break the mandate rule, and a rektor's mandate covers the school's
//! own pupil health team.

use super::{Id, Meeting};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub id: Id,
    /// "Nordvikskolan", "Socialtjänst: Barn och unga", "BUP Södra".
    pub name: String,
    pub huvudman: Huvudman,
    /// Uppdrag: what the organisation does, in a sentence the family understands.
    #[serde(default)]
    pub mission: String,
    /// The unit this one belongs to ("Nordvikskolan, elevhälsan" under "Nordvikskolan").
    #[serde(default)]
    pub parent: Option<Id>,
}

/// Huvudman: the authority that answers for what its organisation does. The family is
/// not an organisation and has no huvudman: its own measures are åtgärder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Huvudman {
    Kommun,
    Region,
    /// A state authority: Försäkringskassan, Arbetsförmedlingen, SiS, …
    Statlig,
    Privat,
    Annan,
}

impl Huvudman {
    pub const ALL: [Huvudman; 5] = [
        Huvudman::Kommun,
        Huvudman::Region,
        Huvudman::Statlig,
        Huvudman::Privat,
        Huvudman::Annan,
    ];

    /// Kommun and region are the huvudmän of the law (SoL 2 kap. 7 §, HSL 16 kap. 4 §):
    /// what their organisations do are *insatser*; what others do are *åtgärder*.
    pub fn is_of_the_law(self) -> bool {
        matches!(self, Huvudman::Kommun | Huvudman::Region)
    }
}

/// An action of a huvudman is an insats; a measure by the family, another authority or
/// a private actor is an åtgärd.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActionKind {
    Insats,
    Atgard,
}

impl Meeting {
    pub fn organisation(&self, id: &Id) -> Option<&Organisation> {
        self.organisations.iter().find(|o| &o.id == id)
    }

    /// The organisation's name, or its id when the file names one that does not exist.
    pub fn organisation_name(&self, id: &Id) -> String {
        self.organisation(id)
            .map_or_else(|| id.to_string(), |o| o.name.clone())
    }

    /// `inner` and the units it belongs to, nearest first; a cycle of `parent` links in
    /// a hand-edited file ends the walk instead of looping.
    pub fn units_above(&self, inner: &Id) -> Vec<&Organisation> {
        let mut out: Vec<&Organisation> = Vec::new();
        let mut at = self.organisation(inner);
        while let Some(o) = at {
            if out.iter().any(|seen| seen.id == o.id) {
                break;
            }
            out.push(o);
            at = o.parent.as_ref().and_then(|p| self.organisation(p));
        }
        out
    }

    /// Whether `outer` is `inner` or a unit `inner` belongs to: a mandate for `outer`
    /// covers what `inner` does.
    pub fn covers(&self, outer: &Id, inner: &Id) -> bool {
        outer == inner || self.units_above(inner).iter().any(|o| &o.id == outer)
    }

    /// The kind of an action, from the huvudman of the organisation that carries it out.
    pub fn action_kind(&self, action: &super::Action) -> ActionKind {
        let of_the_law = action
            .organisation
            .as_ref()
            .and_then(|id| self.organisation(id))
            .is_some_and(|o| o.huvudman.is_of_the_law());
        if of_the_law {
            ActionKind::Insats
        } else {
            ActionKind::Atgard
        }
    }

    /// The organisation a participant belongs to.
    pub fn organisation_of(&self, participant: &Id) -> Option<&Organisation> {
        let p = self.participant(participant)?;
        self.organisation(p.organisation.as_ref()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meeting::AgendaRef;
    use chrono::NaiveDate;

    fn org(id: &str, parent: Option<&str>) -> Organisation {
        Organisation {
            id: Id::new(id),
            name: id.to_uppercase(),
            huvudman: Huvudman::Kommun,
            mission: String::new(),
            parent: parent.map(Id::new),
        }
    }

    #[test]
    fn a_unit_is_covered_by_the_units_above_it_and_a_cycle_ends() {
        let mut m = Meeting::new(
            AgendaRef {
                id: "samba".into(),
                version: 1,
            },
            "t",
            NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        );
        m.organisations = vec![
            org("o1", None),
            org("o2", Some("o1")),
            org("o3", Some("o2")),
            org("o4", None),
            org("o5", Some("o6")),
            org("o6", Some("o5")),
        ];
        let id = Id::new;
        assert!(m.covers(&id("o1"), &id("o3")));
        assert!(m.covers(&id("o2"), &id("o3")));
        assert!(m.covers(&id("o3"), &id("o3")));
        assert!(!m.covers(&id("o3"), &id("o1")), "not upwards");
        assert!(!m.covers(&id("o4"), &id("o3")));
        assert!(!m.covers(&id("o1"), &id("o5")), "a cycle ends");
        assert_eq!(m.units_above(&id("o5")).len(), 2);
    }
}

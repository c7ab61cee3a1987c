//! The one builder of a meeting's people and organisations, used by every meeting the
//! tests make (`sip_meeting`, `fixtures::meeting_named`, `screen::sip_meeting`) and by
//! tests that add someone: `person(id, name, kind)` is someone in the room with no
//! organisation, role or mandate, and the methods of `Build` say what differs.

use samsyn::meeting::*;

/// Someone in the room, of `kind`, with no organisation, role or mandate yet.
pub fn person(id: &str, name: &str, kind: ParticipantKind) -> Participant {
    Participant {
        id: Id::new(id),
        name: name.into(),
        organisation: None,
        role: String::new(),
        kind,
        mandate: None,
        attendance: Attendance::InRoom,
        stand_in: None,
        contact: None,
        part: None,
    }
}

/// An organisation with no mission and no parent.
pub fn org(id: &str, name: &str, huvudman: Huvudman) -> Organisation {
    Organisation {
        id: Id::new(id),
        name: name.into(),
        huvudman,
        mission: String::new(),
        parent: None,
    }
}

/// A unit under `parent` (a pupil health team under its school).
pub fn unit(id: &str, name: &str, huvudman: Huvudman, parent: &str) -> Organisation {
    Organisation {
        parent: Some(Id::new(parent)),
        ..org(id, name, huvudman)
    }
}

/// What differs from `person`'s defaults.
pub trait Build: Sized {
    /// Of the organisation `org` (none for `None`).
    fn of<'a>(self, org: impl Into<Option<&'a str>>) -> Self;
    fn role(self, role: &str) -> Self;
    /// With the mandate to decide `scope` (`None`: no mandate), with costs or not.
    fn mandate<'a>(self, scope: impl Into<Option<&'a str>>, costs: bool) -> Self;
    fn attending(self, attendance: Attendance) -> Self;
}

impl Build for Participant {
    fn of<'a>(mut self, org: impl Into<Option<&'a str>>) -> Self {
        self.organisation = org.into().map(Id::new);
        self
    }

    fn role(mut self, role: &str) -> Self {
        self.role = role.into();
        self
    }

    fn mandate<'a>(mut self, scope: impl Into<Option<&'a str>>, costs: bool) -> Self {
        self.mandate = scope.into().map(|scope| Mandate {
            scope: scope.into(),
            costs,
        });
        self
    }

    fn attending(mut self, attendance: Attendance) -> Self {
        self.attendance = attendance;
        self
    }
}

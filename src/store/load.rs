//! Reading meeting files: RON errors with RON's spans, then the references inside the
//! meeting (participants, goals) checked and located.

use crate::diag::{FileError, check_format, find_field, find_text, read_text};
use crate::meeting::{Decision, FORMAT_VERSION, Id, Meeting, Performer, Person};
use std::collections::HashSet;
use std::path::Path;

/// The meeting as written to disk: pretty RON, no struct names, stable field order.
pub fn to_ron(meeting: &Meeting) -> String {
    let config = ron::ser::PrettyConfig::new().indentor("  ");
    let mut text =
        ron::ser::to_string_pretty(meeting, config).expect("a meeting always serializes");
    text.push('\n');
    text
}

pub fn load(path: &Path) -> Result<Meeting, FileError> {
    let src = read_text(path)?;
    parse(path, &src)
}

/// Parse and check a meeting. `path` is only used in error messages.
pub fn parse(path: &Path, src: &str) -> Result<Meeting, FileError> {
    check_format(path, src, FORMAT_VERSION, "meeting")?;
    let meeting: Meeting = ron::from_str(src).map_err(|e| FileError::from_ron(path, src, &e))?;
    if meeting.format == 0 {
        return Err(FileError::invalid(
            path,
            find_field(src, "format", None, 0).unwrap_or((1, 1)),
            "format: must be 1 or higher",
        ));
    }
    check_references(path, src, &meeting)?;
    Ok(meeting)
}

/// Every id the meeting refers to must exist, and ids must be unique.
fn check_references(path: &Path, src: &str, m: &Meeting) -> Result<(), FileError> {
    let mut ids = HashSet::new();
    for (i, p) in m.participants.iter().enumerate() {
        if !ids.insert(&p.id) {
            let pos = find_field(src, "id", Some(p.id.as_str()), 1).unwrap_or((1, 1));
            return Err(FileError::invalid(
                path,
                pos,
                format!(
                    "participants[{i}].id: the participant id {:?} is used twice",
                    p.id.as_str()
                ),
            ));
        }
    }
    let unknown = |field: &str, id: &Id, pattern: String| {
        FileError::invalid(
            path,
            find_text(src, &pattern),
            format!("{field}: no participant has the id {:?}", id.as_str()),
        )
    };
    let participant = |id: &Id| m.participant(id).is_some();
    let person_ok = |p: &Person| match p {
        Person::Participant(id) => participant(id),
        Person::Named(_) => true,
    };
    let person_id = |p: &Person| match p {
        Person::Participant(id) => id.clone(),
        Person::Named(_) => Id::new(""),
    };

    for (i, a) in m.actions.iter().enumerate() {
        if let Some(Performer::Participant(id)) = &a.performer
            && !participant(id)
        {
            return Err(unknown(
                &format!("actions[{i}].performer"),
                id,
                format!("Participant(\"{id}\")"),
            ));
        }
        if let Decision::AtTable { by } = &a.decision
            && !participant(by)
        {
            let pos = find_field(src, "by", Some(by.as_str()), 0).unwrap_or((1, 1));
            return Err(FileError::invalid(
                path,
                pos,
                format!(
                    "actions[{i}].decision.by: no participant has the id {:?}",
                    by.as_str()
                ),
            ));
        }
        for g in &a.goals {
            if m.goal(g).is_none() {
                return Err(FileError::invalid(
                    path,
                    find_text(src, &format!("\"{g}\"")),
                    format!("actions[{i}].goals: no goal has the id {:?}", g.as_str()),
                ));
            }
        }
    }
    let mut action_ids = HashSet::new();
    for (i, a) in m.actions.iter().enumerate() {
        if !action_ids.insert(&a.id) {
            return Err(FileError::invalid(
                path,
                find_field(src, "id", Some(a.id.as_str()), 1).unwrap_or((1, 1)),
                format!(
                    "actions[{i}].id: the action id {:?} is used twice",
                    a.id.as_str()
                ),
            ));
        }
    }
    let mut goal_ids = HashSet::new();
    for (i, g) in m.goals.iter().enumerate() {
        if !goal_ids.insert(&g.id) {
            return Err(FileError::invalid(
                path,
                find_field(src, "id", Some(g.id.as_str()), 1).unwrap_or((1, 1)),
                format!(
                    "goals[{i}].id: the goal id {:?} is used twice",
                    g.id.as_str()
                ),
            ));
        }
        if let Some(parent) = &g.parent
            && m.goal(parent).is_none()
        {
            return Err(FileError::invalid(
                path,
                find_field(src, "parent", None, 0).unwrap_or((1, 1)),
                format!(
                    "goals[{i}].parent: no goal has the id {:?}",
                    parent.as_str()
                ),
            ));
        }
    }
    for (i, c) in m.consents.iter().enumerate() {
        if !person_ok(&c.given_by) {
            let id = person_id(&c.given_by);
            return Err(unknown(
                &format!("consents[{i}].given_by"),
                &id,
                format!("Participant(\"{id}\")"),
            ));
        }
    }
    let named = [
        ("coordinator", m.coordinator.as_ref()),
        (
            "overall_responsible.person",
            m.overall_responsible
                .as_ref()
                .and_then(|r| r.person.as_ref()),
        ),
        (
            "follow_up.convener",
            m.follow_up.as_ref().and_then(|f| f.convener.as_ref()),
        ),
    ];
    for (field, person) in named {
        if let Some(p) = person
            && !person_ok(p)
        {
            let id = person_id(p);
            return Err(unknown(field, &id, format!("Participant(\"{id}\")")));
        }
    }
    for (i, e) in m.evaluations.iter().enumerate() {
        if !participant(&e.participant) {
            let pos =
                find_field(src, "participant", Some(e.participant.as_str()), 0).unwrap_or((1, 1));
            return Err(FileError::invalid(
                path,
                pos,
                format!(
                    "evaluations[{i}].participant: no participant has the id {:?}",
                    e.participant.as_str()
                ),
            ));
        }
        for (field, value) in [("heard", e.heard), ("useful", e.useful)] {
            if value.is_some_and(|v| !(1..=5).contains(&v)) {
                return Err(FileError::invalid(
                    path,
                    find_field(src, field, None, 0).unwrap_or((1, 1)),
                    format!("evaluations[{i}].{field}: must be 1 to 5"),
                ));
            }
        }
    }
    for (phase, record) in &m.phases {
        for id in &record.heard {
            if !participant(id) {
                return Err(FileError::invalid(
                    path,
                    find_text(src, &format!("\"{id}\"")),
                    format!(
                        "phases[{phase:?}].heard: no participant has the id {:?}",
                        id.as_str()
                    ),
                ));
            }
        }
    }
    Ok(())
}

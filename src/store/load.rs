//! Reading meeting files: RON errors located and named, then the references inside the
//! meeting (participants, goals) checked and located at the field that is wrong.

use crate::diag::locate::at_path;
use crate::diag::{FileError, check_format, find_field, parse_ron, read_text};
use crate::i18n::diag::D;
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
    let meeting: Meeting = match crate::diag::format_of(src) {
        Some(0) => {
            return Err(FileError::invalid(
                path,
                find_field(src, "format", None, 0).unwrap_or((1, 1)),
                D::FormatZero.say(&[]),
            ));
        }
        // Format 1 is read as it was written and upgraded (meeting::v1).
        Some(1) => parse_ron::<crate::meeting::v1::MeetingV1>(path, src, "meeting")?.upgrade(),
        _ => parse_ron(path, src, "meeting")?,
    };
    check_references(path, src, &meeting)?;
    check_dates(path, src, &meeting)?;
    check_no_personnummer(path, src, &meeting)?;
    Ok(meeting)
}

/// The years a meeting's dates may fall in. A date outside is a typing mistake (or a
/// hostile file), and keeping dates here keeps all date arithmetic far from overflow.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2199;

/// Every date in the meeting within `YEARS`, each error naming the field.
fn check_dates(path: &Path, src: &str, m: &Meeting) -> Result<(), FileError> {
    use chrono::{Datelike, NaiveDate};
    let mut dates: Vec<(String, NaiveDate)> = vec![("date".into(), m.date)];
    if let Some(f) = &m.follow_up {
        dates.push(("follow_up.date".into(), f.date));
    }
    if let Some(p) = &m.previous {
        dates.push(("previous.date".into(), p.date));
    }
    for (i, c) in m.consents.iter().enumerate() {
        dates.push((format!("consents[{i}].date"), c.date));
        dates.extend(
            c.valid_until
                .map(|d| (format!("consents[{i}].valid_until"), d)),
        );
        dates.extend(c.withdrawn.map(|d| (format!("consents[{i}].withdrawn"), d)));
    }
    for (i, a) in m.actions.iter().enumerate() {
        dates.extend(a.deadline.map(|d| (format!("actions[{i}].deadline"), d)));
        dates.extend(a.start.map(|d| (format!("actions[{i}].start"), d)));
        dates.extend(
            a.feedback
                .as_ref()
                .and_then(|f| f.by)
                .map(|d| (format!("actions[{i}].feedback.by"), d)),
        );
        if let crate::meeting::Decision::Awaiting {
            decide_by: Some(d), ..
        } = &a.decision
        {
            dates.push((format!("actions[{i}].decision.decide_by"), *d));
        }
    }
    if let Some(stamp) = &m.finalized {
        dates.push(("finalized.at".into(), stamp.at.date()));
    }
    for (i, r) in m.revisions.iter().enumerate() {
        dates.push((format!("revisions[{i}].at"), r.at.date()));
    }
    match dates.into_iter().find(|(_, d)| !YEARS.contains(&d.year())) {
        None => Ok(()),
        Some((field, d)) => Err(FileError::invalid(
            path,
            at_path(src, &field),
            D::OutsideYears.say(&[
                &field,
                &d.to_string(),
                &YEARS.start().to_string(),
                &YEARS.end().to_string(),
            ]),
        )),
    }
}

/// samsyn never stores a personnummer, in any field: a file that holds one (edited by
/// hand) is refused, naming the field, so it cannot reach file names, exports or
/// calendars. The screen refuses it when it is typed.
fn check_no_personnummer(path: &Path, src: &str, m: &Meeting) -> Result<(), FileError> {
    // Nothing in the whole text looks like one, and no escape could spell a digit: no
    // field holds one. (Walking every field is a tenth of reading a meeting.)
    if plain_escapes(src) && !crate::meeting::looks_like_personnummer(src) {
        return Ok(());
    }
    let Ok(value) = serde_json::to_value(m) else {
        return Ok(());
    };
    match find_personnummer(&value, String::new()) {
        None => Ok(()),
        Some(field) => Err(FileError::invalid(
            path,
            at_path(src, &field),
            D::Personnummer.say(&[&field]),
        )),
    }
}

/// Whether every escape in `src` is one of a letter that stands for a character that is
/// not a digit (`\n`, `\t`, `\r`, `\"`, `\\`), so the digits of a field's text stand
/// side by side in the file as they do in the field (`\0` and `\u{…}` are not).
fn plain_escapes(src: &str) -> bool {
    let bytes = src.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\' {
            match bytes.get(i + 1) {
                Some(b'n' | b't' | b'r' | b'"' | b'\\') => i += 2,
                _ => return false,
            }
        } else {
            i += 1;
        }
    }
    true
}

/// The path of the first string in `v` that looks like a personnummer, written as the
/// file's fields are (`participants[3].contact`); enum and option wrappers are left out.
fn find_personnummer(v: &serde_json::Value, at: String) -> Option<String> {
    use serde_json::Value;
    let join = |key: &str| {
        if at.is_empty() {
            key.to_string()
        } else {
            format!("{at}.{key}")
        }
    };
    match v {
        Value::String(s) => crate::meeting::looks_like_personnummer(s).then_some(at),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, x)| find_personnummer(x, format!("{at}[{i}]"))),
        // Ids and content hashes are random hex digits, never anyone's number.
        Value::Object(map) => map
            .iter()
            .filter(|(k, _)| !matches!(k.as_str(), "id" | "hash" | "meeting"))
            .find_map(|(k, x)| {
                // An enum with data ({"Named": "…"}) is a value of the field, not a field.
                let wrapper = k.chars().next().is_some_and(char::is_uppercase);
                find_personnummer(x, if wrapper { at.clone() } else { join(k) })
            }),
        _ => None,
    }
}

/// Every id the meeting refers to must exist, and ids must be unique. Each error names
/// the field by its path and points at it.
fn check_references(path: &Path, src: &str, m: &Meeting) -> Result<(), FileError> {
    let fail = |field: String, message: String| {
        Err(FileError::invalid(
            path,
            at_path(src, &field),
            format!("{field}: {message}"),
        ))
    };
    let quoted = |id: &Id| format!("{:?}", id.as_str());
    let no_participant = |id: &Id| D::NoParticipant.say(&[&quoted(id)]);
    let no_organisation = |id: &Id| D::NoOrganisation.say(&[&quoted(id)]);
    let mut seen = HashSet::new();
    for (i, o) in m.organisations.iter().enumerate() {
        if !seen.insert(&o.id) {
            return fail(
                format!("organisations[{i}].id"),
                D::OrganisationTwice.say(&[&quoted(&o.id)]),
            );
        }
    }
    for (i, o) in m.organisations.iter().enumerate() {
        if let Some(parent) = o.parent.as_ref().filter(|p| m.organisation(p).is_none()) {
            return fail(
                format!("organisations[{i}].parent"),
                no_organisation(parent),
            );
        }
        // A unit cannot be above itself: a circle of parents in a hand-edited file.
        if o.parent.is_some()
            && m.units_above(&o.id)
                .last()
                .and_then(|top| top.parent.as_ref())
                .is_some()
        {
            return fail(
                format!("organisations[{i}].parent"),
                D::UnitsCircle.say(&[&format!("{:?}", o.name)]),
            );
        }
    }
    let mut seen = HashSet::new();
    for (i, p) in m.participants.iter().enumerate() {
        if !seen.insert(&p.id) {
            return fail(
                format!("participants[{i}].id"),
                D::ParticipantTwice.say(&[&quoted(&p.id)]),
            );
        }
        if let Some(org) = p
            .organisation
            .as_ref()
            .filter(|o| m.organisation(o).is_none())
        {
            return fail(
                format!("participants[{i}].organisation"),
                no_organisation(org),
            );
        }
    }
    let mut seen = HashSet::new();
    for (i, g) in m.goals.iter().enumerate() {
        if !seen.insert(&g.id) {
            return fail(
                format!("goals[{i}].id"),
                D::GoalTwice.say(&[&quoted(&g.id)]),
            );
        }
    }
    for (i, g) in m.goals.iter().enumerate() {
        if let Some(parent) = &g.parent
            && m.goal(parent).is_none()
        {
            return fail(
                format!("goals[{i}].parent"),
                D::NoGoal.say(&[&quoted(parent)]),
            );
        }
    }
    let mut seen = HashSet::new();
    for (i, a) in m.actions.iter().enumerate() {
        if !seen.insert(&a.id) {
            return fail(
                format!("actions[{i}].id"),
                D::ActionTwice.say(&[&quoted(&a.id)]),
            );
        }
        if let Some(Performer::Participant(id)) = &a.performer
            && m.participant(id).is_none()
        {
            return fail(format!("actions[{i}].performer"), no_participant(id));
        }
        if let Decision::AtTable { by } = &a.decision
            && let Some(by) = by.iter().find(|by| m.participant(by).is_none())
        {
            return fail(format!("actions[{i}].decision.by"), no_participant(by));
        }
        let awaited_from = match &a.decision {
            Decision::Awaiting { organisation, .. } => organisation.as_ref(),
            Decision::AtTable { .. } => None,
        };
        for (field, org) in [
            ("organisation", a.organisation.as_ref()),
            ("cost_bearer", a.cost_bearer.as_ref()),
            ("decision.organisation", awaited_from),
        ] {
            if let Some(org) = org.filter(|o| m.organisation(o).is_none()) {
                return fail(format!("actions[{i}].{field}"), no_organisation(org));
            }
        }
        if let Some(g) = a.goals.iter().find(|g| m.goal(g).is_none()) {
            return fail(format!("actions[{i}].goals"), D::NoGoal.say(&[&quoted(g)]));
        }
    }
    let unknown_person = |p: &Person| match p {
        Person::Participant(id) if m.participant(id).is_none() => Some(id.clone()),
        _ => None,
    };
    for (i, c) in m.consents.iter().enumerate() {
        if let Some(id) = c.given_by.iter().find_map(unknown_person) {
            return fail(format!("consents[{i}].given_by"), no_participant(&id));
        }
        if let Some(org) = c.organisations.iter().find(|o| m.organisation(o).is_none()) {
            return fail(format!("consents[{i}].organisations"), no_organisation(org));
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
    if let Some(r) = &m.overall_responsible
        && m.organisation(&r.organisation).is_none()
    {
        return fail(
            "overall_responsible.organisation".into(),
            no_organisation(&r.organisation),
        );
    }
    for (field, person) in named {
        if let Some(id) = person.and_then(unknown_person) {
            return fail(field.to_string(), no_participant(&id));
        }
    }
    for (i, e) in m.evaluations.iter().enumerate() {
        if m.participant(&e.participant).is_none() {
            return fail(
                format!("evaluations[{i}].participant"),
                no_participant(&e.participant),
            );
        }
        for (field, value) in [("heard", e.heard), ("useful", e.useful)] {
            if let Some(v) = value.filter(|v| !(1..=5).contains(v)) {
                return fail(
                    format!("evaluations[{i}].{field}"),
                    D::NotOnScale.say(&[&v.to_string()]),
                );
            }
        }
    }
    for (phase, record) in &m.phases {
        if let Some(id) = record.heard.iter().find(|id| m.participant(id).is_none()) {
            return fail(format!("phases[{phase:?}].heard"), no_participant(id));
        }
    }
    Ok(())
}

/// What only the meeting's agenda can tell: the agenda is the one the meeting names,
/// and every phase the meeting has notes for is one of the agenda's phases (a mistyped
/// phase id would hide its notes from the minutes and its speaking round from the rules).
pub fn check_against_agenda(
    path: &Path,
    src: &str,
    meeting: &Meeting,
    agenda: &crate::agenda::Agenda,
) -> Result<(), FileError> {
    use crate::diag::locate::at_path;
    if meeting.agenda.id != agenda.id {
        return Err(FileError::invalid(
            path,
            at_path(src, "agenda.id"),
            D::OtherAgenda.say(&[
                &format!("{:?}", meeting.agenda.id),
                &format!("{:?}", agenda.id),
            ]),
        ));
    }
    if meeting.agenda.version > agenda.version {
        return Err(FileError::invalid(
            path,
            at_path(src, "agenda.version"),
            D::NewerAgenda.say(&[
                &meeting.agenda.version.to_string(),
                &format!("{:?}", agenda.id),
                &agenda.version.to_string(),
            ]),
        ));
    }
    for phase in meeting.phases.keys() {
        if !agenda.phases.iter().any(|p| &p.id == phase) {
            let known: Vec<&str> = agenda.phases.iter().map(|p| p.id.as_str()).collect();
            return Err(FileError::invalid(
                path,
                at_path(src, &format!("phases[{phase:?}]")),
                D::NoSuchPhase.say(&[
                    &format!("phases[{phase:?}]"),
                    &format!("{:?}", agenda.id),
                    &format!("{phase:?}"),
                    &known.join(", "),
                ]),
            ));
        }
    }
    Ok(())
}

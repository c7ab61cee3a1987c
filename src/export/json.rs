//! JSON: the whole meeting for other systems, in an envelope that names the format and
//! its version (documented in docs/json-format.md, its schema in
//! docs/samsyn-minutes.schema.json). Reading it back gives the same meeting.

use crate::agenda::{Agenda, PhaseKind};
use crate::i18n::Lang;
use crate::meeting::{ActionKind, Id, Meeting};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// The value of the envelope's `format` field.
pub const FORMAT: &str = "samsyn-meeting";
/// The envelope's version; bumped when a field is renamed or removed.
/// 2: organisations as records (meeting-file format 2), and the action kinds.
pub const VERSION: u32 = 2;

/// What the JSON file holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    pub format: String,
    pub version: u32,
    /// Whether the child's and the family's names were replaced by initials.
    pub pseudonymized: bool,
    /// The language of the phases' titles (`"sv"` or `"en"`); the meeting's own words
    /// are as they were written.
    #[serde(default)]
    pub lang: String,
    /// The agenda's phases in their order, with their titles: the order the minutes
    /// follow. What was said in each is in `meeting.phases`, by id. Ignored when read.
    #[serde(default)]
    pub phases: Vec<PhaseEntry>,
    pub meeting: Meeting,
    /// Each action's kind in the law's words: an insats of a huvudman (kommun, region),
    /// an åtgärd of anyone else. Derived from the organisations; ignored when read.
    #[serde(default)]
    pub action_kinds: BTreeMap<Id, ActionKind>,
}

/// One phase of the agenda the meeting followed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhaseEntry {
    pub id: String,
    pub kind: PhaseKind,
    pub title: String,
}

#[derive(Debug, thiserror::Error)]
pub enum JsonError {
    #[error("line {line}, column {column}: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("this is not a samsyn meeting export (format {0:?})")]
    NotSamsyn(String),
    #[error("this export has version {0}; this samsyn reads version {VERSION} and older")]
    TooNew(u32),
}

pub fn to_json(m: &Meeting, agenda: &Agenda, lang: Lang, pseudonymized: bool) -> String {
    let envelope = Envelope {
        format: FORMAT.to_string(),
        version: VERSION,
        pseudonymized,
        lang: lang.pick("sv", "en").to_string(),
        phases: agenda
            .phases
            .iter()
            .map(|p| PhaseEntry {
                id: p.id.clone(),
                kind: p.kind,
                title: p.title.get(lang).to_string(),
            })
            .collect(),
        // Where the screen was left is not part of the minutes.
        meeting: Meeting {
            resume: None,
            ..m.clone()
        },
        action_kinds: m
            .actions
            .iter()
            .map(|a| (a.id.clone(), m.action_kind(a)))
            .collect(),
    };
    let mut value = serde_json::to_value(&envelope).expect("a meeting always serializes");
    every_field_present(&mut value);
    let mut text = serde_json::to_string_pretty(&value).expect("a value always serializes");
    text.push('\n');
    text
}

/// One convention for what is absent: every field is written, an optional value as
/// `null`, an empty list as `[]`. The meeting file leaves out the few fields that were
/// added after minutes were finalized in it (so their content hash stays as it was);
/// here they are put back.
fn every_field_present(envelope: &mut Value) {
    let meeting = &mut envelope["meeting"];
    if let Some(previous) = meeting.get_mut("previous").and_then(Value::as_object_mut) {
        previous.entry("announced").or_insert(Value::Null);
    }
    if let Some(m) = meeting.as_object_mut() {
        m.entry("invitation").or_insert(Value::Null);
    }
    if let Some(inv) = meeting.get_mut("invitation").and_then(Value::as_object_mut) {
        for (field, empty) in [
            ("purpose", Value::String(String::new())),
            ("questions", Value::Array(Vec::new())),
            ("expected", Value::Array(Vec::new())),
            ("video_link", Value::String(String::new())),
            ("convener", Value::String(String::new())),
            ("convener_contact", Value::String(String::new())),
            ("sent", Value::Null),
            ("announced", Value::Null),
        ] {
            inv.entry(field).or_insert(empty);
        }
        if let Some(expected) = inv.get_mut("expected").and_then(Value::as_array_mut) {
            for e in expected.iter_mut().filter_map(Value::as_object_mut) {
                e.entry("costs").or_insert(Value::Bool(false));
            }
        }
    }
    if let Some(stamp) = meeting.get_mut("finalized").and_then(Value::as_object_mut) {
        stamp
            .entry("justerare")
            .or_insert_with(|| Value::Array(Vec::new()));
    }
    let all =
        |meeting: &mut Value, list: &str, fill: &dyn Fn(&mut serde_json::Map<String, Value>)| {
            if let Some(items) = meeting.get_mut(list).and_then(Value::as_array_mut) {
                items
                    .iter_mut()
                    .filter_map(Value::as_object_mut)
                    .for_each(fill);
            }
        };
    all(meeting, "participants", &|p| {
        let part = p.entry("part").or_insert(Value::Null);
        if let Some(part) = part.as_object_mut() {
            part.entry("from").or_insert(Value::Null);
            part.entry("until").or_insert(Value::Null);
        }
    });
    all(meeting, "actions", &|a| {
        a.entry("confirmed").or_insert(Value::Bool(false));
    });
}

/// Read an export back.
pub fn from_json(text: &str) -> Result<Envelope, JsonError> {
    let envelope: Envelope = serde_json::from_str(text).map_err(|e| JsonError::Syntax {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    if envelope.format != FORMAT {
        return Err(JsonError::NotSamsyn(envelope.format));
    }
    if envelope.version > VERSION {
        return Err(JsonError::TooNew(envelope.version));
    }
    Ok(envelope)
}

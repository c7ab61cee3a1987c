//! JSON: the whole meeting for other systems, in an envelope that names the format and
//! its version (documented in docs/json-format.md). Reading it back gives the same meeting.

use crate::meeting::{ActionKind, Id, Meeting};
use serde::{Deserialize, Serialize};
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
    pub meeting: Meeting,
    /// Each action's kind in the law's words: an insats of a huvudman (kommun, region),
    /// an åtgärd of anyone else. Derived from the organisations; ignored when read.
    #[serde(default)]
    pub action_kinds: BTreeMap<Id, ActionKind>,
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

pub fn to_json(m: &Meeting, pseudonymized: bool) -> String {
    let envelope = Envelope {
        format: FORMAT.to_string(),
        version: VERSION,
        pseudonymized,
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
    let mut text = serde_json::to_string_pretty(&envelope).expect("a meeting always serializes");
    text.push('\n');
    text
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

//! Justering: finalizing locks the minutes with a stamp and a content hash; amending a
//! finalized meeting needs a reason and is written to the revision log.

use super::Meeting;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Who finalized, when, which revision, and the SHA-256 of the content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FinalizeStamp {
    pub by: String,
    pub at: NaiveDateTime,
    pub revision: u32,
    pub hash: String,
    /// Justerare: who check the minutes and sign them besides the note-taker and the one
    /// who finalized, named at finalizing. Left out of the file when none were named, so
    /// files finalized before the field existed are written as they were.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub justerare: Vec<String>,
}

/// SHA-256 (hex) of a value written as compact RON.
pub(crate) fn hash_of(content: &impl Serialize) -> String {
    let text = ron::to_string(content).expect("a meeting always serializes");
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// One line of the revision log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Revision {
    pub revision: u32,
    pub kind: RevisionKind,
    pub by: String,
    pub at: NaiveDateTime,
    #[serde(default)]
    pub reason: Option<String>,
    /// Hash of the content at that point (the finalized content for `Amended`).
    pub hash: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RevisionKind {
    Finalized,
    Amended,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmendError {
    #[error("the meeting is not finalized")]
    NotFinalized,
    #[error("amending needs a reason")]
    NoReason,
    #[error(
        "the minutes were changed after finalizing; the finalized version cannot be kept as it was"
    )]
    ChangedAfterFinalizing,
}

impl Meeting {
    /// SHA-256 (hex) of the canonical content: the meeting as RON without its stamp and
    /// revision log, so the hash covers exactly what the participants agreed on.
    pub fn content_hash(&self) -> String {
        let mut content = self.clone();
        content.finalized = None;
        content.revisions.clear();
        hash_of(&content)
    }

    /// The SEQUENCE of the meeting's calendar events: the length of its revision log
    /// (see `export::ics::sequence`).
    pub fn calendar_sequence(&self) -> u32 {
        u32::try_from(self.revisions.len()).unwrap_or(u32::MAX)
    }

    /// Whether a finalized meeting still has the content its stamp was made over.
    /// `None` for a draft.
    /// A meeting upgraded from format 1 is judged by the hash of its format-1 content,
    /// as long as it has not changed since it was read.
    pub fn stamp_matches(&self) -> Option<bool> {
        let stamp = self.finalized.as_ref()?;
        Some(match &self.upgraded.0 {
            Some(from) => stamp.hash == from.old_hash && self.content_hash() == from.new_hash,
            None => stamp.hash == self.content_hash(),
        })
    }

    /// Stamp the meeting as finalized by `by` at `at`, with the `justerare` who are to
    /// check and sign it: the revision and the hash over
    /// its content. Only `rules::finalize` calls this, after the gate has passed.
    pub(crate) fn stamp(
        &mut self,
        by: &str,
        justerare: &[String],
        at: NaiveDateTime,
    ) -> &FinalizeStamp {
        let revision = self.revisions.last().map_or(1, |r| r.revision + 1);
        let hash = self.content_hash();
        // Stamped in this format from now on.
        self.upgraded = super::Upgraded::default();
        self.revisions.push(Revision {
            revision,
            kind: RevisionKind::Finalized,
            by: by.to_string(),
            at,
            reason: None,
            hash: hash.clone(),
        });
        self.finalized.insert(FinalizeStamp {
            by: by.to_string(),
            at,
            revision,
            hash,
            justerare: justerare
                .iter()
                .map(|j| j.trim().to_string())
                .filter(|j| !j.is_empty())
                .collect(),
        })
    }

    /// Open finalized minutes for change. Returns the finalized version as it was, which
    /// the store keeps next to the file; the meeting becomes a draft until finalized again.
    pub fn amend(
        &mut self,
        reason: &str,
        by: &str,
        at: NaiveDateTime,
    ) -> Result<Meeting, AmendError> {
        let Some(stamp) = &self.finalized else {
            return Err(AmendError::NotFinalized);
        };
        if reason.trim().is_empty() {
            return Err(AmendError::NoReason);
        }
        // Keeping tampered content as "the finalized version" would launder the change.
        if self.stamp_matches() == Some(false) {
            return Err(AmendError::ChangedAfterFinalizing);
        }
        let previous = self.clone();
        let revision = stamp.revision;
        let hash = stamp.hash.clone();
        self.finalized = None;
        self.revisions.push(Revision {
            revision,
            kind: RevisionKind::Amended,
            by: by.to_string(),
            at,
            reason: Some(reason.trim().to_string()),
            hash,
        });
        Ok(previous)
    }
}

//! Meeting files on disk: reading them with located errors, writing them atomically and
//! owner-only, the lock that keeps a second writer out, and the archive directory.

pub mod draft;
mod file;
mod load;
mod lock;
mod permissions;
pub mod writer;

pub use crate::fsio::{create_private_dir, remove_stale_temps, write_private};
pub use file::{archive_dir, fits, save, save_new};
pub use load::{check_against_agenda, load, parse, to_ron};
pub use lock::{Locked, MeetingLock, lock_path};
pub use permissions::{ArchiveWarning, archive_warning, archive_warning_for};
pub use writer::Writer;

use crate::diag::FileError;
use crate::meeting::Meeting;
use chrono::NaiveDateTime;
use std::path::{Path, PathBuf};

/// Where the finalized version `revision` of a meeting is kept when it is amended:
/// `möte.ron` → `möte.rev1.ron`, next to it.
pub fn revision_path(path: &Path, revision: u32) -> PathBuf {
    let stem = path
        .file_stem()
        .map_or_else(|| "meeting".into(), |s| s.to_string_lossy().into_owned());
    path.with_file_name(format!("{stem}.rev{revision}.ron"))
}

/// Why amending on disk failed: the meeting refused, or a file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum AmendFailed {
    #[error(transparent)]
    Amend(#[from] crate::meeting::AmendError),
    #[error(transparent)]
    File(#[from] FileError),
}

/// Amend a finalized meeting on disk: keep the finalized version next to it, then save
/// the meeting as a draft with the reason in its revision log.
pub fn amend(
    path: &Path,
    meeting: &mut Meeting,
    reason: &str,
    by: &str,
    at: NaiveDateTime,
) -> Result<PathBuf, AmendFailed> {
    let mut changed = meeting.clone();
    let previous = changed.amend(reason, by, at)?;
    let revision = previous.finalized.as_ref().map_or(0, |s| s.revision);
    let kept = revision_path(path, revision);
    // Finalized in an older format, the finalized version is the file as it was written:
    // its stamp verifies only over those bytes, so they are kept, not rewritten.
    let as_written = crate::diag::read_text(path).ok().filter(|text| {
        previous.upgraded.is_upgraded()
            && parse(path, text).is_ok_and(|m| {
                m.stamp_matches() == Some(true) && m.content_hash() == previous.content_hash()
            })
    });
    match as_written {
        Some(text) => crate::fsio::write_private(&kept, text.as_bytes())?,
        None => save(&kept, &previous)?,
    }
    save(path, &changed)?;
    *meeting = changed;
    Ok(kept)
}

/// For a follow-up meeting: what is wrong with the previous meeting's file next to it —
/// missing, unreadable, or changed since the follow-up started (amended: its hash no
/// longer matches) — said so the follow-up still opens and keeps what it carried over.
pub fn previous_problem(m: &Meeting, path: &Path, lang: crate::i18n::Lang) -> Option<String> {
    let p = m.previous.as_ref()?;
    let file = path.with_file_name(&p.file);
    use crate::i18n::store::S;
    let shown = file.display().to_string();
    match load(&file) {
        Err(FileError::Missing { .. }) => Some(S::PreviousGone.fill(lang, &[&shown])),
        Err(e) => Some(S::PreviousUnreadable.fill(lang, &[&e.to_string()])),
        Ok(prev) if prev.id != p.id => Some(S::PreviousReplaced.fill(lang, &[&shown])),
        Ok(prev) if !p.hash.is_empty() && prev.content_hash() != p.hash => {
            Some(S::PreviousChanged.fill(lang, &[&shown]))
        }
        Ok(_) => None,
    }
}

/// For a follow-up: the previous meeting as it is now, when it was amended and
/// finalized again after the follow-up started (so it can be taken in).
pub fn amended_previous(m: &Meeting, path: &Path) -> Option<Meeting> {
    let p = m.previous.as_ref()?;
    let prev = load(&path.with_file_name(&p.file)).ok()?;
    (prev.id == p.id
        && !p.hash.is_empty()
        && prev.content_hash() != p.hash
        && prev.stamp_matches() == Some(true))
    .then_some(prev)
}

/// A file name for a new meeting that holds no names: date, agenda, case reference.
pub fn new_file_name(meeting: &Meeting) -> String {
    let case: String = meeting
        .case_ref
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let case = case.trim_matches('-');
    let tail = if case.is_empty() {
        &meeting.id[..6.min(meeting.id.len())]
    } else {
        case
    };
    format!("{}-{}-{tail}.ron", meeting.date, meeting.agenda.id)
}

/// Whether an error came from the file's content (exit 65) rather than the file system.
pub fn is_data_error(e: &FileError) -> bool {
    matches!(e, FileError::Invalid { .. })
}

//! Saving meetings: atomically and owner-only (`crate::fsio`), never over another
//! meeting when a new one is created; and where the archive is.

use super::to_ron;
use crate::diag::FileError;
use crate::fsio::{create_private_dir, write_atomic, write_private};
use crate::meeting::Meeting;
use std::path::{Path, PathBuf};

/// Save a meeting atomically. A crash at any moment leaves either the old file or the
/// new one, never a torn one.
///
/// Minutes finalized in an older format are never rewritten: their stamp verifies only
/// over the file as it was written, and as finalized minutes nothing in them changes
/// (amending makes a draft, which is saved in this format).
pub fn save(path: &Path, meeting: &Meeting) -> Result<(), FileError> {
    if meeting.is_finalized() && meeting.upgraded.is_upgraded() {
        return Ok(());
    }
    let text = to_ron(meeting);
    too_large(path, &text)?;
    write_private(path, text.as_bytes())
}

/// A meeting is never written larger than the loader reads (`diag::within_limit`, the
/// check `diag::read_text` makes): the change that would cross the limit is refused, and
/// the file stays as it was.
fn too_large(path: &Path, text: &str) -> Result<(), FileError> {
    match size_refusal(text.len()) {
        None => Ok(()),
        Some(why) => Err(FileError::Write {
            path: path.to_path_buf(),
            source: std::io::Error::other(why),
        }),
    }
}

/// Why a meeting of `len` bytes may not be written, if it may not.
fn size_refusal(len: usize) -> Option<String> {
    (!crate::diag::within_limit(len as u64)).then(|| {
        crate::i18n::store::S::MeetingTooLarge.say(&[
            &(len / (1024 * 1024)).to_string(),
            &(crate::diag::MAX_FILE_BYTES / (1024 * 1024)).to_string(),
        ])
    })
}

/// Whether `meeting` may be saved as it is: `Err` with the size it would have when that
/// is larger than a meeting file may be. The screen asks this when a form is saved, so
/// the change that would cross the limit is refused at the form, not after it.
pub fn fits(meeting: &Meeting) -> Result<(), u64> {
    let len = to_ron(meeting).len() as u64;
    if crate::diag::within_limit(len) {
        Ok(())
    } else {
        Err(len)
    }
}

/// Save a meeting under a new name in `dir`, never overwriting another meeting.
pub fn save_new(dir: &Path, meeting: &Meeting) -> Result<PathBuf, FileError> {
    create_private_dir(dir)?;
    let name = super::new_file_name(meeting);
    let stem = name.trim_end_matches(".ron");
    let bytes = to_ron(meeting);
    too_large(&dir.join(&name), &bytes)?;
    // Try names until one is free; the rename itself refuses to replace a file, so two
    // windows creating meetings at once cannot overwrite each other.
    for n in 1.. {
        let path = match n {
            1 => dir.join(&name),
            n => dir.join(format!("{stem}-{n}.ron")),
        };
        match write_atomic(&path, bytes.as_bytes(), false) {
            Err(FileError::Write { source, .. })
                if source.kind() == std::io::ErrorKind::AlreadyExists =>
            {
                continue;
            }
            Err(e) => return Err(e),
            Ok(()) => return Ok(path),
        }
    }
    unreachable!("the names run out only after usize::MAX tries")
}

/// The archive: `--dir`, else `SAMSYN_DIR`, else the platform data directory
/// (`~/.local/share/samsyn/meetings` on Linux).
pub fn archive_dir(explicit: Option<&Path>) -> PathBuf {
    if let Some(dir) = explicit {
        return dir.to_path_buf();
    }
    if let Some(dir) = std::env::var_os("SAMSYN_DIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    directories::ProjectDirs::from("", "", "samsyn").map_or_else(
        || PathBuf::from("samsyn-meetings"),
        |d| d.data_dir().join("meetings"),
    )
}

//! The draft file beside a meeting (`.NAME.ron.draft`): text typed in a form and not
//! yet saved, written owner-only and atomically, named by the meeting it belongs to.

use crate::diag::FileError;
use crate::fsio::write_private;
use crate::i18n::store::S;
use chrono::NaiveDateTime;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The format of the draft file. Version 1 named fields and choices by their `Debug`
/// text; `read` still understands it, through `Found::Old`.
pub const VERSION: u32 = 2;

/// What is written to the draft file; `F` is the form's own serde type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftFile<F> {
    pub version: u32,
    /// The id of the meeting it belongs to: a draft beside another meeting's file (the
    /// file replaced, copied, renamed) is not offered back into it.
    pub meeting: String,
    /// When it was written (local time, as the clock on the screen).
    pub written: NaiveDateTime,
    pub form: F,
}

/// What is beside a meeting.
#[derive(Debug)]
pub enum Found<F> {
    None,
    Draft(DraftFile<F>),
    /// A draft of an older version, as RON text for the caller's own reader.
    Old {
        version: u32,
        text: String,
    },
    /// There, but unreadable; the reason.
    Unreadable(String),
    /// Larger than a draft may be (`LIMIT`): not read at all, so a huge file cannot
    /// freeze the screen; left on disk for whoever wants to look at it. Its size.
    TooLarge(u64),
}

/// The largest draft samsyn reads or writes: the limit of a meeting file, since a draft
/// is one form of a meeting (`diag::MAX_FILE_BYTES`).
pub const LIMIT: u64 = crate::diag::MAX_FILE_BYTES;

/// The draft file of a meeting file: a hidden sibling, `.NAME.ron.draft`.
pub fn path_for(meeting: &Path) -> PathBuf {
    let name = meeting
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    meeting.with_file_name(format!(".{name}.draft"))
}

#[derive(Deserialize)]
struct VersionOnly {
    version: u32,
}

/// Read the draft beside `meeting`, if any. A link there is not followed (it is
/// unreadable), and a draft over `LIMIT` is not read.
pub fn read<F: DeserializeOwned>(meeting: &Path) -> Found<F> {
    let path = path_for(meeting);
    let bytes = match crate::fsio::read_limited(&path, LIMIT) {
        Ok(Ok(b)) => b,
        Ok(Err(size)) => return Found::TooLarge(size),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Found::None,
        Err(e) => {
            return Found::Unreadable(crate::i18n::diag::io_reason(crate::i18n::messages(), &e));
        }
    };
    let Ok(text) = String::from_utf8(bytes) else {
        return Found::Unreadable(S::DraftNotUtf8.say(&[]));
    };
    match ron::from_str::<VersionOnly>(&text) {
        Ok(v) if v.version == VERSION => {}
        Ok(v) if v.version < VERSION => {
            return Found::Old {
                version: v.version,
                text,
            };
        }
        Ok(v) => return Found::Unreadable(S::DraftVersion.say(&[&v.version.to_string()])),
        Err(e) => return Found::Unreadable(e.to_string()),
    }
    match ron::from_str::<DraftFile<F>>(&text) {
        Ok(d) => Found::Draft(d),
        Err(e) => Found::Unreadable(e.to_string()),
    }
}

/// Write the draft beside `meeting`, replacing the one there.
pub fn write<F: Serialize>(meeting: &Path, draft: &DraftFile<F>) -> Result<(), FileError> {
    let text =
        ron::ser::to_string_pretty(draft, ron::ser::PrettyConfig::default()).map_err(|e| {
            FileError::Write {
                path: path_for(meeting),
                source: std::io::Error::other(e.to_string()),
            }
        })?;
    if text.len() as u64 > LIMIT {
        return Err(FileError::Write {
            path: path_for(meeting),
            source: std::io::Error::other(
                S::DraftTooLarge.say(&[&(LIMIT / (1024 * 1024)).to_string()]),
            ),
        });
    }
    write_private(&path_for(meeting), text.as_bytes())
}

/// Remove the draft beside `meeting`; already gone is fine, the point is that it is gone.
/// (A link there is removed itself; what it points to is never touched.)
pub fn remove(meeting: &Path) {
    let _ = std::fs::remove_file(path_for(meeting));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_draft_is_a_hidden_sibling() {
        assert_eq!(
            path_for(Path::new("/a/b/2026-12-03-sip.ron")),
            PathBuf::from("/a/b/.2026-12-03-sip.ron.draft")
        );
    }

    /// A draft of meeting "abc" holding `form`, written on 2 December 2026 at 10:00.
    fn draft(form: String) -> DraftFile<String> {
        DraftFile {
            version: VERSION,
            meeting: "abc".into(),
            written: chrono::NaiveDate::from_ymd_opt(2026, 12, 2)
                .unwrap()
                .and_hms_opt(10, 0, 0)
                .unwrap(),
            form,
        }
    }

    #[test]
    fn written_drafts_read_back_and_versions_are_told_apart() {
        let dir = tempfile::tempdir().unwrap();
        let meeting = dir.path().join("m.ron");
        assert!(matches!(read::<String>(&meeting), Found::None));
        let d = draft("typed".to_string());
        write(&meeting, &d).unwrap();
        match read::<String>(&meeting) {
            Found::Draft(back) => assert_eq!(back, d),
            other => panic!("{other:?}"),
        }
        std::fs::write(path_for(&meeting), "(version: 1, anything: 2)").unwrap();
        assert!(matches!(
            read::<String>(&meeting),
            Found::Old { version: 1, .. }
        ));
        std::fs::write(path_for(&meeting), "(version: 9)").unwrap();
        assert!(matches!(read::<String>(&meeting), Found::Unreadable(_)));
        std::fs::write(path_for(&meeting), "not ron").unwrap();
        assert!(matches!(read::<String>(&meeting), Found::Unreadable(_)));
        remove(&meeting);
        assert!(matches!(read::<String>(&meeting), Found::None));
    }

    #[test]
    fn a_draft_over_the_limit_is_not_read_and_stays_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        let meeting = dir.path().join("m.ron");
        // 200 MB, sparse: costs no disk and no time to make.
        let f = std::fs::File::create(path_for(&meeting)).unwrap();
        f.set_len(200 * 1024 * 1024).unwrap();
        match read::<String>(&meeting) {
            Found::TooLarge(size) => assert_eq!(size, 200 * 1024 * 1024),
            other => panic!("{other:?}"),
        }
        assert!(path_for(&meeting).exists());
        let big = draft("x".repeat(LIMIT as usize + 1));
        assert!(
            write(&meeting, &big).is_err(),
            "never written larger than read"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_draft_that_is_a_link_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let meeting = dir.path().join("m.ron");
        let elsewhere = dir.path().join("elsewhere");
        std::fs::write(&elsewhere, "(version: 2)").unwrap();
        std::os::unix::fs::symlink(&elsewhere, path_for(&meeting)).unwrap();
        match read::<String>(&meeting) {
            Found::Unreadable(why) => assert!(why.contains("symbolic link"), "{why}"),
            other => panic!("{other:?}"),
        }
        let d = draft("typed".to_string());
        assert!(write(&meeting, &d).is_err(), "not written through the link");
        remove(&meeting);
        assert_eq!(std::fs::read_to_string(&elsewhere).unwrap(), "(version: 2)");
    }
}

//! One writer per meeting: an OS-level exclusive lock, held while a meeting is open for
//! editing, so a second copy of samsyn opens the same meeting read-only.
//!
//! The lock is taken on a sibling file, `.möte.ron.lock` next to `möte.ron`, not on the
//! meeting file itself. Every save writes a new file and renames it over the meeting
//! (see `file.rs`), so a lock on the meeting file's inode would be left behind on the old,
//! unlinked inode after the first save, and a second process opening the meeting by name
//! would then lock the new inode and succeed. The lock file is never renamed or deleted
//! (deleting it would let two processes lock two different inodes), is created 0600, and
//! holds a line naming the process that has the meeting open, for the read-only banner.
//! The OS releases the lock when the process ends, however it ends, so a crash leaves no
//! stale lock. `samsyn check` and `export` only read, and never lock.
//!
//! The lock belongs to the real file: a meeting reached through a symbolic link is locked
//! beside the file the link points to, so the link and its target share one lock. The
//! lock file itself is opened without following a link (`O_NOFOLLOW`) and must be a plain
//! file: a link planted there is refused, never followed and truncated.

use crate::i18n::Lang;
use crate::i18n::store::S;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

/// An open meeting's exclusive lock; released when dropped (or when the process dies).
#[derive(Debug)]
pub struct MeetingLock {
    file: File,
    path: PathBuf,
}

/// Why a meeting could not be locked: it must then be opened read-only.
#[derive(Debug)]
pub enum Locked {
    /// Another samsyn has the meeting open. `holder` is what it wrote in the lock file
    /// ("process 4711 since 2026-10-22 14:32"), when readable.
    HeldByAnother {
        meeting: PathBuf,
        holder: Option<String>,
    },
    /// The lock file cannot be created or locked (a read-only directory, a file system
    /// without locks); nothing could be saved safely either.
    Unavailable {
        meeting: PathBuf,
        source: std::io::Error,
    },
}

/// In the language of the messages (`i18n::messages`).
impl std::fmt::Display for Locked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let lang = crate::i18n::messages();
        f.write_str(&match self {
            Locked::HeldByAnother { meeting, holder } => S::HeldByAnother.fill(
                lang,
                &[
                    &meeting.display().to_string(),
                    &holder.as_ref().map_or(String::new(), |h| format!(" ({h})")),
                ],
            ),
            Locked::Unavailable { meeting, source } => S::CannotLock.fill(
                lang,
                &[
                    &meeting.display().to_string(),
                    &crate::i18n::diag::io_reason(lang, source),
                ],
            ),
        })
    }
}

impl std::error::Error for Locked {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Locked::Unavailable { source, .. } => Some(source),
            Locked::HeldByAnother { .. } => None,
        }
    }
}

impl Locked {
    /// The read-only banner's text.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Locked::HeldByAnother { holder, .. } => {
                let who = holder.as_ref().map_or(String::new(), |h| {
                    format!(" ({})", describe_holder(h, lang))
                });
                S::ReadOnlyHeld.fill(lang, &[&who])
            }
            Locked::Unavailable { source, .. } => {
                S::ReadOnlyUnlockable.fill(lang, &[&crate::i18n::diag::io_reason(lang, source)])
            }
        }
    }
}

/// The lock file's line is `pid SINCE`; shown as words in the banner.
fn describe_holder(line: &str, lang: Lang) -> String {
    match line.split_once(' ') {
        Some((pid, since)) => S::Holder.fill(lang, &[pid, since]),
        None => line.to_string(),
    }
}

/// The sibling lock file for a meeting: `dir/möte.ron` → `dir/.möte.ron.lock`.
pub fn lock_path(meeting: &Path) -> PathBuf {
    let name = meeting
        .file_name()
        .map_or_else(|| "meeting".into(), |n| n.to_string_lossy().into_owned());
    meeting.with_file_name(format!(".{name}.lock"))
}

impl MeetingLock {
    /// Take the exclusive lock for editing the meeting at `meeting`, without waiting.
    pub fn acquire(meeting: &Path) -> Result<MeetingLock, Locked> {
        // By the real file: a link to the meeting and the meeting share one lock.
        let real = std::fs::canonicalize(meeting).unwrap_or_else(|_| meeting.to_path_buf());
        let path = lock_path(&real);
        let unavailable = |source| Locked::Unavailable {
            meeting: meeting.to_path_buf(),
            source,
        };
        let mut options = OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        crate::fsio::no_follow(&mut options);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(&path).map_err(|e| {
            unavailable(if crate::fsio::is_link(&path) {
                std::io::Error::other(S::LockIsLink.say(&[&path.display().to_string()]))
            } else {
                e
            })
        })?;
        if !file.metadata().map_err(unavailable)?.is_file() {
            return Err(unavailable(std::io::Error::other(
                S::LockNotFile.say(&[&path.display().to_string()]),
            )));
        }
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut text = String::new();
                let holder = file
                    .read_to_string(&mut text)
                    .ok()
                    .map(|_| text.trim().to_string())
                    .filter(|t| !t.is_empty() && t.len() < 200);
                return Err(Locked::HeldByAnother {
                    meeting: meeting.to_path_buf(),
                    holder,
                });
            }
            Err(TryLockError::Error(e)) => return Err(unavailable(e)),
        }
        // Best effort: who holds it, for the other window's banner.
        let since = chrono::Local::now().format("%Y-%m-%d %H:%M");
        let _ = file
            .set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| writeln!(file, "{} {since}", std::process::id()))
            .and_then(|()| file.flush());
        Ok(MeetingLock { file, path })
    }

    /// The lock file (for messages and tests).
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for MeetingLock {
    fn drop(&mut self) {
        // Closing the file releases the lock too; unlocking first makes it immediate even
        // if a duplicated descriptor were still open. The file itself stays (see above).
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lock_file_is_a_hidden_sibling() {
        assert_eq!(
            lock_path(Path::new("/a/b/2026-10-22-sip-x.ron")),
            Path::new("/a/b/.2026-10-22-sip-x.ron.lock")
        );
    }

    #[test]
    fn second_lock_in_the_same_process_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let meeting = dir.path().join("m.ron");
        let first = MeetingLock::acquire(&meeting).unwrap();
        let err = MeetingLock::acquire(&meeting).unwrap_err();
        match &err {
            Locked::HeldByAnother { holder, .. } => {
                let holder = holder.as_deref().unwrap();
                assert!(
                    holder.starts_with(&format!("{} ", std::process::id())),
                    "{holder}"
                );
            }
            other => panic!("{other:?}"),
        }
        assert!(err.message(Lang::Sv).contains("redan öppet"));
        assert!(
            err.message(Lang::En)
                .contains(&format!("process {}", std::process::id()))
        );
        drop(first);
        MeetingLock::acquire(&meeting).unwrap();
    }

    #[test]
    fn the_lock_survives_an_atomic_save_of_the_meeting() {
        let dir = tempfile::tempdir().unwrap();
        let meeting = dir.path().join("m.ron");
        std::fs::write(&meeting, "old").unwrap();
        let _held = MeetingLock::acquire(&meeting).unwrap();
        crate::store::write_private(&meeting, b"new").unwrap();
        assert!(matches!(
            MeetingLock::acquire(&meeting),
            Err(Locked::HeldByAnother { .. })
        ));
    }

    #[cfg(unix)]
    #[test]
    fn lock_file_is_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let lock = MeetingLock::acquire(&dir.path().join("m.ron")).unwrap();
        let mode = std::fs::metadata(lock.path()).unwrap().permissions().mode();
        // The process umask can only remove bits, so at most 0600.
        assert_eq!(mode & 0o077, 0, "{mode:o}");
    }

    #[cfg(unix)]
    #[test]
    fn a_lock_file_that_is_a_link_is_refused_and_its_target_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let meeting = dir.path().join("m.ron");
        std::fs::write(&meeting, "meeting").unwrap();
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, "precious").unwrap();
        std::os::unix::fs::symlink(&victim, lock_path(&meeting)).unwrap();
        let err = MeetingLock::acquire(&meeting).unwrap_err();
        assert!(matches!(err, Locked::Unavailable { .. }), "{err:?}");
        assert!(err.message(Lang::En).contains("symbolic link"), "{err}");
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_a_meeting_and_the_meeting_share_one_lock() {
        let dir = tempfile::tempdir().unwrap();
        let meeting = dir.path().join("m.ron");
        std::fs::write(&meeting, "meeting").unwrap();
        let other = tempfile::tempdir().unwrap();
        let link = other.path().join("genväg.ron");
        std::os::unix::fs::symlink(&meeting, &link).unwrap();
        let held = MeetingLock::acquire(&link).unwrap();
        assert!(matches!(
            MeetingLock::acquire(&meeting),
            Err(Locked::HeldByAnother { .. })
        ));
        assert!(!lock_path(&link).exists(), "no lock beside the link");
        drop(held);
        let _held = MeetingLock::acquire(&meeting).unwrap();
        assert!(matches!(
            MeetingLock::acquire(&link),
            Err(Locked::HeldByAnother { .. })
        ));
    }

    #[test]
    fn a_missing_directory_is_reported_not_panicked() {
        let dir = tempfile::tempdir().unwrap();
        let err = MeetingLock::acquire(&dir.path().join("nope/m.ron")).unwrap_err();
        assert!(matches!(err, Locked::Unavailable { .. }));
        assert!(err.message(Lang::En).starts_with("Read-only"));
    }
}

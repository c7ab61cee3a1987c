//! Owner-only files: the check that an existing archive directory, or a meeting file
//! copied into it, is not open to other users of the computer. New files and directories
//! are created owner-only by `file.rs`; this finds the ones made some other way.

use crate::i18n::Lang;
use std::path::{Path, PathBuf};

/// An archive that other users can read or enter: shown on the start screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveWarning {
    pub dir: PathBuf,
    /// The directory's permission bits when group or others have any access.
    pub dir_mode: Option<u32>,
    /// Meeting files (and kept revisions) in it that group or others can read.
    pub open_files: Vec<PathBuf>,
}

impl ArchiveWarning {
    pub fn message(&self, lang: Lang) -> String {
        use crate::i18n::store::S;
        let dir = self.dir.display().to_string();
        let mut parts = Vec::new();
        if let Some(mode) = self.dir_mode {
            parts.push(S::ArchiveOpen.fill(lang, &[&dir, &format!("{mode:03o}"), &dir]));
        }
        if !self.open_files.is_empty() {
            let n = self.open_files.len().to_string();
            parts.push(S::ArchiveFilesOpen.fill(lang, &[&n, &dir]));
        }
        parts.join(" ")
    }
}

/// `archive_warning`, with the meeting files (and kept revisions) that group or others
/// can read already found, as `archive::scan` finds them (`Scan::open_to_others`).
#[cfg(unix)]
pub fn archive_warning_for(dir: &Path, open_files: Vec<PathBuf>) -> Option<ArchiveWarning> {
    use std::os::unix::fs::PermissionsExt;
    let meta = std::fs::metadata(dir).ok().filter(|m| m.is_dir())?;
    let mode = meta.permissions().mode() & 0o777;
    let dir_mode = (mode & 0o077 != 0).then_some(mode);
    (dir_mode.is_some() || !open_files.is_empty()).then(|| ArchiveWarning {
        dir: dir.to_path_buf(),
        dir_mode,
        open_files,
    })
}

/// Other platforms have no permission bits to check.
#[cfg(not(unix))]
pub fn archive_warning_for(_dir: &Path, _open_files: Vec<PathBuf>) -> Option<ArchiveWarning> {
    None
}

/// Whether the archive at `dir` is open to group or others; `None` when it is private or
/// does not exist yet (it will then be created 0700).
#[cfg(unix)]
pub fn archive_warning(dir: &Path) -> Option<ArchiveWarning> {
    use std::os::unix::fs::PermissionsExt;
    let meta = std::fs::metadata(dir).ok().filter(|m| m.is_dir())?;
    let mode = meta.permissions().mode() & 0o777;
    let dir_mode = (mode & 0o077 != 0).then_some(mode);
    let mut open_files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .filter(|p| {
            std::fs::symlink_metadata(p)
                .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o044 != 0)
        })
        .collect();
    open_files.sort();
    (dir_mode.is_some() || !open_files.is_empty()).then(|| ArchiveWarning {
        dir: dir.to_path_buf(),
        dir_mode,
        open_files,
    })
}

/// Other platforms have no permission bits to check.
#[cfg(not(unix))]
pub fn archive_warning(_dir: &Path) -> Option<ArchiveWarning> {
    None
}

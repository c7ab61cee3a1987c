//! Owner-only atomic writes, below everything that writes files (agendas, meetings,
//! drafts): a temporary file in the same directory, fsynced, renamed, directory fsynced.

use crate::diag::FileError;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::Path;

/// Open `path` for reading without following a symbolic link in its last component:
/// a link there is refused (`ELOOP`), never read through.
pub fn open_nofollow(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    no_follow(&mut options);
    options.open(path).map_err(|e| link_refused(path, e))
}

/// Add `O_NOFOLLOW` (and `O_CLOEXEC`) to `options`: the last component of the path is
/// opened only when it is not a symbolic link.
pub fn no_follow(options: &mut OpenOptions) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC);
    }
    #[cfg(not(unix))]
    let _ = options;
}

/// `ELOOP` from an `O_NOFOLLOW` open, said as what it is.
fn link_refused(path: &Path, e: std::io::Error) -> std::io::Error {
    #[cfg(unix)]
    if e.raw_os_error() == Some(libc::ELOOP) {
        return std::io::Error::other(
            crate::i18n::diag::D::LinkRefused.say(&[&path.display().to_string()]),
        );
    }
    let _ = path;
    e
}

/// Whether `path` itself (not what it points to) is a symbolic link.
pub fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// Read at most `limit` bytes of the regular file at `path`, not following a link.
/// `Ok(Err(size))` when the file is larger than `limit`: nothing of it is read.
pub fn read_limited(path: &Path, limit: u64) -> std::io::Result<Result<Vec<u8>, u64>> {
    use std::io::Read;
    let file = open_nofollow(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(std::io::Error::other(
            crate::i18n::diag::D::PathNotRegular.say(&[&path.display().to_string()]),
        ));
    }
    if meta.len() > limit {
        return Ok(Err(meta.len()));
    }
    // Room for what the file holds now (one read, no growing), and a byte to see more.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len() + 1).unwrap_or(0));
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Ok(Err(bytes.len() as u64));
    }
    Ok(Ok(bytes))
}

/// Write bytes atomically to `path`, readable and writable by the owner only (0600).
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    write_atomic(path, bytes, true)
}

/// Write to a temporary file beside `path`, fsync it, rename it to `path` (over an
/// existing file only when `replace`), then fsync the directory.
///
/// A symbolic link at `path` is refused, not replaced: the rename would put a file where
/// the link was and leave what it points to behind, unchanged (two copies that differ).
/// The temporary file is created with `O_EXCL` (tempfile), so no link is followed there.
pub fn write_atomic(path: &Path, bytes: &[u8], replace: bool) -> Result<(), FileError> {
    write_renamed(path, bytes, replace, true)
}

/// Write an export (minutes, a kallelse, a calendar file) owner-only and atomically, as
/// `write_private` does but without waiting for the disk (no fsync): a reader never
/// sees half a file, and a power cut in the seconds after writing may lose the file,
/// which the meeting file (written with fsync) makes again. Waiting for the disk was
/// most of an export's time (two fsyncs: 13 ms of 18 ms for a Word document).
pub fn write_export(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    write_renamed(path, bytes, true, false)
}

fn write_renamed(path: &Path, bytes: &[u8], replace: bool, sync: bool) -> Result<(), FileError> {
    let err = |e| FileError::Write {
        path: path.to_path_buf(),
        source: e,
    };
    if is_link(path) {
        return Err(err(std::io::Error::other(
            crate::i18n::diag::D::Link.say(&[&path.display().to_string()]),
        )));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    // tempfile creates the file 0600 whatever the umask.
    let mut tmp = tempfile::Builder::new()
        .prefix(".samsyn-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(err)?;
    tmp.write_all(bytes).map_err(err)?;
    if sync {
        tmp.as_file().sync_all().map_err(err)?;
    }
    if replace {
        tmp.persist(path).map_err(|e| err(e.error))?;
    } else {
        tmp.persist_noclobber(path).map_err(|e| err(e.error))?;
    }
    if sync {
        sync_dir(dir).map_err(err)?;
    }
    Ok(())
}

/// Remove the temporary files a crash in the middle of a save left in `dir`
/// (`.samsyn-*.tmp`) once they are older than `max_age`; younger ones may belong to a
/// save still running in another process. Returns how many were removed.
pub fn remove_stale_temps(dir: &Path, max_age: std::time::Duration) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let now = std::time::SystemTime::now();
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(".samsyn-") && name.ends_with(".tmp")) {
            continue;
        }
        // Only plain files, never what a link points to.
        let Ok(meta) = std::fs::symlink_metadata(entry.path()) else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age > max_age);
        if meta.is_file() && old && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> std::io::Result<()> {
    Ok(())
}

/// Create a directory (and its parents) readable by the owner only (0700).
pub fn create_private_dir(dir: &Path) -> Result<(), FileError> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir).map_err(|e| FileError::Write {
        path: dir.to_path_buf(),
        source: e,
    })
}

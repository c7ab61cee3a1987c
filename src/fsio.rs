//! Owner-only atomic writes, below everything that writes files (agendas, meetings,
//! drafts): a temporary file in the same directory, fsynced, renamed, directory fsynced.

use crate::diag::FileError;
use std::io::Write;
use std::path::Path;

/// Write bytes atomically to `path`, readable and writable by the owner only (0600).
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    write_atomic(path, bytes, true)
}

/// Write to a temporary file beside `path`, fsync it, rename it to `path` (over an
/// existing file only when `replace`), then fsync the directory.
pub fn write_atomic(path: &Path, bytes: &[u8], replace: bool) -> Result<(), FileError> {
    let err = |e| FileError::Write {
        path: path.to_path_buf(),
        source: e,
    };
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
    tmp.as_file().sync_all().map_err(err)?;
    if replace {
        tmp.persist(path).map_err(|e| err(e.error))?;
    } else {
        tmp.persist_noclobber(path).map_err(|e| err(e.error))?;
    }
    sync_dir(dir).map_err(err)?;
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

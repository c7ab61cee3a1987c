//! A look at the whole archive: one `followups::Summary` per meeting file, read from a
//! small index kept beside the meetings (`.samsyn-index.json`) for the files that have
//! not changed since it was written, and from the file itself for the rest.
//!
//! The index is a cache, never a record: a file whose size or modification time differs
//! from what the index says is read again, an index that is missing, unreadable, of
//! another version or corrupt is rebuilt (never an error), and deleting it costs only
//! the next look's time. It is written owner-only and atomically (`fsio::write_private`,
//! which refuses a symbolic link), read without following a link, and only when what it
//! holds changed. A file modified within two seconds of the look is not put in the index
//! (its time stamp may not yet tell a second change of the same size apart), so it is
//! read again the next time.

use crate::followups::Summary;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The index's file name in the archive directory.
pub const INDEX_FILE: &str = ".samsyn-index.json";

/// Changes whenever `Summary` or how it is made changes, so an index written by another
/// version of samsyn is rebuilt rather than read.
const VERSION: &str = concat!("1 ", env!("CARGO_PKG_VERSION"));

/// The largest index read; a larger one is rebuilt (and would be one for millions of
/// meetings).
const MAX_INDEX_BYTES: u64 = 256 * 1024 * 1024;

/// A file changed this recently is read each time until it is older (see the module).
const SETTLE: Duration = Duration::from_secs(2);

/// One meeting file of the archive, summarized, or why it cannot be read.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub path: PathBuf,
    pub summary: Result<Summary, String>,
}

/// The archive's meeting files (not the kept finalized versions, `*.revN.ron`), sorted
/// by path, and how the look went.
#[derive(Debug, Default)]
pub struct Scan {
    pub entries: Vec<Entry>,
    /// Files read (parsed) in this look, rather than taken from the index.
    pub read: usize,
}

#[derive(Serialize, Deserialize)]
struct Index {
    version: String,
    files: HashMap<String, Indexed>,
}

#[derive(Serialize, Deserialize, Clone)]
struct Indexed {
    size: u64,
    /// Modification time, nanoseconds since the epoch.
    mtime: u128,
    summary: Summary,
}

/// Whether `path` is one of the archive's meetings by its name.
pub fn is_meeting_file(path: &Path) -> bool {
    path.extension().is_some_and(|x| x == "ron")
        && !path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().contains(".rev"))
}

fn nanos(t: SystemTime) -> u128 {
    t.duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos())
}

/// Read the index of `dir`; `None` when there is none that can be used.
fn read_index(dir: &Path) -> Option<Index> {
    let bytes = crate::fsio::read_limited(&dir.join(INDEX_FILE), MAX_INDEX_BYTES)
        .ok()?
        .ok()?;
    serde_json::from_slice::<Index>(&bytes)
        .ok()
        .filter(|i| i.version == VERSION)
}

/// Summarize every meeting in `dir`, from the index where a file is unchanged, and keep
/// the index up to date (a failure to write it is no error: the next look reads more).
pub fn scan(dir: &Path) -> Scan {
    scan_with(dir, true)
}

/// `scan`, writing the index only when `write` (a look at an archive that must not be
/// changed, or a test of what is read, leaves it as it is).
pub fn scan_with(dir: &Path, write: bool) -> Scan {
    let Ok(read_dir) = std::fs::read_dir(dir) else {
        return Scan::default();
    };
    let mut paths: Vec<PathBuf> = read_dir
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| is_meeting_file(p))
        .collect();
    paths.sort();
    let old = read_index(dir);
    let now = SystemTime::now();
    let mut files: HashMap<String, Indexed> = HashMap::with_capacity(paths.len());
    let mut scan = Scan {
        entries: Vec::with_capacity(paths.len()),
        ..Scan::default()
    };
    let mut changed = old.is_none();
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // The file as `store::load` reads it (through a link, like opening it).
        let meta = std::fs::metadata(&path).ok();
        let stamp = meta
            .as_ref()
            .filter(|m| m.is_file())
            .and_then(|m| Some((m.len(), nanos(m.modified().ok()?), m.modified().ok()?)));
        let known = stamp.and_then(|(size, mtime, _)| {
            old.as_ref()?
                .files
                .get(&name)
                .filter(|i| i.size == size && i.mtime == mtime)
        });
        let summary = match known {
            Some(i) => {
                files.insert(name, i.clone());
                Ok(i.summary.clone())
            }
            None => {
                scan.read += 1;
                let summary = crate::store::load(&path)
                    .map(|m| Summary::of(&m))
                    .map_err(|e| e.to_string());
                if let (Ok(s), Some((size, mtime, modified))) = (&summary, stamp)
                    && now.duration_since(modified).is_ok_and(|age| age >= SETTLE)
                {
                    changed = true;
                    files.insert(
                        name,
                        Indexed {
                            size,
                            mtime,
                            summary: s.clone(),
                        },
                    );
                }
                summary
            }
        };
        scan.entries.push(Entry { path, summary });
    }
    // Files gone (or no longer readable) since the index was written.
    changed |= old.as_ref().is_some_and(|o| o.files.len() != files.len());
    if write && changed {
        let index = Index {
            version: VERSION.to_string(),
            files,
        };
        if let Ok(bytes) = serde_json::to_vec(&index) {
            let _ = crate::fsio::write_private(&dir.join(INDEX_FILE), &bytes);
        }
    }
    scan
}

/// The follow-up already started from meeting `id`, if one is in the archive.
pub fn follow_up_of<'e>(entries: &'e [Entry], id: &str) -> Option<&'e Entry> {
    entries.iter().find(|e| {
        e.summary
            .as_ref()
            .is_ok_and(|s| s.previous.as_deref() == Some(id))
    })
}

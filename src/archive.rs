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
const VERSION: &str = concat!("2 ", env!("CARGO_PKG_VERSION"));

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

#[derive(Deserialize)]
struct Index {
    version: String,
    files: HashMap<String, Indexed>,
}

#[derive(Deserialize)]
struct Indexed {
    size: u64,
    /// Modification time, nanoseconds since the epoch.
    mtime: u128,
    summary: Summary,
}

/// A file looked at: its path and name, its summary, and its size and time when it goes
/// into the index.
type Looked = (
    PathBuf,
    String,
    Result<Summary, String>,
    Option<(u64, u128)>,
);

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
    let mut old = read_index(dir);
    let was_indexed = old.as_ref().map(|o| o.files.len());
    let now = SystemTime::now();
    // Each file with its summary, and whether it goes into the index (its size and time).
    let mut looked: Vec<Looked> = Vec::with_capacity(paths.len());
    let mut changed = old.is_none();
    // First what the index knows, then the other files read, on every core.
    let mut unknown: Vec<usize> = Vec::new();
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // The file as `store::load` reads it (through a link, like opening it).
        let stamp = std::fs::metadata(&path)
            .ok()
            .filter(|m| m.is_file())
            .and_then(|m| Some((m.len(), m.modified().ok()?)));
        let known = stamp.and_then(|(size, modified)| {
            let files = &mut old.as_mut()?.files;
            let fits = files
                .get(&name)
                .is_some_and(|i| i.size == size && i.mtime == nanos(modified));
            fits.then(|| files.remove(&name)).flatten()
        });
        match known {
            Some(i) => looked.push((path, name, Ok(i.summary), Some((i.size, i.mtime)))),
            None => {
                unknown.push(looked.len());
                // The stamp waits here until the file is read.
                let stamp = stamp.map(|(size, modified)| (size, nanos(modified)));
                looked.push((path, name, Err(String::new()), stamp));
            }
        }
    }
    let read = unknown.len();
    let summaries = read_all(unknown.iter().map(|&i| looked[i].0.as_path()));
    let now = nanos(now);
    for (i, summary) in unknown.into_iter().zip(summaries) {
        let l = &mut looked[i];
        l.3 = l.3.filter(|(_, mtime)| {
            summary.is_ok() && now.saturating_sub(*mtime) >= SETTLE.as_nanos()
        });
        changed |= l.3.is_some();
        l.2 = summary;
    }
    // Files gone (or no longer readable) since the index was written.
    let indexed = looked.iter().filter(|l| l.3.is_some()).count();
    changed |= was_indexed.is_some_and(|n| n != indexed);
    if write && changed {
        #[derive(Serialize)]
        struct IndexOut<'a> {
            version: &'a str,
            files: HashMap<&'a str, IndexedOut<'a>>,
        }
        #[derive(Serialize)]
        struct IndexedOut<'a> {
            size: u64,
            mtime: u128,
            summary: &'a Summary,
        }
        let files = looked
            .iter()
            .filter_map(|(_, name, summary, stamp)| {
                let (size, mtime) = (*stamp)?;
                let summary = summary.as_ref().ok()?;
                Some((
                    name.as_str(),
                    IndexedOut {
                        size,
                        mtime,
                        summary,
                    },
                ))
            })
            .collect();
        let index = IndexOut {
            version: VERSION,
            files,
        };
        if let Ok(bytes) = serde_json::to_vec(&index) {
            let _ = crate::fsio::write_private(&dir.join(INDEX_FILE), &bytes);
        }
    }
    Scan {
        entries: looked
            .into_iter()
            .map(|(path, _, summary, _)| Entry { path, summary })
            .collect(),
        read,
    }
}

/// Read and summarize `paths`, in their order, on as many threads as there are cores.
fn read_all<'a>(paths: impl Iterator<Item = &'a Path>) -> Vec<Result<Summary, String>> {
    let paths: Vec<&Path> = paths.collect();
    let one = |p: &Path| {
        crate::store::load(p)
            .map(|m| Summary::of(&m))
            .map_err(|e| e.to_string())
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads < 2 || paths.len() < 16 {
        return paths.into_iter().map(one).collect();
    }
    let chunk = paths.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = paths
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(|p| one(p)).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// The follow-up already started from meeting `id`, if one is in the archive.
pub fn follow_up_of<'e>(entries: &'e [Entry], id: &str) -> Option<&'e Entry> {
    entries.iter().find(|e| {
        e.summary
            .as_ref()
            .is_ok_and(|s| s.previous.as_deref() == Some(id))
    })
}

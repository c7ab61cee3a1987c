//! A look at the whole archive: one `followups::Summary` per meeting file, read from a
//! small index kept beside the meetings for the files that have not changed since it
//! was written, and from the file itself for the rest.
//!
//! The index is two files, both caches, never records. `.samsyn-index.json` holds, per
//! file, its size and modification time and what the start screen's first frame needs:
//! its rows (title, date, status…) and, for each thing that may need attention, only its
//! kind, date and condition (enough to count what is due and to rank it).
//! `.samsyn-index-details` holds the rest, per file: the names the mask hides and the
//! texts of those things; it is read only for the rows drawn (`Entry::people`,
//! `Entry::text`) or whole for a look that needs every text (`scan`). The two name each
//! other by a stamp written into both; the details file is written first.
//!
//! A file whose size or modification time differs from what the index says is read
//! again; an index that is missing, unreadable, of another version, corrupt or whose
//! details file does not carry its stamp is rebuilt (never an error), and deleting
//! either file costs only the next look's time. A details entry that cannot be used
//! (not the file's, or not its candidates') is taken from the meeting file instead. Both
//! are written owner-only and atomically (`fsio::write_private`, which refuses a
//! symbolic link), read without following a link, and only when what they hold changed.
//! A file modified within two seconds of the look is not put in the index (its time
//! stamp may not yet tell a second change of the same size apart), so it is read again
//! the next time.

use crate::followups::{Candidate, Kind, Summary, When, Who};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, SystemTime};

/// The index's file name in the archive directory.
pub const INDEX_FILE: &str = ".samsyn-index.json";

/// The index's second file: the names and texts read only for the rows drawn.
pub const DETAILS_FILE: &str = ".samsyn-index-details";

/// Changes whenever `Summary`, how it is made or how the index holds it changes, so an
/// index written by another version of samsyn is rebuilt rather than read.
const VERSION: &str = concat!("3 ", env!("CARGO_PKG_VERSION"));

/// The largest index (or details file) read; a larger one is rebuilt (and would be one
/// for millions of meetings).
const MAX_INDEX_BYTES: u64 = 256 * 1024 * 1024;

/// A file changed this recently is read each time until it is older (see the module).
const SETTLE: Duration = Duration::from_secs(2);

/// One meeting file of the archive, summarized, or why it cannot be read.
#[derive(Debug, Clone)]
pub struct Entry {
    pub path: PathBuf,
    /// The summary; from a look that left the details in their file (`scan_lazy`), its
    /// `people` are empty and its candidates' texts too: ask `people` and `text`.
    pub summary: Result<Summary, String>,
    rest: Option<Rest>,
}

impl PartialEq for Entry {
    fn eq(&self, other: &Entry) -> bool {
        self.path == other.path && self.summary == other.summary
    }
}

/// Where an entry's details are, and them once read.
#[derive(Debug, Clone)]
struct Rest {
    file: Arc<DetailsFile>,
    span: (u64, u32),
    name: String,
    got: Arc<OnceLock<Option<Details>>>,
}

#[derive(Debug)]
struct DetailsFile(Mutex<File>);

/// What the details file holds for one meeting file.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Details {
    people: People,
    texts: Vec<(String, Option<String>, Who)>,
}

/// A meeting's people as the mask needs them: the family's names with their initials,
/// and the professionals' names.
pub type People = (Vec<(String, String)>, Vec<String>);

/// One candidate's texts: what it is about, its organisation, who is to act.
pub type Texts<'a> = (&'a str, Option<&'a str>, &'a Who);

impl Entry {
    /// The family's names (with their initials) and the professionals', for the mask;
    /// `None` when they can no longer be read (the file went away since the look).
    pub fn people(&self) -> Option<&People> {
        let summary = self.summary.as_ref().ok()?;
        match &self.rest {
            None => Some(&summary.people),
            Some(_) => self.details().map(|d| &d.people),
        }
    }

    /// The texts of the summary's candidate `i`; `None` as for `people`.
    pub fn text(&self, i: usize) -> Option<Texts<'_>> {
        let summary = self.summary.as_ref().ok()?;
        match &self.rest {
            None => summary
                .candidates
                .get(i)
                .map(|c| (c.what.as_str(), c.organisation.as_deref(), &c.who)),
            Some(_) => self
                .details()?
                .texts
                .get(i)
                .map(|(w, o, p)| (w.as_str(), o.as_deref(), p)),
        }
    }

    fn details(&self) -> Option<&Details> {
        let rest = self.rest.as_ref()?;
        let summary = self.summary.as_ref().ok()?;
        rest.got
            .get_or_init(|| {
                rest.file
                    .read(rest.span)
                    .and_then(|b| details_of(&b, &rest.name, summary))
                    .or_else(|| {
                        // Not usable: the meeting file itself, if it still says the same.
                        let m = crate::store::load(&self.path).ok()?;
                        let fresh = Summary::of(&m);
                        let same =
                            fresh.candidates.len() == summary.candidates.len()
                                && fresh.candidates.iter().zip(&summary.candidates).all(
                                    |(a, b)| (a.kind, a.date, a.when) == (b.kind, b.date, b.when),
                                );
                        same.then(|| Details {
                            people: fresh.people,
                            texts: fresh
                                .candidates
                                .into_iter()
                                .map(|c| (c.what, c.organisation, c.who))
                                .collect(),
                        })
                    })
            })
            .as_ref()
    }
}

impl DetailsFile {
    fn read(&self, (at, len): (u64, u32)) -> Option<Vec<u8>> {
        let mut file = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        file.seek(SeekFrom::Start(at)).ok()?;
        let mut bytes = vec![0; len as usize];
        file.read_exact(&mut bytes).ok()?;
        Some(bytes)
    }
}

/// A details entry, if it is `name`'s and fits `summary`'s candidates.
fn details_of(bytes: &[u8], name: &str, summary: &Summary) -> Option<Details> {
    let (of, details): (String, Details) = serde_json::from_slice(bytes).ok()?;
    (of == name && details.texts.len() == summary.candidates.len()).then_some(details)
}

/// The archive's meeting files (not the kept finalized versions, `*.revN.ron`), sorted
/// by path, and how the look went.
#[derive(Debug, Default)]
pub struct Scan {
    pub entries: Vec<Entry>,
    /// Files read (parsed) in this look, rather than taken from the index.
    pub read: usize,
    /// The meeting files and kept versions (`*.ron`, not through a link) that group or
    /// others can read, sorted (`store::archive_warning_for`).
    pub open_to_others: Vec<PathBuf>,
}

/// What the start screen's rows need of a meeting (the summary without its people and
/// its candidates). Written as an array, in this order.
#[derive(Deserialize)]
struct Head {
    i: String,
    t: String,
    d: NaiveDate,
    s: Option<chrono::NaiveTime>,
    a: String,
    f: bool,
    r: String,
    u: Option<NaiveDate>,
    p: Option<String>,
    n: Option<NaiveDate>,
    c: Option<String>,
}

#[derive(Deserialize)]
struct Index {
    version: String,
    /// The stamp the details file must begin with.
    details: String,
    /// Sorted by name. Each is written as an array, in the order of its fields.
    files: Vec<Indexed>,
}

#[derive(Deserialize)]
struct Indexed {
    /// The file's name.
    n: String,
    /// Size.
    s: u64,
    /// Modification time, nanoseconds since the epoch.
    m: u128,
    h: Head,
    /// The candidates, without their texts (`encode`).
    c: String,
    /// Where its details are in the details file.
    x: (u64, u32),
}

/// A file looked at: its path and name, its summary (and where its details are), and its
/// size and time when it goes into the index.
struct Looked {
    path: PathBuf,
    name: String,
    summary: Result<Summary, String>,
    rest: Option<Rest>,
    stamp: Option<(u64, u128)>,
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

fn kind_letter(k: Kind) -> char {
    match k {
        Kind::FollowUpDue => 'f',
        Kind::DecisionOverdue => 'd',
        Kind::ActionOverdue => 'a',
        Kind::FeedbackDue => 'b',
        Kind::ConsentExpires => 'c',
        Kind::NoNextStep => 'n',
        Kind::InvitationNotSent => 'i',
        Kind::InvitationLate => 'l',
    }
}

fn letter_kind(c: u8) -> Option<Kind> {
    Some(match c {
        b'f' => Kind::FollowUpDue,
        b'd' => Kind::DecisionOverdue,
        b'a' => Kind::ActionOverdue,
        b'b' => Kind::FeedbackDue,
        b'c' => Kind::ConsentExpires,
        b'n' => Kind::NoNextStep,
        b'i' => Kind::InvitationNotSent,
        b'l' => Kind::InvitationLate,
        _ => return None,
    })
}

fn push_date(out: &mut String, d: Option<NaiveDate>) {
    use std::fmt::Write;
    match d {
        Some(d) if (0..=9999).contains(&d.year()) => {
            let _ = write!(out, "{:04}{:02}{:02}", d.year(), d.month(), d.day());
        }
        // A date the eight digits cannot hold: the index cannot keep this file.
        Some(_) => out.push('?'),
        None => out.push('-'),
    }
}

/// The candidates without their texts, a few letters each: kind, condition, date (eight
/// digits or `-`), and for `When::Before` the day it is before; comma-separated.
/// `None` when one cannot be written so.
fn encode(candidates: &[Candidate]) -> Option<String> {
    let mut out = String::with_capacity(candidates.len() * 12);
    for (i, c) in candidates.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push(kind_letter(c.kind));
        match c.when {
            When::Always => out.push('A'),
            When::ByUntil => out.push('U'),
            When::BeforeToday => out.push('T'),
            When::Before(next) => {
                out.push('B');
                push_date(&mut out, next);
            }
        }
        push_date(&mut out, c.date);
    }
    (!out.contains('?')).then_some(out)
}

/// A date as `encode` wrote it, and the rest of the text.
fn take_date(s: &[u8]) -> Option<(Option<NaiveDate>, &[u8])> {
    match s.first()? {
        b'-' => Some((None, &s[1..])),
        _ => {
            let digits = s.get(..8)?;
            let mut n = 0u32;
            for &b in digits {
                if !b.is_ascii_digit() {
                    return None;
                }
                n = n * 10 + u32::from(b - b'0');
            }
            let d = NaiveDate::from_ymd_opt((n / 10000) as i32, n / 100 % 100, n % 100)?;
            Some((Some(d), &s[8..]))
        }
    }
}

/// `encode` read back, the texts left empty.
fn decode(s: &str) -> Option<Vec<Candidate>> {
    let mut out = Vec::with_capacity(s.bytes().filter(|&b| b == b',').count() + 1);
    if s.is_empty() {
        return Some(out);
    }
    for one in s.split(',') {
        let b = one.as_bytes();
        let kind = letter_kind(*b.first()?)?;
        let (when, rest) = match b.get(1)? {
            b'A' => (When::Always, &b[2..]),
            b'U' => (When::ByUntil, &b[2..]),
            b'T' => (When::BeforeToday, &b[2..]),
            b'B' => {
                let (next, rest) = take_date(&b[2..])?;
                (When::Before(next), rest)
            }
            _ => return None,
        };
        let (date, rest) = take_date(rest)?;
        if !rest.is_empty() {
            return None;
        }
        out.push(Candidate {
            kind,
            date,
            when,
            what: String::new(),
            organisation: None,
            who: Who::Named(String::new()),
        });
    }
    Some(out)
}

impl Indexed {
    /// The summary this entry holds, without its details; `None` when it is corrupt.
    fn summary(self) -> Option<Summary> {
        let h = self.h;
        Some(Summary {
            id: h.i,
            title: h.t,
            date: h.d,
            start: h.s,
            agenda: h.a,
            finalized: h.f,
            case_ref: h.r,
            follow_up: h.u,
            previous: h.p,
            people: (Vec::new(), Vec::new()),
            candidates: decode(&self.c)?,
            invitation_sent: h.n,
            convener: h.c,
        })
    }
}

/// The first line of a details file written with `stamp`.
fn details_header(stamp: &str) -> String {
    format!("samsyn index details {stamp}\n")
}

/// Read the index of `dir` and open its details file; `None` when there is none that
/// can be used.
fn read_index(dir: &Path) -> Option<(Index, Arc<DetailsFile>)> {
    let bytes = crate::fsio::read_limited(&dir.join(INDEX_FILE), MAX_INDEX_BYTES)
        .ok()?
        .ok()?;
    let index = serde_json::from_slice::<Index>(&bytes)
        .ok()
        .filter(|i| i.version == VERSION)?;
    let mut file = crate::fsio::open_nofollow(&dir.join(DETAILS_FILE)).ok()?;
    let meta = file.metadata().ok()?;
    if !meta.is_file() || meta.len() > MAX_INDEX_BYTES {
        return None;
    }
    let header = details_header(&index.details);
    let mut head = vec![0; header.len()];
    file.read_exact(&mut head).ok()?;
    (head == header.as_bytes()).then(|| (index, Arc::new(DetailsFile(Mutex::new(file)))))
}

/// Summarize every meeting in `dir`, from the index where a file is unchanged, and keep
/// the index up to date (a failure to write it is no error: the next look reads more).
/// Every entry is whole: the details file is read too.
pub fn scan(dir: &Path) -> Scan {
    look(dir, true, true)
}

/// `scan`, writing the index only when `write` (a look at an archive that must not be
/// changed, or a test of what is read, leaves it as it is).
pub fn scan_with(dir: &Path, write: bool) -> Scan {
    look(dir, write, true)
}

/// `scan` for the start screen: the entries taken from the index leave their people and
/// their candidates' texts in the details file until `Entry::people` or `Entry::text`
/// asks for them.
pub fn scan_lazy(dir: &Path) -> Scan {
    look(dir, true, false)
}

fn look(dir: &Path, write: bool, whole: bool) -> Scan {
    let Ok(read_dir) = std::fs::read_dir(dir) else {
        return Scan::default();
    };
    // The index is read on one core while the directory is listed on the other.
    let (mut old, listed) = std::thread::scope(|scope| {
        let index = scope.spawn(|| read_index(dir));
        let listed = list(dir, read_dir);
        let index = index
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (index, listed)
    });
    let (names, mut open_to_others) = listed;
    let was_indexed = old.as_ref().map(|(o, _)| o.files.len());
    let details_file = old.as_ref().map(|(_, f)| f.clone());
    let mut rows = old
        .take()
        .map(|(o, _)| o.files)
        .unwrap_or_default()
        .into_iter()
        .peekable();
    // The whole details file, when every entry is to be whole.
    let all_details: Option<Vec<u8>> = match &details_file {
        Some(file) if whole => {
            let mut f = file
                .0
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            let mut bytes = Vec::new();
            f.seek(SeekFrom::Start(0))
                .and_then(|_| f.read_to_end(&mut bytes))
                .ok()
                .map(|_| bytes)
        }
        _ => None,
    };
    let now = SystemTime::now();
    let mut looked: Vec<Looked> = Vec::with_capacity(names.len());
    let mut changed = details_file.is_none();
    // First what the index knows, then the other files read, on every core.
    let mut unknown: Vec<usize> = Vec::new();
    for (name, (stamp, open)) in names {
        let path = dir.join(&name);
        if open {
            open_to_others.push(path.clone());
        }
        let name = name.to_string_lossy().into_owned();
        // The index's row for the file, if it has one (both are sorted by name).
        while rows.next_if(|r| r.n.as_bytes() < name.as_bytes()).is_some() {}
        let row = rows.next_if(|r| r.n == name);
        let known = stamp.and_then(|(size, mtime)| {
            let file = details_file.as_ref()?;
            let i = row.filter(|i| i.s == size && i.m == mtime)?;
            let span = i.x;
            let mut summary = i.summary()?;
            let rest = Rest {
                file: file.clone(),
                span,
                name: name.clone(),
                got: Arc::new(OnceLock::new()),
            };
            if !whole {
                return Some((summary, Some(rest), (size, mtime)));
            }
            let bytes = all_details.as_ref()?;
            let (at, len) = (span.0 as usize, span.1 as usize);
            let d = details_of(bytes.get(at..at.checked_add(len)?)?, &name, &summary)?;
            summary.people = d.people;
            for (c, (what, org, who)) in summary.candidates.iter_mut().zip(d.texts) {
                c.what = what;
                c.organisation = org;
                c.who = who;
            }
            Some((summary, None, (size, mtime)))
        });
        match known {
            Some((summary, rest, stamp)) => looked.push(Looked {
                path,
                name,
                summary: Ok(summary),
                rest,
                stamp: Some(stamp),
            }),
            None => {
                unknown.push(looked.len());
                // The stamp waits here until the file is read.
                looked.push(Looked {
                    path,
                    name,
                    summary: Err(String::new()),
                    rest: None,
                    stamp,
                });
            }
        }
    }
    let read = unknown.len();
    let summaries = read_all(unknown.iter().map(|&i| looked[i].path.as_path()));
    let now = nanos(now);
    for (i, summary) in unknown.into_iter().zip(summaries) {
        let l = &mut looked[i];
        l.stamp = l.stamp.filter(|(_, mtime)| {
            summary.is_ok()
                && now.saturating_sub(*mtime) >= SETTLE.as_nanos()
                && summary
                    .as_ref()
                    .is_ok_and(|s| encode(&s.candidates).is_some())
        });
        changed |= l.stamp.is_some();
        l.summary = summary;
    }
    // Files gone (or no longer readable) since the index was written.
    let indexed = looked.iter().filter(|l| l.stamp.is_some()).count();
    changed |= was_indexed.is_some_and(|n| n != indexed);
    if write && changed {
        write_index(dir, &looked, details_file.as_deref());
    }
    Scan {
        entries: looked
            .into_iter()
            .map(|l| Entry {
                path: l.path,
                summary: l.summary,
                rest: l.rest,
            })
            .collect(),
        read,
        open_to_others: {
            open_to_others.sort_unstable();
            open_to_others
        },
    }
}

/// The meeting files in `dir`, sorted by name (which in one directory is the order of
/// their paths), each with its size and time (`Stat::of`); and the meeting files and
/// kept versions that others can read.
#[allow(clippy::type_complexity)]
fn list(
    dir: &Path,
    read_dir: std::fs::ReadDir,
) -> (
    Vec<(std::ffi::OsString, (Option<(u64, u128)>, bool))>,
    Vec<PathBuf>,
) {
    let mut names = Vec::new();
    let mut open_to_others = Vec::new();
    let stat = Stat::new(dir);
    for name in read_dir.filter_map(|e| e.ok().map(|e| e.file_name())) {
        let as_path = Path::new(&name);
        if is_meeting_file(as_path) {
            let st = stat.of(dir, &name);
            names.push((name, st));
        } else if as_path.extension().is_some_and(|x| x == "ron") && stat.of(dir, &name).1 {
            open_to_others.push(dir.join(&name));
        }
    }
    names.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    (names, open_to_others)
}

/// The size and time of the archive's files, looked up in its directory.
struct Stat {
    #[cfg(unix)]
    dir: Option<File>,
}

impl Stat {
    fn new(dir: &Path) -> Stat {
        #[cfg(unix)]
        return Stat {
            dir: File::open(dir).ok(),
        };
        #[cfg(not(unix))]
        {
            let _ = dir;
            Stat {}
        }
    }

    /// File `name` of `dir` as `store::load` reads it (through a link, like opening it):
    /// its size and modification time when it is a regular file; and whether it is
    /// itself (not through a link) a regular file that group or others can read.
    fn of(&self, dir: &Path, name: &std::ffi::OsStr) -> (Option<(u64, u128)>, bool) {
        let follow = || {
            std::fs::metadata(dir.join(name))
                .ok()
                .filter(|m| m.is_file())
                .and_then(|m| Some((m.len(), nanos(m.modified().ok()?))))
        };
        #[cfg(unix)]
        if let Some(d) = &self.dir {
            use std::os::fd::AsRawFd;
            use std::os::unix::ffi::OsStrExt;
            let Ok(c) = std::ffi::CString::new(name.as_bytes()) else {
                return (None, false);
            };
            let mut st = std::mem::MaybeUninit::<libc::stat>::uninit();
            // SAFETY: `c` is a NUL-terminated name, `st` is written by fstatat before it
            // is read (only when it returns 0), and the directory's descriptor is open.
            let st = unsafe {
                if libc::fstatat(
                    d.as_raw_fd(),
                    c.as_ptr(),
                    st.as_mut_ptr(),
                    libc::AT_SYMLINK_NOFOLLOW,
                ) != 0
                {
                    return (None, false);
                }
                st.assume_init()
            };
            return match st.st_mode & libc::S_IFMT {
                libc::S_IFREG => {
                    let mtime = u128::try_from(st.st_mtime)
                        .ok()
                        .map(|s| s * 1_000_000_000 + u128::try_from(st.st_mtime_nsec).unwrap_or(0));
                    (
                        mtime.map(|m| (st.st_size as u64, m)),
                        st.st_mode & 0o044 != 0,
                    )
                }
                libc::S_IFLNK => (follow(), false),
                _ => (None, false),
            };
        }
        (follow(), false)
    }
}

/// Write the details file, then the index naming it.
fn write_index(dir: &Path, looked: &[Looked], old: Option<&DetailsFile>) {
    #[derive(Serialize)]
    struct IndexOut<'a> {
        version: &'a str,
        details: &'a str,
        files: Vec<IndexedOut<'a>>,
    }
    type HeadOut<'a> = (
        &'a str,
        &'a str,
        NaiveDate,
        Option<chrono::NaiveTime>,
        &'a str,
        bool,
        &'a str,
        Option<NaiveDate>,
        Option<&'a str>,
        Option<NaiveDate>,
        Option<&'a str>,
    );
    type IndexedOut<'a> = (&'a str, u64, u128, HeadOut<'a>, String, (u64, u32));
    #[derive(Serialize)]
    struct DetailsOut<'a> {
        people: &'a People,
        texts: Vec<(&'a str, Option<&'a str>, &'a Who)>,
    }
    // The old details file whole, for the entries whose details were left in it.
    let old_bytes: Option<Vec<u8>> = old
        .filter(|_| looked.iter().any(|l| l.stamp.is_some() && l.rest.is_some()))
        .and_then(|f| {
            let mut f =
                f.0.lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
            let mut bytes = Vec::new();
            f.seek(SeekFrom::Start(0)).ok()?;
            f.read_to_end(&mut bytes).ok()?;
            Some(bytes)
        });
    let stamp = format!("{:x}-{:x}", nanos(SystemTime::now()), std::process::id());
    let mut details = details_header(&stamp).into_bytes();
    let mut files = Vec::new();
    for l in looked {
        let (Some((s, m)), Ok(summary)) = (l.stamp, l.summary.as_ref()) else {
            continue;
        };
        let Some(c) = encode(&summary.candidates) else {
            continue;
        };
        let at = details.len();
        match &l.rest {
            Some(rest) => {
                let (from, len) = (rest.span.0 as usize, rest.span.1 as usize);
                let Some(bytes) = old_bytes
                    .as_ref()
                    .and_then(|b| b.get(from..from.checked_add(len)?))
                else {
                    continue;
                };
                details.extend_from_slice(bytes);
            }
            None => {
                let d = DetailsOut {
                    people: &summary.people,
                    texts: summary
                        .candidates
                        .iter()
                        .map(|c| (c.what.as_str(), c.organisation.as_deref(), &c.who))
                        .collect(),
                };
                if serde_json::to_writer(&mut details, &(l.name.as_str(), d)).is_err() {
                    details.truncate(at);
                    continue;
                }
            }
        }
        details.push(b'\n');
        let Ok(len) = u32::try_from(details.len() - 1 - at) else {
            details.truncate(at);
            continue;
        };
        files.push((
            l.name.as_str(),
            s,
            m,
            (
                summary.id.as_str(),
                summary.title.as_str(),
                summary.date,
                summary.start,
                summary.agenda.as_str(),
                summary.finalized,
                summary.case_ref.as_str(),
                summary.follow_up,
                summary.previous.as_deref(),
                summary.invitation_sent,
                summary.convener.as_deref(),
            ),
            c,
            (at as u64, len),
        ));
    }
    let index = IndexOut {
        version: VERSION,
        details: &stamp,
        files,
    };
    let Ok(bytes) = serde_json::to_vec(&index) else {
        return;
    };
    if crate::fsio::write_private(&dir.join(DETAILS_FILE), &details).is_ok() {
        let _ = crate::fsio::write_private(&dir.join(INDEX_FILE), &bytes);
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

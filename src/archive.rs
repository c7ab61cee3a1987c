//! A look at the whole archive: one `followups::Summary` per meeting file, read from a
//! small index kept beside the meetings for the files that have not changed since it
//! was written, and from the file itself for the rest.
//!
//! The index is two files, both caches, never records, both binary (postcard).
//! `.samsyn-index` holds, per file, its size and modification time and what the start
//! screen's first frame needs: its rows (title, date, status…) and, for each thing that
//! may need attention, only its kind, date and condition (enough to count what is due
//! and to rank it), with a checksum over all of it. `.samsyn-index-details` holds the
//! rest, per file: the names the mask hides and the texts of those things; it is read
//! only for the rows drawn (`Entry::people`, `Entry::text`) or whole for a look that
//! needs every text (`scan`). The index names each details entry by its place, length
//! and checksum, and the two name each other by a stamp written into both; the details
//! file is written first.
//!
//! A file whose size or modification time differs from what the index says is read
//! again; an index that is missing, unreadable, of another version, corrupt or whose
//! details file does not carry its stamp is rebuilt (never an error), and deleting
//! either file costs only the next look's time. A details entry that cannot be used
//! (its checksum, or not the file's, or not its candidates') is taken from the meeting
//! file instead. Both are written owner-only and atomically (`fsio::write_private`,
//! which refuses a symbolic link), read without following a link, and only when what
//! they hold changed; the index of earlier versions (`.samsyn-index.json`, which held
//! the same names) is removed once this one is written. A file modified within two
//! seconds of the look is not put in the index (its time stamp may not yet tell a
//! second change of the same size apart), so it is read again the next time.

use crate::followups::{Candidate, CandidateText, Kind, Summary, When, Who};
use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use serde::de::{SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::ffi::OsString;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, SystemTime};

/// The index's file name in the archive directory.
pub const INDEX_FILE: &str = ".samsyn-index";

/// The index's second file: the names and texts read only for the rows drawn.
pub const DETAILS_FILE: &str = ".samsyn-index-details";

/// The index as versions before 4 wrote it (JSON). It holds names from the meetings, so
/// it is removed when the new index is written rather than left behind, stale.
pub const OLD_INDEX_FILE: &str = ".samsyn-index.json";

/// The index file's first bytes; a checksum of the rest follows (CRC-32, little-endian).
const MAGIC: &[u8] = b"samsyn index\n";

/// Changes whenever `Summary`, how it is made or how the index holds it changes, so an
/// index written by another version of samsyn is rebuilt rather than read.
const VERSION: &str = concat!("5 ", env!("CARGO_PKG_VERSION"));

/// The largest index (or details file) read; a larger one is rebuilt (and would be one
/// for millions of meetings).
const MAX_INDEX_BYTES: u64 = 256 * 1024 * 1024;

/// A file changed this recently is read each time until it is older (see the module).
const SETTLE: Duration = Duration::from_secs(2);

/// Meeting files read at once per core when the index does not know them: while some
/// threads parse, the others wait on the disk, which then has several reads queued.
const READERS_PER_CORE: usize = 4;

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
    span: Span,
    got: OnceLock<Option<Details>>,
}

#[derive(Debug)]
struct DetailsFile(Mutex<File>);

/// Where one file's details are in the details file, and their checksum (CRC-32).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
struct Span {
    at: u64,
    len: u32,
    crc: u32,
}

/// What the details file holds for one meeting file (after the file's name).
#[derive(Debug, Clone, Deserialize)]
struct Details {
    people: People,
    texts: Vec<CandidateText>,
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
            None => summary.texts.get(i),
            Some(_) => self.details()?.texts.get(i),
        }
        .map(|t| (t.what.as_str(), t.organisation.as_deref(), &t.who))
    }

    fn details(&self) -> Option<&Details> {
        let rest = self.rest.as_ref()?;
        let summary = self.summary.as_ref().ok()?;
        rest.got
            .get_or_init(|| {
                rest.file
                    .read(rest.span)
                    .and_then(|b| details_of(&b, rest.span, file_name(&self.path)?, summary))
                    .or_else(|| {
                        // Not usable: the meeting file itself, if it still says the same.
                        let m = crate::store::load(&self.path).ok()?;
                        let fresh = Summary::of(&m);
                        (fresh.candidates == summary.candidates).then_some(Details {
                            people: fresh.people,
                            texts: fresh.texts,
                        })
                    })
            })
            .as_ref()
    }
}

/// The name the index knows a file by; `None` for a name that is not UTF-8, which the
/// index does not hold (such a file is read each time).
fn file_name(path: &Path) -> Option<&str> {
    path.file_name()?.to_str()
}

impl DetailsFile {
    fn read(&self, span: Span) -> Option<Vec<u8>> {
        let mut file = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        file.seek(SeekFrom::Start(span.at)).ok()?;
        let mut bytes = vec![0; span.len as usize];
        file.read_exact(&mut bytes).ok()?;
        Some(bytes)
    }

    fn read_all(&self) -> Option<Vec<u8>> {
        let mut file = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut bytes = Vec::new();
        file.seek(SeekFrom::Start(0)).ok()?;
        file.read_to_end(&mut bytes).ok()?;
        Some(bytes)
    }
}

/// The bytes of `span` in the whole details file `all`, if they are there.
fn slice(all: &[u8], span: Span) -> Option<&[u8]> {
    let at = usize::try_from(span.at).ok()?;
    all.get(at..at.checked_add(span.len as usize)?)
}

/// A details entry, if its bytes are the ones the index names (`span`'s checksum), it is
/// `name`'s and it fits `summary`'s candidates.
fn details_of(bytes: &[u8], span: Span, name: &str, summary: &Summary) -> Option<Details> {
    if bytes.len() != span.len as usize || crc32fast::hash(bytes) != span.crc {
        return None;
    }
    let (of, rest) = postcard::take_from_bytes::<&str>(bytes).ok()?;
    if of != name {
        return None;
    }
    let (details, rest) = postcard::take_from_bytes::<Details>(rest).ok()?;
    (rest.is_empty() && details.texts.len() == summary.candidates.len()).then_some(details)
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

/// A date in the index: its year times 512 plus its day of the year, one number (read
/// back without the calendar arithmetic that a count of days needs).
#[derive(Clone, Copy)]
struct Day(NaiveDate);

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let ordinal = i32::try_from(self.0.ordinal()).unwrap_or(0);
        s.serialize_i32(self.0.year() * 512 + ordinal)
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Day, D::Error> {
        let n = i32::deserialize(d)?;
        let ordinal = u32::try_from(n.rem_euclid(512)).unwrap_or(0);
        NaiveDate::from_yo_opt(n.div_euclid(512), ordinal)
            .map(Day)
            .ok_or_else(|| serde::de::Error::custom("a date out of range"))
    }
}

/// A time of day in the index: seconds since midnight and nanoseconds.
#[derive(Clone, Copy)]
struct Clock(NaiveTime);

impl Serialize for Clock {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (self.0.num_seconds_from_midnight(), self.0.nanosecond()).serialize(s)
    }
}

impl<'de> Deserialize<'de> for Clock {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Clock, D::Error> {
        let (secs, nanos) = <(u32, u32)>::deserialize(d)?;
        NaiveTime::from_num_seconds_from_midnight_opt(secs, nanos)
            .map(Clock)
            .ok_or_else(|| serde::de::Error::custom("a time out of range"))
    }
}

/// `When`, its date as a `Day`.
#[derive(Serialize, Deserialize)]
enum Due {
    Always,
    ByUntil,
    BeforeToday,
    Before(Option<Day>),
}

impl From<When> for Due {
    fn from(w: When) -> Due {
        match w {
            When::Always => Due::Always,
            When::ByUntil => Due::ByUntil,
            When::BeforeToday => Due::BeforeToday,
            When::Before(d) => Due::Before(d.map(Day)),
        }
    }
}

impl Due {
    /// The condition as the follow-ups judge it. (A method of `Due`, not `From` for
    /// `When`: an impl of `followups`' type here would make `followups` depend on the
    /// index, a circle between the two modules.)
    fn when(self) -> When {
        match self {
            Due::Always => When::Always,
            Due::ByUntil => When::ByUntil,
            Due::BeforeToday => When::BeforeToday,
            Due::Before(d) => When::Before(d.map(|d| d.0)),
        }
    }
}

/// The candidates as the index holds them: kind, condition and date, no texts.
struct Candidates<'a>(&'a [Candidate]);

impl Serialize for Candidates<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(
            self.0
                .iter()
                .map(|c| (c.kind, Due::from(c.when), c.date.map(Day))),
        )
    }
}

/// `Candidates` read back into the summary's own.
struct Bare(Vec<Candidate>);

impl<'de> Deserialize<'de> for Bare {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Bare, D::Error> {
        struct Seq;
        impl<'de> Visitor<'de> for Seq {
            type Value = Bare;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("the candidates")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Bare, A::Error> {
                // The length is the file's word: allocate no more than a sane meeting has.
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
                while let Some((kind, due, date)) =
                    seq.next_element::<(Kind, Due, Option<Day>)>()?
                {
                    out.push(Candidate {
                        kind,
                        date: date.map(|d| d.0),
                        when: due.when(),
                    });
                }
                Ok(Bare(out))
            }
        }
        d.deserialize_seq(Seq)
    }
}

/// One file in the index: its name, size and time, what the start screen's rows need of
/// its summary (all but its people), its candidates without their texts (`C`) and where
/// its details are. Written with `&str` for `S`, read with `String`.
#[derive(Serialize, Deserialize)]
struct Row<S, C> {
    name: S,
    size: u64,
    /// Modification time, nanoseconds since the epoch.
    mtime: u128,
    id: S,
    title: S,
    date: Day,
    start: Option<Clock>,
    agenda: S,
    finalized: bool,
    case_ref: S,
    follow_up: Option<Day>,
    previous: Option<S>,
    invitation_sent: Option<Day>,
    convener: Option<S>,
    candidates: C,
    details: Span,
}

/// A file the index knows: its name, size and time, summary (without its details) and
/// where its details are.
struct Known {
    name: String,
    stamp: (u64, u128),
    summary: Summary,
    span: Span,
}

impl From<Row<String, Bare>> for Known {
    fn from(r: Row<String, Bare>) -> Known {
        Known {
            name: r.name,
            stamp: (r.size, r.mtime),
            summary: Summary {
                id: r.id,
                title: r.title,
                date: r.date.0,
                start: r.start.map(|c| c.0),
                agenda: r.agenda,
                finalized: r.finalized,
                case_ref: r.case_ref,
                follow_up: r.follow_up.map(|d| d.0),
                previous: r.previous,
                people: (Vec::new(), Vec::new()),
                candidates: r.candidates.0,
                texts: Vec::new(),
                invitation_sent: r.invitation_sent.map(|d| d.0),
                convener: r.convener,
            },
            span: r.details,
        }
    }
}

/// The index's rows read straight into what the look needs (`Known`), from an index of
/// this many bytes.
struct Rows(usize);

impl<'de> serde::de::DeserializeSeed<'de> for Rows {
    type Value = Vec<Known>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Vec<Known>, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Rows {
    type Value = Vec<Known>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("the index's rows")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Known>, A::Error> {
        // No row takes fewer than 16 bytes: no more room than the index can fill.
        let rows = seq.size_hint().unwrap_or(0).min(self.0 / 16);
        let mut out = Vec::with_capacity(rows);
        while let Some(row) = seq.next_element::<Row<String, Bare>>()? {
            out.push(Known::from(row));
        }
        Ok(out)
    }
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

/// The first line of a details file written with `stamp`.
fn details_header(stamp: &str) -> String {
    format!("samsyn index details {stamp}\n")
}

/// What the index of a directory gives: the files it knows, sorted by name, and its
/// details file, open.
struct Index {
    known: Vec<Known>,
    details: Arc<DetailsFile>,
}

/// Read the index of `dir` and open its details file; `None` when there is none that
/// can be used.
fn read_index(dir: &Path) -> Option<Index> {
    let bytes = crate::fsio::read_limited(&dir.join(INDEX_FILE), MAX_INDEX_BYTES)
        .ok()?
        .ok()?;
    let (crc, body) = bytes.strip_prefix(MAGIC)?.split_first_chunk::<4>()?;
    if u32::from_le_bytes(*crc) != crc32fast::hash(body) {
        return None;
    }
    let (version, body) = postcard::take_from_bytes::<&str>(body).ok()?;
    if version != VERSION {
        return None;
    }
    let (stamp, body) = postcard::take_from_bytes::<&str>(body).ok()?;
    let mut de = postcard::Deserializer::from_bytes(body);
    let known = serde::de::DeserializeSeed::deserialize(Rows(body.len()), &mut de).ok()?;
    if !de.finalize().ok()?.is_empty() {
        return None;
    }
    let mut file = crate::fsio::open_nofollow(&dir.join(DETAILS_FILE)).ok()?;
    let meta = file.metadata().ok()?;
    if !meta.is_file() || meta.len() > MAX_INDEX_BYTES {
        return None;
    }
    let header = details_header(stamp);
    let mut head = vec![0; header.len()];
    file.read_exact(&mut head).ok()?;
    (head == header.as_bytes()).then(|| Index {
        known,
        details: Arc::new(DetailsFile(Mutex::new(file))),
    })
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
    // The index is read and decoded on one core while the directory is listed and its
    // files looked up on the others.
    let (index, listed) = std::thread::scope(|scope| {
        let index = scope.spawn(|| read_index(dir));
        let listed = list(dir, read_dir);
        let index = index
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (index, listed)
    });
    let Listed {
        names,
        mut open_to_others,
        old_index,
    } = listed;
    let was_indexed = index.as_ref().map(|i| i.known.len());
    let (known, details_file) = match index {
        Some(i) => (i.known, Some(i.details)),
        None => (Vec::new(), None),
    };
    let mut known = known.into_iter().peekable();
    // The whole details file, when every entry is to be whole.
    let all_details = details_file
        .as_ref()
        .filter(|_| whole)
        .and_then(|f| f.read_all());
    let now = SystemTime::now();
    let mut entries: Vec<Entry> = Vec::with_capacity(names.len());
    // Each entry's size and time, when it goes into the index.
    let mut stamps: Vec<Option<(u64, u128)>> = Vec::with_capacity(names.len());
    let mut changed = details_file.is_none();
    // First what the index knows, then the other files read, on every core.
    let mut unknown: Vec<usize> = Vec::new();
    for (name, (stamp, open)) in names {
        let path = dir.join(&name);
        if open {
            open_to_others.push(path.clone());
        }
        // The index's entry for the file, if it has one (both are sorted by name).
        let name = name.as_encoded_bytes();
        while known.next_if(|k| k.name.as_bytes() < name).is_some() {}
        let row = known.next_if(|k| k.name.as_bytes() == name);
        let found = stamp.and_then(|stamp| {
            let file = details_file.as_ref()?;
            let Known {
                mut summary, span, ..
            } = row.filter(|k| k.stamp == stamp)?;
            if !whole {
                let rest = Rest {
                    file: file.clone(),
                    span,
                    got: OnceLock::new(),
                };
                return Some((summary, Some(rest)));
            }
            let bytes = slice(all_details.as_deref()?, span)?;
            let d = details_of(bytes, span, file_name(&path)?, &summary)?;
            summary.people = d.people;
            summary.texts = d.texts;
            Some((summary, None))
        });
        match found {
            Some((summary, rest)) => entries.push(Entry {
                path,
                summary: Ok(summary),
                rest,
            }),
            None => {
                unknown.push(entries.len());
                entries.push(Entry {
                    path,
                    summary: Err(String::new()),
                    rest: None,
                });
            }
        }
        stamps.push(stamp);
    }
    drop(known);
    let read = unknown.len();
    let summaries = read_all(unknown.iter().map(|&i| entries[i].path.as_path()).collect());
    let now = nanos(now);
    for (i, summary) in unknown.into_iter().zip(summaries) {
        let e = &mut entries[i];
        stamps[i] = stamps[i].filter(|(_, mtime)| {
            summary.is_ok()
                && now.saturating_sub(*mtime) >= SETTLE.as_nanos()
                && file_name(&e.path).is_some()
        });
        changed |= stamps[i].is_some();
        e.summary = summary;
    }
    // Files gone (or no longer readable) since the index was written.
    let indexed = stamps.iter().filter(|s| s.is_some()).count();
    changed |= was_indexed.is_some_and(|n| n != indexed);
    if write && changed {
        write_index(
            dir,
            &entries,
            &stamps,
            details_file.as_deref(),
            all_details.as_deref(),
        );
    } else if write && old_index {
        remove_old_index(dir);
    }
    open_to_others.sort_unstable();
    Scan {
        entries,
        read,
        open_to_others,
    }
}

/// A file's size and modification time (`Stat::of`), when it is a regular file, and
/// whether others can read it.
type LookedUp = (Option<(u64, u128)>, bool);

/// What the listing of the archive's directory found.
struct Listed {
    /// The meeting files, sorted by name (which in one directory is the order of their
    /// paths), each with its size and time (`Stat::of`) and whether others can read it.
    names: Vec<(OsString, LookedUp)>,
    /// The kept versions that others can read.
    open_to_others: Vec<PathBuf>,
    /// Whether the index of earlier versions is there (`OLD_INDEX_FILE`).
    old_index: bool,
}

/// List `dir` and look up its meeting files and kept versions, on every core.
fn list(dir: &Path, read_dir: std::fs::ReadDir) -> Listed {
    let mut names = Vec::new();
    let mut kept = Vec::new();
    let mut old_index = false;
    for name in read_dir.filter_map(|e| e.ok().map(|e| e.file_name())) {
        let as_path = Path::new(&name);
        if is_meeting_file(as_path) {
            names.push(name);
        } else if as_path.extension().is_some_and(|x| x == "ron") {
            kept.push(name);
        } else if name == OLD_INDEX_FILE {
            old_index = true;
        }
    }
    names.sort_unstable();
    let stat = Stat::new(dir);
    let looked_up = on_every_core(&names, 512, |name| stat.of(dir, name));
    let open_to_others = kept
        .into_iter()
        .filter(|name| stat.of(dir, name).1)
        .map(|name| dir.join(name))
        .collect();
    Listed {
        names: names.into_iter().zip(looked_up).collect(),
        open_to_others,
        old_index,
    }
}

/// `f` of every item, in their order, the items shared out in one run each among the
/// cores when there are at least `min` per core.
fn on_every_core<T: Sync, R: Send>(items: &[T], min: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = cores.min(items.len() / min.max(1)).max(1);
    if threads < 2 {
        return items.iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|scope| {
        let mut parts = items.chunks(chunk);
        let first = parts.next().unwrap_or_default();
        let others: Vec<_> = parts
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<R>>()))
            .collect();
        let mut out: Vec<R> = Vec::with_capacity(items.len());
        out.extend(first.iter().map(f));
        for h in others {
            out.extend(
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            );
        }
        out
    })
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
    fn of(&self, dir: &Path, name: &std::ffi::OsStr) -> LookedUp {
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

/// Write the details file, then the index naming it; then remove the index of earlier
/// versions. `all_details` is the old details file whole when the look read it.
fn write_index(
    dir: &Path,
    entries: &[Entry],
    stamps: &[Option<(u64, u128)>],
    old: Option<&DetailsFile>,
    all_details: Option<&[u8]>,
) {
    // The old details file whole, for the entries whose details were left in it.
    let read_now;
    let old_bytes = match all_details {
        Some(b) => Some(b),
        None if entries.iter().any(|e| e.rest.is_some()) => {
            read_now = old.and_then(DetailsFile::read_all);
            read_now.as_deref()
        }
        None => None,
    };
    let stamp = format!("{:x}-{:x}", nanos(SystemTime::now()), std::process::id());
    let mut details = details_header(&stamp).into_bytes();
    let mut rows: Vec<Row<&str, Candidates>> = Vec::with_capacity(entries.len());
    for (l, stamp) in entries.iter().zip(stamps) {
        let (Some((size, mtime)), Ok(summary), Some(name)) =
            (*stamp, l.summary.as_ref(), file_name(&l.path))
        else {
            continue;
        };
        let at = details.len();
        let copied = l.rest.as_ref().and_then(|rest| match rest.got.get() {
            // Read since the look (perhaps from the meeting file): written afresh.
            Some(Some(d)) => Some(put_details(&mut details, name, &d.people, &d.texts)),
            // Still in the old file: copied, if it is intact there.
            _ => {
                let bytes = slice(old_bytes?, rest.span)?;
                (crc32fast::hash(bytes) == rest.span.crc).then(|| {
                    details.extend_from_slice(bytes);
                    true
                })
            }
        });
        let written = match (&l.rest, copied) {
            (Some(_), Some(ok)) => ok,
            // Left in the old file but not to be had: the file is read next time.
            (Some(_), None) => false,
            (None, _) => put_details(&mut details, name, &summary.people, &summary.texts),
        };
        let len = u32::try_from(details.len() - at);
        let (true, Ok(len)) = (written, len) else {
            details.truncate(at);
            continue;
        };
        rows.push(Row {
            name,
            size,
            mtime,
            id: &summary.id,
            title: &summary.title,
            date: Day(summary.date),
            start: summary.start.map(Clock),
            agenda: &summary.agenda,
            finalized: summary.finalized,
            case_ref: &summary.case_ref,
            follow_up: summary.follow_up.map(Day),
            previous: summary.previous.as_deref(),
            invitation_sent: summary.invitation_sent.map(Day),
            convener: summary.convener.as_deref(),
            candidates: Candidates(&summary.candidates),
            details: Span {
                at: at as u64,
                len,
                crc: crc32fast::hash(&details[at..]),
            },
        });
    }
    let mut index = MAGIC.to_vec();
    index.extend_from_slice(&[0; 4]);
    let Ok(mut index) = postcard::to_extend(&(VERSION, stamp.as_str(), &rows), index) else {
        return;
    };
    let crc = crc32fast::hash(&index[MAGIC.len() + 4..]);
    index[MAGIC.len()..MAGIC.len() + 4].copy_from_slice(&crc.to_le_bytes());
    if crate::fsio::write_private(&dir.join(DETAILS_FILE), &details).is_ok()
        && crate::fsio::write_private(&dir.join(INDEX_FILE), &index).is_ok()
    {
        remove_old_index(dir);
    }
}

/// Append one file's details entry (its name, people and texts) to `out`; false when it
/// cannot be written.
fn put_details(out: &mut Vec<u8>, name: &str, people: &People, texts: &[CandidateText]) -> bool {
    postcard::to_allocvec(&(name, people, texts))
        .map(|bytes| out.extend_from_slice(&bytes))
        .is_ok()
}

/// Remove the index of earlier versions (`OLD_INDEX_FILE`) when it is a file (a link in
/// its place is left as it is, like any link samsyn did not make).
fn remove_old_index(dir: &Path) {
    let old = dir.join(OLD_INDEX_FILE);
    if std::fs::symlink_metadata(&old).is_ok_and(|m| m.is_file()) {
        let _ = std::fs::remove_file(&old);
    }
}

/// Read and summarize `paths`, in their order, on several threads per core
/// (`READERS_PER_CORE`), each taking the next file not yet taken.
fn read_all(paths: Vec<&Path>) -> Vec<Result<Summary, String>> {
    let one = |p: &Path| {
        crate::store::load(p)
            .map(|m| Summary::of(&m))
            .map_err(|e| e.to_string())
    };
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = (cores * READERS_PER_CORE).min(paths.len() / 4);
    if threads < 2 {
        return paths.into_iter().map(one).collect();
    }
    let next = AtomicUsize::new(0);
    let done: Vec<Vec<(usize, Result<Summary, String>)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut out = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(p) = paths.get(i) else {
                            return out;
                        };
                        out.push((i, one(p)));
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    let mut out: Vec<Option<Result<Summary, String>>> = (0..paths.len()).map(|_| None).collect();
    for (i, r) in done.into_iter().flatten() {
        out[i] = Some(r);
    }
    out.into_iter()
        .map(|r| r.unwrap_or_else(|| Err(String::new())))
        .collect()
}

/// The follow-up already started from meeting `id`, if one is in the archive.
pub fn follow_up_of<'e>(entries: &'e [Entry], id: &str) -> Option<&'e Entry> {
    entries.iter().find(|e| {
        e.summary
            .as_ref()
            .is_ok_and(|s| s.previous.as_deref() == Some(id))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_date_and_time_the_index_holds_reads_back_the_same() {
        let mut d = NaiveDate::from_ymd_opt(1899, 1, 1).unwrap();
        let last = NaiveDate::from_ymd_opt(2201, 1, 1).unwrap();
        let far = [
            NaiveDate::MIN,
            NaiveDate::MAX,
            NaiveDate::from_ymd_opt(-1, 12, 31).unwrap(),
        ];
        let mut dates: Vec<NaiveDate> = far.to_vec();
        while d <= last {
            dates.push(d);
            d = d.succ_opt().unwrap();
        }
        for d in dates {
            let bytes = postcard::to_allocvec(&Day(d)).unwrap();
            assert_eq!(postcard::from_bytes::<Day>(&bytes).unwrap().0, d);
        }
        for t in [
            NaiveTime::MIN,
            NaiveTime::from_hms_opt(9, 30, 0).unwrap(),
            NaiveTime::from_hms_nano_opt(23, 59, 59, 1_999_999_999).unwrap(),
        ] {
            let bytes = postcard::to_allocvec(&Clock(t)).unwrap();
            assert_eq!(postcard::from_bytes::<Clock>(&bytes).unwrap().0, t);
        }
    }
}

//! The archive's index (`samsyn::archive`): a file that changed is read again (same size
//! and a new time, or a new size), a deleted file leaves it, a corrupt index is rebuilt,
//! a symbolic link in its place is neither read nor written through, and what the start
//! screen and `samsyn followups` show over the index is what they show over the files.

#[path = "../../benches/support/mod.rs"]
#[allow(unused_imports)]
mod support;

use samsyn::archive::{DETAILS_FILE, INDEX_FILE, Scan, scan, scan_lazy, scan_with};
use samsyn::i18n::Lang;
use samsyn::meeting::Meeting;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// A time well before the index's settling time, so the file is indexed.
fn long_ago(secs: u64) -> SystemTime {
    SystemTime::now() - Duration::from_secs(3600 + secs)
}

fn set_mtime(path: &Path, t: SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(t)
        .unwrap();
}

fn write(path: &Path, m: &Meeting, t: SystemTime) {
    std::fs::write(path, samsyn::store::to_ron(m)).unwrap();
    set_mtime(path, t);
}

/// An archive of the three examples, each modified an hour ago, indexed.
fn archive() -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    let paths: Vec<PathBuf> = crate::common::examples()
        .into_iter()
        .map(|(name, m)| {
            let path = dir.path().join(format!("{name}.ron"));
            write(&path, &m, long_ago(0));
            path
        })
        .collect();
    let first = scan(dir.path());
    assert_eq!(first.read, 3, "no index yet: every file is read");
    assert!(dir.path().join(INDEX_FILE).is_file());
    assert!(dir.path().join(DETAILS_FILE).is_file());
    assert_eq!(scan(dir.path()).read, 0, "nothing changed: nothing is read");
    (dir, paths)
}

fn title(s: &Scan, path: &Path) -> String {
    let e = s.entries.iter().find(|e| e.path == path).expect("listed");
    e.summary.as_ref().expect("readable").title.clone()
}

#[test]
fn a_file_changed_to_the_same_size_with_a_new_time_is_read_again() {
    let (dir, paths) = archive();
    let mut m = samsyn::store::load(&paths[1]).unwrap();
    let before = std::fs::metadata(&paths[1]).unwrap().len();
    // The same number of bytes: one letter of the title changed.
    let mut chars: Vec<char> = m.title.chars().collect();
    chars[0] = if chars[0] == 'X' { 'Y' } else { 'X' };
    m.title = chars.into_iter().collect();
    write(&paths[1], &m, long_ago(60));
    assert_eq!(std::fs::metadata(&paths[1]).unwrap().len(), before);
    let s = scan(dir.path());
    assert_eq!(s.read, 1);
    assert_eq!(title(&s, &paths[1]), m.title);
    assert_eq!(scan(dir.path()).read, 0, "the index holds the change");
}

#[test]
fn a_file_of_a_new_size_is_read_again_even_with_its_old_time() {
    let (dir, paths) = archive();
    let mut m = samsyn::store::load(&paths[0]).unwrap();
    m.title.push_str(" (längre titel)");
    write(&paths[0], &m, long_ago(0));
    let s = scan(dir.path());
    assert_eq!(s.read, 1);
    assert_eq!(title(&s, &paths[0]), m.title);
}

#[test]
fn a_file_changed_just_now_is_read_each_time_until_it_settles() {
    let (dir, paths) = archive();
    let mut m = samsyn::store::load(&paths[2]).unwrap();
    m.title = "Ändrad nyss".into();
    std::fs::write(&paths[2], samsyn::store::to_ron(&m)).unwrap();
    for _ in 0..2 {
        let s = scan(dir.path());
        assert_eq!(s.read, 1);
        assert_eq!(title(&s, &paths[2]), m.title);
    }
}

#[test]
fn a_deleted_file_leaves_the_start_screen_and_the_index() {
    let (dir, paths) = archive();
    std::fs::remove_file(&paths[0]).unwrap();
    let s = scan(dir.path());
    assert_eq!(s.entries.len(), 2);
    assert!(s.entries.iter().all(|e| e.path != paths[0]));
    // A new file of that name is read, not taken from an old entry.
    let mut m = samsyn::store::load(&paths[1]).unwrap();
    m.title = "En annan fil med samma namn".into();
    write(&paths[0], &m, long_ago(0));
    let s = scan(dir.path());
    assert_eq!(s.read, 1);
    assert_eq!(title(&s, &paths[0]), m.title);
}

/// `index` with its version (the text after the magic line and the checksum) changed
/// and its checksum made right again: an index another version of samsyn wrote.
fn other_version(index: &[u8]) -> Vec<u8> {
    let magic = b"samsyn index\n".len();
    assert!(index.starts_with(b"samsyn index\n"));
    let mut other = index.to_vec();
    // The version's first character, after its one-byte length.
    other[magic + 4 + 1] ^= 1;
    let crc = crc32fast::hash(&other[magic + 4..]);
    other[magic..magic + 4].copy_from_slice(&crc.to_le_bytes());
    other
}

#[test]
fn a_corrupt_index_or_one_of_another_version_is_rebuilt_never_an_error() {
    let (dir, paths) = archive();
    let index = dir.path().join(INDEX_FILE);
    let whole = scan_with(dir.path(), false);
    let good = std::fs::read(&index).unwrap();
    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x20;
    for (what, garbage) in [
        ("JSON", b"{\"version\": \"1".to_vec()),
        ("text", b"not an index at all".to_vec()),
        ("empty", Vec::new()),
        ("binary", b"\xff\xfe\x00".to_vec()),
        ("the magic line alone", b"samsyn index\n".to_vec()),
        ("cut short", good[..good.len() - 7].to_vec()),
        ("one byte changed", flipped),
        ("another version", other_version(&good)),
    ] {
        std::fs::write(&index, &garbage).unwrap();
        let s = scan(dir.path());
        assert_eq!(s.read, paths.len(), "{what}: every file is read");
        assert_eq!(s.entries, whole.entries, "{what}");
        assert_eq!(scan(dir.path()).read, 0, "{what}: the index is rebuilt");
    }
    // An index that lies about a file (its summary changed, its size and time kept) is
    // believed only while the file's size and time match: see the tests above.
    std::fs::remove_file(&index).unwrap();
    assert_eq!(scan(dir.path()).read, paths.len());
}

#[test]
fn a_corrupt_or_missing_details_file_is_rebuilt_never_an_error() {
    let (dir, paths) = archive();
    let details = dir.path().join(DETAILS_FILE);
    let whole = scan_with(dir.path(), false);
    let good = std::fs::read(&details).unwrap();
    // Its first line names the index's stamp; after it, one entry per file.
    let first = good.iter().position(|&b| b == b'\n').unwrap() + 1;
    let mut other_stamp = good.clone();
    other_stamp[first - 2] ^= 1;
    let mut scrambled = good.clone();
    for b in &mut scrambled[first..] {
        if b.is_ascii_lowercase() {
            *b = b'x';
        }
    }
    // Another archive's details under this one's stamp: the same file names, each
    // holding another meeting.
    let other = tempfile::tempdir().unwrap();
    for (i, path) in paths.iter().enumerate() {
        let m = samsyn::store::load(&paths[(i + 1) % paths.len()]).unwrap();
        write(
            &other.path().join(path.file_name().unwrap()),
            &m,
            long_ago(0),
        );
    }
    scan(other.path());
    let theirs = std::fs::read(other.path().join(DETAILS_FILE)).unwrap();
    let mut foreign = good[..first].to_vec();
    foreign.extend(&theirs[theirs.iter().position(|&b| b == b'\n').unwrap() + 1..]);
    for (what, bytes, all_read) in [
        ("another stamp", other_stamp, true),
        ("empty", Vec::new(), true),
        ("garbage", b"\xff\xfe\x00 not an index".to_vec(), true),
        // The stamp is right but the entries are not the files': read from the files.
        ("scrambled", scrambled, false),
        ("another archive's", foreign, false),
    ] {
        std::fs::write(&details, &bytes).unwrap();
        let lazy = scan_lazy(dir.path());
        for (l, w) in lazy.entries.iter().zip(&whole.entries) {
            let s = w.summary.as_ref().unwrap();
            assert_eq!(l.people(), Some(&s.people), "{what}");
            assert_eq!(s.texts.len(), s.candidates.len());
            for (i, t) in s.texts.iter().enumerate() {
                assert_eq!(
                    l.text(i),
                    Some((t.what.as_str(), t.organisation.as_deref(), &t.who)),
                    "{what}"
                );
            }
        }
        std::fs::write(&details, &bytes).unwrap();
        let s = scan(dir.path());
        if all_read {
            assert_eq!(s.read, paths.len(), "{what}: every file is read");
        }
        assert_eq!(s.entries, whole.entries, "{what}");
        assert_eq!(scan(dir.path()).read, 0, "{what}: the index is rebuilt");
    }
    std::fs::remove_file(&details).unwrap();
    assert_eq!(scan(dir.path()).read, paths.len());
    assert_eq!(scan(dir.path()).read, 0);
}

#[test]
fn the_index_of_earlier_versions_is_removed_when_the_new_one_is_written() {
    let old = |dir: &Path| dir.join(samsyn::archive::OLD_INDEX_FILE);
    // An archive last looked at by a version that kept its index in JSON.
    let (dir, paths) = archive();
    std::fs::remove_file(dir.path().join(INDEX_FILE)).unwrap();
    std::fs::write(old(dir.path()), b"{\"version\":\"3 0.1.0\",\"files\":[]}").unwrap();
    let s = scan_lazy(dir.path());
    assert_eq!(s.read, paths.len());
    assert!(dir.path().join(INDEX_FILE).is_file());
    assert!(!old(dir.path()).exists(), "the old index is gone");
    // Put back beside an index that needs no writing: still removed.
    std::fs::write(old(dir.path()), b"{}").unwrap();
    assert_eq!(scan(dir.path()).read, 0);
    assert!(!old(dir.path()).exists(), "the old index is gone");
    // A look that must not change the archive leaves it.
    std::fs::write(old(dir.path()), b"{}").unwrap();
    assert_eq!(scan_with(dir.path(), false).read, 0);
    assert!(old(dir.path()).exists());
    #[cfg(unix)]
    {
        // A link in its place is not samsyn's: left as it is, and what it points to too.
        std::fs::remove_file(old(dir.path())).unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        let target = elsewhere.path().join("kept.json");
        std::fs::write(&target, b"{}").unwrap();
        std::os::unix::fs::symlink(&target, old(dir.path())).unwrap();
        std::fs::remove_file(dir.path().join(INDEX_FILE)).unwrap();
        assert_eq!(scan(dir.path()).read, paths.len());
        assert!(samsyn::fsio::is_link(&old(dir.path())));
        assert_eq!(std::fs::read(&target).unwrap(), b"{}");
    }
}

#[test]
fn the_start_screens_look_leaves_the_texts_in_the_details_file_and_gives_them_when_asked() {
    let dir = generated(30);
    let whole = scan_with(dir.path(), false);
    scan(dir.path());
    let lazy = scan_lazy(dir.path());
    assert_eq!(lazy.read, 0);
    for (l, w) in lazy.entries.iter().zip(&whole.entries) {
        let (ls, ws) = (l.summary.as_ref().unwrap(), w.summary.as_ref().unwrap());
        assert_eq!(
            (ls.id.as_str(), &ls.title, ls.date),
            (ws.id.as_str(), &ws.title, ws.date)
        );
        assert!(
            ls.people.0.is_empty() && ls.people.1.is_empty() && ls.texts.is_empty(),
            "not read yet"
        );
        assert_eq!(l.people(), Some(&ws.people));
        assert_eq!(ls.candidates, ws.candidates);
        for (i, wt) in ws.texts.iter().enumerate() {
            assert_eq!(
                l.text(i),
                Some((wt.what.as_str(), wt.organisation.as_deref(), &wt.who))
            );
        }
    }
    // A look that changes the index keeps the texts it did not read.
    let first = &whole.entries[0].path;
    let m = samsyn::store::load(first).unwrap();
    write(first, &m, long_ago(90));
    assert_eq!(scan_lazy(dir.path()).read, 1);
    let again = scan(dir.path());
    assert_eq!(again.read, 0);
    assert_eq!(again.entries, whole.entries);
}

#[cfg(unix)]
#[test]
fn a_details_file_that_is_a_symbolic_link_is_neither_read_nor_written_through() {
    let (dir, paths) = archive();
    let details = dir.path().join(DETAILS_FILE);
    let elsewhere = tempfile::tempdir().unwrap();
    let target = elsewhere.path().join("target");
    // The link points at this very archive's details file: still not read.
    std::fs::rename(&details, &target).unwrap();
    let before = std::fs::read(&target).unwrap();
    std::os::unix::fs::symlink(&target, &details).unwrap();
    for _ in 0..2 {
        let s = scan(dir.path());
        assert_eq!(s.read, paths.len(), "the link is not read");
        assert_eq!(s.entries.len(), paths.len());
    }
    assert!(samsyn::fsio::is_link(&details), "the link is left as it is");
    assert_eq!(
        std::fs::read(&target).unwrap(),
        before,
        "not written through"
    );
}

#[cfg(unix)]
#[test]
fn an_index_that_is_a_symbolic_link_is_neither_read_nor_written_through() {
    let (dir, paths) = archive();
    let index = dir.path().join(INDEX_FILE);
    let elsewhere = tempfile::tempdir().unwrap();
    let target = elsewhere.path().join("target");
    // The link points at a valid index of this very archive: still not read.
    std::fs::rename(&index, &target).unwrap();
    let before = std::fs::read(&target).unwrap();
    std::os::unix::fs::symlink(&target, &index).unwrap();
    for _ in 0..2 {
        let s = scan(dir.path());
        assert_eq!(s.read, paths.len(), "the link is not read");
        assert_eq!(s.entries.len(), paths.len());
    }
    assert!(samsyn::fsio::is_link(&index), "the link is left as it is");
    assert_eq!(
        std::fs::read(&target).unwrap(),
        before,
        "not written through"
    );
}

#[cfg(unix)]
#[test]
fn the_index_is_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, _) = archive();
    for file in [INDEX_FILE, DETAILS_FILE] {
        let mode = std::fs::metadata(dir.path().join(file))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{file}");
    }
}

#[test]
fn an_unreadable_file_is_listed_with_its_error_and_read_each_time() {
    let (dir, paths) = archive();
    std::fs::write(&paths[1], "(format: 2, this is not a meeting").unwrap();
    set_mtime(&paths[1], long_ago(0));
    for _ in 0..2 {
        let s = scan(dir.path());
        assert_eq!(s.read, 1);
        let e = s.entries.iter().find(|e| e.path == paths[1]).unwrap();
        assert_eq!(
            e.summary.as_ref().unwrap_err(),
            &samsyn::store::load(&paths[1]).unwrap_err().to_string(),
            "the message loading it gives"
        );
    }
}

#[test]
fn among_many_files_read_at_once_each_keeps_its_own_summary_or_error() {
    let dir = generated(60);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for (i, path) in paths.iter().enumerate().filter(|(i, _)| i % 7 == 3) {
        let text = match i % 3 {
            0 => "(format: 2, this is not a meeting".to_string(),
            1 => String::from_utf8_lossy(&std::fs::read(path).unwrap())
                .replacen("date:", "datum:", 1),
            _ => "\u{feff}nothing".to_string(),
        };
        std::fs::write(path, text).unwrap();
        set_mtime(path, long_ago(0));
    }
    for s in [scan_with(dir.path(), false), scan_lazy(dir.path())] {
        assert_eq!(s.read, paths.len());
        let listed: Vec<&PathBuf> = s.entries.iter().map(|e| &e.path).collect();
        assert_eq!(listed, paths.iter().collect::<Vec<_>>());
        for e in &s.entries {
            match samsyn::store::load(&e.path) {
                Ok(m) => assert_eq!(
                    e.summary.as_ref().unwrap(),
                    &samsyn::followups::Summary::of(&m)
                ),
                Err(err) => assert_eq!(e.summary.as_ref().unwrap_err(), &err.to_string()),
            }
        }
    }
}

/// An archive generated as the benchmarks do, its files an hour old.
fn generated(count: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    support::write_archive(dir.path(), count);
    for e in std::fs::read_dir(dir.path()).unwrap() {
        set_mtime(&e.unwrap().path(), long_ago(0));
    }
    dir
}

#[test]
fn the_index_gives_what_the_files_give() {
    let dir = generated(30);
    let from_files = scan_with(dir.path(), false);
    assert_eq!(from_files.read, 30);
    scan(dir.path());
    let from_index = scan(dir.path());
    assert_eq!(from_index.read, 0);
    assert_eq!(from_index.entries, from_files.entries);
    // And the summaries are the meetings' own.
    for e in &from_index.entries {
        let m = samsyn::store::load(&e.path).unwrap();
        assert_eq!(
            e.summary.as_ref().unwrap(),
            &samsyn::followups::Summary::of(&m)
        );
    }
}

#[test]
fn followups_over_the_index_are_followups_over_the_files() {
    let dir = generated(30);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    let until = today + chrono::Days::new(28);
    let (entries, errors) = samsyn::followups::scan(dir.path());
    assert!(errors.is_empty());
    let mut from_files = samsyn::followups::due(&entries, today, until, Lang::Sv);
    scan(dir.path());
    let indexed = scan(dir.path());
    assert_eq!(indexed.read, 0);
    let summaries = indexed
        .entries
        .iter()
        .map(|e| (e.path.as_path(), e.summary.as_ref().unwrap()));
    let mut from_index = samsyn::followups::due_in(summaries.clone(), today, until, Lang::Sv);
    assert!(
        !from_index.is_empty(),
        "the generated archive has things due"
    );
    let agendas = samsyn::agenda::Catalogue::builtin();
    from_files.extend(samsyn::followups::invitations(
        entries.iter().map(|e| (e.path.as_path(), &e.meeting)),
        today,
        until,
        &agendas,
    ));
    from_index.extend(samsyn::followups::invitations_in(
        summaries, today, until, &agendas,
    ));
    assert_eq!(from_index, from_files);
}

#[test]
fn the_start_screen_over_the_index_shows_what_it_shows_over_the_files() {
    let dir = generated(40);
    let screen = |mask: bool, down: usize| {
        let opts = samsyn::tui::Options {
            lang: Lang::Sv,
            theme: samsyn::tui::theme::ThemeName::Default,
            dir: Some(dir.path().to_path_buf()),
            begin: samsyn::tui::Begin::Start,
        };
        let mut app = samsyn::tui::prepare(&opts, crate::common::screen::now()).unwrap();
        app.mask = mask;
        for _ in 0..down {
            crate::common::screen::key(&mut app, crossterm::event::KeyCode::Down);
        }
        crate::common::screen::draw(&mut app, 100, 30)
    };
    for (mask, down) in [(false, 0), (true, 0), (false, 25), (true, 39)] {
        let _ = std::fs::remove_file(dir.path().join(INDEX_FILE));
        let from_files = screen(mask, down);
        assert!(dir.path().join(INDEX_FILE).is_file());
        let from_index = screen(mask, down);
        assert_eq!(from_index, from_files, "mask {mask}, {down} down");
    }
}

//! Owner-only files whatever the umask: with the umask opened wide (000), everything
//! samsyn writes about a child — meeting files, kept revisions, the lock file, exports
//! through `write_private`, the archive directory — is still 0600/0700; and an archive
//! that others can open is reported.
#![cfg(unix)]

use crate::common::fixtures;

use samsyn::i18n::Lang;
use samsyn::store::{self, MeetingLock};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// Every test in this binary runs with umask 000. The umask belongs to the process, so
/// these tests live in their own test binary, and all of them want the same value.
fn permissive_umask() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    // SAFETY: umask only changes the process's file-creation mask.
    ONCE.call_once(|| unsafe {
        libc::umask(0o000);
    });
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn the_umask_really_is_permissive_here() {
    // Guards the other tests: a plain file created here is world-readable.
    permissive_umask();
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("plain.txt");
    std::fs::write(&plain, "x").unwrap();
    assert_eq!(mode(&plain), 0o666);
}

#[test]
fn a_new_archive_and_meeting_are_owner_only() {
    permissive_umask();
    let root = tempfile::tempdir().unwrap();
    let archive = root.path().join("data/samsyn/meetings");
    let path = store::save_new(&archive, &fixtures::meeting()).unwrap();
    assert_eq!(mode(&archive), 0o700, "archive directory");
    assert_eq!(
        mode(&root.path().join("data/samsyn")),
        0o700,
        "created parent"
    );
    assert_eq!(mode(&path), 0o600, "meeting file");
    // And saving again keeps it so.
    store::save(&path, &fixtures::meeting()).unwrap();
    assert_eq!(mode(&path), 0o600, "meeting file after a second save");
    assert!(store::archive_warning(&archive).is_none());
}

#[test]
fn saving_over_a_world_readable_meeting_makes_it_owner_only() {
    permissive_umask();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.ron");
    std::fs::write(&path, store::to_ron(&fixtures::meeting())).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    store::save(&path, &fixtures::meeting()).unwrap();
    assert_eq!(mode(&path), 0o600);
}

#[test]
fn amending_keeps_the_finalized_version_owner_only() {
    permissive_umask();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.ron");
    let mut m = fixtures::finalized();
    store::save(&path, &m).unwrap();
    let kept = store::amend(
        &path,
        &mut m,
        "Fel datum för uppföljningen",
        "Karin Holm",
        fixtures::at("2026-12-04T09:00:00"),
    )
    .unwrap();
    assert_eq!(kept, dir.path().join("m.rev1.ron"));
    assert_eq!(mode(&kept), 0o600, "kept revision");
    assert_eq!(mode(&path), 0o600, "amended meeting");
    // The kept version is the finalized one, still matching its stamp.
    assert_eq!(store::load(&kept).unwrap().stamp_matches(), Some(true));
}

#[test]
fn exports_and_lock_files_are_owner_only() {
    permissive_umask();
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("protokoll.md");
    store::write_private(&export, "# Protokoll\n".as_bytes()).unwrap();
    assert_eq!(mode(&export), 0o600, "export");
    let lock = MeetingLock::acquire(&dir.path().join("m.ron")).unwrap();
    assert_eq!(mode(lock.path()), 0o600, "lock file");
}

#[test]
fn an_archive_others_can_open_is_warned_about() {
    permissive_umask();
    let root = tempfile::tempdir().unwrap();
    let archive = root.path().join("meetings");
    std::fs::create_dir(&archive).unwrap();
    assert_eq!(mode(&archive), 0o777, "made by something else, umask 000");

    let warning = store::archive_warning(&archive).expect("a 777 archive is reported");
    assert_eq!(warning.dir_mode, Some(0o777));
    assert!(warning.open_files.is_empty());
    let sv = warning.message(Lang::Sv);
    assert!(sv.contains("kan öppnas av andra användare"), "{sv}");
    assert!(
        sv.contains(&format!("chmod 700 {}", archive.display())),
        "{sv}"
    );

    // Group-readable only is still too open.
    std::fs::set_permissions(&archive, std::fs::Permissions::from_mode(0o750)).unwrap();
    assert_eq!(
        store::archive_warning(&archive).unwrap().dir_mode,
        Some(0o750)
    );

    // A private folder with a world-readable meeting copied into it.
    std::fs::set_permissions(&archive, std::fs::Permissions::from_mode(0o700)).unwrap();
    assert!(store::archive_warning(&archive).is_none());
    let copied = archive.join("kopierad.ron");
    std::fs::write(&copied, "x").unwrap();
    let warning = store::archive_warning(&archive).expect("a readable meeting is reported");
    assert_eq!(warning.dir_mode, None);
    assert_eq!(warning.open_files, vec![copied.clone()]);
    assert!(warning.message(Lang::En).contains("1 meeting file(s)"));

    // Fixed by the owner: no warning.
    std::fs::set_permissions(&copied, std::fs::Permissions::from_mode(0o600)).unwrap();
    assert!(store::archive_warning(&archive).is_none());
}

#[test]
fn a_missing_archive_is_not_a_warning() {
    permissive_umask();
    let root = tempfile::tempdir().unwrap();
    assert!(store::archive_warning(&root.path().join("not-yet")).is_none());
}

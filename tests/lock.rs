//! One writer per meeting, across processes: while another process holds a meeting's
//! lock, taking it fails with a reason naming that process; when the process is killed
//! (as in a crash), the OS releases the lock and the meeting can be locked again.
//! `samsyn check` reads the meeting regardless.

mod common;
use common::fixtures;

use samsyn::store::{self, Locked, MeetingLock};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::Duration;

/// Set in the helper process to the meeting it must lock.
const HOLD_ENV: &str = "SAMSYN_TEST_HOLD_LOCK";

/// The helper process: this test binary started again, running only this test, which
/// takes the lock, says so, and holds it until it is killed or its stdin closes.
#[test]
#[ignore = "helper process for another_process_holding_the_lock_keeps_us_out; started by it"]
fn lock_holder_process() {
    let Some(meeting) = std::env::var_os(HOLD_ENV) else {
        return;
    };
    let _lock = MeetingLock::acquire(Path::new(&meeting)).expect("helper takes the lock");
    let mut out = std::io::stdout();
    writeln!(out, "LOCKED {}", std::process::id()).unwrap();
    out.flush().unwrap();
    // Blocks until the parent closes our stdin (it normally kills us first).
    let _ = std::io::stdin().read(&mut [0u8; 1]);
}

/// Start the helper and wait until it holds the lock; returns the child and its pid.
fn spawn_holder(meeting: &Path) -> (Child, u32) {
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "lock_holder_process",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(HOLD_ENV, meeting)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start the helper process");
    // libtest prints "test lock_holder_process ... " before our line, so search in it.
    // A reader thread with a generous timeout guards against a hang, not for speed.
    let stdout = BufReader::new(child.stdout.take().unwrap());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in stdout.lines().map_while(Result::ok) {
            if let Some(at) = line.find("LOCKED ") {
                let _ = tx.send(line[at + 7..].trim().parse::<u32>().ok());
            }
        }
    });
    match rx.recv_timeout(Duration::from_secs(60)) {
        Ok(Some(pid)) => (child, pid),
        other => {
            let _ = child.kill();
            let status = child.wait().unwrap();
            panic!("the helper process did not take the lock ({other:?}, {status})");
        }
    }
}

#[test]
fn another_process_holding_the_lock_keeps_us_out() {
    let dir = tempfile::tempdir().unwrap();
    let meeting = dir.path().join("2026-12-03-provsip-x.ron");
    let saved = fixtures::meeting();
    store::save(&meeting, &saved).unwrap();

    let (mut holder, pid) = spawn_holder(&meeting);

    let refused = MeetingLock::acquire(&meeting).expect_err("the lock is held by the helper");
    match &refused {
        Locked::HeldByAnother { holder, .. } => {
            let holder = holder.as_deref().expect("the lock file names its holder");
            assert!(holder.starts_with(&format!("{pid} ")), "{holder}");
        }
        other => panic!("expected HeldByAnother, got {other:?}"),
    }
    let banner = refused.message(samsyn::i18n::Lang::Sv);
    assert!(banner.starts_with("Skrivskyddat"), "{banner}");
    assert!(banner.contains(&format!("process {pid}")), "{banner}");

    // Reading needs no lock: check still reads and judges the meeting.
    let agenda = fixtures::write_agenda(dir.path());
    common::samsyn_bare()
        .args(["--lang", "en", "check"])
        .arg(&agenda)
        .arg(&meeting)
        .assert()
        .success()
        .stdout(predicates::str::contains("ready to finalize"));

    // A crash: SIGKILL, no destructor runs. The OS must release the lock.
    holder.kill().unwrap();
    holder.wait().unwrap();
    let lock = MeetingLock::acquire(&meeting).expect("the lock is free after the holder died");
    // The meeting itself is untouched by all of this.
    assert_eq!(store::load(&meeting).unwrap(), saved);
    drop(lock);
}

use common::pty as support;

/// The real program, twice, in two pseudo-terminals: the second window on the same
/// meeting shows the read-only banner naming the first one's process; after the first is
/// killed (a crash), a new window may edit.
#[test]
fn two_samsyn_windows_on_one_meeting() {
    let root = tempfile::tempdir().unwrap();
    let archive = root.path().join("arkiv");
    store::create_private_dir(&archive).unwrap();
    let meeting = archive.join("2026-12-03-sip-x.ron");
    let mut m = fixtures::meeting();
    m.agenda.id = "sip".into();
    m.title = "Tvåfönstermötet".into();
    store::save(&meeting, &m).unwrap();
    let env = [
        ("SAMSYN_DIR", archive.as_path()),
        ("XDG_CONFIG_HOME", root.path()),
        ("XDG_DATA_HOME", root.path()),
        ("HOME", root.path()),
    ];
    let open = |lang: &str| {
        support::Session::spawn(
            &["--lang", lang, "open", meeting.to_str().unwrap()],
            &env,
            120,
            40,
        )
    };

    let mut first = open("en");
    first.wait_for("Tvåfönstermötet");
    assert!(!first.screen().contains("Read-only"), "{}", first.screen());

    let mut second = open("en");
    second.wait_for("already open in another samsyn window");
    second.wait_for(&format!("process {}", first.pid()));

    first.sigkill();
    second.sigkill();
    let third = open("sv");
    third.wait_for("Tvåfönstermötet");
    assert!(
        !third.screen().contains("Skrivskyddat"),
        "the lock outlived its process:\n{}",
        third.screen()
    );
}

/// Two processes, one through a symbolic link to the meeting: the link and the file it
/// points to share one lock (the lock is the real file's), so the second is kept out.
#[cfg(unix)]
#[test]
fn a_link_to_the_meeting_is_the_same_meeting_across_processes() {
    let dir = tempfile::tempdir().unwrap();
    let meeting = dir.path().join("2026-12-03-provsip-x.ron");
    store::save(&meeting, &fixtures::meeting()).unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let link = elsewhere.path().join("genväg.ron");
    std::os::unix::fs::symlink(&meeting, &link).unwrap();

    let (mut holder, pid) = spawn_holder(&link);
    match MeetingLock::acquire(&meeting) {
        Err(Locked::HeldByAnother { holder, .. }) => {
            assert!(holder.unwrap_or_default().starts_with(&format!("{pid} ")));
        }
        other => panic!("the real file must be locked by the link's holder: {other:?}"),
    }
    holder.kill().unwrap();
    holder.wait().unwrap();
}

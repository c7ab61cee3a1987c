//! Kill the real program with SIGKILL at random moments during a scripted meeting and
//! check after every kill that nothing committed was lost: the meeting file loads, passes
//! `samsyn check`'s format check, and holds every participant the screen had confirmed.
//!
//! `SAMSYN_CRASH_KILLS` sets the number of kills (default 50; `SAMSYN_CRASH_KILLS=1000
//! cargo test --release --test crash` for a long run) and `SAMSYN_CRASH_SEED` replays a run.

mod common;
use common::pty as support;

use std::path::{Path, PathBuf};
use std::time::Duration;
use support::{Session, key};

/// A small deterministic generator, so a failing run can be replayed from its seed.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

struct Dirs {
    _root: tempfile::TempDir,
    archive: PathBuf,
    config: PathBuf,
}

fn dirs() -> Dirs {
    let root = tempfile::tempdir().unwrap();
    let archive = root.path().join("arkiv");
    let config = root.path().join("config");
    std::fs::create_dir_all(&config).unwrap();
    Dirs {
        archive,
        config,
        _root: root,
    }
}

fn spawn(d: &Dirs, args: &[&str]) -> Session {
    let home = d.config.parent().unwrap();
    Session::spawn(
        args,
        &[
            ("SAMSYN_DIR", d.archive.as_path()),
            ("XDG_CONFIG_HOME", d.config.as_path()),
            ("XDG_DATA_HOME", home),
            ("HOME", home),
        ],
        100,
        30,
    )
}

fn the_meeting_file(archive: &Path) -> PathBuf {
    let files: Vec<PathBuf> = std::fs::read_dir(archive)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "ron") && !p.to_string_lossy().contains(".rev")
        })
        .collect();
    assert_eq!(
        files.len(),
        1,
        "exactly one meeting in the archive: {files:?}"
    );
    files.into_iter().next().unwrap()
}

fn draft_path(meeting: &Path) -> PathBuf {
    let name = meeting.file_name().unwrap().to_string_lossy();
    meeting.with_file_name(format!(".{name}.draft"))
}

fn participant_name(n: usize) -> String {
    format!("Deltagare Nummer{n}")
}

/// Everything the screen confirmed is in the file, in order; at most the one change in
/// flight at the kill may be there too.
fn assert_intact(file: &Path, confirmed: usize, seed: u64, round: u64) -> usize {
    let meeting = samsyn::store::load(file)
        .unwrap_or_else(|e| panic!("seed {seed}, kill {round}: the file does not load: {e}"));
    let names: Vec<&str> = meeting
        .participants
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert!(
        names.len() == confirmed || names.len() == confirmed + 1,
        "seed {seed}, kill {round}: {confirmed} participants were confirmed on screen, the file has {names:?}"
    );
    for (i, name) in names.iter().enumerate() {
        assert_eq!(*name, participant_name(i + 1), "seed {seed}, kill {round}");
    }
    let check = std::process::Command::new(env!("CARGO_BIN_EXE_samsyn"))
        .args(["--lang", "en", "check"])
        .arg(file)
        .output()
        .unwrap();
    assert!(
        check.stderr.is_empty() && matches!(check.status.code(), Some(0) | Some(65)),
        "seed {seed}, kill {round}: check found a broken file: {}",
        String::from_utf8_lossy(&check.stderr)
    );
    names.len()
}

#[test]
fn sigkill_at_random_moments_loses_nothing_committed() {
    let kills = env_number("SAMSYN_CRASH_KILLS", 50);
    let seed = env_number(
        "SAMSYN_CRASH_SEED",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs(),
    );
    eprintln!("crash test: {kills} kills, SAMSYN_CRASH_SEED={seed}");
    let mut rng = Lcg(seed);
    let d = dirs();

    // The meeting is created once; every later round reopens it after a kill.
    let mut s = spawn(&d, &["new", "--agenda", "samba", "--title", "Krocktest"]);
    s.wait_for("Krocktest");
    s.send(key::ctrl('s'));
    s.wait_for("Deltagare (0)");
    let file = the_meeting_file(&d.archive);
    let mut confirmed = 0;
    let mut first = Some(s);

    for round in 0..kills {
        let mut s = first.take().unwrap_or_else(|| {
            // A kill while typing leaves the typed text as a draft, offered on opening;
            // this test is about what was committed, so the offer is declined.
            let offered = draft_path(&file).exists();
            let mut s = spawn(&d, &["open", file.to_str().unwrap()]);
            if offered {
                s.wait_for("(j/n)");
                s.send("n");
            }
            s.wait_for(&format!("Deltagare ({confirmed})"));
            s
        });
        // A few changes that complete and are confirmed on screen…
        for _ in 0..rng.below(3) {
            add_participant(&mut s, confirmed + 1, None);
            confirmed += 1;
            s.wait_for(&format!("Deltagare ({confirmed})"));
        }
        // …then one that is cut short at a random moment: while typing, on the save key,
        // or just after it.
        let cut = rng.below(40);
        add_participant(&mut s, confirmed + 1, Some(cut));
        std::thread::sleep(Duration::from_micros(rng.below(3000)));
        s.sigkill();
        confirmed = assert_intact(&file, confirmed, seed, round);
    }
}

/// Open the participant form, fill in name and organisation, save with Ctrl+S. With
/// `stop_after`, stop after that many keystrokes (the kill comes next).
fn add_participant(s: &mut Session, n: usize, stop_after: Option<u64>) {
    let name = participant_name(n);
    let mut keys: Vec<String> = vec!["a".into()];
    keys.extend(name.chars().map(String::from));
    // Role, the organisation choice ("new"), then the new organisation's name.
    keys.extend([
        key::TAB.to_string(),
        key::TAB.to_string(),
        key::TAB.to_string(),
    ]);
    keys.extend("Skola: Nyboskolan".chars().map(String::from));
    keys.push(key::ctrl('s'));
    let limit = stop_after.map_or(keys.len(), |k| (k as usize).min(keys.len()));
    if n == 1 || stop_after.is_none() {
        // The list must be showing before the form key means "add".
        s.wait_for("(");
    }
    for k in &keys[..limit] {
        s.send(k);
        std::thread::sleep(Duration::from_millis(1));
    }
}

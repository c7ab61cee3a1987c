//! Kill the real program with SIGKILL during a scripted meeting and check after every
//! kill that nothing committed was lost: the meeting file loads, passes `samsyn check`'s
//! format check, and holds every participant the screen had confirmed saved.
//!
//! The kills fall in known proportions (the round number decides, the counts are
//! printed): of every 20, 6 while a form is being typed (before a save), 6 within 20 ms of
//! the save key (during the save: the change may or may not be on disk yet), 7 once the
//! screen says "sparat" (after the save: the change must be there), and 1 two seconds
//! after the save key without looking at the screen (the promise: a committed change is
//! on disk within two seconds).
//!
//! `SAMSYN_CRASH_KILLS` sets the number of kills (default 50; `SAMSYN_CRASH_KILLS=1000
//! cargo test --release --test crash` for a long run) and `SAMSYN_CRASH_SEED` replays a run.
//!
//! SIGTERM and SIGHUP are tested here too: they save, write the form being typed as a
//! draft, give the terminal back and exit with 128 + the signal.

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

/// Everything the screen confirmed is in the file, in order; `maybe`: the one change in
/// flight at the kill may be there too.
fn assert_intact(file: &Path, confirmed: usize, maybe: bool, seed: u64, round: u64) -> usize {
    let meeting = samsyn::store::load(file)
        .unwrap_or_else(|e| panic!("seed {seed}, kill {round}: the file does not load: {e}"));
    let names: Vec<&str> = meeting
        .participants
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert!(
        names.len() == confirmed || (maybe && names.len() == confirmed + 1),
        "seed {seed}, kill {round}: {confirmed} participants were confirmed saved, the file has {names:?}"
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

/// When in a save the kill comes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Moment {
    /// While the form is typed: no save asked for.
    Before,
    /// Within 20 ms of the save key.
    During,
    /// Once the screen says the change is saved.
    After,
    /// Two seconds after the save key, whatever the screen says.
    Promise,
}

/// The moment of kill `round`: of every 20, 6 before, 6 during, 7 after, 1 at two
/// seconds (the last, so even a short run of 20 has one).
fn moment(round: u64) -> Moment {
    match round % 20 {
        0 | 3 | 6 | 9 | 12 | 15 => Moment::Before,
        1 | 4 | 7 | 10 | 13 | 16 => Moment::During,
        19 => Moment::Promise,
        _ => Moment::After,
    }
}

/// Wait until the screen shows `n` participants and says they are saved.
fn wait_saved(s: &Session, n: usize) {
    s.wait_for(&format!("Deltagare ({n})"));
    s.wait_until("sparat", |screen| {
        screen.contains("sparat ") && !screen.contains("sparar…")
    });
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

    let mut counts = std::collections::BTreeMap::<&str, u64>::new();
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
        // A few changes that complete and are confirmed saved on screen…
        for _ in 0..rng.below(3) {
            add_participant(&mut s, confirmed + 1, None);
            confirmed += 1;
            wait_saved(&s, confirmed);
        }
        // …then one that is cut short at a known kind of moment.
        let at = moment(round);
        let keys = participant_keys(confirmed + 1).len() as u64;
        let (maybe, must) = match at {
            Moment::Before => {
                // At least the key opening the form, never the save key.
                add_participant(&mut s, confirmed + 1, Some(1 + rng.below(keys - 1)));
                std::thread::sleep(Duration::from_micros(rng.below(3000)));
                (false, false)
            }
            Moment::During => {
                add_participant(&mut s, confirmed + 1, None);
                // The key is read, the form committed, the save handed to the writer,
                // written and renamed within these milliseconds.
                std::thread::sleep(Duration::from_micros(rng.below(20_000)));
                (true, false)
            }
            Moment::After => {
                add_participant(&mut s, confirmed + 1, None);
                wait_saved(&s, confirmed + 1);
                (false, true)
            }
            Moment::Promise => {
                add_participant(&mut s, confirmed + 1, None);
                std::thread::sleep(Duration::from_secs(2));
                (false, true)
            }
        };
        s.sigkill();
        let expected = if must { confirmed + 1 } else { confirmed };
        let found = assert_intact(&file, expected, maybe, seed, round);
        let key = match (at, found > confirmed) {
            (Moment::Before, _) => "before a save",
            (Moment::During, true) => "during a save (it was on disk)",
            (Moment::During, false) => "during a save (not yet on disk)",
            (Moment::After, _) => "after the screen said saved",
            (Moment::Promise, _) => "two seconds after the save key",
        };
        *counts.entry(key).or_default() += 1;
        confirmed = found;
    }
    eprintln!("crash test: {kills} kills:");
    for (k, n) in &counts {
        eprintln!("  {n:>4}  {k}");
    }
    if kills >= 20 {
        for kind in ["before", "during", "after", "two seconds"] {
            assert!(
                counts.keys().any(|k| k.starts_with(kind)),
                "no kill {kind}: {counts:?}"
            );
        }
    }
}

/// The keys that add participant `n`: open the form, name, role, the organisation
/// choice ("new"), the new organisation's name, Ctrl+S.
fn participant_keys(n: usize) -> Vec<String> {
    let name = participant_name(n);
    let mut keys: Vec<String> = vec!["a".into()];
    keys.extend(name.chars().map(String::from));
    keys.extend([
        key::TAB.to_string(),
        key::TAB.to_string(),
        key::TAB.to_string(),
    ]);
    keys.extend("Skola: Nyboskolan".chars().map(String::from));
    keys.push(key::ctrl('s'));
    keys
}

/// Open the participant form, fill in name and organisation, save with Ctrl+S. With
/// `stop_after`, stop after that many keystrokes (the kill comes next).
fn add_participant(s: &mut Session, n: usize, stop_after: Option<u64>) {
    let keys = participant_keys(n);
    let limit = stop_after.map_or(keys.len(), |k| (k as usize).min(keys.len()));
    if n == 1 || stop_after.is_none() {
        // The list must be showing before the form key means "add".
        s.wait_for("(");
    }
    // What is typed arrives as one burst (the program takes it in one frame); the save
    // key comes on its own, so the kill's moment is measured from it.
    let typed = keys[..limit.min(keys.len() - 1)].concat();
    s.send(typed);
    if limit == keys.len() {
        std::thread::sleep(Duration::from_millis(1));
        s.send(&keys[keys.len() - 1]);
    }
}

/// The signals that end a program politely: the meeting is saved, the form being typed
/// is written as a draft, the terminal is given back, the exit code is 128 + the signal.
fn signal_ends_the_program_the_orderly_way(sig: i32) {
    let d = dirs();
    let mut s = spawn(&d, &["new", "--agenda", "samba", "--title", "Signaltest"]);
    s.wait_for("Signaltest");
    s.send(key::ctrl('s'));
    s.wait_for("Deltagare (0)");
    add_participant(&mut s, 1, None);
    s.wait_for("Deltagare (1)");
    // A form typed in and not saved, the signal before the draft's pause is over.
    s.send("a");
    s.type_text("Halvskriven Text");
    s.wait_for("Halvskriven Text");
    assert!(s.in_alternate_screen());
    s.signal(sig);
    let code = s.wait_exit();
    assert_eq!(code, 128 + sig as u32, "signal {sig}: {}", s.screen());
    let file = the_meeting_file(&d.archive);
    let m = samsyn::store::load(&file).unwrap();
    assert_eq!(
        m.participants.len(),
        1,
        "signal {sig}: the saved change is there"
    );
    let draft = std::fs::read_to_string(draft_path(&file))
        .unwrap_or_else(|e| panic!("signal {sig}: no draft: {e}"));
    assert!(draft.contains("Halvskriven Text"), "signal {sig}: {draft}");
    // The terminal is given back: the normal screen, the cursor shown, echo and line
    // editing on again.
    s.wait_output_closed();
    assert!(
        !s.in_alternate_screen(),
        "signal {sig}: still the alternate screen"
    );
    assert!(s.cursor_visible(), "signal {sig}: the cursor is hidden");
    assert_eq!(
        s.cooked(),
        Some(true),
        "signal {sig}: the terminal is left raw"
    );
    assert!(
        s.screen().contains("signal"),
        "signal {sig}: what happened is said: {}",
        s.screen()
    );
}

#[test]
fn sigterm_saves_writes_the_draft_and_gives_the_terminal_back() {
    signal_ends_the_program_the_orderly_way(libc::SIGTERM);
}

#[test]
fn sighup_saves_writes_the_draft_and_gives_the_terminal_back() {
    signal_ends_the_program_the_orderly_way(libc::SIGHUP);
}

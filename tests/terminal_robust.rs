//! The real program in a pseudo-terminal under what real terminals do to it: killed while
//! text is being typed (the draft brings it back), shrunk to 10×3 and grown again, 10,000
//! characters pasted into a text field, a key held down. No panic, nothing lost.

mod common;
use common::pty as support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use support::{Dirs, PATIENCE, Session, dirs, key, notes, wait_for_notes};

fn spawn(d: &Dirs, args: &[&str], cols: u16, rows: u16) -> Session {
    let home = d.config.parent().unwrap();
    Session::spawn(
        args,
        &[
            ("SAMSYN_DIR", d.archive.as_path()),
            ("XDG_CONFIG_HOME", d.config.as_path()),
            ("XDG_DATA_HOME", home),
            ("HOME", home),
        ],
        cols,
        rows,
    )
}

/// The Samba example (seven participants, a draft) copied into the archive.
fn example_meeting(d: &Dirs) -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/samba-skolfranvaro.ron");
    let dst = d.archive.join("samba-skolfranvaro.ron");
    std::fs::copy(src, &dst).unwrap();
    dst
}

fn open(d: &Dirs, file: &Path, cols: u16, rows: u16) -> Session {
    let s = spawn(d, &["open", file.to_str().unwrap()], cols, rows);
    s.wait_for("Deltagare (7)");
    s
}

fn draft_path(meeting: &Path) -> PathBuf {
    let name = meeting.file_name().unwrap().to_string_lossy();
    meeting.with_file_name(format!(".{name}.draft"))
}

/// Wait until `ok` holds; a generous guard against a hang, not a measure of speed.
fn poll(what: &str, s: &Session, ok: impl FnMut() -> bool) {
    poll_for(PATIENCE, what, s, ok)
}

fn poll_for(patience: Duration, what: &str, s: &Session, mut ok: impl FnMut() -> bool) {
    let start = Instant::now();
    while start.elapsed() < patience {
        if ok() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("{what} never happened; the screen shows:\n{}", s.screen());
}

fn participants(file: &Path) -> Vec<String> {
    samsyn::store::load(file)
        .map(|m| m.participants.into_iter().map(|p| p.name).collect())
        .unwrap_or_default()
}

/// Open the new-participant form, type a name and an organisation, and wait until the
/// draft holds both; nothing is saved.
fn add_participant_unsaved(s: &mut Session, file: &Path, name: &str) {
    s.send("a");
    s.wait_for("Ctrl+S");
    s.type_text(name);
    // Role, the organisation choice ("new"), then the new organisation's name.
    s.send(key::TAB);
    s.send(key::TAB);
    s.send(key::TAB);
    s.type_text("Skola: Solbergaskolan");
    poll("the draft with the whole form", s, || {
        std::fs::read_to_string(draft_path(file)).is_ok_and(|d| d.contains("Solbergaskolan"))
    });
}

/// Send keys in small writes, quickly, as a terminal repeating a held key does.
fn hold(s: &mut Session, k: &str, times: usize) {
    let chunk = k.repeat(25);
    for _ in 0..times / 25 {
        s.send(&chunk);
    }
    s.send(k.repeat(times % 25));
}

/// A lone Esc, with time to spare so it is not read as the start of an escape sequence.
fn esc(s: &mut Session) {
    s.send(key::ESC);
    std::thread::sleep(Duration::from_millis(300));
}

#[test]
fn text_typed_before_a_kill_comes_back_from_the_draft() {
    let d = dirs();
    let file = example_meeting(&d);
    let mut s = open(&d, &file, 100, 30);
    let marker = "Markör Åsa-4711 ✓";
    add_participant_unsaved(&mut s, &file, marker);
    s.sigkill();
    assert!(
        !participants(&file).iter().any(|p| p == marker),
        "never committed"
    );

    let mut s = spawn(&d, &["open", file.to_str().unwrap()], 100, 30);
    s.wait_for("Återställ osparad text från");
    s.wait_for("(j/n)");
    s.send("j");
    s.wait_for(marker);
    s.send(key::ctrl('s'));
    s.wait_for("Deltagare (8)");
    poll("the restored participant saved in the meeting", &s, || {
        participants(&file).iter().any(|p| p == marker)
    });
    poll("the draft removed after saving", &s, || {
        !draft_path(&file).exists()
    });
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn shrinking_to_10x3_and_back_keeps_phase_and_selection() {
    let d = dirs();
    let file = example_meeting(&d);
    let mut s = open(&d, &file, 100, 30);
    s.send(key::DOWN);
    s.send(key::DOWN);
    std::thread::sleep(Duration::from_millis(200));
    s.resize(10, 3);
    s.wait_for("Terminalen");
    // Keys pressed while too small do no harm.
    s.send("?");
    s.send("?");
    s.resize(100, 30);
    s.wait_for("Deltagare (7)");
    s.wait_for("Inledning och roller");
    // The third participant is still the selected one: edit opens her.
    s.send("e");
    s.wait_for("Ctrl+S");
    s.wait_for("Amira Haddad");
    let screen = s.screen();
    assert!(!screen.contains("Karin Lindqvist"), "{screen}");
    esc(&mut s);
    s.wait_for("Deltagare (7)");
    // Once more through a series of sizes, ending at the smallest the screen supports.
    for (w, h) in [(10, 3), (40, 10), (200, 60), (1, 1), (80, 24)] {
        s.resize(w, h);
        std::thread::sleep(Duration::from_millis(100));
    }
    s.wait_for("Deltagare (7)");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn pasting_10000_characters_loses_nothing() {
    let d = dirs();
    let file = example_meeting(&d);
    let before = notes(&file, "syfte");
    let mut s = open(&d, &file, 100, 30);
    s.send(key::RIGHT);
    s.send(key::RIGHT);
    s.wait_for("Syfte");
    s.send("e");
    std::thread::sleep(Duration::from_millis(300));
    // Numbered words, a line break now and then and some Swedish letters, so a lost or
    // reordered character would show.
    let mut text = String::new();
    let mut n = 0;
    while text.chars().count() < 10_000 {
        n += 1;
        text.push_str(&format!("ord{n:05}å "));
        if n % 15 == 0 {
            text.push('\n');
        }
    }
    let text: String = text.chars().take(10_000).collect();
    assert_eq!(text.chars().count(), 10_000);
    // The program does not ask for bracketed paste, so a paste arrives as keystrokes:
    // line breaks as Enter.
    let typed = text.replace('\n', "\r");
    for chunk in typed.as_bytes().chunks(1000) {
        s.send(chunk);
    }
    s.send(key::ctrl('s'));
    // The form opens with the cursor after the notes already there.
    let expected = format!("{before}{text}").trim().to_string();
    // Each keystroke of the paste re-measures the whole text in the text area, so an
    // unoptimised test build on a busy machine needs a while: the guard is wide.
    wait_for_notes(&s, &file, "syfte", &expected, PATIENCE * 4);
    s.wait_for("? hjälp");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn holding_keys_down_keeps_the_state_consistent() {
    let d = dirs();
    let file = example_meeting(&d);
    let mut s = open(&d, &file, 100, 30);
    hold(&mut s, key::DOWN, 500);
    std::thread::sleep(Duration::from_millis(300));
    // The selection stops at the last row: the last organisation, under the people.
    s.send("e");
    s.wait_for("Ctrl+S");
    s.wait_for("Uppdrag (vad verksamheten gör)");
    s.wait_for("Socialtjänst: Barn och familj");
    assert!(!s.screen().contains("Karin Lindqvist"), "{}", s.screen());
    esc(&mut s);
    s.wait_for("Deltagare (7)");
    hold(&mut s, key::UP, 500);
    std::thread::sleep(Duration::from_millis(300));
    s.send("e");
    s.wait_for("Ctrl+S");
    s.wait_for("Karin Lindqvist");
    assert!(!s.screen().contains("Daniel Nilsson"), "{}", s.screen());
    esc(&mut s);
    s.wait_for("Deltagare (7)");
    // `?` 500 times opens and closes the help 250 times: closed at the end.
    hold(&mut s, "?", 500);
    s.send("?");
    s.wait_for("Hjälp — tangenter");
    s.send("?");
    poll("the help closed", &s, || {
        !s.screen().contains("Hjälp — tangenter")
    });
    // Still the same meeting, unchanged on disk.
    let m = samsyn::store::load(&file).unwrap();
    assert_eq!(m.participants.len(), 7);
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn a_panic_restores_the_terminal_says_where_the_meeting_is_and_keeps_the_draft() {
    if !cfg!(debug_assertions) {
        eprintln!("skipped: the injected panic exists only in test (debug) builds");
        return;
    }
    let d = dirs();
    let file = example_meeting(&d);
    let home = d.config.parent().unwrap();
    let mut s = Session::spawn(
        &["open", file.to_str().unwrap()],
        &[
            ("SAMSYN_DIR", d.archive.as_path()),
            ("XDG_CONFIG_HOME", d.config.as_path()),
            ("HOME", home),
            ("SAMSYN_TEST_PANIC", Path::new("1")),
        ],
        100,
        30,
    );
    s.wait_for("Deltagare (7)");
    let marker = "Skrivet strax före kraschen ✓";
    add_participant_unsaved(&mut s, &file, marker);
    s.send("\x1b[24~"); // F12: the injected panic
    let code = s.wait_exit();
    assert_ne!(code, 0);
    poll("the messages after the panic", &s, || {
        s.screen().contains("offers it back")
    });
    let screen = s.screen();
    assert!(
        !s.in_alternate_screen(),
        "the terminal is restored:\n{screen}"
    );
    let joined: String = screen.lines().map(str::trim_end).collect();
    assert!(
        joined.contains("the meeting is saved in") && joined.contains("samba-skolfranvaro.ron"),
        "{screen}"
    );
    assert!(
        samsyn::store::load(&file).is_ok(),
        "the meeting file is whole"
    );

    let mut s = spawn(&d, &["open", file.to_str().unwrap()], 100, 30);
    s.wait_for("(j/n)");
    s.send("j");
    s.wait_for("strax före kraschen");
    s.send(key::ctrl('s'));
    poll("the participant saved", &s, || {
        participants(&file).iter().any(|p| p == marker)
    });
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

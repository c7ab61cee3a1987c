//! The real program in a pseudo-terminal, typed into while the window is resized over
//! and over (under 80×24 and back), and given a 200 KB bracketed paste: every character
//! arrives, in order. (How fast is measured in benches/pty.rs, not here.)

mod common;
use common::pty as support;

use std::path::{Path, PathBuf};
use std::time::Duration;
use support::{Dirs, PATIENCE, Session, dirs, key, notes, wait_for_notes};

/// The Samba example (seven participants, a draft) opened in a `cols`×`rows` terminal.
fn open(d: &Dirs, cols: u16, rows: u16) -> (Session, PathBuf) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/samba-skolfranvaro.ron");
    let file = d.archive.join("samba-skolfranvaro.ron");
    std::fs::copy(src, &file).unwrap();
    let home = d.config.parent().unwrap();
    let s = Session::spawn(
        &["open", file.to_str().unwrap()],
        &[
            ("SAMSYN_DIR", d.archive.as_path()),
            ("XDG_CONFIG_HOME", d.config.as_path()),
            ("XDG_DATA_HOME", home),
            ("HOME", home),
        ],
        cols,
        rows,
    );
    s.wait_for("Deltagare (7)");
    (s, file)
}

/// The notes of the purpose phase's text field, opened with `e`.
fn open_purpose_notes(s: &mut Session) {
    s.send(key::RIGHT);
    s.send(key::RIGHT);
    s.wait_for("Syfte");
    s.send("e");
    s.wait_for("Ctrl+S");
}

#[test]
fn keys_typed_while_the_window_is_resized_under_80x24_all_arrive() {
    let d = dirs();
    let (mut s, file) = open(&d, 100, 30);
    let before = notes(&file, "syfte");
    open_purpose_notes(&mut s);
    // Each character typed right after a resize, the window too small every other time
    // (the screen then says so and shows nothing of the form).
    let sizes = [
        (60, 20),
        (100, 30),
        (79, 24),
        (100, 30),
        (120, 23),
        (90, 40),
    ];
    let text: String = (0..120)
        .map(|i| ['a', 'å', 'b', 'ö', 'c', ' '][i % 6])
        .collect();
    for (i, c) in text.chars().enumerate() {
        let (w, h) = sizes[i % sizes.len()];
        s.resize(w, h);
        let mut b = [0u8; 4];
        s.send(c.encode_utf8(&mut b).as_bytes());
        if i % 10 == 0 {
            std::thread::sleep(Duration::from_millis(5));
        }
    }
    // Saved only once the window shows the form again.
    s.resize(100, 30);
    save_notes_and_quit(&mut s, &file, &format!("{before}{text}"));
}

/// Ctrl+S on the open notes form: the purpose's notes in the file become `expected`,
/// the form closes, and `q` ends the program cleanly.
fn save_notes_and_quit(s: &mut Session, file: &Path, expected: &str) {
    s.send(key::ctrl('s'));
    wait_for_notes(s, file, "syfte", expected.trim(), PATIENCE * 2);
    s.wait_for("? hjälp");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn a_200_kb_bracketed_paste_arrives_whole() {
    let d = dirs();
    let (mut s, file) = open(&d, 100, 30);
    let before = notes(&file, "syfte");
    open_purpose_notes(&mut s);
    // Numbered words, Swedish letters and line breaks as terminals send them (\r), so a
    // lost, doubled or reordered character would show.
    let mut text = String::new();
    let mut n = 0;
    while text.len() < 200 * 1024 {
        n += 1;
        text.push_str(&format!("ord{n:06}åäö "));
        if n % 12 == 0 {
            text.push('\n');
        }
    }
    let pasted = text.replace('\n', "\r");
    s.send(format!("\x1b[200~{pasted}\x1b[201~"));
    save_notes_and_quit(&mut s, &file, &format!("{before}{text}"));
}

#[test]
fn a_paste_outside_a_form_runs_no_commands() {
    let d = dirs();
    let (mut s, file) = open(&d, 100, 30);
    let before = samsyn::store::load(&file).unwrap();
    // As keys, "a" would open a form, "d" ask to delete, "q" quit.
    s.send("\x1b[200~dq\x1b[201~");
    s.wait_for("klistra");
    assert!(s.screen().contains("Deltagare (7)"), "{}", s.screen());
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    // Only the clock and the place left moved on.
    let after = samsyn::store::load(&file).unwrap();
    assert!(
        after.participants == before.participants
            && after.actions == before.actions
            && after.goals == before.goals,
        "the paste changed the meeting"
    );
}

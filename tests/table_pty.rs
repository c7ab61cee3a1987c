//! At the table, in a real terminal: the meeting keeps its place across `q` and reopening.

mod common;

use common::pty as support;

use std::path::{Path, PathBuf};
use support::{Dirs, Session, dirs, key};

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
        80,
        24,
    )
}

fn example_meeting(d: &Dirs) -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/samba-skolfranvaro.ron");
    let dst = d.archive.join("samba-skolfranvaro.ron");
    std::fs::copy(src, &dst).unwrap();
    dst
}

#[test]
fn reopening_lands_on_the_phase_left_and_q_goes_back_to_the_start_screen() {
    let d = dirs();
    let file = example_meeting(&d);
    // From the start screen: open the meeting, move to phase 4, and q.
    let mut s = spawn(&d, &[]);
    s.wait_for("Möten i arkivet (1)");
    s.send(key::ENTER);
    s.wait_for("[1 ▸ Inledning och roller]");
    for _ in 0..3 {
        s.send(key::RIGHT);
    }
    s.wait_for("[4 ▸ Aktuell situation]");
    s.send("q");
    // Back on the start screen, not out of the program.
    s.wait_for("Möten i arkivet");
    assert!(s.in_alternate_screen(), "{}", s.screen());
    // Opening it again from there lands where it was left.
    s.send(key::ENTER);
    s.wait_for("[4 ▸ Aktuell situation]");
    s.send(key::RIGHT);
    s.wait_for("[5 ▸");
    s.send("q");
    s.wait_for("Möten i arkivet");
    // q on the start screen quits.
    s.send("q");
    assert_eq!(s.wait_exit(), 0);

    // Opened from the command line, the meeting is where it was left; q quits.
    let mut s = spawn(&d, &["open", file.to_str().unwrap()]);
    s.wait_for("[5 ▸");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);

    // The place is not part of the minutes: the file still passes `samsyn check`
    // as it did, and the export does not carry it.
    let m = samsyn::store::load(&file).unwrap();
    assert_eq!(
        m.resume.as_ref().map(|r| r.phase.as_str()),
        Some("barnets-rost")
    );
    let agenda = samsyn::agenda::builtin()
        .into_iter()
        .find(|a| a.id == m.agenda.id)
        .expect("a shipped agenda");
    let json = samsyn::export::json::to_json(&m, &agenda, samsyn::i18n::Lang::Sv, false);
    assert!(!json.contains("resume"), "{json}");
}

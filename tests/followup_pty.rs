//! The follow-up in a terminal, the way a coordinator runs it: finalize a SIP meeting,
//! start its follow-up from the screen, review every action of the plan, carry one over
//! with a decider present again, finalize the follow-up; then `samsyn check` on both and
//! `samsyn followups` over the folder.

mod common;
use common::pty as support;

use std::path::{Path, PathBuf};
use std::time::Duration;
use support::{Session, key};

const SAVE: &str = "\x13"; // Ctrl+S

struct Screen(Session);

impl Screen {
    fn send(&mut self, keys: &str) {
        self.0.send(keys);
        std::thread::sleep(Duration::from_millis(100));
    }

    fn wait_for(&self, needle: &str) {
        self.0.wait_for(needle);
    }

    fn text(&self) -> String {
        self.0.screen()
    }

    fn tabs(&mut self, n: usize) {
        for _ in 0..n {
            self.send(key::TAB);
        }
    }

    /// Press → until the phase `title` is on screen.
    fn go_to_phase(&mut self, title: &str) {
        for step in [key::RIGHT, key::LEFT] {
            for _ in 0..12 {
                if self.text().contains(&format!("▸ {title}")) {
                    return;
                }
                self.send(step);
            }
        }
        panic!("no phase {title}:\n{}", self.text());
    }
}

fn ron_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    v.sort();
    v
}

#[test]
fn a_sip_is_finalized_followed_up_reviewed_and_the_follow_up_finalized() {
    let archive = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let sip = archive.path().join("sip.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sip-bup.ron"),
        &sip,
    )
    .unwrap();
    let env = [
        ("SAMSYN_DIR", archive.path()),
        ("XDG_CONFIG_HOME", config.path()),
        ("HOME", config.path()),
    ];
    let mut s = Screen(Session::spawn(
        &["open", sip.to_str().unwrap()],
        &env,
        110,
        40,
    ));
    s.wait_for("Deltagare (7)");

    // Finalize the SIP.
    s.go_to_phase("Huvudansvar");
    s.send("F");
    s.wait_for("Justera protokollet");
    s.send(key::ENTER);
    s.wait_for("JUSTERAT");

    // Start the follow-up from the screen: it opens on its own file.
    s.send("u");
    s.wait_for("Uppföljningen är startad");
    s.wait_for("SIP-uppföljning: SIP – Leo");

    // Erik Johansson (BUP) comes, by video this time: he can decide again.
    s.send(key::DOWN);
    s.send(key::DOWN);
    s.send(key::DOWN);
    s.send(key::ENTER);
    s.wait_for("Erik Johansson");
    s.tabs(6); // name, role, organisation, takes part as, mandate, costs → attendance
    s.wait_for("▶ Närvaro");
    s.send(key::RIGHT); // invited → in the room
    s.send(SAVE);
    s.wait_for("Deltagare (7)");

    // Review: the awaited decision first, granted; then every other action done but the
    // KBT, which continues into the new plan.
    s.go_to_phase("Genomgång av förra planen");
    s.wait_for("Förra planen, 0 av 6 genomgångna");
    s.wait_for("FÖRSENAT BESLUT 2026-12-02");
    for row in 0..6 {
        s.send(key::ENTER);
        s.wait_for("Hur gick det");
        let kbt = s.text().contains("Fortsatt KBT-behandling");
        if kbt {
            for _ in 0..5 {
                s.send(key::RIGHT); // continues
            }
            s.send(key::TAB);
            s.0.type_text("Behandlingen fortsätter till sommaren.");
            s.tabs(1);
            s.wait_for("▶ Föra till nya planen");
            s.send(" ");
        } else {
            s.send(key::RIGHT); // done
            if row == 0 {
                s.tabs(2);
                s.wait_for("▶ Beslutet");
                s.send(key::RIGHT); // granted
            }
        }
        s.send(SAVE);
        s.wait_for(&format!("Förra planen, {} av 6 genomgångna", row + 1));
        s.send(key::DOWN);
    }
    // The three goals: reached.
    for _ in 0..3 {
        s.send(key::ENTER);
        s.wait_for("Nått målet");
        s.send(key::RIGHT);
        s.send(SAVE);
        s.wait_for("[nått]");
        s.send(key::DOWN);
    }

    // The situation now, in a word.
    s.go_to_phase("Aktuell situation");
    s.send(key::ENTER);
    s.0.type_text("Leo går i skolan fyra dagar i veckan.");
    s.send(SAVE);

    // The carried action is decided again by Erik, with a new deadline.
    s.go_to_phase("Insatser framåt");
    s.wait_for("från planen 2026-11-04");
    s.wait_for("OGILTIG");
    s.send(key::ENTER);
    s.wait_for("Beslutat av");
    assert!(s.text().contains("Erik Johansson"), "{}", s.text());
    s.tabs(5); // performer, organisation, decided by, starts, by when
    s.wait_for("▶ Till när");
    s.0.type_text("+10v");
    s.send(SAVE);
    s.wait_for("Beslutat av: Erik Johansson");

    // A new follow-up, then finalize.
    s.go_to_phase("Ny uppföljning eller avslut");
    s.send(key::ENTER);
    s.0.type_text("+8v");
    s.send(SAVE);
    s.wait_for("Sammankallande");
    s.send("F");
    s.wait_for("Justera protokollet");
    s.send(key::ENTER);
    s.wait_for("JUSTERAT");
    s.send("q");
    assert_eq!(s.0.wait_exit(), 0);

    // Both files pass `samsyn check`, and the archive has nothing overdue on the day.
    let files = ron_files(archive.path());
    assert_eq!(files.len(), 2, "{files:?}");
    for f in &files {
        common::samsyn(config.path())
            .arg("check")
            .arg(f)
            .assert()
            .success();
    }
    let follow_up = files.iter().find(|f| *f != &sip).unwrap();
    let m = samsyn::store::load(follow_up).unwrap();
    assert!(m.is_finalized());
    assert_eq!(m.reviews.len(), 6);
    assert_eq!(m.actions.len(), 1);
    assert!(m.actions[0].origin.is_some());
    common::samsyn(config.path())
        .args([
            "followups",
            "--dir",
            archive.path().to_str().unwrap(),
            "--today",
            "2027-01-13",
        ])
        .args(["--check", "--until", "2027-04-01"])
        .assert()
        .success()
        .stdout(predicates::str::contains("uppföljning"));
}

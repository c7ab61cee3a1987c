//! End to end: the real binary in a pseudo-terminal, driven through a complete SIP
//! meeting the way a facilitator would, reading only what the screen shows.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const TAB: &str = "\t";
const ENTER: &str = "\r";
const RIGHT: &str = "\x1b[C";
const SAVE: &str = "\x13"; // Ctrl+S

struct Screen {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
}

impl Screen {
    fn text(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Wait until the screen shows `needle`; fail with the screen when it never does.
    fn wait_for(&self, needle: &str) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20) {
            if self.text().contains(needle) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("the screen never showed {needle:?}:\n{}", self.text());
    }

    fn send(&mut self, keys: &str) {
        // In one write, so an escape sequence (an arrow key) arrives whole.
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(120));
    }

    fn esc(&mut self) {
        // A lone Esc, with time to spare so it is not read as the start of Alt+key.
        self.writer.write_all(b"\x1b").unwrap();
        self.writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(400));
    }

    fn line_with(&self, needle: &str) -> String {
        self.text()
            .lines()
            .find(|l| l.contains(needle))
            .unwrap_or_default()
            .to_string()
    }
}

#[test]
fn a_complete_sip_meeting_in_a_terminal() {
    let archive = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_samsyn"));
    cmd.args(["new", "--agenda", "sip", "--title", "SIP för Elsa"]);
    cmd.env("SAMSYN_DIR", archive.path());
    cmd.env("XDG_CONFIG_HOME", config.path());
    cmd.env("SAMSYN_LANG", "sv");
    cmd.env("TERM", "xterm-256color");
    let mut child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let parser = Arc::new(Mutex::new(vt100::Parser::new(
        std::num::NonZeroU16::new(24).unwrap(),
        std::num::NonZeroU16::new(80).unwrap(),
        0,
    )));
    let mut reader = pty.master.try_clone_reader().unwrap();
    let sink = Arc::clone(&parser);
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().process(&buf[..n]);
        }
    });
    let mut s = Screen {
        parser,
        writer: pty.master.take_writer().unwrap(),
    };

    // The new-meeting form.
    s.wait_for("Nytt möte");
    s.send(TAB);
    s.send("ÄR-2026-117");
    s.send(TAB);
    s.send(TAB);
    s.send("Nyboskolan");
    s.send(TAB);
    s.send("Maria Lund");
    s.send(TAB);
    s.send("Per Ek");
    s.send(TAB);
    s.send(TAB);
    s.send("Elsa Svensson");
    s.send(TAB);
    s.send("E. S.");
    s.send(SAVE);
    s.wait_for("Deltagare (0)");

    // Roles: three professionals (Kim Berg without mandate) and a guardian.
    let professionals = [
        (
            "Lena Ek",
            "rektor",
            "Skola: Nyboskolan",
            "insatser i skolan",
        ),
        ("Kim Berg", "kurator", "Skola: Nyboskolan", ""),
        (
            "Sara Holm",
            "socialsekreterare",
            "Socialtjänst: Barn och familj",
            "insatser enligt SoL",
        ),
    ];
    for (i, (name, role, org, mandate)) in professionals.iter().enumerate() {
        s.send("a");
        s.wait_for("Beslutsmandat");
        s.send(name);
        s.send(TAB);
        s.send(role);
        s.send(TAB);
        s.send(org);
        s.send(TAB);
        s.send(TAB);
        s.send(TAB);
        s.send(mandate);
        s.send(SAVE);
        s.wait_for(&format!("Deltagare ({})", i + 1));
    }
    s.send("a");
    s.wait_for("Beslutsmandat");
    s.send("Anna Svensson");
    s.send(TAB);
    s.send("vårdnadshavare");
    s.send(TAB);
    s.send(TAB);
    for _ in 0..4 {
        s.send(RIGHT); // huvudman: familj
    }
    s.send(TAB);
    s.send(RIGHT); // guardian
    s.send(SAVE);
    s.wait_for("Deltagare (4)");

    // Consent, given by the guardian.
    s.send(RIGHT);
    s.wait_for("Samtycke");
    s.send("a");
    s.wait_for("Omfattning");
    s.send(TAB);
    s.send(TAB);
    s.send("Skola och socialtjänst får dela information");
    s.send(SAVE);
    s.wait_for("✓ giltigt");

    // Situation, with the speaking round.
    s.send(RIGHT);
    s.wait_for("Talarrunda");
    s.send(ENTER);
    s.send("Elsa trivs med sina kompisar.");
    s.send(SAVE);
    s.send("1234");
    s.wait_for("alla närvarande är hörda");

    // The child's voice.
    s.send(RIGHT);
    s.wait_for("Barnets synpunkter");
    s.send(ENTER);
    s.send("Elsa vill gå i skolan men morgnarna är svåra.");
    s.send(SAVE);
    s.wait_for("morgnarna är svåra");

    // A shared goal.
    s.send(RIGHT);
    s.wait_for("Behov");
    s.send("a");
    s.send("Elsa går i skolan varje dag");
    s.send(SAVE);
    s.wait_for("1. [långsiktigt mål] Elsa går i skolan varje dag");

    // An action decided at the table by the principal.
    s.send(RIGHT);
    s.wait_for("Insats (0)");
    s.send("a");
    s.wait_for("Beslutat av");
    s.send("Morgonmöte med mentor");
    s.send(&TAB.repeat(9));
    s.send("+2v");
    s.wait_for("→ ");
    s.send(SAVE);
    s.wait_for("Beslutat av: Lena Ek");

    // Kim Berg has no mandate: the screen never offers him and says why.
    s.send("a");
    s.wait_for("Beslutat av");
    s.send("Samtal med kurator varje vecka");
    s.send(TAB);
    s.send(RIGHT); // performer: Kim Berg
    s.send(&TAB.repeat(4));
    s.wait_for("Kan inte besluta: Kim Berg har inget");
    for _ in 0..3 {
        assert!(
            !s.line_with("Beslutat av").contains("Kim"),
            "Kim Berg was offered as decider:\n{}",
            s.text()
        );
        s.send(RIGHT);
    }
    // Now on "awaiting decision" with nothing filled in: saving is refused.
    s.send(SAVE);
    s.wait_for("Kan inte spara");
    s.esc();
    s.wait_for("Esc igen kastar det");
    s.esc();
    s.wait_for("Insats (1)");

    // An action awaiting a decision from social services' unit manager.
    s.send("a");
    s.wait_for("Beslutat av");
    s.send("Utreda behov av stöd i hemmet");
    s.send(TAB);
    s.send(RIGHT);
    s.send(RIGHT); // performer: Sara Holm
    s.send(&TAB.repeat(4));
    s.send(RIGHT); // awaiting
    s.send(TAB);
    s.send("Enhetschef Barn och familj");
    s.send(TAB);
    s.send("Socialtjänst: Barn och familj");
    s.send(TAB);
    s.send("+4v");
    s.send(TAB);
    s.send("+8v");
    s.send(SAVE);
    s.wait_for("inväntas: Enhetschef Barn och familj");

    // Summary: overall responsibility with social services; Sara Holm coordinates.
    s.send(RIGHT);
    s.wait_for("Huvudansvar");
    s.send(ENTER);
    s.wait_for("Huvudansvarig verksamhet");
    s.send(TAB);
    s.send("Socialtjänst: Barn och familj");
    s.send(TAB);
    for _ in 0..3 {
        s.send(RIGHT); // responsible person: Sara Holm
    }
    s.send(TAB);
    for _ in 0..3 {
        s.send(RIGHT); // coordinator: Sara Holm
    }
    s.send(SAVE);
    s.wait_for("Samordnare: Sara Holm");

    // Finalizing now is refused, with the reasons.
    s.send("F");
    s.wait_for("Kan inte justera ännu");
    s.wait_for("Inget uppföljningsdatum är satt.");
    s.esc();

    // Follow-up in six weeks, typed as +6v.
    s.send(RIGHT);
    s.wait_for("Uppföljning");
    s.send(ENTER);
    s.send("+6v");
    s.wait_for("→ ");
    s.send(TAB);
    s.send("Nyboskolan");
    s.send(SAVE);
    s.wait_for("Sammankallande: Lena Ek");

    // Finalize: the confirmation names who finalizes.
    s.send("F");
    s.wait_for("Justera protokollet");
    s.wait_for("Maria Lund");
    s.send(ENTER);
    s.wait_for("JUSTERAT");
    s.send("q");
    let status = child.wait().unwrap();
    assert!(status.success());

    // The saved file holds all of it and passes `samsyn check`.
    let file = std::fs::read_dir(archive.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "ron"))
        .unwrap();
    let m = samsyn::store::load(&file).unwrap();
    assert_eq!(m.participants.len(), 4);
    assert_eq!(m.consents.len(), 1);
    assert!(m.child_voice.views.contains("morgnarna"));
    assert_eq!(m.goals.len(), 1);
    assert_eq!(m.actions.len(), 2);
    assert!(m.actions[1].is_awaiting());
    assert_eq!(
        m.follow_up.as_ref().unwrap().date,
        m.date + chrono::Days::new(42)
    );
    assert_eq!(m.finalized.as_ref().unwrap().by, "Maria Lund");
    let heard = &m.phase("nulage").unwrap().heard;
    assert_eq!(heard.len(), 4);
    assert_cmd::Command::cargo_bin("samsyn")
        .unwrap()
        .env("XDG_CONFIG_HOME", config.path())
        .arg("check")
        .arg(&file)
        .assert()
        .success();
}

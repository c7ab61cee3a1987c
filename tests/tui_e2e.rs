//! End to end: the real binary in a pseudo-terminal, driven through a complete SIP
//! meeting the way a facilitator would, reading only what the screen shows.

mod common;
use common::pty as support;

use std::time::Duration;
use support::Session;

const TAB: &str = support::key::TAB;
const ENTER: &str = support::key::ENTER;
const RIGHT: &str = support::key::RIGHT;
const SAVE: &str = "\x13"; // Ctrl+S

/// The shared pty session, paced like a person: a short pause after every key.
struct Screen(Session);

impl Screen {
    fn text(&self) -> String {
        self.0.screen()
    }

    fn wait_for(&self, needle: &str) {
        self.0.wait_for(needle);
    }

    fn send(&mut self, keys: &str) {
        // In one write, so an escape sequence (an arrow key) arrives whole.
        self.0.send(keys);
        std::thread::sleep(Duration::from_millis(120));
    }

    fn esc(&mut self) {
        // A lone Esc, with time to spare so it is not read as the start of Alt+key.
        self.0.send(support::key::ESC);
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
    let mut s = Screen(Session::spawn(
        &["new", "--agenda", "sip", "--title", "SIP för Elsa"],
        &[
            ("SAMSYN_DIR", archive.path()),
            ("XDG_CONFIG_HOME", config.path()),
            ("HOME", config.path()),
        ],
        80,
        24,
    ));

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
        // The organisation: "new", with its name typed; a name the meeting already
        // has is that organisation, not a second one.
        s.send(TAB);
        s.send(org);
        s.send(TAB); // huvudman: kommun
        s.send(TAB); // takes part as: professional
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
    s.send(&TAB.repeat(4)); // takes part as
    s.send(RIGHT); // guardian: the family, no organisation
    s.wait_for("familjen (ingen verksamhet)");
    s.send(SAVE);
    s.wait_for("Deltagare (4)");

    // Consent, given by the guardian.
    s.send(RIGHT);
    s.wait_for("Samtycke");
    s.send("a");
    s.wait_for("Vad som får delas");
    // Given by, other name, also given by, the two organisations (ticked), the text.
    s.send(&TAB.repeat(5));
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
    s.wait_for("Insatser och åtgärder (0)");
    s.send("a");
    s.wait_for("Beslutat av");
    s.send("Morgonmöte med mentor");
    s.send(&TAB.repeat(5)); // performer, organisation, decided by, starts, by when
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
    s.send(&TAB.repeat(2));
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
    s.wait_for("Insatser och åtgärder (1)");

    // An action awaiting a decision from social services' unit manager.
    s.send("a");
    s.wait_for("Beslutat av");
    s.send("Utreda behov av stöd i hemmet");
    s.send(TAB);
    s.send(RIGHT);
    s.send(RIGHT); // performer: Sara Holm
    s.send(&TAB.repeat(2));
    s.send(RIGHT); // awaiting: its fields are asked now
    s.wait_for("Varför beslutet inväntas");
    s.send(TAB);
    s.send("Enhetschef Barn och familj");
    s.send(TAB); // the decision maker's organisation: the one carrying it out
    s.send(TAB);
    s.send("+4v");
    s.send(TAB);
    s.send("Kräver biståndsbeslut");
    s.send(TAB); // starts
    s.send(TAB);
    s.send("+8v");
    s.send(SAVE);
    s.wait_for("Beslut inväntas från: Enhetschef Barn och familj");

    // Summary: overall responsibility with social services; Sara Holm coordinates.
    s.send(RIGHT);
    s.wait_for("Huvudansvar");
    s.send(ENTER);
    s.wait_for("Huvudansvarig verksamhet");
    // Only kommun and region are offered in a SIP, and the form says so.
    s.wait_for("en av huvudmännen");
    s.send(RIGHT);
    s.send(RIGHT); // Socialtjänst: Barn och familj
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
    assert_eq!(s.0.wait_exit(), 0);

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
    // Two organisations, each once, and the family none.
    let names: Vec<&str> = m.organisations.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(
        names,
        ["Skola: Nyboskolan", "Socialtjänst: Barn och familj"]
    );
    assert_eq!(m.participants[3].organisation, None);
    assert_eq!(
        m.participants[1].organisation,
        m.participants[0].organisation
    );
    assert!(matches!(
        &m.actions[1].decision,
        samsyn::meeting::Decision::Awaiting { reason, .. } if reason == "Kräver biståndsbeslut"
    ));
    assert_eq!(
        m.follow_up.as_ref().unwrap().date,
        m.date + chrono::Days::new(42)
    );
    assert_eq!(m.finalized.as_ref().unwrap().by, "Maria Lund");
    let heard = &m.phase("nulage").unwrap().heard;
    assert_eq!(heard.len(), 4);
    common::samsyn_bare()
        .env("XDG_CONFIG_HOME", config.path())
        .arg("check")
        .arg(&file)
        .assert()
        .success();
}

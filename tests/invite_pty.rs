//! The kallelse from the screen, in a terminal: fill in the invitation in the Roles phase
//! (a video link that is not a URL is refused in the form), write it next to the meeting,
//! and see per organisation whether someone present has the mandate it asked for.

mod common;
use common::pty as support;

use std::path::Path;
use std::time::Duration;
use support::{Session, key};

const SAVE: &str = "\x13"; // Ctrl+S

fn send(s: &mut Session, keys: &str) {
    s.send(keys);
    std::thread::sleep(Duration::from_millis(100));
}

#[test]
fn a_kallelse_is_filled_in_and_written_from_the_screen() {
    let archive = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let file = archive.path().join("nora.ron");
    let mut m = samsyn::store::load(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sip-kallelse.ron"),
    )
    .unwrap();
    m.invitation = None;
    samsyn::store::save(&file, &m).unwrap();
    let env = [
        ("SAMSYN_DIR", archive.path()),
        ("XDG_CONFIG_HOME", config.path()),
        ("HOME", config.path()),
    ];
    let mut s = Session::spawn(&["open", file.to_str().unwrap()], &env, 110, 40);
    s.wait_for("Deltagare (6)");

    send(&mut s, "K");
    s.wait_for("Frågeställningarna blir innehållet");
    s.type_text("Planera stödet för skolgången.");
    send(&mut s, key::TAB);
    s.type_text("Vem gör vad?");
    send(&mut s, key::TAB);
    s.wait_for("▶ Beslut Ekdalsskolan ska kunna fatta");
    s.type_text("Beslut om särskilt stöd");
    // Its cost box, then the other three organisations' two fields each.
    for _ in 0..8 {
        send(&mut s, key::TAB);
    }
    s.wait_for("▶ Videolänk");
    s.type_text("teams");
    send(&mut s, SAVE);
    s.wait_for("ingen webbadress");
    for _ in 0..5 {
        send(&mut s, key::BACKSPACE);
    }
    s.type_text("https://mote.example.se/nora");
    send(&mut s, key::TAB);
    s.type_text("Amir Haddad");
    send(&mut s, SAVE);
    // Saved: the school now shows the mandate its kallelse asked for, and nobody has it
    // (the organisations are listed below the six participants).
    s.wait_for("Deltagare (6)");
    for _ in 0..6 {
        send(&mut s, key::DOWN);
    }
    s.wait_for("Beslut om särskilt stöd · ! ingen på plats med mandat");
    s.wait_for("! ingen på plats med mandat");

    send(&mut s, "W");
    s.wait_for("Kallelsen skriven: 7 filer");
    for name in [
        "nora.kallelse.docx",
        "nora.kallelse.ics",
        "nora.kallelse-familj.docx",
        "nora.kallelse-ekdalsskolan.docx",
        "nora.kallelse-socialtjanst-barn-och-unga.docx",
        "nora.kallelse-forsakringskassan.docx",
    ] {
        let path = archive.path().join(name);
        assert!(path.is_file(), "{name}");
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{name}");
    }
    send(&mut s, "q");
    s.wait_exit();

    let m = samsyn::store::load(&file).unwrap();
    let inv = m.invitation.expect("the invitation is in the meeting");
    assert_eq!(inv.purpose, "Planera stödet för skolgången.");
    assert_eq!(inv.questions, vec!["Vem gör vad?".to_string()]);
    assert_eq!(inv.video_link, "https://mote.example.se/nora");
    assert_eq!(inv.convener, "Amir Haddad");
    assert_eq!(inv.expected.len(), 1);
    assert_eq!(inv.expected[0].organisation.as_str(), "o1");
    let ics = std::fs::read_to_string(archive.path().join("nora.kallelse.ics")).unwrap();
    assert!(
        ics.contains("UID:samsyn-5e0b7c21a9d4f386-meeting@samsyn"),
        "{ics}"
    );
    assert!(!ics.contains("Sandberg"), "{ics}");
}

//! Organisations as records (the Organisations issue): `samsyn check` applies the new
//! mandate rules to hand-made files, a user's directory of organisations is checked and
//! offered, and on screen a decider without the cost mandate is never offered when the
//! cost falls on their own organisation.

mod common;
use common::pty as support;

use std::path::{Path, PathBuf};
use std::time::Duration;
use support::{Session, key};

fn example(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples")
            .join(name),
    )
    .unwrap()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// `samsyn check` on `text`: exit code and what it printed.
fn check(text: &str) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "meeting.ron", text);
    let out = common::samsyn(dir.path())
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

#[test]
fn check_refuses_a_sip_whose_overall_responsibility_is_with_a_state_authority() {
    let sip = example("sip-bup.ron");
    assert_eq!(check(&sip).0, 0);
    let state = sip.replacen(
        "name: \"Socialtjänst: Barn och unga\",\n      huvudman: Kommun,",
        "name: \"Socialtjänst: Barn och unga\",\n      huvudman: Statlig,",
        1,
    );
    assert_ne!(state, sip);
    let (code, out) = check(&state);
    assert_eq!(code, 65, "{out}");
    assert!(
        out.contains("[overall-responsible-wrong-huvudman]"),
        "{out}"
    );
    assert!(out.contains("kommun eller region"), "{out}");
}

#[test]
fn check_refuses_an_action_decided_without_the_cost_mandate_it_needs() {
    let sip = example("sip-bup.ron");
    // Hanna Ström decides the school's studieplan, whose cost the school bears.
    let no_costs = sip.replacen(
        "elevhälsans insatser på Björkhagaskolan\",\n        costs: true,",
        "elevhälsans insatser på Björkhagaskolan\",\n        costs: false,",
        1,
    );
    assert_ne!(no_costs, sip);
    let (code, out) = check(&no_costs);
    assert_eq!(code, 65, "{out}");
    assert!(out.contains("[decider-no-cost-mandate]"), "{out}");
    assert!(
        out.contains("Hanna Ström har inget mandat som omfattar kostnader"),
        "{out}"
    );
}

#[test]
fn check_refuses_a_hand_made_organisation_reference_with_its_place() {
    let sip = example("sip-bup.ron");
    let bad = sip.replacen(
        "organisation: Some(\"o3\"),",
        "organisation: Some(\"o9\"),",
        1,
    );
    let (code, out) = check(&bad);
    assert_eq!(code, 65, "{out}");
    assert!(
        out.contains("participants[3].organisation: ingen verksamhet har id:t \"o9\""),
        "{out}"
    );
    assert!(out.contains("meeting.ron:"), "{out}");
    // A circle of units in a hand-edited file is refused, not followed.
    let circle = sip.replacen(
        "      parent: None,\n    ),\n    (\n      id: \"o2\"",
        "      parent: Some(\"o4\"),\n    ),\n    (\n      id: \"o2\"",
        1,
    );
    assert_ne!(circle, sip);
    let (code, out) = check(&circle);
    assert_eq!(code, 65, "{out}");
    assert!(out.contains("leder tillbaka till den"), "{out}");
}

#[test]
fn the_example_directory_checks_and_a_bad_one_is_located() {
    let home = tempfile::tempdir().unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/directory/organisations.ron");
    common::samsyn(home.path())
        .arg("check")
        .arg(&dir)
        .assert()
        .success()
        .stdout(predicates::str::contains("11"));
    // Installed as the user's directory and broken: the program says where, exit 65.
    let text = std::fs::read_to_string(&dir).unwrap().replace(
        "parent: Some(\"Skola: Nordvikskolan\")",
        "parent: Some(\"Nordvik\")",
    );
    std::fs::create_dir_all(home.path().join("samsyn")).unwrap();
    let installed = write(&home.path().join("samsyn"), "organisations.ron", &text);
    let out = common::samsyn(home.path())
        .args(["open", "examples/sip-bup.ron"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(65));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("{}:", installed.display())) && err.contains("\"Nordvik\""),
        "{err}"
    );
    let line_col = err.split(':').nth(2).unwrap_or("");
    assert!(line_col.parse::<usize>().is_ok(), "{err}");
}

/// The real binary in a terminal: the action form never offers a decider whose mandate
/// leaves out costs when the cost falls on their own organisation, and says why.
#[test]
fn the_action_form_does_not_offer_a_decider_without_the_cost_mandate() {
    let archive = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let file = write(archive.path(), "sip.ron", &example("sip-bup.ron"));
    let mut s = Session::spawn(
        &["open", file.to_str().unwrap()],
        &[
            ("SAMSYN_DIR", archive.path()),
            ("XDG_CONFIG_HOME", config.path()),
            ("HOME", config.path()),
        ],
        110,
        40,
    );
    let pace = |s: &mut Session, keys: &str| {
        s.send(keys);
        std::thread::sleep(Duration::from_millis(120));
    };
    s.wait_for("Deltagare (7)");
    while !s.screen().contains("Insatser och åtgärder (6)") {
        pace(&mut s, key::RIGHT);
    }
    pace(&mut s, "a");
    s.wait_for("Beslutat av");
    for c in "Stödsamtal i hemmet".chars() {
        pace(&mut s, &c.to_string());
    }
    pace(&mut s, key::TAB);
    pace(&mut s, key::RIGHT);
    pace(&mut s, key::RIGHT); // performer: Fatima Rahimi, social services
    s.wait_for("Socialtjänst: Barn och unga (kommun)");
    let decided = |s: &Session| {
        s.screen()
            .lines()
            .find(|l| l.contains("Beslutat av"))
            .unwrap_or_default()
            .to_string()
    };
    assert!(decided(&s).contains("Fatima Rahimi"), "{}", s.screen());
    // The cost falls on her own organisation: her mandate leaves costs out.
    for _ in 0..6 {
        pace(&mut s, key::TAB);
    }
    s.wait_for("▶ Kostnadsansvar");
    pace(&mut s, key::RIGHT); // the one carrying it out
    s.wait_for("Fatima Rahimi kan inte längre besluta om insatsen");
    s.wait_for("Kostnaden bärs av");
    s.wait_for("har inget mandat som omfattar");
    assert!(!decided(&s).contains("Fatima"), "{}", s.screen());
    assert!(decided(&s).contains("Beslut inväntas"), "{}", s.screen());
    s.send(key::ESC);
    std::thread::sleep(Duration::from_millis(400));
    s.send(key::ESC);
    s.wait_for("Insatser och åtgärder (6)");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn the_minutes_are_never_written_onto_a_device_or_a_folder() {
    let home = tempfile::tempdir().unwrap();
    for target in ["/dev/null", "/tmp"] {
        let out = common::samsyn(home.path())
            .args([
                "export",
                "examples/sip-bup.ron",
                "--format",
                "md",
                "-o",
                target,
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(73), "{target}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("not a regular file")
                || String::from_utf8_lossy(&out.stderr).contains("ingen vanlig fil"),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert!(Path::new("/dev/null").exists());
}

#[test]
fn a_meeting_is_never_saved_larger_than_it_can_be_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "m.ron", &example("sip-bup.ron"));
    let before = std::fs::read(&path).unwrap();
    let mut m = samsyn::store::load(&path).unwrap();
    m.situation.worries = "oro ".repeat(3 * 1024 * 1024);
    let e = samsyn::store::save(&path, &m).unwrap_err().to_string();
    assert!(e.contains("MB"), "{e}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file stays as it was"
    );
    assert!(samsyn::store::load(&path).is_ok());
}

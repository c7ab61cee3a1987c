//! A meeting records only its agenda's id, so no other agenda may take that id: a
//! look-alike "sip" without the consent rule must not quietly judge a SIP meeting.

use crate::common;

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;

/// In English, so the messages can be matched.
fn samsyn(config: &Path) -> Command {
    let mut cmd = common::samsyn(config);
    cmd.args(["--lang", "en"]);
    cmd
}
fn weak_sip() -> String {
    std::fs::read_to_string("agendas/sip.ron")
        .unwrap()
        .replace("consent_required: true", "consent_required: false")
}

#[test]
fn a_user_agenda_cannot_replace_a_built_in_one() {
    let config = tempfile::tempdir().unwrap();
    let dir = config.path().join("samsyn/agendas");
    std::fs::create_dir_all(&dir).unwrap();
    assert_ne!(
        weak_sip(),
        std::fs::read_to_string("agendas/sip.ron").unwrap()
    );
    std::fs::write(dir.join("sip.ron"), weak_sip()).unwrap();
    samsyn(config.path())
        .arg("agendas")
        .assert()
        .code(65)
        .stderr(predicate::str::contains(
            "another agenda already has the id \"sip\"",
        ));
    // The meeting is still judged by the real agenda: consent is still required.
    samsyn(config.path())
        .args(["check", "examples/incomplete.ron"])
        .assert()
        .code(65)
        .stdout(predicate::str::contains("[consent-not-valid]"));
}

#[test]
fn check_refuses_a_look_alike_named_on_the_command_line() {
    let config = tempfile::tempdir().unwrap();
    let weak = config.path().join("weak.ron");
    std::fs::write(&weak, weak_sip()).unwrap();
    samsyn(config.path())
        .arg("check")
        .arg(&weak)
        .arg("examples/incomplete.ron")
        .assert()
        .code(65)
        .stderr(predicate::str::contains(
            "another agenda already has the id \"sip\"",
        ))
        .stdout(predicate::str::contains("[consent-not-valid]"));
    // The shipped file itself is the same agenda, and welcome.
    samsyn(config.path())
        .args(["check", "agendas/sip.ron", "examples/sip-bup.ron"])
        .assert()
        .code(0);
}

#[test]
fn a_meeting_from_a_newer_agenda_version_is_refused() {
    let config = tempfile::tempdir().unwrap();
    let newer = config.path().join("m.ron");
    let text = std::fs::read_to_string("examples/sip-bup.ron").unwrap();
    let text = text.replacen("version: 1", "version: 7", 1);
    std::fs::write(&newer, text).unwrap();
    samsyn(config.path())
        .arg("check")
        .arg(&newer)
        .assert()
        .code(65)
        .stderr(predicate::str::contains(
            "agenda.version: the meeting was started from version 7",
        ));
}

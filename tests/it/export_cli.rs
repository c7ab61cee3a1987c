//! `samsyn export` end to end: where the file goes, its permissions, standard output,
//! and the exit codes for a missing, invalid or tampered meeting and an unwritable output.

use crate::common;

use common::{FAMILY_NAMES, finalized_sip_meeting, samsyn, sip_meeting};
use predicates::prelude::*;
use samsyn::meeting::Meeting;
use std::path::{Path, PathBuf};

fn write_meeting(dir: &Path, name: &str, m: &Meeting) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, samsyn::store::to_ron(m)).unwrap();
    path
}

#[test]
fn writes_next_to_the_meeting_owner_only() {
    let dir = tempfile::tempdir().unwrap();
    let meeting = write_meeting(dir.path(), "2026-03-10-sip.ron", &sip_meeting());
    for format in ["md", "html", "docx", "ics", "json"] {
        let expected = dir.path().join(format!("2026-03-10-sip.{format}"));
        samsyn(dir.path())
            .args(["export", meeting.to_str().unwrap(), "--format", format])
            .assert()
            .success()
            .stdout(predicate::str::contains(expected.to_str().unwrap()));
        let meta = std::fs::metadata(&expected).unwrap();
        assert!(meta.len() > 200, "{format} is not empty");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(meta.permissions().mode() & 0o777, 0o600, "{format}");
        }
    }
    let md = std::fs::read_to_string(dir.path().join("2026-03-10-sip.md")).unwrap();
    assert!(md.starts_with("# SIP för Elsa"));
    assert!(md.contains("UTKAST – ej justerat"));
}

#[test]
fn output_option_names_a_file_or_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let meeting = write_meeting(dir.path(), "m.ron", &sip_meeting());
    let out = dir.path().join("protokoll.html");
    samsyn(dir.path())
        .args([
            "export",
            meeting.to_str().unwrap(),
            "--format",
            "html",
            "-o",
        ])
        .arg(&out)
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );

    samsyn(dir.path())
        .args([
            "export",
            meeting.to_str().unwrap(),
            "--format",
            "md",
            "-o",
            "-",
            "--lang",
            "en",
        ])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("# SIP för Elsa"))
        .stdout(predicate::str::contains("DRAFT – not finalized"));
    assert!(
        !dir.path().join("m.md").exists(),
        "stdout export writes no file"
    );

    samsyn(dir.path())
        .args([
            "export",
            meeting.to_str().unwrap(),
            "--format",
            "docx",
            "-o",
            "-",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("-o"));
}

#[test]
fn pseudonymize_flag_hides_the_family() {
    let dir = tempfile::tempdir().unwrap();
    let meeting = write_meeting(dir.path(), "m.ron", &sip_meeting());
    let out = samsyn(dir.path())
        .args([
            "export",
            meeting.to_str().unwrap(),
            "--format",
            "html",
            "-o",
            "-",
            "--pseudonymize",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let html = String::from_utf8(out.stdout).unwrap();
    for name in FAMILY_NAMES {
        assert!(!html.contains(name), "{name}");
    }
    assert!(html.contains("E. L."));
}

#[test]
fn missing_invalid_and_unwritable() {
    let dir = tempfile::tempdir().unwrap();
    samsyn(dir.path())
        .args(["export", "nowhere.ron", "--format", "md"])
        .assert()
        .code(66)
        .stderr(predicate::str::contains("nowhere.ron"));

    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "(\n  format: 1,\n  id: 7,\n)\n").unwrap();
    samsyn(dir.path())
        .args(["export", bad.to_str().unwrap(), "--format", "md"])
        .assert()
        .code(65)
        .stderr(predicate::str::is_match(r"bad\.ron:3:\d+: ").unwrap());

    let meeting = write_meeting(dir.path(), "m.ron", &sip_meeting());
    samsyn(dir.path())
        .args([
            "--lang",
            "en",
            "export",
            meeting.to_str().unwrap(),
            "--format",
            "md",
            "-o",
        ])
        .arg(dir.path().join("no-such-dir").join("x.md"))
        .assert()
        .code(73)
        .stderr(predicate::str::contains("cannot write"));
    samsyn(dir.path())
        .args([
            "--lang",
            "sv",
            "export",
            meeting.to_str().unwrap(),
            "--format",
            "md",
            "-o",
        ])
        .arg(dir.path().join("no-such-dir").join("x.md"))
        .assert()
        .code(73)
        .stderr(predicate::str::contains(
            "kan inte skrivas: filen eller mappen finns inte",
        ));

    samsyn(dir.path())
        .args(["export", meeting.to_str().unwrap(), "--format", "md", "-o"])
        .arg(&meeting)
        .assert()
        .code(73)
        .stderr(
            predicate::str::contains("would overwrite the meeting file")
                .or(predicate::str::contains("skulle skriva över mötesfilen")),
        );
    assert!(
        samsyn::store::load(&meeting).is_ok(),
        "the meeting is untouched"
    );

    let mut unknown = sip_meeting();
    unknown.agenda.id = "kvartersmöte".into();
    let path = write_meeting(dir.path(), "unknown.ron", &unknown);
    samsyn(dir.path())
        .args(["export", path.to_str().unwrap(), "--format", "md"])
        .assert()
        .code(65)
        .stderr(predicate::str::contains("okänd agenda \"kvartersmöte\""));
    samsyn(dir.path())
        .args([
            "--lang",
            "en",
            "export",
            path.to_str().unwrap(),
            "--format",
            "md",
        ])
        .assert()
        .code(65)
        .stderr(predicate::str::contains("unknown agenda \"kvartersmöte\""));
}

#[test]
fn finalized_minutes_changed_afterwards_are_not_exported() {
    let dir = tempfile::tempdir().unwrap();
    let good = write_meeting(dir.path(), "good.ron", &finalized_sip_meeting());
    samsyn(dir.path())
        .args([
            "export",
            good.to_str().unwrap(),
            "--format",
            "md",
            "-o",
            "-",
            "--lang",
            "en",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Finalized 2026-03-10 14:35 by Karin Ek",
        ));

    let mut tampered = finalized_sip_meeting();
    tampered.actions[0].what = "Något annat".into();
    let path = write_meeting(dir.path(), "tampered.ron", &tampered);
    samsyn(dir.path())
        .args([
            "export",
            path.to_str().unwrap(),
            "--format",
            "json",
            "--lang",
            "en",
        ])
        .assert()
        .code(65)
        .stderr(predicate::str::contains("changed after finalizing"));
    assert!(!dir.path().join("tampered.json").exists());
}

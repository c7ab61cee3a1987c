//! Tamper evidence: finalized minutes changed by hand afterwards are reported by
//! `samsyn check` (exit 65, "changed after finalizing"), yet still load, so the changed
//! file can be opened and compared; reformatting alone is not a change.

use crate::common;
use crate::common::fixtures;

use predicates::prelude::*;
use samsyn::store;
use std::path::{Path, PathBuf};

fn check(lang: &str, agenda: &Path, meeting: &Path) -> assert_cmd::assert::Assert {
    common::samsyn_bare()
        .args(["--lang", lang, "check"])
        .arg(agenda)
        .arg(meeting)
        .assert()
}

/// A finalized meeting saved in a temp dir, with the test agenda next to it.
fn finalized_on_disk() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let agenda = fixtures::write_agenda(dir.path());
    let path = dir.path().join("2026-12-03-provsip-elsa.ron");
    store::save(&path, &fixtures::finalized()).unwrap();
    (dir, agenda, path)
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from:?} not in the saved file");
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn untouched_finalized_minutes_pass() {
    let (_dir, agenda, path) = finalized_on_disk();
    check("en", &agenda, &path)
        .code(0)
        .stdout(predicate::str::contains("finalized"))
        .stdout(predicate::str::contains("changed after finalizing").not());
}

#[test]
fn a_changed_action_is_reported_and_the_file_still_loads() {
    let (_dir, agenda, path) = finalized_on_disk();
    edit(&path, "Anpassad studiegång", "Ingen anpassning");
    check("en", &agenda, &path)
        .code(65)
        .stdout(predicate::str::contains("CHANGED AFTER FINALIZING"));
    check("sv", &agenda, &path)
        .code(65)
        .stdout(predicate::str::contains("ÄNDRAT EFTER JUSTERING"));

    let loaded = store::load(&path).expect("a tampered file still loads");
    assert!(loaded.is_finalized());
    assert_eq!(loaded.stamp_matches(), Some(false));
    assert_eq!(loaded.actions[0].what, "Ingen anpassning");
}

#[test]
fn the_summary_of_a_tampered_file_never_says_finalized() {
    let (_dir, agenda, path) = finalized_on_disk();
    edit(&path, "Anpassad studiegång", "Ingen anpassning");
    for (lang, changed, finalized) in [
        ("en", "CHANGED AFTER FINALIZING", ": finalized;"),
        ("sv", "ÄNDRAT EFTER JUSTERING", ": justerat;"),
    ] {
        let out = check(lang, &agenda, &path)
            .code(65)
            .get_output()
            .stdout
            .clone();
        let out = String::from_utf8(out).unwrap();
        let last = out.lines().last().unwrap_or_default();
        assert!(last.contains(&format!(": {changed};")), "{out}");
        assert!(!out.contains(finalized), "{out}");
    }
}

#[test]
fn a_changed_deadline_is_reported() {
    let (_dir, agenda, path) = finalized_on_disk();
    edit(&path, "2027-01-15", "2027-06-15");
    check("en", &agenda, &path)
        .code(65)
        .stdout(predicate::str::contains("CHANGED AFTER FINALIZING"));
}

#[test]
fn a_forged_stamp_is_reported() {
    let (_dir, agenda, path) = finalized_on_disk();
    let hash = store::load(&path).unwrap().finalized.unwrap().hash;
    let forged = "0".repeat(hash.len());
    // The stamp's hash, not the revision log's copy of it.
    let text = std::fs::read_to_string(&path).unwrap();
    let stamp_at = text.find("finalized:").unwrap();
    let (head, tail) = text.split_at(stamp_at);
    std::fs::write(&path, format!("{head}{}", tail.replacen(&hash, &forged, 1))).unwrap();
    check("en", &agenda, &path)
        .code(65)
        .stdout(predicate::str::contains("CHANGED AFTER FINALIZING"));
}

#[test]
fn reformatting_and_comments_are_not_a_change() {
    let (_dir, agenda, path) = finalized_on_disk();
    let text = std::fs::read_to_string(&path).unwrap();
    let reformatted = format!(
        "// opened and saved in a text editor\n{}",
        text.lines()
            .map(|l| format!("    {}\n\n", l.trim_start()))
            .collect::<String>()
    );
    std::fs::write(&path, reformatted).unwrap();
    check("en", &agenda, &path)
        .code(0)
        .stdout(predicate::str::contains("CHANGED AFTER FINALIZING").not());
}

/// The shipped examples, finalized with their built-in agenda, then changed by hand.
#[test]
fn a_finalized_example_changed_by_hand_is_reported() {
    let catalogue = samsyn::agenda::Catalogue::load();
    for example in ["examples/sip-bup.ron", "examples/samba-skolfranvaro.ron"] {
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join(example);
        let mut m = store::load(&source).unwrap();
        let agenda = catalogue
            .get(&m.agenda.id)
            .expect("built-in agenda")
            .clone();
        samsyn::rules::finalize(
            &mut m,
            &agenda,
            "Samtalsledaren",
            fixtures::at("2026-12-03T16:00:00"),
        )
        .unwrap_or_else(|p| panic!("{example} does not finalize: {p:?}"));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("justerat.ron");
        store::save(&path, &m).unwrap();

        let run = |path: &Path| {
            common::samsyn_bare()
                .args(["--lang", "en", "check"])
                .arg(path)
                .assert()
        };
        run(&path)
            .code(0)
            .stdout(predicate::str::contains("finalized"));

        // Someone quietly moves a deadline in a text editor.
        let text = std::fs::read_to_string(&path).unwrap();
        let deadline = m
            .actions
            .iter()
            .find_map(|a| a.deadline)
            .expect("a deadline");
        let old = format!("deadline: Some(\"{deadline}\")");
        assert!(text.contains(&old), "{example}: {old}");
        let moved = deadline + chrono::Days::new(90);
        std::fs::write(
            &path,
            text.replacen(&old, &format!("deadline: Some(\"{moved}\")"), 1),
        )
        .unwrap();
        run(&path)
            .code(65)
            .stdout(predicate::str::contains("CHANGED AFTER FINALIZING"));
        let loaded = store::load(&path).expect("still loads");
        assert_eq!(loaded.stamp_matches(), Some(false), "{example}");
    }
}

/// A stamp recomputed by hand after breaking the mandate rule: the hash matches, but the
/// rules still judge the content, so check and export refuse it.
#[test]
fn a_recomputed_stamp_does_not_hide_a_broken_rule() {
    let catalogue = samsyn::agenda::Catalogue::load();
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sip-bup.ron");
    let mut m = store::load(&source).unwrap();
    let agenda = catalogue.get(&m.agenda.id).unwrap().clone();
    samsyn::rules::finalize(
        &mut m,
        &agenda,
        "Samtalsledaren",
        fixtures::at("2026-12-03T16:00:00"),
    )
    .unwrap();
    // Hand the school's first action to the specialpedagog, who has no mandate, and
    // forge the stamp to match.
    let is_school = |m: &samsyn::meeting::Meeting, o: &Option<samsyn::meeting::Id>| {
        o.as_ref()
            .is_some_and(|o| m.organisation_name(o).to_lowercase().contains("skola"))
    };
    let school = m
        .actions
        .iter()
        .position(|a| is_school(&m, &a.organisation))
        .expect("a school action");
    let no_mandate = m
        .participants
        .iter()
        .find(|p| is_school(&m, &p.organisation) && p.mandate.is_none())
        .unwrap()
        .id
        .clone();
    m.actions[school].decision = samsyn::meeting::Decision::AtTable {
        by: vec![no_mandate],
    };
    let forged = m.content_hash();
    m.finalized.as_mut().unwrap().hash = forged;
    assert_eq!(m.stamp_matches(), Some(true));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("forged.ron");
    store::save(&path, &m).unwrap();

    common::samsyn_bare()
        .args(["--lang", "en", "check"])
        .arg(&path)
        .assert()
        .code(65)
        .stdout(predicate::str::contains("FINALIZED BUT BREAKS THE RULES"))
        .stdout(predicate::str::contains("[decider-no-mandate]"));
    common::samsyn_bare()
        .args(["--lang", "en", "export", "--format", "md", "-o", "-"])
        .arg(&path)
        .assert()
        .code(65)
        .stdout("")
        .stderr(predicate::str::contains(
            "the finalized minutes break the rules",
        ));
}

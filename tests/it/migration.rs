//! Meeting-file format 1 (organisations as free text) is read, upgraded to format 2
//! (organisations as records) and saved as format 2; a finalized format-1 meeting stays
//! verifiable. Every format-1 file kept in tests/format1 — the examples and the test
//! fixture as they were, and two finalized by the last format-1 build — goes through it.

use crate::common;

use samsyn::meeting::{Decision, Id, Meeting, Person};
use std::path::{Path, PathBuf};

fn format1() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/format1");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    files
}

fn load(path: &Path) -> Meeting {
    samsyn::store::load(path).unwrap_or_else(|e| panic!("{e}"))
}

fn org_of(m: &Meeting, participant: &str) -> Option<String> {
    m.organisation_of(&Id::new(participant))
        .map(|o| o.name.clone())
}

#[test]
fn every_format_1_file_loads_upgrades_saves_and_reloads_equal() {
    let files = format1();
    assert!(files.len() >= 5, "{files:?}");
    let dir = tempfile::tempdir().unwrap();
    for path in files {
        let src = std::fs::read_to_string(&path).unwrap();
        assert!(src.contains("format: 1,"), "{} is format 1", path.display());
        let m = load(&path);
        assert_eq!(m.format, 2, "{}", path.display());
        // Saved in format 2, read back the same, and written the same again; finalized
        // minutes are never rewritten (their stamp is over the format-1 file).
        let copy = dir.path().join(path.file_name().unwrap());
        samsyn::store::save(&copy, &m).unwrap();
        if m.is_finalized() {
            assert!(!copy.exists(), "{}", path.display());
            continue;
        }
        let text = std::fs::read_to_string(&copy).unwrap();
        assert!(text.contains("format: 2,"), "{text}");
        let again = load(&copy);
        assert_eq!(again, m, "{}", path.display());
        assert_eq!(samsyn::store::to_ron(&again), text, "{}", path.display());
        // Nothing of the family became an organisation.
        assert!(
            m.organisations
                .iter()
                .all(|o| o.name.to_lowercase() != "familjen"),
            "{}: {:?}",
            path.display(),
            m.organisations
        );
        for p in m.participants.iter().filter(|p| p.is_family()) {
            assert_eq!(p.organisation, None, "{}: {}", path.display(), p.name);
        }
    }
}

#[test]
fn organisations_come_from_the_distinct_texts_and_same_text_participants_share_one() {
    let m = load(Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/format1/sip-bup.ron"
    )));
    let names: Vec<&str> = m.organisations.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Skola: Björkhagaskolan",
            "Socialtjänst: Barn och unga",
            "BUP Södra"
        ]
    );
    // Hanna Ström and Oskar Lind were both "Skola: Björkhagaskolan".
    assert_eq!(
        m.participants[0].organisation,
        m.participants[1].organisation
    );
    assert_eq!(org_of(&m, "p4").as_deref(), Some("BUP Södra"));
    assert_eq!(
        m.organisations[2].huvudman,
        samsyn::meeting::Huvudman::Region
    );
    // The free-text cost bearers found their organisations: "Region (BUP Södra)",
    // "Björkhagaskolan", "Socialtjänsten, Barn och unga".
    let cost = |i: usize| {
        m.actions[i]
            .cost_bearer
            .as_ref()
            .map(|o| m.organisation_name(o))
    };
    assert_eq!(cost(0).as_deref(), Some("BUP Södra"));
    assert_eq!(cost(2).as_deref(), Some("Skola: Björkhagaskolan"));
    assert_eq!(cost(3).as_deref(), Some("Socialtjänst: Barn och unga"));
    // The awaited decision's organisation, and the family's own measure.
    assert!(matches!(
        &m.actions[3].decision,
        Decision::Awaiting { organisation: Some(o), .. } if m.organisation_name(o) == "Socialtjänst: Barn och unga"
    ));
    assert_eq!(m.actions[5].organisation, None);
    assert_eq!(
        m.action_kind(&m.actions[5]),
        samsyn::meeting::ActionKind::Atgard
    );
    assert_eq!(
        m.action_kind(&m.actions[0]),
        samsyn::meeting::ActionKind::Insats
    );
    // A consent's scope names the organisations it covers; the text stays.
    assert_eq!(m.consents[0].organisations.len(), 3);
    assert_eq!(
        m.consents[0].given_by,
        vec![Person::Participant(Id::new("p5"))]
    );
    assert!(m.consents[0].scope.contains("får utbyta uppgifter"));
    assert_eq!(
        m.overall_responsible
            .as_ref()
            .map(|r| m.organisation_name(&r.organisation)),
        Some("Socialtjänst: Barn och unga".to_string())
    );
}

#[test]
fn an_unknown_cost_bearer_text_is_kept_in_words() {
    let src = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/format1/sip-bup.ron"
    ))
    .unwrap()
    .replace(
        "cost_bearer: Some(\"Björkhagaskolan\")",
        "cost_bearer: Some(\"Kommunens resursfond\")",
    );
    let m = samsyn::store::parse(Path::new("sip-bup.ron"), &src).unwrap();
    let fund = m.actions[2]
        .cost_bearer
        .as_ref()
        .map(|o| m.organisation_name(o));
    assert_eq!(
        fund.as_deref(),
        Some("Kommunens resursfond"),
        "a new organisation"
    );
    // The family's own costs are no organisation: said in the status comment instead.
    let src = src.replace(
        "deadline: Some(\"2026-12-11\"),\n      start: Some(\"2026-11-05\"),",
        "deadline: Some(\"2026-12-11\"),\n      start: Some(\"2026-11-05\"),\n      cost_bearer: Some(\"Familjen själv\"),",
    );
    let m = samsyn::store::parse(Path::new("sip-bup.ron"), &src).unwrap();
    assert_eq!(m.actions[5].cost_bearer, None);
    assert!(
        m.actions[5]
            .status_comment
            .contains("Kostnadsansvar: Familjen själv"),
        "{}",
        m.actions[5].status_comment
    );
}

#[test]
fn a_finalized_format_1_meeting_still_verifies_and_checks() {
    for name in ["sip-bup-finalized.ron", "samba-skolfranvaro-finalized.ron"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/format1")
            .join(name);
        let m = load(&path);
        assert!(m.is_finalized());
        assert!(m.upgraded.is_upgraded());
        assert_eq!(m.stamp_matches(), Some(true), "{name}");
        // `samsyn check` accepts it; rules newer than the stamp are shown, not failed.
        let home = tempfile::tempdir().unwrap();
        common::samsyn(home.path())
            .arg("check")
            .arg(&path)
            .assert()
            .success();
        // Changed by hand afterwards, it is detected as before.
        let src = std::fs::read_to_string(&path).unwrap();
        let tampered = src.replacen("what: \"", "what: \"Inte ", 1);
        assert_ne!(tampered, src);
        let m = samsyn::store::parse(&path, &tampered).unwrap();
        assert_eq!(m.stamp_matches(), Some(false), "{name}");
        // In memory, a change after reading is a change too.
        let mut m = load(&path);
        m.title.push('!');
        assert_eq!(m.stamp_matches(), Some(false), "{name}");
    }
}

#[test]
fn amending_a_format_1_meeting_keeps_the_finalized_file_as_written() {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/format1/sip-bup-finalized.ron");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sip.ron");
    std::fs::copy(&source, &path).unwrap();
    let mut m = load(&path);
    let at = "2026-11-20T10:00:00".parse().unwrap();
    let kept = samsyn::store::amend(&path, &mut m, "Fel datum", "Fatima Rahimi", at).unwrap();
    assert_eq!(
        std::fs::read(&kept).unwrap(),
        std::fs::read(&source).unwrap(),
        "the finalized version is the file as it was"
    );
    assert_eq!(load(&kept).stamp_matches(), Some(true));
    let draft = load(&path);
    assert!(!draft.is_finalized());
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("format: 2,")
    );
}

#[test]
fn an_upgraded_draft_is_judged_by_every_rule() {
    // The cost-mandate problem of the finalized copy blocks in the draft.
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/format1/sip-bup.ron");
    let m = load(&source);
    let codes: Vec<_> = samsyn::rules::blocking(&m, &common::sip_agenda())
        .iter()
        .map(|p| p.code)
        .collect();
    assert!(
        codes.contains(&samsyn::rules::Code::DeciderNoCostMandate),
        "{codes:?}"
    );
}

#[test]
fn finalized_format_1_minutes_are_never_rewritten_by_a_save() {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/format1/sip-bup-finalized.ron");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sip.ron");
    std::fs::copy(&source, &path).unwrap();
    let m = load(&path);
    // What the screen does on quit: save the open meeting.
    samsyn::store::save(&path, &m).unwrap();
    assert_eq!(
        std::fs::read(&path).unwrap(),
        std::fs::read(&source).unwrap()
    );
    assert_eq!(load(&path).stamp_matches(), Some(true));
}

#[test]
fn a_link_to_the_previous_meeting_without_an_announced_date_is_written_as_format_1_did() {
    let p = samsyn::meeting::PreviousMeeting {
        id: "x".into(),
        file: "f.ron".into(),
        date: "2026-01-01".parse().unwrap(),
        hash: String::new(),
        announced: None,
    };
    assert_eq!(
        ron::to_string(&p).unwrap(),
        r#"(id:"x",file:"f.ron",date:"2026-01-01",hash:"")"#
    );
}

//! Every JSON export validates against docs/samsyn-minutes.schema.json (JSON Schema
//! 2020-12, checked with the `jsonschema` crate): the example meetings in both languages,
//! pseudonymized or not, drafts and finalized minutes with justerare, a follow-up with its
//! reviews, meetings read from format 1. And the schema rejects a broken export.

use crate::common;

use samsyn::agenda::Catalogue;
use samsyn::export::{self, Format, Options};
use samsyn::i18n::Lang;
use samsyn::meeting::{Meeting, Outcome};
use serde_json::Value;
use std::path::Path;

fn schema() -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/samsyn-minutes.schema.json");
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).expect("the schema is JSON");
    jsonschema::meta::validate(&schema).expect("the schema is a valid JSON Schema");
    jsonschema::validator_for(&schema).expect("the schema compiles")
}

fn json(m: &Meeting, agenda: &samsyn::agenda::Agenda, lang: Lang, pseudonymize: bool) -> Value {
    let bytes = export::export(
        m,
        agenda,
        Format::Json,
        Options {
            lang,
            pseudonymize,
            contacts: false,
        },
    )
    .unwrap_or_else(|e| panic!("{e}"));
    serde_json::from_slice(&bytes).unwrap()
}

/// The schema's complaints about `value`, one per line.
fn errors(v: &jsonschema::Validator, value: &Value) -> Vec<String> {
    v.iter_errors(value)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

fn assert_valid(v: &jsonschema::Validator, name: &str, value: &Value) {
    let errors = errors(v, value);
    assert!(errors.is_empty(), "{name}:\n{}", errors.join("\n"));
}

/// Every meeting the tests know, with its agenda.
fn meetings() -> Vec<(String, Meeting, samsyn::agenda::Agenda)> {
    let catalogue = Catalogue::builtin();
    let builtin = |m: &Meeting| catalogue.get(&m.agenda.id).unwrap().clone();
    let mut all: Vec<(String, Meeting, samsyn::agenda::Agenda)> = common::examples()
        .into_iter()
        .map(|(n, m)| {
            let a = builtin(&m);
            (n, m, a)
        })
        .collect();
    all.push((
        "fixture-draft".into(),
        common::sip_meeting(),
        common::sip_agenda(),
    ));
    all.push((
        "fixture-final".into(),
        common::finalized_sip_meeting(),
        common::sip_agenda(),
    ));
    // Finalized with justerare named.
    let mut m = common::sip_meeting();
    let at = m.date.and_hms_opt(15, 0, 0).unwrap();
    samsyn::rules::finalize_with(
        &mut m,
        &common::sip_agenda(),
        "Karin Ek",
        &["Maria Lind".into(), "Per Ek".into()],
        at,
    )
    .unwrap();
    all.push(("justerare".into(), m.clone(), common::sip_agenda()));
    // Amended: a revision log with a reason, and a draft again.
    let mut amended = m;
    amended
        .amend("Fel datum", "Karin Ek", at + chrono::Duration::hours(1))
        .unwrap();
    all.push(("amended".into(), amended, common::sip_agenda()));
    // The follow-up of the finalized SIP example, every action reviewed.
    let (_, mut sip) = common::examples()
        .into_iter()
        .find(|(n, _)| n == "sip-bup")
        .unwrap();
    let agenda = builtin(&sip);
    let at = sip.date.and_hms_opt(12, 0, 0).unwrap();
    samsyn::rules::finalize(&mut sip, &agenda, "Samtalsledaren", at).unwrap();
    let next = catalogue
        .get(agenda.follow_up_agenda.as_deref().unwrap())
        .unwrap()
        .clone();
    let r = samsyn::meeting::AgendaRef {
        id: next.id.clone(),
        version: next.version,
    };
    let mut fu = sip
        .start_follow_up(
            r,
            "Uppföljning",
            sip.date + chrono::Days::new(60),
            "sip.ron",
        )
        .unwrap();
    for (i, r) in fu.reviews.iter_mut().enumerate() {
        r.outcome = Some(if i % 2 == 0 {
            Outcome::Done
        } else {
            Outcome::Continues
        });
        r.comment = "Klart".into();
    }
    assert!(fu.previous.is_some() && !fu.reviews.is_empty());
    all.push(("follow-up".into(), fu, next));
    // Read from meeting-file format 1 and upgraded.
    for name in ["sip-bup-finalized", "samba-skolfranvaro"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/format1")
            .join(format!("{name}.ron"));
        let m = samsyn::store::load(&path).unwrap_or_else(|e| panic!("{e}"));
        let a = builtin(&m);
        all.push((format!("format1-{name}"), m, a));
    }
    all
}

#[test]
fn every_json_export_validates_against_the_schema() {
    let v = schema();
    for (name, m, agenda) in meetings() {
        for lang in [Lang::Sv, Lang::En] {
            for pseudonymize in [false, true] {
                let value = json(&m, &agenda, lang, pseudonymize);
                assert_valid(&v, &format!("{name} {lang:?} {pseudonymize}"), &value);
            }
        }
    }
}

#[test]
fn the_phases_stand_in_agenda_order_with_their_titles() {
    for (name, m, agenda) in meetings() {
        for lang in [Lang::Sv, Lang::En] {
            let value = json(&m, &agenda, lang, false);
            let phases = value["phases"].as_array().unwrap();
            let got: Vec<(&str, &str)> = phases
                .iter()
                .map(|p| (p["id"].as_str().unwrap(), p["title"].as_str().unwrap()))
                .collect();
            let want: Vec<(&str, &str)> = agenda
                .phases
                .iter()
                .map(|p| (p.id.as_str(), p.title.get(lang)))
                .collect();
            assert_eq!(got, want, "{name} {lang:?}");
            assert_eq!(value["lang"], lang.pick("sv", "en"));
        }
    }
}

#[test]
fn an_absent_value_is_null_and_never_left_out() {
    // The follow-up's link to a predecessor that announced no date: `announced` is null,
    // although the meeting file leaves it out; a stamp without justerare has `[]`.
    let (name, mut m, agenda) = meetings()
        .into_iter()
        .find(|(n, ..)| n == "follow-up")
        .unwrap();
    m.previous.as_mut().unwrap().announced = None;
    let value = json(&m, &agenda, Lang::Sv, false);
    assert_eq!(
        value["meeting"]["previous"]["announced"],
        Value::Null,
        "{name}"
    );
    assert!(
        value["meeting"]["previous"]
            .as_object()
            .unwrap()
            .contains_key("announced")
    );
    let value = json(
        &common::finalized_sip_meeting(),
        &common::sip_agenda(),
        Lang::Sv,
        false,
    );
    assert_eq!(
        value["meeting"]["finalized"]["justerare"],
        Value::Array(vec![])
    );
    // And what reads back is the same meeting.
    let text = serde_json::to_string(&value).unwrap();
    let env = export::json::from_json(&text).unwrap();
    assert_eq!(env.meeting, common::finalized_sip_meeting());
}

#[test]
fn the_schema_rejects_a_broken_export() {
    let v = schema();
    let good = json(
        &common::finalized_sip_meeting(),
        &common::sip_agenda(),
        Lang::En,
        false,
    );
    assert_valid(&v, "the unbroken export", &good);
    type Break = fn(&mut Value);
    let breaks: [(&str, Break); 8] = [
        ("no phases", |v| {
            v.as_object_mut().unwrap().remove("phases");
        }),
        ("a field left out instead of null", |v| {
            v["meeting"]["participants"][0]
                .as_object_mut()
                .unwrap()
                .remove("contact");
        }),
        ("a date as words", |v| {
            v["meeting"]["date"] = "10 mars 2026".into()
        }),
        ("an unknown field", |v| {
            v["meeting"]["child_name"] = "Elsa".into()
        }),
        ("an attendance samsyn has no word for", |v| {
            v["meeting"]["participants"][0]["attendance"] = "Here".into();
        }),
        ("a huvudman that is no huvudman", |v| {
            v["meeting"]["organisations"][0]["huvudman"] = "Familj".into();
        }),
        ("a short hash", |v| {
            v["meeting"]["finalized"]["hash"] = "abc".into()
        }),
        ("another format", |v| v["format"] = "other".into()),
    ];
    for (what, broken) in breaks {
        let mut value = good.clone();
        broken(&mut value);
        assert!(
            !errors(&v, &value).is_empty(),
            "the schema accepted an export with {what}"
        );
    }
}

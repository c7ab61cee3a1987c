//! A realistic SIP meeting built in code, for the export tests: a family whose names
//! appear in free text, an action awaiting a decision, one by the family, one private.
//!
//! The one test support: this builder and `samsyn()` for the binary here; the meetings
//! the durability tests write (`fixtures`); the screen fixture with a TestBackend and a
//! fixed clock (`screen`); the pseudo-terminal harness (`pty`).
#![allow(dead_code)]

pub mod build;
pub mod fixtures;
pub mod pty;
pub mod screen;

use build::{Build, org};
use chrono::{NaiveDate, NaiveTime};
use samsyn::agenda::{self, Agenda};
use samsyn::meeting::*;
use std::path::Path;

pub const FAMILY_NAMES: [&str; 3] = ["Elsa Lindqvist", "Maria Lindqvist", "Jonas Berg"];

/// A SIP agenda with every phase kind the minutes render.
pub fn sip_agenda() -> Agenda {
    let src = r#"(
  format: 1,
  id: "sip",
  version: 1,
  name: (sv: "SIP – samordnad individuell plan", en: "SIP – coordinated individual plan"),
  description: (sv: "SIP-möte", en: "SIP meeting"),
  legal_reference: (sv: "Socialtjänstlagen och hälso- och sjukvårdslagen (16 kap. 4 § HSL) om samordnad individuell plan.", en: "The Social Services Act and the Health and Medical Services Act on coordinated individual plans."),
  rules: (consent_required: true, overall_responsible_required: true, max_weeks_to_follow_up: 12),
  phases: [
    (id: "roller", kind: Roles, title: (sv: "Presentation och roller", en: "Introductions and roles"), minutes: 10, required: true),
    (id: "samtycke", kind: Consent, title: (sv: "Samtycke", en: "Consent"), minutes: 5, required: true),
    (id: "situation", kind: Situation, title: (sv: "Aktuell situation", en: "The current situation"), minutes: 20, required: true),
    (id: "barnets-rost", kind: ChildVoice, title: (sv: "Barnets röst", en: "The child's voice"), minutes: 10, required: true),
    (id: "mal", kind: Goal, title: (sv: "Behov och mål", en: "Needs and goals"), minutes: 15, required: true),
    (id: "insatser", kind: Actions, title: (sv: "Insatser: vem gör vad till när", en: "Actions: who does what by when"), minutes: 20, required: true),
    (id: "sammanfattning", kind: Summary, title: (sv: "Sammanfattning och ansvar", en: "Summary and responsibility"), minutes: 5),
    (id: "uppfoljning", kind: FollowUp, title: (sv: "Uppföljning", en: "Follow-up"), minutes: 5, required: true),
    (id: "utvardering", kind: Evaluation, title: (sv: "Utvärdering av mötet", en: "Evaluating the meeting"), minutes: 5),
  ],
)"#;
    agenda::parse(Path::new("test-sip.ron"), src).expect("the test agenda is valid")
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[allow(clippy::too_many_arguments)]
fn person(
    id: &str,
    name: &str,
    organisation: Option<&str>,
    role: &str,
    kind: ParticipantKind,
    mandate: Option<&str>,
    attendance: Attendance,
) -> Participant {
    build::person(id, name, kind)
        .of(organisation)
        .role(role)
        .mandate(mandate, true)
        .attending(attendance)
}

pub fn sip_meeting() -> Meeting {
    let mut m = Meeting::new(
        AgendaRef {
            id: "sip".into(),
            version: 1,
        },
        "SIP för Elsa",
        d("2026-03-10"),
    );
    m.id = "5a1e0c0ffee12345".into();
    m.case_ref = "BoF 2026-0412".into();
    m.start = Some(NaiveTime::from_hms_opt(13, 0, 0).unwrap());
    m.end = Some(NaiveTime::from_hms_opt(14, 30, 0).unwrap());
    m.place = "Nyboskolan, konferensrum 2 | Teams".into();
    m.facilitator = "Karin Ek".into();
    m.note_taker = "Ahmed Haddad".into();
    m.initiator = "Nyboskolan, elevhälsan".into();
    m.subject = Subject {
        name: "Elsa Lindqvist".into(),
        initials: "E. L.".into(),
    };
    use Attendance::*;
    use Huvudman::*;
    use ParticipantKind::*;
    m.organisations = vec![
        org("o1", "Socialtjänst: Barn och familj", Kommun),
        org("o2", "Skola: Nyboskolan", Kommun),
        org("o3", "BUP", Region),
        org("o4", "Fritidsgården Ljuset", Privat),
    ];
    m.participants = vec![
        person(
            "p1",
            "Karin Ek",
            Some("o1"),
            "samordnare",
            Professional,
            Some("insatser enligt SoL inom öppenvården"),
            InRoom,
        ),
        person(
            "p2",
            "Ahmed Haddad",
            Some("o2"),
            "rektor",
            Professional,
            Some("stöd och anpassningar i skolan"),
            InRoom,
        ),
        person(
            "p3",
            "Sofia Nilsson",
            Some("o3"),
            "psykolog",
            Professional,
            None,
            Video,
        ),
        person(
            "p4",
            "Maria Lindqvist",
            None,
            "vårdnadshavare",
            Guardian,
            None,
            InRoom,
        ),
        person(
            "p5",
            "Jonas Berg",
            None,
            "vårdnadshavare",
            Guardian,
            None,
            Phone,
        ),
        person("p6", "Elsa Lindqvist", None, "", Child, None, InRoom),
        person(
            "p7",
            "Per Öberg",
            Some("o4"),
            "fritidsledare",
            Professional,
            Some("verksamheten på fritidsgården"),
            Declined {
                reason: "sjuk".into(),
            },
        ),
    ];
    m.consents = vec![Consent {
        given_by: vec![Person::Participant(Id::new("p4"))],
        organisations: vec![Id::new("o1"), Id::new("o2"), Id::new("o3")],
        child_view: String::new(),
        scope: "Socialtjänsten, Nyboskolan och BUP får utbyta uppgifter om Elsa".into(),
        exclusions: "Uppgifter om Jonas Bergs hälsa".into(),
        form: ConsentForm::Written,
        date: d("2026-03-10"),
        valid_until: Some(d("2027-03-10")),
        withdrawn: None,
    }];
    m.phase_mut("roller").notes =
        "Karin Ek leder mötet neutralt. Elsa var med första halvtimmen.".into();
    m.phase_mut("roller").heard = vec![Id::new("p1"), Id::new("p4"), Id::new("p6")];
    m.situation = Situation {
        works_well:
            "Elsa har en god relation till sin mentor.\nMaria Lindqvist och skolan har tät kontakt."
                .into(),
        worries: "Elsas frånvaro är 40 % sedan januari.".into(),
        risk_factors: "Sömnsvårigheter.".into(),
        protective_factors: "Intresse för musik; mormor i närheten.".into(),
    };
    m.child_voice = ChildVoice {
        views: "Elsa säger: \"Jag vill gå i skolan men inte på morgonen.\"".into(),
        how_obtained: "Samtal med kuratorn före mötet.".into(),
        not_obtained_reason: String::new(),
    };
    m.needs = vec![
        "En förutsägbar skoldag".into(),
        "Utredning av sömnen".into(),
    ];
    m.goals = vec![
        Goal {
            id: Id::new("g1"),
            text: "Elsa går i skolan varje dag".into(),
            kind: GoalKind::LongTerm,
            indicator: "Närvaron över 80 % i maj".into(),
            parent: None,
        },
        Goal {
            id: Id::new("g2"),
            text: "Elsa kommer till första lektionen tre dagar i veckan".into(),
            kind: GoalKind::ShortTerm,
            indicator: String::new(),
            parent: Some(Id::new("g1")),
        },
    ];
    let mut a1 = Action::new(
        Id::new("a1"),
        "Anpassat schema med senare start | två dagar i veckan",
        Performer::Participant(Id::new("p2")),
        Some(Id::new("o2")),
        Decision::AtTable {
            by: vec![Id::new("p2")],
        },
    );
    a1.deadline = Some(d("2026-03-24"));
    a1.goals = vec![Id::new("g2")];
    a1.feedback = Some(Feedback {
        from: "Ahmed Haddad".into(),
        to: "Karin Ek".into(),
        by: Some(d("2026-04-07")),
    });
    let mut a2 = Action::new(
        Id::new("a2"),
        "Sömnutredning för Elsa",
        Performer::Participant(Id::new("p3")),
        Some(Id::new("o3")),
        Decision::Awaiting {
            decision_maker: "Enhetschef BUP".into(),
            organisation: Some(Id::new("o3")),
            decide_by: Some(d("2026-04-15")),
            reason: "Utredningen kräver enhetschefens beslut om resurser.".into(),
        },
    );
    a2.deadline = Some(d("2026-05-15"));
    let mut a3 = Action::new(
        Id::new("a3"),
        "Maria och Jonas väcker Elsa 07.00 och följer henne till bussen",
        Performer::Family,
        None,
        Decision::AtTable {
            by: vec![Id::new("p4")],
        },
    );
    a3.start = Some(d("2026-03-11"));
    a3.deadline = Some(d("2026-05-05"));
    let mut a4 = Action::new(
        Id::new("a4"),
        "Plats i musikgruppen på torsdagar",
        Performer::Named("Per Öberg".into()),
        Some(Id::new("o4")),
        Decision::Awaiting {
            decision_maker: "Per Öberg".into(),
            organisation: Some(Id::new("o4")),
            decide_by: Some(d("2026-03-20")),
            reason: String::new(),
        },
    );
    a4.deadline = Some(d("2026-04-02"));
    m.actions = vec![a1, a2, a3, a4];
    m.overall_responsible = Some(Responsibility {
        organisation: Id::new("o1"),
        person: Some(Person::Participant(Id::new("p1"))),
    });
    m.coordinator = Some(Person::Participant(Id::new("p1")));
    m.disagreements = vec!["Jonas Berg anser att Elsa bör byta skola; övriga inte.".into()];
    m.follow_up = Some(FollowUp {
        date: d("2026-05-05"),
        time: Some(NaiveTime::from_hms_opt(13, 0, 0).unwrap()),
        place: "Nyboskolan, konferensrum 2".into(),
        convener: Some(Person::Participant(Id::new("p1"))),
        topics: "Närvaron och sömnutredningen".into(),
    });
    m.evaluations = vec![Evaluation {
        participant: Id::new("p4"),
        heard: Some(5),
        useful: Some(4),
        comment: "Bra att Elsa fick säga sitt.".into(),
    }];
    m.distribution = vec!["Elevhälsan, Nyboskolan".into()];
    m
}

/// The same meeting, finalized by the facilitator.
pub fn finalized_sip_meeting() -> Meeting {
    let mut m = sip_meeting();
    let at = d("2026-03-10").and_hms_opt(14, 35, 0).unwrap();
    samsyn::rules::finalize(&mut m, &sip_agenda(), "Karin Ek", at)
        .unwrap_or_else(|p| panic!("the fixture must be finalizable: {p:?}"));
    m
}

/// The example meetings that ship in `examples/`.
pub fn examples() -> Vec<(String, Meeting)> {
    ["samba-skolfranvaro", "sip-bup", "incomplete"]
        .iter()
        .map(|n| {
            let path = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("examples")
                .join(format!("{n}.ron"));
            let m = samsyn::store::load(&path).unwrap_or_else(|e| panic!("{e}"));
            (n.to_string(), m)
        })
        .collect()
}

/// The full names of the child and the family, read straight from the meeting.
pub fn family_names(m: &Meeting) -> Vec<String> {
    let mut names: Vec<String> = m
        .participants
        .iter()
        .filter(|p| p.is_family())
        .map(|p| p.name.clone())
        .collect();
    names.push(m.subject.name.clone());
    // Consent is given by the family or next of kin; a named giver is one of them.
    for c in &m.consents {
        for giver in &c.given_by {
            if let Person::Named(n) = giver {
                let end = n.find([',', '(']).unwrap_or(n.len());
                names.push(n[..end].trim().to_string());
            }
        }
    }
    names.retain(|n| n.contains(' '));
    names.sort();
    names.dedup();
    names
}

/// The samsyn binary, run from the crate root with nothing of the user's: a clean
/// environment, `config_home` as its home and config directory (so no user agendas,
/// settings or key files), Swedish by default as on a machine without a locale.
pub fn samsyn(config_home: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(env!("CARGO_BIN_EXE_samsyn"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", config_home)
        .env("XDG_CONFIG_HOME", config_home)
        .env("XDG_DATA_HOME", config_home.join("data"))
        .env("LANG", "C.UTF-8");
    cmd
}

/// The binary with an empty home of its own (under cargo's temporary target folder), for
/// runs that only read the files they are given.
pub fn samsyn_bare() -> assert_cmd::Command {
    let home = Path::new(env!("CARGO_TARGET_TMPDIR")).join("empty-home");
    std::fs::create_dir_all(&home).unwrap();
    samsyn(&home)
}

/// The paragraphs of a Word document's body as a reader sees them, one string each (the
/// empty ones too); a non-breaking hyphen, an element of its own, reads as a hyphen.
pub fn docx_paragraphs(bytes: &[u8]) -> Vec<String> {
    use std::io::Read;
    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .map(|p| {
            p.descendants()
                .filter_map(|n| match n.tag_name().name() {
                    "t" => n.text(),
                    "noBreakHyphen" => Some("-"),
                    _ => None,
                })
                .collect::<String>()
        })
        .collect()
}

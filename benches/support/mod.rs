//! Shared by the benchmarks: the example meetings, a generated large meeting (the
//! realistic worst case for saving on every change), a fixed clock, temporary
//! directories on the project's disk, and a generated archive of many meetings.
#![allow(dead_code)]

#[cfg(feature = "tui")]
pub mod screen;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use samsyn::agenda::{Agenda, Catalogue};
use samsyn::meeting::*;
use std::path::{Path, PathBuf};

/// A meeting to measure, with the agenda it was started from.
pub struct Case {
    pub name: &'static str,
    pub meeting: Meeting,
    pub agenda: Agenda,
}

pub fn example_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
}

pub fn example(name: &str) -> Meeting {
    samsyn::store::load(&example_path(name)).expect("the example meetings load")
}

pub fn agenda_of(m: &Meeting) -> Agenda {
    Catalogue::builtin()
        .get(&m.agenda.id)
        .cloned()
        .expect("the examples use built-in agendas")
}

/// examples/sip-bup.ron: a complete SIP meeting of seven participants and six actions.
pub fn sip_bup() -> Case {
    let meeting = example("sip-bup.ron");
    let agenda = agenda_of(&meeting);
    Case {
        name: "sip-bup",
        meeting,
        agenda,
    }
}

/// The generated large meeting.
pub fn large() -> Case {
    let meeting = large_meeting();
    let agenda = agenda_of(&meeting);
    Case {
        name: "large",
        meeting,
        agenda,
    }
}

/// Both meetings, realistic first.
pub fn cases() -> [Case; 2] {
    [sip_bup(), large()]
}

/// The clock the screen benchmarks run at: during the example meeting.
pub fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 4)
        .unwrap()
        .and_hms_opt(9, 40, 0)
        .unwrap()
}

/// A temporary directory on the project's own disk (under `target/`), not in `/tmp`,
/// which may be a RAM disk where fsync costs nothing.
pub fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("a temporary directory")
}

const SENTENCES: [&str; 8] = [
    "Leo berättar att morgnarna är svårast, särskilt måndagar efter helgen.",
    "Skolan har provat en lugn plats i biblioteket och det har fungerat några gånger.",
    "Johanna säger att hon ringer runt till alla kontakter varje vecka och är trött.",
    "BUP ser en tydlig koppling mellan ångesten och redovisningar inför klassen.",
    "Socialtjänsten erbjuder familjebehandling men beslutet tar några veckor.",
    "Mentorn noterar närvaron varje dag och skickar en sammanfattning på fredagar.",
    "Det finns oro för att Leo isolerar sig på kvällarna och sover för lite.",
    "Alla är överens om att en samordnare behövs så att familjen slipper hålla ihop allt.",
];

/// Swedish running text of about `chars` characters, as a note taker would type it.
pub fn prose(chars: usize, seed: usize) -> String {
    let mut out = String::new();
    let mut i = seed;
    while out.chars().count() < chars {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(SENTENCES[i % SENTENCES.len()]);
        i += 3;
    }
    out
}

const ORGS: [(&str, Huvudman); 6] = [
    ("Skola: Björkhagaskolan", Huvudman::Kommun),
    ("Socialtjänst: Barn och unga", Huvudman::Kommun),
    ("BUP Södra", Huvudman::Region),
    ("Vårdcentralen Björkhaga", Huvudman::Region),
    ("Fritidsgården Östra", Huvudman::Kommun),
    ("Habiliteringen", Huvudman::Region),
];

const FIRST: [&str; 10] = [
    "Åsa", "Örjan", "Märta", "Björn", "Zeynep", "Ahmed", "Käthe", "Jörgen", "Lía", "Sören",
];
const LAST: [&str; 8] = [
    "Ågren",
    "Öberg",
    "Lindqvist",
    "Nordström",
    "Yılmaz",
    "Al-Hassan",
    "Bäckström",
    "Ekström",
];

/// A large meeting: sip-bup.ron grown to 60 participants, 20 goals, 300 actions and
/// long free text in every text field (situation, the child's voice, phase notes,
/// action descriptions and status comments, evaluation comments). A meeting this size
/// is unusual; it is the realistic worst case for a program that saves on every change.
pub fn large_meeting() -> Meeting {
    let mut m = example("sip-bup.ron");
    m.title = "SIP – Leo (stor samordning)".into();
    // The organisations as records of the meeting, the example's reused by name.
    let ids: Vec<Id> = ORGS
        .iter()
        .map(|(name, huvudman)| {
            samsyn::directory::find_in_meeting(&m, name).unwrap_or_else(|| {
                m.add_organisation(Organisation {
                    id: Id::new(""),
                    name: (*name).into(),
                    huvudman: *huvudman,
                    mission: prose(120, name.len()),
                    parent: None,
                })
            })
        })
        .collect();
    let first_new = m.participants.len() + 1;
    for n in first_new..=60 {
        let (org, _) = ORGS[n % ORGS.len()];
        m.participants.push(Participant {
            id: Id::new(format!("p{n}")),
            name: format!("{} {}", FIRST[n % FIRST.len()], LAST[n % LAST.len()]),
            organisation: Some(ids[n % ORGS.len()].clone()),
            role: [
                "Kurator",
                "Skolsköterska",
                "Handläggare",
                "Läkare",
                "Fritidsledare",
            ][n % 5]
                .into(),
            kind: ParticipantKind::Professional,
            mandate: (n % 3 != 0).then(|| Mandate {
                scope: format!("Insatser inom {org}, {}", prose(80, n)),
                costs: n % 2 == 0,
            }),
            attendance: match n % 7 {
                0 => Attendance::Absent,
                1 => Attendance::Video,
                _ => Attendance::InRoom,
            },
            stand_in: None,
            contact: (n % 4 == 0).then(|| format!("{org}, växeln")),
            part: None,
        });
    }
    // Who may decide for each organisation: a present participant with a mandate.
    let decider = |org: &Id, m: &Meeting| -> Option<Id> {
        m.participants
            .iter()
            .find(|p| p.organisation.as_ref() == Some(org) && p.is_present() && p.has_mandate())
            .map(|p| p.id.clone())
    };
    for g in m.goals.len() + 1..=20 {
        m.goals.push(Goal {
            id: Id::new(format!("g{g}")),
            text: prose(140, g),
            kind: GoalKind::ShortTerm,
            indicator: prose(90, g + 1),
            parent: Some(Id::new("g1")),
        });
    }
    let base = m.date;
    for a in m.actions.len() + 1..=300 {
        let (org, _) = ORGS[a % ORGS.len()];
        let org_id = ids[a % ORGS.len()].clone();
        let performer = m
            .participants
            .iter()
            .filter(|p| p.organisation.as_ref() == Some(&org_id))
            .nth(a % 3)
            .map(|p| p.id.clone());
        let decision = match (a % 10, decider(&org_id, &m)) {
            (0, _) | (_, None) => Decision::Awaiting {
                decision_maker: format!("Enhetschef, {org}"),
                organisation: Some(org_id.clone()),
                decide_by: Some(base + Duration::days(14)),
                reason: prose(60, a),
            },
            (_, Some(by)) => Decision::AtTable { by: vec![by] },
        };
        let mut action = Action::new(
            Id::new(format!("a{a}")),
            prose(400, a),
            performer.map_or_else(
                || Performer::Named(format!("Handläggare, {org}")),
                Performer::Participant,
            ),
            Some(org_id.clone()),
            decision,
        );
        action.goals = vec![Id::new(format!("g{}", 1 + a % 20))];
        action.deadline = Some(base + Duration::days(7 + (a % 90) as i64));
        action.start = Some(base + Duration::days((a % 7) as i64));
        action.cost_bearer = Some(org_id.clone());
        action.feedback = Some(Feedback {
            from: org.into(),
            to: "Fatima Rahimi, samordnare".into(),
            by: Some(base + Duration::days(30)),
        });
        action.status_comment = prose(200, a + 5);
        m.actions.push(action);
    }
    m.situation = Situation {
        works_well: prose(3000, 0),
        worries: prose(3000, 1),
        risk_factors: prose(1500, 2),
        protective_factors: prose(1500, 3),
    };
    m.child_voice.views = prose(3000, 4);
    m.child_voice.how_obtained = prose(500, 5);
    let present: Vec<Id> = m
        .participants
        .iter()
        .filter(|p| p.is_present())
        .map(|p| p.id.clone())
        .collect();
    for (i, phase) in agenda_of(&m).phases.iter().enumerate() {
        let record = m.phase_mut(&phase.id);
        record.notes = prose(2000, i);
        record.heard = present.clone();
    }
    m.needs.extend((0..16).map(|i| prose(150, i)));
    m.disagreements.extend((0..10).map(|i| prose(300, i)));
    m.evaluations = present
        .iter()
        .enumerate()
        .map(|(i, id)| Evaluation {
            participant: id.clone(),
            heard: Some(1 + (i % 5) as u8),
            useful: Some(1 + ((i + 2) % 5) as u8),
            comment: prose(120, i),
        })
        .collect();
    m
}

/// Write an archive of `count` meetings into `dir`: the three examples in turn, each
/// with its own id and date, written plainly (no fsync: this is setup, not measured).
pub fn write_archive(dir: &Path, count: usize) {
    let examples = [
        example("sip-bup.ron"),
        example("samba-skolfranvaro.ron"),
        example("incomplete.ron"),
    ];
    let first = NaiveDate::from_ymd_opt(2024, 1, 8).unwrap();
    for i in 0..count {
        let mut m = examples[i % examples.len()].clone();
        m.id = format!("{i:016x}");
        m.date = first + Duration::days(i as i64 * 2);
        m.case_ref = format!("SOC-{}-{i:04}", m.date.format("%Y"));
        let path = dir.join(samsyn::store::new_file_name(&m));
        std::fs::write(&path, samsyn::store::to_ron(&m)).expect("write an archive file");
    }
}

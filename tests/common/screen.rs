//! Shared by the screen tests: a realistic SIP meeting, an agenda with every phase kind,
//! and an app built around them with a fixed clock and no terminal.
#![allow(dead_code)]

use super::build::{Build, org};
use chrono::{NaiveDate, NaiveDateTime};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::{
    Terminal,
    backend::{Backend, TestBackend},
};
use samsyn::agenda::{self, Agenda, AgendaSource, Catalogue};
use samsyn::i18n::Lang;
use samsyn::meeting::*;
use samsyn::tui::app::{Screen, Session};
use samsyn::tui::keys::KeyMap;
use samsyn::tui::theme::{Theme, ThemeName};
use samsyn::tui::{App, Event, update};
use std::path::{Path, PathBuf};

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn now() -> NaiveDateTime {
    day(2026, 12, 3).and_hms_opt(14, 25, 0).unwrap()
}

pub fn all_phases_agenda() -> Agenda {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/all-phases.ron");
    agenda::load_file(&path).expect("the test agenda is valid")
}

fn participant(
    id: &str,
    name: &str,
    role: &str,
    org: Option<&str>,
    kind: ParticipantKind,
    mandate: Option<&str>,
    attendance: Attendance,
) -> Participant {
    super::build::person(id, name, kind)
        .of(org)
        .role(role)
        .mandate(mandate, false)
        .attending(attendance)
}

/// A SIP meeting well under way: three professionals (one without mandate), a guardian,
/// an absent BUP psychologist, consent, the child's voice, goals and three actions —
/// one decided at the table, one awaiting a decision, one whose decider has no mandate.
pub fn sip_meeting(agenda: &Agenda) -> Meeting {
    let mut m = Meeting::new(
        AgendaRef {
            id: agenda.id.clone(),
            version: agenda.version,
        },
        "SIP för Elsa",
        day(2026, 12, 3),
    );
    m.case_ref = "ÄR-2026-117".into();
    m.start = chrono::NaiveTime::from_hms_opt(14, 0, 0);
    m.place = "Nyboskolan, konferensrum 2".into();
    m.facilitator = "Maria Lund".into();
    m.note_taker = "Per Ek".into();
    m.initiator = "Lena Ek".into();
    m.subject = Subject {
        name: "Elsa Svensson".into(),
        initials: "E. S.".into(),
    };
    use Attendance::*;
    use Huvudman::*;
    use ParticipantKind::*;
    m.organisations = vec![
        org("o1", "Skola: Nyboskolan", Kommun),
        org("o2", "Socialtjänst: Barn och familj", Kommun),
        org("o3", "BUP", Region),
    ];
    m.participants = vec![
        participant(
            "p1",
            "Lena Ek",
            "rektor",
            Some("o1"),
            Professional,
            Some("insatser i skolan"),
            InRoom,
        ),
        participant(
            "p2",
            "Kim Berg",
            "kurator",
            Some("o1"),
            Professional,
            None,
            InRoom,
        ),
        participant(
            "p3",
            "Sara Holm",
            "socialsekreterare",
            Some("o2"),
            Professional,
            Some("insatser enligt SoL"),
            Video,
        ),
        participant(
            "p4",
            "Anna Svensson",
            "vårdnadshavare",
            None,
            Guardian,
            None,
            InRoom,
        ),
        participant(
            "p5",
            "Jonas Ali",
            "psykolog",
            Some("o3"),
            Professional,
            Some("utredning"),
            Absent,
        ),
    ];
    m.consents = vec![Consent {
        given_by: vec![Person::Participant(Id::new("p4"))],
        organisations: vec![Id::new("o1"), Id::new("o2"), Id::new("o3")],
        child_view: String::new(),
        scope: "Skola, socialtjänst och BUP får dela information med varandra".into(),
        exclusions: "Uppgifter om syskon".into(),
        form: ConsentForm::Written,
        date: day(2026, 11, 20),
        valid_until: Some(day(2027, 11, 20)),
        withdrawn: None,
    }];
    m.phase_mut("syfte").notes =
        "Elsa har hög frånvaro sedan september. Vi ska enas om vem som gör vad.".into();
    m.situation = Situation {
        works_well: "Elsa trivs med sina kompisar och med idrotten.".into(),
        worries: "Frånvaro 40 % sedan september; svåra morgnar.".into(),
        risk_factors: "Ensam hemma på morgnarna.".into(),
        protective_factors: "Nära relation till mormor; engagerad mentor.".into(),
    };
    m.child_voice = ChildVoice {
        views: "Elsa säger att hon vill gå i skolan men att morgnarna är svåra.".into(),
        how_obtained: "Samtal med kuratorn Kim Berg den 28 november.".into(),
        not_obtained_reason: String::new(),
    };
    m.needs = vec!["Stöd på morgonen".into(), "Anpassad studiegång".into()];
    m.goals = vec![
        Goal {
            id: Id::new("g1"),
            text: "Elsa går i skolan varje dag".into(),
            kind: GoalKind::LongTerm,
            indicator: "Närvaron över 90 % i februari".into(),
            parent: None,
        },
        Goal {
            id: Id::new("g2"),
            text: "Elsa kommer i tid till första lektionen".into(),
            kind: GoalKind::ShortTerm,
            indicator: "Mentorn noterar tiden varje dag".into(),
            parent: Some(Id::new("g1")),
        },
    ];
    let mut a1 = Action::new(
        Id::new("a1"),
        "Morgonmöte med mentor varje skoldag",
        Performer::Participant(Id::new("p1")),
        Some(Id::new("o1")),
        Decision::AtTable {
            by: vec![Id::new("p1")],
        },
    );
    a1.deadline = Some(day(2026, 12, 15));
    a1.goals = vec![Id::new("g2")];
    let mut a2 = Action::new(
        Id::new("a2"),
        "Utreda behov av stöd i hemmet",
        Performer::Participant(Id::new("p3")),
        Some(Id::new("o2")),
        Decision::Awaiting {
            decision_maker: "Enhetschef Barn och familj".into(),
            organisation: Some(Id::new("o2")),
            decide_by: Some(day(2026, 12, 20)),
            reason: String::new(),
        },
    );
    a2.deadline = Some(day(2027, 1, 31));
    let mut a3 = Action::new(
        Id::new("a3"),
        "Samtal med kurator varje vecka",
        Performer::Participant(Id::new("p2")),
        Some(Id::new("o1")),
        Decision::AtTable {
            by: vec![Id::new("p2")],
        },
    );
    a3.deadline = Some(day(2027, 1, 20));
    m.actions = vec![a1, a2, a3];
    m.overall_responsible = Some(Responsibility {
        organisation: Id::new("o2"),
        person: Some(Person::Participant(Id::new("p3"))),
    });
    m.coordinator = Some(Person::Participant(Id::new("p3")));
    m.disagreements = vec!["Anna Svensson anser att skolan borde ha agerat tidigare.".into()];
    m.follow_up = Some(FollowUp {
        date: day(2027, 1, 21),
        time: chrono::NaiveTime::from_hms_opt(13, 0, 0),
        place: "Nyboskolan".into(),
        convener: Some(Person::Participant(Id::new("p3"))),
        topics: "Närvaron och utredningens resultat".into(),
    });
    m.evaluations = vec![Evaluation {
        participant: Id::new("p4"),
        heard: Some(4),
        useful: Some(5),
        comment: "Bra att Elsa fick komma till tals.".into(),
    }];
    m.phase_mut("roller").heard = vec![Id::new("p1"), Id::new("p4")];
    m.phase_mut("roller").elapsed_secs = 8 * 60 + 30;
    m.phase_mut("nulage").heard = vec![Id::new("p1"), Id::new("p2"), Id::new("p4")];
    m.phase_mut("nulage").elapsed_secs = 16 * 60 + 5;
    m.phase_mut("insatser").elapsed_secs = 12 * 60;
    m
}

pub struct Fixture {
    pub app: App,
    pub dir: tempfile::TempDir,
}

/// An app with `meeting` open (saved in a temporary archive), at 80×24 unless resized.
pub fn app_with(
    meeting: Meeting,
    agenda: Agenda,
    lang: Lang,
    theme: ThemeName,
    color: bool,
) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // An archive as samsyn makes it: owner only.
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    let mut catalogue = Catalogue::builtin();
    catalogue.add(agenda.clone(), AgendaSource::BuiltIn);
    let mut app = App::new(
        lang,
        Theme::new(theme, color),
        KeyMap::default(),
        catalogue,
        dir.path().to_path_buf(),
        now(),
    );
    let path = samsyn::store::save_new(dir.path(), &meeting).unwrap();
    samsyn::tui::update::open_path(&mut app, &path).unwrap();
    Fixture { app, dir }
}

pub fn sip_app(lang: Lang) -> Fixture {
    let agenda = all_phases_agenda();
    let m = sip_meeting(&agenda);
    app_with(m, agenda, lang, ThemeName::Default, true)
}

pub fn session(app: &App) -> &Session {
    match &app.screen {
        Screen::Meeting(s) => s,
        Screen::Start(_) => panic!("no meeting open"),
    }
}

/// The ids of the open meeting's phases, in the agenda's order.
pub fn phase_ids(app: &App) -> Vec<String> {
    session(app)
        .agenda
        .phases
        .iter()
        .map(|p| p.id.clone())
        .collect()
}

pub fn path(app: &App) -> PathBuf {
    session(app).path.clone()
}

pub fn goto_phase(app: &mut App, id: &str) {
    if let Screen::Meeting(s) = &mut app.screen {
        s.phase = s.agenda.phases.iter().position(|p| p.id == id).unwrap();
        s.selected = 0;
    }
}

pub fn key(app: &mut App, code: KeyCode) {
    update(app, Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

pub fn ctrl(app: &mut App, c: char) {
    update(
        app,
        Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    );
}

/// Type text character by character.
pub fn typ(app: &mut App, text: &str) {
    for c in text.chars() {
        let code = if c == '\n' {
            KeyCode::Enter
        } else {
            KeyCode::Char(c)
        };
        key(app, code);
    }
}

pub fn draw(app: &mut App, w: u16, h: u16) -> String {
    let buf = buffer(app, w, h);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .backend_mut()
        .draw(buf.content.iter().enumerate().map(|(i, c)| {
            let (x, y) = buf.pos_of(i);
            (x, y, c)
        }))
        .unwrap();
    terminal.backend().to_string()
}

/// The frame of `app` at `w`×`h`, drawn with the parts drawn before copied (`memo`) and
/// again with every part drawn afresh: the two must be the same.
pub fn buffer(app: &mut App, w: u16, h: u16) -> ratatui::buffer::Buffer {
    update(app, Event::Resize(w, h));
    let frame = |app: &App| {
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        terminal
            .draw(|f| samsyn::tui::render::render(app, f))
            .unwrap();
        terminal.backend().buffer().clone()
    };
    let copied = frame(app);
    samsyn::tui::memo::draw_afresh(true);
    let afresh = frame(app);
    samsyn::tui::memo::draw_afresh(false);
    assert_eq!(
        copied, afresh,
        "a frame with parts copied from before is the frame drawn afresh"
    );
    copied
}

//! The plan lives on (the Follow-up issue): a follow-up starts from finalized minutes with
//! everything carried over, every promise of the previous plan must be accounted for
//! before it can be finalized, lineage survives generations, and `samsyn followups`
//! finds what is due across an archive.

use crate::common;

use chrono::NaiveDate;
use samsyn::agenda::Catalogue;
use samsyn::meeting::{
    Attendance, Decision, DecisionOutcome, GoalOutcome, Id, Meeting, NotFollowable, Outcome,
};
use samsyn::rules::{self, Code};
use std::path::Path;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn example(name: &str) -> Meeting {
    samsyn::store::load(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples")
            .join(name),
    )
    .unwrap()
}

fn finalized(mut m: Meeting) -> Meeting {
    let agenda = Catalogue::builtin().get(&m.agenda.id).unwrap().clone();
    let at = m.date.and_hms_opt(12, 0, 0).unwrap();
    rules::finalize(&mut m, &agenda, "Samtalsledaren", at).unwrap_or_else(|p| panic!("{p:?}"));
    m
}

/// The follow-up of `m` from the agenda its agenda names.
fn follow_up(m: &Meeting, date: &str) -> (Meeting, samsyn::agenda::Agenda) {
    let catalogue = Catalogue::builtin();
    let next = catalogue
        .get(&m.agenda.id)
        .unwrap()
        .follow_up_agenda
        .clone()
        .unwrap();
    let agenda = catalogue.get(&next).unwrap().clone();
    let r = samsyn::meeting::AgendaRef {
        id: agenda.id.clone(),
        version: agenda.version,
    };
    (
        m.start_follow_up(r, "Uppföljning", day(date), "prev.ron")
            .unwrap(),
        agenda,
    )
}

fn codes(m: &Meeting, agenda: &samsyn::agenda::Agenda) -> Vec<Code> {
    rules::blocking(m, agenda).iter().map(|p| p.code).collect()
}

#[test]
fn each_shipped_agenda_names_its_follow_up_and_everything_is_carried_over() {
    for (file, next) in [
        ("sip-bup.ron", "sip-uppfoljning"),
        ("samba-skolfranvaro.ron", "samba-uppfoljning"),
    ] {
        let prev = finalized(example(file));
        let (m, agenda) = follow_up(&prev, "2027-01-13");
        assert_eq!(m.agenda.id, next);
        assert!(agenda.rules.follow_up_meeting);
        assert_eq!(m.organisations, prev.organisations);
        assert_eq!(m.participants.len(), prev.participants.len());
        assert!(
            m.participants
                .iter()
                .all(|p| p.attendance == Attendance::Invited)
        );
        assert_eq!(m.consents, prev.consents);
        assert_eq!(m.goals, prev.goals);
        assert_eq!(m.overall_responsible, prev.overall_responsible);
        assert_eq!(m.coordinator, prev.coordinator);
        assert_eq!(m.reviews.len(), prev.actions.len());
        assert!(m.actions.is_empty(), "the new plan starts empty");
        let p = m.previous.as_ref().unwrap();
        assert_eq!(
            (p.id.as_str(), p.file.as_str()),
            (prev.id.as_str(), "prev.ron")
        );
        assert_eq!(p.hash, prev.content_hash());
        assert_eq!(m.earlier[0].id, prev.id);
    }
    // A follow-up's follow-up is another follow-up.
    let catalogue = Catalogue::builtin();
    for id in ["sip-uppfoljning", "samba-uppfoljning"] {
        assert_eq!(
            catalogue.get(id).unwrap().follow_up_agenda.as_deref(),
            Some(id)
        );
    }
}

#[test]
fn no_follow_up_of_a_draft_a_closed_plan_or_changed_minutes() {
    let draft = example("sip-bup.ron");
    let r = draft.agenda.clone();
    assert_eq!(
        draft.start_follow_up(r.clone(), "t", day("2027-01-13"), "f"),
        Err(NotFollowable::Draft)
    );
    let mut closed = finalized(example("sip-bup.ron"));
    closed.plan_closed = Some("Målen är nådda.".into());
    assert!(matches!(
        closed.start_follow_up(r.clone(), "t", day("2027-01-13"), "f"),
        Err(NotFollowable::Closed(_) | NotFollowable::Changed)
    ));
    let mut changed = finalized(example("sip-bup.ron"));
    changed.title.push('!');
    assert_eq!(
        changed.start_follow_up(r, "t", day("2027-01-13"), "f"),
        Err(NotFollowable::Changed)
    );
}

/// The follow-up of sip-bup with everyone present, every review and goal answered as
/// done, and a follow-up date: it can be finalized.
fn reviewed(prev: &Meeting) -> (Meeting, samsyn::agenda::Agenda) {
    let (mut m, agenda) = follow_up(prev, "2027-01-13");
    for p in &mut m.participants {
        p.attendance = Attendance::InRoom;
    }
    for r in &mut m.reviews {
        r.outcome = Some(Outcome::Done);
        if r.was_awaiting() {
            r.decision = Some(DecisionOutcome::Granted {
                by: "Enhetschef".into(),
                on: Some(day("2026-11-30")),
            });
        }
    }
    for g in &mut m.goal_reviews {
        g.outcome = Some(GoalOutcome::Reached);
    }
    m.child_voice.views = "Leo tycker att det blivit bättre.".into();
    m.situation.works_well = "Leo går i skolan fyra dagar i veckan.".into();
    m.facilitator = "Fatima Rahimi".into();
    m.follow_up = None;
    m.plan_closed = Some("Målen är nådda och samordningen behövs inte längre.".into());
    (m, agenda)
}

#[test]
fn every_promise_must_be_accounted_for_before_the_follow_up_is_finalized() {
    let prev = finalized(example("sip-bup.ron"));
    let (m, agenda) = reviewed(&prev);
    assert_eq!(codes(&m, &agenda), vec![], "all accounted for");

    let trips = |code: Code, change: &dyn Fn(&mut Meeting)| {
        let mut m = m.clone();
        change(&mut m);
        let found = codes(&m, &agenda);
        assert!(found.contains(&code), "{code:?}: {found:?}");
    };
    trips(Code::ReviewMissing, &|m| m.reviews[0].outcome = None);
    trips(Code::ReviewNoComment, &|m| {
        m.reviews[1].outcome = Some(Outcome::NotDone)
    });
    trips(Code::AwaitedNotResolved, &|m| m.reviews[3].decision = None);
    trips(Code::ContinuesNotCarried, &|m| {
        m.reviews[0].outcome = Some(Outcome::Continues);
        m.reviews[0].comment = "Behandlingen fortsätter.".into();
    });
    trips(Code::GoalNotReviewed, &|m| m.goal_reviews[1].outcome = None);
    // A new organisation at the table needs a consent that names it.
    trips(Code::ConsentMissesOrganisation, &|m| {
        let id = m.add_organisation(samsyn::meeting::Organisation {
            id: Id::new(""),
            name: "Habiliteringen".into(),
            huvudman: samsyn::meeting::Huvudman::Region,
            mission: String::new(),
            parent: None,
        });
        m.participants[3].organisation = Some(id);
    });
    // Not done, with a comment, is accounted for.
    let mut ok = m.clone();
    ok.reviews[1].outcome = Some(Outcome::NotDone);
    ok.reviews[1].comment = "Läkaren var sjuk; ny tid i januari.".into();
    assert_eq!(codes(&ok, &agenda), vec![]);
}

#[test]
fn an_action_carried_over_must_pass_the_mandate_rule_again_and_keeps_its_lineage() {
    let prev = finalized(example("sip-bup.ron"));
    let (mut m, agenda) = reviewed(&prev);
    // KBT continues: carried into the new plan, decided again by Erik, with a deadline.
    m.reviews[0].outcome = Some(Outcome::Continues);
    m.reviews[0].comment = "Behandlingen fortsätter till sommaren.".into();
    let mut a = m.carry_over(0).unwrap();
    assert_eq!(a.what, prev.actions[0].what);
    let origin = a.origin.clone().unwrap();
    assert_eq!(
        (origin.meeting.as_str(), origin.since),
        (prev.id.as_str(), prev.date)
    );
    // Without a decision at this meeting, it is not valid.
    let id = m.add_action(a.clone());
    m.reviews[0].carried_to = Some(id.clone());
    assert!(codes(&m, &agenda).contains(&Code::DeciderUnknown));
    a.decision = Decision::AtTable {
        by: vec![Id::new("p4")],
    };
    a.deadline = Some(day("2027-06-15"));
    a.id = id.clone();
    *m.actions.iter_mut().find(|x| x.id == id).unwrap() = a;
    m.plan_closed = None;
    m.follow_up = Some(samsyn::meeting::FollowUp {
        date: day("2027-03-10"),
        time: None,
        place: String::new(),
        convener: Some(samsyn::meeting::Person::Participant(Id::new("p3"))),
        topics: String::new(),
    });
    assert_eq!(codes(&m, &agenda), vec![]);

    // Three generations: the next follow-up carries it again; its first plan stays.
    let second = finalized(m);
    let (mut third, _) = follow_up(&second, "2027-03-10");
    third.reviews[0].outcome = Some(Outcome::Continues);
    let again = third.carry_over(0).unwrap();
    let o = again.origin.unwrap();
    assert_eq!(o.meeting, second.id);
    assert_eq!(o.since, prev.date, "from the plan of {}", prev.date);
    assert_eq!(third.earlier.len(), 2);
    assert_eq!(third.earlier[1].id, prev.id);
}

#[test]
fn followup_and_followups_from_the_command_line() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let prev = finalized(example("sip-bup.ron"));
    let file = dir.path().join("sip.ron");
    samsyn::store::save(&file, &prev).unwrap();
    // A draft is refused, with the reason.
    let draft = dir.path().join("draft.ron");
    let mut other = example("samba-skolfranvaro.ron");
    other.id = "0123456789abcdef".into();
    samsyn::store::save(&draft, &other).unwrap();
    let out = common::samsyn(home.path())
        .args(["followup", draft.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(65));
    assert!(String::from_utf8_lossy(&out.stderr).contains("inte justerat"));
    // The follow-up is written next to the minutes, and its path printed.
    let out = common::samsyn(home.path())
        .args(["followup", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let new = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let m = samsyn::store::load(Path::new(&new)).unwrap();
    assert_eq!(m.previous.unwrap().id, prev.id);
    assert_eq!(m.date, day("2027-01-13"), "the date the minutes set");
    // A second one is refused with the path of the first, unless asked for as a branch.
    let out = common::samsyn(home.path())
        .args(["followup", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(65));
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(
        err.contains(&*Path::new(&new).file_name().unwrap().to_string_lossy()),
        "{err}"
    );
    // Across the folder: the awaited decision of 2026-12-02 is overdue on 2026-12-10.
    let report = |args: &[&str]| {
        common::samsyn(home.path())
            .args([
                "followups",
                "--dir",
                dir.path().to_str().unwrap(),
                "--today",
                "2026-12-10",
            ])
            .args(args)
            .output()
            .unwrap()
    };
    let out = report(&[]);
    assert_eq!(out.status.code(), Some(0), "a report exits 0");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("FÖRSENAD beslut inväntas: Familjebehandling"),
        "{text}"
    );
    assert!(text.contains("[utkast]"), "drafts are marked: {text}");
    let out = report(&["--check"]);
    assert_eq!(out.status.code(), Some(1), "something is overdue");
    let out = report(&["--format", "json", "--until", "2027-02-01"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let kinds: Vec<&str> = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["kind"].as_str().unwrap())
        .collect();
    for k in [
        "decision-overdue",
        "action-overdue",
        "feedback-due",
        "follow-up-due",
    ] {
        assert!(kinds.contains(&k), "{k}: {kinds:?}");
    }
    // Most urgent first: every overdue item before the first that is not.
    let overdue: Vec<bool> = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["overdue"].as_bool().unwrap())
        .collect();
    assert!(overdue.windows(2).all(|w| w[0] || !w[1]), "{overdue:?}");
    // Nothing overdue before the plan's dates: --check passes.
    let out = common::samsyn(home.path())
        .args([
            "followups",
            "--dir",
            dir.path().to_str().unwrap(),
            "--today",
            "2026-10-20",
            "--check",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn a_missing_or_amended_predecessor_is_said_and_the_follow_up_still_opens() {
    let dir = tempfile::tempdir().unwrap();
    let prev = finalized(example("sip-bup.ron"));
    let prev_path = dir.path().join("prev.ron");
    samsyn::store::save(&prev_path, &prev).unwrap();
    let (m, _) = follow_up(&prev, "2027-01-13");
    let path = samsyn::store::save_new(dir.path(), &m).unwrap();
    let m = samsyn::store::load(&path).unwrap();
    let lang = samsyn::i18n::Lang::En;
    assert_eq!(samsyn::store::previous_problem(&m, &path, lang), None);
    // Amended after the follow-up started: its hash no longer matches.
    let mut amended = prev.clone();
    samsyn::store::amend(
        &prev_path,
        &mut amended,
        "Fel datum",
        "Fatima",
        prev.date.and_hms_opt(16, 0, 0).unwrap(),
    )
    .unwrap();
    amended.follow_up.as_mut().unwrap().date = day("2027-01-20");
    samsyn::store::save(&prev_path, &amended).unwrap();
    let note = samsyn::store::previous_problem(&m, &path, lang).unwrap();
    assert!(
        note.contains("changed after the follow-up started"),
        "{note}"
    );
    // Gone.
    std::fs::remove_file(&prev_path).unwrap();
    let note = samsyn::store::previous_problem(&m, &path, lang).unwrap();
    assert!(note.contains("gone") && note.contains("prev.ron"), "{note}");
    // Unreadable.
    std::fs::write(&prev_path, "(format: 2, id: ").unwrap();
    let note = samsyn::store::previous_problem(&m, &path, lang).unwrap();
    assert!(note.contains("cannot be read"), "{note}");
    // The follow-up itself still loads and keeps everything it carried over.
    assert_eq!(
        samsyn::store::load(&path).unwrap().reviews.len(),
        prev.actions.len()
    );
}

/// An archive with one of every kind of due item, each meeting in its own file.
fn archive_with_everything_due(dir: &Path) {
    // A finalized SIP whose follow-up (2027-01-13) is due, with overdue promises that its
    // own follow-up has not taken over yet.
    let sip = finalized(example("sip-bup.ron"));
    samsyn::store::save(&dir.join("1-sip.ron"), &sip).unwrap();
    // A finalized Samba whose consent runs out before its follow-up.
    let mut samba = example("samba-skolfranvaro.ron");
    samba.id = "00000000000000aa".into();
    let follow = samba.follow_up.as_ref().unwrap().date;
    for c in &mut samba.consents {
        c.valid_until = Some(follow - chrono::Days::new(3));
    }
    let samba = finalized(samba);
    samsyn::store::save(&dir.join("2-samba.ron"), &samba).unwrap();
    // Finalized minutes with neither a follow-up nor a closing (edited by hand).
    let mut none = finalized(example("sip-bup.ron"));
    none.id = "00000000000000bb".into();
    none.case_ref = "SOC-2026-0999".into();
    none.follow_up = None;
    none.actions.clear();
    samsyn::store::save(&dir.join("3-no-next-step.ron"), &none).unwrap();
    // A follow-up in progress: a draft, marked.
    let mut prev = example("samba-skolfranvaro.ron");
    prev.id = "00000000000000cc".into();
    prev.case_ref = "SOC-2026-0777".into();
    let prev = finalized(prev);
    samsyn::store::save(&dir.join("4-prev.ron"), &prev).unwrap();
    let (draft, _) = follow_up(&prev, "2026-12-15");
    samsyn::store::save(&dir.join("5-follow-up-draft.ron"), &draft).unwrap();
}

#[test]
fn followups_over_an_archive_with_every_kind_of_due_item() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    archive_with_everything_due(dir.path());
    let run = |args: &[&str]| {
        let out = common::samsyn(home.path())
            .args(["followups", "--dir", dir.path().to_str().unwrap()])
            .args(["--today", "2026-12-10", "--until", "2027-01-31"])
            .args(args)
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8(out.stdout).unwrap())
    };
    let (code, text) = run(&[]);
    assert_eq!(code, Some(0));
    insta::assert_snapshot!("followups-text", text);
    let (_, en) = run(&["--lang", "en", "--by", "organisation"]);
    insta::assert_snapshot!("followups-by-organisation-en", en);
    let (_, json) = run(&["--format", "json"]);
    insta::assert_snapshot!("followups-json", json);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let kinds: std::collections::BTreeSet<&str> = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["kind"].as_str().unwrap())
        .collect();
    for k in [
        "follow-up-due",
        "decision-overdue",
        "action-overdue",
        "feedback-due",
        "consent-expires",
        "no-next-step",
    ] {
        assert!(kinds.contains(k), "{k}: {kinds:?}");
    }
    // The meeting that was followed up hands its promises on: the first SIP's are
    // reported once, not from both files.
    assert!(!text.contains("4-prev.ron"), "{text}");
    assert!(text.contains("[utkast]"), "{text}");
    let (code, _) = run(&["--check"]);
    assert_eq!(code, Some(1));
}

#[test]
fn the_follow_up_is_the_calendar_event_the_minutes_announced_and_moves_with_it() {
    use icalendar::{Calendar, Component};
    let prev = finalized(example("sip-bup.ron"));
    let catalogue = Catalogue::builtin();
    let ics = |m: &Meeting| -> Calendar {
        let agenda = catalogue.get(&m.agenda.id).unwrap();
        let text = samsyn::export::ics::to_ics(m, agenda, samsyn::i18n::Lang::Sv);
        text.parse().unwrap()
    };
    let announced = ics(&prev);
    let event = announced.events().next().unwrap();
    let (uid, seq) = (
        event.get_uid().unwrap().to_string(),
        event.get_sequence().unwrap(),
    );
    let (mut m, _) = follow_up(&prev, "2027-01-13");
    let same = ics(&m);
    let e = same
        .events()
        .find(|e| e.get_uid() == Some(uid.as_str()))
        .expect("the same event");
    assert_eq!(e.get_sequence(), Some(seq), "not moved: the same SEQUENCE");
    // Moved a week: the same event, a higher SEQUENCE.
    m.date = day("2027-01-20");
    let moved = ics(&m);
    let e = moved
        .events()
        .find(|e| e.get_uid() == Some(uid.as_str()))
        .unwrap();
    assert_eq!(e.get_sequence(), Some(seq + 1));
    assert_eq!(
        moved
            .events()
            .filter(|e| e.get_uid() == Some(uid.as_str()))
            .count(),
        1,
        "one event, not two"
    );
}

#[test]
fn an_amended_predecessor_is_taken_in_keeping_what_was_said() {
    let dir = tempfile::tempdir().unwrap();
    let prev = finalized(example("sip-bup.ron"));
    let prev_path = dir.path().join("prev.ron");
    samsyn::store::save(&prev_path, &prev).unwrap();
    let (mut m, _) = follow_up(&prev, "2027-01-13");
    m.reviews[1].outcome = Some(Outcome::Done);
    let path = samsyn::store::save_new(dir.path(), &m).unwrap();
    // Amended and finalized again: a word changed in a2, and a seventh action.
    let mut amended = prev.clone();
    let at = prev.date.and_hms_opt(16, 0, 0).unwrap();
    samsyn::store::amend(
        &prev_path,
        &mut amended,
        "Läkarbesöket flyttat",
        "Fatima",
        at,
    )
    .unwrap();
    amended.actions[1].what = "Läkarbesök på BUP i januari.".into();
    let mut extra = amended.actions[4].clone();
    extra.what = "Fatima ringer Mikael efter mötet.".into();
    amended.add_action(extra);
    let agenda = Catalogue::builtin().get("sip").unwrap().clone();
    rules::finalize(&mut amended, &agenda, "Fatima", at).unwrap();
    samsyn::store::save(&prev_path, &amended).unwrap();

    let m = samsyn::store::load(&path).unwrap();
    let newer = samsyn::store::amended_previous(&m, &path).expect("offered");
    let mut m = m;
    m.take_in(&newer, "prev.ron");
    assert_eq!(m.reviews.len(), 7);
    assert_eq!(
        m.reviews[1].outcome,
        Some(Outcome::Done),
        "what was said stays"
    );
    assert_eq!(m.reviews[1].was.what, "Läkarbesök på BUP i januari.");
    assert_eq!(
        m.reviews[6].outcome, None,
        "the new action is to be reviewed"
    );
    assert_eq!(
        samsyn::store::previous_problem(&m, &path, samsyn::i18n::Lang::Sv),
        None
    );
    assert_eq!(samsyn::store::amended_previous(&m, &path), None);
}

#[test]
fn a_carried_action_asks_again_for_whoever_left_and_no_newcomer_takes_their_id() {
    let prev = finalized(example("sip-bup.ron"));
    let (mut m, _) = follow_up(&prev, "2027-01-13");
    // Erik Johansson (p4) performed the KBT; he has left the case.
    let i = m
        .participants
        .iter()
        .position(|p| p.id.as_str() == "p4")
        .unwrap();
    m.participants.remove(i);
    let a = m.carry_over(0).unwrap();
    assert_eq!(a.performer, None, "asked for again");
    // Leo (p7) had the last id; a newcomer does not get a reviewed person's id.
    let j = m
        .participants
        .iter()
        .position(|p| p.id.as_str() == "p7")
        .unwrap();
    let mut leo = m.participants.remove(j);
    leo.name = "Ny person".into();
    let id = m.add_participant(leo);
    assert_ne!(id.as_str(), "p4");
    assert_ne!(id.as_str(), "p5");
}

//! The calendar export read back with the `icalendar` crate's parser, as a calendar
//! program would: who wrote it (PRODID), an all-day follow-up when no time was set, a
//! to-do for every date someone must act by, and a SEQUENCE that grows with amendments.

use crate::common;

use chrono::{NaiveDate, TimeDelta};
use common::{finalized_sip_meeting, sip_agenda, sip_meeting};
use icalendar::{Calendar, CalendarDateTime, Component, DatePerhapsTime, Todo, TodoStatus};
use samsyn::export::{self, Format, Options, ics};
use samsyn::i18n::Lang;
use samsyn::meeting::{ActionStatus, Id, Meeting};

fn ics_text(m: &Meeting, lang: Lang) -> String {
    let bytes = export::export(
        m,
        &sip_agenda(),
        Format::Ics,
        Options {
            lang,
            pseudonymize: false,
            contacts: false,
        },
    )
    .unwrap_or_else(|e| panic!("ICS export failed: {e}"));
    String::from_utf8(bytes).unwrap()
}

fn calendar(m: &Meeting, lang: Lang) -> Calendar {
    ics_text(m, lang)
        .parse()
        .expect("icalendar parses the export back")
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn todo<'a>(cal: &'a Calendar, uid: &str) -> &'a Todo {
    cal.todos()
        .find(|t| t.get_uid() == Some(uid))
        .unwrap_or_else(|| panic!("no to-do {uid}"))
}

/// Every component's SEQUENCE.
fn sequences(cal: &Calendar) -> Vec<u32> {
    cal.events()
        .map(|e| e.get_sequence().expect("an event has a SEQUENCE"))
        .chain(
            cal.todos()
                .map(|t| t.get_sequence().expect("a to-do has a SEQUENCE")),
        )
        .collect()
}

#[test]
fn prodid_names_samsyn_and_its_version() {
    let m = sip_meeting();
    for (lang, tag) in [(Lang::Sv, "SV"), (Lang::En, "EN")] {
        let text = ics_text(&m, lang);
        let cal: Calendar = text.parse().unwrap();
        let expected = format!("-//samsyn//samsyn {}//{tag}", env!("CARGO_PKG_VERSION"));
        assert_eq!(cal.property_value("PRODID"), Some(expected.as_str()));
        assert_eq!(
            text.matches("\r\nPRODID:").count(),
            1,
            "one PRODID, not the library's as well:\n{text}"
        );
        assert!(!text.contains("ICALENDAR-RS"), "{text}");
        assert_eq!(cal.property_value("VERSION"), Some("2.0"));
    }
}

#[test]
fn a_follow_up_without_a_time_is_an_all_day_event() {
    let mut m = sip_meeting();
    m.follow_up.as_mut().unwrap().time = None;
    let text = ics_text(&m, Lang::Sv);
    let unfolded = text.replace("\r\n ", "");
    assert!(
        unfolded.contains("\r\nDTSTART;VALUE=DATE:20260505\r\n"),
        "{unfolded}"
    );
    assert!(
        unfolded.contains("\r\nDTEND;VALUE=DATE:20260506\r\n"),
        "{unfolded}"
    );
    assert!(!unfolded.contains("T0900"), "no invented 09:00: {unfolded}");

    let cal: Calendar = text.parse().unwrap();
    let ev = cal.events().next().expect("the follow-up event");
    assert_eq!(ev.get_start(), Some(DatePerhapsTime::Date(d("2026-05-05"))));
    // DTEND of a date is exclusive: the event is the whole of 5 May.
    assert_eq!(ev.get_end(), Some(DatePerhapsTime::Date(d("2026-05-06"))));
}

#[test]
fn a_follow_up_with_a_time_keeps_its_time() {
    let cal = calendar(&sip_meeting(), Lang::Sv);
    let ev = cal.events().next().unwrap();
    // 13:00 in Stockholm in May is 11:00 UTC.
    let expected = d("2026-05-05").and_hms_opt(11, 0, 0).unwrap().and_utc();
    assert_eq!(
        ev.get_start(),
        Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(expected)))
    );
}

#[test]
fn a_to_do_for_every_decide_by_date_and_every_feedback_date() {
    let m = sip_meeting();
    let cal = calendar(&m, Lang::Sv);
    let a = |id: &str| Id::new(id);

    // Two actions await a decision (a2 by BUP, a4 by Fritidsgården Ljuset).
    let a2 = todo(&cal, &ics::decision_uid(&m, &a("a2")));
    assert_eq!(a2.get_due(), Some(DatePerhapsTime::Date(d("2026-04-15"))));
    assert!(
        a2.get_summary()
            .unwrap()
            .starts_with("Beslut: Sömnutredning")
    );
    assert!(
        a2.get_description()
            .unwrap()
            .contains("Beslut inväntas från: BUP")
    );
    assert_eq!(a2.get_status(), Some(TodoStatus::NeedsAction));
    let a4 = todo(&cal, &ics::decision_uid(&m, &a("a4")));
    assert_eq!(a4.get_due(), Some(DatePerhapsTime::Date(d("2026-03-20"))));
    assert!(
        a4.get_description()
            .unwrap()
            .contains("Beslut inväntas från: Fritidsgården Ljuset")
    );

    // a1's feedback to the coordinator is due on 7 April.
    let fb = todo(&cal, &ics::feedback_uid(&m, &a("a1")));
    assert_eq!(fb.get_due(), Some(DatePerhapsTime::Date(d("2026-04-07"))));
    assert!(
        fb.get_summary()
            .unwrap()
            .starts_with("Återkoppling: Anpassat schema")
    );

    // Nothing else: a decision made at the table or feedback without a date has none.
    let decisions = m.actions.iter().filter(|x| x.is_awaiting()).count();
    let feedbacks = m
        .actions
        .iter()
        .filter(|x| x.feedback.as_ref().is_some_and(|f| f.by.is_some()))
        .count();
    let deadlines = m.actions.iter().filter(|x| x.deadline.is_some()).count();
    assert_eq!((decisions, feedbacks, deadlines), (2, 1, 4));
    assert_eq!(cal.todos().count(), deadlines + decisions + feedbacks);
    assert!(
        cal.todos()
            .all(|t| t.get_uid() != Some(&ics::decision_uid(&m, &a("a1"))))
    );

    // In English the words are English.
    let en = calendar(&m, Lang::En);
    let a2 = todo(&en, &ics::decision_uid(&m, &a("a2")));
    assert!(a2.get_summary().unwrap().starts_with("Decision: "));
    let fb = todo(&en, &ics::feedback_uid(&m, &a("a1")));
    assert!(fb.get_summary().unwrap().starts_with("Feedback: "));
}

#[test]
fn a_cancelled_action_cancels_its_decision_and_feedback_to_dos() {
    let mut m = sip_meeting();
    for a in &mut m.actions {
        a.status = ActionStatus::Cancelled;
    }
    let cal = calendar(&m, Lang::Sv);
    assert!(
        cal.todos()
            .all(|t| t.get_status() == Some(TodoStatus::Cancelled))
    );
}

#[test]
fn every_summary_has_the_case_reference_and_every_to_do_the_performers_organisation() {
    let m = sip_meeting();
    for lang in [Lang::Sv, Lang::En] {
        let cal = calendar(&m, lang);
        for ev in cal.events() {
            assert!(ev.get_summary().unwrap().contains("BoF 2026-0412"));
        }
        assert_eq!(cal.todos().count(), 7);
        for t in cal.todos() {
            let uid = t.get_uid().unwrap();
            let action = m
                .actions
                .iter()
                .find(|a| {
                    [
                        ics::action_uid(&m, &a.id),
                        ics::decision_uid(&m, &a.id),
                        ics::feedback_uid(&m, &a.id),
                    ]
                    .iter()
                    .any(|u| u == uid)
                })
                .unwrap_or_else(|| panic!("{uid} names no action"));
            let summary = t.get_summary().unwrap();
            assert!(summary.contains("BoF 2026-0412"), "{summary}");
            let org = action.organisation.as_ref().map_or_else(
                || samsyn::i18n::terms::capital(samsyn::i18n::terms::family(lang)),
                |o| m.organisation_name(o),
            );
            assert!(summary.contains(&org), "{summary}");
            let description = t.get_description().unwrap();
            assert!(description.contains(&org), "{description}");
        }
    }
}

#[test]
fn without_a_case_reference_the_summary_names_the_meeting_type() {
    let mut m = sip_meeting();
    m.case_ref.clear();
    let cal = calendar(&m, Lang::Sv);
    let name = sip_agenda().name.get(Lang::Sv).to_string();
    for t in cal.todos() {
        assert!(t.get_summary().unwrap().contains(&name));
    }
}

#[test]
fn uids_are_stable_across_exports_and_unique() {
    let m = sip_meeting();
    let uids = |c: &Calendar| {
        let mut v: Vec<String> = c
            .events()
            .map(|e| e.get_uid().unwrap().to_string())
            .chain(c.todos().map(|t| t.get_uid().unwrap().to_string()))
            .collect();
        v.sort();
        v
    };
    let first = uids(&calendar(&m, Lang::Sv));
    let mut unique = first.clone();
    unique.dedup();
    assert_eq!(first.len(), unique.len(), "{first:?}");
    assert_eq!(first, uids(&calendar(&m, Lang::En)));
    assert_eq!(first, uids(&calendar(&m, Lang::Sv)));
}

#[test]
fn sequence_is_the_same_on_re_export_and_grows_with_each_amendment() {
    let agenda = sip_agenda();
    let draft = sip_meeting();
    assert!(
        sequences(&calendar(&draft, Lang::Sv))
            .iter()
            .all(|s| *s == 0)
    );

    let finalized = finalized_sip_meeting();
    let first = sequences(&calendar(&finalized, Lang::Sv));
    assert_eq!(first.len(), 8, "the event and seven to-dos");
    assert!(first.iter().all(|s| *s == first[0]));
    assert!(first[0] > 0);
    // Exporting the unchanged meeting again gives the same SEQUENCE.
    assert_eq!(sequences(&calendar(&finalized, Lang::Sv)), first);
    assert_eq!(sequences(&calendar(&finalized, Lang::En)), first);

    // Amend: the follow-up moves a week; the amended draft already outranks the old
    // export, and finalizing it again outranks that.
    let mut amended = finalized.clone();
    let at = d("2026-03-12").and_hms_opt(9, 0, 0).unwrap();
    amended
        .amend("Uppföljningen flyttad en vecka", "Karin Ek", at)
        .unwrap();
    let f = amended.follow_up.as_mut().unwrap();
    f.date += TimeDelta::days(7);
    let while_amending = sequences(&calendar(&amended, Lang::Sv));
    assert!(
        while_amending.iter().all(|s| *s > first[0]),
        "{while_amending:?}"
    );
    samsyn::rules::finalize(&mut amended, &agenda, "Karin Ek", at + TimeDelta::hours(1))
        .unwrap_or_else(|p| panic!("{p:?}"));
    let refinalized = sequences(&calendar(&amended, Lang::Sv));
    assert!(
        refinalized.iter().all(|s| *s > while_amending[0]),
        "{refinalized:?}"
    );
    assert_eq!(ics::sequence(&amended), refinalized[0]);
    let ev = calendar(&amended, Lang::Sv);
    let start = ev.events().next().unwrap().get_start();
    let expected = d("2026-05-12").and_hms_opt(11, 0, 0).unwrap().and_utc();
    assert_eq!(
        start,
        Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(expected)))
    );
}

//! iCalendar: the follow-up meeting as an event and every action with a deadline as a
//! to-do. Calendar data leaves the protected minutes, so it names no one in the family:
//! the caller passes a pseudonymized meeting, and the texts here hold only the case
//! reference, the action's wording and the performer's organisation.

use crate::agenda::Agenda;
use crate::i18n::Lang;
use crate::i18n::minutes as l;
use crate::i18n::terms::{self, capital};
use crate::meeting::Meeting;
use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Utc};
use icalendar::{
    Calendar, Component, DatePerhapsTime, Event, EventLike, EventStatus, Todo, TodoStatus,
};

/// The meetings happen in Sweden. Times are written in UTC, which every calendar program
/// reads without a time-zone definition, converted from Swedish local time.
fn stockholm_to_utc(local: NaiveDateTime) -> DateTime<Utc> {
    // EU summer time: from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
    // Sunday of October, Sweden is UTC+2; otherwise UTC+1.
    let year = local.date().year();
    let last_sunday = |month: u32| {
        let first_of_next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)
        }
        .expect("a valid date");
        let last = first_of_next - TimeDelta::days(1);
        last - TimeDelta::days(i64::from(last.weekday().num_days_from_sunday()))
    };
    let one = NaiveTime::from_hms_opt(1, 0, 0).expect("a valid time");
    let summer_from = last_sunday(3).and_time(one);
    let summer_until = last_sunday(10).and_time(one);
    let as_winter = local - TimeDelta::hours(1);
    let utc = if as_winter >= summer_from && local - TimeDelta::hours(2) < summer_until {
        local - TimeDelta::hours(2)
    } else {
        as_winter
    };
    utc.and_utc()
}

/// A follow-up without a time is put at this time of day.
const DEFAULT_TIME: NaiveTime = NaiveTime::from_hms_opt(9, 0, 0).expect("a valid time");

/// The UID of the follow-up event: stable across re-exports, so calendar programs update
/// the event instead of adding a second one.
pub fn follow_up_uid(m: &Meeting) -> String {
    format!("samsyn-{}-followup@samsyn", m.id)
}

/// The UID of an action's to-do.
pub fn action_uid(m: &Meeting, action: &crate::meeting::Id) -> String {
    format!("samsyn-{}-action-{}@samsyn", m.id, action)
}

/// The case reference, or the meeting type when there is none.
fn case(m: &Meeting, agenda: &Agenda, lang: Lang) -> String {
    if m.case_ref.trim().is_empty() {
        agenda.name.get(lang).to_string()
    } else {
        format!("{} {}", l::CASE_REF.get(lang), m.case_ref.trim())
    }
}

/// The calendar for a (pseudonymized) meeting.
pub fn to_ics(m: &Meeting, agenda: &Agenda, lang: Lang) -> String {
    let stamp = Utc::now();
    let mut cal = Calendar::new();
    cal.name(&format!(
        "{} – {}",
        agenda.name.get(lang),
        case(m, agenda, lang)
    ));
    // A sequence that grows with each revision, so an updated export wins.
    let sequence = m.revisions.len() as u32;
    // A draft's dates may still change: say so, and mark the event tentative.
    let standing = match &m.finalized {
        None => l::DRAFT.get(lang).to_string(),
        Some(s) => format!("{} {}", l::FINALIZED_AT.get(lang), s.at.format("%Y-%m-%d")),
    };

    if let Some(f) = &m.follow_up {
        let start = f.date.and_time(f.time.unwrap_or(DEFAULT_TIME));
        let minutes = agenda.typical_minutes().max(30);
        let end = start + TimeDelta::minutes(i64::from(minutes));
        let mut description = format!(
            "{}: {}\n{}",
            l::FOLLOW_UP_MEETING.get(lang),
            agenda.name.get(lang),
            case(m, agenda, lang)
        );
        description += &format!(
            "\n{}: {} ({standing})",
            l::PREVIOUS_MEETING.get(lang),
            m.date
        );
        let mut event = Event::new();
        event
            .uid(&follow_up_uid(m))
            .timestamp(stamp)
            .sequence(sequence)
            .summary(&format!(
                "{}: {} – {}",
                l::FOLLOW_UP.get(lang),
                agenda.name.get(lang),
                case(m, agenda, lang)
            ))
            .description(&description)
            .status(if m.is_finalized() {
                EventStatus::Confirmed
            } else {
                EventStatus::Tentative
            })
            .starts(stockholm_to_utc(start))
            .ends(stockholm_to_utc(end));
        if !f.place.trim().is_empty() {
            event.location(f.place.trim());
        }
        cal.push(event.done());
    }

    for a in m.actions.iter() {
        let Some(due) = a.deadline else { continue };
        let mut todo = Todo::new();
        let organisation = match &a.organisation {
            Some(o) => m.organisation_name(o),
            None => capital(terms::family(lang)),
        };
        todo.uid(&action_uid(m, &a.id))
            .timestamp(stamp)
            .sequence(sequence)
            .summary(&format!("{} ({organisation})", first_line(&a.what)))
            .description(&format!(
                "{}\n{}: {organisation}\n{} ({standing})",
                a.what.trim(),
                l::ORGANISATION.get(lang),
                case(m, agenda, lang)
            ))
            .due(DatePerhapsTime::Date(due));
        use crate::meeting::ActionStatus as S;
        match a.status {
            S::Done => {
                todo.status(TodoStatus::Completed);
            }
            S::Cancelled => {
                todo.status(TodoStatus::Cancelled);
            }
            S::PartlyDone => {
                todo.status(TodoStatus::InProcess);
            }
            _ => {
                todo.status(TodoStatus::NeedsAction);
            }
        }
        cal.push(todo.done());
    }
    cal.done().to_string()
}

fn first_line(text: &str) -> &str {
    text.trim().lines().next().unwrap_or("").trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(local: &str) -> String {
        let dt = NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M").unwrap();
        stockholm_to_utc(dt).format("%Y-%m-%d %H:%M").to_string()
    }

    #[test]
    fn swedish_local_time_to_utc_follows_summer_time() {
        assert_eq!(utc("2026-01-15 13:00"), "2026-01-15 12:00");
        assert_eq!(utc("2026-05-05 13:00"), "2026-05-05 11:00");
        // 2026: summer time from Sunday 29 March to Sunday 25 October.
        assert_eq!(utc("2026-03-28 12:00"), "2026-03-28 11:00");
        assert_eq!(utc("2026-03-29 12:00"), "2026-03-29 10:00");
        assert_eq!(utc("2026-10-24 12:00"), "2026-10-24 10:00");
        assert_eq!(utc("2026-10-25 12:00"), "2026-10-25 11:00");
        assert_eq!(utc("2026-12-31 23:30"), "2026-12-31 22:30");
    }
}

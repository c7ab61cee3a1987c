//! iCalendar: the follow-up meeting as an event, and a to-do for each date someone must
//! act by: an action's deadline, an awaited decision's decide-by date, a feedback date.
//! Calendar data leaves the protected minutes, so it names no one in the family: the
//! caller passes a pseudonymized meeting, and the texts here hold only the case
//! reference, the action's wording and the organisations.

use crate::agenda::Agenda;
use crate::i18n::Lang;
use crate::i18n::minutes::{self as l, Label};
use crate::i18n::terms::{self, capital};
use crate::meeting::{Action, ActionStatus, Decision, Id, Meeting};
use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Utc};
use icalendar::{
    Calendar, Component, DatePerhapsTime, Event, EventLike, EventStatus, Property, Todo, TodoStatus,
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

// The words only the calendar uses.
const DECISION: Label = Label("Beslut", "Decision");
const DECISION_FROM: Label = Label("Beslut inväntas från", "Decision awaited from");
const DECIDE_BY: Label = Label("Beslut senast", "Decide by");
const FEEDBACK_BY: Label = Label("Återkoppling senast", "Feedback by");
const DEADLINE: Label = Label("Klart senast", "Done by");

/// PRODID: who wrote the calendar, as a formal public identifier (RFC 5545 §3.7.3), with
/// the version so a receiver can tell which samsyn wrote a file.
pub fn product_id(lang: Lang) -> String {
    format!(
        "-//samsyn//samsyn {}//{}",
        env!("CARGO_PKG_VERSION"),
        lang.pick("SV", "EN")
    )
}

/// SEQUENCE: how many times the meeting has been finalized or amended, which is the
/// length of its revision log. A finalized meeting changes only by amending, and amending
/// adds to the log, so an unchanged meeting exports the same SEQUENCE every time and each
/// amendment (and the finalizing after it) a higher one; calendar programs then take
/// the new dates over the old. A draft, whose dates may still change, has none of these
/// steps to count: its events stay at 0 and are marked TENTATIVE, and a re-exported draft
/// wins by its newer DTSTAMP.
pub fn sequence(m: &Meeting) -> u32 {
    m.calendar_sequence()
}

/// The UID of the follow-up event: stable across re-exports, so calendar programs update
/// the event instead of adding a second one. The same holds for each to-do's UID below.
pub fn follow_up_uid(m: &Meeting) -> String {
    format!("samsyn-{}-followup@samsyn", m.id)
}

/// The UID of the meeting's own event. A follow-up is the event the previous minutes
/// announced; a first meeting has one of its own. The kallelse and the follow-up's minutes
/// write this same event, so a calendar keeps one entry for the meeting.
pub fn meeting_uid(m: &Meeting) -> String {
    match &m.previous {
        Some(p) => format!("samsyn-{}-followup@samsyn", p.id),
        None => format!("samsyn-{}-meeting@samsyn", m.id),
    }
}

/// The SEQUENCE of the meeting's own event (`Meeting::own_event_sequence`).
pub fn meeting_sequence(m: &Meeting) -> u32 {
    m.own_event_sequence()
}

/// The meeting's own event at its time, for its end or the agenda's length; all day when
/// no time is set.
pub(super) fn meeting_times(event: &mut Event, m: &Meeting, agenda: &Agenda) {
    match m.start {
        Some(time) => {
            let start = m.date.and_time(time);
            let end = match m.end.filter(|e| *e > time) {
                Some(e) => m.date.and_time(e),
                None => start + TimeDelta::minutes(i64::from(agenda.typical_minutes().max(30))),
            };
            event
                .starts(stockholm_to_utc(start))
                .ends(stockholm_to_utc(end));
        }
        None => {
            event.starts(m.date).ends(m.date + TimeDelta::days(1));
        }
    }
}

/// The UID of the to-do for an action's deadline.
pub fn action_uid(m: &Meeting, action: &Id) -> String {
    format!("samsyn-{}-action-{}@samsyn", m.id, action)
}

/// The UID of the to-do for an awaited decision's decide-by date.
pub fn decision_uid(m: &Meeting, action: &Id) -> String {
    format!("samsyn-{}-decision-{}@samsyn", m.id, action)
}

/// The UID of the to-do for an action's feedback date (återkoppling).
pub fn feedback_uid(m: &Meeting, action: &Id) -> String {
    format!("samsyn-{}-feedback-{}@samsyn", m.id, action)
}

/// The case reference, or the meeting type when there is none.
fn case(m: &Meeting, agenda: &Agenda, lang: Lang) -> String {
    if m.case_ref.trim().is_empty() {
        agenda.name.get(lang).to_string()
    } else {
        format!("{} {}", l::CASE_REF.get(lang), m.case_ref.trim())
    }
}

/// The organisation that carries the action out, or "the family" for its own measure.
fn organisation(m: &Meeting, a: &Action, lang: Lang) -> String {
    match &a.organisation {
        Some(o) => m.organisation_name(o),
        None => capital(terms::family(lang)),
    }
}

/// What every component of one export shares.
struct Ics<'a> {
    m: &'a Meeting,
    agenda: &'a Agenda,
    lang: Lang,
    stamp: DateTime<Utc>,
    sequence: u32,
    /// The case reference, in every summary so a to-do list shows whose plan it is.
    case: String,
    /// "Draft" or "Finalized <date>": a draft's dates may still change.
    standing: String,
}

/// The calendar for a (pseudonymized) meeting.
pub fn to_ics(m: &Meeting, agenda: &Agenda, lang: Lang) -> String {
    let c = Ics {
        m,
        agenda,
        lang,
        stamp: Utc::now(),
        sequence: sequence(m),
        case: case(m, agenda, lang),
        standing: match &m.finalized {
            None => l::DRAFT.get(lang).to_string(),
            Some(s) => format!("{} {}", l::FINALIZED_AT.get(lang), s.at.format("%Y-%m-%d")),
        },
    };
    let mut cal = Calendar::empty();
    cal.append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("PRODID", product_id(lang)))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .name(&format!("{} – {}", agenda.name.get(lang), c.case));
    if let Some(event) = c.this_follow_up() {
        cal.push(event);
    }
    if let Some(event) = c.follow_up() {
        cal.push(event);
    }
    for a in &m.actions {
        if let Some(todo) = c.deadline(a) {
            cal.push(todo);
        }
        if let Some(todo) = c.decision(a) {
            cal.push(todo);
        }
        if let Some(todo) = c.feedback(a) {
            cal.push(todo);
        }
    }
    cal.done().to_string()
}

impl Ics<'_> {
    /// A follow-up meeting not yet finalized is the event the previous minutes
    /// announced: the same UID, and when it has moved from the announced date or time, a
    /// SEQUENCE above the announced one, so calendars move the event instead of keeping
    /// two.
    fn this_follow_up(&self) -> Option<Event> {
        let (m, agenda, lang) = (self.m, self.agenda, self.lang);
        let p = m.previous.as_ref().filter(|_| !m.is_finalized())?;
        let mut event = Event::new();
        event
            .uid(&meeting_uid(m))
            .timestamp(self.stamp)
            .sequence(meeting_sequence(m))
            .summary(&format!(
                "{}: {} – {}",
                l::FOLLOW_UP.get(lang),
                agenda.name.get(lang),
                self.case
            ))
            .description(&format!(
                "{}: {}\n{}\n{}: {}",
                l::FOLLOW_UP_MEETING.get(lang),
                agenda.name.get(lang),
                self.case,
                l::PREVIOUS_MEETING.get(lang),
                p.date
            ))
            .status(EventStatus::Confirmed);
        meeting_times(&mut event, m, agenda);
        if !m.place.trim().is_empty() {
            event.location(m.place.trim());
        }
        Some(event.done())
    }

    /// The follow-up meeting: at its time for the agenda's length, or all day when no
    /// time is set (a time nobody agreed on would send people to a meeting at 09:00).
    fn follow_up(&self) -> Option<Event> {
        let (m, agenda, lang) = (self.m, self.agenda, self.lang);
        let f = m.follow_up.as_ref()?;
        let description = format!(
            "{}: {}\n{}\n{}: {} ({})",
            l::FOLLOW_UP_MEETING.get(lang),
            agenda.name.get(lang),
            self.case,
            l::PREVIOUS_MEETING.get(lang),
            m.date,
            self.standing
        );
        let mut event = Event::new();
        event
            .uid(&follow_up_uid(m))
            .timestamp(self.stamp)
            .sequence(self.sequence)
            .summary(&format!(
                "{}: {} – {}",
                l::FOLLOW_UP.get(lang),
                agenda.name.get(lang),
                self.case
            ))
            .description(&description)
            .status(if m.is_finalized() {
                EventStatus::Confirmed
            } else {
                EventStatus::Tentative
            });
        match f.time {
            Some(time) => {
                let start = f.date.and_time(time);
                let minutes = agenda.typical_minutes().max(30);
                let end = start + TimeDelta::minutes(i64::from(minutes));
                event
                    .starts(stockholm_to_utc(start))
                    .ends(stockholm_to_utc(end));
            }
            // DTEND of a date is the day after: the event lasts the whole day.
            None => {
                event.starts(f.date).ends(f.date + TimeDelta::days(1));
            }
        }
        if !f.place.trim().is_empty() {
            event.location(f.place.trim());
        }
        Some(event.done())
    }

    /// A to-do due on `due`, for action `a`: "<prefix: >what (organisation) – case".
    fn todo(&self, uid: String, prefix: Option<Label>, a: &Action, due: NaiveDate) -> Todo {
        let lang = self.lang;
        let what = first_line(&a.what);
        let summary = match prefix {
            Some(p) => format!(
                "{}: {what} ({}) – {}",
                p.get(lang),
                organisation(self.m, a, lang),
                self.case
            ),
            None => format!("{what} ({}) – {}", organisation(self.m, a, lang), self.case),
        };
        let mut todo = Todo::new();
        todo.uid(&uid)
            .timestamp(self.stamp)
            .sequence(self.sequence)
            .summary(&summary)
            .due(DatePerhapsTime::Date(due));
        todo
    }

    /// The lines every to-do's description ends with.
    fn description(&self, a: &Action, lines: &[(Label, String)]) -> String {
        let lang = self.lang;
        let mut d = a.what.trim().to_string();
        for (label, value) in lines {
            d += &format!("\n{}: {value}", label.get(lang));
        }
        d += &format!(
            "\n{}: {}\n{} ({})",
            l::ORGANISATION.get(lang),
            organisation(self.m, a, lang),
            self.case,
            self.standing
        );
        d
    }

    /// The action itself, due on its deadline, with the action's status.
    fn deadline(&self, a: &Action) -> Option<Todo> {
        let due = a.deadline?;
        let mut todo = self.todo(action_uid(self.m, &a.id), None, a, due);
        todo.description(&self.description(a, &[(DEADLINE, due.to_string())]))
            .status(match a.status {
                ActionStatus::Done => TodoStatus::Completed,
                ActionStatus::Cancelled => TodoStatus::Cancelled,
                ActionStatus::PartlyDone => TodoStatus::InProcess,
                ActionStatus::Agreed | ActionStatus::AwaitingDecision | ActionStatus::NotDone => {
                    TodoStatus::NeedsAction
                }
            });
        Some(todo.done())
    }

    /// An awaited decision (beslut inväntas), due on its decide-by date. A decision that
    /// has been made is no longer `Awaiting`, so it has no to-do.
    fn decision(&self, a: &Action) -> Option<Todo> {
        let Decision::Awaiting {
            organisation: decided_in,
            decide_by: Some(due),
            ..
        } = &a.decision
        else {
            return None;
        };
        // The decision maker's organisation, not their name: the calendar names nobody.
        let from = match decided_in {
            Some(o) => self.m.organisation_name(o),
            None => organisation(self.m, a, self.lang),
        };
        let mut todo = self.todo(decision_uid(self.m, &a.id), Some(DECISION), a, *due);
        todo.description(
            &self.description(a, &[(DECISION_FROM, from), (DECIDE_BY, due.to_string())]),
        )
        .status(open_unless_cancelled(a));
        Some(todo.done())
    }

    /// The feedback (återkoppling) on an action, due on its date. Who reports to whom is
    /// left to the minutes: the calendar names nobody.
    fn feedback(&self, a: &Action) -> Option<Todo> {
        let due = a.feedback.as_ref()?.by?;
        let mut todo = self.todo(feedback_uid(self.m, &a.id), Some(l::FEEDBACK), a, due);
        todo.description(&self.description(a, &[(FEEDBACK_BY, due.to_string())]))
            .status(open_unless_cancelled(a));
        Some(todo.done())
    }
}

/// A decision or a feedback is still to come unless its action was cancelled; whether
/// it came is not recorded.
fn open_unless_cancelled(a: &Action) -> TodoStatus {
    if a.status == ActionStatus::Cancelled {
        TodoStatus::Cancelled
    } else {
        TodoStatus::NeedsAction
    }
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

//! Dates and times typed into forms. The one parser is `samsyn::datetime` (its own
//! module); this file only adapts its answer for the form fields.
//!
//! Until `samsyn::datetime` lands on this branch, `parse` accepts ISO dates with an
//! optional time (`2026-12-03`, `2026-12-03 14:00`); the call site stays the same.

use chrono::{Datelike, NaiveDate, NaiveTime};
use samsyn::i18n::Lang;

/// A date, with a time when one was typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
}

/// Parse what a person typed, relative to the meeting's date. The error is a hint.
pub fn parse(input: &str, meeting_date: NaiveDate) -> Result<When, String> {
    let _ = meeting_date;
    let input = input.trim();
    let (d, t) = match input.split_once(' ') {
        Some((d, t)) => (d, Some(t.trim())),
        None => (input, None),
    };
    let date = NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| hint())?;
    let time = match t {
        None => None,
        Some(t) => Some(NaiveTime::parse_from_str(t, "%H:%M").map_err(|_| hint())?),
    };
    Ok(When { date, time })
}

fn hint() -> String {
    "2026-12-03 14:00".to_string()
}

/// The parsed result as shown before it is accepted: "tor 3 dec 2026 14:00".
pub fn describe(w: &When, lang: Lang) -> String {
    const SV_DAYS: [&str; 7] = ["mån", "tis", "ons", "tor", "fre", "lör", "sön"];
    const EN_DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let day = w.date.weekday().num_days_from_monday() as usize;
    let name = lang.pick(SV_DAYS[day], EN_DAYS[day]);
    let mut s = format!("{name} {}", w.date.format("%Y-%m-%d"));
    if let Some(t) = w.time {
        s.push_str(&format!(" {}", t.format("%H:%M")));
    }
    s
}
